//! Fuzz target. Segmenter: `parallax::article::segment::segment` on arbitrary text in all three formats, checking its span guarantees.
//! The checks live in `fuzz/src/lib.rs`, shared with `tests/fuzz_regressions.rs`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| parallax_fuzz::check_segment(data));
