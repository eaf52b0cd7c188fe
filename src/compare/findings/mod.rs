//! Findings no plain diff shows: systematic substitutions, altered quotes, conflicting figures,
//! attribution changes, cuts, additions and omissions, and the key changes of each copy. Each is
//! derived from the links and their word edits, never from raw text alone, and oriented along
//! the version tree (original → copy where the direction is known; see [`super::direction`]).

mod attributions;
pub mod counterparts;
mod cuts;
mod figures;
mod grouping;
mod key_changes;
mod numbers;
mod omissions;
mod quotes;
mod subjects;
mod substitutions;
mod times;
mod wording;

use super::direction::Orientation;
use super::prepare::PreparedSet;
use super::{
    Addition, AttributionChange, Cut, Descent, Edit, EditOp, FastMap, Group, Link, NumberFact,
    Omission, QuoteChange, SentenceRef, Substitution, Version,
};
use crate::article::{Article, collapse_whitespace};

use std::borrow::Cow;
use std::collections::BTreeMap;

use rayon::prelude::*;

pub use grouping::{SubstitutionGroup, group_substitutions};
pub use key_changes::find as find_key_changes;
pub use numbers::{order_mentions_by_descent, sort_facts};

/// Everything the findings stage produces.
pub struct Findings {
    /// Aggregated word and phrase substitutions.
    pub substitutions: Vec<Substitution>,
    /// Quotations that differ between linked sentences.
    pub quote_changes: Vec<QuoteChange>,
    /// Quantities reported with different figures.
    pub numbers: Vec<NumberFact>,
    /// Content most versions carry that one lacks.
    pub omissions: Vec<Omission>,
    /// What each copy cut from its original.
    pub cuts: Vec<Cut>,
    /// What each copy added to what it took from its original.
    pub additions: Vec<Addition>,
    /// Claims whose source was dropped or changed.
    pub attribution_changes: Vec<AttributionChange>,
}

/// What the findings are computed from, besides the articles and their links.
pub struct Context<'c> {
    /// The articles' prepared words, in the same order as the articles.
    pub set: &'c PreparedSet,
    /// Sentence pairs that say much the same thing without being linked.
    pub near: &'c [(SentenceRef, SentenceRef)],
    /// The groups of linked sentences.
    pub groups: &'c [Group],
    /// `rank[i]`: article `i`'s position in the canonical (content) order.
    pub rank: &'c [usize],
    /// The version tree.
    pub versions: &'c [Version],
    /// Its edges, directed.
    pub lineage: &'c [Descent],
    /// How findings between two articles are oriented.
    pub orientation: &'c Orientation,
    /// Per link, whether it is the closest counterpart of either end.
    pub closest: &'c [bool],
}

/// Computes all findings.
pub fn find(articles: &[Article], links: &[Link], cx: &Context<'_>) -> Findings {
    let closest = cx.closest;
    // The kinds are independent of one another: found side by side.
    let (
        (substitutions, quote_changes),
        ((numbers, omissions), ((cuts, additions), attribution_changes)),
    ) = rayon::join(
        || {
            rayon::join(
                || {
                    super::timed("substitutions", || {
                        orient_substitutions(
                            find_substitutions(articles, links, closest),
                            cx.orientation,
                        )
                    })
                },
                || {
                    super::timed("quote changes", || {
                        orient_quote_changes(
                            quotes::find(articles, cx.set, links, closest),
                            cx.orientation,
                        )
                    })
                },
            )
        },
        || {
            rayon::join(
                || {
                    rayon::join(
                        || {
                            super::timed("figures", || {
                                let mut facts = numbers::find(
                                    articles, cx.set, links, closest, cx.near, cx.rank,
                                );
                                facts.extend(times::find(
                                    articles,
                                    cx.set,
                                    links,
                                    closest,
                                    cx.orientation,
                                ));
                                order_mentions_by_descent(&mut facts, cx.lineage);
                                sort_facts(&mut facts);
                                facts
                            })
                        },
                        || {
                            super::timed("omissions", || {
                                find_omissions(articles, cx.groups, cx.versions)
                            })
                        },
                    )
                },
                || {
                    rayon::join(
                        || {
                            super::timed("cuts and additions", || {
                                cuts::find(articles, links, closest, cx.lineage, cx.rank)
                            })
                        },
                        || {
                            super::timed("attribution changes", || {
                                attributions::find(articles, links, closest, cx.orientation)
                            })
                        },
                    )
                },
            )
        },
    );
    Findings {
        substitutions: substitutions::without_changed_figures(substitutions, &numbers),
        quote_changes,
        numbers,
        omissions,
        cuts,
        additions,
        attribution_changes,
    }
}

/// Substitutions along the tree only (unless all pairs are compared), each seen from the
/// original (or, undetermined, from the version first in content order), ranked again.
pub fn orient_substitutions(
    found: Vec<Substitution>,
    orientation: &Orientation,
) -> Vec<Substitution> {
    let mut out: Vec<Substitution> = found
        .into_iter()
        .filter_map(|mut s| {
            let (first, _, directed) = orientation.sides(s.a, s.b)?;
            if s.a != first {
                s.swap_sides();
            }
            s.directed = directed;
            Some(s)
        })
        .collect();
    substitutions::rank_again(&mut out);
    out
}

/// Quote changes along the tree only (unless all pairs are compared), each seen from the
/// original (or, undetermined, from the version first in content order), sorted by sentence
/// pair.
pub fn orient_quote_changes(
    found: Vec<QuoteChange>,
    orientation: &Orientation,
) -> Vec<QuoteChange> {
    let mut out: Vec<QuoteChange> = found
        .into_iter()
        .filter_map(|mut q| {
            let (first, _, directed) = orientation.sides(q.a.article, q.b.article)?;
            if q.a.article != first {
                q.swap_sides();
            }
            q.directed = directed;
            Some(q)
        })
        .collect();
    out.sort_by(|x, y| (x.a, x.b, &x.a_quote, &x.b_quote).cmp(&(y.a, y.b, &y.a_quote, &y.b_quote)));
    out
}

/// What `read` finds in each sentence that `links` join, each sentence read once, in parallel
/// (a sentence of a story many outlets carry has a link to each of them).
fn per_linked_sentence<T: Send>(
    links: &[&Link],
    read: impl Fn(SentenceRef) -> T + Sync + Send,
) -> FastMap<SentenceRef, T> {
    let mut sentences: Vec<SentenceRef> = links.iter().flat_map(|l| [l.a, l.b]).collect();
    sentences.sort_unstable();
    sentences.dedup();
    sentences.into_par_iter().map(|at| (at, read(at))).collect()
}

/// An even share of `items` for each thread: parallel work split no finer, so that each share's
/// [`wording::Reader`] (which learns every word it meets) is made once, not once per small task.
fn per_thread(items: usize) -> usize {
    items.div_ceil(rayon::current_num_threads()).max(1)
}

/// Whether a sentence is part of the story told (running prose or a list item: news sites set
/// whole stories as bullets), not a headline, byline, dateline or caption.
fn is_story_text(articles: &[Article], at: SentenceRef) -> bool {
    matches!(
        articles[at.article].sentences[at.sentence].role,
        crate::article::Role::Body | crate::article::Role::ListItem
    )
}

/// The closest reworded links (`closest[i]` for `links[i]`) joining two sentences of the story
/// told ([`is_story_text`]): where the findings read clause by clause (attributions, time
/// references) look.
fn body_rewordings<'a>(
    articles: &'a [Article],
    links: &'a [Link],
    closest: &'a [bool],
) -> impl Iterator<Item = &'a Link> + 'a {
    let is_story = move |r: SentenceRef| is_story_text(articles, r);
    links
        .iter()
        .zip(closest)
        .filter(move |(l, c)| {
            **c && l.kind == crate::compare::LinkKind::Reworded && is_story(l.a) && is_story(l.b)
        })
        .map(|(l, _)| l)
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

/// The words of `text` within `span` (one side of an edit) as a reader should see them: the
/// punctuation and whitespace around them trimmed, except the characters in `kept` (a currency
/// sign belongs to the figure beside it) and the dot that ends an abbreviation written with dots
/// ("10 a.m.", "the U.S."), inside the span or just after it.
fn edit_words(text: &str, span: (usize, usize), kept: &[char]) -> String {
    let raw = &text[span.0..span.1];
    let is_trimmed = |c: char| !c.is_alphanumeric() && !kept.contains(&c);
    let start = span.0 + raw.len() - raw.trim_start_matches(is_trimmed).len();
    let end = (span.0 + raw.trim_end_matches(is_trimmed).len()).max(start);
    let last_word = text[start..end]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let dotted = last_word.ends_with(char::is_alphabetic)
        && last_word.contains('.')
        && text[end..].starts_with('.');
    collapse_whitespace(&text[start..end + usize::from(dotted)])
}

/// `edits` with each that `split` splits in two replaced by its two pieces, in order; borrowed
/// as they are when none is.
pub(super) fn split_each<'e>(
    edits: &'e [Edit],
    mut split: impl FnMut(&Edit) -> Option<[Edit; 2]>,
) -> Cow<'e, [Edit]> {
    let mut out: Option<Vec<Edit>> = None;
    for (i, edit) in edits.iter().enumerate() {
        match (split(edit), &mut out) {
            (Some(pieces), out) => out
                .get_or_insert_with(|| edits[..i].to_vec())
                .extend(pieces),
            (None, Some(out)) => out.push(*edit),
            (None, None) => {}
        }
    }
    out.map_or(Cow::Borrowed(edits), Cow::Owned)
}

/// Where an edit's words lie in their article's text, from and to a byte.
pub(super) type Span = (usize, usize);

/// Two edits, each an operation and its spans in `a` and `b`: the pieces of an edit split.
pub(super) fn pieces(parts: [(EditOp, Span, Span); 2]) -> [Edit; 2] {
    parts.map(|(op, a, b)| Edit { op, a, b })
}

/// `edits` with each run of words cut (or added) that opens with a figure's conversion in
/// brackets and goes on split after the brackets: "($43 million), officials said" cut is the
/// conversion, a notation, and "officials said", a source dropped.
pub(super) fn conversions_split_off<'e>(
    (a_text, b_text): (&str, &str),
    edits: &'e [Edit],
) -> Cow<'e, [Edit]> {
    split_each(edits, |edit| {
        let (text, span) = match edit.op {
            EditOp::Delete => (a_text, edit.a),
            EditOp::Insert => (b_text, edit.b),
            _ => return None,
        };
        // The bracket opens the run, or stands right before it (the word diff leaves it out).
        let opens = text[span.0..span.1].trim_start().starts_with('(')
            || text[..span.0].trim_end().ends_with('(');
        let close = span.0 + text[span.0..span.1].find(')')? + 1;
        let rest = &text[close..span.1];
        if !opens
            || !rest.contains(char::is_alphanumeric)
            || !figures::is_bracketed_conversion(text, (span.0, close))
        {
            return None;
        }
        let piece = |start: usize, end: usize| match edit.op {
            EditOp::Delete => (edit.op, (start, end), (edit.b.0, edit.b.0)),
            _ => (edit.op, (edit.a.0, edit.a.0), (start, end)),
        };
        Some(pieces([piece(span.0, close), piece(close, span.1)]))
    })
}

pub use attributions::find as find_attribution_changes;
pub use cuts::find as find_cuts_and_additions;
pub use omissions::find as find_omissions;
pub use substitutions::find as find_substitutions;

/// Comparisons for the findings' tests.
#[cfg(test)]
mod testing {
    use crate::article::{Article, Format};
    use crate::compare::{Comparison, Options, compare};

    /// `original`, given an agency dateline so that it is known to come first, compared with
    /// `copy`.
    pub fn original_and_copy(original: &str, copy: &str) -> Comparison {
        compare(
            vec![
                Article::from_text(
                    "o",
                    "o.txt",
                    format!("WESTPORT (AP) — {original}"),
                    Format::Text,
                ),
                Article::from_text("c", "c.txt", copy, Format::Text),
            ],
            &Options::default(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::edit_words;
    use super::testing::original_and_copy;

    #[test]
    fn a_source_cut_with_a_conversion_before_it_is_the_source_alone() {
        let c = original_and_copy(
            "Repairs to the harbour wall will cost 40 million euros ($43 million), officials \
             said. Work starts in May.",
            "Repairs to the harbour wall will cost 40 million euros. Work starts in May.",
        );
        let dropped: Vec<&str> = c
            .attribution_changes
            .iter()
            .map(|a| a.from.as_str())
            .collect();
        assert_eq!(dropped, ["officials said"]);
        let cut: Vec<&str> = c.substitutions.iter().map(|s| s.from.as_str()).collect();
        assert_eq!(cut, ["officials said"]);
        assert!(
            c.cuts.iter().all(|cut| !cut.text.contains("43")),
            "{:?}",
            c.cuts
        );
    }

    #[test]
    fn edit_words_keep_an_abbreviation_dot_and_the_signs_asked_for() {
        let whole = |raw: &str, kept: &[char]| edit_words(raw, (0, raw.len()), kept);
        assert_eq!(whole(" at 10 a.m. ", &[]), "at 10 a.m.");
        assert_eq!(whole("in the U.S.,", &[]), "in the U.S.");
        assert_eq!(whole("the end.", &[]), "the end");
        assert_eq!(whole("(Jan. 8", &[]), "Jan. 8");
        assert_eq!(whole("on Jan.", &[]), "on Jan");
        assert_eq!(whole(", $40,000 to", &['$']), "$40,000 to");
        assert_eq!(whole(", $40,000 to", &[]), "40,000 to");
        assert_eq!(whole(" \n ", &[]), "");
        assert_eq!(whole("“Rabbi!”", &[]), "Rabbi");
        // The dot may stand just after the edit, which ends on the abbreviation's letters.
        let sentence = "The meeting starts at 10 a.m. in the town hall.";
        let span = (sentence.find("10").unwrap(), sentence.find(". in").unwrap());
        assert_eq!(edit_words(sentence, span, &[]), "10 a.m.");
    }
}
