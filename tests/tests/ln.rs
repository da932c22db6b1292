//! ln: hard links (two names, one inode, link count 2) and symbolic ones;
//! an existing LINK_NAME (an error, replaced with -f, asked about with -i),
//! never the TARGET itself and never a directory; hard links to directories
//! (refused, and with -d/-F refused by the kernel); -n/-T with a symlink to
//! a directory as LINK_NAME; -t DIR and its errors; the operand counts of
//! -T; the one-operand form; several targets into a directory and the same
//! basename twice; -r relative symlinks (through symlinked directories,
//! `..`, missing names); -L/-P on a symlink TARGET; -v lines; empty, odd
//! and long names; bad options and the backup options this box refuses;
//! --help/--version; stdout on /dev/full; and a differential run against
//! GNU ln comparing outcomes and the trees left behind. Every hand-written
//! case is also run by GNU's ln in a twin directory, which must agree
//! (outcome and `snapshot`), except where a deliberate difference is named.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{symlink, MetadataExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Stdio;

const TRY: &str = "Try 'ln --help' for more information.\n";

fn os(b: &[u8]) -> OsString {
    OsString::from_vec(b.to_vec())
}

/// Bytes as text for assertions: printable ASCII as is, the rest escaped.
fn show(b: &[u8]) -> String {
    b.escape_ascii().to_string()
}

/// The standard tree: files `a` `b` `f` (each holding its own name), an
/// empty directory `d`, `e` with a directory `e/a` in it, `o` with files
/// `o/a` `o/b` and a symlink `o/up -> ../a`, and symlinks `sa -> a`,
/// `sd -> d`, `so -> o`, `dang -> nowhere`.
fn fixture(dir: &Path) {
    for d in ["d", "e/a", "o"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    for f in ["a", "b", "f", "o/a", "o/b"] {
        std::fs::write(dir.join(f), f).unwrap();
    }
    for (link, to) in [("sa", "a"), ("sd", "d"), ("so", "o"), ("dang", "nowhere"), ("o/up", "../a")] {
        symlink(to, dir.join(link)).unwrap();
    }
}

type Tree = BTreeMap<String, String>;

/// Every entry under `dir`: its path (as `show` prints it) to `/` for a
/// directory, `= CONTENT (LINKS)` for a file, `-> TARGET` for a symlink
/// (with ` (LINKS)` when it has more than one name).
fn tree(dir: &Path) -> Tree {
    fn walk(base: &Path, rel: &Path, out: &mut Tree) {
        for entry in std::fs::read_dir(base.join(rel)).unwrap() {
            let rel = rel.join(entry.unwrap().file_name());
            let path = base.join(&rel);
            let md = std::fs::symlink_metadata(&path).unwrap();
            let name = show(rel.as_os_str().as_bytes());
            let ft = md.file_type();
            if ft.is_dir() {
                out.insert(name, "/".into());
                walk(base, &rel, out);
            } else if ft.is_symlink() {
                let to = show(std::fs::read_link(&path).unwrap().as_os_str().as_bytes());
                let n = if md.nlink() > 1 { format!(" ({})", md.nlink()) } else { String::new() };
                out.insert(name, format!("-> {to}{n}"));
            } else {
                out.insert(name, format!("= {} ({})", show(&std::fs::read(&path).unwrap()), md.nlink()));
            }
        }
    }
    let mut out = Tree::new();
    walk(dir, Path::new(""), &mut out);
    out
}

/// The tree `build` makes, with `changes`: each (NAME, WHAT) sets NAME's
/// entry (as `tree` words it), or with an empty WHAT removes it.
fn made(build: &dyn Fn(&Path), changes: &[(&str, &str)]) -> Tree {
    let dir = tempdir("ln-model");
    build(&dir);
    let mut t = tree(&dir);
    for (name, what) in changes {
        if what.is_empty() {
            assert!(t.remove(*name).is_some(), "{name} is not in the tree: {t:?}");
        } else {
            t.insert(name.to_string(), what.to_string());
        }
    }
    t
}

/// The fixture's tree with `changes`.
fn with(changes: &[(&str, &str)]) -> Tree {
    made(&fixture, changes)
}

/// How stdout is connected for a run.
#[derive(Clone, Copy)]
enum Out {
    Pipe,
    Full,
}

/// Runs `program` as `ln ARGS` in `dir`.
fn exec(program: &Path, dir: &Path, args: &[OsString], stdin: &[u8], env: &[(&str, &str)], out: Out) -> Outcome {
    match out {
        Out::Pipe => outcome(program, "ln", args, stdin, env, dir),
        Out::Full => {
            let mut cmd = std::process::Command::new(program);
            cmd.arg0("ln").args(args).env_clear().env("LC_ALL", "C").current_dir(dir);
            for (k, v) in env {
                cmd.env(k, v);
            }
            cmd.stdin(Stdio::null()).stdout(dev_full()).stderr(Stdio::piped());
            let o = cmd.output().expect("spawn");
            Outcome { status: o.status.code(), stdout: o.stdout, stderr: o.stderr }
        }
    }
}

/// Runs the box as `ln ARGS` in a fresh directory filled by `build`, and
/// (with `compare`, when GNU's ln is present) GNU's ln in a twin; asserts
/// that the two agree on status, stdout, stderr and the tree left
/// (`snapshot`: types, modes, contents, link counts, link targets);
/// returns the box's outcome and tree.
#[allow(clippy::too_many_arguments)]
fn run_full(
    tag: &str,
    build: &dyn Fn(&Path),
    args: &[&[u8]],
    stdin: &[u8],
    env: &[(&str, &str)],
    out: Out,
    compare: bool,
) -> (Outcome, Tree) {
    let args: Vec<OsString> = args.iter().map(|a| os(a)).collect();
    let ours = tempdir(&format!("ln-{tag}"));
    build(&ours);
    let got = exec(bin(), &ours, &args, stdin, env, out);
    let t = tree(&ours);
    if let Some(g) = gnu("ln").filter(|_| compare) {
        // The same length of name, so that `-r` climbs as far in both.
        let theirs = tempdir(&format!("lnG{tag}"));
        build(&theirs);
        let want = exec(Path::new(&g), &theirs, &args, stdin, env, out);
        assert!(got == want, "ln {args:?} {env:?}\nfemtobox: {}\nGNU: {}", got.show(), want.show());
        let (a, b) = (snapshot(&ours, false), snapshot(&theirs, false));
        assert!(a == b, "ln {args:?}: trees differ\nfemtobox: {a:#?}\nGNU: {b:#?}");
    }
    (got, t)
}

fn run(tag: &str, build: &dyn Fn(&Path), args: &[&[u8]]) -> (Outcome, Tree) {
    run_full(tag, build, args, b"", &[], Out::Pipe, true)
}

fn run_in(tag: &str, build: &dyn Fn(&Path), args: &[&[u8]], stdin: &[u8]) -> (Outcome, Tree) {
    run_full(tag, build, args, stdin, &[], Out::Pipe, true)
}

/// `ln ARGS` in the fixture, compared with GNU.
fn ln(tag: &str, args: &[&str]) -> (Outcome, Tree) {
    let args: Vec<&[u8]> = args.iter().map(|a| a.as_bytes()).collect();
    run(tag, &fixture, &args)
}

/// Asserts the outcome and the tree of a run.
#[track_caller]
fn expect(got: &(Outcome, Tree), code: i32, out: &str, err: &str, tree: &Tree) {
    let (o, t) = got;
    assert_eq!((o.status, show(&o.stdout), show(&o.stderr)), (Some(code), show(out.as_bytes()), show(err.as_bytes())));
    assert_eq!(t, tree, "the tree left behind");
}

/// The same with byte strings for stdout and stderr.
#[track_caller]
fn expect_b(got: &(Outcome, Tree), code: i32, out: &[u8], err: &[u8], tree: &Tree) {
    let (o, t) = got;
    assert_eq!((o.status, show(&o.stdout), show(&o.stderr)), (Some(code), show(out), show(err)));
    assert_eq!(t, tree, "the tree left behind");
}

#[test]
fn a_hard_link_is_a_second_name_for_the_same_file() {
    if !has(&["ln"]) {
        return;
    }
    let both = [("a", "= a (2)"), ("c", "= a (2)")];
    expect(&ln("hard", &["a", "c"]), 0, "", "", &with(&both));
    expect(&ln("hard-v", &["-v", "a", "c"]), 0, "'c' => 'a'\n", "", &with(&both));
    expect(&ln("hard-verbose", &["--verbose", "a", "c"]), 0, "'c' => 'a'\n", "", &with(&both));
    // The inode is the same: the new name sees what the old one holds.
    let dir = tempdir("ln-inode");
    fixture(&dir);
    run_as("ln").args(["a", "c"]).current_dir(&dir).assert().code(0).stdout("").stderr("");
    let (x, y) = (std::fs::metadata(dir.join("a")).unwrap(), std::fs::metadata(dir.join("c")).unwrap());
    assert_eq!((x.dev(), x.ino(), x.nlink()), (y.dev(), y.ino(), 2));
    // Into a directory, under the target's last component.
    expect(&ln("into", &["a", "d"]), 0, "", "", &with(&[("a", "= a (2)"), ("d/a", "= a (2)")]));
    expect(
        &ln("into-v", &["-v", "o/a", "d/"]),
        0,
        "'d/a' => 'o/a'\n",
        "",
        &with(&[("o/a", "= o/a (2)"), ("d/a", "= o/a (2)")]),
    );
    expect(
        &ln("into-vv", &["-v", "o/a", "d//"]),
        0,
        "'d/a' => 'o/a'\n",
        "",
        &with(&[("o/a", "= o/a (2)"), ("d/a", "= o/a (2)")]),
    );
    expect(
        &ln("into-sym", &["-v", "a", "sd"]),
        0,
        "'sd/a' => 'a'\n",
        "",
        &with(&[("a", "= a (2)"), ("d/a", "= a (2)")]),
    );
    // Several targets into a directory, in order.
    let three = with(&[
        ("a", "= a (2)"),
        ("b", "= b (2)"),
        ("f", "= f (2)"),
        ("d/a", "= a (2)"),
        ("d/b", "= b (2)"),
        ("d/f", "= f (2)"),
    ]);
    expect(&ln("many", &["-v", "a", "b", "f", "d"]), 0, "'d/a' => 'a'\n'd/b' => 'b'\n'd/f' => 'f'\n", "", &three);
    expect(
        &ln("many-t", &["-v", "-t", "d", "a", "b", "f"]),
        0,
        "'d/a' => 'a'\n'd/b' => 'b'\n'd/f' => 'f'\n",
        "",
        &three,
    );
    expect(&ln("many-td", &["-vtd", "a", "b", "f"]), 0, "'d/a' => 'a'\n'd/b' => 'b'\n'd/f' => 'f'\n", "", &three);
    expect(&ln("many-long", &["--target-directory=d", "a", "b", "f"]), 0, "", "", &three);
    expect(&ln("many-prefix", &["--t", "d", "a", "b", "f"]), 0, "", "", &three);
    expect(
        &ln("many-dot", &["-f", "a", "./b", "d"]),
        0,
        "",
        "",
        &with(&[("a", "= a (2)"), ("b", "= b (2)"), ("d/a", "= a (2)"), ("d/b", "= b (2)")]),
    );
}

#[test]
fn an_existing_link_name_is_an_error_and_the_other_operands_go_on() {
    if !has(&["ln"]) {
        return;
    }
    expect(&ln("exists", &["a", "b"]), 1, "", "ln: failed to create hard link 'b': File exists\n", &with(&[]));
    expect(&ln("exists-v", &["-v", "a", "b"]), 1, "", "ln: failed to create hard link 'b': File exists\n", &with(&[]));
    expect(
        &ln("exists-s", &["-s", "a", "b"]),
        1,
        "",
        "ln: failed to create symbolic link 'b': File exists\n",
        &with(&[]),
    );
    expect(
        &ln("exists-ss", &["-s", "a", "sa"]),
        1,
        "",
        "ln: failed to create symbolic link 'sa': File exists\n",
        &with(&[]),
    );
    expect(
        &ln("exists-dang", &["a", "dang"]),
        1,
        "",
        "ln: failed to create hard link 'dang': File exists\n",
        &with(&[]),
    );
    // The first into the directory is made; the second finds it there.
    expect(
        &ln("exists-twice", &["-v", "a", "o/a", "d"]),
        1,
        "'d/a' => 'a'\n",
        "ln: failed to create hard link 'd/a': File exists\n",
        &with(&[("a", "= a (2)"), ("d/a", "= a (2)")]),
    );
    // A missing target, then one that works.
    expect(
        &ln("exists-miss", &["-v", "x", "a", "d"]),
        1,
        "'d/a' => 'a'\n",
        "ln: failed to access 'x': No such file or directory\n",
        &with(&[("a", "= a (2)"), ("d/a", "= a (2)")]),
    );
    // A missing directory for the link.
    expect(
        &ln("exists-nodir", &["a", "nod/x"]),
        1,
        "",
        "ln: failed to create hard link 'nod/x' => 'a': No such file or directory\n",
        &with(&[]),
    );
    expect(
        &ln("exists-notdir", &["a", "f/x"]),
        1,
        "",
        "ln: failed to create hard link 'f/x' => 'a': Not a directory\n",
        &with(&[]),
    );
    expect(
        &ln("exists-s-nodir", &["-s", "a", "nod/x"]),
        1,
        "",
        "ln: failed to create symbolic link 'nod/x': No such file or directory\n",
        &with(&[]),
    );
}

#[test]
fn a_missing_target_fails_for_hard_links_but_not_for_symbolic_ones() {
    if !has(&["ln"]) {
        return;
    }
    expect(&ln("miss", &["x", "y"]), 1, "", "ln: failed to access 'x': No such file or directory\n", &with(&[]));
    expect(
        &ln("miss-f", &["-f", "x", "b"]),
        1,
        "",
        "ln: failed to access 'x': No such file or directory\n",
        &with(&[]),
    );
    expect(&ln("miss-s", &["-s", "x", "y"]), 0, "", "", &with(&[("y", "-> x")]));
    expect(&ln("miss-deep", &["f/x", "y"]), 1, "", "ln: failed to access 'f/x': Not a directory\n", &with(&[]));
    // -L follows the dangling link and finds nothing; -P links the link.
    expect(
        &ln("miss-L", &["-L", "dang", "h"]),
        1,
        "",
        "ln: failed to access 'dang': No such file or directory\n",
        &with(&[]),
    );
    expect(&ln("miss-P", &["dang", "h"]), 0, "", "", &with(&[("dang", "-> nowhere (2)"), ("h", "-> nowhere (2)")]));
}

#[test]
fn force_replaces_files_and_symlinks_but_never_the_target_itself() {
    if !has(&["ln"]) {
        return;
    }
    let ab = with(&[("a", "= a (2)"), ("b", "= a (2)")]);
    expect(&ln("f", &["-f", "a", "b"]), 0, "", "", &ab);
    expect(&ln("f-v", &["-fv", "a", "b"]), 0, "'b' => 'a'\n", "", &ab);
    expect(&ln("f-long", &["--force", "a", "b"]), 0, "", "", &ab);
    expect(&ln("f-pre", &["--f", "a", "b"]), 0, "", "", &ab);
    expect(&ln("f-sym", &["-f", "a", "sa"]), 0, "", "", &with(&[("a", "= a (2)"), ("sa", "= a (2)")]));
    expect(&ln("f-dang", &["-f", "b", "dang"]), 0, "", "", &with(&[("b", "= b (2)"), ("dang", "= b (2)")]));
    expect(&ln("sf", &["-sf", "a", "b"]), 0, "", "", &with(&[("b", "-> a")]));
    expect(&ln("sf-v", &["-sfv", "o/a", "sa"]), 0, "'sa' -> 'o/a'\n", "", &with(&[("sa", "-> o/a")]));
    expect(&ln("sf-same-text", &["-sf", "a", "sa"]), 0, "", "", &with(&[]));
    // A hard link of the symlink itself replaces what it names.
    expect(&ln("f-link", &["-f", "sa", "a"]), 0, "", "", &with(&[("a", "-> a (2)"), ("sa", "-> a (2)")]));
    // The same file: one name (nlink 1), or the same name spelled two ways.
    let same = |s: &str, d: &str| format!("ln: '{s}' and '{d}' are the same file\n");
    expect(&ln("same", &["-f", "a", "a"]), 1, "", &same("a", "a"), &with(&[]));
    expect(&ln("same-dot", &["-f", "a", "./a"]), 1, "", &same("a", "./a"), &with(&[]));
    expect(&ln("same-s", &["-sf", "a", "a"]), 1, "", &same("a", "a"), &with(&[]));
    expect(&ln("same-s-dot", &["-sf", "a", "./a"]), 1, "", &same("a", "./a"), &with(&[]));
    expect(&ln("same-slash", &["-f", "o/a", "o//a"]), 1, "", &same("o/a", "o//a"), &with(&[]));
    expect(&ln("same-so", &["-f", "o/a", "so/a"]), 1, "", &same("o/a", "so/a"), &with(&[]));
    expect(&ln("same-link", &["-f", "sa", "sa"]), 1, "", &same("sa", "sa"), &with(&[]));
    expect(&ln("same-into", &["-f", "o/a", "o"]), 1, "", &same("o/a", "o/a"), &with(&[]));
    // Without -f there is no such check: the name exists.
    expect(&ln("same-nof", &["a", "./a"]), 1, "", "ln: failed to create hard link './a': File exists\n", &with(&[]));
    // -s follows the link to see the file: `sa` names `a`, which is `a`.
    expect(&ln("same-s-link", &["-sf", "sa", "a"]), 1, "", &same("sa", "a"), &with(&[]));
    expect(&ln("same-s-dang", &["-sf", "dang", "dang"]), 0, "", "", &with(&[("dang", "-> dang")]));
    // Two names of one file (nlink 2): the link name is replaced by the same file.
    let pair = |d: &Path| {
        fixture(d);
        std::fs::hard_link(d.join("a"), d.join("c")).unwrap();
    };
    let t = made(&pair, &[]);
    expect(&run("f-pair", &pair, &[b"-f", b"a", b"c"]), 0, "", "", &t);
    expect(&run("f-pair-v", &pair, &[b"-fv", b"c", b"a"]), 0, "'a' => 'c'\n", "", &t);
    expect(&run("f-pair-nof", &pair, &[b"a", b"c"]), 1, "", "ln: failed to create hard link 'c': File exists\n", &t);
}

#[test]
fn force_never_overwrites_a_directory() {
    if !has(&["ln"]) {
        return;
    }
    expect(&ln("dir-T", &["-fT", "a", "d"]), 1, "", "ln: d: cannot overwrite directory\n", &with(&[]));
    expect(&ln("dir-sT", &["-sfT", "a", "d"]), 1, "", "ln: d: cannot overwrite directory\n", &with(&[]));
    expect(&ln("dir-in", &["-f", "a", "e"]), 1, "", "ln: e/a: cannot overwrite directory\n", &with(&[]));
    expect(&ln("dir-in-s", &["-sfv", "a", "e"]), 1, "", "ln: e/a: cannot overwrite directory\n", &with(&[]));
    expect(&ln("dir-in-i", &["-i", "a", "e"]), 1, "", "ln: e/a: cannot overwrite directory\n", &with(&[]));
    expect(&ln("dir-T2", &["-fT", "a", "e/a"]), 1, "", "ln: e/a: cannot overwrite directory\n", &with(&[]));
    expect(&ln("dir-dT", &["-dfT", "a", "d"]), 1, "", "ln: d: cannot overwrite directory\n", &with(&[]));
    // Without -f it is only a name that exists.
    expect(&ln("dir-nof", &["-T", "a", "d"]), 1, "", "ln: failed to create hard link 'd': File exists\n", &with(&[]));
    expect(&ln("dir-nof-in", &["a", "e"]), 1, "", "ln: failed to create hard link 'e/a': File exists\n", &with(&[]));
    // The name is quoted as a file name (quotef): bare when it can be.
    let odd = |d: &Path| {
        fixture(d);
        std::fs::create_dir(d.join("d x")).unwrap();
        std::fs::create_dir(d.join(os(b"c\x01t"))).unwrap();
    };
    let t = made(&odd, &[]);
    expect(&run("dir-odd", &odd, &[b"-fT", b"a", b"d x"]), 1, "", "ln: 'd x': cannot overwrite directory\n", &t);
    expect(
        &run("dir-odd2", &odd, &[b"-fT", b"a", b"c\x01t"]),
        1,
        "",
        "ln: 'c'$'\\001''t': cannot overwrite directory\n",
        &t,
    );
    // Then the rest go on.
    expect(
        &ln("dir-go-on", &["-fv", "a", "b", "e"]),
        1,
        "'e/b' => 'b'\n",
        "ln: e/a: cannot overwrite directory\n",
        &with(&[("b", "= b (2)"), ("e/b", "= b (2)")]),
    );
}

#[test]
fn hard_links_to_directories_are_refused_by_ln_or_with_d_by_the_kernel() {
    if !has(&["ln"]) {
        return;
    }
    let refused = "ln: d: hard link not allowed for directory\n";
    expect(&ln("hdir", &["d", "x"]), 1, "", refused, &with(&[]));
    expect(&ln("hdir-f", &["-f", "d", "x"]), 1, "", refused, &with(&[]));
    expect(&ln("hdir-slash", &["d/", "x"]), 1, "", "ln: d/: hard link not allowed for directory\n", &with(&[]));
    expect(&ln("hdir-L", &["-L", "sd", "x"]), 1, "", "ln: sd: hard link not allowed for directory\n", &with(&[]));
    expect(
        &ln("hdir-in", &["-v", "d", "b", "e"]),
        1,
        "'e/b' => 'b'\n",
        refused,
        &with(&[("b", "= b (2)"), ("e/b", "= b (2)")]),
    );
    // -P (the default) links the symlink to the directory, which is a file.
    expect(&ln("hdir-P", &["sd", "x"]), 0, "", "", &with(&[("sd", "-> d (2)"), ("x", "-> d (2)")]));
    // -d / -F / --directory: linkat itself says no (EPERM, even for root).
    let eperm = "ln: failed to create hard link 'x' => 'd': Operation not permitted\n";
    for opt in ["-d", "-F", "--directory", "--dir", "-dv", "-Fv"] {
        expect(&ln("hdir-d", &[opt, "d", "x"]), 1, "", eperm, &with(&[]));
    }
    expect(
        &ln("hdir-d-in", &["-d", "d", "o"]),
        1,
        "",
        "ln: failed to create hard link 'o/d' => 'd': Operation not permitted\n",
        &with(&[]),
    );
    // -d leaves files and symbolic links alone.
    expect(&ln("hdir-d-file", &["-d", "a", "x"]), 0, "", "", &with(&[("a", "= a (2)"), ("x", "= a (2)")]));
    expect(&ln("hdir-s", &["-s", "d", "x"]), 0, "", "", &with(&[("x", "-> d")]));
    expect(&ln("hdir-sd", &["-sd", "d", "x"]), 0, "", "", &with(&[("x", "-> d")]));
}

#[test]
fn a_symlink_to_a_directory_as_link_name_is_linked_into_unless_n_or_t() {
    if !has(&["ln"]) {
        return;
    }
    expect(&ln("n-s", &["-s", "a", "sd"]), 0, "", "", &with(&[("d/a", "-> a")]));
    expect(&ln("n-sf", &["-sfv", "a", "sd"]), 0, "'sd/a' -> 'a'\n", "", &with(&[("d/a", "-> a")]));
    expect(&ln("n-sfn", &["-sfnv", "a", "sd"]), 0, "'sd' -> 'a'\n", "", &with(&[("sd", "-> a")]));
    expect(&ln("n-long", &["-sf", "--no-dereference", "a", "sd"]), 0, "", "", &with(&[("sd", "-> a")]));
    expect(&ln("n-pre", &["-sf", "--no-d", "a", "sd"]), 0, "", "", &with(&[("sd", "-> a")]));
    expect(&ln("n-sfT", &["-sfT", "a", "sd"]), 0, "", "", &with(&[("sd", "-> a")]));
    expect(&ln("n-T-long", &["-sf", "--no-target-directory", "a", "sd"]), 0, "", "", &with(&[("sd", "-> a")]));
    expect(&ln("n-T-pre", &["-sf", "--no-t", "a", "sd"]), 0, "", "", &with(&[("sd", "-> a")]));
    expect(
        &ln("n-sn", &["-sn", "a", "sd"]),
        1,
        "",
        "ln: failed to create symbolic link 'sd': File exists\n",
        &with(&[]),
    );
    expect(&ln("n-n", &["-n", "a", "sd"]), 1, "", "ln: failed to create hard link 'sd': File exists\n", &with(&[]));
    expect(&ln("n-fn", &["-fn", "a", "sd"]), 0, "", "", &with(&[("a", "= a (2)"), ("sd", "= a (2)")]));
    expect(&ln("n-hard", &["a", "sd"]), 0, "", "", &with(&[("a", "= a (2)"), ("d/a", "= a (2)")]));
    // A trailing slash makes it the directory again, even with -n.
    expect(
        &ln("n-slash", &["-vn", "a", "sd/"]),
        0,
        "'sd/a' => 'a'\n",
        "",
        &with(&[("a", "= a (2)"), ("d/a", "= a (2)")]),
    );
    // -T with a real directory and a trailing slash: a name that exists.
    expect(
        &ln("T-slash", &["-vT", "a", "d/"]),
        1,
        "",
        "ln: failed to create hard link 'd/': File exists\n",
        &with(&[]),
    );
    expect(
        &ln("T-new-slash", &["-vsT", "a", "x/"]),
        1,
        "",
        "ln: failed to create symbolic link 'x/': No such file or directory\n",
        &with(&[]),
    );
    // -n with three operands: the symlink is no directory.
    expect(&ln("n-three", &["-n", "a", "b", "sd"]), 1, "", "ln: target 'sd': Not a directory\n", &with(&[]));
    expect(&ln("n-t", &["-n", "-t", "sd", "a"]), 1, "", "ln: target 'sd': Not a directory\n", &with(&[]));
}

#[test]
fn target_directory_errors_are_reported_before_anything_is_linked() {
    if !has(&["ln"]) {
        return;
    }
    let t = with(&[]);
    expect(&ln("t-miss", &["-t", "nod", "a"]), 1, "", "ln: failed to access 'nod': No such file or directory\n", &t);
    expect(&ln("t-file", &["-t", "f", "a"]), 1, "", "ln: target 'f' is not a directory\n", &t);
    expect(&ln("t-sa", &["-t", "sa", "a"]), 1, "", "ln: target 'sa' is not a directory\n", &t);
    expect(&ln("t-dang", &["-t", "dang", "a"]), 1, "", "ln: failed to access 'dang': No such file or directory\n", &t);
    expect(&ln("t-deep", &["-t", "f/x", "a"]), 1, "", "ln: failed to access 'f/x': Not a directory\n", &t);
    expect(&ln("t-empty", &["-t", "", "a"]), 1, "", "ln: failed to access '': No such file or directory\n", &t);
    expect(&ln("t-twice", &["-t", "d", "-t", "d", "a"]), 1, "", "ln: multiple target directories specified\n", &t);
    expect(
        &ln("t-twice-bad", &["-t", "d", "-t", "nod", "a"]),
        1,
        "",
        "ln: multiple target directories specified\n",
        &t,
    );
    expect(
        &ln("t-bad-twice", &["-t", "nod", "-t", "d", "a"]),
        1,
        "",
        "ln: failed to access 'nod': No such file or directory\n",
        &t,
    );
    expect(
        &ln("t-T", &["-T", "-t", "d", "a"]),
        1,
        "",
        "ln: cannot combine --target-directory and --no-target-directory\n",
        &t,
    );
    expect(
        &ln("t-T2", &["-t", "d", "-T", "a", "b"]),
        1,
        "",
        "ln: cannot combine --target-directory and --no-target-directory\n",
        &t,
    );
    expect(&ln("t-none", &["-t", "d"]), 1, "", &format!("ln: missing file operand\n{TRY}"), &t);
    expect(&ln("t-noarg", &["-t"]), 1, "", &format!("ln: option requires an argument -- 't'\n{TRY}"), &t);
    expect(
        &ln("t-noarg-long", &["a", "--target-directory"]),
        1,
        "",
        &format!("ln: option '--target-directory' requires an argument\n{TRY}"),
        &t,
    );
    // The last operand as the directory, with more than two operands.
    expect(&ln("last-miss", &["a", "b", "nod"]), 1, "", "ln: target 'nod': No such file or directory\n", &t);
    expect(&ln("last-file", &["a", "b", "f"]), 1, "", "ln: target 'f': Not a directory\n", &t);
    expect(&ln("last-sa", &["a", "b", "sa"]), 1, "", "ln: target 'sa': Not a directory\n", &t);
    expect(&ln("last-dang", &["-s", "a", "b", "dang"]), 1, "", "ln: target 'dang': No such file or directory\n", &t);
    // `.` as the directory.
    expect(
        &ln("t-dot", &["-fv", "-t", ".", "o/b"]),
        0,
        "'./b' => 'o/b'\n",
        "",
        &with(&[("b", "= o/b (2)"), ("o/b", "= o/b (2)")]),
    );
    expect(
        &ln("t-dot-exists", &["-v", "-t", ".", "o/a"]),
        1,
        "",
        "ln: failed to create hard link './a': File exists\n",
        &t,
    );
}

#[test]
fn no_target_directory_needs_exactly_two_operands() {
    if !has(&["ln"]) {
        return;
    }
    let t = with(&[]);
    expect(&ln("T-one", &["-T", "a"]), 1, "", &format!("ln: missing destination file operand after 'a'\n{TRY}"), &t);
    expect(
        &ln("T-one-odd", &["-T", "it's"]),
        1,
        "",
        &format!("ln: missing destination file operand after \"it's\"\n{TRY}"),
        &t,
    );
    expect(&ln("T-three", &["-T", "a", "b", "c"]), 1, "", &format!("ln: extra operand 'c'\n{TRY}"), &t);
    expect(&ln("T-four", &["-T", "a", "b", "c d", "e"]), 1, "", &format!("ln: extra operand 'c d'\n{TRY}"), &t);
    expect(&ln("T-none", &["-T"]), 1, "", &format!("ln: missing file operand\n{TRY}"), &t);
    expect(&ln("T-two", &["-T", "a", "c"]), 0, "", "", &with(&[("a", "= a (2)"), ("c", "= a (2)")]));
}

#[test]
fn one_operand_links_into_the_working_directory() {
    if !has(&["ln"]) {
        return;
    }
    expect(&ln("one-s", &["-s", "/nonexistent-femtobox/x"]), 0, "", "", &with(&[("x", "-> /nonexistent-femtobox/x")]));
    expect(
        &ln("one-sv", &["-sv", "/nonexistent-femtobox/x"]),
        0,
        "'./x' -> '/nonexistent-femtobox/x'\n",
        "",
        &with(&[("x", "-> /nonexistent-femtobox/x")]),
    );
    expect(
        &ln("one-sv-slash", &["-sv", "/nonexistent-femtobox/x//"]),
        0,
        "'./x' -> '/nonexistent-femtobox/x//'\n",
        "",
        &with(&[("x", "-> /nonexistent-femtobox/x//")]),
    );
    expect(
        &ln("one-sv-exists", &["-sv", "o/b"]),
        1,
        "",
        "ln: failed to create symbolic link './b': File exists\n",
        &with(&[]),
    );
    expect(&ln("one-hard", &["-v", "o/a"]), 1, "", "ln: failed to create hard link './a': File exists\n", &with(&[]));
    expect(
        &ln("one-hard-f", &["-fv", "o/a"]),
        0,
        "'./a' => 'o/a'\n",
        "",
        &with(&[("a", "= o/a (2)"), ("o/a", "= o/a (2)")]),
    );
    expect(&ln("one-up", &["-sv", "o/up"]), 0, "'./up' -> 'o/up'\n", "", &with(&[("up", "-> o/up")]));
    expect(
        &ln("one-dang", &["-s", "dang"]),
        1,
        "",
        "ln: failed to create symbolic link './dang': File exists\n",
        &with(&[]),
    );
    expect(
        &ln("one-self", &["-s", "a/"]),
        1,
        "",
        "ln: failed to create symbolic link './a': File exists\n",
        &with(&[]),
    );
    expect(
        &ln("one-hard-new", &["-v", "o/../o/up"]),
        0,
        "'./up' => 'o/../o/up'\n",
        "",
        &with(&[("up", "-> ../a (2)"), ("o/up", "-> ../a (2)")]),
    );
}

#[test]
fn the_same_basename_twice_with_force_never_replaces_a_link_just_made() {
    if !has(&["ln"]) {
        return;
    }
    let first = with(&[("a", "= a (2)"), ("d/a", "= a (2)")]);
    expect(
        &ln("twice", &["-f", "a", "o/a", "d"]),
        1,
        "",
        "ln: will not overwrite just-created 'd/a' with 'o/a'\n",
        &first,
    );
    expect(
        &ln("twice-v", &["-fv", "o/a", "a", "d"]),
        1,
        "'d/a' => 'o/a'\n",
        "ln: will not overwrite just-created 'd/a' with 'a'\n",
        &with(&[("o/a", "= o/a (2)"), ("d/a", "= o/a (2)")]),
    );
    expect(
        &ln("thrice", &["-f", "a", "o/a", "a", "d"]),
        1,
        "",
        "ln: will not overwrite just-created 'd/a' with 'o/a'\nln: will not overwrite just-created 'd/a' with 'a'\n",
        &first,
    );
    expect(
        &ln("twice-same", &["-f", "a", "a", "d"]),
        1,
        "",
        "ln: will not overwrite just-created 'd/a' with 'a'\n",
        &first,
    );
    expect(
        &ln("twice-t", &["-f", "-t", "sd", "a", "so/a"]),
        1,
        "",
        "ln: will not overwrite just-created 'sd/a' with 'so/a'\n",
        &first,
    );
    // Without -f: the name exists. Symbolic links are replaced.
    expect(&ln("twice-nof", &["a", "o/a", "d"]), 1, "", "ln: failed to create hard link 'd/a': File exists\n", &first);
    expect(
        &ln("twice-s", &["-sfv", "a", "o/a", "d"]),
        0,
        "'d/a' -> 'a'\n'd/a' -> 'o/a'\n",
        "",
        &with(&[("d/a", "-> o/a")]),
    );
    // A name there before the run is replaced as usual.
    let pre = |d: &Path| {
        fixture(d);
        std::fs::write(d.join("d/a"), "old").unwrap();
    };
    expect(
        &run("twice-pre", &pre, &[b"-fv", b"a", b"b", b"d"]),
        0,
        "'d/a' => 'a'\n'd/b' => 'b'\n",
        "",
        &made(&pre, &[("a", "= a (2)"), ("d/a", "= a (2)"), ("b", "= b (2)"), ("d/b", "= b (2)")]),
    );
}

/// GNU's table of links made holds the name with the inode: a link name
/// that was there before the run and happens to be the file an earlier
/// operand was linked to is not "just created" (gnulib's triple_hash and
/// triple_compare: name, device and inode).
#[test]
fn just_created_means_this_name_was_made_by_this_run() {
    if !has(&["ln"]) {
        return;
    }
    let pre = |d: &Path| {
        fixture(d);
        std::fs::hard_link(d.join("a"), d.join("d/b")).unwrap();
    };
    expect(
        &run("seen-name", &pre, &[b"-fv", b"a", b"b", b"d"]),
        0,
        "'d/a' => 'a'\n'd/b' => 'b'\n",
        "",
        &made(&pre, &[("a", "= a (2)"), ("d/a", "= a (2)"), ("b", "= b (2)"), ("d/b", "= b (2)")]),
    );
}

/// GNU 9.1 replaces a link name by linking to a temporary name and renaming
/// it over (gnulib's force_linkat), so a TARGET that reaches the file only
/// through the link name still works; unlinking first loses the file.
#[test]
fn force_replaces_atomically_so_a_target_reached_through_the_link_name_survives() {
    if !has(&["ln"]) {
        return;
    }
    let pair = |d: &Path| {
        fixture(d);
        std::fs::hard_link(d.join("a"), d.join("a2")).unwrap();
    };
    expect(&run("atomic-L", &pair, &[b"-fL", b"sa", b"a"]), 0, "", "", &made(&pair, &[]));
    expect(&run_in("atomic-iL", &pair, &[b"-iL", b"sa", b"a"], b"y\n"), 0, "", "ln: replace 'a'? ", &made(&pair, &[]));
    // -i does not check for the same file: a `y` links the file to itself.
    expect(&run_in("atomic-i-self", &fixture, &[b"-i", b"a", b"a"], b"y\n"), 0, "", "ln: replace 'a'? ", &with(&[]));
    expect(
        &run_in("atomic-i-dot", &fixture, &[b"-iv", b"a", b"./a"], b"y\n"),
        0,
        "'./a' => 'a'\n",
        "ln: replace './a'? ",
        &with(&[]),
    );
    expect(&run_in("atomic-i-one", &fixture, &[b"-i", b"f"], b"y\n"), 0, "", "ln: replace './f'? ", &with(&[]));
    expect(
        &run_in("atomic-i-into", &fixture, &[b"-i", b"o/a", b"so"], b"y\n"),
        0,
        "",
        "ln: replace 'so/a'? ",
        &with(&[]),
    );
    // A hard link to a directory that the kernel refuses leaves the link
    // name in place.
    let eperm = "ln: failed to create hard link 'b' => 'd': Operation not permitted\n";
    expect(&run("atomic-d", &fixture, &[b"-df", b"d", b"b"]), 1, "", eperm, &with(&[]));
    expect(
        &run_in("atomic-di", &fixture, &[b"-Fi", b"d", b"b"], b"y\n"),
        1,
        "",
        &format!("ln: replace 'b'? {eperm}"),
        &with(&[]),
    );
    expect(
        &run("atomic-d-slash", &fixture, &[b"-df", b"sd/", b"b"]),
        1,
        "",
        "ln: failed to create hard link 'b' => 'sd/': Operation not permitted\n",
        &with(&[]),
    );
}

#[test]
fn relative_symlinks_are_worked_out_from_canonical_names() {
    if !has(&["ln"]) {
        return;
    }
    expect(&ln("r", &["-sr", "a", "d/x"]), 0, "", "", &with(&[("d/x", "-> ../a")]));
    expect(&ln("r-v", &["-srv", "a", "d/x"]), 0, "'d/x' -> '../a'\n", "", &with(&[("d/x", "-> ../a")]));
    expect(&ln("r-long", &["--symbolic", "--relative", "a", "d/x"]), 0, "", "", &with(&[("d/x", "-> ../a")]));
    expect(&ln("r-pre", &["--sy", "--rel", "a", "d/x"]), 0, "", "", &with(&[("d/x", "-> ../a")]));
    expect(&ln("r-here", &["-sr", "a", "x"]), 0, "", "", &with(&[("x", "-> a")]));
    expect(&ln("r-into", &["-srv", "a", "d"]), 0, "'d/a' -> '../a'\n", "", &with(&[("d/a", "-> ../a")]));
    expect(&ln("r-deep", &["-sr", "o/b", "e/a/x"]), 0, "", "", &with(&[("e/a/x", "-> ../../o/b")]));
    expect(&ln("r-up", &["-sr", "e/a", "o/x"]), 0, "", "", &with(&[("o/x", "-> ../e/a")]));
    // Through a symlinked directory: the link lands in d, so it climbs from d.
    expect(&ln("r-sd", &["-srv", "a", "sd/x"]), 0, "'sd/x' -> '../a'\n", "", &with(&[("d/x", "-> ../a")]));
    expect(&ln("r-sd-into", &["-srv", "a", "sd"]), 0, "'sd/a' -> '../a'\n", "", &with(&[("d/a", "-> ../a")]));
    expect(&ln("r-so", &["-sr", "so/a", "d/x"]), 0, "", "", &with(&[("d/x", "-> ../o/a")]));
    // `..` after a symlink goes up from what it names.
    expect(&ln("r-dotdot", &["-sr", "sd/../a", "x"]), 0, "", "", &with(&[("x", "-> a")]));
    expect(&ln("r-dotdot2", &["-sr", "d/../a", "d/x"]), 0, "", "", &with(&[("d/x", "-> ../a")]));
    expect(&ln("r-dotdot3", &["-sr", "so/../o/../b", "e/a/x"]), 0, "", "", &with(&[("e/a/x", "-> ../../b")]));
    // A symlink TARGET is resolved too (to what it names, relative or not).
    expect(&ln("r-link", &["-sr", "o/up", "d/x"]), 0, "", "", &with(&[("d/x", "-> ../a")]));
    expect(&ln("r-link2", &["-sr", "sa", "d/x"]), 0, "", "", &with(&[("d/x", "-> ../a")]));
    expect(&ln("r-dang", &["-sr", "dang", "d/x"]), 0, "", "", &with(&[("d/x", "-> ../nowhere")]));
    // Missing names are kept as they are.
    expect(&ln("r-miss", &["-sr", "nowhere", "d/x"]), 0, "", "", &with(&[("d/x", "-> ../nowhere")]));
    expect(&ln("r-miss2", &["-sr", "no/where/x", "e/a/x"]), 0, "", "", &with(&[("e/a/x", "-> ../../no/where/x")]));
    expect(&ln("r-miss3", &["-sr", "no/../b", "d/x"]), 0, "", "", &with(&[("d/x", "-> ../b")]));
    // The directory itself, and the working directory.
    expect(&ln("r-self", &["-sr", "o", "o/x"]), 0, "", "", &with(&[("o/x", "-> .")]));
    expect(&ln("r-dot", &["-sr", ".", "x"]), 0, "", "", &with(&[("x", "-> .")]));
    expect(&ln("r-dir", &["-sr", "d", "e/a/x"]), 0, "", "", &with(&[("e/a/x", "-> ../../d")]));
    expect(&ln("r-slash", &["-sr", "o/", "d/x"]), 0, "", "", &with(&[("d/x", "-> ../o")]));
    // With -f, replacing; and the same file.
    expect(&ln("r-f", &["-srf", "o/a", "sa"]), 0, "", "", &with(&[("sa", "-> o/a")]));
    expect(&ln("r-same", &["-srf", "a", "a"]), 1, "", "ln: 'a' and 'a' are the same file\n", &with(&[]));
    // Failures name the link.
    expect(
        &ln("r-nodir", &["-sr", "a", "nod/x"]),
        1,
        "",
        "ln: failed to create symbolic link 'nod/x': No such file or directory\n",
        &with(&[]),
    );
    expect(
        &ln("r-exists", &["-sr", "a", "b"]),
        1,
        "",
        "ln: failed to create symbolic link 'b': File exists\n",
        &with(&[]),
    );
    // An absolute TARGET climbs out of the working directory to the root.
    let dir = tempdir("ln-r-root");
    fixture(&dir);
    let depth = std::fs::canonicalize(&dir).unwrap().components().count() - 1;
    let up = vec![".."; depth].join("/");
    expect(&ln("r-root", &["-sr", "/", "x"]), 0, "", "", &with(&[("x", &format!("-> {up}"))]));
    expect(
        &ln("r-abs", &["-sr", "/nonexistent-femtobox/x", "d/x"]),
        0,
        "",
        "",
        &with(&[("d/x", &format!("-> ../{up}/nonexistent-femtobox/x"))]),
    );
    // -r needs -s.
    let t = with(&[]);
    expect(&ln("r-hard", &["-r", "a", "x"]), 1, "", "ln: cannot do --relative without --symbolic\n", &t);
    expect(
        &ln("r-hard-long", &["--relative", "-f", "a", "x"]),
        1,
        "",
        "ln: cannot do --relative without --symbolic\n",
        &t,
    );
    expect(&ln("r-hard-one", &["-rv", "a"]), 1, "", "ln: cannot do --relative without --symbolic\n", &t);
    // ... and is checked after the operand count, before -T's.
    expect(&ln("r-none", &["-r"]), 1, "", &format!("ln: missing file operand\n{TRY}"), &t);
    expect(&ln("r-T", &["-rT", "a"]), 1, "", "ln: cannot do --relative without --symbolic\n", &t);
}

/// A relative name that does not fit in PATH_MAX: gnulib's relpath says so
/// (`generating relative path: File name too long`) and the name is used
/// as given.
#[test]
fn a_relative_name_longer_than_path_max_is_reported_and_the_name_used_as_given() {
    if !has(&["ln"]) {
        return;
    }
    let c = "C".repeat(200);
    let long = vec![c.as_str(); 21].join("/");
    let (o, t) = ln("r-toolong", &["-sr", &long, "d/x"]);
    assert_eq!(
        (o.status, show(&o.stderr)),
        (Some(1), show(format!("ln: generating relative path: File name too long\nln: failed to create symbolic link 'd/x' -> '{long}': File name too long\n").as_bytes()))
    );
    assert_eq!(t, with(&[]));
    // 4095 bytes fit as link text, but not with `../` before them.
    let fits = format!("{}/{}", vec![c.as_str(); 20].join("/"), "D".repeat(75));
    assert_eq!(fits.len(), 4095);
    expect(&ln("r-fits", &["-sr", &fits, "x"]), 0, "", "", &with(&[("x", &format!("-> {fits}"))]));
    expect(
        &ln("r-fits-d", &["-sr", &fits, "d/x"]),
        0,
        "",
        "ln: generating relative path: File name too long\n",
        &with(&[("d/x", &format!("-> {fits}"))]),
    );
}

/// In a cycle of symlinks gnulib's canonicalize follows 20 links, then
/// stops at the first (directory, name) it meets again: `l1` in a cycle of
/// three comes out as `l3`.
#[test]
fn relative_names_through_a_symlink_cycle_stop_where_gnulib_stops() {
    if !has(&["ln"]) {
        return;
    }
    let cycle = |d: &Path| {
        for (l, to) in [("l1", "l2"), ("l2", "l3"), ("l3", "l1"), ("loop", "loop"), ("m1", "m2"), ("m2", "m1")] {
            symlink(to, d.join(l)).unwrap();
        }
    };
    expect(&run("r-loop", &cycle, &[b"-sr", b"loop", b"x"]), 0, "", "", &made(&cycle, &[("x", "-> loop")]));
    expect(&run("r-loop2", &cycle, &[b"-sr", b"m1/q", b"x"]), 0, "", "", &made(&cycle, &[("x", "-> m1/q")]));
    expect(&run("r-loop3", &cycle, &[b"-sr", b"l1", b"x"]), 0, "", "", &made(&cycle, &[("x", "-> l3")]));
    expect(&run("r-loop3b", &cycle, &[b"-sr", b"l2/q", b"x"]), 0, "", "", &made(&cycle, &[("x", "-> l1/q")]));
}

#[test]
fn logical_and_physical_decide_what_a_symlink_target_is_linked_as() {
    if !has(&["ln"]) {
        return;
    }
    let logical = with(&[("a", "= a (2)"), ("h", "= a (2)")]);
    let physical = with(&[("sa", "-> a (2)"), ("h", "-> a (2)")]);
    expect(&ln("L", &["-L", "sa", "h"]), 0, "", "", &logical);
    expect(&ln("L-long", &["--logical", "sa", "h"]), 0, "", "", &logical);
    expect(&ln("L-pre", &["--l", "sa", "h"]), 0, "", "", &logical);
    expect(&ln("PL", &["-P", "-L", "sa", "h"]), 0, "", "", &logical);
    expect(&ln("L-rel", &["-L", "o/up", "h"]), 0, "", "", &logical);
    expect(&ln("P", &["-P", "sa", "h"]), 0, "", "", &physical);
    expect(&ln("P-long", &["--physical", "sa", "h"]), 0, "", "", &physical);
    expect(&ln("default", &["sa", "h"]), 0, "", "", &physical);
    expect(&ln("LP", &["-LP", "sa", "h"]), 0, "", "", &physical);
    expect(&ln("L-v", &["-Lv", "sa", "h"]), 0, "'h' => 'sa'\n", "", &logical);
    // Symbolic links are text: -L and -P change nothing.
    expect(&ln("sL", &["-sL", "sa", "h"]), 0, "", "", &with(&[("h", "-> sa")]));
    expect(&ln("sP", &["-sP", "sa", "h"]), 0, "", "", &with(&[("h", "-> sa")]));
    // -L into a directory and with -f.
    expect(
        &ln("L-into", &["-L", "sa", "so/up", "d"]),
        0,
        "",
        "",
        &with(&[("a", "= a (3)"), ("d/sa", "= a (3)"), ("d/up", "= a (3)")]),
    );
    expect(&ln("L-f", &["-Lf", "sa", "b"]), 0, "", "", &with(&[("a", "= a (2)"), ("b", "= a (2)")]));
    // With one name only, -L to the file the link names is the same file.
    expect(&ln("L-same", &["-Lf", "sa", "a"]), 1, "", "ln: 'sa' and 'a' are the same file\n", &with(&[]));
}

#[test]
fn interactive_asks_on_stderr_and_reads_the_answer_from_stdin() {
    if !has(&["ln"]) {
        return;
    }
    let ask = "ln: replace 'b'? ";
    expect(
        &run_in("i-y", &fixture, &[b"-i", b"a", b"b"], b"y\n"),
        0,
        "",
        ask,
        &with(&[("a", "= a (2)"), ("b", "= a (2)")]),
    );
    expect(
        &run_in("i-yes", &fixture, &[b"--interactive", b"a", b"b"], b"yes please\n"),
        0,
        "",
        ask,
        &with(&[("a", "= a (2)"), ("b", "= a (2)")]),
    );
    expect(
        &run_in("i-Y", &fixture, &[b"-iv", b"a", b"b"], b"Y"),
        0,
        "'b' => 'a'\n",
        ask,
        &with(&[("a", "= a (2)"), ("b", "= a (2)")]),
    );
    expect(&run_in("i-n", &fixture, &[b"-i", b"a", b"b"], b"n\n"), 0, "", ask, &with(&[]));
    expect(&run_in("i-eof", &fixture, &[b"-iv", b"a", b"b"], b""), 0, "", ask, &with(&[]));
    expect(&run_in("i-space", &fixture, &[b"-i", b"a", b"b"], b" y\n"), 0, "", ask, &with(&[]));
    expect(&run_in("i-s", &fixture, &[b"-is", b"a", b"b"], b"y\n"), 0, "", ask, &with(&[("b", "-> a")]));
    expect(
        &run_in("i-sym", &fixture, &[b"-i", b"a", b"sa"], b"y\n"),
        0,
        "",
        "ln: replace 'sa'? ",
        &with(&[("a", "= a (2)"), ("sa", "= a (2)")]),
    );
    // No question when the name is new.
    expect(
        &run_in("i-new", &fixture, &[b"-i", b"a", b"c"], b"n\n"),
        0,
        "",
        "",
        &with(&[("a", "= a (2)"), ("c", "= a (2)")]),
    );
    // -i asks about the target itself (no same-file check without -f).
    expect(&run_in("i-self", &fixture, &[b"-i", b"a", b"./a"], b"n\n"), 0, "", "ln: replace './a'? ", &with(&[]));
    // One answer a line, in order.
    let both = |i: &[u8]| run_in("i-two", &fixture, &[b"-iv", b"a", b"b", b"o"], i);
    let asks = "ln: replace 'o/a'? ln: replace 'o/b'? ";
    expect(&both(b"y\nn\n"), 0, "'o/a' => 'a'\n", asks, &with(&[("a", "= a (2)"), ("o/a", "= a (2)")]));
    expect(&both(b"n\ny\n"), 0, "'o/b' => 'b'\n", asks, &with(&[("b", "= b (2)"), ("o/b", "= b (2)")]));
    expect(&both(b"x\ny\n"), 0, "'o/b' => 'b'\n", asks, &with(&[("b", "= b (2)"), ("o/b", "= b (2)")]));
    expect(&both(b"yy"), 0, "'o/a' => 'a'\n", asks, &with(&[("a", "= a (2)"), ("o/a", "= a (2)")]));
    expect(&both(b"\n\ny\n"), 0, "", asks, &with(&[]));
    // The last of -f and -i wins.
    expect(
        &run_in("if", &fixture, &[b"-if", b"a", b"b"], b"n\n"),
        0,
        "",
        "",
        &with(&[("a", "= a (2)"), ("b", "= a (2)")]),
    );
    expect(&run_in("fi", &fixture, &[b"-fi", b"a", b"b"], b"n\n"), 0, "", ask, &with(&[]));
    // -n / -T with a symlink to a directory: asked about the symlink.
    expect(
        &run_in("i-n-sd", &fixture, &[b"-isvn", b"a", b"sd"], b"y\n"),
        0,
        "'sd' -> 'a'\n",
        "ln: replace 'sd'? ",
        &with(&[("sd", "-> a")]),
    );
    expect(
        &run_in("i-sd", &fixture, &[b"-isv", b"a", b"sd"], b"y\n"),
        0,
        "'sd/a' -> 'a'\n",
        "",
        &with(&[("d/a", "-> a")]),
    );
}

#[test]
fn verbose_lines_use_literal_quotes_and_an_arrow_for_the_kind_of_link() {
    if !has(&["ln"]) {
        return;
    }
    expect(&ln("v-s", &["-sv", "a", "c"]), 0, "'c' -> 'a'\n", "", &with(&[("c", "-> a")]));
    expect(&ln("v-h", &["-v", "a", "c"]), 0, "'c' => 'a'\n", "", &with(&[("a", "= a (2)"), ("c", "= a (2)")]));
    expect(
        &ln("v-miss-s", &["-sv", "no where", "c d"]),
        0,
        "'c d' -> 'no where'\n",
        "",
        &with(&[("c d", "-> no where")]),
    );
    expect(&ln("v-dotdir", &["-vs", "a", "d/."]), 0, "'d/./a' -> 'a'\n", "", &with(&[("d/a", "-> a")]));
    expect(
        &ln("v-so", &["-vs", "b", "so"]),
        1,
        "",
        "ln: failed to create symbolic link 'so/b': File exists\n",
        &with(&[]),
    );
    expect(&ln("v-so-f", &["-vsf", "b", "so"]), 0, "'so/b' -> 'b'\n", "", &with(&[("o/b", "-> b")]));
    // Nothing on stdout for a failure.
    expect(
        &ln("v-fail", &["-v", "x", "c"]),
        1,
        "",
        "ln: failed to access 'x': No such file or directory\n",
        &with(&[]),
    );
}

#[test]
fn an_empty_name_is_reported_as_gnu_reports_it() {
    if !has(&["ln"]) {
        return;
    }
    let t = with(&[]);
    expect(
        &ln("empty-s", &["-s", "", "x"]),
        1,
        "",
        "ln: failed to create symbolic link 'x' -> '': No such file or directory\n",
        &t,
    );
    expect(
        &ln("empty-sf", &["-sf", "", "x"]),
        1,
        "",
        "ln: failed to create symbolic link 'x' -> '': No such file or directory\n",
        &t,
    );
    expect(
        &ln("empty-sfb", &["-sf", "", "b"]),
        1,
        "",
        "ln: failed to create symbolic link 'b' -> '': No such file or directory\n",
        &t,
    );
    expect(
        &ln("empty-sr", &["-sr", "", "x"]),
        1,
        "",
        "ln: failed to create symbolic link 'x' -> '': No such file or directory\n",
        &t,
    );
    expect(&ln("empty-h", &["", "x"]), 1, "", "ln: failed to access '': No such file or directory\n", &t);
    expect(&ln("empty-hf", &["-f", "", "x"]), 1, "", "ln: failed to access '': No such file or directory\n", &t);
    expect(
        &ln("empty-dest-s", &["-s", "a", ""]),
        1,
        "",
        "ln: failed to create symbolic link '': No such file or directory\n",
        &t,
    );
    expect(
        &ln("empty-dest-sf", &["-sf", "a", ""]),
        1,
        "",
        "ln: failed to create symbolic link '': No such file or directory\n",
        &t,
    );
    expect(
        &ln("empty-dest-h", &["a", ""]),
        1,
        "",
        "ln: failed to create hard link '' => 'a': No such file or directory\n",
        &t,
    );
    expect(
        &ln("empty-one", &["-sv", ""]),
        1,
        "",
        "ln: failed to create symbolic link './' -> '': No such file or directory\n",
        &t,
    );
    expect(&ln("empty-t", &["-v", "-t", ".", ""]), 1, "", "ln: failed to access '': No such file or directory\n", &t);
}

/// A name with odd bytes: quoted in shell-escape style, always (messages
/// with quoteaf and the -v lines alike).
#[test]
fn names_with_odd_bytes_are_quoted_in_shell_escape_style() {
    if !has(&["ln"]) {
        return;
    }
    let odd = |d: &Path| {
        fixture(d);
        for n in [&b"it's"[..], b"c\x01t", b"sp ace", b"\xff", b"n\nl", b"-x"] {
            std::fs::write(d.join(os(n)), n).unwrap();
        }
    };
    let t = made(&odd, &[]);
    let r = |tag: &str, args: &[&[u8]]| run(tag, &odd, args);
    expect_b(&r("odd-exists", &[b"a", b"it's"]), 1, b"", b"ln: failed to create hard link \"it's\": File exists\n", &t);
    expect_b(
        &r("odd-exists2", &[b"-s", b"a", b"c\x01t"]),
        1,
        b"",
        b"ln: failed to create symbolic link 'c'$'\\001''t': File exists\n",
        &t,
    );
    expect_b(
        &r("odd-miss", &[b"x\xffy", b"z"]),
        1,
        b"",
        b"ln: failed to access 'x'$'\\377''y': No such file or directory\n",
        &t,
    );
    expect_b(&r("odd-miss2", &[b"a b", b"z"]), 1, b"", b"ln: failed to access 'a b': No such file or directory\n", &t);
    let mut t2 = t.clone();
    t2.insert("z".into(), "= it\\'s (2)".into());
    t2.insert("it\\'s".into(), "= it\\'s (2)".into());
    expect_b(&r("odd-v", &[b"-v", b"it's", b"z"]), 0, b"'z' => \"it's\"\n", b"", &t2);
    let mut t3 = t.clone();
    t3.insert("z\\xff".into(), "-> c\\x01t".into());
    expect_b(&r("odd-sv", &[b"-sv", b"c\x01t", b"z\xff"]), 0, b"'z'$'\\377' -> 'c'$'\\001''t'\n", b"", &t3);
    let mut t4 = t.clone();
    t4.insert("q\\nr".into(), "-> n\\nl".into());
    expect_b(&r("odd-nl", &[b"-sv", b"n\nl", b"q\nr"]), 0, b"'q'$'\\n''r' -> 'n'$'\\n''l'\n", b"", &t4);
    let mut t5 = t.clone();
    t5.insert("d/c\\x01t".into(), "= c\\x01t (2)".into());
    t5.insert("c\\x01t".into(), "= c\\x01t (2)".into());
    expect_b(&r("odd-into", &[b"-v", b"c\x01t", b"d"]), 0, b"'d/c'$'\\001''t' => 'c'$'\\001''t'\n", b"", &t5);
    expect_b(&r("odd-mixed", &[b"-s", b"a", b"it's\x01"]), 0, b"", b"", &{
        let mut t6 = t.clone();
        t6.insert("it\\'s\\x01".into(), "-> a".into());
        t6
    });
    expect_b(&r("odd-mixed-v", &[b"-fv", b"a", b"sp ace"]), 0, b"'sp ace' => 'a'\n", b"", &{
        let mut t7 = t.clone();
        t7.insert("sp ace".into(), "= a (2)".into());
        t7.insert("a".into(), "= a (2)".into());
        t7
    });
    expect_b(
        &r("odd-same", &[b"-f", b"it's", b"./it's"]),
        1,
        b"",
        b"ln: \"it's\" and \"./it's\" are the same file\n",
        &t,
    );
    expect_b(
        &r("odd-dash", &[b"--", b"-x", b"sp ace"]),
        1,
        b"",
        b"ln: failed to create hard link 'sp ace': File exists\n",
        &t,
    );
    expect_b(
        &r("odd-T", &[b"-T", b"\xff"]),
        1,
        b"",
        format!("ln: missing destination file operand after ''$'\\377'\n{TRY}").as_bytes(),
        &t,
    );
    expect_b(&r("odd-t", &[b"-t", b"it's", b"a"]), 1, b"", b"ln: target \"it's\" is not a directory\n", &t);
    expect_b(
        &r("odd-t-miss", &[b"-t", b"n o", b"a"]),
        1,
        b"",
        b"ln: failed to access 'n o': No such file or directory\n",
        &t,
    );
}

#[test]
fn long_names_fit_up_to_255_bytes_a_component() {
    if !has(&["ln"]) {
        return;
    }
    let (l255, l256) = ("L".repeat(255), "L".repeat(256));
    expect(&ln("long-ok", &["-sv", "a", &l255]), 0, &format!("'{l255}' -> 'a'\n"), "", &with(&[(&l255, "-> a")]));
    expect(&ln("long-ok-h", &["a", &l255]), 0, "", "", &with(&[(&l255, "= a (2)"), ("a", "= a (2)")]));
    let t = with(&[]);
    expect(
        &ln("long-s", &["-s", "a", &l256]),
        1,
        "",
        &format!("ln: failed to create symbolic link '{l256}' -> 'a': File name too long\n"),
        &t,
    );
    expect(
        &ln("long-h", &["a", &l256]),
        1,
        "",
        &format!("ln: failed to create hard link '{l256}' => 'a': File name too long\n"),
        &t,
    );
    expect(
        &ln("long-in", &["-s", "a", &format!("d/{l256}")]),
        1,
        "",
        &format!("ln: failed to create symbolic link 'd/{l256}' -> 'a': File name too long\n"),
        &t,
    );
    expect(
        &ln("long-src", &["-v", &l256, "x"]),
        1,
        "",
        &format!("ln: failed to access '{l256}': File name too long\n"),
        &t,
    );
    expect(
        &ln("long-text", &["-sv", &l256, "x"]),
        0,
        &format!("'x' -> '{l256}'\n"),
        "",
        &with(&[("x", &format!("-> {l256}"))]),
    );
    expect(
        &ln("long-nodir", &["-s", "a", &format!("nod/{l256}")]),
        1,
        "",
        &format!("ln: failed to create symbolic link 'nod/{l256}': No such file or directory\n"),
        &t,
    );
    // Link text up to 4095 bytes; 4096 is too long.
    let text = "T/".repeat(2047) + "T";
    expect(&ln("long-4095", &["-s", &text, "x"]), 0, "", "", &with(&[("x", &format!("-> {text}"))]));
    let text = text + "T";
    expect(
        &ln("long-4096", &["-s", &text, "x"]),
        1,
        "",
        &format!("ln: failed to create symbolic link 'x' -> '{text}': File name too long\n"),
        &t,
    );
}

#[test]
fn no_operand_is_a_missing_file_operand() {
    if !has(&["ln"]) {
        return;
    }
    let t = with(&[]);
    let miss = format!("ln: missing file operand\n{TRY}");
    for args in [&[][..], &["-s"], &["-sf", "--"], &["--"], &["-t", "d"], &["-v", "-r"]] {
        expect(&ln("none", args), 1, "", &miss, &t);
    }
}

#[test]
fn bad_options_are_reported_like_getopt_and_nothing_is_linked() {
    if !has(&["ln"]) {
        return;
    }
    let t = with(&[]);
    for (args, msg) in [
        (&["-x", "a", "c"][..], "ln: invalid option -- 'x'\n"),
        (&["-sx", "a", "c"], "ln: invalid option -- 'x'\n"),
        (&["a", "c", "-q"], "ln: invalid option -- 'q'\n"),
        (&["--bogus", "a", "c"], "ln: unrecognized option '--bogus'\n"),
        (&["--verbose=1", "a", "c"], "ln: option '--verbose' doesn't allow an argument\n"),
        (&["--symbolic=x", "a", "c"], "ln: option '--symbolic' doesn't allow an argument\n"),
        (&["--help=x"], "ln: option '--help' doesn't allow an argument\n"),
        (
            &["--no", "a", "c"],
            "ln: option '--no' is ambiguous; possibilities: '--no-dereference' '--no-target-directory'\n",
        ),
        (
            &["--n", "a", "c"],
            "ln: option '--n' is ambiguous; possibilities: '--no-dereference' '--no-target-directory'\n",
        ),
        (&["--v", "a", "c"], "ln: option '--v' is ambiguous; possibilities: '--verbose' '--version'\n"),
        (&["--ver", "a", "c"], "ln: option '--ver' is ambiguous; possibilities: '--verbose' '--version'\n"),
        (&["--t"], "ln: option '--target-directory' requires an argument\n"),
        (&["-t"], "ln: option requires an argument -- 't'\n"),
        (&["-", "-y", "a"], "ln: invalid option -- 'y'\n"),
    ] {
        expect(&ln("badopt", args), 1, "", &format!("{msg}{TRY}"), &t);
    }
    // After `--` they are operands.
    expect(&ln("dashdash", &["--", "-x", "c"]), 1, "", "ln: failed to access '-x': No such file or directory\n", &t);
    expect(&ln("dash", &["-", "c"]), 1, "", "ln: failed to access '-': No such file or directory\n", &t);
}

#[test]
fn posixly_correct_makes_options_after_an_operand_into_operands() {
    if !has(&["ln"]) {
        return;
    }
    let args: &[&[u8]] = &[b"a", b"c", b"-s"];
    let posix = [("POSIXLY_CORRECT", "1")];
    expect(
        &run_full("posix", &fixture, args, b"", &posix, Out::Pipe, true),
        1,
        "",
        "ln: target '-s': No such file or directory\n",
        &with(&[]),
    );
    expect(&run_full("permute", &fixture, args, b"", &[], Out::Pipe, true), 0, "", "", &with(&[("c", "-> a")]));
    expect(
        &run_full("posix-dir", &fixture, &[b"-v", b"a", b"-f", b"d"], b"", &posix, Out::Pipe, true),
        1,
        "'d/a' => 'a'\n",
        "ln: failed to access '-f': No such file or directory\n",
        &with(&[("a", "= a (2)"), ("d/a", "= a (2)")]),
    );
    expect(
        &run_full("posix-dashdash", &fixture, &[b"-s", b"--", b"a", b"c"], b"", &posix, Out::Pipe, true),
        0,
        "",
        "",
        &with(&[("c", "-> a")]),
    );
}

/// Backups are out of scope (SPEC): `-b`, `-S SUFFIX`, `--backup[=C]` and
/// `--suffix=S` are refused as getopt refuses options it does not know,
/// where GNU would make the link (and a backup). A deliberate difference.
#[test]
fn backup_options_are_refused_as_unknown_options() {
    if !has(&["ln"]) {
        return;
    }
    let t = with(&[]);
    for (args, msg) in [
        (&["-b", "a", "c"][..], "ln: invalid option -- 'b'\n"),
        (&["-fb", "a", "b"], "ln: invalid option -- 'b'\n"),
        (&["-S", "x", "a", "c"], "ln: invalid option -- 'S'\n"),
        (&["-S.bak", "-f", "a", "b"], "ln: invalid option -- 'S'\n"),
        (&["--backup", "a", "c"], "ln: unrecognized option '--backup'\n"),
        (&["--backup=t", "-f", "a", "b"], "ln: unrecognized option '--backup=t'\n"),
        (&["--backup=numbered", "a", "c"], "ln: unrecognized option '--backup=numbered'\n"),
        (&["--suffix=x", "a", "c"], "ln: unrecognized option '--suffix=x'\n"),
        (&["--suffix", "x", "a", "c"], "ln: unrecognized option '--suffix'\n"),
        (&["--b", "a", "c"], "ln: unrecognized option '--b'\n"),
        (&["--ba", "a", "c"], "ln: unrecognized option '--ba'\n"),
        (&["--su=x", "a", "c"], "ln: unrecognized option '--su=x'\n"),
        (&["--suf", "x", "a", "c"], "ln: unrecognized option '--suf'\n"),
        (&["a", "c", "-b"], "ln: invalid option -- 'b'\n"),
    ] {
        expect(
            &run_full(
                "backup",
                &fixture,
                &args.iter().map(|a| a.as_bytes()).collect::<Vec<_>>(),
                b"",
                &[],
                Out::Pipe,
                false,
            ),
            1,
            "",
            &format!("{msg}{TRY}"),
            &t,
        );
    }
}

/// `--s` is ambiguous in GNU 9.1 (`--suffix`, `--symbolic`): a prefix GNU
/// refuses must not make a link here.
#[test]
fn double_dash_s_is_ambiguous_as_in_gnu() {
    if !has(&["ln"]) {
        return;
    }
    expect(
        &ln("ambig-s", &["--s", "a", "c"]),
        1,
        "",
        &format!("ln: option '--s' is ambiguous; possibilities: '--suffix' '--symbolic'\n{TRY}"),
        &with(&[]),
    );
}

#[test]
fn help_and_version_go_to_stdout_and_link_nothing() {
    if !has(&["ln"]) {
        return;
    }
    let dir = tempdir("ln-help");
    fixture(&dir);
    let options = ["-d", "-f", "-i", "-L", "-n", "-P", "-r", "-s", "-t", "-T", "-v"];
    for args in [
        &["--help"][..],
        &["--h"],
        &["--he"],
        &["a", "c", "--help"],
        &["--help", "--version"],
        &["--help", "-x"],
        &["-s", "--help", "a", "c"],
    ] {
        run_as("ln").args(args).current_dir(&dir).assert().code(0).stderr("").stdout(help_is(
            "ln [OPTION]... [-T] TARGET LINK_NAME",
            &options,
            5,
        ));
    }
    let version = format!("ln (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in [
        &["--version"][..],
        &["--vers"],
        &["--versi"],
        &["a", "c", "--version"],
        &["--version", "--help"],
        &["-s", "--version"],
    ] {
        run_as("ln").args(args).current_dir(&dir).assert().code(0).stdout(version.clone()).stderr("");
    }
    assert_eq!(tree(&dir), with(&[]), "--help and --version link nothing");
    // After `--` they are operands.
    expect(&ln("help-operand", &["-s", "--", "--help", "--version"]), 0, "", "", &with(&[("--version", "-> --help")]));
}

#[test]
fn messages_name_the_program_as_argv0_gives_it() {
    if !has(&["ln"]) {
        return;
    }
    let dir = tempdir("ln-argv0");
    fixture(&dir);
    run_as("/usr/local/bin/ln")
        .args(["x", "y"])
        .current_dir(&dir)
        .assert()
        .code(1)
        .stdout("")
        .stderr("/usr/local/bin/ln: failed to access 'x': No such file or directory\n");
    run_as("./ln")
        .args(["-y"])
        .current_dir(&dir)
        .assert()
        .code(1)
        .stderr("./ln: invalid option -- 'y'\nTry './ln --help' for more information.\n");
    run_as("/x/ln")
        .args(["-i", "a", "b"])
        .write_stdin("n\n")
        .current_dir(&dir)
        .assert()
        .code(0)
        .stderr("/x/ln: replace 'b'? ");
    assert_eq!(tree(&dir), with(&[]));
}

#[test]
fn a_full_stdout_is_a_write_error_as_gnu_reports_it() {
    if !has(&["ln"]) {
        return;
    }
    let full = |tag: &str, args: &[&str]| {
        run_full(tag, &fixture, &args.iter().map(|a| a.as_bytes()).collect::<Vec<_>>(), b"", &[], Out::Full, true)
    };
    let nospc = "ln: write error: No space left on device\n";
    let miss = "ln: failed to access 'x': No such file or directory\n";
    expect(&full("full-v", &["-v", "a", "c"]), 1, "", nospc, &with(&[("a", "= a (2)"), ("c", "= a (2)")]));
    expect(&full("full-sv", &["-sv", "a", "b", "d"]), 1, "", nospc, &with(&[("d/a", "-> a"), ("d/b", "-> b")]));
    // An error message flushes stdout first: that failure leaves nothing
    // pending, so the closing check says only `write error`.
    expect(
        &full("full-v-miss", &["-v", "a", "x", "d"]),
        1,
        "",
        &format!("{miss}ln: write error\n"),
        &with(&[("a", "= a (2)"), ("d/a", "= a (2)")]),
    );
    expect(
        &full("full-miss-v", &["-v", "x", "a", "d"]),
        1,
        "",
        &format!("{miss}{nospc}"),
        &with(&[("a", "= a (2)"), ("d/a", "= a (2)")]),
    );
    expect(
        &full("full-v-miss-v", &["-v", "a", "x", "b", "d"]),
        1,
        "",
        &format!("{miss}{nospc}"),
        &with(&[("a", "= a (2)"), ("d/a", "= a (2)"), ("b", "= b (2)"), ("d/b", "= b (2)")]),
    );
    // Nothing written, nothing to fail.
    expect(&full("full-quiet", &["a", "c"]), 0, "", "", &with(&[("a", "= a (2)"), ("c", "= a (2)")]));
    expect(
        &full("full-fail", &["-v", "a", "b"]),
        1,
        "",
        "ln: failed to create hard link 'b': File exists\n",
        &with(&[]),
    );
    // --help and --version (their texts differ from GNU's; the error does not).
    for opt in ["--help", "--version"] {
        expect(&full("full-help", &[opt]), 1, "", nospc, &with(&[]));
    }
}

/// The differential corpus's tree: the fixture, odd names, a nested
/// directory, a symlink loop, and in some cases `d/a` there before the run
/// (a file, or a directory).
fn corpus_setup(case: usize, dir: &Path) {
    fixture(dir);
    for n in [&b"sp ace"[..], b"it's", b"c\x01t", b"\xff", b"-v"] {
        std::fs::write(dir.join(os(n)), n).unwrap();
    }
    std::fs::create_dir(dir.join("d x")).unwrap();
    std::fs::create_dir_all(dir.join("o/sub")).unwrap();
    for (link, to) in [("loop", "loop"), ("sub", "o/sub"), ("sodd", "sp ace")] {
        symlink(to, dir.join(link)).unwrap();
    }
    match case % 3 {
        1 => std::fs::write(dir.join("d/a"), "old").unwrap(),
        2 => std::fs::create_dir(dir.join("d/b")).unwrap(),
        _ => {}
    }
}

/// An absolute TARGET the corpus uses as link text: it names nothing, so a
/// hard link to it fails, and it is only ever the first operand of two or
/// more (never a link name or a directory).
const ABS: &str = "/nonexistent-femtobox/x";

fn corpus(seed: u64, cases: usize, stdin: &[u8]) -> usize {
    let options: &[&str] = &[
        "-s",
        "-f",
        "-i",
        "-n",
        "-T",
        "-r",
        "-L",
        "-P",
        "-v",
        "-d",
        "-F",
        "-sf",
        "-sfn",
        "-sr",
        "-srf",
        "-sfv",
        "-fv",
        "-sv",
        "-Tf",
        "-nsf",
        "-isv",
        "-Lf",
        "-Pf",
        "-srT",
        "-fT",
        "-ri",
        "-vn",
        "--symbolic",
        "--sym",
        "--force",
        "--fo",
        "--interactive",
        "--inter",
        "--no-dereference",
        "--no-d",
        "--no-target-directory",
        "--no-t",
        "--relative",
        "--rel",
        "--logical",
        "--log",
        "--physical",
        "--ph",
        "--verbose",
        "--verb",
        "--directory",
        "--dir",
        "--target-directory=d",
        "--target=sd",
        "--t=o",
        "--ta=.",
        "-td",
        "-tsd",
        "-x",
        "--bogus",
        "--verbose=1",
        "--no",
        "--n",
        "--v",
    ];
    let t_args: &[&str] = &["d", "sd", "o", "so", ".", "e", "nod", "f", "sa", "dang", "d/", "o/sub", "sub", "d x"];
    let targets: Vec<Vec<u8>> = [
        "a",
        "b",
        "f",
        "o/a",
        "o/b",
        "o",
        "d",
        "e",
        "e/a",
        "sa",
        "sd",
        "so",
        "dang",
        "loop",
        "o/up",
        "so/up",
        "nowhere",
        "nowhere/x",
        "",
        "sp ace",
        "it's",
        "sodd",
        "sub",
        "o/sub",
        "./a",
        "sd/../a",
        "so/../b",
        "d/..",
        ".",
        "a/",
        "sd/",
        "d/",
        "o//a",
        "o/./b",
        "-v",
        "d x",
        "f/x",
        "sub/../a",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .chain([b"c\x01t".to_vec(), b"\xff".to_vec()])
    .collect();
    let dests: Vec<Vec<u8>> = [
        "c", "x", "b", "a", "d", "sd", "so", "o", "e", "e/a", "dang", "sa", "d/", "sd/", "d/x", "sd/x", "o/x", "nod/x",
        "x/", "./x", ".", "d/.", "new name", "n\nl", "f", "o/a", "it's", "d/a", "d/b", "sub", "sub/x", "o/sub/",
        "loop", "d x", "sodd", "f/x", "o/up", "e/a/x", "-v",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .chain([b"z\xff".to_vec()])
    .collect();
    // Link names that are new, or directories to link into: most runs with
    // one of these as the last operand make something.
    let fresh: Vec<Vec<u8>> =
        ["c", "x", "d/x", "sd/x", "o/x", "new name", "e/a/x", "d", "sd/", "e", "d x", "o/sub", "sub/"]
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .chain([b"n\nl".to_vec(), b"z\xff".to_vec()])
            .collect();
    twin_differential("ln", seed, cases, stdin, corpus_setup, |case, rng| loop {
        let mut opts: Vec<OsString> = Vec::new();
        for _ in 0..rng.below(4) {
            if rng.chance(12) {
                opts.push("-t".into());
                opts.push(rng.pick(t_args).into());
            } else {
                opts.push(rng.pick(options).into());
            }
        }
        let n = *rng.pick(&[1, 2, 2, 2, 2, 3, 3, 4]);
        let mut ops: Vec<Vec<u8>> = Vec::new();
        for i in 0..n {
            let last = i == n - 1 && n >= 2;
            if i == 0 && rng.chance(6) {
                ops.push(ABS.as_bytes().to_vec());
            } else if last && n >= 3 && rng.chance(75) {
                ops.push(
                    rng.pick(&["d", "sd", "o", "so", "e", "d/", "sd/", ".", "o/sub", "sub", "d x", "e/a"])
                        .as_bytes()
                        .to_vec(),
                );
            } else if last && rng.chance(45) {
                ops.push(rng.pick(&fresh).clone());
            } else if last && rng.chance(80) {
                ops.push(rng.pick(&dests).clone());
            } else {
                ops.push(rng.pick(&targets).clone());
            }
        }
        // ABS comes first: alone it is the one-operand form (`./x`), with
        // more it is a TARGET (an option inserted after it under
        // POSIXLY_CORRECT only adds operands after it).
        let mut args: Vec<OsString> = Vec::new();
        if rng.chance(10) {
            args.extend(opts.iter().cloned());
            args.push("--".into());
            args.extend(ops.iter().map(|o| os(o)));
        } else {
            args.extend(opts.iter().cloned());
            args.extend(ops.iter().map(|o| os(o)));
            // Sometimes an option after the first operand (permuted, or
            // under POSIXLY_CORRECT an operand itself).
            if rng.chance(25) && args.len() > opts.len() + 1 {
                let at = opts.len() + 1 + rng.below(args.len() - opts.len() - 1);
                args.insert(at, rng.pick(&["-f", "-s", "-v", "-n", "-sf", "-T"]).into());
            }
        }
        for a in &args {
            let b = a.as_bytes();
            assert!(b == ABS.as_bytes() || stays_inside(b), "operand {:?} could leave the temp dir", show(b));
        }
        // ABS is never the last argument when there are two operands or more.
        if n >= 2 {
            assert!(args.last().map(|a| a.as_bytes()) != Some(ABS.as_bytes()));
        }
        break (args, posix_every_fourth(case));
    })
}

#[test]
fn ln_matches_gnu_on_a_random_corpus_trees_included() {
    if !has(&["ln"]) {
        return;
    }
    let runs = corpus(0x11_2025_0001, 300, b"y\nn\ny\nn\ny\n");
    assert!(runs == 0 || runs >= 300, "only {runs} cases");
}

#[test]
fn ln_matches_gnu_on_a_random_corpus_answering_no_first() {
    if !has(&["ln"]) {
        return;
    }
    let runs = corpus(0x11_2025_0002, 80, b"n\ny\ny\n");
    assert!(runs == 0 || runs >= 80, "only {runs} cases");
}

#[test]
fn ln_matches_gnu_on_a_random_corpus_with_stdin_empty() {
    if !has(&["ln"]) {
        return;
    }
    let runs = corpus(0x11_2025_0003, 60, b"");
    assert!(runs == 0 || runs >= 60, "only {runs} cases");
}
