//! Text layout of one column: each paragraph of an article laid out once into a galley (with its
//! tints and word marks baked in), stacked vertically, with the screen rectangles of every
//! sentence kept for hit testing, outlines, ribbons and find highlights.
//!
//! Layout is the expensive part of a frame, so it happens only when the width, text size, theme,
//! filter or a paragraph's marks change; a paragraph whose marks did not change keeps its
//! geometry. Painting then draws only the paragraphs inside the viewport.
//!
//! A paragraph keeps its layout job and the geometry measured from its galley (size, sentence
//! and underline rectangles), not the galley: a galley holds a hundred bytes or more per
//! character, gigabytes for an article of tens of megabytes. Paragraphs are measured a budget of
//! [`MEASURE_BYTES_PER_FRAME`] at a time, those in view first, so that egui's galley cache (which
//! keeps a frame's galleys until the next frame ends) never holds more than a few budgets' worth;
//! until then a paragraph's geometry is estimated from its length.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Pos2, Rect, Stroke, Vec2, pos2, vec2};

use super::super::state::Filter;
use super::super::theme::color;
use crate::article::Role;
use crate::compare::marks::Piece;
use crate::compare::{Comparison, Status};
use crate::design::{Palette, spacing};

/// Paragraphs longer than this (in bytes of article text) are laid out in blocks of whole
/// sentences, so a frame paints and hit-tests only the blocks in view.
const MAX_BLOCK_BYTES: usize = 10_000;
/// Sentences longer than this (text without punctuation, a whole file on one line) show their
/// beginning and how much more there is: a galley of megabytes would stall every frame.
const MAX_SHOWN_SENTENCE_BYTES: usize = 20_000;

/// Text laid out per frame, at most (in bytes of layout-job text, across all columns; a paragraph
/// larger than this is still laid out whole).
pub const MEASURE_BYTES_PER_FRAME: usize = 512 * 1024;

/// Word-level marks of one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Marks {
    /// Byte ranges (article text) of words added or changed relative to the counterpart.
    pub added: Vec<(usize, usize)>,
    /// Words the counterpart has and this sentence lacks: shown struck through, or in brackets
    /// where the tone only differs.
    pub removed: Vec<RemovedWords>,
    /// How the marked words read against the counterpart.
    pub tone: Tone,
}

/// How a sentence's marked words read against its counterpart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Tone {
    /// The sentence is the counterpart's copy: its marked words are what it added or changed
    /// (a solid underline).
    #[default]
    Added,
    /// It is not known to be the copy (its original, or which came first is undetermined): the
    /// marked words only differ (a dashed underline, as the reports' dotted one).
    Differs,
}

/// Words of the counterpart shown struck through inside a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RemovedWords {
    /// The byte offset (article text) they are shown before.
    pub at: usize,
    /// The words, whitespace collapsed.
    pub words: String,
    /// Whether a space separates them from the text before them.
    pub space_before: bool,
    /// Whether a space separates them from the text after them.
    pub space_after: bool,
}

impl Marks {
    /// The marks of a sentence starting at byte `start` of its article, drawn as `pieces`, its
    /// marked words read in `tone`.
    pub fn from_pieces(start: usize, pieces: &[Piece<'_>], tone: Tone) -> Marks {
        let mut marks = Marks {
            tone,
            ..Marks::default()
        };
        let mut at = start;
        let mut gap = false;
        for piece in pieces {
            match *piece {
                Piece::Kept(text) => at += text.len(),
                Piece::Added(text) => {
                    marks.added.push((at, at + text.len()));
                    at += text.len();
                }
                Piece::Removed(text) => marks.removed.push(RemovedWords {
                    at,
                    words: crate::article::collapse_whitespace(text),
                    space_before: gap,
                    space_after: false,
                }),
                Piece::Gap => {
                    if let Some(last) = marks.removed.last_mut().filter(|r| r.at == at) {
                        last.space_after = true;
                    }
                }
            }
            gap = matches!(piece, Piece::Gap);
        }
        marks
    }
}

/// How the column's text is styled: anything that changes every paragraph's layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Text width available to paragraphs.
    pub width: f32,
    /// Body text size.
    pub text_size: f32,
    /// The theme's palette.
    pub palette: &'static Palette,
    /// Which statuses are emphasised.
    pub filter: Filter,
}

/// Where a piece of the original text sits in a galley.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    /// Byte offset in the article text.
    byte: usize,
    /// Char index in the galley.
    char: usize,
    /// Length in bytes.
    len: usize,
}

/// One paragraph (or block of a long one) and its geometry.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Top, relative to the column's content.
    pub y: f32,
    /// What is laid out: its galley is asked of egui's cache when it is painted.
    pub job: Arc<LayoutJob>,
    /// Its size: measured from its galley, or estimated until then.
    pub size: Vec2,
    /// Whether `size`, `rects` and `underlines` were measured (else they are estimates).
    measured: bool,
    /// The sentences it holds.
    pub sentences: Range<usize>,
    /// Per sentence: the chars of the job it covers.
    char_ranges: Vec<Range<usize>>,
    /// The chars of the job holding added (or differing) words, with how they read.
    added: Vec<(Range<usize>, Tone)>,
    /// Per sentence (in order): its rectangles, relative to the paragraph.
    rects: Vec<Vec<Rect>>,
    /// Per sentence: where its original text sits in the galley.
    segments: Vec<Vec<Segment>>,
    /// Rows of added words, relative to the paragraph (underlined when painted: egui's own
    /// underline sits on the row's edge, where the next row's tint would cover it).
    pub underlines: Vec<(Rect, Tone)>,
    /// The marks it was laid out with.
    marks: Vec<Marks>,
    /// Whether it continues the paragraph above (a long paragraph laid out in blocks).
    continued: bool,
}

/// A laid-out column.
#[derive(Debug, Clone)]
pub struct ColumnLayout {
    /// The style it was laid out with.
    pub style: Style,
    /// The paragraphs, top to bottom.
    pub paragraphs: Vec<Paragraph>,
    /// For each sentence, the paragraph holding it.
    paragraph_of: Vec<usize>,
    /// Total height of the content.
    pub height: f32,
}

/// What the layout needs to know about the article.
pub struct Source<'a> {
    /// The comparison.
    pub comparison: &'a Comparison,
    /// The article's index in it.
    pub article: usize,
}

impl ColumnLayout {
    /// The article's paragraphs with estimated geometry (see [`ColumnLayout::measure`]).
    pub fn build(source: &Source<'_>, style: Style, marks: &[Marks]) -> Self {
        let article = &source.comparison.articles[source.article];
        let mut paragraphs = Vec::new();
        let mut paragraph_of = vec![0; article.sentences.len()];
        let mut start = 0;
        while start < article.sentences.len() {
            let end = block_end(&article.sentences, start);
            for slot in &mut paragraph_of[start..end] {
                *slot = paragraphs.len();
            }
            let mut block = compose_paragraph(source, &style, start..end, &marks[start..end]);
            block.continued = start > 0
                && article.sentences[start - 1].paragraph == article.sentences[start].paragraph;
            paragraphs.push(block);
            start = end;
        }
        let mut layout = ColumnLayout {
            style,
            paragraphs,
            paragraph_of,
            height: 0.0,
        };
        layout.stack();
        layout
    }

    /// Composes again the paragraphs whose marks changed; they keep their geometry until they
    /// are measured again.
    pub fn update_marks(&mut self, source: &Source<'_>, marks: &[Marks]) {
        for paragraph in &mut self.paragraphs {
            let range = paragraph.sentences.clone();
            if paragraph.marks.as_slice() != &marks[range.clone()] {
                let mut composed =
                    compose_paragraph(source, &self.style, range.clone(), &marks[range]);
                composed.continued = paragraph.continued;
                composed.y = paragraph.y;
                if paragraph.measured {
                    composed.size = paragraph.size;
                    composed.rects = std::mem::take(&mut paragraph.rects);
                    composed.underlines = std::mem::take(&mut paragraph.underlines);
                }
                *paragraph = composed;
            }
        }
    }

    /// Whether every paragraph has been measured.
    pub fn is_measured(&self) -> bool {
        self.paragraphs.iter().all(|p| p.measured)
    }

    /// Lays out paragraphs not measured yet, those intersecting `view` (content coordinates)
    /// first, then from the top, until `budget` bytes of text are used up (at least one
    /// paragraph when any is left). Returns the bytes laid out.
    pub fn measure(
        &mut self,
        fonts: &mut dyn FnMut(LayoutJob) -> Arc<Galley>,
        view: Range<f32>,
        budget: usize,
    ) -> usize {
        let in_view: Vec<usize> = self.visible_indices(view).collect();
        let mut used = 0;
        for index in in_view.into_iter().chain(0..self.paragraphs.len()) {
            if used >= budget && used > 0 {
                break;
            }
            let paragraph = &mut self.paragraphs[index];
            if !paragraph.measured {
                used += paragraph.job.text.len().max(1);
                paragraph.measure(fonts);
            }
        }
        if used > 0 {
            self.stack();
        }
        used
    }

    /// Places paragraphs one below the other.
    fn stack(&mut self) {
        let mut y = 0.0;
        for (i, paragraph) in self.paragraphs.iter_mut().enumerate() {
            if i > 0 && !paragraph.continued {
                y += spacing::PARAGRAPH_GAP;
            }
            paragraph.y = y;
            y += paragraph.size.y;
        }
        self.height = y + spacing::PARAGRAPH_GAP;
    }

    /// The paragraph holding sentence `s`.
    fn paragraph_holding(&self, s: usize) -> Option<&Paragraph> {
        self.paragraph_of
            .get(s)
            .and_then(|&p| self.paragraphs.get(p))
    }

    /// The rectangles of sentence `s`, relative to the column's content.
    pub fn sentence_rects(&self, s: usize) -> Vec<Rect> {
        let Some(p) = self.paragraph_holding(s) else {
            return Vec::new();
        };
        let offset = vec2(0.0, p.y);
        p.rects[s - p.sentences.start]
            .iter()
            .map(|r| r.translate(offset))
            .collect()
    }

    /// The box around sentence `s`, relative to the column's content.
    pub fn sentence_bounds(&self, s: usize) -> Option<Rect> {
        self.sentence_rects(s).into_iter().reduce(|a, b| a.union(b))
    }

    /// Every sentence's vertical extent `(sentence, top, bottom)`, top to bottom.
    pub fn sentence_extents(&self) -> impl Iterator<Item = (usize, f32, f32)> + '_ {
        self.paragraphs.iter().flat_map(|p| {
            p.rects.iter().enumerate().filter_map(move |(k, rects)| {
                let top = rects.iter().map(|r| r.top()).reduce(f32::min)?;
                let bottom = rects.iter().map(|r| r.bottom()).reduce(f32::max)?;
                Some((p.sentences.start + k, p.y + top, p.y + bottom))
            })
        })
    }

    /// The sentence under `pos` (relative to the column's content).
    pub fn sentence_at(&self, pos: Pos2) -> Option<usize> {
        let index = self
            .paragraphs
            .partition_point(|p| p.y <= pos.y)
            .checked_sub(1)?;
        let p = &self.paragraphs[index];
        let local = pos - vec2(0.0, p.y);
        p.rects.iter().enumerate().find_map(|(i, rects)| {
            rects
                .iter()
                .any(|r| r.expand2(vec2(2.0, 1.0)).contains(local))
                .then_some(p.sentences.start + i)
        })
    }

    /// The paragraphs intersecting the vertical range `y` (content coordinates).
    pub fn visible(&self, y: Range<f32>) -> impl Iterator<Item = &Paragraph> {
        self.visible_indices(y).map(|i| &self.paragraphs[i])
    }

    /// The indices of the paragraphs intersecting the vertical range `y`.
    fn visible_indices(&self, y: Range<f32>) -> impl Iterator<Item = usize> + '_ {
        let first = self
            .paragraphs
            .partition_point(|p| p.y + p.size.y < y.start);
        (first..self.paragraphs.len()).take_while(move |&i| self.paragraphs[i].y <= y.end)
    }

    /// The rectangles of article bytes `range` inside sentence `s` (for find highlights); the
    /// paragraph is laid out by `fonts` (a cache hit when it was painted this frame).
    pub fn byte_range_rects(
        &self,
        fonts: &mut dyn FnMut(LayoutJob) -> Arc<Galley>,
        s: usize,
        range: Range<usize>,
    ) -> Vec<Rect> {
        let Some(p) = self.paragraph_holding(s) else {
            return Vec::new();
        };
        let segments = &p.segments[s - p.sentences.start];
        let (Some(start), Some(end)) = (
            char_of(segments, range.start, p),
            char_of(segments, range.end, p),
        ) else {
            return Vec::new();
        };
        let galley = fonts(LayoutJob::clone(&p.job));
        char_range_rects(&galley, start..end)
            .into_iter()
            .map(|r| r.translate(vec2(0.0, p.y)))
            .collect()
    }
}

impl Paragraph {
    /// Lays the paragraph out and keeps its geometry (not the galley).
    fn measure(&mut self, fonts: &mut dyn FnMut(LayoutJob) -> Arc<Galley>) {
        let galley = fonts(LayoutJob::clone(&self.job));
        self.size = galley.size();
        self.rects = self
            .char_ranges
            .iter()
            .map(|r| char_range_rects(&galley, r.clone()))
            .collect();
        self.underlines = self
            .added
            .iter()
            .flat_map(|(r, tone)| {
                char_range_rects(&galley, r.clone())
                    .into_iter()
                    .map(move |rect| (rect, *tone))
            })
            .collect();
        self.measured = true;
    }
}

/// Geometry guessed from the text's length until a paragraph is measured: rows of
/// `width` holding characters half the text size wide, each sentence covering the rows its chars
/// fall on.
fn estimate(
    style: &Style,
    char_ranges: &[Range<usize>],
    total_chars: usize,
) -> (Vec2, Vec<Vec<Rect>>) {
    let width = style.width.max(40.0);
    let row_height = style.text_size * 1.45;
    let per_row = (width / (style.text_size * 0.5)).max(1.0) as usize;
    let row_of = |char: usize| (char / per_row) as f32;
    let rects = char_ranges
        .iter()
        .map(|r| {
            let top = row_of(r.start) * row_height;
            let bottom = (row_of(r.end.saturating_sub(1).max(r.start)) + 1.0) * row_height;
            vec![Rect::from_min_max(pos2(0.0, top), pos2(width, bottom))]
        })
        .collect();
    let rows = total_chars.div_ceil(per_row).max(1) as f32;
    (vec2(width, rows * row_height), rects)
}

/// The galley char index of article byte `byte`, if it is inside one of `segments`.
fn char_of(segments: &[Segment], byte: usize, p: &Paragraph) -> Option<usize> {
    let segment = segments
        .iter()
        .find(|s| byte >= s.byte && byte <= s.byte + s.len)?;
    let text = &p.job.text;
    // The galley text holds the segment verbatim (whitespace folded to spaces, same length).
    let galley_byte = text
        .char_indices()
        .nth(segment.char)
        .map_or(text.len(), |(b, _)| b);
    let within = text.get(galley_byte..galley_byte + (byte - segment.byte))?;
    Some(segment.char + within.chars().count())
}

/// Where the block of sentences starting at `start` ends: at the end of its paragraph, or
/// earlier once it holds [`MAX_BLOCK_BYTES`] (always at least one sentence).
fn block_end(sentences: &[crate::article::Sentence], start: usize) -> usize {
    let paragraph = sentences[start].paragraph;
    let mut bytes = sentences[start].len();
    let mut end = start + 1;
    while let Some(next) = sentences.get(end)
        && next.paragraph == paragraph
        && bytes + next.len() <= MAX_BLOCK_BYTES
    {
        bytes += next.len();
        end += 1;
    }
    end
}

/// Composes sentences `range` of the article as one paragraph, its geometry estimated.
fn compose_paragraph(
    source: &Source<'_>,
    style: &Style,
    range: Range<usize>,
    marks: &[Marks],
) -> Paragraph {
    let c = source.comparison;
    let article = &c.articles[source.article];
    let mut builder = JobBuilder::new(style.width);
    let mut char_ranges = Vec::with_capacity(range.len());
    let mut segments = Vec::with_capacity(range.len());
    let mut added = Vec::new();
    for (k, s) in range.clone().enumerate() {
        let sentence = &article.sentences[s];
        let info = &c.sentences[source.article][s];
        let look = Look::of(
            style,
            sentence.role,
            info.status,
            info.shared_by,
            c.articles.len(),
        );
        if k > 0 {
            builder.push(" ", &look.plain());
        } else if sentence.role == Role::ListItem {
            builder.push("•  ", &look.plain());
        }
        let start_char = builder.chars;
        let shown = shown_part(&article.text, sentence.range());
        segments.push(push_sentence(
            &mut builder,
            &article.text,
            shown.clone(),
            &marks[k],
            &look,
            &mut added,
        ));
        let hidden = &article.text[shown.end..sentence.end];
        if !hidden.is_empty() {
            let note = format!(
                " … ({} more characters not shown)",
                grouped(hidden.chars().count())
            );
            builder.push(&note, &look.plain());
        }
        char_ranges.push(start_char..builder.chars);
    }
    let (size, rects) = estimate(style, &char_ranges, builder.chars);
    Paragraph {
        y: 0.0,
        job: Arc::new(builder.job),
        size,
        measured: false,
        sentences: range,
        char_ranges,
        added,
        rects,
        segments,
        marks: marks.to_vec(),
        underlines: Vec::new(),
        continued: false,
    }
}

/// The part of the sentence at `range` that is shown: all of it, or its first
/// [`MAX_SHOWN_SENTENCE_BYTES`] (cut at a character boundary).
fn shown_part(text: &str, range: Range<usize>) -> Range<usize> {
    let limit = range.start + MAX_SHOWN_SENTENCE_BYTES;
    if range.end <= limit {
        return range;
    }
    let cut = text.floor_char_boundary(limit);
    // At the last space before the limit, unless the text has none to speak of.
    let at_space = text[range.start..cut]
        .rfind(char::is_whitespace)
        .map(|i| range.start + i)
        .filter(|&i| i > range.start + MAX_SHOWN_SENTENCE_BYTES / 2);
    range.start..at_space.unwrap_or(cut)
}

/// `4700716` → "4,700,716".
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Appends one sentence: its text in pieces, with removed words inserted struck through (in
/// brackets and muted where nobody is known to have removed them). The char ranges of added
/// words go to `added` (they are underlined when painted). Returns where the sentence's original
/// text went.
fn push_sentence(
    builder: &mut JobBuilder,
    text: &str,
    range: Range<usize>,
    marks: &Marks,
    look: &Look,
    added: &mut Vec<(Range<usize>, Tone)>,
) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for &(a, b) in &marks.added {
        cuts.extend([
            a.clamp(range.start, range.end),
            b.clamp(range.start, range.end),
        ]);
    }
    for removed in &marks.removed {
        cuts.push(removed.at.clamp(range.start, range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut segments = Vec::new();
    for window in cuts.windows(2) {
        let (a, b) = (window[0], window[1]);
        push_removed_at(builder, marks, a, look);
        if b > a && text.is_char_boundary(a) && text.is_char_boundary(b) {
            let is_added = marks.added.iter().any(|&(x, y)| x <= a && b <= y);
            segments.push(Segment {
                byte: a,
                char: builder.chars,
                len: b - a,
            });
            let start = builder.chars;
            builder.push(&shown_text(&text[a..b]), &look.tinted());
            if is_added {
                added.push((start..builder.chars, marks.tone));
            }
        }
    }
    push_removed_at(builder, marks, range.end, look);
    segments
}

fn push_removed_at(builder: &mut JobBuilder, marks: &Marks, at: usize, look: &Look) {
    for removed in marks.removed.iter().filter(|r| r.at == at) {
        if removed.space_before {
            builder.push(" ", &look.tinted());
        }
        match marks.tone {
            Tone::Added => builder.push(&removed.words, &look.removed()),
            // Nobody is known to have cut them: the counterpart's words, in brackets.
            Tone::Differs => builder.push(&format!("[{}]", removed.words), &look.counterpart()),
        }
        if removed.space_after {
            builder.push(" ", &look.tinted());
        }
    }
}

/// The text of an article as the galley shows it, byte for byte as long: line breaks and tabs
/// become spaces, so wrapped text flows as a paragraph, and invisible characters (stray
/// controls, soft hyphens, zero-width and bidi controls) become carriage returns, one per byte,
/// which egui draws as nothing (a control would show as a box).
fn shown_text(s: &str) -> String {
    let mut shown = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => shown.push(' '),
            c if crate::compare::normalize::is_invisible(c) => {
                shown.extend(std::iter::repeat_n('\r', c.len_utf8()));
            }
            c => shown.push(c),
        }
    }
    shown
}

/// Builds a layout job while counting chars.
struct JobBuilder {
    job: LayoutJob,
    chars: usize,
}

impl JobBuilder {
    fn new(width: f32) -> Self {
        let mut job = LayoutJob::default();
        job.wrap.max_width = width.max(40.0);
        job.break_on_newline = false;
        JobBuilder { job, chars: 0 }
    }

    fn push(&mut self, text: &str, format: &TextFormat) {
        self.chars += text.chars().count();
        self.job.append(text, 0.0, format.clone());
    }
}

/// The formats of one sentence.
struct Look {
    base: TextFormat,
    tint: Color32,
    palette: &'static Palette,
}

impl Look {
    fn of(style: &Style, role: Role, status: Status, shared_by: usize, total: usize) -> Look {
        let p = style.palette;
        let emphasised = match style.filter {
            Filter::All => true,
            Filter::Shared => status == Status::Identical,
            Filter::Reworded => status == Status::Reworded,
            Filter::Unique => status == Status::Unique,
        };
        let (size, text_color) = match role {
            Role::Headline => (style.text_size * 1.4, color(p.text)),
            Role::Heading => (style.text_size * 1.15, color(p.text)),
            Role::Byline | Role::Dateline | Role::Caption => {
                (style.text_size * 0.9, color(p.muted))
            }
            Role::ListItem | Role::Body => (style.text_size, color(p.text)),
        };
        let tint = if emphasised {
            color(p.sentence_tint(status, shared_by, total))
        } else {
            Color32::TRANSPARENT
        };
        let base = TextFormat {
            font_id: FontId::proportional(size),
            // Filtered out: untinted and muted, still legible.
            color: if emphasised {
                text_color
            } else {
                color(p.muted)
            },
            italics: role == Role::Caption,
            line_height: Some(size * 1.45),
            ..TextFormat::default()
        };
        Look {
            base,
            tint,
            palette: p,
        }
    }

    /// Between sentences: no tint.
    fn plain(&self) -> TextFormat {
        self.base.clone()
    }

    fn tinted(&self) -> TextFormat {
        TextFormat {
            background: self.tint,
            ..self.base.clone()
        }
    }

    /// The words of a counterpart where which came first is undetermined: muted, in italics.
    fn counterpart(&self) -> TextFormat {
        TextFormat {
            color: color(self.palette.muted),
            italics: true,
            background: self.tint,
            ..self.base.clone()
        }
    }

    fn removed(&self) -> TextFormat {
        let deleted = color(self.palette.deleted);
        TextFormat {
            color: deleted,
            strikethrough: Stroke::new(1.2, deleted),
            background: self.tint,
            ..self.base.clone()
        }
    }
}

/// The rectangles (one per row) covering chars `range` of `galley`.
pub fn char_range_rects(galley: &Galley, range: Range<usize>) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = 0;
    for placed in &galley.rows {
        let glyphs = &placed.row.glyphs;
        let row_end = row_start + glyphs.len();
        let (from, to) = (range.start.max(row_start), range.end.min(row_end));
        if from < to {
            let x0 = glyphs[from - row_start].pos.x;
            let x1 = glyphs[to - 1 - row_start].max_x();
            let top = placed.pos.y;
            rects.push(Rect::from_min_max(
                pos2(placed.pos.x + x0, top),
                pos2(placed.pos.x + x1, top + placed.row.size.y),
            ));
        }
        row_start = row_end + usize::from(placed.ends_with_newline);
    }
    rects
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Sentence;

    fn sentence(start: usize, len: usize, paragraph: usize) -> Sentence {
        Sentence {
            start,
            end: start + len,
            paragraph,
            role: Role::Body,
        }
    }

    #[test]
    fn long_paragraphs_are_laid_out_in_blocks_of_whole_sentences() {
        let quarter = MAX_BLOCK_BYTES / 4;
        let sentences: Vec<Sentence> = (0..10)
            .map(|i| sentence(i * quarter, quarter, usize::from(i >= 8)))
            .collect();
        assert_eq!(block_end(&sentences, 0), 4, "a full block");
        assert_eq!(block_end(&sentences, 4), 8, "the rest of the paragraph");
        assert_eq!(block_end(&sentences, 8), 10, "the next paragraph");
        let huge = [sentence(0, 3 * MAX_BLOCK_BYTES, 0), sentence(0, 1, 0)];
        assert_eq!(
            block_end(&huge, 0),
            1,
            "one sentence even when it is larger"
        );
    }

    #[test]
    fn very_long_sentences_are_cut_at_a_space_before_the_limit() {
        let short = "A short sentence.";
        assert_eq!(shown_part(short, 0..short.len()), 0..short.len());
        let long = "word ".repeat(MAX_SHOWN_SENTENCE_BYTES);
        let shown = shown_part(&long, 0..long.len());
        assert!(shown.end <= MAX_SHOWN_SENTENCE_BYTES);
        assert!(shown.end > MAX_SHOWN_SENTENCE_BYTES - 5);
        assert!(long[shown.end..].starts_with(' '));
        let unbroken = "é".repeat(MAX_SHOWN_SENTENCE_BYTES);
        let shown = shown_part(&unbroken, 0..unbroken.len());
        assert_eq!(
            shown.end, MAX_SHOWN_SENTENCE_BYTES,
            "on a character boundary"
        );
    }

    #[test]
    fn words_nobody_is_known_to_have_cut_are_bracketed_not_struck() {
        let text = "The ferry will run again.";
        let marks = |tone| Marks {
            added: vec![(10, 14)],
            removed: vec![RemovedWords {
                at: 10,
                words: "is set to".to_owned(),
                space_before: false,
                space_after: true,
            }],
            tone,
        };
        let look = Look {
            base: TextFormat::default(),
            tint: Color32::TRANSPARENT,
            palette: &crate::design::DARK,
        };
        let laid_out = |tone| {
            let mut builder = JobBuilder::new(400.0);
            push_sentence(
                &mut builder,
                text,
                0..text.len(),
                &marks(tone),
                &look,
                &mut Vec::new(),
            );
            builder.job
        };
        let struck = |job: &LayoutJob| -> Vec<String> {
            job.sections
                .iter()
                .filter(|s| s.format.strikethrough.width > 0.0)
                .map(|s| job.text[s.byte_range.start.0..s.byte_range.end.0].to_owned())
                .collect()
        };
        let copy = laid_out(Tone::Added);
        assert_eq!(copy.text, "The ferry is set to will run again.");
        assert_eq!(struck(&copy), ["is set to"]);
        let undetermined = laid_out(Tone::Differs);
        assert_eq!(undetermined.text, "The ferry [is set to] will run again.");
        assert!(struck(&undetermined).is_empty());
    }

    #[test]
    fn invisible_characters_are_shown_as_nothing_of_the_same_length() {
        let text = "don\u{19}t\r\nco\u{ad}op \u{200b}x\u{0}";
        let shown = shown_text(text);
        assert_eq!(shown.len(), text.len());
        assert_eq!(shown, "don\rt  co\r\rop \r\r\rx\r");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(4_700_716), "4,700,716");
    }
}
