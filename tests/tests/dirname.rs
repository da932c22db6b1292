//! dirname: one or several names, slashes (`//a//b//` is `//a`), the empty
//! name, -z/--zero and its prefixes, permutation and POSIXLY_CORRECT, missing
//! operand and bad options, write errors, 100 000 operands, non-UTF-8 names,
//! and a differential run against GNU dirname.

mod common;
use common::*;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;

fn os(b: &[u8]) -> OsString {
    OsString::from_vec(b.to_vec())
}

const TRY: &str = "Try 'dirname --help' for more information.\n";

type Case = (&'static [&'static [u8]], &'static [u8], &'static [u8], i32);

fn check(cases: &[Case], env: &[(&str, &str)]) {
    for (args, out, err, code) in cases {
        let mut cmd = run_as("dirname");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.args(args.iter().map(|a| os(a))).assert().code(*code).stdout(out.to_vec()).stderr(err.to_vec());
    }
}

#[test]
fn the_directory_part_is_printed_whatever_the_slashes() {
    if !has(&["dirname"]) {
        return;
    }
    check(
        &[
            (&[b""], b".\n", b"", 0),
            (&[b"//a//b//"], b"//a\n", b"", 0),
            (&[b"/"], b"/\n", b"", 0),
            (&[b"//"], b"/\n", b"", 0),
            (&[b"///"], b"/\n", b"", 0),
            (&[b"a"], b".\n", b"", 0),
            (&[b"a/"], b".\n", b"", 0),
            (&[b"a/b"], b"a\n", b"", 0),
            (&[b"/a"], b"/\n", b"", 0),
            (&[b"//a"], b"/\n", b"", 0),
            (&[b"///a"], b"/\n", b"", 0),
            (&[b"a//b"], b"a\n", b"", 0),
            (&[b"/a/b/"], b"/a\n", b"", 0),
            (&[b"a/b//c///"], b"a/b\n", b"", 0),
            (&[b"."], b".\n", b"", 0),
            (&[b".."], b".\n", b"", 0),
            (&[b"../x"], b"..\n", b"", 0),
            (&[b"-"], b".\n", b"", 0),
            (&[b"a b/c d"], b"a b\n", b"", 0),
            (&[b"it's/x"], b"it's\n", b"", 0),
        ],
        &[],
    );
}

#[test]
fn several_names_give_one_line_each() {
    if !has(&["dirname"]) {
        return;
    }
    check(&[(&[b"a/b", b"c/d/", b"/e", b"", b"f"], b"a\nc\n/\n.\n.\n", b"", 0)], &[]);
}

#[test]
fn zero_ends_each_line_with_nul_and_options_permute() {
    if !has(&["dirname"]) {
        return;
    }
    check(
        &[
            (&[b"-z", b"a/b", b"c"], b"a\0.\0", b"", 0),
            (&[b"--zero", b"a/b"], b"a\0", b"", 0),
            (&[b"--z", b"a/b"], b"a\0", b"", 0),
            (&[b"--ze", b"x/y/"], b"x\0", b"", 0),
            (&[b"a/b", b"-z"], b"a\0", b"", 0),
            (&[b"-z", b"--", b"-z/x"], b"-z\0", b"", 0),
            (&[b"--", b"-z/x"], b"-z\n", b"", 0),
            (&[b"-", b"--"], b".\n", b"", 0),
        ],
        &[],
    );
}

#[test]
fn posixly_correct_stops_options_at_the_first_operand() {
    if !has(&["dirname"]) {
        return;
    }
    check(
        &[
            (&[b"a/b", b"-z"], b"a\n.\n", b"", 0),
            (&[b"-z", b"a/b", b"-z"], b"a\0.\0", b"", 0),
            (&[b"a", b"--bogus"], b".\n.\n", b"", 0),
            (&[b"a", b"--help"], b".\n.\n", b"", 0),
        ],
        &[("POSIXLY_CORRECT", "1")],
    );
}

#[test]
fn no_operand_is_a_missing_operand() {
    if !has(&["dirname"]) {
        return;
    }
    for args in [&[][..], &["--"], &["-z"]] {
        run_as("dirname").args(args).assert().code(1).stdout("").stderr(format!("dirname: missing operand\n{TRY}"));
    }
}

#[test]
fn bad_options_are_reported_like_getopt() {
    if !has(&["dirname"]) {
        return;
    }
    let cases: &[(&[&str], &str)] = &[
        (&["-x"], "dirname: invalid option -- 'x'\n"),
        (&["-zx", "a"], "dirname: invalid option -- 'x'\n"),
        (&["--zero=1", "a"], "dirname: option '--zero' doesn't allow an argument\n"),
        (&["--bogus", "a"], "dirname: unrecognized option '--bogus'\n"),
        (&["--=", "a"], "dirname: option '--=' is ambiguous; possibilities: '--zero' '--help' '--version'\n"),
        (&["---"], "dirname: unrecognized option '---'\n"),
        (&["a", "--bogus"], "dirname: unrecognized option '--bogus'\n"),
    ];
    for (args, msg) in cases {
        run_as("dirname").args(*args).assert().code(1).stdout("").stderr(format!("{msg}{TRY}"));
    }
}

#[test]
fn non_utf8_names_pass_through_as_bytes() {
    if !has(&["dirname"]) {
        return;
    }
    check(
        &[
            (&[b"\x80/\xff/x"], b"\x80/\xff\n", b"", 0),
            (&[b"\x01\n/a"], b"\x01\n\n", b"", 0),
            (&[b"\xff//\xfe//"], b"\xff\n", b"", 0),
        ],
        &[],
    );
}

#[test]
fn help_and_version_are_our_own_and_found_anywhere() {
    if !has(&["dirname"]) {
        return;
    }
    let version = format!("dirname (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["--v"], &["a", "--vers"]] {
        run_as("dirname").args(args).assert().code(0).stdout(version.clone()).stderr("");
    }
    for args in [&["--help"][..], &["--h"], &["a/b", "--help"]] {
        let out = run_as("dirname").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("Usage: dirname "), "{args:?}: {out:?}");
        assert_eq!(out.stderr, b"");
    }
}

#[test]
fn write_errors_are_reported_with_status_1() {
    if !has(&["dirname"]) {
        return;
    }
    for args in [&["a"][..], &["-z", "a/b"], &["a", "b"]] {
        std_as("dirname")
            .args(args)
            .stdout(dev_full())
            .output()
            .unwrap()
            .assert()
            .code(1)
            .stdout("")
            .stderr("dirname: write error: No space left on device\n");
    }
    let closed = bash("exec -a dirname \"$B\" a >&-");
    assert_eq!(
        (closed.status, String::from_utf8_lossy(&closed.stderr).into_owned()),
        (Some(1), "dirname: write error: Bad file descriptor\n".into())
    );
}

#[test]
fn a_closed_pipe_with_sigpipe_ignored_is_a_write_error() {
    if !has(&["dirname"]) {
        return;
    }
    let out = bash("trap '' PIPE; (exec -a dirname \"$B\" $(seq 100000)) | head -c1 >/dev/null; echo ${PIPESTATUS[0]}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "dirname: write error: Broken pipe\n");
}

#[test]
fn a_name_of_the_largest_argument_size_is_handled_whole() {
    if !has(&["dirname"]) {
        return;
    }
    let long = "a".repeat(131_000);
    run_as("dirname").arg(format!("/{long}/x///")).assert().code(0).stdout(format!("/{long}\n"));
    run_as("dirname").arg(format!("{long}//")).assert().code(0).stdout(".\n");
    run_as("dirname").arg("/".repeat(131_000)).assert().code(0).stdout("/\n");
}

#[test]
fn a_hundred_thousand_operands_match_gnu() {
    if !has(&["dirname"]) {
        return;
    }
    let names: Vec<OsString> = (0..100_000u32)
        .map(|i| match i % 5 {
            0 => os(format!("{}/{}", i % 10, i).as_bytes()),
            1 => os(format!("/{i}//").as_bytes()),
            2 => os(&[0x80 + (i % 100) as u8, b'/', b'x']),
            3 => os(b""),
            _ => os(format!("//{}//c/", i % 1000).as_bytes()),
        })
        .collect();
    let dir = tempdir("dirname-many");
    for opt in [None, Some("-z")] {
        let mut args: Vec<OsString> = opt.iter().map(OsString::from).collect();
        args.extend(names.iter().cloned());
        let got = outcome(bin(), "dirname", &args, b"", &[], &dir);
        assert_eq!(got.status, Some(0), "{}", String::from_utf8_lossy(&got.stderr));
        let sep = if opt.is_none() { b'\n' } else { 0 };
        assert_eq!(got.stdout.iter().filter(|&&b| b == sep).count(), 100_000);
        if let Some(gnu) = gnu("dirname") {
            let want = outcome(Path::new(&gnu), "dirname", &args, b"", &[], &dir);
            let (mut a, mut b) = (FNV_START, FNV_START);
            fnv(&mut a, &got.stdout);
            fnv(&mut b, &want.stdout);
            assert!(a == b && got.stdout.len() == want.stdout.len(), "dirname {opt:?} + 100000 names differs from GNU");
            assert_eq!((got.status, got.stderr), (want.status, want.stderr));
        }
    }
}

fn random_args(rng: &mut Rng) -> Vec<OsString> {
    let opts: &[&[u8]] = &[
        b"-z",
        b"-zz",
        b"-x",
        b"-zx",
        b"-",
        b"--",
        b"--zero",
        b"--z",
        b"--ze",
        b"--zero=",
        b"--zero=1",
        b"--bogus",
        b"--bogus=x",
        b"--=",
        b"---",
        b"-\xff",
        b"-\n",
        b"-Z",
    ];
    let names: &[&[u8]] = &[
        b"a/b.c",
        b"/",
        b"//",
        b"///",
        b"",
        b"x",
        b"a/b/",
        b"dir//file.txt/",
        b"//a//b//",
        b"\x01",
        b"\x80",
        b"\xff/\xfe",
        b"a\nb/c",
        b"it's/x",
        b"a b/c",
        b"/\xff/\x80.c",
        b"x\x01//",
        b"'",
        b"\"/",
        b" ",
        b".",
        b"..",
        b"../..",
        b"-z",
        b"-",
        b"/a",
        b"//a",
        b"a//",
        b"\n",
    ];
    let n = rng.below(6);
    (0..n)
        .map(|_| {
            if rng.chance(30) {
                os(opts[rng.below(opts.len())])
            } else if rng.chance(15) {
                let len = rng.below(6);
                let pool = b"//a.\x01\x80\xff\n' \"";
                os(&(0..len).map(|_| *rng.pick(pool)).collect::<Vec<u8>>())
            } else {
                os(names[rng.below(names.len())])
            }
        })
        .collect()
}

#[test]
fn dirname_matches_gnu_on_a_random_corpus() {
    if !has(&["dirname"]) {
        return;
    }
    let dir = tempdir("dirname-corpus");
    differential("dirname", 0xd1e_0002, 400, &dir, b"", |case, rng| (random_args(rng), posix_every_fourth(case)));
}
