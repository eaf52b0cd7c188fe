//! The comparative view and the panels around it. [`ColumnsView`] holds the view's runtime state
//! (layouts, scroll positions, hover, focus); the submodules draw its parts. Views read the
//! workspace and the comparison and push [`Command`]s; they never change the document.

mod columns;
mod copies;
pub mod findings;
mod header;
pub mod layout;
mod marks;
mod matrix;
mod overlay;
mod overview;
mod sync;
pub mod walk;

use std::collections::HashMap;

use egui::{Rect, pos2, vec2};

use super::command::{CommandQueue, SentenceKey};
use super::state::{ColumnWidth, Filter, Settings};
use super::theme::palette;
use super::workspace::{ArticleId, Column, Workspace};
use crate::compare::{Comparison, SentenceRef, Status};
use crate::design::spacing;
use layout::{ColumnLayout, Source, Style};
use sync::Mapping;

/// Height of the column headers.
const HEADER_HEIGHT: f32 = 66.0;
/// Height of the horizontal scroll bar shown when columns overflow.
const HSCROLL_HEIGHT: f32 = 10.0;
/// At most this many columns share the width (except in "fit all"); more scroll sideways.
const MAX_VISIBLE_COLUMNS: usize = 12;
/// Narrowest a column gets in the compact width.
const COMPACT_COLUMN_WIDTH: f32 = 180.0;
/// Narrowest a column gets in "fit all" (ten fit in 1600 px).
const FIT_ALL_MIN_WIDTH: f32 = 120.0;
/// Article text in "fit all" is this much smaller than the chosen size.
const FIT_ALL_TEXT_SCALE: f32 = 0.87;
/// Where (as a share of the viewport height) the line that locked scrolling keeps level sits.
const READING_LINE: f32 = 0.3;

/// An article label being edited in its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    /// The article.
    pub id: ArticleId,
    /// The text typed so far.
    pub text: String,
    /// Whether the text field already has focus.
    pub focused: bool,
}

/// Text search across all articles.
#[derive(Debug, Clone, Default)]
pub struct Find {
    /// Whether the find bar is shown.
    pub open: bool,
    /// The query.
    pub query: String,
    /// Whether the bar should take keyboard focus this frame.
    pub take_focus: bool,
    /// Matches of the query: article, sentence, byte range in the article text.
    pub matches: Vec<(ArticleId, usize, std::ops::Range<usize>)>,
    /// The match the view moved to last.
    pub current: Option<usize>,
    /// The query the matches are for.
    searched: String,
}

impl Find {
    /// Recomputes the matches if the query changed.
    pub fn refresh(&mut self, workspace: &Workspace) {
        if self.query == self.searched {
            return;
        }
        self.searched = self.query.clone();
        self.matches.clear();
        self.current = None;
        let query = self.query.trim().to_lowercase();
        let Some(snapshot) = &workspace.snapshot else {
            return;
        };
        if query.is_empty() {
            return;
        }
        for column in workspace.columns() {
            let article = &snapshot.comparison.articles[column.index];
            for (s, sentence) in article.sentences.iter().enumerate() {
                let text = &article.text[sentence.range()];
                let lower = text.to_lowercase();
                // Lower-casing can change byte lengths; only report matches that map back exactly.
                if lower.len() != text.len() {
                    continue;
                }
                for (at, _) in lower.match_indices(&query) {
                    let start = sentence.start + at;
                    self.matches
                        .push((column.id, s, start..start + query.len()));
                }
            }
        }
    }

    /// Forgets the matches (the articles changed).
    pub fn reset(&mut self) {
        self.searched.clear();
        self.matches.clear();
        self.current = None;
    }
}

/// Runtime state of the comparative view.
#[derive(Default)]
pub struct ColumnsView {
    layouts: HashMap<ArticleId, ColumnLayout>,
    /// The focus each layout's marks were computed for.
    marked_for: HashMap<ArticleId, Option<SentenceKey>>,
    offsets: HashMap<ArticleId, f32>,
    h_offset: f32,
    /// The sentence under the pointer.
    pub hover: Option<SentenceKey>,
    /// The sentence in focus (clicked, or reached with next/previous difference).
    pub focus: Option<SentenceKey>,
    /// Line the other columns up with this sentence on the next frame.
    align_pending: Option<SentenceKey>,
    /// The column the user worked in last.
    pub active: Option<ArticleId>,
    /// A label being edited.
    pub rename: Option<Rename>,
    /// The find bar.
    pub find: Find,
    /// Which statuses are emphasised.
    pub filter: Filter,
    /// The snapshot generation the layouts belong to.
    generation: Option<u64>,
    /// Last frame's geometry, to find where a sentence was drawn.
    last_geometry: Option<Geometry>,
    /// Where the last next / previous difference step landed ("Difference 3 of 57 …").
    pub walk_status: Option<String>,
    /// Columns kept at the left while the others scroll sideways, in pinning order.
    pinned: Vec<ArticleId>,
    /// Scroll this column into view on the next frame.
    reveal_pending: Option<ArticleId>,
    /// Per column standing for identical copies (above twenty articles), the copies it hides.
    copies: HashMap<ArticleId, Vec<ArticleId>>,
}

/// What every part of the view reads in a frame, and the queue its clicks go to.
pub(super) struct ViewContext<'a> {
    workspace: &'a Workspace,
    comparison: &'a Comparison,
    columns: &'a [Column],
    visible: &'a [usize],
    geometry: &'a Geometry,
    settings: &'a Settings,
    commands: &'a mut CommandQueue,
}

/// The column widths' spacing in one [`ColumnWidth`] mode.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Spacing {
    /// Narrowest a column may get before the columns scroll sideways.
    min_width: f32,
    /// Gap between columns (room for ribbons).
    gap: f32,
    /// Inner margin of a column.
    padding: f32,
    /// Width of the overview strip.
    strip: f32,
}

impl Spacing {
    fn of(mode: ColumnWidth) -> Spacing {
        match mode {
            ColumnWidth::Normal => Spacing {
                min_width: spacing::MIN_COLUMN_WIDTH,
                gap: spacing::COLUMN_GAP,
                padding: spacing::COLUMN_PADDING,
                strip: spacing::OVERVIEW_WIDTH,
            },
            ColumnWidth::Compact => Spacing {
                min_width: COMPACT_COLUMN_WIDTH,
                gap: 14.0,
                padding: 8.0,
                strip: 8.0,
            },
            ColumnWidth::FitAll => Spacing {
                min_width: FIT_ALL_MIN_WIDTH,
                gap: 8.0,
                padding: 5.0,
                strip: 6.0,
            },
        }
    }
}

/// Where things are on screen this frame. Pinned columns stay at the left; the others scroll
/// sideways in the space right of them.
#[derive(Debug, Clone)]
struct Geometry {
    area: Rect,
    column_width: f32,
    spacing: Spacing,
    /// Per column position: its left edge relative to its region, and whether it is pinned.
    slots: Vec<(f32, bool)>,
    /// Width the pinned columns take (with their gap).
    pinned_width: f32,
    /// Width of the scrolling columns' content.
    content_width: f32,
    h_offset: f32,
    overflow: bool,
}

impl Geometry {
    fn new(area: Rect, pinned: &[bool], h_offset: f32, mode: ColumnWidth) -> Self {
        let spacing = Spacing::of(mode);
        let gap = spacing.gap;
        let columns = pinned.len();
        let fit = ((area.width() + gap) / (spacing.min_width + gap)).floor() as usize;
        let cap = if mode == ColumnWidth::FitAll {
            usize::MAX
        } else {
            MAX_VISIBLE_COLUMNS
        };
        let visible = fit.clamp(1, cap).min(columns.max(1));
        let column_width =
            ((area.width() + gap) / visible as f32 - gap).max(spacing.min_width.min(area.width()));
        let step = column_width + gap;
        let pinned_count = pinned.iter().filter(|&&p| p).count();
        // Pins give way when they would leave no room for a scrolling column.
        let pin = pinned_count < visible;
        let (mut next_pinned, mut next_free) = (0.0, 0.0);
        let slots = pinned
            .iter()
            .map(|&p| {
                if p && pin {
                    next_pinned += step;
                    (next_pinned - step, true)
                } else {
                    next_free += step;
                    (next_free - step, false)
                }
            })
            .collect();
        let pinned_width = next_pinned;
        let content_width = (next_free - gap).max(0.0);
        let room = area.width() - pinned_width;
        let h_offset = h_offset.clamp(0.0, (content_width - room).max(0.0));
        Geometry {
            area,
            column_width,
            spacing,
            slots,
            pinned_width,
            content_width,
            h_offset,
            overflow: content_width > room + 0.5,
        }
    }

    /// The area the scrolling columns are drawn in.
    fn scroll_region(&self) -> Rect {
        Rect::from_min_max(
            pos2(self.area.left() + self.pinned_width, self.area.top()),
            self.area.max,
        )
    }

    fn is_pinned(&self, i: usize) -> bool {
        self.slots.get(i).is_some_and(|s| s.1)
    }

    fn column_left(&self, i: usize) -> f32 {
        match self.slots.get(i) {
            Some(&(x, true)) => self.area.left() + x,
            Some(&(x, false)) => self.scroll_region().left() + x - self.h_offset,
            None => self.area.right(),
        }
    }

    /// What column `i` may paint into: its region of the view.
    fn clip(&self, i: usize) -> Rect {
        if self.is_pinned(i) {
            self.area
        } else {
            self.scroll_region()
        }
    }

    fn header_rect(&self, i: usize) -> Rect {
        let left = self.column_left(i);
        Rect::from_min_size(
            pos2(left, self.area.top()),
            vec2(self.column_width, HEADER_HEIGHT),
        )
    }

    fn body_rect(&self, i: usize) -> Rect {
        let left = self.column_left(i);
        let bottom = self.area.bottom()
            - if self.overflow {
                HSCROLL_HEIGHT + 4.0
            } else {
                0.0
            };
        Rect::from_min_max(
            pos2(left, self.area.top() + HEADER_HEIGHT),
            pos2(left + self.column_width, bottom),
        )
    }

    /// Where text starts in the body (content y = 0 is at `top`).
    fn text_origin(&self, i: usize) -> egui::Pos2 {
        let body = self.body_rect(i);
        pos2(
            body.left() + self.spacing.padding,
            body.top() + self.spacing.padding,
        )
    }

    fn text_width(&self) -> f32 {
        self.column_width - 2.0 * self.spacing.padding - self.spacing.strip - 4.0
    }

    fn viewport_height(&self) -> f32 {
        self.body_rect(0).height() - self.spacing.padding
    }

    fn is_visible(&self, i: usize) -> bool {
        let clip = self.clip(i);
        let left = self.column_left(i);
        left < clip.right() && left + self.column_width > clip.left()
    }

    /// Whether column `i` is wholly on screen.
    fn is_fully_visible(&self, i: usize) -> bool {
        let clip = self.clip(i);
        let left = self.column_left(i);
        left >= clip.left() - 0.5 && left + self.column_width <= clip.right() + 0.5
    }

    /// The sideways offset that brings scrolling column `i` wholly into view (the nearest one).
    fn offset_revealing(&self, i: usize) -> f32 {
        let Some(&(x, false)) = self.slots.get(i) else {
            return self.h_offset;
        };
        let room = self.scroll_region().width();
        if x < self.h_offset {
            x
        } else if x + self.column_width > self.h_offset + room {
            x + self.column_width - room
        } else {
            self.h_offset
        }
    }
}

impl ColumnsView {
    /// Forgets everything tied to the previous comparison.
    ///
    /// The focus survives: an open article keeps its id and text, so its sentence numbers still
    /// hold (a closed article's focus is dropped with its column), and the columns line up with
    /// it again once laid out.
    fn reset_for(&mut self, generation: u64) {
        self.layouts.clear();
        self.marked_for.clear();
        self.hover = None;
        self.align_pending = self.focus;
        self.find.reset();
        self.generation = Some(generation);
    }

    /// Focuses `key` and lines the other columns up with it.
    pub fn set_focus(&mut self, key: Option<SentenceKey>) {
        self.focus = key;
        self.align_pending = key;
        if let Some(k) = key {
            self.active = Some(k.article);
            self.reveal_pending = Some(k.article);
        }
    }

    /// Draws the columns into `ui`'s whole available area.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        settings: &Settings,
        commands: &mut CommandQueue,
    ) {
        let Some(snapshot) = &workspace.snapshot else {
            return;
        };
        if self.generation != Some(snapshot.generation) {
            self.reset_for(snapshot.generation);
        }
        let comparison = &snapshot.comparison;
        let shown = copies::collapse(comparison, workspace.columns());
        let columns = shown.columns;
        self.copies = shown.copies;
        self.drop_closed_columns(&columns);
        let area = ui.available_rect_before_wrap();
        ui.allocate_rect(area, egui::Sense::hover());
        let pinned: Vec<bool> = columns
            .iter()
            .map(|c| self.pinned.contains(&c.id))
            .collect();
        let mut geometry = Geometry::new(area, &pinned, self.h_offset, settings.column_width);
        if self.scroll_sideways(ui, &geometry) {
            geometry = Geometry::new(area, &pinned, self.h_offset, settings.column_width);
        }
        if let Some(id) = self.reveal_pending.take()
            && let Some(i) = columns.iter().position(|c| c.id == id)
        {
            self.h_offset = geometry.offset_revealing(i);
            geometry = Geometry::new(area, &pinned, self.h_offset, settings.column_width);
        }
        self.h_offset = geometry.h_offset;
        self.last_geometry = Some(geometry.clone());
        let text_scale = if settings.column_width == ColumnWidth::FitAll {
            FIT_ALL_TEXT_SCALE
        } else {
            1.0
        };
        let style = Style {
            width: geometry.text_width(),
            text_size: settings.text_size * text_scale,
            palette: palette(ui.ctx()),
            filter: Filter::All,
        };
        let visible: Vec<usize> = (0..columns.len())
            .filter(|&i| geometry.is_visible(i))
            .collect();
        self.ensure_layouts(comparison, &columns, &visible, style, workspace);
        self.measure_layouts(ui, &columns, &visible, geometry.viewport_height());
        if let Some(key) = self.align_pending.take()
            && !self.align_to(key, &columns, comparison, snapshot, &geometry)
        {
            // Its column is not laid out yet (it was just scrolled into view): next frame.
            self.align_pending = Some(key);
            ui.ctx().request_repaint();
        }
        let mut cx = ViewContext {
            workspace,
            comparison,
            columns: &columns,
            visible: &visible,
            geometry: &geometry,
            settings,
            commands,
        };
        header::headers(ui, self, &mut cx);
        self.hover = columns::bodies(ui, self, &mut cx);
        overlay::paint(ui, self, &cx);
        if geometry.overflow {
            self.horizontal_scrollbar(ui, &geometry);
        }
        self.off_screen_counterparts(ui, &mut cx);
    }

    /// Turns sideways wheel and touchpad movement over the columns — Shift+wheel, a tilted wheel,
    /// a sideways swipe, or the wheel over the headers or the scroll bar — into sideways
    /// scrolling. Returns whether it scrolled.
    fn scroll_sideways(&mut self, ui: &egui::Ui, geometry: &Geometry) -> bool {
        let Some(pointer) = ui.input(|i| i.pointer.hover_pos()) else {
            return false;
        };
        if !geometry.area.contains(pointer) || !geometry.overflow {
            return false;
        }
        let (delta, shift) = ui.input(|i| (i.smooth_scroll_delta(), i.modifiers.shift));
        let over_edges = pointer.y < geometry.area.top() + HEADER_HEIGHT
            || pointer.y > geometry.area.bottom() - HSCROLL_HEIGHT - 4.0;
        let sideways = if delta.x != 0.0 && (shift || delta.x.abs() > delta.y.abs()) {
            delta.x
        } else if shift || over_edges {
            delta.y
        } else {
            0.0
        };
        if sideways == 0.0 {
            return false;
        }
        self.h_offset -= sideways;
        true
    }

    /// The columns drawn, in order: the open articles, less identical copies above twenty.
    pub fn columns(&self, workspace: &Workspace) -> Vec<Column> {
        let columns = workspace.columns();
        match &workspace.snapshot {
            Some(snapshot) => copies::collapse(&snapshot.comparison, columns).columns,
            None => columns,
        }
    }

    /// The identical copies column `id` stands for (empty unless above twenty articles).
    pub fn copies_of(&self, id: ArticleId) -> &[ArticleId] {
        self.copies.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Scrolls the columns sideways by `columns` column widths (negative: to the left).
    pub fn scroll_columns(&mut self, columns: i32) {
        if let Some(geometry) = &self.last_geometry {
            self.h_offset += columns as f32 * (geometry.column_width + geometry.spacing.gap);
        }
    }

    /// Scrolls the columns sideways to the first (or last) one.
    pub fn scroll_to_end(&mut self, last: bool) {
        self.h_offset = if last { f32::MAX } else { 0.0 };
    }

    /// Brings column `id` into view on the next frame (and lines it up with the focus).
    pub fn reveal(&mut self, id: ArticleId) {
        self.reveal_pending = Some(id);
        self.align_pending = self.focus;
    }

    /// Pins column `id` at the left while the others scroll, or unpins it.
    pub fn toggle_pin(&mut self, id: ArticleId) {
        if let Some(k) = self.pinned.iter().position(|&p| p == id) {
            self.pinned.remove(k);
        } else {
            self.pinned.push(id);
        }
    }

    /// Whether column `id` is pinned.
    pub fn is_pinned(&self, id: ArticleId) -> bool {
        self.pinned.contains(&id)
    }

    /// The columns that hold a counterpart of the focused sentence but are not wholly on screen.
    pub fn off_screen_with_counterparts(&self, workspace: &Workspace) -> Vec<ArticleId> {
        let (Some(geometry), Some(here)) = (
            &self.last_geometry,
            self.focus.and_then(|k| to_ref(workspace, k)),
        ) else {
            return Vec::new();
        };
        let Some(snapshot) = &workspace.snapshot else {
            return Vec::new();
        };
        let c = &snapshot.comparison;
        self.columns(workspace)
            .iter()
            .enumerate()
            .filter(|(i, column)| {
                !geometry.is_fully_visible(*i)
                    && c.links_of(here)
                        .any(|l| l.other(here).article == column.index)
            })
            .map(|(_, column)| column.id)
            .collect()
    }

    /// Under the columns, the counterparts of the focused sentence that are off screen: "Also in
    /// 6 more: …", each a button that scrolls its column into view.
    fn off_screen_counterparts(&self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        let hidden = self.off_screen_with_counterparts(cx.workspace);
        if hidden.is_empty() {
            return;
        }
        let region = cx.geometry.scroll_region();
        let bottom = region.bottom()
            - if cx.geometry.overflow {
                HSCROLL_HEIGHT + 8.0
            } else {
                4.0
            };
        egui::Area::new(egui::Id::unique("parallax-off-screen"))
            .order(egui::Order::Foreground)
            .pivot(egui::Align2::LEFT_BOTTOM)
            .fixed_pos(pos2(region.left() + 8.0, bottom))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(region.width() - 24.0);
                    ui.horizontal_wrapped(|ui| {
                        ui.label(format!("Also in {} more:", hidden.len()));
                        for id in hidden {
                            let label = cx.workspace.label(id);
                            if ui
                                .small_button(label)
                                .on_hover_text(format!("Scroll {label} into view"))
                                .clicked()
                            {
                                cx.commands.push(super::command::Command::RevealColumn(id));
                            }
                        }
                    });
                });
            });
    }

    fn drop_closed_columns(&mut self, columns: &[Column]) {
        let open: Vec<ArticleId> = columns.iter().map(|c| c.id).collect();
        self.layouts.retain(|id, _| open.contains(id));
        self.offsets.retain(|id, _| open.contains(id));
        let still_open = |k: &Option<SentenceKey>| k.is_none_or(|k| open.contains(&k.article));
        if !still_open(&self.focus) {
            self.focus = None;
        }
        if !still_open(&self.hover) {
            self.hover = None;
        }
    }

    /// Composes the visible columns that need it (new, resized, restyled, or with new marks); they
    /// are laid out by [`ColumnsView::measure_layouts`].
    fn ensure_layouts(
        &mut self,
        c: &Comparison,
        columns: &[Column],
        visible: &[usize],
        mut style: Style,
        workspace: &Workspace,
    ) {
        let focus = self.focus.and_then(|k| to_ref(workspace, k));
        style.filter = self.filter;
        for &i in visible {
            let column = columns[i];
            let source = Source {
                comparison: c,
                article: column.index,
            };
            let needs_build = self
                .layouts
                .get(&column.id)
                .is_none_or(|l| l.style != style);
            let marks_stale = self.marked_for.get(&column.id) != Some(&self.focus);
            if needs_build || marks_stale {
                let marks = marks::column_marks(c, column.index, focus);
                match self.layouts.get_mut(&column.id) {
                    Some(layout) if !needs_build => layout.update_marks(&source, &marks),
                    _ => {
                        let layout = ColumnLayout::build(&source, style, &marks);
                        self.layouts.insert(column.id, layout);
                    }
                }
                self.marked_for.insert(column.id, self.focus);
            }
        }
    }

    /// Measures the visible columns' paragraphs, those in view first, within one frame's budget
    /// ([`layout::MEASURE_BYTES_PER_FRAME`]); asks for another frame while any is left.
    fn measure_layouts(
        &mut self,
        ui: &egui::Ui,
        columns: &[Column],
        visible: &[usize],
        viewport_height: f32,
    ) {
        let mut lay_out = |job| ui.fonts_mut(|f| f.layout_job(job));
        let mut budget = layout::MEASURE_BYTES_PER_FRAME;
        for &i in visible {
            let id = columns[i].id;
            let top = self.offset(id);
            let Some(layout) = self.layouts.get_mut(&id) else {
                continue;
            };
            let used = layout.measure(&mut lay_out, top..top + viewport_height, budget);
            budget = budget.saturating_sub(used);
            if !layout.is_measured() {
                ui.ctx().request_repaint();
            }
        }
    }

    /// The vertical scroll offset of a column.
    pub fn offset(&self, id: ArticleId) -> f32 {
        self.offsets.get(&id).copied().unwrap_or(0.0)
    }

    /// Sets a column's offset, kept within its content.
    fn set_offset(&mut self, id: ArticleId, offset: f32, viewport: f32) {
        let max = self
            .layouts
            .get(&id)
            .map_or(0.0, |l| (l.height - viewport * 0.5).max(0.0));
        self.offsets.insert(id, offset.clamp(0.0, max));
    }

    /// Scrolls column `source` by `delta`, and with locked scrolling the others with it.
    fn scroll(
        &mut self,
        source: ArticleId,
        delta: f32,
        lock: bool,
        workspace: &Workspace,
        geometry: &Geometry,
    ) {
        let viewport = geometry.viewport_height();
        let new = self.offset(source) - delta;
        self.set_offset(source, new, viewport);
        self.active = Some(source);
        if lock {
            self.follow(source, workspace, geometry);
        }
    }

    /// Moves every other column so its content is level with column `source`'s reading line.
    fn follow(&mut self, source: ArticleId, workspace: &Workspace, geometry: &Geometry) {
        let Some(snapshot) = &workspace.snapshot else {
            return;
        };
        let viewport = geometry.viewport_height();
        let line = viewport * READING_LINE;
        let y = self.offset(source) + line;
        for column in workspace.columns().into_iter().filter(|c| c.id != source) {
            if let Some(mapping) = self.mapping(source, column.id, &snapshot.comparison, snapshot) {
                let target = mapping.map(y) - line;
                self.set_offset(column.id, target, viewport);
            }
        }
    }

    /// The position mapping from column `a` to column `b` (both must be laid out).
    fn mapping(
        &self,
        a: ArticleId,
        b: ArticleId,
        c: &Comparison,
        snapshot: &super::workspace::Snapshot,
    ) -> Option<Mapping> {
        let (la, lb) = (self.layouts.get(&a)?, self.layouts.get(&b)?);
        let (ia, ib) = (snapshot.index_of(a)?, snapshot.index_of(b)?);
        let centre =
            |layout: &ColumnLayout, s: usize| layout.sentence_bounds(s).map(|r| r.center().y);
        let pairs = c
            .links
            .iter()
            .filter_map(|link| {
                let (sa, sb) = if link.a.article == ia && link.b.article == ib {
                    (link.a.sentence, link.b.sentence)
                } else if link.a.article == ib && link.b.article == ia {
                    (link.b.sentence, link.a.sentence)
                } else {
                    return None;
                };
                Some((centre(la, sa)?, centre(lb, sb)?))
            })
            .collect();
        Some(Mapping::new(pairs, la.height, lb.height))
    }

    /// Lines every other column up with sentence `key` (its first counterpart level with it), and
    /// scrolls `key` into view if it is not. Returns false while `key`'s column is not laid out.
    fn align_to(
        &mut self,
        key: SentenceKey,
        columns: &[Column],
        c: &Comparison,
        snapshot: &super::workspace::Snapshot,
        geometry: &Geometry,
    ) -> bool {
        let viewport = geometry.viewport_height();
        let Some(index) = snapshot.index_of(key.article) else {
            return true;
        };
        let Some(bounds) = self
            .layouts
            .get(&key.article)
            .and_then(|l| l.sentence_bounds(key.sentence))
        else {
            return false;
        };
        let mut screen_y = bounds.top() - self.offset(key.article);
        if screen_y < 0.0 || bounds.bottom() - self.offset(key.article) > viewport {
            screen_y = viewport * READING_LINE;
            self.set_offset(key.article, bounds.top() - screen_y, viewport);
        }
        let here = SentenceRef::new(index, key.sentence);
        for column in columns.iter().filter(|col| col.id != key.article) {
            let counterpart_top = c
                .links_of(here)
                .map(|l| l.other(here))
                .filter(|o| o.article == column.index)
                .filter_map(|o| self.layouts.get(&column.id)?.sentence_bounds(o.sentence))
                .map(|r| r.top())
                .reduce(f32::min);
            if let Some(top) = counterpart_top {
                self.set_offset(column.id, top - screen_y, viewport);
            }
        }
        true
    }

    /// Where sentence `key` was drawn in the last frame: its line boxes in screen coordinates
    /// (empty if its column is not laid out). Parts may lie outside the column's visible body.
    pub fn sentence_screen_rects(&self, workspace: &Workspace, key: SentenceKey) -> Vec<Rect> {
        let Some(geometry) = &self.last_geometry else {
            return Vec::new();
        };
        let Some(i) = self
            .columns(workspace)
            .iter()
            .position(|c| c.id == key.article)
        else {
            return Vec::new();
        };
        let Some(layout) = self.layouts.get(&key.article) else {
            return Vec::new();
        };
        let shift = geometry.text_origin(i).to_vec2() - vec2(0.0, self.offset(key.article));
        layout
            .sentence_rects(key.sentence)
            .into_iter()
            .map(|r| r.translate(shift))
            .collect()
    }

    /// The screen rectangle of column `id`'s body (below its header) in the last frame.
    pub fn column_body_rect(&self, workspace: &Workspace, id: ArticleId) -> Option<Rect> {
        let geometry = self.last_geometry.as_ref()?;
        let i = self.columns(workspace).iter().position(|c| c.id == id)?;
        Some(geometry.body_rect(i).intersect(geometry.clip(i)))
    }

    fn horizontal_scrollbar(&mut self, ui: &mut egui::Ui, geometry: &Geometry) {
        let region = geometry.scroll_region();
        let track = Rect::from_min_max(
            pos2(region.left(), region.bottom() - HSCROLL_HEIGHT),
            region.max,
        );
        let content = geometry.content_width.max(1.0);
        let fraction = (region.width() / content).clamp(0.05, 1.0);
        let thumb_width = track.width() * fraction;
        let max_offset = (content - region.width()).max(1.0);
        let thumb_left =
            track.left() + (track.width() - thumb_width) * (geometry.h_offset / max_offset);
        let thumb = Rect::from_min_size(
            pos2(thumb_left, track.top()),
            vec2(thumb_width, track.height()),
        );
        let response = ui.interact(
            track,
            egui::Id::unique("parallax-hscroll"),
            egui::Sense::click_and_drag(),
        );
        let response = response.on_hover_text(
            "Scroll sideways: drag, Shift+wheel, or ← → (Home, End) outside text fields",
        );
        if let Some(pointer) = response.interact_pointer_pos() {
            let t = ((pointer.x - track.left() - thumb_width / 2.0)
                / (track.width() - thumb_width).max(1.0))
            .clamp(0.0, 1.0);
            self.h_offset = t * max_offset;
        }
        let visuals = ui.visuals();
        ui.painter()
            .rect_filled(track, 4.0, visuals.extreme_bg_color);
        let fill = if response.hovered() || response.dragged() {
            visuals.widgets.hovered.bg_fill
        } else {
            visuals.widgets.inactive.bg_fill
        };
        ui.painter().rect_filled(thumb, 4.0, fill);
    }
}

/// The comparison's reference for a view key.
pub fn to_ref(workspace: &Workspace, key: SentenceKey) -> Option<SentenceRef> {
    let index = workspace.snapshot.as_ref()?.index_of(key.article)?;
    Some(SentenceRef::new(index, key.sentence))
}

/// The view key for a comparison reference.
pub fn to_key(workspace: &Workspace, r: SentenceRef) -> Option<SentenceKey> {
    let id = *workspace.snapshot.as_ref()?.ids.get(r.article)?;
    Some(SentenceKey {
        article: id,
        sentence: r.sentence,
    })
}

/// Whether a sentence of `status` is what the filter is looking for (differences walk).
pub fn is_difference(status: Status, filter: Filter) -> bool {
    match filter {
        Filter::All | Filter::Shared => status != Status::Identical,
        Filter::Reworded => status == Status::Reworded,
        Filter::Unique => status == Status::Unique,
    }
}
