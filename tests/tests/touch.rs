//! touch: files created (mode 0666 less the umask) or given new times, and
//! the times checked to the nanosecond: now (within a few seconds of the
//! wall clock), -a/-m/--time (the other time kept exactly), -d with
//! `@EPOCH[.frac]` and ISO 8601 forms (and the forms GNU takes that we
//! refuse on purpose), -t stamps (68/69, `.60`, February 29), -r (to the
//! nanosecond, with -d relative to it), -h on symlinks, directories, `-`
//! (stdout's file, and a closed stdout), permission failures (as nobody
//! when we are root), missing parents, odd bytes in names, usage errors,
//! --help/--version; time zones end to end (TZ rules, zone files, TZ="",
//! a hidden or replaced /etc/localtime in a mount namespace); and a
//! differential run against GNU touch over generated argument vectors,
//! comparing outcomes, the entries left and their exact times. Every
//! hand-written case is also run by GNU's touch in a twin directory, which
//! must agree (times near "now" compare as "now").

mod common;
use common::*;
use std::collections::BTreeMap;
use std::ffi::{CString, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{symlink, MetadataExt};
use std::path::{Path, PathBuf};

const TRY: &str = "Try 'touch --help' for more information.\n";

/// (seconds, nanoseconds) of a timestamp.
type Ts = (i64, i64);

fn os(b: &[u8]) -> OsString {
    OsString::from_vec(b.to_vec())
}

/// Bytes as text for assertions: printable ASCII as is, the rest escaped.
fn show(b: &[u8]) -> String {
    b.escape_ascii().to_string()
}

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

extern "C" {
    fn utimensat(dirfd: i32, path: *const std::ffi::c_char, times: *const Timespec, flags: i32) -> i32;
    fn geteuid() -> u32;
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { geteuid() == 0 }
}

/// Sets `path`'s own times (a symlink's, not its target's).
fn set_times(path: &Path, a: Ts, m: Ts) {
    const AT_FDCWD: i32 = -100;
    const AT_SYMLINK_NOFOLLOW: i32 = 0x100;
    let c = CString::new(path.as_os_str().as_bytes()).unwrap();
    let t = [Timespec { sec: a.0, nsec: a.1 }, Timespec { sec: m.0, nsec: m.1 }];
    // SAFETY: a NUL-terminated path and two timespecs.
    let r = unsafe { utimensat(AT_FDCWD, c.as_ptr(), t.as_ptr(), AT_SYMLINK_NOFOLLOW) };
    assert_eq!(r, 0, "utimensat {}: {}", path.display(), std::io::Error::last_os_error());
}

/// The wall clock, in seconds.
fn wall() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// A time the command took as "now": within a few seconds of the clock.
fn is_now(t: Ts) -> bool {
    (t.0 - wall()).abs() <= 5
}

/// One entry left in a directory: type, permission bits, size, a
/// symlink's target, atime and mtime (never followed).
#[derive(Clone, Debug, PartialEq)]
struct Ent {
    kind: char,
    perm: u32,
    size: u64,
    link: Option<Vec<u8>>,
    a: Ts,
    m: Ts,
}

/// Every entry under `dir` (not `dir` itself), by relative path. Nothing
/// is read but the directories (reading a file could change its atime).
fn state(dir: &Path) -> BTreeMap<Vec<u8>, Ent> {
    fn walk(base: &Path, rel: &Path, out: &mut BTreeMap<Vec<u8>, Ent>) {
        let Ok(entries) = std::fs::read_dir(base.join(rel)) else { return };
        let mut subdirs = Vec::new();
        for entry in entries {
            let rel = rel.join(entry.unwrap().file_name());
            let md = std::fs::symlink_metadata(base.join(&rel)).unwrap();
            let ft = md.file_type();
            let kind = if ft.is_dir() {
                'd'
            } else if ft.is_symlink() {
                'l'
            } else if ft.is_file() {
                'f'
            } else {
                '?'
            };
            let e = Ent {
                kind,
                perm: md.mode() & 0o7777,
                size: if kind == 'f' { md.size() } else { 0 },
                link: None,
                a: (md.atime(), md.atime_nsec()),
                m: (md.mtime(), md.mtime_nsec()),
            };
            out.insert(rel.as_os_str().as_bytes().to_vec(), e);
            if kind == 'd' {
                subdirs.push(rel);
            }
        }
        // Links and subdirectories are read only once every time is taken.
        for (k, e) in out.iter_mut() {
            if e.kind == 'l' && e.link.is_none() {
                let to = std::fs::read_link(base.join(Path::new(std::ffi::OsStr::from_bytes(k)))).unwrap();
                e.link = Some(to.as_os_str().as_bytes().to_vec());
            }
        }
        for d in subdirs {
            walk(base, &d, out);
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, Path::new(""), &mut out);
    out
}

/// A time for comparing two runs: "now" if it is near the clock.
fn stamp(t: Ts) -> String {
    if is_now(t) {
        "now".into()
    } else {
        format!("{}.{:09}", t.0, t.1)
    }
}

/// A tree as lines, times near now as "now".
fn normal(tree: &BTreeMap<Vec<u8>, Ent>) -> Vec<String> {
    tree.iter()
        .map(|(k, e)| {
            format!(
                "{} {}{:o} {} {} a {} m {}",
                show(k),
                e.kind,
                e.perm,
                e.size,
                e.link.as_deref().map(show).unwrap_or_default(),
                stamp(e.a),
                stamp(e.m)
            )
        })
        .collect()
}

// The fixture's fixed times, far from now.
const F_A: Ts = (1_000_000_000, 111_111_111);
const F_M: Ts = (1_100_000_000, 222_222_222);
const REF1_A: Ts = (981_173_106, 123_456_789);
const REF1_M: Ts = (1_015_218_367, 500_000_000);
const REF2_A: Ts = (-1, 5);
const REF2_M: Ts = (2_147_483_653, 999_999_999);
const SL_A: Ts = (1_500_000_000, 3);
const SL_M: Ts = (1_500_000_001, 4);

/// The standard tree: files (one with bytes, empty ones, odd names, one
/// named `-`), two reference files, a directory with a file, an empty
/// directory, symlinks to a file, to a directory, to a reference, dangling
/// and looping. Every entry gets fixed times (symlinks their own).
fn fixture(dir: &Path) {
    std::fs::write(dir.join("f"), "data\n").unwrap();
    for f in [&b"g"[..], b"it's", b"a\nb", b"\xff\xfe", b"sp ace", b"-", b"ref1", b"ref2"] {
        std::fs::write(dir.join(os(f)), "").unwrap();
    }
    std::fs::create_dir_all(dir.join("d")).unwrap();
    std::fs::create_dir_all(dir.join("e")).unwrap();
    std::fs::write(dir.join("d/in"), "").unwrap();
    for (link, to) in [("sl", "f"), ("dang", "nowhere"), ("sd", "d"), ("loop", "loop"), ("sref", "ref1")] {
        symlink(to, dir.join(link)).unwrap();
    }
    let mut n = 0;
    for (k, _) in state(dir) {
        let p = dir.join(os(&k));
        let (a, m) = match &k[..] {
            b"f" => (F_A, F_M),
            b"ref1" => (REF1_A, REF1_M),
            b"ref2" => (REF2_A, REF2_M),
            b"sl" => (SL_A, SL_M),
            _ => {
                n += 1;
                ((1_200_000_000 + n * 1000, n * 7), (1_200_000_500 + n * 1000, n * 11))
            }
        };
        // Directories last, as their contents are done (d/in sorts after d).
        if k != b"d" {
            set_times(&p, a, m);
        }
    }
    set_times(&dir.join("d"), (1_300_000_000, 1), (1_300_000_001, 2));
}

/// The fixture as `state` sees it, right after it is made.
fn fixture_state() -> &'static BTreeMap<Vec<u8>, Ent> {
    static S: std::sync::OnceLock<BTreeMap<Vec<u8>, Ent>> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let dir = tempdir("touch-fixture");
        fixture(&dir);
        state(&dir)
    })
}

/// What one case left: the box's outcome and tree.
struct Run {
    out: Outcome,
    tree: BTreeMap<Vec<u8>, Ent>,
    dir: PathBuf,
}

impl Run {
    #[track_caller]
    fn ent(&self, name: &[u8]) -> &Ent {
        self.tree.get(name).unwrap_or_else(|| panic!("{} is not in the tree: {:#?}", show(name), normal(&self.tree)))
    }
    #[track_caller]
    fn times(&self, name: &str) -> (Ts, Ts) {
        let e = self.ent(name.as_bytes());
        (e.a, e.m)
    }
    #[track_caller]
    fn mtime(&self, name: &str) -> Ts {
        self.ent(name.as_bytes()).m
    }
    fn has(&self, name: &[u8]) -> bool {
        self.tree.contains_key(name)
    }
    /// Asserts status, empty stdout and stderr.
    #[track_caller]
    fn expect(&self, code: i32, err: &str) -> &Self {
        assert_eq!(
            (self.out.status, show(&self.out.stdout), show(&self.out.stderr)),
            (Some(code), String::new(), show(err.as_bytes())),
            "in {}",
            self.dir.display()
        );
        self
    }
    /// Asserts that the fixture is left as it was but for `changed` (which
    /// may have new times, or be new) and `now` (whose times are both now).
    #[track_caller]
    fn same_but(&self, changed: &[&[u8]]) -> &Self {
        let fx = fixture_state();
        for (k, e) in fx {
            if changed.contains(&&k[..]) {
                continue;
            }
            assert_eq!(self.tree.get(k), Some(e), "{} changed", show(k));
        }
        for k in self.tree.keys() {
            assert!(fx.contains_key(k) || changed.contains(&&k[..]), "{} is new", show(k));
        }
        self
    }
}

/// Runs `go(program, dir)` for the box in a fresh directory filled by
/// `build`, and (when present) for GNU's touch in a twin; asserts that the
/// two agree on status, stdout, stderr and the entries left with their
/// times (near now as "now"). A disagreement is tried once more, in case a
/// second or a day turned between the two runs.
fn twin_go(tag: &str, what: &str, build: &dyn Fn(&Path), go: &dyn Fn(&Path, &Path) -> Outcome) -> Run {
    let mut last = String::new();
    for _attempt in 0..2 {
        let ours = tempdir(&format!("touch-{tag}"));
        build(&ours);
        let got = go(bin(), &ours);
        let tree = state(&ours);
        let Some(g) = gnu("touch") else { return Run { out: got, tree, dir: ours } };
        let theirs = tempdir(&format!("touch-{tag}-gnu"));
        build(&theirs);
        let want = go(Path::new(&g), &theirs);
        let gtree = state(&theirs);
        if got == want && normal(&tree) == normal(&gtree) {
            return Run { out: got, tree, dir: ours };
        }
        last = format!(
            "touch {what}\nfemtobox: {}\nGNU: {}\nfemtobox tree: {:#?}\nGNU tree: {:#?}",
            got.show(),
            want.show(),
            normal(&tree),
            normal(&gtree)
        );
    }
    panic!("{last}");
}

/// `touch ARGS` with `env`, in the fixture built by `build`.
fn run_in(tag: &str, build: &dyn Fn(&Path), args: &[&[u8]], env: &[(&str, &str)]) -> Run {
    let args: Vec<OsString> = args.iter().map(|a| os(a)).collect();
    let what = format!("{args:?} {env:?}");
    twin_go(tag, &what, build, &|p, dir| outcome(p, "touch", &args, b"", env, dir))
}

fn run(tag: &str, args: &[&[u8]]) -> Run {
    run_in(tag, &fixture, args, &[("TZ", "UTC0")])
}

fn run_tz(tag: &str, args: &[&[u8]], tz: &str) -> Run {
    run_in(tag, &fixture, args, &[("TZ", tz)])
}

/// A bash line in the fixture, with `t` running the program as `touch`.
fn sh_run(tag: &str, line: &str, env: &[(&str, &str)]) -> Run {
    let script = format!("t() {{ (exec -a touch \"$P\" \"$@\"); }}; {line}");
    twin_go(tag, line, &fixture, &|p, dir| {
        let mut cmd = std::process::Command::new("bash");
        cmd.arg("-c").arg(&script).env_clear().env("LC_ALL", "C").env("PATH", "/usr/bin:/bin").env("P", p);
        cmd.current_dir(dir).envs(env.iter().copied()).stdin(std::process::Stdio::null());
        let o = cmd.output().expect("bash");
        Outcome { status: o.status.code(), stdout: o.stdout, stderr: o.stderr }
    })
}

/// A case GNU takes and we refuse on purpose (SPEC: `touch -d` accepts
/// `@EPOCH[.frac]` and ISO 8601 forms only): the box says `invalid date
/// format` and leaves the fixture as it was; GNU (when present) succeeds.
#[track_caller]
fn refused(args: &[&str], env: &[(&str, &str)]) {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    let d = args.iter().position(|a| a == "-d").map(|i| args[i + 1].to_string_lossy().into_owned()).unwrap();
    let dir = tempdir("touch-refused");
    fixture(&dir);
    let got = outcome(bin(), "touch", &args, b"", env, &dir);
    assert_eq!(
        (got.status, show(&got.stdout), show(&got.stderr)),
        (Some(1), String::new(), show(invalid(&d).as_bytes())),
        "touch {args:?}"
    );
    assert_eq!(&state(&dir), fixture_state(), "touch {args:?} changed the tree");
    if let Some(g) = gnu("touch") {
        let theirs = tempdir("touch-refused-gnu");
        fixture(&theirs);
        let want = outcome(Path::new(&g), "touch", &args, b"", env, &theirs);
        assert_eq!(
            want.status,
            Some(0),
            "GNU takes touch {args:?} (else it is no deliberate refusal): {}",
            want.show()
        );
    }
}

fn invalid(s: &str) -> String {
    format!("touch: invalid date format '{s}'\n")
}

#[test]
fn a_new_file_is_empty_with_mode_0666_less_the_umask_and_times_now() {
    if !has(&["touch"]) {
        return;
    }
    for (mask, perm) in [("022", 0o644), ("0", 0o666), ("027", 0o640), ("077", 0o600), ("0777", 0)] {
        let r = sh_run(&format!("umask{mask}"), &format!("umask {mask}; t new d/new 'n e w'"), &[]);
        r.expect(0, "").same_but(&[b"new", b"d/new", b"n e w", b"d"]);
        for name in [&b"new"[..], b"d/new", b"n e w"] {
            let e = r.ent(name);
            assert_eq!((e.kind, e.perm, e.size), ('f', perm, 0), "{} under umask {mask}", show(name));
            assert!(is_now(e.a) && is_now(e.m), "{}: {e:?}", show(name));
        }
        // The directory that got an entry has a new mtime (its atime kept).
        assert!(is_now(r.ent(b"d").m));
    }
    // Several operands, the same name twice, `./` and a long name.
    let long = "L".repeat(255);
    let r = run("create-many", &[b"x1", b"./x2", b"x1", long.as_bytes()]);
    r.expect(0, "").same_but(&[b"x1", b"x2", long.as_bytes()]);
    assert!(is_now(r.mtime("x1")) && is_now(r.mtime("x2")) && is_now(r.ent(long.as_bytes()).a));
    let too_long = "M".repeat(256);
    run("create-too-long", &[too_long.as_bytes()])
        .expect(1, &format!("touch: cannot touch '{too_long}': File name too long\n"))
        .same_but(&[]);
}

#[test]
fn an_existing_file_gets_now_and_keeps_its_bytes() {
    if !has(&["touch"]) {
        return;
    }
    let r = run("existing", &[b"f", b"g", b"-f", b"ref1"]);
    r.expect(0, "").same_but(&[b"f", b"g", b"ref1"]);
    for name in ["f", "g", "ref1"] {
        let (a, m) = r.times(name);
        assert!(is_now(a) && is_now(m), "{name}: {a:?} {m:?}");
    }
    assert_eq!((r.ent(b"f").size, r.ent(b"f").perm), (5, 0o644), "the bytes and mode are kept");
    // Through a symlink: the target's times; the link is only read.
    let r = run("existing-link", &[b"sl", b"sref"]);
    r.expect(0, "").same_but(&[b"f", b"ref1", b"sl", b"sref"]);
    assert!(is_now(r.mtime("f")) && is_now(r.mtime("ref1")));
    assert_eq!((r.mtime("sl"), r.mtime("sref")), (SL_M, fixture_state()[&b"sref"[..]].m), "links' mtimes kept");
    // A dangling link makes its target.
    let r = run("dangling", &[b"dang"]);
    r.expect(0, "").same_but(&[b"nowhere", b"dang"]);
    assert_eq!(r.ent(b"nowhere").kind, 'f');
    assert!(is_now(r.mtime("nowhere")));
    run("loop", &[b"loop"])
        .expect(1, "touch: cannot touch 'loop': Too many levels of symbolic links\n")
        .same_but(&[b"loop"]);
}

#[test]
fn no_create_on_a_missing_name_creates_nothing_and_succeeds() {
    if !has(&["touch"]) {
        return;
    }
    for opt in ["-c", "--no-create", "--no-c", "--no-cr"] {
        let r = run(&format!("nocreate{opt}"), &[opt.as_bytes(), b"missing", b"f", b"dang", b"d/none", b"nodir/x"]);
        r.expect(0, "").same_but(&[b"f", b"dang"]);
        assert!(!r.has(b"missing") && !r.has(b"nowhere") && !r.has(b"d/none"));
        assert!(is_now(r.mtime("f")));
    }
    // With a date too; bundled with other options.
    let r = run("nocreate-date", &[b"-cm", b"-d", b"@5", b"missing", b"g"]);
    r.expect(0, "").same_but(&[b"g"]);
    assert_eq!(r.times("g"), (fixture_state()[&b"g"[..]].a, (5, 0)));
    // A failure that is not "missing" is still reported.
    run("nocreate-notdir", &[b"-c", b"f/x", b"loop"])
        .expect(
            1,
            "touch: setting times of 'f/x': Not a directory\n\
             touch: setting times of 'loop': Too many levels of symbolic links\n",
        )
        .same_but(&[b"loop"]);
}

#[test]
fn access_or_modification_only_keeps_the_other_time_exactly() {
    if !has(&["touch"]) {
        return;
    }
    let t = (1_234_567_890, 500_000_000);
    for (i, opts) in [
        &["-a"][..],
        &["--time=atime"],
        &["--time=access"],
        &["--time=use"],
        &["--time=a"],
        &["--time=acc"],
        &["--time=u"],
        &["--ti=at"],
        &["--time", "access"],
    ]
    .iter()
    .enumerate()
    {
        let mut args: Vec<&[u8]> = opts.iter().map(|o| o.as_bytes()).collect();
        args.extend([&b"-d"[..], b"@1234567890.5", b"f", b"new"]);
        let r = run(&format!("atime{i}"), &args);
        r.expect(0, "").same_but(&[b"f", b"new"]);
        assert_eq!(r.times("f"), (t, F_M), "{opts:?}");
        // A new file: made now, then its atime set.
        let (a, m) = r.times("new");
        assert!(a == t && is_now(m), "{opts:?}: {a:?} {m:?}");
        // And now.
        let r =
            run(&format!("atime-now{i}"), &opts.iter().map(|o| o.as_bytes()).chain([&b"f"[..]]).collect::<Vec<_>>());
        r.expect(0, "").same_but(&[b"f"]);
        let (a, m) = r.times("f");
        assert!(is_now(a) && m == F_M, "{opts:?}: {a:?} {m:?}");
    }
    for (i, opts) in [&["-m"][..], &["--time=mtime"], &["--time=modify"], &["--time=m"], &["--time=mo"], &["--time=mt"]]
        .iter()
        .enumerate()
    {
        let mut args: Vec<&[u8]> = opts.iter().map(|o| o.as_bytes()).collect();
        args.extend([&b"-d"[..], b"@1234567890.5", b"f"]);
        let r = run(&format!("mtime{i}"), &args);
        r.expect(0, "").same_but(&[b"f"]);
        assert_eq!(r.times("f"), (F_A, t), "{opts:?}");
        let r =
            run(&format!("mtime-now{i}"), &opts.iter().map(|o| o.as_bytes()).chain([&b"f"[..]]).collect::<Vec<_>>());
        r.expect(0, "").same_but(&[b"f"]);
        let (a, m) = r.times("f");
        assert!(a == F_A && is_now(m), "{opts:?}: {a:?} {m:?}");
    }
    // Both of them is both.
    for (i, opts) in
        [&["-a", "-m"][..], &["-am"], &["-a", "--time=mtime"], &["--time=use", "--time=modify"]].iter().enumerate()
    {
        let mut args: Vec<&[u8]> = opts.iter().map(|o| o.as_bytes()).collect();
        args.extend([&b"-d"[..], b"@1234567890.5", b"f"]);
        run(&format!("both{i}"), &args).expect(0, "").same_but(&[b"f"]);
        assert_eq!(run(&format!("both-again{i}"), &args).times("f"), (t, t));
    }
}

#[test]
fn time_words_are_matched_as_argmatch_matches_them() {
    if !has(&["touch"]) {
        return;
    }
    let valid = "Valid arguments are:\n  - 'atime', 'access', 'use'\n  - 'mtime', 'modify'\n";
    for word in ["bogus", "atimes", "x", "A", "ATIME", "access ", "mtime\n", "modifyy"] {
        let arg = format!("--time={word}");
        run(&format!("badtime-{}", word.len()), &[arg.as_bytes(), b"f", b"new"])
            .expect(1, &format!("touch: invalid argument '{}' for '--time'\n{valid}{TRY}", word.escape_default()))
            .same_but(&[]);
    }
    // Every word matches the empty prefix: ambiguous.
    run("ambiguous", &[b"--time=", b"f"])
        .expect(1, &format!("touch: ambiguous argument '' for '--time'\n{valid}{TRY}"))
        .same_but(&[]);
    run("time-noarg", &[b"f", b"--time"])
        .expect(1, &format!("touch: option '--time' requires an argument\n{TRY}"))
        .same_but(&[]);
}

#[test]
fn date_at_epoch_with_fractions_and_signs() {
    if !has(&["touch"]) {
        return;
    }
    let cases: &[(&str, Ts)] = &[
        ("@0", (0, 0)),
        ("@1.5", (1, 500_000_000)),
        ("@1,5", (1, 500_000_000)),
        ("@-1.5", (-2, 500_000_000)),
        ("@-0.5", (-1, 500_000_000)),
        ("@1.123456789", (1, 123_456_789)),
        ("@1.1234567899", (1, 123_456_789)),
        ("@1.000000000999", (1, 0)),
        ("@-1.0000000001", (-2, 999_999_999)),
        ("@-1.000000000", (-1, 0)),
        ("@1700000000.000000001", (1_700_000_000, 1)),
        ("@+5", (5, 0)),
        ("@ 5", (5, 0)),
        (" @5 ", (5, 0)),
        ("@2147483648", (2_147_483_648, 0)),
        ("@-2147483648", (-2_147_483_648, 0)),
        ("@4102444800.25", (4_102_444_800, 250_000_000)),
    ];
    for (i, (d, want)) in cases.iter().enumerate() {
        let r = run(&format!("epoch{i}"), &[b"-d", d.as_bytes(), b"f", b"new"]);
        r.expect(0, "").same_but(&[b"f", b"new"]);
        assert_eq!(r.times("f"), (*want, *want), "-d {d:?}");
        assert_eq!(r.times("new"), (*want, *want), "-d {d:?}");
        // The zone does not matter to an epoch.
        let r = run_tz(&format!("epoch-tz{i}"), &[b"--date", d.as_bytes(), b"f"], "Asia/Kathmandu");
        assert_eq!(r.times("f"), (*want, *want), "-d {d:?}");
    }
    for d in ["@", "@1e3", "@1.5.5", "@1.", "@.5", "@-", "@5x", "@@5", "@99999999999999999999", "@0x10", "5@"] {
        run(&format!("epoch-bad-{}", d.len()), &[b"-d", d.as_bytes(), b"new", b"f"])
            .expect(1, &invalid(d))
            .same_but(&[]);
    }
}

#[test]
fn date_iso_forms_with_zones() {
    if !has(&["touch"]) {
        return;
    }
    // (string, TZ, seconds, nanoseconds)
    let cases: &[(&str, &str, i64, i64)] = &[
        ("2024-01-31 13:45:00.5 +01:00", "UTC0", 1_706_705_100, 500_000_000),
        ("2024-01-31T13:45Z", "UTC0", 1_706_708_700, 0),
        ("2024-01-31t13:45z", "UTC0", 1_706_708_700, 0),
        ("2024-01-31T13:45:59", "UTC0", 1_706_708_759, 0),
        ("2024-01-31 13:45:00,25", "UTC0", 1_706_708_700, 250_000_000),
        ("2024-01-31 10:00:00.123456789123", "UTC0", 1_706_695_200, 123_456_789),
        ("2024-01-31   10:00", "UTC0", 1_706_695_200, 0),
        ("2024-01-31 10:00 UTC", "UTC0", 1_706_695_200, 0),
        ("2024-01-31 10:00 utc", "UTC0", 1_706_695_200, 0),
        ("2024-01-31 10:00 GMT", "Asia/Tokyo", 1_706_695_200, 0),
        ("2024-01-31 10:00 gmt+0530", "UTC0", 1_706_675_400, 0),
        ("2024-01-31 10:00 +0530", "UTC0", 1_706_675_400, 0),
        ("2024-01-31 10:00 -05", "UTC0", 1_706_713_200, 0),
        ("2024-01-31 10 -05", "UTC0", 1_706_713_200, 0),
        ("2024-01-31 10:00-05:30", "Europe/Paris", 1_706_715_000, 0),
        ("2024-01-01 12:00 +24:00", "UTC0", 1_704_024_000, 0),
        ("10:00 2024-01-31", "UTC0", 1_706_695_200, 0),
        ("2024-01-31", "UTC0", 1_706_659_200, 0),
        ("2024-01-31", "Asia/Kathmandu", 1_706_638_500, 0),
        ("2024-07-01T12:00", "Europe/Paris", 1_719_828_000, 0),
        ("2024-01-01T12:00", "Europe/Paris", 1_704_106_800, 0),
        ("69-01-01", "UTC0", -31_536_000, 0),
        ("68-12-31", "UTC0", 3_124_137_600, 0),
        ("1969-12-31 23:59:59.999999999", "UTC0", -1, 999_999_999),
        ("2024-02-29", "UTC0", 1_709_164_800, 0),
    ];
    for (i, (d, tz, s, ns)) in cases.iter().enumerate() {
        let r = run_tz(&format!("iso{i}"), &[b"-d", d.as_bytes(), b"f", b"new"], tz);
        r.expect(0, "").same_but(&[b"f", b"new"]);
        assert_eq!(r.times("f"), ((*s, *ns), (*s, *ns)), "TZ={tz} -d {d:?}");
        assert_eq!(r.times("new"), ((*s, *ns), (*s, *ns)), "TZ={tz} -d {d:?}");
    }
}

#[test]
fn a_date_alone_is_midnight_and_a_time_alone_is_today() {
    if !has(&["touch"]) {
        return;
    }
    let today = wall() / 86400 * 86400;
    for (i, (d, offset)) in
        [("12:00", 43200), ("00:00:00.5", 0), ("23:59:59", 86399), ("10:00Z", 36000), ("Z 10:00", 36000)]
            .iter()
            .enumerate()
    {
        let r = run(&format!("today{i}"), &[b"-d", d.as_bytes(), b"f"]);
        r.expect(0, "").same_but(&[b"f"]);
        let m = r.mtime("f");
        // (The day may have turned since `today` was read.)
        assert!(m.0 == today + offset || m.0 == today + 86400 + offset, "-d {d}: {m:?}");
    }
    // In other zones "today" is theirs: compared with GNU at the same moment.
    for tz in ["Asia/Kathmandu", "EST5EDT,M3.2.0,M11.1.0", "Pacific/Kiritimati", "Etc/GMT+12"] {
        for d in ["12:00", "00:30", "23:30:00.25", "12:00+14:00", "01:00 -12", "2024-01-31"] {
            run_tz(&format!("today-{}", tz.len()), &[b"-d", d.as_bytes(), b"f"], tz).expect(0, "").same_but(&[b"f"]);
        }
    }
}

#[test]
fn invalid_dates_are_refused_and_nothing_is_created() {
    if !has(&["touch"]) {
        return;
    }
    // GNU refuses these too.
    for d in [
        "2024-02-30",
        "2023-02-29",
        "2023-02-29 00:00",
        "2024-13-01",
        "2024-00-10",
        "2024-01-00",
        "2024-01-32",
        "24:00",
        "12:60",
        "12:00:60",
        "2024-01-31T10:00:60",
        "2024-01-01 12:00 +24:01",
        "2024-01-01T",
        "1:2:3:4",
        "12:00:00:00",
        "2024-01-01 2024-01-02",
        "12:00 13:00",
        "2024-01-01 Z Z",
        "noon",
        "midnight",
        "it's",
        "a\nb",
        "\u{ff}",
    ] {
        let r = run(&format!("invalid-{}", d.len()), &[b"-d", d.as_bytes(), b"new", b"f"]);
        let shown = d.replace('\'', "\\'").replace('\n', "\\n").replace('\u{ff}', "\\303\\277");
        r.expect(1, &invalid(&shown)).same_but(&[]);
    }
    // GNU's date parser takes these; we refuse them on purpose (SPEC: -d
    // accepts @EPOCH[.frac] and ISO 8601 only; date.rs: no relative items,
    // words, pure numbers or comments).
    for d in [
        "next tuesday",
        "2 days ago",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "1 hour ago",
        "+1 day",
        "2024-01-01 +1 day",
        "Jan 1 2024",
        "1 Jan 2024",
        "2024-01-31 EST",
        "2024-01-31 10:00 CET",
        "monday",
        "20240131",
        "(a comment) 2024-01-01",
        "2024-01-01 (a comment)",
        "1/31/2024",
        // GNU reads a lone `T` as the military zone T (UTC-7).
        "T12:00",
        "12:00 T",
        "",
        " ",
    ] {
        refused(&["-d", d, "new", "f"], &[("TZ", "UTC0")]);
    }
}

#[test]
fn stamps_for_t_with_centuries_leap_seconds_and_february_29() {
    if !has(&["touch"]) {
        return;
    }
    let cases: &[(&str, i64)] = &[
        ("202402291200", 1_709_208_000),
        ("2402291200", 1_709_208_000),
        ("6801010000", 3_092_601_600),
        ("6901010000", -31_536_000),
        ("9912312359.59", 946_684_799),
        ("0001010000", 946_684_800),
        ("196912312359.59", -1),
        ("202412312359.60", 1_735_689_600),
        ("197001010000.60", 60),
        ("197001010000.00", 0),
        ("1301011200", 1_357_041_600),
        ("200002291200", 951_825_600),
        ("203801190314.08", 2_147_483_648),
    ];
    for (i, (t, want)) in cases.iter().enumerate() {
        let r = run(&format!("stamp{i}"), &[b"-t", t.as_bytes(), b"f", b"new"]);
        r.expect(0, "").same_but(&[b"f", b"new"]);
        assert_eq!(r.times("f"), ((*want, 0), (*want, 0)), "-t {t}");
        assert_eq!(r.times("new"), ((*want, 0), (*want, 0)), "-t {t}");
    }
    // Without a year, this year (in TZ): compared with GNU.
    for t in ["01011200", "12312359.60", "06151200.30", "02281200", "02291200", "12310000.59"] {
        let r = run(&format!("stamp-year-{t}"), &[b"-t", t.as_bytes(), b"f"]);
        if r.out.status == Some(0) {
            r.same_but(&[b"f"]);
        }
    }
    for t in [
        "202302291200",
        "190002291200",
        "210002291200",
        "01321200",
        "13011200",
        "00011200",
        "01001200",
        "12312400",
        "12312360",
        "196912312400",
        "0101120",
        "010112000",
        "01011200.6",
        "01011200.61",
        "01011200.",
        "01011200.600",
        "0101120a",
        "2024010112",
        "20240101120000",
        "202401011200.5x",
        "+1011200",
        " 01011200",
        "01011200 ",
        "",
        "0101-1200",
        "04311200",
    ] {
        run(&format!("stamp-bad-{}", t.len()), &[b"-t", t.as_bytes(), b"new", b"f"])
            .expect(1, &invalid(t))
            .same_but(&[]);
    }
}

#[test]
fn times_from_more_than_one_source_are_refused() {
    if !has(&["touch"]) {
        return;
    }
    let err = format!("touch: cannot specify times from more than one source\n{TRY}");
    for (i, args) in [
        &["-t", "202401011200", "-d", "12:00"][..],
        &["-d", "12:00", "-t", "202401011200"],
        &["-t", "202401011200", "-r", "ref1"],
        &["-r", "ref1", "-t", "202401011200"],
        &["--reference=missing", "-t", "202401011200"],
        &["-d", "bad", "-t", "202401011200"],
        &["-t", "202401011200", "-d", "12:00", "-r", "ref1"],
        &["-ct", "202401011200", "--date=@5"],
    ]
    .iter()
    .enumerate()
    {
        let mut a: Vec<&[u8]> = args.iter().map(|s| s.as_bytes()).collect();
        a.extend([&b"new"[..], b"f"]);
        run(&format!("sources{i}"), &a).expect(1, &err).same_but(&[]);
    }
    // A bad -t is seen as it is parsed, before the other source.
    run("sources-bad-t", &[b"-t", b"bad", b"-d", b"12:00", b"new"]).expect(1, &invalid("bad")).same_but(&[]);
    // -t twice: the last one.
    let r = run("sources-t-twice", &[b"-t", b"202401011200", b"-t", b"197001010000", b"f"]);
    r.expect(0, "").same_but(&[b"f"]);
    assert_eq!(r.times("f"), ((0, 0), (0, 0)));
    // -d twice: the last one; -r and -d together: relative (see below).
    let r = run("sources-d-twice", &[b"-d", b"@7", b"--date=@8", b"f"]);
    assert_eq!(r.times("f"), ((8, 0), (8, 0)));
}

#[test]
fn reference_times_are_copied_to_the_nanosecond() {
    if !has(&["touch"]) {
        return;
    }
    for (i, opts) in
        [&["-r", "ref1"][..], &["--reference=ref1"], &["--ref", "ref1"], &["-rref1"], &["--r=ref1"]].iter().enumerate()
    {
        let mut a: Vec<&[u8]> = opts.iter().map(|s| s.as_bytes()).collect();
        a.extend([&b"f"[..], b"new", b"d"]);
        let r = run(&format!("ref{i}"), &a);
        r.expect(0, "").same_but(&[b"f", b"new", b"d"]);
        for name in ["f", "new", "d"] {
            assert_eq!(r.times(name), (REF1_A, REF1_M), "{opts:?} {name}");
        }
    }
    // Before 1970 and after 2038.
    let r = run("ref2", &[b"-r", b"ref2", b"f"]);
    r.expect(0, "").same_but(&[b"f"]);
    assert_eq!(r.times("f"), (REF2_A, REF2_M));
    // A reference through a symlink: the target's; with -h, the link's own.
    let r = run("ref-link", &[b"-r", b"sref", b"f"]);
    r.expect(0, "").same_but(&[b"f", b"sref"]);
    assert_eq!(r.times("f"), (REF1_A, REF1_M));
    let own = fixture_state()[&b"sref"[..]].clone();
    let r = run("ref-link-h", &[b"-h", b"-r", b"sref", b"f"]);
    r.expect(0, "").same_but(&[b"f"]);
    assert_eq!(r.times("f"), (own.a, own.m));
    let r = run("ref-dang-h", &[b"-h", b"-r", b"dang", b"f"]);
    r.expect(0, "").same_but(&[b"f"]);
    let own = &fixture_state()[&b"dang"[..]];
    assert_eq!(r.times("f"), (own.a, own.m));
    // The reference itself, and a file referring to itself.
    let r = run("ref-self", &[b"-r", b"f", b"f", b"g"]);
    r.expect(0, "").same_but(&[b"g"]);
    assert_eq!(r.times("g"), (F_A, F_M));
    // Only one of the times.
    let r = run("ref-m", &[b"-m", b"-r", b"ref1", b"f"]);
    assert_eq!(r.times("f"), (F_A, REF1_M));
    let r = run("ref-a", &[b"-a", b"-r", b"ref1", b"f", b"new"]);
    assert_eq!(r.times("f"), (REF1_A, F_M));
    assert!(r.times("new").0 == REF1_A && is_now(r.mtime("new")));
    // A missing reference: nothing is touched or made.
    for (i, (name, why)) in [
        ("missing", "No such file or directory"),
        ("dang", "No such file or directory"),
        ("loop", "Too many levels of symbolic links"),
        ("f/x", "Not a directory"),
        ("", "No such file or directory"),
        ("it's-gone", "No such file or directory"),
    ]
    .iter()
    .enumerate()
    {
        let q = if name.contains('\'') { format!("\"{name}\"") } else { format!("'{name}'") };
        run(&format!("ref-missing{i}"), &[b"-r", name.as_bytes(), b"new", b"f"])
            .expect(1, &format!("touch: failed to get attributes of {q}: {why}\n"))
            .same_but(&[b"dang", b"loop"]);
    }
    run("ref-missing-d", &[b"-d", b"bad", b"-r", b"missing", b"new"])
        .expect(1, "touch: failed to get attributes of 'missing': No such file or directory\n")
        .same_but(&[]);
}

#[test]
fn a_date_with_a_reference_is_relative_to_its_times() {
    if !has(&["touch"]) {
        return;
    }
    // (args before the operand, TZ, atime, mtime)
    let cases: &[(&[&str], &str, Ts, Ts)] = &[
        // ref1: atime 2001-02-03 04:05:06.123456789Z, mtime 2002-03-04 05:06:07.5Z
        (&["-r", "ref1", "-d", "12:00"], "UTC0", (981_201_600, 0), (1_015_243_200, 0)),
        (&["-r", "ref1", "-d", "12:00"], "Asia/Kathmandu", (981_180_900, 0), (1_015_222_500, 0)),
        (&["-d", "23:59:59.75", "-r", "ref1"], "UTC0", (981_244_799, 750_000_000), (1_015_286_399, 750_000_000)),
        (&["-r", "ref1", "-d", "12:00+05"], "UTC0", (981_183_600, 0), (1_015_225_200, 0)),
        (&["-r", "ref1", "-d", "2020-01-01"], "UTC0", (1_577_836_800, 0), (1_577_836_800, 0)),
        (&["-r", "ref1", "-d", "@7"], "UTC0", (7, 0), (7, 0)),
        (&["-r", "ref2", "-d", "00:00"], "UTC0", (-86_400, 0), (2_147_472_000, 0)),
        (&["-a", "-r", "ref1", "-d", "12:00"], "UTC0", (981_201_600, 0), F_M),
        (&["-m", "-r", "ref1", "-d", "12:00"], "UTC0", F_A, (1_015_243_200, 0)),
        (&["-h", "-r", "sl", "-d", "00:00:01"], "UTC0", (1_499_990_401, 0), (1_499_990_401, 0)),
    ];
    for (i, (opts, tz, a, m)) in cases.iter().enumerate() {
        let mut args: Vec<&[u8]> = opts.iter().map(|s| s.as_bytes()).collect();
        args.push(b"f");
        let r = run_tz(&format!("relative{i}"), &args, tz);
        r.expect(0, "").same_but(&[b"f", b"sl"]);
        assert_eq!(r.times("f"), (*a, *m), "TZ={tz} {opts:?}");
    }
    refused(&["-r", "ref1", "-d", "2 days ago", "f"], &[("TZ", "UTC0")]);
    refused(&["-m", "-r", "ref1", "-d", "next tuesday", "f"], &[("TZ", "UTC0")]);
    run("relative-gap", &[b"-r", b"ref1", b"-d", b"2024-02-30", b"f"]).expect(1, &invalid("2024-02-30")).same_but(&[]);
}

#[test]
fn no_dereference_sets_a_symlink_s_own_times() {
    if !has(&["touch"]) {
        return;
    }
    for opt in ["-h", "--no-dereference", "--no-d"] {
        let r = run(&format!("nodereference{opt}"), &[opt.as_bytes(), b"-d", b"@77.5", b"sl", b"dang", b"sd", b"g"]);
        r.expect(0, "").same_but(&[b"sl", b"dang", b"sd", b"g"]);
        for name in ["sl", "dang", "sd", "g"] {
            assert_eq!(r.times(name), ((77, 500_000_000), (77, 500_000_000)), "{opt} {name}");
        }
        assert!(!r.has(b"nowhere"), "-h creates no target");
        assert_eq!(r.times("f"), (F_A, F_M), "the target is untouched");
        // Now.
        let r = run(&format!("nodereference-now{opt}"), &[opt.as_bytes(), b"sl"]);
        r.expect(0, "").same_but(&[b"sl"]);
        assert!(is_now(r.mtime("sl")) && is_now(r.times("sl").0));
    }
    // Only one of a link's times.
    let r = run("nodereference-m", &[b"-hm", b"-d", b"@9", b"sl"]);
    assert_eq!(r.times("sl"), (SL_A, (9, 0)));
    // Without -h the target's times change (the link is only followed).
    let r = run("dereference", &[b"-d", b"@77", b"sl"]);
    r.expect(0, "").same_but(&[b"f", b"sl"]);
    assert_eq!((r.times("f"), r.mtime("sl")), (((77, 0), (77, 0)), SL_M));
    // A missing name: -h creates nothing, and says so unless -c.
    run("nodereference-missing", &[b"-h", b"missing", b"g"])
        .expect(1, "touch: setting times of 'missing': No such file or directory\n")
        .same_but(&[b"g"]);
    run("nodereference-missing-c", &[b"-hc", b"missing"]).expect(0, "").same_but(&[]);
    run("nodereference-trailing", &[b"-h", b"sd/", b"dang/", b"sl/"])
        .expect(
            1,
            "touch: setting times of 'dang/': No such file or directory\n\
             touch: setting times of 'sl/': Not a directory\n",
        )
        .same_but(&[b"d", b"sd", b"dang", b"sl"]);
}

#[test]
fn a_directory_operand_gets_its_times_without_an_error() {
    if !has(&["touch"]) {
        return;
    }
    let r = run("dirs", &[b"-d", b"@1000.25", b"d", b"e/", b"sd/", b".", b"d/."]);
    r.expect(0, "").same_but(&[b"d", b"e", b"sd"]);
    assert_eq!(r.times("d"), ((1000, 250_000_000), (1000, 250_000_000)));
    assert_eq!(r.times("e"), ((1000, 250_000_000), (1000, 250_000_000)));
    let r = run("dirs-now", &[b"d", b"-c", b"e"]);
    r.expect(0, "").same_but(&[b"d", b"e"]);
    assert!(is_now(r.mtime("d")) && is_now(r.mtime("e")));
    let r = run("dirs-a", &[b"-a", b"-t", b"200001010000", b"d"]);
    assert_eq!(r.times("d"), ((946_684_800, 0), fixture_state()[&b"d"[..]].m));
    // A file with a trailing slash is not a directory.
    run("dirs-file-slash", &[b"f/", b"g/."])
        .expect(1, "touch: setting times of 'f/': Not a directory\ntouch: cannot touch 'g/.': Not a directory\n")
        .same_but(&[]);
}

#[test]
fn a_dash_is_the_file_on_stdout() {
    if !has(&["touch"]) {
        return;
    }
    let r = sh_run("dash-file", "t -d @5.25 - > out", &[]);
    r.expect(0, "").same_but(&[b"out"]);
    assert_eq!(r.times("out"), ((5, 250_000_000), (5, 250_000_000)));
    let r = sh_run("dash-a", "t -a -d @6 - >> f", &[]);
    r.expect(0, "").same_but(&[b"f"]);
    assert_eq!(r.times("f"), ((6, 0), F_M));
    let r = sh_run("dash-h", "t -h -t 197001010001 - > out", &[]);
    assert_eq!(r.times("out"), ((60, 0), (60, 0)));
    let r = sh_run("dash-now", "t - >> f", &[]);
    r.expect(0, "").same_but(&[b"f"]);
    assert!(is_now(r.mtime("f")) && is_now(r.times("f").0));
    // The file named `-` is `./-`.
    let r = sh_run("dash-named", "t -d @3 ./- - > out", &[]);
    assert_eq!((r.times("-"), r.times("out")), (((3, 0), (3, 0)), ((3, 0), (3, 0))));
    // A closed stdout: an error, unless -c.
    sh_run("dash-closed", "t - >&-", &[]).expect(1, "touch: setting times of '-': Bad file descriptor\n").same_but(&[]);
    sh_run("dash-closed-d", "t -d @5 - g >&-", &[])
        .expect(1, "touch: setting times of '-': Bad file descriptor\n")
        .same_but(&[b"g"]);
    sh_run("dash-closed-c", "t -c - >&-", &[]).expect(0, "").same_but(&[]);
    sh_run("dash-closed-c-d", "t -c -d @5 - >&-", &[]).expect(0, "").same_but(&[]);
    // No file descriptor takes stdout's place for a new file.
    let r = sh_run("dash-closed-new", "t new - >&-", &[]);
    r.expect(1, "touch: setting times of '-': Bad file descriptor\n").same_but(&[b"new"]);
    // stdout on /dev/null: its times are not ours to check, but it works.
    sh_run("dash-null", "t -c - > /dev/null && echo ok >&2", &[]).expect(0, "ok\n");
}

#[test]
fn a_file_in_an_unwritable_directory_cannot_be_touched() {
    if !has(&["touch"]) {
        return;
    }
    let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].into_iter().find(|p| Path::new(p).exists());
    if is_root() && setpriv.is_none() {
        eprintln!("skipped: running as root without setpriv, so permission failures are not checked");
        return;
    }
    let build = |d: &Path| {
        fixture(d);
        for (name, mode) in [("ro/old", 0o644), ("ro/w", 0o666)] {
            std::fs::create_dir_all(d.join("ro")).unwrap();
            std::fs::write(d.join(name), "").unwrap();
            std::fs::set_permissions(d.join(name), std::os::unix::fs::PermissionsExt::from_mode(mode)).unwrap();
            set_times(&d.join(name), (1_111_111_111, 1), (1_111_111_112, 2));
        }
        std::fs::set_permissions(d.join("ro"), std::os::unix::fs::PermissionsExt::from_mode(0o555)).unwrap();
        set_times(&d.join("ro"), (1_111_111_113, 3), (1_111_111_114, 4));
        // The path down to it must be searchable by nobody.
        let _ = std::process::Command::new("chmod").arg("a+rx").arg(d).status();
    };
    let as_user = |args: &[&str]| -> Run {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let what = format!("{args:?} (as nobody: {})", is_root());
        let r = twin_go("unwritable", &what, &build, &|p, dir| {
            let mut cmd = match (is_root(), setpriv) {
                (true, Some(sp)) => {
                    let mut c = std::process::Command::new(sp);
                    c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg("bash");
                    c
                }
                _ => std::process::Command::new("bash"),
            };
            cmd.arg("-c").arg("exec -a touch \"$P\" \"$@\"").arg("bash").args(&args);
            cmd.env_clear().env("LC_ALL", "C").env("P", p).env("TZ", "UTC0").current_dir(dir);
            let o = cmd.output().expect("spawn");
            Outcome { status: o.status.code(), stdout: o.stdout, stderr: o.stderr }
        });
        let _ = std::process::Command::new("chmod").args(["-R", "u+rwx"]).arg(&r.dir).status();
        r
    };
    as_user(&["ro/f"]).expect(1, "touch: cannot touch 'ro/f': Permission denied\n");
    as_user(&["-c", "ro/f"]).expect(0, "");
    if !is_root() {
        eprintln!("skipped: not root, so files owned by another user are not checked");
        return;
    }
    // Owned by root, not writable: neither opened nor given times.
    let r = as_user(&["ro/old"]);
    r.expect(1, "touch: cannot touch 'ro/old': Permission denied\n");
    assert_eq!(r.times("ro/old"), ((1_111_111_111, 1), (1_111_111_112, 2)));
    as_user(&["-c", "ro/old"]).expect(1, "touch: setting times of 'ro/old': Permission denied\n");
    as_user(&["-c", "-d", "@5", "ro/old"]).expect(1, "touch: setting times of 'ro/old': Operation not permitted\n");
    // Writable by all but not ours: now works, a given time does not.
    let r = as_user(&["ro/w"]);
    r.expect(0, "");
    assert!(is_now(r.mtime("ro/w")));
    let r = as_user(&["-d", "@5", "ro/w"]);
    r.expect(1, "touch: setting times of 'ro/w': Operation not permitted\n");
    assert_eq!(r.times("ro/w"), ((1_111_111_111, 1), (1_111_111_112, 2)));
    as_user(&["-a", "ro/w"]).expect(1, "touch: setting times of 'ro/w': Operation not permitted\n");
    as_user(&["-m", "ro/w"]).expect(1, "touch: setting times of 'ro/w': Operation not permitted\n");
    as_user(&["-r", "f", "ro/w"]).expect(1, "touch: setting times of 'ro/w': Operation not permitted\n");
}

#[test]
fn a_missing_parent_cannot_be_touched_and_the_rest_go_on() {
    if !has(&["touch"]) {
        return;
    }
    let r = run("noparent", &[b"nodir/f", b"g", b"f/x", b"d/nodir/x", b"dang/x", b"", b"new"]);
    r.expect(
        1,
        "touch: cannot touch 'nodir/f': No such file or directory\n\
         touch: cannot touch 'f/x': Not a directory\n\
         touch: cannot touch 'd/nodir/x': No such file or directory\n\
         touch: cannot touch 'dang/x': No such file or directory\n\
         touch: cannot touch '': No such file or directory\n",
    )
    .same_but(&[b"g", b"new", b"dang"]);
    assert!(is_now(r.mtime("g")) && is_now(r.mtime("new")));
    run("noparent-h", &[b"-h", b""]).expect(1, "touch: setting times of '': No such file or directory\n").same_but(&[]);
}

#[test]
fn missing_operands_and_bad_options_are_usage_errors() {
    if !has(&["touch"]) {
        return;
    }
    let missing = format!("touch: missing file operand\n{TRY}");
    for (i, args) in [
        &[][..],
        &["-a"],
        &["-c", "-m"],
        &["-d", "@5"],
        &["-t", "202401011200"],
        &["-r", "ref1"],
        &["--"],
        &["-h", "--time=mtime"],
    ]
    .iter()
    .enumerate()
    {
        let a: Vec<&[u8]> = args.iter().map(|s| s.as_bytes()).collect();
        run(&format!("nooperand{i}"), &a).expect(1, &missing).same_but(&[]);
    }
    // The time is read before the operands are counted.
    run("nooperand-bad-d", &[b"-d", b"bad"]).expect(1, &invalid("bad")).same_but(&[]);
    run("nooperand-bad-r", &[b"-r", b"missing"])
        .expect(1, "touch: failed to get attributes of 'missing': No such file or directory\n")
        .same_but(&[]);
    for (i, (args, err)) in [
        (&["-x", "new"][..], "touch: invalid option -- 'x'\n"),
        (&["-Z", "new"], "touch: invalid option -- 'Z'\n"),
        (&["-acx", "new"], "touch: invalid option -- 'x'\n"),
        (&["--foo", "new"], "touch: unrecognized option '--foo'\n"),
        (&["--no", "new"], "touch: option '--no' is ambiguous; possibilities: '--no-create' '--no-dereference'\n"),
        (&["new", "-d"], "touch: option requires an argument -- 'd'\n"),
        (&["new", "-r"], "touch: option requires an argument -- 'r'\n"),
        (&["new", "-t"], "touch: option requires an argument -- 't'\n"),
        (&["new", "--date"], "touch: option '--date' requires an argument\n"),
        (&["new", "--reference"], "touch: option '--reference' requires an argument\n"),
        (&["--help=1", "new"], "touch: option '--help' doesn't allow an argument\n"),
        (&["--version=", "new"], "touch: option '--version' doesn't allow an argument\n"),
        (&["--no-create=1", "new"], "touch: option '--no-create' doesn't allow an argument\n"),
        (&["--context", "new"], "touch: unrecognized option '--context'\n"),
    ]
    .iter()
    .enumerate()
    {
        let a: Vec<&[u8]> = args.iter().map(|s| s.as_bytes()).collect();
        run(&format!("badopt{i}"), &a).expect(1, &format!("{err}{TRY}")).same_but(&[]);
    }
    // `--` ends the options; POSIXLY_CORRECT stops at the first operand.
    let r = run("dashdash", &[b"--", b"-a", b"new"]);
    r.expect(0, "").same_but(&[b"-a", b"new"]);
    let r = run_in("posix", &fixture, &[b"new", b"-c"], &[("POSIXLY_CORRECT", "1")]);
    r.expect(0, "").same_but(&[b"new", b"-c"]);
    let r = run("permute", &[b"new", b"-d", b"@5"]);
    r.expect(0, "").same_but(&[b"new"]);
    assert_eq!(r.times("new"), ((5, 0), (5, 0)));
}

#[test]
fn help_and_version_and_their_prefixes() {
    if !has(&["touch"]) {
        return;
    }
    let version = format!("touch (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    let dir = tempdir("touch-help");
    for args in
        [&["--version"][..], &["--v"], &["--vers"], &["-a", "--version", "x"], &["--version", "--help"], &["x", "--v"]]
    {
        run_as("touch").args(args).current_dir(&dir).assert().code(0).stdout(version.clone()).stderr("");
    }
    for args in
        [&["--help"][..], &["--h"], &["--he"], &["-c", "--help", "x"], &["--help", "--version"], &["x", "--help"]]
    {
        run_as("touch")
            .args(args)
            .current_dir(&dir)
            .assert()
            .code(0)
            .stdout(help_is("touch [OPTION]... FILE...", &["-a", "-c", "-d", "-f", "-h", "-m", "-r", "-t"], 2))
            .stderr("");
    }
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "--help and --version touch nothing");
    // An error before --help wins.
    run("help-after-error", &[b"-x", b"--help"]).expect(1, &format!("touch: invalid option -- 'x'\n{TRY}"));
    run("help-after-bad-t", &[b"-t", b"bad", b"--help"]).expect(1, &invalid("bad"));
}

#[test]
fn odd_bytes_in_names_are_made_and_quoted_as_gnu_quotes_them() {
    if !has(&["touch"]) {
        return;
    }
    let r =
        run("odd", &[b"-d", b"@42", b"it's", b"a\nb", b"\xff\xfe", b"sp ace", b"new\x01", b"\xe9t\xe9", b"tab\there"]);
    r.expect(0, "").same_but(&[b"it's", b"a\nb", b"\xff\xfe", b"sp ace", b"new\x01", b"\xe9t\xe9", b"tab\there"]);
    for name in [&b"it's"[..], b"a\nb", b"\xff\xfe", b"sp ace", b"new\x01", b"\xe9t\xe9", b"tab\there"] {
        let e = r.ent(name);
        assert_eq!((e.kind, e.a, e.m), ('f', (42, 0), (42, 0)), "{}", show(name));
    }
    let r = run(
        "odd-errors",
        &[b"nodir/it's", b"nodir/a\nb", b"nodir/\xff", b"nodir/sp ace", b"nodir/it's\x01", b"nodir/\""],
    );
    r.expect(
        1,
        "touch: cannot touch \"nodir/it's\": No such file or directory\n\
         touch: cannot touch 'nodir/a'$'\\n''b': No such file or directory\n\
         touch: cannot touch 'nodir/'$'\\377': No such file or directory\n\
         touch: cannot touch 'nodir/sp ace': No such file or directory\n\
         touch: cannot touch '''nodir/it'\\''s'$'\\001': No such file or directory\n\
         touch: cannot touch 'nodir/\"': No such file or directory\n",
    );
    // -d and -t quote their argument in another style.
    run("odd-d", &[b"-d", b"it's\x01", b"new"]).expect(1, "touch: invalid date format 'it\\'s\\001'\n").same_but(&[]);
    run("odd-t", &[b"-t", b"a\nb", b"new"]).expect(1, "touch: invalid date format 'a\\nb'\n").same_but(&[]);
}

/// The zones every end-to-end case runs under (None: TZ unset).
const ZONES: &[Option<&str>] = &[
    None,
    Some("UTC0"),
    Some("EST5EDT,M3.2.0,M11.1.0"),
    Some("Europe/Paris"),
    Some(":America/New_York"),
    Some("Asia/Kathmandu"),
    Some("Nonexistent/Zone"),
    Some("/usr/share/zoneinfo/Asia/Tokyo"),
    Some(""),
    Some(":"),
    Some("<+0530>-5:30"),
    Some("EST5EDT,junk"),
    Some("CET-1CEST,M3.5.0,M10.5.0/3"),
    Some("Australia/Lord_Howe"),
    Some("America/St_Johns"),
    Some("NZST-12NZDT,M9.5.0,M4.1.0/3"),
    Some("EST5EDT,J60,J300"),
    Some("IST-5:30"),
    Some("/dev/null"),
];

#[test]
fn time_zones_end_to_end_agree_with_gnu() {
    if !has(&["touch"]) {
        return;
    }
    // Ordinary times, DST gaps and folds in the US and Europe, far years.
    let dates = [
        "2024-07-01T12:00",
        "2024-01-15 08:30:00.5",
        "2024-03-10 02:30",
        "2024-03-10 01:59:59",
        "2024-03-10 03:00",
        "2024-11-03 01:30",
        "2024-03-31 02:30",
        "2024-10-27 02:30",
        "2024-04-07 02:15",
        "1970-01-01",
        "1969-12-31 23:00",
        "2038-01-19 03:14:08",
        "2100-06-01T12:00",
        "1900-06-01",
        "12:00",
        "2024-07-01T12:00Z",
        "2024-07-01T12:00+02:00",
    ];
    let stamps = [
        "202403100230",
        "202403310230",
        "202411030130",
        "202410270230",
        "203807010000",
        "06151200",
        "12312359.60",
        "197001010000",
    ];
    let (mut runs, mut ok) = (0, 0);
    for tz in ZONES {
        let env: Vec<(&str, &str)> = tz.iter().map(|v| ("TZ", *v)).collect();
        let tag = format!("tz{}", tz.map_or(0, str::len));
        for d in dates {
            let r = run_in(&tag, &fixture, &[b"-d", d.as_bytes(), b"f"], &env);
            runs += 1;
            ok += usize::from(r.out.status == Some(0));
        }
        for t in stamps {
            let r = run_in(&tag, &fixture, &[b"-t", t.as_bytes(), b"f"], &env);
            runs += 1;
            ok += usize::from(r.out.status == Some(0));
        }
        let r = run_in(&tag, &fixture, &[b"-r", b"ref1", b"-d", b"12:00", b"f"], &env);
        r.expect(0, "");
        runs += 1;
    }
    // $TZDIR: where a relative zone name is looked up (empty: the default).
    for env in [
        &[("TZDIR", "/nonexistent"), ("TZ", "Asia/Tokyo")][..],
        &[("TZDIR", "/usr/share/zoneinfo/Asia"), ("TZ", "Tokyo")],
        &[("TZDIR", ""), ("TZ", "Asia/Tokyo")],
        &[("TZDIR", "/nonexistent"), ("TZ", "/usr/share/zoneinfo/Asia/Tokyo")],
        &[("TZDIR", "/nonexistent"), ("TZ", "")],
        &[("TZDIR", "/usr/share/zoneinfo/America"), ("TZ", "../Asia/Tokyo")],
    ] {
        for d in ["2024-07-01T12:00", "2024-03-10T02:30", "12:00"] {
            run_in("tzdir", &fixture, &[b"-d", d.as_bytes(), b"f"], env);
            runs += 1;
        }
    }
    eprintln!("touch: {runs} runs across {} zones and $TZDIR settings agreed with GNU ({ok} exited 0)", ZONES.len());
    // A few exact values (also when GNU is absent).
    for (tz, args, want) in [
        (Some("Asia/Kathmandu"), ["-t", "202401011200"], 1_704_089_700),
        (Some("EST5EDT,M3.2.0,M11.1.0"), ["-d", "2024-07-01T12:00"], 1_719_849_600),
        (Some(":America/New_York"), ["-d", "2024-11-03 01:30"], 1_730_611_800),
        (Some("Europe/Paris"), ["-d", "2024-10-27 02:30"], 1_729_992_600),
        (Some("/usr/share/zoneinfo/Asia/Tokyo"), ["-d", "2024-07-01T12:00"], 1_719_802_800),
        (Some("Nonexistent/Zone"), ["-d", "2024-07-01T12:00"], 1_719_835_200),
        (Some(""), ["-d", "2024-07-01T12:00"], 1_719_835_200),
        (Some("<+0530>-5:30"), ["-t", "202401011200"], 1_704_090_600),
    ] {
        let env: Vec<(&str, &str)> = tz.iter().map(|v| ("TZ", *v)).collect();
        let r = run_in("tz-exact", &fixture, &[args[0].as_bytes(), args[1].as_bytes(), b"f"], &env);
        r.expect(0, "");
        assert_eq!(r.mtime("f"), (want, 0), "TZ={tz:?} {args:?}");
    }
    // In a DST gap there is no such time.
    for (tz, d) in [("EST5EDT,M3.2.0,M11.1.0", "2024-03-10 02:30"), ("Europe/Paris", "2024-03-31 02:30")] {
        run_tz("tz-gap", &[b"-d", d.as_bytes(), b"new"], tz).expect(1, &invalid(d)).same_but(&[]);
    }
    run_tz("tz-gap-t", &[b"-t", b"202403100230", b"new"], ":America/New_York").expect(1, &invalid("202403100230"));
}

/// glibc's zones that tz.rs documents as not followed (deliberate
/// differences, README "The applets"): a rule with DST names but no dates
/// is read with glibc's fallback dates `M3.2.0,M11.1.0` (glibc shifts the
/// `posixrules` file's transitions instead: the same from 2007 to 2037),
/// and a `right/` zone as the zone without its leap seconds. Asserted as
/// that: each run equals the run under the zone written out; where GNU
/// differs it is said.
#[test]
fn zones_tz_rs_leaves_out_are_read_as_documented() {
    if !has(&["touch"]) {
        return;
    }
    let g = gnu("touch");
    let mut cases: Vec<(&str, &str, [&str; 2])> = Vec::new();
    for args in [["-t", "202403100230"], ["-t", "203807010000"], ["-d", "2100-06-01T12:00"], ["-d", "2024-07-01T12:00"]] {
        cases.push(("AAA3BBB", "AAA3BBB,M3.2.0,M11.1.0", args));
    }
    if Path::new("/usr/share/zoneinfo/right/UTC").exists() {
        cases.push(("right/UTC", "UTC", ["-d", "2024-07-01T12:00"]));
        cases.push(("right/Europe/Paris", "Europe/Paris", ["-t", "202401011200"]));
    } else {
        eprintln!("skipped: no right/ zones");
    }
    let run = |p: &Path, tz: &str, args: [&str; 2]| {
        let dir = tempdir("touch-left-out");
        fixture(&dir);
        let o = outcome(p, "touch", &[args[0].into(), args[1].into(), "f".into()], b"", &[("TZ", tz)], &dir);
        let m = state(&dir).get(&b"f"[..]).map(|e| stamp(e.m));
        format!("{} mtime {m:?}", o.show().replace('\n', " "))
    };
    for (tz, written, args) in cases {
        let (ours, want) = (run(bin(), tz, args), run(bin(), written, args));
        assert_eq!(ours, want, "TZ={tz} touch {} {} f, against TZ={written}", args[0], args[1]);
        if let Some(g) = &g {
            let theirs = run(Path::new(g), tz, args);
            if theirs != ours {
                eprintln!("TZ={tz} touch {} {} f: GNU differs (documented)\n  femtobox: {ours}\n  GNU:      {theirs}", args[0], args[1]);
            }
        }
    }
}

#[test]
fn etc_localtime_replaced_or_hidden_in_a_mount_namespace() {
    if !has(&["touch"]) {
        return;
    }
    if !Path::new("/etc/localtime").exists() || bash("unshare -m true").status != Some(0) {
        eprintln!(
            "skipped: no /etc/localtime or no mount namespace here, so a different /etc/localtime is not checked"
        );
        return;
    }
    let Some(g) = gnu("touch") else { return };
    let work = tempdir("touch-localtime");
    let tokyo = std::fs::read("/usr/share/zoneinfo/Asia/Tokyo").expect("Asia/Tokyo");
    std::fs::write(work.join("truncated"), &tokyo[..60]).unwrap();
    std::fs::write(work.join("rule"), "EST5EDT\n").unwrap();
    std::fs::write(work.join("empty"), "").unwrap();
    // (what is mounted over /etc/localtime, mtime of -d 2024-07-01T12:00 or None for compare-only)
    // ("none": a tmpfs over /etc, so that there is no /etc/localtime at all.)
    let sources: [(&str, Option<i64>); 6] = [
        ("none", Some(1_719_835_200)),
        ("/usr/share/zoneinfo/Asia/Tokyo", Some(1_719_802_800)),
        ("/usr/share/zoneinfo/America/New_York", Some(1_719_849_600)),
        ("truncated", Some(1_719_835_200)),
        ("rule", Some(1_719_835_200)),
        ("empty", Some(1_719_835_200)),
    ];
    let args = ["-d 2024-07-01T12:00", "-t 202401011200", "-d 2024-03-10T02:30", "-d 12:00", "-r ref1 -d 00:00"];
    for (src, want) in sources {
        let src = if src.starts_with('/') || src == "none" { PathBuf::from(src) } else { work.join(src) };
        let mount = if src == Path::new("none") {
            "mount -t tmpfs none /etc".to_string()
        } else {
            format!("mount --bind '{}' /etc/localtime", src.display())
        };
        for (i, a) in args.iter().enumerate() {
            let (ours, theirs) = (work.join(format!("ours{i}")), work.join(format!("gnu{i}")));
            for d in [&ours, &theirs] {
                let _ = std::fs::remove_dir_all(d);
                std::fs::create_dir_all(d).unwrap();
                fixture(d);
            }
            let script = format!(
                "{mount} || exit 99\n\
                 cd '{}' && (exec -a touch '{}' {a} f) 2>err; echo $? > status\n\
                 cd '{}' && (exec -a touch '{g}' {a} f) 2>err; echo $? > status\n",
                ours.display(),
                bin().display(),
                theirs.display()
            );
            std::fs::write(work.join("script"), &script).unwrap();
            let o = bash(&format!("unshare -m bash '{}'", work.join("script").display()));
            if o.status == Some(99) {
                eprintln!("skipped: cannot bind-mount over /etc/localtime: {}", String::from_utf8_lossy(&o.stderr));
                return;
            }
            assert_eq!(o.status, Some(0), "{}", o.show());
            let read = |d: &Path| {
                (std::fs::read_to_string(d.join("status")).unwrap(), std::fs::read_to_string(d.join("err")).unwrap())
            };
            let (so, st) = (state(&ours), state(&theirs));
            assert_eq!(read(&ours), read(&theirs), "/etc/localtime = {}: touch {a}", src.display());
            let strip = |t: &BTreeMap<Vec<u8>, Ent>| {
                let mut t = normal(t);
                t.retain(|l| !l.starts_with("err ") && !l.starts_with("status "));
                t
            };
            assert_eq!(strip(&so), strip(&st), "/etc/localtime = {}: touch {a}", src.display());
            if i == 0 {
                assert_eq!(so[&b"f"[..]].m, (want.unwrap(), 0), "/etc/localtime = {}", src.display());
            }
        }
    }
}

/// Generated -d strings: ISO dates and times with zones (valid, out of
/// range, in DST gaps), epochs with fractions, and near misses.
fn gen_date(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=4 => {
            let mut s = String::new();
            let year = *rng.pick(&[
                "2024", "2023", "1970", "1969", "2038", "2100", "1900", "69", "68", "00", "99", "0001", "10000",
            ]);
            let month = *rng.pick(&["01", "02", "03", "06", "10", "11", "12", "13", "00", "7"]);
            let day = *rng.pick(&["01", "10", "27", "28", "29", "30", "31", "32", "00", "3"]);
            let with_date = rng.chance(80);
            if with_date {
                s += &format!("{year}-{month}-{day}");
            }
            if !with_date || rng.chance(70) {
                if with_date {
                    s += *rng.pick(&["T", " ", "t", "  ", "T "]);
                }
                let h = *rng.pick(&["00", "01", "02", "03", "12", "23", "24", "9"]);
                s += h;
                let minutes = rng.chance(90);
                if minutes {
                    s += &format!(":{}", rng.pick(&["00", "30", "59", "60", "5"]));
                    if rng.chance(50) {
                        s += &format!(":{}", rng.pick(&["00", "59", "60", "07"]));
                        if rng.chance(40) {
                            let n = 1 + rng.below(12);
                            let digits: String = (0..n).map(|_| (b'0' + rng.below(10) as u8) as char).collect();
                            s += &format!("{}{digits}", rng.pick(&[".", ","]));
                        }
                    }
                }
                // (An hour alone is ISO only with an offset after it; else
                // it is a pure number, which we refuse on purpose.)
                s += *if minutes {
                    rng.pick(&[
                        "", "", "", "Z", "z", " UTC", " GMT", "+01:00", " -0530", "+5", "-12", "+14:00", "+24:00",
                        "+24:01", " UTC+3", " Z+2", "-03:30", "+",
                    ])
                } else {
                    rng.pick(&["+01:00", " -0530", "+5", "-12", "+14:00", "+24:00", "+24:01", "-03:30"])
                };
            }
            if rng.chance(5) {
                s = format!(" {s} ");
            }
            s
        }
        5..=7 => {
            let sec: i64 = match rng.below(4) {
                0 => rng.below(100) as i64,
                1 => rng.next() as i32 as i64,
                2 => 1_700_000_000 + rng.below(100_000_000) as i64,
                _ => -(rng.below(3_000_000_000) as i64),
            };
            let mut s = format!("@{sec}");
            if rng.chance(60) {
                let n = 1 + rng.below(12);
                let digits: String = (0..n).map(|_| (b'0' + rng.below(10) as u8) as char).collect();
                s += &format!("{}{digits}", rng.pick(&[".", ","]));
            }
            s
        }
        _ => rng
            .pick(&[
                "@",
                "@.5",
                "@1.",
                "@-",
                "@ -3.5",
                "@+7",
                "12:",
                "12:00:",
                "1:2:3",
                "2024-01",
                "2024--01-01",
                "2024-01-01T",
                "2024-01-01 12:00 +",
                "2024-01-01 Z Z",
                "12:00 13:00",
                "@5 Z",
                "2024-01-01 2024-01-02",
                "00:00",
                "23:59:59.999999999",
                "noon",
                "24:00",
            ])
            .to_string(),
    }
}

/// Generated -t stamps: every length, fields in and out of range, and junk.
fn gen_stamp(rng: &mut Rng) -> String {
    if rng.chance(15) {
        return rng
            .pick(&[
                "",
                "0101120",
                "01011200.",
                "01011200.6",
                "0101120a",
                "+1011200",
                "01011200 ",
                "2024010112",
                "20240101120000",
                "x",
            ])
            .to_string();
    }
    let mut s = String::new();
    match rng.below(3) {
        0 => {}
        1 => s += *rng.pick(&["68", "69", "00", "99", "24", "23", "38"]),
        _ => s += *rng.pick(&["2024", "2023", "1969", "1970", "2038", "2100", "1900", "1999", "2000", "0000", "9999"]),
    }
    s += *rng.pick(&["01", "02", "03", "06", "10", "11", "12", "00", "13"]);
    s += *rng.pick(&["01", "03", "10", "27", "28", "29", "30", "31", "00", "32"]);
    s += *rng.pick(&["00", "01", "02", "03", "12", "23", "24"]);
    s += *rng.pick(&["00", "15", "30", "59", "60"]);
    if rng.chance(50) {
        s += *rng.pick(&[".00", ".59", ".60", ".61", ".07", ".6", ".600"]);
    }
    s
}

#[test]
fn touch_matches_gnu_on_a_random_corpus() {
    if !has(&["touch"]) {
        return;
    }
    let Some(g) = gnu("touch") else { return };
    let mut rng = Rng(std::env::var("TOUCH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x70c4_0009));
    let flags: &[&str] = &[
        "-a",
        "-m",
        "-c",
        "-h",
        "-f",
        "-am",
        "-cm",
        "-ch",
        "-acm",
        "-hm",
        "--no-create",
        "--no-dereference",
        "--no-c",
        "--time=atime",
        "--time=access",
        "--time=use",
        "--time=mtime",
        "--time=modify",
        "--time=a",
        "--time=mo",
        "--time=bogus",
        "--time=",
        "--",
        "--foo",
        "-x",
        "-Z",
        "--no",
        "--help=x",
    ];
    let refs: &[&str] = &["ref1", "ref2", "sref", "sl", "dang", "d", "f", "missing", "loop", "it's", "-"];
    let names: &[&[u8]] = &[
        b"f",
        b"g",
        b"new",
        b"new",
        b"d",
        b"d/",
        b"e",
        b"d/in",
        b"d/new",
        b"sl",
        b"dang",
        b"sd",
        b"sd/",
        b"loop",
        b"f/",
        b"nodir/x",
        b"-",
        b"./-",
        b"",
        b"it's",
        b"a\nb",
        b"\xff\xfe",
        b"sp ace",
        b"n\x01ew",
        b"ref1",
        b".",
        b"dang/",
    ];
    let zones: Vec<Option<&str>> = ZONES.to_vec();
    let (ours, theirs) = (tempdir("touch-diff-ours"), tempdir("touch-diff-gnu"));
    let (mut runs, mut succeeded, mut fixed) = (0, 0, 0);
    for case in 0..std::env::var("TOUCH_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(500) {
        let mut args: Vec<OsString> = Vec::new();
        // At most one time source most of the time; sometimes two.
        let sources = if rng.chance(10) { 2 } else { usize::from(rng.chance(80)) };
        let mut pending: Vec<Vec<OsString>> = Vec::new();
        for _ in 0..sources {
            pending.push(match rng.below(4) {
                0 | 1 => {
                    let d = gen_date(&mut rng);
                    match rng.below(3) {
                        0 => vec!["-d".into(), d.into()],
                        1 => vec![format!("--date={d}").into()],
                        _ => vec![format!("-d{d}").into()],
                    }
                }
                2 => vec!["-t".into(), gen_stamp(&mut rng).into()],
                _ => {
                    let r = *rng.pick(refs);
                    let mut v: Vec<OsString> = if rng.chance(50) {
                        vec!["-r".into(), r.into()]
                    } else {
                        vec![format!("--reference={r}").into()]
                    };
                    if rng.chance(40) {
                        v.extend(["-d".into(), gen_date(&mut rng).into()]);
                    }
                    v
                }
            });
        }
        let nflags = rng.below(3);
        for _ in 0..nflags {
            if rng.chance(25) {
                continue;
            }
            pending.push(vec![(*rng.pick(flags)).into()]);
        }
        for _ in 0..rng.below(4) {
            pending.push(vec![os(*rng.pick(names))]);
        }
        // Options and operands in any order (permutation, or not under
        // POSIXLY_CORRECT).
        while !pending.is_empty() {
            let at = rng.below(pending.len());
            args.extend(pending.remove(at));
        }
        let mut env: Vec<(&str, &str)> = Vec::new();
        if let Some(tz) = *rng.pick(&zones) {
            env.push(("TZ", tz));
        }
        if case % 9 == 0 {
            env.push(("POSIXLY_CORRECT", "1"));
        }
        let mut last = None;
        for _attempt in 0..2 {
            for dir in [&ours, &theirs] {
                let _ = std::fs::remove_dir_all(dir);
                std::fs::create_dir_all(dir).unwrap();
                fixture(dir);
            }
            let got = outcome(bin(), "touch", &args, b"", &env, &ours);
            let a = state(&ours);
            let want = outcome(Path::new(&g), "touch", &args, b"", &env, &theirs);
            let b = state(&theirs);
            if got == want && normal(&a) == normal(&b) {
                last = None;
                succeeded += usize::from(got.status == Some(0));
                // Cases whose times are all fixed (none near now) compare exactly.
                fixed += usize::from(!normal(&a).iter().any(|l| l.contains(" a now") || l.contains(" m now")));
                break;
            }
            last = Some(format!(
                "touch {args:?} {env:?}\nfemtobox: {}\nGNU: {}\nfemtobox tree: {:#?}\nGNU tree: {:#?}",
                got.show(),
                want.show(),
                normal(&a),
                normal(&b)
            ));
        }
        if let Some(msg) = last {
            panic!("{msg}");
        }
        runs += 1;
    }
    eprintln!(
        "touch: {runs} argument vectors compared with GNU, trees and times included ({succeeded} exited 0, {fixed} with no time near now)"
    );
}

/// The time operands alone, many more of them: `-d` and `-t` strings from
/// the generators under every zone, on an existing and a new file, with
/// -a or -m now and then; every time left compared to the nanosecond.
#[test]
fn dates_and_stamps_match_gnu_in_every_zone() {
    if !has(&["touch"]) {
        return;
    }
    let Some(g) = gnu("touch") else { return };
    let mut rng = Rng(0xda7e_0001);
    let (ours, theirs) = (tempdir("touch-dates-ours"), tempdir("touch-dates-gnu"));
    let (mut runs, mut succeeded) = (0, 0);
    for _ in 0..600 {
        let mut args: Vec<OsString> = Vec::new();
        if rng.chance(20) {
            args.push((*rng.pick(&["-a", "-m", "-c", "-h"])).into());
        }
        if rng.chance(60) {
            args.extend(["-d".into(), gen_date(&mut rng).into()]);
        } else {
            args.extend(["-t".into(), gen_stamp(&mut rng).into()]);
        }
        args.extend(["f".into(), "new".into()]);
        let env: Vec<(&str, &str)> = rng.pick(ZONES).iter().map(|tz| ("TZ", *tz)).collect();
        let mut last = None;
        for _attempt in 0..2 {
            for dir in [&ours, &theirs] {
                let _ = std::fs::remove_dir_all(dir);
                std::fs::create_dir_all(dir).unwrap();
                fixture(dir);
            }
            let got = outcome(bin(), "touch", &args, b"", &env, &ours);
            let want = outcome(Path::new(&g), "touch", &args, b"", &env, &theirs);
            let (a, b) = (normal(&state(&ours)), normal(&state(&theirs)));
            if got == want && a == b {
                last = None;
                succeeded += usize::from(got.status == Some(0));
                break;
            }
            last = Some(format!(
                "touch {args:?} {env:?}\nfemtobox: {}\nGNU: {}\nfemtobox tree: {a:#?}\nGNU tree: {b:#?}",
                got.show(),
                want.show()
            ));
        }
        if let Some(msg) = last {
            panic!("{msg}");
        }
        runs += 1;
    }
    eprintln!("touch: {runs} -d/-t strings compared with GNU across {} zones ({succeeded} exited 0)", ZONES.len());
}
