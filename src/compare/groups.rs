//! Groups (clusters of sentences linked directly or through each other, for display) and each
//! sentence's status: identical, reworded or unique, and in how many articles its content
//! appears. That count is taken from the sentence's own links, never through a chain of links:
//! a sentence like one of the group's members, which is like another, need not be like that
//! other, and "in k of N articles" must be true of the sentence itself.

use super::{Group, Link, LinkKind, SentenceInfo, SentenceRef, Status};
use crate::article::Article;

/// Disjoint sets over all sentences, numbered globally.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(size: usize) -> Self {
        UnionFind {
            parent: (0..size).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller id becomes the root, so the result never depends on link order.
            let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[high] = low;
        }
    }
}

/// Groups and per-sentence facts derived from `links`. With `along_tree` (the links join each
/// version only to its neighbours in the version tree), a sentence is carried by every article
/// its group reaches along the tree, not only by its direct neighbours.
pub fn build(
    articles: &[Article],
    links: &[Link],
    along_tree: bool,
) -> (Vec<Group>, Vec<Vec<SentenceInfo>>) {
    let offsets: Vec<usize> = articles
        .iter()
        .scan(0, |acc, a| {
            let start = *acc;
            *acc += a.sentences.len();
            Some(start)
        })
        .collect();
    let total: usize = articles.iter().map(|a| a.sentences.len()).sum();
    let global = |r: SentenceRef| offsets[r.article] + r.sentence;

    let mut sets = UnionFind::new(total);
    for link in links {
        sets.union(global(link.a), global(link.b));
    }
    let mut info: Vec<Vec<SentenceInfo>> = articles
        .iter()
        .map(|a| {
            vec![
                SentenceInfo {
                    status: Status::Unique,
                    group: None,
                    links: Vec::new(),
                    shared_by: 1,
                };
                a.sentences.len()
            ]
        })
        .collect();
    for (index, link) in links.iter().enumerate() {
        for end in [link.a, link.b] {
            let entry = &mut info[end.article][end.sentence];
            entry.links.push(index);
            entry.status = match (entry.status, link.kind) {
                (_, LinkKind::Identical) | (Status::Identical, _) => Status::Identical,
                _ => Status::Reworded,
            };
        }
    }

    // Groups in order of their first member (the union-find root is the smallest global id).
    let mut group_of_root = vec![usize::MAX; total];
    let mut groups: Vec<Group> = Vec::new();
    for (article, sentences) in info.iter_mut().enumerate() {
        for (sentence, entry) in sentences.iter_mut().enumerate() {
            if entry.links.is_empty() {
                continue;
            }
            let root = sets.find(global(SentenceRef::new(article, sentence)));
            if group_of_root[root] == usize::MAX {
                group_of_root[root] = groups.len();
                groups.push(Group {
                    members: Vec::new(),
                    kind: LinkKind::Identical,
                    articles: 0,
                });
            }
            let group = group_of_root[root];
            groups[group]
                .members
                .push(SentenceRef::new(article, sentence));
            entry.group = Some(group);
        }
    }
    for link in links {
        if let Some(group) = info[link.a.article][link.a.sentence].group
            && link.kind == LinkKind::Reworded
        {
            groups[group].kind = LinkKind::Reworded;
        }
    }
    for group in &mut groups {
        let mut articles_in: Vec<usize> = group.members.iter().map(|m| m.article).collect();
        articles_in.dedup();
        group.articles = articles_in.len();
    }
    for (article, sentences) in info.iter_mut().enumerate() {
        for (sentence, entry) in sentences.iter_mut().enumerate() {
            if along_tree {
                entry.shared_by = entry.group.map_or(1, |g| groups[g].articles);
                continue;
            }
            let here = SentenceRef::new(article, sentence);
            let mut others: Vec<usize> = entry
                .links
                .iter()
                .map(|&k| links[k].other(here).article)
                .collect();
            others.sort_unstable();
            others.dedup();
            entry.shared_by = 1 + others.len();
        }
    }
    (groups, info)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;

    fn link(a: (usize, usize), b: (usize, usize)) -> Link {
        Link {
            a: a.into(),
            b: b.into(),
            kind: LinkKind::Reworded,
            similarity: 0.5,
            edits: Vec::new(),
        }
    }

    #[test]
    fn shared_by_counts_direct_links_only_while_groups_follow_chains() {
        let articles: Vec<Article> = ["One line here.", "Another line.", "A third line."]
            .iter()
            .enumerate()
            .map(|(i, t)| {
                Article::from_text(format!("a{i}"), format!("a{i}.txt"), *t, Format::Text)
            })
            .collect();
        // 0 is like 1 and 1 like 2, but 0 is not like 2.
        let links = [link((0, 0), (1, 0)), link((1, 0), (2, 0))];
        let (groups, info) = build(&articles, &links, false);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].articles, 3);
        let shared: Vec<usize> = info.iter().map(|a| a[0].shared_by).collect();
        assert_eq!(shared, [2, 3, 2]);
    }
}
