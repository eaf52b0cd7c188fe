//! The overview's pictures of the whole set, readable from two to twenty articles and beyond:
//! the N×N overlap heat map (cells of a legible size, scrolling sideways when they do not fit,
//! rows named by abbreviated labels with the full names on hover), and the version tree (which
//! version each article is closest to, from [`crate::compare::Comparison::versions`]), drawn as
//! indented rows joined by edge lines from each version to the one it is closest to, so that the
//! edges can carry a direction once the model has one.

use egui::{FontId, Pos2, Rect, Sense, Stroke, pos2, vec2};

use super::super::theme::{color, palette};
use super::super::workspace::{Column, Workspace};
use crate::compare::Comparison;

/// Smallest overlap cell, in points.
const MIN_CELL: f32 = 16.0;
/// Largest overlap cell.
const MAX_CELL: f32 = 34.0;
/// Width of the row labels (abbreviated outlet names).
const ROW_LABEL_WIDTH: f32 = 44.0;
/// Height of the column labels (numbers).
const COLUMN_LABEL_HEIGHT: f32 = 18.0;
/// Characters kept of a label in the matrix's rows.
const ABBREVIATION_CHARS: usize = 5;
/// Indentation per level of the version tree.
const TREE_INDENT: f32 = 16.0;
/// Height of one row of the version tree.
const TREE_ROW: f32 = 18.0;

/// A label cut to `ABBREVIATION_CHARS` characters (with an ellipsis when cut).
pub fn abbreviate(label: &str) -> String {
    let mut chars = label.chars();
    let short: String = chars.by_ref().take(ABBREVIATION_CHARS).collect();
    if chars.next().is_some() {
        format!("{short}…")
    } else {
        short
    }
}

/// The overlap heat map: row `i`, column `j` is the share of article `i`'s text found in `j`.
pub fn overlap(ui: &mut egui::Ui, workspace: &Workspace, c: &Comparison, columns: &[Column]) {
    let n = columns.len();
    if n < 2 {
        return;
    }
    let cell = ((ui.available_width() - ROW_LABEL_WIDTH) / n as f32).clamp(MIN_CELL, MAX_CELL);
    let size = vec2(
        ROW_LABEL_WIDTH + cell * n as f32,
        COLUMN_LABEL_HEIGHT + cell * n as f32,
    );
    egui::ScrollArea::horizontal()
        .id_salt("parallax-overlap")
        .show(ui, |ui| {
            let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
            let origin = rect.min + vec2(ROW_LABEL_WIDTH, COLUMN_LABEL_HEIGHT);
            paint_matrix(ui, workspace, c, columns, rect, origin, cell);
            if let Some(pointer) = response.hover_pos() {
                response.on_hover_text(hover_text(workspace, c, columns, origin, cell, pointer));
            }
        });
}

fn paint_matrix(
    ui: &egui::Ui,
    workspace: &Workspace,
    c: &Comparison,
    columns: &[Column],
    rect: Rect,
    origin: Pos2,
    cell: f32,
) {
    let p = palette(ui.ctx());
    let painter = ui.painter();
    let font = FontId::proportional(10.5);
    let clip = ui.clip_rect();
    let rows = cells_within(origin.y, cell, columns.len(), clip.y_range());
    let cols = cells_within(origin.x, cell, columns.len(), clip.x_range());
    for (row, a) in columns.iter().enumerate().take(rows.end).skip(rows.start) {
        painter.text(
            pos2(rect.left() + 2.0, origin.y + (row as f32 + 0.5) * cell),
            egui::Align2::LEFT_CENTER,
            format!("{} {}", row + 1, abbreviate(workspace.label(a.id))),
            font.clone(),
            color(p.muted),
        );
    }
    for col in cols.clone() {
        painter.text(
            pos2(
                origin.x + (col as f32 + 0.5) * cell,
                rect.top() + COLUMN_LABEL_HEIGHT / 2.0,
            ),
            egui::Align2::CENTER_CENTER,
            format!("{}", col + 1),
            font.clone(),
            color(p.muted),
        );
    }
    for (row, a) in columns.iter().enumerate().take(rows.end).skip(rows.start) {
        for (col, b) in columns.iter().enumerate().take(cols.end).skip(cols.start) {
            let value = c.stats.overlap[a.index][b.index];
            let fill = if row == col {
                color(p.border)
            } else {
                color(p.background.mix(p.bar_identical, value))
            };
            let cell_rect = Rect::from_min_size(
                origin + vec2(col as f32 * cell, row as f32 * cell),
                vec2(cell - 1.0, cell - 1.0),
            );
            painter.rect_filled(cell_rect, 1.0, fill);
        }
    }
}

/// Which of `n` cells of size `cell`, the first starting at `start`, lie at least partly within
/// `clip` (the matrix can be far larger than the panel; only what shows is painted).
fn cells_within(start: f32, cell: f32, n: usize, clip: egui::Rangef) -> std::ops::Range<usize> {
    let first = ((clip.min - start) / cell).floor().max(0.0) as usize;
    let end = ((clip.max - start) / cell).ceil().max(0.0) as usize;
    first.min(n)..end.min(n)
}

/// What hovering the matrix at `pointer` says: a cell's share, or a row's or column's full name.
fn hover_text(
    workspace: &Workspace,
    c: &Comparison,
    columns: &[Column],
    origin: Pos2,
    cell: f32,
    pointer: Pos2,
) -> String {
    let index = |offset: f32| {
        let k = (offset / cell).floor();
        (k >= 0.0 && (k as usize) < columns.len()).then_some(k as usize)
    };
    let full = |k: usize| format!("{} {}", k + 1, workspace.label(columns[k].id));
    match (index(pointer.y - origin.y), index(pointer.x - origin.x)) {
        (Some(row), Some(col)) if row != col => {
            let (a, b) = (columns[row], columns[col]);
            format!(
                "{:.0}% of {} is found in {}",
                c.stats.overlap[a.index][b.index] * 100.0,
                workspace.label(a.id),
                workspace.label(b.id)
            )
        }
        (Some(row), None) | (Some(row), Some(_)) => full(row),
        (None, Some(col)) => full(col),
        (None, None) => "Share of each row's text found in each column's article".to_owned(),
    }
}

/// One row of the version tree.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeRow {
    /// The article (its index in the comparison).
    pub article: usize,
    /// How deep it sits (0 for a root).
    pub depth: usize,
    /// The row of the version it is closest to (its parent), if any.
    pub parent_row: Option<usize>,
    /// The share of text it has in common with that version.
    pub shared: f32,
}

/// The version tree in rows, depth first from each root; articles in `order` (comparison
/// indices, the columns' order) keep that order among siblings.
pub fn tree_rows(c: &Comparison, order: &[usize]) -> Vec<TreeRow> {
    let mut rows = Vec::with_capacity(order.len());
    let is_root = |a: usize| {
        c.versions
            .get(a)
            .and_then(|v| v.closest)
            .is_none_or(|parent| !order.contains(&parent))
    };
    let mut pending: Vec<(usize, usize, Option<usize>)> = order
        .iter()
        .rev()
        .filter(|&&a| is_root(a))
        .map(|&a| (a, 0, None))
        .collect();
    while let Some((article, depth, parent_row)) = pending.pop() {
        if rows.iter().any(|r: &TreeRow| r.article == article) {
            continue;
        }
        let here = rows.len();
        rows.push(TreeRow {
            article,
            depth,
            parent_row,
            shared: c.versions.get(article).map_or(0.0, |v| v.shared),
        });
        for &child in order.iter().rev() {
            if c.versions.get(child).and_then(|v| v.closest) == Some(article) {
                pending.push((child, depth + 1, Some(here)));
            }
        }
    }
    rows
}

/// Draws the version tree: each version under the one it is closest to, joined by a line.
pub fn version_tree(ui: &mut egui::Ui, workspace: &Workspace, c: &Comparison, columns: &[Column]) {
    let order: Vec<usize> = columns.iter().map(|col| col.index).collect();
    let rows = tree_rows(c, &order);
    if rows.len() < 2 {
        return;
    }
    let p = palette(ui.ctx());
    let width = ui.available_width();
    let (rect, _) =
        ui.allocate_exact_size(vec2(width, TREE_ROW * rows.len() as f32), Sense::hover());
    let painter = ui.painter_at(rect);
    let stroke = Stroke::new(1.0, color(p.muted));
    let anchor = |row: usize, depth: usize| {
        pos2(
            rect.left() + 6.0 + depth as f32 * TREE_INDENT,
            rect.top() + (row as f32 + 0.5) * TREE_ROW,
        )
    };
    let label_of = |article: usize| {
        let id = workspace.snapshot.as_ref().and_then(|s| s.ids.get(article));
        id.map_or_else(
            || c.articles[article].label.clone(),
            |id| workspace.label(*id).to_owned(),
        )
    };
    for (k, row) in rows.iter().enumerate() {
        let at = anchor(k, row.depth);
        if let Some(parent) = row.parent_row {
            let from = anchor(parent, rows[parent].depth);
            edge(&painter, from, at, stroke);
        }
        painter.circle_filled(at, 3.0, color(p.bar_identical));
        let text = if row.parent_row.is_some() {
            format!(
                "{}  ({:.0}% in common)",
                label_of(row.article),
                row.shared * 100.0
            )
        } else {
            label_of(row.article)
        };
        painter.text(
            at + vec2(8.0, 0.0),
            egui::Align2::LEFT_CENTER,
            text,
            FontId::proportional(11.5),
            color(p.text),
        );
    }
}

/// The line from a version (`from`) to one closest to it (`to`): down from the parent, then
/// across to the child, so an arrowhead can be put at either end.
fn edge(painter: &egui::Painter, from: Pos2, to: Pos2, stroke: Stroke) {
    let corner = pos2(from.x, to.y);
    painter.line_segment([from + vec2(0.0, 3.0), corner], stroke);
    painter.line_segment([corner, to - vec2(3.0, 0.0)], stroke);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_sits_under_the_one_it_is_closest_to() {
        let wire = "The harbour fire burned for two days. Crews came from three towns. \
                    The mayor thanked them. Schools stay shut until Monday.";
        let copy = "The harbour fire burned for two days. Crews came from three towns. \
                    The mayor thanked them warmly. Schools stay shut until Monday.";
        let other = "A new bridge opens in spring. It cost less than planned.";
        let articles: Vec<crate::article::Article> =
            [("wire", wire), ("copy", copy), ("other", other)]
                .into_iter()
                .map(|(label, text)| {
                    crate::article::Article::from_text(
                        label,
                        label,
                        text.to_owned(),
                        crate::article::Format::Text,
                    )
                })
                .collect();
        let c = crate::compare::compare(articles, &crate::compare::Options::default());
        let rows = tree_rows(&c, &[0, 1, 2]);
        assert_eq!(rows.len(), 3, "each article once: {rows:?}");
        for row in &rows {
            match c.versions[row.article].closest {
                Some(parent) => {
                    let parent_row = row.parent_row.expect("a version has a parent row");
                    assert_eq!(rows[parent_row].article, parent);
                    assert_eq!(row.depth, rows[parent_row].depth + 1);
                }
                None => assert_eq!((row.depth, row.parent_row), (0, None)),
            }
        }
        assert!(
            rows.iter().any(|r| r.parent_row.is_some()),
            "the copy joins the wire"
        );
    }

    #[test]
    fn a_large_matrix_paints_only_the_cells_in_view() {
        let n = 60;
        let articles: Vec<crate::article::Article> = (0..n)
            .map(|k| {
                let text = format!("Pier {k} reopened after the harbour fire. Crews left.");
                let label = format!("paper {k}");
                crate::article::Article::from_text(
                    label.clone(),
                    label,
                    text,
                    crate::article::Format::Text,
                )
            })
            .collect();
        let c = crate::compare::compare(articles, &crate::compare::Options::default());
        let columns: Vec<Column> = (0..n)
            .map(|index| Column {
                id: super::super::super::workspace::ArticleId(index as u64),
                index,
            })
            .collect();
        let screen = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 300.0));
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(
            egui::RawInput {
                screen_rect: Some(screen),
                ..egui::RawInput::default()
            },
            |ui| overlap(ui, &Workspace::default(), &c, &columns),
        );
        output.textures_delta.clear();
        // 16-point cells: about 22 columns × 18 rows show, of 60 × 60.
        let painted = output.shapes.len();
        assert!(
            (22 * 17..=26 * 22).contains(&painted),
            "{painted} shapes painted for a 400 × 300 view"
        );
    }

    #[test]
    fn cells_partly_in_view_count_as_in_view() {
        let clip = egui::Rangef::new(25.0, 70.0);
        assert_eq!(cells_within(10.0, 20.0, 100, clip), 0..3);
        assert_eq!(cells_within(10.0, 20.0, 2, clip), 0..2);
        assert_eq!(cells_within(200.0, 20.0, 100, clip), 0..0);
        assert_eq!(cells_within(-1000.0, 20.0, 100, clip), 51..54);
    }

    #[test]
    fn long_labels_are_abbreviated() {
        assert_eq!(abbreviate("Reuters"), "Reute…");
        assert_eq!(abbreviate("AP"), "AP");
        assert_eq!(abbreviate("Ñandú"), "Ñandú");
    }
}
