//! Typed wrappers over the system calls of `arch` (the instruction, the
//! numbers, the kernel's struct layouts) that turn the kernel's `-errno`
//! returns into `Result`. Calls go through `arch::syscall5`, one system
//! call instruction the compiler places at each site (with this build's
//! interprocedural register allocation that measured 24 bytes smaller than
//! one out-of-line helper), and the few six-argument ones through the
//! out-of-line `arch::syscall6`.

use core::mem::MaybeUninit;
use crate::args::{Args, Env};
use crate::arch::{self, *};
use femtobox::errno::{Errno, Result};


pub const AT_FDCWD: usize = -100isize as usize;
pub const CWD: i32 = -100;

/// The kernel's `-errno` convention as a `Result`. Inlined at each call, so
/// the raw call returns a plain register.
#[inline(always)]
fn check(ret: isize) -> Result<usize> {
    if ret < 0 {
        Err(Errno(ret.wrapping_neg() as u16))
    } else {
        Ok(ret as usize)
    }
}

/// The first `n` bytes of `buf` (fewer if it is shorter) as plain bytes.
///
/// SAFETY (for callers): those bytes have been written.
#[inline(always)]
pub unsafe fn written(buf: &[MaybeUninit<u8>], n: usize) -> &[u8] {
    let filled = buf.get(..n).unwrap_or_default();
    // SAFETY: the caller's promise; MaybeUninit<u8> has the layout of u8.
    unsafe { &*(filled as *const [MaybeUninit<u8>] as *const [u8]) }
}

/// Ends the process (every thread) with `status`.
pub fn exit_group(status: u8) -> ! {
    arch::exit(status)
}

/// Errors (man 2 read): EAGAIN EBADF EFAULT EINTR EINVAL EIO EISDIR
/// (read(2)'s "other errors ... depending on the object", e.g. a socket's
/// ENOTCONN or ECONNRESET, print `Unknown error N`: not in its list.)
/// Reads into `buf`, retrying `EINTR`; returns the part the kernel filled
/// (empty at the end of the input).
#[inline(always)]
pub fn read(fd: i32, buf: &mut [MaybeUninit<u8>]) -> Result<&[u8]> {
    let n = loop {
        // SAFETY: the kernel writes at most buf.len() bytes into buf.
        match check(unsafe { syscall5(READ, fd as usize, buf.as_mut_ptr() as usize, buf.len(), 0, 0) }) {
            Err(Errno::EINTR) => continue,
            r => break r?,
        }
    };
    // SAFETY: the kernel initialised the first n bytes.
    Ok(unsafe { written(buf, n) })
}

/// Reads into `buf` (memory already initialised); the bytes read.
pub fn read_into(fd: i32, buf: &mut [u8]) -> Result<usize> {
    // SAFETY: the kernel writes at most buf.len() bytes into buf.
    check(unsafe { syscall5(READ, fd as usize, buf.as_mut_ptr() as usize, buf.len(), 0, 0) })
}

/// Errors (man 2 write): EAGAIN EBADF EDESTADDRREQ EDQUOT EFAULT EFBIG EINTR EINVAL EIO
/// ENOSPC EPERM EPIPE
pub fn write(fd: i32, buf: &[u8]) -> Result<usize> {
    // SAFETY: the kernel reads at most buf.len() bytes from buf.
    check(unsafe { syscall5(WRITE, fd as usize, buf.as_ptr() as usize, buf.len(), 0, 0) })
}

/// Waits until `fd` accepts output. Its own failure needs no report: the
/// next write meets the same trouble and returns it.
// #[cold]: the rare path, laid out for size (measured).
#[cold]
pub fn poll_out(fd: i32) {
    const POLLOUT: u64 = 4;
    // struct pollfd { int fd; short events; short revents; } in one word.
    let mut pfd: u64 = (fd as u32 as u64) | (POLLOUT << 32);
    // SAFETY: pfd is one valid, writable struct pollfd; no timeout (NULL:
    // forever) and no signal mask.
    unsafe { syscall5(PPOLL, &mut pfd as *mut u64 as usize, 1, 0, 0, 0) };
}

/// Errors (man 2 openat, read-only): EACCES EBADF EBUSY EDQUOT EEXIST EFAULT EFBIG EINTR
/// EINVAL EISDIR ELOOP EMFILE ENAMETOOLONG ENFILE ENODEV ENOENT ENOMEM ENOSPC ENOTDIR
/// ENXIO EOPNOTSUPP EOVERFLOW EPERM EROFS ETXTBSY EAGAIN
/// Opens `path` read-only.
pub fn open(path: CStr) -> Result<i32> {
    // SAFETY: path is NUL-terminated; O_RDONLY is 0.
    check(unsafe { syscall5(OPENAT, AT_FDCWD, path.addr(), 0, 0, 0) }).map(|fd| fd as i32)
}

/// Errors (man 2 close): EBADF EINTR EIO ENOSPC EDQUOT
/// Closes `fd`; the error, if any (small enough to come back in a register).
// Out of line since the box has many callers (measured; it was inlined
// with five applets).
pub fn close(fd: i32) -> Option<Errno> {
    // SAFETY: close takes a plain integer.
    check(unsafe { syscall5(CLOSE, fd as usize, 0, 0, 0, 0) }).err()
}

/// What cat needs to know about a descriptor.
#[derive(Clone, Copy)]
pub struct Stat {
    pub dev: u64,
    pub ino: u64,
    pub nlink: u64,
    pub mode: u32,
    pub size: i64,
    pub blksize: u64,
}

impl Stat {
    #[cold]
    pub fn is_reg(&self) -> bool {
        self.mode & 0o170000 == 0o100000
    }
    pub fn is_fifo(&self) -> bool {
        self.mode & 0o170000 == 0o010000
    }
}

/// A kernel `struct stat` (its layout is the architecture's) as a `Stat`.
#[inline(always)]
fn stat(st: &[u64; 18]) -> Stat {
    let (dev, ino, nlink, mode, size, blksize) = arch::stat_fields(st);
    Stat { dev, ino, nlink, mode, size, blksize }
}

/// How a kernel-side copy moves bytes from one descriptor to another.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Copy {
    /// copy_file_range: regular file to regular file (reflinks where it can).
    Range,
    /// splice: one side is a pipe.
    Splice,
    /// sendfile: from a file to anything.
    Sendfile,
}

/// Errors (man 2 copy_file_range, splice, sendfile): EAGAIN EBADF EFAULT EFBIG EINVAL EIO
/// EISDIR ENOMEM ENOSPC EOPNOTSUPP EOVERFLOW EPERM ESPIPE ETXTBSY EXDEV ENOSYS
/// (ENOSYS: a kernel without the call).
/// Moves up to `len` bytes from `from` to `to` (at their offsets) without
/// passing them through user space.
pub fn copy(how: Copy, from: i32, to: i32, len: usize) -> Result<usize> {
    let (f, t) = (from as usize, to as usize);
    // SAFETY: plain descriptors and NULL offsets (the files' own offsets are used).
    check(unsafe {
        match how {
            Copy::Range => syscall6(COPY_FILE_RANGE, f, 0, t, 0, len, 0),
            Copy::Splice => syscall6(SPLICE, f, 0, t, 0, len, 0),
            Copy::Sendfile => syscall5(SENDFILE, t, f, 0, len, 0),
        }
    })
}

/// Makes the pipe `fd` hold `size` bytes, if it is allowed to; larger pipes
/// mean fewer trips through the kernel.
// Out of line: smaller than inlined at its two sites (measured).
#[inline(never)]
pub fn grow_pipe(fd: i32, size: usize) {
    const F_SETPIPE_SZ: usize = 1031;
    // SAFETY: fcntl on a descriptor with an integer argument.
    unsafe { syscall5(FCNTL, fd as usize, F_SETPIPE_SZ, size, 0, 0) };
}

/// Errors (man 2 vmsplice): EAGAIN EBADF EINVAL ENOMEM
/// Maps `buf` into the pipe `fd` (vmsplice): the pipe refers to these pages,
/// which must therefore never change afterwards. Returns the bytes taken.
pub fn vmsplice(fd: i32, buf: &'static [u8]) -> Result<usize> {
    let iov = [buf.as_ptr() as usize, buf.len()];
    // SAFETY: one iovec describing buf, which lives (unchanged) for ever.
    check(unsafe { syscall5(VMSPLICE, fd as usize, iov.as_ptr() as usize, 1, 0, 0) })
}

/// Errors (man 2 fstat): EBADF EFAULT ENOMEM EOVERFLOW
// Inlined: its Result<Stat> then never goes through memory (measured: -96).
#[inline(always)]
pub fn fstat(fd: i32) -> Result<Stat> {
    // A kernel struct stat, read as the architecture lays it out.
    let mut st = MaybeUninit::<[u64; 18]>::uninit();
    // SAFETY: st is a writable struct stat.
    check(unsafe { syscall5(FSTAT, fd as usize, st.as_mut_ptr() as usize, 0, 0, 0) })?;
    // SAFETY: the call succeeded, so the kernel filled st.
    let st = unsafe { st.assume_init() };
    Ok(stat(&st))
}

/// Errors (man 2 lseek): EBADF EINVAL ENXIO EOVERFLOW ESPIPE
/// Moves the offset of `fd` (`whence` 0: to `off`, 1: by `off`).
pub fn seek(fd: i32, off: i64, whence: usize) -> Result<usize> {
    // SAFETY: lseek takes plain integers.
    check(unsafe { syscall5(LSEEK, fd as usize, off as usize, whence, 0, 0) })
}

/// The descriptor's read offset.
pub fn tell(fd: i32) -> Result<usize> {
    const SEEK_CUR: usize = 1;
    // SAFETY: lseek takes plain integers.
    check(unsafe { syscall5(LSEEK, fd as usize, 0, SEEK_CUR, 0, 0) })
}

/// Errors (man 2 mmap, anonymous): EAGAIN EINVAL ENFILE ENODEV ENOMEM EOVERFLOW EPERM
/// `len` bytes of fresh zeroed memory, read+write, for the life of the
/// process.
#[inline(always)]
pub fn alloc(len: usize) -> Result<&'static mut [u8]> {
    const PROT_RW: usize = 3;
    const MAP_PRIVATE_ANONYMOUS: usize = 0x22;
    // SAFETY: an anonymous private mapping touches no existing memory.
    let ret = unsafe { mmap6(len, PROT_RW, MAP_PRIVATE_ANONYMOUS) };
    let addr = check(ret)?;
    // SAFETY: the kernel mapped len writable bytes at addr, never unmapped.
    Ok(unsafe { core::slice::from_raw_parts_mut(addr as *mut u8, len) })
}

/// A pointer to a NUL-terminated string: argv entries, string literals
/// ending in `\0`, and paths built by `Path`.
#[derive(Clone, Copy)]
pub struct CStr(*const u8);

impl CStr {
    /// `bytes` as a C string if it ends in NUL (the kernel reads up to the
    /// first one, inside the slice); otherwise the empty string.
    #[inline(never)]
    #[cold]
    pub fn new(bytes: &[u8]) -> CStr {
        CStr(if bytes.last() == Some(&0) { bytes.as_ptr() } else { b"\0".as_ptr() })
    }

    fn addr(self) -> usize {
        self.0 as usize
    }
}

/// Errors (man 2 readlink): EACCES EBADF EFAULT EINVAL EIO ELOOP ENAMETOOLONG ENOENT
/// ENOMEM ENOTDIR
/// The symlink `path` points to, NUL-terminated, in `buf` (never zeroed:
/// only what the kernel wrote and the NUL are read).
pub fn readlink(path: CStr, buf: &mut [MaybeUninit<u8>; 4096]) -> Result<&[u8]> {
    // SAFETY: path is NUL-terminated; the kernel writes at most 4095 bytes.
    let n = check(unsafe { syscall5(READLINKAT, AT_FDCWD, path.addr(), buf.as_mut_ptr() as usize, 4095, 0) })?;
    if let Some(end) = buf.get_mut(n) {
        end.write(0);
    }
    // SAFETY: the kernel wrote the first n bytes and we the NUL after them.
    Ok(unsafe { written(&buf[..], n + 1) })
}

/// Errors (man 2 openat, O_PATH|O_DIRECTORY): EACCES EFAULT EINTR ELOOP EMFILE
/// ENAMETOOLONG ENFILE ENOENT ENOMEM ENOTDIR
/// The directory `path`, opened only to name things inside it (O_PATH:
/// no permission to read it is needed).
pub fn open_dir(path: CStr) -> Result<i32> {
    const O_PATH_DIRECTORY: usize = 0o10000000 | O_DIRECTORY;
    // SAFETY: path is NUL-terminated.
    check(unsafe { syscall5(OPENAT, AT_FDCWD, path.addr(), O_PATH_DIRECTORY, 0, 0) }).map(|fd| fd as i32)
}

/// Errors (man 2 linkat, symlinkat): EACCES EBADF EDQUOT EEXIST EFAULT EINVAL EIO ELOOP
/// EMLINK ENAMETOOLONG ENOENT ENOMEM ENOSPC ENOTDIR EPERM EROFS EXDEV
/// `name` in directory `dir` as a symlink to `from` (`sym`), or as a hard
/// link to the file `from` (a symlink `from` itself, or with `follow` the
/// file it names).
pub fn link(sym: bool, from: CStr, dir: i32, name: CStr, follow: bool) -> Result<usize> {
    const AT_SYMLINK_FOLLOW: usize = 0x400;
    let (dir, name) = (dir as isize as usize, name.addr());
    let (n, a1, a2, a3, a4) = match sym {
        true => (SYMLINKAT, from.addr(), dir, name, 0),
        false => (LINKAT, AT_FDCWD, from.addr(), dir, name),
    };
    // SAFETY: both paths are NUL-terminated; linkat's flags a plain integer.
    check(unsafe { syscall5(n, a1, a2, a3, a4, AT_SYMLINK_FOLLOW * follow as usize) })
}

/// Are `name` in directory `dir` and `path` one file (same device and
/// inode, symlinks followed)?
pub fn same_file(dir: i32, name: CStr, path: CStr) -> bool {
    // A kernel struct stat (at most 144 bytes): st_dev and st_ino are its
    // first two words on every 64-bit layout. Only a successful call's output is read, so no zeroing.
    let mut st = [MaybeUninit::<[u64; 18]>::uninit(); 2];
    // SAFETY: each st is a writable struct stat; the paths are NUL-terminated.
    unsafe {
        if syscall5(NEWFSTATAT, dir as usize, name.addr(), st[0].as_mut_ptr() as usize, 0, 0) < 0
            || syscall5(NEWFSTATAT, AT_FDCWD, path.addr(), st[1].as_mut_ptr() as usize, 0, 0) < 0
        {
            return false;
        }
        let (x, y) = (st[0].assume_init_ref(), st[1].assume_init_ref());
        x[0] == y[0] && x[1] == y[1]
    }
}

/// Errors (man 2 stat): EACCES EBADF EFAULT ELOOP ENAMETOOLONG ENOENT ENOMEM ENOTDIR
/// EOVERFLOW
/// `name` in directory `dir` (AT_FDCWD: the working directory), symlinks
/// followed unless `nofollow`.
#[inline(always)]
pub fn stat_at(dir: i32, name: CStr, nofollow: bool) -> Result<Stat> {
    const AT_SYMLINK_NOFOLLOW: usize = 0x100;
    let mut st = MaybeUninit::<[u64; 18]>::uninit();
    // SAFETY: st is a writable struct stat; name is NUL-terminated.
    check(unsafe {
        syscall5(NEWFSTATAT, dir as isize as usize, name.addr(), st.as_mut_ptr() as usize, AT_SYMLINK_NOFOLLOW * nofollow as usize, 0)
    })?;
    // SAFETY: the call succeeded, so the kernel filled st.
    let st = unsafe { st.assume_init() };
    Ok(stat(&st))
}

/// The working directory's path into `buf`, NUL-terminated (None when the
/// kernel cannot say: too long for `buf`, or not reachable from the root).
pub fn getcwd(buf: &mut [MaybeUninit<u8>]) -> Option<&[u8]> {
    // SAFETY: the kernel writes at most buf.len() bytes, NUL included.
    let n = check(unsafe { syscall5(GETCWD, buf.as_mut_ptr() as usize, buf.len(), 0, 0, 0) }).ok()?;
    // SAFETY: it wrote n bytes (the path and its NUL).
    let path = unsafe { written(buf, n) };
    (path.first() == Some(&b'/')).then_some(path)
}

/// Errors (man 2 openat, O_DIRECTORY): EACCES EMFILE ENFILE ENOENT ENOMEM ENOTDIR
/// `name` in directory `dir`, opened for reading its entries.
pub fn open_dir_at(dir: i32, name: CStr) -> Result<i32> {
    const O_DIRECTORY_CLOEXEC: usize = O_DIRECTORY | 0o2000000;
    // SAFETY: name is NUL-terminated.
    check(unsafe { syscall5(OPENAT, dir as isize as usize, name.addr(), O_DIRECTORY_CLOEXEC, 0, 0) }).map(|fd| fd as i32)
}

/// Errors (man 2 getdents64): EBADF EFAULT EINVAL ENOENT ENOTDIR
/// The next entries of directory `fd` into `buf` (empty at its end):
/// records of d_ino (8 bytes), d_off (8), d_reclen (2), d_type (1) and
/// the NUL-terminated name.
pub fn getdents(fd: i32, buf: &mut [MaybeUninit<u8>]) -> Result<&[u8]> {
    // SAFETY: the kernel writes at most buf.len() bytes into buf.
    let n = check(unsafe { syscall5(GETDENTS64, fd as usize, buf.as_mut_ptr() as usize, buf.len(), 0, 0) })?;
    // SAFETY: it filled the first n bytes.
    Ok(unsafe { written(buf, n) })
}

/// The records of a getdents batch: each entry's inode number and its
/// name with the NUL.
pub struct Dirents<'a>(pub &'a [u8]);

impl<'a> Iterator for Dirents<'a> {
    type Item = (u64, &'a [u8]);

    fn next(&mut self) -> Option<(u64, &'a [u8])> {
        // d_ino @0 (8 bytes), d_off @8, d_reclen @16 (2), d_type @18, d_name @19.
        let rec = self.0;
        let word = |at: usize, n: usize| rec.iter().skip(at).take(n).rev().fold(0u64, |v, &b| v << 8 | b as u64);
        let len = word(16, 2) as usize;
        let (this, rest) = rec.split_at_checked(len).filter(|_| len > 19)?;
        self.0 = rest;
        let name = this.get(19..).unwrap_or_default();
        let end = name.iter().position(|&c| c == 0).map_or(name.len(), |n| n + 1);
        Some((word(0, 8), name.get(..end).unwrap_or_default()))
    }
}

/// The kernel's `struct utsname`: six NUL-padded fields of 65 bytes
/// (sysname, nodename, release, version, machine, domainname).
#[cold]
pub fn uname() -> [u8; 390] {
    let mut u = [0u8; 390];
    // SAFETY: u is a writable struct utsname; the call cannot fail with it.
    unsafe { syscall5(UNAME, u.as_mut_ptr() as usize, 0, 0, 0, 0) };
    u
}

/// The CPUs this process may run on, as a bit mask in `mask`; the bytes
/// the kernel filled (none if it failed).
pub fn affinity(mask: &mut [u8]) -> &[u8] {
    // SAFETY: the kernel writes at most mask.len() bytes; pid 0 is us.
    let n = check(unsafe { syscall5(SCHED_GETAFFINITY, 0, mask.len(), mask.as_mut_ptr() as usize, 0, 0) }).unwrap_or(0);
    mask.get(..n).unwrap_or_default()
}

/// CLOCK_MONOTONIC now, as (seconds, nanoseconds).
#[inline(always)]
pub fn now() -> [i64; 2] {
    clock(1)
}

/// Clock `id` (0: CLOCK_REALTIME, 1: CLOCK_MONOTONIC) now, as (seconds,
/// nanoseconds).
pub fn clock(id: usize) -> [i64; 2] {
    let mut ts = [0i64; 2];
    // SAFETY: ts is a writable struct timespec.
    unsafe { syscall5(CLOCK_GETTIME, id, ts.as_mut_ptr() as usize, 0, 0, 0) };
    ts
}

/// Sleeps until CLOCK_MONOTONIC reaches `when`; a signal that does not
/// kill us (a stop and continue, a handled one) only resumes the wait,
/// so the total is never longer or shorter than asked.
pub fn sleep_until(when: [i64; 2]) {
    const CLOCK_MONOTONIC: usize = 1;
    const TIMER_ABSTIME: usize = 1;
    // SAFETY: when is a valid struct timespec; no remainder is asked for.
    while unsafe { syscall5(CLOCK_NANOSLEEP, CLOCK_MONOTONIC, TIMER_ABSTIME, when.as_ptr() as usize, 0, 0) } != 0 {}
}

/// Errors (man 2 chdir): EACCES EFAULT EIO ELOOP ENAMETOOLONG ENOENT ENOMEM ENOTDIR
pub fn chdir(path: CStr) -> Result<usize> {
    // SAFETY: path is NUL-terminated.
    check(unsafe { syscall5(CHDIR, path.addr(), 0, 0, 0, 0) })
}

/// Errors (man 2 execve): E2BIG EACCES EAGAIN EFAULT EINVAL EIO EISDIR ELIBBAD ELOOP
/// EMFILE ENAMETOOLONG ENFILE ENOENT ENOEXEC ENOMEM ENOTDIR EPERM ETXTBSY
/// Runs `path` with `argv` and `env` in place of this process, their
/// vectors handed to the kernel as they are; returns only if that failed
/// (EFAULT for an argv that is not a whole vector, a `take`).
pub fn exec(path: CStr, argv: Args, env: Env) -> Errno {
    let Some(v) = argv.raw() else { return Errno(14) };
    // SAFETY: both vectors are NULL-terminated arrays of pointers to
    // NUL-terminated strings (Args::raw, Env); path is NUL-terminated.
    match check(unsafe { syscall5(EXECVE, path.addr(), v as usize, env.raw() as usize, 0, 0) }) {
        Err(e) => e,
        Ok(_) => Errno(0),
    }
}

/// Errors (man 2 sigaction): EFAULT EINVAL
/// The kernel's action for `sig` (handler, flags, restorer, mask), and
/// with `handler` Some, the same action with that handler put in place.
#[inline(always)]
pub fn sigaction(sig: u8, handler: Option<usize>) -> Result<[usize; 4]> {
    let mut act = [0usize; 4];
    // SAFETY: act is a writable struct kernel_sigaction; the mask is 8 bytes.
    check(unsafe { syscall5(RT_SIGACTION, sig as usize, 0, act.as_mut_ptr() as usize, 8, 0) })?;
    if let Some(h) = handler {
        act[0] = h;
        // SAFETY: act is a valid struct kernel_sigaction (the one just read).
        check(unsafe { syscall5(RT_SIGACTION, sig as usize, act.as_ptr() as usize, 0, 8, 0) })?;
    }
    Ok(act)
}

/// The blocked-signal mask as it was (bit n-1 for signal n); with `set`
/// Some, that becomes the mask.
#[inline(always)]
pub fn sigmask(set: Option<u64>) -> u64 {
    const SIG_SETMASK: usize = 2;
    let (new, mut old) = (set.unwrap_or(0), 0u64);
    let p = if set.is_some() { &new as *const u64 as usize } else { 0 };
    // SAFETY: both are 8-byte sigsets (or NULL for none).
    unsafe { syscall5(RT_SIGPROCMASK, SIG_SETMASK, p, &mut old as *mut u64 as usize, 8, 0) };
    old
}

/// Errors (man 2 openat, for writing): EACCES EBADF EDQUOT EEXIST EFAULT EFBIG EINTR EINVAL
/// EISDIR ELOOP EMFILE ENAMETOOLONG ENFILE ENODEV ENOENT ENOMEM ENOSPC ENOTDIR ENXIO
/// EOPNOTSUPP EOVERFLOW EPERM EROFS ETXTBSY
/// Opens `path` for writing, created (mode 0666 less the umask) if
/// missing, emptied, or with `append` written at its end.
pub fn create(path: CStr, append: bool) -> Result<i32> {
    const O_WRONLY_CREAT: usize = 0o1 | 0o100;
    const O_TRUNC: usize = 0o1000;
    const O_APPEND: usize = 0o2000;
    let flags = O_WRONLY_CREAT | if append { O_APPEND } else { O_TRUNC };
    // SAFETY: path is NUL-terminated.
    let fd = check(unsafe { syscall5(OPENAT, AT_FDCWD, path.addr(), flags, 0o666, 0) })? as i32;
    Ok(safer(fd))
}

/// `fd` moved above 2 if it is one of them (gnulib's fd_safer: a file
/// opened while stdin, stdout or stderr is closed must not become it).
fn safer(fd: i32) -> i32 {
    const F_DUPFD: usize = 0;
    if fd > 2 {
        return fd;
    }
    // SAFETY: fcntl on our own descriptor with an integer argument.
    match check(unsafe { syscall5(FCNTL, fd as usize, F_DUPFD, 3, 0, 0) }) {
        Ok(new) => {
            close(fd);
            new as i32
        }
        Err(_) => fd,
    }
}

/// Errors (man 2 tee): EAGAIN EINVAL ENOMEM
/// Duplicates up to `len` bytes of the pipe `from` into the pipe `to`
/// without consuming them (tee(2)).
pub fn tee(from: i32, to: i32, len: usize) -> Result<usize> {
    // SAFETY: plain descriptors and flags 0.
    check(unsafe { syscall5(TEE, from as usize, to as usize, len, 0, 0) })
}


/// Errors (man 2 unlinkat): EACCES EBUSY EFAULT EIO EISDIR ELOOP ENAMETOOLONG ENOENT
/// ENOMEM ENOTDIR EPERM EROFS EBADF EINVAL ENOTEMPTY EEXIST
/// Removes `name` in directory `dir`: a directory (rmdir) when `rmdir`,
/// else any other file (unlink).
pub fn unlink_at(dir: i32, name: CStr, rmdir: bool) -> Result<usize> {
    const AT_REMOVEDIR: usize = 0x200;
    // SAFETY: name is NUL-terminated.
    check(unsafe { syscall5(UNLINKAT, dir as isize as usize, name.addr(), AT_REMOVEDIR * rmdir as usize, 0, 0) })
}

/// Errors (man 2 mkdirat): EACCES EBADF EDQUOT EEXIST EFAULT EINVAL ELOOP EMLINK
/// ENAMETOOLONG ENOENT ENOMEM ENOSPC ENOTDIR EPERM EROFS
/// Makes the directory `name` in `dir` with `mode` (less the umask).
pub fn mkdir_at(dir: i32, name: CStr, mode: u32) -> Result<usize> {
    // SAFETY: name is NUL-terminated.
    check(unsafe { syscall5(MKDIRAT, dir as isize as usize, name.addr(), mode as usize, 0, 0) })
}

/// Sets the process's umask to `mask`; returns the one it had.
pub fn umask(mask: u32) -> u32 {
    // SAFETY: umask takes a plain integer and cannot fail.
    unsafe { syscall5(UMASK, mask as usize, 0, 0, 0, 0) as u32 }
}

/// Errors (man 2 fchmodat): EACCES EBADF EFAULT EIO ELOOP ENAMETOOLONG ENOENT ENOMEM
/// ENOTDIR EPERM EROFS EINVAL EOPNOTSUPP
/// Sets the permission bits of `name` in `dir` (symlinks followed).
pub fn chmod_at(dir: i32, name: CStr, mode: u32) -> Result<usize> {
    // SAFETY: name is NUL-terminated.
    check(unsafe { syscall5(FCHMODAT, dir as isize as usize, name.addr(), mode as usize, 0, 0) })
}

/// Errors (man 2 renameat2, no flags): EACCES EBUSY EDQUOT EFAULT EINVAL EISDIR ELOOP EMLINK
/// ENAMETOOLONG ENOENT ENOMEM ENOSPC ENOTDIR ENOTEMPTY EEXIST EPERM EROFS EXDEV EBADF
/// Renames `from` in `dir` to `to` in `dir`, replacing what `to` was.
pub fn rename_at(dir: i32, from: CStr, to: CStr) -> Result<usize> {
    let d = dir as isize as usize;
    // SAFETY: both names are NUL-terminated.
    check(unsafe { syscall5(RENAMEAT2, d, from.addr(), d, to.addr(), 0) })
}

/// May this process write `name` in `dir` (W_OK with the effective ids,
/// as gnulib's faccessat(AT_EACCESS))? Err for a failure other than EACCES.
pub fn writable(dir: i32, name: CStr) -> Result<bool> {
    const W_OK: usize = 2;
    const AT_EACCESS: usize = 0x200;
    // SAFETY: name is NUL-terminated.
    match check(unsafe { syscall5(FACCESSAT2, dir as isize as usize, name.addr(), W_OK, AT_EACCESS, 0) }) {
        Ok(_) => Ok(true),
        Err(Errno(13)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Is `fd` a terminal (isatty: TCGETS succeeds)?
pub fn is_tty(fd: i32) -> bool {
    const TCGETS: usize = 0x5401;
    let mut termios = MaybeUninit::<[u8; 60]>::uninit();
    // SAFETY: TCGETS writes a 60-byte struct termios.
    unsafe { syscall5(IOCTL, fd as usize, TCGETS, termios.as_mut_ptr() as usize, 0, 0) >= 0 }
}

/// The effective user id.
pub fn euid() -> u32 {
    // SAFETY: geteuid takes nothing and cannot fail.
    unsafe { syscall5(GETEUID, 0, 0, 0, 0, 0) as u32 }
}

/// Errors (man 2 utimensat): EACCES EBADF EFAULT EINVAL ELOOP ENAMETOOLONG ENOENT ENOTDIR
/// EPERM EROFS
/// Sets the access and modification times of `name` in `dir` (of the
/// descriptor `dir` itself when `name` is None) to `times` (seconds and
/// nanoseconds; UTIME_NOW / UTIME_OMIT in the nanoseconds as the kernel
/// reads them; None: both now), of a symlink itself when `nofollow`.
pub fn set_times(dir: i32, name: Option<CStr>, times: Option<&[[i64; 2]; 2]>, nofollow: bool) -> Result<usize> {
    const AT_SYMLINK_NOFOLLOW: usize = 0x100;
    let name = name.map_or(0, CStr::addr);
    let times = times.map_or(0, |t| t.as_ptr() as usize);
    // SAFETY: times is two struct timespec; name is NUL-terminated or NULL.
    check(unsafe {
        syscall5(UTIMENSAT, dir as isize as usize, name, times, AT_SYMLINK_NOFOLLOW * nofollow as usize, 0)
    })
}

/// Errors (man 2 stat): EACCES EBADF EFAULT ELOOP ENAMETOOLONG ENOENT ENOMEM ENOTDIR
/// EOVERFLOW
/// The access and modification times of `name` (seconds, nanoseconds).
pub fn times_of(name: CStr, nofollow: bool) -> Result<[[i64; 2]; 2]> {
    const AT_SYMLINK_NOFOLLOW: usize = 0x100;
    let mut st = MaybeUninit::<[i64; 18]>::uninit();
    // SAFETY: st is a writable struct stat; name is NUL-terminated.
    check(unsafe {
        syscall5(NEWFSTATAT, AT_FDCWD, name.addr(), st.as_mut_ptr() as usize, AT_SYMLINK_NOFOLLOW * nofollow as usize, 0)
    })?;
    // SAFETY: the call succeeded, so the kernel filled st.
    let st = unsafe { st.assume_init() };
    Ok(arch::stat_times(&st))
}

/// Errors (man 2 openat): EACCES EBADF EDQUOT EEXIST EFAULT EFBIG EINTR EINVAL EISDIR
/// ELOOP EMFILE ENAMETOOLONG ENFILE ENODEV ENOENT ENOMEM ENOSPC ENOTDIR ENXIO EOPNOTSUPP
/// EOVERFLOW EPERM EROFS ETXTBSY EAGAIN
/// openat(dir, name, flags, mode), the descriptor kept above 2.
pub fn open_at(dir: i32, name: CStr, flags: usize, mode: u32) -> Result<i32> {
    // SAFETY: name is NUL-terminated.
    let fd = check(unsafe { syscall5(OPENAT, dir as isize as usize, name.addr(), flags, mode as usize, 0) })? as i32;
    Ok(safer(fd))
}

/// Errors (man 2 getdents64): EBADF EFAULT EINVAL ENOENT ENOTDIR
/// The next entries of directory `fd` into `buf`, as `getdents`; returns
/// how many bytes it filled (0 at the end).
pub fn getdents_into(fd: i32, buf: &mut [u8]) -> Result<usize> {
    // SAFETY: the kernel writes at most buf.len() bytes into buf.
    check(unsafe { syscall5(GETDENTS64, fd as usize, buf.as_mut_ptr() as usize, buf.len(), 0, 0) })
}

/// Errors (man 2 mmap, anonymous): EAGAIN EINVAL ENFILE ENODEV ENOMEM EOVERFLOW EPERM
/// `len` bytes of address space, zeroed, read+write, backed by memory only
/// where it is touched (MAP_NORESERVE): room for a walk as deep or a
/// directory as wide as it comes.
pub fn reserve(len: usize) -> Result<&'static mut [u8]> {
    const MAP_NORESERVE: usize = 0x4000;
    // SAFETY: an anonymous private mapping touches no existing memory.
    let addr = check(unsafe { mmap6(len, 3, 0x22 | MAP_NORESERVE) })?;
    // SAFETY: the kernel mapped len writable bytes at addr, never unmapped.
    Ok(unsafe { core::slice::from_raw_parts_mut(addr as *mut u8, len) })
}

/// `n` zeroed records of eight words each, reserved as `reserve` does.
pub fn table(n: usize) -> Result<&'static mut [[u64; 8]]> {
    let mem = reserve(n * 64)?;
    // SAFETY: the mapping is page-aligned, n * 64 bytes long, zeroed, and
    // any bits are a valid u64; it is never unmapped or reached otherwise.
    Ok(unsafe { core::slice::from_raw_parts_mut(mem.as_mut_ptr() as *mut [u64; 8], n) })
}
