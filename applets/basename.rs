//! basename — strip directories (and a suffix) from names.
//!
//! Usage: basename NAME [SUFFIX] | basename OPTION... NAME...
//! `-a`/`--multiple` every operand is a name; `-s`/`--suffix=S` removes a
//! trailing S and implies `-a`; `-z`/`--zero` ends lines with NUL. Options
//! stop at the first operand (GNU's `+`). The name rules are gnulib's
//! (`path::base`): `/` for slashes only, trailing slashes dropped, a suffix
//! that is the whole name kept. No operand: `missing operand`; a third
//! one without `-a`: `extra operand 'X'`; both status 1.

use crate::applets::{parse, usage_error};
use crate::args::{Args, Env};
use crate::io::{self, Stdout};
use femtobox::getopt::Spec;
use femtobox::path::base;
use femtobox::text::Sink;
use femtobox::texts::{self, entry, get};

const SPEC: Spec = Spec { short: entry(texts::BASENAME_SHORT), long: get(texts::BASENAME_LONG) };

pub fn main(mut args: Args, env: Env) -> u8 {
    let (mut multiple, mut end, mut suffix) = (false, b'\n', None);
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |c, a| {
        match c {
            b's' => (suffix, multiple) = (a, true),
            b'a' => multiple = true,
            _ => end = 0,
        }
        Ok(())
    }) {
        return status;
    }
    let n = args.len() - 1;
    if n == 0 {
        return usage_error(texts::MISSING_OPERAND, b"", 1);
    }
    if !multiple && n > 2 {
        return usage_error(texts::EXTRA_OPERAND, args.arg(3), 1);
    }
    let (names, suffix) = match multiple {
        true => (args.iter(1), suffix.unwrap_or_default()),
        false => (args.take(2).iter(1), args.arg(2)),
    };
    for name in names {
        Stdout.put(base(name, suffix));
        Stdout.byte(end);
    }
    io::finish()
}
