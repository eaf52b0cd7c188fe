//! Substitutions: the words one article uses where a linked sentence in another has different
//! words ("protesters" → "rioters", "said" → "claimed", "" → "embattled"), counted per article
//! pair and ranked by how much they matter.
//!
//! Mechanical variants (case, hyphens, spaces, dots, abbreviations, spelling) are never listed;
//! the rest get a kind (see [`SubstitutionKind`]) and are ranked by it, then by how many article
//! pairs make the same change, then by count. The order of the returned list is the ranking.
//! Swaps of content words are judged by the role of each side in its sentence: figures and units
//! swapped for each other are figure changes, a figure or date against words (or a phrase
//! against words found elsewhere in the other sentence) a loose pairing of the word diff; both
//! rank below the word swaps, and a changed date stays a swap of substance.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use super::figures::{MONTHS, is_figure, is_scale_word, is_unit_word, is_year};
use super::times::TIME_WORDS;
use super::wording::{Difference, Reader, Words, classify};
use crate::article::{Article, Role, collapse_whitespace};
use crate::compare::{
    Edit, EditOp, FastMap, Link, LinkKind, SentenceRef, Substitution, SubstitutionKind,
};

/// Longest side (in words) a replacement may have to count as a substitution rather than a
/// rewritten passage.
const MAX_WORDS_PER_SIDE: usize = 12;
/// Longest side (in words) of a swap judged by its words (attribution, framing, agent); longer
/// replacements are rewritten passages, ranked after the word swaps of their kind.
const MAX_SWAP_WORDS: usize = 4;
/// Similarity a link involving a headline needs before its edits count as substitutions.
const MIN_HEADLINE_SIMILARITY: f32 = 0.75;
/// Words that give a vague quantity where a figure may stand ("dozens" → "30" is a figure swap).
const QUANTITY_WORDS: &[&str] = &["few", "many", "numerous", "scores", "several"];
/// Units the figures module does not read but a conversion may name (British spellings are
/// normalised to American ones before this list is read).
const MORE_UNITS: &[&str] = &["%", "kilometer", "meter", "mile", "ton", "tonne"];
/// Courtesy titles, squashed (abbreviations expanded).
const HONORIFICS: &[&str] = &["doctor", "miss", "mr", "mrs", "ms", "sir"];
/// Content words each side of a replacement needs before it can be judged moved material.
const MIN_MOVED_WORDS: usize = 2;

/// A sentence before and after the words of an edit.
type Around<'t> = (&'t str, &'t str);

/// The sentences an edit sits in, for judging what its words do there.
#[derive(Default)]
struct Surroundings<'t> {
    /// The sentence of the replaced words, before and after them.
    from: Around<'t>,
    /// The sentence of the replacing words, before and after them.
    to: Around<'t>,
}

/// What [`judge`] says of a change: its kind and whether it involves a loaded word, or nothing.
type Verdict = Option<(SubstitutionKind, bool)>;

impl<'t> Surroundings<'t> {
    fn of(articles: &'t [Article], link: &Link, edit: &Edit) -> Self {
        let around = |r: SentenceRef, (start, end): (usize, usize)| {
            let article = &articles[r.article];
            let sentence = &article.sentences[r.sentence];
            let text = &article.text;
            let inside = |at: usize| at.clamp(sentence.start, sentence.end);
            (
                text.get(sentence.start..inside(start)).unwrap_or(""),
                text.get(inside(end)..sentence.end).unwrap_or(""),
            )
        };
        Surroundings {
            from: around(link.a, edit.a),
            to: around(link.b, edit.b),
        }
    }
}

/// Aggregated substitutions of the reworded links marked in `closest` (see
/// [`super::counterparts::closest_of_either_end`]), each seen from its link's `a` side; ranked by
/// [`rank_again`] once oriented.
pub fn find(articles: &[Article], links: &[Link], closest: &[bool]) -> Vec<Substitution> {
    type Key = (usize, usize, String, String);
    type Judged<'t> = FastMap<(String, String, Around<'t>, Around<'t>), Verdict>;
    let mut found: BTreeMap<Key, Substitution> = BTreeMap::new();
    let mut judged: Judged = FastMap::default();
    let mut reader = Reader::default();
    for link in links
        .iter()
        .zip(closest)
        .filter(|(l, closest)| **closest && l.kind == LinkKind::Reworded)
        .map(|(l, _)| l)
        .filter(|l| is_close_enough(articles, l))
    {
        let a_text = &articles[link.a.article].text;
        let b_text = &articles[link.b.article].text;
        for edit in link.edits.iter().filter(|e| e.op != EditOp::Equal) {
            let from = phrase(&a_text[edit.a.0..edit.a.1]);
            let to = phrase(&b_text[edit.b.0..edit.b.1]);
            let key = (
                link.a.article,
                link.b.article,
                from.to_lowercase(),
                to.to_lowercase(),
            );
            if let Some(entry) = found.get_mut(&key) {
                entry.count += 1;
                push_occurrence(&mut entry.occurrences, (link.a, link.b));
                continue;
            }
            let surroundings = Surroundings::of(articles, link, edit);
            // Copies of one story repeat a change in the same words: it is judged once.
            let verdict = *judged
                .entry((from.clone(), to.clone(), surroundings.from, surroundings.to))
                .or_insert_with(|| judge(&mut reader, &from, &to, &surroundings));
            let Some((kind, loaded)) = verdict else {
                continue;
            };
            found.insert(
                key,
                Substitution {
                    a: link.a.article,
                    b: link.b.article,
                    from,
                    to,
                    count: 1,
                    kind,
                    loaded,
                    spread: 0,
                    occurrences: vec![(link.a, link.b)],
                    directed: false,
                },
            );
        }
    }
    found.into_values().collect()
}

/// Sets each substitution's spread and ranks the list (after the list was oriented or cut down).
pub fn rank_again(substitutions: &mut [Substitution]) {
    set_spread(substitutions);
    rank(substitutions);
}

/// Orders substitutions by significance: kind, word swaps before rewritten passages, loaded
/// words first, then how many article pairs make the change, then how often, then by articles
/// and wording (so the order is total).
pub fn rank(substitutions: &mut [Substitution]) {
    substitutions.sort_by_cached_key(|s| {
        (
            s.kind,
            is_passage(&s.from, &s.to),
            !s.loaded,
            Reverse(s.spread),
            Reverse(s.count),
            (s.a, s.b),
            s.from.to_lowercase(),
            s.to.to_lowercase(),
        )
    });
}

/// The kind of the change `from` → `to` (in `surroundings`) and whether it involves a loaded
/// word, or `None` when it is not a substitution at all (mechanical, or too long).
fn judge(
    reader: &mut Reader,
    from: &str,
    to: &str,
    surroundings: &Surroundings,
) -> Verdict {
    let (a, b) = (reader.words(from), reader.words(to));
    if a.is_empty() && b.is_empty() || a.len().max(b.len()) > MAX_WORDS_PER_SIDE {
        return None;
    }
    let loaded = a.is_loaded() || b.is_loaded();
    // Function words alone added or cut ("has", "on") are grammar, not additions or cuts.
    let one_sided = |words: &Words, kind| {
        if words.is_function_only() {
            (SubstitutionKind::Function, loaded)
        } else {
            (kind, loaded)
        }
    };
    if a.is_empty() {
        return Some(one_sided(&b, SubstitutionKind::Addition));
    }
    if b.is_empty() {
        return Some(one_sided(&a, SubstitutionKind::Cut));
    }
    let difference = classify(&a, &b);
    if difference == Difference::Mechanical {
        return None;
    }
    if is_honorific(&a) || is_honorific(&b) {
        return Some((SubstitutionKind::HouseStyle, loaded));
    }
    if let Some(kind) = kept_in_part(reader, from, &b)
        .or_else(|| kept_in_part(reader, to, &a).map(|_| SubstitutionKind::Addition))
    {
        return Some((kind, loaded));
    }
    let passage = a.len().max(b.len()) > MAX_SWAP_WORDS;
    let kind = match difference {
        Difference::Mechanical => return None,
        Difference::Attribution | Difference::Framing | Difference::Agent if passage => {
            SubstitutionKind::Content
        }
        Difference::HouseStyle => SubstitutionKind::HouseStyle,
        Difference::Attribution => SubstitutionKind::Attribution,
        Difference::Framing => SubstitutionKind::Framing,
        Difference::Agent => SubstitutionKind::Agent,
        Difference::Function => SubstitutionKind::Function,
        Difference::Content => judge_roles(reader, &a, &b, surroundings),
    };
    Some((kind, loaded))
}

/// What a side of a replacement holds, by the role its words play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SideRole {
    /// A day, month, year or other time ("Tuesday", "Dec. 24", "in 1977").
    Date,
    /// Figures and units only ("26", "1.6 million", "kilometres", "dozens").
    Figure,
    /// Other words.
    Words,
}

/// The kind of a replacement of content words, by the roles of its sides: figures and units
/// swapped for each other are a figure change; a figure against words, or a phrase against a
/// phrase whose words stand elsewhere in the other sentence, is a loose pairing of the word diff.
fn judge_roles(
    reader: &mut Reader,
    from: &Words,
    to: &Words,
    surroundings: &Surroundings,
) -> SubstitutionKind {
    let roles = (role(from, surroundings.from), role(to, surroundings.to));
    match roles {
        (SideRole::Figure, SideRole::Figure) => SubstitutionKind::Figure,
        (SideRole::Words, SideRole::Figure | SideRole::Date)
        | (SideRole::Figure | SideRole::Date, SideRole::Words) => SubstitutionKind::Pairing,
        (SideRole::Words, SideRole::Words)
            if is_moved(reader, from, to, surroundings.from)
                || is_moved(reader, to, from, surroundings.to) =>
        {
            SubstitutionKind::Pairing
        }
        _ => SubstitutionKind::Content,
    }
}

/// The role of a side's words, given the text of its sentence before and after them (a day
/// beside a month is a date: "Dec. 24" → "Dec. 25").
fn role(words: &Words, (before, after): (&str, &str)) -> SideRole {
    let content = words.content_keys();
    let is_date = |key: &str| TIME_WORDS.contains(&key) || MONTHS.contains(&key) || is_year(key);
    let beside_month = |word: Option<&str>| {
        word.map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .is_some_and(|w| MONTHS.contains(&w.as_str()))
    };
    let quantities_only =
        !content.is_empty() && content.iter().all(|k| is_quantity(k) || is_date(k));
    let dated = content.iter().any(|k| is_date(k))
        || content.iter().any(|k| is_figure(k))
            && (beside_month(before.split_whitespace().last())
                || beside_month(after.split_whitespace().next()));
    if quantities_only && dated {
        SideRole::Date
    } else if quantities_only {
        SideRole::Figure
    } else {
        SideRole::Words
    }
}

/// Whether a key is a figure (an ordinal too: "150th"), a scale, a vague quantity or a unit.
fn is_quantity(key: &str) -> bool {
    let ordinal = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| key.strip_suffix(suffix))
        .is_some_and(is_figure);
    ordinal
        || is_figure(key)
        || is_scale_word(key)
        || is_unit_word(key)
        || QUANTITY_WORDS.contains(&key)
        || MORE_UNITS.contains(&key.strip_suffix('s').unwrap_or(key))
}

/// Whether `replaced` → `replacing` pairs phrases with no word in common whose replacing words
/// all stand elsewhere in the replaced words' sentence (`rest`): the diff paired a phrase with
/// material that moved, not a rewording of it.
fn is_moved(reader: &mut Reader, replaced: &Words, replacing: &Words, rest: (&str, &str)) -> bool {
    let (old, new) = (replaced.content_keys(), replacing.content_keys());
    if old.len() < MIN_MOVED_WORDS
        || new.len() < MIN_MOVED_WORDS
        || old.iter().any(|k| new.contains(k))
    {
        return false;
    }
    let (before, after) = (reader.words(rest.0), reader.words(rest.1));
    new.iter().all(|k| before.has_key(k) || after.has_key(k))
}

/// Whether a wording is only a courtesy title ("Mr", "Dr"): naming someone with or without one,
/// or by their post instead ("Mr" → "NASA Administrator Bill"), is house style.
fn is_honorific(words: &Words) -> bool {
    HONORIFICS.contains(&words.squashed().as_str())
}

/// `Cut` when `shorter` is `longer` with its first or last words cut, not only function words
/// ("largest and most-powerful" → "most powerful"): the word diff paired what is left of a cut
/// with a spelling variant of it.
fn kept_in_part(reader: &mut Reader, longer: &str, shorter: &Words) -> Option<SubstitutionKind> {
    let words: Vec<&str> = longer.split_whitespace().collect();
    let kept = shorter.squashed();
    let splits = (1..words.len()).flat_map(|at| {
        let (head, tail) = (words[..at].join(" "), words[at..].join(" "));
        [(tail.clone(), head.clone()), (head, tail)]
    });
    for (part, rest) in splits {
        if reader.words(&part).squashed() == kept {
            // Function words cut ("on Wednesday" → "Wednesday") are grammar, judged as such.
            return (!reader.words(&rest).is_function_only()).then_some(SubstitutionKind::Cut);
        }
    }
    None
}

/// Whether a change rewrites a passage rather than swapping a few words.
fn is_passage(from: &str, to: &str) -> bool {
    let words = |s: &str| s.split_whitespace().count();
    words(from).max(words(to)) > MAX_SWAP_WORDS
}

/// Sets each substitution's spread: how many outlets make the same change either way round. A
/// directed change is made by its copy, so a copy with two originals (a rewrite drawing on two
/// versions) that both read the same change counts once; an undirected one by its pair.
fn set_spread(substitutions: &mut [Substitution]) {
    let wording = |s: &Substitution| {
        let (x, y) = (s.from.to_lowercase(), s.to.to_lowercase());
        if x <= y { (x, y) } else { (y, x) }
    };
    let maker = |s: &Substitution| {
        if s.directed {
            (s.b, s.b)
        } else {
            (s.a.min(s.b), s.a.max(s.b))
        }
    };
    let mut makers: BTreeMap<(String, String), BTreeSet<(usize, usize)>> = BTreeMap::new();
    for s in substitutions.iter() {
        makers.entry(wording(s)).or_default().insert(maker(s));
    }
    for s in substitutions.iter_mut() {
        s.spread = makers.get(&wording(s)).map_or(1, BTreeSet::len);
    }
}

/// Whether a link's word edits are substitutions rather than a rewrite: headlines are rewritten
/// wholesale (and headline–lead links are paraphrases), so their edits count only when the two
/// are very close.
fn is_close_enough(articles: &[Article], link: &Link) -> bool {
    let is_headline =
        |r: SentenceRef| articles[r.article].sentences[r.sentence].role == Role::Headline;
    link.similarity >= MIN_HEADLINE_SIMILARITY || !(is_headline(link.a) || is_headline(link.b))
}

fn push_occurrence(list: &mut Vec<(SentenceRef, SentenceRef)>, pair: (SentenceRef, SentenceRef)) {
    if !list.contains(&pair) {
        list.push(pair);
    }
}

/// The words of an edit side, with surrounding punctuation and whitespace trimmed.
fn phrase(raw: &str) -> String {
    let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '$' && c != '%');
    collapse_whitespace(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(from: &str, to: &str) -> Option<SubstitutionKind> {
        kind_in(from, to, Surroundings::default())
    }

    fn kind_in(from: &str, to: &str, surroundings: Surroundings) -> Option<SubstitutionKind> {
        judge(&mut Reader::default(), from, to, &surroundings).map(|(kind, _)| kind)
    }

    #[test]
    fn figures_and_unit_conversions_swapped_are_figures() {
        assert_eq!(kind("26", "33"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("1", "1.6"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("miles", "kilometres"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("dozens", "40"), Some(SubstitutionKind::Figure));
    }

    #[test]
    fn a_changed_date_stays_a_swap_of_substance() {
        assert_eq!(
            kind("Tuesday", "Wednesday"),
            Some(SubstitutionKind::Content)
        );
        assert_eq!(kind("1998", "2004"), Some(SubstitutionKind::Content));
        let beside_month = Surroundings {
            from: ("The ferry sailed on Jan. ", " with 40 cars."),
            to: ("The ferry sailed on Jan. ", " with 40 cars."),
        };
        assert_eq!(
            kind_in("12", "14", beside_month),
            Some(SubstitutionKind::Content)
        );
    }

    #[test]
    fn words_against_a_figure_or_a_moved_phrase_are_loose_pairings() {
        assert_eq!(kind("sailed", "in 1998"), Some(SubstitutionKind::Pairing));
        assert_eq!(
            kind("widest and long-range", "long range"),
            Some(SubstitutionKind::Cut)
        );
        assert_eq!(
            kind("long range", "widest and long-range"),
            Some(SubstitutionKind::Addition)
        );
        assert_eq!(
            kind("Ms", "Harbour Master Ada"),
            Some(SubstitutionKind::HouseStyle)
        );
        assert_eq!(
            kind("sailed Monday", "steamed"),
            Some(SubstitutionKind::Content)
        );
        assert_eq!(kind("placed 40th", "19"), Some(SubstitutionKind::Pairing));
        let moved = Surroundings {
            from: (
                "She was the first ",
                " to finish and the first local rower to hold the cup.",
            ),
            to: ("She was the first ", " to finish the course."),
        };
        assert_eq!(
            kind_in("unseeded entrant", "local rower", moved),
            Some(SubstitutionKind::Pairing)
        );
        let reworded_twice = Surroundings {
            from: (
                "Divers hit by a storm were seeking a boat lost in an earlier ",
                ".",
            ),
            to: ("A storm hit divers seeking a boat lost in an earlier ", "."),
        };
        assert_eq!(
            kind_in("squall", "storm", reworded_twice),
            Some(SubstitutionKind::Content)
        );
        assert_eq!(
            kind("sailed out", "steamed away"),
            Some(SubstitutionKind::Content)
        );
    }

    #[test]
    fn mechanical_variants_are_dropped() {
        assert_eq!(kind("long term", "long-term"), None);
        assert_eq!(kind("Oct", "October"), None);
        assert_eq!(kind("U.S.-sponsored", "US-sponsored"), None);
        assert_eq!(kind("I would", "I’d"), None);
    }

    #[test]
    fn a_rewritten_passage_is_content_whatever_its_words() {
        assert_eq!(
            kind(
                "at 1220 GMT on Saturday",
                "riding a European rocket into the sky"
            ),
            Some(SubstitutionKind::Content)
        );
        assert_eq!(
            kind("Authorities said", "Some"),
            Some(SubstitutionKind::Attribution)
        );
    }

    #[test]
    fn additions_of_function_words_only_are_grammar() {
        assert_eq!(kind("", "the"), Some(SubstitutionKind::Function));
        assert_eq!(kind("", "embattled"), Some(SubstitutionKind::Addition));
        assert_eq!(kind("not", ""), Some(SubstitutionKind::Cut));
    }

    fn substitution(from: &str, to: &str, pair: (usize, usize), count: usize) -> Substitution {
        let (kind, loaded) = judge(&mut Reader::default(), from, to, &Surroundings::default())
            .expect("a substitution");
        Substitution {
            a: pair.0,
            b: pair.1,
            from: from.to_owned(),
            to: to.to_owned(),
            count,
            kind,
            loaded,
            spread: 0,
            occurrences: Vec::new(),
            directed: false,
        }
    }

    #[test]
    fn a_change_one_copy_makes_against_two_originals_is_one_outlet_s() {
        let directed = |pair, copy_sentence: usize| {
            let mut s = substitution("crowd", "mob", pair, 1);
            s.directed = true;
            s.occurrences = vec![(
                SentenceRef::new(pair.0, 0),
                SentenceRef::new(pair.1, copy_sentence),
            )];
            s
        };
        // Copy 2 draws on originals 0 and 1; copy 3 makes the change too, against 1.
        let mut list = vec![directed((0, 2), 4), directed((1, 2), 4)];
        set_spread(&mut list);
        assert!(list.iter().all(|s| s.spread == 1), "{list:?}");
        list.push(directed((1, 3), 0));
        set_spread(&mut list);
        assert!(list.iter().all(|s| s.spread == 2), "{list:?}");
    }

    #[test]
    fn framing_ranks_above_frequent_function_words_and_shared_swaps_above_one_offs() {
        let mut list = vec![
            substitution("on Wednesday", "Wednesday", (0, 1), 9),
            substitution("Mideast", "Middle East", (0, 1), 5),
            substitution("", "embattled", (0, 1), 1),
            substitution("boats", "ships", (0, 1), 1),
            substitution("villagers", "protesters", (0, 2), 1),
            substitution("said", "claimed", (0, 1), 1),
            substitution("crowd", "group", (0, 2), 1),
            substitution("crowd", "group", (1, 2), 1),
        ];
        set_spread(&mut list);
        rank(&mut list);
        let order: Vec<(&str, &str)> = list
            .iter()
            .map(|s| (s.from.as_str(), s.to.as_str()))
            .collect();
        assert_eq!(
            order,
            [
                ("said", "claimed"),
                ("villagers", "protesters"),
                ("crowd", "group"),
                ("crowd", "group"),
                ("boats", "ships"),
                ("on Wednesday", "Wednesday"),
                ("", "embattled"),
                ("Mideast", "Middle East"),
            ]
        );
    }
}
