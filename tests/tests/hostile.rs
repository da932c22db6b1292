//! Bad input for #13's and #15's applets, each compared with GNU: 100 000 operands,
//! bytes that are not UTF-8, huge numbers. Nothing may crash, hang or say
//! anything GNU does not.

mod common;
use common::*;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;

fn same(name: &str, args: Vec<OsString>, env: &[(&str, &str)]) {
    let Some(gnu) = gnu(name) else { return };
    let dir = tempdir("hostile");
    let want = outcome(Path::new(&gnu), name, &args, b"", env, &dir);
    let got = outcome(bin(), name, &args, b"", env, &dir);
    assert!(got.status.is_some(), "{name} died: {}", got.show());
    assert!(
        got == want,
        "{name} with {} arguments:\nours: {}\ngnu:  {}",
        args.len(),
        &got.show()[..got.show().len().min(600)],
        &want.show()[..want.show().len().min(600)]
    );
}

fn many(first: &[&str], each: impl Fn(usize) -> Vec<u8>) -> Vec<OsString> {
    let mut v: Vec<OsString> = first.iter().map(OsString::from).collect();
    v.extend((0..100_000).map(|i| OsString::from_vec(each(i))));
    v
}

#[test]
fn a_hundred_thousand_operands_are_handled_as_gnu_handles_them() {
    let odd = |i: usize| vec![0x80 + (i % 128) as u8, b'/', b'b'];
    for (name, first) in [
        ("basename", &["-a"][..]),
        ("basename", &["-s", "b"][..]),
        ("dirname", &[][..]),
        ("printenv", &[][..]),
        ("uname", &[][..]),
        ("pwd", &[][..]),
        ("nproc", &[][..]),
        ("sleep", &[][..]),
    ] {
        if has(&[name]) {
            same(name, many(first, odd), &[("A", "1")]);
        }
    }
    if has(&["sleep"]) {
        same("sleep", many(&[], |i| if i % 2 == 0 { b"0".to_vec() } else { b"0x0p9s".to_vec() }), &[]);
    }
    // #15's: names under a missing directory, so neither run changes the
    // directory both share.
    let missing = |i: usize| [&b"no/"[..], &odd(i)].concat();
    for (name, first) in [
        ("rm", &[][..]),
        ("rm", &["-rf"][..]),
        ("rmdir", &["-p"][..]),
        ("mkdir", &["-p", "-m", "u+s"][..]),
        ("ln", &["-s"][..]),
        ("ln", &["-t", "."][..]),
        ("touch", &[][..]),
        ("touch", &["-c"][..]),
    ] {
        if has(&[name]) {
            same(name, many(first, missing), &[]);
        }
    }
    if has(&["env"]) {
        // 100 000 assignments, then a command that prints them.
        let mut args = many(&["-i"], |i| format!("V{i}=\u{ff}").into_bytes());
        args.truncate(60_000);
        same("env", args, &[]);
        let mut args = many(&["-i", "/bin/echo"], odd);
        args.truncate(50_000);
        same("env", args, &[]);
        same("env", many(&["-i"], |i| format!("-uX{i}").into_bytes()), &[]);
    }
}

#[test]
fn huge_numbers_and_odd_bytes_are_gnu_s_errors() {
    let cases: &[(&str, &[&[u8]])] = &[
        ("sleep", &[b"1e99999999999999999999x"]),
        ("sleep", &[b"\xff"]),
        ("sleep", &[b"0", b"-0", b"\x80s"]),
        ("nproc", &[b"--ignore=99999999999999999999"]),
        ("nproc", &[b"--ignore=184467440737095516150"]),
        ("nproc", &[b"--ignore=18446744073709551615"]),
        ("nproc", &[b"--ignore=\xff"]),
        ("env", &[b"--block-signal=99999999999999999999", b"true"]),
        ("env", &[b"-u", b"\xff=", b"true"]),
        ("env", &[b"-S", b"\xff\\\xff"]),
        ("env", &[b"\xff\xfe"]),
        ("basename", &[b"\xff/", b"\xff"]),
        ("uname", &[b"-\xff"]),
        ("printenv", &[b"--\xff"]),
    ];
    for (name, args) in cases {
        if has(&[name]) {
            same(name, args.iter().map(|a| OsString::from_vec(a.to_vec())).collect(), &[]);
        }
    }
}

#[test]
fn sleep_of_1e400_is_forever_until_a_signal() {
    if !has(&["sleep"]) {
        return;
    }
    use std::os::unix::process::{CommandExt, ExitStatusExt};
    let mut child = std::process::Command::new(bin()).arg0("sleep").arg("1e400").spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(child.try_wait().unwrap().is_none(), "sleep 1e400 ended");
    unsafe_kill(child.id());
    assert_eq!(child.wait().unwrap().signal(), Some(15));
}

fn unsafe_kill(pid: u32) {
    std::process::Command::new("kill").arg(pid.to_string()).status().unwrap();
}
