//! The desktop application (egui/eframe): a view over the engine's [`crate::compare::Comparison`].
//!
//! Structure, following the best egui codebases: [`state::State`] is what persists between runs;
//! [`ParallaxApp`] adds the runtime parts (the open [`workspace::Workspace`], background
//! [`jobs::Jobs`], the file-dialog service, view state). UI code only pushes
//! [`command::Command`]s, which [`ParallaxApp::apply`] carries out once per frame. Colours and
//! spacing come from [`crate::design`] through [`theme`].

pub mod address;
pub mod command;
pub mod dialogs;
mod frame;
pub mod jobs;
mod panels;
pub mod state;
pub mod theme;
pub mod view;
pub mod workspace;

use std::path::PathBuf;
use std::sync::Arc;

use command::{Command, CommandQueue};
use dialogs::{Choice, Dialogs, Request, SystemDialogs};
use jobs::{JobFailure, Jobs, Message};
use state::{Source, State, ThemeChoice};
use view::ColumnsView;
use view::findings::FindingsPanel;
use workspace::{Origin, Snapshot, Workspace};

use crate::article::{Article, Format};
use crate::report::ReportFormat;

/// The application id: window class on X11, app id on Wayland, desktop entry name.
pub const APP_ID: &str = "parallax";
/// The window icon (also installed by `parallax install-desktop`).
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/parallax-256.png");

/// How long a confirmation banner stays, once the work it came with is done, before it is
/// dismissed automatically (seconds).
const NOTICE_SECONDS: f64 = 12.0;

/// A message shown in a banner above the columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Banner {
    /// What happened.
    pub text: String,
    /// An error (red) or a confirmation.
    pub is_error: bool,
    /// A file the banner offers to open.
    pub open: Option<PathBuf>,
    /// When it appeared, or when the work under way as it appeared ended (egui time), for
    /// confirmations that fade.
    pub since: f64,
}

/// The Parallax application.
pub struct ParallaxApp {
    /// What persists between runs.
    pub state: State,
    /// The open articles and their comparison.
    pub workspace: Workspace,
    /// Background work.
    pub jobs: Jobs,
    /// The comparative view.
    pub view: ColumnsView,
    /// The findings panel.
    pub findings: FindingsPanel,
    /// Messages above the columns.
    pub banners: Vec<Banner>,
    /// Whether the settings window is open.
    pub settings_open: bool,
    /// Whether the keyboard-shortcuts window is open.
    pub help_open: bool,
    /// The "Open address" window, while it is open.
    pub address: Option<address::AddressPrompt>,
    /// The similarity threshold while its slider is being dragged (applied on release).
    pub threshold_draft: Option<f32>,
    commands: CommandQueue,
    dialogs: Box<dyn Dialogs>,
    /// Whether a file dialog is showing (its answer has not come back yet).
    dialog_open: bool,
    ctx: egui::Context,
    /// Whether the theme in `state` has been applied to the context.
    applied_theme: Option<ThemeChoice>,
    /// The workspace generation whose comparison the user cancelled: it is not started again
    /// until the workspace changes or the user asks.
    cancelled_generation: Option<u64>,
    /// The workspace generation whose comparison could not start: it is not retried in a loop
    /// (an error banner says so) until the workspace changes or the user asks.
    failed_generation: Option<u64>,
}

impl ParallaxApp {
    /// The app as eframe creates it: state restored from storage, then `files` (or the sample,
    /// or what was open last time) opened.
    pub fn new(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>, sample: bool) -> Self {
        let state: State = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        Self::with_parts(
            cc.egui_ctx.clone(),
            state,
            Box::new(SystemDialogs::new()),
            files,
            sample,
        )
    }

    /// The app built from explicit parts (tests and benchmarks pass their own dialogs).
    pub fn with_parts(
        ctx: egui::Context,
        state: State,
        dialogs: Box<dyn Dialogs>,
        files: Vec<PathBuf>,
        sample: bool,
    ) -> Self {
        theme::install(&ctx);
        let mut app = ParallaxApp {
            jobs: Jobs::new(ctx.clone()),
            state,
            workspace: Workspace::default(),
            view: ColumnsView::default(),
            findings: FindingsPanel::default(),
            banners: Vec::new(),
            settings_open: false,
            help_open: false,
            address: None,
            threshold_draft: None,
            commands: CommandQueue::default(),
            dialogs,
            dialog_open: false,
            ctx,
            applied_theme: None,
            cancelled_generation: None,
            failed_generation: None,
        };
        if !files.is_empty() {
            app.commands.push(Command::OpenFiles(files));
        } else if sample {
            app.commands.push(Command::OpenSample);
        } else if let Some(open) = app.state.open.clone() {
            app.commands.push(Command::OpenRecent(open));
        }
        app.apply(None);
        app
    }

    /// Whether the open articles are not compared because the user cancelled their comparison.
    pub fn comparison_cancelled(&self) -> bool {
        self.cancelled_generation == Some(self.workspace.generation) && !self.workspace.is_current()
    }

    /// Whether the open articles are not compared because their comparison could not start.
    pub fn comparison_failed(&self) -> bool {
        self.failed_generation == Some(self.workspace.generation) && !self.workspace.is_current()
    }

    /// Queues a command (as the UI does).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Handles finished background work and the commands queued during the frame (once per
    /// frame, after drawing); returns whether anything changed. `frame` is the native window when
    /// there is one (dialogs are parented to it).
    pub fn apply(&mut self, frame: Option<&eframe::Frame>) -> bool {
        let messages = self.jobs.poll();
        let mut changed = !messages.is_empty();
        for message in messages {
            self.on_message(message);
        }
        let commands = self.commands.drain();
        changed |= !commands.is_empty();
        for command in commands {
            self.run(command, frame);
        }
        if !self.workspace.is_current()
            && !self.comparison_cancelled()
            && !self.comparison_failed()
            && self
                .jobs
                .comparison
                .as_ref()
                .is_none_or(|c| c.generation != self.workspace.generation)
        {
            self.start_comparison();
        }
        changed
    }

    fn start_comparison(&mut self) {
        if self.workspace.entries.is_empty() {
            self.jobs.cancel_comparison();
            return;
        }
        let ids = self.workspace.entries.iter().map(|e| e.id).collect();
        let articles = self.workspace.articles();
        self.jobs.compare(
            self.workspace.generation,
            ids,
            articles,
            self.state.settings.options,
        );
    }

    fn run(&mut self, command: Command, frame: Option<&eframe::Frame>) {
        match command {
            Command::ShowOpenDialog => self.show_dialog(Request::OpenArticles, frame),
            Command::ShowOpenFolderDialog => self.show_dialog(Request::OpenFolder, frame),
            Command::OpenFiles(paths) => self.open_paths(&paths),
            Command::ShowOpenAddress => self.address = Some(address::AddressPrompt::default()),
            Command::AddArticles(articles) => {
                for article in articles {
                    self.workspace.add(article, Origin::Memory);
                }
            }
            Command::LoadDropped(items) => self.jobs.load_dropped(items),
            Command::OpenSample => {
                self.workspace.clear();
                for article in crate::sample::articles() {
                    self.workspace.add(article, Origin::Sample);
                }
            }
            Command::OpenRecent(recent) => self.open_recent(&recent),
            Command::PasteFromClipboard => self.paste_from_clipboard(),
            Command::PasteText(text) => self.add_pasted(text),
            Command::Remove(id) => self.workspace.remove(id),
            Command::CloseAll => self.workspace.clear(),
            Command::Move { from, to } => self.workspace.move_column(from, to),
            Command::StartRename(id) => {
                self.view.rename = Some(view::Rename {
                    id,
                    text: self.workspace.label(id).to_owned(),
                    focused: false,
                });
            }
            Command::Rename(id, label) => self.workspace.rename(id, &label),
            Command::ShowSaveReportDialog => {
                let file_name = format!("{}.html", self.suggested_name());
                self.show_dialog(Request::SaveReport { file_name }, frame);
            }
            Command::ShowSavePdfDialog => {
                let file_name = format!("{}.pdf", self.suggested_name());
                self.show_dialog(Request::SaveReport { file_name }, frame);
            }
            Command::SaveReport(path) => self.save_report(path),
            Command::ShowOpenSessionDialog => self.show_dialog(Request::OpenSession, frame),
            Command::OpenSession(path) => self.jobs.open_session(path),
            Command::ShowSaveSessionDialog => {
                let file_name = format!("{}.{}", self.suggested_name(), crate::session::EXTENSION);
                self.show_dialog(Request::SaveSession { file_name }, frame);
            }
            Command::SaveSession(path) => self.save_session(path),
            Command::OpenExternally(path) => open_externally(&path),
            Command::SetOptions(options) => {
                if options != self.state.settings.options {
                    self.state.settings.options = options;
                    self.workspace.invalidate();
                }
            }
            Command::CancelJob => {
                self.cancelled_generation = Some(self.workspace.generation);
                self.jobs.cancel_comparison();
            }
            Command::CompareAgain => {
                self.cancelled_generation = None;
                self.failed_generation = None;
            }
            Command::CancelLoading => self.jobs.cancel_loads(),
            Command::Focus(key) => {
                self.view.set_focus(Some(key));
                self.view.walk_status = None;
            }
            Command::ClearFocus => {
                self.view.set_focus(None);
                self.view.walk_status = None;
            }
            Command::TogglePin(id) => self.view.toggle_pin(id),
            Command::RevealColumn(id) => self.view.reveal(id),
            Command::ScrollColumns(by) => self.view.scroll_columns(by),
            Command::ScrollToEnd(last) => self.view.scroll_to_end(last),
            Command::SetColumnWidth(width) => self.state.settings.column_width = width,
            Command::SetReportSettings(report) => self.state.settings.report = report,
            Command::NextDifference => self.step_difference(true),
            Command::PreviousDifference => self.step_difference(false),
            Command::SetFilter(filter) => self.view.filter = filter,
            Command::SetLockScroll(on) => self.state.settings.lock_scroll = on,
            Command::SetFindingsOpen(open) => self.state.settings.findings_open = open,
            Command::SetTheme(choice) => self.state.settings.theme = choice,
            Command::SetTextSize(size) => {
                self.state.settings.text_size = size.clamp(
                    *theme::TEXT_SIZE_RANGE.start(),
                    *theme::TEXT_SIZE_RANGE.end(),
                );
            }
            Command::SetSettingsOpen(open) => self.settings_open = open,
            Command::SetHelpOpen(open) => self.help_open = open,
            Command::ShowFind => {
                self.view.find.open = true;
                self.view.find.take_focus = true;
            }
            Command::HideFind => self.view.find.open = false,
            Command::FindNext(forward) => self.find_next(forward),
            Command::DismissBanner(index) => {
                if index < self.banners.len() {
                    self.banners.remove(index);
                }
            }
        }
    }

    fn on_message(&mut self, message: Message) {
        match message {
            Message::Loaded {
                outcome, dropped, ..
            } => {
                for (path, result) in outcome.unwrap_or_default() {
                    match result {
                        Ok(article) => {
                            for warning in &article.warnings {
                                self.notice(format!("{}: {warning}", path.display()), false, None);
                            }
                            let origin = if dropped {
                                Origin::Memory
                            } else {
                                Origin::File(path)
                            };
                            self.workspace.add(article, origin);
                        }
                        Err(e) => self.notice(e.to_string(), true, None),
                    }
                }
            }
            Message::Compared {
                generation,
                ids,
                outcome,
            } => self.on_compared(generation, ids, outcome),
            Message::Saved { what, path, error } => match error {
                None => self.notice(
                    format!("Saved the {what} to {}", path.display()),
                    false,
                    Some(path),
                ),
                Some(e) => self.notice(format!("Could not save the {what}: {e}"), true, None),
            },
            Message::SessionOpened { path, result } => match result {
                Ok(session) => {
                    self.workspace.clear();
                    if session.options != self.state.settings.options {
                        self.state.settings.options = session.options;
                    }
                    for article in session.articles() {
                        self.workspace.add(article, Origin::Session(path.clone()));
                    }
                }
                Err(e) => self.notice(e.to_string(), true, None),
            },
            Message::Dialog(choice) => {
                self.dialog_open = false;
                if let Some(choice) = choice {
                    self.on_choice(choice);
                }
            }
        }
    }

    fn on_compared(
        &mut self,
        generation: u64,
        ids: Vec<workspace::ArticleId>,
        outcome: Result<Box<crate::compare::Comparison>, JobFailure>,
    ) {
        match outcome {
            Ok(comparison) => {
                if generation == self.workspace.generation {
                    self.workspace.snapshot = Some(Snapshot {
                        comparison: Arc::from(comparison),

                        ids,
                        generation,
                    });
                    if let Some(recent) = self.workspace.as_recent() {
                        self.state.remember(recent);
                    }
                }
            }
            Err(JobFailure::Cancelled) => {}
            Err(JobFailure::NotStarted) => {
                if generation == self.workspace.generation {
                    self.failed_generation = Some(generation);
                    self.notice(
                        "The comparison could not start (the system is short of threads or \
                         memory); the previous result is kept. Compare again to retry."
                            .to_owned(),
                        true,
                        None,
                    );
                }
            }
            Err(JobFailure::Crashed(reason)) => {
                self.notice(format!("The comparison failed unexpectedly ({reason}); the previous result is kept."), true, None);
                // Do not retry the same input in a loop: mark what failed as compared.
                if let Some(snapshot) = &mut self.workspace.snapshot {
                    snapshot.generation = generation;
                }
            }
        }
    }

    fn on_choice(&mut self, choice: Choice) {
        if let Some(folder) = choice.folder() {
            self.state.last_folder = Some(folder);
        }
        let command = match choice {
            Choice::Articles(paths) => Command::OpenFiles(paths),
            Choice::Session(path) => Command::OpenSession(path),
            Choice::ReportPath(path) => Command::SaveReport(path),
            Choice::SessionPath(path) => Command::SaveSession(path),
        };
        self.commands.push(command);
    }

    fn show_dialog(&mut self, request: Request, frame: Option<&eframe::Frame>) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        self.dialogs.show(
            request,
            self.state.last_folder.clone(),
            frame,
            self.jobs.sender(),
            self.ctx.clone(),
        );
    }

    fn open_recent(&mut self, recent: &state::Recent) {
        self.workspace.clear();
        let mut paths = Vec::new();
        for source in &recent.sources {
            match source {
                Source::File { path, .. } => paths.push(path.clone()),
                Source::Sample => {
                    for article in crate::sample::articles() {
                        self.workspace.add(article, Origin::Sample);
                    }
                }
            }
        }
        if !paths.is_empty() {
            self.jobs.load(paths);
        }
    }

    fn paste_from_clipboard(&mut self) {
        match arboard::Clipboard::new().and_then(|mut c| c.get_text()) {
            Ok(text) => self.add_pasted(text),
            Err(e) => self.notice(
                format!("Nothing to paste: the clipboard holds no text ({e})"),
                true,
                None,
            ),
        }
    }

    /// Loads `paths` (files, folders, web addresses); a folder's unsupported entries are listed.
    fn open_paths(&mut self, paths: &[PathBuf]) {
        let expansion = crate::article::folder::expand(paths, false);
        for error in expansion.errors {
            self.notice(error.to_string(), true, None);
        }
        if !expansion.skipped.is_empty() {
            let names: Vec<String> = expansion.skipped.iter().map(ToString::to_string).collect();
            self.notice(names.join("\n"), false, None);
        }
        let files: Vec<PathBuf> = expansion.inputs.into_iter().map(|i| i.path).collect();
        if !files.is_empty() {
            self.jobs.load(files);
        }
    }

    fn add_pasted(&mut self, text: String) {
        if let Some(url) = address::single_address(&text) {
            self.commands
                .push(Command::OpenFiles(vec![PathBuf::from(url)]));
            return;
        }
        if text.trim().is_empty() {
            self.notice(
                "Nothing to paste: the clipboard text is empty".to_owned(),
                true,
                None,
            );
            return;
        }
        let n = self
            .workspace
            .entries
            .iter()
            .filter(|e| e.origin == Origin::Memory)
            .count()
            + 1;
        let article = Article::from_text(
            format!("Pasted article {n}"),
            "pasted text",
            text,
            Format::Text,
        );
        let id = self.workspace.add(article, Origin::Memory);
        self.commands.push(Command::StartRename(id));
    }

    fn suggested_name(&self) -> String {
        let labels: Vec<String> = self
            .workspace
            .entries
            .iter()
            .take(3)
            .map(|e| {
                e.article
                    .label
                    .chars()
                    .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
                    .collect::<String>()
            })
            .filter(|l| !l.is_empty())
            .collect();
        if labels.is_empty() {
            "parallax-comparison".to_owned()
        } else {
            format!("parallax-{}", labels.join("-"))
        }
    }

    fn save_report(&mut self, path: PathBuf) {
        let Some(comparison) = self.workspace.as_shown() else {
            self.notice(
                "There is no finished comparison to save yet.".to_owned(),
                true,
                None,
            );
            return;
        };
        let is_pdf = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("pdf"));
        let format = ReportFormat::from_path(&path).unwrap_or(ReportFormat::Html);
        let path = if ReportFormat::from_path(&path).is_none() && !is_pdf {
            path.with_extension(format.extension())
        } else {
            path
        };
        let protected = self.workspace.input_paths();
        let settings = self.state.settings.report;
        self.jobs.save("report", path, move |path| {
            let options = crate::report::ReportOptions {
                changes_only: settings.changes_only,
            };
            let paper = if settings.letter {
                crate::report::pdf::Paper::Letter
            } else {
                crate::report::pdf::Paper::A4
            };
            let report = if is_pdf {
                crate::report::pdf::render(&comparison, &options, paper)
                    .map_err(|e| e.to_string())?
            } else {
                crate::report::render_with(&comparison, format, &options).into_bytes()
            };
            crate::write::write_atomically(path, &[report], &protected).map_err(|e| e.to_string())
        });
    }

    fn save_session(&mut self, path: PathBuf) {
        let session =
            crate::session::Session::new(&self.workspace.articles(), self.state.settings.options);
        let protected = self.workspace.input_paths();
        self.jobs.save("session", path, move |path| {
            session.save(path, &protected).map_err(|e| e.to_string())
        });
    }

    fn notice(&mut self, text: String, is_error: bool, open: Option<PathBuf>) {
        if is_error {
            log::warn!("{text}");
        }
        let since = self.ctx.input(|i| i.time);
        self.banners.push(Banner {
            text,
            is_error,
            open,
            since,
        });
    }

    /// Drops confirmations that have been shown long enough. While background work runs (files
    /// read, compared or saved), none ages: a notice about a file ("decoded as Windows-1252")
    /// stays its full time once the comparison it concerns is on screen, however long that took.
    fn expire_banners(&mut self, now: f64) {
        if self.jobs.is_busy() {
            for banner in &mut self.banners {
                banner.since = now;
            }
            return;
        }
        self.banners
            .retain(|b| b.is_error || b.open.is_some() || now - b.since < NOTICE_SECONDS);
    }

    /// Goes to the next (or previous) difference of any column, in reading order, and says
    /// where the walk is ("3 of 57", and when it wrapped around).
    fn step_difference(&mut self, forward: bool) {
        let Some(snapshot) = &self.workspace.snapshot else {
            return;
        };
        let columns = self.view.columns(&self.workspace);
        let runs = view::walk::difference_runs(&snapshot.comparison, &columns, self.view.filter);
        let current = self.view.focus.and_then(|k| {
            let position = columns.iter().position(|c| c.id == k.article)?;
            Some((position, k.sentence))
        });
        match view::walk::step(&runs, current, forward) {
            Some(step) => {
                self.view.set_focus(Some(step.key));
                self.view.walk_status = Some(view::walk::describe(&step, forward));
            }
            None => {
                self.view.walk_status = Some("No differences to walk".to_owned());
            }
        }
    }

    fn find_next(&mut self, forward: bool) {
        let find = &mut self.view.find;
        find.refresh(&self.workspace);
        if find.matches.is_empty() {
            return;
        }
        let n = find.matches.len();
        let next = match (find.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(k), true) => (k + 1) % n,
            (Some(k), false) => (k + n - 1) % n,
        };
        find.current = Some(next);
        let (article, sentence, _) = find.matches[next].clone();
        self.view
            .set_focus(Some(command::SentenceKey { article, sentence }));
    }

    /// Applies the theme choice when it changed.
    fn apply_theme(&mut self, ctx: &egui::Context) {
        let choice = self.state.settings.theme;
        if self.applied_theme != Some(choice) {
            ctx.set_theme(match choice {
                ThemeChoice::System => egui::ThemePreference::System,
                ThemeChoice::Light => egui::ThemePreference::Light,
                ThemeChoice::Dark => egui::ThemePreference::Dark,
            });
            self.applied_theme = Some(choice);
        }
    }

    /// Draws one frame into `ui` and applies what it asked for. `frame` is the native window.
    pub fn show(&mut self, ui: &mut egui::Ui, frame: Option<&eframe::Frame>) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);
        self.expire_banners(ctx.input(|i| i.time));
        frame::handle_input(self, &ctx);
        panels::show(self, ui);
        self.dialogs.ui(&ctx);
        // What the frame asked for (and what background work reported) is applied once, here;
        // the next frame shows it.
        if self.apply(frame) {
            ctx.request_repaint();
        }
        if self.jobs.is_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }
}

impl eframe::App for ParallaxApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.show(ui, Some(frame));
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.state.open = self.workspace.as_recent();
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

/// Opens `path` with the system's default application.
fn open_externally(path: &std::path::Path) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener).arg(path).spawn() {
        log::warn!("could not open {}: {e}", path.display());
    }
}

/// Starts the desktop app with `files` (or the sample) open.
pub fn run(files: Vec<PathBuf>, sample: bool) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Parallax")
        .with_app_id(APP_ID)
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([520.0, 360.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(Arc::new(icon)),
        Err(e) => log::warn!("the window icon could not be read: {e}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(ParallaxApp::new(cc, files, sample)))),
    )
}
