//! Reading files into articles (placeholder).
use std::path::{Path, PathBuf};

use super::{Article, Format};

/// Why a file could not be read as an article.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Any I/O failure.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
}

/// Reads the file at `path`.
pub fn load_file(path: &Path) -> Result<Article, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    load_bytes(&path.to_string_lossy(), &bytes)
}

/// Builds an article from bytes named `name`.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let label = Path::new(name).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Article::from_text(label, name, text, Format::Text))
}
