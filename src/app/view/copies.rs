//! Identical copies collapsed into one column once a comparison has more than
//! [`COLLAPSE_ABOVE`] articles: versions of one story (the engine's version tree) with the very
//! same text show as the first of them, whose header says how many copies it stands for.

use std::collections::HashMap;

use super::super::workspace::{ArticleId, Column};
use crate::compare::Comparison;

/// Above this many articles, identical copies share a column.
pub const COLLAPSE_ABOVE: usize = 20;

/// The columns to draw, and for each column that stands for copies, the copies it hides.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shown {
    /// The columns, in the user's order, less the hidden copies.
    pub columns: Vec<Column>,
    /// Column → the identical copies it stands for (in column order).
    pub copies: HashMap<ArticleId, Vec<ArticleId>>,
}

/// `columns` with identical copies collapsed when there are more than [`COLLAPSE_ABOVE`].
pub fn collapse(c: &Comparison, columns: Vec<Column>) -> Shown {
    if columns.len() <= COLLAPSE_ABOVE {
        return Shown {
            columns,
            copies: HashMap::new(),
        };
    }
    // Keyed by story and length, not by the text itself: this runs every frame, and hashing every
    // article's whole text each time cost more than the rest of the columns' frame.
    let mut representatives: HashMap<(usize, usize), Vec<(&str, ArticleId)>> = HashMap::new();
    let mut shown = Shown::default();
    for column in columns {
        let story = c
            .versions
            .get(column.index)
            .map_or(column.index, |v| v.story);
        let text = c.articles[column.index].text.trim();
        let candidates = representatives.entry((story, text.len())).or_default();
        match candidates.iter().find(|(other, _)| *other == text) {
            Some(&(_, representative)) => shown
                .copies
                .entry(representative)
                .or_default()
                .push(column.id),
            None => {
                candidates.push((text, column.id));
                shown.columns.push(column);
            }
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};

    fn article(label: &str, text: &str) -> Article {
        Article::from_text(label, label, text.to_owned(), Format::Text)
    }

    #[test]
    fn beyond_twenty_articles_identical_copies_share_a_column() {
        let wire = "The harbour fire burned for two days. Crews came from three towns.";
        let mut articles: Vec<Article> = (0..13)
            .map(|k| article(&format!("copy {k}"), wire))
            .collect();
        for k in 0..9 {
            let text = format!("{wire} Paper {k} adds a line of its own about pier {k}.");
            articles.push(article(&format!("paper {k}"), &text));
        }
        let c = crate::compare::compare(articles, &crate::compare::Options::default());
        let columns: Vec<Column> = (0..22)
            .map(|index| Column {
                id: ArticleId(index as u64),
                index,
            })
            .collect();
        let shown = collapse(&c, columns.clone());
        assert_eq!(
            shown.columns.len(),
            10,
            "one column for the 13 copies, one per paper"
        );
        assert_eq!(shown.columns[0].id, ArticleId(0));
        assert_eq!(shown.copies[&ArticleId(0)].len(), 12);
        // Twenty or fewer: every article keeps its column.
        let few = collapse(&c, columns[..20].to_vec());
        assert_eq!(few.columns.len(), 20);
        assert!(few.copies.is_empty());
    }
}
