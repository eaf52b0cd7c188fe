//! The findings side panel: per-outlet originality bars, the N×N overlap matrix as a heat map,
//! the substitutions table (sortable; a row jumps to its sentences), quote changes side by side,
//! conflicting figures and omissions. Every row navigates to the sentences it is about.

use egui::{Rect, RichText, Sense, Stroke, pos2, vec2};

use super::super::command::{Command, CommandQueue};
use super::super::theme::{color, palette};
use super::super::workspace::{Column, Workspace};
use super::{focus_command, to_key};
use crate::compare::{Comparison, SentenceRef, Substitution};

/// How the substitutions table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SubstitutionOrder {
    /// Most frequent first.
    #[default]
    Count,
    /// Alphabetically by the original wording.
    From,
    /// Alphabetically by the replacement.
    To,
}

/// Runtime state of the panel.
#[derive(Debug, Default)]
pub struct FindingsPanel {
    /// Sort order of the substitutions table.
    pub order: SubstitutionOrder,
}

impl FindingsPanel {
    /// Draws the panel's content.
    pub fn ui(&mut self, ui: &mut egui::Ui, workspace: &Workspace, commands: &mut CommandQueue) {
        let Some(snapshot) = &workspace.snapshot else {
            ui.label(RichText::new("Open two or more articles to see what they share.").weak());
            return;
        };
        let c = &snapshot.comparison;
        let columns = workspace.columns();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                section(ui, "Originality", true, |ui| {
                    originality(ui, workspace, c, &columns)
                });
                section(ui, "Overlap", true, |ui| {
                    overlap(ui, workspace, c, &columns)
                });
                let subs = format!("Substitutions ({})", c.substitutions.len());
                section(ui, &subs, true, |ui| {
                    self.substitutions(ui, workspace, c, commands)
                });
                let quotes = format!("Quote changes ({})", c.quote_changes.len());
                section(ui, &quotes, !c.quote_changes.is_empty(), |ui| {
                    quote_changes(ui, workspace, c, commands)
                });
                let numbers = format!("Conflicting figures ({})", c.numbers.len());
                section(ui, &numbers, !c.numbers.is_empty(), |ui| {
                    conflicting_numbers(ui, workspace, c, commands)
                });
                let omissions = format!("Omissions ({})", c.omissions.len());
                section(ui, &omissions, false, |ui| {
                    omission_list(ui, workspace, c, commands)
                });
            });
    }

    fn substitutions(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        c: &Comparison,
        commands: &mut CommandQueue,
    ) {
        if c.substitutions.is_empty() {
            ui.label(RichText::new("No words were swapped between linked sentences.").weak());
            return;
        }
        ui.horizontal(|ui| {
            ui.label(RichText::new("Sort by").small().weak());
            for (order, name) in [
                (SubstitutionOrder::Count, "count"),
                (SubstitutionOrder::From, "from"),
                (SubstitutionOrder::To, "to"),
            ] {
                ui.selectable_value(&mut self.order, order, name);
            }
        });
        let mut rows = group_substitutions(c);
        match self.order {
            SubstitutionOrder::Count => {
                rows.sort_by(|x, y| y.count.cmp(&x.count).then(x.from.cmp(y.from)))
            }
            SubstitutionOrder::From => rows.sort_by_key(|r| r.from.to_lowercase()),
            SubstitutionOrder::To => rows.sort_by_key(|r| r.to.to_lowercase()),
        }
        for row in rows {
            substitution_row(ui, workspace, c, &row, commands);
        }
    }
}

/// One wording change with its total count and the outlet pairs it occurs between.
struct SubstitutionRow<'c> {
    from: &'c str,
    to: &'c str,
    count: usize,
    pairs: Vec<&'c Substitution>,
}

/// Substitutions grouped by wording across all article pairs.
fn group_substitutions(c: &Comparison) -> Vec<SubstitutionRow<'_>> {
    let mut rows: Vec<SubstitutionRow<'_>> = Vec::new();
    for s in &c.substitutions {
        let same = |r: &SubstitutionRow<'_>| {
            r.from.to_lowercase() == s.from.to_lowercase()
                && r.to.to_lowercase() == s.to.to_lowercase()
        };
        match rows.iter_mut().find(|r| same(r)) {
            Some(row) => {
                row.count += s.count;
                row.pairs.push(s);
            }
            None => rows.push(SubstitutionRow {
                from: &s.from,
                to: &s.to,
                count: s.count,
                pairs: vec![s],
            }),
        }
    }
    rows
}

fn substitution_row(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    c: &Comparison,
    row: &SubstitutionRow<'_>,
    commands: &mut CommandQueue,
) {
    let p = palette(ui.ctx());
    let shown = |w: &str| {
        if w.is_empty() {
            "(nothing)".to_owned()
        } else {
            w.to_owned()
        }
    };
    let mut job = egui::text::LayoutJob::default();
    let body = egui::TextFormat {
        font_id: egui::FontId::proportional(13.5),
        color: color(p.text),
        ..Default::default()
    };
    job.append(
        &shown(row.from),
        0.0,
        egui::TextFormat {
            strikethrough: Stroke::new(1.0, color(p.deleted)),
            color: color(p.deleted),
            ..body.clone()
        },
    );
    job.append("  →  ", 0.0, body.clone());
    job.append(
        &shown(row.to),
        0.0,
        egui::TextFormat {
            underline: Stroke::new(1.0, color(p.inserted)),
            color: color(p.inserted),
            ..body.clone()
        },
    );
    let (clicked, _) = egui::Sides::new().shrink_left().truncate().show(
        ui,
        |ui| {
            ui.add(egui::Label::new(job).truncate().sense(Sense::click()))
                .on_hover_text("Show where")
                .clicked()
        },
        |ui| ui.label(RichText::new(format!("×{}", row.count)).strong()),
    );
    let pairs: Vec<String> = row
        .pairs
        .iter()
        .map(|s| {
            format!(
                "{} → {} ×{}",
                label(workspace, c, s.a),
                label(workspace, c, s.b),
                s.count
            )
        })
        .collect();
    ui.add(egui::Label::new(RichText::new(pairs.join(" · ")).small().weak()).truncate());
    ui.add_space(2.0);
    if clicked
        && let Some((a, _)) = row.pairs.first().and_then(|s| s.occurrences.first())
        && let Some(cmd) = focus_command(workspace, *a)
    {
        commands.push(cmd);
    }
}

/// A collapsible section with a heading.
fn section(ui: &mut egui::Ui, title: &str, open: bool, add: impl FnOnce(&mut egui::Ui)) {
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt((
            "parallax-findings",
            title.split(' ').next().unwrap_or(title),
        ))
        .default_open(open)
        .show(ui, add);
}

/// The label of comparison article `index`, as the user named it.
fn label(workspace: &Workspace, c: &Comparison, index: usize) -> String {
    workspace
        .snapshot
        .as_ref()
        .and_then(|s| s.ids.get(index))
        .map_or_else(
            || c.articles[index].label.clone(),
            |id| workspace.label(*id).to_owned(),
        )
}

fn originality(ui: &mut egui::Ui, workspace: &Workspace, c: &Comparison, columns: &[Column]) {
    let p = palette(ui.ctx());
    for column in columns {
        let Some(stats) = c.stats.articles.get(column.index) else {
            continue;
        };
        ui.label(RichText::new(workspace.label(column.id)).small());
        let (rect, response) =
            ui.allocate_exact_size(vec2(ui.available_width(), 10.0), Sense::hover());
        let mut x = rect.left();
        for (share, fill) in [
            (stats.identical, p.bar_identical),
            (stats.reworded, p.bar_reworded),
            (stats.unique, p.bar_unique),
        ] {
            let w = rect.width() * share;
            ui.painter().rect_filled(
                Rect::from_min_size(pos2(x, rect.top()), vec2(w, rect.height())),
                0.0,
                color(fill),
            );
            x += w;
        }
        response.on_hover_text(format!(
            "{:.0}% identical, {:.0}% reworded, {:.0}% unique",
            stats.identical * 100.0,
            stats.reworded * 100.0,
            stats.unique * 100.0
        ));
    }
    for d in &c.stats.derivations {
        ui.label(
            RichText::new(format!(
                "{} looks derived from {} ({:.0}% of it is found there)",
                label(workspace, c, d.derived),
                label(workspace, c, d.source),
                d.containment * 100.0
            ))
            .small(),
        );
    }
}

fn overlap(ui: &mut egui::Ui, workspace: &Workspace, c: &Comparison, columns: &[Column]) {
    let p = palette(ui.ctx());
    let n = columns.len();
    if n < 2 {
        return;
    }
    let cell = ((ui.available_width() - 20.0) / n as f32).clamp(12.0, 36.0);
    let (rect, response) = ui.allocate_exact_size(
        vec2(cell * n as f32 + 20.0, cell * n as f32 + 20.0),
        Sense::hover(),
    );
    let origin = rect.min + vec2(20.0, 20.0);
    let painter = ui.painter();
    for (row, a) in columns.iter().enumerate() {
        painter.text(
            pos2(rect.left() + 10.0, origin.y + (row as f32 + 0.5) * cell),
            egui::Align2::CENTER_CENTER,
            format!("{}", row + 1),
            egui::FontId::proportional(10.0),
            color(p.muted),
        );
        painter.text(
            pos2(origin.x + (row as f32 + 0.5) * cell, rect.top() + 10.0),
            egui::Align2::CENTER_CENTER,
            format!("{}", row + 1),
            egui::FontId::proportional(10.0),
            color(p.muted),
        );
        for (col, b) in columns.iter().enumerate() {
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
    if let Some(pointer) = response.hover_pos() {
        let (col, row) = (
            ((pointer.x - origin.x) / cell).floor(),
            ((pointer.y - origin.y) / cell).floor(),
        );
        if col >= 0.0 && row >= 0.0 && (col as usize) < n && (row as usize) < n && col != row {
            let (a, b) = (columns[row as usize], columns[col as usize]);
            let value = c.stats.overlap[a.index][b.index];
            response.on_hover_text(format!(
                "{:.0}% of {} is found in {}",
                value * 100.0,
                workspace.label(a.id),
                workspace.label(b.id)
            ));
        }
    }
    for (k, column) in columns.iter().enumerate() {
        ui.label(
            RichText::new(format!("{}  {}", k + 1, workspace.label(column.id)))
                .small()
                .weak(),
        );
    }
}

/// A clickable line that focuses `at`.
fn goto(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    text: RichText,
    at: SentenceRef,
    commands: &mut CommandQueue,
) {
    let response = ui
        .add(egui::Label::new(text).sense(Sense::click()))
        .on_hover_text("Show in the columns");
    if response.clicked()
        && let Some(key) = to_key(workspace, at)
    {
        commands.push(Command::Focus(key));
    }
}

fn quote_changes(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    c: &Comparison,
    commands: &mut CommandQueue,
) {
    let p = palette(ui.ctx());
    for q in &c.quote_changes {
        ui.group(|ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(label(workspace, c, q.a.article))
                    .small()
                    .weak(),
            );
            goto(
                ui,
                workspace,
                RichText::new(format!("“{}”", q.a_quote)).color(color(p.text)),
                q.a,
                commands,
            );
            ui.label(
                RichText::new(label(workspace, c, q.b.article))
                    .small()
                    .weak(),
            );
            goto(
                ui,
                workspace,
                RichText::new(format!("“{}”", q.b_quote)).color(color(p.text)),
                q.b,
                commands,
            );
        });
    }
}

fn conflicting_numbers(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    c: &Comparison,
    commands: &mut CommandQueue,
) {
    for fact in &c.numbers {
        ui.group(|ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&fact.fact).strong());
            for m in &fact.mentions {
                let text = RichText::new(format!("{}: {}", label(workspace, c, m.article), m.text));
                goto(
                    ui,
                    workspace,
                    text,
                    SentenceRef::new(m.article, m.sentence),
                    commands,
                );
            }
        });
    }
}

fn omission_list(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    c: &Comparison,
    commands: &mut CommandQueue,
) {
    for o in &c.omissions {
        let Some(first) = c.groups.get(o.group).and_then(|g| g.members.first()) else {
            continue;
        };
        let text = RichText::new(format!(
            "{} lacks: {}",
            label(workspace, c, o.article),
            o.text
        ));
        goto(ui, workspace, text, *first, commands);
    }
}
