//! Writing report and session files without ever losing data: the content goes to a temporary
//! file in the destination folder, which is then renamed over the destination, so a failed write
//! leaves any previous file intact. Article files given as input are never overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The destination is one of the articles being compared.
    #[error("{path}: refusing to overwrite an article that is being compared")]
    WouldOverwriteInput {
        /// The destination.
        path: PathBuf,
    },
    /// The folder could not take the file (missing, read-only, full, no permission).
    #[error("{path}: could not write the file: {reason}")]
    Io {
        /// The destination.
        path: PathBuf,
        /// What the system said, in words.
        reason: String,
    },
}

/// Writes `contents` to `path` atomically, refusing paths in `protected` (the input articles).
pub fn write_atomically(
    path: &Path,
    contents: &[u8],
    protected: &[PathBuf],
) -> Result<(), WriteError> {
    if protected.iter().any(|p| same_file(p, path)) {
        return Err(WriteError::WouldOverwriteInput {
            path: path.to_path_buf(),
        });
    }
    let io_error = |e: std::io::Error| WriteError::Io {
        path: path.to_path_buf(),
        reason: describe_io_error(&e),
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".parallax-")
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(io_error)?;
    temporary.write_all(contents).map_err(io_error)?;
    temporary.as_file().sync_all().map_err(io_error)?;
    temporary.persist(path).map_err(|e| io_error(e.error))?;
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// A plain-words reason for an I/O failure ("permission denied", "no space left on device").
fn describe_io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::NotFound => "the folder does not exist".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "the folder is on a read-only file system".to_owned(),
        ErrorKind::StorageFull => "the disk is full".to_owned(),
        _ => e.to_string(),
    }
}
