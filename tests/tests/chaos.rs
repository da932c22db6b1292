//! Chaos: random argv and environments for every applet (nothing but a
//! clean exit, or SIGPIPE when the reader left), cat fed in random pieces
//! with random pauses, and read- and write-side faults compared with GNU:
//! unreadable files, FIFOs, /proc, closed stdin, closed pipes, a full tmpfs,
//! RLIMIT_FSIZE.

mod common;
use common::*;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::unix::ffi::OsStringExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SIGPIPE: i32 = 13;

fn random_arg(rng: &mut Rng) -> Vec<u8> {
    let prefixes: &[&[u8]] = &[b"", b"-", b"--", b"-n", b"-e", b"--num", b"--show-", b"--help", b"\\", b"-vET", b"--="];
    let mut a = rng.pick(prefixes).to_vec();
    let len = match rng.below(20) {
        0 => 100_000,
        1 => 0,
        _ => rng.below(40),
    };
    for _ in 0..len {
        let b = match rng.below(4) {
            0 => *rng.pick(b"\\xc0-=neEbstvAT"),
            _ => (rng.next() % 255 + 1) as u8,
        };
        a.push(b);
    }
    a
}

/// Runs the box as `applet` with `args`; reads at most `limit` bytes of
/// stdout, then closes it. Returns how it ended and what it wrote.
fn run_limited(
    applet: &str,
    args: &[OsString],
    env: &[(&str, &str)],
    cwd: &Path,
    limit: usize,
) -> (std::process::ExitStatus, Vec<u8>) {
    let mut c = Command::new(bin());
    c.arg0(applet).args(args).env_clear().env("LC_ALL", "C").current_dir(cwd);
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("spawn");
    let mut stdout = child.stdout.take().unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 65536];
    while got.len() < limit {
        match stdout.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    drop(stdout);
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status, got);
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{applet} {args:?} hangs");
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn random_argv_and_environment_never_crash_or_hang() {
    let dir = tempdir("chaos-argv");
    std::fs::write(dir.join("f"), "x\n").unwrap();
    let mut rng = Rng(0xc4a0_0009);
    let mut cases = 0;
    for round in 0..400 {
        let mut names: Vec<&str> = applets().iter().map(String::as_str).collect();
        names.push("femtobox");
        let applet = *rng.pick(&names);
        let n = match rng.below(10) {
            0 => 0,
            1 => 15, // with 100 KB args: about the kernel's limit
            _ => rng.below(8),
        };
        let args: Vec<OsString> = (0..n).map(|_| OsString::from_vec(random_arg(&mut rng))).collect();
        let env: &[(&str, &str)] = match round % 3 {
            0 => &[("POSIXLY_CORRECT", "1")],
            1 => &[("POSIXLY_CORRECT", "")],
            _ => &[],
        };
        let (status, _) = run_limited(applet, &args, env, &dir, 1 << 20);
        match status.signal() {
            None => assert!(status.code().is_some()),
            Some(SIGPIPE) => {}
            Some(sig) => panic!("{applet} {args:?} died of signal {sig}"),
        }
        cases += 1;
    }
    eprintln!("{cases} random command lines ran to a clean end");
}

#[test]
fn cat_fed_in_random_pieces_with_pauses_equals_cat_of_the_whole() {
    if !has(&["cat"]) {
        return;
    }
    let dir = tempdir("chaos-chunks");
    let mut rng = Rng(0xc4a0_000a);
    let opts = ["", "-n", "-b", "-s", "-v", "-E", "-T", "-A", "-e", "-t", "-sn", "-bE", "-vET", "-nst"];
    let alphabet = b"ab \t\r\n\n\n\x00\x1b\x7f\x80\xa0\xff";
    for case in 0..40 {
        let input: Vec<u8> = (0..rng.below(30_000)).map(|_| *rng.pick(alphabet)).collect();
        std::fs::write(dir.join("whole"), &input).unwrap();
        let opt = *rng.pick(&opts);
        let args: Vec<&str> = if opt.is_empty() { vec![] } else { vec![opt] };
        let whole = run_as("cat").args(&args).arg(dir.join("whole")).output().unwrap();
        let mut child = std_as("cat").args(&args).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let mut feeder_rng = Rng(rng.next() | 1);
        let data = input.clone();
        let feeder = std::thread::spawn(move || {
            let mut at = 0;
            while at < data.len() {
                let n = (1 + feeder_rng.below(4096)).min(data.len() - at);
                stdin.write_all(&data[at..at + n]).unwrap();
                at += n;
                if feeder_rng.chance(30) {
                    std::thread::sleep(Duration::from_micros(feeder_rng.below(2000) as u64));
                }
            }
        });
        let out = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(out.stdout == whole.stdout, "case {case}: cat {opt} differs when fed in pieces");
    }
}

/// Ours and GNU's outcome for the same shell line (`$C` is the cat to run).
fn both(gnu_cat: &str, dir: &Path, line: &str) -> (Outcome, Outcome) {
    let run = |c: &str| {
        let out = Command::new("bash")
            .arg("-c")
            .arg(line)
            .current_dir(dir)
            .env_clear()
            .env("LC_ALL", "C")
            .env("PATH", "/usr/bin:/bin:/usr/sbin:/sbin")
            .env("C", c)
            .output()
            .unwrap();
        Outcome { status: out.status.code(), stdout: out.stdout, stderr: out.stderr }
    };
    let link = dir.join("bin/cat");
    if !link.exists() {
        std::fs::create_dir_all(dir.join("bin")).unwrap();
        std::os::unix::fs::symlink(bin(), &link).unwrap();
    }
    (run(&link.display().to_string()), run(gnu_cat))
}

#[test]
fn read_side_faults_are_reported_as_gnu_reports_them() {
    if !has(&["cat"]) {
        return;
    }
    let Some(gnu) = gnu("cat") else { return };
    let dir = tempdir("chaos-read");
    std::fs::write(dir.join("ok"), "fine\n").unwrap();
    std::fs::create_dir(dir.join("d")).unwrap();
    let lines = [
        "$C d ok d",
        "$C ok - < d",
        "$C /proc/version /proc/sys/kernel/ostype",
        "$C -n /proc/version",
        "$C <&-",
        "$C - ok <&-",
        "rm -f f; mkfifo f; (exec 3>f; printf 'abc' >&3) & $C f; wait",
        "rm -f g; mkfifo g; (exec 3>g) & $C -v g ok; wait",
        "$C nonexistent/x ok",
    ];
    for line in lines {
        let (ours, theirs) = both(&gnu, &dir, &format!("{line}; echo \" status=$?\""));
        let _ = std::fs::remove_file(dir.join("f"));
        let _ = std::fs::remove_file(dir.join("g"));
        let ours_err = String::from_utf8_lossy(&ours.stderr).replace(&dir.join("bin/cat").display().to_string(), "CAT");
        let theirs_err = String::from_utf8_lossy(&theirs.stderr).replace(&gnu, "CAT");
        assert_eq!((&ours.stdout, ours_err.clone()), (&theirs.stdout, theirs_err), "{line}\nours: {}", ours.show());
    }
    // An unreadable file, as a user who cannot read it (root reads anything).
    if unsafe_uid_is_root() {
        let f = dir.join("secret");
        std::fs::write(&f, "no\n").unwrap();
        std::fs::set_permissions(&f, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
        std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
        let line = "setpriv --reuid=65534 --regid=65534 --clear-groups $C secret ok; echo \" status=$?\"";
        let (ours, theirs) = both(&gnu, &dir, line);
        let norm = |o: &Outcome, c: &str| String::from_utf8_lossy(&o.stderr).replace(c, "CAT");
        assert_eq!(norm(&ours, &dir.join("bin/cat").display().to_string()), norm(&theirs, &gnu));
        assert_eq!(ours.stdout, theirs.stdout);
        assert!(String::from_utf8_lossy(&ours.stderr).contains("secret: Permission denied"), "{}", ours.show());
    } else {
        eprintln!("skipped: not root, so the unprivileged-uid read check is not run");
    }
}

fn unsafe_uid_is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout == b"0\n").unwrap_or(false)
}

#[test]
fn a_reader_that_leaves_at_random_points_gets_a_prefix() {
    if !has(&["cat", "yes"]) {
        return;
    }
    let dir = tempdir("chaos-pipe");
    let mut rng = Rng(0xc4a0_000b);
    let data: Vec<u8> = (0..2_000_000).map(|_| b"abc\n\t\x01"[rng.below(6)]).collect();
    std::fs::write(dir.join("data"), &data).unwrap();
    let plain = data.clone();
    let numbered = run_as("cat").arg("-n").arg(dir.join("data")).output().unwrap().stdout;
    for round in 0..30 {
        let limit = rng.below(1_500_000);
        let (applet, args, want): (&str, Vec<OsString>, &[u8]) = match round % 3 {
            0 => ("cat", vec![dir.join("data").into()], &plain),
            1 => ("cat", vec!["-n".into(), dir.join("data").into()], &numbered),
            _ => ("yes", vec!["abc".into()], b""),
        };
        let (status, got) = run_limited(applet, &args, &[], &dir, limit);
        if applet == "yes" {
            assert!(got.chunks(4).all(|c| b"abc\n".starts_with(c)), "yes output torn");
        } else {
            assert!(want.starts_with(&got), "{applet} {args:?}: not a prefix after {} bytes", got.len());
        }
        // Killed by SIGPIPE when the reader left first, else finished.
        assert!(status.signal() == Some(SIGPIPE) || status.code() == Some(0), "{status:?}");
    }
}

#[test]
fn a_full_filesystem_and_a_file_size_limit_are_write_errors_as_in_gnu() {
    if !has(&["cat"]) {
        return;
    }
    let Some(gnu) = gnu("cat") else { return };
    let dir = tempdir("chaos-full");
    std::fs::write(dir.join("big"), vec![b'x'; 300_000]).unwrap();
    let limits = [
        // RLIMIT_FSIZE, default SIGXFSZ: killed (153 = 128 + 25).
        "(ulimit -f 64; $C big > out); echo \"status=$?\"; wc -c < out",
        // SIGXFSZ ignored: the write fails with EFBIG.
        "(trap '' XFSZ; ulimit -f 64; $C big > out); echo \"status=$?\"; wc -c < out",
        "(trap '' XFSZ; ulimit -f 64; $C -n big > out); echo \"status=$?\"",
    ];
    // bash's own "File size limit exceeded" report carries a pid.
    let calm = |s: &[u8], cat: &str| -> String {
        String::from_utf8_lossy(s)
            .lines()
            .map(|l| {
                if l.contains("File size limit exceeded") {
                    "(bash: killed by SIGXFSZ)".to_string()
                } else {
                    l.replace(cat, "CAT")
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    for line in limits {
        let (ours, theirs) = both(&gnu, &dir, line);
        let o = calm(&ours.stderr, &dir.join("bin/cat").display().to_string());
        let t = calm(&theirs.stderr, &gnu);
        assert_eq!((String::from_utf8_lossy(&ours.stdout), o), (String::from_utf8_lossy(&theirs.stdout), t), "{line}");
    }
    // A tiny tmpfs that fills mid-write (needs root and a private mount).
    let line = "mkdir -p m && unshare -m bash -c 'mount -t tmpfs -o size=64k none m && { $C big > m/out; echo \"status=$?\"; wc -c < m/out; }'";
    let (ours, theirs) = both(&gnu, &dir, line);
    if ours.status != Some(0) || String::from_utf8_lossy(&ours.stderr).contains("mount:") {
        eprintln!("skipped: cannot mount a tmpfs here ({})", String::from_utf8_lossy(&ours.stderr).trim());
        return;
    }
    let o = String::from_utf8_lossy(&ours.stderr).replace(&dir.join("bin/cat").display().to_string(), "CAT");
    let t = String::from_utf8_lossy(&theirs.stderr).replace(&gnu, "CAT");
    assert_eq!((String::from_utf8_lossy(&ours.stdout), o.clone()), (String::from_utf8_lossy(&theirs.stdout), t));
    assert!(o.contains("write error: No space left on device"), "{o}");
}

#[test]
fn with_sigpipe_ignored_a_reader_leaving_at_random_points_is_a_reported_error() {
    if !has(&["cat", "yes"]) {
        return;
    }
    let dir = tempdir("chaos-pipe-ignored");
    let mut rng = Rng(0xc4a0_000c);
    let data: Vec<u8> = (0..2_000_000).map(|_| b"xyz\n\x80"[rng.below(5)]).collect();
    std::fs::write(dir.join("data"), &data).unwrap();
    for round in 0..24 {
        let limit = rng.below(1_000_000);
        let (applet, args, msg) = match round % 4 {
            0 => ("cat", "data", "cat: write error: Broken pipe\n"),
            1 => ("cat", "-v data", "cat: write error: Broken pipe\n"),
            2 => ("yes", "abc", "yes: standard output: Broken pipe\n"),
            _ => ("cat", "- < data", "cat: write error: Broken pipe\n"),
        };
        let mut child = Command::new("bash")
            .arg("-c")
            .arg(format!("trap '' PIPE; exec -a {applet} \"$B\" {args}"))
            .current_dir(&dir)
            .env_clear()
            .env("B", bin())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut got = vec![0u8; limit];
        let mut n = 0;
        while n < limit {
            match stdout.read(&mut got[n..]) {
                Ok(0) | Err(_) => break,
                Ok(k) => n += k,
            }
        }
        got.truncate(n);
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        if n < limit {
            continue; // it finished before the reader left
        }
        assert_eq!(out.status.code(), Some(1), "{applet} {args}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), msg);
        if applet == "yes" {
            assert!(got.chunks(4).all(|c| b"abc\n".starts_with(c)));
        } else if args.starts_with("-v") {
            let want = run_as("cat").arg("-v").arg(dir.join("data")).output().unwrap().stdout;
            assert!(want.starts_with(&got));
        } else {
            assert!(data.starts_with(&got));
        }
    }
}
