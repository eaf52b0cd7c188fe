//! What is drawn over the columns: outlines of the sentence under the pointer or in focus and of
//! its counterparts, the ribbons that connect them across columns, and the hover tooltip with the
//! word-level diff and similarity.

use egui::epaint::{CubicBezierShape, Mesh, Vertex};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Pos2, Rect, Stroke, pos2};

use super::super::theme::{color, palette};
use super::super::workspace::{Column, Workspace};
use super::layout::Tone;
use super::{ColumnsView, Geometry, ViewContext, to_ref};
use crate::compare::{Comparison, EditOp, Link, LinkKind, SentenceRef, Status};
use crate::design::Palette;

/// Most counterparts listed in a tooltip.
const MAX_TOOLTIP_LINKS: usize = 6;
/// Points sampled along each ribbon edge.
const RIBBON_STEPS: usize = 24;

/// Paints outlines and ribbons for the hovered (else focused) sentence.
pub(super) fn paint(ui: &egui::Ui, view: &ColumnsView, cx: &ViewContext<'_>) {
    let (workspace, c, columns, visible, geometry) = (
        cx.workspace,
        cx.comparison,
        cx.columns,
        cx.visible,
        cx.geometry,
    );
    let p = palette(ui.ctx());
    let focus_color = color(p.focus);
    let painter = ui.painter().with_clip_rect(geometry.area);
    let position_of = |index: usize| columns.iter().position(|col| col.index == index);

    if let Some(focus) = view.focus.and_then(|k| to_ref(workspace, k)) {
        outline(
            &painter,
            view,
            columns,
            geometry,
            focus,
            position_of(focus.article),
            Emphasis::Focus.colors(focus_color),
        );
    }
    let Some(target) = view.hover.or(view.focus).and_then(|k| to_ref(workspace, k)) else {
        return;
    };
    let Some(source_position) = position_of(target.article) else {
        return;
    };
    let Some(source) = screen_bounds(view, columns, geometry, target, source_position) else {
        return;
    };
    outline(
        &painter,
        view,
        columns,
        geometry,
        target,
        Some(source_position),
        Emphasis::Related.colors(focus_color),
    );
    for link in c.links_of(target) {
        let other = link.other(target);
        let Some(position) = position_of(other.article).filter(|q| visible.contains(q)) else {
            continue;
        };
        outline(
            &painter,
            view,
            columns,
            geometry,
            other,
            Some(position),
            Emphasis::Related.colors(focus_color),
        );
        if let Some(bounds) = screen_bounds(view, columns, geometry, other, position) {
            let fill = match link.kind {
                LinkKind::Identical => color(p.bar_identical),
                LinkKind::Reworded => color(p.bar_reworded),
            };
            ribbon(
                &painter,
                geometry,
                (source_position, source),
                (position, bounds),
                fill,
            );
        }
    }
}

/// The on-screen box of sentence `r` in the column at `position`, clamped to the body.
fn screen_bounds(
    view: &ColumnsView,
    columns: &[Column],
    geometry: &Geometry,
    r: SentenceRef,
    position: usize,
) -> Option<Rect> {
    let column = columns.get(position)?;
    let layout = view.layouts.get(&column.id)?;
    let bounds = layout.sentence_bounds(r.sentence)?;
    let origin = geometry.text_origin(position);
    let on_screen = bounds.translate(origin.to_vec2() - egui::vec2(0.0, view.offset(column.id)));
    let body = geometry.body_rect(position);
    let top = on_screen.top().clamp(body.top(), body.bottom() - 4.0);
    let bottom = on_screen.bottom().clamp(top + 4.0, body.bottom());
    Some(Rect::from_min_max(
        pos2(on_screen.left(), top),
        pos2(on_screen.right(), bottom),
    ))
}

/// How strongly a sentence is highlighted.
#[derive(Debug, Clone, Copy)]
enum Emphasis {
    /// The sentence in focus.
    Focus,
    /// The sentence under the pointer and the counterparts of the hovered or focused one.
    Related,
}

impl Emphasis {
    /// The translucent wash over the text and the solid bar beside it.
    fn colors(self, focus: Color32) -> (Color32, Color32) {
        match self {
            Emphasis::Focus => (focus.gamma_multiply(0.22), focus),
            Emphasis::Related => (focus.gamma_multiply(0.12), focus.gamma_multiply(0.7)),
        }
    }
}

/// Washes sentence `r` (in the column at `position`) with a translucent tint, which leaves the
/// word marks readable, and draws a bar beside it in the column's margin.
fn outline(
    painter: &egui::Painter,
    view: &ColumnsView,
    columns: &[Column],
    geometry: &Geometry,
    r: SentenceRef,
    position: Option<usize>,
    (wash, bar): (Color32, Color32),
) {
    let Some(position) = position else {
        return;
    };
    let Some(column) = columns.get(position) else {
        return;
    };
    let Some(layout) = view.layouts.get(&column.id) else {
        return;
    };
    let origin = geometry.text_origin(position).to_vec2() - egui::vec2(0.0, view.offset(column.id));
    let body = geometry.body_rect(position);
    let painter = painter.with_clip_rect(body.intersect(geometry.clip(position)));
    let rects = layout.sentence_rects(r.sentence);
    for rect in &rects {
        painter.rect_filled(rect.translate(origin), 2.0, wash);
    }
    if let Some(bounds) = rects.into_iter().reduce(|a, b| a.union(b)) {
        let bounds = bounds.translate(origin);
        let x = body.left() + 4.0;
        painter.rect_filled(
            Rect::from_min_max(pos2(x, bounds.top()), pos2(x + 3.0, bounds.bottom())),
            1.5,
            bar,
        );
    }
}

/// A translucent band from one sentence's box to another's, across the gap between columns.
fn ribbon(
    painter: &egui::Painter,
    geometry: &Geometry,
    from: (usize, Rect),
    to: (usize, Rect),
    fill: Color32,
) {
    let ((from_position, a), (to_position, b)) = (from, to);
    let rightwards = to_position > from_position;
    let x0 = if rightwards {
        geometry.body_rect(from_position).right() - 2.0
    } else {
        geometry.body_rect(from_position).left() + 2.0
    };
    let x1 = if rightwards {
        geometry.body_rect(to_position).left() + 2.0
    } else {
        geometry.body_rect(to_position).right() - 2.0
    };
    let mid = (x0 + x1) / 2.0;
    let edge = |y0: f32, y1: f32| {
        CubicBezierShape::from_points_stroke(
            [pos2(x0, y0), pos2(mid, y0), pos2(mid, y1), pos2(x1, y1)],
            false,
            Color32::TRANSPARENT,
            Stroke::NONE,
        )
    };
    let top = edge(a.top(), b.top()).flatten(Some(1.0 / RIBBON_STEPS as f32));
    let bottom = edge(a.bottom(), b.bottom()).flatten(Some(1.0 / RIBBON_STEPS as f32));
    painter.add(band_mesh(&top, &bottom, fill.gamma_multiply(0.28)));
    let stroke = Stroke::new(1.0, fill.gamma_multiply(0.8));
    painter.add(egui::Shape::line(top, stroke));
    painter.add(egui::Shape::line(bottom, stroke));
}

/// A triangle strip between two polylines of equal length.
fn band_mesh(top: &[Pos2], bottom: &[Pos2], fill: Color32) -> Mesh {
    let mut mesh = Mesh::default();
    for (t, b) in top.iter().zip(bottom) {
        mesh.vertices.push(Vertex {
            pos: *t,
            uv: egui::epaint::WHITE_UV,
            color: fill,
        });
        mesh.vertices.push(Vertex {
            pos: *b,
            uv: egui::epaint::WHITE_UV,
            color: fill,
        });
    }
    let pairs = top.len().min(bottom.len()) as u32;
    for k in 0..pairs.saturating_sub(1) {
        let i = 2 * k;
        mesh.indices
            .extend_from_slice(&[i, i + 1, i + 2, i + 1, i + 3, i + 2]);
    }
    mesh
}

/// The hover tooltip: the sentence's status, and its diff with each counterpart.
pub(super) fn tooltip(ui: &mut egui::Ui, workspace: &Workspace, c: &Comparison, here: SentenceRef) {
    ui.set_max_width(460.0);
    let info = c.info(here);
    let n = c.articles.len();
    let headline = match info.status {
        Status::Identical => format!(
            "Shared word for word · in {} of {n} articles",
            info.shared_by
        ),
        Status::Reworded => format!("Reworded · in {} of {n} articles", info.shared_by),
        Status::Unique => "Unique: no other article carries this".to_owned(),
    };
    ui.label(egui::RichText::new(headline).strong());
    let mut links: Vec<&Link> = c.links_of(here).collect();
    links.sort_by(|x, y| y.similarity.total_cmp(&x.similarity));
    for link in links.iter().take(MAX_TOOLTIP_LINKS) {
        let other = link.other(here);
        let label = workspace
            .snapshot
            .as_ref()
            .and_then(|s| s.ids.get(other.article))
            .map_or_else(
                || c.articles[other.article].label.clone(),
                |id| workspace.label(*id).to_owned(),
            );
        ui.separator();
        let (reader, reading) = reading_of(c, here, other);
        let kind = match (link.kind, reading == Tone::Added) {
            (LinkKind::Identical, _) => "identical".to_owned(),
            (LinkKind::Reworded, true) => {
                format!("reworded · {:.0}% similar", link.similarity * 100.0)
            }
            (LinkKind::Reworded, false) => format!(
                "reworded · {:.0}% similar · which came first is undetermined",
                link.similarity * 100.0
            ),
        };
        ui.label(
            egui::RichText::new(format!("{label} — {kind}"))
                .small()
                .weak(),
        );
        if link.kind == LinkKind::Reworded {
            ui.label(diff_job(palette(ui.ctx()), c, link, reader, reading));
        }
    }
    if links.len() > MAX_TOOLTIP_LINKS {
        ui.label(
            egui::RichText::new(format!("… and {} more", links.len() - MAX_TOOLTIP_LINKS))
                .small()
                .weak(),
        );
    }
    ui.label(
        egui::RichText::new("Click to line the other columns up with it")
            .small()
            .weak(),
    );
}

/// Which end a tooltip's diff between the hovered sentence `here` and its counterpart `other`
/// is read from, and how its marks read (as the columns' [`Tone`]): from the original where
/// either is known to descend from the other, so the changes read original → copy whichever side
/// is hovered (as in the reports), the original's removed words struck and the copy's added ones
/// underlined; where which came first is undetermined, neither side's words are "removed" or
/// "added": this side's differing words are underlined in the text's colour and the
/// counterpart's follow in brackets, muted.
fn reading_of(c: &Comparison, here: SentenceRef, other: SentenceRef) -> (SentenceRef, Tone) {
    if c.descends_from(here.article, other.article) {
        (other, Tone::Added)
    } else if c.descends_from(other.article, here.article) {
        (here, Tone::Added)
    } else {
        (here, Tone::Differs)
    }
}

/// The diff of `link` read from `here` (see [`reading_of`]).
fn diff_job(
    p: &Palette,
    c: &Comparison,
    link: &Link,
    here: SentenceRef,
    reading: Tone,
) -> LayoutJob {
    let font = FontId::proportional(13.0);
    let plain = TextFormat {
        font_id: font.clone(),
        color: color(p.text),
        ..TextFormat::default()
    };
    let (removed, added) = match reading {
        Tone::Added => (
            TextFormat {
                color: color(p.deleted),
                strikethrough: Stroke::new(1.2, color(p.deleted)),
                ..plain.clone()
            },
            TextFormat {
                color: color(p.inserted),
                underline: Stroke::new(1.2, color(p.inserted)),
                ..plain.clone()
            },
        ),
        Tone::Differs => (
            TextFormat {
                underline: Stroke::new(1.0, color(p.text)),
                ..plain.clone()
            },
            TextFormat {
                color: color(p.muted),
                italics: true,
                ..plain.clone()
            },
        ),
    };
    let (open, close) = match reading {
        Tone::Added => ("", ""),
        Tone::Differs => ("[", "]"),
    };
    let from_a = link.a == here;
    let (mine, theirs) = if from_a {
        (
            &c.articles[link.a.article].text,
            &c.articles[link.b.article].text,
        )
    } else {
        (
            &c.articles[link.b.article].text,
            &c.articles[link.a.article].text,
        )
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = 440.0;
    for edit in &link.edits {
        let (m, t) = if from_a {
            (edit.a, edit.b)
        } else {
            (edit.b, edit.a)
        };
        let mine_words = crate::article::collapse_whitespace(&mine[m.0..m.1]);
        let their_words = crate::article::collapse_whitespace(&theirs[t.0..t.1]);
        let (op_mine, op_theirs) = match edit.op {
            EditOp::Equal => (true, false),
            EditOp::Delete | EditOp::Insert | EditOp::Replace => (true, true),
        };
        if op_mine && !mine_words.is_empty() {
            let format = if edit.op == EditOp::Equal {
                &plain
            } else {
                &removed
            };
            job.append(&mine_words, 0.0, format.clone());
            job.append(" ", 0.0, plain.clone());
        }
        if op_theirs && !their_words.is_empty() {
            job.append(&format!("{open}{their_words}{close}"), 0.0, added.clone());
            job.append(" ", 0.0, plain.clone());
        }
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};
    use crate::compare::{Options, compare};

    /// The words of `job` drawn struck through.
    fn struck(job: &LayoutJob) -> Vec<&str> {
        job.sections
            .iter()
            .filter(|s| s.format.strikethrough.width > 0.0)
            .map(|s| job.text[s.byte_range.start.0..s.byte_range.end.0].trim())
            .collect()
    }

    /// The tooltip's diff of the first reworded link, hovered from its end in `article`.
    fn hovered_diff(c: &Comparison, article: usize) -> (LayoutJob, Tone) {
        let link = c
            .links
            .iter()
            .find(|l| {
                l.kind == LinkKind::Reworded && (l.a.article == article || l.b.article == article)
            })
            .expect("a reworded link");
        let here = if link.a.article == article {
            link.a
        } else {
            link.b
        };
        let (reader, reading) = reading_of(c, here, link.other(here));
        (
            diff_job(&crate::design::DARK, c, link, reader, reading),
            reading,
        )
    }

    #[test]
    fn where_which_came_first_is_undetermined_the_tooltip_strikes_nothing() {
        let article = |label: &str, text: &str| {
            Article::from_text(label.to_owned(), format!("{label}.txt"), text, Format::Text)
        };
        let articles = vec![
            article(
                "one",
                "The harbour ferry will run again on Monday after a week of repairs, the port said.\n\n\
                 Workers replaced twelve wooden pilings and rebuilt the ticket office.",
            ),
            article(
                "two",
                "The harbour ferry is set to run again from Monday after a week of repairs, the port said.\n\n\
                 Workers replaced twelve wooden pilings and rebuilt the ticket office.",
            ),
        ];
        let c = compare(articles, &Options::default());
        assert!(
            c.lineage.iter().all(|d| !d.known),
            "no clue says which came first"
        );
        for side in 0..2 {
            let (job, reading) = hovered_diff(&c, side);
            assert!(reading == Tone::Differs);
            assert!(struck(&job).is_empty(), "struck: {:?}", struck(&job));
            assert!(
                job.text.contains('['),
                "the counterpart's words in brackets: {}",
                job.text
            );
        }
    }

    #[test]
    fn a_hovered_copy_reads_its_changes_from_its_original() {
        let c = compare(crate::sample::articles(), &Options::default());
        let descent = c.lineage.iter().find(|d| d.known).expect("a known edge");
        let (from_copy, reading) = hovered_diff(&c, descent.copy);
        assert!(reading == Tone::Added);
        assert!(
            !struck(&from_copy).is_empty(),
            "the original's words struck"
        );
    }
}
