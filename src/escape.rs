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

/// Up to `max` digits in `base` from `s[*i]` on, added to `v` (wrapping
/// at 256); moves `i` past them. Returns the value and how many there were.
#[inline(never)]
#[cold]
fn digits(s: &[u8], i: &mut usize, base: u32, max: usize, mut v: u8) -> (u8, usize) {
    let mut n = 0;
    while n < max {
        let Some(d) = s.get(*i).and_then(|&c| (c as char).to_digit(base)) else { break };
        v = v.wrapping_mul(base as u8).wrapping_add(d as u8);
        (*i, n) = (*i + 1, n + 1);
    }
    (v, n)
}

/// Writes `arg` with its escapes decoded. Returns false at `\c`: all output
/// stops there (no newline, no further operands).
#[cold]
pub fn unescape(out: &mut impl Sink, arg: &[u8]) -> bool {
    // The one-letter escapes, and the bytes they stand for.
    const LETTERS: &[u8] = b"\\abefnrtv";
    const BYTES: &[u8] = b"\\\x07\x08\x1b\x0c\n\r\t\x0b";
    let mut i = 0;
    while let Some(&c) = arg.get(i) {
        i += 1;
        let mut byte = c;
        if let Some(&e) = arg.get(i).filter(|_| c == b'\\') {
            i += 1;
            byte = match e {
                b'c' => return false,
                // `\x` takes one or two hex digits; without one it is itself.
                b'x' => match digits(arg, &mut i, 16, 2, 0) {
                    (_, 0) => {
                        out.byte(b'\\');
                        e
                    }
                    (v, _) => v,
                },
                // `\0` takes up to three more octal digits, `\1`..`\7` up to
                // two; the value wraps at 256.
                b'0'..=b'7' => digits(arg, &mut i, 8, 2 + (e == b'0') as usize, e - b'0').0,
                _ => match LETTERS.iter().position(|&l| l == e).and_then(|k| BYTES.get(k)) {
                    Some(&b) => b,
                    None => {
                        out.byte(b'\\');
                        e
                    }
                },
            };
        }
        out.byte(byte);
    }
    true
}
