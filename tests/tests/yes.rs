//! yes: the repeated line, options as GNU, whole lines per write, write
//! errors and signals, and a differential run against GNU yes.

mod common;
use common::*;
use std::ffi::OsString;
use std::io::Read;
use std::path::Path;

/// The first `n` bytes yes writes (then the pipe is closed), and its status
/// if it ended by itself first.
fn prefix(program: &Path, args: &[OsString], env: &[(&str, &str)], n: usize) -> (Vec<u8>, Option<i32>, Vec<u8>) {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(program);
    cmd.arg0("yes").args(args).env_clear().env("LC_ALL", "C");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    let mut out = vec![0u8; n];
    let mut got = 0;
    let mut stdout = child.stdout.take().unwrap();
    while got < n {
        match stdout.read(&mut out[got..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => got += k,
        }
    }
    out.truncate(got);
    drop(stdout);
    let mut err = Vec::new();
    child.stderr.take().unwrap().read_to_end(&mut err).unwrap();
    let status = child.wait().unwrap();
    (out, status.code(), err)
}

fn lines(args: &[&str], n: usize) -> Vec<u8> {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    prefix(bin(), &args, &[], n).0
}

#[test]
fn y_forever_by_default() {
    if !has(&["yes"]) {
        return;
    }
    assert_eq!(lines(&[], 10), b"y\ny\ny\ny\ny\n");
}

#[test]
fn operands_are_joined_by_spaces() {
    if !has(&["yes"]) {
        return;
    }
    assert_eq!(lines(&["a", "b c", ""], 14), b"a b c \na b c \n");
    assert_eq!(lines(&[""], 3), b"\n\n\n");
    assert_eq!(lines(&["-"], 4), b"-\n-\n");
    assert_eq!(lines(&["\\n"], 6), b"\\n\n\\n\n", "no escapes");
}

#[test]
fn the_first_double_dash_is_dropped() {
    if !has(&["yes"]) {
        return;
    }
    assert_eq!(lines(&["--", "a"], 4), b"a\na\n");
    assert_eq!(lines(&["--"], 4), b"y\ny\n");
    assert_eq!(lines(&["--", "--"], 6), b"--\n--\n");
    assert_eq!(lines(&["a", "--", "b"], 8), b"a b\na b\n");
}

#[test]
fn bad_options_are_reported_like_getopt() {
    if !has(&["yes"]) {
        return;
    }
    let cases: &[(&[&str], &str)] = &[
        (&["-x"], "yes: invalid option -- 'x'\n"),
        (&["a", "-n"], "yes: invalid option -- 'n'\n"),
        (&["--foo"], "yes: unrecognized option '--foo'\n"),
        (&["--foo=bar"], "yes: unrecognized option '--foo=bar'\n"),
        (&["--help=x"], "yes: option '--help' doesn't allow an argument\n"),
        (&["--=x"], "yes: option '--=x' is ambiguous; possibilities: '--help' '--version'\n"),
    ];
    for (args, msg) in cases {
        run_as("yes")
            .args(*args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("{msg}Try 'yes --help' for more information.\n"));
    }
}

#[test]
fn help_and_version_and_their_prefixes_anywhere() {
    if !has(&["yes"]) {
        return;
    }
    let help = || help_is("yes [STRING]...", &[], 1);
    let version = format!("yes (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    run_as("yes").arg("--help").assert().code(0).stdout(help());
    run_as("yes").arg("--h").assert().code(0).stdout(help());
    run_as("yes").args(["a", "--he"]).assert().code(0).stdout(help());
    run_as("yes").arg("--v").assert().code(0).stdout(version.clone());
    run_as("yes").args(["--version", "--help"]).assert().code(0).stdout(version);
    // After `--` they are operands.
    assert_eq!(lines(&["--", "--help"], 14), b"--help\n--help\n");
}

#[test]
fn posixly_correct_stops_options_at_the_first_operand() {
    if !has(&["yes"]) {
        return;
    }
    let args: Vec<OsString> = ["a", "--help"].iter().map(OsString::from).collect();
    let (out, _, _) = prefix(bin(), &args, &[("POSIXLY_CORRECT", "1")], 9);
    assert_eq!(out, b"a --help\n");
}

#[test]
fn every_write_carries_whole_lines() {
    if !has(&["yes"]) {
        return;
    }
    let Some(calls) = ({
        // strace shows each write's length; a line of 7 bytes must divide it.
        let dir = tempdir("yes-writes");
        let link = dir.join("yes");
        std::os::unix::fs::symlink(bin(), &link).unwrap();
        strace("write sizes").map(|strace| {
            let log = dir.join("log");
            bash(&format!(
                "{} -o {} -e trace=write,vmsplice -- {} abc def | head -c 3000000 >/dev/null",
                strace.display(),
                log.display(),
                link.display()
            ));
            std::fs::read_to_string(log).unwrap()
        })
    }) else {
        return;
    };
    // Each call asks for whole lines; only after the kernel took part of
    // one does the next ask for the rest of it.
    let mut owed = 0usize;
    let mut calls_seen = 0;
    for line in calls.lines().filter(|l| l.starts_with("write(1") || l.starts_with("vmsplice(1")) {
        let Some((call, ret)) = line.rsplit_once(" = ") else { continue };
        let Ok(took) = ret.trim().parse::<usize>() else { continue };
        let asked: usize = match call.find("iov_len=") {
            Some(at) => call[at + 8..].split(|c: char| !c.is_ascii_digit()).next().unwrap().parse().unwrap(),
            None => call.rsplit(", ").next().unwrap().trim_end_matches(')').trim().parse().unwrap(),
        };
        if owed == 0 {
            assert_eq!(asked % 8, 0, "{line}");
        } else {
            assert_eq!(asked, owed, "{line}");
        }
        owed = asked - took;
        calls_seen += 1;
    }
    assert!(calls_seen > 1, "{calls}");
}

#[test]
fn a_line_longer_than_the_buffer_still_comes_out_whole() {
    if !has(&["yes"]) {
        return;
    }
    let part = "x".repeat(100_000);
    let args: Vec<&str> = (0..15).map(|_| part.as_str()).collect();
    let mut line = args.join(" ").into_bytes();
    line.push(b'\n');
    let out = lines(&args, line.len() * 3);
    assert!(out.len() == line.len() * 3);
    for chunk in out.chunks(line.len()) {
        assert!(chunk == line.as_slice(), "a 1.5 MB line differs");
    }
}

#[test]
fn write_errors_end_with_standard_output_and_status_1() {
    if !has(&["yes"]) {
        return;
    }
    std_as("yes")
        .stdout(dev_full())
        .output()
        .unwrap()
        .assert()
        .code(1)
        .stderr("yes: standard output: No space left on device\n");
    let closed = bash("exec -a yes \"$B\" >&-");
    assert_eq!(
        (closed.status, String::from_utf8_lossy(&closed.stderr).into_owned()),
        (Some(1), "yes: standard output: Bad file descriptor\n".into())
    );
}

#[test]
fn a_closed_pipe_kills_by_default_and_is_an_error_when_ignored() {
    if !has(&["yes"]) {
        return;
    }
    let dflt = bash("(exec -a yes \"$B\") | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}");
    assert_eq!(String::from_utf8_lossy(&dflt.stdout), "141\n");
    let ignored = bash("trap '' PIPE; (exec -a yes \"$B\") | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}");
    assert_eq!(String::from_utf8_lossy(&ignored.stdout), "1\n");
    assert_eq!(String::from_utf8_lossy(&ignored.stderr), "yes: standard output: Broken pipe\n");
}

#[test]
fn a_non_blocking_pipe_with_a_slow_reader_loses_nothing() {
    if !has(&["yes"]) {
        return;
    }
    // yes writes into a pipe whose write end is O_NONBLOCK: EAGAIN must be
    // waited out, never turned into lost or torn output.
    let (reader, writer) = std::io::pipe().unwrap();
    set_nonblocking(&writer);
    let mut child = std::process::Command::new(bin());
    use std::os::unix::process::CommandExt;
    child.arg0("yes").arg("ab").stdout(writer).stderr(std::process::Stdio::piped());
    let child = child.spawn().unwrap();
    let mut reader = reader;
    let mut got = Vec::new();
    let mut buf = [0u8; 1000];
    while got.len() < 300_000 {
        std::thread::sleep(std::time::Duration::from_micros(200));
        let n = reader.read(&mut buf).unwrap();
        got.extend_from_slice(&buf[..n]);
    }
    drop(reader);
    let out = child.wait_with_output().unwrap();
    assert!(got.chunks(3).all(|c| c == b"ab\n" || (c.len() < 3 && b"ab\n".starts_with(c))), "torn output");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "no EAGAIN error");
}

#[test]
fn yes_matches_gnu_yes_on_a_random_corpus() {
    if !has(&["yes"]) {
        return;
    }
    let Some(gnu) = gnu("yes") else { return };
    let mut rng = Rng(0x0e55_0003);
    let words: &[&str] = &[
        "a", "b c", "", "-", "--", "-x", "--foo", "--help=1", "--=", "--=x", "-n", "yy", "\\n", "---", "--ver=1", "-y",
    ];
    let mut runs = 0;
    for case in 0..300 {
        let args: Vec<OsString> = (0..rng.below(4)).map(|_| OsString::from(rng.pick(words))).collect();
        let env: &[(&str, &str)] = if case % 3 == 0 { &[("POSIXLY_CORRECT", "1")] } else { &[] };
        let want = prefix(Path::new(&gnu), &args, env, 20_000);
        let got = prefix(bin(), &args, env, 20_000);
        runs += 1;
        // A killed yes has no status to compare; a finished one must agree.
        if want.1 == Some(1) || got.1 == Some(1) {
            assert_eq!(got, want, "yes {args:?} {env:?}");
        } else {
            assert_eq!(got.0, want.0, "yes {args:?} {env:?}");
            assert_eq!(got.2, want.2, "yes {args:?} {env:?}");
        }
    }
    eprintln!("yes: {runs} argument vectors compared with GNU");
}

#[test]
fn no_memory_for_the_buffer_is_memory_exhausted_as_in_gnu() {
    if !has(&["yes"]) || !native("a 300 KiB address space (qemu-user itself needs more)") {
        return;
    }
    // 300 KiB of address space: the binary runs, its 256 KiB buffer does not fit.
    let out = bash("ulimit -v 300; exec -a yes \"$B\"");
    assert_eq!(
        (out.status, String::from_utf8_lossy(&out.stderr).into_owned()),
        (Some(1), "yes: memory exhausted\n".into())
    );
    assert_eq!(out.stdout, b"");
}
