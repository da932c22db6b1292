//! cat — concatenate files to standard output.
//!
//! Usage: cat [-AbeEnstTuv] [FILE]...
//! `-` and no operand are stdin. Formatting (`-n -b -s -v -E -T`, and `-A`
//! = `-vET`, `-e` = `-vE`, `-t` = `-vT`; `-u` ignored) keeps its line state
//! across operands. An unreadable operand is reported and skipped; a write
//! error ends cat at once.

use crate::applets::options;
use crate::args::{chop, Args, Env};
use crate::io::{self, complain, msg, Out, STDIN, STDOUT};
use crate::sys::{self, CStr, Copy};
use core::mem::MaybeUninit;
use femtobox::errno::Errno;
use femtobox::getopt::{Spec, HELP, VERSION};
use femtobox::render::{Render, ENDS, NONBLANK, NONPRINTING, NUMBER, SQUEEZE, TABS};
use femtobox::text::{eq, quote};

const USAGE: &[u8] = usage!(
    "cat [-AbeEnstTuv] [FILE]...\n",
    "Concatenate FILEs to stdout (none or -: stdin).\n",
    "  -A --show-all          = -vET\n",
    "  -b --number-nonblank   number nonempty lines (overrides -n)\n",
    "  -e                     = -vE\n",
    "  -E --show-ends         $ at the end of each line\n",
    "  -n --number            number all lines\n",
    "  -s --squeeze-blank     no repeated empty lines\n",
    "  -t                     = -vT\n",
    "  -T --show-tabs         TAB as ^I\n",
    "  -u                     (ignored)\n",
    "  -v --show-nonprinting  ^ and M- notation, but for LF and TAB\n",
);

const SPEC: Spec = Spec {
    short: b"benstuvAET",
    long: b"number-nonblank\0number\0squeeze-blank\0show-nonprinting\0show-ends\0show-tabs\0show-all\0help\0version\0",
    long_as: &[b'b', b'n', b's', b'v', b'E', b'T', b'A', HELP, VERSION],
    // What each of `short` turns on.
    bits: &[
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
    ],
};

/// What copy_file_range answers when it cannot do a copy (GNU's list):
/// ENOSYS, EOPNOTSUPP, EINVAL, EBADF, EXDEV, ETXTBSY, EPERM.
const UNSUPPORTED: [u16; 7] = [38, 95, 22, 9, 18, 26, 1];

/// Reads per call: large, so plain cat makes few system calls.
const BLOCK: usize = 128 * 1024;

pub fn main(mut args: Args, env: Env) -> u8 {
    let prog = args.prog();
    let flags = match options(&mut args, env, &SPEC, USAGE) {
        Ok(flags) => flags,
        Err(status) => return status,
    };
    let stdout = match sys::fstat(STDOUT) {
        Ok(st) => st,
        Err(e) => {
            complain(prog, b"standard output", Some(e));
            return 1;
        }
    };
    let mut cat = Cat {
        prog,
        stdout,
        render: Render::new(flags),
        out: Out::new(STDOUT),
        block: [MaybeUninit::uninit(); BLOCK],
        status: 0,
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
    cat.render.finish(&mut cat.out);
    if cat.out.finish(prog) != 0 {
        return 1;
    }
    if cat.read_stdin {
        if let Some(e) = sys::close(STDIN) {
            complain(prog, b"closing standard input", Some(e));
            return 1;
        }
    }
    cat.status
}

/// In declaration order, the large buffers last: the small fields then sit
/// at short offsets, which makes shorter instructions.
#[repr(C)]
struct Cat<'a> {
    prog: &'a [u8],
    stdout: sys::Stat,
    render: Render,
    status: u8,
    read_stdin: bool,
    /// The output pipe has been enlarged already.
    grown: bool,
    out: Out,
    block: [MaybeUninit<u8>; BLOCK],
}

impl Cat<'_> {
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
    #[inline(never)]
    #[cold]
    fn fail(&mut self, name: &[u8], e: Option<Errno>) -> bool {
        let mut m = msg(self.prog);
        quote(&mut m, name);
        m.end(if e.is_none() { b": input file is output file" } else { b"" }, e);
        self.status = 1;
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
            if self.render.flags != 0 && self.out.finish(self.prog) != 0 {
                return false;
            }
            let data = match sys::read(fd, &mut self.block) {
                Ok([]) => return true,
                Ok(data) => data,
                Err(e) => return self.fail(name, Some(e)),
            };
            if self.render.flags == 0 {
                if let Err(e) = io::write_all(STDOUT, data) {
                    return io::write_failed(self.prog, e) == 0;
                }
            } else {
                self.render.feed(&mut self.out, data);
            }
        }
    }
}
