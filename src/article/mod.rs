//! Articles: what a loaded file becomes before it is compared.
//!
//! This module owns the [`Article`] type (the text as loaded, its title and outlet label, and its
//! sentences as byte spans into that text) and the path from a file on disk to an `Article`:
//! finding the files in folders ([`folder`]), fetching web addresses ([`web`]), reading and
//! decoding ([`load`], [`decode`], [`charset`]), many files at once ([`batch`]), main-text
//! extraction from web pages ([`html`]) and documents ([`document`], [`office`], [`pdf`]),
//! rendering Markdown ([`markdown`]) and sentence segmentation ([`segment`]).

pub mod batch;
pub mod charset;
pub mod decode;
pub mod document;
pub mod folder;
pub mod html;
pub mod load;
pub mod markdown;
pub mod office;
pub mod pdf;
pub mod segment;
pub mod web;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

pub use batch::{LoadCancelled, LoadProgress, Loaded, load_all};
pub use load::{LoadError, load_bytes, load_file};

/// The format an article's text came from; decides how it is read and segmented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (`.txt` and anything unrecognised that is text).
    #[default]
    Text,
    /// Markdown (`.md`, `.markdown`): the article's text is the rendered Markdown (see
    /// [`markdown::render`]), its headings, lists and quotations marked as blocks.
    Markdown,
    /// A web page (`.html`, `.htm`, or fetched from a web address): the main article text is
    /// extracted first.
    Html,
    /// A Word, OpenDocument or PDF file: its text is extracted, one block per line.
    Document,
}

/// What a unit of text is, as far as the layout tells.
///
/// Headlines, headings, bylines, datelines, captions and list items are units of their own, so
/// that "ANKARA, Turkey (AP) —" or a photo caption never glues itself to the sentence next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The article's headline (its first short line).
    Headline,
    /// A section heading inside the article.
    Heading,
    /// "By Jane Doe" and similar credit lines.
    Byline,
    /// The place (and agency) that opens a wire story: "ANKARA, Turkey (AP) —".
    Dateline,
    /// A photo or video caption or credit.
    Caption,
    /// A bullet or numbered list item (the marker itself is not part of the span).
    ListItem,
    /// A sentence of running prose.
    #[default]
    Body,
}

/// One sentence (or other unit) of an article: a byte span into [`Article::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Index of the paragraph the sentence belongs to (0-based, in reading order).
    pub paragraph: usize,
    /// What kind of unit this is.
    pub role: Role,
}

impl Sentence {
    /// The byte range of the sentence in its article's text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty (never true for segmenter output).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// An article ready to be compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The outlet's name as shown in column headers and reports.
    pub label: String,
    /// Where the article came from: a file path, or a description such as "pasted text".
    pub source: String,
    /// The article's title, when the file names one.
    pub title: Option<String>,
    /// The text as loaded (for plain text, the file's content once decoded; for HTML, the
    /// extracted main text). Sentence spans are byte offsets into it.
    pub text: String,
    /// The format the text was read as.
    pub format: Format,
    /// The sentences, in reading order, non-overlapping.
    pub sentences: Vec<Sentence>,
    /// Things the user should know about how the file was read (e.g. a legacy encoding).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// When the article was published, as its page says (`article:published_time`, JSON-LD
    /// `datePublished`, `<time datetime>`): an ISO 8601 date or date and time, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

impl Article {
    /// Builds an article from text already in memory, segmenting it into sentences.
    pub fn from_text(
        label: impl Into<String>,
        source: impl Into<String>,
        text: impl Into<String>,
        format: Format,
    ) -> Self {
        let text = text.into();
        let sentences = segment::segment(&text, format);
        let title = sentences
            .first()
            .filter(|s| s.role == Role::Headline)
            .map(|s| collapse_whitespace(&text[s.range()]));
        Article {
            label: label.into(),
            source: source.into(),
            title,
            text,
            format,
            sentences,
            warnings: Vec::new(),
            published: None,
        }
    }

    /// The text of sentence `index`.
    ///
    /// # Panics
    /// If `index` is out of range.
    pub fn sentence_text(&self, index: usize) -> &str {
        &self.text[self.sentences[index].range()]
    }

    /// The number of characters (not bytes) in the article's sentences.
    pub fn sentence_chars(&self) -> usize {
        self.sentences
            .iter()
            .map(|s| self.text[s.range()].chars().count())
            .sum()
    }
}

/// Joins the words of `text` with single spaces (hard-wrapped lines become one line).
pub fn collapse_whitespace(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined
}

/// Gives articles that share a label a number ("Courier", "Courier (2)"), so every column and
/// report row can be told apart. A numbered label that is already taken, or that another article
/// carries as its own ("Courier (2).txt"), is skipped: labels come out unique whatever they were.
pub fn make_labels_unique(articles: &mut [Article]) {
    let given: HashSet<String> = articles.iter().map(|a| a.label.clone()).collect();
    let mut taken: HashSet<String> = HashSet::new();
    for article in articles.iter_mut() {
        if !taken.contains(&article.label) {
            taken.insert(article.label.clone());
            continue;
        }
        let numbered = (2..)
            .map(|n| format!("{} ({n})", article.label))
            .find(|label| !taken.contains(label) && !given.contains(label))
            .unwrap_or_default();
        article.label.clone_from(&numbered);
        taken.insert(numbered);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled(labels: &[&str]) -> Vec<String> {
        let mut articles: Vec<Article> = labels
            .iter()
            .map(|l| Article::from_text(*l, "x.txt", "Some words here.", Format::Text))
            .collect();
        make_labels_unique(&mut articles);
        articles.into_iter().map(|a| a.label).collect()
    }

    #[test]
    fn repeated_labels_are_numbered() {
        assert_eq!(
            labelled(&["Courier", "Ledger", "Courier", "Courier"]),
            ["Courier", "Ledger", "Courier (2)", "Courier (3)"]
        );
    }

    #[test]
    fn numbers_already_in_use_are_skipped() {
        assert_eq!(labelled(&["a", "a", "a (2)"]), ["a", "a (3)", "a (2)"]);
        assert_eq!(labelled(&["a (2)", "a", "a"]), ["a (2)", "a", "a (3)"]);
        assert_eq!(
            labelled(&["a (2)", "a (2)", "a", "a"]),
            ["a (2)", "a (2) (2)", "a", "a (3)"]
        );
    }
}
