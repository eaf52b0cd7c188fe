//! A bound on the attributes an HTML element may carry, applied to the page before any parser
//! sees it.
//!
//! html5ever's tokenizer checks each new attribute against all those already on its element, so
//! one element with a million attributes costs it 10^12 steps. This pass finds the tags of the
//! page with a lexer that follows the tokenizer's rules for tags, attributes, comments and raw
//! text, and drops the attributes beyond [`MAX_ATTRIBUTES_PER_ELEMENT`] from each tag. Where it
//! cannot be sure how the parser will read a stretch (raw text once the page has entered SVG or
//! MathML, whose `<style>` and `<title>` are ordinary elements), it reads it as markup: at worst
//! it trims something that was text inside a script or a comment, never misses a tag.
//!
//! The `<html>` and `<body>` tags are bounded together as well: a parser merges the attributes of
//! every repeated `<html>` (or `<body>`) tag into one element, checking each against the rest.

use std::borrow::Cow;
use std::ops::Range;

use memchr::{memchr, memmem};

/// Most attributes kept on one element (and on all `<html>`, all `<body>` tags together).
pub const MAX_ATTRIBUTES_PER_ELEMENT: usize = 128;

/// `html` with the attributes beyond the limit removed from each tag, and how many were removed.
pub fn limit_attributes(html: &str) -> (Cow<'_, str>, usize) {
    let cuts = attribute_overflow(html.as_bytes());
    if cuts.is_empty() {
        return (Cow::Borrowed(html), 0);
    }
    let mut kept = String::with_capacity(html.len());
    let mut removed = 0;
    let mut from = 0;
    for cut in cuts {
        kept.push_str(&html[from..cut.range.start]);
        from = cut.range.end;
        removed += cut.attributes;
    }
    kept.push_str(&html[from..]);
    (Cow::Owned(kept), removed)
}

/// Attributes to remove: a byte range of the page (always between ASCII delimiters, so on
/// character boundaries) and how many attributes it holds.
struct Cut {
    range: Range<usize>,
    attributes: usize,
}

/// The tag just read by [`read_tag`].
struct TagRead {
    /// Its name, as written.
    name: Range<usize>,
    /// Where its attributes start, in order.
    attributes: Vec<usize>,
    /// Where its attributes end (the `/` or `>` closing the tag, or the end of the page).
    attributes_end: usize,
    /// Just after the tag.
    end: usize,
}

/// The byte ranges of attributes beyond the limits, in page order.
fn attribute_overflow(page: &[u8]) -> Vec<Cut> {
    let mut cuts = Vec::new();
    let mut root_attributes = [0usize; 2];
    let mut foreign = false;
    let mut at = 0;
    while let Some(offset) = memchr(b'<', &page[at..]) {
        let open = at + offset;
        let after = open + 1;
        at = match page.get(after) {
            Some(b'!') if page[after + 1..].starts_with(b"--") => comment_end(page, after + 3),
            Some(b'!' | b'?') => bogus_comment_end(page, after + 1),
            Some(b'/') if page.get(after + 1).is_some_and(u8::is_ascii_alphabetic) => {
                let tag = read_tag(page, after + 1);
                cut_beyond(&tag, MAX_ATTRIBUTES_PER_ELEMENT, &mut cuts);
                tag.end
            }
            Some(b'/') => bogus_comment_end(page, after + 1),
            Some(c) if c.is_ascii_alphabetic() => {
                let tag = read_tag(page, after);
                let name = &page[tag.name.clone()];
                let allowed = match root_index(name) {
                    Some(root) => {
                        let allowed =
                            MAX_ATTRIBUTES_PER_ELEMENT.saturating_sub(root_attributes[root]);
                        root_attributes[root] += tag.attributes.len().min(allowed);
                        allowed
                    }
                    None => MAX_ATTRIBUTES_PER_ELEMENT,
                };
                cut_beyond(&tag, allowed, &mut cuts);
                foreign |= name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math");
                match raw_text_end(page, tag.end, name, foreign) {
                    Some(end) => end,
                    None => tag.end,
                }
            }
            _ => after,
        };
    }
    cuts
}

/// 0 for `html`, 1 for `body`: the elements a parser merges repeated tags into.
fn root_index(name: &[u8]) -> Option<usize> {
    if name.eq_ignore_ascii_case(b"html") {
        Some(0)
    } else if name.eq_ignore_ascii_case(b"body") {
        Some(1)
    } else {
        None
    }
}

/// Records the attributes of `tag` beyond the first `allowed`.
fn cut_beyond(tag: &TagRead, allowed: usize, cuts: &mut Vec<Cut>) {
    if let Some(&start) = tag.attributes.get(allowed) {
        cuts.push(Cut {
            range: start..tag.attributes_end,
            attributes: tag.attributes.len() - allowed,
        });
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Reads the tag whose name starts at `start` (just after `<` or `</`), as the tokenizer does.
fn read_tag(page: &[u8], start: usize) -> TagRead {
    let mut at = start;
    while at < page.len() && !is_space(page[at]) && page[at] != b'/' && page[at] != b'>' {
        at += 1;
    }
    let name = start..at;
    let mut attributes = Vec::new();
    loop {
        while at < page.len() && (is_space(page[at]) || page[at] == b'/') {
            at += 1;
        }
        if at >= page.len() || page[at] == b'>' {
            break;
        }
        attributes.push(at);
        // The name (a leading `=` belongs to it), then an optional value.
        at += 1;
        while at < page.len() && !is_space(page[at]) && !matches!(page[at], b'/' | b'>' | b'=') {
            at += 1;
        }
        let mut value = at;
        while value < page.len() && is_space(page[value]) {
            value += 1;
        }
        if page.get(value) != Some(&b'=') {
            continue;
        }
        value += 1;
        while value < page.len() && is_space(page[value]) {
            value += 1;
        }
        at = match page.get(value) {
            Some(&quote @ (b'"' | b'\'')) => {
                memchr(quote, &page[value + 1..]).map_or(page.len(), |end| value + 1 + end + 1)
            }
            _ => {
                let mut end = value;
                while end < page.len() && !is_space(page[end]) && page[end] != b'>' {
                    end += 1;
                }
                end
            }
        };
    }
    // A `/` before the `>` is never where an attribute starts, so it stays with the tag.
    let attributes_end = if page.get(at.wrapping_sub(1)) == Some(&b'/') {
        at - 1
    } else {
        at
    };
    TagRead {
        name,
        attributes,
        attributes_end,
        end: (at + 1).min(page.len()),
    }
}

/// Just after the comment whose text starts at `start` (after `<!--`).
fn comment_end(page: &[u8], start: usize) -> usize {
    let rest = &page[start.min(page.len())..];
    if rest.starts_with(b">") {
        return start + 1;
    }
    if rest.starts_with(b"->") {
        return start + 2;
    }
    // The earlier of `-->` and `--!>`; the second is only looked for before the first, so that
    // a page of many comments is still read once.
    let close = memmem::find(rest, b"-->");
    let bang = memmem::find(&rest[..close.unwrap_or(rest.len())], b"--!>");
    match (bang, close) {
        (Some(bang), _) => start + bang + 4,
        (None, Some(close)) => start + close + 3,
        (None, None) => page.len(),
    }
}

/// Just after the `>` ending a bogus comment (`<!…>`, `<?…>`, `</ …>`) from `start`.
fn bogus_comment_end(page: &[u8], start: usize) -> usize {
    let start = start.min(page.len());
    memchr(b'>', &page[start..]).map_or(page.len(), |end| start + end + 1)
}

/// Where the raw text of element `name` ends, if the tokenizer reads its content as text: the
/// `</name` that closes it (or the end of the page). `None` for other elements, and for all of
/// them once the page has entered foreign content (see the module documentation). `<noscript>`
/// is markup to a parser without scripting, as the one Readability uses.
fn raw_text_end(page: &[u8], start: usize, name: &[u8], foreign: bool) -> Option<usize> {
    const RAW_TEXT: [&[u8]; 8] = [
        b"script",
        b"style",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"textarea",
        b"title",
    ];
    if foreign {
        return None;
    }
    if name.eq_ignore_ascii_case(b"plaintext") {
        return Some(page.len());
    }
    if !RAW_TEXT.iter().any(|raw| name.eq_ignore_ascii_case(raw)) {
        return None;
    }
    let mut at = start;
    while let Some(offset) = memchr(b'<', &page[at..]) {
        let open = at + offset;
        let name_start = open + 2;
        let name_end = name_start + name.len();
        if page.get(open + 1) == Some(&b'/')
            && page
                .get(name_start..name_end)
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name))
            && page
                .get(name_end)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return Some(open);
        }
        at = open + 1;
    }
    Some(page.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributes(count: usize) -> String {
        (0..count).map(|i| format!(" data-a{i}=\"v\"")).collect()
    }

    #[test]
    fn ordinary_pages_are_left_alone() {
        let html = "<!doctype html><html lang=en><body class=\"x y\"><p id=a title='t>x'>Text \
            <a href=/x rel=nofollow>link</a><br/><img src=a.png alt=\"\"></p>\
            <script>if (a < b && c > d) {}</script><!-- a < comment --></body></html>";
        let (kept, removed) = limit_attributes(html);
        assert_eq!(removed, 0);
        assert!(matches!(kept, Cow::Borrowed(_)));
    }

    #[test]
    fn attributes_beyond_the_limit_are_removed() {
        let extra = 1000;
        let html = format!(
            "<p>Before.</p><div{}>Inside.</div><p>After.</p>",
            attributes(MAX_ATTRIBUTES_PER_ELEMENT + extra)
        );
        let (kept, removed) = limit_attributes(&html);
        assert_eq!(removed, extra);
        assert_eq!(
            kept,
            format!(
                "<p>Before.</p><div{} >Inside.</div><p>After.</p>",
                attributes(MAX_ATTRIBUTES_PER_ELEMENT)
            )
        );
    }

    #[test]
    fn unquoted_valueless_and_end_tag_attributes_count() {
        let bare: String = (0..300).map(|i| format!(" a{i}")).collect();
        let slashed: String = (0..300).map(|i| format!("/b{i}")).collect();
        for html in [
            format!("<span{bare}/>x"),
            format!("<span{slashed}>x"),
            format!("x</span{bare}>"),
            format!("<span{bare}"),
        ] {
            let (kept, removed) = limit_attributes(&html);
            assert_eq!(removed, 300 - MAX_ATTRIBUTES_PER_ELEMENT, "{html:.40}");
            assert!(kept.len() < html.len() / 2);
        }
    }

    #[test]
    fn repeated_html_and_body_tags_share_one_limit() {
        let html: String = (0..1000)
            .map(|i| format!("<html a{i}><body b{i}>"))
            .collect();
        let (_, removed) = limit_attributes(&html);
        assert_eq!(removed, 2 * (1000 - MAX_ATTRIBUTES_PER_ELEMENT));
    }

    #[test]
    fn tags_hidden_from_a_lexer_but_not_from_a_parser_are_bounded() {
        let many = attributes(MAX_ATTRIBUTES_PER_ELEMENT + 1);
        for html in [
            // A comment ends at `--!>` as well as `-->`.
            format!("<!-- x --!><b{many}>"),
            // Raw text ends at its end tag, whatever its content looks like.
            format!("<script>var s = \"<!--\";</script ><b{many}>"),
            format!("<title>a<b c=\"</title><b{many}>\"></title>"),
            // In SVG, `<style>` holds markup.
            format!("<svg><style><b{many}></style></svg>"),
            // Without scripting, `<noscript>` holds markup.
            format!("<noscript><b{many}></noscript>"),
        ] {
            assert_eq!(limit_attributes(&html).1, 1, "{html:.60}");
        }
    }

    #[test]
    fn raw_text_is_not_read_as_tags() {
        let many = attributes(MAX_ATTRIBUTES_PER_ELEMENT + 1);
        let html = format!("<script>let t = '<b{many}>';</script>");
        assert_eq!(limit_attributes(&html).1, 0);
    }
}
