//! Quote changes: quoted words (“…”, "…", ‘…’, '…') in linked sentences that differ once
//! normalised: a word changed, a cut, a tense change, a bracketed insertion.
//!
//! A quotation that starts in one sentence and ends in a later one is read sentence by sentence:
//! an opening mark without a closing one runs to the end of its sentence, the sentences after it
//! in the paragraph are quoted up to a closing mark (news style marks a quotation of several
//! sentences only at its ends, and one of several paragraphs opens each paragraph and closes only
//! the last), and a closing mark without an opening one starts the quote at the beginning of its
//! sentence.

use std::ops::Range;

use rayon::prelude::*;

use super::wording::{
    Reader, Words, changes_certainty, contractions_written_out, is_spelling_only,
};
use crate::article::{Article, collapse_whitespace};
use crate::compare::normalize::Token;
use crate::compare::prepare::{Prepared, PreparedSet};
use crate::compare::{
    EditOp, FastMap, Link, LinkKind, QuoteChange, QuoteChangeKind, QuoteEdit, SentenceRef,
};

/// How an edit shows a cut its quotation marks with an ellipsis.
const ELLIPSIS: &str = "…";
/// Fewest words a quotation needs to be compared, on one side at least: a quote cut down to one
/// word ("deeply sorry" → "sorry") is altered; two single words quoted ("terrorists" →
/// "militants") are scare quotes, a swap the substitutions list.
const MIN_QUOTE_WORDS: usize = 2;
/// Share of words two quotations must have in common to be versions of one quote.
const MIN_QUOTE_OVERLAP: f32 = 0.3;

/// Quote changes in the reworded links marked in `closest` (identical links cannot have any),
/// sorted by sentence pair. Quotations that differ only in spelling, hyphenation or punctuation
/// are not changes.
pub fn find(
    articles: &[Article],
    set: &PreparedSet,
    links: &[Link],
    closest: &[bool],
) -> Vec<QuoteChange> {
    let rewordings: Vec<&Link> = links
        .iter()
        .zip(closest)
        .filter(|(l, closest)| **closest && l.kind == LinkKind::Reworded)
        .map(|(link, _)| link)
        .collect();
    let quotes = QuotesBySentence::of_links(articles, set, &rewordings);
    let per_link: Vec<Vec<QuoteChange>> = rewordings
        .par_iter()
        .with_min_len(super::per_thread(rewordings.len()))
        .map_init(Reader::default, |reader, link| {
            match_quotes(quotes.of(link.a), quotes.of(link.b))
                .into_iter()
                .filter(|(qa, qb)| qa.keys != qb.keys)
                .filter_map(|(qa, qb)| change_of(articles, link, qa, qb, reader))
                .collect()
        })
        .collect();
    let mut out: Vec<QuoteChange> = per_link.into_iter().flatten().collect();

    out.sort_by(|x, y| (x.a, x.b, &x.a_quote, &x.b_quote).cmp(&(y.a, y.b, &y.a_quote, &y.b_quote)));
    out
}

/// The change between quotations `qa` and `qb` of `link`'s two sentences, if any word differs
/// in more than spelling.
fn change_of(
    articles: &[Article],
    link: &Link,
    qa: &Quote,
    qb: &Quote,
    reader: &mut Reader,
) -> Option<QuoteChange> {
    let (a_text, b_text) = (
        &articles[link.a.article].text,
        &articles[link.b.article].text,
    );
    let mut edits = Vec::new();
    let mut differences = Vec::new();
    for edit in link.edits.iter().filter(|e| e.op != EditOp::Equal) {
        let (a_span, b_span) =
            widened_to_brackets((a_text, edit.a, &qa.span), (b_text, edit.b, &qb.span));
        let a = shown_edit(a_span.map_or("", |r| &a_text[r]));
        let b = shown_edit(b_span.map_or("", |r| &b_text[r]));
        let (wa, wb) = (reader.words(&a), reader.words(&b));
        if wa.is_empty() && wb.is_empty() {
            continue;
        }
        // Words cut from one sentence of a quotation that stand in the other version's next
        // sentence, or added from the sentence next to the original's, only moved where the
        // quotation was split or its sentences joined.
        let moved = |words: &Words, other: SentenceRef, reader: &mut Reader| {
            reader.moved_next_door(words, &articles[other.article], other.sentence)
        };
        if wa.is_empty() && moved(&wb, link.a, reader)
            || wb.is_empty() && moved(&wa, link.b, reader)
        {
            continue;
        }
        if !wa.is_empty() && !wb.is_empty() && is_spelling_only(&wa, &wb) {
            continue;
        }
        let (ta, tb) =
            differing_words(&contractions_written_out(&a), &contractions_written_out(&b));
        let tense = is_tense(&reader.words(&ta), &reader.words(&tb));
        let (a_marks, b_marks) = (
            wa.is_empty() && marks_a_cut(a_text, edit.a),
            wb.is_empty() && marks_a_cut(b_text, edit.b),
        );
        differences.push(EditNature {
            added: wa.is_empty(),
            cut: wb.is_empty(),
            tense,
            marked: a_marks || b_marks,
        });
        // A side that marks the cut shows the mark, as the quotation does.
        let marked = |marks: bool, side: String| if marks { ELLIPSIS.to_owned() } else { side };
        edits.push(QuoteEdit {
            a: marked(a_marks, a),
            b: marked(b_marks, b),
        });
    }
    if edits.is_empty() {
        return None;
    }
    let a_quote = collapse_whitespace(&a_text[qa.span.clone()]);
    let b_quote = collapse_whitespace(&b_text[qb.span.clone()]);
    let kind = if has_bracketed_words(&a_quote) != has_bracketed_words(&b_quote) {
        QuoteChangeKind::Bracketed
    } else if differences.iter().all(|d| d.marked) {
        QuoteChangeKind::Elided
    } else if differences.iter().all(|d| d.added) {
        QuoteChangeKind::Added
    } else if differences.iter().all(|d| d.cut) {
        QuoteChangeKind::Cut
    } else if differences.iter().all(|d| d.tense) {
        QuoteChangeKind::Tense
    } else {
        QuoteChangeKind::Reworded
    };
    Some(QuoteChange {
        a: link.a,
        b: link.b,
        a_quote,
        b_quote,
        kind,
        edits,
        directed: false,
    })
}

/// What one changed run of a quotation does, read to name the quote change's kind.
struct EditNature {
    /// Words only the second quotation has.
    added: bool,
    /// Words only the first quotation has.
    cut: bool,
    /// Only the tense or another inflection changed.
    tense: bool,
    /// The side without the words marks the cut with an ellipsis.
    marked: bool,
}

/// One side of a quote edit as shown: whitespace collapsed, without the clause punctuation the
/// quote's own edge leaves on it ("dedication," → "commitment" reads "dedication" → "commitment").
fn shown_edit(text: &str) -> String {
    collapse_whitespace(text)
        .trim_end_matches([',', ';', ':'])
        .trim_end()
        .to_owned()
}

/// Whether a quotation holds words in square brackets ("[the army] will stay"); an ellipsis
/// in them ("[…]") marks a cut and is no inserted word.
fn has_bracketed_words(quote: &str) -> bool {
    quote.replace("[…]", "").replace("[...]", "").contains('[')
}

/// Whether the side of an edit at `span` of `text` that lacks the other side's words marks the
/// cut with an ellipsis ("rely on ... without", "rely on … without", "[…]"): in the span, or
/// right beside it.
fn marks_a_cut(text: &str, (start, end): (usize, usize)) -> bool {
    let is_ellipsis = |s: &str| {
        let s = s.trim_matches(|c: char| c.is_whitespace() || c == '[' || c == ']');
        s.starts_with("...") || s.starts_with('…')
    };
    let ends_with_ellipsis = |s: &str| {
        let s = s.trim_end_matches(|c: char| c.is_whitespace() || c == '[' || c == ']');
        s.ends_with("...") || s.ends_with('…')
    };
    is_ellipsis(&text[start..end])
        || is_ellipsis(&text[end..])
        || ends_with_ellipsis(&text[..start])
}

/// The parts of a quote edit's two sides inside their quotations, a side that cuts square
/// brackets open widened to the whole bracketed words and the other side by as many words (the
/// word diff matches "[the" with "the", so "business" → "company]" reads "the business" → "[the
/// company]", and "branch]" added reads "the" → "[the branch]"). Each side is its text, its span
/// and the quotation's span.
fn widened_to_brackets(
    a: (&str, (usize, usize), &Range<usize>),
    b: (&str, (usize, usize), &Range<usize>),
) -> (Option<Range<usize>>, Option<Range<usize>>) {
    let words_in = |range: Range<usize>| (range.start < range.end).then_some(range);
    let (Some(a_span), Some(b_span)) = (at_or_in(a.1, a.2), at_or_in(b.1, b.2)) else {
        return (clip(a.1, a.2), clip(b.1, b.2));
    };
    let bracketed = |(text, span, quote): (&str, &Range<usize>, &Range<usize>)| {
        let open = text[quote.start..span.start].rfind(['[', ']']);
        let start = match open {
            Some(at) if text[quote.start + at..].starts_with('[') => quote.start + at,
            _ => span.start,
        };
        let close = text[span.end..quote.end].find(['[', ']']);
        let end = match close {
            Some(at) if text[span.end + at..].starts_with(']') => span.end + at + 1,
            _ => span.end,
        };
        let words = |part: &str| {
            part.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        };
        (
            start..end,
            words(&text[start..span.start]),
            words(&text[span.end..end]),
        )
    };
    let (a_wide, a_before, a_after) = bracketed((a.0, &a_span, a.2));
    let (b_wide, b_before, b_after) = bracketed((b.0, &b_span, b.2));
    let (before, after) = (a_before.max(b_before), a_after.max(b_after));
    if before == 0 && after == 0 {
        return (words_in(a_span), words_in(b_span));
    }
    let widen = |(text, span, quote): (&str, Range<usize>, &Range<usize>), wide: Range<usize>| {
        let start = words_back(&text[quote.start..span.start], before)
            .map_or(wide.start, |at| (quote.start + at).min(wide.start));
        let end = words_on(&text[span.end..quote.end], after)
            .map_or(wide.end, |at| (span.end + at).max(wide.end));
        start..end
    };
    (
        words_in(widen((a.0, a_span, a.2), a_wide)),
        words_in(widen((b.0, b_span, b.2), b_wide)),
    )
}

/// The part of `span` inside `quote`, or the point where an empty `span` stands in it.
fn at_or_in(span: (usize, usize), quote: &Range<usize>) -> Option<Range<usize>> {
    if span.0 == span.1 {
        return (quote.start..=quote.end)
            .contains(&span.0)
            .then_some(span.0..span.0);
    }
    clip(span, quote)
}

/// Where the last `count` words of `text` start, if it has that many.
fn words_back(text: &str, count: usize) -> Option<usize> {
    let mut at = text.len();
    for _ in 0..count {
        let trimmed = text[..at].trim_end();
        at = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        if trimmed.is_empty() {
            return None;
        }
    }
    Some(at)
}

/// Where the first `count` words of `text` end, if it has that many.
fn words_on(text: &str, count: usize) -> Option<usize> {
    let mut at = 0;
    for _ in 0..count {
        let start = at + (text.len() - at - text[at..].trim_start().len());
        if start == text.len() {
            return None;
        }
        at = text[start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| start + i);
    }
    Some(at)
}

/// The part of `span` inside `quote`, if any.
fn clip(span: (usize, usize), quote: &Range<usize>) -> Option<Range<usize>> {
    let (start, end) = (span.0.max(quote.start), span.1.min(quote.end));
    (start < end).then_some(start..end)
}

/// The words of `a` and `b` between the words they begin and end with alike ("That is" and
/// "That was" → "is" and "was": a contraction written out brings its kept word into the edit).
fn differing_words(a: &str, b: &str) -> (String, String) {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let same = |x: &&str, y: &&str| x.eq_ignore_ascii_case(y);
    let head = wa.iter().zip(&wb).take_while(|(x, y)| same(x, y)).count();
    let tail = wa[head..]
        .iter()
        .rev()
        .zip(wb[head..].iter().rev())
        .take_while(|(x, y)| same(x, y))
        .count();
    (
        wa[head..wa.len() - tail].join(" "),
        wb[head..wb.len() - tail].join(" "),
    )
}

/// Auxiliaries whose swap changes only the tense or mood ("will" → "would").
const AUXILIARIES: &[&str] = &[
    "am", "are", "be", "been", "can", "could", "did", "do", "does", "had", "has", "have", "is",
    "may", "might", "shall", "should", "was", "were", "will", "would",
];

/// Whether two runs differ only in tense: the same content words up to inflection, and any
/// other words auxiliaries that do not make the claim surer or less sure ("could" → "would" is
/// words changed).
fn is_tense(a: &Words, b: &Words) -> bool {
    !a.is_empty()
        && !b.is_empty()
        && !changes_certainty(a, b)
        && a.same_content_stems(b)
        && a.auxiliaries_only_besides_content(AUXILIARIES)
        && b.auxiliaries_only_besides_content(AUXILIARIES)
}

/// A quotation in a sentence: its span and the keys of its words.
struct Quote {
    span: Range<usize>,
    keys: Vec<u32>,
    /// Whether its marks open and close it within its sentence.
    marked_whole: bool,
}

/// The quotations of every sentence some link joins.
struct QuotesBySentence(FastMap<SentenceRef, Vec<Quote>>);

impl QuotesBySentence {
    fn of_links(articles: &[Article], set: &PreparedSet, links: &[&Link]) -> Self {
        let mut linked = vec![false; articles.len()];
        for link in links {
            linked[link.a.article] = true;
            linked[link.b.article] = true;
        }
        let open: Vec<Vec<Carried>> = articles
            .par_iter()
            .zip(linked)
            .map(|(article, linked)| {
                if linked {
                    open_at_sentence_starts(article)
                } else {
                    Vec::new()
                }
            })
            .collect();
        QuotesBySentence(super::per_linked_sentence(links, |at| {
            quotes_of(articles, set, at, open[at.article][at.sentence])
        }))
    }

    fn of(&self, at: SentenceRef) -> &[Quote] {
        self.0.get(&at).map_or(&[], Vec::as_slice)
    }
}

/// Every character that may be a quote mark.
const QUOTE_MARKS: [char; 9] = ['"', '\'', '“', '”', '‘', '’', '«', '»', '„'];
/// The double quote marks.
const DOUBLE_MARKS: [char; 6] = ['"', '“', '”', '«', '»', '„'];
/// The single quote marks (also apostrophes).
const SINGLE_MARKS: [char; 3] = ['\'', '‘', '’'];

/// A quotation left open at the end of a sentence: whether it opened with a double mark (else a
/// single one, as British copy quotes).
type Carried = Option<bool>;

/// For each sentence of `article`, the quotation (if any) it begins inside: one an earlier
/// sentence of its paragraph opened and did not close. A quotation is carried only when the next
/// mark of its kind closes it, or, when none follows in the paragraph, the next paragraph opens
/// with one (a quotation over several paragraphs): a mark left open by a slip does not make the
/// rest of the paragraph a quotation.
fn open_at_sentence_starts(article: &Article) -> Vec<Carried> {
    let sentences = &article.sentences;
    let text = &article.text;
    let mut starts_open = vec![None; sentences.len()];
    let mut open = None;
    for (k, sentence) in sentences.iter().enumerate() {
        if k > 0 && sentences[k - 1].paragraph != sentence.paragraph {
            open = None;
        }
        starts_open[k] = open;
        let range = sentence.range();
        if text[range.clone()].contains(QUOTE_MARKS) {
            open = scan_quotes(text, range, open)
                .1
                .filter(|&double| is_closed_later(article, k, double));
        }
    }
    starts_open
}

/// Whether the quotation (in double marks, else single) left open at the end of sentence `k` is
/// closed by the next mark of its kind in the paragraph or, with none, reopened at the start of
/// the next paragraph.
fn is_closed_later(article: &Article, k: usize, double: bool) -> bool {
    let sentences = &article.sentences;
    let paragraph = sentences[k].paragraph;
    for sentence in &sentences[k + 1..] {
        let first = first_mark(&article.text, sentence.range(), double);
        if sentence.paragraph != paragraph {
            let text = article.text[sentence.range()].trim_start();
            let opening: &[char] = if double {
                &['"', '“', '«', '„']
            } else {
                &['\'', '‘']
            };
            return first == Some(Mark::Open) && text.starts_with(opening);
        }
        if let Some(mark) = first {
            return mark == Mark::Close;
        }
    }
    false
}

/// The first quote mark of the kind asked for (double, else single) in the sentence at `range`
/// of `text`, if any.
fn first_mark(text: &str, range: Range<usize>, double: bool) -> Option<Mark> {
    let sentence = &text[range];
    let kind: &[char] = if double { &DOUBLE_MARKS } else { &SINGLE_MARKS };
    if !sentence.contains(kind) {
        return None;
    }
    marks_in(sentence)
        .find(|&(_, _, _, is_double)| is_double == double)
        .map(|(_, _, mark, _)| mark)
}

/// The quote marks of `sentence`: byte offset, character, opening or closing, whether double.
fn marks_in(sentence: &str) -> impl Iterator<Item = (usize, char, Mark, bool)> + '_ {
    let mut chars = sentence.char_indices().peekable();
    let mut before = None;
    std::iter::from_fn(move || {
        while let Some((offset, c)) = chars.next() {
            let previous = before.replace(c);
            if !QUOTE_MARKS.contains(&c) {
                continue;
            }
            let after = chars.peek().map(|&(_, next)| next);
            if let Some((mark, double)) = classify_mark(c, previous, after) {
                return Some((offset, c, mark, double));
            }
        }
        None
    })
}

fn quotes_of(
    articles: &[Article],
    set: &PreparedSet,
    at: SentenceRef,
    starts_open: Carried,
) -> Vec<Quote> {
    let article = &articles[at.article];
    let range = article.sentences[at.sentence].range();
    if starts_open.is_none() && !article.text[range.clone()].contains(QUOTE_MARKS) {
        return Vec::new();
    }
    let prepared = set.get(at.article, at.sentence);
    scan_quotes(&article.text, range, starts_open)
        .0
        .into_iter()
        .map(|span| Quote {
            keys: keys_within(prepared, &span),
            marked_whole: is_marked_whole(&article.text, &span),
            span,
        })
        .filter(|q| !q.keys.is_empty())
        .collect()
}

/// The byte ranges of the quoted words of the sentence at `range` of `text`, quote marks
/// excluded (a quotation carried over from an earlier sentence aside).
pub fn quoted_in(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    if !text[range.clone()].contains(QUOTE_MARKS) {
        return Vec::new();
    }
    scan_quotes(text, range, None).0
}

/// Pairs each quotation with at most one in the other sentence: the most similar pairs first,
/// so the result is the same from either side.
fn match_quotes<'q>(a: &'q [Quote], b: &'q [Quote]) -> Vec<(&'q Quote, &'q Quote)> {
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for (i, qa) in a.iter().enumerate() {
        for (j, qb) in b.iter().enumerate() {
            let share = overlap(&qa.keys, &qb.keys);
            let (fewer, more) = (
                qa.keys.len().min(qb.keys.len()),
                qa.keys.len().max(qb.keys.len()),
            );
            // A quotation of one word is compared only when both are marked whole: an opening
            // mark left unclosed runs a quotation on to the sentence's end.
            let comparable = fewer >= MIN_QUOTE_WORDS
                || more >= MIN_QUOTE_WORDS && qa.marked_whole && qb.marked_whole;
            if share >= MIN_QUOTE_OVERLAP && comparable {
                candidates.push((share, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1 + x.2).cmp(&(y.1 + y.2))));
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((&a[i], &b[j]));
        }
    }
    pairs
}

/// Whether the quotation at `span` of `text` has its opening mark right before it and its
/// closing mark after it (past the punctuation a quotation may end with: "sorry," he said).
fn is_marked_whole(text: &str, span: &Range<usize>) -> bool {
    let opened = text[..span.start].ends_with(QUOTE_MARKS);
    let after = text[span.end..].trim_start_matches(['.', ',', '!', '?', ';', ':', '…']);
    opened && after.starts_with(QUOTE_MARKS)
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
pub(super) enum Mark {
    Open,
    Close,
}

/// The byte ranges (inside `range` of `text`) of the quoted words of the sentence there, quote
/// marks excluded, read as the continuation of a quotation when `starts_open`, and the quotation
/// still open at its end.
fn scan_quotes(
    text: &str,
    range: Range<usize>,
    starts_open: Carried,
) -> (Vec<Range<usize>>, Carried) {
    let sentence = &text[range.clone()];
    let mut spans = Vec::new();
    // (content start, is_double)
    let mut open: Option<(usize, bool)> = starts_open.map(|double| (range.start, double));
    // Whether `open` is the quotation carried over from an earlier sentence: an opening mark
    // met before it closes shows the carried one ended unmarked (or never was), and the text
    // before the mark is not quoted.
    let mut carried = starts_open.is_some();
    for (offset, c, mark, double) in marks_in(sentence) {
        let at = range.start + offset;
        match (mark, open) {
            (Mark::Open, None) => open = Some((at + c.len_utf8(), double)),
            (Mark::Open, Some((_, d))) if carried && d == double => {
                open = Some((at + c.len_utf8(), double));
                carried = false;
            }
            (Mark::Close, Some((start, d))) if d == double => {
                spans.push(start..at);
                open = None;
                carried = false;
            }
            (Mark::Close, None) if double && spans.is_empty() => spans.push(range.start..at),
            _ => {}
        }
    }
    let still_open = open.map(|(_, double)| double);
    if let Some((start, _)) = open {
        spans.push(start..range.end);
    }
    let spans = spans
        .into_iter()
        .map(|s| trim_span(text, s))
        .filter(|s| !s.is_empty())
        .collect();
    (spans, still_open)
}

/// Whether the quote mark starting at byte `at` of `text` opens or closes a quotation, read as
/// [`marks_in`] reads it among its neighbours; `None` when there is no quote mark there.
pub(super) fn mark_at(text: &str, at: usize) -> Option<Mark> {
    let c = text.get(at..)?.chars().next()?;
    let before = text[..at].chars().next_back();
    let after = text[at + c.len_utf8()..].chars().next();
    classify_mark(c, before, after).map(|(mark, _)| mark)
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
        // Not before a digit: "the '90s" elides a century.
        '‘' | '\'' if space_before && word_after && !after.is_some_and(|a| a.is_ascii_digit()) => {
            Some((Mark::Open, false))
        }
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
        scan_quotes(text, 0..text.len(), None)
            .0
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn finds_curly_straight_and_single_quotes() {
        assert_eq!(
            quotes("He said “we will rebuild,” and left."),
            ["we will rebuild,"]
        );
        assert_eq!(quotes("\"It is over,\" she said."), ["It is over,"]);
        assert_eq!(
            quotes("She called it 'a disgrace' on Monday."),
            ["a disgrace"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("The players' union said it wasn't over.").is_empty());
        assert!(quotes("Fashion from the '90s is back, the buyers' guide says.").is_empty());
        assert!(quotes("Israel’s army didn’t comment.").is_empty());
    }

    #[test]
    fn quotes_crossing_sentence_ends() {
        assert_eq!(quotes("“We will stay. "), ["We will stay."]);
        assert_eq!(quotes("We will win,” he said."), ["We will win,"]);
    }

    /// Whether each sentence of `text` begins inside a carried quotation.
    fn carried(text: &str) -> Vec<bool> {
        use crate::article::Format;
        open_at_sentence_starts(&Article::from_text("a", "a.txt", text, Format::Text))
            .iter()
            .map(Option::is_some)
            .collect()
    }

    #[test]
    fn a_quotation_runs_on_through_its_paragraph_and_into_a_reopened_one() {
        // News style: the marks stand only at the quotation's two ends, and a quotation of
        // several paragraphs opens each of them and closes only the last.
        let text = "The mayor spoke at noon.\n\n                    \"We will rebuild the pier. It will take a year. Nobody is giving up.\n\n                    \"The town has done this before,\" she said.\n\n                    Work starts in May.";
        assert_eq!(carried(text), [false, false, true, true, false, false]);
        // British copy quotes with single marks, apostrophes beside them.
        let text = "The mayor spoke at noon.\n\n\
                    ‘We will rebuild the town’s pier. It will take a year.\n\n\
                    ‘Nobody is giving up,’ she said.";
        assert_eq!(carried(text), [false, false, true, false]);
    }

    #[test]
    fn a_mark_left_open_by_a_slip_quotes_nothing_after_its_sentence() {
        // The first quotation never closes: the next mark opens another one, so the plain
        // sentence between them is not quoted; nor is the paragraph after an unclosed one that
        // does not reopen.
        let text = "He said \"the gates stay shut. The ferry left at six. Then he added \"no comment\".\n\n                    She wrote \"we stay open. Crowds came anyway.\n\n                    The harbour was calm.";
        assert_eq!(carried(text), [false, false, false, false, false, false]);
    }

    #[test]
    fn a_changed_word_in_the_middle_of_a_long_quotation_is_a_quote_change() {
        use crate::article::Format;
        use crate::compare::{Options, compare};
        let story = |word: &str| {
            format!(
                "The council met on Tuesday to discuss the harbour.\n\n                 \"The old pier is beyond repair. Its {word} pilings cannot carry a ferry. We \
                 will build a new one next spring,\" the mayor said after the meeting."
            )
        };
        let articles = vec![
            Article::from_text("original", "o.txt", story("rotten"), Format::Text),
            Article::from_text("copy", "c.txt", story("crumbling"), Format::Text),
        ];
        let changes = compare(articles, &Options::default()).quote_changes;
        let edits: Vec<(&str, &str)> = changes
            .iter()
            .flat_map(|c| &c.edits)
            .map(|e| (e.a.as_str().min(&e.b), e.a.as_str().max(&e.b)))
            .collect();
        // Which came first is undetermined: the two sides are in content order.
        assert_eq!(edits, [("crumbling", "rotten")]);
    }

    #[test]
    fn words_put_in_brackets_show_whole_in_the_quote_edit() {
        use crate::article::Format;
        use crate::compare::findings::testing::original_and_copy;
        use crate::compare::{Options, compare};
        let c = original_and_copy(
            "\"We had to close the line to protect the service,\" the rail operator said on \
             Monday.",
            "\"We had to close [the branch] line to protect the service,\" the rail operator \
             said on Monday.",
        );
        let edits: Vec<(&str, &str)> = c
            .quote_changes
            .iter()
            .flat_map(|q| &q.edits)
            .map(|e| (e.a.as_str(), e.b.as_str()))
            .collect();
        assert_eq!(edits, [("the", "[the branch]")]);
        let story = |quote: &str| {
            format!("The rail operator spoke on Monday.\n\n\"{quote},\" a spokeswoman said.")
        };
        let articles = vec![
            Article::from_text(
                "original",
                "o.txt",
                story("We will protect the service"),
                Format::Text,
            ),
            Article::from_text(
                "copy",
                "c.txt",
                story("We will protect [the trains]"),
                Format::Text,
            ),
        ];
        let changes = compare(articles, &Options::default()).quote_changes;
        let edits: Vec<(&str, &str)> = changes
            .iter()
            .flat_map(|q| &q.edits)
            .map(|e| (e.a.as_str().min(&e.b), e.a.as_str().max(&e.b)))
            .collect();
        assert_eq!(edits, [("[the trains]", "the service")]);
    }

    #[test]
    fn a_quotation_written_in_another_style_is_no_change() {
        use crate::article::Format;
        use crate::compare::{Options, compare};
        let story = |quote: &str| {
            format!(
                "The council met on Tuesday to discuss the harbour.\n\n\"{quote}\" the mayor \
                 said after the meeting."
            )
        };
        let original = "We realise the pier was built for the ferries of the 1990s, and 12,000 \
            people a year still use it.";
        let copy = "We realize the pier was built for the ferries of the '90s, and 12 000 people \
            a year still use it.";
        let articles = vec![
            Article::from_text("original", "o.txt", story(original), Format::Text),
            Article::from_text("copy", "c.txt", story(copy), Format::Text),
        ];
        let changes = compare(articles, &Options::default()).quote_changes;
        assert!(changes.is_empty(), "{changes:?}");
    }

    #[test]
    fn a_quotation_s_sentences_joined_or_split_are_no_change_but_one_cut_is() {
        use crate::article::Format;
        use crate::compare::{Options, compare};
        let story = |quote: &str| {
            format!(
                "The council met on Tuesday to discuss the harbour.\n\n\
                 The harbour master, Ali Demir, said: {quote}"
            )
        };
        let two =
            "\"The old pier has stood for ninety years. Every winter storm shakes it loose.\"";
        let joined =
            "\"The old pier has stood for ninety years; every winter storm shakes it loose.\"";
        let first = "\"The old pier has stood for ninety years.\"";
        let kinds = |original: &str, copy: &str| -> Vec<QuoteChangeKind> {
            let articles = vec![
                Article::from_text("original", "o.txt", story(original), Format::Text),
                Article::from_text("copy", "c.txt", story(copy), Format::Text),
            ];
            let changes = compare(articles, &Options::default()).quote_changes;
            changes.iter().map(|q| q.kind).collect()
        };
        assert_eq!(kinds(two, joined), []);
        assert_eq!(kinds(joined, two), []);
        // Which came first is undetermined: the shorter may be shown first, as an addition.
        let cut = kinds(joined, first);
        assert!(
            matches!(cut[..], [QuoteChangeKind::Cut | QuoteChangeKind::Added]),
            "{cut:?}"
        );
    }

    #[test]
    fn a_quotation_cut_down_to_one_word_is_altered_where_both_are_marked_whole() {
        use crate::compare::findings::testing::original_and_copy;
        let story = |apology: &str| {
            format!(
                "The water company was fined on Tuesday for spilling sewage into a stream. \
                 A spokesman said the company would appeal against the fine but was {apology}"
            )
        };
        let changed = original_and_copy(&story("\"deeply sorry.\""), &story("\"sorry.\""));
        let quotes: Vec<(&str, &str, QuoteChangeKind)> = changed
            .quote_changes
            .iter()
            .map(|q| (q.a_quote.as_str(), q.b_quote.as_str(), q.kind))
            .collect();
        assert_eq!(quotes, [("deeply sorry.", "sorry.", QuoteChangeKind::Cut)]);
        // An opening mark never closed runs on to the sentence's end: no quotation to compare
        // with one word.
        let unclosed = original_and_copy(&story("\"sorry.\""), &story("\"deeply sorry."));
        assert!(
            unclosed.quote_changes.is_empty(),
            "{:?}",
            unclosed.quote_changes
        );
    }

    #[test]
    fn a_claim_made_surer_in_a_quote_is_no_tense_change() {
        let mut reader = Reader::default();
        let mut tense = |a: &str, b: &str| {
            let (a, b) = (reader.words(a), reader.words(b));
            is_tense(&a, &b)
        };
        assert!(tense("will leave", "would leave"));
        assert!(!tense("could leave", "would leave"));
    }

    #[test]
    fn a_cut_marked_with_an_ellipsis_is_an_elision() {
        use crate::article::Format;
        use crate::compare::{Options, compare};
        let story = |quote: &str| {
            format!(
                "The council met on Tuesday to discuss the harbour.\n\n\"{quote}\" the mayor \
                 said after the vote on Tuesday."
            )
        };
        let original = "This plan protects the ferries people rely on most, and it does so \
                        without raising fares";
        let changes = |copy: &str| {
            let articles = vec![
                Article::from_text("original", "o.txt", story(original), Format::Text),
                Article::from_text("copy", "c.txt", story(copy), Format::Text),
            ];
            let changes = compare(articles, &Options::default()).quote_changes;
            // Which came first is undetermined: each edit's sides in content order.
            let edits = |q: &QuoteChange| -> Vec<(String, String)> {
                q.edits
                    .iter()
                    .map(|e| (e.a.clone().min(e.b.clone()), e.a.clone().max(e.b.clone())))
                    .collect()
            };
            changes
                .iter()
                .map(|q| (q.kind, edits(q)))
                .collect::<Vec<_>>()
        };
        let cut = ("most, and it does so".to_owned(), ELLIPSIS.to_owned());
        for marked in [
            "This plan protects the ferries people rely on ... without raising fares",
            "This plan protects the ferries people rely on […] without raising fares",
        ] {
            let found = changes(marked);
            let kinds: Vec<QuoteChangeKind> = found.iter().map(|(kind, _)| *kind).collect();
            assert_eq!(kinds, [QuoteChangeKind::Elided], "{marked}");
            assert_eq!(found[0].1, std::slice::from_ref(&cut), "{marked}");
        }
        let unmarked =
            changes("This plan protects the ferries people rely on without raising fares");
        assert!(
            matches!(
                unmarked[..],
                [(QuoteChangeKind::Cut | QuoteChangeKind::Added, _)]
            ),
            "{unmarked:?}"
        );
    }

    #[test]
    fn a_tense_changed_through_a_contraction_is_a_tense_change() {
        use crate::article::Format;
        use crate::compare::{Options, compare};
        let story = |words: &str| {
            format!(
                "The council met on Tuesday to discuss the harbour.\n\n\
                 \"{words} the best plan we have seen for the pier in years,\" the mayor said \
                 after the meeting."
            )
        };
        let articles = vec![
            Article::from_text("original", "o.txt", story("That's"), Format::Text),
            Article::from_text("copy", "c.txt", story("That was"), Format::Text),
        ];
        let kinds: Vec<QuoteChangeKind> = compare(articles, &Options::default())
            .quote_changes
            .iter()
            .map(|q| q.kind)
            .collect();
        assert_eq!(kinds, [QuoteChangeKind::Tense]);
    }

    #[test]
    fn an_edit_at_the_end_of_a_quote_shows_no_clause_comma() {
        use crate::article::Format;
        use crate::compare::{Options, compare};
        let articles = vec![
            Article::from_text(
                "original",
                "o.txt",
                "“The harbour will reopen once the wall is rebuilt with care,” the mayor said on \
                 Monday after the storm.",
                Format::Text,
            ),
            Article::from_text(
                "copy",
                "c.txt",
                "“The harbour will reopen once the wall is rebuilt with patience.” The mayor said \
                 so on Monday after the storm.",
                Format::Text,
            ),
        ];
        let changes = compare(articles, &Options::default()).quote_changes;
        let edits: Vec<(&str, &str)> = changes
            .iter()
            .flat_map(|c| &c.edits)
            .map(|e| (e.a.as_str(), e.b.as_str()))
            .collect();
        assert_eq!(edits, [("care", "patience")]);
    }
}
