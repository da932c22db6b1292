//! THE applet list, and the dispatcher: argv[0]'s basename (a leading `-`
//! dropped) picks the applet; under the box's own name argv[1] does, and
//! the box answers `--help`, `--list`, `--version` and `--install [-s] DIR`.
//! Also what the applets share: `--help`/`--version` answers and the
//! getopt_long loop with GNU's messages.
//!
//! To add an applet: write `applets/NAME.rs` (`pub fn main(Args, Env) -> u8`),
//! add one line to the `applets!` list below (alphabetical order), its
//! usage text to `texts.rs` and a feature to Cargo.toml.

use crate::args::{chop, Args, Env};
use crate::io::{self, say, Msg, Stdout};
use crate::sys::{self, CStr};
use core::mem::MaybeUninit;
use femtobox::getopt::{self, Getopt, Item, Spec};
use femtobox::text::Sink;
use femtobox::text::{basename, eq, find};
use femtobox::texts::{self, Text};

type Main = fn(Args, Env) -> u8;

/// `"name" module USAGE_TEXT,` for each applet -> the modules (from
/// `applets/`), and `ALL`: each one's NUL-ended name, main, usage text and
/// whether this build has it (its Cargo feature).
macro_rules! applets {
    ($($name:literal $module:ident $usage:ident,)*) => {
        #[path = "../applets"]
        mod list {
            $(pub mod $module;)*
        }
        const ALL: [(&[u8], Main, Text, bool); [$($name),*].len()] = [$((
            concat!($name, "\0").as_bytes(),
            list::$module::main as Main,
            texts::$usage,
            cfg!(feature = $name),
        )),*];
    };
}

applets! {
    "basename" basename BASENAME_USAGE,
    "cat" cat CAT_USAGE,
    "dirname" dirname DIRNAME_USAGE,
    "echo" echo ECHO_USAGE,
    "env" env ENV_USAGE,
    "false" r#false FALSE_USAGE,
    "head" head HEAD_USAGE,
    "ln" ln LN_USAGE,
    "mkdir" mkdir MKDIR_USAGE,
    "nproc" nproc NPROC_USAGE,
    "printenv" printenv PRINTENV_USAGE,
    "pwd" pwd PWD_USAGE,
    "rm" rm RM_USAGE,
    "rmdir" rmdir RMDIR_USAGE,
    "sleep" sleep SLEEP_USAGE,
    "tee" tee TEE_USAGE,
    "touch" touch TOUCH_USAGE,
    "true" r#true TRUE_USAGE,
    "uname" uname UNAME_USAGE,
    "wc" wc WC_USAGE,
    "yes" yes YES_USAGE,
}

/// How many applets, and how long their names, in this build.
const COUNT: usize = sizes().0;
const NAMES_LEN: usize = sizes().1;

const fn sizes() -> (usize, usize) {
    let (mut count, mut len, mut i) = (0, 1, 0);
    while i < ALL.len() {
        if ALL[i].3 {
            count += 1;
            len += ALL[i].0.len();
        }
        i += 1;
    }
    (count, len)
}

/// The names of this build's applets, each NUL-terminated (the kernel
/// takes them as they are), an empty one last: a list, built at compile
/// time.
const NAMES: &[u8] = &{
    let mut names = [0u8; NAMES_LEN];
    let (mut at, mut i) = (0, 0);
    while i < ALL.len() {
        let mut j = 0;
        while ALL[i].3 && j < ALL[i].0.len() {
            names[at] = ALL[i].0[j];
            (at, j) = (at + 1, j + 1);
        }
        i += 1;
    }
    names
};

/// Field `$f` of this build's rows of `ALL`, in order, as an array.
macro_rules! selected {
    ($f:tt) => {{
        let mut out = [ALL[0].$f; COUNT];
        let (mut at, mut i) = (0, 0);
        while i < ALL.len() {
            if ALL[i].3 {
                out[at] = ALL[i].$f;
                at += 1;
            }
            i += 1;
        }
        out
    }};
}

/// Their mains and usage texts, in the same order (two tables: a pair
/// would be padded to 16 bytes).
const MAINS: [Main; COUNT] = selected!(1);
const USAGES: [Text; COUNT] = selected!(2);

const BOX: &[u8] = b"femtobox";

/// Which of BOX_OPTIONS (`--help --list --version --install`) argv[1] is.
#[inline(never)]
fn option(args: Args) -> Option<usize> {
    find(texts::get(texts::BOX_OPTIONS), args.arg(1))
}

/// Runs the applet named by `args` and returns the exit status.
// Inlined into the entry point: it has one caller (measured).
#[inline(always)]
pub fn dispatch(me: Args, env: Env) -> u8 {
    let mut args = me;
    // The basename of argv[0], without a login shell's leading `-`.
    let mut name = basename(args.prog());
    if name.first() == Some(&b'-') {
        name = name.get(1..).unwrap_or_default();
    }
    io::start(COUNT as u8, BOX, BOX);
    while eq(name, BOX) {
        match option(args) {
            Some(1) => return list(texts::EMPTY, b'\n'),
            Some(2) => return answer(false),
            Some(3) => return install(args.skip(1), me),
            Some(_) => return list(texts::BOX_USAGE, b' '),
            None if args.len() < 2 => return list(texts::BOX_USAGE, b' '),
            None => {}
        }
        args = args.skip(1);
        name = args.prog();
    }
    if name.is_empty() {
        // argc == 0 (since Linux 5.18 the kernel hands us a lone "" instead).
        say(texts::NO_NAME, b"", 0);
        return 127;
    }
    match find(NAMES, name).and_then(|i| Some((i, MAINS.get(i)?))) {
        Some((i, main)) => {
            io::start(i as u8, name, args.prog());
            main(args, env)
        }
        None => {
            io::start(COUNT as u8, name, name);
            say(texts::NOT_FOUND, b"", 0);
            127
        }
    }
}

/// Prints `head`, then the applet names each followed by `sep`, the last
/// one by a newline: the `--help` line and the `--list` column.
#[inline(never)]
#[cold]
fn list(head: Text, sep: u8) -> u8 {
    Stdout.text(head);
    // The names without the last one's NUL and the list's end.
    for &c in NAMES.get(..NAMES.len().saturating_sub(2)).unwrap_or_default() {
        Stdout.byte(if c == 0 { sep } else { c });
    }
    Stdout.byte(b'\n');
    io::finish()
}

/// The rule shared by true, false and echo: only when `--help` or
/// `--version` is the sole argument is it answered on stdout (see
/// `answer`). Then returns the status (1 if that output failed, else 0);
/// None when neither was asked for.
pub fn help_version(args: Args) -> Option<u8> {
    match option(args) {
        Some(i) if args.len() == 2 && i & 1 == 0 => Some(answer(i == 0)),
        _ => None,
    }
}

/// `--help`: `Usage: ` and the running applet's usage text; `--version`:
/// `NAME (femtobox) X.Y.Z`. Returns 1 if that output failed, else 0.
// #[cold]: the rare path, laid out for size (measured).
#[cold]
pub fn answer(help: bool) -> u8 {
    let (applet, name) = io::applet();
    if help {
        Stdout.text(texts::USAGE);
        Stdout.text(USAGES.get(applet).copied().unwrap_or(texts::BOX_USAGE));
    } else {
        Stdout.put(name);
        Stdout.text(texts::VERSION);
    }
    io::finish()
}

/// The getopt_long loop of every applet with options but env, GNU style:
/// `--help` and `--version` answered; a bad option reported with glibc's
/// message and the Try line (status `bad`; with bit 7 set in it, the
/// Try line is left to the caller); each option handed to `each`
/// (which may stop the run with a status); the operands moved to the front
/// of `args` after argv[0], in order (as GNU's getopt permutes argv). On
/// Err(status) the command line said to stop.
#[inline(never)]
pub fn parse(
    args: &mut Args,
    env: Env,
    spec: &'static Spec,
    bad: u8,
    each: &mut dyn FnMut(u8, Option<&'static [u8]>) -> Result<(), u8>,
) -> Result<(), u8> {
    let mut kept = 1;
    for item in Getopt::new(args.iter(1), spec, env.posix()) {
        match item {
            Item::Opt(c @ (getopt::HELP | getopt::VERSION), _) => return Err(answer(c == getopt::HELP)),
            Item::Opt(c, a) => each(c, a)?,
            Item::Operand(a) => {
                // SAFETY: `a` is an entry of `args`, from its own iterator.
                unsafe { args.set(kept, a) };
                kept += 1;
            }
            Item::Fault(t, a) => {
                let mut m = Msg::new();
                // (bit 7 of `bad`: the applet says more, then the Try line.)
                getopt::complain(m.sink(), spec, t, a, bad & 0x80 == 0);
                m.send();
                return Err(bad);
            }
        }
    }
    *args = args.take(kept);
    Ok(())
}

/// The options of an applet that takes flags only (cat, yes): `parse`,
/// where `bits[i]` is what the `i`th letter of the option string sets.
/// Returns the flag bits.
pub fn options(args: &mut Args, env: Env, spec: &'static Spec, bits: &[u8]) -> Result<u8, u8> {
    let mut flags = 0;
    parse(args, env, spec, 1, &mut |c, _| {
        let i = spec.short.iter().position(|&s| s == c);
        flags |= i.and_then(|i| bits.get(i)).copied().unwrap_or(0);
        Ok(())
    })?;
    Ok(flags)
}

/// `PROG: ` + template `t` filled with `a`, then `Try 'PROG --help' for
/// more information.`; returns `status`.
pub fn usage_error(t: Text, a: &[u8], status: u8) -> u8 {
    Msg::new().fill(t, a, 0).fill(texts::TRY, b"", 0).send();
    status
}

/// gnulib's XARGMATCH: `word` as one of the words of `list` (entries
/// `VALUE WORD`, synonyms adjacent, an empty one last), or a prefix of
/// words that all mean one value. Else `invalid argument 'W' for 'OPT'`
/// (or `ambiguous`), the valid words grouped by meaning, the Try line:
/// Err(1).
#[cold]
pub fn argmatch(word: &[u8], list: Text, option: Text) -> Result<u8, u8> {
    let words = || texts::get(list).split(|&c| c == 0).take_while(|w| !w.is_empty());
    let (mut found, mut ambiguous) = (None, false);
    for w in words() {
        let (&v, w) = w.split_first().unwrap_or((&0, b""));
        if w.len() >= word.len() && eq(w.get(..word.len()).unwrap_or_default(), word) {
            if w.len() == word.len() {
                return Ok(v);
            }
            ambiguous |= found.is_some_and(|f| f != v);
            found.get_or_insert(v);
        }
    }
    match found {
        Some(v) if !ambiguous => Ok(v),
        _ => {
            let mut msg = Msg::new();
            msg.fill(if ambiguous { texts::AMBIGUOUS_ARG } else { texts::INVALID_ARG }, word, 0);
            msg.fill(texts::ARG_OPTION, texts::entry(option), 0);
            let mut last = 0;
            for w in words() {
                let (&v, w) = w.split_first().unwrap_or((&0, b""));
                msg.fill(if v == last { texts::VALID_SYNONYM } else { texts::VALID_ARG }, w, 0);
                last = v;
            }
            msg.send();
            Err(try_help(1))
        }
    }
}

/// The Try line alone (after messages of the applet's own); returns `status`.
#[cold]
#[inline(never)]
pub fn try_help(status: u8) -> u8 {
    // TRY without its leading newline, and without `PROG: ` before it.
    Msg::bare().fill(Text(texts::TRY.0 + 1), b"", 0).send();
    status
}

/// `femtobox --install [-s] DIR`: a hard link (or with `-s` a symlink) to
/// this binary as DIR/NAME for every applet, made relative to DIR opened
/// once (so no path is ever joined). Existing files are left alone and
/// reported; the status is 1 if any link failed.
// Inlined into dispatch, its one caller (measured).
fn install(args: Args, me: Args) -> u8 {
    let n = args.len();
    // `--install DIR` or `--install -s DIR`; a lone `-s` is no DIR.
    let sym = eq(args.arg(1), b"-s");
    if n != 2 + sym as usize {
        io::redirect(io::STDERR);
        return list(texts::BOX_USAGE, b' ') | 1;
    }
    let dir = args.arg_z(n - 1);
    // This binary, NUL-terminated: /proc/self/exe, or argv[0] where /proc is
    // not mounted (an empty chroot).
    let mut raw = [MaybeUninit::uninit(); 4096];
    let exe = sys::readlink(CStr::new(b"/proc/self/exe\0"), &mut raw).unwrap_or_else(|_| me.arg_z(0));
    let base = basename(exe);
    let at = sys::open_dir(CStr::new(dir));
    // When DIR/BASE is this very binary, symlinks are relative (`echo ->
    // femtobox`): the tree keeps working as a container's or initramfs' root.
    // (Hard links need no such check.)
    let here = |at| sys::same_file(at, CStr::new(base), CStr::new(exe));
    let from = CStr::new(if sym && at.is_ok_and(here) { base } else { exe });
    // `DIR/NAME` in messages, without a second `/` after a DIR ending in one.
    let shown = chop(dir);
    let shown = shown.strip_suffix(b"/").unwrap_or(shown);
    let mut rest = NAMES;
    while let Some(end) = rest.iter().position(|&c| c == 0).filter(|&end| end > 0) {
        let (name, next) = rest.split_at_checked(end + 1).unwrap_or_default();
        if let Err(e) = at.and_then(|at| sys::link(sym, from, at, CStr::new(name), false)) {
            Msg::new().fill(texts::DIR_SLASH, shown, 0).fill(texts::RAW_ERROR, chop(name), e.0 as u32).send();
        }
        rest = next;
    }
    io::status()
}
