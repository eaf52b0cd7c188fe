//! Abbreviations: words whose period does not, or not always, end a sentence ("Gen.", "No. 3",
//! "U.S.", "J. R. R."), and the common words that show a new sentence has begun after one
//! ("…arrived in the U.S. The next day…").

/// How the period after an abbreviation behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbreviation {
    /// A title or prefix that always has more to come ("Mr.", "Gen.", "St.", "vs.", "e.g.").
    Title,
    /// Comes before a number ("No. 3", "Fig. 2", "pp. 4"); ends a sentence only before a capital.
    BeforeNumber,
    /// May end a sentence ("U.S.", "Inc.", "a.m.", "Oct.", "Calif.", the initial "J."): it does
    /// when a common sentence starter follows.
    Terminal,
}

/// Titles and prefixes that never end a sentence.
const TITLES: &[&str] = &[
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Dept", "Det", "Dr", "Drs", "Fr",
    "Ft", "Gen", "Gens", "Gov", "Govs", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mlle", "Mme",
    "Mmes", "Mr", "Mrs", "Ms", "Msgr", "Mt", "Pres", "Prof", "Profs", "Pvt", "Rep", "Reps", "Rev",
    "Revd", "Rt", "Sec", "Sen", "Sens", "Sgt", "St", "Ste", "Supt", "Univ", "cf", "e.g", "i.e",
    "v", "viz", "vs",
];

/// Abbreviations that stand before a number.
const BEFORE_NUMBER: &[&str] = &[
    "Art", "Arts", "Ch", "Chap", "Fig", "Figs", "No", "Nos", "Op", "Pt", "Tel", "Vol", "Vols",
    "approx", "c", "ca", "ch", "est", "fig", "no", "nos", "p", "para", "pp", "pt", "tel", "vol",
];

/// Abbreviations that often end a sentence: months, company suffixes, name suffixes, street
/// words and the AP abbreviations of US states.
const TERMINAL: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc",
    "Ltd", "Corp", "Co", "Cos", "Bros", "Plc", "Jr", "Sr", "Esq", "etc", "al", "Ave", "Blvd", "Rd",
    "Hwy", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
    "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla",
    "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Capitalised words that usually begin a sentence, so that a [`Abbreviation::Terminal`]
/// abbreviation or an ellipsis before them ends the previous one.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Because",
    "Before",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "To",
    "Two",
    "Under",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
    "Your",
];

/// How the period after `token` (the word before it, without the period and without opening
/// quotes or brackets) behaves, or `None` for an ordinary word.
pub(super) fn classify(token: &str) -> Option<Abbreviation> {
    listed(token)
        .or_else(|| (is_initial(token) || is_dotted(token)).then_some(Abbreviation::Terminal))
}

/// Whether `word` is a common sentence starter ("The", "But", "They"…).
pub(super) fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.contains(&word)
}

fn listed(token: &str) -> Option<Abbreviation> {
    if TITLES.contains(&token) {
        Some(Abbreviation::Title)
    } else if BEFORE_NUMBER.contains(&token) {
        Some(Abbreviation::BeforeNumber)
    } else if TERMINAL.contains(&token) {
        Some(Abbreviation::Terminal)
    } else {
        None
    }
}

/// A single capital letter: the initial in "J. R. R. Tolkien" or "George W. Bush".
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Letters with periods between them, one or two at a time: "U.S", "a.m", "Ph.D", "N.Y".
fn is_dotted(token: &str) -> bool {
    token.contains('.')
        && token.split('.').all(|part| {
            let letters = part.chars().count();
            (1..=2).contains(&letters) && part.chars().all(char::is_alphabetic)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_common_abbreviations() {
        assert_eq!(classify("Gen"), Some(Abbreviation::Title));
        assert_eq!(classify("No"), Some(Abbreviation::BeforeNumber));
        assert_eq!(classify("U.S"), Some(Abbreviation::Terminal));
        assert_eq!(classify("p.m"), Some(Abbreviation::Terminal));
        assert_eq!(classify("J"), Some(Abbreviation::Terminal));
        assert_eq!(classify("Calif"), Some(Abbreviation::Terminal));
        assert_eq!(classify("e.g"), Some(Abbreviation::Title));
    }

    #[test]
    fn ordinary_words_and_domains_are_not_abbreviations() {
        assert_eq!(classify("said"), None);
        assert_eq!(classify("NATO"), None);
        assert_eq!(classify("SEC"), None);
        assert_eq!(classify("example.com"), None);
        assert_eq!(classify("2024"), None);
        assert_eq!(classify(""), None);
        assert_eq!(classify("ill"), None);
    }

    #[test]
    fn starters_are_case_sensitive() {
        assert!(is_sentence_starter("The"));
        assert!(!is_sentence_starter("the"));
        assert!(!is_sentence_starter("Officials"));
    }
}
