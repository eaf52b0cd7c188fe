//! Background work: loading files, comparing, saving reports and sessions. Everything slow runs on
//! a worker thread and reports back over a channel the app drains once per frame; the UI thread
//! never waits. Loads and comparisons show their progress and can be cancelled (a cancelled
//! load's files never open), a comparison is superseded by a newer one, and a panic inside either
//! is caught and reported instead of taking the app down.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::dialogs::Choice;
use super::workspace::ArticleId;
use crate::article::batch::panic_message;
use crate::article::{Article, LoadCancelled, LoadError, LoadProgress, Loaded, load_all};
use crate::compare::{Cancelled, Comparison, Options, Progress, compare_with_progress};
use crate::session::{Session, SessionError};

/// What a worker thread sends back.
#[derive(Debug)]
pub enum Message {
    /// A batch of files finished loading (in the order asked), or stopped when cancelled.
    Loaded {
        /// The load it answers ([`RunningLoad::id`]).
        id: u64,
        /// The files and what became of each.
        outcome: Result<Vec<Loaded>, LoadCancelled>,
        /// Whether these were items dropped without a path (named, not files on disk).
        dropped: bool,
    },
    /// A comparison finished, failed or was cancelled.
    Compared {
        /// The workspace generation it was started for.
        generation: u64,
        /// The articles it covers, by id.
        ids: Vec<ArticleId>,
        /// The result.
        outcome: Result<Box<Comparison>, JobFailure>,
    },
    /// A report or session was written (or not).
    Saved {
        /// What was written ("report", "session").
        what: &'static str,
        /// Where.
        path: PathBuf,
        /// Why it failed, if it did.
        error: Option<String>,
    },
    /// A session file was read.
    SessionOpened {
        /// The session file.
        path: PathBuf,
        /// The session, or why it could not be read.
        result: Result<Session, SessionError>,
    },
    /// The user closed a file dialog (`None`: cancelled).
    Dialog(Option<Choice>),
}

/// Why a comparison produced no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobFailure {
    /// The user (or a newer comparison) cancelled it.
    Cancelled,
    /// It panicked; the message says where.
    Crashed(String),
    /// Its thread could not be started (the system is out of threads or memory).
    NotStarted,
}

/// Progress of the running comparison, shared with its thread.
#[derive(Debug)]
pub struct JobProgress {
    stage: Mutex<&'static str>,
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
    ctx: egui::Context,
}

impl JobProgress {
    fn new(ctx: egui::Context) -> Self {
        JobProgress {
            stage: Mutex::new("starting"),
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
            cancelled: AtomicBool::new(false),
            ctx,
        }
    }

    /// The current stage and the fraction of it done (0–1, if known).
    pub fn snapshot(&self) -> (&'static str, Option<f32>) {
        let stage = self.stage.lock().map_or("working", |s| *s);
        let total = self.total.load(Ordering::Relaxed);
        let fraction = (total > 0).then(|| self.done.load(Ordering::Relaxed) as f32 / total as f32);
        (stage, fraction)
    }

    /// Asks the comparison to stop.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

impl Progress for JobProgress {
    fn update(&self, stage: &'static str, done: usize, total: usize) {
        if let Ok(mut s) = self.stage.lock() {
            *s = stage;
        }
        self.done.store(done, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.ctx.request_repaint();
    }

    fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// The comparison in flight.
#[derive(Debug)]
pub struct RunningComparison {
    /// The workspace generation it is for.
    pub generation: u64,
    /// Its progress.
    pub progress: Arc<JobProgress>,
    /// When it started.
    pub started: Instant,
    /// How many articles it compares.
    pub articles: usize,
}

/// Files being loaded.
#[derive(Debug)]
pub struct RunningLoad {
    /// Which load this is; its [`Message::Loaded`] carries the same number.
    pub id: u64,
    /// How many files it reads.
    pub files: usize,
    /// How far it got, and the way to cancel it.
    pub progress: Arc<LoadProgress>,
}

/// The app's background work.
pub struct Jobs {
    sender: Sender<Message>,
    receiver: Receiver<Message>,
    ctx: egui::Context,
    /// The comparison in flight, if any.
    pub comparison: Option<RunningComparison>,
    /// The loads in flight, oldest first.
    pub loads: Vec<RunningLoad>,
    /// The number the next load gets.
    next_load: u64,
    /// How many save or session-open operations are in flight.
    pub busy: usize,
}

impl Jobs {
    /// Background work that wakes `ctx` when it reports.
    pub fn new(ctx: egui::Context) -> Self {
        let (sender, receiver) = channel();
        Jobs {
            sender,
            receiver,
            ctx,
            comparison: None,
            loads: Vec::new(),
            next_load: 0,
            busy: 0,
        }
    }

    /// A sender for results produced elsewhere (file dialogs).
    pub fn sender(&self) -> Sender<Message> {
        self.sender.clone()
    }

    /// The messages that arrived since the last call, less the answers of cancelled loads.
    pub fn poll(&mut self) -> Vec<Message> {
        let mut messages: Vec<Message> = self.receiver.try_iter().collect();
        messages.retain(|m| match m {
            Message::Loaded { id, outcome, .. } => self.finish_load(*id) && outcome.is_ok(),
            _ => true,
        });
        for m in &messages {
            match m {
                Message::Saved { .. } | Message::SessionOpened { .. } => {
                    self.busy = self.busy.saturating_sub(1);
                }
                Message::Compared { generation, .. } => {
                    if self
                        .comparison
                        .as_ref()
                        .is_some_and(|c| c.generation == *generation)
                    {
                        self.comparison = None;
                    }
                }
                Message::Loaded { .. } | Message::Dialog(_) => {}
            }
        }
        messages
    }

    /// Forgets the load `id`; whether it was still running (not cancelled).
    fn finish_load(&mut self, id: u64) -> bool {
        let running = self.loads.iter().any(|load| load.id == id);
        self.loads.retain(|load| load.id != id);
        running
    }

    /// Whether any background work is running.
    pub fn is_busy(&self) -> bool {
        self.busy > 0 || self.comparison.is_some() || !self.loads.is_empty()
    }

    /// Runs `work` on a thread of its own; `false` when the thread could not be started (the
    /// failure is logged, and the caller reports it).
    fn spawn(&self, name: &str, work: impl FnOnce(&Sender<Message>) + Send + 'static) -> bool {
        let sender = self.sender.clone();
        let ctx = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("parallax-{name}"))
            .spawn(move || {
                work(&sender);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => true,
            Err(e) => {
                log::error!("could not start a {name} thread: {e}");
                false
            }
        }
    }

    /// Like [`Jobs::spawn`] for load and save operations, counted in [`Jobs::busy`] while they
    /// run. When the thread cannot start, `failed` is sent in place of its result, so that the
    /// operation ends (with an error banner) instead of running forever.
    fn spawn_counted(
        &mut self,
        name: &str,
        failed: impl FnOnce() -> Message,
        work: impl FnOnce(&Sender<Message>) + Send + 'static,
    ) {
        self.busy += 1;
        if !self.spawn(name, work) {
            let _ = self.sender.send(failed());
        }
    }

    /// Loads `paths` in the background.
    pub fn load(&mut self, paths: Vec<PathBuf>) {
        let id = self.next_load;
        self.next_load += 1;
        let progress = Arc::new(LoadProgress::default());
        self.loads.push(RunningLoad {
            id,
            files: paths.len(),
            progress: Arc::clone(&progress),
        });
        let unloaded = paths.clone();
        let started = self.spawn("load", move |sender| {
            let outcome = load_all(&paths, &progress);
            let _ = sender.send(Message::Loaded {
                id,
                outcome,
                dropped: false,
            });
        });
        if !started {
            let failures = unloaded
                .into_iter()
                .map(|path| {
                    let error = LoadError::Unreadable {
                        path: path.clone(),
                        error: std::io::Error::other("the loading thread could not start"),
                    };
                    (path, Err(error))
                })
                .collect();
            let _ = self.sender.send(Message::Loaded {
                id,
                outcome: Ok(failures),
                dropped: false,
            });
        }
    }

    /// Reads items dropped on the window without a path (their bytes, e.g. from a browser) in
    /// the background, as a load: the Readability pass over a web page can take a second.
    pub fn load_dropped(&mut self, items: Vec<Vec<u8>>) {
        const NAME: &str = "dropped text";
        let id = self.next_load;
        self.next_load += 1;
        let progress = Arc::new(LoadProgress::default());
        self.loads.push(RunningLoad {
            id,
            files: items.len(),
            progress: Arc::clone(&progress),
        });
        let count = items.len();
        let started = self.spawn("load", move |sender| {
            let outcome = items
                .iter()
                .map(|bytes| {
                    let article =
                        catch_unwind(AssertUnwindSafe(|| crate::article::load_bytes(NAME, bytes)))
                            .unwrap_or_else(|panic| {
                                Err(LoadError::Unreadable {
                                    path: PathBuf::from(NAME),
                                    error: std::io::Error::other(panic_message(panic.as_ref())),
                                })
                            });
                    (PathBuf::from(NAME), article)
                })
                .collect();
            let _ = sender.send(Message::Loaded {
                id,
                outcome: Ok(outcome),
                dropped: true,
            });
        });
        if !started {
            let failures = (0..count)
                .map(|_| {
                    let error = LoadError::Unreadable {
                        path: PathBuf::from(NAME),
                        error: std::io::Error::other("the loading thread could not start"),
                    };
                    (PathBuf::from(NAME), Err(error))
                })
                .collect();
            let _ = self.sender.send(Message::Loaded {
                id,
                outcome: Ok(failures),
                dropped: true,
            });
        }
    }

    /// Cancels every load in flight: files not yet read are skipped, and none of them opens.
    pub fn cancel_loads(&mut self) {
        for load in self.loads.drain(..) {
            load.progress.cancel();
        }
    }

    /// Compares `articles` in the background, cancelling any comparison still running. When no
    /// thread can be started, a [`JobFailure::NotStarted`] result is sent at once.
    pub fn compare(
        &mut self,
        generation: u64,
        ids: Vec<ArticleId>,
        articles: Vec<Article>,
        options: Options,
    ) {
        self.cancel_comparison();
        let progress = Arc::new(JobProgress::new(self.ctx.clone()));
        self.comparison = Some(RunningComparison {
            generation,
            progress: Arc::clone(&progress),
            started: Instant::now(),
            articles: articles.len(),
        });
        let reply_ids = ids.clone();
        let started = self.spawn("compare", move |sender| {
            let outcome = match catch_unwind(AssertUnwindSafe(|| {
                compare_with_progress(articles, &options, &*progress)
            })) {
                Ok(Ok(comparison)) => Ok(Box::new(comparison)),

                Ok(Err(Cancelled)) => Err(JobFailure::Cancelled),
                Err(panic) => Err(JobFailure::Crashed(panic_message(panic.as_ref()))),
            };
            let _ = sender.send(Message::Compared {
                generation,
                ids: reply_ids,
                outcome,
            });
        });
        if !started {
            let _ = self.sender.send(Message::Compared {
                generation,
                ids,
                outcome: Err(JobFailure::NotStarted),
            });
        }
    }

    /// Cancels the running comparison, if any.
    pub fn cancel_comparison(&mut self) {
        if let Some(running) = self.comparison.take() {
            running.progress.cancel();
        }
    }

    /// Saves to `path` in the background with `save` (a report's or a session's own writer,
    /// which writes atomically and never over an open article).
    pub fn save(
        &mut self,
        what: &'static str,
        path: PathBuf,
        save: impl FnOnce(&Path) -> Result<(), String> + Send + 'static,
    ) {
        let failed_path = path.clone();
        let failed = move || Message::Saved {
            what,
            path: failed_path,
            error: Some("the saving thread could not start".to_owned()),
        };
        self.spawn_counted("save", failed, move |sender| {
            let error = catch_unwind(AssertUnwindSafe(|| save(&path)))
                .unwrap_or_else(|panic| Err(panic_message(panic.as_ref())))
                .err();
            let _ = sender.send(Message::Saved { what, path, error });
        });
    }

    /// Reads a session file in the background.
    pub fn open_session(&mut self, path: PathBuf) {
        let failed_path = path.clone();
        let failed = move || Message::SessionOpened {
            result: Err(SessionError::Read {
                path: failed_path.clone(),
                source: std::io::Error::other("the reading thread could not start"),
            }),
            path: failed_path,
        };
        self.spawn_counted("session", failed, move |sender| {
            let result = Session::open(&path);
            let _ = sender.send(Message::SessionOpened { path, result });
        });
    }
}
