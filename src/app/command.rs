//! Commands: everything the UI asks the app to do. Widgets never change the app's state
//! directly; they push a [`Command`], and the app applies the queue once per frame, after drawing.

use std::path::PathBuf;

use super::state::{ColumnWidth, Filter, Recent, ReportSettings, ThemeChoice};
use super::workspace::ArticleId;
use crate::article::Article;
use crate::compare::Options;

/// A sentence of an open article, as the view addresses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SentenceKey {
    /// The article.
    pub article: ArticleId,
    /// The sentence's index in that article.
    pub sentence: usize,
}

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show the native dialog to add articles.
    ShowOpenDialog,
    /// Load these files and add them.
    OpenFiles(Vec<PathBuf>),
    /// Show the native dialog to add every article in a folder.
    ShowOpenFolderDialog,
    /// Show the window to type a web address.
    ShowOpenAddress,
    /// Add articles already in memory (pasted, restored).
    AddArticles(Vec<Article>),
    /// Read items dropped without a path (their bytes) in the background and add them.
    LoadDropped(Vec<Vec<u8>>),
    /// Open the bundled sample comparison (replacing what is open).
    OpenSample,
    /// Reopen a recent comparison (replacing what is open).
    OpenRecent(Recent),
    /// Read the clipboard and add its text as an article.
    PasteFromClipboard,
    /// Add this text as a pasted article.
    PasteText(String),
    /// Close one article.
    Remove(ArticleId),
    /// Close every article.
    CloseAll,
    /// Move the column at `from` to position `to`.
    Move {
        /// Current position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// Start editing an article's label.
    StartRename(ArticleId),
    /// Give an article a new label.
    Rename(ArticleId, String),
    /// Show the native dialog to save a report.
    ShowSaveReportDialog,
    /// Show the native dialog to save the report as PDF.
    ShowSavePdfDialog,
    /// Write the report to this path (format from the extension).
    SaveReport(PathBuf),
    /// Show the native dialog to open a session.
    ShowOpenSessionDialog,
    /// Open this session file.
    OpenSession(PathBuf),
    /// Show the native dialog to save the session.
    ShowSaveSessionDialog,
    /// Save the session to this path.
    SaveSession(PathBuf),
    /// Open a file with the system's default application.
    OpenExternally(PathBuf),
    /// Compare again with these settings.
    SetOptions(Options),
    /// Stop the running comparison; it is not restarted until the articles or settings change or
    /// [`Command::CompareAgain`] asks for it.
    CancelJob,
    /// Run the comparison the user cancelled after all.
    CompareAgain,
    /// Stop loading the files being opened; none of them opens.
    CancelLoading,
    /// Focus a sentence: its counterparts light up and the other columns line up with it.
    Focus(SentenceKey),
    /// Clear the focus.
    ClearFocus,
    /// Go to the next reworded or unique passage.
    NextDifference,
    /// Go to the previous reworded or unique passage.
    PreviousDifference,
    /// Change the filter.
    SetFilter(Filter),
    /// Turn scroll locking on or off.
    SetLockScroll(bool),
    /// Show or hide the findings panel.
    SetFindingsOpen(bool),
    /// Change the theme.
    SetTheme(ThemeChoice),
    /// Change the article text size (points).
    SetTextSize(f32),
    /// Show or hide the settings window.
    SetSettingsOpen(bool),
    /// Show or hide the keyboard-shortcuts window.
    SetHelpOpen(bool),
    /// Open the find bar and put the cursor in it.
    ShowFind,
    /// Close the find bar.
    HideFind,
    /// Go to the next (or, with `false`, previous) match of the find bar.
    FindNext(bool),
    /// Pin a column at the left while the others scroll sideways, or unpin it.
    TogglePin(ArticleId),
    /// Scroll a column into view.
    RevealColumn(ArticleId),
    /// Scroll the columns sideways by this many columns (negative: left).
    ScrollColumns(i32),
    /// Scroll sideways to the first (`false`) or last (`true`) column.
    ScrollToEnd(bool),
    /// Change the columns' width.
    SetColumnWidth(ColumnWidth),
    /// Change how reports are saved ("changes only", paper size).
    SetReportSettings(ReportSettings),
    /// Dismiss the banner with this index.
    DismissBanner(usize),
}

/// The commands pushed during a frame.
#[derive(Debug, Default)]
pub struct CommandQueue {
    pending: Vec<Command>,
}

impl CommandQueue {
    /// Queues `command`.
    pub fn push(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// Takes every queued command, oldest first.
    pub fn drain(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.pending)
    }
}
