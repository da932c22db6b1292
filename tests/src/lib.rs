//! Helpers shared by the host tests (and the `shrink` build step).

pub mod checks;
pub mod elf;
