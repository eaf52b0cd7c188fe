//! Fuzz target. Loader: `parallax::article::load_bytes` on arbitrary bytes named `.txt`, `.md`, `.html` or without extension.
//! The checks live in `fuzz/src/lib.rs`, shared with `tests/fuzz_regressions.rs`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| parallax_fuzz::check_load(data));
