//! Wire datelines at the start of a paragraph: "ANKARA, Turkey (AP) —", "ISTANBUL -",
//! "WASHINGTON (Reuters) -", "CAPE CANAVERAL, Fla. --", "LONDON, Feb 5 (Reuters) -",
//! "(Reuters) -", "Washington (CNN) —", "NEW DELHI:".
//!
//! The grammar: a place of one to four capitalised words, then up to two of ", Region" and
//! ", Feb 5", then an optional "(Agency)", then a separator (an em or en dash, "--", a hyphen after
//! a space or a bracket, or a colon), then either nothing or a new sentence (a capital, a digit or
//! an opening quote). The span returned ends after the separator.
//!
//! A dateline with an agency, or a place in capitals with a region or a date, is *strong* and is
//! accepted at the start of any paragraph. The weaker forms (a place in capitals alone, a place in
//! Title Case before a colon, or with a region) are accepted only early in the article (the
//! caller says when), only with text after them in their paragraph ("Steps:" or "NOTES:" alone is
//! a label), and never for labels ("UPDATE:", "Flashback:") or organisations ("NATO -"). A place
//! in Title Case alone before a dash is never a dateline.

use super::chars::{is_capital, is_opener};

/// The months, full and abbreviated, as datelines and date lines write them.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// First words of labels that look like a place before a colon or dash (compared ignoring
/// case, without a possessive "'s").
const LABELS: &[&str] = &[
    "advertisement",
    "analysis",
    "answer",
    "background",
    "breaking",
    "caption",
    "comment",
    "contact",
    "context",
    "correction",
    "credit",
    "details",
    "disclaimer",
    "disclosure",
    "editor",
    "editors",
    "email",
    "exclusive",
    "explainer",
    "fact",
    "factbox",
    "file",
    "flashback",
    "graphic",
    "image",
    "illustration",
    "interview",
    "listen",
    "live",
    "meanwhile",
    "more",
    "must",
    "note",
    "opinion",
    "photo",
    "picture",
    "promoted",
    "question",
    "read",
    "related",
    "reporting",
    "review",
    "see",
    "share",
    "source",
    "sources",
    "sponsored",
    "summary",
    "tags",
    "timeline",
    "topics",
    "transcript",
    "translation",
    "trending",
    "update",
    "updated",
    "video",
    "warning",
    "watch",
    "what",
    "why",
];

/// Organisations in capitals that open sentences the way a place opens a dateline.
const ORGANISATIONS: &[&str] = &[
    "AFP", "AP", "ASEAN", "BBC", "BRICS", "CIA", "CNN", "COVID", "DOJ", "EU", "FBI", "FIFA", "GOP",
    "ICC", "ICJ", "IDF", "IMF", "IOC", "IRS", "MLB", "NASA", "NATO", "NBA", "NFL", "NHL", "NHS",
    "NSA", "OECD", "OPEC", "SEC", "UEFA", "UK", "UN", "UNICEF", "UNRWA", "US", "USA", "WHO", "WTO",
];

/// Longest word read as part of a place or region.
const MAX_WORD_CHARS: usize = 30;

/// Longest agency name inside the brackets, in characters.
const MAX_AGENCY_CHARS: usize = 40;

/// Whether `word` (possibly followed by a period) names a month.
pub(super) fn is_month(word: &str) -> bool {
    MONTHS.contains(&word.strip_suffix('.').unwrap_or(word))
}

/// The length in bytes of the wire dateline that opens `paragraph` (separator included), if any.
/// `early` says whether the weaker forms are allowed here (no dateline yet, first paragraphs).
pub(super) fn find(paragraph: &str, early: bool) -> Option<usize> {
    let mut cursor = Cursor {
        text: paragraph,
        at: 0,
    };
    let dateline = cursor.dateline()?;
    let alone = cursor.rest().trim().is_empty();
    let accepted = dateline.is_strong(paragraph)
        || (early && dateline.is_acceptable_when_weak(paragraph, alone));
    accepted.then_some(cursor.at)
}

/// How a place is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// "ANKARA", "CAPE CANAVERAL".
    Capitals,
    /// "Ankara", "New York".
    Title,
}

/// The separator after a dateline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    Dash,
    Colon,
}

/// What a parsed dateline is made of.
struct Parts {
    /// The place's case, or `None` for an agency alone ("(Reuters) -").
    case: Option<Case>,
    /// The place's byte length from the start of the paragraph.
    place_len: usize,
    region: bool,
    date: bool,
    agency: bool,
    separator: Separator,
}

impl Parts {
    fn is_strong(&self, paragraph: &str) -> bool {
        self.agency
            || (self.case == Some(Case::Capitals)
                && (self.region || self.date)
                && !ORGANISATIONS.contains(&self.place(paragraph)))
    }

    fn place<'p>(&self, paragraph: &'p str) -> &'p str {
        paragraph.get(..self.place_len).unwrap_or_default()
    }

    /// Whether a weak dateline is believed; `alone` says whether nothing follows it in its
    /// paragraph (then it is a label such as "Steps:", not a place).
    fn is_acceptable_when_weak(&self, paragraph: &str, alone: bool) -> bool {
        let place = self.place(paragraph);
        let first_word = place.split(' ').next().unwrap_or_default();
        let first_word = first_word
            .strip_suffix("'S")
            .or_else(|| first_word.strip_suffix("'s"))
            .or_else(|| first_word.strip_suffix("’S"))
            .or_else(|| first_word.strip_suffix("’s"))
            .unwrap_or(first_word);
        let is_label = LABELS
            .iter()
            .any(|label| label.eq_ignore_ascii_case(first_word));
        let form_allowed = match self.case {
            Some(Case::Capitals) => {
                !ORGANISATIONS.contains(&place)
                    && place.chars().filter(|c| c.is_alphabetic()).count() >= 3
            }
            Some(Case::Title) => self.separator == Separator::Colon || self.region,
            None => false,
        };
        !alone && !is_label && form_allowed
    }
}

/// A position in the paragraph being parsed.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        self.text.get(self.at..).unwrap_or_default()
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn eat(&mut self, prefix: &str) -> bool {
        let found = self.rest().starts_with(prefix);
        if found {
            self.at += prefix.len();
        }
        found
    }

    /// Skips spaces and tabs (not line breaks); returns how many bytes.
    fn eat_spaces(&mut self) -> usize {
        let rest = self.rest();
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
        self.at += skipped;
        skipped
    }

    fn dateline(&mut self) -> Option<Parts> {
        if self.peek() == Some('(') {
            self.agency().then_some(())?;
            let separator = self.separator()?;
            return Some(Parts {
                case: None,
                place_len: 0,
                region: false,
                date: false,
                agency: true,
                separator,
            });
        }
        let case = self.place()?;
        let place_len = self.at;
        let (mut region, mut date) = (false, false);
        for _ in 0..2 {
            let before = self.at;
            if !self.eat(", ") {
                break;
            }
            if self.date() {
                date = true;
            } else if self.words(3).is_some() {
                region = true;
            } else {
                self.at = before;
                break;
            }
        }
        let before_agency = self.at;
        self.eat_spaces();
        let agency = self.agency();
        if !agency {
            self.at = before_agency;
        }
        let separator = self.separator()?;
        Some(Parts {
            case: Some(case),
            place_len,
            region,
            date,
            agency,
            separator,
        })
    }

    /// One to four words of a place: in capitals ("CAPE CANAVERAL"), or capitalised with
    /// perhaps some in capitals ("New York", "Washington D.C.").
    fn place(&mut self) -> Option<Case> {
        let case = self.word()?;
        for _ in 1..4 {
            let before = self.at;
            let next = if self.eat(" ") { self.word() } else { None };
            match (case, next) {
                (_, Some(Case::Capitals)) | (Case::Title, Some(Case::Title)) => {}
                _ => {
                    self.at = before;
                    break;
                }
            }
        }
        Some(case)
    }

    /// Up to `max` capitalised words separated by single spaces (a region: "Turkey", "Fla.",
    /// "United Kingdom"); `None` if there is none.
    fn words(&mut self, max: usize) -> Option<()> {
        self.word()?;
        for _ in 1..max {
            let before = self.at;
            if !(self.eat(" ") && self.word().is_some()) {
                self.at = before;
                break;
            }
        }
        Some(())
    }

    /// A word starting with a capital: letters, periods, apostrophes and hyphens.
    fn word(&mut self) -> Option<Case> {
        let rest = self.rest();
        if !rest.starts_with(char::is_uppercase) {
            return None;
        }
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')))
            .unwrap_or(rest.len());
        let word = rest.get(..len)?;
        if word.chars().count() > MAX_WORD_CHARS || word.ends_with('-') {
            return None;
        }
        self.at += len;
        Some(if word.chars().any(char::is_lowercase) {
            Case::Title
        } else {
            Case::Capitals
        })
    }

    /// "Feb 5", "Feb. 5", "February 5", "5 February".
    fn date(&mut self) -> bool {
        let before = self.at;
        let month_then_day = self.month() && self.eat(" ") && self.day();
        if month_then_day {
            return true;
        }
        self.at = before;
        let day_then_month = self.day() && self.eat(" ") && self.month();
        if !day_then_month {
            self.at = before;
        }
        day_then_month
    }

    fn month(&mut self) -> bool {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_ascii_alphabetic() || c == '.'))
            .unwrap_or(rest.len());
        let found = rest.get(..len).is_some_and(is_month);
        if found {
            self.at += len;
        }
        found
    }

    fn day(&mut self) -> bool {
        let rest = self.rest();
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let found = (1..=2).contains(&digits);
        if found {
            self.at += digits;
        }
        found
    }

    /// "(AP)", "(Reuters)", "(The Associated Press)".
    fn agency(&mut self) -> bool {
        let rest = self.rest();
        let Some(inside) = rest.strip_prefix('(') else {
            return false;
        };
        let Some(close) = inside
            .char_indices()
            .take(MAX_AGENCY_CHARS + 1)
            .find_map(|(index, c)| (c == ')').then_some(index))
        else {
            return false;
        };
        let name = inside.get(..close).unwrap_or_default();
        let plausible = name.starts_with(char::is_alphabetic)
            && name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '&' | '-' | '.' | '\''));
        if plausible {
            self.at += close + 2;
        }
        plausible
    }

    /// The separator and what follows it: nothing, or the start of a sentence.
    fn separator(&mut self) -> Option<Separator> {
        let after_bracket = self.text.get(..self.at).is_some_and(|s| s.ends_with(')'));
        let spaced = self.eat_spaces() > 0;
        let dash = self.eat("—")
            || self.eat("–")
            || self.eat("―")
            || self.eat("--")
            || ((spaced || after_bracket) && self.eat("-"));
        let separator = if dash {
            Separator::Dash
        } else if self.eat(":") {
            Separator::Colon
        } else {
            return None;
        };
        let rest = self.rest();
        let after_space = rest.trim_start();
        let next = after_space.trim_start_matches(is_opener).chars().next();
        let follows = match next {
            None => true,
            Some(c) if after_space.len() < rest.len() => is_capital(c) || c.is_numeric(),
            Some(c) => separator == Separator::Dash && c.is_uppercase(),
        };
        follows.then_some(separator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefix(paragraph: &str, early: bool) -> Option<&str> {
        find(paragraph, early).map(|len| &paragraph[..len])
    }

    #[test]
    fn strong_datelines_anywhere() {
        assert_eq!(
            prefix("ANKARA, Turkey (AP) — The", false),
            Some("ANKARA, Turkey (AP) —")
        );
        assert_eq!(
            prefix("WASHINGTON (Reuters) - Talks", false),
            Some("WASHINGTON (Reuters) -")
        );
        assert_eq!(
            prefix("CAPE CANAVERAL, Fla. -- A", false),
            Some("CAPE CANAVERAL, Fla. --")
        );
        assert_eq!(
            prefix("LONDON, Feb 5 (Reuters) - A", false),
            Some("LONDON, Feb 5 (Reuters) -")
        );
        assert_eq!(prefix("(Reuters) -Shares fell", false), Some("(Reuters) -"));
        assert_eq!(prefix("Lagos (CNN) — The", false), Some("Lagos (CNN) —"));
        assert_eq!(
            prefix("ST. LOUIS, Mo. (AP) — A", false),
            Some("ST. LOUIS, Mo. (AP) —")
        );
    }

    #[test]
    fn weak_datelines_only_early() {
        assert_eq!(prefix("ISTANBUL - At least", true), Some("ISTANBUL -"));
        assert_eq!(prefix("ISTANBUL - At least", false), None);
        assert_eq!(prefix("Karachi: The port", true), Some("Karachi:"));
        assert_eq!(prefix("New York : Crowds", true), Some("New York :"));
        assert_eq!(prefix("NEW YORK:", true), None);
        assert_eq!(prefix("LIMITATIONS:", true), None);
        assert_eq!(prefix("Steps:", true), None);
        assert_eq!(prefix("NEW DELHI: Rains", true), Some("NEW DELHI:"));
    }

    #[test]
    fn sentences_labels_and_organisations_are_not_datelines() {
        assert_eq!(prefix("US officials said on Monday", true), None);
        assert_eq!(prefix("NASA - the agency said", true), None);
        assert_eq!(prefix("NASA - The agency said", true), None);
        assert_eq!(prefix("Why it matters: The vote", true), None);
        assert_eq!(prefix("Flashback: In 2019", true), None);
        assert_eq!(prefix("UPDATE: Police say", true), None);
        assert_eq!(prefix("EDITOR'S NOTE: This story", true), None);
        assert_eq!(prefix("Ankara-based firms - The", true), None);
        assert_eq!(prefix("Mayor Lena Ortiz — who took office", true), None);
        assert_eq!(prefix("NATO, EU — The allies met", false), None);
        assert_eq!(prefix("FACT CHECK: The claim", true), None);
        assert_eq!(prefix("Lagos — The city", true), None);
        assert_eq!(
            prefix("The Associated Press (AP) — a news agency", true),
            None
        );
    }
}
