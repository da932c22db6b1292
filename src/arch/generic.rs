//! What aarch64 and riscv64 share: the kernel's generic system call table
//! (include/uapi/asm-generic/unistd.h), its generic `struct stat`, the
//! scalar newline count and the NUL scan. Each of the two files re-exports
//! it beside its own instruction, entry and openat flags.

/// wc's newline count: no vector loop here; the word-at-a-time count.
pub mod simd {
    pub fn available() -> bool {
        false
    }

    pub fn newlines(data: &[u8], tail: fn(&[u8]) -> u64) -> u64 {
        tail(data)
    }
}

pub const READ: usize = 63;
pub const WRITE: usize = 64;
pub const CLOSE: usize = 57;
pub const FSTAT: usize = 80;
pub const PPOLL: usize = 73;
pub const LSEEK: usize = 62;
pub const MMAP: usize = 222;
pub const SENDFILE: usize = 71;
pub const FCNTL: usize = 25;
pub const READLINKAT: usize = 78;
pub const OPENAT: usize = 56;
pub const EXIT_GROUP: usize = 94;
pub const NEWFSTATAT: usize = 79;
pub const LINKAT: usize = 37;
pub const SYMLINKAT: usize = 36;
pub const SPLICE: usize = 76;
pub const VMSPLICE: usize = 75;
pub const COPY_FILE_RANGE: usize = 285;
pub const RT_SIGACTION: usize = 134;
pub const RT_SIGPROCMASK: usize = 135;
pub const EXECVE: usize = 221;
pub const UNAME: usize = 160;
pub const GETCWD: usize = 17;
pub const CHDIR: usize = 49;
pub const SCHED_GETAFFINITY: usize = 123;
pub const GETDENTS64: usize = 61;
pub const CLOCK_GETTIME: usize = 113;
pub const CLOCK_NANOSLEEP: usize = 115;
pub const TEE: usize = 77;
pub const IOCTL: usize = 29;
pub const UMASK: usize = 166;
pub const GETEUID: usize = 175;
pub const MKDIRAT: usize = 34;
pub const UNLINKAT: usize = 35;
pub const RENAMEAT2: usize = 276;
pub const FCHMODAT: usize = 53;
pub const UTIMENSAT: usize = 88;
pub const FACCESSAT2: usize = 439;


/// mmap(NULL, len, prot, flags, -1, 0).
///
/// SAFETY (for callers): flags ask for an anonymous mapping (no file, no
/// fixed address), so no existing memory is touched.
#[inline(never)]
pub unsafe fn mmap6(len: usize, prot: usize, flags: usize) -> isize {
    // SAFETY: as the caller promised.
    unsafe { super::syscall6(MMAP, 0, len, prot, flags, usize::MAX, 0) }
}

/// The length of the NUL-terminated string at `p`, NUL included.
///
/// SAFETY (for callers): `p` points at a NUL-terminated string.
#[inline(always)]
pub unsafe fn c_len(p: *const u8) -> usize {
    let mut n = 0;
    // SAFETY: the string is NUL-terminated: every byte up to the NUL is
    // inside it. (Volatile so that the loop is not made a strlen call.)
    unsafe {
        while core::ptr::read_volatile(p.add(n)) != 0 {
            n += 1;
        }
    }
    n + 1
}

/// The fields of the kernel's generic `struct stat` the runtime reads:
/// st_dev @0, st_ino @8, st_mode @16 (u32), st_nlink @20 (u32), st_size
/// @48, st_blksize @56 (i32); 128 bytes in all.
#[inline(always)]
pub fn stat_fields(st: &[u64; 18]) -> (u64, u64, u64, u32, i64, u64) {
    (st[0], st[1], st[2] >> 32, st[2] as u32, st[6] as i64, st[7] as u32 as u64)
}

/// st_atime @72 and its nanoseconds @80, st_mtime @88 and @96, as
/// (seconds, nanoseconds) pairs.
#[inline(always)]
pub fn stat_times(st: &[i64; 18]) -> [[i64; 2]; 2] {
    [[st[9], st[10]], [st[11], st[12]]]
}
