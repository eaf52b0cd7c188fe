//! Sequence-aware alignment: links found by position between confident links.
//!
//! Reused text keeps its local order. Once two articles share confident links, the heaviest chain
//! of them (weighed by similarity) that runs forward in both articles marks where the texts
//! correspond; the sentences lying between two consecutive links of the chain are aligned with
//! those between their counterparts by a monotone dynamic programme that allows one-to-one,
//! one-to-two, two-to-one, one-to-three and three-to-one matches (as parallel-text aligners such
//! as Gale–Church and Vecalign do). Such a match is linked at a lower bar than a free-standing pair, since its
//! position is evidence of reuse, and a lone sentence facing a lone sentence between two links
//! at a lower bar still. Articles that share fewer confident links than a chain needs get
//! nothing here: independent reports of the same facts stay unlinked.

use rayon::prelude::*;

use super::align::{self, Decision, MatchedPositions, PairScore};
use super::prepare::{Prepared, PreparedSet};
use super::{LinkKind, SentenceRef};

/// Confident links two articles must share, in order, before gaps between them are aligned.
const MIN_CHAIN: usize = 2;
/// Similarity a one-to-one match between links needs.
const GAP_SIMILARITY: f32 = 0.25;
/// Similarity a lone sentence needs to match the lone sentence facing it between two links
/// (wording in common, even if most of it is function words, as in a reworded quote).
const LONE_SIMILARITY: f32 = 0.4;
/// Content words such a lone pair must share.
const LONE_SHARED_CONTENT: usize = 1;
/// Share of the shorter sentence found, in order, in the longer, for a piece of a split.
const GAP_CONTAINMENT: f32 = 0.45;
/// Content words a match between links must share.
const GAP_SHARED_CONTENT: usize = 2;
/// Gaps whose two sides multiply to more sentences than this are left alone: far apart links
/// say little about what lies between them.
const MAX_GAP_CELLS: usize = 1600;
/// Share of the words a link out of order matches that no link in order matches, from which it
/// is a merge of distant sentences rather than a repeated passage.
const NEW_WORDS_FOR_MERGE: f32 = 0.5;
/// How much more similar an in-order partner must be than one out of order to make the latter
/// a mere repeat.
const CLEARLY_CLOSER: f32 = 0.02;
/// Most sentences one sentence is matched with in a split or merge.
const MAX_PIECES: usize = 3;

/// How the order of the texts revises the links decided pair by pair.
#[derive(Debug, Default)]
pub struct Revision {
    /// Links found between the links of a chain.
    pub added: Vec<Decision>,
    /// Links that leave the chain for a passage repeated elsewhere while one of their sentences
    /// has its counterpart in order: `(a, b)` as in [`Decision`].
    pub dropped: Vec<(SentenceRef, SentenceRef)>,
}

/// Revises `links` (decided among candidates) by the order of each article pair's texts: aligns
/// the gaps of the chain of links and drops links to passages repeated out of order.
pub fn revise(set: &PreparedSet, links: &[Decision]) -> Revision {
    let mut by_pair: Vec<&Decision> = links.iter().collect();
    by_pair.sort_unstable_by_key(|d| (d.a.article, d.b.article, d.a.sentence, d.b.sentence));
    let pairs: Vec<&[&Decision]> = by_pair
        .chunk_by(|x, y| (x.a.article, x.b.article) == (y.a.article, y.b.article))
        .collect();
    // Pairs are revised in parallel, a thread remembering the wordings it compared; with fewer
    // pairs than threads (two long texts), each pair's links are read in parallel instead.
    let links_in_parallel = pairs.len() < rayon::current_num_threads();
    let revisions: Vec<Revision> = pairs
        .par_iter()
        .map_init(MatchedPositions::default, |matching, pair_links| {
            let pair = ArticlePair::new(set, pair_links);
            let added = pair.gap_links();
            let dropped = if links_in_parallel {
                pair.out_of_order_in_parallel(pair_links, &added)
            } else {
                pair.out_of_order(pair_links, &added, matching)
            };
            Revision { added, dropped }
        })
        .collect();
    let mut revision = Revision::default();
    for r in revisions {
        revision.added.extend(r.added);
        revision.dropped.extend(r.dropped);
    }
    revision
}

/// For each sentence of one article, then of the other, its partners in order and their
/// similarity (see [`ArticlePair::in_order_partners`]).
type InOrder = (Vec<Vec<(usize, f32)>>, Vec<Vec<(usize, f32)>>);

/// Two articles and the confident links between them.
struct ArticlePair<'a> {
    set: &'a PreparedSet,
    a: usize,
    b: usize,
    /// Whether each sentence of `a` (of `b`) already has a link to the other article.
    linked_a: Vec<bool>,
    linked_b: Vec<bool>,
    /// The heaviest forward-running chain of links, as sentence positions `(in a, in b)`.
    chain: Vec<(usize, usize)>,
}

impl<'a> ArticlePair<'a> {
    fn new(set: &'a PreparedSet, links: &[&Decision]) -> Self {
        let (a, b) = (links[0].a.article, links[0].b.article);
        let mut linked_a = vec![false; set.sentences[a].len()];
        let mut linked_b = vec![false; set.sentences[b].len()];
        for d in links {
            linked_a[d.a.sentence] = true;
            linked_b[d.b.sentence] = true;
        }
        let positions: Vec<(usize, usize, f32)> = links
            .iter()
            .map(|d| (d.a.sentence, d.b.sentence, d.similarity))
            .collect();
        ArticlePair {
            set,
            a,
            b,
            linked_a,
            linked_b,
            chain: forward_chain(&positions),
        }
    }

    /// The new links found in the gaps of the chain, each gap running from one past a link to
    /// the next. What lies before the first link or after the last is left alone: outlets
    /// write their own openings and endings, and nothing bounds those stretches on both sides.
    fn gap_links(&self) -> Vec<Decision> {
        if self.chain.len() < MIN_CHAIN {
            return Vec::new();
        }
        self.chain
            .windows(2)
            .flat_map(|w| self.align_gap((w[0].0 + 1, w[1].0), (w[0].1 + 1, w[1].1)))
            .collect()
    }

    /// The links that run against the chain and only repeat, in a sentence that has a link in
    /// order (on the chain, or between its neighbouring links), words that link already
    /// matches: a repeated passage met elsewhere, not the counterpart. A link out of order that
    /// matches other words of the sentence (a merge of two distant sentences) stays.
    fn out_of_order(
        &self,
        links: &[&Decision],
        added: &[Decision],
        matching: &mut MatchedPositions,
    ) -> Vec<(SentenceRef, SentenceRef)> {
        let Some(in_order) = self.in_order_partners(links, added) else {
            return Vec::new();
        };
        links
            .iter()
            .filter(|d| self.only_repeats(d, &in_order, matching))
            .map(|d| (d.a, d.b))
            .collect()
    }

    /// [`Self::out_of_order`], the links read in parallel.
    fn out_of_order_in_parallel(
        &self,
        links: &[&Decision],
        added: &[Decision],
    ) -> Vec<(SentenceRef, SentenceRef)> {
        let Some(in_order) = self.in_order_partners(links, added) else {
            return Vec::new();
        };
        links
            .par_iter()
            .map_init(MatchedPositions::default, |matching, d| {
                self.only_repeats(d, &in_order, matching)
                    .then_some((d.a, d.b))
            })
            .flatten()
            .collect()
    }

    /// For each sentence of `a` and of `b`, its partners and their similarity over the links
    /// (decided and `added`) in order; `None` when the chain is too short to tell order.
    fn in_order_partners(&self, links: &[&Decision], added: &[Decision]) -> Option<InOrder> {
        if self.chain.len() < MIN_CHAIN {
            return None;
        }
        let mut in_order_a: Vec<Vec<(usize, f32)>> = vec![Vec::new(); self.linked_a.len()];
        let mut in_order_b: Vec<Vec<(usize, f32)>> = vec![Vec::new(); self.linked_b.len()];
        for d in links.iter().copied().chain(added) {
            if self.in_order(d.a.sentence, d.b.sentence) {
                in_order_a[d.a.sentence].push((d.b.sentence, d.similarity));
                in_order_b[d.b.sentence].push((d.a.sentence, d.similarity));
            }
        }
        Some((in_order_a, in_order_b))
    }

    /// Whether link `d` runs against the chain and only repeats what a link in order matches
    /// (see [`Self::out_of_order`]).
    fn only_repeats(
        &self,
        d: &Decision,
        (in_order_a, in_order_b): &InOrder,
        matching: &mut MatchedPositions,
    ) -> bool {
        let (i, j) = (d.a.sentence, d.b.sentence);
        // An identical link has no clearly closer rival.
        if self.in_order(i, j) || d.kind != LinkKind::Reworded {
            return false;
        }
        let others = closer(&in_order_a[i], d.similarity, |k| self.sentence_b(k));
        repeats(self.sentence_a(i), self.sentence_b(j), &others, matching) || {
            let others = closer(&in_order_b[j], d.similarity, |k| self.sentence_a(k));
            repeats(self.sentence_b(j), self.sentence_a(i), &others, matching)
        }
    }

    /// Whether sentence `i` of `a` and `j` of `b` lie between the same two consecutive links of
    /// the chain (or on it).
    fn in_order(&self, i: usize, j: usize) -> bool {
        // The last chain link at or before `i`, and the first at or after it.
        let after = self.chain.partition_point(|&(ci, _)| ci < i);
        let before = self.chain.partition_point(|&(ci, _)| ci <= i);
        let low = before.checked_sub(1).map_or(0, |k| self.chain[k].1);
        let high = self.chain.get(after).map_or(usize::MAX, |&(_, cj)| cj);
        low <= j && j <= high
    }

    /// Aligns the unlinked sentences of `a` in `range_a` with those of `b` in `range_b`.
    fn align_gap(&self, range_a: (usize, usize), range_b: (usize, usize)) -> Vec<Decision> {
        let xs: Vec<usize> = (range_a.0..range_a.1.max(range_a.0))
            .filter(|&i| !self.linked_a[i])
            .collect();
        let ys: Vec<usize> = (range_b.0..range_b.1.max(range_b.0))
            .filter(|&j| !self.linked_b[j])
            .collect();
        if xs.is_empty() || ys.is_empty() || xs.len() * ys.len() > MAX_GAP_CELLS {
            return Vec::new();
        }
        Gap::new(self, &xs, &ys).align()
    }

    fn sentence_a(&self, i: usize) -> &Prepared {
        self.set.get(self.a, i)
    }

    fn sentence_b(&self, j: usize) -> &Prepared {
        self.set.get(self.b, j)
    }
}

/// The in-order partners that are clearly more similar than `similarity` (an equally similar
/// one is a passage the other article repeats, and both copies are counterparts).
fn closer<'s>(
    partners: &[(usize, f32)],
    similarity: f32,
    sentence: impl Fn(usize) -> &'s Prepared,
) -> Vec<&'s Prepared> {
    partners
        .iter()
        .filter(|&&(_, s)| s > similarity + CLEARLY_CLOSER)
        .map(|&(k, _)| sentence(k))
        .collect()
}

/// Whether `partner` matches, in `sentence`, mostly words that `others` match already
/// (`matching` remembers the positions matched).
pub(super) fn repeats(
    sentence: &Prepared,
    partner: &Prepared,
    others: &[&Prepared],
    matching: &mut MatchedPositions,
) -> bool {
    if others.is_empty() {
        return false;
    }
    let mut covered = vec![false; sentence.word_count()];
    for other in others {
        for &position in matching.of(sentence, other).iter() {
            covered[position] = true;
        }
    }
    let matched = matching.of(sentence, partner);
    let new = matched.iter().filter(|&&p| !covered[p]).count();
    (new as f32) < NEW_WORDS_FOR_MERGE * matched.len() as f32
}

/// The heaviest chain of `positions` (sentence in `a`, in `b`, similarity) running forward in
/// both articles, a chain weighing the similarities of its links: a close link outweighs a
/// loose one that would make the chain as long. A sentence linked to two consecutive ones (a
/// split or merge) keeps both, but not to two far apart: that would let the chain jump. Of
/// equally heavy chains, the one ending first in `a` is kept.
fn forward_chain(positions: &[(usize, usize, f32)]) -> Vec<(usize, usize)> {
    let mut sorted = positions.to_vec();
    sorted.sort_unstable_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(y.2.total_cmp(&x.2)));
    sorted.dedup_by_key(|&mut (i, j, _)| (i, j));
    // Heaviest subsequence increasing in both positions (or by one step of a split or merge):
    // a Fenwick tree over the positions in `b` keeps, for every prefix of them, the heaviest
    // chain ending there among the rows of `a` already done.
    let mut columns: Vec<usize> = sorted.iter().map(|p| p.1).collect();
    columns.sort_unstable();
    columns.dedup();
    let column_of = |j: usize| columns.partition_point(|&c| c < j);
    let mut tree = PrefixBest::new(columns.len());
    // The last link met in each column: (its row, its index, its chain's weight).
    let mut column_last: Vec<Option<(usize, usize, f64)>> = vec![None; columns.len()];
    let mut totals = vec![0.0f64; sorted.len()];
    let mut previous: Vec<Option<usize>> = vec![None; sorted.len()];
    let mut best: Option<(f64, usize)> = None;
    let mut row_start = 0;
    while row_start < sorted.len() {
        let i = sorted[row_start].0;
        let row_end = row_start + sorted[row_start..].partition_point(|p| p.0 == i);
        for k in row_start..row_end {
            let (_, j, weight) = sorted[k];
            let column = column_of(j);
            let mut before = column.checked_sub(1).and_then(|c| tree.best_up_to(c));
            let split = (k > row_start && sorted[k - 1].1 + 1 == j).then(|| (totals[k - 1], k - 1));
            let merge = column_last[column]
                .filter(|&(row, _, _)| row + 1 == i)
                .map(|(_, at, total)| (total, at));
            for step in [split, merge].into_iter().flatten() {
                if before.is_none_or(|(w, at)| step.0 > w || (step.0 == w && step.1 < at)) {
                    before = Some(step);
                }
            }
            previous[k] = before.map(|(_, at)| at);
            totals[k] = before.map_or(0.0, |(w, _)| w) + f64::from(weight);
            if best.is_none_or(|(w, _)| totals[k] > w) {
                best = Some((totals[k], k));
            }
        }
        for k in row_start..row_end {
            let column = column_of(sorted[k].1);
            tree.offer(column, (totals[k], k));
            column_last[column] = Some((i, k, totals[k]));
        }
        row_start = row_end;
    }
    let mut chain = Vec::new();
    let mut at = best.map(|(_, k)| k);
    while let Some(k) = at {
        chain.push((sorted[k].0, sorted[k].1));
        at = previous[k];
    }
    chain.reverse();
    chain
}

/// A Fenwick tree of the heaviest (weight, item) offered at each column, queried by prefix.
struct PrefixBest {
    nodes: Vec<Option<(f64, usize)>>,
}

impl PrefixBest {
    fn new(columns: usize) -> Self {
        PrefixBest {
            nodes: vec![None; columns + 1],
        }
    }

    /// Records `entry` at `column` (keeping an earlier entry that weighs as much).
    fn offer(&mut self, column: usize, entry: (f64, usize)) {
        let mut node = column + 1;
        while node < self.nodes.len() {
            if self.nodes[node].is_none_or(|(w, _)| entry.0 > w) {
                self.nodes[node] = Some(entry);
            }
            node += node & node.wrapping_neg();
        }
    }

    /// The heaviest entry offered at any column up to `column`, inclusive.
    fn best_up_to(&self, column: usize) -> Option<(f64, usize)> {
        let mut node = column + 1;
        let mut best: Option<(f64, usize)> = None;
        while node > 0 {
            if let Some(entry) = self.nodes[node]
                && best.is_none_or(|(w, k)| entry.0 > w || (entry.0 == w && entry.1 < k))
            {
                best = Some(entry);
            }
            node -= node & node.wrapping_neg();
        }
        best
    }
}

/// One stretch of unlinked sentences on each side, between two links of the chain, with the
/// scores of its sentence pairs.
struct Gap<'p, 'a> {
    pair: &'p ArticlePair<'a>,
    /// Sentence positions in article `a` (in order).
    xs: &'p [usize],
    /// Sentence positions in article `b` (in order).
    ys: &'p [usize],
    /// `scores[i * ys.len() + j]`: how `xs[i]` and `ys[j]` compare (`None`: nothing in common
    /// worth scoring).
    scores: Vec<Option<PairScore>>,
}

/// A step of the alignment: how many sentences of each side it consumes.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Step {
    take_a: usize,
    take_b: usize,
}

impl<'p, 'a> Gap<'p, 'a> {
    fn new(pair: &'p ArticlePair<'a>, xs: &'p [usize], ys: &'p [usize]) -> Self {
        let scores = xs
            .iter()
            .flat_map(|&x| ys.iter().map(move |&y| (x, y)))
            .map(|(x, y)| {
                let (px, py) = (pair.sentence_a(x), pair.sentence_b(y));
                let worth = align::long_enough(px)
                    && align::long_enough(py)
                    && align::scorable(px, py)
                    && align::shared_content_upper_bound(px, py) >= LONE_SHARED_CONTENT;
                let lone_twins = xs.len() == 1 && ys.len() == 1 && same_words(px, py);
                (worth || lone_twins).then(|| align::score(px, py))
            })
            .collect();
        Gap {
            pair,
            xs,
            ys,
            scores,
        }
    }

    /// Whether the gap holds one unlinked sentence on each side: links on both sides then
    /// leave the two little else to be.
    fn is_lone(&self) -> bool {
        self.xs.len() == 1 && self.ys.len() == 1
    }

    fn score(&self, i: usize, j: usize) -> Option<PairScore> {
        self.scores[i * self.ys.len() + j]
    }

    /// The best monotone matching of the gap, as links.
    fn align(&self) -> Vec<Decision> {
        let (n, m) = (self.xs.len(), self.ys.len());
        // best[i][j]: most matched weight aligning the first i of xs with the first j of ys.
        let width = m + 1;
        let mut best = vec![0.0f32; (n + 1) * width];
        let mut steps = vec![None::<Step>; (n + 1) * width];
        for i in 0..=n {
            for j in 0..=m {
                if i == 0 && j == 0 {
                    continue;
                }
                let mut here = f32::NEG_INFINITY;
                let mut chosen = None;
                if i > 0 && best[(i - 1) * width + j] > here {
                    here = best[(i - 1) * width + j];
                    chosen = Some(Step {
                        take_a: 1,
                        take_b: 0,
                    });
                }
                if j > 0 && best[i * width + j - 1] > here {
                    here = best[i * width + j - 1];
                    chosen = Some(Step {
                        take_a: 0,
                        take_b: 1,
                    });
                }
                for (take_a, take_b) in match_shapes() {
                    if take_a > i || take_b > j {
                        continue;
                    }
                    let Some(gain) = self.match_gain(i - take_a, take_a, j - take_b, take_b) else {
                        continue;
                    };
                    let total = best[(i - take_a) * width + j - take_b] + gain;
                    if total > here {
                        here = total;
                        chosen = Some(Step { take_a, take_b });
                    }
                }
                best[i * width + j] = here;
                steps[i * width + j] = chosen;
            }
        }
        self.trace(&steps, width)
    }

    /// Follows the steps back from the end, turning each match into its links.
    fn trace(&self, steps: &[Option<Step>], width: usize) -> Vec<Decision> {
        let mut links = Vec::new();
        let (mut i, mut j) = (self.xs.len(), self.ys.len());
        while let Some(Step { take_a, take_b }) = steps[i * width + j] {
            i -= take_a;
            j -= take_b;
            if take_a > 0 && take_b > 0 {
                for di in 0..take_a {
                    for dj in 0..take_b {
                        links.push(self.link(i + di, j + dj));
                    }
                }
            }
        }
        links.reverse();
        links
    }

    /// The link between `xs[i]` and `ys[j]`.
    fn link(&self, i: usize, j: usize) -> Decision {
        let (x, y) = (self.xs[i], self.ys[j]);
        let (px, py) = (self.pair.sentence_a(x), self.pair.sentence_b(y));
        let kind = if same_words(px, py) {
            LinkKind::Identical
        } else {
            LinkKind::Reworded
        };
        Decision {
            a: SentenceRef::new(self.pair.a, x),
            b: SentenceRef::new(self.pair.b, y),
            kind,
            similarity: self.score(i, j).map_or(0.0, |s| s.similarity),
        }
    }

    /// The weight matched by aligning `take_a` of xs from `from_a` with `take_b` of ys from
    /// `from_b`, or `None` when that match is not good enough to link.
    fn match_gain(
        &self,
        from_a: usize,
        take_a: usize,
        from_b: usize,
        take_b: usize,
    ) -> Option<f32> {
        if take_a == 1 && take_b == 1 {
            let s = self.score(from_a, from_b)?;
            let (px, py) = (
                self.pair.sentence_a(self.xs[from_a]),
                self.pair.sentence_b(self.ys[from_b]),
            );
            let alike = (s.similarity >= GAP_SIMILARITY && s.shared_content >= GAP_SHARED_CONTENT)
                || (self.is_lone()
                    && (s.similarity >= LONE_SIMILARITY
                        && s.shared_content >= LONE_SHARED_CONTENT
                        || same_words(px, py)));
            return alike.then_some(s.similarity * (px.total_weight + py.total_weight) / 2.0);
        }
        // A split or merge: the one sentence against each of the pieces, in order.
        let pieces: Vec<(usize, usize)> = if take_a == 1 {
            (from_b..from_b + take_b).map(|j| (from_a, j)).collect()
        } else {
            (from_a..from_a + take_a).map(|i| (i, from_b)).collect()
        };
        pieces
            .into_iter()
            .map(|(i, j)| {
                let s = self.score(i, j)?;
                let (px, py) = (
                    self.pair.sentence_a(self.xs[i]),
                    self.pair.sentence_b(self.ys[j]),
                );
                let inside =
                    s.containment >= GAP_CONTAINMENT && s.shared_content >= GAP_SHARED_CONTENT;
                inside.then_some(s.containment * px.total_weight.min(py.total_weight))
            })
            .sum::<Option<f32>>()
    }
}

/// Whether two sentences have the same words, however few: between two links, even a line too
/// short to be linked on its own ("Nobody abstained.") is the same line.
fn same_words(x: &Prepared, y: &Prepared) -> bool {
    !x.keys.is_empty() && x.keys == y.keys
}

/// The shapes of a match: one-to-one, and a sentence against two or three of the other side.
fn match_shapes() -> impl Iterator<Item = (usize, usize)> {
    std::iter::once((1, 1))
        .chain((2..=MAX_PIECES).map(|k| (1, k)))
        .chain((2..=MAX_PIECES).map(|k| (k, 1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};
    use crate::compare::{Options, compare};

    const OPENING: &str = "The council voted on Tuesday to close the old ferry pier for repairs. \
        Engineers found that the wooden supports had rotted through in several places.";
    const CLOSING: &str = "Work is expected to start in March and to last until the autumn.";
    const PAID: &str = "The ministry is paying the contractor four million for the work, \
        officials familiar with the plan said.";
    const REWORDED_PAID: &str = "The ministry will pay a builder about five million for the \
        job, according to people who know the plan.";

    fn linked(texts: [&str; 2]) -> Vec<(usize, usize)> {
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                Article::from_text(format!("a{i}"), format!("a{i}.txt"), *t, Format::Text)
            })
            .collect();
        let comparison = compare(articles, &Options::default());
        comparison
            .links
            .iter()
            .map(|l| (l.a.sentence, l.b.sentence))
            .collect()
    }

    #[test]
    fn a_reworded_sentence_between_links_is_linked_by_its_position() {
        assert!(
            linked([PAID, REWORDED_PAID]).is_empty(),
            "too reworded to link alone"
        );
        let story = format!("{OPENING} {PAID} {CLOSING}");
        let update = format!("{OPENING} {REWORDED_PAID} {CLOSING}");
        assert_eq!(linked([&story, &update]), [(0, 0), (1, 1), (2, 2), (3, 3)]);
    }

    #[test]
    fn a_line_too_short_to_link_alone_is_linked_between_two_links_when_it_is_the_same() {
        let line = "Nobody abstained.";
        assert!(linked([line, line]).is_empty(), "too short to link alone");
        let story = format!("{OPENING} {line} {CLOSING}");
        assert_eq!(linked([&story, &story]), [(0, 0), (1, 1), (2, 2), (3, 3)]);
        let changed = format!("{OPENING} Nobody objected. {CLOSING}");
        assert_eq!(linked([&story, &changed]), [(0, 0), (1, 1), (3, 3)]);
    }

    #[test]
    fn a_lone_sentence_between_two_links_is_linked_on_little_shared_content() {
        let quote = "\"I had to give them some of my best singing.\"";
        let reworded_quote = "\"I had to hand over a few of my finest singing moments.\"";
        assert!(
            linked([quote, reworded_quote]).is_empty(),
            "one content word in common"
        );
        let story = format!("{OPENING} {quote} {CLOSING}");
        let update = format!("{OPENING} {reworded_quote} {CLOSING}");
        assert_eq!(linked([&story, &update]), [(0, 0), (1, 1), (2, 2), (3, 3)]);
        let other = format!("{OPENING} \"It was all about the climb at the end.\" {CLOSING}");
        assert_eq!(linked([&story, &other]), [(0, 0), (1, 1), (3, 3)]);
    }

    #[test]
    fn articles_sharing_one_link_gain_nothing_by_position() {
        let first = format!("{} {PAID}", OPENING.split(". ").next().unwrap_or_default());
        let second = format!(
            "{}. {REWORDED_PAID}",
            OPENING.split(". ").next().unwrap_or_default()
        );
        assert_eq!(linked([&first, &second]), [(0, 0)]);
    }

    #[test]
    fn the_chain_runs_forward_in_both_articles_and_keeps_splits() {
        let chain = forward_chain(&[
            (0, 0, 1.0),
            (1, 5, 1.0),
            (2, 1, 1.0),
            (2, 2, 1.0),
            (4, 3, 1.0),
            (3, 9, 0.5),
        ]);
        assert_eq!(chain, [(0, 0), (2, 1), (2, 2), (4, 3)]);
        assert!(forward_chain(&[]).is_empty());
    }

    #[test]
    fn the_chain_runs_through_close_links_rather_than_loose_ones() {
        let chain = forward_chain(&[(0, 0, 1.0), (1, 5, 0.9), (2, 3, 0.3), (3, 6, 1.0)]);
        assert_eq!(chain, [(0, 0), (1, 5), (3, 6)]);
    }

    #[test]
    fn the_chain_keeps_adjacent_pieces_but_does_not_jump_through_a_distant_one() {
        let chain = forward_chain(&[
            (0, 0, 0.7),
            (0, 9, 0.7),
            (2, 3, 0.5),
            (4, 14, 0.3),
            (5, 18, 0.6),
        ]);
        assert_eq!(chain, [(0, 0), (2, 3), (4, 14), (5, 18)]);
        let merge = forward_chain(&[(0, 0, 1.0), (1, 2, 0.5), (2, 2, 0.5), (3, 3, 1.0)]);
        assert_eq!(merge, [(0, 0), (1, 2), (2, 2), (3, 3)]);
    }
}
