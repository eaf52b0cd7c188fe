//! Substitutions: the words one article uses where a linked sentence in another has different
//! words ("protesters" → "rioters", "said" → "claimed", "" → "embattled"), counted per article
//! pair. Spelling variants never appear: edits are computed on normalised words.

use std::collections::BTreeMap;

use crate::article::{Article, Role, collapse_whitespace};
use crate::compare::{EditOp, Link, LinkKind, SentenceRef, Substitution};

/// Longest side (in words) a replacement may have to count as a substitution rather than a
/// rewritten passage.
const MAX_WORDS_PER_SIDE: usize = 12;
/// Similarity a link involving a headline needs before its edits count as substitutions.
const MIN_HEADLINE_SIMILARITY: f32 = 0.75;

/// Aggregated substitutions of all reworded links.
pub fn find(articles: &[Article], links: &[Link]) -> Vec<Substitution> {
    type Key = (usize, usize, String, String);
    let mut found: BTreeMap<Key, Substitution> = BTreeMap::new();
    for link in links
        .iter()
        .filter(|l| l.kind == LinkKind::Reworded && is_close_enough(articles, l))
    {
        let a_text = &articles[link.a.article].text;
        let b_text = &articles[link.b.article].text;
        for edit in link.edits.iter().filter(|e| e.op != EditOp::Equal) {
            let from = phrase(&a_text[edit.a.0..edit.a.1]);
            let to = phrase(&b_text[edit.b.0..edit.b.1]);
            if !is_substitution(&from, &to) {
                continue;
            }
            let key = (
                link.a.article,
                link.b.article,
                from.to_lowercase(),
                to.to_lowercase(),
            );
            let entry = found.entry(key).or_insert_with(|| Substitution {
                a: link.a.article,
                b: link.b.article,
                from,
                to,
                count: 0,
                occurrences: Vec::new(),
            });
            entry.count += 1;
            push_occurrence(&mut entry.occurrences, (link.a, link.b));
        }
    }
    let mut out: Vec<Substitution> = found.into_values().collect();
    out.sort_by(|x, y| (x.a, x.b).cmp(&(y.a, y.b)).then(y.count.cmp(&x.count)));
    out
}

/// Whether a link's word edits are substitutions rather than a rewrite: headlines are rewritten
/// wholesale (and headline–lead links are paraphrases), so their edits count only when the two
/// are very close.
fn is_close_enough(articles: &[Article], link: &Link) -> bool {
    let is_headline =
        |r: SentenceRef| articles[r.article].sentences[r.sentence].role == Role::Headline;
    link.similarity >= MIN_HEADLINE_SIMILARITY || !(is_headline(link.a) || is_headline(link.b))
}

fn push_occurrence(list: &mut Vec<(SentenceRef, SentenceRef)>, pair: (SentenceRef, SentenceRef)) {
    if !list.contains(&pair) {
        list.push(pair);
    }
}

/// The words of an edit side, with surrounding punctuation and whitespace trimmed.
fn phrase(raw: &str) -> String {
    let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '$' && c != '%');
    collapse_whitespace(trimmed)
}

fn is_substitution(from: &str, to: &str) -> bool {
    let words = |s: &str| s.split_whitespace().count();
    (!from.is_empty() || !to.is_empty())
        && words(from) <= MAX_WORDS_PER_SIDE
        && words(to) <= MAX_WORDS_PER_SIDE
        && from.to_lowercase() != to.to_lowercase()
}
