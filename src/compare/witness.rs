//! Links vouched for by a third version: two sentences that are both linked to one sentence of
//! a third article are versions of the same sentence, so they are linked to each other at a
//! lower bar than two sentences met on their own (a brief and a rewrite of one wire story may
//! have drifted apart while each stays close to the wire).
//!
//! The third version only vouches; the two sentences must still share wording (content words and
//! some share of the whole), and their articles must already share a link decided on its own,
//! so articles that share nothing but a topic stay unlinked.

use rayon::prelude::*;

use super::align::{self, Decision, MatchedPositions, PairScore};
use super::index::{Numbering, starts_of_runs};
use super::prepare::{Prepared, PreparedSet, WordingPairs};
use super::sequence;
use super::{FastMap, LinkKind, SentenceRef};

/// Similarity two vouched-for sentences need.
const VOUCHED_SIMILARITY: f32 = 0.3;
/// Content words two vouched-for sentences must share.
const VOUCHED_SHARED_CONTENT: usize = 4;
/// Content words two vouched-for sentences must share that are not the story's subject.
const VOUCHED_TELLING_CONTENT: usize = 2;
/// Such content words needed when only one of the two is linked to the witness on its own
/// wording (the other by its position, say), the witness being a near copy of it.
const COPY_VOUCHED_TELLING_CONTENT: usize = 3;
/// Similarity from which a sentence is a near copy of another.
const NEAR_COPY: f32 = 0.8;
/// Sentences per compared article above which a word is the story's subject (its names, its
/// topic) rather than the wording of one sentence: the versions of one sentence give it about
/// one sentence per article.
const SUBJECT_SENTENCES_PER_ARTICLE: f32 = 1.5;

/// How a witness vouches for two sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Voucher {
    /// One of them has the witness's very wording (an identical link), the other is linked to
    /// it by any means: the pair is that link met again, the same two wordings, so it is decided
    /// as that link was (by its position, say), whatever bar a pair met on its own would need.
    Twin,
    /// Both sentences are linked to it on their own wording.
    Both,
    /// One is a near copy of it (linked on its own wording, closely); the other is linked to
    /// it by any means, its position included.
    Copy,
}

/// The links vouched for by a third version, between article pairs that a link in `confident`
/// (links decided on their own, before the order of the texts was read) already joins and that
/// `compared` accepts. `links` are every link found so far; the result is sorted and holds none
/// of them.
pub fn vouched_links(
    set: &PreparedSet,
    links: &[Decision],
    confident: &[Decision],
    compared: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Vec<Decision> {
    let partners = Partners::new(set, links);
    let witnesses = Partners::new(set, confident);
    let joined = JoinedArticles::new(set.sentences.len(), confident, compared);
    let legs = legs_of_every_end(set, &partners, &witnesses);
    let sentences: Vec<SentenceRef> = partners
        .ends
        .chunk_by(|x, y| x.0 == y.0)
        .map(|run| run[0].0)
        .collect();
    let finder = PairFinder {
        partners: &partners,
        witnesses: &witnesses,
        legs: &legs,
        joined: &joined,
    };
    let pairs: Vec<(SentenceRef, SentenceRef, Voucher)> = sentences
        .par_iter()
        .map_init(
            || LinkedMarks::new(partners.sentence_count()),
            |marks, &x| finder.vouched_with(x, marks),
        )
        .flatten_iter()
        .collect();
    if pairs.is_empty() {
        return Vec::new();
    }
    let frequencies = SentenceFrequencies::new(set);
    let judge = Judge {
        set,
        partners: &partners,
        frequencies: &frequencies,
    };
    // Each wording pair is scored once (the score is read from the two sentences' words).
    let sentences: Vec<(&Prepared, &Prepared)> = pairs
        .par_iter()
        .map(|&(a, b, _)| (set.at(a), set.at(b)))
        .collect();
    let wordings = WordingPairs::of(&sentences);
    let scores: Vec<Option<PairScore>> = wordings
        .first_of_group
        .par_iter()
        .map(|&i| judge.score(pairs[i].0, pairs[i].1))
        .collect();
    pairs
        .into_par_iter()
        .zip(wordings.group_of)
        .map_init(
            MatchedPositions::default,
            |matching, ((a, b, voucher), group)| {
                judge.vouched(a, b, voucher, scores[group]?, matching)
            },
        )
        .flatten()
        .collect()
}

/// How a witness is linked to one of its partners: on their own wording (with the link's
/// similarity) or by other means (`None`), and whether the two have the same wording.
type Leg = (Option<f32>, bool);

/// The leg of every end of `partners`, seen from its sentence as the witness.
fn legs_of_every_end(set: &PreparedSet, partners: &Partners, witnesses: &Partners) -> Vec<Leg> {
    partners
        .ends
        .par_iter()
        .map(|&(witness, end, _)| {
            let on_own_wording = witnesses.similarity(witness, end);
            (
                on_own_wording,
                align::is_identical(set.at(witness), set.at(end)),
            )
        })
        .collect()
}

/// What finding the pairs a witness vouches for reads.
struct PairFinder<'a> {
    partners: &'a Partners,
    witnesses: &'a Partners,
    /// Parallel to `partners.ends`.
    legs: &'a [Leg],
    joined: &'a JoinedArticles,
}

impl PairFinder<'_> {
    /// The pairs `(x, z, voucher)` that the partners of `x`, as witnesses, vouch for: `z` after
    /// `x`, not linked to it yet (in `partners` or `witnesses`), their articles joined; the
    /// strongest voucher of each, sorted by `z`. `marks` is scratch space.
    fn vouched_with(
        &self,
        x: SentenceRef,
        marks: &mut LinkedMarks,
    ) -> Vec<(SentenceRef, SentenceRef, Voucher)> {
        let linked_to_x = self.partners.range_of(x);
        marks.mark_partners_of(x, self.partners, self.witnesses);
        let mut found = Vec::new();
        for at_witness in linked_to_x {
            let witness = self.partners.ends[at_witness].1;
            let x_leg = self.legs[at_witness];
            let around = self.partners.range_of(witness);
            let after_x =
                around.start + self.partners.ends[around.clone()].partition_point(|e| e.1 <= x);
            for at_z in after_x..around.end {
                let z = self.partners.ends[at_z].1;
                if !self.joined.holds(x.article, z.article) || marks.is_linked(self.partners, z) {
                    continue;
                }
                if let Some(voucher) = vouching(x_leg, self.legs[at_z]) {
                    found.push((x, z, voucher));
                }
            }
        }
        // The strongest voucher of each pair first.
        found.sort_unstable();
        found.dedup_by_key(|p| p.1);
        found
    }
}

/// The sentences linked to one sentence, marked in a flat numbering of all sentences.
struct LinkedMarks {
    /// The mark of each sentence: one more than the flat number of the sentence it was last
    /// marked as linked to (0: never marked).
    marks: Vec<usize>,
    /// The mark in use.
    current: usize,
}

impl LinkedMarks {
    fn new(sentences: usize) -> Self {
        LinkedMarks {
            marks: vec![0; sentences],
            current: 0,
        }
    }

    /// Marks every partner of `x` in `partners` and in `witnesses`, forgetting earlier marks.
    fn mark_partners_of(&mut self, x: SentenceRef, partners: &Partners, witnesses: &Partners) {
        self.current = partners.number(x) + 1;
        for end in partners.of(x).iter().chain(witnesses.of(x)) {
            self.marks[partners.number(end.1)] = self.current;
        }
    }

    fn is_linked(&self, partners: &Partners, z: SentenceRef) -> bool {
        self.marks[partners.number(z)] == self.current
    }
}

/// How a witness vouches for two of its partners, from the similarities of its links to them
/// on their own wording (`None`: linked by other means) and whether each has its wording.
fn vouching(x: Leg, z: Leg) -> Option<Voucher> {
    if x.1 != z.1 {
        return Some(Voucher::Twin);
    }
    match (x.0, z.0) {
        (Some(_), Some(_)) => Some(Voucher::Both),
        (Some(s), None) | (None, Some(s)) if s >= NEAR_COPY => Some(Voucher::Copy),
        _ => None,
    }
}

/// The article pairs a witness may vouch between: compared, and already joined by a link
/// decided on its own wording.
struct JoinedArticles {
    articles: usize,
    /// `joined[a * articles + b]`, symmetric.
    joined: Vec<bool>,
}

impl JoinedArticles {
    fn new(
        articles: usize,
        confident: &[Decision],
        compared: &(dyn Fn(usize, usize) -> bool + Sync),
    ) -> Self {
        let mut joined = vec![false; articles * articles];
        for d in confident {
            let (a, b) = (d.a.article.min(d.b.article), d.a.article.max(d.b.article));
            if a != b && !joined[a * articles + b] && compared(a, b) {
                joined[a * articles + b] = true;
                joined[b * articles + a] = true;
            }
        }
        JoinedArticles { articles, joined }
    }

    fn holds(&self, a: usize, b: usize) -> bool {
        self.joined[a * self.articles + b]
    }
}

/// In how many sentences of the compared texts each content stem occurs.
struct SentenceFrequencies {
    sentences: FastMap<u32, u32>,
    /// The most sentences a stem may occur in before it is the story's subject.
    subject_above: f32,
}

impl SentenceFrequencies {
    fn new(set: &PreparedSet) -> Self {
        let mut sentences: FastMap<u32, u32> = FastMap::default();
        for stem in set.sentences.iter().flatten().flat_map(content_stems) {
            *sentences.entry(stem).or_insert(0) += 1;
        }
        SentenceFrequencies {
            sentences,
            subject_above: SUBJECT_SENTENCES_PER_ARTICLE * set.sentences.len() as f32,
        }
    }

    /// Whether `stem` is the story's subject rather than the wording of one sentence.
    fn is_subject(&self, stem: u32) -> bool {
        self.sentences.get(&stem).copied().unwrap_or(0) as f32 > self.subject_above
    }
}

/// A sentence's distinct content stems, sorted.
fn content_stems(sentence: &Prepared) -> Vec<u32> {
    let mut stems: Vec<u32> = sentence
        .bag
        .iter()
        .filter(|&&(_, content)| content)
        .map(|&(stem, _)| stem)
        .collect();
    stems.dedup();
    stems
}

/// What deciding a vouched-for link reads.
struct Judge<'a> {
    set: &'a PreparedSet,
    partners: &'a Partners,
    frequencies: &'a SentenceFrequencies,
}

impl Judge<'_> {
    /// The link between `a` and `b`, vouched for by a third version, when their wording passes
    /// the vouched-for bar: enough similarity and shared content words, some of them beyond the
    /// story's subject, and no closer partner of either sentence in the other's article that
    /// already matches those words (a sentence naming the subject would otherwise be vouched
    /// for with every other one).
    ///
    /// `s` is the pair's [`Judge::score`]; `matching` remembers the words matched.
    fn vouched(
        &self,
        a: SentenceRef,
        b: SentenceRef,
        voucher: Voucher,
        s: PairScore,
        matching: &mut MatchedPositions,
    ) -> Option<Decision> {
        let (x, y) = (self.set.at(a), self.set.at(b));
        let bar_passed = voucher == Voucher::Twin
            || s.similarity >= VOUCHED_SIMILARITY
                && s.shared_content >= VOUCHED_SHARED_CONTENT
                && self.telling(x, y, voucher);
        let accepted =
            bar_passed && !self.closer_partner_has_its_words(a, b, s.similarity, matching);
        accepted.then(|| Decision {
            a,
            b,
            kind: if align::is_identical(x, y) {
                LinkKind::Identical
            } else {
                LinkKind::Reworded
            },
            similarity: s.similarity,
        })
    }

    /// How much sentences `a` and `b` share, when both are long enough to be scored.
    fn score(&self, a: SentenceRef, b: SentenceRef) -> Option<PairScore> {
        let (x, y) = (self.set.at(a), self.set.at(b));
        let scorable = align::long_enough(x) && align::long_enough(y) && align::scorable(x, y);
        scorable.then(|| align::score(x, y))
    }

    /// Whether `x` and `y` share enough content words that are not the story's subject: more
    /// when only one of them is linked to the witness on its own wording.
    fn telling(&self, x: &Prepared, y: &Prepared, voucher: Voucher) -> bool {
        let needed = match voucher {
            Voucher::Twin => 0,
            Voucher::Both => VOUCHED_TELLING_CONTENT,
            Voucher::Copy => COPY_VOUCHED_TELLING_CONTENT,
        };
        let theirs = content_stems(y);
        content_stems(x)
            .into_iter()
            .filter(|stem| theirs.binary_search(stem).is_ok())
            .filter(|&stem| !self.frequencies.is_subject(stem))
            .count()
            >= needed
    }

    /// Whether `a` or `b` has a partner in the other's article, more similar than `similarity`,
    /// that already matches most of the words the pair matches.
    fn closer_partner_has_its_words(
        &self,
        a: SentenceRef,
        b: SentenceRef,
        similarity: f32,
        matching: &mut MatchedPositions,
    ) -> bool {
        let closer = |from: SentenceRef, to: usize| -> Vec<&Prepared> {
            self.partners
                .in_article(from, to)
                .iter()
                .filter(|e| e.2 > similarity)
                .map(|e| self.set.at(e.1))
                .collect()
        };
        let (x, y) = (self.set.at(a), self.set.at(b));
        sequence::repeats(x, y, &closer(a, b.article), matching)
            || sequence::repeats(y, x, &closer(b, a.article), matching)
    }
}

/// A link seen from one end: `(sentence, partner, similarity)`.
type End = (SentenceRef, SentenceRef, f32);

/// Every link seen from both ends, sorted, with where each sentence's ends start.
struct Partners {
    ends: Vec<End>,
    /// A flat numbering of all sentences.
    numbering: Numbering,
    /// `ends[starts[i]..starts[i + 1]]` are the ends of sentence `i` (flat numbering).
    starts: Vec<usize>,
}

impl Partners {
    /// The partners in `links`, which hold each pair of sentences once.
    fn new(set: &PreparedSet, links: &[Decision]) -> Self {
        let numbering = Numbering::new(set);
        let both_ends = || {
            links
                .iter()
                .flat_map(|d| [(d.a, d.b, d.similarity), (d.b, d.a, d.similarity)])
        };
        // Each sentence's ends are counted, placed, then sorted by partner in place.
        let total = numbering.count();
        let starts = starts_of_runs(total, both_ends().map(|end| numbering.global(end.0)));
        let mut next = starts.clone();
        let nowhere = SentenceRef::new(0, 0);
        let mut ends = vec![(nowhere, nowhere, 0.0); starts[total]];
        for end in both_ends() {
            let at = &mut next[numbering.global(end.0)];
            ends[*at] = end;
            *at += 1;
        }
        for i in 0..total {
            ends[starts[i]..starts[i + 1]].sort_unstable_by_key(|e| e.1);
        }
        debug_assert!(
            ends.windows(2)
                .all(|w| (w[0].0, w[0].1) != (w[1].0, w[1].1)),
            "a pair of sentences linked twice"
        );
        Partners {
            ends,
            numbering,
            starts,
        }
    }

    /// The partners of `x` in `article`, with their similarities.
    fn in_article(&self, x: SentenceRef, article: usize) -> &[End] {
        let ends = self.of(x);
        let start = ends.partition_point(|e| e.1.article < article);
        let end = start + ends[start..].partition_point(|e| e.1.article == article);
        &ends[start..end]
    }

    /// Every partner of `x`, sorted.
    fn of(&self, x: SentenceRef) -> &[End] {
        &self.ends[self.range_of(x)]
    }

    /// Where the ends of `x` are in `ends`.
    fn range_of(&self, x: SentenceRef) -> std::ops::Range<usize> {
        let i = self.number(x);
        self.starts[i]..self.starts[i + 1]
    }

    /// How many sentences the flat numbering has.
    fn sentence_count(&self) -> usize {
        self.numbering.count()
    }

    /// The number of `x` in a flat numbering of all sentences.
    fn number(&self, x: SentenceRef) -> usize {
        self.numbering.global(x)
    }

    /// The similarity of the link between `x` and `z`, if they are linked.
    fn similarity(&self, x: SentenceRef, z: SentenceRef) -> Option<f32> {
        let ends = self.of(x);
        ends.binary_search_by_key(&z, |e| e.1)
            .ok()
            .map(|i| ends[i].2)
    }
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Format};
    use crate::compare::{Options, compare};

    const OPENING: &str = "The council voted on Tuesday to close the old ferry pier for repairs. \
        Engineers found that the wooden supports had rotted through in several places.";
    const WIRE: &str = "Repair crews will pour new concrete footings beside the north landing \
        before the spring tides arrive.";
    const BRIEF: &str = "Repair crews will pour fresh concrete footings beside the north landing \
        ahead of the spring tides.";
    const REWRITE: &str = "Before the spring tides arrive, the town will set new concrete footings \
        next to the north landing.";

    const CLOSING: &str = "Work is expected to start in March and to last until the autumn.";
    const PAID: &str = "The ministry is paying the contractor four million for the work, \
        officials familiar with the plan said.";
    const PAID_AGAIN: &str = "The ministry is paying the contractor four million for the work, \
        officials familiar with the plan said on Monday.";
    const REWORDED_PAID: &str = "The ministry will pay a builder about five million for the \
        job, according to people who know the plan.";

    /// The links between the articles labelled `first` and `second`, as sentence positions.
    fn linked(texts: &[(&str, String)], first: &str, second: &str) -> Vec<(usize, usize)> {
        let articles = texts
            .iter()
            .map(|(label, text)| {
                Article::from_text(*label, format!("{label}.txt"), text.as_str(), Format::Text)
            })
            .collect();
        let comparison = compare(articles, &Options::default());
        let index = |label: &str| texts.iter().position(|(l, _)| *l == label);
        let (a, b) = (index(first), index(second));
        let mut pairs: Vec<(usize, usize)> = comparison
            .links
            .iter()
            .filter(|l| Some(l.a.article) == a && Some(l.b.article) == b)
            .map(|l| (l.a.sentence, l.b.sentence))
            .collect();
        pairs.sort_unstable();
        pairs
    }

    #[test]
    fn two_drifted_versions_of_one_sentence_are_linked_when_a_third_vouches_for_both() {
        let brief = ("brief", format!("{OPENING} {BRIEF}"));
        let rewrite = ("rewrite", format!("{OPENING} {REWRITE}"));
        let wire = ("wire", format!("{OPENING} {WIRE}"));
        assert_eq!(
            linked(&[brief.clone(), rewrite.clone()], "brief", "rewrite"),
            [(0, 0), (1, 1)],
            "too far apart to link on their own"
        );
        assert_eq!(
            linked(&[brief, rewrite, wire], "brief", "rewrite"),
            [(0, 0), (1, 1), (2, 2)]
        );
    }

    #[test]
    fn a_near_copy_of_a_sentence_linked_by_its_position_vouches_for_it() {
        // The brief's rewording is linked to the wire by its place between two links; the
        // rewrite moved the wire's sentence to its end, where position says nothing.
        let brief = ("brief", format!("{OPENING} {REWORDED_PAID} {CLOSING}"));
        let rewrite = ("rewrite", format!("{OPENING} {CLOSING} {PAID_AGAIN}"));
        let wire = ("wire", format!("{OPENING} {PAID} {CLOSING}"));
        assert_eq!(
            linked(&[brief.clone(), rewrite.clone()], "brief", "rewrite"),
            [(0, 0), (1, 1), (3, 2)],
        );
        assert_eq!(
            linked(&[brief.clone(), wire.clone()], "brief", "wire"),
            [(0, 0), (1, 1), (2, 2), (3, 3)],
            "linked by position"
        );
        assert_eq!(
            linked(&[brief, rewrite, wire], "brief", "rewrite"),
            [(0, 0), (1, 1), (2, 3), (3, 2)]
        );
    }

    #[test]
    fn a_sentence_with_the_witness_wording_takes_the_witness_link_whatever_its_bar() {
        // The brief's loose rewording is linked to the wire only by its place between two
        // links; the trimmed copy keeps the wire's sentence word for word as its last one, where
        // position says nothing. The two share too little to be vouched for on their wording,
        // but the trimmed sentence is the wire's: the same two wordings, the same link.
        const SAID: &str =
            "The harbour master said the crews had given the very best of themselves.";
        const RECAST: &str =
            "The crews put in their finest performance, according to the harbour master.";
        let wire = ("wire", format!("{OPENING} {SAID} {CLOSING}"));
        let brief = ("brief", format!("{OPENING} {RECAST} {CLOSING}"));
        let trimmed = ("trimmed", format!("{OPENING} {SAID}"));
        assert_eq!(
            linked(&[wire.clone(), brief.clone()], "wire", "brief"),
            [(0, 0), (1, 1), (2, 2), (3, 3)],
            "linked by position"
        );
        assert_eq!(
            linked(&[brief.clone(), trimmed.clone()], "brief", "trimmed"),
            [(0, 0), (1, 1)],
            "too far apart, and out of reach of position"
        );
        assert_eq!(
            linked(&[wire, brief, trimmed], "brief", "trimmed"),
            [(0, 0), (1, 1), (2, 2)]
        );
    }
}
