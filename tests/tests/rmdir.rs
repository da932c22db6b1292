//! rmdir: empty directories removed, and the failures that go on to the next
//! operand (not empty, missing, a file, a symlink with a trailing slash, `.`
//! and `..`, names too long); -p right to left through runs of slashes,
//! stopping at the first parent that fails, with an absolute path inside the
//! temp dir; --ignore-fail-on-non-empty with and without -p, on directories
//! refused with EACCES/EPERM (chmod, or chattr +i as root), EBUSY and EROFS
//! (in a mount namespace); -v lines and their order among the messages; GNU's
//! quoting of odd names; missing operand, bad options, POSIXLY_CORRECT,
//! --help/--version; stdout on /dev/full and closed (GNU's `write error`
//! with or without a reason); and a differential run against GNU rmdir
//! comparing the trees left behind. Every hand-written case is also run by
//! GNU's rmdir in a twin directory, which must agree.

mod common;
use common::*;
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::symlink;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;

const TRY: &str = "Try 'rmdir --help' for more information.\n";

fn os(b: &[u8]) -> OsString {
    OsString::from_vec(b.to_vec())
}

/// Bytes as text for assertions: printable ASCII as is, the rest escaped.
fn show(b: &[u8]) -> String {
    b.escape_ascii().to_string()
}

/// The standard tree: empty directories, a nested empty chain, directories
/// with entries, a file, and symlinks good (to a directory, into the
/// chain), dangling, looping and to the file.
fn fixture(dir: &Path) {
    for d in ["e1", "e2", "chain/a/b/c", "full/sub", "nest/e"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    for f in ["f", "full/f", "nest/f"] {
        std::fs::write(dir.join(f), "x\n").unwrap();
    }
    for (link, to) in [("sl", "e1"), ("dang", "nowhere"), ("loop", "loop"), ("sf", "f"), ("lk", "chain/a")] {
        symlink(to, dir.join(link)).unwrap();
    }
}

/// Every entry under `dir`, sorted: its path (as `show` prints it) and `/`
/// for a directory, `@` for a symlink, nothing for a file.
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
            if ft.is_dir() {
                out.push(name + "/");
                walk(base, &rel, out);
            } else if ft.is_symlink() {
                out.push(name + "@");
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
    static FIXTURE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let mut all = FIXTURE
        .get_or_init(|| {
            let dir = tempdir("rmdir-fixture");
            fixture(&dir);
            left(&dir)
        })
        .clone();
    for g in gone {
        let at = all.iter().position(|e| e == g).unwrap_or_else(|| panic!("{g} is not in the fixture: {all:?}"));
        all.remove(at);
    }
    all
}

/// `tree` with `more` entries, sorted.
fn plus(mut tree: Vec<String>, more: &[&str]) -> Vec<String> {
    tree.extend(more.iter().map(|m| m.to_string()));
    tree.sort();
    tree
}

/// How stdout is connected for a run.
#[derive(Clone, Copy)]
enum Out {
    Pipe,
    Full,
}

/// Runs `program` as `rmdir ARGS` in `dir`.
fn exec(program: &Path, dir: &Path, args: &[OsString], env: &[(&str, &str)], out: Out) -> Outcome {
    match out {
        Out::Pipe => outcome(program, "rmdir", args, b"", env, dir),
        Out::Full => {
            let mut cmd = std::process::Command::new(program);
            cmd.arg0("rmdir").args(args).env_clear().env("LC_ALL", "C").current_dir(dir);
            for (k, v) in env {
                cmd.env(k, v);
            }
            cmd.stdin(Stdio::null()).stdout(dev_full()).stderr(Stdio::piped());
            let o = cmd.output().expect("spawn");
            Outcome { status: o.status.code(), stdout: o.stdout, stderr: o.stderr }
        }
    }
}

/// Runs the box as `rmdir ARGS` in a fresh directory filled by `build`, and
/// GNU's rmdir (when present) in a twin; asserts that the two agree on
/// status, stdout, stderr and the tree left; returns the box's outcome and
/// tree.
fn run_out(tag: &str, build: &dyn Fn(&Path), args: &[&[u8]], env: &[(&str, &str)], out: Out) -> (Outcome, Vec<String>) {
    let args: Vec<OsString> = args.iter().map(|a| os(a)).collect();
    let ours = tempdir(&format!("rmdir-{tag}"));
    build(&ours);
    let got = exec(bin(), &ours, &args, env, out);
    let tree = left(&ours);
    if let Some(g) = gnu("rmdir") {
        let theirs = tempdir(&format!("rmdir-{tag}-gnu"));
        build(&theirs);
        let want = exec(Path::new(&g), &theirs, &args, env, out);
        assert!(got == want, "rmdir {args:?} {env:?}\nfemtobox: {}\nGNU: {}", got.show(), want.show());
        assert_eq!(tree, left(&theirs), "rmdir {args:?} {env:?}: trees differ (femtobox, GNU)");
    }
    (got, tree)
}

fn bytes<'a>(args: &[&'a str]) -> Vec<&'a [u8]> {
    args.iter().map(|a| a.as_bytes()).collect()
}

fn run(tag: &str, build: &dyn Fn(&Path), args: &[&[u8]]) -> (Outcome, Vec<String>) {
    run_out(tag, build, args, &[], Out::Pipe)
}

/// Asserts the outcome and the tree of a `run`.
#[track_caller]
fn expect(got: &(Outcome, Vec<String>), code: i32, out: &[u8], err: &[u8], tree: &[String]) {
    let (o, t) = got;
    assert_eq!((o.status, show(&o.stdout), show(&o.stderr)), (Some(code), show(out), show(err)));
    assert_eq!(t, tree, "the tree left behind");
}

/// `rmdir: failed to remove 'NAME': WHY` for each pair.
fn failed(list: &[(&str, &str)]) -> String {
    list.iter().map(|(n, why)| format!("rmdir: failed to remove '{n}': {why}\n")).collect()
}

fn removing(names: &[&str]) -> String {
    names.iter().map(|n| format!("rmdir: removing directory, '{n}'\n")).collect()
}

fn is_root() -> bool {
    extern "C" {
        fn geteuid() -> u32;
    }
    // SAFETY: geteuid has no preconditions.
    unsafe { geteuid() == 0 }
}

/// Runs a bash line; (status, stdout, stderr) as text.
fn sh(line: &str) -> (Option<i32>, String, String) {
    let o = bash(line);
    (o.status, String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn empty_directories_are_removed_silently() {
    if !has(&["rmdir"]) {
        return;
    }
    let r = run("plain", &fixture, &[b"e1", b"e2", b"chain/a/b/c"]);
    expect(&r, 0, b"", b"", &after(&["e1/", "e2/", "chain/a/b/c/"]));
    // Trailing slashes, `./` and doubled slashes name the same directory;
    // a directory emptied by an earlier operand can go next.
    let r = run("plain-slashes", &fixture, &[b"e1/", b"e2///", b"./chain/a/b/c", b"chain//a/b/"]);
    expect(&r, 0, b"", b"", &after(&["e1/", "e2/", "chain/a/b/c/", "chain/a/b/"]));
    // The same directory twice: the second time it is gone.
    let r = run("plain-twice", &fixture, &[b"e1", b"e1"]);
    expect(&r, 1, b"", failed(&[("e1", "No such file or directory")]).as_bytes(), &after(&["e1/"]));
}

#[test]
fn a_directory_that_is_not_empty_fails_and_the_rest_are_still_removed() {
    if !has(&["rmdir"]) {
        return;
    }
    let r = run("full", &fixture, &[b"full", b"e1", b"nest", b"chain", b"e2"]);
    let err = "rmdir: failed to remove 'full': Directory not empty\n\
               rmdir: failed to remove 'nest': Directory not empty\n\
               rmdir: failed to remove 'chain': Directory not empty\n";
    expect(&r, 1, b"", err.as_bytes(), &after(&["e1/", "e2/"]));
}

#[test]
fn missing_names_and_files_fail_with_the_system_s_reason() {
    if !has(&["rmdir"]) {
        return;
    }
    let r = run("missing", &fixture, &[b"missing", b"f", b"f/", b"f/x", b"missing/x", b"", b"e1/x", b"-", b"e2"]);
    let err = failed(&[
        ("missing", "No such file or directory"),
        ("f", "Not a directory"),
        ("f/", "Not a directory"),
        ("f/x", "Not a directory"),
        ("missing/x", "No such file or directory"),
        ("", "No such file or directory"),
        ("e1/x", "No such file or directory"),
        ("-", "No such file or directory"),
    ]);
    expect(&r, 1, b"", err.as_bytes(), &after(&["e2/"]));
}

#[test]
fn a_symlink_named_with_a_trailing_slash_is_not_followed() {
    if !has(&["rmdir"]) {
        return;
    }
    let r = run(
        "symlinks",
        &fixture,
        &[b"sl/", b"sl//", b"dang/", b"loop/", b"lk/", b"sf/", b"sl", b"dang", b"loop", b"sf", b"sl/."],
    );
    let err = failed(&[
        ("sl/", "Symbolic link not followed"),
        ("sl//", "Symbolic link not followed"),
        ("dang/", "Symbolic link not followed"),
        ("loop/", "Symbolic link not followed"),
        ("lk/", "Symbolic link not followed"),
        // A link to a file is just not a directory, slash or not.
        ("sf/", "Not a directory"),
        ("sl", "Not a directory"),
        ("dang", "Not a directory"),
        ("loop", "Not a directory"),
        ("sf", "Not a directory"),
        ("sl/.", "Invalid argument"),
    ]);
    expect(&r, 1, b"", err.as_bytes(), &after(&[]));
    // Through a link to a directory, what lies beyond it is removed.
    let r = run("through-link", &fixture, &[b"lk/b/c", b"sl/../e2"]);
    expect(&r, 0, b"", b"", &after(&["chain/a/b/c/", "e2/"]));
}

#[test]
fn dot_and_dotdot_as_last_component_are_refused() {
    if !has(&["rmdir"]) {
        return;
    }
    let r = run("dots", &fixture, &[b".", b"./", b"e1/.", b"e2/./", b"chain/..", b"chain/a/..", b"nest/e/../e"]);
    let err = failed(&[
        (".", "Invalid argument"),
        ("./", "Invalid argument"),
        ("e1/.", "Invalid argument"),
        ("e2/./", "Invalid argument"),
        ("chain/..", "Directory not empty"),
        ("chain/a/..", "Directory not empty"),
    ]);
    expect(&r, 1, b"", err.as_bytes(), &after(&["nest/e/"]));
}

#[test]
fn names_too_long_fail_and_long_ones_that_fit_are_removed() {
    if !has(&["rmdir"]) {
        return;
    }
    let l255 = "L".repeat(255);
    let (a, b) = ("A".repeat(200), "B".repeat(250));
    let build = |d: &Path| {
        fixture(d);
        std::fs::create_dir(d.join(&l255)).unwrap();
        std::fs::create_dir_all(d.join(&a).join(&b)).unwrap();
    };
    let m256 = "M".repeat(256);
    let nested = format!("{a}/{b}");
    let r = run("long", &build, &[l255.as_bytes(), m256.as_bytes(), format!("{a}//{b}/").as_bytes()]);
    let err = failed(&[(&m256, "File name too long")]);
    expect(&r, 1, b"", err.as_bytes(), &plus(after(&[]), &[&format!("{a}/")]));
    let r = run("long-p", &build, &[b"-pv", nested.as_bytes()]);
    expect(&r, 0, removing(&[&nested, &a]).as_bytes(), b"", &plus(after(&[]), &[&format!("{l255}/")]));

    // A path longer than PATH_MAX, made a component at a time.
    let deep = tempdir("rmdir-deep");
    let comp = "d".repeat(250);
    let made =
        sh(&format!("cd '{}' && for i in $(seq 20); do mkdir {comp} && cd {comp} || exit 1; done", deep.display()));
    assert_eq!(made.0, Some(0), "{made:?}");
    let path = vec![comp.as_str(); 20].join("/");
    run_as("rmdir")
        .arg(&path)
        .current_dir(&deep)
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("rmdir: failed to remove '{path}': File name too long\n"));
    if let Some(g) = gnu("rmdir") {
        let o = outcome(Path::new(&g), "rmdir", &[OsString::from(&path)], b"", &[], &deep);
        assert_eq!(
            (o.status, show(&o.stderr)),
            (Some(1), show(format!("rmdir: failed to remove '{path}': File name too long\n").as_bytes()))
        );
    }
    assert!(deep.join(&comp).join(&comp).is_dir(), "the deep chain stays");
}

#[test]
fn parents_removes_every_directory_named_right_to_left() {
    if !has(&["rmdir"]) {
        return;
    }
    let gone = after(&["chain/", "chain/a/", "chain/a/b/", "chain/a/b/c/"]);
    for (i, opt) in ["-p", "--parents", "--pa", "--par", "--path", "--p"].iter().enumerate() {
        let r = run(&format!("p{i}"), &fixture, &[opt.as_bytes(), b"chain/a/b/c"]);
        expect(&r, 0, b"", b"", &gone);
    }
    let r = run("pv", &fixture, &[b"-pv", b"chain/a/b/c", b"e1"]);
    expect(
        &r,
        0,
        removing(&["chain/a/b/c", "chain/a/b", "chain/a", "chain", "e1"]).as_bytes(),
        b"",
        &after(&["chain/", "chain/a/", "chain/a/b/", "chain/a/b/c/", "e1/"]),
    );
    // -p after the operand still counts (permutation).
    let r = run("p-late", &fixture, &[b"chain/a/b/c", b"-v", b"-p"]);
    expect(&r, 0, removing(&["chain/a/b/c", "chain/a/b", "chain/a", "chain"]).as_bytes(), b"", &gone);
    // A directory removed by an earlier operand's parents is gone for a later one.
    let r = run("p-again", &fixture, &[b"-p", b"chain/a/b/c", b"chain/a"]);
    expect(&r, 1, b"", failed(&[("chain/a", "No such file or directory")]).as_bytes(), &gone);
}

#[test]
fn parents_strips_trailing_slashes_and_cuts_at_each_run_of_slashes() {
    if !has(&["rmdir"]) {
        return;
    }
    let gone = after(&["chain/", "chain/a/", "chain/a/b/", "chain/a/b/c/"]);
    let r = run("p-slashes", &fixture, &[b"-pv", b"chain//a///b////c////"]);
    expect(&r, 0, removing(&["chain//a///b////c////", "chain//a///b", "chain//a", "chain"]).as_bytes(), b"", &gone);
    let r = run("p-trailing", &fixture, &[b"-pv", b"chain/a/b/c/"]);
    expect(&r, 0, removing(&["chain/a/b/c/", "chain/a/b", "chain/a", "chain"]).as_bytes(), b"", &gone);
    let r = run("p-twoslash", &fixture, &[b"-pv", b"chain/a//b//c"]);
    expect(&r, 0, removing(&["chain/a//b//c", "chain/a//b", "chain/a", "chain"]).as_bytes(), b"", &gone);
    // A name without a slash has no parents to remove.
    let r = run("p-single", &fixture, &[b"-pv", b"e1///"]);
    expect(&r, 0, removing(&["e1///"]).as_bytes(), b"", &after(&["e1/"]));
}

#[test]
fn parents_stops_at_the_first_parent_that_fails() {
    if !has(&["rmdir"]) {
        return;
    }
    let r = run("p-stop", &fixture, &[b"-p", b"nest/e", b"full/sub", b"e1"]);
    let err = "rmdir: failed to remove directory 'nest': Directory not empty\n\
               rmdir: failed to remove directory 'full': Directory not empty\n";
    expect(&r, 1, b"", err.as_bytes(), &after(&["nest/e/", "full/sub/", "e1/"]));
    // -v shows the attempt on the parent that fails.
    let r = run("p-stop-v", &fixture, &[b"-p", b"-v", b"nest/e"]);
    expect(
        &r,
        1,
        removing(&["nest/e", "nest"]).as_bytes(),
        b"rmdir: failed to remove directory 'nest': Directory not empty\n",
        &after(&["nest/e/"]),
    );
    // A file in the middle of the chain stops it there.
    let build = |d: &Path| {
        fixture(d);
        std::fs::write(d.join("chain/a/keep"), "").unwrap();
    };
    let r = run("p-stop-mid", &build, &[b"-pv", b"chain/a/b/c"]);
    let want = plus(after(&["chain/a/b/", "chain/a/b/c/"]), &["chain/a/keep"]);
    expect(
        &r,
        1,
        removing(&["chain/a/b/c", "chain/a/b", "chain/a"]).as_bytes(),
        b"rmdir: failed to remove directory 'chain/a': Directory not empty\n",
        &want,
    );
    // The operand itself failing: no parent is tried.
    let r = run("p-stop-first", &fixture, &[b"-pv", b"chain/a/b/c/x", b"nest", b"full/f"]);
    let err = failed(&[
        ("chain/a/b/c/x", "No such file or directory"),
        ("nest", "Directory not empty"),
        ("full/f", "Not a directory"),
    ]);
    expect(&r, 1, removing(&["chain/a/b/c/x", "nest", "full/f"]).as_bytes(), err.as_bytes(), &after(&[]));
}

#[test]
fn parents_through_dots_and_symlinks_fail_as_rmdir_2_fails() {
    if !has(&["rmdir"]) {
        return;
    }
    // `.` as a parent: EINVAL; `x/..`: ENOTEMPTY; both are "directory" failures.
    let r = run("p-dot", &fixture, &[b"-p", b"./e1", b"full/../e2"]);
    let err = "rmdir: failed to remove directory '.': Invalid argument\n\
               rmdir: failed to remove directory 'full/..': Directory not empty\n";
    expect(&r, 1, b"", err.as_bytes(), &after(&["e1/", "e2/"]));
    // A symlink as a parent: ENOTDIR, which is the plain wording.
    let r = run("p-link", &fixture, &[b"-pv", b"lk/b/c"]);
    expect(
        &r,
        1,
        removing(&["lk/b/c", "lk/b", "lk"]).as_bytes(),
        failed(&[("lk", "Not a directory")]).as_bytes(),
        &after(&["chain/a/b/", "chain/a/b/c/"]),
    );
    // A trailing slash after a directory reached through a link is fine; a
    // symlink with a trailing slash as the operand removes nothing.
    let r = run("p-link-slash", &fixture, &[b"-p", b"lk/b/c/", b"sl/"]);
    let err = failed(&[("lk", "Not a directory"), ("sl/", "Symbolic link not followed")]);
    expect(&r, 1, b"", err.as_bytes(), &after(&["chain/a/b/", "chain/a/b/c/"]));
}

#[test]
fn parents_of_an_absolute_path_are_removed_up_to_the_first_directory_with_entries() {
    if !has(&["rmdir"]) {
        return;
    }
    let mut programs = vec![bin().to_path_buf()];
    programs.extend(gnu("rmdir").map(PathBuf::from));
    for (n, program) in programs.iter().enumerate() {
        let t = tempdir(&format!("rmdir-abs{n}"));
        let plain = t.as_os_str().as_bytes().iter().all(|c| c.is_ascii_alphanumeric() || b"/-_.+".contains(c));
        if !plain {
            eprintln!("skipped: the temp dir {t:?} needs quoting");
            return;
        }
        let ts = t.to_str().unwrap();
        // The sentinel keeps -p from ever climbing out of the temp dir.
        std::fs::write(t.join("keep"), "").unwrap();
        let build = || std::fs::create_dir_all(t.join("x/a/b")).unwrap();
        build();
        assert!(t.join("keep").exists());
        let o = exec(program, &t, &[OsString::from("-p"), t.join("x/a/b").into_os_string()], &[], Out::Pipe);
        assert_eq!(
            (o.status, show(&o.stdout), show(&o.stderr)),
            (
                Some(1),
                String::new(),
                show(format!("rmdir: failed to remove directory '{ts}': Directory not empty\n").as_bytes())
            ),
            "{program:?}"
        );
        assert_eq!(left(&t), ["keep"], "{program:?}");
        // Runs of slashes, trailing slashes, -v, and --ignore-fail-on-non-empty
        // stopping quietly at the temp dir.
        build();
        let arg = format!("{ts}//x///a/b//");
        let o = exec(
            program,
            &t,
            &["-v", "--ignore-fail-on-non-empty", "--parents", &arg].map(OsString::from),
            &[],
            Out::Pipe,
        );
        let want = removing(&[&arg, &format!("{ts}//x///a"), &format!("{ts}//x"), ts]);
        assert_eq!(
            (o.status, show(&o.stdout), show(&o.stderr)),
            (Some(0), show(want.as_bytes()), String::new()),
            "{program:?}"
        );
        assert_eq!(left(&t), ["keep"], "{program:?}");
        // Without -p only the last component goes.
        build();
        let o = exec(program, &t, &[t.join("x/a/b/").into_os_string()], &[], Out::Pipe);
        assert_eq!(
            (o.status, show(&o.stdout), show(&o.stderr)),
            (Some(0), String::new(), String::new()),
            "{program:?}"
        );
        assert_eq!(left(&t), ["keep", "x/", "x/a/"], "{program:?}");
    }
}

#[test]
fn ignore_fail_on_non_empty_forgives_only_directories_with_entries() {
    if !has(&["rmdir"]) {
        return;
    }
    for (i, opt) in ["--ignore-fail-on-non-empty", "--ign", "--i", "--ignore-fail"].iter().enumerate() {
        let r = run(&format!("ign{i}"), &fixture, &[opt.as_bytes(), b"full", b"nest", b"chain", b"e1"]);
        expect(&r, 0, b"", b"", &after(&["e1/"]));
    }
    // Every other failure is still one.
    let r = run("ign-other", &fixture, &[b"--ign", b"full", b"missing", b"f", b"sl/", b"sl", b".", b"chain/..", b"e2"]);
    let err = failed(&[
        ("missing", "No such file or directory"),
        ("f", "Not a directory"),
        ("sl/", "Symbolic link not followed"),
        ("sl", "Not a directory"),
        (".", "Invalid argument"),
    ]);
    // `chain/..` is ENOTEMPTY (the temp dir has entries): forgiven.
    expect(&r, 1, b"", err.as_bytes(), &after(&["e2/"]));
    // -v still names each attempt.
    let r = run("ign-v", &fixture, &[b"-v", b"--ign", b"full", b"e1"]);
    expect(&r, 0, removing(&["full", "e1"]).as_bytes(), b"", &after(&["e1/"]));
}

#[test]
fn ignore_fail_with_parents_stops_quietly_at_a_parent_with_entries() {
    if !has(&["rmdir"]) {
        return;
    }
    let r = run("ign-p", &fixture, &[b"-p", b"--ignore-fail-on-non-empty", b"nest/e", b"full/sub", b"chain/a/b/c"]);
    expect(&r, 0, b"", b"", &after(&["nest/e/", "full/sub/", "chain/", "chain/a/", "chain/a/b/", "chain/a/b/c/"]));
    let r = run("ign-pv", &fixture, &[b"--ign", b"-pv", b"nest/e", b"full"]);
    expect(&r, 0, removing(&["nest/e", "nest", "full"]).as_bytes(), b"", &after(&["nest/e/"]));
    // Parents failing otherwise are still reported.
    let r = run("ign-p-other", &fixture, &[b"--ign", b"-p", b"lk/b/c", b"./e1", b"full/../e2"]);
    let err = "rmdir: failed to remove 'lk': Not a directory\n\
               rmdir: failed to remove directory '.': Invalid argument\n";
    expect(&r, 1, b"", err.as_bytes(), &after(&["chain/a/b/", "chain/a/b/c/", "e1/", "e2/"]));
}

/// Undoes the locks of the refused-directory test, even on a panic.
struct Unlock(Vec<(PathBuf, bool)>);

impl Drop for Unlock {
    fn drop(&mut self) {
        for (path, immutable) in &self.0 {
            if *immutable {
                let _ = std::process::Command::new("chattr").arg("-i").arg(path).status();
            } else {
                let _ = std::process::Command::new("chmod").arg("u+rwx").arg(path).status();
            }
        }
    }
}

#[test]
fn ignore_fail_forgives_a_refused_directory_only_when_it_is_seen_to_have_entries() {
    if !has(&["rmdir"]) {
        return;
    }
    // Unprivileged: a parent without write permission (EACCES). As root,
    // permissions do not apply; an immutable parent (EPERM) does instead.
    let root = is_root();
    let why = if root { "Operation not permitted" } else { "Permission denied" };
    if root {
        eprintln!("note: running as root, so EACCES (a read-only parent) is skipped; chattr +i gives EPERM instead");
    }
    let mut programs = vec![bin().to_path_buf()];
    programs.extend(gnu("rmdir").map(PathBuf::from));
    for (n, program) in programs.iter().enumerate() {
        let t = tempdir(&format!("rmdir-refused{n}"));
        for d in ["ro/full/x", "ro/e", "ro/hasfile", "ro/locked/y"] {
            std::fs::create_dir_all(t.join(d)).unwrap();
        }
        std::fs::write(t.join("ro/hasfile/f"), "").unwrap();
        let mut unlock = Unlock(Vec::new());
        if root {
            let ok = std::process::Command::new("chattr")
                .arg("+i")
                .arg(t.join("ro"))
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                eprintln!("skipped: running as root and `chattr +i` fails here, so no directory can be refused");
                return;
            }
            unlock.0.push((t.join("ro"), true));
        } else {
            for (d, mode) in [("ro/locked", "0"), ("ro", "555")] {
                assert!(std::process::Command::new("chmod").arg(mode).arg(t.join(d)).status().unwrap().success());
                unlock.0.push((t.join(d), false));
            }
        }
        let go = |args: &[&str]| {
            let o = exec(program, &t, &args.iter().map(OsString::from).collect::<Vec<_>>(), &[], Out::Pipe);
            (o.status, show(&o.stdout), show(&o.stderr))
        };
        let err = |names: &[&str]| show(failed(&names.iter().map(|n| (*n, why)).collect::<Vec<_>>()).as_bytes());
        assert_eq!(
            go(&["ro/full", "ro/e", "ro/hasfile"]),
            (Some(1), String::new(), err(&["ro/full", "ro/e", "ro/hasfile"]))
        );
        assert_eq!(
            go(&["--ign", "ro/full", "ro/e", "ro/hasfile"]),
            (Some(1), String::new(), err(&["ro/e"])),
            "{program:?}"
        );
        if !root {
            // One that cannot be read is not seen to have entries.
            assert_eq!(go(&["--ign", "ro/locked"]), (Some(1), String::new(), err(&["ro/locked"])), "{program:?}");
        }
        // -p: ro/full/x goes; then ro/full is empty, so its refusal counts.
        assert_eq!(
            go(&["-p", "--ign", "ro/full/x"]),
            (Some(1), String::new(), show(format!("rmdir: failed to remove directory 'ro/full': {why}\n").as_bytes())),
            "{program:?}"
        );
        drop(unlock);
        assert_eq!(
            left(&t),
            ["ro/", "ro/e/", "ro/full/", "ro/hasfile/", "ro/hasfile/f", "ro/locked/", "ro/locked/y/"],
            "{program:?}"
        );
    }
}

#[test]
fn ignore_fail_forgives_ebusy_and_erofs_only_when_the_directory_has_entries() {
    if !has(&["rmdir"]) {
        return;
    }
    let spot = tempdir("rmdir-probe");
    let probe = sh(&format!("unshare -m sh -c 'mount -t tmpfs none {}' 2>/dev/null && echo ok", spot.display()));
    if probe.1 != "ok\n" {
        eprintln!("skipped: no mount namespace here (unshare -m / mount tmpfs fail), so no EBUSY or EROFS");
        return;
    }
    let mut programs = vec![bin().to_path_buf()];
    programs.extend(gnu("rmdir").map(PathBuf::from));
    for (n, program) in programs.iter().enumerate() {
        let t = tempdir(&format!("rmdir-mounts{n}"));
        std::fs::create_dir_all(t.join("busy")).unwrap();
        std::fs::create_dir_all(t.join("bare")).unwrap();
        std::fs::create_dir_all(t.join("ro")).unwrap();
        // A mount point with a file, one without, and a read-only mount
        // holding a directory with entries and an empty one.
        let script = format!(
            "cd '{}' && mount -t tmpfs none busy && touch busy/f && mount -t tmpfs none bare && \
             mount -t tmpfs none ro && mkdir -p ro/full/x ro/e && mount -o remount,ro ro && \
             for a in 'busy bare' '--ign busy bare' 'ro/full ro/e' '--ign ro/full ro/e' '-p --ign ro/full/x'; do \
             (exec -a rmdir '{}' $a); echo \"status $?\"; done 2>&1",
            t.display(),
            program.display()
        );
        let got = sh(&format!("unshare -m bash -c {}", shell_quote(&script)));
        let want = "rmdir: failed to remove 'busy': Device or resource busy\n\
                    rmdir: failed to remove 'bare': Device or resource busy\n\
                    status 1\n\
                    rmdir: failed to remove 'bare': Device or resource busy\n\
                    status 1\n\
                    rmdir: failed to remove 'ro/full': Read-only file system\n\
                    rmdir: failed to remove 'ro/e': Read-only file system\n\
                    status 1\n\
                    rmdir: failed to remove 'ro/e': Read-only file system\n\
                    status 1\n\
                    rmdir: failed to remove 'ro/full/x': Read-only file system\n\
                    status 1\n";
        assert_eq!(got, (Some(0), want.to_string(), String::new()), "{program:?}");
        // The mounts went with the namespace; the mount points stay.
        assert_eq!(left(&t), ["bare/", "busy/", "ro/"], "{program:?}");
    }
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

#[test]
fn verbose_names_each_attempt_before_its_message() {
    if !has(&["rmdir"]) {
        return;
    }
    for (i, opt) in ["-v", "--verbose", "--verb", "--verbo"].iter().enumerate() {
        let r = run(&format!("v{i}"), &fixture, &[opt.as_bytes(), b"e1", b"missing", b"full", b"e2"]);
        let err = failed(&[("missing", "No such file or directory"), ("full", "Directory not empty")]);
        expect(&r, 1, removing(&["e1", "missing", "full", "e2"]).as_bytes(), err.as_bytes(), &after(&["e1/", "e2/"]));
    }
    // On one stream the lines and the messages interleave in order.
    let mut programs = vec![bin().to_path_buf()];
    programs.extend(gnu("rmdir").map(PathBuf::from));
    for (n, program) in programs.iter().enumerate() {
        let t = tempdir(&format!("rmdir-order{n}"));
        fixture(&t);
        let got = sh(&format!(
            "cd '{}' && (exec -a rmdir '{}' -pv e1 missing nest/e e2) 2>&1",
            t.display(),
            program.display()
        ));
        let want = "rmdir: removing directory, 'e1'\n\
                    rmdir: removing directory, 'missing'\n\
                    rmdir: failed to remove 'missing': No such file or directory\n\
                    rmdir: removing directory, 'nest/e'\n\
                    rmdir: removing directory, 'nest'\n\
                    rmdir: failed to remove directory 'nest': Directory not empty\n\
                    rmdir: removing directory, 'e2'\n";
        assert_eq!(got, (Some(1), want.to_string(), String::new()), "{program:?}");
    }
}

/// Odd names and how GNU's rmdir shows them (shell-escape, always quoted).
const ODD: &[(&[u8], &str)] = &[
    (b"plain", "'plain'"),
    (b"a b", "'a b'"),
    (b"it's", "\"it's\""),
    (b"n\nl", "'n'$'\\n''l'"),
    (b"c\x01t", "'c'$'\\001''t'"),
    (b"\xff", "''$'\\377'"),
    (b"-x", "'-x'"),
    (b"it's\n", "'''it'\\''s'$'\\n'"),
    (b"\xff'", "''$'\\377'\\'''"),
    (b"a\tb", "'a'$'\\t''b'"),
    (b"~a", "'~a'"),
    (b"a=b", "'a=b'"),
    (b"a$b", "'a$b'"),
    (b"a\\b", "'a\\b'"),
    (b"q\"d", "'q\"d'"),
];

#[test]
fn names_are_quoted_in_shell_escape_style_always() {
    if !has(&["rmdir"]) {
        return;
    }
    let build = |d: &Path| {
        for (name, _) in ODD {
            std::fs::create_dir(d.join(os(name))).unwrap();
        }
    };
    let mut args: Vec<&[u8]> = vec![b"-v", b"--"];
    args.extend(ODD.iter().map(|(n, _)| *n));
    let out: String = ODD.iter().map(|(_, q)| format!("rmdir: removing directory, {q}\n")).collect();
    expect(&run("odd", &build, &args), 0, out.as_bytes(), b"", &[]);
    // The same quoting in failure messages (the second time round they are gone).
    let mut twice = args.clone();
    twice.extend(ODD.iter().map(|(n, _)| *n));
    let err: String =
        ODD.iter().map(|(_, q)| format!("rmdir: failed to remove {q}: No such file or directory\n")).collect();
    expect(&run("odd-twice", &build, &twice), 1, (out.clone() + &out).as_bytes(), err.as_bytes(), &[]);
    // And for parents.
    let chain = |d: &Path| std::fs::create_dir_all(d.join(os(b"it's/n\nl/\xff"))).unwrap();
    let r = run("odd-p", &chain, &[b"-pv", b"it's/n\nl/\xff"]);
    // (GNU opens with an empty '' when a name starts with a quoted quote.)
    let out = "rmdir: removing directory, '''it'\\''s/n'$'\\n''l/'$'\\377'\n\
               rmdir: removing directory, 'it'\\''s/n'$'\\n''l'\n\
               rmdir: removing directory, \"it's\"\n";
    expect(&r, 0, out.as_bytes(), b"", &[]);
}

#[test]
fn no_operand_is_a_missing_operand() {
    if !has(&["rmdir"]) {
        return;
    }
    let err = format!("rmdir: missing operand\n{TRY}");
    for args in [&[][..], &["--"], &["-p"], &["-v", "--ignore-fail-on-non-empty"], &["-pv", "--"]] {
        expect(&run("none", &fixture, &bytes(args)), 1, b"", err.as_bytes(), &after(&[]));
    }
    expect(
        &run_out("none-posix", &fixture, &[b"-p"], &[("POSIXLY_CORRECT", "1")], Out::Pipe),
        1,
        b"",
        err.as_bytes(),
        &after(&[]),
    );
}

#[test]
fn bad_options_are_reported_like_getopt_and_nothing_is_removed() {
    if !has(&["rmdir"]) {
        return;
    }
    for (args, msg) in [
        (&["-x", "e1"][..], "rmdir: invalid option -- 'x'\n"),
        (&["e1", "-x"], "rmdir: invalid option -- 'x'\n"),
        (&["-pvx", "e1"], "rmdir: invalid option -- 'x'\n"),
        (&["-p-", "e1"], "rmdir: invalid option -- '-'\n"),
        (&["-i", "e1"], "rmdir: invalid option -- 'i'\n"),
        (&["--foo", "e1"], "rmdir: unrecognized option '--foo'\n"),
        (&["e1", "--parentsx"], "rmdir: unrecognized option '--parentsx'\n"),
        (&["--parents=1", "e1"], "rmdir: option '--parents' doesn't allow an argument\n"),
        // `--pa` is both `--path` and `--parents`: getopt names the first listed.
        (&["--pa=1", "e1"], "rmdir: option '--path' doesn't allow an argument\n"),
        (&["--par=1", "e1"], "rmdir: option '--parents' doesn't allow an argument\n"),
        (&["--path=", "e1"], "rmdir: option '--path' doesn't allow an argument\n"),
        (&["--verbose=x", "e1"], "rmdir: option '--verbose' doesn't allow an argument\n"),
        (
            &["--ignore-fail-on-non-empty=yes", "e1"],
            "rmdir: option '--ignore-fail-on-non-empty' doesn't allow an argument\n",
        ),
        (&["--ign=1", "e1"], "rmdir: option '--ignore-fail-on-non-empty' doesn't allow an argument\n"),
        (&["--help=1", "e1"], "rmdir: option '--help' doesn't allow an argument\n"),
        (&["--version=1", "e1"], "rmdir: option '--version' doesn't allow an argument\n"),
        (&["--v", "e1"], "rmdir: option '--v' is ambiguous; possibilities: '--verbose' '--version'\n"),
        (&["--ver", "e1"], "rmdir: option '--ver' is ambiguous; possibilities: '--verbose' '--version'\n"),
        (&["-v", "e1", "-x", "--help"], "rmdir: invalid option -- 'x'\n"),
    ] {
        let r = run("badopt", &fixture, &bytes(args));
        expect(&r, 1, b"", format!("{msg}{TRY}").as_bytes(), &after(&[]));
    }
}

#[test]
fn posixly_correct_makes_everything_after_the_first_operand_an_operand() {
    if !has(&["rmdir"]) {
        return;
    }
    let posix = [("POSIXLY_CORRECT", "1")];
    let r = run_out("posix", &fixture, &[b"e1", b"-x", b"-p", b"chain/a/b/c", b"--help"], &posix, Out::Pipe);
    let err = failed(&[
        ("-x", "No such file or directory"),
        ("-p", "No such file or directory"),
        ("--help", "No such file or directory"),
    ]);
    expect(&r, 1, b"", err.as_bytes(), &after(&["e1/", "chain/a/b/c/"]));
    let r = run_out("posix-opts", &fixture, &[b"-p", b"-v", b"chain/a/b/c", b"-v"], &posix, Out::Pipe);
    expect(
        &r,
        1,
        removing(&["chain/a/b/c", "chain/a/b", "chain/a", "chain", "-v"]).as_bytes(),
        failed(&[("-v", "No such file or directory")]).as_bytes(),
        &after(&["chain/", "chain/a/", "chain/a/b/", "chain/a/b/c/"]),
    );
    // `--` ends the options either way.
    let build = |d: &Path| std::fs::create_dir_all(d.join("-p")).unwrap();
    expect(&run("dashdash", &build, &[b"-v", b"--", b"-p"]), 0, removing(&["-p"]).as_bytes(), b"", &[]);
}

#[test]
fn help_and_version_go_to_stdout_and_remove_nothing() {
    if !has(&["rmdir"]) {
        return;
    }
    let dir = tempdir("rmdir-help");
    fixture(&dir);
    for args in [
        &["--help"][..],
        &["--h"],
        &["--he"],
        &["e1", "--help"],
        &["--help", "--version"],
        &["--help", "-x"],
        &["-p", "--help", "e1"],
    ] {
        let out = run_as("rmdir").args(args).current_dir(&dir).output().unwrap();
        out.clone().assert().code(0).stderr("").stdout(help_is("rmdir [OPTION]... DIRECTORY...", &["-p", "-v"], 2));
        if help_built() {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                text.lines().any(|l| l.trim_start().starts_with("--ignore-fail-on-non-empty ")),
                "rmdir {args:?}: no --ignore-fail-on-non-empty line in {text:?}"
            );
        }
    }
    let version = format!("rmdir (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in [
        &["--version"][..],
        &["--vers"],
        &["--versi"],
        &["e1", "--version"],
        &["--version", "--help"],
        &["-v", "--version"],
    ] {
        run_as("rmdir").args(args).current_dir(&dir).assert().code(0).stdout(version.clone()).stderr("");
    }
    assert_eq!(left(&dir), after(&[]), "--help and --version remove nothing");
    // After `--` they are operands.
    let build = |d: &Path| std::fs::create_dir_all(d.join("--help")).unwrap();
    expect(
        &run("help-operand", &build, &[b"--", b"--help", b"--version"]),
        1,
        b"",
        failed(&[("--version", "No such file or directory")]).as_bytes(),
        &[],
    );
}

#[test]
fn messages_name_the_program_as_argv0_gives_it() {
    if !has(&["rmdir"]) {
        return;
    }
    let dir = tempdir("rmdir-argv0");
    run_as("/usr/local/bin/rmdir")
        .arg("missing")
        .current_dir(&dir)
        .assert()
        .code(1)
        .stdout("")
        .stderr("/usr/local/bin/rmdir: failed to remove 'missing': No such file or directory\n");
    run_as("./rmdir")
        .args(["-v", "-y"])
        .current_dir(&dir)
        .assert()
        .code(1)
        .stdout("")
        .stderr("./rmdir: invalid option -- 'y'\nTry './rmdir --help' for more information.\n");
    std::fs::create_dir(dir.join("d")).unwrap();
    run_as("/x/rmdir")
        .args(["-v", "d"])
        .current_dir(&dir)
        .assert()
        .code(0)
        .stdout("/x/rmdir: removing directory, 'd'\n");
    assert_eq!(left(&dir), Vec::<String>::new());
}

#[test]
fn a_full_stdout_is_a_write_error_with_the_reason_only_if_output_was_pending_at_exit() {
    if !has(&["rmdir"]) {
        return;
    }
    // GNU writes -v lines through stdio; each error message first flushes
    // stdout, and that failed flush leaves nothing pending, so the closing
    // check then says only `write error`. Output still pending at exit fails
    // in fclose, with the reason.
    let full = |tag: &str, args: &[&[u8]]| run_out(tag, &fixture, args, &[], Out::Full);
    let nospc = "rmdir: write error: No space left on device\n";
    let bare = "rmdir: write error\n";
    expect(&full("full-v", &[b"-v", b"e1"]), 1, b"", nospc.as_bytes(), &after(&["e1/"]));
    expect(
        &full("full-pv", &[b"-pv", b"chain/a/b/c"]),
        1,
        b"",
        nospc.as_bytes(),
        &after(&["chain/", "chain/a/", "chain/a/b/", "chain/a/b/c/"]),
    );
    let miss = failed(&[("missing", "No such file or directory")]);
    expect(&full("full-v-miss", &[b"-v", b"missing"]), 1, b"", (miss.clone() + bare).as_bytes(), &after(&[]));
    expect(
        &full("full-v-e-miss", &[b"-v", b"e1", b"missing"]),
        1,
        b"",
        (miss.clone() + bare).as_bytes(),
        &after(&["e1/"]),
    );
    expect(
        &full("full-v-miss-e", &[b"-v", b"missing", b"e1"]),
        1,
        b"",
        (miss.clone() + nospc).as_bytes(),
        &after(&["e1/"]),
    );
    expect(
        &full("full-pv-stop", &[b"-pv", b"nest/e"]),
        1,
        b"",
        ("rmdir: failed to remove directory 'nest': Directory not empty\n".to_string() + bare).as_bytes(),
        &after(&["nest/e/"]),
    );
    // Nothing written, nothing to fail.
    expect(&full("full-quiet", &[b"e1", b"missing"]), 1, b"", miss.as_bytes(), &after(&["e1/"]));
    expect(&full("full-quiet-ok", &[b"e1"]), 0, b"", b"", &after(&["e1/"]));
    expect(&full("full-ign", &[b"--ign", b"-v", b"full"]), 1, b"", nospc.as_bytes(), &after(&[]));
    // --help and --version (their texts differ from GNU's; the error does not).
    for opt in ["--help", "--version"] {
        expect(&full("full-help", &[opt.as_bytes()]), 1, b"", nospc.as_bytes(), &after(&[]));
    }
}

#[test]
fn a_closed_stdout_fails_only_when_something_was_written() {
    if !has(&["rmdir"]) {
        return;
    }
    let mut programs = vec![bin().to_path_buf()];
    programs.extend(gnu("rmdir").map(PathBuf::from));
    for (n, program) in programs.iter().enumerate() {
        let t = tempdir(&format!("rmdir-closed{n}"));
        fixture(&t);
        let go =
            |args: &str| sh(&format!("cd '{}' && (exec -a rmdir '{}' {args} >&-)", t.display(), program.display()));
        let ebadf = "rmdir: write error: Bad file descriptor\n";
        assert_eq!(go("-v e1"), (Some(1), String::new(), ebadf.into()), "{program:?}");
        assert_eq!(go("e2"), (Some(0), String::new(), String::new()), "{program:?}");
        let miss = failed(&[("missing", "No such file or directory")]);
        assert_eq!(go("-v missing"), (Some(1), String::new(), miss.clone() + ebadf), "{program:?}");
        assert_eq!(go("missing"), (Some(1), String::new(), miss), "{program:?}");
        assert_eq!(go("--version"), (Some(1), String::new(), ebadf.into()), "{program:?}");
        assert_eq!(left(&t), after(&["e1/", "e2/"]), "{program:?}");
    }
}

/// The differential corpus's tree: the fixture, odd names (alone and
/// nested), long names, names that look like options, more symlinks; every
/// few cases a file that makes a chain or an empty directory non-empty.
fn corpus_setup(case: usize, dir: &Path) {
    fixture(dir);
    for (name, _) in ODD {
        std::fs::create_dir(dir.join(os(name))).unwrap();
    }
    for d in [&b"sp ace/in'ner/n\nl"[..], b"--p", b"-v", b"-p-", b"chain2/x/y", b"\x01/\xff/-", b"\x01/\x7f"] {
        std::fs::create_dir_all(dir.join(os(d))).unwrap();
    }
    std::fs::create_dir_all(dir.join("L".repeat(200)).join("N".repeat(250))).unwrap();
    std::fs::create_dir(dir.join("M".repeat(255))).unwrap();
    for (link, to) in [("sodd", "a b"), ("slong", &"L".repeat(200)[..]), ("sdeep", "sp ace/in'ner"), ("sdl", "dang")] {
        symlink(to, dir.join(link)).unwrap();
    }
    match case % 6 {
        1 => std::fs::write(dir.join("chain/a/keep"), "").unwrap(),
        3 => std::fs::write(dir.join("sp ace/keep"), "").unwrap(),
        5 => std::fs::create_dir(dir.join("e1/inner")).unwrap(),
        _ => {}
    }
}

#[test]
fn rmdir_matches_gnu_on_a_random_corpus_trees_included() {
    if !has(&["rmdir"]) {
        return;
    }
    let options: &[&str] = &[
        "-p",
        "-v",
        "-pv",
        "-vp",
        "--parents",
        "--path",
        "--verbose",
        "--ignore-fail-on-non-empty",
        "--ign",
        "--ignore",
        "--i",
        "--pa",
        "--par",
        "--p",
        "--verb",
        "--ver",
        "--v",
        "-x",
        "-pq",
        "--bogus",
        "--parents=1",
        "--ign=",
        "-",
        "--",
    ];
    let l200 = "L".repeat(200);
    let operands: Vec<Vec<u8>> = [
        "e1",
        "e2",
        "chain",
        "chain/a",
        "chain/a/b",
        "chain/a/b/c",
        "chain2/x/y",
        "chain2/x",
        "full",
        "full/sub",
        "full/f",
        "nest",
        "nest/e",
        "nest/f",
        "f",
        "sl",
        "dang",
        "loop",
        "sf",
        "lk",
        "lk/b",
        "lk/b/c",
        "sodd",
        "slong",
        "sdeep",
        "sdeep/n\nl",
        "sdl",
        "missing",
        "missing/x",
        "f/x",
        "e1/x",
        "e1/inner",
        "",
        ".",
        "e1/.",
        "chain/..",
        "full/../e2",
        "chain/a/../a/b/c",
        "./e1",
        "nest/../nest/e",
        "lk/..",
        "sl/..",
        "sl/../e2",
        "sp ace",
        "sp ace/in'ner",
        "sp ace/in'ner/n\nl",
        "--p",
        "-v",
        "-p-",
        "-x",
        &l200,
        &format!("{l200}/{}", "N".repeat(250)),
        &format!("slong/{}", "N".repeat(250)),
        &"M".repeat(255),
        &"M".repeat(256),
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .chain(ODD.iter().map(|(n, _)| n.to_vec()))
    .chain([b"\x01/\xff/-".to_vec(), b"\x01/\xff".to_vec(), b"\x01".to_vec()])
    .collect();
    // Names that can be removed in the corpus's tree (most of the time), so
    // that a fair share of runs succeed and -p gets to climb.
    let removable: Vec<Vec<u8>> = [
        "e1",
        "e2",
        "chain/a/b/c",
        "chain2/x/y",
        "nest/e",
        "full/sub",
        "sp ace/in'ner/n\nl",
        "sdeep/n\nl",
        "lk/b/c",
        "\x01/\u{7f}",
        &format!("{l200}/{}", "N".repeat(250)),
        &"M".repeat(255),
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .chain(ODD.iter().map(|(n, _)| n.to_vec()))
    .chain([b"\x01/\xff/-".to_vec()])
    .collect();
    let runs = twin_differential("rmdir", 0x4d_d1_2025, 420, b"", corpus_setup, |case, rng| {
        let mut args: Vec<OsString> = Vec::new();
        for _ in 0..1 + rng.below(4) {
            if rng.chance(30) {
                args.push(OsString::from(rng.pick(options)));
                continue;
            }
            let mut op = if rng.chance(45) { rng.pick(&removable) } else { rng.pick(&operands) }.clone();
            if op.is_empty() {
                // A slash added to the empty name would make it absolute.
                args.push(OsString::new());
                continue;
            }
            if rng.chance(10) {
                op.splice(0..0, *b"./");
            }
            if rng.chance(10) {
                if let Some(at) = op.iter().position(|&c| c == b'/') {
                    op.splice(at..at, rng.pick(&[&b"/"[..], b"//", b"/./"]).iter().copied());
                }
            }
            if rng.chance(30) {
                op.extend(*rng.pick(&[&b"/"[..], b"//", b"///", b"/.", b"/./"]));
            }
            assert!(stays_inside(&op), "generated operand {:?} could leave the temp dir", show(&op));
            args.push(OsString::from_vec(op));
        }
        // Mostly an option first, so most runs do something.
        if rng.chance(50) {
            args.insert(0, OsString::from(rng.pick(&["-p", "-v", "--ign", "-pv", "--parents", "--verbose"])));
        }
        for a in &args {
            let b = a.as_bytes();
            assert!(stays_inside(b), "operand {:?} could leave the temp dir", show(b));
        }
        (args, posix_every_fourth(case))
    });
    assert!(runs == 0 || runs >= 300, "only {runs} cases");
}
