#!/bin/sh
# Prints femtobox's size against the peers found on this machine.
#   size.sh [--short] BIN
# --short: one line each; otherwise also the segment layout.
set -eu
short=
[ "${1:-}" = --short ] && { short=1; shift; }
bin=$1
[ -f "$bin" ] || { echo "size.sh: $bin: not built (run make)" >&2; exit 1; }

bytes() { stat -L -c %s "$1"; }
ours=$(bytes "$bin")
ratio() { awk -v a="$1" -v b="$ours" 'BEGIN { printf "%.0fx", a / b }'; }

printf '%-34s %10s\n' "femtobox ($(./"$bin" --list | tr '\n' ' ' | sed 's/ $//'))" "$ours"
gnu=0 n=0
for a in true false echo cat yes; do
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
for peer in busybox toybox; do
  p=$(command -v "$peer" 2>/dev/null) || continue
  printf '%-34s %10s  %s\n' "$peer" "$(bytes "$p")" "$(ratio "$(bytes "$p")")"
done
if [ -z "$short" ]; then
  echo
  readelf -lW "$bin" | sed -n '/Program Headers/,/^$/p'
fi
