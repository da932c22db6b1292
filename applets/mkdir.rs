//! mkdir — make directories.
//!
//! Usage: mkdir [OPTION]... DIRECTORY...
//! Each DIRECTORY is made with mode 0777 less the umask, or with `-m MODE`
//! (octal, or chmod's symbolic grammar: `mode.rs`) exactly MODE, set bits
//! (`g+s`, `+t`) and all, by a chmod after the mkdir as GNU does. `-p`:
//! every missing parent first (mode 0777 less the umask, but always
//! u+wx; `-m` is for the last one only), and one that exists already is
//! no error. `-v`: `mkdir: created directory 'D'` for each one made.
//! Errors are GNU's (`cannot create directory 'D': strerror`, the name
//! cut at the parent that failed), and the rest go on, status 1. As GNU's
//! mkancesdirs, the parents are walked component by component, each made
//! and entered in turn (here through descriptors, not chdir), so no path
//! is ever too long. SELinux's `-Z`/`--context` are not supported.

use crate::applets::{parse, usage_error};
use crate::args::{Args, Env, owned};
use crate::fs::{O_DIRECTORY, O_NOFOLLOW};
use crate::io::{self, say, tell};
use crate::sys::{self, CStr, CWD};
use femtobox::errno::Errno;
use femtobox::getopt::Spec;
use femtobox::mode;
use femtobox::text::eq;
use femtobox::texts::{self, entry, get};

const SPEC: Spec = Spec { short: entry(texts::MKDIR_SHORT), long: get(texts::MKDIR_LONG) };

const ENOENT: Errno = Errno(2);
const EEXIST: Errno = Errno(17);
const ENOTDIR: Errno = Errno(20);
const O_PATH: usize = 0o10000000;
const S_IFDIR: u32 = 0o040000;

/// What every operand is made with.
struct Make {
    parents: bool,
    verbose: bool,
    /// The last component's mode and the bits `-m` set (gnulib's mode_bits).
    mode: u32,
    bits: u32,
    /// The umask for parents (u+wx kept) and for the last component.
    ancestors: u32,
    last: u32,
}

pub fn main(mut args: Args, env: Env) -> u8 {
    let (mut parents, mut verbose, mut spec) = (false, false, None);
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |c, a| {
        match c {
            b'p' => parents = true,
            b'v' => verbose = true,
            _ => spec = a,
        }
        Ok(())
    }) {
        return status;
    }
    if args.len() < 2 {
        return usage_error(texts::MISSING_OPERAND, b"", 1);
    }
    let mut make = Make { parents, verbose, mode: 0o777, bits: 0, ancestors: 0, last: 0 };
    if parents || spec.is_some() {
        let umask = sys::umask(0);
        (make.ancestors, make.last) = (umask & !0o300, umask);
        if let Some(s) = spec {
            let Some((mode, bits)) = mode::adjust(s, 0o777, true, umask) else {
                say(texts::INVALID_MODE, s, 0);
                return 1;
            };
            (make.mode, make.bits, make.last) = (mode, bits, umask & !mode);
        }
        sys::umask(make.last);
    }
    for i in 1..args.len() {
        make.one(args.arg(i));
    }
    io::finish() | io::status()
}

impl Make {
    #[inline(never)]
    fn one(&self, dir: &'static [u8]) {
        let Some(path) = owned(dir) else { return };
        let (mut fd, mut prefix) = (CWD, 0);
        if self.parents {
            match self.ancestors(path) {
                Ok((f, p)) => (fd, prefix) = (f, p),
                Err(e) => {
                    let end = path.iter().position(|&c| c == 0).unwrap_or(path.len());
                    say(texts::CANNOT_CREATE, path.get(..end).unwrap_or_default(), e.0 as u32);
                    return;
                }
            }
        }
        let last = CStr::new(path.get(prefix..).unwrap_or_default());
        self.last(fd, last, dir);
        if fd != CWD {
            sys::close(fd);
        }
    }

    /// gnulib's mkancesdirs: each parent named in `path` (a NUL after it)
    /// made, unless `.` or `..`, and entered; returns the last one entered
    /// and where the last component begins. On failure `path` ends (a NUL)
    /// after the parent that failed.
    fn ancestors(&self, path: &mut [u8]) -> Result<(i32, usize), Errno> {
        if self.ancestors != self.last {
            sys::umask(self.ancestors);
        }
        let (mut fd, mut component, mut sep, mut made) = (CWD, 0, None, false);
        let mut p = 0;
        let result = loop {
            let c = path.get(p).copied().unwrap_or(0);
            if c == 0 {
                break Ok((fd, component));
            }
            p += 1;
            let next = path.get(p).copied().unwrap_or(0);
            if next == b'/' {
                if c != b'/' {
                    sep = Some(p);
                }
                continue;
            }
            let Some(s) = sep.filter(|_| c == b'/' && next != 0) else { continue };
            let name = path.get(component..s).unwrap_or_default();
            if !eq(name, b".") {
                let dotdot = eq(name, b"..");
                if let Some(c) = path.get_mut(s) {
                    *c = 0;
                }
                let cname = CStr::new(path.get(component..=s).unwrap_or_default());
                let mut failed = None;
                if dotdot {
                    made = false;
                } else {
                    match sys::mkdir_at(fd, cname, 0o777) {
                        Ok(_) => {
                            made = true;
                            if self.verbose {
                                tell(texts::CREATED, path.get(..s).unwrap_or_default());
                            }
                        }
                        Err(e) => failed = Some(e),
                    }
                }
                let flags = O_PATH | O_DIRECTORY | if made { O_NOFOLLOW } else { 0 };
                match sys::open_at(fd, cname, flags, 0) {
                    Ok(new) => {
                        if fd != CWD {
                            sys::close(fd);
                        }
                        fd = new;
                    }
                    Err(e) => {
                        if fd != CWD {
                            sys::close(fd);
                        }
                        break Err(if e == ENOENT { failed.unwrap_or(e) } else { e });
                    }
                }
                if let Some(c) = path.get_mut(s) {
                    *c = b'/';
                }
            }
            component = p;
        };
        if self.ancestors != self.last {
            sys::umask(self.last);
        }
        result
    }

    /// The last component `name` in `dir` (the operand `shown`): made,
    /// with `-m` its mode set as gnulib's make_dir_parents does; with
    /// `-p` a directory already there is no error.
    fn last(&self, dir: i32, name: CStr, shown: &[u8]) {
        // Set bits are set by the chmod; until then group and others may
        // not write.
        let special = (self.bits & 0o6000) | (self.mode & 0o1000) != 0;
        let mkdir_mode = if special { self.mode & !0o022 } else { self.mode };
        match sys::mkdir_at(dir, name, mkdir_mode) {
            Ok(_) => {
                if self.verbose {
                    tell(texts::CREATED, shown);
                }
                if !special && self.mode & self.bits & 0o777 == 0 {
                    return;
                }
                let done = match sys::stat_at(dir, name, true) {
                    Ok(st) if st.mode & 0o170000 != S_IFDIR => Err(ENOTDIR),
                    Ok(st) if (st.mode ^ self.mode) & self.bits == 0 => Ok(0),
                    Ok(st) => sys::chmod_at(dir, name, self.mode | (st.mode & 0o7777 & !self.bits)),
                    Err(e) => Err(e),
                };
                if let Err(e) = done {
                    say(texts::CANNOT_CHMOD, shown, e.0 as u32);
                }
            }
            Err(e) => {
                if self.parents && e != ENOENT {
                    match sys::stat_at(dir, name, false) {
                        Ok(st) if st.mode & 0o170000 == S_IFDIR => return,
                        Err(s) if e == EEXIST && s != ENOENT && s != ENOTDIR => {
                            say(texts::CANNOT_STAT, shown, s.0 as u32);
                            return;
                        }
                        _ => {}
                    }
                }
                say(texts::CANNOT_CREATE, shown, e.0 as u32);
            }
        }
    }
}
