//! rm: files removed and missing ones reported while the rest go on; -f
//! (silent, no operand is fine); directories refused without -r/-d, -d on
//! empty and non-empty ones; -r over trees of files, symlinks and fifos;
//! -v lines in GNU's order; `rm -r dsym/` emptying a linked directory and
//! then failing on the link; symlinks never followed out of the tree; `.`
//! and `..` refused; fts' trimming of trailing slashes; -i prompts for
//! every file type with answers from stdin (declining inside a directory
//! leaves it not empty); -I; every --interactive=WHEN and the argmatch
//! error; --no-preserve-root not abbreviated, --preserve-root=bogus; a bad
//! option's `Try 'rm ./-foo'` hint; write-protected files under
//! ---presume-input-tty (as an unprivileged user); --one-file-system and
//! --preserve-root=all over a tmpfs mount; the `/` refusal (always with -i
//! and every answer no); a full or closed stdout; GNU's quoting of odd
//! names; --help/--version. Then trees 5 000 and 100 000 levels deep and
//! directories of 20 000 and 1 000 000 files under `ulimit -n 64` with
//! their memory; a race that swaps directories for symlinks to the outside
//! while rm runs; and a differential run against GNU rm comparing the trees
//! left behind. Every hand-written case is also run by GNU's rm in a twin
//! directory, which must agree.
//!
//! Safety: every rm here runs inside its own temp directory (the cwd is a
//! `w` below it), never on an absolute path, and the `/` cases only with
//! `-i` and an endless supply of `n`.

mod common;
use common::*;
use std::ffi::{CString, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::symlink;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const TRY: &str = "Try 'rm --help' for more information.\n";

extern "C" {
    fn mkfifo(path: *const std::ffi::c_char, mode: u32) -> i32;
    fn geteuid() -> u32;
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { geteuid() == 0 }
}

fn fifo(p: &Path) {
    let c = CString::new(p.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo {p:?}");
}

fn os(b: &[u8]) -> OsString {
    OsString::from_vec(b.to_vec())
}

/// Bytes as text for assertions: printable ASCII as is (quotes too), the
/// rest escaped.
fn show(b: &[u8]) -> String {
    b.iter().map(|&c| if (0x20..0x7f).contains(&c) && c != b'\\' { (c as char).to_string() } else { c.escape_ascii().to_string() }).collect()
}

fn bytes<'a>(args: &[&'a str]) -> Vec<&'a [u8]> {
    args.iter().map(|a| a.as_bytes()).collect()
}

/// The standard tree: files empty and not, a hidden one; an empty
/// directory, a nested one with files, a fifo and a hidden file, one with
/// only hidden files, one with only empty directories; symlinks to a file,
/// to directories, dangling and looping; a fifo.
fn fixture(dir: &Path) {
    for d in ["de", "dn/a/b", "dh", "dd/e1", "dd/e2/e3"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    for (f, body) in [("e", ""), ("f", "x\n"), ("g", "data\n"), (".hid", "h"), ("dn/f", "1"), ("dn/a/g", ""), ("dn/a/b/h", "2")] {
        std::fs::write(dir.join(f), body).unwrap();
    }
    for f in ["dn/.h", "dh/.h1", "dh/.h2"] {
        std::fs::write(dir.join(f), "").unwrap();
    }
    for (link, to) in [("lf", "f"), ("ld", "dn"), ("lde", "de"), ("lda", "dn/a"), ("ldang", "nowhere"), ("lloop", "lloop")] {
        symlink(to, dir.join(link)).unwrap();
    }
    fifo(&dir.join("p"));
    fifo(&dir.join("dn/a/p"));
}

/// Every entry under `dir`, sorted: its path (as `show` prints it) and
/// `/` for a directory, `@` for a symlink, `|` for a fifo.
fn left(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, rel: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(base.join(rel)) else {
            out.push(format!("{} (unreadable)", show(rel.as_os_str().as_bytes())));
            return;
        };
        for entry in entries {
            let rel = rel.join(entry.unwrap().file_name());
            let ft = std::fs::symlink_metadata(base.join(&rel)).unwrap().file_type();
            let name = show(rel.as_os_str().as_bytes());
            use std::os::unix::fs::FileTypeExt;
            if ft.is_dir() {
                out.push(name + "/");
                walk(base, &rel, out);
            } else if ft.is_symlink() {
                out.push(name + "@");
            } else if ft.is_fifo() {
                out.push(name + "|");
            } else {
                out.push(name);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, Path::new(""), &mut out);
    out.sort();
    out
}

/// The fixture's entries without `gone` (each of which it must have).
fn after(gone: &[&str]) -> Vec<String> {
    let dir = tempdir("rm-fixture");
    fixture(&dir);
    let mut all = left(&dir);
    for g in gone {
        let at = all.iter().position(|e| e == g).unwrap_or_else(|| panic!("{g} is not in the fixture: {all:?}"));
        all.remove(at);
    }
    all
}

/// The fixture's entries without everything at or below each of `trees`.
fn without(trees: &[&str]) -> Vec<String> {
    after(&[]).into_iter().filter(|e| !trees.iter().any(|t| e == t || e.starts_with(&format!("{}/", t.trim_end_matches('/'))))).collect()
}

/// How stdout is connected for a run.
#[derive(Clone, Copy)]
enum Out {
    Pipe,
    Full,
}

/// Runs `program` as `rm ARGS` in `cwd` with `stdin`.
fn exec(program: &Path, cwd: &Path, args: &[OsString], stdin: &[u8], env: &[(&str, &str)], out: Out) -> Outcome {
    match out {
        Out::Pipe => outcome(program, "rm", args, stdin, env, cwd),
        Out::Full => {
            use std::io::Write;
            let mut cmd = std::process::Command::new(program);
            cmd.arg0("rm").args(args).env_clear().env("LC_ALL", "C").current_dir(cwd);
            for (k, v) in env {
                cmd.env(k, v);
            }
            cmd.stdin(Stdio::piped()).stdout(dev_full()).stderr(Stdio::piped());
            let mut child = cmd.spawn().expect("spawn");
            let mut input = child.stdin.take().unwrap();
            let data = stdin.to_vec();
            let feeder = std::thread::spawn(move || {
                let _ = input.write_all(&data);
            });
            let o = child.wait_with_output().expect("wait");
            let _ = feeder.join();
            Outcome { status: o.status.code(), stdout: o.stdout, stderr: o.stderr }
        }
    }
}

/// One run: the box's outcome, the tree it left in its cwd, and the temp
/// dirs (the box's and GNU's twin, whose cwd is `w` below them).
struct Run {
    out: Outcome,
    tree: Vec<String>,
    dirs: Vec<PathBuf>,
}

/// Runs the box as `rm ARGS` in `T/w` (a fresh T, `w` filled by `build`),
/// and GNU's rm (when present) in a twin; asserts that the two agree on
/// status, stdout, stderr and the tree left.
fn run_full(tag: &str, build: &dyn Fn(&Path), args: &[&[u8]], stdin: &[u8], env: &[(&str, &str)], out: Out) -> Run {
    let args: Vec<OsString> = args.iter().map(|a| os(a)).collect();
    let mut programs = vec![bin().to_path_buf()];
    programs.extend(gnu("rm").map(PathBuf::from));
    let mut runs = Vec::new();
    for (n, program) in programs.iter().enumerate() {
        let t = tempdir(&format!("rm-{tag}{}", ["", "-gnu"][n]));
        let w = t.join("w");
        std::fs::create_dir(&w).unwrap();
        build(&w);
        let o = exec(program, &w, &args, stdin, env, out);
        runs.push((o, left(&w), t));
    }
    let (out, tree, dir) = runs.remove(0);
    let mut dirs = vec![dir];
    if let Some((want, theirs, gdir)) = runs.pop() {
        assert!(out == want, "rm {args:?} {env:?} stdin {:?}\nfemtobox: {}\nGNU: {}", show(stdin), out.show(), want.show());
        assert_eq!(tree, theirs, "rm {args:?}: trees differ (femtobox, GNU)");
        dirs.push(gdir);
    }
    Run { out, tree, dirs }
}

fn run(tag: &str, build: &dyn Fn(&Path), args: &[&[u8]]) -> Run {
    run_full(tag, build, args, b"", &[], Out::Pipe)
}

fn run_in(tag: &str, build: &dyn Fn(&Path), args: &[&[u8]], stdin: &[u8]) -> Run {
    run_full(tag, build, args, stdin, &[], Out::Pipe)
}

/// Asserts the outcome and the tree of a run.
#[track_caller]
fn expect(r: &Run, code: i32, out: &str, err: &str, tree: &[String]) {
    assert_eq!((r.out.status, show(&r.out.stdout), show(&r.out.stderr)), (Some(code), show(out.as_bytes()), show(err.as_bytes())));
    assert_eq!(r.tree, tree, "the tree left behind");
}

/// `rm: cannot remove 'NAME': WHY` for each pair (NAME as given: quote it).
fn cannot(list: &[(&str, &str)]) -> String {
    list.iter().map(|(n, why)| format!("rm: cannot remove {n}: {why}\n")).collect()
}

/// The lines of `text`, sorted (for -v output whose sibling order is the
/// directory's).
fn sorted_lines(text: &[u8]) -> Vec<String> {
    let mut l: Vec<String> = String::from_utf8_lossy(text).lines().map(str::to_string).collect();
    l.sort();
    l
}

/// Runs a bash line; (status, stdout, stderr) as text.
fn sh(line: &str) -> (Option<i32>, String, String) {
    let o = bash(line);
    (o.status, String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

fn nothing(_: &Path) {}

#[test]
fn files_are_removed_silently_and_a_missing_one_is_reported_while_the_rest_go() {
    if !has(&["rm"]) {
        return;
    }
    let r = run("files", &fixture, &[b"e", b"f", b"lf", b"p", b".hid"]);
    expect(&r, 0, "", "", &after(&["e", "f", "lf@", "p|", ".hid"]));
    // A hard link is a name like any other: the other name keeps the data.
    let build = |d: &Path| {
        std::fs::write(d.join("a"), "x").unwrap();
        std::fs::hard_link(d.join("a"), d.join("b")).unwrap();
    };
    let r = run("hardlink", &build, &[b"a"]);
    expect(&r, 0, "", "", &["b".to_string()]);
    let r = run("missing", &fixture, &[b"missing", b"f", b"", b"dn/nope", b"nodir/x", b"f/x", b"g", b"f"]);
    let err = cannot(&[
        ("'missing'", "No such file or directory"),
        ("''", "No such file or directory"),
        ("'dn/nope'", "No such file or directory"),
        ("'nodir/x'", "No such file or directory"),
        // f is gone by then.
        ("'f/x'", "No such file or directory"),
        ("'f'", "No such file or directory"),
    ]);
    expect(&r, 1, "", &err, &after(&["f", "g"]));
    // A trailing slash on something that is not a directory.
    let r = run("notdir", &fixture, &[b"f/", b"lf/", b"p/", b"ldang/", b"e"]);
    let err = cannot(&[
        ("'f/'", "Not a directory"),
        ("'lf/'", "Not a directory"),
        ("'p/'", "Not a directory"),
        ("'ldang/'", "Not a directory"),
    ]);
    expect(&r, 1, "", &err, &after(&["e"]));
    // Dangling and looping symlinks are removed like files (never followed).
    let r = run("links", &fixture, &[b"ldang", b"lloop", b"ld", b"lde"]);
    expect(&r, 0, "", "", &after(&["ldang@", "lloop@", "ld@", "lde@"]));
}

#[test]
fn force_is_silent_about_missing_files_and_an_empty_command_line() {
    if !has(&["rm"]) {
        return;
    }
    // Not there: ENOENT, and ENOTDIR too (`f/`, `f/x`).
    for (i, opt) in ["-f", "--force", "--f", "--fo"].iter().enumerate() {
        let r = run(&format!("force{i}"), &fixture, &[opt.as_bytes(), b"missing", b"e", b"", b"nodir/x", b"f/x", b"f/", b"ldang/", b"p/"]);
        expect(&r, 0, "", "", &after(&["e"]));
    }
    // Other failures still count.
    let r = run("force-fail", &fixture, &[b"-f", b"missing", b"dh", b"e"]);
    expect(&r, 1, "", &cannot(&[("'dh'", "Is a directory")]), &after(&["e"]));
    for args in [&["-f"][..], &["--force"], &["-f", "--"], &["-rf"], &["-fv"], &["-if"]] {
        expect(&run("force-none", &fixture, &bytes(args)), 0, "", "", &after(&[]));
    }
    // -f does not make a directory removable.
    let r = run("force-dir", &fixture, &[b"-f", b"de", b"dn"]);
    expect(&r, 1, "", &cannot(&[("'de'", "Is a directory"), ("'dn'", "Is a directory")]), &after(&[]));
}

#[test]
fn no_operand_is_a_missing_operand_error() {
    if !has(&["rm"]) {
        return;
    }
    let err = format!("rm: missing operand\n{TRY}");
    for args in [&[][..], &["--"], &["-r"], &["-i"], &["-I"], &["-v", "-d"], &["-fi"], &["--interactive=never"], &["-f", "-i"]] {
        expect(&run("none", &fixture, &bytes(args)), 1, "", &err, &after(&[]));
    }
    let r = run_full("none-posix", &fixture, &[b"-r"], b"", &[("POSIXLY_CORRECT", "1")], Out::Pipe);
    expect(&r, 1, "", &err, &after(&[]));
}

#[test]
fn a_directory_needs_r_or_d_and_d_removes_only_empty_ones() {
    if !has(&["rm"]) {
        return;
    }
    let r = run("isdir", &fixture, &[b"de", b"dn", b"dn/", b"ld/", b"e"]);
    let err = cannot(&[("'de'", "Is a directory"), ("'dn'", "Is a directory"), ("'dn/'", "Is a directory"), ("'ld/'", "Is a directory")]);
    expect(&r, 1, "", &err, &after(&["e"]));
    for (i, opt) in ["-d", "--dir", "--d", "--di"].iter().enumerate() {
        let r = run(&format!("dir{i}"), &fixture, &[opt.as_bytes(), b"de", b"dn", b"dh", b"dd", b"dd/e1", b"dn/a/b/h", b"f"]);
        let err = cannot(&[("'dn'", "Directory not empty"), ("'dh'", "Directory not empty"), ("'dd'", "Directory not empty")]);
        expect(&r, 1, "", &err, &after(&["de/", "dd/e1/", "dn/a/b/h", "f"]));
    }
    // Emptied by earlier operands, a directory goes too; `dir/` works.
    let r = run("dir-chain", &fixture, &[b"-dv", b"dd/e2/e3", b"dd/e2/", b"dd/e1", b"dd/", b"lde/"]);
    expect(
        &r,
        1,
        "removed directory 'dd/e2/e3'\nremoved directory 'dd/e2/'\nremoved directory 'dd/e1'\nremoved directory 'dd/'\n",
        &cannot(&[("'lde/'", "Not a directory")]),
        &without(&["dd/"]),
    );
}

#[test]
fn recursive_removes_trees_of_files_symlinks_and_fifos() {
    if !has(&["rm"]) {
        return;
    }
    for (i, opt) in ["-r", "-R", "--recursive", "--rec", "--r"].iter().enumerate() {
        let r = run(&format!("rec{i}"), &fixture, &[opt.as_bytes(), b"dn", b"dh", b"dd", b"de", b"f", b"ld"]);
        expect(&r, 0, "", "", &without(&["dn/", "dh/", "dd/", "de/", "f", "ld@"]));
    }
    // Everything at once, and -r with -d is still -r.
    let all: Vec<&[u8]> =
        vec![b"-rd", b"e", b"f", b"g", b".hid", b"de", b"dn", b"dh", b"dd", b"lf", b"ld", b"lde", b"lda", b"ldang", b"lloop", b"p"];
    expect(&run("rec-all", &fixture, &all), 0, "", "", &[]);
    // Missing operands and a directory given twice (the second is gone).
    let r = run("rec-missing", &fixture, &[b"-r", b"dn", b"missing", b"dn", b"dn/a"]);
    let err = cannot(&[("'missing'", "No such file or directory"), ("'dn'", "No such file or directory"), ("'dn/a'", "No such file or directory")]);
    expect(&r, 1, "", &err, &without(&["dn/"]));
    // A subtree first, then its parent.
    let r = run("rec-nested", &fixture, &[b"-r", b"dn/a/b", b"dn/a", b"./dn"]);
    expect(&r, 0, "", "", &without(&["dn/"]));
    // Through a symlink to a directory, below it.
    let r = run("rec-through", &fixture, &[b"-r", b"ld/a/b", b"lda/p"]);
    expect(&r, 0, "", "", &without(&["dn/a/b/", "dn/a/p|"]));
}

#[test]
fn verbose_names_every_removal_children_before_their_directory_in_gnu_s_order() {
    if !has(&["rm"]) {
        return;
    }
    for (i, opt) in ["-v", "--verbose", "--verb"].iter().enumerate() {
        let r = run(&format!("v{i}"), &fixture, &[opt.as_bytes(), b"e", b"missing", b"lf", b"p"]);
        expect(&r, 1, "removed 'e'\nremoved 'lf'\nremoved 'p'\n", &cannot(&[("'missing'", "No such file or directory")]), &after(&[
            "e", "lf@", "p|",
        ]));
    }
    // The order of siblings is the directory's; GNU's twin must agree line
    // for line (run_full checks), and the set is this.
    let r = run("v-tree", &fixture, &[b"-rv", b"dn", b"dh", b"dd", b"de"]);
    assert_eq!(r.out.status, Some(0));
    let mut want: Vec<String> = [
        "removed 'dn/f'",
        "removed 'dn/.h'",
        "removed 'dn/a/g'",
        "removed 'dn/a/p'",
        "removed 'dn/a/b/h'",
        "removed directory 'dn/a/b'",
        "removed directory 'dn/a'",
        "removed directory 'dn'",
        "removed 'dh/.h1'",
        "removed 'dh/.h2'",
        "removed directory 'dh'",
        "removed directory 'dd/e1'",
        "removed directory 'dd/e2/e3'",
        "removed directory 'dd/e2'",
        "removed directory 'dd'",
        "removed directory 'de'",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    want.sort();
    assert_eq!(sorted_lines(&r.out.stdout), want);
    // Post-order: each directory's line comes after every line below it.
    let text = String::from_utf8_lossy(&r.out.stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    for (at, l) in lines.iter().enumerate() {
        if let Some(d) = l.strip_prefix("removed directory '").and_then(|d| d.strip_suffix('\'')) {
            assert!(!lines[at + 1..].iter().any(|m| m.contains(&format!("'{d}/"))), "{d} before its contents: {lines:?}");
        }
    }
    assert_eq!(r.out.stderr, b"");
    assert_eq!(r.tree, without(&["dn/", "dh/", "dd/", "de/"]));
    // Paths are the operand joined with the names below it, as given.
    let r = run("v-spelling", &fixture, &[b"-rv", b"./dh", b"dd/e2/"]);
    let mut got = sorted_lines(&r.out.stdout);
    got.sort();
    assert_eq!(got, ["removed './dh/.h1'", "removed './dh/.h2'", "removed directory './dh'", "removed directory 'dd/e2/'", "removed directory 'dd/e2/e3'"]);
}

#[test]
fn a_symlink_to_a_directory_with_a_trailing_slash_loses_its_contents_and_stays() {
    if !has(&["rm"]) {
        return;
    }
    let r = run("dsym", &fixture, &[b"-r", b"ld/"]);
    expect(&r, 1, "", &cannot(&[("'ld/'", "Not a directory")]), &plus(without(&["dn/"]), &["dn/"]));
    let r = run("dsym-v", &fixture, &[b"-rv", b"lda/"]);
    assert_eq!(sorted_lines(&r.out.stdout), ["removed 'lda/b/h'", "removed 'lda/g'", "removed 'lda/p'", "removed directory 'lda/b'"]);
    assert_eq!(show(&r.out.stderr), show(cannot(&[("'lda/'", "Not a directory")]).as_bytes()));
    assert_eq!(r.tree, plus(without(&["dn/a/"]), &["dn/a/"]));
    // An empty target: nothing to remove but the failure.
    let r = run("dsym-empty", &fixture, &[b"-rv", b"lde/"]);
    expect(&r, 1, "", &cannot(&[("'lde/'", "Not a directory")]), &after(&[]));
    // Without the slash only the link goes.
    let r = run("dsym-bare", &fixture, &[b"-r", b"ld"]);
    expect(&r, 0, "", "", &after(&["ld@"]));
}

/// `tree` with `more` entries, sorted.
fn plus(mut tree: Vec<String>, more: &[&str]) -> Vec<String> {
    tree.extend(more.iter().map(|m| m.to_string()));
    tree.sort();
    tree
}

/// Builds `T/outside` (a sibling of the cwd `T/w`) with a canary and a
/// subdirectory of files, and in the cwd a tree with symlinks to it
/// (absolute and relative) at every depth.
fn outside_fixture(w: &Path) {
    let out = w.parent().unwrap().join("outside");
    std::fs::create_dir_all(out.join("sub/deeper")).unwrap();
    for f in ["canary", "sub/c2", "sub/deeper/c3"] {
        std::fs::write(out.join(f), "alive\n").unwrap();
    }
    std::fs::create_dir_all(w.join("t/a/b")).unwrap();
    std::fs::write(w.join("t/a/b/f"), "").unwrap();
    symlink(&out, w.join("t/abs")).unwrap();
    symlink("../../outside", w.join("t/rel")).unwrap();
    symlink(out.join("sub"), w.join("t/a/b/abs")).unwrap();
    symlink("../../../../outside/sub", w.join("t/a/b/rel")).unwrap();
    symlink(&out, w.join("top")).unwrap();
}

fn outside_intact(t: &Path) {
    let out = t.join("outside");
    for f in ["canary", "sub/c2", "sub/deeper/c3"] {
        assert_eq!(std::fs::read_to_string(out.join(f)).ok().as_deref(), Some("alive\n"), "{:?} was touched", out.join(f));
    }
}

#[test]
fn symlinks_are_never_followed_out_of_the_tree() {
    if !has(&["rm"]) {
        return;
    }
    let r = run("outside", &outside_fixture, &[b"-r", b"t", b"top"]);
    expect(&r, 0, "", "", &[]);
    r.dirs.iter().for_each(|d| outside_intact(d));
    let r = run("outside-v", &outside_fixture, &[b"-rfv", b"t", b"top"]);
    assert_eq!(sorted_lines(&r.out.stdout), [
        "removed 't/a/b/abs'",
        "removed 't/a/b/f'",
        "removed 't/a/b/rel'",
        "removed 't/abs'",
        "removed 't/rel'",
        "removed 'top'",
        "removed directory 't'",
        "removed directory 't/a'",
        "removed directory 't/a/b'",
    ]);
    r.dirs.iter().for_each(|d| outside_intact(d));
    // Below a link (not at its end) the path is resolved by the kernel, as
    // for any operand: `t/abs/..` is refused, the rest is never reached.
    let r = run("outside-dots", &outside_fixture, &[b"-r", b"t/abs/..", b"t/rel/."]);
    let err = "rm: refusing to remove '.' or '..' directory: skipping 't/abs/..'\n\
               rm: refusing to remove '.' or '..' directory: skipping 't/rel/.'\n";
    assert_eq!((r.out.status, show(&r.out.stderr)), (Some(1), show(err.as_bytes())));
    r.dirs.iter().for_each(|d| outside_intact(d));
    // Prompted, the links are named links.
    let r = run_in("outside-i", &outside_fixture, &[b"-i", b"top"], b"y\n");
    expect(&r, 0, "", "rm: remove symbolic link 'top'? ", &left_of(&outside_fixture, &["top@"]));
    r.dirs.iter().for_each(|d| outside_intact(d));
}

/// What `build` makes, without `gone`.
fn left_of(build: &dyn Fn(&Path), gone: &[&str]) -> Vec<String> {
    let t = tempdir("rm-left-of");
    let w = t.join("w");
    std::fs::create_dir(&w).unwrap();
    build(&w);
    left(&w).into_iter().filter(|e| !gone.contains(&e.as_str())).collect()
}

#[test]
fn dot_and_dotdot_as_the_last_component_are_refused_and_the_rest_go_on() {
    if !has(&["rm"]) {
        return;
    }
    let refuse = |names: &[&str]| -> String {
        names.iter().map(|n| format!("rm: refusing to remove '.' or '..' directory: skipping {n}\n")).collect()
    };
    let r = run("dots", &fixture, &[b"-r", b".", b"dn/..", b"dn/./", b"dn/a/.", b"./", b"ld/..", b"dn/a/../.", b"e"]);
    expect(&r, 1, "", &refuse(&["'.'", "'dn/..'", "'dn/./'", "'dn/a/.'", "'./'", "'ld/..'", "'dn/a/../.'"]), &after(&["e"]));
    // Also with -f, -d, -i (refused before any prompt) and --no-preserve-root.
    for args in [&["-rf", "."][..], &["-d", "dd/e2/e3/."], &["-ri", "dn/.."], &["-r", "--no-preserve-root", "dn/a/.."], &["-rv", "dh/."]] {
        let name = args.last().unwrap();
        let r = run_in("dots-opts", &fixture, &bytes(args), &b"y\n".repeat(50));
        expect(&r, 1, "", &refuse(&[&format!("'{name}'")]), &after(&[]));
    }
    // Without -r or -d, a directory is just a directory.
    let r = run("dots-plain", &fixture, &[b".", b"dn/.."]);
    expect(&r, 1, "", &cannot(&[("'.'", "Is a directory"), ("'dn/..'", "Is a directory")]), &after(&[]));
    // `..` inside the name (not last) is fine.
    let r = run("dots-inside", &fixture, &[b"-r", b"dn/../dh", b"./dd/./e1", b"dn/a/../f"]);
    expect(&r, 0, "", "", &without(&["dh/", "dd/e1/", "dn/f"]));
    // Names that only begin with dots are names.
    let build = |d: &Path| {
        fixture(d);
        for n in ["...", "..a", ".b"] {
            std::fs::create_dir(d.join(n)).unwrap();
        }
    };
    let r = run("dots-names", &build, &[b"-rv", b"...", b"..a", b".b/"]);
    expect(&r, 0, "removed directory '...'\nremoved directory '..a'\nremoved directory '.b/'\n", "", &after(&[]));
}

#[test]
fn trailing_slashes_are_trimmed_to_one_as_fts_does() {
    if !has(&["rm"]) {
        return;
    }
    // GNU's fts_open trims two or more trailing slashes to one, so every
    // message and -v line names `d/`, never `d//`.
    let r = run("slashes", &fixture, &[b"-rv", b"dh//", b"dd///"]);
    assert_eq!(
        sorted_lines(&r.out.stdout),
        [
            "removed 'dh/.h1'",
            "removed 'dh/.h2'",
            "removed directory 'dd/'",
            "removed directory 'dd/e1'",
            "removed directory 'dd/e2'",
            "removed directory 'dd/e2/e3'",
            "removed directory 'dh/'"
        ]
    );
    let r = run("slashes-msg", &fixture, &[b"f//", b"missing///", b"de//", b"-r", b".//", b"dn/a/..//", b"ld//"]);
    let want = cannot(&[("'f/'", "Not a directory"), ("'missing/'", "No such file or directory")])
        + "rm: refusing to remove '.' or '..' directory: skipping './'\n\
           rm: refusing to remove '.' or '..' directory: skipping 'dn/a/../'\n"
        + &cannot(&[("'ld/'", "Not a directory")]);
    expect(&r, 1, "", &want, &plus(without(&["de/", "dn/"]), &["dn/"]));
    // (-d holds for every operand: the empty de goes.)
    let r = run("slashes-isdir", &fixture, &[b"de//", b"-d", b"dh///"]);
    expect(&r, 1, "", &cannot(&[("'dh/'", "Directory not empty")]), &after(&["de/"]));
}

/// A tree for the prompts: every kind of file, a directory with a file
/// and a subdirectory.
fn prompt_fixture(d: &Path) {
    std::fs::write(d.join("e"), "").unwrap();
    std::fs::write(d.join("f"), "x\n").unwrap();
    std::fs::create_dir_all(d.join("d")).unwrap();
    std::fs::create_dir_all(d.join("t/s")).unwrap();
    std::fs::write(d.join("t/s/g"), "y\n").unwrap();
    std::fs::write(d.join("t/h"), "").unwrap();
    symlink("f", d.join("l")).unwrap();
    symlink("t", d.join("ldir")).unwrap();
    fifo(&d.join("p"));
}

#[test]
fn interactive_prompts_name_the_file_type_and_take_answers_from_stdin() {
    if !has(&["rm"]) {
        return;
    }
    let q = |kind: &str, name: &str| format!("rm: remove {kind} '{name}'? ");
    let all = [q("regular empty file", "e"), q("regular file", "f"), q("symbolic link", "l"), q("symbolic link", "ldir"), q("fifo", "p")]
        .concat();
    // Every answer yes (y, Y, yes, and a line that only starts with y).
    let r = run_in("ask-yes", &prompt_fixture, &[b"-i", b"e", b"f", b"l", b"ldir", b"p"], b"y\nY\nyes\nyup no\ny\n");
    expect(&r, 0, "", &all, &left_of(&prompt_fixture, &["e", "f", "l@", "ldir@", "p|"]));
    // Every answer no (n, empty line, ` y`, anything else), then stdin ends.
    for (i, input) in [&b"n\n\n y\nx\n"[..], b"", b"no\nN\nnope\n\n\n", b"\n"].iter().enumerate() {
        let r = run_in(&format!("ask-no{i}"), &prompt_fixture, &[b"-i", b"e", b"f", b"l", b"ldir", b"p"], input);
        expect(&r, 0, "", &all, &left_of(&prompt_fixture, &[]));
    }
    // A directory: descend, then remove; empty: one question.
    let r = run_in("ask-dir", &prompt_fixture, &[b"-ri", b"d", b"t"], b"y\ny\ny\ny\ny\ny\ny\n");
    let want = "rm: remove directory 'd'? rm: descend into directory 't'? ";
    assert!(show(&r.out.stderr).starts_with(want), "{}", show(&r.out.stderr));
    assert_eq!(r.out.status, Some(0));
    assert_eq!(r.tree, left_of(&prompt_fixture, &["d/", "t/", "t/s/", "t/s/g", "t/h"]));
    // Without -r a directory is refused before any question; with -d an
    // empty one is asked about.
    let r = run_in("ask-plain-dir", &prompt_fixture, &[b"-i", b"d", b"t"], b"y\ny\n");
    expect(&r, 1, "", &cannot(&[("'d'", "Is a directory"), ("'t'", "Is a directory")]), &left_of(&prompt_fixture, &[]));
    let r = run_in("ask-d", &prompt_fixture, &[b"-di", b"d", b"t"], b"y\ny\n");
    expect(&r, 1, "", &(q("directory", "d") + &cannot(&[("'t'", "Directory not empty")])), &left_of(&prompt_fixture, &["d/"]));
    // Every spelling of always.
    for (i, opt) in ["--interactive", "--interactive=always", "--interactive=yes", "--inter=al", "--i=y", "-fi"].iter().enumerate() {
        let r = run_in(&format!("ask-spell{i}"), &prompt_fixture, &[opt.as_bytes(), b"e"], b"n\n");
        expect(&r, 0, "", &q("regular empty file", "e"), &left_of(&prompt_fixture, &[]));
    }
}

#[test]
fn declining_inside_a_directory_keeps_it_and_yes_to_it_is_directory_not_empty() {
    if !has(&["rm"]) {
        return;
    }
    // e y, f n, d y, t y, t/h y, t/s y, t/s/g n, t/s y (fails; t is then
    // kept without a question), l y, p y: compared with GNU as a whole.
    let r = run_in("decline", &prompt_fixture, &[b"-ri", b"e", b"f", b"d", b"t", b"l", b"p"], b"y\nn\ny\ny\ny\ny\nn\ny\ny\ny\n");
    assert_eq!(r.out.status, Some(1));
    let err = String::from_utf8_lossy(&r.out.stderr);
    assert!(err.contains("rm: remove regular file 't/s/g'? rm: remove directory 't/s'? rm: cannot remove 't/s': Directory not empty\n"), "{err}");
    assert!(!err.contains("remove directory 't'?"), "{err}");
    assert_eq!(r.tree, left_of(&prompt_fixture, &["e", "d/", "t/h", "l@", "p|"]));
    // The same in one directory, in order.
    let build = |d: &Path| {
        std::fs::create_dir(d.join("d")).unwrap();
        std::fs::write(d.join("d/f"), "").unwrap();
    };
    let r = run_in("decline-one", &build, &[b"-ri", b"d"], b"y\nn\ny\n");
    expect(
        &r,
        1,
        "",
        "rm: descend into directory 'd'? rm: remove regular empty file 'd/f'? rm: remove directory 'd'? \
         rm: cannot remove 'd': Directory not empty\n",
        &["d/".to_string(), "d/f".to_string()],
    );
    // Declining the descent keeps it all, without an error.
    let r = run_in("decline-descend", &build, &[b"-ri", b"d"], b"n\n");
    expect(&r, 0, "", "rm: descend into directory 'd'? ", &["d/".to_string(), "d/f".to_string()]);
    // Declining the directory itself after emptying it.
    let r = run_in("decline-last", &build, &[b"-riv", b"d"], b"y\ny\nn\n");
    expect(
        &r,
        0,
        "removed 'd/f'\n",
        "rm: descend into directory 'd'? rm: remove regular empty file 'd/f'? rm: remove directory 'd'? ",
        &["d/".to_string()],
    );
}

#[test]
fn interactive_once_asks_one_question_for_more_than_three_or_any_recursive() {
    if !has(&["rm"]) {
        return;
    }
    let four: &[&[u8]] = &[b"-I", b"e", b"f", b"g", b"p"];
    let r = run_in("once-no", &fixture, four, b"n\n");
    expect(&r, 0, "", "rm: remove 4 arguments? ", &after(&[]));
    let r = run_in("once-yes", &fixture, four, b"y\n");
    expect(&r, 0, "", "rm: remove 4 arguments? ", &after(&["e", "f", "g", "p|"]));
    // Three or fewer, not recursive: no question.
    let r = run_in("once-three", &fixture, &[b"-I", b"e", b"f", b"g"], b"n\n");
    expect(&r, 0, "", "", &after(&["e", "f", "g"]));
    // Recursive: always a question, singular or plural.
    let r = run_in("once-r1", &fixture, &[b"-rI", b"dn"], b"y\n");
    expect(&r, 0, "", "rm: remove 1 argument recursively? ", &without(&["dn/"]));
    let r = run_in("once-r2", &fixture, &[b"-I", b"-R", b"dn", b"dh"], b"n\n");
    expect(&r, 0, "", "rm: remove 2 arguments recursively? ", &after(&[]));
    // Missing names count as arguments too.
    let r = run_in("once-missing", &fixture, &[b"--interactive=once", b"e", b"m1", b"m2", b"m3"], b"y\n");
    expect(&r, 1, "", &("rm: remove 4 arguments? ".to_string() + &cannot(&[
        ("'m1'", "No such file or directory"),
        ("'m2'", "No such file or directory"),
        ("'m3'", "No such file or directory"),
    ])), &after(&["e"]));
    // -I then -i or -f: the last wins.
    let r = run_in("once-then-f", &fixture, &[b"-I", b"-f", b"e", b"f", b"g", b"p"], b"n\n");
    expect(&r, 0, "", "", &after(&["e", "f", "g", "p|"]));
    let r = run_in("f-then-once", &fixture, &[b"-f", b"--interactive=o", b"e", b"f", b"g", b"p"], b"n\n");
    expect(&r, 0, "", "rm: remove 4 arguments? ", &after(&[]));
    let r = run_in("once-then-i", &fixture, &[b"-Ii", b"e", b"f", b"g", b"p"], b"y\nn\ny\nn\n");
    expect(
        &r,
        0,
        "",
        "rm: remove regular empty file 'e'? rm: remove regular file 'f'? rm: remove regular file 'g'? rm: remove fifo 'p'? ",
        &after(&["e", "g"]),
    );
}

#[test]
fn interactive_when_takes_gnu_s_words_and_prefixes_and_rejects_the_rest() {
    if !has(&["rm"]) {
        return;
    }
    for (i, when) in ["never", "no", "none", "ne", "non", "n"].iter().enumerate() {
        let r = run_in(&format!("when-never{i}"), &fixture, &[format!("--interactive={when}").as_bytes(), b"e", b"f", b"g", b"p"], b"n\n");
        expect(&r, 0, "", "", &after(&["e", "f", "g", "p|"]));
    }
    // never after -i turns prompts off, but not -f's silence on.
    let r = run_in("when-never-i", &fixture, &[b"-i", b"--interactive=never", b"e", b"missing"], b"n\n");
    expect(&r, 1, "", &cannot(&[("'missing'", "No such file or directory")]), &after(&["e"]));
    let list = "Valid arguments are:\n  - 'never', 'no', 'none'\n  - 'once'\n  - 'always', 'yes'\n";
    for (arg, what) in [("bogus", "invalid"), ("", "ambiguous"), ("x", "invalid"), ("al", "")] {
        let r = run_in("when-bad", &fixture, &[format!("--interactive={arg}").as_bytes(), b"e"], b"n\n");
        if what.is_empty() {
            expect(&r, 0, "", "rm: remove regular empty file 'e'? ", &after(&[]));
            continue;
        }
        expect(&r, 1, "", &format!("rm: {what} argument '{arg}' for '--interactive'\n{list}{TRY}"), &after(&[]));
    }
    // An abbreviated option is named in full.
    let r = run("when-abbrev", &fixture, &[b"--inter=x", b"e"]);
    expect(&r, 1, "", &format!("rm: invalid argument 'x' for '--interactive'\n{list}{TRY}"), &after(&[]));
    // The argument is optional: a separate word is an operand.
    let r = run_in("when-separate", &fixture, &[b"--interactive", b"never"], b"n\n");
    expect(&r, 1, "", &cannot(&[("'never'", "No such file or directory")]), &after(&[]));
}

#[test]
fn no_preserve_root_may_not_be_abbreviated_and_preserve_root_takes_only_all() {
    if !has(&["rm"]) {
        return;
    }
    let abbr = "rm: you may not abbreviate the --no-preserve-root option\n";
    for args in [&["--no-pres", "f"][..], &["--no", "f"], &["--n", "f"], &["--no-preserve-roo", "f"], &["-r", "--no-preserve-root", "--no-p", "f"]] {
        expect(&run("nopres", &fixture, &bytes(args)), 1, "", abbr, &after(&[]));
    }
    // Written in full it is fine (here nothing is near `/`).
    let r = run("nopres-full", &fixture, &[b"--no-preserve-root", b"-r", b"f", b"dh"]);
    expect(&r, 0, "", "", &without(&["f", "dh/"]));
    // After `--` it is a name.
    let r = run("nopres-operand", &fixture, &[b"f", b"--", b"--no-pres"]);
    expect(&r, 1, "", &cannot(&[("'--no-pres'", "No such file or directory")]), &after(&["f"]));
    for bad in ["bogus", "", "al", "ALL", "all "] {
        let r = run("pres-bad", &fixture, &[format!("--preserve-root={bad}").as_bytes(), b"f"]);
        expect(&r, 1, "", &format!("rm: unrecognized --preserve-root argument: '{bad}'\n"), &after(&[]));
    }
    let r = run("pres-bad-abbr", &fixture, &[b"--pres=x", b"f"]);
    expect(&r, 1, "", "rm: unrecognized --preserve-root argument: 'x'\n", &after(&[]));
    for args in [&["--preserve-root", "f"][..], &["--preserve-root=all", "f"], &["--p", "f"], &["--pre=all", "-r", "dh", "f"]] {
        let r = run("pres-ok", &fixture, &bytes(args));
        assert_eq!((r.out.status, show(&r.out.stderr)), (Some(0), String::new()), "{args:?}");
    }
    // --preserve-root=all on an operand on the same device as its parent
    // is no obstacle, `..` or not.
    let r = run("pres-all", &fixture, &[b"-r", b"--preserve-root=all", b"ld/a/b", b"dn/a", b"./dh", b"missing"]);
    expect(&r, 1, "", &cannot(&[("'missing'", "No such file or directory")]), &without(&["dn/a/", "dh/"]));
}

#[test]
fn a_bad_option_suggests_dot_slash_for_an_existing_file_named_like_an_option() {
    if !has(&["rm"]) {
        return;
    }
    let build = |d: &Path| {
        fixture(d);
        for n in [&b"-foo"[..], b"-x", b"-a b", b"-n\x01", b"-it's", b"--", b"--v"] {
            std::fs::write(d.join(os(n)), "").unwrap();
        }
        std::fs::create_dir(d.join("-dir")).unwrap();
    };
    let cases: &[(&[&[u8]], &str)] = &[
        (&[b"-x", b"-foo"], "rm: invalid option -- 'x'\nTry 'rm ./-x' to remove the file '-x'.\n"),
        (&[b"-q", b"-foo"], "rm: invalid option -- 'q'\nTry 'rm ./-foo' to remove the file '-foo'.\n"),
        (&[b"-foo"], "rm: invalid option -- 'o'\nTry 'rm ./-foo' to remove the file '-foo'.\n"),
        (&[b"f", b"-q", b"-foo"], "rm: invalid option -- 'q'\nTry 'rm ./-foo' to remove the file '-foo'.\n"),
        (&[b"--bogus", b"f", b"-foo"], "rm: unrecognized option '--bogus'\nTry 'rm ./-foo' to remove the file '-foo'.\n"),
        (&[b"-q", b"-a b"], "rm: invalid option -- 'q'\nTry 'rm ./'-a b'' to remove the file '-a b'.\n"),
        (&[b"-q", b"-n\x01"], "rm: invalid option -- 'q'\nTry 'rm ./'-n'$'\\001'' to remove the file '-n'$'\\001'.\n"),
        (&[b"-q", b"-it's"], "rm: invalid option -- 'q'\nTry 'rm ./\"-it's\"' to remove the file \"-it's\".\n"),
        (&[b"-q", b"-missing", b"-"], "rm: invalid option -- 'q'\n"),
        (&[b"-q", b"--", b"-foo"], "rm: invalid option -- 'q'\nTry 'rm ./--' to remove the file '--'.\n"),
        (&[b"--verbose=1", b"-foo"], "rm: option '--verbose' doesn't allow an argument\nTry 'rm ./-foo' to remove the file '-foo'.\n"),
        (&[b"--v", b"f"], "rm: option '--v' is ambiguous; possibilities: '--verbose' '--version'\nTry 'rm ./--v' to remove the file '--v'.\n"),
        (&[b"-Z", b"f"], "rm: invalid option -- 'Z'\n"),
        // The hint names the first such file in argv as getopt has permuted
        // it by the error: `-dir` has moved before `--v`.
        (&[b"f", b"-dir", b"g", b"--v"], "rm: option '--v' is ambiguous; possibilities: '--verbose' '--version'\nTry 'rm ./-dir' to remove the file '-dir'.\n"),
        (&[b"f", b"g", b"-dir", b"--v", b"-foo"], "rm: option '--v' is ambiguous; possibilities: '--verbose' '--version'\nTry 'rm ./-dir' to remove the file '-dir'.\n"),
        (&[b"--interactive", b"--force=x", b"f"], "rm: option '--force' doesn't allow an argument\n"),
    ];
    for (args, msg) in cases {
        let r = run("badopt", &build, args);
        expect(&r, 1, "", &format!("{msg}{TRY}"), &left_of(&build, &[]));
    }
    // The right way: `--` or `./`.
    let r = run("dashfile", &build, &[b"-v", b"--", b"-foo", b"./-x"]);
    expect(&r, 0, "removed '-foo'\nremoved './-x'\n", "", &left_of(&build, &["-foo", "-x"]));
}

#[test]
fn posixly_correct_makes_everything_after_the_first_operand_an_operand() {
    if !has(&["rm"]) {
        return;
    }
    let build = |d: &Path| {
        fixture(d);
        std::fs::write(d.join("-v"), "").unwrap();
    };
    let posix = [("POSIXLY_CORRECT", "1")];
    let r = run_full("posix", &build, &[b"e", b"-v", b"-r", b"f"], b"", &posix, Out::Pipe);
    expect(&r, 1, "", &cannot(&[("'-r'", "No such file or directory")]), &left_of(&build, &["e", "-v", "f"]));
    let r = run("permute", &build, &[b"e", b"-v", b"f"]);
    expect(&r, 0, "removed 'e'\nremoved 'f'\n", "", &left_of(&build, &["e", "f"]));
}

/// Runs `line` (a shell command with `$RM` for the program, in the
/// directory `T/w`) for the box and GNU's rm, as an unprivileged user
/// when we are root (setpriv, the tree chowned to it); None when there is
/// no way to be unprivileged here.
fn as_user(tag: &str, build: &dyn Fn(&Path), args: &[&str], stdin: &str) -> Option<Vec<(Outcome, Vec<String>)>> {
    let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].into_iter().find(|p| Path::new(p).exists());
    if is_root() && setpriv.is_none() {
        eprintln!("skipped: running as root without setpriv: root is never asked about write-protected files");
        return None;
    }
    let mut programs = vec![bin().to_path_buf()];
    programs.extend(gnu("rm").map(PathBuf::from));
    let mut got = Vec::new();
    for (n, program) in programs.iter().enumerate() {
        let t = tempdir(&format!("rm-user-{tag}{n}"));
        let w = t.join("w");
        std::fs::create_dir(&w).unwrap();
        build(&w);
        let quoted: Vec<String> = args.iter().map(|a| shell_quote(a)).collect();
        let line = format!("cd {} && exec -a rm {} {}", shell_quote(&w.display().to_string()), program.display(), quoted.join(" "));
        let mut cmd = match (is_root(), setpriv) {
            (true, Some(sp)) => {
                let st = std::process::Command::new("chown").args(["-R", "65534:65534"]).arg(&t).status().unwrap();
                assert!(st.success());
                let mut c = std::process::Command::new(sp);
                c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--", "bash", "-c", &line]);
                c
            }
            _ => {
                let mut c = std::process::Command::new("bash");
                c.args(["-c", &line]);
                c
            }
        };
        cmd.env_clear().env("LC_ALL", "C").env("PATH", "/usr/bin:/bin");
        cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut input = child.stdin.take().unwrap();
        let data = stdin.as_bytes().to_vec();
        let feeder = std::thread::spawn(move || {
            use std::io::Write;
            let _ = input.write_all(&data);
        });
        let o = child.wait_with_output().unwrap();
        let _ = feeder.join();
        got.push((Outcome { status: o.status.code(), stdout: o.stdout, stderr: o.stderr }, left(&w)));
        let _ = std::process::Command::new("chmod").args(["-R", "u+rwx"]).arg(&t).status();
    }
    if got.len() == 2 {
        assert!(got[0] == got[1], "rm {args:?} as a user\nfemtobox: {} {:?}\nGNU: {} {:?}", got[0].0.show(), got[0].1, got[1].0.show(), got[1].1);
    }
    Some(got)
}

fn protected_fixture(d: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(d.join("e"), "").unwrap();
    std::fs::write(d.join("f"), "x\n").unwrap();
    symlink("f", d.join("l")).unwrap();
    std::fs::create_dir_all(d.join("d")).unwrap();
    std::fs::write(d.join("d/g"), "").unwrap();
    std::fs::create_dir_all(d.join("d2")).unwrap();
    std::fs::create_dir_all(d.join("u/s")).unwrap();
    std::fs::write(d.join("u/s/f"), "").unwrap();
    std::fs::create_dir_all(d.join("w/x")).unwrap();
    std::fs::write(d.join("w/x/y"), "").unwrap();
    std::fs::create_dir_all(d.join("z")).unwrap();
    for (p, mode) in [("e", 0o444), ("f", 0o444), ("d", 0o555), ("d2", 0o555), ("u/s", 0o000), ("z", 0o000), ("w", 0o500)] {
        std::fs::set_permissions(d.join(p), std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

#[test]
fn write_protected_files_prompt_only_when_stdin_is_a_terminal_or_presumed_one() {
    if !has(&["rm"]) {
        return;
    }
    let left0 = left_of(&protected_fixture, &[]);
    let gone = |g: &[&str]| -> Vec<String> { left0.iter().filter(|e| !g.contains(&e.as_str())).cloned().collect() };
    let check = |args: &[&str], stdin: &str, code: i32, err: &str, tree: Vec<String>| {
        let Some(got) = as_user("prot", &protected_fixture, args, stdin) else { return };
        let (o, t) = &got[0];
        assert_eq!((o.status, show(&o.stdout), show(&o.stderr)), (Some(code), String::new(), show(err.as_bytes())), "rm {args:?}");
        assert_eq!(t, &tree, "rm {args:?}");
    };
    check(
        &["---presume-input-tty", "e", "f", "l", "d/g"],
        "n\nn\ny\n",
        1,
        "rm: remove write-protected regular empty file 'e'? rm: remove write-protected regular file 'f'? \
         rm: cannot remove 'd/g': Permission denied\n",
        gone(&["l@"]),
    );
    check(&["---presume-input-tty", "e", "f"], "y\ny\n", 0, "rm: remove write-protected regular empty file 'e'? rm: remove write-protected regular file 'f'? ", gone(&["e", "f"]));
    check(&["---pres", "e"], "y\n", 0, "rm: remove write-protected regular empty file 'e'? ", gone(&["e"]));
    check(
        &["---presume-input-tty", "-r", "e", "d", "d2"],
        "n\ny\ny\n",
        1,
        "rm: remove write-protected regular empty file 'e'? rm: descend into write-protected directory 'd'? \
         rm: cannot remove 'd/g': Permission denied\nrm: remove write-protected directory 'd2'? ",
        gone(&["d2/"]),
    );
    // Stdin a pipe: no question.
    check(&["e", "f"], "n\n", 0, "", gone(&["e", "f"]));
    // -f: never a question; -i: the write-protected words.
    check(&["---presume-input-tty", "-f", "e", "d/g"], "n\n", 1, "rm: cannot remove 'd/g': Permission denied\n", gone(&["e"]));
    check(&["-i", "e", "l"], "y\ny\n", 0, "rm: remove write-protected regular empty file 'e'? rm: remove symbolic link 'l'? ", gone(&["e", "l@"]));
    // Unreadable and unwritable directories.
    check(
        &["-r", "u", "z", "w"],
        "",
        1,
        "rm: cannot remove 'u/s': Permission denied\nrm: cannot remove 'w/x': Permission denied\n",
        gone(&["z/", "w/x/y"]),
    );
    check(
        &["-ri", "u"],
        "y\ny\ny\ny\n",
        1,
        "rm: descend into directory 'u'? rm: descend into write-protected directory 'u/s'? \
         rm: remove write-protected directory 'u/s'? rm: cannot remove 'u/s': Permission denied\n",
        gone(&[]),
    );
}

#[test]
fn one_file_system_skips_mount_points_and_preserve_root_all_refuses_them() {
    if !has(&["rm"]) {
        return;
    }
    let spot = tempdir("rm-probe");
    let probe = sh(&format!("unshare -m sh -c 'mount -t tmpfs none {}' 2>/dev/null && echo ok", spot.display()));
    if probe.1 != "ok\n" {
        eprintln!("skipped: no mount namespace here (unshare -m / mount tmpfs fail), so --one-file-system is not checked");
        return;
    }
    let mut programs = vec![bin().to_path_buf()];
    programs.extend(gnu("rm").map(PathBuf::from));
    let mut seen = Vec::new();
    for (n, program) in programs.iter().enumerate() {
        let t = tempdir(&format!("rm-mounts{n}"));
        std::fs::create_dir_all(t.join("t/mnt")).unwrap();
        std::fs::create_dir_all(t.join("t/e")).unwrap();
        std::fs::create_dir_all(t.join("u/mnt")).unwrap();
        let script = format!(
            "cd '{}' && mount -t tmpfs none t/mnt && touch t/mnt/f t/g && mkdir t/mnt/sub && \
             mount -t tmpfs none u/mnt && touch u/mnt/f u/k && \
             for a in '--one-file-system -rv t' '-rv --preserve-root=all t/mnt' '-r --preserve-root=all t/mnt/' \
             '--one-file-system -r t/mnt' '-rv u'; do \
             (exec -a rm '{}' $a >out 2>err); echo \"status $?\"; sort out; cat err; done; rm -f out err; find . | sort",
            t.display(),
            program.display()
        );
        let got = sh(&format!("unshare -m bash -c {}", shell_quote(&script)));
        let want = "status 1\nremoved 't/g'\nremoved directory 't/e'\n\
                    rm: skipping 't/mnt', since it's on a different device\n\
                    status 1\n\
                    rm: skipping 't/mnt', since it's on a different device\n\
                    rm: and --preserve-root=all is in effect\n\
                    status 1\n\
                    rm: skipping 't/mnt/', since it's on a different device\n\
                    rm: and --preserve-root=all is in effect\n\
                    status 1\n\
                    rm: cannot remove 't/mnt': Device or resource busy\n\
                    status 1\nremoved 'u/k'\nremoved 'u/mnt/f'\n\
                    rm: cannot remove 'u/mnt': Device or resource busy\n\
                    .\n./t\n./t/mnt\n./u\n./u/mnt\n";
        assert_eq!(got, (Some(0), want.to_string(), String::new()), "{program:?}");
        seen.push(got);
    }
}

#[test]
fn root_is_refused_before_any_question_however_it_is_spelled() {
    if !has(&["rm"]) {
        return;
    }
    // Every run here has -i and nothing but `n` on stdin, so even a broken
    // refusal could only ask. First make sure that asking keeps things.
    let no = b"n\n".repeat(20_000);
    let t = tempdir("rm-root");
    let w = t.join("w");
    std::fs::create_dir_all(w.join("marker/sub")).unwrap();
    std::fs::write(w.join("marker/sub/f"), "").unwrap();
    let o = outcome(bin(), "rm", &[OsString::from("-ri"), OsString::from("marker")], &no, &[], &w);
    assert_eq!((o.status, show(&o.stdout), show(&o.stderr)), (Some(0), String::new(), "rm: descend into directory 'marker'? ".to_string()));
    assert!(w.join("marker/sub/f").exists(), "-i with `n` removed something: the `/` cases are not run");
    let dangerous = |name: &str, same: bool| {
        format!(
            "rm: it is dangerous to operate recursively on '{name}'{}\nrm: use --no-preserve-root to override this failsafe\n",
            if same { " (same as '/')" } else { "" }
        )
    };
    let cases: &[(&[&str], String)] = &[
        (&["-ri", "/"], dangerous("/", false)),
        (&["-Ri", "//"], dangerous("//", true)),
        (&["--recursive", "--interactive=always", "/"], dangerous("/", false)),
        (&["-ri", "--preserve-root", "/"], dangerous("/", false)),
        (&["-ri", "--preserve-root=all", "//"], dangerous("//", true)),
        (&["-rvi", "marker/nope", "/"], cannot(&[("'marker/nope'", "No such file or directory")]) + &dangerous("/", false)),
        // fts trims `///` to `/` before anything looks at it.
        (&["-ri", "///"], dangerous("/", false)),
    ];
    let mut programs = vec![bin().to_path_buf()];
    programs.extend(gnu("rm").map(PathBuf::from));
    for program in &programs {
        for (args, err) in cases {
            let args: Vec<OsString> = args.iter().map(OsString::from).collect();
            let o = outcome(program, "rm", &args, &no, &[], &w);
            assert_eq!(
                (o.status, show(&o.stdout), show(&o.stderr)),
                (Some(1), String::new(), show(err.as_bytes())),
                "{program:?} rm {args:?}"
            );
        }
    }
    assert!(w.join("marker/sub/f").exists());
    // Without -r, `/` is a directory like any other (still with -i).
    let o = outcome(bin(), "rm", &[OsString::from("-i"), OsString::from("/")], &no, &[], &w);
    assert_eq!((o.status, show(&o.stderr)), (Some(1), show(b"rm: cannot remove '/': Is a directory\n")));
}

#[test]
fn a_full_stdout_is_a_write_error_as_gnu_s_stdio_reports_it() {
    if !has(&["rm"]) {
        return;
    }
    // GNU writes -v lines through stdio; an error message first flushes
    // stdout, and that failed flush leaves nothing pending, so the closing
    // check says only `write error`; output still pending at exit fails in
    // fclose, with the reason.
    let full = |tag: &str, args: &[&[u8]]| run_full(tag, &fixture, args, b"y\n", &[], Out::Full);
    let nospc = "rm: write error: No space left on device\n";
    let bare = "rm: write error\n";
    let miss = cannot(&[("'missing'", "No such file or directory")]);
    expect(&full("full-v", &[b"-v", b"e"]), 1, "", nospc, &after(&["e"]));
    expect(&full("full-rv", &[b"-rv", b"dn"]), 1, "", nospc, &without(&["dn/"]));
    expect(&full("full-miss", &[b"-v", b"missing"]), 1, "", &miss, &after(&[]));
    expect(&full("full-miss-e", &[b"-v", b"missing", b"e"]), 1, "", &(miss.clone() + nospc), &after(&["e"]));
    expect(&full("full-e-miss", &[b"-v", b"e", b"missing"]), 1, "", &(miss.clone() + bare), &after(&["e"]));
    expect(&full("full-iv", &[b"-iv", b"e"]), 1, "", &("rm: remove regular empty file 'e'? ".to_string() + nospc), &after(&["e"]));
    expect(&full("full-quiet", &[b"e", b"missing"]), 1, "", &miss, &after(&["e"]));
    expect(&full("full-f", &[b"-f", b"e"]), 0, "", "", &after(&["e"]));
    for opt in ["--help", "--version"] {
        expect(&full("full-help", &[opt.as_bytes()]), 1, "", nospc, &after(&[]));
    }
}

#[test]
fn a_closed_stdout_fails_only_when_something_was_written() {
    if !has(&["rm"]) {
        return;
    }
    let mut programs = vec![bin().to_path_buf()];
    programs.extend(gnu("rm").map(PathBuf::from));
    for (n, program) in programs.iter().enumerate() {
        let t = tempdir(&format!("rm-closed{n}"));
        fixture(&t);
        let go = |args: &str| sh(&format!("cd '{}' && (exec -a rm '{}' {args} >&-)", t.display(), program.display()));
        let ebadf = "rm: write error: Bad file descriptor\n";
        assert_eq!(go("-v e"), (Some(1), String::new(), ebadf.into()), "{program:?}");
        assert_eq!(go("f"), (Some(0), String::new(), String::new()), "{program:?}");
        assert_eq!(go("-rv dh"), (Some(1), String::new(), ebadf.into()), "{program:?}");
        assert_eq!(go("--version"), (Some(1), String::new(), ebadf.into()), "{program:?}");
        assert_eq!(left(&t), without(&["e", "f", "dh/"]), "{program:?}");
    }
}

#[test]
fn messages_and_verbose_lines_quote_odd_names_as_gnu_does() {
    if !has(&["rm"]) {
        return;
    }
    let names: &[(&[u8], &str)] = &[
        (b"a b", "'a b'"),
        (b"it's", "\"it's\""),
        (b"n\nl", "'n'$'\\n''l'"),
        (b"\x01x", "''$'\\001''x'"),
        (b"\xff", "''$'\\377'"),
        (b"q\"d", "'q\"d'"),
        (b"~t", "'~t'"),
        // rm always quotes (shell-escape-always).
        (b"a~", "'a~'"),
        (b"x=y", "'x=y'"),
        (b"t\tb", "'t'$'\\t''b'"),
        (b"it's\n", "'''it'\\''s'$'\\n'"),
        (b"plain-name_1.2", "'plain-name_1.2'"),
        (b"$HOME", "'$HOME'"),
    ];
    let build = |d: &Path| {
        for (n, _) in names {
            std::fs::write(d.join(os(n)), "").unwrap();
        }
    };
    let mut args: Vec<&[u8]> = vec![b"-v"];
    args.extend(names.iter().map(|(n, _)| *n));
    let out: String = names.iter().map(|(_, q)| format!("removed {q}\n")).collect();
    expect(&run("odd", &build, &args), 0, &out, "", &[]);
    // The same names missing; in a directory; prompted.
    let mut args: Vec<&[u8]> = vec![b"-r"];
    args.extend(names.iter().map(|(n, _)| *n));
    let err: String = names.iter().map(|(_, q)| format!("rm: cannot remove {q}: No such file or directory\n")).collect();
    expect(&run("odd-missing", &nothing, &args), 1, "", &err, &[]);
    let build = |d: &Path| {
        std::fs::create_dir(d.join("it's")).unwrap();
        std::fs::write(d.join("it's/n\nl"), "").unwrap();
    };
    let r = run_in("odd-i", &build, &[b"-riv", b"it's"], b"y\ny\ny\n");
    expect(
        &r,
        0,
        "removed 'it'\\''s/n'$'\\n''l'\nremoved directory \"it's\"\n",
        "rm: descend into directory \"it's\"? rm: remove regular empty file 'it'\\''s/n'$'\\n''l'? rm: remove directory \"it's\"? ",
        &[],
    );
}

#[test]
fn help_and_version_go_to_stdout_and_remove_nothing() {
    if !has(&["rm"]) {
        return;
    }
    let dir = tempdir("rm-help");
    fixture(&dir);
    for args in [&["--help"][..], &["--h"], &["--he"], &["-r", "dn", "--help"], &["--help", "--version"], &["--help", "-x"], &["-f", "--help"]] {
        let out = run_as("rm").args(args).current_dir(&dir).output().unwrap();
        out.clone().assert().code(0).stderr("").stdout(help_is("rm [OPTION]... [FILE]...", &["-f", "-i", "-I", "-r", "-d", "-v"], 6));
        if help_built() {
            let text = String::from_utf8_lossy(&out.stdout);
            for long in ["--interactive[=WHEN]", "--one-file-system", "--no-preserve-root", "--preserve-root[=all]"] {
                assert!(text.lines().any(|l| l.trim_start().starts_with(long)), "rm {args:?}: no {long} line in {text:?}");
            }
        }
    }
    let version = format!("rm (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["--vers"], &["--versi"], &["dn", "--version"], &["--version", "--help"], &["-rf", "--version", "dn"]] {
        run_as("rm").args(args).current_dir(&dir).assert().code(0).stdout(version.clone()).stderr("");
    }
    assert_eq!(left(&dir), after(&[]), "--help and --version remove nothing");
    // After `--` they are names.
    let build = |d: &Path| std::fs::write(d.join("--help"), "").unwrap();
    expect(&run("help-operand", &build, &[b"--", b"--help", b"--version"]), 1, "", &cannot(&[("'--version'", "No such file or directory")]), &[]);
}

#[test]
fn messages_name_the_program_as_argv0_gives_it() {
    if !has(&["rm"]) {
        return;
    }
    let dir = tempdir("rm-argv0");
    run_as("/usr/local/bin/rm")
        .arg("missing")
        .current_dir(&dir)
        .assert()
        .code(1)
        .stdout("")
        .stderr("/usr/local/bin/rm: cannot remove 'missing': No such file or directory\n");
    run_as("./rm").args(["-v", "-y"]).current_dir(&dir).assert().code(1).stdout("").stderr("./rm: invalid option -- 'y'\nTry './rm --help' for more information.\n");
    std::fs::write(dir.join("f"), "").unwrap();
    run_as("/x/rm").args(["-i", "f"]).current_dir(&dir).write_stdin("n\n").assert().code(0).stdout("").stderr("/x/rm: remove regular empty file 'f'? ");
    run_as("/x/rm").args(["-I", "a", "b", "c", "f"]).current_dir(&dir).write_stdin("n\n").assert().code(0).stderr("/x/rm: remove 4 arguments? ");
    assert!(dir.join("f").exists());
}

// ---------------------------------------------------------------------
// Deep and wide trees.

/// Makes `name` in `dir`: a chain `depth` directories deep (`name/d/d/...`)
/// with a file at the bottom, a directory at a time relative to the last
/// (python3 if present, else bash). Returns false (and says why) if it
/// could not.
fn make_deep(dir: &Path, name: &str, depth: usize) -> bool {
    let py = format!(
        "import os\nos.mkdir('{name}'); os.chdir('{name}')\nfor i in range({}):\n    os.mkdir('d'); os.chdir('d')\nopen('leaf','w').close()\n",
        depth - 1
    );
    let ok = std::process::Command::new("python3").arg("-c").arg(&py).current_dir(dir).status().map(|s| s.success());
    match ok {
        Ok(true) => true,
        Ok(false) => {
            eprintln!("python3 failed to make the deep tree");
            false
        }
        Err(_) => {
            let line = format!(
                "cd '{}' && mkdir {name} && cd {name} && i=1; while [ $i -lt {depth} ]; do mkdir d && cd d || exit 1; i=$((i+1)); done; : > leaf",
                dir.display()
            );
            let made = sh(&line);
            if made.0 != Some(0) {
                eprintln!("bash failed to make the deep tree: {made:?}");
            }
            made.0 == Some(0)
        }
    }
}

/// `cd DIR && ulimit -n 64 && rm ARGS` through bash, under /usr/bin/time
/// when present; (outcome, peak RSS in KiB, seconds).
fn limited(dir: &Path, args: &str) -> (Outcome, Option<u64>, f64) {
    let time = Path::new("/usr/bin/time").exists();
    let rss = dir.join("..").join(format!("rss-{}", dir.file_name().unwrap().to_string_lossy()));
    let line = if time {
        format!("cd '{}' && ulimit -n 64 && /usr/bin/time -f %M -o '{}' \"$B\" rm {args}", dir.display(), rss.display())
    } else {
        eprintln!("no /usr/bin/time: peak memory is not checked");
        format!("cd '{}' && ulimit -n 64 && \"$B\" rm {args}", dir.display())
    };
    let start = Instant::now();
    let o = bash(&line);
    let secs = start.elapsed().as_secs_f64();
    let kib = std::fs::read_to_string(&rss).ok().and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()));
    let _ = std::fs::remove_file(&rss);
    (o, kib, secs)
}

/// Cleans up a tree rm failed to remove (with GNU's rm when present: it
/// copes with any depth; only ever inside our temp dir).
fn clean(t: &Path) {
    if let Some(g) = gnu("rm") {
        let _ = std::process::Command::new(g).arg("-rf").arg(t).status();
    }
}

fn deep(depth: usize) {
    if !has(&["rm"]) {
        return;
    }
    let t = tempdir(&format!("rm-deep{depth}"));
    let start = Instant::now();
    if !make_deep(&t, "deep", depth) {
        eprintln!("skipped: cannot make a tree {depth} deep");
        return;
    }
    let made = start.elapsed().as_secs_f64();
    let (o, kib, secs) = limited(&t, "-r deep");
    eprintln!("rm -r on a tree {depth} deep: made in {made:.1} s, removed in {secs:.1} s, peak RSS {kib:?} KiB");
    let gone = !t.join("deep").exists();
    if !gone {
        clean(&t);
    }
    assert_eq!((o.status, show(&o.stdout), show(&o.stderr[..o.stderr.len().min(2000)])), (Some(0), String::new(), String::new()));
    assert!(gone, "the deep tree is still there");
    if let Some(k) = kib.filter(|_| native("the peak RSS bound (qemu-user's own memory counts in it)")) {
        assert!(k < 64 * 1024, "peak RSS {k} KiB for a tree {depth} deep");
    }
}

#[test]
fn a_tree_5_000_levels_deep_goes_with_64_descriptors() {
    deep(5_000);
}

#[test]
#[ignore = "slow: a tree 100 000 deep (make test-slow)"]
fn a_tree_100_000_levels_deep_goes_with_64_descriptors_in_bounded_memory() {
    deep(100_000);
}

fn wide(files: usize) {
    if !has(&["rm"]) {
        return;
    }
    let t = tempdir(&format!("rm-wide{files}"));
    let start = Instant::now();
    let made = sh(&format!(
        "cd '{}' && mkdir wide && cd wide && seq -f 'file-%.0f-with-a-longer-name' 1 {files} | xargs touch && mkdir sub && touch sub/x",
        t.display()
    ));
    assert_eq!(made.0, Some(0), "{made:?}");
    let made = start.elapsed().as_secs_f64();
    let (o, kib, secs) = limited(&t, "-r wide");
    eprintln!("rm -r on a directory of {files} files: made in {made:.1} s, removed in {secs:.1} s, peak RSS {kib:?} KiB");
    let gone = !t.join("wide").exists();
    if !gone {
        clean(&t);
    }
    assert_eq!((o.status, show(&o.stdout), show(&o.stderr[..o.stderr.len().min(2000)])), (Some(0), String::new(), String::new()));
    assert!(gone, "the wide directory is still there");
    if let Some(k) = kib.filter(|_| native("the peak RSS bound (qemu-user's own memory counts in it)")) {
        assert!(k < 64 * 1024, "peak RSS {k} KiB for {files} files");
    }
}

#[test]
fn a_directory_of_20_000_files_goes_with_64_descriptors() {
    wide(20_000);
}

#[test]
#[ignore = "slow: a million files (make test-slow)"]
fn a_directory_of_a_million_files_goes_with_64_descriptors_in_bounded_memory() {
    wide(1_000_000);
}

// ---------------------------------------------------------------------
// The race.

/// While rm -r runs over a big tree, a thread keeps swapping directories
/// inside it for symlinks to a sibling directory `outside` (rename away,
/// symlink in, remove the link, rename back). rm may fail on what it finds;
/// it must never remove anything outside.
#[test]
fn swapping_directories_for_symlinks_during_the_walk_never_leads_rm_outside() {
    if !has(&["rm"]) {
        return;
    }
    for round in 0..4 {
        let t = tempdir(&format!("rm-race{round}"));
        let out = t.join("outside");
        std::fs::create_dir_all(out.join("inner")).unwrap();
        std::fs::write(out.join("canary"), "alive\n").unwrap();
        for i in 0..50 {
            std::fs::write(out.join("inner").join(format!("c{i}")), "alive\n").unwrap();
        }
        // 30 directories of 400 files, each with a nested chain (deeper
        // than the descriptors rm keeps) holding more files.
        let made = sh(&format!(
            "cd '{}' && mkdir tree && cd tree && for i in $(seq 1 30); do mkdir d$i && (cd d$i && seq 1 400 | xargs touch && \
             mkdir -p c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c && cd c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c && \
             seq 1 200 | xargs touch) || exit 1; done",
            t.display()
        ));
        assert_eq!(made.0, Some(0), "{made:?}");
        let tree = t.join("tree");
        let mut victims: Vec<PathBuf> = (1..=30).map(|i| tree.join(format!("d{i}"))).collect();
        for i in (1..=30).step_by(3) {
            victims.push(tree.join(format!("d{i}/c/c/c")));
            victims.push(tree.join(format!("d{i}/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c/c")));
        }
        let stop = Arc::new(AtomicBool::new(false));
        let swaps = {
            let (stop, out) = (stop.clone(), out.clone());
            std::thread::spawn(move || {
                let mut n = 0u64;
                let mut rng = Rng(0x5eed + round as u64);
                while !stop.load(Ordering::Relaxed) {
                    let v = rng.pick(&victims).clone();
                    let away = v.with_file_name("away");
                    if std::fs::rename(&v, &away).is_ok() {
                        let target = if rng.chance(50) { out.clone() } else { out.join("inner") };
                        let _ = symlink(&target, &v);
                        std::thread::yield_now();
                        if std::fs::symlink_metadata(&v).map(|m| m.file_type().is_symlink()).unwrap_or(false) {
                            let _ = std::fs::remove_file(&v);
                        }
                        let _ = std::fs::rename(&away, &v);
                        n += 1;
                    }
                }
                n
            })
        };
        let mut child = std::process::Command::new(bin())
            .arg0("rm")
            .args(["-r", "tree"])
            .current_dir(&t)
            .env_clear()
            .env("LC_ALL", "C")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(120);
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break Some(s);
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                break None;
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        stop.store(true, Ordering::Relaxed);
        let n = swaps.join().unwrap();
        let o = child.wait_with_output().unwrap();
        eprintln!(
            "race round {round}: {n} swaps, rm {status:?}, {} lines on stderr: {:?}",
            o.stderr.split(|&c| c == b'\n').filter(|l| !l.is_empty()).count(),
            String::from_utf8_lossy(&o.stderr).lines().take(3).collect::<Vec<_>>()
        );
        assert_eq!(std::fs::read_to_string(out.join("canary")).ok().as_deref(), Some("alive\n"), "round {round}: the canary is gone");
        for i in 0..50 {
            assert!(out.join("inner").join(format!("c{i}")).exists(), "round {round}: outside/inner/c{i} is gone");
        }
        assert!(status.is_some(), "round {round}: rm did not finish in 120 s");
        assert!(o.stdout.is_empty());
        let _ = std::fs::remove_dir_all(&tree);
        if tree.exists() {
            clean(&tree);
        }
    }
}

// ---------------------------------------------------------------------
// The differential run.

/// The corpus's tree: the fixture, odd names (files, directories with
/// content), long names, names like options, more symlinks (all pointing
/// inside, at or below their own depth); every few cases a variation.
fn corpus_setup(case: usize, dir: &Path) {
    fixture(dir);
    for n in [&b"a b"[..], b"it's", b"n\nl", b"\x01c", b"\xff", b"-lead", b"q\"d", b"--v"] {
        std::fs::write(dir.join(os(n)), "odd").unwrap();
    }
    for d in [&b"sp ace/in'ner"[..], b"\x01d/\xffx", b"-dir/-sub"] {
        std::fs::create_dir_all(dir.join(os(d))).unwrap();
        std::fs::write(dir.join(os(d)).join("f\nx"), "").unwrap();
    }
    std::fs::write(dir.join("L".repeat(255)), "").unwrap();
    std::fs::create_dir_all(dir.join("M".repeat(200)).join("N".repeat(250))).unwrap();
    std::fs::write(dir.join("M".repeat(200)).join("N".repeat(250)).join("O".repeat(255)), "").unwrap();
    for (link, to) in [("lodd", "sp ace"), ("llong", &"M".repeat(200)[..]), ("ldeep", "dn/a/b"), ("lsp", "sp ace/in'ner")] {
        symlink(to, dir.join(link)).unwrap();
    }
    fifo(&dir.join("sp ace/p p"));
    match case % 5 {
        1 => std::fs::write(dir.join("de/now"), "").unwrap(),
        2 => std::fs::create_dir_all(dir.join("dd/e1/more/deep")).unwrap(),
        3 => symlink("../f", dir.join("dn/up")).unwrap(),
        4 => fifo(&dir.join("dh/fifo")),
        _ => {}
    }
}

/// `lines` lines, each y or n in some spelling.
fn answers(rng: &mut Rng, lines: usize) -> Vec<u8> {
    let words: &[&[u8]] = &[b"y", b"n", b"Y", b"yes", b"no", b"", b" y", b"N", b"yy", b"x"];
    let mut out = Vec::new();
    for _ in 0..lines {
        let w: &[u8] = *rng.pick(words);
        out.extend_from_slice(w);
        out.push(b'\n');
    }
    out
}

#[test]
fn rm_matches_gnu_on_a_random_corpus_trees_included() {
    if !has(&["rm"]) {
        return;
    }
    let options: &[&str] = &[
        "-f",
        "-i",
        "-I",
        "-r",
        "-R",
        "-d",
        "-v",
        "--force",
        "--recursive",
        "--dir",
        "--verbose",
        "--interactive",
        "--interactive=never",
        "--interactive=no",
        "--interactive=none",
        "--interactive=once",
        "--interactive=always",
        "--interactive=yes",
        "--interactive=bogus",
        "--interactive=",
        "--interactive=n",
        "--inter=o",
        "--i=a",
        "--one-file-system",
        "--one",
        "--preserve-root",
        "--preserve-root=all",
        "--preserve-root=x",
        "--pres",
        "--no-preserve-root",
        "--no-pres",
        "---presume-input-tty",
        "--rec",
        "--verb",
        "--f",
        "--d",
        "-rf",
        "-fr",
        "-ri",
        "-rI",
        "-dv",
        "-rv",
        "-Rvd",
        "-vif",
        "-fiv",
        "-x",
        "--bogus",
        "--force=1",
        "--v",
        "--",
        "-",
    ];
    let (m200, n250) = ("M".repeat(200), "N".repeat(250));
    let operands: Vec<Vec<u8>> = [
        "e",
        "f",
        "g",
        ".hid",
        "de",
        "dn",
        "dn/a",
        "dn/a/b",
        "dn/a/b/h",
        "dn/f",
        "dn/.h",
        "dh",
        "dh/.h1",
        "dd",
        "dd/e1",
        "dd/e2/e3",
        "lf",
        "ld",
        "lde",
        "lda",
        "ldang",
        "lloop",
        "p",
        "dn/a/p",
        "missing",
        "missing/x",
        "f/x",
        "",
        ".",
        "./",
        "dn/..",
        "dn/a/..",
        "dn/.",
        "dn/./",
        "ld/..",
        "dh/.",
        "./f",
        "./dn",
        "./ld",
        "dn/../dh",
        "dn/a/../a/b",
        "f/",
        "dn/",
        "dn//",
        "ld/",
        "ld//",
        "lde/",
        "lda/",
        "ldang/",
        "lf/",
        "p/",
        "de/",
        "ld/a",
        "ld/a/b/h",
        "a b",
        "it's",
        "n\nl",
        "q\"d",
        "-lead",
        "--v",
        "sp ace",
        "sp ace/in'ner",
        "sp ace/p p",
        "lodd",
        "lodd/",
        "lsp/",
        "lsp",
        "-dir",
        "-dir/-sub",
        "llong",
        "llong/",
        "ldeep",
        "ldeep/",
        "dn/up",
        "dn/up/",
        &"L".repeat(255),
        &"L".repeat(256),
        &m200,
        &format!("{m200}/{n250}"),
        &format!("{m200}/{n250}/{}", "O".repeat(255)),
        &format!("llong/{n250}"),
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .chain([b"\x01c".to_vec(), b"\xff".to_vec(), b"\x01d".to_vec(), b"\x01d/\xffx".to_vec(), b"\x01d/\xffx/f\nx".to_vec()])
    .collect();
    let mut total = 0;
    let mut gen = Rng(0x72_6d_2025);
    for (round, seed) in [0x72_6d_0001u64, 0x72_6d_0002, 0x72_6d_0003].iter().enumerate() {
        let stdin = answers(&mut gen, 80 + round * 40);
        total += twin_differential("rm", *seed, 110, &stdin, corpus_setup, |case, rng| {
            let mut args: Vec<OsString> = Vec::new();
            // Mostly some options first.
            for _ in 0..rng.below(3) {
                args.push(OsString::from(rng.pick(options)));
            }
            for _ in 0..1 + rng.below(5) {
                if rng.chance(15) {
                    args.push(OsString::from(rng.pick(options)));
                    continue;
                }
                let mut op = rng.pick(&operands).clone();
                if !op.is_empty() && rng.chance(8) && !op.starts_with(b"-") {
                    op.splice(0..0, *b"./");
                }
                if !op.is_empty() && rng.chance(8) {
                    op.extend(*rng.pick(&[&b"/"[..], b"//", b"/."]));
                }
                args.push(OsString::from_vec(op));
            }
            // Names with a leading `-` need `--` somewhere before them to
            // be names; sometimes there is one.
            if rng.chance(25) {
                let at = rng.below(args.len() + 1);
                args.insert(at, OsString::from("--"));
            }
            for a in &args {
                let b = a.as_bytes();
                assert!(stays_inside(b), "operand {:?} could leave the temp dir", show(b));
            }
            (args, posix_every_fourth(case))
        });
    }
    assert!(total == 0 || total >= 300, "only {total} cases");
}
