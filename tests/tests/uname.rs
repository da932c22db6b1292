//! uname: every field flag short and long (with GNU's hidden --sysname and
//! --release, and prefixes), every combination in GNU's fixed order, -p/-i
//! as `unknown`, -a leaving unknown fields out, extra operands, option
//! errors, write errors, and a differential run against GNU uname.

mod common;
use common::*;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

fn os(b: &[u8]) -> OsString {
    OsString::from_vec(b.to_vec())
}

const TRY: &str = "Try 'uname --help' for more information.\n";

/// The fields in GNU's order, from the kernel's own files: s n r v m p i o.
fn fields() -> [String; 8] {
    let read = |f: &str| {
        std::fs::read_to_string(format!("/proc/sys/kernel/{f}"))
            .expect("/proc/sys/kernel")
            .trim_end_matches('\n')
            .to_string()
    };
    [
        read("ostype"),
        read("hostname"),
        read("osrelease"),
        read("version"),
        // The box's own (qemu-user reports the emulated machine).
        arch().to_string(),
        "unknown".into(),
        "unknown".into(),
        "GNU/Linux".into(),
    ]
}

const SHORT: [char; 8] = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'];
const LONG: [&str; 8] = [
    "--kernel-name",
    "--nodename",
    "--kernel-release",
    "--kernel-version",
    "--machine",
    "--processor",
    "--hardware-platform",
    "--operating-system",
];

fn line(f: &[String; 8], mask: usize) -> String {
    let picked: Vec<&str> = (0..8).filter(|i| mask & (1 << i) != 0).map(|i| f[i].as_str()).collect();
    format!("{}\n", picked.join(" "))
}

#[test]
fn no_option_is_the_kernel_name() {
    if !has(&["uname"]) {
        return;
    }
    let f = fields();
    run_as("uname").assert().code(0).stdout(format!("{}\n", f[0])).stderr("");
    run_as("uname").arg("--").assert().code(0).stdout(format!("{}\n", f[0])).stderr("");
}

#[test]
fn each_flag_prints_its_field_and_p_and_i_are_unknown() {
    if !has(&["uname"]) {
        return;
    }
    let f = fields();
    for i in 0..8 {
        run_as("uname").arg(format!("-{}", SHORT[i])).assert().code(0).stdout(format!("{}\n", f[i])).stderr("");
        run_as("uname").arg(LONG[i]).assert().code(0).stdout(format!("{}\n", f[i])).stderr("");
    }
    run_as("uname").arg("-p").assert().stdout("unknown\n");
    run_as("uname").arg("-i").assert().stdout("unknown\n");
    run_as("uname").arg("-o").assert().stdout("GNU/Linux\n");
    run_as("uname").arg("--sysname").assert().code(0).stdout(format!("{}\n", f[0]));
    run_as("uname").arg("--release").assert().code(0).stdout(format!("{}\n", f[2]));
    // Prefixes.
    for (arg, i) in [("--s", 0), ("--kernel-n", 0), ("--n", 1), ("--r", 2), ("--kernel-r", 2), ("--kernel-v", 3)] {
        run_as("uname").arg(arg).assert().code(0).stdout(format!("{}\n", f[i]));
    }
    for (arg, i) in [("--m", 4), ("--p", 5), ("--ha", 6), ("--o", 7)] {
        run_as("uname").arg(arg).assert().code(0).stdout(format!("{}\n", f[i]));
    }
}

#[test]
fn every_combination_comes_out_in_the_fixed_order() {
    if !has(&["uname"]) {
        return;
    }
    let f = fields();
    let mut rng = Rng(0x0a11_0004);
    for mask in 1..256usize {
        let want = line(&f, mask);
        // Bundled, letters in reverse order.
        let bundle: String = (0..8).rev().filter(|i| mask & (1 << i) != 0).map(|i| SHORT[i]).collect();
        run_as("uname").arg(format!("-{bundle}")).assert().code(0).stdout(want.clone()).stderr("");
        // Separate words, long and short mixed, shuffled, some repeated.
        let mut words: Vec<String> = (0..8)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| if rng.chance(50) { LONG[i].to_string() } else { format!("-{}", SHORT[i]) })
            .collect();
        for k in (1..words.len()).rev() {
            words.swap(k, rng.below(k + 1));
        }
        if rng.chance(30) {
            let again = words[0].clone();
            words.push(again);
        }
        run_as("uname").args(&words).assert().code(0).stdout(want).stderr("");
    }
}

#[test]
fn all_leaves_the_unknown_fields_out_whatever_else_is_given() {
    if !has(&["uname"]) {
        return;
    }
    let f = fields();
    let all = format!("{} {} {} {} {} {}\n", f[0], f[1], f[2], f[3], f[4], f[7]);
    for args in
        [&["-a"][..], &["--all"], &["--al"], &["-ap"], &["-pia"], &["-i", "--all"], &["-a", "-s"], &["-snrvmpioa"]]
    {
        run_as("uname").args(args).assert().code(0).stdout(all.clone()).stderr("");
    }
    // Named one by one, the unknown fields are printed.
    run_as("uname").arg("-snrvmpio").assert().stdout(line(&f, 255));
    run_as("uname").arg("-pi").assert().stdout("unknown unknown\n");
    run_as("uname").args(["-i", "-p", "-s"]).assert().stdout(format!("{} unknown unknown\n", f[0]));
}

#[test]
fn operands_are_extra_operands() {
    if !has(&["uname"]) {
        return;
    }
    let cases: &[(&[&[u8]], &str)] = &[
        (&[b"x"], "'x'"),
        (&[b"-s", b"x"], "'x'"),
        (&[b"x", b"-a"], "'x'"),
        (&[b"x", b"y"], "'x'"),
        (&[b"--", b"x"], "'x'"),
        (&[b"--", b"-a"], "'-a'"),
        (&[b""], "''"),
        (&[b"it's"], "'it\\'s'"),
        (&[b"a\nb"], "'a\\nb'"),
        (&[b"\x01\x80\xff"], "'\\001\\200\\377'"),
    ];
    for (args, quoted) in cases {
        run_as("uname")
            .args(args.iter().map(|a| os(a)))
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("uname: extra operand {quoted}\n{TRY}"));
    }
    run_as("uname")
        .env("POSIXLY_CORRECT", "1")
        .args(["x", "-a"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("uname: extra operand 'x'\n{TRY}"));
}

#[test]
fn bad_options_are_reported_like_getopt() {
    if !has(&["uname"]) {
        return;
    }
    let cases: &[(&[&str], &str)] = &[
        (&["-x"], "uname: invalid option -- 'x'\n"),
        (&["-sx"], "uname: invalid option -- 'x'\n"),
        (&["--bogus"], "uname: unrecognized option '--bogus'\n"),
        (&["--all=1"], "uname: option '--all' doesn't allow an argument\n"),
        (&["--machine="], "uname: option '--machine' doesn't allow an argument\n"),
        (&["--k"], "uname: option '--k' is ambiguous; possibilities: '--kernel-name' '--kernel-release' '--kernel-version'\n"),
        (&["--kernel"], "uname: option '--kernel' is ambiguous; possibilities: '--kernel-name' '--kernel-release' '--kernel-version'\n"),
        (&["--h"], "uname: option '--h' is ambiguous; possibilities: '--hardware-platform' '--help'\n"),
        (&["--="], "uname: option '--=' is ambiguous; possibilities: '--all' '--kernel-name' '--sysname' '--nodename' '--kernel-release' '--release' '--kernel-version' '--machine' '--processor' '--hardware-platform' '--operating-system' '--help' '--version'\n"),
        (&["x", "-x"], "uname: invalid option -- 'x'\n"),
    ];
    for (args, msg) in cases {
        run_as("uname").args(*args).assert().code(1).stdout("").stderr(format!("{msg}{TRY}"));
    }
}

#[test]
fn a_hostname_of_the_full_64_bytes_is_printed_whole() {
    if !has(&["uname"]) {
        return;
    }
    // A UTS namespace of our own lets us set the name (root only).
    let probe = bash("unshare -u hostname x");
    if probe.status != Some(0) {
        eprintln!("skipped: cannot unshare a UTS namespace here, so a 64-byte hostname is not checked");
        return;
    }
    let name = "h".repeat(64);
    let run =
        |prog: &str, args: &str| bash(&format!("unshare -u bash -c 'hostname {name} && exec -a uname {prog} {args}'"));
    let f = fields();
    let got = run("\"$B\"", "-n");
    assert_eq!((got.status, got.stdout.clone()), (Some(0), format!("{name}\n").into_bytes()), "{}", got.show());
    let all = run("\"$B\"", "-a");
    let want = format!("{} {name} {} {} {} {}\n", f[0], f[2], f[3], f[4], f[7]);
    assert_eq!(String::from_utf8_lossy(&all.stdout), want);
    if let Some(gnu) = gnu("uname") {
        assert_eq!(all, emulated("uname", run(&gnu, "-a")));
    }
}

#[test]
fn help_and_version_are_our_own() {
    if !has(&["uname"]) {
        return;
    }
    let version = format!("uname (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["--v"], &["--ver"], &["-a", "--version"], &["x", "--version"]] {
        run_as("uname").args(args).assert().code(0).stdout(version.clone()).stderr("");
    }
    for args in [&["--help"][..], &["--he"], &["-a", "--help"]] {
        let out = run_as("uname").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("Usage: uname "), "{args:?}: {out:?}");
        assert_eq!(out.stderr, b"");
    }
}

#[test]
fn write_errors_are_reported_with_status_1() {
    if !has(&["uname"]) {
        return;
    }
    for args in [&[][..], &["-a"], &["-p"]] {
        std_as("uname")
            .args(args)
            .stdout(dev_full())
            .output()
            .unwrap()
            .assert()
            .code(1)
            .stdout("")
            .stderr("uname: write error: No space left on device\n");
    }
    let closed = bash("exec -a uname \"$B\" >&-");
    assert_eq!(
        (closed.status, String::from_utf8_lossy(&closed.stderr).into_owned()),
        (Some(1), "uname: write error: Bad file descriptor\n".into())
    );
}

fn random_args(rng: &mut Rng) -> Vec<OsString> {
    let opts: &[&[u8]] = &[
        b"-a",
        b"-s",
        b"-n",
        b"-r",
        b"-v",
        b"-m",
        b"-p",
        b"-i",
        b"-o",
        b"-snr",
        b"-vmo",
        b"-pi",
        b"-ap",
        b"-mnx",
        b"-x",
        b"-A",
        b"-",
        b"--",
        b"--all",
        b"--al",
        b"--a",
        b"--kernel-name",
        b"--kernel-n",
        b"--sysname",
        b"--s",
        b"--nodename",
        b"--n",
        b"--no",
        b"--kernel-release",
        b"--kernel-r",
        b"--release",
        b"--r",
        b"--kernel-version",
        b"--kernel-v",
        b"--machine",
        b"--m",
        b"--processor",
        b"--p",
        b"--hardware-platform",
        b"--ha",
        b"--h",
        b"--operating-system",
        b"--o",
        b"--k",
        b"--kernel",
        b"--ker",
        b"--all=1",
        b"--machine=",
        b"--o=x",
        b"--bogus",
        b"--bogus=1",
        b"--=",
        b"---",
        b"-\xff",
        b"-\n",
    ];
    let words: &[&[u8]] = &[b"x", b"", b"a b", b"it's", b"\x01", b"\x80\xff", b"\n", b"\"", b"-", b"all"];
    let n = rng.below(5);
    (0..n)
        .map(|_| if rng.chance(85) { os(opts[rng.below(opts.len())]) } else { os(words[rng.below(words.len())]) })
        .collect()
}

#[test]
fn uname_matches_gnu_on_a_random_corpus() {
    if !has(&["uname"]) {
        return;
    }
    let dir = tempdir("uname-corpus");
    differential("uname", 0x0a11_0005, 400, &dir, b"", |case, rng| (random_args(rng), posix_every_fourth(case)));
}
