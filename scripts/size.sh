#!/bin/sh
# Prints femtobox's size against the peers found on this machine.
#   size.sh [--short] BIN [SYMBOLS_BIN]
#   size.sh --arches X86_64_BIN AARCH64_BIN RISCV64_BIN
# --short: one line each. Otherwise also: the binary's parts (headers, code,
# read-only data, from the symbols build), what each applet costs (a box of
# it alone, and the full box less it: built into target/size), and the
# segment layout. --arches: the same box for each architecture, against
# the x86-64 one (#16's budget: within 1.25x).
set -eu
if [ "${1:-}" = --arches ]; then
  shift
  x86=$(stat -L -c %s "$1")
  echo
  printf '%-42s %10s %9s\n' "architecture" "bytes" "vs x86-64"
  for b in "$@"; do
    [ -f "$b" ] || { echo "size.sh: $b: not built" >&2; exit 1; }
    m=$(readelf -h "$b" | sed -n 's/^ *Machine: *//p; ' | sed 's/.*X86-64/x86_64/; s/AArch64/aarch64/; s/RISC-V/riscv64/')
    printf '%-42s %10s %9s\n' "femtobox $m ($b)" "$(stat -L -c %s "$b")" \
      "$(awk -v a="$(stat -L -c %s "$b")" -v b="$x86" 'BEGIN { printf "%.2fx", a / b }')"
  done
  exit 0
fi
short=
[ "${1:-}" = --short ] && { short=1; shift; }
bin=$1
syms=${2:-}
[ -f "$bin" ] || { echo "size.sh: $bin: not built (run make)" >&2; exit 1; }

bytes() { stat -L -c %s "$1"; }
ours=$(bytes "$bin")
ratio() { awk -v a="$1" -v b="$ours" 'BEGIN { printf "%.0fx", a / b }'; }

# The applets, from the binary itself (a foreign one under qemu-user,
# named femtobox so that it answers as the box).
list() {
  ./"$bin" --list 2>/dev/null \
    || qemu-"$(readelf -h "$bin" | sed -n 's/.*Machine: *AArch64/aarch64/p; s/.*Machine: *RISC-V/riscv64/p')"-static -0 femtobox "$bin" --list 2>/dev/null \
    || true
}
printf '%-34s %10s\n' "femtobox ($(list | tr '\n' ' ' | sed 's/ $//'))" "$ours"
gnu=0 n=0
for a in $(list); do
  for d in /bin /usr/bin; do
    if [ -f "$d/$a" ] && "$d/$a" --version 2>/dev/null | grep -q 'GNU coreutils'; then
      gnu=$((gnu + $(bytes "$d/$a"))); n=$((n + 1)); break
    fi
  done
done
if [ "$n" -gt 0 ]; then
  libs=0
  for l in $(ldd /bin/cat 2>/dev/null | grep -o '/[^ ]*' | sort -u); do libs=$((libs + $(bytes "$l"))); done
  printf '%-34s %10s  %s\n' "GNU coreutils ($n binaries)" "$gnu" "$(ratio "$gnu")"
  [ "$libs" -gt 0 ] && printf '%-34s %10s  %s\n' "  + shared libraries and loader" "$((gnu + libs))" "$(ratio $((gnu + libs)))"
fi
for peer in busybox toybox coreutils; do
  p=$(command -v "$peer" 2>/dev/null) || continue
  printf '%-34s %10s  %s\n' "$peer" "$(bytes "$p")" "$(ratio "$(bytes "$p")")"
done
if [ -z "$short" ]; then
  echo
  phnum=$(readelf -hW "$bin" | awk '/Number of program headers/ {print $NF}')
  headers=$((64 + 56 * phnum))
  if [ -n "$syms" ] && [ -f "$syms" ]; then
    # Function symbols only (t/T): the runtime's state is a .bss symbol.
    code=$(nm -S "$syms" | awk 'NF > 3 && ($3 == "t" || $3 == "T") { print $2 }' \
      | python3 -c 'import sys; print(sum(int(l, 16) for l in sys.stdin))')
    code=${code:-0}
    printf '%-34s %10s\n' "  ELF and program headers" "$headers" "  code (function symbols)" "$code" \
      "  read-only data and padding" "$((ours - headers - code))"
    echo
  fi
  size_of() {
    cargo build -q --release --target x86_64-unknown-none -p femtobox --target-dir target/size \
      --no-default-features --features "$1" >/dev/null 2>&1 || { echo "?"; return; }
    cargo run -q -p femtobox-tests --bin shrink -- target/size/x86_64-unknown-none/release/femtobox target/size/femtobox >/dev/null 2>&1
    bytes target/size/femtobox
  }
  all=$(./"$bin" --list | tr '\n' ' ')
  # The applets' costs are measured without the help texts (HELP=0, the
  # budgeted build); the help texts' cost is its own line.
  bare=$(size_of "$all")
  if ./"$bin" --help | grep -q '^  --list '; then
    help=$(size_of "$all help")
    printf '%-34s %10s\n' "help texts (feature help)" "$((help - bare))" "box without them (HELP=0)" "$bare"
    echo
  fi
  printf '%-10s %14s %20s\n' applet "alone (bytes)" "box less it (HELP=0)"
  for a in $all; do
    rest=$(echo $all | tr ' ' '\n' | grep -vx "$a" | tr '\n' ' ')
    alone=$(size_of "$a")
    less=$(size_of "$rest")
    printf '%-10s %14s %20s\n' "$a" "$alone" "$less (-$((bare - less)))"
  done
  echo
  readelf -lW "$bin" | sed -n '/Program Headers/,/^$/p'
fi
