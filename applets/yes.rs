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

const SPEC: Spec = Spec { short: b"", long: b"help\0version\0", long_as: &[HELP, VERSION] };

/// The buffer holds as many whole lines as fit in this (or one longer line).
const BUF: usize = 64 * 1024;

pub fn main(args: Args, env: Env) -> u8 {
    if let Some(status) = options(args, env, &SPEC, b"yes", b" [STRING]...\n", |_| {}) {
        return status;
    }
    let mut line = 0;
    for op in operands(args, env, &SPEC) {
        line += op.len() + 1;
    }
    let line = if line == 0 { 2 } else { line };
    let size = BUF / line * line;
    let size = if size == 0 { line } else { size };
    let buf = match sys::alloc(size) {
        Ok(buf) => buf,
        Err(_) => {
            complain(args.prog(), b"memory exhausted", None);
            return 1;
        }
    };
    // One line, then copies of it: every write carries whole lines.
    let mut at = 0;
    for op in operands(args, env, &SPEC) {
        for &c in op.iter().chain(b" ") {
            if let Some(d) = buf.get_mut(at) {
                *d = c;
            }
            at += 1;
        }
    }
    if at == 0 {
        if let Some(d) = buf.get_mut(..2) {
            d.copy_from_slice(b"y ");
        }
    }
    for i in line..size {
        if let Some(&c) = buf.get(i - line) {
            if let Some(d) = buf.get_mut(i) {
                *d = c;
            }
        }
    }
    for i in (line - 1..size).step_by(line) {
        if let Some(d) = buf.get_mut(i) {
            *d = b'\n';
        }
    }
    loop {
        if let Err(e) = write_all(STDOUT, buf) {
            complain(args.prog(), b"standard output", Some(e));
            return 1;
        }
    }
}
