//! Input that belongs to the whole window rather than a widget: keyboard shortcuts, files dropped
//! on the window, and text pasted outside a text field.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::ParallaxApp;
use super::command::Command;
use super::theme::DEFAULT_TEXT_SIZE;

/// A keyboard shortcut and what it does, for the handler and the help window alike.
pub struct Shortcut {
    /// The keys.
    pub keys: KeyboardShortcut,
    /// What it does, in words.
    pub description: &'static str,
}

const fn shortcut(modifiers: Modifiers, key: Key, description: &'static str) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(modifiers, key),
        description,
    }
}

const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// Open articles.
pub const OPEN: Shortcut = shortcut(Modifiers::COMMAND, Key::O, "Open articles…");
/// Open a web address.
pub const OPEN_ADDRESS: Shortcut = shortcut(Modifiers::COMMAND, Key::L, "Open a web address…");
/// Save a report.
pub const SAVE_REPORT: Shortcut = shortcut(Modifiers::COMMAND, Key::S, "Save report…");
/// Save the session.
pub const SAVE_SESSION: Shortcut = shortcut(COMMAND_SHIFT, Key::S, "Save comparison session…");
/// Close the active article.
pub const CLOSE: Shortcut = shortcut(Modifiers::COMMAND, Key::W, "Close the active article");
/// Paste an article.
pub const PASTE: Shortcut = shortcut(COMMAND_SHIFT, Key::V, "Paste an article from the clipboard");
/// Find.
pub const FIND: Shortcut = shortcut(Modifiers::COMMAND, Key::F, "Find in all articles");
/// Next difference.
pub const NEXT: Shortcut = shortcut(Modifiers::NONE, Key::F7, "Next difference");
/// Previous difference.
pub const PREVIOUS: Shortcut = shortcut(Modifiers::SHIFT, Key::F7, "Previous difference");
/// Larger text.
pub const LARGER: Shortcut = shortcut(Modifiers::COMMAND, Key::Plus, "Larger text");
/// Larger text (the = key, where + needs Shift).
pub const LARGER_EQUALS: Shortcut = shortcut(Modifiers::COMMAND, Key::Equals, "Larger text");
/// Smaller text.
pub const SMALLER: Shortcut = shortcut(Modifiers::COMMAND, Key::Minus, "Smaller text");
/// Default text size.
pub const RESET_SIZE: Shortcut = shortcut(Modifiers::COMMAND, Key::Num0, "Default text size");

/// Scroll the columns one column left.
pub const COLUMN_LEFT: Shortcut =
    shortcut(Modifiers::NONE, Key::ArrowLeft, "Scroll the columns left");
/// Scroll the columns one column right.
pub const COLUMN_RIGHT: Shortcut =
    shortcut(Modifiers::NONE, Key::ArrowRight, "Scroll the columns right");
/// Scroll to the first column.
pub const FIRST_COLUMN: Shortcut = shortcut(Modifiers::NONE, Key::Home, "First column");
/// Scroll to the last column.
pub const LAST_COLUMN: Shortcut = shortcut(Modifiers::NONE, Key::End, "Last column");

/// The shortcuts listed in the help window, in order.
pub const HELP: &[&Shortcut] = &[
    &OPEN,
    &OPEN_ADDRESS,
    &PASTE,
    &SAVE_REPORT,
    &SAVE_SESSION,
    &CLOSE,
    &FIND,
    &NEXT,
    &PREVIOUS,
    &COLUMN_LEFT,
    &COLUMN_RIGHT,
    &FIRST_COLUMN,
    &LAST_COLUMN,
    &LARGER,
    &SMALLER,
    &RESET_SIZE,
];

/// Handles window-wide input for this frame.
pub fn handle_input(app: &mut ParallaxApp, ctx: &egui::Context) {
    shortcuts(app, ctx);
    dropped_files(app, ctx);
    pasted_text(app, ctx);
}

fn shortcuts(app: &mut ParallaxApp, ctx: &egui::Context) {
    // Shift variants first: matching ignores extra Shift.
    let typing = ctx.egui_wants_keyboard_input();
    let pressed = |s: &Shortcut| ctx.input_mut(|i| i.consume_shortcut(&s.keys));
    let size = app.state.settings.text_size;
    let table: [(&Shortcut, Option<Command>); 17] = [
        (&SAVE_SESSION, Some(Command::ShowSaveSessionDialog)),
        (&PASTE, Some(Command::PasteFromClipboard)),
        (&PREVIOUS, Some(Command::PreviousDifference)),
        (&OPEN, Some(Command::ShowOpenDialog)),
        (&OPEN_ADDRESS, Some(Command::ShowOpenAddress)),
        (&SAVE_REPORT, Some(Command::ShowSaveReportDialog)),
        (
            &CLOSE,
            app.view
                .active
                .or_else(|| app.workspace.entries.last().map(|e| e.id))
                .map(Command::Remove),
        ),
        (&FIND, Some(Command::ShowFind)),
        (&NEXT, Some(Command::NextDifference)),
        (&LARGER, Some(Command::SetTextSize(size + 1.0))),
        (&LARGER_EQUALS, Some(Command::SetTextSize(size + 1.0))),
        (&SMALLER, Some(Command::SetTextSize(size - 1.0))),
        (&RESET_SIZE, Some(Command::SetTextSize(DEFAULT_TEXT_SIZE))),
        (&COLUMN_LEFT, Some(Command::ScrollColumns(-1))),
        (&COLUMN_RIGHT, Some(Command::ScrollColumns(1))),
        (&FIRST_COLUMN, Some(Command::ScrollToEnd(false))),
        (&LAST_COLUMN, Some(Command::ScrollToEnd(true))),
    ];
    // Arrows, Home and End belong to a focused widget (a slider, a list) or an open dialog.
    let widget_focused = app.dialog_open || ctx.memory(|m| m.focused().is_some());
    let column_keys = [&COLUMN_LEFT, &COLUMN_RIGHT, &FIRST_COLUMN, &LAST_COLUMN];
    for (shortcut, command) in table {
        let editing_conflict = typing && shortcut.keys.conflicts_with_text_editing();
        let focus_conflict = widget_focused && column_keys.iter().any(|k| k.keys == shortcut.keys);
        if !editing_conflict
            && !focus_conflict
            && pressed(shortcut)
            && let Some(command) = command
        {
            app.push(command);
        }
    }
    // An open dialog (the in-app one) takes Esc itself.
    if !typing && !app.dialog_open && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
    {
        app.push(escape_command(app));
    }
}

/// What Esc does: close the topmost window or bar, else clear the focus.
fn escape_command(app: &ParallaxApp) -> Command {
    if app.settings_open {
        Command::SetSettingsOpen(false)
    } else if app.help_open {
        Command::SetHelpOpen(false)
    } else if app.view.find.open {
        Command::HideFind
    } else {
        Command::ClearFocus
    }
}

fn dropped_files(app: &mut ParallaxApp, ctx: &egui::Context) {
    let dropped = ctx.input(|i| i.raw.dropped_files.clone());
    if dropped.is_empty() {
        return;
    }
    let mut paths = Vec::new();
    let mut items = Vec::new();
    for file in dropped {
        let path = file.path().to_path_buf();
        if !path.as_os_str().is_empty() {
            paths.push(path);
            continue;
        }
        // Dropped without a path (e.g. from a browser): its bytes, decoded off the UI thread.
        match file.bytes() {
            Ok(bytes) => items.push(bytes),
            Err(e) => app.notice(format!("a dropped item could not be read: {e}"), true, None),
        }
    }
    if !paths.is_empty() {
        app.push(Command::OpenFiles(paths));
    }
    if !items.is_empty() {
        app.push(Command::LoadDropped(items));
    }
}

/// Ctrl+V outside a text field pastes the clipboard as a new article.
fn pasted_text(app: &mut ParallaxApp, ctx: &egui::Context) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    let pasted: Vec<String> = ctx.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Paste(text) => Some(text.clone()),
                _ => None,
            })
            .collect()
    });
    for text in pasted {
        app.push(Command::PasteText(text));
    }
}
