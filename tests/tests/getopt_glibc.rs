//! femtobox's getopt against glibc's `getopt_long` itself: a tiny C program
//! (tests/c/getopt_long.c, built here with `cc`) runs the same command
//! lines with the same option tables (cat's, yes's, one with required and
//! optional arguments and long-only options, and that one with a leading
//! `+`: stop at the first operand); every option, argument,
//! operand and message must be the same. Also checks the model in
//! src/checks.rs against glibc, so the fuzz targets check against glibc's
//! behaviour. Skipped (with a message) without a C compiler.

mod common;
use common::*;
use femtobox_tests::checks::{
    getopt_model, getopt_ours, spec_of, GlibcSpec, CAT_GLIBC, TEST_GLIBC, TEST_PLUS_GLIBC, YES_GLIBC,
};
use std::io::Write;
use std::process::{Command, Stdio};

const WORDS: &[&str] = &[
    "-a",
    "-b",
    "-c",
    "-n",
    "-ab",
    "-bx",
    "-cx",
    "-cb",
    "-x",
    "-",
    "--",
    "-n5",
    "-an",
    "-nb",
    "-bn",
    "--alpha",
    "--al",
    "--a",
    "--b",
    "--bravo",
    "--brav",
    "--bravi",
    "--bravo=v",
    "--br=",
    "--charlie",
    "--charlie=v",
    "--c",
    "--ch",
    "--co",
    "--color=r",
    "--color",
    "--output-error",
    "--output-error=x",
    "--o",
    "--help",
    "--help=x",
    "--h",
    "--version",
    "--v",
    "--number",
    "--num",
    "--numb=5",
    "--xyz",
    "--=x",
    "--show-all",
    "--show",
    "--s",
    "-vET",
    "-z",
    "file",
    "5",
    "-e",
    "--number-nonblank",
    "--nu",
    "-:",
    "-+",
    "--=",
    "---",
    "--number=",
];

#[test]
fn getopt_parses_every_command_line_as_glibc_getopt_long_does() {
    let dir = tempdir("getopt-glibc");
    let exe = dir.join("getopt_long");
    let src = root().join("tests/c/getopt_long.c");
    match Command::new("cc").arg("-O1").arg("-o").arg(&exe).arg(&src).status() {
        Ok(s) if s.success() => {}
        _ => {
            eprintln!("skipped: no C compiler (cc), so getopt is not compared with glibc's");
            return;
        }
    }
    // Every command line of up to two words, and random ones of three to
    // six, for each table, with and without POSIXLY_CORRECT.
    let mut lines: Vec<Vec<&str>> = vec![vec![]];
    for a in WORDS {
        lines.push(vec![a]);
        for b in WORDS {
            lines.push(vec![a, b]);
        }
    }
    let mut rng = Rng(0x6e7);
    for _ in 0..6000 {
        let n = 3 + rng.next() % 4;
        lines.push((0..n).map(|_| WORDS[(rng.next() % WORDS.len() as u64) as usize]).collect());
    }
    let tables: [&GlibcSpec; 4] = [&CAT_GLIBC, &YES_GLIBC, &TEST_GLIBC, &TEST_PLUS_GLIBC];
    let mut input = String::new();
    let mut cases = Vec::new();
    for (t, table) in tables.iter().enumerate() {
        for posix in [false, true] {
            for line in &lines {
                input.push_str(&format!("{t} {}", posix as u8));
                if !line.is_empty() {
                    input.push(' ');
                    input.push_str(&line.join("\x1f"));
                }
                input.push('\n');
                cases.push((*table, posix, line));
            }
        }
    }
    let mut child = Command::new(&exe).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("run getopt_long");
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("getopt_long output");
    feeder.join().unwrap().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let answers: Vec<&str> = text.split_terminator("end\n").collect();
    assert_eq!(answers.len(), cases.len(), "one answer per case");
    for ((table, posix, line), glibc) in cases.iter().zip(&answers) {
        let glibc: Vec<String> = glibc.lines().map(str::to_string).collect();
        let args: Vec<&[u8]> = line.iter().map(|s| s.as_bytes()).collect();
        let ours = getopt_ours(spec_of(table), &args, *posix);
        assert_eq!(ours, glibc, "femtobox vs glibc: {line:?} posix {posix} table {:?}", table.optstring);
        let model = getopt_model(table, &args, *posix);
        assert_eq!(model, glibc, "model vs glibc: {line:?} posix {posix} table {:?}", table.optstring);
    }
    eprintln!("{} command lines parsed as glibc's getopt_long parses them", cases.len());
}
