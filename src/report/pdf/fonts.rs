//! The fonts the PDF report embeds (those of `assets/fonts`, compiled in) and how text is set in
//! them: each character in the first font that has it, each run shaped (so its width is what
//! the PDF will show, Arabic joining included).

use krilla::text::Font;

use super::PdfError;

/// Latin, Greek, Cyrillic, Hebrew, Arabic and symbols.
const DEJAVU: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
/// Chinese and Japanese.
const DROID: &[u8] = include_bytes!("../../../assets/fonts/DroidSansFallbackFull.ttf");
/// Korean.
const BAEKMUK: &[u8] = include_bytes!("../../../assets/fonts/BaekmukDotum.ttf");

/// One embedded font: for the PDF, and for shaping.
struct Face {
    pdf: Font,
    shaper: rustybuzz::Face<'static>,
}

/// The fonts, in fallback order.
pub struct Fonts {
    faces: Vec<Face>,
}

/// A stretch of text set in one font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Index of the font.
    pub font: usize,
}

impl Fonts {
    /// The embedded fonts.
    pub fn load() -> Result<Fonts, PdfError> {
        let faces = [
            ("DejaVuSans", DEJAVU),
            ("DroidSansFallbackFull", DROID),
            ("BaekmukDotum", BAEKMUK),
        ]
        .into_iter()
        .map(|(name, data)| {
            let pdf = Font::new(data.into(), 0).ok_or(PdfError::Font(name))?;
            let shaper = rustybuzz::Face::from_slice(data, 0).ok_or(PdfError::Font(name))?;
            Ok(Face { pdf, shaper })
        })
        .collect::<Result<Vec<_>, PdfError>>()?;
        Ok(Fonts { faces })
    }

    /// The PDF font `index`.
    pub fn pdf(&self, index: usize) -> Font {
        self.faces[index].pdf.clone()
    }

    /// `text` cut into runs of one font each: every character in the first font that has it
    /// (the first font when none has it), spaces and marks with the characters around them.
    pub fn runs(&self, text: &str) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for (i, ch) in text.char_indices() {
            let end = i + ch.len_utf8();
            let neutral = ch.is_whitespace() || ch.is_ascii_punctuation();
            match runs.last_mut() {
                Some(last) if neutral || self.has(last.font, ch) => last.end = end,
                _ => runs.push(Run {
                    start: i,
                    end,
                    font: self.font_for(ch),
                }),
            }
        }
        runs
    }

    fn has(&self, font: usize, ch: char) -> bool {
        self.faces[font].shaper.glyph_index(ch).is_some()
    }

    fn font_for(&self, ch: char) -> usize {
        (0..self.faces.len())
            .find(|&f| self.has(f, ch))
            .unwrap_or(0)
    }

    /// The width of `text` set at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.runs(text)
            .iter()
            .map(|run| self.run_width(&text[run.start..run.end], run.font, size))
            .sum()
    }

    /// The width of `text`, set in font `font` at `size` points.
    pub fn run_width(&self, text: &str, font: usize, size: f32) -> f32 {
        let face = &self.faces[font].shaper;
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        let shaped = rustybuzz::shape(face, &[], buffer);
        let advance: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        advance as f32 * size / face.units_per_em().max(1) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_script_is_set_in_a_font_that_has_it() {
        let fonts = Fonts::load().expect("the bundled fonts load");
        let text = "Пожар 火灾 화재 حريق";
        let runs = fonts.runs(text);
        let font_of = |word: &str| {
            let at = text.find(word).expect("word");
            runs.iter()
                .find(|r| r.start <= at && at < r.end)
                .map(|r| r.font)
        };
        assert_eq!(font_of("Пожар"), Some(0));
        assert_eq!(font_of("火灾"), Some(1));
        assert_eq!(font_of("화재"), Some(2));
        assert_eq!(font_of("حريق"), Some(0));
        assert!(fonts.width("wide words", 10.0) > fonts.width("wide", 10.0));
    }
}
