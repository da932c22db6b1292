//! Byte strings: the output `Sink` every formatter writes to, comparisons
//! that do not pull in `memcmp`, decimal numbers without `core::fmt`, and
//! GNU's shell-escape quoting of file names.

/// Where formatted bytes go: the runtime's buffered output, or a `Vec` in
/// the host tests.
pub trait Sink {
    fn put(&mut self, s: &[u8]);
    fn byte(&mut self, b: u8) {
        self.put(&[b]);
    }
    /// The program name, for messages that repeat it (`Try 'PROG --help'`).
    fn prog(&self) -> &'static [u8] {
        b"P"
    }
}

/// Byte-string equality. `==` on slices calls `memcmp`, several hundred bytes
/// of compiler_builtins; this loop is a few.
pub fn eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The index of `name` among the NUL-terminated entries of `list`, which
/// ends at its end or at an empty entry (a list in the text blob).
/// (One pass, no slicing: the list is a lookup string, not a table.)
pub fn find(list: &[u8], name: &[u8]) -> Option<usize> {
    let (mut index, mut at, mut same) = (0, 0, true);
    for &c in list {
        if c == 0 {
            if at == 0 {
                return None;
            }
            if same && at == name.len() {
                return Some(index);
            }
            (index, at, same) = (index + 1, 0, true);
        } else {
            same &= name.get(at) == Some(&c);
            at += 1;
        }
    }
    None
}

/// Entry `i` of a list of NUL-ended entries (empty past its end).
pub fn nth(list: &[u8], i: usize) -> &[u8] {
    list.split(|&c| c == 0).nth(i).unwrap_or_default()
}

/// What follows the last `/` (all of `path` without one).
#[inline(never)]
#[cold]
pub fn basename(path: &[u8]) -> &[u8] {
    path.rsplit(|&c| c == b'/').next().unwrap_or_default()
}

/// `n` in decimal, right-aligned in `width` columns with spaces.
pub fn num(out: &mut impl Sink, mut n: u64, width: usize) {
    let mut digits = [b' '; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let start = i.min(20usize.saturating_sub(width));
    out.put(digits.get(start..).unwrap_or_default());
}

/// A 128-bit set of ASCII bytes, built at compile time.
const fn set(bytes: &[u8]) -> u128 {
    let mut s = 0u128;
    let mut i = 0;
    while i < bytes.len() {
        s |= 1 << bytes[i];
        i += 1;
    }
    s
}

const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/// Bytes that never need quoting, bare or inside double quotes (GNU's list
/// for shell-escape style under `LC_ALL=C`, less `:`, which `quotef` adds).
const PLAIN: u128 = set(ALNUM) | set(b"%+,-./@]_");
/// Bytes fine inside double quotes but not bare.
const QUOTED: u128 = set(b": '");

/// Is `c` in `set`? (Two 64-bit halves: a 128-bit shift is a library call.)
fn has(set: u128, c: u8) -> bool {
    c < 128 && (if c < 64 { set as u64 >> c } else { (set >> 64) as u64 >> (c - 64) }) & 1 != 0
}

/// Writes `name` as GNU's `quotef` shows it under `LC_ALL=C` (see
/// `shell_quote`).
pub fn quote(out: &mut impl Sink, name: &[u8]) {
    shell_quote(out, name, false);
}

/// Writes `c` backslash-escaped if it needs it in a quoted name: `\a \b
/// \t \n \v \f \r` by letter, other control bytes and bytes >= 0x80 as
/// three octal digits. `extra` bytes (as `'` `\` in GNU's locale style)
/// get a backslash too. Returns false when `c` is printable and was left
/// for the caller.
#[inline(never)]
fn escape(out: &mut impl Sink, c: u8, extra: &[u8]) -> bool {
    let letter = match c {
        7..=13 => b"abtnvfr".get(c as usize - 7).copied(),
        _ if extra.contains(&c) => Some(c),
        _ => None,
    };
    if letter.is_none() && (b' '..=b'~').contains(&c) {
        return false;
    }
    out.byte(b'\\');
    match letter {
        Some(l) => out.byte(l),
        None => out.put(&[b'0' + (c >> 6), b'0' + (c >> 3 & 7), b'0' + (c & 7)]),
    }
    true
}

/// Writes `name` as gnulib's `quote` shows it under `LC_ALL=C` (locale
/// style: `'` quotes always, `'` and `\` backslashed, unprintables
/// escaped as `escape` does): `'it\'s'`, `'a\nb'`, `'\377'`.
#[cold]
pub fn quote_locale(out: &mut impl Sink, name: &[u8]) {
    out.byte(b'\'');
    for &c in name {
        if !escape(out, c, b"'\\") {
            out.byte(c);
        }
    }
    out.byte(b'\'');
}

/// Writes `name` as GNU's `quotef` shows it under `LC_ALL=C` (or with
/// `always`, as `quoteaf`: the same, but never bare): bare when every
/// byte is harmless; else in single quotes, with `'` as `'\''` and
/// control bytes and bytes >= 0x80 as `$'\n'`/`$'\377'` segments; or in
/// double quotes when it holds a `'` and nothing a double quote would mind.
// Out of line (measured).
#[inline(always)]
pub fn shell_quote(out: &mut impl Sink, name: &[u8], always: bool) {
    // One pass: may it go bare, may it go in double quotes, has it a `'`.
    let (mut bare, mut double, mut apostrophe, mut last) = (!name.is_empty() && !always, true, false, false);
    for (i, &c) in name.iter().enumerate() {
        // `#` `~` are bare past the first byte, `{` `}` in a longer name;
        // where they are not bare, double quotes take them.
        let special = match c {
            b'#' | b'~' => Some(i > 0),
            b'{' | b'}' => Some(name.len() > 1),
            _ => None,
        };
        let plain = has(PLAIN, c);
        bare &= plain || special == Some(true);
        double &= plain || special == Some(false) || has(QUOTED, c);
        apostrophe |= c == b'\'';
        last = c.wrapping_sub(b' ') > b'~' - b' ';
    }
    // The quote around it: none, `"` or `'`.
    let q = match () {
        _ if bare => 0,
        _ if apostrophe && double => b'"',
        _ => b'\'',
    };
    if q != 0 {
        out.byte(q);
    }
    // Inside a `$'...'` segment: it must be closed (`''` reopens the plain
    // quote) before a plain byte.
    //
    // GNU's quirk, kept: gnulib's quotearg_buffer_restyled quotes a name
    // holding a `'` in two passes when it cannot use double quotes: a dry
    // run (looking for the double-quote form), then the real one, and its
    // "inside `$'...'`" flag is not reset between them. So when the name
    // ends with an escaped byte, the real pass starts as if inside a `$'`
    // segment: a plain first byte gets `''` before it (`a'\233` is
    // `'''a'\'''$'\233'`), an escaped one no `$'` (`\233'\315` is
    // `'\233'\'''$'\315'`). Checked exhaustively against GNU cat.
    let mut escaping = apostrophe & last;
    for &c in name {
        if q != b'\'' {
            out.byte(c);
            continue;
        }
        // Escaped bytes go in `$'...'` segments.
        if !(b' '..=b'~').contains(&c) {
            if !escaping {
                out.put(b"'$'");
                escaping = true;
            }
            escape(out, c, b"");
            continue;
        }
        if c == b'\'' {
            out.put(b"'\\''");
        } else {
            if escaping {
                out.put(b"''");
            }
            out.byte(c);
        }
        escaping = false;
    }
    if q != 0 {
        out.byte(q);
    }
}
