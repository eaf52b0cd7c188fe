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
    let runs: Vec<&[End]> = partners.ends.chunk_by(|x, y| x.0 == y.0).collect();
    let mut pairs: Vec<(SentenceRef, SentenceRef, Voucher)> = runs
        .par_iter()
        .flat_map_iter(|run| vouched_pairs(set, run, &partners, &witnesses, &joined))
        .collect();
    if pairs.is_empty() {
        return Vec::new();
    }
    // The strongest voucher of each pair first.
    pairs.par_sort_unstable();
    pairs.dedup_by_key(|p| (p.0, p.1));
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

/// The pairs of partners of one witness (`run`: its ends in `partners`, all the witness's
/// partners, sorted by partner) that it vouches for: not linked yet (in `partners` or
/// `witnesses`), their articles `joined`. Each pair is given lower sentence first.
fn vouched_pairs(
    set: &PreparedSet,
    run: &[End],
    partners: &Partners,
    witnesses: &Partners,
    joined: &JoinedArticles,
) -> Vec<(SentenceRef, SentenceRef, Voucher)> {
    let witness = run[0].0;
    // What each leg from the witness is: linked on its own wording (with its similarity) or not.
    let legs: Vec<Option<f32>> = run
        .iter()
        .map(|&(_, end, _)| witnesses.similarity(witness, end))
        .collect();
    let twins: Vec<bool> = run
        .iter()
        .map(|&(_, end, _)| align::is_identical(set.at(witness), set.at(end)))
        .collect();
    let group_ends = article_group_ends(run);
    let mut out = Vec::new();
    for k in 0..run.len() {
        let x = run[k].1;
        // The run and the ends of `x` are both sorted by partner: walked side by side.
        let mut linked_x = Cursor(partners.of(x));
        let mut vouched_x = Cursor(witnesses.of(x));
        let mut m = k + 1;
        while m < run.len() {
            let group_end = group_ends[m];
            if joined.holds(x.article, run[m].1.article) {
                for n in m..group_end {
                    let z = run[n].1;
                    let Some(voucher) = vouching((legs[k], twins[k]), (legs[n], twins[n])) else {
                        continue;
                    };
                    // A run is sorted by partner: `z` comes after `x`.
                    if !linked_x.holds(z) && !vouched_x.holds(z) {
                        out.push((x, z, voucher));
                    }
                }
            }
            m = group_end;
        }
    }
    out
}

/// How a witness vouches for two of its partners, from the similarities of its links to them
/// on their own wording (`None`: linked by other means) and whether each has its wording.
fn vouching(x: (Option<f32>, bool), z: (Option<f32>, bool)) -> Option<Voucher> {
    if x.1 != z.1 {
        return Some(Voucher::Twin);
    }
    match (x.0, z.0) {
        (Some(_), Some(_)) => Some(Voucher::Both),
        (Some(s), None) | (None, Some(s)) if s >= NEAR_COPY => Some(Voucher::Copy),
        _ => None,
    }
}

/// For each end of `run` (sorted by partner), where the ends in its partner's article stop.
fn article_group_ends(run: &[End]) -> Vec<usize> {
    let mut ends = vec![run.len(); run.len()];
    for i in (0..run.len().saturating_sub(1)).rev() {
        if run[i].1.article == run[i + 1].1.article {
            ends[i] = ends[i + 1];
        } else {
            ends[i] = i + 1;
        }
    }
    ends
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

/// One sentence's ends, sorted by partner, asked about partners in increasing order.
struct Cursor<'a>(&'a [End]);

impl Cursor<'_> {
    /// Whether partner `z` is among the ends (`z` no smaller than at the previous call).
    fn holds(&mut self, z: SentenceRef) -> bool {
        let passed = self.0.iter().take_while(|e| e.1 < z).count();
        self.0 = &self.0[passed..];
        self.0.first().is_some_and(|e| e.1 == z)
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
    /// Number of the first sentence of each article in a flat numbering of all sentences.
    first_sentence: Vec<usize>,
    /// `ends[starts[i]..starts[i + 1]]` are the ends of sentence `i` (flat numbering).
    starts: Vec<usize>,
}

impl Partners {
    fn new(set: &PreparedSet, links: &[Decision]) -> Self {
        let mut ends: Vec<End> = links
            .iter()
            .flat_map(|d| [(d.a, d.b, d.similarity), (d.b, d.a, d.similarity)])
            .collect();
        ends.par_sort_unstable_by_key(|x| (x.0, x.1));
        ends.dedup_by_key(|e| (e.0, e.1));
        let first_sentence: Vec<usize> = set
            .sentences
            .iter()
            .scan(0, |next, sentences| {
                let first = *next;
                *next += sentences.len();
                Some(first)
            })
            .collect();
        let total: usize = set.sentences.iter().map(Vec::len).sum();
        let mut starts = vec![0; total + 1];
        for end in &ends {
            starts[first_sentence[end.0.article] + end.0.sentence + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        Partners {
            ends,
            first_sentence,
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
        let i = self.first_sentence[x.article] + x.sentence;
        &self.ends[self.starts[i]..self.starts[i + 1]]
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
