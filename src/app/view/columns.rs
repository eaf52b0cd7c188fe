//! The column bodies: the visible paragraphs of each article painted from their cached galleys,
//! find highlights, the overview strip, and the pointer: hover, click to focus, wheel to scroll.

use egui::text::LayoutJob;
use egui::{Rect, Sense, Shape, Stroke, pos2, vec2};

use super::super::command::{Command, SentenceKey};
use super::super::state::Settings;
use super::super::theme::{color, palette};
use super::super::workspace::{Column, Workspace};
use super::layout::Tone;
use super::{ColumnsView, Geometry, ViewContext, overlay, overview, to_ref};

/// Length of the dashes, and of the gaps between them, under words that only differ.
const DASH: f32 = 3.0;

/// Draws every visible column body; returns the sentence under the pointer.
pub(super) fn bodies(
    ui: &mut egui::Ui,
    view: &mut ColumnsView,
    cx: &mut ViewContext<'_>,
) -> Option<SentenceKey> {
    let (workspace, c, geometry) = (cx.workspace, cx.comparison, cx.geometry);
    let mut hovered = None;
    for &i in cx.visible {
        let column = cx.columns[i];
        let body = geometry.body_rect(i);
        let response = ui.interact(
            body.intersect(geometry.clip(i)),
            egui::Id::unique(("parallax-column", column.id)),
            Sense::click(),
        );
        paint_body(ui, view, column, body, geometry, i);
        if let Some(pointer) = response.hover_pos() {
            let key = sentence_under(view, column, geometry, i, pointer);
            if let Some(key) = key {
                hovered = Some(key);
                let response = response.clone().on_hover_ui_at_pointer(|ui| {
                    if let Some(here) = to_ref(workspace, key) {
                        overlay::tooltip(ui, workspace, c, here);
                    }
                });
                if response.clicked() {
                    cx.commands.push(if view.focus == Some(key) {
                        Command::ClearFocus
                    } else {
                        Command::Focus(key)
                    });
                }
            } else if response.clicked() {
                cx.commands.push(Command::ClearFocus);
            }
            handle_wheel(ui, view, column, workspace, geometry, cx.settings);
        }
        overview::strip(ui, view, cx, column, i);
    }
    hovered
}

/// The sentence of `column` under screen position `pointer`.
fn sentence_under(
    view: &ColumnsView,
    column: Column,
    geometry: &Geometry,
    i: usize,
    pointer: egui::Pos2,
) -> Option<SentenceKey> {
    let layout = view.layouts.get(&column.id)?;
    let origin = geometry.text_origin(i);
    let content = pointer - origin + vec2(0.0, view.offset(column.id));
    layout
        .sentence_at(pos2(content.x, content.y))
        .map(|sentence| SentenceKey {
            article: column.id,
            sentence,
        })
}

fn handle_wheel(
    ui: &mut egui::Ui,
    view: &mut ColumnsView,
    column: Column,
    workspace: &Workspace,
    geometry: &Geometry,
    settings: &Settings,
) {
    // Sideways movement is the view's (see `ColumnsView::scroll_sideways`).
    let (delta, shift) = ui.input(|i| (i.smooth_scroll_delta(), i.modifiers.shift));
    if delta.y != 0.0 && !shift && delta.y.abs() >= delta.x.abs() {
        view.scroll(
            column.id,
            delta.y,
            settings.lock_scroll,
            workspace,
            geometry,
        );
    }
}

fn paint_body(
    ui: &egui::Ui,
    view: &ColumnsView,
    column: Column,
    body: Rect,
    geometry: &Geometry,
    i: usize,
) {
    let p = palette(ui.ctx());
    let clip = body.intersect(geometry.clip(i));
    let painter = ui.painter().with_clip_rect(clip);
    painter.rect_filled(body, 0.0, color(p.background));
    let Some(layout) = view.layouts.get(&column.id) else {
        return;
    };
    let offset = view.offset(column.id);
    let origin = geometry.text_origin(i);
    let top = offset - geometry.viewport_height() * 0.1;
    let bottom = offset + body.height();
    let underline = Stroke::new(1.5, color(p.inserted));
    // Words that only differ: neutral, in the text's own colour (the reports' dotted line).
    let differs = Stroke::new(1.5, color(p.text));
    let lift = layout.style.text_size * 0.12 + 1.0;
    for paragraph in layout.visible(top..bottom) {
        let pos = origin + vec2(0.0, paragraph.y - offset);
        // Ask egui's galley cache each frame (a cheap hit): a galley kept from an earlier frame
        // would point into a font atlas egui may have rebuilt since.
        let galley = ui.fonts_mut(|f| f.layout_job(LayoutJob::clone(&paragraph.job)));
        painter.galley(pos, galley, color(p.text));

        for &(rect, tone) in &paragraph.underlines {
            let rect = rect.translate(pos.to_vec2());
            let y = rect.bottom() - lift;
            match tone {
                Tone::Added => {
                    painter.hline(rect.x_range(), y, underline);
                }
                Tone::Differs => painter.extend(Shape::dashed_line(
                    &[pos2(rect.left(), y), pos2(rect.right(), y)],
                    differs,
                    DASH,
                    DASH,
                )),
            }
        }
    }

    paint_find_matches(ui, &painter, view, column, origin, offset, top..bottom);
    painter.rect_stroke(
        body,
        0.0,
        Stroke::new(1.0, color(p.border)),
        egui::StrokeKind::Inside,
    );
}

fn paint_find_matches(
    ui: &egui::Ui,
    painter: &egui::Painter,
    view: &ColumnsView,
    column: Column,
    origin: egui::Pos2,
    offset: f32,
    range: std::ops::Range<f32>,
) {
    let Some(layout) = view.layouts.get(&column.id) else {
        return;
    };
    if !view.find.open {
        return;
    }
    for (k, (id, sentence, bytes)) in view.find.matches.iter().enumerate() {
        if *id != column.id {
            continue;
        }
        let current = view.find.current == Some(k);
        let fill = if current {
            egui::Color32::from_rgba_unmultiplied(255, 170, 0, 120)
        } else {
            egui::Color32::from_rgba_unmultiplied(255, 214, 0, 70)
        };
        let mut lay_out = |job| ui.fonts_mut(|f| f.layout_job(job));
        for rect in layout.byte_range_rects(&mut lay_out, *sentence, bytes.clone()) {
            if rect.bottom() >= range.start && rect.top() <= range.end {
                painter.rect_filled(
                    rect.translate(origin.to_vec2() - vec2(0.0, offset)),
                    2.0,
                    fill,
                );
            }
        }
    }
}
