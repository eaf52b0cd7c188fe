//! Fuzz target. Text forms: the charset prescan, the Markdown renderer and the comparable form
//! (NFC, invisible characters left out), chosen by the first byte.
//! The checks live in `fuzz/src/lib.rs`, shared with `tests/fuzz_regressions.rs`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| parallax_fuzz::check_forms(data));
