//! Omissions: content that most versions of one story carry and one version lacks.
//!
//! Only versions of one story (the same tree of [`Version`]s) are held against each other: an
//! independent article on the same events does not "lack" the wire copy's sentences. (What each
//! copy cut from its own original is listed along the tree, see [`super::cuts`].)

use std::collections::BTreeSet;

use super::{is_story_text, most_common};
use crate::article::{Article, collapse_whitespace};
use crate::compare::{Group, Omission, Version};

/// For each group of story text (see [`is_story_text`]), an omission for every article X that
/// lacks it while at least two of X's versions, and more than half of them, carry it.
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
        // A headline, dateline or byline another version words otherwise is no content lacked.
        if !group.members.iter().any(|&m| is_story_text(articles, m)) {
            continue;
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Format, Role};
    use crate::compare::SentenceRef;

    fn version(story: usize) -> Version {
        Version {
            closest: None,
            shared: 0.0,
            story,
        }
    }

    #[test]
    fn only_versions_of_one_story_lack_what_the_others_carry() {
        let articles: Vec<Article> = (0..4)
            .map(|i| {
                Article::from_text(format!("a{i}"), "x.txt", "One sentence here.", Format::Text)
            })
            .collect();
        // Articles 0, 1 and 2 are versions of one story; 3 is an independent report.
        let versions = [version(0), version(0), version(0), version(1)];
        let group = Group {
            members: vec![SentenceRef::new(0, 0), SentenceRef::new(1, 0)],
            kind: crate::compare::LinkKind::Identical,
            articles: 2,
        };
        let found = find(&articles, &[group], &versions);
        let lacking: Vec<usize> = found.iter().map(|o| o.article).collect();
        assert_eq!(lacking, [2]);
        assert_eq!(found[0].present_in, [0, 1]);
    }

    #[test]
    fn a_headline_or_dateline_worded_otherwise_is_not_lacked() {
        let text =
            "Bridge Closed After Cracks Found\n\nOAKVILLE (AP) — Engineers closed the bridge.";
        let articles: Vec<Article> = (0..3)
            .map(|i| Article::from_text(format!("a{i}"), "x.txt", text, Format::Text))
            .collect();
        let roles: Vec<Role> = articles[0].sentences.iter().map(|s| s.role).collect();
        assert_eq!(roles, [Role::Headline, Role::Dateline, Role::Body]);
        let versions = [version(0), version(0), version(0)];
        let group = |sentence| Group {
            members: vec![SentenceRef::new(0, sentence), SentenceRef::new(1, sentence)],
            kind: crate::compare::LinkKind::Identical,
            articles: 2,
        };
        let groups: Vec<Group> = (0..3).map(group).collect();
        let lacked: Vec<usize> = find(&articles, &groups, &versions)
            .iter()
            .map(|o| o.group)
            .collect();
        assert_eq!(lacked, [2]);
    }
}
