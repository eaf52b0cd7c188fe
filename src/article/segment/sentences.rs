//! Sentence boundaries inside one paragraph of running text.
//!
//! One forward pass over the characters. A boundary is considered only after final punctuation
//! ("." "!" "?" "…", the CJK marks, the stops of other scripts) and any closing quotes or brackets
//! after it; then the word that follows decides:
//! - "!" and "?": a boundary before a capital, a digit or a caseless letter, never before a
//!   lowercase word (`"Are you sure?" she asked.` is one sentence);
//! - a period: a boundary before a capital or a digit, unless the word before it is an
//!   abbreviation ([`super::abbreviations`]): never after a title ("Gen."), not before a number
//!   after "No." or "Oct.", and after "U.S.", "Inc." or an initial only when a common sentence
//!   starter or an opening quote follows;
//! - an ellipsis: a boundary only before a common sentence starter or an opening quote;
//! - the CJK full stop, exclamation and question marks: a boundary right after them.
//!
//! A pilcrow ("¶", which opens a paragraph in older printed texts: "Thou hast said. ¶ And as
//! they were eating") counts as an opening mark before the word that follows.
//!
//! Without whitespace after the punctuation there is no boundary, which keeps decimals, URLs,
//! e-mail addresses and "U.S.-led" whole. Sentences that begin inside a quotation are split
//! (`"We will rebuild. We will not leave," she said.` gives two). Dashes never end a sentence.
//!
//! Thai, Lao, Khmer and Burmese put no spaces between words and a space where a sentence or
//! clause ends: whitespace between two letters of these scripts is a boundary too.

use super::abbreviations::{Abbreviation, classify, is_sentence_starter};
use super::chars::{
    is_capital, is_closer, is_currency, is_opener, is_spaced_terminator, is_spaceless_script,
    is_unspaced_terminator,
};

/// How many characters back the word before a period is looked for; longer words are not
/// abbreviations.
const MAX_TOKEN_CHARS: usize = 24;
/// The paragraph sign of older printed texts, which opens a paragraph (see the module's doc).
const PILCROW: char = '¶';

/// Calls `emit(start, end)` for each sentence of `text[start..end]`, in order. The ranges do not
/// overlap and cover every character but the whitespace between sentences; they are not trimmed
/// (the caller trims them and drops the empty ones).
pub(super) fn for_each_sentence(
    text: &str,
    start: usize,
    end: usize,
    mut emit: impl FnMut(usize, usize),
) {
    let Some(span) = text.get(start..end) else {
        return;
    };
    if span.is_ascii() || !span.chars().any(is_spaceless_script) {
        return sentences_in(span, start, &mut emit);
    }
    let mut piece_start = 0;
    for cut in spaceless_breaks(span) {
        sentences_in(&span[piece_start..cut], start + piece_start, &mut emit);
        piece_start = cut;
    }
    sentences_in(&span[piece_start..], start + piece_start, &mut emit);
}

/// The byte offsets in `span` where whitespace between two letters of a script written without
/// spaces (see [`is_spaceless_script`]) starts.
fn spaceless_breaks(span: &str) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut before: Option<char> = None;
    let mut space_start = None;
    for (at, c) in span.char_indices() {
        if c.is_whitespace() {
            space_start = space_start.or(Some(at));
            continue;
        }
        if let Some(space) = space_start.take()
            && before.is_some_and(is_spaceless_script)
            && is_spaceless_script(c)
        {
            breaks.push(space);
        }
        before = Some(c);
    }
    breaks
}

/// Calls `emit` as [`for_each_sentence`] does for `span`, which starts at byte `start`.
fn sentences_in(span: &str, start: usize, emit: &mut impl FnMut(usize, usize)) {
    let mut sentence_start = 0;
    let mut at = 0;
    loop {
        at = skip_plain_ascii(span, at);
        let Some(c) = span.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        match step(span, at, c) {
            Step::Boundary { end, next } => {
                emit(start + sentence_start, start + end);
                sentence_start = next;
                at = next;
            }
            Step::Advance(next) => at = next,
        }
    }
    emit(start + sentence_start, start + span.len());
}

/// The first byte offset from `at` that is not a plain ASCII character: every ASCII character
/// but ".", "!", "?" and ";" only advances the scan (the other marks that end sentences are not
/// ASCII), so runs of them are skipped at once.
fn skip_plain_ascii(span: &str, at: usize) -> usize {
    let rest = span.as_bytes().get(at..).unwrap_or_default();
    let plain = rest
        .iter()
        .position(|&b| !b.is_ascii() || matches!(b, b'.' | b'!' | b'?' | b';'))
        .unwrap_or(rest.len());
    at + plain
}

/// What the scan does at one character.
enum Step {
    /// A sentence ends at `end`; the next one is scanned from `next`.
    Boundary { end: usize, next: usize },
    /// No boundary here; go on from this byte offset (always past the current character).
    Advance(usize),
}

/// The kind of final punctuation a run of terminators is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// "!" "?" and the stops of other scripts.
    Strong,
    /// A single ".".
    Period,
    /// ".." "..." "…".
    Ellipsis,
}

fn step(span: &str, at: usize, c: char) -> Step {
    let after = at + c.len_utf8();
    if is_unspaced_terminator(c) {
        let end = skip(span, after, |c| {
            is_unspaced_terminator(c) || is_spaced_terminator(c) || is_closer(c)
        });
        return if end < span.len() {
            Step::Boundary { end, next: end }
        } else {
            Step::Advance(end)
        };
    }
    let (stop, run_end) = if is_spaced_terminator(c) {
        terminator_run(span, at)
    } else if c == ';' && follows_greek(span, at) {
        (Stop::Strong, after)
    } else {
        return Step::Advance(after);
    };
    let end = skip(span, run_end, is_closer);
    let next = skip(span, end, char::is_whitespace);
    if next == end || next >= span.len() {
        return Step::Advance(next);
    }
    let following = NextWord::read(span, next);
    let ends_sentence = match stop {
        Stop::Strong => following.opens_sentence(),
        Stop::Ellipsis => following.is_starter() || following.is_quoted_capital(),
        Stop::Period => period_ends_sentence(token_before(span, at), &following),
    };
    if ends_sentence {
        Step::Boundary { end, next }
    } else {
        Step::Advance(next)
    }
}

/// Reads the run of terminators starting at `at`: what kind of stop it is and where it ends.
fn terminator_run(span: &str, at: usize) -> (Stop, usize) {
    let mut periods = 0;
    let mut ellipsis = false;
    let mut strong = false;
    let mut end = at;
    for c in span.get(at..).unwrap_or_default().chars() {
        if !is_spaced_terminator(c) {
            break;
        }
        match c {
            '.' => periods += 1,
            '…' => ellipsis = true,
            _ => strong = true,
        }
        end += c.len_utf8();
    }
    let stop = if strong {
        Stop::Strong
    } else if ellipsis || periods > 1 {
        Stop::Ellipsis
    } else {
        Stop::Period
    };
    (stop, end)
}

/// Whether a period after `token` ends the sentence, given the word that follows.
fn period_ends_sentence(token: Option<&str>, following: &NextWord) -> bool {
    // A decimal broken by a space ("a 0. 5 probability"): a sentence seldom ends on one digit
    // right before another begins with a number.
    let lone_digit = token.is_some_and(|t| t.len() == 1 && t.as_bytes()[0].is_ascii_digit());
    if lone_digit && following.first == First::Number {
        return false;
    }
    match token.and_then(classify) {
        Some(Abbreviation::Title) => false,
        Some(Abbreviation::BeforeNumber) => following.first == First::Capital,
        Some(Abbreviation::Terminal) => following.is_starter() || following.is_quoted_capital(),
        None => following.opens_sentence(),
    }
}

/// The word that ends at byte `at` (just before a period), without opening quotes or brackets;
/// `None` when it is longer than any abbreviation.
fn token_before(span: &str, at: usize) -> Option<&str> {
    let before = span.get(..at)?;
    let mut start = at;
    for (count, (index, c)) in before.char_indices().rev().enumerate() {
        if c.is_whitespace() {
            break;
        }
        if count >= MAX_TOKEN_CHARS {
            return None;
        }
        start = index;
    }
    Some(before.get(start..)?.trim_start_matches(is_opener))
}

/// Whether the character before `at` is a Greek letter (so that ";" is a question mark).
fn follows_greek(span: &str, at: usize) -> bool {
    span.get(..at)
        .and_then(|before| before.chars().next_back())
        .is_some_and(|c| matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}'))
}

/// The byte offset of the first character at or after `from` that does not satisfy `pred`.
fn skip(span: &str, from: usize, pred: impl Fn(char) -> bool) -> usize {
    let rest = span.get(from..).unwrap_or_default();
    from + rest.find(|c: char| !pred(c)).unwrap_or(rest.len())
}

/// How the word after a possible boundary begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum First {
    /// A capital or a caseless letter.
    Capital,
    /// A digit or a currency sign.
    Number,
    /// A lowercase letter.
    Lower,
    /// Anything else (a dash, a symbol).
    Other,
}

/// The start of the word after a possible boundary.
struct NextWord<'a> {
    /// Whether an opening quote or bracket (or a pilcrow) comes first.
    quoted: bool,
    /// How its first character (after the quote) begins.
    first: First,
    /// Its leading letters, for comparison with the sentence starters.
    letters: &'a str,
    /// Whether a period follows those letters directly (an initial such as "A.").
    dotted: bool,
}

impl<'a> NextWord<'a> {
    fn read(span: &'a str, from: usize) -> Self {
        let after_pilcrow = match span.get(from..).and_then(|rest| rest.strip_prefix(PILCROW)) {
            Some(rest) => span.len() - rest.trim_start().len(),
            None => from,
        };
        let start = skip(span, after_pilcrow, is_opener);
        let rest = span.get(start..).unwrap_or_default();
        let first = match rest.chars().next() {
            Some(c) if is_capital(c) => First::Capital,
            Some(c) if c.is_numeric() || is_currency(c) => First::Number,
            Some(c) if c.is_lowercase() => First::Lower,
            _ => First::Other,
        };
        let letters_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let letters = rest.get(..letters_len).unwrap_or_default();
        let dotted = rest.get(letters_len..).is_some_and(|r| r.starts_with('.'));
        NextWord {
            quoted: start > from,
            first,
            letters,
            dotted,
        }
    }

    /// A capital or a number: what a new sentence begins with.
    fn opens_sentence(&self) -> bool {
        matches!(self.first, First::Capital | First::Number)
    }

    /// A common sentence starter ("The", "But"), not an initial ("A.").
    fn is_starter(&self) -> bool {
        !self.dotted && is_sentence_starter(self.letters)
    }

    /// An opening quote followed by a capital.
    fn is_quoted_capital(&self) -> bool {
        self.quoted && self.first == First::Capital
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(input: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for_each_sentence(input, 0, input.len(), |start, end| {
            let sentence = input[start..end].trim();
            if !sentence.is_empty() {
                out.push(sentence);
            }
        });
        out
    }

    #[test]
    fn a_pilcrow_opening_a_paragraph_after_a_period_begins_a_sentence() {
        assert_eq!(
            split("He said unto him, Thou hast said. ¶ And as they were eating, he blessed it."),
            [
                "He said unto him, Thou hast said.",
                "¶ And as they were eating, he blessed it."
            ]
        );
        // Without final punctuation before it, a pilcrow ends nothing.
        assert_eq!(
            split("They went out; ¶ and came again."),
            ["They went out; ¶ and came again."]
        );
    }

    #[test]
    fn a_decimal_broken_by_a_space_stays_in_its_sentence() {
        assert_eq!(
            split("Odds lie between 0 and 1. A 0. 5 chance is even."),
            ["Odds lie between 0 and 1.", "A 0. 5 chance is even."]
        );
        assert_eq!(
            split("The vote was 12. 3 members left."),
            ["The vote was 12.", "3 members left."]
        );
    }

    #[test]
    fn ranges_skip_only_the_whitespace_between_sentences() {
        let input = "One. Two! Three?\n Four";
        let mut ranges = Vec::new();
        for_each_sentence(input, 0, input.len(), |start, end| {
            ranges.push((start, end))
        });
        assert_eq!(ranges, vec![(0, 4), (5, 9), (10, 16), (18, 22)]);
    }

    #[test]
    fn spaces_between_thai_or_khmer_words_end_sentences() {
        let thai = "\u{e40}\u{e23}\u{e37}\u{e2d}\u{e2d}\u{e2d}\u{e01} \u{e17}\u{e48}\u{e32}\u{e40}\u{e23}\u{e37}\u{e2d}\u{e40}\u{e1b}\u{e34}\u{e14}";
        assert_eq!(
            split(thai),
            [
                "\u{e40}\u{e23}\u{e37}\u{e2d}\u{e2d}\u{e2d}\u{e01}",
                "\u{e17}\u{e48}\u{e32}\u{e40}\u{e23}\u{e37}\u{e2d}\u{e40}\u{e1b}\u{e34}\u{e14}"
            ]
        );
        // A Latin word between two Thai ones keeps its spaces; so does English around Thai.
        assert_eq!(split("\u{e01}\u{e32} GPS \u{e01}\u{e32}").len(), 1);
        assert_eq!(split("Say \u{e01}\u{e32} now. Then go.").len(), 2);
        assert_eq!(split("\u{1780}\u{17b6}\u{17d4} \u{1781}\u{17b6}").len(), 2);
    }

    #[test]
    fn long_words_are_not_abbreviations() {
        assert_eq!(token_before("abc Gen.", 7), Some("Gen"));
        assert_eq!(token_before("“Gen.", "“Gen".len()), Some("Gen"));
        assert_eq!(token_before(&"x".repeat(40), 40), None);
    }

    #[test]
    fn greek_question_mark_ends_a_sentence() {
        assert_eq!(split("Τι κάνεις; Καλά."), vec!["Τι κάνεις;", "Καλά."]);
        assert_eq!(split("Ναι; ναι."), vec!["Ναι; ναι."]);
        assert_eq!(split("First; Second."), vec!["First; Second."]);
    }
}
