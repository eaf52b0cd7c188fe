//! File ▸ Open address: a small window where a web address is typed or pasted, then opened like
//! a file (fetched in the background by the loading job).

use std::path::PathBuf;

use super::ParallaxApp;
use super::command::Command;
use crate::article::web::is_web_address;

/// The address being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressPrompt {
    /// The text of the field.
    pub text: String,
    /// Why the last attempt was refused.
    pub error: Option<String>,
    /// Whether the field has been given the keyboard focus.
    focused: bool,
}

/// The address in `text` if it is one web address and nothing else (surrounding space aside).
pub fn single_address(text: &str) -> Option<&str> {
    let text = text.trim();
    (!text.contains(char::is_whitespace) && is_web_address(std::path::Path::new(text)))
        .then_some(text)
}

/// Draws the window while it is open; Enter or "Open" opens the address, Esc or "Cancel" closes.
pub fn window(app: &mut ParallaxApp, ctx: &egui::Context) {
    let Some(prompt) = app.address.as_mut() else {
        return;
    };
    let mut open = true;
    let mut submitted = false;
    let mut cancelled = false;
    egui::Window::new("Open web address")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label("The article's address (http:// or https://):");
            let field = ui.add(
                egui::TextEdit::singleline(&mut prompt.text)
                    .hint_text("https://")
                    .desired_width(420.0),
            );
            if !prompt.focused {
                field.request_focus();
                prompt.focused = true;
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                submitted = true;
            }
            if field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                cancelled = true;
            }
            if let Some(error) = &prompt.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.horizontal(|ui| {
                submitted |= ui.button("Open").clicked();
                cancelled |= ui.button("Cancel").clicked();
            });
            ui.label(
                egui::RichText::new("Only this page is fetched, nothing it links to.")
                    .weak()
                    .small(),
            );
        });
    if submitted {
        match single_address(&prompt.text).map(PathBuf::from) {
            Some(path) => {
                app.address = None;
                app.push(Command::OpenFiles(vec![path]));
            }
            None => {
                prompt.error =
                    Some("Not a web address: it must start with http:// or https://".into());
            }
        }
    } else if cancelled || !open {
        app.address = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_lone_address_counts() {
        assert_eq!(
            single_address("  https://example.org/a?b=c \n"),
            Some("https://example.org/a?b=c")
        );
        assert_eq!(single_address("see https://example.org/a"), None);
        assert_eq!(single_address("example.org/a"), None);
        assert_eq!(single_address("The ferry sailed."), None);
    }
}
