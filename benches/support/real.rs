//! Benchmark inputs made from a real text the caller supplies (never shipped in the repository):
//! its first 100,000 words and a rewrite of them, and twenty outlets made from its first 3,000
//! words, with the edits of [`super::synthetic::rewrite`]. Real prose has a large, irregular
//! vocabulary that invented text lacks, so these are the speed figures that count.

use super::synthetic;

/// Words in each article of the real-prose rewrite pair.
pub const PAIR_WORDS: usize = 100_000;
/// Words in the wire story the twenty real outlets are made from.
pub const OUTLET_WORDS: usize = 3_000;
/// Outlets made from the wire story (the story itself among them).
pub const OUTLETS: u64 = 20;

/// The first [`PAIR_WORDS`] words of `text` and a rewrite of them.
pub fn rewrite_pair(text: &str) -> (String, String) {
    let original = first_words(text, PAIR_WORDS);
    let rewrite = synthetic::rewrite(&original, 2);
    (original, rewrite)
}

/// [`OUTLETS`] versions of the first [`OUTLET_WORDS`] words of `text`: the text itself, then
/// rewrites of it, each with its label.
pub fn outlets(text: &str) -> Vec<(String, String)> {
    let wire = first_words(text, OUTLET_WORDS);
    (0..OUTLETS)
        .map(|i| {
            let version = if i == 0 {
                wire.clone()
            } else {
                synthetic::rewrite(&wire, 10 + i)
            };
            (format!("outlet-{i:02}"), version)
        })
        .collect()
}

/// The paragraphs of `text` (separated by blank lines) up to about `words` words.
fn first_words(text: &str, words: usize) -> String {
    let mut count = 0;
    let mut kept = Vec::new();
    for paragraph in text.split("\n\n") {
        if count >= words {
            break;
        }
        count += paragraph.split_whitespace().count();
        kept.push(paragraph.trim());
    }
    kept.join("\n\n")
}
