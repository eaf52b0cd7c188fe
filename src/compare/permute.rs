//! Reordering the articles of a finished comparison without comparing again: every index is
//! remapped and every derived list rebuilt or re-sorted exactly as [`super::compare`] orders it,
//! so the result equals comparing the reordered articles from scratch.

use super::direction::{self, Orientation};
use super::findings::counterparts::closest_of_either_end;
use super::findings::{
    find_attribution_changes, find_cuts_and_additions, find_key_changes, find_omissions,
    find_substitutions, order_mentions_by_descent, orient_quote_changes, orient_substitutions,
    sort_facts,
};
use super::{
    Comparison, Descent, Link, SentenceRef, canonical_order, flip, groups, moved_versions, stats,
    versions,
};

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

        let mut rank = vec![0; order.len()];
        for (position, &article) in canonical_order(&articles).iter().enumerate() {
            rank[article] = position;
        }
        let mut lineage: Vec<Descent> = self
            .lineage
            .iter()
            .map(|d| Descent {
                original: new_of_old[d.original],
                copy: new_of_old[d.copy],
                ..d.clone()
            })
            .collect();
        lineage.sort_by_key(|d| (d.original, d.copy));
        let orientation = Orientation::new(&lineage, &rank, self.options.all_pairs);
        let closest = closest_of_either_end(&links);

        let mut quote_changes = self.quote_changes.clone();
        for q in &mut quote_changes {
            (q.a, q.b) = (remap(q.a), remap(q.b));
        }

        let mut numbers = self.numbers.clone();
        for fact in &mut numbers {
            for m in &mut fact.mentions {
                m.article = new_of_old[m.article];
            }
        }
        order_mentions_by_descent(&mut numbers, &lineage);
        sort_facts(&mut numbers);

        let (cuts, additions) =
            find_cuts_and_additions(&articles, &links, &closest, &lineage, &rank);
        let mut stats = stats::compute(&articles, &links, &sentences);
        stats.derivations = direction::derivations(&lineage, &stats.overlap);
        let mut permuted = Comparison {
            substitutions: orient_substitutions(
                find_substitutions(&articles, &links, &closest),
                &orientation,
            ),
            omissions: find_omissions(&articles, &groups, &versions),
            cuts,
            additions,
            attribution_changes: find_attribution_changes(
                &articles,
                &links,
                &closest,
                &orientation,
            ),
            quote_changes: orient_quote_changes(quote_changes, &orientation),
            stats,
            articles,
            options: self.options,
            versions,
            links,
            groups,
            sentences,
            numbers,
            lineage,
            key_changes: Vec::new(),
        };
        permuted.key_changes = find_key_changes(&permuted);
        permuted
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
