//! Loading many files at once: the one path the command line and the app both take.
//!
//! This module owns [`load_all`]: the files are read on rayon's pool (at most one file per core
//! at a time, so memory stays bounded by a few files), each inside `catch_unwind` so that a
//! reader that panics on an odd file fails that file alone, and a [`LoadProgress`] shared with
//! the caller counts the files done and lets the caller cancel: files not yet started are then
//! skipped and the batch reports [`LoadCancelled`].

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use super::Article;
use super::load::{LoadError, load_file};

/// One file of a batch and what became of it.
pub type Loaded = (PathBuf, Result<Article, LoadError>);

/// How far a batch load got, and a way to stop it; shared between the batch and its caller.
#[derive(Debug, Default)]
pub struct LoadProgress {
    done: AtomicUsize,
    cancelled: AtomicBool,
}

impl LoadProgress {
    /// Asks the batch to stop: files not yet started are skipped.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the batch was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// How many files are finished (loaded or failed).
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }
}

/// A batch load stopped by its caller before every file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("loading was cancelled")]
pub struct LoadCancelled;

/// Loads every file of `paths` in parallel, in the order given, each file's failure (or panic)
/// its own; `progress` counts the files done and can cancel the batch.
///
/// # Errors
/// [`LoadCancelled`] when `progress` was cancelled before the last file finished.
pub fn load_all(paths: &[PathBuf], progress: &LoadProgress) -> Result<Vec<Loaded>, LoadCancelled> {
    load_each(paths, progress, load_file)
}

/// Runs `load` on every path of `paths` as [`load_all`] describes.
fn load_each(
    paths: &[PathBuf],
    progress: &LoadProgress,
    load: impl Fn(&Path) -> Result<Article, LoadError> + Sync,
) -> Result<Vec<Loaded>, LoadCancelled> {
    let loaded: Vec<Option<Loaded>> = paths
        .par_iter()
        .with_max_len(1)
        .map(|path| {
            if progress.is_cancelled() {
                return None;
            }
            let result = load_isolated(path, &load);
            progress.done.fetch_add(1, Ordering::Relaxed);
            Some((path.clone(), result))
        })
        .collect();
    if progress.is_cancelled() {
        return Err(LoadCancelled);
    }
    Ok(loaded.into_iter().flatten().collect())
}

/// Runs `load` on `path`, turning a panic of any reader into an error about that file.
fn load_isolated(
    path: &Path,
    load: impl Fn(&Path) -> Result<Article, LoadError>,
) -> Result<Article, LoadError> {
    catch_unwind(AssertUnwindSafe(|| load(path))).unwrap_or_else(|panic| {
        Err(LoadError::Crashed {
            path: path.to_path_buf(),
            message: panic_message(panic.as_ref()),
        })
    })
}

/// The text of a caught panic.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story_files(dir: &tempfile::TempDir, count: usize) -> Vec<PathBuf> {
        (0..count)
            .map(|i| {
                let path = dir.path().join(format!("story-{i}.txt"));
                let text = format!("Ferry {i} sails again\n\nThe ferry sails from May.\n");
                std::fs::write(&path, text).expect("write story");
                path
            })
            .collect()
    }

    #[test]
    fn every_file_is_loaded_in_the_order_given() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let mut paths = story_files(&dir, 6);
        paths.insert(2, dir.path().join("missing.txt"));
        let progress = LoadProgress::default();
        let loaded = load_all(&paths, &progress).expect("not cancelled");
        let order: Vec<&PathBuf> = loaded.iter().map(|(path, _)| path).collect();
        assert_eq!(order, paths.iter().collect::<Vec<_>>());
        assert!(matches!(loaded[2].1, Err(LoadError::NotFound { .. })));
        assert_eq!(loaded.iter().filter(|(_, r)| r.is_ok()).count(), 6);
        assert_eq!(
            loaded[3].1.as_ref().map(|a| a.label.as_str()).ok(),
            Some("story-2")
        );
        assert_eq!(progress.done(), 7);
    }

    #[test]
    fn a_cancelled_batch_reads_nothing_more() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let paths = story_files(&dir, 4);
        let progress = LoadProgress::default();
        progress.cancel();
        assert!(matches!(load_all(&paths, &progress), Err(LoadCancelled)));
        assert_eq!(progress.done(), 0);
    }

    #[test]
    fn a_reader_that_panics_fails_its_file_alone() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let paths = story_files(&dir, 3);
        let odd = paths[1].clone();
        let loaded = load_each(&paths, &LoadProgress::default(), |path| {
            assert_ne!(path, odd, "the reader trips on this file");
            load_file(path)
        })
        .expect("not cancelled");
        assert!(loaded[0].1.is_ok() && loaded[2].1.is_ok());
        let error = loaded[1].1.as_ref().expect_err("the panic is an error");
        assert!(matches!(error, LoadError::Crashed { .. }));
        assert!(
            error
                .to_string()
                .starts_with(&format!("{}: ", odd.display())),
            "{error}"
        );
    }

    #[test]
    fn panic_messages_are_kept() {
        let caught = catch_unwind(|| panic!("odd file at byte {}", 12)).expect_err("panics");
        assert_eq!(panic_message(caught.as_ref()), "odd file at byte 12");
        let caught = catch_unwind(|| panic!("plain")).expect_err("panics");
        assert_eq!(panic_message(caught.as_ref()), "plain");
    }
}
