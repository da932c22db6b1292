//! Time zones as glibc 2.36 resolves them (`time/tzset.c`, `time/tzfile.c`)
//! and its `mktime` with `tm_isdst = -1` (`time/mktime.c`, gnulib's too).
//! Pure: the caller reads the zone file; nothing here allocates or fails.
//!
//! How the applet gets its [`Zone`], exactly as glibc's `tzset` does:
//!
//! ```text
//! match tz::source(getenv("TZ")) {
//!     Source::Rule(r) => Zone::rule(r),
//!     Source::File(name) => {
//!         // name starting with '/': that path; otherwise "$TZDIR/name", with
//!         // TZDIR=/usr/share/zoneinfo when $TZDIR is unset or empty. No
//!         // check of ".." (glibc refuses it only in setuid programs).
//!         match read_whole_file(path) {
//!             Ok(data) => Zone::tzif(&data).unwrap_or(Zone::rule(name)),
//!             Err(_) => Zone::rule(name),
//!         }
//!     }
//! }
//! ```
//!
//! Any failure (missing file, a directory, a read error, a file that is not
//! TZif or is truncated) means: parse the same name as a POSIX TZ rule.
//! That covers every case glibc has: TZ unset and /etc/localtime missing
//! gives `Zone::rule(b"/etc/localtime")`, which is UTC (no valid name);
//! TZ="" reads `Universal` (UTC; if missing, the rule "Universal" is UTC
//! too); TZ=Europe/Paris without tzdata becomes the rule "Europe/Paris",
//! which has no offset, so UTC; TZ=UTC0 (no such file) is the rule UTC0.
//! A rule that fails to parse keeps what glibc had parsed before the
//! failure (glibc's own partial state: `EST5EDT,junk` is EDT all year).
//!
//! Not followed: a rule with a DST name but no dates (`AAA3BBB`): glibc
//! first loads the `posixrules` file (New York on Debian) and shifts its
//! transitions; here it gets glibc's fallback `M3.2.0,M11.1.0` directly
//! (the same from 2007 to 2037). Leap-second tables (`right/...`) are
//! ignored.

use crate::date::{civil, days_from_civil};
use crate::num::space;

/// Where the zone comes from.
pub enum Source<'a> {
    /// A file to read: absolute, or relative to `$TZDIR` (else
    /// `/usr/share/zoneinfo`). If it cannot be used, `Zone::rule` of the
    /// same bytes.
    File(&'a [u8]),
    /// A POSIX TZ rule, no file to try.
    Rule(&'a [u8]),
}

/// glibc's `tzset_internal`: TZ unset is /etc/localtime, TZ="" the file
/// `Universal`, a leading ':' is dropped (and TZ=":" is UTC).
pub fn source(tz: Option<&[u8]>) -> Source<'_> {
    match tz {
        None => Source::File(b"/etc/localtime"),
        Some([]) => Source::File(b"Universal"),
        Some(s) => match s.strip_prefix(b":").unwrap_or(s) {
            [] => Source::Rule(b""),
            n => Source::File(n),
        },
    }
}

/// A zone: the 32- or 64-bit data block of a TZif file (and its footer
/// rule), or a POSIX TZ rule alone.
#[derive(Clone, Copy)]
pub struct Zone<'a> {
    d: &'a [u8],
    /// Transition width (4 or 8), first transition, count, first type,
    /// type count (0: a rule alone).
    w: usize,
    tr: usize,
    n: usize,
    ty: usize,
    nt: usize,
    spec: &'a [u8],
}

/// The big-endian signed integer of `w` bytes (4 or 8) at `at`.
fn be(d: &[u8], at: usize, w: usize) -> i64 {
    let mut v = 0i64;
    for k in 0..w {
        v = v << 8 | *d.get(at + k).unwrap_or(&0) as i64;
    }
    if w == 4 {
        v as i32 as i64
    } else {
        v
    }
}

fn at(s: &[u8], p: usize) -> u8 {
    *s.get(p).unwrap_or(&0)
}

/// A cursor over a POSIX TZ string (a NUL ends it, as in C).
struct Cur<'a> {
    s: &'a [u8],
    p: usize,
}

impl Cur<'_> {
    fn at(&self) -> u8 {
        at(self.s, self.p)
    }

    /// sscanf `"%hu%n<sep>%hu%n<sep>%hu%n"`: fills as many of `v` as it
    /// reads (`%hu`: blanks, a sign, digits; strtoul, then truncated) and
    /// moves past the last one read. How many it read.
    fn fields(&mut self, sep: u8, v: &mut [u32; 3]) -> usize {
        let mut n = 0;
        let mut q = self.p;
        for x in v.iter_mut() {
            if n > 0 {
                if at(self.s, q) != sep {
                    break;
                }
                q += 1;
            }
            while space(at(self.s, q)) {
                q += 1;
            }
            let neg = at(self.s, q) == b'-';
            q += (neg || at(self.s, q) == b'+') as usize;
            if !at(self.s, q).is_ascii_digit() {
                break;
            }
            let mut y = Some(0u64);
            while let c @ b'0'..=b'9' = at(self.s, q) {
                y = y.and_then(|y| y.checked_mul(10)?.checked_add((c - b'0') as u64));
                q += 1;
            }
            let y = y.map_or(u64::MAX, |y| if neg { y.wrapping_neg() } else { y });
            *x = y as u16 as u32;
            self.p = q;
            n += 1;
        }
        n
    }

    /// `parse_tzname`: three letters or more, or `<` three of `[A-Za-z0-9+-]` `>`.
    fn name(&mut self) -> bool {
        let s = self.s;
        let p = self.p;
        let mut q = p;
        while at(s, q).is_ascii_alphabetic() {
            q += 1;
        }
        if q - p < 3 {
            if at(s, p) != b'<' {
                return false;
            }
            q = p + 1;
            while matches!(at(s, q), b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'+' | b'-') {
                q += 1;
            }
            if at(s, q) != b'>' || q - p < 4 {
                return false;
            }
            q += 1;
        }
        self.p = q;
        true
    }

    /// `parse_offset` into `r` (`std`: the standard time's, required; else
    /// DST's, defaulting to `base` + 1 hour).
    fn offset(&mut self, r: &mut Rule, base: i32, std: bool) -> bool {
        let c = self.at();
        let signed = c == b'+' || c == b'-';
        if std && !signed && !c.is_ascii_digit() {
            return false;
        }
        self.p += signed as usize;
        let mut v = [0; 3];
        r.off = if self.fields(b':', &mut v) > 0 {
            let x = (v[0].min(24) * 3600 + v[1].min(59) * 60 + v[2].min(59)) as i32;
            if c == b'-' {
                x
            } else {
                -x
            }
        } else if std {
            return false;
        } else {
            base + 3600
        };
        true
    }

    /// `parse_rule` into `r` (`end`: the rule that ends DST). A failure
    /// leaves what was read, as glibc's does.
    fn rule(&mut self, r: &mut Rule, end: bool) -> bool {
        self.p += (self.at() == b',') as usize;
        let c = self.at();
        if c == b'M' {
            r.kind = 2;
            self.p += 1;
            let n = self.fields(b'.', &mut r.mnd);
            let [m, w, d] = r.mnd;
            if n < 3 || !(1..=12).contains(&m) || !(1..=5).contains(&w) || d > 6 {
                return false;
            }
        } else if c == 0 {
            r.kind = 2;
            r.mnd = if end { [11, 1, 0] } else { [3, 2, 0] };
        } else {
            // `Jn` (kind 1), `n` (kind 0), else nothing valid.
            r.kind = (c == b'J') as u8;
            self.p += r.kind as usize;
            if !self.at().is_ascii_digit() {
                return false;
            }
            let mut d = 0;
            while let x @ b'0'..=b'9' = self.at() {
                d = (d * 10 + (x - b'0') as u32).min(1000);
                self.p += 1;
            }
            if d > 365 || d < r.kind as u32 {
                return false;
            }
            r.mnd[2] = d;
        }
        let c = self.at();
        let mut x = 7200;
        if c == b'/' {
            self.p += 1;
            let neg = self.at() == b'-';
            if self.at() == 0 {
                return false;
            }
            self.p += neg as usize;
            let mut t = [2, 0, 0];
            self.fields(b':', &mut t);
            x = (t[0] * 3600 + t[1] * 60 + t[2]) as i32;
            if neg {
                x = -x;
            }
        } else if c != 0 && c != b',' {
            return false;
        }
        r.secs = x;
        true
    }
}

/// One of glibc's `tz_rules`: type (0 `n`, 1 `Jn`, 2 `Mm.w.d`), m w d,
/// time of day, offset (east).
#[derive(Clone, Copy, Default)]
struct Rule {
    kind: u8,
    mnd: [u32; 3],
    secs: i32,
    off: i32,
}

/// `compute_change`: when rule `r` takes effect in year `y` (with glibc's
/// quirks: for years up to 1970 it counts from 1970-01-01, and it counts
/// the days to January 1 in an `int`).
fn change(r: &Rule, y: i64) -> i64 {
    let jan1 = days_from_civil(y, 1, 1);
    let [m, n, d] = r.mnd.map(|x| x as i64);
    let mut days = if y > 1970 { jan1 as i32 as i64 } else { 0 };
    days += match r.kind {
        0 => d,
        1 => d - 1 + (d >= 60 && days_from_civil(y, 3, 1) - jan1 > 59) as i64,
        _ => {
            let first = days_from_civil(y, m, 1);
            let len = if m == 12 { 31 } else { days_from_civil(y, m + 1, 1) - first };
            let mut k = d - (first + 4).rem_euclid(7);
            if k < 0 {
                k += 7;
            }
            for _ in 1..n {
                if k + 7 >= len {
                    break;
                }
                k += 7;
            }
            first - jan1 + k
        }
    };
    days * 86400 - r.off as i64 + r.secs as i64
}

/// `__tzset_parse_tz` then `__tz_compute`: (offset, isdst) at `t`.
fn posix(s: &[u8], t: i64) -> (i32, bool) {
    let mut r = [Rule::default(); 2];
    let mut c = Cur { s, p: 0 };
    let [a, b] = &mut r;
    if c.name() && c.offset(a, 0, true) {
        if c.at() == 0 {
            b.off = a.off;
        } else {
            if c.name() {
                c.offset(b, a.off, false);
            }
            if c.rule(a, false) {
                c.rule(b, true);
            }
        }
    }
    let y = civil(t.div_euclid(86400)).0;
    let (c0, c1) = (change(a, y), change(b, y));
    let dst = if c0 > c1 { t < c1 || t >= c0 } else { t >= c0 && t < c1 };
    (if dst { b.off } else { a.off }, dst)
}

impl<'a> Zone<'a> {
    /// A zone from the bytes of a TZif file (versions 1 to 3 and later),
    /// or None where glibc's `__tzfile_read` gives up on its layout (then
    /// the caller uses `Zone::rule` of the name). From version 2 on, the
    /// 64-bit block and the footer rule (used from the last transition
    /// on). Bad type indexes inside are not refused (glibc refuses them).
    pub fn tzif(d: &'a [u8]) -> Option<Zone<'a>> {
        let (mut h, mut w) = (0, 4);
        loop {
            if be(d, h, 4) != 0x545a_6966 {
                return None;
            }
            let c = |k: usize| be(d, h + 20 + 4 * k, 4) as u32 as usize;
            let (n, nt) = (c(3), c(4));
            if c(1) > nt || c(0) > nt || nt == 0 {
                return None;
            }
            let tr = h + 44;
            let ty = tr + n * (w + 1);
            let end = ty + nt * 6 + c(5) + c(2) * (w + 4) + c(1) + c(0);
            if w == 4 && at(d, 4) != 0 {
                (h, w) = (end, 8);
                continue;
            }
            // The footer: "\nRULE\n" (glibc ignores the last byte).
            let spec: &[u8] = match d.get(end..)? {
                _ if w == 4 => &[],
                [b'\n', x @ .., _] => x,
                [_, _, ..] => &[],
                _ => return None,
            };
            return Some(Zone { d, w, tr, n, ty, nt, spec });
        }
    }

    /// A zone from a POSIX TZ rule (`EST5EDT,M3.2.0,M11.1.0`, `<+0530>-5:30`,
    /// `CET-1CEST,M3.5.0,M10.5.0/3`, ...), parsed as glibc 2.36 does,
    /// failures included: no valid name or offset is UTC.
    pub fn rule(s: &'a [u8]) -> Zone<'a> {
        Zone { d: &[], w: 0, tr: 0, n: 0, ty: 0, nt: 0, spec: s }
    }

    /// (offset east of UTC, isdst) at the instant `t`: `localtime`.
    fn info(&self, t: i64) -> (i32, bool) {
        let (d, w, n) = (self.d, self.w, self.n);
        if self.nt == 0 {
            return posix(self.spec, t);
        }
        let mut i = 0;
        while i < n && be(d, self.tr + i * w, w) <= t {
            i += 1;
        }
        let k = if i == 0 {
            // Before the first transition: the first standard-time type.
            let mut k = 0;
            while k < self.nt && at(d, self.ty + k * 6 + 4) != 0 {
                k += 1;
            }
            if k < self.nt {
                k
            } else {
                0
            }
        } else if i == n && !self.spec.is_empty() {
            return posix(self.spec, t);
        } else {
            at(d, self.tr + n * w + i - 1) as usize
        };
        let e = self.ty + k * 6;
        (be(d, e, 4) as i32, at(d, e + 4) != 0)
    }
    /// Seconds east of UTC at the instant `utc` (localtime's tm_gmtoff).
    pub fn offset(&self, utc: i64) -> i32 {
        self.info(utc).0
    }

    /// glibc `mktime` with `tm_isdst = -1`, fresh process (first guess: the
    /// offset 0): `local` is the broken-down time counted as if it were UTC.
    /// In an overlap this finds the offset in force at `local` read as UTC
    /// first (west of Greenwich: the earlier, DST instant; east: the later,
    /// standard one). In a gap (and if mktime would fail) the answer's
    /// local time differs from `local`: callers that must reject
    /// normalised times compare `t + offset(t)` with `local`.
    pub fn to_utc(&self, local: i64) -> i64 {
        let (mut t, mut t1, mut t2, mut dst2) = (local, local, local, false);
        for _ in 0..6 {
            let (off, dst) = self.info(t);
            let dt = local - (t + off as i64);
            // A match, or oscillating around a gap (keep the DST side).
            if dt == 0 || (t == t1 && t != t2 && dst2 <= dst) {
                return t;
            }
            (t1, t2, t, dst2) = (t2, t, t + dt, dst);
        }
        // Six probes: mktime fails; the last probe is not `local`.
        t2
    }
}
