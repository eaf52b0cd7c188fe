//! Replays every input saved in `tests/fixtures/fuzz-regressions/<target>/` (inputs that once
//! crashed a fuzz target, or broke one of its checks) through the very checks the fuzz targets
//! run: `fuzz/src/lib.rs` is included here as a module, so `cargo test` guards the fixes without
//! needing cargo-fuzz or a nightly compiler. See `tests/fixtures/fuzz-regressions/README.md`.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// The saved inputs of `target`, sorted by name.
fn saved_inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz-regressions")
        .join(target);
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("folder entry").path())
        .filter(|path| path.is_file() && !is_note(path))
        .collect();
    inputs.sort();
    inputs
}

/// Whether `path` is not an input: a `.md` note or a hidden file such as `.gitkeep`.
fn is_note(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.starts_with('.') || name.ends_with(".md")
}

/// Runs the check of `target` on every saved input and returns the ones that fail, with why.
fn failures(target: &str) -> Vec<String> {
    saved_inputs(target)
        .into_iter()
        .filter_map(|path| {
            let data = std::fs::read(&path).expect("read a saved input");
            let outcome = catch_unwind(AssertUnwindSafe(|| checks::check(target, &data)));
            outcome.err().map(|panic| {
                let why = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                format!("{}: {why}", path.display())
            })
        })
        .collect()
}

#[test]
fn every_target_has_a_regression_folder() {
    for target in checks::TARGETS {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/fuzz-regressions")
            .join(target);
        assert!(dir.is_dir(), "{} is missing", dir.display());
    }
}

#[test]
fn saved_loader_inputs_pass() {
    let failed = failures("load");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn saved_html_inputs_pass() {
    let failed = failures("html");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn saved_html_structure_inputs_pass() {
    let failed = failures("html_structure");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn saved_document_inputs_pass() {
    let failed = failures("documents");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn saved_segmenter_inputs_pass() {
    let failed = failures("segment");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn saved_engine_inputs_pass() {
    let failed = failures("compare");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
