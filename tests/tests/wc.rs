//! wc: the five counts (-c -m -l -w -L and their long names) in every
//! combination and GNU's fixed column order, the default -lwc, GNU's column
//! width rule (compute_number_width: digits of the regular operands' total
//! size, 7 for anything else, 1 for one count of one file), the total line,
//! --files0-from (lists from a file or stdin, empty names, `-` in a stdin
//! list, operands beside it, unreadable lists, big lists read as a stream),
//! what -w and -L make of every byte value in the C locale, -c by size
//! without reading (and a seekable stdin's offset, GNU's page-size quirk
//! included), big inputs, directories, missing and unreadable operands,
//! quoting in messages and output lines, option errors, write faults, and a
//! differential run against GNU wc.

mod common;
use common::*;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};

const TRY: &str = "Try 'wc --help' for more information.\n";

fn os(bytes: &[u8]) -> OsString {
    OsString::from_vec(bytes.to_vec())
}

/// The counts GNU 9.1's C-locale loop makes of `data`:
/// [lines, words, chars, bytes, max line length].
fn model(data: &[u8]) -> [u64; 5] {
    let (mut lines, mut words, mut longest, mut pos, mut in_word) = (0u64, 0u64, 0u64, 0u64, false);
    for &b in data {
        match b {
            b'\n' | b'\r' | b'\x0c' => {
                lines += (b == b'\n') as u64;
                longest = longest.max(pos);
                pos = 0;
                words += in_word as u64;
                in_word = false;
            }
            b'\t' => {
                pos += 8 - pos % 8;
                words += in_word as u64;
                in_word = false;
            }
            b' ' | b'\x0b' => {
                pos += (b == b' ') as u64;
                words += in_word as u64;
                in_word = false;
            }
            0x21..=0x7e => {
                pos += 1;
                in_word = true;
            }
            _ => {}
        }
    }
    [lines, words + in_word as u64, data.len() as u64, data.len() as u64, longest.max(pos)]
}

/// One output line: the selected counts right-aligned in `width`, then the name.
fn line(width: usize, counts: &[u64], name: Option<&str>) -> String {
    let mut s = counts.iter().map(|n| format!("{n:>width$}")).collect::<Vec<_>>().join(" ");
    if let Some(name) = name {
        s.push(' ');
        s.push_str(name);
    }
    s.push('\n');
    s
}

/// The digits of `n` (GNU's width of a total size).
fn digits(n: u64) -> usize {
    n.to_string().len()
}

/// A directory of inputs with awkward content and names.
fn fixtures() -> PathBuf {
    let dir = tempdir("wc-fixtures");
    let files: &[(&str, &[u8])] = &[
        ("a", b"one\ntwo\n"),
        ("b", b"x"),
        ("empty", b""),
        ("crlf", b"a\r\nb\r\n\r\nc\r"),
        ("nul", b"a\0b\0\n\0"),
        ("high", b"\x80\x9f\xa0\xfe\xff\x7f\x01\t\x1b\n"),
        ("nofinal", b"no final newline"),
        ("tabs", b"\ta\tb\t\n\t\n"),
        ("words", b"  one  two\t\tthree\n\x0bfour\x01five \x80six\x0cseven\rend\n"),
        ("cr", b"abcdef\rxy\rz"),
        ("a b", b"a\n"),
        ("it's", b"a\n"),
        ("a:b", b"a\n"),
        ("x\ny", b"x\ny"),
        ("total", b"t\n"),
        ("list0", b"a\0b\0"),
        ("list-e", b"a\0\0b"),
        ("list-m", b"a\0missing\0d\0"),
        ("list-nl", b"a\nb\0"),
        ("list-none", b""),
        ("list-one", b"m"),
        ("list-q", b"x\ny\0a b\0"),
    ];
    for (name, data) in files {
        std::fs::write(dir.join(name), data).unwrap();
    }
    std::fs::write(dir.join("m"), "y\n".repeat(61_728)).unwrap();
    std::fs::write(dir.join("long"), "x".repeat(300_000) + "\n" + &"y ".repeat(35_000) + "\tz").unwrap();
    std::fs::create_dir(dir.join("d")).unwrap();
    dir
}

fn wc_in(dir: &Path) -> assert_cmd::Command {
    let mut c = run_as("wc");
    c.current_dir(dir);
    c
}

/// femtobox and GNU wc give the same outcome for `args` and `stdin` in `dir`.
fn same_as_gnu(dir: &Path, args: &[OsString], stdin: &[u8], env: &[(&str, &str)]) {
    let Some(gnu) = gnu("wc") else { return };
    let want = outcome(Path::new(&gnu), "wc", args, stdin, env, dir);
    let got = outcome(bin(), "wc", args, stdin, env, dir);
    assert_eq!(got, want, "wc {args:?} {env:?}\nfemtobox: {}\nGNU:      {}", got.show(), want.show());
}

fn args(list: &[&str]) -> Vec<OsString> {
    list.iter().map(OsString::from).collect()
}

#[test]
fn by_default_wc_prints_lines_words_and_bytes() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    wc_in(&dir).arg("a").assert().code(0).stdout("2 2 8 a\n").stderr("");
    wc_in(&dir).arg("words").assert().code(0).stdout(" 2  7 44 words\n").stderr("");
    wc_in(&dir).arg("empty").assert().code(0).stdout("0 0 0 empty\n");
    wc_in(&dir).arg("nofinal").assert().code(0).stdout(" 0  3 16 nofinal\n");
    // stdin, implicit and as `-`: a pipe is not a regular file, so 7 wide.
    wc_in(&dir).write_stdin("one\ntwo\n").assert().code(0).stdout("      2       2       8\n").stderr("");
    wc_in(&dir).arg("-").write_stdin("one two").assert().code(0).stdout("      0       2       7 -\n");
    wc_in(&dir).write_stdin("").assert().code(0).stdout("      0       0       0\n");
}

#[test]
fn counts_come_in_gnus_fixed_order_whatever_the_options_order() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    let (a, words) = (model(b"one\ntwo\n"), model(&std::fs::read(dir.join("words")).unwrap()));
    let total: Vec<u64> = (0..5).map(|i| a[i] + words[i]).collect::<Vec<_>>();
    let total = [total[0], total[1], total[2], total[3], a[4].max(words[4])];
    let width = digits(8 + 44);
    let shorts = ["l", "w", "m", "c", "L"];
    let longs = ["--lines", "--words", "--chars", "--bytes", "--max-line-length"];
    let prefixes = ["--li", "--w", "--ch", "--by", "--max"];
    for mask in 1..32usize {
        let picked: Vec<usize> = (0..5).filter(|i| mask & (1 << i) != 0).collect();
        let pick = |c: &[u64; 5]| picked.iter().map(|&i| c[i]).collect::<Vec<_>>();
        let want = line(width, &pick(&a), Some("a"))
            + &line(width, &pick(&words), Some("words"))
            + &line(width, &pick(&total), Some("total"));
        // A bundle in reverse order, separate long options, prefixes after the operands.
        let bundle = format!("-{}", picked.iter().rev().map(|&i| shorts[i]).collect::<String>());
        wc_in(&dir).args([&bundle, "a", "words"]).assert().code(0).stdout(want.clone()).stderr("");
        wc_in(&dir).args(picked.iter().map(|&i| longs[i])).args(["a", "words"]).assert().code(0).stdout(want.clone());
        wc_in(&dir).args(["a", "words"]).args(picked.iter().map(|&i| prefixes[i])).assert().code(0).stdout(want);
        // Repeating an option changes nothing.
        let twice = format!("{bundle}{}", &bundle[1..]);
        let one = line(1, &pick(&a), Some("a"));
        let one = if picked.len() == 1 { one } else { line(digits(8), &pick(&a), Some("a")) };
        wc_in(&dir).args([&twice, "a"]).assert().code(0).stdout(one);
    }
    wc_in(&dir).args(["-c", "-l", "-w", "a"]).assert().stdout("2 2 8 a\n");
    wc_in(&dir).args(["-L", "-m", "a"]).assert().stdout("8 3 a\n");
    wc_in(&dir).args(["-Lmclw", "a", "b"]).assert().stdout("2 2 8 8 3 a\n0 1 1 1 1 b\n2 3 9 9 3 total\n");
}

#[test]
fn chars_equal_bytes_in_the_c_locale() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    wc_in(&dir).args(["-m", "high"]).assert().code(0).stdout("10 high\n");
    wc_in(&dir).args(["-mc", "high"]).assert().code(0).stdout("10 10 high\n");
    // UTF-8 is bytes here: é is two.
    wc_in(&dir).arg("-m").write_stdin("\u{e9}\u{20ac}\n").assert().stdout("6\n");
    wc_in(&dir).args(["-cm"]).write_stdin("\u{e9}\u{20ac}\n").assert().stdout("      6       6\n");
}

#[test]
fn one_count_of_one_operand_is_printed_without_padding() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    wc_in(&dir).args(["-l", "m"]).assert().code(0).stdout("61728 m\n");
    wc_in(&dir).args(["-c", "m"]).assert().code(0).stdout("123456 m\n");
    wc_in(&dir).args(["--max-line-length", "long"]).assert().code(0).stdout("300000 long\n");
    // Even a pipe, a directory or a device: GNU does not stat it.
    wc_in(&dir).arg("-l").write_stdin("a\nb\n").assert().code(0).stdout("2\n");
    wc_in(&dir).args(["-w", "-"]).write_stdin("a b c").assert().code(0).stdout("3 -\n");
    wc_in(&dir).args(["-c", "/dev/null"]).assert().code(0).stdout("0 /dev/null\n");
    wc_in(&dir).args(["-l", "d"]).assert().code(1).stdout("0 d\n").stderr("wc: d: Is a directory\n");
    // The same option twice is still one count.
    wc_in(&dir).args(["-l", "--lines", "m"]).assert().stdout("61728 m\n");
    // Two counts, or two operands, and the width rule applies.
    wc_in(&dir).args(["-lc", "m"]).assert().stdout(" 61728 123456 m\n");
    wc_in(&dir).args(["-l", "a", "b"]).assert().stdout("2 a\n0 b\n2 total\n");
    wc_in(&dir).arg("-lw").write_stdin("a\n").assert().stdout("      1       1\n");
}

#[test]
fn width_is_the_number_of_digits_of_the_regular_operands_total_size() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    wc_in(&dir).arg("m").assert().stdout(" 61728  61728 123456 m\n");
    wc_in(&dir)
        .args(["m", "a"])
        .assert()
        .stdout(" 61728  61728 123456 m\n     2      2      8 a\n 61730  61730 123464 total\n");
    // 8 + 1 bytes: one digit, though the total line needs no more.
    wc_in(&dir).args(["a", "b"]).assert().stdout("2 2 8 a\n0 1 1 b\n2 3 9 total\n");
    // 8 + 8 = 16 bytes: two digits.
    wc_in(&dir).args(["a", "a"]).assert().stdout(" 2  2  8 a\n 2  2  8 a\n 4  4 16 total\n");
    // A count wider than the width is printed whole.
    wc_in(&dir).args(["-lL", "long"]).assert().stdout(format!("{} 300000 long\n", " ".repeat(5) + "1"));
    // A sparse file counts by its size: 11 digits.
    let sparse = dir.join("sparse");
    std::fs::File::create(&sparse).unwrap().set_len(12_345_678_901).unwrap();
    wc_in(&dir)
        .args(["-c", "sparse", "a"])
        .assert()
        .code(0)
        .stdout("12345678901 sparse\n          8 a\n12345678909 total\n");
    // A regular stdin counts by its size as well.
    let mut c = std_as("wc");
    c.stdin(std::fs::File::open(dir.join("m")).unwrap());
    c.output().unwrap().assert().code(0).stdout(" 61728  61728 123456\n");
    let mut c = std_as("wc");
    c.args(["-lL"]).stdin(std::fs::File::open(dir.join("a")).unwrap());
    c.output().unwrap().assert().code(0).stdout("2 3\n");
    // /proc files say size 0: width 1.
    let version = std::fs::read("/proc/version").unwrap();
    let v = model(&version);
    wc_in(&dir).arg("/proc/version").assert().code(0).stdout(line(1, &[v[0], v[1], v[3]], Some("/proc/version")));
    wc_in(&dir).args(["/proc/version", "a"]).assert().code(0).stdout(
        line(1, &[v[0], v[1], v[3]], Some("/proc/version"))
            + "2 2 8 a\n"
            + &line(1, &[v[0] + 2, v[1] + 2, v[3] + 8], Some("total")),
    );
}

#[test]
fn an_operand_that_is_not_a_regular_file_makes_the_width_at_least_seven() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    wc_in(&dir).arg("/dev/null").assert().code(0).stdout("      0       0       0 /dev/null\n");
    wc_in(&dir)
        .args(["a", "d", "b"])
        .assert()
        .code(1)
        .stdout("      2       2       8 a\n      0       0       0 d\n      0       1       1 b\n      2       3       9 total\n")
        .stderr("wc: d: Is a directory\n");
    wc_in(&dir)
        .args(["-c", "a", "d", "b"])
        .assert()
        .code(1)
        .stdout("      8 a\n      0 d\n      1 b\n      9 total\n")
        .stderr("wc: d: Is a directory\n");
    wc_in(&dir)
        .args(["-", "a"])
        .write_stdin("one\ntwo\n")
        .assert()
        .code(0)
        .stdout("      2       2       8 -\n      2       2       8 a\n      4       4      16 total\n");
    // Seven is a minimum: the regular files' size can make it wider.
    wc_in(&dir)
        .args(["-c", "sparse-to-be", "d"])
        .assert()
        .code(1)
        .stdout("      0 d\n      0 total\n")
        .stderr("wc: sparse-to-be: No such file or directory\nwc: d: Is a directory\n");
    let sparse = dir.join("big-sparse");
    std::fs::File::create(&sparse).unwrap().set_len(123_456_789_012).unwrap();
    wc_in(&dir)
        .args(["-c", "big-sparse", "/dev/null"])
        .assert()
        .code(0)
        .stdout("123456789012 big-sparse\n           0 /dev/null\n123456789012 total\n");
}

#[test]
fn operands_that_cannot_be_stat_count_for_nothing_in_the_width() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    wc_in(&dir)
        .args(["missing", "m"])
        .assert()
        .code(1)
        .stdout(" 61728  61728 123456 m\n 61728  61728 123456 total\n")
        .stderr("wc: missing: No such file or directory\n");
    wc_in(&dir)
        .args(["missing", "nope"])
        .assert()
        .code(1)
        .stdout("0 0 0 total\n")
        .stderr("wc: missing: No such file or directory\nwc: nope: No such file or directory\n");
    // A closed stdin cannot be stat either: width 1, then two errors.
    let out = bash("exec -a wc \"$B\" <&-");
    assert_eq!(out.status, Some(1), "{}", out.show());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "0 0 0\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "wc: 'standard input': Bad file descriptor\nwc: -: Bad file descriptor\n"
    );
    let out = bash(&format!("cd {} && exec -a wc \"$B\" a - <&-", dir.display()));
    assert_eq!(out.status, Some(1), "{}", out.show());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2 2 8 a\n0 0 0 -\n2 2 8 total\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "wc: -: Bad file descriptor\nwc: -: Bad file descriptor\n");
    let out = bash("exec -a wc \"$B\" -c <&-");
    assert_eq!(
        (
            out.status,
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned()
        ),
        (Some(1), "0\n".into(), "wc: 'standard input': Bad file descriptor\nwc: -: Bad file descriptor\n".into())
    );
}

#[test]
fn a_total_line_follows_more_than_one_operand_even_failed_ones() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    wc_in(&dir)
        .args(["a", "missing", "b"])
        .assert()
        .code(1)
        .stdout("2 2 8 a\n0 1 1 b\n2 3 9 total\n")
        .stderr("wc: missing: No such file or directory\n");
    wc_in(&dir)
        .args(["a", ""])
        .assert()
        .code(1)
        .stdout("2 2 8 a\n2 2 8 total\n")
        .stderr("wc: invalid zero-length file name\n");
    wc_in(&dir).arg("missing").assert().code(1).stdout("").stderr("wc: missing: No such file or directory\n");
    // A file named total is just a file.
    wc_in(&dir).args(["total", "a"]).assert().code(0).stdout(" 1  1  2 total\n 2  2  8 a\n 3  3 10 total\n");
    // -L's total is the maximum, not the sum.
    wc_in(&dir).args(["-L", "a", "cr", "b"]).assert().code(0).stdout(" 3 a\n 6 cr\n 1 b\n 6 total\n");
}

#[test]
fn an_empty_operand_is_an_invalid_zero_length_file_name() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    wc_in(&dir)
        .arg("")
        .write_stdin("never\n")
        .assert()
        .code(1)
        .stdout("")
        .stderr("wc: invalid zero-length file name\n");
    wc_in(&dir)
        .args(["", "-l", ""])
        .assert()
        .code(1)
        .stdout("0 total\n")
        .stderr("wc: invalid zero-length file name\nwc: invalid zero-length file name\n");
}

#[test]
fn a_second_minus_finds_stdin_at_its_end() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    wc_in(&dir)
        .args(["-", "-"])
        .write_stdin("a b\n")
        .assert()
        .code(0)
        .stdout("      1       2       4 -\n      0       0       0 -\n      1       2       4 total\n");
}

#[test]
fn directories_are_reported_with_a_zero_line_and_wc_goes_on() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    wc_in(&dir)
        .args(["d", "missing", "a", "a/x", "d"])
        .assert()
        .code(1)
        .stdout("      0       0       0 d\n      2       2       8 a\n      0       0       0 d\n      2       2       8 total\n")
        .stderr(
            "wc: d: Is a directory\nwc: missing: No such file or directory\nwc: a/x: Not a directory\nwc: d: Is a directory\n",
        );
    for opt in ["-c", "-l", "-w", "-L", "-m", "-lc"] {
        // Two counts: the directory is stat, and 7 wide.
        let zeros = if opt == "-lc" { "      0       0 d\n" } else { "0 d\n" };
        wc_in(&dir).args([opt, "d"]).assert().code(1).stdout(zeros).stderr("wc: d: Is a directory\n");
    }
    wc_in(&dir)
        .arg("x".repeat(5000))
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("wc: {}: File name too long\n", "x".repeat(5000)));
}

#[test]
fn an_unreadable_file_is_reported_and_wc_goes_on() {
    if !has(&["wc"]) {
        return;
    }
    extern "C" {
        fn geteuid() -> u32;
    }
    // SAFETY: geteuid has no preconditions.
    if unsafe { geteuid() } == 0 {
        eprintln!("skipped: root reads a mode-000 file (the directory operands cover read errors)");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let dir = fixtures();
    std::fs::write(dir.join("secret"), "s\n").unwrap();
    std::fs::set_permissions(dir.join("secret"), std::fs::Permissions::from_mode(0)).unwrap();
    wc_in(&dir)
        .args(["secret", "a"])
        .assert()
        .code(1)
        .stdout(" 2  2  8 a\n 2  2  8 total\n")
        .stderr("wc: secret: Permission denied\n");
}

#[test]
fn names_in_output_lines_are_quoted_only_when_they_hold_a_newline() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    std::fs::write(dir.join(os(b"\xff")), "a\n").unwrap();
    let mut c = std_as("wc");
    c.args(["a b", "it's", "a:b", "x\ny"]).arg(os(b"\xff")).current_dir(&dir);
    c.output().unwrap().assert().code(0).stdout(
        &b" 1  1  2 a b\n 1  1  2 it's\n 1  1  2 a:b\n 1  2  3 'x'$'\\n''y'\n 1  1  2 \xff\n 5  6 11 total\n"[..],
    );
    wc_in(&dir).args(["-c", "x\ny"]).assert().stdout("3 'x'$'\\n''y'\n");
    // Every style of GNU's quoting, on names with a newline, in output lines and messages.
    let odd: &[&[u8]] = &[b"it's\n", b"a\nb\xff", b"\n", b"'\n'", b"a\tb\n", b"\x01\n", b"~\n", b"a\\\n", b"$x\n"];
    let mut list = Vec::new();
    for name in odd {
        std::fs::write(dir.join(os(name)), "z\n").unwrap();
        list.extend_from_slice(name);
        list.push(0);
    }
    std::fs::create_dir(dir.join("dir\n")).unwrap();
    list.push(0);
    std::fs::write(dir.join("lis:t\n"), &list).unwrap();
    let mut a: Vec<OsString> = odd.iter().map(|n| os(n)).collect();
    same_as_gnu(&dir, &a, b"", &[]);
    a.extend([os(b"missing\n"), os(b"dir\n")]);
    same_as_gnu(&dir, &a, b"", &[]);
    same_as_gnu(&dir, &[os(b"--files0-from=lis:t\n")], b"", &[]);
    same_as_gnu(&dir, &[os(b"-c"), os(b"--files0-from=lis:t\n")], b"", &[]);
}

#[test]
fn names_in_messages_are_quoted_as_gnu_quotes_them() {
    if !has(&["wc"]) {
        return;
    }
    let dir = tempdir("wc-quote");
    let cases: &[(&[u8], &str)] = &[
        (b"a b", "'a b'"),
        (b"it's", "\"it's\""),
        (b"a:b", "'a:b'"),
        (b"a\nb", "'a'$'\\n''b'"),
        (b"\xff", "''$'\\377'"),
        (b"~x", "'~x'"),
        (b"plain", "plain"),
    ];
    for (name, shown) in cases {
        let mut c = std_as("wc");
        c.arg(os(name)).current_dir(&dir);
        c.output().unwrap().assert().code(1).stdout("").stderr(format!("wc: {shown}: No such file or directory\n"));
    }
    let mut args: Vec<OsString> = cases.iter().map(|(n, _)| os(n)).collect();
    same_as_gnu(&dir, &args, b"", &[]);
    args.insert(0, "--files0-from=x".into());
    same_as_gnu(&dir, &args, b"", &[]);
}

#[test]
fn max_line_length_counts_display_columns() {
    if !has(&["wc"]) {
        return;
    }
    let cases: &[(&[u8], u64)] = &[
        (b"", 0),
        (b"abc", 3),
        (b"abc\n", 3),
        (b"\tx", 9),
        (b"x\t", 8),
        (b"1234567\t", 8),
        (b"12345678\t", 16),
        (b"a\tb\t", 16),
        (b"a b", 3),
        (b"abcdef\rxy", 6),
        (b"ab\rabcdefg", 7),
        (b"abc\x0cde", 3),
        (b"ab\x0cabcde", 5),
        (b"a\x0bb", 2),
        (b"a\x01b", 2),
        (b"\x00\x1b\x7f", 0),
        (b"\x80\xa0\xff", 0),
        (b"\xc3\xa9", 0),
        (b"abc\r\n", 3),
        (b"\r\tx", 9),
        (b"x\r\tx", 9),
        (b"ab\n\tabc", 11),
        (b"\x01\t", 8),
        (b"\x80\tx", 9),
        (b"short\nmuch longer line\nmid\n", 16),
    ];
    for (input, want) in cases {
        assert_eq!(model(input)[4], *want, "the model on {:?}", String::from_utf8_lossy(input));
        run_as("wc").arg("-L").write_stdin(*input).assert().code(0).stdout(format!("{want}\n")).stderr("");
    }
    let dir = fixtures();
    wc_in(&dir).args(["-L", "long"]).assert().stdout("300000 long\n");
    wc_in(&dir).args(["-L", "tabs", "crlf"]).assert().stdout("24 tabs\n 1 crlf\n24 total\n");
    // A line longer than any read buffer, made of words and tabs.
    let mut long = "ab ".repeat(50_000).into_bytes();
    long.extend_from_slice(b"\t\tx\n");
    run_as("wc").arg("-L").write_stdin(long).assert().stdout("150017\n");
}

#[test]
fn words_are_runs_of_printable_bytes_between_white_space() {
    if !has(&["wc"]) {
        return;
    }
    let cases: &[(&[u8], u64)] = &[
        (b"", 0),
        (b"a", 1),
        (b"a b", 2),
        (b"  a  ", 1),
        (b"a\tb\nc\rd\x0be\x0cf", 6),
        (b"a\x01b", 1),
        (b"\x01", 0),
        (b"\x01 \x02", 0),
        (b"a\x00b", 1),
        (b"a\x80b", 1),
        (b"\x80\xff", 0),
        (b"a\xa0b", 1),
        (b"\xc2\xa0", 0),
        (b"a \x80 b", 2),
        (b"\x7f", 0),
        (b"!~", 1),
        (b"one two\n three\n", 3),
    ];
    for (input, want) in cases {
        assert_eq!(model(input)[1], *want, "the model on {:?}", String::from_utf8_lossy(input));
        run_as("wc").arg("-w").write_stdin(*input).assert().code(0).stdout(format!("{want}\n")).stderr("");
    }
    // A word across read-buffer boundaries counts once.
    let mut w = vec![b'w'; 100_000];
    w.extend_from_slice(b" x");
    run_as("wc").arg("-w").write_stdin(w).assert().stdout("2\n");
    // POSIXLY_CORRECT changes nothing in the C locale.
    run_as("wc").arg("-w").env("POSIXLY_CORRECT", "1").write_stdin(&b"a\xa0b c"[..]).assert().stdout("2\n");
}

#[test]
fn every_byte_alone_and_between_letters_counts_as_gnu_counts_it() {
    if !has(&["wc"]) {
        return;
    }
    let dir = tempdir("wc-bytes");
    let mut names = Vec::new();
    let mut inputs = Vec::new();
    for b in 0..=255u8 {
        for (kind, data) in [
            ("alone", vec![b]),
            ("mid", vec![b'a', b, b'b']),
            ("tab", [&b"ab\t"[..], &[b, b, b], b"\tx"].concat()),
            ("end", [&b"abc "[..], &[b]].concat()),
        ] {
            let name = format!("{kind}-{b:03}");
            std::fs::write(dir.join(&name), &data).unwrap();
            names.push(name);
            inputs.push(data);
        }
    }
    let size: u64 = inputs.iter().map(|d| d.len() as u64).sum();
    let width = digits(size);
    let selections: &[(&str, &[usize])] =
        &[("-lwmcL", &[0, 1, 2, 3, 4]), ("-w", &[1]), ("-L", &[4]), ("-wL", &[1, 4]), ("-l", &[0]), ("-lc", &[0, 3])];
    for (opt, picked) in selections {
        let mut want = String::new();
        let mut total = [0u64; 5];
        for (name, data) in names.iter().zip(&inputs) {
            let c = model(data);
            for i in 0..4 {
                total[i] += c[i];
            }
            total[4] = total[4].max(c[4]);
            want += &line(width, &picked.iter().map(|&i| c[i]).collect::<Vec<_>>(), Some(name));
        }
        want += &line(width, &picked.iter().map(|&i| total[i]).collect::<Vec<_>>(), Some("total"));
        let mut a: Vec<OsString> = vec![opt.into()];
        a.extend(names.iter().map(OsString::from));
        let got = outcome(bin(), "wc", &a, b"", &[], &dir);
        if got.stdout != want.as_bytes() {
            for (g, w) in String::from_utf8_lossy(&got.stdout).lines().zip(want.lines()) {
                assert_eq!(g, w, "wc {opt}: first differing line");
            }
        }
        assert_eq!((got.status, got.stderr.as_slice(), got.stdout.as_slice()), (Some(0), &b""[..], want.as_bytes()));
        same_as_gnu(&dir, &a, b"", &[]);
    }
    // Each byte alone on a pipe, with all counts.
    for b in 0..=255u8 {
        let c = model(&[b]);
        run_as("wc").arg("-lwcL").write_stdin(vec![b]).assert().code(0).stdout(line(
            7,
            &[c[0], c[1], c[3], c[4]],
            None,
        ));
    }
}

#[test]
fn bytes_only_of_a_regular_file_is_its_size_and_reads_nothing() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    let m = dir.join("m");
    let m = m.to_str().unwrap();
    if let Some(calls) = syscalls("wc", &["-c", m]) {
        assert!(!calls.iter().any(|c| c.contains("read")), "wc -c FILE reads: {calls:?}");
    }
    if let Some(calls) = syscalls("wc", &["--bytes", m, m]) {
        assert!(!calls.iter().any(|c| c.contains("read")), "wc --bytes FILE FILE reads: {calls:?}");
    }
    if let Some(calls) = syscalls("wc", &["-l", m]) {
        assert!(calls.iter().any(|c| c == "read"), "wc -l FILE must read: {calls:?}");
    }
    wc_in(&dir).args(["-c", "m", "a"]).assert().code(0).stdout("123456 m\n     8 a\n123464 total\n");
    wc_in(&dir).args(["-m", "m"]).assert().code(0).stdout("123456 m\n");
    same_as_gnu(&dir, &args(&["-c", "m", "a", "/proc/version", "empty", "d"]), b"", &[]);
}

/// Runs `line` through bash in `dir`, once with `W` the box run as wc and
/// once with GNU's; the two outcomes must be equal, and femtobox's is returned.
fn both(dir: &Path, line: &str) -> Outcome {
    let ours = bash(&format!("cd {} && W() {{ (exec -a wc \"$B\" \"$@\"); }}; {line}", dir.display()));
    if let Some(gnu) = gnu("wc") {
        let theirs = bash(&format!("cd {} && W() {{ (exec -a wc {gnu} \"$@\"); }}; {line}", dir.display()));
        assert_eq!(ours, theirs, "{line}\nfemtobox: {}\nGNU:      {}", ours.show(), theirs.show());
    }
    ours
}

#[test]
fn bytes_only_of_a_seekable_stdin_counts_from_its_offset_and_leaves_it_as_gnu_does() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    std::fs::write(dir.join("s1000"), "z".repeat(999) + "\n").unwrap();
    let cases: &[(&str, &str)] = &[
        // GNU takes the size minus the offset and does not move it: cat sees the rest.
        ("{ head -c 5 >/dev/null; W -c; cat | W -c; } < s1000", "995\n995\n"),
        ("{ head -c 5 >/dev/null; W -c -; W -c; } < s1000", "995 -\n995\n"),
        ("{ head -c 5 >/dev/null; W -c - -; } < s1000", " 995 -\n 995 -\n1990 total\n"),
        ("{ head -c 5 >/dev/null; W --bytes; } < m", "123451\n"),
        // Reading counts move it to the end.
        ("{ head -c 5 >/dev/null; W -l; cat | W -c; } < s1000", "1\n0\n"),
        ("{ head -c 5 >/dev/null; W; } < s1000", "   1    1  995\n"),
        // An offset past the end counts 0.
        ("{ dd bs=1 skip=2000 count=0 2>/dev/null; W -c; } < s1000", "0\n"),
        ("{ dd bs=1 skip=2000 count=0 2>/dev/null; W -cl; } < s1000", "   0    0\n"),
        // At the end exactly.
        ("{ cat >/dev/null; W -c; } < s1000", "0\n"),
    ];
    for (line, want) in cases {
        let out = both(&dir, line);
        assert_eq!(
            (
                out.status,
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned()
            ),
            (Some(0), want.to_string(), String::new()),
            "{line}"
        );
    }
}

#[test]
fn bytes_only_of_a_page_sized_stdin_from_mid_file_follows_gnus_seek_from_the_current_offset() {
    if !has(&["wc"]) {
        return;
    }
    // GNU 9.1 seeks a file whose size is a multiple of the page size to one
    // st_blksize before the end (for /proc-like files), but with SEEK_CUR:
    // from offset 5 of an 8192-byte stdin it counts 4092 up to the seek, then
    // reads the 4090 bytes after 4102, and says 8182. Byte for byte means that.
    let dir = fixtures();
    std::fs::write(dir.join("p8192"), "p".repeat(8191) + "\n").unwrap();
    std::fs::write(dir.join("p4096"), "p".repeat(4095) + "\n").unwrap();
    let cases: &[(&str, &str)] = &[
        ("{ head -c 5 >/dev/null; W -c; cat | W -c; } < p8192", "8182\n0\n"),
        ("{ head -c 5000 >/dev/null; W -c; } < p8192", "3192\n"),
        ("{ head -c 5 >/dev/null; W -c; } < p4096", "4091\n"),
        ("W -c < p8192; W -c p8192 p4096", "8192\n 8192 p8192\n 4096 p4096\n12288 total\n"),
    ];
    for (line, want) in cases {
        let out = both(&dir, line);
        assert_eq!(String::from_utf8_lossy(&out.stdout), *want, "{line}");
        assert_eq!((out.status, out.stderr), (Some(0), vec![]), "{line}");
    }
}

#[test]
fn a_directory_on_stdin_is_a_read_error_named_standard_input() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    let cases: &[(&str, &str, &str)] = &[
        ("W < d", "      0       0       0\n", "wc: 'standard input': Is a directory\n"),
        ("W -c < d", "0\n", "wc: 'standard input': Is a directory\n"),
        ("W -c - < d", "0 -\n", "wc: -: Is a directory\n"),
        ("W -L a - < d", "      3 a\n      0 -\n      3 total\n", "wc: -: Is a directory\n"),
    ];
    for (line, out, err) in cases {
        let got = both(&dir, line);
        assert_eq!(
            (
                got.status,
                String::from_utf8_lossy(&got.stdout).into_owned(),
                String::from_utf8_lossy(&got.stderr).into_owned()
            ),
            (Some(1), out.to_string(), err.to_string()),
            "{line}"
        );
    }
}

#[test]
fn proc_files_that_say_size_zero_are_read() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    let version = std::fs::read("/proc/version").unwrap();
    let v = model(&version);
    wc_in(&dir).args(["-c", "/proc/version"]).assert().code(0).stdout(format!("{} /proc/version\n", v[3]));
    wc_in(&dir).args(["-L", "/proc/version"]).assert().code(0).stdout(format!("{} /proc/version\n", v[4]));
    let mut c = std_as("wc");
    c.arg("-c").stdin(std::fs::File::open("/proc/version").unwrap());
    c.output().unwrap().assert().code(0).stdout(format!("{}\n", v[3]));
    same_as_gnu(&dir, &args(&["-c", "/proc/version", "/proc/version"]), b"", &[]);
    same_as_gnu(&dir, &args(&["-lwmcL", "/proc/version", "a"]), b"", &[]);
}

#[test]
fn a_fifo_operand_is_read_and_widens_the_columns() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    let cases =
        [("", "      1       1       3 f\n"), ("-c", "3 f\n"), ("-c a", "      8 a\n      3 f\n     11 total\n")];
    for (opts, want) in cases {
        let out = both(&dir, &format!("rm -f f; mkfifo f; (printf 'ab\\n' > f &); W {opts} f"));
        assert_eq!(
            (out.status, String::from_utf8_lossy(&out.stdout).into_owned()),
            (Some(0), want.to_string()),
            "{opts}"
        );
    }
}

#[test]
fn files0_from_reads_nul_separated_names_from_a_file() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    for spelling in [&["--files0-from=list0"][..], &["--files0-from", "list0"], &["--files0=list0"], &["--f", "list0"]]
    {
        wc_in(&dir).args(spelling).assert().code(0).stdout("2 2 8 a\n0 1 1 b\n2 3 9 total\n").stderr("");
    }
    // One name: no total; one count of one name: no padding.
    wc_in(&dir).arg("--files0-from=list-one").assert().code(0).stdout(" 61728  61728 123456 m\n");
    wc_in(&dir).args(["-l", "--files0-from=list-one"]).assert().code(0).stdout("61728 m\n");
    // No names: nothing, not even stdin.
    wc_in(&dir).arg("--files0-from=list-none").write_stdin("x\n").assert().code(0).stdout("").stderr("");
    // The names are stat for the width (a directory makes it 7).
    wc_in(&dir)
        .arg("--files0-from=list-m")
        .assert()
        .code(1)
        .stdout("      2       2       8 a\n      0       0       0 d\n      2       2       8 total\n")
        .stderr("wc: missing: No such file or directory\nwc: d: Is a directory\n");
    // A last name without its NUL still counts; an empty one is an error with its number.
    wc_in(&dir)
        .arg("--files0-from=list-e")
        .assert()
        .code(1)
        .stdout("2 2 8 a\n0 1 1 b\n2 3 9 total\n")
        .stderr("wc: list-e:2: invalid zero-length file name\n");
    // A newline is part of a name, and such a name is quoted.
    wc_in(&dir)
        .arg("--files0-from=list-nl")
        .assert()
        .code(1)
        .stdout("")
        .stderr("wc: 'a'$'\\n''b': No such file or directory\n");
    wc_in(&dir).arg("--files0-from=list-q").assert().code(0).stdout("1 2 3 'x'$'\\n''y'\n1 1 2 a b\n2 3 5 total\n");
    // The last --files0-from wins.
    wc_in(&dir).args(["--files0-from=list0", "--files0-from=list-one", "-c"]).assert().code(0).stdout("123456 m\n");
    // `-` in a list from a file is stdin.
    std::fs::write(dir.join("list-dash"), "a\0-\0").unwrap();
    wc_in(&dir)
        .arg("--files0-from=list-dash")
        .write_stdin("in\n")
        .assert()
        .code(0)
        .stdout("      2       2       8 a\n      1       1       3 -\n      3       3      11 total\n");
}

#[test]
fn files0_from_stdin_reads_names_as_a_stream_with_width_one() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    wc_in(&dir)
        .arg("--files0-from=-")
        .write_stdin(&b"a\0b\0"[..])
        .assert()
        .code(0)
        .stdout("2 2 8 a\n0 1 1 b\n2 3 9 total\n");
    // A stream is not stat ahead: a directory does not widen anything.
    wc_in(&dir)
        .arg("--files0-from=-")
        .write_stdin(&b"m\0d\0"[..])
        .assert()
        .code(1)
        .stdout("61728 61728 123456 m\n0 0 0 d\n61728 61728 123456 total\n")
        .stderr("wc: d: Is a directory\n");
    wc_in(&dir).arg("--files0-from=-").write_stdin("").assert().code(0).stdout("").stderr("");
    wc_in(&dir).args(["-l", "--files0-from=-"]).write_stdin("a").assert().code(0).stdout("2 a\n");
    // `-` cannot be a name there, nor can an empty one.
    wc_in(&dir)
        .arg("--files0-from=-")
        .write_stdin(&b"a\0-\0\0b"[..])
        .assert()
        .code(1)
        .stdout("2 2 8 a\n0 1 1 b\n2 3 9 total\n")
        .stderr("wc: when reading file names from stdin, no file name of '-' allowed\nwc: -:3: invalid zero-length file name\n");
    // A regular stdin is read whole first and its names are stat.
    let mut c = std_as("wc");
    c.args(["--files0-from=-"]).current_dir(&dir).stdin(std::fs::File::open(dir.join("list-m")).unwrap());
    c.output()
        .unwrap()
        .assert()
        .code(1)
        .stdout("      2       2       8 a\n      0       0       0 d\n      2       2       8 total\n")
        .stderr("wc: missing: No such file or directory\nwc: d: Is a directory\n");
}

#[test]
fn files0_from_a_list_over_ten_mib_is_read_as_a_stream_with_width_one() {
    if !has(&["wc"]) {
        return;
    }
    // GNU reads a regular list into memory (and stats its names for the
    // width) only up to 10 MiB; a bigger one is read a name at a time.
    let dir = fixtures();
    let name = "./".repeat(2000) + "a";
    let big: Vec<u8> = (0..2700).flat_map(|_| name.bytes().chain([0])).collect();
    assert!(big.len() > 10 << 20);
    std::fs::write(dir.join("list-big"), &big).unwrap();
    std::fs::write(dir.join("list-small"), &big[..100 * (name.len() + 1)]).unwrap();
    let out = run_as("wc").arg("--files0-from=list-big").current_dir(&dir).output().unwrap();
    let want = format!("2 2 8 {name}\n").repeat(2700) + "5400 5400 21600 total\n";
    assert!(
        out.stdout == want.as_bytes(),
        "the first line: {:?}",
        String::from_utf8_lossy(&out.stdout[..40.min(out.stdout.len())])
    );
    assert_eq!((out.status.code(), out.stderr), (Some(0), vec![]));
    let want = format!("  2   2   8 {name}\n").repeat(100) + "200 200 800 total\n";
    wc_in(&dir).arg("--files0-from=list-small").assert().code(0).stdout(want).stderr("");
    same_as_gnu(&dir, &args(&["-c", "--files0-from=list-big"]), b"", &[]);
}

#[test]
fn files0_from_errors_are_gnus() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    let extra = "file operands cannot be combined with --files0-from\n";
    wc_in(&dir)
        .args(["--files0-from=list0", "x"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("wc: extra operand 'x'\n{extra}{TRY}"));
    wc_in(&dir)
        .args(["a", "--files0-from=list0", "b"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("wc: extra operand 'a'\n{extra}{TRY}"));
    wc_in(&dir)
        .args(["--files0-from=-", "-"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("wc: extra operand '-'\n{extra}{TRY}"));
    wc_in(&dir)
        .args(["--files0-from=nope", "it's"])
        .assert()
        .code(1)
        .stderr(format!("wc: extra operand \"it's\"\n{extra}{TRY}"));
    wc_in(&dir)
        .arg("--files0-from=nope")
        .assert()
        .code(1)
        .stdout("")
        .stderr("wc: cannot open 'nope' for reading: No such file or directory\n");
    wc_in(&dir)
        .arg("--files0-from=")
        .assert()
        .code(1)
        .stdout("")
        .stderr("wc: cannot open '' for reading: No such file or directory\n");
    wc_in(&dir)
        .arg("--files0-from=no list")
        .assert()
        .code(1)
        .stderr("wc: cannot open 'no list' for reading: No such file or directory\n")
        .stdout("");
    wc_in(&dir).arg("--files0-from=d").assert().code(1).stdout("").stderr("wc: d: read error: Is a directory\n");
    wc_in(&dir)
        .arg("--files0-from")
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("wc: option '--files0-from' requires an argument\n{TRY}"));
    for a in [
        &["--files0-from=list0", "x"][..],
        &["--files0-from=nope"],
        &["--files0-from=d"],
        &["--files0-from=list-e", "-l"],
        &["--files0-from=x\ny"],
        &["--files0-from=a:b"],
    ] {
        same_as_gnu(&dir, &args(a), b"", &[]);
    }
}

#[test]
fn bad_options_are_reported_as_getopt_reports_them() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    let cases: &[(&[&str], &str)] = &[
        (&["-x", "a"], "wc: invalid option -- 'x'\n"),
        (&["-lx"], "wc: invalid option -- 'x'\n"),
        (&["a", "--bogus"], "wc: unrecognized option '--bogus'\n"),
        (&["--total"], "wc: unrecognized option '--total'\n"),
        (&["--total=never"], "wc: unrecognized option '--total=never'\n"),
        (&["--lines=1"], "wc: option '--lines' doesn't allow an argument\n"),
        (&["--by=1"], "wc: option '--bytes' doesn't allow an argument\n"),
        (&["--max-line-length=2"], "wc: option '--max-line-length' doesn't allow an argument\n"),
        (&["--help=1"], "wc: option '--help' doesn't allow an argument\n"),
        (&["--version=1"], "wc: option '--version' doesn't allow an argument\n"),
        (&["--files0-from"], "wc: option '--files0-from' requires an argument\n"),
        (&["--linesx"], "wc: unrecognized option '--linesx'\n"),
        (&["-"], ""),
    ];
    for (a, msg) in cases {
        if msg.is_empty() {
            continue;
        }
        wc_in(&dir).args(*a).write_stdin("never read\n").assert().code(1).stdout("").stderr(format!("{msg}{TRY}"));
        same_as_gnu(&dir, &args(a), b"never read\n", &[]);
    }
    run_as("/bin/wc")
        .arg("-x")
        .assert()
        .code(1)
        .stderr("/bin/wc: invalid option -- 'x'\nTry '/bin/wc --help' for more information.\n");
    run_as("/bin/wc").arg("missing").assert().code(1).stderr("/bin/wc: missing: No such file or directory\n");
}

#[test]
fn options_are_permuted_unless_posixly_correct_is_set() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    wc_in(&dir).args(["a", "-l", "b"]).assert().code(0).stdout("2 a\n0 b\n2 total\n");
    wc_in(&dir).args(["--", "-l"]).assert().code(1).stdout("").stderr("wc: -l: No such file or directory\n");
    wc_in(&dir)
        .env("POSIXLY_CORRECT", "1")
        .args(["a", "-l"])
        .assert()
        .code(1)
        .stdout("2 2 8 a\n2 2 8 total\n")
        .stderr("wc: -l: No such file or directory\n");
}

#[test]
fn help_and_version() {
    if !has(&["wc"]) {
        return;
    }
    let version = format!("wc (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for a in [&["--version"][..], &["--v"], &["--vers"], &["-l", "--version", "missing"], &["--version", "--help"]] {
        run_as("wc").args(a).assert().code(0).stdout(version.clone()).stderr("");
    }
    for a in [&["--help"][..], &["--h"], &["--he"], &["missing", "--help"], &["--help", "--version"], &["--help", "-x"]]
    {
        let out = run_as("wc").args(a).write_stdin("never read\n").output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "wc {a:?}");
        assert!(text.starts_with("Usage: wc") && text.ends_with('\n'), "wc {a:?}: {text:?}");
        assert_eq!(out.stderr, b"", "wc {a:?}");
    }
}

#[test]
fn write_errors_are_reported_as_gnu_reports_them() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    // /dev/full: GNU's close_stdout says only `write error`; wc goes on reading.
    for a in [&["a"][..], &["a", "missing", "b"], &["-c", "m"], &["--files0-from=list0"]] {
        let mut c = std_as("wc");
        c.args(a).current_dir(&dir).stdout(dev_full());
        let want = if a.contains(&"missing") {
            "wc: missing: No such file or directory\nwc: write error\n"
        } else {
            "wc: write error\n"
        };
        c.output().unwrap().assert().code(1).stderr(want);
    }
    let mut c = std_as("wc");
    c.arg("-").stdin(std::process::Stdio::null()).stdout(dev_full());
    c.output().unwrap().assert().code(1).stderr("wc: write error\n");
    // A closed stdout: the reason is known.
    let out = bash(&format!("cd {} && exec -a wc \"$B\" a missing >&-", dir.display()));
    assert_eq!(out.status, Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "wc: missing: No such file or directory\nwc: write error: Bad file descriptor\n"
    );
    // Nothing to write, nothing wrong.
    let out = bash(&format!("cd {} && exec -a wc \"$B\" --files0-from=list-none >&-", dir.display()));
    assert_eq!((out.status, out.stderr), (Some(0), vec![]));
}

#[test]
fn help_and_version_that_cannot_be_written_are_write_errors_as_gnus_are() {
    if !has(&["wc"]) {
        return;
    }
    // GNU's stdout is line-buffered from the start, so the failed write is
    // seen before the close: `write error` without a reason on /dev/full;
    // the close of a closed stdout fails too, and that gives the reason.
    for opt in ["--help", "--version"] {
        let mut c = std_as("wc");
        c.arg(opt).stdout(dev_full());
        c.output().unwrap().assert().code(1).stderr("wc: write error\n");
        let out = bash(&format!("exec -a wc \"$B\" {opt} >&-"));
        assert_eq!(
            (out.status, String::from_utf8_lossy(&out.stderr).into_owned()),
            (Some(1), "wc: write error: Bad file descriptor\n".into()),
            "{opt}"
        );
    }
}

#[test]
fn a_closed_pipe_kills_by_default_and_is_a_write_error_when_ignored() {
    if !has(&["wc"]) {
        return;
    }
    let dir = fixtures();
    // The pipe's reader is closed before wc starts, so every write fails.
    let run = |line: &str| {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(line)
            .current_dir(&dir)
            .env_clear()
            .env("LC_ALL", "C")
            .env("B", bin())
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        use std::os::unix::process::ExitStatusExt;
        (out.status.code(), out.status.signal(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    for opts in ["a", "-c m", "a missing b"] {
        // std's Command gives the child SIGPIPE at its default.
        assert_eq!(run(&format!("exec -a wc \"$B\" {opts}")), (None, Some(13), String::new()), "{opts}");
        let want = if opts.contains("missing") {
            "wc: missing: No such file or directory\nwc: write error\n"
        } else {
            "wc: write error\n"
        };
        assert_eq!(run(&format!("trap '' PIPE; exec -a wc \"$B\" {opts}")), (Some(1), None, want.into()), "{opts}");
    }
}

#[test]
fn big_input_counts_right() {
    if !has(&["wc"]) {
        return;
    }
    // 64 MiB of words, blanks, tabs, CRs, controls and high bytes, with
    // lines up to 200 000 columns, so counts cross every read boundary.
    let mut rng = Rng(0x00c0_ffee_0077);
    let pieces: &[&[u8]] = &[
        b"word",
        b" ",
        b"  ",
        b"\n",
        b"\t",
        b"\r\n",
        b"\x01",
        b"\xff\x80",
        b"x",
        b"longerword-with.punct!",
        b"\x0b",
        b"\x0c",
        b"\0",
    ];
    let mut data: Vec<u8> = Vec::with_capacity(64 << 20);
    while data.len() < 64 << 20 {
        if rng.chance(1) {
            let n = rng.below(200_000);
            data.extend(std::iter::repeat(b'L').take(n));
        }
        for _ in 0..1000 {
            let piece: &&[u8] = rng.pick(pieces);
            data.extend_from_slice(piece);
        }
    }
    data.truncate(64 << 20);
    let c = model(&data);
    assert!(c[4] > 65_536, "a line longer than 64 KiB: {c:?}");
    let dir = tempdir("wc-big");
    let file = dir.join("big");
    std::fs::write(&file, &data).unwrap();
    let slow = |cmd: &mut assert_cmd::Command| {
        cmd.timeout(std::time::Duration::from_secs(60));
    };
    for (opt, idx) in [("-l", 0), ("-w", 1), ("-c", 3), ("-m", 2), ("-L", 4)] {
        let mut cmd = run_as("wc");
        slow(&mut cmd);
        cmd.arg(opt).arg(&file).assert().code(0).stdout(format!("{} {}\n", c[idx], file.display()));
    }
    let width = digits(data.len() as u64);
    let all = line(width, &[c[0], c[1], c[3], c[4]], Some("big"));
    let mut cmd = wc_in(&dir);
    slow(&mut cmd);
    cmd.args(["-lwcL", "big"]).assert().code(0).stdout(all);
    let mut cmd = run_as("wc");
    slow(&mut cmd);
    cmd.write_stdin(data.clone()).assert().code(0).stdout(line(7, &[c[0], c[1], c[3]], None));
    let mut cmd = run_as("wc");
    slow(&mut cmd);
    cmd.arg("-L").write_stdin(data).assert().code(0).stdout(format!("{}\n", c[4]));
    same_as_gnu(&dir, &args(&["-lwmcL", "big", "big"]), b"", &[]);
}

#[test]
fn wc_matches_gnu_on_a_random_corpus() {
    if !has(&["wc"]) {
        return;
    }
    let Some(gnu) = gnu("wc") else { return };
    let dir = fixtures();
    std::fs::write(dir.join("huge-line"), "h".repeat(70_000) + "\t" + &"w ".repeat(40_000)).unwrap();
    std::fs::write(dir.join("list-stdin"), "a\0-\0b\0").unwrap();
    std::fs::write(dir.join("list-mix"), "crlf\0\0nul\0d\0missing\0high\0x\ny\0/proc/version\0").unwrap();
    let opts: &[&str] = &[
        "-c",
        "-m",
        "-l",
        "-w",
        "-L",
        "-lc",
        "-Lw",
        "-cmlwL",
        "-wl",
        "-mL",
        "--bytes",
        "--chars",
        "--lines",
        "--words",
        "--max-line-length",
        "--by",
        "--ch",
        "--li",
        "--wo",
        "--max",
        "--files0-from=list0",
        "--files0-from=list-m",
        "--files0-from=list-e",
        "--files0-from=list-mix",
        "--files0-from=list-stdin",
        "--files0-from=list-q",
        "--files0-from=-",
        "--files0-from=nope",
        "--files0-from=d",
        "-x",
        "--bogus",
        "--total",
        "--lines=2",
        "--",
    ];
    let files: &[&[u8]] = &[
        b"a",
        b"b",
        b"empty",
        b"crlf",
        b"nul",
        b"high",
        b"nofinal",
        b"tabs",
        b"words",
        b"cr",
        b"long",
        b"huge-line",
        b"m",
        b"a b",
        b"it's",
        b"a:b",
        b"x\ny",
        b"total",
        b"d",
        b"missing",
        b"",
        b"-",
        b"/proc/version",
        b"/dev/null",
        b"a/x",
        b"\xff",
    ];
    std::fs::write(dir.join(os(b"\xff")), b"\xff\xfe word\n").unwrap();
    let stdins: &[&[u8]] = &[
        b"",
        b"in\n",
        b"a\0b\0",
        b"a\0-\0\0crlf\0missing\0",
        b"one two\tthree\r\n\x0c\x0b\xff\x01x",
        b"\n\n\n",
        b"no newline at all",
    ];
    let mut rng = Rng(0x0077_c0de);
    let (mut runs, mut counted) = (0, 0);
    for case in 0..400 {
        let mut a: Vec<OsString> = Vec::new();
        for _ in 0..rng.below(6) {
            a.push(if rng.chance(35) { OsString::from(rng.pick(opts)) } else { os(*rng.pick::<&[u8]>(files)) });
        }
        // Every seventh stdin is long enough to cross a read buffer.
        let long_stdin = [&b"x y\t"[..]].repeat(20_000).concat();
        let stdin: &[u8] = if case % 7 == 3 { &long_stdin } else { *rng.pick::<&[u8]>(stdins) };
        let env: &[(&str, &str)] = if case % 6 == 0 { &[("POSIXLY_CORRECT", "1")] } else { &[] };
        let want = outcome(Path::new(&gnu), "wc", &a, stdin, env, &dir);
        let got = outcome(bin(), "wc", &a, stdin, env, &dir);
        runs += 1;
        counted += !want.stdout.is_empty() as usize;
        assert_eq!(got, want, "wc {a:?} {env:?}\nfemtobox: {}\nGNU:      {}", got.show(), want.show());
    }
    eprintln!("wc: {runs} argument vectors compared with GNU, {counted} of them printing counts");
    assert!(counted > runs / 2, "the corpus should mostly count: {counted} of {runs}");
}
