//! Fuzz target. Document readers: the Word and OpenDocument XML walkers and the PDF layout (lines, columns, running heads, paragraphs) on glyphs drawn from the input.
//! The checks live in `fuzz/src/lib.rs`, shared with `tests/fuzz_regressions.rs`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| parallax_fuzz::check_documents(data));
