//! Omissions: content that most versions of one story carry and one version lacks.
//!
//! Only versions of one story (the same tree of [`Version`]s) are held against each other: an
//! independent article on the same events does not "lack" the wire copy's sentences. (What each
//! copy cut from its own original is listed along the tree, see [`super::cuts`].)

use std::collections::BTreeSet;

use super::most_common;
use crate::article::{Article, collapse_whitespace};
use crate::compare::{Group, Omission, Version};

/// For each group, an omission for every article X that lacks it while at least two of X's
/// versions, and more than half of them, carry it.
pub fn find(articles: &[Article], groups: &[Group], versions: &[Version]) -> Vec<Omission> {
    let n = articles.len();
    let stories: Vec<Vec<usize>> = (0..n)
        .map(|x| {
            (0..n)
                .filter(|&y| y != x && versions[y].story == versions[x].story)
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    for (index, group) in groups.iter().enumerate() {
        let present: BTreeSet<usize> = group.members.iter().map(|m| m.article).collect();
        let mut text = None;
        for article in (0..n).filter(|a| !present.contains(a)) {
            let carried: Vec<usize> = stories[article]
                .iter()
                .copied()
                .filter(|v| present.contains(v))
                .collect();
            if carried.len() < 2 || 2 * carried.len() <= stories[article].len() {
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

/// The wording most members of the group share, so the choice does not depend on article order.
fn representative_text(articles: &[Article], group: &Group) -> Option<String> {
    most_common(
        group
            .members
            .iter()
            .map(|m| collapse_whitespace(articles[m.article].sentence_text(m.sentence))),
    )
}
