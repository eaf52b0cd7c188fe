//! Splitting sentence text into words and punctuation marks.
//!
//! Unicode word boundaries (UAX #29, from `unicode-segmentation`) decide in general; plain ASCII
//! text, the bulk of English news, takes a hand-written path that applies the same rules to the
//! ASCII characters (checked against the general path by a property test) several times faster.

use std::ops::Range;

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
    if text[range.clone()].is_ascii() {
        ascii_pieces(text, range)
    } else {
        unicode_pieces(text, range)
    }
}

/// The general path: UAX #29 word boundaries.
fn unicode_pieces(text: &str, range: Range<usize>) -> Vec<Piece> {
    let base = range.start;
    text[range]
        .split_word_bound_indices()
        .filter(|(_, s)| !s.chars().all(char::is_whitespace))
        .map(|(offset, s)| Piece {
            start: base + offset,
            end: base + offset + s.len(),
            is_word: s.chars().any(char::is_alphanumeric),
        })
        .collect()
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
        let joins = match bytes.get(i) {
            Some(b'\'' | b'.') => letters || digits,
            Some(b':') => letters,
            Some(b',' | b';') => digits,
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

    proptest! {
        #[test]
        fn ascii_path_matches_unicode_word_boundaries(text in "[a-zA-Z0-9.,;:'_\\- \\n()$%]{0,60}") {
            prop_assert_eq!(ascii_pieces(&text, 0..text.len()), unicode_pieces(&text, 0..text.len()));
        }
    }
}
