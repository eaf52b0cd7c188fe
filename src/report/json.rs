//! The JSON report (`parallax-report/2`): the whole comparison with stable field names, documented
//! in `docs/report-format.md`. Offsets are byte offsets into each article's `text`. A finding
//! between two versions names its sides `original` and `copy` where the version tree's direction
//! is known, and `a` and `b` (with `"direction": "differs"`) where it is not.

use rayon::prelude::*;
use serde::Serialize;

use crate::article::{Article, Format, Role};
use crate::compare::{
    AttributionChange, AttributionChangeKind, Comparison, EditOp, Link, LinkKind, QuoteChange,
    QuoteChangeKind, SentenceRef, Status, Substitution, SubstitutionKind, Version,
};

/// The schema identifier written into every report.
pub const SCHEMA: &str = "parallax-report/2";

/// The two sides of a finding, `a` and `b`, also named `original` and `copy` where the direction
/// is known (`a` is then the original).
#[derive(Serialize)]
struct Sides<T: Copy> {
    a: T,
    b: T,
    #[serde(skip_serializing_if = "Option::is_none")]
    original: Option<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    copy: Option<T>,
}

impl<T: Copy> Sides<T> {
    fn new(a: T, b: T, directed: bool) -> Self {
        Sides {
            a,
            b,
            original: directed.then_some(a),
            copy: directed.then_some(b),
        }
    }
}

/// `"original_to_copy"` or `"differs"`.
fn direction(directed: bool) -> &'static str {
    if directed {
        "original_to_copy"
    } else {
        "differs"
    }
}

#[derive(Serialize)]
struct SubstitutionOut<'a> {
    #[serde(flatten)]
    articles: Sides<usize>,
    direction: &'static str,
    from: &'a str,
    to: &'a str,
    count: usize,
    kind: SubstitutionKind,
    loaded: bool,
    spread: usize,
    occurrences: Vec<(SentenceRef, SentenceRef)>,
}

impl<'a> From<&'a Substitution> for SubstitutionOut<'a> {
    fn from(s: &'a Substitution) -> Self {
        SubstitutionOut {
            articles: Sides::new(s.a, s.b, s.directed),
            direction: direction(s.directed),
            from: &s.from,
            to: &s.to,
            count: s.count,
            kind: s.kind,
            loaded: s.loaded,
            spread: s.spread,
            occurrences: s.occurrences.clone(),
        }
    }
}

#[derive(Serialize)]
struct QuoteChangeOut<'a> {
    #[serde(flatten)]
    sentences: Sides<SentenceRef>,
    direction: &'static str,
    a_quote: &'a str,
    b_quote: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_quote: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    copy_quote: Option<&'a str>,
    kind: QuoteChangeKind,
    edits: Vec<Sides<&'a str>>,
}

impl<'a> From<&'a QuoteChange> for QuoteChangeOut<'a> {
    fn from(q: &'a QuoteChange) -> Self {
        QuoteChangeOut {
            sentences: Sides::new(q.a, q.b, q.directed),
            direction: direction(q.directed),
            a_quote: &q.a_quote,
            b_quote: &q.b_quote,
            original_quote: q.directed.then_some(q.a_quote.as_str()),
            copy_quote: q.directed.then_some(q.b_quote.as_str()),
            kind: q.kind,
            edits: q
                .edits
                .iter()
                .map(|e| Sides::new(e.a.as_str(), e.b.as_str(), q.directed))
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct AttributionChangeOut<'a> {
    #[serde(flatten)]
    sentences: Sides<SentenceRef>,
    direction: &'static str,
    kind: AttributionChangeKind,
    from: &'a str,
    to: &'a str,
}

impl<'a> From<&'a AttributionChange> for AttributionChangeOut<'a> {
    fn from(x: &'a AttributionChange) -> Self {
        AttributionChangeOut {
            sentences: Sides::new(x.a, x.b, x.directed),
            direction: direction(x.directed),
            kind: x.kind,
            from: &x.from,
            to: &x.to,
        }
    }
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    label: &'a str,
    source: &'a str,
    title: Option<&'a str>,
    format: Format,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    warnings: &'a [String],
    text: &'a str,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    paragraph: usize,
    role: Role,
    status: Status,
    group: Option<usize>,
    shared_by: usize,
}

#[derive(Serialize)]
struct VersionOut {
    closest: Option<usize>,
    shared: f64,
    story: usize,
}

impl From<&Version> for VersionOut {
    fn from(v: &Version) -> Self {
        VersionOut {
            closest: v.closest,
            shared: round(v.shared),
            story: v.story,
        }
    }
}

#[derive(Serialize)]
struct LinkOut<'a> {
    a: SentenceRef,
    b: SentenceRef,
    kind: LinkKind,
    similarity: f64,
    edits: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct EditOut<'a> {
    op: EditOp,
    a: (usize, usize),
    b: (usize, usize),
    a_text: &'a str,
    b_text: &'a str,
}

/// Rounds a ratio to four decimals so reports stay readable and stable.
pub fn round(x: f32) -> f64 {
    (f64::from(x) * 10_000.0).round() / 10_000.0
}

/// Nesting levels laid out one member per line, indented; anything deeper is written on one
/// line. Four keeps every article, link, sentence and edit on a line of its own while a link's
/// position pairs and an edit's fields no longer take a line each (a long text's report is a
/// third smaller, and a third quicker to render).
const INDENTED_LEVELS: usize = 4;

/// Indentation per level.
const INDENT: &[u8] = b"  ";

/// A JSON layout indented to [`INDENTED_LEVELS`] and compact below: as readable as fully
/// pretty-printed JSON for the report's lists of small records, and much smaller.
#[derive(Default)]
struct Outline {
    /// Nesting level of the innermost open array or object (the top level is 1).
    depth: usize,
    /// Whether the innermost open container has a member yet.
    has_value: bool,
}

impl Outline {
    fn indented(&self) -> bool {
        self.depth <= INDENTED_LEVELS
    }

    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        let indented = self.indented();
        self.depth -= 1;
        if indented && self.has_value {
            writer.write_all(b"\n")?;
            for _ in 0..self.depth {
                writer.write_all(INDENT)?;
            }
        }
        writer.write_all(bracket)
    }

    fn member<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        if self.indented() {
            writer.write_all(b"\n")?;
            for _ in 0..self.depth {
                writer.write_all(INDENT)?;
            }
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Outline {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.member(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.member(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(if self.indented() { b": " } else { b":" })
    }

    fn end_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The whole comparison as JSON. The members are written in this order; the long lists (the
/// articles with their texts, the links with their edits) are rendered in parallel, a share of
/// their entries per thread, and joined in order: the same bytes as one serialiser would write.
pub fn render(c: &Comparison) -> String {
    render_parts(c).concat()
}

/// The report [`render`] writes, in the pieces it was rendered in, which written one after
/// another are the report: a caller writing it out need not copy them into one string first.
pub fn render_parts(c: &Comparison) -> Vec<String> {
    let mut report = Members::default();
    report.member("schema", &SCHEMA);
    report.member(
        "generator",
        &format!("parallax {}", env!("CARGO_PKG_VERSION")),
    );
    report.member("options", &c.options);
    let articles: Vec<(usize, &Article)> = c.articles.iter().enumerate().collect();
    report.list("articles", &articles, 1, |&(i, a)| article_out(c, i, a));
    let versions: Vec<VersionOut> = c.versions.iter().map(VersionOut::from).collect();
    report.member("versions", &versions);
    report.member("lineage", &c.lineage);
    report.member("key_changes", &c.key_changes);
    report.list("links", &c.links, PER_SHARE, |l| link_out(c, l));
    report.list("groups", &c.groups, PER_SHARE, |g| g);
    report.list(
        "substitutions",
        &c.substitutions,
        PER_SHARE,
        SubstitutionOut::from,
    );
    report.list(
        "quote_changes",
        &c.quote_changes,
        PER_SHARE,
        QuoteChangeOut::from,
    );
    report.list(
        "attribution_changes",
        &c.attribution_changes,
        PER_SHARE,
        AttributionChangeOut::from,
    );
    report.member("numbers", &c.numbers);
    report.member("cuts", &c.cuts);
    report.member("additions", &c.additions);
    report.member("omissions", &c.omissions);
    report.member("stats", &c.stats);
    report.finish()
}

/// Entries of a long list (links, groups) rendered per share of the parallel rendering: enough
/// to outweigh handing the work out.
const PER_SHARE: usize = 256;

fn article_out<'a>(c: &'a Comparison, i: usize, a: &'a Article) -> ArticleOut<'a> {
    ArticleOut {
        label: &a.label,
        source: &a.source,
        title: a.title.as_deref(),
        format: a.format,
        published: a.published.as_deref(),
        warnings: &a.warnings,
        text: &a.text,
        sentences: a
            .sentences
            .iter()
            .zip(&c.sentences[i])
            .map(|(s, info)| SentenceOut {
                start: s.start,
                end: s.end,
                text: &a.text[s.range()],
                paragraph: s.paragraph,
                role: s.role,
                status: info.status,
                group: info.group,
                shared_by: info.shared_by,
            })
            .collect(),
    }
}

fn link_out<'a>(c: &'a Comparison, l: &'a Link) -> LinkOut<'a> {
    LinkOut {
        a: l.a,
        b: l.b,
        kind: l.kind,
        similarity: round(l.similarity),
        edits: l
            .edits
            .iter()
            .map(|e| EditOut {
                op: e.op,
                a: e.a,
                b: e.b,
                a_text: &c.articles[l.a.article].text[e.a.0..e.a.1],
                b_text: &c.articles[l.b.article].text[e.b.0..e.b.1],
            })
            .collect(),
    }
}

/// The report's top-level object, written member by member in the [`Outline`] layout: the
/// text written so far in `parts` (each list's shares as they were rendered), then `json`. The
/// parts are joined once, at the end, into a string of their exact length: growing one buffer
/// share by share copied the report again and again.
#[derive(Default)]
struct Members {
    parts: Vec<String>,
    json: Vec<u8>,
    /// Whether a member has been written.
    started: bool,
}

impl Members {
    /// Writes `"name": ` as the next member of the top-level object.
    fn key(&mut self, name: &str) {
        self.json
            .extend_from_slice(if self.started { b",\n" } else { b"{\n" });
        self.json.extend_from_slice(INDENT);
        serialize_at(&mut self.json, 1, name);
        self.json.extend_from_slice(b": ");
        self.started = true;
    }

    fn member<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        self.key(name);
        serialize_at(&mut self.json, 1, value);
    }

    /// Writes the list `items` as the member `name`, each item as `out` shows it, rendered in
    /// parallel `per_share` items at a time.
    fn list<'a, T: Sync, U: Serialize>(
        &mut self,
        name: &str,
        items: &'a [T],
        per_share: usize,
        out: impl Fn(&'a T) -> U + Sync,
    ) {
        self.key(name);
        if items.is_empty() {
            self.json.extend_from_slice(b"[]");
            return;
        }
        self.json.push(b'[');
        self.end_part();
        let shares: Vec<String> = items
            .par_chunks(per_share)
            .enumerate()
            .map(|(share, chunk)| {
                let mut json = Vec::new();
                for (k, item) in chunk.iter().enumerate() {
                    if share > 0 || k > 0 {
                        json.push(b',');
                    }
                    json.push(b'\n');
                    json.extend_from_slice(INDENT);
                    json.extend_from_slice(INDENT);
                    serialize_at(&mut json, 2, &out(item));
                }
                utf8(json)
            })
            .collect();
        self.parts.extend(shares);
        self.json.push(b'\n');
        self.json.extend_from_slice(INDENT);
        self.json.push(b']');
    }

    /// Moves the text written in `json` into `parts`.
    fn end_part(&mut self) {
        let json = std::mem::take(&mut self.json);
        self.parts.push(utf8(json));
    }

    fn finish(mut self) -> Vec<String> {
        self.json.extend_from_slice(b"\n}\n");
        self.end_part();
        self.parts
    }
}

/// The text serde_json wrote.
fn utf8(json: Vec<u8>) -> String {
    match String::from_utf8(json) {
        Ok(json) => json,
        Err(e) => unreachable!("serde_json writes UTF-8: {e}"),
    }
}

/// Appends `value` to `json` as a value inside containers nested `depth` deep.
fn serialize_at<T: Serialize + ?Sized>(json: &mut Vec<u8>, depth: usize, value: &T) {
    let layout = Outline {
        depth,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(json, layout);
    if let Err(e) = value.serialize(&mut serializer) {
        unreachable!("a report of plain data always serialises: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_rendered_in_shares_reads_as_one_serialiser_writes_it() {
        // Nested four deep under the list, so entries hold both indented and one-line levels.
        let items: Vec<Vec<Vec<Vec<u32>>>> = (0..7u32)
            .map(|i| (0..i % 3).map(|j| vec![vec![i, j]]).collect())
            .collect();
        let none: Vec<u32> = Vec::new();
        let mut in_shares = Members::default();
        in_shares.list("items", &items, 2, |x| x);
        in_shares.list("none", &none, 2, |x| x);
        let mut whole = Members::default();
        whole.member("items", &items);
        whole.member("none", &none);
        let (in_shares, whole) = (in_shares.finish().concat(), whole.finish().concat());
        assert_eq!(in_shares, whole);
        assert!(in_shares.contains("\n      [\n"), "{in_shares}");
        assert!(in_shares.contains("[5,1]"), "{in_shares}");
    }
}
