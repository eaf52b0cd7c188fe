//! Candidate search: the sentence pairs worth scoring, found through an inverted index of
//! content-word stems instead of comparing every sentence with every other.
//!
//! Each sentence looks up the stems it contains; stems that occur in too many sentences (the
//! story's main topic words in a long text) are skipped, so the work stays close to linear in the
//! total length. Pairs are weighted by inverse document frequency and each sentence keeps its
//! best few partners per other article; the union over both ends makes the result symmetric.

use std::collections::HashMap;

use super::prepare::PreparedSet;
use super::{Cancelled, Progress, SentenceRef};

/// How many partners a sentence keeps in each other article.
const PARTNERS_PER_ARTICLE: usize = 4;
/// Stems shared by more sentences than this (at least) are too common to find candidates with.
const MIN_POSTINGS_CAP: usize = 64;
/// How often (in sentences) to check for cancellation and report progress.
const PROGRESS_EVERY: usize = 512;

/// Flat numbering of all sentences of all articles.
struct Numbering {
    /// Global id of the first sentence of each article.
    offsets: Vec<usize>,
    /// Article of each global id.
    article_of: Vec<usize>,
}

impl Numbering {
    fn new(set: &PreparedSet) -> Self {
        let mut offsets = Vec::with_capacity(set.sentences.len());
        let mut article_of = Vec::new();
        for (article, sentences) in set.sentences.iter().enumerate() {
            offsets.push(article_of.len());
            article_of.extend(std::iter::repeat_n(article, sentences.len()));
        }
        Numbering {
            offsets,
            article_of,
        }
    }

    fn sentence_ref(&self, global: usize) -> SentenceRef {
        let article = self.article_of[global];
        SentenceRef::new(article, global - self.offsets[article])
    }
}

/// Distinct content stems of every sentence, by global id.
fn content_stems(set: &PreparedSet) -> Vec<Vec<u32>> {
    set.sentences
        .iter()
        .flatten()
        .map(|p| {
            let mut stems: Vec<u32> = p
                .stems
                .iter()
                .zip(&p.is_content)
                .filter(|(_, content)| **content)
                .map(|(stem, _)| *stem)
                .collect();
            stems.sort_unstable();
            stems.dedup();
            stems
        })
        .collect()
}

/// Sentence pairs from different articles worth scoring, each as `(a, b)` with
/// `a.article < b.article`, sorted and without repeats.
pub fn candidate_pairs(
    set: &PreparedSet,
    progress: &dyn Progress,
) -> Result<Vec<(SentenceRef, SentenceRef)>, Cancelled> {
    let numbering = Numbering::new(set);
    let stems = content_stems(set);
    let total = stems.len();
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (global, sentence_stems) in stems.iter().enumerate() {
        for &stem in sentence_stems {
            postings.entry(stem).or_default().push(global);
        }
    }
    let cap = MIN_POSTINGS_CAP.max(total / 10);
    let idf = |df: usize| ((total as f32 + 1.0) / df as f32).ln().max(0.1);

    let mut scores = vec![0.0f32; total];
    let mut shared = vec![0u16; total];
    let mut touched: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for x in 0..total {
        if x % PROGRESS_EVERY == 0 {
            if progress.is_cancelled() {
                return Err(Cancelled);
            }
            progress.update("finding candidates", x, total);
        }
        let own_article = numbering.article_of[x];
        for stem in &stems[x] {
            let Some(list) = postings.get(stem).filter(|l| l.len() <= cap) else {
                continue;
            };
            let weight = idf(list.len());
            for &y in list {
                if numbering.article_of[y] == own_article {
                    continue;
                }
                if shared[y] == 0 {
                    touched.push(y);
                }
                scores[y] += weight;
                shared[y] = shared[y].saturating_add(1);
            }
        }
        let small = stems[x].len() <= 2;
        let mut kept: Vec<(usize, f32)> = touched
            .iter()
            .filter(|&&y| shared[y] >= 2 || small || stems[y].len() <= 2)
            .map(|&y| (y, scores[y]))
            .collect();
        keep_best_per_article(&mut kept, &numbering.article_of);
        for (y, _) in kept {
            let (a, b) = if x < y { (x, y) } else { (y, x) };
            pairs.push((numbering.sentence_ref(a), numbering.sentence_ref(b)));
        }
        for &y in &touched {
            scores[y] = 0.0;
            shared[y] = 0;
        }
        touched.clear();
    }
    pairs.sort_unstable();
    pairs.dedup();
    Ok(pairs)
}

/// Keeps, for each article, the [`PARTNERS_PER_ARTICLE`] highest-scoring partners (ties broken
/// by position, so the choice never depends on hash order).
fn keep_best_per_article(candidates: &mut Vec<(usize, f32)>, article_of: &[usize]) {
    candidates.sort_unstable_by(|(y1, s1), (y2, s2)| {
        article_of[*y1]
            .cmp(&article_of[*y2])
            .then(s2.total_cmp(s1))
            .then(y1.cmp(y2))
    });
    let mut previous_article = usize::MAX;
    let mut taken = 0;
    candidates.retain(|(y, _)| {
        if article_of[*y] != previous_article {
            previous_article = article_of[*y];
            taken = 0;
        }
        taken += 1;
        taken <= PARTNERS_PER_ARTICLE
    });
}
