//! femtobox: one static, libc-free binary that is `true`, `false`, `echo`,
//! `cat` and `yes`, chosen by the name it is run under.
//!
//! `src/` is the runtime, the only place with `unsafe`; `applets/` holds one
//! safe file per applet. The `#[inline]`/`#[cold]` attributes throughout
//! are size choices, each kept because the binary measured smaller with it
//! (`scripts/attrs.py` searches them); none changes what the code means. The binary exists for `x86_64-unknown-none` (built
//! by `make`); a plain host `cargo build` gets a stub that says so, so that
//! `cargo build` and `cargo test` work from the workspace root.

#![cfg_attr(target_os = "none", no_std, no_main)]

#[cfg(target_os = "none")]
mod applets;
#[cfg(target_os = "none")]
mod arch;
#[cfg(target_os = "none")]
mod args;
#[cfg(target_os = "none")]
mod fs;
#[cfg(target_os = "none")]
mod io;
#[cfg(target_os = "none")]
mod start;
#[cfg(target_os = "none")]
mod sys;

/// Never reached: the release build has no panic path (the hygiene tests
/// check the symbol table for one). Should one appear, exit rather than spin.
#[cfg(target_os = "none")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    sys::exit_group(101)
}

#[cfg(not(target_os = "none"))]
fn main() {
    eprintln!("femtobox is built for x86_64-unknown-none: run `make` (the binary is target/femtobox)");
    std::process::exit(2);
}
