//! printenv — print the environment, or the values of some variables.
//!
//! Usage: printenv [OPTION]... [VARIABLE]...
//! No operand: every entry, `NAME=value`, in order. Else the value of each
//! entry whose name is an operand (every such entry: duplicates print
//! twice); a name holding `=` never matches. `-0`/`--null` ends lines with
//! NUL. Options stop at the first operand. Status: 0 all found, 1 one is
//! not, 2 a bad option or a write error (GNU's getopt string also takes
//! `-i` and `-u X`, which then only print the Try line, status 2).

use crate::applets::{parse, try_help};
use crate::args::{chop, Args, Env};
use crate::io::{self, Stdout};
use femtobox::getopt::Spec;
use femtobox::text::Sink;
use femtobox::texts::{self, entry, get};

const SPEC: Spec = Spec { short: entry(texts::PRINTENV_SHORT), long: get(texts::PRINTENV_LONG) };

pub fn main(mut args: Args, env: Env) -> u8 {
    let mut end = b'\n';
    if let Err(status) = parse(&mut args, env, &SPEC, 2, &mut |c, _| match c {
        b'0' => {
            end = 0;
            Ok(())
        }
        _ => Err(try_help(2)),
    }) {
        return status;
    }
    let mut missing = false;
    if args.len() < 2 {
        for e in env.iter() {
            Stdout.put(chop(e));
            Stdout.byte(end);
        }
    }
    for name in args.iter(1) {
        let mut found = false;
        if !name.is_empty() && !name.iter().any(|&c| c == b'=') {
            let mut at = 0;
            while let Some((i, value)) = env.find(at, name) {
                Stdout.put(chop(value));
                Stdout.byte(end);
                (found, at) = (true, i + 1);
            }
        }
        missing |= !found;
    }
    match io::finish() {
        0 => missing as u8,
        _ => 2,
    }
}
