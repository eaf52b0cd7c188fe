//! Reports: serialisers from a [`Comparison`] to the formats users save and share (JSON, HTML,
//! Markdown, and PDF in [`pdf`], which is bytes rather than text) and the plain-text summary the
//! command line prints (written by [`crate::write`]).

pub mod html;
pub mod json;
pub mod markdown;
pub mod pdf;
mod rows;
mod story;
pub mod text;

use std::path::Path;

use crate::compare::Comparison;
use crate::compare::findings::{SubstitutionGroup, group_substitutions};

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

/// How a report names where an article came from: a web address as it is, a file by its name
/// alone (a report is shared, and the folders of the machine it ran on are nobody's business),
/// anything else ("pasted text") as it is.
pub fn source_name(source: &str) -> &str {
    if source.contains("://") {
        return source;
    }
    source
        .rsplit(['/', '\\'])
        .find(|part| !part.is_empty())
        .unwrap_or(source)
}

/// The substitutions made between at least two pairs of articles, grouped by wording in rank
/// order: word swaps, then additions and cuts (house-style variants are left to the full list).
fn repeated_substitutions(c: &Comparison) -> (Vec<SubstitutionGroup>, Vec<SubstitutionGroup>) {
    let (swaps, others): (Vec<_>, Vec<_>) = group_substitutions(&c.substitutions)
        .into_iter()
        .filter(|g| g.pairs.len() >= 2)
        .partition(SubstitutionGroup::is_swap);
    let additions = others
        .into_iter()
        .filter(|g| !g.from.is_empty() || !g.to.is_empty())
        .filter(|g| g.from.is_empty() || g.to.is_empty())
        .collect();
    (swaps, additions)
}

/// Choices about what a report shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Leave out text versions share word for word (the HTML report says how much there was).
    pub changes_only: bool,
}

/// Renders `comparison` in `format`, showing everything.
pub fn render(comparison: &Comparison, format: ReportFormat) -> String {
    render_with(comparison, format, &ReportOptions::default())
}

/// Renders `comparison` in `format` as `options` ask.
pub fn render_with(
    comparison: &Comparison,
    format: ReportFormat,
    options: &ReportOptions,
) -> String {
    match format {
        ReportFormat::Text => text::render(comparison),
        ReportFormat::Json => json::render(comparison),
        ReportFormat::Html => html::render(comparison, options),
        ReportFormat::Markdown => markdown::render(comparison),
    }
}

/// The report [`render_with`] writes, in pieces which written one after another are the report:
/// a long JSON report is rendered in parts, and joining them would copy it whole once more.
pub fn render_parts_with(
    comparison: &Comparison,
    format: ReportFormat,
    options: &ReportOptions,
) -> Vec<String> {
    match format {
        ReportFormat::Json => json::render_parts(comparison),
        _ => vec![render_with(comparison, format, options)],
    }
}

#[cfg(test)]
mod tests {
    use super::source_name;

    #[test]
    fn sources_are_named_by_file_name_and_addresses_kept() {
        assert_eq!(source_name("/home/ana/stories/wire.txt"), "wire.txt");
        assert_eq!(source_name("C:\\Users\\ana\\wire.html"), "wire.html");
        assert_eq!(source_name("clippings/"), "clippings");
        assert_eq!(source_name("wire.txt"), "wire.txt");
        assert_eq!(source_name("pasted text"), "pasted text");
        assert_eq!(
            source_name("https://example.org/news/fire"),
            "https://example.org/news/fire"
        );
    }
}
