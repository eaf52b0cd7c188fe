//! The command line: argument definitions (clap) and the headless `compare` command.
//!
//! `parallax compare` loads the files, compares them and writes a report; the desktop app is
//! started by `main` when no subcommand is given.

use std::io::Write;
use std::path::PathBuf;

use crate::article::folder::{self, Input};
use crate::article::{Article, LoadError, LoadProgress};
use crate::compare::{Options, compare, timed};
use crate::report::pdf::{self, Paper, PdfError};
use crate::report::text::escape_controls;
use crate::report::{ReportFormat, ReportOptions, render_parts_with};
use crate::write::{write_all, write_atomically};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Parallax: compare news articles sentence by sentence.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a command, the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open in the app, already compared.
    pub files: Vec<PathBuf>,
    /// Open the bundled sample comparison in the app.
    #[arg(long)]
    pub sample: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare articles and print or save a report (no window).
    Compare(CompareArgs),
    /// Add Parallax to the desktop's application menu (desktop entry and icon, for this user).
    #[cfg(feature = "app")]
    InstallDesktop,
    /// Remove what `install-desktop` added.
    #[cfg(feature = "app")]
    UninstallDesktop,
}

/// Arguments of `parallax compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Report format [default: from the output file's extension, else text].
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,

    /// Where to write the report ("-" or nothing: standard output).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Outlet names for the articles, in order (default: from the page or the file name).
    #[arg(short, long = "label", value_name = "NAME")]
    pub labels: Vec<String>,
    /// Minimum similarity (0–1) for two sentences to count as a rewording.
    #[arg(long, value_name = "0..1", default_value_t = Options::default().threshold, value_parser = parse_threshold)]
    pub threshold: f32,
    /// Align every pair of articles even above 50 articles (by default each version is aligned
    /// with its closest versions only, along the version tree), and report the differences
    /// between sibling versions and between articles that are not versions of each other too
    /// (by default changes are read along the tree only).
    #[arg(long)]
    pub all_pairs: bool,
    /// Open the files in the subfolders of folders given, too.
    #[arg(short, long)]
    pub recursive: bool,
    /// In the HTML and PDF reports, leave out text versions share word for word (only how
    /// many sentences it holds is said), so that a report of many versions prints short.
    #[arg(long)]
    pub changes_only: bool,
    /// Page size of the PDF report.
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
    /// The articles to compare: files (.txt, .md, .html, .docx, .odt, .pdf), folders (every such
    /// file in them, in name order) or http(s) web addresses.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

impl CompareArgs {
    /// What to write: `--format`, else the output file's extension (`.html`, `.md`, `.json`,
    /// `.pdf`), else the text summary.
    pub fn output_kind(&self) -> OutputKind {
        match self.format {
            Some(FormatArg::Text) => OutputKind::Report(ReportFormat::Text),
            Some(FormatArg::Json) => OutputKind::Report(ReportFormat::Json),
            Some(FormatArg::Html) => OutputKind::Report(ReportFormat::Html),
            Some(FormatArg::Md) => OutputKind::Report(ReportFormat::Markdown),
            Some(FormatArg::Pdf) => OutputKind::Pdf,
            None => {
                let path = self.output.as_deref();
                let is_pdf = path
                    .and_then(|p| p.extension())
                    .is_some_and(|ext| ext.eq_ignore_ascii_case("pdf"));
                if is_pdf {
                    OutputKind::Pdf
                } else {
                    OutputKind::Report(
                        path.and_then(ReportFormat::from_path)
                            .unwrap_or(ReportFormat::Text),
                    )
                }
            }
        }
    }
}

/// What `parallax compare` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// A text report (summary, JSON, HTML, Markdown).
    Report(ReportFormat),
    /// The PDF report.
    Pdf,
}

/// Report formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Readable summary.
    #[value(alias = "txt")]
    Text,
    /// Full comparison as JSON.
    Json,
    /// Self-contained HTML page.
    #[value(alias = "htm")]
    Html,
    /// Markdown summary.
    #[value(alias = "markdown")]
    Md,
    /// Printable PDF (key findings, version tree, each version's changes).
    Pdf,
}

/// Page sizes of the PDF report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum PaperArg {
    /// ISO A4.
    #[default]
    A4,
    /// US Letter.
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(p: PaperArg) -> Self {
        match p {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }
    }
}

fn parse_threshold(s: &str) -> Result<f32, String> {
    let value: f32 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is outside 0..1"))
    }
}

/// Why `parallax compare` could not produce a report.
#[derive(Debug, thiserror::Error)]
pub enum CompareError {
    /// One or more files could not be read (each error names its file).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Unreadable(Vec<LoadError>),
    /// Fewer than two articles.
    #[error("need at least two articles to compare, got {0}")]
    TooFew(usize),
    /// More labels than files.
    #[error("{labels} labels given for {files} files")]
    TooManyLabels {
        /// Labels given.
        labels: usize,
        /// Files given.
        files: usize,
    },
    /// The report could not be written.
    #[error(transparent)]
    Write(#[from] crate::write::WriteError),
    /// The PDF report could not be made.
    #[error(transparent)]
    Pdf(#[from] PdfError),
    /// Standard output could not be written.
    #[error("could not write to standard output: {0}")]
    Stdout(#[source] std::io::Error),
}

/// Loads every input, naming all that fail (not just the first). A file found in a folder that
/// cannot be read is skipped with a message instead.
fn load_articles(inputs: &[Input]) -> Result<Vec<Article>, Vec<LoadError>> {
    let paths: Vec<PathBuf> = inputs.iter().map(|i| i.path.clone()).collect();
    let loaded = crate::article::load_all(&paths, &LoadProgress::default()).unwrap_or_default();
    let mut articles = Vec::new();
    let mut failed = Vec::new();
    for (input, (_, result)) in inputs.iter().zip(loaded) {
        match result {
            Ok(article) => articles.push(article),
            Err(e) if input.in_folder => {
                eprintln!("parallax: {} (skipped)", escape_controls(&e.to_string()));
            }
            Err(e) => failed.push(e),
        }
    }
    if failed.is_empty() {
        Ok(articles)
    } else {
        Err(failed)
    }
}

/// Runs `parallax compare`.
pub fn run_compare(args: &CompareArgs) -> Result<(), CompareError> {
    let expansion = folder::expand(&args.files, args.recursive);
    if !expansion.errors.is_empty() {
        return Err(CompareError::Unreadable(expansion.errors));
    }
    for skipped in &expansion.skipped {
        eprintln!("parallax: {}", escape_controls(&skipped.to_string()));
    }
    if args.labels.len() > expansion.inputs.len() {
        return Err(CompareError::TooManyLabels {
            labels: args.labels.len(),
            files: expansion.inputs.len(),
        });
    }
    let mut articles =
        timed("loading", || load_articles(&expansion.inputs)).map_err(CompareError::Unreadable)?;
    if articles.len() < 2 {
        return Err(CompareError::TooFew(articles.len()));
    }
    for (article, label) in articles.iter_mut().zip(&args.labels) {
        article.label.clone_from(label);
    }
    crate::article::make_labels_unique(&mut articles);
    for article in &articles {
        for warning in &article.warnings {
            eprintln!(
                "parallax: warning: {}: {}",
                escape_controls(&article.source),
                escape_controls(warning)
            );
        }
    }
    let options = Options {
        threshold: args.threshold,
        all_pairs: args.all_pairs,
        ..Options::default()
    };
    let comparison = timed("comparing", || compare(articles, &options));
    let report_options = ReportOptions {
        changes_only: args.changes_only,
    };
    let report = timed("rendering", || match args.output_kind() {
        OutputKind::Report(format) => Ok(render_parts_with(&comparison, format, &report_options)
            .into_iter()
            .map(String::into_bytes)
            .collect()),
        OutputKind::Pdf => {
            pdf::render(&comparison, &report_options, args.paper.into()).map(|pdf| vec![pdf])
        }
    })?;
    timed("writing", || match args.output.as_deref() {
        None => write_stdout(&report),
        Some(p) if p.as_os_str() == "-" => write_stdout(&report),
        Some(path) => Ok(write_atomically(path, &report, &args.files)?),
    })
}

/// Writes the report to standard output. A reader that stops early (`| head`) is not an error:
/// as Unix tools do, the rest is dropped quietly.
fn write_stdout(report: &[Vec<u8>]) -> Result<(), CompareError> {
    let mut stdout = std::io::stdout().lock();
    match write_all(&mut stdout, report).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CompareError::Stdout(e)),
        _ => Ok(()),
    }
}
