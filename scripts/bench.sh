#!/usr/bin/env bash
# make bench: femtobox against GNU coreutils and BusyBox, measured in the
# same run on the same data, medians over repeated runs, with ratios to GNU.
#   bench.sh BIN [GIB]
# Installs hyperfine, pv and busybox-static from Debian when missing (as root).
set -u
# GNU in the C locale, as the applets are compared with it (in UTF-8 its wc
# -w decodes multibyte characters, another job).
export LC_ALL=C
bin=$(realpath "$1")
gib=${2:-1}
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2") >/dev/null 2>&1
  command -v "$1" >/dev/null 2>&1
}
need hyperfine hyperfine || { echo "bench: hyperfine is missing and cannot be installed" >&2; exit 1; }
need pv pv || { echo "bench: pv is missing and cannot be installed" >&2; exit 1; }
need busybox busybox-static || echo "bench: no busybox; its column stays empty" >&2

tmp=$(mktemp -d /dev/shm/femtobox-bench.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/fb" "$tmp/gnu" "$tmp/bb"
for a in true cat yes head tee wc rm mkdir; do
  ln -s "$bin" "$tmp/fb/$a"
  ln -s "/bin/$a" "$tmp/gnu/$a"
  command -v busybox >/dev/null && ln -s "$(command -v busybox)" "$tmp/bb/$a"
done
data=$tmp/data
head -c "$((gib << 30))" /dev/urandom > "$data"
bytes=$(stat -c %s "$data")

# median SECONDS of a shell command line, over RUNS runs (hyperfine).
median() {
  local runs=$1 cmd=$2
  hyperfine -N --style none --warmup "$(( runs < 100 ? runs : 100 ))" --runs "$runs" --export-json "$tmp/h.json" "$cmd" >/dev/null 2>&1 \
    || hyperfine --style none --runs "$runs" --export-json "$tmp/h.json" "$cmd" >/dev/null 2>&1 || { echo nan; return; }
  grep -o '"median": *[0-9.e-]*' "$tmp/h.json" | head -n 1 | sed 's/.*: *//'
}
# median of a pipeline (needs a shell).
median_sh() {
  hyperfine --style none --warmup 1 --runs "$1" --export-json "$tmp/h.json" "$2" >/dev/null 2>&1 || { echo nan; return; }
  grep -o '"median": *[0-9.e-]*' "$tmp/h.json" | head -n 1 | sed 's/.*: *//'
}

row() { # LABEL UNIT fb gnu bb  (UNIT us, ms: lower is better; GiB/s: higher)
  awk -v l="$1" -v u="$2" -v f="$3" -v g="$4" -v b="$5" 'BEGIN {
    r = (f > 0 && g > 0) ? f / g : 0
    printf "| %-44s | %8s | %8s | %8s | %6.2fx |\n", l " (" u ")", f, g, (b == "" ? "-" : b), r }'
}
rate() { awk -v s="$1" -v n="$bytes" 'BEGIN { if (s == "nan" || s == 0) print ""; else printf "%.2f", n / s / 1073741824 }'; }
usec() { awk -v s="$1" 'BEGIN { if (s == "nan") print ""; else printf "%.0f", s * 1e6 }'; }

echo "femtobox $(stat -c %s "$bin") bytes; $(nproc) cores; $(uname -r); data ${gib} GiB in $(df --output=fstype "$tmp" | tail -n 1)"
echo
echo "| what | femtobox | GNU | BusyBox | femtobox/GNU |"
echo "|---|---|---|---|---|"
t=(); for d in fb gnu bb; do t+=("$(usec "$(median 2000 "$tmp/$d/true")")"); done
row "exec+exit of true" us "${t[@]}"

# throughput LABEL COMMAND: COMMAND with @ standing for each box's directory.
throughput() {
  local v=() d
  for d in fb gnu bb; do v+=("$(rate "$(median_sh 5 "${2//@/$tmp/$d}")")"); done
  row "$1" GiB/s "${v[@]}"
}
throughput "yes into a pipe, read() reader (pv -C)" "@/yes | pv -q -C -S -s $bytes > /dev/null"
throughput "yes into a pipe, splice reader (pv)" "@/yes | pv -q -S -s $bytes > /dev/null"
throughput "cat file -> pipe (pv)" "@/cat $data | pv -q > /dev/null"
throughput "cat file -> /dev/null" "@/cat $data > /dev/null"
throughput "cat file -> file" "@/cat $data > $tmp/out; rm -f $tmp/out"
throughput "cat pipe -> pipe" "pv -q $data | @/cat | pv -q > /dev/null"
throughput "head -c 1G file -> pipe (pv)" "@/head -c $bytes $data | pv -q > /dev/null"
throughput "head -c 1G file -> file" "@/head -c $bytes $data > $tmp/out; rm -f $tmp/out"
throughput "tee pipe -> pipe + file" "pv -q $data | @/tee $tmp/out | pv -q > /dev/null; rm -f $tmp/out"
throughput "wc -l file" "@/wc -l $data > /dev/null"
throughput "wc -w file" "@/wc -w $data > /dev/null"
# wc -c of a file takes its size: a latency, not a throughput.
# (BusyBox reads the whole file: 3 runs of it, not 200.)
t=(); for d in fb gnu bb; do t+=("$(usec "$(median "$([ $d = bb ] && echo 3 || echo 200)" "$tmp/$d/wc -c $data")")"); done
row "wc -c of a 1 GiB file (the size, no read)" us "${t[@]}"
# File trees: the median of RUNS runs of COMMAND after PREPARE (untimed).
median_prep() {
  hyperfine -N --style none --runs "$1" --prepare "$2" --export-json "$tmp/h.json" "$3" >/dev/null 2>&1 \
    || hyperfine --style none --runs "$1" --prepare "$2" --export-json "$tmp/h.json" "$3" >/dev/null 2>&1 || { echo nan; return; }
  grep -o '"median": *[0-9.e-]*' "$tmp/h.json" | head -n 1 | sed 's/.*: *//'
}
msec() { awk -v s="$1" 'BEGIN { if (s == "nan") print ""; else printf "%.1f", s * 1e3 }'; }
# A tree of 200 000 empty files (200 directories of 1 000), copied afresh
# before each run.
mkdir "$tmp/tree"
for i in $(seq 0 199); do mkdir "$tmp/tree/d$i"; (cd "$tmp/tree/d$i" && seq 1 1000 | xargs touch); done
t=(); for d in fb gnu bb; do t+=("$(msec "$(median_prep 5 "rm -rf $tmp/t; cp -a $tmp/tree $tmp/t" "$tmp/$d/rm -r $tmp/t")")"); done
row "rm -r of 200 000 files in 200 directories" ms "${t[@]}"
deep=$(printf 'd/%.0s' $(seq 1 1000))
t=(); for d in fb gnu bb; do t+=("$(msec "$(median_prep 20 "rm -rf $tmp/m" "$tmp/$d/mkdir -p $tmp/m/$deep")")"); done
row "mkdir -p of a path 1 000 directories deep" ms "${t[@]}"
rm -rf "$tmp/tree" "$tmp/t" "$tmp/m"
echo
echo "Ratios are femtobox/GNU: for times (us, ms) lower is better, for GiB/s higher."
echo "The exec time includes hyperfine's own spawn and wait: a 4-instruction static"
echo "binary measures the same as femtobox's true here, so that figure is the floor."
