//! GNU `getopt_long` for options that take no argument, as cat and yes use
//! it: short options bundled (`-vET`), long options by any unambiguous
//! prefix, `--` ending options, operands and options mixed (unless
//! `POSIXLY_CORRECT`), and glibc's messages for what goes wrong.

use crate::text::Sink;

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
    // Out of line: smaller than inlined into both callers (measured).
    #[inline(never)]
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
        let (name, value) = text.split_at_checked(name_len).unwrap_or_default();
        // One pass over the names: those that `name` begins (a mask), and
        // the one it equals, if any.
        let (mut mask, mut exact, mut index, mut at, mut same) = (0u32, None, 0, 0, true);
        for &c in self.spec.long {
            if c != 0 {
                same &= name.get(at).is_none_or(|&n| n == c);
                at += 1;
                continue;
            }
            if same && at >= name.len() {
                mask |= 1 << index;
                if at == name.len() {
                    exact = Some(index);
                }
            }
            (index, at, same) = (index + 1, 0, true);
        }
        // One prefix match: one bit set (no popcnt in baseline x86-64).
        let pick = exact.or((mask != 0 && mask & (mask - 1) == 0).then(|| mask.trailing_zeros() as usize));
        match pick {
            Some(i) if value.is_empty() => Item::Opt(self.spec.long_as.get(i).copied().unwrap_or(0)),
            Some(i) => Item::NoArgument(i),
            None if mask == 0 => Item::Unrecognized(arg),
            None => Item::Ambiguous(arg, mask),
        }
    }
}

impl<'a, I: Iterator<Item = &'a [u8]>> Iterator for Getopt<'a, I> {
    type Item = Item<'a>;

    #[inline(never)]
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

/// The `i`th of the NUL-terminated names in `list` (empty past the end).
fn nth(list: &[u8], i: usize) -> &[u8] {
    let (mut start, mut index) = (0, 0);
    for (at, &c) in list.iter().enumerate() {
        if c == 0 {
            if index == i {
                return list.get(start..at).unwrap_or_default();
            }
            (start, index) = (at + 1, index + 1);
        }
    }
    b""
}

/// glibc's message for a bad option (after the `PROG: ` the sink holds
/// already), then `Try 'PROG --help' ...`.
// #[cold]: the rare path, laid out for size (measured).
#[cold]
pub fn complain(out: &mut impl Sink, prog: &[u8], spec: &Spec, item: Item) {
    let c = [match item {
        Item::Invalid(c) => c,
        _ => 0,
    }];
    let (head, what, tail): (&[u8], &[u8], &[u8]) = match item {
        Item::Invalid(_) => (b"invalid option -- '", &c, b"'"),
        Item::Unrecognized(arg) => (b"unrecognized option '", arg, b"'"),
        Item::Ambiguous(arg, _) => (b"option '", arg, b"' is ambiguous; possibilities:"),
        Item::NoArgument(i) => (b"option '--", nth(spec.long, i), b"' doesn't allow an argument"),
        Item::Opt(_) | Item::Operand(_) => (b"", b"", b""),
    };
    out.put(head);
    out.put(what);
    out.put(tail);
    if let Item::Ambiguous(_, mask) = item {
        for i in 0..32 {
            if mask >> i & 1 != 0 {
                let long = nth(spec.long, i);
                out.put(b" '--");
                out.put(long);
                out.byte(b'\'');
            }
        }
    }
    out.put(b"\nTry '");
    out.put(prog);
    out.put(b" --help' for more information.\n");
}
