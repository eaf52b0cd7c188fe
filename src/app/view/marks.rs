//! Which words of each sentence are marked: by default, a reworded sentence underlines the words
//! that differ from its closest counterpart; when a sentence is in focus, each of its
//! counterparts shows its full diff against it (added words underlined, removed words struck).

use super::layout::Marks;
use crate::compare::findings::counterparts::closest_link;
use crate::compare::{Comparison, SentenceRef, Status};

/// The marks of every sentence of article `article`, given the sentence in focus.
pub fn column_marks(c: &Comparison, article: usize, focus: Option<SentenceRef>) -> Vec<Marks> {
    let count = c.articles[article].sentences.len();
    let mut marks: Vec<Marks> = (0..count)
        .map(|s| {
            let here = SentenceRef::new(article, s);
            match c.info(here).status {
                Status::Reworded => closest_link(c, here)
                    .map(|link| Marks::from_link(c, link, here, false))
                    .unwrap_or_default(),
                _ => Marks::default(),
            }
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
                *m = Marks::from_link(c, link, other, true);
            }
        }
    }
    marks
}
