//! The open document: the articles in column order (with their labels) and the latest finished
//! comparison of them. Column order and labels are the user's; the comparison is only replaced
//! when a new one finishes, so the view stays usable while the next one runs.

use std::path::PathBuf;
use std::sync::Arc;

use super::state::{Recent, Source};
use crate::article::Article;
use crate::compare::Comparison;

/// A stable name for an open article (indices change as columns move).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub u64);

/// Where an open article came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk.
    File(PathBuf),
    /// The bundled sample.
    Sample,
    /// Pasted from the clipboard or dropped without a path.
    Memory,
    /// From the session file at this path (the article's `source` names the file it was first
    /// loaded from).
    Session(PathBuf),
}

/// One open article.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its stable id.
    pub id: ArticleId,
    /// The article (its label is the user's current label).
    pub article: Arc<Article>,
    /// Where it came from.
    pub origin: Origin,
}

/// A finished comparison and which open articles it covers.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The comparison.
    pub comparison: Arc<Comparison>,
    /// `ids[i]` is the article at index `i` of the comparison.
    pub ids: Vec<ArticleId>,
    /// The [`Workspace::generation`] it was computed for.
    pub generation: u64,
}

impl Snapshot {
    /// The comparison's index of article `id`, if it covers it.
    pub fn index_of(&self, id: ArticleId) -> Option<usize> {
        self.ids.iter().position(|&i| i == id)
    }
}

/// A column of the view: an open article that the current comparison covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The article.
    pub id: ArticleId,
    /// Its index in the snapshot's comparison.
    pub index: usize,
}

/// The open articles and their comparison.
#[derive(Debug, Default)]
pub struct Workspace {
    /// The open articles, in column order.
    pub entries: Vec<Entry>,
    /// The latest finished comparison.
    pub snapshot: Option<Snapshot>,
    /// Bumped whenever the set of articles or the comparison settings change.
    pub generation: u64,
    next_id: u64,
}

impl Workspace {
    /// Adds an article at the end; returns its id.
    pub fn add(&mut self, article: Article, origin: Origin) -> ArticleId {
        let id = ArticleId(self.next_id);
        self.next_id += 1;
        self.entries.push(Entry {
            id,
            article: Arc::new(article),
            origin,
        });
        self.make_labels_unique();
        self.invalidate();
        id
    }

    /// Marks the comparison as out of date (articles or settings changed).
    pub fn invalidate(&mut self) {
        self.generation += 1;
    }

    /// Closes an article.
    pub fn remove(&mut self, id: ArticleId) {
        self.entries.retain(|e| e.id != id);
        if self.entries.is_empty() {
            self.snapshot = None;
        }
        self.invalidate();
    }

    /// Closes everything.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.snapshot = None;
        self.invalidate();
    }

    /// Moves the column at `from` to `to`.
    pub fn move_column(&mut self, from: usize, to: usize) {
        if from < self.entries.len() && to < self.entries.len() && from != to {
            let entry = self.entries.remove(from);
            self.entries.insert(to, entry);
        }
    }

    /// Renames an article (empty names are ignored).
    pub fn rename(&mut self, id: ArticleId, label: &str) {
        let label = label.trim();
        if label.is_empty() {
            return;
        }
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
            Arc::make_mut(&mut entry.article).label = label.to_owned();
        }
        self.make_labels_unique();
    }

    fn make_labels_unique(&mut self) {
        let mut articles: Vec<Article> =
            self.entries.iter().map(|e| (*e.article).clone()).collect();
        let before: Vec<String> = articles.iter().map(|a| a.label.clone()).collect();
        crate::article::make_labels_unique(&mut articles);
        for ((entry, article), old) in self.entries.iter_mut().zip(articles).zip(before) {
            if article.label != old {
                Arc::make_mut(&mut entry.article).label = article.label;
            }
        }
    }

    /// The label of article `id`.
    pub fn label(&self, id: ArticleId) -> &str {
        self.entry(id).map_or("", |e| e.article.label.as_str())
    }

    /// The entry of article `id`.
    pub fn entry(&self, id: ArticleId) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The columns to show: open articles the current comparison covers, in column order.
    pub fn columns(&self) -> Vec<Column> {
        let Some(snapshot) = &self.snapshot else {
            return Vec::new();
        };
        self.entries
            .iter()
            .filter_map(|e| {
                snapshot
                    .index_of(e.id)
                    .map(|index| Column { id: e.id, index })
            })
            .collect()
    }

    /// Whether the comparison is up to date with the open articles and settings. A single
    /// article is "compared" too, so that it gets a column (it is read, renamed, and waits there
    /// for a second one) instead of a spinner that never ends.
    pub fn is_current(&self) -> bool {
        match &self.snapshot {
            None => self.entries.is_empty(),
            Some(s) => s.generation == self.generation,
        }
    }

    /// The comparison as the user sees it: columns in their order, with their labels (for reports).
    pub fn as_shown(&self) -> Option<Comparison> {
        let snapshot = self.snapshot.as_ref()?;
        let columns = self.columns();
        let order: Vec<usize> = columns.iter().map(|c| c.index).collect();
        if order.len() != snapshot.ids.len() {
            return None;
        }
        let mut shown = snapshot.comparison.permuted(&order);
        for (article, column) in shown.articles.iter_mut().zip(&columns) {
            article.label = self.label(column.id).to_owned();
        }
        Some(shown)
    }

    /// The open articles with their current labels, in column order.
    pub fn articles(&self) -> Vec<Article> {
        self.entries.iter().map(|e| (*e.article).clone()).collect()
    }

    /// The files behind the open articles (never overwritten by saves): those opened directly,
    /// and for articles from a session, the file each was first loaded from, whether its recorded
    /// path is read from the current folder or from the session's.
    pub fn input_paths(&self) -> Vec<PathBuf> {
        let mut paths = Vec::new();
        for entry in &self.entries {
            match &entry.origin {
                Origin::File(path) => paths.push(path.clone()),
                Origin::Session(session) => {
                    let source = PathBuf::from(&entry.article.source);
                    if let Some(folder) = session.parent().filter(|_| source.is_relative()) {
                        paths.push(folder.join(&source));
                    }
                    paths.push(source);
                }
                Origin::Sample | Origin::Memory => {}
            }
        }
        paths
    }

    /// What is open, as something that can be reopened (`None` if nothing reopenable is open).
    pub fn as_recent(&self) -> Option<Recent> {
        let mut sources = Vec::new();
        for e in &self.entries {
            match &e.origin {
                Origin::File(path) => sources.push(Source::File {
                    path: path.clone(),
                    label: e.article.label.clone(),
                }),
                Origin::Sample if !sources.contains(&Source::Sample) => {
                    sources.push(Source::Sample)
                }
                Origin::Sample => {}
                Origin::Memory | Origin::Session(_) => return None,
            }
        }
        (!sources.is_empty()).then_some(Recent { sources })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;

    fn article(label: &str, text: &str) -> Article {
        Article::from_text(label, format!("{label}.txt"), text, Format::Text)
    }

    #[test]
    fn labels_stay_unique_and_renames_apply() {
        let mut w = Workspace::default();
        let a = w.add(article("Courier", "One sentence here."), Origin::Memory);
        let b = w.add(article("Courier", "Another sentence here."), Origin::Memory);
        assert_eq!(w.label(a), "Courier");
        assert_eq!(w.label(b), "Courier (2)");
        w.rename(b, "  Ledger ");
        assert_eq!(w.label(b), "Ledger");
        w.rename(b, "   ");
        assert_eq!(w.label(b), "Ledger");
    }

    #[test]
    fn columns_follow_the_users_order() {
        let mut w = Workspace::default();
        let ids: Vec<ArticleId> = ["A", "B", "C"]
            .iter()
            .map(|l| {
                w.add(
                    article(l, &format!("The {l} text says something.")),
                    Origin::Memory,
                )
            })
            .collect();
        let comparison = crate::compare::compare(w.articles(), &crate::compare::Options::default());
        w.snapshot = Some(Snapshot {
            comparison: Arc::new(comparison),
            ids: ids.clone(),
            generation: w.generation,
        });
        assert!(w.is_current());
        w.move_column(0, 2);
        let order: Vec<ArticleId> = w.columns().iter().map(|c| c.id).collect();
        assert_eq!(order, [ids[1], ids[2], ids[0]]);
        let shown = w.as_shown().unwrap();
        let labels: Vec<&str> = shown.articles.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, ["B", "C", "A"]);
        w.remove(ids[1]);
        assert!(!w.is_current());
        assert_eq!(w.columns().len(), 2);
    }
}
