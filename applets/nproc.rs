//! nproc — print the number of processors available.
//!
//! Usage: nproc [OPTION]...
//! The CPUs this process may run on (sched_getaffinity), unless
//! `OMP_NUM_THREADS` names a number (the first of a list), capped by
//! `OMP_THREAD_LIMIT` (gnulib's `num_processors`); `--all`: the installed
//! ones (`/sys/devices/system/cpu/possible`, as glibc counts them, but
//! never fewer than may be used); `--ignore=N`: N fewer, at least 1. A
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
        installed().max(current())
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

/// The CPUs installed: the ranges of `/sys/devices/system/cpu/possible`
/// (`0-3,8-11`) counted; 0 when it cannot be read.
fn installed() -> u64 {
    let mut buf = [MaybeUninit::uninit(); 256];
    let Ok(fd) = sys::open(CStr::new(entry_z(texts::CPUS_POSSIBLE))) else { return 0 };
    let text = sys::read(fd, &mut buf).unwrap_or_default();
    let (mut count, mut from, mut n) = (0, None, None);
    for &c in text.iter().chain(b",") {
        match (c, n) {
            (b'0'..=b'9', _) => n = Some(n.unwrap_or(0u64).saturating_mul(10).saturating_add((c - b'0') as u64)),
            (b'-', _) => (from, n) = (n, None),
            (_, Some(last)) => {
                count += last + 1 - from.unwrap_or(last).min(last);
                (from, n) = (None, None);
            }
            _ => {}
        }
    }
    count
}
