//! ln — make links.
//!
//! Usage: ln [OPTION]... [-T] TARGET LINK_NAME
//!    or: ln [OPTION]... TARGET            (a link in the working directory)
//!    or: ln [OPTION]... TARGET... DIRECTORY
//!    or: ln [OPTION]... -t DIRECTORY TARGET...
//! Hard links (of a symlink itself, `-L`: of what it names; `-P` the
//! default), or with `-s` symbolic ones (`-r`: relative to the link's
//! directory, computed from canonical names). A LINK_NAME that exists is
//! an error, unless `-f` (replaced) or `-i` (asked: `ln: replace 'L'? `);
//! never a directory, never the TARGET itself (`'a' and 'b' are the same
//! file`), never a link this run has just made. With two operands the
//! last is a directory to link into when it is one (`-n`: not when it is
//! a symlink to one; `-T`: never). `-d`/`-F` try hard links to
//! directories (the kernel refuses them). `-v`: `'L' -> 'T'` (`=>` for
//! hard links). Messages and statuses are GNU's (ln.c); the rest go on
//! after a failure, status 1. Backups (`-b`, `-S`, `--backup`,
//! `--suffix`) are not supported.

use crate::applets::{parse, usage_error};
use crate::args::{chop, with_nul, Args, Env};
use crate::fs::{O_DIRECTORY, O_NOFOLLOW};
use crate::io::{self, say, yes, Msg};
use crate::sys::{self, CStr, Stat, CWD};
use core::mem::MaybeUninit;
use femtobox::errno::Errno;
use femtobox::getopt::Spec;
use femtobox::path::{dir_len, last_component};
use femtobox::text::eq;
use femtobox::texts::{self, entry, get};

const SPEC: Spec = Spec { short: entry(texts::LN_SHORT), long: get(texts::LN_LONG) };

const ENOENT: Errno = Errno(2);
const EEXIST: Errno = Errno(17);
const ENOTDIR: Errno = Errno(20);
const EINVAL: Errno = Errno(22);
const ENAMETOOLONG: Errno = Errno(36);
const O_PATH: usize = 0o10000000;
const S_IFMT: u32 = 0o170000;
const S_IFDIR: u32 = 0o040000;
/// Room for a canonical name (longer ones leave `-r`'s target as given).
const NAME_MAX: usize = 8192;

struct Ln {
    symbolic: bool,
    force: bool,
    interactive: bool,
    verbose: bool,
    dirs: bool,
    logical: bool,
    relative: bool,
    /// The links made so far (device, inode, operand), when one could be
    /// overwritten by the next (GNU's dest_set): a hash table.
    made: &'static mut [[u64; 8]],
    /// The operands.
    files: Args,
}

pub fn main(mut args: Args, env: Env) -> u8 {
    let mut ln = Ln { symbolic: false, force: false, interactive: false, verbose: false, dirs: false, logical: false, relative: false, made: &mut [], files: args };
    let (mut follow_dir, mut no_target, mut target) = (true, false, None);
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |c, a| {
        match c {
            b'd' | b'F' => ln.dirs = true,
            b'f' => (ln.force, ln.interactive) = (true, false),
            b'i' => (ln.force, ln.interactive) = (false, true),
            b'L' => ln.logical = true,
            b'P' => ln.logical = false,
            b'n' => follow_dir = false,
            b'r' => ln.relative = true,
            b's' => ln.symbolic = true,
            b'T' => no_target = true,
            b'v' => ln.verbose = true,
            _ => {
                let dir = a.unwrap_or_default();
                if target.is_some() {
                    say(texts::MULTIPLE_TARGETS, b"", 0);
                    return Err(1);
                }
                match sys::stat_at(CWD, CStr::new(with_nul(dir)), false) {
                    Err(e) => say(texts::FAILED_TO_ACCESS, dir, e.0 as u32),
                    Ok(st) if st.mode & S_IFMT != S_IFDIR => say(texts::TARGET_NOT_DIR, dir, 0),
                    Ok(_) => {
                        target = Some(with_nul(dir));
                        return Ok(());
                    }
                }
                return Err(1);
            }
        }
        Ok(())
    }) {
        return status;
    }
    ln.files = args;
    let mut n = args.len() - 1;
    if n == 0 {
        return usage_error(texts::MISSING_FILE_OPERAND, b"", 1);
    }
    if ln.relative && !ln.symbolic {
        say(texts::NO_RELATIVE, b"", 0);
        return 1;
    }
    let file = |i: usize| args.arg_z(i + 1);
    let mut dir = CWD;
    let mut tried = None;
    if no_target {
        if target.is_some() {
            say(texts::CANNOT_COMBINE, b"", 0);
            return 1;
        }
        if n != 2 {
            return match n {
                1 => usage_error(texts::MISSING_DESTINATION, chop(file(0)), 1),
                _ => usage_error(texts::EXTRA_OPERAND_AF, chop(file(2)), 1),
            };
        }
    } else if n < 2 && target.is_none() {
        target = Some(b".\0");
    } else {
        if n == 2 && target.is_none() {
            tried = ln.atomic(CStr::new(file(0)), CWD, CStr::new(file(1)));
        }
        if matches!(tried, None | Some(Err(EEXIST | ENOTDIR | EINVAL))) {
            let d = target.unwrap_or(file(n - 1));
            let flags = O_PATH | O_DIRECTORY | if follow_dir { 0 } else { O_NOFOLLOW };
            match sys::open_at(CWD, CStr::new(d), flags, 0) {
                Ok(fd) => {
                    n -= target.is_none() as usize;
                    (dir, target) = (fd, Some(d));
                }
                Err(e) if !(n == 2 && target.is_none()) => {
                    say(texts::TARGET_ERROR, chop(d), e.0 as u32);
                    return 1;
                }
                Err(_) => {}
            }
        }
    }
    match target {
        Some(t) => {
            if n >= 2 && ln.force && !ln.symbolic {
                ln.made = sys::table(2 * n).unwrap_or(&mut []);
            }
            for i in 0..n {
                ln.into_dir(file(i), dir, chop(t), i);
            }
        }
        None => {
            ln.link(file(0), CWD, file(1), file(1), tried, 0);
        }
    }
    io::finish() | io::status()
}

impl Ln {
    /// The link tried first (gnulib's atomic_link): None when not tried
    /// (`-r`: the target's name is worked out first).
    fn atomic(&self, source: CStr, dir: i32, name: CStr) -> Option<Result<usize, Errno>> {
        if self.symbolic && self.relative {
            return None;
        }
        Some(sys::link(self.symbolic, source, dir, name, self.logical))
    }

    /// `source` linked into the directory `dir` (named `target`) under its
    /// last component, as GNU's file_name_concat joins them.
    #[inline(never)]
    fn into_dir(&mut self, source: &'static [u8], dir: i32, target: &[u8], i: usize) {
        let base = last_component(chop(source));
        let keep = (target.len() - last_component(target).len()) + path_base_len(last_component(target));
        let dirpart = target.get(..keep).unwrap_or_default();
        let sep = !dirpart.is_empty() && dirpart.last() != Some(&b'/');
        let Some(dest) = sys::alloc(dirpart.len() + base.len() + 2).ok() else { return };
        let mut at = 0;
        for &c in dirpart.iter().chain(if sep { &b"/"[..] } else { b"" }).chain(base) {
            if let Some(d) = dest.get_mut(at) {
                *d = c;
            }
            at += 1;
        }
        // The link's own name, without trailing slashes.
        let start = at - base.len();
        while at > start + 1 && dest.get(at - 1) == Some(&b'/') {
            at -= 1;
        }
        if let Some(d) = dest.get_mut(at) {
            *d = 0;
        }
        let dest: &'static [u8] = dest;
        let full = dest.get(..=at).unwrap_or_default();
        self.link(source, dir, full.get(start..).unwrap_or_default(), full, None, i + 1);
    }

    /// GNU's do_link: `source` as `name` in `dir` (`dest` in messages);
    /// `tried`: the first attempt's outcome, if made. `k` (from 1) is the
    /// operand, for the table of links made.
    fn link(&mut self, source: &'static [u8], dir: i32, name: &[u8], dest: &[u8], tried: Option<Result<usize, Errno>>, k: usize) -> bool {
        let (cname, shown_dest) = (CStr::new(name), chop(dest));
        let mut source = source;
        let mut outcome = match tried {
            Some(t) => Some(t.err()),
            None => self.atomic(CStr::new(source), dir, cname).map(|r| r.err()),
        };
        let mut src: Option<Stat> = None;
        if (outcome != Some(None) || !self.made.is_empty()) && !self.symbolic {
            match sys::stat_at(CWD, CStr::new(source), !self.logical) {
                Ok(st) => src = Some(st),
                Err(e) => {
                    say(texts::FAILED_TO_ACCESS, chop(source), e.0 as u32);
                    return false;
                }
            }
        }
        if outcome != Some(None) {
            if src.is_some_and(|s| s.mode & S_IFMT == S_IFDIR) && !self.dirs {
                say(texts::HARD_LINK_DIR, chop(source), 0);
                return false;
            }
            if self.relative {
                source = relative(chop(source), shown_dest).unwrap_or(source);
            }
            let mut force = self.force || self.interactive;
            if force {
                match sys::stat_at(dir, cname, true) {
                    Err(e) if e != ENOENT => {
                        say(texts::FAILED_TO_ACCESS, shown_dest, e.0 as u32);
                        return false;
                    }
                    Err(_) => force = false,
                    Ok(d) if d.mode & S_IFMT == S_IFDIR => {
                        say(texts::CANNOT_OVERWRITE_DIR, shown_dest, 0);
                        return false;
                    }
                    Ok(d) => {
                        if self.seen(&d, k) {
                            Msg::new().fill(texts::JUST_CREATED, shown_dest, 0).fill(texts::QUOTED_AF, chop(source), 0).send();
                            return false;
                        }
                        if self.force {
                            let s = src.map_or_else(|| sys::stat_at(CWD, CStr::new(source), false), Ok);
                            if s.is_ok_and(|s| s.dev == d.dev && s.ino == d.ino && (s.nlink == 1 || same_name(source, dir, name))) {
                                Msg::new().fill(texts::SAME_FILE, chop(source), 0).fill(texts::ARE_SAME, shown_dest, 0).send();
                                return false;
                            }
                        }
                        if matches!(outcome, None | Some(Some(EEXIST))) && self.interactive && !yes(Msg::new().fill(texts::REPLACE, shown_dest, 0)) {
                            return true;
                        }
                    }
                }
            }
            // gnulib's force_(sym)linkat: tried if it was not, and if it
            // met a file to replace, that goes and the link is made again.
            let mut e = match outcome {
                Some(e) => e,
                None => sys::link(self.symbolic, CStr::new(source), dir, cname, self.logical).err(),
            };
            if force && e == Some(EEXIST) {
                e = self.replace(source, dir, name);
            }
            outcome = Some(e);
        }
        match outcome.flatten() {
            None => {
                if let Some(s) = src {
                    self.record(&s, k);
                }
                if self.verbose {
                    let t = if self.symbolic { texts::SYMLINK_ARROW } else { texts::HARD_ARROW };
                    io::tell(t, shown_dest);
                    io::tell(texts::QUOTED_AF_LINE, chop(source));
                }
                true
            }
            Some(e) => {
                let (t1, a1, t2, a2) = match (self.symbolic, e.0) {
                    // ENAMETOOLONG, or an empty target: both names.
                    (true, 36) => (texts::FAILED_SYMLINK_TO, shown_dest, texts::QUOTED_ERROR, chop(source)),
                    (true, _) if chop(source).is_empty() => (texts::FAILED_SYMLINK_TO, shown_dest, texts::QUOTED_ERROR, chop(source)),
                    (true, _) => (texts::FAILED_SYMLINK, shown_dest, texts::ERROR_ONLY, b"".as_slice()),
                    // EMLINK
                    (false, 31) => (texts::FAILED_HARD_TO, chop(source), texts::ERROR_ONLY, b"".as_slice()),
                    // EDQUOT, EEXIST, ENOSPC, EROFS
                    (false, 122 | 17 | 28 | 30) => (texts::FAILED_HARD, shown_dest, texts::ERROR_ONLY, b"".as_slice()),
                    _ => (texts::FAILED_HARD_FROM, shown_dest, texts::QUOTED_ERROR, chop(source)),
                };
                Msg::new().fill(t1, a1, 0).fill(t2, a2, e.0 as u32).send();
                false
            }
        }
    }

    /// gnulib's force_(sym)linkat once the name is taken: the link made
    /// under a free temporary name (`CuXXXXXX`) in the same directory,
    /// then renamed over `name`, so the old file goes only when the new
    /// link is there. The error, if any.
    fn replace(&self, source: &[u8], dir: i32, name: &[u8]) -> Option<Errno> {
        let name = chop(name);
        let at = name.len() - last_component(name).len();
        // The directory part of `name`, `Cu`, six letters, a NUL.
        let tmp = sys::alloc(at + 9).ok()?;
        for (d, &c) in tmp.iter_mut().zip(name.iter().take(at).chain(b"Cu")) {
            *d = c;
        }
        const LETTERS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        let mut seed = sys::clock(0)[1] as u64 ^ (tmp.as_ptr() as u64) << 7;
        for _ in 0..100 {
            for c in tmp.iter_mut().skip(at + 2).take(6) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                *c = LETTERS.get((seed >> 33) as usize % 62).copied().unwrap_or(b'x');
            }
            let t = CStr::new(tmp);
            match sys::link(self.symbolic, CStr::new(source), dir, t, self.logical) {
                Err(EEXIST) => continue,
                Err(e) => return Some(e),
                Ok(_) => {
                    let done = sys::rename_at(dir, t, CStr::new(with_nul(name))).err();
                    // (Also when the rename did nothing: both names were
                    // one file already.)
                    if done.is_some() || !self.symbolic {
                        let _ = sys::unlink_at(dir, t, false);
                    }
                    return done;
                }
            }
        }
        Some(EEXIST)
    }

    /// Has this run made `dest` (the link of operand `k`) a link to the
    /// file `d` already (GNU's seen_file: the same name, the same file)?
    #[inline(never)]
    #[cold]
    fn seen(&self, d: &Stat, k: usize) -> bool {
        let n = self.made.len();
        if n == 0 {
            return false;
        }
        let mut slot = (d.ino ^ d.dev.rotate_left(32)) as usize % n;
        while let Some(r) = self.made.get(slot) {
            if r[2] == 0 {
                return false;
            }
            if r[0] == d.dev && r[1] == d.ino && eq(self.base(r[2] as usize), self.base(k)) {
                return true;
            }
            slot = (slot + 1) % n;
        }
        false
    }

    /// Notes the link just made for operand `k` to the file `s`.
    #[inline(never)]
    #[cold]
    fn record(&mut self, s: &Stat, k: usize) {
        let n = self.made.len();
        if n == 0 {
            return;
        }
        let mut slot = (s.ino ^ s.dev.rotate_left(32)) as usize % n;
        while let Some(r) = self.made.get_mut(slot) {
            if r[2] == 0 {
                (r[0], r[1], r[2]) = (s.dev, s.ino, k as u64);
                return;
            }
            slot = (slot + 1) % n;
        }
    }

    /// The name operand `k` (from 1) is linked under in the directory.
    fn base(&self, k: usize) -> &'static [u8] {
        let b = last_component(self.files.arg(k));
        b.get(..path_base_len(b)).unwrap_or_default()
    }
}

/// gnulib's base_len: the length of a last component without its
/// trailing slashes (1 for `/`).
fn path_base_len(base: &[u8]) -> usize {
    let mut len = base.len();
    while len > 1 && base.get(len - 1) == Some(&b'/') {
        len -= 1;
    }
    len
}

/// gnulib's same_nameat: do `a` (in the working directory) and `b` (in
/// `dir`) name one entry: the same last component in the same directory?
fn same_name(a: &[u8], dir: i32, b: &[u8]) -> bool {
    let (a, b) = (chop(a), chop(b));
    let (la, lb) = (last_component(a), last_component(b));
    if !eq(la.get(..path_base_len(la)).unwrap_or_default(), lb.get(..path_base_len(lb)).unwrap_or_default()) {
        return false;
    }
    let parent = |at: i32, p: &[u8]| {
        let d = p.get(..dir_len(p)).unwrap_or_default();
        let d = if d.is_empty() { &b"."[..] } else { d };
        sys::stat_at(at, CStr::new(with_nul(d)), false).ok().map(|s| (s.dev, s.ino))
    };
    let pa = parent(CWD, a);
    pa.is_some() && pa == parent(dir, b)
}

/// `-r`: `source` relative to the directory of `dest`, both canonical
/// (gnulib's canonicalize_filename_mode with CAN_MISSING, then relpath);
/// None if either cannot be worked out (the name is then used as given).
#[inline(never)]
#[cold]
fn relative(source: &[u8], dest: &[u8]) -> Option<&'static [u8]> {
    let dir = match dir_len(dest) {
        0 => &b"."[..],
        n => dest.get(..n).unwrap_or_default(),
    };
    let to = canonical(dir)?;
    let from = canonical(source)?;
    let out = sys::alloc(NAME_MAX).ok()?;
    match relpath(from, to, out) {
        Ok(n) => out.get(..=n),
        Err(long) => {
            if long {
                // A warning: the link is still made, from the name as given.
                Msg::new().fill(texts::RELATIVE_TOO_LONG, b"", ENAMETOOLONG.0 as u32).ask();
            }
            None
        }
    }
}

/// gnulib's relpath: `from` relative to `to` (both canonical) into
/// `out`, NUL-ended; its length. Err(false) when they share no prefix,
/// Err(true) when it does not fit GNU's PATH_MAX buffer.
#[inline(always)]
fn relpath(from: &[u8], to: &[u8], out: &mut [u8]) -> Result<usize, bool> {
    // The common prefix, up to a slash that ends a component of both.
    let (mut i, mut common) = (0, 0);
    if (from.get(1) == Some(&b'/')) != (to.get(1) == Some(&b'/')) {
        return Err(false);
    }
    while let (Some(&x), Some(&y)) = (from.get(i), to.get(i)) {
        if x != y {
            break;
        }
        if x == b'/' {
            common = i + 1;
        }
        i += 1;
    }
    let (fe, te) = (from.get(i), to.get(i));
    if (fe.is_none() && te.is_none()) || (fe.is_none() && te == Some(&b'/')) || (te.is_none() && fe == Some(&b'/')) {
        common = i;
    }
    if common == 0 {
        return Err(false);
    }
    let skip = |s: &'_ [u8]| -> usize { (s.get(common) == Some(&b'/')) as usize + common };
    let rest_to = to.get(skip(to)..).unwrap_or_default();
    let rest_from = from.get(skip(from)..).unwrap_or_default();
    let mut at = 0;
    let mut put = |s: &[u8], at: &mut usize| {
        for &c in s {
            if let Some(d) = out.get_mut(*at) {
                *d = c;
            }
            *at += 1;
        }
    };
    if rest_to.is_empty() {
        put(if rest_from.is_empty() { b"." } else { rest_from }, &mut at);
    } else {
        put(b"..", &mut at);
        for &c in rest_to {
            if c == b'/' {
                put(b"/..", &mut at);
            }
        }
        if !rest_from.is_empty() {
            put(b"/", &mut at);
            put(rest_from, &mut at);
        }
    }
    // PATH_MAX, as GNU's buffer.
    if at >= 4096 {
        return Err(true);
    }
    put(b"\0", &mut at);
    Ok(at - 1)
}

/// gnulib's canonicalize_filename_mode(CAN_MISSING): `name` absolute,
/// without `.`, `..`, repeated slashes or symlinks (each existing
/// component that is one is replaced by what it names; missing ones are
/// kept as they are). None for an empty name or one too long.
fn canonical(name: &[u8]) -> Option<&'static [u8]> {
    if name.is_empty() {
        return None;
    }
    let out = sys::alloc(2 * NAME_MAX).ok()?;
    let (out, rest) = out.split_at_mut_checked(NAME_MAX)?;
    // `rest` holds what is left of the name: at its end, so that a link's
    // text can go before it.
    let mut start = NAME_MAX.checked_sub(name.len())?;
    for (d, &c) in rest.iter_mut().skip(start).zip(name) {
        *d = c;
    }
    let mut dest;
    if name.first() == Some(&b'/') {
        dest = 1;
        *out.first_mut()? = b'/';
    } else {
        let mut cwd = [MaybeUninit::uninit(); NAME_MAX];
        let dir = chop(sys::getcwd(&mut cwd)?);
        for (d, &c) in out.iter_mut().zip(dir) {
            *d = c;
        }
        dest = dir.len();
    }
    let (mut links, mut seen) = (0, [0u64; 32]);
    loop {
        while rest.get(start) == Some(&b'/') {
            start += 1;
        }
        let end = rest.iter().skip(start).position(|&c| c == b'/').map_or(NAME_MAX, |k| start + k);
        let comp = rest.get(start..end).unwrap_or_default();
        if comp.is_empty() {
            break;
        }
        if eq(comp, b"..") {
            if dest > 1 {
                dest -= 1;
                while dest > 0 && out.get(dest - 1) != Some(&b'/') {
                    dest -= 1;
                }
                dest = dest.max(1);
            }
        } else if !eq(comp, b".") {
            let back = dest;
            if out.get(dest - 1) != Some(&b'/') {
                *out.get_mut(dest)? = b'/';
                dest += 1;
            }
            for &c in comp {
                *out.get_mut(dest)? = c;
                dest += 1;
            }
            *out.get_mut(dest)? = 0;
            let mut buf = [MaybeUninit::uninit(); 4096];
            if let Ok(link) = sys::readlink(CStr::new(out.get(..=dest)?), &mut buf) {
                // After 20 links, gnulib follows one only if this name (with
                // what follows it) was not met before in this directory;
                // met before, it is kept as it is (CAN_MISSING).
                let mut follow = links < 20;
                if !follow {
                    let mut h = 0xcbf29ce484222325u64;
                    for &c in rest.get(start..).unwrap_or_default().iter().chain(b"\0").chain(out.get(..back).unwrap_or_default()) {
                        h = (h ^ c as u64).wrapping_mul(0x100000001b3);
                    }
                    follow = !seen.contains(&h) && seen.iter().any(|&s| s == 0);
                    if let Some(slot) = seen.iter_mut().find(|s| **s == 0) {
                        *slot = h;
                    }
                }
                if follow {
                    links += 1;
                    let link = chop(link);
                    // The link's text goes before what followed the
                    // component (the rest is kept at the end of `rest`).
                    start = end.checked_sub(link.len())?;
                    for (d, &c) in rest.iter_mut().skip(start).zip(link) {
                        *d = c;
                    }
                    // An absolute link starts again at the root, a relative
                    // one in the component's directory.
                    dest = if link.first() == Some(&b'/') { 1 } else { back };
                    continue;
                }
            }
        }
        start = end;
    }
    if dest > 1 && out.get(dest - 1) == Some(&b'/') {
        dest -= 1;
    }
    *out.get_mut(dest)? = 0;
    let out: &'static [u8] = out;
    out.get(..dest)
}
