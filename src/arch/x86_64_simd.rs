//! Counting newlines with AVX2 when the CPU has it. This target is
//! soft-float (no SSE in its ABI, and LLVM scalarizes vector intrinsics
//! there, measured), so the vector loop is written in `asm!`: it takes and
//! returns plain integers and pointers, and the vector registers it uses
//! are declared clobbered; nothing else in the program uses them.

/// Does this CPU (and its OS, for the YMM state) do AVX2 and POPCNT?
fn avx2() -> bool {
    use core::arch::x86_64::__cpuid_count;
    let (l1, l7) = (__cpuid_count(1, 0), __cpuid_count(7, 0));
    // POPCNT, OSXSAVE and AVX in leaf 1.
    let want = (1 << 23) | (1 << 27) | (1 << 28);
    if l1.ecx & want != want {
        return false;
    }
    let xcr0: u32;
    // SAFETY: xgetbv exists once OSXSAVE is set (checked above); it reads
    // the extended-state mask into eax/edx.
    unsafe { core::arch::asm!("xgetbv", in("ecx") 0, out("eax") xcr0, out("edx") _, options(nomem, nostack)) };
    xcr0 & 6 == 6 && l7.ebx & (1 << 5) != 0
}

/// Whether to use AVX2: 0 not asked yet, 1 no, 2 yes.
static mut HAVE: u8 = 0;

/// Is the AVX2 loop used (asked of the CPU once)?
pub fn available() -> bool {
    // SAFETY: one thread; a plain byte read and store.
    unsafe {
        if HAVE == 0 {
            HAVE = 1 + avx2() as u8;
        }
        HAVE == 2
    }
}

/// The newlines in `data`: 128 bytes a step with AVX2 where the CPU has
/// it; the rest (or everything, without it) by `tail`.
#[inline(never)]
pub fn newlines(data: &[u8], tail: fn(&[u8]) -> u64) -> u64 {
    let have = available();
    let whole = if have { data.len() & !127 } else { 0 };
    let (head, rest) = data.split_at(whole);
    let mut n: u64 = 0;
    if !head.is_empty() {
        // SAFETY: the CPU has AVX2 and POPCNT (checked); the loop reads
        // exactly `head` (a multiple of 128 bytes, at least 128) with
        // unaligned loads, and clobbers only the declared registers.
        unsafe {
            core::arch::asm!(
                "mov {nl:e}, 0x0a0a0a0a",
                "vmovd xmm5, {nl:e}",
                "vpbroadcastd ymm5, xmm5",
                "2:",
                "vpcmpeqb ymm0, ymm5, [{p}]",
                "vpcmpeqb ymm1, ymm5, [{p} + 32]",
                "vpcmpeqb ymm2, ymm5, [{p} + 64]",
                "vpcmpeqb ymm3, ymm5, [{p} + 96]",
                "vpmovmskb {a:e}, ymm0",
                "vpmovmskb {b:e}, ymm1",
                "popcnt {a:e}, {a:e}",
                "popcnt {b:e}, {b:e}",
                "add {n}, {a}",
                "add {n}, {b}",
                "vpmovmskb {a:e}, ymm2",
                "vpmovmskb {b:e}, ymm3",
                "popcnt {a:e}, {a:e}",
                "popcnt {b:e}, {b:e}",
                "add {n}, {a}",
                "add {n}, {b}",
                "add {p}, 128",
                "cmp {p}, {end}",
                "jb 2b",
                "vzeroupper",
                p = inout(reg) head.as_ptr() => _,
                end = in(reg) head.as_ptr().add(head.len()),
                n = inout(reg) n,
                nl = out(reg) _,
                a = out(reg) _,
                b = out(reg) _,
                out("xmm0") _, out("xmm1") _, out("xmm2") _, out("xmm3") _, out("xmm5") _,
                options(nostack, readonly),
            );
        }
    }
    n + tail(rest)
}
