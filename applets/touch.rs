//! touch — change file timestamps.
//!
//! Usage: touch [OPTION]... FILE...
//! Sets each FILE's access and modification times to now, creating it
//! empty (mode 0666 less the umask) if it does not exist, unless `-c`
//! (`--no-create`) or `-h` (`--no-dereference`: a symlink's own times).
//! `-a` / `-m` / `--time=WORD`: only the access / modification time.
//! The time instead of now: `-d STR` (`@EPOCH[.frac]` or ISO 8601, see
//! `date.rs`; other forms GNU's date parser takes are refused as invalid
//! date formats), `-t [[CC]YY]MMDDhhmm[.ss]`, `-r FILE`'s times (with `-d`:
//! a time of day or date relative to them). Local time is TZ's, read as
//! glibc reads it (POSIX rules, TZif files under $TZDIR or
//! /usr/share/zoneinfo), else /etc/localtime, else UTC. `-` is stdout's
//! file. `-f` is ignored. Messages and statuses are GNU's; the rest go on
//! after a failure, status 1. The obsolete `touch MMDDhhmm[YY] FILE` form
//! (only under _POSIX2_VERSION < 200112) is not supported.

use crate::applets::{argmatch, parse, usage_error};
use crate::args::{chop, with_nul, Args, Env};
use crate::fs::{self, O_NOCTTY, O_NONBLOCK};
use crate::io::{self, say};
use crate::sys::{self, CStr, CWD};
use femtobox::date;
use femtobox::errno::Errno;
use femtobox::getopt::Spec;
use femtobox::text::eq;
use femtobox::texts::{self, entry, get};
use femtobox::tz::{self, Source, Zone};

const SPEC: Spec = Spec { short: entry(texts::TOUCH_SHORT), long: get(texts::TOUCH_LONG) };

/// `--time`'s VAL.
const TIME: u8 = 0x10;
const ATIME: u8 = 1;
const MTIME: u8 = 2;
/// The nanoseconds that tell utimensat "now" and "leave it".
const UTIME_NOW: i64 = (1 << 30) - 1;
const UTIME_OMIT: i64 = (1 << 30) - 2;
const O_WRONLY_CREAT: usize = 0o1 | 0o100;

const EBADF: Errno = Errno(9);
const ENOENT: Errno = Errno(2);
const EISDIR: Errno = Errno(21);
const EINVAL: Errno = Errno(22);

pub fn main(mut args: Args, env: Env) -> u8 {
    let (mut change, mut no_create, mut nofollow) = (0, false, false);
    let (mut date, mut reference) = (None, None);
    let mut times = [[0i64; 2]; 2];
    let mut date_set = false;
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |c, a| {
        let a = a.unwrap_or_default();
        match c {
            b'a' => change |= ATIME,
            b'm' => change |= MTIME,
            b'c' => no_create = true,
            b'h' => nofollow = true,
            b'd' => date = Some(a),
            b'r' => reference = Some(a),
            b't' => match date::touch_t(a, sys::clock(0)[0], &zone(env)) {
                Some(t) => (times, date_set) = ([[t, 0], [t, 0]], true),
                None => {
                    say(texts::INVALID_DATE, a, 0);
                    return Err(1);
                }
            },
            TIME => change |= argmatch(a, texts::TOUCH_TIMES, texts::TIME_OPTION)?,
            _ => {}
        }
        Ok(())
    }) {
        return status;
    }
    if change == 0 {
        change = ATIME | MTIME;
    }
    if date_set && (reference.is_some() || date.is_some()) {
        return usage_error(texts::MORE_THAN_ONE_SOURCE, b"", 1);
    }
    // -d's time: of day or date relative to `base`.
    let relative = |d: &[u8], base: [i64; 2]| match date::touch_d(d, (base[0], base[1] as u32), &zone(env)) {
        Some((s, ns)) => Ok([s, ns as i64]),
        None => {
            say(texts::INVALID_DATE, d, 0);
            Err(1)
        }
    };
    if let Some(r) = reference {
        match sys::times_of(CStr::new(with_nul(r)), nofollow) {
            Ok(t) => times = t,
            Err(e) => {
                say(texts::FAILED_ATTRIBUTES, r, e.0 as u32);
                return 1;
            }
        }
        date_set = true;
        for (i, bit) in [ATIME, MTIME].into_iter().enumerate() {
            if let (Some(d), Some(t)) = (date, times.get_mut(i)) {
                if change & bit != 0 {
                    match relative(d, *t) {
                        Ok(new) => *t = new,
                        Err(s) => return s,
                    }
                }
            }
        }
    } else if let Some(d) = date {
        match relative(d, sys::clock(0)) {
            Ok(t) => (times, date_set) = ([t, t], true),
            Err(s) => return s,
        }
    }
    // Both now: no times given at all, so that a file one may write but
    // does not own can be touched too.
    let both_now = !date_set && change == ATIME | MTIME;
    if !date_set {
        times = [[0, UTIME_NOW], [0, UTIME_NOW]];
    }
    if change == MTIME {
        times[0][1] = UTIME_OMIT;
    } else if change == ATIME {
        times[1][1] = UTIME_OMIT;
    }
    if args.len() < 2 {
        return usage_error(texts::MISSING_FILE_OPERAND, b"", 1);
    }
    let t = if both_now { None } else { Some(&times) };
    for i in 1..args.len() {
        let (file, name) = (args.arg_z(i), args.arg(i));
        let (mut fd, mut opened) = (-1, Ok(0));
        if eq(name, b"-") {
            fd = 1;
        } else if !(no_create || nofollow) {
            opened = sys::open_at(CWD, CStr::new(file), O_WRONLY_CREAT | O_NONBLOCK | O_NOCTTY, 0o666);
            fd = *opened.as_ref().unwrap_or(&-1);
        }
        let done = match fd {
            -1 => sys::set_times(CWD, Some(CStr::new(file)), t, nofollow),
            _ => sys::set_times(fd, None, t, false),
        };
        if fd > 2 {
            if let Some(e) = sys::close(fd) {
                say(texts::FAILED_TO_CLOSE, name, e.0 as u32);
                continue;
            }
        } else if fd == 1 && done == Err(EBADF) && no_create {
            continue;
        }
        if let Err(e) = done {
            match opened {
                // A directory cannot be opened for writing: its times are
                // still set (or the failure to set them is the message).
                Err(o) if !(o == EISDIR || (o == EINVAL && fs::is_dir(CStr::new(file)))) => {
                    say(texts::CANNOT_TOUCH, name, o.0 as u32)
                }
                _ if no_create && e == ENOENT => {}
                _ => say(texts::SETTING_TIMES, name, e.0 as u32),
            }
        }
    }
    io::finish() | io::status()
}

/// The local time zone, as glibc's tzset finds it (see `tz.rs`).
#[inline(never)]
#[cold]
fn zone(env: Env) -> Zone<'static> {
    let var = |n: &[u8]| env.var(n).map(chop);
    let name = match tz::source(var(b"TZ")) {
        Source::Rule(r) => return Zone::rule(r),
        Source::File(name) => name,
    };
    let dir = var(b"TZDIR").filter(|d| !d.is_empty()).unwrap_or(entry(texts::ZONEINFO));
    let path = match name.first() {
        Some(b'/') => with_nul(name),
        _ => {
            let mut joined = [0u8; 4096];
            let mut at = 0;
            for &c in dir.iter().chain(b"/").chain(name) {
                if let Some(d) = joined.get_mut(at) {
                    *d = c;
                }
                at += 1;
            }
            with_nul(joined.get(..at).unwrap_or_default())
        }
    };
    let data = sys::open(CStr::new(path)).ok().and_then(|fd| {
        let data = fs::slurp(fd, false).ok();
        sys::close(fd);
        data
    });
    data.and_then(Zone::tzif).unwrap_or(Zone::rule(name))
}
