//! The pure logic alone, against its independent models (`src/checks.rs`):
//! random inputs, the saved fuzz corpus, and known hard cases. No process
//! is spawned, so this file also runs under Miri (`make miri`).

use femtobox_tests::checks::{check_getopt, check_quote, check_render, check_unescape};
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
}

#[test]
fn the_saved_fuzz_corpus_still_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    let checks: [(&str, fn(&[u8])); 4] =
        [("unescape", check_unescape), ("render", check_render), ("quote", check_quote), ("getopt", check_getopt)];
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
