//! `Errno`, the kernel's error number, and its glibc wording (the texts are
//! `texts::ERRNO`: exactly the union of the errnos listed next to the
//! wrappers in `sys.rs`, `Errors (man 2 ...)`). Pure code: the host tests
//! check every text against the host's `strerror` and the table against
//! that union.

/// An error number as the kernel returns it (positive).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct Errno(pub u16);

pub type Result<T> = core::result::Result<T, Errno>;

impl Errno {
    pub const EINTR: Errno = Errno(4);
    pub const EAGAIN: Errno = Errno(11);
    pub const EINVAL: Errno = Errno(22);
    pub const ENOSYS: Errno = Errno(38);
    pub const ENOSPC: Errno = Errno(28);
    pub const ENAMETOOLONG: Errno = Errno(36);

    /// The glibc `strerror` text and true; or, for a number we carry no
    /// text for, `Unknown error ` (the caller adds the number) and false.
    #[cold]
    pub fn text(self) -> (&'static [u8], bool) {
        // Entries `CODE TEXT NUL` (texts::ERRNO); code 0 ends them: the
        // text for every other number.
        let mut rest = crate::texts::get(crate::texts::ERRNO);
        while let Some((&code, tail)) = rest.split_first() {
            let len = tail.iter().position(|&b| b == 0).unwrap_or(tail.len());
            let (text, next) = tail.split_at_checked(len).unwrap_or_default();
            if code == 0 || code as u16 == self.0 {
                return (text, code != 0);
            }
            rest = next.get(1..).unwrap_or_default();
        }
        (b"", false)
    }
}

/// Writes errno text `text` (from `Errno::text`), its shared words spelled
/// out (see `texts::ERRNO`).
#[inline(never)]
pub fn spell(out: &mut impl crate::text::Sink, text: &[u8]) {
    for &c in text {
        if c >= 0x20 {
            out.byte(c);
            continue;
        }
        // Word c: the bytes after the (c-1)th NUL of the list.
        let mut k = 1;
        for &w in crate::texts::get(crate::texts::ERRNO_WORDS) {
            if w == 0 {
                k += 1;
                if k > c {
                    break;
                }
            } else if k == c {
                out.byte(w);
            }
        }
    }
}
