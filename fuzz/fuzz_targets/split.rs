//! libFuzzer target: `check_split` (env -S against GNU's build_argv) on any input.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| femtobox_tests::checks::check_split(data));
