//! Output that loses nothing: `write_all` (short writes, `EINTR`, `EAGAIN`),
//! and the `PROG: text` message path, without `core::fmt`.
//!
//! Messages go out in pieces, one `write` each, as GNU's `error()` does.

use crate::errno::{Errno, Result};
use crate::sys;

pub const STDOUT: i32 = 1;
pub const STDERR: i32 = 2;

/// Writes all of `buf` to `fd`: a short write is continued, `EINTR` retried,
/// and `EAGAIN` (a non-blocking descriptor) waited out with `poll`.
#[inline(never)]
pub fn write_all(fd: i32, mut buf: &[u8]) -> Result<()> {
    while !buf.is_empty() {
        match sys::write(fd, buf) {
            Ok(n) if n > 0 => buf = buf.get(n..).unwrap_or_default(),
            Err(Errno::EINTR) => {}
            Err(Errno::EAGAIN) => sys::poll_out(fd),
            // A write of nothing to a non-empty request would loop forever;
            // glibc's callers call it what it is: no space.
            r => return Err(r.err().unwrap_or(Errno::ENOSPC)),
        }
    }
    Ok(())
}

/// Writes `s` to stderr; a failing stderr has nowhere to complain.
#[inline(never)]
pub fn err(s: &[u8]) {
    let _ = write_all(STDERR, s);
}

/// `PROG: WHAT\n`, or `PROG: WHAT: <strerror>\n` with an error number.
#[inline(never)]
pub fn complain(prog: &[u8], what: &[u8], e: Option<Errno>) {
    err(prog);
    err(b": ");
    err(what);
    why(e);
}

/// Ends a message: `: <strerror>\n`, or just `\n` without an error number.
#[inline(never)]
pub fn why(e: Option<Errno>) {
    if let Some(e) = e {
        err(b": ");
        match e.text() {
            Some(t) => err(t),
            None => {
                err(b"Unknown error ");
                let (mut digits, mut i, mut n) = ([0u8; 5], 5, e.0);
                loop {
                    i -= 1;
                    if let Some(d) = digits.get_mut(i) {
                        *d = b'0' + (n % 10) as u8;
                    }
                    n /= 10;
                    if n == 0 {
                        break;
                    }
                }
                err(digits.get(i..).unwrap_or_default());
            }
        }
    }
    err(b"\n");
}

/// Writes `s` to `fd`; on failure says `PROG: write error: ...` and
/// returns true.
#[inline(never)]
pub fn print(fd: i32, prog: &[u8], s: &[u8]) -> bool {
    match write_all(fd, s) {
        Ok(()) => false,
        Err(e) => {
            complain(prog, b"write error", Some(e));
            true
        }
    }
}
