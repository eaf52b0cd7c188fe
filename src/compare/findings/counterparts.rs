//! Which of a sentence's links is its closest counterpart: decided here once, for the findings,
//! the app's marks and every report, so they never disagree about it.
//!
//! A sentence may be linked to several sentences of one other article (a near-duplicate sentence
//! there, a split). Findings are read only from links that are the closest counterpart in the
//! other article of at least one of their ends: a sentence compared with its copy's
//! near-duplicate (each having a closer counterpart of its own) is not a rewrite, while each
//! half of a split sentence still is.

use std::cmp::Ordering;

use crate::compare::{Comparison, FastMap, Link, LinkKind, SentenceRef};

/// How two links of one sentence rank as its counterpart: more similar first, identical before
/// reworded, then the earlier sentence on the other side (so ties never depend on link order).
fn closer(here: SentenceRef, x: &Link, y: &Link) -> Ordering {
    rounded(y.similarity)
        .total_cmp(&rounded(x.similarity))
        .then_with(|| (x.kind != LinkKind::Identical).cmp(&(y.kind != LinkKind::Identical)))
        .then_with(|| x.other(here).cmp(&y.other(here)))
}

/// Similarity to four decimals, as reports print it, so a view and a report pick the same link.
fn rounded(similarity: f32) -> f32 {
    (similarity * 1e4).round() / 1e4
}

/// The link of `here` with its closest counterpart in any other article.
pub fn closest_link(c: &Comparison, here: SentenceRef) -> Option<&Link> {
    c.links_of(here).min_by(|x, y| closer(here, x, y))
}

/// For each link, whether it is the closest counterpart in the other article of either end.
pub fn closest_of_either_end(links: &[Link]) -> Vec<bool> {
    let mut best: FastMap<(SentenceRef, usize), usize> = FastMap::default();
    for (index, link) in links.iter().enumerate() {
        for (here, there) in [(link.a, link.b), (link.b, link.a)] {
            best.entry((here, there.article))
                .and_modify(|current| {
                    if closer(here, link, &links[*current]) == Ordering::Less {
                        *current = index;
                    }
                })
                .or_insert(index);
        }
    }
    links
        .iter()
        .enumerate()
        .map(|(index, link)| {
            best.get(&(link.a, link.b.article)) == Some(&index)
                || best.get(&(link.b, link.a.article)) == Some(&index)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: (usize, usize), b: (usize, usize), similarity: f32) -> Link {
        Link {
            a: a.into(),
            b: b.into(),
            kind: if similarity >= 1.0 {
                LinkKind::Identical
            } else {
                LinkKind::Reworded
            },
            similarity,
            edits: Vec::new(),
        }
    }

    #[test]
    fn a_near_duplicate_is_not_a_counterpart() {
        // Sentences 0 and 3 of each copy are near-identical: each is linked to both.
        let links = [
            link((0, 0), (1, 0), 1.0),
            link((0, 0), (1, 3), 0.9),
            link((0, 3), (1, 0), 0.9),
            link((0, 3), (1, 3), 1.0),
        ];
        assert_eq!(closest_of_either_end(&links), [true, false, false, true]);
    }

    #[test]
    fn both_halves_of_a_split_count() {
        let links = [link((0, 0), (1, 0), 0.7), link((0, 0), (1, 1), 0.6)];
        assert_eq!(closest_of_either_end(&links), [true, true]);
    }

    #[test]
    fn each_article_has_its_own_closest() {
        let links = [link((0, 0), (1, 0), 0.6), link((0, 0), (2, 5), 0.9)];
        assert_eq!(closest_of_either_end(&links), [true, true]);
    }
}
