//! What the report opens with: each copy's key changes against its original (the same ranked
//! list the app, text and Markdown reports open with) and the version tree with the direction of
//! each edge (original → copy, with how sure) or "differs" where it is undetermined.

use maud::{Markup, html};

use super::Page;
use crate::compare::{Descent, KeyChanges};
use crate::report::story::{Hanging, capitalised, descent_note};

/// The key changes and the version tree.
pub fn key_findings(page: &Page<'_>) -> Markup {
    let c = page.c;
    html! {
        section #key {
            h2 { "Key findings" }
            @if c.key_changes.is_empty() {
                p.muted { "No copy changes a quote, a figure, an attribution or a framing word." }
            }
            @for copy in &c.key_changes {
                (copy_changes(page, copy))
            }
            (version_tree(page))
        }
    }
}

/// One copy's ranked changes, each linked to the copy's sentence (or the original's, for a cut).
fn copy_changes(page: &Page<'_>, copy: &KeyChanges) -> Markup {
    html! {
        h3 { (page.article_sides(copy.original, copy.copy, copy.directed)) }
        ul.key-findings {
            @for change in &copy.changes {
                li {
                    strong { (capitalised(change.kind.label())) } ": " (change.summary)
                    @if let Some(&at) = change.at.last() {
                        " " span.muted { "(" (page.label_link(at)) ")" }
                    }
                }
            }
        }
    }
}

/// The version tree as nested lists, from each original down to its copies (as [`Hanging`]
/// draws it).
fn version_tree(page: &Page<'_>) -> Markup {
    let c = page.c;
    let hanging = Hanging::new(c);
    let roots = hanging.roots();
    let alone = hanging.alone();
    html! {
        h3 { "Version tree" }
        @if roots.is_empty() {
            p.muted { "No article is a version of another." }
        } @else {
            p.muted { "Each copy under its original (original → copy, with how sure and why); “differs” where which came first is undetermined." }
            ul.tree { @for &root in roots { (branch(page, &hanging, root, None)) } }
        }
        @if !alone.is_empty() {
            p { "Not a version of another: "
                @for (k, &i) in alone.iter().enumerate() {
                    @if k > 0 { ", " }
                    (page.article_link(i))
                }
            }
        }
    }
}

fn branch(
    page: &Page<'_>,
    hanging: &Hanging<'_>,
    article: usize,
    from: Option<&Descent>,
) -> Markup {
    let below = hanging.below(article);
    html! {
        li {
            @if let Some(d) = from {
                (page.article_link(d.original)) @if d.known { " → " } @else { " / " } (page.article_link(d.copy))
                " " span.muted { "(" (descent_note(d)) ")" }
            } @else {
                (page.article_link(article))
            }
            @if !below.is_empty() {
                ul { @for d in below { (branch(page, hanging, d.other_end(article), Some(d))) } }
            }
        }
    }
}
