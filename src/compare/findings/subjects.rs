//! Figures about the same thing in sentences that are not linked. Independent reports of one
//! story count the people killed, injured or displaced in their own words ("over 1 million
//! homeless villagers who fled", "well over a million residents now shelter there"), so no link
//! joins their figures; this module does, on several kinds of evidence at once:
//!
//! - both count people (whatever the word: "people", "civilians", a demonym such as
//!   "Palestinians"; two different demonyms never) or the same noun ("rescue workers");
//! - the event word nearest each figure is of the same kind (killed, injured, displaced or
//!   sheltering, missing, arrested, rescued), and both are totals or neither is;
//! - their sentences name the same place or actor (a capitalised word in common; a sentence
//!   that names none is about what the body sentence before it names: "Officials said 12 people
//!   were killed" after "Heavy rain sent the Varro river over its banks") and no two different
//!   days;
//! - their values are within a factor of [`MAX_RATIO`];
//! - neither is a population or a base ("Gaza's 2.3 million people", "three quarters of the 2.3
//!   million", "a city of 300,000").
//!
//! A pair is *strong* when its sentences share two such names, or one and the same counted word
//! and event word; only a strong pair may join figures that disagree (a conflict). A weaker pair
//! joins figures only when they agree ("more than one million", "over 1 million"). A pair
//! counting the same word in sentences that share three other content words, without an event,
//! is strong too ("the $10 billion observatory", "the $9 billion infrared telescope ...
//! observatory"), within a quarter of each other when both have a unit (as measures, below: "5
//! years ago" and "10 years ago" are two things that happened).
//!
//! Measures (a sum of money, a distance, a weight, a span of time: a figure with a unit) are
//! matched on their wording instead, strongly: the same unit, values within a quarter of each
//! other, two content words in common among the few beside each figure ("see 12.1 billion
//! years back into the past", "see back into the past 12.3 billion years"), three in their
//! sentences, a name in common when both sentences name any, no other event, not two other
//! things measured ("$2.6 billion on new schools", "$3 billion on hospitals"), and neither is an
//! increment ("another five months") unless both are. Rates and readings ("percent",
//! "degrees") are never matched so, nor are ages at all ("19-year-old", "Ana Ruiz, 19"): they
//! differ from place to place, from one thing measured to the next, and from one person to the
//! next.

use super::figures::{self, Reading};
use super::numbers::{Figure, words_of};
use crate::article::{Article, Role};
use crate::compare::SentenceRef;
use crate::compare::normalize::TokenClass;
use crate::compare::prepare::{Prepared, PreparedSet};

use std::collections::{BTreeMap, BTreeSet};

/// Largest ratio between two figures of unlinked sentences that may be one quantity.
const MAX_RATIO: f64 = 2.0;
/// Content words (besides the counted one) two sentences must share for their figures counting
/// one word to be joined without an event in common.
const MIN_SHARED_WORDS: usize = 3;
/// How many words on either side of a figure are searched for its event word.
const EVENT_REACH: usize = 8;
/// Content words after a figure searched for what it counts.
const COUNTED_REACH: usize = 3;
/// Largest ratio between two figures with a unit in unlinked sentences that may be one quantity:
/// one measure misreported is close to the other ("13.5" and "13.7 billion years"); two things
/// measured in the same words are anything apart.
const MAX_MEASURE_RATIO: f64 = 1.25;
/// Words on either side of a measure searched for the words it is matched on.
const MEASURE_REACH: usize = 4;
/// Words those two measures' neighbourhoods must share.
const MIN_SHARED_BESIDE: usize = 2;
/// Words after a measure (past its units, before any mark) searched for what it is spent on,
/// paid for or taken by ("$2.6 billion on new schools").
const OBJECT_REACH: usize = 2;
/// Units that measure a rate or a reading, never matched across unlinked sentences.
const NOT_MEASURES: &[&str] = &[
    "basis points",
    "degrees",
    "percent",
    "percentage points",
    "°C",
    "°F",
];
/// Words before a figure that make it an addition to another ("another five months").
const INCREMENTS: &[&str] = &["additional", "another", "extra", "further"];
/// Most figures of one kind of event compared pairwise (beyond, a long collection of copies, the
/// kind is skipped: its figures are compared through links only).
const MAX_BUCKET: usize = 256;

/// Nouns for people in general: any of them counts the same people as any other, or as a
/// demonym ("Palestinians").
const PEOPLE: &[&str] = &[
    "citizens",
    "civilians",
    "evacuees",
    "individuals",
    "inhabitants",
    "people",
    "persons",
    "refugees",
    "residents",
];

/// What happened to the people a figure counts, by the words that say it (normalised, lower
/// case), with the label it gets.
const EVENTS: &[(Event, &[&str])] = &[
    (
        Event::Killed,
        &[
            "dead",
            "death",
            "deaths",
            "die",
            "died",
            "dies",
            "fatalities",
            "kill",
            "killed",
            "killing",
            "kills",
            "perished",
        ],
    ),
    (
        Event::Injured,
        &[
            "hurt", "injured", "injuries", "injuring", "wounded", "wounding",
        ],
    ),
    (
        Event::Displaced,
        &[
            "displaced",
            "evacuate",
            "evacuated",
            "evacuating",
            "evacuees",
            "fled",
            "flee",
            "fleeing",
            "homeless",
            "refuge",
            "refugees",
            "shelter",
            "sheltered",
            "sheltering",
            "shelters",
            "uprooted",
        ],
    ),
    (
        Event::Missing,
        &["buried", "missing", "trapped", "unaccounted"],
    ),
    (
        Event::Arrested,
        &["arrested", "arrests", "detained", "detentions", "jailed"],
    ),
    (Event::Rescued, &["hospitalized", "rescued", "saved"]),
];

/// Words (and marks) that join clauses: an event word beyond one is another clause's.
const CLAUSE_JOINS: &[&str] = &[";", "and", "but", "whereas", "while"];
/// The same, looking back from a figure, with the comma.
const BACKWARD_STOPS: &[&str] = &[",", ";", "and", "but", "whereas", "while"];

/// Words after a figure that count nothing of their own ("53 others were injured").
const NOT_COUNTED: &[&str] = &["more", "others", "still", "times"];

/// Words that make a figure a running total ("the overall toll", "in total").
const TOTALS: &[&str] = &["altogether", "combined", "cumulative", "overall", "total"];

/// Capitalised words that never name a place or actor: months and the words of [`DAYS`].
fn is_date_word(word: &str) -> bool {
    super::figures::MONTHS.contains(&word) || DAYS.contains(&word)
}

/// Words that date an event: two sentences naming different ones are about different events.
const DAYS: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "today",
    "tuesday",
    "wednesday",
    "yesterday",
];

/// Possessives that make the figure after them a population ("its 2.3 million people").
const POSSESSIVES: &[&str] = &["her", "his", "its", "our", "their", "whose"];

/// What happened to the people counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Event {
    /// Killed, dead, died.
    Killed,
    /// Injured, wounded.
    Injured,
    /// Displaced, fled, sheltering, evacuated.
    Displaced,
    /// Missing, trapped, buried.
    Missing,
    /// Arrested, detained.
    Arrested,
    /// Rescued, hospitalised.
    Rescued,
}

impl Event {
    /// How a fact's label says it ("people killed").
    pub fn label(self) -> &'static str {
        match self {
            Event::Killed => "killed",
            Event::Injured => "injured",
            Event::Displaced => "displaced or sheltering",
            Event::Missing => "missing",
            Event::Arrested => "arrested",
            Event::Rescued => "rescued",
        }
    }
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Thing {
    /// People: in general (`None`), or a demonym's stem.
    People(Option<u32>),
    /// Anything else, by the stem of its noun.
    Noun(u32),
}

impl Thing {
    fn matches(self, other: Thing) -> bool {
        match (self, other) {
            (Thing::People(a), Thing::People(b)) => a.is_none() || b.is_none() || a == b,
            (Thing::Noun(a), Thing::Noun(b)) => a == b,
            _ => false,
        }
    }
}

/// A figure read for matching across unlinked sentences.
#[derive(Debug, Clone)]
pub struct Subject {
    /// The figure.
    pub figure: Figure,
    /// What it says.
    reading: Reading,
    /// What it counts (people or a noun), with the word as written ("Palestinians", lower case
    /// unless a name) and its stem, when it says.
    thing: Option<(Thing, String, u32)>,
    /// The stem of the first content word after the figure ("rescue" in "12 rescue workers"),
    /// when one follows it.
    first_counted: Option<u32>,
    /// What kind of measure it is, when it has a unit (see [`Measure`]).
    measure: Option<Measure>,
    /// The stems of the content words at most [`MEASURE_REACH`] words beside the figure, its
    /// own words and units left out (sorted).
    beside: Vec<u32>,
    /// The stem of the first content word at most [`OBJECT_REACH`] words after the figure and
    /// its units, in its clause: what the measure is of or for ("schools" in "$2.6 billion on
    /// schools").
    object: Option<u32>,
    /// The kind of event and the stem of its word, when an event word is near.
    pub event: Option<(Event, u32)>,
    total: bool,
    /// The names in its sentence, each as its words (lower case, no possessive "'s"), the
    /// counted word left out: "Port Halden" is one name of two words.
    names: Vec<Vec<String>>,
    /// The names as written, in the same order.
    pub name_words: Vec<String>,
    /// The days its sentence names (sorted stems).
    days: Vec<u32>,
    /// The stems of its sentence's content words, the first counted word left out (sorted).
    words: Vec<u32>,
}

impl Subject {
    /// The counted word as written, when the figure counts people or a noun.
    pub fn counted(&self) -> Option<&str> {
        self.thing.as_ref().map(|(_, word, _)| word.as_str())
    }

    /// Whether the figure counts people (whatever the word).
    pub fn counts_people(&self) -> bool {
        matches!(self.thing, Some((Thing::People(_), _, _)))
    }
}

/// A figure with a unit, as matched across unlinked sentences: the unit, and whether it is an
/// increment ("another five months").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Measure {
    unit: &'static str,
    increment: bool,
}

/// Which figures are compared pairwise: those of one kind of event, counting one word, or
/// measuring alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Bucket {
    Event(Event, bool, Option<&'static str>),
    Counted(u32, Option<&'static str>),
    Measured(Measure),
}

/// Pairs of figures in different articles, in sentences not linked to each other (`linked`),
/// that count the same thing about the same subject, each with whether the evidence is strong
/// enough to report a conflict. Also returns every figure read, for labels.
pub fn same_subject_pairs(
    articles: &[Article],
    set: &PreparedSet,
    linked: &BTreeSet<(SentenceRef, SentenceRef)>,
) -> (Vec<(Figure, Figure, bool)>, Vec<Subject>) {
    let mut subjects = Vec::new();
    for (article, a) in articles.iter().enumerate() {
        for (sentence, s) in a.sentences.iter().enumerate() {
            if matches!(s.role, Role::Byline | Role::Dateline) {
                continue;
            }
            subjects.extend(subjects_of(
                articles,
                set,
                SentenceRef::new(article, sentence),
            ));
        }
    }
    let mut buckets: BTreeMap<Bucket, Vec<usize>> = BTreeMap::new();
    for (i, s) in subjects.iter().enumerate() {
        let (total, unit) = (s.total, s.reading.unit);
        if let (Some((event, _)), Some(_)) = (s.event, &s.thing) {
            let bucket = Bucket::Event(event, total, unit);
            buckets.entry(bucket).or_default().push(i);
        }
        if let Some(first_counted) = s.first_counted {
            let bucket = Bucket::Counted(first_counted, unit);
            buckets.entry(bucket).or_default().push(i);
        }
        if let Some(measure) = s.measure {
            buckets
                .entry(Bucket::Measured(measure))
                .or_default()
                .push(i);
        }
    }
    let mut pairs = Vec::new();
    for (bucket, members) in buckets.iter().filter(|(_, m)| m.len() <= MAX_BUCKET) {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let (x, y) = (&subjects[i], &subjects[j]);
                let (ax, ay) = (x.figure.at, y.figure.at);
                if ax.article == ay.article || linked.contains(&ordered(ax, ay)) {
                    continue;
                }
                let found = match bucket {
                    Bucket::Event(..) => event_evidence(x, y),
                    Bucket::Counted(..) => wording_evidence(x, y).then_some(true),
                    Bucket::Measured(..) => measure_evidence(x, y).then_some(true),
                };
                if let Some(strong) = found {
                    pairs.push((x.figure, y.figure, strong));
                }
            }
        }
    }
    (pairs, subjects)
}

fn ordered(a: SentenceRef, b: SentenceRef) -> (SentenceRef, SentenceRef) {
    if a <= b { (a, b) } else { (b, a) }
}

/// Whether two figures may be one quantity at all: values within `max_ratio` of each other, no
/// two different days.
fn may_be_one(x: &Subject, y: &Subject, max_ratio: f64) -> bool {
    let (low, high) = (
        x.reading.value.min(y.reading.value),
        x.reading.value.max(y.reading.value),
    );
    let other_days = !x.days.is_empty() && !y.days.is_empty() && shared(&x.days, &y.days) == 0;
    low > 0.0 && high <= low * max_ratio && !other_days
}

/// Whether two figures of one kind of event count the same people about the same subject:
/// `None` if not, else whether the evidence is strong (see the module documentation).
fn event_evidence(x: &Subject, y: &Subject) -> Option<bool> {
    let (Some((x_thing, _, x_stem)), Some((y_thing, _, y_stem))) = (&x.thing, &y.thing) else {
        return None;
    };
    if !x_thing.matches(*y_thing) || !may_be_one(x, y, MAX_RATIO) {
        return None;
    }
    let names = shared_names(&x.names, &y.names).min(shared_names(&y.names, &x.names));
    if names == 0 {
        return None;
    }
    let event_stem = |s: &Subject| s.event.map(|(_, stem)| stem);
    let same_words = x_stem == y_stem && event_stem(x) == event_stem(y);
    Some(names >= 2 || same_words)
}

/// Whether two figures counting the same word sit in sentences sharing at least
/// [`MIN_SHARED_WORDS`] other content words, and not beside two different events ("the $10
/// billion observatory" and "the $9 billion infrared telescope ... observatory"); two with a
/// unit within [`MAX_MEASURE_RATIO`].
fn wording_evidence(x: &Subject, y: &Subject) -> bool {
    let max_ratio = if x.reading.unit.is_some() && y.reading.unit.is_some() {
        MAX_MEASURE_RATIO
    } else {
        MAX_RATIO
    };
    x.first_counted == y.first_counted
        && !beside_other_events(x, y)
        && may_be_one(x, y, max_ratio)
        && shared(&x.words, &y.words) >= MIN_SHARED_WORDS
}

/// Whether two figures stand beside two different events ("killed" and "injured").
fn beside_other_events(x: &Subject, y: &Subject) -> bool {
    matches!((x.event, y.event), (Some((a, _)), Some((b, _))) if a != b)
}

/// Whether two measures alike say the same thing about the same subject (see the module
/// documentation).
fn measure_evidence(x: &Subject, y: &Subject) -> bool {
    let both_named = !x.names.is_empty() && !y.names.is_empty();
    !beside_other_events(x, y)
        && may_be_one(x, y, MAX_MEASURE_RATIO)
        && (!both_named || shared_names(&x.names, &y.names) > 0)
        && shared(&x.beside, &y.beside) >= MIN_SHARED_BESIDE
        && shared(&x.words, &y.words) >= MIN_SHARED_WORDS
        && objects_agree(x, y)
}

/// Whether what two measures are of agrees: neither says, or one's is among the words beside
/// the other ("back" in "12.1 billion years back into the past" and "see back into the past
/// 12.3 billion years"), never two other things ("$2.6 billion on new schools", "$3 billion on
/// hospitals").
fn objects_agree(x: &Subject, y: &Subject) -> bool {
    let among = |object: Option<u32>, beside: &[u32]| {
        object.is_some_and(|o| beside.binary_search(&o).is_ok())
    };
    (x.object.is_none() && y.object.is_none())
        || among(x.object, &y.beside)
        || among(y.object, &x.beside)
}

/// How many names of `a` share a word with a name of `b` ("Turkey" and "eastern Turkey").
fn shared_names(a: &[Vec<String>], b: &[Vec<String>]) -> usize {
    a.iter()
        .filter(|name| {
            b.iter()
                .any(|other| name.iter().any(|word| other.contains(word)))
        })
        .count()
}

/// How many items two sorted lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    a.iter().filter(|x| b.binary_search(x).is_ok()).count()
}

/// The figures of sentence `at` that count something: people or things an event happened to,
/// or a noun.
fn subjects_of(articles: &[Article], set: &PreparedSet, at: SentenceRef) -> Vec<Subject> {
    let p = set.get(at.article, at.sentence);
    // Digits, a scale word ("a million"), or a number from 20 to 99 spelled out ("Thirty-one").
    let may_hold_figure = |t: &crate::compare::normalize::Token| {
        let word = || set.vocabulary.word(t.key);
        t.class == TokenClass::Number
            || figures::is_scale_word(word())
            || figures::tens_value(word()).is_some()
    };
    if !p.tokens.iter().any(may_hold_figure) {
        return Vec::new();
    }
    let text = &articles[at.article].text;
    let words = words_of(articles, set, at);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let readings: Vec<(usize, Reading)> = (0..refs.len())
        .filter_map(|token| Some((token, figures::read(&refs, token)?)))
        .collect();
    if readings.is_empty() {
        return Vec::new();
    }
    // A headline's capitals say nothing about names: its figures are matched by wording only.
    let headline =
        articles[at.article].sentences[at.sentence].role == Role::Headline || title_case(p, text);
    let days = sorted_stems(p, |i| DAYS.contains(&refs[i]));
    let mut out = Vec::new();
    for (n, (token, reading)) in readings.iter().enumerate() {
        // Ages differ from one person to the next: no age is matched across unlinked sentences.
        if is_base(p, text, &refs, reading.first) || reading.unit == Some(figures::AGE) {
            continue;
        }
        let measure = measure_of(&refs, reading);
        let (beside, object) = beside(
            p,
            &refs,
            reading,
            between_neighbours(&readings, n, refs.len()),
        );
        let first_counted = first_counted(p, &refs, reading.last + 1).map(|i| p.tokens[i].stem);
        if first_counted.is_none() && measure.is_none() {
            continue;
        }
        let thing = counted_thing(p, text, &refs, reading.last + 1).map(|(thing, at)| {
            let demonym = matches!(thing, Thing::People(Some(_)));
            (thing, as_written(text, p, at, demonym), p.tokens[at].stem)
        });
        // The event word is looked for between the neighbouring figures only.
        let (from, to) = between_neighbours(&readings, n, refs.len());
        let event =
            nearest_event(p, &refs, reading, from, to).map(|(event, i)| (event, p.tokens[i].stem));
        let counted_stem = thing.as_ref().map(|(_, _, stem)| *stem);
        let names = if headline {
            Vec::new()
        } else {
            let names = names_in(p, text, &refs, counted_stem);
            if names.is_empty() {
                names_before(articles, set, at, counted_stem)
            } else {
                names
            }
        };
        out.push(Subject {
            figure: Figure { at, token: *token },
            reading: reading.clone(),
            thing,
            first_counted,
            measure,
            beside,
            object,
            event,
            total: (from..to).any(|i| TOTALS.contains(&refs[i])),
            name_words: names.iter().map(|(_, written)| written.clone()).collect(),
            names: names.into_iter().map(|(words, _)| words).collect(),
            days: days.clone(),
            words: sorted_stems(p, |i| {
                p.tokens[i].class == TokenClass::Content && Some(p.tokens[i].stem) != first_counted
            }),
        });
    }
    out
}

/// The figures of sentence `at` (by the token of their number, small counts spelled out
/// included: see [`figures::read_with_counts`]) with the event word nearest each, if any.
pub fn events_of(
    articles: &[Article],
    set: &PreparedSet,
    at: SentenceRef,
) -> Vec<(usize, Option<Event>)> {
    let p = set.get(at.article, at.sentence);
    let words = words_of(articles, set, at);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let readings: Vec<(usize, Reading)> = (0..refs.len())
        .filter_map(|token| Some((token, figures::read_with_counts(&refs, token)?)))
        .collect();
    readings
        .iter()
        .enumerate()
        .map(|(n, (token, reading))| {
            let (from, to) = between_neighbours(&readings, n, refs.len());
            let event = nearest_event(p, &refs, reading, from, to).map(|(e, _)| e);
            (*token, event)
        })
        .collect()
}

/// The tokens between the figures before and after figure `n` of `readings`.
fn between_neighbours(readings: &[(usize, Reading)], n: usize, len: usize) -> (usize, usize) {
    let from = n.checked_sub(1).map_or(0, |m| readings[m].1.last + 1);
    let to = readings.get(n + 1).map_or(len, |(_, r)| r.first);
    (from, to)
}

/// Whether a sentence is written in title case ("Avalanche Kills 12 On Eastern Mountain"): a
/// function word capitalised past the first word (not after a colon or other mark: "Why it
/// matters: An operation"), or every one of three or more content words capitalised. Its
/// capitals say nothing about names.
fn title_case(p: &Prepared, text: &str) -> bool {
    let first_word = p.tokens.iter().position(|t| t.is_word()).unwrap_or(0);
    let mut content = (0, 0);
    for (i, t) in p.tokens.iter().enumerate().skip(first_word + 1) {
        let upper = starts_upper(&text[t.start..t.end]);
        match t.class {
            TokenClass::Function if upper && p.tokens[i - 1].is_word() => return true,
            TokenClass::Content => content = (content.0 + usize::from(upper), content.1 + 1),
            _ => {}
        }
    }
    content.1 >= 3 && content.0 == content.1
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the figure starting at token `first` is a population or a base: after a possessive
/// ("Gaza's", "its"), after "of" ("three quarters of", "a city of") or "home to".
fn is_base(p: &Prepared, text: &str, refs: &[&str], first: usize) -> bool {
    let Some(before) = first.checked_sub(1) else {
        return false;
    };
    let raw = &text[p.tokens[before].start..p.tokens[before].end];
    let possessive = raw.ends_with("'s")
        || raw.ends_with("\u{2019}s")
        || raw.ends_with("s'")
        || raw.ends_with("s\u{2019}")
        || POSSESSIVES.contains(&refs[before]);
    let home_to = refs[before] == "to" && before > 0 && refs[before - 1] == "home";
    possessive || refs[before] == "of" || home_to
}

/// What kind of measure a figure is, when it has a unit and is no rate, reading or age.
fn measure_of(refs: &[&str], reading: &Reading) -> Option<Measure> {
    let unit = reading.unit.filter(|unit| !NOT_MEASURES.contains(unit))?;
    let mut after = reading.last + 1;
    while refs
        .get(after)
        .is_some_and(|w| figures::is_unit_word(w) || *w == "-")
    {
        after += 1;
    }
    if refs.get(after) == Some(&"old") {
        return None;
    }
    let before = reading.first.checked_sub(1).map(|i| refs[i]);
    Some(Measure {
        unit,
        increment: before.is_some_and(|w| INCREMENTS.contains(&w))
            || refs.get(after) == Some(&"more"),
    })
}

/// The stems of the content words among the [`MEASURE_REACH`] words before a figure and the
/// as many after it and its units, within `from..to` (between its neighbouring figures).
/// Also returns the first content word among the [`OBJECT_REACH`] words after the units, before
/// any mark.
fn beside(
    p: &Prepared,
    refs: &[&str],
    reading: &Reading,
    (from, to): (usize, usize),
) -> (Vec<u32>, Option<u32>) {
    let after = past_units(refs, reading.last + 1);
    let is_word = |i: &usize| p.tokens[*i].is_word();
    let is_content =
        |i: &usize| p.tokens[*i].class == TokenClass::Content && !figures::is_unit_word(refs[*i]);
    let after_words: Vec<usize> = (after.min(to)..to)
        .filter(is_word)
        .take(MEASURE_REACH)
        .collect();
    // What the measure is of follows it in its clause: a mark ends the search.
    let object = (after.min(to)..to)
        .take_while(is_word)
        .take(OBJECT_REACH)
        .find(is_content)
        .map(|i| p.tokens[i].stem);
    let mut stems: Vec<u32> = (from..reading.first.max(from))
        .rev()
        .filter(is_word)
        .take(MEASURE_REACH)
        .chain(after_words)
        .filter(is_content)
        .map(|i| p.tokens[i].stem)
        .collect();
    stems.sort_unstable();
    stems.dedup();
    (stems, object)
}

/// The first token from `from` on that names no currency or unit.
fn past_units(refs: &[&str], from: usize) -> usize {
    from + refs
        .iter()
        .skip(from)
        .take_while(|w| figures::is_unit_word(w))
        .count()
}

/// The first content word after a figure (past units), from token `from` on.
fn first_counted(p: &Prepared, refs: &[&str], from: usize) -> Option<usize> {
    let at = past_units(refs, from);
    p.tokens
        .get(at)
        .filter(|t| t.class == TokenClass::Content)
        .map(|_| at)
}

/// What a figure counts, from token `from` on (units skipped): a people word or demonym among
/// the next content words, else the last of them that names no event ("rescue workers
/// killed": workers). Returns the thing and its token.
fn counted_thing(p: &Prepared, text: &str, refs: &[&str], from: usize) -> Option<(Thing, usize)> {
    let at = past_units(refs, from);
    let run: Vec<usize> = (at..p.tokens.len())
        .take_while(|&i| p.tokens[i].class == TokenClass::Content)
        .take(COUNTED_REACH)
        .collect();
    if let Some(&i) = run.iter().find(|&&i| PEOPLE.contains(&refs[i])) {
        return Some((Thing::People(None), i));
    }
    if let Some(&i) = run
        .iter()
        .find(|&&i| is_demonym(&text[p.tokens[i].start..p.tokens[i].end]))
    {
        return Some((Thing::People(Some(p.tokens[i].stem)), i));
    }
    run.iter()
        .rev()
        .find(|&&i| {
            event_of(refs[i]).is_none()
                && !TOTALS.contains(&refs[i])
                && !NOT_COUNTED.contains(&refs[i])
        })
        .map(|&i| (Thing::Noun(p.tokens[i].stem), i))
}

/// A capitalised plural that names a people ("Palestinians", "Israelis", "Afghans").
fn is_demonym(word: &str) -> bool {
    starts_upper(word)
        && word.len() > 4
        && ["ans", "is", "ese"].iter().any(|end| word.ends_with(end))
}

fn event_of(word: &str) -> Option<Event> {
    EVENTS
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(event, _)| *event)
}

/// The event word nearest the figure (at most [`EVENT_REACH`] words away, within `from..to`,
/// not past a word that joins clauses: "killed and perhaps 12 more were trapped"; nor,
/// looking back, past a comma: "33 were killed, 53 were injured"), and its token.
fn nearest_event(
    p: &Prepared,
    refs: &[&str],
    reading: &Reading,
    from: usize,
    to: usize,
) -> Option<(Event, usize)> {
    let search = |tokens: &mut dyn Iterator<Item = usize>, stops: &[&str]| {
        tokens
            .filter(|&i| p.tokens[i].is_word() || stops.contains(&refs[i]))
            .take_while(|&i| !stops.contains(&refs[i]))
            .take(EVENT_REACH)
            .find_map(|i| Some((event_of(refs[i])?, i)))
    };
    let before = search(&mut (from..reading.first).rev(), BACKWARD_STOPS);
    let after = search(&mut (reading.last + 1..to), CLAUSE_JOINS);
    match (before, after) {
        (Some(b), Some(a)) => Some(if reading.first - b.1 < a.1 - reading.last {
            b
        } else {
            a
        }),
        (b, a) => a.or(b),
    }
}

/// The names of a sentence: runs of capitalised content words past its first word (not months
/// or days), without `counted` (the people counted are not a subject), each as its words (lower
/// case, possessive dropped) and as written.
fn names_in(
    p: &Prepared,
    text: &str,
    refs: &[&str],
    counted: Option<u32>,
) -> Vec<(Vec<String>, String)> {
    let first_word = p.tokens.iter().position(|t| t.is_word()).unwrap_or(0);
    let is_name = |i: usize| {
        let t = &p.tokens[i];
        i > first_word
            && t.class == TokenClass::Content
            && Some(t.stem) != counted
            && starts_upper(&text[t.start..t.end])
            && !is_date_word(refs[i])
    };
    let mut names: Vec<(Vec<String>, String)> = Vec::new();
    let mut previous_was_name = false;
    for i in 0..p.tokens.len() {
        if !is_name(i) {
            // Punctuation inside a name ("U.S.") does not end it; a word does.
            previous_was_name &= !p.tokens[i].is_word() && refs[i] == ".";
            continue;
        }
        let written = without_possessive(&text[p.tokens[i].start..p.tokens[i].end]);
        let word = written.to_lowercase();
        match names.last_mut() {
            Some((words, shown)) if previous_was_name => {
                words.push(word);
                shown.push(' ');
                shown.push_str(written);
            }
            _ => names.push((vec![word], written.to_owned())),
        }
        previous_was_name = true;
    }
    names.sort();
    names.dedup();
    names
}

/// The names of the body sentence before `at`, for a sentence that names none: a count told
/// without a place ("Officials said 12 people were killed") is about what the sentence before
/// it named ("Heavy rain sent the Varro river over its banks").
fn names_before(
    articles: &[Article],
    set: &PreparedSet,
    at: SentenceRef,
    counted: Option<u32>,
) -> Vec<(Vec<String>, String)> {
    let Some(before) = at.sentence.checked_sub(1) else {
        return Vec::new();
    };
    if articles[at.article].sentences[before].role != Role::Body {
        return Vec::new();
    }
    let before = SentenceRef::new(at.article, before);
    let p = set.get(before.article, before.sentence);
    let words = words_of(articles, set, before);
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    names_in(p, &articles[at.article].text, &refs, counted)
}

/// A name without a possessive ending ("Varland's" → "Varland").
fn without_possessive(word: &str) -> &str {
    ["'s", "\u{2019}s"]
        .iter()
        .find_map(|end| word.strip_suffix(end))
        .unwrap_or(word)
}

fn sorted_stems(p: &Prepared, keep: impl Fn(usize) -> bool) -> Vec<u32> {
    let mut stems: Vec<u32> = (0..p.tokens.len())
        .filter(|&i| keep(i))
        .map(|i| p.tokens[i].stem)
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// Token `i` as written, lower case unless `name`.
fn as_written(text: &str, p: &Prepared, i: usize, name: bool) -> String {
    let word = &text[p.tokens[i].start..p.tokens[i].end];
    if name {
        word.to_owned()
    } else {
        word.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Format};
    use crate::compare::{FactBasis, FactKind, NumberFact, Options, compare};

    /// The figure facts of independent reports (one paragraph each), in both file orders; the
    /// two orders must agree.
    fn facts(reports: &[&str]) -> Vec<NumberFact> {
        let run = |order: Vec<&str>| {
            let articles = order
                .iter()
                .map(|text| Article::from_text(label_of(text), "x.txt", *text, Format::Text))
                .collect();
            compare(articles, &Options::default()).numbers
        };
        let forward = run(reports.to_vec());
        let backward = run(reports.iter().rev().copied().collect());
        let texts = |facts: &[NumberFact]| -> Vec<Vec<String>> {
            facts
                .iter()
                .map(|f| {
                    let mut t: Vec<String> = f.mentions.iter().map(|m| m.text.clone()).collect();
                    t.sort();
                    t
                })
                .collect()
        };
        assert_eq!(
            texts(&forward),
            texts(&backward),
            "file order changed the facts"
        );
        forward
    }

    fn label_of(text: &str) -> String {
        text.split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
    }

    const SHELTER_COURIER: &str = "Floodwater covered the lower town by dawn on the third day. \
        More than one million people are sheltering in Port Halden, the regional authority said. \
        Bridges to the coast remain closed to all traffic.";
    const SHELTER_LEDGER: &str = "The storm moved north overnight and the rain eased. \
        Port Halden has taken in over 1 million displaced residents from across Varland. \
        Engineers are checking the dams upstream.";
    const SHELTER_GAZETTE: &str = "Relief convoys finally reached the coast road on Sunday. \
        In Port Halden, more than 1.3 million civilians have sought shelter in schools and halls. \
        Doctors fear outbreaks of cholera.";

    #[test]
    fn independent_reports_of_one_count_are_joined_and_differ_in_precision() {
        let facts = facts(&[SHELTER_COURIER, SHELTER_LEDGER, SHELTER_GAZETTE]);
        assert_eq!(facts.len(), 1, "{facts:#?}");
        let fact = &facts[0];
        assert_eq!(
            (fact.kind, fact.basis),
            (FactKind::Precision, FactBasis::Unlinked)
        );
        let mut texts: Vec<&str> = fact.mentions.iter().map(|m| m.text.as_str()).collect();
        texts.sort_unstable();
        assert_eq!(
            texts,
            [
                "More than one million people",
                "more than 1.3 million civilians",
                "over 1 million displaced residents"
            ]
        );
        assert_eq!(fact.fact, "people displaced or sheltering: Port Halden");
    }

    #[test]
    fn ages_are_never_matched_across_unlinked_sentences() {
        let facts = facts(&[
            "The showdown of gifted juniors was the first all-teenage final at the Port Halden \
             club since 16-year-old Ana Ruiz beat 18-year-old Mia Holt for the 2004 title. \
             Tickets sold out in an hour.",
            "Organisers in Varland expect a record crowd. It was the first final between \
             teenagers in Port Halden since Ruiz, 16, beat Mia Holt, 18, in 2004, and the first \
             between two unseeded players since the club opened in 1921.",
        ]);
        assert!(facts.is_empty(), "{facts:#?}");
    }

    #[test]
    fn the_same_figure_in_other_words_is_no_finding() {
        assert!(facts(&[SHELTER_COURIER, SHELTER_LEDGER]).is_empty());
    }

    #[test]
    fn a_strongly_matched_count_that_differs_is_a_conflict() {
        let facts = facts(&[
            "Officials in Varland said 40 people were killed when the dam at Port Halden gave \
             way. The army has sent boats.",
            "The collapse of the Port Halden dam left 55 people dead, the Varland interior \
             ministry said. Roads are closed.",
        ]);
        assert_eq!(facts.len(), 1, "{facts:#?}");
        assert_eq!(
            (facts[0].kind, facts[0].basis),
            (FactKind::Conflict, FactBasis::Unlinked)
        );
    }

    #[test]
    fn a_count_spelled_out_at_the_start_of_a_sentence_is_matched_too() {
        let facts = facts(&[
            "Officials in Varland said 40 people were killed when the dam at Port Halden gave \
             way. The army has sent boats.",
            "Fifty-five people died when the Port Halden dam collapsed, the Varland interior \
             ministry said. Roads are closed.",
        ]);
        assert_eq!(facts.len(), 1, "{facts:#?}");
        assert_eq!(facts[0].kind, FactKind::Conflict);
        assert!(
            facts[0]
                .mentions
                .iter()
                .any(|m| m.text.starts_with("Fifty-five")),
            "{facts:#?}"
        );
    }

    #[test]
    fn a_count_told_without_a_place_is_about_the_place_the_sentence_before_names() {
        let courier = "Floods hit the north\n\nHeavy rain sent the Varro river over its banks \
            on Sunday. Officials said 12 people were killed and many homes were lost.";
        let ledger = "Rain brings ruin\n\nAt least 15 people were killed in the floods along \
            the Varro, the Red Cross said. More rain is expected later in the week.";
        let found = facts(&[courier, ledger]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            (found[0].kind, found[0].basis),
            (FactKind::Conflict, FactBasis::Unlinked)
        );
        // The Red Cross is one report's source, no subject both name.
        assert_eq!(found[0].fact, "people killed: Varro");
        // Where the sentence before names another place, the counts are not joined.
        let elsewhere = courier.replace("the Varro river", "the Lenna river");
        assert!(facts(&[&elsewhere, ledger]).is_empty());
    }

    /// Two reports, each a lead sentence (read as the headline) and `sentences`.
    fn two_reports(sentences: [&str; 2]) -> Vec<NumberFact> {
        let leads = [
            "The news reached the capital late in the evening.",
            "Several agencies issued statements on the disaster.",
        ];
        let texts: Vec<String> = leads
            .iter()
            .zip(sentences)
            .map(|(lead, body)| format!("{lead}\n\n{body}"))
            .collect();
        facts(&[&texts[0], &texts[1]])
    }

    #[test]
    fn weak_evidence_never_makes_a_conflict() {
        // One name in common, other words for the count and the event: not enough to say that
        // 40 and "at least 70" are one toll.
        let facts = two_reports([
            "Rescuers in Varland said 40 people were killed overnight near the border.",
            "At least 70 residents died across Varland in a week of storms, a charity said.",
        ]);
        assert!(facts.is_empty(), "{facts:#?}");
    }

    #[test]
    fn a_measure_told_alike_in_unlinked_sentences_that_differs_is_a_conflict() {
        // Long sentences that say much else: neither linked nor near, so only the words beside
        // the figures join them.
        let facts = two_reports([
            "Engineers expect the new sea wall at Port Halden to hold back the tides for 130 \
             years, although fishermen along the northern quay fear it will silt up their \
             moorings within a decade.",
            "Built to hold back the tides for 150 years, the Port Halden barrier has so far cost \
             the council twice its original budget and delayed the ferry timetable by a whole \
             season.",
        ]);
        assert_eq!(facts.len(), 1, "{facts:#?}");
        assert_eq!(
            (facts[0].kind, facts[0].basis),
            (FactKind::Conflict, FactBasis::Unlinked)
        );
        let mut texts: Vec<&str> = facts[0].mentions.iter().map(|m| m.text.as_str()).collect();
        texts.sort_unstable();
        assert_eq!(texts, ["130 years", "150 years"]);
    }

    #[test]
    fn measures_far_apart_of_other_people_things_rates_and_increments_are_not_matched() {
        let cases: [[&str; 2]; 5] = [
            [
                "A court in Port Halden sentenced Marek Olsen to 12 years in prison for fraud on \
                 the harbour contract.",
                "Judges in Ostrava sentenced Tomas Varga to 10 years in prison for fraud, his \
                 lawyer told reporters.",
            ],
            [
                "The shipyard closed 5 years ago and never reopened, leaving the northern quay \
                 of Port Halden empty and its cranes rusting.",
                "Residents blame the river diversion for the tannery, which closed 10 years ago \
                 when Port Halden lost its water rights.",
            ],
            [
                "Ministers in Varland will spend $2.6 billion on new schools over the next five \
                 years, the finance office announced after a long cabinet meeting.",
                "Under the plan Varland will spend $3 billion on hospitals, with building work \
                 due to begin in the northern provinces before winter.",
            ],
            [
                "In March unemployment rose to 5.2 percent in Varland, the highest level in a \
                 decade.",
                "Shop prices rose 4.8 percent across Varland in the year to March as fuel costs \
                 soared.",
            ],
            [
                "The probe needs a month to reach its orbit, then another 5 months before its \
                 cameras start work.",
                "Mission staff expect about 6 months before its cameras start work on the first \
                 targets.",
            ],
        ];
        for case in cases {
            let found = two_reports(case);
            assert!(found.is_empty(), "{case:?}: {found:#?}");
        }
    }

    #[test]
    fn populations_other_days_and_other_peoples_are_not_the_count() {
        let cases: [[&str; 2]; 3] = [
            [
                "Three quarters of Varland's 2 million people have fled to Port Halden.",
                "Aid workers say Port Halden now shelters more than 1.2 million people who fled \
                 the fighting elsewhere in Varland.",
            ],
            [
                "Shelling killed 40 people in Port Halden, Varland, on Monday.",
                "On Tuesday, artillery fire left 55 people dead in Port Halden, Varland officials \
                 said.",
            ],
            [
                "Officials in Ostrava said 40 Canadians were killed in the Port Halden crash.",
                "The Port Halden crash killed 55 Americans, according to Ostrava police.",
            ],
        ];
        for case in cases {
            let found = two_reports(case);
            assert!(found.is_empty(), "{case:?}: {found:#?}");
        }
    }
}
