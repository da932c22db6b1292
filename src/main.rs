//! femtobox: one static, libc-free binary that is `true`, `false` (and more
//! applets to come), chosen by the name it is run under.
//!
//! `src/` is the runtime, the only place with `unsafe`; `applets/` holds one
//! safe file per applet.

#![no_std]
#![no_main]

mod applets;
mod args;
mod io;
mod start;
mod sys;

/// Never reached: the release build has no panic path (the hygiene tests
/// check the symbol table for one). Should one appear, exit rather than spin.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    sys::exit_group(101)
}
