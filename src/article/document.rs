//! Documents that are not text: Word, OpenDocument and PDF files.
//!
//! This module owns what their readers ([`super::office`], [`super::pdf`]) have in common: which
//! files are documents ([`DocumentKind::of`]), the text they produce (one block — paragraph,
//! heading or list item — per line, blank lines between, list items marked "• ") and the title,
//! and the errors that name what went wrong inside the file.

use std::path::Path;

/// The kinds of document read by their own reader instead of being decoded as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// Office Open XML word processing (`.docx`).
    Docx,
    /// OpenDocument text (`.odt`).
    Odt,
    /// Portable Document Format (`.pdf`, or any file starting with `%PDF-`).
    Pdf,
}

impl DocumentKind {
    /// The kind of the file `path` with the content `bytes`, if it is a document: by extension,
    /// and PDF also by its signature when the name does not say text (a PDF dropped without a
    /// name, or saved as `.bin`); a `.txt` that is a PDF is refused as not text, as before.
    pub fn of(path: &Path, bytes: &[u8]) -> Option<Self> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("docx") => Some(DocumentKind::Docx),
            Some("odt") => Some(DocumentKind::Odt),
            Some("pdf") => Some(DocumentKind::Pdf),
            Some("txt" | "text" | "md" | "markdown" | "html" | "htm" | "xhtml") => None,
            _ if bytes.starts_with(b"%PDF-") => Some(DocumentKind::Pdf),
            _ => None,
        }
    }
}

/// What kind of block a line of a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// A paragraph of running text.
    Paragraph,
    /// A heading (or the document's title paragraph).
    Heading,
    /// An item of a bulleted or numbered list.
    ListItem,
}

/// The text of a document being read: blocks in reading order, and the title when known.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DocumentText {
    /// The title from the document's properties, or else its first heading.
    pub title: Option<String>,
    /// The blocks, one per line, blank lines between them.
    pub text: String,
}

impl DocumentText {
    /// Adds a block; its whitespace is collapsed and a blank block is left out.
    pub fn push(&mut self, block: Block, content: &str) {
        let content = super::collapse_whitespace(content);
        if content.is_empty() {
            return;
        }
        if block == Block::Heading && self.title.is_none() {
            self.title = Some(content.clone());
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        if block == Block::ListItem {
            self.text.push_str("• ");
        }
        self.text.push_str(&content);
    }

    /// Sets the title from the document's properties, when it has one.
    pub fn set_title(&mut self, title: Option<String>) {
        if let Some(title) = title
            .map(|t| super::collapse_whitespace(&t))
            .filter(|t| !t.is_empty())
        {
            self.title = Some(title);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_extension_or_the_pdf_signature() {
        let of = |name: &str, bytes: &[u8]| DocumentKind::of(Path::new(name), bytes);
        assert_eq!(of("a/Report.DOCX", b"PK"), Some(DocumentKind::Docx));
        assert_eq!(of("b.odt", b"PK"), Some(DocumentKind::Odt));
        assert_eq!(of("c.pdf", b""), Some(DocumentKind::Pdf));
        assert_eq!(of("dropped", b"%PDF-1.7\n"), Some(DocumentKind::Pdf));
        assert_eq!(of("saved.bin", b"%PDF-1.4"), Some(DocumentKind::Pdf));
        assert_eq!(of("misnamed.txt", b"%PDF-1.4"), None);
        assert_eq!(of("archive.zip", b"PK\x03\x04"), None);
    }

    #[test]
    fn blocks_are_lines_with_blank_lines_between() {
        let mut document = DocumentText::default();
        document.push(Block::Paragraph, "  ");
        document.push(Block::Heading, "Ferry  service\tresumes");
        document.push(Block::Paragraph, "Boats sail\nagain.");
        document.push(Block::ListItem, "Timetables are posted.");
        document.push(Block::Heading, "Later heading");
        assert_eq!(
            document.text,
            "Ferry service resumes\n\nBoats sail again.\n\n• Timetables are posted.\n\nLater heading"
        );
        assert_eq!(document.title.as_deref(), Some("Ferry service resumes"));
        document.set_title(Some(" ".into()));
        assert_eq!(document.title.as_deref(), Some("Ferry service resumes"));
        document.set_title(Some("From the properties".into()));
        assert_eq!(document.title.as_deref(), Some("From the properties"));
    }
}
