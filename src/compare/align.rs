//! Alignment: scoring candidate sentence pairs and deciding which become links.
//!
//! Two sentences are linked when they share wording, not merely a topic: the shared words must
//! include several content words (names, nouns, verbs, figures), and the shared share of the two
//! sentences must reach the threshold, measured both in order (longest common subsequence, which
//! rewards reuse) and as a bag of words (which survives reordered clauses). A short sentence
//! almost wholly contained in a longer one is linked too: that is how splits and merges show up.

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::index::Bar;
use super::prepare::{self, Prepared, PreparedSet, WordingPairs};
use super::sequence::Revision;
use super::tiling::{MIN_TILE, tiled_until};
use super::{Cancelled, FastMap, LinkKind, Progress, SentenceRef};

/// Default minimum similarity for a rewording.
pub const DEFAULT_THRESHOLD: f32 = 0.45;
/// Minimum number of words for a link of any kind (shorter units are too generic).
const MIN_WORDS: usize = 3;
/// Minimum number of shared content words for a rewording.
const MIN_SHARED_CONTENT: usize = 2;
/// Share of the shorter sentence that must sit in runs of two or more shared words, unless the
/// two are very similar anyway: the evidence that wording was reused rather than the facts.
const MIN_RUN_COVERAGE: f32 = 0.4;
/// Similarity above which no further evidence of reuse is asked for.
const CLEARLY_SIMILAR: f32 = 0.55;
/// Share of the shorter sentence found, in order, in the longer one for a split or merge.
const CONTAINMENT_FOR_SPLIT: f32 = 0.55;
/// Share of the shorter sentence in runs of three or more shared words, for a split or merge.
const TILE_COVERAGE_FOR_SPLIT: f32 = 0.45;
/// Shared content words a split or merge needs.
const MIN_SHARED_FOR_SPLIT: usize = 4;
/// Content words the shorter sentence needs before containment alone can link it.
const MIN_CONTENT_FOR_SPLIT: usize = 3;
/// Similarity from which two unlinked sentences count as saying much the same thing.
const NEAR_SIMILARITY: f32 = 0.3;
/// Shared content words two unlinked sentences need to count as saying much the same thing.
const NEAR_SHARED_CONTENT: usize = 3;
/// Sentence pairs scored per parallel task (and between cancellation checks).
const SCORING_CHUNK: usize = 2048;
/// Most links between the occurrences of one sentence repeated in two articles before they are
/// paired in order instead of each with each.
const MAX_REPEATED_PAIRS: usize = 64;
/// Two units whose word counts multiply to more than this (500 words each, or 10 against 25,000)
/// are linked only when identical: scoring them takes time growing with the product and faster
/// (the in-order diff, the tiling), and no two real sentences are that long; such units are
/// texts without punctuation, which would otherwise stall the comparison for hours.
const MAX_SCORED_PRODUCT: usize = 250_000;

/// How much two sentences share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairScore {
    /// Weighted share of wording in common (0–1), averaging in-order and bag-of-words measures.
    pub similarity: f32,
    /// Weighted share of the smaller sentence found, in order, in the larger one.
    pub containment: f32,
    /// Content words and figures the two share.
    pub shared_content: usize,
}

/// What two sentences are to each other.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// Linked: identical or reworded, with the similarity.
    Link(LinkKind, f32),
    /// Not linked, but saying much the same thing (their figures may be compared).
    Near,
    /// Unrelated.
    Unrelated,
}

/// The links decided among the candidates, and the near misses.
#[derive(Debug, Default)]
pub struct Alignment {
    /// The links, in candidate order.
    pub links: Vec<Decision>,
    /// Unlinked pairs that say much the same thing.
    pub near: Vec<(SentenceRef, SentenceRef)>,
}

impl Alignment {
    /// Applies what the order of the texts says: links found by position are added (a near
    /// miss that became a link is no longer one), links out of order are dropped.
    pub fn revise(&mut self, revision: Revision) {
        let mut added: Vec<(SentenceRef, SentenceRef)> =
            revision.added.iter().map(|d| (d.a, d.b)).collect();
        added.sort_unstable();
        self.near.retain(|pair| added.binary_search(pair).is_err());
        let mut dropped = revision.dropped;
        dropped.sort_unstable();
        self.links
            .retain(|d| dropped.binary_search(&(d.a, d.b)).is_err());
        self.links.extend(revision.added);
    }
}

/// A decided link, before word edits are computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    /// One end (lower article index).
    pub a: SentenceRef,
    /// The other end.
    pub b: SentenceRef,
    /// Identical or reworded.
    pub kind: LinkKind,
    /// The pair's similarity.
    pub similarity: f32,
}

/// Scores two prepared sentences.
pub fn score(x: &Prepared, y: &Prepared) -> PairScore {
    score_with_bag(x, y, bag_overlap(x, y).0)
}

/// [`score`], given the weight of the stems the two share in any order (see [`bag_overlap`]).
fn score_with_bag(x: &Prepared, y: &Prepared, bag: f32) -> PairScore {
    let total = x.total_weight + y.total_weight;
    if total <= 0.0 {
        return PairScore {
            similarity: 0.0,
            containment: 0.0,
            shared_content: 0,
        };
    }
    let (in_order, shared_content) = in_order_overlap(x, y);
    let similarity = ((2.0 * in_order / total) + (2.0 * bag / total)) / 2.0;
    let smaller = x.total_weight.min(y.total_weight).max(f32::EPSILON);
    PairScore {
        similarity: similarity.min(1.0),
        containment: (in_order / smaller).min(1.0),
        shared_content,
    }
}

/// Weight of the stems the two sentences share in order, and how many of them are content: the
/// heaviest common subsequence of their stems (content words outweighing function words), found
/// by dynamic programming over one row. Scored pairs are sentences (their product of lengths is
/// capped by [`MAX_SCORED_PRODUCT`]), where this beats a diff's bookkeeping.
fn in_order_overlap(x: &Prepared, y: &Prepared) -> (f32, usize) {
    // A path's worth, packed so that comparing integers compares (weight, content matched):
    // weight in function-word units above `CONTENT_BITS` bits of matched content words.
    const CONTENT_BITS: u32 = 24;
    let units = u64::from(prepare::FUNCTION_WORDS_PER_CONTENT_WORD);
    let mut row = vec![0u64; y.stems.len() + 1];
    for (&stem, &cx) in x.stems.iter().zip(&x.is_content) {
        // A row is never lower to its right: a stem `y` lacks leaves it as it was.
        if y.bag.binary_search_by_key(&stem, |&(s, _)| s).is_err() {
            continue;
        }
        let mut diagonal = 0;
        for (j, (&other, &cy)) in y.stems.iter().zip(&y.is_content).enumerate() {
            let above = row[j + 1];
            let mut best = above.max(row[j]);
            if stem == other {
                let weight = if cx && cy { units } else { 1 };
                best = best.max(diagonal + (weight << CONTENT_BITS) + u64::from(cx));
            }
            row[j + 1] = best;
            diagonal = above;
        }
    }
    let worth = row[y.stems.len()];
    let weight = (worth >> CONTENT_BITS) as f32 / units as f32;
    (weight, (worth & ((1 << CONTENT_BITS) - 1)) as usize)
}

/// [`matched_positions`] remembered by the two sentences' wordings, for one thread's share of
/// work that meets the same wordings again (copies of one story repeat sentences word for word).
#[derive(Default)]
pub struct MatchedPositions(FastMap<(u32, u32), Rc<[usize]>>);

impl MatchedPositions {
    /// Positions of `x`'s words that the in-order comparison with `y` matches.
    pub fn of(&mut self, x: &Prepared, y: &Prepared) -> Rc<[usize]> {
        Rc::clone(
            self.0
                .entry((x.wording, y.wording))
                .or_insert_with(|| matched_positions(x, y).into()),
        )
    }
}

/// Positions of `x`'s words that the in-order comparison with `y` matches.
fn matched_positions(x: &Prepared, y: &Prepared) -> Vec<usize> {
    capture_diff_slices(Algorithm::Myers, &x.stems, &y.stems)
        .into_iter()
        .filter_map(|op| match op {
            DiffOp::Equal { old_index, len, .. } => Some(old_index..old_index + len),
            _ => None,
        })
        .flatten()
        .collect()
}

/// Weight of the stems the two sentences share in any order (multiset intersection of their
/// sorted bags), and how many of them are content.
fn bag_overlap(x: &Prepared, y: &Prepared) -> (f32, usize) {
    let (xs, ys) = (&x.bag[..], &y.bag[..]);
    let (mut i, mut j) = (0, 0);
    let (mut weight, mut content) = (0.0, 0);
    // Merged without branching on the comparison, which real text makes unpredictable.
    while i < xs.len() && j < ys.len() {
        let ((sa, ca), (sb, cb)) = (xs[i], ys[j]);
        let same = sa == sb;
        weight += if same { prepare::weight(ca && cb) } else { 0.0 };
        content += usize::from(same && ca);
        i += usize::from(sa <= sb);
        j += usize::from(sb <= sa);
    }
    (weight, content)
}

/// Whether the pair could pass any test at all, judged from the bag of words alone (an upper
/// bound of every in-order measure), so most unrelated pairs skip the diff: if so, the weight
/// of the stems they share in any order (see [`bag_overlap`]), which scoring reads again.
pub(super) fn bag_if_related(x: &Prepared, y: &Prepared, threshold: f32) -> Option<f32> {
    let (bag, shared) = bag_overlap(x, y);
    may_relate(shared, bag, (x.total_weight, y.total_weight), threshold).then_some(bag)
}

/// Whether sentences of total weights `totals` sharing `shared` content words, of `bag`
/// weight of words in any order, pass [`bag_if_related`]; true also for any upper bounds of two
/// sentences' real overlap that do (the test only rises with either).
pub fn may_relate(shared: usize, bag: f32, totals: (f32, f32), threshold: f32) -> bool {
    let total = (totals.0 + totals.1).max(f32::EPSILON);
    let dice = 2.0 * bag / total;
    let containment = bag / totals.0.min(totals.1).max(f32::EPSILON);
    let reworded = shared >= MIN_SHARED_CONTENT && dice >= threshold;
    let split = shared >= MIN_SHARED_FOR_SPLIT && containment >= CONTAINMENT_FOR_SPLIT;
    let near = shared >= NEAR_SHARED_CONTENT && dice >= NEAR_SIMILARITY;
    reworded || split || near
}

/// Whether two units are short enough to be scored (see [`MAX_SCORED_PRODUCT`]); longer ones
/// are linked only when identical.
pub fn scorable(x: &Prepared, y: &Prepared) -> bool {
    x.word_count().saturating_mul(y.word_count()) <= MAX_SCORED_PRODUCT
}

/// Whether a sentence has enough words to be linked at all.
pub fn long_enough(x: &Prepared) -> bool {
    long_enough_words(x.word_count())
}

/// Whether `words` words are enough for a link.
pub fn long_enough_words(words: usize) -> bool {
    words >= MIN_WORDS
}

/// The most content words two sentences can have in common (their bags' shared content).
pub fn shared_content_upper_bound(x: &Prepared, y: &Prepared) -> usize {
    bag_overlap(x, y).1
}

/// Whether two sentences are the same words once normalised.
pub fn is_identical(x: &Prepared, y: &Prepared) -> bool {
    x.word_count() >= MIN_WORDS && x.keys == y.keys
}

/// The link two scored sentences make, if any.
///
/// A rewording needs enough shared wording (`threshold`) and some runs of shared words; a split or
/// merge needs the shorter sentence to sit, mostly in runs of shared words, inside the longer.
pub fn decide(x: &Prepared, y: &Prepared, threshold: f32) -> Verdict {
    if x.word_count() < MIN_WORDS || y.word_count() < MIN_WORDS {
        return Verdict::Unrelated;
    }
    if is_identical(x, y) {
        return Verdict::Link(LinkKind::Identical, 1.0);
    }
    if !scorable(x, y) {
        return Verdict::Unrelated;
    }
    let Some(bag) = bag_if_related(x, y, threshold) else {
        return Verdict::Unrelated;
    };
    let s = score_with_bag(x, y, bag);
    let near = s.similarity >= NEAR_SIMILARITY && s.shared_content >= NEAR_SHARED_CONTENT;
    let maybe_reworded = s.shared_content >= MIN_SHARED_CONTENT && s.similarity >= threshold;
    let maybe_split = s.containment >= CONTAINMENT_FOR_SPLIT
        && x.content_count.min(y.content_count) >= MIN_CONTENT_FOR_SPLIT
        && s.shared_content >= MIN_SHARED_FOR_SPLIT;
    if !(maybe_reworded || maybe_split) {
        return if near {
            Verdict::Near
        } else {
            Verdict::Unrelated
        };
    }
    let shorter = x.stems.len().min(y.stems.len()).max(1) as f32;
    // Whether runs of at least `min_tile` shared words cover `share` of the shorter sentence.
    let covers = |min_tile, share| {
        let enough = |covered: usize| covered as f32 / shorter >= share;
        enough(tiled_until(&x.stems, &y.stems, min_tile, enough))
    };
    let reworded =
        maybe_reworded && (s.similarity >= CLEARLY_SIMILAR || covers(2, MIN_RUN_COVERAGE));
    let split = !reworded && maybe_split && covers(MIN_TILE, TILE_COVERAGE_FOR_SPLIT);
    if reworded || split {
        Verdict::Link(LinkKind::Reworded, s.similarity)
    } else if near {
        Verdict::Near
    } else {
        Verdict::Unrelated
    }
}

/// What a candidate pair must share to have a chance of any verdict but [`Verdict::Unrelated`]
/// at `threshold`: the weakest of the rewording, split and near-miss bars.
pub fn candidate_bar(threshold: f32) -> Bar {
    Bar {
        threshold,
        min_dice: threshold,
        min_shared_content: MIN_SHARED_CONTENT,
        min_containment: CONTAINMENT_FOR_SPLIT,
        min_shared_for_containment: MIN_SHARED_FOR_SPLIT,
        min_content_for_containment: MIN_CONTENT_FOR_SPLIT,
    }
}

/// Sentences that repeat, word for word, a sentence earlier in the same article:
/// `repeated[article][sentence]`, and for each first occurrence the later ones.
#[derive(Debug, Default)]
pub struct Repeats {
    /// Whether each sentence repeats an earlier one of its article.
    pub repeated: Vec<Vec<bool>>,
    /// For each first occurrence with repeats, every occurrence in order (itself first).
    occurrences: crate::compare::FastMap<SentenceRef, Vec<usize>>,
}

impl Repeats {
    /// Finds the repeated sentences of every article (long enough to be linked at all).
    pub fn find(set: &PreparedSet) -> Self {
        let per_article: Vec<(Vec<bool>, Vec<Vec<usize>>)> = set
            .sentences
            .par_iter()
            .map(|sentences| {
                let mut first: crate::compare::FastMap<&[u32], usize> = Default::default();
                let mut repeated = vec![false; sentences.len()];
                let mut groups: Vec<Vec<usize>> = Vec::new();
                let mut group_of: crate::compare::FastMap<usize, usize> = Default::default();
                for (k, p) in sentences.iter().enumerate() {
                    if !long_enough(p) {
                        continue;
                    }
                    match first.get(p.keys.as_slice()) {
                        Some(&head) => {
                            repeated[k] = true;
                            let group = *group_of.entry(head).or_insert_with(|| {
                                groups.push(vec![head]);
                                groups.len() - 1
                            });
                            groups[group].push(k);
                        }
                        None => {
                            first.insert(p.keys.as_slice(), k);
                        }
                    }
                }
                (repeated, groups)
            })
            .collect();
        let mut repeats = Repeats::default();
        for (article, (repeated, groups)) in per_article.into_iter().enumerate() {
            repeats.repeated.push(repeated);
            for group in groups {
                repeats
                    .occurrences
                    .insert(SentenceRef::new(article, group[0]), group);
            }
        }
        repeats
    }

    /// Every occurrence of the sentence `r` (a first occurrence) in its article.
    fn of(&self, r: SentenceRef) -> Vec<SentenceRef> {
        match self.occurrences.get(&r) {
            Some(all) => all
                .iter()
                .map(|&s| SentenceRef::new(r.article, s))
                .collect(),
            None => vec![r],
        }
    }

    /// `links` with each link between first occurrences given to their repeats too, paired as
    /// identical sentences are (each with each when few, else in order).
    pub fn spread(&self, links: Vec<Decision>) -> Vec<Decision> {
        if self.occurrences.is_empty() {
            return links;
        }
        let mut spread = Vec::with_capacity(links.len());
        for d in links {
            let (xs, ys) = (self.of(d.a), self.of(d.b));
            if xs.len() == 1 && ys.len() == 1 {
                spread.push(d);
                continue;
            }
            let xs: Vec<(u64, SentenceRef)> = xs.into_iter().map(|r| (0, r)).collect();
            let ys: Vec<(u64, SentenceRef)> = ys.into_iter().map(|r| (0, r)).collect();
            let mut pairs = Vec::new();
            pair_occurrences(&xs, &ys, &mut pairs);
            spread.extend(pairs.into_iter().map(|(a, b)| Decision { a, b, ..d }));
        }
        spread.sort_unstable_by_key(|d| (d.a, d.b));
        spread.dedup_by_key(|d| (d.a, d.b));
        spread
    }
}

/// Sentence pairs whose compared words are exactly the same.
#[derive(Debug, Default)]
pub struct Identical {
    /// Every pair, each occurrence with each (or in order when there are many).
    pub pairs: Vec<(SentenceRef, SentenceRef)>,
    /// The pairs whose words occur once in each of the two articles: twins, each the other's
    /// counterpart beyond doubt.
    pub twins: Vec<(SentenceRef, SentenceRef)>,
}

/// Pairs of sentences in different articles whose compared words are exactly the same, among
/// the article pairs `compared` accepts.
///
/// Sentences are hashed in parallel and sorted by hash (then words), so the sentences with the
/// same words lie next to each other; no map of small vectors is built.
pub fn identical_pairs(
    set: &PreparedSet,
    compared: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Identical {
    use std::hash::BuildHasher;
    let hasher = &foldhash::fast::FixedState::default();
    let mut hashed: Vec<(u64, SentenceRef)> = set
        .sentences
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, sentences)| {
            sentences
                .iter()
                .enumerate()
                .filter(|(_, prepared)| prepared.word_count() >= MIN_WORDS)
                .map(move |(sentence, prepared)| {
                    let hash = hasher.hash_one(prepared.keys.as_slice());
                    (hash, SentenceRef::new(article, sentence))
                })
        })
        .collect();
    let keys = |r: &SentenceRef| set.get(r.article, r.sentence).keys.as_slice();
    hashed.par_sort_unstable_by(|(h1, r1), (h2, r2)| {
        h1.cmp(h2)
            .then_with(|| keys(r1).cmp(keys(r2)))
            .then(r1.cmp(r2))
    });
    let mut identical = Identical::default();
    let same_words =
        |x: &(u64, SentenceRef), y: &(u64, SentenceRef)| x.0 == y.0 && keys(&x.1) == keys(&y.1);
    for members in hashed.chunk_by(same_words) {
        // Members are sorted by reference: each article's occurrences form one run.
        let by_article: Vec<&[(u64, SentenceRef)]> = members
            .chunk_by(|x, y| x.1.article == y.1.article)
            .collect();
        for (i, first) in by_article.iter().enumerate() {
            for second in &by_article[i + 1..] {
                if !compared(first[0].1.article, second[0].1.article) {
                    continue;
                }
                if let ([(_, a)], [(_, b)]) = (first, second) {
                    identical.twins.push((*a, *b));
                }
                pair_occurrences(first, second, &mut identical.pairs);
            }
        }
    }
    identical
}

/// Pairs the occurrences of one sentence in two articles: every occurrence with every other
/// when there are few, else in order, the first with the first and so on (a line repeated
/// thousands of times in both would otherwise make millions of links).
fn pair_occurrences(
    first: &[(u64, SentenceRef)],
    second: &[(u64, SentenceRef)],
    pairs: &mut Vec<(SentenceRef, SentenceRef)>,
) {
    if first.len().saturating_mul(second.len()) <= MAX_REPEATED_PAIRS {
        for (_, a) in first {
            pairs.extend(second.iter().map(|(_, b)| (*a, *b)));
        }
    } else {
        pairs.extend(first.iter().zip(second).map(|((_, a), (_, b))| (*a, *b)));
    }
}

/// `sorted` (sorted, without repeats) and `more` together, sorted and without repeats: `more`
/// is sorted on its own and merged in, so the long candidate list is not sorted again.
fn merged<T: Ord + Copy>(sorted: Vec<T>, mut more: Vec<T>) -> Vec<T> {
    more.sort_unstable();
    let mut out = Vec::with_capacity(sorted.len() + more.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (sorted.get(i), more.get(j)) {
        if x <= y {
            out.push(x);
            i += 1;
        } else {
            out.push(y);
            j += 1;
        }
    }
    out.extend_from_slice(&sorted[i..]);
    out.extend_from_slice(&more[j..]);
    out.dedup();
    out
}

/// Decides the links among `candidates` (sorted, without repeats, as
/// [`super::index::candidate_pairs`] gives them) plus every identical pair, in a deterministic
/// order.
pub fn select_links(
    set: &PreparedSet,
    candidates: Vec<(SentenceRef, SentenceRef)>,
    identical: Vec<(SentenceRef, SentenceRef)>,
    threshold: f32,
    progress: &dyn Progress,
) -> Result<Alignment, Cancelled> {
    let pairs = merged(candidates, identical);
    // Each wording pair is decided once (the verdict is read from the two sentences' words).
    let sentences: Vec<(&Prepared, &Prepared)> = pairs
        .par_iter()
        .map(|&(a, b)| (set.at(a), set.at(b)))
        .collect();
    let wordings = WordingPairs::of(&sentences);
    let total = wordings.first_of_group.len();
    let done = AtomicUsize::new(0);
    let verdicts: Vec<Vec<Verdict>> = wordings
        .first_of_group
        .par_chunks(SCORING_CHUNK)
        .map(|chunk| {
            if progress.is_cancelled() {
                return Err(Cancelled);
            }
            let verdicts = chunk
                .iter()
                .map(|&i| decide(set.at(pairs[i].0), set.at(pairs[i].1), threshold))
                .collect();
            let finished = done.fetch_add(chunk.len(), Ordering::Relaxed) + chunk.len();
            progress.update("scoring sentence pairs", finished, total);
            Ok(verdicts)
        })
        .collect::<Result<_, Cancelled>>()?;
    let verdicts: Vec<Verdict> = verdicts.into_iter().flatten().collect();
    let mut alignment = Alignment::default();
    for (&(a, b), &group) in pairs.iter().zip(&wordings.group_of) {
        let verdict = verdicts[group];
        match verdict {
            Verdict::Link(kind, similarity) => alignment.links.push(Decision {
                a,
                b,
                kind,
                similarity,
            }),
            Verdict::Near => alignment.near.push((a, b)),
            Verdict::Unrelated => {}
        }
    }
    Ok(alignment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matched_positions_remembered_by_wording_are_those_found_afresh() {
        let set = PreparedSet::from_texts(&[
            "Crews said the fire burned for hours near the port.",
            "The fire, crews said, burned near the port for hours.",
            "THE FIRE, CREWS SAID, BURNED NEAR THE PORT FOR HOURS.",
        ]);
        let (x, y, y_again) = (set.get(0, 0), set.get(1, 0), set.get(2, 0));
        let mut matching = MatchedPositions::default();
        let first = matching.of(x, y);
        assert_eq!(&*first, matched_positions(x, y).as_slice());
        assert!(!first.is_empty() && first.len() < x.word_count());
        assert_eq!(&*matching.of(x, y_again), &*first);
        assert_eq!(&*matching.of(y, x), matched_positions(y, x).as_slice());
    }

    #[test]
    fn a_short_sentence_mostly_inside_a_longer_one_is_linked_as_its_piece() {
        let set = PreparedSet::from_texts(&[
            "The mudslide buried four houses and left many homeless.",
            "The mudslide buried four houses, and late on Sunday night the relief convoy was \
             blocked by a second flood.",
            "Four houses were lost on Sunday when the river flooded the valley.",
        ]);
        let verdict = |i, j| decide(set.get(i, 0), set.get(j, 0), DEFAULT_THRESHOLD);
        assert!(matches!(
            verdict(0, 1),
            Verdict::Link(LinkKind::Reworded, _)
        ));
        assert!(
            !matches!(verdict(2, 1), Verdict::Link(..)),
            "same topic only"
        );
    }

    #[test]
    fn a_repeated_sentence_is_searched_once_and_gets_its_first_occurrences_links() {
        let line = "Volunteers dried more than two thousand books in the gym. ";
        let set = PreparedSet::from_texts(&[
            &format!("{line}The roof held. {line}"),
            "Volunteers dried about two thousand books in the school gym.",
        ]);
        let repeats = Repeats::find(&set);
        assert_eq!(repeats.repeated, [vec![false, false, true], vec![false]]);
        let r = SentenceRef::new;
        let link = Decision {
            a: r(0, 0),
            b: r(1, 0),
            kind: LinkKind::Reworded,
            similarity: 0.8,
        };
        let spread: Vec<_> = repeats
            .spread(vec![link])
            .iter()
            .map(|d| (d.a, d.b))
            .collect();
        assert_eq!(spread, [(r(0, 0), r(1, 0)), (r(0, 2), r(1, 0))]);
    }

    #[test]
    fn a_line_repeated_many_times_in_two_articles_is_paired_in_order() {
        let line = "The clerk noted calm water and a light wind. ";
        let set = PreparedSet::from_texts(&[&line.repeat(10), &line.repeat(12)]);
        let identical = identical_pairs(&set, &|_, _| true);
        let expected: Vec<_> = (0..10)
            .map(|k| (SentenceRef::new(0, k), SentenceRef::new(1, k)))
            .collect();
        assert_eq!(identical.pairs, expected);
        assert!(identical.twins.is_empty(), "a repeated line is no twin");
    }

    #[test]
    fn merging_keeps_the_order_and_drops_repeats() {
        assert_eq!(
            merged(vec![1, 3, 5, 7], vec![6, 3, 0, 9, 3]),
            [0, 1, 3, 5, 6, 7, 9]
        );
        assert_eq!(merged(Vec::new(), vec![2, 1]), [1, 2]);
        assert_eq!(merged(vec![4], Vec::new()), [4]);
    }

    #[test]
    fn identical_pairs_join_the_same_words_across_articles_only() {
        let set = PreparedSet::from_texts(&[
            "The fire burned for hours. Crews came. The fire burned for hours.",
            "Crews came. The Fire burned, for hours!",
            "Nothing here is shared at all. THE FIRE BURNED FOR HOURS.",
        ]);
        let Identical {
            mut pairs,
            mut twins,
        } = identical_pairs(&set, &|_, _| true);
        pairs.sort_unstable();
        twins.sort_unstable();
        let r = SentenceRef::new;
        assert_eq!(
            pairs,
            [
                (r(0, 0), r(1, 1)),
                (r(0, 0), r(2, 1)),
                (r(0, 2), r(1, 1)),
                (r(0, 2), r(2, 1)),
                (r(1, 1), r(2, 1)),
            ]
        );
        assert_eq!(
            twins,
            [(r(1, 1), r(2, 1))],
            "the fire burns twice in the first article"
        );
    }
}
