//! true and false: the status whatever the arguments, the sole
//! `--help`/`--version` rule, write errors, and one system call.

mod common;
use common::*;

const VERSION: &str = env!("CARGO_PKG_VERSION");

#[test]
fn true_exits_0_and_false_exits_1_with_no_output() {
    if !has(&["true", "false"]) {
        return;
    }
    run_as("true").assert().code(0).stdout("").stderr("");
    run_as("false").assert().code(1).stdout("").stderr("");
}

#[test]
fn arguments_are_ignored_whatever_they_are() {
    if !has(&["true", "false"]) {
        return;
    }
    let odd: &[&[&str]] = &[
        &["x"],
        &[""],
        &["--hel"],
        &["-h"],
        &["--help", "x"],
        &["x", "--help"],
        &["--version", "--help"],
        &["--"],
        &["--help="],
        &["--HELP"],
        &["-", "--", "---"],
    ];
    for args in odd {
        run_as("true").args(*args).assert().code(0).stdout("").stderr("");
        run_as("false").args(*args).assert().code(1).stdout("").stderr("");
    }
}

#[test]
fn sole_help_prints_usage_and_keeps_the_status() {
    if !has(&["true", "false"]) {
        return;
    }
    run_as("true").arg("--help").assert().code(0).stdout(help_is("true [ignored arguments]", &[], 1)).stderr("");
    run_as("false").arg("--help").assert().code(1).stdout(help_is("false [ignored arguments]", &[], 1)).stderr("");
}

#[test]
fn sole_version_prints_the_version_line() {
    if !has(&["true", "false"]) {
        return;
    }
    run_as("true").arg("--version").assert().code(0).stdout(format!("true (femtobox) {VERSION}\n"));
    run_as("false").arg("--version").assert().code(1).stdout(format!("false (femtobox) {VERSION}\n"));
    // The applet's own name, not argv[0] as given.
    run_as("/usr/bin/true").arg("--version").assert().code(0).stdout(format!("true (femtobox) {VERSION}\n"));
}

#[test]
fn help_on_a_full_disk_is_a_write_error() {
    if !has(&["true", "false"]) {
        return;
    }
    let full = || std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    std_as("true")
        .arg("--help")
        .stdout(full())
        .output()
        .unwrap()
        .assert()
        .code(1)
        .stderr("true: write error: No space left on device\n");
    std_as("/bin/false")
        .arg("--version")
        .stdout(full())
        .output()
        .unwrap()
        .assert()
        .code(1)
        .stderr("/bin/false: write error: No space left on device\n");
}

#[test]
fn help_with_stdout_closed_is_bad_file_descriptor() {
    if !has(&["true", "false"]) {
        return;
    }
    // A shell's `>&-`: the child starts with no fd 1.
    let sh = std::process::Command::new("bash")
        .arg("-c")
        .arg("exec -a true \"$0\" --help >&-")
        .arg(bin())
        .output()
        .expect("sh");
    assert_eq!(sh.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&sh.stderr), "true: write error: Bad file descriptor\n");
}

#[test]
fn true_makes_exactly_one_system_call_exit_group() {
    if !has(&["true", "false"]) {
        return;
    }
    for args in [&[][..], &["x", "--help", "y"][..]] {
        if let Some(calls) = syscalls("true", args) {
            assert_eq!(calls, ["exit_group"], "true {args:?}");
        }
    }
    if let Some(calls) = syscalls("false", &[]) {
        assert_eq!(calls, ["exit_group"]);
    }
}

#[test]
fn help_is_one_write_and_exit() {
    if !has(&["true", "false"]) {
        return;
    }
    if let Some(calls) = syscalls("true", &["--help"]) {
        assert_eq!(calls, ["write", "exit_group"]);
    }
}

#[test]
fn statuses_match_gnu_for_every_argument_vector() {
    if !has(&["true", "false"]) {
        return;
    }
    let (Some(t), Some(f)) = (gnu("true"), gnu("false")) else { return };
    let vectors: &[&[&str]] = &[&[], &["--help", "x"], &["--hel"], &["-h"], &["a", "b", "c"], &[""], &["--"]];
    for args in vectors {
        let want_t = run_real(&t).args(*args).output().unwrap();
        let want_f = run_real(&f).args(*args).output().unwrap();
        run_as("true").args(*args).assert().code(want_t.status.code().unwrap()).stdout(want_t.stdout);
        run_as("false").args(*args).assert().code(want_f.status.code().unwrap()).stdout(want_f.stdout);
    }
    // --help/--version: our own words, GNU's statuses.
    for opt in ["--help", "--version"] {
        let st = run_real(&t).arg(opt).output().unwrap().status.code();
        run_as("true").arg(opt).assert().code(st.unwrap());
        let st = run_real(&f).arg(opt).output().unwrap().status.code();
        run_as("false").arg(opt).assert().code(st.unwrap());
    }
}
