//! riscv64: the `ecall` instruction, the entry point, the openat flags;
//! the system call numbers and `struct stat` are the kernel's generic ones
//! (generic.rs). The same items as `x86_64.rs`.
//!
//! The kernel ABI: number in `a7`, arguments in `a0`-`a5`, result in `a0`;
//! nothing else is clobbered. A result in `-4095..=-1` is an error.
//!
//! No `gp` set-up at the entry: lld relaxes nothing against
//! `__global_pointer$` unless asked (`--relax-gp`), so no code reads it.

use core::arch::asm;

pub use super::generic::*;

/// openat flags: riscv keeps the generic values.
pub const O_DIRECTORY: usize = 0o200000;
pub const O_NOFOLLOW: usize = 0o400000;

/// SAFETY (for callers): the arguments must be valid for system call `n`:
/// pointers to memory of the sizes the call reads or writes.
pub unsafe fn syscall5(n: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize) -> isize {
    let ret;
    // SAFETY: as the caller promised; `ecall` clobbers only a0 (the result).
    unsafe {
        asm!("ecall",
            in("a7") n,
            inlateout("a0") a1 => ret, in("a1") a2, in("a2") a3, in("a3") a4, in("a4") a5,
            options(nostack));
    }
    ret
}

/// SAFETY (for callers): as for `syscall5`, with a sixth argument (a5).
#[inline(never)]
pub unsafe fn syscall6(n: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize, a6: usize) -> isize {
    let ret;
    // SAFETY: as the caller promised.
    unsafe {
        asm!("ecall",
            in("a7") n,
            inlateout("a0") a1 => ret, in("a1") a2, in("a2") a3, in("a3") a4, in("a4") a5, in("a5") a6,
            options(nostack));
    }
    ret
}

/// Ends the process (every thread) with `status`.
pub fn exit(status: u8) -> ! {
    // SAFETY: exit_group takes a plain integer and never returns.
    unsafe {
        asm!("ecall",
            in("a7") EXIT_GROUP, in("a0") status as usize,
            options(noreturn, nostack));
    }
}

/// The process starts here with nothing set up: `sp` is 16-byte aligned
/// and points at argc; `call` (auipc + jalr) leaves it so. `entry` never
/// returns.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _start() -> ! {
    core::arch::naked_asm!(
        "mv a0, sp",
        "call {entry}",
        entry = sym crate::start::entry,
    )
}
