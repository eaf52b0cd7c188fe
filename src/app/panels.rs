//! The window's frame around the columns: menu bar, toolbar, banners, status bar with progress and
//! legend, the findings side panel, the welcome screen, and the settings and help windows.

use egui::{Align, Layout, RichText, vec2};

use super::ParallaxApp;
use super::command::Command;
use super::frame::{self, Shortcut};
use super::state::{ColumnWidth, Filter, ThemeChoice};
use super::theme::{TEXT_SIZE_RANGE, color, palette};
use crate::compare::Options;
use crate::design::LEGEND;

/// Draws every panel of the window.
pub fn show(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    egui::Panel::top("parallax-menu").show(ui, |ui| menu_bar(app, ui));
    if !app.workspace.entries.is_empty() {
        egui::Panel::top("parallax-toolbar").show(ui, |ui| toolbar(app, ui));
    }
    if !app.banners.is_empty() {
        egui::Panel::top("parallax-banners").show(ui, |ui| banners(app, ui));
    }
    egui::Panel::bottom("parallax-status").show(ui, |ui| status_bar(app, ui));
    if app.state.settings.findings_open && app.workspace.snapshot.is_some() {
        // The panel gives way on narrow windows so at least two columns fit beside it.
        let width = ui.available_width();
        egui::Panel::right("parallax-findings")
            .resizable(true)
            .default_size((width * 0.26).clamp(220.0, 360.0))
            .min_size(200.0)
            .max_size((width * 0.45).max(220.0))
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.heading("Findings");
                let mut commands = std::mem::take(&mut app.commands);
                app.findings.ui(ui, &app.workspace, &mut commands);
                app.commands = commands;
            });
    }
    // Below the menu, toolbar and banners: where the settings window may sit.
    let below_toolbar = ui.available_rect_before_wrap().top() - ui.ctx().content_rect().top();
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(ui.visuals().panel_fill))
        .show(ui, |ui| {
            if app.workspace.entries.is_empty() {
                welcome(app, ui);
            } else if app.workspace.snapshot.is_none() {
                first_comparison_pending(app, ui);
            } else {
                let mut commands = std::mem::take(&mut app.commands);
                app.view
                    .ui(ui, &app.workspace, &app.state.settings, &mut commands);
                app.commands = commands;
            }
        });
    drop_hint(ui);
    settings_window(app, ui, below_toolbar);
    help_window(app, ui);
    super::address::window(app, ui.ctx());
}

/// The central area before the first comparison of the open articles has arrived: a spinner
/// while it runs, or, once cancelled (or if it could not start), what is open and a way to
/// compare after all.
fn first_comparison_pending(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let stopped = stopped_comparison(app);
    let articles = app.workspace.entries.len();
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.4 - 40.0).max(0.0));
        if let Some(what) = stopped {
            ui.label(RichText::new(what).heading());
            ui.label(format!(
                "{articles} article{} open; nothing is lost.",
                if articles == 1 { " is" } else { "s are" }
            ));
            ui.add_space(8.0);
            if ui.button("Compare again").clicked() {
                app.push(Command::CompareAgain);
            }
        } else {
            ui.spinner();
            ui.label(format!("Comparing {articles} articles…"));
        }
    });
}

/// Why the open articles are not being compared, if they are not: the user cancelled, or the
/// comparison could not start.
fn stopped_comparison(app: &ParallaxApp) -> Option<&'static str> {
    if app.comparison_failed() {
        Some("The comparison could not start")
    } else if app.comparison_cancelled() {
        Some("Comparison cancelled")
    } else {
        None
    }
}

fn menu_item(ui: &mut egui::Ui, text: &str, shortcut: Option<&Shortcut>) -> bool {
    let mut button = egui::Button::new(text);
    if let Some(s) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s.keys));
    }
    let clicked = ui.add(button).clicked();
    if clicked {
        ui.close();
    }
    clicked
}

fn menu_bar(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if menu_item(ui, "Open articles…", Some(&frame::OPEN)) {
                app.push(Command::ShowOpenDialog);
            }
            if menu_item(ui, "Open folder…", None) {
                app.push(Command::ShowOpenFolderDialog);
            }
            if menu_item(ui, "Open address…", Some(&frame::OPEN_ADDRESS)) {
                app.push(Command::ShowOpenAddress);
            }
            if menu_item(ui, "Paste article", Some(&frame::PASTE)) {
                app.push(Command::PasteFromClipboard);
            }
            if menu_item(ui, "Open the sample comparison", None) {
                app.push(Command::OpenSample);
            }
            ui.menu_button("Open recent", |ui| {
                if app.state.recent.is_empty() {
                    ui.label(RichText::new("Nothing yet").weak());
                }
                for recent in app.state.recent.clone() {
                    if ui.button(recent.title()).clicked() {
                        app.push(Command::OpenRecent(recent));
                        ui.close();
                    }
                }
            });
            ui.separator();
            if menu_item(ui, "Open session…", None) {
                app.push(Command::ShowOpenSessionDialog);
            }
            if menu_item(ui, "Save session…", Some(&frame::SAVE_SESSION)) {
                app.push(Command::ShowSaveSessionDialog);
            }
            if menu_item(ui, "Save report…", Some(&frame::SAVE_REPORT)) {
                app.push(Command::ShowSaveReportDialog);
            }
            if menu_item(ui, "Save as PDF…", None) {
                app.push(Command::ShowSavePdfDialog);
            }
            ui.separator();
            if menu_item(ui, "Close all", None) {
                app.push(Command::CloseAll);
            }
            if menu_item(ui, "Quit", None) {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("View", |ui| {
            let mut findings = app.state.settings.findings_open;
            if ui.checkbox(&mut findings, "Findings panel").changed() {
                app.push(Command::SetFindingsOpen(findings));
            }
            let mut lock = app.state.settings.lock_scroll;
            if ui.checkbox(&mut lock, "Lock scrolling").changed() {
                app.push(Command::SetLockScroll(lock));
            }
            ui.separator();
            if menu_item(ui, "Larger text", Some(&frame::LARGER)) {
                app.push(Command::SetTextSize(app.state.settings.text_size + 1.0));
            }
            if menu_item(ui, "Smaller text", Some(&frame::SMALLER)) {
                app.push(Command::SetTextSize(app.state.settings.text_size - 1.0));
            }
            ui.separator();
            if menu_item(ui, "Settings…", None) {
                app.push(Command::SetSettingsOpen(true));
            }
        });
        ui.menu_button("Navigate", |ui| {
            if menu_item(ui, "Next difference", Some(&frame::NEXT)) {
                app.push(Command::NextDifference);
            }
            if menu_item(ui, "Previous difference", Some(&frame::PREVIOUS)) {
                app.push(Command::PreviousDifference);
            }
            if menu_item(ui, "Find…", Some(&frame::FIND)) {
                app.push(Command::ShowFind);
            }
        });
        ui.menu_button("Help", |ui| {
            if menu_item(ui, "Keyboard shortcuts and colours", None) {
                app.push(Command::SetHelpOpen(true));
            }
        });
    });
}

fn toolbar(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Open…")
            .on_hover_text("Add articles (Ctrl+O)")
            .clicked()
        {
            app.push(Command::ShowOpenDialog);
        }
        if ui
            .button("Save report…")
            .on_hover_text("HTML, Markdown or JSON (Ctrl+S)")
            .clicked()
        {
            app.push(Command::ShowSaveReportDialog);
        }
        ui.separator();
        for filter in Filter::ALL {
            if ui
                .selectable_label(app.view.filter == filter, filter.name())
                .clicked()
            {
                app.push(Command::SetFilter(filter));
            }
        }
        ui.separator();
        if ui
            .button("◀ Previous")
            .on_hover_text("Previous difference (Shift+F7)")
            .clicked()
        {
            app.push(Command::PreviousDifference);
        }
        if ui
            .button("Next ▶")
            .on_hover_text("Next difference (F7)")
            .clicked()
        {
            app.push(Command::NextDifference);
        }
        ui.separator();
        let mut lock = app.state.settings.lock_scroll;
        if ui
            .toggle_value(&mut lock, "Lock scrolling")
            .on_hover_text("Scrolling one column keeps the others level")
            .changed()
        {
            app.push(Command::SetLockScroll(lock));
        }
        let mut findings = app.state.settings.findings_open;
        if ui.toggle_value(&mut findings, "Findings").changed() {
            app.push(Command::SetFindingsOpen(findings));
        }
        width_choice(app, ui);
        ui.separator();
        find_bar(app, ui);
    });
}

/// The column width: normal, compact, or every column on screen.
fn width_choice(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let current = app.state.settings.column_width;
    egui::ComboBox::from_id_salt("parallax-column-width")
        .selected_text(format!("Width: {}", current.name()))
        .show_ui(ui, |ui| {
            for width in ColumnWidth::ALL {
                if ui
                    .selectable_label(current == width, width.name())
                    .clicked()
                {
                    app.push(Command::SetColumnWidth(width));
                }
            }
        })
        .response
        .on_hover_text("Column width: Fit all shows every column at once");
}

fn find_bar(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    if !app.view.find.open {
        if ui.button("Find…").on_hover_text("Ctrl+F").clicked() {
            app.push(Command::ShowFind);
        }
        return;
    }
    let response = ui.add(
        egui::TextEdit::singleline(&mut app.view.find.query)
            .hint_text("Find in all articles")
            .desired_width(180.0),
    );
    let response = response.accessible_name("Find");
    if app.view.find.take_focus {
        response.request_focus();
        app.view.find.take_focus = false;
    }
    app.view.find.refresh(&app.workspace);
    if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        let backwards = ui.input(|i| i.modifiers.shift);
        app.push(Command::FindNext(!backwards));
        app.view.find.take_focus = true;
    }
    let count = app.view.find.matches.len();
    let position = app
        .view
        .find
        .current
        .map_or(String::new(), |k| format!("{} of ", k + 1));
    ui.label(
        RichText::new(if app.view.find.query.trim().is_empty() {
            String::new()
        } else {
            format!("{position}{count} found")
        })
        .small()
        .weak(),
    );
    if ui
        .small_button("▲")
        .on_hover_text("Previous match (Shift+Enter)")
        .clicked()
    {
        app.push(Command::FindNext(false));
    }
    if ui
        .small_button("▼")
        .on_hover_text("Next match (Enter)")
        .clicked()
    {
        app.push(Command::FindNext(true));
    }
    if ui.small_button("×").on_hover_text("Close (Esc)").clicked() {
        app.push(Command::HideFind);
    }
}

fn banners(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let p = palette(ui.ctx());
    let mut dismissed = None;
    let mut open = None;
    for (k, banner) in app.banners.iter().enumerate() {
        let (fill, text_color) = if banner.is_error {
            (color(p.unique), color(p.deleted))
        } else {
            (color(p.shared_few), color(p.text))
        };
        egui::Frame::new()
            .fill(fill)
            .inner_margin(vec2(8.0, 4.0))
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(if banner.is_error { "⚠" } else { "✓" }).color(text_color),
                    );
                    ui.label(RichText::new(&banner.text).color(text_color));
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                            dismissed = Some(k);
                        }
                        if let Some(path) = &banner.open
                            && ui.small_button("Open").clicked()
                        {
                            open = Some(path.clone());
                        }
                    });
                });
            });
    }
    if let Some(k) = dismissed {
        app.push(Command::DismissBanner(k));
    }
    if let Some(path) = open {
        app.push(Command::OpenExternally(path));
    }
}

fn status_bar(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let p = palette(ui.ctx());
    ui.horizontal(|ui| {
        if !app.jobs.loads.is_empty() {
            ui.spinner();
            let files: usize = app.jobs.loads.iter().map(|l| l.files).sum();
            let done: usize = app.jobs.loads.iter().map(|l| l.progress.done()).sum();
            let noun = if files == 1 { "file" } else { "files" };
            ui.label(format!("Loading {files} {noun} ({done} of {files} read)"));
            if ui.small_button("Cancel").clicked() {
                app.push(Command::CancelLoading);
            }
        } else if let Some(running) = &app.jobs.comparison {
            ui.spinner();
            let (stage, fraction) = running.progress.snapshot();
            let text = match fraction {
                Some(f) => format!(
                    "Comparing {} articles: {stage} ({:.0}%)",
                    running.articles,
                    f * 100.0
                ),
                None => format!("Comparing {} articles: {stage}", running.articles),
            };
            ui.label(text);
            if ui.small_button("Cancel").clicked() {
                app.push(Command::CancelJob);
            }
        } else if app.jobs.busy > 0 {
            ui.spinner();
            ui.label("Working…");
        } else if let Some(what) = stopped_comparison(app) {
            if app.workspace.snapshot.is_some() {
                ui.label(
                    RichText::new(format!("{what} · the columns show the previous result")).small(),
                );
                if ui.small_button("Compare again").clicked() {
                    app.push(Command::CompareAgain);
                }
            } else {
                ui.label(RichText::new(what).small());
            }
        } else if let Some(snapshot) = &app.workspace.snapshot
            && snapshot.comparison.articles.len() < 2
        {
            ui.label(
                RichText::new("1 article · open another version of the story to compare").small(),
            );
        } else if let Some(snapshot) = &app.workspace.snapshot {
            let c = &snapshot.comparison;
            ui.label(
                RichText::new(format!(
                    "{} articles · {} links · {} shared passages",
                    c.articles.len(),
                    c.links.len(),
                    c.groups.len()
                ))
                .small(),
            );
            if let Some(walk) = &app.view.walk_status {
                ui.separator();
                ui.label(RichText::new(walk).small().strong());
            }
        } else {
            ui.label(
                RichText::new("Open two or more articles about the same story")
                    .small()
                    .weak(),
            );
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            for entry in LEGEND.iter().rev() {
                let swatch = match entry.name {
                    "Shared" => p.shared_all,
                    "Reworded" => p.reworded,
                    "Unique" => p.unique,
                    "Removed" => p.deleted,
                    "Differs" => p.text,
                    _ => p.inserted,
                };
                let text = match entry.name {
                    "Removed" => RichText::new(entry.name)
                        .strikethrough()
                        .color(color(swatch)),
                    "Added" | "Differs" => {
                        RichText::new(entry.name).underline().color(color(swatch))
                    }
                    _ => RichText::new(format!("  {}  ", entry.name))
                        .background_color(color(swatch))
                        .color(color(p.text)),
                };
                ui.label(text.small()).on_hover_text(entry.meaning);
            }
        });
    });
}

fn welcome(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.15).min(120.0));
        ui.heading(RichText::new("Parallax").size(34.0));
        ui.label(RichText::new("Read several outlets' versions of a story side by side: what they share, what they reword, what only one says.").weak());
        ui.add_space(18.0);
        if ui.add_sized(vec2(260.0, 34.0), egui::Button::new("Open articles…")).clicked() {
            app.push(Command::ShowOpenDialog);
        }
        if ui.add_sized(vec2(260.0, 34.0), egui::Button::new("Open the sample comparison")).clicked() {
            app.push(Command::OpenSample);
        }
        ui.label(RichText::new("or drop files on this window, or paste an article with Ctrl+Shift+V").small().weak());
        if !app.state.recent.is_empty() {
            ui.add_space(18.0);
            ui.label(RichText::new("Recent comparisons").strong());
            for recent in app.state.recent.clone().into_iter().take(6) {
                if ui.link(recent.title()).clicked() {
                    app.push(Command::OpenRecent(recent));
                }
            }
        }
    });
}

/// While files are dragged over the window, say what dropping them does.
fn drop_hint(ui: &egui::Ui) {
    let hovered = ui.input(|i| i.raw.hovered_files.len());
    if hovered == 0 {
        return;
    }
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("parallax-drop"),
    ));
    let rect = ui.ctx().content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(150));
    let text = if hovered == 1 {
        "Drop to add this article".to_owned()
    } else {
        format!("Drop to add {hovered} articles")
    };
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}

/// The settings window, in the top right corner below `top` (the toolbar's bottom), so it never
/// covers the Open, Save or filter buttons; Esc closes it.
fn settings_window(app: &mut ParallaxApp, ui: &mut egui::Ui, top: f32) {
    let mut open = app.settings_open;
    let mut options: Options = app.state.settings.options;
    let mut theme = app.state.settings.theme;
    let mut size = app.state.settings.text_size;
    let mut report = app.state.settings.report;
    egui::Window::new("Settings").open(&mut open).resizable(false).collapsible(false).anchor(egui::Align2::RIGHT_TOP, vec2(-16.0, top + 12.0)).show(ui.ctx(), |ui| {
        egui::Grid::new("parallax-settings").num_columns(2).spacing(vec2(12.0, 8.0)).show(ui, |ui| {
            ui.label("Theme");
            ui.horizontal(|ui| {
                ui.selectable_value(&mut theme, ThemeChoice::System, "System");
                ui.selectable_value(&mut theme, ThemeChoice::Light, "Light");
                ui.selectable_value(&mut theme, ThemeChoice::Dark, "Dark");
            });
            ui.end_row();
            let label = ui.label("Text size");
            ui.add(egui::Slider::new(&mut size, TEXT_SIZE_RANGE).suffix(" pt"))
                .labelled_by(label.id);
            ui.end_row();
            ui.label("Similarity threshold");
            let draft = app.threshold_draft.get_or_insert(options.threshold);
            let slider = ui
                .add(egui::Slider::new(draft, 0.2..=0.95).fixed_decimals(2))
                .on_hover_text("How much wording two sentences must share to count as a rewording. Lower finds looser rewrites; higher only close ones. The comparison runs again when you let go.");
            if !slider.dragged() {
                options.threshold = *draft;
                app.threshold_draft = None;
            }
            ui.end_row();
            ui.label("Treat as the same");
            ui.vertical(|ui| {
                ui.checkbox(&mut options.normalization.case, "Upper and lower case");
                ui.checkbox(&mut options.normalization.punctuation, "Punctuation");
                ui.checkbox(&mut options.normalization.spelling, "Spelling variants (defence/defense, five/5)");
            });
            ui.end_row();
            ui.label("Saved reports");
            ui.vertical(|ui| {
                ui.checkbox(&mut report.changes_only, "Changes only")
                    .on_hover_text("Leave out of HTML and PDF reports the text two versions share word for word (a line says how many sentences), so a report of many versions prints short.");
                ui.horizontal(|ui| {
                    ui.label("PDF paper");
                    ui.selectable_value(&mut report.letter, false, "A4");
                    ui.selectable_value(&mut report.letter, true, "Letter");
                });
            });
            ui.end_row();
        });
    });
    if open != app.settings_open {
        app.push(Command::SetSettingsOpen(open));
    }
    if theme != app.state.settings.theme {
        app.push(Command::SetTheme(theme));
    }
    if size != app.state.settings.text_size {
        app.push(Command::SetTextSize(size));
    }
    if options != app.state.settings.options {
        app.push(Command::SetOptions(options));
    }
    if report != app.state.settings.report {
        app.push(Command::SetReportSettings(report));
    }
}

fn help_window(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let mut open = app.help_open;
    egui::Window::new("Keyboard shortcuts and colours")
        .open(&mut open)
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("parallax-help-keys")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for s in frame::HELP {
                        ui.label(RichText::new(ui.ctx().format_shortcut(&s.keys)).monospace());
                        ui.label(s.description);
                        ui.end_row();
                    }
                });
            ui.separator();
            for entry in LEGEND {
                ui.label(RichText::new(entry.name).strong());
                ui.label(entry.meaning);
            }
        });
    if open != app.help_open {
        app.push(Command::SetHelpOpen(open));
    }
}
