//! The text of many versions, one column: each tree's original in full, then every copy against
//! its original down the lineage (where the direction is undetermined, against its neighbour in
//! the tree), its changes
//! marked inline (a copy against its original: struck words cut, underlined words added; where
//! it is not known which is the original, the other version's words in grey and this version's
//! dotted). A printed page holds one column of text, whatever the number of versions.
//!
//! With "changes only", text a version shares word for word with the one it is compared with is
//! reduced to a line saying how many sentences it holds.

use std::ops::Range;

use maud::{Markup, html};

use super::{Page, anchor, pct, pieces_html};
use crate::compare::marks::{Removed, sentence_pieces};
use crate::compare::{Comparison, LinkKind, SentenceRef};
use crate::report::rows::{Cells, Rows};
use crate::report::story::{
    Marking, counterpart_in, is_shared_word_for_word, same_in_both, text_order,
};

/// One section of the view: an article's text, whole or against another version.
pub enum Section {
    /// A version against its original (or its neighbour in the tree).
    Against {
        /// The version shown.
        article: usize,
        /// The version it is compared with.
        other: usize,
        /// The rows of the two (`[other, article]`).
        rows: Rows,
    },
    /// A tree's root, or an article that is a version of no other, in full.
    Whole {
        /// The article.
        article: usize,
    },
}

/// The sections, in the order of the version tree (each tree from its root, depth first).
pub struct Pairs {
    sections: Vec<Section>,
}

impl Pairs {
    /// Every original in full, then each copy against its original (down the lineage).
    pub fn build(c: &Comparison) -> Pairs {
        let sections = text_order(c)
            .into_iter()
            .map(|(article, against)| match against {
                Some(other) => Section::Against {
                    article,
                    other,
                    rows: Rows::build(c, &[other, article]),
                },
                None => Section::Whole { article },
            })
            .collect();
        Pairs { sections }
    }
}

/// The view: a section per version.
pub fn view(page: &Page<'_>, pairs: &Pairs) -> Markup {
    html! {
        section #text .versions {
            h2 { "Text" }
            p.muted {
                "Each copy against its original in the version tree"
                @if page.options.changes_only { ", text they share word for word left out" }
                "."
            }
            @for section in &pairs.sections {
                (section_markup(page, section))
            }
        }
    }
}

fn section_markup(page: &Page<'_>, section: &Section) -> Markup {
    let c = page.c;
    match section {
        Section::Whole { article } => {
            let spans = &c.articles[*article].sentences;
            html! {
                section #{"a-" (article)} {
                    h3 { (page.label(*article)) " " span.muted { "(in full)" } }
                    @for paragraph in (0..spans.len()).collect::<Vec<_>>().chunk_by(|&x, &y| spans[x].paragraph == spans[y].paragraph) {
                        p { @for (k, &s) in paragraph.iter().enumerate() {
                            @if k > 0 { " " }
                            span.s #(anchor(SentenceRef::new(*article, s))) { (c.sentence_text(SentenceRef::new(*article, s))) }
                        } }
                    }
                }
            }
        }
        Section::Against {
            article,
            other,
            rows,
        } => {
            let marking = Marking::of(c, *article, *other);
            let shared = c.versions.get(*article).map_or(0.0, |v| v.shared);
            html! {
                section #{"a-" (article)} {
                    h3 {
                        (page.label(*article))
                        @match marking {
                            Marking::Copy => { " against its original, " (page.label(*other)) }
                            Marking::Original => { " beside " (page.label(*other)) ", which is taken from it" }
                            Marking::Neutral => { " beside " (page.label(*other)) }
                        }
                    }
                    p.muted {
                        (pct(shared)) " of the shorter text in common. "
                        @match marking {
                            Marking::Copy => { "Struck: what the copy cut; underlined: what it added." }
                            Marking::Original => { "This is the original of the two: its text as it is." }
                            Marking::Neutral => {
                                "Which was changed from the other is not known: " (page.label(*other))
                                "'s words in grey, this version's differing words dotted."
                            }
                        }
                    }
                    (version_rows(page, (*other, *article), rows, marking))
                }
            }
        }
    }
}

/// The rows of a version against another: shared text as it is (or counted, with "changes
/// only"), the rest with its changes marked inline.
fn version_rows(
    page: &Page<'_>,
    (other, article): (usize, usize),
    rows: &Rows,
    marking: Marking,
) -> Markup {
    let c = page.c;
    let same: Vec<bool> = rows
        .rows
        .iter()
        .map(|cells| is_shared_word_for_word(c, (other, article), cells))
        .collect();
    let runs: Vec<(bool, Vec<&Cells>)> = rows
        .rows
        .iter()
        .zip(&same)
        .collect::<Vec<_>>()
        .chunk_by(|x, y| *x.1 && *y.1)
        .map(|run| (*run[0].1, run.iter().map(|(cells, _)| *cells).collect()))
        .collect();
    let own = |cells: &Cells| cells.get(1).cloned().flatten();
    let theirs = |cells: &Cells| cells.first().cloned().flatten();
    html! {
        @for (shared, run) in &runs {
            @if *shared && page.options.changes_only {
                p.skip {
                    @for cells in run { (bare_anchors(article, own(cells))) }
                    (same_in_both(run.iter().filter_map(|cells| own(cells)).map(|r| r.len()).sum()))
                }
            } @else {
                @for cells in run {
                    @if marking != Marking::Original && let Some(cut) = theirs(cells).filter(|_| own(cells).is_none()) {
                        (lacked(page, other, cut, marking))
                    }
                    @if let Some(sentences) = own(cells) {
                        (sentences_markup(page, article, sentences, other, marking))
                    }
                }
            }
        }
    }
}

/// Empty anchors for sentences left out, so links to them still land here.
fn bare_anchors(article: usize, sentences: Option<Range<usize>>) -> Markup {
    html! {
        @for s in sentences.into_iter().flatten() { span #(anchor(SentenceRef::new(article, s))) {} }
    }
}

/// Sentences of the other version that this one lacks: struck on a copy, grey when neutral.
fn lacked(page: &Page<'_>, other: usize, sentences: Range<usize>, marking: Marking) -> Markup {
    let c = page.c;
    let text: Vec<&str> = sentences
        .map(|s| c.sentence_text(SentenceRef::new(other, s)))
        .collect();
    let text = crate::article::collapse_whitespace(&text.join(" "));
    html! {
        p.lacked title={"Only in " (page.label(other))} {
            @if marking == Marking::Copy { del { (text) } } @else { s.o { (text) } }
        }
    }
}

/// Sentences of `article`, a paragraph per paragraph, marked against `other`.
fn sentences_markup(
    page: &Page<'_>,
    article: usize,
    sentences: Range<usize>,
    other: usize,
    marking: Marking,
) -> Markup {
    let spans = &page.c.articles[article].sentences;
    let listed: Vec<usize> = sentences.collect();
    html! {
        @for paragraph in listed.chunk_by(|&x, &y| spans[x].paragraph == spans[y].paragraph) {
            p { @for (k, &s) in paragraph.iter().enumerate() {
                @if k > 0 { " " }
                (sentence(page, SentenceRef::new(article, s), other, marking))
            } }
        }
    }
}

/// One sentence against its counterpart in article `other`: as it is when identical, marked
/// when reworded, tinted as its own when `other` lacks it.
fn sentence(page: &Page<'_>, r: SentenceRef, other: usize, marking: Marking) -> Markup {
    let c = page.c;
    let id = anchor(r);
    match counterpart_in(c, r, other) {
        None => html! {
            span.s.un #(id) title={"Not in " (page.label(other))} { (c.sentence_text(r)) }
        },
        Some(link) if link.kind == LinkKind::Identical => {
            html! { span.s #(id) { (c.sentence_text(r)) } }
        }
        Some(link) => {
            let removed = if marking == Marking::Original {
                Removed::Hidden
            } else {
                Removed::Shown
            };
            let pieces = sentence_pieces(c, r, link, removed);
            html! {
                span.s.rw #(id) title={(pct(link.similarity)) " similar to " (page.label(other))} {
                    (pieces_html(&pieces, marking))
                }
            }
        }
    }
}
