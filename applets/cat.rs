//! cat — concatenate files to standard output.
//!
//! Usage: cat [-AbeEnstTuv] [FILE]...
//! `-` and no operand are stdin. Formatting (`-n -b -s -v -E -T`, and `-A`
//! = `-vET`, `-e` = `-vE`, `-t` = `-vT`; `-u` ignored) keeps its line state
//! across operands. An unreadable operand is reported and skipped; a write
//! error ends cat at once.

use crate::applets::options;
use crate::args::{chop, Args, Env};
use crate::io::{self, say, Stdout, STDIN, STDOUT};
use crate::sys::{self, CStr, Copy};
use core::mem::MaybeUninit;
use femtobox::errno::Errno;
use femtobox::getopt::Spec;
use femtobox::render::{Render, ENDS, NONBLANK, NONPRINTING, NUMBER, SQUEEZE, TABS};
use femtobox::text::eq;
use femtobox::texts::{self, entry, get};

const SPEC: Spec = Spec { short: entry(texts::CAT_SHORT), long: get(texts::CAT_LONG) };

/// What each letter of `benstuvAET` turns on.
const BITS: &[u8] = &[
    NUMBER | NONBLANK,
    NONPRINTING | ENDS,
    NUMBER,
    SQUEEZE,
    NONPRINTING | TABS,
    0,
    NONPRINTING,
    NONPRINTING | ENDS | TABS,
    ENDS,
    TABS,
];

/// What copy_file_range answers when it cannot do a copy (GNU's list):
/// ENOSYS, EOPNOTSUPP, EINVAL, EBADF, EXDEV, ETXTBSY, EPERM.
const UNSUPPORTED: [u16; 7] = [38, 95, 22, 9, 18, 26, 1];

/// Reads per call: large, so plain cat makes few system calls.
const BLOCK: usize = 128 * 1024;

pub fn main(mut args: Args, env: Env) -> u8 {
    let flags = match options(&mut args, env, &SPEC, BITS) {
        Ok(flags) => flags,
        Err(status) => return status,
    };
    let stdout = match sys::fstat(STDOUT) {
        Ok(st) => st,
        Err(e) => {
            say(texts::STDOUT_ERROR, b"", e.0 as u32);
            return 1;
        }
    };
    let mut cat = Cat {
        stdout,
        render: Render::new(flags),
        block: [MaybeUninit::uninit(); BLOCK],
        read_stdin: false,
        grown: false,
    };
    for i in 1..args.len() {
        if !cat.file(args.arg_z(i)) {
            return 1;
        }
    }
    if args.len() < 2 && !cat.file(b"-\0") {
        return 1;
    }
    cat.render.finish(&mut Stdout);
    if io::finish() != 0 {
        return 1;
    }
    if cat.read_stdin {
        if let Some(e) = sys::close(STDIN) {
            say(texts::CLOSING_STDIN, b"", e.0 as u32);
            return 1;
        }
    }
    io::status()
}

/// In declaration order, the large buffers last: the small fields then sit
/// at short offsets, which makes shorter instructions.
#[repr(C)]
struct Cat {
    stdout: sys::Stat,
    render: Render,
    read_stdin: bool,
    /// The output pipe has been enlarged already.
    grown: bool,
    block: [MaybeUninit<u8>; BLOCK],
}

impl Cat {
    /// Copies one operand (NUL-terminated, as argv holds it). Returns false
    /// on a write error (cat ends).
    fn file(&mut self, name_z: &[u8]) -> bool {
        let name = chop(name_z);
        let stdin = eq(name, b"-");
        let fd = match stdin {
            true => {
                self.read_stdin = true;
                STDIN
            }
            false => match sys::open(CStr::new(name_z)) {
                Ok(fd) => fd,
                Err(e) => return self.fail(name, Some(e)),
            },
        };
        let go_on = self.copy(fd, name);
        if !stdin {
            if let Some(e) = sys::close(fd) {
                self.fail(name, Some(e));
            }
        }
        go_on
    }

    /// Reports `NAME: <strerror>` (without an error: `NAME: input file is
    /// output file`) and marks the run failed; cat goes on.
    // #[cold]: the rare path, laid out for size (measured).
    #[cold]
    fn fail(&mut self, name: &[u8], e: Option<Errno>) -> bool {
        let (t, n) = match e {
            Some(e) => (texts::NAME_ERROR, e.0 as u32),
            None => (texts::INPUT_IS_OUTPUT, 0),
        };
        say(t, name, n);
        true
    }

    /// Plain cat by the kernel alone, chosen by what the descriptors are.
    /// Returns false to fall back to read/write, which goes on from where
    /// this stopped and meets (and reports) any error again: when no fast
    /// call applies, when one is refused, and when one copies nothing at
    /// all (files such as /proc's that say they are empty but are not).
    /// GNU's copy_cat is the model for copy_file_range: an error it does not
    /// take for "unsupported" is reported against the operand, and cat goes
    /// on with the next one.
    fn fast(&mut self, fd: i32, st: sys::Stat, name: &[u8]) -> bool {
        let out = self.stdout;
        let how = match () {
            _ if st.is_fifo() => Copy::Splice,
            _ if !st.is_reg() => return false,
            _ if out.is_reg() => Copy::Range,
            _ if out.is_fifo() => Copy::Splice,
            _ => Copy::Sendfile,
        };
        if out.is_fifo() && !self.grown {
            sys::grow_pipe(STDOUT, 1 << 20);
            self.grown = true;
        }
        let mut moved = false;
        loop {
            match sys::copy(how, fd, STDOUT, 1 << 30) {
                Ok(0) => return moved,
                Ok(_) => moved = true,
                Err(Errno::EINTR) => {}
                Err(Errno::EAGAIN) => sys::poll_out(STDOUT),
                Err(e) if how == Copy::Range && !UNSUPPORTED.contains(&e.0) => {
                    return self.fail(name, Some(e));
                }
                Err(_) => return false,
            }
        }
    }

    fn copy(&mut self, fd: i32, name: &[u8]) -> bool {
        let st = match sys::fstat(fd) {
            Ok(st) => st,
            Err(e) => return self.fail(name, Some(e)),
        };
        // Copying a non-empty regular file onto itself would never end.
        if self.stdout.is_reg()
            && st.dev == self.stdout.dev
            && st.ino == self.stdout.ino
            && sys::tell(fd).map_or(true, |at| (at as i64) < st.size)
        {
            return self.fail(name, None);
        }
        if self.render.flags == 0 && self.fast(fd, st, name) {
            return true;
        }
        loop {
            // Formatted output waiting in `out` goes before a read that may block.
            if self.render.flags != 0 && io::finish() != 0 {
                return false;
            }
            let data = match sys::read(fd, &mut self.block) {
                Ok([]) => return true,
                Ok(data) => data,
                Err(e) => return self.fail(name, Some(e)),
            };
            if self.render.flags == 0 {
                if let Err(e) = io::write_all(STDOUT, data) {
                    return io::write_failed(e) == 0;
                }
            } else {
                self.render.feed(&mut Stdout, data);
            }
        }
    }
}
