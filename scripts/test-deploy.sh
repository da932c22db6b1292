#!/usr/bin/env bash
# make test-deploy: run the shipped binary where there is nothing else —
# an empty root (chroot, unshare, bwrap as an unprivileged user), a real
# FROM-scratch image, and an initramfs booted under qemu. Each step installs
# what it needs from Debian's packages, or says SKIP (and why) when this
# machine cannot do it. Exits non-zero if any check FAILs.
#   test-deploy.sh BIN MKCPIO
# A foreign BIN (aarch64, riscv64; see the ELF header) runs under qemu-user
# through binfmt_misc (scripts/qemu-user.sh, which make test-deploy runs
# first), and boots under its own qemu-system with its own Debian kernel.
set -u
bin=$(realpath "$1")
case $(readelf -h "$bin" | sed -n 's/^ *Machine: *//p') in
  AArch64) arch=aarch64 ;;
  RISC-V) arch=riscv64 ;;
  *) arch=x86_64 ;;
esac
mkcpio=$(realpath "$2")
cache=$(realpath -m target/deploy-cache)
work=$(mktemp -d "${TMPDIR:-/tmp}/femtobox-deploy.XXXXXX")
chmod 755 "$work"
pass=0 fail=0 skip=0
started=$SECONDS
dockerd_pid=

cleanup() {
  if [ -n "$dockerd_pid" ]; then kill "$dockerd_pid" 2>/dev/null; wait "$dockerd_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

say()  { printf 'deploy: %s\n' "$*"; }
ok()   { say "PASS $*"; pass=$((pass + 1)); }
bad()  { say "FAIL $*"; fail=$((fail + 1)); }
skip() { say "SKIP $*"; skip=$((skip + 1)); }
root() { [ "$(id -u)" = 0 ]; }

# need CMD PACKAGE: CMD is there, or gets installed (as root, quietly).
apt_updated=
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  root && command -v apt-get >/dev/null 2>&1 || return 1
  if [ -z "$apt_updated" ]; then apt-get update -qq >/dev/null 2>&1; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null 2>&1
  command -v "$1" >/dev/null 2>&1
}

# has APPLET: this build has it (make APPLETS=... builds fewer).
has() { "$bin" --list | grep -qx "$1"; }

# check LABEL WANT_STATUS WANT_OUTPUT CMD...: runs CMD (stdin from $input),
# compares its stdout and status.
input=/dev/null
check() {
  local label=$1 want_status=$2 want=$3 got status
  shift 3
  got=$(timeout 60 "$@" < "$input" 2>"$work/stderr")
  status=$?
  if [ "$status" = "$want_status" ] && [ "$got" = "$want" ]; then
    ok "$label"
  else
    bad "$label: status $status (want $want_status), output '$got' (want '$want'), stderr: $(head -c 300 "$work/stderr")"
  fi
}

# The runs every environment must pass; $@ is the prefix that runs a
# command inside the environment.
applets() {
  local env=$1
  shift
  input=/dev/null
  has echo && check "$env: echo" 0 "hello world" "$@" /bin/echo hello world
  has cat && check "$env: cat a file" 0 "from the root" "$@" /bin/cat /msg.txt
  has cat && check "$env: cat -n a file" 0 "     1	from the root" "$@" /bin/cat -n /msg.txt
  printf 'piped in\n' > "$work/stdin"
  input=$work/stdin
  has cat && check "$env: cat stdin" 0 "piped in" "$@" /bin/cat
  input=/dev/null
  # qemu-user as PID 1 of a PID namespace (unshare --pid --fork) cannot
  # die of the guest's SIGPIPE: it re-raises it on itself, which init ignores.
  if [ "$arch" != x86_64 ] && [ "$env" = unshare ]; then
    skip "$env: yes | head: qemu-user is PID 1 here and cannot die of SIGPIPE"
  else
    has yes && check "$env: yes | head" 0 "$(printf 'y\ny\ny')" bash -c '"$@" /bin/yes | head -n 3' - "$@"
  fi
  has true && check "$env: true" 0 "" "$@" /bin/true
  has false && check "$env: false" 1 "" "$@" /bin/false
  has sleep && check "$env: sleep 0.1" 0 "" "$@" /bin/sleep 0.1
  has uname && check "$env: uname -s" 0 "Linux" "$@" /bin/uname -s
  has env && check "$env: env -i A=1" 0 "A=1" "$@" /bin/env -i A=1
  # No PATH after -i: execvp's default (/bin:/usr/bin) finds echo.
  has env && has echo && check "$env: env -i echo" 0 "run by env" "$@" /bin/env -i echo run by env
  has env && has echo && check "$env: env -S" 0 "a b c" "$@" /bin/env -S'echo a "b c"'
  check "$env: femtobox --list" 0 "$("$bin" --list)" "$@" /bin/femtobox --list
}

# --- an empty root: bin/femtobox, its links, one data file -------------------
rootfs=$work/root
mkdir -p "$rootfs/bin"
cp "$bin" "$rootfs/bin/femtobox"
"$rootfs/bin/femtobox" --install -s "$rootfs/bin" || bad "femtobox --install -s"
printf 'from the root\n' > "$rootfs/msg.txt"
chmod -R a+rX "$rootfs"
first=$("$bin" --list | head -n 1)
if [ "$(readlink "$rootfs/bin/$first")" = femtobox ]; then ok "--install -s makes relative links"; else bad "--install -s: $first -> $(readlink "$rootfs/bin/$first")"; fi

if ! root; then
  skip "chroot: not root"
  skip "unshare: not root"
else
  applets chroot chroot "$rootfs"
  # No /proc in there: --install finds the binary by argv[0].
  mkdir "$rootfs/other"
  if chroot "$rootfs" /bin/femtobox --install -s /other && [ "$(readlink "$rootfs/other/$first")" = /bin/femtobox ] \
     && rm "$rootfs"/other/* && chroot "$rootfs" /bin/femtobox --install /other && [ "$rootfs/other/$first" -ef "$rootfs/bin/femtobox" ]; then
    ok "chroot without /proc: --install [-s] finds the binary by argv[0]"
  else
    bad "chroot without /proc: --install: $(ls -l "$rootfs/other" | tr '\n' ' ')"
  fi
  rm -rf "$rootfs/other"
  if unshare --mount --pid --fork --net --uts --ipc --root="$rootfs" /bin/true 2>/dev/null; then
    applets unshare unshare --mount --pid --fork --net --uts --ipc --root="$rootfs"
  else
    skip "unshare: this machine refuses new namespaces"
  fi
fi

if ! need bwrap bubblewrap; then
  skip "bwrap: bubblewrap is not installed and cannot be"
else
  nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  if ! root; then nobody=(); fi
  if "${nobody[@]}" bwrap --ro-bind "$rootfs" / --unshare-all /bin/true 2>"$work/bwrap.err"; then
    applets "bwrap (uid $("${nobody[@]}" id -u))" "${nobody[@]}" bwrap --ro-bind "$rootfs" / --unshare-all
  else
    skip "bwrap: $(head -c 200 "$work/bwrap.err")"
  fi
fi

# --- a FROM-scratch image, built and run by a real engine --------------------
docker_step() {
  if [ "$arch" != x86_64 ]; then skip "docker: the image is the x86-64 box (Dockerfile copies target/femtobox)"; return; fi
  if ! root; then skip "docker: not root (dockerd needs it)"; return; fi
  if ! command -v dockerd >/dev/null 2>&1 && ! need dockerd docker.io; then skip "docker: docker.io cannot be installed"; return; fi
  local d=$work/docker docker
  docker=$(command -v docker)
  [ -x /usr/bin/docker ] && docker=/usr/bin/docker
  mkdir -p "$d/data" "$d/exec"
  dockerd --host "unix://$d/sock" --data-root "$d/data" --exec-root "$d/exec" --pidfile "$d/pid" \
    --iptables=false --ip6tables=false --bridge=none >"$d/log" 2>&1 &
  dockerd_pid=$!
  export DOCKER_HOST=unix://$d/sock DOCKER_BUILDKIT=0
  for _ in $(seq 60); do "$docker" version >/dev/null 2>&1 && break; sleep 0.5; done
  if ! "$docker" version >/dev/null 2>&1; then skip "docker: dockerd did not start: $(tail -n 3 "$d/log" | tr '\n' ' ')"; return; fi
  if ! (cd "$(dirname "$0")/.." && "$docker" build -q --network none -t femtobox-deploy-test . >"$d/build" 2>&1); then
    bad "docker build: $(tail -n 5 "$d/build" | tr '\n' ' ')"
    return
  fi
  ok "docker build (FROM scratch, RUN femtobox --install -s /bin)"
  local run=("$docker" run --rm --network none femtobox-deploy-test)
  check "docker: --list" 0 "$("$bin" --list)" "${run[@]}" /bin/femtobox --list
  has echo && check "docker: default command" 0 "hello from scratch" "${run[@]}"
  has cat && check "docker: cat --version" 0 "cat (femtobox) $("$bin" --version | cut -d' ' -f3)" "${run[@]}" /bin/cat --version
  has false && check "docker: false" 1 "" "${run[@]}" /bin/false
  has yes && check "docker: yes | head" 0 "$(printf 'y\ny')" bash -c '"$@" /bin/yes | head -n 2' - "${run[@]}"
  # env as the image's entrypoint, finding echo in the image's PATH.
  has env && has echo && check "docker: env as entrypoint runs echo" 0 "hello via env" \
    "$docker" run --rm --network none --entrypoint /bin/env femtobox-deploy-test echo hello via env
  has uname && check "docker: uname -o" 0 "GNU/Linux" "${run[@]}" /bin/uname -o
  has sleep && check "docker: sleep 0.1" 0 "" "${run[@]}" /bin/sleep 0.1
  printf 'into the container\n' > "$work/stdin"
  input=$work/stdin
  has cat && check "docker: cat stdin" 0 "into the container" "$docker" run --rm -i --network none femtobox-deploy-test /bin/cat
  input=/dev/null
  "$docker" rmi -f femtobox-deploy-test >/dev/null 2>&1
  kill "$dockerd_pid" 2>/dev/null
  wait "$dockerd_pid" 2>/dev/null
  dockerd_pid=
  unset DOCKER_HOST DOCKER_BUILDKIT
}
docker_step

# --- an initramfs whose init is femtobox, booted by a real kernel ------------
# The kernel: Debian's cloud image for the box's architecture (DEB), taken
# from the package without installing it (a foreign one needs dpkg to know
# the architecture), cached under target/deploy-cache/DEB.
kernel() {
  local k dir=$cache/$deb
  k=$(ls "$dir"/vmlinuz-* 2>/dev/null | head -n 1)
  if [ -n "$k" ]; then echo "$k"; return 0; fi
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$deb" != "$(dpkg --print-architecture)" ] && ! dpkg --print-foreign-architectures | grep -qx "$deb"; then
    root || return 1
    dpkg --add-architecture "$deb" || return 1
    apt_updated=
  fi
  if [ -z "$apt_updated" ] && root; then apt-get update -qq >/dev/null 2>&1; apt_updated=1; fi
  local pkg
  pkg=$(apt-cache depends "linux-image-cloud-$deb:$deb" 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
  [ -n "$pkg" ] || return 1
  mkdir -p "$dir" "$work/kernel"
  (cd "$work/kernel" && apt-get download "$pkg" >/dev/null 2>&1) || return 1
  dpkg-deb --fsys-tarfile "$work"/kernel/*.deb | tar -x -C "$work/kernel" --wildcards './boot/vmlinuz-*' || return 1
  cp "$work"/kernel/boot/vmlinuz-* "$dir/" && ls "$dir"/vmlinuz-* | head -n 1
}

# boot LABEL WANT_EXITCODE WANT_LINE INIT_ARGS...: boots with rdinit=INIT_ARGS.
boot() {
  local label=$1 want_code=$2 want_line=$3 out
  shift 3
  out=$(timeout 120 "$qemu" "${machine[@]}" -accel tcg -m 256 -nodefaults -display none -serial stdio -no-reboot \
          -kernel "$vmlinuz" -initrd "$work/initrd.cpio" \
          -append "console=$console panic=-1 quiet rdinit=$*" 2>&1 | head -c 1000000)
  local code
  code=$(printf '%s\n' "$out" | grep -o 'exitcode=0x[0-9a-f]*' | head -n 1)
  if [ "$code" = "exitcode=$want_code" ] && { [ -z "$want_line" ] || printf '%s\n' "$out" | tr -d '\r' | grep -qx "$want_line"; }; then
    ok "initramfs: $label"
  else
    bad "initramfs: $label: got '${code:-no exit code}', output tail: $(printf '%s' "$out" | tr -d '\r' | tail -n 5 | tr '\n' '|')"
  fi
}

initramfs_step() {
  local machine=() qemu console package
  case $arch in
    x86_64) deb=amd64 qemu=qemu-system-x86_64 package=qemu-system-x86 console=ttyS0 ;;
    aarch64) deb=arm64 qemu=qemu-system-aarch64 package=qemu-system-arm console=ttyAMA0 machine=(-M virt -cpu max) ;;
    # Debian 12 has no riscv64 archive to take a kernel from.
    *) skip "initramfs: no boot set up for $arch"; return ;;
  esac
  if ! need "$qemu" "$package"; then skip "initramfs: $package cannot be installed"; return; fi
  vmlinuz=$(kernel) || { skip "initramfs: no $deb kernel package could be downloaded"; return; }
  "$mkcpio" "$rootfs" "$work/initrd.cpio" || { bad "initramfs: mkcpio"; return; }
  has echo && boot "echo" 0x00000000 "hello from initramfs" "/bin/echo -- hello from initramfs"
  has cat && boot "cat a file" 0x00000000 "from the root" "/bin/cat -- /msg.txt"
  has false && boot "false" 0x00000100 "" "/bin/false"
  has true && boot "true" 0x00000000 "" "/bin/true"
  has sleep && boot "sleep 0.2" 0x00000000 "" "/bin/sleep -- 0.2"
  has uname && boot "uname -s" 0x00000000 "Linux" "/bin/uname -- -s"
  # init's environment has no PATH: execvp's default finds /bin/echo.
  has env && has echo && boot "env runs echo" 0x00000000 "hello via env" "/bin/env -- echo hello via env"
}
initramfs_step

say "$pass passed, $fail failed, $skip skipped in $((SECONDS - started)) s"
[ "$fail" = 0 ]
