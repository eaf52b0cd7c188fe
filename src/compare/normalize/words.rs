//! Splitting sentence text into words and punctuation marks.
//!
//! Unicode word boundaries (UAX #29, from `unicode-segmentation`) decide in general; plain ASCII
//! text, the bulk of English news, takes a hand-written path that applies the same rules to the
//! ASCII characters (checked against the general path by a property test) several times faster.
//! So does text whose only other characters are Latin letters with accents and the typographic
//! quotes, dashes and symbols of real prose (“ ” ‘ ’ — – … « » € £ × ÷), whose word-boundary
//! classes the same rules cover: most real sentences have a curly quote or a dash.
//!
//! Thai, Lao, Khmer and Burmese write words without spaces between them, and UAX #29 has no
//! dictionary to find them: it cuts such text into single letters. A run of these scripts
//! between spaces or punctuation is split into words by ICU's dictionary-based segmenter
//! (`icu_segmenter`) instead, never inside a grapheme cluster.

use std::ops::Range;

use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;
use unicode_segmentation::UnicodeSegmentation;

/// A piece of text found by word segmentation, before normalisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Byte offset of the piece in the text.
    pub start: usize,
    /// Byte offset one past the piece.
    pub end: usize,
    /// Whether it contains a letter or digit (else it is punctuation or a symbol).
    pub is_word: bool,
}

/// The words and punctuation marks of `text[range]` (whitespace dropped).
pub fn pieces(text: &str, range: Range<usize>) -> Vec<Piece> {
    let slice = &text[range.clone()];
    if slice.is_ascii() {
        ascii_pieces(text, range)
    } else if slice.chars().all(|c| latin_class(c).is_some()) {
        latin_pieces(text, range)
    } else {
        unicode_pieces(text, range)
    }
}

/// The general path: UAX #29 word boundaries, with runs of scripts written without spaces split
/// by a dictionary.
fn unicode_pieces(text: &str, range: Range<usize>) -> Vec<Piece> {
    let pieces = uax29_pieces(text, range);
    if !pieces.iter().any(|p| is_spaceless(&text[p.start..p.end])) {
        return pieces;
    }
    let mut words = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if is_spaceless(&text[piece.start..piece.end]) {
            dictionary_words(text, piece, &mut words);
        } else {
            words.push(piece);
        }
    }
    words
}

/// The words of the run of a script without spaces at `run`, by ICU's dictionaries, each
/// boundary on a grapheme cluster boundary.
fn dictionary_words(text: &str, run: Piece, words: &mut Vec<Piece>) {
    let run_text = &text[run.start..run.end];
    let graphemes: Vec<usize> = run_text.grapheme_indices(true).map(|(i, _)| i).collect();
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let mut start = 0;
    for boundary in segmenter.segment_str(run_text) {
        let on_grapheme = boundary == run_text.len() || graphemes.binary_search(&boundary).is_ok();
        if boundary <= start || !on_grapheme {
            continue;
        }
        let word = &run_text[start..boundary];
        words.push(Piece {
            start: run.start + start,
            end: run.start + boundary,
            is_word: word.chars().any(char::is_alphanumeric),
        });
        start = boundary;
    }
}

/// UAX #29 word boundaries, with runs of scripts written without spaces (which it cuts into
/// letters) joined whole.
fn uax29_pieces(text: &str, range: Range<usize>) -> Vec<Piece> {
    let base = range.start;
    let mut pieces: Vec<Piece> = Vec::new();
    for (offset, s) in text[range].split_word_bound_indices() {
        if s.chars().all(char::is_whitespace) {
            continue;
        }
        let piece = Piece {
            start: base + offset,
            end: base + offset + s.len(),
            is_word: s.chars().any(char::is_alphanumeric),
        };
        match pieces.last_mut() {
            Some(last)
                if last.end == piece.start
                    && is_spaceless(&text[last.start..last.end])
                    && is_spaceless(s) =>
            {
                last.end = piece.end;
                last.is_word |= piece.is_word;
            }
            _ => pieces.push(piece),
        }
    }
    pieces
}

/// Whether the piece `s` is written in a script without spaces between words (Thai, Lao,
/// Khmer, Burmese).
fn is_spaceless(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(crate::article::segment::is_spaceless_script)
}

/// The ASCII path: the UAX #29 rules restricted to ASCII characters.
fn ascii_pieces(text: &str, range: Range<usize>) -> Vec<Piece> {
    let bytes = &text.as_bytes()[range.clone()];
    let base = range.start;
    let mut out = Vec::with_capacity(bytes.len() / 5 + 1);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (end, is_word) = match CLASSES[usize::from(b)] {
            Class::Space => {
                i += 1;
                continue;
            }
            Class::Letter | Class::Digit | Class::Underscore => word_end(bytes, i),
            Class::Other => (i + 1, false),
        };
        out.push(Piece {
            start: base + i,
            end: base + end,
            is_word,
        });
        i = end;
    }
    out
}

/// The word-boundary class of `c` when it is ASCII, a Latin letter (U+00C0–U+024F) or one of
/// the typographic marks of real prose; `None` for any other character (the general path then
/// decides). `‘` and `’` join letters and digits as `'` does (UAX #29's MidNumLet).
fn latin_class(c: char) -> Option<Class> {
    if c.is_ascii() {
        return Some(CLASSES[c as usize]);
    }
    match c {
        '×' | '÷' => Some(Class::Other),
        '\u{C0}'..='\u{24F}' => Some(Class::Letter),
        '“' | '”' | '—' | '–' | '…' | '«' | '»' | '€' | '£' | '‘' | '’' => {
            Some(Class::Other)
        }
        _ => None,
    }
}

/// The Latin path: the rules of the ASCII path over characters classed by [`latin_class`].
fn latin_pieces(text: &str, range: Range<usize>) -> Vec<Piece> {
    let base = range.start;
    let slice = &text[range];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let class = |i: usize| {
        chars
            .get(i)
            .and_then(|&(_, c)| latin_class(c))
            .unwrap_or(Class::Other)
    };
    let offset = |i: usize| chars.get(i).map_or(slice.len(), |&(at, _)| at);
    let mut out = Vec::with_capacity(chars.len() / 5 + 1);
    let mut i = 0;
    while i < chars.len() {
        let (end, is_word) = match class(i) {
            Class::Space => {
                i += 1;
                continue;
            }
            Class::Letter | Class::Digit | Class::Underscore => {
                word_end_by(i, &class, |k| chars.get(k).map(|&(_, c)| c))
            }
            Class::Other => (i + 1, false),
        };
        out.push(Piece {
            start: base + offset(i),
            end: base + offset(end),
            is_word,
        });
        i = end;
    }
    out
}

/// What an ASCII byte is to word segmentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Letter,
    Digit,
    Underscore,
    Other,
}

/// The class of every ASCII byte (non-ASCII bytes never reach the ASCII path).
const CLASSES: [Class; 256] = {
    let mut classes = [Class::Other; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        classes[b] = if byte.is_ascii_whitespace() {
            Class::Space
        } else if byte.is_ascii_alphabetic() {
            Class::Letter
        } else if byte.is_ascii_digit() {
            Class::Digit
        } else if byte == b'_' {
            Class::Underscore
        } else {
            Class::Other
        };
        b += 1;
    }
    classes
};

/// Where the word starting at `start` ends, and whether it has a letter or digit: letters,
/// digits and underscores run on, and a middle mark joins two sides it fits (`'` and `.` between
/// letters or between digits, `:` between letters, `,` and `;` between digits).
fn word_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let class = |i: usize| {
        bytes
            .get(i)
            .map_or(Class::Other, |&b| CLASSES[usize::from(b)])
    };
    word_end_by(start, &class, |i| bytes.get(i).map(|&b| char::from(b)))
}

/// [`word_end`] over any sequence of characters: `class(i)` and `char_at(i)` of the `i`th (past
/// the end, `Other` and `None`).
fn word_end_by(
    start: usize,
    class: &impl Fn(usize) -> Class,
    char_at: impl Fn(usize) -> Option<char>,
) -> (usize, bool) {
    let mut alphanumeric = class(start) != Class::Underscore;
    let mut i = start + 1;
    loop {
        let here = class(i);
        if matches!(here, Class::Letter | Class::Digit | Class::Underscore) {
            alphanumeric |= here != Class::Underscore;
            i += 1;
            continue;
        }
        let (before, after) = (class(i - 1), class(i + 1));
        let letters = before == Class::Letter && after == Class::Letter;
        let digits = before == Class::Digit && after == Class::Digit;
        let joins = match char_at(i) {
            Some('\'' | '.' | '‘' | '’') => letters || digits,
            Some(':') => letters,
            Some(',' | ';') => digits,
            _ => false,
        };
        if !joins {
            return (i, alphanumeric);
        }
        i += 2;
        alphanumeric = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        pieces(text, 0..text.len())
            .iter()
            .map(|p| &text[p.start..p.end])
            .collect()
    }

    #[test]
    fn keeps_abbreviations_contractions_and_figures_whole() {
        assert_eq!(
            words("The U.S. didn't pay $1,200.50 (3.5%) on 6-4."),
            [
                "The", "U.S", ".", "didn't", "pay", "$", "1,200.50", "(", "3.5", "%", ")", "on",
                "6", "-", "4", "."
            ]
        );
        assert_eq!(words("150th a_b --"), ["150th", "a_b", "-", "-"]);
    }

    #[test]
    fn thai_is_split_into_dictionary_words() {
        // "The boat leaves the pier" then "the harbour", with a comma and a Latin word.
        let text = "\u{e40}\u{e23}\u{e37}\u{e2d}\u{e2d}\u{e2d}\u{e01}\u{e08}\u{e32}\u{e01}\u{e17}\u{e48}\u{e32} \u{e17}\u{e48}\u{e32}\u{e40}\u{e23}\u{e37}\u{e2d}, ok";
        assert_eq!(
            words(text),
            [
                "\u{e40}\u{e23}\u{e37}\u{e2d}",
                "\u{e2d}\u{e2d}\u{e01}",
                "\u{e08}\u{e32}\u{e01}",
                "\u{e17}\u{e48}\u{e32}",
                "\u{e17}\u{e48}\u{e32}\u{e40}\u{e23}\u{e37}\u{e2d}",
                ",",
                "ok"
            ]
        );
    }

    proptest! {
        #[test]
        fn ascii_path_matches_unicode_word_boundaries(text in "[a-zA-Z0-9.,;:'_\\- \\n()$%]{0,60}") {
            prop_assert_eq!(ascii_pieces(&text, 0..text.len()), unicode_pieces(&text, 0..text.len()));
        }

        #[test]
        fn latin_path_matches_unicode_word_boundaries(
            text in "[a-zA-Z0-9.,;:'_\\- \n()$%\u{C0}-\u{24F}“”‘’—–…«»€£]{0,60}"
        ) {
            prop_assert_eq!(latin_pieces(&text, 0..text.len()), unicode_pieces(&text, 0..text.len()));
        }
    }
}
