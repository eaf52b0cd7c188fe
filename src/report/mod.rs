//! Reports: serialisers from a [`Comparison`] to the formats users save and share (JSON, HTML,
//! Markdown) and the plain-text summary the command line prints (written by [`crate::write`]).

mod annotate;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use std::path::Path;

use crate::compare::Comparison;

/// The formats a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    /// A readable plain-text summary.
    Text,
    /// The full comparison as JSON (`parallax-report/2`).
    Json,
    /// A self-contained HTML page with the articles side by side.
    Html,
    /// A Markdown summary with each group's versions.
    Markdown,
}

impl ReportFormat {
    /// The format a file name asks for, by extension.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(ReportFormat::Json),
            "html" | "htm" => Some(ReportFormat::Html),
            "md" | "markdown" => Some(ReportFormat::Markdown),
            "txt" => Some(ReportFormat::Text),
            _ => None,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Text => "txt",
            ReportFormat::Json => "json",
            ReportFormat::Html => "html",
            ReportFormat::Markdown => "md",
        }
    }
}

/// Renders `comparison` in `format`.
pub fn render(comparison: &Comparison, format: ReportFormat) -> String {
    match format {
        ReportFormat::Text => text::render(comparison),
        ReportFormat::Json => json::render(comparison),
        ReportFormat::Html => html::render(comparison),
        ReportFormat::Markdown => markdown::render(comparison),
    }
}
