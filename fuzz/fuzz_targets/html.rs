//! Fuzz target. HTML extraction: `parallax::article::html::extract` on arbitrary (lossily decoded) pages.
//! The checks live in `fuzz/src/lib.rs`, shared with `tests/fuzz_regressions.rs`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| parallax_fuzz::check_html(data));
