//! head: line and byte counts in every spelling (short, long, prefixes, the
//! obsolete `-NUM[bcklmqvz]` form), GNU's multiplier suffixes and overflow,
//! headers, -z, missing files and directories, counts from the end on files
//! and pipes, where a seekable stdin is left, write faults and signals, and a
//! differential run against GNU head.

mod common;
use common::*;
use std::ffi::OsString;
use std::io::Read;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Lines `1\n` .. `N\n`, as `seq 1 N` prints them.
fn seq(n: usize) -> String {
    (1..=n).map(|i| format!("{i}\n")).collect()
}

/// Random bytes with a newline (and a NUL) now and then: lines of every length.
fn lumpy(seed: u64, len: usize) -> Vec<u8> {
    let mut rng = Rng(seed);
    (0..len)
        .map(|_| match rng.below(40) {
            0 => b'\n',
            1 => 0,
            _ => rng.next() as u8,
        })
        .collect()
}

/// A directory of inputs with awkward content.
fn fixtures() -> PathBuf {
    let dir = tempdir("head-fixtures");
    let files: &[(&str, &[u8])] = &[
        ("f3", b"a\nb\nc\n"),
        ("plain", b"one\ntwo\nthree\n"),
        ("crlf", b"a\r\nb\r\n\r\nc\r"),
        ("nul", b"a\0b\0\n\0c\0\0d"),
        ("high", b"\x80\x9f\xa0\xfe\xff\x7f\x01\t\x1b\n\xff\n"),
        ("nofinal", b"x\ny"),
        ("empty", b""),
        ("blank", b"\n\n\n\n\n\n\n\n\n\n\n\n"),
        ("a b", b"spaced\n"),
        ("it's", b"quoted\n"),
    ];
    for (name, data) in files {
        std::fs::write(dir.join(name), data).unwrap();
    }
    std::fs::write(dir.join("s10"), seq(10)).unwrap();
    std::fs::write(dir.join("s3000"), seq(3000)).unwrap();
    std::fs::write(dir.join("long"), "x".repeat(300_000) + "\n" + &"y".repeat(20_000) + "\nz\n" + &"w".repeat(70_000))
        .unwrap();
    std::fs::write(dir.join("lumpy"), lumpy(0x4ead_0001, 40_000)).unwrap();
    std::fs::create_dir(dir.join("dir")).unwrap();
    dir
}

fn head_in(dir: &Path) -> assert_cmd::Command {
    let mut c = run_as("head");
    c.current_dir(dir);
    c
}

#[test]
fn the_first_ten_lines_by_default_from_files_and_stdin() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    head_in(&dir).arg("s3000").assert().code(0).stdout(seq(10)).stderr("");
    head_in(&dir).write_stdin(seq(20)).assert().code(0).stdout(seq(10)).stderr("");
    head_in(&dir).arg("-").write_stdin(seq(20)).assert().code(0).stdout(seq(10));
    head_in(&dir).arg("nofinal").assert().code(0).stdout("x\ny");
    head_in(&dir).arg("empty").assert().code(0).stdout("");
    head_in(&dir).arg("crlf").assert().code(0).stdout("a\r\nb\r\n\r\nc\r");
    head_in(&dir).arg("blank").assert().code(0).stdout("\n".repeat(10));
}

#[test]
fn line_and_byte_counts_in_every_spelling() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    for args in [
        &["-n", "2", "s10"][..],
        &["-n2", "s10"],
        &["--lines=2", "s10"],
        &["--lines", "2", "s10"],
        &["--l=2", "s10"],
        &["--li", "2", "s10"],
        &["s10", "-n", "2"],
        &["-n", "+2", "s10"],
        &["-n", " 2", "s10"],
        &["-n", "02", "s10"],
        &["-c", "9", "-n", "2", "s10"],
    ] {
        head_in(&dir).args(args).assert().code(0).stdout("1\n2\n").stderr("");
    }
    for args in [
        &["-c", "3", "s10"][..],
        &["-c3", "s10"],
        &["--bytes=3", "s10"],
        &["--bytes", "3", "s10"],
        &["--b=3", "s10"],
        &["-n", "1", "-c", "3", "s10"],
    ] {
        head_in(&dir).args(args).assert().code(0).stdout("1\n2").stderr("");
    }
    head_in(&dir).args(["-n", "0", "s10"]).assert().code(0).stdout("");
    head_in(&dir).args(["-c", "0", "s10"]).assert().code(0).stdout("");
    head_in(&dir).args(["-n", "100", "s10"]).assert().code(0).stdout(seq(10));
    head_in(&dir).args(["-c", "18446744073709551615", "s10"]).assert().code(0).stdout(seq(10));
    head_in(&dir).args(["-n", "18446744073709551615", "s10"]).assert().code(0).stdout(seq(10));
    // `--` ends the options.
    head_in(&dir)
        .args(["--", "-n"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("head: cannot open '-n' for reading: No such file or directory\n");
}

#[test]
fn the_obsolete_dash_number_form_takes_gnus_trailing_letters() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    let big = dir.join("big");
    std::fs::write(&big, lumpy(0x4ead_0002, 3_000_000)).unwrap();
    let data = std::fs::read(&big).unwrap();
    let cases: &[(&[&str], &[u8])] = &[
        (&["-3", "s10"], b"1\n2\n3\n"),
        (&["-3l", "s10"], b"1\n2\n3\n"),
        (&["-3c", "s10"], b"1\n2"),
        (&["-0", "s10"], b""),
        (&["-3q", "s10"], b"1\n2\n3\n"),
        (&["-1v", "s10"], b"==> s10 <==\n1\n"),
        (&["-2cv", "s10"], b"==> s10 <==\n1\n"),
        (&["-1lc", "s10"], b"1"),
        (&["-2cl", "s10"], b"1\n2\n"),
        (&["-1q", "s10", "f3"], b"1\na\n"),
        (&["-1z", "nul"], b"a\0"),
        (&["-3", "-n", "2", "s10"], b"1\n2\n"),
        (&["-3", "-v", "s10"], b"==> s10 <==\n1\n2\n3\n"),
    ];
    for (args, want) in cases {
        head_in(&dir).args(*args).assert().code(0).stdout(*want).stderr("");
    }
    // b, k and m are multipliers that also mean bytes; a later c drops them.
    for (arg, n) in [("-1b", 512), ("-3b", 1536), ("-1k", 1024), ("-2k", 2048), ("-1m", 1 << 20), ("-1kc", 1)] {
        let out = run_as("head").arg(arg).arg(&big).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "head {arg}");
        assert!(out.stdout == data[..n], "head {arg}: {} bytes, want {n}", out.stdout.len());
    }
    // Any other letter, or a number that is not the first argument.
    for (args, letter) in [
        (&["-3x", "s10"][..], "x"),
        (&["-3e", "s10"], "e"),
        (&["-3n", "s10"], "n"),
        (&["-1-", "s10"], "-"),
        (&["-n", "2", "-3", "s10"], "3"),
        (&["-1", "-2", "s10"], "2"),
        (&["-q5", "s10"], "5"),
    ] {
        head_in(&dir)
            .args(args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("head: invalid trailing option -- {letter}\nTry 'head --help' for more information.\n"));
    }
}

#[test]
fn multiplier_suffixes_are_the_ones_xstrtoumax_takes() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    let big = dir.join("big");
    std::fs::write(&big, lumpy(0x4ead_0003, 3_000_000)).unwrap();
    let cases: &[(&str, usize)] = &[
        ("1b", 512),
        ("2b", 1024),
        ("1kB", 1000),
        ("1KB", 1000),
        ("1KD", 1000),
        ("1kD", 1000),
        ("1K", 1024),
        ("1k", 1024),
        ("1KiB", 1024),
        ("1kiB", 1024),
        ("1MB", 1_000_000),
        ("1mB", 1_000_000),
        ("1MD", 1_000_000),
        ("1M", 1 << 20),
        ("1m", 1 << 20),
        ("1MiB", 1 << 20),
        ("2MiB", 2 << 20),
        ("1G", 3_000_000),
        ("1GiB", 3_000_000),
        ("1T", 3_000_000),
        ("1P", 3_000_000),
        ("1E", 3_000_000),
        ("010", 10),
        ("+5", 5),
        (" 5", 5),
        // A suffix alone counts one of it.
        ("k", 1024),
        ("b", 512),
    ];
    for (num, n) in cases {
        let out = run_as("head").args(["-c", num]).arg(&big).output().unwrap();
        assert_eq!((out.status.code(), out.stderr.as_slice()), (Some(0), &b""[..]), "head -c {num:?}");
        assert_eq!(out.stdout.len(), *n, "head -c {num:?}");
    }
    let out = run_as("head").args(["-c", "-k"]).arg(&big).output().unwrap();
    assert_eq!(out.stdout.len(), 3_000_000 - 1024, "head -c -k");
    // Lines take the same suffixes.
    let lines = dir.join("lines");
    std::fs::write(&lines, seq(5000)).unwrap();
    head_in(&dir).args(["-n", "1b", "lines"]).assert().code(0).stdout(seq(512));
    head_in(&dir).args(["-n", "1kB", "lines"]).assert().code(0).stdout(seq(1000));
    head_in(&dir).args(["--lines=2K", "lines"]).assert().code(0).stdout(seq(2048));
    head_in(&dir).args(["-n", "-1KiB", "lines"]).assert().code(0).stdout(seq(5000 - 1024));
}

#[test]
fn garbage_counts_are_invalid_numbers_without_a_try_line() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    let cases: &[(&[&str], &str)] = &[
        (&["-n", "x"], "invalid number of lines: 'x'"),
        (&["-n", "-x"], "invalid number of lines: 'x'"),
        (&["-n", ""], "invalid number of lines: ''"),
        (&["-n", "-"], "invalid number of lines: ''"),
        (&["-n", "--5"], "invalid number of lines: '-5'"),
        (&["-n", "1.5"], "invalid number of lines: '1.5'"),
        (&["-n", "5 "], "invalid number of lines: '5 '"),
        (&["-n", "1e3"], "invalid number of lines: '1e3'"),
        (&["-n", "0x10"], "invalid number of lines: '0x10'"),
        (&["-n", "1R"], "invalid number of lines: '1R'"),
        (&["-n", "1Q"], "invalid number of lines: '1Q'"),
        (&["-n1v"], "invalid number of lines: '1v'"),
        (&["--lines="], "invalid number of lines: ''"),
        (&["-n", "s10"], "invalid number of lines: 's10'"),
        (&["-c", "x"], "invalid number of bytes: 'x'"),
        (&["-c", "1B"], "invalid number of bytes: '1B'"),
        (&["-c", "1bB"], "invalid number of bytes: '1bB'"),
        (&["-c", "1Ki"], "invalid number of bytes: '1Ki'"),
        (&["-c", "1e"], "invalid number of bytes: '1e'"),
        (&["-c", "1b1"], "invalid number of bytes: '1b1'"),
        (&["--bytes", "-"], "invalid number of bytes: ''"),
        (&["-c", "1", "-c", "2x"], "invalid number of bytes: '2x'"),
        (&["-n", "a b"], "invalid number of lines: 'a b'"),
        (&["-n", "it's"], "invalid number of lines: 'it\\'s'"),
    ];
    for (args, msg) in cases {
        head_in(&dir)
            .args(*args)
            .arg("s10")
            .write_stdin("never read\n")
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("head: {msg}\n"));
    }
}

#[test]
fn a_count_too_large_is_value_too_large_for_defined_data_type() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    let huge = "99999999999999999999999";
    let cases: &[(&[&str], &str)] = &[
        (&["-n", huge], "lines: '99999999999999999999999'"),
        (&["-n", "-99999999999999999999999"], "lines: '99999999999999999999999'"),
        (&["-c", huge], "bytes: '99999999999999999999999'"),
        (&["-c", "-99999999999999999999999"], "bytes: '99999999999999999999999'"),
        (&["-c", "18446744073709551616"], "bytes: '18446744073709551616'"),
        (&["--lines=1Y"], "lines: '1Y'"),
        (&["-c", "1Z"], "bytes: '1Z'"),
        (&["-c", "1Y"], "bytes: '1Y'"),
        (&["-c", "16EiB"], "bytes: '16EiB'"),
        (&["-99999999999999999999999"], "lines: '99999999999999999999999'"),
        (&["-99999999999999999999999c"], "bytes: '99999999999999999999999'"),
        (&["-20000000000000000k"], "bytes: '20000000000000000k'"),
        // Eliding more bytes than off_t holds is refused too (after the options).
        (&["-c", "-9223372036854775808"], "bytes: '9223372036854775808'"),
        (&["-c", "-8EiB"], "bytes: '9223372036854775808'"),
    ];
    for (args, msg) in cases {
        head_in(&dir)
            .args(*args)
            .arg("s10")
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("head: invalid number of {msg}: Value too large for defined data type\n"));
    }
    // Just below the limits there is nothing to print, and no error.
    for args in [&["-c", "-9223372036854775807"][..], &["-n", "-18446744073709551615"], &["-c", "-7E"]] {
        head_in(&dir).args(args).arg("s10").assert().code(0).stdout("").stderr("");
        head_in(&dir).args(args).write_stdin(seq(10)).assert().code(0).stdout("").stderr("");
    }
}

#[test]
fn bad_options_are_reported_like_getopt_with_the_try_line() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    let cases: &[(&[&str], &str)] = &[
        (&["-x"], "head: invalid option -- 'x'\n"),
        (&["-qx"], "head: invalid option -- 'x'\n"),
        (&["--foo"], "head: unrecognized option '--foo'\n"),
        (&["--quiet=1"], "head: option '--quiet' doesn't allow an argument\n"),
        (&["--help=1"], "head: option '--help' doesn't allow an argument\n"),
        (&["--v"], "head: option '--v' is ambiguous; possibilities: '--verbose' '--version'\n"),
        (&["--ver"], "head: option '--ver' is ambiguous; possibilities: '--verbose' '--version'\n"),
    ];
    for (args, msg) in cases {
        head_in(&dir)
            .args(*args)
            .arg("s10")
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("{msg}Try 'head --help' for more information.\n"));
    }
    for (args, msg) in [
        (&["-n"][..], "head: option requires an argument -- 'n'\n"),
        (&["-c"], "head: option requires an argument -- 'c'\n"),
        (&["--lines"], "head: option '--lines' requires an argument\n"),
        (&["--bytes"], "head: option '--bytes' requires an argument\n"),
    ] {
        head_in(&dir)
            .args(args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("{msg}Try 'head --help' for more information.\n"));
    }
    // Long prefixes that are unambiguous work.
    head_in(&dir).args(["--verb", "--li=1", "s10"]).assert().code(0).stdout("==> s10 <==\n1\n");
    head_in(&dir).args(["--s", "--li=1", "s10", "f3"]).assert().code(0).stdout("1\na\n");
    head_in(&dir).args(["--q", "--z", "--li=1", "nul"]).assert().code(0).stdout("a\0");
}

#[test]
fn posixly_correct_stops_options_at_the_first_operand() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    head_in(&dir).args(["f3", "-n", "1"]).assert().code(0).stdout("a\n");
    head_in(&dir)
        .env("POSIXLY_CORRECT", "1")
        .args(["f3", "-n", "1"])
        .assert()
        .code(1)
        .stdout("==> f3 <==\na\nb\nc\n")
        .stderr("head: cannot open '-n' for reading: No such file or directory\nhead: cannot open '1' for reading: No such file or directory\n");
}

#[test]
fn headers_come_with_several_files_or_v_and_never_with_q() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    head_in(&dir).args(["f3", "nofinal"]).assert().code(0).stdout("==> f3 <==\na\nb\nc\n\n==> nofinal <==\nx\ny");
    head_in(&dir).args(["-v", "f3"]).assert().code(0).stdout("==> f3 <==\na\nb\nc\n");
    head_in(&dir)
        .args(["--verbose", "-n1", "-"])
        .write_stdin("in\nx\n")
        .assert()
        .stdout("==> standard input <==\nin\n");
    head_in(&dir).args(["-v", "-n1"]).write_stdin("in\nx\n").assert().stdout("==> standard input <==\nin\n");
    head_in(&dir).args(["-q", "f3", "f3"]).assert().code(0).stdout("a\nb\nc\na\nb\nc\n");
    head_in(&dir).args(["--quiet", "-n1", "f3", "-", "s10"]).write_stdin("in\n").assert().stdout("a\nin\n1\n");
    head_in(&dir).args(["--silent", "-n1", "f3", "s10"]).assert().stdout("a\n1\n");
    // The last of -q and -v wins.
    head_in(&dir).args(["-q", "-v", "-n1", "f3"]).assert().stdout("==> f3 <==\na\n");
    head_in(&dir).args(["-v", "-q", "-n1", "f3", "s10"]).assert().stdout("a\n1\n");
    // Empty files still get their header, and the blank line comes before
    // each header but the first, whatever the file before printed.
    head_in(&dir)
        .args(["-c", "1", "empty", "f3", "empty"])
        .assert()
        .code(0)
        .stdout("==> empty <==\n\n==> f3 <==\na\n==> empty <==\n");
    head_in(&dir)
        .args(["-n1", "-", "f3", "-"])
        .write_stdin("in\n")
        .assert()
        .stdout("==> standard input <==\nin\n\n==> f3 <==\na\n\n==> standard input <==\n");
    // Names in headers are printed as given, unquoted.
    head_in(&dir)
        .args(["-n1", "a b", "it's", "./f3"])
        .assert()
        .code(0)
        .stdout("==> a b <==\nspaced\n\n==> it's <==\nquoted\n\n==> ./f3 <==\na\n");
}

#[test]
fn zero_terminated_lines_end_at_nul() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    head_in(&dir).args(["-z", "-n", "2", "nul"]).assert().code(0).stdout(&b"a\0b\0"[..]);
    head_in(&dir).args(["--zero-terminated", "-n", "-2", "nul"]).assert().code(0).stdout(&b"a\0b\0\n\0c\0"[..]);
    head_in(&dir).args(["-z", "-n1", "f3"]).assert().code(0).stdout("a\nb\nc\n");
    head_in(&dir).args(["-z", "-n", "-1", "f3"]).assert().code(0).stdout("");
    head_in(&dir).args(["-z", "-c", "3", "nul"]).assert().code(0).stdout(&b"a\0b"[..]);
    head_in(&dir).args(["-zn3"]).write_stdin(&b"1\x002\x003\x004\x00"[..]).assert().stdout(&b"1\x002\x003\x00"[..]);
}

#[test]
fn a_missing_file_in_between_is_reported_and_head_goes_on() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    head_in(&dir)
        .args(["f3", "missing", "nofinal"])
        .assert()
        .code(1)
        .stdout("==> f3 <==\na\nb\nc\n\n==> nofinal <==\nx\ny")
        .stderr("head: cannot open 'missing' for reading: No such file or directory\n");
    head_in(&dir).args(["-c", "-1", "missing", "f3/x", "f3"]).assert().code(1).stdout("==> f3 <==\na\nb\nc").stderr(
        "head: cannot open 'missing' for reading: No such file or directory\n\
             head: cannot open 'f3/x' for reading: Not a directory\n",
    );
    head_in(&dir)
        .arg("missing")
        .assert()
        .code(1)
        .stdout("")
        .stderr("head: cannot open 'missing' for reading: No such file or directory\n");
}

#[test]
fn names_in_messages_are_quoted_as_gnu_quotes_them() {
    if !has(&["head"]) {
        return;
    }
    let dir = tempdir("head-quote");
    for (name, shown) in [
        (&b"a b"[..], "'a b'"),
        (b"it's", "\"it's\""),
        (b"a\nb", "'a'$'\\n''b'"),
        (b"\xff", "''$'\\377'"),
        (b"plain", "'plain'"),
        (b"", "''"),
    ] {
        let mut c = std_as("head");
        c.arg(OsString::from_vec(name.to_vec())).current_dir(&dir);
        c.output()
            .unwrap()
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("head: cannot open {shown} for reading: No such file or directory\n"));
    }
}

#[test]
fn a_directory_operand_is_an_error_reading_it() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    for opts in [&[][..], &["-c2"], &["-n", "-1"], &["-c", "-1"], &["-z"]] {
        head_in(&dir)
            .args(opts)
            .arg("dir")
            .assert()
            .code(1)
            .stdout("")
            .stderr("head: error reading 'dir': Is a directory\n");
    }
    head_in(&dir)
        .args(["f3", "dir", "nofinal"])
        .assert()
        .code(1)
        .stdout("==> f3 <==\na\nb\nc\n\n==> dir <==\n\n==> nofinal <==\nx\ny")
        .stderr("head: error reading 'dir': Is a directory\n");
    head_in(&dir)
        .args(["-n", "-1", "dir", "f3"])
        .assert()
        .code(1)
        .stdout("==> dir <==\n\n==> f3 <==\na\nb\n")
        .stderr("head: error reading 'dir': Is a directory\n");
}

#[test]
fn messages_come_after_what_was_printed_before_them() {
    if !has(&["head"]) {
        return;
    }
    // GNU's error() flushes stdout first: with both on one pipe, the order
    // is the order of events.
    let dir = fixtures();
    let missing = "head: cannot open 'missing' for reading: No such file or directory\n";
    let isdir = "head: error reading 'dir': Is a directory\n";
    let cases: &[(&str, String)] = &[
        ("f3 missing f3", format!("==> f3 <==\na\nb\nc\n{missing}\n==> f3 <==\na\nb\nc\n")),
        ("-q f3 missing f3", format!("a\nb\nc\n{missing}a\nb\nc\n")),
        ("-c 2 f3 missing", format!("==> f3 <==\na\n{missing}")),
        ("-n -1 missing f3", format!("{missing}==> f3 <==\na\nb\n")),
        ("-c -1 f3 dir", format!("==> f3 <==\na\nb\nc\n==> dir <==\n{isdir}")),
        ("-n -1 f3 dir", format!("==> f3 <==\na\nb\n\n==> dir <==\n{isdir}")),
        ("-n 1 f3 dir", format!("==> f3 <==\na\n\n==> dir <==\n{isdir}")),
    ];
    for (args, want) in cases {
        let got = bash(&format!("cd {} && exec -a head \"$B\" {args} 2>&1", dir.display()));
        assert_eq!(
            (got.status, String::from_utf8_lossy(&got.stdout).into_owned()),
            (Some(1), want.clone()),
            "head {args} 2>&1"
        );
    }
}

#[test]
fn a_closed_stdin_is_reported_as_gnu_reports_it() {
    if !has(&["head"]) {
        return;
    }
    let cases: &[(&str, &str, &str)] = &[
        ("", "", "head: error reading 'standard input': Bad file descriptor\nhead: -: Bad file descriptor\n"),
        ("-n -1", "", "head: cannot fstat 'standard input': Bad file descriptor\nhead: -: Bad file descriptor\n"),
        ("-c -1 -", "", "head: cannot fstat 'standard input': Bad file descriptor\nhead: -: Bad file descriptor\n"),
        (
            "- /dev/null",
            "==> standard input <==\n\n==> /dev/null <==\n",
            "head: error reading 'standard input': Bad file descriptor\nhead: -: Bad file descriptor\n",
        ),
    ];
    for (args, out, err) in cases {
        let got = bash(&format!("exec -a head \"$B\" {args} <&-"));
        assert_eq!(
            (
                got.status,
                String::from_utf8_lossy(&got.stdout).into_owned(),
                String::from_utf8_lossy(&got.stderr).into_owned()
            ),
            (Some(1), out.to_string(), err.to_string()),
            "head {args} <&-"
        );
    }
}

#[test]
fn counts_from_the_end_print_all_but_the_last_on_small_inputs() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    let cases: &[(&[&str], &[u8])] = &[
        (&["-n", "-1", "f3"], b"a\nb\n"),
        (&["-n", "-3", "f3"], b""),
        (&["-n", "-9", "f3"], b""),
        (&["-n", "-0", "f3"], b"a\nb\nc\n"),
        (&["-n", "-1", "nofinal"], b"x\n"),
        (&["-n", "-2", "nofinal"], b""),
        (&["-n", "-1", "crlf"], b"a\r\nb\r\n\r\n"),
        (&["-c", "-1", "f3"], b"a\nb\nc"),
        (&["-c", "-0", "f3"], b"a\nb\nc\n"),
        (&["-c", "-6", "f3"], b""),
        (&["-c", "-100", "f3"], b""),
        (&["--bytes=-2", "nofinal"], b"x"),
        (&["--lines=-8", "s10"], b"1\n2\n"),
        (&["-n", "-1", "empty"], b""),
        (&["-c", "-1", "empty"], b""),
        (&["-n", "-4", "long"], b""),
        (&["-n", "-3", "crlf"], b"a\r\n"),
    ];
    for (args, want) in cases {
        head_in(&dir).args(*args).assert().code(0).stdout(*want).stderr("");
        // The same from a pipe.
        let file = args.last().unwrap();
        let data = std::fs::read(dir.join(file)).unwrap();
        head_in(&dir).args(&args[..args.len() - 1]).write_stdin(data).assert().code(0).stdout(*want).stderr("");
    }
    let long = std::fs::read(dir.join("long")).unwrap();
    head_in(&dir).args(["-n", "-1", "long"]).assert().stdout(long[..300_000 + 1 + 20_000 + 1 + 2].to_vec());
    head_in(&dir).args(["-c", "-69999", "long"]).assert().stdout(long[..long.len() - 69_999].to_vec());
}

/// All but the last `n` lines (ending in `eol`) of `data`.
fn all_but_lines(data: &[u8], n: usize, eol: u8) -> &[u8] {
    if n == 0 {
        return data;
    }
    // A final line without its end counts as a line.
    let mut ends: Vec<usize> = data.iter().enumerate().filter(|(_, &b)| b == eol).map(|(i, _)| i + 1).collect();
    if data.last().is_some_and(|&b| b != eol) {
        ends.push(data.len());
    }
    if ends.len() <= n {
        return &data[..0];
    }
    &data[..ends[ends.len() - n - 1]]
}

#[test]
fn counts_from_the_end_on_a_mebibyte_from_a_file_and_through_a_pipe() {
    if !has(&["head"]) {
        return;
    }
    let dir = tempdir("head-elide");
    let data = lumpy(0x4ead_0004, 1 << 20);
    let mut nofinal = data.clone();
    nofinal.extend_from_slice(b"tail without newline");
    std::fs::write(dir.join("data"), &data).unwrap();
    std::fs::write(dir.join("nofinal"), &nofinal).unwrap();
    let lines = data.iter().filter(|&&b| b == b'\n').count();
    let line_cases = [0usize, 1, 3, 1000, lines - 1, lines, lines + 5];
    let byte_cases = [0usize, 1, 1000, 8191, 8192, 8193, 1 << 20, (1 << 20) - 1, 1_500_000, 3_000_000];
    for (name, input) in [("data", &data), ("nofinal", &nofinal)] {
        for n in line_cases {
            let want = all_but_lines(input, n, b'\n');
            for z in [false, true] {
                let want = if z { all_but_lines(input, n, 0) } else { want };
                let mut args = vec![format!("-n-{n}")];
                if z {
                    args.push("-z".into());
                }
                let file = run_as("head").args(&args).arg(dir.join(name)).output().unwrap();
                assert!(file.status.code() == Some(0) && file.stderr.is_empty(), "head {args:?} {name}");
                assert!(file.stdout == want, "head {args:?} {name}: {} bytes, want {}", file.stdout.len(), want.len());
                let pipe = run_as("head").args(&args).write_stdin(input.clone()).output().unwrap();
                assert!(pipe.status.code() == Some(0) && pipe.stderr.is_empty(), "head {args:?} < pipe");
                assert!(
                    pipe.stdout == want,
                    "head {args:?} < {name} pipe: {} bytes, want {}",
                    pipe.stdout.len(),
                    want.len()
                );
            }
        }
        for n in byte_cases {
            let want = &input[..input.len().saturating_sub(n)];
            let arg = format!("--bytes=-{n}");
            let file = run_as("head").arg(&arg).arg(dir.join(name)).output().unwrap();
            assert!(file.status.code() == Some(0) && file.stderr.is_empty(), "head {arg} {name}");
            assert!(file.stdout == want, "head {arg} {name}: {} bytes, want {}", file.stdout.len(), want.len());
            let pipe = run_as("head").arg(&arg).write_stdin(input.clone()).output().unwrap();
            assert!(pipe.status.code() == Some(0) && pipe.stderr.is_empty(), "head {arg} < pipe");
            assert!(pipe.stdout == want, "head {arg} < {name} pipe: {} bytes, want {}", pipe.stdout.len(), want.len());
        }
    }
    // And the plain counts on the same data, through the pipe.
    for n in [1usize, 1000, 8192, 1 << 19] {
        let pipe = run_as("head").arg(format!("-c{n}")).write_stdin(data.clone()).output().unwrap();
        assert!(pipe.stdout == data[..n], "head -c{n}");
    }
}

#[test]
fn head_n1_of_an_endless_pipe_ends_promptly() {
    if !has(&["head"]) {
        return;
    }
    for args in [&["-n1"][..], &["-c", "2"], &["-n", "1", "-"]] {
        let mut yes = std::process::Command::new("/usr/bin/yes").stdout(Stdio::piped()).spawn().expect("yes");
        let pipe = yes.stdout.take().unwrap();
        let mut h = std_as("head");
        h.args(args).stdin(pipe).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = h.spawn().unwrap();
        drop(h);
        let start = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break Some(s);
            }
            if start.elapsed() > Duration::from_secs(5) {
                break None;
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        if status.is_none() {
            let _ = child.kill();
        }
        let out = child.wait_with_output().unwrap();
        let _ = yes.kill();
        let _ = yes.wait();
        assert!(status.is_some(), "yes | head {args:?} did not end within 5 s");
        assert_eq!(
            (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned(), out.stderr),
            (Some(0), "y\n".to_string(), vec![]),
            "yes | head {args:?}"
        );
    }
}

/// `{ head ARGS; cat; } < FILE` in `dir` with the given program as head.
fn then_cat(dir: &Path, program: &str, args: &str, file: &str) -> Outcome {
    bash(&format!("cd {} && {{ (exec -a head {program} {args}); echo \"[$?]\"; cat; }} < {file}", dir.display()))
}

#[test]
fn a_seekable_stdin_is_left_just_after_what_was_printed() {
    if !has(&["head"]) {
        return;
    }
    let dir = fixtures();
    let cases: &[(&str, &str, &str)] = &[
        ("-n 2", "s10", "1\n2\n[0]\n3\n4\n5\n6\n7\n8\n9\n10\n"),
        ("-c 3", "s10", "1\n2[0]\n\n3\n4\n5\n6\n7\n8\n9\n10\n"),
        ("-n -2", "s10", "1\n2\n3\n4\n5\n6\n7\n8\n[0]\n9\n10\n"),
        ("-c -3", "s10", "1\n2\n3\n4\n5\n6\n7\n8\n9\n[0]\n10\n"),
        ("-n 0", "f3", "[0]\na\nb\nc\n"),
        ("-c 0", "f3", "[0]\na\nb\nc\n"),
        ("-n -0", "f3", "a\nb\nc\n[0]\n"),
        ("-n 20", "f3", "a\nb\nc\n[0]\n"),
        ("-n 1 - -", "f3", "==> standard input <==\na\n\n==> standard input <==\nb\n[0]\nc\n"),
    ];
    for (args, file, want) in cases {
        let got = then_cat(&dir, "\"$B\"", args, file);
        assert_eq!(
            (String::from_utf8_lossy(&got.stdout).into_owned(), got.stderr, got.status),
            (want.to_string(), vec![], Some(0)),
            "{{ head {args}; cat; }} < {file}"
        );
    }
    // Past a block: the offset is exact, not where the last read ended.
    let s3000 = seq(3000);
    for (args, left) in [("-n 2", s3000.len() - 4), ("-c 9000", s3000.len() - 9000), ("-n -2", 10), ("-c -5000", 5000)]
    {
        let got = then_cat(&dir, "\"$B\"", args, "s3000");
        let text = String::from_utf8_lossy(&got.stdout);
        let (_, rest) = text.split_once("[0]\n").unwrap_or_else(|| panic!("head {args}: {}", got.show()));
        assert_eq!(rest.len(), left, "{{ head {args}; cat; }} < s3000");
    }
}

#[test]
fn the_offset_left_in_a_seekable_stdin_matches_gnu() {
    if !has(&["head"]) {
        return;
    }
    let Some(gnu) = gnu("head") else { return };
    let dir = fixtures();
    let argses = [
        "",
        "-n 2",
        "-c 3",
        "-n -2",
        "-c -3",
        "-n 0",
        "-c 0",
        "-n -0",
        "-c -0",
        "-n 20000",
        "-z -n 1",
        "-z -n -1",
        "-c 9000",
        "-c 8192",
        "-c 8193",
        "-c -5000",
        "-c -8192",
        "-n -2990",
        "-n -1",
        "-c -20000",
        "-n 1 - -",
        "-c 5 - -",
        "-n -1 - -",
        "-c -100 - -",
        "-n 2 - f3 -",
        "-c -1 -",
        "-3",
        "-5c",
        "-n 1kB",
    ];
    let files = ["s10", "s3000", "long", "lumpy", "nofinal", "empty", "crlf", "nul", "/proc/version"];
    let mut compared = 0;
    for args in argses {
        for file in files {
            let want = then_cat(&dir, &gnu, args, file);
            let got = then_cat(&dir, "\"$B\"", args, file);
            assert!(
                got == want,
                "{{ head {args}; cat; }} < {file}\nours: {}\ngnu:  {}",
                got.show().chars().take(3000).collect::<String>(),
                want.show().chars().take(3000).collect::<String>()
            );
            compared += 1;
        }
    }
    eprintln!("head: {compared} seekable stdins left where GNU leaves them");
}

#[test]
fn files_in_proc_that_say_they_are_empty_are_read_to_the_end() {
    if !has(&["head"]) {
        return;
    }
    let version = std::fs::read("/proc/version").unwrap();
    assert!(version.ends_with(b"\n") && version.len() > 10);
    let first_line = &version[..version.iter().position(|&b| b == b'\n').unwrap() + 1];
    let cases: &[(&[&str], &[u8])] = &[
        (&["-c", "5"], &version[..5]),
        (&["-c", "-5"], &version[..version.len() - 5]),
        (&["-n", "-1"], all_but_lines(&version, 1, b'\n')),
        (&["-n", "-0"], &version),
        (&["-c", "-0"], &version),
        (&["-n", "1"], first_line),
        (&[], &version[..]),
    ];
    for (args, want) in cases {
        run_as("head").args(*args).arg("/proc/version").assert().code(0).stdout(want.to_vec()).stderr("");
    }
}

#[test]
fn write_errors_are_worded_by_how_much_gnu_had_buffered() {
    if !has(&["head"]) {
        return;
    }
    // GNU's stdout buffer is 4096 bytes: what fits is lost at exit
    // (`write error`), a write that does not fit fails in place
    // (`error writing 'standard output'`).
    let dir = fixtures();
    std::fs::write(dir.join("big"), lumpy(0x4ead_0005, 1 << 20)).unwrap();
    std::fs::write(dir.join("y5000"), "y\n".repeat(2500)).unwrap();
    let late = "write error";
    let early = "error writing 'standard output'";
    let cases: &[(&[&str], &str)] = &[
        (&["f3"], late),
        (&["-n", "1", "f3"], late),
        (&["-c", "2", "f3"], late),
        (&["-c", "-2", "f3"], late),
        (&["-c", "-0", "f3"], late),
        (&["-v", "empty"], late),
        (&["f3", "s10"], late),
        (&["-c", "4095", "big"], late),
        (&["-c", "4096", "big"], early),
        (&["-c", "8192", "big"], early),
        (&["-c", "100000", "big"], early),
        (&["-n", "2047", "y5000"], late),
        (&["-n", "2048", "y5000"], early),
        (&["-n", "100000", "s3000"], early),
        (&["-n", "-3", "s3000"], early),
        (&["-n", "-1", "big"], early),
        (&["-c", "-1000", "big"], early),
        (&["-c", "-2000000", "big"], ""),
        (&["-n", "-3", "f3"], ""),
        (&["empty"], ""),
    ];
    for (args, msg) in cases {
        let (code, full, closed) = if msg.is_empty() {
            (0, String::new(), String::new())
        } else {
            (1, format!("head: {msg}: No space left on device\n"), format!("head: {msg}: Bad file descriptor\n"))
        };
        let mut c = std_as("head");
        c.args(*args).current_dir(&dir).stdout(dev_full());
        let out = c.output().unwrap();
        assert_eq!(
            (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned()),
            (Some(code), full),
            "head {args:?} > /dev/full"
        );
        let out = bash(&format!("cd {} && exec -a head \"$B\" {} >&-", dir.display(), args.join(" ")));
        assert_eq!(
            (out.status, String::from_utf8_lossy(&out.stderr).into_owned()),
            (Some(code), closed),
            "head {args:?} >&-"
        );
    }
}

#[test]
fn a_closed_pipe_kills_by_default_and_is_an_error_when_ignored() {
    if !has(&["head"]) {
        return;
    }
    let dir = tempdir("head-pipe");
    std::fs::write(dir.join("big"), lumpy(0x4ead_0006, 1 << 20)).unwrap();
    for args in ["-c 1048576", "-n -3", "-c -1000", "-n 100000", "-v -n 1000000"] {
        let dflt = bash(&format!(
            "cd {} && (exec -a head \"$B\" {args} big) | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}",
            dir.display()
        ));
        assert_eq!(
            (String::from_utf8_lossy(&dflt.stdout).into_owned(), dflt.stderr),
            ("141\n".into(), vec![]),
            "head {args}"
        );
        let ignored = bash(&format!(
            "cd {} && trap '' PIPE; (exec -a head \"$B\" {args} big) | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}",
            dir.display()
        ));
        assert_eq!(
            (
                String::from_utf8_lossy(&ignored.stdout).into_owned(),
                String::from_utf8_lossy(&ignored.stderr).into_owned()
            ),
            ("1\n".into(), "head: error writing 'standard output': Broken pipe\n".into()),
            "head {args} with SIGPIPE ignored"
        );
    }
}

#[test]
fn a_non_blocking_pipe_with_a_slow_reader_receives_every_byte() {
    if !has(&["head"]) {
        return;
    }
    let dir = tempdir("head-slow");
    let data = lumpy(0x4ead_0007, 1_300_000);
    std::fs::write(dir.join("data"), &data).unwrap();
    let n_lines = data.iter().filter(|&&b| b == b'\n').count();
    let first = |k: usize| &data[..data.iter().enumerate().filter(|(_, &b)| b == b'\n').nth(k - 1).unwrap().0 + 1];
    let cases: Vec<(Vec<String>, Vec<u8>)> = vec![
        (vec!["-c".into(), "1M".into()], data[..1 << 20].to_vec()),
        (vec!["-c".into(), "-100000".into()], data[..data.len() - 100_000].to_vec()),
        (vec!["-n".into(), "-5".into()], all_but_lines(&data, 5, b'\n').to_vec()),
        (vec!["-n".into(), format!("{}", n_lines - 10)], first(n_lines - 10).to_vec()),
        (vec!["-v".into(), "-c".into(), "1M".into()], [&b"==> data <==\n"[..], &data[..1 << 20]].concat()),
    ];
    for (args, want) in cases {
        let (mut reader, writer) = std::io::pipe().unwrap();
        set_nonblocking(&writer);
        let mut c = std_as("head");
        c.args(&args).arg("data").current_dir(&dir).stdout(writer).stderr(Stdio::piped());
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
            "head {args:?}"
        );
        assert!(got == want, "head {args:?}: {} bytes, want {}", got.len(), want.len());
    }
}

#[test]
fn help_and_version_and_their_prefixes() {
    if !has(&["head"]) {
        return;
    }
    let version = format!("head (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in
        [&["--version"][..], &["--vers"], &["-n", "1", "--versi"], &["--version", "--help"], &["missing", "--version"]]
    {
        run_as("head").args(args).assert().code(0).stdout(version.clone()).stderr("");
    }
    for args in [
        &["--help"][..],
        &["--h"],
        &["--hel"],
        &["-n", "2", "--help"],
        &["--help", "--version"],
        &["missing", "--help"],
    ] {
        let out = run_as("head").args(args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "head {args:?}");
        assert!(text.starts_with("Usage: head") && text.ends_with('\n'), "head {args:?}: {text:?}");
        assert_eq!(out.stderr, b"", "head {args:?}");
    }
    // Options are taken in order: a bad count before --help ends head first, as in GNU.
    run_as("head")
        .args(["-n", "x", "--help"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("head: invalid number of lines: 'x'\n");
    // After `--` they are file names.
    run_as("head")
        .current_dir(tempdir("head-help"))
        .args(["--", "--help"])
        .assert()
        .code(1)
        .stderr("head: cannot open '--help' for reading: No such file or directory\n");
}

#[test]
fn head_matches_gnu_on_a_random_corpus() {
    if !has(&["head"]) {
        return;
    }
    let Some(gnu) = gnu("head") else { return };
    let dir = fixtures();
    let mut rng = Rng(0x4ead_0008);
    let numbers: &[&str] = &[
        "0",
        "1",
        "2",
        "3",
        "5",
        "10",
        "100",
        "4096",
        "9000",
        "100000",
        "-0",
        "-1",
        "-2",
        "-3",
        "-10",
        "-100",
        "-9000",
        "-400000",
        "1b",
        "2k",
        "1kB",
        "1K",
        "1KiB",
        "1KD",
        "1M",
        "1MB",
        "1G",
        "1E",
        "1Z",
        "1Y",
        "1R",
        "1Q",
        "1B",
        "1bB",
        "1Ki",
        "k",
        "-k",
        "b",
        "",
        "-",
        "--1",
        "x",
        "1x",
        "1.5",
        "+3",
        " 3",
        "3 ",
        "010",
        "0x10",
        "1e3",
        "18446744073709551615",
        "18446744073709551616",
        "99999999999999999999999",
        "-18446744073709551615",
        "-9223372036854775807",
        "-9223372036854775808",
        "-99999999999999999999999",
    ];
    let obsolete: &[&str] = &[
        "-3",
        "-0",
        "-1",
        "-12",
        "-3c",
        "-2l",
        "-1b",
        "-1k",
        "-1m",
        "-3v",
        "-3q",
        "-3z",
        "-2cv",
        "-1kc",
        "-2lc",
        "-3x",
        "-3e",
        "-3n",
        "-1-",
        "-99999999999999999999999",
        "-20000000000000000k",
        "-5zq",
        "-5vq",
    ];
    let flags: &[&str] = &[
        "-q",
        "-v",
        "-z",
        "-qv",
        "-vz",
        "--quiet",
        "--silent",
        "--verbose",
        "--zero-terminated",
        "--q",
        "--s",
        "--sil",
        "--verb",
        "--z",
        "--zero",
        "-x",
        "-qx",
        "--foo",
        "--quiet=1",
        "--verbose=",
        "--",
        "-",
        "-n",
        "-c",
        "--lines",
        "--bytes",
        "--line",
        "--byte",
        "-3",
        "-qn2",
    ];
    let files: &[&str] = &[
        "f3",
        "plain",
        "crlf",
        "nul",
        "high",
        "nofinal",
        "empty",
        "blank",
        "s10",
        "s3000",
        "long",
        "lumpy",
        "missing",
        "dir",
        "a b",
        "it's",
        "-",
        "/proc/version",
        "f3/x",
    ];
    let stdins: &[&[u8]] = &[
        b"",
        b"in\n",
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n",
        b"\r\n\r\n\r",
        b"no newline",
        b"a\0b\0c\0",
        b"\x80\xff\n\xfe",
        b"\n\n\n\n\n\n\n\n\n\n\n\n\n\n",
    ];
    let (mut runs, mut succeeded) = (0, 0);
    for case in 0..400 {
        let mut args: Vec<OsString> = Vec::new();
        if rng.chance(30) {
            args.push(rng.pick(obsolete).into());
        }
        for _ in 0..rng.below(6) {
            match rng.below(10) {
                0..=2 => {
                    let opt = *rng.pick(&["-n", "-c", "--lines", "--bytes", "--li", "--by"]);
                    let num = *rng.pick(numbers);
                    match rng.below(3) {
                        0 if opt.starts_with("--") => args.push(format!("{opt}={num}").into()),
                        0 => args.push(format!("{opt}{num}").into()),
                        _ => {
                            args.push(opt.into());
                            args.push(num.into());
                        }
                    }
                }
                3 | 4 => args.push(rng.pick(flags).into()),
                _ => args.push(rng.pick(files).into()),
            }
        }
        let stdin = *rng.pick(stdins);
        let env: &[(&str, &str)] = if case % 7 == 0 { &[("POSIXLY_CORRECT", "1")] } else { &[] };
        let want = outcome(Path::new(&gnu), "head", &args, stdin, env, &dir);
        let got = outcome(bin(), "head", &args, stdin, env, &dir);
        runs += 1;
        succeeded += (want.status == Some(0)) as usize;
        assert!(
            got == want,
            "head {args:?} {env:?} < {:?}\nours: {}\ngnu:  {}",
            String::from_utf8_lossy(stdin),
            got.show().chars().take(2000).collect::<String>(),
            want.show().chars().take(2000).collect::<String>()
        );
    }
    eprintln!("head: {runs} argument vectors ({succeeded} of them exit 0) compared with GNU");
}
