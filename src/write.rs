//! Writing files without ever losing data, for reports and sessions alike: the content goes to a
//! temporary file in the destination folder, which is then renamed over the destination, so a
//! failed write leaves any previous file intact. Article files given as input are never overwritten. A
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
    #[error("{path}: could not write the file: {}", describe_io_error(.source))]
    Io {
        /// The destination.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
}

/// Writes `contents` (one after another, as one file) to `path` atomically, refusing paths in
/// `protected` (the input articles).
pub fn write_atomically(
    path: &Path,
    contents: &[impl AsRef<[u8]>],
    protected: &[PathBuf],
) -> Result<(), WriteError> {
    if protected.iter().any(|p| same_file(p, path)) {
        return Err(WriteError::WouldOverwriteInput {
            path: path.to_path_buf(),
        });
    }
    // Follow a symbolic link to the file it names, so the link is kept and its target replaced.
    let resolved = std::fs::canonicalize(path)
        .ok()
        .or_else(|| follow_links(path));
    let target = resolved.as_deref().unwrap_or(path);
    if is_device_or_pipe(target) {
        return write_in_place(path, target, contents);
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let io_error = |source: std::io::Error| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    // Declared first, dropped last: the file is removed on failure before it is unregistered.
    let (_removed_if_interrupted, mut temporary) = create_temporary(&folder).map_err(io_error)?;
    if let Ok(previous) = std::fs::metadata(target)
        && previous.is_file()
    {
        temporary
            .as_file()
            .set_permissions(previous.permissions())
            .map_err(io_error)?;
    }
    write_all(&mut temporary, contents).map_err(io_error)?;
    temporary.as_file().sync_all().map_err(io_error)?;
    temporary.persist(target).map_err(|e| io_error(e.error))?;
    Ok(())
}

/// Creates the temporary file in `folder`. On Unix its name is registered for removal on a signal
/// before the file exists, so that no moment is left where an interruption would leave it behind.
fn create_temporary(
    folder: &Path,
) -> std::io::Result<(Option<interruption::Pending>, tempfile::NamedTempFile)> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    /// Attempts before giving up on finding an unused name.
    const ATTEMPTS: u32 = 16;
    let mut last_error = None;
    for _ in 0..ATTEMPTS {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!(
            ".parallax-{}-{}-{nanos:08x}.tmp",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let pending = interruption::Pending::register(&folder.join(&name));
        let mut builder = tempfile::Builder::new();
        builder.prefix(&name).suffix("").rand_bytes(0);
        // The temporary file is created private (0600) by default; a report or session should
        // get the permissions any new file gets (0666 less the umask), or keep those of the file
        // it replaces.
        #[cfg(unix)]
        builder.permissions(
            <std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o666),
        );
        match builder.tempfile_in(folder) {
            Ok(file) => return Ok((pending, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last_error = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_error.unwrap_or_else(|| std::io::Error::other("no unused temporary file name")))
}

/// Where the symbolic link `path` leads when its target does not exist (yet): the path it names,
/// followed through further links. `None` when `path` is not a link, or the links go round in
/// circles.
fn follow_links(path: &Path) -> Option<PathBuf> {
    /// As many links as the system itself follows before giving up.
    const MAX_LINKS: usize = 40;
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        if !std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink()) {
            return (current != path).then_some(current);
        }
        let link = std::fs::read_link(&current).ok()?;
        current = match current.parent() {
            Some(folder) => folder.join(link),
            None => link,
        };
    }
    None
}

/// Whether `path` exists and is neither a regular file nor a folder: a character or block device,
/// a FIFO or a socket.
fn is_device_or_pipe(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Writes `contents` straight into `target`, an existing device or pipe that `path` names.
fn write_in_place(
    path: &Path,
    target: &Path,
    contents: &[impl AsRef<[u8]>],
) -> Result<(), WriteError> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(target)
        .and_then(|mut file| write_all(&mut file, contents))
        .map_err(|source| WriteError::Io {
            path: path.to_path_buf(),
            source,
        })
}

/// Writes `contents` one after another to `out`.
pub fn write_all(out: &mut impl Write, contents: &[impl AsRef<[u8]>]) -> std::io::Result<()> {
    contents
        .iter()
        .try_for_each(|part| out.write_all(part.as_ref()))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// A plain-words reason for an I/O failure writing a file ("permission denied", "the disk is
/// full"), without the temporary file's name that the error may carry. Creating a file in a
/// folder fails with "not found" only when the folder is missing.
fn describe_io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::NotFound => "the folder does not exist".to_owned(),
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

/// Elsewhere than on Unix, temporary files are not registered.
#[cfg(not(unix))]
mod interruption {
    use std::path::Path;

    /// Nothing is registered.
    pub struct Pending;

    impl Pending {
        /// Registers nothing.
        pub fn register(_path: &Path) -> Option<Pending> {
            None
        }
    }
}

/// Removing a temporary file when a signal ends the process mid-write. The signal handler may
/// only do what is safe there: it takes each registered path (a C string made beforehand) out of
/// its slot, unlinks it, and then lets the signal end the process as it would have.
#[cfg(unix)]
mod interruption {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::ptr::null_mut;
    use std::sync::Once;
    use std::sync::atomic::{AtomicPtr, Ordering};

    /// Temporary files being written at the same time (a report and a session in the app); a
    /// write beyond these goes unprotected.
    const SLOTS: usize = 8;
    static PENDING: [AtomicPtr<libc::c_char>; SLOTS] =
        [const { AtomicPtr::new(null_mut()) }; SLOTS];
    static INSTALL: Once = Once::new();

    /// A temporary file registered for removal on a signal, until this is dropped.
    pub struct Pending {
        slot: usize,
    }

    impl Pending {
        /// Registers `path` (and installs the signal handlers the first time); `None` when all
        /// slots are taken.
        pub fn register(path: &Path) -> Option<Pending> {
            INSTALL.call_once(install);
            let name = CString::new(path.as_os_str().as_bytes()).ok()?.into_raw();
            let slot = PENDING.iter().position(|slot| {
                slot.compare_exchange(null_mut(), name, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok()
            });
            if slot.is_none() {
                // SAFETY: `name` came from `CString::into_raw` above and was not stored.
                drop(unsafe { CString::from_raw(name) });
            }
            Some(Pending { slot: slot? })
        }
    }

    impl Drop for Pending {
        fn drop(&mut self) {
            let slot = self.slot;
            let name = PENDING[slot].swap(null_mut(), Ordering::AcqRel);
            if !name.is_null() {
                // SAFETY: only `register` stores pointers, from `CString::into_raw`; whoever
                // swaps one out owns it, and the handler never frees what it takes.
                drop(unsafe { CString::from_raw(name) });
            }
        }
    }

    fn install() {
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            // SAFETY: the action only uses async-signal-safe calls (atomic swaps, unlink,
            // signal, raise) and touches no lock or allocation.
            let installed = unsafe {
                signal_hook_registry::register(signal, move || remove_pending_then_end(signal))
            };
            if let Err(e) = installed {
                log::warn!("temporary files will not be removed on signal {signal}: {e}");
            }
        }
    }

    /// The signal action: unlinks every registered file, then restores the default action for
    /// `signal` and raises it again, so the process ends as it would have without the handler.
    fn remove_pending_then_end(signal: libc::c_int) {
        for slot in &PENDING {
            let name = slot.swap(null_mut(), Ordering::AcqRel);
            if !name.is_null() {
                // SAFETY: `name` is a NUL-terminated string from `CString::into_raw`, which this
                // handler now owns (and leaks: the process is ending).
                unsafe { libc::unlink(name) };
            }
        }
        // SAFETY: both are async-signal-safe; the default action of these signals ends the
        // process.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }
}
