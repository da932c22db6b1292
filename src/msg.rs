//! The message engine's pure half: a template from the text blob filled
//! from its arguments, into any `Sink`. The runtime (`io::say`) begins a
//! message with `PROG: `, fills it, ends it with a newline and sends it in
//! one write; the host tests fill the same templates into a `Vec`.

use crate::errno::{spell, Errno};
use crate::text::{num, quote_locale, shell_quote, Sink};
use crate::texts::{self, Text};

/// Writes template `t` with its placeholders (see `texts.rs`) filled: the
/// name `a` (quoted one of GNU's ways, or raw), the errno `n`'s text or `n`
/// in decimal, and the program name (`out.prog()`).
#[inline(never)]
pub fn fill(out: &mut impl Sink, t: Text, a: &[u8], n: u32) {
    for &c in texts::get(t) {
        match c {
            0 => break,
            // Only applets that show file names need the quoting code (a
            // build without them shows a name as it is).
            1 | 5 if cfg!(feature = "quote") => shell_quote(out, a, c == 5),
            4 if cfg!(feature = "quote") => quote_locale(out, a),
            1 | 2 | 4 | 5 => out.put(a),
            3 => {
                let (text, known) = Errno(n as u16).text();
                spell(out, text);
                if !known {
                    num(out, n as u64, 0);
                }
            }
            7 => num(out, n as u64, 0),
            6 => {
                let prog = out.prog();
                out.put(prog);
            }
            c => out.byte(c),
        }
    }
}
