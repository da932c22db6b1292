//! yes — write a line over and over until the output fails.
//!
//! Usage: yes [STRING]...
//! The line is the operands joined by spaces (`y` without any). Options as
//! GNU's getopt_long: `--help`, `--version` (and their prefixes), `--`.

use crate::applets::{operands, options};
use crate::args::{Args, Env};
use crate::io::{complain, write_all, STDOUT};
use crate::sys;
use femtobox::getopt::{Spec, HELP, VERSION};

const SPEC: Spec = Spec { short: b"", long: b"help\0version\0", long_as: &[HELP, VERSION], bits: b"" };

/// The buffer holds as many whole lines as fit in this (or one longer line).
const BUF: usize = 64 * 1024;

pub fn main(args: Args, env: Env) -> u8 {
    if let Err(status) = options(args, env, &SPEC, b"yes", b" [STRING]...\n") {
        return status;
    }
    let mut line = 0;
    for op in operands(args, env, &SPEC) {
        line += op.len() + 1;
    }
    let y = line == 0;
    let line = if y { 2 } else { line };
    // As many whole lines as fit in BUF, or the one line.
    let size = (BUF / line).max(1) * line;
    let Ok(buf) = sys::alloc(size) else {
        complain(args.prog(), b"memory exhausted", None);
        return 1;
    };
    // The first line, its separators left as the mapping's zeros...
    let mut at = 0;
    for op in operands(args, env, &SPEC) {
        for &c in op {
            if let Some(d) = buf.get_mut(at) {
                *d = c;
            }
            at += 1;
        }
        at += 1;
    }
    if y {
        if let Some(d) = buf.first_mut() {
            *d = b'y';
        }
    }
    // ...then copies of it, each zero a space but the line's last a newline.
    for i in 0..size {
        let c = buf.get(i % line).copied().unwrap_or(0);
        if let Some(d) = buf.get_mut(i) {
            *d = match c {
                _ if (i + 1) % line == 0 => b'\n',
                0 => b' ',
                c => c,
            };
        }
    }
    loop {
        if let Err(e) = write_all(STDOUT, buf) {
            complain(args.prog(), b"standard output", Some(e));
            return 1;
        }
    }
}
