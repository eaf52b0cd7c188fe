//! Reading a figure as what it means: value (scale words and suffixes applied, "$2bn" = "$2
//! billion" = "US$2 billion", "a million" = "one million" = "1 million"), currency or unit,
//! qualifier ("more than", "about") and precision ("32,000" is rounded to the thousand), and
//! deciding whether two readings agree.
//!
//! Works on a sentence's lower-case normalised words, one per token (punctuation included).

use std::sync::LazyLock;

use crate::compare::normalize::is_group_space;
use crate::compare::{Bound, FastMap};

/// Scale words that multiply the figure before them.
const SCALES: &[(&str, f64)] = &[
    ("billion", 1e9),
    ("bn", 1e9),
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("million", 1e6),
    ("mln", 1e6),
    ("thousand", 1e3),
    ("trillion", 1e12),
];
/// Number words read as a figure when a scale word follows them ("one million", "a million",
/// "two billion"); on their own ("one of the issues", "two sides") they are not quantities.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("a", 1.0),
    ("an", 1.0),
    ("eight", 8.0),
    ("eighty", 80.0),
    ("fifty", 50.0),
    ("five", 5.0),
    ("forty", 40.0),
    ("four", 4.0),
    ("nine", 9.0),
    ("ninety", 90.0),
    ("one", 1.0),
    ("seven", 7.0),
    ("seventy", 70.0),
    ("six", 6.0),
    ("sixty", 60.0),
    ("ten", 10.0),
    ("thirty", 30.0),
    ("three", 3.0),
    ("twenty", 20.0),
    ("two", 2.0),
];
/// Number words read as a count when the word after them is what they count ("seven
/// passengers", "two others"): news style spells out small numbers. "One" is left out ("one of
/// them", "no one", "one day"), and a number word is no count before a function word ("three
/// to four"; a share, "five of the injured", counts what follows "of") or a mark
/// ("two-thirds", "seven-year-old"), nor after a word that refers to ones already known (see
/// [`REFERRING`]).
const COUNTING_WORDS: &[(&str, f64)] = &[
    ("eight", 8.0),
    ("eighteen", 18.0),
    ("eleven", 11.0),
    ("fifteen", 15.0),
    ("five", 5.0),
    ("four", 4.0),
    ("fourteen", 14.0),
    ("nine", 9.0),
    ("nineteen", 19.0),
    ("seven", 7.0),
    ("seventeen", 17.0),
    ("six", 6.0),
    ("sixteen", 16.0),
    ("ten", 10.0),
    ("thirteen", 13.0),
    ("three", 3.0),
    ("twelve", 12.0),
    ("twenty", 20.0),
    ("two", 2.0),
];
/// Ordinals written as words, from "first" to "nineteenth"; the tens' ordinals ("twentieth") and
/// those between ("twenty-first", keyed "twentyfirst") are read with the tens of
/// [`NUMBER_WORDS`].
const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
/// What an ordinal is read as: its own unit, so it is compared only with other ordinals ("the
/// fourth day" against "the fifth day"), never with a count.
pub(super) const ORDINAL: &str = "ordinal";
/// Words between "of" and what a share of it counts ("40 of the wooden supports", "five of the
/// injured").
pub(super) const PARTITIVE_DETERMINERS: &[&str] =
    &["the", "its", "their", "his", "her", "our", "these", "those"];
/// Words after which a number word is no count (see [`COUNTING_WORDS`]).
const NOT_COUNTED: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "than",
    "that", "the", "to", "with",
];
/// Words before a number word that refer to ones already known ("the two sides", "their three
/// children"), which it does not count anew.
const REFERRING: &[&str] = &[
    "all", "both", "her", "his", "its", "our", "the", "their", "these", "those",
];
/// Suffixes written onto a figure ("2bn", "1.3m", "5k") and the scale they stand for.
const SUFFIXES: &[(&str, f64)] = &[
    ("b", 1e9),
    ("bn", 1e9),
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("tn", 1e12),
    ("trn", 1e12),
];
/// Currency symbols, and the code of each when no country prefix says otherwise.
const SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("€", "EUR"),
];
/// Country prefixes of a dollar sign ("US$", "A$").
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("a", "AUD"),
    ("au", "AUD"),
    ("c", "CAD"),
    ("ca", "CAD"),
    ("hk", "HKD"),
    ("nz", "NZD"),
    ("s", "SGD"),
    ("us", "USD"),
];
/// Currency codes written as words, before or after the figure.
const CODES: &[&str] = &[
    "aud", "cad", "chf", "cny", "eur", "gbp", "hkd", "inr", "jpy", "nzd", "sgd", "usd",
];
/// The currencies figures are read in: [`CODES`] in capitals, in the same order.
const CURRENCIES: &[&str] = &[
    "AUD", "CAD", "CHF", "CNY", "EUR", "GBP", "HKD", "INR", "JPY", "NZD", "SGD", "USD",
];
/// Words after a figure that name its currency or unit, and the unit they stand for.
const UNIT_WORDS: &[(&str, &str)] = &[
    ("acres", "acres"),
    ("c", CELSIUS),
    ("celsius", CELSIUS),
    ("centigrade", CELSIUS),
    ("centimeters", "cm"),
    ("cm", "cm"),
    ("days", "days"),
    ("degrees", DEGREES),
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("f", FAHRENHEIT),
    ("fahrenheit", FAHRENHEIT),
    ("feet", "feet"),
    ("francs", "CHF"),
    ("ft", "feet"),
    ("gigawatts", "GW"),
    ("gw", "GW"),
    ("hectares", "hectares"),
    ("hours", "hours"),
    ("hrs", "hours"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("kilometers", "km"),
    ("kilowatts", "kW"),
    ("km", "km"),
    ("kph", "km/h"),
    ("kw", "kW"),
    ("megawatts", "MW"),
    ("meters", "m"),
    ("miles", "miles"),
    ("millimeters", "mm"),
    ("minutes", "minutes"),
    ("mins", "minutes"),
    ("mm", "mm"),
    ("months", "months"),
    ("mph", "mph"),
    ("mw", "MW"),
    ("percent", PERCENT),
    ("pounds", "GBP"),
    ("rupees", "INR"),
    ("tonnes", "tonnes"),
    ("tons", "tonnes"),
    ("weeks", "weeks"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("years", "years"),
    ("yrs", "years"),
];
/// The length of the longest word of [`UNIT_WORDS`] ("millimeters").
const LONGEST_UNIT_WORD: usize = 11;
/// The unit of a share given in hundredths, or as a fraction ("66 percent", "two-thirds").
pub(super) const PERCENT: &str = "percent";
/// The unit of a change in a percentage ("rose 0.3 percentage points"), never a percent.
const PERCENTAGE_POINTS: &str = "percentage points";
/// The unit of a change in a rate in hundredths of a percentage point ("50 basis points").
const BASIS_POINTS: &str = "basis points";
/// The unit of a temperature in degrees Celsius ("41C", "41°C", "41 degrees Celsius").
const CELSIUS: &str = "°C";
/// The unit of a temperature in degrees Fahrenheit ("106F", "106 degrees Fahrenheit").
const FAHRENHEIT: &str = "°F";
/// The unit of a reading in degrees on no scale named ("30 degrees"): a temperature in either
/// scale, or an angle.
const DEGREES: &str = "degrees";
/// Words of [`UNIT_WORDS`] that may be written onto a figure ("5km", "9.2GW", "41C"). No metre
/// ("5m" is five million) and no gram.
const GLUED_UNITS: &[&str] = &[
    "c", "cm", "f", "ft", "gw", "kg", "km", "kph", "kw", "mm", "mph", "mw",
];
/// How many "some" before a number share out rather than hedge ("some thirty, some sixty, some a
/// hundred").
const SHARES_OUT_AMONG: usize = 3;
/// Qualifiers before a figure, longest first, and the bound each sets.
const QUALIFIERS: &[(&[&str], Bound)] = &[
    (&["no", "more", "than"], Bound::AtMost),
    (&["not", "more", "than"], Bound::AtMost),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["not", "less", "than"], Bound::AtLeast),
    (&["not", "fewer", "than"], Bound::AtLeast),
    (&["as", "many", "as"], Bound::AtMost),
    (&["as", "much", "as"], Bound::AtMost),
    (&["more", "than"], Bound::AtLeast),
    (&["at", "least"], Bound::AtLeast),
    (&["no", "fewer", "than"], Bound::AtLeast),
    (&["upwards", "of"], Bound::AtLeast),
    (&["less", "than"], Bound::AtMost),
    (&["fewer", "than"], Bound::AtMost),
    (&["up", "to"], Bound::AtMost),
    (&["at", "most"], Bound::AtMost),
    (&["an", "estimated"], Bound::About),
    (&["over"], Bound::AtLeast),
    (&["above"], Bound::AtLeast),
    (&["under"], Bound::AtMost),
    (&["about"], Bound::About),
    (&["almost"], Bound::Nearly),
    (&["approximately"], Bound::About),
    (&["around"], Bound::About),
    (&["estimated"], Bound::About),
    (&["nearly"], Bound::Nearly),
    (&["roughly"], Bound::About),
    (&["some"], Bound::About),
];
/// Month names and abbreviations: a day of the month beside one is a date ("Oct. 7", "7
/// October"), not a quantity.
pub(super) const MONTHS: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "nov",
    "november",
    "oct",
    "october",
    "sep",
    "sept",
    "september",
];
/// The unit of an age ("54-year-old", "54 years old", "aged 54", "Daniel Okafor, 54,").
pub(super) const AGE: &str = "years old";
/// Endings that make a number written onto them an age ("54-year-old", keyed "54yearold").
const AGE_ENDINGS: &[&str] = &["yearold", "yearsold"];
/// The oldest age read from a number set off by commas after a name ("Daniel Okafor, 54,").
const MAX_AGE: f64 = 120.0;
/// Four-digit numbers read as years.
const YEARS: std::ops::RangeInclusive<f64> = 1800.0..=2100.0;
/// Half-width of the range an approximate figure covers, as a share of it.
const ABOUT_MARGIN: f64 = 0.1;
/// Rounding below this is not read as imprecision: "20" and "23" dead disagree.
const MIN_ROUNDING: f64 = 1000.0;
/// How far back (in tokens) a bracket may follow the figure a conversion belongs to.
const CONVERSION_REACH: usize = 5;

/// What a figure says.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The value, scale applied.
    pub value: f64,
    /// Currency code or unit, when given.
    pub unit: Option<&'static str>,
    /// The qualifier's bound.
    pub bound: Bound,
    /// The rounding the figure is written with (1e6 for "1 million", 1 for "23").
    pub precision: f64,
    /// First token of the figure's wording (qualifier and currency included).
    pub first: usize,
    /// Last token of the number itself (scale word included).
    pub last: usize,
    /// The second number of a pair joined by a dash ("6-3", "10-15"): a score or a range, one
    /// figure whose two numbers are compared together.
    pub second: Option<f64>,
    /// Whether the pair is a range said in words ("18 to 25", "between 200 and 300"), which a
    /// single figure may fall within or outside; a pair joined by a dash may be a score.
    pub range: bool,
}

/// The value of a number from 20 to 99 spelled out ("thirty", "thirty-one" keyed "thirtyone"),
/// in any case. As specific as its digits, it is read wherever they would be (a toll spelled
/// out at the start of a sentence, "Thirty-one people were killed"), unlike a small count.
pub(super) fn tens_value(word: &str) -> Option<f64> {
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    if !(5..=12).contains(&word.len()) || !b"efnst".contains(&first) {
        return None;
    }
    let word = word.to_ascii_lowercase();
    // The tens of the number words, each perhaps followed by a unit in the same word.
    let mut tens = NUMBER_WORDS.iter().filter(|(_, value)| *value >= 20.0);
    tens.find_map(|(ten, value)| {
        let unit = word.strip_prefix(ten)?;
        if unit.is_empty() {
            return Some(*value);
        }
        value_of_number_word(unit)
            .filter(|units| *units < 10.0)
            .map(|units| value + units)
    })
}

/// The value of a number word of [`NUMBER_WORDS`] other than the articles ("one", "forty").
pub(super) fn value_of_number_word(word: &str) -> Option<f64> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word && !matches!(word, "a" | "an"))
        .map(|(_, value)| *value)
}

/// Whether the number word at token `at` ends a longer number spelled out, which is not read
/// (part of it would be read as another number): it follows a number word or a scale word
/// ("one hundred forty-four thousand"), or "and" after one ("forty and two", "threescore and
/// sixteen").
fn ends_spelled_number(words: &[&str], at: usize) -> bool {
    let is_number_word = |word: &str| {
        value_of_number_word(word).is_some()
            || tens_value(word).is_some()
            || counting_value(word).is_some()
            || scale_word(word).is_some()
            || word.ends_with("score")
    };
    match at.checked_sub(1).map(|before| words[before]) {
        Some("and") => at >= 2 && is_number_word(words[at - 2]),
        Some(before) => is_number_word(before),
        None => false,
    }
}

/// Whether the figure at token `at` is a number from 20 to 99 spelled out before what it counts
/// ("thirty-one people"; see [`tens_value`]).
fn spelled_tens(words: &[&str], at: usize) -> Option<f64> {
    let value = tens_value(words[at])?;
    counts_a_word(words, at).then_some(value)
}

/// The value of an ordinal written out, in lower case ("fourth": 4, "twentieth": 20,
/// "twenty-first" keyed "twentyfirst": 21).
pub(super) fn ordinal_value(word: &str) -> Option<f64> {
    // Every ordinal written out, by its words run together: looked up for many words of the
    // findings ("twentieth" is "twenty" with its "y" turned to "ieth").
    static ORDINALS: LazyLock<FastMap<String, f64>> = LazyLock::new(|| {
        let mut ordinals = FastMap::default();
        for (i, ordinal) in ORDINAL_WORDS.iter().enumerate() {
            ordinals.insert((*ordinal).to_owned(), i as f64 + 1.0);
        }
        for (ten, value) in NUMBER_WORDS.iter().filter(|(_, value)| *value >= 20.0) {
            let tenth = format!("{}ieth", ten.trim_end_matches('y'));
            ordinals.entry(tenth).or_insert(*value);
            for (i, unit) in ORDINAL_WORDS.iter().take(9).enumerate() {
                ordinals
                    .entry(format!("{ten}{unit}"))
                    .or_insert(value + i as f64 + 1.0);
            }
        }
        ordinals
    });
    ORDINALS.get(word).copied()
}

/// Denominators of fractions written out ("two-thirds"), singular and plural.
const DENOMINATORS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// The value of a fraction written out, in lower case: "half", or a number word and a
/// denominator ("two-thirds", keyed "twothirds": 2/3; "three quarters" is two words, each read
/// on its own). A denominator alone other than "half" is no fraction: "third" and "quarter"
/// are also an ordinal and a period.
pub(super) fn fraction_value(word: &str) -> Option<f64> {
    if word == "half" {
        return Some(0.5);
    }
    DENOMINATORS.iter().find_map(|(denominator, value)| {
        let numerator = word.strip_suffix(denominator)?.trim_end_matches('-');
        Some(value_of_number_word(numerator)? / value)
    })
}

/// Whether a word, in any case, is a fraction written out ("Two-thirds", "half"; see
/// [`fraction_value`]), lower-cased only when it ends in a denominator: most words read are not.
pub(super) fn is_fraction_word(word: &str) -> bool {
    let ends_in = |suffix: &str| {
        word.len() >= suffix.len()
            && word.is_char_boundary(word.len() - suffix.len())
            && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    DENOMINATORS
        .iter()
        .any(|(denominator, _)| ends_in(denominator))
        && fraction_value(&word.to_lowercase()).is_some()
}

/// The value of a share written in two words before "of", from its first word: "a third of",
/// "one quarter of", "two thirds of" (a denominator alone is an ordinal or a period: "a third
/// term", "the first quarter").
pub(super) fn two_word_fraction(words: &[&str], at: usize) -> Option<f64> {
    let numerator = match words[at] {
        "a" | "an" => 1.0,
        word => value_of_number_word(word)?,
    };
    let denominator = words.get(at + 1)?;
    let (_, parts) = DENOMINATORS.iter().find(|(d, _)| d == denominator)?;
    // A whole or more is no share: "the four quarters of the earth".
    (numerator < *parts && words.get(at + 2) == Some(&"of")).then_some(numerator / parts)
}

/// Whether a word is the denominator of a fraction ("third", "quarters"), alone no figure but
/// after a number word before "of" one (see [`two_word_fraction`]).
pub(super) fn is_denominator(word: &str) -> bool {
    DENOMINATORS.iter().any(|(d, _)| *d == word)
}

/// The reading of a fraction written out from token `at` ("two-thirds", "half", "a third of"),
/// as a percentage, about that much unless a qualifier bounds it: "two-thirds" agrees with "66
/// percent", not with "55 percent".
pub(super) fn fraction_reading(words: &[&str], at: usize) -> Option<Reading> {
    let (share, last) = match fraction_value(words[at]) {
        Some(share) => (share, at),
        None => (two_word_fraction(words, at)?, at + 1),
    };
    let (bound, first) = match qualifier_before(words, at) {
        (Bound::Exact, first) => (Bound::About, first),
        qualified => qualified,
    };
    Some(Reading {
        value: share * 100.0,
        unit: Some(PERCENT),
        bound,
        precision: 1.0,
        first,
        last,
        second: None,
        range: false,
    })
}

/// A word without the ending an ordinal written with digits takes ("150th" → "150"; "month" →
/// "mon": whether what is left is a number is for the caller to say).
pub(super) fn without_ordinal_ending(word: &str) -> Option<&str> {
    ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
}

/// The digits of an ordinal written with them ("1st" → "1", "23rd" → "23").
pub(super) fn ordinal_digits(word: &str) -> Option<&str> {
    without_ordinal_ending(word)
        .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// The value of an ordinal written out or with digits ("fourth", "4th", "21st").
pub(super) fn ordinal_of(word: &str) -> Option<f64> {
    match ordinal_digits(word) {
        Some(digits) => digits.parse().ok(),
        None => ordinal_value(word),
    }
}

/// The reading of an ordinal at token `at` ("the fourth day", "its 21st year"), unit
/// [`ORDINAL`]; not a day of the month ("March 4th", "the fourth of July"), not "second" as a
/// span of time after a number ("one second"), and not the denominator of a fraction ("a third
/// of them").
fn ordinal_reading(words: &[&str], at: usize) -> Option<Reading> {
    let value = ordinal_of(words[at])?;
    if at > 0 && two_word_fraction(words, at - 1).is_some() {
        return None;
    }
    let month = |i: usize| words.get(i).is_some_and(|w| MONTHS.contains(w));
    let dated = at.checked_sub(1).is_some_and(month)
        || month(at + 1)
        || words.get(at + 1) == Some(&"of") && month(at + 2);
    let after_number = at.checked_sub(1).is_some_and(|before| {
        let before = words[before];
        is_figure(before) || value_of_number_word(before).is_some()
    });
    if dated || after_number || ends_spelled_number(words, at) {
        return None;
    }
    Some(Reading::of_one_word(value, ORDINAL, at))
}

/// Whether a normalised word is a figure: digits, or digits with a scale suffix ("2bn").
pub fn is_figure(word: &str) -> bool {
    number_of(word).is_some()
}

/// Whether the figure starting at token `at` is written in words and a scale ("one million",
/// "a million", "thirty-one million"): the value of the number word.
fn number_word_before_scale(words: &[&str], at: usize) -> Option<f64> {
    let value = NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == words[at])
        .map(|(_, value)| *value)
        .or_else(|| tens_value(words[at]))?;
    // "half a million", "a quarter of a million": a share of the scale, not read.
    let share = |w: &&str| matches!(*w, "half" | "quarter" | "third" | "of");
    if at > 0 && words.get(at - 1).is_some_and(share) {
        return None;
    }
    words
        .get(at + 1)
        .and_then(|w| scale_word(w))
        .filter(|&scale| scale >= 100.0)
        .map(|_| value)
}

/// Whether the figure at token `at` is a small count spelled out ("seven passengers"): the
/// value of the number word (see [`COUNTING_WORDS`]).
fn spelled_count(words: &[&str], at: usize) -> Option<f64> {
    let value = counting_value(words[at])?;
    counts_a_word(words, at).then_some(value)
}

/// Whether the number word at token `at` counts the word after it anew: a word that can be
/// counted follows, or a share of those named after "of" ("five of the injured", "two of
/// them"), and no word before refers to ones already known ("the two sides").
fn counts_a_word(words: &[&str], at: usize) -> bool {
    let counted_at = if words.get(at + 1) == Some(&"of") {
        let determiner = words
            .get(at + 2)
            .is_some_and(|w| PARTITIVE_DETERMINERS.contains(w));
        at + 2 + usize::from(determiner)
    } else {
        at + 1
    };
    let Some(counted) = words.get(counted_at) else {
        return false;
    };
    let is_word = counted.chars().next().is_some_and(char::is_alphabetic);
    let known_ones = at > 0 && REFERRING.contains(&words[at - 1]);
    is_word && !NOT_COUNTED.contains(counted) && !known_ones
}

/// Whether token `at` starts a figure: digits ("1,200", "2bn"), or a number word before a
/// scale word ("one million").
fn starts_figure(words: &[&str], at: usize) -> bool {
    is_figure(words[at]) || number_word_before_scale(words, at).is_some()
}

/// The value, suffix scale and decimals of a figure word (after the currency code it may be
/// written with: "chf3bn").
fn number_of(word: &str) -> Option<(f64, f64, i32)> {
    let word = glued_code(word).map_or(word, |(_, number)| number);
    let (number, suffix) = digits_and_suffix(word)?;
    let scale = if suffix.is_empty() || glued_unit_of(suffix).is_some() {
        1.0
    } else {
        SUFFIXES.iter().find(|(s, _)| *s == suffix)?.1
    };
    let plain: String = number
        .chars()
        .filter(|&c| c != ',' && !is_group_space(c))
        .collect();
    let value: f64 = plain.parse().ok()?;
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len() as i32);
    Some((value, scale, decimals))
}

/// Whether a sentence holding `word` (lower-cased, figures as written) can have a figure at all:
/// every figure starts with digits, is a number word before a scale word, or is a count, an
/// ordinal or a fraction spelled out.
pub fn may_belong_to_figure(word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    first.is_ascii_digit()
        || glued_code(word).is_some()
        || (SCALES
            .iter()
            .any(|(scale, _)| scale.as_bytes().first() == Some(&first))
            && is_scale_word(word))
        || counting_value(word).is_some()
        || tens_value(word).is_some()
        || ordinal_value(word).is_some()
        || fraction_value(word).is_some()
        || is_denominator(word)
}

/// The value of a number word of [`COUNTING_WORDS`], in any case. Most words are told apart by
/// their length and first letter, at no more cost.
fn counting_value(word: &str) -> Option<f64> {
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    if !(3..=9).contains(&word.len()) || !b"efnst".contains(&first) {
        return None;
    }
    COUNTING_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, value)| *value)
}

/// Whether a word is a scale word ("million", "billions"), which a figure in words may precede.
pub fn is_scale_word(word: &str) -> bool {
    scale_word(word).is_some()
}

/// Whether a lower-case word written beside figures only states a quantity: a number ("150m",
/// "1.5"), a scale ("million"), a currency or unit ("euros", "km", "us$").
fn states_a_quantity(word: &str) -> bool {
    let bare = word.trim_end_matches('$');
    word.chars().any(|c| c.is_ascii_digit())
        || scale_word(word).is_some()
        || is_unit_word(word)
        || DOLLAR_PREFIXES.iter().any(|(prefix, _)| *prefix == bare)
}

/// Whether the words at `span` of `text` (an edit's side, as written) are a figure in brackets
/// converting one a few words before the bracket ("£120m (US$150m)", "1.5 million kilometres
/// (930,000 miles)"): a notation a copy adds or leaves out, nothing of the story. A bracketed
/// figure after no figure ("the first edition of the guide (1977)") is not one: see
/// [`is_conversion`], which reads the same in a sentence's words.
pub fn is_bracketed_conversion(text: &str, span: (usize, usize)) -> bool {
    let inside = text[span.0..span.1].trim();
    let before = text[..span.0].trim_end();
    let opening = if inside.starts_with('(') {
        Some(span.0 + text[span.0..].find('(').unwrap_or(0))
    } else {
        before.ends_with('(').then(|| before.len() - 1)
    };
    let closes = inside.ends_with(')') || text[span.1..].trim_start().starts_with(')');
    let Some(opening) = opening.filter(|_| closes) else {
        return false;
    };
    let quantity_only = inside
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .all(|w| states_a_quantity(&w.to_lowercase()));
    let words_before: Vec<String> = text[..opening]
        .split_whitespace()
        .rev()
        .take(CONVERSION_REACH)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let words_before: Vec<&str> = words_before.iter().rev().map(String::as_str).collect();
    let figure_before = (0..words_before.len()).any(|at| {
        words_before[at].chars().any(|c| c.is_ascii_digit()) || starts_figure(&words_before, at)
    });
    quantity_only && figure_before
}

fn scale_word(word: &str) -> Option<f64> {
    let singular = word.strip_suffix('s').unwrap_or(word);
    SCALES
        .iter()
        .find(|(w, _)| *w == word || *w == singular)
        .map(|(_, v)| *v)
}

/// Whether a word names a currency or unit (never a label of what is counted).
pub fn is_unit_word(word: &str) -> bool {
    unit_of(word).is_some() || SYMBOLS.iter().any(|(s, _)| *s == word) || CODES.contains(&word)
}

/// Whether `unit` (as [`unit_of`] names it) measures a span of time (one of [`DAYS_IN`]).
pub fn is_time_unit(unit: &str) -> bool {
    in_days(1.0, unit).is_some()
}

/// The currency a sign stands for ("€": "EUR"), as the figure after it is read.
pub(super) fn currency_of_sign(sign: &str) -> Option<&'static str> {
    SYMBOLS
        .iter()
        .find(|(s, _)| *s == sign)
        .map(|(_, code)| *code)
}

/// The currency or unit a word after a figure names ("km" for "kilometers" and "km").
pub fn unit_of(word: &str) -> Option<&'static str> {
    if word.len() > LONGEST_UNIT_WORD {
        return None;
    }
    units_by_word().get(word).copied()
}

/// Each word of [`UNIT_WORDS`], its singular and each currency code with the unit it names, the
/// first entry naming a word winning (words are looked up for every word the findings compare).
fn units_by_word() -> &'static FastMap<&'static str, &'static str> {
    static UNITS: LazyLock<FastMap<&'static str, &'static str>> = LazyLock::new(|| {
        let mut units = FastMap::default();
        for &(word, unit) in UNIT_WORDS {
            units.entry(word).or_insert(unit);
            if let Some(singular) = word.strip_suffix('s') {
                units.entry(singular).or_insert(unit);
            }
        }
        for &code_word in CODES {
            if let Some(unit) = code(code_word) {
                units.entry(code_word).or_insert(unit);
            }
        }
        units
    });
    &UNITS
}

/// The currency code a figure word is written with and the figure after it ("chf3bn": "CHF",
/// "3bn").
pub(super) fn glued_code(word: &str) -> Option<(&'static str, &str)> {
    let (prefix, number) = word.split_at_checked(3)?;
    if !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((code(prefix)?, number))
}

/// A figure word's digits (with their decimal point and grouping) and what is written after
/// them ("2bn": "2", "bn"), or `None` when it does not start with a digit.
fn digits_and_suffix(word: &str) -> Option<(&str, &str)> {
    let digits_end = word
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || is_group_space(c)))
        .unwrap_or(word.len());
    let (number, suffix) = word.split_at(digits_end);
    number
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some((number, suffix))
}

/// The unit a figure word is written with ("5km": "km", "41C": "°C"), in any case.
fn glued_unit(word: &str) -> Option<&'static str> {
    glued_unit_of(digits_and_suffix(word)?.1)
}

/// The unit a suffix of [`GLUED_UNITS`] written onto a figure stands for, in any case.
fn glued_unit_of(suffix: &str) -> Option<&'static str> {
    let glued = GLUED_UNITS
        .iter()
        .find(|g| g.eq_ignore_ascii_case(suffix))?;
    unit_of(glued)
}

fn code(word: &str) -> Option<&'static str> {
    CODES.iter().position(|c| *c == word).map(|i| CURRENCIES[i])
}

/// The reading of the figure at token `at` of a sentence whose words are `words`, or `None` when
/// it is not a figure, or is a conversion in brackets after another figure (it belongs to that
/// one: "$2 billion (1.8 billion euros)").
pub fn read(words: &[&str], at: usize) -> Option<Reading> {
    read_as(words, at, false)
}

/// [`read`], small counts spelled out ("seven passengers"), ordinals ("the fourth day") and
/// fractions ("two-thirds of the cost") read too. For figures a link pairs between two
/// sentences, never to join figures across unlinked ones: there a small count ("five people"
/// killed by a first avalanche) or an ordinal is too easily taken for another quantity.
pub fn read_with_counts(words: &[&str], at: usize) -> Option<Reading> {
    read_as(words, at, true)
}

fn read_as(words: &[&str], at: usize, spelled_counts: bool) -> Option<Reading> {
    if let Some(age) = written_age(words[at]) {
        return Some(Reading::of_one_word(age, AGE, at));
    }
    if spelled_counts
        && let Some(spelled) = ordinal_reading(words, at).or_else(|| fraction_reading(words, at))
    {
        return Some(spelled);
    }
    let (value, suffix_scale, decimals) = match number_of(words[at]) {
        Some(number) => number,
        None => {
            if ends_spelled_number(words, at) {
                return None;
            }
            let count = || spelled_counts.then(|| spelled_count(words, at)).flatten();
            let tens = || spelled_tens(words, at);
            (
                number_word_before_scale(words, at)
                    .or_else(tens)
                    .or_else(count)?,
                1.0,
                0,
            )
        }
    };
    if is_year(words[at])
        || is_day_of_month(words, at, value)
        || is_clock_time(words, at)
        || ends_pair(words, at)
        || in_broken_decimal(words, at)
    {
        return None;
    }
    let second = paired_number(words, at);
    let mut last = if second.is_some() { at + 2 } else { at };
    let mut scale = suffix_scale;
    if suffix_scale == 1.0
        && let Some(s) = words.get(last + 1).and_then(|w| scale_word(w))
    {
        scale = s;
        last += 1;
    }
    let written_precision = 10f64.powi(-decimals);
    let precision = if scale > 1.0 {
        written_precision * scale
    } else if second.is_some() {
        // Scores and ranges are read as written.
        1.0
    } else if decimals == 0 {
        rounding_of(value)
    } else {
        written_precision
    };
    let mut first = at;
    let mut unit = None;
    // Currency before the figure: "$", "US$", "A$", "€", "USD", "CHF".
    if first > 0 {
        let before = words[first - 1];
        if let Some((_, code)) = SYMBOLS.iter().find(|(s, _)| *s == before) {
            first -= 1;
            unit = Some(*code);
            if before == "$"
                && first > 0
                && let Some((_, prefixed)) =
                    DOLLAR_PREFIXES.iter().find(|(p, _)| *p == words[first - 1])
            {
                first -= 1;
                unit = Some(*prefixed);
            }
        } else if let Some(c) = code(before) {
            first -= 1;
            unit = Some(c);
        }
    }
    if unit.is_none() {
        unit = glued_code(words[at])
            .map(|(code, _)| code)
            .or_else(|| glued_unit(words[at]))
            .or_else(|| unit_after_figure(words, last));
    }
    let range = second.is_some() && !is_pair_dash(words[at + 1]);
    if range && words[at + 1] == "and" {
        // "between 200 and 300": the range's wording starts with "between".
        first -= 1;
    }
    if is_age(words, (first, at, last), unit, value) {
        unit = Some(AGE);
    }
    let (bound, qualified_first) = qualifier_before(words, first);
    if is_conversion(words, qualified_first) {
        return None;
    }
    Some(Reading {
        value: value * scale,
        unit,
        bound,
        precision,
        first: qualified_first,
        last,
        second: second.map(|second| second * scale),
        range,
    })
}

/// The age a word gives with its number written onto it ("54-year-old").
pub(super) fn written_age(word: &str) -> Option<f64> {
    let (number, ending) = digits_and_suffix(word)?;
    AGE_ENDINGS
        .contains(&ending)
        .then(|| number.parse().ok())
        .flatten()
}

/// Whether the figure of the number at token `at` (its wording from `first` to `last`, read
/// with `unit`) gives an age: years "old" ("54 years old"), after "aged" ("aged 54", "aged
/// between 19 and 74"), or a whole number set off by commas right after a word, as news style
/// gives a person's age ("Daniel Okafor, 54, said"; not a list, "12, 15, 17", nor a date, "in
/// May, 12").
fn is_age(
    words: &[&str],
    (first, at, last): (usize, usize, usize),
    unit: Option<&str>,
    value: f64,
) -> bool {
    if unit == Some("years") {
        return words.get(last + 2) == Some(&"old");
    }
    if unit.is_some() || value.fract() != 0.0 || !(1.0..=MAX_AGE).contains(&value) {
        return false;
    }
    if first.checked_sub(1).map(|i| words[i]) == Some("aged") {
        return true;
    }
    let before = |back: usize| at.checked_sub(back).map(|i| words[i]);
    let named = before(2)
        .is_some_and(|w| w.len() > 1 && w.chars().all(char::is_alphabetic) && !MONTHS.contains(&w));
    let set_off = matches!(words.get(at + 1), None | Some(&("," | "." | ";")));
    let alone = last == at && words[at].bytes().all(|b| b.is_ascii_digit());
    before(1) == Some(",") && named && set_off && alone
}

/// Whether `word` joins two numbers into a pair ("6-3", "10–15").
pub fn is_pair_dash(word: &str) -> bool {
    matches!(word, "-" | "–")
}

/// The number paired with the one at token `at` by a dash after it ("6-3") or, for a range, by
/// "to" ("aged 18 to 25", "a scale of 0 to 10"; not "from 12 to 23", a change) or by "and"
/// after "between" ("between 200 and 300"), if any.
fn paired_number(words: &[&str], at: usize) -> Option<f64> {
    if !words.get(at + 1).is_some_and(|w| joins_pair(words, at, w)) {
        return None;
    }
    let (value, scale, _) = number_of(words.get(at + 2)?)?;
    (scale == 1.0).then_some(value)
}

/// Whether `word`, after the number at token `at`, joins it to a number after it.
fn joins_pair(words: &[&str], at: usize, word: &str) -> bool {
    let before = at.checked_sub(1).map(|i| words[i]);
    is_pair_dash(word)
        || word == "to" && before != Some("from")
        || word == "and" && before == Some("between")
}

/// Whether the number at token `at` is the second of a pair (read with the first, see
/// [`paired_number`]), or a later part of a date written with dashes ("2021-09-11").
fn ends_pair(words: &[&str], at: usize) -> bool {
    at >= 2
        && number_of(words[at - 2]).is_some()
        && (is_pair_dash(words[at - 1]) || paired_number(words, at - 2).is_some())
}

/// Whether the number at token `at` is half of a decimal broken by a space ("a 0. 5
/// probability"): a number, a period and a number in one sentence. Neither half is the figure.
fn in_broken_decimal(words: &[&str], at: usize) -> bool {
    let number = |i: Option<usize>| i.and_then(|i| words.get(i)).is_some_and(|w| is_figure(w));
    let period = |i: Option<usize>| i.and_then(|i| words.get(i)) == Some(&".");
    period(at.checked_sub(1)) && number(at.checked_sub(2))
        || period(Some(at + 1)) && number(Some(at + 2))
}

/// Whether a word is a year ("the 1999 US Open", "in 2021"): four digits without grouping,
/// within [`YEARS`]. Years date events; they are not quantities to compare.
pub fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && word
            .parse::<f64>()
            .is_ok_and(|value| YEARS.contains(&value))
}

/// Whether a whole number from 1 to 31 sits beside a month ("Oct. 7", "7 October").
fn is_day_of_month(words: &[&str], at: usize, value: f64) -> bool {
    if !(1.0..=31.0).contains(&value) || value.fract() != 0.0 {
        return false;
    }
    let month = |i: usize| words.get(i).is_some_and(|w| MONTHS.contains(w));
    let before = match at.checked_sub(1) {
        Some(i) if words[i] == "." => i.checked_sub(1),
        other => other,
    };
    before.is_some_and(month) || month(at + 1)
}

/// Whether the number at `at` is the hours or minutes of a time of day ("09:00", "9 a.m."): a
/// time, which `super::times` compares, not a quantity.
fn is_clock_time(words: &[&str], at: usize) -> bool {
    let digits = |i: usize, lengths: std::ops::RangeInclusive<usize>| {
        words
            .get(i)
            .is_some_and(|w| lengths.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
    };
    let colon = |i: usize| words.get(i) == Some(&":");
    let half_of_day = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| ["am", "pm", "a.m", "p.m"].contains(&w.trim_end_matches('.')))
    };
    digits(at, 1..=2)
        && (half_of_day(at + 1)
            || colon(at + 1) && digits(at + 2, 2..=2)
            || at >= 2 && colon(at - 1) && digits(at - 2, 1..=2) && words[at].len() == 2)
}

/// The unit named right after the figure ("2 billion Swiss francs", "14 kilometres").
fn unit_after_figure(words: &[&str], last: usize) -> Option<&'static str> {
    let next = words.get(last + 1)?;
    if *next == "°" {
        return words
            .get(last + 2)
            .and_then(|w| unit_of(w))
            .or(Some(DEGREES));
    }
    if let Some(unit) = words.get(last + 2).and_then(|w| two_word_unit(next, w)) {
        return Some(unit);
    }
    if let Some(unit) = unit_of(next) {
        // "41 degrees Celsius": the scale named after the degrees.
        let scale = || words.get(last + 2).and_then(|w| unit_of(w));
        return Some(match unit {
            DEGREES => scale()
                .filter(|s| [CELSIUS, FAHRENHEIT].contains(s))
                .unwrap_or(DEGREES),
            _ => unit,
        });
    }
    // One adjective between: "Swiss francs", "US dollars".
    let after = words.get(last + 2)?;
    unit_of(after).filter(|_| next.chars().all(char::is_alphabetic))
}

/// The unit two words name, a change in a percentage ("percentage points") or in a rate ("basis
/// points"), in lower case.
pub(super) fn two_word_unit(first: &str, second: &str) -> Option<&'static str> {
    match (first, second.strip_suffix('s').unwrap_or(second)) {
        ("percentage", "point") => Some(PERCENTAGE_POINTS),
        ("basis", "point") => Some(BASIS_POINTS),
        _ => None,
    }
}

/// Whether two bounds on one number put the count on either side of it ("more than 300",
/// "nearly 300"): they disagree.
pub(super) fn above_and_below(a: Bound, b: Bound) -> bool {
    matches!(
        (a, b),
        (Bound::AtLeast, Bound::Nearly) | (Bound::Nearly, Bound::AtLeast)
    )
}

/// Whether two bounds hedge a figure alike: the same, or an estimate against one just under it
/// ("about 500", "nearly 500"): the same claim worded otherwise.
pub(super) fn hedge_alike(a: Bound, b: Bound) -> bool {
    a == b
        || matches!(
            (a, b),
            (Bound::About, Bound::Nearly) | (Bound::Nearly, Bound::About)
        )
}

/// The bound a figure's qualifier sets, when `words` (in lower case) are one qualifier and
/// nothing more ("about", "more than").
pub(super) fn qualifier_bound(words: &[&str]) -> Option<Bound> {
    QUALIFIERS
        .iter()
        .find(|(phrase, _)| *phrase == words)
        .map(|(_, bound)| *bound)
}

/// Whether `word` (in lower case) is a qualifier of a figure by itself ("over", "about").
pub(super) fn is_one_word_qualifier(word: &str) -> bool {
    QUALIFIERS
        .iter()
        .any(|(phrase, _)| phrase.len() == 1 && phrase[0] == word)
}

/// The bound set by a qualifier ending just before token `first`, and where it starts.
fn qualifier_before(words: &[&str], first: usize) -> (Bound, usize) {
    for (phrase, bound) in QUALIFIERS {
        let n = phrase.len();
        if first >= n && words[first - n..first] == **phrase {
            if *phrase == ["some"] && shares_out(words, first - 1) {
                break;
            }
            return (*bound, first - n);
        }
    }
    (Bound::Exact, first)
}

/// Whether the "some" at token `at` shares out ("some thirty, some sixty, some a hundred"): two
/// other "some" of the sentence stand before a number too, so none hedges its figure. Two alone
/// may both hedge ("some 300 workers came and some 20 trucks").
fn shares_out(words: &[&str], at: usize) -> bool {
    let names_a_number = |word: &str| {
        is_figure(word)
            || counting_value(word).is_some()
            || NUMBER_WORDS
                .iter()
                .any(|(w, _)| *w == word && !matches!(word, "a" | "an"))
    };
    let others = words
        .windows(2)
        .enumerate()
        .filter(|(i, pair)| *i != at && pair[0] == "some" && names_a_number(pair[1]))
        .count();
    others >= SHARES_OUT_AMONG - 1
}

/// Whether the figure starting at `first` sits in brackets right after another figure.
fn is_conversion(words: &[&str], first: usize) -> bool {
    let Some(open) = first.checked_sub(1) else {
        return false;
    };
    words[open] == "("
        && (open.saturating_sub(CONVERSION_REACH)..open).any(|at| starts_figure(words, at))
}

/// The rounding of a whole number: 1000 for "32,000", 1 for "32,070" or "23".
fn rounding_of(value: f64) -> f64 {
    let mut rounding = 1.0;
    while value != 0.0 && (value / (rounding * 10.0)).fract() == 0.0 {
        rounding *= 10.0;
    }
    if rounding >= MIN_ROUNDING {
        rounding
    } else {
        1.0
    }
}

/// Days in each unit a span of time may be written in.
const DAYS_IN: &[(&str, f64)] = &[
    ("minutes", 1.0 / 1440.0),
    ("hours", 1.0 / 24.0),
    ("days", 1.0),
    ("weeks", 7.0),
    ("months", 30.0),
    ("years", 365.0),
];

/// `value` in days, if `unit` is one a span of time is written in ("weeks": 2 → 14).
pub fn in_days(value: f64, unit: &str) -> Option<f64> {
    DAYS_IN
        .iter()
        .find(|(name, _)| *name == unit)
        .map(|(_, days)| value * days)
}

impl Reading {
    /// Two readings of spans of time in different units, both in days, an exact one written in
    /// a longer unit taken as about that many ("two weeks" as about 14 days: against "10 days"
    /// it conflicts, "four weeks" and "1 month" agree); `None` for any other two.
    fn in_days_against(&self, other: &Reading) -> Option<(Reading, Reading)> {
        let (x, y) = (self.unit?, other.unit?);
        (x != y && is_time_unit(x) && is_time_unit(y)).then(|| (self.in_days(), other.in_days()))
    }

    /// A span of time in days (see [`Self::in_days_against`]).
    fn in_days(&self) -> Reading {
        let days = self.unit.and_then(|unit| in_days(1.0, unit)).unwrap_or(1.0);
        let bound = match self.bound {
            Bound::Exact if days > 1.0 => Bound::About,
            bound => bound,
        };
        Reading {
            value: self.value * days,
            unit: Some("days"),
            bound,
            precision: self.precision * days,
            second: self.second.map(|second| second * days),
            ..*self
        }
    }

    /// The exact reading of the one word at token `at`, in `unit` ("fourth", "54-year-old").
    fn of_one_word(value: f64, unit: &'static str, at: usize) -> Self {
        Reading {
            value,
            unit: Some(unit),
            bound: Bound::Exact,
            precision: 1.0,
            first: at,
            last: at,
            second: None,
            range: false,
        }
    }

    /// Whether both readings give the same number (and the same second number of a pair).
    pub fn same_number(&self, other: &Reading) -> bool {
        if let Some((x, y)) = self.in_days_against(other) {
            return x.same_number(&y);
        }
        let same = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(1.0);
        same(self.value, other.value)
            && match (self.second, other.second) {
                (Some(x), Some(y)) => same(x, y),
                (None, None) => true,
                _ => false,
            }
    }

    /// Whether one reading is a share written as a fraction (see [`fraction_reading`]: its
    /// value no whole multiple of the rounding it is given to, "two-thirds" 66.67%) and the other
    /// that share rounded to a whole percentage ("66%", "67%"): one figure written otherwise.
    pub fn is_fraction_rounded(&self, other: &Reading) -> bool {
        let fraction = |r: &Reading| {
            r.unit == Some(PERCENT)
                && r.second.is_none()
                && ((r.value / r.precision).fract() > 1e-6)
        };
        let whole =
            |r: &Reading| r.unit == Some(PERCENT) && r.second.is_none() && r.value.fract() == 0.0;
        let one_rounds_other = |x: &Reading, y: &Reading| {
            fraction(x) && whole(y) && (x.value.floor() == y.value || x.value.round() == y.value)
        };
        one_rounds_other(self, other) || one_rounds_other(other, self)
    }

    /// The values the reading allows.
    fn range(&self) -> (f64, f64) {
        let half = if self.precision >= MIN_ROUNDING {
            self.precision / 2.0
        } else {
            0.0
        };
        let (low, high) = (self.value - half, self.value + half);
        match self.bound {
            Bound::Exact => (low, high),
            Bound::About => (
                low.min(self.value * (1.0 - ABOUT_MARGIN)),
                high.max(self.value * (1.0 + ABOUT_MARGIN)),
            ),
            Bound::Nearly => (low.min(self.value * (1.0 - ABOUT_MARGIN)), self.value),
            Bound::AtLeast => (self.value, f64::INFINITY),
            Bound::AtMost => (f64::NEG_INFINITY, self.value),
        }
    }

    /// Whether both readings can be true of one quantity.
    /// Two exact figures rounded alike that differ never agree ("$10 billion", "$9 billion"), nor
    /// two estimates hedged and rounded alike ("about 7%", "around 8%"), nor two bounds of one
    /// kind unless one is the other rounded.
    pub fn agrees_with(&self, other: &Reading) -> bool {
        if let Some((x, y)) = self.in_days_against(other) {
            return x.agrees_with(&y);
        }
        match (self.second, other.second) {
            // Two scores or ranges agree only as written; a pair joined by a dash and a single
            // figure are not readings of one quantity to compare; a range said in words agrees
            // with a figure that may fall within it.
            (Some(_), Some(_)) => return self.same_number(other),
            (Some(second), None) if self.range => return other.may_fall_within(self.value, second),
            (None, Some(second)) if other.range => {
                return self.may_fall_within(other.value, second);
            }
            (Some(_), None) | (None, Some(_)) => return true,
            (None, None) => {}
        }
        if self.same_number(other) {
            return !above_and_below(self.bound, other.bound);
        }
        // Nor two estimates hedged alike and rounded alike: "about 7%" → "around 8%" is another
        // estimate, not the same one said less precisely.
        if self.bound == other.bound
            && matches!(self.bound, Bound::Exact | Bound::About | Bound::Nearly)
            && self.precision == other.precision
        {
            return false;
        }
        // Two lower (or upper) bounds agree only when the coarser is the finer rounded towards
        // the bound ("more than one million", "more than 1.3 million"), not "at least 21"
        // against "at least 33", nor "more than 33,000" against "at least 32,070".
        if self.bound == other.bound && matches!(self.bound, Bound::AtLeast | Bound::AtMost) {
            let (coarse, fine) = if self.precision >= other.precision {
                (self, other)
            } else {
                (other, self)
            };
            let gap = if self.bound == Bound::AtLeast {
                fine.value - coarse.value
            } else {
                coarse.value - fine.value
            };
            return coarse.precision >= MIN_ROUNDING && (0.0..coarse.precision).contains(&gap);
        }
        // An estimate agrees with a bound when the estimate itself keeps to it: "about 2,400"
        // is within "more than 2,000" but says less than "more than 2,500".
        match (self.bound, other.bound) {
            (Bound::About | Bound::Nearly, Bound::AtLeast | Bound::AtMost) => {
                return other.admits(self.value);
            }
            (Bound::AtLeast | Bound::AtMost, Bound::About | Bound::Nearly) => {
                return self.admits(other.value);
            }
            _ => {}
        }
        let ((a_low, a_high), (b_low, b_high)) = (self.range(), other.range());
        a_low < b_high && b_low < a_high
    }

    /// Whether some value the reading allows lies within the range from `one` to `other`.
    fn may_fall_within(&self, one: f64, other: f64) -> bool {
        let (low, high) = self.range();
        low <= one.max(other) && one.min(other) <= high
    }

    /// Whether `value` lies within the values the reading allows.
    fn admits(&self, value: f64) -> bool {
        let (low, high) = self.range();
        (low..=high).contains(&value)
    }
}

/// Units of measurement one converts into another: a figure in the first times the factor, plus
/// the offset, is the figure in the second (currencies never convert: their rates change, and
/// "pounds" may be money).
const CONVERSIONS: &[(&str, &str, f64, f64)] = &[
    ("km", "miles", 0.621_371, 0.0),
    ("m", "feet", 3.280_84, 0.0),
    ("km/h", "mph", 0.621_371, 0.0),
    ("hectares", "acres", 2.471_05, 0.0),
    (CELSIUS, FAHRENHEIT, 1.8, 32.0),
];
/// How far a converted figure may stray from the other and still be its conversion, as a share:
/// conversions are rounded ("1.5 million kilometres (930,000 miles)", "1 million miles (1.6
/// million kilometers)").
const CONVERSION_MARGIN: f64 = 0.05;

/// Whether `a` and `b` give one measure in two units ("1.6 million kilometres" and "1 million
/// miles", "41C" and "106F"): the value of one converted to the other's unit is the other's,
/// within the rounding either is written with or [`CONVERSION_MARGIN`].
pub fn in_other_units(a: &Reading, b: &Reading) -> bool {
    let (Some(from), Some(to)) = (a.unit, b.unit) else {
        return false;
    };
    // The factor and offset from `from` to `to`.
    let Some((factor, offset)) = CONVERSIONS.iter().find_map(|&(x, y, factor, offset)| {
        if (x, y) == (from, to) {
            Some((factor, offset))
        } else if (y, x) == (from, to) {
            Some((1.0 / factor, -offset / factor))
        } else {
            None
        }
    }) else {
        return false;
    };
    let converted = a.value * factor + offset;
    let slack = (CONVERSION_MARGIN * b.value.abs())
        .max(b.precision / 2.0)
        .max(a.precision * factor / 2.0);
    a.second.is_none() && b.second.is_none() && (converted - b.value).abs() <= slack
}

/// Whether two units name one, one of them perhaps less exactly: "degrees" and "°C" ("30
/// degrees", "30C").
pub fn one_unit(a: &str, b: &str) -> bool {
    let scale = |unit: &str| [CELSIUS, FAHRENHEIT].contains(&unit);
    a == b || (a == DEGREES && scale(b)) || (b == DEGREES && scale(a))
}

/// What a unit measures, for a unit changed at one place (see [`is_unit_changed`]): money,
/// a share, a temperature, a length, a mass, power, speed or an area.
fn measure_of_unit(unit: &str) -> Option<&'static str> {
    const MEASURES: &[(&[&str], &str)] = &[
        (CURRENCIES, "money"),
        (&[PERCENT, PERCENTAGE_POINTS, BASIS_POINTS], "share"),
        (&[CELSIUS, FAHRENHEIT], "temperature"),
        (&["cm", "feet", "km", "m", "miles", "mm"], "length"),
        (&["kg", "tonnes"], "mass"),
        (&["GW", "MW", "kW"], "power"),
        (&["km/h", "mph"], "speed"),
        (&["acres", "hectares"], "area"),
    ];
    MEASURES
        .iter()
        .find(|(units, _)| units.contains(&unit))
        .map(|(_, measure)| *measure)
}

/// Dollars: a bare "$" is read as US dollars, but an outlet may mean its own country's.
const DOLLARS: &[&str] = &["AUD", "CAD", "HKD", "NZD", "SGD", "USD"];

/// Whether `a` → `b` keeps the number and changes its unit to another of the same measure:
/// "$2.1 billion" → "€2.1 billion", "1.5 percent" → "1.5 percentage points", "41C" → "41F". Not
/// a conversion (the number changes with it), not two units of different measures (whatever
/// paired them, "40c" may be cents), and not dollars of two countries.
pub fn is_unit_changed(a: &Reading, b: &Reading) -> bool {
    let (Some(x), Some(y)) = (a.unit, b.unit) else {
        return false;
    };
    let both_dollars = DOLLARS.contains(&x) && DOLLARS.contains(&y);
    !same_units(Some(x), Some(y))
        && !both_dollars
        && measure_of_unit(x).is_some_and(|m| measure_of_unit(y) == Some(m))
        && a.same_number(b)
}

/// Whether two figures may be the same quantity as far as units go: never two different
/// currencies or units, spans of time aside ("10 days", "two weeks"), and an ordinal only with
/// another ("ranked 212th" is no age, "19").
pub fn same_units(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => one_unit(a, b) || is_time_unit(a) && is_time_unit(b),
        (Some(unit), None) | (None, Some(unit)) => unit != ORDINAL,
        (None, None) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words as the tokenizer leaves them: lower case, digit grouping kept for readability here.
    fn reading(sentence: &str) -> Reading {
        let words: Vec<&str> = sentence.split(' ').collect();
        (0..words.len())
            .find_map(|at| read(&words, at))
            .expect("a figure in the sentence")
    }

    #[test]
    fn ordinals_are_read_by_their_value_in_linked_sentences_only() {
        for (word, value) in [
            ("first", 1.0),
            ("thirteenth", 13.0),
            ("twentieth", 20.0),
            ("twentyfirst", 21.0),
            ("ninetyninth", 99.0),
            ("4th", 4.0),
            ("150th", 150.0),
        ] {
            assert_eq!(ordinal_of(word), Some(value), "{word}");
        }
        for word in ["firstly", "twentyone", "fourteen", "th", "month"] {
            assert_eq!(ordinal_of(word), None, "{word}");
        }
        let ordinal = |sentence: &str| {
            let words: Vec<&str> = sentence.split(' ').collect();
            (0..words.len()).find_map(|at| read_with_counts(&words, at))
        };
        let fourth = ordinal("entered its fourth day").expect("an ordinal");
        assert_eq!((fourth.value, fourth.unit), (4.0, Some(ORDINAL)));
        // Days of the month are dates; "second" after a number is a span of time.
        for not_ordinal in ["on march 4th", "the 4th of july", "for one second"] {
            assert_eq!(ordinal(not_ordinal), None, "{not_ordinal}");
        }
        let words = ["entered", "its", "fourth", "day"];
        assert!((0..words.len()).all(|at| read(&words, at).is_none()));
        assert!(!same_units(Some(ORDINAL), None));
    }

    #[test]
    fn a_small_count_of_a_share_is_read_in_linked_sentences() {
        let count = |sentence: &str| {
            let words: Vec<&str> = sentence.split(' ').collect();
            (0..words.len()).find_map(|at| read_with_counts(&words, at).map(|r| r.value))
        };
        assert_eq!(
            count("five of the injured were in critical condition"),
            Some(5.0)
        );
        assert_eq!(count("two of them were rescued"), Some(2.0));
        assert!(read_with_counts(&["three", "to", "four", "boats"], 0).is_none());
        assert_eq!(count("the two of them"), None);
    }

    #[test]
    fn fractions_written_out_are_read_by_their_value() {
        assert_eq!(fraction_value("half"), Some(0.5));
        assert_eq!(fraction_value("twothirds"), Some(2.0 / 3.0));
        assert_eq!(fraction_value("three-quarters"), Some(0.75));
        for word in ["third", "quarter", "quarters", "athird", "halfway"] {
            assert_eq!(fraction_value(word), None, "{word}");
        }
    }

    #[test]
    fn a_unit_changed_keeps_the_number_and_the_measure() {
        let changed = |a: &str, b: &str| is_unit_changed(&reading(a), &reading(b));
        assert!(changed("$ 2.1 billion", "€ 2.1 billion"));
        assert!(changed("rose 1.5 percent", "rose 1.5 percentage points"));
        assert!(changed("5 km", "5 miles"));
        assert!(changed("41c", "41f"));
        // A conversion, units of different measures, one unit less exact, dollars of two
        // countries, a unit left out: none is a unit changed.
        assert!(!changed("$ 2.1 billion", "€ 1.9 billion"));
        assert!(!changed("41c", "41 km"));
        assert!(!changed("30 degrees", "30c"));
        assert!(!changed("2 billion aud", "$ 2 billion"));
        assert!(!changed("$ 2 billion", "2 billion"));
    }

    #[test]
    fn a_share_in_two_words_before_of_is_a_fraction_not_an_ordinal() {
        let read = |sentence: &str| {
            let words: Vec<&str> = sentence.split(' ').collect();
            (0..words.len())
                .find_map(|at| read_with_counts(&words, at))
                .map(|r| (r.value.round(), r.unit, words[r.first..=r.last].join(" ")))
        };
        let share = |value: f64, words: &str| Some((value, Some(PERCENT), words.to_owned()));
        assert_eq!(read("a third of its homes"), share(33.0, "a third"));
        assert_eq!(read("one quarter of the levee"), share(25.0, "one quarter"));
        assert_eq!(read("two thirds of them"), share(67.0, "two thirds"));
        // An ordinal or a period where no share is taken "of" something, and no share of a
        // whole or more.
        let ordinal = |words: &str| Some((3.0, Some(ORDINAL), words.to_owned()));
        assert_eq!(read("won a third term"), ordinal("third"));
        assert_eq!(read("in the third quarter"), ordinal("third"));
        assert_eq!(read("the four quarters of the earth"), None);
    }

    #[test]
    fn a_measure_in_another_unit_is_a_conversion_only_when_the_values_match() {
        let km = reading("1.6 million kilometers");
        assert!(in_other_units(&km, &reading("1 million miles")));
        assert!(in_other_units(&reading("1 million miles"), &km));
        assert!(in_other_units(
            &reading("1.5 million kilometers"),
            &reading("930,000 miles")
        ));
        assert!(!in_other_units(&km, &reading("2 million miles")));
        assert!(!in_other_units(&km, &reading("1.6 million kilometers")));
        assert!(!in_other_units(
            &reading("$ 2 billion"),
            &reading("€ 1.8 billion")
        ));
    }

    #[test]
    fn numbers_from_twenty_to_ninety_nine_spelled_out_are_read_unless_part_of_a_longer_one() {
        assert_eq!(tens_value("thirtyone"), Some(31.0));
        assert_eq!(tens_value("Ninety"), Some(90.0));
        assert_eq!(tens_value("twentyten"), None);
        assert_eq!(tens_value("thirteen"), None);
        let value = |text: &str, at: usize| {
            let words: Vec<&str> = text.split(' ').collect();
            read(&words, at).map(|r| r.value)
        };
        assert_eq!(value("thirtyone people were killed", 0), Some(31.0));
        assert_eq!(value("about fortytwo million dollars", 1), Some(42e6));
        // Not what a word before makes of it, nor a number it does not count.
        assert_eq!(value("the thirty members", 1), None);
        assert_eq!(value("forty and two months", 2), None);
        assert_eq!(value("threescore and sixteen souls", 2), None);
        assert_eq!(value("one hundred fortyfour thousand", 2), None);
    }

    #[test]
    fn scale_words_suffixes_and_currency_prefixes_read_alike() {
        let two_billion = ["$ 2bn", "$ 2 billion", "us $ 2 billion", "usd 2 billion"];
        for text in two_billion {
            let r = reading(text);
            assert_eq!((r.value, r.unit), (2e9, Some("USD")), "{text}");
        }
        assert_eq!(reading("2 billion swiss francs").unit, Some("CHF"));
        assert_eq!(reading("€ 1.8 billion").unit, Some("EUR"));
        assert_eq!(reading("14 kilometers of road").unit, Some("km"));
        // A currency code written onto the figure.
        let r = reading("chf3bn");
        assert_eq!((r.value, r.unit), (3e9, Some("CHF")), "chf3bn");
        assert_eq!(reading("eur 3bn").unit, Some("EUR"));
        // Units shortened as timetables and headlines shorten them.
        assert_eq!(reading("45 mins").unit, Some("minutes"));
        assert_eq!(reading("1 min").unit, Some("minutes"));
        assert_eq!(reading("3 hrs").unit, Some("hours"));
        assert_eq!(reading("10 yrs").unit, Some("years"));
        assert_eq!(reading("23 people").unit, None);
    }

    #[test]
    fn qualifiers_set_bounds() {
        assert_eq!(reading("more than 32,070 people").bound, Bound::AtLeast);
        assert_eq!(reading("at least 23 killed").bound, Bound::AtLeast);
        assert_eq!(reading("up to 40 tonnes").bound, Bound::AtMost);
        assert_eq!(reading("some 3,000 protesters").bound, Bound::About);
        assert_eq!(reading("killed 23 people").bound, Bound::Exact);
        assert_eq!(reading("more than 32,070 people").first, 0);
        assert_eq!(reading("as many as 20 others").bound, Bound::AtMost);
        assert_eq!(reading("as many as 20 others").first, 0);
        assert_eq!(reading("no more than 5 loaves").bound, Bound::AtMost);
        assert_eq!(reading("no more than 5 loaves").first, 0);
        assert_eq!(reading("not less than 40 tonnes").bound, Bound::AtLeast);
    }

    #[test]
    fn a_decimal_broken_by_a_space_is_no_figure() {
        let words = ["a", "0", ".", "5", "probability", "of", "3", "wins"];
        let read_at: Vec<usize> = (0..words.len())
            .filter(|&at| read(&words, at).is_some())
            .collect();
        assert_eq!(read_at, [6]);
    }

    #[test]
    fn some_sharing_out_is_no_hedge() {
        let words = [
            "some", "30", "times", ",", "some", "sixty", ",", "and", "some", "100", "times",
        ];
        assert_eq!(read(&words, 1).map(|r| r.bound), Some(Bound::Exact));
        assert_eq!(read(&words, 9).map(|r| r.bound), Some(Bound::Exact));
        let hedged = ["some", "300", "workers", "came", "and", "some", "left"];
        assert_eq!(read(&hedged, 1).map(|r| r.bound), Some(Bound::About));
        let both_hedged = [
            "some", "300", "workers", "came", "and", "some", "20", "trucks",
        ];
        assert_eq!(read(&both_hedged, 1).map(|r| r.bound), Some(Bound::About));
        assert_eq!(read(&both_hedged, 6).map(|r| r.bound), Some(Bound::About));
    }

    #[test]
    fn scores_and_ranges_are_one_figure_of_two_numbers() {
        let words = ["beating", "her", "6", "-", "4", ",", "6", "-", "3"];
        let pairs: Vec<(usize, f64, Option<f64>)> = (0..words.len())
            .filter_map(|at| read(&words, at).map(|r| (at, r.value, r.second)))
            .collect();
        assert_eq!(pairs, [(2, 6.0, Some(4.0)), (6, 6.0, Some(3.0))]);
        let score = |text: &str| reading(text);
        assert!(!score("won 6 - 3").agrees_with(&score("won 6 - 2")));
        assert!(score("won 6 - 3").agrees_with(&score("won 6 – 3")));
        assert!(score("10 - 15 people").agrees_with(&score("12 people")));
        assert_eq!(score("10 - 15 million people").second, Some(15e6));
        assert_eq!(score("a scale of 0 to 10").second, Some(10.0));
        assert_eq!(score("aged 18 to 25").second, Some(25.0));
        assert!(score("a scale of 0 to 10").agrees_with(&score("a scale of 0 - 10")));
        // A change is two figures: what it was and what it became.
        let change = ["rose", "from", "12", "to", "23"];
        let read_all: Vec<(f64, Option<f64>)> = (0..change.len())
            .filter_map(|at| read(&change, at).map(|r| (r.value, r.second)))
            .collect();
        assert_eq!(read_all, [(12.0, None), (23.0, None)]);
        let date = ["on", "2021", "-", "09", "-", "11"];
        assert!((0..date.len()).all(|at| read(&date, at).is_none()));
    }

    #[test]
    fn a_range_said_in_words_is_one_figure_that_a_single_one_may_fall_within() {
        let between = reading("killed between 200 and 300 fish");
        assert_eq!(
            (
                between.value,
                between.second,
                between.range,
                between.first,
                between.last
            ),
            (200.0, Some(300.0), true, 1, 4)
        );
        let words = ["killed", "between", "200", "and", "300", "fish"];
        assert!(
            read(&words, 4).is_none(),
            "the upper number is part of the range"
        );
        assert!(reading("aged 18 to 25").range);
        assert!(!reading("10 - 15 people").range);
        for within in ["up to 300 fish", "250 fish", "about 200 fish", "300 fish"] {
            assert!(between.agrees_with(&reading(within)), "{within}");
            assert!(reading(within).agrees_with(&between), "{within}");
        }
        for outside in [
            "500 fish",
            "about 500 fish",
            "150 fish",
            "more than 400 fish",
        ] {
            assert!(!between.agrees_with(&reading(outside)), "{outside}");
        }
        // A pair joined by a dash may be a score: never set against a single figure.
        assert!(reading("won 6 - 3").agrees_with(&reading("won 9")));
    }

    #[test]
    fn small_counts_spelled_out_are_figures_where_a_link_pairs_them() {
        let counted = |text: &str| {
            let words: Vec<&str> = text.split(' ').collect();
            let found = (0..words.len()).find_map(|at| read_with_counts(&words, at));
            assert!(
                (0..words.len()).all(|at| read(&words, at).is_none()),
                "{text}: read without counts"
            );
            found.unwrap_or_else(|| panic!("no count in {text}"))
        };
        assert_eq!(counted("and seven passengers escaped").value, 7.0);
        assert_eq!(counted("Two others were missing").value, 2.0);
        assert_eq!(counted("at least five people").bound, Bound::AtLeast);
        // A share counts what follows "of".
        assert_eq!(counted("two of the passengers").value, 2.0);
        // A fraction is a share, as precise as a fraction is.
        let majority = counted("a two-thirds majority");
        assert_eq!(
            (majority.value.round(), majority.unit),
            (67.0, Some(PERCENT))
        );
        assert!(majority.agrees_with(&reading("66 percent")));
        assert!(!majority.agrees_with(&reading("55 percent")));
        assert_eq!(counted("up to half of it").bound, Bound::AtMost);
        for not_a_count in [
            "one man said",
            "one or two",
            "the two sides met",
            "the top ten",
        ] {
            let words: Vec<&str> = not_a_count.split(' ').collect();
            assert!(
                (0..words.len()).all(|at| read_with_counts(&words, at).is_none()),
                "{not_a_count}"
            );
        }
    }

    #[test]
    fn years_are_not_figures() {
        let words = ["the", "1999", "us", "open"];
        assert!(read(&words, 1).is_none());
        assert!(read(&["1,999", "people"], 0).is_some());
    }

    #[test]
    fn days_of_the_month_are_not_figures() {
        for date in ["since oct . 7 when", "on 7 october", "by march 3 ,"] {
            let words: Vec<&str> = date.split(' ').collect();
            assert!(
                (0..words.len()).all(|at| read(&words, at).is_none()),
                "{date}"
            );
        }
        assert!(read(&["march", "3,000", "people"], 1).is_some());
        assert!(read(&["7", "rescuers"], 0).is_some());
    }

    #[test]
    fn number_words_before_a_scale_are_figures() {
        for text in [
            "more than one million people",
            "more than a million people",
            "over 1 million people",
        ] {
            let r = reading(text);
            assert_eq!((r.value, r.bound), (1e6, Bound::AtLeast), "{text}");
            assert_eq!(r.first, 0, "{text}");
        }
        assert_eq!(reading("two billion dollars").value, 2e9);
        assert!(
            reading("more than one million people").agrees_with(&reading("over 1 million people"))
        );
        let not_figures = [
            "one of the issues",
            "two sides met",
            "half a million people",
        ];
        for text in not_figures {
            let words: Vec<&str> = text.split(' ').collect();
            assert!(
                (0..words.len()).all(|at| read(&words, at).is_none()),
                "{text}"
            );
        }
        let words: Vec<&str> = "one million miles ( 1.6 million kilometers )"
            .split(' ')
            .collect();
        assert!(
            read(&words, 4).is_none(),
            "a conversion of a figure in words"
        );
    }

    #[test]
    fn a_bracketed_figure_converts_only_a_figure_before_it() {
        let conversion = |text: &str, bracketed: &str| {
            let start = text.find(bracketed).unwrap();
            is_bracketed_conversion(text, (start, start + bracketed.len()))
        };
        let pound = "The repairs will cost £12m (US$15m) over two years.";
        assert!(conversion(pound, "(US$15m)"));
        assert!(conversion(pound, "US$15m"));
        let distance = "It flew 1.5 million kilometres (930,000 miles) from home.";
        assert!(conversion(distance, " (930,000 miles)"));
        let words = "It will cost two million pounds (US$2.5m) to rebuild.";
        assert!(conversion(words, "(US$2.5m)"));
        // A year or a score in brackets converts nothing.
        let year = "The first edition of the guide (1977) is long out of print.";
        assert!(!conversion(year, "(1977)"));
        assert!(!conversion(pound, "over two years"));
    }

    #[test]
    fn a_bracketed_conversion_is_not_a_figure_of_its_own() {
        let words: Vec<&str> = "$ 2 billion ( 1.8 billion euros )".split(' ').collect();
        assert!(read(&words, 1).is_some());
        assert!(read(&words, 4).is_none());
    }

    #[test]
    fn spans_of_time_are_compared_in_days() {
        let agree = |a: &str, b: &str| reading(a).agrees_with(&reading(b));
        assert!(!agree("10 days", "2 weeks"));
        assert!(agree("14 days", "2 weeks"));
        assert!(agree("4 weeks", "1 month"));
        assert!(!agree("6 months", "1 year"));
        assert!(agree("48 hours", "2 days"));
        assert!(!agree("36 hours", "2 days"));
        assert!(
            !agree("6 months", "5 months"),
            "one unit is compared as written"
        );
        assert!(reading("2 weeks").same_number(&reading("14 days")));
        assert!(same_units(Some("weeks"), Some("days")));
        assert!(!same_units(Some("weeks"), Some("km")));
    }

    #[test]
    fn agreement_allows_for_bounds_and_rounding() {
        let agree = |a: &str, b: &str| reading(a).agrees_with(&reading(b));
        assert!(agree("at least 32070 dead", "more than 32000 dead"));
        assert!(agree("about 2600 drivers", "more than 2200 drivers"));
        assert!(!agree("about 2600 drivers", "more than 2700 drivers"));
        assert!(!agree("as many as 300 homes", "about 400 homes"));
        assert!(agree(
            "more than 1 million people",
            "more than 1.3 million people"
        ));
        assert!(agree("about 3000 protesters", "3100 protesters"));
        assert!(agree("32000 dead", "32070 dead"));
        assert!(!agree("12 rescue workers", "23 rescue workers"));
        assert!(!agree("20 dead", "23 dead"));
        assert!(!agree("3000 protesters", "5000 protesters"));
        assert!(!agree("at most 10 dead", "at least 12 dead"));
        assert!(!agree("$ 10 billion telescope", "$ 9 billion telescope"));
        assert!(!agree("at least 21 people", "at least 33 people"));
        assert!(!agree("at least 32070 dead", "more than 33000 dead"));
        // "nearly" is just under: never above, nor far below.
        assert!(!agree(
            "more than 300 firefighters",
            "nearly 300 firefighters"
        ));
        assert!(!agree("nearly 300 firefighters", "310 firefighters"));
        assert!(!agree("nearly 300 firefighters", "100 firefighters"));
        assert!(agree("nearly 300 firefighters", "295 firefighters"));
        assert!(agree("about 300 firefighters", "almost 300 firefighters"));
        assert!(agree(
            "nearly 300 firefighters",
            "more than 250 firefighters"
        ));
        assert!(agree("fewer than 5000 homes", "at most 4800 homes"));
        assert!(!agree("fewer than 5000 homes", "at most 5200 homes"));
        assert!(agree(
            "more than 4000 residents",
            "more than 4000 residents"
        ));
        // Two estimates hedged and rounded alike are two estimates; one rounded coarser may be
        // the other said less precisely.
        assert!(!agree(
            "about 7 percent of staff",
            "around 8 percent of staff"
        ));
        assert!(!agree("about 2400 homes", "about 2500 homes"));
        assert!(!agree("nearly 300 homes", "almost 290 homes"));
        assert!(agree("about 1.3 million people", "about 1 million people"));
        assert!(agree("about 2.4 million homes", "about 2 million homes"));
    }

    #[test]
    fn different_units_never_match() {
        assert!(!same_units(Some("CHF"), Some("USD")));
        assert!(same_units(Some("USD"), None));
        assert!(!same_units(Some(CELSIUS), Some(FAHRENHEIT)));
        assert!(same_units(Some(DEGREES), Some(CELSIUS)));
    }

    #[test]
    fn units_written_onto_a_figure_are_read() {
        let glued = |word: &str| read(&[word], 0).map(|r| (r.value, r.unit));
        assert_eq!(glued("5km"), Some((5.0, Some("km"))));
        assert_eq!(glued("9.2GW"), Some((9.2, Some("GW"))));
        assert_eq!(glued("41C"), Some((41.0, Some(CELSIUS))));
        assert_eq!(glued("2bn"), Some((2e9, None)));
        // "m" is a million, never a metre; a suffix that is no unit is no figure.
        assert_eq!(glued("5m"), Some((5e6, None)));
        assert_eq!(glued("5g"), None);
        assert_eq!(glued("3rd"), None);
    }

    #[test]
    fn a_temperature_names_its_scale_however_written() {
        assert_eq!(reading("41 degrees celsius").unit, Some(CELSIUS));
        assert_eq!(reading("41 ° c in the shade").unit, Some(CELSIUS));
        assert_eq!(reading("106 degrees fahrenheit").unit, Some(FAHRENHEIT));
        assert_eq!(reading("30 degrees in the shade").unit, Some(DEGREES));
        assert!(in_other_units(&reading("41c"), &reading("106f")));
        assert!(in_other_units(&reading("106 fahrenheit"), &reading("41 c")));
        assert!(!in_other_units(&reading("41c"), &reading("41f")));
    }

    #[test]
    fn points_of_a_percentage_are_no_percent() {
        let points = reading("rose 0.3 percentage points to 6.1 percent");
        assert_eq!((points.value, points.unit), (0.3, Some(PERCENTAGE_POINTS)));
        assert_eq!(reading("by 50 basis points").unit, Some(BASIS_POINTS));
        assert!(!same_units(Some(PERCENTAGE_POINTS), Some("percent")));
    }

    #[test]
    fn the_longest_unit_word_is_known() {
        let longest = UNIT_WORDS.iter().map(|(word, _)| word.len()).max();
        assert_eq!(longest, Some(LONGEST_UNIT_WORD));
        assert!(GLUED_UNITS.iter().all(|glued| unit_of(glued).is_some()));
    }
}
