//! `shrink IN OUT`: writes IN without what the kernel never reads — the
//! section header table and everything after the last loaded byte — so the
//! shipped binary carries only its ELF header, program headers and
//! segments. (What `llvm-objcopy --strip-sections` does, without needing LLVM.)

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = args.as_slice() else {
        eprintln!("usage: shrink IN OUT");
        return ExitCode::from(2);
    };
    let result = std::fs::read(input)
        .map_err(|e| format!("{input}: {e}"))
        .and_then(|elf| femtobox_tests::elf::strip_sections(&elf))
        .and_then(|small| {
            let tmp = format!("{output}.tmp");
            std::fs::write(&tmp, &small)
                .and_then(|()| {
                    use std::os::unix::fs::PermissionsExt;
                    std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o755))
                })
                .and_then(|()| std::fs::rename(&tmp, output))
                .map_err(|e| format!("{output}: {e}"))
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("shrink: {e}");
            ExitCode::FAILURE
        }
    }
}
