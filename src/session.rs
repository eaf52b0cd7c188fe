//! Comparison sessions (`.parallax.json`): the articles (with their texts embedded, so a session
//! opens on another machine), their labels and order, and the comparison settings.
//!
//! Files carry a format name and version; a newer or damaged file is refused with a message that
//! says which, never half-read. Values are checked as they are read: a threshold within 0–1,
//! articles with a label and a text, and at least one article. A byte order mark before the JSON
//! (as some editors save it) is allowed.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::article::{Article, Format};
use crate::compare::Options;
use crate::write::{WriteError, write_atomically};

/// The `format` field of every session file.
pub const FORMAT: &str = "parallax-session";
/// The version this build writes and the newest it reads. Version 2 keeps each article's
/// warnings and holds Markdown articles as rendered text (version 1 held the Markdown source,
/// which is rendered when such a session is opened). An article's publication time, when its
/// page gave one, is an optional field any version reads (older builds ignore it).
pub const VERSION: u32 = 2;
/// The usual file-name ending.
pub const EXTENSION: &str = "parallax.json";

/// A saved comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Always [`FORMAT`].
    pub format: String,
    /// The version that wrote the file.
    pub version: u32,
    /// Comparison settings.
    #[serde(default)]
    pub options: Options,
    /// The articles in column order.
    pub articles: Vec<SessionArticle>,
}

/// One article of a session, with its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionArticle {
    /// Outlet label.
    pub label: String,
    /// Where it was first loaded from.
    pub source: String,
    /// Its title, if known.
    #[serde(default)]
    pub title: Option<String>,
    /// How its text is segmented.
    #[serde(default)]
    pub format: Format,
    /// The text as loaded.
    pub text: String,
    /// What the user was told about how the file was read (version 2 on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// When the article was published, as its page said (kept so that a reopened session
    /// directs the version tree on the same evidence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// Why a session could not be opened or saved.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The file could not be read.
    #[error("{path}: could not read the session: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a session, or is damaged.
    #[error("{path}: not a Parallax session or damaged ({reason})")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// Where the file stops making sense.
        reason: String,
    },
    /// The file is a session, but a value in it is out of range or missing.
    #[error("{path}: not a usable Parallax session ({reason})")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Which value, and what is wrong with it.
        reason: String,
    },
    /// The session could not be turned into JSON.
    #[error("{path}: could not write the session: {source}")]
    Encode {
        /// Where it was to be saved.
        path: PathBuf,
        /// What the encoder said.
        #[source]
        source: serde_json::Error,
    },
    /// The file was written by a newer Parallax.
    #[error(
        "{path}: written by a newer Parallax (session version {found}; this version reads up to {VERSION})"
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: u32,
    },
    /// The file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl Session {
    /// A session of `articles` compared with `options`.
    pub fn new(articles: &[Article], options: Options) -> Self {
        Session {
            format: FORMAT.to_owned(),
            version: VERSION,
            options,
            articles: articles
                .iter()
                .map(|a| SessionArticle {
                    label: a.label.clone(),
                    source: a.source.clone(),
                    title: a.title.clone(),
                    format: a.format,
                    text: a.text.clone(),
                    warnings: a.warnings.clone(),
                    published: a.published.clone(),
                })
                .collect(),
        }
    }

    /// The session's articles, segmented again.
    pub fn articles(&self) -> Vec<Article> {
        self.articles
            .iter()
            .map(|a| {
                let text = if self.version < 2 && a.format == Format::Markdown {
                    crate::article::markdown::render(&a.text)
                } else {
                    a.text.clone()
                };
                let mut article = Article::from_text(&a.label, &a.source, text, a.format);
                if a.title.is_some() {
                    article.title.clone_from(&a.title);
                }
                article.warnings.clone_from(&a.warnings);
                article.published.clone_from(&a.published);
                article
            })
            .collect()
    }

    /// Reads a session file.
    pub fn open(path: &Path) -> Result<Session, SessionError> {
        let bytes = std::fs::read(path).map_err(|source| SessionError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|_| SessionError::Damaged {
            path: path.to_path_buf(),
            reason: "the file is not text".to_owned(),
        })?;
        Session::parse(path, &text)
    }

    /// Parses and checks a session read from `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Session, SessionError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let damaged = |reason: String| SessionError::Damaged {
            path: path.to_path_buf(),
            reason,
        };
        let header: Header = serde_json::from_str(text).map_err(|e| damaged(e.to_string()))?;
        if header.format != FORMAT {
            return Err(damaged(format!(
                "format is {:?}, expected {FORMAT:?}",
                header.format
            )));
        }
        if header.version > VERSION {
            return Err(SessionError::TooNew {
                path: path.to_path_buf(),
                found: header.version,
            });
        }
        let session: Session = serde_json::from_str(text).map_err(|e| damaged(e.to_string()))?;
        session.check().map_err(|reason| SessionError::Invalid {
            path: path.to_path_buf(),
            reason,
        })?;
        Ok(session)
    }

    /// What makes the session unusable, if anything.
    fn check(&self) -> Result<(), String> {
        let threshold = self.options.threshold;
        if !(0.0..=1.0).contains(&threshold) {
            return Err(format!("the threshold {threshold} is outside 0–1"));
        }
        if self.articles.is_empty() {
            return Err("it holds no articles".to_owned());
        }
        for (number, article) in (1..).zip(&self.articles) {
            if article.label.trim().is_empty() {
                return Err(format!("article {number} has no label"));
            }
            if article.text.trim().is_empty() {
                return Err(format!("article {number} ({}) has no text", article.label));
            }
        }
        Ok(())
    }

    /// Writes the session atomically, never over one of `protected` (the input articles).
    pub fn save(&self, path: &Path, protected: &[PathBuf]) -> Result<(), SessionError> {
        let json = serde_json::to_string_pretty(self).map_err(|source| SessionError::Encode {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(write_atomically(path, &[json], protected)?)
    }
}

/// The two fields read first, to tell a newer version from a damaged file.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_session() -> Session {
        let articles = vec![
            Article::from_text(
                "Courier",
                "a.txt",
                "A short headline\n\nThe ferry sank near the pier on Friday.",
                Format::Text,
            ),
            Article::from_text(
                "Ledger",
                "b.txt",
                "The ferry sank close to the pier on Friday.",
                Format::Text,
            ),
        ];
        Session::new(&articles, Options::default())
    }

    #[test]
    fn round_trips_through_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.parallax.json");
        let session = sample_session();
        session.save(&path, &[]).unwrap();
        let opened = Session::open(&path).unwrap();
        assert_eq!(opened, session);
        let articles = opened.articles();
        assert_eq!(articles[0].label, "Courier");
        assert_eq!(articles[0].title.as_deref(), Some("A short headline"));
        assert_eq!(
            articles[1].sentence_text(0),
            "The ferry sank close to the pier on Friday."
        );
    }

    #[test]
    fn warnings_are_kept() {
        let mut session = sample_session();
        session.articles[1].warnings = vec!["decoded as Windows-1252".to_owned()];
        let json = serde_json::to_string(&session).unwrap();
        let opened = Session::parse(Path::new("w.parallax.json"), &json).unwrap();
        assert_eq!(opened.articles()[1].warnings, ["decoded as Windows-1252"]);
        assert!(opened.articles()[0].warnings.is_empty());
    }

    #[test]
    fn publication_times_survive_a_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dated.parallax.json");
        let mut articles = sample_session().articles();
        articles[0].published = Some("2024-03-18T14:05:00Z".to_owned());
        Session::new(&articles, Options::default())
            .save(&path, &[])
            .unwrap();
        let reopened = Session::open(&path).unwrap().articles();
        assert_eq!(
            reopened[0].published.as_deref(),
            Some("2024-03-18T14:05:00Z")
        );
        assert_eq!(reopened[1].published, None);
        assert_eq!(reopened, articles);
    }

    #[test]
    fn version_1_markdown_is_rendered_and_version_2_text_kept() {
        let article = |version: u32| {
            let text = format!(
                r#"{{"format":"parallax-session","version":{version},"articles":[{{"label":"Notes","source":"n.md","format":"markdown","text":"The *quay* opens [today](https://example.org)."}}]}}"#
            );
            let session = Session::parse(Path::new("n.parallax.json"), &text).unwrap();
            session.articles()[0].text.clone()
        };
        assert_eq!(article(1), "The quay opens today.");
        assert_eq!(article(2), "The *quay* opens [today](https://example.org).");
    }

    #[test]
    fn newer_versions_are_refused_with_a_clear_message() {
        let text = r#"{"format":"parallax-session","version":7,"articles":[],"future_field":1}"#;
        let err = Session::parse(Path::new("x.parallax.json"), text).unwrap_err();
        assert!(matches!(err, SessionError::TooNew { found: 7, .. }));
        assert!(err.to_string().contains("newer Parallax"), "{err}");
    }

    #[test]
    fn damaged_files_are_refused() {
        for text in [
            "",
            "{",
            "[1,2]",
            r#"{"format":"something-else","version":1,"articles":[]}"#,
            r#"{"format":"parallax-session","version":1,"articles":[{"label":3}]}"#,
        ] {
            let err = Session::parse(Path::new("bad.parallax.json"), text).unwrap_err();
            assert!(
                matches!(err, SessionError::Damaged { .. }),
                "{text:?}: {err}"
            );
            assert!(err.to_string().starts_with("bad.parallax.json: "), "{err}");
        }
    }

    fn invalid_reason(text: &str) -> String {
        match Session::parse(Path::new("odd.parallax.json"), text) {
            Err(SessionError::Invalid { reason, .. }) => reason,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn values_are_checked_as_they_are_read() {
        let article = r#"{"label":"Courier","source":"a.txt","text":"The ferry sank."}"#;
        let session = |options: &str, articles: &str| {
            format!(
                r#"{{"format":"parallax-session","version":1,{options}"articles":[{articles}]}}"#
            )
        };
        for threshold in ["1.5", "-0.1"] {
            let options = format!(r#""options":{{"threshold":{threshold}}},"#);
            let reason = invalid_reason(&session(&options, article));
            assert!(reason.contains("threshold"), "{reason}");
        }
        assert_eq!(invalid_reason(&session("", "")), "it holds no articles");
        let unlabelled = article.replace("Courier", "  ");
        assert_eq!(
            invalid_reason(&session("", &unlabelled)),
            "article 1 has no label"
        );
        let blank = article.replace("The ferry sank.", " \\n ");
        assert_eq!(
            invalid_reason(&session("", &format!("{article},{blank}"))),
            "article 2 (Courier) has no text"
        );
        let ok = session(r#""options":{"threshold":0.5},"#, article);
        assert_eq!(
            Session::parse(Path::new("ok.parallax.json"), &ok)
                .unwrap()
                .articles
                .len(),
            1
        );
    }

    #[test]
    fn a_byte_order_mark_is_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.parallax.json");
        let json = serde_json::to_string(&sample_session()).unwrap();
        std::fs::write(&path, format!("\u{feff}{json}")).unwrap();
        assert_eq!(Session::open(&path).unwrap(), sample_session());
    }

    #[test]
    fn never_writes_over_an_input_article() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.txt");
        std::fs::write(&input, "original").unwrap();
        let err = sample_session()
            .save(&input, std::slice::from_ref(&input))
            .unwrap_err();
        assert!(matches!(
            err,
            SessionError::Write(WriteError::WouldOverwriteInput { .. })
        ));
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "original");
    }
}
