//! Changed time references: a linked sentence that moves an event in time ("this week" → "next
//! week", "on Tuesday" → "on Wednesday", "yesterday" → "today", "in 2004" → "in 2005", "January
//! 1st" → "Jan. 8", "9 a.m." → "10:00") is a changed figure, listed with the conflicting figures.

use super::figures;
use super::numbers::{measure_label, words_before_time};
use super::wording::{Moment, Reader};
use crate::article::{Article, collapse_whitespace};
use crate::compare::direction::Orientation;
use crate::compare::prepare::PreparedSet;
use crate::compare::{
    Bound, Edit, EditOp, FactBasis, FactKind, Link, NumberFact, NumberMention, SentenceRef,
};

/// Words that place an event in time.
pub(super) const TIME_WORDS: &[&str] = &[
    "afternoon",
    "april",
    "august",
    "autumn",
    "december",
    "earlier",
    "evening",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "last",
    "later",
    "march",
    "monday",
    "month",
    "morning",
    "next",
    "night",
    "november",
    "october",
    "overnight",
    "saturday",
    "september",
    "spring",
    "summer",
    "sunday",
    "this",
    "thursday",
    "today",
    "tomorrow",
    "tonight",
    "tuesday",
    "wednesday",
    "week",
    "weekend",
    "winter",
    "year",
    "yesterday",
];
/// Time words that only point to a time named after them ("this week", "last year").
const POINTERS: &[&str] = &["last", "next", "this"];
/// Words that place a time within a span ("by the end of next year").
const WITHIN_SPAN: &[&str] = &["beginning", "end", "middle", "start"];
/// Words that may stand beside the time words in a time reference.
const TIME_FILLERS: &[&str] = &[
    "on", "in", "at", "late", "early", "the", "of", "by", "until",
];
/// Words that carry the time itself (a filler-only difference is no change), each counted from
/// the day of writing: a time so given and one named outright ("next month" and "in March",
/// "on Tuesday" and "yesterday") may be the same time, told on different days.
const WHEN_WORDS: &[&str] = &[
    "last",
    "next",
    "this",
    "today",
    "tomorrow",
    "yesterday",
    "tonight",
];

/// The seasons, which name a time of the year as a month does ("in the spring" → "in the
/// autumn").
const SEASONS: &[&str] = &["autumn", "spring", "summer", "winter"];

/// The changed time references of the closest reworded links (`closest`) between articles
/// `orientation` compares, one fact each.
pub fn find(
    articles: &[Article],
    set: &PreparedSet,
    links: &[Link],
    closest: &[bool],
    orientation: &Orientation,
) -> Vec<NumberFact> {
    let mut reader = Reader::default();
    let mut out = Vec::new();
    for link in super::body_rewordings(articles, links, closest) {
        if orientation.sides(link.a.article, link.b.article).is_none() {
            continue;
        }
        let (a_text, b_text) = (
            &articles[link.a.article].text,
            &articles[link.b.article].text,
        );
        // In article order; the facts' mentions are put in order of descent once all are found.
        let fact = |(a_span, b_span): ((usize, usize), (usize, usize)),
                    text_of: fn(&str, (usize, usize)) -> String| {
            let mention = |at: SentenceRef, text: String| NumberMention {
                article: at.article,
                sentence: at.sentence,
                text,
                value: None,
                second: None,
                unit: Some("time".to_owned()),
                bound: Bound::Exact,
            };
            // Labelled by what happens then, as the first side tells it.
            let in_phrase =
                |word: &str| TIME_FILLERS.contains(&word) || WITHIN_SPAN.contains(&word);
            let happens = words_before_time(articles, set, link.a, a_span.0, in_phrase)
                .or_else(|| words_before_time(articles, set, link.b, b_span.0, in_phrase));
            NumberFact {
                fact: measure_label("when", happens),
                kind: FactKind::Conflict,
                basis: FactBasis::Linked,
                mentions: vec![
                    mention(link.a, text_of(a_text, a_span)),
                    mention(link.b, text_of(b_text, b_span)),
                ],
            }
        };
        let moments = moments_moved(articles, link, &mut reader);
        // Each with the time words the two kept after the change ("this" → "last" before
        // "week"); a word inside a day moved whole ("March" of "1 March" → "1 April") is that
        // day's change, listed once.
        let words_moved = link
            .edits
            .iter()
            .filter(|e| e.op == EditOp::Replace)
            .filter_map(|edit| time_moved(a_text, b_text, edit, &mut reader))
            .filter(|&(a, b)| {
                !moments
                    .iter()
                    .any(|&(x, y)| overlapping(a, x) && overlapping(b, y))
            })
            .collect::<Vec<_>>();
        out.extend(
            words_moved
                .into_iter()
                .map(|spans| fact(spans, with_time_words_after)),
        );
        let as_written =
            |text: &str, (start, end): (usize, usize)| collapse_whitespace(&text[start..end]);
        out.extend(moments.into_iter().map(|spans| fact(spans, as_written)));
    }
    out
}

/// Whether the byte ranges `x` and `y` share a byte.
fn overlapping(x: (usize, usize), y: (usize, usize)) -> bool {
    x.0 < y.1 && y.0 < x.1
}

/// Where `edit` moves an event in time, the spans of the two time references: the whole edit
/// ("this week" → "next week"), or the time words ending each side where other words changed
/// before them too ("begins this" → "began last", before a kept "week": "this" → "last").
fn time_moved(
    a_text: &str,
    b_text: &str,
    edit: &Edit,
    reader: &mut Reader,
) -> Option<((usize, usize), (usize, usize))> {
    let text_of = |text: &str, (start, end): (usize, usize)| collapse_whitespace(&text[start..end]);
    if moves_in_time(&text_of(a_text, edit.a), &text_of(b_text, edit.b), reader) {
        return Some((edit.a, edit.b));
    }
    let a_tail = time_tail(a_text, edit.a)?;
    let b_tail = time_tail(b_text, edit.b)?;
    let (a_time, b_time) = (
        with_time_words_after(a_text, a_tail),
        with_time_words_after(b_text, b_tail),
    );
    (names_a_time_outright(&a_time)
        && names_a_time_outright(&b_time)
        && moves_in_time(&a_time, &b_time, reader))
    .then_some((a_tail, b_tail))
}

/// The days of the year and times of day that `link` changes ("January 1st" → "Jan. 8", "on
/// January 1st" → "on 8 January", "9 a.m." → "10:00"): of each kind, the one each sentence
/// gives, when both give one and an edit touches each; the spans of the two, whole.
fn moments_moved(
    articles: &[Article],
    link: &Link,
    reader: &mut Reader,
) -> Vec<((usize, usize), (usize, usize))> {
    // The text of a sentence, and where it starts in its article.
    let sentence_text = |at: SentenceRef| {
        let article = &articles[at.article];
        let sentence = &article.sentences[at.sentence];
        (&article.text[sentence.start..sentence.end], sentence.start)
    };
    // Every day and time of day is written with digits: most sentences have none, and are not
    // read.
    let has_digits = |at: SentenceRef| sentence_text(at).0.bytes().any(|b| b.is_ascii_digit());
    if !has_digits(link.a) || !has_digits(link.b) {
        return Vec::new();
    }
    let mut moments_of = |at: SentenceRef| {
        let (text, start) = sentence_text(at);
        reader
            .words(text)
            .moments(text)
            .into_iter()
            .map(|(moment, (from, to))| (moment, (start + from, start + to)))
            .collect::<Vec<_>>()
    };
    let (a, b) = (moments_of(link.a), moments_of(link.b));
    let changed = |(from, to): (usize, usize), side: fn(&Edit) -> (usize, usize)| {
        link.edits
            .iter()
            .filter(|e| e.op != EditOp::Equal)
            .any(|e| {
                let (start, end) = side(e);
                start < to && from < end || start == end && (from..=to).contains(&start)
            })
    };
    let only =
        |moments: &[(Moment, (usize, usize))], clock: bool| -> Option<(Moment, (usize, usize))> {
            match moments
                .iter()
                .filter(|(m, _)| matches!(m, Moment::Clock(_)) == clock)
                .collect::<Vec<_>>()
                .as_slice()
            {
                [one] => Some(**one),
                _ => None,
            }
        };
    [false, true]
        .into_iter()
        .filter_map(|clock| {
            let ((x, x_span), (y, y_span)) = (only(&a, clock)?, only(&b, clock)?);
            (x != y && changed(x_span, |e| e.a) && changed(y_span, |e| e.b))
                .then_some((x_span, y_span))
        })
        .collect()
}

/// Whether `text` holds a time word other than one that only points to a time ("this", "last",
/// "next" alone, as in "this scripture", are no time reference).
fn names_a_time_outright(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|w| is_time_word(&w) && !POINTERS.contains(&w.as_str()))
}

/// Whether a lower-case word places an event in time: a time word or a year.
pub(super) fn is_time_word(word: &str) -> bool {
    TIME_WORDS.contains(&word) || figures::is_year(word)
}

/// The time words (and fillers among them) that end `span` of `text` after other words: "this"
/// of "begins this", "on Tuesday" of "approved it on Tuesday". `None` when the span ends with
/// another word or holds only time words.
fn time_tail(text: &str, (start, end): (usize, usize)) -> Option<(usize, usize)> {
    let is_time = |word: &str| {
        let lower = word.to_lowercase();
        is_time_word(&lower) || TIME_FILLERS.contains(&lower.as_str())
    };
    let words = word_spans(&text[start..end]);
    let first_of_tail = words
        .iter()
        .rposition(|&(from, to)| !is_time(&text[start + from..start + to]))
        .map(|last_other| last_other + 1)?;
    let &(tail_start, _) = words.get(first_of_tail)?;
    Some((start + tail_start, end))
}

/// The spans of the words (runs of letters and digits) of `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), open) {
            (true, None) => open = Some(at),
            (false, Some(from)) => {
                spans.push((from, at));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(from) = open {
        spans.push((from, text.len()));
    }
    spans
}

/// The words of `text[span]` and the time words right after them ("this week" for the "this" of
/// "this week's storm").
fn with_time_words_after(text: &str, span: (usize, usize)) -> String {
    let mut end = span.1;
    loop {
        let rest = &text[end..];
        let space = rest.len() - rest.trim_start().len();
        let word_len = rest[space..]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len() - space);
        let word = rest[space..space + word_len].to_lowercase();
        if space == 0 || word_len == 0 || !TIME_WORDS.contains(&word.as_str()) {
            break;
        }
        end += space + word_len;
    }
    collapse_whitespace(&text[span.0..end])
}

/// A time word written as the two words others write it in ("tonight" as "this night"), else the
/// word itself.
fn spelled_apart(word: &str) -> Vec<String> {
    match word {
        "today" => vec!["this".to_owned(), "day".to_owned()],
        "tonight" => vec!["this".to_owned(), "night".to_owned()],
        _ => vec![word.to_owned()],
    }
}

/// Time words with "this evening" read as "this night" (both are "tonight").
fn same_time_words(mut words: Vec<String>) -> Vec<String> {
    for i in 1..words.len() {
        if words[i - 1] == "this" && words[i] == "evening" {
            words[i] = "night".to_owned();
        }
    }
    words
}

/// Whether `from` and `to` are both time references and place the event differently.
fn moves_in_time(from: &str, to: &str, reader: &mut Reader) -> bool {
    let words = |text: &str| -> Option<Vec<String>> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let all_time = words
            .iter()
            .all(|w| is_time_word(w) || TIME_FILLERS.contains(&w.as_str()));
        let some_time = words.iter().any(|w| is_time_word(w));
        (all_time && some_time).then_some(words)
    };
    let (Some(a), Some(b)) = (words(from), words(to)) else {
        return false;
    };
    let when = |words: &[String]| -> Vec<String> {
        let when: Vec<String> = words
            .iter()
            .filter(|w| !TIME_FILLERS.contains(&w.as_str()))
            .flat_map(|w| spelled_apart(w))
            .collect();
        same_time_words(when)
    };
    let (a, b) = (when(&a), when(&b));
    let names_a_time = |w: &[String]| {
        w.iter().any(|x| {
            WHEN_WORDS.contains(&x.as_str())
                || x.ends_with("day")
                || figures::is_year(x)
                || figures::MONTHS.contains(&x.as_str())
                || SEASONS.contains(&x.as_str())
        })
    };
    let from_the_day_of_writing = |w: &[String]| w.iter().any(|x| WHEN_WORDS.contains(&x.as_str()));
    a != b
        && from_the_day_of_writing(&a) == from_the_day_of_writing(&b)
        && !a.is_empty()
        && !b.is_empty()
        && (names_a_time(&a) || names_a_time(&b))
        && reader.words(from).squashed() != reader.words(to).squashed()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moves(from: &str, to: &str) -> bool {
        moves_in_time(from, to, &mut Reader::default())
    }

    #[test]
    fn a_changed_time_reference_is_a_move_in_time() {
        assert!(moves("this week", "next week"));
        assert!(moves("on Tuesday", "on Wednesday"));
        assert!(moves("yesterday", "today"));
        assert!(moves("in 2004", "in 2005"));
        assert!(moves("in June", "in July"));
        assert!(moves("in the spring", "in the autumn"));
        assert!(
            !moves("in 2004", "in 2004 and 2005"),
            "a list of years is no time reference"
        );
    }

    #[test]
    fn the_same_time_worded_otherwise_is_no_move() {
        assert!(!moves("on Tuesday", "Tuesday"));
        assert!(!moves("late on Tuesday", "late Tuesday"));
        assert!(!moves("this week", "rescue workers"));
        assert!(!moves("in March", "in April and May"));
        assert!(!moves("this night", "tonight"));
        assert!(!moves("tonight", "this evening"));
        assert!(!moves("today", "this day"));
        assert!(moves("tonight", "tomorrow night"));
    }

    #[test]
    fn a_time_counted_from_the_day_of_writing_and_one_named_outright_may_be_the_same() {
        assert!(!moves("next month", "in March"));
        assert!(!moves("on Tuesday", "yesterday"));
        assert!(!moves("last year", "in 2019"));
        assert!(moves("this week", "last week"));
        assert!(moves("on Monday", "on Friday"));
    }

    #[test]
    fn time_words_ending_a_longer_change_are_its_time_reference() {
        let (a, b) = (
            "Work on the approach roads begins this week.",
            "Work on the approach roads began last week.",
        );
        let span = |text: &str, words: &str| {
            let start = text.find(words).unwrap();
            (start, start + words.len())
        };
        let edit = Edit {
            op: EditOp::Replace,
            a: span(a, "begins this"),
            b: span(b, "began last"),
        };
        let moved = time_moved(a, b, &edit, &mut Reader::default());
        assert_eq!(moved, Some((span(a, "this"), span(b, "last"))));
        let edit = Edit {
            op: EditOp::Replace,
            a: span(a, "begins"),
            b: span(b, "began"),
        };
        assert_eq!(time_moved(a, b, &edit, &mut Reader::default()), None);
        // "this" before a word that is no time points to no time.
        let (a, b) = (
            "He said to them, This day is this scripture fulfilled.",
            "He told them, “Today, this scripture is fulfilled.”",
        );
        let edit = Edit {
            op: EditOp::Replace,
            a: span(a, "said to them, This day is this"),
            b: span(b, "told them, “Today, this"),
        };
        assert_eq!(time_moved(a, b, &edit, &mut Reader::default()), None);
    }

    #[test]
    fn a_mention_takes_the_time_words_after_the_change() {
        let text = "Homes were flooded this week, and next week's storm";
        let at = |word: &str| {
            let start = text.find(word).unwrap();
            (start, start + word.len())
        };
        assert_eq!(with_time_words_after(text, at("this")), "this week");
        assert_eq!(with_time_words_after(text, at("next")), "next week");
        assert_eq!(with_time_words_after(text, at("Homes")), "Homes");
    }
}
