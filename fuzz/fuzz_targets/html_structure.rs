//! Fuzz target. HTML extraction on generated page structures: many attributes, nesting through
//! implied end tags, foreign content, raw text (`parallax_fuzz::structured_page`).
//! The checks live in `fuzz/src/lib.rs`, shared with `tests/fuzz_regressions.rs`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| parallax_fuzz::check_html_structure(data));
