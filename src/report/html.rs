//! The HTML report: one self-contained page (inline CSS, no scripts, no fonts, images or any other
//! remote load) that can be opened in any browser or mailed to a colleague.
//!
//! The page has a header (articles, legend), a summary (per-article shares, the overlap matrix,
//! derivations and the findings, each linked to the sentences it is about) and the aligned view:
//! the articles side by side, one column each, with corresponding sentences on the same row.
//!
//! Colours come from [`crate::design`] as CSS custom properties, with a dark variant for
//! `prefers-color-scheme: dark` and a light one for print. A Content-Security-Policy allows
//! nothing but the one inline style block, identified by its SHA-256 hash, so the page has no
//! `style` attributes: everything variable (tints, bar widths, heat levels) is a generated class.
//! All article text is escaped.
//!
//! Word marks use the engine's word edits as they are (no diff is recomputed here); the pieces,
//! the quote locator and the systematic substitutions are shared with the Markdown report.

use std::fmt::Write;
use std::ops::Range;

use base64::Engine as _;
use base64::prelude::BASE64_STANDARD;
use sha2::{Digest, Sha256};

use crate::article::Role;
use crate::compare::findings::SubstitutionGroup;
use crate::compare::findings::counterparts::closest_link;
use crate::compare::marks::{Piece, Removed, quote_pieces, reworded_pieces};
use crate::compare::{Comparison, FactKind, Link, SentenceInfo, SentenceRef, Status};
use crate::design::{DARK, LEGEND, LIGHT, Palette, spacing};

/// Steps of the overlap heat scale (cells below half a step are not tinted).
const HEAT_LEVELS: usize = 10;
/// Above this many articles, the article list is set in columns.
const MANY_ARTICLES: usize = 10;
/// Most swatches shown for the "shared by k of N" heat scale in the legend.
const MAX_LEGEND_SWATCHES: usize = 6;
/// Longest table of all substitutions shown unfolded; longer ones start folded.
const MAX_OPEN_ROWS: usize = 40;
/// Longest list of systematic changes shown unfolded.
const MAX_OPEN_ITEMS: usize = 15;
/// Most "also in" links shown per row under a cell; the rest are counted.
const MAX_ALSO_LINKS: usize = 3;

/// The page's fixed CSS; the palette, spacing and generated classes are added around it.
const BASE_CSS: &str = r#"*{box-sizing:border-box}
html{color-scheme:light dark}
body{margin:0;padding:var(--pad) calc(2*var(--pad));background:var(--background);color:var(--text);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
h1{font-size:1.6em;margin:.3em 0 .1em}
h2{font-size:1.3em;margin:1.4em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--border)}
h3{font-size:1.08em;margin:0}
h4{font-size:1em;margin:.9em 0 .3em}
header h2{font-size:1.05em;margin:0 0 .4em;border:0}
a{color:var(--focus)}
.meta,.muted{color:var(--muted)}
nav a{margin-right:1em}
.intro{display:flex;flex-wrap:wrap;gap:var(--pad);margin-top:var(--pad)}
.intro>section{flex:1 1 24em}
.panel{background:var(--panel);border:1px solid var(--border);border-radius:6px;padding:var(--pad)}
ol.articles{margin:0;padding-left:1.6em}
ol.articles li{margin:.2em 0;break-inside:avoid}
ol.articles.many{columns:16em auto;column-gap:2em}
.legend{list-style:none;margin:0;padding:0}
.legend li{margin:.3em 0}
.sw{display:inline-block;min-width:1.7em;padding:0 .35em;margin-right:2px;border-radius:var(--round);text-align:center;font-size:.85em;border:1px solid var(--border)}
del{color:var(--deleted);text-decoration:line-through;text-decoration-thickness:1.5px}
ins{color:var(--inserted);text-decoration:underline;text-decoration-thickness:1.5px;text-underline-offset:2px}
.rw{background:var(--tint-rw)}
.un{background:var(--tint-un)}
details{margin:.8em 0}
summary{cursor:pointer}
summary h3,summary h4{display:inline}
table.findings{border-collapse:collapse;margin:.4em 0}
.findings th,.findings td{padding:.25em .6em;border-bottom:1px solid var(--border);text-align:left;vertical-align:top}
.findings thead th{color:var(--muted);font-weight:600;font-size:.9em}
.findings td.n{text-align:right;white-space:nowrap}
.scroll{overflow-x:auto}
.pair{white-space:nowrap}
.bar{display:flex;width:clamp(8em,30vw,22em);height:1.1em;border-radius:var(--round);overflow:hidden;background:var(--panel);border:1px solid var(--border)}
.bar span{display:block;height:100%}
.bi{background:var(--bar-identical)}
.br{background:var(--bar-reworded)}
.bu{background:var(--bar-unique)}
.key{display:inline-block;width:.8em;height:.8em;border-radius:2px;vertical-align:-.05em}
.matrix td{text-align:right;min-width:3.4em}
.matrix td.self{color:var(--muted);text-align:center}
.quotes td{width:50%}
blockquote{margin:.2em 0;padding-left:.6em;border-left:3px solid var(--border)}
.aligned-wrap{overflow:auto;max-height:88vh;border:1px solid var(--border);border-radius:6px}
table.aligned{table-layout:fixed;width:100%;border-collapse:separate;border-spacing:0}
col.num{width:3.2em}
.aligned thead th{position:sticky;top:0;z-index:2;background:var(--panel);text-align:left;vertical-align:bottom;padding:.5em var(--pad);border-bottom:1px solid var(--border);overflow-wrap:anywhere}
.aligned thead th small{display:block;font-weight:400;color:var(--muted)}
.aligned td{vertical-align:top;padding:calc(var(--para-gap)/2) var(--pad);border-top:1px solid var(--border);overflow-wrap:anywhere}
.aligned td.cont,.aligned td.empty{border-top-color:transparent}
.aligned td+td,.aligned th+th{border-left:1px solid var(--border)}
.aligned .num{position:sticky;left:0;z-index:1;background:var(--background);color:var(--muted);font-size:.8em;text-align:right;padding:.45em .5em 0 0}
.aligned thead .num{z-index:3;background:var(--panel)}
.aligned p{margin:0 0 var(--para-gap)}
.aligned p:last-of-type{margin-bottom:0}
.s{border-radius:var(--round);padding:1px 2px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.s:target{outline:2px solid var(--focus);outline-offset:1px}
.headline{font-weight:700;font-size:1.12em}
.heading{font-weight:700}
.byline,.dateline,.caption{color:var(--muted);font-size:.9em}
.caption{font-style:italic}
.listitem::before{content:"\2022\00a0"}
.also{display:block;margin-top:.25em;font-size:.8em;color:var(--muted)}
@media print{
body{font-size:9pt;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
nav{display:none}
a{color:inherit;text-decoration:none}
.aligned-wrap{overflow:visible;max-height:none;border:0}
table.aligned{min-width:0}
.aligned thead th,.aligned .num{position:static}
.aligned thead{display:table-header-group}
tr{break-inside:avoid}
h2,h3,h4{break-after:avoid}
.s:target{outline:0}
}
"#;

/// The report as one HTML page.
pub fn render(c: &Comparison) -> String {
    let layout = Layout::build(c);
    let css = stylesheet(c.articles.len());
    let mut page = Page {
        c,
        layout,
        out: String::with_capacity(64 * 1024 + 4 * total_text_len(c)),
    };
    page.head(&css);
    page.header();
    page.out.push_str("<main>\n");
    page.summary();
    page.aligned_view();
    page.out.push_str("</main>\n</body>\n</html>\n");
    page.out
}

fn total_text_len(c: &Comparison) -> usize {
    c.articles.iter().map(|a| a.text.len()).sum()
}

/// Escapes `text` for HTML text and (quoted) attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

fn pct(x: f32) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The anchor id of sentence `r` in the aligned view.
fn anchor(r: SentenceRef) -> String {
    format!("s-{}-{}", r.article, r.sentence)
}

// ---------------------------------------------------------------------------------------------
// The aligned rows.
//
// Articles are added one at a time, in order. Each article is cut into runs (consecutive
// sentences of one group, or a single unique sentence); its runs are matched to the rows built so
// far by a longest common subsequence on group ids, which keeps both the rows' order and the
// article's order. Matched runs join their row; the others become new rows, placed after the
// unmatched rows already between the same two matches. Finally, consecutive rows holding a single
// article each (unique text, or content the others carry elsewhere) are zipped together so that
// different articles' extra material sits side by side instead of in a staircase.

/// Per article, the sentences shown in one cell of a row (`None`: the cell is empty).
type Cells = Vec<Option<Range<usize>>>;

/// Consecutive sentences of one article that share a group, or a single unique sentence.
struct Run {
    sentences: Range<usize>,
    group: Option<usize>,
}

/// A row while the rows are built: the group it stands for and its cells.
struct Row {
    group: Option<usize>,
    cells: Cells,
}

/// The aligned view's rows and, per article and sentence, the row it is in.
struct Layout {
    rows: Vec<Cells>,
    row_of: Vec<Vec<usize>>,
}

impl Layout {
    fn build(c: &Comparison) -> Layout {
        let n = c.articles.len();
        let mut rows: Vec<Row> = Vec::new();
        for article in 0..n {
            let runs = runs_of(c, article);
            let matches = match_runs(&runs, &rows);
            rows = merge_runs(rows, runs, &matches, article, n);
        }
        let rows = zip_single_article_rows(rows.into_iter().map(|r| r.cells).collect());
        let mut row_of: Vec<Vec<usize>> = c
            .articles
            .iter()
            .map(|a| vec![0; a.sentences.len()])
            .collect();
        for (index, cells) in rows.iter().enumerate() {
            for (article, cell) in cells.iter().enumerate() {
                for sentence in cell.clone().into_iter().flatten() {
                    row_of[article][sentence] = index;
                }
            }
        }
        Layout { rows, row_of }
    }

    fn row(&self, r: SentenceRef) -> usize {
        self.row_of[r.article][r.sentence]
    }
}

fn runs_of(c: &Comparison, article: usize) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (sentence, info) in c.sentences[article].iter().enumerate() {
        match runs.last_mut() {
            Some(last) if info.group.is_some() && last.group == info.group => {
                last.sentences.end = sentence + 1
            }
            _ => runs.push(Run {
                sentences: sentence..sentence + 1,
                group: info.group,
            }),
        }
    }
    runs
}

/// For each run, the row it joins: a longest common subsequence of the runs' and rows' groups.
/// Only rows whose group occurs among the runs take part, which keeps the table small.
fn match_runs(runs: &[Run], rows: &[Row]) -> Vec<Option<usize>> {
    let wanted: std::collections::HashSet<usize> = runs.iter().filter_map(|r| r.group).collect();
    let candidates: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].group.is_some_and(|g| wanted.contains(&g)))
        .collect();
    let (n, m) = (runs.len(), candidates.len());
    let same =
        |i: usize, j: usize| runs[i].group.is_some() && runs[i].group == rows[candidates[j]].group;
    let width = m + 1;
    // lcs[i * width + j]: length of the common subsequence of runs[i..] and candidates[j..].
    let mut lcs = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * width + j] = if same(i, j) {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let mut matches = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same(i, j) {
            matches[i] = Some(candidates[j]);
            i += 1;
            j += 1;
        } else if lcs[i * width + j + 1] >= lcs[(i + 1) * width + j] {
            // On a tie, pass over the row rather than the run: the run may still find its row.
            j += 1;
        } else {
            i += 1;
        }
    }
    matches
}

/// The rows with `article`'s runs added: matched runs fill their row's cell, unmatched runs get
/// a row of their own after the unmatched rows that precede the next match.
fn merge_runs(
    old: Vec<Row>,
    runs: Vec<Run>,
    matches: &[Option<usize>],
    article: usize,
    n: usize,
) -> Vec<Row> {
    let mut merged = Vec::with_capacity(old.len() + runs.len());
    let mut pending: Vec<Row> = Vec::new();
    let mut old = old.into_iter().enumerate().peekable();
    for (run, matched) in runs.into_iter().zip(matches) {
        let Some(target) = *matched else {
            let mut cells = vec![None; n];
            cells[article] = Some(run.sentences);
            pending.push(Row {
                group: run.group,
                cells,
            });
            continue;
        };
        while let Some((_, row)) = old.next_if(|(i, _)| *i < target) {
            merged.push(row);
        }
        merged.append(&mut pending);
        if let Some((_, mut row)) = old.next() {
            row.cells[article] = Some(run.sentences);
            merged.push(row);
        }
    }
    merged.extend(old.map(|(_, row)| row));
    merged.append(&mut pending);
    merged
}

/// Zips each stretch of consecutive rows that hold one article each: the stretch's k-th row gets
/// every article's k-th cell of the stretch. Every column keeps its order.
fn zip_single_article_rows(rows: Vec<Cells>) -> Vec<Cells> {
    let mut out = Vec::with_capacity(rows.len());
    let mut stretch: Vec<Cells> = Vec::new();
    for row in rows {
        if row.iter().flatten().count() == 1 {
            stretch.push(row);
        } else {
            out.extend(zip_stretch(std::mem::take(&mut stretch)));
            out.push(row);
        }
    }
    out.extend(zip_stretch(stretch));
    out
}

fn zip_stretch(stretch: Vec<Cells>) -> Vec<Cells> {
    let n = stretch.first().map_or(0, Vec::len);
    let mut columns: Vec<Vec<Range<usize>>> = vec![Vec::new(); n];
    for row in stretch {
        for (article, cell) in row.into_iter().enumerate() {
            columns[article].extend(cell);
        }
    }
    let height = columns.iter().map(Vec::len).max().unwrap_or(0);
    (0..height)
        .map(|k| {
            columns
                .iter()
                .map(|column| column.get(k).cloned())
                .collect()
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Styles and the Content-Security-Policy.

/// The whole stylesheet for `n` articles: palette properties (light, dark), spacing, the fixed
/// rules and the generated tint, heat and width classes.
fn stylesheet(n: usize) -> String {
    let mut css = String::with_capacity(BASE_CSS.len() + 4096);
    let _ = writeln!(
        css,
        ":root{{{}{}}}",
        palette_properties(&LIGHT, n),
        spacing_properties()
    );
    let _ = writeln!(
        css,
        "@media screen and (prefers-color-scheme:dark){{:root{{{}}}}}",
        palette_properties(&DARK, n)
    );
    css.push_str(BASE_CSS);
    for k in 2..=n {
        let _ = writeln!(css, ".k{k}{{background:var(--tint-k{k})}}");
    }
    for level in 1..=HEAT_LEVELS {
        let _ = writeln!(css, ".h{level}{{background:var(--heat-{level})}}");
    }
    for width in 0..=100 {
        let _ = write!(css, ".w{width}{{width:{width}%}}");
    }
    let _ = writeln!(
        css,
        "\ntable.aligned{{min-width:calc({n}*var(--min-col) + 3.2em)}}"
    );
    let _ = writeln!(css, "@media print{{table.aligned{{min-width:0}}}}");
    css
}

/// The palette as CSS custom properties, with the sentence tints for `n` articles and the heat
/// scale of the overlap matrix.
fn palette_properties(p: &Palette, n: usize) -> String {
    let named = [
        ("background", p.background),
        ("panel", p.panel),
        ("text", p.text),
        ("muted", p.muted),
        ("border", p.border),
        ("deleted", p.deleted),
        ("inserted", p.inserted),
        ("focus", p.focus),
        ("bar-identical", p.bar_identical),
        ("bar-reworded", p.bar_reworded),
        ("bar-unique", p.bar_unique),
        ("tint-rw", p.sentence_tint(Status::Reworded, 1, n)),
        ("tint-un", p.sentence_tint(Status::Unique, 1, n)),
    ];
    let mut out = String::new();
    for (name, colour) in named {
        let _ = write!(out, "--{name}:{};", colour.hex());
    }
    for k in 2..=n {
        let _ = write!(
            out,
            "--tint-k{k}:{};",
            p.sentence_tint(Status::Identical, k, n).hex()
        );
    }
    for level in 1..=HEAT_LEVELS {
        let t = (level - 1) as f32 / (HEAT_LEVELS - 1) as f32;
        let _ = write!(
            out,
            "--heat-{level}:{};",
            p.shared_few.mix(p.shared_all, t).hex()
        );
    }
    out
}

fn spacing_properties() -> String {
    format!(
        "--pad:{}px;--gap:{}px;--para-gap:{}px;--round:{}px;--min-col:18em;",
        spacing::COLUMN_PADDING,
        spacing::COLUMN_GAP,
        spacing::PARAGRAPH_GAP,
        spacing::TINT_ROUNDING
    )
}

/// The policy: nothing may load or run; only the style block with this exact content applies.
fn content_security_policy(css: &str) -> String {
    format!(
        "default-src 'none'; style-src 'sha256-{}'; base-uri 'none'; form-action 'none'",
        BASE64_STANDARD.encode(Sha256::digest(css.as_bytes()))
    )
}

/// Integer percentages of `shares` that add up to 100 (largest remainders round up), or all
/// zero when there is nothing to share.
fn percent_widths(shares: [f32; 3]) -> [usize; 3] {
    let total: f32 = shares.iter().map(|s| s.max(0.0)).sum();
    if total <= 0.0 {
        return [0; 3];
    }
    let exact = shares.map(|s| s.max(0.0) / total * 100.0);
    let mut widths = exact.map(|x| x.floor() as usize);
    let mut by_remainder = [0, 1, 2];
    by_remainder
        .sort_by(|&i, &j| (exact[j] - exact[j].floor()).total_cmp(&(exact[i] - exact[i].floor())));
    let missing = 100usize.saturating_sub(widths.iter().sum());
    for &i in by_remainder.iter().cycle().take(missing) {
        widths[i] += 1;
    }
    widths
}

/// The heat class of an overlap share (`h0`: untinted).
fn heat_class(share: f32) -> String {
    format!(
        "h{}",
        (share.clamp(0.0, 1.0) * HEAT_LEVELS as f32).round() as usize
    )
}

/// The tint class of a sentence.
fn tint_class(info: &SentenceInfo) -> String {
    match info.status {
        Status::Identical => format!("k{}", info.shared_by.max(2)),
        Status::Reworded => "rw".to_owned(),
        Status::Unique => "un".to_owned(),
    }
}

fn role_class(role: Role) -> &'static str {
    match role {
        Role::Headline => " headline",
        Role::Heading => " heading",
        Role::Byline => " byline",
        Role::Dateline => " dateline",
        Role::Caption => " caption",
        Role::ListItem => " listitem",
        Role::Body => "",
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Identical => "Identical",
        Status::Reworded => "Reworded",
        Status::Unique => "Unique",
    }
}

/// The "shared by k of N" heat-scale values shown in the legend: at most a handful, spread
/// from 2 to N.
fn legend_levels(n: usize) -> Vec<usize> {
    if n < 2 {
        return Vec::new();
    }
    let steps = (n - 1).min(MAX_LEGEND_SWATCHES);
    let mut levels: Vec<usize> = (0..steps)
        .map(|i| 2 + i * (n - 2) / (steps - 1).max(1))
        .collect();
    levels.dedup();
    levels
}

// ---------------------------------------------------------------------------------------------
// The page.

/// The page being written.
struct Page<'a> {
    c: &'a Comparison,
    layout: Layout,
    out: String,
}

impl Page<'_> {
    fn label(&self, article: usize) -> String {
        escape(&self.c.articles[article].label)
    }

    /// A link to sentence `r` reading "row N".
    fn row_link(&self, r: SentenceRef) -> String {
        format!(
            "<a href=\"#{}\">row {}</a>",
            anchor(r),
            self.layout.row(r) + 1
        )
    }

    /// A link to sentence `r` reading its article's label.
    fn label_link(&self, r: SentenceRef) -> String {
        format!("<a href=\"#{}\">{}</a>", anchor(r), self.label(r.article))
    }

    /// A link to article `article`'s column.
    fn article_link(&self, article: usize) -> String {
        format!("<a href=\"#a-{article}\">{}</a>", self.label(article))
    }

    fn head(&mut self, css: &str) {
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
             <meta name=\"referrer\" content=\"no-referrer\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"color-scheme\" content=\"light dark\">\n\
             <meta name=\"generator\" content=\"parallax {}\">\n\
             <title>Parallax comparison: {}</title>\n<style>{css}</style>\n</head>\n<body>\n",
            content_security_policy(css),
            env!("CARGO_PKG_VERSION"),
            escape(
                &self
                    .c
                    .articles
                    .iter()
                    .map(|a| a.label.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }

    fn header(&mut self) {
        let c = self.c;
        let _ = write!(
            self.out,
            "<header>\n<h1>Parallax comparison</h1>\n<p class=\"meta\">{} articles · {} links · {} shared \
             passages · similarity threshold {:.2} · generated by parallax {}</p>\n<nav><a href=\"#summary\">\
             Summary</a><a href=\"#aligned\">Aligned text</a></nav>\n<div class=\"intro\">\n",
            c.articles.len(),
            c.links.len(),
            c.groups.len(),
            c.options.threshold,
            env!("CARGO_PKG_VERSION"),
        );
        self.article_list();
        self.legend();
        self.out.push_str("</div>\n</header>\n");
    }

    fn article_list(&mut self) {
        let many = if self.c.articles.len() > MANY_ARTICLES {
            " many"
        } else {
            ""
        };
        let _ = writeln!(
            self.out,
            "<section class=\"panel\">\n<h2>Articles</h2>\n<ol class=\"articles{many}\">"
        );
        for (i, article) in self.c.articles.iter().enumerate() {
            let title = article
                .title
                .as_deref()
                .map(|t| format!(" — {}", escape(t)))
                .unwrap_or_default();
            let _ = writeln!(
                self.out,
                "<li><strong>{}</strong>{title} <span class=\"muted\">({})</span></li>",
                self.article_link(i),
                escape(super::source_name(&article.source))
            );
        }
        self.out.push_str("</ol>\n</section>\n");
    }

    fn legend(&mut self) {
        self.out
            .push_str("<section class=\"panel\">\n<h2>Legend</h2>\n<ul class=\"legend\">\n");
        for entry in LEGEND {
            let sample = self.legend_sample(entry.name);
            let _ = writeln!(
                self.out,
                "<li><strong>{}</strong> {sample} — {}</li>",
                escape(entry.name),
                escape(entry.meaning)
            );
        }
        self.out.push_str("</ul>\n</section>\n");
    }

    /// The swatch or example shown beside a legend entry.
    fn legend_sample(&self, name: &str) -> String {
        let n = self.c.articles.len();
        match name {
            "Shared" => {
                let swatches: String = legend_levels(n)
                    .into_iter()
                    .map(|k| {
                        format!("<span class=\"sw k{k}\" title=\"shared by {k} of {n}\">{k}</span>")
                    })
                    .collect();
                let range = if n > 2 {
                    format!("2 … {n}")
                } else {
                    n.to_string()
                };
                format!("{swatches}<span class=\"muted\"> by {range} of {n}</span>")
            }
            "Reworded" => "<span class=\"sw rw\">reworded</span>".to_owned(),
            "Unique" => "<span class=\"sw un\">unique</span>".to_owned(),
            "Removed" => "<del>removed</del>".to_owned(),
            "Added" => "<ins>added</ins>".to_owned(),
            _ => String::new(),
        }
    }

    fn summary(&mut self) {
        self.out
            .push_str("<section id=\"summary\">\n<h2>Summary</h2>\n");
        self.shares();
        self.overlap();
        self.derivations();
        self.substitutions();
        self.quote_changes();
        self.numbers();
        self.omissions();
        self.out.push_str("</section>\n");
    }

    /// Opens a foldable findings section.
    fn open_section(&mut self, title: &str, count: Option<usize>) {
        let count = count
            .map(|n| format!(" <span class=\"muted\">({n})</span>"))
            .unwrap_or_default();
        let _ = writeln!(
            self.out,
            "<details open>\n<summary><h3>{title}{count}</h3></summary>"
        );
    }

    fn shares(&mut self) {
        self.open_section("How much of each article is shared", None);
        self.out.push_str(
            "<div class=\"scroll\"><table class=\"findings shares\">\n<thead><tr><th>Article</th><th>\
             <span class=\"key bi\"></span> identical · <span class=\"key br\"></span> reworded · \
             <span class=\"key bu\"></span> unique</th><th>Identical</th><th>Reworded</th><th>Unique</th>\
             <th>Sentences</th></tr></thead>\n<tbody>\n",
        );
        for (i, stats) in self.c.stats.articles.iter().enumerate() {
            let widths = percent_widths([stats.identical, stats.reworded, stats.unique]);
            let _ = writeln!(
                self.out,
                "<tr><th>{}</th><td><div class=\"bar\"><span class=\"bi w{}\" title=\"identical {}\"></span>\
                 <span class=\"br w{}\" title=\"reworded {}\"></span><span class=\"bu w{}\" title=\"unique {}\">\
                 </span></div></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td></tr>",
                self.article_link(i),
                widths[0],
                pct(stats.identical),
                widths[1],
                pct(stats.reworded),
                widths[2],
                pct(stats.unique),
                pct(stats.identical),
                pct(stats.reworded),
                pct(stats.unique),
                self.c.articles.get(i).map_or(0, |a| a.sentences.len()),
            );
        }
        self.out.push_str("</tbody>\n</table></div>\n</details>\n");
    }

    fn overlap(&mut self) {
        let n = self.c.stats.overlap.len();
        if n < 2 {
            return;
        }
        self.open_section("Overlap", None);
        self.out.push_str(
            "<p class=\"muted\">Share of the row article's text (by characters) found in the column article.</p>\n\
             <div class=\"scroll\"><table class=\"findings matrix\">\n<thead><tr><th></th>",
        );
        for j in 0..n {
            let _ = write!(self.out, "<th title=\"{}\">{}</th>", self.label(j), j + 1);
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for (i, row) in self.c.stats.overlap.iter().enumerate() {
            let _ = write!(self.out, "<tr><th>{} {}</th>", i + 1, self.article_link(i));
            for (j, share) in row.iter().enumerate() {
                if i == j {
                    self.out.push_str("<td class=\"self\">—</td>");
                } else {
                    let _ = write!(
                        self.out,
                        "<td class=\"{}\" title=\"{} of {} is found in {}\">{}</td>",
                        heat_class(*share),
                        pct(*share),
                        self.label(i),
                        self.label(j),
                        pct(*share)
                    );
                }
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table></div>\n</details>\n");
    }

    fn derivations(&mut self) {
        let derivations = &self.c.stats.derivations;
        self.open_section("Derivations", Some(derivations.len()));
        if derivations.is_empty() {
            self.out
                .push_str("<p class=\"muted\">No article looks derived from another.</p>\n");
        } else {
            self.out.push_str("<ul>\n");
            for d in derivations {
                let _ = writeln!(
                    self.out,
                    "<li>{} looks derived from {} ({} of its text is found there)</li>",
                    self.article_link(d.derived),
                    self.article_link(d.source),
                    pct(d.containment)
                );
            }
            self.out.push_str("</ul>\n");
        }
        self.out.push_str("</details>\n");
    }

    fn substitutions(&mut self) {
        self.open_section("Substitutions", Some(self.c.substitutions.len()));
        if self.c.substitutions.is_empty() {
            self.out.push_str("<p class=\"muted\">No words were swapped between linked sentences.</p>\n</details>\n");
            return;
        }
        self.systematic();
        let open = if self.c.substitutions.len() <= MAX_OPEN_ROWS {
            " open"
        } else {
            ""
        };
        let _ = write!(
            self.out,
            "<details{open}>\n<summary><h4>All substitutions</h4></summary>\n<div class=\"scroll\"><table \
             class=\"findings\">\n<thead><tr><th>Count</th><th>From</th><th>To</th><th>Kind</th><th>Articles</th>\
             <th>Where</th></tr></thead>\n<tbody>\n",
        );
        for s in &self.c.substitutions {
            let places: Vec<String> = s
                .occurrences
                .iter()
                .map(|&(x, y)| self.pair_links(x, y))
                .collect();
            let _ = writeln!(
                self.out,
                "<tr><td class=\"n\">{}×</td><td>{}</td><td>{}</td><td>{}</td><td>{} → {}</td><td>{}</td></tr>",
                s.count,
                wording(&s.from),
                wording(&s.to),
                s.kind.label(),
                self.article_link(s.a),
                self.article_link(s.b),
                places.join(" · ")
            );
        }
        self.out
            .push_str("</tbody>\n</table></div>\n</details>\n</details>\n");
    }

    /// "row 4" (both ends on one row) or "rows 4↔9", each number linking to its sentence.
    fn pair_links(&self, x: SentenceRef, y: SentenceRef) -> String {
        let (row_x, row_y) = (self.layout.row(x), self.layout.row(y));
        if row_x == row_y {
            self.row_link(x)
        } else {
            format!(
                "<span class=\"pair\">rows <a href=\"#{}\">{}</a>↔<a href=\"#{}\">{}</a></span>",
                anchor(x),
                row_x + 1,
                anchor(y),
                row_y + 1
            )
        }
    }

    fn systematic(&mut self) {
        let (swaps, additions) = super::repeated_substitutions(self.c);
        let item = |g: &SubstitutionGroup| {
            let pairs: Vec<String> = g
                .pairs
                .iter()
                .map(|&(a, b, _)| format!("{} → {}", self.article_link(a), self.article_link(b)))
                .collect();
            format!(
                "{} → {} <span class=\"muted\">({})</span> — {}; {}×",
                wording(&g.from),
                wording(&g.to),
                g.kind.label(),
                pairs.join(", "),
                g.count
            )
        };
        let swap_items: Vec<String> = swaps.iter().map(item).collect();
        let addition_items: Vec<String> = additions.iter().map(item).collect();
        self.foldable_list(
            "Systematic substitutions",
            "The same swap between several pairs of articles.",
            &swap_items,
        );
        self.foldable_list(
            "Systematic additions and cuts",
            "The same words added or cut between several pairs of articles.",
            &addition_items,
        );
    }

    /// A titled list, unfolded when short.
    fn foldable_list(&mut self, title: &str, explanation: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        let open = if items.len() <= MAX_OPEN_ITEMS {
            " open"
        } else {
            ""
        };
        let _ = writeln!(
            self.out,
            "<details{open}>\n<summary><h4>{title} <span class=\"muted\">({})</span></h4></summary>\n\
             <p class=\"muted\">{explanation}</p>\n<ul>",
            items.len()
        );
        for item in items {
            let _ = writeln!(self.out, "<li>{item}</li>");
        }
        self.out.push_str("</ul>\n</details>\n");
    }

    fn quote_changes(&mut self) {
        let c = self.c;
        self.open_section("Quote changes", Some(c.quote_changes.len()));
        if c.quote_changes.is_empty() {
            self.out.push_str("<p class=\"muted\">No quotation differs between linked sentences.</p>\n</details>\n");
            return;
        }
        self.out
            .push_str("<table class=\"findings quotes\">\n<tbody>\n");
        for q in &c.quote_changes {
            let (left, right) = match quote_pieces(c, q) {
                Some((a, b)) => (pieces_html(&a), pieces_html(&b)),
                None => (escape(&q.a_quote), escape(&q.b_quote)),
            };
            let edits: Vec<String> = q.edits.iter().map(|e| escape(&e.describe())).collect();
            let _ = writeln!(
                self.out,
                "<tr><td colspan=\"2\"><strong>{}</strong>: {}</td></tr>",
                q.kind.label(),
                edits.join("; ")
            );
            let _ = writeln!(
                self.out,
                "<tr><td>{} <span class=\"muted\">({})</span><blockquote>“{left}”</blockquote></td>\
                 <td>{} <span class=\"muted\">({})</span><blockquote>“{right}”</blockquote></td></tr>",
                self.label_link(q.a),
                self.row_link(q.a),
                self.label_link(q.b),
                self.row_link(q.b),
            );
        }
        self.out.push_str("</tbody>\n</table>\n</details>\n");
    }

    fn numbers(&mut self) {
        let c = self.c;
        self.open_section("Conflicting figures", Some(c.numbers.len()));
        if c.numbers.is_empty() {
            self.out.push_str(
                "<p class=\"muted\">No figure is reported differently.</p>\n</details>\n",
            );
            return;
        }
        for fact in &c.numbers {
            let precision = match fact.kind {
                FactKind::Conflict => "",
                FactKind::Precision => {
                    " <span class=\"muted\">(agree, with different precision)</span>"
                }
            };
            let _ = writeln!(
                self.out,
                "<h4>{}{precision}</h4>\n<table class=\"findings\">\n<thead><tr><th>Article</th><th>Wording</th><th>Value</th>\
                 </tr></thead>\n<tbody>",
                escape(&fact.fact)
            );
            for m in &fact.mentions {
                let r = SentenceRef::new(m.article, m.sentence);
                let value = m.value.map(|v| v.to_string()).unwrap_or_default();
                let _ = writeln!(
                    self.out,
                    "<tr><td>{}</td><td>{} <span class=\"muted\">({})</span></td><td class=\"n\">{value}</td></tr>",
                    self.label_link(r),
                    escape(&m.text),
                    self.row_link(r)
                );
            }
            self.out.push_str("</tbody>\n</table>\n");
        }
        self.out.push_str("</details>\n");
    }

    fn omissions(&mut self) {
        let c = self.c;
        self.open_section("Omissions", Some(c.omissions.len()));
        if c.omissions.is_empty() {
            self.out.push_str(
                "<p class=\"muted\">No article lacks what most others carry.</p>\n</details>\n",
            );
            return;
        }
        self.out.push_str(
            "<table class=\"findings\">\n<thead><tr><th>Missing from</th><th>Content</th><th>Carried by</th></tr>\
             </thead>\n<tbody>\n",
        );
        for o in &c.omissions {
            let Some(group) = c.groups.get(o.group) else {
                continue;
            };
            let carriers: Vec<String> = o
                .present_in
                .iter()
                .filter_map(|&a| group.members.iter().find(|m| m.article == a))
                .map(|&m| self.label_link(m))
                .collect();
            let content = match group.members.first() {
                Some(&first) => format!(
                    "{} <span class=\"muted\">({})</span>",
                    escape(&o.text),
                    self.row_link(first)
                ),
                None => escape(&o.text),
            };
            let _ = writeln!(
                self.out,
                "<tr><td>{}</td><td>{content}</td><td>{}</td></tr>",
                self.article_link(o.article),
                carriers.join(", ")
            );
        }
        self.out.push_str("</tbody>\n</table>\n</details>\n");
    }

    fn aligned_view(&mut self) {
        self.out.push_str(
            "<section id=\"aligned\">\n<h2>Aligned text</h2>\n<p class=\"muted\">Corresponding sentences share a \
             row; each column keeps its article's own order. Hover a sentence for details; ↗ links lead to \
             counterparts placed in other rows.</p>\n<div class=\"aligned-wrap\">\n<table class=\"aligned\">\n\
             <colgroup><col class=\"num\">",
        );
        for _ in &self.c.articles {
            self.out.push_str("<col>");
        }
        self.out
            .push_str("</colgroup>\n<thead><tr><th class=\"num\" scope=\"col\">#</th>");
        for (i, article) in self.c.articles.iter().enumerate() {
            let title = article
                .title
                .as_deref()
                .map(|t| format!("<small>{}</small>", escape(t)))
                .unwrap_or_default();
            let _ = write!(
                self.out,
                "<th id=\"a-{i}\" scope=\"col\" title=\"{}\">{}{title}</th>",
                escape(super::source_name(&article.source)),
                self.label(i)
            );
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for index in 0..self.layout.rows.len() {
            self.aligned_row(index);
        }
        self.out
            .push_str("</tbody>\n</table>\n</div>\n</section>\n");
    }

    fn aligned_row(&mut self, index: usize) {
        let _ = write!(self.out, "<tr><td class=\"num\">{}</td>", index + 1);
        for article in 0..self.c.articles.len() {
            match self.layout.rows[index].get(article).cloned().flatten() {
                Some(sentences) => self.cell(article, sentences, index),
                None => self.out.push_str("<td class=\"empty\"></td>"),
            }
        }
        self.out.push_str("</tr>\n");
    }

    /// One cell: the sentences, a paragraph per paragraph, and links to counterparts elsewhere.
    fn cell(&mut self, article: usize, sentences: Range<usize>, row: usize) {
        let spans = &self.c.articles[article].sentences;
        let continues = sentences.start > 0
            && spans[sentences.start - 1].paragraph == spans[sentences.start].paragraph;
        self.out.push_str(if continues {
            "<td class=\"cont\">"
        } else {
            "<td>"
        });
        let mut paragraph = None;
        for sentence in sentences.clone() {
            let this = Some(spans[sentence].paragraph);
            if paragraph != this {
                if paragraph.is_some() {
                    self.out.push_str("</p>");
                }
                self.out.push_str("<p>");
                paragraph = this;
            } else {
                self.out.push(' ');
            }
            self.sentence(SentenceRef::new(article, sentence));
        }
        self.out.push_str("</p>");
        self.also_links(SentenceRef::new(article, sentences.start), row);
        self.out.push_str("</td>");
    }

    fn sentence(&mut self, r: SentenceRef) {
        let c = self.c;
        let info = c.info(r);
        let role = c.articles[r.article].sentences[r.sentence].role;
        let best = closest_link(c, r);
        let _ = write!(
            self.out,
            "<span id=\"{}\" class=\"s {}{}\" title=\"{}\">",
            anchor(r),
            tint_class(info),
            role_class(role),
            escape(&self.tooltip(r, best))
        );
        match reworded_pieces(c, r, Removed::Shown) {
            Some((_, pieces)) => self.out.push_str(&pieces_html(&pieces)),
            None => self.out.push_str(&escape(c.sentence_text(r))),
        }
        self.out.push_str("</span>");
    }

    /// "Reworded: shared by 3 of 4 articles; 96% similar to Wire, row 2 (marks show …)".
    fn tooltip(&self, r: SentenceRef, best: Option<&Link>) -> String {
        let c = self.c;
        let info = c.info(r);
        if info.status == Status::Unique {
            return "Unique: found in no other article".to_owned();
        }
        let mut tip = format!(
            "{}: shared by {} of {} articles",
            status_name(info.status),
            info.shared_by,
            c.articles.len()
        );
        if let Some(link) = best {
            let other = link.other(r);
            let _ = write!(
                tip,
                "; {} similar to {}, row {}",
                pct(link.similarity),
                c.articles[other.article].label,
                self.layout.row(other) + 1
            );
            if info.status == Status::Reworded {
                tip.push_str(" (the marks show the differences from it)");
            }
        }
        tip
    }

    /// "↗ also in Wire, Courier (row 9)": the other articles whose version of the cell's content
    /// is on other rows, grouped by row, each label linking to that version.
    fn also_links(&mut self, first: SentenceRef, row: usize) {
        let c = self.c;
        let Some(group) = c.info(first).group.and_then(|g| c.groups.get(g)) else {
            return;
        };
        let mut elsewhere: Vec<(usize, SentenceRef)> = group
            .members
            .chunk_by(|x, y| x.article == y.article)
            .filter(|members| members[0].article != first.article)
            .filter(|members| members.iter().all(|&m| self.layout.row(m) != row))
            .map(|members| (self.layout.row(members[0]), members[0]))
            .collect();
        if elsewhere.is_empty() {
            return;
        }
        elsewhere.sort();
        let places: Vec<String> = elsewhere
            .chunk_by(|x, y| x.0 == y.0)
            .map(|same_row| self.also_in_row(same_row))
            .collect();
        let _ = write!(
            self.out,
            "<span class=\"also\">↗ also in {}</span>",
            places.join("; ")
        );
    }

    /// "Wire, Courier and 2 more (row 9)" for versions on one row.
    fn also_in_row(&self, same_row: &[(usize, SentenceRef)]) -> String {
        // "and 1 more" would take the room of the one label it hides.
        let shown = if same_row.len() <= MAX_ALSO_LINKS + 1 {
            same_row.len()
        } else {
            MAX_ALSO_LINKS
        };
        let labels: Vec<String> = same_row
            .iter()
            .take(shown)
            .map(|&(_, m)| self.label_link(m))
            .collect();
        let more = match same_row.len() - shown {
            0 => String::new(),
            extra => format!(" and {extra} more"),
        };
        format!("{}{more} (row {})", labels.join(", "), same_row[0].0 + 1)
    }
}

/// A wording in quotes, or "(nothing)".
fn wording(text: &str) -> String {
    if text.is_empty() {
        "<span class=\"muted\">(nothing)</span>".to_owned()
    } else {
        format!("“{}”", escape(text))
    }
}

/// Pieces as HTML: removed words in `<del>`, added words in `<ins>`.
fn pieces_html(pieces: &[Piece<'_>]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Kept(text) => out.push_str(&escape(text)),
            Piece::Gap => out.push(' '),
            Piece::Removed(text) => {
                let _ = write!(out, "<del>{}</del>", escape(text));
            }
            Piece::Added(text) => {
                let _ = write!(out, "<ins>{}</ins>", escape(text));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_hashes_the_style_block() {
        // The digest of the empty string, as browsers compute it for a CSP source.
        assert!(
            content_security_policy("")
                .contains("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
        );
    }

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn widths_add_up_to_a_hundred() {
        assert_eq!(percent_widths([1.0 / 3.0; 3]).iter().sum::<usize>(), 100);
        assert_eq!(percent_widths([0.0; 3]), [0; 3]);
        assert_eq!(percent_widths([0.5, 0.25, 0.25]), [50, 25, 25]);
    }

    #[test]
    fn legend_levels_span_the_scale() {
        assert_eq!(legend_levels(2), vec![2]);
        assert_eq!(legend_levels(4), vec![2, 3, 4]);
        let many = legend_levels(50);
        assert_eq!(
            (many.first(), many.last(), many.len()),
            (Some(&2), Some(&50), MAX_LEGEND_SWATCHES)
        );
    }

    #[test]
    fn zipping_keeps_each_column_in_order() {
        let rows = vec![
            vec![Some(0..1), Some(0..1)],
            vec![Some(1..2), None],
            vec![Some(2..3), None],
            vec![None, Some(1..2)],
            vec![Some(3..4), Some(2..3)],
        ];
        let zipped = zip_single_article_rows(rows);
        assert_eq!(
            zipped,
            vec![
                vec![Some(0..1), Some(0..1)],
                vec![Some(1..2), Some(1..2)],
                vec![Some(2..3), None],
                vec![Some(3..4), Some(2..3)],
            ]
        );
    }
}
