//! What the report opens with: the key findings (altered quotes, conflicting figures, the
//! substitutions most pairs of versions make, what versions cut) and the version tree (which
//! version each is closest to).

use maud::{Markup, html};

use super::{Page, pct, pieces_html, wording};
use crate::compare::FactKind;
use crate::compare::marks::quote_pieces;
use crate::report::story::{Marking, capitalised, children, quoted};

/// Most substitutions listed among the key findings.
const MAX_KEY_SUBSTITUTIONS: usize = 5;
/// Most omissions listed among the key findings.
const MAX_KEY_OMISSIONS: usize = 5;

/// The key findings and the version tree.
pub fn key_findings(page: &Page<'_>) -> Markup {
    let c = page.c;
    let conflicts: Vec<_> = c
        .numbers
        .iter()
        .filter(|f| f.kind == FactKind::Conflict)
        .collect();
    let (swaps, _) = super::super::repeated_substitutions(c);
    let swaps = if swaps.is_empty() {
        crate::compare::findings::group_substitutions(&c.substitutions)
            .into_iter()
            .filter(|g| g.is_swap())
            .collect()
    } else {
        swaps
    };
    let nothing = c.quote_changes.is_empty()
        && conflicts.is_empty()
        && swaps.is_empty()
        && c.omissions.is_empty();
    html! {
        section #key {
            h2 { "Key findings" }
            @if nothing {
                p.muted { "No altered quote, conflicting figure, substitution or omission was found." }
            }
            ul.key-findings {
                @for q in &c.quote_changes {
                    li {
                        strong { (capitalised(q.kind.label())) } " — " (page.label_link(q.a)) " and " (page.label_link(q.b)) ": "
                        @match quote_pieces(c, q) {
                            Some((_, b)) => { "“" (pieces_html(&b, Marking::of(c, q.b.article, q.a.article))) "”" }
                            None => { "“" (q.b_quote) "”" }
                        }
                    }
                }
                @for fact in &conflicts {
                    li {
                        strong { "Conflicting figures" } " — " (fact.fact) ": "
                        @for (k, m) in fact.mentions.iter().enumerate() {
                            @if k > 0 { "; " }
                            (page.label_link(crate::compare::SentenceRef::new(m.article, m.sentence))) " “" (m.text) "”"
                        }
                    }
                }
                @for g in swaps.iter().take(MAX_KEY_SUBSTITUTIONS) {
                    li {
                        strong { "Substitution" } " — " (wording(&g.from)) " → " (wording(&g.to))
                        " " span.muted { "(" (g.kind.label()) ", " (g.pairs.len()) " pair" @if g.pairs.len() != 1 { "s" } ")" }
                    }
                }
                @for o in c.omissions.iter().take(MAX_KEY_OMISSIONS) {
                    li {
                        strong { "Omission" } " — " (page.article_link(o.article)) " lacks, unlike "
                        (o.present_in.len()) " others: " (quoted(&o.text))
                    }
                }
                @if c.omissions.len() > MAX_KEY_OMISSIONS {
                    li.muted { "… and " (c.omissions.len() - MAX_KEY_OMISSIONS) " more omissions (see the summary)" }
                }
            }
            (version_tree(page))
        }
    }
}

/// The version tree as nested lists: each story's most central version, the versions closest to
/// it beneath it, and so on; articles that are versions of no other listed apart.
fn version_tree(page: &Page<'_>) -> Markup {
    let c = page.c;
    let roots: Vec<usize> = (0..c.articles.len())
        .filter(|&i| c.versions.get(i).is_some_and(|v| v.closest.is_none()))
        .collect();
    let (trees, alone): (Vec<usize>, Vec<usize>) = roots
        .into_iter()
        .partition(|&root| !children(c, root).is_empty());
    html! {
        h3 { "Version tree" }
        @if trees.is_empty() {
            p.muted { "No article is a version of another." }
        } @else {
            p.muted { "Each version under the version it is closest to, with the share of text they have in common." }
            ul.tree { @for root in trees { (branch(page, root)) } }
        }
        @if !alone.is_empty() && !c.versions.is_empty() {
            p { "Not a version of another: "
                @for (k, &i) in alone.iter().enumerate() {
                    @if k > 0 { ", " }
                    (page.article_link(i))
                }
            }
        }
    }
}

fn branch(page: &Page<'_>, article: usize) -> Markup {
    let c = page.c;
    let below = children(c, article);
    html! {
        li {
            (page.article_link(article))
            @if let Some(v) = c.versions.get(article).filter(|v| v.closest.is_some()) {
                " " span.muted { "(" (pct(v.shared)) " in common)" }
            }
            @if !below.is_empty() {
                ul { @for child in below { (branch(page, child)) } }
            }
        }
    }
}
