//! wc — count lines, words and bytes.
//!
//! Usage: wc [OPTION]... [FILE]... | wc [OPTION]... --files0-from=F
//! `-l` newlines, `-w` words, `-m` characters (bytes in the C locale), `-c`
//! bytes, `-L` the longest line's display width (TAB to the next multiple
//! of 8, printable bytes 1, others 0; `\r` and `\f` end a line too);
//! default `-lwc`; the columns always in that order. A word is a run of
//! printable non-space bytes; spaces (`\t \n \v \f \r ' '`) end one, other
//! bytes neither start nor end one (GNU's C-locale rules). The column
//! width is GNU's: the digits of the regular files' total size, at least 7
//! when an input is not a regular file, 1 for a single count of a single
//! input; `total` for several. `-c` alone takes a regular file's size
//! without reading it, as GNU does (its lseek quirk for page-multiple
//! sizes too). `--files0-from=F` (`-` stdin) reads NUL-separated names.
//! Lines are counted eight bytes at a time; stdout is written a line at a
//! time (GNU's line buffering), its failure is `wc: write error`.

use crate::applets::{parse, try_help};
use crate::args::{chop, with_nul, Args, Env};
use crate::io::{self, say, Msg, Stdout, STDIN};
use crate::sys::{self, CStr, Stat};
use core::mem::MaybeUninit;
use femtobox::errno::Errno;
use femtobox::getopt::Spec;
use femtobox::text::{eq, num, Sink};
use femtobox::texts::{self, entry, get};

const SPEC: Spec = Spec { short: entry(texts::WC_SHORT), long: get(texts::WC_LONG) };

const DEBUG: u8 = 3;
const FILES0: u8 = 0x10;

/// What to print: bits in column order.
const LINES: u8 = 1;
const WORDS: u8 = 2;
const CHARS: u8 = 4;
const BYTES: u8 = 8;
const LONGEST: u8 = 16;

const CHUNK: usize = 1 << 18;

/// The counts of one input (or the total): lines, words, chars, bytes,
/// longest line.
#[derive(Clone, Copy, Default)]
struct Counts([u64; 5]);

struct Wc {
    print: u8,
    width: usize,
    debug: bool,
    total: Counts,
    buf: [MaybeUninit<u8>; CHUNK],
}

pub fn main(mut args: Args, env: Env) -> u8 {
    // GNU's wc line-buffers stdout before it reads its options.
    io::line_buffered();
    let (mut print, mut debug, mut from) = (0u8, false, None);
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |c, a| {
        match c {
            DEBUG => debug = true,
            FILES0 => from = a,
            _ => print |= [LINES, WORDS, CHARS, BYTES, LONGEST][b"lwmcL".iter().position(|&x| x == c).unwrap_or(0)],
        }
        Ok(())
    }) {
        return status;
    }
    if print == 0 {
        print = LINES | WORDS | BYTES;
    }
    let mut wc = Wc { print, width: 1, debug, total: Counts::default(), buf: [MaybeUninit::uninit(); CHUNK] };
    let mut ok = true;
    // The names: the operands, or F's NUL-separated list.
    let (names, streamed): (&[u8], bool) = match from {
        None => (b"", false),
        Some(_) if args.len() > 1 => {
            Msg::new().fill(texts::EXTRA_OPERAND_AF, args.arg(1), 0).send();
            Msg::bare().fill(texts::NO_FILES0_OPERANDS, b"", 0).send();
            return try_help(1);
        }
        Some(f) => {
            let fd = if eq(f, b"-") {
                STDIN
            } else {
                match sys::open(CStr::new(with_nul(f))) {
                    Ok(fd) => fd,
                    Err(e) => {
                        Msg::new().fill(texts::CANNOT_OPEN, f, 0).fill(texts::FOR_READING, b"", e.0 as u32).send();
                        return 1;
                    }
                }
            };
            // GNU reads a small regular list first (and sizes the columns
            // from its files); any other a name at a time.
            let regular = sys::fstat(fd).is_ok_and(|s| s.is_reg() && s.size <= 10 << 20);
            match crate::fs::slurp(fd, true) {
                Ok(list) => (list, !regular),
                Err(e) => {
                    Msg::new().fill(texts::NAME_READ_ERROR, f, e.0 as u32).send();
                    return 1;
                }
            }
        }
    };
    // Each name with its NUL (slurp ends the list with one).
    let list = |k: usize| Names(names).take(k);
    let count = if from.is_some() { Names(names).count() } else { args.len() - 1 };
    let single = (print & (print - 1)) == 0;
    // Column width: from the inputs' sizes, before any is read.
    if !(from.is_some() && streamed) && !(count <= 1 && single) {
        let (mut size, mut min) = (0u64, 1);
        let mut each = |st: Option<Stat>| {
            if let Some(st) = st {
                if st.is_reg() {
                    size += st.size as u64;
                } else {
                    min = 7;
                }
            }
        };
        match from {
            Some(_) => list(count).for_each(|n| each(stat_name(n))),
            None if count == 0 => each(sys::fstat(STDIN).ok()),
            None => (1..=count).for_each(|i| each(stat_name(args.arg_z(i)))),
        }
        let mut digits = 1;
        while size >= 10 {
            (size, digits) = (size / 10, digits + 1);
        }
        wc.width = digits.max(min);
    }
    let mut stdin = false;
    // `name_z`: a name with its NUL.
    let mut handle = |wc: &mut Wc, name_z: &'static [u8], number: usize| -> bool {
        let name = chop(name_z);
        let from_stdin = from.is_some_and(|f| eq(f, b"-"));
        if from_stdin && eq(name, b"-") {
            Msg::new().fill(texts::NO_DASH_FROM_STDIN, b"", 0).send();
            return false;
        }
        if name.is_empty() {
            let mut m = Msg::new();
            if let Some(f) = from {
                m.fill(texts::NAME_COLON, f, 0);
                num(&mut m, number as u64, 0);
                m.put(b": ");
            }
            m.fill(texts::ZERO_LENGTH, b"", 0).send();
            return false;
        }
        if eq(name, b"-") {
            stdin = true;
            return wc.input(STDIN, Some(name), -1);
        }
        match sys::open(CStr::new(name_z)) {
            Ok(fd) => {
                let ok = wc.input(fd, Some(name), 0);
                if let Some(e) = sys::close(fd) {
                    say(texts::NAME_ERROR, name, e.0 as u32);
                    return false;
                }
                ok
            }
            Err(e) => {
                say(texts::NAME_ERROR, name, e.0 as u32);
                false
            }
        }
    };
    match from {
        Some(_) => {
            for (i, name) in list(count).enumerate() {
                ok &= handle(&mut wc, name, i + 1);
            }
        }
        None if count == 0 => {
            stdin = true;
            ok &= wc.input(STDIN, None, -1);
        }
        None => {
            for i in 1..=count {
                ok &= handle(&mut wc, args.arg_z(i), i);
            }
        }
    }
    if count > 1 {
        let total = wc.total;
        wc.line(total, Some(entry(texts::TOTAL)));
    }
    if stdin {
        if let Some(e) = sys::close(STDIN) {
            say(texts::RAW_ERROR, b"-", e.0 as u32);
            return 1;
        }
    }
    io::finish() | !ok as u8
}

/// The names of a NUL-ended list, each with its NUL.
struct Names(&'static [u8]);

impl Iterator for Names {
    type Item = &'static [u8];

    fn next(&mut self) -> Option<&'static [u8]> {
        let end = self.0.iter().position(|&c| c == 0)?;
        let (name, rest) = self.0.split_at_checked(end + 1)?;
        self.0 = rest;
        Some(name)
    }
}

/// The status of a name (with its NUL; `-` is stdin).
#[inline(always)]
fn stat_name(name_z: &[u8]) -> Option<Stat> {
    if eq(name_z, b"-\0") {
        sys::fstat(STDIN).ok()
    } else {
        sys::stat_at(sys::CWD, CStr::new(name_z), false).ok()
    }
}

impl Wc {
    /// Counts one input and prints its line; false if reading failed.
    fn input(&mut self, fd: i32, name: Option<&[u8]>, pos: i64) -> bool {
        let shown = name.unwrap_or(entry(texts::STANDARD_INPUT));
        let mut c = Counts::default();
        let mut ok = true;
        let only_bytes = self.print & (LINES | WORDS | LONGEST) == 0;
        let fail = |e: Errno| {
            say(texts::NAME_ERROR, shown, e.0 as u32);
        };
        if only_bytes {
            let (bytes, read_rest) = sized(fd, pos);
            c.0[3] = bytes;
            if read_rest {
                loop {
                    match sys::read(fd, &mut self.buf) {
                        Ok(d) if d.is_empty() => break,
                        Ok(d) => c.0[3] += d.len() as u64,
                        Err(e) => {
                            fail(e);
                            ok = false;
                            break;
                        }
                    }
                }
            }
        } else {
            if self.debug && self.print & (WORDS | LONGEST) == 0 {
                // GNU's words, and as true here: the lines loop is AVX2's
                // when the CPU has it.
                say(if crate::arch::simd::available() { texts::USING_AVX2 } else { texts::NO_AVX2 }, b"", 0);
            }
            let (mut word, mut pos) = (false, 0u64);
            loop {
                let data = match sys::read(fd, &mut self.buf) {
                    Ok(d) if d.is_empty() => break,
                    Ok(d) => d,
                    Err(e) => {
                        fail(e);
                        ok = false;
                        break;
                    }
                };
                c.0[3] += data.len() as u64;
                if self.print & (WORDS | LONGEST) == 0 {
                    c.0[0] += crate::arch::simd::newlines(data, newlines);
                } else if self.print & LONGEST == 0 {
                    words(data, &mut c, &mut word);
                } else {
                    widths(data, &mut c, &mut word, &mut pos);
                }
            }
            c.0[4] = c.0[4].max(pos);
            c.0[1] += word as u64;
        }
        c.0[2] = c.0[3];
        for i in 0..4 {
            self.total.0[i] += c.0[i];
        }
        self.total.0[4] = self.total.0[4].max(c.0[4]);
        self.line(c, name);
        ok
    }

    /// One output line: the counts asked for, in order, right-aligned in
    /// `width` columns and separated by a space, then the name (quoted
    /// only when it holds a newline).
    fn line(&mut self, c: Counts, name: Option<&[u8]>) {
        let mut first = true;
        for (i, &v) in c.0.iter().enumerate() {
            if self.print >> i & 1 != 0 {
                if !first {
                    Stdout.byte(b' ');
                }
                first = false;
                num(&mut Stdout, v, self.width);
            }
        }
        if let Some(name) = name {
            Stdout.byte(b' ');
            if name.iter().any(|&c| c == b'\n') {
                femtobox::text::quote(&mut Stdout, name);
            } else {
                Stdout.put(name);
            }
        }
        Stdout.byte(b'\n');
        let _ = io::flush();
    }
}

/// `-c` alone, GNU's way: a regular file's size less the offset, without
/// reading, unless the size is a multiple of the page size (a /proc file
/// may say 0 or 4096): then up to a block before the end is taken from
/// the size (moving the offset by lseek SEEK_CUR, as GNU does) and the
/// rest read. Returns the bytes known and whether to read the rest.
fn sized(fd: i32, pos: i64) -> (u64, bool) {
    let Ok(st) = sys::fstat(fd) else { return (0, true) };
    if !st.is_reg() || st.size < 0 {
        return (0, true);
    }
    let end = st.size as u64;
    let pos = if pos < 0 { sys::tell(fd).map_or(-1, |p| p as i64) } else { pos };
    if end % 4096 != 0 {
        return (if pos < 0 { end } else { end.saturating_sub(pos as u64) }, false);
    }
    let hi = end - end.checked_rem(st.blksize.wrapping_add(1)).unwrap_or(0);
    if pos >= 0 && (pos as u64) < hi && sys::seek(fd, hi as i64, 1).is_ok() {
        return (hi - pos as u64, true);
    }
    (0, true)
}

/// The newlines in `data`, eight bytes at a time: a byte that is `\n`
/// becomes 0 under the XOR, and the bit trick finds the zero bytes
/// exactly (no carry between bytes), summed per byte lane, four words a
/// step.
fn newlines(data: &[u8]) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let zeros = |w: &[u8]| {
        let x = u64::from_le_bytes(w.try_into().unwrap_or([0; 8])) ^ (ONES * b'\n' as u64);
        !(((x & LOW7) + LOW7) | x | LOW7) >> 7
    };
    let mut n = 0u64;
    let mut blocks = data.chunks_exact(32 * 255);
    for block in &mut blocks {
        // Up to 255 per lane before a byte could overflow.
        let mut lanes = [0u64; 4];
        for w in block.chunks_exact(32) {
            for (l, q) in lanes.iter_mut().zip(w.chunks_exact(8)) {
                *l += zeros(q);
            }
        }
        n += lanes.iter().map(|&l| sum(l)).sum::<u64>();
    }
    let rest = blocks.remainder();
    let mut words = rest.chunks_exact(8);
    for part in rest.chunks(8 * 255) {
        let mut lanes = 0u64;
        for w in part.chunks_exact(8) {
            lanes += zeros(w);
        }
        n += sum(lanes);
    }
    let _ = &mut words;
    n + words.remainder().iter().filter(|&&c| c == b'\n').count() as u64
}

/// The sum of the eight byte lanes of `lanes` (each up to 255): pairs
/// first, so no partial sum overflows its lane.
#[inline(never)]
fn sum(lanes: u64) -> u64 {
    const LOW: u64 = 0x00ff_00ff_00ff_00ff;
    let pairs = (lanes & LOW) + (lanes >> 8 & LOW);
    pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48
}

/// Lines and words (no widths): spaces end a word, printable bytes make
/// one, other bytes do neither.
#[inline(never)]
fn words(data: &[u8], c: &mut Counts, word: &mut bool) {
    let (mut lines, mut words, mut w) = (0u64, 0u64, *word);
    for &b in data {
        let space = b == b' ' || b.wrapping_sub(9) < 5;
        let print = b.wrapping_sub(0x21) < 0x5e;
        lines += (b == b'\n') as u64;
        words += (w & space) as u64;
        w = (w & !space) | print;
    }
    (c.0[0], c.0[1], *word) = (c.0[0] + lines, c.0[1] + words, w);
}

/// Lines, words and the longest line's width.
fn widths(data: &[u8], c: &mut Counts, word: &mut bool, pos: &mut u64) {
    for &b in data {
        match b {
            b'\n' | b'\r' | 0x0c => {
                c.0[0] += (b == b'\n') as u64;
                c.0[4] = c.0[4].max(*pos);
                *pos = 0;
            }
            b'\t' => *pos += 8 - *pos % 8,
            b' ' => *pos += 1,
            0x21..=0x7e => {
                *pos += 1;
                *word = true;
                continue;
            }
            0x0b => {}
            _ => continue,
        }
        c.0[1] += *word as u64;
        *word = false;
    }
}
