//! What the applets that change file trees (mkdir, rmdir, rm, ln, touch)
//! share over `sys`: safe helpers, no `unsafe`.

use crate::sys::{self, CStr};
use femtobox::errno::Errno;
use core::mem::MaybeUninit;

/// openat flags.
pub const O_NONBLOCK: usize = 0o4000;
pub const O_NOCTTY: usize = 0o400;
pub use crate::arch::{O_DIRECTORY, O_NOFOLLOW};
pub const O_CLOEXEC: usize = 0o2000000;
/// gnulib's is_empty_dir opens directories this way (no symlink followed).
pub const DIR_FLAGS: usize = O_DIRECTORY | O_NOCTTY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;

/// Does directory `name` in `dir` hold anything but `.` and `..`? None
/// when it cannot be opened or read (gnulib's is_empty_dir, with its
/// errno: Some(false) is "empty", Some(true) "definitely not").
#[cold]
pub fn has_entries(dir: i32, name: CStr) -> Option<bool> {
    let fd = sys::open_at(dir, name, DIR_FLAGS, 0).ok()?;
    let mut buf = [MaybeUninit::uninit(); 1024];
    let mut found = Some(false);
    loop {
        match sys::getdents(fd, &mut buf) {
            Ok(b) if b.is_empty() => break,
            Ok(b) => {
                if sys::Dirents(b).any(|(_, n)| !dot_or_dotdot(n)) {
                    found = Some(true);
                    break;
                }
            }
            Err(_) => {
                found = None;
                break;
            }
        }
    }
    sys::close(fd);
    found
}

/// Is `name` a directory (symlinks followed)?
#[inline(always)]
pub fn is_dir(name: CStr) -> bool {
    sys::stat_at(sys::CWD, name, false).is_ok_and(|st| st.mode & 0o170000 == 0o040000)
}

/// Is `name` (NUL-ended or not) `.` or `..`?
#[inline(never)]
#[cold]
pub fn dot_or_dotdot(name: &[u8]) -> bool {
    let name = match name.split_last() {
        Some((0, head)) => head,
        _ => name,
    };
    matches!(name, b"." | b"..")
}

/// All of `fd`, in memory of its own; with `nul` ending with a NUL
/// (added when it does not).
#[inline(never)]
#[cold]
pub fn slurp(fd: i32, nul: bool) -> Result<&'static [u8], Errno> {
    let mut mem: &'static mut [u8] = &mut [];
    let mut len = 0;
    loop {
        if len == mem.len() {
            let grown = sys::alloc((mem.len() * 2).max(1 << 16))?;
            for (d, &s) in grown.iter_mut().zip(mem.iter()) {
                *d = s;
            }
            mem = grown;
        }
        let room = mem.get_mut(len..).unwrap_or_default();
        match sys::read_into(fd, room) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(Errno::EINTR) => {}
            Err(e) => return Err(e),
        }
    }
    if nul && len > 0 && mem.get(len - 1) != Some(&0) {
        if len == mem.len() {
            let grown = sys::alloc(len + 1)?;
            for (d, &s) in grown.iter_mut().zip(mem.iter()) {
                *d = s;
            }
            mem = grown;
        }
        len += 1;
    }
    let mem: &'static [u8] = mem;
    Ok(mem.get(..len).unwrap_or_default())
}

