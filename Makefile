# femtobox — `make` builds the binary and prints its size; `make test` proves it.
# See README.md.

CARGO   ?= cargo
# The architecture: x86_64 (the default), aarch64 or riscv64. Another one
# than x86-64 builds target/ARCH/femtobox (named femtobox: `femtobox APPLET`
# dispatches on the name) and is tested under qemu-user.
ARCH    ?= x86_64
TARGET  := $(if $(filter riscv64,$(ARCH)),riscv64gc-unknown-none-elf,$(ARCH)-unknown-none)
RAW     := target/$(TARGET)/symbols/femtobox
BIN     := target/$(if $(filter-out x86_64,$(ARCH)),$(ARCH)/)femtobox
# The foreign suites `make test` runs after the x86-64 one (each the whole
# suite under qemu-user, about 7 minutes): FOREIGN= leaves them out; a
# machine that cannot run them (not root) skips them, saying so.
FOREIGN ?= aarch64 riscv64
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  := $(DESTDIR)$(PREFIX)/bin
# A box with only some applets: make APPLETS="cat echo" (all by default);
# HELP=0 leaves out the option lines of each --help (the `help` feature).
APPLETS ?=
HELP    ?= 1
FEATURES := --no-default-features --features "$(or $(strip $(APPLETS)),all)$(if $(filter 0,$(HELP)),, help)"

.PHONY: all build setup test test-foreign test-slow test-deps test-qemu test-deploy bench fuzz miri size install clean

all: build
	@./scripts/size.sh --short $(BIN)

# The pinned toolchain (rust-toolchain.toml) and its target: rustup here
# installs neither on its own.
TOOLCHAIN := $(shell sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
setup:
	@rustup toolchain list 2>/dev/null | grep -q '^$(TOOLCHAIN)-' \
	  || rustup toolchain install --no-self-update $(TOOLCHAIN) --profile minimal --target $(TARGET)
	@rustup target list --installed --toolchain $(TOOLCHAIN) 2>/dev/null | grep -qx '$(TARGET)' \
	  || rustup target add --toolchain $(TOOLCHAIN) $(TARGET)

# The shipped binary is $(BIN): the `symbols` build (the release profile with
# its symbol table, which the hygiene test reads to prove no panic path
# survived) without section headers and symbols (which the kernel never
# reads). Shipping that very build, not the plain release one, is what lets
# the symbol check speak for the shipped bytes: the two profiles' symbol
# hashes differ, and the linker's order of merged constants with them.
build: setup
	$(CARGO) build --release --target $(TARGET) -p femtobox $(FEATURES)
	$(CARGO) build --profile symbols --target $(TARGET) -p femtobox $(FEATURES)
	@mkdir -p $(dir $(BIN))
	$(CARGO) run -q -p femtobox-tests --bin shrink -- $(RAW) $(BIN)

# What the tests use and a fresh machine may lack; skipped (the tests then
# say what they skip) when we cannot install.
test-deps:
	@command -v strace >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && apt-get install -y -qq --no-install-recommends strace) >/dev/null 2>&1 \
	      || echo "make: could not install strace; the syscall-count tests will be skipped"; \
	  else echo "make: strace missing and not root; the syscall-count tests will be skipped"; fi; }

# Another architecture's box runs by its path, as the tests run it, through
# binfmt_misc and qemu-user (scripts/qemu-user.sh; needs root).
test-qemu:
	@[ "$(ARCH)" = x86_64 ] || ./scripts/qemu-user.sh $(ARCH)

# The suite for ARCH; then, from the x86-64 run, the same for each of
# $(FOREIGN) under qemu-user (make test-foreign runs those alone).
test: build test-deps test-qemu
	FEMTOBOX=$(abspath $(BIN)) $(CARGO) test -p femtobox-tests
	@$(MAKE) --no-print-directory test-deploy
	@./scripts/size.sh --short $(BIN)
	@[ "$(ARCH)" != x86_64 ] || $(MAKE) --no-print-directory test-foreign

# The suites of $(FOREIGN), one after another, under qemu-user.
test-foreign:
	@for a in $(FOREIGN); do \
	  ./scripts/qemu-user.sh $$a; rc=$$?; \
	  if [ $$rc = 2 ]; then echo "make test: the $$a suite is skipped: this machine cannot run it under qemu-user (see above)"; continue; fi; \
	  [ $$rc = 0 ] || exit 1; \
	  echo "make test: the $$a suite, under qemu-user"; \
	  $(MAKE) --no-print-directory test ARCH=$$a || exit 1; done

# The tests too slow for every run (each says so: #[ignore]): rm of a tree
# 100 000 levels deep and of a directory of 1 000 000 entries.
test-slow: build test-deps test-qemu
	FEMTOBOX=$(abspath $(BIN)) $(CARGO) test -p femtobox-tests -- --ignored

# The binary where there is nothing else: an empty root, a FROM-scratch
# image, an initramfs (scripts/test-deploy.sh; installs what it needs).
test-deploy: build test-qemu
	$(CARGO) build -q -p femtobox-tests --bin mkcpio
	./scripts/test-deploy.sh $(BIN) target/debug/mkcpio

# Throughput and latency against GNU coreutils and BusyBox, side by side
# (scripts/bench.sh; installs hyperfine, pv and busybox-static if missing).
bench: build
	./scripts/bench.sh $(BIN) $(BENCH_GIB)

BENCH_GIB ?= 1

# libFuzzer on the pure logic, each target against its model for
# FUZZ_SECONDS (nightly; `make test` replays the saved corpus in fuzz/corpus);
# the corpus is minimised after a clean run only.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := unescape render quote getopt split mode
fuzz:
	@rustup toolchain list | grep -q '^nightly' || { echo "make fuzz: needs the nightly toolchain (rustup toolchain install nightly)"; exit 1; }
	@command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
	@cd fuzz && for t in $(FUZZ_TARGETS); do \
	  out=$$(cargo +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 2>&1); \
	  echo "$$out" | grep -aE '^(stat::number_of_executed_units|SUMMARY|==[0-9]+== ERROR)' | sed "s/^/$$t: /"; \
	  if echo "$$out" | grep -aq '== ERROR'; then echo "$$t: failed (fuzz/artifacts/$$t); corpus left as it is"; \
	  else cargo +nightly fuzz cmin $$t >/dev/null 2>&1; fi; \
	done

# The pure logic under Miri (nightly): undefined behaviour, out-of-bounds.
miri:
	@rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^miri' \
	  || rustup component add miri rust-src --toolchain nightly
	MIRIFLAGS=-Zmiri-disable-isolation cargo +nightly miri test -p femtobox-tests --test pure

# The x86-64 box in detail, and the three architectures side by side.
size: build
	@./scripts/size.sh $(BIN) $(RAW)
	@for a in aarch64 riscv64; do $(MAKE) --no-print-directory -s build ARCH=$$a >/dev/null 2>&1 \
	  || { echo "make size: make build ARCH=$$a failed"; exit 1; }; done
	@./scripts/size.sh --arches target/femtobox target/aarch64/femtobox target/riscv64/femtobox

install: build
	install -d $(BINDIR)
	install -m 755 $(BIN) $(BINDIR)/femtobox
	@for a in $$($(BIN) --list); do ln -sf femtobox $(BINDIR)/$$a; echo "  $(BINDIR)/$$a -> femtobox"; done

clean:
	$(CARGO) clean
