//! true — do nothing, successfully.
//!
//! Usage: true [ignored arguments]
//! Exit status 0 whatever the arguments; a sole `--help` or `--version` is
//! answered on stdout first.

use crate::applets::help_version;
use crate::args::{Args, Env};

pub fn main(args: Args, _: Env) -> u8 {
    help_version(args).unwrap_or(0)
}
