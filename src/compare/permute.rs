//! Reordering the articles of a finished comparison without comparing again: every index is
//! remapped and every derived list rebuilt or re-sorted exactly as [`super::compare`] orders it,
//! so the result equals comparing the reordered articles from scratch.

use super::findings::counterparts::closest_of_either_end;
use super::findings::{find_omissions, find_substitutions, sort_facts};
use super::{Comparison, Link, SentenceRef, flip, groups, moved_versions, stats, versions};

impl Comparison {
    /// The comparison with its articles in a new order: `order[new_position]` is the current
    /// index of the article that moves there. `order` must be a permutation of `0..n`.
    pub fn permuted(&self, order: &[usize]) -> Comparison {
        let mut new_of_old = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_of_old[old] = new;
        }
        let remap = |r: SentenceRef| SentenceRef::new(new_of_old[r.article], r.sentence);
        let articles: Vec<_> = order
            .iter()
            .map(|&old| self.articles[old].clone())
            .collect();

        let mut links: Vec<Link> = self.links.iter().map(|l| remap_link(l, remap)).collect();
        links.sort_by_key(|l| (l.a, l.b));
        let along_tree = versions::along_tree(articles.len(), self.options.all_pairs);
        let (groups, sentences) = groups::build(&articles, &links, along_tree);
        let versions = moved_versions(&self.versions, &new_of_old);

        let mut quote_changes = self.quote_changes.clone();
        for q in &mut quote_changes {
            (q.a, q.b) = (remap(q.a), remap(q.b));
            if q.a.article > q.b.article {
                q.swap_sides();
            }
        }
        quote_changes.sort_by(|x, y| {
            (x.a, x.b, &x.a_quote, &x.b_quote).cmp(&(y.a, y.b, &y.a_quote, &y.b_quote))
        });

        let mut numbers = self.numbers.clone();
        for fact in &mut numbers {
            for m in &mut fact.mentions {
                m.article = new_of_old[m.article];
            }
            fact.mentions.sort_by_key(|m| (m.article, m.sentence));
        }
        sort_facts(&mut numbers);

        Comparison {
            substitutions: find_substitutions(&articles, &links, &closest_of_either_end(&links)),
            omissions: find_omissions(&articles, &links, &groups),
            stats: stats::compute(&articles, &links, &sentences),
            articles,
            options: self.options,
            versions,
            links,
            groups,
            sentences,
            quote_changes,
            numbers,
        }
    }
}

fn remap_link(link: &Link, remap: impl Fn(SentenceRef) -> SentenceRef) -> Link {
    let (a, b) = (remap(link.a), remap(link.b));
    if a.article < b.article {
        Link {
            a,
            b,
            ..link.clone()
        }
    } else {
        Link {
            a: b,
            b: a,
            edits: link.edits.iter().copied().map(flip).collect(),
            ..link.clone()
        }
    }
}
