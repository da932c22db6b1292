//! The multi-call dispatch: argv[0]'s basename, `femtobox APPLET`, the box's
//! own options, `--install`, unknown names, and argv that is odd or missing.

mod common;
use common::*;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;

const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The box's usage, listing this build's applets.
fn usage() -> String {
    let options = if help_built() {
        concat!(
            "  APPLET [ARG]...     run APPLET (also: run femtobox under APPLET's name)\n",
            "  --list              the applets, one a line\n",
            "  --install [-s] DIR  DIR/APPLET for each applet: a hard link to femtobox (-s: symlink)\n",
        )
    } else {
        ""
    };
    format!(
        "Usage: femtobox [APPLET [ARG]... | --list | --install [-s] DIR]\n{options}Applets: {}\n",
        applets().join(" ")
    )
}

/// `--list`: this build's applets, one a line.
fn list() -> String {
    applets().iter().map(|a| format!("{a}\n")).collect()
}

#[test]
fn the_applet_is_the_basename_of_argv0() {
    if !has(&["true", "false"]) {
        return;
    }
    for name in ["false", "/bin/false", "./false", "a/b/c/false", "-false", "/x/-false"] {
        run_as(name).assert().code(1).stdout("").stderr("");
    }
    for name in ["true", "/usr/local/bin/true", "-true"] {
        run_as(name).assert().code(0).stdout("").stderr("");
    }
}

#[test]
fn only_one_leading_dash_is_dropped() {
    run_as("--true").assert().code(127).stderr("-true: applet not found\n");
}

#[test]
fn femtobox_applet_runs_the_applet_with_the_rest_of_argv() {
    if !has(&["true", "false"]) {
        return;
    }
    run_as("femtobox").arg("true").assert().code(0).stdout("");
    run_as("femtobox").arg("false").assert().code(1).stdout("");
    run_as("/opt/femtobox").args(["true", "--help"]).assert().code(0).stdout(help_is(
        "true [ignored arguments]",
        &[],
        1,
    ));
    run_as("femtobox").args(["false", "--version"]).assert().code(1).stdout(format!("false (femtobox) {VERSION}\n"));
    // The box under its own name, again and again, is still the box.
    run_as("femtobox").args(["femtobox", "femtobox", "false"]).assert().code(1);
    run_as("-femtobox").args(["true"]).assert().code(0);
}

#[test]
fn messages_of_an_applet_run_through_the_box_carry_the_applet_name() {
    if !has(&["true", "false"]) {
        return;
    }
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    std_as("femtobox")
        .args(["true", "--help"])
        .stdout(full)
        .output()
        .unwrap()
        .assert()
        .code(1)
        .stderr("true: write error: No space left on device\n");
}

#[test]
fn the_box_alone_or_with_help_prints_usage_and_the_applets() {
    run_as("femtobox").assert().code(0).stdout(usage()).stderr("");
    run_as("femtobox").arg("--help").assert().code(0).stdout(usage()).stderr("");
    run_as("/some/where/femtobox").arg("--help").assert().code(0).stdout(usage());
}

#[test]
fn list_prints_one_applet_a_line() {
    run_as("femtobox").arg("--list").assert().code(0).stdout(list()).stderr("");
}

#[test]
fn version_names_the_box() {
    run_as("femtobox").arg("--version").assert().code(0).stdout(format!("femtobox (femtobox) {VERSION}\n"));
}

#[test]
fn the_box_options_report_write_errors() {
    for opt in [&[][..], &["--help"], &["--list"], &["--version"]] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        std_as("femtobox")
            .args(opt)
            .stdout(full)
            .output()
            .unwrap()
            .assert()
            .code(1)
            .stderr("femtobox: write error: No space left on device\n");
    }
}

#[test]
fn unknown_applets_exit_127() {
    run_as("nope").assert().code(127).stdout("").stderr("nope: applet not found\n");
    run_as("/usr/bin/nope").assert().code(127).stderr("nope: applet not found\n");
    run_as("femtobox").arg("nope").assert().code(127).stderr("nope: applet not found\n");
    run_as("femtobox").arg("--bogus").assert().code(127).stderr("--bogus: applet not found\n");
    run_as("femtobox").arg("/bin/true").assert().code(127).stderr("/bin/true: applet not found\n");
    run_as("True").assert().code(127).stderr("True: applet not found\n");
    run_as("truex").assert().code(127).stderr("truex: applet not found\n");
    run_as("tru").assert().code(127).stderr("tru: applet not found\n");
}

#[test]
fn non_utf8_names_are_bytes() {
    if !has(&["true", "false"]) {
        return;
    }
    use std::ffi::OsStr;
    let mut c = std::process::Command::new(bin());
    c.arg0(OsStr::from_bytes(b"\xff\xfe")).env_clear();
    let out = c.output().unwrap();
    out.assert().code(127).stdout("").stderr(&b"\xff\xfe: applet not found\n"[..]);
    let mut c = std::process::Command::new(bin());
    c.arg0("true").arg(OsStr::from_bytes(b"\xff")).env_clear();
    c.output().unwrap().assert().code(0).stdout("");
}

#[test]
fn an_empty_argv0_is_no_applet_name() {
    run_as("").assert().code(127).stdout("").stderr("femtobox: no applet name\n");
    run_as("dir/").assert().code(127).stderr("femtobox: no applet name\n");
    run_as("-").assert().code(127).stderr("femtobox: no applet name\n");
    run_as("femtobox").arg("").assert().code(127).stderr("femtobox: no applet name\n");
}

#[test]
fn argc_zero_is_no_applet_name() {
    // execve with an empty argv: legal, and Linux >= 5.18 turns it into a
    // lone "" (older kernels pass argc == 0). Either way: no name, 127.
    use std::ffi::CString;
    extern "C" {
        fn execve(path: *const i8, argv: *const *const i8, envp: *const *const i8) -> i32;
    }
    let path = CString::new(bin().as_os_str().as_bytes()).unwrap();
    let argv: [*const i8; 1] = [std::ptr::null()];
    let env = CString::new("LC_ALL=C").unwrap();
    let envp: [*const i8; 2] = [env.as_ptr(), std::ptr::null()];
    let (path_p, argv_p, envp_p) = (path.as_ptr() as usize, argv.as_ptr() as usize, envp.as_ptr() as usize);
    let mut cmd = std::process::Command::new("/nonexistent-never-run");
    // SAFETY: the closure runs in the forked child and only calls execve,
    // which is async-signal-safe; the pointers stay valid (the parent's
    // memory is copied into the child).
    unsafe {
        cmd.pre_exec(move || {
            execve(path_p as *const i8, argv_p as *const *const i8, envp_p as *const *const i8);
            Err(std::io::Error::last_os_error())
        });
    }
    let out = cmd.output().expect("spawn with an empty argv");
    out.assert().code(127).stdout("").stderr("femtobox: no applet name\n");
    drop((path, env));
}

#[test]
fn a_hundred_thousand_arguments_are_fine() {
    if !has(&["true", "false"]) {
        return;
    }
    let args: Vec<String> = (0..100_000).map(|i| format!("a{i}")).collect();
    run_as("true").args(&args).assert().code(0).stdout("");
    run_as("false").args(&args).assert().code(1).stdout("");
    run_as("femtobox").arg("true").args(&args).assert().code(0);
}

/// A private directory holding the binary as `femtobox`.
fn boxdir(tag: &str) -> std::path::PathBuf {
    let dir = tempdir(tag);
    std::fs::create_dir(dir.join("bin")).unwrap();
    // A hard link, not a copy: a copy is a file just open for writing, and a
    // child that another test thread forks meanwhile holds that descriptor
    // until it execs, so running the copy can fail with ETXTBSY.
    let to = dir.join("bin/femtobox");
    std::fs::hard_link(bin(), &to).or_else(|_| std::fs::copy(bin(), &to).map(|_| ())).unwrap();
    dir
}

fn femtobox_in(dir: &std::path::Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(dir.join("bin/femtobox"));
    c.env_clear().env("LC_ALL", "C").timeout(std::time::Duration::from_secs(10));
    c
}

#[test]
fn install_makes_hard_links_by_default() {
    if !has(&["true", "false"]) {
        return;
    }
    let dir = boxdir("install-hard");
    let out = dir.join("out");
    std::fs::create_dir(&out).unwrap();
    femtobox_in(&dir).arg("--install").arg(&out).assert().code(0).stdout("").stderr("");
    use std::os::unix::fs::MetadataExt;
    let ino = std::fs::metadata(dir.join("bin/femtobox")).unwrap().ino();
    for name in applets() {
        let meta = std::fs::symlink_metadata(out.join(name)).unwrap();
        assert!(meta.file_type().is_file(), "{name} is a hard link");
        assert_eq!(meta.ino(), ino, "{name} is the same inode");
    }
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), applets().len(), "one link per applet, nothing else");
    assert_cmd::Command::new(out.join("false")).assert().code(1);
}

#[test]
fn install_s_in_the_binary_s_own_directory_makes_relative_symlinks() {
    if !has(&["true", "false"]) {
        return;
    }
    let dir = boxdir("install-rel");
    femtobox_in(&dir).args(["--install", "-s"]).arg(dir.join("bin")).assert().code(0).stderr("");
    for name in applets() {
        assert_eq!(std::fs::read_link(dir.join("bin").join(name)).unwrap(), std::path::Path::new("femtobox"));
    }
    // A trailing slash names the same directory.
    let dir = boxdir("install-rel-slash");
    femtobox_in(&dir).args(["--install", "-s"]).arg(format!("{}/", dir.join("bin").display())).assert().code(0);
    assert_eq!(std::fs::read_link(dir.join("bin/true")).unwrap(), std::path::Path::new("femtobox"));
    // The tree moves as a whole and still works.
    let moved = dir.with_extension("moved");
    std::fs::rename(&dir, &moved).unwrap();
    assert_cmd::Command::new(moved.join("bin/true")).assert().code(0);
    assert_cmd::Command::new(moved.join("bin/false")).assert().code(1);
}

#[test]
fn install_s_elsewhere_makes_absolute_symlinks() {
    if !has(&["true", "false"]) {
        return;
    }
    let dir = boxdir("install-abs");
    let out = dir.join("elsewhere");
    std::fs::create_dir(&out).unwrap();
    femtobox_in(&dir).args(["--install", "-s"]).arg(&out).assert().code(0).stderr("");
    let target = std::fs::read_link(out.join("true")).unwrap();
    assert_eq!(target, std::fs::canonicalize(dir.join("bin/femtobox")).unwrap());
    assert_cmd::Command::new(out.join("true")).assert().code(0);
}

#[test]
fn install_leaves_existing_files_alone_and_reports_them() {
    if !has(&["true", "false"]) {
        return;
    }
    let dir = boxdir("install-exists");
    let out = dir.join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("true"), "mine").unwrap();
    let shown = out.display().to_string();
    femtobox_in(&dir)
        .arg("--install")
        .arg(&out)
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("femtobox: {shown}/true: File exists\n"));
    assert_eq!(std::fs::read(out.join("true")).unwrap(), b"mine");
    assert!(out.join("false").exists(), "the others are still made");
    // Run again: everything exists now.
    let all: String = applets().iter().map(|a| format!("femtobox: {shown}/{a}: File exists\n")).collect();
    femtobox_in(&dir).args(["--install", "-s"]).arg(format!("{shown}/")).assert().code(1).stderr(all);
}

#[test]
fn install_into_a_missing_or_non_directory_fails_for_every_link() {
    let dir = boxdir("install-missing");
    let each = |shown: String, why: &str| -> String {
        applets().iter().map(|a| format!("femtobox: {shown}/{a}: {why}\n")).collect()
    };
    let missing = dir.join("missing");
    femtobox_in(&dir)
        .arg("--install")
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(each(missing.display().to_string(), "No such file or directory"));
    let file = dir.join("bin/femtobox");
    femtobox_in(&dir)
        .args(["--install", "-s"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(each(file.display().to_string(), "Not a directory"));
}

#[test]
fn install_into_a_directory_whose_name_is_too_long_reports_each_link() {
    let dir = boxdir("install-long");
    // One component of 4094 bytes: over NAME_MAX, so the kernel refuses it.
    let long = "d".repeat(4094);
    let want: String = applets().iter().map(|a| format!("femtobox: {long}/{a}: File name too long\n")).collect();
    femtobox_in(&dir).arg("--install").arg(&long).assert().code(1).stdout("").stderr(want);
}

#[test]
fn install_into_an_empty_directory_name_makes_nothing_at_the_root() {
    let dir = boxdir("install-empty");
    let want: String = applets().iter().map(|a| format!("femtobox: /{a}: No such file or directory\n")).collect();
    femtobox_in(&dir).args(["--install", "-s", ""]).assert().code(1).stdout("").stderr(want);
}

#[test]
fn install_with_bad_arguments_prints_usage_to_stderr() {
    let dir = boxdir("install-usage");
    for args in [
        &["--install"][..],
        &["--install", "-s"],
        &["--install", "-x", "d"],
        &["--install", "a", "b"],
        &["--install", "-s", "a", "b"],
    ] {
        femtobox_in(&dir).args(args).assert().code(1).stdout("").stderr(usage());
    }
}

#[test]
fn symlinks_and_hard_links_run_the_applet() {
    if !has(&["true", "false"]) {
        return;
    }
    let dir = tempdir("links");
    std::os::unix::fs::symlink(bin(), dir.join("true")).unwrap();
    std::os::unix::fs::symlink(bin(), dir.join("false")).unwrap();
    std::fs::copy(bin(), dir.join("copied-box")).unwrap();
    // A fresh copy can be briefly "busy" (ETXTBSY) while a child that another
    // test thread forked still holds the descriptor it was written through.
    for _ in 0..100 {
        match std::process::Command::new(dir.join("copied-box")).output() {
            Err(e) if e.raw_os_error() == Some(26) => std::thread::sleep(std::time::Duration::from_millis(10)),
            _ => break,
        }
    }
    std::fs::hard_link(dir.join("copied-box"), dir.join("-false")).unwrap();
    assert_cmd::Command::new(dir.join("true")).assert().code(0);
    assert_cmd::Command::new(dir.join("false")).assert().code(1);
    assert_cmd::Command::new(dir.join("-false")).assert().code(1);
    assert_cmd::Command::new(dir.join("copied-box")).assert().code(127).stderr("copied-box: applet not found\n");
}

#[test]
fn install_makes_each_link_with_one_call_and_stats_only_for_symlinks() {
    let dir = tempdir("install-calls");
    let n = applets().len();
    let hard = dir.join("hard");
    std::fs::create_dir(&hard).unwrap();
    if let Some(calls) = syscalls("femtobox", &["--install", hard.to_str().unwrap()]) {
        let mut want = vec!["readlinkat", "openat"];
        want.extend(std::iter::repeat_n("linkat", n));
        want.push("exit_group");
        assert_eq!(calls, want);
    }
    let soft = dir.join("soft");
    std::fs::create_dir(&soft).unwrap();
    if let Some(calls) = syscalls("femtobox", &["--install", "-s", soft.to_str().unwrap()]) {
        // Is DIR/femtobox this binary? (It is not: the links are absolute.)
        let mut want = vec!["readlinkat", "openat", "newfstatat"];
        want.extend(std::iter::repeat_n("symlinkat", n));
        want.push("exit_group");
        assert_eq!(calls, want);
    }
}
