//! tee: stdin to stdout and every FILE (`-` is a file), -a, -i against
//! SIGINT, -p and every --output-error mode on failing files, a failing
//! stdout and closed pipes (SIGPIPE default and ignored), files that cannot
//! be opened, read errors, slow non-blocking readers, 8 MiB through pipes,
//! and a differential run against GNU tee comparing the files left behind.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

/// A directory with a file that has content, and a subdirectory.
fn fixtures(tag: &str) -> PathBuf {
    let dir = tempdir(tag);
    std::fs::write(dir.join("pre"), "old\n").unwrap();
    std::fs::create_dir(dir.join("dir")).unwrap();
    dir
}

fn tee_in(dir: &Path) -> assert_cmd::Command {
    let mut c = run_as("tee");
    c.current_dir(dir);
    c
}

fn read(dir: &Path, name: &str) -> String {
    String::from_utf8_lossy(&std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))).into_owned()
}

/// Every file and directory under `dir`, with the contents of the files.
fn tree(dir: &Path) -> BTreeMap<Vec<u8>, Option<Vec<u8>>> {
    fn walk(base: &Path, rel: &Path, into: &mut BTreeMap<Vec<u8>, Option<Vec<u8>>>) {
        for entry in std::fs::read_dir(base.join(rel)).unwrap() {
            let entry = entry.unwrap();
            let rel = rel.join(entry.file_name());
            use std::os::unix::ffi::OsStrExt;
            let key = rel.as_os_str().as_bytes().to_vec();
            if entry.file_type().unwrap().is_dir() {
                into.insert(key, None);
                walk(base, &rel, into);
            } else {
                into.insert(key, Some(std::fs::read(base.join(&rel)).unwrap()));
            }
        }
    }
    let mut map = BTreeMap::new();
    walk(dir, Path::new(""), &mut map);
    map
}

/// Runs a bash line in `dir`; (status, stdout, stderr) as text.
fn sh(dir: &Path, line: &str) -> (Option<i32>, String, String) {
    let out = bash(&format!("cd {} && {line}", dir.display()));
    (out.status, String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn stdin_goes_to_stdout_and_to_every_file() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-copy");
    tee_in(&dir).args(["a", "b", "pre"]).write_stdin("hi\nthere").assert().code(0).stdout("hi\nthere").stderr("");
    for f in ["a", "b", "pre"] {
        assert_eq!(read(&dir, f), "hi\nthere", "{f}");
    }
    // No file at all: stdout only.
    tee_in(&dir).write_stdin("just\n").assert().code(0).stdout("just\n").stderr("");
    // Empty input truncates and writes nothing.
    tee_in(&dir).arg("a").write_stdin("").assert().code(0).stdout("").stderr("");
    assert_eq!(read(&dir, "a"), "");
    // Binary data passes unchanged.
    let bytes: Vec<u8> = (0..=255u8).chain([b'\r', b'\n', 0, 0xff]).collect();
    tee_in(&dir).arg("bin").write_stdin(bytes.clone()).assert().code(0).stdout(bytes.clone());
    assert!(std::fs::read(dir.join("bin")).unwrap() == bytes);
}

#[test]
fn a_dash_is_a_file_named_dash() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-dash");
    tee_in(&dir).arg("-").write_stdin("x\n").assert().code(0).stdout("x\n").stderr("");
    assert_eq!(read(&dir, "-"), "x\n");
    tee_in(&dir).args(["--", "-a"]).write_stdin("y\n").assert().code(0).stdout("y\n");
    assert_eq!(read(&dir, "-a"), "y\n");
}

#[test]
fn append_adds_to_the_end_in_every_spelling() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-append");
    for (i, opt) in ["-a", "--append", "--app", "-ai", "-ia"].iter().enumerate() {
        std::fs::write(dir.join("f"), "old\n").unwrap();
        let _ = std::fs::remove_file(dir.join("new"));
        tee_in(&dir).args([opt, "f", "new"]).write_stdin(format!("{i}\n")).assert().code(0).stdout(format!("{i}\n"));
        assert_eq!(read(&dir, "f"), format!("old\n{i}\n"), "tee {opt}");
        assert_eq!(read(&dir, "new"), format!("{i}\n"), "tee {opt} creates");
    }
    // Options permute: -a after the files still appends them all.
    std::fs::write(dir.join("f"), "old\n").unwrap();
    tee_in(&dir).args(["f", "-a"]).write_stdin("x\n").assert().code(0).stdout("x\n");
    assert_eq!(read(&dir, "f"), "old\nx\n");
    // The same file twice: truncated, each copy writes from its own offset;
    // appended, both copies land.
    tee_in(&dir).args(["f", "f"]).write_stdin("abc\n").assert().code(0).stdout("abc\n");
    assert_eq!(read(&dir, "f"), "abc\n");
    tee_in(&dir).args(["-a", "f", "f"]).write_stdin("de\n").assert().code(0).stdout("de\n");
    assert_eq!(read(&dir, "f"), "abc\nde\nde\n");
}

#[test]
fn posixly_correct_makes_options_after_a_file_into_files() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-posix");
    tee_in(&dir).env("POSIXLY_CORRECT", "1").args(["q", "-a"]).write_stdin("x").assert().code(0).stdout("x");
    assert_eq!((read(&dir, "q"), read(&dir, "-a")), ("x".into(), "x".into()));
}

#[test]
fn a_file_that_cannot_be_opened_is_reported_and_the_rest_get_the_data() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-open");
    tee_in(&dir)
        .args(["a", "nodir/x", "dir", "dir/", "", "b"])
        .write_stdin("hi\n")
        .assert()
        .code(1)
        .stdout("hi\n")
        .stderr(
            "tee: nodir/x: No such file or directory\ntee: dir: Is a directory\ntee: dir/: Is a directory\n\
             tee: '': No such file or directory\n",
        );
    assert_eq!((read(&dir, "a"), read(&dir, "b")), ("hi\n".into(), "hi\n".into()));
    tee_in(&dir)
        .args(["pre/x"])
        .write_stdin("hi\n")
        .assert()
        .code(1)
        .stdout("hi\n")
        .stderr("tee: pre/x: Not a directory\n");
}

#[test]
fn names_in_messages_are_quoted_as_gnu_quotes_them() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-quote");
    for (name, shown) in [
        (&b"nodir/a b"[..], "'nodir/a b'"),
        (b"nodir/it's", "\"nodir/it's\""),
        (b"nodir/a\nb", "'nodir/a'$'\\n''b'"),
        (b"nodir/\xff", "'nodir/'$'\\377'"),
        (b"nodir/a:b", "'nodir/a:b'"),
        (b"nodir/~", "nodir/~"),
    ] {
        let mut c = std_as("tee");
        c.arg(OsString::from_vec(name.to_vec())).current_dir(&dir).stdin(Stdio::null());
        c.output().unwrap().assert().code(1).stdout("").stderr(format!("tee: {shown}: No such file or directory\n"));
    }
}

#[test]
fn a_failing_file_in_every_output_error_mode() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-full");
    // (options, status, stdout, a, b): the file `/dev/full` sits between a and b.
    let cases: &[(&str, i32, &str, &str, &str)] = &[
        ("", 1, "hi\n", "hi\n", "hi\n"),
        ("-p", 1, "hi\n", "hi\n", "hi\n"),
        ("--output-error", 1, "hi\n", "hi\n", "hi\n"),
        ("--output-error=warn", 1, "hi\n", "hi\n", "hi\n"),
        ("--output-error=warn-nopipe", 1, "hi\n", "hi\n", "hi\n"),
        ("--output-error=exit", 1, "hi\n", "hi\n", ""),
        ("--output-error=exit-nopipe", 1, "hi\n", "hi\n", ""),
        ("--output-error=exit --output-error=warn", 1, "hi\n", "hi\n", "hi\n"),
        ("--output-error=warn -p", 1, "hi\n", "hi\n", "hi\n"),
    ];
    for (opts, code, out, a, b) in cases {
        let got = sh(&dir, &format!("rm -f a b; echo hi | (exec -a tee \"$B\" {opts} a /dev/full b)"));
        assert_eq!(
            got,
            (Some(*code), out.to_string(), "tee: /dev/full: No space left on device\n".to_string()),
            "tee {opts} a /dev/full b"
        );
        assert_eq!((read(&dir, "a"), read(&dir, "b")), (a.to_string(), b.to_string()), "tee {opts} a /dev/full b");
    }
    // In the exit modes an earlier failure ends tee before later files are opened.
    let got = sh(&dir, "rm -f a b; echo hi | (exec -a tee \"$B\" --output-error=exit /dev/full a)");
    assert_eq!(got, (Some(1), "hi\n".into(), "tee: /dev/full: No space left on device\n".into()));
    assert_eq!(read(&dir, "a"), "");
    for mode in ["exit", "exit-nopipe"] {
        let got = sh(&dir, &format!("rm -f a b; printf x | (exec -a tee \"$B\" --output-error={mode} nodir/x a)"));
        assert_eq!(got, (Some(1), "".into(), "tee: nodir/x: No such file or directory\n".into()), "{mode}");
        assert!(!dir.join("a").exists(), "tee --output-error={mode}: a is never opened");
    }
    for mode in ["-p", "--output-error=warn", "--output-error=warn-nopipe", ""] {
        let got = sh(&dir, &format!("rm -f a b; printf x | (exec -a tee \"$B\" {mode} nodir/x a)"));
        assert_eq!(got, (Some(1), "x".into(), "tee: nodir/x: No such file or directory\n".into()), "{mode}");
        assert_eq!(read(&dir, "a"), "x");
    }
}

#[test]
fn a_failing_stdout_is_standard_output_in_quotes() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-stdout");
    let cases: &[(&str, &str, &str, &str)] = &[
        // (options and redirection, stderr, a, b)
        ("a b >/dev/full", "tee: 'standard output': No space left on device\n", "hi\n", "hi\n"),
        ("-p a b >/dev/full", "tee: 'standard output': No space left on device\n", "hi\n", "hi\n"),
        ("--output-error=exit a b >/dev/full", "tee: 'standard output': No space left on device\n", "", ""),
        (
            "a /dev/full b >/dev/full",
            "tee: 'standard output': No space left on device\ntee: /dev/full: No space left on device\n",
            "hi\n",
            "hi\n",
        ),
        ("a b >&-", "tee: 'standard output': Bad file descriptor\n", "hi\n", "hi\n"),
        ("--output-error=exit-nopipe a b >&-", "tee: 'standard output': Bad file descriptor\n", "", ""),
    ];
    for (opts, err, a, b) in cases {
        let got = sh(&dir, &format!("rm -f a b; echo hi | (exec -a tee \"$B\" {opts})"));
        assert_eq!(got, (Some(1), "".into(), err.to_string()), "tee {opts}");
        assert_eq!((read(&dir, "a"), read(&dir, "b")), (a.to_string(), b.to_string()), "tee {opts}");
    }
    // Every output gone: nothing more to do, and /dev/full twice is two messages.
    let got = sh(&dir, "echo hi | (exec -a tee \"$B\" /dev/full >/dev/full)");
    assert_eq!(
        got,
        (
            Some(1),
            "".into(),
            "tee: 'standard output': No space left on device\ntee: /dev/full: No space left on device\n".into()
        )
    );
}

#[test]
fn files_never_take_the_place_of_a_closed_stdout_or_stderr() {
    if !has(&["tee"]) {
        return;
    }
    // GNU opens FILEs with fopen_safer: a FILE never becomes descriptor 0,
    // 1 or 2, so a closed stdout still fails and the FILE gets one copy.
    let dir = fixtures("tee-safer");
    let cases: &[(&str, i32, &str, &str)] = &[
        ("a b >&-", 1, "", "tee: 'standard output': Bad file descriptor\n"),
        ("a b >&- 2>&-", 1, "", ""),
        ("a b 2>&-", 0, "hi\n", ""),
        ("-p a b >&-", 1, "", "tee: 'standard output': Bad file descriptor\n"),
    ];
    for (opts, code, out, err) in cases {
        let got = sh(&dir, &format!("rm -f a b; echo hi | (exec -a tee \"$B\" {opts})"));
        assert_eq!(got, (Some(*code), out.to_string(), err.to_string()), "tee {opts}");
        assert_eq!((read(&dir, "a"), read(&dir, "b")), ("hi\n".into(), "hi\n".into()), "tee {opts}");
    }
}

#[test]
fn read_errors_and_a_closed_stdin_are_reported_as_gnu_does() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-read");
    let got = sh(&dir, "exec -a tee \"$B\" a < dir");
    assert_eq!(got, (Some(1), "".into(), "tee: read error: Is a directory\n".into()));
    assert_eq!(read(&dir, "a"), "");
    // With stdin closed the first file opened becomes descriptor 0.
    let got = sh(&dir, "rm -f a b; exec -a tee \"$B\" a b <&-");
    assert_eq!(
        got,
        (Some(1), "".into(), "tee: read error: Bad file descriptor\ntee: standard input: Bad file descriptor\n".into())
    );
    assert_eq!((read(&dir, "a"), read(&dir, "b")), ("".into(), "".into()));
    let got = sh(&dir, "exec -a tee \"$B\" <&-");
    assert_eq!(
        got,
        (Some(1), "".into(), "tee: read error: Bad file descriptor\ntee: standard input: Bad file descriptor\n".into())
    );
}

#[test]
fn output_error_arguments_are_matched_as_argmatch_matches_them() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-argmatch");
    let valid = "Valid arguments are:\n  - 'warn'\n  - 'warn-nopipe'\n  - 'exit'\n  - 'exit-nopipe'\n\
                 Try 'tee --help' for more information.\n";
    for (arg, msg) in [
        ("--output-error=bogus", "invalid argument 'bogus'"),
        ("--output-error=", "ambiguous argument ''"),
        ("--output-error=w", "ambiguous argument 'w'"),
        ("--output-error=e", "ambiguous argument 'e'"),
        ("--output-error=wa", "ambiguous argument 'wa'"),
        ("--o=ex", "ambiguous argument 'ex'"),
        ("--output-error=exit-nopipex", "invalid argument 'exit-nopipex'"),
        ("--output-error=WARN", "invalid argument 'WARN'"),
        ("--o=a b", "invalid argument 'a b'"),
    ] {
        tee_in(&dir)
            .args([arg, "a"])
            .write_stdin("x")
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("tee: {msg} for '--output-error'\n{valid}"));
    }
    assert!(!dir.join("a").exists(), "nothing is opened after a bad argument");
    // Unambiguous abbreviations are taken.
    for arg in [
        "--output-error=exit-n",
        "--output-error=warn-",
        "--output-error=warn-n",
        "--output-e=exit",
        "--o=exit-",
        "--o=warn",
    ] {
        tee_in(&dir).args([arg, "a"]).write_stdin("x").assert().code(0).stdout("x").stderr("");
    }
    // The argument is optional: a separate word is a file.
    tee_in(&dir).args(["--output-error", "warn"]).write_stdin("w").assert().code(0).stdout("w");
    assert_eq!(read(&dir, "warn"), "w");
}

#[test]
fn bad_options_are_reported_like_getopt_with_the_try_line() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-opts");
    for (args, msg) in [
        (&["-x"][..], "tee: invalid option -- 'x'\n"),
        (&["-ax"], "tee: invalid option -- 'x'\n"),
        (&["-p=warn"], "tee: invalid option -- '='\n"),
        (&["-pwarn"], "tee: invalid option -- 'w'\n"),
        (&["--foo"], "tee: unrecognized option '--foo'\n"),
        (&["--append=1"], "tee: option '--append' doesn't allow an argument\n"),
        (&["--app=1"], "tee: option '--append' doesn't allow an argument\n"),
        (&["--ignore-interrupts=x"], "tee: option '--ignore-interrupts' doesn't allow an argument\n"),
        (&["--version=1"], "tee: option '--version' doesn't allow an argument\n"),
        (&["a", "-n"], "tee: invalid option -- 'n'\n"),
    ] {
        tee_in(&dir)
            .args(args)
            .write_stdin("x")
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("{msg}Try 'tee --help' for more information.\n"));
    }
    assert!(!dir.join("a").exists(), "nothing is opened after a bad option");
}

#[test]
fn a_closed_pipe_in_every_mode_with_sigpipe_default_and_ignored() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-pipe");
    let mut rng = Rng(0x7ee_0001);
    let data: Vec<u8> = (0..1 << 20).map(|_| rng.next() as u8).collect();
    std::fs::write(dir.join("big"), &data).unwrap();
    // (mode, status with SIGPIPE default, with it ignored, message, does `a` get everything)
    let cases: &[(&str, &str, &str, &str, bool)] = &[
        ("", "141", "0", "", false),
        ("-p", "0", "0", "", true),
        ("--output-error", "0", "0", "", true),
        ("--output-error=warn-nopipe", "0", "0", "", true),
        ("--output-error=exit-nopipe", "0", "0", "", true),
        ("--output-error=warn", "1", "1", "tee: 'standard output': Broken pipe\n", true),
        ("--output-error=exit", "1", "1", "tee: 'standard output': Broken pipe\n", false),
    ];
    for (mode, dflt, ignored, msg, whole) in cases {
        for (trap, code) in [("", dflt), ("trap '' PIPE; ", ignored)] {
            let got = sh(
                &dir,
                &format!("rm -f a; {trap}(exec -a tee \"$B\" {mode} a < big) | head -c 0; echo ${{PIPESTATUS[0]}}"),
            );
            assert_eq!(got, (Some(0), format!("{code}\n"), msg.to_string()), "{trap}tee {mode}");
            // Ignored SIGPIPE in the default mode: stdout is dropped quietly.
            if *whole || (!trap.is_empty() && mode.is_empty()) {
                assert!(std::fs::read(dir.join("a")).unwrap() == data, "{trap}tee {mode}: a has every byte");
            }
        }
    }
}

extern "C" {
    fn kill(pid: i32, sig: i32) -> i32;
}

#[test]
fn ignore_interrupts_lets_tee_live_through_sigint() {
    if !has(&["tee"]) {
        return;
    }
    use std::os::unix::process::ExitStatusExt;
    let dir = fixtures("tee-sigint");
    for opt in ["-i", "--ignore-interrupts", "--ig", "-ai", ""] {
        let mut c = std_as("tee");
        if !opt.is_empty() {
            c.arg(opt);
        }
        c.arg("f").current_dir(&dir).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let _ = std::fs::remove_file(dir.join("f"));
        let mut child = c.spawn().unwrap();
        let mut input = child.stdin.take().unwrap();
        let mut output = child.stdout.take().unwrap();
        let mut buf = [0u8; 16];
        input.write_all(b"one\n").unwrap();
        let n = output.read(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"one\n", "tee {opt}");
        // SIGINT arrives while tee waits for more input.
        assert_eq!(unsafe { kill(child.id() as i32, 2) }, 0);
        std::thread::sleep(Duration::from_millis(200));
        if opt.is_empty() {
            let status = child.wait().unwrap();
            assert_eq!(status.signal(), Some(2), "tee without -i dies of SIGINT");
            continue;
        }
        assert!(child.try_wait().unwrap().is_none(), "tee {opt} survived SIGINT");
        input.write_all(b"two\n").unwrap();
        let n = output.read(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"two\n", "tee {opt} still copies");
        drop(input);
        let mut rest = Vec::new();
        output.read_to_end(&mut rest).unwrap();
        let status = child.wait().unwrap();
        let mut err = Vec::new();
        child.stderr.take().unwrap().read_to_end(&mut err).unwrap();
        assert_eq!((status.code(), rest, err), (Some(0), vec![], vec![]), "tee {opt}");
        assert_eq!(read(&dir, "f"), "one\ntwo\n", "tee {opt}");
    }
}

#[test]
fn a_non_blocking_pipe_with_a_slow_reader_receives_every_byte() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-slow");
    let mut rng = Rng(0x7ee_0002);
    let data: Vec<u8> = (0..1_500_000).map(|_| rng.next() as u8).collect();
    std::fs::write(dir.join("data"), &data).unwrap();
    for opts in [&[][..], &["-p"], &["--output-error=exit"]] {
        let (mut reader, writer) = std::io::pipe().unwrap();
        set_nonblocking(&writer);
        let mut c = std_as("tee");
        c.args(opts)
            .arg("copy")
            .current_dir(&dir)
            .stdin(std::fs::File::open(dir.join("data")).unwrap())
            .stdout(writer)
            .stderr(Stdio::piped());
        let child = c.spawn().unwrap();
        drop(c);
        let mut got = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            std::thread::sleep(Duration::from_micros(200));
            match reader.read(&mut buf).unwrap() {
                0 => break,
                n => got.extend_from_slice(&buf[..n]),
            }
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned()),
            (Some(0), String::new()),
            "tee {opts:?}"
        );
        assert!(got == data, "tee {opts:?}: stdout {} bytes, want {}", got.len(), data.len());
        assert!(std::fs::read(dir.join("copy")).unwrap() == data, "tee {opts:?}: the file");
    }
}

#[test]
fn eight_mebibytes_through_pipes_arrive_intact_in_stdout_and_the_files() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-big");
    let mut rng = Rng(0x7ee_0003);
    let data: Vec<u8> = (0..8 << 20).map(|_| rng.next() as u8).collect();
    let (mut want, mut got) = (FNV_START, FNV_START);
    fnv(&mut want, &data);
    let out = run_as("tee").current_dir(&dir).args(["one", "-a", "pre"]).write_stdin(data.clone()).output().unwrap();
    assert_eq!((out.status.code(), out.stderr.as_slice()), (Some(0), &b""[..]));
    fnv(&mut got, &out.stdout);
    assert_eq!((out.stdout.len(), got), (data.len(), want), "stdout");
    assert!(std::fs::read(dir.join("one")).unwrap() == data, "one");
    assert!(std::fs::read(dir.join("pre")).unwrap() == [&b"old\n"[..], &data].concat(), "pre, appended");
    // Pipe to pipe through the shell, and a file on both ends.
    std::fs::write(dir.join("data"), &data).unwrap();
    let got = sh(&dir, "cat data | (exec -a tee \"$B\" two) | cmp - data && cmp two data && echo same");
    assert_eq!(got, (Some(0), "same\n".into(), "".into()));
    let got = sh(&dir, "(exec -a tee \"$B\" three < data > out) && cmp out data && cmp three data && echo same");
    assert_eq!(got, (Some(0), "same\n".into(), "".into()));
}

#[test]
fn help_and_version_and_their_prefixes() {
    if !has(&["tee"]) {
        return;
    }
    let dir = fixtures("tee-help");
    let version = format!("tee (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in
        [&["--version"][..], &["--v"], &["--vers"], &["-a", "--version"], &["--version", "--help"], &["f", "--v"]]
    {
        tee_in(&dir).args(args).write_stdin("x").assert().code(0).stdout(version.clone()).stderr("");
    }
    for args in [&["--help"][..], &["--h"], &["--he"], &["-a", "--help"], &["--help", "--version"], &["f", "--help"]] {
        let out = tee_in(&dir).args(args).write_stdin("x").output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "tee {args:?}");
        assert!(text.starts_with("Usage: tee") && text.ends_with('\n'), "tee {args:?}: {text:?}");
        assert_eq!(out.stderr, b"", "tee {args:?}");
    }
    assert!(!dir.join("f").exists(), "--help and --version open nothing");
    tee_in(&dir).args(["--", "--help"]).write_stdin("x").assert().code(0).stdout("x");
    assert_eq!(read(&dir, "--help"), "x");
}

#[test]
fn tee_matches_gnu_on_a_random_corpus() {
    if !has(&["tee"]) {
        return;
    }
    let Some(gnu) = gnu("tee") else { return };
    let mut rng = Rng(0x7ee_0004);
    let opts: &[&str] = &[
        "-a",
        "-i",
        "-p",
        "-ai",
        "-ap",
        "-pa",
        "-iap",
        "--append",
        "--app",
        "--a",
        "--ignore-interrupts",
        "--ig",
        "--output-error",
        "--output-error=warn",
        "--output-error=warn-nopipe",
        "--output-error=exit",
        "--output-error=exit-nopipe",
        "--output-error=exit-n",
        "--output-error=wa",
        "--output-error=warn-",
        "--o=ex",
        "--output-error=w",
        "--output-error=e",
        "--output-error=",
        "--output-error=bogus",
        "--output",
        "--o=exit",
        "--out=warn",
        "-x",
        "-px",
        "-p=warn",
        "--foo",
        "--append=1",
        "--ignore-interrupts=",
        "--",
    ];
    let files: &[&str] = &[
        "o1",
        "o2",
        "o1",
        "pre",
        "-",
        "dir",
        "dir/",
        "nodir/x",
        "",
        "a b",
        "it's",
        "/dev/full",
        "-a",
        "pre/x",
        "dir/in",
        "o\nx",
        "/dev/null",
    ];
    let stdins: &[&[u8]] = &[b"", b"hi\n", b"a\r\nb\r\n", b"no newline", b"\0\x01\x80\xff\n", b"\n\n\n", &[b'z'; 3000]];
    let (mut runs, mut succeeded) = (0, 0);
    for case in 0..400 {
        let mut args: Vec<OsString> = Vec::new();
        for _ in 0..rng.below(6) {
            args.push(if rng.chance(40) { rng.pick(opts) } else { rng.pick(files) }.into());
        }
        let stdin = *rng.pick(stdins);
        let env: &[(&str, &str)] = if case % 7 == 0 { &[("POSIXLY_CORRECT", "1")] } else { &[] };
        let theirs = fixtures("tee-gnu");
        let ours = fixtures("tee-ours");
        let want = outcome(Path::new(&gnu), "tee", &args, stdin, env, &theirs);
        let got = outcome(bin(), "tee", &args, stdin, env, &ours);
        runs += 1;
        succeeded += (want.status == Some(0)) as usize;
        assert!(
            got == want,
            "tee {args:?} {env:?} < {:?}\nours: {}\ngnu:  {}",
            String::from_utf8_lossy(stdin),
            got.show(),
            want.show()
        );
        let (t, o) = (tree(&theirs), tree(&ours));
        assert!(t == o, "tee {args:?} {env:?}: files left differ\nours: {o:?}\ngnu:  {t:?}");
        let _ = std::fs::remove_dir_all(&theirs);
        let _ = std::fs::remove_dir_all(&ours);
    }
    eprintln!("tee: {runs} argument vectors ({succeeded} of them exit 0) compared with GNU, and the files they left");
}

#[test]
fn appending_between_pipes_loses_and_repeats_nothing() {
    if !has(&["tee"]) {
        return;
    }
    // splice refuses O_APPEND files: the bytes tee(2) already gave stdout
    // must then go to the file alone (once, all but 64 KiB of them went to
    // stdout twice). A stdin pipe holding 900 KB at once makes tee(2) hand
    // over more than 64 KiB in one call.
    use std::io::{Read, Write};
    use std::os::fd::AsRawFd;
    extern "C" {
        fn fcntl(fd: i32, cmd: i32, ...) -> i32;
    }
    let dir = tempdir("tee-append-pipes");
    let data: Vec<u8> = (0..900_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(dir.join("out"), b"before\n").unwrap();
    let (reader, mut writer) = std::io::pipe().unwrap();
    // SAFETY: F_SETPIPE_SZ on a pipe this test owns.
    assert!(unsafe { fcntl(writer.as_raw_fd(), 1031, 1 << 20) } >= 0);
    writer.write_all(&data).unwrap();
    drop(writer);
    let mut child = std_as("tee")
        .arg("-a")
        .arg(dir.join("out"))
        .stdin(reader)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut got = Vec::new();
    child.stdout.take().unwrap().read_to_end(&mut got).unwrap();
    assert!(child.wait().unwrap().success());
    assert!(got == data, "stdout: {} bytes, {} expected", got.len(), data.len());
    let mut want = b"before\n".to_vec();
    want.extend_from_slice(&data);
    assert!(std::fs::read(dir.join("out")).unwrap() == want, "the file differs");
}
