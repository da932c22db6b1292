//! touch's time operands: `-t [[CC]YY]MMDDhhmm[.ss]` as gnulib's
//! posixtm.c (`PDS_CENTURY | PDS_SECONDS`) and the part of gnulib's
//! parse_datetime (`-d`) that we take: `@SECONDS[.FRAC]` and ISO 8601
//! dates and times with optional zones. Pure; the zone comes from `tz`.

use crate::num::space;
use crate::tz::Zone;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// algorithm); a day or month out of range counts on linearly, so
/// `civil(days_from_civil(..))` tells whether a date exists.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = y - (m <= 2) as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468
}

/// The (year, month, day) of a count of days since 1970-01-01.
pub fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + (m <= 2) as i64, m, d)
}

/// Seconds counted as UTC into [year, month, day, hour, minute, second].
pub fn split(t: i64) -> [i64; 6] {
    let (y, m, d) = civil(t.div_euclid(86400));
    let s = t.rem_euclid(86400);
    [y, m, d, s / 3600, s / 60 % 60, s % 60]
}

/// mktime (tm_isdst = -1) of the fields `f` in `zone`, or at the fixed
/// offset `tz`, and gnulib's check that it normalised nothing (no
/// February 30, no 25:00, no time in a DST gap).
fn resolve(zone: &Zone, f: &[i64; 6], tz: Option<i64>) -> Option<i64> {
    let local = ((days_from_civil(f[0], f[1], f[2]) * 24 + f[3]) * 60 + f[4]) * 60 + f[5];
    let (t, l) = match tz {
        Some(o) => (local - o, local),
        None => {
            let t = zone.to_utc(local);
            (t, t + zone.offset(t) as i64)
        }
    };
    // (Compared element by element: `==` on arrays calls memcmp.)
    split(l).iter().zip(f.iter()).all(|(a, b)| a == b).then_some(t)
}

/// Two decimal digits at `i`.
fn pair(s: &[u8], i: usize) -> Option<i64> {
    let x = s.get(i)?.wrapping_sub(b'0');
    let y = s.get(i + 1)?.wrapping_sub(b'0');
    (x < 10 && y < 10).then(|| (x * 10 + y) as i64)
}

/// `touch -t [[CC]YY]MMDDhhmm[.ss]` (UTC seconds), as posixtime(): two
/// digits of year 69-99 are 19YY, 00-68 20YY; without a year, the year of
/// `now` in `zone`; seconds 60 are 59 plus one second. None: `touch:
/// invalid date format`.
pub fn touch_t(s: &[u8], now: i64, zone: &Zone) -> Option<i64> {
    let n = s.iter().position(|&c| c == b'.').unwrap_or(s.len());
    let sec = match s.len() - n {
        0 => 0,
        3 => pair(s, n + 1)?,
        _ => return None,
    };
    if n < 8 || n > 12 || n % 2 != 0 {
        return None;
    }
    let q = n - 8;
    let mut f = [0, 0, 0, 0, 0, sec];
    for (k, x) in f.iter_mut().enumerate().take(5).skip(1) {
        *x = pair(s, q + 2 * k - 2)?;
    }
    f[0] = match q {
        0 => civil((now + zone.offset(now) as i64).div_euclid(86400)).0,
        2 => pair(s, 0)? + if pair(s, 0)? < 69 { 2000 } else { 1900 },
        _ => pair(s, 0)? * 100 + pair(s, 2)?,
    };
    let leap = (sec == 60) as i64;
    f[5] -= leap;
    Some(resolve(zone, &f, None)? + leap)
}

/// A token of parse_datetime's lexer. `k`: `u`/`s` an unsigned/signed
/// integer (`v`, `n` digits, `neg`), `U`/`S` the same with a fraction
/// (`v` rounded down, `ns`), `z` UTC/GMT/UT/Z, `T`, 0 the end, `?`
/// anything we do not take, else the byte itself.
#[derive(Clone, Copy, Default)]
struct Tok {
    k: u8,
    neg: bool,
    v: i64,
    n: usize,
    ns: u32,
}

/// The parser's whole state, kept in one place (the lexer sees it all).
struct Lex<'a> {
    s: &'a [u8],
    p: usize,
    t: Tok,
    /// year, month, day, hour, minute, second
    f: [i64; 6],
    /// dates, times and zones seen
    seen: [usize; 3],
}

impl Lex<'_> {
    fn c(&self) -> u8 {
        *self.s.get(self.p).unwrap_or(&0)
    }

    fn digit(&mut self) -> Option<u8> {
        let d = self.c().wrapping_sub(b'0');
        self.p += (d < 10) as usize;
        (d < 10).then_some(d)
    }

    fn skip(&mut self) {
        while space(self.c()) {
            self.p += 1;
        }
    }

    /// The next token (gnulib's yylex, for the tokens we take).
    fn next(&mut self) -> u8 {
        self.t = Tok::default();
        if self.lex().is_none() {
            self.t.k = b'?';
        }
        self.t.k
    }

    fn lex(&mut self) -> Option<()> {
        self.t.k = loop {
            self.skip();
            let c = self.c();
            if c == b'+' || c == b'-' {
                self.p += 1;
                self.skip();
                if self.c().is_ascii_digit() {
                    self.t.neg = c == b'-';
                    break b's';
                }
                // a sign alone is ignored
            } else if c.is_ascii_digit() {
                break b'u';
            } else if c.is_ascii_alphabetic() {
                // Upper-cased, periods dropped, of the first 19 bytes.
                let (mut key, mut len) = (0u64, 0);
                while let x @ (b'a'..=b'z' | b'A'..=b'Z' | b'.') = self.c() {
                    if len < 19 && x != b'.' {
                        key = key << 8 | (x & !0x20) as u64;
                    }
                    len += 1;
                    self.p += 1;
                }
                self.t.k = match key {
                    0x54 if len == 1 => b'T',
                    0x5a if len == 1 => b'z',
                    0x555443 | 0x474d54 | 0x5554 if len > 1 => b'z',
                    _ => b'?',
                };
                return Some(());
            } else {
                // Comments in parentheses are not taken.
                self.p += (c != 0) as usize;
                self.t.k = c;
                return Some(());
            }
        };
        let mut m = 0u64;
        while let Some(d) = self.digit() {
            m = m.checked_mul(10)?.checked_add(d as u64)?;
            self.t.n += 1;
        }
        let neg = self.t.neg;
        if m > i64::MAX as u64 + neg as u64 {
            return None;
        }
        self.t.v = if neg { (m as i64).wrapping_neg() } else { m as i64 };
        if matches!(self.c(), b'.' | b',') && self.s.get(self.p + 1).is_some_and(u8::is_ascii_digit) {
            // Nanoseconds: nine digits, the rest truncated toward minus
            // infinity; then kept non-negative.
            self.p += 1;
            let mut ns = 0;
            for _ in 0..9 {
                ns = ns * 10 + self.digit().unwrap_or(0) as u32;
            }
            let mut up = false;
            while let Some(d) = self.digit() {
                up |= d != 0;
            }
            if neg {
                ns += up as u32;
                if ns != 0 {
                    self.t.v = self.t.v.checked_sub(1)?;
                    ns = 1_000_000_000 - ns;
                }
            }
            self.t.ns = ns;
            self.t.k &= !0x20;
        }
        Some(())
    }
}

/// `touch -d STR` for `@SECONDS[.FRAC]` and ISO 8601 items, as gnulib's
/// parse_datetime: `YYYY-MM-DD`, then `T` or blanks and `hh:mm[:ss[.frac]]`
/// (or `hh` with an offset), a `±hh[[:]mm]` offset after the time,
/// `UTC`/`Z`/`GMT`/`UT` (optionally with an offset), in any order, any
/// case, blanks anywhere between tokens; a date alone is local midnight,
/// a time alone is today (in `zone`). Two-digit years 00-68 are 20YY,
/// 69-99 19YY. None for anything else (relative items, words, pure
/// numbers, comments are not taken), and for whatever GNU rejects:
/// `touch: invalid date format`.
pub fn touch_d(s: &[u8], now: (i64, u32), zone: &Zone) -> Option<(i64, u32)> {
    let (y, m, d) = civil((now.0 + zone.offset(now.0) as i64).div_euclid(86400));
    let mut lx = Lex { s, p: 0, t: Tok::default(), f: [y, m, d, 0, 0, 0], seen: [0; 3] };
    if lx.next() == b'@' {
        lx.next();
        let t = lx.t;
        return (matches!(t.k | 0x20, b'u' | b's') && lx.next() == 0).then_some((t.v, t.ns));
    }
    let (mut digits, mut ns, mut tz, mut need) = (0, 0, None, false);
    loop {
        let mut h = None;
        let k = lx.t.k;
        if need && k != b'u' {
            return None;
        }
        match k {
            0 => break,
            b'z' => _ = lx.next(),
            b'u' => {
                let a = lx.t;
                let b = lx.next();
                let bt = lx.t;
                let c = lx.next();
                if b == b's' && c == b's' {
                    // iso_8601_date, maybe `T` and a time
                    if need {
                        return None;
                    }
                    lx.seen[0] += 1;
                    lx.f[0] = a.v;
                    lx.f[1] = bt.v.wrapping_neg();
                    lx.f[2] = lx.t.v.wrapping_neg();
                    digits = a.n;
                    need = lx.next() == b'T';
                    if need {
                        lx.next();
                    }
                    continue;
                }
                // iso_8601_time
                need = false;
                lx.seen[1] += 1;
                lx.f[3] = a.v;
                (lx.f[4], lx.f[5], ns) = (0, 0, 0);
                if b == b's' {
                    // `hh` and an offset
                    h = Some(bt);
                } else if b == b':' && c == b'u' {
                    lx.f[4] = lx.t.v as i32 as i64;
                    if lx.next() == b':' {
                        if lx.next() | 0x20 != b'u' {
                            return None;
                        }
                        (lx.f[5], ns) = (lx.t.v as i32 as i64, lx.t.ns);
                        lx.next();
                    }
                    if lx.t.k != b's' {
                        continue;
                    }
                } else {
                    return None;
                }
            }
            _ => return None,
        }
        // A zone: `Z`/`UTC`..., or the offset after a time, and
        // time_zone_hhmm of a signed number after it.
        lx.seen[2] += 1;
        if h.is_none() && lx.t.k == b's' {
            h = Some(lx.t);
            lx.next();
        }
        let mut o = 0;
        if let Some(h) = h {
            o = if lx.t.k == b':' {
                if lx.next() != b'u' {
                    return None;
                }
                let mm = if h.neg { -lx.t.v } else { lx.t.v };
                lx.next();
                h.v.checked_mul(60)?.checked_add(mm)?
            } else {
                let v = if h.n <= 2 { h.v * 100 } else { h.v };
                v / 100 * 60 + v % 100
            };
            if !(-1440..=1440).contains(&o) {
                return None;
            }
        }
        tz = Some(o * 60);
    }
    let [dates, times, zones] = lx.seen;
    let f = &mut lx.f;
    if (dates | times | zones) > 1 || dates + times == 0 {
        return None;
    }
    if digits == 2 {
        f[0] += if f[0] < 69 { 2000 } else { 1900 };
    }
    if f[0] > i32::MAX as i64 + 1900 || !(1..=12).contains(&f[1]) || !(1..=31).contains(&f[2]) || !(0..24).contains(&f[3]) {
        return None;
    }
    let _ = now.1;
    Some((resolve(zone, f, tz)?, ns))
}
