//! dirname — strip the last component from names.
//!
//! Usage: dirname [OPTION] NAME...
//! Each NAME without its last component and the slashes before it (`.`
//! when nothing is left, `/` kept: gnulib's `dir_len`), one a line, or
//! NUL-ended with `-z`/`--zero`. No operand: `missing operand`, status 1.

use crate::applets::{parse, usage_error};
use crate::args::{Args, Env};
use crate::io::{self, Stdout};
use femtobox::getopt::Spec;
use femtobox::path::dir_len;
use femtobox::text::Sink;
use femtobox::texts::{self, entry, get};

const SPEC: Spec = Spec { short: entry(texts::DIRNAME_SHORT), long: get(texts::DIRNAME_LONG) };

pub fn main(mut args: Args, env: Env) -> u8 {
    let mut end = b'\n';
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |_, _| {
        end = 0;
        Ok(())
    }) {
        return status;
    }
    if args.len() < 2 {
        return usage_error(texts::MISSING_OPERAND, b"", 1);
    }
    for name in args.iter(1) {
        match dir_len(name) {
            0 => Stdout.byte(b'.'),
            n => Stdout.put(name.get(..n).unwrap_or_default()),
        }
        Stdout.byte(end);
    }
    io::finish()
}
