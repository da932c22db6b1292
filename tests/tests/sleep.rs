//! sleep: GNU's xstrtod number syntax (decimal, exponents, hex floats,
//! `inf`), the s/m/h/d suffixes, operands summed, every invalid operand
//! reported, options as GNU's parse_gnu_standard_options_only (permuted,
//! `--`, POSIXLY_CORRECT), how long it really sleeps (summed, hex, stopped
//! and continued, forever for `inf`), and a differential run against GNU.

mod common;
use common::*;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

const TRY: &str = "Try 'sleep --help' for more information.\n";

/// `sleep ARGS` spawned with stdio discarded (for the timing tests).
fn spawn(args: &[&str]) -> Child {
    std::process::Command::new(bin())
        .arg0("sleep")
        .args(args)
        .env_clear()
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn sleep")
}

/// Wall time of `sleep ARGS`, and its status.
fn timed(args: &[&str]) -> (Duration, std::process::ExitStatus) {
    let start = Instant::now();
    let status = spawn(args).wait().unwrap();
    (start.elapsed(), status)
}

fn send(signal: &str, child: &Child) {
    let ok = std::process::Command::new("kill").arg(signal).arg(child.id().to_string()).status().unwrap();
    assert!(ok.success(), "kill {signal} {}", child.id());
}

#[test]
fn zero_in_every_number_syntax_returns_at_once_and_silently() {
    if !has(&["sleep"]) {
        return;
    }
    for zero in [
        "0",
        "00",
        "0.0",
        ".0",
        "0.",
        "+0",
        "+.0",
        " 0",
        "\n0",
        "\t0",
        "\x0b0",
        "\x0c0",
        "\r0",
        " -0",
        " +0",
        "0e5",
        "0E-5",
        "0.e1",
        "0e+0",
        "0x0",
        "0X0",
        "0x0p3",
        "0x0P-3",
        "0x.0",
        "0x0.0p+0s",
        "0s",
        "0m",
        "0h",
        "0d",
        ".0m",
        "0e-0d",
        "1e-400",
        "1e-400s",
        "0x1p-3000",
        "0X1P-3000d",
        "1E-9",
    ] {
        run_as("sleep").arg(zero).assert().code(0).stdout("").stderr("");
    }
    run_as("sleep").args(["0", "0s", ".0m", "0x0h", "0e9d"]).assert().code(0).stdout("").stderr("");
}

#[test]
fn long_spellings_of_zero_and_many_operands_are_fine() {
    if !has(&["sleep"]) {
        return;
    }
    let tiny = format!("0.{}1", "0".repeat(2000));
    let zeros = "0".repeat(5000);
    let exp = format!("1e-{}", "9".repeat(50));
    run_as("sleep").args([tiny.as_str(), zeros.as_str(), exp.as_str()]).assert().code(0).stdout("").stderr("");
    let many: Vec<&str> = (0..5000).map(|i| ["0", ".0s", "0x0p0m", "0e1h"][i % 4]).collect();
    run_as("sleep").args(&many).assert().code(0).stdout("").stderr("");
}

#[test]
fn a_closed_or_full_stdout_does_not_matter() {
    if !has(&["sleep"]) {
        return;
    }
    let closed = bash("exec -a sleep \"$B\" 0 >&-");
    assert_eq!((closed.status, closed.stderr), (Some(0), vec![]));
    std_as("sleep").arg("0").stdout(dev_full()).output().unwrap().assert().code(0).stderr("");
    let both = bash("exec -a sleep \"$B\" x >&- 2>&-");
    assert_eq!(both.status, Some(1));
}

#[test]
fn no_operand_is_a_missing_operand() {
    if !has(&["sleep"]) {
        return;
    }
    run_as("sleep").assert().code(1).stdout("").stderr(format!("sleep: missing operand\n{TRY}"));
    // `--` alone is an argument: nothing to add up, so it sleeps 0 and succeeds.
    run_as("sleep").arg("--").assert().code(0).stdout("").stderr("");
    run_as("sleep").args(["0", "--"]).assert().code(0).stdout("").stderr("");
}

#[test]
fn each_invalid_operand_is_an_invalid_time_interval() {
    if !has(&["sleep"]) {
        return;
    }
    for bad in [
        "",
        "1x",
        "x",
        "nan",
        "NAN",
        "NaN",
        " nan",
        "0ss",
        "0 ",
        "0S",
        "0M",
        "0x",
        "0x.",
        ".",
        "e",
        "1e",
        "0e",
        "-",
        "inf-",
        "infx",
        "infinit",
        "infinityss",
        "in",
        "info",
        "0,5",
        "0x1p",
        "0x0p",
        "0p",
        "+-0",
        "+",
        "++0",
        "0..",
        "  ",
        "0\t",
        "0 s",
        "0x-1",
        "0x+1",
        "0xg",
        "0e0x",
        "0s0",
        ".e1",
        " -1",
        " -inf",
        " -0.5",
        "0.0.0",
        "1e400x",
        "--",
        "---",
    ] {
        let shown = if bad == "0\t" { "0\\t".to_string() } else { bad.to_string() };
        run_as("sleep")
            .args(["--", bad])
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("sleep: invalid time interval '{shown}'\n{TRY}"));
    }
    run_as("sleep").arg("").assert().code(1).stderr(format!("sleep: invalid time interval ''\n{TRY}"));
    run_as("sleep").arg("1x").assert().code(1).stderr(format!("sleep: invalid time interval '1x'\n{TRY}"));
}

#[test]
fn names_in_the_message_are_quoted_in_the_locale_style() {
    if !has(&["sleep"]) {
        return;
    }
    let cases: &[(&[u8], &str)] = &[
        (b"a b", "'a b'"),
        (b"it's", "'it\\'s'"),
        (b"a\nb", "'a\\nb'"),
        (b"\xff", "'\\377'"),
        (b"\x01x", "'\\001x'"),
        (b"a\\b", "'a\\\\b'"),
        (b"\"q\"", "'\"q\"'"),
    ];
    for (arg, shown) in cases {
        run_as("sleep")
            .arg(OsString::from_vec(arg.to_vec()))
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("sleep: invalid time interval {shown}\n{TRY}"));
    }
}

#[test]
fn every_invalid_operand_is_reported_before_one_try_line() {
    if !has(&["sleep"]) {
        return;
    }
    run_as("sleep").args(["x", "y", "0", "z"]).assert().code(1).stdout("").stderr(format!(
        "sleep: invalid time interval 'x'\nsleep: invalid time interval 'y'\nsleep: invalid time interval 'z'\n{TRY}"
    ));
    // A valid infinite operand does not make it sleep when another is bad.
    run_as("sleep")
        .args(["inf", "x"])
        .timeout(Duration::from_secs(5))
        .assert()
        .code(1)
        .stderr(format!("sleep: invalid time interval 'x'\n{TRY}"));
    run_as("sleep").args(["0", "", "0"]).assert().code(1).stderr(format!("sleep: invalid time interval ''\n{TRY}"));
}

#[test]
fn a_leading_dash_is_an_option_and_options_are_permuted() {
    if !has(&["sleep"]) {
        return;
    }
    let cases: &[(&[&str], &str)] = &[
        (&["-1"], "sleep: invalid option -- '1'\n"),
        (&["-0"], "sleep: invalid option -- '0'\n"),
        (&["-0.0"], "sleep: invalid option -- '0'\n"),
        (&["-x"], "sleep: invalid option -- 'x'\n"),
        (&["-s"], "sleep: invalid option -- 's'\n"),
        (&["-inf"], "sleep: invalid option -- 'i'\n"),
        (&["-nan"], "sleep: invalid option -- 'n'\n"),
        (&["-?"], "sleep: invalid option -- '?'\n"),
        (&["-:"], "sleep: invalid option -- ':'\n"),
        (&["0", "-0"], "sleep: invalid option -- '0'\n"),
        (&["0", "x", "-y"], "sleep: invalid option -- 'y'\n"),
        (&["x", "-x", "-y"], "sleep: invalid option -- 'x'\n"),
        (&["--x"], "sleep: unrecognized option '--x'\n"),
        (&["---"], "sleep: unrecognized option '---'\n"),
        (&["--helpx"], "sleep: unrecognized option '--helpx'\n"),
        (&["--help=1"], "sleep: option '--help' doesn't allow an argument\n"),
        (&["--hel="], "sleep: option '--help' doesn't allow an argument\n"),
        (&["0", "--he=3"], "sleep: option '--help' doesn't allow an argument\n"),
        (&["--v=1"], "sleep: option '--version' doesn't allow an argument\n"),
        (&["--=x"], "sleep: option '--=x' is ambiguous; possibilities: '--help' '--version'\n"),
        (&["--="], "sleep: option '--=' is ambiguous; possibilities: '--help' '--version'\n"),
    ];
    for (args, msg) in cases {
        run_as("sleep").args(*args).assert().code(1).stdout("").stderr(format!("{msg}{TRY}"));
    }
}

#[test]
fn after_a_double_dash_everything_is_an_operand() {
    if !has(&["sleep"]) {
        return;
    }
    run_as("sleep").args(["--", "0"]).assert().code(0).stdout("").stderr("");
    run_as("sleep").args(["--", "-0"]).assert().code(0).stdout("").stderr("");
    run_as("sleep")
        .args(["0", "--", "-x"])
        .assert()
        .code(1)
        .stderr(format!("sleep: invalid time interval '-x'\n{TRY}"));
    run_as("sleep")
        .args(["--", "--", "0"])
        .assert()
        .code(1)
        .stderr(format!("sleep: invalid time interval '--'\n{TRY}"));
    run_as("sleep")
        .args(["0", "--", "--help"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("sleep: invalid time interval '--help'\n{TRY}"));
}

#[test]
fn posixly_correct_stops_options_at_the_first_operand() {
    if !has(&["sleep"]) {
        return;
    }
    let cases: &[(&[&str], &str)] = &[
        (&["0", "-x"], "sleep: invalid time interval '-x'\n"),
        (&["0", "-5"], "sleep: invalid time interval '-5'\n"),
        (&["0", "--help"], "sleep: invalid time interval '--help'\n"),
        (&["0", "--"], "sleep: invalid time interval '--'\n"),
        (&["-x", "0"], "sleep: invalid option -- 'x'\n"),
    ];
    for (args, msg) in cases {
        run_as("sleep")
            .env("POSIXLY_CORRECT", "1")
            .args(*args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("{msg}{TRY}"));
    }
    run_as("sleep").env("POSIXLY_CORRECT", "1").arg("--").assert().code(0).stderr("");
}

#[test]
fn messages_name_the_program_as_it_was_called() {
    if !has(&["sleep"]) {
        return;
    }
    run_as("/bin/sleep")
        .arg("1x")
        .assert()
        .code(1)
        .stderr("/bin/sleep: invalid time interval '1x'\nTry '/bin/sleep --help' for more information.\n");
    run_as("/bin/sleep")
        .assert()
        .code(1)
        .stderr("/bin/sleep: missing operand\nTry '/bin/sleep --help' for more information.\n");
    run_as("femtobox").args(["sleep", "-x"]).assert().code(1).stderr(format!("sleep: invalid option -- 'x'\n{TRY}"));
    run_as("femtobox").args(["sleep", "0"]).assert().code(0).stderr("");
    run_as("femtobox").arg("sleep").assert().code(1).stderr(format!("sleep: missing operand\n{TRY}"));
}

#[test]
fn help_and_version_and_their_prefixes_anywhere() {
    if !has(&["sleep"]) {
        return;
    }
    let version = format!("sleep (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["--v"], &["--vers"], &["0", "--version"], &["x", "--ver"]] {
        run_as("sleep").args(args).assert().code(0).stdout(version.clone()).stderr("");
    }
    for args in [&["--help"][..], &["--h"], &["--hel"], &["x", "--help"], &["--help", "--version"]] {
        let out = run_as("sleep").args(args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "sleep {args:?}");
        assert!(text.starts_with("Usage: sleep") && text.ends_with('\n'), "sleep {args:?}: {text:?}");
        assert_eq!(out.stderr, b"", "sleep {args:?}");
    }
    run_as("sleep").args(["--version", "--help"]).assert().code(0).stdout(version);
}

#[test]
fn a_fraction_of_a_second_is_slept_in_full() {
    if !has(&["sleep"]) {
        return;
    }
    let (took, status) = timed(&["0.2"]);
    assert!(status.success());
    assert!(took >= Duration::from_millis(200) && took < Duration::from_millis(300), "sleep 0.2 took {took:?}");
}

#[test]
fn several_operands_are_summed() {
    if !has(&["sleep"]) {
        return;
    }
    for args in [&["0.1", "0.1"][..], &["0.05", "0.05", "0.1"], &["0", "0.2", "1e-400"]] {
        let (took, status) = timed(args);
        assert!(status.success(), "sleep {args:?}");
        assert!(
            took >= Duration::from_millis(200) && took < Duration::from_millis(300),
            "sleep {args:?} took {took:?}"
        );
    }
}

#[test]
fn hex_floats_exponents_and_suffixes_scale_the_number() {
    if !has(&["sleep"]) {
        return;
    }
    // 0x1p-3 = 0.125 s, 0.00125m = 0.075 s, 2e-1 = 0.2 s, 0x.4 = 0.25 s,
    // 2.5e-3m = 0.15 s; and in a hex float `d` is a digit, not days:
    // 0x0.4d = 0x4d / 256 = 0.30 s.
    let cases: &[(&[&str], u64)] = &[
        (&["0x1p-3", "0.00125m"], 200),
        (&["2e-1"], 200),
        (&["+.2"], 200),
        (&["0x.4s"], 250),
        (&["2.5e-3m", "0.05", "0d"], 200),
        (&["0x0.4d"], 300),
        (&["0x0.4ds"], 300),
    ];
    for (args, want) in cases {
        let (took, status) = timed(args);
        assert!(status.success(), "sleep {args:?}");
        assert!(
            took >= Duration::from_millis(*want) && took < Duration::from_millis(want + 100),
            "sleep {args:?} took {took:?}"
        );
    }
}

#[test]
fn infinite_and_huge_intervals_keep_sleeping() {
    if !has(&["sleep"]) {
        return;
    }
    let forms: &[&[&str]] = &[
        &["inf"],
        &["infinity"],
        &["INFINITY"],
        &["iNf"],
        &["+inf"],
        &["infm"],
        &["infinityd"],
        &["1e400"],
        &["1e308", "1e308"],
        &["1e308d"],
        &["0x1p1024"],
        &["0", "inf"],
        // Huge but finite: no overflow into a short sleep.
        &["1e10"],
        &["4294967296"],
        &["9223372036854775808"],
        &["1e19"],
        &["0x1p64"],
        &["1e300"],
        &["106751991167301d"],
        &["9223372036.854775808"],
        &["1e17d"],
    ];
    let mut children: Vec<Child> = forms.iter().map(|a| spawn(a)).collect();
    std::thread::sleep(Duration::from_millis(300));
    let running: Vec<bool> = children.iter_mut().map(|c| c.try_wait().unwrap().is_none()).collect();
    for c in &mut children {
        let _ = c.kill();
        let _ = c.wait();
    }
    for (args, alive) in forms.iter().zip(running) {
        assert!(alive, "sleep {args:?} ended within 0.3 s");
    }
}

#[test]
fn sleep_infinity_is_ended_by_sigterm() {
    if !has(&["sleep"]) {
        return;
    }
    let mut child = spawn(&["infinity"]);
    std::thread::sleep(Duration::from_millis(500));
    assert!(child.try_wait().unwrap().is_none(), "sleep infinity ended by itself");
    send("-TERM", &child);
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(15), "{status:?}");
}

#[test]
fn stopped_and_continued_it_sleeps_only_the_rest() {
    if !has(&["sleep"]) {
        return;
    }
    let start = Instant::now();
    let mut child = spawn(&["0.6"]);
    std::thread::sleep(Duration::from_millis(100));
    send("-STOP", &child);
    std::thread::sleep(Duration::from_millis(200));
    send("-CONT", &child);
    let status = child.wait().unwrap();
    let took = start.elapsed();
    assert!(status.success(), "{status:?}");
    assert!(took >= Duration::from_millis(600) && took < Duration::from_millis(900), "took {took:?}");
}

#[test]
fn sleep_matches_gnu_on_a_random_corpus() {
    if !has(&["sleep"]) {
        return;
    }
    let Some(gnu) = gnu("sleep") else { return };
    // Every valid operand here is zero (or a nanosecond), so runs are quick.
    let zeros: &[&str] = &[
        "0",
        "0.0",
        ".0",
        "0.",
        "+0",
        " 0",
        "\t0",
        " -0",
        "00",
        "0e5",
        "0E-7",
        "0x0",
        "0X0p3",
        "0x0p-3",
        "0x.0",
        "0s",
        "0m",
        "0h",
        "0d",
        ".0m",
        "0e-0d",
        "0x0h",
        "1e-400",
        "1e-9",
        "0x1p-30",
        "0.000000001s",
        "+0x0p0d",
    ];
    let bad: &[&str] = &[
        "", "x", "1x", "nan", "NAN", "-nan", "0ss", "0 ", "0S", "0x", "0x.", ".", "e", "1e", "0e", "-", "inf-", "infx",
        "infinit", "0,5", "0x1p", "0p", "+-0", "+", "0..", "  ", "0\t", "a b", "it's", "a\nb", "\u{7f}", "é", "-0",
        "-1", "-x", "-s", "-0.5", "-inf", "--x", "---", "--help=1", "--he=", "--v=1", "--vers=x", "--=", "--=x", "--",
        "--", "1e400x", " nan", " -1", "0.0.0", "0s0", "-?", "-:",
    ];
    let mut rng = Rng(0x51ee_9001);
    let dir = tempdir("sleep-corpus");
    let mut runs = 0;
    for case in 0..400 {
        let n = if case % 25 == 0 { 0 } else { 1 + rng.below(4) };
        let mut args: Vec<OsString> =
            (0..n).map(|_| OsString::from(if rng.chance(55) { *rng.pick(zeros) } else { *rng.pick(bad) })).collect();
        if rng.chance(5) {
            args.push(OsString::from_vec(vec![0xff, b'0']));
        }
        let env: &[(&str, &str)] = if case % 5 == 0 { &[("POSIXLY_CORRECT", "1")] } else { &[] };
        let want = outcome(Path::new(&gnu), "sleep", &args, b"", env, &dir);
        let got = outcome(bin(), "sleep", &args, b"", env, &dir);
        assert_eq!(got, want, "sleep {args:?} {env:?}\nfemtobox:\n{}\nGNU:\n{}", got.show(), want.show());
        runs += 1;
    }
    eprintln!("sleep: {runs} argument vectors compared with GNU");
}

/// `sleep ARGS` run by `program`, or None when it is still running after
/// `limit` (then it is killed).
fn bounded(program: &Path, args: &[OsString], limit: Duration) -> Option<Outcome> {
    let mut child = std::process::Command::new(program)
        .arg0("sleep")
        .args(args)
        .env_clear()
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let out = child.wait_with_output().unwrap();
    Some(Outcome { status: out.status.code(), stdout: out.stdout, stderr: out.stderr })
}

#[test]
fn sleep_matches_gnu_on_random_number_spellings() {
    if !has(&["sleep"]) {
        return;
    }
    let Some(gnu) = gnu("sleep") else { return };
    // Random strings over the characters GNU's strtod and the suffix check
    // care about, with 0 as the only decimal digit. The few that GNU takes
    // as a real (or infinite) interval, such as `0xd` (13 s), are skipped.
    let alphabet: &[&str] = &[
        "0", "0", "0", ".", "x", "X", "p", "P", "e", "E", "+", "-", "s", "m", "h", "d", "i", "n", "f", "a", "y", "t",
        "I", "N", "F", " ", "\t", "inf", "nan", "0x", "e-", "p+", ",",
    ];
    let mut rng = Rng(0x5eed_0d0d);
    let (mut compared, mut skipped) = (0, 0);
    for _ in 0..450 {
        let operand: String = (0..1 + rng.below(6)).map(|_| *rng.pick(alphabet)).collect();
        let args = vec![OsString::from("--"), OsString::from(&operand)];
        let Some(want) = bounded(Path::new(&gnu), &args, Duration::from_millis(300)) else {
            skipped += 1;
            continue;
        };
        let got = bounded(bin(), &args, Duration::from_secs(5));
        let got = got.unwrap_or_else(|| panic!("sleep -- {operand:?} still runs after 5 s; GNU: {}", want.show()));
        assert_eq!(got, want, "sleep -- {operand:?}\nfemtobox:\n{}\nGNU:\n{}", got.show(), want.show());
        compared += 1;
    }
    assert!(compared >= 300, "only {compared} compared");
    eprintln!("sleep: {compared} random number spellings compared with GNU ({skipped} that sleep skipped)");
}
