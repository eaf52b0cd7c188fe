//! The comparison engine: from a set of [`Article`]s to a [`Comparison`].
//!
//! Pipeline (each stage its own module, data flowing one way):
//! normalise words ([`normalize`]) → find candidate sentence pairs through an inverted index
//! ([`index`]) → score and select links ([`align`]) → links by position between them
//! ([`sequence`]) and links a third version vouches for ([`witness`]) → word-level edits
//! ([`diff`]) → groups and
//! per-sentence status ([`groups`]) → who copied whom along the version tree ([`direction`]) →
//! findings, oriented along it ([`findings`]) → statistics ([`stats`]).
//! Pure: no I/O, no GUI, and the result does not depend on the order the articles are given in.

mod align;
mod diff;
pub mod direction;
pub mod findings;
mod groups;
mod index;
pub mod marks;
pub mod model;
pub mod normalize;
mod permute;
mod prepare;
mod sequence;
mod stats;
mod tiling;
mod versions;
mod witness;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::Article;
pub use model::*;
pub use normalize::Normalization;
use prepare::{Prepared, PreparedSet};

/// A hash map with a fast, fixed-seed hasher: quick for the engine's many small keys, and the
/// same on every run (no code may depend on its iteration order anyway).
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
/// A set hashed as [`FastMap`] is.
pub(crate) type FastSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;

/// Settings of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Minimum similarity (0–1) for two sentences to be linked as a rewording.
    pub threshold: f32,
    /// What differences count as "the same words".
    pub normalization: Normalization,
    /// Align every pair of articles even above [`ALL_PAIRS_UP_TO`] articles, instead of each
    /// version with its closest only (the version tree), and read findings between every pair
    /// (siblings and articles of different stories too), not along the tree only.
    pub all_pairs: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: align::DEFAULT_THRESHOLD,
            normalization: Normalization::default(),
            all_pairs: false,
        }
    }
}

pub use versions::ALL_PAIRS_UP_TO;

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
///
/// Links are found with the articles in a canonical order (by content), so the result is the
/// same whatever order they are given in; it is then expressed in the order given.
pub fn compare_with_progress(
    articles: Vec<Article>,
    options: &Options,
    progress: &dyn Progress,
) -> Result<Comparison, Cancelled> {
    let order = canonical_order(&articles);
    let in_order: Vec<&Article> = order.iter().map(|&i| &articles[i]).collect();
    let canonical = timed("tokenising", || {
        PreparedSet::new(&in_order, options.normalization)
    });
    let mut rank = vec![0; order.len()];
    for (canonical, &input) in order.iter().enumerate() {
        rank[input] = canonical;
    }
    let canonical_rank: Vec<usize> = (0..order.len()).collect();
    let along_tree = versions::along_tree(articles.len(), options.all_pairs);
    let sketched_tree = along_tree.then(|| {
        timed("sketching versions", || {
            versions::forest(&versions::estimated_shares(&canonical), &canonical_rank)
        })
    });
    let compared = |a: usize, b: usize| {
        sketched_tree
            .as_ref()
            .is_none_or(|tree| versions::are_neighbours(tree, a, b))
    };
    let repeats = timed("finding repeated sentences", || {
        align::Repeats::find(&canonical)
    });
    let identical = timed("finding identical sentences", || {
        align::identical_pairs(&canonical, &compared)
    });
    let candidates = timed("finding candidates", || {
        let bar = align::candidate_bar(options.threshold);
        index::candidate_pairs(
            &canonical,
            bar,
            &compared,
            &repeats.repeated,
            &identical.twins,
            progress,
        )
    })?;
    let mut alignment = timed("scoring candidates", || {
        align::select_links(
            &canonical,
            candidates,
            identical.pairs,
            options.threshold,
            progress,
        )
    })?;
    alignment.links = repeats.spread(alignment.links);
    let confident = alignment.links.clone();
    timed("aligning in order", || {
        alignment.revise(sequence::revise(&canonical, &alignment.links))
    });
    timed("links vouched for by a third version", || {
        let added = witness::vouched_links(&canonical, &alignment.links, &confident, &compared);
        alignment.revise(sequence::Revision {
            added,
            dropped: Vec::new(),
        })
    });
    // The tree is read off the links. Along a sketched tree, links join only its neighbours:
    // the tree read off them is the sketched one without the edges that are no versions
    // (independent reports whose wording samples looked alike).
    let tree = timed("reading the version tree", || {
        let links: Vec<_> = alignment
            .links
            .iter()
            .map(|d| (d.a, d.b, d.similarity))
            .collect();
        let shares = versions::version_shares(&in_order, &links);
        versions::forest(&shares, &canonical_rank)
    });
    let mut versions = moved_versions(&tree, &order);
    progress.update("comparing words", 0, alignment.links.len());
    let mut links: Vec<Link> = timed("diffing links", || {
        let pairs: Vec<(&Prepared, &Prepared)> = alignment
            .links
            .iter()
            .map(|d| (canonical.at(d.a), canonical.at(d.b)))
            .collect();
        let edits = diff::word_edits_of_pairs(&pairs);
        alignment
            .links
            .par_iter()
            .zip(edits)
            .map(|(d, edits)| link_in_input_order(d, edits, &order))
            .collect()
    });
    let to_input = |r: SentenceRef| SentenceRef::new(order[r.article], r.sentence);
    let mut near: Vec<(SentenceRef, SentenceRef)> = alignment
        .near
        .iter()
        .map(|&(a, b)| {
            let (a, b) = (to_input(a), to_input(b));
            if a < b { (a, b) } else { (b, a) }
        })
        .collect();
    near.sort_unstable();
    links.sort_by_key(|l| (l.a, l.b));
    if progress.is_cancelled() {
        return Err(Cancelled);
    }
    progress.update("collecting findings", 0, 1);
    let prepared = canonical.reordered(&order);
    let (groups, sentences) = timed("grouping", || groups::build(&articles, &links, along_tree));
    let closest = timed("closest counterparts", || {
        findings::counterparts::closest_of_either_end(&links)
    });
    let lineage = timed("lineage", || {
        direction::lineage(&articles, &versions, &links, &closest, &rank)
    });
    versions::rooted_at_originals(&mut versions, &lineage, &rank);
    let orientation = direction::Orientation::new(&lineage, &rank, options.all_pairs);
    let found = timed("findings", || {
        let context = findings::Context {
            set: &prepared,
            near: &near,
            groups: &groups,
            rank: &rank,
            versions: &versions,
            lineage: &lineage,
            orientation: &orientation,
            closest: &closest,
        };
        findings::find(&articles, &links, &context)
    });
    let mut stats = timed("stats", || stats::compute(&articles, &links, &sentences));
    stats.derivations = direction::derivations(&lineage, &stats.overlap);
    timed("freeing tokens", || drop(prepared));
    let mut comparison = Comparison {
        articles,
        options: *options,
        versions,
        links,
        groups,
        sentences,
        substitutions: found.substitutions,
        quote_changes: found.quote_changes,
        numbers: found.numbers,
        omissions: found.omissions,
        stats,
        lineage,
        cuts: found.cuts,
        additions: found.additions,
        attribution_changes: found.attribution_changes,
        key_changes: Vec::new(),
    };
    comparison.key_changes = timed("key changes", || findings::find_key_changes(&comparison));
    Ok(comparison)
}

/// The version tree with its articles moved: `destination[i]` is the new index of article `i`.
/// Stories are numbered again in order of their first article at the new positions.
fn moved_versions(tree: &[Version], destination: &[usize]) -> Vec<Version> {
    let order = destination;
    let mut first_of_story = vec![usize::MAX; tree.len()];
    for (c, v) in tree.iter().enumerate() {
        first_of_story[v.story] = first_of_story[v.story].min(order[c]);
    }
    let mut stories: Vec<usize> = (0..tree.len())
        .filter(|&s| first_of_story[s] != usize::MAX)
        .collect();
    stories.sort_by_key(|&s| first_of_story[s]);
    let mut renumbered = vec![0; tree.len()];
    for (new, &old) in stories.iter().enumerate() {
        renumbered[old] = new;
    }
    let mut versions = vec![
        Version {
            closest: None,
            shared: 0.0,
            story: 0
        };
        tree.len()
    ];
    for (c, v) in tree.iter().enumerate() {
        versions[order[c]] = Version {
            closest: v.closest.map(|p| order[p]),
            shared: v.shared,
            story: renumbered[v.story],
        };
    }
    versions
}

/// Runs `work`, logging how long it took (`RUST_LOG=parallax=debug` shows the phases).
pub(crate) fn timed<T>(phase: &str, work: impl FnOnce() -> T) -> T {
    let started = std::time::Instant::now();
    let result = work();
    log::debug!("{phase}: {:.1} ms", started.elapsed().as_secs_f64() * 1e3);
    result
}

/// Article indices sorted by content (text, then label, then source): `order[c]` is the input
/// index of the article at canonical position `c`.
pub(crate) fn canonical_order(articles: &[Article]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&x, &y| {
        let (a, b) = (&articles[x], &articles[y]);
        (&a.text, &a.label, &a.source).cmp(&(&b.text, &b.label, &b.source))
    });
    order
}

/// A decided link with its word `edits` (in canonical orientation), its ends renamed to input
/// indices and oriented so that `a` is the article given first. Edits are computed in canonical
/// orientation and flipped, so they too do not depend on input order.
fn link_in_input_order(d: &align::Decision, edits: Vec<Edit>, order: &[usize]) -> Link {
    let a = SentenceRef::new(order[d.a.article], d.a.sentence);
    let b = SentenceRef::new(order[d.b.article], d.b.sentence);
    let (a, b, edits) = if a.article < b.article {
        (a, b, edits)
    } else {
        (b, a, edits.into_iter().map(flip).collect())
    };
    Link {
        a,
        b,
        kind: d.kind,
        similarity: d.similarity,
        edits,
    }
}

/// The same edit seen from the other side.
fn flip(edit: Edit) -> Edit {
    let op = match edit.op {
        EditOp::Delete => EditOp::Insert,
        EditOp::Insert => EditOp::Delete,
        other => other,
    };
    Edit {
        op,
        a: edit.b,
        b: edit.a,
    }
}
