//! Conflicting figures: the same quantity reported with different numbers across articles (a
//! toll of 12 in one, 23 in another), found by following word edits through linked sentences.
//!
//! Figures at corresponding places of two linked sentences are the same quantity: unchanged ones
//! sit inside an equal run, changed ones inside a short replacement ("12" → "23" before
//! "rescue workers"). Those correspondences are joined across all links; a joined set whose
//! values differ is a finding, listing every article's wording. Figures are read by
//! [`super::figures`]: different currencies or units are never joined, and a joined set whose
//! figures all agree once bounds and rounding are allowed for ("at least 32,070", "more than
//! 32,000") is listed as a difference in precision, not a conflict.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::figures::{self, Reading};
use super::most_common;
use crate::article::{Article, collapse_whitespace};
use crate::compare::normalize::TokenClass;
use crate::compare::prepare::{Prepared, PreparedSet};
use crate::compare::{EditOp, FactKind, FastMap, Link, NumberFact, NumberMention, SentenceRef};

/// Longest replacement (in words, each side) whose one figure each corresponds without further
/// evidence ("About 3,000 protesters" → "More than 5,000 villagers").
const SHORT_REPLACEMENT_WORDS: usize = 4;

/// Longest replacement (in words, each side) whose figures can correspond at all.
const MAX_REPLACEMENT_WORDS: usize = 6;
/// Content words (besides the counted one) two unlinked sentences must share to be about the
/// same subject.
const MIN_SHARED_SUBJECT: usize = 3;
/// Most figures counting one word in one unit that are compared across unlinked sentences: a
/// word counted more often than this ("people" in a long document) says too little about what
/// is counted.
const MAX_BUCKET: usize = 64;
/// Largest ratio between two figures of unlinked sentences that may be one quantity.
const MAX_RATIO: f64 = 2.0;
/// Words after a figure read as what it counts (at most).
const COUNTED_WORDS: usize = 3;

/// A figure in a sentence: the token index of its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Figure {
    at: SentenceRef,
    token: usize,
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
    let strong: Vec<(Figure, Figure)> = links
        .par_iter()
        .zip(closest)
        .filter(|(_, closest)| **closest)
        .flat_map_iter(|(link, _)| figures_of_link(articles, set, link))
        .collect();
    let weak: Vec<(Figure, Figure)> = near
        .par_iter()
        .flat_map_iter(|&(a, b)| figures_counting_the_same(articles, set, a, b))
        .collect();
    let same_subject = figures_about_the_same_subject(articles, set);
    // Joins are made in an order fixed by the articles' content (their canonical rank), so the
    // result does not depend on the order the articles were given in.
    let key = |f: &Figure| (rank[f.at.article], f.at.sentence, f.token);
    let mut joins = Joins::default();
    for mut proposals in [strong, weak, same_subject] {
        for pair in &mut proposals {
            if key(&pair.1) < key(&pair.0) {
                *pair = (pair.1, pair.0);
            }
        }
        proposals.sort_by_key(|(x, y)| (key(x), key(y)));
        proposals.dedup();
        for (x, y) in proposals {
            joins.union(
                (x, reading_of(articles, set, x)),
                (y, reading_of(articles, set, y)),
            );
        }
    }
    let mut facts: Vec<NumberFact> = joins
        .components()
        .into_iter()
        .filter_map(|figures| fact_from(articles, set, &figures))
        .collect();
    sort_facts(&mut facts);
    facts
}

/// Orders facts: conflicts before differences in precision, then by their first mention.
pub fn sort_facts(facts: &mut [NumberFact]) {
    facts.sort_by(|x, y| {
        let key = |f: &NumberFact| {
            (
                f.kind,
                f.mentions
                    .first()
                    .map(|m| (m.article, m.sentence, m.text.clone())),
            )
        };
        key(x).cmp(&key(y))
    });
}

/// The lower-case normalised words of sentence `at`, one per token; figures as written (digit
/// grouping kept: "2,000" is a count, "2000" may be a year).
fn words_of(articles: &[Article], set: &PreparedSet, at: SentenceRef) -> Vec<String> {
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

/// What a figure says (see [`figures::read`]).
fn reading_of(articles: &[Article], set: &PreparedSet, figure: Figure) -> Option<Reading> {
    let words = words_of(articles, set, figure.at);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    figures::read(&refs, figure.token)
}

/// The figures of a link's two sentences that sit at corresponding places.
fn figures_of_link(articles: &[Article], set: &PreparedSet, link: &Link) -> Vec<(Figure, Figure)> {
    let mut out = Vec::new();
    let pa = set.get(link.a.article, link.a.sentence);
    let pb = set.get(link.b.article, link.b.sentence);
    let (all_a, all_b) = (
        figures_in(articles, set, link.a),
        figures_in(articles, set, link.b),
    );
    if all_a.is_empty() || all_b.is_empty() {
        return out;
    }
    let a_text = &articles[link.a.article].text;
    let b_text = &articles[link.b.article].text;
    for edit in &link.edits {
        let fa = inside(&all_a, pa, edit.a);
        let fb = inside(&all_b, pb, edit.b);
        if fa.is_empty() || fa.len() != fb.len() {
            continue;
        }
        let words = |text: &str, span: (usize, usize)| word_count(&text[span.0..span.1]);
        let (wa, wb) = (words(a_text, edit.a), words(b_text, edit.b));
        let corresponding = |x: &Figure, y: &Figure| match edit.op {
            EditOp::Equal => true,
            EditOp::Replace if wa.max(wb) <= SHORT_REPLACEMENT_WORDS && fa.len() == 1 => true,

            EditOp::Replace if wa.max(wb) <= MAX_REPLACEMENT_WORDS => {
                same_context(pa, x.token, pb, y.token)
            }
            _ => false,
        };
        for (x, y) in fa.iter().zip(fb) {
            if corresponding(x, y) {
                out.push((*x, *y));
            }
        }
    }
    out
}

/// The figures of two similar but unlinked sentences that sit in the same words: the same
/// counted word after them and the same word before.
fn figures_counting_the_same(
    articles: &[Article],
    set: &PreparedSet,
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
    let (xs, ys) = (figures_in(articles, set, a), figures_in(articles, set, b));
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

/// A figure with its value and the subject words of its sentence, for matching figures across
/// sentences that are not linked (grouped by what they count and their unit).
struct Counted {
    figure: Figure,
    value: f64,
    subject: Vec<u32>,
}

/// Figures of sentences that are not linked or similar but count the same thing (the same word
/// after the figure, the same unit) about the same subject (at least [`MIN_SHARED_SUBJECT`]
/// other content words in common), with values within a factor of [`MAX_RATIO`] of each other:
/// "more than one million people sheltering in Rafah" and "over 1.3 million people in Rafah".
fn figures_about_the_same_subject(
    articles: &[Article],
    set: &PreparedSet,
) -> Vec<(Figure, Figure)> {
    let mut buckets: BTreeMap<(u32, Option<&'static str>), Vec<Counted>> = BTreeMap::new();
    for (article, a) in articles.iter().enumerate() {
        for sentence in 0..a.sentences.len() {
            let at = SentenceRef::new(article, sentence);
            let p = set.get(article, sentence);
            if !p.tokens.iter().any(|t| t.class == TokenClass::Number) {
                continue;
            }
            let words = words_of(articles, set, at);
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            for token in 0..refs.len() {
                let Some(reading) = figures::read(&refs, token) else {
                    continue;
                };
                let (start, last) = counted_from(p, &words, reading.last + 1);
                if last < start {
                    continue;
                }
                let counted = p.tokens[start].stem;
                let mut subject: Vec<u32> = p
                    .tokens
                    .iter()
                    .filter(|t| t.class == TokenClass::Content && t.stem != counted)
                    .map(|t| t.stem)
                    .collect();
                subject.sort_unstable();
                subject.dedup();
                buckets
                    .entry((counted, reading.unit))
                    .or_default()
                    .push(Counted {
                        figure: Figure { at, token },
                        value: reading.value,
                        subject,
                    });
            }
        }
    }
    let mut out = Vec::new();
    for bucket in buckets.values().filter(|b| b.len() <= MAX_BUCKET) {
        for (i, x) in bucket.iter().enumerate() {
            for y in &bucket[i + 1..] {
                if x.figure.at.article != y.figure.at.article
                    && x.value.min(y.value) * MAX_RATIO >= x.value.max(y.value)
                    && shared(&x.subject, &y.subject) >= MIN_SHARED_SUBJECT
                {
                    out.push((x.figure, y.figure));
                }
            }
        }
    }
    out
}

/// How many items two sorted lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    a.iter().filter(|x| b.binary_search(x).is_ok()).count()
}

/// Whether two figures sit in the same words: the same counted word after them, or the same word
/// before them.
fn same_context(pa: &Prepared, ta: usize, pb: &Prepared, tb: usize) -> bool {
    let after = counted_stem(pa, ta).is_some_and(|s| Some(s) == counted_stem(pb, tb));
    let before = word_before(pa, ta).is_some_and(|s| Some(s) == word_before(pb, tb));
    after || before
}

/// The stem of the content word a figure counts (the first word after it, past scale words).
fn counted_stem(p: &Prepared, token: usize) -> Option<u32> {
    p.tokens[token + 1..]
        .iter()
        .find(|t| t.is_word())
        .filter(|t| t.class == TokenClass::Content)
        .map(|t| t.stem)
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

/// The figures of sentence `p` (at `at`), in order: numbers that read as figures (a
/// conversion in brackets is part of the figure before it, not one of its own).
fn figures_in(articles: &[Article], set: &PreparedSet, at: SentenceRef) -> Vec<Figure> {
    let words = words_of(articles, set, at);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    (0..refs.len())
        .filter(|&token| figures::is_figure(refs[token]) && figures::read(&refs, token).is_some())
        .map(|token| Figure { at, token })
        .collect()
}

/// Those of `figures` (of sentence `p`) whose number lies inside byte span `span`.
fn inside<'f>(figures: &'f [Figure], p: &Prepared, span: (usize, usize)) -> &'f [Figure] {
    let starts_after = |f: &Figure| p.tokens[f.token].start < span.0;
    let ends_within = |f: &Figure| p.tokens[f.token].end <= span.1;
    let first = figures.partition_point(starts_after);
    let last = first + figures[first..].partition_point(ends_within);
    &figures[first..last]
}

fn fact_from(articles: &[Article], set: &PreparedSet, figures: &[Figure]) -> Option<NumberFact> {
    let readings: Vec<Option<Reading>> = figures
        .iter()
        .map(|f| reading_of(articles, set, *f))
        .collect();
    let mut in_articles: Vec<usize> = figures.iter().map(|f| f.at.article).collect();
    in_articles.dedup();
    if in_articles.len() < 2 {
        return None;
    }
    let kind = kind_of(figures, &readings)?;
    let mentions: Vec<NumberMention> = figures
        .iter()
        .zip(&readings)
        .filter_map(|(f, r)| mention(articles, set, *f, r.as_ref()?))
        .collect();
    Some(NumberFact {
        fact: shared_label(
            figures
                .iter()
                .filter_map(|f| describe(articles, set, *f))
                .collect(),
        )
        .unwrap_or_else(|| "a figure".to_owned()),
        kind,
        mentions,
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
fn kind_of(figures: &[Figure], readings: &[Option<Reading>]) -> Option<FactKind> {
    let mut differ = false;
    for (i, (fx, rx)) in figures.iter().zip(readings).enumerate() {
        for (fy, ry) in figures[i + 1..].iter().zip(&readings[i + 1..]) {
            let (Some(rx), Some(ry)) = (rx, ry) else {
                continue;
            };
            if fx.at.article == fy.at.article {
                continue;
            }
            if !rx.agrees_with(ry) {
                return Some(FactKind::Conflict);
            }
            differ |= !same_value(Some(rx.value), Some(ry.value));
        }
    }
    differ.then_some(FactKind::Precision)
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
    let mut last = counted_from(p, &words, reading.last + 1).1;
    if last == reading.last {
        // Nothing counted after the figure ("the toll rose to 38"): show the words before it.
        first = preceding_words(p, first, COUNTED_WORDS);
    }
    last = last.max(reading.last);
    Some(NumberMention {
        article: figure.at.article,
        sentence: figure.at.sentence,
        text: collapse_whitespace(text.get(p.tokens[first].start..p.tokens[last].end)?),
        value: Some(reading.value),
        unit: reading.unit.map(str::to_owned),
        bound: reading.bound,
    })
}

/// The words a figure counts, starting at token `from`: units first ("francs", "percent"), then
/// up to [`COUNTED_WORDS`] content words. Returns the first counted word and the last token
/// taken (`from - 1` when nothing is).
fn counted_from(p: &Prepared, words: &[String], from: usize) -> (usize, usize) {
    let mut at = from;
    while words.get(at).is_some_and(|w| figures::is_unit_word(w)) {
        at += 1;
    }
    let counted = p.tokens[at.min(p.tokens.len())..]
        .iter()
        .take_while(|t| t.class == TokenClass::Content)
        .take(COUNTED_WORDS)
        .count();
    (at, (at + counted).max(from) - 1)
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

/// What a figure counts: the content words after it past any unit ("rescue workers"), or, when
/// nothing follows, the words before it without leading function words, qualifiers or currency
/// ("overall death toll from the disaster"). Never a bare unit.
fn describe(articles: &[Article], set: &PreparedSet, figure: Figure) -> Option<String> {
    let p = set.get(figure.at.article, figure.at.sentence);
    let text = &articles[figure.at.article].text;
    let words = words_of(articles, set, figure.at);
    let reading = reading_of(articles, set, figure)?;
    let (start, last) = counted_from(p, &words, reading.last + 1);
    if last >= start {
        let counted: Vec<&str> = p.tokens[start..=last]
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        return Some(counted.join(" ").to_lowercase());
    }
    let is_label_word =
        |i: usize| p.tokens[i].class == TokenClass::Content && !figures::is_unit_word(&words[i]);
    let mut first = preceding_words(p, reading.first, 6);
    while first < reading.first && !is_label_word(first) {
        first += 1;
    }
    let mut end = reading.first;
    while end > first && !is_label_word(end - 1) {
        end -= 1;
    }
    (end > first).then(|| {
        collapse_whitespace(&text[p.tokens[first].start..p.tokens[end - 1].end]).to_lowercase()
    })
}

/// Figures joined into quantities. A join is refused when it would give one article two
/// different values for the quantity: that means two quantities were about to be conflated
/// ("five people" killed in the first avalanche, "23 people" in the second); and when it would
/// mix currencies or units ("3 billion Swiss francs", "2 billion dollars").
#[derive(Default)]
struct Joins {
    ids: FastMap<Figure, usize>,
    figures: Vec<Figure>,
    values: Vec<Option<f64>>,
    units: Vec<Option<&'static str>>,
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl Joins {
    fn id(&mut self, f: Figure, reading: Option<&Reading>) -> usize {
        if let Some(&id) = self.ids.get(&f) {
            return id;
        }
        let id = self.figures.len();
        self.ids.insert(f, id);
        self.figures.push(f);
        self.values.push(reading.map(|r| r.value));
        self.units.push(reading.and_then(|r| r.unit));
        self.parent.push(id);
        self.members.push(vec![id]);
        id
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the quantities of `a` and `b` unless that would conflate two quantities.
    fn union(&mut self, (a, ra): (Figure, Option<Reading>), (b, rb): (Figure, Option<Reading>)) {
        let (ia, ib) = (self.id(a, ra.as_ref()), self.id(b, rb.as_ref()));
        let (ra, rb) = (self.find(ia), self.find(ib));
        if ra == rb || self.would_conflate(ra, rb) {
            return;
        }
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.parent[child] = root;
        let moved = std::mem::take(&mut self.members[child]);
        self.members[root].extend(moved);
    }

    /// Whether joining would give one article two values for the quantity, or mix currencies
    /// or units.
    fn would_conflate(&self, ra: usize, rb: usize) -> bool {
        self.members[ra].iter().any(|&x| {
            self.members[rb].iter().any(|&y| {
                !figures::same_units(self.units[x], self.units[y])
                    || self.figures[x].at.article == self.figures[y].at.article
                        && !same_value(self.values[x], self.values[y])
            })
        })
    }

    /// The joined sets of figures that may disagree (from two articles or more, with two values
    /// or more: a cheap first sieve, [`fact_from`] decides), each sorted by position, in order
    /// of their first figure.
    fn components(self) -> Vec<Vec<Figure>> {
        let mut out: Vec<Vec<Figure>> = self
            .members
            .iter()
            .filter(|m| self.may_disagree(m))
            .map(|m| {
                let mut list: Vec<Figure> = m.iter().map(|&i| self.figures[i]).collect();
                list.sort();
                list
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
        let values = || members.iter().filter_map(|&i| self.values[i]);
        let lowest = values().fold(f64::INFINITY, f64::min);
        let highest = values().fold(f64::NEG_INFINITY, f64::max);
        lowest < highest
            && members
                .iter()
                .any(|&i| self.figures[i].at.article != article)
    }
}

fn same_value(x: Option<f64>, y: Option<f64>) -> bool {
    match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
