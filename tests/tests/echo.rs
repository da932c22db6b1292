//! echo: option words, escapes, POSIXLY_CORRECT, help/version, write
//! errors, and a differential run against GNU echo.

mod common;
use common::*;
use femtobox::escape::{options, unescape};
use femtobox_tests::checks::check_unescape;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;

fn echo(args: &[&str]) -> assert_cmd::assert::Assert {
    run_as("echo").args(args).assert()
}

#[test]
fn operands_are_joined_by_spaces_and_end_with_a_newline() {
    if !has(&["echo"]) {
        return;
    }
    echo(&[]).code(0).stdout("\n").stderr("");
    echo(&["hi"]).code(0).stdout("hi\n");
    echo(&["a", "", "b"]).code(0).stdout("a  b\n");
    echo(&["", ""]).code(0).stdout(" \n");
}

#[test]
fn only_words_of_n_e_and_capital_e_are_options() {
    if !has(&["echo"]) {
        return;
    }
    echo(&["-n", "hi"]).stdout("hi");
    echo(&["-nn", "-e", "a\\tb"]).stdout("a\tb");
    for literal in ["-x", "-nx", "-", "--", "--n", "-N", "-n-"] {
        echo(&[literal, "z"]).stdout(format!("{literal} z\n"));
    }
    // The first non-option ends option parsing.
    echo(&["x", "-n"]).stdout("x -n\n");
    echo(&["-n", "--", "-n"]).stdout("-- -n");
}

#[test]
fn the_last_e_or_capital_e_wins() {
    if !has(&["echo"]) {
        return;
    }
    echo(&["-eE", "a\\nb"]).stdout("a\\nb\n");
    echo(&["-Ee", "a\\nb"]).stdout("a\nb\n");
    echo(&["-neE", "a\\nb"]).stdout("a\\nb");
    echo(&["-e", "-E", "a\\nb"]).stdout("a\\nb\n");
}

#[test]
fn without_e_backslashes_are_plain() {
    if !has(&["echo"]) {
        return;
    }
    echo(&["a\\nb\\c", "\\"]).stdout("a\\nb\\c \\\n");
}

#[test]
fn every_escape_decodes_as_gnu_does() {
    if !has(&["echo"]) {
        return;
    }
    let cases: &[(&str, &[u8])] = &[
        ("\\\\", b"\\"),
        ("\\a\\b\\e\\f\\n\\r\\t\\v", b"\x07\x08\x1b\x0c\n\r\t\x0b"),
        ("\\0101", b"A"),
        ("\\0", b"\0"),
        ("\\01011", b"A1"),
        ("\\101", b"A"),
        ("\\1010", b"A0"),
        ("\\7", b"\x07"),
        ("\\8", b"\\8"),
        ("\\400", b"\0"),
        ("\\777", b"\xff"),
        ("\\x41", b"A"),
        ("\\x414", b"A4"),
        ("\\x4", b"\x04"),
        ("\\xg", b"\\xg"),
        ("\\x", b"\\x"),
        ("\\xFf", b"\xff"),
        ("\\z", b"\\z"),
        ("a\\", b"a\\"),
        ("\\\\c", b"\\c"),
    ];
    for (arg, want) in cases {
        let mut want = want.to_vec();
        want.push(b'\n');
        echo(&["-e", arg]).code(0).stdout(want);
    }
}

#[test]
fn backslash_c_stops_everything_at_once() {
    if !has(&["echo"]) {
        return;
    }
    echo(&["-e", "a\\cb", "c"]).code(0).stdout("a");
    echo(&["-e", "a", "\\c", "b"]).stdout("a ");
    echo(&["-e", "\\c"]).stdout("");
}

#[test]
fn posixly_correct_allows_only_a_first_dash_n_and_always_decodes() {
    if !has(&["echo"]) {
        return;
    }
    let posix = |args: &[&str]| run_as("echo").env("POSIXLY_CORRECT", "1").args(args).assert();
    posix(&["-e", "a\\tb"]).stdout("-e a\tb\n");
    posix(&["-E", "a\\tb"]).stdout("-E a\tb\n");
    posix(&["-n", "a\\tb"]).stdout("a\tb");
    posix(&["-n", "-e", "x"]).stdout("x");
    posix(&["--help"]).stdout("--help\n");
    posix(&["--version"]).stdout("--version\n");
    posix(&["x", "-n"]).stdout("x -n\n");
}

#[test]
fn a_sole_help_or_version_is_answered() {
    if !has(&["echo"]) {
        return;
    }
    echo(&["--help"]).code(0).stdout(help_is("echo [-neE] [STRING]...", &["-n", "-e", "-E"], 1));
    echo(&["--version"]).code(0).stdout(format!("echo (femtobox) {}\n", env!("CARGO_PKG_VERSION")));
    echo(&["--help", "x"]).stdout("--help x\n");
    echo(&["-n", "--help"]).stdout("--help");
    echo(&["--hel"]).stdout("--hel\n");
}

#[test]
fn a_line_that_fits_is_one_write() {
    if !has(&["echo"]) {
        return;
    }
    if let Some(calls) = syscalls("echo", &["hello", "world"]) {
        assert_eq!(calls, ["write", "exit_group"]);
    }
    if let Some(calls) = syscalls("echo", &["-n"]) {
        assert_eq!(calls, ["exit_group"], "nothing to write, no write");
    }
}

#[test]
fn write_errors_are_reported_with_status_1() {
    if !has(&["echo"]) {
        return;
    }
    std_as("echo")
        .arg("hi")
        .stdout(dev_full())
        .output()
        .unwrap()
        .assert()
        .code(1)
        .stdout("")
        .stderr("echo: write error: No space left on device\n");
    std_as("/bin/echo")
        .args(["-e", "x\\c"])
        .stdout(dev_full())
        .output()
        .unwrap()
        .assert()
        .code(1)
        .stderr("/bin/echo: write error: No space left on device\n");
    // Nothing to write: nothing fails.
    std_as("echo").arg("-n").stdout(dev_full()).output().unwrap().assert().code(0).stderr("");
    let closed = bash("exec -a echo \"$B\" hi >&-");
    assert_eq!((closed.status, closed.stderr), (Some(1), b"echo: write error: Bad file descriptor\n".to_vec()));
    let closed = bash("exec -a echo \"$B\" -n >&-");
    assert_eq!((closed.status, closed.stderr), (Some(0), b"".to_vec()));
}

#[test]
fn a_closed_pipe_kills_by_default_and_is_an_error_when_ignored() {
    if !has(&["echo"]) {
        return;
    }
    let big = "big=$(head -c 100000 /dev/zero | tr '\\0' x);";
    let dflt = bash(&format!("{big} (exec -a echo \"$B\" $big $big) | true; echo ${{PIPESTATUS[0]}}"));
    assert_eq!(String::from_utf8_lossy(&dflt.stdout), "141\n", "SIGPIPE kills: {}", dflt.show());
    let ignored =
        bash(&format!("{big} trap '' PIPE; (exec -a echo \"$B\" $big $big) | (exec 0<&-); echo ${{PIPESTATUS[0]}}"));
    assert_eq!(String::from_utf8_lossy(&ignored.stdout), "1\n");
    assert_eq!(String::from_utf8_lossy(&ignored.stderr), "echo: write error: Broken pipe\n");
}

#[test]
fn a_line_of_one_and_a_half_megabytes_comes_out_whole() {
    if !has(&["echo"]) {
        return;
    }
    let part = "0123456789".repeat(10_000);
    let args: Vec<&str> = (0..15).map(|_| part.as_str()).collect();
    let mut want = args.join(" ");
    want.push('\n');
    let out = run_as("echo").args(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout == want.as_bytes(), "1.5 MB line differs");
}

#[test]
fn the_option_rule_and_decoder_work_directly() {
    let words: Vec<&[u8]> = vec![b"-n", b"-eE", b"-x", b"-n"];
    assert_eq!(options(words.into_iter()), (2, false, false));
    let mut out = Buf::default();
    assert!(!unescape(&mut out, b"a\\x41\\cq"));
    assert_eq!(out.0, b"aA");
}

const PIECES: &[&[u8]] = &[
    b"\\n", b"\\t", b"\\0", b"\\01", b"\\012", b"\\0101", b"\\1", b"\\12", b"\\101", b"\\1011", b"\\400", b"\\777",
    b"\\8", b"\\9", b"\\x", b"\\x4", b"\\x41", b"\\x414", b"\\xg", b"\\xFF", b"\\z", b"\\", b"\\\\", b"\\c", b"\\a",
    b"\\e", b"\\E", b"a", b"b", b" ", b"-", b"-n", b"-e", b"\xff", b"\x80", b"\t", b"\n", b"\0", b"x", b"yz", b"'",
    b"\"",
];

fn random_word(rng: &mut Rng) -> Vec<u8> {
    let mut w = Vec::new();
    for _ in 0..rng.below(5) {
        w.extend_from_slice(*rng.pick(PIECES));
    }
    // Arguments cannot hold NUL.
    w.retain(|&b| b != 0);
    w
}

#[test]
fn the_decoder_matches_an_independent_model() {
    let mut rng = Rng(0x5eed_0001);
    for _ in 0..20_000 {
        check_unescape(&random_word(&mut rng));
    }
}

#[test]
fn echo_matches_gnu_echo_on_a_random_corpus() {
    if !has(&["echo"]) {
        return;
    }
    let Some(gnu) = gnu("echo") else { return };
    let dir = tempdir("echo-diff");
    let mut rng = Rng(0x0ec4_0002);
    let opts: &[&str] = &[
        "-n",
        "-e",
        "-E",
        "-ne",
        "-nE",
        "-eE",
        "-Ee",
        "-neE",
        "-x",
        "-",
        "--",
        "--n",
        "-nx",
        "-N",
        "--help",
        "--version",
    ];
    let mut runs = 0;
    for case in 0..600 {
        let mut args: Vec<OsString> = Vec::new();
        for _ in 0..rng.below(3) {
            args.push(rng.pick(opts).into());
        }
        for _ in 0..rng.below(4) {
            args.push(OsString::from_vec(random_word(&mut rng)));
        }
        let env: &[(&str, &str)] = if case % 4 == 0 { &[("POSIXLY_CORRECT", "1")] } else { &[] };
        let want = outcome(Path::new(&gnu), "echo", &args, b"", env, &dir);
        let got = outcome(bin(), "echo", &args, b"", env, &dir);
        runs += 1;
        let ours_words = String::from_utf8_lossy(&want.stdout);
        if ours_words.contains("GNU coreutils") || ours_words.starts_with("Usage:") {
            assert_eq!(got.status, want.status, "{args:?}");
            continue; // help/version: our own words
        }
        assert_eq!(got, want, "echo {args:?} env {env:?}\nours: {}\ngnu:  {}", got.show(), want.show());
    }
    eprintln!("echo: {runs} argument vectors compared with GNU");
}
