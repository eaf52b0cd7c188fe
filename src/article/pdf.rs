//! PDF files: their text in reading order, as paragraphs.
//!
//! This module owns turning a PDF into blocks of text. `pdf-extract` (on `lopdf`) reports every
//! glyph with its position; from those this module rebuilds lines, puts two-column pages in
//! reading order, drops running headers, footers and page numbers, rejoins paragraphs across line,
//! column and page breaks (undoing hyphenation at line ends) and marks larger type as headings.
//! A PDF without a text layer (a scan) is refused with a message that says so.
//!
//! Third-party PDF parsers panic, loop or recurse without end on odd files, so [`read_pdf`] runs
//! the parser isolated and bounded ([`MAX_PDF_BYTES`], [`TIME_LIMIT`]): in a child process of the
//! `parallax` binary when [`use_worker_process`] was called (the binary does), else on a worker
//! thread with a large stack that catches panics.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::document::{Block, DocumentText};

/// The largest PDF read, in bytes (50 MiB).
pub const MAX_PDF_BYTES: u64 = 50 << 20;
/// How long extracting the text of one PDF may take.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);
/// The argument that makes the `parallax` binary a PDF worker (see [`run_worker`]).
pub const WORKER_ARGUMENT: &str = "__pdf-text-worker";
/// The address space a worker process may use (4 GiB), on Linux.
const WORKER_MEMORY_BYTES: u64 = 4 << 30;

/// Why the text of a PDF could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The file is larger than [`MAX_PDF_BYTES`].
    #[error("the PDF is too large ({} MiB; the limit is {} MiB)", size >> 20, MAX_PDF_BYTES >> 20)]
    TooLarge {
        /// Its size in bytes.
        size: u64,
    },
    /// The PDF has no text, only images (a scan).
    #[error("no text layer: this PDF is an image (scanned pages need OCR first)")]
    NoTextLayer,
    /// The PDF is protected by a password.
    #[error("the PDF is encrypted and needs a password")]
    Encrypted,
    /// The parser refused the file.
    #[error("not a readable PDF ({reason})")]
    Damaged {
        /// What the parser said.
        reason: String,
    },
    /// The parser crashed on the file.
    #[error("the PDF reader failed on this file ({reason})")]
    Crashed {
        /// The panic message or how the worker ended.
        reason: String,
    },
    /// Extraction took longer than [`TIME_LIMIT`].
    #[error("reading the PDF took longer than {} seconds", TIME_LIMIT.as_secs())]
    TooSlow,
    /// The worker process could not be run.
    #[error("could not start the PDF reader ({source})")]
    Worker {
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
}

static WORKER_EXECUTABLE: OnceLock<PathBuf> = OnceLock::new();

/// Makes [`read_pdf`] run the parser in a child process: `executable` run with
/// [`WORKER_ARGUMENT`] must call [`run_worker`]. The `parallax` binary registers itself.
pub fn use_worker_process(executable: PathBuf) {
    let _ = WORKER_EXECUTABLE.set(executable);
}

/// The text and title of the PDF `bytes`, read isolated and within [`TIME_LIMIT`].
///
/// # Errors
/// A [`PdfError`] saying why the PDF has no text to compare.
pub fn read_pdf(bytes: &[u8]) -> Result<DocumentText, PdfError> {
    let size = bytes.len() as u64;
    if size > MAX_PDF_BYTES {
        return Err(PdfError::TooLarge { size });
    }
    match WORKER_EXECUTABLE.get() {
        Some(executable) => in_child_process(executable, bytes),
        None => in_worker_thread(bytes.to_vec()),
    }
}

/// Extracts on a thread with a large stack; a panic becomes [`PdfError::Crashed`]. A thread
/// that overruns [`TIME_LIMIT`] is left to finish on its own, its result dropped.
fn in_worker_thread(bytes: Vec<u8>) -> Result<DocumentText, PdfError> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("parallax-pdf".into())
        .stack_size(256 << 20)
        .spawn(move || {
            let result = std::panic::catch_unwind(|| extract(&bytes)).unwrap_or_else(|panic| {
                Err(PdfError::Crashed {
                    reason: panic_text(panic.as_ref()),
                })
            });
            let _ = sender.send(result);
        })
        .map_err(|source| PdfError::Worker { source })?;
    receiver
        .recv_timeout(TIME_LIMIT)
        .unwrap_or(Err(PdfError::TooSlow))
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_owned())
}

/// The worker's answer on its standard output: the text, or the error's message.
#[derive(serde::Serialize, serde::Deserialize)]
enum WorkerAnswer {
    Text { title: Option<String>, text: String },
    NoTextLayer,
    Encrypted,
    Damaged(String),
    Failed(String),
}

/// Runs `executable` as a worker on `bytes`, killing it after [`TIME_LIMIT`].
fn in_child_process(executable: &PathBuf, bytes: &[u8]) -> Result<DocumentText, PdfError> {
    let mut child = Command::new(executable)
        .arg(WORKER_ARGUMENT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|source| PdfError::Worker { source })?;
    let mut stdin = child.stdin.take();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(stdin) = stdin.as_mut() {
            // A worker that dies early closes the pipe; its exit status tells why.
            let _ = stdin.write_all(&input);
        }
    });
    let mut stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut answer = Vec::new();
        if let Some(stdout) = stdout.as_mut() {
            let _ = stdout.read_to_end(&mut answer);
        }
        answer
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > TIME_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PdfError::TooSlow);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(source) => return Err(PdfError::Worker { source }),
        }
    };
    let _ = writer.join();
    let answer = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(PdfError::Crashed {
            reason: format!("the reader process ended with {status}"),
        });
    }
    match serde_json::from_slice::<WorkerAnswer>(&answer) {
        Ok(WorkerAnswer::Text { title, text }) => Ok(DocumentText { title, text }),
        Ok(WorkerAnswer::NoTextLayer) => Err(PdfError::NoTextLayer),
        Ok(WorkerAnswer::Encrypted) => Err(PdfError::Encrypted),
        Ok(WorkerAnswer::Damaged(reason)) => Err(PdfError::Damaged { reason }),
        Ok(WorkerAnswer::Failed(reason)) => Err(PdfError::Crashed { reason }),
        Err(e) => Err(PdfError::Crashed {
            reason: format!("unreadable answer from the reader process: {e}"),
        }),
    }
}

/// The worker's side: reads a PDF from standard input, writes the answer to standard output.
/// A panic or stack overflow ends the process with a failure status, which the parent reports.
///
/// # Errors
/// When standard input or output fail.
pub fn run_worker() -> std::io::Result<()> {
    limit_memory();
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_PDF_BYTES + 1)
        .read_to_end(&mut bytes)?;
    let answer = match extract(&bytes) {
        Ok(document) => WorkerAnswer::Text {
            title: document.title,
            text: document.text,
        },
        Err(PdfError::NoTextLayer) => WorkerAnswer::NoTextLayer,
        Err(PdfError::Encrypted) => WorkerAnswer::Encrypted,
        Err(PdfError::Damaged { reason }) => WorkerAnswer::Damaged(reason),
        Err(other) => WorkerAnswer::Failed(other.to_string()),
    };
    let json = serde_json::to_vec(&answer).map_err(std::io::Error::other)?;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&json)?;
    stdout.flush()
}

/// Caps the worker's address space, so a runaway parser fails an allocation instead of
/// exhausting the machine's memory.
#[cfg(target_os = "linux")]
fn limit_memory() {
    let limit = libc::rlimit {
        rlim_cur: WORKER_MEMORY_BYTES,
        rlim_max: WORKER_MEMORY_BYTES,
    };
    // SAFETY: setrlimit reads the struct we pass by reference and changes only this process's
    // limits; failure leaves them as they were.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
}

#[cfg(not(target_os = "linux"))]
fn limit_memory() {}

/// Parses the PDF and lays out its text (not isolated: see [`read_pdf`]).
fn extract(bytes: &[u8]) -> Result<DocumentText, PdfError> {
    let mut document = pdf_extract::Document::load_mem(bytes).map_err(|e| PdfError::Damaged {
        reason: e.to_string(),
    })?;
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    let mut collector = GlyphCollector::default();
    pdf_extract::output_doc(&document, &mut collector).map_err(|e| PdfError::Damaged {
        reason: e.to_string(),
    })?;
    let mut text = layout::blocks(&collector.pages);
    if text.text.trim().is_empty() {
        return Err(PdfError::NoTextLayer);
    }
    text.set_title(info_title(&document));
    Ok(text)
}

/// The `Title` of the document information dictionary, unless it is empty or a file name.
fn info_title(document: &pdf_extract::Document) -> Option<String> {
    let info = document.trailer.get(b"Info").ok()?;
    let info = match info {
        pdf_extract::Object::Reference(id) => document.get_dictionary(*id).ok()?,
        pdf_extract::Object::Dictionary(d) => d,
        _ => return None,
    };
    let title = match info.get(b"Title").ok()? {
        pdf_extract::Object::String(bytes, _) => text_string(bytes),
        _ => return None,
    };
    let title = title.trim();
    let looks_like_a_file = [".doc", ".docx", ".odt", ".pdf", ".txt", ".html", ".htm"]
        .iter()
        .any(|ext| title.to_ascii_lowercase().ends_with(ext));
    (!title.is_empty() && !looks_like_a_file && !title.eq_ignore_ascii_case("untitled"))
        .then(|| title.to_owned())
}

/// A PDF text string: UTF-16BE with a byte order mark, UTF-8 with one, else PDFDocEncoding
/// (read as Latin-1, which it matches for letters).
fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(utf8).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

/// Collects the glyphs pdf-extract reports, page by page.
#[derive(Default)]
struct GlyphCollector {
    pages: Vec<layout::Page>,
}

impl pdf_extract::OutputDev for GlyphCollector {
    fn begin_page(
        &mut self,
        _page_number: u32,
        media_box: &pdf_extract::MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.pages.push(layout::Page {
            left: media_box.llx,
            bottom: media_box.lly,
            width: media_box.urx - media_box.llx,
            height: media_box.ury - media_box.lly,
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        let scale = trm.m21.hypot(trm.m22);
        let size = font_size * scale;
        if let Some(page) = self.pages.last_mut()
            && size.is_finite()
            && size > 0.0
        {
            page.glyphs.push(layout::Glyph {
                x: trm.m31,
                y: trm.m32,
                width: width * font_size * trm.m11.hypot(trm.m12),
                size,
                text: text.to_owned(),
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
}

pub mod layout {
    //! From positioned glyphs to blocks of text: lines, columns, running heads, paragraphs.

    use super::{Block, DocumentText};

    /// One glyph (or ligature) as drawn, in page space (points; y grows upwards).
    #[derive(Debug, Clone, PartialEq)]
    pub struct Glyph {
        /// Left end of the baseline.
        pub x: f64,
        /// The baseline's height.
        pub y: f64,
        /// The advance width.
        pub width: f64,
        /// The type size.
        pub size: f64,
        /// The characters it stands for.
        pub text: String,
    }

    /// A page's glyphs in drawing order, and its box.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct Page {
        /// The box's left edge.
        pub left: f64,
        /// The box's bottom edge.
        pub bottom: f64,
        /// The box's width.
        pub width: f64,
        /// The box's height.
        pub height: f64,
        /// The glyphs in the order they were drawn.
        pub glyphs: Vec<Glyph>,
    }

    /// A line of text on a page.
    #[derive(Debug, Clone, PartialEq)]
    struct Line {
        text: String,
        left: f64,
        right: f64,
        baseline: f64,
        size: f64,
    }

    /// The share of the page height at the top and bottom where running heads and page numbers
    /// are looked for.
    const MARGIN_SHARE: f64 = 0.1;

    /// The blocks of text of `pages`, in reading order.
    pub fn blocks(pages: &[Page]) -> DocumentText {
        let page_lines: Vec<Vec<Line>> = pages.iter().map(|p| reading_order(p, lines(p))).collect();
        let page_lines = without_running_heads(pages, page_lines);
        let body_size = body_size(&page_lines);
        let mut document = DocumentText::default();
        let mut paragraph = Paragraph::default();
        for (page, lines) in pages.iter().zip(&page_lines) {
            let mut previous: Option<&Line> = None;
            for line in lines {
                let is_heading = line.size > body_size * 1.15;
                let starts_new = match previous {
                    // A new page or column continues the paragraph unless it had ended.
                    None => paragraph.ended(),
                    Some(previous) if is_column_jump(previous, line, body_size) => {
                        paragraph.ended()
                    }
                    Some(previous) => breaks_paragraph(previous, line, page, body_size),
                };
                if is_heading != paragraph.is_heading || starts_new {
                    paragraph.flush(&mut document);
                }
                paragraph.is_heading = is_heading;
                paragraph.add(&line.text);
                previous = Some(line);
            }
        }
        paragraph.flush(&mut document);
        document
    }

    /// A paragraph being assembled from lines.
    #[derive(Default)]
    struct Paragraph {
        text: String,
        is_heading: bool,
    }

    impl Paragraph {
        /// Whether the text so far ends a sentence (so a page break likely ends the paragraph).
        fn ended(&self) -> bool {
            self.text
                .trim_end()
                .ends_with(['.', '!', '?', ':', '"', '”', '’', ')', '。'])
        }

        /// Adds a line: a hyphen at the end of the previous line joins a word split in two.
        fn add(&mut self, line: &str) {
            let line = line.trim();
            if self.text.is_empty() {
                self.text.push_str(line);
                return;
            }
            let next_is_lowercase = line.chars().next().is_some_and(char::is_lowercase);
            if let Some(stem) = self.text.strip_suffix('\u{ad}') {
                self.text.truncate(stem.len());
            } else if next_is_lowercase
                && let Some(stem) = self.text.strip_suffix(['-', '\u{2010}'])
                && stem.chars().last().is_some_and(char::is_alphabetic)
            {
                self.text.truncate(stem.len());
            } else {
                self.text.push(' ');
            }
            self.text.push_str(line);
        }

        fn flush(&mut self, document: &mut DocumentText) {
            let block = if self.is_heading {
                Block::Heading
            } else {
                Block::Paragraph
            };
            document.push(block, &self.text);
            self.text.clear();
        }
    }

    fn starts_with_bullet(text: &str) -> bool {
        text.starts_with(['•', '◦', '▪', '‣'])
    }

    /// Whether `line` starts the next column: it is higher on the page, or right of `previous`.
    fn is_column_jump(previous: &Line, line: &Line, body_size: f64) -> bool {
        line.baseline - previous.baseline > body_size || line.left > previous.right
    }

    /// Whether `line` starts a new paragraph after `previous` in the same column: a gap larger
    /// than the usual line spacing, a first-line indent, or a short line ending a sentence before.
    fn breaks_paragraph(previous: &Line, line: &Line, page: &Page, body_size: f64) -> bool {
        let gap = previous.baseline - line.baseline;
        let wide_gap = gap > body_size.max(line.size) * 1.75;
        let indented = line.left > previous.left + body_size * 0.8
            && line.left < previous.left + body_size * 6.0;
        let short_before = previous.right < line.right.max(previous.right) - page.width * 0.12
            && previous
                .text
                .trim_end()
                .ends_with(['.', '!', '?', ':', '"', '”']);
        wide_gap || indented || short_before || starts_with_bullet(&line.text)
    }

    /// Groups a page's glyphs (in drawing order) into lines.
    fn lines(page: &Page) -> Vec<Line> {
        let mut lines: Vec<Line> = Vec::new();
        for glyph in &page.glyphs {
            let joins = lines.last().is_some_and(|line| {
                (line.baseline - glyph.y).abs() < line.size.max(glyph.size) * 0.4
                    && glyph.x > line.left - glyph.size
                    && glyph.x < line.right + glyph.size * 4.0
            });
            if joins && let Some(line) = lines.last_mut() {
                let gap = glyph.x - line.right;
                if gap > glyph.size * 0.2 && !line.text.ends_with(' ') && glyph.text != " " {
                    line.text.push(' ');
                }
                line.text.push_str(&glyph.text);
                line.right = line.right.max(glyph.x + glyph.width);
                line.size = line.size.max(glyph.size);
            } else if !glyph.text.trim().is_empty() {
                lines.push(Line {
                    text: glyph.text.clone(),
                    left: glyph.x,
                    right: glyph.x + glyph.width,
                    baseline: glyph.y,
                    size: glyph.size,
                });
            }
        }
        lines.retain(|l| !l.text.trim().is_empty());
        lines
    }

    /// The lines of a page in reading order: top to bottom, and on a two-column stretch the left
    /// column before the right one. Lines that span the middle divide the page into stretches.
    fn reading_order(page: &Page, mut lines: Vec<Line>) -> Vec<Line> {
        lines.sort_by(|a, b| b.baseline.total_cmp(&a.baseline));
        let middle = page.left + page.width / 2.0;
        let mut ordered = Vec::with_capacity(lines.len());
        let mut stretch: Vec<Line> = Vec::new();
        for line in lines {
            let spans_middle = line.left < middle - 2.0 && line.right > middle + 2.0;
            if spans_middle {
                flush_stretch(&mut stretch, middle, &mut ordered);
                ordered.push(line);
            } else {
                stretch.push(line);
            }
        }
        flush_stretch(&mut stretch, middle, &mut ordered);
        ordered
    }

    /// Orders a stretch of lines none of which crosses the middle: as two columns when both
    /// sides have several lines, else top to bottom.
    fn flush_stretch(stretch: &mut Vec<Line>, middle: f64, ordered: &mut Vec<Line>) {
        let (left, right): (Vec<Line>, Vec<Line>) =
            stretch.drain(..).partition(|l| l.right <= middle + 2.0);
        if left.len() >= 3 && right.len() >= 3 {
            ordered.extend(left);
            ordered.extend(right);
        } else {
            let mut all: Vec<Line> = left.into_iter().chain(right).collect();
            all.sort_by(|a, b| b.baseline.total_cmp(&a.baseline));
            ordered.extend(all);
        }
    }

    /// Drops lines in the top and bottom margins that are page numbers or that repeat (digits
    /// aside) on at least half the pages (and two): running headers and footers.
    fn without_running_heads(pages: &[Page], page_lines: Vec<Vec<Line>>) -> Vec<Vec<Line>> {
        let in_margin = |page: &Page, line: &Line| {
            let from_bottom = line.baseline - page.bottom;
            from_bottom < page.height * MARGIN_SHARE
                || from_bottom > page.height * (1.0 - MARGIN_SHARE)
        };
        let mut counts: std::collections::HashMap<String, usize> = Default::default();
        for (page, lines) in pages.iter().zip(&page_lines) {
            let mut seen = std::collections::HashSet::new();
            for line in lines.iter().filter(|l| in_margin(page, l)) {
                if seen.insert(shape_of(line)) {
                    *counts.entry(shape_of(line)).or_default() += 1;
                }
            }
        }
        let repeated = |line: &Line| {
            pages.len() >= 2
                && counts
                    .get(&shape_of(line))
                    .is_some_and(|&n| n >= 2 && n * 2 >= pages.len())
        };
        pages
            .iter()
            .zip(page_lines)
            .map(|(page, lines)| {
                lines
                    .into_iter()
                    .filter(|l| !(in_margin(page, l) && (is_page_number(&l.text) || repeated(l))))
                    .collect()
            })
            .collect()
    }

    /// The line's text with its digits replaced, so "Page 3" and "Page 4" have one shape, and
    /// its type size (a headline that repeats the running head's words is not one).
    fn shape_of(line: &Line) -> String {
        let words: Vec<String> = line
            .text
            .split_whitespace()
            .map(|w| {
                w.chars()
                    .map(|c| if c.is_ascii_digit() { '#' } else { c })
                    .collect()
            })
            .collect();
        format!("{} @{}", words.join(" "), line.size.round())
    }

    /// "7", "- 7 -", "Page 7", "7 of 12", "7/12".
    fn is_page_number(text: &str) -> bool {
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == '/' || c == '-' || c == '–')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let has_digit = words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()));
        has_digit
            && words.len() <= 4
            && words.iter().all(|w| {
                w.chars().all(|c| c.is_ascii_digit())
                    || ["page", "p.", "of", "pg"].contains(&w.as_str())
            })
    }

    /// The type size most of the text is set in.
    fn body_size(page_lines: &[Vec<Line>]) -> f64 {
        let mut by_size: std::collections::HashMap<i64, usize> = Default::default();
        for line in page_lines.iter().flatten() {
            *by_size.entry((line.size * 2.0).round() as i64).or_default() += line.text.len();
        }
        by_size
            .into_iter()
            .max_by_key(|&(size, count)| (count, -size))
            .map_or(10.0, |(size, _)| size as f64 / 2.0)
    }
}

#[cfg(test)]
mod tests {
    use super::layout::{Glyph, Page, blocks};
    use super::*;

    /// A line of text drawn glyph by glyph (5 points a character, size 10).
    fn line(x: f64, y: f64, text: &str, size: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .filter(|(_, c)| *c != ' ')
            .map(|(i, c)| Glyph {
                x: x + i as f64 * size * 0.5,
                y,
                width: size * 0.5,
                size,
                text: c.to_string(),
            })
            .collect()
    }

    fn page(lines: &[Vec<Glyph>]) -> Page {
        Page {
            left: 0.0,
            bottom: 0.0,
            width: 600.0,
            height: 800.0,
            glyphs: lines.concat(),
        }
    }

    #[test]
    fn lines_join_into_paragraphs_and_hyphens_at_line_ends_go() {
        let first = page(&[
            line(50.0, 740.0, "Ferry news", 20.0),
            line(50.0, 700.0, "The night ferry sailed again on Tues-", 10.0),
            line(50.0, 688.0, "day after eleven weeks of well-", 10.0),
            line(50.0, 676.0, "Known repairs to the landing", 10.0),
            line(50.0, 40.0, "Page 1", 8.0),
        ]);
        let second = page(&[
            line(50.0, 740.0, "stage. Fares rose.", 10.0),
            line(70.0, 728.0, "A second paragraph starts indented.", 10.0),
            line(50.0, 40.0, "Page 2", 8.0),
        ]);
        let document = blocks(&[first, second]);
        assert_eq!(
            document.text,
            "Ferry news\n\nThe night ferry sailed again on Tuesday after eleven weeks of well- \
             Known repairs to the landing stage. Fares rose.\n\nA second paragraph starts indented."
        );
        assert_eq!(document.title.as_deref(), Some("Ferry news"));
    }

    #[test]
    fn two_columns_read_left_then_right_and_running_heads_go() {
        let make = |n: usize| {
            let mut lines = vec![line(50.0, 780.0, "THE VALLEY GAZETTE", 8.0)];
            for row in 0..4 {
                let y = 700.0 - row as f64 * 12.0;
                lines.push(line(50.0, y, &format!("left {n} line {row}"), 10.0));
                lines.push(line(320.0, y, &format!("right {n} line {row}"), 10.0));
            }
            lines.push(line(290.0, 30.0, &format!("- {n} -"), 8.0));
            page(&lines)
        };
        let document = blocks(&[make(1), make(2)]);
        assert_eq!(
            document.text,
            "left 1 line 0 left 1 line 1 left 1 line 2 left 1 line 3 right 1 line 0 right 1 line 1 \
             right 1 line 2 right 1 line 3 left 2 line 0 left 2 line 1 left 2 line 2 left 2 line \
             3 right 2 line 0 right 2 line 1 right 2 line 2 right 2 line 3"
        );
    }

    #[test]
    fn a_pdf_without_glyphs_has_no_text_layer() {
        let error = in_worker_thread(b"%PDF-1.4\n%%EOF".to_vec()).unwrap_err();
        assert!(matches!(error, PdfError::Damaged { .. }), "{error}");
        assert_eq!(
            PdfError::NoTextLayer.to_string(),
            "no text layer: this PDF is an image (scanned pages need OCR first)"
        );
        let large = read_pdf(&vec![0; (MAX_PDF_BYTES + 1) as usize]).unwrap_err();
        assert_eq!(
            large.to_string(),
            "the PDF is too large (50 MiB; the limit is 50 MiB)"
        );
    }

    #[test]
    fn text_strings_decode() {
        assert_eq!(text_string(b"\xfe\xff\x00F\x00\xe9"), "Fé");
        assert_eq!(text_string(b"caf\xe9"), "café");
        assert_eq!(text_string(b"\xef\xbb\xbfcaf\xc3\xa9"), "café");
    }
}
