//! The JSON report (`parallax-report/2`): the whole comparison with stable field names, documented
//! in `docs/report-format.md`. Offsets are byte offsets into each article's `text`.

use serde::Serialize;

use crate::article::{Format, Role};
use crate::compare::{
    Comparison, EditOp, Group, LinkKind, NumberFact, Omission, Options, QuoteChange, SentenceRef,
    Stats, Status, Substitution, Version,
};

/// The schema identifier written into every report.
pub const SCHEMA: &str = "parallax-report/2";

#[derive(Serialize)]
struct Report<'a> {
    schema: &'static str,
    generator: String,
    options: &'a Options,
    articles: Vec<ArticleOut<'a>>,
    versions: Vec<VersionOut>,
    links: Vec<LinkOut<'a>>,
    groups: &'a [Group],
    substitutions: &'a [Substitution],
    quote_changes: &'a [QuoteChange],
    numbers: &'a [NumberFact],
    omissions: &'a [Omission],
    stats: &'a Stats,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    label: &'a str,
    source: &'a str,
    title: Option<&'a str>,
    format: Format,
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

/// The comparison as pretty-printed JSON.
pub fn render(c: &Comparison) -> String {
    let report = Report {
        schema: SCHEMA,
        generator: format!("parallax {}", env!("CARGO_PKG_VERSION")),
        options: &c.options,
        versions: c.versions.iter().map(VersionOut::from).collect(),
        articles: c
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| ArticleOut {
                label: &a.label,
                source: &a.source,
                title: a.title.as_deref(),
                format: a.format,
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
            })
            .collect(),
        links: c
            .links
            .iter()
            .map(|l| LinkOut {
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
            })
            .collect(),
        groups: &c.groups,
        substitutions: &c.substitutions,
        quote_changes: &c.quote_changes,
        numbers: &c.numbers,
        omissions: &c.omissions,
        stats: &c.stats,
    };
    match serde_json::to_string_pretty(&report) {
        Ok(mut json) => {
            json.push('\n');
            json
        }
        Err(e) => unreachable!("a report of plain data always serialises: {e}"),
    }
}
