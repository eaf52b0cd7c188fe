//! Omissions: content that most versions of one story carry and one version lacks.
//!
//! Only versions of one story are held against each other: an independent article on the same
//! events does not "lack" the wire copy's sentences. Whether two articles are versions of one
//! story is decided by [`are_versions`], from how much of their text is linked.

use std::collections::BTreeSet;

use super::most_common;
use crate::article::{Article, collapse_whitespace};
use crate::compare::{Group, Link, Omission};

/// Share of the smaller side's text that must be linked to the other article for the two to be
/// versions of one story (reworded or trimmed copies, a first take and its write-through).
const VERSION_SHARE: f32 = 0.35;

/// For each group, an omission for every article X that lacks it while at least two of X's
/// versions, and more than half of them, carry it.
pub fn find(articles: &[Article], links: &[Link], groups: &[Group]) -> Vec<Omission> {
    let n = articles.len();
    let shares = linked_shares(articles, links);
    let versions: Vec<Vec<usize>> = (0..n)
        .map(|x| (0..n).filter(|&y| are_versions(&shares, x, y)).collect())
        .collect();
    let mut out = Vec::new();
    for (index, group) in groups.iter().enumerate() {
        let present: BTreeSet<usize> = group.members.iter().map(|m| m.article).collect();
        let mut text = None;
        for article in (0..n).filter(|a| !present.contains(a)) {
            let carried: Vec<usize> = versions[article]
                .iter()
                .copied()
                .filter(|v| present.contains(v))
                .collect();
            if carried.len() < 2 || 2 * carried.len() <= versions[article].len() {
                continue;
            }
            let Some(text) = text
                .get_or_insert_with(|| representative_text(articles, group))
                .clone()
            else {
                continue;
            };
            out.push(Omission {
                article,
                group: index,
                present_in: carried,
                text,
            });
        }
    }
    out.sort_by_key(|o| (o.article, o.group));
    out
}

/// Whether articles `x` and `y` are versions of one story: either has a large share of its text
/// linked to the other. (The one place this is decided; a version tree can replace it.)
pub fn are_versions(shares: &[Vec<f32>], x: usize, y: usize) -> bool {
    x != y && shares[x][y].max(shares[y][x]) >= VERSION_SHARE
}

/// `shares[x][y]`: the share of article `x`'s sentence characters in sentences linked to `y`.
fn linked_shares(articles: &[Article], links: &[Link]) -> Vec<Vec<f32>> {
    let n = articles.len();
    let mut linked: Vec<Vec<BTreeSet<usize>>> = vec![vec![BTreeSet::new(); n]; n];
    for link in links {
        linked[link.a.article][link.b.article].insert(link.a.sentence);
        linked[link.b.article][link.a.article].insert(link.b.sentence);
    }
    let length = |article: &Article, s: usize| article.sentences[s].range().len();
    (0..n)
        .map(|x| {
            let total: usize = (0..articles[x].sentences.len())
                .map(|s| length(&articles[x], s))
                .sum();
            (0..n)
                .map(|y| {
                    let covered: usize =
                        linked[x][y].iter().map(|&s| length(&articles[x], s)).sum();
                    covered as f32 / total.max(1) as f32
                })
                .collect()
        })
        .collect()
}

/// The wording most members of the group share, so the choice does not depend on article order.
fn representative_text(articles: &[Article], group: &Group) -> Option<String> {
    most_common(
        group
            .members
            .iter()
            .map(|m| collapse_whitespace(articles[m.article].sentence_text(m.sentence))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_need_a_large_linked_share_on_one_side() {
        let shares = vec![
            vec![1.0, 0.8, 0.1],
            vec![0.3, 1.0, 0.05],
            vec![0.1, 0.1, 1.0],
        ];
        assert!(are_versions(&shares, 0, 1) && are_versions(&shares, 1, 0));
        assert!(!are_versions(&shares, 0, 2) && !are_versions(&shares, 1, 2));
        assert!(!are_versions(&shares, 0, 0));
    }
}
