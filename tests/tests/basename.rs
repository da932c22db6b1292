//! basename: the one- and two-operand forms, -a, -s (implies -a), -z and
//! their long names and prefixes, slashes and empty names, missing and extra
//! operands (basename does not permute), write errors, 100 000 operands,
//! non-UTF-8 names, and a differential run against GNU basename.

mod common;
use common::*;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;

fn os(b: &[u8]) -> OsString {
    OsString::from_vec(b.to_vec())
}

const TRY: &str = "Try 'basename --help' for more information.\n";

type Case = (&'static [&'static [u8]], &'static [u8], &'static [u8], i32);

fn check(cases: &[Case], env: &[(&str, &str)]) {
    for (args, out, err, code) in cases {
        let mut cmd = run_as("basename");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.args(args.iter().map(|a| os(a))).assert().code(*code).stdout(out.to_vec()).stderr(err.to_vec());
    }
}

#[test]
fn the_last_component_is_printed_whatever_the_slashes() {
    if !has(&["basename"]) {
        return;
    }
    check(
        &[
            (&[b"a/b/c"], b"c\n", b"", 0),
            (&[b"/"], b"/\n", b"", 0),
            (&[b"//"], b"/\n", b"", 0),
            (&[b"///"], b"/\n", b"", 0),
            (&[b"///a//"], b"a\n", b"", 0),
            (&[b""], b"\n", b"", 0),
            (&[b"a"], b"a\n", b"", 0),
            (&[b"a/"], b"a\n", b"", 0),
            (&[b"/a/b/"], b"b\n", b"", 0),
            (&[b"a//b"], b"b\n", b"", 0),
            (&[b"-"], b"-\n", b"", 0),
            (&[b"a/b\\"], b"b\\\n", b"", 0),
            (&[b"a/b c/d e"], b"d e\n", b"", 0),
        ],
        &[],
    );
}

#[test]
fn a_second_operand_is_a_suffix_removed_unless_it_is_the_whole_name() {
    if !has(&["basename"]) {
        return;
    }
    check(
        &[
            (&[b"abc", b"abc"], b"abc\n", b"", 0),
            (&[b"abc", b"bc"], b"a\n", b"", 0),
            (&[b"a/b.c/", b".c"], b"b\n", b"", 0),
            (&[b"/a/", b"a"], b"a\n", b"", 0),
            (&[b"a/b", b"b"], b"b\n", b"", 0),
            (&[b"dir/file.txt", b".txt"], b"file\n", b"", 0),
            (&[b"x.txt", b""], b"x.txt\n", b"", 0),
            (&[b"//", b"/"], b"/\n", b"", 0),
            (&[b"a", b"xa"], b"a\n", b"", 0),
            (&[b"a/", b""], b"a\n", b"", 0),
            (&[b"", b"x"], b"\n", b"", 0),
        ],
        &[],
    );
}

#[test]
fn multiple_suffix_and_zero_in_short_long_and_prefix_forms() {
    if !has(&["basename"]) {
        return;
    }
    check(
        &[
            (&[b"-a", b"a/b", b"c/d/", b"/", b"", b"e"], b"b\nd\n/\n\ne\n", b"", 0),
            (&[b"--multiple", b"a/b", b"c"], b"b\nc\n", b"", 0),
            (&[b"--mu", b"a/b"], b"b\n", b"", 0),
            (&[b"-s", b".c", b"a.c", b"b.c", b".c", b"dir/d.c/"], b"a\nb\n.c\nd\n", b"", 0),
            (&[b"-s.c", b"x.c"], b"x\n", b"", 0),
            (&[b"--suffix=.c", b"x.c", b"y.c"], b"x\ny\n", b"", 0),
            (&[b"--suffix", b".c", b"x.c"], b"x\n", b"", 0),
            (&[b"--su=.c", b"x.c"], b"x\n", b"", 0),
            (&[b"-as", b"x", b"ax", b"bx"], b"a\nb\n", b"", 0),
            (&[b"-s", b"a", b"-s", b"b", b"ab"], b"a\n", b"", 0),
            (&[b"-s", b"", b"a/b"], b"b\n", b"", 0),
            (&[b"-z", b"a/b"], b"b\0", b"", 0),
            (&[b"-az", b"a/b", b"c"], b"b\0c\0", b"", 0),
            (&[b"-za", b"a/b", b"c"], b"b\0c\0", b"", 0),
            (&[b"--zero", b"a/b"], b"b\0", b"", 0),
            // -z alone keeps the two-operand form: `c` is a suffix.
            (&[b"--ze", b"a/b", b"c"], b"b\0", b"", 0),
            (&[b"-zs", b".c", b"a.c", b"b.c"], b"a\0b\0", b"", 0),
            (&[b"--", b"-a"], b"-a\n", b"", 0),
            (&[b"-a", b"--", b"-z", b"-s"], b"-z\n-s\n", b"", 0),
        ],
        &[],
    );
}

#[test]
fn missing_and_extra_operands_are_errors_with_the_try_line() {
    if !has(&["basename"]) {
        return;
    }
    let missing = b"basename: missing operand\nTry 'basename --help' for more information.\n";
    check(
        &[
            (&[], b"", missing, 1),
            (&[b"--"], b"", missing, 1),
            (&[b"-a"], b"", missing, 1),
            (&[b"-a", b"--"], b"", missing, 1),
            (&[b"-z"], b"", missing, 1),
            (&[b"-s", b"x"], b"", missing, 1),
            (&[b"--s", b"a"], b"", missing, 1),
            (
                &[b"a", b"b", b"c"],
                b"",
                b"basename: extra operand 'c'\nTry 'basename --help' for more information.\n",
                1,
            ),
            (
                &[b"a", b"b", b"--help"],
                b"",
                b"basename: extra operand '--help'\nTry 'basename --help' for more information.\n",
                1,
            ),
        ],
        &[],
    );
    run_as("/bin/basename")
        .assert()
        .code(1)
        .stdout("")
        .stderr("/bin/basename: missing operand\nTry '/bin/basename --help' for more information.\n");
    // Run as `femtobox basename`, the messages name the applet.
    run_as("femtobox")
        .args(["basename", "a", "b", "c"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("basename: extra operand 'c'\n{TRY}"));
}

#[test]
fn the_extra_operand_is_quoted_in_the_locale_style() {
    if !has(&["basename"]) {
        return;
    }
    check(
        &[
            (
                &[b"a", b"b", b"it's"],
                b"",
                b"basename: extra operand 'it\\'s'\nTry 'basename --help' for more information.\n",
                1,
            ),
            (
                &[b"a", b"b", b"a b"],
                b"",
                b"basename: extra operand 'a b'\nTry 'basename --help' for more information.\n",
                1,
            ),
            (&[b"a", b"b", b""], b"", b"basename: extra operand ''\nTry 'basename --help' for more information.\n", 1),
            (
                &[b"a", b"b", b"x\ny"],
                b"",
                b"basename: extra operand 'x\\ny'\nTry 'basename --help' for more information.\n",
                1,
            ),
            (
                &[b"a", b"b", b"\x01\x80\xff"],
                b"",
                b"basename: extra operand '\\001\\200\\377'\nTry 'basename --help' for more information.\n",
                1,
            ),
            (
                &[b"a", b"b", b"$x"],
                b"",
                b"basename: extra operand '$x'\nTry 'basename --help' for more information.\n",
                1,
            ),
        ],
        &[],
    );
}

#[test]
fn options_stop_at_the_first_operand() {
    if !has(&["basename"]) {
        return;
    }
    check(
        &[(&[b"a", b"--help"], b"a\n", b"", 0), (&[b"a", b"-a"], b"a\n", b"", 0), (&[b"a", b"-s"], b"a\n", b"", 0)],
        &[],
    );
    check(
        &[
            (&[b"a", b"-s"], b"a\n", b"", 0),
            (&[b"-a", b"a", b"-z"], b"a\n-z\n", b"", 0),
            (
                &[b"a", b"b", b"-z"],
                b"",
                b"basename: extra operand '-z'\nTry 'basename --help' for more information.\n",
                1,
            ),
        ],
        &[("POSIXLY_CORRECT", "1")],
    );
}

#[test]
fn bad_options_are_reported_like_getopt() {
    if !has(&["basename"]) {
        return;
    }
    let cases: &[(&[&str], &str)] = &[
        (&["-s"], "basename: option requires an argument -- 's'\n"),
        (&["--suffix"], "basename: option '--suffix' requires an argument\n"),
        (&["-x"], "basename: invalid option -- 'x'\n"),
        (&["-ax", "a"], "basename: invalid option -- 'x'\n"),
        (&["-x", "-y"], "basename: invalid option -- 'x'\n"),
        (&["--bogus", "a"], "basename: unrecognized option '--bogus'\n"),
        (&["--bogus=1", "a"], "basename: unrecognized option '--bogus=1'\n"),
        (&["--multiple=1", "a"], "basename: option '--multiple' doesn't allow an argument\n"),
        (&["--zero=3", "a"], "basename: option '--zero' doesn't allow an argument\n"),
        (&["--=", "a"], "basename: option '--=' is ambiguous; possibilities: '--multiple' '--suffix' '--zero' '--help' '--version'\n"),
        (&["---", "a"], "basename: unrecognized option '---'\n"),
    ];
    for (args, msg) in cases {
        run_as("basename").args(*args).assert().code(1).stdout("").stderr(format!("{msg}{TRY}"));
    }
}

#[test]
fn non_utf8_names_pass_through_as_bytes() {
    if !has(&["basename"]) {
        return;
    }
    check(
        &[
            (&[b"\x80/\xff/"], b"\xff\n", b"", 0),
            (&[b"dir/\x01\n"], b"\x01\n\n", b"", 0),
            (&[b"-s", b"\xff", b"a\xff", b"\x80\xff/"], b"a\n\x80\n", b"", 0),
            (&[b"\xfe\xff", b"\xff"], b"\xfe\n", b"", 0),
        ],
        &[],
    );
}

#[test]
fn help_and_version_are_our_own() {
    if !has(&["basename"]) {
        return;
    }
    let version = format!("basename (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["--v"], &["-a", "--vers"]] {
        run_as("basename").args(args).assert().code(0).stdout(version.clone()).stderr("");
    }
    for args in [&["--help"][..], &["--he"], &["-z", "--help"]] {
        let out = run_as("basename").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("Usage: basename "), "{args:?}: {out:?}");
        assert_eq!(out.stderr, b"");
    }
}

#[test]
fn write_errors_are_reported_with_status_1() {
    if !has(&["basename"]) {
        return;
    }
    for args in [&["a"][..], &["-z", "a"], &["-a", "a", "b"]] {
        std_as("basename")
            .args(args)
            .stdout(dev_full())
            .output()
            .unwrap()
            .assert()
            .code(1)
            .stdout("")
            .stderr("basename: write error: No space left on device\n");
    }
    let closed = bash("exec -a basename \"$B\" a >&-");
    assert_eq!(
        (closed.status, String::from_utf8_lossy(&closed.stderr).into_owned()),
        (Some(1), "basename: write error: Bad file descriptor\n".into())
    );
}

#[test]
fn a_closed_pipe_with_sigpipe_ignored_is_a_write_error() {
    if !has(&["basename"]) {
        return;
    }
    let out =
        bash("trap '' PIPE; (exec -a basename \"$B\" -a $(seq 100000)) | head -c1 >/dev/null; echo ${PIPESTATUS[0]}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "basename: write error: Broken pipe\n");
}

#[test]
fn a_name_of_the_largest_argument_size_is_handled_whole() {
    if !has(&["basename"]) {
        return;
    }
    // 131072 bytes (with its NUL) is the most the kernel passes in one argument.
    let long = "a".repeat(131_000);
    run_as("basename").arg(format!("x/{long}///")).assert().code(0).stdout(format!("{long}\n"));
    run_as("basename").arg(format!("{long}/b")).assert().code(0).stdout("b\n");
    run_as("basename")
        .args([format!("/{long}"), long[..1000].to_string()])
        .assert()
        .stdout(format!("{}\n", &long[1000..]));
    run_as("basename").arg("/".repeat(131_000)).assert().code(0).stdout("/\n");
}

fn many_names() -> Vec<OsString> {
    (0..100_000u32)
        .map(|i| match i % 5 {
            0 => os(format!("{}/{}", i % 10, i).as_bytes()),
            1 => os(format!("{i}.c").as_bytes()),
            2 => os(&[b'/', 0x80 + (i % 100) as u8, b'/']),
            3 => os(b""),
            _ => os(format!("x/{}c//", i % 1000).as_bytes()),
        })
        .collect()
}

#[test]
fn a_hundred_thousand_operands_match_gnu() {
    if !has(&["basename"]) {
        return;
    }
    let names = many_names();
    let dir = tempdir("basename-many");
    for opts in [&["-a"][..], &["-zs", ".c"]] {
        let mut args: Vec<OsString> = opts.iter().map(OsString::from).collect();
        args.extend(names.iter().cloned());
        let got = outcome(bin(), "basename", &args, b"", &[], &dir);
        assert_eq!(got.status, Some(0), "{}", String::from_utf8_lossy(&got.stderr));
        let sep = if opts[0] == "-a" { b'\n' } else { 0 };
        assert_eq!(got.stdout.iter().filter(|&&b| b == sep).count(), 100_000);
        if let Some(gnu) = gnu("basename") {
            let want = outcome(Path::new(&gnu), "basename", &args, b"", &[], &dir);
            let (mut a, mut b) = (FNV_START, FNV_START);
            fnv(&mut a, &got.stdout);
            fnv(&mut b, &want.stdout);
            assert!(
                a == b && got.stdout.len() == want.stdout.len(),
                "basename {opts:?} + 100000 names differs from GNU"
            );
            assert_eq!((got.status, got.stderr), (want.status, want.stderr));
        }
    }
}

/// One random argument vector: options (valid, invalid, bundled, long and
/// prefixes, with and without arguments) and names with odd bytes.
fn random_args(rng: &mut Rng) -> Vec<OsString> {
    let opts: &[&[u8]] = &[
        b"-a",
        b"-z",
        b"-s",
        b"-s.c",
        b"-az",
        b"-za",
        b"-zs",
        b"-as",
        b"-sa",
        b"-x",
        b"-ax",
        b"-",
        b"--",
        b"--multiple",
        b"--mu",
        b"--m",
        b"--multiple=",
        b"--multiple=1",
        b"--suffix",
        b"--suffix=.c",
        b"--suffix=",
        b"--su=x",
        b"--s",
        b"--s=c",
        b"--zero",
        b"--z",
        b"--ze=1",
        b"--bogus",
        b"--bogus=x",
        b"--=",
        b"---",
        b"-\xff",
        b"-\n",
        b"-zx",
        b"-s\x80",
    ];
    let names: &[&[u8]] = &[
        b"a/b.c",
        b"/",
        b"//",
        b"///",
        b"",
        b"x.c",
        b".c",
        b"c",
        b"a/b/",
        b"dir//file.txt/",
        b".txt",
        b"\x01",
        b"\x80",
        b"\xff",
        b"a\nb",
        b"it's",
        b"a b",
        b"/\xff/\x80.c",
        b"x\x01.c//",
        b"'",
        b"\"",
        b" ",
        b"a",
        b"b",
        b"abc",
        b"bc",
        b"-a",
        b"-s",
        b"-z",
        b"-",
        b"c.c.c",
        b"\n",
    ];
    let n = rng.below(6);
    (0..n)
        .map(|_| {
            if rng.chance(35) {
                os(opts[rng.below(opts.len())])
            } else if rng.chance(10) {
                // A name built from odd bytes.
                let len = rng.below(5);
                let pool = b"/a.c\x01\x80\xff\n' \"";
                os(&(0..len).map(|_| *rng.pick(pool)).collect::<Vec<u8>>())
            } else {
                os(names[rng.below(names.len())])
            }
        })
        .collect()
}

#[test]
fn basename_matches_gnu_on_a_random_corpus() {
    if !has(&["basename"]) {
        return;
    }
    let dir = tempdir("basename-corpus");
    differential("basename", 0xba5e_0001, 400, &dir, b"", |case, rng| (random_args(rng), posix_every_fourth(case)));
}
