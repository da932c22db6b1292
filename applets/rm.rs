//! rm — remove files and directories.
//!
//! Usage: rm [OPTION]... [FILE]...
//! Each FILE is removed (unlink); a directory only with `-d` (if empty)
//! or `-r`/`-R` (with everything in it). `-f`: missing files are no
//! error, no operand is no error, never a prompt; `-i` (`--interactive`,
//! `=always`): a prompt before each removal; `-I` (`=once`): one prompt
//! before removing more than three files or any recursively; `=never`.
//! Without `-f` or `-i`, a write-protected file prompts when stdin is a
//! terminal. Prompts go to stderr, answers come a line each from stdin
//! (a `y` or `Y` first is yes). `-v`: `removed 'F'` / `removed directory
//! 'D'` on stdout. `.`, `..` (as the last component) and `/` (unless
//! `--no-preserve-root`, not abbreviated) are refused;
//! `--preserve-root=all` refuses an operand on another device than its
//! parent; `--one-file-system` skips directories on other devices.
//! Messages and statuses are GNU's (remove.c over fts): a failure to
//! remove marks every directory above it kept, silently.
//!
//! The walk: each directory is read (getdents64) into one growing arena
//! and its entries removed relative to its descriptor (unlinkat), never
//! by joined path names; a subdirectory is opened with O_NOFOLLOW and
//! checked to be what lstat saw, so a tree changed under rm never leads
//! it out. Only the deepest `KEEP` directories stay open; going back up
//! past them reopens `..` and checks it is the directory left. Memory is
//! the path, 64 bytes a level and the unread entries of the directories
//! being walked.

use crate::applets::{argmatch, parse, try_help, usage_error};
use crate::args::{chop, with_nul, Args, Env};
use crate::fs::{dot_or_dotdot, DIR_FLAGS};
use crate::io::{self, say, tell, yes, Msg, STDIN};
use crate::sys::{self, CStr, Stat, CWD};
use femtobox::errno::Errno;
use femtobox::getopt::Spec;
use femtobox::path::last_component;
use femtobox::text::eq;
use femtobox::texts::{self, entry, get};

const SPEC: Spec = Spec { short: entry(texts::RM_SHORT), long: get(texts::RM_LONG) };

const INTERACTIVE: u8 = 0x18;
const PRESERVE_ROOT: u8 = 0x19;
const ONE_FILE_SYSTEM: u8 = 0x03;
const NO_PRESERVE_ROOT: u8 = 0x04;
const PRESUME_TTY: u8 = 0x05;

/// How often rm asks (GNU's RMI_*).
const NEVER: u8 = 1;
const ONCE: u8 = 2;
const ALWAYS: u8 = 3;
const SOMETIMES: u8 = 0;

const EACCES: Errno = Errno(13);
const EPERM: Errno = Errno(1);
const EISDIR: Errno = Errno(21);
const ENOTEMPTY: Errno = Errno(39);
const ENOENT: Errno = Errno(2);
const EROFS: Errno = Errno(30);

/// Directories kept open at most (the deepest ones of the walk).
const KEEP: usize = 16;
/// Bytes asked of getdents64 at a time.
const WINDOW: usize = 1 << 16;

/// A frame (one directory being walked) is eight words: its descriptor
/// (or -1), device, inode, the end of its entries in the arena (they begin
/// where its parent's end) and the next one, its path length, its name,
/// flags.
const FD: usize = 0;
const DEV: usize = 1;
const INO: usize = 2;
const END: usize = 3;
const NEXT: usize = 4;
const PATH: usize = 5;
/// Where its name is, in its parent's entries (not for an operand).
const NAME: usize = 6;
const FLAGS: usize = 7;
const EOF: u64 = 1;
/// Something below could not be removed (or was kept): GNU's fts_number.
const KEPT: u64 = 2;

const S_IFMT: u32 = 0o170000;
const S_IFDIR: u32 = 0o040000;
const S_IFLNK: u32 = 0o120000;
const DT_DIR: u8 = 4;
const DT_UNKNOWN: u8 = 0;

/// What prompting and excising came to (GNU's RM_*).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Done {
    Ok,
    Declined,
    Failed,
}

struct Rm {
    force: bool,
    ask: u8,
    one_fs: bool,
    dirs: bool,
    recursive: bool,
    root: Option<(u64, u64)>,
    all_root: bool,
    tty: bool,
    verbose: bool,
    /// Root needs no write permission (gnulib's can_write_any_file).
    anything: bool,
    frames: &'static mut [[u64; 8]],
    arena: &'static mut [u8],
    path: &'static mut [u8],
    /// The device of the operand being walked (fts_dev).
    dev: u64,
    /// The operand, without and with its NUL.
    op: &'static [u8],
    op_z: &'static [u8],
}

pub fn main(mut args: Args, env: Env) -> u8 {
    let mut rm = Rm {
        force: false,
        ask: SOMETIMES,
        one_fs: false,
        dirs: false,
        recursive: false,
        root: None,
        all_root: false,
        tty: sys::is_tty(STDIN),
        verbose: false,
        anything: sys::euid() == 0,
        frames: &mut [],
        arena: &mut [],
        path: &mut [],
        dev: 0,
        op: b"",
        op_z: b"",
    };
    let (mut preserve, mut once) = (true, false);
    let abbreviated = abbreviations(args, env);
    let hint = leading_hyphen(args);
    let mut seen = 0;
    if let Err(status) = parse(&mut args, env, &SPEC, 0x81, &mut |c, a| {
        match c {
            b'd' => rm.dirs = true,
            b'f' => (rm.ask, rm.force, once) = (NEVER, true, false),
            b'i' => (rm.ask, rm.force, once) = (ALWAYS, false, false),
            b'I' => (rm.ask, rm.force, once) = (SOMETIMES, false, true),
            b'r' | b'R' => rm.recursive = true,
            b'v' => rm.verbose = true,
            INTERACTIVE => match a.map_or(Ok(ALWAYS), |w| argmatch(w, texts::RM_WHEN, texts::INTERACTIVE_OPTION))? {
                NEVER => (rm.ask, once) = (NEVER, false),
                ONCE => (rm.ask, rm.force, once) = (SOMETIMES, false, true),
                _ => (rm.ask, rm.force, once) = (ALWAYS, false, false),
            },
            ONE_FILE_SYSTEM => rm.one_fs = true,
            NO_PRESERVE_ROOT => {
                seen += 1;
                if abbreviated & (1 << seen.min(31)) != 0 {
                    say(texts::NO_ABBREVIATION, b"", 0);
                    return Err(1);
                }
                preserve = false;
            }
            PRESERVE_ROOT => {
                if let Some(w) = a {
                    if !eq(w, b"all") {
                        say(texts::BAD_PRESERVE_ROOT, w, 0);
                        return Err(1);
                    }
                    rm.all_root = true;
                }
                preserve = true;
            }
            PRESUME_TTY => rm.tty = true,
            _ => {}
        }
        Ok(())
    }) {
        if status != 0x81 {
            return status;
        }
        if let Some(a) = hint {
            Msg::bare().fill(texts::TRY_DOT_SLASH, chop(a), 0).ask();
        }
        return try_help(1);
    }
    let n = args.len() - 1;
    if n == 0 {
        if rm.force {
            return 0;
        }
        return usage_error(texts::MISSING_OPERAND, b"", 1);
    }
    if rm.recursive && preserve {
        match sys::stat_at(CWD, CStr::new(b"/\0"), false) {
            Ok(st) => rm.root = Some((st.dev, st.ino)),
            Err(e) => {
                say(texts::FAILED_ATTRIBUTES, b"/", e.0 as u32);
                return 1;
            }
        }
    }
    if once && (rm.recursive || n > 3) {
        let t = match (rm.recursive, n == 1) {
            (true, true) => texts::REMOVE_ARG_RECURSIVELY,
            (true, false) => texts::REMOVE_ARGS_RECURSIVELY,
            (false, _) => texts::REMOVE_ARGS,
        };
        if !yes(Msg::new().fill(t, b"", n as u32)) {
            return 0;
        }
    }
    if rm.recursive || rm.dirs {
        // Room for the walk; without it rm -r fails as GNU's does without
        // memory.
        match (sys::table(1 << 22), sys::reserve(1 << 36), sys::reserve(1 << 32)) {
            (Ok(f), Ok(a), Ok(p)) => (rm.frames, rm.arena, rm.path) = (f, a, p),
            _ => {
                say(texts::NO_MEMORY, b"", 0);
                return 1;
            }
        }
    }
    for i in 1..=n {
        rm.operand(args.arg_z(i));
    }
    io::finish() | io::status()
}

/// Which `--no-preserve-root`s (by count, bit k for the k-th) are written
/// abbreviated: GNU refuses those (it reads the argv element itself).
fn abbreviations(args: Args, env: Env) -> u32 {
    let full = entry(texts::NO_PRESERVE_ROOT_OPTION);
    let (mut bits, mut k) = (0u32, 0);
    for a in args.iter(1) {
        match a {
            b"--" => break,
            [b'-', b'-', b'n', ..] if a.len() <= full.len() && eq(full.get(..a.len()).unwrap_or_default(), a) => {
                k += 1;
                if a.len() < full.len() {
                    bits |= 1 << (k as u32).min(31);
                }
            }
            [b'-', _, ..] => {}
            _ if env.posix() => break,
            _ => {}
        }
    }
    bits
}

/// The first argument that names an existing file and begins with `-`:
/// GNU's hint after a bad option (`Try 'rm ./-foo' ...`). Found before
/// the options are parsed, since parsing moves the operands over them
/// (glibc's permutation keeps the order of those that begin with `-`).
fn leading_hyphen(args: Args) -> Option<&'static [u8]> {
    (1..args.len()).map(|i| args.arg_z(i)).find(|a| a.len() > 2 && a.first() == Some(&b'-') && sys::stat_at(CWD, CStr::new(a), true).is_ok())
}

/// The type of a file as gnulib's file_type words it, for prompts.
#[inline(never)]
fn kind(st: &Stat) -> &'static [u8] {
    let k = match st.mode & S_IFMT {
        0o100000 if st.size == 0 => 0,
        0o100000 => 1,
        S_IFDIR => 2,
        S_IFLNK => 3,
        0o020000 => 4,
        0o060000 => 5,
        0o010000 => 6,
        0o140000 => 7,
        _ => 8,
    };
    femtobox::text::nth(get(texts::FILE_TYPES), k)
}

/// Puts `name` in `path` after `at` bytes (a `/` between unless the path
/// ends in one, as fts joins them); returns the new length.
fn join(path: &mut [u8], at: u64, name: &[u8]) -> u64 {
    let mut at = at as usize;
    if at > 0 && path.get(at - 1) != Some(&b'/') {
        if let Some(c) = path.get_mut(at) {
            *c = b'/';
        }
        at += 1;
    }
    for (d, &c) in path.iter_mut().skip(at).zip(name) {
        *d = c;
    }
    (at + name.len()) as u64
}

impl Rm {
    /// What messages call the file being looked at: the walk's path when
    /// there is one, else the operand.
    #[inline(never)]
    fn shown(&self, len: u64) -> &[u8] {
        match self.path.is_empty() {
            true => self.op,
            false => self.path.get(..len as usize).unwrap_or_default(),
        }
    }

    /// `PROG: cannot remove 'PATH': strerror`; the directories above are
    /// kept.
    #[inline(always)]
    fn cannot(&mut self, e: Errno, depth: usize, len: u64) -> Done {
        say(texts::CANNOT_REMOVE, self.shown(len), e.0 as u32);
        self.keep(depth);
        Done::Failed
    }

    /// Marks the directories above depth `depth` (frames 0..depth) kept
    /// (GNU's mark_ancestor_dirs).
    fn keep(&mut self, depth: usize) {
        for f in self.frames.iter_mut().take(depth).rev() {
            if f[FLAGS] & KEPT != 0 {
                break;
            }
            f[FLAGS] |= KEPT;
        }
    }

    /// One operand: GNU's fts root (lstat'ed, never followed).
    #[inline(never)]
    fn operand(&mut self, mut arg: &'static [u8]) {
        // fts_open trims two or more trailing slashes to one ("//" stays).
        let mut len = arg.len() - 1;
        if len > 2 && arg.get(len - 1) == Some(&b'/') {
            while len > 1 && arg.get(len - 2) == Some(&b'/') {
                len -= 1;
            }
            arg = with_nul(arg.get(..len).unwrap_or_default());
        }
        (self.op, self.op_z) = (chop(arg), arg);
        let len = join(self.path, 0, self.op);
        let name = CStr::new(arg);
        match sys::stat_at(CWD, name, true) {
            Ok(st) if st.mode & S_IFMT == S_IFDIR => {
                self.dev = st.dev;
                if self.enter(CWD, name, &st, 0, len, 0) {
                    self.walk();
                }
            }
            _ => self.file(CWD, name, 0, len),
        }
    }

    /// Anything but a directory (fts' FTS_F, FTS_SL, FTS_NS, ...).
    fn file(&mut self, dir: i32, name: CStr, depth: usize, len: u64) {
        if self.prompt(dir, name, false, false, false, len) == Done::Ok {
            self.excise(dir, name, false, None, depth, len);
        }
    }

    /// GNU's prompt(): whether to go on with `name` in `dir` (`is_dir`:
    /// a directory; `descend`: asking to go into it; `empty`: it is).
    fn prompt(&mut self, dir: i32, name: CStr, is_dir: bool, descend: bool, empty: bool, len: u64) -> Done {
        if self.ask == NEVER {
            return Done::Ok;
        }
        let mut cache = None;
        let mut lstat = || *cache.get_or_insert_with(|| sys::stat_at(dir, name, true));
        // Ok(true): write-protected; Err: cannot tell.
        let mut protected = Ok(false);
        if !self.force && (self.ask == ALWAYS || self.tty) && !self.anything {
            protected = match lstat() {
                Err(e) => Err(e),
                Ok(s) if s.mode & S_IFMT == S_IFLNK => Ok(false),
                Ok(_) => sys::writable(dir, name).map(|w| !w),
            };
        }
        if protected == Ok(false) && self.ask != ALWAYS {
            return Done::Ok;
        }
        let mut is_dir = is_dir;
        if protected.is_ok() {
            if !is_dir {
                match lstat() {
                    Ok(s) if s.mode & S_IFMT == S_IFLNK && self.ask != ALWAYS => return Done::Ok,
                    Ok(s) => is_dir = s.mode & S_IFMT == S_IFDIR,
                    Err(e) => protected = Err(e),
                }
            }
            if is_dir && !(self.recursive || (self.dirs && empty)) {
                protected = Err(EISDIR);
            }
        }
        let shown = self.shown(len);
        let protected = match protected {
            Err(e) => {
                say(texts::CANNOT_REMOVE, shown, e.0 as u32);
                return Done::Failed;
            }
            Ok(p) => p,
        };
        let mut m = Msg::new();
        if is_dir && descend && !empty {
            m.fill(if protected { texts::DESCEND_PROTECTED } else { texts::DESCEND }, shown, 0);
        } else {
            match lstat() {
                Err(e) => {
                    say(texts::CANNOT_REMOVE, shown, e.0 as u32);
                    return Done::Failed;
                }
                Ok(s) => {
                    m.fill(if protected { texts::REMOVE_PROTECTED } else { texts::REMOVE }, kind(&s), 0);
                    m.fill(texts::QUESTION, shown, 0);
                }
            }
        }
        if yes(&mut m) {
            Done::Ok
        } else {
            Done::Declined
        }
    }

    /// GNU's excise(): unlinkat `name` in `dir`; `unreadable`: the errno
    /// that kept the directory from being read (fts' FTS_DNR).
    fn excise(&mut self, dir: i32, name: CStr, is_dir: bool, unreadable: Option<Errno>, depth: usize, len: u64) -> Done {
        let mut e = match sys::unlink_at(dir, name, is_dir) {
            Ok(_) => {
                if self.verbose {
                    tell(if is_dir { texts::REMOVED_DIR } else { texts::REMOVED }, self.shown(len));
                }
                return Done::Ok;
            }
            Err(e) => e,
        };
        if e == EROFS && sys::stat_at(dir, name, true).err() == Some(ENOENT) {
            e = ENOENT;
        }
        // ENOENT, ENOTDIR, EINVAL, EILSEQ: it is not there.
        if self.force && matches!(e.0, 2 | 20 | 22 | 84) {
            return Done::Ok;
        }
        if let Some(u) = unreadable {
            if matches!(e.0, 39 | 21 | 20 | 17) && (u == EPERM || u == EACCES) {
                e = u;
            }
        }
        self.cannot(e, depth, len)
    }

    /// The pre-order visit of a directory (fts' FTS_D): `name` in `dir` as
    /// lstat saw it (`st`), at `depth` (0: an operand), its path `len`
    /// bytes long, its name at `name_at` in the arena (below an operand).
    /// True when its frame is pushed and its entries are to be walked.
    fn enter(&mut self, dir: i32, name: CStr, st: &Stat, depth: usize, len: u64, name_at: u64) -> bool {
        if !self.recursive && !self.dirs {
            self.cannot(EISDIR, depth, len);
            return false;
        }
        // Open it and read its first entries: whether it is empty (GNU's
        // is_empty_dir) and, if it is walked, where its entries begin.
        let start = match depth {
            0 => 0,
            _ => self.frames.get(depth - 1).map_or(0, |f| f[END]),
        };
        let mut f = [-1i64 as u64, st.dev, st.ino, start, start, len, name_at, 0];
        let mut opened = sys::open_at(dir, name, DIR_FLAGS, 0);
        let mut empty = false;
        if let Ok(fd) = opened {
            f[FD] = fd as u64;
            match sys::fstat(fd) {
                Ok(now) if now.dev == st.dev && now.ino == st.ino => empty = self.first_entries(&mut f),
                // Not the directory lstat saw: it changed under us, so it
                // is not entered.
                _ => {
                    close(&mut f);
                    opened = Err(ENOENT);
                }
            }
        }
        if !self.recursive && !empty {
            close(&mut f);
            self.cannot(ENOTEMPTY, depth, len);
            return false;
        }
        if depth == 0 && self.refused(st) {
            close(&mut f);
            return false;
        }
        let done = self.prompt(dir, name, true, true, empty, len);
        if done != Done::Ok || empty {
            close(&mut f);
            if done != Done::Ok || self.excise(dir, name, true, None, depth, len) != Done::Ok {
                self.keep(depth);
            }
            return false;
        }
        if opened.is_err() || (self.one_fs && depth > 0 && st.dev != self.dev) {
            close(&mut f);
            self.post_order(dir, name, depth, len, opened.err(), st.dev, 0);
            return false;
        }
        // Only the deepest KEEP directories stay open.
        if let Some(old) = depth.checked_sub(KEEP).and_then(|d| self.frames.get_mut(d)) {
            close(old);
        }
        match self.frames.get_mut(depth) {
            Some(slot) => {
                *slot = f;
                true
            }
            None => {
                close(&mut f);
                say(texts::NO_MEMORY, b"", 0);
                false
            }
        }
    }

    /// The post-order visit (FTS_DP, FTS_DNR): the directory `name` in
    /// `dir` removed, if nothing in it was kept (`flags`).
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    #[cold]
    fn post_order(&mut self, dir: i32, name: CStr, depth: usize, len: u64, unreadable: Option<Errno>, dev: u64, flags: u64) {
        if self.one_fs && depth > 0 && dev != self.dev {
            say(texts::SKIPPING_DEVICE, self.shown(len), 0);
            self.keep(depth);
            return;
        }
        if flags & KEPT == 0 && self.prompt(dir, name, true, false, false, len) == Done::Ok {
            self.excise(dir, name, true, unreadable, depth, len);
        }
    }

    /// The checks for operands only: `.` or `..` last, `/`, another device
    /// than the parent's under `--preserve-root=all`. True if refused.
    fn refused(&mut self, st: &Stat) -> bool {
        let op = self.op;
        let last = last_component(op);
        if last.first() == Some(&b'.') && matches!(last.get(1 + (last.get(1) == Some(&b'.')) as usize), None | Some(b'/')) {
            say(texts::REFUSING, op, 0);
            return true;
        }
        if self.root == Some((st.dev, st.ino)) {
            say(if eq(op, b"/") { texts::DANGEROUS } else { texts::DANGEROUS_SAME }, op, 0);
            say(texts::USE_NO_PRESERVE, b"", 0);
            return true;
        }
        if self.all_root {
            // lstat("OP/..") as GNU's file_name_concat spells it.
            let at = join(self.path, op.len() as u64, b"..\0");
            let parent = self.path.get(..at as usize).unwrap_or_default();
            match sys::stat_at(CWD, CStr::new(parent), true) {
                Err(_) => {
                    let mut m = Msg::new();
                    m.fill(texts::FAILED_TO_STAT, chop(parent), 0);
                    m.fill(texts::SKIPPING, op, 0);
                    m.send();
                    return true;
                }
                Ok(p) if p.dev != st.dev => {
                    say(texts::SKIPPING_DEVICE, op, 0);
                    say(texts::AND_PRESERVE_ALL, b"", 0);
                    return true;
                }
                Ok(_) => {}
            }
        }
        false
    }

    /// Reads the first entries of a directory just opened (frame `f`);
    /// true when it holds nothing but `.` and `..`.
    #[inline(never)]
    fn first_entries(&mut self, f: &mut [u64; 8]) -> bool {
        let mut from = f[NEXT] as usize;
        while self.read_more(f) {
            if sys::Dirents(self.arena.get(from..f[END] as usize).unwrap_or_default()).any(|(_, n)| !dot_or_dotdot(n)) {
                return false;
            }
            from = f[END] as usize;
        }
        true
    }

    /// One more getdents64 batch for frame `f`, after its end; false at
    /// the directory's end (a read error ends it too: what was read is
    /// walked, and removing the directory will say what is left).
    fn read_more(&mut self, f: &mut [u64; 8]) -> bool {
        if f[FLAGS] & EOF != 0 {
            return false;
        }
        let end = f[END] as usize;
        let n = match self.arena.get_mut(end..end + WINDOW) {
            Some(room) => sys::getdents_into(f[FD] as i32, room).unwrap_or(0),
            None => 0,
        };
        if n == 0 {
            f[FLAGS] |= EOF;
        }
        f[END] += n as u64;
        n > 0
    }

    /// Walks the directory of frame 0 and all below it, depth first,
    /// removing as it goes; each directory's post-order visit when its
    /// entries are done.
    #[inline(never)]
    fn walk(&mut self) {
        let mut depth = 0;
        loop {
            let Some(mut f) = self.frames.get(depth).copied() else { return };
            if f[NEXT] >= f[END] {
                // This batch is done: the next one takes its room.
                let start = match depth {
                    0 => 0,
                    _ => self.frames.get(depth - 1).map_or(0, |p| p[END]),
                };
                (f[END], f[NEXT]) = (start, start);
                let more = self.read_more(&mut f);
                if let Some(slot) = self.frames.get_mut(depth) {
                    *slot = f;
                }
                if !more {
                    if !self.leave(depth) || depth == 0 {
                        return;
                    }
                    depth -= 1;
                }
                continue;
            }
            let at = f[NEXT] as usize;
            let rec = self.arena.get(at..f[END] as usize).unwrap_or_default();
            let reclen = rec.get(16..18).map_or(0, |b| b.iter().rev().fold(0, |v, &c| v << 8 | c as usize));
            let d_type = rec.get(18).copied().unwrap_or(DT_UNKNOWN);
            f[NEXT] = if reclen < 20 { f[END] } else { (at + reclen) as u64 };
            if let Some(slot) = self.frames.get_mut(depth) {
                *slot = f;
            }
            let raw = rec.get(19..reclen).unwrap_or_default();
            let n = raw.iter().position(|&c| c == 0).unwrap_or(raw.len());
            let name = raw.get(..n).unwrap_or_default();
            if reclen < 20 || dot_or_dotdot(name) {
                continue;
            }
            let len = join(self.path, f[PATH], name);
            let cname = CStr::new(raw.get(..=n).unwrap_or_default());
            let fd = f[FD] as i32;
            let st = match d_type {
                DT_DIR | DT_UNKNOWN => sys::stat_at(fd, cname, true).ok().filter(|s| s.mode & S_IFMT == S_IFDIR),
                _ => None,
            };
            match st {
                Some(st) => {
                    // The rest of this directory comes in first, so that its
                    // descriptor may be closed while below it.
                    while self.read_more(&mut f) {}
                    if let Some(slot) = self.frames.get_mut(depth) {
                        *slot = f;
                    }
                    if self.enter(fd, cname, &st, depth + 1, len, (at + 19) as u64) {
                        depth += 1;
                    }
                }
                None => self.file(fd, cname, depth + 1, len),
            }
        }
    }

    /// Frame `depth`'s entries are done: back in its parent (reopened
    /// through `..` if it was closed, and checked to be the same
    /// directory), its post-order visit. False when the way back is lost
    /// (reported; the rest of the operand is given up).
    #[inline(never)]
    fn leave(&mut self, depth: usize) -> bool {
        let Some(mut f) = self.frames.get(depth).copied() else { return false };
        let mut dir = CWD;
        if let Some(p) = depth.checked_sub(1).and_then(|d| self.frames.get_mut(d)) {
            if (p[FD] as i64) < 0 {
                let back = sys::open_at(f[FD] as i32, CStr::new(b"..\0"), DIR_FLAGS, 0);
                match back.and_then(|fd| sys::fstat(fd).map(|st| (fd, st))) {
                    Ok((fd, st)) if st.dev == p[DEV] && st.ino == p[INO] => p[FD] = fd as u64,
                    other => {
                        if let Ok((fd, _)) = other {
                            sys::close(fd);
                        }
                        let len = p[PATH];
                        say(texts::TRAVERSAL_FAILED, self.shown(len), ENOENT.0 as u32);
                        for fr in self.frames.iter_mut().take(depth + 1) {
                            close(fr);
                        }
                        return false;
                    }
                }
            }
            dir = p[FD] as i32;
        }
        close(&mut f);
        let name = match depth {
            0 => self.op_z,
            _ => {
                let rest = self.arena.get(f[NAME] as usize..).unwrap_or_default();
                rest.get(..=rest.iter().position(|&c| c == 0).unwrap_or(0)).unwrap_or_default()
            }
        };
        let name = CStr::new(name);
        self.post_order(dir, name, depth, f[PATH], None, f[DEV], f[FLAGS]);
        true
    }
}

/// Closes a frame's descriptor, if open.
fn close(f: &mut [u64; 8]) {
    if f[FD] as i64 >= 0 {
        sys::close(f[FD] as i32);
        f[FD] = -1i64 as u64;
    }
}
