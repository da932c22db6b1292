//! Raw Linux x86-64 system calls and typed wrappers that turn the kernel's
//! `-errno` returns into `Result`.
//!
//! The kernel ABI: number in `rax`, arguments in `rdi rsi rdx r10 r8 r9`,
//! result in `rax`; the `syscall` instruction itself overwrites `rcx` (return
//! address) and `r11` (saved flags). A result in `-4095..=-1` is an error.
//! Every call goes through one out-of-line `syscall5`: a call site is then a
//! few register loads, and the error check exists once.

use crate::errno::{Errno, Result};
use core::arch::asm;
use core::mem::MaybeUninit;

const WRITE: usize = 1;
const POLL: usize = 7;
const READLINK: usize = 89;
const OPENAT: usize = 257;
const EXIT_GROUP: usize = 231;
const NEWFSTATAT: usize = 262;
const LINKAT: usize = 265;
const SYMLINKAT: usize = 266;

pub const AT_FDCWD: usize = -100isize as usize;

/// SAFETY (for callers): the arguments must be valid for system call `n`:
/// pointers to memory of the sizes the call reads or writes.
#[inline(never)]
unsafe fn syscall5(n: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize) -> isize {
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

/// The kernel's `-errno` convention as a `Result`. Inlined at each call, so
/// the raw call returns a plain register.
#[inline(always)]
fn check(ret: isize) -> Result<usize> {
    if ret < 0 { Err(Errno(ret.wrapping_neg() as u16)) } else { Ok(ret as usize) }
}

/// Ends the process (every thread) with `status`.
pub fn exit_group(status: u8) -> ! {
    // SAFETY: exit_group takes a plain integer and never returns.
    unsafe {
        asm!("syscall",
            in("rax") EXIT_GROUP, in("rdi") status as usize,
            options(noreturn, nostack));
    }
}

pub fn write(fd: i32, buf: &[u8]) -> Result<usize> {
    // SAFETY: the kernel reads at most buf.len() bytes from buf.
    check(unsafe { syscall5(WRITE, fd as usize, buf.as_ptr() as usize, buf.len(), 0, 0) })
}

/// Waits until `fd` accepts output. Its own failure needs no report: the
/// next write meets the same trouble and returns it.
pub fn poll_out(fd: i32) {
    const POLLOUT: u64 = 4;
    // struct pollfd { int fd; short events; short revents; } in one word.
    let mut pfd: u64 = (fd as u32 as u64) | (POLLOUT << 32);
    // SAFETY: pfd is one valid, writable struct pollfd; timeout -1 = forever.
    unsafe { syscall5(POLL, &mut pfd as *mut u64 as usize, 1, usize::MAX, 0, 0) };
}

/// A pointer to a NUL-terminated string: argv entries, string literals
/// ending in `\0`, and paths built by `Path`.
#[derive(Clone, Copy)]
pub struct CStr(*const u8);

impl CStr {
    /// `bytes` as a C string if it ends in NUL (the kernel reads up to the
    /// first one, inside the slice); otherwise the empty string.
    pub fn new(bytes: &[u8]) -> CStr {
        CStr(if bytes.last() == Some(&0) { bytes.as_ptr() } else { b"\0".as_ptr() })
    }

    fn addr(self) -> usize {
        self.0 as usize
    }
}

pub fn readlink(path: CStr, buf: &mut [u8]) -> Result<usize> {
    // SAFETY: path is NUL-terminated; the kernel writes at most buf.len() bytes.
    check(unsafe { syscall5(READLINK, path.addr(), buf.as_mut_ptr() as usize, buf.len(), 0, 0) })
}

/// A directory opened only to name things in it (`O_PATH`); it stays open
/// until the process exits.
#[derive(Clone, Copy)]
pub struct Dir(usize);

pub fn open_dir(path: CStr) -> Result<Dir> {
    const O_PATH_DIRECTORY_CLOEXEC: usize = 0o10000000 | 0o200000 | 0o2000000;
    // SAFETY: path is NUL-terminated; O_PATH opens nothing for reading.
    check(unsafe { syscall5(OPENAT, AT_FDCWD, path.addr(), O_PATH_DIRECTORY_CLOEXEC, 0, 0) }).map(Dir)
}

/// A hard link `dir/name` to `old`.
pub fn linkat(old: CStr, dir: Dir, name: CStr) -> Result<usize> {
    // SAFETY: both paths are NUL-terminated; flags 0.
    check(unsafe { syscall5(LINKAT, AT_FDCWD, old.addr(), dir.0, name.addr(), 0) })
}

/// A symlink `dir/name` pointing at `target`.
pub fn symlinkat(target: CStr, dir: Dir, name: CStr) -> Result<usize> {
    // SAFETY: both paths are NUL-terminated.
    check(unsafe { syscall5(SYMLINKAT, target.addr(), dir.0, name.addr(), 0, 0) })
}

/// Are `dir/a` and `b` one file (same device and inode, symlinks followed)?
pub fn same_file(dir: Dir, a: CStr, b: CStr) -> bool {
    // struct stat on x86-64 is 144 bytes; st_dev and st_ino are its first
    // two words. Only a successful call's output is read, so no zeroing.
    let mut st = [MaybeUninit::<[u64; 18]>::uninit(); 2];
    // SAFETY: each st is a writable struct stat; the paths are NUL-terminated.
    unsafe {
        if syscall5(NEWFSTATAT, dir.0, a.addr(), st[0].as_mut_ptr() as usize, 0, 0) < 0
            || syscall5(NEWFSTATAT, AT_FDCWD, b.addr(), st[1].as_mut_ptr() as usize, 0, 0) < 0
        {
            return false;
        }
        let (x, y) = (st[0].assume_init_ref(), st[1].assume_init_ref());
        x[0] == y[0] && x[1] == y[1]
    }
}
