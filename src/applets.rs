//! The one applet table and the dispatcher: argv[0]'s basename (a leading `-`
//! dropped) picks the applet; under the box's own name argv[1] does, and the
//! box answers `--help`, `--list`, `--version` and `--install [-s] DIR`.
//!
//! To add an applet: write `applets/NAME.rs` with `pub fn main(Args, Env) -> u8`,
//! add it to `ALL` (alphabetical order) and give it a feature in Cargo.toml.

use crate::args::{chop, Args, Env};
use crate::io::{self, complain, Out};
use crate::sys::{self, CStr};
use femtobox::getopt::{self, Getopt, Item, Spec};
use femtobox::text::Sink;
use femtobox::text::{basename, find};

/// An applet's `--help` text after `Usage: `: its synopsis line, and with the
/// `help` feature (on by default; `make HELP=0` leaves it out) one short
/// line per option. Our own words, not GNU's paragraphs.
/// (After a `;`, what follows the option lines either way.)
#[cfg(feature = "help")]
macro_rules! usage {
    ($synopsis:literal $(, $line:literal)* $(,)? $(; $tail:literal)?) => {
        concat!($synopsis, $($line,)* $($tail)?).as_bytes()
    };
}
#[cfg(not(feature = "help"))]
macro_rules! usage {
    ($synopsis:literal $(, $line:literal)* $(,)? $(; $tail:literal)?) => {
        concat!($synopsis, $($tail)?).as_bytes()
    };
}

#[path = "../applets/cat.rs"]
mod cat;
#[path = "../applets/echo.rs"]
mod echo;
#[path = "../applets/false.rs"]
mod false_;
#[path = "../applets/true.rs"]
mod true_;
#[path = "../applets/yes.rs"]
mod yes;

type Main = fn(Args, Env) -> u8;

/// Every applet, and whether this build has it (its Cargo feature).
const ALL: [(&[u8], Main, bool); 5] = [
    (b"cat\0", cat::main, cfg!(feature = "cat")),
    (b"echo\0", echo::main, cfg!(feature = "echo")),
    (b"false\0", false_::main, cfg!(feature = "false")),
    (b"true\0", true_::main, cfg!(feature = "true")),
    (b"yes\0", yes::main, cfg!(feature = "yes")),
];

/// How many applets, and how long their names, in this build.
const COUNT: usize = sizes().0;
const NAMES_LEN: usize = sizes().1;

const fn sizes() -> (usize, usize) {
    let (mut count, mut len, mut i) = (0, 0, 0);
    while i < ALL.len() {
        if ALL[i].2 {
            count += 1;
            len += ALL[i].0.len();
        }
        i += 1;
    }
    (count, len)
}

/// The names of this build's applets, each NUL-terminated (the kernel
/// takes them as they are), in one string, built at compile time.
const NAMES: &[u8] = &{
    let mut names = [0u8; NAMES_LEN];
    let (mut at, mut i) = (0, 0);
    while i < ALL.len() {
        let mut j = 0;
        while ALL[i].2 && j < ALL[i].0.len() {
            names[at] = ALL[i].0[j];
            (at, j) = (at + 1, j + 1);
        }
        i += 1;
    }
    names
};

/// Their mains, in the same order.
const MAINS: [Main; COUNT] = {
    let mut mains = [ALL[0].1; COUNT];
    let (mut at, mut i) = (0, 0);
    while i < ALL.len() {
        if ALL[i].2 {
            mains[at] = ALL[i].1;
            at += 1;
        }
        i += 1;
    }
    mains
};

const BOX: &[u8] = b"femtobox";

/// Also the options of true, false and echo (the first and third).
const OPTIONS: &[u8] = b"--help\0--list\0--version\0--install\0";
const VERSION: &[u8] = concat!(" (femtobox) ", env!("CARGO_PKG_VERSION"), "\n").as_bytes();
const USAGE: &[u8] = usage!(
    "Usage: femtobox [APPLET [ARG]... | --list | --install [-s] DIR]\n",
    "  APPLET [ARG]...     run APPLET (also: run femtobox under APPLET's name)\n",
    "  --list              the applets, one a line\n",
    "  --install [-s] DIR  DIR/APPLET for each applet: a hard link to femtobox (-s: symlink)\n";
    "Applets: "
);

/// Which of OPTIONS argv[1] is.
#[inline(never)]
fn option(args: Args) -> Option<usize> {
    find(OPTIONS, args.arg(1))
}

/// Runs the applet named by `args` and returns the exit status.
// Inlined into the entry point: it has one caller (measured: -32 bytes).
#[inline(always)]
pub fn dispatch(me: Args, env: Env) -> u8 {
    let mut args = me;
    // The basename of argv[0], without a login shell's leading `-`.
    let mut name = basename(args.prog());
    if name.first() == Some(&b'-') {
        name = name.get(1..).unwrap_or_default();
    }
    while find(b"femtobox\0", name).is_some() {
        match option(args) {
            Some(1) => return list(io::STDOUT, b"", b'\n'),
            Some(2) => return answer(BOX, false, b"femtobox"),
            Some(3) => return install(args.skip(1), me),
            Some(_) => return list(io::STDOUT, USAGE, b' '),
            None if args.len() < 2 => return list(io::STDOUT, USAGE, b' '),
            None => {}
        }
        args = args.skip(1);
        name = args.prog();
    }
    if name.is_empty() {
        // argc == 0 (since Linux 5.18 the kernel hands us a lone "" instead).
        complain(BOX, b"no applet name", None);
        return 127;
    }
    match find(NAMES, name).and_then(|i| MAINS.get(i)) {
        Some(main) => main(args, env),
        None => {
            complain(name, b"applet not found", None);
            127
        }
    }
}

/// Prints `head`, then the applet names each followed by `sep`, the last
/// one by a newline: the `--help` line and the `--list` column.
fn list(fd: i32, head: &[u8], sep: u8) -> u8 {
    let mut out = Out::new(fd);
    out.put(head);
    for (i, &c) in NAMES.iter().enumerate() {
        out.byte(match c {
            0 if i + 1 == NAMES.len() => b'\n',
            0 => sep,
            c => c,
        });
    }
    out.finish(BOX)
}

/// The rule shared by true, false and echo: only when `--help` or
/// `--version` is the sole argument is it answered on stdout (see
/// `answer`). Then returns the status (1 if that output failed, else 0);
/// None when neither was asked for.
pub fn help_version(args: Args, usage: &[u8]) -> Option<u8> {
    match option(args) {
        Some(i) if args.len() == 2 && i & 1 == 0 => Some(answer(args.prog(), i == 0, usage)),
        _ => None,
    }
}

/// `usage` is `NAME SYNOPSIS\n`: help prints `Usage: ` and it, version
/// `NAME (femtobox) X.Y.Z`. Returns 1 if that output failed, else 0.
// #[cold]: the rare path, laid out for size (measured).
#[cold]
pub fn answer(prog: &[u8], help: bool, usage: &[u8]) -> u8 {
    let mut out = Out::new(io::STDOUT);
    if help {
        out.put(b"Usage: ");
        out.put(usage);
    } else {
        for &c in usage.iter().take_while(|&&c| c != b' ') {
            out.byte(c);
        }
        out.put(VERSION);
    }
    out.finish(prog)
}

/// The options of cat and yes, GNU getopt_long style. Returns the flag
/// bits they set, and leaves in `args` argv[0] and the operands, in order
/// (moved to the front, as GNU's getopt permutes argv); or Err(status) when
/// the command line says to stop (help, version, a bad option).
#[inline(never)]
pub fn options(args: &mut Args, env: Env, spec: &'static Spec, usage: &[u8]) -> Result<u8, u8> {
    let (mut flags, mut kept) = (0, 1);
    for item in Getopt::new(args.iter(1), spec, env.posix()) {
        match item {
            Item::Opt(c @ (getopt::HELP | getopt::VERSION)) => {
                return Err(answer(args.prog(), c == getopt::HELP, usage));
            }
            Item::Opt(c) => flags |= spec.bits_of(c),
            Item::Operand(a) => {
                // SAFETY: `a` is an entry of `args`, from its own iterator.
                unsafe { args.set(kept, a) };
                kept += 1;
            }
            bad => {
                let mut m = io::msg(args.prog());
                getopt::complain(&mut m, args.prog(), spec, bad);
                let _ = m.flush();
                return Err(1);
            }
        }
    }
    *args = args.take(kept);
    Ok(flags)
}

/// `femtobox --install [-s] DIR`: a hard link (or with `-s` a symlink) to
/// this binary as DIR/NAME for every applet, made relative to DIR opened
/// once (so no path is ever joined). Existing files are left alone and
/// reported; the status is 1 if any link failed.
// #[cold]: the rare path, laid out for size (measured).
#[inline(never)]
#[cold]
fn install(args: Args, me: Args) -> u8 {
    let n = args.len();
    // `--install DIR` or `--install -s DIR`; a lone `-s` is no DIR.
    let sym = find(b"-s\0", args.arg(1)).is_some();
    if n != 2 + sym as usize {
        return list(io::STDERR, USAGE, b' ') | 1;
    }
    let dir = args.arg_z(n - 1);
    // This binary, NUL-terminated: /proc/self/exe, or argv[0] where /proc is
    // not mounted (an empty chroot).
    let mut raw = [0u8; 4096];
    let exe: &[u8] = match sys::readlink(CStr::new(b"/proc/self/exe\0"), &mut raw[..4095]) {
        Ok(len) => raw.get(..=len).unwrap_or_default(),
        Err(_) => me.arg_z(0),
    };
    let base = basename(exe);
    let at = sys::open_dir(CStr::new(dir));
    // When DIR/BASE is this very binary, symlinks are relative (`echo ->
    // femtobox`): the tree keeps working as a container's or initramfs' root.
    // (Hard links need no such check.)
    let here = |at| sys::same_file(at, CStr::new(base), CStr::new(exe));
    let from = CStr::new(if sym && at.is_ok_and(here) { base } else { exe });
    let mut status = 0;
    for name in NAMES.split_inclusive(|&c| c == 0) {
        if let Err(e) = at.and_then(|at| sys::link(sym, from, at, CStr::new(name))) {
            // `DIR/NAME`, without a second `/` after a DIR ending in one.
            let mut m = io::msg(BOX);
            let dir = chop(dir);
            m.put(dir);
            if dir.last() != Some(&b'/') {
                m.byte(b'/');
            }
            m.put(chop(name));
            m.end(b"", Some(e));
            status = 1;
        }
    }
    status
}
