//! The entry point: `_start` (in `arch`) hands the kernel's initial stack to `entry`,
//! which finds argc/argv/envp, runs the dispatcher and exits with its status.
//!
//! The initial stack at `_start`, the same on x86-64, aarch64 and riscv64
//! (the stack pointer 16-byte aligned):
//!
//! ```text
//!   sp  ->  argc                      (8 bytes)
//!           argv[0] ... argv[argc-1]  pointers to NUL-terminated strings
//!           NULL
//!           envp[0] ... envp[n-1]
//!           NULL
//!           auxv pairs ... AT_NULL
//!           (strings, padding)        <- higher addresses
//! ```

use crate::args::{Args, Env};
use crate::{applets, sys};

/// SAFETY (for the caller, `arch::_start`): `sp` is the kernel's initial stack pointer.
pub unsafe extern "C" fn entry(sp: *mut usize) -> ! {
    // SAFETY: the layout drawn above: argc, then argc pointers and a NULL,
    // then envp up to its NULL, all living as long as the process.
    let (args, env) = unsafe {
        let argc = *sp;
        let argv = sp.add(1) as *mut *const u8;
        (Args::from_raw(argv, argc), Env::from_raw(argv.add(argc + 1)))
    };
    sys::exit_group(applets::dispatch(args, env))
}
