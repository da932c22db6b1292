//! false — do nothing, unsuccessfully.
//!
//! Usage: false [ignored arguments]
//! Exit status 1 whatever the arguments; a sole `--help` or `--version` is
//! answered on stdout first (the status stays 1).

use crate::applets::help_version;
use crate::args::{Args, Env};

pub fn main(args: Args, _: Env) -> u8 {
    let _ = help_version(args);
    1
}
