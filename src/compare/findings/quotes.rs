//! Quote changes: quoted words (“…”, "…", ‘…’, '…') in linked sentences that differ once
//! normalised: a word changed, a cut, a tense change, a bracketed insertion.
//!
//! A quotation that starts in one sentence and ends in a later one is handled per sentence: an
//! opening mark without a closing one runs to the end of the sentence, and a closing mark without
//! an opening one starts the quote at the beginning of the sentence.

use std::ops::Range;

use crate::article::{Article, collapse_whitespace};
use crate::compare::normalize::Token;
use crate::compare::prepare::{Prepared, PreparedSet};
use crate::compare::{Link, LinkKind, QuoteChange};

/// Fewest words a quotation needs to be compared.
const MIN_QUOTE_WORDS: usize = 2;
/// Share of words two quotations must have in common to be versions of one quote.
const MIN_QUOTE_OVERLAP: f32 = 0.3;

/// Quote changes in all links (identical links cannot have any).
pub fn find(articles: &[Article], set: &PreparedSet, links: &[Link]) -> Vec<QuoteChange> {
    let mut out = Vec::new();
    for link in links.iter().filter(|l| l.kind == LinkKind::Reworded) {
        let (a, b) = (link.a, link.b);
        let a_text = &articles[a.article].text;
        let b_text = &articles[b.article].text;
        let a_sentence = articles[a.article].sentences[a.sentence].range();
        let b_sentence = articles[b.article].sentences[b.sentence].range();
        let a_quotes = quoted_spans(a_text, a_sentence);
        let b_quotes = quoted_spans(b_text, b_sentence);
        let pa = set.get(a.article, a.sentence);
        let pb = set.get(b.article, b.sentence);
        for qa in &a_quotes {
            let ka = keys_within(pa, qa);
            if ka.len() < MIN_QUOTE_WORDS {
                continue;
            }
            let best = b_quotes
                .iter()
                .map(|qb| (qb, keys_within(pb, qb)))
                .filter(|(_, kb)| kb.len() >= MIN_QUOTE_WORDS)
                .map(|(qb, kb)| (qb, overlap(&ka, &kb), kb))
                .max_by(|x, y| x.1.total_cmp(&y.1));
            if let Some((qb, share, kb)) = best
                && share >= MIN_QUOTE_OVERLAP
                && ka != kb
            {
                out.push(QuoteChange {
                    a,
                    b,
                    a_quote: collapse_whitespace(&a_text[qa.clone()]),
                    b_quote: collapse_whitespace(&b_text[qb.clone()]),
                });
            }
        }
    }
    out
}

/// Keys of the compared words lying inside `span`.
fn keys_within(p: &Prepared, span: &Range<usize>) -> Vec<u32> {
    p.key_tokens
        .iter()
        .zip(&p.keys)
        .filter(|(t, _)| {
            let token: &Token = &p.tokens[**t];
            token.is_word() && token.start >= span.start && token.end <= span.end
        })
        .map(|(_, k)| *k)
        .collect()
}

/// Share of words in common: |a ∩ b| / max(|a|, |b|), as multisets.
fn overlap(a: &[u32], b: &[u32]) -> f32 {
    let mut remaining = b.to_vec();
    let mut common = 0usize;
    for key in a {
        if let Some(i) = remaining.iter().position(|k| k == key) {
            remaining.swap_remove(i);
            common += 1;
        }
    }
    common as f32 / a.len().max(b.len()).max(1) as f32
}

/// Whether quote mark `c` opens, closes, or (straight marks) depends on its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
}

/// The byte ranges (inside `range` of `text`) of quoted words, quote marks excluded.
pub fn quoted_spans(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let sentence = &text[range.clone()];
    let mut spans = Vec::new();
    let mut open: Option<(usize, bool)> = None; // (content start, is_double)
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    for (k, &(offset, c)) in chars.iter().enumerate() {
        let before = k.checked_sub(1).map(|i| chars[i].1);
        let after = chars.get(k + 1).map(|&(_, ch)| ch);
        let Some((mark, double)) = classify_mark(c, before, after) else {
            continue;
        };
        let at = range.start + offset;
        match (mark, open) {
            (Mark::Open, None) => open = Some((at + c.len_utf8(), double)),
            (Mark::Close, Some((start, d))) if d == double => {
                spans.push(start..at);
                open = None;
            }
            (Mark::Close, None) if double && spans.is_empty() => spans.push(range.start..at),
            _ => {}
        }
    }
    if let Some((start, _)) = open {
        spans.push(start..range.end);
    }
    spans
        .into_iter()
        .map(|s| trim_span(text, s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Decides whether a character is an opening or closing quote mark, and whether it is double.
fn classify_mark(c: char, before: Option<char>, after: Option<char>) -> Option<(Mark, bool)> {
    let space_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-".contains(b));
    let word_after = after.is_some_and(|a| a.is_alphanumeric() || "[(…".contains(a));
    let word_before = before.is_some_and(|b| b.is_alphanumeric() || ".,!?;:…)]".contains(b));
    let end_after = after.is_none_or(|a| a.is_whitespace() || ".,!?;:)—–-".contains(a));
    match c {
        '“' | '«' | '„' => Some((Mark::Open, true)),
        '”' | '»' => Some((Mark::Close, true)),
        '"' if space_before => Some((Mark::Open, true)),
        '"' => Some((Mark::Close, true)),
        '‘' | '\'' if space_before && word_after => Some((Mark::Open, false)),
        '’' | '\'' if word_before && end_after => Some((Mark::Close, false)),
        _ => None,
    }
}

/// `span` without surrounding whitespace.
fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let inner = &text[span.clone()];
    let start = span.start + (inner.len() - inner.trim_start().len());
    let end = span.start + inner.trim_end().len();
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        quoted_spans(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn finds_curly_straight_and_single_quotes() {
        assert_eq!(quotes("He said “we will rebuild,” and left."), ["we will rebuild,"]);
        assert_eq!(quotes("\"It is over,\" she said."), ["It is over,"]);
        assert_eq!(quotes("She called it 'a disgrace' on Monday."), ["a disgrace"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("The players' union said it wasn't over.").is_empty());
        assert!(quotes("Israel’s army didn’t comment.").is_empty());
    }

    #[test]
    fn quotes_crossing_sentence_ends() {
        assert_eq!(quotes("“We will stay. "), ["We will stay."]);
        assert_eq!(quotes("We will win,” he said."), ["We will win,"]);
    }
}
