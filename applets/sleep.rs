//! sleep — pause for a while.
//!
//! Usage: sleep NUMBER[SUFFIX]...
//! The operands are summed; each is a number as glibc's strtod reads it
//! (fractions, exponents, hexadecimal floats `0x1p-3`, `inf`/`infinity`
//! in any case) with at most one suffix `s m h d` (`num::interval`). No
//! operand: `missing operand`; each bad one `invalid time interval 'X'`,
//! then the Try line; status 1. The sleep is against CLOCK_MONOTONIC to
//! a deadline, so a stop and continue (or any signal that does not end
//! us) resumes it for the time left, never more. `infinity` sleeps until
//! a signal ends the process.

use crate::applets::{parse, try_help, usage_error};
use crate::args::{Args, Env};
use crate::io::say;
use crate::sys;
use femtobox::getopt::Spec;
use femtobox::num::{interval, Span};
use femtobox::texts::{self, get};

const SPEC: Spec = Spec { short: b"", long: get(texts::HELP_VERSION) };

pub fn main(mut args: Args, env: Env) -> u8 {
    // GNU checks argc, not the operands: `sleep --` sleeps 0.
    let argc = args.len();
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |_, _| Ok(())) {
        return status;
    }
    if argc < 2 {
        return usage_error(texts::MISSING_OPERAND, b"", 1);
    }
    let (mut total, mut ok) = (Span::default(), true);
    for op in args.iter(1) {
        match interval(op) {
            Some(span) => total = total.plus(span),
            None => {
                say(texts::INVALID_INTERVAL, op, 0);
                ok = false;
            }
        }
    }
    if !ok {
        return try_help(1);
    }
    let now = sys::now();
    let end = Span { sec: now[0] as u64, ns: now[1] as u32 }.plus(total);
    sys::sleep_until([end.sec.min(i64::MAX as u64) as i64, end.ns as i64]);
    0
}
