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
}

/// Byte-string equality. `==` on slices calls `memcmp`, several hundred bytes
/// of compiler_builtins; this loop is a few.
pub fn eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The index of `name` among the NUL-terminated entries of `list`.
/// (One pass, no slicing: the list is a lookup string, not a table.)
pub fn find(list: &[u8], name: &[u8]) -> Option<usize> {
    let (mut index, mut at, mut same) = (0, 0, true);
    for &c in list {
        if c == 0 {
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

/// What follows the last `/` (all of `path` without one).
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
/// Bytes that never need quoting (GNU's list for shell-escape style under
/// `LC_ALL=C`, less `:`, which `quotef` adds). `#` `~` `{` `}` are settled
/// by position below.
const BARE: u128 = set(ALNUM) | set(b"%+,-./@]_");
/// Bytes that may stand inside double quotes (GNU's "c and shell quote
/// compatible"): a name with a `'` made only of these is shown as `"it's"`.
const COMPAT: u128 = set(ALNUM) | set(b"%+,-./:@]_ '");

/// Is `c`, at index `i` of a name `len` bytes long, in `set`? `#` and `~`
/// count as bare past the first byte and as compatible only at it; `{` and
/// `}` as bare in a longer name and as compatible only alone.
fn member(set: u128, c: u8, i: usize, len: usize) -> bool {
    let bare = set == BARE;
    match c {
        b'#' | b'~' => (i > 0) == bare,
        b'{' | b'}' => (len > 1) == bare,
        // Two 64-bit halves: a 128-bit shift is a library call here.
        _ => c < 128 && (if c < 64 { set as u64 >> c } else { (set >> 64) as u64 >> (c - 64) }) & 1 != 0,
    }
}

fn all_in(name: &[u8], set: u128) -> bool {
    let mut i = 0;
    name.iter().all(|&c| {
        i += 1;
        member(set, c, i - 1, name.len())
    })
}

/// Writes `name` as GNU's `quotef` shows it under `LC_ALL=C`: bare when
/// every byte is harmless; else in single quotes, with `'` as `'\''` and
/// control bytes and bytes >= 0x80 as `$'\n'`/`$'\377'` segments; or in
/// double quotes when it holds a `'` and nothing a double quote would mind.
pub fn quote(out: &mut impl Sink, name: &[u8]) {
    if !name.is_empty() && all_in(name, BARE) {
        return out.put(name);
    }
    if name.iter().any(|&c| c == b'\'') && all_in(name, COMPAT) {
        out.byte(b'"');
        out.put(name);
        return out.byte(b'"');
    }
    out.byte(b'\'');
    // Inside a `$'...'` segment: it must be closed (`''` reopens the plain
    // quote) before a plain byte.
    let mut escaping = false;
    for &c in name {
        // \a \b \t \n \v \f \r have letters; other unprintables are octal.
        let letter = match c {
            7..=13 => b"abtnvfr".get(c as usize - 7).copied(),
            _ => None,
        };
        if letter.is_some() || !(b' '..=b'~').contains(&c) {
            if !escaping {
                out.put(b"'$'");
                escaping = true;
            }
            out.byte(b'\\');
            match letter {
                Some(l) => out.byte(l),
                None => out.put(&[b'0' + (c >> 6), b'0' + (c >> 3 & 7), b'0' + (c & 7)]),
            }
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
    out.byte(b'\'');
}
