//! Main-text extraction from web pages.
//!
//! This module owns turning an HTML page into the article's plain text, one paragraph, heading or
//! list item per line with blank lines between them, plus the page's title and site name.
//!
//! The main text is found by `dom_smoothie` (a port of Mozilla's Readability). Its cleaned HTML is
//! then turned into lines by a streaming pass over html5ever's tokenizer, which is also how the
//! page is first surveyed: that pass reads `<title>` and the `<meta>` tags, measures how deeply
//! elements nest and how many there are, and keeps the `<body>` text without scripts, styles,
//! navigation, headers, footers and asides as the fallback for pages where Readability finds
//! nothing. Pages nested or sized beyond what Readability handles in reasonable time and stack
//! (its cost grows with depth times size, and it recurses) go straight to that fallback, and
//! Readability itself runs on a thread of its own with a large stack, so that no input crashes or
//! hangs the caller. Depth is counted as a parser nests elements, through the end tags it implies
//! (`<li><dd><li><dd>…` nests, `<li>…<li>…` does not). Before any of this, attributes beyond
//! [`MAX_ATTRIBUTES_PER_ELEMENT`] are dropped from each tag ([`attributes`]): html5ever's
//! tokenizer takes time growing with the square of an element's attribute count.
//!
//! Nothing is fetched or resolved against the network: no document URL is given to Readability
//! (a `<base href>` only makes it rewrite link attributes in its output HTML, of which only the
//! text is used), and neither `dom_smoothie`, `dom_query` nor html5ever does any network or file
//! access; images, frames and stylesheets are never loaded.

use std::cell::RefCell;

use dom_smoothie::{Config, Readability};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{LocalName, local_name};

use super::collapse_whitespace;

mod attributes;
pub use attributes::MAX_ATTRIBUTES_PER_ELEMENT;

/// Pages whose elements nest deeper than this skip Readability (see the module documentation).
pub const MAX_READABILITY_DEPTH: usize = 512;

/// Pages with more elements than this skip Readability (see the module documentation).
pub const MAX_READABILITY_ELEMENTS: usize = 200_000;

/// Pages whose elements have more ancestors than this in all skip Readability: its running
/// time grows with this sum (about a second at the limit, in a release build).
pub const MAX_READABILITY_DEPTH_SUM: usize = 10_000_000;

/// Pages whose elements carry more attributes than this in all skip Readability: it looks at
/// every attribute of every element several times (15 s for 8 million, in a release build).
pub const MAX_READABILITY_ATTRIBUTES: usize = 1_000_000;

/// The stack size of the thread Readability runs on.
const READABILITY_STACK_BYTES: usize = 64 << 20;

/// How far down the stack of open elements an end tag (or an implied one) looks for the element
/// it closes. Where the element is deeper, nothing is closed: the depth counted is then more
/// than a parser's, never less, and every tag costs a bounded time.
const END_TAG_SEARCH: usize = 64;

/// The main text of a web page and what its metadata says about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extracted {
    /// The article's title: Readability's, else `og:title`, else `<title>`.
    pub title: Option<String>,
    /// The publication's name: `og:site_name` (or JSON-LD publisher), else `application-name`.
    pub site_name: Option<String>,
    /// When the page says the article was published: Readability's reading of the metadata
    /// (`article:published_time`, JSON-LD `datePublished`), else the page's own
    /// `article:published_time`, else its first `<time datetime>`.
    pub published: Option<String>,
    /// The main text: each paragraph, heading and list item on a line of its own, whitespace
    /// inside it collapsed, blank lines between them. Empty when the page has no text.
    pub text: String,
}

/// Extracts the main text, title and site name of the page `html`.
///
/// Never fails: a page without text yields an empty [`Extracted::text`].
pub fn extract(html: &str) -> Extracted {
    let (html, removed) = attributes::limit_attributes(html);
    if removed > 0 {
        log::warn!(
            "{removed} attributes beyond {MAX_ATTRIBUTES_PER_ELEMENT} on one element were left out"
        );
    }
    let html = html.as_ref();
    let page = scan(html, Scope::Page);
    let readable = match too_complex_for_readability(&page) {
        Some(reason) => {
            log::warn!("{reason}; using the page's body text");
            None
        }
        None => readability(html),
    };
    let article_text = readable
        .as_ref()
        .map(|r| scan(&r.content, Scope::Article).text)
        .filter(|text| !text.is_empty());
    let text = article_text.unwrap_or_else(|| {
        log::debug!("no article text from Readability; using the page's body text");
        page.text
    });
    let (readable_title, readable_site, readable_published) = readable
        .map(|r| {
            (
                non_blank(&r.title),
                r.site_name.as_deref().and_then(non_blank),
                r.published_time.as_deref().and_then(non_blank),
            )
        })
        .unwrap_or_default();
    let published = readable_published.or(page.published);
    let site_name = readable_site.or(page.site_name);
    let title = readable_title
        .or(page.og_title)
        .or(page.title)
        .map(|title| without_site_suffix(title, site_name.as_deref()));
    Extracted {
        title,
        site_name,
        published,
        text,
    }
}

/// `title` without a trailing " | Site Name" (or " - ", " – ", " — ", " · ") naming `site`.
fn without_site_suffix(title: String, site: Option<&str>) -> String {
    let Some(site) = site else {
        return title;
    };
    let stripped = ["|", "-", "\u{2013}", "\u{2014}", "\u{b7}"]
        .iter()
        .find_map(|separator| {
            title
                .strip_suffix(site)?
                .trim_end()
                .strip_suffix(separator)
                .map(str::trim_end)
        })
        .filter(|rest| !rest.is_empty());
    match stripped {
        Some(rest) => rest.to_owned(),
        None => title,
    }
}

/// Why Readability would be too slow (or recurse too deeply) on the page `page`, if it would.
fn too_complex_for_readability(page: &Scan) -> Option<String> {
    if page.max_depth > MAX_READABILITY_DEPTH {
        Some(format!(
            "the page nests elements {} deep (the limit is {MAX_READABILITY_DEPTH})",
            page.max_depth
        ))
    } else if page.elements > MAX_READABILITY_ELEMENTS {
        Some(format!(
            "the page has {} elements (the limit is {MAX_READABILITY_ELEMENTS})",
            page.elements
        ))
    } else if page.attributes > MAX_READABILITY_ATTRIBUTES {
        Some(format!(
            "the page's elements have {} attributes in all (the limit is {MAX_READABILITY_ATTRIBUTES})",
            page.attributes
        ))
    } else if page.depth_sum > MAX_READABILITY_DEPTH_SUM {
        Some(format!(
            "the page's elements have {} ancestors in all (the limit is {MAX_READABILITY_DEPTH_SUM})",
            page.depth_sum
        ))
    } else {
        None
    }
}

/// What Readability found.
struct Readable {
    title: String,
    site_name: Option<String>,
    /// `article:published_time` or JSON-LD `datePublished`.
    published_time: Option<String>,
    /// The cleaned HTML of the article.
    content: String,
}

/// Runs Readability on a thread with a large stack; `None` when it finds nothing or fails.
fn readability(html: &str) -> Option<Readable> {
    let outcome = std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("readability".into())
            .stack_size(READABILITY_STACK_BYTES)
            .spawn_scoped(scope, || run_readability(html));
        match worker {
            Ok(handle) => handle.join().map_err(|_| "Readability panicked".to_owned()),
            Err(error) => Err(format!("could not start the Readability thread: {error}")),
        }
    });
    outcome.unwrap_or_else(|problem| {
        log::warn!("{problem}; using the page's body text");
        None
    })
}

/// Runs Readability on the current thread.
fn run_readability(html: &str) -> Option<Readable> {
    let config = Config {
        max_elements_to_parse: MAX_READABILITY_ELEMENTS,
        ..Config::default()
    };
    let parsed = Readability::new(html, None, Some(config)).and_then(|mut r| r.parse());
    match parsed {
        Ok(article) => Some(Readable {
            title: article.title,
            site_name: article.site_name,
            published_time: article.published_time,
            content: article.content.to_string(),
        }),
        Err(error) => {
            log::info!("Readability: {error}");
            None
        }
    }
}

/// The trimmed, whitespace-collapsed `text`, unless that is empty.
fn non_blank(text: &str) -> Option<String> {
    Some(collapse_whitespace(text)).filter(|t| !t.is_empty())
}

/// Which text a [`scan`] keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// A whole page: the body without page furniture (navigation, headers, footers, asides).
    Page,
    /// Readability's article: everything but non-text elements.
    Article,
}

/// What a streaming pass over a page found.
#[derive(Debug, Default)]
struct Scan {
    /// The text, one block per line, blank lines between blocks.
    text: String,
    /// The `<title>`.
    title: Option<String>,
    /// `<meta property="og:title">`.
    og_title: Option<String>,
    /// `og:site_name`, else `application-name`.
    site_name: Option<String>,
    /// `article:published_time`, else the first `<time datetime>`.
    published: Option<String>,
    /// How deeply elements nest, counted as a parser nests them: elements whose end tag may be
    /// left out (`<p>`, `<li>`, `<dd>`, `<option>`, table cells) are closed where a parser
    /// implies their end, and stay open where it would not (`<li><dd><li><dd>…` nests).
    max_depth: usize,
    /// The number of start tags.
    elements: usize,
    /// The number of attributes on them.
    attributes: usize,
    /// The sum over start tags of the depth they open at (see `max_depth`).
    depth_sum: usize,
}

/// Tokenizes `html` once, collecting its text and metadata (see [`Scan`]).
fn scan(html: &str, scope: Scope) -> Scan {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Scanner::new(scope), TokenizerOpts::default());
    // The sink never asks the tokenizer to stop for a script, so one feed consumes everything.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.state.into_inner().finish()
}

/// The token sink behind [`scan`].
struct Scanner {
    scope: Scope,
    state: RefCell<ScanState>,
}

/// The mutable state of a [`Scanner`].
#[derive(Debug, Default)]
struct ScanState {
    /// Open elements (see [`Scan::max_depth`]).
    open: Vec<LocalName>,
    /// How many of each element are in `open`: a search for an element that is not open ends
    /// at once, instead of walking the stack.
    open_counts: crate::compare::FastMap<LocalName, usize>,
    /// While inside a skipped element: the length of `open` before it was opened.
    skip_from: Option<usize>,
    /// Inside `<title>`.
    in_title: bool,
    /// Text of the block being read.
    block: String,
    /// Text of the `<title>`.
    title: String,
    og_title: Option<String>,
    og_site_name: Option<String>,
    application_name: Option<String>,
    published_meta: Option<String>,
    first_time: Option<String>,
    text: String,
    max_depth: usize,
    elements: usize,
    attributes: usize,
    depth_sum: usize,
}

impl Scanner {
    fn new(scope: Scope) -> Self {
        Scanner {
            scope,
            state: RefCell::new(ScanState::default()),
        }
    }
}

impl TokenSink for Scanner {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                return state.start_tag(&tag, self.scope);
            }
            Token::TagToken(tag) => state.end_tag(&tag.name),
            Token::CharacterTokens(text) => state.characters(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl ScanState {
    fn start_tag(&mut self, tag: &Tag, scope: Scope) -> TokenSinkResult<()> {
        self.elements += 1;
        self.attributes += tag.attrs.len();
        let name = &tag.name;
        if *name == local_name!("meta") {
            self.meta(tag);
        } else if *name == local_name!("time") && self.first_time.is_none() {
            self.first_time = tag
                .attrs
                .iter()
                .find(|a| a.name.local == local_name!("datetime"))
                .and_then(|a| non_blank(&a.value));
        } else if *name == local_name!("title") {
            // An SVG icon's <title> is skipped with its <svg>; only the document's title counts.
            self.in_title = self.skip_from.is_none();
        }
        if breaks_block(name) {
            self.end_block();
        } else if matches!(*name, local_name!("td") | local_name!("th")) {
            self.block.push(' ');
        }
        if is_table_part(name)
            && *name != local_name!("table")
            && !self.is_open(&local_name!("table"))
        {
            // Outside a table a parser ignores the tags of its parts.
            return raw_text_state(name);
        }
        let foreign_root = self.foreign_root();
        let breaks_out = breaks_out_of_foreign(tag);
        if let Some(root) = foreign_root.filter(|_| breaks_out) {
            self.pop_to(root);
        }
        // Whether the tag opens an SVG or MathML element, inside one and not breaking out.
        let foreign = foreign_root.is_some() && !breaks_out;
        self.close_implied_by(name);
        self.depth_sum = self.depth_sum.saturating_add(self.open.len());
        // Only SVG and MathML honour `/>`: an HTML `<span/>` stays open.
        let closed_at_once = tag.self_closing && foreign;
        if stays_open(name) && !closed_at_once {
            if self.skip_from.is_none() && (skipped(name, scope) || hidden(tag)) {
                self.skip_from = Some(self.open.len());
            }
            self.open.push(name.clone());
            *self.open_counts.entry(name.clone()).or_default() += 1;
            self.max_depth = self.max_depth.max(self.open.len());
        }
        // Inside SVG or MathML a `<script>`, `<style>` or `<title>` holds markup, as a parser
        // reads it there: read as raw text, its nesting would go uncounted (found by fuzzing).
        if foreign {
            return TokenSinkResult::Continue;
        }
        raw_text_state(name)
    }

    fn end_tag(&mut self, name: &LocalName) {
        if breaks_block(name) {
            self.end_block();
        }
        if *name == local_name!("title") {
            self.in_title = false;
        }
        let boundary: fn(&LocalName) -> bool = if is_table_part(name) {
            bounds_table_scope
        } else if is_special(name) {
            bounds_scope
        } else {
            // A parser closes a misnested inline element without closing the blocks opened
            // inside it (or ignores the end tag), so the search stops at any special element.
            is_special
        };
        if let Some(index) = self.find_open(std::slice::from_ref(name), boundary) {
            self.pop_to(index);
        }
    }

    /// Closes the elements a parser closes before opening `name` (implied end tags): a `<p>` is
    /// closed by a block, an `<li>` by the next `<li>`, a `<dd>` or `<dt>` by either, an
    /// `<option>` by the next `<option>` or `<optgroup>`, table rows and cells by the next ones.
    /// Where the rules are more involved than this, nothing is closed: the depth counted is then
    /// at least the parser's, never less.
    fn close_implied_by(&mut self, name: &LocalName) {
        if closes_paragraph(name) {
            self.close_in_scope(&[local_name!("p")], bounds_button_scope);
        }
        match *name {
            local_name!("li") => self.close_list_item(&[local_name!("li")]),
            local_name!("dd") | local_name!("dt") => {
                self.close_list_item(&[local_name!("dd"), local_name!("dt")])
            }
            local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
                if self.open.last().is_some_and(is_heading) =>
            {
                self.pop_to(self.open.len() - 1);
            }
            local_name!("option") | local_name!("optgroup")
                if self.open.last() == Some(&local_name!("option")) =>
            {
                self.pop_to(self.open.len() - 1);
            }
            local_name!("tr") => self.close_in_scope(&[local_name!("tr")], bounds_table_scope),
            local_name!("td") | local_name!("th") => {
                self.close_in_scope(&[local_name!("td"), local_name!("th")], bounds_table_scope)
            }
            local_name!("tbody") | local_name!("thead") | local_name!("tfoot") => self
                .close_in_scope(
                    &[
                        local_name!("tbody"),
                        local_name!("thead"),
                        local_name!("tfoot"),
                    ],
                    bounds_table_scope,
                ),
            _ => {}
        }
    }

    /// Closes the nearest open element that is `wanted` (and all above it), unless an element
    /// that `bounds` the scope comes first.
    fn close_in_scope(&mut self, wanted: &[LocalName], bounds: fn(&LocalName) -> bool) {
        if let Some(index) = self.find_open(wanted, bounds) {
            self.pop_to(index);
        }
    }

    /// The list-item rule: closes the nearest `wanted` element, looking past `<address>`,
    /// `<div>`, `<p>` and non-special elements only.
    fn close_list_item(&mut self, wanted: &[LocalName]) {
        let stops = |open: &LocalName| {
            is_special(open)
                && !matches!(
                    *open,
                    local_name!("address") | local_name!("div") | local_name!("p")
                )
        };
        if let Some(index) = self.find_open(wanted, stops) {
            self.pop_to(index);
        }
    }

    /// Whether an element `name` is open.
    fn is_open(&self, name: &LocalName) -> bool {
        self.open_counts.get(name).is_some_and(|&n| n > 0)
    }

    /// The index in `open` of the nearest element named in `wanted`, searching down from the top
    /// until an element that `stops` the search (or [`END_TAG_SEARCH`] elements).
    fn find_open(&self, wanted: &[LocalName], stops: impl Fn(&LocalName) -> bool) -> Option<usize> {
        if !wanted.iter().any(|name| self.is_open(name)) {
            return None;
        }
        for (index, open) in self.open.iter().enumerate().rev().take(END_TAG_SEARCH) {
            if wanted.contains(open) {
                return Some(index);
            }
            if stops(open) {
                return None;
            }
        }
        None
    }

    /// The index in `open` of the `<svg>` or `<math>` whose content is being read, unless an
    /// element in between (`<foreignObject>`, `<desc>`, …) holds HTML again.
    fn foreign_root(&self) -> Option<usize> {
        self.find_open(&[local_name!("svg"), local_name!("math")], |open| {
            bounds_scope(open) && !matches!(*open, local_name!("svg") | local_name!("math"))
        })
    }

    /// Closes the element at `index` of `open` and everything opened inside it.
    fn pop_to(&mut self, index: usize) {
        for closed in self.open.drain(index..) {
            if let Some(count) = self.open_counts.get_mut(&closed) {
                *count -= 1;
            }
        }
        if self.skip_from.is_some_and(|from| self.open.len() <= from) {
            self.skip_from = None;
        }
    }

    fn characters(&mut self, text: &str) {
        if self.in_title {
            self.title.push_str(text);
        } else if self.skip_from.is_none() {
            self.block.push_str(text);
        }
    }

    /// Records the page metadata a `<meta>` tag carries.
    fn meta(&mut self, tag: &Tag) {
        let attribute = |wanted: &LocalName| {
            tag.attrs
                .iter()
                .find(|a| a.name.local == *wanted)
                .map(|a| a.value.to_ascii_lowercase())
        };
        let key = attribute(&local_name!("property")).or_else(|| attribute(&local_name!("name")));
        let Some(content) = tag
            .attrs
            .iter()
            .find(|a| a.name.local == local_name!("content"))
            .and_then(|a| non_blank(&a.value))
        else {
            return;
        };
        let slot = match key.as_deref() {
            Some("og:title") => &mut self.og_title,
            Some("og:site_name") => &mut self.og_site_name,
            Some("application-name") => &mut self.application_name,
            Some("article:published_time") => &mut self.published_meta,
            _ => return,
        };
        slot.get_or_insert(content);
    }

    /// Ends the block being read, adding it to the text unless it is blank.
    fn end_block(&mut self) {
        let block = collapse_whitespace(&self.block);
        self.block.clear();
        if block.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.text.push_str(&block);
    }

    fn finish(mut self) -> Scan {
        self.end_block();
        Scan {
            text: self.text,
            title: non_blank(&self.title),
            og_title: self.og_title,
            site_name: self.og_site_name.or(self.application_name),
            published: self.published_meta.or(self.first_time),
            max_depth: self.max_depth,
            elements: self.elements,
            attributes: self.attributes,
            depth_sum: self.depth_sum,
        }
    }
}

/// Whether the element starts and ends a block of text of its own (`<br>` counts: it ends a line).
fn breaks_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("body")
            | local_name!("br")
            | local_name!("caption")
            | local_name!("center")
            | local_name!("dd")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("form")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("hr")
            | local_name!("legend")
            | local_name!("li")
            | local_name!("main")
            | local_name!("menu")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("pre")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("table")
            | local_name!("tr")
            | local_name!("ul")
    )
}

/// Whether the element's content is left out of the text of `scope`.
fn skipped(name: &LocalName, scope: Scope) -> bool {
    let never_text = matches!(
        *name,
        local_name!("audio")
            | local_name!("button")
            | local_name!("canvas")
            | local_name!("iframe")
            | local_name!("math")
            | local_name!("nav")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("object")
            | local_name!("script")
            | local_name!("select")
            | local_name!("style")
            | local_name!("svg")
            | local_name!("template")
            | local_name!("textarea")
            | local_name!("video")
    );
    let page_furniture = matches!(
        *name,
        local_name!("aside") | local_name!("footer") | local_name!("header")
    );
    never_text || (scope == Scope::Page && page_furniture)
}

/// Whether the element is hidden from readers (`hidden`, `aria-hidden="true"`, `display: none`
/// or `visibility: hidden`); Readability leaves such elements out too.
fn hidden(tag: &Tag) -> bool {
    tag.attrs
        .iter()
        .any(|attribute| match &*attribute.name.local {
            "hidden" => true,
            "aria-hidden" => attribute.value.trim().eq_ignore_ascii_case("true"),
            "style" => {
                let style: String = attribute
                    .value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                style.contains("display:none") || style.contains("visibility:hidden")
            }
            _ => false,
        })
}

/// Whether the element is put on the stack of open elements: every element but the void ones
/// (which have no content) and `<html>`, `<head>` and `<body>`, of which there is one each.
fn stays_open(name: &LocalName) -> bool {
    !matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("frame")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("keygen")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("html")
            | local_name!("head")
            | local_name!("body")
    )
}

/// Whether the tag ends SVG or MathML content: a parser closes the `<svg>` or `<math>` and reads
/// the tag as HTML.
fn breaks_out_of_foreign(tag: &Tag) -> bool {
    let name = &tag.name;
    is_heading(name)
        || matches!(
            *name,
            local_name!("b")
                | local_name!("big")
                | local_name!("blockquote")
                | local_name!("body")
                | local_name!("br")
                | local_name!("center")
                | local_name!("code")
                | local_name!("dd")
                | local_name!("div")
                | local_name!("dl")
                | local_name!("dt")
                | local_name!("em")
                | local_name!("embed")
                | local_name!("head")
                | local_name!("hr")
                | local_name!("i")
                | local_name!("img")
                | local_name!("li")
                | local_name!("listing")
                | local_name!("menu")
                | local_name!("meta")
                | local_name!("nobr")
                | local_name!("ol")
                | local_name!("p")
                | local_name!("pre")
                | local_name!("ruby")
                | local_name!("s")
                | local_name!("small")
                | local_name!("span")
                | local_name!("strong")
                | local_name!("strike")
                | local_name!("sub")
                | local_name!("sup")
                | local_name!("table")
                | local_name!("tt")
                | local_name!("u")
                | local_name!("ul")
                | local_name!("var")
        )
        || (*name == local_name!("font")
            && tag.attrs.iter().any(|a| {
                matches!(
                    a.name.local,
                    local_name!("color") | local_name!("face") | local_name!("size")
                )
            }))
}

fn is_heading(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
    )
}

/// Whether a start tag of `name` closes an open `<p>` first.
fn closes_paragraph(name: &LocalName) -> bool {
    is_heading(name)
        || matches!(
            *name,
            local_name!("address")
                | local_name!("article")
                | local_name!("aside")
                | local_name!("blockquote")
                | local_name!("center")
                | local_name!("details")
                | local_name!("dialog")
                | local_name!("dir")
                | local_name!("div")
                | local_name!("dl")
                | local_name!("fieldset")
                | local_name!("figcaption")
                | local_name!("figure")
                | local_name!("footer")
                | local_name!("form")
                | local_name!("header")
                | local_name!("hgroup")
                | local_name!("hr")
                | local_name!("main")
                | local_name!("menu")
                | local_name!("nav")
                | local_name!("ol")
                | local_name!("p")
                | local_name!("pre")
                | local_name!("listing")
                | local_name!("search")
                | local_name!("section")
                | local_name!("summary")
                | local_name!("ul")
                | local_name!("li")
                | local_name!("dd")
                | local_name!("dt")
                | local_name!("xmp")
                | local_name!("plaintext")
        )
}

/// Elements whose end tags look for their element within a table only.
fn is_table_part(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("table")
            | local_name!("caption")
            | local_name!("colgroup")
            | local_name!("tbody")
            | local_name!("thead")
            | local_name!("tfoot")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
    )
}

/// The elements that end an element's scope (a `</div>` does not reach past a table cell).
fn bounds_scope(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("applet")
            | local_name!("caption")
            | local_name!("html")
            | local_name!("table")
            | local_name!("td")
            | local_name!("th")
            | local_name!("marquee")
            | local_name!("object")
            | local_name!("template")
            | local_name!("foreignObject")
            | local_name!("desc")
            | local_name!("title")
            | local_name!("mi")
            | local_name!("mo")
            | local_name!("mn")
            | local_name!("ms")
            | local_name!("mtext")
            | local_name!("annotation-xml")
    )
}

/// Scope for closing a `<p>`: [`bounds_scope`] and `<button>`.
fn bounds_button_scope(name: &LocalName) -> bool {
    bounds_scope(name) || *name == local_name!("button")
}

/// Scope within a table.
fn bounds_table_scope(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("html") | local_name!("table") | local_name!("template")
    )
}

/// The "special" elements of the HTML parsing rules that can be open (void ones never are).
fn is_special(name: &LocalName) -> bool {
    bounds_scope(name)
        || closes_paragraph(name)
        || matches!(
            *name,
            local_name!("body")
                | local_name!("button")
                | local_name!("colgroup")
                | local_name!("frameset")
                | local_name!("head")
                | local_name!("iframe")
                | local_name!("noembed")
                | local_name!("noframes")
                | local_name!("noscript")
                | local_name!("script")
                | local_name!("select")
                | local_name!("style")
                | local_name!("tbody")
                | local_name!("textarea")
                | local_name!("tfoot")
                | local_name!("thead")
                | local_name!("tr")
        )
}

/// The tokenizer state the element's content is read in, as an HTML parser would switch to.
/// `<noscript>` holds markup, as it does for the parser Readability uses (without scripting): read
/// as raw text, its nesting would go uncounted (found by fuzzing).
fn raw_text_state(name: &LocalName) -> TokenSinkResult<()> {
    match *name {
        local_name!("script") => TokenSinkResult::RawData(RawKind::ScriptData),
        local_name!("title") | local_name!("textarea") => TokenSinkResult::RawData(RawKind::Rcdata),
        local_name!("style")
        | local_name!("xmp")
        | local_name!("iframe")
        | local_name!("noembed")
        | local_name!("noframes") => TokenSinkResult::RawData(RawKind::Rawtext),
        local_name!("plaintext") => TokenSinkResult::Plaintext,
        _ => TokenSinkResult::Continue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_text(html: &str) -> String {
        scan(html, Scope::Page).text
    }

    fn nested(tag: &str, depth: usize, inner: &str) -> String {
        format!(
            "<!doctype html><html><head><title>Deep page</title></head><body>{}{inner}{}</body></html>",
            format!("<{tag}>").repeat(depth),
            format!("</{tag}>").repeat(depth)
        )
    }

    #[test]
    fn blocks_are_lines_separated_by_blank_lines() {
        let html = "<body><h2>Tide  tables</h2><p>First\n   paragraph, <em>still</em> one\tline.</p>\
            <ul><li>one item</li><li>another <b>item</b></li></ul><div>a div<p>nested paragraph</p>tail</div></body>";
        assert_eq!(
            page_text(html),
            "Tide tables\n\nFirst paragraph, still one line.\n\none item\n\nanother item\n\n\
             a div\n\nnested paragraph\n\ntail"
        );
    }

    #[test]
    fn inline_markup_does_not_split_words_and_breaks_end_lines() {
        let html = "<p>Gull<i>wing</i> <a href=\"/x\">Point</a><br>second&nbsp;line &amp; more</p>\
            <table><tr><td>cell one</td><td>cell two</td></tr><tr><th>next</th></tr></table>";
        assert_eq!(
            page_text(html),
            "Gullwing Point\n\nsecond line & more\n\ncell one cell two\n\nnext"
        );
    }

    #[test]
    fn page_furniture_and_code_are_left_out_of_page_text() {
        let html = "<html><head><title>T</title><style>p { color: red }</style>\
            <script>var x = \"<p>not text</p>\";</script></head><body>\
            <header>Masthead</header><nav><a href=/>Home</a></nav>\
            <p>Kept paragraph.</p><noscript><p>Enable scripts</p></noscript>\
            <iframe src=\"https://ads.invalid\"><p>frame text</p></iframe>\
            <aside>Sidebar</aside><svg><text>chart label</text></svg>\
            <form><p>Form text is kept.</p><button>Send</button></form>\
            <footer>Footer</footer></body></html>";
        assert_eq!(page_text(html), "Kept paragraph.\n\nForm text is kept.");
    }

    #[test]
    fn article_scope_keeps_asides_and_headers() {
        let html = "<div><header><h1>Head</h1></header><p>Body.</p><aside>Fact box.</aside>\
            <nav>Pages</nav><script>x()</script></div>";
        assert_eq!(
            scan(html, Scope::Article).text,
            "Head\n\nBody.\n\nFact box."
        );
    }

    #[test]
    fn an_unclosed_skipped_element_ends_with_its_parent() {
        let html = "<body><div><aside>Sidebar never closed</div><p>Back in the story.</p></body>";
        assert_eq!(page_text(html), "Back in the story.");
        let html = "<body><nav><div>Menu<div>More</nav><p>Story.</p></body>";
        assert_eq!(page_text(html), "Story.");
    }

    #[test]
    fn metadata_is_read_from_head() {
        let html = "<head><title> Page\n title </title>\
            <meta name=\"application-name\" content=\"Lantern App\">\
            <meta property=\"OG:TITLE\" content=\" Social title \">\
            <meta property=\"og:site_name\" content=\"The Harbour Lantern\"></head>";
        let head = scan(html, Scope::Page);
        assert_eq!(head.title.as_deref(), Some("Page title"));
        assert_eq!(head.og_title.as_deref(), Some("Social title"));
        assert_eq!(head.site_name.as_deref(), Some("The Harbour Lantern"));
        let html = "<title>Tides</title><body><svg><title>Icon</title></svg><p>Text</p>";
        let titled = scan(html, Scope::Page);
        assert_eq!(titled.title.as_deref(), Some("Tides"));
        assert_eq!(titled.text, "Text");
        let html = "<meta name=\"application-name\" content=\"Lantern App\">";
        assert_eq!(
            scan(html, Scope::Page).site_name.as_deref(),
            Some("Lantern App")
        );
        assert_eq!(scan(html, Scope::Page).text, "");
    }

    #[test]
    fn publication_time_is_read_from_meta_json_ld_or_time() {
        let meta = "<head><meta property=\"article:published_time\" \
            content=\"2024-03-01T08:30:00Z\"></head><body><p>Text</p></body>";
        assert_eq!(
            scan(meta, Scope::Page).published.as_deref(),
            Some("2024-03-01T08:30:00Z")
        );
        let time = "<body><p>Posted <time datetime=\"2024-03-02\">Saturday</time></p>\
            <time datetime=\"2024-03-05\">later</time></body>";
        assert_eq!(
            scan(time, Scope::Page).published.as_deref(),
            Some("2024-03-02")
        );
        let json_ld = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\
             \"@type\":\"NewsArticle\",\
             \"datePublished\":\"2024-03-03T10:00:00+01:00\"}}</script></head><body><article>{}\
             </article></body></html>",
            "<p>The harbour council voted on Tuesday to close the old ferry pier for good, \
             after engineers found rot in the supports.</p>"
                .repeat(6)
        );
        assert_eq!(
            extract(&json_ld).published.as_deref(),
            Some("2024-03-03T10:00:00+01:00")
        );
    }

    fn depth(html: &str) -> usize {
        scan(html, Scope::Page).max_depth
    }

    #[test]
    fn depth_counts_elements_as_a_parser_nests_them() {
        assert_eq!(depth(&nested("div", 40, "x")), 40);
        // End tags a parser implies: each of these closes the one before.
        for unclosed in [
            "<p>para<li>item",
            "<li>item<p>para",
            "<dt>term<dd>definition",
            "<select><option>one<option>two</select>",
            "<h2>one<h3>two",
        ] {
            let page = "<body>".to_owned() + &unclosed.repeat(500);
            assert!(depth(&page) <= 2, "{unclosed}: {}", depth(&page));
        }
        let table = "<table>".to_owned() + &"<tr><td>a<td>b<th>c".repeat(500) + "</table>";
        assert_eq!(depth(&table), 3);
        let svg = "<svg>".to_owned() + &"<path d=\"M0 0\"/>".repeat(1000) + "</svg>";
        assert_eq!(depth(&svg), 1);
        // Inside SVG a script holds markup: the nesting after it counts.
        let scripted = "<body><noscript><svg>".to_owned() + &"<script><noscript><svg>".repeat(300);
        assert!(depth(&scripted) >= 900, "{}", depth(&scripted));
        // In HTML it is raw text.
        let script = "<body><script>".to_owned() + &"<div>".repeat(300);
        assert!(depth(&script) <= 2, "{}", depth(&script));
    }

    #[test]
    fn depth_counts_nesting_through_implied_end_tags() {
        // A parser closes none of these: each list item opens inside the definition before it,
        // each option group inside the one before, each HTML `<span/>` stays open.
        for (unit, per_unit) in [
            ("<li><dd>", 2),
            ("<dt><li>", 2),
            ("<optgroup><option>", 1),
            ("<span/>", 1),
            ("<svg><span/>", 1),
            // Outside a table its parts are ignored: they close nothing (found by fuzzing).
            ("<li><dd><tbody>", 2),
            ("<li><dd><td>", 2),
            ("<<noscript>", 1),
        ] {
            let page = "<body>".to_owned() + &unit.repeat(1000);
            assert!(
                depth(&page) >= 1000 * per_unit,
                "{unit}: {} deep",
                depth(&page)
            );
            assert!(too_complex_for_readability(&scan(&page, Scope::Page)).is_some());
        }
        // A misnested inline end tag does not close the block opened inside it.
        let page = "<body>".to_owned() + &"<b><div>text</b>".repeat(1000);
        assert!(depth(&page) >= 1000, "{}", depth(&page));
    }

    #[test]
    fn attributes_beyond_the_limit_are_left_out_and_the_text_kept() {
        let many: String = (0..100_000).map(|i| format!(" a{i}")).collect();
        let html = format!(
            "<html><head><meta property=\"og:site_name\" content=\"Gull Gazette\"></head>\
             <body><div{many}><p>The quay reopened on Monday.</p></div></body></html>"
        );
        let extracted = extract(&html);
        assert_eq!(extracted.text, "The quay reopened on Monday.");
        assert_eq!(extracted.site_name.as_deref(), Some("Gull Gazette"));
    }

    #[test]
    fn readability_is_kept_for_ordinary_pages_only() {
        let ordinary = nested("div", 30, &"<p>Text <a href=/x>link</a></p>".repeat(2_000));
        assert_eq!(
            too_complex_for_readability(&scan(&ordinary, Scope::Page)),
            None
        );
        let too_deep = nested("section", MAX_READABILITY_DEPTH + 1, "x");
        let reason = too_complex_for_readability(&scan(&too_deep, Scope::Page)).unwrap();
        assert!(reason.contains("513 deep"), "{reason}");
        let wrapped = nested("div", 400, &"<span>word</span>".repeat(30_000));
        let reason = too_complex_for_readability(&scan(&wrapped, Scope::Page)).unwrap();
        assert!(reason.contains("ancestors"), "{reason}");
        let attributes: String = (0..100).map(|i| format!(" a{i}")).collect();
        let busy = nested(
            "div",
            2,
            &format!("<b{attributes}>x</b>").repeat(MAX_READABILITY_ATTRIBUTES / 100 + 1),
        );
        let reason = too_complex_for_readability(&scan(&busy, Scope::Page)).unwrap();
        assert!(reason.contains("attributes in all"), "{reason}");
    }

    #[test]
    fn site_suffix_is_stripped_from_titles() {
        let site = Some("The Harbour Lantern");
        let strip = |t: &str| without_site_suffix(t.to_owned(), site);
        assert_eq!(strip("Quay closes | The Harbour Lantern"), "Quay closes");
        assert_eq!(
            strip("Quay closes \u{2014} The Harbour Lantern"),
            "Quay closes"
        );
        assert_eq!(strip("Quay closes - The Harbour Lantern"), "Quay closes");
        assert_eq!(strip("The Harbour Lantern"), "The Harbour Lantern");
        assert_eq!(
            strip("Quay closes at The Harbour Lantern"),
            "Quay closes at The Harbour Lantern"
        );
        assert_eq!(without_site_suffix("A | B".into(), None), "A | B");
    }

    #[test]
    fn readability_finds_the_article() {
        let paragraph = "The harbour office confirmed on Monday that the north quay will close for \
            repairs, and ferry passengers will board from the fish market steps instead, which \
            means a longer walk for anyone arriving from the bus station on the hill. ";
        let html = format!(
            "<html><head><title>Quay closes for repairs - Gull Gazette</title>\
             <meta property=\"og:site_name\" content=\"Gull Gazette\"></head><body>\
             <div class=\"menu\"><a href=/a>Alpha</a> <a href=/b>Beta</a></div>\
             <div class=\"article-body\"><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></div>\
             <div class=\"comments\"><p>Great news for once.</p></div></body></html>"
        );
        let extracted = extract(&html);
        assert_eq!(extracted.title.as_deref(), Some("Quay closes for repairs"));
        assert_eq!(extracted.site_name.as_deref(), Some("Gull Gazette"));
        let expected = collapse_whitespace(paragraph);
        assert_eq!(extracted.text, [expected.as_str(); 3].join("\n\n"));
    }

    #[test]
    fn a_bare_body_is_an_article() {
        let extracted = extract("<html><body>Just one line.</body></html>");
        assert_eq!(extracted.text, "Just one line.");
        assert_eq!(extracted.title, None);
        assert_eq!(extracted.site_name, None);
    }

    #[test]
    fn hidden_elements_are_not_text() {
        let html = "<body><div hidden>One</div><span aria-hidden=\"true\">Two</span>\
            <div style=\"color: red; display : none\">Three</div>\
            <div style=\"VISIBILITY: hidden\">Four</div><p>Five</p></body>";
        assert_eq!(page_text(html), "Five");
        assert_eq!(extract(html).text, "Five");
    }

    #[test]
    fn huge_pages_skip_readability() {
        let html = format!(
            "<html><body><header>Masthead</header><p>{}</p></body></html>",
            "<span>word </span>".repeat(MAX_READABILITY_ELEMENTS)
        );
        let text = extract(&html).text;
        assert!(text.starts_with("word word"), "{}", &text[..20]);
        assert!(!text.contains("Masthead"));
    }

    #[test]
    fn pages_without_text_extract_nothing() {
        for html in [
            "",
            "<html><head><title>Only a title</title></head><body> </body></html>",
            "<script>document.write('hello')</script><style>p{}</style>",
            "<!-- just a comment -->",
        ] {
            assert_eq!(extract(html).text, "", "{html}");
        }
        assert_eq!(
            extract("<title>Only a title</title>").title.as_deref(),
            Some("Only a title")
        );
    }

    #[test]
    fn deep_nesting_falls_back_to_body_text() {
        for tag in ["div", "span", "b", "ul", "table"] {
            let html = nested(tag, 10_000, "<p>Bottom of the well.</p>");
            let extracted = extract(&html);
            assert_eq!(extracted.text, "Bottom of the well.", "{tag}");
            assert_eq!(extracted.title.as_deref(), Some("Deep page"));
        }
    }

    #[test]
    fn very_deep_unclosed_nesting_is_scanned_linearly() {
        let html = "<div>".repeat(300_000) + "text at the bottom";
        assert_eq!(extract(&html).text, "text at the bottom");
    }

    #[test]
    fn nesting_below_the_limit_still_uses_readability() {
        let paragraph = "A short paragraph about the gulls, the tide and the quay, long enough to \
            count as prose for the scoring. ";
        let html = nested(
            "div",
            MAX_READABILITY_DEPTH - 10,
            &format!("<p>{}</p>", paragraph.repeat(4)),
        );
        let extracted = extract(&html);
        assert_eq!(extracted.text, collapse_whitespace(&paragraph.repeat(4)));
    }

    #[test]
    fn malformed_html_does_not_break_extraction() {
        let html = "<html><body><p>Unclosed <b>bold <i>and italic</p></div></span><p>Second \
            <a href=x>link <p>para<table><td>cell</body></html></html><p>after end</b></i>";
        let text = extract(html).text;
        assert!(text.contains("Unclosed bold and italic"), "{text}");
        assert!(text.contains("after end"), "{text}");
    }
}
