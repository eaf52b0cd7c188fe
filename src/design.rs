//! Design tokens: the colour language, spacing and legend shared by the desktop app and the HTML
//! report, kept in one place so both always mean the same thing by the same colour.
//!
//! The palette is built on the Okabe–Ito colours, which stay distinct for the common forms of
//! colour blindness: shared text is tinted blue, darker the more articles carry it (a heat scale);
//! reworded text is amber; unique text is reddish purple. Within reworded sentences, removed words
//! are struck through in vermilion and added words underlined in bluish green, so the marks never
//! rely on colour alone.

use crate::compare::Status;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, for CSS.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.x): 0 for black, 1 for white.
    pub fn luminance(self) -> f32 {
        let channel = |c: u8| {
            let c = f32::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG contrast ratio with `other`, from 1 (none) to 21 (black on white).
    pub fn contrast(self, other: Rgb) -> f32 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Linear interpolation from `self` (t = 0) to `other` (t = 1).
    pub fn mix(self, other: Rgb, t: f32) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let lerp = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        Rgb(
            lerp(self.0, other.0),
            lerp(self.1, other.1),
            lerp(self.2, other.2),
        )
    }
}

/// The least contrast text may have with its background (WCAG AA for body text).
pub const MIN_TEXT_CONTRAST: f32 = 4.5;

/// The colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Page / column background.
    pub background: Rgb,
    /// Panels, headers, the side panel.
    pub panel: Rgb,
    /// Body text.
    pub text: Rgb,
    /// Secondary text (labels, counts).
    pub muted: Rgb,
    /// Thin lines between areas.
    pub border: Rgb,
    /// Tint of text shared by two articles (the light end of the heat scale).
    pub shared_few: Rgb,
    /// Tint of text shared by every article (the dark end of the heat scale).
    pub shared_all: Rgb,
    /// Tint of reworded sentences.
    pub reworded: Rgb,
    /// Tint of unique sentences.
    pub unique: Rgb,
    /// Removed words (struck through).
    pub deleted: Rgb,
    /// Added words (underlined).
    pub inserted: Rgb,
    /// The sentence in focus and its counterparts (outline, ribbons).
    pub focus: Rgb,
    /// Bar segment: identical share.
    pub bar_identical: Rgb,
    /// Bar segment: reworded share.
    pub bar_reworded: Rgb,
    /// Bar segment: unique share.
    pub bar_unique: Rgb,
}

/// The light theme.
pub const LIGHT: Palette = Palette {
    background: Rgb(0xfc, 0xfc, 0xfb),
    panel: Rgb(0xf1, 0xf1, 0xef),
    text: Rgb(0x1f, 0x23, 0x28),
    muted: Rgb(0x4d, 0x53, 0x5a),
    border: Rgb(0xd6, 0xd8, 0xdb),
    shared_few: Rgb(0xe3, 0xf1, 0xfb),
    shared_all: Rgb(0xb3, 0xd7, 0xf1),
    reworded: Rgb(0xfb, 0xe6, 0xb4),
    unique: Rgb(0xf4, 0xdc, 0xea),
    deleted: Rgb(0x95, 0x39, 0x00),
    inserted: Rgb(0x00, 0x66, 0x4b),
    focus: Rgb(0x00, 0x52, 0x7f),
    bar_identical: Rgb(0x00, 0x72, 0xb2),
    bar_reworded: Rgb(0xe6, 0x9f, 0x00),
    bar_unique: Rgb(0xcc, 0x79, 0xa7),
};

/// The dark theme.
pub const DARK: Palette = Palette {
    background: Rgb(0x1b, 0x1d, 0x21),
    panel: Rgb(0x24, 0x27, 0x2c),
    text: Rgb(0xe4, 0xe6, 0xe9),
    muted: Rgb(0xb0, 0xb6, 0xbe),
    border: Rgb(0x3a, 0x3f, 0x46),
    shared_few: Rgb(0x1d, 0x2d, 0x3b),
    shared_all: Rgb(0x17, 0x3a, 0x59),
    reworded: Rgb(0x45, 0x35, 0x0f),
    unique: Rgb(0x47, 0x28, 0x3c),
    deleted: Rgb(0xff, 0x8a, 0x4c),
    inserted: Rgb(0x4c, 0xd6, 0xa8),
    focus: Rgb(0x56, 0xb4, 0xe9),
    bar_identical: Rgb(0x56, 0xb4, 0xe9),
    bar_reworded: Rgb(0xe6, 0x9f, 0x00),
    bar_unique: Rgb(0xcc, 0x79, 0xa7),
};

impl Palette {
    /// The tint of text carried by `shared_by` of `total` articles (heat scale).
    pub fn shared_tint(&self, shared_by: usize, total: usize) -> Rgb {
        if total <= 2 {
            return self.shared_all;
        }
        let t = (shared_by.saturating_sub(2)) as f32 / (total - 2) as f32;
        self.shared_few.mix(self.shared_all, t)
    }

    /// The background tint of a sentence with `status`, shared by `shared_by` of `total`.
    pub fn sentence_tint(&self, status: Status, shared_by: usize, total: usize) -> Rgb {
        match status {
            Status::Identical => self.shared_tint(shared_by, total),
            Status::Reworded => self.reworded,
            Status::Unique => self.unique,
        }
    }
}

/// One entry of the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegendEntry {
    /// What is shown ("Shared", "Reworded", …).
    pub name: &'static str,
    /// What it means, in a sentence.
    pub meaning: &'static str,
}

/// The legend, in the order it is shown.
pub const LEGEND: &[LegendEntry] = &[
    LegendEntry {
        name: "Shared",
        meaning: "The same sentence in other articles; the darker the blue, the more articles carry it.",
    },
    LegendEntry {
        name: "Reworded",
        meaning: "The same sentence reused with words swapped, added or cut.",
    },
    LegendEntry {
        name: "Unique",
        meaning: "Found in no other article.",
    },
    LegendEntry {
        name: "Removed",
        meaning: "Words the counterpart has that this version cut (struck through).",
    },
    LegendEntry {
        name: "Added",
        meaning: "Words this version added or changed (underlined).",
    },
    LegendEntry {
        name: "Differs",
        meaning: "Words that differ where it is not known which version changed them \
                  (dashed underline, on both sides; the counterpart's words [in brackets]).",
    },
];

/// Spacing, in logical pixels (egui points; CSS px in the HTML report).
pub mod spacing {
    /// Inner margin of a column and of panels.
    pub const COLUMN_PADDING: f32 = 12.0;
    /// Gap between columns (room for ribbons).
    pub const COLUMN_GAP: f32 = 28.0;
    /// Gap between paragraphs.
    pub const PARAGRAPH_GAP: f32 = 10.0;
    /// Narrowest a column may get.
    pub const MIN_COLUMN_WIDTH: f32 = 260.0;
    /// Widest a column may get.
    pub const MAX_COLUMN_WIDTH: f32 = 560.0;
    /// Width of the overview strip beside each column.
    pub const OVERVIEW_WIDTH: f32 = 10.0;
    /// Rounding of tinted sentence backgrounds.
    pub const TINT_ROUNDING: f32 = 3.0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_scale_darkens_with_more_articles() {
        let few = LIGHT.shared_tint(2, 6);
        let all = LIGHT.shared_tint(6, 6);
        assert_eq!(few, LIGHT.shared_few);
        assert_eq!(all, LIGHT.shared_all);
        let mid = LIGHT.shared_tint(4, 6);
        assert!(mid.0 < few.0 && mid.0 > all.0);
    }

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        assert!((Rgb(0, 0, 0).contrast(Rgb(255, 255, 255)) - 21.0).abs() < 0.01);
        assert!((Rgb(0x77, 0x77, 0x77).contrast(Rgb(255, 255, 255)) - 4.48).abs() < 0.01);
        assert_eq!(Rgb(9, 9, 9).contrast(Rgb(9, 9, 9)), 1.0);
    }

    #[test]
    fn all_text_keeps_its_contrast_on_every_background_in_both_themes() {
        for (theme, p) in [("light", &LIGHT), ("dark", &DARK)] {
            let foregrounds = [
                ("text", p.text),
                ("muted (bylines, datelines, dimmed text)", p.muted),
                ("deleted (struck text)", p.deleted),
                ("inserted", p.inserted),
                ("focus (links)", p.focus),
            ];
            let mut backgrounds = vec![
                ("background", p.background),
                ("panel", p.panel),
                ("reworded", p.reworded),
                ("unique", p.unique),
            ];
            for shared_by in 2..=12 {
                backgrounds.push(("shared tint", p.shared_tint(shared_by, 12)));
            }
            for (fg_name, fg) in foregrounds {
                for (bg_name, bg) in &backgrounds {
                    let ratio = fg.contrast(*bg);
                    assert!(
                        ratio >= MIN_TEXT_CONTRAST,
                        "{theme}: {fg_name} {} on {bg_name} {} has contrast {ratio:.2}",
                        fg.hex(),
                        bg.hex()
                    );
                }
            }
        }
    }

    #[test]
    fn hex_is_css_ready() {
        assert_eq!(Rgb(0, 0x72, 0xb2).hex(), "#0072b2");
    }
}
