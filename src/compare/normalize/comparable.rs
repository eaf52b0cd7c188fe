//! The form of a sentence's text that is compared: invisible characters left out and the rest
//! in Unicode normalisation form C, with a map back to the text as written.
//!
//! Invisible characters are stray controls (a NUL, an old e-text's 0x19 apostrophe) and format
//! characters (soft hyphens, zero-width spaces and joiners, bidi controls, byte order marks):
//! they change nothing a reader sees, so "cre\u{AD}ate" compares as "create". NFD text ("E" and
//! a combining acute) compares as its NFC twin ("É"). The text as written is left untouched
//! (the app shows it, offsets point into it): the comparable form is built per grapheme cluster,
//! and every character of it maps back to the whole cluster it came from, so a word found in the
//! comparable form covers whole characters of the original, combining marks included.

use std::ops::Range;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;

use crate::article::decode::is_stray_control;

/// Whether `c` is an invisible format character: soft hyphen, Arabic letter mark, Mongolian
/// vowel separator, zero-width space / non-joiner / joiner, direction marks, bidi embeddings,
/// overrides and isolates, word joiner and invisible operators, deprecated format controls,
/// zero-width no-break space (byte order mark).
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
    )
}

/// Whether `c` is left out of the compared text.
pub fn is_invisible(c: char) -> bool {
    is_invisible_format(c) || is_stray_control(c)
}

/// The comparable form of a piece of text, and where each of its parts came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparable {
    /// The text compared: NFC, invisible characters left out.
    pub text: String,
    /// Per grapheme cluster of the original that left something in `text`, in order: the byte
    /// range in `text` it became and the byte range of the original it was.
    clusters: Vec<(Range<usize>, Range<usize>)>,
}

impl Comparable {
    /// The comparable form of `text`, or `None` when it is `text` itself (no invisible
    /// characters, already NFC: nearly always).
    pub fn of(text: &str) -> Option<Comparable> {
        if text.is_ascii() && !text.bytes().any(|b| is_stray_control(char::from(b))) {
            return None;
        }
        if !text.chars().any(is_invisible) && is_nfc_quick(text.chars()) == IsNormalized::Yes {
            return None;
        }
        let mut comparable = Comparable {
            text: String::with_capacity(text.len()),
            clusters: Vec::new(),
        };
        for (offset, cluster) in text.grapheme_indices(true) {
            let start = comparable.text.len();
            comparable
                .text
                .extend(cluster.chars().filter(|&c| !is_invisible(c)).nfc());
            if comparable.text.len() > start {
                comparable
                    .clusters
                    .push((start..comparable.text.len(), offset..offset + cluster.len()));
            }
        }
        Some(comparable)
    }

    /// The original range of the comparable range `range` (whose ends are character
    /// boundaries of [`Self::text`]): from the start of the cluster holding its first byte to
    /// the end of the cluster holding its last.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        let first = self.cluster_holding(range.start);
        let last = self.cluster_holding(range.end.saturating_sub(1).max(range.start));
        let start = self.clusters.get(first).map_or(0, |(_, o)| o.start);
        let end = self.clusters.get(last).map_or(start, |(_, o)| o.end);
        start..end.max(start)
    }

    /// The index of the cluster whose comparable range holds byte `at`.
    fn cluster_holding(&self, at: usize) -> usize {
        self.clusters
            .partition_point(|(comparable, _)| comparable.end <= at)
            .min(self.clusters.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_nfc_text_needs_no_comparable_form() {
        assert_eq!(Comparable::of("Plain words, said the mayor."), None);
        assert_eq!(
            Comparable::of("\u{c9}lys\u{e9}e, na\u{ef}ve caf\u{e9}"),
            None
        );
    }

    #[test]
    fn invisible_characters_are_left_out() {
        let text = "cre\u{ad}ate a\u{200b}b \u{202e}x\u{202c} don\u{19}t";
        let comparable = Comparable::of(text).expect("has invisibles");
        assert_eq!(comparable.text, "create ab x dont");
    }

    #[test]
    fn nfd_is_composed_and_maps_back_to_whole_characters() {
        let text = "E\u{301}lyse\u{301}e said";
        let comparable = Comparable::of(text).expect("not NFC");
        assert_eq!(comparable.text, "\u{c9}lys\u{e9}e said");
        let word = 0.."\u{c9}lys\u{e9}e".len();
        assert_eq!(comparable.original(word), 0.."E\u{301}lyse\u{301}e".len());
    }

    #[test]
    fn ranges_map_back_over_the_invisibles_inside_them() {
        let text = "a cre\u{ad}ate b";
        let comparable = Comparable::of(text).expect("has invisibles");
        let create = 2..8;
        assert_eq!(&comparable.text[create.clone()], "create");
        let original = comparable.original(create);
        assert_eq!(&text[original], "cre\u{ad}ate");
    }
}
