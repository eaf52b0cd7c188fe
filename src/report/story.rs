//! What the HTML and PDF reports both read from a comparison about the story as a whole: its
//! title, the version tree walked from its roots, and which side of a pair of versions is the
//! copy (so that only a copy's changes are marked as changes).

use std::ops::Range;

use crate::article::Role;
use crate::compare::{Comparison, Descent, Link, LinkKind, SentenceRef};
use crate::report::rows::Cells;

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
        if descends_from(c, own, other) {
            Marking::Copy
        } else if descends_from(c, other, own) {
            Marking::Original
        } else {
            Marking::Neutral
        }
    }
}

/// Whether `copy` was made from `original`, directly or through other copies, along the known
/// directions of the lineage.
pub fn descends_from(c: &Comparison, copy: usize, original: usize) -> bool {
    let mut current = copy;
    // A tree has fewer edges than versions, so a walk up it is at most that long.
    for _ in 0..c.lineage.len() {
        let Some(parent) = c
            .lineage
            .iter()
            .find(|d| d.known && d.copy == current)
            .map(|d| d.original)
        else {
            return false;
        };
        if parent == original {
            return true;
        }
        current = parent;
    }
    false
}

/// The tops of the version trees along the lineage: versions that are no other's copy (an edge
/// of undetermined direction counts its second end, in content order, as below its first).
pub fn lineage_roots(c: &Comparison) -> Vec<usize> {
    (0..c.articles.len())
        .filter(|&i| {
            let in_tree = c.lineage.iter().any(|d| d.original == i || d.copy == i);
            in_tree && !c.lineage.iter().any(|d| d.copy == i)
        })
        .collect()
}

/// The lineage's edges down from `article` to the versions made from it (or, undetermined,
/// hung below it).
pub fn descents_from(c: &Comparison, article: usize) -> Vec<&Descent> {
    c.lineage.iter().filter(|d| d.original == article).collect()
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

/// Every article once, each original before its copies (depth first down the lineage), with
/// the version it is shown against: its original (for an undetermined edge, the edge's first
/// end), or none for the top of a tree and an article that is a version of no other.
pub fn text_order(c: &Comparison) -> Vec<(usize, Option<usize>)> {
    let mut order = Vec::with_capacity(c.articles.len());
    let mut seen = vec![false; c.articles.len()];
    let tops = lineage_roots(c)
        .into_iter()
        .chain(0..c.articles.len())
        .collect::<Vec<_>>();
    for top in tops {
        down_from(c, top, None, &mut seen, &mut order);
    }
    order
}

fn down_from(
    c: &Comparison,
    article: usize,
    against: Option<usize>,
    seen: &mut [bool],
    order: &mut Vec<(usize, Option<usize>)>,
) {
    if std::mem::replace(&mut seen[article], true) {
        return;
    }
    order.push((article, against));
    for d in descents_from(c, article) {
        down_from(c, d.copy, Some(article), seen, order);
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

    #[test]
    fn labels_open_with_a_capital_and_quotations_are_not_quoted_twice() {
        assert_eq!(capitalised("words cut"), "Words cut");
        assert_eq!(capitalised(""), "");
        assert_eq!(quoted("Crews left."), "“Crews left.”");
        assert_eq!(quoted("\"We stay,\" she said."), "\"We stay,\" she said.");
    }
}
