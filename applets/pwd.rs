//! pwd — print the working directory's full name.
//!
//! Usage: pwd [OPTION]...
//! `-P`/`--physical` (the default): the kernel's getcwd; when that cannot
//! say (longer than a page, or the directory was removed), the name is
//! found by walking up through `..` with directory descriptors, matching
//! inodes in each parent, as GNU's robust_getcwd does, with its messages
//! (`couldn't find directory entry in '..' with matching i-node` for a
//! removed directory). `-L`/`--logical` (the default under
//! POSIXLY_CORRECT): `$PWD` when it is absolute, has no `.` or `..`
//! component and is the same directory as `.`. Operands are ignored with
//! a warning (status stays 0).

use crate::applets::parse;
use crate::args::{chop, Args, Env};
use crate::io::{self, say, Msg, Stdout};
use crate::sys::{self, CStr, Stat, CWD};
use core::mem::MaybeUninit;
use femtobox::getopt::Spec;
use femtobox::text::{eq, Sink};
use femtobox::texts::{self, entry, get, Text};

const SPEC: Spec = Spec { short: entry(texts::PWD_SHORT), long: get(texts::PWD_LONG) };

pub fn main(mut args: Args, env: Env) -> u8 {
    let mut logical = env.posix();
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |c, _| {
        logical = c == b'L';
        Ok(())
    }) {
        return status;
    }
    if args.len() > 1 {
        say(texts::IGNORING, b"", 0);
    }
    if let Some(wd) = env.var(entry(texts::PWD_VAR)).filter(|wd| logical && usable(wd)) {
        Stdout.put(chop(wd));
    } else {
        let mut buf = [MaybeUninit::uninit(); 4096];
        match sys::getcwd(&mut buf) {
            Some(wd) => Stdout.put(chop(wd)),
            None => {
                if let Err(status) = walk() {
                    return status;
                }
            }
        }
    }
    Stdout.byte(b'\n');
    io::finish()
}

/// May `pwd -L` print `wd` (NUL-terminated)? Absolute, no `.` or `..`
/// component, and the same directory as `.`.
fn usable(wd: &'static [u8]) -> bool {
    let name = chop(wd);
    let dotted = name.windows(2).enumerate().any(|(i, w)| {
        let after = |k: usize| name.get(i + k).is_none_or(|&c| c == b'/');
        eq(w, b"/.") && (after(2) || name.get(i + 2) == Some(&b'.') && after(3))
    });
    let same = |a: Stat, b: Stat| a.dev == b.dev && a.ino == b.ino;
    name.first() == Some(&b'/')
        && !dotted
        && match (sys::stat_at(CWD, CStr::new(wd), false), sys::stat_at(CWD, CStr::new(b".\0"), false)) {
            (Ok(a), Ok(b)) => same(a, b),
            _ => false,
        }
}

/// The working directory's name, found by walking up to the root, written
/// to stdout; or GNU's message, and Err(1).
fn walk() -> Result<(), u8> {
    let root = sys::stat_at(CWD, CStr::new(b"/\0"), false).map_err(|_| 1u8)?;
    let mut dot = sys::stat_at(CWD, CStr::new(b".\0"), false).map_err(|_| 1u8)?;
    // The name, built from its end: `/entry` prepended at each level, in
    // memory of its own that only the pages used of cost anything.
    let name = sys::alloc(NAME_MAX).map_err(|_| 1u8)?;
    let mut start = name.len();
    let (mut fd, mut height) = (CWD, 1);
    while dot.dev != root.dev || dot.ino != root.ino {
        let parent = sys::open_dir_at(fd, CStr::new(b"..\0")).map_err(|e| fail(texts::CANNOT_OPEN_DIR, height, e.0 as u32))?;
        if fd != CWD {
            sys::close(fd);
        }
        fd = parent;
        let up = sys::fstat(parent).map_err(|e| fail(texts::READING_DIR, height, e.0 as u32))?;
        // Across a mount point the entries' inode numbers are the
        // underlying ones: stat each instead.
        let cross = up.dev != dot.dev;
        let mut buf = [MaybeUninit::uninit(); 4096];
        let entry = 'scan: loop {
            let batch = sys::getdents(parent, &mut buf).map_err(|e| fail(texts::READING_DIR, height, e.0 as u32))?;
            if batch.is_empty() {
                return Err(fail(texts::NO_ENTRY, height, u32::MAX));
            }
            for (ino, entry) in sys::Dirents(batch) {
                let hit = match cross {
                    false => ino == dot.ino,
                    true => sys::stat_at(parent, CStr::new(entry), true).is_ok_and(|st| st.ino == dot.ino && st.dev == dot.dev),
                };
                if hit && !eq(entry, b".\0") && !eq(entry, b"..\0") {
                    break 'scan chop(entry);
                }
            }
        };
        // `/entry` before what is there.
        start = start.checked_sub(entry.len() + 1).ok_or(1u8)?;
        for (d, &s) in name.iter_mut().skip(start).zip(b"/".iter().chain(entry)) {
            *d = s;
        }
        dot = up;
        height += 1;
    }
    match name.get(start..) {
        Some(b) if !b.is_empty() => Stdout.put(b),
        _ => Stdout.byte(b'/'),
    }
    Ok(())
}

/// The longest name the walk builds: 4 MiB (a tree 100 000 levels deep
/// of 40-byte names).
const NAME_MAX: usize = 4 << 20;

/// GNU's message about the `height`th parent (`'..'`, `'../..'`, ...):
/// template `t`, the name, and the errno text (none for u32::MAX).
#[cold]
fn fail(t: Text, height: usize, e: u32) -> u8 {
    let mut m = Msg::new();
    m.fill(t, b"", 0).fill(texts::NTH_PARENT, b"", 0);
    for _ in 1..height {
        m.fill(texts::NTH_PARENT_MORE, b"", 0);
    }
    m.fill(if e == u32::MAX { texts::NO_ENTRY_END } else { texts::QUOTE_ERROR }, b"", e);
    m.send();
    1
}
