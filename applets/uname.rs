//! uname — print system information.
//!
//! Usage: uname [OPTION]...
//! The fields in GNU's fixed order whatever the order asked: kernel name
//! (`-s`, the default), node name (`-n`), kernel release (`-r`) and
//! version (`-v`), machine (`-m`), processor (`-p`) and hardware platform
//! (`-i`), both `unknown` on Linux and left out by `-a` (all), and the
//! operating system (`-o`, `GNU/Linux`), separated by spaces. An operand:
//! `extra operand 'X'`, status 1.

use crate::applets::{parse, usage_error};
use crate::args::{Args, Env};
use crate::io::{self, Stdout};
use crate::sys;
use femtobox::getopt::Spec;
use femtobox::text::Sink;
use femtobox::texts::{self, entry, get};

const SPEC: Spec = Spec { short: entry(texts::UNAME_SHORT), long: get(texts::UNAME_LONG) };

/// What `-a` asks for: every field, and a mark that it was `-a` (so the
/// unknown ones are left out).
const ALL: u16 = 0x1ff;

pub fn main(mut args: Args, env: Env) -> u8 {
    let mut fields = 0u16;
    if let Err(status) = parse(&mut args, env, &SPEC, 1, &mut |c, _| {
        // The option letters in output order: bit i is field i.
        fields |= match b"snrvmpio".iter().position(|&f| f == c) {
            Some(i) => 1 << i,
            None => ALL,
        };
        Ok(())
    }) {
        return status;
    }
    if args.len() > 1 {
        return usage_error(texts::EXTRA_OPERAND, args.arg(1), 1);
    }
    if fields == 0 {
        fields = 1;
    }
    let u = sys::uname();
    let mut first = true;
    for i in 0..8 {
        if fields >> i & 1 == 0 {
            continue;
        }
        let field: &[u8] = match i {
            // The utsname fields: 65 bytes each, NUL-padded.
            0..5 => {
                let f = u.get(i * 65..i * 65 + 65).unwrap_or_default();
                f.split(|&c| c == 0).next().unwrap_or_default()
            }
            5 | 6 if fields == ALL => continue,
            5 | 6 => entry(texts::UNKNOWN),
            _ => entry(texts::GNU_LINUX),
        };
        if !first {
            Stdout.byte(b' ');
        }
        first = false;
        Stdout.put(field);
    }
    Stdout.byte(b'\n');
    io::finish()
}
