//! File mode changes as `mkdir -m MODE` and `chmod MODE` take them: gnulib's
//! `mode_compile` and `mode_adjust` (modechange.c, as in coreutils 9.1) done
//! in one pass over the text, so no list of changes has to be allocated.
//!
//! The text is an octal mode (at most 07777) or comma-separated clauses
//! `[ugoa]*([-+=]([rwxXst]*|[ugo]|[0-7]+))+`, where an octal number must be
//! alone in its clause, with no `ugoa` before it.

/// What each letter means (a table is smaller than a match): `ugoa`, flagged
/// `W` (`a`, which copies nothing, `WA`), select bits, and after an operator
/// `u`, `g`, `o` copy those of them in 0o777; `rwxXst` set bits, `X` being a
/// flag outside the mode.
const LETTERS: &[(u8, u32)] = &[
    (b'u', W | 0o4700),
    (b'g', W | 0o2070),
    (b'o', W | 0o1007),
    (b'a', WA | 0o7777),
    (b'r', 0o444),
    (b'w', 0o222),
    (b'x', 0o111),
    (b'X', X),
    (b's', 0o6000),
    (b't', 0o1000),
];
const W: u32 = 0o100000;
const WA: u32 = 0o200000;
const X: u32 = 0o10000;
/// In a change's value: it names the set-ID bits (0o60000 >> 3), as an octal
/// number does.
const NAMES_ID: u32 = 0o60000;

// Where the scan is: one byte is read per step and each state either takes
// it or passes it on to the next, down to the end of a change.
const WHO: u8 = 0; // `ugoa` at the start of a clause
const VALUE: u8 = 1; // just after an operator
const OCTAL: u8 = 2; // in an octal number
const PERMS: u8 = 3; // in `rwxXst`
const DONE: u8 = 4; // after a copied class: the change is complete

/// gnulib's mode_compile + mode_adjust in one pass over the text: the
/// mode `old` (a file's permission bits, 0..=0o7777) changed as `spec`
/// says, for a directory when `dir`, with the process umask `umask`
/// (0..=0o777). Returns (new mode, the bits the change touched = gnulib's
/// *pmode_bits), or None when `spec` is not a valid mode (mkdir:
/// `invalid mode 'X'`). Like the C string it stands for, `spec` ends at its
/// first NUL, if any.
pub fn adjust(spec: &[u8], old: u32, dir: bool, umask: u32) -> Option<(u32, u32)> {
    let mut new = old & 0o7777;
    let mut bits = 0;
    // Past the end reads as the C string's NUL.
    let at = |i: usize| spec.get(i).copied().unwrap_or(0);
    // A leading digit makes the whole text one "=" change of all bits.
    let top = at(0).wrapping_sub(b'0') < 8;
    let mut state = if top { VALUE } else { WHO };
    let mut op = b'=';
    let mut affected = 0;
    let mut value = 0;
    let mut i = 0;
    loop {
        let c = at(i);
        i += 1;
        let d = c.wrapping_sub(b'0') as u32;
        let t = LETTERS.iter().find(|p| p.0 == c).map_or(0, |p| p.1);
        if state == WHO && t & (W | WA) != 0 {
            affected |= t & 0o7777;
            continue;
        }
        if state == VALUE {
            state = PERMS;
            if d < 8 {
                state = OCTAL;
            } else if t & W != 0 {
                // Copy the current rwx of u, g or o to all three classes.
                let v = t & 0o777 & new;
                value = ((v | v >> 3 | v >> 6) & 7) * 0o111;
                state = DONE;
                continue;
            }
        }
        if state == OCTAL {
            if d < 8 {
                value = value * 8 + d;
                if value > 0o7777 {
                    return None;
                }
                continue;
            }
            // Alone in its clause; alone in the text at the top.
            if affected != 0 || !(c == 0 || (c == b',' && !top)) {
                return None;
            }
            affected = 0o7777;
            // gnulib: an octal mode of under 5 digits ("755", not "00755")
            // leaves a directory's set-ID bits alone unless it sets them.
            if !top || i > 5 {
                value |= NAMES_ID;
            }
        }
        if state == PERMS && t != 0 && t & (W | WA) == 0 {
            value |= t;
            continue;
        }
        // The end of a change (or of the `ugoa`): apply it as mode_adjust.
        let change = state != WHO;
        if change {
            let all = if affected != 0 { affected } else { 0o7777 };
            // Without `ugoa`, the umask limits the change.
            let umask = if affected != 0 { 0 } else { umask };
            // X: execute too if a directory or if some execute bit is set.
            if value & X != 0 && (new & 0o111 != 0 || dir) {
                value |= 0o111;
            }
            // A directory keeps the set-ID bits the change does not name.
            let omit = if dir { 0o6000 & !(value | value >> 3) } else { 0 };
            let clear = all & !omit;
            value &= clear & !umask;
            bits |= value;
            if op == b'=' {
                bits |= clear;
                new &= !clear;
            }
            if op == b'-' {
                new &= !value;
            } else {
                new |= value;
            }
        }
        if b"=+-".contains(&c) {
            op = c;
            state = VALUE;
            value = 0;
            continue;
        }
        // `ugoa` must be followed by an operator.
        if !change || (c != 0 && c != b',') {
            return None;
        }
        if c == 0 {
            return Some((new, bits));
        }
        state = WHO;
        affected = 0;
    }
}
