//! Findings no plain diff shows: systematic substitutions, altered quotes, conflicting figures and
//! omissions. Each is derived from the links and their word edits, never from raw text alone.

mod numbers;
mod omissions;
mod quotes;
mod substitutions;

use super::prepare::PreparedSet;
use super::{Group, Link, NumberFact, Omission, QuoteChange, Substitution};
use crate::article::Article;

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

/// Computes all findings. `set` must be in the same article order as `articles`.
pub fn find(articles: &[Article], set: &PreparedSet, links: &[Link], groups: &[Group]) -> Findings {
    Findings {
        substitutions: substitutions::find(articles, links),
        quote_changes: quotes::find(articles, set, links),
        numbers: numbers::find(articles, set, links),
        omissions: omissions::find(articles, groups),
    }
}
