//! tee — copy standard input to standard output and files.
//!
//! Usage: tee [OPTION]... [FILE]...
//! Every FILE is created or emptied (`-a`/`--append`: appended to; `-` is a
//! file like any other); one that cannot be opened is reported and the rest
//! still get the data. `-i` ignores SIGINT. Output errors as GNU's
//! `--output-error[=MODE]` says (`-p` is `warn-nopipe`): by default SIGPIPE
//! is left as it is and an EPIPE output is dropped silently, other errors
//! are reported (`tee: NAME: strerror`, stdout as `'standard output'`) and
//! the rest go on, status 1; `warn` reports EPIPE too, `warn-nopipe` not,
//! `exit` and `exit-nopipe` end tee at the first reported error; any mode
//! ignores SIGPIPE. Reading stops when no output is left. Nothing is lost
//! to a slow or non-blocking output (`write_all`); between pipes, tee(2)
//! and splice move the pages without copying them.

use crate::applets::{argmatch, parse};
use crate::args::{Args, Env};
use crate::io::{say, write_all, STDIN, STDOUT};
use crate::sys::{self, CStr, Copy};
use core::mem::MaybeUninit;
use femtobox::errno::Errno;
use femtobox::getopt::Spec;
use femtobox::texts::{self, entry, get};

const SPEC: Spec = Spec { short: entry(texts::TEE_SHORT), long: get(texts::TEE_LONG) };

/// The value of `--output-error`.
const OUTPUT_ERROR: u8 = 0x18;

/// GNU's modes, `TEE_MODES`' values (`sigpipe`: no option).
const SIGPIPE: u8 = 0;
const WARN: u8 = 1;
const WARN_NOPIPE: u8 = 2;
const EXIT: u8 = 3;

const EPIPE: Errno = Errno(32);

pub fn main(mut args: Args, env: Env) -> u8 {
    let (mut append, mut interrupts, mut mode) = (false, false, SIGPIPE);
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |c, a| {
        match (c, a) {
            (b'a', _) => append = true,
            (b'i', _) => interrupts = true,
            (OUTPUT_ERROR, Some(a)) => mode = argmatch(a, texts::TEE_MODES, texts::OUTPUT_ERROR_OPTION)?,
            _ => mode = WARN_NOPIPE,
        }
        Ok(())
    }) {
        return status;
    }
    if interrupts {
        let _ = sys::sigaction(2, Some(1));
    }
    if mode != SIGPIPE {
        let _ = sys::sigaction(13, Some(1));
    }
    let exits = mode >= EXIT;
    // The outputs: stdout, then each file opened (-1: none, or gone).
    let n = args.len();
    let Ok(fds) = sys::alloc(4 * n) else { return 1 };
    let mut ok = true;
    set(fds, 0, STDOUT);
    for i in 1..n {
        match sys::create(CStr::new(args.arg_z(i)), append) {
            Ok(fd) => set(fds, i, fd),
            Err(e) => {
                set(fds, i, -1);
                say(texts::NAME_ERROR, args.arg(i), e.0 as u32);
                if exits {
                    return 1;
                }
                ok = false;
            }
        }
    }
    let mut live = (0..n).filter(|&i| fd(fds, i) >= 0).count();
    // One output file and pipes on both sides: the kernel duplicates the
    // pages into stdout (tee) and moves them into the file (splice).
    let pipes = sys::fstat(STDIN).is_ok_and(|s| s.is_fifo()) && sys::fstat(STDOUT).is_ok_and(|s| s.is_fifo());
    let mut fast = pipes && live == n && n <= 2;
    if fast {
        sys::grow_pipe(STDIN, 1 << 20);
        sys::grow_pipe(STDOUT, 1 << 20);
    }
    let mut buf = [MaybeUninit::uninit(); 1 << 16];
    while live > 0 {
        if fast {
            let moved = match n {
                1 => sys::copy(Copy::Splice, STDIN, STDOUT, 1 << 20),
                _ => sys::tee(STDIN, STDOUT, 1 << 20),
            };
            match moved {
                Ok(0) => break,
                Ok(k) if n == 1 => {
                    let _ = k;
                    continue;
                }
                Ok(mut k) => {
                    // Now the same bytes into the file, consuming them.
                    while k > 0 {
                        match sys::copy(Copy::Splice, STDIN, fd(fds, 1), k) {
                            Ok(m) if m > 0 => k -= m,
                            Err(Errno::EINTR) => {}
                            _ => {
                                // The file refuses splice (or failed): the
                                // rest of these bytes the slow way.
                                fast = false;
                                break;
                            }
                        }
                    }
                    // Bytes stdout has had already: read through, for the
                    // file alone.
                    while k > 0 {
                        let chunk = match sys::read(STDIN, buf.get_mut(..k.min(1 << 16)).unwrap_or_default()) {
                            Ok(c) if !c.is_empty() => c,
                            _ => break,
                        };
                        k -= chunk.len();
                        if fd(fds, 1) < 0 {
                            continue;
                        }
                        if let Err(e) = write_all(fd(fds, 1), chunk) {
                            ok &= failed(fds, 1, e, mode, &args, &mut live);
                            if reported(e, mode) && exits {
                                return 1;
                            }
                        }
                    }
                    continue;
                }
                Err(Errno::EINTR) => continue,
                // EINVAL (not both pipes after all), EAGAIN (a non-blocking
                // side: which one, read and write_all find out): plain copies.
                Err(Errno::EINVAL | Errno::EAGAIN) => {
                    fast = false;
                    continue;
                }
                Err(e) => {
                    ok &= failed(fds, 0, e, mode, &args, &mut live);
                    if reported(e, mode) && exits {
                        return 1;
                    }
                    fast = false;
                    continue;
                }
            }
        }
        let data = match sys::read(STDIN, &mut buf) {
            Ok(d) if d.is_empty() => break,
            Ok(d) => d,
            Err(e) => {
                say(texts::READ_ERROR, b"", e.0 as u32);
                ok = false;
                break;
            }
        };
        for i in 0..n {
            let f = fd(fds, i);
            if f < 0 {
                continue;
            }
            if let Err(e) = write_all(f, data) {
                ok &= failed(fds, i, e, mode, &args, &mut live);
                if reported(e, mode) && exits {
                    return 1;
                }
            }
        }
    }
    for i in 1..n {
        let f = fd(fds, i);
        if let Some(e) = (f >= 0).then(|| sys::close(f)).flatten() {
            say(texts::NAME_ERROR, args.arg(i), e.0 as u32);
            ok = false;
        }
    }
    if let Some(e) = sys::close(STDIN) {
        say(texts::RAW_ERROR, entry(texts::STANDARD_INPUT), e.0 as u32);
        ok = false;
    }
    !ok as u8
}

/// Is an error `e` reported in `mode` (EPIPE only by `warn` and `exit`)?
fn reported(e: Errno, mode: u8) -> bool {
    e != EPIPE || mode == WARN || mode == EXIT
}

/// Output `i` failed with `e`: reported as the mode says and dropped.
/// Returns false when the run's status becomes 1.
#[cold]
fn failed(fds: &mut [u8], i: usize, e: Errno, mode: u8, args: &Args, live: &mut usize) -> bool {
    set(fds, i, -1);
    *live -= 1;
    if !reported(e, mode) {
        return true;
    }
    let name = if i == 0 { entry(texts::STANDARD_OUTPUT) } else { args.arg(i) };
    say(texts::NAME_ERROR, name, e.0 as u32);
    false
}

#[inline(never)]
fn fd(fds: &[u8], i: usize) -> i32 {
    let b = fds.get(4 * i..4 * i + 4).and_then(|b| b.try_into().ok());
    i32::from_le_bytes(b.unwrap_or([0xff; 4]))
}

fn set(fds: &mut [u8], i: usize, fd: i32) {
    for (d, s) in fds.iter_mut().skip(4 * i).zip(fd.to_le_bytes()) {
        *d = s;
    }
}
