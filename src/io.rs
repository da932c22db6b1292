//! Output that loses nothing, the runtime's one global state, and the
//! message engine.
//!
//! - `write_all`: short writes continued, `EINTR` retried, `EAGAIN` waited out.
//! - The state (`STATE`, in `.bss`, the binary's one writable segment): the
//!   program name for messages, the applet running, the exit status, and
//!   the stdout buffer, so that no function passes them around. Only this
//!   file touches it, each access a short borrow that ends before any other
//!   (there is one thread and no callback into applet code).
//! - `say`: every diagnostic, `PROG: ` + a template from the text blob +
//!   a newline, assembled whole and sent with one `write`.

use crate::sys;
use core::mem::MaybeUninit;
use core::ptr::addr_of_mut;
use femtobox::errno::{Errno, Result};
use femtobox::msg;
use femtobox::text::Sink;
use femtobox::texts::{self, Text};

pub const STDIN: i32 = 0;
pub const STDOUT: i32 = 1;
pub const STDERR: i32 = 2;

/// Writes all of `buf` to `fd`: a short write is continued, `EINTR` retried,
/// and `EAGAIN` (a non-blocking descriptor) waited out with `poll`.
#[inline(never)]
#[cold]
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
/// frame, so a function holding one needs no stack probes.
pub const OUT_SIZE: usize = 3840;

/// A buffered writer with a sticky error: after the first failure nothing
/// more is written and `flush` keeps returning that error. Its buffer is
/// never zeroed: only the filled part is ever read. The buffer goes last
/// (repr(C)) so the other fields sit at short offsets.
#[repr(C)]
pub struct Out {
    len: u32,
    /// The descriptor less one: stdout is 0, so the global state is all
    /// zeros and takes no bytes of the file.
    fd_less_1: i32,
    err: Option<Errno>,
    buf: [MaybeUninit<u8>; OUT_SIZE],
}

impl Sink for Out {
    fn prog(&self) -> &'static [u8] {
        prog()
    }

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
    const fn new(fd: i32) -> Out {
        Out { len: 0, fd_less_1: fd - 1, err: None, buf: [MaybeUninit::uninit(); OUT_SIZE] }
    }

    /// Writes out what is buffered; returns the first error ever met.
    #[inline(never)]
    fn flush(&mut self) -> Result<()> {
        if self.err.is_none() {
            // SAFETY: the first `len` bytes of buf were initialised by `byte`.
            let filled = unsafe { sys::written(&self.buf, self.len as usize) };
            self.err = write_all(self.fd_less_1 + 1, filled).err();
        }
        self.len = 0;
        match self.err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// The runtime's state (see the module doc). All zeros at start: `.bss`.
#[repr(C)]
struct State {
    prog: Option<&'static [u8]>,
    /// The applet's own name (for `--version`).
    name: Option<&'static [u8]>,
    applet: u8,
    status: u8,
    /// A message could not be written (GNU's close_stdout then exits
    /// with its failure status even after a mere warning).
    lost: bool,
    /// stdout is line-buffered as GNU's wc makes it: a failed write was
    /// seen before the close (see `lost_stdout`).
    lined: bool,
    /// A message's flush of stdout failed (see `Msg::send`).
    flagged: bool,
    out: Out,
}

static mut STATE: State = State { prog: None, name: None, applet: 0, status: 0, lost: false, lined: false, flagged: false, out: Out::new(STDOUT) };

/// The stdout buffer, borrowed for one call.
///
/// SAFETY (for callers): use the borrow for one call of `Out`'s and drop
/// it; `Out`'s methods reach only `write_all`/`sys`, never this function,
/// so no two borrows overlap (there is one thread).
#[inline(always)]
unsafe fn out() -> &'static mut Out {
    // SAFETY: the caller's promise above.
    unsafe { &mut *addr_of_mut!(STATE.out) }
}

/// The program name for messages: argv[0] as given (the applet's name
/// under `femtobox APPLET`).
pub fn prog() -> &'static [u8] {
    // SAFETY: a read of a Copy field; see `out`.
    unsafe { (*addr_of_mut!(STATE.prog)).unwrap_or_default() }
}

/// Which applet runs: its index in the applet list, its name, and the
/// name its messages begin with.
#[inline(never)]
pub fn start(applet: u8, name: &'static [u8], prog: &'static [u8]) {
    // SAFETY: plain stores; see `out`.
    unsafe {
        (*addr_of_mut!(STATE)).applet = applet;
        (*addr_of_mut!(STATE)).name = Some(name);
        (*addr_of_mut!(STATE)).prog = Some(prog);
    }
}

/// The running applet's index and name.
pub fn applet() -> (usize, &'static [u8]) {
    // SAFETY: reads of Copy fields; see `out`.
    unsafe { ((*addr_of_mut!(STATE)).applet as usize, (*addr_of_mut!(STATE)).name.unwrap_or_default()) }
}

/// The exit status so far: 1 once anything failed (see `say`).
pub fn status() -> u8 {
    // SAFETY: a read of a Copy field; see `out`.
    unsafe { (*addr_of_mut!(STATE)).status }
}

fn fail() {
    // SAFETY: a plain store; see `out`.
    unsafe { (*addr_of_mut!(STATE)).status = 1 }
}

/// Standard output through the global buffer, as a `Sink`.
pub struct Stdout;

impl Sink for Stdout {
    fn prog(&self) -> &'static [u8] {
        prog()
    }
    #[inline(never)]
    fn put(&mut self, s: &[u8]) {
        // SAFETY: one call of Out's (see `out`).
        unsafe { out() }.put(s);
    }
    #[inline(never)]
    fn byte(&mut self, b: u8) {
        // SAFETY: one call of Out's (see `out`).
        unsafe { out() }.byte(b);
    }
}

impl Stdout {
    /// A text of the blob, up to its NUL.
    pub fn text(&mut self, t: Text) {
        self.put(texts::entry(t));
    }
}

/// Sends stdout's buffer from now on to `fd` (a usage text meant for stderr).
pub fn redirect(fd: i32) {
    // SAFETY: one store (see `out`).
    unsafe { out() }.fd_less_1 = fd - 1;
}

/// Writes out stdout's buffer; returns the first error ever met.
pub fn flush() -> Result<()> {
    // SAFETY: one call of Out's (see `out`).
    unsafe { out() }.flush()
}

/// Flushes stdout; on failure says `PROG: write error: ...`. Returns 1 if
/// it failed or a message could not be written, else 0.
#[inline(never)]
pub fn finish() -> u8 {
    // SAFETY: a read of a Copy field; see `out`.
    let pending = unsafe { out().len } > 0;
    match flush() {
        // SAFETY: a read of a Copy field; see `out`.
        Ok(()) => (unsafe { (*addr_of_mut!(STATE)).lost }) as u8,
        // SAFETY: a read of a Copy field; see `out`.
        Err(_) if unsafe { (*addr_of_mut!(STATE)).lined } => lost_stdout(),
        // Nothing was left to write since a message's flush failed:
        // glibc's close succeeds and only the error flag speaks.
        // SAFETY: a read of a Copy field; see `out`.
        Err(_) if !pending && unsafe { (*addr_of_mut!(STATE)).flagged } => lost_stdout(),
        Err(e) => write_failed(e),
    }
}

/// From now on stdout fails as a line-buffered glibc stdout does (wc).
pub fn line_buffered() {
    // SAFETY: a plain store; see `out`.
    unsafe { (*addr_of_mut!(STATE)).lined = true }
}

/// What gnulib's close_stdout says when an earlier flush of stdout
/// failed (stdio's error flag): `write error`, with the reason only when
/// closing stdout fails too (a closed descriptor). Returns 1.
#[cold]
pub fn lost_stdout() -> u8 {
    match sys::close(STDOUT) {
        Some(e) => write_failed(e),
        None => {
            say(texts::WRITE_ERROR_ONLY, b"", 0);
            1
        }
    }
}

/// `PROG: write error: <strerror>`; returns 1, the status it means.
#[inline(never)]
pub fn write_failed(e: Errno) -> u8 {
    say(texts::WRITE_ERROR, b"", e.0 as u32);
    1
}

/// A message being assembled: `PROG: `, then templates, then `send`.
pub struct Msg(Out);

impl Sink for Msg {
    fn put(&mut self, s: &[u8]) {
        self.0.put(s);
    }
    fn byte(&mut self, b: u8) {
        self.0.byte(b);
    }
    fn prog(&self) -> &'static [u8] {
        prog()
    }
}

impl Msg {
    #[inline(never)]
    pub fn new() -> Msg {
        let mut m = Msg::bare();
        m.fill(texts::PROG, b"", 0);
        m
    }

    /// A line for stderr without `PROG: ` (env's trace, its signal list).
    #[inline(never)]
    pub fn bare() -> Msg {
        Msg(Out::new(STDERR))
    }

    /// Template `t` filled with the name `a` and the number `n`.
    pub fn fill(&mut self, t: Text, a: &[u8], n: u32) -> &mut Msg {
        msg::fill(&mut self.0, t, a, n);
        self
    }

    /// The message's buffer, for the engine's other writers (getopt's
    /// complaints): one engine, one instance of it.
    pub fn sink(&mut self) -> &mut impl Sink {
        &mut self.0
    }

    /// Ends the message with a newline, sends it and marks the run failed.
    /// A failing stderr has nowhere to complain. What stdout holds goes
    /// out first, as glibc's error() flushes stdout; if that fails, stdout
    /// fails from now on as a glibc stream whose error flag is set (see
    /// `finish`).
    #[inline(never)]
    pub fn send(&mut self) {
        self.byte(b'\n');
        // SAFETY: one call of Out's, then plain reads and stores (see `out`).
        unsafe {
            if out().len > 0 && out().flush().is_err() {
                (*addr_of_mut!(STATE)).flagged = true;
            }
        }
        if self.0.flush().is_err() {
            // SAFETY: a plain store; see `out`.
            unsafe { (*addr_of_mut!(STATE)).lost = true }
        }
        fail();
    }
}

/// Template `t` filled with the name `a` on stdout (the `-v` lines of the
/// applets that change files; their templates end with the newline).
#[inline(never)]
pub fn tell(t: Text, a: &[u8]) {
    // SAFETY: one borrow of the buffer for the engine's calls of Out's
    // methods, which never reach `out` (see `out`).
    msg::fill(unsafe { out() }, t, a, 0);
}

impl Msg {
    /// Sends a question (no newline; no failure either).
    pub fn ask(&mut self) {
        if self.0.flush().is_err() {
            // SAFETY: a plain store; see `out`.
            unsafe { (*addr_of_mut!(STATE)).lost = true }
        }
    }
}

/// Sends the question `m` and reads the answer: a line of stdin, yes
/// when it begins with `y` or `Y` (glibc's rpmatch in the C locale). A
/// byte at a time, so no more of stdin is taken than GNU's close_stdin
/// leaves taken.
pub fn yes(m: &mut Msg) -> bool {
    m.ask();
    let (mut first, mut c) = (None, [0u8]);
    while let Ok(1) = sys::read_into(STDIN, &mut c) {
        if c[0] == b'\n' {
            break;
        }
        first.get_or_insert(c[0]);
    }
    matches!(first, Some(b'y' | b'Y'))
}

/// `PROG: ` + template `t` filled with `a` and `n` + newline, in one write;
/// the run's status becomes 1.
// #[cold]: the rare path, laid out for size (measured).
#[inline(never)]
#[cold]
pub fn say(t: Text, a: &[u8], n: u32) {
    Msg::new().fill(t, a, n).send();
}
