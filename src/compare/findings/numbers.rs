//! Conflicting figures: the same quantity reported with different numbers across articles (a
//! toll of 12 in one, 23 in another), found by following word edits through linked sentences.
//!
//! Figures at corresponding places of two linked sentences are the same quantity: unchanged ones
//! sit inside an equal run, changed ones inside a short replacement ("12" → "23" before
//! "rescue workers"). Those correspondences are joined across all links; a joined set whose
//! values differ is a finding, listing every article's wording.

use std::collections::{BTreeMap, HashMap};

use super::most_common;
use crate::article::{Article, collapse_whitespace};
use crate::compare::normalize::TokenClass;
use crate::compare::prepare::{Prepared, PreparedSet};
use crate::compare::{EditOp, Link, NumberFact, NumberMention, SentenceRef};

/// Longest replacement (in words, each side) whose figures are taken as the same quantity.
const MAX_REPLACEMENT_WORDS: usize = 4;
/// Words that qualify a figure and belong to its wording ("more than 40,000").
const QUALIFIERS: &[&str] = &[
    "about",
    "almost",
    "approximately",
    "around",
    "estimated",
    "least",
    "less",
    "more",
    "nearly",
    "over",
    "roughly",
    "some",
    "than",
    "under",
    "up",
    "to",
    "at",
    "an",
];
/// Scale words that multiply the figure before them.
const SCALES: &[(&str, f64)] = &[
    ("billion", 1e9),
    ("bn", 1e9),
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("million", 1e6),
    ("thousand", 1e3),
    ("trillion", 1e12),
];

/// A figure in a sentence: the token index of its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Figure {
    at: SentenceRef,
    token: usize,
}

/// Quantities reported with different figures.
pub fn find(articles: &[Article], set: &PreparedSet, links: &[Link]) -> Vec<NumberFact> {
    let mut joins = Joins::default();
    for link in links {
        join_figures_of_link(articles, set, link, &mut joins);
    }
    let mut facts: Vec<NumberFact> = joins
        .components()
        .into_iter()
        .filter_map(|figures| fact_from(articles, set, &figures))
        .collect();
    sort_facts(&mut facts);
    facts
}

/// Orders facts by their first mention.
pub fn sort_facts(facts: &mut [NumberFact]) {
    facts.sort_by(|x, y| {
        let key = |f: &NumberFact| {
            f.mentions
                .first()
                .map(|m| (m.article, m.sentence, m.text.clone()))
        };
        key(x).cmp(&key(y))
    });
}

fn join_figures_of_link(articles: &[Article], set: &PreparedSet, link: &Link, joins: &mut Joins) {
    let pa = set.get(link.a.article, link.a.sentence);
    let pb = set.get(link.b.article, link.b.sentence);
    let a_text = &articles[link.a.article].text;
    let b_text = &articles[link.b.article].text;
    for edit in &link.edits {
        let fa = figures_in(pa, edit.a, link.a);
        let fb = figures_in(pb, edit.b, link.b);
        let corresponding = match edit.op {
            EditOp::Equal => true,
            EditOp::Replace => {
                word_count(&a_text[edit.a.0..edit.a.1]) <= MAX_REPLACEMENT_WORDS
                    && word_count(&b_text[edit.b.0..edit.b.1]) <= MAX_REPLACEMENT_WORDS
                    && fa.len() == fb.len()
            }
            EditOp::Delete | EditOp::Insert => false,
        };
        if corresponding {
            for (x, y) in fa.iter().zip(&fb) {
                joins.union(*x, *y);
            }
        }
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Figures whose number token lies inside byte span `span`.
fn figures_in(p: &Prepared, span: (usize, usize), at: SentenceRef) -> Vec<Figure> {
    p.tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.class == TokenClass::Number && t.start >= span.0 && t.end <= span.1)
        .map(|(token, _)| Figure { at, token })
        .collect()
}

fn fact_from(articles: &[Article], set: &PreparedSet, figures: &[Figure]) -> Option<NumberFact> {
    let mentions: Vec<NumberMention> = figures.iter().map(|f| mention(articles, set, *f)).collect();
    let mut values: Vec<f64> = mentions.iter().filter_map(|m| m.value).collect();
    values.sort_by(f64::total_cmp);
    values.dedup_by(|x, y| (*x - *y).abs() <= 1e-9 * x.abs().max(1.0));
    let mut in_articles: Vec<usize> = mentions.iter().map(|m| m.article).collect();
    in_articles.dedup();
    if values.len() < 2 || in_articles.len() < 2 {
        return None;
    }
    Some(NumberFact {
        fact: most_common(figures.iter().map(|f| describe(articles, set, *f)))?,
        mentions,
    })
}

fn mention(articles: &[Article], set: &PreparedSet, figure: Figure) -> NumberMention {
    let p = set.get(figure.at.article, figure.at.sentence);
    let text = &articles[figure.at.article].text;
    let vocabulary = &set.tokenizer.vocabulary;
    let word = |i: usize| vocabulary.word(p.tokens[i].key).to_lowercase();

    let mut first = figure.token;
    while first > 0 && QUALIFIERS.contains(&word(first - 1).as_str()) {
        first -= 1;
    }
    let number = p.tokens[figure.token];
    let mut value = vocabulary
        .word(number.key)
        .replace(',', "")
        .parse::<f64>()
        .ok();
    let mut last = figure.token;
    if let Some(scale) = p
        .tokens
        .get(last + 1)
        .and_then(|_| scale_of(&word(last + 1)))
    {
        value = value.map(|v| v * scale);
        last += 1;
    }
    // The counted thing: up to two following words.
    for _ in 0..2 {
        match p.tokens.get(last + 1) {
            Some(t) if t.is_word() && t.class != TokenClass::Number => last += 1,
            _ => break,
        }
    }
    NumberMention {
        article: figure.at.article,
        sentence: figure.at.sentence,
        text: collapse_whitespace(&text[p.tokens[first].start..p.tokens[last].end]),
        value,
    }
}

fn scale_of(word: &str) -> Option<f64> {
    SCALES
        .iter()
        .find(|(w, _)| *w == word || format!("{w}s") == word)
        .map(|(_, v)| *v)
}

/// A short description of what a figure counts: the words after it, up to the first function
/// word or punctuation ("rescue workers").
fn describe(articles: &[Article], set: &PreparedSet, figure: Figure) -> String {
    let p = set.get(figure.at.article, figure.at.sentence);
    let text = &articles[figure.at.article].text;
    let words: Vec<&str> = p.tokens[figure.token + 1..]
        .iter()
        .take_while(|t| t.class == TokenClass::Content)
        .take(3)
        .map(|t| &text[t.start..t.end])
        .collect();
    if words.is_empty() {
        let sentence = articles[figure.at.article].sentence_text(figure.at.sentence);
        collapse_whitespace(sentence).chars().take(60).collect()
    } else {
        words.join(" ")
    }
}

/// Union-find over figures, keyed by value so the result never depends on link order.
#[derive(Default)]
struct Joins {
    ids: HashMap<Figure, usize>,
    figures: Vec<Figure>,
    parent: Vec<usize>,
}

impl Joins {
    fn id(&mut self, f: Figure) -> usize {
        if let Some(&id) = self.ids.get(&f) {
            return id;
        }
        let id = self.figures.len();
        self.ids.insert(f, id);
        self.figures.push(f);
        self.parent.push(id);
        id
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: Figure, b: Figure) {
        let (ia, ib) = (self.id(a), self.id(b));
        let (ra, rb) = (self.find(ia), self.find(ib));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    /// The joined sets, each sorted by position.
    fn components(mut self) -> Vec<Vec<Figure>> {
        let mut by_root: BTreeMap<Figure, Vec<Figure>> = BTreeMap::new();
        let mut roots = Vec::with_capacity(self.figures.len());
        for i in 0..self.figures.len() {
            roots.push(self.find(i));
        }
        let mut members: HashMap<usize, Vec<Figure>> = HashMap::new();
        for (i, root) in roots.into_iter().enumerate() {
            members.entry(root).or_default().push(self.figures[i]);
        }
        for (_, mut list) in members {
            list.sort();
            if let Some(&first) = list.first() {
                by_root.insert(first, list);
            }
        }
        by_root.into_values().collect()
    }
}
