//! Findings no plain diff shows: systematic substitutions, altered quotes, conflicting figures and
//! omissions. Each is derived from the links and their word edits, never from raw text alone.

pub mod counterparts;
mod figures;
mod grouping;
mod numbers;
mod omissions;
mod quotes;
mod substitutions;
mod wording;

use super::prepare::PreparedSet;
use super::{Group, Link, NumberFact, Omission, QuoteChange, SentenceRef, Substitution};
use crate::article::Article;

use std::collections::BTreeMap;

pub use grouping::{SubstitutionGroup, group_substitutions};
pub use numbers::sort_facts;
pub use quotes::quoted_spans;

/// Everything the findings stage produces.
pub struct Findings {
    /// Aggregated word and phrase substitutions.
    pub substitutions: Vec<Substitution>,
    /// Quotations that differ between linked sentences.
    pub quote_changes: Vec<QuoteChange>,
    /// Quantities reported with different figures.
    pub numbers: Vec<NumberFact>,
    /// Content most articles carry that one lacks.
    pub omissions: Vec<Omission>,
}

/// Computes all findings. `set` must be in the same article order as `articles`; `rank[i]` is
/// article `i`'s position in the canonical (content) order.
pub fn find(
    articles: &[Article],
    set: &PreparedSet,
    links: &[Link],
    near: &[(SentenceRef, SentenceRef)],
    groups: &[Group],
    rank: &[usize],
) -> Findings {
    let closest = counterparts::closest_of_either_end(links);
    // The four kinds are independent of one another: found side by side.
    let ((substitutions, quote_changes), (numbers, omissions)) = rayon::join(
        || {
            rayon::join(
                || find_substitutions(articles, links, &closest),
                || quotes::find(articles, set, links, &closest),
            )
        },
        || {
            rayon::join(
                || numbers::find(articles, set, links, &closest, near, rank),
                || find_omissions(articles, links, groups),
            )
        },
    );
    Findings {
        substitutions,
        quote_changes,
        numbers,
        omissions,
    }
}

/// The most frequent of `items` (ties: the alphabetically first), so a choice among articles'
/// wordings never depends on which article happens to come first.
fn most_common(items: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    let best = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(item, _)| item)
}

pub use omissions::find as find_omissions;
pub use substitutions::find as find_substitutions;
