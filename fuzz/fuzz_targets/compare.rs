//! Fuzz target. Engine and reports: `compare` on 2–4 articles built from the input; links, spans, order independence, JSON/HTML/Markdown/text reports.
//! The checks live in `fuzz/src/lib.rs`, shared with `tests/fuzz_regressions.rs`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| parallax_fuzz::check_compare(data));
