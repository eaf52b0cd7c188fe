//! Omissions: content that most articles carry and one article lacks.

use super::most_common;
use crate::article::{Article, collapse_whitespace};
use crate::compare::{Group, Omission};

/// For each group carried by at least two articles and by more than half of the articles other
/// than X, an omission for every article X that lacks it.
pub fn find(articles: &[Article], groups: &[Group]) -> Vec<Omission> {
    let n = articles.len();
    let mut out = Vec::new();
    for (index, group) in groups.iter().enumerate() {
        let mut present: Vec<usize> = group.members.iter().map(|m| m.article).collect();
        present.dedup();
        if present.len() < 2 || 2 * present.len() < n || present.len() == n {
            continue;
        }

        let Some(text) = representative_text(articles, group) else {
            continue;
        };
        for article in (0..n).filter(|a| !present.contains(a)) {
            out.push(Omission {
                article,
                group: index,
                present_in: present.clone(),
                text: text.clone(),
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
