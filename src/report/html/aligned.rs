//! The text of a few articles side by side: one column each, corresponding sentences on one row
//! ([`super::rows`]), each reworded sentence marked against its closest counterpart (a copy
//! against its original; neutrally where it is not known which is which).

use std::ops::Range;

use maud::{Markup, html};

use super::css::{role_class, status_name, tint_class};
use super::{Page, anchor, pct, pieces_html};
use crate::compare::findings::counterparts::closest_link;
use crate::compare::marks::{Removed, sentence_pieces};
use crate::compare::{SentenceRef, Status};
use crate::report::rows::Rows;
use crate::report::story::Marking;

/// Most "also in" links shown per row under a cell; the rest are counted.
const MAX_ALSO_LINKS: usize = 3;

/// The aligned view.
pub fn view(page: &Page<'_>, rows: &Rows) -> Markup {
    let c = page.c;
    html! {
        section #text {
            h2 { "Aligned text" }
            p.muted {
                "Corresponding sentences share a row; each column keeps its article's own order. Hover a \
                 sentence for details; ↗ links lead to counterparts placed in other rows."
            }
            div.aligned-wrap { table.aligned {
                colgroup { col.num; @for _ in &rows.articles { col; } }
                thead { tr {
                    th.num scope="col" { "#" }
                    @for &i in &rows.articles {
                        th #{"a-" (i)} scope="col" title=(super::source_name(&c.articles[i].source)) {
                            (page.label(i))
                            @if let Some(title) = &c.articles[i].title { small { (title) } }
                        }
                    }
                } }
                tbody { @for (index, cells) in rows.rows.iter().enumerate() {
                    tr {
                        td.num { (index + 1) }
                        @for (column, cell) in cells.iter().enumerate() {
                            @match cell {
                                Some(sentences) => { (cell_markup(page, rows, rows.articles[column], sentences.clone(), index)) }
                                None => { td.empty {} }
                            }
                        }
                    }
                } }
            } }
        }
    }
}

/// One cell: the sentences, a paragraph per paragraph, and links to counterparts elsewhere.
fn cell_markup(
    page: &Page<'_>,
    rows: &Rows,
    article: usize,
    sentences: Range<usize>,
    row: usize,
) -> Markup {
    let spans = &page.c.articles[article].sentences;
    let continues = sentences.start > 0
        && spans[sentences.start - 1].paragraph == spans[sentences.start].paragraph;
    let paragraphs: Vec<Vec<usize>> = sentences
        .clone()
        .collect::<Vec<_>>()
        .chunk_by(|&x, &y| spans[x].paragraph == spans[y].paragraph)
        .map(<[usize]>::to_vec)
        .collect();
    html! {
        td class=[continues.then_some("cont")] {
            @for paragraph in &paragraphs {
                p { @for (k, &s) in paragraph.iter().enumerate() {
                    @if k > 0 { " " }
                    (sentence(page, rows, SentenceRef::new(article, s)))
                } }
            }
            (also_links(page, rows, SentenceRef::new(article, sentences.start), row))
        }
    }
}

/// A sentence, tinted by its status and marked against its closest counterpart when reworded.
pub fn sentence(page: &Page<'_>, rows: &Rows, r: SentenceRef) -> Markup {
    let c = page.c;
    let info = c.info(r);
    let role = c.articles[r.article].sentences[r.sentence].role;
    let reworded = info.status == Status::Reworded;
    let marked = reworded.then(|| closest_link(c, r)).flatten().map(|link| {
        let marking = Marking::of(c, r.article, link.other(r).article);
        let removed = if marking == Marking::Copy {
            Removed::Shown
        } else {
            Removed::Hidden
        };
        (link, marking, sentence_pieces(c, r, link, removed))
    });
    let tooltip = tooltip(page, rows, r);
    html! {
        span #(anchor(r)) class={"s " (tint_class(info)) (role_class(role))} title=(tooltip) {
            @match &marked {
                Some((_, marking, pieces)) => { (pieces_html(pieces, *marking)) }
                None => { (c.sentence_text(r)) }
            }
        }
    }
}

/// "Reworded: shared by 3 of 4 articles; 96% similar to Wire, row 2 (marks show …)".
fn tooltip(page: &Page<'_>, rows: &Rows, r: SentenceRef) -> String {
    let c = page.c;
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
    if let Some(link) = closest_link(c, r) {
        let other = link.other(r);
        tip.push_str(&format!(
            "; {} similar to {}",
            pct(link.similarity),
            c.articles[other.article].label
        ));
        if let Some(row) = rows.row(other) {
            tip.push_str(&format!(", row {}", row + 1));
        }
        if info.status == Status::Reworded {
            tip.push_str(" (the marks show the differences from it)");
        }
    }
    tip
}

/// "↗ also in Wire, Courier (row 9)": the other articles whose version of the cell's content
/// is on other rows, grouped by row, each label linking to that version.
fn also_links(page: &Page<'_>, rows: &Rows, first: SentenceRef, row: usize) -> Markup {
    let c = page.c;
    let Some(group) = c.info(first).group.and_then(|g| c.groups.get(g)) else {
        return html! {};
    };
    let mut elsewhere: Vec<(usize, SentenceRef)> = group
        .members
        .chunk_by(|x, y| x.article == y.article)
        .filter(|members| members[0].article != first.article)
        .filter_map(|members| {
            let rows_of: Vec<usize> = members.iter().filter_map(|&m| rows.row(m)).collect();
            let first_row = *rows_of.first()?;
            (!rows_of.contains(&row)).then_some((first_row, members[0]))
        })
        .collect();
    if elsewhere.is_empty() {
        return html! {};
    }
    elsewhere.sort();
    html! {
        span.also {
            "↗ also in "
            @for (k, same_row) in elsewhere.chunk_by(|x, y| x.0 == y.0).enumerate() {
                @if k > 0 { "; " }
                (also_in_row(page, same_row))
            }
        }
    }
}

/// "Wire, Courier and 2 more (row 9)" for versions on one row.
fn also_in_row(page: &Page<'_>, same_row: &[(usize, SentenceRef)]) -> Markup {
    // "and 1 more" would take the room of the one label it hides.
    let shown = if same_row.len() <= MAX_ALSO_LINKS + 1 {
        same_row.len()
    } else {
        MAX_ALSO_LINKS
    };
    html! {
        @for (k, &(_, m)) in same_row.iter().take(shown).enumerate() {
            @if k > 0 { ", " }
            (page.label_link(m))
        }
        @if same_row.len() > shown { " and " (same_row.len() - shown) " more" }
        " (row " (same_row[0].0 + 1) ")"
    }
}
