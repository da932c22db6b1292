//! libFuzzer target: `check_render` from tests/src/checks.rs on any input.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| femtobox_tests::checks::check_render(data));
