//! env: printing the environment (-0), assignments as glibc's putenv makes
//! them, -i / `-`, -u and its EINVAL, -C, -S splitting (quotes, escapes,
//! comments, ${VAR}, every error) and shebang lines, the signal options and
//! --list-signal-handling, the -v trace, running the command as execvp does
//! (PATH search, /bin/sh for scripts without #!, 126/127), env's own errors
//! (125), no permutation, and a differential run against GNU env.

mod common;
use common::*;
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

const TRY: &str = "Try 'env --help' for more information.\n";

fn write_mode(path: &Path, data: &str, mode: u32) {
    std::fs::write(path, data).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A working directory with things to run and not to run:
/// `noshebang` (executable, no `#!`: run by /bin/sh), `f` (not executable),
/// `d/` (a directory) holding `cmd` (a `#!/bin/sh` script), `badinterp`
/// (a `#!` naming a missing interpreter).
fn fixtures() -> PathBuf {
    let dir = tempdir("env");
    write_mode(&dir.join("noshebang"), "echo script \"$0\" \"$@\"\n", 0o755);
    write_mode(&dir.join("f"), "x\n", 0o644);
    std::fs::create_dir(dir.join("d")).unwrap();
    write_mode(&dir.join("d/cmd"), "#!/bin/sh\necho cmd \"$0\" \"$@\"\n", 0o755);
    write_mode(&dir.join("badinterp"), "#!/nonexistent/interp\n", 0o755);
    dir
}

fn env_in(dir: &Path) -> assert_cmd::Command {
    let mut c = run_as("env");
    c.current_dir(dir);
    c
}

fn os(bytes: &[u8]) -> OsString {
    OsString::from_vec(bytes.to_vec())
}

/// The names GNU (sig2str) gives signals 1..=64 on Linux; 32 and 33 have none.
fn signame(n: i32) -> Option<String> {
    const LOW: [&str; 31] = [
        "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM",
        "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF",
        "WINCH", "POLL", "PWR", "SYS",
    ];
    match n {
        1..=31 => Some(LOW[n as usize - 1].to_string()),
        34 => Some("RTMIN".into()),
        35..=49 => Some(format!("RTMIN+{}", n - 34)),
        50..=63 => Some(format!("RTMAX-{}", 64 - n)),
        64 => Some("RTMAX".into()),
        _ => None,
    }
}

#[test]
fn with_no_command_it_prints_the_environment() {
    if !has(&["env"]) {
        return;
    }
    run_as("env")
        .env("A", "1")
        .env("B", "x y")
        .env("C", os(b"\xff\n"))
        .assert()
        .code(0)
        .stdout(inherited(&[b"A=1", b"B=x y", b"C=\xff\n", b"LC_ALL=C"]))
        .stderr("");
    run_as("env").arg("-i").assert().code(0).stdout("").stderr("");
    run_as("env").args(["--"]).assert().code(0).stdout("LC_ALL=C\n");
}

#[test]
fn assignments_replace_in_place_and_new_ones_come_last() {
    if !has(&["env"]) {
        return;
    }
    run_as("env").args(["-i", "A=1", "B=2", "A=3"]).assert().code(0).stdout("A=3\nB=2\n");
    run_as("env").env("A", "1").arg("A=2").assert().stdout(inherited(&[b"A=2", b"LC_ALL=C"]));
    let kept = inherited(&[b"B=1", b"LC_ALL=C"]);
    run_as("env").env("A", "1").env("B", "1").args(["-u", "A", "A=2"]).assert().stdout([&kept[..], b"A=2\n"].concat());
    run_as("env").args(["-i", "C=a=b", "E=", "F==", "G=x y"]).assert().stdout("C=a=b\nE=\nF==\nG=x y\n");
    // An empty name is a name (glibc putenv): `=` and `=x` are one variable.
    run_as("env").args(["-i", "=", "=x"]).assert().stdout("=x\n");
    run_as("env").args(["-i", "=x", "=", "A=1", "="]).assert().stdout("=\nA=1\n");
    run_as("env").args(["-i", "-"]).arg(os(b"A=\xff\x01")).assert().stdout(b"A=\xff\x01\n".to_vec());
    run_as("env").args(["-i", "A=1", "/usr/bin/printenv", "A", "LC_ALL"]).assert().code(1).stdout("1\n");
}

#[test]
fn ignore_environment_in_every_spelling() {
    if !has(&["env"]) {
        return;
    }
    for args in [
        &["-i"][..],
        &["-"],
        &["--ignore-environment"],
        &["--ignore-e"],
        &["-i", "-"],
        &["--", "-"],
        &["-v", "-i"],
        &["-iv"],
    ] {
        let mut want_err = String::new();
        if args.iter().any(|a| *a == "-v" || *a == "-iv") {
            want_err = "cleaning environ\nsetenv:   X=1\n".into();
        }
        run_as("env").env("A", "1").args(args).arg("X=1").assert().code(0).stdout("X=1\n").stderr(want_err);
    }
    // Only the first `-` is special.
    run_as("env").args(["-", "-"]).assert().code(127).stdout("").stderr("env: '-': No such file or directory\n");
    run_as("env").args(["-i", "--", "--"]).assert().code(127).stderr("env: '--': No such file or directory\n");
    run_as("env")
        .args(["-i", "--ignore-environment=x"])
        .assert()
        .code(125)
        .stderr(format!("env: option '--ignore-environment' doesn't allow an argument\n{TRY}"));
}

#[test]
fn unset_removes_variables_before_the_assignments() {
    if !has(&["env"]) {
        return;
    }
    let base = || {
        let mut c = run_as("env");
        c.env("A", "1").env("B", "2");
        c
    };
    for args in [&["-u", "A"][..], &["--unset=A"], &["--unset", "A"], &["-uA"], &["--un=A"], &["-u", "A", "-u", "NOPE"]]
    {
        base().args(args).assert().code(0).stdout(inherited(&[b"B=2", b"LC_ALL=C"])).stderr("");
    }
    base().args(["-u", "A", "-u", "B", "-u", "LC_ALL"]).assert().code(0).stdout("");
    base().args(["-u", "A B"]).assert().code(0).stdout(inherited(&[b"A=1", b"B=2", b"LC_ALL=C"]));
    base().args(["-u", "A", "A=3"]).assert().stdout([&inherited(&[b"B=2", b"LC_ALL=C"])[..], b"A=3\n"].concat());
    base().args(["-v", "-u", "A", "-u", "B"]).assert().stdout("LC_ALL=C\n").stderr("unset:    A\nunset:    B\n");
}

#[test]
fn unsetting_a_name_with_an_equals_sign_or_an_empty_name_is_invalid() {
    if !has(&["env"]) {
        return;
    }
    let cases: &[(&[u8], &str)] = &[
        (b"A=B", "'A=B'"),
        (b"", "''"),
        (b"=", "'='"),
        (b"it's=1", "'it\\'s=1'"),
        (b"a\n=b", "'a\\n=b'"),
        (b"a\xff=", "'a\\377='"),
    ];
    for (name, shown) in cases {
        run_as("env")
            .env("A", "1")
            .arg("-u")
            .arg(os(name))
            .arg("/bin/true")
            .assert()
            .code(125)
            .stdout("")
            .stderr(format!("env: cannot unset {shown}: Invalid argument\n"));
    }
    // The unsets run in order: the first bad one stops env.
    run_as("env")
        .env("A", "1")
        .args(["-v", "-u", "A", "-u", "A=B", "-u", "C=D"])
        .assert()
        .code(125)
        .stdout("")
        .stderr("unset:    A\nunset:    A=B\nenv: cannot unset 'A=B': Invalid argument\n");
    // With -i nothing is unset, so nothing fails.
    run_as("env").args(["-i", "-u", "A=B"]).assert().code(0).stdout("").stderr("");
    run_as("env").args(["-u", "A=B", "-"]).assert().code(0).stdout("").stderr("");
}

#[test]
fn null_ends_each_entry_with_a_nul_and_refuses_a_command() {
    if !has(&["env"]) {
        return;
    }
    run_as("env").args(["-i", "-0", "A=1", "B=x\ny"]).assert().code(0).stdout(b"A=1\0B=x\ny\0".to_vec());
    run_as("env").args(["--null", "-i", "A="]).assert().code(0).stdout(b"A=\0".to_vec());
    run_as("env").args(["-0"]).assert().code(0).stdout(b"LC_ALL=C\0".to_vec());
    run_as("env").args(["-i0"]).assert().code(0).stdout("");
    for args in [&["-0", "/bin/true"][..], &["-i", "--null", "A=1", "nosuchcmd"], &["-0", "-C", "/", "true"]] {
        run_as("env")
            .args(args)
            .assert()
            .code(125)
            .stdout("")
            .stderr(format!("env: cannot specify --null (-0) with command\n{TRY}"));
    }
    run_as("env")
        .args(["--null=1"])
        .assert()
        .code(125)
        .stderr(format!("env: option '--null' doesn't allow an argument\n{TRY}"));
}

#[test]
fn chdir_runs_the_command_in_another_directory() {
    if !has(&["env"]) {
        return;
    }
    let dir = fixtures();
    let d = format!("{}/d\n", dir.display());
    for args in
        [&["-C", "d", "/bin/pwd"][..], &["--chdir=d", "/bin/pwd"], &["-Cd", "/bin/pwd"], &["--ch", "d", "/bin/pwd"]]
    {
        env_in(&dir).args(args).assert().code(0).stdout(d.clone()).stderr("");
    }
    env_in(&dir).args(["-C", "/", "/bin/pwd"]).assert().stdout("/\n");
    // The command is looked for after the change of directory.
    env_in(&dir).args(["-C", "d", "PATH=.", "cmd", "x"]).assert().code(0).stdout("cmd ./cmd x\n");
    env_in(&dir).args(["-C", "d", "./cmd"]).assert().code(0).stdout("cmd ./cmd\n");
    env_in(&dir)
        .args(["-iC", "d", "-v", "/bin/true"])
        .assert()
        .code(0)
        .stderr("cleaning environ\nchdir:    'd'\nexecuting: /bin/true\n   arg[0]= '/bin/true'\n");
}

#[test]
fn chdir_failures_are_125_and_chdir_needs_a_command() {
    if !has(&["env"]) {
        return;
    }
    let dir = fixtures();
    let cases: &[(&[u8], &str)] = &[
        (b"missing", "'missing': No such file or directory"),
        (b"it's", "\"it's\": No such file or directory"),
        (b"a\nb", "'a'$'\\n''b': No such file or directory"),
        (b"\xff", "''$'\\377': No such file or directory"),
        (b"", "'': No such file or directory"),
        (b"f", "'f': Not a directory"),
        (b"f/x", "'f/x': Not a directory"),
    ];
    for (to, msg) in cases {
        env_in(&dir)
            .arg("-C")
            .arg(os(to))
            .arg("/bin/true")
            .assert()
            .code(125)
            .stdout("")
            .stderr(format!("env: cannot change directory to {msg}\n"));
    }
    env_in(&dir)
        .args(["-v", "-C", "it's", "/bin/true"])
        .assert()
        .code(125)
        .stderr("chdir:    \"it's\"\nenv: cannot change directory to \"it's\": No such file or directory\n");
    for args in [&["-C", "d"][..], &["-C", "missing"], &["-i", "-C", "d", "A=1"], &["-0", "-C", "d"]] {
        env_in(&dir)
            .args(args)
            .assert()
            .code(125)
            .stdout("")
            .stderr(format!("env: must specify command with --chdir (-C)\n{TRY}"));
    }
}

/// `env -S STRING ARGS...` with X=xv and E= in the environment.
fn split(s: &str, args: &[&str]) -> assert_cmd::Command {
    let mut c = run_as("env");
    c.env("X", "xv").env("E", "").arg("-S").arg(s).args(args);
    c
}

#[test]
fn split_string_honours_quotes_escapes_and_comments() {
    if !has(&["env"]) {
        return;
    }
    let cases: &[(&str, &str)] = &[
        ("/usr/bin/printf [%s] a  b", "[a][b]"),
        ("/usr/bin/printf [%s] 'a b' \"c d\" a\"b c\"d", "[a b][c d][ab cd]"),
        (r#"/usr/bin/printf [%s] 'a\tb' "a\tb" a\tb"#, "[a\\tb][a\tb][a\tb]"),
        (r#"/usr/bin/printf [%s] \\ \' \" \# \$"#, r#"[\][']["][#][$]"#),
        (r#"/usr/bin/printf [%s] a\_b "a\_b" 'a\_b'"#, "[a][b][a b][a\\_b]"),
        (r#"/usr/bin/printf [%s] a\cb c"#, "[a]"),
        (r#"/usr/bin/printf [%s] x \c 'open"#, "[x]"),
        (r#"/usr/bin/printf [%s] 'a\cb'"#, "[a\\cb]"),
        ("/usr/bin/printf [%s] a # c", "[a]"),
        ("/usr/bin/printf [%s] x #'open", "[x]"),
        ("/usr/bin/printf [%s] a#b", "[a#b]"),
        ("/usr/bin/printf [%s] #a", "[]"),
        (r#"/usr/bin/printf [%s] a\fb\vc\rd\ne"#, "[a\x0cb\x0bc\rd\ne]"),
        ("/usr/bin/printf [%s] '' \"\"", "[][]"),
        ("/usr/bin/printf [%s] a''b", "[ab]"),
        (r#"/usr/bin/printf [%s] "'" '"'"#, r#"[']["]"#),
        (r#"/usr/bin/printf [%s] '\\' '\'' '\n' '\"'"#, r#"[\]['][\n][\"]"#),
        ("/usr/bin/printf [%s] \"a\tb\" 'c\nd'", "[a\tb][c\nd]"),
        ("\t/usr/bin/printf\n[%s]\x0bx\x0c\ry  ", "[x][y]"),
    ];
    for (s, want) in cases {
        split(s, &[]).assert().code(0).stdout(want.to_string()).stderr("");
    }
}

#[test]
fn split_string_expands_braced_variables_from_the_starting_environment() {
    if !has(&["env"]) {
        return;
    }
    split(r#"/usr/bin/printf [%s] ${X} "${X}" '${X}' ${NOPE}x ${E} ${NOPE} ${X}${X} a${_}b"#, &[])
        .assert()
        .code(0)
        .stdout("[xv][xv][${X}][x][][xvxv][ab]");
    // Expansion happens while options are read: before -i empties the environment.
    run_as("env").env("X", "xv").args(["-iS", "/usr/bin/printf [%s] ${X}"]).assert().stdout("[xv]");
    split("A=${X}${X} /usr/bin/printenv A", &[]).assert().code(0).stdout("xvxv\n");
    split("${X}", &[]).assert().code(127).stderr("env: 'xv': No such file or directory\n");
    run_as("env")
        .env("X", "xv")
        .args(["-vS", "/usr/bin/printf [%s] ${X} ${NOPE}"])
        .assert()
        .code(0)
        .stdout("[xv]")
        .stderr(concat!(
            "expanding ${X} into 'xv'\n",
            "replacing ${NOPE} with null string\n",
            "split -S:  '/usr/bin/printf [%s] ${X} ${NOPE}'\n",
            " into:    '/usr/bin/printf'\n",
            "     &    '[%s]'\n",
            "     &    'xv'\n",
            "executing: /usr/bin/printf\n",
            "   arg[0]= '/usr/bin/printf'\n",
            "   arg[1]= '[%s]'\n",
            "   arg[2]= 'xv'\n",
        ));
}

#[test]
fn split_string_errors_are_125_with_gnus_words() {
    if !has(&["env"]) {
        return;
    }
    let cases: &[(&str, &str)] = &[
        ("/bin/echo \"a\\cb\"", "'\\c' must not appear in double-quoted -S string"),
        ("/bin/echo $X", "only ${VARNAME} expansion is supported, error at: $X"),
        ("/bin/echo ${X", "only ${VARNAME} expansion is supported, error at: ${X"),
        ("/bin/echo ${1X} z", "only ${VARNAME} expansion is supported, error at: ${1X} z"),
        ("/bin/echo ${}", "only ${VARNAME} expansion is supported, error at: ${}"),
        ("/bin/echo ${X-y} z", "only ${VARNAME} expansion is supported, error at: ${X-y} z"),
        ("/bin/echo ${X }", "only ${VARNAME} expansion is supported, error at: ${X }"),
        ("/bin/echo \"$\"", "only ${VARNAME} expansion is supported, error at: $\""),
        ("/bin/echo 'abc", "no terminating quote in -S string"),
        ("/bin/echo \"abc", "no terminating quote in -S string"),
        ("/bin/echo 'a\"", "no terminating quote in -S string"),
        ("/bin/echo abc\\", "invalid backslash at end of string in -S"),
        ("/bin/echo a\\qb", "invalid sequence '\\q' in -S"),
        ("/bin/echo \\x41", "invalid sequence '\\x' in -S"),
        ("/bin/echo \\0", "invalid sequence '\\0' in -S"),
        ("/bin/echo \"\\a\"", "invalid sequence '\\a' in -S"),
        ("/bin/echo \\q 'open", "invalid sequence '\\q' in -S"),
    ];
    for (s, msg) in cases {
        split(s, &[]).assert().code(125).stdout("").stderr(format!("env: {msg}\n"));
    }
}

#[test]
fn split_string_arguments_are_reread_as_options_and_join_the_rest() {
    if !has(&["env"]) {
        return;
    }
    split("/usr/bin/printf [%s] a", &["b", "c d"]).assert().code(0).stdout("[a][b][c d]");
    split("-S/usr/bin/printf [%s] x", &[]).assert().code(0).stdout("[x]");
    split("-i A=1 /usr/bin/printenv", &[]).assert().code(0).stdout("A=1\n");
    split("-u X /usr/bin/printenv X", &[]).assert().code(1).stdout("");
    split("-i", &["--", "A=2", "/usr/bin/printenv"]).assert().code(0).stdout("A=2\n");
    // Options after the split words' first operand are the command's.
    split("-i A=1", &["-v", "/usr/bin/printenv"]).assert().code(127).stderr("env: '-v': No such file or directory\n");
    split("-C", &[]).assert().code(125).stderr(format!("env: option requires an argument -- 'C'\n{TRY}"));
    for s in ["", " ", "#x", " # a b", "\\c x"] {
        split(s, &[]).assert().code(0).stdout(inherited(&[b"E=", b"LC_ALL=C", b"X=xv"]));
    }
    run_as("env").args(["--split-string=-i A=1 /usr/bin/printenv"]).assert().stdout("A=1\n");
    run_as("env").args(["--split=-i A=1", "/usr/bin/printenv"]).assert().stdout("A=1\n");
    run_as("env").args(["-i", "-S", "-0 A=1"]).assert().stdout(b"A=1\0".to_vec());
    run_as("env").args(["-i", "-S", "-0", "-S", "A=1"]).assert().stdout(b"A=1\0".to_vec());
    run_as("env").args(["-S"]).assert().code(125).stderr(format!("env: option requires an argument -- 'S'\n{TRY}"));
    run_as("env")
        .args(["--split-string"])
        .assert()
        .code(125)
        .stderr(format!("env: option '--split-string' requires an argument\n{TRY}"));
    run_as("env").args(["-vS", "X=1 /usr/bin/printenv X"]).assert().code(0).stdout("1\n").stderr(concat!(
        "split -S:  'X=1 /usr/bin/printenv X'\n",
        " into:    'X=1'\n",
        "     &    '/usr/bin/printenv'\n",
        "     &    'X'\n",
        "setenv:   X=1\n",
        "executing: /usr/bin/printenv\n",
        "   arg[0]= '/usr/bin/printenv'\n",
        "   arg[1]= 'X'\n",
    ));
    // -v after the split does not trace it.
    split("-v /usr/bin/printf %s", &[])
        .assert()
        .code(0)
        .stderr("executing: /usr/bin/printf\n   arg[0]= '/usr/bin/printf'\n   arg[1]= '%s'\n");
    run_as("env").args(["-i", "-v", "-S", "'it\\'s' \"a\\nb\""]).assert().code(127).stderr(concat!(
        "split -S:  '\\'it\\\\\\'s\\' \"a\\\\nb\"'\n",
        " into:    'it\\'s'\n",
        "     &    'a\\nb'\n",
        "cleaning environ\n",
        "executing: it's\n",
        "   arg[0]= 'it\\'s'\n",
        "   arg[1]= 'a\\nb'\n",
        "env: 'it\\'s': No such file or directory\n",
    ));
}

#[test]
fn a_shebang_line_passes_its_options_through_split_string() {
    if !has(&["env"]) {
        return;
    }
    let dir = tempdir("env-shebang");
    let link = dir.join("env");
    std::os::unix::fs::symlink(bin(), &link).unwrap();
    let script = dir.join("script");
    write_mode(&script, &format!("#!{} -S /usr/bin/printf [%s] a\\_b 'c d' ${{HOME}}\n", link.display()), 0o755);
    // A script just written can fail to exec with ETXTBSY while another test
    // thread's child still holds the write descriptor: wait that out.
    let run = |script: &Path| {
        for _ in 0..200 {
            match std::process::Command::new(script)
                .args(["x", "y z"])
                .env_clear()
                .env("LC_ALL", "C")
                .env("HOME", "/h")
                .output()
            {
                Err(e) if e.raw_os_error() == Some(26) => std::thread::sleep(std::time::Duration::from_millis(10)),
                other => return other.unwrap(),
            }
        }
        panic!("{} stays busy", script.display());
    };
    run(&script).assert().code(0).stdout(format!("[a][b][c d][/h][{}][x][y z]", script.display())).stderr("");

    let traced = dir.join("traced");
    write_mode(&traced, &format!("#!{} -vS A=1 /usr/bin/printenv A\n", link.display()), 0o755);
    run(&traced).assert().code(1).stdout("1\n").stderr(format!(
        "split -S:  ' A=1 /usr/bin/printenv A'\n into:    'A=1'\n     &    '/usr/bin/printenv'\n     &    'A'\n\
         setenv:   A=1\nexecuting: /usr/bin/printenv\n   arg[0]= '/usr/bin/printenv'\n   arg[1]= 'A'\n\
         \x20  arg[2]= '{}'\n   arg[3]= 'x'\n   arg[4]= 'y z'\n",
        traced.display()
    ));

    // Without -S the kernel passes "-i /usr/bin/printenv" as one argument.
    let bad = dir.join("bad");
    write_mode(&bad, &format!("#!{} -i /usr/bin/printenv\n", link.display()), 0o755);
    let l = link.display();
    run(&bad).assert().code(125).stdout("").stderr(format!(
        "{l}: invalid option -- ' '\n{l}: use -[v]S to pass options in shebang lines\nTry '{l} --help' for more information.\n"
    ));
}

#[test]
fn whitespace_in_an_option_or_a_missing_command_hints_at_dash_s() {
    if !has(&["env"]) {
        return;
    }
    let hint = "env: use -[v]S to pass options in shebang lines\n";
    for (arg, c) in [
        ("-i printenv", ' '),
        ("-i\tprintenv", '\t'),
        ("-vi printenv", ' '),
        ("- i", ' '),
        ("-\x0b", '\x0b'),
        ("-\r", '\r'),
    ] {
        run_as("env")
            .arg(arg)
            .assert()
            .code(125)
            .stdout("")
            .stderr(format!("env: invalid option -- '{c}'\n{hint}{TRY}"));
    }
    for (cmd, shown) in [("a b", "'a b'"), ("a\tb", "'a\\tb'"), ("a\nb", "'a\\nb'"), ("x\x0c", "'x\\f'")] {
        run_as("env")
            .args(["-i", cmd])
            .assert()
            .code(127)
            .stdout("")
            .stderr(format!("env: {shown}: No such file or directory\n{hint}"));
    }
    run_as("env").args(["-i", "it's"]).assert().code(127).stderr("env: 'it\\'s': No such file or directory\n");
    // Only for a missing command: one that cannot run gets no hint.
    run_as("env")
        .args(["-i", "/etc/passwd x"])
        .assert()
        .code(127)
        .stderr(format!("env: '/etc/passwd x': No such file or directory\n{hint}"));
}

#[test]
fn debug_traces_each_step_on_stderr() {
    if !has(&["env"]) {
        return;
    }
    let dir = fixtures();
    env_in(&dir)
        .args(["-v", "-i", "-u", "A", "A=1", "/bin/echo", "x", "a b"])
        .assert()
        .code(0)
        .stdout("x a b\n")
        .stderr(concat!(
            "cleaning environ\n",
            "setenv:   A=1\n",
            "executing: /bin/echo\n",
            "   arg[0]= '/bin/echo'\n",
            "   arg[1]= 'x'\n",
            "   arg[2]= 'a b'\n",
        ));
    env_in(&dir)
        .args(["--debug", "-C", "d", "B=", "./cmd", "", "it's"])
        .assert()
        .code(0)
        .stdout("cmd ./cmd  it's\n")
        .stderr(concat!(
            "setenv:   B=\n",
            "chdir:    'd'\n",
            "executing: ./cmd\n",
            "   arg[0]= './cmd'\n",
            "   arg[1]= ''\n",
            "   arg[2]= 'it\\'s'\n",
        ));
    env_in(&dir)
        .args(["-v", "--block-signal=INT", "--ignore-signal=PIPE,HUP", "--default-signal=TERM", "true"])
        .assert()
        .code(0)
        .stderr(concat!(
            "Reset signal HUP (1) to IGNORE\n",
            "Reset signal PIPE (13) to IGNORE\n",
            "Reset signal TERM (15) to DEFAULT\n",
            "signal INT (2) mask set to BLOCK\n",
            "signal TERM (15) mask set to UNBLOCK\n",
            "executing: true\n",
            "   arg[0]= 'true'\n",
        ));
    env_in(&dir).arg("-v").arg(os(b"a\nb\xff")).assert().code(127).stderr(
        b"executing: a\nb\xff\n   arg[0]= 'a\\nb\\377'\nenv: 'a\\nb\\377': No such file or directory\n\
              env: use -[v]S to pass options in shebang lines\n"
            .to_vec(),
    );
    env_in(&dir)
        .args(["-v", "-i", "-"])
        .arg(os(b"A=\xff"))
        .assert()
        .code(0)
        .stdout(b"A=\xff\n".to_vec())
        .stderr(b"cleaning environ\nsetenv:   A=\xff\n".to_vec());
}

#[test]
fn ignoring_or_defaulting_every_signal_traces_each_known_one() {
    if !has(&["env"]) {
        return;
    }
    let known: Vec<(i32, String)> = (1..=64).filter_map(|n| signame(n).map(|s| (n, s))).collect();
    let fail = |n: i32| if n == 9 || n == 19 { " (failure ignored)" } else { "" };
    let mut ignore = String::from("cleaning environ\n");
    for (n, s) in &known {
        ignore += &format!("Reset signal {s} ({n}) to IGNORE{}\n", fail(*n));
    }
    ignore += "executing: true\n   arg[0]= 'true'\n";
    run_as("env").args(["-i", "-v", "--ignore-signal", "true"]).assert().code(0).stdout("").stderr(ignore);

    let mut default = String::new();
    for (n, s) in &known {
        default += &format!("Reset signal {s} ({n}) to DEFAULT{}\n", fail(*n));
    }
    for (n, s) in &known {
        default += &format!("signal {s} ({n}) mask set to UNBLOCK\n");
    }
    default += "executing: true\n   arg[0]= 'true'\n";
    run_as("env").args(["-v", "--default-signal", "true"]).assert().code(0).stderr(default);

    let mut block = String::new();
    for (n, s) in &known {
        block += &format!("signal {s} ({n}) mask set to BLOCK\n");
    }
    block += "executing: true\n   arg[0]= 'true'\n";
    run_as("env").args(["-v", "--block-signal", "true"]).assert().code(0).stderr(block);
}

#[test]
fn the_trace_follows_the_order_env_works_in() {
    if !has(&["env"]) {
        return;
    }
    // Environment, handlers, mask, the listing, chdir, then the command.
    let mut want = String::from("cleaning environ\nsetenv:   A=1\n");
    for n in 1..=64 {
        let Some(s) = signame(n) else { continue };
        want += &match n {
            1 => "Reset signal HUP (1) to IGNORE\n".to_string(),
            9 | 19 => format!("Reset signal {s} ({n}) to DEFAULT (failure ignored)\n"),
            _ => format!("Reset signal {s} ({n}) to DEFAULT\n"),
        };
    }
    for n in 1..=64 {
        let Some(s) = signame(n) else { continue };
        want += &format!("signal {s} ({n}) mask set to {}\n", if n == 10 { "BLOCK" } else { "UNBLOCK" });
    }
    want += "HUP        ( 1): IGNORE\nUSR1       (10): BLOCK\nchdir:    '/'\nexecuting: /bin/true\n   arg[0]= '/bin/true'\n";
    run_as("env")
        .args([
            "-v",
            "-i",
            "--default-signal",
            "--block-signal=USR1",
            "--ignore-signal=HUP",
            "--list-signal-handling",
            "-C",
            "/",
            "A=1",
            "/bin/true",
        ])
        .assert()
        .code(0)
        .stdout("")
        .stderr(want);
}

#[test]
fn signal_names_numbers_and_lists_are_read_as_gnu_reads_them() {
    if !has(&["env"]) {
        return;
    }
    let cases: &[(&str, &[(&str, i32)])] = &[
        ("sigint", &[("INT", 2)]),
        ("SigInt", &[("INT", 2)]),
        ("int", &[("INT", 2)]),
        ("2", &[("INT", 2)]),
        ("02", &[("INT", 2)]),
        ("130", &[("INT", 2)]),
        ("258", &[("INT", 2)]),
        ("34", &[("RTMIN", 34)]),
        ("RTMIN", &[("RTMIN", 34)]),
        ("sigrtmin+1", &[("RTMIN+1", 35)]),
        ("rtmax-1", &[("RTMAX-1", 63)]),
        ("RTMIN+30", &[("RTMAX", 64)]),
        ("RTMIN+16", &[("RTMAX-14", 50)]),
        ("RTMAX-15", &[("RTMIN+15", 49)]),
        ("64", &[("RTMAX", 64)]),
        ("IOT", &[("ABRT", 6)]),
        ("CLD", &[("CHLD", 17)]),
        ("IO", &[("POLL", 29)]),
        ("SIGIO", &[("POLL", 29)]),
        ("PIPE,INT", &[("INT", 2), ("PIPE", 13)]),
        ("INT,,PIPE,", &[("INT", 2), ("PIPE", 13)]),
        (",", &[]),
        ("", &[]),
    ];
    for (arg, sigs) in cases {
        let mut want = String::new();
        for (name, n) in *sigs {
            want += &format!("Reset signal {name} ({n}) to IGNORE\n");
        }
        want += "executing: true\n   arg[0]= 'true'\n";
        run_as("env").args(["-v", &format!("--ignore-signal={arg}"), "true"]).assert().code(0).stdout("").stderr(want);
    }
    run_as("env").args(["-v", "--block-signal=USR1,sigusr2", "--block-signal=usr1", "true"]).assert().code(0).stderr(
        "signal USR1 (10) mask set to BLOCK\nsignal USR2 (12) mask set to BLOCK\nexecuting: true\n   arg[0]= 'true'\n",
    );
    run_as("env")
        .args(["-v", "--block-signal=", "true"])
        .assert()
        .code(0)
        .stderr("executing: true\n   arg[0]= 'true'\n");
}

#[test]
fn invalid_signals_are_reported_with_the_try_line() {
    if !has(&["env"]) {
        return;
    }
    let cases: &[(&str, &str)] = &[
        ("FOO", "'FOO'"),
        ("0", "'0'"),
        ("EXIT", "'EXIT'"),
        ("sigexit", "'sigexit'"),
        ("32", "'32'"),
        ("33", "'33'"),
        ("65", "'65'"),
        ("RTMIN+31", "'RTMIN+31'"),
        ("RTMAX-31", "'RTMAX-31'"),
        ("+2", "'+2'"),
        (" 2", "' 2'"),
        ("2x", "'2x'"),
        ("0x2", "'0x2'"),
        ("SIG", "'SIG'"),
        ("SIGSIGINT", "'SIGSIGINT'"),
        ("4294967298", "'4294967298'"),
        ("-1", "'-1'"),
        ("INT,FOO", "'FOO'"),
        ("FOO,BAR", "'FOO'"),
        ("a b", "'a b'"),
        ("it's", "'it\\'s'"),
    ];
    for opt in ["--ignore-signal", "--default-signal", "--block-signal"] {
        for (arg, shown) in cases {
            run_as("env")
                .args(["-v", &format!("{opt}={arg}"), "true"])
                .assert()
                .code(125)
                .stdout("")
                .stderr(format!("env: {shown}: invalid signal\n{TRY}"));
        }
    }
}

#[test]
fn kill_and_stop_cannot_be_ignored_or_defaulted_but_may_be_blocked() {
    if !has(&["env"]) {
        return;
    }
    for (opt, n) in [
        ("--ignore-signal=KILL", 9),
        ("--ignore-signal=9", 9),
        ("--ignore-signal=stop", 19),
        ("--default-signal=KILL", 9),
        ("--default-signal=SIGSTOP", 19),
        ("--ignore-signal=INT,STOP,KILL", 9),
    ] {
        run_as("env").args(["-v", opt, "true"]).assert().code(125).stdout("").stderr(format!(
            "{}env: failed to set signal action for signal {n}: Invalid argument\n",
            if opt.contains("INT") { "Reset signal INT (2) to IGNORE\n" } else { "" }
        ));
    }
    run_as("env").args(["--default-signal", "--block-signal=KILL,STOP", "--list-signal-handling", "true"]).assert().code(0).stderr("");
}

#[test]
fn list_signal_handling_shows_blocked_and_ignored_signals() {
    if !has(&["env"]) {
        return;
    }
    run_as("env")
        .args([
            "--default-signal",
            "--ignore-signal=INT,RTMAX",
            "--block-signal=USR1,INT,RTMIN+3",
            "--list-signal-handling",
            "/bin/true",
        ])
        .assert()
        .code(0)
        .stdout("")
        .stderr(
            "INT        ( 2): BLOCK,IGNORE\nUSR1       (10): BLOCK\nRTMIN+3    (37): BLOCK\nRTMAX      (64): IGNORE\n",
        );
    run_as("env")
        .args(["--default-signal", "--block-signal=HUP", "--default-signal=HUP", "--list", "/bin/true"])
        .assert()
        .code(0)
        .stderr("");
    // Without a command nothing is listed.
    run_as("env")
        .args(["-i", "--default-signal", "--ignore-signal=INT", "--list-signal-handling"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
    let mut all = String::new();
    for n in (1..=64).filter(|&n| n != 9 && n != 19) {
        if let Some(s) = signame(n) {
            let ign = if n == 12 { ",IGNORE" } else { "" };
            all += &format!("{s:<10} ({n:>2}): BLOCK{ign}\n");
        }
    }
    if native("every signal blocked (qemu-user keeps some for itself)") {
        run_as("env")
            .args(["--list-signal-handling", "--default-signal", "--block-signal", "--ignore-signal=USR2", "/bin/true"])
            .assert()
            .code(0)
            .stderr(all);
    }
    run_as("env")
        .args(["--list-signal-handling=1", "true"])
        .assert()
        .code(125)
        .stderr(format!("env: option '--list-signal-handling' doesn't allow an argument\n{TRY}"));
}

#[test]
fn ignored_blocked_and_defaulted_signals_reach_the_command() {
    if !has(&["env"]) || !native("signal dispositions across exec (qemu-user does not hand an inherited ignore to the guest)") {
        return;
    }
    let run = |opt: &str| {
        bash(&format!(
            "trap '' TERM; (exec -a env \"$B\" {opt} /bin/sleep 0.4) & sleep 0.15; kill -TERM $!; wait $!; echo $?"
        ))
    };
    for opt in ["--ignore-signal=TERM", "--block-signal=TERM", "-i"] {
        let out = run(opt);
        assert_eq!(String::from_utf8_lossy(&out.stdout), "0\n", "env {opt}: {}", out.show());
    }
    let out = run("--default-signal=TERM");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "143\n", "{}", out.show());
    let out = run("--default-signal");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "143\n", "{}", out.show());
}

#[test]
fn commands_are_looked_up_as_execvp_does() {
    if !has(&["env"]) {
        return;
    }
    let dir = fixtures();
    let cases: &[(&[&str], &str)] = &[
        // Empty PATH elements are the current directory (the name as given).
        (&["PATH=", "noshebang", "x"], "script noshebang x\n"),
        (&["PATH=:", "noshebang"], "script noshebang\n"),
        (&["PATH=/bin:", "noshebang"], "script noshebang\n"),
        (&["PATH=/nonexistent::/bin", "noshebang"], "script noshebang\n"),
        (&["PATH=.:/bin", "noshebang"], "script ./noshebang\n"),
        (&["PATH=f:.", "noshebang"], "script ./noshebang\n"),
        (&["PATH=/nonexistent:d", "cmd", "y"], "cmd d/cmd y\n"),
        (&["PATH=d/", "cmd"], "cmd d//cmd\n"),
        (&["PATH=noshebang:/bin", "true"], ""),
        (&["./noshebang", "a", "b"], "script ./noshebang a b\n"),
        (&["d/cmd"], "cmd d/cmd\n"),
        (&["-i", "true"], ""),
        (&["-i", "printenv"], ""),
    ];
    for (args, want) in cases {
        env_in(&dir).env("PATH", "/nonexistent").args(*args).assert().code(0).stdout(*want).stderr("");
    }
    // The new environment's PATH is the one searched.
    env_in(&dir).env("PATH", "/nonexistent").args(["-u", "PATH", "true"]).assert().code(0);
    env_in(&dir).env("PATH", "/usr/bin:/bin").args(["PATH=/nonexistent", "true"]).assert().code(127);
    env_in(&dir).env("PATH", "").args(["noshebang"]).assert().code(0).stdout("script noshebang\n");
    // With PATH unset the default is /bin:/usr/bin, not the current directory.
    env_in(&dir).args(["-i", "noshebang"]).assert().code(127).stderr("env: 'noshebang': No such file or directory\n");
    env_in(&dir).args(["-i", "cmd"]).assert().code(127).stderr("env: 'cmd': No such file or directory\n");
}

#[test]
fn a_command_that_cannot_run_is_126_and_a_missing_one_127() {
    if !has(&["env"]) {
        return;
    }
    let dir = fixtures();
    let long = "a".repeat(300);
    let cases: &[(&[&str], i32, String)] = &[
        (&["./f"], 126, "'./f': Permission denied".into()),
        (&["PATH=.", "f"], 126, "'f': Permission denied".into()),
        (&["PATH=d:.:/nonexistent", "f"], 126, "'f': Permission denied".into()),
        (&["PATH=", "d"], 126, "'d': Permission denied".into()),
        (&["./d"], 126, "'./d': Permission denied".into()),
        (&["/"], 126, "'/': Permission denied".into()),
        (&["noshebang/x"], 126, "'noshebang/x': Not a directory".into()),
        (&["PATH=noshebang", "x"], 126, "'x': Not a directory".into()),
        (&[long.as_str()], 126, format!("'{long}': File name too long")),
        (&["./badinterp"], 127, "'./badinterp': No such file or directory".into()),
        (&["PATH=.", "badinterp"], 127, "'badinterp': No such file or directory".into()),
        (&["nosuchcmd"], 127, "'nosuchcmd': No such file or directory".into()),
        (&["PATH=/bin", "nosuchcmd"], 127, "'nosuchcmd': No such file or directory".into()),
        (&["/nonexistent/x"], 127, "'/nonexistent/x': No such file or directory".into()),
        (&["PATH=/nonexistent", "true"], 127, "'true': No such file or directory".into()),
        (&[""], 127, "'': No such file or directory".into()),
    ];
    for (args, code, msg) in cases {
        env_in(&dir)
            .env("PATH", "/usr/bin:/bin")
            .args(*args)
            .assert()
            .code(*code)
            .stdout("")
            .stderr(format!("env: {msg}\n"));
    }
}

#[test]
fn an_overlong_path_element_is_skipped_as_glibc_does() {
    if !has(&["env"]) {
        return;
    }
    // glibc's execvp skips a PATH element longer than PATH_MAX and goes on
    // (by way of the current directory) with the next; a name that fits but whose full path does not is
    // ENAMETOOLONG and stops the search.
    let dir = fixtures();
    let long = format!("/{}", "a".repeat(5000));
    let with = |rest: &str| format!("PATH={long}{rest}");
    env_in(&dir).args([with(":/bin").as_str(), "true"]).assert().code(0).stdout("").stderr("");
    // glibc quirk: after skipping, it reads an empty element (the current
    // directory) before the next one.
    env_in(&dir).args([with(":.").as_str(), "noshebang"]).assert().code(0).stdout("script noshebang\n");
    env_in(&dir).args([with(":/nonexistent").as_str(), "noshebang"]).assert().code(0).stdout("script noshebang\n");
    env_in(&dir)
        .args([with(":/nonexistent").as_str(), "true"])
        .assert()
        .code(127)
        .stderr("env: 'true': No such file or directory\n");
    env_in(&dir)
        .args([format!("PATH=/bin:{long}").as_str(), "nosuchcmd"])
        .assert()
        .code(127)
        .stderr("env: 'nosuchcmd': No such file or directory\n");
    // The only element is skipped: execvp fails with errno 0, which GNU
    // prints as the bare name, status 126.
    env_in(&dir).args([with("").as_str(), "true"]).assert().code(126).stderr("env: 'true'\n");
    let fits = format!("PATH=/{}", "a".repeat(4090));
    env_in(&dir).args([fits.as_str(), "true"]).assert().code(126).stderr("env: 'true': File name too long\n");
}

#[test]
fn env_stops_at_the_first_operand() {
    if !has(&["env"]) {
        return;
    }
    run_as("env")
        .args(["-i", "A=1", "-u", "A"])
        .assert()
        .code(127)
        .stdout("")
        .stderr("env: '-u': No such file or directory\n");
    run_as("env").args(["-i", "/bin/echo", "-i", "-u", "--help"]).assert().code(0).stdout("-i -u --help\n");
    run_as("env").args(["-i", "--", "/bin/echo", "--", "-0"]).assert().code(0).stdout("-- -0\n");
    run_as("env")
        .args(["-i", "A=1", "-C", "/", "true"])
        .assert()
        .code(127)
        .stderr("env: '-C': No such file or directory\n");
}

#[test]
fn bad_options_exit_125_with_the_try_line() {
    if !has(&["env"]) {
        return;
    }
    let cases: &[(&[&str], &str)] = &[
        (&["-x"], "env: invalid option -- 'x'\n"),
        (&["-ix", "true"], "env: invalid option -- 'x'\n"),
        (&["-+"], "env: invalid option -- '+'\n"),
        (&["--foo"], "env: unrecognized option '--foo'\n"),
        (&["--foo=1", "-x"], "env: unrecognized option '--foo=1'\n"),
        (&["-u"], "env: option requires an argument -- 'u'\n"),
        (&["-C"], "env: option requires an argument -- 'C'\n"),
        (&["--unset"], "env: option '--unset' requires an argument\n"),
        (&["--chdir"], "env: option '--chdir' requires an argument\n"),
        (&["--de", "true"], "env: option '--de' is ambiguous; possibilities: '--default-signal' '--debug'\n"),
        (&["--i"], "env: option '--i' is ambiguous; possibilities: '--ignore-environment' '--ignore-signal'\n"),
        (&["--debug=1"], "env: option '--debug' doesn't allow an argument\n"),
        (&["--help=1"], "env: option '--help' doesn't allow an argument\n"),
        (&["--version=1"], "env: option '--version' doesn't allow an argument\n"),
    ];
    for (args, msg) in cases {
        run_as("env").args(*args).assert().code(125).stdout("").stderr(format!("{msg}{TRY}"));
    }
    run_as("env")
        .env("POSIXLY_CORRECT", "1")
        .args(["-x"])
        .assert()
        .code(125)
        .stderr(format!("env: invalid option -- 'x'\n{TRY}"));
}

#[test]
fn messages_name_the_program_as_it_was_called() {
    if !has(&["env"]) {
        return;
    }
    run_as("/usr/bin/env")
        .arg("-x")
        .assert()
        .code(125)
        .stderr("/usr/bin/env: invalid option -- 'x'\nTry '/usr/bin/env --help' for more information.\n");
    run_as("/usr/bin/env")
        .arg("nosuchcmd")
        .assert()
        .code(127)
        .stderr("/usr/bin/env: 'nosuchcmd': No such file or directory\n");
    run_as("femtobox").args(["env", "-i", "/bin/true"]).assert().code(0).stdout("").stderr("");
    run_as("femtobox").args(["env", "-i", "A=1"]).assert().code(0).stdout("A=1\n");
    run_as("femtobox")
        .args(["env", "-u", "A=B"])
        .assert()
        .code(125)
        .stderr("env: cannot unset 'A=B': Invalid argument\n");
    run_as("femtobox").args(["env", "-x"]).assert().code(125).stderr(format!("env: invalid option -- 'x'\n{TRY}"));
}

#[test]
fn write_errors_are_env_errors_and_exit_125() {
    if !has(&["env"]) {
        return;
    }
    std_as("env")
        .args(["-i", "A=1"])
        .stdout(dev_full())
        .output()
        .unwrap()
        .assert()
        .code(125)
        .stderr("env: write error: No space left on device\n");
    let closed = bash("exec -a env \"$B\" -i A=1 >&-");
    assert_eq!(
        (closed.status, String::from_utf8_lossy(&closed.stderr).into_owned()),
        (Some(125), "env: write error: Bad file descriptor\n".into())
    );
    // When glibc's stdio had to flush a full buffer (4096 bytes) and that
    // failed, the data went with it and the final close succeeds: GNU then
    // says only "write error". femtobox does not copy stdio's buffering,
    // so it names the error (a difference the closing note of #13 lists).
    let big = format!("A={}", "x".repeat(5000));
    for args in [&["-i", big.as_str()][..], &["-i", "-0", big.as_str()]] {
        let out = std_as("env").args(args).stdout(dev_full()).output().unwrap();
        assert_eq!(out.status.code(), Some(125));
        assert!(out.stderr.starts_with(b"env: write error"), "{:?}", String::from_utf8_lossy(&out.stderr));
    }
    // The same into a pipe nobody reads, with SIGPIPE ignored.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let piped = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("trap '' PIPE; exec -a env \"$B\" -i {big}"))
        .env_clear()
        .env("LC_ALL", "C")
        .env("B", bin())
        .stdout(writer)
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(125));
    assert!(piped.stderr.starts_with(b"env: write error"), "{:?}", String::from_utf8_lossy(&piped.stderr));
    // Three entries of 3003 bytes: the third is still buffered at the close,
    // whose failure carries strerror again.
    let v = format!("={}", "y".repeat(3000));
    std_as("env")
        .args(["-i", &format!("A{v}"), &format!("B{v}"), &format!("C{v}")])
        .stdout(dev_full())
        .output()
        .unwrap()
        .assert()
        .code(125)
        .stderr("env: write error: No space left on device\n");
    // Nothing to write: no error.
    let empty = bash("exec -a env \"$B\" -i >&-");
    assert_eq!((empty.status, empty.stderr), (Some(0), vec![]));
    let cmd = bash("exec -a env \"$B\" -i /bin/true >&-");
    assert_eq!((cmd.status, cmd.stderr), (Some(0), vec![]));
}

#[test]
fn help_and_version_and_their_prefixes() {
    if !has(&["env"]) {
        return;
    }
    let version = format!("env (femtobox) {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["--v"], &["--vers"], &["-i", "--version"], &["--version", "--help"]] {
        run_as("env").args(args).assert().code(0).stdout(version.clone()).stderr("");
    }
    for args in [&["--help"][..], &["--h"], &["--hel"], &["-u", "A", "--help"], &["--help", "-x"]] {
        let out = run_as("env").args(args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "env {args:?}");
        assert!(text.starts_with("Usage: env") && text.ends_with('\n'), "env {args:?}: {text:?}");
        assert_eq!(out.stderr, b"", "env {args:?}");
    }
    // After the first operand they are the command's.
    run_as("env").args(["-i", "/usr/bin/printf", "%s\n", "--help"]).assert().code(0).stdout("--help\n");
}

#[test]
fn env_matches_gnu_on_a_random_corpus() {
    if !has(&["env"]) {
        return;
    }
    let Some(gnu) = gnu("env") else { return };
    let dir = fixtures();
    let splits: &[&str] = &[
        "/usr/bin/printf [%s] a  b",
        "/usr/bin/printf [%s] 'a b' \"c d\" a\"\"b",
        r#"/usr/bin/printf [%s] 'a\tb' "a\tb" a\tb"#,
        r#"/usr/bin/printf [%s] \\ \' \" \# \$"#,
        r#"/usr/bin/printf [%s] a\_b "a\_b" 'a\_b'"#,
        r#"/usr/bin/printf [%s] a\cb c"#,
        r#"/bin/echo "a\cb""#,
        r#"/bin/echo 'a\cb'"#,
        "/usr/bin/printf [%s] x # comment",
        "/usr/bin/printf [%s] a#b #c",
        r#"/usr/bin/printf [%s] ${A} "${A}" '${A}' ${NOPE}x ${NOPE} ${B} ${E}"#,
        "$A",
        "x ${A",
        "${1A}",
        "${}",
        "${A-x}",
        "'open",
        "\"open",
        "end\\",
        "\\q",
        r#"/usr/bin/printf [%s] \f\v\r\n"#,
        "",
        " ",
        "#x",
        "-i A=1",
        "-u A",
        "-v",
        "-0",
        "-C d",
        "-S-i",
        "-x",
        "--foo",
        "A=${A}${B}",
        "${A}",
        "a\\_",
        "\\_a",
        "-i\\_-0",
        "'' \"\"",
        "-S",
        "-C",
        "/usr/bin/printenv A",
        "printenv ${NOPE}",
        " \t\n",
        "-i printenv",
        "\"-i printenv\"",
        "-vS'/bin/echo \\'x\\''",
    ];
    let opts: &[&[&str]] = &[
        &["-i"],
        &["--ignore-environment"],
        &["-0"],
        &["--null"],
        &["-v"],
        &["--debug"],
        &["-u", "A"],
        &["-u", "PATH"],
        &["-u", "NOPE"],
        &["-uB"],
        &["--unset=A"],
        &["--unset", "LC_ALL"],
        &["-u", "A=B"],
        &["-u", ""],
        &["-C", "d"],
        &["-Cd"],
        &["--chdir=d"],
        &["-C", "missing"],
        &["-C", "f"],
        &["-C", ".."],
        &["--ignore-signal=INT"],
        &["--ignore-signal=PIPE,HUP"],
        &["--default-signal=INT"],
        &["--default-signal"],
        &["--ignore-signal"],
        &["--block-signal"],
        &["--block-signal=USR1,rtmin+2"],
        &["--block-signal=FOO"],
        &["--ignore-signal=0"],
        &["--default-signal=KILL"],
        &["--ignore-signal=130"],
        &["--block-signal="],
        &["--list-signal-handling"],
        &["--list"],
        &["-x"],
        &["--foo"],
        &["--de"],
        &["--null=1"],
        &["-i printenv"],
        &["-iv0"],
    ];
    let assigns: &[&[u8]] = &[
        b"A=1",
        b"B=",
        b"A=two words",
        b"=x",
        b"=",
        b"C=a=b",
        b"D=\xff\n",
        b"PATH=/usr/bin:/bin",
        b"PATH=",
        b"PATH=.",
        b"PATH=:/bin",
        b"LC_ALL=C",
        b"E=${A}",
    ];
    let commands: &[&[&str]] = &[
        &["/usr/bin/printenv"],
        &["/usr/bin/printenv", "A", "PATH"],
        &["/bin/echo", "x"],
        &["true"],
        &["nosuchcmd"],
        &["f"],
        &["./f"],
        &["noshebang", "a"],
        &["./noshebang"],
        &["d"],
        &["/bin/pwd"],
        &["-u"],
        &["a b"],
        &["printenv", "A"],
        &["cmd"],
        &["/usr/bin/printf", "[%s]", "x"],
        &["-"],
        &["it's"],
    ];
    let paths: &[Option<&str>] = &[None, Some(""), Some(":"), Some(".:/bin"), Some("/nonexistent"), Some("d:/usr/bin")];
    let mut rng = Rng(0x0e2f_0125);
    let mut runs = 0;
    for case in 0..400 {
        let mut args: Vec<OsString> = Vec::new();
        for _ in 0..rng.below(4) {
            if rng.chance(25) {
                args.push("-S".into());
                args.push(rng.pick(splits).into());
            } else {
                args.extend(rng.pick(opts).iter().map(OsString::from));
            }
        }
        if rng.chance(10) {
            args.push("-".into());
        } else if rng.chance(5) {
            args.push("--".into());
        }
        for _ in 0..rng.below(3) {
            let a: &&[u8] = rng.pick(assigns);
            args.push(OsStr::from_bytes(a).to_os_string());
        }
        if !rng.chance(35) {
            args.extend(rng.pick(commands).iter().map(OsString::from));
        }
        let path = if case % 4 == 0 { *rng.pick(paths) } else { Some("/usr/bin:/bin") };
        let mut env: Vec<(&str, &str)> = vec![("A", "1"), ("B", "x y")];
        if let Some(p) = path {
            env.push(("PATH", p));
        }
        if rng.chance(20) {
            env.push(("E", ""));
        }
        let want = emulated("env", outcome(Path::new(&gnu), "env", &args, b"", &env, &dir));
        let got = emulated("env", outcome(bin(), "env", &args, b"", &env, &dir));
        assert_eq!(got, want, "env {args:?} with {env:?}\nfemtobox:\n{}\nGNU:\n{}", got.show(), want.show());
        runs += 1;
    }
    eprintln!("env: {runs} argument vectors compared with GNU");
}

#[test]
fn split_string_matches_gnu_on_random_strings() {
    if !has(&["env"]) {
        return;
    }
    let Some(gnu) = gnu("env") else { return };
    let dir = tempdir("env-split");
    let pieces: &[&str] = &[
        "a", "b", " ", "  ", "\t", "\n", "'", "'", "\"", "\"", "\\", "\\", "t", "n", "_", "c", "#", "$", "{", "}", "X",
        "=", "-", "q", "${X}", "${E}", "${N}", "${", "\\_", "\\c", "\\'", "\\\"", "\\#", "\\$", "\\\\", "\\t", "\\v",
        "-i", "-u", "A=1", "\x01", "\u{e9}",
    ];
    let mut rng = Rng(0x0e2f_5e11);
    let mut runs = 0;
    for _ in 0..400 {
        let body: String = (0..rng.below(9)).map(|_| *rng.pick(pieces)).collect();
        let s = if rng.chance(70) { format!("/usr/bin/printf [%s] {body}") } else { body };
        let mut args: Vec<OsString> = Vec::new();
        if rng.chance(25) {
            args.push("-v".into());
        }
        args.push("-S".into());
        args.push(s.into());
        if rng.chance(20) {
            args.push("extra arg".into());
        }
        let env: &[(&str, &str)] = &[("X", "xv"), ("E", ""), ("PATH", "/usr/bin:/bin")];
        let want = emulated("env", outcome(Path::new(&gnu), "env", &args, b"", env, &dir));
        let got = emulated("env", outcome(bin(), "env", &args, b"", env, &dir));
        assert_eq!(got, want, "env {args:?}\nfemtobox:\n{}\nGNU:\n{}", got.show(), want.show());
        runs += 1;
    }
    eprintln!("env: {runs} random -S strings compared with GNU");
}

#[test]
fn env_i_hands_argv_to_the_kernel_in_place_with_one_mmap() {
    if !has(&["env"]) {
        return;
    }
    // The new environment is one small vector of pointers (an mmap); argv
    // is the kernel's own, NULL-terminated already: nothing is copied.
    let Some(calls) = syscalls("env", &["-i", "/bin/true"]) else { return };
    assert_eq!(&calls[..2], ["mmap", "execve"], "env -i /bin/true made {calls:?}");
}
