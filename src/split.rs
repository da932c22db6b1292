//! `env -S STRING`: GNU's split-string rules (coreutils `build_argv`):
//! words split at unquoted spaces; `'...'` literal but for `\\` and `\'`;
//! `"..."` with escapes; `\" \# \$ \' \\`, `\f \n \r \t \v`; `\_` a
//! separator outside double quotes and a space inside; `\c` ends the
//! string (not inside double quotes); `#` at the start of a word ends it;
//! `${NAME}` is the variable's value (nothing when unset). Pure.

use crate::num::space;
use crate::text::Sink;
use crate::texts::{self, Text};

/// What the split reports besides the words: a variable expanded (its
/// name and value) or replaced by nothing (value None), for `env -v`.
pub trait Trace {
    fn var(&mut self, name: &[u8], value: Option<&[u8]>);
}

/// Splits `s` into `out`, each word followed by a NUL; returns the number
/// of words, or GNU's message for what is wrong (a template and what it
/// shows).
pub fn split<'a>(
    s: &'a [u8],
    out: &mut impl Sink,
    getenv: impl Fn(&[u8]) -> Option<&'a [u8]>,
    trace: &mut impl Trace,
) -> Result<usize, (Text, &'a [u8])> {
    let (mut dq, mut sq, mut sep, mut words, mut i) = (false, false, true, 0, 0);
    loop {
        let Some(&c) = s.get(i) else {
            if dq || sq {
                return Err((texts::NO_QUOTE, b""));
            }
            break;
        };
        let mut byte = c;
        match c {
            b'\'' if !dq => {
                sq = !sq;
                begin(out, &mut sep, &mut words);
                i += 1;
                continue;
            }
            b'"' if !sq => {
                dq = !dq;
                begin(out, &mut sep, &mut words);
                i += 1;
                continue;
            }
            _ if space(c) && !sq && !dq => {
                sep = true;
                i += 1;
                continue;
            }
            b'#' if sep => break,
            b'\\' if !sq || matches!(s.get(i + 1), Some(b'\\' | b'\'')) => {
                i += 1;
                byte = match s.get(i) {
                    Some(&c @ (b'"' | b'#' | b'$' | b'\'' | b'\\')) => c,
                    Some(b'_') if !dq => {
                        sep = true;
                        i += 1;
                        continue;
                    }
                    Some(b'_') => b' ',
                    Some(b'c') if dq => return Err((texts::C_IN_QUOTES, b"")),
                    Some(b'c') => break,
                    Some(b'f') => 0x0c,
                    Some(b'n') => b'\n',
                    Some(b'r') => b'\r',
                    Some(b't') => b'\t',
                    Some(b'v') => 0x0b,
                    None => return Err((texts::BACKSLASH_AT_END, b"")),
                    Some(_) => return Err((texts::BAD_SEQUENCE, s.get(i..i + 1).unwrap_or_default())),
                };
            }
            b'$' if !sq => {
                // `${` a letter or `_`, then letters, digits, `_`, and `}`.
                let name = s.get(i + 2..).unwrap_or_default();
                let len = name.iter().take_while(|&&c| c.is_ascii_alphanumeric() || c == b'_').count();
                let ok = s.get(i + 1) == Some(&b'{')
                    && name.first().is_some_and(|&c| c.is_ascii_alphabetic() || c == b'_')
                    && name.get(len) == Some(&b'}');
                if !ok {
                    return Err((texts::ONLY_VARNAME, s.get(i..).unwrap_or_default()));
                }
                let name = name.get(..len).unwrap_or_default();
                let value = getenv(name);
                if let Some(v) = value {
                    begin(out, &mut sep, &mut words);
                    trace.var(name, value);
                    for &c in v {
                        out.byte(c);
                    }
                } else {
                    trace.var(name, None);
                }
                i += len + 3;
                continue;
            }
            _ => {}
        }
        begin(out, &mut sep, &mut words);
        out.byte(byte);
        i += 1;
    }
    if words > 0 {
        out.byte(0);
    }
    Ok(words)
}

/// What comes after a separator starts a new word (the last one ends).
fn begin(out: &mut impl Sink, sep: &mut bool, words: &mut usize) {
    if *sep {
        if *words > 0 {
            out.byte(0);
        }
        *words += 1;
        *sep = false;
    }
}
