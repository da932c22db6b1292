//! cat's formatting options as a byte-at-a-time state machine whose state
//! carries across reads and operands, so the output is the same however the
//! input is chunked (GNU coreutils 9.1, `src/cat.c`, function `cat`).

use crate::text::{num, Sink};

/// The formatting flags, as GNU's option letters.
pub const NUMBER: u8 = 1; // -n
pub const NONBLANK: u8 = 2; // -b (numbers only non-empty lines)
pub const SQUEEZE: u8 = 4; // -s
pub const NONPRINTING: u8 = 8; // -v
pub const ENDS: u8 = 16; // -E
pub const TABS: u8 = 32; // -T

pub struct Render {
    pub flags: u8,
    /// Newlines just seen: -1 inside a line, 0 at the start of one, 1 after
    /// an empty line, 2 after two or more.
    newlines: i8,
    /// A `\r` not yet written: under -E (without -v) it becomes `^M` if a
    /// `\n` follows, even in the next read or the next operand.
    pending_cr: bool,
    line: u64,
}

impl Render {
    pub fn new(flags: u8) -> Render {
        Render { flags, newlines: 0, pending_cr: false, line: 0 }
    }

    fn on(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    #[inline(never)]
    fn number(&mut self, out: &mut impl Sink) {
        self.line += 1;
        num(out, self.line, 6);
        out.byte(b'\t');
    }

    // Inlined into cat's read loop, its one caller (measured: -100 bytes).
    #[inline(always)]
    pub fn feed(&mut self, out: &mut impl Sink, input: &[u8]) {
        for &c in input {
            let nl = c == b'\n';
            if self.newlines >= 0 {
                // At the start of a line; a newline here ends an empty one.
                if nl && self.newlines > 0 && self.on(SQUEEZE) {
                    self.newlines = 2;
                    continue;
                }
                if self.on(NUMBER) && !(nl && self.on(NONBLANK)) {
                    self.number(out);
                }
            }
            self.newlines = if nl { (self.newlines + 1).min(2) } else { -1 };
            // A `\r` held back under -E: `^M` before a newline, else itself.
            if self.pending_cr {
                self.pending_cr = false;
                if nl {
                    out.byte(b'^');
                    out.byte(b'M');
                } else {
                    out.byte(b'\r');
                }
            }
            if nl {
                if self.on(ENDS) {
                    out.byte(b'$');
                }
                out.byte(b'\n');
                continue;
            }
            let np = self.on(NONPRINTING);
            let mut b = c;
            if np {
                if c >= 128 {
                    out.byte(b'M');
                    out.byte(b'-');
                }
                b = c & 127;
            } else if c == b'\r' && self.on(ENDS) {
                self.pending_cr = true;
                continue;
            }
            // `^X` for TAB under -T, and under -v for the other control
            // bytes and DEL (`^?`).
            if b == b'\t' && self.on(TABS) || np && (b < 32 && c != b'\t' || b == 127) {
                out.byte(b'^');
                b ^= 64;
            }
            out.byte(b);
        }
    }

    /// After the last operand: a `\r` still pending is just a `\r`.
    pub fn finish(&mut self, out: &mut impl Sink) {
        if self.pending_cr {
            out.byte(b'\r');
            self.pending_cr = false;
        }
    }
}
