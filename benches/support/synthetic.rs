//! Synthetic news prose for benchmarks: deterministic articles of any length, and rewrites of
//! them with the edits outlets make (paragraphs reordered, words swapped, clauses cut, sentences
//! added), so the engine is measured on realistic reuse without shipping real articles.

/// A small deterministic random generator (xorshift), so every run measures the same text.
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() % 10_000) as f64 / 10_000.0 < p
    }
}

const FUNCTION: &[&str] = &[
    "the", "a", "of", "to", "in", "and", "on", "for", "with", "at", "by", "from", "that", "was",
    "were", "is", "had", "has", "said", "after", "before", "as", "their", "its", "who", "which",
];
const ONSETS: &[&str] = &[
    "b", "br", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "st", "t", "v", "w",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ou"];
const CODAS: &[&str] = &["", "n", "r", "l", "st", "nd", "m", "ck", "t", "s"];
/// Distinct content words in the synthetic vocabulary.
const VOCABULARY: usize = 6000;

/// The `n`th invented content word (one to three syllables).
fn word(n: usize) -> String {
    let mut k = n;
    let syllables = 1 + k % 3;
    k /= 3;
    let mut out = String::new();
    for _ in 0..syllables {
        out.push_str(ONSETS[k % ONSETS.len()]);
        k /= ONSETS.len();
        out.push_str(VOWELS[k % VOWELS.len()]);
        k /= VOWELS.len();
        out.push_str(CODAS[(k + n) % CODAS.len()]);
    }
    out
}

/// A content word drawn with a Zipf-like distribution (a few frequent topic words, a long tail).
fn content_word(rng: &mut Rng) -> String {
    let u = (rng.below(1_000_000) + 1) as f64 / 1_000_000.0;
    let rank = ((VOCABULARY as f64).powf(u) as usize).saturating_sub(1);
    word(rank)
}

/// One sentence of invented news-like prose: function words and Zipf-distributed content words,
/// sometimes a figure, sometimes a capitalised name.
pub fn sentence(rng: &mut Rng) -> String {
    let length = 12 + rng.below(20);
    let mut words: Vec<String> = Vec::with_capacity(length);
    for i in 0..length {
        let w = if rng.chance(0.42) {
            FUNCTION[rng.below(FUNCTION.len())].to_owned()
        } else if rng.chance(0.05) {
            format!("{}", 2 + rng.below(40_000))
        } else {
            let w = content_word(rng);
            if i > 0 && rng.chance(0.12) {
                capitalise(&w)
            } else {
                w
            }
        };
        words.push(w);
    }
    let mut text = capitalise(&words.join(" "));
    text.push('.');
    text
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// An article of about `words` words: paragraphs of two to four sentences.
pub fn article(seed: u64, words: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut paragraphs = Vec::new();
    let mut count = 0;
    while count < words {
        let sentences: Vec<String> = (0..2 + rng.below(3)).map(|_| sentence(&mut rng)).collect();
        count += sentences
            .iter()
            .map(|s| s.split_whitespace().count())
            .sum::<usize>();
        paragraphs.push(sentences.join(" "));
    }
    paragraphs.join("\n\n")
}

/// An outlet's rewrite of `original`: paragraphs reordered in places, some words swapped,
/// clauses cut, sentences replaced and paragraphs of its own added.
pub fn rewrite(original: &str, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut paragraphs: Vec<String> = original
        .split("\n\n")
        .map(|p| {
            p.split_inclusive(". ")
                .map(|s| edit_sentence(s.trim(), &mut rng))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    for i in 0..paragraphs.len() {
        if rng.chance(0.15) {
            let j = rng.below(paragraphs.len());
            paragraphs.swap(i, j);
        }
        if rng.chance(0.08) {
            paragraphs[i] = format!("{} {}", sentence(&mut rng), sentence(&mut rng));
        }
    }
    paragraphs.join("\n\n")
}

fn edit_sentence(s: &str, rng: &mut Rng) -> String {
    if rng.chance(0.6) {
        return s.to_owned();
    }
    if rng.chance(0.2) {
        return sentence(rng);
    }
    let mut words: Vec<String> = s.split_whitespace().map(str::to_owned).collect();
    for _ in 0..1 + rng.below(3) {
        let k = rng.below(words.len());
        words[k] = content_word(rng);
    }
    if words.len() > 12 && rng.chance(0.3) {
        words.truncate(words.len() - 4);
        if let Some(last) = words.last_mut() {
            last.push('.');
        }
    }
    words.join(" ")
}

/// `count` outlets' versions of one wire story of about `words` words: the wire itself first,
/// then rewrites of it, as `(label, text)`.
pub fn outlets(count: usize, words: usize) -> Vec<(String, String)> {
    let wire = article(3, words);
    (0..count)
        .map(|i| {
            let text = if i == 0 {
                wire.clone()
            } else {
                rewrite(&wire, 10 + i as u64)
            };
            (format!("Outlet {i:02}"), text)
        })
        .collect()
}
