//! GNU `getopt_long` for options that take no argument, as cat and yes use
//! it: short options bundled (`-vET`), long options by any unambiguous
//! prefix, `--` ending options, operands and options mixed (unless
//! `POSIXLY_CORRECT`), and glibc's messages for what goes wrong.

use crate::text::{find, starts, Sink};

/// What an applet accepts.
pub struct Spec {
    /// The short option letters.
    pub short: &'static [u8],
    /// The long option names, each NUL-terminated, in GNU's table order
    /// (the order the "possibilities" are listed in).
    pub long: &'static [u8],
    /// For each long name, the byte it stands for (a short letter, or
    /// `HELP`/`VERSION`).
    pub long_as: &'static [u8],
    /// For each short letter, the bits it sets in the applet's flags.
    pub bits: &'static [u8],
}

impl Spec {
    /// The flag bits of short option `c`.
    pub fn bits_of(&self, c: u8) -> u8 {
        let i = self.short.iter().position(|&s| s == c);
        i.and_then(|i| self.bits.get(i)).copied().unwrap_or(0)
    }
}

pub const HELP: u8 = 1;
pub const VERSION: u8 = 2;

/// One step of the command line, in argv order.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Item<'a> {
    Opt(u8),
    Operand(&'a [u8]),
    /// `-x` with x not an option.
    Invalid(u8),
    /// `--name...` matching no long option (the whole argument).
    Unrecognized(&'a [u8]),
    /// `--na...` matching several (the whole argument; bit i = long name i).
    Ambiguous(&'a [u8], u32),
    /// `--name=value` (long name index).
    NoArgument(usize),
}

/// Walks the arguments after argv[0]. Run it once for the options (stop at
/// the first error or help/version) and again for the operands.
pub struct Getopt<'a, I> {
    args: I,
    spec: &'static Spec,
    posix: bool,
    operands_only: bool,
    bundle: &'a [u8],
}

impl<'a, I: Iterator<Item = &'a [u8]>> Getopt<'a, I> {
    pub fn new(args: I, spec: &'static Spec, posix: bool) -> Self {
        Getopt { args, spec, posix, operands_only: false, bundle: b"" }
    }

    fn long(&self, arg: &'a [u8]) -> Item<'a> {
        let text = arg.get(2..).unwrap_or_default();
        let name_len = text.iter().position(|&c| c == b'=').unwrap_or(text.len());
        let (name, value) = text.split_at(name_len);
        let pick = |i: usize| match value.is_empty() {
            true => Item::Opt(self.spec.long_as.get(i).copied().unwrap_or(0)),
            false => Item::NoArgument(i),
        };
        if let Some(i) = find(self.spec.long, name) {
            return pick(i);
        }
        let (mut mask, mut last, mut count) = (0u32, 0, 0);
        for (i, long) in self.spec.long.split(|&c| c == 0).enumerate() {
            if !long.is_empty() && starts(long, name) {
                (mask, last, count) = (mask | 1 << i, i, count + 1);
            }
        }
        match count {
            0 => Item::Unrecognized(arg),
            1 => pick(last),
            _ => Item::Ambiguous(arg, mask),
        }
    }
}

impl<'a, I: Iterator<Item = &'a [u8]>> Iterator for Getopt<'a, I> {
    type Item = Item<'a>;

    fn next(&mut self) -> Option<Item<'a>> {
        if let Some((&c, rest)) = self.bundle.split_first() {
            self.bundle = rest;
            return Some(match self.spec.short.iter().any(|&s| s == c) {
                true => Item::Opt(c),
                false => Item::Invalid(c),
            });
        }
        loop {
            let arg = self.args.next()?;
            if self.operands_only {
                return Some(Item::Operand(arg));
            }
            match arg {
                b"--" => self.operands_only = true,
                [b'-', b'-', ..] => return Some(self.long(arg)),
                [b'-', _, ..] => {
                    self.bundle = arg.get(1..).unwrap_or_default();
                    return self.next();
                }
                _ => {
                    self.operands_only = self.posix;
                    return Some(Item::Operand(arg));
                }
            }
        }
    }
}

/// glibc's message for a bad option, then `Try 'PROG --help' ...`.
pub fn complain(out: &mut impl Sink, prog: &[u8], spec: &Spec, item: Item) {
    out.put(prog);
    match item {
        Item::Invalid(c) => {
            out.put(b": invalid option -- '");
            out.byte(c);
            out.byte(b'\'');
        }
        Item::Unrecognized(arg) => {
            out.put(b": unrecognized option '");
            out.put(arg);
            out.byte(b'\'');
        }
        Item::Ambiguous(arg, mask) => {
            out.put(b": option '");
            out.put(arg);
            out.put(b"' is ambiguous; possibilities:");
            for (i, long) in spec.long.split(|&c| c == 0).enumerate() {
                if mask >> i & 1 != 0 {
                    out.put(b" '--");
                    out.put(long);
                    out.byte(b'\'');
                }
            }
        }
        Item::NoArgument(i) => {
            out.put(b": option '--");
            out.put(spec.long.split(|&c| c == 0).nth(i).unwrap_or_default());
            out.put(b"' doesn't allow an argument");
        }
        Item::Opt(_) | Item::Operand(_) => {}
    }
    out.put(b"\nTry '");
    out.put(prog);
    out.put(b" --help' for more information.\n");
}
