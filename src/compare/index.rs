//! Candidate search: the sentence pairs worth scoring, found through an inverted index of
//! content-word stems instead of comparing every sentence with every other.
//!
//! The search is a similarity join with *prefix filtering*: every link [`super::align`] can
//! decide needs the two sentences to share a minimum weight of stems, relative to the lighter of
//! the two. Each sentence's content stems are put in one global order, rarest first, and the
//! sentence looks up only the shortest leading run of them (its prefix) that any such partner
//! must touch: the stems left out weigh too little to reach the bar on their own. The proof holds
//! for any order, so the candidates a pair gets depend on the two sentences alone, never on how
//! much other text is compared (no stem is ever skipped for being common, no partner dropped for
//! lack of room); the rarest-first order only keeps the lists looked up short. A partner found
//! through the prefix is kept only when the content words the two share in all (the prefix's
//! counted, the rest merged in the same order) can still pass the bag-of-words test that scoring
//! begins with ([`super::align::may_relate`]), which the near-miss bar is part of.
//!
//! A sentence whose words occur once in its article and once, word for word, in another (a
//! twin, see [`super::align::Identical`]) has its counterpart there: it is not searched against
//! that article, nor found by its sentences. Most of a lightly edited copy is twins, so the
//! search is left with what was changed.

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::prepare::{self, Prepared, PreparedSet};
use super::{Cancelled, Progress, SentenceRef};

/// How often (in sentences) to check for cancellation and report progress.
const PROGRESS_EVERY: usize = 512;

/// What a pair must share to be worth scoring, as [`super::align`] decides links: either
/// enough of both sentences (a rewording), or most of the lighter one (a split or merge).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// The rewording threshold, for the exact check made before a pair is returned
    /// ([`super::align::may_relate`]).
    pub threshold: f32,
    /// Weight in common relative to the two sentences' mean weight (Dice), for a rewording.
    pub min_dice: f32,
    /// Content words in common, for a rewording.
    pub min_shared_content: usize,
    /// Weight in common relative to the lighter sentence's weight, for a split or merge.
    pub min_containment: f32,
    /// Content words in common, for a split or merge.
    pub min_shared_for_containment: usize,
    /// Content words the lighter sentence needs before it can be contained.
    pub min_content_for_containment: usize,
}

impl Bar {
    /// Whether `content` shared content words and `function` weight of shared function words
    /// can reach the bar between sentences of weights `lighter` and `heavier`, the lighter
    /// having `lighter_content` content words.
    fn reachable(&self, content: u32, function: f32, lighter: (f32, usize), heavier: f32) -> bool {
        let weight = content as f32 * prepare::weight(true) + function;
        let content = content as usize;
        let dice = content >= self.min_shared_content
            && 2.0 * weight >= self.min_dice * (lighter.0 + heavier);
        let contained = content >= self.min_shared_for_containment
            && lighter.1 >= self.min_content_for_containment
            && weight >= self.min_containment * lighter.0;
        dice || contained
    }
}

/// Flat numbering of all sentences of all articles.
pub(super) struct Numbering {
    /// Global id of the first sentence of each article (and one past the last).
    offsets: Vec<usize>,
    /// Article of each global id.
    article_of: Vec<u32>,
}

impl Numbering {
    pub(super) fn new(set: &PreparedSet) -> Self {
        let mut offsets = Vec::with_capacity(set.sentences.len() + 1);
        let mut article_of = Vec::new();
        for (article, sentences) in set.sentences.iter().enumerate() {
            offsets.push(article_of.len());
            article_of.extend(std::iter::repeat_n(article as u32, sentences.len()));
        }
        offsets.push(article_of.len());
        Numbering {
            offsets,
            article_of,
        }
    }

    /// How many sentences there are.
    pub(super) fn count(&self) -> usize {
        self.article_of.len()
    }

    /// The global id of `r`.
    pub(super) fn global(&self, r: SentenceRef) -> usize {
        self.offsets[r.article] + r.sentence
    }

    fn sentence_ref(&self, global: usize) -> SentenceRef {
        let article = self.article_of[global] as usize;
        SentenceRef::new(article, global - self.offsets[article])
    }
}

/// A sentence's distinct content stems with how often each occurs, read off its sorted bag.
fn counted_content_stems(p: &Prepared) -> Vec<(u32, u32)> {
    let mut stems: Vec<(u32, u32)> = Vec::new();
    for &(stem, content) in &p.bag {
        if !content {
            continue;
        }
        match stems.last_mut() {
            Some((last, count)) if *last == stem => *count += 1,
            _ => stems.push((stem, 1)),
        }
    }
    stems
}

/// A sentence's content stems in the global order (rarest first), with how often each occurs
/// and how many content words lie from each position to the end.
#[derive(Default)]
struct Ordered {
    stems: Vec<u32>,
    /// Each stem's place in the global order (document frequency above the stem id): sorted.
    places: Vec<u64>,
    counts: Vec<u32>,
    /// `rest[k]`: content words from position `k` on (one entry more than there are stems).
    rest: Vec<u32>,
}

impl Ordered {
    fn new(mut stems: Vec<(u32, u32)>, frequency: &[u32]) -> Self {
        stems.sort_unstable_by_key(|&(stem, _)| (frequency[stem as usize], stem));
        let mut rest = vec![0; stems.len() + 1];
        for k in (0..stems.len()).rev() {
            rest[k] = rest[k + 1] + stems[k].1;
        }
        Ordered {
            stems: stems.iter().map(|&(s, _)| s).collect(),
            places: stems.iter().map(|&(s, _)| place(s, frequency)).collect(),
            counts: stems.iter().map(|&(_, n)| n).collect(),
            rest,
        }
    }
}

/// A stem's place in the global order: rarest first, ties broken by stem id.
fn place(stem: u32, frequency: &[u32]) -> u64 {
    (u64::from(frequency[stem as usize]) << 32) | u64::from(stem)
}

/// One sentence in a stem's posting list: what the partner search needs of it there, stored in
/// the list itself so that walking a list reads memory in order.
#[derive(Debug, Clone, Copy, Default)]
struct Posting {
    /// The sentence's total weight (each article's run of a list goes from its heaviest
    /// sentence to its lightest).
    weight: f32,
    /// The sentence (global id).
    sentence: u32,
    /// How often the stem occurs in the sentence.
    count: u32,
    /// The sentence's content words from the stem's position in its global order on.
    rest: u32,
}

/// For each stem, the sentences that contain it, article by article (in the order of their
/// global ids) and, within an article, heaviest first (ties in increasing global id): one flat
/// list cut at offsets. A sentence looks for partners at least as heavy as itself in the other
/// articles, so it skips its own article's run whole and leaves each other run at its first
/// lighter sentence.
struct Postings {
    /// Where each stem's entries begin (one entry more than there are stems).
    starts: Vec<usize>,
    entries: Vec<Posting>,
}

impl Postings {
    fn new(
        ordered: &[Ordered],
        weights: &[Weights],
        numbering: &Numbering,
        stem_count: usize,
    ) -> Self {
        let stems = ordered.iter().flat_map(|sentence| &sentence.stems);
        let starts = starts_of_runs(stem_count, stems.map(|&stem| stem as usize));
        let mut next = starts.clone();
        let mut entries = vec![Posting::default(); starts[stem_count]];
        let mut heaviest_first: Vec<usize> = (0..ordered.len()).collect();
        heaviest_first.sort_unstable_by(|&x, &y| {
            let article = |s: usize| numbering.article_of[s];
            article(x)
                .cmp(&article(y))
                .then(weights[y].total.total_cmp(&weights[x].total))
                .then(x.cmp(&y))
        });
        for global in heaviest_first {
            let sentence = &ordered[global];
            for (position, &stem) in sentence.stems.iter().enumerate() {
                entries[next[stem as usize]] = Posting {
                    weight: weights[global].total,
                    sentence: global as u32,
                    count: sentence.counts[position],
                    rest: sentence.rest[position],
                };
                next[stem as usize] += 1;
            }
        }
        Postings { starts, entries }
    }

    /// The sentences containing `stem`.
    fn of(&self, stem: u32) -> &[Posting] {
        let stem = stem as usize;
        &self.entries[self.starts[stem]..self.starts[stem + 1]]
    }
}

/// Where the run of each of `count` numbers starts in a list holding `numbers` sorted (and one
/// past the last run): the places a counting sort puts them in.
pub(super) fn starts_of_runs(count: usize, numbers: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut starts = vec![0; count + 1];
    for number in numbers {
        starts[number + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    starts
}

/// The entries of a posting list at least `weight` heavy outside article `own`: the list's run
/// of each other article, up to its first lighter entry.
fn heavier_in_other_articles<'l>(
    list: &'l [Posting],
    weight: f32,
    skipped: &'l [u32],
    numbering: &'l Numbering,
) -> impl Iterator<Item = &'l Posting> + 'l {
    let mut start = 0;
    let runs = std::iter::from_fn(move || {
        while let Some(first) = list.get(start) {
            let article = numbering.article_of[first.sentence as usize] as usize;
            let next_article = numbering.offsets[article + 1] as u32;
            let end = start + list[start..].partition_point(|e| e.sentence < next_article);
            let run = &list[start..end];
            start = end;
            if !skipped.contains(&(article as u32)) {
                return Some(run);
            }
        }
        None
    });
    runs.flat_map(move |run| run.iter().take_while(move |e| e.weight >= weight))
}

/// For each sentence, its own article and every article where it has an identical twin, sorted:
/// the articles its partners are not searched in. A sentence found word for word in another
/// article has its counterpart there; a sentence that only resembles it there is not looked
/// for, from either side.
struct Twins {
    /// Where each sentence's articles begin (one entry more than there are sentences).
    starts: Vec<usize>,
    articles: Vec<u32>,
}

impl Twins {
    fn new(numbering: &Numbering, identical: &[(SentenceRef, SentenceRef)]) -> Self {
        let mut pairs: Vec<(usize, u32)> = (0..numbering.count())
            .map(|global| (global, numbering.article_of[global]))
            .collect();
        for &(a, b) in identical {
            pairs.push((numbering.global(a), b.article as u32));
            pairs.push((numbering.global(b), a.article as u32));
        }
        pairs.sort_unstable();
        pairs.dedup();
        let starts = starts_of_runs(numbering.count(), pairs.iter().map(|&(global, _)| global));
        Twins {
            starts,
            articles: pairs.into_iter().map(|(_, article)| article).collect(),
        }
    }

    /// The articles `global` is not searched against.
    fn of(&self, global: usize) -> &[u32] {
        &self.articles[self.starts[global]..self.starts[global + 1]]
    }
}

/// The weights the bar is measured with, for one sentence.
#[derive(Debug, Clone, Copy)]
struct Weights {
    /// All its words' weight.
    total: f32,
    /// Its function words' weight.
    function: f32,
    /// Its content words.
    content: usize,
    /// Its words.
    words: usize,
}

impl Weights {
    fn of(sentence: &Prepared) -> Self {
        Weights {
            total: sentence.total_weight,
            function: sentence.total_weight - sentence.content_count as f32 * prepare::weight(true),
            content: sentence.content_count,
            words: sentence.word_count(),
        }
    }
}

/// Whether each sentence has a content stem that some sentence uses as a function word's stem.
fn with_mixed_stems(sentences: &[&Prepared]) -> Vec<bool> {
    let stem_count = sentences
        .iter()
        .flat_map(|p| &p.bag)
        .map(|&(stem, _)| stem as usize + 1)
        .max()
        .unwrap_or(0);
    let mut function = vec![false; stem_count];
    for &(stem, content) in sentences.iter().flat_map(|p| &p.bag) {
        function[stem as usize] |= !content;
    }
    sentences
        .iter()
        .map(|p| {
            p.bag
                .iter()
                .any(|&(stem, content)| content && function[stem as usize])
        })
        .collect()
}

/// Every content stem's document frequency (in how many sentences it occurs).
fn frequencies(stems: &[Vec<(u32, u32)>]) -> Vec<u32> {
    let stem_count = stems
        .iter()
        .flatten()
        .map(|&(s, _)| s as usize + 1)
        .max()
        .unwrap_or(0);
    let mut frequency = vec![0u32; stem_count];
    for &(stem, _) in stems.iter().flatten() {
        frequency[stem as usize] += 1;
    }
    frequency
}

/// Sentence pairs from different articles worth scoring, each as `(a, b)` with
/// `a.article < b.article`, sorted and without repeats: every pair that shares at least `bar`,
/// among the article pairs `compared` accepts.
///
/// Sentences marked in `repeated` (`repeated[article][sentence]`: the same words again, earlier
/// in the same article) are left out: they get the links of their first occurrence. No pair
/// joins a sentence to an article where it has one of its `twins`.
pub fn candidate_pairs(
    set: &PreparedSet,
    bar: Bar,
    compared: &(dyn Fn(usize, usize) -> bool + Sync),
    repeated: &[Vec<bool>],
    identical: &[(SentenceRef, SentenceRef)],
    progress: &dyn Progress,
) -> Result<Vec<(SentenceRef, SentenceRef)>, Cancelled> {
    let numbering = Numbering::new(set);
    let twins = Twins::new(&numbering, identical);
    let sentences: Vec<&Prepared> = set.sentences.iter().flatten().collect();
    let repeated: Vec<bool> = repeated.iter().flatten().copied().collect();
    // A sentence repeated, or with a twin in every other article, has no partners to find and
    // is nobody's partner: it is left out of the index.
    let articles = set.sentences.len();
    let stems: Vec<Vec<(u32, u32)>> = sentences
        .par_iter()
        .zip(&repeated)
        .enumerate()
        .map(|(global, (p, &again))| {
            if again || twins.of(global).len() == articles {
                Vec::new()
            } else {
                counted_content_stems(p)
            }
        })
        .collect();
    let frequency = frequencies(&stems);
    let ordered: Vec<Ordered> = stems
        .into_par_iter()
        .map(|stems| Ordered::new(stems, &frequency))
        .collect();
    let weights: Vec<Weights> = sentences.iter().map(|p| Weights::of(p)).collect();
    let postings = Postings::new(&ordered, &weights, &numbering, frequency.len());
    let total = ordered.len();
    let mixed = with_mixed_stems(&sentences);
    let lookup = Lookup {
        numbering: &numbering,
        weights: &weights,
        mixed: &mixed,
        ordered: &ordered,
        postings: &postings,
        twins: &twins,
        bar,
        compared,
    };
    let done = AtomicUsize::new(0);
    let chunks: Vec<Vec<u64>> = (0..total)
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
    let mut pairs: Vec<u64> = chunks.into_iter().flatten().collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    log::debug!("{} candidate pairs", pairs.len());
    Ok(pairs
        .into_iter()
        .map(|pair| {
            let (a, b) = unpacked(pair);
            (numbering.sentence_ref(a), numbering.sentence_ref(b))
        })
        .collect())
}

/// A pair of global ids, `a < b`, packed into one integer that sorts as the pair does (global
/// ids sort as the sentences they number), so the long candidate list sorts quickly.
fn packed(a: usize, b: usize) -> u64 {
    ((a as u64) << 32) | b as u64
}

/// The global ids of a [`packed`] pair.
fn unpacked(pair: u64) -> (usize, usize) {
    ((pair >> 32) as usize, (pair & u64::from(u32::MAX)) as usize)
}

/// Per-thread accumulators, reset after each sentence (only the touched entries).
struct Scratch {
    /// Content words of the probing sentence's prefix found in each sentence, plus one (zero:
    /// not touched yet; `u32::MAX`: ruled out when first touched).
    shared: Vec<u32>,
    /// Content words of each touched sentence after the last stem of the prefix found in it:
    /// all it can still share with the stems after that one, which come later in the order.
    after_last: Vec<u32>,
    touched: Vec<u32>,
}

impl Scratch {
    fn new(total: usize) -> Self {
        Scratch {
            shared: vec![0; total],
            after_last: vec![0; total],
            touched: Vec::new(),
        }
    }
}

/// Everything the partner search reads.
struct Lookup<'a> {
    numbering: &'a Numbering,
    weights: &'a [Weights],
    /// Whether each sentence has a content stem that is also some function word's stem.
    mixed: &'a [bool],
    ordered: &'a [Ordered],
    postings: &'a Postings,
    twins: &'a Twins,
    bar: Bar,
    compared: &'a (dyn Fn(usize, usize) -> bool + Sync),
}

/// Added to a bound of shared weight, per unit of the two sentences' total weight (and once
/// more), before it is compared: sums of the same weights taken in another order differ by far
/// less in sentences of up to [`MAX_CHECKED_WORDS`] words, so rounding never decides.
const ROUNDING_MARGIN: f32 = 1e-3;
/// Longest sentence (in words) whose pairs are checked exactly before scoring; longer ones are
/// kept unchecked (rounding grows with length, and such units are rare).
const MAX_CHECKED_WORDS: usize = 1000;

/// Marks a sentence ruled out for the current probe.
const RULED_OUT: u32 = u32::MAX;

impl Lookup<'_> {
    /// Adds to `pairs` (as [`packed`] global ids) every sentence of another article that could share the bar with `x`
    /// while weighing at least as much as `x` (a lighter partner finds `x` itself).
    ///
    /// A partner first met at stem position `p` of `x` and `q` of its own shares no rarer stem
    /// (those came first in both orders), so it can share at most the content words from there
    /// on in both: when that cannot reach the bar it is ruled out at once (the positional filter
    /// of similarity joins), which keeps the common words at the end of the order cheap.
    fn partners_of(&self, x: usize, scratch: &mut Scratch, pairs: &mut Vec<u64>) {
        let own_article = self.numbering.article_of[x] as usize;
        // A sentence with a twin in every other article was left out of the index: it has no
        // stems to look up.
        let skipped = self.twins.of(x);
        let weight = self.weights[x].total;
        let mine = &self.ordered[x];
        let prefix = self.prefix_length(x);
        for p in 0..prefix {
            let stem = mine.stems[p];
            let list = self.postings.of(stem);
            for entry in heavier_in_other_articles(list, weight, skipped, self.numbering) {
                let y = entry.sentence as usize;
                let seen = scratch.shared[y];
                if seen == RULED_OUT {
                    continue;
                }
                let found = mine.counts[p].min(entry.count);
                scratch.after_last[y] = entry.rest - entry.count;
                if seen > 0 {
                    scratch.shared[y] = seen + found;
                    continue;
                }
                scratch.touched.push(y as u32);
                let article = self.numbering.article_of[y] as usize;
                // Sharing no stem before positions `p` and `q` of their orders, the two share at
                // most the content words from there on in both.
                let reachable = self.heavier_or_equal(y, x, weight)
                    && !self.twins.of(y).contains(&(own_article as u32))
                    && self.reachable(x, y, mine.rest[p].min(entry.rest))
                    && (self.compared)(own_article.min(article), own_article.max(article));
                scratch.shared[y] = if reachable { 1 + found } else { RULED_OUT };
            }
        }
        // What the stems after the prefix can still add to what the prefix found: at most the
        // content words after it in `x`, and after the last stem found in `y` (the stems after
        // the prefix come later in the order than every stem of the prefix).
        let after_prefix = mine.rest[prefix];
        for &y in &scratch.touched {
            let y = y as usize;
            let shared = scratch.shared[y];
            let still = after_prefix.min(scratch.after_last[y]);
            let enough = shared != RULED_OUT
                && self.reachable(x, y, shared - 1 + still)
                && self.may_relate(x, y, || shared - 1 + self.shared_after(x, prefix, y));
            if enough {
                pairs.push(if x < y { packed(x, y) } else { packed(y, x) });
            }
            scratch.shared[y] = 0;
        }
        scratch.touched.clear();
    }

    /// The content words `x`'s stems from position `from` on share with `y`: its stems and
    /// `y`'s merged in the global order, from the first of `y`'s that can match. With the
    /// prefix's exact count this is what the two share, so a pair the stems after the prefix
    /// could only have carried over the bar in the best case is checked before it is scored.
    fn shared_after(&self, x: usize, from: usize, y: usize) -> u32 {
        let (mine, theirs) = (&self.ordered[x], &self.ordered[y]);
        let Some(&first) = mine.places.get(from) else {
            return 0;
        };
        let (mut i, mut j) = (from, theirs.places.partition_point(|&p| p < first));
        let mut shared = 0;
        while let (Some(&a), Some(&b)) = (mine.places.get(i), theirs.places.get(j)) {
            match a.cmp(&b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += mine.counts[i].min(theirs.counts[j]);
                    i += 1;
                    j += 1;
                }
            }
        }
        shared
    }

    /// Whether `x` and `y`, sharing the content words `content` counts, may pass the first test
    /// of scoring ([`super::align::may_relate`]). Exact counts of shared content stems bound
    /// the bag of words that test reads only when no stem of either is also a function word's
    /// (a stem can be both: "will", "wills"): otherwise the pair is kept unchecked. The shared
    /// weight is bounded with every function word of the lighter side, plus a margin for the
    /// rounding of sums taken in another order.
    fn may_relate(&self, x: usize, y: usize, content: impl FnOnce() -> u32) -> bool {
        let (wx, wy) = (self.weights[x], self.weights[y]);
        if self.mixed[x] || self.mixed[y] || wx.words.max(wy.words) > MAX_CHECKED_WORDS {
            return true;
        }
        let content = content();
        let bag = content as f32 * prepare::weight(true) + wx.function.min(wy.function);
        let margin = ROUNDING_MARGIN * (1.0 + wx.total + wy.total);
        super::align::may_relate(
            content as usize,
            bag + margin,
            (wx.total, wy.total),
            self.bar.threshold,
        )
    }

    /// Whether lighter `x` and heavier `y` sharing at most `content` content words (and any of
    /// their function words) can reach the bar.
    fn reachable(&self, x: usize, y: usize, content: u32) -> bool {
        let (wx, wy) = (self.weights[x], self.weights[y]);
        self.bar.reachable(
            content,
            wx.function.min(wy.function),
            (wx.total, wx.content),
            wy.total,
        )
    }

    /// Whether `y` weighs at least as much as `x` (ties count both ways).
    fn heavier_or_equal(&self, y: usize, x: usize, weight_x: f32) -> bool {
        let weight_y = self.weights[y].total;
        weight_y > weight_x || (weight_y == weight_x && y != x)
    }

    /// How many of `x`'s ordered stems any partner sharing the bar must touch: rarest first,
    /// until the stems left (with every function word) could no longer reach the bar by
    /// themselves.
    fn prefix_length(&self, x: usize) -> usize {
        let mine = &self.ordered[x];
        let own = self.weights[x];
        // A heavier partner makes the rewording bar only higher: weigh it as `x` itself.
        let lighter = (own.total, own.content);
        (0..mine.stems.len())
            .find(|&p| {
                !self
                    .bar
                    .reachable(mine.rest[p], own.function, lighter, own.total)
            })
            .unwrap_or(mine.stems.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::NoProgress;
    use crate::compare::align::{self, Verdict};

    #[test]
    fn candidates_are_the_pairs_scoring_can_relate_and_no_others() {
        let set = PreparedSet::from_texts(&[
            "The harbour council approved a new ferry timetable on Monday. Fishermen said the \
             early boats will leave at dawn. Tourists crowded the old stone pier all afternoon. \
             The mayor gave the museum a painting of the bay.",
            "On Monday the harbour council approved the new ferry timetable. Early boats will \
             leave at dawn, fishermen said. A storm closed the northern road for hours. The \
             museum received a painting of the bay from the mayor.",
            "Council members argued about the ferry fares for an hour. The northern road \
             reopened after the storm passed. Tourists filled the stone pier in the afternoon.",
        ]);
        let threshold = align::DEFAULT_THRESHOLD;
        let repeated: Vec<Vec<bool>> = set.sentences.iter().map(|s| vec![false; s.len()]).collect();
        let candidates = candidate_pairs(
            &set,
            align::candidate_bar(threshold),
            &|_, _| true,
            &repeated,
            &[],
            &NoProgress,
        )
        .expect("never cancelled");
        let refs: Vec<SentenceRef> = (0..set.sentences.len())
            .flat_map(|a| (0..set.sentences[a].len()).map(move |s| SentenceRef::new(a, s)))
            .collect();
        let mut related = 0;
        for &a in &refs {
            for &b in refs.iter().filter(|b| b.article > a.article) {
                let (x, y) = (
                    set.get(a.article, a.sentence),
                    set.get(b.article, b.sentence),
                );
                let candidate = candidates.contains(&(a, b));
                if align::decide(x, y, threshold) != Verdict::Unrelated {
                    related += 1;
                    assert!(candidate, "{a:?} and {b:?} are related but not a candidate");
                }
                if candidate {
                    assert!(
                        align::bag_if_related(x, y, threshold).is_some(),
                        "{a:?} and {b:?}"
                    );
                }
            }
        }
        assert!(related >= 4, "the texts share sentences ({related})");
    }

    /// Candidates among `texts`, with the twins [`align::identical_pairs`] finds.
    fn candidates_with_twins(texts: &[&str]) -> Vec<(SentenceRef, SentenceRef)> {
        let set = PreparedSet::from_texts(texts);
        let repeated: Vec<Vec<bool>> = set.sentences.iter().map(|s| vec![false; s.len()]).collect();
        let twins = align::identical_pairs(&set, &|_, _| true).twins;
        let bar = align::candidate_bar(align::DEFAULT_THRESHOLD);
        candidate_pairs(&set, bar, &|_, _| true, &repeated, &twins, &NoProgress)
            .expect("never cancelled")
    }

    #[test]
    fn a_sentence_with_a_twin_in_an_article_is_not_searched_there_again() {
        let approved = "The harbour council approved a new ferry timetable on Monday.";
        let reworded = "On Monday the harbour council approved the new ferry timetable for winter.";
        let r = SentenceRef::new;
        let candidates =
            candidates_with_twins(&[approved, &format!("{approved} {reworded}"), reworded]);
        assert!(
            !candidates.contains(&(r(0, 0), r(1, 1))),
            "the first article's sentence has its twin in the second"
        );
        assert!(
            !candidates.contains(&(r(1, 0), r(2, 0))),
            "the third article's sentence has its twin in the second"
        );
        assert!(!candidates.contains(&(r(1, 1), r(2, 0))), "twins");
        assert!(candidates.contains(&(r(0, 0), r(2, 0))), "no twins there");
        // Said twice in the first article, the sentence has no twin: both wordings are found.
        let candidates = candidates_with_twins(&[
            &format!("{approved} {approved}"),
            &format!("{approved} {reworded}"),
        ]);
        assert!(candidates.contains(&(r(0, 0), r(1, 1))));
    }
}
