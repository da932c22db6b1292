//! Each piece of femtobox's pure logic against an independent model written
//! from the spec (GNU coreutils 9.1), for any input bytes. The fuzz targets
//! (`fuzz/`), the saved-corpus regression test and the randomized host
//! tests all call these; a mismatch panics with both results.

use femtobox::escape::unescape;
use femtobox::getopt::{self, Getopt, Item, Spec};
use femtobox::render::{Render, ENDS, NONBLANK, NONPRINTING, NUMBER, SQUEEZE, TABS};
use femtobox::text::{quote, Sink};

/// A `Sink` over a `Vec`.
#[derive(Default, Debug)]
pub struct Buf(pub Vec<u8>);

impl Sink for Buf {
    fn put(&mut self, s: &[u8]) {
        self.0.extend_from_slice(s);
    }
}

fn show(b: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(b))
}

// ---- echo -e ---------------------------------------------------------------

/// echo's escapes, written from the spec. False at `\c`.
pub fn unescape_model(arg: &[u8], out: &mut Vec<u8>) -> bool {
    let mut i = 0;
    while i < arg.len() {
        let c = arg[i];
        i += 1;
        if c != b'\\' || i == arg.len() {
            out.push(c);
            continue;
        }
        let e = arg[i];
        i += 1;
        let simple = b"\\\\a\x07b\x08e\x1bf\x0cn\nr\rt\tv\x0b";
        if let Some(p) = simple.chunks(2).position(|pair| pair[0] == e) {
            out.push(simple[p * 2 + 1]);
        } else if e == b'c' {
            return false;
        } else if e == b'x' && i < arg.len() && arg[i].is_ascii_hexdigit() {
            let mut v = (arg[i] as char).to_digit(16).unwrap();
            i += 1;
            if i < arg.len() && arg[i].is_ascii_hexdigit() {
                v = v * 16 + (arg[i] as char).to_digit(16).unwrap();
                i += 1;
            }
            out.push(v as u8);
        } else if (b'0'..=b'7').contains(&e) {
            let max = if e == b'0' { 3 } else { 2 };
            let mut v = (e - b'0') as u32;
            let mut n = 0;
            while n < max && i < arg.len() && (b'0'..=b'7').contains(&arg[i]) {
                v = v * 8 + (arg[i] - b'0') as u32;
                i += 1;
                n += 1;
            }
            out.push((v % 256) as u8);
        } else {
            out.push(b'\\');
            out.push(e);
        }
    }
    true
}

/// echo's option words, from the spec: `-` and one or more of `n e E`.
fn echo_options_model(words: &[&[u8]]) -> (usize, bool, bool) {
    let (mut n, mut newline, mut escapes) = (0, true, false);
    for w in words {
        if w.len() < 2 || w[0] != b'-' || !w[1..].iter().all(|c| b"neE".contains(c)) {
            break;
        }
        for &c in &w[1..] {
            match c {
                b'n' => newline = false,
                b'e' => escapes = true,
                _ => escapes = false,
            }
        }
        n += 1;
    }
    (n, newline, escapes)
}

/// Any bytes: decoded as one argument (NULs dropped, an argument cannot
/// hold one), and split at NULs into echo's argument words.
pub fn check_unescape(data: &[u8]) {
    let words: Vec<&[u8]> = data.split(|&c| c == 0).collect();
    let got = femtobox::escape::options(words.iter().copied());
    assert_eq!(got, echo_options_model(&words), "echo options {words:?}");
    let arg: Vec<u8> = data.iter().copied().filter(|&b| b != 0).collect();
    let (mut got, mut want) = (Buf::default(), Vec::new());
    let a = unescape(&mut got, &arg);
    let b = unescape_model(&arg, &mut want);
    assert!(a == b && got.0 == want, "unescape {}: got {} {a}, want {} {b}", show(&arg), show(&got.0), show(&want));
}

// ---- cat's formatting ------------------------------------------------------

/// cat's formatting over the whole input at once, line by line, from the spec.
pub fn render_model(flags: u8, input: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut line = 0u64;
    let mut blank_run = 0;
    for l in input.split_inclusive(|&b| b == b'\n') {
        let has_nl = l.last() == Some(&b'\n');
        let body = if has_nl { &l[..l.len() - 1] } else { l };
        let empty = body.is_empty();
        if empty && has_nl {
            blank_run += 1;
            if flags & SQUEEZE != 0 && blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        if flags & NUMBER != 0 && (flags & NONBLANK == 0 || !empty) {
            line += 1;
            out.extend_from_slice(format!("{line:>6}\t").as_bytes());
        }
        let crlf = flags & ENDS != 0 && flags & NONPRINTING == 0 && has_nl && body.last() == Some(&b'\r');
        let shown = if crlf { &body[..body.len() - 1] } else { body };
        for &c in shown {
            if flags & NONPRINTING != 0 {
                let low = c & 127;
                if c >= 128 {
                    out.extend_from_slice(b"M-");
                }
                match low {
                    127 => out.extend_from_slice(b"^?"),
                    32..=126 => out.push(low),
                    9 if c == 9 && flags & TABS == 0 => out.push(9),
                    _ => out.extend_from_slice(&[b'^', low + 64]),
                }
            } else if c == b'\t' && flags & TABS != 0 {
                out.extend_from_slice(b"^I");
            } else {
                out.push(c);
            }
        }
        if crlf {
            out.extend_from_slice(b"^M");
        }
        if has_nl {
            if flags & ENDS != 0 {
                out.push(b'$');
            }
            out.push(b'\n');
        }
    }
    out
}

/// data[0]: the flags; data[1]: where the input is cut into reads; the rest:
/// the input. Chunked rendering must equal the whole-input model.
pub fn check_render(data: &[u8]) {
    let (Some(&flags), Some(&cut)) = (data.first(), data.get(1)) else { return };
    let flags = flags & 63;
    let input = &data[2.min(data.len())..];
    let want = render_model(flags, input);
    let mut r = Render::new(flags);
    let mut out = Buf::default();
    let step = 1 + cut as usize % 7;
    for chunk in input.chunks(step) {
        r.feed(&mut out, chunk);
    }
    r.finish(&mut out);
    assert!(
        out.0 == want,
        "render flags {flags:#b} step {step} input {}: got {}, want {}",
        show(input),
        show(&out.0),
        show(&want)
    );
}

// ---- name quoting ----------------------------------------------------------

/// The quoting styles of gnulib's quotearg that `quotef` goes through.
#[derive(Clone, Copy, PartialEq)]
enum Style {
    /// shell_escape_quoting_style: bare if it can be (outer quotes elided).
    ShellEscape,
    /// shell_escape_always_quoting_style: in `'...'`, `$'...'` for escapes.
    ShellEscapeAlways,
    /// c_quoting_style: `"..."` (chosen for names whose only trouble is `'`).
    C,
}

/// GNU's shell-escape quoting of a file name in the C locale (`quotef`,
/// as cat's messages use it): gnulib's `quotearg_buffer_restyled`
/// (gnulib of April 2022, as in coreutils 9.1) transliterated statement by
/// statement, its gotos as returns and loop restarts, for the styles and
/// flags `quotef` reaches. It is deliberately not a restatement of the
/// rule: it keeps the two-pass restart whose state leaks (the quirk).
pub fn quote_model(name: &[u8]) -> Vec<u8> {
    quotearg(name, Style::ShellEscape, true)
}

fn quotearg(arg: &[u8], style: Style, quote_colon: bool) -> Vec<u8> {
    let shell = style != Style::C;
    let backslash_escapes = true;
    let elide_outer_quotes = style == Style::ShellEscape;
    let mut out = Vec::new();
    // buffersize == 0 (a dry run) and orig_buffersize != 0.
    let (mut dry, mut orig) = (false, false);
    let mut pending_shell_escape_end = false;
    let mut encountered_single_quote = false;
    let mut all_c_and_shell_quote_compat = true;
    let force = |arg: &[u8]| quotearg(arg, Style::ShellEscapeAlways, false);
    'process_input: loop {
        macro_rules! store {
            ($($c:expr),*) => {{ $( if !dry { out.push($c) } )* }};
        }
        if !elide_outer_quotes {
            store!(if shell { b'\'' } else { b'"' });
        }
        let mut i = 0;
        while i < arg.len() {
            let mut c = arg[i];
            let mut escaping = false;
            let mut compat = false;
            let mut is_right_quote = false;
            macro_rules! start_esc {
                () => {{
                    if elide_outer_quotes {
                        return force(arg);
                    }
                    escaping = true;
                    if shell && !pending_shell_escape_end {
                        store!(b'\'', b'$', b'\'');
                        pending_shell_escape_end = true;
                    }
                    store!(b'\\');
                }};
            }
            if !shell && c == b'"' {
                is_right_quote = true;
            }
            // What the switch decides: store c as is (false), or escaped (true).
            let escape: bool = match c {
                b'?' if shell && elide_outer_quotes => return force(arg),
                // (`?` is not "compatible": it never goes in double quotes.)
                b'?' => false,
                7 | 8 | 12 | 11 | 10 | 13 | 9 | b'\\' => {
                    let esc = b"abtnvfr\\"[if c == b'\\' { 7 } else { c as usize - 7 }];
                    if c == b'\\' && shell {
                        if elide_outer_quotes {
                            return force(arg);
                        }
                        false
                    } else {
                        if matches!(c, 10 | 13 | 9) && shell && elide_outer_quotes {
                            return force(arg);
                        }
                        c = esc;
                        true
                    }
                }
                b'{' | b'}' | b'#' | b'~' | b' ' => {
                    let braces = c == b'{' || c == b'}';
                    if (braces && arg.len() != 1) || (!braces && c != b' ' && i != 0) {
                        false
                    } else {
                        compat = true;
                        if shell && elide_outer_quotes {
                            return force(arg);
                        }
                        false
                    }
                }
                b'!' | b'"' | b'$' | b'&' | b'(' | b')' | b'*' | b';' | b'<' | b'=' | b'>' | b'[' | b'^' | b'`'
                | b'|' => {
                    if shell && elide_outer_quotes {
                        return force(arg);
                    }
                    false
                }
                b'\'' => {
                    encountered_single_quote = true;
                    compat = true;
                    if shell {
                        if elide_outer_quotes {
                            return force(arg);
                        }
                        if !dry && !orig {
                            orig = true;
                            dry = true;
                        }
                        store!(b'\'', b'\\', b'\'');
                        pending_shell_escape_end = false;
                    }
                    false
                }
                b'%' | b'+' | b',' | b'-' | b'.' | b'/' | b'0'..=b':' | b'A'..=b'Z' | b']' | b'_' | b'a'..=b'z' => {
                    compat = true;
                    false
                }
                _ => {
                    let printable = (b' '..=b'~').contains(&c);
                    compat = printable;
                    if backslash_escapes && !printable {
                        start_esc!();
                        store!(b'0' + (c >> 6), b'0' + ((c >> 3) & 7));
                        c = b'0' + (c & 7);
                        // goto store_c
                        if pending_shell_escape_end && !escaping {
                            store!(b'\'', b'\'');
                            pending_shell_escape_end = false;
                        }
                        store!(c);
                        all_c_and_shell_quote_compat &= compat;
                        i += 1;
                        continue;
                    }
                    false
                }
            };
            let quote_too = ((backslash_escapes && !shell) || elide_outer_quotes) && quote_colon && c == b':';
            if escape || quote_too || is_right_quote {
                // store_escape:
                start_esc!();
            }
            // store_c: END_ESC, then the byte.
            if pending_shell_escape_end && !escaping {
                store!(b'\'', b'\'');
                pending_shell_escape_end = false;
            }
            store!(c);
            all_c_and_shell_quote_compat &= compat;
            i += 1;
        }
        if arg.is_empty() && shell && elide_outer_quotes {
            return force(arg);
        }
        if shell && !elide_outer_quotes && encountered_single_quote {
            if all_c_and_shell_quote_compat {
                return quotearg(arg, Style::C, quote_colon);
            } else if dry && orig {
                // The real pass; pending_shell_escape_end is not reset.
                dry = false;
                out.clear();
                continue 'process_input;
            }
        }
        if !elide_outer_quotes {
            store!(if shell { b'\'' } else { b'"' });
        }
        return out;
    }
}

pub fn check_quote(name: &[u8]) {
    let mut got = Buf::default();
    quote(&mut got, name);
    let want = quote_model(name);
    assert!(got.0 == want, "quote {}: got {}, want {}", show(name), show(&got.0), show(&want));
}

// ---- getopt_long -----------------------------------------------------------

/// An option table as glibc's `getopt_long` takes it: the option string,
/// and `struct option` rows (name, has_arg 0/1/2, val).
pub struct GlibcSpec {
    pub optstring: &'static str,
    pub longopts: &'static [(&'static str, u8, u8)],
}

/// cat's options, as cat.c declares them for glibc.
pub const CAT_GLIBC: GlibcSpec = GlibcSpec {
    optstring: "benstuvAET",
    longopts: &[
        ("number-nonblank", 0, b'b'),
        ("number", 0, b'n'),
        ("squeeze-blank", 0, b's'),
        ("show-nonprinting", 0, b'v'),
        ("show-ends", 0, b'E'),
        ("show-tabs", 0, b'T'),
        ("show-all", 0, b'A'),
        ("help", 0, getopt::HELP),
        ("version", 0, getopt::VERSION),
    ],
};

/// yes's: only --help and --version.
pub const YES_GLIBC: GlibcSpec =
    GlibcSpec { optstring: "", longopts: &[("help", 0, getopt::HELP), ("version", 0, getopt::VERSION)] };

/// Every kind of option: required and optional arguments, short and long,
/// two long names for one option (not ambiguous), long-only ones.
pub const TEST_GLIBC: GlibcSpec = GlibcSpec {
    optstring: "ab:c::n:",
    longopts: &[
        ("alpha", 0, b'a'),
        ("bravo", 1, b'b'),
        ("bravissimo", 1, b'b'),
        ("charlie", 2, b'c'),
        ("number", 1, b'n'),
        ("output-error", 1, 0x10),
        ("color", 2, 0x18),
        ("help", 0, getopt::HELP),
        ("version", 0, getopt::VERSION),
    ],
};

/// The test table with a leading `+`: stop at the first operand (as
/// basename, printenv and env do).
pub const TEST_PLUS_GLIBC: GlibcSpec = GlibcSpec { optstring: "+ab:c::n:", longopts: TEST_GLIBC.longopts };

/// The same tables in femtobox's encoding (texts.rs's format):
/// cat's and yes's are the shipped ones.
pub fn spec_of(g: &GlibcSpec) -> &'static Spec {
    use femtobox::texts::{entry, get, CAT_LONG, CAT_SHORT, HELP_VERSION};
    static CAT: Spec = Spec { short: entry(CAT_SHORT), long: get(CAT_LONG) };
    static YES: Spec = Spec { short: b"", long: get(HELP_VERSION) };
    const TEST_LONG: &[u8] =
        b"aalpha\0bbravo\0bbravissimo\0ccharlie\0nnumber\0\x10output-error\0\x18color\0\x01help\0\x02version\0\0";
    static TEST: Spec = Spec { short: b"ab:c::n:", long: TEST_LONG };
    static TEST_PLUS: Spec = Spec { short: b"+ab:c::n:", long: TEST_LONG };
    match g.optstring {
        "benstuvAET" => &CAT,
        "" => &YES,
        "+ab:c::n:" => &TEST_PLUS,
        _ => &TEST,
    }
}

/// What getopt_long reports, as text: `option VAL ARG` per option
/// (`(none)` without an argument) in argv order, glibc's message for the
/// first error (then nothing more), else `operand X` per operand in order.
/// Written from glibc 2.36's posix/getopt.c, for a program called `P`.
pub fn getopt_model(spec: &GlibcSpec, args: &[&[u8]], posix: bool) -> Vec<String> {
    let show = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let posix = posix || spec.optstring.starts_with('+');
    let opts = spec.optstring.trim_start_matches('+').as_bytes();
    let short = |c: u8| -> Option<u8> {
        let i = opts.iter().position(|&x| x == c && c != b':')?;
        Some(match (opts.get(i + 1), opts.get(i + 2)) {
            (Some(b':'), Some(b':')) => 2,
            (Some(b':'), _) => 1,
            _ => 0,
        })
    };
    let mut out = Vec::new();
    let mut operands: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = args[i];
        i += 1;
        if arg == b"--" {
            operands.extend(args[i..].iter().map(|a| show(a)));
            break;
        }
        if arg.len() < 2 || arg[0] != b'-' {
            operands.push(show(arg));
            if posix {
                operands.extend(args[i..].iter().map(|a| show(a)));
                break;
            }
            continue;
        }
        if let Some(body) = arg.strip_prefix(b"--") {
            let (name, value) = match body.iter().position(|&c| c == b'=') {
                Some(p) => (&body[..p], Some(&body[p + 1..])),
                None => (body, None),
            };
            let rows = spec.longopts;
            let mut found = rows.iter().position(|r| r.0.as_bytes() == name);
            let mut ambig: Vec<usize> = Vec::new();
            if found.is_none() {
                for (k, r) in rows.iter().enumerate() {
                    if !r.0.as_bytes().starts_with(name) {
                        continue;
                    }
                    match found {
                        None => found = Some(k),
                        Some(f) if rows[f].1 != r.1 || rows[f].2 != r.2 => {
                            if ambig.is_empty() {
                                ambig.push(f);
                            }
                            ambig.push(k);
                        }
                        Some(_) => {}
                    }
                }
            }
            if !ambig.is_empty() {
                let names: String = ambig.iter().map(|&k| format!(" '--{}'", rows[k].0)).collect();
                out.push(format!("P: option '{}' is ambiguous; possibilities:{names}", show(arg)));
                return out;
            }
            let Some(k) = found else {
                out.push(format!("P: unrecognized option '{}'", show(arg)));
                return out;
            };
            let (long, has, val) = rows[k];
            match (has, value) {
                (0, Some(_)) => {
                    out.push(format!("P: option '--{long}' doesn't allow an argument"));
                    return out;
                }
                (1, None) if i < args.len() => {
                    out.push(format!("option {val} {}", show(args[i])));
                    i += 1;
                }
                (1, None) => {
                    out.push(format!("P: option '--{long}' requires an argument"));
                    return out;
                }
                (_, Some(v)) => out.push(format!("option {val} {}", show(v))),
                (_, None) => out.push(format!("option {val} (none)")),
            }
            continue;
        }
        let mut j = 1;
        while j < arg.len() {
            let c = arg[j];
            j += 1;
            match short(c) {
                None => {
                    out.push(format!("P: invalid option -- '{}'", show(&[c])));
                    return out;
                }
                Some(0) => out.push(format!("option {c} (none)")),
                Some(has) => {
                    if j < arg.len() {
                        out.push(format!("option {c} {}", show(&arg[j..])));
                    } else if has == 1 && i < args.len() {
                        out.push(format!("option {c} {}", show(args[i])));
                        i += 1;
                    } else if has == 1 {
                        out.push(format!("P: option requires an argument -- '{}'", show(&[c])));
                        return out;
                    } else {
                        out.push(format!("option {c} (none)"));
                    }
                    break;
                }
            }
        }
    }
    out.extend(operands.into_iter().map(|o| format!("operand {o}")));
    out
}

/// Our parser, reported in the model's format (operands after the options,
/// as glibc's permutation leaves them; the message's first line only, and
/// a check that the second is the `Try` line).
pub fn getopt_ours(spec: &'static Spec, args: &[&[u8]], posix: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut operands = Vec::new();
    for item in Getopt::new(args.iter().copied(), spec, posix) {
        match item {
            Item::Opt(c, arg) => out.push(format!(
                "option {c} {}",
                arg.map_or("(none)".into(), |a| String::from_utf8_lossy(a).into_owned())
            )),
            Item::Operand(a) => operands.push(format!("operand {}", String::from_utf8_lossy(a))),
            Item::Fault(t, a) => {
                let mut m = Buf(b"P: ".to_vec());
                getopt::complain(&mut m, spec, t, a, true);
                let text = String::from_utf8_lossy(&m.0).into_owned();
                // (The message may hold a newline itself: `-\n` is an invalid
                // option shown raw, as glibc shows it.)
                let first = text.strip_suffix("\nTry 'P --help' for more information.").expect("the Try line last");
                out.push(first.to_string());
                return out;
            }
        }
    }
    out.extend(operands);
    out
}

/// data[0]: bit 0 POSIXLY_CORRECT, bits 1-2 which table (cat, yes, the
/// test one, the test one with `+`); the rest: NUL-separated arguments.
pub fn check_getopt(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else { return };
    let posix = mode & 1 != 0;
    let g = [&CAT_GLIBC, &YES_GLIBC, &TEST_GLIBC, &TEST_PLUS_GLIBC][(mode >> 1 & 3) as usize];
    let args: Vec<&[u8]> = if rest.is_empty() { vec![] } else { rest.split(|&c| c == 0).collect() };
    let want = getopt_model(g, &args, posix);
    let got = getopt_ours(spec_of(g), &args, posix);
    assert_eq!(
        got,
        want,
        "getopt {:?} posix {posix} table {:?}",
        args.iter().map(|a| String::from_utf8_lossy(a)).collect::<Vec<_>>(),
        g.optstring
    );
}

/// GNU env's `build_argv` (coreutils 9.1 src/env.c) transliterated: the
/// words of an `-S` string, or the message it dies with. `getenv` is the
/// environment it expands `${NAME}` from. (Its splitbuf is a Vec of words;
/// `sep` is its "the most recent character was a separator".)
pub fn split_model(s: &[u8], getenv: &dyn Fn(&[u8]) -> Option<Vec<u8>>) -> Result<Vec<Vec<u8>>, Vec<u8>> {
    let (mut dq, mut sq, mut sep) = (false, false, true);
    let mut words: Vec<Vec<u8>> = Vec::new();
    let mut i = 0;
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    fn start(words: &mut Vec<Vec<u8>>, sep: &mut bool) {
        if *sep {
            words.push(Vec::new());
            *sep = false;
        }
    }
    'eos: {
        while at(i) != 0 {
            let mut newc = at(i);
            match at(i) {
                b'\'' if !dq => {
                    sq = !sq;
                    start(&mut words, &mut sep);
                    i += 1;
                    continue;
                }
                b'"' if !sq => {
                    dq = !dq;
                    start(&mut words, &mut sep);
                    i += 1;
                    continue;
                }
                b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' if !(sq || dq) => {
                    sep = true;
                    while b" \t\n\x0b\x0c\r".contains(&at(i)) && at(i) != 0 {
                        i += 1;
                    }
                    continue;
                }
                b'#' if sep => break 'eos,
                b'\\' if !(sq && at(i + 1) != b'\\' && at(i + 1) != b'\'') => {
                    i += 1;
                    newc = at(i);
                    match newc {
                        b'"' | b'#' | b'$' | b'\'' | b'\\' => {}
                        b'_' if !dq => {
                            i += 1;
                            sep = true;
                            continue;
                        }
                        b'_' => newc = b' ',
                        b'c' if dq => return Err(b"'\\c' must not appear in double-quoted -S string".to_vec()),
                        b'c' => break 'eos,
                        b'f' => newc = 0x0c,
                        b'n' => newc = b'\n',
                        b'r' => newc = b'\r',
                        b't' => newc = b'\t',
                        b'v' => newc = 0x0b,
                        0 => return Err(b"invalid backslash at end of string in -S".to_vec()),
                        c => return Err([&b"invalid sequence '\\"[..], &[c], b"' in -S"].concat()),
                    }
                }
                b'$' if !sq => {
                    // scan_varname
                    let ok = at(i + 1) == b'{' && (at(i + 2).is_ascii_alphabetic() || at(i + 2) == b'_');
                    let mut end = i + 3;
                    while ok && (at(end).is_ascii_alphanumeric() || at(end) == b'_') {
                        end += 1;
                    }
                    if !ok || at(end) != b'}' {
                        return Err([&b"only ${VARNAME} expansion is supported, error at: "[..], &s[i..]].concat());
                    }
                    if let Some(v) = getenv(&s[i + 2..end]) {
                        start(&mut words, &mut sep);
                        words.last_mut().unwrap().extend_from_slice(&v);
                    }
                    i = end + 1;
                    continue;
                }
                _ => {}
            }
            start(&mut words, &mut sep);
            words.last_mut().unwrap().push(newc);
            i += 1;
        }
        if dq || sq {
            return Err(b"no terminating quote in -S string".to_vec());
        }
    }
    Ok(words)
}

/// femtobox's split against the model, for a string and a small
/// environment (`A=a b`, `E=` and `_X1=x`).
pub fn check_split(s: &[u8]) {
    // An argument ends at its first NUL.
    let s = &s[..s.iter().position(|&c| c == 0).unwrap_or(s.len())];
    let env: &[(&[u8], &[u8])] = &[(b"A", b"a b"), (b"E", b""), (b"_X1", b"x")];
    let getenv = |n: &[u8]| env.iter().find(|(k, _)| *k == n).map(|(_, v)| v.to_vec());
    let want = split_model(s, &getenv);
    struct NoTrace;
    impl femtobox::split::Trace for NoTrace {
        fn var(&mut self, _: &[u8], _: Option<&[u8]>) {}
    }
    let mut out = Buf::default();
    let got = femtobox::split::split(s, &mut out, |n| env.iter().find(|(k, _)| *k == n).map(|(_, v)| *v), &mut NoTrace);
    let got = match got {
        Ok(n) => {
            let mut words: Vec<Vec<u8>> = out.0.split(|&c| c == 0).map(<[u8]>::to_vec).collect();
            words.pop();
            assert_eq!(words.len(), n, "word count for {:?}", String::from_utf8_lossy(s));
            Ok(words)
        }
        Err((t, a)) => {
            let mut m = Buf::default();
            femtobox::msg::fill(&mut m, t, a, 0);
            Err(m.0)
        }
    };
    assert_eq!(got, want, "-S {:?}", String::from_utf8_lossy(s));
}

// ---- mkdir -m / chmod modes --------------------------------------------------

/// One compiled change of gnulib's modechange.c.
struct ModeChange {
    op: u8,
    flag: u8, // b'o' ordinary, b'X' x-if-any-x, b'c' copy existing
    affected: u32,
    value: u32,
    mentioned: u32,
}

/// gnulib's mode_compile, transliterated (C string: up to the first NUL).
fn mode_compile_model(s: &[u8]) -> Option<Vec<ModeChange>> {
    let s = &s[..s.iter().position(|&c| c == 0).unwrap_or(s.len())];
    let at = |p: usize| s.get(p).copied().unwrap_or(0);
    let is_oct = |c: u8| (b'0'..b'8').contains(&c);
    if is_oct(at(0)) {
        let mut p = 0;
        let mut octal = 0u32;
        while is_oct(at(p)) {
            octal = 8 * octal + (at(p) - b'0') as u32;
            p += 1;
            if octal > 0o7777 {
                return None;
            }
        }
        if at(p) != 0 {
            return None;
        }
        let mentioned = if p < 5 { (octal & 0o6000) | 0o1000 | 0o777 } else { 0o7777 };
        return Some(vec![ModeChange { op: b'=', flag: b'o', affected: 0o7777, value: octal, mentioned }]);
    }
    let mut mc = Vec::new();
    let mut p = 0;
    loop {
        let mut affected = 0;
        loop {
            match at(p) {
                b'u' => affected |= 0o4700,
                b'g' => affected |= 0o2070,
                b'o' => affected |= 0o1007,
                b'a' => affected |= 0o7777,
                b'=' | b'+' | b'-' => break,
                _ => return None,
            }
            p += 1;
        }
        loop {
            let op = at(p);
            p += 1;
            let mut mentioned = 0;
            let mut flag = b'c';
            let mut value;
            match at(p) {
                b'0'..=b'7' => {
                    let mut octal = 0u32;
                    while is_oct(at(p)) {
                        octal = 8 * octal + (at(p) - b'0') as u32;
                        p += 1;
                        if octal > 0o7777 {
                            return None;
                        }
                    }
                    if affected != 0 || (at(p) != 0 && at(p) != b',') {
                        return None;
                    }
                    affected = 0o7777;
                    mentioned = 0o7777;
                    value = octal;
                    flag = b'o';
                }
                b'u' => {
                    value = 0o700;
                    p += 1;
                }
                b'g' => {
                    value = 0o070;
                    p += 1;
                }
                b'o' => {
                    value = 0o007;
                    p += 1;
                }
                _ => {
                    value = 0;
                    flag = b'o';
                    loop {
                        match at(p) {
                            b'r' => value |= 0o444,
                            b'w' => value |= 0o222,
                            b'x' => value |= 0o111,
                            b'X' => flag = b'X',
                            b's' => value |= 0o6000,
                            b't' => value |= 0o1000,
                            _ => break,
                        }
                        p += 1;
                    }
                }
            }
            let mentioned = if mentioned != 0 {
                mentioned
            } else if affected != 0 {
                affected & value
            } else {
                value
            };
            mc.push(ModeChange { op, flag, affected, value, mentioned });
            if !matches!(at(p), b'=' | b'+' | b'-') {
                break;
            }
        }
        if at(p) != b',' {
            break;
        }
        p += 1;
    }
    if at(p) == 0 {
        Some(mc)
    } else {
        None
    }
}

/// gnulib's mode_adjust, transliterated: (new mode, *pmode_bits).
fn mode_adjust_model(old: u32, dir: bool, umask: u32, changes: &[ModeChange]) -> (u32, u32) {
    let mut newmode = old & 0o7777;
    let mut mode_bits = 0;
    for ch in changes {
        let affected = ch.affected;
        let omit = if dir { 0o6000 } else { 0 } & !ch.mentioned;
        let mut value = ch.value;
        match ch.flag {
            b'c' => {
                value &= newmode;
                let spread = |m: u32| if value & m != 0 { m } else { 0 };
                value |= spread(0o444) | spread(0o222) | spread(0o111);
            }
            b'X' if newmode & 0o111 != 0 || dir => value |= 0o111,
            _ => {}
        }
        value &= (if affected != 0 { affected } else { !umask }) & !omit;
        match ch.op {
            b'=' => {
                let preserved = (if affected != 0 { !affected } else { 0 }) | omit;
                mode_bits |= 0o7777 & !preserved;
                newmode = (newmode & preserved) | value;
            }
            b'+' => {
                mode_bits |= value;
                newmode |= value;
            }
            _ => {
                mode_bits |= value;
                newmode &= !value;
            }
        }
    }
    (newmode, mode_bits)
}

/// gnulib's mode_compile then mode_adjust, with std: the model of
/// `femtobox::mode::adjust`.
pub fn mode_model(spec: &[u8], old: u32, dir: bool, umask: u32) -> Option<(u32, u32)> {
    mode_compile_model(spec).map(|c| mode_adjust_model(old, dir, umask, &c))
}

/// femtobox's mode changes against the model. The first byte picks the file
/// type and how the rest is read, the next four the old mode and the umask;
/// the rest is the mode text, mostly mapped onto the letters that matter.
pub fn check_mode(data: &[u8]) {
    let b = |i: usize| data.get(i).copied().unwrap_or(0) as u32;
    let dir = b(0) & 1 != 0;
    let old = (b(1) | b(2) << 8) & 0o7777;
    let umask = (b(3) | b(4) << 8) & 0o777;
    let rest = data.get(5..).unwrap_or(&[]);
    let spec: Vec<u8> = if b(0) & 2 != 0 {
        rest.to_vec()
    } else {
        const A: &[u8] = b"ugoa=+-rwxXst,01234567ugoa=+-rwxXst,0127\0 89A";
        rest.iter().map(|&c| if c < 0xf0 { A[c as usize % A.len()] } else { c & 0x7f }).collect()
    };
    let want = mode_model(&spec, old, dir, umask);
    let got = femtobox::mode::adjust(&spec, old, dir, umask);
    assert_eq!(
        got,
        want,
        "mode {:?} old {:o} dir {} umask {:o}: got {:?} want {:?}",
        String::from_utf8_lossy(&spec),
        old,
        dir,
        umask,
        got.map(|(m, b)| format!("{:o} {:o}", m, b)),
        want.map(|(m, b)| format!("{:o} {:o}", m, b))
    );
}
