//! yes — write a line over and over until the output fails.
//!
//! Usage: yes [STRING]...
//! The line is the operands joined by spaces (`y` without any). Options as
//! GNU's getopt_long: `--help`, `--version` (and their prefixes), `--`.

use crate::applets::options;
use crate::args::{Args, Env};
use crate::io::{say, write_all, STDOUT};
use crate::sys;
use femtobox::errno::Errno;
use femtobox::getopt::Spec;
use femtobox::texts::{self, get};

const SPEC: Spec = Spec { short: b"", long: get(texts::HELP_VERSION) };

/// The buffer holds as many whole lines as fit in this (or one longer line):
/// a quarter of the pipe yes grows, so vmsplice rarely waits for room.
const BUF: usize = 256 * 1024;

pub fn main(mut args: Args, env: Env) -> u8 {
    if let Err(status) = options(&mut args, env, &SPEC, b"") {
        return status;
    }
    let mut line = 0;
    for op in args.iter(1) {
        line += op.len() + 1;
    }
    let y = line == 0;
    let line = if y { 2 } else { line };
    // As many whole lines as fit in BUF, or the one line.
    let size = (BUF / line).max(1) * line;
    let Ok(buf) = sys::alloc(size) else {
        say(texts::NO_MEMORY, b"", 0);
        return 1;
    };
    // The first line: the operands, each followed by a space, the last
    // space a newline (`y\n` without operands)...
    let mut at = 0;
    for op in args.iter(1) {
        for &c in op {
            if let Some(d) = buf.get_mut(at) {
                *d = c;
            }
            at += 1;
        }
        if let Some(d) = buf.get_mut(at) {
            *d = b' ';
        }
        at += 1;
    }
    if y {
        if let Some(d) = buf.first_mut() {
            *d = b'y';
        }
    }
    if let Some(d) = buf.get_mut(line - 1) {
        *d = b'\n';
    }
    // ...then copies of it.
    for i in line..size {
        let c = buf.get(i - line).copied().unwrap_or(0);
        if let Some(d) = buf.get_mut(i) {
            *d = c;
        }
    }
    let buf: &'static [u8] = buf;
    // Into a pipe, lend the pages themselves (vmsplice): the buffer is never
    // written again, so what the reader gets cannot change. Elsewhere, or if
    // the kernel says no, plain writes.
    let mut splice = sys::fstat(STDOUT).is_ok_and(|st| st.is_fifo());
    if splice {
        sys::grow_pipe(STDOUT, 1 << 20);
    }
    loop {
        let mut rest = buf;
        while splice && !rest.is_empty() {
            match sys::vmsplice(STDOUT, rest) {
                Ok(n) => rest = rest.get(n..).unwrap_or_default(),
                Err(Errno::EINTR) => {}
                Err(Errno::EAGAIN) => sys::poll_out(STDOUT),
                Err(Errno::EINVAL | Errno::ENOSYS) => splice = false,
                Err(e) => return fail(e),
            }
        }
        if let Err(e) = write_all(STDOUT, rest) {
            return fail(e);
        }
    }
}

// Inlined: smaller than a call here (measured).
#[inline(always)]
fn fail(e: Errno) -> u8 {
    say(texts::STDOUT_ERROR, b"", e.0 as u32);
    1
}
