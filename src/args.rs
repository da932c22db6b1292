//! argv and envp as zero-copy byte slices. Nothing is counted, copied or
//! checked before an applet asks: `true` must not pay for what it ignores.

use core::slice;

/// The bytes of the NUL-terminated string at `p`, NUL included.
///
/// SAFETY (for callers): `p` points at a NUL-terminated string that lives as
/// long as the process: the kernel's argv/envp strings do.
unsafe fn c_bytes(p: *const u8) -> &'static [u8] {
    let n: usize;
    // SAFETY: the string is NUL-terminated, so `repne scasb` stops at the NUL
    // having read only the string. (A plain loop becomes a call to a 300-byte
    // `strlen`; this is a few bytes.) rcx counts down from -1: -2 - rcx is
    // the length without the NUL, so !rcx is the length with it.
    unsafe {
        core::arch::asm!(
            "repne scasb",
            "not rcx",
            inout("rdi") p => _,
            inout("rcx") usize::MAX => n,
            in("al") 0u8,
            options(nostack, readonly),
        );
        slice::from_raw_parts(p, n)
    }
}

/// `s` without its last byte (a C string without its NUL).
pub fn chop(s: &[u8]) -> &[u8] {
    s.split_last().map_or(s, |(_, head)| head)
}

/// A process's argument vector: `argc` pointers to NUL-terminated strings.
#[derive(Clone, Copy)]
pub struct Args {
    /// Raw, not a slice: `set` writes the vector while copies read it.
    argv: *mut *const u8,
    len: usize,
}

impl Args {
    /// SAFETY (for callers): `argv` holds `argc` valid string pointers, in
    /// writable memory, for the life of the process (the kernel's initial
    /// stack).
    pub unsafe fn from_raw(argv: *mut *const u8, argc: usize) -> Args {
        Args { argv, len: argc }
    }

    pub fn len(self) -> usize {
        self.len
    }

    /// Entry `i` with its terminating NUL, ready for the kernel; `"\0"`
    /// past the end.
    pub fn arg_z(self, i: usize) -> &'static [u8] {
        self.get_z(i).unwrap_or(b"\0")
    }

    #[inline(never)]
    #[cold]
    fn get_z(self, i: usize) -> Option<&'static [u8]> {
        // SAFETY: entries below len are valid string pointers (see from_raw).
        (i < self.len).then(|| unsafe { c_bytes(self.argv.add(i).read()) })
    }

    /// Entry `i`; empty past the end (check `len` where that matters).
    pub fn arg(self, i: usize) -> &'static [u8] {
        chop(self.arg_z(i))
    }

    /// Entry `i`, if there is one.
    pub fn get(self, i: usize) -> Option<&'static [u8]> {
        self.get_z(i).map(chop)
    }

    /// The same vector without its first `n` entries (`femtobox APPLET ...`
    /// hands the applet `argv[1..]`).
    pub fn skip(self, n: usize) -> Args {
        let n = n.min(self.len);
        // SAFETY: n <= len, so the result stays inside (or just past) the vector.
        Args { argv: unsafe { self.argv.add(n) }, len: self.len - n }
    }

    /// Makes `arg` entry `i` (getopt style: the operands moved to the front
    /// once the options are read).
    ///
    /// SAFETY (for callers): `arg` is one of this vector's own entries (as
    /// `get`/`iter` hand them out), so it starts a NUL-terminated string that
    /// lives as long as the process.
    pub unsafe fn set(self, i: usize, arg: &'static [u8]) {
        if i < self.len {
            // SAFETY: the vector is the kernel's, on our own writable stack,
            // and i is inside it; `arg` starts a NUL-terminated entry of it
            // (the caller's promise).
            // Only this thread exists; nothing holds a reference into the
            // vector (it is only ever read through this raw pointer).
            unsafe { self.argv.add(i).write(arg.as_ptr()) }
        }
    }

    /// The first `n` entries.
    #[inline(never)]
    #[cold]
    pub fn take(self, n: usize) -> Args {
        Args { argv: self.argv, len: n.min(self.len) }
    }

    /// The entries from `from` on.
    #[cold]
    pub fn iter(self, from: usize) -> Iter {
        Iter(self.skip(from))
    }

    /// The program name for messages: argv[0] as given.
    // #[cold] lays its callers out for size (measured).
    #[cold]
    pub fn prog(self) -> &'static [u8] {
        self.arg(0)
    }
}

/// The entries of an `Args`, in order.
#[derive(Clone, Copy)]
pub struct Iter(Args);

impl Iterator for Iter {
    type Item = &'static [u8];

    #[inline(never)]
    fn next(&mut self) -> Option<&'static [u8]> {
        let first = self.0.get(0)?;
        self.0 = self.0.skip(1);
        Some(first)
    }
}

/// The environment: a NULL-terminated vector of `NAME=value` strings.
#[derive(Clone, Copy)]
pub struct Env {
    ptr: *const *const u8,
}

impl Env {
    /// SAFETY (for callers): `envp` is the kernel's NULL-terminated vector.
    pub unsafe fn from_raw(envp: *const *const u8) -> Env {
        Env { ptr: envp }
    }

    /// Is `POSIXLY_CORRECT` set (to anything)? Each entry is compared in
    /// place, byte by byte, up to its first difference: never past its NUL,
    /// which the pattern does not hold.
    pub fn posix(self) -> bool {
        const WANT: &[u8] = b"POSIXLY_CORRECT=";
        let mut p = self.ptr;
        // SAFETY: envp is NULL-terminated, so every entry up to the NULL is
        // readable; within an entry, `all` stops at the first mismatch, at
        // the latest at its NUL.
        unsafe {
            while !(*p).is_null() {
                let s = *p;
                let mut i = 0;
                if WANT.iter().all(|&w| {
                    i += 1;
                    *s.add(i - 1) == w
                }) {
                    return true;
                }
                p = p.add(1);
            }
        }
        false
    }
}
