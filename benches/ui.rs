//! Frame times of the desktop app's UI code on a headless `egui::Context`, in two settings: twenty
//! articles of about 3,000 words (rewrites of one story), and 200 copies of one 900-word story
//! as a wire story spreads (about half of them word for word, which the view collapses into one
//! column). Measured: a steady frame, a frame where the pointer moves to another sentence
//! (highlights and ribbons), a frame that scrolls the columns (locked scrolling), and the first
//! frame with the findings panel open.
//!
//! Target: every frame under 16 ms (60 frames a second) on a desktop CPU; the figures are in the
//! README's Speed section. Nothing here asserts a time.

#[path = "support/synthetic.rs"]
mod synthetic;

#[path = "support/syndicated.rs"]
mod syndicated;

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, MouseWheelUnit, Pos2, RawInput, Rect, pos2, vec2};
use parallax::app::ParallaxApp;
use parallax::app::command::Command;
use parallax::app::dialogs::{Dialogs, Request};
use parallax::app::jobs::Message;
use parallax::app::state::State;
use parallax::article::{Article, Format};

/// Benchmarks never open file dialogs.
struct NoDialogs;

impl Dialogs for NoDialogs {
    fn show(
        &mut self,
        _: Request,
        _: Option<PathBuf>,
        _: Option<&eframe::Frame>,
        _: Sender<Message>,
        _: egui::Context,
    ) {
    }
}

const SCREEN: Rect = Rect::from_min_max(Pos2::ZERO, pos2(1600.0, 1000.0));

fn input(events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(SCREEN),
        events,
        ..RawInput::default()
    }
}

/// One frame of the app with `events` as its input.
fn frame(ctx: &egui::Context, app: &mut ParallaxApp, events: Vec<Event>) {
    let mut output = ctx.run_ui(input(events), |ui| app.show(ui, None));
    output.textures_delta.clear();
}

/// The app with `articles` (label, text) compared and laid out.
fn app_with(articles: Vec<(String, String)>) -> (egui::Context, ParallaxApp) {
    let ctx = egui::Context::default();
    let mut app = ParallaxApp::with_parts(
        ctx.clone(),
        State::default(),
        Box::new(NoDialogs),
        Vec::new(),
        false,
    );
    let articles: Vec<Article> = articles
        .into_iter()
        .map(|(label, text)| {
            Article::from_text(label.clone(), format!("{label}.txt"), text, Format::Text)
        })
        .collect();
    app.push(Command::AddArticles(articles));
    while app.workspace.snapshot.is_none() || app.jobs.is_busy() {
        frame(&ctx, &mut app, Vec::new());
        std::thread::sleep(Duration::from_millis(20));
    }
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new());
    }
    (ctx, app)
}

/// The frames that matter, measured on `app` in the benchmark group `name`.
fn frames(c: &mut Criterion, name: &str, (ctx, mut app): (egui::Context, ParallaxApp)) {
    let mut group = c.benchmark_group(name);
    group.bench_function("steady", |b| {
        b.iter(|| frame(&ctx, black_box(&mut app), Vec::new()))
    });

    let mut toggle = false;
    group.bench_function("pointer moves to another sentence", |b| {
        b.iter(|| {
            toggle = !toggle;
            let y = if toggle { 320.0 } else { 520.0 };
            frame(&ctx, &mut app, vec![Event::PointerMoved(pos2(140.0, y))]);
        })
    });

    let mut down = false;
    group.bench_function("scroll with locked columns", |b| {
        b.iter(|| {
            down = !down;
            let delta = if down { -120.0 } else { 120.0 };
            frame(
                &ctx,
                &mut app,
                vec![
                    Event::PointerMoved(pos2(140.0, 400.0)),
                    Event::MouseWheel {
                        unit: MouseWheelUnit::Point,
                        delta: vec2(0.0, delta),
                        phase: egui::TouchPhase::Move,
                        source: egui::MouseWheelSource::Wheel,
                        modifiers: egui::Modifiers::NONE,
                    },
                ],
            );
        })
    });

    group.bench_function("first frame with the findings panel open", |b| {
        b.iter_custom(|iterations| {
            let mut drawing = Duration::ZERO;
            for _ in 0..iterations {
                app.push(Command::SetFindingsOpen(false));
                frame(&ctx, &mut app, Vec::new());
                frame(&ctx, &mut app, Vec::new());
                // The command is applied at the end of this frame; the next one draws the panel.
                app.push(Command::SetFindingsOpen(true));
                frame(&ctx, &mut app, Vec::new());
                let start = Instant::now();
                frame(&ctx, black_box(&mut app), Vec::new());
                drawing += start.elapsed();
            }
            drawing
        })
    });
    group.finish();
}

fn twenty_rewrites(c: &mut Criterion) {
    let app = app_with(synthetic::outlets(20, 3_000));
    frames(c, "ui frame, 20 articles of 3,000 words", app);
}

fn two_hundred_copies(c: &mut Criterion) {
    let app = app_with(syndicated::copies(200, 900));
    frames(c, "ui frame, 200 copies of a 900-word story", app);
}

criterion_group!(benches, twenty_rewrites, two_hundred_copies);
criterion_main!(benches);
