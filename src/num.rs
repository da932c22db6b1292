//! Numbers on the command line and in the environment, read as GNU reads
//! them: `xstrtoumax`/`xdectoumax` (base 10, no suffixes: `nproc
//! --ignore`), gnulib's `parse_omp_threads` (`OMP_NUM_THREADS`), and
//! `sleep`'s intervals (glibc `strtod` syntax, C locale, and a suffix).
//! Pure; no floating point (this target's floats are software).

/// C's `isspace` in the C locale.
#[inline(never)]
#[cold]
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
#[inline(always)]
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
    scaled(s, b"")
}

/// gnulib's `xstrtoumax(s, base 10, valid)` as `xdectoumax` reports it
/// (see `decimal`): after the digits one suffix of `valid` may follow
/// (`b` 512; `k K m M G T P E Z Y` powers of 1024, or of 1000 with a `B`
/// after them, `iB` spelling out 1024, when `valid` holds `0`); a suffix
/// alone means 1 of it (`k` is 1024); scaling past u64 is too large, but
/// a bad suffix after an overflow is only invalid.
pub fn scaled(s: &[u8], valid: &[u8]) -> Result<u64, bool> {
    let s = skip_space(s);
    let s = match s.first() {
        Some(b'-') => return Err(false),
        Some(b'+') => s.get(1..).unwrap_or_default(),
        _ => s,
    };
    let (mut v, mut over, n) = digits(s);
    let rest = s.get(n..).unwrap_or_default();
    let Some(&c) = rest.first() else {
        return if n == 0 { Err(false) } else if over { Err(true) } else { Ok(v) };
    };
    if !valid.iter().any(|&x| x == c) {
        return Err(false);
    }
    if n == 0 {
        v = 1;
    }
    // Powers: k 1, M 2, G 3, T 4, P 5, E 6, Z 7, Y 8.
    let power = b"kKmMGTPEZY".iter().position(|&x| x == c).map(|i| [1, 1, 2, 2, 3, 4, 5, 6, 7, 8][i]);
    let (mut base, mut len) = (1024u64, 1);
    if power.is_some() && valid.iter().any(|&x| x == b'0') {
        match rest.get(1) {
            Some(b'i') if rest.get(2) == Some(&b'B') => len = 3,
            Some(b'B' | b'D') => (base, len) = (1000, 2),
            _ => {}
        }
    }
    let (factor, times) = match power {
        Some(p) => (base, p),
        None => (512, 1),
    };
    for _ in 0..times {
        let next = v.checked_mul(factor);
        over |= next.is_none();
        v = next.unwrap_or(u64::MAX);
    }
    match rest.len() > len {
        true => Err(false),
        false if over => Err(true),
        false => Ok(v),
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
    #[cold]
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

/// 10^n, saturated at u64::MAX.
fn pow10(n: i64) -> u64 {
    let mut p = 1u64;
    for _ in 0..n.min(20) {
        p = p.saturating_mul(10);
    }
    p
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
    let (span, zero, rest);
    if starts_nocase(s, b"inf") {
        let n = if starts_nocase(s, b"infinity") { 8 } else { 3 };
        (span, zero, rest) = (FOREVER, false, s.get(n..).unwrap_or_default());
    } else {
        // The mantissa as m * base^k, m kept below 2^59 (later digits
        // only count, `sticky` if they are not 0), then the exponent.
        let hex = starts_nocase(s, b"0x");
        let (base, body) = if hex { (16, s.get(2..).unwrap_or_default()) } else { (10, s) };
        let (mut m, mut k, mut sticky, mut point, mut digits, mut i) = (0u64, 0i64, false, false, 0, 0);
        while let Some(&c) = body.get(i) {
            let d = match c {
                b'.' if !point => {
                    point = true;
                    i += 1;
                    continue;
                }
                b'0'..=b'9' => c - b'0',
                _ if hex && (b'a'..=b'f').contains(&(c | 0x20)) => (c | 0x20) - b'a' + 10,
                _ => break,
            };
            if m < 1 << 59 {
                m = m * base + d as u64;
                k -= point as i64;
            } else {
                sticky |= d != 0;
                k += !point as i64;
            }
            (digits, i) = (digits + 1, i + 1);
        }
        if digits == 0 {
            // strtod reads no number ("0x" alone reads "0", then an `x`).
            return None;
        }
        let (e, n) = match body.get(i) {
            Some(&c) if c | 0x20 == if hex { b'p' } else { b'e' } => exponent(body.get(i..).unwrap_or_default()),
            _ => (0, 0),
        };
        rest = body.get(i + n..).unwrap_or_default();
        let (sec, ns);
        let top;
        if hex {
            // m * 2^b; the leading bit at 2^top.
            let b = 4 * k + e;
            top = 63 - m.leading_zeros() as i64 + b;
            let nb = (-b).clamp(0, 127) as u32;
            let whole = if nb < 64 { m >> nb } else { 0 };
            sec = if b <= 0 { whole } else if b < 64 && m.leading_zeros() as i64 >= b { m << b } else { u64::MAX * (m != 0) as u64 };
            // The fraction's nanoseconds, rounded up: (r * 10^9) >> nb in
            // two 64-bit halves (a 128-bit shift by a variable is a
            // library call here).
            let r = m - if nb < 64 { whole << nb } else { 0 };
            let x = r as u128 * 1_000_000_000;
            let (hi, lo) = ((x >> 64) as u64, x as u64);
            let (q, rem) = if nb < 64 {
                (hi.checked_shl(64 - nb).unwrap_or(0) | lo >> nb, lo.checked_shl(64 - nb).unwrap_or(0) != 0)
            } else {
                let s = nb - 64;
                (hi.checked_shr(s).unwrap_or(0), lo != 0 || hi.checked_shl(64 - s).unwrap_or(0) != 0)
            };
            ns = q + (rem || sticky) as u64;
            zero = m == 0 || top < -1075 || top == -1075 && m.is_power_of_two() && !sticky;
        } else {
            // m * 10^k; the leading digit at 10^top.
            let k = k + e;
            let p = pow10(-k);
            top = (1..20).take_while(|&d| m >= pow10(d)).count() as i64 + k;
            sec = if k >= 0 { m.saturating_mul(pow10(k)) } else { m.checked_div(p).unwrap_or(0) };
            let r = if k >= 0 { 0 } else { m.checked_rem(p).unwrap_or(0) };
            ns = if k >= -9 {
                r * pow10(9 + k) + sticky as u64
            } else {
                let q = pow10(-k - 9);
                r.checked_div(q).unwrap_or(0) + (r.checked_rem(q) != Some(0) || sticky) as u64
            };
            // Below 2^-1075 = 2.4703282292062327208...e-324 a double is 0.
            let mut lead = m;
            while lead != 0 && lead < 100_000_000_000_000_000 {
                lead *= 10;
            }
            zero = m == 0 || top < -324 || top == -324 && lead < 247_032_822_920_623_272;
        }
        span = Span { sec, ns: 0 }.plus(Span { sec: ns / 1_000_000_000, ns: (ns % 1_000_000_000) as u32 });
    }
    if neg && !zero {
        return None;
    }
    let m = match rest {
        [] | [b's'] => 1,
        [b'm'] => 60,
        [b'h'] => 3600,
        [b'd'] => 86400,
        _ => return None,
    };
    Some(if neg { Span::default() } else { span.times(m) })
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
