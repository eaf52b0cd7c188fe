//! Roles of whole paragraphs: which ones are a headline, a heading, a byline, a photo caption, a
//! date line or a list item rather than running prose, told by their wording and their shape
//! (length, final punctuation, capitalisation).

use crate::article::Role;

use super::abbreviations::classify;
use super::chars::{ends_with_stop, is_closer, is_opening_quote};
use super::dateline::is_month;
use super::layout::Kind;

/// Longest headline, in bytes and in words.
const MAX_HEADLINE_BYTES: usize = 250;
const MAX_HEADLINE_WORDS: usize = 30;

/// Longest section heading, in bytes and in words.
const MAX_HEADING_BYTES: usize = 120;
const MAX_HEADING_WORDS: usize = 14;
/// Longest section heading in sentence case, in words (longer lines without a period are more
/// likely prose that lost it).
const MAX_SENTENCE_CASE_HEADING_WORDS: usize = 8;

/// Longest byline, in bytes and in words.
const MAX_BYLINE_BYTES: usize = 200;
const MAX_BYLINE_WORDS: usize = 24;

/// Longest caption, in bytes.
const MAX_CAPTION_BYTES: usize = 700;

/// Longest date line ("Posted April 1, 2024 10:02 am."), in bytes and in words.
const MAX_DATE_LINE_BYTES: usize = 100;
const MAX_DATE_LINE_WORDS: usize = 14;

/// How a paragraph becomes units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Treatment {
    /// The whole paragraph is one unit with this role.
    Whole(Role),
    /// The paragraph is split into sentences, all with this role.
    Sentences(Role),
    /// Running prose: a wire dateline may open it, its sentences are [`Role::Body`].
    Prose,
}

/// How the paragraph `unit` (trimmed) of kind `kind` is treated; `headline_allowed` says whether
/// the article's headline may still come (nothing but headline material so far).
pub(super) fn classify_paragraph(unit: &str, kind: Kind, headline_allowed: bool) -> Treatment {
    let unit = without_emphasis(unit);
    match kind {
        Kind::Heading if headline_allowed => Treatment::Whole(Role::Headline),
        Kind::Heading | Kind::ListTitle => Treatment::Whole(Role::Heading),
        Kind::ListItem => Treatment::Sentences(Role::ListItem),
        Kind::Prose if is_byline(unit) => Treatment::Whole(Role::Byline),
        Kind::Prose if is_caption(unit) => Treatment::Sentences(Role::Caption),
        Kind::Prose if is_date_line(unit) => Treatment::Whole(Role::Dateline),
        Kind::Prose if headline_allowed && is_headline(unit) => Treatment::Whole(Role::Headline),
        Kind::Prose if is_heading(unit) => Treatment::Whole(Role::Heading),
        Kind::Prose => Treatment::Prose,
    }
}

/// `unit` without the Markdown emphasis marks around it ("*By Jane Doe*").
fn without_emphasis(unit: &str) -> &str {
    unit.trim_matches(['*', '_']).trim()
}

/// Whether `unit` ends the way a headline or heading does not: with final punctuation, a colon, a
/// semicolon or a comma, not counting the period of an abbreviation ("…talks in Washington, D.C."
/// has none).
fn ends_with_punctuation(unit: &str) -> bool {
    let bare = unit.trim_end_matches(is_closer);
    if bare.ends_with(',') {
        return true;
    }
    if !ends_with_stop(unit) {
        return false;
    }
    let Some(before_period) = bare.strip_suffix('.') else {
        return true;
    };
    let last_word = before_period
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    classify(last_word).is_none()
}

/// A short first line without final punctuation.
fn is_headline(unit: &str) -> bool {
    unit.len() <= MAX_HEADLINE_BYTES
        && unit.split_whitespace().nth(MAX_HEADLINE_WORDS).is_none()
        && unit.chars().any(char::is_alphabetic)
        && !ends_with_punctuation(unit)
}

/// A short line without final punctuation, in Title Case or in capitals.
fn is_heading(unit: &str) -> bool {
    unit.len() <= MAX_HEADING_BYTES
        && unit.split_whitespace().nth(MAX_HEADING_WORDS).is_none()
        && !ends_with_punctuation(unit)
        && (is_in_capitals(unit) || is_title_case(unit))
}

/// A short line in sentence case without final punctuation ("Two critical weeks"): a heading
/// where prose stands before and after it, a last line of prose that lost its period elsewhere.
pub(super) fn is_sentence_case_heading(unit: &str) -> bool {
    is_short_in_sentence_case(unit) && !ends_with_punctuation(unit)
}

/// Words that end a line leading in to more of the same clause ("Residents were told that:").
const RUN_ON_WORDS: &[&str] = &["as", "that", "to"];
/// Words that introduce what someone said ("The mayor said:", "She told reporters:",
/// "According to the ministry:"): a line with one leads in to speech, which stays story text.
const SPEECH_WORDS: &[&str] = &[
    "according",
    "added",
    "announced",
    "asked",
    "declared",
    "explained",
    "insisted",
    "noted",
    "replied",
    "said",
    "says",
    "stated",
    "tells",
    "told",
    "warned",
    "wrote",
];

/// A short line ending with a colon that introduces the paragraphs after it ("Here is what
/// happens next:"), a heading, unless it leads in to speech ("The mayor said:", or any line
/// before a quotation) or its clause runs on ("Residents were told that:").
pub(super) fn is_lead_in(unit: &str, next: &str) -> bool {
    let Some(lead) = unit.strip_suffix(':') else {
        return false;
    };
    let words: Vec<String> = lead.split_whitespace().map(str::to_lowercase).collect();
    let quotation_follows = next.starts_with(is_opening_quote);
    let speech = words.iter().any(|w| SPEECH_WORDS.contains(&w.as_str()));
    let runs_on = words
        .last()
        .is_some_and(|last| RUN_ON_WORDS.contains(&last.as_str()));
    is_short_in_sentence_case(lead)
        && !ends_with_punctuation(lead)
        && !quotation_follows
        && !speech
        && !runs_on
}

/// At most [`MAX_SENTENCE_CASE_HEADING_WORDS`] words, its first letter a capital.
fn is_short_in_sentence_case(unit: &str) -> bool {
    unit.len() <= MAX_HEADING_BYTES
        && unit
            .split_whitespace()
            .nth(MAX_SENTENCE_CASE_HEADING_WORDS)
            .is_none()
        && unit
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
}

/// No lowercase letter and at least two capitals.
fn is_in_capitals(unit: &str) -> bool {
    !unit.chars().any(char::is_lowercase) && unit.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Words that Title Case leaves in lowercase.
const MINOR_WORDS: &[&str] = &[
    "a", "amid", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
    "off", "on", "onto", "or", "out", "over", "per", "than", "the", "to", "up", "upon", "via",
    "vs", "with",
];

/// Every word capitalised except minor words after the first; at least one capitalised word.
fn is_title_case(unit: &str) -> bool {
    let mut capitalised = 0;
    for (index, word) in unit.split_whitespace().enumerate() {
        let Some(first) = word.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        if first.is_uppercase() {
            capitalised += 1;
        } else if index == 0
            || !MINOR_WORDS.contains(&word.trim_matches(|c: char| !c.is_alphabetic()))
        {
            return false;
        }
    }
    capitalised > 0
}

/// How bylines begin.
const BYLINE_PREFIXES: &[&str] = &[
    "By ",
    "BY ",
    "Reporting by ",
    "Written by ",
    "Words by ",
    "Story by ",
    "Text by ",
    "Additional reporting by ",
    "With reporting by ",
    "With additional reporting by ",
    "Writing by ",
    "Compiled by ",
    "Edited by ",
    "Editing by ",
];

/// Lowercase words a byline may contain besides names.
const BYLINE_WORDS: &[&str] = &[
    "a.m.",
    "additional",
    "al",
    "am",
    "and",
    "at",
    "bin",
    "by",
    "chief",
    "contributor",
    "correspondent",
    "correspondents",
    "da",
    "de",
    "del",
    "den",
    "der",
    "di",
    "du",
    "editing",
    "editor",
    "el",
    "for",
    "foreign",
    "from",
    "ibn",
    "in",
    "la",
    "le",
    "news",
    "of",
    "on",
    "p.m.",
    "pm",
    "political",
    "published",
    "reporter",
    "reporters",
    "reporting",
    "senior",
    "special",
    "staff",
    "the",
    "updated",
    "van",
    "via",
    "von",
    "with",
    "writer",
    "writers",
    "writing",
];

/// News agencies and wire services, as credit lines name them.
const NEWS_AGENCIES: &[&str] = &[
    "AAP",
    "AFP",
    "ANI",
    "AP",
    "Agence France-Presse",
    "Anadolu Agency",
    "Associated Press",
    "Bloomberg",
    "Canadian Press",
    "EFE",
    "IANS",
    "Kyodo",
    "PA",
    "PA Media",
    "PTI",
    "Press Association",
    "Press Trust of India",
    "Reuters",
    "TASS",
    "The Associated Press",
    "The Canadian Press",
    "UPI",
    "Xinhua",
    "Yonhap",
    "dpa",
];

/// "By Jane Doe", "By JANE DOE, Associated Press", "Reporting by …; Editing by …",
/// "Jane Doe, The Associated Press", or an agency's name alone.
pub(super) fn is_byline(unit: &str) -> bool {
    let unit = without_emphasis(unit);
    unit.len() <= MAX_BYLINE_BYTES
        && (NEWS_AGENCIES.contains(&unit) || is_by_credit(unit) || is_agency_credit(unit))
}

fn is_by_credit(unit: &str) -> bool {
    let Some(names) = BYLINE_PREFIXES
        .iter()
        .find_map(|prefix| unit.strip_prefix(prefix))
    else {
        return false;
    };
    names.starts_with(char::is_uppercase)
        && !unit.ends_with(['!', '?'])
        && unit.split_whitespace().nth(MAX_BYLINE_WORDS).is_none()
        && unit.split_whitespace().all(|word| {
            let bare = word.trim_matches(|c: char| matches!(c, ',' | ';' | '|' | '(' | ')'));
            !bare.starts_with(char::is_lowercase)
                || BYLINE_WORDS.contains(&bare)
                || BYLINE_WORDS.contains(&bare.trim_end_matches('.'))
        })
}

/// "Jane Doe, The Associated Press": two to four capitalised words, a comma, an agency.
fn is_agency_credit(unit: &str) -> bool {
    let Some((name, agency)) = unit.rsplit_once(',') else {
        return false;
    };
    let words = name.split_whitespace().count();
    NEWS_AGENCIES.contains(&agency.trim())
        && (2..=4).contains(&words)
        && name
            .split_whitespace()
            .all(|word| word.starts_with(char::is_uppercase))
}

/// How captions and photo credits begin.
const CAPTION_PREFIXES: &[&str] = &[
    "Caption:",
    "Credit:",
    "FILE -",
    "FILE –",
    "FILE —",
    "FILE:",
    "FILE PHOTO",
    "File photo",
    "Graphic:",
    "IMAGE:",
    "Illustration:",
    "Image:",
    "Images:",
    "PHOTO:",
    "Photo by ",
    "Photo credit",
    "Photo:",
    "Photograph:",
    "Photographs:",
    "Photos:",
    "Picture:",
    "Pictures:",
    "VIDEO:",
    "Video:",
];

/// Credits that mark a caption wherever they appear in it.
const CAPTION_MARKERS: &[&str] = &[
    "(AP Photo",
    "AP Photo/",
    "(AP Images",
    "(AFP Photo",
    "(AFP/",
    "AFP via Getty",
    "(EPA",
    "EPA-EFE/",
    "(File photo",
    "(FILE PHOTO",
    "(Getty",
    "/Getty Images",
    "Getty Images/",
    "via Getty Images",
    "(Image:",
    "(Image credit",
    "Image credit:",
    "Image: ",
    "(Photo",
    "Photo credit:",
    "Photo: ",
    "Photograph: ",
    "Photographer: ",
    "(Picture:",
    "Picture: ",
    "(Reuters/",
    "REUTERS/",
    "(Shutterstock",
    "/Shutterstock",
    "(Video:",
    "(Xinhua/",
];

/// A photo or video caption or credit.
fn is_caption(unit: &str) -> bool {
    unit.len() <= MAX_CAPTION_BYTES
        && (CAPTION_PREFIXES
            .iter()
            .any(|prefix| unit.starts_with(prefix))
            || (may_hold_credit(unit)
                && CAPTION_MARKERS.iter().any(|marker| unit.contains(marker))))
}

/// A quick test that every unit holding one of [`CAPTION_MARKERS`] passes (they all have a
/// bracket, a slash, a colon or "Getty"), so that most paragraphs skip the marker search.
fn may_hold_credit(unit: &str) -> bool {
    memchr::memchr3(b'(', b'/', b':', unit.as_bytes()).is_some() || unit.contains("Getty")
}

/// Words of a date line besides the date itself.
const DATE_LINE_WORDS: &[&str] = &[
    "AEDT",
    "AEST",
    "AM",
    "BST",
    "CDT",
    "CEST",
    "CET",
    "CST",
    "CT",
    "Date",
    "EDT",
    "EST",
    "ET",
    "First",
    "GMT",
    "IST",
    "JST",
    "Last",
    "Modified",
    "PDT",
    "PM",
    "PST",
    "PT",
    "Posted",
    "Published",
    "UTC",
    "Updated",
    "a.m",
    "am",
    "at",
    "on",
    "p.m",
    "pm",
    "published",
    "updated",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
];

/// A standalone date or time stamp: "Apr 3, 2024 - World", "Posted April 1, 2024 10:02 am.",
/// "2024-04-01". At most three other capitalised words (a section name) may come with it.
fn is_date_line(unit: &str) -> bool {
    if unit.len() > MAX_DATE_LINE_BYTES
        || unit.split_whitespace().nth(MAX_DATE_LINE_WORDS).is_some()
    {
        return false;
    }
    let mut has_date = false;
    let mut has_number = false;
    let mut other_words = 0;
    for token in unit.split_whitespace() {
        let word =
            token.trim_matches(|c: char| matches!(c, ',' | '.' | ':' | ';' | '(' | ')' | '|'));
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        if is_month(word) || WEEKDAYS.contains(&word) {
            has_date = true;
        } else if let Some(numeric_date) = numeric_token(word) {
            has_number = true;
            has_date |= numeric_date;
        } else if !DATE_LINE_WORDS.contains(&word) {
            if !word.starts_with(char::is_uppercase) || other_words == 3 {
                return false;
            }
            other_words += 1;
        }
    }
    has_date && has_number
}

/// For a number, a time or a numeric date ("10:02", "1st", "2024-04-01"): `Some(true)` when it is
/// a whole date, `Some(false)` otherwise; `None` when it is not numeric.
fn numeric_token(word: &str) -> Option<bool> {
    let bare = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    let numeric = bare.starts_with(|c: char| c.is_ascii_digit())
        && bare
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '.' | '-'));
    numeric.then(|| bare.matches(['-', '/']).count() == 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert!(is_byline("By Jane Doe"));
        assert!(is_byline("BY JANE DOE, Associated Press"));
        assert!(is_byline("By Amara Osei and Tomas Lind, staff writers"));
        assert!(is_byline(
            "Reporting by Amara Osei in Accra; Editing by Tomas Lind"
        ));
        assert!(is_byline("With reporting by Reuters"));
        assert!(is_byline(
            "Writing by Amara Osei; With additional reporting by Tomas Lind"
        ));
        assert!(is_byline("Lena Ortiz, The Associated Press"));
        assert!(is_byline("Reuters"));
        assert!(is_byline("*By Amara Osei* | March 4, 2025"));
        assert!(!is_byline(
            "By Wednesday, officials said the toll had risen."
        ));
        assert!(!is_byline("By the time rescuers arrived"));
    }

    #[test]
    fn captions() {
        assert!(is_caption(
            "Firefighters rest near the harbour. (AP Photo/Lena Ortiz)"
        ));
        assert!(is_caption("Photo: Tomas Lind/Getty Images"));
        assert!(is_caption("File photo of the old ferry pier"));
        assert!(!is_caption("The photo showed the ferry at dawn."));
    }

    #[test]
    fn every_caption_marker_passes_the_quick_test() {
        for marker in CAPTION_MARKERS {
            assert!(may_hold_credit(marker), "{marker}");
        }
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("Apr 3, 2024 - World"));
        assert!(is_date_line("Posted April 1, 2024 10:02 am."));
        assert!(is_date_line("Last Updated March 3, 2023 9:41 pm."));
        assert!(is_date_line("2024-04-01"));
        assert!(is_date_line("Friday, March 29, 2024"));
        assert!(!is_date_line("March 29 was the day the ferry sank"));
        assert!(!is_date_line("April"));
        assert!(!is_date_line("128"));
    }

    #[test]
    fn headings() {
        assert!(is_heading("HARBOUR TENSIONS RISING"));
        assert!(is_heading("A Long Wait for the Ferry"));
        assert!(is_heading("U.N. VOTE WAS ‘CYNICALLY BLOCKED’"));
        assert!(!is_heading("Go deeper"));
        assert!(!is_heading("the Long Wait"));
        assert!(!is_heading("HARBOUR TENSIONS RISE."));
    }

    #[test]
    fn lead_ins() {
        let next = "The ferry moves to the north landing in May.";
        assert!(is_lead_in("Here is what happens next:", next));
        assert!(is_lead_in("What we know so far:", next));
        assert!(!is_lead_in(
            "The harbour master said:",
            "\u{201c}We are ready.\u{201d}"
        ));
        assert!(!is_lead_in("Residents were told on Monday that:", next));
        assert!(!is_lead_in("The harbour master told reporters:", next));
        assert!(!is_lead_in("According to the harbour master:", next));
        assert!(!is_lead_in("Here is what happens next", next));
        assert!(!is_lead_in("here is what happens next:", next));
        assert!(!is_lead_in(
            "The council has set out what residents of the old town should expect:",
            next
        ));
    }

    #[test]
    fn sentence_case_headings() {
        assert!(is_sentence_case_heading("Two weeks of repairs"));
        assert!(!is_sentence_case_heading("two weeks of repairs"));
        assert!(!is_sentence_case_heading("Repairs will take two weeks."));
        assert!(!is_sentence_case_heading(
            "Repairs to the old pier will take two more weeks than planned"
        ));
    }

    #[test]
    fn abbreviation_periods_are_not_final_punctuation() {
        assert!(!ends_with_punctuation("Talks set for Washington, D.C."));
        assert!(ends_with_punctuation("The talks were set."));
        assert!(ends_with_punctuation("Is it over?”"));
        assert!(!ends_with_punctuation("Ferry delayed again"));
        assert!(ends_with_punctuation("Therefore,"));
    }
}
