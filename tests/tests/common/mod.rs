//! Shared by every test file: find (or build) the shipped binary and run it
//! under any argv[0], with a clean environment and a timeout.
#![allow(dead_code, unused_imports)]

pub use assert_cmd::assert::OutputAssertExt;
use assert_cmd::Command;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

/// The workspace root (this package lives in `tests/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

/// The binary that ships: `$FEMTOBOX`, or `target/femtobox` built by
/// `make build` (once per test process, so plain `cargo test` works too).
pub fn bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(p) = std::env::var_os("FEMTOBOX") {
            return PathBuf::from(p);
        }
        let out = std::process::Command::new("make")
            .args(["-s", "build"])
            .current_dir(root())
            .output()
            .expect("cannot run make: run `make test` from the workspace root");
        assert!(
            out.status.success(),
            "`make build` failed; run `make test` from the workspace root\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        root().join("target/femtobox")
    })
}

/// The unstripped twin of the shipped binary (same code, with symbols).
pub fn symbols_bin() -> PathBuf {
    let triple = match arch() {
        "riscv64" => "riscv64gc-unknown-none-elf".to_string(),
        a => format!("{a}-unknown-none"),
    };
    root().join("target").join(triple).join("symbols/femtobox")
}

/// The architecture the binary under test is built for, from its ELF
/// header: x86_64, aarch64 or riscv64.
pub fn arch() -> &'static str {
    static ARCH: OnceLock<&'static str> = OnceLock::new();
    ARCH.get_or_init(|| {
        let head = std::fs::read(bin()).expect("read the binary");
        match head.get(18..20) {
            Some([183, 0]) => "aarch64",
            Some([243, 0]) => "riscv64",
            _ => "x86_64",
        }
    })
}

/// The binary is another architecture's (make test ARCH=aarch64|riscv64):
/// it runs under qemu-user, which the kernel starts for it (binfmt_misc,
/// scripts/qemu-user.sh), so every test runs it as it runs a native one.
pub fn foreign() -> bool {
    arch() != std::env::consts::ARCH
}

/// What qemu-user changes in the environment it hands the box: it builds
/// envp anew, in reverse order, one entry per name, none without `=`.
pub const QEMU_ENV: &str = "the inherited environment as given (qemu-user rebuilds envp: reversed, one entry per name, none without '=')";

/// Entries of the environment the box inherits, each followed by `\n`, in
/// the order it sees them: as given natively, reversed under qemu-user.
pub fn inherited(entries: &[&[u8]]) -> Vec<u8> {
    let mut v: Vec<&[u8]> = entries.to_vec();
    if foreign() {
        v.reverse();
    }
    v.iter().flat_map(|e| e.iter().copied().chain([b'\n'])).collect()
}

/// A differential outcome as the emulated box can match it: for env and
/// printenv the lines in sorted order (qemu-user reverses the environment),
/// for uname the host's machine name as the emulated one (GNU's uname
/// runs natively). Unchanged natively.
pub fn emulated(name: &str, mut o: Outcome) -> Outcome {
    if !foreign() {
        return o;
    }
    if name == "env" || name == "printenv" {
        let mut lines: Vec<&[u8]> = o.stdout.split(|&b| b == b'\n' || b == 0).collect();
        lines.sort();
        o.stdout = lines.join(&b'\n');
    } else if name == "uname" {
        let text = String::from_utf8_lossy(&o.stdout).replace(std::env::consts::ARCH, arch());
        o.stdout = text.into_bytes();
    }
    o
}

/// False (and a note) under qemu-user, for the few checks whose subject is
/// the host process rather than the box: `what` says which and why.
pub fn native(what: &str) -> bool {
    if foreign() {
        eprintln!("skipped under qemu-{}: {what}", arch());
    }
    !foreign()
}

/// The box as a plain std Command with `argv0` as argv[0], in the C locale:
/// for redirecting its stdio (then `.output().unwrap().assert()`).
pub fn std_as(argv0: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(bin());
    cmd.arg0(argv0).env_clear().env("LC_ALL", "C");
    cmd
}

/// A command running the box with `argv0` as argv[0] (no symlink needed),
/// in the C locale, with a 10 s timeout.
pub fn run_as(argv0: &str) -> Command {
    let mut cmd = Command::from_std(std_as(argv0));
    cmd.timeout(Duration::from_secs(10));
    cmd
}

/// The same for a real program (the GNU reference).
pub fn run_real(path: &str) -> Command {
    let mut std_cmd = std::process::Command::new(path);
    std_cmd.env_clear().env("LC_ALL", "C");
    let mut cmd = Command::from_std(std_cmd);
    cmd.timeout(Duration::from_secs(10));
    cmd
}

/// `/bin/NAME` when it is GNU coreutils; None (and a note) otherwise.
pub fn gnu(name: &str) -> Option<String> {
    let path = format!("/bin/{name}");
    let out = std::process::Command::new(&path).arg("--version").output().ok()?;
    if String::from_utf8_lossy(&out.stdout).contains("GNU coreutils") {
        Some(path)
    } else {
        eprintln!("skipped: {path} is not GNU coreutils");
        None
    }
}

/// strace's path, or None (and a note saying what is skipped).
pub fn strace(what: &str) -> Option<PathBuf> {
    if !native(&format!("{what} (strace would see qemu-user's own calls)")) {
        return None;
    }
    for dir in ["/usr/bin", "/bin", "/usr/local/bin"] {
        let p = Path::new(dir).join("strace");
        if p.exists() {
            return Some(p);
        }
    }
    eprintln!("skipped: strace is not installed, so {what} is not checked (make test installs it)");
    None
}

/// The system calls the box makes run as `NAME ARGS...` (through a symlink
/// named NAME, under `strace -f`), in order, without the execve that starts
/// it; stdout goes to /dev/null. Under qemu-user the emulator's own log of
/// the guest's calls (QEMU_LOG=strace: `PID name(args) = result` a line,
/// from the first call after the exec) says the same.
pub fn syscalls(name: &str, args: &[&str]) -> Option<Vec<String>> {
    let dir = tempdir("strace");
    let link = dir.join(name);
    std::os::unix::fs::symlink(bin(), &link).expect("symlink");
    let log = dir.join("log");
    if foreign() {
        let status = std::process::Command::new(&link)
            .args(args)
            .env("QEMU_LOG", "strace")
            .env("QEMU_LOG_FILENAME", &log)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("the box runs");
        assert!(status.code().is_some(), "the box died: {status:?}");
        let text = std::fs::read_to_string(&log).expect("qemu's log");
        return Some(text.lines().filter_map(|l| l.split_once(' ')?.1.split('(').next()).map(str::to_string).collect());
    }
    let strace = strace("the system-call count")?;
    let status = std::process::Command::new(strace)
        .arg("-f")
        .arg("-o")
        .arg(&log)
        .arg("--")
        .arg(&link)
        .args(args)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("strace runs");
    assert!(status.code().is_some(), "strace died: {status:?}");
    let text = std::fs::read_to_string(&log).expect("strace log");
    let calls: Vec<String> = text
        .lines()
        .map(|l| l.split_once(' ').map_or(l, |(_pid, rest)| rest).trim_start())
        .filter(|l| !l.starts_with("+++") && !l.starts_with("---"))
        .filter_map(|l| l.split('(').next())
        .map(str::to_string)
        .collect();
    assert_eq!(calls.first().map(String::as_str), Some("execve"), "strace log:\n{text}");
    Some(calls[1..].to_vec())
}

/// A fresh, empty directory under the target dir, unique to this call.
pub fn tempdir(tag: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = root().join("target/test-tmp").join(format!(
        "{tag}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// A small deterministic PRNG (xorshift64*), so corpora are reproducible
/// without a dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// What one run produced.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    pub status: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Outcome {
    pub fn show(&self) -> String {
        format!(
            "status {:?}\nstdout {:?}\nstderr {:?}",
            self.status,
            String::from_utf8_lossy(&self.stdout),
            String::from_utf8_lossy(&self.stderr)
        )
    }
}

/// Runs `program` with argv[0] = `argv0`, the given args, stdin bytes,
/// environment (on top of `LC_ALL=C`) and working directory.
pub fn outcome(
    program: &Path,
    argv0: &str,
    args: &[std::ffi::OsString],
    stdin: &[u8],
    env: &[(&str, &str)],
    cwd: &Path,
) -> Outcome {
    use std::io::Write;
    let mut cmd = std::process::Command::new(program);
    cmd.arg0(argv0).args(args).env_clear().env("LC_ALL", "C").current_dir(cwd);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait");
    let _ = feeder.join();
    Outcome { status: out.status.code(), stdout: out.stdout, stderr: out.stderr }
}

/// FNV-1a, 64 bits: enough to compare long streams without keeping them.
pub fn fnv(hash: &mut u64, data: &[u8]) {
    for &b in data {
        *hash ^= b as u64;
        *hash = hash.wrapping_mul(0x100_0000_01b3);
    }
}
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// /dev/full for writing.
pub fn dev_full() -> std::fs::File {
    std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full")
}

/// Runs a shell line through bash with `$B` set to the binary; returns
/// (status, stdout, stderr). For what only a shell does simply: `>&-`,
/// `trap '' PIPE`, `exec -a`.
pub fn bash(line: &str) -> Outcome {
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(line)
        .env_clear()
        .env("LC_ALL", "C")
        .env("B", bin())
        .env("PATH", "/usr/bin:/bin")
        .output()
        .expect("bash");
    Outcome { status: out.status.code(), stdout: out.stdout, stderr: out.stderr }
}

pub use femtobox_tests::checks::Buf;

/// Puts `fd` in non-blocking mode (for the slow-reader tests).
pub fn set_nonblocking(fd: &impl std::os::fd::AsRawFd) {
    extern "C" {
        fn fcntl(fd: i32, cmd: i32, ...) -> i32;
    }
    const F_GETFL: i32 = 3;
    const F_SETFL: i32 = 4;
    const O_NONBLOCK: i32 = 0o4000;
    // SAFETY: plain fcntl calls on a descriptor the caller owns.
    unsafe {
        let flags = fcntl(fd.as_raw_fd(), F_GETFL);
        assert!(flags >= 0 && fcntl(fd.as_raw_fd(), F_SETFL, flags | O_NONBLOCK) >= 0);
    }
}

/// The applets this build has (`femtobox --list`): `make APPLETS=...`
/// builds a box with fewer, and the tests follow.
pub fn applets() -> &'static [String] {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        let out = std_as("femtobox").arg("--list").output().expect("femtobox --list");
        String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect()
    })
}

/// Does this build have all of `names`? If not, says which test is skipped.
pub fn has(names: &[&str]) -> bool {
    let missing: Vec<&&str> = names.iter().filter(|n| !applets().iter().any(|a| a == *n)).collect();
    if !missing.is_empty() {
        eprintln!("skipped: {missing:?} not in this build");
    }
    missing.is_empty()
}

/// Is the `help` feature in this build? (Then `femtobox --help` describes
/// `--list`; without it, it is the synopsis and the applets only.)
pub fn help_built() -> bool {
    static BUILT: OnceLock<bool> = OnceLock::new();
    *BUILT.get_or_init(|| {
        let out = std_as("femtobox").arg("--help").output().expect("femtobox --help");
        String::from_utf8_lossy(&out.stdout).contains("\n  --list ")
    })
}

/// Checks a `--help` text: `Usage: SYNOPSIS` first; with the `help`
/// feature, a line after it for each of `options`, each starting with two
/// spaces and the option (short ones may be followed by their long name:
/// `  -A --show-all ...`), and `more` lines besides; without it, nothing more.
pub fn help_is(synopsis: &str, options: &[&str], more: usize) -> impl predicates::Predicate<[u8]> {
    let (synopsis, options): (String, Vec<String>) =
        (format!("Usage: {synopsis}"), options.iter().map(|o| o.to_string()).collect());
    predicates::function::function(move |out: &[u8]| {
        let text = String::from_utf8_lossy(out);
        let lines: Vec<&str> = text.lines().collect();
        let ok = text.ends_with('\n')
            && lines.first() == Some(&synopsis.as_str())
            && if help_built() {
                lines.len() == 1 + options.len() + more
                    && options.iter().all(|o| {
                        lines[1..].iter().any(|l| {
                            l.strip_prefix("  ")
                                .and_then(|l| l.strip_prefix(o.as_str()))
                                .is_some_and(|rest| rest.starts_with(' '))
                        })
                    })
            } else {
                lines.len() == 1
            };
        if !ok {
            eprintln!("--help printed {text:?}; wanted {synopsis:?} and (help built: {}) {options:?}", help_built());
        }
        ok
    })
}

/// Does the operand `op` stay inside the directory it is resolved from?
/// Relative, and `..` never climbs above the start: the twin corpora of
/// mkdir, rmdir, rm and ln keep only such operands, so that neither run
/// touches anything outside its own copy of the tree. (Their symlinks all
/// point at or below their own depth, never at `.`, so following one only
/// goes deeper; rm's `dn/up` points at `../f`, a file.)
pub fn stays_inside(op: &[u8]) -> bool {
    if op.first() == Some(&b'/') {
        return false;
    }
    let mut depth = 0i32;
    for comp in op.split(|&c| c == b'/') {
        match comp {
            b"" | b"." => {}
            b".." => depth -= 1,
            _ => depth += 1,
        }
        if depth < 0 {
            return false;
        }
    }
    true
}

/// The differential run every applet has: `cases` argument vectors and
/// environments from `make` (given the case number and the generator), each
/// run by the box and by GNU's NAME in `dir` with the same stdin, the two
/// outcomes asserted equal. Skips (with a note) when GNU's is absent.
/// Returns how many ran.
pub fn differential(
    name: &str,
    seed: u64,
    cases: usize,
    dir: &Path,
    stdin: &[u8],
    mut make: impl FnMut(usize, &mut Rng) -> (Vec<std::ffi::OsString>, Vec<(&'static str, &'static str)>),
) -> usize {
    let Some(gnu) = gnu(name) else { return 0 };
    let mut rng = Rng(seed);
    let (mut runs, mut ok) = (0, 0);
    for case in 0..cases {
        let (args, env) = make(case, &mut rng);
        let got = emulated(name, outcome(bin(), name, &args, stdin, &env, dir));
        let want = emulated(name, outcome(Path::new(&gnu), name, &args, stdin, &env, dir));
        assert!(got == want, "{name} {args:?} {env:?}\nfemtobox: {}\nGNU: {}", got.show(), want.show());
        runs += 1;
        ok += usize::from(got.status == Some(0));
    }
    eprintln!("{name}: {runs} argument vectors compared with GNU ({ok} exited 0)");
    runs
}

/// Every fourth case under POSIXLY_CORRECT, the rest with no extra variable.
pub fn posix_every_fourth(case: usize) -> Vec<(&'static str, &'static str)> {
    if case % 4 == 0 {
        vec![("POSIXLY_CORRECT", "1")]
    } else {
        vec![]
    }
}

/// Every entry under `dir` (not `dir` itself), sorted, as a line each:
/// its path, type, permission bits and what the type has to show (a
/// file's bytes as a hash and its link count, a symlink's target), and
/// with `times` its atime and mtime (seconds.nanoseconds). Symlinks are
/// never followed, so the tree of a differential run compares exactly.
#[allow(dead_code)]
pub fn snapshot(dir: &Path, times: bool) -> Vec<String> {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::MetadataExt;
    fn walk(base: &Path, rel: &Path, times: bool, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(base.join(rel)) else {
            out.push(format!("{} (unreadable)", rel.display()));
            return;
        };
        for entry in entries {
            let entry = entry.expect("read_dir entry");
            let rel = rel.join(entry.file_name());
            let path = base.join(&rel);
            let md = std::fs::symlink_metadata(&path).expect("lstat");
            let name = String::from_utf8_lossy(rel.as_os_str().as_bytes()).escape_debug().to_string();
            let ft = md.file_type();
            let mut line = format!("{name} {:o}", md.mode());
            if ft.is_symlink() {
                let to = std::fs::read_link(&path).expect("readlink");
                line += &format!(" -> {:?}", to.as_os_str());
            } else if ft.is_file() {
                let mut h = 0xcbf29ce484222325;
                fnv(&mut h, &std::fs::read(&path).unwrap_or_default());
                line += &format!(" {h:016x} links {}", md.nlink());
            }
            if times {
                line += &format!(" a {}.{:09} m {}.{:09}", md.atime(), md.atime_nsec(), md.mtime(), md.mtime_nsec());
            }
            out.push(line);
            if ft.is_dir() {
                walk(base, &rel, times, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, Path::new(""), times, &mut out);
    out.sort();
    out
}

/// The differential run of the applets that change files: for each of
/// `cases` generated argument vectors, two twin directories are filled by
/// `setup` (given the case number), the box runs in one and GNU's NAME in
/// the other (same argv, stdin, environment), and their outcomes and the
/// trees left behind (`snapshot`) are asserted equal. Skips (with a note)
/// when GNU's is absent. Returns how many ran.
#[allow(dead_code)]
pub fn twin_differential(
    name: &str,
    seed: u64,
    cases: usize,
    stdin: &[u8],
    mut setup: impl FnMut(usize, &Path),
    mut make: impl FnMut(usize, &mut Rng) -> (Vec<std::ffi::OsString>, Vec<(&'static str, &'static str)>),
) -> usize {
    let Some(gnu) = gnu(name) else { return 0 };
    let mut rng = Rng(seed);
    let (mut runs, mut ok) = (0, 0);
    let ours = tempdir(&format!("{name}-twin-ours"));
    let theirs = tempdir(&format!("{name}-twin-gnu"));
    for case in 0..cases {
        let (args, env) = make(case, &mut rng);
        for dir in [&ours, &theirs] {
            let _ = std::process::Command::new("chmod").args(["-R", "u+rwx"]).arg(dir).status();
            let _ = std::fs::remove_dir_all(dir);
            std::fs::create_dir_all(dir).expect("twin dir");
            setup(case, dir);
        }
        let got = outcome(bin(), name, &args, stdin, &env, &ours);
        let want = outcome(Path::new(&gnu), name, &args, stdin, &env, &theirs);
        assert!(got == want, "{name} {args:?} {env:?}\nfemtobox: {}\nGNU: {}", got.show(), want.show());
        let (a, b) = (snapshot(&ours, false), snapshot(&theirs, false));
        assert!(a == b, "{name} {args:?}: trees differ\nfemtobox: {a:#?}\nGNU: {b:#?}");
        runs += 1;
        ok += usize::from(got.status == Some(0));
    }
    eprintln!("{name}: {runs} argument vectors compared with GNU, trees included ({ok} exited 0)");
    runs
}
