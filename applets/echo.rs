//! echo — write the arguments, separated by spaces, and a newline.
//!
//! Usage: echo [-neE] [STRING]...
//! Option words are `-` plus letters from `n e E` only (the last `e`/`E`
//! wins); with `-e`, backslash escapes are decoded and `\c` ends all
//! output. Under `POSIXLY_CORRECT` only a first `-n` is an option and
//! escapes are always decoded. A sole `--help`/`--version` is answered.

use crate::applets::help_version;
use crate::args::{Args, Env};
use crate::io::{self, Stdout};
use femtobox::escape::{options, unescape};
use femtobox::text::{eq, Sink};

pub fn main(args: Args, env: Env) -> u8 {
    let posix = env.posix();
    let allow_options = !posix || args.len() > 1 && eq(args.arg(1), b"-n");
    let (skip, newline, escapes) = match allow_options {
        true => {
            if let Some(status) = help_version(args) {
                return status;
            }
            options(args.iter(1))
        }
        false => (0, true, false),
    };
    // One buffer, so a line that fits goes out in one write.
    for (i, arg) in args.iter(1 + skip).enumerate() {
        if i > 0 {
            Stdout.byte(b' ');
        }
        if !(escapes || posix) {
            Stdout.put(arg);
        } else if !unescape(&mut Stdout, arg) {
            return io::finish();
        }
    }
    if newline {
        Stdout.byte(b'\n');
    }
    io::finish()
}
