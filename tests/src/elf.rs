//! A minimal ELF64 little-endian reader: enough to strip section headers
//! and to check the shipped binary's program headers in the hygiene tests.

pub const PT_LOAD: u32 = 1;
pub const PT_DYNAMIC: u32 = 2;
pub const PT_INTERP: u32 = 3;
pub const PT_GNU_STACK: u32 = 0x6474_e551;
pub const PF_X: u32 = 1;
pub const PF_W: u32 = 2;

fn u16_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as u64)
}
fn u32_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as u64)
}
fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// One program header.
#[derive(Debug, Clone, Copy)]
pub struct Phdr {
    pub kind: u32,
    pub flags: u32,
    pub offset: u64,
    pub filesz: u64,
    pub memsz: u64,
}

/// The parts of the ELF header the tests look at.
#[derive(Debug)]
pub struct Elf {
    pub kind: u16,
    pub entry: u64,
    pub shoff: u64,
    pub shnum: u16,
    pub phdrs: Vec<Phdr>,
}

pub fn parse(b: &[u8]) -> Result<Elf, String> {
    if b.get(..4) != Some(b"\x7fELF") || b.get(4) != Some(&2) || b.get(5) != Some(&1) {
        return Err("not a little-endian ELF64 file".into());
    }
    let short = || "truncated ELF header".to_string();
    let phoff = u64_at(b, 0x20).ok_or_else(short)? as usize;
    let phentsize = u16_at(b, 0x36).ok_or_else(short)? as usize;
    let phnum = u16_at(b, 0x38).ok_or_else(short)? as usize;
    let mut phdrs = Vec::new();
    for i in 0..phnum {
        let at = phoff + i * phentsize;
        let bad = || format!("program header {i} lies outside the file");
        phdrs.push(Phdr {
            kind: u32_at(b, at).ok_or_else(bad)? as u32,
            flags: u32_at(b, at + 4).ok_or_else(bad)? as u32,
            offset: u64_at(b, at + 8).ok_or_else(bad)?,
            filesz: u64_at(b, at + 32).ok_or_else(bad)?,
            memsz: u64_at(b, at + 40).ok_or_else(bad)?,
        });
    }
    Ok(Elf {
        kind: u16_at(b, 0x10).ok_or_else(short)? as u16,
        entry: u64_at(b, 0x18).ok_or_else(short)?,
        shoff: u64_at(b, 0x28).ok_or_else(short)?,
        shnum: u16_at(b, 0x3c).ok_or_else(short)? as u16,
        phdrs,
    })
}

/// The file without section headers: zero `e_shoff`, `e_shentsize`,
/// `e_shnum`, `e_shstrndx` and cut the file after the last byte any
/// program header covers.
pub fn strip_sections(b: &[u8]) -> Result<Vec<u8>, String> {
    let elf = parse(b)?;
    let phend = 0x40 + elf.phdrs.len() * 56;
    // Segments with no file bytes (.bss) end nowhere in the file.
    let end = elf.phdrs.iter().filter(|p| p.filesz > 0).map(|p| (p.offset + p.filesz) as usize).fold(phend, usize::max);
    let mut out = b.get(..end).ok_or("segments run past the end of the file")?.to_vec();
    for at in [0x28usize, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f] {
        out[at] = 0;
    }
    Ok(out)
}
