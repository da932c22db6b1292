//! The pure logic of femtobox: no system calls, no `unsafe`, nothing that
//! needs the runtime. The binary (`main.rs`) uses it; the host tests call it
//! directly and compare it with reference models.

#![no_std]

pub mod errno;
pub mod escape;
pub mod getopt;
pub mod mode;
pub mod msg;
pub mod num;
pub mod path;
pub mod signal;
pub mod split;
pub mod render;
pub mod text;
pub mod texts;
pub mod date;
pub mod tz;
