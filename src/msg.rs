//! The message engine's pure half: a template from the text blob filled
//! from its arguments, into any `Sink`. The runtime (`io::say`) begins a
//! message with `PROG: `, fills it, ends it with a newline and sends it in
//! one write; the host tests fill the same templates into a `Vec`.

use crate::errno::{spell, Errno};
use crate::text::{num, quote, Sink};
use crate::texts::{self, Text};

/// Writes template `t` with its placeholders (see `texts.rs`) filled: the
/// name `a` (quoted or raw), the errno `n`'s text, and the program name
/// (`out.prog()`).
#[inline(never)]
pub fn fill(out: &mut impl Sink, t: Text, a: &[u8], n: u32) {
    for &c in texts::get(t) {
        match c {
            0 => break,
            // Only applets that show file names need the quoting code (a
            // build without them shows a name as it is).
            1 if cfg!(feature = "quote") => quote(out, a),
            1 | 2 => out.put(a),
            3 => {
                let (text, known) = Errno(n as u16).text();
                spell(out, text);
                if !known {
                    num(out, n as u64, 0);
                }
            }
            6 => {
                let prog = out.prog();
                out.put(prog);
            }
            c => out.byte(c),
        }
    }
}
