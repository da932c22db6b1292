//! aarch64: the `svc #0` instruction, the entry point, the openat flags
//! arm64 redefines; the system call numbers and `struct stat` are the
//! kernel's generic ones (generic.rs). The same items as `x86_64.rs`.
//!
//! The kernel ABI: number in `x8`, arguments in `x0`-`x5`, result in `x0`;
//! nothing else is clobbered. A result in `-4095..=-1` is an error.
//!
//! The initial stack at `_start` is drawn in `start.rs` (the same on every
//! architecture: `sp` 16-byte aligned, pointing at argc).

use core::arch::asm;

pub use super::generic::*;

/// openat flags that differ between architectures.
pub const O_DIRECTORY: usize = 0o40000;
pub const O_NOFOLLOW: usize = 0o100000;

/// SAFETY (for callers): the arguments must be valid for system call `n`:
/// pointers to memory of the sizes the call reads or writes.
pub unsafe fn syscall5(n: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize) -> isize {
    let ret;
    // SAFETY: as the caller promised; `svc #0` clobbers only x0 (the result).
    unsafe {
        asm!("svc #0",
            in("x8") n,
            inlateout("x0") a1 => ret, in("x1") a2, in("x2") a3, in("x3") a4, in("x4") a5,
            options(nostack));
    }
    ret
}

/// SAFETY (for callers): as for `syscall5`, with a sixth argument (x5).
#[inline(never)]
pub unsafe fn syscall6(n: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize, a6: usize) -> isize {
    let ret;
    // SAFETY: as the caller promised.
    unsafe {
        asm!("svc #0",
            in("x8") n,
            inlateout("x0") a1 => ret, in("x1") a2, in("x2") a3, in("x3") a4, in("x4") a5, in("x5") a6,
            options(nostack));
    }
    ret
}

/// Ends the process (every thread) with `status`.
pub fn exit(status: u8) -> ! {
    // SAFETY: exit_group takes a plain integer and never returns.
    unsafe {
        asm!("svc #0",
            in("x8") EXIT_GROUP, in("x0") status as usize,
            options(noreturn, nostack));
    }
}

/// The process starts here with nothing set up: `sp` is 16-byte aligned
/// and points at argc; `bl` leaves it so. `entry` never returns.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _start() -> ! {
    core::arch::naked_asm!(
        "mov x0, sp",
        "bl {entry}",
        entry = sym crate::start::entry,
    )
}

