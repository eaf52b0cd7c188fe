//! The plain-text summary `parallax compare` prints by default: each copy's key changes first,
//! then per-article shares, the overlap matrix, the version tree (who copied whom) and the
//! findings, readable in a terminal. Changes along a tree edge whose direction is known read
//! original → copy; where it is undetermined, "differs" and no arrow.
//!
//! Everything taken from the articles (labels, which may come from a page or a file name, quotes,
//! figures, sentences) passes through [`escape_controls`] first, so that a page cannot clear the
//! screen, retitle the window or write the clipboard of the terminal showing the report.

use std::borrow::Cow;
use std::fmt::Write;

use crate::compare::findings::{SubstitutionGroup, group_substitutions};
use crate::compare::{Comparison, FactBasis, FactKind, QuoteEdit, SubstitutionKind};

/// Most rows of each findings table printed.
const MAX_ROWS: usize = 25;

/// The summary as text.
pub fn render(c: &Comparison) -> String {
    let mut out = String::new();
    key_changes(&mut out, c);
    articles(&mut out, c);
    overlap(&mut out, c);
    tree(&mut out, c);
    substitutions(&mut out, c);
    quotes(&mut out, c);
    attribution_changes(&mut out, c);
    numbers(&mut out, c);
    cuts(&mut out, c);
    additions(&mut out, c);
    omissions(&mut out, c);
    out
}

/// `text` with every control character (C0, DEL, C1: escape sequences, bells, line breaks)
/// written as a visible escape such as `\u{1b}`, so that printing it cannot drive a terminal.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            escaped.extend(c.escape_unicode());
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

/// The label of article `index`, safe to print.
fn label(c: &Comparison, index: usize) -> Cow<'_, str> {
    escape_controls(&c.articles[index].label)
}

fn pct(x: f32) -> String {
    format!("{:>3.0}%", x * 100.0)
}

fn articles(out: &mut String, c: &Comparison) {
    let shared = c.groups.len();
    let _ = writeln!(
        out,
        "{} articles, {} links, {} shared passages\n",
        c.articles.len(),
        c.links.len(),
        shared
    );
    let _ = writeln!(out, "  #  identical reworded unique  sentences  label");
    for (i, (a, s)) in c.articles.iter().zip(&c.stats.articles).enumerate() {
        let _ = writeln!(
            out,
            "{:>3}  {:>9} {:>8} {:>6}  {:>9}  {}",
            i + 1,
            pct(s.identical),
            pct(s.reworded),
            pct(s.unique),
            a.sentences.len(),
            escape_controls(&a.label)
        );
    }
}

fn overlap(out: &mut String, c: &Comparison) {
    if c.articles.len() < 2 {
        return;
    }
    let _ = writeln!(
        out,
        "\nOverlap (share of row article's text found in column article)"
    );
    let _ = write!(out, "     ");
    for j in 0..c.articles.len() {
        let _ = write!(out, "{:>5}", j + 1);
    }
    let _ = writeln!(out);
    for (i, row) in c.stats.overlap.iter().enumerate() {
        let _ = write!(out, "{:>3}  ", i + 1);
        for (j, v) in row.iter().enumerate() {
            if i == j {
                let _ = write!(out, "{:>5}", "-");
            } else {
                let _ = write!(out, "{:>5}", pct(*v));
            }
        }
        let _ = writeln!(out);
    }
}

/// "A → B" when `directed`, else "A / B (differs)".
fn sides(c: &Comparison, a: usize, b: usize, directed: bool) -> String {
    if directed {
        format!("{} → {}", label(c, a), label(c, b))
    } else {
        format!("{} / {} (differs)", label(c, a), label(c, b))
    }
}

/// Each copy's most consequential changes, before everything else.
fn key_changes(out: &mut String, c: &Comparison) {
    if c.key_changes.is_empty() {
        return;
    }
    let _ = writeln!(out, "Key changes");
    for copy in &c.key_changes {
        let _ = writeln!(
            out,
            "  {}",
            sides(c, copy.original, copy.copy, copy.directed)
        );
        for change in &copy.changes {
            let _ = writeln!(
                out,
                "    {:<15} {}",
                change.kind.label(),
                escape_controls(&change.summary)
            );
        }
    }
    let _ = writeln!(out);
}

/// The version tree: who copied whom, each edge with its direction or "differs".
fn tree(out: &mut String, c: &Comparison) {
    if !section(out, "Version tree (who copied whom)", c.lineage.len()) {
        return;
    }
    for d in &c.lineage {
        let why: Vec<&str> = d.clues.iter().map(|clue| clue.label()).collect();
        if d.known {
            let _ = writeln!(
                out,
                "  {} copied from {}  ({} sure: {}; {} shared)",
                label(c, d.copy),
                label(c, d.original),
                pct(d.confidence).trim(),
                why.join(", "),
                pct(d.shared).trim()
            );
        } else {
            let _ = writeln!(
                out,
                "  {} and {} are versions of each other; which came first is undetermined ({} shared)",
                label(c, d.original),
                label(c, d.copy),
                pct(d.shared).trim()
            );
        }
    }
}

fn section(out: &mut String, title: &str, total: usize) -> bool {
    if total == 0 {
        return false;
    }
    let _ = writeln!(out, "\n{title} ({total})");
    true
}

/// Which substitution groups a list shows.
type GroupFilter = fn(&SubstitutionGroup) -> bool;

/// Substitutions in rank order, grouped by wording: word swaps first, then additions, cuts and
/// house-style variants, each its own list.
fn substitutions(out: &mut String, c: &Comparison) {
    let groups = group_substitutions(&c.substitutions);
    let lists: [(&str, GroupFilter); 4] = [
        ("Substitutions", SubstitutionGroup::is_swap),
        ("Words added", |g| g.kind == SubstitutionKind::Addition),
        ("Words cut", |g| g.kind == SubstitutionKind::Cut),
        ("House-style variants", |g| {
            g.kind == SubstitutionKind::HouseStyle
        }),
    ];
    for (title, belongs) in lists {
        let rows: Vec<&SubstitutionGroup> = groups.iter().filter(|g| belongs(g)).collect();
        if !section(out, title, rows.len()) {
            continue;
        }
        for g in rows.iter().take(MAX_ROWS) {
            substitution_row(out, c, g);
        }
        more(out, rows.len());
    }
}

fn substitution_row(out: &mut String, c: &Comparison, g: &SubstitutionGroup) {
    let show = |w: &str| {
        if w.is_empty() {
            "(nothing)".to_owned()
        } else {
            format!("\"{}\"", escape_controls(w))
        }
    };
    let pairs: Vec<String> = g
        .pairs
        .iter()
        .map(|&(a, b, _)| sides(c, a, b, g.directed))
        .collect();
    let _ = writeln!(
        out,
        "  {:>2}×  {} → {}   ({})  [{}]",
        g.count,
        show(&g.from),
        show(&g.to),
        g.kind.label(),
        pairs.join(", ")
    );
}

fn quotes(out: &mut String, c: &Comparison) {
    if !section(out, "Quote changes", c.quote_changes.len()) {
        return;
    }
    for q in c.quote_changes.iter().take(MAX_ROWS) {
        let edits: Vec<String> = q.edits.iter().map(QuoteEdit::describe).collect();
        let _ = writeln!(
            out,
            "  {}: {}",
            q.kind.label(),
            escape_controls(&edits.join("; "))
        );
        let (first, second) = if q.directed {
            ("original", "copy")
        } else {
            ("differs", "differs")
        };
        let _ = writeln!(
            out,
            "    {first:<8} {}: “{}”",
            label(c, q.a.article),
            escape_controls(&q.a_quote)
        );
        let _ = writeln!(
            out,
            "    {second:<8} {}: “{}”\n",
            label(c, q.b.article),
            escape_controls(&q.b_quote)
        );
    }
    more(out, c.quote_changes.len());
}

fn numbers(out: &mut String, c: &Comparison) {
    let lists = [
        ("Conflicting figures", FactKind::Conflict),
        (
            "Figures given with different precision",
            FactKind::Precision,
        ),
    ];
    for (title, kind) in lists {
        let facts: Vec<_> = c.numbers.iter().filter(|f| f.kind == kind).collect();
        if !section(out, title, facts.len()) {
            continue;
        }
        for fact in facts.iter().take(MAX_ROWS) {
            let note = match fact.basis {
                FactBasis::Linked => String::new(),
                FactBasis::Unlinked => " (separate reports, sentences not linked)".to_owned(),
            };
            let _ = writeln!(out, "  {}{note}", escape_controls(&fact.fact));
            for m in &fact.mentions {
                let _ = writeln!(
                    out,
                    "    {:<24} {}",
                    label(c, m.article),
                    escape_controls(&m.text)
                );
            }
        }
        more(out, facts.len());
    }
}

fn attribution_changes(out: &mut String, c: &Comparison) {
    if !section(out, "Attribution changes", c.attribution_changes.len()) {
        return;
    }
    for x in c.attribution_changes.iter().take(MAX_ROWS) {
        let show = |w: &str| {
            if w.is_empty() {
                "(nothing)".to_owned()
            } else {
                format!("\"{}\"", escape_controls(w))
            }
        };
        let _ = writeln!(
            out,
            "  {}: {} → {}   [{}]",
            x.label(),
            show(&x.from),
            show(&x.to),
            sides(c, x.a.article, x.b.article, x.directed)
        );
    }
    more(out, c.attribution_changes.len());
}

/// What each copy cut from its original, in the comparison's order (whole sentences first).
fn cuts(out: &mut String, c: &Comparison) {
    let rows = c.cuts.iter().map(|x| {
        let edge = (x.original.article, x.copy);
        (edge, x.describe(), x.text.as_str())
    });
    passages_along_tree(out, c, ("Cut by copies from their originals", "cut"), rows);
}

/// What each copy added to what it took from its original, in the comparison's order (whole
/// sentences first).
fn additions(out: &mut String, c: &Comparison) {
    let rows = c.additions.iter().map(|x| {
        let edge = (x.original, x.copy.article);
        (edge, x.describe(), x.text.as_str())
    });
    passages_along_tree(
        out,
        c,
        ("Added by copies to their originals", "added"),
        rows,
    );
}

/// A section of passages cut or added along the tree (`done`: "cut" or "added"), each row its
/// edge (original, copy), what the passage is and its words.
fn passages_along_tree<'c>(
    out: &mut String,
    c: &Comparison,
    (title, done): (&str, &str),
    rows: impl ExactSizeIterator<Item = ((usize, usize), &'static str, &'c str)>,
) {
    let total = rows.len();
    if !section(out, title, total) {
        return;
    }
    for ((original, copy), what, text) in rows.take(MAX_ROWS) {
        let _ = writeln!(
            out,
            "  {} {done} ({what}): {}",
            sides(c, original, copy, true),
            escape_controls(text)
        );
    }
    more(out, total);
}

fn omissions(out: &mut String, c: &Comparison) {
    if !section(out, "Omissions", c.omissions.len()) {
        return;
    }
    for o in c.omissions.iter().take(MAX_ROWS) {
        let _ = writeln!(
            out,
            "  {} lacks (carried by {}): {}",
            label(c, o.article),
            o.present_in.len(),
            escape_controls(&o.text)
        );
    }
    more(out, c.omissions.len());
}

fn more(out: &mut String, total: usize) {
    if total > MAX_ROWS {
        let _ = writeln!(
            out,
            "  … and {} more (see the JSON or HTML report)",
            total - MAX_ROWS
        );
    }
}
