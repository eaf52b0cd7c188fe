//! The app's look: the design tokens of [`crate::design`] turned into egui colours and styles for
//! the light and dark themes, and the fallback fonts that give every script real glyphs.

use egui::{
    Color32, FontData, FontFamily, FontId, FontInsert, FontPriority, InsertFontFamily, Stroke,
    TextStyle, Theme,
};

use crate::design::{DARK, LIGHT, Palette, Rgb};

/// Fallback fonts compiled into the binary (see `assets/fonts/README.md`).
const FALLBACK_FONTS: &[(&str, &[u8])] = &[
    (
        "dejavu-sans",
        include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
    ),
    (
        "droid-sans-fallback",
        include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf"),
    ),
    (
        "baekmuk-dotum",
        include_bytes!("../../assets/fonts/BaekmukDotum.ttf"),
    ),
    (
        "emoji-icon-font",
        include_bytes!("../../assets/fonts/emoji-icon-font.ttf"),
    ),
    (
        "noto-emoji",
        include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf"),
    ),
];

/// Default size of article text, in points.
pub const DEFAULT_TEXT_SIZE: f32 = 15.0;
/// Smallest and largest article text sizes.
pub const TEXT_SIZE_RANGE: std::ops::RangeInclusive<f32> = 10.0..=28.0;

/// An egui colour from a design token.
pub fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// The palette of the theme `ctx` currently shows.
pub fn palette(ctx: &egui::Context) -> &'static Palette {
    match ctx.theme() {
        Theme::Dark => &DARK,
        Theme::Light => &LIGHT,
    }
}

/// Installs fonts and both themes' styles. Call once, before the first frame.
pub fn install(ctx: &egui::Context) {
    install_fonts(ctx);
    ctx.style_mut_of(Theme::Light, |style| apply(style, &LIGHT));
    ctx.style_mut_of(Theme::Dark, |style| apply(style, &DARK));
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

fn install_fonts(ctx: &egui::Context) {
    for (name, bytes) in FALLBACK_FONTS {
        ctx.add_font(FontInsert::new(
            name,
            FontData::from_static(bytes),
            vec![
                InsertFontFamily {
                    family: FontFamily::Proportional,
                    priority: FontPriority::Lowest,
                },
                InsertFontFamily {
                    family: FontFamily::Monospace,
                    priority: FontPriority::Lowest,
                },
            ],
        ));
    }
}

fn apply(style: &mut egui::Style, p: &Palette) {
    let visuals = &mut style.visuals;
    visuals.panel_fill = color(p.panel);
    visuals.window_fill = color(p.panel);
    visuals.extreme_bg_color = color(p.background);
    visuals.faint_bg_color = color(p.panel);
    visuals.selection.bg_fill = color(p.focus).gamma_multiply(0.35);
    visuals.selection.stroke = Stroke::new(1.0, color(p.focus));
    visuals.hyperlink_color = color(p.focus);
    visuals.weak_text_color = Some(color(p.muted));
    visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.0, color(p.border));
    visuals.widgets.noninteractive.fg_stroke = Stroke::new(1.0, color(p.text));
    style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    style.spacing.button_padding = egui::vec2(8.0, 4.0);
    style
        .text_styles
        .insert(TextStyle::Body, FontId::proportional(14.0));
    style
        .text_styles
        .insert(TextStyle::Button, FontId::proportional(14.0));
    style
        .text_styles
        .insert(TextStyle::Small, FontId::proportional(11.5));
    style
        .text_styles
        .insert(TextStyle::Heading, FontId::proportional(19.0));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::MIN_TEXT_CONTRAST;

    fn rgb(c: Color32) -> Rgb {
        Rgb(c.r(), c.g(), c.b())
    }

    #[test]
    fn widget_text_keeps_its_contrast_in_both_themes() {
        let ctx = egui::Context::default();
        install(&ctx);
        for theme in [Theme::Light, Theme::Dark] {
            let visuals = ctx.style_of(theme).visuals.clone();
            let backgrounds = [
                ("panel", visuals.panel_fill),
                ("window", visuals.window_fill),
                ("text field", visuals.extreme_bg_color),
            ];
            let w = &visuals.widgets;
            let texts = [
                ("label", visuals.text_color()),
                ("weak label", visuals.weak_text_color()),
                ("link", visuals.hyperlink_color),
                ("button", w.inactive.text_color()),
            ];
            for (text_name, text) in texts {
                for (bg_name, bg) in backgrounds {
                    let ratio = rgb(text).contrast(rgb(bg));
                    assert!(
                        ratio >= MIN_TEXT_CONTRAST,
                        "{theme:?}: {text_name} on {bg_name}: {ratio:.2}"
                    );
                }
            }
            for (state, widget) in [("inactive", &w.inactive), ("hovered", &w.hovered)] {
                let ratio = rgb(widget.text_color()).contrast(rgb(widget.weak_bg_fill));
                assert!(
                    ratio >= MIN_TEXT_CONTRAST,
                    "{theme:?}: {state} button text on its fill: {ratio:.2}"
                );
            }
        }
    }

    #[test]
    fn every_script_the_issue_names_has_a_glyph() {
        let ctx = egui::Context::default();
        install(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let samples = [
            "Привет",
            "Καλημέρα",
            "שלום",
            "مرحبا",
            "你好",
            "こんにちは",
            "안녕하세요",
            "→ ✓ ▼ ⚠",
            // The in-app file dialog's icons.
            "📂 📁 💾 🗀 🗋 ⬆ ⟲",
        ];
        ctx.fonts_mut(|fonts| {
            for text in samples {
                for c in text.chars().filter(|c| !c.is_whitespace()) {
                    assert!(
                        fonts.has_glyph(&FontId::proportional(14.0), c),
                        "no glyph for {c:?} in {text}"
                    );
                }
            }
        });
    }
}
