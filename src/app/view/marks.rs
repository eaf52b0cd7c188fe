//! Which words of each sentence are marked: by default, a reworded sentence underlines the words
//! that differ from its closest counterpart; when a sentence is in focus, each of its
//! counterparts shows its full diff against it (added words underlined, removed words struck),
//! except an original the focused copy is known to descend from, which only underlines its own
//! differing words (as the reports mark it). Words are underlined as added only in a sentence
//! known to copy the one it is compared with; elsewhere (an original, or where which came first
//! is undetermined) they only differ, marked neutrally.
//! The pieces themselves come from [`crate::compare::marks`], as the reports' do.

use super::layout::{Marks, Tone};
use crate::compare::marks::{Removed, reworded_pieces, sentence_pieces, sentence_range};
use crate::compare::{Comparison, SentenceRef};

/// The marks of every sentence of article `article`, given the sentence in focus.
pub fn column_marks(c: &Comparison, article: usize, focus: Option<SentenceRef>) -> Vec<Marks> {
    let count = c.articles[article].sentences.len();
    let mut marks: Vec<Marks> = (0..count)
        .map(|s| {
            let here = SentenceRef::new(article, s);
            reworded_pieces(c, here, Removed::Hidden)
                .map(|(link, pieces)| {
                    let tone = tone(c, here.article, link.other(here).article);
                    Marks::from_pieces(sentence_range(c, here).start, &pieces, tone)
                })
                .unwrap_or_default()
        })
        .collect();
    if let Some(focus) = focus {
        if focus.article == article
            && let Some(m) = marks.get_mut(focus.sentence)
        {
            *m = Marks::default();
        }

        for link in c.links_of(focus) {
            let other = link.other(focus);
            if other.article == article
                && let Some(m) = marks.get_mut(other.sentence)
            {
                // An original of the sentence in focus did not remove the copy's words:
                // it shows only which of its own differ.
                let removed = if c.descends_from(focus.article, other.article) {
                    Removed::Hidden
                } else {
                    Removed::Shown
                };
                let pieces = sentence_pieces(c, other, link, removed);
                let tone = tone(c, other.article, focus.article);
                *m = Marks::from_pieces(sentence_range(c, other).start, &pieces, tone);
            }
        }
    }
    marks
}

/// How the marked words of a sentence of article `own` read against one of `counterpart`.
fn tone(c: &Comparison, own: usize, counterpart: usize) -> Tone {
    if c.descends_from(own, counterpart) {
        Tone::Added
    } else {
        Tone::Differs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};
    use crate::compare::{LinkKind, Options, compare};

    #[test]
    fn the_original_of_a_focused_copy_shows_no_words_struck_into_it() {
        let c = compare(crate::sample::articles(), &Options::default());
        let descent = c.lineage.iter().find(|d| d.known).expect("a known edge");
        let (original, copy) = (descent.original, descent.copy);
        let link = c
            .links
            .iter()
            .find(|l| {
                l.kind == LinkKind::Reworded
                    && [l.a.article, l.b.article] == [original.min(copy), original.max(copy)]
            })
            .expect("a reworded link between them");
        let (in_original, in_copy) = if link.a.article == original {
            (link.a, link.b)
        } else {
            (link.b, link.a)
        };
        let original_marks = column_marks(&c, original, Some(in_copy));
        assert!(original_marks[in_original.sentence].removed.is_empty());
        // Seen from the original, the copy's column shows what it struck.
        let copy_marks = column_marks(&c, copy, Some(in_original));
        let m = &copy_marks[in_copy.sentence];
        assert!(!m.removed.is_empty() || !m.added.is_empty(), "{m:?}");
        assert_eq!(m.tone, Tone::Added);
        assert_eq!(original_marks[in_original.sentence].tone, Tone::Differs);
    }

    #[test]
    fn words_differ_on_both_sides_where_which_came_first_is_undetermined() {
        let texts = [
            "The ferry left the harbour at dawn. Residents were moved to the school hall. \
             The road stayed closed until noon.",
            "The ferry left the harbour at dawn. Tenants were moved to the school hall. \
             The road stayed closed until noon.",
        ];
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                Article::from_text(format!("v{i}"), format!("v{i}.txt"), *t, Format::Text)
            })
            .collect();
        let c = compare(articles, &Options::default());
        assert!(c.lineage.iter().all(|d| !d.known), "{:?}", c.lineage);
        for article in 0..2 {
            let marks = column_marks(&c, article, None);
            let marked: Vec<&Marks> = marks.iter().filter(|m| !m.added.is_empty()).collect();
            assert_eq!(marked.len(), 1, "{marks:?}");
            assert_eq!(marked[0].tone, Tone::Differs);
        }
    }
}
