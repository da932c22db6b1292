//! x86-64: the `syscall` instruction, the system call numbers, the entry
//! point and the few other instructions the runtime needs. Everything
//! above (`sys`, `start`, `args`) is the same on every architecture.
//!
//! The kernel ABI: number in `rax`, arguments in `rdi rsi rdx r10 r8 r9`,
//! result in `rax`; the `syscall` instruction itself overwrites `rcx` (return
//! address) and `r11` (saved flags). A result in `-4095..=-1` is an error.

use core::arch::asm;

/// wc's newline count with AVX2 where cpuid offers it.
#[path = "x86_64_simd.rs"]
pub mod simd;

/// openat flags that differ between architectures.
pub const O_DIRECTORY: usize = 0o200000;
pub const O_NOFOLLOW: usize = 0o400000;

pub const READ: usize = 0;
pub const WRITE: usize = 1;
pub const CLOSE: usize = 3;
pub const FSTAT: usize = 5;
pub const PPOLL: usize = 271;
pub const LSEEK: usize = 8;
pub const MMAP: usize = 9;
pub const SENDFILE: usize = 40;
pub const FCNTL: usize = 72;
pub const READLINKAT: usize = 267;
pub const OPENAT: usize = 257;
pub const EXIT_GROUP: usize = 231;
pub const NEWFSTATAT: usize = 262;
pub const LINKAT: usize = 265;
pub const SYMLINKAT: usize = 266;
pub const SPLICE: usize = 275;
pub const VMSPLICE: usize = 278;
pub const COPY_FILE_RANGE: usize = 326;
pub const RT_SIGACTION: usize = 13;
pub const RT_SIGPROCMASK: usize = 14;
pub const EXECVE: usize = 59;
pub const UNAME: usize = 63;
pub const GETCWD: usize = 79;
pub const CHDIR: usize = 80;
pub const SCHED_GETAFFINITY: usize = 204;
pub const GETDENTS64: usize = 217;
pub const CLOCK_GETTIME: usize = 228;
pub const CLOCK_NANOSLEEP: usize = 230;
pub const TEE: usize = 276;
pub const IOCTL: usize = 16;
pub const UMASK: usize = 95;
pub const GETEUID: usize = 107;
pub const MKDIRAT: usize = 258;
pub const UNLINKAT: usize = 263;
pub const RENAMEAT2: usize = 316;
pub const FCHMODAT: usize = 268;
pub const UTIMENSAT: usize = 280;
pub const FACCESSAT2: usize = 439;

/// SAFETY (for callers): the arguments must be valid for system call `n`:
/// pointers to memory of the sizes the call reads or writes.
pub unsafe fn syscall5(n: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize) -> isize {
    let ret;
    // SAFETY: as the caller promised; the instruction clobbers only rax, rcx
    // and r11, declared here. The fourth argument goes in r10, not rcx.
    unsafe {
        asm!("syscall",
            inlateout("rax") n => ret,
            in("rdi") a1, in("rsi") a2, in("rdx") a3, in("r10") a4, in("r8") a5,
            lateout("rcx") _, lateout("r11") _,
            options(nostack));
    }
    ret
}

/// SAFETY (for callers): as for `syscall5`, with a sixth argument (r9).
#[inline(never)]
pub unsafe fn syscall6(n: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize, a6: usize) -> isize {
    let ret;
    // SAFETY: as the caller promised; rcx and r11 are clobbered.
    unsafe {
        asm!("syscall",
            inlateout("rax") n => ret,
            in("rdi") a1, in("rsi") a2, in("rdx") a3, in("r10") a4, in("r8") a5, in("r9") a6,
            lateout("rcx") _, lateout("r11") _,
            options(nostack));
    }
    ret
}

/// mmap(NULL, len, prot, flags, -1, 0).
///
/// SAFETY (for callers): flags ask for an anonymous mapping (no file, no
/// fixed address), so no existing memory is touched.
#[inline(never)]
pub unsafe fn mmap6(len: usize, prot: usize, flags: usize) -> isize {
    let ret;
    // SAFETY: the caller asks for an anonymous mapping; syscall clobbers
    // rcx and r11.
    unsafe {
        asm!("syscall",
            inlateout("rax") MMAP => ret,
            in("rdi") 0, in("rsi") len, in("rdx") prot, in("r10") flags,
            in("r8") -1isize, in("r9") 0,
            lateout("rcx") _, lateout("r11") _,
            options(nostack));
    }
    ret
}

/// Ends the process (every thread) with `status`.
pub fn exit(status: u8) -> ! {
    // SAFETY: exit_group takes a plain integer and never returns.
    unsafe {
        asm!("syscall",
            in("rax") EXIT_GROUP, in("rdi") status as usize,
            options(noreturn, nostack));
    }
}

/// The length of the NUL-terminated string at `p`, NUL included.
///
/// SAFETY (for callers): `p` points at a NUL-terminated string.
#[inline(always)]
pub unsafe fn c_len(p: *const u8) -> usize {
    let n: usize;
    // SAFETY: the string is NUL-terminated, so `repne scasb` stops at the NUL
    // having read only the string. (A plain loop becomes a call to a 300-byte
    // `strlen`; this is a few bytes.) rcx counts down from -1: -2 - rcx is
    // the length without the NUL, so !rcx is the length with it.
    unsafe {
        asm!(
            "repne scasb",
            "not rcx",
            inout("rdi") p => _,
            inout("rcx") usize::MAX => n,
            in("al") 0u8,
            options(nostack, readonly),
        );
    }
    n
}

/// The process starts here with nothing set up. `rsp` is 16-byte aligned and
/// points at argc (the initial stack drawn in `start.rs`); `call` pushes 8
/// bytes, which is exactly the alignment a function expects on entry.
/// `entry` never returns.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _start() -> ! {
    core::arch::naked_asm!(
        "mov rdi, rsp",
        "call {entry}",
        entry = sym crate::start::entry,
    )
}

/// The fields of a kernel `struct stat` the runtime reads: st_dev @0,
/// st_ino @8, st_nlink @16, st_mode @24 (u32), st_size @48, st_blksize
/// @56 (144 bytes in all).
#[inline(always)]
pub fn stat_fields(st: &[u64; 18]) -> (u64, u64, u64, u32, i64, u64) {
    (st[0], st[1], st[2], st[3] as u32, st[6] as i64, st[7])
}

/// st_atime @72 and its nanoseconds @80, st_mtime @88 and @96, as
/// (seconds, nanoseconds) pairs.
#[inline(always)]
pub fn stat_times(st: &[i64; 18]) -> [[i64; 2]; 2] {
    [[st[9], st[10]], [st[11], st[12]]]
}
