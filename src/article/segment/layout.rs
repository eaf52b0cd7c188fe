//! Layout: from raw text to paragraphs.
//!
//! Owns line splitting (LF, CRLF and lone CR), the markers at the start of a line (bullets,
//! numbered items, Markdown "#" headings and ">" quotes, separator rules such as "___"), and the
//! rule that decides whether a line break continues a paragraph or ends it. Blank lines always end
//! a paragraph. How other line breaks are read is the caller's choice ([`Breaks`]): every line
//! on its own (non-wrapped text and HTML), hard-wrapped text ([`super::wrap`] finds the width), or
//! Markdown's soft line breaks.

use crate::article::Format;

use super::chars::{ends_with_stop, has_alphanumeric};
use super::roles::is_byline;

/// Widths and word lengths are counted up to this many characters; longer lines are never
/// wrapped prose.
const MAX_COUNTED_CHARS: usize = 256;

/// Lines longer than this (in bytes) are never taken for a heading in capitals.
const MAX_CAPS_HEADING_BYTES: usize = 100;

/// One line of the text, without its line terminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Line {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset of its terminator (or of the end of the text).
    pub end: usize,
}

/// The lines of a text; "\n", "\r\n" and a lone "\r" all end a line.
pub(super) struct Lines<'a> {
    bytes: &'a [u8],
    position: usize,
    finished: bool,
}

/// Iterates over the lines of `text`.
pub(super) fn lines(text: &str) -> Lines<'_> {
    Lines {
        bytes: text.as_bytes(),
        position: 0,
        finished: false,
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        if self.finished {
            return None;
        }
        let rest = self.bytes.get(self.position..).unwrap_or_default();
        let start = self.position;
        match memchr::memchr2(b'\n', b'\r', rest) {
            Some(offset) => {
                let crlf = rest.get(offset..offset + 2) == Some(b"\r\n".as_slice());
                self.position = start + offset + if crlf { 2 } else { 1 };
                Some(Line {
                    start,
                    end: start + offset,
                })
            }
            None => {
                self.finished = true;
                Some(Line {
                    start,
                    end: self.bytes.len(),
                })
            }
        }
    }
}

/// What a line starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    /// Nothing special: running text.
    None,
    /// "•", "-", "*", "+" and other bullets.
    Bullet,
    /// "1." or "1)".
    Number,
    /// A Markdown "#" heading.
    Heading,
    /// Nothing but punctuation or symbols ("___", "* * *", "---"): ends a paragraph, is dropped.
    Separator,
}

/// A non-blank line as the layout sees it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shape {
    /// Byte offset of the text after the line's markers and spaces.
    pub body_start: usize,
    /// Byte offset of the end of that text, trailing spaces (and closing "#"s) excluded.
    pub body_end: usize,
    /// The line's marker.
    pub marker: Marker,
    /// How many Markdown ">" quote markers it starts with.
    pub quote_depth: usize,
    /// Characters from the start of the line to the end of its text (capped).
    pub width: usize,
    /// Characters in its first word (capped).
    pub first_word: usize,
    /// Whether its text ends with sentence punctuation or a colon.
    pub ends_with_stop: bool,
    /// Whether its text begins with a lowercase letter.
    pub starts_lowercase: bool,
    /// Whether it stands alone even inside a block of wrapped text: a short heading in capitals
    /// ("HARBOUR TENSIONS RISING") or a byline.
    pub stands_alone: bool,
}

/// Reads a line, or returns `None` when it is blank.
pub(super) fn shape(text: &str, line: Line, format: Format) -> Option<Shape> {
    let raw = text.get(line.start..line.end)?;
    let content = raw.trim();
    if content.is_empty() {
        return None;
    }
    let content_start = line.start + (raw.len() - raw.trim_start().len());
    let content_end = content_start + content.len();
    let (quote_depth, after_quotes) = if format == Format::Markdown {
        strip_quote_markers(content)
    } else {
        (0, content)
    };
    let (mut marker, body) = match format {
        Format::Markdown => atx_heading(after_quotes)
            .map(|body| (Marker::Heading, body))
            .or_else(|| list_item(after_quotes))
            .unwrap_or((Marker::None, after_quotes)),
        Format::Text | Format::Html | Format::Document => {
            list_item(after_quotes).unwrap_or((Marker::None, after_quotes))
        }
    };
    if !has_alphanumeric(body) {
        marker = Marker::Separator;
    }
    let after_quotes_start = content_end - after_quotes.len();
    let body_start = after_quotes_start + offset_in(after_quotes, body);
    let body_end = body_start + body.len();
    Some(Shape {
        body_start,
        body_end,
        marker,
        quote_depth,
        width: text
            .get(line.start..content_end)
            .map_or(0, |s| s.chars().take(MAX_COUNTED_CHARS).count()),
        first_word: content
            .chars()
            .take_while(|c| !c.is_whitespace())
            .take(MAX_COUNTED_CHARS)
            .count(),
        ends_with_stop: ends_with_stop(body),
        starts_lowercase: body.chars().next().is_some_and(char::is_lowercase),
        stands_alone: format != Format::Markdown && (is_caps_heading(body) || is_byline(body)),
    })
}

/// Byte offset of `inner` within `outer`, of which it is a subslice (both come from trimming and
/// stripping prefixes off `outer`).
fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// Strips Markdown ">" markers: how many there were and the rest of the line.
fn strip_quote_markers(mut content: &str) -> (usize, &str) {
    let mut depth = 0;
    while let Some(rest) = content.strip_prefix('>') {
        depth += 1;
        content = rest.trim_start();
    }
    (depth, content)
}

/// The text of a Markdown ATX heading ("## Title ##" gives "Title").
fn atx_heading(content: &str) -> Option<&str> {
    let text = content.trim_start_matches('#');
    let level = content.len() - text.len();
    if !(1..=6).contains(&level) || !(text.is_empty() || text.starts_with(char::is_whitespace)) {
        return None;
    }
    let text = text.trim();
    let unclosed = text.trim_end_matches('#');
    let text = if unclosed.is_empty() || unclosed.ends_with(char::is_whitespace) {
        unclosed.trim_end()
    } else {
        text
    };
    Some(text)
}

/// The marker and text of a list item ("• text", "- text", "* text", "1. text", "2) text").
fn list_item(content: &str) -> Option<(Marker, &str)> {
    let mut chars = content.chars();
    let first = chars.next()?;
    let after_first = chars.as_str();
    match first {
        '•' | '◦' | '▪' | '▫' | '●' | '■' | '‣' | '⁃' | '∙' => {
            Some((Marker::Bullet, after_first.trim_start()))
        }
        '-' | '*' | '+' if after_first.starts_with(char::is_whitespace) => {
            Some((Marker::Bullet, after_first.trim_start()))
        }
        _ => numbered_item(content).map(|text| (Marker::Number, text)),
    }
}

/// The text of a numbered item: one to three digits, "." or ")", whitespace.
fn numbered_item(content: &str) -> Option<&str> {
    let digits = content.len()
        - content
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let rest = content.get(digits..)?;
    let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
    rest.starts_with(char::is_whitespace)
        .then(|| rest.trim_start())
}

/// A short line of at least two words in capitals, without final punctuation.
fn is_caps_heading(body: &str) -> bool {
    body.len() <= MAX_CAPS_HEADING_BYTES
        && body.split_whitespace().nth(1).is_some()
        && !body.chars().any(char::is_lowercase)
        && body.chars().filter(|c| c.is_uppercase()).count() >= 6
        && !ends_with_stop(body)
}

/// How line breaks inside a block of non-blank lines are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Breaks {
    /// Every line break ends a paragraph (text copied from a browser, extracted HTML).
    EveryLine,
    /// Hard-wrapped text: a break after a full line (at about `width` characters) continues the
    /// paragraph.
    Wrapped {
        /// The estimated wrap width in characters.
        width: usize,
    },
    /// Markdown: a break continues the paragraph unless the next line starts a new block.
    Markdown,
}

/// What kind of block a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Running text (which may still turn out to be a headline, byline, caption…).
    Prose,
    /// A bullet or numbered item.
    ListItem,
    /// A Markdown "#" heading.
    Heading,
    /// A short line ending with a colon right above a list ("Key points:"): the list's title.
    ListTitle,
}

/// Most words a line above a list may have to be its title.
const MAX_LIST_TITLE_WORDS: usize = 5;

/// A paragraph: a byte span whose ends are trimmed and which holds no markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Paragraph {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset one past its last character.
    pub end: usize,
    /// What kind of block it is.
    pub kind: Kind,
    /// Whether it is one more line of the Markdown quotation before it (a ">" marker sits between
    /// them, so they are separate spans of the same paragraph).
    pub continues_previous: bool,
}

/// Calls `visit` for each paragraph of `text`, in order.
pub(super) fn for_each_paragraph(
    text: &str,
    format: Format,
    breaks: Breaks,
    mut visit: impl FnMut(Paragraph),
) {
    let mut open: Option<(Paragraph, Shape)> = None;
    for line in lines(text) {
        let Some(current) = shape(text, line, format).filter(|s| s.marker != Marker::Separator)
        else {
            if let Some((paragraph, _)) = open.take() {
                visit(paragraph);
            }
            continue;
        };
        if let Some((paragraph, last)) = open.as_mut()
            && continues_paragraph(last, &current, breaks)
        {
            paragraph.end = current.body_end;
            *last = current;
            continue;
        }
        let continues_previous = open
            .as_ref()
            .is_some_and(|(paragraph, last)| continues_quotation(paragraph, last, &current));
        if let Some((mut paragraph, _)) = open.take() {
            if is_list_title(text, &paragraph, &current) {
                paragraph.kind = Kind::ListTitle;
            }
            visit(paragraph);
        }
        let paragraph = Paragraph {
            start: current.body_start,
            end: current.body_end,
            kind: match current.marker {
                Marker::Bullet | Marker::Number => Kind::ListItem,
                Marker::Heading => Kind::Heading,
                Marker::None | Marker::Separator => Kind::Prose,
            },
            continues_previous,
        };
        open = Some((paragraph, current));
    }
    if let Some((paragraph, _)) = open {
        visit(paragraph);
    }
}

/// Whether the break between `last` and `current` (consecutive non-blank lines) continues the
/// paragraph. Only lines without markers continue one, so a paragraph's span never holds one.
fn continues_paragraph(last: &Shape, current: &Shape, breaks: Breaks) -> bool {
    if current.marker != Marker::None || last.marker == Marker::Heading {
        return false;
    }
    match breaks {
        Breaks::EveryLine => false,
        Breaks::Markdown => current.quote_depth == 0,
        Breaks::Wrapped { width } => {
            !last.stands_alone
                && !current.stands_alone
                && (is_full(last, current, width)
                    || (current.starts_lowercase && !last.ends_with_stop))
        }
    }
}

/// Whether `paragraph`, directly followed by the line `next`, is the title of the list `next`
/// opens: one short line of prose ending with a colon.
fn is_list_title(text: &str, paragraph: &Paragraph, next: &Shape) -> bool {
    let body = &text[paragraph.start..paragraph.end];
    matches!(next.marker, Marker::Bullet | Marker::Number)
        && paragraph.kind == Kind::Prose
        && !body.contains('\n')
        && body.ends_with(':')
        && body.split_whitespace().nth(MAX_LIST_TITLE_WORDS).is_none()
}

/// Whether `current` is the next line of the same Markdown quotation as `last`.
fn continues_quotation(paragraph: &Paragraph, last: &Shape, current: &Shape) -> bool {
    paragraph.kind == Kind::Prose
        && last.quote_depth > 0
        && current.quote_depth == last.quote_depth
        && current.marker == Marker::None
}

/// Whether `last` is full at `width`: the first word of `current` would not have fitted on it
/// (with a tenth of the width as slack for wrappers that balance their lines).
pub(super) fn is_full(last: &Shape, current: &Shape, width: usize) -> bool {
    last.width + 1 + current.first_word > width - width / 10
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_texts(text: &str) -> Vec<&str> {
        lines(text).map(|l| &text[l.start..l.end]).collect()
    }

    fn paragraphs(text: &str, format: Format, breaks: Breaks) -> Vec<(&str, Kind)> {
        let mut out = Vec::new();
        for_each_paragraph(text, format, breaks, |p| {
            out.push((&text[p.start..p.end], p.kind))
        });
        out
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        assert_eq!(line_texts("a\r\nb\rc\nd"), vec!["a", "b", "c", "d"]);
        assert_eq!(line_texts("a\n"), vec!["a", ""]);
        assert_eq!(line_texts(""), vec![""]);
        assert_eq!(line_texts("\r\r\n"), vec!["", "", ""]);
    }

    #[test]
    fn markers_are_recognised_per_format() {
        let text = "## Tax plan ##\n> - quoted item\n3) third\n-5 degrees\n* * *";
        let md: Vec<Marker> = lines(text)
            .filter_map(|l| shape(text, l, Format::Markdown))
            .map(|s| s.marker)
            .collect();
        assert_eq!(
            md,
            vec![
                Marker::Heading,
                Marker::Bullet,
                Marker::Number,
                Marker::None,
                Marker::Separator
            ]
        );
        let plain: Vec<Marker> = lines(text)
            .filter_map(|l| shape(text, l, Format::Text))
            .map(|s| s.marker)
            .collect();
        assert_eq!(plain[0], Marker::None);
    }

    #[test]
    fn markdown_heading_text_excludes_hashes() {
        assert_eq!(atx_heading("## Tax plan ##"), Some("Tax plan"));
        assert_eq!(atx_heading("# C#"), Some("C#"));
        assert_eq!(atx_heading("#hashtag"), None);
        assert_eq!(atx_heading("####### seven"), None);
    }

    #[test]
    fn wrapped_breaks_join_full_lines_only() {
        let text = "Short title\nThe council voted on the budget late on Tuesday after a\nlong debate. It passed.\n• First item";
        let got = paragraphs(text, Format::Text, Breaks::Wrapped { width: 58 });
        assert_eq!(
            got,
            vec![
                ("Short title", Kind::Prose),
                (
                    "The council voted on the budget late on Tuesday after a\nlong debate. It passed.",
                    Kind::Prose
                ),
                ("First item", Kind::ListItem),
            ]
        );
    }

    #[test]
    fn a_short_line_ending_with_a_colon_right_above_a_list_is_its_title() {
        let text = "The pier will close for repairs.\nWhat happens next:\n- Divers survey the piles\n\
            Residents were told on Monday that:\n\n- the ferry moves to the north landing";
        let got = paragraphs(text, Format::Text, Breaks::EveryLine);
        assert_eq!(
            got,
            vec![
                ("The pier will close for repairs.", Kind::Prose),
                ("What happens next:", Kind::ListTitle),
                ("Divers survey the piles", Kind::ListItem),
                ("Residents were told on Monday that:", Kind::Prose),
                ("the ferry moves to the north landing", Kind::ListItem),
            ]
        );
    }
}
