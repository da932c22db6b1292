//! GNU `getopt_long` (glibc 2.36, `posix/getopt.c`), as the applets use it:
//! short options bundled (`-vET`, `-vn5`), arguments attached or separate
//! (`-n5`, `-n 5`, `--lines=5`, `--lines 5`), optional arguments only
//! attached (`-n5`, `--lines=5`), long options by any unambiguous prefix
//! (exact names first; prefixes of options that mean the same are not
//! ambiguous), `--` ending options, operands and options mixed unless
//! `POSIXLY_CORRECT` is set or the option string begins with `+`, and
//! glibc's messages for what goes wrong. Pure: the runtime reports.

use crate::msg;
use crate::text::{eq, Sink};
use crate::texts::{self, Text};

/// An applet's options, both tables slices of the text blob.
///
/// `short` is getopt's option string (no NUL): letters, each followed by `:` if it
/// takes an argument (`::` if optional); a leading `+` stops at the first
/// operand (as `POSIXLY_CORRECT` does). `long` is a list of entries `VAL
/// NAME NUL`, ended by a NUL, in GNU's table order (the order the
/// "possibilities" are listed in). VAL is a short letter (the long option
/// means it, argument and all), or for a long option of its own
/// `0x01..=0x0f` (no argument: `HELP`, `VERSION`, ...), `0x10..=0x17`
/// (a required argument) or `0x18..=0x1f` (an optional one): all ASCII,
/// so the tables are plain text.
#[derive(Clone, Copy)]
pub struct Spec {
    pub short: &'static [u8],
    pub long: &'static [u8],
}

pub const HELP: u8 = 1;
pub const VERSION: u8 = 2;

/// What an option wants after it: nothing, an argument, or maybe one.
const NO: u8 = 0;
const REQUIRED: u8 = 1;
const OPTIONAL: u8 = 2;

/// One step of the command line, in argv order.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Item<'a> {
    /// An option (its short letter or long VAL) and its argument, if any.
    Opt(u8, Option<&'a [u8]>),
    Operand(&'a [u8]),
    /// Parsing stops here: glibc's message (a template of the text blob)
    /// and the name or letter it shows (the caller reports it with
    /// `complain`).
    Fault(Text, &'a [u8]),
}

/// The long entry at `list[k..]`: its VAL, its NAME, and where the next
/// one starts; None at the end of the list.
#[inline(always)]
fn entry(list: &[u8], k: usize) -> Option<(u8, &[u8], usize)> {
    let (&val, rest) = list.get(k..)?.split_first()?;
    let n = rest.iter().position(|&c| c == 0).unwrap_or(rest.len());
    (val != 0).then(|| (val, rest.get(..n).unwrap_or_default(), k + n + 2))
}

/// Does `full` begin with `name`?
#[inline(always)]
fn begins(full: &[u8], name: &[u8]) -> bool {
    full.get(..name.len()).is_some_and(|p| eq(p, name))
}

/// The long option `name` (a prefix, or all of one) picks: an exact name
/// first; else the first it begins, and whether a later one it begins
/// means something else (glibc's ambiguity rule). Returns (VAL, full name).
#[cold]
fn pick<'s>(list: &'s [u8], name: &[u8]) -> (Option<(u8, &'s [u8])>, bool) {
    let (mut first, mut ambiguous, mut k) = (None, false, 0);
    while let Some((val, full, next)) = entry(list, k) {
        if begins(full, name) {
            if full.len() == name.len() {
                return (Some((val, full)), false);
            }
            match first {
                None => first = Some((val, full)),
                Some((v, _)) => ambiguous |= v != val,
            }
        }
        k = next;
    }
    (first, ambiguous)
}

/// The VAL of a long option GNU has and we refuse: its name takes part
/// in prefix matching, and using it is `unrecognized option`.
pub const REFUSED: u8 = 0x1f;

/// Walks the arguments after argv[0], yielding options and operands until
/// the first fault.
pub struct Getopt<'a, I> {
    /// The arguments not read yet.
    pub args: I,
    spec: &'static Spec,
    /// Stop at the first operand (POSIXLY_CORRECT, or `+`).
    posix: bool,
    operands_only: bool,
    /// The rest of a cluster of short options.
    bundle: &'a [u8],
}

impl<'a, I: Iterator<Item = &'a [u8]>> Getopt<'a, I> {
    #[inline(never)]
    pub fn new(args: I, spec: &'static Spec, posix: bool) -> Self {
        let posix = posix || spec.short.first() == Some(&b'+');
        Getopt { args, spec, posix, operands_only: false, bundle: b"" }
    }

    /// What a short letter wants, or None if it is not an option.
    #[inline(never)]
    #[cold]
    fn short(&self, c: u8) -> Option<u8> {
        let s = self.spec.short;
        let i = s.iter().position(|&x| x == c).filter(|_| c != b':' && c != b'+')?;
        // No colon after it: NO; one: REQUIRED; two: OPTIONAL.
        Some(s.iter().skip(i + 1).take(2).take_while(|&&x| x == b':').count() as u8)
    }
}

/// `--name=value` as (name, Some(value)); `--name` as (name, None).
#[inline(never)]
#[cold]
fn split_long(arg: &[u8]) -> (&[u8], Option<&[u8]>) {
    let text = arg.get(2..).unwrap_or_default();
    let len = text.iter().position(|&c| c == b'=').unwrap_or(text.len());
    let (name, value) = text.split_at_checked(len).unwrap_or_default();
    (name, value.get(1..))
}

impl<'a, I: Iterator<Item = &'a [u8]>> Iterator for Getopt<'a, I> {
    type Item = Item<'a>;

    fn next(&mut self) -> Option<Item<'a>> {
        // The option: its VAL, what it wants, what is attached to it, its
        // name (the letter, or a long one's full name) and which it is.
        let (val, has, attached, name, long);
        if let Some((&c, rest)) = self.bundle.split_first() {
            let letter = self.bundle.get(..1).unwrap_or_default();
            let Some(h) = self.short(c) else { return Some(Item::Fault(texts::INVALID, letter)) };
            // An argument takes the rest of the cluster.
            self.bundle = if h == NO { rest } else { b"" };
            (val, has, attached, name, long) = (c, h, (!rest.is_empty()).then_some(rest), letter, false);
        } else {
            let arg = loop {
                let arg = self.args.next()?;
                match arg {
                    _ if self.operands_only => return Some(Item::Operand(arg)),
                    b"--" => self.operands_only = true,
                    [b'-', b'-', ..] => break arg,
                    [b'-', rest @ ..] if !rest.is_empty() => {
                        self.bundle = rest;
                        return self.next();
                    }
                    _ => {
                        self.operands_only = self.posix;
                        return Some(Item::Operand(arg));
                    }
                }
            };
            let (prefix, value) = split_long(arg);
            let (v, full) = match pick(self.spec.long, prefix) {
                (Some(_), true) => return Some(Item::Fault(texts::AMBIGUOUS, arg)),
                (None, _) => return Some(Item::Fault(texts::UNRECOGNIZED, arg)),
                // A name kept only so that prefixes resolve as GNU's do
                // (an option GNU has and we refuse): unrecognized.
                (Some((REFUSED, _)), false) => return Some(Item::Fault(texts::UNRECOGNIZED, arg)),
                (Some(found), false) => found,
            };
            let h = match v {
                0x10..=0x17 => REQUIRED,
                0x18..=0x1f => OPTIONAL,
                0x20..=0x7f => self.short(v).unwrap_or(NO),
                _ => NO,
            };
            (val, has, attached, name, long) = (v, h, value, full, true);
        }
        Some(match has {
            NO if long && attached.is_some() => Item::Fault(texts::NO_ARGUMENT, name),
            NO => Item::Opt(val, None),
            REQUIRED => match if attached.is_some() { attached } else { self.args.next() } {
                Some(arg) => Item::Opt(val, Some(arg)),
                None if long => Item::Fault(texts::NEEDS_LONG_ARGUMENT, name),
                None => Item::Fault(texts::NEEDS_ARGUMENT, name),
            },
            _ => Item::Opt(val, attached),
        })
    }
}

/// glibc's message for a fault (after the `PROG: ` the sink holds
/// already), then with `try_line` `Try 'PROG --help' ...`, without the
/// last newline.
// Inlined into its one caller, the runtime's option loop (measured).
pub fn complain(out: &mut impl Sink, spec: &Spec, t: Text, a: &[u8], try_line: bool) {
    msg::fill(out, t, a, 0);
    if t == texts::AMBIGUOUS {
        // The possibilities: the first the prefix begins, and those that
        // mean something else.
        let (name, _) = split_long(a);
        let (mut first, mut k) = (None, 0);
        while let Some((val, full, next)) = entry(spec.long, k) {
            if begins(full, name) && first.is_none_or(|f| f != val) {
                msg::fill(out, texts::POSSIBILITY, full, 0);
                first.get_or_insert(val);
            }
            k = next;
        }
    }
    if try_line {
        msg::fill(out, texts::TRY, b"", 0);
    }
}
