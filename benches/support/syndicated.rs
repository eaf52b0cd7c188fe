//! Syndicated copies for benchmarks: one invented wire story and many outlets' copies of it, the
//! way a wire story spreads. About half the copies are word for word; the rest are lightly
//! edited (a sentence or two reworded or replaced, the last paragraph cut, a paragraph of the
//! outlet's own added). Deterministic, and made of [`synthetic`]'s invented words.

use crate::synthetic::{self, Rng};

/// `count` copies of one invented wire story of about `words` words, as `(label, text)`: the
/// wire itself first.
pub fn copies(count: usize, words: usize) -> Vec<(String, String)> {
    let wire = synthetic::article(7, words);
    let mut rng = Rng::new(99);
    (0..count)
        .map(|i| {
            let text = if i == 0 || rng.chance(0.5) {
                wire.clone()
            } else {
                lightly_edited(&wire, &mut rng)
            };
            (format!("Copy {i:03}"), text)
        })
        .collect()
}

/// `wire` with an outlet's light edits.
fn lightly_edited(wire: &str, rng: &mut Rng) -> String {
    let mut paragraphs: Vec<Vec<String>> = wire
        .split("\n\n")
        .map(|p| {
            p.split_inclusive(". ")
                .map(|s| s.trim().to_owned())
                .collect()
        })
        .collect();
    for _ in 0..1 + rng.below(2) {
        let p = rng.below(paragraphs.len());
        let s = rng.below(paragraphs[p].len());
        paragraphs[p][s] = if rng.chance(0.5) {
            reworded(&paragraphs[p][s], rng)
        } else {
            synthetic::sentence(rng)
        };
    }
    if paragraphs.len() > 2 && rng.chance(0.3) {
        paragraphs.pop();
    }
    if rng.chance(0.3) {
        let at = rng.below(paragraphs.len() + 1);
        paragraphs.insert(at, vec![synthetic::sentence(rng), synthetic::sentence(rng)]);
    }
    paragraphs
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `sentence` with two of its words replaced by words of an invented sentence.
fn reworded(sentence: &str, rng: &mut Rng) -> String {
    let replacements = synthetic::sentence(rng).to_lowercase();
    let replacements: Vec<&str> = replacements.trim_end_matches('.').split(' ').collect();
    let mut words: Vec<&str> = sentence.split(' ').collect();
    for _ in 0..2 {
        let k = 1 + rng.below(words.len().saturating_sub(2));
        words[k] = replacements[rng.below(replacements.len())];
    }
    words.join(" ")
}
