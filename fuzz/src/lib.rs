//! The checks behind the fuzz targets in `fuzz/fuzz_targets/`, shared with the regression test
//! `tests/fuzz_regressions.rs` (which includes this file as a module), so a saved crashing input
//! is replayed through exactly the checks that caught it.
//!
//! Each `check_*` function takes the fuzzer's raw bytes, turns them into an input for one part of
//! Parallax (loader, HTML extraction, segmenter, engine and reports), runs it and panics when a
//! documented guarantee does not hold. Only `parallax` and `serde_json` are used, both of which
//! the main crate's tests can use too.

use std::collections::BTreeSet;

use parallax::article::charset;
use parallax::article::document::DocumentText;
use parallax::article::html::extract;
use parallax::article::markdown;
use parallax::article::office::{read_docx_xml, read_odt_xml};
use parallax::article::pdf::layout::{self, Glyph, Page};
use parallax::article::segment::segment;
use parallax::article::{Article, Format, Sentence, collapse_whitespace, load_bytes};
use parallax::compare::normalize::{Comparable, is_invisible};
use parallax::compare::{Comparison, EditOp, LinkKind, Options, SentenceRef, Status, compare};
use parallax::report::{ReportFormat, render};

/// The names of the fuzz targets, which are also the folder names of the regression corpus.
pub const TARGETS: [&str; 7] = [
    "load",
    "html",
    "html_structure",
    "segment",
    "compare",
    "forms",
    "documents",
];

/// Most articles the engine target builds from one input.
const MAX_ARTICLES: usize = 4;

/// Byte that separates the articles of an engine input.
const ARTICLE_SEPARATOR: u8 = 0xff;

/// Runs the check of the target `target` on `data`.
///
/// # Panics
/// When a guarantee does not hold, or `target` is not one of [`TARGETS`].
pub fn check(target: &str, data: &[u8]) {
    match target {
        "load" => check_load(data),
        "html" => check_html(data),
        "html_structure" => check_html_structure(data),
        "segment" => check_segment(data),
        "compare" => check_compare(data),
        "forms" => check_forms(data),
        "documents" => check_documents(data),
        other => panic!("unknown fuzz target {other:?}"),
    }
}

/// The format chosen by a selector byte.
fn format_of(selector: u8) -> Format {
    match selector % 3 {
        0 => Format::Text,
        1 => Format::Markdown,
        _ => Format::Html,
    }
}

/// Loader: the first byte picks the file name (`.txt`, `.md`, `.html` or no extension, which is
/// sniffed), the rest is the file's content. Either an article with valid spans comes back or an
/// error whose message starts with the name.
pub fn check_load(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = ["fuzzed.txt", "fuzzed.md", "fuzzed.html", "fuzzed"][usize::from(selector % 4)];
    match load_bytes(name, bytes) {
        Ok(article) => {
            assert_eq!(article.source, name);
            assert!(!article.text.trim().is_empty(), "an article with no text");
            assert!(!article.label.trim().is_empty(), "an article with no label");
            if let Some(title) = &article.title {
                assert!(!title.trim().is_empty(), "a blank title");
            }
            check_spans(&article.text, &article.sentences);
        }
        Err(error) => {
            assert_eq!(error.path().to_str(), Some(name));
            let message = error.to_string();
            assert!(message.starts_with(&format!("{name}: ")), "{message}");
        }
    }
}

/// HTML extraction: never fails; the text is blocks of collapsed whitespace separated by blank
/// lines; title and site name, when found, are non-blank and collapsed.
pub fn check_html(data: &[u8]) {
    let page = String::from_utf8_lossy(data);
    let extracted = extract(&page);
    if !extracted.text.is_empty() {
        for block in extracted.text.split("\n\n") {
            assert!(!block.is_empty(), "an empty block in {:?}", extracted.text);
            assert_eq!(block, collapse_whitespace(block), "a block not collapsed");
        }
    }
    for field in [&extracted.title, &extracted.site_name]
        .into_iter()
        .flatten()
    {
        assert!(!field.is_empty(), "an empty title or site name");
        assert_eq!(
            *field,
            collapse_whitespace(field),
            "title or site not collapsed"
        );
    }
}

/// Elements the structure generator writes: those whose end tags a parser implies, tables,
/// inline and block elements, foreign content, raw text and the document's root elements.
const STRUCTURE_TAGS: [&str; 40] = [
    "li",
    "dd",
    "dt",
    "p",
    "div",
    "span",
    "b",
    "a",
    "i",
    "option",
    "optgroup",
    "select",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "caption",
    "ul",
    "ol",
    "dl",
    "h2",
    "h3",
    "svg",
    "math",
    "path",
    "foreignObject",
    "desc",
    "script",
    "style",
    "title",
    "noscript",
    "textarea",
    "font",
    "html",
    "body",
    "template",
    "button",
    "form",
    "plaintext",
];

/// Most bytes of page the structure generator writes: enough for nesting far beyond the depth
/// limit and elements with 60 times the attribute limit, small enough that Readability on such a
/// page stays within libFuzzer's `-timeout` in the instrumented build (a 180 kB page of 50,000
/// elements took 23 s there, 1 s in a release build).
const MAX_STRUCTURE_BYTES: usize = 128 << 10;

/// The page a structure program describes: the input is read two bytes at a time, an operation
/// and its argument, writing start and end tags (some with thousands of attributes, some
/// self-closing), text, comments, stray markup, and repetitions of what came before (so that a
/// short input can nest `<li><dd>` ten thousand deep). Arbitrary bytes rarely make such
/// structures; this generator makes them the common case.
pub fn structured_page(data: &[u8]) -> String {
    let mut fragments: Vec<String> = Vec::new();
    let mut size = 0;
    for pair in data.chunks_exact(2) {
        let (op, arg) = (pair[0], usize::from(pair[1]));
        let tag = STRUCTURE_TAGS[arg % STRUCTURE_TAGS.len()];
        let fragment = match op % 16 {
            0..=5 => format!("<{tag}>"),
            6 => {
                let attributes: String = (0..arg * 32).map(|i| format!(" a{i}=\"{i}\"")).collect();
                format!("<{tag}{attributes}>")
            }
            7 => format!("<{tag}/>"),
            8 | 9 => format!("</{tag}>"),
            10 => format!("word{arg} "),
            11 => ["<!-- c -->", "<!-- c --!>", "<!-->", "<!--->", "<!-- open"][arg % 5].to_owned(),
            12 => {
                let last = (arg % 4 + 1).min(fragments.len());
                let unit = fragments[fragments.len() - last..].concat();
                let times = (arg / 4 + 1) * 256;
                let times = times.min((MAX_STRUCTURE_BYTES - size) / unit.len().max(1));
                unit.repeat(times)
            }
            13 => format!("<{tag} x=\"{arg}>"),
            14 => format!("<html r{arg}><body r{arg}>"),
            _ => ["<", "</", "<!", "<?x>", "</ >", ">", "\"", "'", "&amp;"][arg % 9].to_owned(),
        };
        size += fragment.len();
        fragments.push(fragment);
        if size >= MAX_STRUCTURE_BYTES {
            break;
        }
    }
    fragments.concat()
}

/// HTML extraction on a generated page ([`structured_page`]): the guarantees of [`check_html`],
/// within libFuzzer's `-timeout` (the structural limits keep every page's cost linear).
pub fn check_html_structure(data: &[u8]) {
    check_html(structured_page(data).as_bytes());
}

/// Document readers (our own code after the ZIP and PDF parsers): the first byte picks the Word
/// or OpenDocument XML reader (the rest, lossily decoded, is the XML) or the PDF layout (the rest
/// is read as glyphs, 6 bytes each: page, x, y, size, width, character). The text is blocks of
/// collapsed whitespace separated by blank lines; a title is non-blank and collapsed.
pub fn check_documents(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let document = match selector % 3 {
        0 => read_docx_xml(&String::from_utf8_lossy(bytes)).ok(),
        1 => read_odt_xml(&String::from_utf8_lossy(bytes)).ok(),
        _ => Some(layout::blocks(&fuzzed_pages(bytes))),
    };
    if let Some(document) = document {
        check_document_text(&document);
    }
}

/// Up to four pages of glyphs drawn from `bytes`.
fn fuzzed_pages(bytes: &[u8]) -> Vec<Page> {
    let mut pages = vec![
        Page {
            width: 600.0,
            height: 800.0,
            ..Page::default()
        };
        4
    ];
    for chunk in bytes.chunks_exact(6) {
        let character = match chunk[5] {
            0..=25 => char::from(b'a' + chunk[5]),
            26..=51 => char::from(b'A' + chunk[5] - 26),
            52..=61 => char::from(b'0' + chunk[5] - 52),
            62 => ' ',
            63 => '-',
            64 => '.',
            65 => '\u{ad}',
            66 => '•',
            other => char::from_u32(0x400 + u32::from(other)).unwrap_or('x'),
        };
        pages[usize::from(chunk[0] % 4)].glyphs.push(Glyph {
            x: f64::from(chunk[1]) * 2.4,
            y: f64::from(chunk[2]) * 3.2,
            size: f64::from(chunk[3] % 40) + 1.0,
            width: f64::from(chunk[4] % 30),
            text: character.to_string(),
        });
    }
    pages
}

fn check_document_text(document: &DocumentText) {
    if !document.text.is_empty() {
        for block in document.text.split("\n\n") {
            assert!(!block.is_empty(), "an empty block in {:?}", document.text);
            assert_eq!(block, collapse_whitespace(block), "a block not collapsed");
        }
    }
    if let Some(title) = &document.title {
        assert!(!title.is_empty(), "an empty title");
        assert_eq!(*title, collapse_whitespace(title), "a title not collapsed");
    }
}

/// The readers of text forms, chosen by the first byte: 0, the charset prescan (a page's own
/// declaration, never UTF-16, and the page then decodes or is refused without panicking); 1, the
/// Markdown renderer (one block per line with blank lines between, trimmed, repeatable once
/// rendered text is parsed again as plain text); 2, the comparable form (NFC, no invisible
/// characters, and every range of it maps back to char boundaries of the original, in order).
pub fn check_forms(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    match selector % 3 {
        0 => {
            if let Some(encoding) = charset::declared(bytes) {
                assert!(
                    !encoding.name().starts_with("UTF-16"),
                    "a declared UTF-16 is read as UTF-8"
                );
            }
            let _ = parallax::article::decode::decode_html(bytes);
        }
        1 => {
            let rendered = markdown::render(&String::from_utf8_lossy(bytes));
            assert_eq!(rendered.trim(), rendered, "rendered text is not trimmed");
            assert!(
                !rendered.contains("\n\n\n"),
                "more than one blank line: {rendered:?}"
            );
            check_spans(&rendered, &segment(&rendered, Format::Markdown));
        }
        _ => check_comparable(&String::from_utf8_lossy(bytes)),
    }
}

/// Asserts the guarantees of [`Comparable`] for `text`.
fn check_comparable(text: &str) {
    let Some(comparable) = Comparable::of(text) else {
        assert!(!text.chars().any(is_invisible), "invisible characters kept");
        return;
    };
    assert!(
        !comparable.text.chars().any(is_invisible),
        "invisible characters kept"
    );
    let mut previous_start = 0;
    for (start, c) in comparable.text.char_indices() {
        let original = comparable.original(start..start + c.len_utf8());
        assert!(original.start >= previous_start, "ranges go back");
        assert!(
            text.get(original.clone()).is_some_and(|s| !s.is_empty()),
            "{original:?} is empty or off char boundaries of {text:?}"
        );
        previous_start = original.start;
    }
}

/// Segmenter: the first byte picks the format, the rest (as UTF-8, invalid bytes replaced) is the
/// text. The spans keep the guarantees `segment` documents, and segmenting is repeatable.
pub fn check_segment(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(bytes);
    let format = format_of(selector);
    let sentences = segment(&text, format);
    check_spans(&text, &sentences);
    assert_eq!(
        segment(&text, format),
        sentences,
        "segmenting is not repeatable"
    );
}

/// Asserts the guarantees of [`segment`]: spans non-empty, in order, not overlapping, on char
/// boundaries, trimmed, each with a letter or digit; paragraph numbers start at 0 and grow by at
/// most one from one unit to the next.
pub fn check_spans(text: &str, sentences: &[Sentence]) {
    let mut previous_end = 0;
    let mut previous_paragraph = None;
    for (i, s) in sentences.iter().enumerate() {
        assert!(s.start < s.end, "unit {i} is empty: {s:?}");
        assert!(s.start >= previous_end, "unit {i} overlaps the one before");
        let Some(unit) = text.get(s.range()) else {
            panic!("unit {i} ({s:?}) is outside the text or off char boundaries");
        };
        assert_eq!(unit.trim(), unit, "unit {i} is not trimmed");
        assert!(
            unit.chars().any(char::is_alphanumeric),
            "unit {i} has no letter or digit: {unit:?}"
        );
        match previous_paragraph {
            None => assert_eq!(s.paragraph, 0, "the first paragraph is not 0"),
            Some(p) => assert!(
                s.paragraph == p || s.paragraph == p + 1,
                "paragraph {} follows {p}",
                s.paragraph
            ),
        }
        previous_end = s.end;
        previous_paragraph = Some(s.paragraph);
    }
}

/// The articles an engine input stands for: the first byte gives their number (2 to 4) and the
/// second their formats; the rest is their texts separated by `0xff` bytes (never valid UTF-8).
/// Missing texts repeat earlier ones, so identical articles are common.
pub fn articles_from(data: &[u8]) -> Vec<Article> {
    let (count, formats, body) = match data {
        [count, formats, body @ ..] => {
            (2 + usize::from(*count) % (MAX_ARTICLES - 1), *formats, body)
        }
        _ => (2, 0, data),
    };
    let parts: Vec<&[u8]> = body.splitn(count, |&b| b == ARTICLE_SEPARATOR).collect();
    (0..count)
        .map(|i| {
            let text = String::from_utf8_lossy(parts[i % parts.len()]).into_owned();
            let format = format_of(formats >> (2 * i) & 3);
            let label = format!("<outlet {i}> & \"co\"");
            Article::from_text(label, format!("fuzz/{i}.txt"), text, format)
        })
        .collect()
}

/// Engine and reports: compares the articles of `data` (see [`articles_from`]), checks the
/// comparison's invariants, that comparing them in reverse order equals reordering the result,
/// and renders every report format.
pub fn check_compare(data: &[u8]) {
    let articles = articles_from(data);
    let comparison = compare(articles.clone(), &Options::default());
    check_comparison(&comparison);
    let order: Vec<usize> = (0..articles.len()).rev().collect();
    let reversed: Vec<Article> = order.iter().map(|&i| articles[i].clone()).collect();
    let direct = compare(reversed, &Options::default());
    assert_same(&direct, &comparison.permuted(&order));
    check_reports(&comparison);
}

/// Asserts that two comparisons are equal, naming the first field that differs.
fn assert_same(direct: &Comparison, reordered: &Comparison) {
    macro_rules! same {
        ($($field:ident),*) => {$(
            assert!(
                direct.$field == reordered.$field,
                "comparing in reverse order differs from reordering the comparison in `{}`:\n\
                 compared: {:?}\nreordered: {:?}",
                stringify!($field),
                direct.$field,
                reordered.$field
            );
        )*};
    }
    same!(
        articles,
        options,
        links,
        groups,
        sentences,
        substitutions,
        quote_changes,
        numbers,
        omissions,
        stats
    );
}

/// Asserts the invariants of a comparison: indices in range, links symmetric and recorded at both
/// ends, edits inside their sentences, groups and statuses consistent, shares between 0 and 1.
pub fn check_comparison(c: &Comparison) {
    let n = c.articles.len();
    assert_eq!(c.sentences.len(), n);
    for (article, info) in c.articles.iter().zip(&c.sentences) {
        assert_eq!(article.sentences.len(), info.len());
        check_spans(&article.text, &article.sentences);
    }
    let valid =
        |r: SentenceRef| r.article < n && r.sentence < c.articles[r.article].sentences.len();
    let mut previous = None;
    for (index, link) in c.links.iter().enumerate() {
        assert!(valid(link.a) && valid(link.b), "link {index} out of range");
        assert!(link.a.article < link.b.article, "link {index} is not a < b");
        assert!(
            previous < Some((link.a, link.b)),
            "links not sorted or repeated"
        );
        previous = Some((link.a, link.b));
        assert!(
            (0.0..=1.0).contains(&link.similarity),
            "similarity {}",
            link.similarity
        );
        assert!(c.info(link.a).links.contains(&index) && c.info(link.b).links.contains(&index));
        assert_eq!(c.info(link.a).group, c.info(link.b).group);
        assert!(c.info(link.a).group.is_some());
        check_edits(c, link.a, link.b, &link.edits);
    }
    for (a, infos) in c.sentences.iter().enumerate() {
        for (s, info) in infos.iter().enumerate() {
            let here = SentenceRef::new(a, s);
            assert_eq!(info.links.is_empty(), info.group.is_none(), "{here:?}");
            assert_eq!(
                info.links.is_empty(),
                info.status == Status::Unique,
                "{here:?}"
            );
            assert!(info.shared_by >= 1 && info.shared_by <= n, "{here:?}");
            assert!(
                info.links
                    .iter()
                    .all(|&l| c.links[l].a == here || c.links[l].b == here)
            );
            let identical = info
                .links
                .iter()
                .any(|&l| c.links[l].kind == LinkKind::Identical);
            assert_eq!(identical, info.status == Status::Identical, "{here:?}");
        }
    }
    for (g, group) in c.groups.iter().enumerate() {
        assert!(group.members.len() >= 2, "group {g} has one member");
        assert!(
            group.members.windows(2).all(|w| w[0] < w[1]),
            "group {g} unsorted"
        );
        let articles: BTreeSet<usize> = group.members.iter().map(|m| m.article).collect();
        assert_eq!(group.articles, articles.len(), "group {g}");
        for &member in &group.members {
            assert!(
                valid(member) && c.info(member).group == Some(g),
                "group {g}"
            );
        }
    }
    check_findings(c);
    check_stats(c);
}

/// Asserts that the edits of the link `a`–`b` lie inside the two sentences, in reading order on
/// both sides, with empty ranges exactly where the op says.
fn check_edits(c: &Comparison, a: SentenceRef, b: SentenceRef, edits: &[parallax::compare::Edit]) {
    let inside = |r: SentenceRef, (start, end): (usize, usize)| {
        let sentence = c.articles[r.article].sentences[r.sentence];
        let text = &c.articles[r.article].text;
        start <= end
            && sentence.start <= start
            && end <= sentence.end
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    let (mut end_a, mut end_b) = (0, 0);
    for edit in edits {
        assert!(
            inside(a, edit.a) && inside(b, edit.b),
            "edit {edit:?} outside {a:?}–{b:?}"
        );
        assert!(
            edit.a.0 >= end_a && edit.b.0 >= end_b,
            "edits out of order: {edits:?}"
        );
        (end_a, end_b) = (edit.a.1, edit.b.1);
        let (empty_a, empty_b) = (edit.a.0 == edit.a.1, edit.b.0 == edit.b.1);
        let expected = match edit.op {
            EditOp::Delete => (false, true),
            EditOp::Insert => (true, false),
            EditOp::Equal | EditOp::Replace => (false, false),
        };
        assert_eq!((empty_a, empty_b), expected, "{edit:?}");
    }
}

/// Asserts that every finding refers to existing articles, sentences and groups.
fn check_findings(c: &Comparison) {
    let n = c.articles.len();
    let valid =
        |r: SentenceRef| r.article < n && r.sentence < c.articles[r.article].sentences.len();
    // A directed finding runs from an original to its copy along a known edge of the tree;
    // an undirected one only differs, either way round.
    let along_known_edge = |original: usize, copy: usize| {
        c.lineage
            .iter()
            .any(|d| d.known && d.original == original && d.copy == copy)
    };
    for s in &c.substitutions {
        assert!(
            s.a != s.b && s.a < n && s.b < n,
            "substitution between {} and {}",
            s.a,
            s.b
        );
        assert!(!s.directed || along_known_edge(s.a, s.b), "{s:?}");
        assert!(s.count >= s.occurrences.len() && !s.occurrences.is_empty());
        for (x, y) in &s.occurrences {
            assert!(valid(*x) && valid(*y) && x.article == s.a && y.article == s.b);
        }
    }
    for q in &c.quote_changes {
        assert!(
            valid(q.a) && valid(q.b) && q.a.article != q.b.article,
            "{q:?}"
        );
        assert!(
            !q.directed || along_known_edge(q.a.article, q.b.article),
            "{q:?}"
        );
    }
    for fact in &c.numbers {
        for m in &fact.mentions {
            assert!(valid(SentenceRef::new(m.article, m.sentence)), "{m:?}");
        }
    }
    for o in &c.omissions {
        assert!(o.article < n && o.group < c.groups.len(), "{o:?}");
        assert!(
            o.present_in.iter().all(|&p| p < n && p != o.article),
            "{o:?}"
        );
    }
}

/// Asserts that shares are between 0 and 1 and the overlap matrix is N×N with a diagonal of 1.
fn check_stats(c: &Comparison) {
    let n = c.articles.len();
    let share = |x: f32| (0.0..=1.0).contains(&x);
    assert_eq!(c.stats.articles.len(), n);
    for s in &c.stats.articles {
        assert!(
            share(s.identical) && share(s.reworded) && share(s.unique),
            "{s:?}"
        );
    }
    assert_eq!(c.stats.overlap.len(), n);
    for (i, row) in c.stats.overlap.iter().enumerate() {
        assert_eq!(row.len(), n);
        assert!(row.iter().all(|&x| share(x)), "overlap row {i}: {row:?}");
        assert!(
            (row[i] - 1.0).abs() < f32::EPSILON,
            "overlap[{i}][{i}] = {}",
            row[i]
        );
    }
    for d in &c.stats.derivations {
        assert!(
            d.derived < n && d.source < n && d.derived != d.source,
            "{d:?}"
        );
    }
}

/// Renders every report format: JSON parses, HTML carries no script or remote load, Markdown has
/// no raw tags but its own `<del>`/`<ins>` marks.
pub fn check_reports(c: &Comparison) {
    let json = render(c, ReportFormat::Json);
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("the JSON report parses");
    let articles = parsed["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), c.articles.len());
    let html = render(c, ReportFormat::Html).to_ascii_lowercase();
    for forbidden in [
        "<script", "<img", "<iframe", "<link", "<base", "<object", "<embed",
    ] {
        assert!(
            !html.contains(forbidden),
            "the HTML report contains {forbidden}"
        );
    }
    assert_eq!(html.matches("<style").count(), 1, "one style block");
    check_markdown(&render(c, ReportFormat::Markdown));
    let _ = render(c, ReportFormat::Text);
}

/// Asserts that every `<` of a Markdown report is escaped or opens one of its own marks.
pub fn check_markdown(markdown: &str) {
    for (at, _) in markdown.match_indices('<') {
        let backslashes = markdown[..at]
            .bytes()
            .rev()
            .take_while(|&b| b == b'\\')
            .count();
        if backslashes % 2 == 1 {
            continue;
        }
        let rest = &markdown[at..];
        assert!(
            ["<del>", "</del>", "<ins>", "</ins>"]
                .iter()
                .any(|tag| rest.starts_with(tag)),
            "raw markup in the Markdown report: {:?}",
            &rest[..rest.len().min(40)]
        );
    }
}
