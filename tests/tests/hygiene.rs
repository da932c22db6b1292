//! The shipped binary itself: static, W^X, a non-executable stack, no panic
//! path, within its size budget; and the runtime's error texts are glibc's.

mod common;
use common::*;
use femtobox_tests::elf::{self, PF_W, PF_X, PT_DYNAMIC, PT_GNU_STACK, PT_INTERP, PT_LOAD};

use femtobox::errno;

/// The size ceilings of the whole box (every applet) per architecture,
/// without and with the `help` feature (the default build): ratchets that
/// only ever come down (README "Size" has the goals); until the goals are
/// met they hold the ground gained. Re-recorded when an issue adds applets
/// (#13: the five were 10118 / 11117 before it added eight; #14 added
/// head, tee, wc to a box of 30440 / 33496; #15 mkdir, rmdir, rm, ln,
/// touch to one of 45608 / 49848) or an architecture (#16).
const BUDGETS: [(&str, u64, u64); 3] = [("x86_64", 76496, 83384), ("aarch64", 77968, 84856), ("riscv64", 70392, 77264)];

/// #16: another architecture's box within 1.25x of the x86-64 one's bytes.
const ARCH_RATIO: f64 = 1.25;

fn budget() -> (u64, u64) {
    let (_, bare, help) = BUDGETS.iter().find(|b| b.0 == arch()).expect("a budget for this architecture");
    (*bare, *help)
}

/// How many applets the whole box has.
const ALL: usize = 21;

fn shipped() -> elf::Elf {
    elf::parse(&std::fs::read(bin()).expect("read the binary")).expect("parse the binary")
}

#[test]
fn the_binary_is_within_its_size_budget() {
    let size = std::fs::metadata(bin()).unwrap().len();
    let (budget, help) = if help_built() { (budget().1, "on") } else { (budget().0, "off") };
    eprintln!("femtobox {} ({}; help {help}): {size} bytes (budget {budget} for all {ALL})", arch(), applets().join(" "));
    if applets().len() == ALL {
        assert!(size <= budget, "femtobox is {size} bytes, over the {budget}-byte budget (help {help})");
    }
}

#[test]
fn every_architecture_s_ceiling_is_within_the_ratio_of_x86_64_s() {
    let (_, bare, help) = BUDGETS[0];
    for (arch, b, h) in &BUDGETS[1..] {
        for (theirs, ours) in [(*b, bare), (*h, help)] {
            assert!(theirs as f64 <= ours as f64 * ARCH_RATIO, "{arch}: {theirs} bytes against x86-64's {ours}");
        }
    }
}

#[test]
fn the_binary_is_for_the_machine_it_says() {
    // e_machine, and for riscv64 the C extension and double-float ABI
    // (e_flags 0x5: RVC | FLOAT_ABI_DOUBLE), which its size depends on.
    let b = std::fs::read(bin()).unwrap();
    let machine = u16::from_le_bytes([b[18], b[19]]);
    let flags = u32::from_le_bytes([b[48], b[49], b[50], b[51]]);
    let want = match arch() {
        "aarch64" => (183, 0),
        "riscv64" => (243, 5),
        _ => (62, 0),
    };
    assert_eq!((machine, flags), want);
}

#[test]
fn the_binary_is_a_static_executable() {
    let elf = shipped();
    assert_eq!(elf.kind, 2, "ET_EXEC, not a PIE");
    assert!(elf.phdrs.iter().all(|p| p.kind != PT_INTERP), "no PT_INTERP: {:?}", elf.phdrs);
    assert!(elf.phdrs.iter().all(|p| p.kind != PT_DYNAMIC), "no PT_DYNAMIC: {:?}", elf.phdrs);
    assert!(elf.phdrs.iter().any(|p| p.kind == PT_LOAD));
}

#[test]
fn the_binary_has_no_relocations() {
    // The shipped file has no section headers left to hold any; its twin
    // with symbols shows what the linker produced.
    assert_eq!((shipped().shoff, shipped().shnum), (0, 0), "section headers stripped");
    let out = std::process::Command::new("readelf").arg("-rW").arg(symbols_bin()).output();
    match out {
        Ok(out) => {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("There are no relocations in this file."), "{text}");
        }
        Err(_) => eprintln!("skipped: readelf is not installed, relocation check not run"),
    }
}

#[test]
fn the_program_headers_are_link_ld_s_three() {
    // Code, state, stack: nothing the linker adds on its own (riscv64's
    // PT_RISCV_ATTRIBUTES, which also put 600 bytes in the file, is
    // discarded in link.ld).
    let kinds: Vec<u32> = shipped().phdrs.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [PT_LOAD, PT_LOAD, PT_GNU_STACK]);
}

#[test]
fn no_segment_is_both_writable_and_executable() {
    for p in shipped().phdrs.iter().filter(|p| p.kind == PT_LOAD) {
        assert!(p.flags & (PF_W | PF_X) != PF_W | PF_X, "W+X segment: {p:?}");
    }
}

#[test]
fn the_writable_segment_is_bss_only() {
    // The runtime's state lives in .bss: memory the kernel zeroes, no bytes
    // of the file. A .data section would put bytes there (and fail here).
    for p in shipped().phdrs.iter().filter(|p| p.kind == PT_LOAD && p.flags & PF_W != 0) {
        assert_eq!(p.filesz, 0, "a writable segment with file bytes: {p:?}");
        assert!(p.memsz <= 8192, "the state is small: {p:?}");
    }
}

#[test]
fn the_stack_is_declared_non_executable() {
    let elf = shipped();
    let stack = elf.phdrs.iter().find(|p| p.kind == PT_GNU_STACK).expect("a PT_GNU_STACK header");
    assert_eq!(stack.flags & PF_X, 0, "PT_GNU_STACK without X");
}

#[test]
fn no_panic_path_survives_in_the_binary() {
    let out = match std::process::Command::new("nm").arg(symbols_bin()).output() {
        Ok(out) if out.status.success() => out,
        _ => {
            eprintln!("skipped: nm is not installed, panic-path check not run");
            return;
        }
    };
    let syms = String::from_utf8_lossy(&out.stdout);
    assert!(syms.contains("_start"), "the symbols build has symbols");
    let bad: Vec<&str> = syms
        .lines()
        .filter(|l| {
            ["panic", "unwrap_failed", "expect_failed", "slice_index", "slice_end_index", "slice_start_index"]
                .iter()
                .any(|w| l.contains(w))
        })
        .filter(|l| !l.contains("panic_handler_never_runs"))
        .collect();
    // The panic handler itself is `rust_begin_unwind`: present only if called.
    let handler: Vec<&str> = syms.lines().filter(|l| l.contains("rust_begin_unwind")).collect();
    assert!(bad.is_empty() && handler.is_empty(), "panic paths: {bad:?} {handler:?}");
}

#[test]
fn the_symbols_build_is_the_shipped_code() {
    // Same entry point and same loaded bytes: the nm check above speaks for
    // the shipped file.
    let a = std::fs::read(bin()).unwrap();
    let b = std::fs::read(symbols_bin()).unwrap();
    let (ea, eb) = (elf::parse(&a).unwrap(), elf::parse(&b).unwrap());
    assert_eq!(ea.entry, eb.entry);
    let load = |e: &elf::Elf, f: &[u8]| -> Vec<u8> {
        e.phdrs
            .iter()
            .filter(|p| p.kind == PT_LOAD && p.filesz > 0)
            .flat_map(|p| f[p.offset as usize..][..p.filesz as usize].to_vec())
            .collect::<Vec<u8>>()
    };
    let (mut la, mut lb) = (load(&ea, &a), load(&eb, &b));
    // The ELF header at the start of the first segment differs (section fields).
    la.drain(..64);
    lb.drain(..64);
    assert!(la == lb, "the symbols build differs from the shipped one");
}

#[test]
fn every_error_text_is_glibc_s() {
    for n in 1..=133u16 {
        let want = std::io::Error::from_raw_os_error(n as i32).to_string();
        let want = want.split(" (os error").next().unwrap();
        // The texts are stored packed (shared words once): spelled out, and
        // as the message engine writes them.
        let (text, known) = errno::Errno(n).text();
        let mut spelled = femtobox_tests::checks::Buf::default();
        errno::spell(&mut spelled, text);
        let mut message = femtobox_tests::checks::Buf::default();
        femtobox::msg::fill(&mut message, femtobox::texts::WRITE_ERROR, b"", n as u32);
        let message = String::from_utf8_lossy(&message.0).into_owned();
        if known {
            assert_eq!(String::from_utf8_lossy(&spelled.0), want, "errno {n}");
            assert_eq!(message, format!("write error: {want}"), "errno {n}");
        } else {
            // The number follows: glibc's `Unknown error N`.
            assert_eq!(spelled.0, b"Unknown error ", "errno {n}");
            assert_eq!(message, format!("write error: Unknown error {n}"), "errno {n}");
        }
    }
    for n in [0, 4095] {
        let (text, known) = errno::Errno(n).text();
        let mut spelled = femtobox_tests::checks::Buf::default();
        errno::spell(&mut spelled, text);
        assert_eq!((spelled.0.as_slice(), known), (&b"Unknown error "[..], false), "errno {n}");
    }
}

#[test]
fn the_spec_s_error_texts_are_all_there() {
    // SPEC.md "Common rules", plus what --install meets and a socket's ENXIO.
    for n in [2, 13, 21, 28, 32, 9, 5, 11, 40, 36, 20, 17, 18, 1, 30, 22, 27, 6, 31, 122, 24, 12, 26] {
        assert!(errno::Errno(n).text().1, "errno {n} has no text");
    }
}

/// The errno names `sys.rs` lists next to its wrappers (`Errors (man 2 ...): EAGAIN ...`).
fn errnos_listed_in_sys_rs() -> std::collections::BTreeSet<u16> {
    // Linux x86-64 / asm-generic numbers.
    const NUMBERS: &[(&str, u16)] = &[
        ("EPERM", 1),
        ("ENOENT", 2),
        ("EINTR", 4),
        ("EIO", 5),
        ("ENXIO", 6),
        ("E2BIG", 7),
        ("ENOEXEC", 8),
        ("EBADF", 9),
        ("EAGAIN", 11),
        ("ENOMEM", 12),
        ("EACCES", 13),
        ("EFAULT", 14),
        ("EBUSY", 16),
        ("EEXIST", 17),
        ("EXDEV", 18),
        ("ENODEV", 19),
        ("ENOTDIR", 20),
        ("EISDIR", 21),
        ("EINVAL", 22),
        ("ENFILE", 23),
        ("EMFILE", 24),
        ("ETXTBSY", 26),
        ("EFBIG", 27),
        ("ENOSPC", 28),
        ("ESPIPE", 29),
        ("EROFS", 30),
        ("EMLINK", 31),
        ("EPIPE", 32),
        ("EDEADLK", 35),
        ("ENAMETOOLONG", 36),
        ("ENOLCK", 37),
        ("ENOSYS", 38),
        ("ENOTEMPTY", 39),
        ("ELOOP", 40),
        ("EOVERFLOW", 75),
        ("ELIBBAD", 80),
        ("EDESTADDRREQ", 89),
        ("EOPNOTSUPP", 95),
        ("EDQUOT", 122),
    ];
    let src = std::fs::read_to_string(root().join("src/sys.rs")).expect("read src/sys.rs");
    let mut set = std::collections::BTreeSet::new();
    let mut lists = 0;
    let mut in_list = false;
    for line in src.lines() {
        let line = line.trim_start();
        let words = if let Some(rest) = line.strip_prefix("/// Errors (man 2 ") {
            lists += 1;
            in_list = true;
            rest.split_once("):").expect("`Errors (man 2 NAME): E...`").1
        } else if in_list && line.starts_with("/// E") {
            line.trim_start_matches("/// ")
        } else {
            in_list = false;
            continue;
        };
        for w in words.split_whitespace() {
            let n = NUMBERS.iter().find(|(name, _)| *name == w).unwrap_or_else(|| panic!("unknown errno name {w}"));
            set.insert(n.1);
        }
    }
    assert!(lists >= 10, "sys.rs lists errnos for its wrappers ({lists} lists found)");
    set
}

#[test]
fn the_errno_texts_are_exactly_the_union_of_what_the_wrappers_can_return() {
    let listed = errnos_listed_in_sys_rs();
    let texted: std::collections::BTreeSet<u16> = (1..=4095u16).filter(|&n| errno::Errno(n).text().1).collect();
    assert_eq!(texted, listed, "errno.rs texts vs the union of sys.rs's lists");
    eprintln!("{} errno texts, each glibc's, each listed next to a wrapper", texted.len());
}

#[test]
fn the_readme_states_the_size_this_build_measures() {
    if applets().len() != ALL {
        eprintln!("skipped: the README's figures are for the whole box");
        return;
    }
    let readme = std::fs::read_to_string(root().join("README.md")).expect("read README.md");
    let name = if foreign() { format!("femtobox {}", arch()) } else { "femtobox".into() };
    let row = if help_built() {
        format!("| {name}, all applets, default build (help on) |")
    } else {
        format!("| {name}, all applets, HELP=0 |")
    };
    let row = row.as_str();
    let line = readme.lines().find(|l| l.starts_with(row)).unwrap_or_else(|| panic!("README has no row {row:?}"));
    let stated: String = line[row.len()..].chars().filter(char::is_ascii_digit).collect();
    let size = std::fs::metadata(bin()).unwrap().len();
    assert_eq!(stated, size.to_string(), "README says {line:?}; `make size` measures {size}: update README \"Size\"");
}

#[test]
fn applets_are_safe_rust_and_every_unsafe_block_says_why() {
    // `unsafe` lives in the runtime (src/) only, each block or function
    // with a SAFETY line just before it.
    for entry in std::fs::read_dir(root().join("applets")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("unsafe"), "{} uses unsafe", path.display());
    }
    // src/ and its folders (src/arch/).
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root().join("src")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            files.push(path);
        }
    }
    assert!(files.iter().any(|f| f.ends_with("arch/x86_64.rs")), "src/arch/x86_64.rs is read");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let code = l.split("//").next().unwrap_or("");
            if !(code.contains("unsafe {") || code.contains("unsafe fn")) {
                continue;
            }
            // The SAFETY note: within the few lines before (a comment may
            // cover a short block of statements).
            let before = &lines[i.saturating_sub(12)..=i];
            assert!(
                before.iter().any(|b| b.contains("SAFETY")),
                "{}:{}: unsafe without a SAFETY line: {l}",
                path.display(),
                i + 1
            );
        }
    }
}
