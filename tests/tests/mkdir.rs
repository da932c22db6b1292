//! mkdir: directories made with 0777 less the umask (under several umasks,
//! set in the child before exec); the failures that go on to the next
//! operand (an existing name of any type, a missing parent, a file as a
//! parent); -p through existing components, symlinks good, dangling and
//! looping, `.`, `..`, runs of slashes and trailing slashes, with the name
//! cut at the parent that failed; -p parents always u+wx (umask 0777, 0300,
//! 0400, ...); -m octal and symbolic (special bits set by the separate chmod,
//! a setgid parent's bit inherited or cleared) compared with GNU under
//! umasks 022, 077, 000 and 0777, for the last component only, an existing
//! directory left alone with -p; invalid modes; -v lines (shell-escape-always
//! quoting) against error messages (GNU's locale quoting, `'it\'s'`), and
//! the two interleaved in one stream; stdout on /dev/full and closed;
//! missing operand, bad options, POSIXLY_CORRECT, the refused SELinux
//! options (`-Z`, `--context`: a documented difference), --help/--version;
//! a 1000-deep -p path, paths longer than PATH_MAX, absolute paths inside
//! the temp dir, a removed working directory; and a differential run
//! against GNU mkdir over generated argument vectors, umasks and trees,
//! comparing the trees left behind, modes included. Every hand-written case is also run by GNU's mkdir in a
//! twin directory, which must agree on everything.

mod common;
use common::*;
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{symlink, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

const TRY: &str = "Try 'mkdir --help' for more information.\n";

extern "C" {
    fn umask(mask: u32) -> u32;
}

/// The umask is the process's: the differential run changes it between
/// cases (so that its twin trees are built under the case's umask), and
/// holds this lock for writing meanwhile; every other test holds it for
/// reading, so what it builds with std::fs gets the usual 022.
static UMASK: RwLock<()> = RwLock::new(());

fn shared() -> RwLockReadGuard<'static, ()> {
    UMASK.read().unwrap_or_else(|e| e.into_inner())
}

fn exclusive() -> RwLockWriteGuard<'static, ()> {
    UMASK.write().unwrap_or_else(|e| e.into_inner())
}

fn set_umask(mask: u32) -> u32 {
    // SAFETY: umask has no preconditions.
    unsafe { umask(mask) }
}

fn os(b: &[u8]) -> OsString {
    OsString::from_vec(b.to_vec())
}

/// Bytes as text for assertions: printable ASCII as is, the rest escaped.
fn show(b: &[u8]) -> String {
    b.escape_ascii().to_string()
}

/// A mode as find's `%#m` prints it.
fn octal(mode: u32) -> String {
    if mode == 0 {
        "0".into()
    } else {
        format!("0{mode:o}")
    }
}

/// Every entry under `dir`, sorted, one line each: its name (as `show`
/// prints it), its type (`d`, `f`, `l`), its mode bits as `octal` prints
/// them and a symlink's target. Listed by find, which walks trees deeper
/// than PATH_MAX (std::fs's full paths cannot).
fn tree(dir: &Path) -> Vec<String> {
    let out = std::process::Command::new("find")
        .args([".", "-mindepth", "1", "-printf", "%P\\0%y %#m %l\\0"])
        .current_dir(dir)
        .output()
        .expect("find");
    assert!(out.status.success(), "find failed in {dir:?}: {}", String::from_utf8_lossy(&out.stderr));
    let fields: Vec<&[u8]> = out.stdout.split(|&c| c == 0).collect();
    let mut lines: Vec<String> = fields
        .chunks(2)
        .filter(|pair| pair.len() == 2)
        .map(|pair| format!("{} {}", show(pair[0]), String::from_utf8_lossy(pair[1]).trim_end()))
        .collect();
    lines.sort();
    lines
}

/// The standard tree: a directory with a subdirectory, a file, and
/// symlinks to the directory, to the file, dangling and looping.
fn fixture(dir: &Path) {
    std::fs::create_dir_all(dir.join("d/sub")).unwrap();
    std::fs::write(dir.join("f"), "x\n").unwrap();
    for (p, m) in [("d", 0o755), ("d/sub", 0o755), ("f", 0o644)] {
        std::fs::set_permissions(dir.join(p), std::fs::Permissions::from_mode(m)).unwrap();
    }
    for (link, to) in [("sd", "d"), ("sf", "f"), ("dang", "nowhere"), ("loop", "loop")] {
        symlink(to, dir.join(link)).unwrap();
    }
}

/// `NAME d MODE`: a directory's line in `tree`.
fn dir(name: &str, mode: u32) -> String {
    format!("{} d {}", name.as_bytes().escape_ascii(), octal(mode))
}

/// The fixture's tree with `more` lines.
fn with(more: &[String]) -> Vec<String> {
    static FIXTURE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let mut all = FIXTURE
        .get_or_init(|| {
            let d = tempdir("mkdir-fixture");
            fixture(&d);
            tree(&d)
        })
        .clone();
    all.extend(more.iter().cloned());
    all.sort();
    all
}

/// Directories of mode 0755 each.
fn dirs(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| dir(n, 0o755)).collect()
}

fn nothing(_: &Path) {}

/// How stdout (and stderr) are connected for a run.
#[derive(Clone, Copy, PartialEq)]
enum Out {
    /// Two pipes.
    Pipe,
    /// stdout on /dev/full.
    Full,
    /// stdout and stderr one file (`>f 2>&1`): the outcome's stdout holds
    /// both, its stderr nothing.
    Merged,
}

/// Runs `program` as `mkdir ARGS` in `dir` under `mask`. An argument
/// starting with `@` has it replaced by `dir`'s absolute path; the path is
/// turned back into `@` in what the run printed.
fn exec(program: &Path, dir: &Path, args: &[OsString], mask: u32, env: &[(&str, &str)], out: Out) -> Outcome {
    let at = dir.as_os_str().as_bytes();
    let args: Vec<OsString> = args
        .iter()
        .map(|a| match a.as_bytes().strip_prefix(b"@") {
            Some(rest) => os(&[at, rest].concat()),
            None => a.clone(),
        })
        .collect();
    let mut cmd = std::process::Command::new(program);
    cmd.arg0("mkdir").args(&args).env_clear().env("LC_ALL", "C").current_dir(dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    // SAFETY: umask is async-signal-safe and touches no memory.
    unsafe {
        cmd.pre_exec(move || {
            umask(mask);
            Ok(())
        });
    }
    cmd.stdin(Stdio::null());
    let merged = PathBuf::from(format!("{}.out", dir.display()));
    match out {
        Out::Pipe => {
            cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        }
        Out::Full => {
            cmd.stdout(dev_full()).stderr(Stdio::piped());
        }
        Out::Merged => {
            let f = std::fs::File::create(&merged).expect("output file");
            cmd.stdout(f.try_clone().unwrap()).stderr(f);
        }
    }
    let o = cmd.output().expect("spawn");
    let stdout = if out == Out::Merged { std::fs::read(&merged).unwrap() } else { o.stdout };
    let unat = |b: Vec<u8>| -> Vec<u8> {
        let (mut r, mut i) = (Vec::new(), 0);
        while i < b.len() {
            if b[i..].starts_with(at) {
                r.push(b'@');
                i += at.len();
            } else {
                r.push(b[i]);
                i += 1;
            }
        }
        r
    };
    Outcome { status: o.status.code(), stdout: unat(stdout), stderr: unat(o.stderr) }
}

/// Runs the box as `mkdir ARGS` under `mask` in a fresh directory filled by
/// `build`, and GNU's mkdir (when present) in a twin; asserts that the two
/// agree on status, stdout, stderr and the tree left (modes included);
/// returns the box's outcome and tree.
fn run_full(
    tag: &str,
    build: &dyn Fn(&Path),
    args: &[&[u8]],
    mask: u32,
    env: &[(&str, &str)],
    out: Out,
) -> (Outcome, Vec<String>) {
    let args: Vec<OsString> = args.iter().map(|a| os(a)).collect();
    let ours = tempdir(&format!("mkdir-{tag}"));
    build(&ours);
    let got = exec(bin(), &ours, &args, mask, env, out);
    let left = tree(&ours);
    if let Some(g) = gnu("mkdir") {
        let theirs = tempdir(&format!("mkdir-{tag}-gnu"));
        build(&theirs);
        let want = exec(Path::new(&g), &theirs, &args, mask, env, out);
        assert!(got == want, "mkdir {args:?} umask {mask:03o} {env:?}\nfemtobox: {}\nGNU: {}", got.show(), want.show());
        assert_eq!(left, tree(&theirs), "mkdir {args:?} umask {mask:03o}: trees differ (femtobox, GNU)");
    }
    (got, left)
}

/// In the fixture, under umask 022, stdout a pipe.
fn run(tag: &str, args: &[&[u8]]) -> (Outcome, Vec<String>) {
    run_full(tag, &fixture, args, 0o022, &[], Out::Pipe)
}

/// In the fixture, under `mask`.
fn run_u(tag: &str, mask: u32, args: &[&[u8]]) -> (Outcome, Vec<String>) {
    run_full(tag, &fixture, args, mask, &[], Out::Pipe)
}

fn bytes<'a>(args: &[&'a str]) -> Vec<&'a [u8]> {
    args.iter().map(|a| a.as_bytes()).collect()
}

/// Asserts the outcome and the tree of a `run`.
#[track_caller]
fn expect(got: &(Outcome, Vec<String>), code: i32, out: &str, err: &str, tree: &[String]) {
    let (o, t) = got;
    assert_eq!((o.status, show(&o.stdout), show(&o.stderr)), (Some(code), show(out.as_bytes()), show(err.as_bytes())));
    assert_eq!(t, tree, "the tree left behind");
}

/// `mkdir: created directory 'NAME'` for each (names that need no escaping).
fn created(names: &[&str]) -> String {
    names.iter().map(|n| format!("mkdir: created directory '{n}'\n")).collect()
}

/// `mkdir: cannot create directory 'NAME': WHY` for each pair (NAME as the
/// quotes hold it).
fn cannot(list: &[(&str, &str)]) -> String {
    list.iter().map(|(n, why)| format!("mkdir: cannot create directory '{n}': {why}\n")).collect()
}

const EXISTS: &str = "File exists";
const ENOENT: &str = "No such file or directory";
const ENOTDIR: &str = "Not a directory";
const ELOOP: &str = "Too many levels of symbolic links";
const ENAMETOOLONG: &str = "File name too long";

/// Runs a bash line; (status, stdout, stderr) as text.
fn sh(line: &str) -> (Option<i32>, String, String) {
    let o = bash(line);
    (o.status, String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn plain_mkdir_makes_each_directory_0777_less_the_umask() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    for mask in [0o022, 0o027, 0o077, 0o000, 0o002, 0o700, 0o777, 0o552, 0o7777] {
        let mode = 0o777 & !mask;
        let r = run_u(&format!("plain-{mask:o}"), mask, &[b"a", b"b", b"d/new"]);
        expect(&r, 0, "", "", &with(&[dir("a", mode), dir("b", mode), dir("d/new", mode)]));
    }
    // The umask applies through the shell too (`umask 027; exec mkdir`).
    let t = tempdir("mkdir-plain-sh");
    let (code, out, err) = sh(&format!(
        "cd '{}' && umask 027 && (exec -a mkdir \"$B\" x) && umask 0 && (exec -a mkdir \"$B\" y)",
        t.display()
    ));
    assert_eq!((code, out, err), (Some(0), String::new(), String::new()));
    assert_eq!(tree(&t), [dir("x", 0o750), dir("y", 0o777)]);
}

#[test]
fn an_existing_name_of_any_type_fails_with_file_exists_and_the_rest_go_on() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let r = run("exists", &bytes(&["d", "new", "f", "sd", "sf", "dang", "loop", "d/sub", "new2"]));
    let err = cannot(&[
        ("d", EXISTS),
        ("f", EXISTS),
        ("sd", EXISTS),
        ("sf", EXISTS),
        ("dang", EXISTS),
        ("loop", EXISTS),
        ("d/sub", EXISTS),
    ]);
    expect(&r, 1, "", &err, &with(&dirs(&["new", "new2"])));
    // The same name twice: the second time it is there.
    let r = run("exists-twice", &[b"n", b"n"]);
    expect(&r, 1, "", &cannot(&[("n", EXISTS)]), &with(&dirs(&["n"])));
    // `.`, `..` and `/`-terminated names of existing things.
    let r = run("exists-dots", &bytes(&[".", "..", "d/.", "d/..", "d/", "sd/", "f/", "dang/"]));
    let err = cannot(&[
        (".", EXISTS),
        ("..", EXISTS),
        ("d/.", EXISTS),
        ("d/..", EXISTS),
        ("d/", EXISTS),
        ("sd/", EXISTS),
        ("f/", EXISTS),
        ("dang/", EXISTS),
    ]);
    expect(&r, 1, "", &err, &with(&[]));
}

#[test]
fn a_missing_or_non_directory_parent_fails_without_p() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let r = run("noparent", &bytes(&["a/b", "x/y/z", "f/x", "sf/x", "dang/x", "loop/x", "ok", "d/sub/x/y", "sd/x"]));
    let err = cannot(&[
        ("a/b", ENOENT),
        ("x/y/z", ENOENT),
        ("f/x", ENOTDIR),
        ("sf/x", ENOTDIR),
        ("dang/x", ENOENT),
        ("loop/x", ELOOP),
        ("d/sub/x/y", ENOENT),
    ]);
    expect(&r, 1, "", &err, &with(&[dir("ok", 0o755), dir("d/x", 0o755)]));
    // The empty name.
    let r = run("empty", &[b"", b"e"]);
    expect(&r, 1, "", &cannot(&[("", ENOENT)]), &with(&dirs(&["e"])));
    let r = run("empty-p", &[b"-p", b""]);
    expect(&r, 1, "", &cannot(&[("", ENOENT)]), &with(&[]));
}

#[test]
fn parents_makes_every_missing_component_and_existing_ones_are_no_error() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let r = run("p", &bytes(&["-p", "a/b/c", "d", "d/sub", "d/sub/n/m", "a/b", "a/x", ".", "..", "sd"]));
    expect(&r, 0, "", "", &with(&dirs(&["a", "a/b", "a/b/c", "d/sub/n", "d/sub/n/m", "a/x"])));
    let r = run("p-long", &bytes(&["--parents", "q/r", "--parents", "q/r/s"]));
    expect(&r, 0, "", "", &with(&dirs(&["q", "q/r", "q/r/s"])));
    // Prefixes of --parents.
    for (i, opt) in ["--p", "--pa", "--parent"].iter().enumerate() {
        let r = run(&format!("p-prefix{i}"), &bytes(&[opt, "k/l"]));
        expect(&r, 0, "", "", &with(&dirs(&["k", "k/l"])));
    }
}

#[test]
fn parents_cut_the_name_at_the_component_that_failed() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let r = run("p-cut", &bytes(&["-p", "f/x", "f/x/y", "sf/x", "dang/x/y", "loop/x", "d/f", "a/b", "d/sub/f"]));
    let err = cannot(&[("f", ENOTDIR), ("f", ENOTDIR), ("sf", ENOTDIR), ("dang", EXISTS), ("loop", ELOOP)]);
    expect(&r, 1, "", &err, &with(&dirs(&["d/f", "a", "a/b", "d/sub/f"])));
    // Deeper: the name is the prefix up to the failing parent, as written.
    let build = |d: &Path| {
        fixture(d);
        std::fs::create_dir_all(d.join("m/n")).unwrap();
        std::fs::write(d.join("m/n/file"), "").unwrap();
    };
    let r = run_full(
        "p-cut-deep",
        &build,
        &bytes(&["-pv", "m//n/./file//x/y", "./m/n/file/z", "m/new/../n/file/w"]),
        0o022,
        &[],
        Out::Pipe,
    );
    let err = cannot(&[("m//n/./file", ENOTDIR), ("./m/n/file", ENOTDIR), ("m/new/../n/file", ENOTDIR)]);
    let mut want = with(&dirs(&["m", "m/n", "m/new"]));
    want.push("m/n/file f 0644".into());
    want.sort();
    expect(&r, 1, &created(&["m/new"]), &err, &want);
    // The last component: a file, a symlink to one, dangling, looping.
    let r = run("p-last", &bytes(&["-p", "f", "sf", "dang", "loop", "d/sub/", "sd/", "dang/", "ok"]));
    let err = "mkdir: cannot create directory 'f': File exists\n\
               mkdir: cannot create directory 'sf': File exists\n\
               mkdir: cannot create directory 'dang': File exists\n\
               mkdir: cannot stat 'loop': Too many levels of symbolic links\n\
               mkdir: cannot create directory 'dang/': File exists\n";
    expect(&r, 1, "", err, &with(&dirs(&["ok"])));
}

#[test]
fn parents_go_through_a_symlink_to_a_directory() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let r = run("p-symlink", &bytes(&["-pv", "sd/x/y", "sd/sub/z", "sd", "sd/", "sd/x/../w"]));
    let out = created(&["sd/x", "sd/x/y", "sd/sub/z", "sd/x/../w"]);
    expect(&r, 0, &out, "", &with(&dirs(&["d/x", "d/x/y", "d/sub/z", "d/w"])));
    // A symlink to a symlink to a directory, and a relative one from below.
    let build = |d: &Path| {
        fixture(d);
        symlink("sd", d.join("ssd")).unwrap();
        symlink("..", d.join("d/sub/up")).unwrap();
    };
    let r = run_full("p-symlink2", &build, &bytes(&["-pv", "ssd/a/b", "d/sub/up/c"]), 0o022, &[], Out::Pipe);
    let mut want = with(&dirs(&["d/a", "d/a/b", "d/c"]));
    want.extend(["d/sub/up l 0777 ..".to_string(), "ssd l 0777 sd".to_string()]);
    want.sort();
    expect(&r, 0, &created(&["ssd/a", "ssd/a/b", "d/sub/up/c"]), "", &want);
}

#[test]
fn dots_and_runs_of_slashes_are_walked_as_gnu_walks_them() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let r = run("dots", &bytes(&["-pv", "./a/../b//c/", "e/./f/.", "g/..", "h//i///j", "./k", "l/../l/m"]));
    // Each parent is named as the operand spells it, up to that component.
    let out = created(&[
        "./a",
        "./a/../b",
        "./a/../b//c/",
        "e",
        "e/./f",
        "g",
        "h",
        "h//i",
        "h//i///j",
        "./k",
        "l",
        "l/../l/m",
    ]);
    let want = with(&dirs(&["a", "b", "b/c", "e", "e/f", "g", "h", "h/i", "h/i/j", "k", "l", "l/m"]));
    expect(&r, 0, &out, "", &want);
    // Without -p a `.` or `..` last fails, and `x/..` needs x.
    let r = run("dots-nop", &bytes(&["-v", "n/..", "d/sub/..", "./o", "d//sub//p", "q/."]));
    let err = cannot(&[("n/..", ENOENT), ("d/sub/..", EXISTS), ("q/.", ENOENT)]);
    expect(&r, 1, &created(&["./o", "d//sub//p"]), &err, &with(&dirs(&["o", "d/sub/p"])));
}

#[test]
fn trailing_slashes_name_the_directory_and_are_printed_as_given() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let r = run("slashes", &bytes(&["-v", "a/", "b//", "c///", "d/sub/x/"]));
    expect(&r, 0, &created(&["a/", "b//", "c///", "d/sub/x/"]), "", &with(&dirs(&["a", "b", "c", "d/sub/x"])));
    let r = run("slashes-p", &bytes(&["-pv", "e/f///", "e//g//", "d/", "sd//"]));
    expect(&r, 0, &created(&["e", "e/f///", "e//g//"]), "", &with(&dirs(&["e", "e/f", "e/g"])));
}

#[test]
fn absolute_paths_inside_the_temp_dir_are_made_as_relative_ones() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let r = run("abs", &bytes(&["-pv", "@/a/b", "@//d/sub//c/", "@/sd/e"]));
    expect(
        &r,
        0,
        &created(&["@/a", "@/a/b", "@//d/sub//c/", "@/sd/e"]),
        "",
        &with(&dirs(&["a", "a/b", "d/sub/c", "d/e"])),
    );
    // Relative operands after an absolute one are still made from the
    // working directory.
    let r = run("abs-rel", &bytes(&["-pv", "@/a/b", "c/d", "@/e", "f2"]));
    expect(
        &r,
        0,
        &created(&["@/a", "@/a/b", "c", "c/d", "@/e", "f2"]),
        "",
        &with(&dirs(&["a", "a/b", "c", "c/d", "e", "f2"])),
    );
    let r = run("abs-nop", &bytes(&["@/x/y", "@/f/z", "@/w"]));
    expect(&r, 1, "", &cannot(&[("@/x/y", ENOENT), ("@/f/z", ENOTDIR)]), &with(&dirs(&["w"])));
    let r = run("abs-p-fail", &bytes(&["-p", "@/f/z/y"]));
    expect(&r, 1, "", &cannot(&[("@/f", ENOTDIR)]), &with(&[]));
}

#[test]
fn in_a_removed_working_directory_relative_names_fail_and_absolute_ones_are_made() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let mut programs = vec![bin().to_path_buf()];
    programs.extend(gnu("mkdir").map(PathBuf::from));
    for (n, program) in programs.iter().enumerate() {
        let t = tempdir(&format!("mkdir-gone{n}"));
        std::fs::create_dir(t.join("gone")).unwrap();
        let abs = t.join("abs/q");
        let line = format!(
            "cd '{}/gone' && rmdir ../gone && umask 022 && exec -a mkdir '{}' -pv a/b c . .. '{}'",
            t.display(),
            program.display(),
            abs.display()
        );
        let err = cannot(&[("a", ENOENT), ("c", ENOENT)]);
        let out = format!(
            "mkdir: created directory '{}'\nmkdir: created directory '{}'\n",
            t.join("abs").display(),
            abs.display()
        );
        assert_eq!(sh(&line), (Some(1), out, err), "{program:?}");
        assert_eq!(tree(&t), dirs(&["abs", "abs/q"]), "{program:?}");
        let line = format!("cd '{}/abs/q' && rmdir ../q && exec -a mkdir '{}' x", t.display(), program.display());
        assert_eq!(sh(&line), (Some(1), String::new(), cannot(&[("x", ENOENT)])), "{program:?}");
    }
}

#[test]
fn parents_always_get_u_wx_whatever_the_umask() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    for mask in [0o022, 0o077, 0o777, 0o300, 0o400, 0o500, 0o100, 0o200, 0o700, 0o000, 0o7777] {
        let parent = 0o777 & !(mask & !0o300);
        let last = 0o777 & !mask;
        let r = run_u(&format!("pu-{mask:o}"), mask, &bytes(&["-pv", "a/b/c", "d/sub/e/f"]));
        let want = with(&[
            dir("a", parent),
            dir("a/b", parent),
            dir("a/b/c", last),
            dir("d/sub/e", parent),
            dir("d/sub/e/f", last),
        ]);
        expect(&r, 0, &created(&["a", "a/b", "a/b/c", "d/sub/e", "d/sub/e/f"]), "", &want);
    }
    // With -m the parents still follow the umask (u+wx), not the mode.
    let r = run_u("pu-m", 0o777, &bytes(&["-p", "-m", "0", "a/b"]));
    expect(&r, 0, "", "", &with(&[dir("a", 0o300), dir("a/b", 0)]));
    let r = run_u("pu-m2", 0o077, &bytes(&["-p", "-m", "777", "a/b"]));
    expect(&r, 0, "", "", &with(&[dir("a", 0o700), dir("a/b", 0o777)]));
    // A parent made unreadable (umask 0400) is still entered.
    let r = run_u("pu-unreadable", 0o400, &bytes(&["-p", "-m", "700", "a/b/c"]));
    expect(&r, 0, "", "", &with(&[dir("a", 0o377), dir("a/b", 0o377), dir("a/b/c", 0o700)]));
}

/// The modes compared with GNU: octal of 1 to 5 digits, symbolic clauses,
/// special bits, copies.
const MODES: &[&str] = &[
    "755",
    "0",
    "7",
    "70",
    "700",
    "1777",
    "2755",
    "4700",
    "7777",
    "07777",
    "00755",
    "0000",
    "u=rwx,g+s,o-w",
    "a+X",
    "=",
    "+t",
    "g+s",
    "u+s",
    "-t",
    "g-s",
    "a=rwxs",
    "+X",
    "-w",
    "=w",
    "+w",
    "o=u",
    "g=o",
    "u=g,o+t",
    "go-rwx",
    "a-x",
    "u+s,-t",
    "=t",
    "=s",
    "ug+s,+t",
    "a=",
    "+",
    "-",
    "u=,g=",
    "o+X,u-x",
    "ug=rx,o=",
    "g+w,g-w",
    "a+rwxXst",
];

#[test]
fn mode_octal_and_symbolic_match_gnu_under_several_umasks() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    // A setgid parent: its bit is inherited, and `g-s` then has to clear it.
    let build = |d: &Path| {
        fixture(d);
        std::fs::create_dir(d.join("sg")).unwrap();
        std::fs::set_permissions(d.join("sg"), std::fs::Permissions::from_mode(0o2755)).unwrap();
    };
    for mask in [0o022, 0o077, 0o000, 0o777] {
        for (i, mode) in MODES.iter().enumerate() {
            for (j, opt) in ["-m", "-pm"].iter().enumerate() {
                let tag = format!("m-{mask:o}-{i}-{j}");
                let (o, _) = run_full(&tag, &build, &bytes(&[opt, mode, "x", "sg/y"]), mask, &[], Out::Pipe);
                assert_eq!((o.status, show(&o.stderr)), (Some(0), String::new()), "-m {mode} umask {mask:03o}");
            }
        }
    }
    // A few exactly, under umask 022 (special bits through the chmod).
    for (mode, plain, in_setgid) in [
        ("755", 0o755, 0o2755),
        ("u=rwx,g+s,o-w", 0o2775, 0o2755),
        ("a+X", 0o777, 0o2777),
        ("=", 0, 0o2000),
        ("+t", 0o1755, 0o3755),
        ("g+s", 0o2777, 0o2755),
        ("g-s", 0o755, 0o777),
        ("7777", 0o7777, 0o7777),
        ("0", 0, 0o2000),
        ("1777", 0o1777, 0o3777),
    ] {
        let r = run_full("m-exact", &build, &bytes(&["-m", mode, "x", "sg/y"]), 0o022, &[], Out::Pipe);
        let mut want = with(&[dir("x", plain), dir("sg/y", in_setgid), dir("sg", 0o2755)]);
        want.sort();
        expect(&r, 0, "", "", &want);
    }
    // Spellings of the option.
    for (i, args) in [
        &["-m755", "x"][..],
        &["--mode=755", "x"],
        &["--mode", "755", "x"],
        &["--mo=755", "x"],
        &["--m", "755", "x"],
        &["-vm", "755", "x"],
        &["-m", "0", "-m", "755", "x"],
    ]
    .iter()
    .enumerate()
    {
        let (o, t) = run_u(&format!("m-spell{i}"), 0o077, &bytes(args));
        assert_eq!(o.status, Some(0), "{args:?}");
        assert_eq!(t, with(&[dir("x", 0o755)]), "{args:?}");
    }
}

#[test]
fn mode_applies_to_the_last_component_only() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let r = run("m-last", &bytes(&["-p", "-m", "700", "a/b/c", "d/sub/e"]));
    expect(&r, 0, "", "", &with(&[dir("a", 0o755), dir("a/b", 0o755), dir("a/b/c", 0o700), dir("d/sub/e", 0o700)]));
    let r = run("m-last-special", &bytes(&["-pv", "-m", "g+s,+t", "a/b"]));
    // `g+s` names the group's bits, so the chmod puts back the group write
    // bit the umask took: 03777.
    expect(&r, 0, &created(&["a", "a/b"]), "", &with(&[dir("a", 0o755), dir("a/b", 0o3777)]));
}

#[test]
fn mode_with_parents_leaves_an_existing_directory_alone() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let build = |d: &Path| {
        fixture(d);
        std::fs::create_dir(d.join("e")).unwrap();
        std::fs::set_permissions(d.join("e"), std::fs::Permissions::from_mode(0o700)).unwrap();
    };
    for (i, mode) in ["777", "g+s", "+t", "0", "a=rwxst"].iter().enumerate() {
        let r = run_full(
            &format!("m-exist{i}"),
            &build,
            &bytes(&["-p", "-m", mode, "e", "sd", "d/", "."]),
            0o022,
            &[],
            Out::Pipe,
        );
        expect(&r, 0, "", "", &with(&[dir("e", 0o700)]));
    }
    // Without -p it is an error, and nothing changes.
    let r = run_full("m-exist-nop", &build, &bytes(&["-m", "777", "e"]), 0o022, &[], Out::Pipe);
    expect(&r, 1, "", &cannot(&[("e", EXISTS)]), &with(&[dir("e", 0o700)]));
}

#[test]
fn an_invalid_mode_is_reported_and_nothing_is_made() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    for (mode, shown) in [
        ("X", "X"),
        ("8", "8"),
        ("77777", "77777"),
        ("", ""),
        (",", ","),
        ("u+q", "u+q"),
        ("u", "u"),
        ("=,", "=,"),
        ("g+s,", "g+s,"),
        ("a+rwxz", "a+rwxz"),
        ("755 ", "755 "),
        ("-8", "-8"),
        ("it's", "it\\'s"),
        ("c\x01t", "c\\001t"),
    ] {
        for (i, args) in [&["-m", mode, "a"][..], &["-p", "a/b", &format!("--mode={mode}")]].iter().enumerate() {
            let r = run(&format!("badmode{i}"), &bytes(args));
            expect(&r, 1, "", &format!("mkdir: invalid mode '{shown}'\n"), &with(&[]));
        }
    }
    // The operand is checked first.
    let r = run("badmode-noop", &[b"-m", b"X"]);
    expect(&r, 1, "", &format!("mkdir: missing operand\n{TRY}"), &with(&[]));
}

/// Odd names: (name, as -v quotes it, as an error quotes it).
const ODD: &[(&[u8], &str, &str)] = &[
    (b"plain", "'plain'", "'plain'"),
    (b"a b", "'a b'", "'a b'"),
    (b"it's", "\"it's\"", "'it\\'s'"),
    (b"n\nl", "'n'$'\\n''l'", "'n\\nl'"),
    (b"c\x01t", "'c'$'\\001''t'", "'c\\001t'"),
    (b"\xff", "''$'\\377'", "'\\377'"),
    (b"-x", "'-x'", "'-x'"),
    (b"it's\n", "'''it'\\''s'$'\\n'", "'it\\'s\\n'"),
    (b"\xff'", "''$'\\377'\\'''", "'\\377\\''"),
    (b"a\tb", "'a'$'\\t''b'", "'a\\tb'"),
    (b"~a", "'~a'", "'~a'"),
    (b"a=b", "'a=b'", "'a=b'"),
    (b"a$b", "'a$b'", "'a$b'"),
    (b"a\\b", "'a\\b'", "'a\\\\b'"),
    (b"q\"d", "'q\"d'", "'q\"d'"),
    (b"\x7f", "''$'\\177'", "'\\177'"),
    (b"\xc3\xa9", "''$'\\303\\251'", "'\\303\\251'"),
];

#[test]
fn verbose_quotes_shell_escape_always_and_errors_quote_locale_style() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let mut args: Vec<&[u8]> = vec![b"-v", b"--"];
    args.extend(ODD.iter().map(|(n, _, _)| *n));
    let out: String = ODD.iter().map(|(_, v, _)| format!("mkdir: created directory {v}\n")).collect();
    let (o, t) = run("odd-v", &args);
    assert_eq!((o.status, show(&o.stdout), show(&o.stderr)), (Some(0), show(out.as_bytes()), String::new()));
    let mut want = with(&[]);
    want.extend(ODD.iter().map(|(n, _, _)| format!("{} d 0755", n.escape_ascii())));
    want.sort();
    assert_eq!(t, want);
    // The same names again: each one exists.
    let again = |d: &Path| {
        fixture(d);
        for (n, _, _) in ODD {
            std::fs::create_dir(d.join(os(n))).unwrap();
        }
    };
    let (o, _) = run_full("odd-err", &again, &args, 0o022, &[], Out::Pipe);
    let err: String =
        ODD.iter().map(|(_, _, e)| format!("mkdir: cannot create directory {e}: File exists\n")).collect();
    assert_eq!((o.status, show(&o.stdout), show(&o.stderr)), (Some(1), String::new(), show(err.as_bytes())));
    // Under -p, names of parents that were made and of one that failed.
    let r = run("odd-p", &[b"-pv", b"it's/c\x01t/\xff", b"f/it's", b"sp ace/f\x01/g", b"-", b"--", b"--/x"]);
    // A name with a `'` and a control byte: `'\''` for each quote, and
    // GNU's quotearg sometimes starts with an empty `''` (checked with it).
    let out = "mkdir: created directory \"it's\"\n\
               mkdir: created directory 'it'\\''s/c'$'\\001''t'\n\
               mkdir: created directory '''it'\\''s/c'$'\\001''t/'$'\\377'\n\
               mkdir: created directory 'sp ace'\n\
               mkdir: created directory 'sp ace/f'$'\\001'\n\
               mkdir: created directory 'sp ace/f'$'\\001''/g'\n\
               mkdir: created directory '-'\n\
               mkdir: created directory '--'\n\
               mkdir: created directory '--/x'\n";
    let (o, _) = &r;
    assert_eq!(
        (o.status, show(&o.stdout), show(&o.stderr)),
        (Some(1), show(out.as_bytes()), show(b"mkdir: cannot create directory 'f': Not a directory\n"))
    );
}

#[test]
fn verbose_lines_and_errors_interleave_in_one_stream_in_gnu_order() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let r = run_full("merged", &fixture, &bytes(&["-v", "a", "f", "b", "d/sub", "x/y", "c"]), 0o022, &[], Out::Merged);
    let out = created(&["a"])
        + &cannot(&[("f", EXISTS)])
        + &created(&["b"])
        + &cannot(&[("d/sub", EXISTS), ("x/y", ENOENT)])
        + &created(&["c"]);
    expect(&r, 1, &out, "", &with(&dirs(&["a", "b", "c"])));
    let r =
        run_full("merged-p", &fixture, &bytes(&["-pv", "g/h", "f/x", "i", "loop", "j/k/l"]), 0o022, &[], Out::Merged);
    let out = created(&["g", "g/h"])
        + &cannot(&[("f", ENOTDIR)])
        + &created(&["i"])
        + "mkdir: cannot stat 'loop': Too many levels of symbolic links\n"
        + &created(&["j", "j/k", "j/k/l"]);
    expect(&r, 1, &out, "", &with(&dirs(&["g", "g/h", "i", "j", "j/k", "j/k/l"])));
}

#[test]
fn a_full_stdout_is_a_write_error_with_the_reason_only_if_output_was_pending_at_exit() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    // GNU's -v lines go through stdio; an error message first flushes
    // stdout, and the failed flush leaves nothing pending, so the closing
    // check says only `write error`. Output pending at exit fails in
    // fclose, with the reason.
    let full = |tag: &str, args: &[&str]| run_full(tag, &fixture, &bytes(args), 0o022, &[], Out::Full);
    let nospc = "mkdir: write error: No space left on device\n";
    let bare = "mkdir: write error\n";
    expect(&full("full-v", &["-v", "a"]), 1, "", nospc, &with(&dirs(&["a"])));
    expect(&full("full-pv", &["-pv", "a/b/c"]), 1, "", nospc, &with(&dirs(&["a", "a/b", "a/b/c"])));
    let exists = cannot(&[("f", EXISTS)]);
    expect(&full("full-err-first", &["-v", "f", "b"]), 1, "", &(exists.clone() + nospc), &with(&dirs(&["b"])));
    expect(&full("full-err-last", &["-v", "b", "f"]), 1, "", &(exists.clone() + bare), &with(&dirs(&["b"])));
    let notdir = cannot(&[("f", ENOTDIR)]);
    expect(
        &full("full-p-err", &["-pv", "a/b", "f/x", "c"]),
        1,
        "",
        &(notdir + nospc),
        &with(&dirs(&["a", "a/b", "c"])),
    );
    // Nothing written, nothing to fail.
    expect(&full("full-quiet", &["a", "f"]), 1, "", &exists, &with(&dirs(&["a"])));
    expect(&full("full-quiet-ok", &["-p", "a/b"]), 0, "", "", &with(&dirs(&["a", "a/b"])));
    expect(&full("full-v-nothing", &["-pv", "d"]), 0, "", "", &with(&[]));
    // --help and --version (their texts differ from GNU's; the error does not).
    for opt in ["--help", "--version"] {
        expect(&full("full-help", &[opt]), 1, "", nospc, &with(&[]));
    }
}

#[test]
fn a_closed_stdout_fails_only_when_something_was_written() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let mut programs = vec![bin().to_path_buf()];
    programs.extend(gnu("mkdir").map(PathBuf::from));
    for (n, program) in programs.iter().enumerate() {
        let t = tempdir(&format!("mkdir-closed{n}"));
        fixture(&t);
        let go = |args: &str| {
            sh(&format!("cd '{}' && umask 022 && (exec -a mkdir '{}' {args} >&-)", t.display(), program.display()))
        };
        let ebadf = "mkdir: write error: Bad file descriptor\n";
        assert_eq!(go("-v a"), (Some(1), String::new(), ebadf.into()), "{program:?}");
        assert_eq!(go("b"), (Some(0), String::new(), String::new()), "{program:?}");
        let exists = cannot(&[("f", EXISTS)]);
        assert_eq!(go("-v f"), (Some(1), String::new(), exists.clone()), "{program:?}");
        // The flush before the message fails and leaves nothing pending, but
        // closing the closed descriptor at exit fails too, with the reason.
        assert_eq!(go("-v c f"), (Some(1), String::new(), exists.clone() + ebadf), "{program:?}");
        assert_eq!(go("--version"), (Some(1), String::new(), ebadf.into()), "{program:?}");
        assert_eq!(tree(&t), with(&dirs(&["a", "b", "c"])), "{program:?}");
    }
}

#[test]
fn no_operand_is_a_missing_operand() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let want = format!("mkdir: missing operand\n{TRY}");
    for (i, args) in
        [&[][..], &["-p"], &["-v", "-p"], &["-m", "755"], &["--"], &["-pv", "--"], &["--mode=X"]].iter().enumerate()
    {
        let r = run(&format!("noop{i}"), &bytes(args));
        expect(&r, 1, "", &want, &with(&[]));
    }
}

#[test]
fn bad_options_are_reported_like_getopt_and_nothing_is_made() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    for (args, msg) in [
        (&["-x", "a"][..], "mkdir: invalid option -- 'x'\n"),
        (&["-pvq", "a"], "mkdir: invalid option -- 'q'\n"),
        (&["--bogus", "a"], "mkdir: unrecognized option '--bogus'\n"),
        (&["a", "-m"], "mkdir: option requires an argument -- 'm'\n"),
        (&["a", "-pm"], "mkdir: option requires an argument -- 'm'\n"),
        (&["a", "--mode"], "mkdir: option '--mode' requires an argument\n"),
        (&["--verbose=1", "a"], "mkdir: option '--verbose' doesn't allow an argument\n"),
        (&["--parents=", "a"], "mkdir: option '--parents' doesn't allow an argument\n"),
        (&["--help=1", "a"], "mkdir: option '--help' doesn't allow an argument\n"),
        (&["--version=1", "a"], "mkdir: option '--version' doesn't allow an argument\n"),
        (&["--v", "a"], "mkdir: option '--v' is ambiguous; possibilities: '--verbose' '--version'\n"),
        (&["--ver", "a"], "mkdir: option '--ver' is ambiguous; possibilities: '--verbose' '--version'\n"),
        (&["-", "a", "--x"], "mkdir: unrecognized option '--x'\n"),
    ] {
        let r = run("badopt", &bytes(args));
        expect(&r, 1, "", &format!("{msg}{TRY}"), &with(&[]));
    }
}

#[test]
fn selinux_options_are_refused_as_unknown_options() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    // A documented difference (SPEC: out of scope): GNU 9.1 takes -Z and
    // --context[=CTX] (and warns without SELinux); the box refuses them in
    // getopt's words. So the box runs alone here.
    for (args, msg) in [
        (&["-Z", "a"][..], "mkdir: invalid option -- 'Z'\n"),
        (&["-pZ", "a"], "mkdir: invalid option -- 'Z'\n"),
        (&["-vZ", "a"], "mkdir: invalid option -- 'Z'\n"),
        (&["a", "-Z"], "mkdir: invalid option -- 'Z'\n"),
        (&["--context", "a"], "mkdir: unrecognized option '--context'\n"),
        (
            &["--context=system_u:object_r:tmp_t:s0", "a"],
            "mkdir: unrecognized option '--context=system_u:object_r:tmp_t:s0'\n",
        ),
        (&["--cont", "a"], "mkdir: unrecognized option '--cont'\n"),
        (&["--c", "a"], "mkdir: unrecognized option '--c'\n"),
    ] {
        let t = tempdir("mkdir-selinux");
        run_as("mkdir").args(args).current_dir(&t).assert().code(1).stdout("").stderr(format!("{msg}{TRY}"));
        assert_eq!(tree(&t), Vec::<String>::new(), "{args:?} made something");
    }
}

#[test]
fn posixly_correct_makes_everything_after_the_first_operand_an_operand() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let posix = [("POSIXLY_CORRECT", "1")];
    let r = run_full("posix", &fixture, &bytes(&["-v", "a", "-p", "b/c", "--help"]), 0o022, &posix, Out::Pipe);
    let err = cannot(&[("b/c", ENOENT)]);
    expect(&r, 1, &created(&["a", "-p", "--help"]), &err, &with(&dirs(&["a", "-p", "--help"])));
    // Without it the options are permuted.
    let r = run("posix-not", &bytes(&["-v", "a", "-p", "b/c"]));
    expect(&r, 0, &created(&["a", "b", "b/c"]), "", &with(&dirs(&["a", "b", "b/c"])));
    let r = run("dashdash", &bytes(&["-v", "--", "-p", "--", "-m"]));
    expect(&r, 0, &created(&["-p", "--", "-m"]), "", &with(&dirs(&["-p", "--", "-m"])));
}

#[test]
fn help_and_version_go_to_stdout_and_make_nothing() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let t = tempdir("mkdir-help");
    for args in
        [&["--help"][..], &["a", "--help"], &["-p", "b/c", "--help", "--version"], &["--he"], &["-v", "--help", "d"]]
    {
        let out = run_as("mkdir").args(args).current_dir(&t).output().unwrap();
        out.clone().assert().code(0).stderr("").stdout(help_is(
            "mkdir [OPTION]... DIRECTORY...",
            &["-m", "-p", "-v"],
            2,
        ));
    }
    let version = format!("mkdir (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in [
        &["--version"][..],
        &["a", "--version"],
        &["--version", "--help"],
        &["-v", "--vers"],
        &["-pm", "X", "--version"],
    ] {
        run_as("mkdir").args(args).current_dir(&t).assert().code(0).stdout(version.clone()).stderr("");
    }
    assert_eq!(tree(&t), Vec::<String>::new(), "--help and --version make nothing");
    // After `--` they are names.
    let r = run("help-operand", &bytes(&["-v", "--", "--help", "--version"]));
    expect(&r, 0, &created(&["--help", "--version"]), "", &with(&dirs(&["--help", "--version"])));
}

#[test]
fn messages_name_the_program_as_argv0_gives_it() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let t = tempdir("mkdir-argv0");
    run_as("/x/mkdir")
        .args(["-v", "a", "a"])
        .current_dir(&t)
        .assert()
        .code(1)
        .stdout("/x/mkdir: created directory 'a'\n")
        .stderr("/x/mkdir: cannot create directory 'a': File exists\n");
    run_as("femtobox")
        .args(["mkdir", "-pv", "b/c", "-Q"])
        .current_dir(&t)
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("mkdir: invalid option -- 'Q'\n{TRY}"));
    assert_eq!(tree(&t), dirs(&["a"]));
}

#[test]
fn a_thousand_deep_parents_path_is_made_as_gnu_makes_it() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    let path = vec!["a"; 1000].join("/");
    let r = run_full("deep", &nothing, &[b"-pv", path.as_bytes()], 0o022, &[], Out::Pipe);
    let names: Vec<String> = (1..=1000).map(|n| vec!["a"; n].join("/")).collect();
    let out: String = names.iter().map(|n| format!("mkdir: created directory '{n}'\n")).collect();
    let want: Vec<String> = {
        let mut w: Vec<String> = names.iter().map(|n| dir(n, 0o755)).collect();
        w.sort();
        w
    };
    expect(&r, 0, &out, "", &want);
    // Again on the made tree: nothing to do; with -m, the mode of a new
    // last component only, under another umask.
    let build = |d: &Path| {
        std::fs::create_dir_all(d.join(&path)).unwrap();
    };
    let r = run_full("deep-again", &build, &[b"-p", path.as_bytes()], 0o022, &[], Out::Pipe);
    expect(&r, 0, "", "", &want);
    let deeper = format!("{path}/b/c");
    let r = run_full("deep-m", &build, &[b"-pv", b"-m", b"g+s", deeper.as_bytes()], 0o077, &[], Out::Pipe);
    let out = format!("mkdir: created directory '{path}/b'\nmkdir: created directory '{path}/b/c'\n");
    let mut w = want.clone();
    w.extend([dir(&format!("{path}/b"), 0o700), dir(&format!("{path}/b/c"), 0o2777)]);
    w.sort();
    expect(&r, 0, &out, "", &w);
}

#[test]
fn paths_longer_than_path_max_are_made_with_parents_and_fail_without() {
    let _g = shared();
    if !has(&["mkdir"]) {
        return;
    }
    // 25 components of 201-202 bytes: 5066 bytes, more than PATH_MAX.
    let comps: Vec<String> = (1..=25).map(|i| format!("{}{i}", "x".repeat(200))).collect();
    let long = comps.join("/");
    assert!(long.len() > 4096);
    let prefixes: Vec<String> = (1..=25).map(|n| comps[..n].join("/")).collect();
    let mut made: Vec<String> = prefixes.iter().map(|p| dir(p, 0o755)).collect();
    made.sort();
    // Without -p: the kernel refuses the name.
    let r = run_full("long-nop", &nothing, &[long.as_bytes()], 0o022, &[], Out::Pipe);
    expect(&r, 1, "", &cannot(&[(&long, ENAMETOOLONG)]), &[]);
    // With -p each component is made in turn, and each -v line has the
    // whole name.
    let r = run_full("long-p", &nothing, &[b"-pv", long.as_bytes()], 0o022, &[], Out::Pipe);
    let out: String = prefixes.iter().map(|p| format!("mkdir: created directory '{p}'\n")).collect();
    expect(&r, 0, &out, "", &made);
    // Made already: no error with -p, ENAMETOOLONG without; a new last
    // component with -m.
    let build = |d: &Path| {
        // GNU's mkdir -p, which walks by chdir: the path is too long for
        // std::fs.
        let out = std::process::Command::new("mkdir").args(["-p", &long]).current_dir(d).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    let r =
        run_full("long-again", &build, &[b"-p", long.as_bytes(), format!("{long}/").as_bytes()], 0o022, &[], Out::Pipe);
    expect(&r, 0, "", "", &made);
    let last = format!("{long}/z");
    let r = run_full("long-m", &build, &[b"-m", b"1700", last.as_bytes()], 0o022, &[], Out::Pipe);
    expect(&r, 1, "", &cannot(&[(&last, ENAMETOOLONG)]), &made);
    let r = run_full("long-pm", &build, &[b"-pvm", b"1700", last.as_bytes()], 0o022, &[], Out::Pipe);
    let mut w = made.clone();
    w.push(dir(&last, 0o1700));
    w.sort();
    expect(&r, 0, &format!("mkdir: created directory '{last}'\n"), "", &w);
    // A component longer than NAME_MAX: the name cut after it.
    let bad = format!("ok/{}/y", "M".repeat(256));
    let r = run_full("long-name", &nothing, &[b"-p", bad.as_bytes()], 0o022, &[], Out::Pipe);
    expect(&r, 1, "", &cannot(&[(&format!("ok/{}", "M".repeat(256)), ENAMETOOLONG)]), &dirs(&["ok"]));
    let fits = format!("{}/{}", "M".repeat(255), "N".repeat(255));
    let r = run_full("long-name-fits", &nothing, &[b"-p", fits.as_bytes()], 0o022, &[], Out::Pipe);
    expect(&r, 0, "", "", &dirs(&[&"M".repeat(255), &fits]));
    // Beyond PATH_MAX, a file as a parent.
    let build_file = |d: &Path| {
        build(d);
        let comps: Vec<&str> = comps[..24].iter().map(String::as_str).collect();
        create_deep_file(d, &comps, "file");
    };
    let through = format!("{}/file/q/r", comps[..24].join("/"));
    let r = run_full("long-file", &build_file, &[b"-p", through.as_bytes()], 0o022, &[], Out::Pipe);
    let mut w = made.clone();
    w.push(format!("{}/file f 0644", comps[..24].join("/")));
    w.sort();
    expect(&r, 1, "", &cannot(&[(&format!("{}/file", comps[..24].join("/")), ENOTDIR)]), &w);
}

/// Makes an empty file `name` (mode 0644) in `base`/`comps`..., a path that
/// may be longer than PATH_MAX, through descriptors.
fn create_deep_file(base: &Path, comps: &[&str], name: &str) {
    use std::ffi::CString;
    extern "C" {
        fn open(path: *const std::ffi::c_char, flags: i32, ...) -> i32;
        fn openat(fd: i32, path: *const std::ffi::c_char, flags: i32, ...) -> i32;
        fn fchmod(fd: i32, mode: u32) -> i32;
        fn close(fd: i32) -> i32;
    }
    const O_RDONLY: i32 = 0;
    const O_WRONLY: i32 = 1;
    const O_CREAT: i32 = 0o100;
    const O_DIRECTORY: i32 = 0o200000;
    let c = |s: &[u8]| CString::new(s).unwrap();
    // SAFETY: plain system calls on descriptors this function owns, with
    // NUL-terminated paths that outlive each call.
    unsafe {
        let mut fd = open(c(base.as_os_str().as_bytes()).as_ptr(), O_RDONLY | O_DIRECTORY);
        assert!(fd >= 0, "open {base:?}");
        for comp in comps {
            let next = openat(fd, c(comp.as_bytes()).as_ptr(), O_RDONLY | O_DIRECTORY);
            assert!(next >= 0, "openat {comp}");
            close(fd);
            fd = next;
        }
        let f = openat(fd, c(name.as_bytes()).as_ptr(), O_WRONLY | O_CREAT, 0o644u32);
        assert!(f >= 0 && fchmod(f, 0o644) == 0, "create {name}");
        close(f);
        close(fd);
    }
}

// ---------------------------------------------------------------------------
// The differential run.

/// What goes between an operand's components, and after the last.
const SEPS: &[&[u8]] = &[b"/", b"/", b"/", b"//", b"/./", b"/../"];
const TAILS: &[&[u8]] = &[b"/", b"//", b"/.", b"/..", b"/x/.."];

/// The umasks the cases run under.
const UMASKS: &[u32] = &[0o022, 0o022, 0o077, 0o000, 0o027, 0o002, 0o777, 0o300, 0o700, 0o055, 0o400, 0o7022];

/// The corpus's tree: the fixture, a setgid directory, one of mode 0700,
/// odd names, long names, a chain, more symlinks (good, dangling, to a
/// symlink, into the chain); every few cases a file where a chain goes on.
fn corpus_setup(case: usize, d: &Path) {
    fixture(d);
    for p in ["chain/a/b", "sg/in", "m7", "sp ace/in'ner"] {
        std::fs::create_dir_all(d.join(p)).unwrap();
    }
    std::fs::set_permissions(d.join("sg"), std::fs::Permissions::from_mode(0o2775)).unwrap();
    std::fs::set_permissions(d.join("m7"), std::fs::Permissions::from_mode(0o700)).unwrap();
    for n in [&b"c\x01t"[..], b"\xff", b"n\nl", b"-v", b"it's"] {
        std::fs::create_dir(d.join(os(n))).unwrap();
    }
    std::fs::create_dir_all(d.join("L".repeat(200)).join("N".repeat(250))).unwrap();
    std::fs::write(d.join("chain/a/file"), "").unwrap();
    for (link, to) in
        [("ssd", "sd"), ("lk", "chain/a"), ("sdl", "dang"), ("slong", &"L".repeat(200)[..]), ("ssg", "sg")]
    {
        symlink(to, d.join(link)).unwrap();
    }
    match case % 5 {
        1 => std::fs::write(d.join("n1"), "").unwrap(),
        3 => symlink("nowhere/deep", d.join("n2")).unwrap(),
        4 => std::fs::create_dir(d.join("n3")).unwrap(),
        _ => {}
    }
}

/// A random mode: octal of 1-5 digits (now and then an 8 or 9), symbolic
/// clauses, or one of the hand-picked ones (invalid ones among them).
fn random_mode(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => {
            let len = 1 + rng.below(5);
            (0..len)
                .map(|_| {
                    if rng.chance(4) {
                        char::from(b'8' + rng.below(2) as u8)
                    } else {
                        char::from(b'0' + rng.below(8) as u8)
                    }
                })
                .collect()
        }
        1 | 2 => {
            let clauses = 1 + rng.below(3);
            let mut s = Vec::new();
            for _ in 0..clauses {
                let who = *rng.pick(&["", "u", "g", "o", "a", "ug", "go", "uo", "ugo"]);
                let mut clause = who.to_string();
                for _ in 0..1 + rng.below(2) {
                    clause.push(*rng.pick(&['+', '-', '=']));
                    clause += if rng.chance(20) {
                        *rng.pick(&["u", "g", "o"])
                    } else {
                        let perms = ["r", "w", "x", "X", "s", "t"];
                        let mut p = String::new();
                        for q in perms {
                            if rng.chance(30) {
                                p += q;
                            }
                        }
                        Box::leak(p.into_boxed_str())
                    };
                }
                s.push(clause);
            }
            let mut m = s.join(",");
            if rng.chance(5) {
                m.push(*rng.pick(&[',', 'q', '8', ' ']));
            }
            m
        }
        _ => rng.pick(MODES).to_string(),
    }
}

#[test]
fn mkdir_matches_gnu_on_a_random_corpus_trees_and_modes_included() {
    let _g = exclusive();
    if !has(&["mkdir"]) {
        return;
    }
    let options: &[&str] =
        &["-p", "-v", "-pv", "-vp", "--parents", "--verbose", "--p", "--pa", "--verb", "--verbo", "-", "--"];
    let bad: &[&str] = &["-x", "--bogus", "--parents=1", "--v", "--ver", "-pq", "--mode"];
    let existing: &[&[u8]] = &[
        b"d",
        b"d/sub",
        b"f",
        b"sd",
        b"sf",
        b"dang",
        b"loop",
        b"chain",
        b"chain/a",
        b"chain/a/b",
        b"chain/a/file",
        b"sg",
        b"sg/in",
        b"m7",
        b"sp ace",
        b"sp ace/in'ner",
        b"c\x01t",
        b"\xff",
        b"n\nl",
        b"-v",
        b"it's",
        b"ssd",
        b"lk",
        b"sdl",
        b"slong",
        b"ssg",
        b"n1",
        b"n2",
        b"n3",
        b".",
        b"..",
        b"",
    ];
    let fresh: &[&[u8]] = &[b"n1", b"n2", b"n3", b"x", b"y", b"z", b"w", b"it's", b"sp ace", b"-p"];
    let odd: &[&[u8]] = &[b"..", b".", b"", b"a\tb", b"\xfe", b"c\x01t", b"n\nl", b"q\"d", b"a\\b", b"~t"];
    let l200 = "L".repeat(200);
    let longs: Vec<Vec<u8>> = vec![
        format!("{l200}/{}", "N".repeat(250)).into_bytes(),
        format!("{l200}/{}/q", "N".repeat(250)).into_bytes(),
        format!("slong/{}", "O".repeat(255)).into_bytes(),
        format!("slong/{}", "O".repeat(256)).into_bytes(),
        "M".repeat(255).into_bytes(),
        "M".repeat(256).into_bytes(),
        format!("{}/z", "P".repeat(256)).into_bytes(),
    ];
    let runs = twin_differential("mkdir", 0x6d_6b_d1_2025, 420, b"", corpus_setup, |case, rng| {
        // Both twins are built and run under the case's umask (the lock is
        // held for writing: no other test of this file runs meanwhile).
        set_umask(*rng.pick(UMASKS));
        let mut args: Vec<OsString> = Vec::new();
        if rng.chance(50) {
            args.push(OsString::from(*rng.pick(&["-p", "-pv", "--parents", "-vp", "--pa"])));
        }
        let mut dashdash = false;
        for _ in 0..1 + rng.below(4) {
            if rng.chance(18) {
                let o = if rng.chance(20) { *rng.pick(bad) } else { *rng.pick(options) };
                dashdash |= o == "--";
                args.push(OsString::from(o));
                continue;
            }
            if rng.chance(15) {
                let m = random_mode(rng);
                match rng.below(5) {
                    0 => args.push(format!("-m{m}").into()),
                    1 => args.push(format!("--mode={m}").into()),
                    2 => args.push(format!("--mo={m}").into()),
                    3 => {
                        args.push("--mode".into());
                        args.push(m.into());
                    }
                    _ => {
                        args.push(rng.pick(&["-m", "-pm", "-vm", "-vpm"]).to_string().into());
                        args.push(m.into());
                    }
                }
                continue;
            }
            // An operand: an existing prefix (or none), 0-4 components
            // (mostly at least one), now and then a long one, slashes and
            // dots between.
            let mut op: Vec<u8> = if rng.chance(55) { rng.pick(existing).to_vec() } else { Vec::new() };
            if rng.chance(8) {
                op = rng.pick(&longs).clone();
            }
            let comps = if rng.chance(15) { rng.below(5) } else { 1 + rng.below(4) };
            for _ in 0..comps {
                if !op.is_empty() || rng.chance(10) {
                    op.extend_from_slice(*rng.pick(SEPS));
                }
                op.extend_from_slice(if rng.chance(80) { *rng.pick(fresh) } else { *rng.pick(odd) });
            }
            if rng.chance(15) {
                op.extend_from_slice(*rng.pick(TAILS));
            }
            if rng.chance(5) {
                op.splice(0..0, b"./".iter().copied());
            }
            if !stays_inside(&op) {
                op = b"x".to_vec();
            }
            // One that looks like an option: after `--` only.
            if op.first() == Some(&b'-') && !dashdash {
                op.splice(0..0, b"./".iter().copied());
            }
            args.push(os(&op));
        }
        // Under POSIXLY_CORRECT the option words after the first operand
        // are names too: none holds a `/`, so they stay inside as well.
        (args, posix_every_fourth(case))
    });
    set_umask(0o022);
    assert!(runs >= 300 || gnu("mkdir").is_none(), "only {runs} cases ran");
}
