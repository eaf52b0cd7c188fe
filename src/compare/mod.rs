//! The comparison engine: from a set of [`Article`]s to a [`Comparison`].
//!
//! Pipeline (each stage its own module, data flowing one way):
//! normalise words ([`normalize`]) → find candidate sentence pairs through an inverted index
//! ([`index`]) → score and select links ([`align`]) → word-level edits ([`diff`]) → groups and
//! per-sentence status ([`groups`]) → findings ([`findings`]) → statistics ([`stats`]).
//! Pure: no I/O, no GUI, and the result does not depend on the order the articles are given in.

mod align;
mod diff;
pub mod findings;
mod groups;
mod index;
pub mod model;
pub mod normalize;
mod stats;

use serde::{Deserialize, Serialize};

use crate::article::Article;
pub use model::*;
pub use normalize::Normalization;

/// Settings of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Minimum similarity (0–1) for two sentences to be linked as a rewording.
    pub threshold: f32,
    /// What differences count as "the same words".
    pub normalization: Normalization,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: align::DEFAULT_THRESHOLD,
            normalization: Normalization::default(),
        }
    }
}

/// Receives progress from a long comparison and may ask it to stop.
pub trait Progress: Sync {
    /// Called as work advances: `done` of `total` steps of the named stage.
    fn update(&self, stage: &'static str, done: usize, total: usize);
    /// Whether the caller wants the comparison abandoned.
    fn is_cancelled(&self) -> bool;
}

/// A [`Progress`] that ignores updates and never cancels.
pub struct NoProgress;

impl Progress for NoProgress {
    fn update(&self, _stage: &'static str, _done: usize, _total: usize) {}
    fn is_cancelled(&self) -> bool {
        false
    }
}

/// The comparison was abandoned because the [`Progress`] asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the comparison was cancelled")]
pub struct Cancelled;

/// Compares `articles` with each other.
pub fn compare(articles: Vec<Article>, options: &Options) -> Comparison {
    match compare_with_progress(articles, options, &NoProgress) {
        Ok(comparison) => comparison,
        Err(Cancelled) => unreachable!("NoProgress never cancels"),
    }
}

/// Compares `articles`, reporting progress and stopping early when asked.
pub fn compare_with_progress(
    articles: Vec<Article>,
    options: &Options,
    _progress: &dyn Progress,
) -> Result<Comparison, Cancelled> {
    let sentences = articles.iter().map(|a| a.sentences.iter().map(|_| SentenceInfo { status: Status::Unique, group: None, links: vec![], shared_by: 1 }).collect()).collect();
    Ok(Comparison { articles, options: *options, links: vec![], groups: vec![], sentences, substitutions: vec![], quote_changes: vec![], numbers: vec![], omissions: vec![], stats: Stats::default() })
}
