//! The marks a sentence shows against one counterpart, decided here once for the app's columns
//! and every report: which of its words it kept, which it added or changed, and which of the
//! counterpart's words it lacks (and where they would go).
//!
//! Marks follow the engine's word edits, widened to whole whitespace-separated words so that a
//! bracket or quotation mark always goes with its word ("[Name]", never "Name]"), and a
//! [`Piece::Gap`] separates removed words from the text around them so they never run into a
//! neighbouring word. The kept and added pieces of a sentence join back into exactly its text.

use std::ops::Range;

use super::findings::counterparts::closest_link;
use super::{Comparison, EditOp, Link, QuoteChange, SentenceRef, Status};

/// A stretch of a sentence as it is shown against one counterpart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Own text the counterpart also has.
    Kept(&'a str),
    /// Own words the counterpart lacks or words differently.
    Added(&'a str),
    /// The counterpart's words this sentence lacks, where they would be (not its own text).
    Removed(&'a str),
    /// A space between removed words and the text beside them (not part of the sentence).
    Gap,
}

impl<'a> Piece<'a> {
    /// The sentence's own text this piece covers (empty for removed words and gaps).
    pub fn own_text(&self) -> &'a str {
        match *self {
            Piece::Kept(text) | Piece::Added(text) => text,
            Piece::Removed(_) | Piece::Gap => "",
        }
    }
}

/// Whether the counterpart's missing words are included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removed {
    /// Shown, struck, where they would be.
    Shown,
    /// Left out: only the sentence's own words are marked.
    Hidden,
}

/// One change seen from one side: own bytes, the counterpart's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Change {
    own: Range<usize>,
    theirs: Range<usize>,
}

/// The bytes `range` of sentence `own`'s article, in pieces by the edits of `link` (one of whose
/// ends is `own`). Only what lies in `range` and, on the counterpart's side, in `other_range` is
/// marked (a quotation is compared with the other quotation, not with the rest of its sentence).
pub fn pieces<'a>(
    c: &'a Comparison,
    own: SentenceRef,
    link: &Link,
    range: Range<usize>,
    other_range: Range<usize>,
    removed: Removed,
) -> Vec<Piece<'a>> {
    let own_text = c.articles[own.article].text.as_str();
    let other_text = c.articles[link.other(own).article].text.as_str();
    let changes = changes_seen_from(own, link, own_text, other_text, &range, &other_range);
    let mut out = Vec::new();
    let mut cursor = range.start;
    for change in changes {
        let start = change.own.start.max(cursor);
        let end = change.own.end.max(start);
        push_text(&mut out, Piece::Kept, &own_text[cursor..start]);
        let missing = &other_text[change.theirs.clone()];
        if removed == Removed::Shown && !missing.trim().is_empty() {
            let before = &own_text[range.start..start];
            let after = &own_text[start..range.end];
            if before
                .chars()
                .next_back()
                .is_some_and(|ch| !ch.is_whitespace())
            {
                out.push(Piece::Gap);
            }
            out.push(Piece::Removed(missing));
            if after.chars().next().is_some_and(needs_gap_before) {
                out.push(Piece::Gap);
            }
        }
        push_text(&mut out, Piece::Added, &own_text[start..end]);
        cursor = end;
    }
    push_text(&mut out, Piece::Kept, &own_text[cursor..range.end]);
    out
}

/// The whole of sentence `own` in pieces against the other end of `link`.
pub fn sentence_pieces<'a>(
    c: &'a Comparison,
    own: SentenceRef,
    link: &Link,
    removed: Removed,
) -> Vec<Piece<'a>> {
    pieces(
        c,
        own,
        link,
        sentence_range(c, own),
        sentence_range(c, link.other(own)),
        removed,
    )
}

/// What a reworded sentence shows when nothing is in focus: its words against its closest
/// counterpart (`None` for identical and unique sentences).
pub fn reworded_pieces(
    c: &Comparison,
    here: SentenceRef,
    removed: Removed,
) -> Option<(&Link, Vec<Piece<'_>>)> {
    if c.info(here).status != Status::Reworded {
        return None;
    }
    let link = closest_link(c, here)?;
    Some((link, sentence_pieces(c, here, link, removed)))
}

/// Both quotations of a quote change in pieces against each other, when both can be found in
/// their sentences and the sentences are linked directly; where the direction is known, the
/// original's with its own changed words only, the copy's with the original's struck in.
pub fn quote_pieces<'a>(
    c: &'a Comparison,
    q: &QuoteChange,
) -> Option<(Vec<Piece<'a>>, Vec<Piece<'a>>)> {
    let link = c.links_of(q.a).find(|l| l.other(q.a) == q.b)?;
    let a = quote_range(c, q.a, &q.a_quote)?;
    let b = quote_range(c, q.b, &q.b_quote)?;
    // The original's own words are marked, nothing struck into them: the copy is the one that
    // changed. Undetermined, each side shows what the other has instead.
    let original_side = if q.directed {
        Removed::Hidden
    } else {
        Removed::Shown
    };
    Some((
        pieces(c, q.a, link, a.clone(), b.clone(), original_side),
        pieces(c, q.b, link, b, a, Removed::Shown),
    ))
}

/// The byte range of sentence `r` in its article's text.
pub fn sentence_range(c: &Comparison, r: SentenceRef) -> Range<usize> {
    c.articles[r.article].sentences[r.sentence].range()
}

/// The edits of `link` seen from `own`, clipped to the ranges, widened to whole words and merged
/// where widening made them meet; in order, not overlapping.
fn changes_seen_from(
    own: SentenceRef,
    link: &Link,
    own_text: &str,
    other_text: &str,
    range: &Range<usize>,
    other_range: &Range<usize>,
) -> Vec<Change> {
    let own_is_a = link.a == own;
    let mut changes: Vec<Change> = Vec::new();
    for edit in link.edits.iter().filter(|e| e.op != EditOp::Equal) {
        let (mine, theirs) = if own_is_a {
            (edit.a, edit.b)
        } else {
            (edit.b, edit.a)
        };
        if mine.1 < range.start || mine.0 > range.end {
            continue;
        }
        let own_span = clip(mine.0..mine.1, range);
        let own_span = if own_span.is_empty() {
            insertion_point(own_text, own_span.start, range)
        } else {
            whole_words(own_text, own_span, range)
        };
        let their_span = clip(theirs.0..theirs.1, other_range);
        let their_span = if their_span.is_empty() {
            their_span
        } else {
            whole_words(other_text, their_span, other_range)
        };
        let change = Change {
            own: own_span,
            theirs: their_span,
        };
        match changes.last_mut() {
            Some(last) if change.own.start < last.own.end => merge(last, change),
            _ => changes.push(change),
        }
    }
    changes
}

/// `span` within `range` (an empty span where it would start when it lies outside).
fn clip(span: Range<usize>, range: &Range<usize>) -> Range<usize> {
    let start = span.start.clamp(range.start, range.end);
    start..span.end.clamp(start, range.end)
}

/// Folds `next` (overlapping `last` once widened) into `last`.
fn merge(last: &mut Change, next: Change) {
    last.own.start = last.own.start.min(next.own.start);
    last.own.end = last.own.end.max(next.own.end);
    last.theirs = match (last.theirs.is_empty(), next.theirs.is_empty()) {
        (_, true) => last.theirs.clone(),
        (true, false) => next.theirs,
        (false, false) => {
            last.theirs.start.min(next.theirs.start)..last.theirs.end.max(next.theirs.end)
        }
    };
}

/// `span` widened to the whitespace around it (within `range`), so punctuation attached to a
/// word (brackets, quotation marks) goes with it; a clause's closing comma or full stop stays.
fn whole_words(text: &str, span: Range<usize>, range: &Range<usize>) -> Range<usize> {
    let start = text[range.start..span.start]
        .char_indices()
        .rev()
        .take_while(|(_, ch)| !ch.is_whitespace())
        .last()
        .map_or(span.start, |(i, _)| range.start + i);
    let attached = text[span.end..range.end]
        .char_indices()
        .find(|(_, ch)| ch.is_whitespace())
        .map_or(range.end - span.end, |(i, _)| i);
    let attached = text[span.end..span.end + attached].trim_end_matches(is_separating);
    start..span.end + attached.len()
}

/// Punctuation that ends a clause or sentence: it belongs to the sentence, not to the word
/// before it, so a mark never takes it along.
fn is_separating(ch: char) -> bool {
    matches!(ch, '.' | ',' | ';' | ':' | '!' | '?')
}

/// Where words missing here are shown: at `at`, or before the opening punctuation (a bracket,
/// a quotation mark) that `at` follows, so they never split it from its word.
fn insertion_point(text: &str, at: usize, range: &Range<usize>) -> Range<usize> {
    let opening: usize = text[range.start..at]
        .chars()
        .rev()
        .take_while(|ch| !ch.is_whitespace() && !ch.is_alphanumeric())
        .map(char::len_utf8)
        .sum();
    let word_before = text[range.start..at - opening]
        .chars()
        .next_back()
        .is_some_and(|ch| !ch.is_whitespace());
    let at = if opening > 0 && !word_before {
        at - opening
    } else {
        at
    };
    at..at
}

/// Whether removed words placed before `next` need a space between them and it: not before
/// whitespace or closing punctuation.
fn needs_gap_before(next: char) -> bool {
    !next.is_whitespace()
        && !is_separating(next)
        && !matches!(next, ')' | ']' | '}' | '”' | '’' | '»')
}

fn push_text<'a>(out: &mut Vec<Piece<'a>>, piece: fn(&'a str) -> Piece<'a>, text: &'a str) {
    if !text.is_empty() {
        out.push(piece(text));
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};
    use crate::compare::{Options, compare};

    /// Two one-sentence articles compared, and the link between their sentences.
    fn pair(a: &str, b: &str) -> Comparison {
        let articles = [a, b]
            .iter()
            .enumerate()
            .map(|(i, text)| {
                Article::from_text(format!("v{i}"), format!("v{i}.txt"), *text, Format::Text)
            })
            .collect();
        compare(articles, &Options::default())
    }

    /// How sentence 0 of article `article` reads against its counterpart: removed words in
    /// `~~…~~`, added in `__…__`.
    fn shown(c: &Comparison, article: usize) -> String {
        let here = SentenceRef::new(article, 0);
        let link = c.links_of(here).next().expect("the sentences are linked");
        sentence_pieces(c, here, link, Removed::Shown)
            .iter()
            .map(|p| match p {
                Piece::Kept(t) => (*t).to_owned(),
                Piece::Added(t) => format!("__{t}__"),
                Piece::Removed(t) => format!("~~{t}~~"),
                Piece::Gap => " ".to_owned(),
            })
            .collect()
    }

    #[test]
    fn a_bracketed_insertion_keeps_its_brackets() {
        let c = pair(
            "He told reporters that I should not worry about the inquiry at all.",
            "He told reporters [Name] that I should not worry about the inquiry at all.",
        );
        assert_eq!(
            shown(&c, 1),
            "He told reporters __[Name]__ that I should not worry about the inquiry at all."
        );
    }

    #[test]
    fn a_replaced_word_keeps_its_quotation_marks() {
        let c = pair(
            "The minister called the plan “reckless” in a long speech on Monday night.",
            "The minister called the plan “dangerous” in a long speech on Monday night.",
        );
        assert_eq!(
            shown(&c, 1),
            "The minister called the plan ~~“reckless”~~ __“dangerous”__ in a long speech on \
             Monday night."
        );
    }

    #[test]
    fn removed_words_never_touch_the_word_before_them() {
        let c = pair(
            "The soldiers stood guard alone Israeli troops said on Friday morning.",
            "The soldiers stood guard alone troops said on Friday morning.",
        );
        let text = shown(&c, 1);
        assert!(text.contains("alone ~~Israeli~~ troops"), "{text}");
        let c = pair(
            "The village was left to fend for itself alone again.",
            "The village was left to fend for itself alone.",
        );
        let text = shown(&c, 1);
        assert!(text.ends_with("itself alone ~~again~~."), "{text}");
    }

    #[test]
    fn the_original_of_a_changed_quote_is_not_marked_as_edited() {
        let c = pair(
            "“We will rebuild every home that burned,” the mayor said on Monday night.",
            "“We will repair every home that burned,” the mayor said on Monday night.",
        );
        let mut q = c.quote_changes.first().expect("a quote change").clone();
        let struck = |pieces: &[Piece<'_>]| pieces.iter().any(|p| matches!(p, Piece::Removed(_)));
        q.directed = true;
        let (original, copy) = quote_pieces(&c, &q).expect("both quotes found");
        assert!(!struck(&original), "{original:?}");
        assert!(struck(&copy), "{copy:?}");
        q.directed = false;
        let (first, second) = quote_pieces(&c, &q).expect("both quotes found");
        assert!(struck(&first) && struck(&second), "{first:?} {second:?}");
    }

    #[test]
    fn quotes_match_across_line_breaks() {
        assert_eq!(
            matched_len("we will\n  rebuild it", "we will rebuild"),
            Some(17)
        );
        assert_eq!(matched_len("we will", "we  will"), None);
        assert_eq!(matched_len("we won", "we will"), None);
    }

    proptest::proptest! {
        #[test]
        fn kept_and_added_pieces_join_back_into_the_sentence(
            x in proptest::collection::vec(0usize..10, 3..14),
            y in proptest::collection::vec(0usize..10, 3..14),
        ) {
            const WORDS: [&str; 10] = [
                "the", "port", "[fire]", "crews", "“said”", "burned", "(AP)", "alone,", "U.S.-led", "tons",
            ];
            let sentence = |ids: &[usize]| {
                let words: Vec<&str> = ids.iter().map(|&i| WORDS[i]).collect();
                format!("Officials {}.", words.join(" "))
            };
            let c = pair(&sentence(&x), &sentence(&y));
            for link in &c.links {
                for own in [link.a, link.b] {
                    for removed in [Removed::Shown, Removed::Hidden] {
                        let joined: String = sentence_pieces(&c, own, link, removed)
                            .iter()
                            .map(Piece::own_text)
                            .collect();
                        proptest::prop_assert_eq!(joined, c.sentence_text(own));
                    }
                }
            }
        }
    }
}
