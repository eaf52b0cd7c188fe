//! What the HTML and PDF reports both read from a comparison about the story as a whole: its
//! title, the version tree walked from its roots, and which side of a pair of versions is the
//! copy (so that only a copy's changes are marked as changes).

use std::ops::Range;

use crate::article::Role;
use crate::compare::{Comparison, Descent, Link, LinkKind, SentenceRef};
use crate::report::rows::Cells;

/// The line that stands for `n` sentences two versions share word for word, left out of a
/// "changes only" report.
pub fn same_in_both(n: usize) -> String {
    let noun = if n == 1 { "sentence" } else { "sentences" };
    format!("⋯ {n} {noun} the same in both ⋯")
}

/// The story's title: the headline most articles share (on a tie, the earlier article's), else
/// the title most articles give.
pub fn story_title(c: &Comparison) -> Option<String> {
    let headline = c
        .articles
        .iter()
        .enumerate()
        .flat_map(|(a, article)| {
            article
                .sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| s.role == Role::Headline)
                .map(move |(s, _)| SentenceRef::new(a, s))
        })
        .min_by_key(|&r| (std::cmp::Reverse(c.info(r).shared_by), r));
    if let Some(r) = headline {
        return Some(crate::article::collapse_whitespace(c.sentence_text(r)));
    }
    let mut titles: Vec<&str> = c
        .articles
        .iter()
        .filter_map(|a| a.title.as_deref())
        .collect();
    titles.sort_unstable();
    titles
        .chunk_by(|x, y| x == y)
        .max_by_key(|same| same.len())
        .map(|same| same[0].to_owned())
}

/// How marks are drawn on one side of a pair of versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marking {
    /// The copy: its original's cut words struck, its own new words underlined.
    Copy,
    /// The original: its text as it is.
    Original,
    /// Direction unknown: the words that differ, dotted, on both sides.
    Neutral,
}

impl Marking {
    /// How article `own` is marked against article `other`, by the direction model
    /// ([`Comparison::lineage`]): a copy against an original it descends from along known
    /// directions, the original plain, and neutrally where the direction is undetermined.
    pub fn of(c: &Comparison, own: usize, other: usize) -> Marking {
        if c.descends_from(own, other) {
            Marking::Copy
        } else if c.descends_from(other, own) {
            Marking::Original
        } else {
            Marking::Neutral
        }
    }
}

/// The version trees as drawn: each tree hung from the version that leaves the fewest known
/// directions pointing up (an original of all the others where there is one), so that every
/// version appears once, below its neighbour on the way to that top, whatever way the edges of
/// undetermined direction happen to be written.
pub struct Hanging<'c> {
    c: &'c Comparison,
    /// Each article's neighbour towards its tree's top, with the edge between them.
    parent: Vec<Option<(usize, usize)>>,
    roots: Vec<usize>,
    /// The articles on no tree, when there is a tree at all.
    alone: Vec<usize>,
}

impl<'c> Hanging<'c> {
    /// Hangs every tree of `c`'s lineage.
    pub fn new(c: &'c Comparison) -> Self {
        let n = c.articles.len();
        let mut edges_of: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (k, d) in c.lineage.iter().enumerate() {
            edges_of[d.original].push(k);
            edges_of[d.copy].push(k);
        }
        let mut parent = vec![None; n];
        let mut roots = Vec::new();
        let mut placed = vec![false; n];
        for first in 0..n {
            if placed[first] || edges_of[first].is_empty() {
                continue;
            }
            let tree = walk(c, &edges_of, first);
            let top = tree
                .iter()
                .map(|&(article, _)| article)
                .min_by_key(|&r| {
                    let walked = walk(c, &edges_of, r);
                    let upward = walked
                        .iter()
                        .filter(|(article, via)| {
                            via.is_some_and(|(_, k)| {
                                let d = &c.lineage[k];
                                d.known && d.original == *article
                            })
                        })
                        .count();
                    let engine_top = c.versions.get(r).is_some_and(|v| v.closest.is_none());
                    (upward, !engine_top, &c.articles[r].label, r)
                })
                .unwrap_or(first);
            for (article, via) in walk(c, &edges_of, top) {
                placed[article] = true;
                parent[article] = via;
            }
            roots.push(top);
        }
        roots.sort_unstable();
        let alone = if c.lineage.is_empty() {
            Vec::new()
        } else {
            (0..n).filter(|&i| edges_of[i].is_empty()).collect()
        };
        Hanging {
            c,
            parent,
            roots,
            alone,
        }
    }

    /// The tops of the trees, in article order.
    pub fn roots(&self) -> &[usize] {
        &self.roots
    }

    /// The articles that are versions of no other, in article order (none when no article is a
    /// version of another: then there is nothing to set them apart from).
    pub fn alone(&self) -> &[usize] {
        &self.alone
    }

    /// The edges from `article` down to the versions hung below it, in lineage order.
    pub fn below(&self, article: usize) -> Vec<&'c Descent> {
        self.c
            .lineage
            .iter()
            .enumerate()
            .filter(|&(k, d)| {
                (d.original == article || d.copy == article)
                    && self.parent[d.other_end(article)] == Some((article, k))
            })
            .map(|(_, d)| d)
            .collect()
    }
}

/// The articles of `top`'s tree in breadth-first order, each with its neighbour towards `top`
/// and the lineage edge between them.
fn walk(
    c: &Comparison,
    edges_of: &[Vec<usize>],
    top: usize,
) -> Vec<(usize, Option<(usize, usize)>)> {
    let mut out = vec![(top, None)];
    let mut seen = vec![false; edges_of.len()];
    seen[top] = true;
    let mut next = 0;
    while let Some(&(article, _)) = out.get(next) {
        next += 1;
        for &k in &edges_of[article] {
            let other = c.lineage[k].other_end(article);
            if !std::mem::replace(&mut seen[other], true) {
                out.push((other, Some((article, k))));
            }
        }
    }
    out
}

/// How sure an edge's direction is and why, and how much its two versions share ("82% sure:
/// agency credit; 64% shared"), or that the two differ and which came first is undetermined.
pub fn descent_note(d: &Descent) -> String {
    let shared = d.shared * 100.0;
    if d.known {
        let why: Vec<&str> = d.clues.iter().map(|clue| clue.label()).collect();
        format!(
            "{:.0}% sure: {}; {shared:.0}% shared",
            d.confidence * 100.0,
            why.join(", ")
        )
    } else {
        format!("differs, which came first is undetermined; {shared:.0}% shared")
    }
}

/// Every article once, depth first down the trees as [`Hanging`] draws them (each original
/// before its copies where the directions allow), with the version it is shown against: its
/// neighbour above it, or none for the top of a tree and an article that is a version of no
/// other.
pub fn text_order(c: &Comparison) -> Vec<(usize, Option<usize>)> {
    let hanging = Hanging::new(c);
    let mut order = Vec::with_capacity(c.articles.len());
    let mut seen = vec![false; c.articles.len()];
    let tops = hanging
        .roots()
        .iter()
        .copied()
        .chain(0..c.articles.len())
        .collect::<Vec<_>>();
    for top in tops {
        down_from(&hanging, top, None, &mut seen, &mut order);
    }
    order
}

fn down_from(
    hanging: &Hanging<'_>,
    article: usize,
    against: Option<usize>,
    seen: &mut [bool],
    order: &mut Vec<(usize, Option<usize>)>,
) {
    if std::mem::replace(&mut seen[article], true) {
        return;
    }
    order.push((article, against));
    for d in hanging.below(article) {
        down_from(hanging, d.other_end(article), Some(article), seen, order);
    }
}

/// Whether a row's two cells hold the same sentences word for word: every sentence of each has
/// an identical counterpart in the other cell.
pub fn is_shared_word_for_word(
    c: &Comparison,
    (left, right): (usize, usize),
    cells: &Cells,
) -> bool {
    let (Some(Some(l)), Some(Some(r))) = (cells.first(), cells.get(1)) else {
        return false;
    };
    let covered = |article: usize, own: &Range<usize>, other: usize, theirs: &Range<usize>| {
        own.clone().all(|s| {
            c.links_of(SentenceRef::new(article, s)).any(|link| {
                let o = link.other(SentenceRef::new(article, s));
                link.kind == LinkKind::Identical
                    && o.article == other
                    && theirs.contains(&o.sentence)
            })
        })
    };
    covered(left, l, right, r) && covered(right, r, left, l)
}

/// The link of `r` with its most similar sentence in article `other`.
pub fn counterpart_in(c: &Comparison, r: SentenceRef, other: usize) -> Option<&Link> {
    c.links_of(r)
        .filter(|link| link.other(r).article == other)
        .max_by(|x, y| {
            x.similarity
                .total_cmp(&y.similarity)
                .then_with(|| y.other(r).cmp(&x.other(r)))
        })
}

/// `label` with a capital first letter, to open a line ("words cut" → "Words cut").
pub fn capitalised(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `text` in quotation marks, unless it is already a quotation.
pub fn quoted(text: &str) -> String {
    let text = text.trim();
    let starts_quoted = text.starts_with(['"', '“', '\'', '‘', '«']);
    if starts_quoted {
        text.to_owned()
    } else {
        format!("“{text}”")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A comparison of three short texts whose lineage is replaced by `lineage`.
    fn with_lineage(lineage: Vec<Descent>) -> Comparison {
        use crate::article::{Article, Format};
        use crate::compare::{Options, compare};
        let articles = ["North.", "South.", "East."]
            .iter()
            .map(|&t| Article::from_text(t, "t.txt", t, Format::Text))
            .collect();
        let mut c = compare(articles, &Options::default());
        c.lineage = lineage;
        c
    }

    fn edge(original: usize, copy: usize, known: bool) -> Descent {
        Descent {
            original,
            copy,
            known,
            confidence: 0.5,
            shared: 0.9,
            clues: Vec::new(),
        }
    }

    #[test]
    fn every_version_is_drawn_once_and_originals_above_their_copies() {
        // Two undetermined edges written towards the same version: drawn once, in one tree.
        let c = with_lineage(vec![edge(0, 1, false), edge(2, 1, false)]);
        let hanging = Hanging::new(&c);
        assert_eq!(hanging.roots().len(), 1);
        let drawn: Vec<usize> = text_order(&c).iter().map(|&(a, _)| a).collect();
        let mut sorted = drawn.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, [0, 1, 2]);
        // A known original is the top, its copy below it and the undetermined neighbour below.
        let c = with_lineage(vec![edge(2, 1, true), edge(0, 1, false)]);
        let hanging = Hanging::new(&c);
        assert_eq!(hanging.roots(), [2]);
        assert_eq!(text_order(&c), [(2, None), (1, Some(2)), (0, Some(1))]);
    }

    #[test]
    fn labels_open_with_a_capital_and_quotations_are_not_quoted_twice() {
        assert_eq!(capitalised("words cut"), "Words cut");
        assert_eq!(capitalised(""), "");
        assert_eq!(quoted("Crews left."), "“Crews left.”");
        assert_eq!(quoted("\"We stay,\" she said."), "\"We stay,\" she said.");
    }
}
