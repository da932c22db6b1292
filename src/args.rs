//! argv and envp as zero-copy byte slices. Nothing is counted, copied or
//! checked before an applet asks: `true` must not pay for what it ignores.

use core::slice;

/// The bytes of the NUL-terminated string at `p`, NUL included.
///
/// SAFETY (for callers): `p` points at a NUL-terminated string that lives as
/// long as the process: the kernel's argv/envp strings do.
unsafe fn c_bytes(p: *const u8) -> &'static [u8] {
    // SAFETY: as the caller promised (arch::c_len reads up to the NUL).
    unsafe { slice::from_raw_parts(p, crate::arch::c_len(p)) }
}

/// `s` without its last byte (a C string without its NUL).
pub fn chop(s: &[u8]) -> &[u8] {
    s.split_last().map_or(s, |(_, head)| head)
}

/// `s` with a NUL after it, in memory of its own: an option's argument
/// (a slice of an argv entry) or a name built at run time, for the kernel.
/// The empty string when there is no memory.
pub fn with_nul(s: &[u8]) -> &'static [u8] {
    match owned(s) {
        Some(mem) => mem,
        None => b"\0",
    }
}

/// `s` and a NUL in fresh writable memory (a name to cut into prefixes).
pub fn owned(s: &[u8]) -> Option<&'static mut [u8]> {
    let mem = crate::sys::alloc(s.len() + 1).ok()?;
    for (d, &c) in mem.iter_mut().zip(s) {
        *d = c;
    }
    Some(mem)
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

    #[inline(never)]
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
    #[cold]
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

    /// The vector without entry 1 (argv[0] stays first): what GNU's head
    /// does after reading its obsolete `-NUM` option.
    pub fn without_first_operand(self) -> Args {
        if self.len < 2 {
            return self;
        }
        // SAFETY: argv[0] is an entry of this vector, and 1 < len.
        unsafe { self.set(1, self.arg_z(0)) };
        self.skip(1)
    }

    /// The first `n` entries.
    pub fn take(self, n: usize) -> Args {
        Args { argv: self.argv, len: n.min(self.len) }
    }

    /// The vector as the kernel takes it (execve's argv), if it is one:
    /// NULL-terminated (the kernel's and `Vector`'s are; a `take` is not).
    pub fn raw(self) -> Option<*const *const u8> {
        // SAFETY: entry `len` exists in a NULL-terminated vector, and in a
        // `take`n one it is the next valid entry (see from_raw).
        unsafe { self.argv.add(self.len).read().is_null() }.then_some(self.argv as *const *const u8)
    }

    /// The entries from `from` on.
    #[inline(never)]
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

impl Iter {
    /// How many entries are left.
    pub fn left(&self) -> usize {
        self.0.len
    }
}

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

    /// The entries, `NAME=value` each with its NUL, in order.
    pub fn iter(self) -> EnvIter {
        EnvIter(self.ptr)
    }

    /// The vector as the kernel takes it (execve's envp).
    pub fn raw(self) -> *const *const u8 {
        self.ptr
    }

    /// The value of variable `name` with its NUL (of the first entry that
    /// is `name=...`), as getenv finds it.
    #[inline(never)]
    #[cold]
    pub fn var(self, name: &[u8]) -> Option<&'static [u8]> {
        self.find(0, name).map(|(_, v)| v)
    }

    /// The first entry from index `from` on that is `name=...`: its index
    /// and its value with the NUL. Each entry is compared in place up to
    /// its first difference (printenv of many names over a large
    /// environment measures no string first).
    #[inline(never)]
    pub fn find(self, from: usize, name: &[u8]) -> Option<(usize, &'static [u8])> {
        let mut i = from;
        // SAFETY: the vector is NULL-terminated and `from` is at most the
        // index of its NULL (callers pass 0 or one past a found entry);
        // within an entry, bytes are read up to the first mismatch or its
        // NUL, whichever comes first, and the byte after a whole match.
        unsafe {
            loop {
                let e = self.ptr.add(i).read();
                if e.is_null() {
                    return None;
                }
                let mut k = 0;
                while name.get(k).is_some_and(|&c| c != 0 && *e.add(k) == c) {
                    k += 1;
                }
                if k == name.len() && *e.add(k) == b'=' {
                    return Some((i, c_bytes(e.add(k + 1))));
                }
                i += 1;
            }
        }
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

/// The entries of an `Env`.
pub struct EnvIter(*const *const u8);

impl Iterator for EnvIter {
    type Item = &'static [u8];

    #[inline(always)]
    fn next(&mut self) -> Option<&'static [u8]> {
        // SAFETY: the vector is NULL-terminated (Env::from_raw, or a
        // Vector's), so entries up to the NULL are strings that live for
        // ever.
        unsafe {
            let p = self.0.read();
            if p.is_null() {
                return None;
            }
            self.0 = self.0.add(1);
            Some(c_bytes(p))
        }
    }
}

/// A NULL-terminated vector of strings built at run time (an environment
/// or an argument vector for execve), in memory of its own: `cap` entries
/// and the NULL. Holds only NUL-terminated strings that live for ever.
pub struct Vector {
    ptr: *mut *const u8,
    len: usize,
    cap: usize,
}

impl Vector {
    /// Room for `cap` entries; None when there is no memory.
    #[inline(always)]
    pub fn new(cap: usize) -> Option<Vector> {
        let bytes = cap.checked_add(1)?.checked_mul(8)?;
        let mem = crate::sys::alloc(bytes).ok()?;
        // Fresh mappings are zeroed: every slot is already a NULL.
        Some(Vector { ptr: mem.as_mut_ptr() as *mut *const u8, len: 0, cap })
    }

    /// Appends `s` (with its NUL: an argv/envp entry, or a string of the
    /// box that ends in one); ignored when full or when `s` has no NUL.
    pub fn push(&mut self, s: &'static [u8]) {
        if self.len < self.cap && s.last() == Some(&0) {
            // SAFETY: len < cap, inside the mapping; s is NUL-terminated
            // and lives for ever.
            unsafe { self.ptr.add(self.len).write(s.as_ptr()) };
            self.len += 1;
        }
    }

    /// Entry `i` replaced by `s` (NUL-terminated; else ignored).
    pub fn set(&mut self, i: usize, s: &'static [u8]) {
        if i < self.len && s.last() == Some(&0) {
            // SAFETY: i < len: an entry of the mapping; s as in push.
            unsafe { self.ptr.add(i).write(s.as_ptr()) };
        }
    }

    /// Entry `i` taken out; the later ones move down.
    #[inline(never)]
    pub fn remove(&mut self, i: usize) {
        if i < self.len {
            for j in i..self.len {
                // SAFETY: j + 1 <= len <= cap: inside the mapping (slot
                // len holds the NULL).
                unsafe { self.ptr.add(j).write(self.ptr.add(j + 1).read()) };
            }
            self.len -= 1;
        }
    }

    /// The entries as an `Env` (iterable, and NULL-terminated for execve).
    #[inline(never)]
    #[cold]
    pub fn env(&self) -> Env {
        Env { ptr: self.ptr }
    }

    /// The entries as an `Args`.
    #[cold]
    pub fn args(&self) -> Args {
        Args { argv: self.ptr, len: self.len }
    }
}
