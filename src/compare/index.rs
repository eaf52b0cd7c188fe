//! Candidate search: the sentence pairs worth scoring, found through an inverted index of
//! content-word stems instead of comparing every sentence with every other.
//!
//! Each sentence looks up the stems it contains; stems that occur in too many sentences (the
//! story's main topic words in a long text) are skipped, so the work stays close to linear in the
//! total length. Pairs are weighted by inverse document frequency and each sentence keeps its
//! best few partners per other article; the union over both ends makes the result symmetric.

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::prepare::PreparedSet;
use super::{Cancelled, Progress, SentenceRef};

/// How many partners a sentence keeps in each other article.
const PARTNERS_PER_ARTICLE: usize = 4;
/// Stems shared by more sentences than this (at least) are too common to find candidates with.
const MIN_POSTINGS_CAP: usize = 64;
/// Per article, how many more sentences a stem may occur in before it is too common.
const POSTINGS_PER_ARTICLE: usize = 12;

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

/// Distinct content stems of every sentence, by global id, in increasing order (read off the
/// sentence's sorted bag of stems).
fn content_stems(set: &PreparedSet) -> Vec<Vec<u32>> {
    let sentences: Vec<_> = set.sentences.iter().flatten().collect();
    sentences
        .par_iter()
        .map(|p| {
            let mut stems: Vec<u32> = p
                .bag
                .iter()
                .filter(|(_, content)| *content)
                .map(|(stem, _)| *stem)
                .collect();
            stems.dedup();
            stems
        })
        .collect()
}

/// For each stem, the sentences (global ids, in increasing order) that contain it: one flat
/// list cut at offsets, since stem ids are dense.
struct Postings {
    /// Where each stem's sentences begin in `sentences` (one entry more than there are stems).
    starts: Vec<usize>,
    sentences: Vec<usize>,
}

impl Postings {
    fn new(stems: &[Vec<u32>]) -> Self {
        let stem_count = stems.iter().flatten().max().map_or(0, |&s| s as usize + 1);
        let mut starts = vec![0usize; stem_count + 1];
        for &stem in stems.iter().flatten() {
            starts[stem as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut sentences = vec![0; starts[stem_count]];
        for (global, sentence_stems) in stems.iter().enumerate() {
            for &stem in sentence_stems {
                sentences[next[stem as usize]] = global;
                next[stem as usize] += 1;
            }
        }
        Postings { starts, sentences }
    }

    /// The sentences containing `stem`.
    fn of(&self, stem: u32) -> &[usize] {
        let stem = stem as usize;
        match (self.starts.get(stem), self.starts.get(stem + 1)) {
            (Some(&start), Some(&end)) => &self.sentences[start..end],
            _ => &[],
        }
    }
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
    let postings = Postings::new(&stems);
    let cap = MIN_POSTINGS_CAP.max(POSTINGS_PER_ARTICLE * set.sentences.len());

    let lookup = Lookup {
        numbering: &numbering,
        stems: &stems,
        postings: &postings,
        cap,
        total,
    };
    let done = AtomicUsize::new(0);
    let chunks: Vec<Vec<(SentenceRef, SentenceRef)>> = (0..total)
        .step_by(PROGRESS_EVERY)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map_init(
            || Scratch::new(total),
            |scratch, first| {
                if progress.is_cancelled() {
                    return Err(Cancelled);
                }
                let mut pairs = Vec::new();
                for x in first..(first + PROGRESS_EVERY).min(total) {
                    lookup.partners_of(x, scratch, &mut pairs);
                }
                let finished = done.fetch_add(PROGRESS_EVERY, Ordering::Relaxed) + PROGRESS_EVERY;
                progress.update("finding candidates", finished.min(total), total);
                Ok(pairs)
            },
        )
        .collect::<Result<_, Cancelled>>()?;
    let mut pairs: Vec<(SentenceRef, SentenceRef)> = chunks.into_iter().flatten().collect();
    pairs.sort_unstable();
    pairs.dedup();
    Ok(pairs)
}

/// Per-thread accumulators, reset after each sentence (only the touched entries).
struct Scratch {
    scores: Vec<f32>,
    shared: Vec<u16>,
    touched: Vec<usize>,
}

impl Scratch {
    fn new(total: usize) -> Self {
        Scratch {
            scores: vec![0.0; total],
            shared: vec![0; total],
            touched: Vec::new(),
        }
    }
}

/// Everything the partner search reads.
struct Lookup<'a> {
    numbering: &'a Numbering,
    stems: &'a [Vec<u32>],
    postings: &'a Postings,
    cap: usize,
    total: usize,
}

impl Lookup<'_> {
    /// Adds the best partners of sentence `x` in every other article to `pairs`.
    fn partners_of(
        &self,
        x: usize,
        scratch: &mut Scratch,
        pairs: &mut Vec<(SentenceRef, SentenceRef)>,
    ) {
        let own_article = self.numbering.article_of[x];
        let idf = |df: usize| ((self.total as f32 + 1.0) / df as f32).ln().max(0.1);
        for stem in &self.stems[x] {
            let list = self.postings.of(*stem);
            if list.is_empty() || list.len() > self.cap {
                continue;
            }
            let weight = idf(list.len());
            for &y in list {
                if self.numbering.article_of[y] == own_article {
                    continue;
                }
                if scratch.shared[y] == 0 {
                    scratch.touched.push(y);
                }
                scratch.scores[y] += weight;
                scratch.shared[y] = scratch.shared[y].saturating_add(1);
            }
        }
        let small = self.stems[x].len() <= 2;
        let mut kept: Vec<(usize, f32)> = scratch
            .touched
            .iter()
            .filter(|&&y| scratch.shared[y] >= 2 || small || self.stems[y].len() <= 2)
            .map(|&y| (y, scratch.scores[y]))
            .collect();
        keep_best_per_article(&mut kept, &self.numbering.article_of);
        for (y, _) in kept {
            let (a, b) = if x < y { (x, y) } else { (y, x) };
            pairs.push((
                self.numbering.sentence_ref(a),
                self.numbering.sentence_ref(b),
            ));
        }
        for &y in &scratch.touched {
            scratch.scores[y] = 0.0;
            scratch.shared[y] = 0;
        }
        scratch.touched.clear();
    }
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
