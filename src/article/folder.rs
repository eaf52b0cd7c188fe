//! Folders given as articles: which files in them are opened.
//!
//! This module owns the step from what the user named (files, folders, web addresses) to the list
//! of things to load: a folder stands for every supported file in it, in name order, and for its
//! subfolders' files only when asked to recurse. Hidden entries are passed over; anything else
//! that cannot be opened is listed as skipped, with the reason, so the user learns what was left.

use std::fmt;
use std::path::{Path, PathBuf};

use super::LoadError;
use super::web::is_web_address;

/// The file extensions (lower case) opened from a folder.
pub const SUPPORTED_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "docx", "odt", "pdf",
];

/// Something to load: a file or web address the user named, or a file found in a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file's path, or the web address.
    pub path: PathBuf,
    /// Whether it was found in a folder (a failure to read it skips it rather than failing all).
    pub in_folder: bool,
}

/// An entry of a folder that is not opened, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The entry.
    pub path: PathBuf,
    /// Why it is passed over.
    pub reason: SkipReason,
}

/// Why a folder entry is not opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// Its extension is not one of [`SUPPORTED_EXTENSIONS`].
    Unsupported,
    /// It is a subfolder and recursion was not asked for.
    Subfolder,
    /// It is a device, pipe or socket, or a link to nothing.
    NotAFile,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = match self.reason {
            SkipReason::Unsupported => "skipped (not a kind of file Parallax opens)",
            SkipReason::Subfolder => "skipped (a subfolder; open it with --recursive)",
            SkipReason::NotAFile => "skipped (not a regular file)",
        };
        write!(f, "{}: {reason}", self.path.display())
    }
}

/// What a list of paths stands for, once folders are opened.
#[derive(Debug, Default)]
pub struct Expansion {
    /// What to load, in order: the paths as given, each folder replaced by its files.
    pub inputs: Vec<Input>,
    /// Folder entries passed over.
    pub skipped: Vec<Skipped>,
    /// Folders that could not be listed or hold no article.
    pub errors: Vec<LoadError>,
}

/// Replaces every folder among `paths` by the supported files in it, sorted by name; with
/// `recursive`, the files of its subfolders follow (depth first, in name order). Web addresses
/// and paths that are not folders are kept as they are (loading them reports any problem).
pub fn expand(paths: &[PathBuf], recursive: bool) -> Expansion {
    let mut expansion = Expansion::default();
    for path in paths {
        if !is_web_address(path) && path.is_dir() {
            expand_folder(path, recursive, &mut expansion);
        } else {
            expansion.inputs.push(Input {
                path: path.clone(),
                in_folder: false,
            });
        }
    }
    expansion
}

/// Adds the entries of `folder` to `expansion`.
fn expand_folder(folder: &Path, recursive: bool, expansion: &mut Expansion) {
    let found_before = expansion.inputs.len();
    add_entries(folder, recursive, expansion);
    if expansion.inputs.len() == found_before {
        expansion.errors.push(LoadError::NoArticlesInFolder {
            path: folder.to_path_buf(),
        });
    }
}

/// Adds the entries of `folder` (and with `recursive`, of its subfolders) to `expansion`.
fn add_entries(folder: &Path, recursive: bool, expansion: &mut Expansion) {
    let entries = match sorted_entries(folder) {
        Ok(entries) => entries,
        Err(error) => {
            expansion.errors.push(LoadError::from_io(folder, error));
            return;
        }
    };
    for path in entries {
        if is_hidden(&path) {
            continue;
        }
        // Follows symbolic links, as opening the file would.
        let metadata = std::fs::metadata(&path);
        let reason = match metadata {
            Ok(m) if m.is_dir() => {
                if recursive {
                    add_entries(&path, recursive, expansion);
                    continue;
                }
                SkipReason::Subfolder
            }
            Ok(m) if m.is_file() && is_supported(&path) => {
                expansion.inputs.push(Input {
                    path,
                    in_folder: true,
                });
                continue;
            }
            Ok(m) if m.is_file() => SkipReason::Unsupported,
            _ => SkipReason::NotAFile,
        };
        expansion.skipped.push(Skipped { path, reason });
    }
}

/// The entries of `folder`, sorted by name.
fn sorted_entries(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = std::fs::read_dir(folder)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    entries.sort();
    Ok(entries)
}

/// Whether the entry's name starts with a dot.
fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'))
}

/// Whether the file's extension is one Parallax opens from a folder.
pub fn is_supported(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        let extension = e.to_string_lossy().to_ascii_lowercase();
        SUPPORTED_EXTENSIONS.contains(&extension.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temporary folder");
        for name in files {
            let path = dir.path().join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("subfolder");
            }
            std::fs::write(path, "Some text.").expect("file");
        }
        dir
    }

    fn names(dir: &Path, inputs: &[Input]) -> Vec<String> {
        inputs
            .iter()
            .map(|i| {
                let relative = i.path.strip_prefix(dir).expect("inside the folder");
                relative.to_string_lossy().into_owned()
            })
            .collect()
    }

    #[test]
    fn a_folder_opens_its_supported_files_in_name_order() {
        let dir = folder_with(&[
            "b.html",
            "a.txt",
            "c.PDF",
            "photo.png",
            ".hidden.txt",
            "sub/d.md",
        ]);
        let expansion = expand(&[dir.path().to_path_buf()], false);
        assert_eq!(
            names(dir.path(), &expansion.inputs),
            ["a.txt", "b.html", "c.PDF"]
        );
        assert!(expansion.inputs.iter().all(|i| i.in_folder));
        let skipped: Vec<String> = expansion.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        assert!(skipped[0].ends_with("photo.png: skipped (not a kind of file Parallax opens)"));
        assert!(skipped[1].ends_with("sub: skipped (a subfolder; open it with --recursive)"));
        assert!(expansion.errors.is_empty());
    }

    #[test]
    fn recursion_opens_subfolders_in_place() {
        let dir = folder_with(&["a.txt", "m/b.md", "m/n/c.txt", "z.txt"]);
        let expansion = expand(&[dir.path().to_path_buf()], true);
        assert_eq!(
            names(dir.path(), &expansion.inputs),
            ["a.txt", "m/b.md", "m/n/c.txt", "z.txt"]
        );
        assert!(expansion.skipped.is_empty());
    }

    #[test]
    fn a_folder_without_articles_is_an_error() {
        let dir = folder_with(&["photo.png"]);
        let expansion = expand(&[dir.path().to_path_buf()], false);
        assert!(expansion.inputs.is_empty());
        let errors: Vec<String> = expansion.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            [format!(
                "{}: the folder holds no article Parallax opens",
                dir.path().display()
            )]
        );
    }

    #[test]
    fn files_and_addresses_pass_through_in_order() {
        let dir = folder_with(&["in.txt"]);
        let paths = [
            PathBuf::from("given.txt"),
            dir.path().to_path_buf(),
            PathBuf::from("https://example.org/story"),
        ];
        let expansion = expand(&paths, false);
        let got: Vec<(&Path, bool)> = expansion
            .inputs
            .iter()
            .map(|i| (i.path.as_path(), i.in_folder))
            .collect();
        assert_eq!(
            got,
            [
                (Path::new("given.txt"), false),
                (dir.path().join("in.txt").as_path(), true),
                (Path::new("https://example.org/story"), false),
            ]
        );
    }
}
