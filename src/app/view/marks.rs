//! Which words of each sentence are marked: by default, a reworded sentence underlines the words
//! that differ from its closest counterpart; when a sentence is in focus, each of its
//! counterparts shows its full diff against it (added words underlined, removed words struck).
//! The pieces themselves come from [`crate::compare::marks`], as the reports' do.

use super::layout::Marks;
use crate::compare::marks::{Removed, reworded_pieces, sentence_pieces, sentence_range};
use crate::compare::{Comparison, SentenceRef};

/// The marks of every sentence of article `article`, given the sentence in focus.
pub fn column_marks(c: &Comparison, article: usize, focus: Option<SentenceRef>) -> Vec<Marks> {
    let count = c.articles[article].sentences.len();
    let mut marks: Vec<Marks> = (0..count)
        .map(|s| {
            let here = SentenceRef::new(article, s);
            reworded_pieces(c, here, Removed::Hidden)
                .map(|(_, pieces)| Marks::from_pieces(sentence_range(c, here).start, &pieces))
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
                let pieces = sentence_pieces(c, other, link, Removed::Shown);
                *m = Marks::from_pieces(sentence_range(c, other).start, &pieces);
            }
        }
    }
    marks
}
