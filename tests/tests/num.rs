//! The pure number readers against models: `num::interval` (sleep) against
//! glibc's own strtod plus GNU sleep's rules and gnulib's dtotimespec;
//! `num::decimal` (xdectoumax) and `num::omp` against their C definitions
//! written out. Thousands of generated strings each.

mod common;
use common::Rng;
use femtobox::num::{decimal, interval, omp, Span};
use std::ffi::CString;

extern "C" {
    fn strtod(s: *const std::ffi::c_char, end: *mut *mut std::ffi::c_char) -> f64;
    fn __errno_location() -> *mut i32;
}

/// GNU sleep's reading of one operand, with glibc's strtod: None when
/// invalid, else dtotimespec of the value times the suffix.
fn model(arg: &[u8]) -> Option<(u64, u32)> {
    let c = CString::new(arg).ok()?;
    let mut end = std::ptr::null_mut();
    // SAFETY: c is a NUL-terminated string; end receives a pointer into it.
    let (v, erange) = unsafe {
        *__errno_location() = 0;
        let v = strtod(c.as_ptr(), &mut end);
        (v, *__errno_location() == 34)
    };
    let used = end as usize - c.as_ptr() as usize;
    // xstrtod: no conversion is invalid; overflow (ERANGE) sleep accepts.
    if used == 0 && !erange {
        return None;
    }
    if !(0.0 <= v) {
        return None;
    }
    let rest = &arg[used..];
    let m = match rest {
        [] | [b's'] => 1.0,
        [b'm'] => 60.0,
        [b'h'] => 3600.0,
        [b'd'] => 86400.0,
        _ => return None,
    };
    let s = v * m;
    // gnulib dtotimespec, time_t = i64.
    if !(s < 1.0 + i64::MAX as f64) {
        return Some((i64::MAX as u64, 999_999_999));
    }
    let whole = s as i64;
    let frac = 1e9 * (s - whole as f64);
    let mut ns = frac as i64;
    ns += ((ns as f64) < frac) as i64;
    Some(((whole + ns / 1_000_000_000) as u64, (ns % 1_000_000_000) as u32))
}

/// Ours, with the seconds capped as the sleep caps them (time_t).
fn ours(arg: &[u8]) -> Option<(u64, u32)> {
    interval(arg).map(|Span { sec, ns }| if sec > i64::MAX as u64 { (i64::MAX as u64, 999_999_999) } else { (sec, ns) })
}

/// Are the model's `a` and our `b` the same duration? The model rounds
/// through a double (53 bits): allow what that loses; we round a fraction
/// of a nanosecond up before the suffix scales it (`mult` ns at most: 86
/// us for `d`), GNU after.
fn close(a: (u64, u32), b: (u64, u32), mult: i128) -> bool {
    let x = a.0 as i128 * 1_000_000_000 + a.1 as i128;
    let y = b.0 as i128 * 1_000_000_000 + b.1 as i128;
    let slack = 2 + x.abs().max(y.abs()) / (1 << 50);
    y - x >= -slack && y - x <= slack + mult
}

fn check(arg: &[u8]) {
    let (want, got) = (model(arg), ours(arg));
    let ok = match (want, got) {
        (Some(w), Some(g)) => {
            let mult = match arg.last() {
                Some(b'm') => 60,
                Some(b'h') => 3600,
                Some(b'd') => 86400,
                _ => 1,
            };
            close(w, g, mult)
        }
        (None, None) => true,
        _ => false,
    };
    assert!(ok, "sleep {:?}: glibc model {want:?}, ours {got:?}", String::from_utf8_lossy(arg));
}

#[test]
fn intervals_read_as_glibc_strtod_and_gnu_sleep_read_them() {
    for case in [
        "0", "1", "1.5", ".5", "5.", ".", "", " 1", "\t2s", "1 ", "+1", "-0", "-0.0", "-1", "-.0e5", "1e3", "1e", "1e+",
        "1e-2", "1E2m", "2h", "3d", "1x", "1ss", "0x", "0x.", "0x1", "0x1p-3", "0X.8", "0x1P3", "0x1d", "0x1p", "0xAp-1",
        "0x1.8p1", "inf", "INF", "infinity", "Infinity", "infs", "infinityd", "infi", "nan", "NaN", "-inf", "nan(1)",
        "1e400", "1e-400", "-1e-400", "-1e-320", "-2e-324", "-3e-324", "-2.4703282292062327e-324",
        "-2.4703282292062328e-324", "-0x1p-1075", "-0x1.0000001p-1075", "-0x1p-1076", "-0x1p-1074", "0x1p-1080",
        "4.9e-324", "1e-9", "1e-10", "0.0000000001", "0.123456789012345678901234567890",
        "123456789012345678901234567890", "18446744073709551616", "9223372036854775807", "9223372036854775808",
        "1e18", "1e19", "1e20", "0x10000000000000000", "0xffffffffffffffffp-64", "0x1p63", "0x1p64", "1.5m",
        "0.0000001d", "00000000000000000000000000001", "1_000", "１",
    ] {
        check(case.as_bytes());
    }
}

#[test]
fn intervals_match_the_model_on_a_random_corpus() {
    let mut rng = Rng(0x51ee9);
    let alphabet = b"0123456789.eEpPxX+-abcdfABCDFinftyINFTYsmhd \t";
    let mut n = 0;
    for _ in 0..200_000 {
        let len = rng.below(12);
        let s: Vec<u8> = (0..len).map(|_| *rng.pick(alphabet)).collect();
        check(&s);
        n += 1;
    }
    // Numbers shaped like numbers: digits, a point, an exponent, a suffix.
    for _ in 0..100_000 {
        let mut s = Vec::new();
        if rng.chance(20) {
            s.push(*rng.pick(b"+- "));
        }
        let hex = rng.chance(30);
        if hex {
            s.extend_from_slice(b"0x");
        }
        let digits: &[u8] = if hex { b"0123456789abcdefABCDEF" } else { b"0123456789" };
        for _ in 0..rng.below(25) {
            s.push(*rng.pick(digits));
        }
        if rng.chance(50) {
            s.push(b'.');
            for _ in 0..rng.below(25) {
                s.push(*rng.pick(digits));
            }
        }
        if rng.chance(50) {
            s.push(if hex { b'p' } else { b'e' });
            if rng.chance(50) {
                s.push(*rng.pick(b"+-"));
            }
            let wide = rng.chance(10);
            let e = rng.below(if wide { 1200 } else { 30 });
            s.extend_from_slice(e.to_string().as_bytes());
        }
        if rng.chance(30) {
            s.push(*rng.pick(b"smhdx"));
        }
        check(&s);
        n += 1;
    }
    eprintln!("{n} intervals compared with glibc strtod + GNU sleep's rules");
}

/// xstrtoumax(s, base 10, "") as xdectoumax reports it, written from
/// gnulib's xstrtol.c with strtoumax's C-locale rules.
fn decimal_model(s: &[u8]) -> Result<u64, bool> {
    let t: &[u8] = &s[s.iter().take_while(|c| b" \t\n\x0b\x0c\r".contains(c)).count()..];
    if t.first() == Some(&b'-') {
        return Err(false);
    }
    let t = t.strip_prefix(b"+").unwrap_or(t);
    let n = t.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n < t.len() {
        return Err(false);
    }
    std::str::from_utf8(t).unwrap().parse::<u64>().map_err(|_| true)
}

#[test]
fn decimals_and_omp_lists_match_their_c_definitions() {
    let mut rng = Rng(0xdec);
    let alphabet = b"0123456789 +-,\tx";
    for _ in 0..100_000 {
        let len = rng.below(24);
        let s: Vec<u8> = (0..len).map(|_| *rng.pick(alphabet)).collect();
        assert_eq!(decimal(&s), decimal_model(&s), "{:?}", String::from_utf8_lossy(&s));
        // parse_omp_threads: spaces, digits (strtoul saturating), spaces, end or ','.
        let t = &s[s.iter().take_while(|c| b" \t".contains(c)).count()..];
        let n = t.iter().take_while(|c| c.is_ascii_digit()).count();
        let after = &t[n..];
        let after = &after[after.iter().take_while(|c| b" \t".contains(c)).count()..];
        let want = if n == 0 || !(after.is_empty() || after[0] == b',') {
            0
        } else {
            std::str::from_utf8(&t[..n]).unwrap().parse::<u64>().unwrap_or(u64::MAX)
        };
        assert_eq!(omp(Some(&s)), want, "{:?}", String::from_utf8_lossy(&s));
    }
    assert_eq!(omp(None), 0);
}
