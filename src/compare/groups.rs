//! Groups (clusters of sentences linked directly or through each other) and each sentence's
//! status: identical, reworded or unique, and in how many articles its content appears.

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

/// Groups and per-sentence facts derived from `links`.
pub fn build(articles: &[Article], links: &[Link]) -> (Vec<Group>, Vec<Vec<SentenceInfo>>) {
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
        for member in &group.members {
            info[member.article][member.sentence].shared_by = group.articles;
        }
    }
    (groups, info)
}
