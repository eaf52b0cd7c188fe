//! Native file dialogs (rfd), kept behind a small trait so tests never open one. A dialog runs on
//! its own thread (rfd's dialogs block the thread that shows them) and its answer comes back as a
//! [`Message::Dialog`] through the app's job channel, so the UI never freezes.

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use super::jobs::Message;

/// What a dialog is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Pick article files to add.
    OpenArticles,
    /// Pick a folder whose articles to add.
    OpenFolder,
    /// Pick a session file to open.
    OpenSession,
    /// Choose where to save a report.
    SaveReport {
        /// The suggested file name.
        file_name: String,
    },
    /// Choose where to save the session.
    SaveSession {
        /// The suggested file name.
        file_name: String,
    },
}

/// What the user chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Files to add.
    Articles(Vec<PathBuf>),
    /// A session to open.
    Session(PathBuf),
    /// Where to write the report.
    ReportPath(PathBuf),
    /// Where to write the session.
    SessionPath(PathBuf),
}

impl Choice {
    /// The folder the choice was made in (remembered for the next dialog).
    pub fn folder(&self) -> Option<PathBuf> {
        let path = match self {
            Choice::Articles(paths) => paths.first()?,
            Choice::Session(p) | Choice::ReportPath(p) | Choice::SessionPath(p) => p,
        };
        path.parent().map(PathBuf::from)
    }
}

/// Shows file dialogs; the answer is sent to `reply`, followed by a repaint of `ctx`.
pub trait Dialogs {
    /// Opens a dialog for `request`, starting in `folder`, over `parent` when there is a window.
    fn show(
        &self,
        request: Request,
        folder: Option<PathBuf>,
        parent: Option<&eframe::Frame>,
        reply: Sender<Message>,
        ctx: egui::Context,
    );
}

/// The platform's native dialogs (XDG portal or zenity on Linux).
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
    fn show(
        &self,
        request: Request,
        folder: Option<PathBuf>,
        parent: Option<&eframe::Frame>,
        reply: Sender<Message>,
        ctx: egui::Context,
    ) {
        let mut dialog = rfd::FileDialog::new();
        if let Some(folder) = folder.filter(|f| f.is_dir()) {
            dialog = dialog.set_directory(folder);
        }
        if let Some(parent) = parent {
            dialog = dialog.set_parent(parent);
        }
        let dialog = configure(dialog, &request);
        let spawned = std::thread::Builder::new()
            .name("parallax-dialog".into())
            .spawn(move || {
                let choice = match request {
                    Request::OpenArticles => dialog.pick_files().map(Choice::Articles),
                    Request::OpenFolder => dialog.pick_folder().map(|f| Choice::Articles(vec![f])),
                    Request::OpenSession => dialog.pick_file().map(Choice::Session),
                    Request::SaveReport { .. } => dialog.save_file().map(Choice::ReportPath),
                    Request::SaveSession { .. } => dialog.save_file().map(Choice::SessionPath),
                };
                let _ = reply.send(Message::Dialog(choice));
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            log::error!("could not open a file dialog: {e}");
        }
    }
}

/// Title, filters and suggested name for each kind of dialog.
fn configure(dialog: rfd::FileDialog, request: &Request) -> rfd::FileDialog {
    match request {
        Request::OpenArticles => dialog
            .set_title("Open articles")
            .add_filter("Articles", crate::article::folder::SUPPORTED_EXTENSIONS)
            .add_filter("All files", &["*"]),
        Request::OpenFolder => dialog.set_title("Open every article in a folder"),
        Request::OpenSession => dialog
            .set_title("Open comparison session")
            .add_filter("Parallax sessions", &["json"])
            .add_filter("All files", &["*"]),
        Request::SaveReport { file_name } => dialog
            .set_title("Save report")
            .set_file_name(file_name)
            .add_filter("HTML report", &["html"])
            .add_filter("PDF report", &["pdf"])
            .add_filter("Markdown report", &["md"])
            .add_filter("JSON report", &["json"]),
        Request::SaveSession { file_name } => dialog
            .set_title("Save comparison session")
            .set_file_name(file_name)
            .add_filter("Parallax sessions", &["json"]),
    }
}
