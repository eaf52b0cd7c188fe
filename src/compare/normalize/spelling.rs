//! British and American spelling variants folded to one key, so "defence" and "defense" or
//! "organised" and "organized" compare equal.
//!
//! Only a key is produced; the text shown to users is never rewritten. Because both spellings
//! map to the same key, a rule may also touch words that have one spelling only ("promise" →
//! "promize"): that is harmless as long as no two distinct words end up with the same key, which
//! is what the exception lists guard against.

use std::borrow::Cow;

/// Whole words whose British form differs in a way no suffix rule captures (British → American).
const WORD_PAIRS: &[(&str, &str)] = &[
    ("aeroplane", "airplane"),
    ("aeroplanes", "airplanes"),
    ("ageing", "aging"),
    ("aluminium", "aluminum"),
    ("amongst", "among"),
    ("anaemia", "anemia"),
    ("anaesthetic", "anesthetic"),
    ("analogue", "analog"),
    ("catalogue", "catalog"),
    ("catalogues", "catalogs"),
    ("cheque", "check"),
    ("cheques", "checks"),
    ("cosy", "cozy"),
    ("defence", "defense"),
    ("defences", "defenses"),
    ("dialogue", "dialog"),
    ("dialogues", "dialogs"),
    ("diarrhoea", "diarrhea"),
    ("doughnut", "donut"),
    ("draughts", "drafts"),
    ("encyclopaedia", "encyclopedia"),
    ("enrol", "enroll"),
    ("enrolment", "enrollment"),
    ("enrolments", "enrollments"),
    ("foetus", "fetus"),
    ("fulfil", "fulfill"),
    ("fulfilment", "fulfillment"),
    ("gaol", "jail"),
    ("grey", "gray"),
    ("greying", "graying"),
    ("haemorrhage", "hemorrhage"),
    ("instalment", "installment"),
    ("instalments", "installments"),
    ("jewellery", "jewelry"),
    ("judgement", "judgment"),
    ("judgements", "judgments"),
    ("kerb", "curb"),
    ("learnt", "learned"),
    ("leukaemia", "leukemia"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("manoeuvre", "maneuver"),
    ("manoeuvred", "maneuvered"),
    ("manoeuvres", "maneuvers"),
    ("manoeuvring", "maneuvering"),
    ("mould", "mold"),
    ("moulds", "molds"),
    ("moustache", "mustache"),
    ("oestrogen", "estrogen"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("orthopaedic", "orthopedic"),
    ("paediatric", "pediatric"),
    ("paediatrician", "pediatrician"),
    ("plough", "plow"),
    ("ploughs", "plows"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("pretence", "pretense"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("pyjamas", "pajamas"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("scepticism", "skepticism"),
    ("sceptics", "skeptics"),
    ("skilful", "skillful"),
    ("smoulder", "smolder"),
    ("smouldering", "smoldering"),
    ("spelt", "spelled"),
    ("storey", "story"),
    ("storeys", "stories"),
    ("sulphur", "sulfur"),
    ("towards", "toward"),
    ("tyre", "tire"),
    ("tyres", "tires"),
    ("whilst", "while"),
    ("wilful", "willful"),
];

/// What precedes the British "-re" whose American form ends in "-er" (centre/center, metre/meter).
const RE_STEMS: &[&str] = &[
    "calib", "cent", "centimet", "fib", "kilomet", "lit", "lust", "meag", "met", "millimet", "sab",
    "scept", "somb", "spect", "theat",
];

/// Verbs that double a final "l" in British inflections only (travelled/traveled).
const DOUBLE_L_STEMS: &[&str] = &[
    "cancel", "channel", "counsel", "dial", "duel", "equal", "fuel", "jewel", "label", "level",
    "marvel", "model", "panel", "pedal", "quarrel", "rival", "signal", "total", "travel", "tunnel",
];

/// Inflections after which a doubled "l" may appear.
const DOUBLE_L_SUFFIXES: &[&str] = &["ed", "ing", "er", "ers", "or", "ors"];

/// What precedes "our" in British spellings of American "-or" words (colour, neighbourhood,
/// favourite, honourable, labourers).
const OUR_STEMS: &[&str] = &[
    "arb", "ard", "arm", "behavi", "cand", "clam", "col", "demean", "dol", "endeav", "fav", "ferv",
    "flav", "glam", "harb", "hon", "hum", "lab", "neighb", "od", "parl", "ranc", "rig", "rum",
    "sav", "savi", "splend", "succ", "tum", "val", "vap", "vig",
];

/// The spelling key of a lower-case word: American spelling for known British variants.
pub fn fold(word: &str) -> Cow<'_, str> {
    if let Ok(i) = WORD_PAIRS.binary_search_by(|(uk, _)| (*uk).cmp(word)) {
        return Cow::Borrowed(WORD_PAIRS[i].1);
    }
    fold_re_ending(word)
        .or_else(|| fold_double_l(word))
        .or_else(|| fold_our(word))
        .or_else(|| fold_ise(word))
        .map_or(Cow::Borrowed(word), Cow::Owned)
}

/// centre → center, centres → centers, centred → centered.
fn fold_re_ending(word: &str) -> Option<String> {
    for (suffix, replacement) in [
        ("re", "er"),
        ("res", "ers"),
        ("red", "ered"),
        ("ring", "ering"),
    ] {
        if let Some(stem) = word.strip_suffix(suffix)
            && RE_STEMS.contains(&stem)
        {
            return Some(format!("{stem}{replacement}"));
        }
    }
    None
}

/// travelled → traveled, modelling → modeling.
fn fold_double_l(word: &str) -> Option<String> {
    DOUBLE_L_SUFFIXES.iter().find_map(|suffix| {
        let stem = word.strip_suffix(suffix)?.strip_suffix('l')?;
        DOUBLE_L_STEMS
            .contains(&stem)
            .then(|| format!("{stem}{suffix}"))
    })
}

/// colour → color, neighbourhood → neighborhood, honourable → honorable.
fn fold_our(word: &str) -> Option<String> {
    if !word.contains("our") {
        return None;
    }
    OUR_STEMS.iter().find_map(|stem| {
        let rest = word.strip_prefix(stem)?.strip_prefix("our")?;
        Some(format!("{stem}or{rest}"))
    })
}

/// organise → organize, organisation → organization, analyse → analyze.
fn fold_ise(word: &str) -> Option<String> {
    const ENDINGS: &[(&str, &str)] = &[
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("iser", "izer"),
        ("isers", "izers"),
        ("ise", "ize"),
        ("ysing", "yzing"),
        ("ysed", "yzed"),
        ("yses", "yzes"),
        ("yse", "yze"),
    ];
    ENDINGS.iter().find_map(|(uk, us)| {
        let stem = word.strip_suffix(uk)?;
        (stem.chars().count() >= 3).then(|| format!("{stem}{us}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(uk: &str, us: &str) {
        assert_eq!(fold(uk), fold(us), "{uk} / {us}");
    }

    #[test]
    fn word_pairs_are_sorted_for_binary_search() {
        assert!(WORD_PAIRS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn british_and_american_spellings_share_a_key() {
        same("defence", "defense");
        same("jeopardise", "jeopardize");
        same("jeopardised", "jeopardized");
        same("organisation", "organization");
        same("colour", "color");
        same("favourite", "favorite");
        same("honoured", "honored");
        same("neighbourhood", "neighborhood");
        same("labourers", "laborers");
        same("centre", "center");
        same("centres", "centers");
        same("kilometres", "kilometers");
        same("travelled", "traveled");
        same("cancelling", "canceling");
        same("programme", "program");
        same("analyse", "analyze");
        same("grey", "gray");
        same("judgement", "judgment");
    }

    #[test]
    fn distinct_words_stay_distinct() {
        assert_ne!(fold("four"), fold("for"));
        assert_eq!(fold("flour"), "flour");
        assert_eq!(fold("hour"), "hour");
        assert_eq!(fold("journal"), "journal");
        assert_ne!(fold("filled"), fold("filed"));
        assert_ne!(fold("hour"), fold("her"));
        assert_ne!(fold("more"), fold("mer"));
        assert_eq!(fold("there"), "there");
        assert_eq!(fold("killed"), "killed");
    }
}
