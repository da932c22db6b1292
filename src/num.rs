//! Numbers on the command line and in the environment, read as GNU reads
//! them: `xstrtoumax`/`xdectoumax` (base 10, no suffixes: `nproc
//! --ignore`), gnulib's `parse_omp_threads` (`OMP_NUM_THREADS`), and
//! `sleep`'s intervals (glibc `strtod` syntax, C locale, and a suffix).
//! Pure; no floating point (this target's floats are software).

/// C's `isspace` in the C locale.
pub fn space(c: u8) -> bool {
    c == b' ' || (9..=13).contains(&c)
}

fn skip_space(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|&&c| space(c)).count();
    s.get(n..).unwrap_or_default()
}

/// Leading decimal digits of `s` (after `strtoul`'s optional `+`): the
/// value (saturated at u64::MAX), whether it overflowed, and how many
/// bytes were read; 0 bytes when there is no digit.
fn digits(s: &[u8]) -> (u64, bool, usize) {
    let (mut v, mut over, mut n) = (0u64, false, 0);
    while let Some(&c) = s.get(n).filter(|c| c.is_ascii_digit()) {
        let next = v.checked_mul(10).and_then(|v| v.checked_add((c - b'0') as u64));
        over |= next.is_none();
        v = next.unwrap_or(u64::MAX);
        n += 1;
    }
    (v, over, n)
}

/// `xstrtoumax(s, base 10, no suffixes)` as `xdectoumax` reports it:
/// Ok(value), or Err(true) for a value too large (`Value too large for
/// defined data type` follows the message), Err(false) for anything else
/// invalid (a sign `-`, no digits, trailing bytes).
pub fn decimal(s: &[u8]) -> Result<u64, bool> {
    let s = skip_space(s);
    let s = match s.first() {
        Some(b'-') => return Err(false),
        Some(b'+') => s.get(1..).unwrap_or_default(),
        _ => s,
    };
    match digits(s) {
        (_, _, 0) => Err(false),
        (_, _, n) if n < s.len() => Err(false),
        (_, true, _) => Err(true),
        (v, false, _) => Ok(v),
    }
}

/// gnulib's `parse_omp_threads`: spaces, a decimal number, then spaces
/// to the end or a `,` (the first of a list); 0 for anything else (unset,
/// empty, garbage). Too large a number is u64::MAX, as strtoul makes it.
pub fn omp(s: Option<&[u8]>) -> u64 {
    let s = skip_space(s.unwrap_or_default());
    // parse_omp_threads wants a digit first: no sign.
    let (v, _, n) = digits(s);
    let rest = skip_space(s.get(n..).unwrap_or_default());
    match rest.first() {
        _ if n == 0 => 0,
        None | Some(b',') => v,
        _ => 0,
    }
}

/// A duration: seconds (saturating) and nanoseconds below 10^9.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Span {
    pub sec: u64,
    pub ns: u32,
}

pub const FOREVER: Span = Span { sec: u64::MAX, ns: 999_999_999 };

impl Span {
    /// The sum, saturating.
    pub fn plus(self, o: Span) -> Span {
        let ns = self.ns + o.ns;
        let carry = (ns >= 1_000_000_000) as u64;
        Span { sec: self.sec.saturating_add(o.sec).saturating_add(carry), ns: ns % 1_000_000_000 }
    }

    /// `self` times `m`, saturating.
    fn times(self, m: u64) -> Span {
        let ns = self.ns as u64 * m;
        Span { sec: self.sec.saturating_mul(m).saturating_add(ns / 1_000_000_000), ns: (ns % 1_000_000_000) as u32 }
    }
}

/// Does `s` begin with `word` (lower case), ignoring case?
fn starts_nocase(s: &[u8], word: &[u8]) -> bool {
    s.len() >= word.len() && s.iter().zip(word).all(|(&c, &w)| c | 0x20 == w)
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        _ if (b'a'..=b'f').contains(&(c | 0x20)) => Some((c | 0x20) - b'a' + 10),
        _ => None,
    }
}

/// An exponent after `e` or `p`: its value (saturated far beyond any
/// that matters) and its length; (0, 0) when no digit follows (then the
/// letter is not part of the number, as strtod has it).
fn exponent(s: &[u8]) -> (i64, usize) {
    let (neg, at) = match s.get(1) {
        Some(b'-') => (true, 2),
        Some(b'+') => (false, 2),
        _ => (false, 1),
    };
    let (v, _, n) = digits(s.get(at..).unwrap_or_default());
    let v = v.min(1 << 40) as i64;
    if n == 0 {
        (0, 0)
    } else {
        (if neg { -v } else { v }, at + n)
    }
}

/// One `sleep` operand as GNU's sleep reads it: `strtod` (C locale:
/// leading spaces, a sign, decimal with an exponent, hexadecimal with a
/// binary exponent, `inf`/`infinity`; `nan` is never a valid interval)
/// then at most one of `s m h d`. Negative values are invalid unless
/// they round to zero as a double (`-0`, `-1e-400`). Fractions of a
/// nanosecond round up, as gnulib's `dtotimespec` does. None: invalid.
pub fn interval(s: &[u8]) -> Option<Span> {
    let s = skip_space(s);
    let (neg, s) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, s),
    };
    let (mut span, mut sticky) = (Span::default(), false);
    let (zero, at);
    if starts_nocase(s, b"inf") {
        at = if starts_nocase(s, b"infinity") { 8 } else { 3 };
        (span, zero) = (FOREVER, false);
    } else if starts_nocase(s, b"0x") && s.get(2..).is_some_and(|r| mantissa(r, hex).1 > 0) {
        // Hexadecimal: each bit of the mantissa at its binary exponent.
        let digits = s.get(2..).unwrap_or_default();
        let (p, _, len) = mantissa(digits, hex);
        let (e2, elen) = match s.get(2 + len) {
            Some(b'p' | b'P') => exponent(digits.get(len..).unwrap_or_default()),
            _ => (0, 0),
        };
        at = 2 + len + elen;
        let (mut frac, mut top, mut bits) = (0u64, i64::MIN, 0);
        for (i, h) in digits.iter().take(len).filter_map(|&c| hex(c)).enumerate() {
            for t in 0..4 {
                if h >> t & 1 == 0 {
                    continue;
                }
                let e = 4 * (p - 1 - i as i64) + e2 + t;
                (top, bits) = (top.max(e), bits + 1);
                match e {
                    63.. => span.sec = u64::MAX,
                    0.. => span.sec = span.sec.saturating_add(1 << e),
                    -64.. => frac |= 1 << (64 + e),
                    _ => sticky = true,
                }
            }
        }
        // Below 2^-1075 a double is 0, and exactly at it too (ties to even).
        zero = top < -1075 || top == -1075 && bits == 1;
        let scaled = frac as u128 * 1_000_000_000;
        span.ns = (scaled >> 64) as u32;
        sticky |= scaled as u64 != 0;
    } else {
        // Decimal: digit i weighs 10^(point - 1 - i).
        let (p, n, len) = mantissa(s, |c| c.is_ascii_digit().then(|| c - b'0'));
        if n == 0 {
            return None;
        }
        let (e, elen) = match s.get(len) {
            Some(b'e' | b'E') => exponent(s.get(len..).unwrap_or_default()),
            _ => (0, 0),
        };
        at = len + elen;
        let point = p + e;
        let mut lead = None;
        for (i, d) in s.iter().take(len).filter(|c| c.is_ascii_digit()).map(|c| c - b'0').enumerate() {
            let j = i as i64 - point;
            if d != 0 && lead.is_none() {
                lead = Some(i);
            }
            match j {
                ..0 => span.sec = span.sec.saturating_mul(10).saturating_add(d as u64),
                0..9 => span.ns += d as u32 * 10u32.pow(8 - j as u32),
                _ => sticky |= d != 0,
            }
        }
        for _ in 0..(point - n as i64).clamp(0, 20) {
            span.sec = span.sec.saturating_mul(10);
        }
        zero = match lead {
            None => true,
            // Below 2^-1075 = 2.4703282292062327208...e-324 a double is 0.
            Some(i) => {
                let power = point - 1 - i as i64;
                power < -324 || power == -324 && below_half_tiny(s.iter().take(len).filter(|c| c.is_ascii_digit()).skip(i))
            }
        };
    }
    if neg && !zero {
        return None;
    }
    let m = match s.get(at..).unwrap_or_default() {
        [] | [b's'] => 1,
        [b'm'] => 60,
        [b'h'] => 3600,
        [b'd'] => 86400,
        _ => return None,
    };
    if neg {
        return Some(Span::default());
    }
    Some(span.plus(Span { sec: 0, ns: sticky as u32 }).times(m))
}

/// A mantissa: digits with at most one `.`, read by `digit`. Returns the
/// number of digits before the point, the number of digits, and the bytes
/// read.
fn mantissa(s: &[u8], digit: impl Fn(u8) -> Option<u8>) -> (i64, usize, usize) {
    let (mut point, mut n, mut len) = (None, 0, 0);
    for &c in s {
        if c == b'.' && point.is_none() {
            point = Some(n);
        } else if digit(c).is_some() {
            n += 1;
        } else {
            break;
        }
        len += 1;
    }
    if n == 0 {
        return (0, 0, 0);
    }
    (point.unwrap_or(n) as i64, n, len)
}

/// Are the significant digits (leading one first) of a number of the
/// order 10^-324 below those of 2^-1075?
fn below_half_tiny<'a>(digits: impl Iterator<Item = &'a u8>) -> bool {
    const HALF: &[u8] = b"24703282292062327208828439643";
    for (&d, &h) in digits.zip(HALF) {
        if d != h {
            return d < h;
        }
    }
    // Equal as far as either goes: shorter means below (or, past HALF's
    // precision, a tie no real argument reaches).
    true
}
