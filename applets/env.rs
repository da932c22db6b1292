//! env — run a command in a changed environment, or print the environment.
//!
//! Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
//! Options (stopping at the first operand, GNU's `+`): `-i`/`-` an empty
//! environment; `-u NAME` unset (refused with `cannot unset 'N': Invalid
//! argument` for an empty name or one with `=`, unless `-i`); `-0` NUL
//! after each entry printed; `-C DIR` chdir before the exec; `-S STRING`
//! split as `split::split` does, the words read as options and operands
//! again (the `#!/usr/bin/env -S cmd arg` use); `--default-signal`,
//! `--ignore-signal`, `--block-signal` (`[=SIG[,SIG]...]`, names as
//! `signal::number` reads them, all when none); `--list-signal-handling`
//! (to stderr); `-v`/`--debug` GNU's trace lines on stderr. Then the
//! assignments, then COMMAND run as execvp runs it: a name with `/` as it
//! is, else searched in PATH (an empty element is `.`; `/bin:/usr/bin`
//! when unset), a file of no known format run by `/bin/sh`. argv and the
//! strings of envp are handed to the kernel where they are. Status: 125
//! for env's own errors (a write error too), 126 for a command found but
//! not run, 127 for one not found.

use crate::applets::{answer, try_help, usage_error};
use crate::args::{chop, with_nul, Args, Env, Vector};
use crate::io::{self, say, Msg, Stdout};
use crate::sys::{self, CStr};
use femtobox::errno::Errno;
use femtobox::getopt::{self, Getopt, Item, Spec};
use femtobox::num::space;
use femtobox::signal::{self, RTMAX};
use femtobox::split::{split, Trace};
use femtobox::text::{eq, nth, num, Sink};
use femtobox::texts::{self, entry, entry_z, get, Text};

const SPEC: Spec = Spec { short: entry(texts::ENV_SHORT), long: get(texts::ENV_LONG) };

const DEFAULT_SIGNAL: u8 = 0x18;
const IGNORE_SIGNAL: u8 = 0x19;
const BLOCK_SIGNAL: u8 = 0x1a;
const LIST_SIGNALS: u8 = 3;

/// env's own failure.
const CANCELED: u8 = 125;


/// Every signal glibc lets a program block (`sigfillset`: not 32, 33).
const ALL: u64 = !(3 << 31);

/// What to do with the signals, as sets (bit n-1 for signal n): put back
/// the default action, ignore, (the all-signals forms) ignore a failure
/// doing so; block, unblock.
#[derive(Default)]
struct Signals {
    default: u64,
    ignore: u64,
    noerr: u64,
    block: u64,
    unblock: u64,
    mask_changed: bool,
}

/// Bytes collected as they come (the `-u` names, NUL-ended each), in
/// memory of their own that grows.
struct Bytes {
    buf: &'static mut [u8],
    len: usize,
}

impl Sink for Bytes {
    fn put(&mut self, s: &[u8]) {
        if self.len + s.len() > self.buf.len() {
            let Ok(grown) = sys::alloc((self.buf.len() * 2).max(self.len + s.len() + 4096)) else { return };
            for (d, &c) in grown.iter_mut().zip(self.buf.iter()) {
                *d = c;
            }
            self.buf = grown;
        }
        for (d, &c) in self.buf.iter_mut().skip(self.len).zip(s) {
            *d = c;
        }
        self.len += s.len();
    }
}

/// Counts bytes (the first pass over a `-S` string).
struct Count(usize);

impl Sink for Count {
    fn put(&mut self, s: &[u8]) {
        self.0 += s.len();
    }
}

/// `-v`'s lines about `${NAME}` in a `-S` string.
struct Debug(bool);

impl Trace for Debug {
    #[inline(always)]
    fn var(&mut self, name: &[u8], value: Option<&[u8]>) {
        if self.0 {
            let mut m = Msg::bare();
            match value {
                Some(v) => m.fill(texts::D_EXPANDING, name, 0).fill(texts::D_INTO_VALUE, v, 0),
                None => m.fill(texts::D_REPLACING, name, 0),
            };
            m.send();
        }
    }
}

/// A trace line (template `t` with `a` and `n`) when `-v` is on.
#[inline(never)]
#[cold]
fn trace(debug: bool, t: Text, a: &[u8], n: u32) {
    if debug {
        Msg::bare().fill(t, a, n).send();
    }
}

/// `PROG: ` + template `t` with `a` and the errno `e`: env's own failure.
fn die(t: Text, a: &[u8], e: u32) -> u8 {
    say(t, a, e);
    CANCELED
}

pub fn main(args: Args, env: Env) -> u8 {
    match run(args, env) {
        Ok(status) | Err(status) => status,
    }
}

fn run(args: Args, env: Env) -> Result<u8, u8> {
    let (mut ignore, mut nul, mut debug, mut list, mut dir) = (false, false, false, false, None);
    let mut unset = Bytes { buf: &mut [], len: 0 };
    let mut sig = Signals::default();
    let posix = env.posix();
    let mut cur = args;
    let mut opts = Getopt::new(cur.iter(1), &SPEC, posix);
    // The index in `cur` of the first operand.
    let mut at = cur.len();
    while let Some(item) = opts.next() {
        match item {
            Item::Opt(c @ (getopt::HELP | getopt::VERSION), _) => return Ok(answer(c == getopt::HELP)),
            Item::Opt(b'i', _) => ignore = true,
            Item::Opt(b'u', a) => {
                unset.put(a.unwrap_or_default());
                unset.byte(0);
            }
            Item::Opt(b'v', _) => debug = true,
            Item::Opt(b'0', _) => nul = true,
            Item::Opt(b'C', a) => dir = a,
            Item::Opt(LIST_SIGNALS, _) => list = true,
            Item::Opt(DEFAULT_SIGNAL, a) => {
                sig.actions(a, true)?;
                sig.masks(a, false)?;
            }
            Item::Opt(IGNORE_SIGNAL, a) => sig.actions(a, false)?,
            Item::Opt(BLOCK_SIGNAL, a) => sig.masks(a, true)?,
            Item::Opt(b'S', a) => {
                cur = resplit(cur, opts.args.left(), a.unwrap_or_default(), env, debug)?;
                opts = Getopt::new(cur.iter(1), &SPEC, posix);
            }
            Item::Opt(c, _) => {
                // A space, tab, ...: a `#!/usr/bin/env -i cmd` line.
                Msg::new().fill(texts::INVALID, &[c], 0).send();
                say(texts::USE_S, b"", 0);
                return Err(try_help(CANCELED));
            }
            Item::Operand(_) => {
                at = cur.len() - opts.args.left() - 1;
                break;
            }
            Item::Fault(t, a) => {
                let mut m = Msg::new();
                getopt::complain(m.sink(), &SPEC, t, a, true);
                m.send();
                return Err(CANCELED);
            }
        }
    }
    if at < cur.len() && eq(cur.arg(at), b"-") {
        (ignore, at) = (true, at + 1);
    }
    // The new environment: pointers to the strings where they are.
    let assignments = cur.iter(at).take_while(|a| a.iter().any(|&c| c == b'=')).count();
    let inherited = if ignore { 0 } else { env.iter().count() };
    let mut vars = Vector::new(inherited + assignments).ok_or(CANCELED)?;
    if ignore {
        trace(debug, texts::D_CLEANING, b"", 0);
    } else {
        for e in env.iter() {
            vars.push(e);
        }
        let names: &[u8] = unset.buf;
        for name in names.get(..unset.len).unwrap_or_default().split(|&c| c == 0).take(count(&unset)) {
            trace(debug, texts::D_UNSET, name, 0);
            if name.is_empty() || name.iter().any(|&c| c == b'=') {
                return Err(die(texts::CANNOT_UNSET, name, 22));
            }
            while let Some(i) = find_var(&vars, name) {
                vars.remove(i);
            }
        }
    }
    for _ in 0..assignments {
        let a = cur.arg_z(at);
        trace(debug, texts::D_SETENV, chop(a), 0);
        let name = a.split(|&c| c == b'=').next().unwrap_or_default();
        match find_var(&vars, name) {
            Some(i) => vars.set(i, a),
            None => vars.push(a),
        }
        at += 1;
    }
    let command = at < cur.len();
    if nul && command {
        return Err(usage_error(texts::NULL_WITH_COMMAND, b"", CANCELED));
    }
    if dir.is_some() && !command {
        return Err(usage_error(texts::CHDIR_WITHOUT_COMMAND, b"", CANCELED));
    }
    if !command {
        for e in vars.env().iter() {
            Stdout.put(chop(e));
            Stdout.byte(if nul { 0 } else { b'\n' });
        }
        return Ok(if io::finish() == 0 { 0 } else { CANCELED });
    }
    sig.apply(debug, list)?;
    if let Some(d) = dir {
        trace(debug, texts::D_CHDIR, d, 0);
        if let Err(e) = sys::chdir(CStr::new(with_nul(d))) {
            return Err(die(texts::CANNOT_CHDIR, d, e.0 as u32));
        }
    }
    let argv = cur.skip(at);
    if debug {
        trace(true, texts::D_EXECUTING, argv.arg(0), 0);
        for (i, a) in argv.iter(0).enumerate() {
            trace(true, texts::D_ARG, a, i as u32);
        }
    }
    let name = argv.arg(0);
    let e = execvp(argv.arg_z(0), argv, &vars);
    // errno 0 (nothing was tried): GNU's error() shows the name alone.
    say(if e.0 == 0 { texts::EXEC_NOTHING } else { texts::EXEC_FAILED }, name, e.0 as u32);
    if e.0 != 2 {
        return Err(126);
    }
    if name.iter().any(|&c| space(c)) {
        say(texts::USE_S, b"", 0);
    }
    Err(127)
}

/// How many names `unset` holds.
#[inline(never)]
#[cold]
fn count(b: &Bytes) -> usize {
    b.buf.iter().take(b.len).filter(|&&c| c == 0).count()
}

/// The first entry of `vars` that is `name=...`.
#[inline(always)]
fn find_var(vars: &Vector, name: &[u8]) -> Option<usize> {
    vars.env().find(0, name).map(|(i, _)| i)
}

/// `-S s`: the vector argv[0], the words of `s`, then the `left` entries
/// of `cur` not read yet.
fn resplit(cur: Args, left: usize, s: &'static [u8], env: Env, debug: bool) -> Result<Args, u8> {
    let getenv = |name: &[u8]| env.var(name).map(chop);
    let mut out = Bytes { buf: &mut [], len: 0 };
    let words = split(s, &mut out, getenv, &mut Debug(debug)).map_err(|(t, a)| die(t, a, 0))?;
    let Bytes { buf, len } = out;
    let strings: &'static [u8] = buf;
    let mut v = Vector::new(1 + words + left).ok_or(CANCELED)?;
    v.push(cur.arg_z(0));
    for word in strings.get(..len).unwrap_or_default().split_inclusive(|&c| c == 0) {
        v.push(word);
    }
    for i in cur.len() - left..cur.len() {
        v.push(cur.arg_z(i));
    }
    if debug && words > 0 {
        trace(true, texts::D_SPLIT, s, 0);
        for (i, word) in v.args().iter(1).take(words).enumerate() {
            trace(true, if i == 0 { texts::D_INTO } else { texts::D_AND }, word, 0);
        }
    }
    Ok(v.args())
}

impl Signals {
    /// `--default-signal[=LIST]` (`default`), `--ignore-signal[=LIST]`:
    /// the last word on a signal wins; the all-signals forms ignore
    /// failures (SIGKILL and SIGSTOP cannot change).
    fn actions(&mut self, list: Option<&[u8]>, default: bool) -> Result<(), u8> {
        let set = signals(list)?;
        let (this, that) = if default { (&mut self.default, &mut self.ignore) } else { (&mut self.ignore, &mut self.default) };
        (*this, *that) = (*this | set, *that & !set);
        self.noerr = self.noerr & !set | if list.is_none() { ALL } else { 0 };
        Ok(())
    }

    /// `--block-signal[=LIST]`, and the unblocking `--default-signal` does:
    /// the first list starts from an empty mask change.
    fn masks(&mut self, list: Option<&[u8]>, block: bool) -> Result<(), u8> {
        let set = signals(list)?;
        if list.is_some() && !self.mask_changed || list.is_none() {
            (self.block, self.unblock) = (0, 0);
        }
        self.mask_changed = true;
        let (this, that) = if block { (&mut self.block, &mut self.unblock) } else { (&mut self.unblock, &mut self.block) };
        (*this, *that) = (*this | set, *that & !set);
        Ok(())
    }

    /// Puts the actions and the mask in place (with their trace lines),
    /// and lists what is ignored or blocked when asked.
    #[inline(never)]
    fn apply(&self, debug: bool, list: bool) -> Result<(), u8> {
        for n in 1..=RTMAX {
            let bit = 1u64 << (n - 1);
            if (self.default | self.ignore) & bit == 0 {
                continue;
            }
            let ignore = self.ignore & bit != 0;
            let failed = sys::sigaction(n, Some(ignore as usize)).is_err();
            if failed && self.noerr & bit == 0 {
                Msg::new().fill(texts::SIG_SET_FAILED, b"", n as u32).fill(texts::RAW_ERROR, b"", 22).send();
                return Err(CANCELED);
            }
            if debug {
                let mut m = line(texts::D_RESET, n);
                m.fill(texts::D_TO, b"", 0).put(nth(get(texts::D_ACTIONS), ignore as usize));
                if failed {
                    m.fill(texts::D_FAILURE_IGNORED, b"", 0);
                }
                m.send();
            }
        }
        if self.mask_changed {
            let mut mask = sys::sigmask(None);
            for n in 1..=RTMAX {
                let bit = 1u64 << (n - 1);
                let block = self.block & bit != 0;
                if !block && self.unblock & bit == 0 {
                    continue;
                }
                mask = if block { mask | bit } else { mask & !bit };
                if debug {
                    let mut m = line(texts::D_SIGNAL, n);
                    m.fill(texts::D_MASK, b"", 0).put(nth(get(texts::D_ACTIONS), 3 - block as usize));
                    m.send();
                }
            }
            sys::sigmask(Some(mask));
        }
        if list {
            let mask = sys::sigmask(None);
            for n in 1..=RTMAX {
                let ignored = ALL >> (n - 1) & 1 != 0 && sys::sigaction(n, None).is_ok_and(|act| act[0] == 1);
                let blocked = ALL & mask >> (n - 1) & 1 != 0;
                if !ignored && !blocked {
                    continue;
                }
                // `%-10s (%2d): BLOCK,IGNORE`
                let mut m = Msg::bare();
                let mut name = Count(0);
                signal::name(&mut name, n);
                signal::name(&mut m, n);
                for _ in name.0..10 {
                    m.byte(b' ');
                }
                m.put(b" (");
                num(&mut m, n as u64, 2);
                m.put(b"): ");
                if blocked {
                    m.put(nth(get(texts::D_ACTIONS), 2));
                }
                if blocked && ignored {
                    m.byte(b',');
                }
                if ignored {
                    m.put(nth(get(texts::D_ACTIONS), 1));
                }
                m.send();
            }
        }
        Ok(())
    }
}

/// A trace line begun: template `t`, the signal's name and ` (N) `.
fn line(t: Text, n: u8) -> Msg {
    let mut m = Msg::bare();
    m.fill(t, b"", 0);
    signal::name(&mut m, n);
    m.fill(texts::D_NUMBER, b"", n as u32);
    m
}

/// The signals of a comma-separated list (empty items skipped, as strtok
/// does) as a set (bit n-1 for signal n), every one for no list; a bad one
/// is reported and ends the run.
fn signals(list: Option<&[u8]>) -> Result<u64, u8> {
    let Some(list) = list else { return Ok(ALL) };
    let mut set = 0;
    for item in list.split(|&c| c == b',').filter(|s| !s.is_empty()) {
        match signal::number(item) {
            Some(n) => set |= 1 << (n - 1),
            None => {
                say(texts::INVALID_SIGNAL, item, 0);
                return Err(try_help(CANCELED));
            }
        }
    }
    Ok(set)
}

/// glibc's execvp with `envp` for the environment (and its PATH): the
/// error of the attempt that counts.
#[inline(never)]
fn execvp(file: &'static [u8], argv: Args, envp: &Vector) -> Errno {
    const ENOENT: u16 = 2;
    const ENOEXEC: u16 = 8;
    const EACCES: u16 = 13;
    let name = chop(file);
    if name.is_empty() {
        return Errno(ENOENT);
    }
    if name.iter().any(|&c| c == b'/') {
        return match exec(CStr::new(file), argv, envp) {
            Errno(ENOEXEC) => script(file, argv, envp),
            e => e,
        };
    }
    if name.len() > 255 {
        return Errno::ENAMETOOLONG;
    }
    let path = envp.env().var(entry(texts::PATH_VAR)).map_or(entry(texts::DEFAULT_PATH), chop);
    let Ok(buf) = sys::alloc(path.len() + file.len() + 1) else { return Errno(12) };
    // glibc: an element as long as PATH (up to PATH_MAX) is skipped, and
    // the search goes on from its `:`, which reads as an empty element
    // (the current directory) first; errno stays 0 if nothing was tried.
    let limit = path.len().min(4095) + 1;
    let (mut last, mut denied, mut at) = (Errno(0), false, 0);
    loop {
        let rest = path.get(at..).unwrap_or_default();
        let end = rest.iter().position(|&c| c == b':').unwrap_or(rest.len());
        let dir = rest.get(..end).unwrap_or_default();
        if end >= limit {
            if end == rest.len() {
                break;
            }
            at += end;
            continue;
        }
        let slash: &[u8] = if dir.is_empty() { b"" } else { b"/" };
        let mut len = 0;
        for (d, &c) in buf.iter_mut().zip(dir.iter().chain(slash).chain(file)) {
            *d = c;
            len += 1;
        }
        let candidate: &[u8] = buf.get(..len).unwrap_or_default();
        last = exec(CStr::new(candidate), argv, envp);
        match last.0 {
            ENOEXEC => {
                let copy = with_nul(chop(candidate));
                last = script(copy, argv, envp);
                denied = true;
            }
            EACCES => denied = true,
            // Not there, or not ours to run: the next directory.
            2 | 19 | 20 | 110 | 116 => {}
            _ => return last,
        }
        if end == rest.len() {
            break;
        }
        at += end + 1;
    }
    if denied {
        Errno(EACCES)
    } else {
        last
    }
}

/// A file of no format the kernel knows, run as a shell script:
/// `/bin/sh FILE ARG...`.
fn script(file: &'static [u8], argv: Args, envp: &Vector) -> Errno {
    let Some(mut v) = Vector::new(argv.len() + 1) else { return Errno(12) };
    v.push(entry_z(texts::SH));
    v.push(file);
    for i in 1..argv.len() {
        v.push(argv.arg_z(i));
    }
    exec(CStr::new(entry_z(texts::SH)), v.args(), envp)
}

/// execve with argv's own vector.
fn exec(path: CStr, argv: Args, envp: &Vector) -> Errno {
    sys::exec(path, argv, envp.env())
}
