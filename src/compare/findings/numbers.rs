//! Conflicting figures: the same quantity reported with different numbers across articles (a
//! toll of 12 in one, 23 in another), found by following word edits through linked sentences,
//! and across sentences that are not linked but count the same thing about the same subject
//! ([`super::subjects`]).
//!
//! Figures at corresponding places of two linked sentences are the same quantity: unchanged ones
//! sit inside an equal run, changed ones inside a short replacement ("12" → "23" before
//! "rescue workers"). Those correspondences are joined across all links; a joined set whose
//! values differ is a finding, listing every article's wording. Figures are read by
//! [`super::figures`]: different currencies or units are never joined, and a joined set whose
//! figures all agree once bounds and rounding are allowed for ("at least 32,070", "more than
//! 32,000") is listed as a difference in precision, not a conflict. A set joined only across
//! unlinked sentences is marked so ([`FactBasis::Unlinked`]): separate reports, no changed
//! figure.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use rayon::prelude::*;

use super::figures::{self, Reading};
use super::most_common;
use super::subjects::{self, Subject};
use super::times;
use super::wording::is_speaking;
use crate::article::{Article, collapse_whitespace};
use crate::compare::normalize::{Token, TokenClass, lowercase};
use crate::compare::prepare::{Prepared, PreparedSet};
use crate::compare::{
    Bound, Descent, EditOp, FactBasis, FactKind, FastMap, Link, NumberFact, NumberMention,
    SentenceRef,
};

/// Longest replacement (in words, each side) whose one figure each corresponds without further
/// evidence ("About 3,000 protesters" → "More than 5,000 villagers").
const SHORT_REPLACEMENT_WORDS: usize = 4;

/// Longest replacement (in words, each side) whose figures can correspond at all.
const MAX_REPLACEMENT_WORDS: usize = 6;
/// Words after a figure read as what it counts (at most).
const COUNTED_WORDS: usize = 3;

/// A figure in a sentence: the token index of its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Figure {
    /// The sentence.
    pub at: SentenceRef,
    /// The token of its number.
    pub token: usize,
}

/// What says that two figures are one quantity, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// Corresponding places of linked or nearly identical sentences.
    Linked,
    /// Unlinked sentences counting the same thing about the same subject, strongly enough to
    /// show a conflict.
    Subject,
    /// The same, but only enough to join figures that agree.
    AgreeingSubject,
}

/// Quantities reported with different figures. `near` are pairs of sentences that were not
/// linked but say much the same thing: their figures correspond only when they count the same
/// thing (same word after the figure).
pub fn find(
    articles: &[Article],
    set: &PreparedSet,
    links: &[Link],
    closest: &[bool],
    near: &[(SentenceRef, SentenceRef)],
    rank: &[usize],
) -> Vec<NumberFact> {
    let closest_links: Vec<&Link> = links
        .iter()
        .zip(closest)
        .filter(|(_, closest)| **closest)
        .map(|(link, _)| link)
        .collect();
    let figure_words = FigureWords::of(set);
    let read = ReadSentences::of_links(articles, set, &figure_words, &closest_links);
    let strong: Vec<(Figure, Figure)> = closest_links
        .par_iter()
        .flat_map_iter(|link| figures_of_link(articles, set, link, &read))
        .collect();
    let weak: Vec<(Figure, Figure)> = near
        .par_iter()
        .flat_map_iter(|&(a, b)| figures_counting_the_same(articles, set, &figure_words, a, b))
        .collect();
    let linked: BTreeSet<(SentenceRef, SentenceRef)> = links
        .iter()
        .map(|l| if l.a <= l.b { (l.a, l.b) } else { (l.b, l.a) })
        .collect();
    let (subject_pairs, subjects) = subjects::same_subject_pairs(articles, set, &linked);
    let (by_subject, agreeing): (Vec<_>, Vec<_>) = subject_pairs
        .into_iter()
        .partition(|(_, _, strong)| *strong);
    let pairs = |list: Vec<(Figure, Figure, bool)>| -> Vec<(Figure, Figure)> {
        list.into_iter().map(|(x, y, _)| (x, y)).collect()
    };
    // Joins are made in an order fixed by the articles' content (their canonical rank), so the
    // result does not depend on the order the articles were given in.
    let key = |f: &Figure| (rank[f.at.article], f.at.sentence, f.token);
    let mut joins = Joins::default();
    let stages = [
        (strong, Evidence::Linked),
        (weak, Evidence::Linked),
        (pairs(by_subject), Evidence::Subject),
        (pairs(agreeing), Evidence::AgreeingSubject),
    ];
    for (mut proposals, evidence) in stages {
        for pair in &mut proposals {
            if key(&pair.1) < key(&pair.0) {
                *pair = (pair.1, pair.0);
            }
        }
        proposals.sort_by_key(|(x, y)| (key(x), key(y)));
        proposals.dedup();
        for pair in proposals {
            joins.union(pair, evidence, &|f| reading_of(articles, set, f));
        }
    }
    let mut facts: Vec<NumberFact> = joins
        .components()
        .into_iter()
        .filter_map(|(figures, basis)| fact_from(articles, set, &figures, basis, &subjects))
        .collect();
    sort_facts(&mut facts);
    facts
}

/// Puts each fact's mentions in the order of descent: in article and sentence order, except that
/// a mention in an original comes before those in the versions made from it (the version tree's
/// known edges, `lineage`).
pub fn order_mentions_by_descent(facts: &mut [NumberFact], lineage: &[Descent]) {
    let ancestors = known_ancestors(lineage);
    let is_ancestor = |of: usize, article: usize| {
        ancestors
            .get(of)
            .is_some_and(|list| list.binary_search(&article).is_ok())
    };
    for fact in facts {
        let mut left = std::mem::take(&mut fact.mentions);
        left.sort_by_key(|m| (m.article, m.sentence));
        while !left.is_empty() {
            // The first mention none of whose article's originals is still to come.
            let next = (0..left.len())
                .find(|&i| !left.iter().any(|m| is_ancestor(left[i].article, m.article)))
                .unwrap_or(0);
            fact.mentions.push(left.remove(next));
        }
    }
}

/// Per article, every article it descends from along the known edges of `lineage`, sorted.
fn known_ancestors(lineage: &[Descent]) -> Vec<Vec<usize>> {
    let known: Vec<&Descent> = lineage.iter().filter(|d| d.known).collect();
    let articles = known
        .iter()
        .map(|d| d.original.max(d.copy) + 1)
        .max()
        .unwrap_or(0);
    (0..articles)
        .map(|article| {
            let mut found: Vec<usize> = Vec::new();
            let mut to_visit = vec![article];
            while let Some(at) = to_visit.pop() {
                for d in known.iter().filter(|d| d.copy == at) {
                    if d.original != article && !found.contains(&d.original) {
                        found.push(d.original);
                        to_visit.push(d.original);
                    }
                }
            }
            found.sort_unstable();
            found
        })
        .collect()
}

/// Orders facts: conflicts before differences in precision, then by their mentions in order, then
/// by label (a total order: the same facts in any order sort the same).
pub fn sort_facts(facts: &mut [NumberFact]) {
    // Every mention counts, then the label: two facts may open with the same mention (one time
    // moved differently in two copies), and the order they were found in depends on the order
    // the articles were given in.
    facts.sort_by(|x, y| {
        fn mentions(f: &NumberFact) -> impl Iterator<Item = (usize, usize, &str)> {
            f.mentions
                .iter()
                .map(|m| (m.article, m.sentence, m.text.as_str()))
        }
        (x.kind.cmp(&y.kind))
            .then_with(|| mentions(x).cmp(mentions(y)))
            .then_with(|| (&x.fact, x.basis).cmp(&(&y.fact, y.basis)))
    });
}

/// The lower-case normalised words of sentence `at`, one per token; figures as written (digit
/// grouping kept: "2,000" is a count, "2000" may be a year).
pub fn words_of(articles: &[Article], set: &PreparedSet, at: SentenceRef) -> Vec<String> {
    let text = &articles[at.article].text;
    set.get(at.article, at.sentence)
        .tokens
        .iter()
        .map(|t| match t.class {
            TokenClass::Number => text[t.start..t.end].to_owned(),
            _ => set.vocabulary.word(t.key).to_lowercase(),
        })
        .collect()
}

/// What a figure says (see [`figures::read_with_counts`]: the figures of linked sentences may be
/// small counts spelled out).
fn reading_of(articles: &[Article], set: &PreparedSet, figure: Figure) -> Option<Reading> {
    reading_in(&words_of(articles, set, figure.at), figure.token)
}

/// What the figure at `token` of a sentence's `words` says (see [`reading_of`]).
fn reading_in(words: &[String], token: usize) -> Option<Reading> {
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    figures::read_with_counts(&refs, token)
}

/// A sentence's figures, and the event each figure's number is near (by token), read the first
/// time a changed figure needs it: most figures of linked sentences sit in equal wording.
struct SentenceFigures {
    figures: Vec<Figure>,
    events: OnceLock<Vec<(usize, Option<subjects::Event>)>>,
}

impl SentenceFigures {
    /// The event figure `f` of this sentence is near, if any.
    fn event(
        &self,
        articles: &[Article],
        set: &PreparedSet,
        f: &Figure,
    ) -> Option<subjects::Event> {
        self.events
            .get_or_init(|| subjects::events_of(articles, set, f.at))
            .iter()
            .find(|(token, _)| *token == f.token)
            .and_then(|(_, e)| *e)
    }
}

/// The figures of every sentence some link joins.
struct ReadSentences(FastMap<SentenceRef, SentenceFigures>);

impl ReadSentences {
    fn of_links(
        articles: &[Article],
        set: &PreparedSet,
        figure_words: &FigureWords,
        links: &[&Link],
    ) -> Self {
        ReadSentences(super::per_linked_sentence(links, |at| SentenceFigures {
            figures: figures_in(articles, set, figure_words, at, figures::read_with_counts),
            events: OnceLock::new(),
        }))
    }

    fn of(&self, at: SentenceRef) -> Option<&SentenceFigures> {
        self.0.get(&at)
    }
}

/// The figures of a link's two sentences that sit at corresponding places (`read` holds both
/// sentences' figures).
fn figures_of_link(
    articles: &[Article],
    set: &PreparedSet,
    link: &Link,
    read: &ReadSentences,
) -> Vec<(Figure, Figure)> {
    let mut out = Vec::new();
    let pa = set.get(link.a.article, link.a.sentence);
    let pb = set.get(link.b.article, link.b.sentence);
    let (Some(a), Some(b)) = (read.of(link.a), read.of(link.b)) else {
        return out;
    };
    let (all_a, all_b) = (&a.figures, &b.figures);
    if all_a.is_empty() || all_b.is_empty() {
        return out;
    }
    let a_text = &articles[link.a.article].text;
    let b_text = &articles[link.b.article].text;
    let readings = LinkReadings::new(articles, set, link);
    for edit in &link.edits {
        let fa = inside(all_a, pa, edit.a);
        let fb = inside(all_b, pb, edit.b);
        if fa.is_empty() || fb.is_empty() {
            continue;
        }
        let words = |text: &str, span: (usize, usize)| word_count(&text[span.0..span.1]);
        let (wa, wb) = (words(a_text, edit.a), words(b_text, edit.b));
        // A changed figure beside another event is another quantity ("53 were injured" against
        // "15 others were buried").
        // Nor are the ages of two people one ("16-year-old Ana Ruiz beat 18-year-old Mia
        // Holt" → "Ruiz, 16, beat Mia Holt, 18").
        let other_events = |x: &Figure, y: &Figure| {
            let events = (a.event(articles, set, x), b.event(articles, set, y));
            matches!(events, (Some(e), Some(f)) if e != f) || readings.of_others(x, y)
        };
        if fa.len() != fb.len() {
            // A list shortened or lengthened ("three firefighters and nine volunteers" → "and
            // twelve volunteers"): a figure pairs only with the one figure of the other side
            // counting the same thing, itself the only one on its side to count it.
            let counts = |x: &Figure, y: &Figure| {
                counts_the_same(pa, x.token, pb, y.token) && !other_events(x, y)
            };
            for x in fa {
                let mut same_b = fb.iter().filter(|y| counts(x, y));
                let (Some(y), None) = (same_b.next(), same_b.next()) else {
                    continue;
                };
                if fa.iter().filter(|other| counts(other, y)).count() == 1 {
                    out.push((*x, *y));
                }
            }
            continue;
        }
        // A small count spelled out pairs with another figure only before the same word, or
        // as a span of time with another ("10 days" → "two weeks"): it is common enough ("five
        // people" killed by the first avalanche) to sit in a replaced span beside a figure
        // counting something else ("23 killed").
        let spelled = |p: &Prepared, text: &str, f: &Figure| {
            let token = &p.tokens[f.token];
            let word = &text[token.start..token.end];
            // "CHF4bn" is a figure after its currency's code, not a count spelled out.
            word.starts_with(char::is_alphabetic)
                && figures::glued_code(&word.to_lowercase()).is_none()
        };
        let corresponding = |x: &Figure, y: &Figure| match edit.op {
            EditOp::Equal => true,
            _ if other_events(x, y) => false,
            _ if spelled(pa, a_text, x) || spelled(pb, b_text, y) => {
                let stem_after = |p: &Prepared, f: &Figure| {
                    word_after_figure(articles, set, p, f).map(|t| t.stem)
                };
                let time_after = |p: &Prepared, f: &Figure| {
                    word_after_figure(articles, set, p, f).is_some_and(|t| {
                        let word = set.vocabulary.word(t.key).to_lowercase();
                        figures::unit_of(&word).is_some_and(figures::is_time_unit)
                    })
                };
                stem_after(pa, x).is_some_and(|w| Some(w) == stem_after(pb, y))
                    || time_after(pa, x) && time_after(pb, y)
            }
            EditOp::Replace if wa.max(wb) <= SHORT_REPLACEMENT_WORDS && fa.len() == 1 => true,

            EditOp::Replace if wa.max(wb) <= MAX_REPLACEMENT_WORDS => {
                same_context(pa, x.token, pb, y.token)
            }
            // In a longer replacement (a source cut with the figure: "officials said on Friday
            // that at least 1,240" → "more than 1,300"), the one figure of each side counting
            // the same thing.
            EditOp::Replace if fa.len() == 1 => counts_the_same(pa, x.token, pb, y.token),
            _ => false,
        };
        for (x, y) in fa.iter().zip(fb) {
            if corresponding(x, y) {
                out.push((*x, *y));
            }
        }
    }
    out.extend(readings.moved((all_a, all_b), &out));
    out.extend(readings.ranges_kept([all_a, all_b], &out));
    out
}

/// A link's two sentences read for what their figures say, each sentence's words read when
/// first asked: most links' figures need no more than their place in the edits.
struct LinkReadings<'x> {
    articles: &'x [Article],
    set: &'x PreparedSet,
    link: &'x Link,
    words: [OnceCell<Vec<String>>; 2],
}

impl<'x> LinkReadings<'x> {
    fn new(articles: &'x [Article], set: &'x PreparedSet, link: &'x Link) -> Self {
        LinkReadings {
            articles,
            set,
            link,
            words: Default::default(),
        }
    }

    /// The sentence of side `side` (0: `a`, 1: `b`).
    fn at(&self, side: usize) -> SentenceRef {
        [self.link.a, self.link.b][side]
    }

    /// The stems naming whose age figure `f` of side `side` (0: `a`, 1: `b`) gives, when it
    /// is an age (see [`whose_age`]).
    fn whose(&self, side: usize, f: &Figure) -> Option<Vec<u32>> {
        let (reading, words) = self.reading(side, f)?;
        let at = self.at(side);
        (reading.unit == Some(figures::AGE))
            .then(|| whose_age(self.set.get(at.article, at.sentence), words, &reading))
    }

    /// What figure `f` of side `side` (0: `a`, 1: `b`) says, and its sentence's words.
    fn reading(&self, side: usize, f: &Figure) -> Option<(Reading, &[String])> {
        let at = self.at(side);
        let words = self.words[side].get_or_init(|| words_of(self.articles, self.set, at));
        Some((reading_in(words, f.token)?, words))
    }

    /// Ranges said in words whose upper number the two sentences share, with the figure the
    /// other sentence gives there ("between 200 and 300 fish" → "up to 300 fish"): the range is
    /// found by its first number, which an edit may have replaced.
    fn ranges_kept(
        &self,
        all: [&[Figure]; 2],
        paired: &[(Figure, Figure)],
    ) -> Vec<(Figure, Figure)> {
        let mut out = Vec::new();
        let prepared = [0, 1].map(|side| {
            let at = self.at(side);
            self.set.get(at.article, at.sentence)
        });
        for (side, figures) in all.iter().enumerate() {
            let other = 1 - side;
            for f in figures.iter().filter(|f| self.may_start_range(side, f)) {
                let Some((reading, _)) = self.reading(side, f).filter(|(r, _)| r.range) else {
                    continue;
                };
                let Some(token) = same_token_elsewhere(self.link, side, reading.last, prepared)
                else {
                    continue;
                };
                let there = Figure {
                    at: self.at(other),
                    token,
                };
                let pair = if side == 0 { (*f, there) } else { (there, *f) };
                if all[other].contains(&there) && !paired.contains(&pair) {
                    out.push(pair);
                }
            }
        }
        out
    }

    /// Whether figure `f` of side `side` may start a range said in words: a word that joins
    /// one follows its number ("200 and", "18 to"). Checked before the sentence is read.
    fn may_start_range(&self, side: usize, f: &Figure) -> bool {
        let at = self.at(side);
        let text = &self.articles[at.article].text;
        let tokens = &self.set.get(at.article, at.sentence).tokens;
        tokens.get(f.token + 1).is_some_and(|t| {
            let word = &text[t.start..t.end];
            word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("to")
        })
    }

    /// Whether `x` (of side `a`) and `y` (of side `b`) are ages of different people: no word
    /// naming whose they are in common.
    fn of_others(&self, x: &Figure, y: &Figure) -> bool {
        match (self.whose(0, x), self.whose(1, y)) {
            (Some(wx), Some(wy)) => !wx.iter().any(|stem| wy.contains(stem)),
            _ => false,
        }
    }

    /// The age of one person given at different places of the two sentences ("54-year-old
    /// Daniel Okafor" → "Daniel Okafor, 55"), which no edit pairs: the one age left unpaired
    /// on each side, when the words naming whose it is share a word.
    fn moved(
        &self,
        (all_a, all_b): (&[Figure], &[Figure]),
        paired: &[(Figure, Figure)],
    ) -> Option<(Figure, Figure)> {
        let lone_age = |side: usize, all: &[Figure]| {
            let unpaired = all
                .iter()
                .filter(|f| !paired.iter().any(|pair| [pair.0, pair.1][side] == **f));
            let mut ages = unpaired.filter(|f| self.whose(side, f).is_some());
            match (ages.next(), ages.next()) {
                (Some(f), None) => Some(*f),
                _ => None,
            }
        };
        let (x, y) = (lone_age(0, all_a)?, lone_age(1, all_b)?);
        (!self.of_others(&x, &y)).then_some((x, y))
    }
}

/// The token of the other sentence of `link` at the place of token `token` of side `side` (0:
/// `a`, 1: `b`), when the token lies in wording the two share (an equal run of the word diff).
fn same_token_elsewhere(
    link: &Link,
    side: usize,
    token: usize,
    prepared: [&Prepared; 2],
) -> Option<usize> {
    let start = prepared[side].tokens[token].start;
    let edit = link.edits.iter().find(|e| {
        let span = if side == 0 { e.a } else { e.b };
        e.op == EditOp::Equal && (span.0..span.1).contains(&start)
    })?;
    let (here, there) = if side == 0 {
        (edit.a, edit.b)
    } else {
        (edit.b, edit.a)
    };
    let first_in = |p: &Prepared, from: usize| p.tokens.partition_point(|t| t.start < from);
    let offset = token - first_in(prepared[side], here.0);
    let other = first_in(prepared[1 - side], there.0) + offset;
    prepared[1 - side]
        .tokens
        .get(other)
        .filter(|t| t.start < there.1)
        .map(|_| other)
}

/// The stems of the content words naming whose age `reading` gives: the words it is set off
/// after ("Daniel Okafor, 55"; "Daniel Okafor, aged 55") or else those it describes
/// ("54-year-old Daniel Okafor").
fn whose_age(p: &Prepared, words: &[String], reading: &Reading) -> Vec<u32> {
    let (first, end) = match age_named_before(p, words, reading) {
        Some(name) => name,
        None => {
            let (start, last) = counted_after(p, words, reading);
            (start, last + 1)
        }
    };
    p.tokens[first..end.max(first)]
        .iter()
        .filter(|t| t.class == TokenClass::Content)
        .map(|t| t.stem)
        .collect()
}

/// The tokens (first, end) of the words an age set off by a comma follows ("Daniel Okafor, 55",
/// "Daniel Okafor, aged 55"), back to punctuation; `None` for an age written before whose it
/// is ("54-year-old Daniel Okafor").
fn age_named_before(p: &Prepared, words: &[String], reading: &Reading) -> Option<(usize, usize)> {
    if figures::written_age(&words[reading.first]).is_some() {
        return None;
    }
    let mut comma = reading.first.checked_sub(1)?;
    if words[comma] == "aged" {
        comma = comma.checked_sub(1)?;
    }
    if words[comma] != "," {
        return None;
    }
    let first = preceding_words(p, comma, COUNTED_WORDS);
    (first < comma).then_some((first, comma))
}

/// The figures of two similar but unlinked sentences that sit in the same words: the same
/// counted word after them and the same word before.
fn figures_counting_the_same(
    articles: &[Article],
    set: &PreparedSet,
    figure_words: &FigureWords,
    a: SentenceRef,
    b: SentenceRef,
) -> Vec<(Figure, Figure)> {
    let mut out = Vec::new();
    let (pa, pb) = (
        set.get(a.article, a.sentence),
        set.get(b.article, b.sentence),
    );
    let same = |x: &Figure, y: &Figure| {
        counted_stem(pa, x.token).is_some_and(|s| Some(s) == counted_stem(pb, y.token))
            && word_before(pa, x.token).is_some_and(|s| Some(s) == word_before(pb, y.token))
    };
    let (xs, ys) = (
        figures_in(articles, set, figure_words, a, figures::read),
        figures_in(articles, set, figure_words, b, figures::read),
    );
    for x in &xs {
        let matching: Vec<&Figure> = ys.iter().filter(|y| same(x, y)).collect();
        // The match must be the only one seen from either side: were it checked from `a`'s side
        // only, the result would depend on which sentence comes first, i.e. on article order.
        if let [y] = matching.as_slice()
            && xs.iter().filter(|other| same(other, y)).count() == 1
        {
            out.push((*x, **y));
        }
    }
    out
}

/// Whether two figures sit in the same words: the same counted word after them, or the same word
/// before them.
fn same_context(pa: &Prepared, ta: usize, pb: &Prepared, tb: usize) -> bool {
    let before = word_before(pa, ta).is_some_and(|s| Some(s) == word_before(pb, tb));
    counts_the_same(pa, ta, pb, tb) || before
}

/// Whether two figures count the same word (the content word after them).
fn counts_the_same(pa: &Prepared, ta: usize, pb: &Prepared, tb: usize) -> bool {
    counted_stem(pa, ta).is_some_and(|s| Some(s) == counted_stem(pb, tb))
}

/// The stem of the content word a figure counts (the first word after it, past scale words).
fn counted_stem(p: &Prepared, token: usize) -> Option<u32> {
    word_after(p, token)
        .filter(|t| t.class == TokenClass::Content)
        .map(|t| t.stem)
}

/// The word right after the whole of figure `f` of sentence `p`: "a third [of]", "half [of]".
fn word_after_figure<'p>(
    articles: &[Article],
    set: &PreparedSet,
    p: &'p Prepared,
    f: &Figure,
) -> Option<&'p Token> {
    let last = reading_of(articles, set, *f).map_or(f.token, |r| r.last);
    word_after(p, last)
}

/// The word right after a figure, whatever its class ("five were killed").
fn word_after(p: &Prepared, token: usize) -> Option<&Token> {
    p.tokens[token + 1..].iter().find(|t| t.is_word())
}

/// The stem of the word before a figure, past qualifiers.
fn word_before(p: &Prepared, token: usize) -> Option<u32> {
    p.tokens[..token]
        .iter()
        .rev()
        .find(|t| t.is_word() && t.class == TokenClass::Content)
        .map(|t| t.stem)
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The figures of sentence `p` (at `at`), in order: numbers that `read` reads as figures (a
/// conversion in brackets is part of the figure before it, not one of its own).
fn figures_in(
    articles: &[Article],
    set: &PreparedSet,
    figure_words: &FigureWords,
    at: SentenceRef,
    read: fn(&[&str], usize) -> Option<Reading>,
) -> Vec<Figure> {
    if !figure_words.may_hold_figures(articles, set, at) {
        return Vec::new();
    }
    let words = words_of(articles, set, at);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    (0..refs.len())
        .filter(|&token| read(&refs, token).is_some())
        .map(|token| Figure { at, token })
        .collect()
}

/// Per word of the vocabulary, whether it may belong to a figure (see
/// [`figures::may_belong_to_figure`]), as [`words_of`] gives it: found once per comparison, so
/// a sentence is checked at one look-up per token. Most sentences of prose have no such word
/// and are skipped at that cost.
struct FigureWords(Vec<bool>);

impl FigureWords {
    fn of(set: &PreparedSet) -> Self {
        FigureWords(
            set.vocabulary
                .words()
                .map(|word| figures::may_belong_to_figure(&lowercase(word)))
                .collect(),
        )
    }

    /// Whether sentence `at` has a word that may belong to a figure.
    fn may_hold_figures(&self, articles: &[Article], set: &PreparedSet, at: SentenceRef) -> bool {
        let text = &articles[at.article].text;
        set.get(at.article, at.sentence)
            .tokens
            .iter()
            .any(|t| match t.class {
                TokenClass::Number => figures::may_belong_to_figure(&text[t.start..t.end]),
                _ => self.0.get(t.key as usize).copied().unwrap_or(false),
            })
    }
}

/// Those of `figures` (of sentence `p`) whose number lies inside byte span `span`.
fn inside<'f>(figures: &'f [Figure], p: &Prepared, span: (usize, usize)) -> &'f [Figure] {
    let starts_after = |f: &Figure| p.tokens[f.token].start < span.0;
    let ends_within = |f: &Figure| p.tokens[f.token].end <= span.1;
    let first = figures.partition_point(starts_after);
    let last = first + figures[first..].partition_point(ends_within);
    &figures[first..last]
}

fn fact_from(
    articles: &[Article],
    set: &PreparedSet,
    figures: &[Figure],
    basis: FactBasis,
    subjects: &[Subject],
) -> Option<NumberFact> {
    // Each figure's sentence is read once, for its reading and its hedge.
    let words: Vec<Vec<String>> = figures
        .iter()
        .map(|f| words_of(articles, set, f.at))
        .collect();
    let readings: Vec<Option<Reading>> = figures
        .iter()
        .zip(&words)
        .map(|(f, words)| reading_in(words, f.token))
        .collect();
    let mut in_articles: Vec<usize> = figures.iter().map(|f| f.at.article).collect();
    in_articles.dedup();
    if in_articles.len() < 2 {
        return None;
    }
    let hedges: Vec<Hedge> = words
        .iter()
        .zip(&readings)
        .map(|(words, r)| match r {
            Some(r) => Hedge::of(words, r),
            None => Hedge::default(),
        })
        .collect();
    let kind = kind_of(figures, &readings, &hedges)?;
    let mentions: Vec<NumberMention> = figures
        .iter()
        .zip(&readings)
        .filter_map(|(f, r)| mention(articles, set, *f, r.as_ref()?))
        .collect();
    let label = match basis {
        FactBasis::Unlinked => subject_label(figures, subjects),
        FactBasis::Linked => None,
    };
    let fact = label
        .or_else(|| {
            shared_label(
                figures
                    .iter()
                    .filter_map(|f| describe(articles, set, *f))
                    .collect(),
            )
        })
        .unwrap_or_else(|| "a figure".to_owned());
    Some(NumberFact {
        fact,
        kind,
        basis,
        mentions,
    })
}

/// The label of figures joined across unlinked sentences, from what they count, the event and
/// the names at least half their sentences (and two at least) share: "people displaced or
/// sheltering: Port Halden". `None` when they were not read as counting an event (joined by
/// shared wording).
fn subject_label(figures: &[Figure], subjects: &[Subject]) -> Option<String> {
    // `subjects` are in figure order.
    let read: Vec<&Subject> = figures
        .iter()
        .filter_map(|f| {
            let at = subjects.binary_search_by_key(f, |s| s.figure).ok()?;
            subjects.get(at)
        })
        .collect();
    let words: BTreeSet<&str> = read.iter().filter_map(|s| s.counted()).collect();
    // Reports that call the same people "civilians", "residents" and "Palestinians" count people.
    let counted = if words.len() > 1 && read.iter().all(|s| s.counts_people()) {
        "people".to_owned()
    } else {
        most_common(read.iter().filter_map(|s| Some(s.counted()?.to_owned())))?
    };
    let event = most_common(
        read.iter()
            .filter_map(|s| Some(s.event?.0.label().to_owned())),
    )?;
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &read {
        for name in &s.name_words {
            *names.entry(name.as_str()).or_default() += 1;
        }
    }
    let mut common: Vec<(&str, usize)> = names
        .into_iter()
        // A name in one sentence only (one report's source, "the Red Cross said") is no subject.
        .filter(|(_, n)| 2 * n >= read.len() && *n >= read.len().min(2))
        .collect();
    common.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    let names: Vec<&str> = common.iter().take(2).map(|(name, _)| *name).collect();
    Some(if names.is_empty() {
        format!("{counted} {event}")
    } else {
        format!("{counted} {event}: {}", names.join(", "))
    })
}

/// The label most mentions share: the most common first word, extended word by word while most
/// of all labels go on alike, then the shortest whole label so beginning ("observatory" from
/// "observatory", "observatory hurtled toward" and "infrared observatory"), so some outlets'
/// extra words do not become the label.
fn shared_label(labels: Vec<String>) -> Option<String> {
    let split: Vec<Vec<&str>> = labels
        .iter()
        .map(|l| l.split_whitespace().collect())
        .collect();
    let mut prefix: Vec<&str> = Vec::new();
    loop {
        let matching: Vec<&Vec<&str>> = split
            .iter()
            .filter(|words| words.starts_with(&prefix))
            .collect();
        let next = most_common(
            matching
                .iter()
                .filter_map(|words| words.get(prefix.len()))
                .map(|w| (*w).to_owned()),
        );
        let Some(next) = next else { break };
        let continuing = matching
            .iter()
            .filter(|words| words.get(prefix.len()) == Some(&next.as_str()))
            .count();
        if !prefix.is_empty() && 2 * continuing <= split.len() {
            break;
        }
        let Some(word) = split.iter().flatten().find(|w| **w == next) else {
            break;
        };
        prefix.push(word);
    }
    // The shortest whole label with those first words, so a label is never cut mid-phrase.
    split
        .iter()
        .filter(|words| !prefix.is_empty() && words.starts_with(&prefix))
        .min_by(|x, y| x.len().cmp(&y.len()).then_with(|| x.cmp(y)))
        .map(|words| words.join(" "))
}

/// Whether the figures of different articles contradict each other, or only differ in
/// precision; `None` when they all say the same.
///
/// A hedge added or dropped ("some 300" → "300") is a difference in precision only where each
/// article mentions the quantity once: figures an article gives twice may have been joined through
/// a passage repeated elsewhere, where another hedge is no change.
fn kind_of(figures: &[Figure], readings: &[Option<Reading>], hedges: &[Hedge]) -> Option<FactKind> {
    let articles: BTreeSet<usize> = figures.iter().map(|f| f.at.article).collect();
    let once_each = articles.len() == figures.len();
    let mut differ = false;
    for (i, (fx, rx)) in figures.iter().zip(readings).enumerate() {
        for (j, (fy, ry)) in figures.iter().zip(readings).enumerate().skip(i + 1) {
            let (Some(rx), Some(ry)) = (rx, ry) else {
                continue;
            };
            // A pair ("0-10") and a single figure are not readings of one quantity to compare,
            // unless the pair is a range said in words ("between 200 and 300").
            let pair_and_single =
                rx.second.is_some() != ry.second.is_some() && !(rx.range || ry.range);
            if fx.at.article == fy.at.article || pair_and_single {
                continue;
            }
            if !rx.agrees_with(ry) || figures::is_unit_changed(rx, ry) {
                return Some(FactKind::Conflict);
            }
            let rehedged = once_each && rx.bound != ry.bound && hedges[i].differs(&hedges[j]);
            differ |= !rx.same_number(ry) || rehedged;
        }
    }
    differ.then_some(FactKind::Precision)
}

/// Words before a figure in which its hedge may be said otherwise ("about the space of three
/// hours" against "about three hours").
const HEDGE_REACH: usize = 4;

/// How a figure is hedged: tells a hedge added or dropped ("some 300 workers" → "300 workers")
/// from the same hedge worded otherwise.
#[derive(Default)]
struct Hedge {
    /// The first word of the figure's qualifier ("about", "some", "at" of "at least").
    qualifier: Option<String>,
    /// The words just before the figure's wording.
    before: Vec<String>,
}

impl Hedge {
    /// The hedge of the figure `reading` read in its sentence's `words`.
    fn of(words: &[String], reading: &Reading) -> Self {
        let first = reading.first.min(words.len());
        let qualifier = words
            .get(first)
            .filter(|_| reading.bound != Bound::Exact)
            .cloned();
        let before = words[first.saturating_sub(HEDGE_REACH)..first].to_vec();
        Hedge { qualifier, before }
    }

    /// Whether two differently bounded figures are hedged differently: neither's qualifier
    /// stands just before the other.
    fn differs(&self, other: &Hedge) -> bool {
        let echoed =
            |x: &Hedge, y: &Hedge| x.qualifier.as_ref().is_some_and(|q| y.before.contains(q));
        !echoed(self, other) && !echoed(other, self)
    }
}

/// One article's wording of a figure: qualifier, currency, number, scale and what it counts.
fn mention(
    articles: &[Article],
    set: &PreparedSet,
    figure: Figure,
    reading: &Reading,
) -> Option<NumberMention> {
    let p = set.get(figure.at.article, figure.at.sentence);
    let text = &articles[figure.at.article].text;
    let words = words_of(articles, set, figure.at);
    let mut first = reading.first;
    let mut last = counted_after(p, &words, reading).1;
    let age_named_before = (reading.unit == Some(figures::AGE))
        .then(|| age_named_before(p, &words, reading))
        .flatten();
    if let Some((name, _)) = age_named_before {
        // "Daniel Okafor, 55": whose age it is, and the age.
        first = name;
        last = reading.last;
    } else if let Some(pronoun) = share_of_pronoun(&words, reading) {
        // "one third of them".
        last = pronoun;
    } else if last == reading.last && reading.unit.is_none() {
        // A bare number with nothing counted after it ("the toll rose to 38"): show the words
        // before it. A sum or a measure ("£1.6m") says what it is by itself.
        first = preceding_words(p, first, COUNTED_WORDS);
    }
    last = last.max(reading.last);
    Some(NumberMention {
        article: figure.at.article,
        sentence: figure.at.sentence,
        text: collapse_whitespace(text.get(p.tokens[first].start..p.tokens[last].end)?),
        value: Some(reading.value),
        second: reading.second,
        unit: reading.unit.map(str::to_owned),
        bound: reading.bound,
    })
}

/// The words the figure `reading` counts, after its number: units first ("francs", "percent",
/// "percentage points"; an ordinal has none: "the fourth day" orders days), then up to
/// [`COUNTED_WORDS`] content words, up to a time ("next year"). Returns the first counted word
/// and the last token taken (the number's when nothing is).
fn counted_after(p: &Prepared, words: &[String], reading: &Reading) -> (usize, usize) {
    let from = reading.last + 1;
    let ordinal = reading.unit == Some(figures::ORDINAL);
    let mut at = from;
    loop {
        let two_word_unit = matches!(
            (words.get(at), words.get(at + 1)),
            (Some(x), Some(y)) if figures::two_word_unit(x, y).is_some()
        );
        match words.get(at) {
            _ if ordinal => break,
            _ if two_word_unit => at += 2,
            Some(w) if figures::is_unit_word(w) => at += 1,
            _ => break,
        }
    }
    // A share of something ("40 of the wooden supports") counts what follows "of", past the
    // figure that counts it in all ("half of its 900 homes").
    if words.get(at).is_some_and(|w| w == "of") {
        let determiner = words
            .get(at + 1)
            .is_some_and(|w| figures::PARTITIVE_DETERMINERS.contains(&w.as_str()));
        let mut noun = at + 1 + usize::from(determiner);
        if p.tokens
            .get(noun)
            .is_some_and(|t| t.class == TokenClass::Number)
        {
            noun += 1;
        }
        if p.tokens
            .get(noun)
            .is_some_and(|t| t.class == TokenClass::Content)
        {
            at = noun;
        }
    }
    let (mut end, mut taken) = (at, 0);
    while taken < COUNTED_WORDS {
        match p.tokens.get(end) {
            // A verb in the past after what is counted says what it did ("450 members worked").
            Some(_) if taken > 0 && reads_as_past_tense(&words[end]) => break,
            // Nor is a time after it counted ("a 4.5% pay rise last month", "a gap of $3
            // million next year"), unless it is what an ordinal orders ("the fourth summer").
            Some(_) if (taken > 0 || !ordinal) && times::is_time_word(&words[end]) => break,
            Some(t) if t.class == TokenClass::Content => taken += 1,
            // The dot closing an abbreviation ("U.S. sailors") is part of the counted words.
            Some(t)
                if words[end] == "."
                    && end > at
                    && p.tokens[end - 1].end == t.start
                    && p.tokens
                        .get(end + 1)
                        .is_some_and(|next| next.class == TokenClass::Content) => {}
            _ => break,
        }
        end += 1;
    }
    (at, end.max(from) - 1)
}

/// Whether a lower-case word reads as a verb in the past tense ("worked", "arrived"), not a
/// noun that ends alike ("hundred", "seed").
fn reads_as_past_tense(word: &str) -> bool {
    word.len() >= 5 && word.ends_with("ed") && !word.ends_with("eed") && !word.ends_with("dred")
}

/// The index `n` words before token `at` (punctuation stops the walk).
fn preceding_words(p: &Prepared, at: usize, n: usize) -> usize {
    let mut first = at;
    let mut taken = 0;
    while first > 0 && taken < n && p.tokens[first - 1].is_word() {
        first -= 1;
        taken += 1;
    }
    first
}

/// Most words before a figure read as its label.
const LABEL_WORDS: usize = 6;

/// Prepositions that make a span of time after them the span of what precedes them ("the first
/// title in 44 years").
const TIME_SPAN_PREPOSITIONS: &[&str] = &["for", "in", "over", "since", "within"];

/// What a figure counts: the content words after it past any unit ("rescue workers"), or a
/// dimension where only one follows ("1.5 million kilometres away"), or, when nothing follows,
/// a "duration" for a span of time that no preposition ties to the words before it ("could take
/// at least four weeks": those words are the clause's verb, "take", and whatever precedes it),
/// each with the words before the figure (see [`measure_label`]); or else the words before it
/// without leading function words, qualifiers or currency ("overall death toll from the
/// disaster"). Never a bare unit.
fn describe(articles: &[Article], set: &PreparedSet, figure: Figure) -> Option<String> {
    let p = set.get(figure.at.article, figure.at.sentence);
    let text = &articles[figure.at.article].text;
    let words = words_of(articles, set, figure.at);
    let reading = reading_of(articles, set, figure)?;
    let (start, last) = counted_after(p, &words, &reading);
    let anchor = start_of_figure_run(&words, reading.first);
    let before = || words_before(p, text, &words, anchor);
    if reading.unit == Some(figures::AGE) {
        return Some(age_label(p, text, &words, &reading, (start, last)));
    }
    if last >= start {
        let counted = lower_case_words(p, text, start, last);
        return Some(match dimension_of(&counted) {
            Some(dimension) => measure_label(dimension, before()),
            None if GENERIC_COUNTED.contains(&counted.as_str()) => {
                let befell = what_befell(p, &words, last + 1).or_else(|| {
                    let verb = words.get(anchor.checked_sub(1)?)?;
                    done_to_them(verb)
                });
                match befell {
                    Some(verb) => format!("{counted} {verb}"),
                    None => counted,
                }
            }
            None => counted,
        });
    }
    // "in 44 years", "for two weeks": the words before tell what the span is of.
    let spans_what_precedes = anchor > 0 && TIME_SPAN_PREPOSITIONS.contains(&&*words[anchor - 1]);
    if reading.unit.is_some_and(figures::is_time_unit) && !spans_what_precedes {
        return Some(measure_label("duration", before()));
    }
    // "one third of them now make a loss": what the share does, said after it.
    let after_share = || {
        share_of_pronoun(&words, &reading)?;
        let mut end = following_words(p, reading.last + 1, LABEL_WORDS);
        // Up to the last content word ("of them were taken to hospital", not "... to the").
        while end > reading.last + 3 && p.tokens[end - 1].class != TokenClass::Content {
            end -= 1;
        }
        Some(measure_label(
            "share",
            Some(lower_case_words(p, text, reading.last + 1, end - 1)),
        ))
    };
    before().or_else(after_share)
}

/// Pronouns a share may be of ("half of them"), standing for what was named before.
const SHARED_PRONOUNS: &[&str] = &["it", "them", "these", "those", "us"];

/// The token of the pronoun a share is of ("one third of them"), if it is of one.
fn share_of_pronoun(words: &[String], reading: &Reading) -> Option<usize> {
    let pronoun = reading.last + 2;
    let of_pronoun = words.get(reading.last + 1).is_some_and(|w| w == "of")
        && words
            .get(pronoun)
            .is_some_and(|w| SHARED_PRONOUNS.contains(&w.as_str()));
    (reading.unit == Some(figures::PERCENT) && of_pronoun).then_some(pronoun)
}

/// The end (exclusive) of up to `n` words from token `from` on (punctuation stops the walk).
fn following_words(p: &Prepared, from: usize, n: usize) -> usize {
    let mut end = from;
    while end < p.tokens.len() && end - from < n && p.tokens[end].is_word() {
        end += 1;
    }
    end
}

/// The label of an age: whose it is, the words it is set off after ("Daniel Okafor, 55") or
/// else those it describes, `(start, last)` of [`counted_after`] ("the 54-year-old first
/// mate"): "age (daniel okafor)".
fn age_label(
    p: &Prepared,
    text: &str,
    words: &[String],
    reading: &Reading,
    (start, last): (usize, usize),
) -> String {
    let whose = match age_named_before(p, words, reading) {
        Some((_, comma)) => words_before(p, text, words, comma),
        None => (last >= start).then(|| lower_case_words(p, text, start, last)),
    };
    measure_label("age", whose)
}

/// The words of tokens `first` to `last` of sentence `p` as written, spaces collapsed, in
/// lower case: a label's text.
fn lower_case_words(p: &Prepared, text: &str, first: usize, last: usize) -> String {
    collapse_whitespace(&text[p.tokens[first].start..p.tokens[last].end]).to_lowercase()
}

/// Counted words that say little alone ("23 people"): the label adds what befell them ("people
/// killed").
const GENERIC_COUNTED: &[&str] = &["individuals", "others", "people", "persons"];
/// Auxiliaries between the counted words and what befell them ("were", "have been").
const AUXILIARIES: &[&str] = &[
    "are", "be", "been", "being", "had", "has", "have", "is", "was", "were",
];
/// What befalls those counted without an auxiliary before it ("five people died").
const BEFELL: &[&str] = &["dead", "died", "injured", "killed", "missing", "wounded"];

/// What a verb right before a count did to those counted ("killed at least 21 people",
/// "killing five people": killed).
fn done_to_them(verb: &str) -> Option<&'static str> {
    const DONE: [(&str, &str); 9] = [
        ("injured", "injured"),
        ("injuring", "injured"),
        ("injures", "injured"),
        ("killed", "killed"),
        ("killing", "killed"),
        ("kills", "killed"),
        ("wounded", "wounded"),
        ("wounding", "wounded"),
        ("wounds", "wounded"),
    ];
    looked_up(&DONE, verb)
}

/// The value `table` pairs with `word`, if it lists the word.
fn looked_up(table: &[(&str, &'static str)], word: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(listed, _)| *listed == word)
        .map(|(_, value)| *value)
}

/// The word after the counted words at token `from` that says what befell them: a content word
/// after an auxiliary ("were killed", "have been found"), or one of [`BEFELL`] right after them.
fn what_befell<'w>(p: &Prepared, words: &'w [String], from: usize) -> Option<&'w str> {
    let mut at = from;
    while words
        .get(at)
        .is_some_and(|w| AUXILIARIES.contains(&w.as_str()))
    {
        at += 1;
    }
    let word = words.get(at)?;
    let content = p
        .tokens
        .get(at)
        .is_some_and(|t| t.class == TokenClass::Content);
    (content && (at > from || BEFELL.contains(&word.as_str()))).then_some(word.as_str())
}

/// A measure's label: its dimension, with the words before the figure that say what it is of
/// ("distance (hurtled toward its destination)", "duration (repairs to the pier could take)"),
/// or the dimension alone where none stand before it.
pub(super) fn measure_label(dimension: &str, context: Option<String>) -> String {
    match context {
        Some(context) => format!("{dimension} ({context})"),
        None => dimension.to_owned(),
    }
}

/// What happens at the time reference starting at byte `start` of sentence `at`: the words
/// before it and the words `in_time_phrase` takes for part of it, as a figure's label takes them
/// (see [`words_before`]: "close the old quay" of "would close the old quay by the end of next
/// year"), with a verb of saying right before it.
pub(super) fn words_before_time(
    articles: &[Article],
    set: &PreparedSet,
    at: SentenceRef,
    start: usize,
    in_time_phrase: impl Fn(&str) -> bool,
) -> Option<String> {
    let p = set.get(at.article, at.sentence);
    let words = words_of(articles, set, at);
    let mut anchor = p.tokens.iter().position(|t| t.start >= start)?;
    while anchor > 0 && p.tokens[anchor - 1].is_word() && in_time_phrase(&words[anchor - 1]) {
        anchor -= 1;
    }
    let text = &articles[at.article].text;
    // The time of a statement: who spoke and the verb ("officials said" of "officials said on
    // Monday"), the verb being no word a label otherwise takes.
    match anchor.checked_sub(1).map(|at| &words[at]) {
        Some(verb) if is_speaking(verb) => Some(match words_before(p, text, &words, anchor - 1) {
            Some(who) => format!("{who} {verb}"),
            None => verb.clone(),
        }),
        _ => words_before(p, text, &words, anchor),
    }
}

/// Up to [`LABEL_WORDS`] words before token `anchor` in lower case, back to punctuation at most,
/// from the first to the last content word that is no unit nor figure (or an ordinal before
/// one); `None` when there is none.
fn words_before(p: &Prepared, text: &str, words: &[String], anchor: usize) -> Option<String> {
    let is_label_word = |i: usize| {
        p.tokens[i].class == TokenClass::Content
            && !figures::is_unit_word(&words[i])
            && !figures::may_belong_to_figure(&words[i])
    };
    // An ordinal written out before a label word ranks it ("the first mate", "a second
    // officer") and opens the label.
    let opens_label = |i: usize| {
        is_label_word(i)
            || figures::ordinal_value(&words[i]).is_some() && i + 1 < anchor && is_label_word(i + 1)
    };
    let mut first = preceding_words(p, anchor, LABEL_WORDS);
    while first < anchor && !opens_label(first) {
        first += 1;
    }
    let mut end = anchor;
    while end > first && !is_label_word(end - 1) {
        end -= 1;
    }
    (end > first).then(|| lower_case_words(p, text, first, end - 1))
}

/// Where the run of figures that token `at` ends begins: scores and lists of figures
/// ("beating the champion 6-4, 6-3") are described by the words before the first of them.
fn start_of_figure_run(words: &[String], mut at: usize) -> usize {
    let in_run = |w: &str| figures::is_figure(w) || w == "," || figures::is_pair_dash(w);
    while at > 0 && in_run(&words[at - 1]) {
        at -= 1;
    }
    at
}

/// The measure a figure gives when the only word after it names a dimension, not a thing
/// ("1.5 million kilometres away" gives a distance, "40 metres high" a height, "three years
/// ago" a time).
fn dimension_of(word: &str) -> Option<&'static str> {
    const DIMENSIONS: [(&str, &str); 11] = [
        ("ago", "time"),
        ("earlier", "time"),
        ("later", "time"),
        ("since", "time"),
        ("away", "distance"),
        ("long", "length"),
        ("high", "height"),
        ("tall", "height"),
        ("wide", "width"),
        ("deep", "depth"),
        ("old", "age"),
    ];
    looked_up(&DIMENSIONS, word)
}

/// Figures joined into quantities. A join is refused when it would give one article two
/// different values for the quantity: that means two quantities were about to be conflated
/// ("five people" killed in the first avalanche, "23 people" in the second); when it would mix
/// currencies or units ("3 billion Swiss francs", "2 billion dollars"); and, for the weakest
/// evidence ([`Evidence::AgreeingSubject`]), when any two figures of the joined set from
/// different articles would disagree.
#[derive(Default)]
struct Joins {
    ids: FastMap<Figure, usize>,
    figures: Vec<Figure>,
    readings: Vec<Option<Reading>>,
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
    /// Per root: whether any join of its set came through linked sentences.
    linked: Vec<bool>,
}

impl Joins {
    /// The id of figure `f`, read with `read` the first time it is seen.
    fn id(&mut self, f: Figure, read: &dyn Fn(Figure) -> Option<Reading>) -> usize {
        if let Some(&id) = self.ids.get(&f) {
            return id;
        }
        let id = self.figures.len();
        self.ids.insert(f, id);
        self.figures.push(f);
        self.readings.push(read(f));
        self.parent.push(id);
        self.members.push(vec![id]);
        self.linked.push(false);
        id
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the quantities of `a` and `b` on `evidence` unless that would conflate two
    /// quantities.
    fn union(
        &mut self,
        (a, b): (Figure, Figure),
        evidence: Evidence,
        read: &dyn Fn(Figure) -> Option<Reading>,
    ) {
        let (ia, ib) = (self.id(a, read), self.id(b, read));
        let (ra, rb) = (self.find(ia), self.find(ib));
        if ra == rb
            || self.would_conflate(ra, rb, evidence)
            || evidence == Evidence::AgreeingSubject && self.would_disagree(ra, rb)
        {
            return;
        }
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.parent[child] = root;
        let moved = std::mem::take(&mut self.members[child]);
        self.members[root].extend(moved);
        self.linked[root] |= self.linked[child] || evidence == Evidence::Linked;
    }

    fn cross_pairs(&self, ra: usize, rb: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.members[ra]
            .iter()
            .flat_map(move |&x| self.members[rb].iter().map(move |&y| (x, y)))
    }

    /// Whether joining would give one article two values for the quantity, or mix currencies
    /// or units (where linked sentences give one number in another unit of one measure, that
    /// unit changed: see [`figures::is_unit_changed`]).
    fn would_conflate(&self, ra: usize, rb: usize, evidence: Evidence) -> bool {
        self.cross_pairs(ra, rb).any(|(x, y)| {
            let (rx, ry) = (self.readings[x].as_ref(), self.readings[y].as_ref());
            let same_number = matches!((rx, ry), (Some(rx), Some(ry)) if rx.same_number(ry));
            let unit_changed = evidence == Evidence::Linked
                && matches!((rx, ry), (Some(rx), Some(ry)) if figures::is_unit_changed(rx, ry));
            !figures::same_units(rx.and_then(|r| r.unit), ry.and_then(|r| r.unit)) && !unit_changed
                || self.figures[x].at.article == self.figures[y].at.article && !same_number
        })
    }

    /// Whether two figures of different articles, one from each set, disagree.
    fn would_disagree(&self, ra: usize, rb: usize) -> bool {
        self.cross_pairs(ra, rb).any(|(x, y)| {
            self.figures[x].at.article != self.figures[y].at.article
                && match (&self.readings[x], &self.readings[y]) {
                    (Some(rx), Some(ry)) => !rx.agrees_with(ry),
                    _ => true,
                }
        })
    }

    /// The joined sets of figures that may disagree (from two articles or more, with two values
    /// or more: a cheap first sieve, [`fact_from`] decides), each sorted by position, with how
    /// they were joined, in order of their first figure.
    fn components(self) -> Vec<(Vec<Figure>, FactBasis)> {
        let mut out: Vec<(Vec<Figure>, FactBasis)> = self
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| self.may_disagree(m))
            .map(|(root, m)| {
                let mut list: Vec<Figure> = m.iter().map(|&i| self.figures[i]).collect();
                list.sort();
                let basis = if self.linked[root] {
                    FactBasis::Linked
                } else {
                    FactBasis::Unlinked
                };
                (list, basis)
            })
            .collect();
        out.sort();
        out
    }

    fn may_disagree(&self, members: &[usize]) -> bool {
        let Some(&first) = members.first() else {
            return false;
        };
        let article = self.figures[first].at.article;
        let mut readings = members.iter().filter_map(|&i| self.readings[i].as_ref());
        let two_numbers = readings.next().is_some_and(|one| {
            readings.any(|other| {
                !other.same_number(one) || other.bound != one.bound || other.unit != one.unit
            })
        });
        two_numbers
            && members
                .iter()
                .any(|&i| self.figures[i].at.article != article)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;
    use crate::compare::{Options, compare};

    /// The comparison of an original and its copy.
    fn compared(original: &str, copy: &str) -> crate::compare::Comparison {
        let articles = vec![
            Article::from_text("original", "o.txt", original, Format::Text),
            Article::from_text("copy", "c.txt", copy, Format::Text),
        ];
        compare(articles, &Options::default())
    }

    /// The wordings of each changed time between an original and its copy, sorted.
    fn moved_times(original: &str, copy: &str) -> Vec<Vec<String>> {
        let mut moved: Vec<Vec<String>> = compared(original, copy)
            .numbers
            .iter()
            .filter(|f| f.mentions.iter().all(|m| m.unit.as_deref() == Some("time")))
            .map(|f| f.mentions.iter().map(|m| m.text.clone()).collect())
            .collect();
        moved.sort();
        moved
    }

    #[test]
    fn a_changed_time_is_labelled_by_what_happens_then() {
        let c = compared(
            "WESTPORT (AP) — The ferry line said it would close the old quay by the end of next \
             year. Its boats will use the new pier.",
            "The ferry line will close the old quay by the end of this year. Its boats will use \
             the new pier.",
        );
        let labels: Vec<&str> = c
            .numbers
            .iter()
            .filter(|f| f.mentions.iter().all(|m| m.unit.as_deref() == Some("time")))
            .map(|f| f.fact.as_str())
            .collect();
        assert_eq!(labels, ["when (close the old quay)"]);
        let c = compared(
            "WESTPORT (AP) — The old quay will close, the ferry line said on Monday. Its boats \
             will use the new pier.",
            "The old quay will close, the ferry line said on Tuesday. Its boats will use the new \
             pier.",
        );
        let labels: Vec<&str> = c.numbers.iter().map(|f| f.fact.as_str()).collect();
        assert_eq!(labels, ["when (ferry line said)"]);
    }

    #[test]
    fn a_day_or_time_of_day_moved_is_a_changed_time_and_no_other_figure() {
        let original = "The harbour board will vote on January 1st at 9 a.m. on whether to \
                        extend the pier, its chair said.";
        let moved = "The harbour board will vote on Jan. 8 at 10:00 on whether to extend the \
                     pier, its chair said.";
        assert_eq!(
            moved_times(original, moved),
            [["9 a.m.", "10:00"], ["January 1st", "Jan. 8"]]
        );
        assert!(
            conflicts(original, moved)
                .iter()
                .all(|values| values.is_empty())
        );
        let reordered = "The harbour board will vote on 8 January at 9 p.m. on whether to \
                         extend the pier, its chair said.";
        assert_eq!(
            moved_times(original, reordered),
            [["9 a.m.", "9 p.m."], ["January 1st", "8 January"]]
        );
        let same = "The harbour board will vote on Jan. 1 at 09:00 on whether to extend the \
                    pier, its chair said.";
        assert!(moved_times(original, same).is_empty());
        assert!(compared(original, same).numbers.is_empty());
    }

    #[test]
    fn facts_opening_with_the_same_mention_sort_the_same_in_any_order() {
        let mention = |article: usize, text: &str| NumberMention {
            article,
            sentence: 2,
            text: text.to_owned(),
            value: None,
            second: None,
            unit: Some("time".to_owned()),
            bound: Bound::Exact,
        };
        let fact = |second: NumberMention| NumberFact {
            fact: "when (officials said)".to_owned(),
            kind: FactKind::Conflict,
            basis: FactBasis::Linked,
            mentions: vec![mention(0, "Tuesday"), second],
        };
        let (x, y) = (fact(mention(1, "Monday")), fact(mention(2, "Sunday")));
        let mut given = vec![x.clone(), y.clone()];
        let mut reversed = vec![y, x];
        sort_facts(&mut given);
        sort_facts(&mut reversed);
        assert_eq!(given, reversed);
    }

    #[test]
    fn a_month_changed_within_a_day_is_one_changed_time() {
        let original = "The new ferry timetable starts on 1 March, the harbour board said.";
        let copy = "The new ferry timetable starts on 1 April, the harbour board said.";
        assert_eq!(moved_times(original, copy), [["1 March", "1 April"]]);
    }

    #[test]
    fn a_sum_written_onto_its_currency_code_is_compared_with_the_sum_in_words() {
        assert_eq!(
            conflicts(
                "The first phase would cost 3 billion Swiss francs, the board's estimate shows.",
                "The first phase would cost CHF4bn, the board's estimate shows.",
            ),
            [[3e9, 4e9]]
        );
    }

    /// The label of each fact between an original and its copy.
    fn label(original: &str, copy: &str) -> Vec<String> {
        let numbers = compared(original, copy).numbers;
        numbers.into_iter().map(|f| f.fact).collect()
    }

    /// The values of each conflicting fact between an original and its copy.
    fn conflicts(original: &str, copy: &str) -> Vec<Vec<f64>> {
        compared(original, copy)
            .numbers
            .iter()
            .filter(|f| f.kind == FactKind::Conflict)
            .map(|f| f.mentions.iter().filter_map(|m| m.value).collect())
            .collect()
    }

    /// The wordings of each fact differing only in precision between an original and its copy.
    fn precision_facts(original: &str, copy: &str) -> Vec<Vec<String>> {
        compared(original, copy)
            .numbers
            .iter()
            .filter(|f| f.kind == FactKind::Precision)
            .map(|f| f.mentions.iter().map(|m| m.text.clone()).collect())
            .collect()
    }

    /// Each fact's label and wordings between an original and its copy.
    fn facts(original: &str, copy: &str) -> Vec<(String, Vec<String>)> {
        compared(original, copy)
            .numbers
            .into_iter()
            .map(|f| (f.fact, f.mentions.into_iter().map(|m| m.text).collect()))
            .collect()
    }

    #[test]
    fn an_age_given_elsewhere_in_the_sentence_is_compared_as_the_same_persons_age() {
        let original = "The ferry's chief engineer, 54-year-old Tomas Brandt, was not on duty \
                        when the ramp gave way, the operator said.";
        let moved = "The ferry's chief engineer, Tomas Brandt, 55, was not on duty when the \
                     ramp gave way, the operator said.";
        assert_eq!(
            facts(original, moved),
            [(
                "age (tomas brandt)".to_owned(),
                vec![
                    "54-year-old Tomas Brandt".to_owned(),
                    "Tomas Brandt, 55".to_owned()
                ]
            )]
        );
        assert_eq!(conflicts(original, moved), [[54.0, 55.0]]);
        let aged = "The ferry's chief engineer, Tomas Brandt, aged 54, was not on duty when the \
                    ramp gave way, the operator said.";
        assert!(compared(original, aged).numbers.is_empty());
        // Two people's ages: the engineer's cut, the passenger's added.
        let other = "The ferry's chief engineer, Tomas Brandt, was not on duty when the ramp \
                     gave way, a passenger, 23, said.";
        assert!(compared(original, other).numbers.is_empty());
        // Two people's ages, each given the other way: the same ages, no change.
        let two = "It was the first final since 19-year-old Ana Ruiz beat 21-year-old Mia Holt \
                   in the 2004 championship at the harbour club.";
        let set_off = "It was the first final since Ruiz, 19, beat Mia Holt, 21, in the 2004 \
                       championship at the harbour club.";
        assert!(compared(two, set_off).numbers.is_empty());
    }

    #[test]
    fn an_age_set_off_after_a_rank_is_labelled_with_the_rank() {
        let original = "The first mate, 52, was charged with neglect after the ferry struck \
                        the pier on Friday.";
        let changed = "The first mate, 53, was charged with neglect after the ferry struck the \
                       pier on Friday.";
        assert_eq!(
            facts(original, changed),
            [(
                "age (first mate)".to_owned(),
                vec![
                    "The first mate, 52".to_owned(),
                    "The first mate, 53".to_owned()
                ]
            )]
        );
    }

    #[test]
    fn a_range_whose_first_number_was_replaced_is_compared_by_the_upper_one_kept() {
        let original = "The spill killed between 200 and 300 fish in the mill pond last spring, \
                        the river trust said.";
        let upper = "The spill killed up to 300 fish in the mill pond last spring, the river \
                     trust said.";
        assert_eq!(
            precision_facts(original, upper),
            [["between 200 and 300 fish", "up to 300 fish"]]
        );
        let outside = "The spill killed about 500 fish in the mill pond last spring, the river \
                       trust said.";
        assert_eq!(conflicts(original, outside), [[200.0, 500.0]]);
        let narrowed = "The spill killed between 250 and 300 fish in the mill pond last spring, \
                        the river trust said.";
        assert_eq!(conflicts(original, narrowed), [[200.0, 250.0]]);
        // Ages: labelled by whose they are.
        let ages = "Six walkers, aged between 19 and 74, were rescued from the ridge by the \
                    coastguard on Sunday.";
        let changed = "Six walkers, aged between 19 and 78, were rescued from the ridge by the \
                       coastguard on Sunday.";
        assert_eq!(
            facts(ages, changed),
            [(
                "age (walkers)".to_owned(),
                vec![
                    "Six walkers, aged between 19 and 74".to_owned(),
                    "Six walkers, aged between 19 and 78".to_owned()
                ]
            )]
        );
    }

    #[test]
    fn a_share_of_a_pronoun_is_labelled_by_what_the_share_does() {
        let original = "The trust planted 400 oaks along the ridge, and one third of them died \
                        in the summer drought.";
        let copy = "The trust planted 400 oaks along the ridge, and half of them died in the \
                    summer drought.";
        assert_eq!(
            facts(original, copy),
            [(
                "share (of them died in the summer)".to_owned(),
                vec!["one third of them".to_owned(), "half of them".to_owned()]
            )]
        );
    }

    #[test]
    fn a_number_grouped_by_spaces_is_the_number_grouped_by_commas() {
        let original = "The utility said 12,000 homes lost power when the storm hit the coast. \
            Crews worked through the night to restore it.";
        let copy = "The utility said 12 000 homes lost power when the storm hit the coast. \
            Crews worked through the night to restore it.";
        assert!(compared(original, copy).numbers.is_empty());
        let other = copy.replace("12 000", "14\u{202F}000");
        assert_eq!(conflicts(original, &other), [vec![12_000.0, 14_000.0]]);
    }

    #[test]
    fn a_figure_written_onto_its_currency_code_is_read() {
        let sold = |price: &str| {
            format!(
                "The bank was sold for {price} on Sunday, the regulator said after the \
                 markets closed."
            )
        };
        assert_eq!(
            conflicts(&sold("CHF3bn"), &sold("CHF4bn")),
            [vec![3e9, 4e9]]
        );
        assert!(conflicts(&sold("CHF3bn"), &sold("CHF 3 billion")).is_empty());
    }

    #[test]
    fn an_ordinal_changed_is_a_changed_figure_of_what_it_orders() {
        let strike = |day: &str, strike: &str| {
            format!(
                "A strike by train drivers entered its {day} week on Thursday as talks stalled. \
                 It is the {strike} strike by the union this year, its leaders said."
            )
        };
        let copy = strike("fifth", "3rd");
        assert_eq!(
            conflicts(&strike("fourth", "second"), &copy),
            [[4.0, 5.0], [2.0, 3.0]]
        );
        assert_eq!(
            label(&strike("fourth", "second"), &copy),
            ["week", "strike"]
        );
        assert!(
            compared(&strike("fifth", "third"), &copy)
                .numbers
                .is_empty()
        );
    }

    #[test]
    fn a_time_right_after_a_figure_is_not_what_it_counts() {
        let gap = |figure: &str| {
            format!("The councillor warned the plan could leave a gap of {figure} next year.")
        };
        assert_eq!(
            label(&gap("$3 million"), &gap("$4 million")),
            ["plan could leave a gap"]
        );
    }

    #[test]
    fn an_ordinal_is_never_the_same_quantity_as_a_count() {
        let copy = "Okafor, ranked 212th, became the youngest rower to cross the lake alone \
                    after a night of strong winds on the water.";
        let original = "Okafor, 19, became the youngest rower to cross the lake alone after a \
                        night of strong winds on the water.";
        assert!(compared(original, copy).numbers.is_empty());
    }

    #[test]
    fn a_verb_in_the_past_after_what_is_counted_is_not_counted() {
        let tail = "at the boatyard before it closed, the union said on Friday.";
        assert_eq!(
            label(
                &format!("About 450 of its members worked {tail}"),
                &format!("Some 480 of its members worked {tail}")
            ),
            ["members"]
        );
        // A word that only ends alike is counted.
        assert_eq!(
            label(
                "The farm sold 40 tonnes of barley seed to the mill on Friday, the owner said.",
                "The farm sold 45 tonnes of barley seed to the mill on Friday, the owner said."
            ),
            ["barley seed"]
        );
    }

    #[test]
    fn people_counted_are_labelled_by_what_befell_them() {
        let tail = "when the old bridge over the gorge collapsed on Sunday.";
        assert_eq!(
            label(
                &format!("Five people were killed {tail}"),
                &format!("Seven people were killed {tail}")
            ),
            ["people killed"]
        );
        assert_eq!(
            label(
                &format!("Rescuers said five people died {tail}"),
                &format!("Rescuers said seven people died {tail}")
            ),
            ["people died"]
        );
        assert_eq!(
            label(
                &format!("The collapse killed at least 40 people {tail}"),
                &format!("The collapse killed at least 45 people {tail}")
            ),
            ["people killed"]
        );
        // Without what befell them, the people alone.
        assert_eq!(
            label(
                &format!("Some 300 people from the valley waited {tail}"),
                &format!("Some 400 people from the valley waited {tail}")
            ),
            ["people"]
        );
    }

    #[test]
    fn a_hedge_added_or_dropped_is_a_difference_in_precision() {
        let hedged = "Some 300 volunteers were sent to the flooded valley on Monday night. \
            The river crested at dawn.";
        let plain = "300 volunteers were sent to the flooded valley on Monday night. \
            The river crested at dawn.";
        let wanted = [["Some 300 volunteers", "300 volunteers"]];
        assert_eq!(precision_facts(hedged, plain), wanted);
        let at_least = "At least five people were killed when the bridge over the gorge \
            collapsed.";
        let exactly = "Five people were killed when the bridge over the gorge collapsed.";
        assert_eq!(precision_facts(exactly, at_least).len(), 1);
        // The same hedge worded otherwise is no difference.
        let spelled_out = "They waited about the space of three hours before the doors of the \
            hall were opened.";
        let short = "They waited about three hours before the doors of the hall were opened.";
        assert!(precision_facts(spelled_out, short).is_empty());
    }

    #[test]
    fn a_figure_in_a_shortened_list_pairs_with_the_one_counting_the_same() {
        let original = "The dead included eight police officers, three firefighters and nine \
            volunteers from nearby villages.";
        let copy = "The dead included eight police officers and twelve volunteers from nearby \
            villages.";
        assert_eq!(conflicts(original, copy), [[9.0, 12.0]]);
        // Two figures counting the same thing on one side pair with neither.
        let twice = "The dead included nine volunteers from the coast and three volunteers from \
            nearby villages.";
        let once = "The dead included twelve volunteers from nearby villages.";
        assert_eq!(conflicts(twice, once), Vec::<Vec<f64>>::new());
    }

    #[test]
    fn only_sentences_without_figures_are_skipped_unread() {
        let text = "Most of the ferries sailed. Two Million people watched. \
             The toll rose to 3,000 overnight. A dozen boats waited. Crews from \u{c9}vian said so.";
        let set = PreparedSet::from_texts(&[text]);
        let articles = [Article::from_text("x", "x.txt", text, Format::Text)];
        let figure_words = FigureWords::of(&set);
        for sentence in 0..5 {
            let at = SentenceRef::new(0, sentence);
            let words = words_of(&articles, &set, at);
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let read = (0..refs.len()).any(|t| figures::read_with_counts(&refs, t).is_some());
            assert!(
                figure_words.may_hold_figures(&articles, &set, at) || !read,
                "sentence {sentence} has a figure"
            );
        }
        let skipped = |sentence| {
            !figure_words.may_hold_figures(&articles, &set, SentenceRef::new(0, sentence))
        };
        assert!(skipped(0) && skipped(4), "no digits and no scale word");
        assert!(!skipped(1) && !skipped(2) && !skipped(3));
    }

    #[test]
    fn a_changed_figure_beside_another_event_is_another_quantity() {
        let original = "The ferry ran aground off the north cape in a storm. \
            The coastguard said 14 passengers were rescued, 6 were injured and others are still \
            missing. Divers will search again at first light.";
        let other_event = "The ferry ran aground off the north cape in a storm. \
            The coastguard said 14 passengers were rescued and an estimated 9 others are still \
            missing. Divers will search again at first light.";
        let same_event = "The ferry ran aground off the north cape in a storm. \
            The coastguard said 14 passengers were rescued, 8 were injured and others are still \
            missing. Divers will search again at first light.";
        assert_eq!(conflicts(original, other_event), Vec::<Vec<f64>>::new());
        assert_eq!(conflicts(original, same_event), [[6.0, 8.0]]);
    }

    #[test]
    fn a_toll_spelled_out_at_the_start_of_a_sentence_is_a_figure() {
        let story = "The river burst its banks overnight. \
            Rescue teams reached the valley by boat on Tuesday. ";
        let original = format!("{story}Thirty-one people were killed in the floods.");
        let copy = format!("{story}Thirty-four people were killed in the floods.");
        assert_eq!(conflicts(&original, &copy), [[31.0, 34.0]]);
        let copy = format!("{story}31 people were killed in the floods.");
        assert_eq!(conflicts(&original, &copy), Vec::<Vec<f64>>::new());
    }

    #[test]
    fn a_small_count_spelled_out_and_changed_is_a_conflict_only_before_the_same_word() {
        let story = "The ferry ran aground off the north cape in a storm. \
            Divers will search again at first light. ";
        let original = format!("{story}The captain and seven passengers swam ashore.");
        let copy = format!("{story}The captain and six passengers swam ashore.");
        assert_eq!(conflicts(&original, &copy), [[7.0, 6.0]]);
        let original = format!("{story}At least 23 died when the ferry ran aground, police said.");
        let copy = format!("{story}At least five people died when the ferry ran aground.");
        assert_eq!(conflicts(&original, &copy), Vec::<Vec<f64>>::new());
    }

    #[test]
    fn a_changed_score_is_a_conflict_described_by_the_words_before_it() {
        let story = "The club won its first title in forty years on Sunday. \
            Fans filled the square until late at night. ";
        let original = format!("{story}The home side beat the champions 3-1, 2-0 over two legs.");
        let copy = format!("{story}The home side beat the champions 3-1, 2-1 over two legs.");
        let facts = compared(&original, &copy).numbers;
        let [fact] = facts.as_slice() else {
            panic!("one fact expected: {facts:?}")
        };
        assert_eq!(fact.kind, FactKind::Conflict);
        assert!(fact.fact.contains("champions"), "{}", fact.fact);
        let written: Vec<(&str, Option<f64>)> = fact
            .mentions
            .iter()
            .map(|m| (m.text.as_str(), m.second))
            .collect();
        assert_eq!(written, [("2-0", Some(0.0)), ("2-1", Some(1.0))]);
    }

    #[test]
    fn the_same_number_in_another_unit_of_its_measure_is_a_changed_figure() {
        let story = "The carmaker reported its results in Stuttgart on Thursday. \
            Its shares closed higher after the call. ";
        let facts = |original: &str, copy: &str| {
            let sentence = |figures: &str| format!("{story}{figures}, the company said.");
            compared(&sentence(original), &sentence(copy)).numbers
        };
        let profit = facts(
            "Quarterly profit rose to $2.1 billion",
            "Quarterly profit rose to €2.1 billion",
        );
        let [fact] = profit.as_slice() else {
            panic!("one fact expected: {profit:?}")
        };
        assert_eq!(fact.kind, FactKind::Conflict);
        let margin = facts(
            "Its margin widened by 1.5 percent",
            "Its margin widened by 1.5 percentage points",
        );
        let [fact] = margin.as_slice() else {
            panic!("one fact expected: {margin:?}")
        };
        assert_eq!(fact.kind, FactKind::Conflict);
        assert_eq!(fact.fact, "margin widened", "never a unit as a label");
        // A conversion of the sum, or dollars of another country, is no changed figure.
        for (original, copy) in [
            (
                "Quarterly profit rose to $2.1 billion",
                "Quarterly profit rose to €1.9 billion",
            ),
            (
                "Quarterly profit rose to A$2.1 billion",
                "Quarterly profit rose to $2.1 billion",
            ),
        ] {
            let found = facts(original, copy);
            assert!(found.is_empty(), "{copy}: {found:?}");
        }
    }

    #[test]
    fn a_share_written_in_two_words_is_a_figure_of_what_it_is_a_share_of() {
        let story = "The river burst its banks at Holloway on Tuesday night. \
            Crews worked through the dark to shore up the town's defences. ";
        let sentence = |share: &str| {
            format!("{story}The mayor said {share} of its 900 homes were left without power.")
        };
        let facts = compared(&sentence("a third"), &sentence("half")).numbers;
        let [fact] = facts.as_slice() else {
            panic!("one fact expected: {facts:?}")
        };
        assert_eq!(fact.kind, FactKind::Conflict);
        assert_eq!(fact.fact, "homes");
        let texts: Vec<&str> = fact.mentions.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["a third of its 900 homes", "half of its 900 homes"]);
    }

    #[test]
    fn a_changed_fraction_is_a_conflict_and_one_given_in_percent_agrees() {
        let story = "The harbour board met on Monday to approve the new quay. \
            Fishermen filled the public gallery. ";
        let share = |original: &str, copy: &str| {
            let sentence = |share: &str| {
                format!(
                    "{story}The port will pay {share} of the cost, the rest coming from a levy."
                )
            };
            compared(&sentence(original), &sentence(copy)).numbers
        };
        let changed = share("two-thirds", "half");
        let [fact] = changed.as_slice() else {
            panic!("one fact expected: {changed:?}")
        };
        assert_eq!(fact.kind, FactKind::Conflict);
        let same = share("two-thirds", "66 percent");
        assert!(
            same.iter().all(|f| f.kind != FactKind::Conflict),
            "{same:?}"
        );
    }

    #[test]
    fn a_sum_is_shown_as_written_and_a_bare_number_with_the_words_before_it() {
        let story = "The harbour board met on Monday to hear the case. \
            Fishermen filled the public gallery. ";
        let wordings = |original: &str, copy: &str| -> Vec<Vec<String>> {
            let (original, copy) = (format!("{story}{original}"), format!("{story}{copy}"));
            compared(&original, &copy)
                .numbers
                .iter()
                .map(|f| f.mentions.iter().map(|m| m.text.clone()).collect())
                .collect()
        };
        assert_eq!(
            wordings(
                "The ferry operator was fined 1.5 million pounds after the crash.",
                "The ferry operator was fined £1.6m after the crash."
            ),
            [["1.5 million pounds", "£1.6m"]]
        );
        assert_eq!(
            wordings(
                "The death toll of the crash rose to 38 on Sunday.",
                "The death toll of the crash rose to 39 on Sunday."
            ),
            [["crash rose to 38", "crash rose to 39"]]
        );
    }

    #[test]
    fn a_time_after_what_a_figure_counts_is_not_counted() {
        let story = "Nurses at three hospitals went on strike on Monday. \
            Talks broke down over the weekend. ";
        let original = format!("{story}The ministry offered a 4.5% pay rise last month.");
        let copy = format!("{story}The ministry offered a 5.4% pay rise last month.");
        let facts = compared(&original, &copy).numbers;
        let labels: Vec<&str> = facts.iter().map(|f| f.fact.as_str()).collect();
        assert_eq!(labels, ["pay rise"]);
    }

    #[test]
    fn a_range_and_a_single_figure_make_no_fact() {
        let story = "The council opened a survey of the harbour on Monday. \
            Residents have a month to answer it. ";
        let original = format!("{story}Each answer gives the ferry a mark from 0-10 for comfort.");
        let copy = format!("{story}Each answer gives the ferry a mark of 0 for comfort.");
        let ranged = format!("{story}Each answer gives the ferry a mark of 0 to 10 for comfort.");
        for copy in [copy, ranged] {
            let facts = compared(&original, &copy).numbers;
            assert!(facts.is_empty(), "{facts:?}");
        }
    }

    #[test]
    fn a_figure_changed_with_its_source_cut_is_a_conflict() {
        let original = "The river burst its banks after a week of rain. County health officials \
            said on Tuesday that at least 1,240 homes were flooded, most of them for the second \
            time in a decade. Crews were still pumping water on Friday.";
        let copy = "The river burst its banks after a week of rain. More than 1,900 homes were \
            flooded, most of them for the second time in a decade. Crews were still pumping water \
            on Friday.";
        let other_count = "The river burst its banks after a week of rain. More than 1,900 \
            volunteers came out, most of them for the second time in a decade. Crews were still \
            pumping water on Friday.";
        assert_eq!(conflicts(original, copy), [[1240.0, 1900.0]]);
        assert_eq!(conflicts(original, other_count), Vec::<Vec<f64>>::new());
    }

    #[test]
    fn a_figure_followed_by_a_dimension_is_labelled_by_it_and_the_words_before_it() {
        assert_eq!(
            label(
                "The probe will park 1.5 million kilometres away from the planet.",
                "The probe will park 1.6 million kilometres away from the planet."
            ),
            ["distance (probe will park)"]
        );
        assert_eq!(
            label(
                "The old lighthouse keeper retired three years ago, the council said.",
                "The old lighthouse keeper retired four years ago, the council said."
            ),
            ["time (old lighthouse keeper retired)"]
        );
    }

    #[test]
    fn a_share_is_labelled_by_what_it_is_a_share_of() {
        let articles = vec![
            Article::from_text(
                "original",
                "o.txt",
                "Engineers found that 40 of the wooden supports had rotted through.",
                Format::Text,
            ),
            Article::from_text(
                "copy",
                "c.txt",
                "Engineers found that 60 of the wooden supports had rotted through.",
                Format::Text,
            ),
        ];
        let facts = compare(articles, &Options::default()).numbers;
        let found: Vec<(&str, Vec<&str>)> = facts
            .iter()
            .map(|f| {
                let texts = f.mentions.iter().map(|m| m.text.as_str()).collect();
                (f.fact.as_str(), texts)
            })
            .collect();
        assert_eq!(
            found,
            [(
                "wooden supports",
                vec!["40 of the wooden supports", "60 of the wooden supports"]
            )]
        );
    }

    #[test]
    fn a_span_of_time_is_a_duration_of_what_precedes_it_or_of_what_a_preposition_ties_it_to() {
        assert_eq!(
            label(
                "Engineers said the repairs to the pier could take at least four weeks to finish.",
                "Engineers said the repairs to the pier could take at least six weeks to finish."
            ),
            ["duration (repairs to the pier could take)"]
        );
        assert_eq!(
            label(
                "Engineers said the repairs to the pier could take 10 days to finish.",
                "Engineers said the repairs to the pier could take two weeks to finish."
            ),
            ["duration (repairs to the pier could take)"],
            "spans of time in different units are one quantity"
        );
        assert_eq!(
            label(
                "The club won its first league title in 44 years on Sunday afternoon.",
                "The club won its first league title in 45 years on Sunday afternoon."
            ),
            ["won its first league title"]
        );
    }

    #[test]
    fn a_changed_figure_lists_the_original_first_whatever_the_file_order() {
        let original = "WESTPORT (AP) — The ferry company said it would cut 120 jobs, about 7% \
            of its staff, after a poor summer. Its two oldest boats will be sold.";
        let copy = "The ferry company will cut 120 jobs, around 9% of its staff, after a poor \
            summer. Its two oldest boats will be sold.";
        for copy_first in [false, true] {
            let mut articles = vec![
                Article::from_text("original", "o.txt", original, Format::Text),
                Article::from_text("copy", "c.txt", copy, Format::Text),
            ];
            if copy_first {
                articles.reverse();
            }
            let c = compare(articles, &Options::default());
            let fact = c.numbers.iter().find(|f| f.kind == FactKind::Conflict);
            let labels: Vec<&str> = fact
                .map(|f| {
                    f.mentions
                        .iter()
                        .map(|m| c.articles[m.article].label.as_str())
                        .collect()
                })
                .unwrap_or_default();
            assert_eq!(labels, ["original", "copy"], "copy first: {copy_first}");
        }
    }

    #[test]
    fn a_label_is_what_most_mentions_begin_with() {
        let labels = [
            "observatory",
            "observatory hurtled toward",
            "infrared observatory",
            "observatory",
        ];
        let label = shared_label(labels.iter().map(|l| (*l).to_owned()).collect());
        assert_eq!(label.as_deref(), Some("observatory"));
        let labels = ["rescue workers", "rescue workers", "rescue teams"];
        let label = shared_label(labels.iter().map(|l| (*l).to_owned()).collect());
        assert_eq!(label.as_deref(), Some("rescue workers"));
        let labels = ["grand slam singles title", "grand slam title drought"];
        let label = shared_label(labels.iter().map(|l| (*l).to_owned()).collect());
        assert_eq!(label.as_deref(), Some("grand slam singles title"));
    }
}
