//! Pages from blocks of styled text: lines broken where Unicode allows (`unicode-linebreak`),
//! filled to the measured width of their shaped text, set top to bottom with a new page when
//! one is full; changed words underlined or struck as the HTML report marks them.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::TextDirection;
use unicode_bidi::ParagraphBidiInfo;
use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::PdfError;
use super::fonts::Fonts;

/// How a stretch of text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Body text.
    Plain,
    /// Secondary text (notes, shares).
    Muted,
    /// A copy's words its original lacks: underlined.
    Added,
    /// An original's words a copy cut: struck through.
    Removed,
    /// Words that differ where the direction is unknown: underlined in grey.
    Differs,
    /// The other version's words where the direction is unknown: grey, struck.
    Other,
}

/// Text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// How it is drawn.
    pub style: Style,
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's title.
    Title(String),
    /// A section heading.
    Heading(String),
    /// A paragraph, indented by `indent` steps.
    Paragraph {
        /// Its text.
        spans: Vec<Span>,
        /// Indentation steps (list nesting).
        indent: usize,
    },
}

/// Page sizes, in points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

const MARGIN: f32 = 56.0;
const BODY_SIZE: f32 = 10.0;
const HEADING_SIZE: f32 = 13.0;
const TITLE_SIZE: f32 = 17.0;
const LEADING: f32 = 1.4;
const PARAGRAPH_GAP: f32 = 5.0;
const INDENT: f32 = 14.0;

/// A line ready to draw: byte ranges of its paragraph's text, and where it goes.
/// Sets `blocks` on pages of `paper` and returns the PDF.
pub fn typeset(blocks: &[Block], paper: Paper, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    let (width, height) = paper.size();
    let settings = PageSettings::from_wh(width, height).ok_or(PdfError::Paper)?;
    let mut document = Document::new();
    let mut pages: Vec<Vec<Placed>> = Vec::new();
    let mut y = MARGIN;
    for block in blocks {
        let (spans, size, indent) = match block {
            Block::Title(text) => (vec![plain(text)], TITLE_SIZE, 0),
            Block::Heading(text) => (vec![plain(text)], HEADING_SIZE, 0),
            Block::Paragraph { spans, indent } => (spans.clone(), BODY_SIZE, *indent),
        };
        if matches!(block, Block::Heading(_)) {
            y += size * 0.6;
        }
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        let x = MARGIN + indent as f32 * INDENT;
        let lines = break_lines(&text, size, width - MARGIN - x, fonts);
        // The paragraph's directions are read once, for all its lines.
        let bidi = ParagraphBidiInfo::new(&text, None);
        let right_to_left = bidi.paragraph_level.is_rtl();
        let styled = styled_ranges(&spans);
        let line_height = size * LEADING;
        for range in lines {
            if y + line_height > height - MARGIN {
                pages.push(Vec::new());
                y = MARGIN;
            }
            if pages.is_empty() {
                pages.push(Vec::new());
            }
            if let Some(page) = pages.last_mut() {
                page.push(Placed {
                    pieces: visual_pieces(&text, &bidi, &styled, range),
                    x,
                    right: width - MARGIN,
                    right_to_left,
                    baseline: y + size,
                    size,
                });
            }
            y += line_height;
        }
        y += PARAGRAPH_GAP;
    }
    for page_lines in &pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for placed in page_lines {
            draw_line(&mut surface, placed, fonts);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(PdfError::Write)
}

fn plain(text: &str) -> Span {
    Span {
        text: text.to_owned(),
        style: Style::Plain,
    }
}

/// A line and what it needs to be drawn.
struct Placed {
    /// The line's text as drawn from left to right (see [`visual_pieces`]).
    pieces: Vec<Piece>,
    /// The left edge of the line.
    x: f32,
    /// The right edge of the text.
    right: f32,
    /// Whether the paragraph opens right to left (its lines are set flush right).
    right_to_left: bool,
    baseline: f32,
    size: f32,
}

/// `text` broken into lines no wider than `width`: at the last break opportunity that fits, or
/// (a word wider than the line) at the last character that fits.
fn break_lines(text: &str, size: f32, width: f32, fonts: &Fonts) -> Vec<std::ops::Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut fitting: Option<usize> = None;
    for (at, opportunity) in linebreaks(text) {
        let candidate = text[start..at].trim_end();
        if fonts.width(candidate, size) > width {
            match fitting {
                Some(end) => {
                    lines.push(start..end);
                    start = end;
                }
                None => {
                    let end = widest_prefix(text, start, at, size, width, fonts);
                    lines.push(start..end);
                    start = end;
                }
            }
            while fonts.width(text[start..at].trim_end(), size) > width {
                let end = widest_prefix(text, start, at, size, width, fonts);
                lines.push(start..end);
                start = end;
            }
        }
        if opportunity == BreakOpportunity::Mandatory {
            if start < at {
                lines.push(start..at);
            }
            start = at;
            fitting = None;
        } else {
            fitting = Some(at);
        }
    }
    if start < text.len() {
        lines.push(start..text.len());
    }
    lines
}

/// The end of the longest stretch of `text[start..end]` from `start` that fits in `width` (at
/// least one character).
fn widest_prefix(
    text: &str,
    start: usize,
    end: usize,
    size: f32,
    width: f32,
    fonts: &Fonts,
) -> usize {
    let mut last = start;
    for (i, ch) in text[start..end].char_indices() {
        let next = start + i + ch.len_utf8();
        if last > start && fonts.width(&text[start..next], size) > width {
            break;
        }
        last = next;
    }
    last
}

/// Draws one line in visual order (the Unicode bidirectional algorithm, so right-to-left text
/// reads from the right and a struck or underlined word stays where it stands in the sentence):
/// each direction run cut at style changes, each piece font run by font run, with its underline
/// or strike. A paragraph that opens right to left is set flush right.
fn draw_line(surface: &mut Surface<'_>, placed: &Placed, fonts: &Fonts) {
    let width: f32 = placed
        .pieces
        .iter()
        .map(|p| fonts.width(&p.text, placed.size))
        .sum();
    let mut x = if placed.right_to_left {
        (placed.right - width).max(placed.x)
    } else {
        placed.x
    };
    for piece in &placed.pieces {
        let text = piece.text.as_str();
        let direction = if piece.right_to_left {
            TextDirection::RightToLeft
        } else {
            TextDirection::LeftToRight
        };
        let mut runs = fonts.runs(text);
        if piece.right_to_left {
            runs.reverse();
        }
        let start_x = x;
        for run in runs {
            let run_text = &text[run.start..run.end];
            surface.set_fill(Some(fill(piece.style)));
            surface.draw_text(
                Point::from_xy(x, placed.baseline),
                fonts.pdf(run.font),
                placed.size,
                run_text,
                false,
                direction,
            );
            x += fonts.run_width(run_text, run.font, placed.size);
        }
        decorate(surface, piece.style, start_x, x, placed);
    }
}

/// A stretch of a line in one style and one direction.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    text: String,
    style: Style,
    right_to_left: bool,
}

/// Each span's byte range in the paragraph's text, with its style.
fn styled_ranges(spans: &[Span]) -> Vec<(std::ops::Range<usize>, Style)> {
    let mut offset = 0;
    spans
        .iter()
        .map(|span| {
            let range = offset..offset + span.text.len();
            offset = range.end;
            (range, span.style)
        })
        .collect()
}

/// The line `line` of a paragraph (`text`, its directions `bidi`, its spans' `styled` ranges),
/// trailing spaces aside, as pieces of one style and direction, in the order they are drawn
/// from left to right.
fn visual_pieces(
    text: &str,
    bidi: &ParagraphBidiInfo<'_>,
    styled: &[(std::ops::Range<usize>, Style)],
    line: std::ops::Range<usize>,
) -> Vec<Piece> {
    let start = line.start;
    let end = start + text[line].trim_end().len();
    if start >= end {
        return Vec::new();
    }
    let (levels, runs) = bidi.visual_runs(start..end);
    let mut pieces = Vec::new();
    for run in runs {
        let right_to_left = levels[run.start].is_rtl();
        let mut in_run: Vec<Piece> = styled
            .iter()
            .filter_map(|(range, style)| {
                let from = range.start.max(run.start);
                let to = range.end.min(run.end);
                (from < to).then(|| Piece {
                    text: text[from..to].to_owned(),
                    style: *style,
                    right_to_left,
                })
            })
            .collect();
        if right_to_left {
            in_run.reverse();
        }
        pieces.extend(in_run);
    }
    pieces
}

/// The underline or strike of a stretch.
fn decorate(surface: &mut Surface<'_>, style: Style, from: f32, to: f32, placed: &Placed) {
    let thickness = placed.size * 0.07;
    let y = match style {
        Style::Added | Style::Differs => placed.baseline + placed.size * 0.15,
        Style::Removed | Style::Other => placed.baseline - placed.size * 0.3,
        Style::Plain | Style::Muted => return,
    };
    let mut path = PathBuilder::new();
    if let Some(rect) = Rect::from_xywh(from, y, (to - from).max(0.1), thickness) {
        path.push_rect(rect);
    }
    if let Some(path) = path.finish() {
        surface.set_fill(Some(fill(style)));
        surface.draw_path(&path);
    }
}

/// The colour of a style (the HTML report's, for print).
fn fill(style: Style) -> Fill {
    let (r, g, b) = match style {
        Style::Plain => (0x1a, 0x1a, 0x1a),
        Style::Muted | Style::Other | Style::Differs => (0x5f, 0x5f, 0x5f),
        Style::Added => (0x00, 0x5a, 0x8c),
        Style::Removed => (0xa3, 0x33, 0x00),
    };
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        ..Fill::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_between_words_and_fit() {
        let fonts = Fonts::load().expect("fonts");
        let text = "The provincial treasury put the damage to the port at two hundred and forty \
                    million and said much of the harbour would be out of use for months.";
        let width = 120.0;
        let lines = break_lines(text, BODY_SIZE, width, &fonts);
        assert!(lines.len() > 3);
        for line in &lines {
            let shown = text[line.clone()].trim_end();
            assert!(fonts.width(shown, BODY_SIZE) <= width, "{shown:?}");
            assert!(
                line.start == 0 || text[..line.start].ends_with(' '),
                "{shown:?}"
            );
        }
        let joined: String = lines.iter().map(|l| &text[l.clone()]).collect();
        assert_eq!(joined, text);
    }

    fn placed(spans: &[(&str, Style)]) -> Placed {
        let spans: Vec<Span> = spans
            .iter()
            .map(|&(text, style)| Span {
                text: text.to_owned(),
                style,
            })
            .collect();
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        let bidi = ParagraphBidiInfo::new(&text, None);
        Placed {
            pieces: visual_pieces(&text, &bidi, &styled_ranges(&spans), 0..text.len()),
            x: MARGIN,
            right_to_left: bidi.paragraph_level.is_rtl(),
            right: 500.0,
            baseline: MARGIN,
            size: BODY_SIZE,
        }
    }

    #[test]
    fn right_to_left_text_is_drawn_from_the_right_with_its_marks_in_place() {
        // A copy's Arabic sentence whose last word the original lacks: reading from the right,
        // the struck word comes last, so it is drawn leftmost; the paragraph is set flush right.
        let line = placed(&[
            ("حريق كبير في الميناء ", Style::Plain),
            ("الكبير", Style::Removed),
        ]);
        assert!(line.right_to_left);
        let pieces = &line.pieces;
        let drawn: Vec<(&str, Style, bool)> = pieces
            .iter()
            .map(|p| (p.text.as_str(), p.style, p.right_to_left))
            .collect();
        assert_eq!(
            drawn,
            [
                ("الكبير", Style::Removed, true),
                ("حريق كبير في الميناء ", Style::Plain, true)
            ]
        );
        // Left-to-right text keeps its order, an Arabic word inside it drawn as its own run.
        let line = placed(&[
            ("The sign read ", Style::Plain),
            ("حريق كبير", Style::Added),
            (" in red.", Style::Plain),
        ]);
        assert!(!line.right_to_left);
        let drawn: Vec<(&str, bool)> = line
            .pieces
            .iter()
            .map(|p| (p.text.as_str(), p.right_to_left))
            .collect();
        assert_eq!(
            drawn,
            [
                ("The sign read ", false),
                ("حريق كبير", true),
                (" in red.", false)
            ]
        );
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_to_fit() {
        let fonts = Fonts::load().expect("fonts");
        let text = "x".repeat(200);
        let lines = break_lines(&text, BODY_SIZE, 100.0, &fonts);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| !l.is_empty()));
    }
}
