//! The overview strip beside each column, like a minimap: the column's sentences as colour bands
//! (shared in blue, darker the more articles carry them; reworded amber; unique purple), the
//! visible part outlined. Click or drag on it to jump there.

use egui::{Color32, Rect, Sense, Stroke, pos2};

use super::super::theme::{color, palette};
use super::super::workspace::Column;
use super::{ColumnsView, ViewContext};
use crate::compare::{SentenceRef, Status};

/// Draws the strip of column `i` and handles clicks on it.
pub(super) fn strip(
    ui: &mut egui::Ui,
    view: &mut ColumnsView,
    cx: &ViewContext<'_>,
    column: Column,
    i: usize,
) {
    let (workspace, c, geometry) = (cx.workspace, cx.comparison, cx.geometry);
    let body = geometry.body_rect(i);
    let strip = Rect::from_min_max(
        pos2(
            body.right() - geometry.spacing.strip - 3.0,
            body.top() + 3.0,
        ),
        pos2(body.right() - 3.0, body.bottom() - 3.0),
    );
    let clip = geometry.clip(i);
    if !clip.intersects(strip) {
        return;
    }
    let Some(layout) = view.layouts.get(&column.id) else {
        return;
    };
    let height = layout.height.max(1.0);
    let scale = strip.height() / height;
    let p = palette(ui.ctx());
    let painter = ui.painter().with_clip_rect(clip);
    painter.rect_filled(strip, 2.0, color(p.panel));
    let total = c.articles.len();
    for (sentence, top, bottom) in layout.sentence_extents() {
        let info = c.info(SentenceRef::new(column.index, sentence));
        let fill = band_color(p, info.status, info.shared_by, total);
        let y0 = strip.top() + top * scale;
        let y1 = (strip.top() + bottom * scale).max(y0 + 1.0);
        painter.rect_filled(
            Rect::from_min_max(pos2(strip.left(), y0), pos2(strip.right(), y1)),
            0.0,
            fill,
        );
    }
    let offset = view.offset(column.id);
    let viewport = Rect::from_min_max(
        pos2(strip.left() - 1.0, strip.top() + offset * scale),
        pos2(
            strip.right() + 1.0,
            (strip.top() + (offset + geometry.viewport_height()) * scale).min(strip.bottom()),
        ),
    );
    painter.rect_stroke(
        viewport,
        2.0,
        Stroke::new(1.5, color(p.focus)),
        egui::StrokeKind::Outside,
    );

    let response = ui.interact(
        strip.intersect(clip),
        egui::Id::unique(("parallax-overview", column.id)),
        Sense::click_and_drag(),
    );
    let response = response.on_hover_text("Overview: click to jump");
    if let Some(pointer) = response.interact_pointer_pos()
        && (response.clicked() || response.dragged())
    {
        let target = (pointer.y - strip.top()) / scale - geometry.viewport_height() / 2.0;
        let delta = offset - target;
        view.scroll(
            column.id,
            delta,
            cx.settings.lock_scroll,
            workspace,
            geometry,
        );
    }
}

/// The strip colour of a sentence: stronger than the text tint so thin bands stay visible.
fn band_color(
    p: &crate::design::Palette,
    status: Status,
    shared_by: usize,
    total: usize,
) -> Color32 {
    match status {
        Status::Identical => {
            let strength = if total <= 2 {
                1.0
            } else {
                0.45 + 0.55 * (shared_by.saturating_sub(2) as f32 / (total - 2) as f32)
            };
            color(p.bar_identical).gamma_multiply(strength)
        }
        Status::Reworded => color(p.bar_reworded),
        Status::Unique => color(p.bar_unique).gamma_multiply(0.8),
    }
}
