//! What the app remembers between runs (settings, recent comparisons, the last folder, what was
//! open), kept apart from runtime parts such as jobs and open dialogs. Serialised by eframe's
//! persistence; every field has a default so older saves always load.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::theme::DEFAULT_TEXT_SIZE;
use crate::compare::Options;

/// The most recent comparisons remembered.
const MAX_RECENT: usize = 10;

/// Light, dark, or follow the system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Which sentences the view emphasises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Filter {
    /// Everything.
    #[default]
    All,
    /// Sentences carried word for word by other articles.
    Shared,
    /// Sentences reused with changed wording.
    Reworded,
    /// Sentences found in no other article.
    Unique,
}

impl Filter {
    /// Every filter, in toolbar order.
    pub const ALL: [Filter; 4] = [
        Filter::All,
        Filter::Shared,
        Filter::Reworded,
        Filter::Unique,
    ];

    /// Its name in the toolbar.
    pub fn name(self) -> &'static str {
        match self {
            Filter::All => "All",
            Filter::Shared => "Shared",
            Filter::Reworded => "Reworded",
            Filter::Unique => "Unique",
        }
    }
}

/// How wide the columns are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ColumnWidth {
    /// Comfortable reading width; more columns than fit scroll sideways.
    #[default]
    Normal,
    /// Narrower columns and gaps.
    Compact,
    /// Every column on screen at once, with smaller text and margins.
    FitAll,
}

impl ColumnWidth {
    /// Every width, in toolbar order.
    pub const ALL: [ColumnWidth; 3] = [
        ColumnWidth::Normal,
        ColumnWidth::Compact,
        ColumnWidth::FitAll,
    ];

    /// Its name in the toolbar.
    pub fn name(self) -> &'static str {
        match self {
            ColumnWidth::Normal => "Normal",
            ColumnWidth::Compact => "Compact",
            ColumnWidth::FitAll => "Fit all",
        }
    }
}

/// User settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Colour theme.
    pub theme: ThemeChoice,
    /// Size of article text, in points.
    pub text_size: f32,
    /// Comparison settings (threshold, normalisation).
    pub options: Options,
    /// Whether scrolling one column scrolls the others.
    pub lock_scroll: bool,
    /// Whether the findings panel is shown.
    pub findings_open: bool,
    /// How wide the columns are.
    pub column_width: ColumnWidth,
    /// How saved reports are made.
    pub report: ReportSettings,
}

/// How the app saves reports: the HTML report's "changes only" and the PDF's page size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ReportSettings {
    /// Leave out of the HTML and PDF reports the text two versions share word for word.
    pub changes_only: bool,
    /// Print the PDF report on US Letter pages (else A4).
    pub letter: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: ThemeChoice::System,
            text_size: DEFAULT_TEXT_SIZE,
            options: Options::default(),
            lock_scroll: true,
            findings_open: true,
            column_width: ColumnWidth::Normal,
            report: ReportSettings::default(),
        }
    }
}

/// An article source that can be opened again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// A file, with the label the user gave it.
    File {
        /// The file.
        path: PathBuf,
        /// Its outlet label.
        label: String,
    },
    /// The bundled sample comparison.
    Sample,
}

/// A comparison that can be reopened from the welcome screen or the File menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recent {
    /// Its articles, in column order.
    pub sources: Vec<Source>,
}

impl Recent {
    /// A one-line description ("Courier, Ledger, Post").
    pub fn title(&self) -> String {
        let names: Vec<String> = self
            .sources
            .iter()
            .map(|s| match s {
                Source::File { label, .. } => label.clone(),
                Source::Sample => "Sample comparison".to_owned(),
            })
            .collect();
        names.join(", ")
    }
}

/// Everything persisted between runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// User settings.
    pub settings: Settings,
    /// Recently compared sets of articles, newest first.
    pub recent: Vec<Recent>,
    /// The folder the last file dialog ended in.
    pub last_folder: Option<PathBuf>,
    /// What was open when the app was last closed (reopened on start).
    pub open: Option<Recent>,
}

impl State {
    /// Puts `recent` first in the recent list (once), keeping the list short.
    pub fn remember(&mut self, recent: Recent) {
        if recent.sources.is_empty() {
            return;
        }
        self.recent.retain(|r| *r != recent);
        self.recent.insert(0, recent);
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str) -> Source {
        Source::File {
            path: PathBuf::from(name),
            label: name.to_owned(),
        }
    }

    #[test]
    fn recent_list_moves_repeats_to_the_front_and_stays_short() {
        let mut state = State::default();
        for i in 0..15 {
            state.remember(Recent {
                sources: vec![file(&format!("{i}.txt"))],
            });
        }
        state.remember(Recent {
            sources: vec![file("9.txt")],
        });
        assert_eq!(state.recent.len(), MAX_RECENT);
        assert_eq!(state.recent[0].title(), "9.txt");
        assert_eq!(
            state.recent.iter().filter(|r| r.title() == "9.txt").count(),
            1
        );
    }

    #[test]
    fn old_or_partial_saves_load_with_defaults() {
        let state: State = serde_json::from_str(r#"{"settings":{"text_size":18.0}}"#).unwrap();
        assert_eq!(state.settings.text_size, 18.0);
        assert!(state.settings.lock_scroll);
        assert!(state.recent.is_empty());
    }
}
