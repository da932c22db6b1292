//! pwd: -P (the default), -L and POSIXLY_CORRECT, the rules for trusting
//! `$PWD` (absolute, no `.`/`..` components, names `.`), long-option
//! prefixes, extra operands (ignored with a warning), option and write
//! errors, a deleted (or replaced) current directory, one on a detached
//! mount, paths longer than PATH_MAX (also through crowded directories), odd
//! bytes in the path, and a differential run against GNU pwd.

mod common;
use common::*;
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

fn os(b: &[u8]) -> OsString {
    OsString::from_vec(b.to_vec())
}

const TRY: &str = "Try 'pwd --help' for more information.\n";

/// D/real/sub, with D/link, D/.lnk and D/..x all symlinks to `real`; returns
/// (D physical, D/real/sub physical).
fn tree() -> (PathBuf, PathBuf) {
    let dir = std::fs::canonicalize(tempdir("pwd-tree")).unwrap();
    std::fs::create_dir_all(dir.join("real/sub")).unwrap();
    for name in ["link", ".lnk", "..x"] {
        std::os::unix::fs::symlink("real", dir.join(name)).unwrap();
    }
    let sub = dir.join("real/sub");
    (dir, sub)
}

fn pwd_in(cwd: &Path, pwd: Option<&str>) -> assert_cmd::Command {
    let mut cmd = run_as("pwd");
    cmd.current_dir(cwd);
    if let Some(p) = pwd {
        cmd.env("PWD", p);
    }
    cmd
}

#[test]
fn physical_is_the_default_and_logical_needs_l_or_posixly_correct() {
    if !has(&["pwd"]) {
        return;
    }
    let (d, sub) = tree();
    let phys = format!("{}\n", sub.display());
    let logical = format!("{}/link/sub", d.display());
    let logical_nl = format!("{logical}\n");
    for (args, want) in [
        (&[][..], &phys),
        (&["-P"], &phys),
        (&["--physical"], &phys),
        (&["--p"], &phys),
        (&["-L"], &logical_nl),
        (&["--logical"], &logical_nl),
        (&["--l"], &logical_nl),
        (&["-LP"], &phys),
        (&["-PL"], &logical_nl),
        (&["-L", "-P"], &phys),
        (&["-P", "--logical"], &logical_nl),
        (&["--"], &phys),
    ] {
        pwd_in(&sub, Some(&logical)).args(args).assert().code(0).stdout(want.clone()).stderr("");
    }
    for (args, want) in [(&[][..], &logical_nl), (&["-P"], &phys), (&["-L"], &logical_nl)] {
        pwd_in(&sub, Some(&logical))
            .env("POSIXLY_CORRECT", "1")
            .args(args)
            .assert()
            .code(0)
            .stdout(want.clone())
            .stderr("");
    }
    // Without $PWD, -L is physical.
    pwd_in(&sub, None).arg("-L").assert().code(0).stdout(phys.clone());
    pwd_in(&sub, None).env("POSIXLY_CORRECT", "1").assert().code(0).stdout(phys);
}

#[test]
fn pwd_is_trusted_only_when_absolute_clean_and_naming_the_current_directory() {
    if !has(&["pwd"]) {
        return;
    }
    let (d, sub) = tree();
    let d = d.display().to_string();
    let phys = format!("{}\n", sub.display());
    // Rejected: the physical path is printed.
    for bad in [
        format!("{d}/link/./sub"),
        format!("{d}/link/../link/sub"),
        format!("{d}/link/sub/."),
        format!("{d}/link/sub/.."),
        format!("{d}/link/sub/..."),
        format!("{d}/link"),
        format!("{d}/nowhere/sub"),
        format!("{}/link/sub", &d[1..]),
        "link/sub".to_string(),
        ".".to_string(),
        String::new(),
    ] {
        pwd_in(&sub, Some(&bad)).arg("-L").assert().code(0).stdout(phys.clone()).stderr("");
    }
    // Accepted as it is, slashes and dot-names included.
    for good in [
        format!("{d}/link/sub"),
        format!("{d}/link/sub/"),
        format!("{d}/link//sub"),
        format!("/{d}/link/sub"),
        format!("{d}/.lnk/sub"),
        format!("{d}/..x/sub"),
        format!("{d}/real/sub"),
    ] {
        pwd_in(&sub, Some(&good)).arg("-L").assert().code(0).stdout(format!("{good}\n")).stderr("");
    }
}

#[test]
fn the_root_is_printed_as_pwd_spells_it() {
    if !has(&["pwd"]) {
        return;
    }
    let root = Path::new("/");
    pwd_in(root, None).assert().code(0).stdout("/\n");
    pwd_in(root, Some("//")).arg("-L").assert().stdout("//\n");
    pwd_in(root, Some("///")).arg("-L").assert().stdout("///\n");
    pwd_in(root, Some("//.")).arg("-L").assert().stdout("/\n");
    pwd_in(root, Some("//")).assert().stdout("/\n");
}

#[test]
fn operands_are_ignored_with_a_warning() {
    if !has(&["pwd"]) {
        return;
    }
    let (d, sub) = tree();
    let logical = format!("{}/link/sub", d.display());
    let warn = "pwd: ignoring non-option arguments\n";
    let phys = format!("{}\n", sub.display());
    pwd_in(&sub, Some(&logical)).arg("x").assert().code(0).stdout(phys.clone()).stderr(warn);
    pwd_in(&sub, Some(&logical)).arg("").assert().code(0).stdout(phys.clone()).stderr(warn);
    pwd_in(&sub, Some(&logical)).args(["x", "-L", "y"]).assert().code(0).stdout(format!("{logical}\n")).stderr(warn);
    pwd_in(&sub, Some(&logical)).args(["--", "-L"]).assert().code(0).stdout(phys.clone()).stderr(warn);
    pwd_in(&sub, Some(&logical))
        .env("POSIXLY_CORRECT", "1")
        .args(["-P", "x", "-L"])
        .assert()
        .code(0)
        .stdout(phys)
        .stderr(warn);
}

#[test]
fn a_warning_that_cannot_be_written_makes_the_status_1() {
    if !has(&["pwd"]) {
        return;
    }
    // GNU's close_stdout also closes stderr: a failed diagnostic is a failure.
    let gnu = gnu("pwd");
    for (line, code) in [
        ("exec -a pwd PROG x 2>&-", 1),
        ("exec -a pwd PROG x 2>/dev/full", 1),
        ("exec -a pwd PROG -L x 2>/dev/full", 1),
        ("exec -a pwd PROG 2>&-", 0),
        ("exec -a pwd PROG -P 2>/dev/full", 0),
    ] {
        let got = bash(&format!("cd /tmp && {}", line.replace("PROG", "\"$B\"")));
        assert_eq!((got.status, got.stdout.as_slice()), (Some(code), &b"/tmp\n"[..]), "{line}");
        if let Some(gnu) = &gnu {
            let want = bash(&format!("cd /tmp && {}", line.replace("PROG", gnu)));
            assert_eq!(got, want, "{line} vs GNU");
        }
    }
}

#[test]
fn bad_options_are_reported_like_getopt() {
    if !has(&["pwd"]) {
        return;
    }
    let cases: &[(&[&str], &str)] = &[
        (&["-x"], "pwd: invalid option -- 'x'\n"),
        (&["-Lx"], "pwd: invalid option -- 'x'\n"),
        (&["x", "-Q"], "pwd: invalid option -- 'Q'\n"),
        (&["--bogus"], "pwd: unrecognized option '--bogus'\n"),
        (&["--physical=1"], "pwd: option '--physical' doesn't allow an argument\n"),
        (&["--l="], "pwd: option '--logical' doesn't allow an argument\n"),
        (&["--="], "pwd: option '--=' is ambiguous; possibilities: '--logical' '--physical' '--help' '--version'\n"),
        (&["---"], "pwd: unrecognized option '---'\n"),
    ];
    for (args, msg) in cases {
        run_as("pwd").args(*args).assert().code(1).stdout("").stderr(format!("{msg}{TRY}"));
    }
}

#[test]
fn help_and_version_are_our_own() {
    if !has(&["pwd"]) {
        return;
    }
    let version = format!("pwd (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["--v"], &["-L", "--vers"], &["x", "--version"]] {
        run_as("pwd").args(args).assert().code(0).stdout(version.clone()).stderr("");
    }
    for args in [&["--help"][..], &["--h"], &["-P", "--help"]] {
        let out = run_as("pwd").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("Usage: pwd"), "{args:?}: {out:?}");
        assert_eq!(out.stderr, b"");
    }
}

#[test]
fn write_errors_are_reported_with_status_1() {
    if !has(&["pwd"]) {
        return;
    }
    for args in [&[][..], &["-L"], &["-P"]] {
        std_as("pwd")
            .args(args)
            .current_dir("/")
            .stdout(dev_full())
            .output()
            .unwrap()
            .assert()
            .code(1)
            .stdout("")
            .stderr("pwd: write error: No space left on device\n");
    }
    let closed = bash("cd /tmp && exec -a pwd \"$B\" >&-");
    assert_eq!(
        (closed.status, String::from_utf8_lossy(&closed.stderr).into_owned()),
        (Some(1), "pwd: write error: Bad file descriptor\n".into())
    );
}

#[test]
fn odd_bytes_in_the_path_are_printed_raw() {
    if !has(&["pwd"]) {
        return;
    }
    let dir = std::fs::canonicalize(tempdir("pwd-odd")).unwrap();
    let odd = dir.join(os(b"a\nb \x01\x80\xff'\""));
    std::fs::create_dir(&odd).unwrap();
    let mut want = odd.as_os_str().as_bytes().to_vec();
    want.push(b'\n');
    run_as("pwd").current_dir(&odd).assert().code(0).stdout(want.clone()).stderr("");
    run_as("pwd").current_dir(&odd).env("PWD", &odd).arg("-L").assert().code(0).stdout(want);
}

/// `bash` in a fresh directory that it deletes under itself, then `line`.
fn in_deleted_dir(line: &str) -> Outcome {
    let dir = tempdir("pwd-deleted");
    bash(&format!("cd '{}' && mkdir d && cd d && rmdir ../d && {line}", dir.display()))
}

#[test]
fn a_deleted_current_directory_is_an_error_as_in_gnu() {
    if !has(&["pwd"]) {
        return;
    }
    let msg = "pwd: couldn't find directory entry in '..' with matching i-node\n";
    for line in [
        "exec -a pwd \"$B\"",
        "exec -a pwd \"$B\" -P",
        "exec -a pwd \"$B\" -L",
        "POSIXLY_CORRECT=1 exec -a pwd \"$B\"",
        "PWD=/ exec -a pwd \"$B\" -L",
        "exec -a pwd \"$B\" -P >/dev/full",
        // A new directory of the same name is not the one we are in.
        "mkdir ../d && exec -a pwd \"$B\"",
        "mkdir ../d && exec -a pwd \"$B\" -L",
    ] {
        let got = in_deleted_dir(line);
        assert_eq!(
            (
                got.status,
                String::from_utf8_lossy(&got.stdout).into_owned(),
                String::from_utf8_lossy(&got.stderr).into_owned()
            ),
            (Some(1), String::new(), msg.to_string()),
            "{line}"
        );
        if let Some(gnu) = gnu("pwd") {
            let want = in_deleted_dir(&line.replace("\"$B\"", &gnu));
            assert_eq!(got, want, "{line}: femtobox {} GNU {}", got.show(), want.show());
        }
    }
}

#[test]
fn a_directory_on_a_detached_mount_is_an_error_naming_the_dotdots_walked() {
    if !has(&["pwd"]) {
        return;
    }
    // The kernel's getcwd says "(unreachable)": the walk up by `..` ends at
    // the detached mount's root without finding where it hangs.
    if bash("unshare -m true").status != Some(0) {
        eprintln!("skipped: cannot unshare a mount namespace here, so a detached cwd is not checked");
        return;
    }
    let dir = std::fs::canonicalize(tempdir("pwd-detached")).unwrap();
    std::fs::create_dir(dir.join("m")).unwrap();
    let run = |prog: &str, args: &str| {
        bash(&format!(
            "unshare -m bash -c 'mount -t tmpfs none {0}/m && mkdir -p {0}/m/sub/deeper && cd {0}/m/sub/deeper \
             && umount -l {0}/m && exec -a pwd {prog} {args}'",
            dir.display()
        ))
    };
    let gnu = gnu("pwd");
    for args in ["", "-P", "-L"] {
        let got = run("\"$B\"", args);
        assert_eq!(
            (
                got.status,
                String::from_utf8_lossy(&got.stdout).into_owned(),
                String::from_utf8_lossy(&got.stderr).into_owned()
            ),
            (
                Some(1),
                String::new(),
                "pwd: couldn't find directory entry in '../../..' with matching i-node\n".to_string()
            ),
            "pwd {args}"
        );
        if let Some(gnu) = &gnu {
            assert_eq!(got, run(gnu, args), "pwd {args} vs GNU");
        }
    }
}

#[test]
fn a_path_longer_than_path_max_is_printed_whole() {
    if !has(&["pwd"]) {
        return;
    }
    let dir = std::fs::canonicalize(tempdir("pwd-deep")).unwrap();
    let n = "b".repeat(20);
    std::fs::create_dir(dir.join("real")).unwrap();
    std::os::unix::fs::symlink("real", dir.join("link")).unwrap();
    // Build the tree 100 levels at a time (no single path may pass PATH_MAX).
    let made = bash(&format!(
        "cd '{}/link' && p=$(printf '{n}/%.0s' $(seq 100)) && for i in 1 2 3; do mkdir -p $p && cd $p || exit 9; done",
        dir.display()
    ));
    assert_eq!(made.status, Some(0), "{}", made.show());
    let want = format!("{}/real{}\n", dir.display(), format!("/{n}").repeat(300));
    assert!(want.len() > 6000);
    let logical = format!("{}/link{}", dir.display(), format!("/{n}").repeat(300));
    let deep = |prog: &str, args: &str, env: &str| {
        bash(&format!(
            "cd '{}/real' && for i in $(seq 300); do cd {n} || exit 9; done; {env} exec -a pwd {prog} {args}",
            dir.display()
        ))
    };
    let gnu = gnu("pwd");
    for (args, env) in [
        ("", String::new()),
        ("-P", String::new()),
        ("-L", String::new()),
        ("-L", format!("PWD='{logical}'")),
        ("", format!("POSIXLY_CORRECT=1 PWD='{logical}'")),
        ("-L", "PWD=/".to_string()),
    ] {
        let got = deep("\"$B\"", args, &env);
        assert_eq!(got.status, Some(0), "pwd {args} {env}: {}", String::from_utf8_lossy(&got.stderr));
        assert!(got.stdout == want.as_bytes(), "pwd {args}: {} bytes, wanted {}", got.stdout.len(), want.len());
        if let Some(gnu) = &gnu {
            let theirs = deep(gnu, args, &env);
            assert!(got == theirs, "pwd {args} {env}: femtobox and GNU differ: {} / {}", got.show(), theirs.show());
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_long_path_through_crowded_directories_matches_gnu() {
    if !has(&["pwd"]) {
        return;
    }
    // Past PATH_MAX the path is found by reading each parent: the entry
    // must be found among thousands of siblings with long names.
    let dir = std::fs::canonicalize(tempdir("pwd-crowded")).unwrap();
    let n = "c".repeat(20);
    let made = bash(&format!(
        "cd '{}' && for i in $(seq 250); do mkdir {n} || exit 8; \
         if [ $i = 1 ] || [ $i = 120 ] || [ $i = 240 ]; then \
           for j in $(seq 3000); do echo s$j-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; done | xargs mkdir || exit 7; \
         fi; cd {n} || exit 9; done",
        dir.display()
    ));
    assert_eq!(made.status, Some(0), "{}", made.show());
    let want = format!("{}{}\n", dir.display(), format!("/{n}").repeat(250));
    assert!(want.len() > 5000);
    let deep = |prog: &str| {
        bash(&format!("cd '{}' && for i in $(seq 250); do cd {n} || exit 9; done; exec -a pwd {prog}", dir.display()))
    };
    let got = deep("\"$B\"");
    assert_eq!(got.status, Some(0), "{}", String::from_utf8_lossy(&got.stderr));
    assert!(got.stdout == want.as_bytes(), "{} bytes, wanted {}", got.stdout.len(), want.len());
    if let Some(gnu) = gnu("pwd") {
        assert!(got == deep(&gnu), "femtobox and GNU differ");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pwd_matches_gnu_on_a_random_corpus() {
    if !has(&["pwd"]) {
        return;
    }
    let Some(gnu) = gnu("pwd") else { return };
    let (d, sub) = tree();
    let ds = d.display().to_string();
    let cwds = [sub.clone(), d.join("real"), d.clone(), PathBuf::from("/")];
    let pwds: Vec<Option<String>> = vec![
        None,
        Some(format!("{ds}/link/sub")),
        Some(format!("{ds}/link")),
        Some(format!("{ds}/link/sub/")),
        Some(format!("{ds}//link//sub")),
        Some(format!("{ds}/link/./sub")),
        Some(format!("{ds}/link/../link/sub")),
        Some(format!("{ds}/.lnk/sub")),
        Some(format!("{ds}/..x")),
        Some(format!("{ds}/real")),
        Some(ds.clone()),
        Some("link/sub".into()),
        Some("/".into()),
        Some("//".into()),
        Some(String::new()),
    ];
    let opts: &[&[u8]] = &[
        b"-L",
        b"-P",
        b"-LP",
        b"-PL",
        b"-LL",
        b"-x",
        b"-Lx",
        b"-",
        b"--",
        b"--logical",
        b"--l",
        b"--lo",
        b"--physical",
        b"--p",
        b"--ph",
        b"--logical=",
        b"--p=1",
        b"--bogus",
        b"--bogus=1",
        b"--=",
        b"---",
        b"-\xff",
        b"-\n",
    ];
    let words: &[&[u8]] = &[b"x", b"", b"a b", b"\x01\x80\xff", b"\n", b"-"];
    let mut rng = Rng(0x0a0d_0006);
    let (mut runs, mut ok) = (0, 0);
    for case in 0..400 {
        let n = rng.below(4);
        let args: Vec<OsString> = (0..n)
            .map(|_| if rng.chance(85) { os(opts[rng.below(opts.len())]) } else { os(words[rng.below(words.len())]) })
            .collect();
        let cwd = rng.pick(&cwds);
        let mut env: Vec<(&str, &str)> = Vec::new();
        if let Some(p) = rng.pick(&pwds) {
            env.push(("PWD", p.as_str()));
        }
        if case % 4 == 0 {
            env.push(("POSIXLY_CORRECT", "1"));
        }
        let got = outcome(bin(), "pwd", &args, b"", &env, cwd);
        let want = outcome(Path::new(&gnu), "pwd", &args, b"", &env, cwd);
        assert!(got == want, "pwd {args:?} {env:?} in {cwd:?}\nfemtobox: {}\nGNU: {}", got.show(), want.show());
        runs += 1;
        ok += usize::from(got.status == Some(0));
    }
    eprintln!("pwd: {runs} argument vectors compared with GNU ({ok} exited 0)");
}
