//! Reading files into articles.
//!
//! This module owns the way from a file (or a file's bytes, for dropped files and the bundled
//! sample) or a web address to an [`Article`]: reading or fetching it ([`super::web`]), refusing
//! what is not an article with an error that names the file and says why, choosing the format,
//! decoding ([`super::decode`]), extracting the main text of web pages ([`super::html`]) and
//! documents ([`super::document`]) or rendering Markdown ([`super::markdown`]), choosing the
//! outlet label, counting stray control characters, and segmenting ([`Article::from_text`]).
//! `article_from_bytes` is the one place where each format goes its own way: a new format is a
//! new arm there. Many files at once go through [`super::batch`].

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::decode::{self, BinaryKind, DecodeError, Decoded};
use super::document::{DocumentKind, DocumentText};
use super::office::{self, OfficeError};
use super::pdf::{self, PdfError};
use super::web::{self, FetchError};
use super::{Article, Format, collapse_whitespace, html, markdown};

/// The largest file that is read, in bytes (1 GiB).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Why a file could not be read as an article. Every message starts with the file's path.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Nothing exists at the path.
    #[error("{}: no such file", path.display())]
    NotFound {
        /// The file.
        path: PathBuf,
    },
    /// The file (or a folder on the way to it) may not be read.
    #[error("{}: permission denied", path.display())]
    PermissionDenied {
        /// The file.
        path: PathBuf,
    },
    /// The path names a directory.
    #[error("{}: is a directory, not a file", path.display())]
    IsDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// The path names a device, pipe or socket, which could block or never end.
    #[error("{}: not a regular file (a device, pipe or socket)", path.display())]
    NotRegularFile {
        /// The path.
        path: PathBuf,
    },
    /// A folder given holds no file of a kind Parallax opens.
    #[error("{}: the folder holds no article Parallax opens", path.display())]
    NoArticlesInFolder {
        /// The folder.
        path: PathBuf,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error(
        "{}: the file is too large ({} MiB; the limit is {} MiB)",
        path.display(),
        size / (1 << 20),
        MAX_FILE_BYTES / (1 << 20)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least this much, when it grew while being read).
        size: u64,
    },
    /// Reading failed for another reason.
    #[error("{}: could not be read ({error})", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        error: io::Error,
    },
    /// The file has no content.
    #[error("{}: the file is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file contains only whitespace.
    #[error("{}: the file contains only whitespace", path.display())]
    Blank {
        /// The file.
        path: PathBuf,
    },
    /// The file is not text.
    #[error("{}: not a text file ({kind})", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        kind: BinaryKind,
    },
    /// The file is a web page (or Markdown) without any text to compare.
    #[error("{}: no article text found in the page", path.display())]
    NoArticleText {
        /// The file.
        path: PathBuf,
    },
    /// A Word or OpenDocument file that could not be read.
    #[error("{}: {source}", path.display())]
    Office {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        #[source]
        source: OfficeError,
    },
    /// A PDF whose text could not be read.
    #[error("{}: {source}", path.display())]
    Pdf {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: PdfError,
    },
    /// A document without any text.
    #[error("{}: the document has no text", path.display())]
    NoDocumentText {
        /// The file.
        path: PathBuf,
    },
    /// A web address that could not be fetched.
    #[error("{}: {source}", path.display())]
    Fetch {
        /// The address.
        path: PathBuf,
        /// Why.
        #[source]
        source: FetchError,
    },
    /// Reading the file failed inside Parallax (a reader panicked); the other files are unharmed.
    #[error("{}: could not be read (an internal error: {message})", path.display())]
    Crashed {
        /// The file.
        path: PathBuf,
        /// What the failing reader said.
        message: String,
    },
}

impl LoadError {
    /// The file the error is about, as it was given.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::NotFound { path }
            | LoadError::PermissionDenied { path }
            | LoadError::IsDirectory { path }
            | LoadError::NotRegularFile { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::Unreadable { path, .. }
            | LoadError::Empty { path }
            | LoadError::Blank { path }
            | LoadError::Binary { path, .. }
            | LoadError::NoArticleText { path }
            | LoadError::NoArticlesInFolder { path }
            | LoadError::Office { path, .. }
            | LoadError::Pdf { path, .. }
            | LoadError::NoDocumentText { path }
            | LoadError::Fetch { path, .. }
            | LoadError::Crashed { path, .. } => path,
        }
    }

    /// The error for an I/O failure on `path`, by its kind.
    pub(super) fn from_io(path: &Path, error: io::Error) -> Self {
        let path = path.to_path_buf();
        match error.kind() {
            io::ErrorKind::NotFound => LoadError::NotFound { path },
            io::ErrorKind::PermissionDenied => LoadError::PermissionDenied { path },
            io::ErrorKind::IsADirectory => LoadError::IsDirectory { path },
            _ => LoadError::Unreadable { path, error },
        }
    }

    /// The error for the content of `path` that did not decode to text.
    fn from_decode(path: &Path, error: DecodeError) -> Self {
        let path = path.to_path_buf();
        match error {
            DecodeError::Empty => LoadError::Empty { path },
            DecodeError::Blank => LoadError::Blank { path },
            DecodeError::Binary(kind) => LoadError::Binary { path, kind },
        }
    }
}

/// Reads the file at `path` into an article (see [`load_bytes`]); the article's source is `path`.
///
/// # Errors
/// Any [`LoadError`]; the error's path is `path`.
pub fn load_file(path: &Path) -> Result<Article, LoadError> {
    if web::is_web_address(path) {
        return load_address(path);
    }
    let bytes = read(path)?;
    article_from_bytes(path, &bytes)
}

/// Fetches the web page at the address `path` and extracts its article as for an HTML file (in
/// the charset the HTTP header names, else the one the page declares); the label is the page's
/// site name, else the address's host.
///
/// # Errors
/// [`LoadError::Fetch`] when the page cannot be fetched, or any error of reading its content.
pub fn load_address(path: &Path) -> Result<Article, LoadError> {
    let url = path.to_string_lossy();
    let page = web::fetch(&url).map_err(|source| LoadError::Fetch {
        path: path.to_path_buf(),
        source,
    })?;
    let header_encoding = page
        .charset
        .as_deref()
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()));
    let decoded = match header_encoding {
        // The header's charset, unless a byte order mark says otherwise.
        Some(encoding) => {
            let (text, used, _) = encoding.decode(&page.bytes);
            Decoded {
                text: text.into_owned(),
                encoding: used.name(),
                warning: None,
            }
        }
        None if page.is_plain_text => decoded(path, &page.bytes, decode::decode)?,
        None => decoded(path, &page.bytes, decode::decode_html)?,
    };
    let host = web::host(&url).unwrap_or(&url).to_owned();
    let mut article = if page.is_plain_text {
        let mut article = Article::from_text(host, url.as_ref(), decoded.text, Format::Text);
        article.warnings.extend(decoded.warning);
        article
    } else {
        html_article(path, decoded, host)?
    };
    add_stray_controls_warning(&mut article);
    log::info!("{url}: fetched, {} sentences", article.sentences.len());
    Ok(article)
}

/// Builds an article from the content `bytes` of the file `name` (a path or a file name).
///
/// `name` decides the format (by extension, else by sniffing the text) and the fallback label
/// (its file stem), becomes the article's source, and names the file in errors.
///
/// # Errors
/// [`LoadError::TooLarge`], [`LoadError::Empty`], [`LoadError::Blank`], [`LoadError::Binary`],
/// or [`LoadError::NoArticleText`] for a web page without text.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    article_from_bytes(Path::new(name), bytes)
}

/// Builds the article of the file `path` from its content `bytes`: the one place where each
/// format goes its own way.
fn article_from_bytes(path: &Path, bytes: &[u8]) -> Result<Article, LoadError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size,
        });
    }
    let format = detect_format(path, bytes);
    let mut article = match format {
        Format::Html => html_article(
            path,
            decoded(path, bytes, decode::decode_html)?,
            file_label(path),
        )?,
        Format::Markdown => markdown_article(path, bytes)?,
        Format::Text => text_article(path, bytes)?,
        Format::Document => document_article(path, bytes)?,
    };
    add_stray_controls_warning(&mut article);
    log::info!(
        "{}: read as {format:?}, {} sentences, labelled {:?}",
        article.source,
        article.sentences.len(),
        article.label
    );
    Ok(article)
}

/// Warns of the stray control characters in the article's text, if any.
fn add_stray_controls_warning(article: &mut Article) {
    let controls = decode::count_stray_controls(&article.text);
    if controls > 0 {
        article
            .warnings
            .push(decode::stray_controls_warning(controls));
    }
}

/// The article of the Word, OpenDocument or PDF file `path` with the content `bytes`.
fn document_article(path: &Path, bytes: &[u8]) -> Result<Article, LoadError> {
    let office_error = |source| LoadError::Office {
        path: path.to_path_buf(),
        source,
    };
    // `detect_format` chose a document because `DocumentKind::of` knows its kind.
    let kind = DocumentKind::of(path, bytes).unwrap_or(DocumentKind::Pdf);
    let document: DocumentText = match kind {
        DocumentKind::Docx => office::read_docx(bytes).map_err(office_error)?,
        DocumentKind::Odt => office::read_odt(bytes).map_err(office_error)?,
        DocumentKind::Pdf => pdf::read_pdf(bytes).map_err(|source| LoadError::Pdf {
            path: path.to_path_buf(),
            source,
        })?,
    };
    if document.text.trim().is_empty() {
        return Err(LoadError::NoDocumentText {
            path: path.to_path_buf(),
        });
    }
    let source = path.to_string_lossy();
    let mut article = Article::from_text(
        file_label(path),
        source.as_ref(),
        document.text,
        Format::Document,
    );
    if document.title.is_some() {
        article.title = document.title;
    }
    log::info!("{source}: read as {kind:?}");
    Ok(article)
}

/// Decodes `bytes` of `path` with `decode`, logging the encoding.
fn decoded(
    path: &Path,
    bytes: &[u8],
    decode: fn(&[u8]) -> Result<Decoded, DecodeError>,
) -> Result<Decoded, LoadError> {
    let decoded = decode(bytes).map_err(|error| LoadError::from_decode(path, error))?;
    log::info!("{}: decoded as {}", path.display(), decoded.encoding);
    Ok(decoded)
}

/// The article of the plain-text file `path`: its text is the file's.
fn text_article(path: &Path, bytes: &[u8]) -> Result<Article, LoadError> {
    let decoded = decoded(path, bytes, decode::decode)?;
    let source = path.to_string_lossy();
    let mut article = Article::from_text(
        file_label(path),
        source.as_ref(),
        decoded.text,
        Format::Text,
    );
    article.warnings.extend(decoded.warning);
    Ok(article)
}

/// The article of the Markdown file `path`: its text is the rendered Markdown.
fn markdown_article(path: &Path, bytes: &[u8]) -> Result<Article, LoadError> {
    let decoded = decoded(path, bytes, decode::decode)?;
    let text = markdown::render(&decoded.text);
    if text.trim().is_empty() {
        return Err(LoadError::NoArticleText {
            path: path.to_path_buf(),
        });
    }
    let source = path.to_string_lossy();
    let mut article = Article::from_text(file_label(path), source.as_ref(), text, Format::Markdown);
    article.warnings.extend(decoded.warning);
    Ok(article)
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`].
fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    let metadata = std::fs::metadata(path).map_err(|e| LoadError::from_io(path, e))?;
    if metadata.is_dir() {
        return Err(LoadError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    if !metadata.is_file() {
        return Err(LoadError::NotRegularFile {
            path: path.to_path_buf(),
        });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: metadata.len(),
        });
    }
    let file = File::open(path).map_err(|e| LoadError::from_io(path, e))?;
    let capacity = usize::try_from(metadata.len()).unwrap_or_default();
    let mut bytes = Vec::with_capacity(capacity);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::from_io(path, e))?;
    Ok(bytes)
}

/// The format of the file `path` with the content `bytes`: by extension, else sniffed.
fn detect_format(path: &Path, bytes: &[u8]) -> Format {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if DocumentKind::of(path, bytes).is_some() {
        return Format::Document;
    }
    match extension.as_deref() {
        Some("txt") => Format::Text,
        Some("md" | "markdown") => Format::Markdown,
        Some("html" | "htm" | "xhtml") => Format::Html,
        _ if looks_like_html(&decode::head(bytes)) => Format::Html,
        _ => Format::Text,
    }
}

/// Whether `text` starts (after whitespace) with `<!doctype html` or `<html`, in any case.
fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start().as_bytes();
    ["<!doctype html", "<html"].iter().any(|prefix| {
        start
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    })
}

/// The article of the web page `path` once `decoded`, labelled with the page's site name or else
/// `fallback_label`.
fn html_article(
    path: &Path,
    decoded: Decoded,
    fallback_label: String,
) -> Result<Article, LoadError> {
    let extracted = html::extract(&decoded.text);
    if extracted.text.trim().is_empty() {
        return Err(LoadError::NoArticleText {
            path: path.to_path_buf(),
        });
    }
    let label = extracted
        .site_name
        .as_deref()
        .map(collapse_whitespace)
        .filter(|site| !site.is_empty())
        .unwrap_or(fallback_label);
    let source = path.to_string_lossy();
    let text = with_headline(extracted.title.as_deref(), extracted.text);
    let mut article = Article::from_text(label, source.as_ref(), text, Format::Html);
    if extracted.title.is_some() {
        article.title = extracted.title;
    }
    article.published = extracted.published;
    article.warnings.extend(decoded.warning);
    Ok(article)
}

/// The page text with its title as the first line, unless the text already opens with it:
/// extraction usually drops the `<h1>` that repeats the title, and without it a web page would
/// lack the headline its plain-text versions have.
fn with_headline(title: Option<&str>, text: String) -> String {
    match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(title) if !collapse_whitespace(text.trim_start()).starts_with(title) => {
            format!("{title}\n\n{text}")
        }
        _ => text,
    }
}

/// The label for the file `path`: its file stem, trimmed (the whole path if that is empty).
fn file_label(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().trim().to_owned())
        .unwrap_or_default();
    if stem.is_empty() {
        path.to_string_lossy().trim().to_owned()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension() {
        let html = "<!DOCTYPE html><p>x</p>";
        assert_eq!(
            detect_format(Path::new("a/b.txt"), html.as_bytes()),
            Format::Text
        );
        assert_eq!(
            detect_format(Path::new("b.md"), "x".as_bytes()),
            Format::Markdown
        );
        assert_eq!(
            detect_format(Path::new("b.MARKDOWN"), "x".as_bytes()),
            Format::Markdown
        );
        assert_eq!(
            detect_format(Path::new("b.HTM"), "x".as_bytes()),
            Format::Html
        );
        assert_eq!(
            detect_format(Path::new("b.html"), "x".as_bytes()),
            Format::Html
        );
        assert_eq!(
            detect_format(Path::new("b.xhtml"), "x".as_bytes()),
            Format::Html
        );
    }

    #[test]
    fn unknown_extensions_are_sniffed() {
        assert_eq!(
            detect_format(Path::new("dropped"), "\r\n  <!DOCTYPE HTML>".as_bytes()),
            Format::Html
        );
        assert_eq!(
            detect_format(Path::new("page.php"), "<html lang=en>".as_bytes()),
            Format::Html
        );
        assert_eq!(
            detect_format(Path::new("notes.text"), "<b>bold</b> start".as_bytes()),
            Format::Text
        );
        assert_eq!(
            detect_format(Path::new("x.csv"), "a,b".as_bytes()),
            Format::Text
        );
        assert_eq!(
            detect_format(Path::new("short"), "<ht".as_bytes()),
            Format::Text
        );
        assert_eq!(
            detect_format(Path::new("accents"), "é<html".as_bytes()),
            Format::Text
        );
    }

    #[test]
    fn label_is_the_trimmed_file_stem() {
        assert_eq!(
            file_label(Path::new("corpus/reuters_cbc.txt")),
            "reuters_cbc"
        );
        assert_eq!(
            file_label(Path::new(" Daily Lantern .html")),
            "Daily Lantern"
        );
        assert_eq!(file_label(Path::new("noext")), "noext");
        assert_eq!(file_label(Path::new(".hidden")), ".hidden");
    }

    #[test]
    fn every_error_names_its_file() {
        let path = PathBuf::from("reports/a.txt");
        let errors = [
            LoadError::NotFound { path: path.clone() },
            LoadError::PermissionDenied { path: path.clone() },
            LoadError::IsDirectory { path: path.clone() },
            LoadError::NotRegularFile { path: path.clone() },
            LoadError::TooLarge {
                path: path.clone(),
                size: 3 << 30,
            },
            LoadError::Unreadable {
                path: path.clone(),
                error: io::Error::other("disk on fire"),
            },
            LoadError::Empty { path: path.clone() },
            LoadError::Blank { path: path.clone() },
            LoadError::Binary {
                path: path.clone(),
                kind: BinaryKind::Pdf,
            },
            LoadError::NoArticleText { path: path.clone() },
            LoadError::Crashed {
                path: path.clone(),
                message: "index out of bounds".into(),
            },
        ];
        for error in errors {
            assert_eq!(error.path(), path);
            assert!(error.to_string().starts_with("reports/a.txt: "), "{error}");
        }
    }

    #[test]
    fn messages_read_well() {
        let path = PathBuf::from("x.png");
        let binary = LoadError::Binary {
            path: path.clone(),
            kind: BinaryKind::NulBytes,
        };
        assert_eq!(
            binary.to_string(),
            "x.png: not a text file (binary content)"
        );
        let large = LoadError::TooLarge {
            path,
            size: 3 << 30,
        };
        assert_eq!(
            large.to_string(),
            "x.png: the file is too large (3072 MiB; the limit is 1024 MiB)"
        );
    }

    #[test]
    fn io_errors_are_classified() {
        let path = Path::new("f");
        let kinds = [
            (io::ErrorKind::NotFound, "f: no such file"),
            (io::ErrorKind::PermissionDenied, "f: permission denied"),
            (io::ErrorKind::IsADirectory, "f: is a directory, not a file"),
        ];
        for (kind, message) in kinds {
            assert_eq!(LoadError::from_io(path, kind.into()).to_string(), message);
        }
        let other = LoadError::from_io(path, io::Error::other("bad sector"));
        assert_eq!(other.to_string(), "f: could not be read (bad sector)");
    }

    #[test]
    fn text_keeps_its_derived_title_and_crlf() {
        let article =
            load_bytes("desk/lantern.txt", b"Harbour reopens\r\n\r\nBoats return.").unwrap();
        assert_eq!(article.text, "Harbour reopens\r\n\r\nBoats return.");
        assert_eq!(article.label, "lantern");
        assert_eq!(article.source, "desk/lantern.txt");
        assert_eq!(article.format, Format::Text);
        assert!(article.warnings.is_empty());
    }

    #[test]
    fn windows_1252_loads_with_a_warning() {
        let article = load_bytes("old.txt", b"caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(article.text, "caf\u{e9} \u{201c}quoted\u{201d}");
        assert_eq!(article.warnings.len(), 1);
        assert!(article.warnings[0].contains("decoded as Windows-1252"));
    }

    #[test]
    fn decode_failures_become_load_errors() {
        assert!(matches!(
            load_bytes("e.txt", b""),
            Err(LoadError::Empty { .. })
        ));
        assert!(matches!(
            load_bytes("w.txt", b" \n\t"),
            Err(LoadError::Blank { .. })
        ));
        assert!(matches!(
            load_bytes("z.zip", b"PK\x03\x04rest"),
            Err(LoadError::Binary {
                kind: BinaryKind::Zip,
                ..
            })
        ));
    }

    #[test]
    fn html_uses_site_name_and_title() {
        let page = "<html><head><title>Mill closes | The Ferry Post</title>\
            <meta property=\"og:site_name\" content=\"The Ferry Post\"></head>\
            <body><p>The old flour mill on the river bank shut its doors on Friday after ninety \
            years of work.</p></body></html>";
        let article = load_bytes("saved/page.htm", page.as_bytes()).unwrap();
        assert_eq!(article.label, "The Ferry Post");
        assert_eq!(article.format, Format::Html);
        assert_eq!(article.title.as_deref(), Some("Mill closes"));
        assert!(
            article
                .text
                .starts_with("Mill closes\n\nThe old flour mill")
        );
    }

    #[test]
    fn html_text_opens_with_its_title_once() {
        let page = "<html><head><title>Mill closes</title></head><body><article>\
            <p>The old mill on the Ferry Road closed its doors on Friday after ninety years.</p>\
            <p>Its forty workers were offered jobs at the new plant across the river.</p></article></body></html>";
        let article = load_bytes("mill.html", page.as_bytes()).expect("loads");
        assert!(
            article.text.starts_with("Mill closes\n\nThe old mill"),
            "{:?}",
            article.text
        );
        assert_eq!(
            with_headline(Some("Mill closes"), "Mill closes\n\nBody.".into()),
            "Mill closes\n\nBody."
        );
    }

    #[test]
    fn html_without_text_is_refused() {
        let page = "<!doctype html><html><head><title>Empty</title><script>var a = 1;</script>\
            </head><body><nav>Home</nav><img src=x.png></body></html>";
        let error = load_bytes("blank.html", page.as_bytes()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "blank.html: no article text found in the page"
        );
    }
}
