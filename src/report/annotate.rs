//! What the HTML and Markdown reports both draw from a comparison: a sentence's words marked
//! against one counterpart (kept, removed, added), where a quotation sits in its sentence, and
//! substitutions ordered and aggregated across article pairs.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::compare::{Comparison, EditOp, Link, QuoteChange, SentenceRef};

/// A stretch of a sentence shown against one counterpart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Own text the counterpart also has (or spacing between marks).
    Same(&'a str),
    /// The counterpart's words that this version cut or replaced (shown struck).
    Removed(&'a str),
    /// Own words the counterpart lacks or has differently (shown underlined).
    Added(&'a str),
}

/// The bytes `range` of sentence `own`'s article, split into pieces by the edits of `link` (one
/// of whose ends is `own`): the counterpart's removed words appear where they were. Only what
/// lies in `range` and, on the counterpart's side, in `other_range` is marked (a quotation is
/// compared with the other quotation, not with the rest of its sentence).
pub(crate) fn marked_pieces<'a>(
    c: &'a Comparison,
    own: SentenceRef,
    link: &Link,
    range: Range<usize>,
    other_range: Range<usize>,
) -> Vec<Piece<'a>> {
    let own_text = c.articles[own.article].text.as_str();
    let other_text = c.articles[link.other(own).article].text.as_str();
    let own_is_a = link.a == own;
    let mut pieces = Vec::new();
    let mut cursor = range.start;
    for edit in link.edits.iter().filter(|e| e.op != EditOp::Equal) {
        let (mine, theirs) = if own_is_a {
            (edit.a, edit.b)
        } else {
            (edit.b, edit.a)
        };
        if mine.1 < range.start || mine.0 > range.end {
            continue;
        }
        let start = mine.0.clamp(cursor, range.end);
        let end = mine.1.clamp(start, range.end);
        push_same(&mut pieces, own_text.get(cursor..start));
        let removed_span = theirs.0.max(other_range.start)..theirs.1.min(other_range.end);
        if let Some(removed) = other_text
            .get(removed_span)
            .filter(|t| !t.trim().is_empty())
        {
            let before = own_text.get(range.start..start).unwrap_or("");
            let after = own_text.get(start..range.end).unwrap_or("");
            push_removed(&mut pieces, before, removed, after);
        }
        if let Some(added) = own_text.get(start..end).filter(|t| !t.is_empty()) {
            pieces.push(Piece::Added(added));
        }
        cursor = end;
    }
    push_same(&mut pieces, own_text.get(cursor..range.end));
    pieces
}

fn push_same<'a>(pieces: &mut Vec<Piece<'a>>, text: Option<&'a str>) {
    if let Some(text) = text.filter(|t| !t.is_empty()) {
        pieces.push(Piece::Same(text));
    }
}

/// Pushes removed words, with a space before them when they follow a word and after them when a
/// word follows, so "the house" with "big" removed reads "the ~~big~~ house".
fn push_removed<'a>(pieces: &mut Vec<Piece<'a>>, before: &str, removed: &'a str, after: &str) {
    if before
        .chars()
        .next_back()
        .is_some_and(|ch| !ch.is_whitespace())
    {
        pieces.push(Piece::Same(" "));
    }
    pieces.push(Piece::Removed(removed));
    if after.chars().next().is_some_and(char::is_alphanumeric) {
        pieces.push(Piece::Same(" "));
    }
}

/// The byte range of sentence `r` in its article's text.
pub(crate) fn sentence_range(c: &Comparison, r: SentenceRef) -> Range<usize> {
    c.articles[r.article].sentences[r.sentence].range()
}

/// The link between sentences `x` and `y`, if they are linked directly.
pub(crate) fn link_between(c: &Comparison, x: SentenceRef, y: SentenceRef) -> Option<&Link> {
    c.links_of(x).find(|l| l.other(x) == y)
}

/// The byte range of `quote` (whitespace collapsed, as findings store it) within sentence `r`.
fn quote_range(c: &Comparison, r: SentenceRef, quote: &str) -> Option<Range<usize>> {
    let span = c.articles[r.article].sentences.get(r.sentence)?.range();
    let sentence = c.articles[r.article].text.get(span.clone())?;
    if quote.is_empty() {
        return None;
    }
    sentence.char_indices().find_map(|(i, _)| {
        matched_len(&sentence[i..], quote).map(|len| span.start + i..span.start + i + len)
    })
}

/// How many bytes at the start of `haystack` match `needle`, where a space in `needle` matches
/// any run of whitespace.
fn matched_len(haystack: &str, needle: &str) -> Option<usize> {
    let mut rest = haystack.char_indices().peekable();
    let mut end = 0;
    for wanted in needle.chars() {
        if wanted == ' ' {
            let mut any = false;
            while let Some((i, ch)) = rest.next_if(|(_, ch)| ch.is_whitespace()) {
                end = i + ch.len_utf8();
                any = true;
            }
            if !any {
                return None;
            }
        } else {
            let (i, ch) = rest.next().filter(|(_, ch)| *ch == wanted)?;
            end = i + ch.len_utf8();
        }
    }
    Some(end)
}

/// A pair of wordings that outlets swap across several article pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Systematic {
    /// One wording (empty: nothing; the empty wording always comes first), as first met.
    pub(crate) first: String,
    /// The articles using `first`.
    pub(crate) first_in: Vec<usize>,
    /// The other wording (empty: nothing).
    pub(crate) second: String,
    /// The articles using `second`.
    pub(crate) second_in: Vec<usize>,
    /// How many article pairs show the swap.
    pub(crate) pairs: usize,
    /// How many times it occurs in all.
    pub(crate) count: usize,
}

impl Systematic {
    /// Whether both wordings have words (else one side added or cut them).
    pub(crate) fn is_swap(&self) -> bool {
        !self.first.is_empty() && !self.second.is_empty()
    }
}

/// Substitutions aggregated over article pairs, in either direction (case ignored), kept when
/// they occur between at least two pairs: word swaps before additions and cuts, then most pairs
/// and occurrences first.
pub(crate) fn systematic_substitutions(c: &Comparison) -> Vec<Systematic> {
    let mut found: BTreeMap<(String, String), Systematic> = BTreeMap::new();
    for s in &c.substitutions {
        let (mut x, mut y) = ((s.from.as_str(), s.a), (s.to.as_str(), s.b));
        if x.0.to_lowercase() > y.0.to_lowercase() {
            std::mem::swap(&mut x, &mut y);
        }
        let entry = found
            .entry((x.0.to_lowercase(), y.0.to_lowercase()))
            .or_insert_with(|| Systematic {
                first: x.0.to_owned(),
                first_in: Vec::new(),
                second: y.0.to_owned(),
                second_in: Vec::new(),
                pairs: 0,
                count: 0,
            });
        insert_sorted(&mut entry.first_in, x.1);
        insert_sorted(&mut entry.second_in, y.1);
        entry.pairs += 1;
        entry.count += s.count;
    }
    let mut out: Vec<Systematic> = found.into_values().filter(|s| s.pairs >= 2).collect();
    out.sort_by_key(|s| {
        (
            s.first.is_empty() || s.second.is_empty(),
            std::cmp::Reverse((s.pairs, s.count)),
        )
    });
    out
}

fn insert_sorted(list: &mut Vec<usize>, value: usize) {
    if let Err(at) = list.binary_search(&value) {
        list.insert(at, value);
    }
}

/// Both quotations of a quote change, the words that differ marked with `mark`; each is
/// escaped with `plain` when it cannot be located or the sentences are not linked directly.
pub(crate) fn marked_quotes(
    c: &Comparison,
    q: &QuoteChange,
    mark: fn(&[Piece<'_>]) -> String,
    plain: fn(&str) -> String,
) -> (String, String) {
    let link = link_between(c, q.a, q.b);
    let ranges = (
        quote_range(c, q.a, &q.a_quote),
        quote_range(c, q.b, &q.b_quote),
    );
    match (link, ranges) {
        (Some(link), (Some(a), Some(b))) => (
            mark(&marked_pieces(c, q.a, link, a.clone(), b.clone())),
            mark(&marked_pieces(c, q.b, link, b, a)),
        ),
        _ => (plain(&q.a_quote), plain(&q.b_quote)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_in_quotes_matches_line_breaks() {
        assert_eq!(
            matched_len("we will\n  rebuild it", "we will rebuild"),
            Some(17)
        );
        assert_eq!(matched_len("we will", "we  will"), None);
        assert_eq!(matched_len("we won", "we will"), None);
    }
}
