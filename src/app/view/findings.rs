//! The findings side panel, in tabs: an overview (each copy's key changes first, a click away
//! from their sentences; the version tree of who copied whom; per-outlet originality bars; the
//! N×N overlap matrix as a heat map), the substitutions table (most significant first, or sorted
//! by count or wording; grouped by wording with counts per outlet pair, each row with its kind),
//! quote changes (with the words that changed), conflicting figures, attribution changes (a
//! claim's source dropped or changed), what each copy cut from its original and what it added,
//! and omissions. Every row navigates to the sentences it is about.
//!
//! Long lists are virtualised (only visible rows are laid out), and the grouping of substitutions
//! is computed once per comparison, so the panel costs little even with fifty articles.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText, Sense, Stroke, vec2};

use super::super::command::{Command, CommandQueue};
use super::super::theme::{color, palette};
use super::super::workspace::{Column, Workspace};
use super::to_key;
use crate::compare::findings::{SubstitutionGroup, group_substitutions};
use crate::compare::{Comparison, QuoteEdit, SentenceRef};
use crate::design::Palette;

/// Height of the originality bars.
const ORIGINALITY_BAR_HEIGHT: f32 = 10.0;
/// Height of one row of a list.
const ROW_HEIGHT: f32 = 20.0;
/// Height of a two-line row (wording and outlets).
const DOUBLE_ROW_HEIGHT: f32 = 38.0;

/// The panel's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Originality, derivations and overlap.
    #[default]
    Overview,
    /// Word and phrase substitutions.
    Substitutions,
    /// Altered quotes.
    Quotes,
    /// Conflicting figures.
    Figures,
    /// Claims whose source was dropped or changed.
    Attribution,
    /// Sentences and clauses each copy cut from its original.
    Cuts,
    /// Sentences and clauses each copy added to what it took from its original.
    Additions,
    /// Content most articles carry that one lacks.
    Omissions,
}

/// How the substitutions table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SubstitutionOrder {
    /// Most significant first (the comparison's ranking).
    #[default]
    Rank,
    /// Most frequent first.
    Count,
    /// Alphabetically by the original wording.
    From,
    /// Alphabetically by the replacement.
    To,
}

/// A line of the figures list: a fact's heading or one article's wording of it.
#[derive(Debug, Clone, Copy)]
enum FigureLine {
    Fact(usize),
    /// The fact's note on a line of its own, so a narrow panel never cuts it off.
    Note(usize),
    Mention(usize, usize),
}

/// What the panel derives from a comparison, once.
#[derive(Debug, Default)]
struct Derived {
    generation: u64,
    order: SubstitutionOrder,
    substitutions: Vec<SubstitutionGroup>,
    figures: Vec<FigureLine>,
}

/// Runtime state of the panel.
#[derive(Debug, Default)]
pub struct FindingsPanel {
    /// The tab shown.
    pub tab: Tab,
    /// Sort order of the substitutions table.
    pub order: SubstitutionOrder,
    derived: Option<Derived>,
}

impl FindingsPanel {
    /// Draws the panel's content.
    pub fn ui(&mut self, ui: &mut egui::Ui, workspace: &Workspace, commands: &mut CommandQueue) {
        let Some(snapshot) = &workspace.snapshot else {
            ui.label(RichText::new("Open two or more articles to see what they share.").weak());
            return;
        };
        let c = &snapshot.comparison;
        self.refresh(snapshot.generation, c);
        self.tabs(ui, c);
        ui.separator();
        let columns = workspace.columns();
        let Some(derived) = &self.derived else {
            return;
        };
        match self.tab {
            Tab::Overview => overview(ui, workspace, c, &columns, commands),
            Tab::Substitutions => {
                sort_bar(ui, &mut self.order);
                substitutions(ui, workspace, &derived.substitutions, commands);
            }
            Tab::Quotes => quotes(ui, workspace, c, commands),
            Tab::Figures => figures(ui, workspace, c, &derived.figures, commands),
            Tab::Attribution => attribution_changes(ui, workspace, c, commands),
            Tab::Cuts => cuts(ui, workspace, c, commands),
            Tab::Additions => additions(ui, workspace, c, commands),
            Tab::Omissions => omissions(ui, workspace, c, commands),
        }
    }

    /// Recomputes the derived lists when the comparison or the sort order changed.
    fn refresh(&mut self, generation: u64, c: &Comparison) {
        let fresh = self
            .derived
            .as_ref()
            .is_some_and(|d| d.generation == generation && d.order == self.order);
        if !fresh {
            self.derived = Some(Derived {
                generation,
                order: self.order,
                substitutions: sorted_substitutions(c, self.order),
                figures: figure_lines(c),
            });
        }
    }

    fn tabs(&mut self, ui: &mut egui::Ui, c: &Comparison) {
        ui.horizontal_wrapped(|ui| {
            let tabs = [
                (Tab::Overview, "Overview".to_owned()),
                (
                    Tab::Substitutions,
                    format!("Substitutions {}", c.substitutions.len()),
                ),
                (Tab::Quotes, format!("Quotes {}", c.quote_changes.len())),
                (Tab::Figures, format!("Figures {}", c.numbers.len())),
                (
                    Tab::Attribution,
                    format!("Attribution {}", c.attribution_changes.len()),
                ),
                (Tab::Cuts, format!("Cuts {}", c.cuts.len())),
                (Tab::Additions, format!("Added {}", c.additions.len())),
                (Tab::Omissions, format!("Omissions {}", c.omissions.len())),
            ];
            for (tab, name) in tabs {
                ui.selectable_value(&mut self.tab, tab, name);
            }
        });
    }
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

/// Focuses `at` when `response` was clicked.
fn go_to_on_click(
    response: &egui::Response,
    workspace: &Workspace,
    at: SentenceRef,
    commands: &mut CommandQueue,
) {
    if response.clicked()
        && let Some(key) = to_key(workspace, at)
    {
        commands.push(Command::Focus(key));
    }
}

fn overview(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    c: &Comparison,
    columns: &[Column],
    commands: &mut CommandQueue,
) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            key_changes(ui, workspace, c, commands);
            version_tree(ui, workspace, c);
            ui.label(RichText::new("Originality").strong());
            originality(ui, workspace, c, columns);
            ui.add_space(10.0);
            ui.label(RichText::new("Overlap").strong());
            ui.label(
                RichText::new("Share of each row's text found in each column's article")
                    .small()
                    .weak(),
            );
            super::matrix::overlap(ui, workspace, c, columns);
            ui.add_space(10.0);
            ui.label(RichText::new("Version tree").strong());
            ui.label(
                RichText::new("Each version under the one it is closest to")
                    .small()
                    .weak(),
            );
            super::matrix::version_tree(ui, workspace, c, columns);
        });
}

/// "A → B" for a known direction, else "A / B (differs)".
fn sides(workspace: &Workspace, c: &Comparison, a: usize, b: usize, directed: bool) -> String {
    let (a, b) = (label(workspace, c, a), label(workspace, c, b));
    if directed {
        format!("{a} → {b}")
    } else {
        format!("{a} / {b} (differs)")
    }
}

/// Each copy's most consequential changes; a click focuses the sentences a change is about.
fn key_changes(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    c: &Comparison,
    commands: &mut CommandQueue,
) {
    if c.key_changes.is_empty() {
        return;
    }
    ui.label(RichText::new("Key changes").strong());
    for copy in &c.key_changes {
        ui.label(
            RichText::new(sides(workspace, c, copy.original, copy.copy, copy.directed))
                .small()
                .strong(),
        );
        for change in &copy.changes {
            let text = format!("{}: {}", change.kind.label(), change.summary);
            let response = ui
                .add(
                    egui::Label::new(RichText::new(text.clone()).small())
                        .truncate()
                        .sense(Sense::click()),
                )
                .on_hover_text(text);
            if let Some(&at) = change.at.last() {
                go_to_on_click(&response, workspace, at, commands);
            }
        }
    }
    ui.add_space(10.0);
}

/// Who copied whom: each edge of the version tree with its direction, or "differs".
fn version_tree(ui: &mut egui::Ui, workspace: &Workspace, c: &Comparison) {
    if c.lineage.is_empty() {
        return;
    }
    ui.label(RichText::new("Who copied whom").strong());
    for d in &c.lineage {
        let text = if d.known {
            let why: Vec<&str> = d.clues.iter().map(|clue| clue.label()).collect();
            format!(
                "{} copied from {} ({:.0}% sure: {})",
                label(workspace, c, d.copy),
                label(workspace, c, d.original),
                d.confidence * 100.0,
                why.join(", ")
            )
        } else {
            format!(
                "{} and {} differ (which came first is undetermined)",
                label(workspace, c, d.original),
                label(workspace, c, d.copy)
            )
        };
        ui.add(egui::Label::new(RichText::new(text).small()).wrap());
    }
    ui.add_space(10.0);
}

fn originality(ui: &mut egui::Ui, workspace: &Workspace, c: &Comparison, columns: &[Column]) {
    for column in columns {
        let Some(stats) = c.stats.articles.get(column.index) else {
            continue;
        };
        ui.label(RichText::new(workspace.label(column.id)).small());
        super::header::share_bar(ui, stats, ORIGINALITY_BAR_HEIGHT);
    }
}

fn sort_bar(ui: &mut egui::Ui, order: &mut SubstitutionOrder) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Sort by").small().weak());
        for (value, name) in [
            (SubstitutionOrder::Rank, "significance"),
            (SubstitutionOrder::Count, "count"),
            (SubstitutionOrder::From, "from"),
            (SubstitutionOrder::To, "to"),
        ] {
            ui.selectable_value(order, value, name);
        }
    });
}

/// Substitutions grouped by wording (case aside) across article pairs, sorted.
fn sorted_substitutions(c: &Comparison, order: SubstitutionOrder) -> Vec<SubstitutionGroup> {
    let mut rows = group_substitutions(&c.substitutions);
    match order {
        SubstitutionOrder::Rank => {}
        SubstitutionOrder::Count => rows.sort_by_key(|r| std::cmp::Reverse(r.count)),
        SubstitutionOrder::From => rows.sort_by_cached_key(|r| r.from.to_lowercase()),
        SubstitutionOrder::To => rows.sort_by_cached_key(|r| r.to.to_lowercase()),
    }
    rows
}

fn substitutions(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    rows: &[SubstitutionGroup],
    commands: &mut CommandQueue,
) {
    if rows.is_empty() {
        ui.label(RichText::new("No words were swapped between linked sentences.").weak());
        return;
    }
    let c = workspace.snapshot.as_ref().map(|s| &s.comparison);
    let Some(c) = c else {
        return;
    };
    let p = palette(ui.ctx());
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        DOUBLE_ROW_HEIGHT,
        rows.len(),
        |ui, range| {
            for row in &rows[range] {
                substitution_row(ui, workspace, c, p, row, commands);
            }
        },
    );
}

fn substitution_row(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    c: &Comparison,
    p: &Palette,
    row: &SubstitutionGroup,
    commands: &mut CommandQueue,
) {
    let job = swap(p, &row.from, &row.to);
    ui.allocate_ui(vec2(ui.available_width(), DOUBLE_ROW_HEIGHT), |ui| {
        let (clicked, _) = egui::Sides::new().shrink_left().truncate().show(
            ui,
            |ui| {
                ui.add(egui::Label::new(job).truncate().sense(Sense::click()))
                    .on_hover_text("Show where")
            },
            |ui| {
                ui.label(RichText::new(format!("×{}", row.count)).strong());
                ui.label(RichText::new(row.kind.label()).small().weak())
            },
        );
        let pairs: Vec<String> = row
            .pairs
            .iter()
            .map(|&(a, b, n)| format!("{} ×{n}", sides(workspace, c, a, b, row.directed)))
            .collect();
        ui.add(egui::Label::new(RichText::new(pairs.join(" · ")).small().weak()).truncate());
        if let Some(first) = row.first {
            go_to_on_click(&clicked, workspace, first, commands);
        }
    });
}

/// "from  →  to", the words replaced struck through and the replacement underlined, in the
/// colours of cut and added words; an empty side reads "(nothing)".
fn swap(p: &Palette, from: &str, to: &str) -> LayoutJob {
    let body = TextFormat {
        font_id: FontId::proportional(13.5),
        color: color(p.text),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.append(
        or_nothing(from),
        0.0,
        TextFormat {
            strikethrough: Stroke::new(1.0, color(p.deleted)),
            color: color(p.deleted),
            ..body.clone()
        },
    );
    job.append("  →  ", 0.0, body.clone());
    job.append(
        or_nothing(to),
        0.0,
        TextFormat {
            underline: Stroke::new(1.0, color(p.inserted)),
            color: color(p.inserted),
            ..body
        },
    );
    job
}

/// `words`, or "(nothing)" for none.
fn or_nothing(words: &str) -> &str {
    if words.is_empty() { "(nothing)" } else { words }
}

/// A row of two lines: `what` (a click shows `at`), and below it `between` (the articles) and
/// `kind`, small.
fn two_line_row(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    (what, hover): (impl Into<egui::WidgetText>, String),
    kind: &str,
    between: String,
    at: SentenceRef,
    commands: &mut CommandQueue,
) {
    ui.allocate_ui(vec2(ui.available_width(), DOUBLE_ROW_HEIGHT), |ui| {
        let clicked = ui
            .add(egui::Label::new(what).truncate().sense(Sense::click()))
            .on_hover_text(hover);
        let below = format!("{between} · {kind}");
        ui.add(egui::Label::new(RichText::new(below).small().weak()).truncate());
        go_to_on_click(&clicked, workspace, at, commands);
    });
}

/// A virtualised list of two-line rows, one per item, or `empty` when there are none.
fn two_line_list<T>(
    ui: &mut egui::Ui,
    items: &[T],
    empty: &str,
    mut row: impl FnMut(&mut egui::Ui, &T),
) {
    if items.is_empty() {
        ui.label(RichText::new(empty).weak());
        return;
    }
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        DOUBLE_ROW_HEIGHT,
        items.len(),
        |ui, range| {
            for item in &items[range] {
                row(ui, item);
            }
        },
    );
}

/// Claims whose source a copy dropped or changed: the attribution as first written against
/// the copy's; a click shows the copy's sentence beside the original's.
fn attribution_changes(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    c: &Comparison,
    commands: &mut CommandQueue,
) {
    let p = palette(ui.ctx());
    let empty = "No claim's source was dropped or changed.";
    two_line_list(ui, &c.attribution_changes, empty, |ui, x| {
        let between = sides(workspace, c, x.a.article, x.b.article, x.directed);
        let hover = format!(
            "{}: {} → {}\n{between}\n\n{}",
            x.label(),
            or_nothing(&x.from),
            or_nothing(&x.to),
            c.articles[x.b.article].sentence_text(x.b.sentence).trim()
        );
        let what = (swap(p, &x.from, &x.to), hover);
        two_line_row(ui, workspace, what, x.label(), between, x.b, commands);
    });
}

/// What each copy cut from its original, whole sentences first; a click shows the original's
/// sentence (and, for a clause, the copy's sentence that kept the rest).
fn cuts(ui: &mut egui::Ui, workspace: &Workspace, c: &Comparison, commands: &mut CommandQueue) {
    let empty = "No copy cut a sentence or clause of its original.";
    two_line_list(ui, &c.cuts, empty, |ui, x| {
        let between = sides(workspace, c, x.original.article, x.copy, true);
        passage_row(
            ui,
            workspace,
            (&x.text, x.describe()),
            between,
            x.original,
            commands,
        );
    });
}

/// What each copy added to what it took from its original, whole sentences first; a click
/// shows the copy's sentence (and, for a clause, the original's sentence it was added to).
fn additions(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    c: &Comparison,
    commands: &mut CommandQueue,
) {
    let empty = "No copy added a sentence or clause to what it took from its original.";
    two_line_list(ui, &c.additions, empty, |ui, x| {
        let between = sides(workspace, c, x.original, x.copy.article, true);
        passage_row(
            ui,
            workspace,
            (&x.text, x.describe()),
            between,
            x.copy,
            commands,
        );
    });
}

/// The row of a passage cut or added: its `text`, then the articles and what it is (`kind`).
fn passage_row(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    (text, kind): (&str, &str),
    between: String,
    at: SentenceRef,
    commands: &mut CommandQueue,
) {
    let hover = format!("{text}\n{between} · {kind}");
    let what = (RichText::new(text).size(13.5), hover);
    two_line_row(ui, workspace, what, kind, between, at, commands);
}

/// Height of a quote change's row: what changed, then both quotations.
const QUOTE_ROW_HEIGHT: f32 = 3.0 * ROW_HEIGHT + 6.0;

fn quotes(ui: &mut egui::Ui, workspace: &Workspace, c: &Comparison, commands: &mut CommandQueue) {
    if c.quote_changes.is_empty() {
        ui.label(RichText::new("No quotation differs between linked sentences.").weak());
        return;
    }
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        QUOTE_ROW_HEIGHT,
        c.quote_changes.len(),
        |ui, range| {
            for q in &c.quote_changes[range] {
                ui.allocate_ui(vec2(ui.available_width(), QUOTE_ROW_HEIGHT), |ui| {
                    let edits: Vec<String> = q.edits.iter().map(QuoteEdit::describe).collect();
                    let change = format!("{}: {}", q.kind.label(), edits.join("; "));
                    ui.add(egui::Label::new(RichText::new(change.clone()).strong()).truncate())
                        .on_hover_text(change);
                    let roles = if q.directed {
                        ["original", "copy"]
                    } else {
                        ["differs", "differs"]
                    };
                    for ((at, quote), role) in [(q.a, &q.a_quote), (q.b, &q.b_quote)]
                        .into_iter()
                        .zip(roles)
                    {
                        let text = format!("{role} {}: “{quote}”", label(workspace, c, at.article));
                        let response = ui
                            .add(
                                egui::Label::new(RichText::new(text.clone()).size(13.0))
                                    .truncate()
                                    .sense(Sense::click()),
                            )
                            .on_hover_text(text);
                        go_to_on_click(&response, workspace, at, commands);
                    }
                });
            }
        },
    );
}

/// The facts and their mentions as one list of lines.
fn figure_lines(c: &Comparison) -> Vec<FigureLine> {
    c.numbers
        .iter()
        .enumerate()
        .flat_map(|(f, fact)| {
            std::iter::once(FigureLine::Fact(f))
                .chain(fact.note().map(|_| FigureLine::Note(f)))
                .chain((0..fact.mentions.len()).map(move |m| FigureLine::Mention(f, m)))
        })
        .collect()
}

fn figures(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    c: &Comparison,
    lines: &[FigureLine],
    commands: &mut CommandQueue,
) {
    if lines.is_empty() {
        ui.label(RichText::new("No quantity is reported with different figures.").weak());
        return;
    }
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        ROW_HEIGHT,
        lines.len(),
        |ui, range| {
            for line in &lines[range] {
                match *line {
                    FigureLine::Fact(f) => {
                        let fact = &c.numbers[f];
                        ui.add(egui::Label::new(RichText::new(&fact.fact).strong()).truncate())
                            .on_hover_text(&fact.fact);
                    }
                    FigureLine::Note(f) => {
                        let note = c.numbers[f].note().unwrap_or_default();
                        ui.add(egui::Label::new(RichText::new(note).italics().weak()).truncate())
                            .on_hover_text(note);
                    }
                    FigureLine::Mention(f, m) => {
                        let mention = &c.numbers[f].mentions[m];
                        let text = format!(
                            "    {}: {}",
                            label(workspace, c, mention.article),
                            mention.text
                        );
                        let response = ui
                            .add(egui::Label::new(&text).truncate().sense(Sense::click()))
                            .on_hover_text(text.trim_start());
                        go_to_on_click(
                            &response,
                            workspace,
                            SentenceRef::new(mention.article, mention.sentence),
                            commands,
                        );
                    }
                }
            }
        },
    );
}

fn omissions(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    c: &Comparison,
    commands: &mut CommandQueue,
) {
    if c.omissions.is_empty() {
        ui.label(RichText::new("No article lacks what most of the others carry.").weak());
        return;
    }
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        ROW_HEIGHT,
        c.omissions.len(),
        |ui, range| {
            for o in &c.omissions[range] {
                let text = format!("{} lacks: {}", label(workspace, c, o.article), o.text);
                let response = ui
                    .add(
                        egui::Label::new(text.clone())
                            .truncate()
                            .sense(Sense::click()),
                    )
                    .on_hover_text(format!(
                        "{text}\n(carried by {} articles)",
                        o.present_in.len()
                    ));
                if let Some(first) = c.groups.get(o.group).and_then(|g| g.members.first()) {
                    go_to_on_click(&response, workspace, *first, commands);
                }
            }
        },
    );
}
