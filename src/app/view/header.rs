//! Column headers: the outlet label (double-click to rename), a handle to drag the column
//! elsewhere, a close button, the article's title (after a ⚠ whose tooltip lists the warnings
//! about how the file was read, if any), and a bar of its identical / reworded / unique
//! shares.

use egui::{Align, Layout, Rect, RichText, Sense, Stroke, UiBuilder, pos2, vec2};

use super::super::command::{Command, CommandQueue};
use super::super::theme::{color, palette};
use super::super::workspace::{Column, Workspace};
use super::{ColumnsView, ViewContext};
use crate::compare::{ArticleStats, Comparison};

/// Height of the share bar.
const BAR_HEIGHT: f32 = 7.0;

/// Draws the headers of the visible columns.
pub(super) fn headers(ui: &mut egui::Ui, view: &mut ColumnsView, cx: &mut ViewContext<'_>) {
    let (workspace, c, geometry) = (cx.workspace, cx.comparison, cx.geometry);
    let commands = &mut *cx.commands;
    for &i in cx.visible {
        let column = cx.columns[i];
        let rect = geometry.header_rect(i);
        let clip = rect.intersect(geometry.clip(i));
        let mut child = ui.new_child(
            UiBuilder::new()
                .max_rect(rect.shrink2(vec2(4.0, 6.0)))
                .layout(Layout::top_down(Align::Min)),
        );
        child.set_clip_rect(clip);
        header(&mut child, view, workspace, c, column, i, commands);
        drop_target(ui, rect, i, commands);
        let p = palette(ui.ctx());
        ui.painter().with_clip_rect(clip).hline(
            rect.x_range(),
            rect.bottom() - 0.5,
            Stroke::new(1.0, color(p.border)),
        );
    }
}

fn header(
    ui: &mut egui::Ui,
    view: &mut ColumnsView,
    workspace: &Workspace,
    c: &Comparison,
    column: Column,
    position: usize,
    commands: &mut CommandQueue,
) {
    let article = &c.articles[column.index];
    let pinned = view.is_pinned(column.id);
    let (_, close) = egui::Sides::new().shrink_left().truncate().show(
        ui,
        |ui| {
            ui.dnd_drag_source(
                egui::Id::unique(("parallax-column-drag", column.id)),
                position,
                |ui| {
                    ui.label(RichText::new("⠿").weak())
                        .on_hover_text("Drag to move this column");
                },
            );
            label_or_editor(ui, view, workspace, column, commands);
        },
        |ui| {
            let close = ui
                .add(egui::Button::new("×").frame(false))
                .on_hover_text("Close this article (Ctrl+W closes the active one)")
                .clicked();
            let pin = ui
                .add(egui::Button::new("📌").frame(false).selected(pinned))
                .on_hover_text(if pinned {
                    "Unpin this column"
                } else {
                    "Pin this column at the left while the others scroll"
                });
            (close, pin.clicked())
        },
    );
    let (close, pin) = close;
    if close {
        commands.push(Command::Remove(column.id));
    }
    if pin {
        commands.push(Command::TogglePin(column.id));
    }

    let title = article
        .title
        .clone()
        .unwrap_or_else(|| file_name(&article.source).to_owned());
    let copies = view.copies_of(column.id);
    ui.horizontal(|ui| {
        if !copies.is_empty() {
            let names: Vec<&str> = copies.iter().map(|&id| workspace.label(id)).collect();
            ui.label(
                RichText::new(format!("+{} identical copies", copies.len()))
                    .small()
                    .strong(),
            )
            .on_hover_text(format!("The same text, shown once:\n{}", names.join("\n")));
        }
        if !article.warnings.is_empty() {
            ui.label(RichText::new("⚠").small())
                .on_hover_text(article.warnings.join("\n"));
        }
        ui.add(egui::Label::new(RichText::new(title).small().weak()).truncate());
    });
    if let Some(stats) = c.stats.articles.get(column.index) {
        share_bar(ui, stats, BAR_HEIGHT);
    }
}

/// The label, or the text field that renames it.
fn label_or_editor(
    ui: &mut egui::Ui,
    view: &mut ColumnsView,
    workspace: &Workspace,
    column: crate::app::workspace::Column,
    commands: &mut CommandQueue,
) {
    let label = workspace.label(column.id);
    match &mut view.rename {
        Some(rename) if rename.id == column.id => {
            let response = ui.add(
                egui::TextEdit::singleline(&mut rename.text)
                    .desired_width(ui.available_width())
                    .font(egui::TextStyle::Body),
            );
            let response = response.accessible_name("Outlet name");
            if !rename.focused {
                response.request_focus();
                rename.focused = true;
            }
            if response.lost_focus() {
                if !ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    commands.push(Command::Rename(column.id, rename.text.clone()));
                }
                view.rename = None;
            }
        }
        _ => {
            let font = egui::TextStyle::Body.resolve(ui.style());
            let shown = elide_middle(label, ui.available_width(), |text| {
                ui.fonts_mut(|f| {
                    f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::PLACEHOLDER)
                        .size()
                        .x
                })
            });
            let response = ui
                .add(
                    egui::Label::new(RichText::new(shown).strong())
                        .truncate()
                        .sense(Sense::click()),
                )
                .on_hover_text(format!("{label}\nDouble-click to rename"));
            if response.double_clicked() {
                commands.push(Command::StartRename(column.id));
            }
        }
    }
}

/// Accepts a dragged header and moves that column here.
fn drop_target(ui: &mut egui::Ui, rect: Rect, position: usize, commands: &mut CommandQueue) {
    let response = ui.interact(
        rect,
        egui::Id::unique(("parallax-column-drop", position)),
        Sense::hover(),
    );
    if let Some(from) = response.dnd_hover_payload::<usize>()
        && *from != position
    {
        let x = if *from < position {
            rect.right()
        } else {
            rect.left()
        };
        ui.painter().vline(
            x,
            rect.y_range(),
            Stroke::new(3.0, ui.visuals().selection.stroke.color),
        );
    }
    if let Some(from) = response.dnd_release_payload::<usize>()
        && *from != position
    {
        commands.push(Command::Move {
            from: *from,
            to: position,
        });
    }
}

/// The last part of a file path or web address, for headers that must not show where on the
/// machine a file lives.
/// `label` as it fits in `width` (as `measure` measures text): whole, or its beginning and its
/// end around an ellipsis, the end kept longer, since labels of one set often share their
/// beginning ("independent_…", "ap-…") and differ at the end.
fn elide_middle(label: &str, width: f32, mut measure: impl FnMut(&str) -> f32) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.is_empty() || measure(label) <= width {
        return label.to_owned();
    }
    let elided = |kept: usize| -> String {
        let head = kept / 3;
        let tail = kept - head;
        let mut text: String = chars[..head].iter().collect();
        text.push('…');
        text.extend(&chars[chars.len() - tail..]);
        text
    };
    // The most characters that still fit, found by halving.
    let (mut low, mut high) = (0, chars.len() - 1);
    while low < high {
        let mid = (low + high).div_ceil(2);
        if measure(&elided(mid)) <= width {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    elided(low)
}

pub fn file_name(source: &str) -> &str {
    source
        .trim_end_matches(['/', '\\'])
        .rsplit(['/', '\\'])
        .next()
        .filter(|name| !name.is_empty())
        .unwrap_or(source)
}

/// A stacked bar of the article's identical / reworded / unique shares.
pub(super) fn share_bar(ui: &mut egui::Ui, stats: &ArticleStats, height: f32) {
    let p = palette(ui.ctx());
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 2.0, color(p.border));
    let mut x = rect.left();
    for (share, fill) in [
        (stats.identical, p.bar_identical),
        (stats.reworded, p.bar_reworded),
        (stats.unique, p.bar_unique),
    ] {
        let width = rect.width() * share.clamp(0.0, 1.0);
        if width > 0.0 {
            painter.rect_filled(
                Rect::from_min_size(pos2(x, rect.top()), vec2(width, rect.height())),
                0.0,
                color(fill),
            );
        }
        x += width;
    }
    response.on_hover_text(format!(
        "{:.0}% identical · {:.0}% reworded · {:.0}% unique (by characters)",
        stats.identical * 100.0,
        stats.reworded * 100.0,
        stats.unique * 100.0
    ));
}

#[cfg(test)]
mod tests {
    use super::{elide_middle, file_name};

    #[test]
    fn narrow_headers_keep_the_end_that_tells_labels_apart() {
        let chars = |text: &str| text.chars().count() as f32;
        assert_eq!(elide_middle("ap-wire", 20.0, chars), "ap-wire");
        let labels = ["independent_wtatennis", "independent-aap_thewest"];
        let shown: Vec<String> = labels
            .iter()
            .map(|l| elide_middle(l, 10.0, chars))
            .collect();
        assert_eq!(shown, ["ind…tennis", "ind…hewest"]);
        assert!(shown.iter().all(|s| chars(s) <= 10.0));
        assert_eq!(elide_middle("x", 0.0, chars), "…");
        assert_eq!(elide_middle("", -1.0, chars), "");
    }

    #[test]
    fn headers_name_the_file_never_its_folders() {
        assert_eq!(file_name("/home/ana/clips/ap-wire.html"), "ap-wire.html");
        assert_eq!(file_name(r"C:\Users\ana\story.txt"), "story.txt");
        assert_eq!(file_name("https://example.org/news/story/"), "story");
        assert_eq!(file_name("pasted text"), "pasted text");
        assert_eq!(file_name("/"), "/");
    }
}
