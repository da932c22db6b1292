//! nproc — print the number of processors available.
//!
//! Usage: nproc [OPTION]...
//! The CPUs this process may run on (sched_getaffinity), unless
//! `OMP_NUM_THREADS` names a number (the first of a list), capped by
//! `OMP_THREAD_LIMIT` (gnulib's `num_processors`); `--all`: the installed
//! ones, as glibc and gnulib count them (`installed`); `--ignore=N`: N
//! fewer, at least 1. A
//! bad N: `invalid number: 'N'` (with `: Value too large for defined data
//! type` when it overflows), status 1; an operand: `extra operand`.

use crate::applets::{parse, usage_error};
use crate::args::{chop, Args, Env};
use crate::io::{self, Msg, Stdout};
use crate::sys::{self, CStr};
use core::mem::MaybeUninit;
use femtobox::getopt::Spec;
use femtobox::num::{decimal, omp};
use femtobox::text::num;
use femtobox::texts::{self, entry, entry_z, get};

const SPEC: Spec = Spec { short: b"", long: get(texts::NPROC_LONG) };

/// The value of `--all`.
const ALL: u8 = 3;

pub fn main(mut args: Args, env: Env) -> u8 {
    let (mut all, mut ignore) = (false, 0);
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |c, a| {
        let a = a.unwrap_or_default();
        match (c, decimal(a)) {
            (ALL, _) => all = true,
            (_, Ok(n)) => ignore = n,
            (_, Err(overflow)) => {
                let mut m = Msg::new();
                m.fill(texts::INVALID_NUMBER, a, 0);
                if overflow {
                    m.fill(texts::RAW_ERROR, b"", 75);
                }
                m.send();
                return Err(1);
            }
        }
        Ok(())
    }) {
        return status;
    }
    if args.len() > 1 {
        return usage_error(texts::EXTRA_OPERAND, args.arg(1), 1);
    }
    let var = |t| env.var(entry(t)).map(chop);
    let n = if all {
        installed()
    } else {
        let limit = match omp(var(texts::OMP_THREAD_LIMIT)) {
            0 => u64::MAX,
            l => l,
        };
        match omp(var(texts::OMP_NUM_THREADS)) {
            0 => current(),
            t => t,
        }
        .min(limit)
    };
    num(&mut Stdout, if ignore < n { n - ignore } else { 1 }, 0);
    femtobox::text::Sink::byte(&mut Stdout, b'\n');
    io::finish()
}

/// The CPUs this process may run on (1 if the kernel will not say).
fn current() -> u64 {
    let mut mask = [0u8; 1024];
    let n: u64 = sys::affinity(&mut mask).iter().map(|b| b.count_ones() as u64).sum();
    n.max(1)
}

/// The CPUs installed, as glibc 2.36's sysconf(_SC_NPROCESSORS_CONF)
/// counts them (and gnulib corrects it): the ranges of
/// `/sys/devices/system/cpu/possible` (`0-3,8-11`); without a usable one,
/// the `cpuN` lines at the top of `/proc/stat`, else the affinity count,
/// else 2; then at least the affinity count when that says 1 or 2, and 1
/// when the sum went negative (glibc adds in an int).
fn installed() -> u64 {
    let mut buf = [MaybeUninit::uninit(); 4096];
    let text = match sys::open(CStr::new(entry_z(texts::CPUS_POSSIBLE))) {
        Ok(fd) => sys::read(fd, &mut buf).unwrap_or_default(),
        Err(_) => b"",
    };
    let mut n = possible(text);
    if n == 0 {
        n = match stat_cpus() {
            0 => current() as i32,
            c => c as i32,
        };
    }
    match n {
        1 | 2 => current().max(n as u64),
        ..=0 => 1,
        n => n as u64,
    }
}

/// strtoul at `s`: the value (wrapping as C's unsigned long does for a
/// `-`, ULONG_MAX on overflow) and the bytes read (0: no number).
#[inline(never)]
#[cold]
fn strtoul(s: &[u8]) -> (u64, usize) {
    let lead = s.iter().take_while(|&&c| femtobox::num::space(c)).count();
    let (neg, at) = match s.get(lead) {
        Some(b'-') => (true, lead + 1),
        Some(b'+') => (false, lead + 1),
        _ => (false, lead),
    };
    let mut v: Option<u64> = Some(0);
    let mut end = at;
    while let Some(&c) = s.get(end).filter(|c| c.is_ascii_digit()) {
        v = v.and_then(|v| v.checked_mul(10)?.checked_add((c - b'0') as u64));
        end += 1;
    }
    if end == at {
        return (0, 0);
    }
    let v = v.unwrap_or(u64::MAX);
    (if neg && v != u64::MAX { v.wrapping_neg() } else { v }, end)
}

/// glibc's read of the `possible` list: ranges `N` or `N-M` separated by
/// `,` up to the end of the first line; 0 for anything it does not read.
fn possible(text: &[u8]) -> i32 {
    let (mut sum, mut at) = (0i32, 0);
    if text.is_empty() {
        return 0;
    }
    loop {
        let (n, len) = strtoul(text.get(at..).unwrap_or_default());
        if len == 0 {
            return 0;
        }
        at += len;
        let mut m = n;
        if text.get(at) == Some(&b'-') {
            let (v, len) = strtoul(text.get(at + 1..).unwrap_or_default());
            if len == 0 {
                return 0;
            }
            (m, at) = (v, at + 1 + len);
        }
        if m >= n {
            sum = sum.wrapping_add((m - n + 1) as i32);
        }
        if text.get(at) == Some(&b',') {
            at += 1;
        }
        match text.get(at) {
            None | Some(b'\n') => return sum,
            _ => {}
        }
    }
}

/// The `cpuN` lines at the top of /proc/stat.
fn stat_cpus() -> u64 {
    let Ok(fd) = sys::open(CStr::new(entry_z(texts::PROC_STAT))) else { return 0 };
    let mut buf = [MaybeUninit::uninit(); 4096];
    // Where in the current line we are, and the count.
    let (mut col, mut count) = (0usize, 0u64);
    loop {
        let chunk = sys::read(fd, &mut buf).unwrap_or_default();
        if chunk.is_empty() {
            return count;
        }
        for &c in chunk {
            match col {
                0..3 if c != b"cpu"[col] => return count,
                3 if c.is_ascii_digit() => count += 1,
                _ => {}
            }
            col = if c == b'\n' { 0 } else { col + 1 };
        }
    }
}
