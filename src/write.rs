//! Writing report and session files without ever losing data: the content goes to a temporary
//! file in the destination folder, which is then renamed over the destination, so a failed write
//! leaves any previous file intact. Article files given as input are never overwritten. A
//! symbolic link is followed (the file it points to is replaced, the link stays), and a device or
//! pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written into directly: renaming over it would put
//! a plain file in its place.

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
    // Follow a symbolic link to the file it names, so the link is kept and its target replaced.
    let resolved = std::fs::canonicalize(path).ok();
    let target = resolved.as_deref().unwrap_or(path);
    if is_device_or_pipe(target) {
        return write_in_place(path, target, contents);
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let io_error = |e: std::io::Error| WriteError::Io {
        path: path.to_path_buf(),
        reason: describe_io_error(&e, &folder),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".parallax-").suffix(".tmp");
    // The temporary file is created private (0600) by default; a report or session should get
    // the permissions any new file gets (0666 less the umask), or keep those of the file it
    // replaces.
    #[cfg(unix)]
    builder
        .permissions(<std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o666));
    let mut temporary = builder.tempfile_in(&folder).map_err(io_error)?;
    if let Ok(previous) = std::fs::metadata(target)
        && previous.is_file()
    {
        temporary
            .as_file()
            .set_permissions(previous.permissions())
            .map_err(io_error)?;
    }
    temporary.write_all(contents).map_err(io_error)?;
    temporary.as_file().sync_all().map_err(io_error)?;
    temporary.persist(target).map_err(|e| io_error(e.error))?;
    Ok(())
}

/// Whether `path` exists and is neither a regular file nor a folder: a character or block device,
/// a FIFO or a socket.
fn is_device_or_pipe(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Writes `contents` straight into `target`, an existing device or pipe that `path` names.
fn write_in_place(path: &Path, target: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let folder = target.parent().unwrap_or(Path::new("/"));
    std::fs::OpenOptions::new()
        .write(true)
        .open(target)
        .and_then(|mut file| file.write_all(contents))
        .map_err(|e| WriteError::Io {
            path: path.to_path_buf(),
            reason: describe_io_error(&e, folder),
        })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// A plain-words reason for an I/O failure writing into `folder` ("permission denied", "the disk
/// is full"), without the temporary file's name that the error may carry.
fn describe_io_error(e: &std::io::Error, folder: &Path) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::NotFound if !folder.exists() => "the folder does not exist".to_owned(),
        ErrorKind::NotADirectory => "a part of the path is not a folder".to_owned(),
        ErrorKind::IsADirectory => "a folder of that name is in the way".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "the folder is on a read-only file system".to_owned(),
        ErrorKind::StorageFull => "the disk is full".to_owned(),
        _ => os_message(e),
    }
}

/// What the operating system said, without the temporary file's path that `tempfile` appends
/// to its errors (` at path "…/.parallax-XXXX.tmp"`).
fn os_message(e: &std::io::Error) -> String {
    if let Some(code) = e.raw_os_error() {
        return std::io::Error::from_raw_os_error(code).to_string();
    }
    let text = e.to_string();
    match text.rfind(" at path \"") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}
