//! Signal names and numbers as GNU env reads and writes them (gnulib's
//! `operand2sig`, `str2sig`, `sig2str`, with glibc's SIGRTMIN 34 and
//! SIGRTMAX 64 on Linux). Pure.

use crate::text::{eq, find, nth, num, Sink};
use crate::texts::{self, get};

pub const RTMIN: u8 = 34;
pub const RTMAX: u8 = 64;

/// strtol's reading of `s` (spaces, a sign, digits) when it takes all of
/// `s`: its value, saturated far past any signal number. An empty `s` is
/// 0 (no digits, and the end is where strtol stopped), as gnulib relies on
/// for `RTMIN`.
#[inline(never)]
#[cold]
fn whole(s: &[u8]) -> Option<i64> {
    let t = s.get(s.iter().take_while(|&&c| crate::num::space(c)).count()..).unwrap_or_default();
    let (neg, t) = match t.split_first() {
        Some((b'-', r)) => (true, r),
        Some((b'+', r)) => (false, r),
        _ => (false, t),
    };
    if t.is_empty() {
        return s.is_empty().then_some(0);
    }
    let mut v: i64 = 0;
    for &c in t {
        if !c.is_ascii_digit() {
            return None;
        }
        v = (v * 10 + (c - b'0') as i64).min(1 << 40);
    }
    Some(if neg { -v } else { v })
}

/// Is `n` a signal sig2str names? (32 and 33 belong to glibc; 0 is
/// `EXIT`, which env refuses as it refuses what has no name.)
fn named(n: i64) -> bool {
    (1..32).contains(&n) || (RTMIN as i64..=RTMAX as i64).contains(&n)
}

/// gnulib's str2sig on an upper-cased name: a number up to 64, a name
/// (aliases `IOT` `CLD` `IO` too), `RTMIN+n`, `RTMAX-n`.
fn str2sig(s: &[u8]) -> Option<i64> {
    if s.first().is_some_and(u8::is_ascii_digit) {
        return whole(s).filter(|&n| n <= RTMAX as i64);
    }
    if let Some(i) = find(get(texts::SIGNALS), s) {
        // The names by number, then the aliases of 6, 17 and 29.
        return Some(match i {
            32 => 6,
            33 => 17,
            34 => 29,
            i => i as i64,
        });
    }
    let span = (RTMAX - RTMIN) as i64;
    let (head, tail) = s.split_at_checked(5)?;
    let n = whole(tail)?;
    match () {
        _ if eq(head, b"RTMIN") && (0..=span).contains(&n) => Some(RTMIN as i64 + n),
        _ if eq(head, b"RTMAX") && (-span..=0).contains(&n) => Some(RTMAX as i64 + n),
        _ => None,
    }
}

/// gnulib's operand2sig: a signal number (or an exit status that means
/// one: 130 is INT), or a name in any case, with or without `SIG`.
/// None for anything sig2str could not name, and for 0 (`EXIT`).
#[inline(never)]
pub fn number(op: &[u8]) -> Option<u8> {
    let n = if op.first().is_some_and(u8::is_ascii_digit) {
        // An int, taken whole; a status a signal ended gives that signal.
        let i = whole(op).filter(|&n| n <= i32::MAX as i64)?;
        match i & 0x7f {
            0 | 0x7f => i,
            t => t,
        }
    } else {
        // Upper-cased (no name is longer; `SIGRTMIN+0...01` with more
        // zeros than fit is refused).
        let mut up = [0u8; 32];
        for (u, &c) in up.iter_mut().zip(op) {
            *u = c.to_ascii_uppercase();
        }
        let up = up.get(..op.len()).unwrap_or(b"\xff");
        let sig = up.split_at_checked(3).filter(|(head, _)| eq(head, b"SIG"));
        str2sig(up).or_else(|| sig.and_then(|(_, tail)| str2sig(tail)))?
    };
    named(n).then_some(n as u8)
}

/// sig2str: `HUP`, ..., `RTMIN`, `RTMIN+1`, ..., `RTMAX-1`, `RTMAX`.
pub fn name(out: &mut impl Sink, n: u8) {
    if n < 32 {
        out.put(nth(get(texts::SIGNALS), n as usize));
        return;
    }
    let low = n <= RTMIN + (RTMAX - RTMIN) / 2;
    out.put(if low { b"RTMIN" } else { b"RTMAX" });
    if low && n > RTMIN {
        out.byte(b'+');
        num(out, (n - RTMIN) as u64, 0);
    } else if !low && n < RTMAX {
        out.byte(b'-');
        num(out, (RTMAX - n) as u64, 0);
    }
}
