//! head — output the first part of files.
//!
//! Usage: head [OPTION]... [FILE]...
//! `-n [-]NUM` lines (10 by default), `-c [-]NUM` bytes; with `-` all but
//! the last NUM. NUM as GNU's xdectoumax reads it, with `b kB K KiB MB M
//! ... Y` multipliers; garbage is `invalid number of lines: 'X'`, too large
//! adds `: Value too large for defined data type`. The obsolete `-NUM`
//! first argument, with letters `c b k m l q v z` after it. `-q`, `-v`:
//! `==> NAME <==` headers (on by default for several files; a blank line
//! between; `standard input` for `-`); `-z`: NUL ends lines. A file that
//! cannot be read is reported and the rest go on (status 1).
//!
//! Reading stops as soon as the output is complete, and a seekable input
//! is left just after what was printed. All but the last N: of a large
//! regular file by its size (bytes) or a backward scan (lines); of
//! anything else by a ring buffer holding the last N bytes (or the bytes
//! of the last N lines) and one read. The bytes themselves are copied by
//! the kernel where it can (`copy_file_range`, `splice`, `sendfile`).
//! Output failures are reported as GNU's stdio would notice them: when a
//! 4096-byte buffer could not take the data, `error writing 'standard
//! output': ...` and head stops; else at the end, `write error: ...`.

use crate::applets::{parse, try_help};
use crate::args::{Args, Env};
use crate::io::{self, say, write_all, Msg, STDIN, STDOUT};
use crate::sys::{self, CStr, Copy};
use core::mem::MaybeUninit;
use femtobox::errno::{Errno, Result};
use femtobox::getopt::Spec;
use femtobox::num::scaled;
use femtobox::text::{eq, num};
use femtobox::text::Sink;
use femtobox::texts::{self, entry, get};

const SPEC: Spec = Spec { short: entry(texts::HEAD_SHORT), long: get(texts::HEAD_LONG) };

/// What reads and writes go through.
const CHUNK: usize = 1 << 16;

/// glibc's stdout buffer (st_blksize of the usual outputs).
const STDIO: usize = 4096;

/// The value of `---presume-input-pipe`.
const PRESUME_PIPE: u8 = 3;

/// stdout as glibc's stdio treats it: a 4096-byte buffer, data that does
/// not fit written at once in whole blocks. Only the failure it reports
/// (and when) is the point: the bytes are the same either way.
struct Stdio {
    buf: [u8; STDIO],
    len: usize,
    /// glibc allocates the buffer at the first write that overflows it.
    ready: bool,
    /// A flush before a message failed (stdio's error flag).
    lost: bool,
}

impl Stdio {
    /// fwrite: Err once a write failed (GNU: `error writing ...`, exit).
    fn write(&mut self, data: &[u8]) -> Result<()> {
        let room = if self.ready { STDIO - self.len } else { 0 };
        let (now, rest) = data.split_at(room.min(data.len()));
        self.keep(now);
        if rest.is_empty() {
            return Ok(());
        }
        self.flush()?;
        self.ready = true;
        let whole = rest.len() - rest.len() % STDIO;
        let (direct, tail) = rest.split_at(whole);
        write_all(STDOUT, direct)?;
        self.keep(tail);
        Ok(())
    }

    #[inline(never)]
    #[cold]
    fn keep(&mut self, s: &[u8]) {
        for (d, &c) in self.buf.iter_mut().skip(self.len).zip(s) {
            *d = c;
        }
        self.len += s.len();
    }

    /// What gnulib's error() does first: stdout flushed, so a message
    /// comes after what was printed before it.
    #[cold]
    fn before_message(&mut self) {
        self.lost |= self.flush().is_err();
    }

    /// Writes out what is buffered.
    #[inline(never)]
    #[cold]
    fn flush(&mut self) -> Result<()> {
        let pending = self.buf.get(..self.len).unwrap_or_default();
        self.len = 0;
        write_all(STDOUT, pending)
    }
}

/// One input: its descriptor and name for messages.
struct Input<'a> {
    fd: i32,
    name: &'a [u8],
}

/// What went wrong: a read (reported against the file, head goes on) or
/// stdout (head stops).
enum Fail {
    Read(Errno),
    Write(Errno),
    /// fstat of the input failed (`cannot fstat NAME`).
    Stat(Errno),
    /// Said already: the file failed.
    Reported,
}

type Done = core::result::Result<(), Fail>;

pub fn main(mut args: Args, env: Env) -> u8 {
    let (mut lines, mut elide, mut n, mut headers, mut end) = (true, false, 10u64, 1u8, b'\n');
    let mut presume_pipe = false;
    // The obsolete form: `-NUM` then letters, as the first argument.
    let first = args.arg(1);
    if args.len() > 1 && first.first() == Some(&b'-') && first.get(1).is_some_and(u8::is_ascii_digit) {
        let digits = first.iter().skip(1).take_while(|c| c.is_ascii_digit()).count();
        let mut unit = None;
        for &c in first.iter().skip(1 + digits) {
            match c {
                b'c' => (lines, unit) = (false, None),
                b'b' | b'k' | b'm' => (lines, unit) = (false, Some(c)),
                b'l' => lines = true,
                b'q' => headers = 0,
                b'v' => headers = 2,
                b'z' => end = 0,
                _ => {
                    Msg::new().fill(texts::TRAILING, &[c], 0).send();
                    return try_help(1);
                }
            }
        }
        let mut number = [0u8; 32];
        let digits_s = first.get(1..1 + digits).unwrap_or_default();
        let len = digits_s.len().min(31);
        for (d, &c) in number.iter_mut().zip(digits_s.iter().chain(unit.as_slice())) {
            *d = c;
        }
        let number = number.get(..len + unit.is_some() as usize).unwrap_or_default();
        match count(lines, number) {
            Ok(v) => n = v,
            Err(status) => return status,
        }
        args = args.without_first_operand();
    }
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |c, a| {
        match c {
            b'c' | b'n' => {
                lines = c == b'n';
                let a = a.unwrap_or_default();
                elide = a.first() == Some(&b'-');
                n = count(lines, a.get(elide as usize..).unwrap_or_default())?;
            }
            b'q' => headers = 0,
            b'v' => headers = 2,
            b'z' => end = 0,
            PRESUME_PIPE => presume_pipe = true,
            _ => {
                // A digit: GNU's getopt string takes them, head refuses.
                Msg::new().fill(texts::TRAILING, &[c], 0).send();
                return Err(try_help(1));
            }
        }
        Ok(())
    }) {
        return status;
    }
    if !lines && elide && n > i64::MAX as u64 {
        let mut m = Msg::new();
        m.fill(texts::INVALID_BYTES, b"", 0).fill(texts::QUOTE_OPEN, b"", 0);
        num(&mut m, n, 0);
        m.fill(texts::QUOTE_ERROR_END, b"", 75).send();
        return 1;
    }
    let operands = args.len() - 1;
    let show = headers == 2 || headers == 1 && operands > 1;
    let mut out = Stdio { buf: [0; STDIO], len: 0, ready: false, lost: false };
    let mut buf = [MaybeUninit::uninit(); CHUNK];
    let (mut ok, mut stdin, mut first_header) = (true, false, true);
    for i in 1..=operands.max(1) {
        let arg = if operands == 0 { b"-\0" as &[u8] } else { args.arg_z(i) };
        let is_stdin = eq(arg, b"-\0");
        let input = if is_stdin {
            stdin = true;
            Input { fd: STDIN, name: entry(texts::STANDARD_INPUT) }
        } else {
            match sys::open(CStr::new(arg)) {
                Ok(fd) => Input { fd, name: crate::args::chop(arg) },
                Err(e) => {
                    out.before_message();
                    Msg::new().fill(texts::CANNOT_OPEN, crate::args::chop(arg), 0).fill(texts::FOR_READING, b"", e.0 as u32).send();
                    ok = false;
                    continue;
                }
            }
        };
        if show {
            let header = header_bytes(first_header, input.name);
            first_header = false;
            if let Err(e) = header.iter().try_for_each(|part| out.write(part)) {
                return write_failed(e);
            }
        }
        let done = if elide {
            tail_off(&input, n, lines, end, presume_pipe, &mut out, &mut buf)
        } else if lines {
            head_lines(&input, n, end, &mut out, &mut buf)
        } else {
            head_bytes(&input, n, &mut out, &mut buf)
        };
        match done {
            Ok(()) => {}
            Err(Fail::Write(e)) => return write_failed(e),
            Err(Fail::Read(e)) => {
                out.before_message();
                say(texts::ERROR_READING, input.name, e.0 as u32);
                ok = false;
            }
            Err(Fail::Stat(e)) => {
                out.before_message();
                say(texts::CANNOT_FSTAT, input.name, e.0 as u32);
                ok = false;
            }
            Err(Fail::Reported) => ok = false,
        }
        if !is_stdin {
            if let Some(e) = sys::close(input.fd) {
                out.before_message();
                say(texts::FAILED_TO_CLOSE, input.name, e.0 as u32);
                ok = false;
            }
        }
    }
    if let Err(e) = out.flush() {
        return io::write_failed(e);
    }
    if out.lost {
        return io::lost_stdout();
    }
    if stdin {
        if let Some(e) = sys::close(STDIN) {
            say(texts::RAW_ERROR, b"-", e.0 as u32);
            return 1;
        }
    }
    io::finish() | !ok as u8
}

/// The pieces of printf("%s==> %s <==\n").
#[inline(never)]
fn header_bytes<'a>(first: bool, name: &'a [u8]) -> [&'a [u8]; 3] {
    let lead: &[u8] = if first { b"==> " } else { b"\n==> " };
    [lead, name, b" <==\n"]
}

/// `error writing 'standard output': E`; status 1.
#[cold]
fn write_failed(e: Errno) -> u8 {
    say(texts::ERROR_WRITING, b"", e.0 as u32);
    1
}

/// A count as head reads it, or GNU's message and status 1.
fn count(lines: bool, s: &[u8]) -> core::result::Result<u64, u8> {
    scaled(s, b"bkKmMGTPEZY0").map_err(|overflow| {
        let mut m = Msg::new();
        m.fill(if lines { texts::INVALID_LINES } else { texts::INVALID_BYTES }, b"", 0).fill(texts::QUOTED, s, 0);
        if overflow {
            m.fill(texts::RAW_ERROR, b"", 75);
        }
        m.send();
        1
    })
}

/// Reads into `buf`, at most `max` bytes.
#[inline(always)]
fn read<'b>(fd: i32, buf: &'b mut [MaybeUninit<u8>; CHUNK], max: usize) -> core::result::Result<&'b [u8], Fail> {
    let room = buf.get_mut(..max.min(CHUNK)).unwrap_or_default();
    sys::read(fd, room).map_err(Fail::Read)
}

/// Copies `n` bytes (fewer at the end of the input) from `fd` to stdout,
/// by the kernel where it can: the input is left just after them.
fn copy(fd: i32, mut n: u64, out: &mut Stdio, buf: &mut [MaybeUninit<u8>; CHUNK]) -> Done {
    // Large copies: what is buffered goes first, then the kernel moves the
    // bytes (glibc would have written directly too, so a failure is
    // reported the same way).
    let how = match (sys::fstat(fd), sys::fstat(STDOUT)) {
        (Ok(i), Ok(o)) if n >= 2 * STDIO as u64 => match () {
            _ if i.is_fifo() || o.is_fifo() => Some(Copy::Splice),
            _ if i.is_reg() && o.is_reg() => Some(Copy::Range),
            _ if i.is_reg() => Some(Copy::Sendfile),
            _ => None,
        },
        _ => None,
    };
    if let Some(how) = how {
        out.flush().map_err(Fail::Write)?;
        out.ready = true;
        if how == Copy::Splice && n > 16 << 20 {
            // A larger pipe: fewer trips through the kernel. (Only for
            // large counts: a pipe that holds all of the output would let
            // head finish before a reader that leaves early, where GNU,
            // writing into the usual 64 KiB, dies of SIGPIPE.)
            sys::grow_pipe(STDOUT, 1 << 20);
        }
        while n > 0 {
            match sys::copy(how, fd, STDOUT, n.min(1 << 30) as usize) {
                Ok(0) => return Ok(()),
                Ok(k) => n -= k as u64,
                Err(Errno::EINTR) => {}
                Err(Errno::EAGAIN) => sys::poll_out(STDOUT),
                // Not for these descriptors after all: the plain way.
                Err(Errno(22 | 38 | 18 | 95 | 29)) => break,
                Err(e) => {
                    // Which side failed? A read error is the input's.
                    return Err(if sys::fstat(fd).is_err() { Fail::Read(e) } else { Fail::Write(e) });
                }
            }
        }
    }
    while n > 0 {
        let data = read(fd, buf, n.min(CHUNK as u64) as usize)?;
        if data.is_empty() {
            break;
        }
        n -= data.len() as u64;
        out.write(data).map_err(Fail::Write)?;
    }
    Ok(())
}

fn head_bytes(input: &Input, n: u64, out: &mut Stdio, buf: &mut [MaybeUninit<u8>; CHUNK]) -> Done {
    copy(input.fd, n, out, buf)
}

/// The first `n` lines; a seekable input is put back just after them.
fn head_lines(input: &Input, mut n: u64, end: u8, out: &mut Stdio, buf: &mut [MaybeUninit<u8>; CHUNK]) -> Done {
    while n > 0 {
        let data = read(input.fd, buf, CHUNK)?;
        if data.is_empty() {
            break;
        }
        let mut take = data.len();
        for (i, &c) in data.iter().enumerate() {
            if c == end {
                n -= 1;
                if n == 0 {
                    take = i + 1;
                    break;
                }
            }
        }
        out.write(data.get(..take).unwrap_or_default()).map_err(Fail::Write)?;
        if n == 0 {
            let back = (data.len() - take) as i64;
            if back > 0 {
                if let Err(e) = sys::seek(input.fd, -back, 1) {
                    if sys::fstat(input.fd).is_ok_and(|s| s.is_reg()) {
                        seek_failed(input, true, -back, e, out);
                    }
                }
            }
        }
    }
    Ok(())
}

/// All but the last `n` lines or bytes.
#[inline(never)]
fn tail_off(
    input: &Input,
    n: u64,
    lines: bool,
    end: u8,
    presume_pipe: bool,
    out: &mut Stdio,
    buf: &mut [MaybeUninit<u8>; CHUNK],
) -> Done {
    let st = sys::fstat(input.fd).map_err(Fail::Stat)?;
    // GNU: a regular file larger than a block, at a known offset, is
    // worked out from its size; anything else is read through.
    let pos = if !presume_pipe && st.is_reg() { sys::tell(input.fd).ok() } else { None };
    let size = st.size.max(0) as u64;
    match pos {
        Some(pos) if size > STDIO as u64 => {
            let pos = pos as u64;
            let left = size.saturating_sub(pos);
            if !lines {
                return if left > n { copy(input.fd, left - n, out, buf) } else { Ok(()) };
            }
            if left == 0 {
                return Ok(());
            }
            back_scan(input, n, end, pos, size, out, buf)
        }
        _ => ring(input, n, lines, end, pos, out),
    }
}

/// `-n -N` of a large regular file: where the cut is, found reading
/// blocks from the end; then the copy up to it. (Not enough lines: GNU
/// leaves the offset after the last block it read, one at `pos`.)
fn back_scan(input: &Input, n: u64, end: u8, pos: u64, size: u64, out: &mut Stdio, buf: &mut [MaybeUninit<u8>; CHUNK]) -> Done {
    const BLOCK: u64 = 8192;
    let fd = input.fd;
    // The line ends to pass: a last line without one counts as a line.
    let mut want = n;
    let mut at = size;
    let mut first = true;
    let mut block = [0u8; BLOCK as usize];
    let cut = loop {
        let len = if first { match (at - pos) % BLOCK { 0 => BLOCK, r => r } } else { BLOCK.min(at - pos) };
        at -= len;
        seek_to(input, at, out)?;
        // The whole block, into memory of its own (initialised: a read may
        // come short and the rest is never looked at).
        let mut got = 0;
        while got < len as usize {
            let room = block.get_mut(got..len as usize).unwrap_or_default();
            match sys::read_into(fd, room) {
                Ok(0) => break,
                Ok(k) => got += k,
                Err(Errno::EINTR) => {}
                Err(e) => return Err(Fail::Read(e)),
            }
        }
        let block = block.get(..got).unwrap_or_default();
        if first && n > 0 && block.last().is_some_and(|&c| c != end) {
            want -= 1;
        }
        first = false;
        let mut found = None;
        for (i, &c) in block.iter().enumerate().rev() {
            if n == 0 {
                // -n -0: everything.
                break;
            }
            if c == end {
                if want == 0 {
                    found = Some(at + i as u64 + 1);
                    break;
                }
                want -= 1;
            }
        }
        if n == 0 {
            break Some(size);
        }
        if let Some(cut) = found {
            break Some(cut);
        }
        if at == pos {
            break None;
        }
    };
    let Some(cut) = cut else { return Ok(()) };
    seek_to(input, pos, out)?;
    copy(fd, cut - pos, out, buf)
}

fn seek_to(input: &Input, at: u64, out: &mut Stdio) -> Done {
    match sys::seek(input.fd, at as i64, 0) {
        Ok(_) => Ok(()),
        Err(e) => {
            seek_failed(input, false, at as i64, e, out);
            Err(Fail::Reported)
        }
    }
}

/// `NAME: cannot seek to [relative ]offset N: E`.
#[cold]
fn seek_failed(input: &Input, relative: bool, off: i64, e: Errno, out: &mut Stdio) {
    out.before_message();
    let mut m = Msg::new();
    m.fill(if relative { texts::SEEK_RELATIVE } else { texts::SEEK_TO }, input.name, 0);
    if off < 0 {
        m.put(b"-");
    }
    num(&mut m, off.unsigned_abs(), 0);
    m.fill(texts::RAW_ERROR, b"", e.0 as u32).send();
}

/// All but the last `n` bytes (or lines) of a stream: a ring buffer holds
/// the last `n` bytes (or the bytes of the last `n` lines) and a read;
/// what falls out of it is output. Memory: n + 64 KiB for bytes, the
/// last n lines for lines. A seekable input is put back after the output.
fn ring(input: &Input, n: u64, lines: bool, end: u8, pos: Option<usize>, out: &mut Stdio) -> Done {
    let mut r = Ring::new(if lines { CHUNK as u64 } else { n + CHUNK as u64 });
    let mut printed = 0u64;
    // Line ends held (lines mode).
    let mut ends = 0u64;
    loop {
        let got = r.fill(input.fd)?;
        if got.is_empty() {
            break;
        }
        if lines {
            ends += got.iter().filter(|&&c| c == end).count() as u64;
            // A line is safe to print when n more line ends follow it.
            while ends > n {
                let k = r.until(end);
                printed += r.emit(k, out)?;
                ends -= 1;
            }
        } else if r.len() > n {
            printed += r.emit((r.len() - n) as usize, out)?;
        }
    }
    if lines {
        // A last line without its end is a line too.
        let partial = r.len() > 0 && r.last() != Some(end);
        let mut held = ends + partial as u64;
        while held > n {
            let k = r.until(end);
            printed += r.emit(k, out)?;
            held -= 1;
        }
    }
    if let Some(pos) = pos {
        seek_to(input, pos as u64 + printed, out)?;
    }
    Ok(())
}

/// A growable ring of bytes, in memory of its own.
struct Ring {
    mem: &'static mut [u8],
    start: usize,
    len: usize,
    cap_max: u64,
}

impl Ring {
    #[inline(never)]
    fn new(cap_max: u64) -> Ring {
        Ring { mem: &mut [], start: 0, len: 0, cap_max }
    }

    fn len(&self) -> u64 {
        self.len as u64
    }

    #[inline(never)]
    fn at(&self, i: usize) -> u8 {
        let cap = self.mem.len();
        self.mem.get((self.start + i) % cap.max(1)).copied().unwrap_or(0)
    }

    fn last(&self) -> Option<u8> {
        self.len.checked_sub(1).map(|i| self.at(i))
    }

    /// The length of the first line held (to its end, inclusive).
    #[inline(never)]
    #[cold]
    fn until(&self, end: u8) -> usize {
        (0..self.len).find(|&i| self.at(i) == end).map_or(self.len, |i| i + 1)
    }

    /// Reads into the free space after what is held (growing it first when
    /// a whole read does not fit); returns what was read.
    #[inline(always)]
    fn fill(&mut self, fd: i32) -> core::result::Result<&[u8], Fail> {
        let cap = self.mem.len();
        if cap - self.len < CHUNK {
            let grown = (cap * 2).max(4 * CHUNK).min(self.cap_max.max(CHUNK as u64) as usize + CHUNK).max(self.len + CHUNK);
            let mem = sys::alloc(grown).map_err(Fail::Read)?;
            for (i, d) in mem.iter_mut().take(self.len).enumerate() {
                *d = self.at(i);
            }
            (self.mem, self.start) = (mem, 0);
        }
        let cap = self.mem.len();
        let tail = (self.start + self.len) % cap.max(1);
        // Read into the contiguous free run after the held bytes.
        let run = if tail >= self.start { cap - tail } else { self.start - tail };
        let room = run.min(cap - self.len).min(CHUNK);
        let dst = self.mem.get_mut(tail..tail + room).unwrap_or_default();
        let n = loop {
            match sys::read_into(fd, dst) {
                Err(Errno::EINTR) => {}
                r => break r.map_err(Fail::Read)?,
            }
        };
        self.len += n;
        Ok(self.mem.get(tail..tail + n).unwrap_or_default())
    }

    /// Writes out and drops the first `k` bytes held; returns k.
    fn emit(&mut self, k: usize, out: &mut Stdio) -> core::result::Result<u64, Fail> {
        let cap = self.mem.len();
        let first = k.min(cap - self.start);
        out.write(self.mem.get(self.start..self.start + first).unwrap_or_default()).map_err(Fail::Write)?;
        out.write(self.mem.get(..k - first).unwrap_or_default()).map_err(Fail::Write)?;
        self.start = (self.start + k) % cap.max(1);
        self.len -= k;
        Ok(k as u64)
    }
}
