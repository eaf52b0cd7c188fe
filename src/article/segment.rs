//! Sentence segmentation (placeholder until the segmenter lands).
use super::{Format, Role, Sentence};

/// Splits `text` into sentences.
pub fn segment(text: &str, _format: Format) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut pos = 0;
    for (paragraph, line) in text.split('\n').enumerate() {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = pos + (line.len() - line.trim_start().len());
            out.push(Sentence { start, end: start + trimmed.len(), paragraph, role: Role::Body });
        }
        pos += line.len() + 1;
    }
    out
}
