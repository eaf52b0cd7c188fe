//! File dialogs, kept behind a small trait so tests never open a system one. Where the system has
//! a dialog backend (the XDG desktop portal on the session bus, or `zenity` on `PATH`; always on
//! Windows and macOS) the native dialog (rfd) runs on its own thread, since it blocks the thread
//! that shows it. Without one rfd would answer "no file" at once, so [`SystemDialogs`] detects the
//! backend first and otherwise draws an in-app dialog ([`InAppDialogs`], egui_file). Either way the
//! answer comes back as a [`Message::Dialog`] through the app's job channel.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};
use std::time::Duration;

use super::jobs::Message;

/// How long the first dialog waits for the backend detection started at launch.
const DETECTION_WAIT: Duration = Duration::from_secs(2);

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
        &mut self,
        request: Request,
        folder: Option<PathBuf>,
        parent: Option<&eframe::Frame>,
        reply: Sender<Message>,
        ctx: egui::Context,
    );

    /// Draws a dialog that lives inside the window, once per frame (native ones draw nothing).
    fn ui(&mut self, _ctx: &egui::Context) {}
}

/// What shows the native dialogs on this system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The XDG desktop portal, on the session bus.
    DesktopPortal,
    /// The `zenity` program.
    Zenity,
    /// The operating system's own dialogs (Windows, macOS).
    Platform,
}

/// The dialog backend of this system, if it has one.
pub fn detect_backend() -> Option<Backend> {
    if !cfg!(target_os = "linux") {
        return Some(Backend::Platform);
    }
    choose_backend(
        desktop_portal_available(),
        std::env::var_os("PATH").as_deref(),
    )
}

/// The backend given whether the desktop portal answers and the program search path.
pub fn choose_backend(portal: bool, search_path: Option<&OsStr>) -> Option<Backend> {
    if portal {
        Some(Backend::DesktopPortal)
    } else if search_path.is_some_and(|path| has_program(path, "zenity")) {
        Some(Backend::Zenity)
    } else {
        None
    }
}

/// Whether an executable file named `program` is in one of `search_path`'s folders.
fn has_program(search_path: &OsStr, program: &str) -> bool {
    std::env::split_paths(search_path).any(|folder| is_executable(&folder.join(program)))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// Whether the session bus has the desktop portal running or can start it.
#[cfg(target_os = "linux")]
fn desktop_portal_available() -> bool {
    const PORTAL: &str = "org.freedesktop.portal.Desktop";
    let ask = async {
        let connection = zbus::Connection::session().await?;
        let bus = zbus::fdo::DBusProxy::new(&connection).await?;
        let name = zbus::names::BusName::try_from(PORTAL)?;
        if bus.name_has_owner(name).await? {
            return Ok(true);
        }
        let activatable = bus.list_activatable_names().await?;
        Ok::<bool, zbus::Error>(activatable.iter().any(|n| n.as_str() == PORTAL))
    };
    match pollster::block_on(ask) {
        Ok(found) => found,
        Err(e) => {
            log::info!("no desktop portal for file dialogs: {e}");
            false
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn desktop_portal_available() -> bool {
    false
}

/// The dialogs the app uses: native where the system has a backend, in-app otherwise. The
/// backend is detected on a thread from launch, so the first frame does not wait for D-Bus.
pub struct SystemDialogs {
    detection: Option<Receiver<Option<Backend>>>,
    backend: Option<Backend>,
    in_app: InAppDialogs,
}

impl SystemDialogs {
    /// Starts detecting the backend.
    pub fn new() -> Self {
        let (send, receive) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("parallax-dialog-backend".into())
            .spawn(move || {
                let _ = send.send(detect_backend());
            });
        if let Err(e) = &spawned {
            log::warn!("could not detect the file dialog backend ({e}); using the in-app dialog");
        }
        SystemDialogs {
            detection: spawned.ok().map(|_| receive),
            backend: None,
            in_app: InAppDialogs::default(),
        }
    }

    /// The detected backend (waiting for the detection the first time).
    fn backend(&mut self) -> Option<Backend> {
        if let Some(detection) = self.detection.take() {
            self.backend = detection.recv_timeout(DETECTION_WAIT).ok().flatten();
            match self.backend {
                Some(backend) => log::info!("file dialogs: {backend:?}"),
                None => log::info!("file dialogs: in-app (no desktop portal, no zenity)"),
            }
        }
        self.backend
    }
}

impl Default for SystemDialogs {
    fn default() -> Self {
        Self::new()
    }
}

impl Dialogs for SystemDialogs {
    fn show(
        &mut self,
        request: Request,
        folder: Option<PathBuf>,
        parent: Option<&eframe::Frame>,
        reply: Sender<Message>,
        ctx: egui::Context,
    ) {
        if self.backend().is_some() {
            NativeDialogs.show(request, folder, parent, reply, ctx);
        } else {
            self.in_app.show(request, folder, parent, reply, ctx);
        }
    }

    fn ui(&mut self, ctx: &egui::Context) {
        self.in_app.ui(ctx);
    }
}

/// A file dialog drawn inside the window (egui_file), for systems without a native one.
#[derive(Default)]
pub struct InAppDialogs {
    open: Option<InAppDialog>,
}

struct InAppDialog {
    request: Request,
    dialog: egui_file::FileDialog,
    reply: Sender<Message>,
}

impl Dialogs for InAppDialogs {
    fn show(
        &mut self,
        request: Request,
        folder: Option<PathBuf>,
        _parent: Option<&eframe::Frame>,
        reply: Sender<Message>,
        ctx: egui::Context,
    ) {
        let mut dialog = in_app_dialog(&request);
        if let Some(folder) = folder.filter(|f| f.is_dir()) {
            dialog = dialog.initial_path(folder);
        }
        dialog.open();
        if let Some(replaced) = self.open.replace(InAppDialog {
            request,
            dialog,
            reply,
        }) {
            let _ = replaced.reply.send(Message::Dialog(None));
        }
        ctx.request_repaint();
    }

    fn ui(&mut self, ctx: &egui::Context) {
        let Some(open) = &mut self.open else {
            return;
        };
        let choice = match open.dialog.show(ctx).state() {
            egui_file::State::Open => return,
            egui_file::State::Selected => chosen(&open.request, &open.dialog),
            egui_file::State::Cancelled | egui_file::State::Closed => None,
        };
        let _ = open.reply.send(Message::Dialog(choice));
        self.open = None;
        ctx.request_repaint();
    }
}

/// The in-app dialog for `request`: title, the files it lists, suggested name.
fn in_app_dialog(request: &Request) -> egui_file::FileDialog {
    let (dialog, title) = match request {
        Request::OpenArticles => (
            egui_file::FileDialog::open_file()
                .multi_select(true)
                .show_files_filter(Box::new(|path: &Path| {
                    has_extension(path, crate::article::folder::SUPPORTED_EXTENSIONS)
                })),
            "Open articles",
        ),
        Request::OpenFolder => (
            egui_file::FileDialog::select_folder(),
            "Open every article in a folder",
        ),
        Request::OpenSession => (
            egui_file::FileDialog::open_file()
                .show_files_filter(Box::new(|path: &Path| has_extension(path, &["json"]))),
            "Open comparison session",
        ),
        Request::SaveReport { file_name } => (
            egui_file::FileDialog::save_file().default_filename(file_name.clone()),
            "Save report (.html, .pdf, .md or .json)",
        ),
        Request::SaveSession { file_name } => (
            egui_file::FileDialog::save_file().default_filename(file_name.clone()),
            "Save comparison session",
        ),
    };
    dialog
        .title(title)
        .id(egui::Id::unique("parallax-file-dialog"))
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show_rename(false)
        .show_new_folder(false)
        .keep_on_top(true)
}

/// Whether `path`'s extension is one of `extensions` (any case).
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// What the user picked in a confirmed in-app dialog.
fn chosen(request: &Request, dialog: &egui_file::FileDialog) -> Option<Choice> {
    let picked = dialog.path().map(Path::to_path_buf);
    match request {
        Request::OpenArticles => {
            let mut paths: Vec<PathBuf> = dialog
                .selection()
                .into_iter()
                .map(Path::to_path_buf)
                .collect();
            if paths.is_empty() {
                paths.extend(picked);
            }
            (!paths.is_empty()).then_some(Choice::Articles(paths))
        }
        Request::OpenFolder => Some(Choice::Articles(vec![
            picked.unwrap_or_else(|| dialog.directory().to_path_buf()),
        ])),
        Request::OpenSession => picked.map(Choice::Session),
        Request::SaveReport { .. } => picked.map(Choice::ReportPath),
        Request::SaveSession { .. } => picked.map(Choice::SessionPath),
    }
}

/// The platform's native dialogs (XDG portal or zenity on Linux).
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
    fn show(
        &mut self,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portal_comes_first_then_zenity_on_the_path_then_none() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = std::env::join_paths([folder.path()]).expect("search path");
        assert_eq!(choose_backend(true, None), Some(Backend::DesktopPortal));
        assert_eq!(choose_backend(false, Some(&path)), None);
        let zenity = folder.path().join("zenity");
        std::fs::write(&zenity, "#!/bin/sh\n").expect("fake zenity");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Not executable: not a backend.
            assert_eq!(choose_backend(false, Some(&path)), None);
            std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o755))
                .expect("chmod");
        }
        assert_eq!(choose_backend(false, Some(&path)), Some(Backend::Zenity));
        assert_eq!(choose_backend(false, None), None);
    }

    #[test]
    fn the_in_app_dialog_lists_only_articles() {
        assert!(has_extension(
            Path::new("a/story.HTML"),
            crate::article::folder::SUPPORTED_EXTENSIONS
        ));
        assert!(!has_extension(
            Path::new("a/photo.jpg"),
            crate::article::folder::SUPPORTED_EXTENSIONS
        ));
        assert!(!has_extension(Path::new("a/README"), &["json"]));
    }
}
