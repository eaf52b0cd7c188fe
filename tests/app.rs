//! The desktop app driven headlessly through egui_kittest: the real [`ParallaxApp`] in an eframe
//! harness (no GPU, no snapshots), with file dialogs replaced by a fake that answers at once.
//! Loading, comparing and saving run on threads as in the app; [`step_until`] steps frames until
//! their results have arrived, bounded by a step count rather than by wall-clock time.

#![cfg(feature = "app")]

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use eframe::egui;
use egui::{Key, Modifiers, Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use parallax::app::ParallaxApp;
use parallax::app::command::{Command, SentenceKey};
use parallax::app::dialogs::{Choice, Dialogs, InAppDialogs, Request};
use parallax::app::jobs::Message;
use parallax::app::state::{ColumnWidth, Filter, State};
use parallax::app::workspace::ArticleId;
use parallax::compare::{SentenceRef, Status};

/// Frames to step before a background job counts as stuck.
const MAX_STEPS: usize = 1000;
/// Pause between those frames, so worker threads get to run.
const STEP_PAUSE: Duration = Duration::from_millis(5);

// ---------------------------------------------------------------------------------------------
// Harness and helpers

/// File dialogs that never open: each request is recorded and answered with the next scripted
/// choice (or "cancelled" when none is left).
#[derive(Clone, Default)]
struct FakeDialogs {
    answers: Arc<Mutex<VecDeque<Choice>>>,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl FakeDialogs {
    /// Answers the next dialog with `choice`.
    fn will_answer(&self, choice: Choice) {
        self.answers.lock().unwrap().push_back(choice);
    }

    /// The dialogs asked for so far.
    fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

impl Dialogs for FakeDialogs {
    fn show(
        &mut self,
        request: Request,
        _folder: Option<PathBuf>,
        _parent: Option<&eframe::Frame>,
        reply: Sender<Message>,
        ctx: egui::Context,
    ) {
        self.requests.lock().unwrap().push(request);
        let choice = self.answers.lock().unwrap().pop_front();
        reply.send(Message::Dialog(choice)).unwrap();
        ctx.request_repaint();
    }
}

/// A file dropped on the window.
#[derive(Debug)]
struct FakeDroppedFile(PathBuf);

impl egui::DroppedFile for FakeDroppedFile {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// A file of the harbour-fire story.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/harbor-fire")
        .join(name)
}

/// The wire story and two outlets' versions of it.
fn three_articles() -> Vec<PathBuf> {
    ["wire.txt", "outlet-a.txt", "outlet-b.txt"]
        .map(fixture)
        .to_vec()
}

/// The app as `parallax FILES…` starts it, with default settings and fake dialogs.
fn launch(files: Vec<PathBuf>) -> (Harness<'static, ParallaxApp>, FakeDialogs) {
    let dialogs = FakeDialogs::default();
    let fake = dialogs.clone();
    let harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            ParallaxApp::with_parts(
                cc.egui_ctx.clone(),
                State::default(),
                Box::new(fake),
                files,
                false,
            )
        });
    (harness, dialogs)
}

/// The app with `files` open and compared.
fn launch_compared(files: Vec<PathBuf>) -> (Harness<'static, ParallaxApp>, FakeDialogs) {
    let count = files.len();
    let (mut harness, dialogs) = launch(files);
    step_until(
        &mut harness,
        "the articles to be loaded and compared",
        |app| is_settled(app) && app.workspace.columns().len() == count,
    );
    (harness, dialogs)
}

/// Steps frames until `done` holds for the app, panicking (with `what`) after [`MAX_STEPS`].
fn step_until(
    harness: &mut Harness<'_, ParallaxApp>,
    what: &str,
    done: impl Fn(&ParallaxApp) -> bool,
) {
    for _ in 0..MAX_STEPS {
        harness.step();
        if done(harness.state()) {
            return;
        }
        std::thread::sleep(STEP_PAUSE);
    }
    let app = harness.state();
    panic!(
        "gave up waiting for {what} after {MAX_STEPS} frames: {} open, {} columns, \
         comparison running: {}, other jobs: {}, banners: {:?}",
        app.workspace.entries.len(),
        app.workspace.columns().len(),
        app.jobs.comparison.is_some(),
        app.jobs.busy,
        banner_texts(app),
    );
}

/// No job is running and the comparison is up to date with the open articles.
fn is_settled(app: &ParallaxApp) -> bool {
    !app.jobs.is_busy() && app.workspace.is_current()
}

/// Runs frames until nothing is pending, then checks every input widget has a name.
fn settle(harness: &mut Harness<'_, ParallaxApp>) {
    step_until(harness, "the app to settle", is_settled);
    harness.run_steps(2);
    harness.check_accessibility();
}

/// The generation of the comparison on screen.
fn shown_generation(app: &ParallaxApp) -> u64 {
    app.workspace
        .snapshot
        .as_ref()
        .expect("a comparison is shown")
        .generation
}

/// The column labels, left to right.
fn column_labels(app: &ParallaxApp) -> Vec<String> {
    app.workspace
        .columns()
        .iter()
        .map(|c| app.workspace.label(c.id).to_owned())
        .collect()
}

/// The texts of the banners above the columns.
fn banner_texts(app: &ParallaxApp) -> Vec<String> {
    app.banners.iter().map(|b| b.text.clone()).collect()
}

/// The id of the column at `position`.
fn column_id(app: &ParallaxApp, position: usize) -> ArticleId {
    app.workspace.columns()[position].id
}

/// The comparison's reference for a view key.
fn sentence_ref(app: &ParallaxApp, key: SentenceKey) -> SentenceRef {
    let index = app
        .workspace
        .snapshot
        .as_ref()
        .and_then(|s| s.index_of(key.article))
        .expect("the sentence's article is compared");
    SentenceRef::new(index, key.sentence)
}

/// The comparison status of a sentence.
fn status_of(app: &ParallaxApp, key: SentenceKey) -> Status {
    let r = sentence_ref(app, key);
    app.workspace
        .snapshot
        .as_ref()
        .unwrap()
        .comparison
        .sentences[r.article][r.sentence]
        .status
}

/// How many sentences article `id` has.
fn sentence_count(app: &ParallaxApp, id: ArticleId) -> usize {
    let r = sentence_ref(
        app,
        SentenceKey {
            article: id,
            sentence: 0,
        },
    );
    app.workspace.snapshot.as_ref().unwrap().comparison.articles[r.article]
        .sentences
        .len()
}

/// The counterparts of `key` in other columns, as view keys.
fn counterparts(app: &ParallaxApp, key: SentenceKey) -> Vec<SentenceKey> {
    let snapshot = app.workspace.snapshot.as_ref().unwrap();
    let here = sentence_ref(app, key);
    snapshot
        .comparison
        .links_of(here)
        .map(|l| l.other(here))
        .map(|o| SentenceKey {
            article: snapshot.ids[o.article],
            sentence: o.sentence,
        })
        .collect()
}

/// The box around sentence `key` on screen in the last frame.
fn screen_bounds(app: &ParallaxApp, key: SentenceKey) -> Option<Rect> {
    app.view
        .sentence_screen_rects(&app.workspace, key)
        .into_iter()
        .reduce(|a, b| a.union(b))
}

/// A point inside sentence `key` as drawn in the last frame, if it is within its column's body.
fn point_in_sentence(app: &ParallaxApp, key: SentenceKey) -> Option<Pos2> {
    let body = app.view.column_body_rect(&app.workspace, key.article)?;
    app.view
        .sentence_screen_rects(&app.workspace, key)
        .into_iter()
        .map(|r| r.center())
        .find(|p| body.shrink(4.0).contains(*p))
}

/// The first sentence of article `id` drawn inside its column, with a point inside it.
fn first_shown_sentence(app: &ParallaxApp, id: ArticleId) -> Option<(SentenceKey, Pos2)> {
    (0..sentence_count(app, id))
        .map(|sentence| SentenceKey {
            article: id,
            sentence,
        })
        .find_map(|k| Some((k, point_in_sentence(app, k)?)))
}

/// Asserts that a widget labelled `label` sits in the header of the column at `position`.
#[track_caller]
fn assert_heads_column(harness: &Harness<'_, ParallaxApp>, label: &str, position: usize) {
    let app = harness.state();
    let body = app
        .view
        .column_body_rect(&app.workspace, column_id(app, position))
        .expect("the column is drawn");
    let in_header = harness.query_all_by_label(label).any(|node| {
        let r = node.rect();
        r.bottom() <= body.top() + 1.0 && body.x_range().contains(r.center().x)
    });
    assert!(in_header, "the label {label:?} heads column {position}");
}

/// Presses `key` with `modifiers` and runs the frames that react to it.
fn press(harness: &mut Harness<'_, ParallaxApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(2);
}

/// Clicks the primary button at `pos` and runs the frames that react to it.
fn click_at(harness: &mut Harness<'_, ParallaxApp>, pos: Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run_steps(3);
}

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn articles_from_the_command_line_open_compared() {
    let (mut harness, _) = launch_compared(three_articles());
    settle(&mut harness);
    let app = harness.state();
    let labels = column_labels(app);
    assert_eq!(labels.len(), 3, "three columns: {labels:?}");
    let links = app
        .workspace
        .snapshot
        .as_ref()
        .unwrap()
        .comparison
        .links
        .len();
    assert!(links > 0, "the outlets share sentences with the wire story");
    for (position, label) in labels.iter().enumerate() {
        assert_heads_column(&harness, label, position);
    }
    harness.get_by_label_contains(&format!("3 articles · {links} links"));
}

#[test]
fn hovering_and_clicking_a_sentence_lines_up_its_counterparts() {
    let (mut harness, _) = launch_compared(three_articles());
    settle(&mut harness);
    let app = harness.state();
    let first = column_id(app, 0);
    let others: Vec<ArticleId> = (1..3).map(|k| column_id(app, k)).collect();
    // The visible sentence of the first column, with counterparts in both other columns none of
    // which is above it, whose counterparts sit furthest below it: lining them up needs scrolling.
    let (key, point, largest_gap) = (0..sentence_count(app, first))
        .map(|sentence| SentenceKey {
            article: first,
            sentence,
        })
        .filter_map(|key| {
            let point = point_in_sentence(app, key)?;
            let top = screen_bounds(app, key)?.top();
            let found = counterparts(app, key);
            let gaps: Vec<f32> = others
                .iter()
                .map(|&other| {
                    found
                        .iter()
                        .filter(|k| k.article == other)
                        .filter_map(|&k| screen_bounds(app, k))
                        .map(|r| r.top() - top)
                        .reduce(f32::min)
                })
                .collect::<Option<_>>()?;
            let lowest = gaps.iter().copied().reduce(f32::min)?;
            let largest = gaps.iter().copied().reduce(f32::max)?;
            (lowest >= 0.0).then_some((key, point, largest))
        })
        .max_by(|a, b| a.2.total_cmp(&b.2))
        .expect("a visible sentence of the wire story is carried by both outlets");
    assert!(
        largest_gap > 100.0,
        "the chosen sentence {key:?} has a counterpart {largest_gap} points lower, so aligning scrolls"
    );

    harness.hover_at(point);
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(
        app.view.hover,
        Some(key),
        "the pointer is over sentence {key:?}"
    );
    let found = counterparts(app, key);
    for other in &others {
        assert!(
            found.iter().any(|k| k.article == *other),
            "the hovered sentence has a counterpart in column {other:?}"
        );
    }

    click_at(&mut harness, point);
    let app = harness.state();
    assert_eq!(app.view.focus, Some(key), "clicking focuses the sentence");
    let focused_top = screen_bounds(app, key)
        .expect("the focused sentence is laid out")
        .top();
    for other in &others {
        let counterpart_top = found
            .iter()
            .filter(|k| k.article == *other)
            .filter_map(|&k| screen_bounds(app, k))
            .map(|r| r.top())
            .reduce(f32::min)
            .expect("the counterpart is laid out");
        assert!(
            (counterpart_top - focused_top).abs() < 2.0,
            "column {other:?} scrolled its counterpart level with the focus: {counterpart_top} vs {focused_top}"
        );
    }

    assert!(
        others.iter().any(|&other| app.view.offset(other) > 100.0),
        "lining up scrolled another column"
    );

    // Clicking the focused sentence again clears the focus.
    let point = point_in_sentence(harness.state(), key).expect("the focus is still shown");
    click_at(&mut harness, point);
    assert_eq!(harness.state().view.focus, None);
}

#[test]
fn filter_buttons_set_and_reset_the_filter() {
    let (mut harness, _) = launch_compared(three_articles());
    settle(&mut harness);
    assert_eq!(harness.state().view.filter, Filter::All);
    for (label, filter) in [
        ("Reworded", Filter::Reworded),
        ("Unique", Filter::Unique),
        ("Shared", Filter::Shared),
        ("All", Filter::All),
    ] {
        harness.get_by_label(label).click();
        harness.run_steps(3);
        assert_eq!(
            harness.state().view.filter,
            filter,
            "after clicking {label:?}"
        );
    }
}

/// The sentence a click just focused, once the frames that react to it have run.
fn focused_after_click(harness: &mut Harness<'_, ParallaxApp>) -> SentenceRef {
    harness.run_steps(3);
    let app = harness.state();
    let focus = app.view.focus.expect("the click focuses a sentence");
    sentence_ref(app, focus)
}

#[test]
fn the_attribution_cuts_and_additions_tabs_list_each_change_and_a_click_shows_its_sentence() {
    let (mut harness, _) = launch_compared(three_articles());
    settle(&mut harness);
    let comparison = &harness
        .state()
        .workspace
        .snapshot
        .as_ref()
        .unwrap()
        .comparison;
    let (changes, cuts) = (
        comparison.attribution_changes.clone(),
        comparison.cuts.clone(),
    );
    assert!(
        !changes.is_empty() && !cuts.is_empty(),
        "the outlets change a verb of saying and cut sentences: {changes:?} {cuts:?}"
    );

    harness
        .get_by_label(&format!("Attribution {}", changes.len()))
        .click();
    harness.run_steps(2);
    let first = &changes[0];
    harness
        .get_all_by_label(&format!("{}  →  {}", first.from, first.to))
        .next()
        .expect("the first change's row shows its wording")
        .click();
    assert_eq!(
        focused_after_click(&mut harness),
        first.b,
        "the copy's sentence is shown"
    );

    harness
        .get_by_label(&format!("Cuts {}", cuts.len()))
        .click();
    harness.run_steps(2);
    let last = cuts.last().unwrap();
    harness.get_by_label(&last.text).click();
    assert_eq!(
        focused_after_click(&mut harness),
        last.original,
        "the original's sentence the words were cut from is shown"
    );

    let additions = harness
        .state()
        .workspace
        .snapshot
        .as_ref()
        .unwrap()
        .comparison
        .additions
        .clone();
    let first = additions
        .first()
        .expect("an outlet adds sentences of its own");
    harness
        .get_by_label(&format!("Added {}", additions.len()))
        .click();
    harness.run_steps(2);
    harness.get_by_label(&first.text).click();
    assert_eq!(
        focused_after_click(&mut harness),
        first.copy,
        "the copy's sentence holding the words added is shown"
    );
}

#[test]
fn next_and_previous_difference_walk_the_reworded_and_unique_passages() {
    let (mut harness, _) = launch_compared(three_articles());
    settle(&mut harness);
    assert_eq!(harness.state().view.focus, None);

    // With nothing focused, F7 goes to the first difference of the first column.
    press(&mut harness, Modifiers::NONE, Key::F7);
    let app = harness.state();
    let wire = column_id(app, 0);
    let first_difference = (0..sentence_count(app, wire))
        .map(|sentence| SentenceKey {
            article: wire,
            sentence,
        })
        .find(|&k| status_of(app, k) != Status::Identical)
        .expect("the wire story has a reworded or unique sentence");
    assert_eq!(app.view.focus, Some(first_difference));

    // Work in the third column (the outlet that rewrites most), from its first sentence shown.
    let outlet = column_id(app, 2);
    let (start, point) =
        first_shown_sentence(app, outlet).expect("the outlet's column shows a sentence");
    click_at(&mut harness, point);
    assert_eq!(harness.state().view.focus, Some(start));

    // F7 walks forward through differences, each one scrolled into view; past the last column's
    // last difference it wraps to the first difference of the first column and says so.
    let mut walk = vec![start];
    loop {
        press(&mut harness, Modifiers::NONE, Key::F7);
        let app = harness.state();
        let focus = app.view.focus.expect("F7 keeps a focus");
        if focus.article != outlet {
            assert_eq!(
                focus, first_difference,
                "F7 wrapped around to the first difference"
            );
            let said = app.view.walk_status.clone().unwrap_or_default();
            assert!(
                said.contains("back to the first"),
                "the status bar says so: {said:?}"
            );
            harness.get_by_label_contains("back to the first");
            break;
        }
        assert!(
            focus.sentence > walk.last().unwrap().sentence,
            "F7 walks forward: {walk:?} then {focus:?}"
        );
        assert_ne!(
            status_of(app, focus),
            Status::Identical,
            "{focus:?} is a difference"
        );
        let body = app.view.column_body_rect(&app.workspace, outlet).unwrap();
        let bounds = screen_bounds(app, focus).unwrap();
        assert!(
            body.contains_rect(bounds),
            "the focused {focus:?} at {bounds:?} is shown in {body:?}"
        );
        walk.push(focus);
        assert!(walk.len() < 100, "F7 never leaves the column");
    }
    assert!(
        walk.len() >= 5,
        "the outlet has several differences: {walk:?}"
    );
    assert!(
        harness.state().view.offset(outlet) > 0.0,
        "the walk went far enough down for the column to scroll"
    );

    // Shift+F7 wraps back to the last difference, then retraces the same passages backwards.
    press(&mut harness, Modifiers::SHIFT, Key::F7);
    assert_eq!(harness.state().view.focus, walk.last().copied());
    for expected in walk[1..walk.len() - 1].iter().rev() {
        press(&mut harness, Modifiers::SHIFT, Key::F7);
        assert_eq!(
            harness.state().view.focus,
            Some(*expected),
            "Shift+F7 goes back one"
        );
    }

    // The toolbar buttons do the same.
    let (second, third) = (walk[1], walk[2]);
    harness.get_by_label("Next ▶").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().view.focus,
        Some(third),
        "\"Next ▶\" goes forward"
    );
    harness.get_by_label("◀ Previous").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().view.focus,
        Some(second),
        "\"◀ Previous\" goes back"
    );
}

#[test]
fn reports_are_saved_where_the_dialog_says_in_the_format_its_extension_names() {
    let (mut harness, dialogs) = launch_compared(three_articles());
    settle(&mut harness);
    let dir = tempfile::tempdir().unwrap();
    let labels = column_labels(harness.state());

    // Ctrl+S asks where to save, suggesting a name built from the labels.
    let html = dir.path().join("report.html");
    dialogs.will_answer(Choice::ReportPath(html.clone()));
    press(&mut harness, Modifiers::COMMAND, Key::S);
    wait_for_saved_banner(&mut harness, &html);
    assert_eq!(
        dialogs.requests(),
        [Request::SaveReport {
            file_name: "parallax-wire-outlet-a-outlet-b.html".to_owned()
        }]
    );
    let page = std::fs::read_to_string(&html).expect("the HTML report was written");
    assert!(
        page.trim_start()
            .to_lowercase()
            .starts_with("<!doctype html"),
        "an HTML page"
    );
    assert!(
        page.contains(r#"<meta http-equiv="Content-Security-Policy""#),
        "the page carries its Content-Security-Policy"
    );
    for label in &labels {
        assert!(page.contains(label.as_str()), "the page names {label:?}");
    }

    // The toolbar button does the same; the extension picks the format.
    let markdown = dir.path().join("report.md");
    dialogs.will_answer(Choice::ReportPath(markdown.clone()));
    harness.get_by_label("Save report…").click();
    wait_for_saved_banner(&mut harness, &markdown);
    let text = std::fs::read_to_string(&markdown).expect("the Markdown report was written");
    assert!(
        text.starts_with("# "),
        "a Markdown document: {}",
        &text[..80.min(text.len())]
    );
    assert!(!text.contains("<html"), "not HTML");
    for label in &labels {
        assert!(
            text.contains(&format!("| {label} |")),
            "the Markdown table lists {label:?}"
        );
    }

    let json = dir.path().join("report.json");
    dialogs.will_answer(Choice::ReportPath(json.clone()));
    harness.get_by_label("Save report…").click();
    wait_for_saved_banner(&mut harness, &json);
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).expect("valid JSON");
    let saved: Vec<&str> = value["articles"]
        .as_array()
        .expect("an articles array")
        .iter()
        .map(|a| a["label"].as_str().unwrap())
        .collect();
    assert_eq!(saved, labels, "the JSON report lists the columns in order");

    // Each confirmation offers to open its file; none of them is an error.
    settle(&mut harness);
    assert_eq!(harness.get_all_by_label("Open").count(), 3);
    assert!(harness.state().banners.iter().all(|b| !b.is_error));

    // A cancelled dialog writes nothing and says nothing.
    harness.get_by_label("Save report…").click();
    harness.run_steps(3);
    assert_eq!(harness.state().banners.len(), 3);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
}

#[test]
fn file_save_as_pdf_writes_the_pdf_report() {
    let (mut harness, dialogs) = launch_compared(three_articles());
    settle(&mut harness);
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    dialogs.will_answer(Choice::ReportPath(pdf.clone()));
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Save as PDF…").click();
    wait_for_saved_banner(&mut harness, &pdf);
    assert_eq!(
        dialogs.requests(),
        [Request::SaveReport {
            file_name: "parallax-wire-outlet-a-outlet-b.pdf".to_owned()
        }]
    );
    let bytes = std::fs::read(&pdf).expect("the PDF report was written");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
}

#[test]
fn report_settings_choose_changes_only_and_letter_paper_for_the_pdf() {
    let (mut harness, dialogs) = launch_compared(three_articles());
    settle(&mut harness);
    let dir = tempfile::tempdir().unwrap();
    let save_pdf = |harness: &mut Harness<'_, ParallaxApp>, name: &str| {
        let pdf = dir.path().join(name);
        dialogs.will_answer(Choice::ReportPath(pdf.clone()));
        harness.get_by_label("File").click();
        harness.run_steps(2);
        harness.get_by_label("Save as PDF…").click();
        wait_for_saved_banner(harness, &pdf);
        let bytes = std::fs::read(&pdf).expect("the PDF report was written");
        let text = pdf_extract::extract_text_from_mem(&bytes).expect("its text reads back");
        (String::from_utf8_lossy(&bytes).into_owned(), text)
    };
    let (default_pdf, full_text) = save_pdf(&mut harness, "default.pdf");
    assert!(
        default_pdf.contains("/MediaBox[0 0 595.28 841.89]"),
        "A4 by default"
    );
    assert!(!full_text.contains("the same in both"), "everything shown");

    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Settings…").click();
    harness.run_steps(3);
    harness.get_by_label("Changes only").click();
    harness.run_steps(2);
    harness.get_by_label("Letter").click();
    harness.run_steps(2);
    let report = harness.state().state.settings.report;
    assert!(report.changes_only && report.letter, "{report:?}");
    press(&mut harness, Modifiers::NONE, Key::Escape);

    let (letter_pdf, short_text) = save_pdf(&mut harness, "letter.pdf");
    assert!(letter_pdf.contains("/MediaBox[0 0 612 792]"), "US Letter");
    assert!(
        short_text.contains("the same in both"),
        "shared text left out: {short_text}"
    );
    assert!(short_text.len() < full_text.len());
}

/// Steps until the banner confirming that the report was saved to `path` appears.
fn wait_for_saved_banner(harness: &mut Harness<'_, ParallaxApp>, path: &Path) {
    let expected = format!("Saved the report to {}", path.display());
    step_until(harness, &format!("the banner {expected:?}"), |app| {
        banner_texts(app).contains(&expected)
    });
    assert!(path.is_file(), "{} exists", path.display());
}

#[test]
fn an_unreadable_file_gets_a_banner_and_the_others_are_compared() {
    let missing = PathBuf::from("/nonexistent/missing.txt");
    let (mut harness, _) = launch(vec![fixture("wire.txt"), missing, fixture("outlet-a.txt")]);
    step_until(
        &mut harness,
        "the two readable articles to be compared",
        |app| is_settled(app) && app.workspace.columns().len() == 2,
    );
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(column_labels(app), ["wire", "outlet-a"]);
    assert!(
        !app.workspace
            .snapshot
            .as_ref()
            .unwrap()
            .comparison
            .links
            .is_empty()
    );
    assert_eq!(app.banners.len(), 1, "one banner: {:?}", banner_texts(app));
    let banner = &app.banners[0];
    assert!(banner.is_error);
    assert!(
        banner.text.contains("missing.txt"),
        "the banner names the file: {:?}",
        banner.text
    );

    // Its "×" (the one on the banner's line, not a column's) dismisses it.
    let line = harness.get_by_label_contains("missing.txt").rect();
    let close = harness
        .get_all_by_label("×")
        .find(|node| node.rect().center().y > line.top() && node.rect().center().y < line.bottom())
        .expect("the banner has a close button");
    close.click();
    harness.run_steps(3);
    assert!(harness.state().banners.is_empty());
    assert!(harness.query_by_label_contains("missing.txt").is_none());
    assert_eq!(
        harness.state().workspace.columns().len(),
        2,
        "the columns stay"
    );
}

#[test]
fn a_file_read_with_a_warning_gets_a_notice_and_a_mark_in_its_header() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let wire = std::fs::read_to_string(fixture("wire.txt")).expect("fixture");
    let flawed = dir.path().join("etext.txt");
    std::fs::write(&flawed, wire.replacen(' ', " \u{19}", 2)).expect("write");
    let (mut harness, _) = launch_compared(vec![flawed, fixture("outlet-a.txt")]);
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(app.banners.len(), 1, "{:?}", banner_texts(app));
    assert!(!app.banners[0].is_error);
    assert!(
        app.banners[0].text.contains("etext.txt")
            && app.banners[0].text.contains("2 control characters"),
        "{:?}",
        app.banners[0].text
    );
    assert_eq!(
        harness.get_all_by_label("⚠").count(),
        1,
        "only the flawed article's header is marked"
    );

    // The notice fades some seconds after the comparison is shown (a frame of the harness is a
    // quarter of a second); the mark stays.
    harness.run_steps(60);
    assert!(harness.state().banners.is_empty(), "the notice has faded");
    assert_eq!(harness.get_all_by_label("⚠").count(), 1);
}

#[test]
fn a_dropped_file_is_added_and_compared() {
    let (mut harness, _) = launch_compared(vec![fixture("wire.txt"), fixture("outlet-a.txt")]);
    settle(&mut harness);
    let generation = shown_generation(harness.state());
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(FakeDroppedFile(fixture("outlet-b.txt"))));
    step_until(&mut harness, "the dropped file to be compared", |app| {
        is_settled(app) && app.workspace.columns().len() == 3
    });
    let app = harness.state();
    assert_eq!(column_labels(app), ["wire", "outlet-a", "outlet-b"]);
    assert!(shown_generation(app) > generation, "a new comparison");
    assert!(
        app.banners.is_empty(),
        "no complaint: {:?}",
        banner_texts(app)
    );
}

/// An item dropped without a path (a browser's selection): only its bytes.
#[derive(Debug)]
struct PathlessDrop(Vec<u8>);

impl egui::DroppedFile for PathlessDrop {
    fn path(&self) -> &Path {
        Path::new("")
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        Ok(self.0.clone())
    }
}

#[test]
fn an_item_dropped_without_a_path_is_read_in_the_background() {
    let (mut harness, _) = launch_compared(vec![fixture("wire.txt"), fixture("outlet-a.txt")]);
    settle(&mut harness);
    let page = std::fs::read(fixture("wire.html")).unwrap();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(PathlessDrop(page)));
    harness.step();
    // The frame that saw the drop only queued it: the page is read on a worker thread.
    assert_eq!(harness.state().workspace.entries.len(), 2);
    step_until(&mut harness, "the dropped page to be compared", |app| {
        is_settled(app) && app.workspace.columns().len() == 3
    });
    let app = harness.state();
    let dropped = &app.workspace.entries[2];
    assert_eq!(dropped.origin, parallax::app::workspace::Origin::Memory);
    assert!(
        app.banners.is_empty(),
        "no complaint: {:?}",
        banner_texts(app)
    );
}

#[test]
fn a_dropped_folder_opens_its_articles_and_a_pasted_address_is_fetched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("wire.txt"), dir.path().join("wire.txt")).unwrap();
    std::fs::copy(fixture("outlet-a.txt"), dir.path().join("outlet-a.txt")).unwrap();
    std::fs::write(dir.path().join("photo.png"), b"\x89PNG").unwrap();
    let (mut harness, _) = launch(Vec::new());
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(FakeDroppedFile(dir.path().to_path_buf())));
    step_until(
        &mut harness,
        "the folder's articles to be compared",
        |app| is_settled(app) && app.workspace.columns().len() == 2,
    );
    assert_eq!(column_labels(harness.state()), ["outlet-a", "wire"]);
    let banners = banner_texts(harness.state());
    assert!(
        banners
            .iter()
            .any(|b| b.ends_with("photo.png: skipped (not a kind of file Parallax opens)")),
        "{banners:?}"
    );

    // An address pasted on its own is fetched (here from a closed local port), not pasted.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/story", closed.local_addr().unwrap());
    drop(closed);
    harness
        .state_mut()
        .push(Command::PasteText(format!("  {address}\n")));
    step_until(&mut harness, "the fetch to fail", |app| {
        banner_texts(app)
            .iter()
            .any(|b| b.starts_with(&format!("{address}: could not connect")))
    });
    assert_eq!(harness.state().workspace.entries.len(), 2, "nothing pasted");
}

#[test]
fn ctrl_l_asks_for_an_address() {
    let (mut harness, _) = launch(Vec::new());
    harness.run_steps(2);
    assert!(harness.state().address.is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run_steps(2);
    assert!(harness.state().address.is_some());
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.state().address.is_none());
}

/// An invented article sharing its first sentence with the harbour-fire wire story.
fn pasted_article() -> String {
    let wire = std::fs::read_to_string(fixture("wire.txt")).unwrap();
    let lead = wire
        .split("\n\n")
        .nth(1)
        .expect("the wire story's lead paragraph");
    format!(
        "Warehouse blaze in Port Alden\n\n{lead}\n\nHarbourmaster Petra Quill said the ferry \
         to the islands would run from the north pier until further notice."
    )
}

/// Selects the text of the focused field and types `text` over it, then presses Enter.
fn retype_and_enter(harness: &mut Harness<'_, ParallaxApp>, text: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text(text.to_owned()));
    harness.key_press(Key::Enter);
    harness.run_steps(3);
}

#[test]
fn pasting_outside_a_text_field_adds_an_article_and_renames_it() {
    let (mut harness, _) = launch_compared(vec![fixture("wire.txt"), fixture("outlet-a.txt")]);
    settle(&mut harness);
    harness.event(egui::Event::Paste(pasted_article()));
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.workspace.entries.len(), 3);
    let pasted = app.workspace.entries[2].id;
    assert_eq!(app.workspace.label(pasted), "Pasted article 1");
    assert_eq!(
        app.view.rename.as_ref().map(|r| r.id),
        Some(pasted),
        "renaming starts"
    );

    // The name field appears in the new column's header, with the keyboard in it.
    step_until(&mut harness, "the pasted article's column", |app| {
        is_settled(app) && app.workspace.columns().len() == 3
    });
    harness.run_steps(2);
    assert!(
        harness.get_by_label("Outlet name").is_focused(),
        "the name field has focus"
    );
    retype_and_enter(&mut harness, "Evening Ledger");
    let app = harness.state();
    assert_eq!(app.view.rename, None, "Enter ends renaming");
    assert_eq!(app.workspace.label(pasted), "Evening Ledger");
    assert_heads_column(&harness, "Evening Ledger", 2);
    let snapshot = app.workspace.snapshot.as_ref().unwrap();
    let index = snapshot.index_of(pasted).unwrap();
    assert!(
        snapshot
            .comparison
            .links
            .iter()
            .any(|l| l.a.article == index || l.b.article == index),
        "the pasted lead is linked to the wire story's"
    );
}

#[test]
fn an_article_pasted_into_an_empty_window_gets_a_column() {
    let (mut harness, _) = launch(Vec::new());
    harness.run_steps(2);
    harness.event(egui::Event::Paste(pasted_article()));
    step_until(&mut harness, "the pasted article's column", |app| {
        is_settled(app) && app.workspace.columns().len() == 1
    });
    harness.run_steps(2);
    harness.get_by_label_contains("1 article");
    assert!(
        harness.get_by_label("Outlet name").is_focused(),
        "the name field has focus"
    );
    retype_and_enter(&mut harness, "Evening Ledger");
    let app = harness.state();
    assert_eq!(column_labels(app), ["Evening Ledger"]);
    settle(&mut harness);
}

#[test]
fn closing_and_reordering_columns() {
    let files = ["wire.txt", "outlet-a.txt", "outlet-b.txt", "outlet-c.txt"].map(fixture);
    let (mut harness, _) = launch_compared(files.to_vec());
    settle(&mut harness);
    assert_eq!(
        column_labels(harness.state()),
        ["wire", "outlet-a", "outlet-b", "outlet-c"]
    );

    // Ctrl+W closes the column worked in last.
    let app = harness.state();
    let outlet_a = column_id(app, 1);
    let (key, point) = first_shown_sentence(app, outlet_a).unwrap();
    click_at(&mut harness, point);
    assert_eq!(harness.state().view.focus, Some(key));
    let generation = harness.state().workspace.generation;
    press(&mut harness, Modifiers::COMMAND, Key::W);
    assert_eq!(
        harness.state().workspace.entries.len(),
        3,
        "Ctrl+W closed one article"
    );
    step_until(&mut harness, "the comparison of the other three", |app| {
        is_settled(app) && app.workspace.columns().len() == 3
    });
    let app = harness.state();
    assert_eq!(column_labels(app), ["wire", "outlet-b", "outlet-c"]);
    assert!(shown_generation(app) > generation);
    assert_eq!(
        app.workspace
            .snapshot
            .as_ref()
            .unwrap()
            .comparison
            .articles
            .len(),
        3
    );
    assert_eq!(app.view.focus, None, "the focus went with its column");

    // A column's own "×" closes it.
    let body = app
        .view
        .column_body_rect(&app.workspace, column_id(app, 2))
        .unwrap();
    let close = harness
        .get_all_by_label("×")
        .find(|n| n.rect().bottom() <= body.top() && body.x_range().contains(n.rect().center().x))
        .expect("the last column's header has a close button");
    close.click();
    step_until(&mut harness, "the comparison of the other two", |app| {
        is_settled(app) && app.workspace.columns().len() == 2
    });
    assert_eq!(column_labels(harness.state()), ["wire", "outlet-b"]);
    settle(&mut harness);

    // Moving a column reorders the view without comparing again.
    let generation = shown_generation(harness.state());
    harness.state_mut().push(Command::Move { from: 0, to: 1 });
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(column_labels(app), ["outlet-b", "wire"]);
    assert!(app.jobs.comparison.is_none(), "no comparison job started");
    assert!(app.workspace.is_current());
    assert_eq!(shown_generation(app), generation);
    let shown = app.workspace.as_shown().unwrap();
    let labels: Vec<&str> = shown.articles.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(labels, ["outlet-b", "wire"], "reports follow the new order");
    assert_heads_column(&harness, "outlet-b", 0);
    assert_heads_column(&harness, "wire", 1);
}

#[test]
fn the_welcome_screen_opens_the_sample_or_chosen_files() {
    let (mut harness, dialogs) = launch(Vec::new());
    harness.run();
    assert!(harness.state().workspace.entries.is_empty());
    harness.get_by_label("Open articles…");
    harness.get_by_label("Open the sample comparison").click();
    step_until(&mut harness, "the sample comparison", |app| {
        is_settled(app) && app.workspace.columns().len() == 4
    });
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Open the sample comparison")
            .is_none()
    );

    // Back to the welcome screen, and open files through the (fake) dialog.
    harness.state_mut().push(Command::CloseAll);
    harness.run_steps(2);
    dialogs.will_answer(Choice::Articles(three_articles()));
    harness.get_by_label("Open articles…").click();
    step_until(&mut harness, "the chosen articles", |app| {
        is_settled(app) && app.workspace.columns().len() == 3
    });
    assert_eq!(dialogs.requests(), [Request::OpenArticles]);
    assert_eq!(
        column_labels(harness.state()),
        ["wire", "outlet-a", "outlet-b"]
    );

    // Ctrl+O asks again; cancelling the dialog changes nothing.
    press(&mut harness, Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
    assert_eq!(
        dialogs.requests(),
        [Request::OpenArticles, Request::OpenArticles]
    );
    assert_eq!(
        column_labels(harness.state()),
        ["wire", "outlet-a", "outlet-b"]
    );
    assert!(is_settled(harness.state()));
}

#[test]
fn find_goes_to_matches_in_every_article() {
    let (mut harness, _) = launch_compared(three_articles());
    settle(&mut harness);
    press(&mut harness, Modifiers::COMMAND, Key::F);
    assert!(harness.state().view.find.open);
    assert!(
        harness.get_by_label("Find").is_focused(),
        "Ctrl+F puts the cursor in the find bar"
    );

    // "fertilizer" is in the wire story and the second outlet (the first spells it "fertiliser").
    harness.event(egui::Event::Text("fertilizer".to_owned()));
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    let app = harness.state();
    let matches = &app.view.find.matches;
    assert!(!matches.is_empty(), "the word is found");
    let mut articles: Vec<ArticleId> = matches.iter().map(|m| m.0).collect();
    articles.dedup();
    assert_eq!(
        articles,
        [column_id(app, 0), column_id(app, 2)],
        "in two articles"
    );
    let first = SentenceKey {
        article: matches[0].0,
        sentence: matches[0].1,
    };
    assert_eq!(app.view.find.current, Some(0));
    assert_eq!(app.view.focus, Some(first), "Enter goes to the first match");
    harness.get_by_label_contains(&format!("1 of {} found", matches.len()));

    // Enter again goes to the next match, still typing in the find bar.
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.view.find.current, Some(1));
    let (article, sentence, _) = app.view.find.matches[1].clone();
    assert_eq!(app.view.focus, Some(SentenceKey { article, sentence }));
    assert!(harness.get_by_label("Find").is_focused());

    // Escape leaves the field; a second Escape closes the bar.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().view.find.open);
}

#[test]
fn changing_the_threshold_compares_again_while_the_old_result_stays_shown() {
    let (mut harness, _) = launch_compared(three_articles());
    settle(&mut harness);
    let before = shown_generation(harness.state());
    let mut options = harness.state().state.settings.options;
    options.threshold = 0.8;

    // Applied between frames, so the new job has certainly not reported yet.
    let app = harness.state_mut();
    app.push(Command::SetOptions(options));
    app.apply(None);
    assert!(app.jobs.comparison.is_some(), "a comparison is running");
    assert_eq!(
        shown_generation(app),
        before,
        "the previous result is still shown"
    );
    assert_eq!(app.workspace.columns().len(), 3);
    // The view stays usable meanwhile: the next frame draws the columns (whichever result it
    // has by then).
    harness.step();
    for label in ["wire", "outlet-a", "outlet-b"] {
        assert!(
            harness.query_all_by_label(label).next().is_some(),
            "{label:?} is shown"
        );
    }
    step_until(&mut harness, "the new comparison", is_settled);
    let app = harness.state();
    assert!(
        shown_generation(app) > before,
        "a new comparison replaced the old one"
    );
    assert_eq!(app.state.settings.options.threshold, 0.8);
    assert_eq!(
        app.workspace
            .snapshot
            .as_ref()
            .unwrap()
            .comparison
            .options
            .threshold,
        0.8,
        "it used the new threshold"
    );

    // The same options again change nothing.
    let generation = app.workspace.generation;
    harness.state_mut().push(Command::SetOptions(options));
    harness.run_steps(2);
    assert_eq!(harness.state().workspace.generation, generation);
    assert!(harness.state().jobs.comparison.is_none());

    // The settings window itself is reachable by name.
    harness.state_mut().push(Command::SetSettingsOpen(true));
    settle(&mut harness);
    harness.get_by_label("Settings");
}

/// A long invented article: `sentences` distinct sentences about a harbour inquiry.
fn long_article(sentences: usize) -> parallax::article::Article {
    parallax::article::Article::from_text(
        "Inquiry log",
        "inquiry-log.txt",
        long_text(sentences),
        parallax::article::Format::Text,
    )
}

/// The text of [`long_article`].
fn long_text(sentences: usize) -> String {
    (0..sentences)
        .map(|i| {
            let paragraph_break = if i % 5 == 4 { "\n\n" } else { " " };
            format!(
                "Inspector {i} of the harbour inquiry counted {} crates near berth {}.{paragraph_break}",
                i * 7 + 3,
                i % 41
            )
        })
        .collect()
}

#[test]
fn a_cancelled_comparison_keeps_the_previous_result_until_asked_again() {
    let (mut harness, _) = launch_compared(vec![fixture("wire.txt"), fixture("outlet-a.txt")]);
    settle(&mut harness);
    let previous = shown_generation(harness.state());
    harness
        .state_mut()
        .push(Command::AddArticles(vec![long_article(6_000)]));
    step_until(&mut harness, "the comparison to start", |app| {
        app.jobs.comparison.is_some()
    });
    // Commands apply at the end of a frame: the next one shows the running comparison.
    harness.step();
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    for _ in 0..20 {
        harness.step();
        let app = harness.state();
        assert!(app.jobs.comparison.is_none(), "cancelled, not restarted");
        assert_eq!(shown_generation(app), previous, "the previous result stays");
        assert_eq!(app.workspace.entries.len(), 3, "the new article stays open");
    }
    assert!(
        harness
            .query_by_label_contains("Comparison cancelled")
            .is_some()
    );

    harness.get_by_label("Compare again").click();
    step_until(&mut harness, "the comparison of three articles", |app| {
        is_settled(app) && app.workspace.columns().len() == 3
    });
    assert!(shown_generation(harness.state()) > previous);
    assert!(
        harness
            .query_by_label_contains("Comparison cancelled")
            .is_none()
    );
}

#[test]
fn a_report_never_replaces_an_article_file_opened_through_a_session() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    let notes_text = std::fs::read_to_string(fixture("wire.txt")).unwrap();
    std::fs::write(&notes, &notes_text).unwrap();
    let other = dir.path().join("other.txt");
    std::fs::copy(fixture("outlet-a.txt"), &other).unwrap();
    let session_path = dir.path().join("story.parallax.json");
    {
        let articles: Vec<_> = [&notes, &other]
            .iter()
            .map(|path| parallax::article::load_file(path).unwrap())
            .collect();
        parallax::session::Session::new(&articles, parallax::compare::Options::default())
            .save(&session_path, &[])
            .unwrap();
    }

    let (mut harness, _) = launch(Vec::new());
    harness
        .state_mut()
        .push(Command::OpenSession(session_path.clone()));
    step_until(&mut harness, "the session to be compared", |app| {
        is_settled(app) && app.workspace.columns().len() == 2
    });
    harness.state_mut().push(Command::SaveReport(notes.clone()));
    step_until(&mut harness, "the refusal banner", |app| {
        app.banners.iter().any(|b| b.is_error)
    });
    let banners = banner_texts(harness.state());
    assert!(
        banners.iter().any(|b| b.contains("refusing to overwrite")),
        "{banners:?}"
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), notes_text);
}

#[test]
fn a_session_without_articles_is_refused_and_the_comparison_stays() {
    let (mut harness, _) = launch_compared(three_articles());
    settle(&mut harness);
    let generation = shown_generation(harness.state());
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.parallax.json");
    std::fs::write(
        &empty,
        r#"{"format":"parallax-session","version":1,"articles":[]}"#,
    )
    .unwrap();
    harness.state_mut().push(Command::OpenSession(empty));
    step_until(&mut harness, "the refusal banner", |app| {
        app.banners.iter().any(|b| b.is_error)
    });
    settle(&mut harness);
    let app = harness.state();
    assert!(
        banner_texts(app)
            .iter()
            .any(|b| b.contains("empty.parallax.json") && b.contains("no articles")),
        "{:?}",
        banner_texts(app)
    );
    assert_eq!(column_labels(app), ["wire", "outlet-a", "outlet-b"]);
    assert_eq!(shown_generation(app), generation);
}

#[test]
fn a_long_article_is_laid_out_a_frame_budget_at_a_time() {
    // About 3 MB in 8,000 paragraphs. Laid out all at once, egui's galley cache would hold a
    // galley for each (a hundred bytes or more per character); a frame lays out at most half a
    // megabyte, so the cache never holds more than a couple of thousand.
    let article = long_article(40_000);
    let paragraphs = article.text.matches("\n\n").count();
    let (mut harness, _) = launch_compared(vec![fixture("wire.txt")]);
    harness
        .state_mut()
        .push(Command::AddArticles(vec![article]));
    let galleys = |harness: &Harness<'_, ParallaxApp>| {
        harness.ctx.fonts(|fonts| fonts.num_galleys_in_cache())
    };
    let mut most = 0;
    let mut steps = 0;
    while !(is_settled(harness.state()) && harness.state().workspace.columns().len() == 2) {
        harness.step();
        most = most.max(galleys(&harness));
        steps += 1;
        assert!(
            steps < 20 * MAX_STEPS,
            "the long article was never compared"
        );
        std::thread::sleep(STEP_PAUSE);
    }
    for _ in 0..100 {
        harness.step();
        most = most.max(galleys(&harness));
    }
    assert!(
        most < paragraphs / 2,
        "{most} galleys cached at once for {paragraphs} paragraphs"
    );
    let long_column = column_id(harness.state(), 1);
    assert!(sentence_count(harness.state(), long_column) >= 40_000);
}

#[test]
fn a_load_in_progress_can_be_cancelled_and_none_of_its_files_opens() {
    const FILES: usize = 200;
    let dir = tempfile::TempDir::new().expect("temp dir");
    let text = long_text(2_000);
    let files: Vec<PathBuf> = (0..FILES)
        .map(|i| {
            let path = dir.path().join(format!("inquiry-{i}.txt"));
            std::fs::write(&path, &text).expect("write article");
            path
        })
        .collect();
    let (mut harness, _) = launch(files);
    harness.step();
    let progress = Arc::clone(
        &harness
            .state()
            .jobs
            .loads
            .first()
            .expect("the files are loading")
            .progress,
    );
    assert!(
        harness
            .query_by_label_contains(&format!("Loading {FILES} files"))
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(
        !harness.state().jobs.is_busy(),
        "the app stops waiting at once"
    );
    assert!(harness.query_by_label_contains("Loading").is_none());

    // The worker notices between files and lets go of its progress when it stops.
    for _ in 0..MAX_STEPS {
        if Arc::strong_count(&progress) == 1 {
            break;
        }
        harness.step();
        std::thread::sleep(STEP_PAUSE);
    }
    assert_eq!(Arc::strong_count(&progress), 1, "the load stopped");
    harness.run_steps(3);
    assert!(progress.done() < FILES, "files not started were skipped");
    assert!(
        harness.state().workspace.entries.is_empty(),
        "none of the cancelled files opens"
    );
}

/// The app with the in-app file dialog (as on a system without portal or zenity), starting in
/// `folder`.
fn launch_with_in_app_dialogs(folder: &Path) -> Harness<'static, ParallaxApp> {
    let state = State {
        last_folder: Some(folder.to_path_buf()),
        ..State::default()
    };
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            ParallaxApp::with_parts(
                cc.egui_ctx.clone(),
                state,
                Box::new(InAppDialogs::default()),
                Vec::new(),
                false,
            )
        })
}

#[test]
fn without_a_system_dialog_the_in_app_dialog_opens_and_saves() {
    let folder = fixture("");
    let mut harness = launch_with_in_app_dialogs(&folder);
    harness.run_steps(2);

    // Ctrl+O shows the dialog inside the window, listing the articles of the last folder.
    press(&mut harness, Modifiers::COMMAND, Key::O);
    harness.get_by_label_contains("  Open articles");
    harness.get_by_label("🗋 wire.txt").click();
    harness.run_steps(2);
    harness
        .get_by_label("🗋 outlet-a.txt")
        .click_modifiers(Modifiers::CTRL);
    harness.run_steps(2);
    harness.get_by_label("Open").click();
    step_until(
        &mut harness,
        "the two chosen articles to be compared",
        |app| is_settled(app) && app.workspace.columns().len() == 2,
    );
    assert_eq!(column_labels(harness.state()), ["outlet-a", "wire"]);
    assert!(
        harness.query_by_label_contains("  Open articles").is_none(),
        "the dialog closed"
    );

    // Ctrl+S: the dialog suggests a name; a full path typed over it is where the report goes.
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("chosen.md");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness
        .get_all_by_value("parallax-outlet-a-wire.html")
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .expect("the file name field holds the suggested name")
        .focus();
    harness.run_steps(1);
    retype_and_enter(&mut harness, target.to_str().unwrap());
    wait_for_saved_banner(&mut harness, &target);
    let text = std::fs::read_to_string(&target).expect("the report was written");
    assert!(text.starts_with("# "), "Markdown, as the extension says");

    // Esc cancels an open dialog and leaves the comparison as it was.
    press(&mut harness, Modifiers::COMMAND, Key::O);
    harness.get_by_label_contains("  Open articles");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.run_steps(2);
    assert!(
        harness.query_by_label_contains("  Open articles").is_none(),
        "Esc closed the dialog"
    );
    assert_eq!(harness.state().workspace.columns().len(), 2);
    // A new dialog opens after a cancelled one.
    press(&mut harness, Modifiers::COMMAND, Key::O);
    harness.get_by_label_contains("  Open articles");
}

#[test]
fn settings_close_with_escape_and_sit_below_the_toolbar() {
    let (mut harness, _) = launch_compared(three_articles());
    settle(&mut harness);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Settings…").click();
    harness.run_steps(3);
    assert!(harness.state().settings_open);
    let window = harness.get_by_label("Settings").rect();
    for button in ["Open…", "Save report…", "Unique", "Find…"] {
        let covered = harness.get_by_label(button).rect();
        assert!(
            window.top() >= covered.bottom(),
            "the settings window ({window:?}) clears the toolbar's {button:?} ({covered:?})"
        );
    }
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().settings_open, "Esc closed the settings");
    assert!(harness.query_by_label("Settings").is_none());
}

/// `count` versions of the wire story in `dir`, each with a sentence of its own and every other
/// one with a word changed, so that every column has differences.
fn versions_of_the_wire_story(dir: &Path, count: usize) -> Vec<PathBuf> {
    let wire = std::fs::read_to_string(fixture("wire.txt")).unwrap();
    (1..=count)
        .map(|k| {
            let mut text = wire.replacen(
                "officials said on Monday.",
                &format!("officials said on Monday. Paper {k} sent a reporter to pier {k}."),
                1,
            );
            if k % 2 == 0 {
                text = text.replacen("The blaze started", "The inferno began", 1);
            }
            let path = dir.join(format!("paper-{k:02}.txt"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

/// The app at `size` with `count` versions open and compared, findings panel closed.
fn launch_versions(dir: &Path, count: usize, size: egui::Vec2) -> Harness<'static, ParallaxApp> {
    let files = versions_of_the_wire_story(dir, count);
    let mut state = State::default();
    state.settings.findings_open = false;
    let mut harness = Harness::builder().with_size(size).build_eframe(move |cc| {
        ParallaxApp::with_parts(
            cc.egui_ctx.clone(),
            state,
            Box::new(FakeDialogs::default()),
            files,
            false,
        )
    });
    step_until(&mut harness, "the versions to be compared", |app| {
        is_settled(app) && app.workspace.columns().len() == count
    });
    harness.run_steps(3);
    harness
}

/// How many columns are drawn wholly inside the window.
fn columns_fully_shown(harness: &Harness<'_, ParallaxApp>) -> usize {
    let app = harness.state();
    let window = Rect::from_min_size(Pos2::ZERO, egui::vec2(1600.0, 1000.0));
    app.workspace
        .columns()
        .iter()
        .filter(|c| {
            app.view
                .column_body_rect(&app.workspace, c.id)
                .is_some_and(|r| r.width() > 100.0 && window.contains_rect(r))
        })
        .count()
}

/// The right edge of column `position`'s body (as it scrolls, unlike its clipped left edge).
fn column_right(harness: &Harness<'_, ParallaxApp>, position: usize) -> f32 {
    let app = harness.state();
    let id = column_id(app, position);
    let shown = app.view.column_body_rect(&app.workspace, id);
    shown.map_or(f32::NAN, |r| r.right())
}

#[test]
fn ten_columns_scroll_sideways_by_wheel_shift_wheel_swipe_and_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = launch_versions(dir.path(), 10, egui::vec2(1600.0, 1000.0));
    assert!(
        columns_fully_shown(&harness) < 10,
        "ten normal columns overflow"
    );
    let start = column_right(&harness, 0);
    let over_text = Pos2::new(700.0, 500.0);
    let wheel =
        |harness: &mut Harness<'_, ParallaxApp>, at: Pos2, delta: egui::Vec2, m: Modifiers| {
            harness.hover_at(at);
            harness.event_modifiers(
                egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta,
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Unknown,
                    modifiers: m,
                },
                m,
            );
            harness.run_steps(20);
        };

    // Shift+wheel over the text.
    wheel(
        &mut harness,
        over_text,
        egui::vec2(0.0, -120.0),
        Modifiers::SHIFT,
    );
    let after_shift_wheel = column_right(&harness, 0);
    assert!(
        after_shift_wheel < start - 50.0,
        "Shift+wheel scrolled right: {start} → {after_shift_wheel}"
    );

    // A sideways swipe (touchpad) back to the left.
    wheel(
        &mut harness,
        over_text,
        egui::vec2(400.0, 0.0),
        Modifiers::NONE,
    );
    assert!(
        column_right(&harness, 0) > after_shift_wheel + 50.0,
        "the swipe scrolled left"
    );

    // The plain wheel over the column headers scrolls sideways too.
    wheel(
        &mut harness,
        Pos2::new(700.0, 80.0),
        egui::vec2(0.0, -200.0),
        Modifiers::NONE,
    );
    let after_header_wheel = column_right(&harness, 0);
    assert!(
        after_header_wheel < start - 50.0,
        "the wheel over the headers scrolled right"
    );

    // Keys: Home, →, End, ←.
    press(&mut harness, Modifiers::NONE, Key::Home);
    assert_eq!(
        column_right(&harness, 0),
        start,
        "Home goes back to the first column"
    );
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    let one = column_right(&harness, 0);
    assert!(one < start - 100.0, "→ scrolls one column right");
    press(&mut harness, Modifiers::NONE, Key::End);
    assert!(
        column_right(&harness, 9) <= 1600.0,
        "End shows the last column"
    );
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    press(&mut harness, Modifiers::NONE, Key::Home);
    assert_eq!(column_right(&harness, 0), start);

    // Fit all: the ten columns on screen at once.
    harness
        .state_mut()
        .push(Command::SetColumnWidth(ColumnWidth::FitAll));
    harness.run_steps(3);
    assert_eq!(
        columns_fully_shown(&harness),
        10,
        "fit all shows all ten columns"
    );
}

#[test]
fn f7_walks_every_column_and_focus_lists_counterparts_off_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = launch_versions(dir.path(), 10, egui::vec2(1600.0, 1000.0));

    // F7 goes through the differences of every column, in column order, scrolling each into view.
    let mut visited = Vec::new();
    for _ in 0..40 {
        press(&mut harness, Modifiers::NONE, Key::F7);
        harness.run_steps(2);
        let app = harness.state();
        let focus = app.view.focus.expect("F7 focuses a difference");
        let position = app
            .workspace
            .columns()
            .iter()
            .position(|c| c.id == focus.article)
            .unwrap();
        if visited.last() != Some(&position) {
            visited.push(position);
        }
        let body = app
            .view
            .column_body_rect(&app.workspace, focus.article)
            .unwrap();
        assert!(
            body.width() > 100.0,
            "column {position} is scrolled into view: {body:?}"
        );
        if app
            .view
            .walk_status
            .as_deref()
            .is_some_and(|s| s.contains("back to the first"))
        {
            break;
        }
    }
    assert_eq!(visited.first(), Some(&0));
    assert!(
        visited.windows(2).all(|w| w[0] < w[1] || w[1] == 0),
        "column order: {visited:?}"
    );
    assert!(
        visited.contains(&9),
        "F7 reached the last column: {visited:?}"
    );

    // Focusing a sentence of the first column that all versions share lists the columns off
    // screen that hold its counterparts; a click on one scrolls it into view.
    press(&mut harness, Modifiers::NONE, Key::Home);
    let first = column_id(harness.state(), 0);
    let (key, point) = first_shown_sentence(harness.state(), first).unwrap();
    click_at(&mut harness, point);
    harness.run_steps(2);
    assert_eq!(harness.state().view.focus, Some(key));
    let hidden = harness
        .state()
        .view
        .off_screen_with_counterparts(&harness.state().workspace);
    assert!(!hidden.is_empty(), "some counterparts are off screen");
    harness.get_by_label_contains(&format!("Also in {} more", hidden.len()));
    let last = *hidden.last().unwrap();
    let label = harness.state().workspace.label(last).to_owned();
    harness.get_by_label(&label).click();
    harness.run_steps(4);
    let app = harness.state();
    let body = app.view.column_body_rect(&app.workspace, last).unwrap();
    assert!(
        body.width() > 200.0,
        "the column was scrolled into view: {body:?}"
    );
    assert!(
        !app.view
            .off_screen_with_counterparts(&app.workspace)
            .contains(&last)
    );
}

#[test]
fn a_pinned_column_stays_while_the_others_scroll() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = launch_versions(dir.path(), 10, egui::vec2(1600.0, 1000.0));
    let original = column_id(harness.state(), 0);
    let pinned_right = column_right(&harness, 0);
    harness.state_mut().push(Command::TogglePin(original));
    harness.run_steps(2);
    // The keys still scroll after a click on a sentence (a column takes no keyboard focus).
    let second = column_id(harness.state(), 1);
    let (_, point) = first_shown_sentence(harness.state(), second).unwrap();
    click_at(&mut harness, point);
    press(&mut harness, Modifiers::NONE, Key::End);
    assert_eq!(
        column_right(&harness, 0),
        pinned_right,
        "the pinned column did not move"
    );
    assert!(harness.state().view.is_pinned(original));
    let last = column_right(&harness, 9);
    assert!(
        last > pinned_right + 200.0 && last <= 1600.0,
        "the last column is shown beside it"
    );
    // Unpinned, it scrolls away with the others.
    harness.state_mut().push(Command::TogglePin(original));
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::End);
    let app = harness.state();
    let first = app.view.column_body_rect(&app.workspace, original).unwrap();
    assert!(
        first.width() <= 0.0,
        "the first column scrolled out of view: {first:?}"
    );
}
