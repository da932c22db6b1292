//! nproc: the affinity count, --all, --ignore=N (never below 1, GNU's number
//! syntax and overflow message), OMP_NUM_THREADS (first list element) and
//! OMP_THREAD_LIMIT, operands and option errors, write errors, a one-CPU
//! affinity under taskset, --all read from sysfs and /proc/stat as glibc
//! 2.36 reads them (in a mount namespace of our own), and a differential
//! run against GNU nproc.

mod common;
use common::*;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;

fn os(b: &[u8]) -> OsString {
    OsString::from_vec(b.to_vec())
}

const TRY: &str = "Try 'nproc --help' for more information.\n";

/// How many CPUs this process may run on (children inherit it), from
/// `Cpus_allowed_list` in /proc/self/status.
fn affinity() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let list = status.lines().find_map(|l| l.strip_prefix("Cpus_allowed_list:")).unwrap().trim();
    list.split(',')
        .map(|r| match r.split_once('-') {
            Some((a, b)) => b.parse::<u64>().unwrap() - a.parse::<u64>().unwrap() + 1,
            None => 1,
        })
        .sum()
}

fn nproc(args: &[&str], env: &[(&str, &str)]) -> assert_cmd::assert::Assert {
    let mut cmd = run_as("nproc");
    cmd.envs(env.iter().copied()).args(args);
    cmd.assert()
}

#[test]
fn the_default_is_the_affinity_count() {
    if !has(&["nproc"]) {
        return;
    }
    let n = affinity();
    nproc(&[], &[]).code(0).stdout(format!("{n}\n")).stderr("");
    nproc(&["--"], &[]).code(0).stdout(format!("{n}\n")).stderr("");
}

#[test]
fn all_counts_every_processor_and_ignores_omp() {
    if !has(&["nproc"]) {
        return;
    }
    let out = run_as("nproc").arg("--all").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let all: u64 = String::from_utf8(out.stdout.clone()).unwrap().trim_end().parse().unwrap();
    assert!(all >= affinity());
    assert!(out.stdout.ends_with(b"\n") && out.stderr.is_empty());
    if let Some(gnu) = gnu("nproc") {
        run_real(&gnu).arg("--all").assert().stdout(out.stdout.clone());
    }
    for arg in ["--all", "--a", "--al"] {
        nproc(&[arg], &[("OMP_NUM_THREADS", "7"), ("OMP_THREAD_LIMIT", "1")]).code(0).stdout(out.stdout.clone());
    }
}

#[test]
fn ignore_subtracts_but_never_goes_below_one() {
    if !has(&["nproc"]) {
        return;
    }
    let n = affinity();
    for (k, args) in [
        (0u64, &["--ignore=0"][..]),
        (1, &["--ignore=1"]),
        (1, &["--ignore", "1"]),
        (1, &["--i=1"]),
        (1, &["--ig", "1"]),
        (1, &["--ignore=+1"]),
        (1, &["--ignore= 1"]),
        (1, &["--ignore=\t\n1"]),
        (10, &["--ignore=010"]),
        (5, &["--ignore=5"]),
        (0, &["--ignore=1", "--ignore=0"]),
        (1000, &["--ignore=1000"]),
        (u64::MAX, &["--ignore=18446744073709551615"]),
    ] {
        let want = if k < n { n - k } else { 1 };
        nproc(args, &[]).code(0).stdout(format!("{want}\n")).stderr("");
    }
    // --ignore applies to the OMP count too, after the limit.
    nproc(&["--ignore=1"], &[("OMP_NUM_THREADS", "4")]).code(0).stdout("3\n");
    nproc(&["--ignore=1"], &[("OMP_NUM_THREADS", "8"), ("OMP_THREAD_LIMIT", "3")]).code(0).stdout("2\n");
    nproc(&["--ignore=9"], &[("OMP_NUM_THREADS", "4")]).code(0).stdout("1\n");
    nproc(&["--ignore=1", "--all"], &[]).code(0);
}

#[test]
fn invalid_ignore_counts_are_reported_without_the_try_line() {
    if !has(&["nproc"]) {
        return;
    }
    let cases: &[(&[u8], &str)] = &[
        (
            b"99999999999999999999",
            "nproc: invalid number: '99999999999999999999': Value too large for defined data type\n",
        ),
        (
            b"18446744073709551616",
            "nproc: invalid number: '18446744073709551616': Value too large for defined data type\n",
        ),
        (b"x", "nproc: invalid number: 'x'\n"),
        (b"-1", "nproc: invalid number: '-1'\n"),
        (b"-0", "nproc: invalid number: '-0'\n"),
        (b" -1", "nproc: invalid number: ' -1'\n"),
        (b"", "nproc: invalid number: ''\n"),
        (b"1 ", "nproc: invalid number: '1 '\n"),
        (b"1\n", "nproc: invalid number: '1\\n'\n"),
        (b"0x1", "nproc: invalid number: '0x1'\n"),
        (b"1k", "nproc: invalid number: '1k'\n"),
        (b"\xff", "nproc: invalid number: '\\377'\n"),
        (b"it's", "nproc: invalid number: 'it\\'s'\n"),
    ];
    for (value, msg) in cases {
        let mut arg = b"--ignore=".to_vec();
        arg.extend_from_slice(value);
        run_as("nproc").arg(os(&arg)).assert().code(1).stdout("").stderr(*msg);
    }
    // The count is read as the option is met, before operands are checked.
    for args in [
        &["--ignore=x", "extra"][..],
        &["extra", "--ignore=x"],
        &["--ignore=x", "--bogus"],
        &["--ignore=1", "--ignore=x"],
    ] {
        run_as("nproc").args(args).assert().code(1).stdout("").stderr("nproc: invalid number: 'x'\n");
    }
}

#[test]
fn omp_num_threads_overrides_the_count_by_its_first_element() {
    if !has(&["nproc"]) {
        return;
    }
    let n = affinity().to_string();
    let n = n.as_str();
    for (value, want) in [
        ("4", "4"),
        ("4,2", "4"),
        ("4 ,2", "4"),
        (" 4", "4"),
        ("4 ", "4"),
        (" 4 ", "4"),
        ("007", "7"),
        ("1,", "1"),
        ("99999999999999999999", "18446744073709551615"),
        ("18446744073709551615", "18446744073709551615"),
        ("0", n),
        ("0,3", n),
        ("x", n),
        ("+4", n),
        ("-4", n),
        ("", n),
        ("4x", n),
        (",4", n),
    ] {
        nproc(&[], &[("OMP_NUM_THREADS", value)]).code(0).stdout(format!("{want}\n")).stderr("");
    }
}

#[test]
fn omp_thread_limit_caps_the_count() {
    if !has(&["nproc"]) {
        return;
    }
    let n = affinity();
    for (value, limit) in [
        ("1", Some(1)),
        ("3", Some(3)),
        (" 1", Some(1)),
        ("1 ", Some(1)),
        ("1,2", Some(1)),
        ("0", None),
        ("x", None),
        ("", None),
        ("99999999999999999999", None),
    ] {
        let cap = |c: u64| limit.map_or(c, |l: u64| c.min(l));
        nproc(&[], &[("OMP_THREAD_LIMIT", value)]).code(0).stdout(format!("{}\n", cap(n))).stderr("");
        nproc(&[], &[("OMP_NUM_THREADS", "8"), ("OMP_THREAD_LIMIT", value)]).code(0).stdout(format!("{}\n", cap(8)));
    }
}

#[test]
fn operands_and_bad_options_are_errors_with_the_try_line() {
    if !has(&["nproc"]) {
        return;
    }
    let cases: &[(&[&str], &str)] = &[
        (&["x"], "nproc: extra operand 'x'\n"),
        (&["--", "x"], "nproc: extra operand 'x'\n"),
        (&["x", "y"], "nproc: extra operand 'x'\n"),
        (&["--all", ""], "nproc: extra operand ''\n"),
        (&["-a"], "nproc: invalid option -- 'a'\n"),
        (&["-x"], "nproc: invalid option -- 'x'\n"),
        (&["--all=1"], "nproc: option '--all' doesn't allow an argument\n"),
        (&["--ignore"], "nproc: option '--ignore' requires an argument\n"),
        (&["--bogus"], "nproc: unrecognized option '--bogus'\n"),
        (&["--=1"], "nproc: option '--=1' is ambiguous; possibilities: '--all' '--ignore' '--help' '--version'\n"),
    ];
    for (args, msg) in cases {
        run_as("nproc").args(*args).assert().code(1).stdout("").stderr(format!("{msg}{TRY}"));
    }
    run_as("nproc")
        .env("POSIXLY_CORRECT", "1")
        .args(["x", "--all"])
        .assert()
        .code(1)
        .stderr(format!("nproc: extra operand 'x'\n{TRY}"));
}

#[test]
fn help_and_version_are_our_own() {
    if !has(&["nproc"]) {
        return;
    }
    let version = format!("nproc (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["--v"], &["--all", "--vers"], &["x", "--version"]] {
        run_as("nproc").args(args).assert().code(0).stdout(version.clone()).stderr("");
    }
    for args in [&["--help"][..], &["--h"], &["--all", "--help"]] {
        let out = run_as("nproc").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("Usage: nproc"), "{args:?}: {out:?}");
        assert_eq!(out.stderr, b"");
    }
}

#[test]
fn write_errors_are_reported_with_status_1() {
    if !has(&["nproc"]) {
        return;
    }
    for args in [&[][..], &["--all"]] {
        std_as("nproc")
            .args(args)
            .stdout(dev_full())
            .output()
            .unwrap()
            .assert()
            .code(1)
            .stdout("")
            .stderr("nproc: write error: No space left on device\n");
    }
    let closed = bash("exec -a nproc \"$B\" >&-");
    assert_eq!(
        (closed.status, String::from_utf8_lossy(&closed.stderr).into_owned()),
        (Some(1), "nproc: write error: Bad file descriptor\n".into())
    );
}

#[test]
fn one_cpu_under_taskset_is_one_and_all_is_unchanged() {
    if !has(&["nproc"]) {
        return;
    }
    let Some(taskset) = ["/usr/bin/taskset", "/bin/taskset"].into_iter().find(|p| Path::new(p).exists()) else {
        eprintln!("skipped: taskset is not installed, so a one-CPU affinity is not checked");
        return;
    };
    let dir = tempdir("nproc-taskset");
    let link = dir.join("nproc");
    std::os::unix::fs::symlink(bin(), &link).unwrap();
    let run = |prog: &Path, args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = std::process::Command::new(taskset);
        cmd.args(["-c", "0"]).arg(prog).args(args).env_clear().env("LC_ALL", "C");
        cmd.envs(env.iter().copied());
        let out = cmd.output().unwrap();
        Outcome { status: out.status.code(), stdout: out.stdout, stderr: out.stderr }
    };
    let all = run_as("nproc").arg("--all").output().unwrap().stdout;
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a [u8]);
    let cases: &[Case] = &[
        (&[], &[], b"1\n"),
        (&["--ignore=1"], &[], b"1\n"),
        (&[], &[("OMP_NUM_THREADS", "5")], b"5\n"),
        (&[], &[("OMP_THREAD_LIMIT", "3")], b"1\n"),
        (&["--all"], &[], &all),
    ];
    let gnu = gnu("nproc");
    for (args, env, want) in cases {
        let got = run(&link, args, env);
        assert_eq!(
            got,
            Outcome { status: Some(0), stdout: want.to_vec(), stderr: vec![] },
            "taskset -c 0 nproc {args:?} {env:?}"
        );
        if let Some(gnu) = &gnu {
            assert_eq!(got, run(Path::new(gnu), args, env), "taskset -c 0 nproc {args:?} {env:?} vs GNU");
        }
    }
}

/// Runs `script` as root in a mount namespace of its own (so it may hide
/// /sys and /proc), with $1 the box as `nproc` and $2 GNU nproc (or "");
/// None (and a note) where that is not possible.
fn in_mount_namespace(script: &str) -> Option<Outcome> {
    let probe = bash("unshare -m true");
    if probe.status != Some(0) {
        eprintln!("skipped: cannot unshare a mount namespace here, so nproc without sysfs is not checked");
        return None;
    }
    let dir = tempdir("nproc-mnt");
    let link = dir.join("nproc");
    std::os::unix::fs::symlink(bin(), &link).unwrap();
    std::fs::write(dir.join("script"), script).unwrap();
    let gnu = gnu("nproc").unwrap_or_default();
    Some(bash(&format!("unshare -m bash '{0}/script' '{0}/nproc' '{gnu}'", dir.display())))
}

#[test]
fn all_without_sysfs_counts_the_cpus_in_proc_stat_as_glibc_does() {
    if !has(&["nproc"]) {
        return;
    }
    let Some(taskset) = ["/usr/bin/taskset", "/bin/taskset"].into_iter().find(|p| Path::new(p).exists()) else {
        eprintln!("skipped: taskset is not installed");
        return;
    };
    // A container or an initramfs without /sys: glibc's sysconf counts the
    // cpuN lines of /proc/stat, not the (here narrowed) affinity mask.
    let stat = std::fs::read_to_string("/proc/stat").unwrap();
    let cpus =
        stat.lines().filter(|l| l.starts_with("cpu") && l.as_bytes().get(3).is_some_and(u8::is_ascii_digit)).count();
    let script = format!(
        "mount -t tmpfs none /sys || exit 3\n\
         echo \"$({taskset} -c 0 \"$1\" --all 2>&1; echo rc=$?)\"\n\
         [ -n \"$2\" ] && echo \"$({taskset} -c 0 \"$2\" --all 2>&1; echo rc=$?)\"\n\
         exit 0\n"
    );
    let Some(out) = in_mount_namespace(&script) else { return };
    assert_eq!(out.status, Some(0), "{}", out.show());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut lines = text.lines();
    let want = format!("{cpus}");
    assert_eq!(lines.next(), Some(want.as_str()), "taskset -c 0 nproc --all without /sys: {text:?}");
    assert_eq!(lines.next(), Some("rc=0"));
    if let (Some(gnu_count), Some(_)) = (lines.next(), lines.next()) {
        assert_eq!(gnu_count, want, "GNU agrees");
    }
}

#[test]
fn all_reads_the_possible_cpu_list_as_glibc_does() {
    if !has(&["nproc"]) {
        return;
    }
    // /sys/devices/system/cpu/possible, as glibc 2.36 parses it, with a
    // /proc/stat of 3 CPUs for its fallback. Values of 1 or 2 are left to
    // the comparison with GNU: gnulib then consults the affinity mask.
    let cases: &[(&str, Option<u64>)] = &[
        ("0-3\\n", Some(4)),
        ("0-3", Some(4)),
        ("0-3,8-9\\n", Some(6)),
        ("0-1,3\\n", Some(3)),
        ("3-5,1\\n", Some(4)),
        ("NONE", Some(3)),
        ("", Some(3)),
        ("x", Some(3)),
        ("1-0", Some(3)),
        ("0-3 ", Some(3)),
        ("0-3\\t", Some(3)),
        ("0-3,x", Some(3)),
        ("0-3,,4", Some(3)),
        ("0-3:", Some(3)),
        ("0-3,5-", Some(3)),
        ("0-3\\n5", Some(4)),
        ("0-3-5", Some(5)),
        ("0-4294967295", Some(3)),
        ("0\\n", None),
        ("5\\n", None),
        ("0-2147483647", None),
    ];
    let list: String = cases.iter().map(|(p, _)| format!("{p}\n")).collect();
    let script = format!(
        "C=/sys/devices/system/cpu\n\
         mount -t tmpfs none /sys && mkdir -p $C && mount -t tmpfs none /proc || exit 3\n\
         printf 'cpu  1 2\\ncpu0 1\\ncpu1 1\\ncpu2 1\\nintr 5\\n' > /proc/stat\n\
         while IFS= read -r poss; do\n\
           rm -f $C/possible; [ \"$poss\" != NONE ] && printf \"$poss\" > $C/possible\n\
           a=$(echo $(\"$1\" --all 2>&1; echo rc=$?))\n\
           b=; [ -n \"$2\" ] && b=$(echo $(\"$2\" --all 2>&1; echo rc=$?))\n\
           printf '%s|%s|%s\\n' \"$poss\" \"$a\" \"$b\"\n\
         done <<'LIST'\n{list}LIST\n"
    );
    let Some(out) = in_mount_namespace(&script) else { return };
    assert_eq!(out.status, Some(0), "{}", out.show());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(text.lines().count(), cases.len(), "{text}");
    let mut wrong = Vec::new();
    for (line, (possible, want)) in text.lines().zip(cases) {
        let mut f = line.splitn(3, '|');
        let (_, ours, theirs) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
        if let Some(w) = want {
            if ours != format!("{w} rc=0") {
                wrong.push(format!("possible={possible:?}: femtobox {ours:?}, want {w}"));
            }
        }
        if !theirs.is_empty() && ours != theirs {
            wrong.push(format!("possible={possible:?}: femtobox {ours:?}, GNU {theirs:?}"));
        }
    }
    assert!(wrong.is_empty(), "nproc --all:\n{}", wrong.join("\n"));
}

#[test]
fn nproc_matches_gnu_on_a_random_corpus() {
    if !has(&["nproc"]) {
        return;
    }
    let Some(gnu) = gnu("nproc") else { return };
    let dir = tempdir("nproc-corpus");
    let numbers: &[&[u8]] = &[
        b"0",
        b"1",
        b"2",
        b"3",
        b"64",
        b"010",
        b"+1",
        b" 1",
        b"\t2",
        b"1 ",
        b"-1",
        b"-0",
        b"",
        b"x",
        b"1k",
        b"1K",
        b"0x1",
        b"18446744073709551615",
        b"18446744073709551616",
        b"99999999999999999999",
        b"\xff",
        b"1\x80",
        b"'",
        b"a b",
        b"1e3",
        b"1.5",
    ];
    let opts: &[&[u8]] = &[
        b"--all",
        b"--a",
        b"--al",
        b"--all=",
        b"--all=1",
        b"-a",
        b"-x",
        b"-",
        b"--",
        b"--bogus",
        b"--bogus=1",
        b"--=1",
        b"---",
        b"-\xff",
        b"--ignore",
        b"--i",
        b"--ign",
    ];
    let words: &[&[u8]] = &[b"x", b"", b"1", b"\x01\x80\xff", b"\n", b"it's"];
    let omp: &[&str] = &["4", "4,2", "0", "x", " 3 ", "1,", ",2", "+2", "99999999999999999999", "", "2 ,1", "007"];
    let mut rng = Rng(0x09c0_0007);
    let (mut runs, mut ok) = (0, 0);
    for case in 0..400 {
        let mut args = Vec::new();
        for _ in 0..rng.below(4) {
            let pick = rng.below(10);
            if pick < 4 {
                let prefixes: [&[u8]; 3] = [b"--ignore=", b"--ig=", b"--i="];
                let prefix = prefixes[rng.below(3)];
                let mut a = prefix.to_vec();
                a.extend_from_slice(numbers[rng.below(numbers.len())]);
                args.push(os(&a));
            } else if pick < 8 {
                args.push(os(opts[rng.below(opts.len())]));
                if rng.chance(30) {
                    args.push(os(numbers[rng.below(numbers.len())]));
                }
            } else {
                args.push(os(words[rng.below(words.len())]));
            }
        }
        let mut env: Vec<(&str, &str)> = Vec::new();
        if rng.chance(40) {
            env.push(("OMP_NUM_THREADS", omp[rng.below(omp.len())]));
        }
        if rng.chance(25) {
            env.push(("OMP_THREAD_LIMIT", omp[rng.below(omp.len())]));
        }
        if case % 4 == 0 {
            env.push(("POSIXLY_CORRECT", "1"));
        }
        let got = outcome(bin(), "nproc", &args, b"", &env, &dir);
        let want = outcome(Path::new(&gnu), "nproc", &args, b"", &env, &dir);
        assert!(got == want, "nproc {args:?} {env:?}\nfemtobox: {}\nGNU: {}", got.show(), want.show());
        runs += 1;
        ok += usize::from(got.status == Some(0));
    }
    eprintln!("nproc: {runs} argument vectors compared with GNU ({ok} exited 0)");
}
