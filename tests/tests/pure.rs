//! The pure logic alone, against its independent models (`src/checks.rs`):
//! random inputs, the saved fuzz corpus, and known hard cases. No process
//! is spawned, so this file also runs under Miri (`make miri`).

use femtobox_tests::checks::{check_getopt, check_quote, check_render, check_unescape};
use femtobox_tests::checks::Buf;
use std::path::Path;

/// xorshift64*, reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Bytes drawn from `alphabet`, up to `max` of them.
    fn bytes(&mut self, alphabet: &[u8], max: usize) -> Vec<u8> {
        let n = (self.next() % (max as u64 + 1)) as usize;
        (0..n).map(|_| alphabet[(self.next() % alphabet.len() as u64) as usize]).collect()
    }
}

const ROUNDS: usize = if cfg!(miri) { 40 } else { 20_000 };

fn all_bytes() -> Vec<u8> {
    (0..=255).collect()
}

#[test]
fn escapes_match_the_model_on_random_input() {
    let mut rng = Rng(1);
    for _ in 0..ROUNDS {
        check_unescape(&rng.bytes(b"\\\\\\0123456789abcefnrtvxzAFgc- \xff", 12));
    }
}

#[test]
fn rendering_matches_the_model_however_the_input_is_chunked() {
    let mut rng = Rng(2);
    for _ in 0..ROUNDS {
        let mut data = vec![rng.next() as u8, rng.next() as u8];
        data.extend(rng.bytes(b"ab\n\n\n\r\r\t\x00\x01\x7f\x80\x89\x9f\xa0\xff ", 40));
        check_render(&data);
    }
}

#[test]
fn quoting_matches_the_model_on_random_names() {
    let mut rng = Rng(3);
    let bytes = all_bytes();
    for _ in 0..ROUNDS {
        check_quote(&rng.bytes(b"a'\"#~{}:@ \n\t$\\\x01\x7f\xff%", 6));
        check_quote(&rng.bytes(&bytes, 4));
    }
}

#[test]
fn quoting_matches_the_model_for_every_short_name_over_awkward_bytes() {
    // Every name of up to 5 bytes (2 under Miri) over the bytes that
    // exercise every quoting form; tests/cat.rs checks the model against
    // GNU cat.
    const ALPHABET: &[u8] = b"a '\"\\$~#\x01\n\x7f\x80\x9b\xff";
    let max = if cfg!(miri) { 2 } else { 5 };
    let mut names: Vec<Vec<u8>> = vec![vec![]];
    let mut n = 0;
    for _ in 0..max {
        names = names.iter().flat_map(|s| ALPHABET.iter().map(move |&c| [s.as_slice(), &[c]].concat())).collect();
        for name in &names {
            check_quote(name);
            n += 1;
        }
    }
    eprintln!("{n} names quoted as the model quotes them");
}

#[test]
fn option_parsing_matches_the_model_on_random_argv() {
    let mut rng = Rng(4);
    for _ in 0..ROUNDS {
        let mut data = vec![rng.next() as u8];
        data.extend(rng.bytes(b"--\0\0nbsvETAxuhe=um-r", 24));
        check_getopt(&data);
    }
    // Whole words, so long names and their prefixes come up often, for all
    // three tables (cat's, yes's, and the one with arguments).
    const WORDS: &[&[u8]] = &[
        b"-a",
        b"-b",
        b"-c",
        b"-n",
        b"-ab",
        b"-bx",
        b"-cx",
        b"-cb",
        b"-x",
        b"-",
        b"--",
        b"-n5",
        b"-an",
        b"--alpha",
        b"--al",
        b"--a",
        b"--b",
        b"--bravo",
        b"--brav",
        b"--bravi",
        b"--bravo=v",
        b"--br=",
        b"--charlie",
        b"--charlie=v",
        b"--c",
        b"--ch",
        b"--co",
        b"--color=r",
        b"--color",
        b"--output-error",
        b"--output-error=x",
        b"--o",
        b"--help",
        b"--help=x",
        b"--h",
        b"--version",
        b"--v",
        b"--number",
        b"--num",
        b"--numb=5",
        b"--xyz",
        b"--=x",
        b"--show-all",
        b"--show",
        b"--s",
        b"-vET",
        b"-z",
        b"file",
        b"5",
        b"",
        b"-e",
        b"--number-nonblank",
        b"--nu",
    ];
    for _ in 0..ROUNDS {
        let mut data = vec![rng.next() as u8];
        for k in 0..rng.next() % 6 {
            if k > 0 {
                data.push(0);
            }
            data.extend_from_slice(WORDS[(rng.next() % WORDS.len() as u64) as usize]);
        }
        check_getopt(&data);
    }
}

#[test]
fn the_saved_fuzz_corpus_still_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    let checks: [(&str, fn(&[u8])); 6] = [
        ("unescape", check_unescape),
        ("render", check_render),
        ("quote", check_quote),
        ("getopt", check_getopt),
        ("split", femtobox_tests::checks::check_split),
        ("mode", femtobox_tests::checks::check_mode),
    ];
    let mut n = 0;
    for (target, check) in checks {
        let Ok(dir) = std::fs::read_dir(root.join(target)) else { continue };
        for entry in dir {
            let data = std::fs::read(entry.unwrap().path()).unwrap();
            check(&data);
            n += 1;
            if cfg!(miri) && n > 20 {
                break;
            }
        }
    }
    eprintln!("{n} saved inputs replayed");
}

#[test]
fn message_templates_fill_as_gnu_words_its_messages() {
    use femtobox::texts::{self, Text};
    use femtobox_tests::checks::Buf;
    let fill = |t: Text, a: &[u8], n: u32| {
        let mut b = Buf::default();
        femtobox::msg::fill(&mut b, t, a, n);
        String::from_utf8_lossy(&b.0).into_owned()
    };
    assert_eq!(fill(texts::NAME_ERROR, b"a b", 2), "'a b': No such file or directory");
    assert_eq!(fill(texts::NAME_ERROR, b"it's", 6), "\"it's\": No such device or address");
    assert_eq!(fill(texts::NAME_ERROR, b"x", 4095), "x: Unknown error 4095");
    assert_eq!(fill(texts::NAME_ERROR, b"x", 0), "x: Unknown error 0");
    assert_eq!(fill(texts::INPUT_IS_OUTPUT, b"f", 0), "f: input file is output file");
    assert_eq!(fill(texts::WRITE_ERROR, b"", 28), "write error: No space left on device");
    assert_eq!(fill(texts::STDOUT_ERROR, b"", 32), "standard output: Broken pipe");
    assert_eq!(fill(texts::INVALID, b"x", 0), "invalid option -- 'x'");
    assert_eq!(fill(texts::NEEDS_ARGUMENT, b"n", 0), "option requires an argument -- 'n'");
    assert_eq!(fill(texts::UNRECOGNIZED, b"--bogus=1", 0), "unrecognized option '--bogus=1'");
    assert_eq!(fill(texts::AMBIGUOUS, b"--num", 0), "option '--num' is ambiguous; possibilities:");
    assert_eq!(fill(texts::POSSIBILITY, b"number", 0), " '--number'");
    assert_eq!(fill(texts::NO_ARGUMENT, b"help", 0), "option '--help' doesn't allow an argument");
    assert_eq!(fill(texts::NEEDS_LONG_ARGUMENT, b"lines", 0), "option '--lines' requires an argument");
    assert_eq!(fill(texts::TRY, b"", 0), "\nTry 'P --help' for more information.");
    assert_eq!(fill(texts::DIR_SLASH, b"d", 0) + &fill(texts::RAW_ERROR, b"cat", 17), "d/cat: File exists");
    assert_eq!(fill(texts::NOT_FOUND, b"", 0), "applet not found");
}

#[test]
fn every_blob_entry_is_where_its_name_says() {
    use femtobox::texts::{self, entry};
    assert_eq!(entry(texts::EMPTY), b"");
    assert_eq!(entry(texts::CAT_SHORT), b"benstuvAET");
    const SHORT: &[u8] = entry(texts::CAT_SHORT);
    assert_eq!(SHORT, b"benstuvAET", "at compile time too");
    assert_eq!(entry(texts::HELP_VERSION), b"\x01help");
    assert!(entry(texts::CAT_USAGE).starts_with(b"cat [-AbeEnstTuv] [FILE]...\n"));
    assert!(entry(texts::BOX_USAGE).starts_with(b"Usage: femtobox "));
    assert!(entry(texts::BOX_USAGE).ends_with(b"Applets: "));
    // cat's long list runs on into --help and --version, then ends.
    let long = texts::get(texts::CAT_LONG);
    let names: Vec<&[u8]> = long.split(|&c| c == 0).take_while(|e| !e.is_empty()).collect();
    assert_eq!(names.len(), 9);
    assert_eq!(names[8], b"\x02version");
    assert_eq!(*texts::BLOB.last().unwrap(), 0, "every entry ends in a NUL");
}

#[test]
fn env_split_strings_match_gnu_build_argv() {
    use femtobox_tests::checks::check_split;
    for case in [
        "", " ", "a", "a b", "  a   b  ", "'a b'", "\"a b\"", "''", "\"\"", "a''b", "'a'\"b\"c", "#x", "a #b", "a#b",
        "'#'", "\\#", "a\\_b", "\"a\\_b\"", "\\c", "a\\cb c", "\"\\c\"", "'\\c'", "\\", "a\\", "\\x", "\\t\\n",
        "'\\''", "'\\\\'", "'\\n'", "${A}", "x${A}y", "${E}", "a ${E} b", "${NOPE}", "${NOPE}x", "$A", "${1}", "${_X1}",
        "${A", "${}", "'${A}'", "\"${A}\"", "\\$", "'unterminated", "\"unterminated", "a\tb", "\\f\\v\\r",
    ] {
        check_split(case.as_bytes());
    }
    let mut rng = Rng(0x5b117);
    let alphabet = b" \t'\"\\#$_{}cAEXnt1ab";
    for _ in 0..200_000 {
        check_split(&rng.bytes(alphabet, 14));
    }
}

#[test]
fn signal_names_read_and_write_as_gnulib_does() {
    use femtobox::signal::{name, number};
    let show = |n: u8| {
        let mut b = Buf::default();
        name(&mut b, n);
        String::from_utf8(b.0).unwrap()
    };
    let names = [
        "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
        "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH",
        "POLL", "PWR", "SYS",
    ];
    for (i, n) in names.iter().enumerate() {
        let sig = i as u8 + 1;
        assert_eq!(show(sig), *n);
        assert_eq!(number(n.as_bytes()), Some(sig), "{n}");
        assert_eq!(number(format!("sig{}", n.to_lowercase()).as_bytes()), Some(sig), "sig{n}");
        assert_eq!(number(sig.to_string().as_bytes()), Some(sig));
        // An exit status a signal caused names that signal (kill -l 130).
        assert_eq!(number((128 + sig as u32).to_string().as_bytes()), Some(sig));
    }
    for (n, want) in [(34, "RTMIN"), (35, "RTMIN+1"), (49, "RTMIN+15"), (50, "RTMAX-14"), (63, "RTMAX-1"), (64, "RTMAX")] {
        assert_eq!(show(n), want);
        assert_eq!(number(want.as_bytes()), Some(n), "{want}");
    }
    for (alias, n) in [("IOT", 6), ("CLD", 17), ("IO", 29), ("SIGIO", 29), ("rtmin+3", 37), ("RTMAX-30", 34), ("RTMIN+16", 50), ("RTMIN+30", 64)] {
        assert_eq!(number(alias.as_bytes()), Some(n), "{alias}");
    }
    for bad in [
        "", "0", "EXIT", "32", "33", "65", "128", "255", "SIG", "SIGEXIT", "RTMIN+31", "RTMAX-31", "RTMIN-1", "x", "1x",
        "-1", "+1", " 1", "99999999999999999999", "SIGSIG9", "RTMAX+1",
    ] {
        assert_eq!(number(bad.as_bytes()), None, "{bad:?}");
    }
    assert_eq!(number(b"SIG9"), Some(9));
    assert_eq!(number(b"RTMIN 3"), Some(37), "strtol skips spaces after RTMIN");
}

#[test]
fn basename_and_dirname_follow_gnulib_on_every_short_name() {
    use femtobox::path::{base, dir_len};
    // Independent statement of the rules, on every name of up to 6 bytes over `a / .`.
    fn model_base(name: &[u8]) -> Vec<u8> {
        if name.is_empty() {
            return vec![];
        }
        let trimmed: &[u8] = &name[..name.len() - name.iter().rev().take_while(|&&c| c == b'/').count()];
        if trimmed.is_empty() {
            return b"/".to_vec();
        }
        trimmed.rsplit(|&c| c == b'/').next().unwrap().to_vec()
    }
    fn model_dir(name: &[u8]) -> Vec<u8> {
        let trimmed: &[u8] = &name[..name.len() - name.iter().rev().take_while(|&&c| c == b'/').count()];
        if trimmed.is_empty() {
            return if name.is_empty() { b".".to_vec() } else { b"/".to_vec() };
        }
        match trimmed.iter().rposition(|&c| c == b'/') {
            None => b".".to_vec(),
            Some(i) => {
                let head = &trimmed[..i];
                let head = &head[..head.len() - head.iter().rev().take_while(|&&c| c == b'/').count()];
                if head.is_empty() { b"/".to_vec() } else { head.to_vec() }
            }
        }
    }
    let mut n = 0;
    for len in 0..=6 {
        for k in 0..3usize.pow(len) {
            let name: Vec<u8> = (0..len).map(|j| b"a/."[k / 3usize.pow(j) % 3]).collect();
            assert_eq!(base(&name, b""), model_base(&name).as_slice(), "basename {:?}", String::from_utf8_lossy(&name));
            let d = match dir_len(&name) {
                0 => b".".to_vec(),
                l => name[..l].to_vec(),
            };
            assert_eq!(d, model_dir(&name), "dirname {:?}", String::from_utf8_lossy(&name));
            n += 1;
        }
    }
    assert_eq!(base(b"a.c", b".c"), b"a");
    assert_eq!(base(b".c", b".c"), b".c", "a suffix that is the whole name stays");
    assert_eq!(base(b"/", b"/"), b"/");
    assert_eq!(base(b"x.c/", b".c"), b"x");
    eprintln!("{n} names");
}
