//! Key changes: per copy, a short ranked list of its most consequential changes against its
//! original along the version tree — altered quotes, changed figures, dropped or changed
//! attributions, framing swaps, cut and added sentences — each with the sentences it points
//! at. Computed once here for the app's findings panel and every report.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use super::figures;
use super::wording::{
    Reader, contractions_written_out, is_plain_saying_swap, is_telling_attribution_swap,
};
use crate::compare::{
    AttributionChange, AttributionChangeKind, Bound, Comparison, FactBasis, FactKind, KeyChange,
    KeyChangeKind, KeyChanges, NumberMention, PassageKind, QuoteChange, QuoteChangeKind,
    SentenceRef, SubstitutionKind,
};

/// Most key changes listed per copy.
const MAX_PER_COPY: usize = 8;
/// Most key changes of one kind per copy, so one kind does not crowd out the others.
const MAX_PER_KIND: usize = 2;
/// Least share of its original's text a copy must carry for the sentences it lacks to be key
/// changes: a copy carrying less is an excerpt (two sentences quoted inside a story of its own)
/// or a page kept only in part, which lacks most of the original without having cut it (its
/// cuts are still listed in full with the other cuts).
const MIN_KEPT_FOR_CUTS: f32 = 0.5;
/// Least share of a copy's text its original must carry for the sentences it adds to be key
/// changes: a copy of which the original carries less is a story of its own around what it took
/// (its additions are still listed in full with the other additions).
const MIN_TAKEN_FOR_ADDITIONS: f32 = 0.5;

/// The key changes of every tree edge of `c` (its lineage and findings must be set); edges
/// without any change are left out. The copies whose changes matter most come first: by their
/// most consequential change (an altered quote before a cut sentence), then those whose
/// direction is known, the surest first, then in the order of the lineage.
pub fn find(c: &Comparison) -> Vec<KeyChanges> {
    let mut found: Vec<(f32, KeyChanges, Candidates)> = c
        .lineage
        .iter()
        .filter_map(|d| {
            let candidates = of_edge(c, d.original, d.copy);
            let changes = select(candidates.clone(), &mut Listed::default(), d.copy);
            (!changes.is_empty()).then(|| {
                let edge = KeyChanges {
                    copy: d.copy,
                    original: d.original,
                    directed: d.known,
                    changes,
                };
                (d.confidence, edge, candidates)
            })
        })
        .collect();
    most_consequential_first(&mut found);
    // A copy with two known originals made each change once: the same words changed against
    // both are listed under the edge listed first (the graver, surer one), and the other edge
    // lists its next changes in their place.
    let mut listed = Listed::default();
    found
        .into_iter()
        .filter_map(|(_, mut edge, candidates)| {
            if edge.directed {
                edge.changes = select(candidates, &mut listed, edge.copy);
            }
            (!edge.changes.is_empty()).then_some(edge)
        })
        .collect()
}

/// The candidate key changes of one tree edge: one list per kind of change, each ranked.
type Candidates = Vec<Vec<KeyChange>>;

/// The changes already listed for each copy: (copy, kind, summary).
type Listed = BTreeSet<(usize, KeyChangeKind, String)>;

/// The key changes of `copy` among `candidates`: at most [`MAX_PER_KIND`] from each list, then,
/// while fewer than [`MAX_PER_COPY`] are taken, the next changed figures, attribution changes
/// and framing swaps in the order of the lists (never more quotes, nor cut or added sentences);
/// at most [`MAX_PER_COPY`] in all, none listed twice (the same change in several sentences, a
/// change two findings name in the same sentences: "said → claimed", a swap and a verb of
/// saying changed) nor already in `listed`, to which those taken are added. The changes stay
/// grouped by list.
fn select(candidates: Candidates, listed: &mut Listed, copy: usize) -> Vec<KeyChange> {
    // Lists whose changes may fill the room left: figures, attributions and framing swaps.
    let may_fill: Vec<bool> = candidates
        .iter()
        .map(|list| {
            list.first().is_some_and(|c| {
                matches!(
                    c.kind,
                    KeyChangeKind::Figure | KeyChangeKind::Attribution | KeyChangeKind::Framing
                )
            })
        })
        .collect();
    let mut taken: Vec<Vec<KeyChange>> = vec![Vec::new(); candidates.len()];
    let mut left: Vec<std::vec::IntoIter<KeyChange>> =
        candidates.into_iter().map(Vec::into_iter).collect();
    let count = |taken: &[Vec<KeyChange>]| taken.iter().map(Vec::len).sum::<usize>();
    for (list, changes) in left.iter_mut().enumerate() {
        take(changes, MAX_PER_KIND, &mut taken, list, listed, copy);
    }
    for (list, changes) in left.iter_mut().enumerate() {
        let room = MAX_PER_COPY.saturating_sub(count(&taken));
        if room > 0 && may_fill[list] {
            take(changes, room, &mut taken, list, listed, copy);
        }
    }
    let mut out: Vec<KeyChange> = taken.into_iter().flatten().collect();
    out.truncate(MAX_PER_COPY);
    out
}

/// Takes into `taken[list]` at most `most` more of `changes`, skipping those already taken
/// (in any list) or in `listed`, to which those taken are added.
fn take(
    changes: &mut impl Iterator<Item = KeyChange>,
    most: usize,
    taken: &mut [Vec<KeyChange>],
    list: usize,
    listed: &mut Listed,
    copy: usize,
) {
    let mut count = 0;
    while count < most {
        let Some(change) = changes.next() else {
            return;
        };
        let same = |o: &KeyChange| {
            o.summary == change.summary || o.at == change.at && o.summary.ends_with(&change.summary)
        };
        let key = (copy, change.kind, change.summary.clone());
        if taken.iter().flatten().any(same) || listed.contains(&key) {
            continue;
        }
        listed.insert(key);
        taken[list].push(change);
        count += 1;
    }
}

/// Sorts copies' key changes (each with how sure its direction is) by their most consequential
/// change, then known directions first, the surest first; otherwise keeps their order.
fn most_consequential_first<T>(found: &mut [(f32, KeyChanges, T)]) {
    found.sort_by(|(sure_x, x, _), (sure_y, y, _)| {
        let gravest = |k: &KeyChanges| k.changes.iter().map(|change| change.kind).min();
        gravest(x)
            .cmp(&gravest(y))
            .then(y.directed.cmp(&x.directed))
            .then(sure_y.total_cmp(sure_x))
    });
}

/// The candidate key changes from `original` to `copy`, in the order their kinds are listed:
/// altered quotes, changed counts, attribution changes, hedges dropped from figures, framing
/// swaps, changed time references, cut sentences, added sentences.
fn of_edge(c: &Comparison, original: usize, copy: usize) -> Candidates {
    let edge = |a: SentenceRef, b: SentenceRef| a.article == original && b.article == copy;
    let mut quotes: Vec<&QuoteChange> = c.quote_changes.iter().filter(|q| edge(q.a, q.b)).collect();
    // The quotes changed most first; one whose cut is marked with an ellipsis after those, and
    // one changed only by a contraction ("I would" → "I’d") last.
    quotes.sort_by_key(|q| {
        (
            only_contracted(q),
            q.kind == QuoteChangeKind::Elided,
            Reverse(words_changed(q)),
        )
    });
    let quotes = quotes.into_iter().map(|q| KeyChange {
        kind: KeyChangeKind::Quote,
        summary: q
            .edits
            .iter()
            .map(|e| e.describe())
            .collect::<Vec<_>>()
            .join("; "),
        at: vec![q.a, q.b],
    });
    let figures = c
        .numbers
        .iter()
        // A figure of a separate report is no change the copy made.
        .filter(|f| f.basis == FactBasis::Linked)
        .filter_map(|f| {
            let changed = |o: &NumberMention, m: &NumberMention| match f.kind {
                FactKind::Conflict => says_otherwise(m, o),
                FactKind::Precision => drops_the_hedge(m, o),
            };
            let in_article =
                |article: usize| f.mentions.iter().filter(move |m| m.article == article);
            let changes: Vec<(&NumberMention, &NumberMention)> = in_article(original)
                .flat_map(|o| {
                    in_article(copy)
                        .filter(move |m| changed(o, m))
                        .map(move |m| (o, m))
                })
                .collect();
            let at_of = |(o, m): (&NumberMention, &NumberMention)| {
                (
                    SentenceRef::new(original, o.sentence),
                    SentenceRef::new(copy, m.sentence),
                )
            };
            // A fact mentioned more than once (a headline and a lead) is shown where the copy's
            // sentence is linked to the original's.
            let is_linked = |&(x, y): &(SentenceRef, SentenceRef)| {
                c.links
                    .iter()
                    .any(|l| (l.a, l.b) == (x, y) || (l.a, l.b) == (y, x))
            };
            let &(in_original, in_copy) = changes
                .iter()
                .find(|&&pair| is_linked(&at_of(pair)))
                .or(changes.first())?;
            let at = at_of((in_original, in_copy));
            if changed_in_a_quote(c, at, (&in_original.text, &in_copy.text)) {
                return None;
            }
            let change = KeyChange {
                kind: KeyChangeKind::Figure,
                summary: format!("{}: {} → {}", f.fact, in_original.text, in_copy.text),
                at: vec![at.0, at.1],
            };
            let numbers = in_original.value.map(|value| {
                let bits = |x: Option<f64>| x.map(f64::to_bits);
                (
                    (value.to_bits(), bits(in_original.second)),
                    (bits(in_copy.value), bits(in_copy.second)),
                )
            });
            // A changed time reference ("earlier this week" → "last week") is often a copy dated
            // again, not a claim changed: listed after the framing swaps, a changed count before
            // them, and a hedge dropped ("at least 32,070" → "32,070") after the sources.
            let place = match (numbers, f.kind) {
                (None, _) => FigurePlace::Time,
                (Some(_), FactKind::Precision) => FigurePlace::Hedge,
                (Some(_), FactKind::Conflict) => FigurePlace::Count,
            };
            Some((numbers, place, change))
        });
    // The same number changed alike in several sentences ("21 dead" → "23 dead" in the headline,
    // "at least 21 people" → "at least 23 people" in the lead) is one change, listed once.
    let mut changed_numbers = BTreeSet::new();
    let figures =
        figures.filter(|(numbers, _, _)| numbers.is_none_or(|n| changed_numbers.insert(n)));
    let (mut counts, mut hedges, mut times) = (Vec::new(), Vec::new(), Vec::new());
    for (_, place, change) in figures {
        match place {
            FigurePlace::Count => &mut counts,
            FigurePlace::Hedge => &mut hedges,
            FigurePlace::Time => &mut times,
        }
        .push(change);
    }
    let attributions = c
        .attribution_changes
        .iter()
        // Where which came first is undetermined, a source in one version only is read from
        // the side that states it, whichever end that is.
        .filter(|x| edge(x.a, x.b) || (!x.directed && edge(x.b, x.a)))
        // "reported that" → "said" is listed with the attribution changes, but changes no
        // belief in the source: no key change.
        .filter(|x| {
            !(x.kind == AttributionChangeKind::Verb && is_plain_saying_swap(&x.from, &x.to))
        })
        .map(|x| KeyChange {
            kind: KeyChangeKind::Attribution,
            summary: attribution_summary(c, x),
            at: vec![x.a, x.b],
        });
    let mut reader = Reader::default();
    let framing = c
        .substitutions
        .iter()
        .filter(|s| s.a == original && s.b == copy)
        .filter(|s| match s.kind {
            SubstitutionKind::Attribution => {
                is_telling_attribution_swap(&mut reader, &s.from, &s.to)
            }
            SubstitutionKind::Framing | SubstitutionKind::Agent => true,
            SubstitutionKind::Addition => s.loaded,
            _ => false,
        })
        .filter_map(|s| {
            let &(a, b) = s.occurrences.first()?;
            // A verb of saying added, cut or swapped that an attribution change reads
            // ("according to police" → "police claimed", "Authorities said" → "Some") is listed
            // there; one whose direction is undetermined may be read from either side.
            let reads = |(xa, xb): (SentenceRef, SentenceRef), (from, to): (&str, &str)| {
                (xa, xb) == (a, b)
                    && (s.from.is_empty() && s.to == to
                        || s.to.is_empty() && s.from == from
                        || s.from == from && s.to == to)
            };
            let read_as_attribution = c.attribution_changes.iter().any(|x| {
                reads((x.a, x.b), (&x.from, &x.to))
                    || !x.directed && reads((x.b, x.a), (&x.to, &x.from))
            });
            if read_as_attribution {
                return None;
            }
            Some(KeyChange {
                kind: KeyChangeKind::Framing,
                summary: arrow(&s.from, &s.to),
                at: vec![a, b],
            })
        });
    // The share of the row article's text found in the column one.
    let overlap = |row: usize, column: usize| {
        c.stats
            .overlap
            .get(row)
            .and_then(|shares| shares.get(column))
            .copied()
            .unwrap_or(0.0)
    };
    let cuts = c
        .cuts
        .iter()
        .filter(|x| x.original.article == original && x.copy == copy)
        .filter(|x| x.kind == PassageKind::Sentence)
        .map(|x| (x.attribution, &x.text, x.original));
    let cuts = sentences(
        KeyChangeKind::Cut,
        cuts,
        overlap(original, copy) >= MIN_KEPT_FOR_CUTS,
    );
    let additions = c
        .additions
        .iter()
        .filter(|x| x.original == original && x.copy.article == copy)
        .filter(|x| x.kind == PassageKind::Sentence)
        .map(|x| (x.attribution, &x.text, x.copy));
    let taken = overlap(copy, original) >= MIN_TAKEN_FOR_ADDITIONS;
    let additions = sentences(KeyChangeKind::Addition, additions, taken);
    vec![
        quotes.collect(),
        counts,
        attributions.collect(),
        hedges,
        framing.collect(),
        times,
        cuts.collect(),
        additions.collect(),
    ]
}

/// Whether every edit of quote change `q` only writes a contraction out or contracts words
/// ("I would" → "I’d").
fn only_contracted(q: &QuoteChange) -> bool {
    let written_out = |text: &str| contractions_written_out(text).to_lowercase();
    q.edits
        .iter()
        .all(|e| written_out(&e.a) == written_out(&e.b))
}

/// How many words the edits of quote change `q` replace, cut or add (the longer side of each).
fn words_changed(q: &QuoteChange) -> usize {
    let words = |text: &str| text.split_whitespace().count();
    q.edits.iter().map(|e| words(&e.a).max(words(&e.b))).sum()
}

/// Sentences cut or added (`kind`), each as whether it names a source, its words and the
/// sentence it is about, as key changes when they count (`counted`): those naming a source or
/// giving a figure first, then the longest.
fn sentences<'c>(
    kind: KeyChangeKind,
    passages: impl Iterator<Item = (bool, &'c String, SentenceRef)>,
    counted: bool,
) -> impl Iterator<Item = KeyChange> {
    let mut passages: Vec<_> = if counted {
        passages.collect()
    } else {
        Vec::new()
    };
    passages.sort_by_key(|&(attribution, text, _)| {
        (
            !attribution,
            !text.chars().any(|ch| ch.is_ascii_digit()),
            std::cmp::Reverse(text.len()),
        )
    });
    passages.into_iter().map(move |(_, text, at)| KeyChange {
        kind,
        summary: text.clone(),
        at: vec![at],
    })
}

/// Where a changed figure is listed among a copy's key changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FigurePlace {
    /// A changed count or measure, right after the altered quotes.
    Count,
    /// A hedge dropped, after the attribution changes.
    Hedge,
    /// A changed time reference, after the framing swaps.
    Time,
}

/// Whether the copy gives the original's hedged figure as certain ("at least 32,070 people" →
/// "32,070 people"): a claim made firmer, listed with the changed figures.
fn drops_the_hedge(in_copy: &NumberMention, in_original: &NumberMention) -> bool {
    in_original.bound != Bound::Exact
        && in_copy.bound == Bound::Exact
        && !says_otherwise(in_copy, in_original)
}

/// Whether a copy's mention of a figure says otherwise than the original's: another number (or
/// pair of numbers; a span of time in days: "48 hours" and "two days" say the same), the same
/// number from the other side ("more than 300" → "nearly 300") or in another unit ("$2.1
/// billion" → "€2.1 billion"), or, for a mention without a number (a time: "this week"), other
/// words.
fn says_otherwise(in_copy: &NumberMention, in_original: &NumberMention) -> bool {
    let numbers = |m: &NumberMention| {
        let in_days = |x: f64| {
            m.unit
                .as_deref()
                .and_then(|unit| figures::in_days(x, unit))
                .unwrap_or(x)
        };
        (m.value.map(in_days), m.second.map(in_days))
    };
    match in_copy.value {
        Some(_) => {
            let other_unit = match (&in_copy.unit, &in_original.unit) {
                (Some(x), Some(y)) => !figures::same_units(Some(x), Some(y)),
                _ => false,
            };
            numbers(in_copy) != numbers(in_original)
                || figures::above_and_below(in_copy.bound, in_original.bound)
                || other_unit
        }
        None => in_copy.text != in_original.text,
    }
}

/// Whether a quote change of the sentences `at` changed the figure written `from` → `to` (its
/// digits): listed with the quotation, the figure's change is no second change.
fn changed_in_a_quote(
    c: &Comparison,
    at: (SentenceRef, SentenceRef),
    (from, to): (&str, &str),
) -> bool {
    let digits = |text: &str| -> String { text.chars().filter(char::is_ascii_digit).collect() };
    let (from, to) = (digits(from), digits(to));
    !from.is_empty()
        && !to.is_empty()
        && c.quote_changes
            .iter()
            .filter(|q| (q.a, q.b) == at)
            .flat_map(|q| &q.edits)
            .any(|e| digits(&e.a) == from && digits(&e.b) == to)
}

/// What an attribution change says: "verb of saying changed: said → claimed"; where which
/// came first is undetermined, a source one version states is named with that version, the edge
/// being listed in content order ("source in orig only: he said").
fn attribution_summary(c: &Comparison, x: &AttributionChange) -> String {
    let stating = &c.articles[x.a.article].label;
    match (x.kind, x.directed) {
        (AttributionChangeKind::Dropped, false) => {
            return format!("source in {stating} only: {}", x.from);
        }
        (AttributionChangeKind::AgentCut, false) => {
            return format!("agent in {stating} only: {}", arrow(&x.from, &x.to));
        }
        _ => {}
    }
    format!("{}: {}", x.label(), arrow(&x.from, &x.to))
}

/// "from → to", "(nothing)" standing for an empty side.
fn arrow(from: &str, to: &str) -> String {
    let side = |w: &str| {
        if w.is_empty() {
            "(nothing)".to_owned()
        } else {
            w.to_owned()
        }
    };
    format!("{} → {}", side(from), side(to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};
    use crate::compare::{Options, compare};

    #[test]
    fn copies_with_graver_changes_and_surer_directions_come_first() {
        let edge = |copy: usize, directed: bool, kinds: &[KeyChangeKind]| KeyChanges {
            copy,
            original: 0,
            directed,
            changes: kinds
                .iter()
                .map(|&kind| KeyChange {
                    kind,
                    summary: String::new(),
                    at: Vec::new(),
                })
                .collect(),
        };
        let mut found = vec![
            (0.2, edge(1, true, &[KeyChangeKind::Cut]), ()),
            (
                0.0,
                edge(2, false, &[KeyChangeKind::Framing, KeyChangeKind::Cut]),
                (),
            ),
            (0.2, edge(3, true, &[KeyChangeKind::Framing]), ()),
            (0.9, edge(4, true, &[KeyChangeKind::Framing]), ()),
            (
                0.5,
                edge(5, true, &[KeyChangeKind::Cut, KeyChangeKind::Quote]),
                (),
            ),
        ];
        most_consequential_first(&mut found);
        let copies: Vec<usize> = found.iter().map(|(_, k, _)| k.copy).collect();
        assert_eq!(copies, [5, 4, 3, 2, 1]);
    }

    #[test]
    fn a_change_made_against_two_originals_is_listed_once_and_the_next_takes_its_place() {
        let change = |kind, summary: &str| KeyChange {
            kind,
            summary: summary.to_owned(),
            at: Vec::new(),
        };
        let quote = |summary: &str| change(KeyChangeKind::Quote, summary);
        let cut = |summary: &str| change(KeyChangeKind::Cut, summary);
        let mut listed = Listed::default();
        // Copy 2 against its first original, then against its second: the contraction and
        // the cut sentence A. are listed once, under the first; the second original's third
        // quote change takes the place of the one already listed.
        let first = select(
            vec![
                vec![quote("I would → I'd"), quote("best → finest")],
                vec![cut("A.")],
            ],
            &mut listed,
            2,
        );
        let second = select(
            vec![
                vec![
                    quote("I would → I'd"),
                    quote("play → put in"),
                    quote("great → fine"),
                ],
                vec![cut("A."), cut("B.")],
            ],
            &mut listed,
            2,
        );
        // Another copy lists its own.
        let other = select(vec![vec![quote("I would → I'd")]], &mut listed, 3);
        let summaries = |changes: &[KeyChange]| -> Vec<String> {
            changes.iter().map(|c| c.summary.clone()).collect()
        };
        assert_eq!(summaries(&first), ["I would → I'd", "best → finest", "A."]);
        assert_eq!(summaries(&second), ["play → put in", "great → fine", "B."]);
        assert_eq!(summaries(&other), ["I would → I'd"]);
    }

    #[test]
    fn a_mention_says_otherwise_by_its_numbers_or_else_by_its_words() {
        let mention = |text: &str, value: Option<f64>, second: Option<f64>| NumberMention {
            article: 0,
            sentence: 0,
            text: text.to_owned(),
            value,
            second,
            unit: None,
            bound: crate::compare::Bound::Exact,
        };
        let two_billion = mention("$2 billion", Some(2e9), None);
        assert!(!says_otherwise(
            &mention("$2bn", Some(2e9), None),
            &two_billion
        ));
        assert!(says_otherwise(
            &mention("$3bn", Some(3e9), None),
            &two_billion
        ));
        let score = mention("6-3", Some(6.0), Some(3.0));
        assert!(says_otherwise(
            &mention("6-2", Some(6.0), Some(2.0)),
            &score
        ));
        let in_unit = |text: &str, value: f64, unit: &str| NumberMention {
            unit: Some(unit.to_owned()),
            ..mention(text, Some(value), None)
        };
        assert!(!says_otherwise(
            &in_unit("two days", 2.0, "days"),
            &in_unit("48 hours", 48.0, "hours")
        ));
        assert!(says_otherwise(
            &in_unit("two weeks", 2.0, "weeks"),
            &in_unit("10 days", 10.0, "days")
        ));
        assert!(says_otherwise(
            &in_unit("€2 billion", 2e9, "EUR"),
            &in_unit("$2 billion", 2e9, "USD")
        ));
        assert!(!says_otherwise(
            &in_unit("30C", 30.0, "°C"),
            &in_unit("30 degrees", 30.0, "degrees")
        ));
        let this_week = mention("this week", None, None);
        assert!(says_otherwise(
            &mention("next week", None, None),
            &this_week
        ));
        assert!(!says_otherwise(
            &mention("this week", None, None),
            &this_week
        ));
    }

    #[test]
    fn a_number_changed_alike_in_several_sentences_is_one_change() {
        let wire = "Storm leaves 21 homes flooded in Westport\n\n\
            WESTPORT (AP) — A storm flooded at least 21 homes along the harbour on Tuesday. \
            Crews pumped water from the old ferry pier through the night. \
            Five boats sank at their moorings before the tide turned.";
        let copy = "Storm leaves 23 homes flooded in Westport\n\n\
            WESTPORT — A storm flooded at least 23 homes along the harbour on Tuesday. \
            Crews pumped water from the old ferry pier through the night. \
            Seven boats sank at their moorings before the tide turned.";
        let listed = the_one_copy_s_changes(wire, copy).1;
        let figures: Vec<&str> = listed
            .iter()
            .filter(|(kind, _)| *kind == KeyChangeKind::Figure)
            .map(|(_, summary)| summary.as_str())
            .collect();
        assert_eq!(figures.len(), 2, "{figures:?}");
        assert!(
            figures[0].contains("21") && figures[0].contains("23"),
            "{figures:?}"
        );
        assert!(
            figures[1].ends_with("Five boats sank → Seven boats sank"),
            "{figures:?}"
        );
    }

    #[test]
    fn a_hedge_dropped_from_a_figure_is_listed_and_one_added_is_not() {
        let wire = "Storm floods homes in Westport\n\n\
            WESTPORT (AP) — A storm flooded at least 21 homes along the harbour on Tuesday. \
            Crews pumped water from the old ferry pier through the night. \
            Five boats sank at their moorings before the tide turned.";
        let firmer = wire
            .replace("(AP) ", "")
            .replace("at least 21 homes", "21 homes");
        let listed: Vec<String> = the_one_copy_s_changes(wire, &firmer)
            .1
            .into_iter()
            .filter(|(kind, _)| *kind == KeyChangeKind::Figure)
            .map(|(_, summary)| summary)
            .collect();
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert!(
            listed[0].contains("at least 21 homes along → 21 homes"),
            "{listed:?}"
        );
        // The same edit the other way round adds a hedge: more caution, no key change.
        let wire_firm = firmer.replace("WESTPORT —", "WESTPORT (AP) —");
        let hedged = wire.replace("(AP) ", "");
        let articles = vec![
            Article::from_text("wire", "wire.txt", wire_firm, Format::Text),
            Article::from_text("copy", "copy.txt", hedged, Format::Text),
        ];
        let c = compare(articles, &Options::default());
        assert!(c.lineage.iter().all(|d| d.known && d.original == 0));
        assert!(c.numbers.iter().any(|f| f.kind == FactKind::Precision));
        assert!(c.key_changes.iter().all(|k| k.changes.is_empty()));
    }

    /// The comparison of `wire` (where it has a dateline, the original) with `copy`, and the
    /// copy's key changes, there being changes along that one edge only.
    fn the_one_copy_s_changes(
        wire: &str,
        copy: &str,
    ) -> (crate::compare::Comparison, Vec<(KeyChangeKind, String)>) {
        let articles = vec![
            Article::from_text("wire", "wire.txt", wire, Format::Text),
            Article::from_text("copy", "copy.txt", copy, Format::Text),
        ];
        let c = compare(articles, &Options::default());
        assert_eq!(c.key_changes.len(), 1, "{:?}", c.key_changes);
        let listed = c.key_changes[0]
            .changes
            .iter()
            .map(|k| (k.kind, k.summary.clone()))
            .collect();
        (c, listed)
    }

    /// Asserts that comparing `wire` with `copy` finds the substitution `swap` and lists the
    /// change naming `word` once among the key changes, as an attribution change; returns
    /// whether the edge's direction is known.
    fn listed_once_as_the_attribution_change(
        (wire, copy): (&str, &str),
        swap: (&str, &str),
        word: &str,
    ) -> bool {
        let (c, listed) = the_one_copy_s_changes(wire, copy);
        assert!(
            c.substitutions
                .iter()
                .any(|s| (s.from.as_str(), s.to.as_str()) == swap),
            "still a substitution"
        );
        let naming: Vec<&(KeyChangeKind, String)> = listed
            .iter()
            .filter(|(_, summary)| summary.contains(word))
            .collect();
        assert_eq!(naming.len(), 1, "{listed:?}");
        assert_eq!(naming[0].0, KeyChangeKind::Attribution);
        c.key_changes[0].directed
    }

    #[test]
    fn a_source_in_one_version_only_is_listed_once_as_the_attribution_change() {
        // No dateline nor credit: which came first is undetermined.
        let one = "A fire gutted the old ferry office on the harbour on Tuesday. \
            Officials said 300 volunteers searched the dunes for the missing boy. \
            Crews pumped water from the pier through the night.";
        let other = "A fire gutted the old ferry office on the harbour on Tuesday. \
            Some 300 volunteers searched the dunes for the missing boy. \
            Crews pumped water from the pier through the night.";
        let directed = listed_once_as_the_attribution_change(
            (one, other),
            ("Officials said", "Some"),
            "Officials said",
        );
        assert!(!directed);
    }

    #[test]
    fn a_verb_of_saying_moved_round_its_source_is_listed_once_as_the_attribution_change() {
        let wire = "WESTPORT (AP) — A fire gutted the old ferry office on the harbour on Tuesday. \
            The fire was set on purpose by someone who broke in, according to police. \
            Crews pumped water from the pier through the night.";
        let copy = "WESTPORT — A fire gutted the old ferry office on the harbour on Tuesday. \
            The fire was set on purpose by someone who broke in, police claimed. \
            Crews pumped water from the pier through the night.";
        listed_once_as_the_attribution_change((wire, copy), ("", "claimed"), "claimed");
    }

    #[test]
    fn half_of_a_reworded_attribution_is_no_key_change() {
        let wire = "WESTPORT (AP) — Ferry fares will rise by 5 per cent next year, according to a \
            report published on Monday by the harbour board. \
            The board runs six boats across the bay. \
            Villagers watched from the pier as the new boat arrived.";
        let copy = "Ferry fares will rise by 5 per cent next year, a new report has found. \
            The board runs six boats across the bay. \
            Protesters watched from the pier as the new boat arrived.";
        let (c, listed) = the_one_copy_s_changes(wire, copy);
        assert!(
            c.substitutions
                .iter()
                .any(|s| (s.from.as_str(), s.to.as_str()) == ("according to a", "a new")),
            "still a substitution: {:?}",
            c.substitutions
        );
        assert_eq!(
            listed,
            [(KeyChangeKind::Framing, "Villagers → Protesters".to_owned())]
        );
    }

    #[test]
    fn a_plain_verb_of_saying_swapped_for_another_is_no_key_change() {
        let wire = "WESTPORT (AP) — A fire gutted the old ferry office on the harbour on Tuesday. \
            The blaze started in a storeroom behind the ticket desk, the fire chief reported. \
            The fire was set on purpose by someone who broke in, police said. \
            Villagers watched from the pier as crews pumped water through the night.";
        let copy = "WESTPORT — A fire gutted the old ferry office on the harbour on Tuesday. \
            The blaze started in a storeroom behind the ticket desk, the fire chief said. \
            The fire was set on purpose by someone who broke in, police claimed. \
            Protesters watched from the pier as crews pumped water through the night.";
        let (c, listed) = the_one_copy_s_changes(wire, copy);
        let verbs: Vec<(&str, &str)> = c
            .attribution_changes
            .iter()
            .map(|x| (x.from.as_str(), x.to.as_str()))
            .collect();
        assert!(verbs.contains(&("reported", "said")), "{verbs:?}");
        assert!(verbs.contains(&("said", "claimed")), "{verbs:?}");
        assert_eq!(
            listed,
            [
                (
                    KeyChangeKind::Attribution,
                    "verb of saying changed: said → claimed".to_owned()
                ),
                (KeyChangeKind::Framing, "Villagers → Protesters".to_owned())
            ]
        );
        // Among the substitutions, the plain verbs come after the framing swap.
        let swaps: Vec<(&str, &str)> = c
            .substitutions
            .iter()
            .map(|s| (s.from.as_str(), s.to.as_str()))
            .collect();
        assert_eq!(
            swaps[..3],
            [
                ("said", "claimed"),
                ("Villagers", "Protesters"),
                ("reported", "said")
            ]
        );
    }

    #[test]
    fn a_figure_changed_inside_a_quotation_is_listed_once_as_the_quote() {
        let wire = "WESTPORT (AP) — The battery maker will build its plant on the old mill site. \
            \"We expect to hire 400 people in the first year,\" the chief executive said. \
            Work on the site starts in the spring.";
        let copy = "WESTPORT — The battery maker will build its plant on the old mill site. \
            \"We expect to hire 600 people in the first year,\" the chief executive said. \
            Work on the site starts in the spring.";
        let (c, listed) = the_one_copy_s_changes(wire, copy);
        assert_eq!(c.numbers.len(), 1, "the figure is still a changed figure");
        assert_eq!(listed, [(KeyChangeKind::Quote, "400 → 600".to_owned())]);
    }

    #[test]
    fn a_count_put_on_the_other_side_of_its_number_is_a_changed_figure() {
        let wire = "WESTPORT (AP) — More than 300 firefighters battled the blaze on the ridge \
            through the night. Crews from three towns joined them by dawn on Sunday.";
        let copy = "WESTPORT — Nearly 300 firefighters battled the blaze on the ridge through the \
            night. Crews from three towns joined them by dawn on Sunday.";
        let (_, listed) = the_one_copy_s_changes(wire, copy);
        assert_eq!(
            listed,
            [(
                KeyChangeKind::Figure,
                "firefighters: More than 300 firefighters → Nearly 300 firefighters".to_owned()
            )]
        );
    }

    #[test]
    fn framing_swaps_fill_the_room_other_changes_leave() {
        let wire = "WESTPORT (AP) — Hundreds of protesters gathered outside the town hall on \
            Monday to oppose the closure of the old mill. The demonstrators blocked the main road \
            for two hours before the police asked them to leave. Organisers said the crowd was \
            peaceful throughout the afternoon.";
        let copy = "WESTPORT — Hundreds of rioters gathered outside the town hall on Monday to \
            oppose the closure of the old mill. The militants blocked the main road for two hours \
            before the police asked them to leave. Organisers said the mob was peaceful \
            throughout the afternoon.";
        let (_, listed) = the_one_copy_s_changes(wire, copy);
        let framing: Vec<&str> = listed
            .iter()
            .filter(|(kind, _)| *kind == KeyChangeKind::Framing)
            .map(|(_, summary)| summary.as_str())
            .collect();
        assert_eq!(framing.len(), 3, "{listed:?}");
        assert!(framing.contains(&"crowd → mob"), "{listed:?}");
    }

    #[test]
    fn the_quotes_changed_most_come_first_and_a_contraction_last() {
        let wire = "WESTPORT (AP) — The battery maker will build its plant on the old mill site. \
            \"I would not have bet on this town a year ago,\" the mayor said. \
            \"It is a proud day for everyone who kept the mill going,\" she said. \
            \"We fought hard for every job,\" she said.";
        let copy = "WESTPORT — The battery maker will build its plant on the old mill site. \
            \"I’d not have bet on this town a year ago,\" the mayor said. \
            \"It is a great day for all the families who kept the mill going,\" she said. \
            \"We fought for each job,\" she said.";
        let (_, listed) = the_one_copy_s_changes(wire, copy);
        assert_eq!(
            listed,
            [
                (
                    KeyChangeKind::Quote,
                    "proud → great; everyone → all the families".to_owned()
                ),
                (KeyChangeKind::Quote, "hard for every → for each".to_owned()),
            ]
        );
    }

    #[test]
    fn a_changed_time_reference_comes_after_the_framing_swaps() {
        let wire = "WESTPORT (AP) — The harbour council voted earlier this week to close the old \
            ferry pier. Engineers found that 40 of the wooden supports had rotted through. \
            Protesters gathered outside the town hall as the council met.";
        let copy = "WESTPORT — The harbour council voted last week to close the old ferry pier. \
            Engineers found that 60 of the wooden supports had rotted through. \
            Rioters gathered outside the town hall as the council met.";
        let listed = the_one_copy_s_changes(wire, copy).1;
        let kinds: Vec<KeyChangeKind> = listed.iter().map(|(kind, _)| *kind).collect();
        assert_eq!(
            kinds,
            [
                KeyChangeKind::Figure,
                KeyChangeKind::Framing,
                KeyChangeKind::Figure
            ],
            "{listed:?}"
        );
        assert_eq!(
            listed[0].1,
            "wooden supports: 40 of the wooden supports → 60 of the wooden supports"
        );
        assert!(
            listed[2].1.ends_with("earlier this week → last week"),
            "{listed:?}"
        );
    }

    #[test]
    fn a_copy_lists_its_quote_and_figure_changes_before_its_cuts_and_additions() {
        let wire = "WESTPORT (AP) — The harbour council voted on Tuesday to close the old ferry pier. \
            Engineers found that 40 of the wooden supports had rotted through. \
            \"We will rebuild the pier for the next generation,\" the mayor said. \
            Repairs will start in March and last until the autumn, the engineers said. \
            The ferry service will move to the north quay while the work goes on. \
            A fishing club that uses the pier said it was not consulted.";
        let copy = "WESTPORT — The harbour council voted on Tuesday to close the old ferry pier. \
            Engineers found that 60 of the wooden supports had rotted through. \
            \"We would rebuild the pier for the next generation,\" the mayor said. \
            Repairs will start in March and last until the autumn, the engineers claimed. \
            The ferry service will move to the north quay while the work goes on. \
            Critics called the closure a reckless waste of public money.";
        for order in [[wire, copy], [copy, wire]] {
            let articles = order
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let label = if *text == wire { "wire" } else { "copy" };
                    Article::from_text(label, format!("{i}.txt"), *text, Format::Text)
                })
                .collect();
            let c = compare(articles, &Options::default());
            assert_eq!(c.key_changes.len(), 1, "{:?}", c.key_changes);
            let key = &c.key_changes[0];
            assert!(key.directed);
            assert_eq!(c.articles[key.original].label, "wire");
            let kinds: Vec<KeyChangeKind> = key.changes.iter().map(|k| k.kind).collect();
            assert_eq!(
                kinds,
                [
                    KeyChangeKind::Quote,
                    KeyChangeKind::Figure,
                    KeyChangeKind::Attribution,
                    KeyChangeKind::Cut,
                    KeyChangeKind::Addition
                ],
                "the verb of saying changed is listed once: {:?}",
                key.changes
            );
            assert!(key.changes[3].summary.contains("fishing club"));
            assert!(key.changes[4].summary.contains("reckless waste"));
            let (added, changed) = key.changes.split_last().unwrap();
            assert!(changed.iter().all(|k| k.at[0].article == key.original));
            assert_eq!(added.at.len(), 1);
            assert_eq!(
                added.at[0].article, key.copy,
                "an addition points at the copy"
            );
        }
    }

    #[test]
    fn an_excerpt_of_the_original_has_no_cut_or_added_sentences_among_its_key_changes() {
        let wire = "WESTPORT (AP) — The harbour council voted on Tuesday to close the old ferry pier. \
            Engineers found that the wooden supports had rotted through in several places. \
            The ferry service will move to the north quay while the work goes on. \
            Repairs will start in March and last until the autumn, the engineers said. \
            A fishing club that uses the pier said it was not consulted about the closure. \
            The council has set aside money from its reserves to pay for the new footings. \
            Divers will survey the seabed beneath the pier before any work begins there. \
            The last major repair to the pier was carried out more than thirty years ago.";
        let excerpt = "Coastal towns across the region are struggling to keep their old piers open. \
            Storms last winter damaged several landing stages along the western shore. \
            The ferry service will move to the north quay while the work goes on. \
            Repairs will start in March and last until the autumn, the engineers said. \
            Other towns are expected to follow with their own repair plans this year.";
        let articles = [("wire", wire), ("excerpt", excerpt)]
            .iter()
            .map(|(label, text)| {
                Article::from_text(*label, format!("{label}.txt"), *text, Format::Text)
            })
            .collect();
        let c = compare(articles, &Options::default());
        assert!(
            c.cuts
                .iter()
                .any(|x| x.original.article == 0 && x.copy == 1),
            "what the excerpt lacks is listed with the cuts: {:?}",
            c.cuts
        );
        assert!(
            c.key_changes
                .iter()
                .flat_map(|k| &k.changes)
                .all(|k| k.kind != KeyChangeKind::Cut),
            "{:?}",
            c.key_changes
        );
        // Nor, being a story of its own around what it took, its additions.
        assert!(
            c.additions.iter().any(|x| x.copy.article == 1),
            "what the excerpt adds is listed with the additions: {:?}",
            c.additions
        );
        assert!(
            c.key_changes
                .iter()
                .flat_map(|k| &k.changes)
                .all(|k| k.kind != KeyChangeKind::Addition),
            "{:?}",
            c.key_changes
        );
    }
}
