//! libFuzzer target: `check_mode` (mkdir -m / chmod modes against gnulib's modechange) on any input.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| femtobox_tests::checks::check_mode(data));
