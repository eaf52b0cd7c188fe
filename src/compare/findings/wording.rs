//! How two wordings of one passage differ, judged from their words alone: whether the difference
//! is mechanical (case, hyphens or spaces, dots, abbreviations, British/American spelling), a
//! house-style synonym ("Mideast"/"Middle East"), or a change of meaning, and of what kind.
//!
//! Shared by substitutions and quote changes, so a variant that is not listed as a substitution is
//! never reported as an altered quote either.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::rc::Rc;

use super::figures::{self, Reading};
use super::times::TIME_WORDS;
use crate::article::Article;
use crate::compare::FastMap;
use crate::compare::normalize::{Normalization, TokenClass, Tokenizer};

/// Abbreviations news style guides use, and the word each stands for.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("apr", "april"),
    ("aug", "august"),
    ("capt", "captain"),
    ("cmdr", "commander"),
    ("col", "colonel"),
    ("corp", "corporation"),
    ("dec", "december"),
    ("dept", "department"),
    ("dr", "doctor"),
    ("feb", "february"),
    ("fri", "friday"),
    ("gen", "general"),
    ("gov", "governor"),
    ("govt", "government"),
    ("hr", "hour"),
    ("hrs", "hours"),
    ("intl", "international"),
    ("jan", "january"),
    ("jr", "junior"),
    ("jul", "july"),
    ("jun", "june"),
    ("lt", "lieutenant"),
    ("mar", "march"),
    ("min", "minute"),
    ("mins", "minutes"),
    ("mon", "monday"),
    ("mt", "mount"),
    ("nov", "november"),
    ("oct", "october"),
    ("pres", "president"),
    ("prof", "professor"),
    ("rep", "representative"),
    ("sat", "saturday"),
    ("secs", "seconds"),
    ("sen", "senator"),
    ("sep", "september"),
    ("sept", "september"),
    ("sgt", "sergeant"),
    ("sr", "senior"),
    ("sun", "sunday"),
    ("thu", "thursday"),
    ("thurs", "thursday"),
    ("tue", "tuesday"),
    ("tues", "tuesday"),
    ("wed", "wednesday"),
    ("yr", "year"),
    ("yrs", "years"),
];

/// The length of the longest abbreviation in [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = 5;

/// Names outlets write differently by house style: each line is one name's spellings (squashed:
/// lower case, no spaces or dots).
const HOUSE_STYLE: &[&[&str]] = &[
    &["mideast", "middleeast"],
    &["us", "unitedstates", "usa", "america"],
    &["uk", "unitedkingdom", "britain", "greatbritain"],
    &["un", "unitednations"],
    &["eu", "europeanunion"],
    &["nato", "northatlantictreatyorganization"],
    &["who", "worldhealthorganization"],
    &[
        "idf",
        "israelidefenseforces",
        "israelimilitary",
        "israeliarmy",
    ],
    &["gaza", "gazastrip"],
    &["kyiv", "kiev"],
    &["odesa", "odessa"],
    &["kharkiv", "kharkov"],
    &["turkiye", "turkey"],
    &["czechia", "czechrepublic"],
    &["westbank", "occupiedwestbank"],
    &["ap", "associatedpress", "theassociatedpress"],
    &["afp", "agencefrancepresse"],
    &["nasa", "usspaceagency"],
];

/// Content words after "that" from which words cut with a verb of saying hold what it said
/// (see [`Words::holds_the_claim`]).
const MIN_CLAIM_WORDS: usize = 2;

/// Verbs and phrases that attribute words to a source, each with its tone: swapping one for
/// another reframes how much the source is believed, unless both are plain (sorted).
const SAYING: &[(&str, Tone)] = &[
    ("according", Tone::Plain),
    ("accused", Tone::Judging),
    ("accuses", Tone::Judging),
    ("acknowledged", Tone::Judging),
    ("acknowledges", Tone::Judging),
    ("added", Tone::Plain),
    ("adds", Tone::Plain),
    ("admits", Tone::Judging),
    ("admitted", Tone::Judging),
    ("alleged", Tone::Judging),
    ("alleges", Tone::Judging),
    ("announced", Tone::Plain),
    ("announces", Tone::Plain),
    ("argued", Tone::Judging),
    ("argues", Tone::Judging),
    ("asserted", Tone::Judging),
    ("asserts", Tone::Judging),
    ("boasted", Tone::Judging),
    ("boasts", Tone::Judging),
    ("bragged", Tone::Judging),
    ("claimed", Tone::Judging),
    ("claims", Tone::Judging),
    ("conceded", Tone::Judging),
    ("concedes", Tone::Judging),
    ("confessed", Tone::Judging),
    ("confirmed", Tone::Judging),
    ("confirms", Tone::Judging),
    ("contended", Tone::Judging),
    ("contends", Tone::Judging),
    ("declared", Tone::Judging),
    ("declares", Tone::Judging),
    ("denied", Tone::Judging),
    ("denies", Tone::Judging),
    ("explained", Tone::Plain),
    ("explains", Tone::Plain),
    ("insisted", Tone::Judging),
    ("insists", Tone::Judging),
    ("maintained", Tone::Judging),
    ("maintains", Tone::Judging),
    ("noted", Tone::Plain),
    ("predicted", Tone::Judging),
    ("quoted", Tone::Judging),
    ("remarked", Tone::Plain),
    ("replied", Tone::Plain),
    ("reported", Tone::Plain),
    ("responded", Tone::Plain),
    ("revealed", Tone::Judging),
    ("said", Tone::Plain),
    ("saith", Tone::Plain),
    ("say", Tone::Plain),
    ("sayest", Tone::Plain),
    ("says", Tone::Plain),
    ("stated", Tone::Plain),
    ("stressed", Tone::Judging),
    ("stresses", Tone::Judging),
    ("suggested", Tone::Judging),
    ("suggests", Tone::Judging),
    ("tells", Tone::Plain),
    ("told", Tone::Plain),
    ("vowed", Tone::Judging),
    ("warned", Tone::Judging),
    ("warns", Tone::Judging),
    ("wrote", Tone::Plain),
];

/// Participles of verbs of saying that follow another verb ("defended the plan, saying it was
/// fair"), each with its tone. Swapped for one another ("saying" → "insisting") they reframe the
/// claim as verbs of saying do; alone they name no source (cut, they leave the verb before
/// them), nor do they when they are nouns ("his saying"), so they are read only in such swaps
/// (sorted).
const SAYING_PARTICIPLES: &[(&str, Tone)] = &[
    ("acknowledging", Tone::Judging),
    ("admitting", Tone::Judging),
    ("alleging", Tone::Judging),
    ("arguing", Tone::Judging),
    ("asserting", Tone::Judging),
    ("boasting", Tone::Judging),
    ("claiming", Tone::Judging),
    ("conceding", Tone::Judging),
    ("declaring", Tone::Judging),
    ("denying", Tone::Judging),
    ("explaining", Tone::Plain),
    ("insisting", Tone::Judging),
    ("noting", Tone::Plain),
    ("saying", Tone::Plain),
    ("stating", Tone::Plain),
    ("stressing", Tone::Judging),
    ("suggesting", Tone::Judging),
];

/// How a verb of saying introduces its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    /// Reporting without judging: one swapped for another ("reported that" → "said",
    /// "according to police" → "police said", "added" → "told") changes how a source is
    /// introduced, not how far it is believed.
    Plain,
    /// Judging the source or what it says ("claimed", "admitted", "insisted").
    Judging,
}

/// The longest word of [`SAYING`], in bytes ("acknowledges").
const LONGEST_SAYING: usize = 12;
/// How long a word of [`SAYING`] is, in bytes ("say" to "acknowledges").
const SAYING_LENGTHS: std::ops::RangeInclusive<usize> = 3..=LONGEST_SAYING;
/// Words that carry a judgement or stir alarm ("terrified", "panic"): a swap or addition involving
/// one changes how the story reads.
const LOADED: &[&str] = &[
    "aggression",
    "alleged",
    "atrocity",
    "attack",
    "barbaric",
    "bloodbath",
    "bloody",
    "brutal",
    "carnage",
    "catastrophe",
    "chaos",
    "claimed",
    "clash",
    "collaborators",
    "condemned",
    "controversial",
    "crackdown",
    "crisis",
    "defiant",
    "dictator",
    "disaster",
    "embattled",
    "extremist",
    "extremists",
    "fanatic",
    "frantic",
    "furious",
    "fury",
    "genocide",
    "hardline",
    "hardliners",
    "heroic",
    "horrific",
    "horrified",
    "hostages",
    "hysteria",
    "hysterical",
    "illegals",
    "infamous",
    "insurgency",
    "insurgent",
    "insurgents",
    "insurrection",
    "invaders",
    "invasion",
    "jihadist",
    "jihadists",
    "lambasted",
    "looters",
    "martyrs",
    "massacre",
    "militant",
    "militants",
    "mob",
    "mobs",
    "murder",
    "murdered",
    "notorious",
    "occupation",
    "occupied",
    "outrage",
    "outraged",
    "panic",
    "panicked",
    "panicking",
    "petrified",
    "pogrom",
    "propaganda",
    "protesters",
    "radical",
    "rampage",
    "rebels",
    "regime",
    "riot",
    "rioters",
    "savage",
    "scandal",
    "separatists",
    "slaughter",
    "slaughtered",
    "so-called",
    "splurge",
    "strongman",
    "terrified",
    "terrifying",
    "terror",
    "terrorism",
    "terrorist",
    "terrorists",
    "thug",
    "thugs",
    "tragic",
    "traitors",
    "unrest",
    "uprising",
    "vandals",
    "villagers",
    "violent",
    "zealots",
];

/// Verbs that dramatise a change a plain verb states ("fell" → "plunged", "cut" → "slashed"):
/// a swap of one for a plain verb of change (see [`PLAIN_CHANGE`]) reframes the news as more
/// (or less) dramatic. Words with a plain sense in news ("axe", "rocketed" of a launch) are left
/// out.
const DRAMATISING: &[&str] = &[
    "axed",
    "axing",
    "ballooned",
    "ballooning",
    "decimate",
    "decimated",
    "decimates",
    "nosedive",
    "nosedived",
    "nosedives",
    "plummet",
    "plummeted",
    "plummeting",
    "plummets",
    "plunge",
    "plunged",
    "plunges",
    "plunging",
    "skyrocket",
    "skyrocketed",
    "skyrocketing",
    "skyrockets",
    "slash",
    "slashed",
    "slashes",
    "slashing",
    "slump",
    "slumped",
    "slumping",
    "slumps",
    "soar",
    "soared",
    "soaring",
    "soars",
    "spiraled",
    "spiraling",
    "spiralled",
    "spiralling",
    "tumble",
    "tumbled",
    "tumbles",
    "tumbling",
];

/// Plain verbs of change, which [`DRAMATISING`] verbs make dramatic ("fell", "rose", "cut").
const PLAIN_CHANGE: &[&str] = &[
    "climb",
    "climbed",
    "climbing",
    "climbs",
    "cut",
    "cuts",
    "cutting",
    "decline",
    "declined",
    "declines",
    "declining",
    "decrease",
    "decreased",
    "decreases",
    "decreasing",
    "dip",
    "dipped",
    "dipping",
    "dips",
    "drop",
    "dropped",
    "dropping",
    "drops",
    "fall",
    "fallen",
    "falling",
    "falls",
    "fell",
    "grew",
    "grow",
    "growing",
    "grown",
    "grows",
    "increase",
    "increased",
    "increases",
    "increasing",
    "reduce",
    "reduced",
    "reduces",
    "reducing",
    "rise",
    "risen",
    "rises",
    "rising",
    "rose",
    "shed",
    "sheds",
    "shedding",
    "slid",
    "slide",
    "slides",
    "sliding",
];

/// Who speaks or acts: a swap between two of these (or between names) changes the agent.
const AGENTS: &[&str] = &[
    "army",
    "authorities",
    "authority",
    "government",
    "investigators",
    "minister",
    "ministry",
    "military",
    "officials",
    "official",
    "police",
    "sources",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "troops",
    "witnesses",
];

/// Function words that reverse a statement: never treated as mere grammar.
const NEGATIONS: &[&str] = &["never", "no", "nor", "not"];
/// The articles: none names a speaker before a verb of saying, and one before it makes the verb
/// an adjective ("a suggested diagnosis").
pub const ARTICLES: &[&str] = &["a", "an", "the"];
/// Prepositions: one put where a verb stood ("provided the lift" → "into the sky") gives the
/// words after it another role; one after a verb of saying names whom it was said to.
pub const PREPOSITIONS: &[&str] = &[
    "across", "along", "around", "at", "beyond", "by", "for", "from", "in", "into", "of", "off",
    "on", "onto", "out", "over", "through", "to", "toward", "towards", "under", "with", "within",
    "without",
];

/// The words of one wording, normalised the way the engine compares them.
pub struct Words {
    /// Keys (normalised words) of the words, in order.
    keys: Vec<Rc<str>>,
    /// The words as written, in lower case.
    written: Vec<String>,
    /// Stems of the words, in order.
    stems: Vec<Rc<str>>,
    /// Whether each word is a function word.
    function: Vec<bool>,
    /// Whether each word is written with a capital.
    capital: Vec<bool>,
    /// Where each word lies in the text it was read from.
    spans: Vec<(usize, usize)>,
    /// [`Words::squashed`], worked out when first asked for.
    squashed: OnceCell<String>,
}

/// Share of a passage's content words a sentence must hold for the passage to stand there (see
/// [`Reader::holds_most_of`]).
const MOSTLY_HELD: f32 = 0.66;
/// Half, as a share of words two wordings have in common.
const HALF: f32 = 0.5;

/// The text of the sentences before and after `sentence` in `article` (empty where there is
/// none).
pub fn neighbours(article: &Article, sentence: usize) -> (&str, &str) {
    let text = |s: Option<usize>| s.map_or("", |s| article.sentence_text(s));
    let after = Some(sentence + 1).filter(|&s| s < article.sentences.len());
    (text(sentence.checked_sub(1)), text(after))
}

/// Whether `text` may hold a verb of saying: a run of letters that is one in lower case. Never
/// false for a text whose words ([`Words::saying_words`]) hold one; a quick test before reading
/// them.
pub fn may_hold_saying(text: &str) -> bool {
    saying_tones(text).next().is_some()
}

/// The tone of each run of letters in `text` that is a verb of saying in lower case, in order.
fn saying_tones(text: &str) -> impl Iterator<Item = Tone> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|run| SAYING_LENGTHS.contains(&run.len()))
        .filter_map(|run| {
            if !run.is_ascii() {
                return saying_tone(&run.to_lowercase());
            }
            // Lower-cased in place of a new string: most runs of prose are checked here.
            let mut buffer = [0u8; LONGEST_SAYING];
            let lower = &mut buffer[..run.len()];
            lower.copy_from_slice(run.as_bytes());
            lower.make_ascii_lowercase();
            saying_tone(std::str::from_utf8(lower).ok()?)
        })
}

/// Whether `from` → `to` swaps verbs of saying that report without judging for each other: both
/// hold one, and all they hold are plain ("reported that" → "said"; not "said" → "claimed", nor
/// "Some" → "Authorities said", which adds a source).
pub fn is_plain_saying_swap(from: &str, to: &str) -> bool {
    let plain_only = |text: &str| {
        let mut tones = saying_tones(text).peekable();
        tones.peek().is_some() && tones.all(|tone| tone == Tone::Plain)
    };
    plain_only(from) && plain_only(to)
}

/// Whether an attribution swap `from` → `to` tells a reader something: a verb or participle of
/// saying that judges on either side ("put" → "claimed", "saying" → "insisting"), one source's
/// verb swapped for another, or a source named on one side only ("Some" → "Authorities said").
/// Not a plain verb swapped for a plain one, nor half of an attribution reworded around the word
/// diff's cut ("according to a" → "a new" of "according to a study" → "a new study has found"),
/// which the attribution changes read whole.
pub fn is_telling_attribution_swap(reader: &mut Reader, from: &str, to: &str) -> bool {
    if is_plain_saying_swap(from, to) {
        return false;
    }
    let judges = |text: &str| {
        let participles = text
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(|word| tone_in(SAYING_PARTICIPLES, &word.to_lowercase()));
        saying_tones(text)
            .chain(participles)
            .any(|tone| tone == Tone::Judging)
    };
    if judges(from) || judges(to) {
        return true;
    }
    let names_who_says =
        |reader: &mut Reader, text: &str| reader.words(text).has_content_besides_saying();
    match (saying_tones(from).next(), saying_tones(to).next()) {
        (Some(_), Some(_)) => true,
        (Some(_), None) => names_who_says(reader, from),
        (None, Some(_)) => names_who_says(reader, to),
        (None, None) => false,
    }
}

/// The words on each side of a space ([`Words::split_at_spaces`]), squashed (see
/// [`Words::squashed`]) and whether all of them are function words: `(head squashed, head
/// function only, tail squashed, tail function only)`.
pub type Split<'w> = (&'w str, bool, &'w str, bool);

/// Normalises wordings with one shared tokenizer.
pub struct Reader {
    tokenizer: Tokenizer,
    /// Each key or stem id seen, in lower case.
    lower: FastMap<u32, Rc<str>>,
    /// The words of each text read so far (findings read the same short wordings, "said" or
    /// "the", over and over).
    read: FastMap<String, Rc<Words>>,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            tokenizer: Tokenizer::new(Normalization::default()),
            lower: FastMap::default(),
            read: FastMap::default(),
        }
    }
}

impl Reader {
    /// The words of `text`.
    pub fn words(&mut self, text: &str) -> Rc<Words> {
        if let Some(words) = self.read.get(text) {
            return Rc::clone(words);
        }
        let words = Rc::new(self.read_words(text));
        self.read.insert(text.to_owned(), Rc::clone(&words));
        words
    }

    /// The words of `text`, read afresh.
    fn read_words(&mut self, text: &str) -> Words {
        let tokens = self.tokenizer.tokenize(text, 0..text.len());
        let vocabulary = &self.tokenizer.vocabulary;
        let lower = &mut self.lower;
        let mut lower_case = |id: u32| {
            lower
                .entry(id)
                .or_insert_with(|| Rc::from(vocabulary.word(id).to_lowercase()))
                .clone()
        };
        let mut words = Words {
            keys: Vec::new(),
            written: Vec::new(),
            stems: Vec::new(),
            function: Vec::new(),
            capital: Vec::new(),
            spans: Vec::new(),
            squashed: OnceCell::new(),
        };
        for t in tokens.iter().filter(|t| t.is_word()) {
            let key = lower_case(t.key);
            words.stems.push(lower_case(t.stem));
            let negation = NEGATIONS.contains(&&*key);
            words
                .function
                .push(t.class == TokenClass::Function && !negation);
            let capital = text[t.start..t.end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            words.capital.push(capital);
            words.spans.push((t.start, t.end));
            words.written.push(text[t.start..t.end].to_lowercase());
            words.keys.push(key);
        }
        words
    }

    /// `self.words(text).squashed()`, without building the words (for wordings read once).
    pub fn squashed(&mut self, text: &str) -> String {
        if let Some(words) = self.read.get(text) {
            return words.squashed().to_owned();
        }
        squash(&self.word_keys(text), true)
    }

    /// The keys of the words of `text` in lower case, in order, without building its words.
    fn word_keys(&mut self, text: &str) -> Vec<&str> {
        let tokens = self.tokenizer.tokenize(text, 0..text.len());
        let vocabulary = &self.tokenizer.vocabulary;
        let keys: Vec<u32> = tokens
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.key)
            .collect();
        for &key in &keys {
            self.lower
                .entry(key)
                .or_insert_with(|| Rc::from(vocabulary.word(key).to_lowercase()));
        }
        keys.iter().map(|key| &*self.lower[key]).collect()
    }

    /// Whether each of `keys` is the key of a word of one of `texts`: [`Words::has_key`] on the
    /// words of each, without building or keeping them (the rest of a sentence around an edit
    /// is read once).
    pub fn all_keys_in(&mut self, keys: &[&str], texts: [&str; 2]) -> bool {
        self.keys_found_in(keys, texts).iter().all(|&f| f)
    }

    /// Whether `text` holds most of `keys` (see [`MOSTLY_HELD`]): a passage of those words
    /// stands there, reworded a little at most ("snowslide" → "snow slide").
    pub fn holds_most_of(&mut self, keys: &[&str], text: &str) -> bool {
        let found = self.keys_found_in(keys, [text, ""]);
        let held = found.iter().filter(|&&f| f).count();
        !keys.is_empty() && held as f32 >= MOSTLY_HELD * keys.len() as f32
    }

    /// The tokens of `text[span.0..span.1]`, words and marks of punctuation alike: each one's
    /// byte span in `text` and its key in lower case.
    pub fn tokens(&mut self, text: &str, span: (usize, usize)) -> Vec<((usize, usize), String)> {
        let tokens = self.tokenizer.tokenize(text, span.0..span.1);
        let vocabulary = &self.tokenizer.vocabulary;
        tokens
            .iter()
            .map(|t| {
                let lower = self
                    .lower
                    .entry(t.key)
                    .or_insert_with(|| Rc::from(vocabulary.word(t.key).to_lowercase()));
                ((t.start, t.end), lower.to_string())
            })
            .collect()
    }

    /// Whether `passage`, cut from (or added to) one version's sentence, stands in the other
    /// version's sentence before or after `sentence` of `article`: it moved into a sentence of
    /// its own. Passages shorter than [`MIN_MOVED_PASSAGE_WORDS`] are edits of the sentence itself.
    pub fn moved_next_door(&mut self, passage: &Words, article: &Article, sentence: usize) -> bool {
        passage.len() >= MIN_MOVED_PASSAGE_WORDS
            && self.held_next_door(&passage.content_keys(), article, sentence)
    }

    /// Whether the sentence before or after `sentence` of `article` holds most of `keys` (see
    /// [`Reader::holds_most_of`]): a passage that moved into a sentence of its own.
    pub fn held_next_door(&mut self, keys: &[&str], article: &Article, sentence: usize) -> bool {
        let (before, after) = neighbours(article, sentence);
        self.holds_most_of(keys, before) || self.holds_most_of(keys, after)
    }

    /// For each of `keys`, whether it is the key of a word of one of `texts`.
    pub fn keys_found_in(&mut self, keys: &[&str], texts: [&str; 2]) -> Vec<bool> {
        let mut found = vec![false; keys.len()];
        for text in texts {
            if found.iter().all(|&f| f) {
                break;
            }
            for lower in self.word_keys(text) {
                for (key, found) in keys.iter().zip(found.iter_mut()) {
                    *found |= *key == lower;
                }
            }
        }
        found
    }

    /// Whether `text` holds a verb of speech and a word with key `key` ("He said to him" for
    /// "he"): a speaker who speaks there.
    pub fn speaks_with(&mut self, key: &str, text: &str) -> bool {
        let keys = self.word_keys(text);
        keys.contains(&key) && keys.iter().any(|k| is_speaking(k))
    }

    /// How many verbs of saying `text` holds: `self.words(text).saying_words().len()`, without
    /// building the words.
    pub fn saying_count(&mut self, text: &str) -> usize {
        let keys = self.word_keys(text);
        (0..keys.len()).filter(|&i| says_at(&keys, i)).count()
    }
}

impl Words {
    /// The words run together with abbreviations expanded: equal for wordings that differ only
    /// mechanically ("long term"/"long-term", "U.S.-led"/"US-led", "Oct"/"October").
    pub fn squashed(&self) -> &str {
        self.squashed.get_or_init(|| squash(&self.keys, true))
    }

    /// The words as written run together, case, dots and hyphens aside ("three quarters" and
    /// "three-quarters", which the engine keys differently).
    fn squashed_as_written(&self) -> String {
        squash(&self.written, false)
    }

    /// As [`Self::squashed_as_written`], contractions written out ("I’d" as "I would").
    fn squashed_without_contractions(&self) -> String {
        let expanded: Vec<String> = self
            .written
            .iter()
            .map(|w| expand_contractions(w))
            .collect();
        squash(&expanded, false)
    }

    /// Whether a word is written with an apostrophe: only then can it be a contraction, and
    /// [`Self::squashed_without_contractions`] differ from [`Self::squashed_as_written`].
    fn has_apostrophe(&self) -> bool {
        self.written.iter().any(|w| w.contains(['\'', '’']))
    }

    /// Whether there are no words at all.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// How many words there are.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    fn has_any(&self, list: &[&str]) -> bool {
        self.keys.iter().any(|k| list.contains(&&**k))
    }

    fn saying(&self) -> Vec<&str> {
        (0..self.keys.len())
            .filter(|&i| self.says_at(i))
            .map(|i| &*self.keys[i])
            .collect()
    }

    /// Whether word `i` is a verb of saying here (see [`says_at`]).
    fn says_at(&self, i: usize) -> bool {
        says_at(&self.keys, i)
    }

    /// Where the first verb of saying (or "according") stands.
    fn first_saying(&self) -> Option<usize> {
        (0..self.keys.len()).find(|&i| self.says_at(i))
    }

    /// Whether a word is a verb of saying or "according" (the words name a claim's source).
    pub fn names_a_source(&self) -> bool {
        !self.saying().is_empty()
    }

    /// The verbs of saying, in order.
    pub fn saying_words(&self) -> Vec<&str> {
        self.saying()
    }

    /// Whether some word of substance is not a verb of saying (or "according"): the words may
    /// name who said something, not only that it was said.
    pub fn has_content_besides_saying(&self) -> bool {
        self.content_besides_saying().next().is_some()
    }

    /// Where the content words that are not verbs of saying stand.
    fn content_besides_saying(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.keys.len()).filter(|&i| !self.function[i] && !self.says_at(i))
    }

    /// Whether `other` holds, by stem, every content word of these that is not a verb of saying
    /// ("according to plan" in "as planned"): whatever these words name is still named there.
    pub fn named_in(&self, other: &Words) -> bool {
        self.content_besides_saying()
            .all(|i| other.stems.contains(&self.stems[i]))
    }

    /// Whether the first word is a verb of saying (or "according").
    pub fn opens_with_saying(&self) -> bool {
        !self.keys.is_empty() && self.says_at(0)
    }

    /// Whether the words hold what a verb of saying among them said: "that" after the verb, and
    /// content words after it ("but warned that the jobs must be secure"): cut, a claim went
    /// with its source, no claim was left standing without one.
    pub fn holds_the_claim(&self) -> bool {
        let Some(verb) = self.first_saying() else {
            return false;
        };
        let Some(that) = self.keys[verb..].iter().position(|k| &**k == "that") else {
            return false;
        };
        let claim = &self.function[verb + that + 1..];
        claim.iter().filter(|function| !**function).count() >= MIN_CLAIM_WORDS
    }

    /// Whether a verb of saying (or "according") is among the last `n` words.
    pub fn says_near_end(&self, n: usize) -> bool {
        (self.keys.len().saturating_sub(n)..self.keys.len()).any(|i| self.says_at(i))
    }

    /// The verbs the verbs of saying are forms of, in order: a change of tense or an archaic
    /// form ("said" → "says", "saith") keeps the verb.
    pub fn saying_verbs(&self) -> Vec<&str> {
        self.saying().into_iter().map(saying_verb).collect()
    }

    /// The verbs of saying with ", saying", the participle that introduces what is said, among
    /// them (as the verb "say"): where only it tells two wordings' verbs of saying apart, their
    /// attribution is the same ("and said" → ", saying"). The participle alone names no source
    /// ("the saying", "cried, saying" before the words cried).
    fn attributing_verbs(&self) -> Vec<&str> {
        (0..self.keys.len())
            .filter(|&i| self.says_at(i) || &*self.keys[i] == "saying")
            .map(|i| saying_verb(&self.keys[i]))
            .collect()
    }

    /// The keys of the words that are not function words.
    pub fn content_keys(&self) -> Vec<&str> {
        self.keys
            .iter()
            .zip(&self.function)
            .filter(|(_, f)| !**f)
            .map(|(k, _)| &**k)
            .collect()
    }

    /// The content words, each as its key and as written (in lower case).
    pub fn content_words(&self) -> impl Iterator<Item = (&str, &str)> {
        (self.keys.iter().zip(&self.written))
            .zip(&self.function)
            .filter(|(_, function)| !**function)
            .map(|((key, written), _)| (&**key, written.as_str()))
    }

    /// The keys of the content words, or of all the words where there are none ("he said"):
    /// what tells the words apart when they are looked for elsewhere.
    pub fn telling_keys(&self) -> Vec<&str> {
        let content = self.content_keys();
        if content.is_empty() {
            self.all_keys()
        } else {
            content
        }
    }

    /// [`Self::telling_keys`] with abbreviations written out ("Oct" as "october"), sorted: two
    /// passages with the same are the same words, wherever they stand and however shortened.
    pub fn telling_key_set(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self
            .telling_keys()
            .into_iter()
            .map(expand_abbreviation)
            .collect();
        keys.sort_unstable();
        keys
    }

    /// All the words as written (in lower case), function words included.
    pub fn all_written(&self) -> impl Iterator<Item = &str> {
        self.written.iter().map(String::as_str)
    }

    /// The keys of all the words, function words included.
    pub fn all_keys(&self) -> Vec<&str> {
        self.keys.iter().map(|k| &**k).collect()
    }

    /// Whether one of the words has key `key`.
    pub fn has_key(&self, key: &str) -> bool {
        self.keys.iter().any(|k| &**k == key)
    }

    /// Each space of the text the words were read from (`text`), in order, with the words
    /// before and after it as [`Split`] says, the same as reading each side afresh; `None` at a
    /// space inside a word ("per cent" read as one).
    pub fn split_at_spaces<'w>(
        &'w self,
        text: &'w str,
    ) -> impl Iterator<Item = (usize, Option<Split<'w>>)> + 'w {
        let squashed = self.squashed();
        // Squashing reads each word alone: the words before a space squash to a prefix.
        let mut word = String::new();
        let squashed_ends: Vec<usize> = self
            .keys
            .iter()
            .scan(0, |end, key| {
                word.clear();
                squash_into(&mut word, std::slice::from_ref(key), true);
                *end += word.len();
                Some(*end)
            })
            .collect();
        let spaces = text
            .char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .map(|(at, _)| at);
        spaces.map(move |at| {
            let inside = self
                .spans
                .iter()
                .any(|&(start, end)| start < at && at < end);
            if inside {
                return (at, None);
            }
            let split = self.spans.partition_point(|&(_, end)| end <= at);
            let head_end = split.checked_sub(1).map_or(0, |last| squashed_ends[last]);
            let function_only = |range: &[bool]| range.iter().all(|&f| f);
            let sides = (
                &squashed[..head_end],
                function_only(&self.function[..split]),
                &squashed[head_end..],
                function_only(&self.function[split..]),
            );
            (at, Some(sides))
        })
    }

    /// Whether the words open with a verb of saying, "and" aside, that names no speaker of its
    /// own ("and said unto them", "said to"; not "according to a person familiar with…").
    pub fn opens_with_bare_saying(&self) -> bool {
        let first = self.keys.iter().position(|k| &**k != "and");
        first.is_some_and(|i| self.says_at(i) && &*self.keys[i] != "according")
    }

    /// The word naming who speaks through the first verb of saying: the nearest word before
    /// the verb that `linking` does not pass over (conjunctions, auxiliaries, adverbs: "and
    /// said", "I have told", "then said"), unless it is an article, else the first content
    /// word after it ("said the minister", "then said Jesus"). `None` without a verb of saying
    /// or a word to name.
    pub fn speaker(&self, linking: impl Fn(&str) -> bool) -> Option<&str> {
        let verb = self.first_saying()?;
        let before = self.keys[..verb]
            .iter()
            .rev()
            .find(|k| !linking(k))
            .filter(|k| !ARTICLES.contains(&&***k));
        let after = || {
            (verb + 1..self.keys.len())
                .find(|&i| !self.function[i])
                .map(|i| &self.keys[i])
        };
        before.or_else(after).map(|k| &**k)
    }

    /// Whether some word is a verb of speech ([`is_speaking`]: "answered them, …", "these words
    /// spake he").
    pub fn has_speaking(&self) -> bool {
        self.keys.iter().any(|k| is_speaking(k))
    }

    /// Whether the last word is a function word ("…as a", "…killed five people, and at").
    pub fn ends_on_a_function_word(&self) -> bool {
        self.function.last().is_some_and(|&f| f)
    }

    /// Whether the words hedge a claim: a modal of possibility ("could", "may", "might") or a
    /// hedge ("likely", "perhaps"). Cut or added alone, they make a claim surer or less sure
    /// ("could make" → "make"): no mere grammar.
    pub fn hedges(&self) -> bool {
        self.has_any(POSSIBLE) || self.has_any(HEDGES)
    }

    /// Whether every word is a function word.
    pub fn is_function_only(&self) -> bool {
        self.function.iter().all(|&f| f)
    }

    /// The stems of the content words, sorted.
    fn content_stems(&self) -> Vec<&str> {
        let mut stems = self.content_stems_in_order();
        stems.sort_unstable();
        stems
    }

    /// The stems of the content words, in order.
    fn content_stems_in_order(&self) -> Vec<&str> {
        self.stems
            .iter()
            .zip(&self.function)
            .filter(|(_, f)| !**f)
            .map(|(s, _)| &**s)
            .collect()
    }

    /// The keys of the words written with a capital not at the start of the wording, sorted;
    /// days and months are times, not names ("from Kent on" → "early Monday from").
    fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = (1..self.keys.len())
            .filter(|&i| self.capital[i] && !TIME_WORDS.contains(&&*self.keys[i]))
            .map(|i| &*self.keys[i])
            .collect();
        names.sort_unstable();
        names
    }

    /// The keys of the content words written with a capital, in order; the first word counts
    /// only when the wording does not start a sentence (where any word takes one).
    pub fn capitalized_keys(&self, starts_sentence: bool) -> Vec<&str> {
        (usize::from(starts_sentence)..self.keys.len())
            .filter(|&i| self.capital[i] && !self.function[i])
            .map(|i| &*self.keys[i])
            .collect()
    }

    /// Whether both have the same content words up to inflection.
    /// Whether these words are `other` reworded a little: most of their content words' stems
    /// (two at least) stand among `other`'s, or half of each side's stand among the other's
    /// ("had been helping to dig out a tractor buried by the mudslide" → "helped dig out a
    /// mudslide-buried tractor").
    pub fn reworded_as(&self, other: &Words) -> bool {
        let (mine, theirs) = (self.content_stems(), other.content_stems());
        let share = |of: &[&str], among: &[&str]| {
            let held = of.iter().filter(|s| among.binary_search(s).is_ok()).count();
            held as f32 / of.len().max(1) as f32
        };
        let (held, holding) = (share(&mine, &theirs), share(&theirs, &mine));
        mine.len() >= 2 && (held >= MOSTLY_HELD || held >= HALF && holding >= HALF)
    }

    /// Whether both hold the same content words, by stem ("The multitudes" and "the multitude").
    pub fn same_content_stems(&self, other: &Words) -> bool {
        self.content_stems() == other.content_stems()
    }

    /// Where the words left stand once `moved`'s content words, found in order side by side at
    /// one end of these (function words outside them aside), are taken away with the function
    /// words outside them: `None` where they are not found there, or nothing is left. "shares
    /// dropped" without "Shares of" leaves "dropped"; "a British teenager, ended the longest"
    /// without "British teenager" leaves "ended the longest".
    pub fn left_without(&self, moved: &Words) -> Option<(usize, usize)> {
        let wanted = moved.content_stems_in_order();
        if wanted.is_empty() {
            return None;
        }
        let (n, k) = (self.len(), wanted.len());
        let found_at = |at: usize| {
            at + k <= n
                && (at..at + k).all(|i| !self.function[i] && &*self.stems[i] == wanted[i - at])
        };
        let first = self.function.iter().position(|f| !f)?;
        let last = self.function.iter().rposition(|f| !f)? + 1;
        let (start, end) = if found_at(first) {
            (first + k, n)
        } else if last >= k && found_at(last - k) {
            (0, last - k)
        } else {
            return None;
        };
        (start < end).then(|| (self.spans[start].0, self.spans[end - 1].1))
    }

    /// Whether every function word is one of `allowed`.
    pub fn auxiliaries_only_besides_content(&self, allowed: &[&str]) -> bool {
        self.keys
            .iter()
            .zip(&self.function)
            .all(|(k, f)| !*f || allowed.contains(&&**k))
    }

    /// Whether any word carries a judgement.
    pub fn is_loaded(&self) -> bool {
        self.has_any(LOADED)
    }

    /// Whether the words state a change plainly where `other` dramatises it, or the other way
    /// round ("fell" → "plunged"; see [`DRAMATISING`] and [`PLAIN_CHANGE`]).
    fn changes_drama(&self, other: &Words) -> bool {
        match (self.has_any(DRAMATISING), other.has_any(DRAMATISING)) {
            (true, false) => other.has_any(PLAIN_CHANGE),
            (false, true) => self.has_any(PLAIN_CHANGE),
            _ => false,
        }
    }
}

/// Contractions and what they stand for ("I’d" is "I would").
const CONTRACTIONS: &[(&str, &str)] = &[
    ("can't", "cannot"),
    ("won't", "will not"),
    ("n't", " not"),
    ("'d", " would"),
    ("'ll", " will"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'m", " am"),
];

/// Words whose "'s" can only be "is" or "has" (never a possessive): "that's", "it's".
const IS_OR_HAS_BEFORE: &[&str] = &[
    "he", "here", "how", "it", "she", "that", "there", "what", "where", "who",
];

/// `text` with its contractions written out (see [`expand_contractions`]): a tense changed
/// through a contraction ("That's" → "That was") reads as a tense.
pub fn contractions_written_out(text: &str) -> String {
    text.split_whitespace()
        .map(expand_contractions)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word with its contraction written out ("won't" → "will not"), "'s" as "is" where it cannot
/// be a possessive ("That's" → "That is").
fn expand_contractions(word: &str) -> String {
    let word = word.replace('’', "'");
    let is_or_has = word
        .strip_suffix("'s")
        .filter(|stem| IS_OR_HAS_BEFORE.contains(&stem.to_lowercase().as_str()));
    if let Some(stem) = is_or_has {
        return format!("{stem} is");
    }
    CONTRACTIONS
        .iter()
        .find_map(|(short, long)| word.strip_suffix(short).map(|stem| format!("{stem}{long}")))
        .unwrap_or(word)
}

/// Numbers written as words, and their digits.
const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];
/// A word as digits when it is a small number, a number from 20 to 99 or an ordinal written out
/// ("one" → "1", "thirty-one" → "31", "fourth" → "4th").
fn as_digits(word: &str) -> Option<String> {
    if let Some(i) = NUMBER_WORDS.iter().position(|n| *n == word) {
        return Some(i.to_string());
    }
    if let Some(value) = figures::tens_value(word) {
        return Some(value.to_string());
    }
    let n = figures::ordinal_value(word)? as u32;
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    Some(format!("{n}{suffix}"))
}

/// Words run together with abbreviations expanded (and, with `digits`, small numbers and
/// ordinals as digits, a day of the month without its ordinal ending: "January 1st" as "Jan.
/// 1", and units by their symbol: "gigawatts" as "GW"), letters and digits only.
fn squash<W: AsRef<str>>(words: &[W], digits: bool) -> String {
    let mut out = String::new();
    squash_into(&mut out, words, digits);
    out
}

/// [`squash`], pushed onto `out`.
fn squash_into<W: AsRef<str>>(out: &mut String, words: &[W], digits: bool) {
    let spelled = |i: usize| {
        words
            .get(i)
            .map(|w| spelled_for_squashing(w.as_ref(), digits))
    };
    let is_month = |i: usize| spelled(i).is_some_and(|w| figures::MONTHS.contains(&w.as_ref()));
    // "January 1st", "1st January", "1st of January".
    let day_of_month = |i: usize| {
        i.checked_sub(1).is_some_and(is_month)
            || is_month(i + 1)
            || spelled(i + 1).is_some_and(|w| w == "of") && is_month(i + 2)
    };
    for (i, word) in (0..words.len()).filter_map(|i| Some((i, spelled(i)?))) {
        let word = match figures::ordinal_digits(&word) {
            Some(day) if digits && day_of_month(i) => day,
            _ => &word,
        };
        push_letters_and_digits(out, word);
    }
}

/// A word as [`squash`] reads it: without a final dot, its abbreviation expanded, or (with
/// `digits`) a small number or ordinal as digits, a unit by its symbol.
fn spelled_for_squashing(word: &str, digits: bool) -> Cow<'_, str> {
    let word = word.trim_end_matches('.');
    let digit_form = || as_digits(word).map(Cow::Owned);
    let symbol = || unit_symbol(word).map(Cow::Owned);
    match digits.then(|| digit_form().or_else(symbol)).flatten() {
        Some(form) => form,
        None => Cow::Borrowed(expand_abbreviation(word)),
    }
}

/// Pushes the letters and digits of `word` onto `out`, and a decimal point between digits.
fn push_letters_and_digits(out: &mut String, word: &str) {
    let mut chars = word.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        let decimal_point = c == '.'
            && previous.is_some_and(|p| p.is_ascii_digit())
            && chars.peek().is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || decimal_point {
            out.push(c);
        }
        previous = Some(c);
    }
}

/// The symbol of the unit a word names, in lower case ("gw" for "gigawatts" and "GW"), where it
/// is not the word itself.
fn unit_symbol(word: &str) -> Option<String> {
    let symbol = figures::unit_of(word)?.to_lowercase();
    (symbol != word).then_some(symbol)
}

fn expand_abbreviation(key: &str) -> &str {
    if key.len() > LONGEST_ABBREVIATION {
        return key;
    }
    ABBREVIATIONS
        .binary_search_by(|(short, _)| (*short).cmp(key))
        .map_or(key, |i| ABBREVIATIONS[i].1)
}

/// What kind of difference separates two wordings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difference {
    /// None worth reporting: case, hyphens, spaces, dots, abbreviations, spelling.
    Mechanical,
    /// One name written two ways by house style.
    HouseStyle,
    /// A different verb of saying, or attribution added or dropped.
    Attribution,
    /// A loaded word swapped in or out.
    Framing,
    /// A different speaker or actor.
    Agent,
    /// Only function words or inflections differ (tense, articles, prepositions).
    Function,
    /// Other words of substance.
    Content,
}

/// Whether two wordings differ only in spelling, case, hyphens, spaces, dots, abbreviations, a
/// decade's century ("1990s"/"'90s") or the notation of a time of day ("9 a.m."/"09:00"; a
/// contraction is more than spelling: in a quotation it changes the speaker's words).
pub fn is_spelling_only(from: &Words, to: &Words) -> bool {
    from.squashed() == to.squashed()
        || same_as_written(from, to)
        || same_decade(from, to)
        || same_clock_time(from, to)
}

/// Whether the words as written are the same, case, dots and hyphens aside.
fn same_as_written(from: &Words, to: &Words) -> bool {
    from.squashed_as_written() == to.squashed_as_written()
}

/// Whether both sides give the same figure in other notation ("10 billion" → "10bn", "1.6
/// million kilometers" → "1.6m km", "about 1.2 million" → "around 1.2m", a conversion after it
/// aside), `measures` being the figures
/// they give when both give one ([`measure_of`]), or name the same unit ("kilometres" → "km").
fn same_quantity(from: &Words, to: &Words, measures: Option<&(Reading, Reading)>) -> bool {
    if let Some((a, b)) = measures {
        let one_unit = match (a.unit, b.unit) {
            (Some(x), Some(y)) => figures::one_unit(x, y),
            (x, y) => x == y,
        };
        return (a.same_number(b) || a.is_fraction_rounded(b))
            && one_unit
            && figures::hedge_alike(a.bound, b.bound);
    }
    let unit = |w: &Words| match w.keys.as_slice() {
        [key] => figures::unit_of(key),
        _ => None,
    };
    unit(from).is_some_and(|u| Some(u) == unit(to))
}

/// Most words before a figure's number that belong to it: a qualifier and a currency sign
/// ("not more than US $").
const MAX_FIGURE_LEAD: usize = 5;

/// Whether the words give one figure and nothing more ("3 billion Swiss francs", "CHF3bn").
pub fn is_one_figure(w: &Words) -> bool {
    measure_of(w).is_some()
}

/// The figure the words give and nothing more, a conversion in brackets after it aside.
fn measure_of(w: &Words) -> Option<Reading> {
    // Every figure starts with digits, a number word before a scale word, or "a dozen"; a
    // share may be a fraction written out as one word ("two-thirds", "half": hyphenated but
    // for "half", so most words are not read as one).
    let may_hold_figure = |word: &String| {
        figures::may_belong_to_figure(word)
            || word == "dozen"
            || (word.contains('-') || word.eq_ignore_ascii_case("half"))
                && figures::is_fraction_word(word)
    };
    if !w.written.iter().any(may_hold_figure) {
        return None;
    }
    // Figures as written ("10bn"), units by their keys ("kilometres" as "kilometers").
    let words: Vec<&str> = (w.written.iter().zip(&w.keys))
        .map(|(written, key)| {
            if figures::is_unit_word(key) {
                &**key
            } else {
                written.as_str()
            }
        })
        .collect();
    // "a dozen" is 12 written out (a scale word read as a figure only from 100 up).
    let words = match words.as_slice() {
        [one, dozen, rest @ ..]
            if ["a", "one"].contains(&one.to_lowercase().as_str())
                && dozen.eq_ignore_ascii_case("dozen") =>
        {
            std::iter::once("12").chain(rest.iter().copied()).collect()
        }
        _ => words,
    };
    let one_figure = |words: &[&str]| {
        // The number, after its qualifier and currency sign if any ("about £1.5bn"), is the
        // first figure read from the first word on.
        let reading = (0..words.len().min(MAX_FIGURE_LEAD + 1)).find_map(|at| {
            figures::read(words, at)
                .or_else(|| {
                    figures::is_fraction_word(words[at])
                        .then(|| figures::fraction_reading(words, at))
                        .flatten()
                })
                .filter(|r| r.first == 0)
        })?;
        let after = &words[reading.last + 1..];
        // One adjective may stand before the unit: "Swiss francs", "US dollars"; not a time
        // word, "last week" after a sum being when it was paid.
        let adjective = usize::from(
            after.first().is_some_and(|w| {
                w.chars().all(char::is_alphabetic)
                    && !TIME_WORDS.contains(&w.to_lowercase().as_str())
            }) && !after.first().copied().is_some_and(figures::is_unit_word)
                && after.get(1).copied().is_some_and(figures::is_unit_word),
        );
        let units = after[adjective..]
            .iter()
            .take_while(|w| figures::is_unit_word(w));
        let end = reading.last + 1 + adjective + units.count();
        Some((reading, end))
    };
    let (reading, end) = one_figure(&words)?;
    // What follows may be the figure's conversion, its brackets cut with it ("300 million
    // ($380 million" → "300m").
    let converted = end == words.len() || one_figure(&words[end..])?.1 == words.len() - end;
    converted.then_some(reading)
}

/// Auxiliaries that make a passive with a participle after them.
pub const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "been", "being", "is", "are", "be"];
/// Words before "say" that make it name no source: an infinitive, a modal, a negation, a
/// question, the first or second person, or an article (the noun: "a say in the plan").
const NO_SOURCE_SAYS: &[&str] = &[
    "a", "can", "could", "i", "may", "might", "must", "not", "shall", "should", "the", "thou",
    "to", "we", "what", "will", "would", "ye", "you",
];
/// Words after "added" that make it join one thing to another rather than say something.
const JOINED_TO: &[&str] = &["thereto", "to", "unto"];
/// What "according to" may name that is a rule or a measure, not a source: "according to plan",
/// "according to the law", "according to his ability" (sorted).
const NORMS: &[&str] = &[
    "ability",
    "custom",
    "customs",
    "deeds",
    "design",
    "guidelines",
    "law",
    "laws",
    "manner",
    "measure",
    "need",
    "needs",
    "pattern",
    "plan",
    "plans",
    "procedure",
    "promise",
    "protocol",
    "purpose",
    "regulations",
    "rule",
    "rules",
    "schedule",
    "script",
    "standard",
    "standards",
    "tradition",
    "will",
    "works",
];
/// Words opening a clause after "according to" ("according to what you have", "according to
/// which"): what follows is a measure, not a source.
const CLAUSE_OPENERS: &[&str] = &["how", "what", "whatever", "whether", "which"];
/// Fewest words of a passage cut or added that is checked for having moved into a sentence next
/// door (see [`Reader::moved_next_door`]; fewer are edits of the sentence itself).
const MIN_MOVED_PASSAGE_WORDS: usize = 3;
/// Determiners that may stand between "according to" and what it names.
const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "this", "thy", "your",
];

/// Whether a lower-case word is a determiner ([`DETERMINERS`]).
pub fn is_determiner(word: &str) -> bool {
    DETERMINERS.contains(&word)
}

/// Verbs that say who is speaking without being read as verbs of saying themselves: beside a
/// verb of saying they keep its speaker ("Jesus answered and said unto him" → "Jesus answered
/// him"). Sorted.
const SPEAKING: &[&str] = &[
    "answer",
    "answered",
    "answereth",
    "answering",
    "answers",
    "ask",
    "asked",
    "asking",
    "asks",
    "cried",
    "expounded",
    "say",
    "saying",
    "shouted",
    "spake",
    "speak",
    "speaking",
    "speaks",
    "spoke",
    "spoken",
    "tell",
    "telling",
    "testified",
    "write",
    "writes",
    "writing",
    "written",
];

/// Whether a lower-case word says who is speaking: a verb of saying or one of [`SPEAKING`].
pub fn is_speaking(word: &str) -> bool {
    is_saying(word) || SPEAKING.binary_search(&word).is_ok()
}

/// Whether word `i` of the lower-case `keys` is a verb of saying where it stands: not "added" or
/// "adds" joining something to something ("adds to it", "shall be added unto you"), nor a passive
/// that neither names who said it nor says what ("might be revealed", "has now been revealed
/// to"; "it was reported that", "was reported by" and "was quoted as saying" stay), nor "say"
/// after a word in [`NO_SOURCE_SAYS`], nor "said" after "the" ("the said Herodias").
fn says_at<K: AsRef<str>>(keys: &[K], i: usize) -> bool {
    let key = keys[i].as_ref();
    if !is_saying(key) {
        return false;
    }
    let before = i.checked_sub(1).map(|b| keys[b].as_ref());
    let next = keys.get(i + 1).map(AsRef::as_ref);
    // "added to", and "adds about 20 minutes": joining one thing to another, or an amount.
    let joins = matches!(key, "added" | "adds")
        && next.is_some_and(|n| {
            JOINED_TO.contains(&n) || figures::is_figure(n) || figures::is_one_word_qualifier(n)
        });
    let bare_passive = before.is_some_and(|b| PASSIVE_AUXILIARIES.contains(&b))
        && !matches!(next, Some("as" | "by" | "that"));
    let not_a_source = key == "say" && before.is_some_and(|b| NO_SOURCE_SAYS.contains(&b));
    // "the said Herodias": the one named before.
    let adjective = key == "said" && before == Some("the");
    !joins && !bare_passive && !not_a_source && !adjective && !according_to_a_norm(keys, i)
}

/// Whether the "according" at word `i` of `keys` names no source: "according as" (in
/// proportion as), or "according to" a rule or measure ([`NORMS`]: "according to plan", "to
/// his ability") or a clause ([`CLAUSE_OPENERS`]: "according to what you have"). Where the
/// words end after "according" or "to", what follows is unknown and may be a source.
fn according_to_a_norm<K: AsRef<str>>(keys: &[K], i: usize) -> bool {
    if keys[i].as_ref() != "according" {
        return false;
    }
    let after = |n: usize| keys.get(i + n).map(AsRef::as_ref);
    match after(1) {
        None | Some("to") => {}
        Some(_) => return true,
    }
    let named = match after(2) {
        Some(word) if DETERMINERS.contains(&word) => after(3),
        word => word,
    };
    named.is_some_and(|word| NORMS.binary_search(&word).is_ok() || CLAUSE_OPENERS.contains(&word))
}

/// Whether "according to" followed by `text` names no source: a rule or measure, or a clause
/// ("according to what you have"; see [`according_to_a_norm`]).
pub fn according_to_names_no_source(text: &str) -> bool {
    let mut keys = vec!["according".to_owned(), "to".to_owned()];
    keys.extend(
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(2)
            .map(str::to_lowercase),
    );
    keys.len() > 2 && according_to_a_norm(&keys, 0)
}

/// Whether one side is a decade with its century and the other the same decade without
/// ("1990s" / "'90s"): the century left out is the one meant.
fn same_decade(from: &Words, to: &Words) -> bool {
    let decade = |words: &Words| match words.keys.as_slice() {
        [key] => key
            .strip_suffix('s')
            .filter(|digits| {
                matches!(digits.len(), 2 | 4)
                    && digits.ends_with('0')
                    && digits.bytes().all(|b| b.is_ascii_digit())
            })
            .map(str::to_owned),
        _ => None,
    };
    match (decade(from), decade(to)) {
        (Some(x), Some(y)) if x.len() != y.len() => x.ends_with(&y) || y.ends_with(&x),
        _ => false,
    }
}

/// A day of the year or a time of day, as a wording gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// A day of a month (1 for January).
    Day { month: usize, day: u32 },
    /// A time of day, in minutes after midnight.
    Clock(u32),
}

/// Month names in order, as their first three letters.
const MONTH_STARTS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The number of the month a key names ("jan", "january" → 1).
fn month_number(key: &str) -> Option<usize> {
    if !figures::MONTHS.contains(&key) {
        return None;
    }
    MONTH_STARTS
        .iter()
        .position(|start| key.starts_with(start))
        .map(|i| i + 1)
}

/// The day of a month a key gives ("8", "8th", "31st").
fn day_number(key: &str) -> Option<u32> {
    let digits = figures::ordinal_digits(key).unwrap_or(key);
    let all_digits = (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    all_digits
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|day| (1..=31).contains(day))
}

impl Words {
    /// The days of the year ("January 1st", "8 Jan.", "the 3rd of March") and times of day ("9
    /// a.m.", "21:30") these words give, each with the span of its words in `text`, the text they
    /// were read from. Hours and minutes without "a.m." or "p.m." are read only when a colon
    /// joins them ("3-20" is no time).
    pub fn moments(&self, text: &str) -> Vec<(Moment, (usize, usize))> {
        let keys = &self.keys;
        let span = |first: usize, last: usize| (self.spans[first].0, self.spans[last].1);
        let mut found = Vec::new();
        let between = |first: usize| {
            self.spans
                .get(first + 1)
                .and_then(|next| text.get(self.spans[first].1..next.0))
        };
        let mut i = 0;
        while i < keys.len() {
            let key = |at: usize| keys.get(at).map_or("", |k| &**k);
            // Days joined by a dash are a range ("Dec. 12-13", "12-13 December"), no one day.
            let range_at = |at: usize| {
                day_number(key(at)).is_some()
                    && day_number(key(at + 1)).is_some()
                    && between(at).is_some_and(|b| matches!(b, "-" | "–" | "—"))
            };
            if range_at(i) {
                i += 2;
                continue;
            }
            if month_number(key(i)).is_some() && range_at(i + 1) {
                i += 3;
                continue;
            }
            let date = match (month_number(key(i)), day_number(key(i))) {
                (Some(month), _) => day_number(key(i + 1)).map(|day| (month, day, i + 1)),
                (None, Some(day)) if key(i + 1) == "of" => {
                    month_number(key(i + 2)).map(|month| (month, day, i + 2))
                }
                (None, Some(day)) => month_number(key(i + 1)).map(|month| (month, day, i + 1)),
                _ => None,
            };
            if let Some((month, day, last)) = date {
                found.push((Moment::Day { month, day }, span(i, last)));
                i = last + 1;
                continue;
            }
            let colon_between = |first: usize| between(first) == Some(":");
            let clock = (1..=3).rev().find_map(|len| {
                let last = i + len - 1;
                let time = clock_time(keys.get(i..=last)?)?;
                (time.half_of_day_given || len == 2 && colon_between(i))
                    .then_some((time.minutes, last))
            });
            if let Some((minutes, last)) = clock {
                let (start, mut end) = span(i, last);
                // The last dot of "a.m." or "p.m.", which the word leaves to the sentence.
                if text[..end].to_lowercase().ends_with(".m") && text[end..].starts_with('.') {
                    end += 1;
                }
                found.push((Moment::Clock(minutes), (start, end)));
                i = last + 1;
                continue;
            }
            i += 1;
        }
        found
    }
}

/// Whether both sides give the same time of day in other notation ("9 a.m." / "09:00", "9.30pm"
/// / "21:30").
fn same_clock_time(from: &Words, to: &Words) -> bool {
    let minutes = |words: &Words| clock_time(&words.keys).map(|time| time.minutes);
    minutes(from).is_some_and(|x| minutes(to) == Some(x))
}

/// A time of day as words give it.
struct ClockTime {
    /// Minutes after midnight.
    minutes: u32,
    /// Whether "a.m." or "p.m." says which half of the day.
    half_of_day_given: bool,
}

/// The time of day a wording gives, when it is a clock time and nothing else: hours and minutes
/// ("09:00", "21:30", keyed as two numbers), or hours with "a.m." or "p.m." and perhaps minutes
/// ("9am", "9 a.m.", "9:30 p.m.", "9.30pm").
fn clock_time(keys: &[Rc<str>]) -> Option<ClockTime> {
    let (last, rest) = keys.split_last()?;
    let mut numbers: Vec<&str> = rest.iter().map(|k| &**k).collect();
    let half = match &**last {
        "am" | "pm" => Some(&**last == "pm"),
        other => {
            let glued = other
                .strip_suffix("am")
                .map(|n| (n, false))
                .or_else(|| other.strip_suffix("pm").map(|n| (n, true)));
            match glued {
                Some((number, pm)) if !number.is_empty() => {
                    numbers.push(number);
                    Some(pm)
                }
                _ => {
                    numbers.push(other);
                    None
                }
            }
        }
    };
    // "9.30pm": hours and minutes with a dot, which only "a.m." or "p.m." tell from a decimal.
    if let (Some(_), [number]) = (half, numbers.as_slice()) {
        numbers = number.split('.').collect();
    }
    let (hours, minutes) = match numbers.as_slice() {
        [hours] if half.is_some() => (*hours, "00"),
        [hours, minutes] if minutes.len() == 2 => (*hours, *minutes),
        _ => return None,
    };
    let digits_only = |n: &str| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
    if !digits_only(hours) || !digits_only(minutes) {
        return None;
    }
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    if minutes >= 60 {
        return None;
    }
    let minutes = match half {
        Some(pm) => (1..=12)
            .contains(&hours)
            .then(|| (hours % 12 + if pm { 12 } else { 0 }) * 60 + minutes),
        None => (hours < 24).then_some(hours * 60 + minutes),
    }?;
    Some(ClockTime {
        minutes,
        half_of_day_given: half.is_some(),
    })
}

/// Whether a lower-case word is a verb of saying (or "according").
fn is_saying(word: &str) -> bool {
    saying_tone(word).is_some()
}

/// The tone of a lower-case word that is a verb of saying (or "according").
fn saying_tone(word: &str) -> Option<Tone> {
    tone_in(SAYING, word)
}

/// The tone of a lower-case word in a sorted table of words of saying.
fn tone_in(table: &[(&str, Tone)], word: &str) -> Option<Tone> {
    table
        .binary_search_by_key(&word, |&(saying, _)| saying)
        .ok()
        .map(|i| table[i].1)
}

/// The verb a word of [`SAYING`] is a form of, as a stem: "said", "says", "saith", "told" → "say";
/// "admitted", "admits" → "admit"; "denied", "denies" → "den".
fn saying_verb(word: &str) -> &str {
    match word {
        // Telling is saying: "said" → "told reporters" changes nothing of the attribution.
        "said" | "says" | "saith" | "sayest" | "saying" | "told" | "tells" => "say",
        "wrote" => "write",
        _ => {
            let stem = ["ed", "es", "s"]
                .iter()
                .find_map(|suffix| word.strip_suffix(suffix))
                .unwrap_or(word)
                .trim_end_matches(['e', 'i']);
            // "admitt" → "admit", as "admits" gives.
            match stem.as_bytes() {
                [.., x, y] if x == y => &stem[..stem.len() - 1],
                _ => stem,
            }
        }
    }
}

/// How `from` and `to` differ (contractions are mechanical: "I would" → "I’d").
pub fn classify(from: &Words, to: &Words) -> Difference {
    let (squashed_from, squashed_to) = (from.squashed(), to.squashed());
    // The figure each side gives, read once for both tests below.
    let measures = measure_of(from).zip(measure_of(to));
    if squashed_from == squashed_to
        || same_as_written(from, to)
        || (from.has_apostrophe() || to.has_apostrophe())
            && from.squashed_without_contractions() == to.squashed_without_contractions()
        || same_quantity(from, to, measures.as_ref())
        || same_decade(from, to)
        || same_clock_time(from, to)
    {
        return Difference::Mechanical;
    }
    // One measure in two units ("1.6 million kilometres" → "1 million miles") is a house style
    // (metric or imperial), not a changed figure.
    let in_other_units = |(a, b): &(Reading, Reading)| figures::in_other_units(a, b);
    if is_house_style(squashed_from, squashed_to) || measures.as_ref().is_some_and(in_other_units) {
        return Difference::HouseStyle;
    }
    if from.saying_verbs() != to.saying_verbs()
        && from.attributing_verbs() != to.attributing_verbs()
        || swaps_a_judging_participle(from, to)
    {
        return Difference::Attribution;
    }
    if from.is_loaded() || to.is_loaded() || from.changes_drama(to) {
        return Difference::Framing;
    }
    let agents = |w: &Words| w.has_any(AGENTS) || !w.names().is_empty();
    if agents(from) && agents(to) && from.names() != to.names() || agent_swap(from, to) {
        return Difference::Agent;
    }
    // "could leave a gap" → "would leave a gap": a claim made surer, no grammar.
    if changes_certainty(from, to) {
        return Difference::Content;
    }
    // A side of function words only ("provided" → "into") is a fragment of a longer rewording
    // the word diff paired up, not a swap of meaning.
    if from.is_function_only() || to.is_function_only() || from.same_content_stems(to) {
        return Difference::Function;
    }
    Difference::Content
}

/// Whether one participle of saying is swapped for another and one of them judges ("saying" →
/// "insisting"; see [`SAYING_PARTICIPLES`]).
fn swaps_a_judging_participle(from: &Words, to: &Words) -> bool {
    matches!(
        (participle_of_saying(from), participle_of_saying(to)),
        (Some((x, x_tone)), Some((y, y_tone)))
            if x != y && (x_tone == Tone::Judging || y_tone == Tone::Judging)
    )
}

/// The words' one content word and its tone, when it is a participle of saying.
fn participle_of_saying(words: &Words) -> Option<(&str, Tone)> {
    let [key] = words.content_keys()[..] else {
        return None;
    };
    Some((key, tone_in(SAYING_PARTICIPLES, key)?))
}

/// Modal verbs that make a claim a possibility ("it could leave a gap").
const POSSIBLE: &[&str] = &["could", "may", "might"];
/// Words that hedge a claim whatever modal verb stands with them ("repairs are expected to
/// cost", "it will probably close").
const HEDGES: &[&str] = &["expected", "likely", "perhaps", "possibly", "probably"];
/// Modal verbs that make a claim a prediction or a necessity ("it would leave a gap").
const CERTAIN: &[&str] = &["must", "shall", "will", "would"];

/// Whether one wording says a claim may be so and the other that it will be ("could leave" →
/// "would leave", "may" → "will", "are expected to" → "will"): a hedge dropped or added, no mere
/// tense ("will" → "would").
pub fn changes_certainty(from: &Words, to: &Words) -> bool {
    // Whether the words' modal verbs make a claim sure (`Some(true)`) or possible, when they
    // are all of one kind.
    let certainty = |words: &Words| {
        if words.has_any(HEDGES) {
            return Some(false);
        }
        let possible = words.has_any(POSSIBLE);
        (possible != words.has_any(CERTAIN)).then_some(!possible)
    };
    matches!((certainty(from), certainty(to)), (Some(a), Some(b)) if a != b)
}

/// Whether both sides name an agent and the agents differ ("police" → "officials").
fn agent_swap(from: &Words, to: &Words) -> bool {
    fn agents(w: &Words) -> Vec<&str> {
        w.keys
            .iter()
            .map(|k| &**k)
            .filter(|k| AGENTS.contains(k))
            .collect()
    }
    let (a, b) = (agents(from), agents(to));
    !a.is_empty() && !b.is_empty() && a != b
}

/// Whether two squashed wordings are house-style spellings of one name: one becomes the other
/// when a spelling of the name is replaced by another.
fn is_house_style(from: &str, to: &str) -> bool {
    HOUSE_STYLE.iter().any(|names| {
        names.iter().any(|name| {
            from.contains(name)
                && names
                    .iter()
                    .any(|other| other != name && from.replacen(name, other, 1) == to)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn difference(from: &str, to: &str) -> Difference {
        let mut reader = Reader::default();
        let (a, b) = (reader.words(from), reader.words(to));
        classify(&a, &b)
    }

    #[test]
    fn a_wording_squashed_directly_is_squashed_as_its_words_are() {
        for text in [
            "the U.S.-led coalition",
            "Gen. Smith said 3.5 percent",
            "three-quarters of the long-term colour",
            "",
        ] {
            let direct = Reader::default().squashed(text);
            let mut reader = Reader::default();
            let read = reader.words(text).squashed().to_owned();
            assert_eq!(direct, read, "{text}");
            assert_eq!(reader.squashed(text), read, "{text}, already read");
        }
        assert_eq!(
            Reader::default().squashed("Gen. Smith said 3.5"),
            "generalsmithsaid3.5"
        );
    }

    #[test]
    fn a_wording_split_at_its_spaces_reads_as_each_side_read_afresh() {
        let mut reader = Reader::default();
        for text in [
            "the U.S.-led coalition said on Oct. 3",
            "up 40 per cent since 2019",
            "Dr Okafor's long-term plan",
        ] {
            let words = reader.words(text);
            let spaces: Vec<usize> = text.match_indices(' ').map(|(at, _)| at).collect();
            let found: Vec<usize> = words.split_at_spaces(text).map(|(at, _)| at).collect();
            assert_eq!(found, spaces);
            for (at, split) in words.split_at_spaces(text) {
                let Some((head, head_function, tail, tail_function)) = split else {
                    assert_eq!(&text[at - 3..at + 5], "per cent", "only a word read across");
                    continue;
                };
                let (fresh_head, fresh_tail) =
                    (reader.words(&text[..at]), reader.words(&text[at + 1..]));
                assert_eq!(head, fresh_head.squashed(), "{text:?} at {at}");
                assert_eq!(tail, fresh_tail.squashed(), "{text:?} at {at}");
                assert_eq!(head_function, fresh_head.is_function_only());
                assert_eq!(tail_function, fresh_tail.is_function_only());
            }
        }
    }

    #[test]
    fn keys_are_found_in_texts_as_in_their_words() {
        let mut reader = Reader::default();
        let (before, after) = (
            "Local officials said on Monday",
            "that the pier would close.",
        );
        assert!(reader.all_keys_in(&["officials", "pier"], [before, after]));
        assert!(reader.all_keys_in(&[], [before, after]));
        assert!(!reader.all_keys_in(&["officials", "ferry"], [before, after]));
        let words = reader.words(before);
        assert!(words.has_key("officials") && !words.has_key("pier"));
    }

    #[test]
    fn verbs_of_saying_are_sorted_and_told_apart_quickly() {
        assert!(SAYING.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(SAYING_PARTICIPLES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(SPEAKING.windows(2).all(|w| w[0] < w[1]));
        assert!(NORMS.windows(2).all(|w| w[0] < w[1]));
        assert!(SAYING.iter().all(|w| SAYING_LENGTHS.contains(&w.0.len())));
        let mut reader = Reader::default();
        for text in [
            "officials SAID on Monday",
            "“It’s over,” she tells",
            "the harbour board",
        ] {
            let holds = !reader.words(text).saying_words().is_empty();
            assert_eq!(may_hold_saying(text), holds, "{text:?}");
        }
    }

    #[test]
    fn words_name_a_source_only_where_someone_says() {
        let mut reader = Reader::default();
        for (text, source) in [
            ("Police say", true),
            ("officials in the valley say", true),
            ("declined to say", false),
            ("would not say", false),
            ("had a say in the plan", false),
            ("what we say", false),
            ("I say unto you", false),
            ("the plan was revealed", false),
            ("the plan was revealed by the mayor", true),
            ("Mr Okoro was quoted as saying", true),
            ("the storm added to the damage", false),
            ("the detour adds about 20 minutes", false),
            ("the plant added 300 jobs", false),
            ("the mayor added", true),
            ("he added that the plant would close", true),
            ("according to what you have", false),
            ("according to which the fee is paid", false),
            ("according to the harbour master", true),
        ] {
            assert_eq!(reader.words(text).names_a_source(), source, "{text:?}");
        }
    }

    #[test]
    fn abbreviations_are_sorted_for_lookup() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        let longest = ABBREVIATIONS.iter().map(|(short, _)| short.len()).max();
        assert_eq!(longest, Some(LONGEST_ABBREVIATION));
    }

    #[test]
    fn mechanical_variants_are_not_changes() {
        for (from, to) in [
            ("long term", "long-term"),
            ("three quarters", "three-quarters"),
            ("U.S.-sponsored", "US-sponsored"),
            ("Oct", "October"),
            ("Sept. 3", "September 3"),
            ("jeopardising", "jeopardizing"),
            ("Defence Ministry", "defense ministry"),
            ("cease fire", "ceasefire"),
            ("1", "one"),
            ("fourth", "4th"),
            ("Jan. 1", "January 1st"),
            ("3rd March", "3 March"),
            ("1st of May", "1 of May"),
            ("9 a.m.", "09:00"),
            ("9:30 p.m.", "21:30"),
            ("9.30pm", "9:30 PM"),
            ("12 a.m.", "00:00"),
            ("CHF3bn", "3 billion Swiss francs"),
            ("about 1.2 million", "around 1.2m"),
            ("Thirty-one", "31"),
            ("more than £40,000", "over 40,000 pounds"),
            ("5km", "5 kilometres"),
            ("41C", "41 degrees Celsius"),
            ("41°C", "41 degrees centigrade"),
            ("30C", "30 degrees"),
            ("gigawatts at 3 p.m.", "GW at 3pm"),
            ("120 kg", "120kg"),
        ] {
            assert_eq!(
                difference(from, to),
                Difference::Mechanical,
                "{from} → {to}"
            );
        }
    }

    #[test]
    fn other_dates_times_and_sums_are_changes() {
        for (from, to) in [
            ("Jan. 1", "January 2nd"),
            ("1st", "1"),
            ("fourth", "4"),
            ("9 a.m.", "10:00"),
            ("9 p.m.", "09:00"),
            ("9.30", "9:30 a.m."),
            ("13 p.m.", "13:00"),
            ("CHF3bn", "3 billion US dollars"),
            ("CHF3bn", "4 billion Swiss francs"),
            ("about 1.2 million", "1.2m"),
            ("Thirty-one", "34"),
            ("about 1.2 million", "over 1.2m"),
            ("about 1.2 million", "around 1.3m"),
            ("5km", "6 kilometres"),
            ("41C", "41 degrees Fahrenheit"),
            ("9.2GW", "9.2 megawatts"),
        ] {
            assert_ne!(
                difference(from, to),
                Difference::Mechanical,
                "{from} → {to}"
            );
        }
    }

    #[test]
    fn days_and_times_of_day_are_read_with_their_words() {
        let moments = |text: &str| -> Vec<(Moment, String)> {
            let words = Reader::default().words(text);
            let moments = words.moments(text);
            moments
                .into_iter()
                .map(|(moment, (start, end))| (moment, text[start..end].to_owned()))
                .collect()
        };
        let day = |month, day| Moment::Day { month, day };
        assert_eq!(
            moments("Polls open on Sept. 3rd at 7:30 a.m. and close at 21:00."),
            [
                (day(9, 3), "Sept. 3rd".to_owned()),
                (Moment::Clock(450), "7:30 a.m.".to_owned()),
                (Moment::Clock(1260), "21:00".to_owned()),
            ]
        );
        assert_eq!(
            moments("the 8th of May, from 9.30pm"),
            [
                (day(5, 8), "8th of May".to_owned()),
                (Moment::Clock(1290), "9.30pm".to_owned()),
            ]
        );
        assert!(
            moments("children aged 3-20, 12 of them, in 2024 and at 25:00").is_empty(),
            "a range, a count, a year and no hour of the day"
        );
        assert!(
            moments("The board meets on Dec. 12-13, and again on 19–20 March.").is_empty(),
            "ranges of days"
        );
    }

    #[test]
    fn a_time_of_day_in_other_notation_is_spelling_in_a_quotation() {
        let mut reader = Reader::default();
        let (a, b) = (reader.words("9 a.m."), reader.words("09:00"));
        assert!(is_spelling_only(&a, &b));
        let (a, b) = (reader.words("9 a.m."), reader.words("10:00"));
        assert!(!is_spelling_only(&a, &b));
    }

    #[test]
    fn a_contraction_is_mechanical_but_not_mere_spelling() {
        let mut reader = Reader::default();
        let (full, short) = (reader.words("I would"), reader.words("I’d"));
        assert_eq!(classify(&full, &short), Difference::Mechanical);
        assert!(!is_spelling_only(&full, &short));
        let (a, b) = (reader.words("long term"), reader.words("long-term"));
        assert!(is_spelling_only(&a, &b));
    }

    #[test]
    fn house_style_names_are_told_apart() {
        assert_eq!(difference("Mideast", "Middle East"), Difference::HouseStyle);
        assert_eq!(
            difference("the United States", "the US"),
            Difference::HouseStyle
        );
        assert_eq!(difference("Kyiv", "Kiev"), Difference::HouseStyle);
        assert_eq!(difference("Türkiye", "Turkey"), Difference::HouseStyle);
    }

    #[test]
    fn words_left_once_moved_words_are_taken_from_one_end() {
        let mut reader = Reader::default();
        let mut left = |text: &'static str, moved: &str| {
            let (words, moved) = (reader.words(text), reader.words(moved));
            words
                .left_without(&moved)
                .map(|(start, end)| &text[start..end])
        };
        assert_eq!(left("shares dropped", "Shares of"), Some("dropped"));
        assert_eq!(
            left("a British teenager, ended the longest", "British teenager"),
            Some("ended the longest")
        );
        assert_eq!(left("cut its forecast for", "forecast"), Some("cut its"));
        // Not at an end, not in order, or nothing left: not moved there.
        assert_eq!(left("cut its forecast sharply", "forecast"), None);
        assert_eq!(left("teenager British ended", "British teenager"), None);
        assert_eq!(left("the shares", "shares"), None);
        assert_eq!(left("shares fell", "of"), None);
    }

    #[test]
    fn plain_verbs_of_saying_swapped_for_each_other() {
        assert!(is_plain_saying_swap("reported that", "said"));
        assert!(is_plain_saying_swap("added", "told reporters"));
        assert!(is_plain_saying_swap("According to police", "Police said"));
        // A verb that judges the source, on either side.
        assert!(!is_plain_saying_swap("said", "claimed"));
        assert!(!is_plain_saying_swap("insisted", "said"));
        assert!(!is_plain_saying_swap("said and admitted", "said"));
        // A source added or dropped is no swap.
        assert!(!is_plain_saying_swap("Some", "Authorities said"));
        assert!(!is_plain_saying_swap("said", ""));
        let mut reader = Reader::default();
        let mut telling = |from: &str, to: &str| is_telling_attribution_swap(&mut reader, from, to);
        assert!(telling("said", "claimed"));
        assert!(telling("put", "claimed"));
        assert!(telling("saying", "insisting"));
        assert!(telling("Some", "Authorities said"));
        assert!(!telling("According to police", "Police said"));
        assert!(!telling("according to a", "a new"));
        assert!(!telling("ba", "said"));
    }

    #[test]
    fn kinds_of_change() {
        assert_eq!(difference("said", "claimed"), Difference::Attribution);
        assert_eq!(difference("protesters", "rioters"), Difference::Framing);
        assert_eq!(difference("crowds", "mobs"), Difference::Framing);
        // A plain verb of change made dramatic (or the drama taken out) reframes the news; a
        // plain verb for another, or one dramatic verb for another, does not.
        assert_eq!(difference("fell", "plunged"), Difference::Framing);
        assert_eq!(difference("to cut", "slashes"), Difference::Framing);
        assert_eq!(difference("soared", "rose"), Difference::Framing);
        assert_eq!(difference("rose", "climbed"), Difference::Content);
        assert_eq!(difference("plunged", "plummeted"), Difference::Content);
        // A hedged prediction made sure is no grammar.
        assert_eq!(difference("are expected to", "will"), Difference::Content);
        assert_eq!(difference("will probably", "will"), Difference::Content);
        // A dramatic verb of a plain sense ("the rocket soared") against other words is no
        // swap of drama.
        assert_eq!(difference("soared", "lifted off"), Difference::Content);
        assert_eq!(difference("insists", "maintains"), Difference::Attribution);
        // A change of tense or an archaic form keeps the verb of saying, and ", saying"
        // introduces what is said as "and said" does.
        for (from, to) in [
            ("said", "says"),
            ("says", "saith"),
            ("admitted", "admits"),
            ("and said about", "saying roughly"),
            ("They were saying", "And they said"),
            ("Lord", "saying"),
        ] {
            assert_ne!(
                difference(from, to),
                Difference::Attribution,
                "{from} → {to}"
            );
        }
        assert_eq!(difference("admitted", "denies"), Difference::Attribution);
        assert_eq!(difference("saying", "claimed"), Difference::Attribution);
        // A participle of saying swapped for one that judges ("defended the plan, saying" →
        // "insisting"); two plain ones are not.
        assert_eq!(difference("saying", "insisting"), Difference::Attribution);
        assert_eq!(difference("arguing", "noting"), Difference::Attribution);
        assert_ne!(difference("saying", "noting"), Difference::Attribution);
        assert_eq!(difference("police", "officials"), Difference::Agent);
        // A day is a time, not a name: a phrase moved beside one changes no agent.
        assert_eq!(
            difference("from Kent on", "early Monday from"),
            Difference::Content
        );
        assert_eq!(
            difference("on Wednesday", "Wednesday"),
            Difference::Function
        );
        assert_eq!(difference("kills", "killed"), Difference::Function);
        assert_eq!(difference("provided", "into"), Difference::Function);
        // A modal verb that makes the claim surer is no grammar; one in another tense is.
        assert_eq!(difference("could", "would"), Difference::Content);
        assert_eq!(difference("may", "will"), Difference::Content);
        assert_eq!(difference("will", "would"), Difference::Function);
        assert_eq!(difference("1.3 million", "13 million"), Difference::Content);
        assert_eq!(difference("boats", "ships"), Difference::Content);
    }
}
