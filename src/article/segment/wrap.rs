//! The hard-wrap detector: tells text wrapped at a fixed width (e-mail, archive exports) from
//! text with one paragraph per line (copied from a browser), and estimates the width.
//!
//! Only line breaks between two non-blank lines of running text count (not those before a list
//! item, after a separator, or around a heading in capitals or a byline), and at least [`MIN_BREAKS`] of them
//! are needed. The width W is the 80th percentile of the lengths of the lines before those breaks,
//! and must be at least [`MIN_WIDTH`]. The text is wrapped when most of its lines are
//! short (at most [`MAX_WRAPPED_LINE`] characters) and at least half of those breaks are soft: the
//! line is full (the next line's first word would not have fitted, see [`super::layout::is_full`])
//! and does not end with sentence punctuation.

use crate::article::Format;

use super::layout::{Marker, Shape, is_full, lines, shape};

/// Lines of hard-wrapped text are at most this long (in characters), give or take a few.
const MAX_WRAPPED_LINE: usize = 100;

/// Wrap widths below this are not believed.
const MIN_WIDTH: usize = 40;

/// Fewer breaks than this tell nothing about a width.
const MIN_BREAKS: usize = 2;

/// Histogram buckets for line widths (widths are capped by the layout well below this).
const WIDTH_BUCKETS: usize = 257;

/// The wrap width of `text` when it is hard-wrapped, or `None`.
pub(super) fn hard_wrap_width(text: &str) -> Option<usize> {
    if !mostly_short_lines(text) {
        return None;
    }
    let mut histogram = [0usize; WIDTH_BUCKETS];
    let mut breaks = 0usize;
    for_each_break(text, |last, _| {
        breaks += 1;
        if let Some(bucket) = histogram.get_mut(last.width.min(WIDTH_BUCKETS - 1)) {
            *bucket += 1;
        }
    });
    if breaks < MIN_BREAKS {
        return None;
    }
    let width = percentile(&histogram, breaks, 80)?;
    if !(MIN_WIDTH..=MAX_WRAPPED_LINE + 20).contains(&width) {
        return None;
    }
    let mut soft = 0usize;
    for_each_break(text, |last, current| {
        soft += usize::from(is_full(last, current, width) && !last.ends_with_stop);
    });
    (soft * 2 >= breaks).then_some(width)
}

/// Whether most non-blank lines of `text` are at most [`MAX_WRAPPED_LINE`] characters long, by
/// the same measure as [`Shape::width`] but without shaping each line: the quick test that tells
/// most texts (one paragraph per line) apart before any closer look.
fn mostly_short_lines(text: &str) -> bool {
    let (mut short, mut seen) = (0usize, 0usize);
    for line in lines(text) {
        let Some(raw) = text.get(line.start..line.end) else {
            continue;
        };
        let measured = raw.trim_end();
        if measured.trim_start().is_empty() {
            continue;
        }
        seen += 1;
        // A character takes one to four bytes: only lines in between need counting.
        let is_short = measured.len() <= MAX_WRAPPED_LINE
            || (measured.len() <= 4 * MAX_WRAPPED_LINE
                && measured.chars().count() <= MAX_WRAPPED_LINE);
        short += usize::from(is_short);
    }
    short * 5 >= seen * 4
}

/// Calls `on_break` for each break between two lines of running text in the same block.
fn for_each_break(text: &str, mut on_break: impl FnMut(&Shape, &Shape)) {
    let mut last: Option<Shape> = None;
    for line in lines(text) {
        let current = shape(text, line, Format::Text);
        let current = current.filter(|s| s.marker != Marker::Separator);
        if let (Some(last), Some(current)) = (&last, &current)
            && current.marker == Marker::None
            && !last.stands_alone
            && !current.stands_alone
        {
            on_break(last, current);
        }
        last = current;
    }
}

/// The smallest width at or below which `percent` % of the `total` counted widths fall.
fn percentile(histogram: &[usize], total: usize, percent: usize) -> Option<usize> {
    let mut seen = 0;
    histogram.iter().position(|&count| {
        seen += count;
        seen * 100 >= total * percent
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRAPPED: &str = "The harbour authority in Porto Velha said on Monday that the\n\
        new ferry terminal would open in March, two years later than\n\
        planned. Officials blamed rising steel prices and a shortage\n\
        of welders for the delay.\n\
        \n\
        Residents have waited since 2019 for the terminal, which will\n\
        replace a wooden pier built in the 1950s. The mayor said the\n\
        city would cover part of the extra cost.\n";

    #[test]
    fn wrapped_prose_is_detected_with_its_width() {
        let width = hard_wrap_width(WRAPPED);
        assert!(matches!(width, Some(55..=64)), "{width:?}");
    }

    #[test]
    fn one_paragraph_per_line_is_not_wrapped() {
        let text = "Mayor opens terminal\n\
            The harbour authority in Porto Velha said on Monday that the new ferry terminal would open in March.\n\
            Residents have waited since 2019 for the terminal, which will replace a wooden pier built in the 1950s.\n";
        assert_eq!(hard_wrap_width(text), None);
    }

    #[test]
    fn short_punctuated_lines_are_not_wrapped() {
        let text = "The ferry is late.\nThe mayor is angry about it.\nThe welders went on strike.\nNobody knows when it will open.\n";
        assert_eq!(hard_wrap_width(text), None);
    }

    #[test]
    fn percentile_of_a_histogram() {
        assert_eq!(percentile(&[0, 1, 1, 1, 1, 1], 5, 80), Some(4));
        assert_eq!(percentile(&[0, 0], 0, 80), Some(0));
    }
}
