//! rmdir — remove empty directories.
//!
//! Usage: rmdir [OPTION]... DIRECTORY...
//! Each DIRECTORY is removed with rmdir(2), as it is named; a failure is
//! `failed to remove 'D': strerror` (a symlink named with a trailing slash:
//! `... Symbolic link not followed`) and the rest go on, status 1. `-p`
//! then removes each parent named in it, right to left, stopping at the
//! first that fails (`failed to remove directory 'P'`). With
//! `--ignore-fail-on-non-empty` a directory that is not empty is no
//! failure (nor one refused with EACCES, EPERM, EROFS or EBUSY that is
//! seen to hold entries). `-v` writes `rmdir: removing directory, 'D'`
//! before each attempt.

use crate::applets::{parse, usage_error};
use crate::args::{chop, owned, Args, Env};
use crate::fs::has_entries;
use crate::io::{self, say, tell};
use crate::sys::{self, CStr, CWD};
use femtobox::errno::Errno;
use femtobox::getopt::Spec;
use femtobox::texts::{self, entry, get};

const SPEC: Spec = Spec { short: entry(texts::RMDIR_SHORT), long: get(texts::RMDIR_LONG) };

const ENOTDIR: Errno = Errno(20);

pub fn main(mut args: Args, env: Env) -> u8 {
    let (mut parents, mut ignore, mut verbose) = (false, false, false);
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |c, _| {
        match c {
            b'p' => parents = true,
            b'v' => verbose = true,
            _ => ignore = true,
        }
        Ok(())
    }) {
        return status;
    }
    if args.len() < 2 {
        return usage_error(texts::MISSING_OPERAND, b"", 1);
    }
    for i in 1..args.len() {
        let dir = args.arg_z(i);
        let name = chop(dir);
        if verbose {
            tell(texts::REMOVING_DIR, name);
        }
        match sys::unlink_at(CWD, CStr::new(dir), true) {
            Ok(_) if parents => remove_parents(name, ignore, verbose),
            Ok(_) => {}
            Err(e) if ignorable(e, ignore, CStr::new(dir)) => {}
            Err(e) if e == ENOTDIR && followed_link(name) => say(texts::NOT_FOLLOWED, name, 0),
            Err(e) => say(texts::FAILED_TO_REMOVE, name, e.0 as u32),
        }
    }
    io::finish() | io::status()
}

/// Is this failure to remove `dir` one `--ignore-fail-on-non-empty`
/// forgives (the directory is not empty, or may not be and is seen not
/// to be)?
fn ignorable(e: Errno, ignore: bool, dir: CStr) -> bool {
    ignore
        && match e.0 {
            // ENOTEMPTY, EEXIST
            39 | 17 => true,
            // EACCES, EPERM, EROFS, EBUSY
            13 | 1 | 30 | 16 => has_entries(CWD, dir) == Some(true),
            _ => false,
        }
}

/// ENOTDIR for `name/`: was that a symlink to a directory (which rmdir(2)
/// does not follow)? GNU then says so instead of "Not a directory".
fn followed_link(name: &[u8]) -> bool {
    if name.last() != Some(&b'/') {
        return false;
    }
    let Some(copy) = owned(name) else { return false };
    match sys::stat_at(CWD, CStr::new(copy), false) {
        Ok(st) if st.mode & 0o170000 != 0o040000 => return false,
        Err(e) if e != ENOTDIR => {}
        Err(_) => return false,
        Ok(_) => {}
    }
    let end = strip_slashes(copy);
    sys::stat_at(CWD, CStr::new(copy.get(..=end).unwrap_or_default()), true).is_ok_and(|st| st.mode & 0o170000 == 0o120000)
}

/// `name` without its trailing slashes (but `/`), cut with a NUL in place;
/// returns where the NUL went.
fn strip_slashes(name: &mut [u8]) -> usize {
    let mut end = name.len().saturating_sub(1);
    while end > 1 && name.get(end - 1) == Some(&b'/') {
        end -= 1;
    }
    if let Some(c) = name.get_mut(end) {
        *c = 0;
    }
    end
}

/// `-p`: the parents named in `name`, right to left (GNU's
/// remove_parents: each prefix up to the last slash run).
fn remove_parents(name: &[u8], ignore: bool, verbose: bool) {
    let Some(dir) = owned(name) else { return };
    let mut end = strip_slashes(dir);
    loop {
        let Some(mut slash) = dir.get(..end).and_then(|d| d.iter().rposition(|&c| c == b'/')) else { return };
        while slash > 0 && dir.get(slash) == Some(&b'/') {
            slash -= 1;
        }
        end = slash + 1;
        if let Some(c) = dir.get_mut(end) {
            *c = 0;
        }
        let path = dir.get(..=end).unwrap_or_default();
        if verbose {
            tell(texts::REMOVING_DIR, chop(path));
        }
        if let Err(e) = sys::unlink_at(CWD, CStr::new(path), true) {
            if !ignorable(e, ignore, CStr::new(path)) {
                let t = if e == ENOTDIR { texts::FAILED_TO_REMOVE } else { texts::FAILED_TO_REMOVE_DIR };
                say(t, chop(path), e.0 as u32);
            }
            return;
        }
    }
}
