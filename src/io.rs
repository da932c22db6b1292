//! Output that loses nothing: `write_all` (short writes, `EINTR`, `EAGAIN`),
//! `Out`, a buffered writer with a sticky error, and messages
//! (`PROG: ...: <strerror>`) built whole and sent in one write.

use crate::sys;
use core::mem::MaybeUninit;
use femtobox::errno::{Errno, Result};
use femtobox::text::Sink;

pub const STDIN: i32 = 0;
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

/// The size of an `Out` buffer: a message, a help text, an echo line, a
/// slice of cat's formatted output. A page less room for the rest of a
/// frame, so a function holding one needs no stack probes (-80 bytes).
pub const OUT_SIZE: usize = 3840;

/// A buffered writer with a sticky error: after the first failure nothing
/// more is written and `flush` keeps returning that error. Its buffer is
/// never zeroed: only the filled part is ever read. The buffer goes last
/// (repr(C)) so the other fields sit at short offsets.
#[repr(C)]
pub struct Out {
    len: u32,
    fd: i32,
    err: Option<Errno>,
    buf: [MaybeUninit<u8>; OUT_SIZE],
}

impl Sink for Out {
    fn put(&mut self, s: &[u8]) {
        for &b in s {
            self.byte(b);
        }
    }

    #[inline(never)]
    fn byte(&mut self, b: u8) {
        if let Some(d) = self.buf.get_mut(self.len as usize) {
            d.write(b);
            self.len += 1;
        }
        // Full: out it goes (the next byte always finds room).
        if self.len as usize >= OUT_SIZE {
            let _ = self.flush();
        }
    }
}

impl Out {
    // Out of line: one call is smaller than the stores at each site.
    #[inline(never)]
    pub fn new(fd: i32) -> Out {
        Out { fd, len: 0, err: None, buf: [MaybeUninit::uninit(); OUT_SIZE] }
    }

    /// Writes out what is buffered; returns the first error ever met.
    #[inline(never)]
    pub fn flush(&mut self) -> Result<()> {
        if self.err.is_none() {
            let filled = self.buf.get(..self.len as usize).unwrap_or_default();
            // SAFETY: the first `len` bytes of buf were initialised by `byte`,
            // and MaybeUninit<u8> has the layout of u8.
            let filled = unsafe { &*(filled as *const [MaybeUninit<u8>] as *const [u8]) };
            self.err = write_all(self.fd, filled).err();
        }
        self.len = 0;
        match self.err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Flushes; on failure says `PROG: write error: ...`. Returns 1 if it
    /// failed, else 0.
    pub fn finish(&mut self, prog: &[u8]) -> u8 {
        match self.flush() {
            Ok(()) => 0,
            Err(e) => write_failed(prog, e),
        }
    }

    /// Ends a message: `WHAT`, then `: <strerror>` with an error number,
    /// then a newline; sends it. A failing stderr has nowhere to complain.
    // #[cold]: the rare path, laid out for size (measured).
    #[inline(never)]
    #[cold]
    pub fn end(&mut self, what: &[u8], e: Option<Errno>) {
        self.put(what);
        if let Some(e) = e {
            self.put(b": ");
            let (text, known) = e.text();
            self.put(text);
            if !known {
                femtobox::text::num(self, e.0 as u64, 0);
            }
        }
        self.byte(b'\n');
        let _ = self.flush();
    }
}

/// `PROG: write error: <strerror>`; returns 1, the status it means.
#[inline(never)]
pub fn write_failed(prog: &[u8], e: Errno) -> u8 {
    complain(prog, b"write error", Some(e));
    1
}

/// A message to stderr, begun with `PROG: `.
#[inline(never)]
pub fn msg(prog: &[u8]) -> Out {
    let mut m = Out::new(STDERR);
    m.put(prog);
    m.put(b": ");
    m
}

/// `PROG: WHAT\n`, or `PROG: WHAT: <strerror>\n`.
pub fn complain(prog: &[u8], what: &[u8], e: Option<Errno>) {
    msg(prog).end(what, e);
}
