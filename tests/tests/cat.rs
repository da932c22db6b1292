//! cat: operands and stdin, every option (short, long, prefixes, bundles,
//! permutation), formatting carried across operands, errors with GNU's
//! quoting, the same-file check, write faults, big and binary data, and a
//! differential run against GNU cat.

mod common;
use common::*;
use femtobox::render::Render;
use femtobox::text::quote;
use femtobox_tests::checks::{quote_model, render_model};
use std::ffi::OsString;

use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};

/// A directory of inputs with awkward content.
fn fixtures() -> PathBuf {
    let dir = tempdir("cat-fixtures");
    let files: &[(&str, &[u8])] = &[
        ("plain", b"one\ntwo\nthree\n"),
        ("crlf", b"a\r\nb\r\n\r\nc\r"),
        ("nul", b"a\0b\0\n\0"),
        ("high", b"\x80\x9f\xa0\xfe\xff\x7f\x01\t\x1b\n"),
        ("nofinal", b"no final newline"),
        ("blank", b"\n\n\nx\n\n\n\ny\n\n"),
        ("empty", b""),
        ("tabs", b"\ta\tb\t\n\t\n"),
        ("cr-end", b"line\r"),
        ("lf-start", b"\nafter\n"),
    ];
    for (name, data) in files {
        std::fs::write(dir.join(name), data).unwrap();
    }
    std::fs::write(dir.join("long"), "x".repeat(300_000) + "\n" + &"y".repeat(70_000)).unwrap();
    std::fs::create_dir(dir.join("dir")).unwrap();
    dir
}

fn cat_in(dir: &Path) -> assert_cmd::Command {
    let mut c = run_as("cat");
    c.current_dir(dir);
    c
}

#[test]
fn files_and_stdin_in_order() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    cat_in(&dir).args(["plain", "nofinal"]).assert().code(0).stdout("one\ntwo\nthree\nno final newline").stderr("");
    cat_in(&dir).write_stdin("in\n").assert().stdout("in\n");
    cat_in(&dir).arg("-").write_stdin("in\n").assert().stdout("in\n");
    cat_in(&dir)
        .args(["nofinal", "-", "plain"])
        .write_stdin("IN")
        .assert()
        .stdout("no final newlineINone\ntwo\nthree\n");
    // The second `-` finds stdin at its end.
    cat_in(&dir).args(["-", "-"]).write_stdin("once\n").assert().stdout("once\n");
    cat_in(&dir).arg("empty").assert().code(0).stdout("");
}

#[test]
fn options_short_bundled_long_and_by_prefix() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    let numbered = "     1\tone\n     2\ttwo\n     3\tthree\n";
    for args in [
        &["-n", "plain"][..],
        &["--number", "plain"],
        &["plain", "-n"],
        &["-nu", "plain"],
        &["-u", "--number", "plain"],
    ] {
        cat_in(&dir).args(args).assert().code(0).stdout(numbered);
    }
    cat_in(&dir).args(["-vET", "tabs"]).assert().stdout("^Ia^Ib^I$\n^I$\n");
    cat_in(&dir).args(["-A", "tabs"]).assert().stdout("^Ia^Ib^I$\n^I$\n");
    cat_in(&dir).args(["--show-all", "tabs"]).assert().stdout("^Ia^Ib^I$\n^I$\n");
    cat_in(&dir).args(["--show-t", "tabs"]).assert().stdout("^Ia^Ib^I\n^I\n");
    cat_in(&dir).args(["-e", "tabs"]).assert().stdout("\ta\tb\t$\n\t$\n");
    cat_in(&dir).args(["-t", "high"]).assert().stdout("M-^@M-^_M- M-~M-^?^?^A^I^[\n");
    cat_in(&dir).args(["-v", "high"]).assert().stdout("M-^@M-^_M- M-~M-^?^?^A\t^[\n");
    // `--` ends options; `-n` after it is a file.
    cat_in(&dir).args(["--", "-n"]).assert().code(1).stderr("cat: -n: No such file or directory\n");
}

#[test]
fn posixly_correct_stops_options_at_the_first_operand() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    cat_in(&dir)
        .env("POSIXLY_CORRECT", "1")
        .args(["plain", "-n"])
        .assert()
        .code(1)
        .stdout("one\ntwo\nthree\n")
        .stderr("cat: -n: No such file or directory\n");
}

#[test]
fn bad_options_are_reported_like_getopt_and_nothing_is_read() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    let cases: &[(&[&str], &str)] = &[
        (&["-x", "plain"], "cat: invalid option -- 'x'\n"),
        (&["-nx"], "cat: invalid option -- 'x'\n"),
        (&["plain", "--bogus"], "cat: unrecognized option '--bogus'\n"),
        (&["--num"], "cat: option '--num' is ambiguous; possibilities: '--number-nonblank' '--number'\n"),
        (&["--s"], "cat: option '--s' is ambiguous; possibilities: '--squeeze-blank' '--show-nonprinting' '--show-ends' '--show-tabs' '--show-all'\n"),
        (&["--number=3"], "cat: option '--number' doesn't allow an argument\n"),
        (&["--show-a=1"], "cat: option '--show-all' doesn't allow an argument\n"),
        (&["--e"], "cat: unrecognized option '--e'\n"),
    ];
    for (args, msg) in cases {
        cat_in(&dir)
            .args(*args)
            .write_stdin("never read")
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("{msg}Try 'cat --help' for more information.\n"));
    }
    run_as("/bin/cat")
        .arg("-x")
        .assert()
        .code(1)
        .stderr("/bin/cat: invalid option -- 'x'\nTry '/bin/cat --help' for more information.\n");
}

#[test]
fn help_and_version() {
    if !has(&["cat"]) {
        return;
    }
    run_as("cat").arg("--help").assert().code(0).stdout(help_is(
        "cat [-AbeEnstTuv] [FILE]...",
        &["-A", "-b", "-e", "-E", "-n", "-s", "-t", "-T", "-u", "-v"],
        1,
    ));
    run_as("cat")
        .args(["-n", "--vers"])
        .assert()
        .code(0)
        .stdout(format!("cat (femtobox) {}\n", env!("CARGO_PKG_VERSION")));
    run_as("cat").args(["--help", "--bogus"]).assert().code(0);
}

#[test]
fn numbering_and_line_state_carry_across_operands() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    cat_in(&dir)
        .args(["-n", "nofinal", "plain"])
        .assert()
        .stdout("     1\tno final newlineone\n     2\ttwo\n     3\tthree\n");
    cat_in(&dir)
        .args(["-b", "blank", "blank"])
        .assert()
        .stdout("\n\n\n     1\tx\n\n\n\n     2\ty\n\n\n\n\n     3\tx\n\n\n\n     4\ty\n\n");
    cat_in(&dir).args(["-s", "blank", "blank"]).assert().stdout("\nx\n\ny\n\nx\n\ny\n\n");
    cat_in(&dir).args(["-sn", "lf-start"]).assert().stdout("     1\t\n     2\tafter\n");
    // -b wins over -n whatever the order.
    cat_in(&dir).args(["-bn", "lf-start"]).assert().stdout("\n     1\tafter\n");
    cat_in(&dir).args(["-nb", "lf-start"]).assert().stdout("\n     1\tafter\n");
}

#[test]
fn show_ends_marks_crlf_even_across_reads_and_operands() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    cat_in(&dir).args(["-E", "crlf"]).assert().stdout("a^M$\nb^M$\n^M$\nc\r");
    cat_in(&dir).args(["-E", "cr-end", "lf-start"]).assert().stdout("line^M$\nafter$\n");
    cat_in(&dir).args(["-E", "cr-end", "plain"]).assert().stdout("line\rone$\ntwo$\nthree$\n");
    cat_in(&dir).args(["-E", "cr-end"]).assert().stdout("line\r");
    cat_in(&dir).args(["-E", "-"]).write_stdin("a\r").assert().stdout("a\r");
}

#[test]
fn wide_line_numbers_grow_past_six_digits() {
    if !has(&["cat"]) {
        return;
    }
    let input = "\n".repeat(1_000_001);
    let out = run_as("cat").arg("-n").write_stdin(input).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("     1\t\n     2\t\n"));
    assert!(text.ends_with("999999\t\n1000000\t\n1000001\t\n"));
}

#[test]
fn unreadable_operands_are_reported_and_cat_goes_on() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    cat_in(&dir)
        .args(["missing", "plain", "dir", "nofinal", "plain/x"])
        .assert()
        .code(1)
        .stdout("one\ntwo\nthree\nno final newline")
        .stderr("cat: missing: No such file or directory\ncat: dir: Is a directory\ncat: plain/x: Not a directory\n");
    cat_in(&dir)
        .arg("x".repeat(5000))
        .assert()
        .code(1)
        .stderr(format!("cat: {}: File name too long\n", "x".repeat(5000)));
}

#[test]
fn names_in_messages_are_quoted_as_gnu_quotes_them() {
    if !has(&["cat"]) {
        return;
    }
    let cases: &[(&[u8], &str)] = &[
        (b"a b", "'a b'"),
        (b"it's", "\"it's\""),
        (b"a\nb", "'a'$'\\n''b'"),
        (b"\xff", "''$'\\377'"),
        (b"~x", "'~x'"),
        (b"x~", "x~"),
        (b"#a", "'#a'"),
        (b"a#", "a#"),
        (b"a:b", "'a:b'"),
        (b"a=b", "'a=b'"),
        (b"{", "'{'"),
        (b"{a}", "{a}"),
        (b"@", "@"),
        (b"it's $x", "'it'\\''s $x'"),
        (b"'\n", "''\\'''$'\\n'"),
        (b"a\\b", "'a\\b'"),
        (b"\x1b[0m", "''$'\\033''[0m'"),
        (b"", "''"),
        // GNU's two-pass quirk (see text::quote): a name with a `'` that
        // ends in an escaped byte.
        (b"a'\x9b", "'''a'\\'''$'\\233'"),
        (b"\x9b'\xcd", "'\\233'\\'''$'\\315'"),
    ];
    for (name, shown) in cases {
        let mut out = Buf::default();
        quote(&mut out, name);
        assert_eq!(String::from_utf8_lossy(&out.0), *shown, "quote({:?})", String::from_utf8_lossy(name));
        if !name.is_empty() {
            let mut c = std_as("cat");
            c.arg(OsString::from_vec(name.to_vec())).current_dir(tempdir("quote"));
            c.output().unwrap().assert().code(1).stderr(format!("cat: {shown}: No such file or directory\n"));
        }
    }
}

#[test]
fn quoting_matches_gnu_for_every_byte_in_every_position() {
    if !has(&["cat"]) {
        return;
    }
    let Some(gnu) = gnu("cat") else { return };
    let dir = tempdir("quote-gnu");
    let mut names: Vec<Vec<u8>> = Vec::new();
    for b in 1..=255u8 {
        names.push(vec![b]);
        names.push(vec![b'a', b]);
        names.push(vec![b, b'a']);
        names.push(vec![b'\'', b]);
    }
    for chunk in names.chunks(200) {
        let args: Vec<OsString> = chunk
            .iter()
            .filter(|n| n.as_slice() != b"/" && n.as_slice() != b"." && n.as_slice() != b"-")
            .map(|n| OsString::from_vec(n.clone()))
            .collect();
        let mut args = args;
        args.insert(0, "--".into());
        let want = outcome(Path::new(&gnu), "cat", &args, b"", &[], &dir);
        let got = outcome(bin(), "cat", &args, b"", &[], &dir);
        assert_eq!(got, want, "ours: {}\ngnu: {}", got.show(), want.show());
    }
}

/// The bytes whose mixes GNU quotes in every way it has: bare, `'...'`,
/// `"..."`, `$'...'` segments, and the two-pass quirk.
const QUOTE_ALPHABET: &[u8] = b"a '\"\\$~#\x01\n\x7f\x80\x9b\xff";

/// Every name of 1 to 4 bytes over QUOTE_ALPHABET, and random ones of 5 to 8.
fn quote_corpus() -> Vec<Vec<u8>> {
    let mut names: Vec<Vec<u8>> = vec![vec![]];
    let mut all = Vec::new();
    for _ in 0..4 {
        names = names.iter().flat_map(|n| QUOTE_ALPHABET.iter().map(move |&c| [n.as_slice(), &[c]].concat())).collect();
        all.extend(names.iter().cloned());
    }
    let mut rng = Rng(0x5eed);
    for _ in 0..20_000 {
        let len = 5 + (rng.next() % 4) as usize;
        all.push((0..len).map(|_| QUOTE_ALPHABET[(rng.next() % QUOTE_ALPHABET.len() as u64) as usize]).collect());
    }
    all
}

#[test]
fn quoting_matches_gnu_exhaustively_over_awkward_bytes() {
    if !has(&["cat"]) {
        return;
    }
    let Some(gnu) = gnu("cat") else { return };
    // An empty directory: every name is missing, so each gets one line
    // `cat: NAME: No such file or directory` (quoting keeps it one line).
    let dir = tempdir("quote-exhaustive");
    let names = quote_corpus();
    assert_eq!(names.len(), 14 + 14 * 14 + 14 * 14 * 14 + 14 * 14 * 14 * 14 + 20_000);
    let mut compared = 0;
    for chunk in names.chunks(8000) {
        let args: Vec<OsString> = chunk.iter().map(|n| OsString::from_vec(n.clone())).collect();
        let want = outcome(Path::new(&gnu), "cat", &args, b"", &[], &dir);
        let got = outcome(bin(), "cat", &args, b"", &[], &dir);
        let lines: Vec<&[u8]> = want.stderr.split_inclusive(|&c| c == b'\n').collect();
        assert_eq!(lines.len(), chunk.len(), "one GNU line per name");
        for (name, line) in chunk.iter().zip(&lines) {
            // The model (a transliteration of gnulib) says what GNU says.
            let model = [&b"cat: "[..], &quote_model(name), b": No such file or directory\n"].concat();
            assert!(
                model == *line,
                "model {:?}: {:?}, GNU {:?}",
                String::from_utf8_lossy(name),
                String::from_utf8_lossy(&model),
                String::from_utf8_lossy(line)
            );
        }
        if got != want {
            let ours: Vec<&[u8]> = got.stderr.split_inclusive(|&c| c == b'\n').collect();
            for ((name, a), b) in chunk.iter().zip(&ours).zip(&lines) {
                assert!(
                    a == b,
                    "{:?}: ours {:?}, GNU {:?}",
                    String::from_utf8_lossy(name),
                    String::from_utf8_lossy(a),
                    String::from_utf8_lossy(b)
                );
            }
            assert_eq!(got, want);
        }
        compared += chunk.len();
    }
    eprintln!("{compared} names quoted as GNU cat quotes them");
}

#[test]
fn a_socket_operand_says_no_such_device_or_address_as_gnu_does() {
    if !has(&["cat"]) {
        return;
    }
    let dir = tempdir("cat-socket");
    let _listener = std::os::unix::net::UnixListener::bind(dir.join("sock")).expect("bind a unix socket");
    let want = "cat: sock: No such device or address\n";
    cat_in(&dir).args(["sock", "-"]).write_stdin("after\n").assert().code(1).stdout("after\n").stderr(want);
    if let Some(gnu) = gnu("cat") {
        let args: Vec<OsString> = vec!["sock".into()];
        let theirs = outcome(Path::new(&gnu), "cat", &args, b"", &[], &dir);
        assert_eq!(String::from_utf8_lossy(&theirs.stderr), want);
    }
}

#[test]
fn input_file_is_output_file_is_refused_and_cat_goes_on() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    let f = dir.join("self");
    std::fs::write(&f, "data\n").unwrap();
    let out = bash(&format!("cd {} && exec -a cat \"$B\" self plain - < self >> self", dir.display()));
    assert_eq!(out.status, Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "cat: self: input file is output file\ncat: -: input file is output file\n"
    );
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "data\none\ntwo\nthree\n");
    // An empty file onto itself is no loop and no error.
    std::fs::write(dir.join("e2"), "").unwrap();
    let out = bash(&format!("cd {} && exec -a cat \"$B\" e2 >> e2", dir.display()));
    assert_eq!((out.status, out.stderr), (Some(0), vec![]));
}

#[test]
fn stdout_or_stdin_closed() {
    if !has(&["cat"]) {
        return;
    }
    let out = bash("exec -a cat \"$B\" /dev/null >&-");
    assert_eq!(
        (out.status, String::from_utf8_lossy(&out.stderr).into_owned()),
        (Some(1), "cat: standard output: Bad file descriptor\n".into())
    );
    let out = bash("exec -a cat \"$B\" <&-");
    assert_eq!(
        (out.status, String::from_utf8_lossy(&out.stderr).into_owned()),
        (Some(1), "cat: -: Bad file descriptor\ncat: closing standard input: Bad file descriptor\n".into())
    );
}

#[test]
fn write_errors_end_cat_at_once() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    for opts in [&[][..], &["-n"]] {
        let mut c = std_as("cat");
        c.args(opts).args(["plain", "missing", "plain"]).current_dir(&dir).stdout(dev_full());
        c.output().unwrap().assert().code(1).stderr("cat: write error: No space left on device\n");
    }
}

#[test]
fn a_closed_pipe_kills_by_default_and_is_an_error_when_ignored() {
    if !has(&["cat"]) {
        return;
    }
    let dflt = bash("exec -a cat \"$B\" /dev/zero | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}");
    assert_eq!(String::from_utf8_lossy(&dflt.stdout), "141\n");
    for opt in ["", "-v"] {
        let ignored = bash(&format!(
            "trap '' PIPE; (exec -a cat \"$B\" {opt} /dev/zero) | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}"
        ));
        assert_eq!(String::from_utf8_lossy(&ignored.stdout), "1\n");
        assert_eq!(String::from_utf8_lossy(&ignored.stderr), "cat: write error: Broken pipe\n");
    }
}

#[test]
fn binary_data_passes_through_unchanged() {
    if !has(&["cat"]) {
        return;
    }
    let mut rng = Rng(0xb1_0004);
    let data: Vec<u8> = (0..3_000_000).map(|_| rng.next() as u8).collect();
    let dir = tempdir("binary");
    std::fs::write(dir.join("bin"), &data).unwrap();
    let (mut want, mut got) = (FNV_START, FNV_START);
    fnv(&mut want, &data);
    let out = run_as("cat").arg(dir.join("bin")).output().unwrap();
    fnv(&mut got, &out.stdout);
    assert_eq!((out.stdout.len(), got), (data.len(), want));
    let out = run_as("cat").write_stdin(data.clone()).output().unwrap();
    assert!(out.stdout == data);
}

#[test]
fn a_file_over_4_gib_passes_through() {
    if !has(&["cat"]) {
        return;
    }
    // Sparse: 4 GiB + 4 KiB + 3 bytes, with marks at the start, across the
    // 4 GiB line and at the end; cmp checks every byte of cat's output.
    let dir = tempdir("huge");
    let path = dir.join("sparse");
    let size: u64 = (4 << 30) + 4099;
    {
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(size).unwrap();
        use std::os::unix::fs::FileExt;
        for (at, mark) in [(0u64, b"start"), ((4 << 30) - 2, b"cross"), (size - 5, b"end!!")] {
            f.write_all_at(mark, at).unwrap();
        }
    }
    for opts in ["", "-u", "-"] {
        let line = match opts {
            "-" => format!("exec -a cat \"$B\" - < {0} | cmp - {0} && echo same", path.display()),
            _ => format!("exec -a cat \"$B\" {opts} {0} | cmp - {0} && echo same", path.display()),
        };
        let out = bash(&format!("set -o pipefail; ({line})"));
        assert_eq!(String::from_utf8_lossy(&out.stdout), "same\n", "cat {opts}: {}", out.show());
    }
    let _ = std::fs::remove_file(&path);
}

#[test]
fn the_renderer_matches_a_model_however_the_input_is_chunked() {
    let mut rng = Rng(0xca7_0005);
    let alphabet: &[u8] = b"ab\n\n\n\r\t\x00\x01\x7f\x80\x89\x9f\xa0\xff ";
    for _ in 0..3000 {
        let flags = (rng.next() & 63) as u8;
        let input: Vec<u8> = (0..rng.below(60)).map(|_| *rng.pick(alphabet)).collect();
        let want = render_model(flags, &input);
        let mut r = Render::new(flags);
        let mut out = Buf::default();
        let mut rest = &input[..];
        while !rest.is_empty() {
            let n = 1 + rng.below(rest.len());
            r.feed(&mut out, &rest[..n]);
            rest = &rest[n..];
        }
        r.finish(&mut out);
        assert_eq!(
            String::from_utf8_lossy(&out.0),
            String::from_utf8_lossy(&want),
            "flags {flags:#b} input {:?}",
            String::from_utf8_lossy(&input)
        );
    }
}

#[test]
fn cat_matches_gnu_cat_on_a_random_corpus() {
    if !has(&["cat"]) {
        return;
    }
    let Some(gnu) = gnu("cat") else { return };
    let dir = fixtures();
    let mut rng = Rng(0xca7_0006);
    let opts: &[&str] = &[
        "-n",
        "-b",
        "-s",
        "-v",
        "-E",
        "-T",
        "-A",
        "-e",
        "-t",
        "-u",
        "-nE",
        "-vET",
        "-bs",
        "-sn",
        "-x",
        "-nq",
        "--number",
        "--num",
        "--number-nonblank",
        "--squeeze",
        "--show-ends",
        "--show-tabs",
        "--show-nonprinting",
        "--show-all",
        "--show",
        "--s",
        "--sh",
        "--show-e",
        "--bogus",
        "--number=1",
        "--",
        "-",
    ];
    let files: &[&str] = &[
        "plain", "crlf", "nul", "high", "nofinal", "blank", "empty", "tabs", "cr-end", "lf-start", "long", "missing",
        "dir", "a b", "it's", "-",
    ];
    let stdins: &[&[u8]] = &[b"", b"in\n", b"\r\n\r\n", b"x\n\n\n\ny", b"\t\x01\x80\xff\r"];
    let mut runs = 0;
    for case in 0..500 {
        let mut args: Vec<OsString> = Vec::new();
        for _ in 0..rng.below(6) {
            args.push(if rng.chance(40) { rng.pick(opts) } else { rng.pick(files) }.into());
        }
        let stdin = rng.pick(stdins);
        let env: &[(&str, &str)] = if case % 5 == 0 { &[("POSIXLY_CORRECT", "1")] } else { &[] };
        let want = outcome(Path::new(&gnu), "cat", &args, stdin, env, &dir);
        let got = outcome(bin(), "cat", &args, stdin, env, &dir);
        runs += 1;
        assert_eq!(got, want, "cat {args:?} {env:?}\nours: {}\ngnu:  {}", got.show(), want.show());
    }
    eprintln!("cat: {runs} argument vectors compared with GNU");
}

/// Runs `line` in bash in `dir` (with $B the binary) under strace, and
/// returns the names of the data-moving calls cat made on stdout.
fn movers(dir: &Path, line: &str) -> Option<Vec<String>> {
    if foreign() {
        // qemu-user's log of the box's own calls (the GNU cat of a
        // pipeline is native and logs nothing).
        let log = dir.join("qemu.log");
        let _ = std::fs::remove_file(&log);
        let out = bash(&format!(
            "cd {} && export QEMU_LOG=strace QEMU_LOG_FILENAME={} && {line}",
            dir.display(),
            log.display()
        ));
        assert_eq!(out.status, Some(0), "{}", out.show());
        let text = std::fs::read_to_string(&log).unwrap();
        let mut calls: Vec<String> = text
            .lines()
            .filter_map(|l| l.split_once(' ').map(|(_pid, call)| call))
            .filter(|c| ["splice(", "sendfile(", "copy_file_range(", "write(1,"].iter().any(|w| c.starts_with(w)))
            .filter_map(|c| c.split('(').next())
            .map(str::to_string)
            .collect();
        calls.dedup();
        return Some(calls);
    }
    let strace = strace("which copy calls cat makes")?;
    let log = dir.join("strace.log");
    let out = bash(&format!(
        "cd {} && {} -f -o {} -e trace=execve,read,write,splice,sendfile,copy_file_range -- bash -c '{}'",
        dir.display(),
        strace.display(),
        log.display(),
        line
    ));
    assert_eq!(out.status, Some(0), "{}", out.show());
    let text = std::fs::read_to_string(&log).unwrap();
    // Only the calls of the process that exec'd the box.
    let ours: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(&format!("execve(\"{}\"", bin().display())))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let mut calls: Vec<String> = text
        .lines()
        .filter(|l| l.split_whitespace().next().is_some_and(|pid| ours.contains(&pid)))
        .filter(|l| {
            l.contains("splice(") || l.contains("sendfile(") || l.contains("copy_file_range(") || l.contains("write(1,")
        })
        .filter_map(|l| l.split_whitespace().nth(1).and_then(|c| c.split('(').next()).map(str::to_string))
        .collect();
    calls.dedup();
    Some(calls)
}

#[test]
fn plain_cat_lets_the_kernel_copy_by_what_the_descriptors_are() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    std::fs::write(dir.join("big"), "z".repeat(1 << 20)).unwrap();
    let cases: &[(&str, &str)] = &[
        ("exec -a cat \"$B\" big > out", "copy_file_range"),
        ("exec -a cat \"$B\" big | cat > /dev/null", "splice"),
        ("exec -a cat \"$B\" big > /dev/null", "sendfile"),
        ("cat big | (exec -a cat \"$B\") > /dev/null", "splice"),
        ("exec -a cat \"$B\" -u big > out", "copy_file_range"),
        ("exec -a cat \"$B\" -n big > /dev/null", "write"),
    ];
    for (line, want) in cases {
        let line = line.replace("$B", &bin().display().to_string()).replace("\"", "");
        if let Some(calls) = movers(&dir, &line) {
            assert!(calls.iter().any(|c| c == want), "{line}: {calls:?}");
            if *want != "write" {
                assert!(!calls.iter().any(|c| c == "write"), "{line}: no write in the fast path: {calls:?}");
            }
        }
    }
}

#[test]
fn every_fast_path_and_its_fallback_give_the_same_bytes() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    let mut rng = Rng(0xfa57_0007);
    let data: Vec<u8> = (0..3_000_003).map(|_| rng.next() as u8).collect();
    std::fs::write(dir.join("data"), &data).unwrap();
    let b = bin().display().to_string();
    let same = |line: &str, file: &str, want: &[u8]| {
        let out = bash(&format!("cd {} && {}", dir.display(), line.replace("$B", &b)));
        assert_eq!(out.status, Some(0), "{line}: {}", out.show());
        let got = std::fs::read(dir.join(file)).unwrap();
        assert!(got == want, "{line}: {} bytes, want {}", got.len(), want.len());
    };
    // file -> file, file -> pipe, pipe -> pipe, pipe -> file, FIFO -> file
    same("exec -a cat $B data plain data > o1", "o1", &[&data[..], b"one\ntwo\nthree\n", &data[..]].concat());
    same("exec -a cat $B data | exec -a cat $B > o2", "o2", &data);
    same("cat data | (exec -a cat $B plain -) | cat > o3", "o3", &[&b"one\ntwo\nthree\n"[..], &data[..]].concat());
    same("mkfifo f && (cat data > f &) && exec -a cat $B f > o4", "o4", &data);
    // An O_APPEND output: copy_file_range refuses it, read/write carries on.
    std::fs::write(dir.join("o5"), "kept\n").unwrap();
    same("exec -a cat $B data >> o5", "o5", &[&b"kept\n"[..], &data[..]].concat());
    // Files that say they are empty but are not.
    let want = std::fs::read("/proc/version").unwrap();
    same("exec -a cat $B /proc/version > o6", "o6", &want);
    same("exec -a cat $B /proc/version | cat > o7", "o7", &want);
    // Empty files, in every direction.
    same("exec -a cat $B empty empty > o8 && exec -a cat $B empty | cat >> o8", "o8", b"");
}

#[test]
fn a_non_blocking_pipe_with_a_slow_reader_loses_nothing() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    let mut rng = Rng(0x510_0008);
    let data: Vec<u8> = (0..400_000).map(|_| rng.next() as u8).collect();
    std::fs::write(dir.join("data"), &data).unwrap();
    for opts in [&[][..], &["-v"]] {
        let (mut reader, writer) = std::io::pipe().unwrap();
        set_nonblocking(&writer);
        let mut c = std_as("cat");
        c.args(opts).arg(dir.join("data")).stdout(writer).stderr(std::process::Stdio::piped());
        let child = c.spawn().unwrap();
        drop(c); // it holds the pipe's write end, which must close for EOF
        let mut got = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            std::thread::sleep(std::time::Duration::from_micros(300));
            use std::io::Read;
            match reader.read(&mut buf).unwrap() {
                0 => break,
                n => got.extend_from_slice(&buf[..n]),
            }
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!((out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned()), (Some(0), String::new()));
        let want = if opts.is_empty() {
            data.clone()
        } else {
            run_as("cat").arg("-v").arg(dir.join("data")).output().unwrap().stdout
        };
        assert!(got == want, "cat {opts:?}: {} bytes, want {}", got.len(), want.len());
    }
}

#[test]
fn cat_of_a_small_file_makes_the_fewest_system_calls() {
    if !has(&["cat"]) {
        return;
    }
    // fstat(stdout), open, fstat(file), one copy and the one that finds the
    // end, close, exit: nothing else.
    let dir = fixtures();
    if foreign() {
        let calls = syscalls("cat", &[dir.join("plain").to_str().unwrap()]).unwrap();
        assert_eq!(calls, ["fstat", "openat", "fstat", "sendfile", "sendfile", "close", "exit_group"]);
        return;
    }
    let Some(strace) = strace("cat's system calls") else { return };
    let log = dir.join("calls.log");
    let out = bash(&format!(
        "cd {} && {} -o {} -- bash -c 'exec -a cat {} plain > /dev/null'",
        dir.display(),
        strace.display(),
        log.display(),
        bin().display()
    ));
    assert_eq!(out.status, Some(0));
    let text = std::fs::read_to_string(&log).unwrap();
    let calls: Vec<&str> = text.lines().filter_map(|l| l.split('(').next()).collect();
    let ours = calls.iter().rposition(|&c| c == "execve").unwrap();
    assert_eq!(
        &calls[ours + 1..],
        ["fstat", "openat", "fstat", "sendfile", "sendfile", "close", "exit_group", "+++ exited with 0 +++"]
    );
}

/// Found by the chaos tests: an error from copy_file_range that is not one
/// of "unsupported here" (EFBIG from RLIMIT_FSIZE, say) is GNU's read-side
/// report against the operand, and cat goes on; it is not a write error.
#[test]
fn copy_file_range_errors_are_reported_against_the_operand_and_cat_goes_on() {
    if !has(&["cat"]) {
        return;
    }
    let dir = fixtures();
    std::fs::write(dir.join("big"), vec![b'x'; 200_000]).unwrap();
    let line = format!(
        "cd {} && (trap '' XFSZ; ulimit -f 64; exec -a cat {} big missing > out); echo \"status=$?\"",
        dir.display(),
        bin().display()
    );
    let out = bash(&line);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "status=1\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "cat: big: File too large\ncat: missing: No such file or directory\n"
    );
}
