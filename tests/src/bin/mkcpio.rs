//! `mkcpio ROOT OUT`: a newc cpio archive (an initramfs) of the tree under
//! ROOT, plus `/dev/console` (char 5:1), which the kernel needs to give
//! init its stdin, stdout and stderr and which a non-root user cannot make
//! on disk. Regular files, directories and symlinks only; owner root.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

struct Cpio {
    out: Vec<u8>,
    ino: u32,
}

impl Cpio {
    fn entry(&mut self, name: &str, mode: u32, rdev: (u32, u32), data: &[u8]) {
        self.ino += 1;
        let fields = [self.ino, mode, 0, 0, 1, 0, data.len() as u32, 0, 0, rdev.0, rdev.1, name.len() as u32 + 1, 0];
        self.out.extend_from_slice(b"070701");
        for f in fields {
            write!(self.out, "{f:08X}").unwrap();
        }
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(0);
        self.pad();
        self.out.extend_from_slice(data);
        self.pad();
    }

    fn pad(&mut self) {
        while self.out.len() % 4 != 0 {
            self.out.push(0);
        }
    }

    fn tree(&mut self, root: &Path, rel: &str) -> std::io::Result<()> {
        let mut names: Vec<_> =
            std::fs::read_dir(root.join(rel))?.map(|e| e.map(|e| e.file_name())).collect::<Result<_, _>>()?;
        names.sort();
        for name in names {
            let rel = if rel.is_empty() {
                name.to_string_lossy().into_owned()
            } else {
                format!("{rel}/{}", name.to_string_lossy())
            };
            let path = root.join(&rel);
            let meta = std::fs::symlink_metadata(&path)?;
            let perm = meta.permissions().mode() & 0o7777;
            if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&path)?;
                self.entry(&rel, 0o120777, (0, 0), target.to_string_lossy().as_bytes());
            } else if meta.is_dir() {
                self.entry(&rel, 0o040000 | perm, (0, 0), b"");
                self.tree(root, &rel)?;
            } else {
                self.entry(&rel, 0o100000 | perm, (0, 0), &std::fs::read(&path)?);
            }
        }
        Ok(())
    }
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, root, out] = args.as_slice() else {
        eprintln!("usage: mkcpio ROOT OUT");
        return std::process::ExitCode::from(2);
    };
    let mut c = Cpio { out: Vec::new(), ino: 0 };
    let built = c.tree(Path::new(root), "").map(|()| {
        c.entry("dev", 0o040755, (0, 0), b"");
        c.entry("dev/console", 0o020600, (5, 1), b"");
        c.entry("TRAILER!!!", 0, (0, 0), b"");
    });
    match built.and_then(|()| std::fs::write(out, &c.out)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mkcpio: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
