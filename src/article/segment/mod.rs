//! Sentence segmentation: splits an article's text into sentences and the other units of a news
//! page (headline, headings, byline, dateline, captions, list items), each a trimmed byte span into
//! the text, which is never rewritten.
//!
//! The work is done in passes, each owned by a submodule:
//! 1. `wrap` decides whether plain text is hard-wrapped, and at what width;
//! 2. `layout` cuts the text into paragraphs (at blank lines, list items, Markdown blocks and the
//!    line breaks that are not soft wraps), leaving list, heading and quote markers outside them;
//! 3. `roles` tells which paragraphs are a headline (the first short line without final
//!    punctuation, before any prose), a heading (a later short line in Title Case or capitals, or
//!    in sentence case between two paragraphs of prose), a byline, a photo caption or a date line;
//! 4. `dateline` splits a wire dateline ("ANKARA, Turkey (AP) —") off the start of a paragraph;
//! 5. `sentences` finds sentence boundaries in running text, with `abbreviations`.
//!
//! Every pass is linear in the length of the text and none allocates per character.

mod abbreviations;
mod chars;
mod dateline;
mod layout;
mod roles;
mod sentences;
mod wrap;

use super::{Format, Role, Sentence};
pub use chars::is_spaceless_script;
use chars::{has_alphanumeric, trimmed};
use layout::{Breaks, Kind, Paragraph};
use roles::Treatment;

/// Weak datelines ("ISTANBUL -", "Karachi:") are looked for only in this many first paragraphs of
/// prose.
const DATELINE_PARAGRAPHS: usize = 3;

/// Splits `text` into sentences and other units, in reading order.
///
/// The spans are non-empty, do not overlap, lie on char boundaries and have no leading or trailing
/// whitespace; a sentence hard-wrapped over several lines keeps its line breaks inside its span.
/// List markers, Markdown "#" and ">" markers, separator lines ("___") and any unit without a
/// letter or a digit are left out. Paragraph numbers start at 0 and increase by one from each
/// paragraph to the next; a dateline shares its paragraph with the sentences after it.
///
/// [`Format::Text`] may be hard-wrapped or have one paragraph per line (this is detected);
/// [`Format::Html`] and [`Format::Document`] are extracted text, one paragraph per line; [`Format::Markdown`]
/// joins lines as Markdown does and knows headings, lists and quotations.
pub fn segment(text: &str, format: Format) -> Vec<Sentence> {
    let breaks = match format {
        Format::Markdown => Breaks::Markdown,
        Format::Html | Format::Document => Breaks::EveryLine,
        Format::Text => {
            wrap::hard_wrap_width(text).map_or(Breaks::EveryLine, |width| Breaks::Wrapped { width })
        }
    };
    let mut writer = Writer::new(text);
    layout::for_each_paragraph(text, format, breaks, |paragraph| {
        writer.paragraph(paragraph)
    });
    let mut sentences = writer.sentences;
    mark_lone_headings(text, &mut sentences);
    sentences
}

/// Makes a heading of each paragraph of one short line of prose that stands between two
/// paragraphs of the story and is in sentence case without final punctuation ("Two critical
/// weeks") or leads in to what follows ("Here is what happens next:", not "The mayor said:"
/// before a quotation).
fn mark_lone_headings(text: &str, units: &mut [Sentence]) {
    let is_story = |u: &Sentence| matches!(u.role, Role::Body | Role::ListItem);
    for i in 1..units.len().saturating_sub(1) {
        let (before, unit, after) = (units[i - 1], units[i], units[i + 1]);
        let alone = before.paragraph != unit.paragraph && after.paragraph != unit.paragraph;
        if alone
            && unit.role == Role::Body
            && is_story(&before)
            && is_story(&after)
            && (roles::is_sentence_case_heading(&text[unit.range()])
                || roles::is_lead_in(&text[unit.range()], &text[after.range()]))
        {
            units[i].role = Role::Heading;
        }
    }
}

/// Turns paragraphs into units, keeping what the article has shown so far.
struct Writer<'a> {
    text: &'a str,
    sentences: Vec<Sentence>,
    /// The number of the paragraph being written, once it has a unit.
    current_paragraph: Option<usize>,
    /// How many paragraphs have units.
    paragraphs: usize,
    headline_seen: bool,
    /// Whether prose or a list item has been written (after which no headline comes).
    body_seen: bool,
    dateline_seen: bool,
    prose_paragraphs: usize,
}

impl<'a> Writer<'a> {
    fn new(text: &'a str) -> Self {
        Writer {
            text,
            sentences: Vec::new(),
            current_paragraph: None,
            paragraphs: 0,
            headline_seen: false,
            body_seen: false,
            dateline_seen: false,
            prose_paragraphs: 0,
        }
    }

    /// Writes the units of one paragraph.
    fn paragraph(&mut self, paragraph: Paragraph) {
        if !paragraph.continues_previous {
            self.current_paragraph = None;
        }
        let Some(unit) = self.text.get(paragraph.start..paragraph.end) else {
            return;
        };
        let dateline = self.wire_dateline(paragraph.kind, unit);
        let treatment = match dateline {
            Some(len) if unit.get(len..).is_none_or(|rest| rest.trim().is_empty()) => {
                Treatment::Prose
            }
            _ => roles::classify_paragraph(unit, paragraph.kind, self.headline_allowed()),
        };
        match treatment {
            Treatment::Whole(role) => self.push(paragraph.start, paragraph.end, role),
            Treatment::Sentences(role) => self.push_sentences(paragraph.start, paragraph.end, role),
            Treatment::Prose => self.push_prose(paragraph, dateline),
        }
        self.headline_seen |= treatment == Treatment::Whole(Role::Headline);
        self.body_seen |= matches!(
            treatment,
            Treatment::Prose | Treatment::Sentences(Role::ListItem)
        );
    }

    /// Whether the article's headline may still come: none yet, and no prose or list before.
    fn headline_allowed(&self) -> bool {
        !self.headline_seen && !self.body_seen
    }

    /// The length of the wire dateline opening `unit`, a paragraph of kind `kind`, if it has one.
    fn wire_dateline(&self, kind: Kind, unit: &str) -> Option<usize> {
        let early = !self.dateline_seen && self.prose_paragraphs < DATELINE_PARAGRAPHS;
        (kind == Kind::Prose)
            .then(|| dateline::find(unit, early))
            .flatten()
    }

    /// Writes a paragraph of prose: its dateline, if any, then its sentences.
    fn push_prose(&mut self, paragraph: Paragraph, dateline: Option<usize>) {
        let mut body_start = paragraph.start;
        if let Some(len) = dateline {
            self.push(paragraph.start, paragraph.start + len, Role::Dateline);
            body_start += len;
            self.dateline_seen = true;
        }
        self.push_sentences(body_start, paragraph.end, Role::Body);
        self.prose_paragraphs += 1;
    }

    /// Writes the sentences of `start..end`, all with `role`.
    fn push_sentences(&mut self, start: usize, end: usize, role: Role) {
        let text = self.text;
        sentences::for_each_sentence(text, start, end, |start, end| self.push(start, end, role));
    }

    /// Adds the span `start..end`, trimmed, unless it holds no letter or digit.
    fn push(&mut self, start: usize, end: usize, role: Role) {
        let Some((start, end)) = trimmed(self.text, start, end) else {
            return;
        };
        if !self.text.get(start..end).is_some_and(has_alphanumeric) {
            return;
        }
        let paragraph = match self.current_paragraph {
            Some(paragraph) => paragraph,
            None => {
                let paragraph = self.paragraphs;
                self.paragraphs += 1;
                self.current_paragraph = Some(paragraph);
                paragraph
            }
        };
        self.sentences.push(Sentence {
            start,
            end,
            paragraph,
            role,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The text of each unit.
    fn texts(input: &str, format: Format) -> Vec<&str> {
        segment(input, format)
            .iter()
            .map(|s| &input[s.range()])
            .collect()
    }

    /// The text and role of each unit.
    fn units(input: &str, format: Format) -> Vec<(&str, Role)> {
        segment(input, format)
            .iter()
            .map(|s| (&input[s.range()], s.role))
            .collect()
    }

    /// The paragraph number of each unit.
    fn paragraphs(input: &str, format: Format) -> Vec<usize> {
        segment(input, format).iter().map(|s| s.paragraph).collect()
    }

    /// The sentences of one paragraph of plain prose.
    fn split(input: &str) -> Vec<&str> {
        texts(input, Format::Html)
    }

    // ---- Sentence boundaries -------------------------------------------------------------

    #[test]
    fn plain_sentences_split_at_final_punctuation() {
        assert_eq!(
            split("The ferry left at noon. Nobody was aboard! Was it stolen? Police think so."),
            vec![
                "The ferry left at noon.",
                "Nobody was aboard!",
                "Was it stolen?",
                "Police think so."
            ]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            split(
                "Mr. Okafor met Mrs. Lind and Dr. Varga. Gen. Tamsin Roe, Gov. Ada Moss, Sen. Ira Vale and Rep. Lu Chen agreed. Lt. Col. Omar Diaz did not."
            ),
            vec![
                "Mr. Okafor met Mrs. Lind and Dr. Varga.",
                "Gen. Tamsin Roe, Gov. Ada Moss, Sen. Ira Vale and Rep. Lu Chen agreed.",
                "Lt. Col. Omar Diaz did not."
            ]
        );
    }

    #[test]
    fn saints_and_versus_do_not_end_a_sentence() {
        assert_eq!(
            split("The St. Anselm choir sang. It was Harlow vs. Denby in the final."),
            vec![
                "The St. Anselm choir sang.",
                "It was Harlow vs. Denby in the final."
            ]
        );
    }

    #[test]
    fn country_abbreviations_inside_a_sentence() {
        assert_eq!(
            split("U.S. officials and U.N. envoys met in the U.K. capital on Monday."),
            vec!["U.S. officials and U.N. envoys met in the U.K. capital on Monday."]
        );
    }

    #[test]
    fn sentence_final_abbreviation_before_a_common_starter() {
        assert_eq!(
            split(
                "The envoy arrived in the U.S. The next day she flew home. He stayed in the U.S. They did not."
            ),
            vec![
                "The envoy arrived in the U.S.",
                "The next day she flew home.",
                "He stayed in the U.S.",
                "They did not."
            ]
        );
    }

    #[test]
    fn abbreviation_before_a_proper_noun_is_not_a_boundary() {
        assert_eq!(
            split("The U.S. Navy said the Acme Corp. Board would meet."),
            vec!["The U.S. Navy said the Acme Corp. Board would meet."]
        );
    }

    #[test]
    fn months_and_numbers_after_abbreviations() {
        assert_eq!(
            split(
                "The riot of Jan. 6 and the raid of Oct. 7 were discussed. Item No. 3 was not. The vote was No. The rest abstained."
            ),
            vec![
                "The riot of Jan. 6 and the raid of Oct. 7 were discussed.",
                "Item No. 3 was not.",
                "The vote was No.",
                "The rest abstained."
            ]
        );
    }

    #[test]
    fn times_of_day() {
        assert_eq!(
            split("The launch is at 7:20 a.m. Wednesday. It slipped to 9 p.m. The crew waited."),
            vec![
                "The launch is at 7:20 a.m. Wednesday.",
                "It slipped to 9 p.m.",
                "The crew waited."
            ]
        );
    }

    #[test]
    fn company_suffixes() {
        assert_eq!(
            split(
                "Borrow Inc. and Tallis Ltd. merged with Quay Corp. last year. Shares rose at Quay Corp. But not for long."
            ),
            vec![
                "Borrow Inc. and Tallis Ltd. merged with Quay Corp. last year.",
                "Shares rose at Quay Corp.",
                "But not for long."
            ]
        );
    }

    #[test]
    fn etc_and_e_g() {
        assert_eq!(
            split(
                "They sold fish, bread, etc. on the pier. Some fruit, e.g. Mangoes, spoiled. Tools, nails, etc. The stall closed."
            ),
            vec![
                "They sold fish, bread, etc. on the pier.",
                "Some fruit, e.g. Mangoes, spoiled.",
                "Tools, nails, etc.",
                "The stall closed."
            ]
        );
    }

    #[test]
    fn initials_do_not_end_a_sentence() {
        assert_eq!(
            split("She read J. R. R. Tolkien and George W. Brandt. Then she slept."),
            vec![
                "She read J. R. R. Tolkien and George W. Brandt.",
                "Then she slept."
            ]
        );
        assert_eq!(
            split("The author, J. A. Mensah, spoke."),
            vec!["The author, J. A. Mensah, spoke."]
        );
    }

    #[test]
    fn numbers_stay_whole() {
        assert_eq!(
            split(
                "At least 32,070 people were counted. The fund grew 3.5% to $2.5 million, or 1.3 million euros. Vidal won 6-4, 6-3. 40 people watched."
            ),
            vec![
                "At least 32,070 people were counted.",
                "The fund grew 3.5% to $2.5 million, or 1.3 million euros.",
                "Vidal won 6-4, 6-3.",
                "40 people watched."
            ]
        );
    }

    #[test]
    fn quotes_that_end_a_sentence() {
        assert_eq!(
            split(
                "He said, \"It is over.\" She said, “Not yet.” They asked, 'Why?' He shouted, “Run!” Everyone ran."
            ),
            vec![
                "He said, \"It is over.\"",
                "She said, “Not yet.”",
                "They asked, 'Why?'",
                "He shouted, “Run!”",
                "Everyone ran."
            ]
        );
    }

    #[test]
    fn a_new_sentence_inside_a_quotation_is_split() {
        assert_eq!(
            split("\"We will rebuild. We will not leave,\" she said."),
            vec!["\"We will rebuild.", "We will not leave,\" she said."]
        );
        assert_eq!(
            split("“We will rebuild. We will not leave,” she said."),
            vec!["“We will rebuild.", "We will not leave,” she said."]
        );
    }

    #[test]
    fn a_question_in_quotes_followed_by_lowercase_is_one_sentence() {
        assert_eq!(
            split("\"Are you sure?\" she asked. “Really!” he said."),
            vec!["\"Are you sure?\" she asked.", "“Really!” he said."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split(
                "The talks… went nowhere. He paused... Then he left. We waited … Kessler never came."
            ),
            vec![
                "The talks… went nowhere.",
                "He paused...",
                "Then he left.",
                "We waited … Kessler never came."
            ]
        );
    }

    #[test]
    fn dashes_never_end_a_sentence() {
        assert_eq!(
            split(
                "The vote — held at night — passed. The mayor – not the council – signed it -- and left."
            ),
            vec![
                "The vote — held at night — passed.",
                "The mayor – not the council – signed it -- and left."
            ]
        );
    }

    #[test]
    fn urls_emails_and_decimals_are_not_split() {
        assert_eq!(
            split(
                "See www.harbour-news.example/story.html for more. Write to desk@harbour-news.example. The index fell 0.5 points."
            ),
            vec![
                "See www.harbour-news.example/story.html for more.",
                "Write to desk@harbour-news.example.",
                "The index fell 0.5 points."
            ]
        );
    }

    #[test]
    fn lowercase_after_a_period_is_not_a_boundary() {
        assert_eq!(
            split("The plan was approx. two years late. fine print followed."),
            vec!["The plan was approx. two years late. fine print followed."]
        );
    }

    #[test]
    fn cjk_full_stops() {
        assert_eq!(
            split("渡轮已经离港。没有人在船上！是被偷了吗？警方这样认为。"),
            vec![
                "渡轮已经离港。",
                "没有人在船上！",
                "是被偷了吗？",
                "警方这样认为。"
            ]
        );
        assert_eq!(
            split("「もう終わりだ。」彼は言った。"),
            vec!["「もう終わりだ。」", "彼は言った。"]
        );
    }

    #[test]
    fn cased_scripts_other_than_latin() {
        assert_eq!(
            split("Паром ушёл в полдень. На борту никого не было. Это кража? Полиция так думает."),
            vec![
                "Паром ушёл в полдень.",
                "На борту никого не было.",
                "Это кража?",
                "Полиция так думает."
            ]
        );
        assert_eq!(
            split("Το πλοίο έφυγε. Ποιος το πήρε; Κανείς δεν ξέρει."),
            vec!["Το πλοίο έφυγε.", "Ποιος το πήρε;", "Κανείς δεν ξέρει."]
        );
    }

    #[test]
    fn uncased_scripts_split_after_a_spaced_stop() {
        assert_eq!(
            split("नाव दोपहर को चली गई। कोई सवार नहीं था।"),
            vec!["नाव दोपहर को चली गई।", "कोई सवार नहीं था।"]
        );
    }

    #[test]
    fn a_line_without_final_punctuation_is_a_unit() {
        assert_eq!(
            texts(
                "The ferry left at noon.\nThe harbour was empty\nOfficials said nothing",
                Format::Text
            ),
            vec![
                "The ferry left at noon.",
                "The harbour was empty",
                "Officials said nothing"
            ]
        );
    }

    // ---- Line endings and whitespace -----------------------------------------------------

    #[test]
    fn crlf_line_endings() {
        let input = "Ferry Seized in Harbour\r\n\r\nThe ferry left. Police followed.\r\n\r\nNo one was hurt.\r\n";
        assert_eq!(
            units(input, Format::Text),
            vec![
                ("Ferry Seized in Harbour", Role::Headline),
                ("The ferry left.", Role::Body),
                ("Police followed.", Role::Body),
                ("No one was hurt.", Role::Body),
            ]
        );
        assert_eq!(paragraphs(input, Format::Text), vec![0, 1, 1, 2]);
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        assert_eq!(
            texts("First line here.\rSecond line here.\r", Format::Text),
            vec!["First line here.", "Second line here."]
        );
    }

    #[test]
    fn leading_whitespace_and_blank_lines_are_skipped() {
        let input = " \n\t \n   The ferry left.  \n\n\n  It sank.\n";
        assert_eq!(
            texts(input, Format::Text),
            vec!["The ferry left.", "It sank."]
        );
        assert_eq!(paragraphs(input, Format::Text), vec![0, 1]);
    }

    #[test]
    fn empty_and_blank_inputs_give_nothing() {
        for format in [Format::Text, Format::Markdown, Format::Html] {
            assert!(segment("", format).is_empty());
            assert!(segment(" \n\r\n\t\u{a0}\u{2003}", format).is_empty());
            assert!(segment("___\n* * *\n---", format).is_empty());
        }
    }

    // ---- Layout roles --------------------------------------------------------------------

    #[test]
    fn first_short_line_without_punctuation_is_the_headline() {
        assert_eq!(
            units(
                "Harbour strike ends after nine days\n\nDock workers returned on Monday.",
                Format::Text
            ),
            vec![
                ("Harbour strike ends after nine days", Role::Headline),
                ("Dock workers returned on Monday.", Role::Body),
            ]
        );
    }

    #[test]
    fn a_headline_is_one_unit_even_with_a_stop_inside() {
        assert_eq!(
            units(
                "Ferry sinks. Crew safe\n\nThe ferry sank at dawn.",
                Format::Html
            ),
            vec![
                ("Ferry sinks. Crew safe", Role::Headline),
                ("The ferry sank at dawn.", Role::Body)
            ]
        );
    }

    #[test]
    fn a_punctuated_first_line_is_not_a_headline() {
        assert_eq!(
            units(
                "Dock workers returned on Monday.\n\nHarbour Talks Resume",
                Format::Text
            ),
            vec![
                ("Dock workers returned on Monday.", Role::Body),
                ("Harbour Talks Resume", Role::Heading)
            ]
        );
    }

    #[test]
    fn headings_in_capitals_or_title_case_later_on() {
        let input = "Strike ends\n\nWorkers returned.\n\nWAGES STILL DISPUTED\n\nTalks go on.\n\nWhat Happens Next\n\nnothing is settled yet\n\nThe union is split";
        assert_eq!(
            units(input, Format::Text),
            vec![
                ("Strike ends", Role::Headline),
                ("Workers returned.", Role::Body),
                ("WAGES STILL DISPUTED", Role::Heading),
                ("Talks go on.", Role::Body),
                ("What Happens Next", Role::Heading),
                ("nothing is settled yet", Role::Body),
                ("The union is split", Role::Body),
            ]
        );
    }

    #[test]
    fn a_short_line_in_sentence_case_between_paragraphs_is_a_heading() {
        let input = "Strike ends\n\nWorkers returned.\n\nWhat comes next\n\nTalks go on.\n\n\
                     The union is split";
        assert_eq!(
            units(input, Format::Text),
            vec![
                ("Strike ends", Role::Headline),
                ("Workers returned.", Role::Body),
                ("What comes next", Role::Heading),
                ("Talks go on.", Role::Body),
                ("The union is split", Role::Body),
            ]
        );
    }

    #[test]
    fn a_short_line_leading_in_to_the_next_paragraphs_is_a_heading() {
        let input = "Strike ends\n\nWorkers returned.\n\nHere is what we know:\n\nTalks go on.\n\n\
                     The union leader said:\n\n\u{201c}We will be back.\u{201d}";
        assert_eq!(
            units(input, Format::Text),
            vec![
                ("Strike ends", Role::Headline),
                ("Workers returned.", Role::Body),
                ("Here is what we know:", Role::Heading),
                ("Talks go on.", Role::Body),
                ("The union leader said:", Role::Body),
                ("\u{201c}We will be back.\u{201d}", Role::Body),
            ]
        );
    }

    #[test]
    fn bylines() {
        let input = "Strike ends\nBy Amara Osei\nBY TOMAS LIND, Associated Press\nBy Wednesday, officials said the strike was over.\nIdris Bello, The Associated Press";
        assert_eq!(
            units(input, Format::Text),
            vec![
                ("Strike ends", Role::Headline),
                ("By Amara Osei", Role::Byline),
                ("BY TOMAS LIND, Associated Press", Role::Byline),
                (
                    "By Wednesday, officials said the strike was over.",
                    Role::Body
                ),
                ("Idris Bello, The Associated Press", Role::Byline),
            ]
        );
    }

    #[test]
    fn captions_and_photo_credits() {
        let input = "Cranes stand idle in the port. (AP Photo/Lena Ortiz)\n\
            Photo: Tomas Lind\n\
            Dock workers march on Monday. Idris Bello/Northwind via Getty Images\n\
            Image: A crane at dusk\n\
            File photo of the old pier\n\
            The photo was taken on Monday.";
        assert_eq!(
            units(input, Format::Text),
            vec![
                ("Cranes stand idle in the port.", Role::Caption),
                ("(AP Photo/Lena Ortiz)", Role::Caption),
                ("Photo: Tomas Lind", Role::Caption),
                ("Dock workers march on Monday.", Role::Caption),
                ("Idris Bello/Northwind via Getty Images", Role::Caption),
                ("Image: A crane at dusk", Role::Caption),
                ("File photo of the old pier", Role::Caption),
                ("The photo was taken on Monday.", Role::Body),
            ]
        );
    }

    #[test]
    fn date_lines_are_datelines() {
        assert_eq!(
            units(
                "Mar 4, 2025 - Business\nPosted March 4, 2025 9:15 am.\nStrike ends",
                Format::Text
            ),
            vec![
                ("Mar 4, 2025 - Business", Role::Dateline),
                ("Posted March 4, 2025 9:15 am.", Role::Dateline),
                ("Strike ends", Role::Headline),
            ]
        );
    }

    #[test]
    fn wire_datelines_with_agency_region_and_date() {
        let input = "ORAVIK, Norland (AP) — The port reopened. It was quiet.\n\n\
            PORT HALE (Reuters) - Shares fell.\n\n\
            CAPE MERROW, Fla. -- A rocket rose.\n\n\
            LONDON, Feb 5 (Reuters) - Oil slipped.";
        assert_eq!(
            units(input, Format::Text),
            vec![
                ("ORAVIK, Norland (AP) —", Role::Dateline),
                ("The port reopened.", Role::Body),
                ("It was quiet.", Role::Body),
                ("PORT HALE (Reuters) -", Role::Dateline),
                ("Shares fell.", Role::Body),
                ("CAPE MERROW, Fla. --", Role::Dateline),
                ("A rocket rose.", Role::Body),
                ("LONDON, Feb 5 (Reuters) -", Role::Dateline),
                ("Oil slipped.", Role::Body),
            ]
        );
        assert_eq!(
            paragraphs(input, Format::Text),
            vec![0, 0, 0, 1, 1, 2, 2, 3, 3]
        );
    }

    #[test]
    fn bare_place_dateline_at_the_start_of_the_story() {
        assert_eq!(
            units(
                "Quake hits coast\n\nVELMORA - At least 12 people died.",
                Format::Text
            ),
            vec![
                ("Quake hits coast", Role::Headline),
                ("VELMORA -", Role::Dateline),
                ("At least 12 people died.", Role::Body),
            ]
        );
        assert_eq!(
            units("Karvel: Rescuers dug through the night.", Format::Text),
            vec![
                ("Karvel:", Role::Dateline),
                ("Rescuers dug through the night.", Role::Body)
            ]
        );
    }

    #[test]
    fn sentence_openings_are_not_datelines() {
        let input = "US officials said the port was shut.\n\n\
            NASA - the agency - said nothing.\n\n\
            Why it matters: The port handles half the grain.\n\n\
            Rescuers worked. More came.\n\n\
            ORVALE - The mayor spoke late in the story.";
        assert!(
            units(input, Format::Text)
                .iter()
                .all(|&(_, role)| role == Role::Body)
        );
        assert_eq!(
            texts(input, Format::Text).last(),
            Some(&"ORVALE - The mayor spoke late in the story.")
        );
    }

    #[test]
    fn a_dateline_alone_on_its_line() {
        assert_eq!(
            units(
                "Storm nears\n\nTALMOR, Verland (AP) —\n\nThe storm turned north.",
                Format::Text
            ),
            vec![
                ("Storm nears", Role::Headline),
                ("TALMOR, Verland (AP) —", Role::Dateline),
                ("The storm turned north.", Role::Body),
            ]
        );
    }

    #[test]
    fn bullets_are_units_without_their_markers() {
        let input = "Key points:\n  • The port reopened. Ships queued.\n- Wages rose\n* Talks go on\n+ Nobody was hurt";
        assert_eq!(
            units(input, Format::Text),
            vec![
                ("Key points:", Role::Heading),
                ("The port reopened.", Role::ListItem),
                ("Ships queued.", Role::ListItem),
                ("Wages rose", Role::ListItem),
                ("Talks go on", Role::ListItem),
                ("Nobody was hurt", Role::ListItem),
            ]
        );
        assert_eq!(paragraphs(input, Format::Text), vec![0, 1, 1, 2, 3, 4]);
    }

    #[test]
    fn numbered_lists() {
        assert_eq!(
            units(
                "Steps:\n1. Close the gates.\n2) Call the harbour master\n10. Wait",
                Format::Text
            ),
            vec![
                ("Steps:", Role::Heading),
                ("Close the gates.", Role::ListItem),
                ("Call the harbour master", Role::ListItem),
                ("Wait", Role::ListItem),
            ]
        );
    }

    #[test]
    fn separator_lines_are_dropped_and_paragraphs_stay_consecutive() {
        let input = "The port reopened.\n\n___\n\n* * *\n\nLind reported from Oravik.";
        assert_eq!(
            texts(input, Format::Text),
            vec!["The port reopened.", "Lind reported from Oravik."]
        );
        assert_eq!(paragraphs(input, Format::Text), vec![0, 1]);
    }

    // ---- Hard-wrapped and non-wrapped text -----------------------------------------------

    const WRAPPED: &str = concat!(
        "Harbour strike ends\n",
        "By Amara Osei\n",
        "\n",
        "Dock workers in Oravik returned to the cranes on Monday after\n",
        "a nine-day strike that left more than forty ships waiting off\n",
        "the coast. The union said the deal raised wages by 6%.\n",
        "\n",
        "Managers said the backlog would take two weeks to clear, and\n",
        "that some cargo had been sent to other ports. Farmers, whose\n",
        "grain sat in the silos for the whole strike, said they had\n",
        "lost money.\n",
        "\n",
        "  • Ships will be unloaded in the order in which they arrived\n",
        "    at the harbour mouth.\n",
        "  • Night shifts resume on Friday.\n",
    );

    #[test]
    fn hard_wrapped_sentences_keep_their_line_breaks() {
        assert_eq!(
            units(WRAPPED, Format::Text),
            vec![
                ("Harbour strike ends", Role::Headline),
                ("By Amara Osei", Role::Byline),
                (
                    "Dock workers in Oravik returned to the cranes on Monday after\na nine-day strike that left more than forty ships waiting off\nthe coast.",
                    Role::Body
                ),
                ("The union said the deal raised wages by 6%.", Role::Body),
                (
                    "Managers said the backlog would take two weeks to clear, and\nthat some cargo had been sent to other ports.",
                    Role::Body
                ),
                (
                    "Farmers, whose\ngrain sat in the silos for the whole strike, said they had\nlost money.",
                    Role::Body
                ),
                (
                    "Ships will be unloaded in the order in which they arrived\n    at the harbour mouth.",
                    Role::ListItem
                ),
                ("Night shifts resume on Friday.", Role::ListItem),
            ]
        );
        assert_eq!(
            paragraphs(WRAPPED, Format::Text),
            vec![0, 1, 2, 2, 3, 3, 4, 5]
        );
    }

    #[test]
    fn wrapped_text_keeps_standalone_lines_after_full_lines() {
        let input = concat!(
            "Harbour workers in the northern port of Oravik end nine-day strike\n",
            "By Amara Osei\n",
            "ORAVIK, Norland (AP) — Dock workers returned to the cranes on\n",
            "Monday after a strike that left more than forty ships waiting\n",
            "off the coast of the island for more than a week and a half.\n",
            "WAGES STILL DISPUTED\n",
            "The union said the deal raised wages by six percent but left\n",
            "the question of night shifts for talks that begin in March.\n",
        );
        assert_eq!(
            units(input, Format::Text),
            vec![
                (
                    "Harbour workers in the northern port of Oravik end nine-day strike",
                    Role::Headline
                ),
                ("By Amara Osei", Role::Byline),
                ("ORAVIK, Norland (AP) —", Role::Dateline),
                (
                    "Dock workers returned to the cranes on\nMonday after a strike that left more than forty ships waiting\noff the coast of the island for more than a week and a half.",
                    Role::Body
                ),
                ("WAGES STILL DISPUTED", Role::Heading),
                (
                    "The union said the deal raised wages by six percent but left\nthe question of night shifts for talks that begin in March.",
                    Role::Body
                ),
            ]
        );
        assert_eq!(paragraphs(input, Format::Text), vec![0, 1, 2, 2, 3, 4]);
    }

    #[test]
    fn hard_wrapped_crlf_text() {
        let input = WRAPPED.replace('\n', "\r\n");
        let got = texts(&input, Format::Text);
        assert_eq!(got.len(), 8);
        assert_eq!(
            got[2],
            "Dock workers in Oravik returned to the cranes on Monday after\r\na nine-day strike that left more than forty ships waiting off\r\nthe coast."
        );
    }

    #[test]
    fn non_wrapped_text_ends_a_unit_at_every_line_break() {
        let input = "Strike ends\n\
            Dock workers in Oravik returned to the cranes on Monday after a nine-day strike that left forty ships waiting\n\
            The union said the deal raised wages by six percent, the first rise since the port was sold\n\
            Managers said the backlog would take two weeks to clear.";
        assert_eq!(
            units(input, Format::Text),
            vec![
                ("Strike ends", Role::Headline),
                (
                    "Dock workers in Oravik returned to the cranes on Monday after a nine-day strike that left forty ships waiting",
                    Role::Body
                ),
                (
                    "The union said the deal raised wages by six percent, the first rise since the port was sold",
                    Role::Body
                ),
                (
                    "Managers said the backlog would take two weeks to clear.",
                    Role::Body
                ),
            ]
        );
        assert_eq!(paragraphs(input, Format::Text), vec![0, 1, 2, 3]);
    }

    #[test]
    fn html_text_is_never_read_as_wrapped() {
        let input = "The port reopened on Monday after a strike that\nlasted nine days and left forty ships waiting off\nthe coast of the island.";
        assert_eq!(texts(input, Format::Html).len(), 3);
        assert_eq!(texts(input, Format::Text).len(), 1);
    }

    // ---- Markdown ------------------------------------------------------------------------

    #[test]
    fn markdown_headings_lists_and_soft_breaks() {
        let input = "# Harbour strike ends #\n\n\
            Dock workers returned on Monday\nafter nine days. Ships queued.\n\n\
            ## What Comes Next\n\n\
            - Night shifts resume.\n  They start on Friday.\n\
            1. Unload the grain\n";
        assert_eq!(
            units(input, Format::Markdown),
            vec![
                ("Harbour strike ends", Role::Headline),
                (
                    "Dock workers returned on Monday\nafter nine days.",
                    Role::Body
                ),
                ("Ships queued.", Role::Body),
                ("What Comes Next", Role::Heading),
                ("Night shifts resume.", Role::ListItem),
                ("They start on Friday.", Role::ListItem),
                ("Unload the grain", Role::ListItem),
            ]
        );
        assert_eq!(
            paragraphs(input, Format::Markdown),
            vec![0, 1, 1, 2, 3, 3, 4]
        );
    }

    #[test]
    fn markdown_quote_markers_stay_outside_spans() {
        let input = "The mayor wrote:\n\n> We will reopen the port. The strike\n> is over.\n\nShe signed it.";
        assert_eq!(
            texts(input, Format::Markdown),
            vec![
                "The mayor wrote:",
                "We will reopen the port.",
                "The strike",
                "is over.",
                "She signed it."
            ]
        );
        assert_eq!(paragraphs(input, Format::Markdown), vec![0, 1, 1, 1, 2]);
    }

    #[test]
    fn hash_lines_are_not_headings_in_plain_text() {
        assert_eq!(
            units("# not a heading here.", Format::Text),
            vec![("# not a heading here.", Role::Body)]
        );
    }

    // ---- Robustness ----------------------------------------------------------------------

    #[test]
    fn control_characters_and_odd_unicode_do_not_break_anything() {
        let input = "\u{0}\u{7}Ferry\u{1b}[0m left.\u{feff} Nobody\u{200b} saw it. Odd\u{301}.\u{2028}End \u{301}here.";
        assert_eq!(
            texts(input, Format::Text),
            vec![
                "\u{0}\u{7}Ferry\u{1b}[0m left.\u{feff} Nobody\u{200b} saw it.",
                "Odd\u{301}.",
                "End \u{301}here."
            ]
        );
    }

    #[test]
    fn a_huge_line_without_punctuation_is_one_unit() {
        let input = "word ".repeat(1_000_000);
        let got = segment(&input, Format::Text);
        assert_eq!(got.len(), 1);
        assert_eq!(got.first().map(|s| s.range()), Some(0..input.len() - 1));
    }

    #[test]
    fn pathological_punctuation_runs_finish() {
        for unit in [
            ". ",
            "... ",
            "?\" ",
            "A. ",
            "\u{3002}",
            "- ",
            "\n\n",
            "(AP) — ",
        ] {
            let input = unit.repeat(200_000);
            for format in [Format::Text, Format::Markdown, Format::Html] {
                assert_guarantees(&input, &segment(&input, format));
            }
        }
    }

    /// Checks the promises of [`segment`] on its output for `input`.
    fn assert_guarantees(input: &str, sentences: &[Sentence]) {
        let mut last_end = 0;
        let mut last_paragraph: Option<usize> = None;
        for s in sentences {
            assert!(s.start < s.end, "empty span {s:?}");
            assert!(s.start >= last_end, "overlap or disorder at {s:?}");
            let Some(span) = input.get(s.range()) else {
                panic!("span {s:?} is not on char boundaries");
            };
            assert_eq!(span, span.trim(), "span {s:?} is not trimmed");
            match last_paragraph {
                None => assert_eq!(s.paragraph, 0),
                Some(p) => assert!(
                    s.paragraph == p || s.paragraph == p + 1,
                    "paragraph jump at {s:?}"
                ),
            }
            last_end = s.end;
            last_paragraph = Some(s.paragraph);
        }
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("\r\n".to_string()),
            Just("\r".to_string()),
            Just(". ".to_string()),
            Just(".".to_string()),
            Just("\"".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("'".to_string()),
            Just("…".to_string()),
            Just("—".to_string()),
            Just("- ".to_string()),
            Just("• ".to_string()),
            Just("# ".to_string()),
            Just("> ".to_string()),
            Just("1. ".to_string()),
            Just("(AP) ".to_string()),
            Just("U.S.".to_string()),
            Just("By ".to_string()),
            Just("ANKARA, ".to_string()),
            Just("。".to_string()),
            Just("é".to_string()),
            Just("\u{a0}".to_string()),
            "[A-Za-z]{1,8}",
            "[0-9]{1,4}",
            any::<char>().prop_map(String::from),
        ]
    }

    fn article_like() -> impl Strategy<Value = String> {
        prop::collection::vec(fragment(), 0..120).prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn spans_keep_their_promises(input in article_like()) {
            for format in [Format::Text, Format::Markdown, Format::Html] {
                assert_guarantees(&input, &segment(&input, format));
            }
        }

        #[test]
        fn arbitrary_strings_keep_their_promises(input in any::<String>()) {
            for format in [Format::Text, Format::Markdown, Format::Html] {
                assert_guarantees(&input, &segment(&input, format));
            }
        }
    }
}
