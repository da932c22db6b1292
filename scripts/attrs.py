#!/usr/bin/env python3
"""Greedy search over each function's inlining attributes, measuring the
shipped size: for every `fn` in the runtime and the applets, tries none,
#[inline(never)], #[inline(always)], #[inline(never)] #[cold] and #[cold],
keeps whatever makes the HELP=0 box (all applets) smallest, and goes on.

    scripts/attrs.py TREE [ROUNDS [FILES]]

FILES (comma-separated, e.g. applets/env.rs,src/split.rs) limits the
search to those files.

TREE is a copy of the repository (the search edits its files and builds in
TREE/target, so run it on a copy: it takes a few seconds a build, half an
hour a round). It prints each change it keeps; carry them over by hand.
The choices belong to the pinned toolchain: re-run it after raising the pin.
"""
import os, re, subprocess, sys, struct

root = sys.argv[1]
files = sorted(f"src/{n}" for n in os.listdir(f"{root}/src") if n.endswith(".rs") and n not in ("lib.rs", "main.rs")) + \
        sorted(f"applets/{n}" for n in os.listdir(f"{root}/applets") if n.endswith(".rs"))
if len(sys.argv) > 3:
    files = [f for f in files if f in sys.argv[3].split(",")]
ATTR = re.compile(r'^\s*#\[(inline(\((never|always)\))?|cold)\]\s*$')
FN = re.compile(r'^(\s*)(pub(\([a-z]+\))? )?(unsafe )?(extern "C" )?fn ([a-z_0-9]+)')
VARIANTS = [[], ["#[inline(never)]"], ["#[inline(always)]"], ["#[inline(never)]", "#[cold]"], ["#[cold]"]]


def size():
    """The first PT_LOAD's file size: the shipped file (headers, code, data)."""
    env = dict(os.environ, CARGO_TARGET_DIR=f"{root}/target")
    r = subprocess.run(["cargo", "build", "-q", "--release", "--target", "x86_64-unknown-none", "-p", "femtobox",
                        "--no-default-features", "--features", "all"], cwd=root, env=env, capture_output=True)
    if r.returncode != 0:
        return 10**9
    b = open(f"{root}/target/x86_64-unknown-none/release/femtobox", "rb").read()
    phoff = struct.unpack_from("<Q", b, 0x20)[0]
    for i in range(struct.unpack_from("<H", b, 0x38)[0]):
        if struct.unpack_from("<I", b, phoff + 56 * i)[0] == 1:
            return struct.unpack_from("<Q", b, phoff + 56 * i + 32)[0]


def functions():
    """(file, name, occurrence) of every non-const, non-naked fn."""
    out, seen = [], {}
    for f in files:
        lines = open(f"{root}/{f}").read().split("\n")
        for i, l in enumerate(lines):
            m = FN.match(l)
            if not m or "const fn" in l or any("naked" in lines[k] for k in range(max(0, i - 3), i)):
                continue
            occ = seen.get((f, m.group(6)), 0)
            seen[(f, m.group(6))] = occ + 1
            out.append((f, m.group(6), occ))
    return out


def locate(lines, name, occ):
    n = 0
    for i, l in enumerate(lines):
        m = FN.match(l)
        if m and m.group(6) == name and "const fn" not in l:
            if n == occ:
                j = i
                while j > 0 and (ATTR.match(lines[j - 1]) or lines[j - 1].strip().startswith("//")):
                    j -= 1
                return i, j, m.group(1)
            n += 1


def current(f, name, occ):
    lines = open(f"{root}/{f}").read().split("\n")
    i, j, _ = locate(lines, name, occ)
    return [x.strip() for x in lines[j:i] if ATTR.match(x)]


def set_attrs(f, name, occ, variant):
    p = f"{root}/{f}"
    lines = open(p).read().split("\n")
    i, j, indent = locate(lines, name, occ)
    kept = [x for x in lines[j:i] if not ATTR.match(x)]
    open(p, "w").write("\n".join(lines[:j] + kept + [indent + a for a in variant] + lines[i:]))


if __name__ == "__main__":
    best = size()
    print("start", best, flush=True)
    for rnd in range(int(sys.argv[2]) if len(sys.argv) > 2 else 1):
        for f, name, occ in functions():
            cur = current(f, name, occ)
            choice = cur
            for v in VARIANTS:
                if v != cur:
                    set_attrs(f, name, occ, v)
                    s = size()
                    if s < best:
                        best, choice = s, v
                        print(f"  {f} {name}#{occ}: {cur} -> {v}: {s}", flush=True)
            set_attrs(f, name, occ, choice)
        print("round", rnd, best, flush=True)
