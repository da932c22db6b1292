//! `Errno`, the kernel's error number, and the glibc wording of the errors
//! femtobox can meet: exactly the union of the errnos listed next to the
//! wrappers in `sys.rs` (`Errors (man 2 ...)`). Pure code: the host tests
//! compile this file too, check every text against the host's `strerror`
//! and the table against that union.

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
    pub fn text(self) -> (&'static [u8], bool) {
        // One blob, entries `CODE TEXT NUL`: a few bytes per entry, no pointer
        // table. Code 0 ends it: the text for every other number.
        const TEXTS: &[u8] = b"\x01Operation not permitted\0\
\x02No such file or directory\0\
\x04Interrupted system call\0\
\x05Input/output error\0\
\x06No such device or address\0\
\x09Bad file descriptor\0\
\x0bResource temporarily unavailable\0\
\x0cCannot allocate memory\0\
\x0dPermission denied\0\
\x0eBad address\0\
\x10Device or resource busy\0\
\x11File exists\0\
\x12Invalid cross-device link\0\
\x13No such device\0\
\x14Not a directory\0\
\x15Is a directory\0\
\x16Invalid argument\0\
\x17Too many open files in system\0\
\x18Too many open files\0\
\x1aText file busy\0\
\x1bFile too large\0\
\x1cNo space left on device\0\
\x1dIllegal seek\0\
\x1eRead-only file system\0\
\x1fToo many links\0\
\x20Broken pipe\0\
\x24File name too long\0\
\x26Function not implemented\0\
\x28Too many levels of symbolic links\0\
\x4bValue too large for defined data type\0\
\x59Destination address required\0\
\x5fOperation not supported\0\
\x7aDisk quota exceeded\0\
\x00Unknown error ";
        let mut rest = TEXTS;
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
