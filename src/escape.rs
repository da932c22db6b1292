//! echo's rules: which leading words are options, and the backslash
//! escapes of `-e` (GNU coreutils 9.1, `src/echo.c`).

use crate::text::Sink;

/// Reads echo's option words from `args` (argv[1..]): each must be `-`
/// followed by one or more of `n e E`; the first other word ends them.
/// Returns how many words were options, whether to end with a newline, and
/// whether `-e` is in force (the last `e`/`E` wins).
pub fn options<'a>(args: impl Iterator<Item = &'a [u8]>) -> (usize, bool, bool) {
    let (mut count, mut newline, mut escapes) = (0, true, false);
    'words: for arg in args {
        let Some((b'-', letters)) = arg.split_first() else { break };
        if letters.is_empty() {
            break;
        }
        // Applied only if every letter is one of n e E.
        let (mut n, mut e) = (newline, escapes);
        for &c in letters {
            match c {
                b'n' => n = false,
                b'e' => e = true,
                b'E' => e = false,
                _ => break 'words,
            }
        }
        (count, newline, escapes) = (count + 1, n, e);
    }
    (count, newline, escapes)
}

fn octal(c: u8) -> Option<u8> {
    (b'0'..=b'7').contains(&c).then(|| c - b'0')
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Writes `arg` with its escapes decoded. Returns false at `\c`: all output
/// stops there (no newline, no further operands).
pub fn unescape(out: &mut impl Sink, arg: &[u8]) -> bool {
    let mut s = arg;
    while let Some((&c, rest)) = s.split_first() {
        s = rest;
        let Some((&e, rest)) = s.split_first().filter(|_| c == b'\\') else {
            out.byte(c);
            continue;
        };
        s = rest;
        // The one-letter escapes, as pairs: letter, byte.
        const SIMPLE: &[u8] = b"\\\\a\x07b\x08e\x1bf\x0cn\nr\rt\tv\x0b";
        let mut simple = SIMPLE.chunks_exact(2).filter(|p| p.first() == Some(&e));
        let byte = match e {
            b'c' => return false,
            _ if let Some(&[_, b]) = simple.next() => b,
            b'x' => match s.first().and_then(|&h| hex(h)) {
                Some(mut v) => {
                    s = s.get(1..).unwrap_or_default();
                    if let Some(d) = s.first().and_then(|&h| hex(h)) {
                        v = v * 16 + d;
                        s = s.get(1..).unwrap_or_default();
                    }
                    v
                }
                None => {
                    out.byte(b'\\');
                    b'x'
                }
            },
            // `\0` takes up to three more octal digits, `\1`..`\7` up to
            // two; the value wraps at 256.
            b'0'..=b'7' => {
                let mut v = e - b'0';
                for _ in 0..2 + (e == b'0') as usize {
                    match s.first().and_then(|&d| octal(d)) {
                        Some(d) => {
                            v = v.wrapping_mul(8).wrapping_add(d);
                            s = s.get(1..).unwrap_or_default();
                        }
                        None => break,
                    }
                }
                v
            }
            other => {
                out.byte(b'\\');
                other
            }
        };
        out.byte(byte);
    }
    true
}
