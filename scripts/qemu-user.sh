#!/bin/sh
# Makes this x86-64 machine run ARCH's binaries (aarch64, riscv64) by their
# path, as the tests run the box: under any argv[0], through symlinks, from
# shell scripts and from `env`. That takes the kernel's binfmt_misc, not a
# runner prefix (a program the box execs would not get the prefix):
#   qemu-user.sh ARCH
# installs qemu-user-static if missing (Debian), mounts binfmt_misc, and
# registers /usr/bin/qemu-ARCH-static's wrapper with flags P (argv[0] kept:
# the box dispatches on it) and F (the interpreter opened now, so it works
# in any mount namespace). Not O or C: with them the kernel hands qemu the
# binary as an open descriptor, the lowest free one, which turns a test's
# closed stdin into an open file. Needs root: exits 2 (saying why) when
# this machine cannot be set up (not root, no apt-get, no binfmt_misc), 1
# when a step that should work fails.
set -eu
arch=$1
name=qemu-$arch
reg=/proc/sys/fs/binfmt_misc
say() { echo "qemu-user.sh: $*" >&2; }

if ! [ -x /usr/bin/$name-static ] || ! [ -f /usr/share/binfmts/$name ]; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || { say "qemu-user-static missing and cannot install it (not root or no apt-get)"; exit 2; }
  say "installing qemu-user-static"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qemu-user-static) >/dev/null 2>&1 \
    || { say "apt-get install qemu-user-static failed"; exit 1; }
fi
[ -f $reg/register ] || mount -t binfmt_misc binfmt_misc $reg 2>/dev/null \
  || { say "cannot mount binfmt_misc at $reg (needs root)"; exit 2; }
want=$(sed -n 's/^interpreter //p' /usr/share/binfmts/$name)
# Ours already (flags PF, this interpreter, enabled): nothing to do.
ours() { grep -qx enabled $reg/$name && grep -qx "flags: PF" $reg/$name && grep -qx "interpreter $want" $reg/$name; }
[ -f $reg/$name ] && ours && exit 0
[ "$(id -u)" = 0 ] || { say "cannot register $name with binfmt_misc (needs root)"; exit 2; }
# Another registration of the name (Debian's own is POCF): replaced.
[ -f $reg/$name ] && echo -1 > $reg/$name
field() { sed -n "s/^$1 //p" /usr/share/binfmts/$name; }
printf ':%s:M:%s:%s:%s:%s:PF' "$name" "$(field offset)" "$(field magic)" "$(field mask)" "$want" > $reg/register \
  || { say "cannot register $name with binfmt_misc"; exit 1; }
