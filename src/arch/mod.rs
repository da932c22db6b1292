//! The architecture layer: one file per architecture, chosen here, each
//! with the same items (system call instruction and numbers, `exit`, the
//! entry's instructions, the kernel `stat` layout). Nothing above it names
//! an architecture.

#[cfg(target_arch = "x86_64")]
mod x86_64;
#[cfg(target_arch = "x86_64")]
pub use x86_64::*;
#[cfg(any(target_arch = "aarch64", target_arch = "riscv64"))]
mod generic;
#[cfg(target_arch = "aarch64")]
mod aarch64;
#[cfg(target_arch = "aarch64")]
pub use aarch64::*;
#[cfg(target_arch = "riscv64")]
mod riscv64;
#[cfg(target_arch = "riscv64")]
pub use riscv64::*;
