//! printenv: the whole environment in its own order, named variables (exact
//! names only, `=` never matches, status 1 when any is unset), -0/--null,
//! no permutation, option errors and write errors with status 2, 100 000
//! names, non-UTF-8 names and values, and a differential run against GNU.

mod common;
use common::*;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;

fn os(b: &[u8]) -> OsString {
    OsString::from_vec(b.to_vec())
}

const TRY: &str = "Try 'printenv --help' for more information.\n";

/// The environment the hand-written cases run in (on top of LC_ALL=C).
const ENV: &[(&str, &str)] = &[("A", "1"), ("AB", "x y"), ("E", ""), ("NL", "a\nb")];

type Case = (&'static [&'static [u8]], &'static [u8], &'static [u8], i32);

fn check(cases: &[Case], extra: &[(&str, &str)]) {
    for (args, out, err, code) in cases {
        let mut cmd = run_as("printenv");
        cmd.envs(ENV.iter().copied()).envs(extra.iter().copied());
        cmd.args(args.iter().map(|a| os(a))).assert().code(*code).stdout(out.to_vec()).stderr(err.to_vec());
    }
}

#[test]
fn no_operand_prints_the_environment_in_its_own_order() {
    if !has(&["printenv"]) || !native(QEMU_ENV) {
        return;
    }
    // std's Command passes the variables sorted by name.
    check(
        &[
            (&[], b"A=1\nAB=x y\nE=\nLC_ALL=C\nNL=a\nb\n", b"", 0),
            (&[b"--"], b"A=1\nAB=x y\nE=\nLC_ALL=C\nNL=a\nb\n", b"", 0),
            (&[b"-0"], b"A=1\0AB=x y\0E=\0LC_ALL=C\0NL=a\nb\0", b"", 0),
            (&[b"--null"], b"A=1\0AB=x y\0E=\0LC_ALL=C\0NL=a\nb\0", b"", 0),
        ],
        &[],
    );
    // Through a link named printenv, env -i gives an order of our choosing.
    let dir = tempdir("printenv-order");
    let link = dir.join("printenv");
    std::os::unix::fs::symlink(bin(), &link).unwrap();
    let out = std::process::Command::new("/usr/bin/env")
        .args(["-i", "Z=1", "A=2", "M=", "LC_ALL=C"])
        .arg(&link)
        .output()
        .unwrap();
    assert_eq!(
        (out.status.code(), out.stdout.as_slice(), out.stderr.as_slice()),
        (Some(0), &b"Z=1\nA=2\nM=\nLC_ALL=C\n"[..], &b""[..])
    );
    let empty = std::process::Command::new(&link).env_clear().output().unwrap();
    assert_eq!((empty.status.code(), empty.stdout, empty.stderr), (Some(0), vec![], vec![]));
}

#[test]
fn named_variables_print_their_values_and_unset_ones_give_status_1() {
    if !has(&["printenv"]) {
        return;
    }
    check(
        &[
            (&[b"A"], b"1\n", b"", 0),
            (&[b"A", b"A"], b"1\n1\n", b"", 0),
            (&[b"A", b"B"], b"1\n", b"", 1),
            (&[b"B", b"A"], b"1\n", b"", 1),
            (&[b"AB"], b"x y\n", b"", 0),
            (&[b"E"], b"\n", b"", 0),
            (&[b"NL"], b"a\nb\n", b"", 0),
            (&[b"LC_ALL"], b"C\n", b"", 0),
            (&[b""], b"", b"", 1),
            (&[b"a"], b"", b"", 1),
            (&[b"-0", b"A", b"E", b"AB"], b"1\0\0x y\0", b"", 0),
            (&[b"--null", b"A"], b"1\0", b"", 0),
            (&[b"--nu", b"A"], b"1\0", b"", 0),
            (&[b"--n", b"A"], b"1\0", b"", 0),
            (&[b"--", b"A"], b"1\n", b"", 0),
        ],
        &[],
    );
}

#[test]
fn names_with_an_equals_sign_never_match() {
    if !has(&["printenv"]) {
        return;
    }
    check(
        &[
            (&[b"A="], b"", b"", 1),
            (&[b"A=1"], b"", b"", 1),
            (&[b"="], b"", b"", 1),
            (&[b"A=1", b"A"], b"1\n", b"", 1),
            (&[b"AB=x y"], b"", b"", 1),
        ],
        &[],
    );
}

#[test]
fn options_stop_at_the_first_operand() {
    if !has(&["printenv"]) {
        return;
    }
    let cases: &[Case] = &[
        (&[b"A", b"-0"], b"1\n", b"", 1),
        (&[b"A", b"--", b"A"], b"1\n1\n", b"", 1),
        (&[b"A", b"--help"], b"1\n", b"", 1),
        (&[b"A", b"--bogus"], b"1\n", b"", 1),
        (&[b"-", b"A"], b"1\n", b"", 1),
    ];
    check(cases, &[]);
    check(cases, &[("POSIXLY_CORRECT", "1")]);
    check(&[(&[b"-0", b"A"], b"1\0", b"", 0)], &[("POSIXLY_CORRECT", "1")]);
}

#[test]
fn bad_options_exit_with_status_2() {
    if !has(&["printenv"]) {
        return;
    }
    let cases: &[(&[&str], &str)] = &[
        (&["-x"], "printenv: invalid option -- 'x'\n"),
        (&["-0x"], "printenv: invalid option -- 'x'\n"),
        (&["--bogus"], "printenv: unrecognized option '--bogus'\n"),
        (&["--bogus=1"], "printenv: unrecognized option '--bogus=1'\n"),
        (&["--null=1"], "printenv: option '--null' doesn't allow an argument\n"),
        (&["--=", "A"], "printenv: option '--=' is ambiguous; possibilities: '--null' '--help' '--version'\n"),
        (&["---"], "printenv: unrecognized option '---'\n"),
    ];
    for (args, msg) in cases {
        run_as("printenv").env("A", "1").args(*args).assert().code(2).stdout("").stderr(format!("{msg}{TRY}"));
    }
    run_as("/usr/bin/printenv")
        .arg("-x")
        .assert()
        .code(2)
        .stderr("/usr/bin/printenv: invalid option -- 'x'\nTry '/usr/bin/printenv --help' for more information.\n");
    run_as("femtobox")
        .args(["printenv", "--bogus"])
        .assert()
        .code(2)
        .stderr(format!("printenv: unrecognized option '--bogus'\n{TRY}"));
}

#[test]
fn write_errors_exit_with_status_2_and_nothing_written_is_no_error() {
    if !has(&["printenv"]) {
        return;
    }
    for args in [&[][..], &["A"], &["-0", "A", "B"]] {
        std_as("printenv")
            .env("A", "1")
            .args(args)
            .stdout(dev_full())
            .output()
            .unwrap()
            .assert()
            .code(2)
            .stdout("")
            .stderr("printenv: write error: No space left on device\n");
    }
    // An unset name writes nothing: status 1 and no message.
    std_as("printenv").arg("B").stdout(dev_full()).output().unwrap().assert().code(1).stderr("");
    let closed = bash("exec -a printenv \"$B\" >&-");
    assert_eq!(
        (closed.status, String::from_utf8_lossy(&closed.stderr).into_owned()),
        (Some(2), "printenv: write error: Bad file descriptor\n".into())
    );
}

#[test]
fn non_utf8_names_and_values_are_bytes() {
    if !has(&["printenv"]) {
        return;
    }
    let out = std_as("printenv")
        .env(os(b"\xff\x01"), os(b"\x80\n\xfe"))
        .env("X", os(b"\xff"))
        .arg(os(b"\xff\x01"))
        .arg("X")
        .arg(os(b"\xff"))
        .output()
        .unwrap();
    assert_eq!((out.status.code(), out.stdout, out.stderr), (Some(1), b"\x80\n\xfe\n\xff\n".to_vec(), vec![]));
    let all = std_as("printenv").env("X", os(b"\xff")).env(os(b"\x80"), "").output().unwrap();
    assert_eq!(all.stdout, inherited(&[b"LC_ALL=C", b"X=\xff", b"\x80="]));
}

/// Runs `program` as `printenv ARGS` with exactly `envp` as its environment
/// (entries without `=`, duplicates, empty names: what std's Command cannot
/// pass), by an `execve` of our own in the child.
fn raw_env(program: &Path, args: &[&[u8]], envp: &[&[u8]]) -> Outcome {
    use std::ffi::{c_char, CString};
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::process::CommandExt;
    extern "C" {
        fn execve(path: *const c_char, argv: *const *const c_char, envp: *const *const c_char) -> i32;
    }
    struct Raw {
        _strings: Vec<CString>,
        path: CString,
        argv: Vec<*const c_char>,
        envp: Vec<*const c_char>,
    }
    // SAFETY: the pointers point into `_strings`, which moves with them and
    // is only read.
    unsafe impl Send for Raw {}
    unsafe impl Sync for Raw {}
    let c = |b: &[u8]| CString::new(b).unwrap();
    let argv: Vec<CString> = std::iter::once(&b"printenv"[..]).chain(args.iter().copied()).map(c).collect();
    let envs: Vec<CString> = envp.iter().map(|e| c(e)).collect();
    let raw = Raw {
        path: c(program.as_os_str().as_bytes()),
        argv: argv.iter().map(|s| s.as_ptr()).chain(std::iter::once(std::ptr::null())).collect(),
        envp: envs.iter().map(|s| s.as_ptr()).chain(std::iter::once(std::ptr::null())).collect(),
        _strings: argv.into_iter().chain(envs).collect(),
    };
    let mut cmd = std::process::Command::new(program);
    // SAFETY: only execve (async-signal-safe) runs in the child.
    unsafe {
        cmd.pre_exec(move || {
            let raw = &raw;
            execve(raw.path.as_ptr(), raw.argv.as_ptr(), raw.envp.as_ptr());
            Err(std::io::Error::last_os_error())
        });
    }
    let out = cmd.stdin(std::process::Stdio::null()).output().unwrap();
    Outcome { status: out.status.code(), stdout: out.stdout, stderr: out.stderr }
}

#[test]
fn raw_environment_entries_are_printed_as_they_are_and_match_only_by_name() {
    if !has(&["printenv"]) || !native(QEMU_ENV) {
        return;
    }
    let envp: &[&[u8]] = &[b"NOEQ", b"A=1", b"A=2", b"=x", b"=", b"B=", b"C==c", b"LC_ALL=C"];
    type Raw<'a> = (&'a [&'a [u8]], &'a [u8], i32);
    let cases: &[Raw] = &[
        (&[], b"NOEQ\nA=1\nA=2\n=x\n=\nB=\nC==c\nLC_ALL=C\n", 0),
        (&[b"-0"], b"NOEQ\0A=1\0A=2\0=x\0=\0B=\0C==c\0LC_ALL=C\0", 0),
        // Every entry of that name is printed.
        (&[b"A"], b"1\n2\n", 0),
        (&[b"NOEQ"], b"", 1),
        (&[b""], b"", 1),
        (&[b"=x"], b"", 1),
        (&[b"C"], b"=c\n", 0),
        (&[b"B", b"A", b"NOEQ"], b"\n1\n2\n", 1),
    ];
    let gnu = gnu("printenv");
    for (args, out, code) in cases {
        let got = raw_env(bin(), args, envp);
        assert_eq!(got, Outcome { status: Some(*code), stdout: out.to_vec(), stderr: vec![] }, "printenv {args:?}");
        if let Some(gnu) = &gnu {
            assert_eq!(got, raw_env(Path::new(gnu), args, envp), "printenv {args:?} vs GNU");
        }
    }
}

#[test]
fn a_closed_pipe_with_sigpipe_ignored_is_a_write_error_with_status_2() {
    if !has(&["printenv"]) {
        return;
    }
    let out = bash(
        "trap '' PIPE; (exec -a printenv \"$B\" $(for i in $(seq 50000); do echo PATH; done)) | head -c1 >/dev/null; \
         echo ${PIPESTATUS[0]}",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "printenv: write error: Broken pipe\n");
}

#[test]
fn help_and_version_are_our_own() {
    if !has(&["printenv"]) {
        return;
    }
    let version = format!("printenv (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["--v"], &["-0", "--vers"]] {
        run_as("printenv").args(args).assert().code(0).stdout(version.clone()).stderr("");
    }
    for args in [&["--help"][..], &["--h"], &["-0", "--help"]] {
        let out = run_as("printenv").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("Usage: printenv "), "{args:?}: {out:?}");
        assert_eq!(out.stderr, b"");
    }
}

#[test]
fn a_hundred_thousand_names_match_gnu() {
    if !has(&["printenv"]) {
        return;
    }
    let dir = tempdir("printenv-many");
    let env: &[(&str, &str)] = &[("A", "1"), ("BB", "two words"), ("C", "")];
    let pool = ["A", "BB", "C", "D", "A=1", "", "B"];
    for (nul, all_set) in [(false, true), (true, false)] {
        let mut args: Vec<OsString> = if nul { vec!["-0".into()] } else { vec![] };
        args.extend((0..100_000usize).map(|i| OsString::from(if all_set { pool[i % 3] } else { pool[i % 7] })));
        let got = outcome(bin(), "printenv", &args, b"", env, &dir);
        assert_eq!(got.status, Some(if all_set { 0 } else { 1 }), "{}", String::from_utf8_lossy(&got.stderr));
        if let Some(gnu) = gnu("printenv") {
            let want = outcome(Path::new(&gnu), "printenv", &args, b"", env, &dir);
            let (mut a, mut b) = (FNV_START, FNV_START);
            fnv(&mut a, &got.stdout);
            fnv(&mut b, &want.stdout);
            assert!(a == b && got.stdout.len() == want.stdout.len(), "printenv {nul} {all_set}: differs from GNU");
            assert_eq!((got.status, got.stderr), (want.status, want.stderr));
        }
    }
}

fn random_args(rng: &mut Rng) -> Vec<OsString> {
    let opts: &[&[u8]] = &[
        b"-0",
        b"-00",
        b"-x",
        b"-0x",
        b"-",
        b"--",
        b"--null",
        b"--nu",
        b"--n",
        b"--null=",
        b"--null=1",
        b"--bogus",
        b"--bogus=x",
        b"--=",
        b"---",
        b"-\xff",
        b"-\n",
        b"-N",
    ];
    let names: &[&[u8]] = &[
        b"A",
        b"AB",
        b"B",
        b"E",
        b"NL",
        b"SP",
        b"LC_ALL",
        b"POSIXLY_CORRECT",
        b"A=",
        b"A=1",
        b"=",
        b"",
        b"a",
        b"\x01",
        b"\x80",
        b"\xff",
        b"A\n",
        b"'",
        b"\"",
        b" ",
        b"A B",
        b"-0",
        b"AB=x",
    ];
    let n = rng.below(5);
    (0..n)
        .map(|_| {
            if rng.chance(30) {
                os(opts[rng.below(opts.len())])
            } else if rng.chance(10) {
                let len = rng.below(4);
                let pool = b"AB=\x01\x80\xff\n' \"";
                os(&(0..len).map(|_| *rng.pick(pool)).collect::<Vec<u8>>())
            } else {
                os(names[rng.below(names.len())])
            }
        })
        .collect()
}

#[test]
fn printenv_matches_gnu_on_a_random_corpus() {
    if !has(&["printenv"]) {
        return;
    }
    let dir = tempdir("printenv-corpus");
    let envs: &[&[(&str, &str)]] = &[
        &[],
        &[("A", "1"), ("AB", "x y"), ("E", ""), ("NL", "a\nb")],
        &[("POSIXLY_CORRECT", "1"), ("A", "=1"), ("SP", " ")],
        &[("B", "b"), ("AB", "\x01'\"")],
    ];
    differential("printenv", 0x9e1_0003, 400, &dir, b"", |_, rng| (random_args(rng), rng.pick(envs).to_vec()));
}
