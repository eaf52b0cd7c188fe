//! The summary: how much of each article is shared, the overlap matrix and every finding
//! (substitutions, quote changes, figures, attribution changes, cuts, omissions), each linked to
//! its sentences.

use maud::{Markup, html};

use super::css::{heat_class, percent_widths};
use super::{Page, pct, pieces_html, wording};
use crate::compare::SentenceRef;
use crate::compare::findings::SubstitutionGroup;
use crate::compare::marks::quote_pieces;
use crate::report::story::{Marking, quoted};

/// Longest table of all substitutions shown unfolded; longer ones start folded.
const MAX_OPEN_ROWS: usize = 40;
/// Longest list of systematic changes shown unfolded.
const MAX_OPEN_ITEMS: usize = 15;

/// The summary section.
pub fn summary(page: &Page<'_>) -> Markup {
    html! {
        section #summary {
            h2 { "Summary" }
            (shares(page))
            (overlap(page))
            (substitutions(page))
            (quote_changes(page))
            (numbers(page))
            (attribution_changes(page))
            (cuts(page))
            (additions(page))
            (omissions(page))
        }
    }
}

/// A foldable findings section, open.
fn section(title: &str, count: Option<usize>, body: Markup) -> Markup {
    html! {
        details open {
            summary { h3 { (title) @if let Some(n) = count { " " span.muted { "(" (n) ")" } } } }
            (body)
        }
    }
}

fn shares(page: &Page<'_>) -> Markup {
    let c = page.c;
    let body = html! {
        div.scroll { table.findings.shares {
            thead { tr {
                th { "Article" }
                th { span.key.bi {} " identical · " span.key.br {} " reworded · " span.key.bu {} " unique" }
                th { "Identical" } th { "Reworded" } th { "Unique" } th { "Sentences" }
            } }
            tbody {
                @for (i, stats) in c.stats.articles.iter().enumerate() {
                    @let widths = percent_widths([stats.identical, stats.reworded, stats.unique]);
                    tr {
                        th { (page.article_link(i)) }
                        td { div.bar {
                            span.bi.{"w" (widths[0])} title={"identical " (pct(stats.identical))} {}
                            span.br.{"w" (widths[1])} title={"reworded " (pct(stats.reworded))} {}
                            span.bu.{"w" (widths[2])} title={"unique " (pct(stats.unique))} {}
                        } }
                        td.n { (pct(stats.identical)) }
                        td.n { (pct(stats.reworded)) }
                        td.n { (pct(stats.unique)) }
                        td.n { (c.articles.get(i).map_or(0, |a| a.sentences.len())) }
                    }
                }
            }
        } }
    };
    section("How much of each article is shared", None, body)
}

fn overlap(page: &Page<'_>) -> Markup {
    let c = page.c;
    let n = c.stats.overlap.len();
    if n < 2 {
        return html! {};
    }
    let body = html! {
        p.muted { "Share of the row article's text (by characters) found in the column article." }
        div.scroll { table.findings.matrix {
            thead { tr {
                th {}
                @for j in 0..n { th title=(page.label(j)) { (j + 1) } }
            } }
            tbody {
                @for (i, row) in c.stats.overlap.iter().enumerate() {
                    tr {
                        th { (i + 1) " " (page.article_link(i)) }
                        @for (j, share) in row.iter().enumerate() {
                            @if i == j {
                                td.self { "—" }
                            } @else {
                                td.(heat_class(*share))
                                    title={(pct(*share)) " of " (page.label(i)) " is found in " (page.label(j))} {
                                    (pct(*share))
                                }
                            }
                        }
                    }
                }
            }
        } }
    };
    section("Overlap", None, body)
}

/// "A → B" when `directed`, else "A / B (differs)", each linked to its sentence.
fn sides(page: &Page<'_>, a: SentenceRef, b: SentenceRef, directed: bool) -> Markup {
    html! {
        (page.label_link(a)) (page.row_note(a))
        @if directed { " → " } @else { " / " }
        (page.label_link(b)) (page.row_note(b))
        @if !directed { " " span.muted { "(differs)" } }
    }
}

/// Claims whose source a copy dropped or changed.
fn attribution_changes(page: &Page<'_>) -> Markup {
    let c = page.c;
    let body = html! {
        @if c.attribution_changes.is_empty() {
            p.muted { "No claim's source was dropped or changed." }
        } @else {
            table.findings {
                thead { tr { th { "Change" } th { "From" } th { "To" } th { "Articles" } } }
                tbody { @for x in &c.attribution_changes {
                    tr {
                        td { (x.label()) }
                        td { (wording(&x.from)) }
                        td { (wording(&x.to)) }
                        td { (sides(page, x.a, x.b, x.directed)) }
                    }
                } }
            }
        }
    };
    section(
        "Attribution changes",
        Some(c.attribution_changes.len()),
        body,
    )
}

/// What each copy cut from its original, in the comparison's order (whole sentences first).
fn cuts(page: &Page<'_>) -> Markup {
    let rows = page.c.cuts.iter().map(|x| {
        let sides = ((Some(x.original), x.original.article), (x.kept_in, x.copy));
        (sides, x.describe(), x.text.as_str())
    });
    let titles = ("Cut by copies from their originals", "Cut", "Words cut");
    let none = "No copy cut a sentence or clause of its original.";
    passages_along_tree(page, titles, none, rows)
}

/// What each copy added to what it took from its original, in the comparison's order (whole
/// sentences first).
fn additions(page: &Page<'_>) -> Markup {
    let rows = page.c.additions.iter().map(|x| {
        let sides = ((x.added_to, x.original), (Some(x.copy), x.copy.article));
        (sides, x.describe(), x.text.as_str())
    });
    let titles = ("Added by copies to their originals", "Added", "Words added");
    let none = "No copy added a sentence or clause to what it took from its original.";
    passages_along_tree(page, titles, none, rows)
}

/// One side of a passage cut or added: the sentence it is about, or else the article.
type Place = (Option<SentenceRef>, usize);

/// A section of passages cut or added along the tree, titled and headed by `titles` (the
/// section, then the columns of what each passage is and of its words), each row its two sides
/// (original, copy), what the passage is and its words; `none` when there are none.
fn passages_along_tree<'c>(
    page: &Page<'_>,
    (title, what, words): (&str, &str, &str),
    none: &str,
    rows: impl ExactSizeIterator<Item = ((Place, Place), &'static str, &'c str)>,
) -> Markup {
    let place = |(sentence, article): Place| match sentence {
        Some(at) => html! { (page.label_link(at)) (page.row_note(at)) },
        None => page.article_link(article),
    };
    let count = rows.len();
    let body = html! {
        @if count == 0 {
            p.muted { (none) }
        } @else {
            table.findings {
                thead { tr { th { "Original → copy" } th { (what) } th { (words) } } }
                tbody { @for ((original, copy), kind, text) in rows {
                    tr {
                        td { (place(original)) " → " (place(copy)) }
                        td { (kind) }
                        td { (quoted(text)) }
                    }
                } }
            }
        }
    };
    section(title, Some(count), body)
}

fn substitutions(page: &Page<'_>) -> Markup {
    let c = page.c;
    if c.substitutions.is_empty() {
        let body = html! { p.muted { "No words were swapped between linked sentences." } };
        return section("Substitutions", Some(0), body);
    }
    let (swaps, additions) = super::super::repeated_substitutions(c);
    let body = html! {
        (foldable_list(page, "Systematic substitutions", "The same swap between several pairs of articles.", &swaps))
        (foldable_list(page, "Systematic additions and cuts", "The same words added or cut between several pairs of articles.", &additions))
        details open[c.substitutions.len() <= MAX_OPEN_ROWS] {
            summary { h4 { "All substitutions" } }
            div.scroll { table.findings {
                thead { tr { th { "Count" } th { "From" } th { "To" } th { "Kind" } th { "Articles" } th { "Where" } } }
                tbody { @for s in &c.substitutions {
                    tr {
                        td.n { (s.count) "×" }
                        td { (wording(&s.from)) }
                        td { (wording(&s.to)) }
                        td { (s.kind.label()) }
                        td { (page.article_sides(s.a, s.b, s.directed)) }
                        td { @for (k, &(_, to)) in s.occurrences.iter().enumerate() {
                            @if k > 0 { " · " }
                            a href={"#" (super::anchor(to))} { (k + 1) }
                        } }
                    }
                } }
            } }
        }
    };
    section("Substitutions", Some(c.substitutions.len()), body)
}

/// A titled list of substitution groups, unfolded when short.
fn foldable_list(
    page: &Page<'_>,
    title: &str,
    explanation: &str,
    groups: &[SubstitutionGroup],
) -> Markup {
    if groups.is_empty() {
        return html! {};
    }
    html! {
        details open[groups.len() <= MAX_OPEN_ITEMS] {
            summary { h4 { (title) " " span.muted { "(" (groups.len()) ")" } } }
            p.muted { (explanation) }
            ul { @for g in groups {
                li {
                    (wording(&g.from)) " → " (wording(&g.to)) " " span.muted { "(" (g.kind.label()) ")" } " — "
                    @for (k, &(a, b, _)) in g.pairs.iter().enumerate() {
                        @if k > 0 { ", " }
                        (page.article_sides(a, b, g.directed))
                    }
                    "; " (g.count) "×"
                }
            } }
        }
    }
}

fn quote_changes(page: &Page<'_>) -> Markup {
    let c = page.c;
    let body = html! {
        @if c.quote_changes.is_empty() {
            p.muted { "No quotation differs between linked sentences." }
        } @else {
            table.findings.quotes { tbody { @for q in &c.quote_changes {
                @let (a_marking, b_marking) = (Marking::of(c, q.a.article, q.b.article), Marking::of(c, q.b.article, q.a.article));
                @let (left, right) = match quote_pieces(c, q) {
                    Some((a, b)) => (pieces_html(&a, a_marking), pieces_html(&b, b_marking)),
                    None => (html! { (q.a_quote) }, html! { (q.b_quote) }),
                };
                tr { td colspan="2" {
                    strong { (q.kind.label()) } ": "
                    (q.edits.iter().map(|e| e.describe()).collect::<Vec<_>>().join("; "))
                } }
                tr {
                    td { (quote_side(page, q.a)) blockquote { "“" (left) "”" } }
                    td { (quote_side(page, q.b)) blockquote { "“" (right) "”" } }
                }
            } } }
        }
    };
    section("Quote changes", Some(c.quote_changes.len()), body)
}

fn quote_side(page: &Page<'_>, r: SentenceRef) -> Markup {
    html! { (page.label_link(r)) (page.row_note(r)) }
}

fn numbers(page: &Page<'_>) -> Markup {
    let c = page.c;
    let body = html! {
        @if c.numbers.is_empty() {
            p.muted { "No figure is reported differently." }
        } @else {
            @for fact in &c.numbers {
                h4 {
                    (fact.fact)
                    @if let Some(note) = fact.note() { " " span.muted { "(" (note) ")" } }
                }
                table.findings {
                    thead { tr { th { "Article" } th { "Wording" } th { "Value" } } }
                    tbody { @for m in &fact.mentions {
                        @let r = SentenceRef::new(m.article, m.sentence);
                        tr {
                            td { (page.label_link(r)) }
                            td { (m.text) (page.row_note(r)) }
                            td.n { @if let Some(v) = m.value_text() { (v) } }
                        }
                    } }
                }
            }
        }
    };
    section("Conflicting figures", Some(c.numbers.len()), body)
}

/// The omissions, one row per content: every article that lacks it, and those that carry it.
fn omissions(page: &Page<'_>) -> Markup {
    let c = page.c;
    // (group, its wording, the articles missing it, the articles carrying it)
    let mut by_content: Vec<(usize, &str, Vec<usize>, Vec<usize>)> = Vec::new();
    for o in &c.omissions {
        match by_content.iter_mut().find(|(group, ..)| *group == o.group) {
            Some((_, _, missing, carried)) => {
                missing.push(o.article);
                let new: Vec<usize> = o
                    .present_in
                    .iter()
                    .copied()
                    .filter(|a| !carried.contains(a) && !missing.contains(a))
                    .collect();
                carried.extend(new);
            }
            None => by_content.push((o.group, &o.text, vec![o.article], o.present_in.clone())),
        }
    }
    let body = html! {
        @if c.omissions.is_empty() {
            p.muted { "No article lacks what most others carry." }
        } @else {
            p.muted { (c.omissions.len()) " omissions of " (by_content.len()) " passages." }
            table.findings {
                thead { tr { th { "Missing from" } th { "Content" } th { "Carried by" } } }
                tbody { @for (group, text, missing, carried) in &by_content {
                    @if let Some(group) = c.groups.get(*group) {
                        tr {
                            td {
                                @for (k, &article) in missing.iter().enumerate() {
                                    @if k > 0 { ", " }
                                    (page.article_link(article))
                                }
                            }
                            td {
                                (*text)
                                @if let Some(&first) = group.members.first() { (page.row_note(first)) }
                            }
                            td {
                                @for (k, member) in carried.iter().filter_map(|&a| group.members.iter().find(|m| m.article == a)).enumerate() {
                                    @if k > 0 { ", " }
                                    (page.label_link(*member))
                                }
                            }
                        }
                    }
                } }
            }
        }
    };
    section("Omissions", Some(c.omissions.len()), body)
}
