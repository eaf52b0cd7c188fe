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

use std::borrow::Cow;
use std::cmp::Reverse;
use std::rc::Rc;

use rayon::prelude::*;

use super::figures::{
    MONTHS, above_and_below, currency_of_sign, fraction_value, glued_code, hedge_alike,
    is_bracketed_conversion, is_denominator, is_figure, is_one_word_qualifier, is_scale_word,
    is_unit_word, is_year, may_belong_to_figure, ordinal_of, qualifier_bound, tens_value,
    two_word_fraction, two_word_unit, value_of_number_word, without_ordinal_ending,
};
use super::quotes::mark_at;
use super::times::TIME_WORDS;
use super::wording::{
    ARTICLES, Difference, PREPOSITIONS, Reader, Words, classify, is_one_figure,
    is_plain_saying_swap,
};
use super::{Span, conversions_split_off, pieces, split_each};
use crate::article::{Article, Role};
use crate::compare::normalize::is_between_digits;
use crate::compare::{
    Bound, Edit, EditOp, FactBasis, FastMap, Link, LinkKind, NumberFact, SentenceRef, Substitution,
    SubstitutionKind,
};

/// Shares of the links each thread's share is split into when judging: with one share per
/// thread, a thread busy with the other findings left the whole list to the other (Bible pair:
/// substitutions 290 → 233 ms). Each share learns its words afresh, so no finer.
const SHARES_PER_THREAD: usize = 8;
/// Most words a figure split by the word diff keeps between its pieces ("2.5 billion").
const MAX_FIGURE_WORDS: usize = 3;
/// Longest side (in words) a replacement may have to count as a substitution rather than a
/// rewritten passage.
const MAX_WORDS_PER_SIDE: usize = 12;
/// Longest side (in words) of a swap judged by its words (attribution, framing, agent); longer
/// replacements are rewritten passages, ranked after the word swaps of their kind.
const MAX_SWAP_WORDS: usize = 4;
/// Content words from which a side paired with function words alone is a passage, not grammar.
const MIN_PASSAGE_CONTENT: usize = 2;
/// Similarity a link involving a headline needs before its edits count as substitutions.
const MIN_HEADLINE_SIMILARITY: f32 = 0.7;
/// Words that give a vague quantity where a figure may stand ("dozens" → "30" is a figure swap).
const QUANTITY_WORDS: &[&str] = &["few", "many", "numerous", "scores", "several"];
/// Units the figures module does not read but a conversion may name (British spellings are
/// normalised to American ones before this list is read).
const MORE_UNITS: &[&str] = &["%", "kilometer", "meter", "mile", "ton", "tonne"];
/// Courtesy titles, squashed (abbreviations expanded).
const HONORIFICS: &[&str] = &["doctor", "miss", "mr", "mrs", "ms", "sir"];
/// Content words each side of a replacement needs before it can be judged moved material.
const MIN_MOVED_WORDS: usize = 2;
/// Longest run of equal words (the anchor) between two edits that are read as one reworded
/// phrase ("warned [of a rise in] the number of [deaths]" → "warned the number of [dead
/// could rise]").
const MAX_ANCHOR_WORDS: usize = 3;
/// Auxiliary and modal verbs: a wording with one holds a clause ("could rise", "was found").
const AUXILIARIES: &[&str] = &[
    "am", "are", "be", "been", "can", "could", "had", "has", "have", "is", "may", "might", "must",
    "shall", "should", "was", "were", "will", "would",
];
/// Country marks written before a dollar sign ("US$", "A$", "HK$").
const DOLLAR_COUNTRIES: &[&str] = &["A", "AU", "C", "CA", "HK", "NZ", "S", "SG", "U.S.", "US"];
/// Time zones: a clock time names one ("at 1220 GMT"), so a side made of them is a date.
const TIME_ZONES: &[&str] = &[
    "bst", "cest", "cet", "edt", "est", "gmt", "pdt", "pst", "utc",
];
/// Words written with a capital that make a name ("Ada Lovelace", "Port Ellen").
const MIN_NAME_WORDS: usize = 2;
/// Punctuation that closes a phrase inside a run of words (an apposition, an aside).
const PHRASE_BREAKS: &[char] = &[',', ';', ':', '(', ')', '—', '–'];

/// A sentence before and after the words of an edit.
type Around<'t> = (&'t str, &'t str);

/// The sentences an edit sits in, for judging what its words do there.
#[derive(Default, Clone, Copy)]
struct Surroundings<'t> {
    /// The sentence of the replaced words, before and after them.
    from: Around<'t>,
    /// The sentence of the replacing words, before and after them.
    to: Around<'t>,
    /// Whether a neighbouring edit changed the frame the words sit in (see [`is_reframed`]).
    reframed: bool,
}

/// What [`judge`] says of a change: its kind and whether it involves a loaded word, or nothing.
type Verdict = Option<(SubstitutionKind, bool)>;

impl<'t> Surroundings<'t> {
    fn of(articles: &'t [Article], link: &Link, edit: &Edit, reframed: bool) -> Self {
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
            reframed,
        }
    }
}

/// Aggregated substitutions of the reworded links marked in `closest` (see
/// [`super::counterparts::closest_of_either_end`]), each seen from its link's `a` side; ranked by
/// [`rank_again`] once oriented.
pub fn find(articles: &[Article], links: &[Link], closest: &[bool]) -> Vec<Substitution> {
    let (rewordings, readings): (Vec<&Link>, Vec<HeadlineReading>) = links
        .iter()
        .zip(closest)
        .filter(|(l, closest)| **closest && l.kind == LinkKind::Reworded)
        .map(|(l, _)| (l, headline_reading(articles, l)))
        .filter(|(_, reading)| *reading != HeadlineReading::Ignored)
        .unzip();
    // The changes are judged in parallel, a few shares of the links per thread (the longest of
    // the findings: a thread freed by the others takes some); they are then gathered in link
    // order, so the first occurrence of each change is the same in any run.
    let per_link: Vec<Vec<Change>> = rewordings
        .par_iter()
        .zip(&readings)
        .with_min_len(super::per_thread(rewordings.len()).div_ceil(SHARES_PER_THREAD))
        .map_init(Judge::default, |judge, (link, reading)| {
            let mut changes = judge.changes(articles, link);
            if *reading == HeadlineReading::FramingOnly {
                changes.retain(|c| matches!(c.verdict, Some((SubstitutionKind::Framing, _))));
            }
            changes
        })
        .collect();
    // A change is the same substitution only within one article pair: each pair's changes are
    // gathered on their own, in link order, and the pairs in order give the key order.
    let mut by_pair: Vec<(&Link, Vec<Change>)> = rewordings.into_iter().zip(per_link).collect();
    by_pair.sort_by_key(|(link, _)| (link.a.article, link.b.article));
    let mut pairs: Vec<Vec<(&Link, Vec<Change>)>> = Vec::new();
    for entry in by_pair {
        match pairs.last_mut() {
            Some(pair) if same_articles(pair[0].0, entry.0) => pair.push(entry),
            _ => pairs.push(vec![entry]),
        }
    }
    pairs.into_par_iter().flat_map_iter(gather).collect()
}

/// Whether links `x` and `y` join the same two articles.
fn same_articles(x: &Link, y: &Link) -> bool {
    (x.a.article, x.b.article) == (y.a.article, y.b.article)
}

/// The substitutions of one article pair's `changes`, given in link order: each counted over
/// its links, with the wording and verdict of its first; in key order.
fn gather(changes: Vec<(&Link, Vec<Change>)>) -> Vec<Substitution> {
    let mut found: FastMap<ChangeKey, Substitution> = FastMap::default();
    for (link, changes) in changes {
        for change in changes {
            if let Some(entry) = found.get_mut(&change.key) {
                entry.count += 1;
                push_occurrence(&mut entry.occurrences, (link.a, link.b));
                continue;
            }
            let Some((kind, loaded)) = change.verdict else {
                continue;
            };
            found.insert(
                change.key,
                Substitution {
                    a: link.a.article,
                    b: link.b.article,
                    from: change.from,
                    to: change.to,
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
    // In key order, as a sorted map would give them.
    let mut keyed: Vec<(ChangeKey, Substitution)> = found.into_iter().collect();
    keyed.sort_unstable_by(|x, y| x.0.cmp(&y.0));
    keyed
        .into_iter()
        .map(|(_, substitution)| substitution)
        .collect()
}

/// Words a link's edit cuts or adds, read (see [`Judge::moved_into_swaps`]).
struct CutOrAdded {
    /// Whether they are cut (else added).
    cut: bool,
    words: Rc<Words>,
    /// Their [`sorted_telling_keys`].
    keys: Vec<String>,
}

/// The [`Words::telling_key_set`] of `words`, kept.
fn sorted_telling_keys(words: &Words) -> Vec<String> {
    words
        .telling_key_set()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// How an edit of a link is read (see [`Judge::figures_in_pieces`] and
/// [`Judge::moved_into_swaps`]).
#[derive(Clone, Copy, PartialEq)]
enum Piece {
    /// On its own.
    Alone,
    /// As another edit, read in its place: the first piece of a figure, joined with the last;
    /// a replacement without the words that moved into it.
    ReadAs(Edit),
    /// Not at all: the last piece of a figure joined to an edit before it; words cut (or
    /// added) that moved into a replacement.
    Absorbed,
}

/// What makes two changes the same substitution: the article pair and the two wordings, in
/// lower case.
type ChangeKey = (usize, usize, String, String);

/// One changed run of a link, judged.
struct Change {
    key: ChangeKey,
    from: String,
    to: String,
    verdict: Verdict,
}

/// Judges changes for one thread, remembering what it judged: copies of one story repeat a
/// change in the same words, so each is judged once from its words, and once in each setting
/// of them that the words leave open.
#[derive(Default)]
struct Judge<'t> {
    reader: Reader,
    by_words: FastMap<(String, String), Result<Verdict, Open>>,
    in_context: FastMap<(String, String, Around<'t>, Around<'t>, bool), Verdict>,
    /// The shape of each side of an edit, by its text as written.
    shapes: FastMap<&'t str, Shape>,
}

impl<'t> Judge<'t> {
    /// The changed runs of `link`, in order, each with its verdict.
    fn changes(&mut self, articles: &'t [Article], link: &Link) -> Vec<Change> {
        let a_text = &articles[link.a.article].text;
        let b_text = &articles[link.b.article].text;
        let mut out = Vec::new();
        let edits = conversions_split_off((a_text, b_text), &link.edits);
        let edits = split_at_quote_marks((a_text, b_text), &edits);
        let edits = self.figures_split_off((a_text, b_text), &edits);
        let mut pieces = self.figures_in_pieces((a_text, b_text), &edits);
        self.moved_into_swaps((a_text, b_text), &edits, &mut pieces);
        for (at, (edit, piece)) in edits.iter().zip(&pieces).enumerate() {
            let edit = match piece {
                Piece::Alone => edit,
                Piece::ReadAs(read) => read,
                Piece::Absorbed => continue,
            };
            if edit.op == EditOp::Equal
                || is_currency_prefix(a_text, edit.a)
                || is_currency_prefix(b_text, edit.b)
                || edit.op == EditOp::Delete && is_bracketed_conversion(a_text, edit.a)
                || edit.op == EditOp::Insert && is_bracketed_conversion(b_text, edit.b)
            {
                continue;
            }
            // The country of a dollar sign right after the edit belongs to the figure there
            // ("3 billion Swiss francs ($3.3bn)" → "CHF3bn (US$3.3 billion)").
            let edit = &Edit {
                a: without_currency_prefix(a_text, edit.a),
                b: without_currency_prefix(b_text, edit.b),
                ..*edit
            };
            let from = phrase(a_text, edit.a);
            let to = phrase(b_text, edit.b);
            let verdict = self.verdict(&from, &to, |judge| {
                let (reader, shapes) = (&mut judge.reader, &mut judge.shapes);
                let mut shape = |side: &'t str| {
                    *shapes
                        .entry(side)
                        .or_insert_with(|| Shape::of(reader, side))
                };
                let reframed = is_reframed(&mut shape, (a_text, b_text), &edits, at);
                Surroundings::of(articles, link, edit, reframed)
            });
            let (from, to) = self.only_what_changed(verdict, from, to);
            let verdict = verdict
                .filter(|&(kind, _)| !self.moved_next_door(articles, link, kind, (&from, &to)));
            out.push(Change {
                key: (
                    link.a.article,
                    link.b.article,
                    from.to_lowercase(),
                    to.to_lowercase(),
                ),
                from,
                to,
                verdict,
            });
        }
        self.drop_moved_within(&mut out);
        out
    }

    /// How each of `edits` is read: alone, or with the edit two further on as one figure in two
    /// pieces around kept figures and scale words ("1.6" → "1" and "kilometres" → "miles"
    /// around "million", "$" cut and "dollars" added around "2.5 billion"), when together they
    /// give the figure in other notation or another unit (see [`classify`]): one change, "1.6
    /// million kilometres" → "1 million miles", or none.
    fn figures_in_pieces(&mut self, (a_text, b_text): (&str, &str), edits: &[Edit]) -> Vec<Piece> {
        let mut pieces = vec![Piece::Alone; edits.len()];
        for (i, window) in edits.windows(3).enumerate() {
            let [first, kept, last] = window else {
                continue;
            };
            if first.op == EditOp::Equal
                || last.op == EditOp::Equal
                || kept.op != EditOp::Equal
                || pieces[i] != Piece::Alone
                || !self.is_figure_only(&a_text[kept.a.0..kept.a.1])
            {
                continue;
            }
            let joined = Edit {
                op: EditOp::Replace,
                a: (first.a.0, last.a.1),
                b: (first.b.0, last.b.1),
            };
            let from = self.reader.words(&a_text[joined.a.0..joined.a.1]);
            let to = self.reader.words(&b_text[joined.b.0..joined.b.1]);
            if matches!(
                classify(&from, &to),
                Difference::Mechanical | Difference::HouseStyle
            ) {
                pieces[i] = Piece::ReadAs(joined);
                pieces[i + 2] = Piece::Absorbed;
            }
        }
        pieces
    }

    /// `edits` with each replacement whose two sides end in one figure each, after other words,
    /// split into the words before the figures and the figures: "reached 41 degrees Celsius" →
    /// "hit 41C" is "reached" → "hit" and the figure in other notation, no pairing of a verb
    /// with a figure.
    fn figures_split_off<'e>(
        &mut self,
        (a_text, b_text): (&str, &str),
        edits: &'e [Edit],
    ) -> Cow<'e, [Edit]> {
        split_each(edits, |edit| {
            if edit.op != EditOp::Replace {
                return None;
            }
            let ends = (
                self.figure_beside_words(a_text, edit.a, FigureAt::End),
                self.figure_beside_words(b_text, edit.b, FigureAt::End),
            );
            if let (Some((a_figure, a_words)), Some((b_figure, b_words))) = ends {
                return Some(pieces([
                    (edit.op, a_words, b_words),
                    (edit.op, a_figure, b_figure),
                ]));
            }
            self.figure_first(a_text, b_text, edit)
        })
    }

    /// `edit` in two where one side is a figure and then words, and the other a figure
    /// (and perhaps words after it): the figures judged together, the words apart ("£1.2m on
    /// Tuesday" → "1.2 million pounds" is the same sum and "on Tuesday" cut).
    fn figure_first(&mut self, a_text: &str, b_text: &str, edit: &Edit) -> Option<[Edit; 2]> {
        // Each side as a figure and the words after it (none where it is all one figure).
        let mut split = |text: &str, (start, end): (usize, usize)| {
            if is_one_figure(&self.reader.words(&text[start..end])) {
                Some(((start, end), (end, end)))
            } else {
                self.figure_beside_words(text, (start, end), FigureAt::Start)
            }
        };
        let (a_figure, a_words) = split(a_text, edit.a)?;
        let (b_figure, b_words) = split(b_text, edit.b)?;
        if a_words.0 == a_words.1 && b_words.0 == b_words.1 {
            return None;
        }
        let words_op = match (a_words.0 == a_words.1, b_words.0 == b_words.1) {
            (true, _) => EditOp::Insert,
            (_, true) => EditOp::Delete,
            _ => EditOp::Replace,
        };
        Some(pieces([
            (edit.op, a_figure, b_figure),
            (words_op, a_words, b_words),
        ]))
    }

    /// Where the words of `text` at `span` are one figure and other words, the figure `at` one
    /// end, the spans of the figure and of the words. At the end, its qualifier with it ("forced
    /// more than 4,000", "reached 41 degrees Celsius"); at the start, the longest figure there
    /// is ("£1.2m on Tuesday", not "£1.2m" of "1.2 million pounds").
    fn figure_beside_words(
        &mut self,
        text: &str,
        (start, end): (usize, usize),
        at: FigureAt,
    ) -> Option<(Span, Span)> {
        let side = &text[start..end];
        if !side.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let mut gaps = gaps_between_words(side);
        if at == FigureAt::Start {
            gaps.reverse();
        }
        gaps.into_iter().find_map(|(before, after)| {
            let (figure, words) = match at {
                FigureAt::Start => ((0, before), (after, side.len())),
                FigureAt::End => ((after, side.len()), (0, before)),
            };
            (side[words.0..words.1].contains(char::is_alphabetic)
                && is_one_figure(&self.reader.words(&side[figure.0..figure.1])))
            .then_some((
                (start + figure.0, start + figure.1),
                (start + words.0, start + words.1),
            ))
        })
    }

    /// Marks in `pieces` the words an edit of `edits` cuts (or adds) whose content words stand
    /// at one end of a replacement's other side: they moved within the sentence, and the
    /// replacement is read without them ("Shares of Northwind fell" → "Northwind shares dropped"
    /// is "fell" → "dropped", nothing cut; "after" → "in eastern Turkey following", with "in
    /// eastern Turkey" cut, is "after" → "following").
    fn moved_into_swaps(
        &mut self,
        (a_text, b_text): (&str, &str),
        edits: &[Edit],
        pieces: &mut [Piece],
    ) {
        let swaps: Vec<usize> = (0..edits.len())
            .filter(|&j| edits[j].op == EditOp::Replace)
            .collect();
        if swaps.is_empty() {
            return;
        }
        // Each cut and addition: a cut whose words are added elsewhere moved there whole (see
        // [`Judge::drop_moved_within`]).
        let mut passages: Vec<Option<CutOrAdded>> = edits
            .iter()
            .map(|edit| {
                let (cut, text) = match edit.op {
                    EditOp::Delete => (true, &a_text[edit.a.0..edit.a.1]),
                    EditOp::Insert => (false, &b_text[edit.b.0..edit.b.1]),
                    _ => return None,
                };
                let words = self.reader.words(text);
                let keys = sorted_telling_keys(&words);
                Some(CutOrAdded { cut, words, keys })
            })
            .collect();
        for i in 0..edits.len() {
            let Some(passage) = &passages[i] else {
                continue;
            };
            let moved_whole = passages
                .iter()
                .flatten()
                .any(|other| other.cut != passage.cut && other.keys == passage.keys);
            if pieces[i] != Piece::Alone || moved_whole {
                continue;
            }
            let (cut, moved) = (passage.cut, Rc::clone(&passage.words));
            let other_text = if cut { b_text } else { a_text };
            for &j in &swaps {
                if pieces[j] != Piece::Alone {
                    continue;
                }
                let swap = edits[j];
                let (start, end) = if cut { swap.b } else { swap.a };
                let other = self.reader.words(&other_text[start..end]);
                let Some((left_start, left_end)) = other.left_without(&moved) else {
                    continue;
                };
                let left = (start + left_start, start + left_end);
                let read = if cut {
                    Edit { b: left, ..swap }
                } else {
                    Edit { a: left, ..swap }
                };
                pieces[j] = Piece::ReadAs(read);
                pieces[i] = Piece::Absorbed;
                passages[i] = None;
                break;
            }
        }
    }

    /// Whether `text` holds figures and scale words only ("2.5 billion", "million"); a few
    /// words at most, each with a digit or a scale word as written, before any is read.
    fn is_figure_only(&mut self, text: &str) -> bool {
        let may_be = |w: &str| w.contains(|c: char| c.is_ascii_digit()) || is_scale_word(w);
        let written: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        if written.len() > MAX_FIGURE_WORDS || !written.iter().all(|w| may_be(w)) {
            return false;
        }
        let words = self.reader.words(text);
        let keys = words.all_keys();
        !keys.is_empty() && keys.iter().all(|k| is_figure(k) || is_scale_word(k))
    }

    /// A cut or an addition as the words cut or added alone: "Oct." → "deadly October" reads
    /// "(nothing) → deadly", the month written out being no change.
    fn only_what_changed(
        &mut self,
        verdict: Verdict,
        from: String,
        to: String,
    ) -> (String, String) {
        let Some((kind, _)) = verdict else {
            return (from, to);
        };
        if from.is_empty() || to.is_empty() {
            return (from, to);
        }
        let (longer, shorter) = match kind {
            SubstitutionKind::Cut => (&from, &to),
            SubstitutionKind::Addition => (&to, &from),
            _ => return (from, to),
        };
        let shorter = self.reader.words(shorter);
        let part = cut_part(&mut self.reader, longer, &shorter);
        match (kind, part.map(|part| phrase(part, (0, part.len())))) {
            (SubstitutionKind::Cut, Some(cut)) => (cut, String::new()),
            (SubstitutionKind::Addition, Some(added)) => (String::new(), added),
            _ => (from, to),
        }
    }

    /// Leaves out the cuts and additions of one link that are the same words moved within the
    /// sentence ("Police said two fishermen were missing" → "Two fishermen were missing, police
    /// said"): the same content words cut in one place and added in another (the same words,
    /// where they have none: "Ruiz said" → "said Ruiz"; one shortened: "Oct. 7" → "7 October").
    fn drop_moved_within(&mut self, changes: &mut [Change]) {
        // Each cut's and addition's content words, sorted, read once.
        let sides: Vec<Option<(SubstitutionKind, Vec<String>)>> = changes
            .iter()
            .map(|c| {
                let (kind, _) = c.verdict?;
                let text = match kind {
                    SubstitutionKind::Cut => &c.from,
                    SubstitutionKind::Addition => &c.to,
                    _ => return None,
                };
                let keys = sorted_telling_keys(&self.reader.words(text));
                (!keys.is_empty()).then_some((kind, keys))
            })
            .collect();
        for (cut, side) in sides.iter().enumerate() {
            let Some((SubstitutionKind::Cut, words)) = side else {
                continue;
            };
            let added = (0..changes.len()).find(|&i| {
                changes[i].verdict.is_some()
                    && matches!(&sides[i], Some((SubstitutionKind::Addition, w)) if w == words)
            });
            if let Some(added) = added {
                changes[cut].verdict = None;
                changes[added].verdict = None;
            }
        }
    }

    /// Whether a passage cut (or added) by `link`'s edit `from` → `to` stands in a sentence
    /// next to the other side's: it moved into a sentence of its own ("…for some 30 hours before
    /// bringing it under control" → "…for some 30 hours. They brought it under control"), and
    /// nothing was cut or added.
    fn moved_next_door(
        &mut self,
        articles: &[Article],
        link: &Link,
        kind: SubstitutionKind,
        (from, to): (&str, &str),
    ) -> bool {
        let (passage, other) = match kind {
            SubstitutionKind::Cut => (from, link.b),
            SubstitutionKind::Addition => (to, link.a),
            _ => return false,
        };
        let words = self.reader.words(passage);
        self.reader
            .moved_next_door(&words, &articles[other.article], other.sentence)
    }

    /// What [`judge`] says of `from` → `to` in the surroundings `around` gives, each step
    /// remembered; the surroundings are read only when the words leave the verdict open.
    fn verdict(
        &mut self,
        from: &str,
        to: &str,
        around: impl FnOnce(&mut Self) -> Surroundings<'t>,
    ) -> Verdict {
        let reader = &mut self.reader;
        let by_words = *self
            .by_words
            .entry((from.to_owned(), to.to_owned()))
            .or_insert_with(|| judge_words(reader, from, to));
        let open = match by_words {
            Ok(verdict) => return verdict,
            Err(open) => open,
        };
        let surroundings = around(self);
        let setting = (
            from.to_owned(),
            to.to_owned(),
            surroundings.from,
            surroundings.to,
            surroundings.reframed,
        );
        let reader = &mut self.reader;
        *self
            .in_context
            .entry(setting)
            .or_insert_with(|| judge_in_context(reader, from, to, open, &surroundings))
    }
}

/// `substitutions` without the words cut or added that are a figure changed in a linked sentence
/// (see [`NumberFact`]): a figure moved within its sentence as it changed ("52-year-old first
/// mate" → "the first mate, 53") is one changed figure, listed with the figures, not a cut and an
/// addition. An occurrence is dropped where the fact has a mention in each of its two sentences
/// and the cut (or added) words, holding a figure themselves, stand inside the one on their side.
pub fn without_changed_figures(
    mut substitutions: Vec<Substitution>,
    facts: &[NumberFact],
) -> Vec<Substitution> {
    let linked: Vec<&NumberFact> = facts
        .iter()
        .filter(|f| f.basis == FactBasis::Linked)
        .collect();
    if linked.is_empty() {
        return substitutions;
    }
    let mut changed = false;
    for s in &mut substitutions {
        let (words, cut) = match s.kind {
            SubstitutionKind::Cut => (&s.from, true),
            SubstitutionKind::Addition => (&s.to, false),
            _ => continue,
        };
        // Only words giving a figure themselves: a word cut beside one ("away" of "a mile away")
        // is a cut of its own.
        if !words
            .split_whitespace()
            .any(|word| may_belong_to_figure(&word.to_lowercase()))
        {
            continue;
        }
        let before = s.occurrences.len();
        s.occurrences.retain(|&(a, b)| {
            let (holder, other) = if cut { (a, b) } else { (b, a) };
            !linked.iter().any(|fact| {
                let mentions = |r: SentenceRef| {
                    fact.mentions
                        .iter()
                        .filter(move |m| m.article == r.article && m.sentence == r.sentence)
                };
                mentions(holder).any(|m| m.text.contains(words.as_str()))
                    && mentions(other).next().is_some()
            })
        });
        let dropped = before - s.occurrences.len();
        if dropped > 0 {
            s.count = s.count.saturating_sub(dropped).max(s.occurrences.len());
            changed = true;
        }
    }
    if changed {
        substitutions.retain(|s| !s.occurrences.is_empty());
        rank_again(&mut substitutions);
    }
    substitutions
}

/// Sets each substitution's spread and ranks the list (after the list was oriented or cut down).
pub fn rank_again(substitutions: &mut [Substitution]) {
    set_spread(substitutions);
    rank(substitutions);
}

/// Orders substitutions by significance: kind (a swap of plain verbs of saying after the agent
/// swaps), word swaps before rewritten passages, loaded words first, then how many article pairs
/// make the change, then how often, then by articles and wording (so the order is total).
pub fn rank(substitutions: &mut [Substitution]) {
    substitutions.par_sort_by_cached_key(|s| {
        (
            standing(s),
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

/// Where a substitution's kind ranks: a swap between plain verbs of saying ("reported that" →
/// "said") changes no belief in the source, and ranks after the framing and agent swaps.
fn standing(s: &Substitution) -> (SubstitutionKind, bool) {
    if s.kind == SubstitutionKind::Attribution && is_plain_saying_swap(&s.from, &s.to) {
        (SubstitutionKind::Agent, true)
    } else {
        (s.kind, false)
    }
}

/// The kind of the change `from` → `to` (in `surroundings`) and whether it involves a loaded
/// word, or `None` when it is not a substitution at all (mechanical, or too long).
/// [`Judge::verdict`] takes the same two steps, each remembered.
#[cfg(test)]
fn judge(reader: &mut Reader, from: &str, to: &str, surroundings: &Surroundings) -> Verdict {
    match judge_words(reader, from, to) {
        Ok(verdict) => verdict,
        Err(open) => judge_in_context(reader, from, to, open, surroundings),
    }
}

/// A change the words alone do not settle: how they differ, and whether a loaded word is in it.
#[derive(Debug, Clone, Copy)]
struct Open {
    difference: Difference,
    loaded: bool,
}

/// What [`judge`] says of `from` → `to` from their words alone, or what is left to judge in the
/// sentences around them.
fn judge_words(reader: &mut Reader, from: &str, to: &str) -> Result<Verdict, Open> {
    let (a, b) = (reader.words(from), reader.words(to));
    if a.is_empty() && b.is_empty() || a.len().max(b.len()) > MAX_WORDS_PER_SIDE {
        return Ok(None);
    }
    // Signs alone: a figure given in another currency ("$1.2 billion" → "€1.2 billion").
    let currency = |sign: &str| currency_of_sign(sign.trim());
    if currency(from).is_some_and(|x| currency(to).is_some_and(|y| x != y)) {
        return Ok(Some((SubstitutionKind::Figure, false)));
    }
    let loaded = a.is_loaded() || b.is_loaded();
    // Function words alone added or cut ("has", "on") are grammar, not additions or cuts; a
    // verb of saying with them is not ("He told"), nor a hedge ("could").
    let one_sided = |words: &Words, kind| {
        if words.is_function_only() && !words.names_a_source() && !words.hedges() {
            (SubstitutionKind::Function, loaded)
        } else {
            (kind, loaded)
        }
    };
    if a.is_empty() {
        return Ok(Some(one_sided(&b, SubstitutionKind::Addition)));
    }
    if b.is_empty() {
        return Ok(Some(one_sided(&a, SubstitutionKind::Cut)));
    }
    let difference = classify(&a, &b);
    if difference == Difference::Mechanical || is_figure_with_particles(reader, from, to) {
        return Ok(None);
    }
    if is_honorific(&a) || is_honorific(&b) {
        return Ok(Some((SubstitutionKind::HouseStyle, loaded)));
    }
    if let Some(kind) = cut_part(reader, from, &b)
        .map(|_| SubstitutionKind::Cut)
        .or_else(|| cut_part(reader, to, &a).map(|_| SubstitutionKind::Addition))
    {
        return Ok(Some((kind, loaded)));
    }
    Err(Open { difference, loaded })
}

/// The rest of [`judge`]: the kind of a change left `open` by its words, read in `surroundings`.
fn judge_in_context(
    reader: &mut Reader,
    from: &str,
    to: &str,
    open: Open,
    surroundings: &Surroundings,
) -> Verdict {
    match hedges_of_a_figure(from, to, surroundings) {
        Some((x, y)) if hedge_alike(x, y) => return None,
        // "more than 300" → "nearly 300": the figure now says less.
        Some((x, y)) if above_and_below(x, y) => return Some((SubstitutionKind::Figure, false)),
        _ => {}
    }
    let (a, b) = (reader.words(from), reader.words(to));
    let passage = a.len().max(b.len()) > MAX_SWAP_WORDS;
    let sides = Sides {
        text: (from, to),
        words: (&a, &b),
    };
    let kind = match open.difference {
        Difference::Mechanical => return None,
        // A rewritten passage is judged as content words are, whatever words it holds.
        Difference::Attribution | Difference::Framing | Difference::Agent if passage => {
            judge_roles(reader, &sides, surroundings)
        }
        Difference::HouseStyle => SubstitutionKind::HouseStyle,
        Difference::Attribution if is_misplaced_attribution(reader, &a, &b, surroundings) => {
            SubstitutionKind::Pairing
        }
        // "a proposed diagnosis" → "a suggested diagnosis": no claim is attributed.
        Difference::Attribution if says_as_adjective(&a, &b, surroundings) => {
            if open.loaded {
                SubstitutionKind::Framing
            } else {
                judge_roles(reader, &sides, surroundings)
            }
        }
        Difference::Attribution => SubstitutionKind::Attribution,
        Difference::Framing => SubstitutionKind::Framing,
        Difference::Agent => SubstitutionKind::Agent,
        // Words of substance against function words alone ("A" → "Two boats sank and a third
        // ran aground in the storm"): the word diff paired a passage with a word, which says
        // nothing of grammar.
        Difference::Function if is_passage_against_function_words(&a, &b) => {
            SubstitutionKind::Pairing
        }
        // A figure against words ("up to 15" → "other"): a figure gone is never grammar.
        Difference::Function if holds_figure(&a) != holds_figure(&b) => {
            judge_roles(reader, &sides, surroundings)
        }
        Difference::Function => SubstitutionKind::Function,
        Difference::Content => judge_roles(reader, &sides, surroundings),
    };
    Some((kind, open.loaded))
}

/// Where `from` → `to` swaps one qualifier of a figure for another ("nearly 500" → "almost 500",
/// "more than 40" → "over 40", "more than 300" → "nearly 300"), the bounds the two set.
fn hedges_of_a_figure(from: &str, to: &str, surroundings: &Surroundings) -> Option<(Bound, Bound)> {
    let bound = |text: &str| {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        qualifier_bound(&words)
    };
    let before_figure = |(_, after): Around| {
        after
            .split_whitespace()
            .next()
            .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
            .is_some_and(|w| may_belong_to_figure(&w.to_lowercase()))
    };
    let bounds = bound(from).zip(bound(to))?;
    (before_figure(surroundings.from) && before_figure(surroundings.to)).then_some(bounds)
}

/// Whether one side holds function words only and the other [`MIN_PASSAGE_CONTENT`] content
/// words or more.
fn is_passage_against_function_words(from: &Words, to: &Words) -> bool {
    let passage = |w: &Words| w.content_keys().len() >= MIN_PASSAGE_CONTENT;
    from.is_function_only() && passage(to) || to.is_function_only() && passage(from)
}

/// Whether some content word is a figure ("15", "150th").
fn holds_figure(words: &Words) -> bool {
    words.content_keys().iter().any(|k| is_figure(k))
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

/// Whether an attribution on one side only was paired with words that do not stand for it: a
/// date ("Mayor Ito said" against "on Monday"), or the same source with the same verb standing
/// elsewhere in the other sentence (the attribution moved, "Ito said" from the end of a
/// sentence to its start).
fn is_misplaced_attribution(
    reader: &mut Reader,
    from: &Words,
    to: &Words,
    surroundings: &Surroundings,
) -> bool {
    let (attributed, other, other_surroundings) = match (from.names_a_source(), to.names_a_source())
    {
        (true, false) => (from, to, surroundings.to),
        (false, true) => (to, from, surroundings.from),
        _ => return false,
    };
    let keys: Vec<&str> = attributed
        .content_keys()
        .into_iter()
        .chain(attributed.saying_words())
        .collect();
    role(other, other_surroundings) == SideRole::Date
        || reader.all_keys_in(&keys, [other_surroundings.0, other_surroundings.1])
}

/// Whether each side holding a verb of saying opens with it right after an article, where it
/// describes a noun ("a suggested diagnosis", "the alleged attacker") and attributes nothing.
fn says_as_adjective(from: &Words, to: &Words, surroundings: &Surroundings) -> bool {
    let adjective = |words: &Words, (before, _): Around| {
        !words.names_a_source() || words.opens_with_saying() && ends_with_article(before)
    };
    (from.names_a_source() || to.names_a_source())
        && adjective(from, surroundings.from)
        && adjective(to, surroundings.to)
}

/// Whether the last word of `text` is an article.
fn ends_with_article(text: &str) -> bool {
    text.split_whitespace()
        .next_back()
        .is_some_and(|w| ARTICLES.contains(&w.to_lowercase().as_str()))
}

/// The two sides of a replacement: their text and their words.
struct Sides<'s> {
    /// The replaced and the replacing text.
    text: (&'s str, &'s str),
    /// Their words.
    words: (&'s Words, &'s Words),
}

/// The kind of a replacement of content words, by the roles of its sides: figures and units
/// swapped for each other are a figure change; a figure against words is a loose pairing of the
/// word diff, and so are words that do not stand in one place in both sentences (see
/// [`is_loose`]).
fn judge_roles(
    reader: &mut Reader,
    sides: &Sides,
    surroundings: &Surroundings,
) -> SubstitutionKind {
    let (from, to) = sides.words;
    let roles = (role(from, surroundings.from), role(to, surroundings.to));
    match roles {
        (SideRole::Figure, SideRole::Figure) => SubstitutionKind::Figure,
        _ if is_one_ordinal(from) && is_one_ordinal(to) => SubstitutionKind::Figure,
        (SideRole::Words, SideRole::Figure | SideRole::Date)
        | (SideRole::Figure | SideRole::Date, SideRole::Words) => SubstitutionKind::Pairing,
        (SideRole::Words, SideRole::Words) if is_loose(reader, sides, surroundings) => {
            SubstitutionKind::Pairing
        }
        _ => SubstitutionKind::Content,
    }
}

/// Whether the words' one content word is an ordinal ("the fourth", "5th"): swapped for another
/// ordinal, a figure changed; against other words ("a second" → "another") no figure.
fn is_one_ordinal(words: &Words) -> bool {
    matches!(words.content_keys().as_slice(), [key] if ordinal_of(key).is_some())
}

/// Whether two sides of words were paired by the word diff rather than swapped one for the
/// other: a phrase against material that moved; one side running across a phrase break the
/// other lacks ("Smith, aged 40" against "The teacher"); a name against words naming nothing
/// ("Port Ellen's ferry" against "The new"); a figure joined to words; or words whose frame a
/// neighbouring edit changed.
fn is_loose(reader: &mut Reader, sides: &Sides, surroundings: &Surroundings) -> bool {
    let (from, to) = sides.words;
    is_moved(reader, from, to, surroundings.from)
        || is_moved(reader, to, from, surroundings.to)
        || has_phrase_break(sides.text.0) != has_phrase_break(sides.text.1)
        || names_something(from, surroundings.from) != names_something(to, surroundings.to)
        || mixes_figures_and_words(from, sides.text.0)
        || mixes_figures_and_words(to, sides.text.1)
        || surroundings.reframed
}

/// Whether words (`text`) hold a figure written in digits beside other content words ("23
/// rescue"): a changed figure and a changed word the diff joined (a number written out may be
/// part of a phrase, "not equal to zero").
fn mixes_figures_and_words(words: &Words, text: &str) -> bool {
    let content = words.content_keys();
    text.chars().any(|c| c.is_ascii_digit())
        && content.iter().any(|k| is_figure(k))
        && content.iter().any(|k| !is_quantity(k) && !is_date(k))
}

/// Whether a run of words holds punctuation that closes a phrase (a comma inside a figure,
/// "1,200", does not).
fn has_phrase_break(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .any(|(i, c)| PHRASE_BREAKS.contains(c) && !(*c == ',' && is_between_digits(&chars, i)))
        || text.contains(" - ")
}

/// Whether words hold a full name: at least [`MIN_NAME_WORDS`] content words written with a
/// capital that are not dates ("Saturday") nor the capital of a sentence's first word (one such
/// word may be an adjective, "Turkish", or a common noun, "TV").
fn names_something(words: &Words, (before, _): (&str, &str)) -> bool {
    let starts_sentence = !before.chars().any(char::is_alphanumeric);
    let capitalized = words.capitalized_keys(starts_sentence);
    capitalized.iter().filter(|key| !is_date(key)).count() >= MIN_NAME_WORDS
}

/// The role of a side's words, given the text of its sentence before and after them (a day
/// beside a month is a date: "Dec. 24" → "Dec. 25").
fn role(words: &Words, (before, after): (&str, &str)) -> SideRole {
    let content = words.content_keys();
    let beside_month = |word: Option<&str>| {
        word.map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .is_some_and(|w| MONTHS.contains(&w.as_str()))
    };
    // A year is written without digit grouping: "2,000" (keyed "2000") is a count.
    let written_as_date =
        |(key, written): (&str, &str)| is_date(key) && (!is_year(key) || is_year(written));
    let unit_phrase = || matches!(content.as_slice(), &[a, b] if two_word_unit(a, b).is_some());
    let quantities_only = !content.is_empty()
        && (words
            .content_words()
            .all(|word| is_quantity(word.0) || written_as_date(word))
            || is_one_figure(words)
            || unit_phrase()
            || is_written_share(words, (before, after)));
    let dated = words.content_words().any(written_as_date)
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

/// Whether words are (part of) a fraction written in two words before "of", with the words
/// around them in their sentence (`around`): "a third" → "half" in "a third of its homes",
/// "quarter" → "fifth" in "a quarter of the levee".
fn is_written_share(words: &Words, (before, after): Around) -> bool {
    let mut content = words.content_words().map(|(_, written)| written).peekable();
    if content.peek().is_none()
        || !content.all(|w| is_denominator(w) || value_of_number_word(w).is_some())
    {
        return false;
    }
    let edge = |word: Option<&str>| {
        word.map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
    };
    let (before, after) = (
        edge(before.split_whitespace().last()),
        edge(after.split_whitespace().next()),
    );
    let window: Vec<&str> = before
        .as_deref()
        .into_iter()
        .chain(words.all_written())
        .chain(after.as_deref())
        .collect();
    (0..window.len()).any(|at| two_word_fraction(&window, at).is_some())
}

/// Whether a key is a day, month, year, time zone or other time word.
fn is_date(key: &str) -> bool {
    TIME_WORDS.contains(&key) || MONTHS.contains(&key) || TIME_ZONES.contains(&key) || is_year(key)
}

/// Whether a key is a figure (an ordinal too: "150th"; a measure too, "7-tonne" keyed
/// "7tonne"; a sum glued to its currency's code, "chf4bn"; a fraction, "twothirds"), a scale, a
/// vague quantity or a unit.
fn is_quantity(key: &str) -> bool {
    if let Some((_, figure)) = glued_code(key) {
        return is_quantity(figure);
    }
    let ordinal = without_ordinal_ending(key).is_some_and(is_figure);
    let unit = key.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let measure = unit.len() < key.len() && is_unit(unit);
    ordinal
        || measure
        || is_figure(key)
        || tens_value(key).is_some()
        || fraction_value(key).is_some()
        || is_scale_word(key)
        || is_unit(key)
        || QUANTITY_WORDS.contains(&key)
}

/// Whether a key is a unit ("km", "miles", "tonne").
fn is_unit(key: &str) -> bool {
    is_unit_word(key) || MORE_UNITS.contains(&key.strip_suffix('s').unwrap_or(key))
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
    reader.all_keys_in(&new, [rest.0, rest.1])
}

/// What one side of an edit holds, for judging how it sits among its neighbours.
#[derive(Clone, Copy)]
struct Shape {
    /// Whether the side has any text at all.
    written: bool,
    /// How many content words it has.
    content: usize,
    /// Whether it has an auxiliary or modal verb (it holds a clause, "could rise").
    verb_group: bool,
    /// Whether it has a preposition.
    preposition: bool,
}

impl Shape {
    /// The shape of `side`, a side of an edit as written.
    fn of(reader: &mut Reader, side: &str) -> Self {
        let words = reader.words(&phrase(side, (0, side.len())));
        Shape {
            written: !side.is_empty(),
            content: words.content_keys().len(),
            verb_group: AUXILIARIES.iter().any(|k| words.has_key(k)),
            preposition: PREPOSITIONS.iter().any(|k| words.has_key(k)),
        }
    }

    /// Whether this side puts function words with a preposition where `other` has content
    /// words ("into" where "provided" stood).
    fn is_preposition_against(self, other: Shape) -> bool {
        self.written && self.content == 0 && self.preposition && other.content > 0
    }

    /// Whether this side is a clause where `other` is a phrase: more content words, and a verb
    /// group the other lacks.
    fn is_clause_against(self, other: Shape) -> bool {
        self.content > other.content && self.verb_group && !other.verb_group
    }
}

/// Whether the edit at `at` of a link's `edits` (over the texts `a` and `b`) shares a reworded
/// phrase with a neighbour across an anchor of a few equal words: either the neighbour before
/// it put a preposition where a few content words stood ("provided [the morning] lift" → "into
/// [the morning] sky": the words no longer play the same part), or a neighbour takes content
/// words from one side only while the edit turns a phrase of the other side into a clause
/// ("warned of a rise in [the number of] deaths" → "warned [the number of] dead could rise":
/// the words moved round the anchor).
fn is_reframed<'t>(
    shape: &mut impl FnMut(&'t str) -> Shape,
    (a, b): (&'t str, &'t str),
    edits: &[Edit],
    at: usize,
) -> bool {
    let anchored = |anchor: usize, neighbour: usize| {
        edits.get(anchor).is_some_and(|e| {
            e.op == EditOp::Equal && a[e.a.0..e.a.1].split_whitespace().count() <= MAX_ANCHOR_WORDS
        }) && edits.get(neighbour).is_some_and(|e| e.op != EditOp::Equal)
    };
    let neighbours = [
        at.checked_sub(2).filter(|&n| anchored(n + 1, n)),
        Some(at + 2).filter(|&n| anchored(at + 1, n)),
    ];
    if neighbours.iter().all(Option::is_none) {
        return false;
    }
    let mut shapes = |e: &Edit| (shape(&a[e.a.0..e.a.1]), shape(&b[e.b.0..e.b.1]));
    let (own_a, own_b) = shapes(&edits[at]);
    neighbours.into_iter().flatten().any(|n| {
        let edit = &edits[n];
        let (theirs_a, theirs_b) = shapes(edit);
        let governs = n < at && is_swap_sized(&a[edit.a.0..edit.a.1], &b[edit.b.0..edit.b.1]);
        let preposition_for_content =
            theirs_a.is_preposition_against(theirs_b) || theirs_b.is_preposition_against(theirs_a);
        let moved = if theirs_a.content > 0 && theirs_b.content == 0 {
            own_b.is_clause_against(own_a)
        } else if theirs_b.content > 0 && theirs_a.content == 0 {
            own_a.is_clause_against(own_b)
        } else {
            false
        };
        governs && preposition_for_content || moved
    })
}

/// Whether a wording is only a courtesy title ("Mr", "Dr"): naming someone with or without one,
/// or by their post instead ("Mr" → "NASA Administrator Bill"), is house style.
fn is_honorific(words: &Words) -> bool {
    HONORIFICS.contains(&words.squashed())
}

/// Whether `from` and `to` give one figure written otherwise once an article or preposition
/// at either end of them is set aside ("1.5 million pounds on" → "£1.5m"): the word diff took
/// along a word that moved, since the two notations share no word it could align. A qualifier
/// ("over 300") is never set aside: it changes the figure.
fn is_figure_with_particles(reader: &mut Reader, from: &str, to: &str) -> bool {
    let (bare_from, bare_to) = (without_particles(from), without_particles(to));
    if (bare_from, bare_to) == (from, to) || bare_from.is_empty() || bare_to.is_empty() {
        return false;
    }
    let (a, b) = (reader.words(bare_from), reader.words(bare_to));
    holds_figure(&a) && holds_figure(&b) && classify(&a, &b) == Difference::Mechanical
}

/// `text` without the articles and prepositions at its ends (see [`is_particle`]).
fn without_particles(text: &str) -> &str {
    let mut bare = text.trim();
    while let Some((first, rest)) = bare.split_once(char::is_whitespace)
        && is_particle(first)
    {
        bare = rest.trim_start();
    }
    while let Some((rest, last)) = bare.rsplit_once(char::is_whitespace)
        && is_particle(last)
    {
        bare = rest.trim_end();
    }
    bare
}

/// Whether a word is an article or a preposition that qualifies no figure ("on", "the"; not
/// "over" nor "about").
fn is_particle(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (ARTICLES.contains(&word.as_str()) || PREPOSITIONS.contains(&word.as_str()))
        && !is_one_word_qualifier(&word)
}

/// The words cut from `longer` to leave `shorter`, where `shorter` is `longer` with its first or
/// last words cut, not only function words ("largest and" of "largest and most-powerful" →
/// "most powerful"): the word diff paired what is left of a cut with a spelling variant of it.
fn cut_part<'l>(reader: &mut Reader, longer: &'l str, shorter: &Words) -> Option<&'l str> {
    let kept = shorter.squashed();
    let words = reader.words(longer);
    for (space, split) in words.split_at_spaces(longer) {
        let (head_is_kept, head_function, tail_is_kept, tail_function) = match split {
            Some((head, head_function, tail, tail_function)) => {
                (head == kept, head_function, tail == kept, tail_function)
            }
            // A word read across the space ("per cent") is read again on each side of it.
            None => {
                let (head, tail) = (longer[..space].trim(), longer[space..].trim());
                let (head, tail) = (reader.words(head), reader.words(tail));
                (
                    head.squashed() == kept,
                    head.is_function_only(),
                    tail.squashed() == kept,
                    tail.is_function_only(),
                )
            }
        };
        // Function words cut ("on Wednesday" → "Wednesday") are grammar, judged as such.
        if tail_is_kept {
            return (!head_function).then(|| longer[..space].trim());
        }
        if head_is_kept {
            return (!tail_function).then(|| longer[space..].trim());
        }
    }
    None
}

/// Whether a change rewrites a passage rather than swapping a few words.
fn is_passage(from: &str, to: &str) -> bool {
    !is_swap_sized(from, to)
}

/// Whether neither side of a change is longer than a swap of words.
fn is_swap_sized(from: &str, to: &str) -> bool {
    let words = |s: &str| s.split_whitespace().count();
    words(from).max(words(to)) <= MAX_SWAP_WORDS
}

/// A change's two wordings in lower case, the smaller first (either way round is one change).
type Wording = (String, String);
/// Who makes a change: the copy where the direction is known, else the article pair.
type Maker = (usize, usize);

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
    // Each substitution's wording and maker, sorted so that a wording's makers run together.
    let mut made: Vec<(Wording, Maker, usize)> = substitutions
        .par_iter()
        .enumerate()
        .map(|(i, s)| (wording(s), maker(s), i))
        .collect();
    made.par_sort_unstable();
    for same_wording in made.chunk_by(|x, y| x.0 == y.0) {
        let makers = 1 + same_wording.windows(2).filter(|w| w[0].1 != w[1].1).count();
        for &(_, _, i) in same_wording {
            substitutions[i].spread = makers;
        }
    }
}

/// How a link's word edits are read where a headline is involved (see [`headline_reading`]).
#[derive(Clone, Copy, PartialEq)]
enum HeadlineReading {
    /// As any link's.
    Whole,
    /// Only for framing swaps: two headlines rewritten around the same words ("to cut … as
    /// profits slide" → "slashes … as profits plunge").
    FramingOnly,
    /// Not at all.
    Ignored,
}

/// How `link`'s word edits count as substitutions: headlines are rewritten wholesale (and
/// headline–lead links are paraphrases), so their edits count only when the two are very close;
/// two headlines less close still give their framing swaps, which name a word of a known kind
/// on one side.
fn headline_reading(articles: &[Article], link: &Link) -> HeadlineReading {
    let is_headline =
        |r: SentenceRef| articles[r.article].sentences[r.sentence].role == Role::Headline;
    match (is_headline(link.a), is_headline(link.b)) {
        _ if link.similarity >= MIN_HEADLINE_SIMILARITY => HeadlineReading::Whole,
        (false, false) => HeadlineReading::Whole,
        (true, true) => HeadlineReading::FramingOnly,
        _ => HeadlineReading::Ignored,
    }
}

fn push_occurrence(list: &mut Vec<(SentenceRef, SentenceRef)>, pair: (SentenceRef, SentenceRef)) {
    if !list.contains(&pair) {
        list.push(pair);
    }
}

/// Whether the words at `span` of `text` only name the country of the dollar sign right after
/// them ("US$2.5m" against "$2.5 million"): a notation, not an addition.
fn is_currency_prefix(text: &str, span: (usize, usize)) -> bool {
    let words = text[span.0..span.1].trim();
    let next = text[span.1..].trim_start().chars().next();
    next == Some('$') && DOLLAR_COUNTRIES.contains(&words)
}

/// `span` of `text` without the country of a dollar sign right after it, where words stand
/// before that country ("CHF3bn (US" before "$3.3 billion" is "CHF3bn ("): see
/// [`is_currency_prefix`].
fn without_currency_prefix(text: &str, span: (usize, usize)) -> (usize, usize) {
    let side = &text[span.0..span.1];
    let Some(at) = side.rfind(|c: char| !c.is_alphanumeric() && c != '.') else {
        return span;
    };
    let country_start = span.0 + at + side[at..].chars().next().map_or(1, char::len_utf8);
    if country_start < span.1 && is_currency_prefix(text, (country_start, span.1)) {
        (span.0, country_start)
    } else {
        span
    }
}

/// `edits` with each replacement whose one side runs across a quotation mark where the other
/// side stops at one split at that mark: the words on the other side's side of the mark are
/// replaced, the rest cut or added on their own ("April,\" said Tom Reed" against "May" before
/// a closing mark is "April" → "May" and "said Tom Reed" cut), and each replacement whose two
/// sides both cross a mark of one kind split at both (see [`split_at_both_marks`]), so no change
/// joins words of a quotation to words outside it.
fn split_at_quote_marks<'e>((a_text, b_text): (&str, &str), edits: &'e [Edit]) -> Cow<'e, [Edit]> {
    split_each(edits, |edit| split_at_quote_mark((a_text, b_text), edit))
}

/// Which end of an edit's words a figure stands at (see [`Judge::figure_beside_words`]).
#[derive(Clone, Copy, PartialEq)]
enum FigureAt {
    Start,
    End,
}

/// The runs of white space between words of `side`, in order: where the word before each ends
/// and the word after it starts.
fn gaps_between_words(side: &str) -> Vec<(usize, usize)> {
    let mut gaps = Vec::new();
    let (mut word_end, mut in_word) = (None, false);
    for (i, c) in side.char_indices() {
        match (c.is_whitespace(), in_word) {
            (true, true) => word_end = Some(i),
            (false, false) => {
                if let Some(end) = word_end.take() {
                    gaps.push((end, i));
                }
            }
            _ => {}
        }
        in_word = !c.is_whitespace();
    }
    gaps
}

/// `edit` split as [`split_at_quote_marks`] says, in text order, or `None` where it is not.
fn split_at_quote_mark((a_text, b_text): (&str, &str), edit: &Edit) -> Option<[Edit; 2]> {
    if edit.op != EditOp::Replace {
        return None;
    }
    // The side that crosses a mark (the other crossing none) and its mark.
    let (crossing_a, (mark_start, mark_end)) = match (
        quote_mark_inside(a_text, edit.a),
        quote_mark_inside(b_text, edit.b),
    ) {
        (Some(mark), None) => (true, mark),
        (None, Some(mark)) => (false, mark),
        (Some(a_mark), Some(b_mark)) => {
            return split_at_both_marks(edit, a_mark, b_mark, (a_text, b_text));
        }
        (None, None) => return None,
    };
    let (crossing, other, other_text) = if crossing_a {
        (edit.a, edit.b, b_text)
    } else {
        (edit.b, edit.a, a_text)
    };
    // Whether the other side is the part before the mark (it stops at a closing one) or after
    // it (it starts at an opening one).
    let other_before = if closes_after(other_text, other.1) {
        true
    } else if opens_before(other_text, other.0) {
        false
    } else {
        return None;
    };
    let (before, after) = ((crossing.0, mark_start), (mark_end, crossing.1));
    // The replaced part, and the part cut or added with nothing in its place.
    let (replaced, alone, empty) = if other_before {
        (before, after, (other.1, other.1))
    } else {
        (after, before, (other.0, other.0))
    };
    // An edit with the crossing side's span and the other's, each on its own side.
    let edit_of = |op: EditOp, crossing_side: (usize, usize), other_side: (usize, usize)| {
        let (a, b) = if crossing_a {
            (crossing_side, other_side)
        } else {
            (other_side, crossing_side)
        };
        Edit { op, a, b }
    };
    let swap = edit_of(EditOp::Replace, replaced, other);
    let lone_op = if crossing_a {
        EditOp::Delete
    } else {
        EditOp::Insert
    };
    let lone = edit_of(lone_op, alone, empty);
    Some(if other_before {
        [swap, lone]
    } else {
        [lone, swap]
    })
}

/// `edit` split where both sides cross a quotation mark of one kind, both closing or both opening
/// (`a_mark` and `b_mark`, see [`mark_at`]): the words before the marks replaced by each
/// other, and those after ("business,\" chief executive" against "company],\" boss" is "business"
/// → "company" and "chief executive" → "boss").
fn split_at_both_marks(
    edit: &Edit,
    (a_start, a_end): (usize, usize),
    (b_start, b_end): (usize, usize),
    (a_text, b_text): (&str, &str),
) -> Option<[Edit; 2]> {
    let kind = mark_at(a_text, a_start);
    if kind.is_none() || kind != mark_at(b_text, b_start) {
        return None;
    }
    Some(pieces([
        (EditOp::Replace, (edit.a.0, a_start), (edit.b.0, b_start)),
        (EditOp::Replace, (a_end, edit.a.1), (b_end, edit.b.1)),
    ]))
}

/// The span of the first double quotation mark with words of `text[start..end]` on both sides.
fn quote_mark_inside(text: &str, (start, end): (usize, usize)) -> Option<(usize, usize)> {
    let side = &text[start..end];
    let first_word = side.find(char::is_alphanumeric)?;
    let last_word = side.rfind(char::is_alphanumeric)?;
    side.char_indices()
        .find(|&(i, c)| is_double_quote_mark(c) && first_word < i && i < last_word)
        .map(|(i, c)| (start + i, start + i + c.len_utf8()))
}

/// Whether a closing quotation mark follows `end` of `text`, after any clause punctuation.
fn closes_after(text: &str, end: usize) -> bool {
    text[end..]
        .trim_start_matches(|c: char| c.is_whitespace() || ",.;:?!".contains(c))
        .starts_with(is_double_quote_mark)
}

/// Whether an opening quotation mark comes right before `start` of `text`.
fn opens_before(text: &str, start: usize) -> bool {
    text[..start].trim_end().ends_with(is_double_quote_mark)
}

/// Whether `c` is a double quotation mark, straight, curly or angled.
fn is_double_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// The words of `text` within `span` (an edit side) as shown, currency signs and "%" kept: they
/// belong to the figure beside them (see [`super::edit_words`]).
fn phrase(text: &str, span: (usize, usize)) -> String {
    super::edit_words(text, span, &['$', '£', '€', '¥', '₹', '%'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::findings::testing::original_and_copy;

    #[test]
    fn an_age_moved_as_it_changed_is_a_changed_figure_not_a_cut_and_an_addition() {
        let c = original_and_copy(
            "The 52-year-old first mate was charged with neglect on Friday. The harbour \
             master said the ferry left the quay an hour late.",
            "The first mate, 53, was charged with neglect on Friday. The harbour master \
             said the ferry left the quay an hour late.",
        );
        assert!(
            c.numbers.iter().any(|f| f.fact.starts_with("age")
                && f.mentions.iter().any(|m| m.text.contains("52-year-old"))),
            "{:?}",
            c.numbers
        );
        let listed: Vec<(&str, &str)> = c
            .substitutions
            .iter()
            .map(|s| (s.from.as_str(), s.to.as_str()))
            .collect();
        assert!(
            !listed.contains(&("52-year-old", "")) && !listed.contains(&("", "53")),
            "{listed:?}"
        );
        // A figure cut where the other sentence gives none is still a cut.
        let c = original_and_copy(
            "The 52-year-old first mate was charged with neglect on Friday.",
            "The first mate was charged with neglect on Friday.",
        );
        assert!(
            c.substitutions
                .iter()
                .any(|s| s.from == "52-year-old" && s.kind == SubstitutionKind::Cut),
            "{:?}",
            c.substitutions
        );
    }

    fn kind(from: &str, to: &str) -> Option<SubstitutionKind> {
        kind_in(from, to, Surroundings::default())
    }

    fn kind_in(from: &str, to: &str, surroundings: Surroundings) -> Option<SubstitutionKind> {
        judge(&mut Reader::default(), from, to, &surroundings).map(|(kind, _)| kind)
    }

    #[test]
    fn a_share_written_in_words_changed_is_a_figure() {
        let around = |before: &'static str, after: &'static str| Surroundings {
            from: (before, after),
            to: (before, after),
            reframed: false,
        };
        let levee = around("The engineer said a ", " of the levee had gone.");
        assert_eq!(
            kind_in("quarter", "fifth", levee),
            Some(SubstitutionKind::Figure)
        );
        let homes = around("Officials said ", " of its homes were flooded.");
        assert_eq!(
            kind_in("a third", "half", homes),
            Some(SubstitutionKind::Figure)
        );
        assert_eq!(
            kind_in("one third", "two thirds", homes),
            Some(SubstitutionKind::Figure)
        );
        // No share without "of" after it, nor of a whole or more.
        let term = around("She won a ", " term in office.");
        assert_ne!(
            kind_in("second", "third", term),
            Some(SubstitutionKind::Pairing)
        );
        let earth = around("They came from the four ", " of the earth.");
        assert_eq!(
            kind_in("corners", "quarters", earth),
            Some(SubstitutionKind::Content)
        );
    }

    #[test]
    fn a_remembered_verdict_is_the_one_judged_afresh() {
        let cases: [(&str, &str, Surroundings); 4] = [
            ("protesters", "rioters", Surroundings::default()),
            ("26", "villagers", Surroundings::default()),
            (
                "local officials said",
                "on Wednesday",
                Surroundings {
                    from: ("The toll rose, ", "."),
                    to: ("The toll rose ", "."),
                    reframed: false,
                },
            ),
            (
                "12",
                "23",
                Surroundings {
                    from: ("At least ", " people died."),
                    to: ("At least ", " people died."),
                    reframed: true,
                },
            ),
        ];
        let mut remembering = Judge::default();
        for _ in 0..2 {
            for (from, to, surroundings) in &cases {
                assert_eq!(
                    remembering.verdict(from, to, |_| *surroundings),
                    judge(&mut Reader::default(), from, to, surroundings),
                    "{from} → {to}"
                );
            }
        }
        assert!(!remembering.by_words.is_empty() && !remembering.in_context.is_empty());
    }

    #[test]
    fn figures_and_unit_conversions_swapped_are_figures() {
        assert_eq!(kind("26", "33"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("2,000", "200"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("fourth", "fifth"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("the second", "a 3rd"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("fourth", "4th"), None);
        assert_eq!(kind("60%", "two-thirds"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("half", "40 percent"), Some(SubstitutionKind::Figure));
        assert_ne!(kind("second", "another"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("1", "1.6"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("miles", "kilometres"), Some(SubstitutionKind::Figure));
        // A change in a percentage is no percent of it.
        assert_eq!(
            kind("percentage points", "percent"),
            Some(SubstitutionKind::Figure)
        );
        assert_eq!(kind("basis points", "%"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("dozens", "40"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("9-tonne", "9-ton"), Some(SubstitutionKind::Figure));
        assert_eq!(
            kind("new 9-tonne", "9-ton"),
            Some(SubstitutionKind::Pairing)
        );
        assert_eq!(
            kind("a 12-year-old", "a youngster"),
            Some(SubstitutionKind::Content)
        );
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
            reframed: false,
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
            reframed: false,
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
            reframed: false,
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
    fn a_clock_time_is_a_date() {
        let mut reader = Reader::default();
        let role_of = |reader: &mut Reader, text: &str| role(&reader.words(text), ("", ""));
        assert_eq!(role_of(&mut reader, "1220 GMT"), SideRole::Date);
        assert_eq!(role_of(&mut reader, "1220 tonnes"), SideRole::Figure);
        assert_eq!(role_of(&mut reader, "1220 ferries"), SideRole::Words);
    }

    #[test]
    fn headline_words_that_judge_are_framing() {
        // "Lambasted" criticises hard; a "splurge" is spending deplored. Words with a literal
        // sense as common stay content ("an avalanche slammed into", "the rocket blasted off").
        for (from, to) in [("criticised", "lambasted"), ("spending", "splurge")] {
            assert_eq!(
                kind_in(from, to, mid_sentence()),
                Some(SubstitutionKind::Framing),
                "{from} → {to}"
            );
        }
    }

    #[test]
    fn words_that_stir_alarm_are_framing() {
        for (from, to) in [("people", "terrified residents"), ("concern", "panic")] {
            assert_eq!(
                kind_in(from, to, mid_sentence()),
                Some(SubstitutionKind::Framing),
                "{from} → {to}"
            );
        }
    }

    #[test]
    fn a_verb_of_saying_describing_a_noun_attributes_nothing() {
        let after_article = Surroundings {
            from: ("The doctors ruled out a ", " diagnosis on Friday."),
            to: ("The doctors ruled out a ", " diagnosis on Friday."),
            reframed: false,
        };
        assert_eq!(
            kind_in("proposed", "suggested", after_article),
            Some(SubstitutionKind::Content)
        );
        assert_eq!(
            kind_in("reported", "alleged", after_article),
            Some(SubstitutionKind::Framing)
        );
        assert_eq!(
            kind_in("said", "claimed", mid_sentence()),
            Some(SubstitutionKind::Attribution)
        );
    }

    /// Surroundings that place both sides in the middle of their sentences.
    fn mid_sentence() -> Surroundings<'static> {
        Surroundings {
            from: ("By noon the walkers had reached ", " without a guide."),
            to: ("By noon the walkers had reached ", " without a guide."),
            reframed: false,
        }
    }

    #[test]
    fn a_side_running_across_a_phrase_break_is_a_loose_pairing() {
        assert_eq!(
            kind("The 40-year-old", "Okafor, seeded ninth"),
            Some(SubstitutionKind::Pairing)
        );
        assert_eq!(
            kind("teenager", "youngster"),
            Some(SubstitutionKind::Content)
        );
        assert!(has_phrase_break("Okafor (seeded ninth)"));
        assert!(!has_phrase_break("1,200 tonnes"));
    }

    #[test]
    fn a_full_name_against_words_naming_nothing_is_a_loose_pairing() {
        assert_eq!(
            kind_in("Glen Affric’s", "the remote", mid_sentence()),
            Some(SubstitutionKind::Pairing)
        );
        // One capital is not a name: an adjective of nationality, a common noun in capitals.
        assert_eq!(
            kind_in("Scottish", "northern", mid_sentence()),
            Some(SubstitutionKind::Content)
        );
        assert_eq!(
            kind_in("with TV footage", "and television film", mid_sentence()),
            Some(SubstitutionKind::Content)
        );
        // Nor is the capital of a sentence's first word, or a day.
        assert_eq!(
            kind("Walkers crossed", "Hikers forded"),
            Some(SubstitutionKind::Content)
        );
        assert_eq!(
            kind_in("hurried off Sunday", "raced", mid_sentence()),
            Some(SubstitutionKind::Content)
        );
    }

    #[test]
    fn a_figure_joined_to_a_changed_word_is_a_loose_pairing() {
        assert_eq!(
            kind_in("12 lifeboat", "15 coastguard", mid_sentence()),
            Some(SubstitutionKind::Pairing)
        );
        let mut reader = Reader::default();
        for figure in ["12 kilometres", "March 2019", "dozens", "not equal to zero"] {
            assert!(
                !mixes_figures_and_words(&reader.words(figure), figure),
                "{figure}"
            );
        }
    }

    #[test]
    fn an_attribution_paired_with_a_date_or_moved_elsewhere_is_a_loose_pairing() {
        assert_eq!(
            kind("before, harbour officials said", "on Monday"),
            Some(SubstitutionKind::Pairing)
        );
        let moved = Surroundings {
            from: ("Mayor Ito said two crew were lifted from the water ", "."),
            to: ("Two crew were lifted from the water, ", "."),
            reframed: false,
        };
        assert_eq!(
            kind_in("and flown ashore", "Mayor Ito said", moved),
            Some(SubstitutionKind::Pairing)
        );
        // Added where the other sentence has no such source, or swapped: attributions.
        assert_eq!(
            kind("Several", "Coastguards said"),
            Some(SubstitutionKind::Attribution)
        );
        assert_eq!(
            kind("stated that", "claimed"),
            Some(SubstitutionKind::Attribution)
        );
    }

    /// The edits turning `a` into `b`, given as runs of each side in order (`Replace` for a run
    /// with text on both sides, `Equal` when the two runs are the same words).
    fn edits_of(a: &str, b: &str, runs: &[(&str, &str)]) -> Vec<Edit> {
        let (mut at_a, mut at_b) = (0, 0);
        let locate = |text: &str, at: &mut usize, run: &str| {
            let start = text[*at..].find(run).map_or(*at, |i| *at + i);
            *at = start + run.len();
            (start, *at)
        };
        runs.iter()
            .map(|(x, y)| {
                let op = match (x.is_empty(), y.is_empty()) {
                    (true, _) => EditOp::Insert,
                    (_, true) => EditOp::Delete,
                    _ if x.eq_ignore_ascii_case(y) => EditOp::Equal,
                    _ => EditOp::Replace,
                };
                Edit {
                    op,
                    a: locate(a, &mut at_a, x),
                    b: locate(b, &mut at_b, y),
                }
            })
            .collect()
    }

    #[test]
    fn a_replacement_running_across_a_quotation_mark_is_split_there() {
        let split = |a: &str, b: &str, runs: &[(&str, &str)]| -> Vec<(EditOp, String, String)> {
            split_at_quote_marks((a, b), &edits_of(a, b, runs))
                .iter()
                .map(|e| (e.op, phrase(a, e.a), phrase(b, e.b)))
                .collect()
        };
        let (a, b) = (
            "“It opens in April,” said Tom Reed.",
            "“It opens in May,” Tom Reed said.",
        );
        let runs = [
            ("“It opens in ", "“It opens in "),
            ("April,” said", "May"),
            (" Tom Reed", ",” Tom Reed"),
            ("", " said"),
        ];
        let split_runs = split(a, b, &runs);
        assert_eq!(
            split_runs[1..3],
            [
                (EditOp::Replace, "April".to_owned(), "May".to_owned()),
                (EditOp::Delete, "said".to_owned(), String::new()),
            ]
        );
        // A side that starts after an opening mark is the part after the other's mark.
        let (a, b) = ("Officials said, “Repairs end soon.”", "“Fixes end soon.”");
        let runs = [
            ("Officials said, “Repairs", "Fixes"),
            (" end soon.”", " end soon.”"),
        ];
        assert_eq!(
            split(a, b, &runs)[..2],
            [
                (EditOp::Delete, "Officials said".to_owned(), String::new()),
                (EditOp::Replace, "Repairs".to_owned(), "Fixes".to_owned()),
            ]
        );
        // Both sides crossing a closing mark: split at both, inside and outside the quotation.
        let (a, b) = ("a “ballot” among all", "a “vote” from all");
        let runs = [
            ("a “", "a “"),
            ("ballot” among", "vote” from"),
            (" all", " all"),
        ];
        assert_eq!(
            split(a, b, &runs)[1..3],
            [
                (EditOp::Replace, "ballot".to_owned(), "vote".to_owned()),
                (EditOp::Replace, "among".to_owned(), "from".to_owned()),
            ]
        );
        // A closing mark on one side and an opening one on the other: left whole.
        let (a, b) = ("a “ballot” among all", "a vote “from all”");
        let runs = [
            ("a “", "a "),
            ("ballot” among", "vote “from"),
            (" all", " all”"),
        ];
        assert_eq!(split(a, b, &runs).len(), 3);
    }

    fn reframed(a: &str, b: &str, runs: &[(&str, &str)], at: usize) -> bool {
        let mut reader = Reader::default();
        is_reframed(
            &mut |side| Shape::of(&mut reader, side),
            (a, b),
            &edits_of(a, b, runs),
            at,
        )
    }

    #[test]
    fn a_swap_whose_frame_a_neighbour_changed_is_reframed() {
        // The verb governing the words became a preposition: "tow" and "fog" are no swap.
        let (a, b) = (
            "A tug provided the dawn tow.",
            "The barge went out riding a tug into the dawn fog.",
        );
        let runs = [
            ("", "The barge went out riding"),
            ("A tug", "a tug"),
            ("provided", "into"),
            ("the dawn", "the dawn"),
            ("tow", "fog"),
        ];
        assert!(reframed(a, b, &runs, 4));
        // A word cut beside a swap leaves the swap alone.
        let (a, b) = (
            "She won the junior regional cup.",
            "She won the regional trophy.",
        );
        let runs = [
            ("She won the", "She won the"),
            ("junior", ""),
            ("regional", "regional"),
            ("cup", "trophy"),
        ];
        assert!(!reframed(a, b, &runs, 3));
        // Nor does a determiner swapped before it, or function words swapped after it.
        let (a, b) = (
            "Each column holds a single key; its width is fixed.",
            "Every column stores a single key; the column's width is fixed.",
        );
        let runs = [
            ("Each", "Every"),
            ("column", "column"),
            ("holds", "stores"),
            ("a single key;", "a single key;"),
            ("its", "the column's"),
            ("width is fixed", "width is fixed"),
        ];
        assert!(!reframed(a, b, &runs, 2));
    }

    #[test]
    fn a_phrase_turned_into_a_clause_round_an_anchor_is_reframed() {
        let (a, b) = (
            "Officials warned of a jump in the toll of fatalities.",
            "Officials warned the toll of dead could climb.",
        );
        let runs = [
            ("Officials warned", "Officials warned"),
            ("of a jump in", ""),
            ("the toll of", "the toll of"),
            ("fatalities", "dead could climb"),
        ];
        assert!(reframed(a, b, &runs, 3));
        // A longer wording with no verb group beside a word added is still a swap.
        let (a, b) = (
            "the first Scot to take the Open title",
            "the first Scottish man to win the Open",
        );
        let runs = [
            ("the first", "the first"),
            ("Scot to take", "Scottish man to win"),
            ("the Open", "the Open"),
            ("title", ""),
        ];
        assert!(!reframed(a, b, &runs, 1));
    }

    #[test]
    fn a_country_before_a_dollar_sign_is_notation() {
        let text = "The club paid US$2.5m for the striker.";
        let at = |word: &str| {
            let start = text.find(word).expect("in the text");
            (start, start + word.len())
        };
        assert!(is_currency_prefix(text, at("US")));
        assert!(!is_currency_prefix(text, at("club")));
        assert!(!is_currency_prefix("The US paid $2.5m.", (4, 6)));
    }

    #[test]
    fn a_noun_swapped_in_a_short_headline_is_a_substitution() {
        let story = "A storm hurt dozens of harbour workers on Tuesday as waves broke over the \
            old ferry pier. Crews pumped water from the pier through the night.";
        let articles = vec![
            Article::from_text(
                "wire",
                "wire.txt",
                format!(
                    "Dozens of harbour workers hurt in Westport storm\n\nWESTPORT (AP) — {story}"
                ),
                crate::article::Format::Text,
            ),
            Article::from_text(
                "copy",
                "copy.txt",
                format!("Dozens of soldiers hurt in Westport storm\n\nWESTPORT — {story}"),
                crate::article::Format::Text,
            ),
        ];
        let c = crate::compare::compare(articles, &crate::compare::Options::default());
        let swaps: Vec<(&str, &str)> = c
            .substitutions
            .iter()
            .map(|s| (s.from.as_str(), s.to.as_str()))
            .collect();
        assert_eq!(swaps, [("harbour workers", "soldiers")]);
    }

    #[test]
    fn headlines_rewritten_around_a_story_give_their_framing_swaps_only() {
        let story = "The mill said on Monday it would close its dye works after orders fell \
            by a third. Union leaders said they would meet the owners on Friday.";
        let articles = vec![
            Article::from_text(
                "wire",
                "wire.txt",
                format!("Lakeside mill to cut 80 jobs as orders slide\n\n{story}"),
                crate::article::Format::Text,
            ),
            Article::from_text(
                "copy",
                "copy.txt",
                format!("Lakeside mill slashes 80 jobs after orders plunge\n\n{story}"),
                crate::article::Format::Text,
            ),
        ];
        let c = crate::compare::compare(articles, &crate::compare::Options::default());
        let headlines = c
            .links
            .iter()
            .find(|l| l.a.sentence == 0 && l.b.sentence == 0);
        assert!(headlines.is_some_and(|l| l.similarity < MIN_HEADLINE_SIMILARITY));
        // Seen from either side (nothing tells which headline came first).
        let mut swaps: Vec<([&str; 2], SubstitutionKind)> = c
            .substitutions
            .iter()
            .map(|s| {
                let mut sides = [s.from.as_str(), s.to.as_str()];
                sides.sort_unstable();
                (sides, s.kind)
            })
            .collect();
        swaps.sort_unstable_by_key(|(sides, _)| *sides);
        // "as" → "after" is the headlines' own rewording.
        assert_eq!(
            swaps,
            [
                (["plunge", "slide"], SubstitutionKind::Framing),
                (["slashes", "to cut"], SubstitutionKind::Framing)
            ]
        );
    }

    #[test]
    fn a_figure_or_a_verb_of_saying_among_function_words_is_no_grammar() {
        assert_eq!(kind("up to 15", "other"), Some(SubstitutionKind::Pairing));
        assert_eq!(kind("He told", ""), Some(SubstitutionKind::Cut));
        assert_eq!(kind("", "said"), Some(SubstitutionKind::Addition));
        assert_eq!(kind("has", ""), Some(SubstitutionKind::Function));
        assert_eq!(kind("the", "a"), Some(SubstitutionKind::Function));
    }

    #[test]
    fn a_hedge_cut_or_added_alone_is_no_grammar() {
        assert_eq!(kind("could", ""), Some(SubstitutionKind::Cut));
        assert_eq!(kind("", "may"), Some(SubstitutionKind::Addition));
        assert_eq!(kind("possibly", ""), Some(SubstitutionKind::Cut));
        assert_eq!(kind("would", ""), Some(SubstitutionKind::Function));
    }

    #[test]
    fn a_measure_given_in_another_unit_is_one_house_style_swap() {
        assert_eq!(
            kind("1.6 million kilometres", "1 million miles"),
            Some(SubstitutionKind::HouseStyle)
        );
        assert_eq!(
            kind("1.6 million kilometres", "2 million miles"),
            Some(SubstitutionKind::Figure)
        );
        // The word diff keeps "million" and splits the figure in two: it is read whole.
        assert_eq!(
            swaps_of(
                "It will travel 1.6 million kilometres away to reach the comet next spring.",
                "It will travel 1 million miles away to reach the comet next spring."
            ),
            [(
                "1.6 million kilometres".to_owned(),
                "1 million miles".to_owned(),
                SubstitutionKind::HouseStyle
            )]
        );
    }

    /// The substitutions from a wire story to a copy (the wire's dateline makes it the
    /// original) whose last sentences are `original` and `copy`.
    fn swaps_of(original: &str, copy: &str) -> Vec<(String, String, SubstitutionKind)> {
        let story = "The probe left the launch pad on Tuesday morning after a week of delays.";
        let c = crate::compare::findings::testing::original_and_copy(
            &format!("{story} {original}"),
            &format!("WESTPORT — {story} {copy}"),
        );
        c.substitutions
            .iter()
            .map(|s| (s.from.clone(), s.to.clone(), s.kind))
            .collect()
    }

    #[test]
    fn words_before_a_figure_are_judged_apart_from_it() {
        use SubstitutionKind::*;
        let swaps = |original: &str, copy: &str| {
            let frame = |figure: &str| {
                format!(
                    "The mercury {figure} in the harbour town, where the ferries were cancelled."
                )
            };
            swaps_of(&frame(original), &frame(copy))
        };
        // The figure in other notation: the verb alone is swapped.
        assert_eq!(
            swaps("reached 41 degrees Celsius", "hit 41C"),
            [("reached".to_owned(), "hit".to_owned(), Content)]
        );
        // The figure changed too: two changes, neither a pairing of a verb with a figure.
        let changed = swaps("reached 41 degrees Celsius", "hit 43C");
        assert!(changed.contains(&("reached".to_owned(), "hit".to_owned(), Content)));
        assert!(
            changed
                .iter()
                .any(|(_, to, kind)| to == "43C" && *kind == Figure)
        );
        assert_eq!(changed.len(), 2, "{changed:?}");
        // A qualifier belongs to its figure.
        let qualified = swaps("reached more than 40C", "hit about 40 degrees");
        assert!(qualified.contains(&("reached".to_owned(), "hit".to_owned(), Content)));
        assert!(
            qualified
                .iter()
                .any(|(from, to, kind)| from == "more than 40C"
                    && to == "about 40 degrees"
                    && *kind == Figure)
        );
    }

    #[test]
    fn words_after_a_figure_are_judged_apart_from_it() {
        use SubstitutionKind::*;
        let swaps = |original: &str, copy: &str| {
            let frame = |figure: &str| {
                format!("The water company was fined {figure} after it admitted the spills.")
            };
            swaps_of(&frame(original), &frame(copy))
        };
        // The same sum in other notation, and a time cut after it.
        assert_eq!(
            swaps("£1.2m on Tuesday", "1.2 million pounds"),
            [("on Tuesday".to_owned(), String::new(), Cut)]
        );
        // The sum changed, and the time after it (not read as a unit of the sum: "1.5m last
        // week" is no sum of weeks).
        let changed = swaps("£1.2m on Tuesday", "£1.5m last week");
        assert_eq!(
            changed,
            [
                ("on Tuesday".to_owned(), "last week".to_owned(), Content),
                ("1.2m".to_owned(), "1.5m".to_owned(), Figure)
            ]
        );
    }

    #[test]
    fn words_moved_into_a_replacement_are_neither_cut_nor_swapped() {
        use SubstitutionKind::*;
        let swaps = swaps_of(
            "Shares of Northwind fell 4.5% to $12.30 after the company cut its outlook.",
            "Northwind shares dropped 4.5% to $12.30 after the company cut its outlook.",
        );
        assert_eq!(swaps, [("fell".into(), "dropped".into(), Content)]);
        // Moved past a kept word into the front of a replacement: "after" → "once".
        let swaps = swaps_of(
            "The storm sank two boats in the harbour town on Monday after the sea wall broke.",
            "The storm sank two boats on Monday in the harbour town once the sea wall broke.",
        );
        let cut = swaps.iter().find(|s| s.2 == Cut);
        assert!(cut.is_none(), "{swaps:?}");
        assert!(
            swaps
                .iter()
                .all(|(from, to, _)| !to.contains("harbour") && !from.contains("harbour")),
            "{swaps:?}"
        );
    }

    #[test]
    fn words_moved_whole_are_not_read_into_a_replacement() {
        // "the pass" is cut at the end and "pass" added before "village": the word moved
        // whole, though the replacement before it ends with it too.
        let swaps = swaps_of(
            "Crews cleared snow from the pass to reach the village below the pass.",
            "Crews worked all night to reach the pass village below.",
        );
        assert_eq!(swaps.len(), 1, "{swaps:?}");
        assert_eq!(
            (swaps[0].0.as_str(), swaps[0].1.as_str()),
            ("cleared snow from the pass", "worked all night")
        );
    }

    #[test]
    fn dates_in_another_order_short_units_and_decades_without_century_are_no_change() {
        for (original, copy) in [
            (
                "The ferry will sail again on Oct. 7, the operator said.",
                "The ferry will sail again on 7 October, the operator said.",
            ),
            (
                "The crossing will take 45 mins instead of an hour.",
                "The crossing will take 45 minutes instead of an hour.",
            ),
            (
                "The link was first proposed in the 1990s but stalled.",
                "The link was first proposed in the '90s but stalled.",
            ),
        ] {
            let swaps = swaps_of(original, copy);
            assert!(swaps.is_empty(), "{original} → {copy}: {swaps:?}");
        }
        // Another decade is a change.
        for (original, copy) in [("1990s", "'80s"), ("1890s", "1990s")] {
            let swaps = swaps_of(
                &format!("The link was first proposed in the {original} but stalled."),
                &format!("The link was first proposed in the {copy} but stalled."),
            );
            assert_eq!(swaps.len(), 1, "{original} → {copy}: {swaps:?}");
        }
    }

    #[test]
    fn the_country_of_a_dollar_sign_after_a_change_belongs_to_that_figure() {
        let swaps = swaps_of(
            "The bank was sold for 3 billion Swiss francs ($3.3bn), the regulator said.",
            "The bank was sold for CHF3bn (US$3.3 billion), the regulator said.",
        );
        assert!(
            swaps
                .iter()
                .all(|(from, to, _)| !from.contains("US") && !to.contains("US")),
            "{swaps:?}"
        );
        // Figures in other notation are no framing, agent or content swap.
        assert!(
            swaps.iter().all(|(_, _, kind)| matches!(
                kind,
                SubstitutionKind::Figure | SubstitutionKind::Pairing
            )),
            "{swaps:?}"
        );
    }

    #[test]
    fn a_currency_sign_cut_and_its_word_added_around_a_kept_figure_is_no_change() {
        let swaps = swaps_of(
            "The agency will spend $2.5 billion on the next probe, its director said.",
            "The agency will spend 2.5 billion dollars on the next probe, its director said.",
        );
        assert!(swaps.is_empty(), "{swaps:?}");
    }

    #[test]
    fn a_word_added_beside_a_spelling_variant_is_listed_alone() {
        let swaps = swaps_of(
            "The council met after the Oct. 7 storm to plan the repairs.",
            "The council met after the deadly October 7 storm to plan the repairs.",
        );
        let added = (
            "".to_owned(),
            "deadly".to_owned(),
            SubstitutionKind::Addition,
        );
        assert_eq!(swaps, [added]);
        let swaps = swaps_of(
            "The council met after the devastating Oct. 7 storm to plan the repairs.",
            "The council met after the October 7 storm to plan the repairs.",
        );
        let cut = (
            "devastating".to_owned(),
            "".to_owned(),
            SubstitutionKind::Cut,
        );
        assert_eq!(swaps, [cut]);
    }

    #[test]
    fn words_moved_within_a_sentence_are_neither_cut_nor_added() {
        let swaps = swaps_of(
            "Engineers said the heat shield held during the first pass.",
            "The heat shield held during the first pass, engineers said.",
        );
        assert!(swaps.is_empty(), "{swaps:?}");
        let swaps = swaps_of(
            "“We will rebuild the pier,” the harbour master said on Monday.",
            "“We will rebuild the pier,” said the harbour master on Monday.",
        );
        assert!(swaps.is_empty(), "{swaps:?}");
    }

    #[test]
    fn mechanical_variants_are_dropped() {
        assert_eq!(kind("long term", "long-term"), None);
        assert_eq!(kind("Oct", "October"), None);
        assert_eq!(kind("U.S.-sponsored", "US-sponsored"), None);
        assert_eq!(kind("I would", "I’d"), None);
        assert_eq!(kind("It’s", "It is"), None);
        assert_eq!(kind("that is", "that's"), None);
        assert_eq!(kind("10 billion", "10bn"), None);
        assert_eq!(kind("1.6 million kilometres", "1.6m km"), None);
        assert_eq!(kind("kilometres", "km"), None);
        assert_eq!(kind("300 million ($380 million", "300m"), None);
        assert_eq!(kind("12", "a dozen"), None);
        assert_eq!(kind("£1.5bn", "1.5 billion pound"), None);
        assert_eq!(kind("€40m", "40 million euros"), None);
        assert_eq!(kind("10 billion", "12bn"), Some(SubstitutionKind::Figure));
    }

    #[test]
    fn a_fraction_and_its_share_rounded_are_one_figure() {
        assert_eq!(kind("About two-thirds", "Around 66%"), None);
        assert_eq!(kind("about two-thirds", "about 67 per cent"), None);
        assert_eq!(
            kind("About two-thirds", "Around 60%"),
            Some(SubstitutionKind::Figure)
        );
        assert_eq!(kind("66.7%", "66%"), Some(SubstitutionKind::Figure));
    }

    #[test]
    fn a_figure_s_qualifier_worded_otherwise_is_no_substitution() {
        let before = |figure| Surroundings {
            from: ("The storm damaged", figure),
            to: ("The storm damaged", figure),
            reframed: false,
        };
        assert_eq!(kind_in("nearly", "almost", before(" 500 homes.")), None);
        assert_eq!(
            kind_in("more than", "over", before(" $40,000 in damage.")),
            None
        );
        assert_eq!(kind_in("about", "nearly", before(" 500 homes.")), None);
        assert_eq!(
            kind_in("more than", "nearly", before(" 500 homes.")),
            Some(SubstitutionKind::Figure)
        );
        assert_ne!(kind_in("nearly", "over", before(" 500 homes.")), None);
        // Not before a figure: "almost died" → "nearly died" is left to the words.
        assert_eq!(
            kind_in("almost", "nearly", before(" died.")),
            kind_in("almost", "nearly", Surroundings::default())
        );
    }

    #[test]
    fn a_figure_given_in_another_currency_is_a_figure_change() {
        assert_eq!(kind("$", "€"), Some(SubstitutionKind::Figure));
        assert_eq!(kind("$", "$"), None);
        assert_eq!(kind("€", "£"), Some(SubstitutionKind::Figure));
    }

    #[test]
    fn a_sum_glued_to_its_currency_code_is_a_figure() {
        let figure = Some(SubstitutionKind::Figure);
        assert_eq!(kind("3 billion Swiss francs", "CHF4bn"), figure);
        assert_eq!(kind("CHF4bn", "EUR4bn"), figure);
        assert_eq!(kind("CHF4bn", "the bank"), Some(SubstitutionKind::Pairing));
    }

    #[test]
    fn a_figure_written_otherwise_with_a_word_that_moved_is_no_substitution() {
        assert_eq!(kind("1.5 million pounds on", "£1.5m"), None);
        assert_eq!(kind("the 1.5 million pounds", "£1.5m"), None);
        assert_eq!(
            kind("1.5 million pounds on", "£1.6m"),
            Some(SubstitutionKind::Figure)
        );
        // A qualifier changes the figure; a particle is set aside only beside one.
        assert_ne!(kind("over 1.5 million pounds", "£1.5m"), None);
        assert_ne!(kind("the protesters on", "rioters"), None);
        assert_eq!(without_particles("on the 10bn in"), "10bn");
        assert_eq!(without_particles("over 10bn"), "over 10bn");
    }

    #[test]
    fn a_currency_sign_written_as_a_word_is_no_substitution() {
        use crate::article::Format;
        use crate::compare::{Options, compare};
        let story = |figure: &str| {
            format!(
                "The harbour board on Tuesday approved a {figure} expansion of the eastern quay, \
                 a plan its critics say will harm the estuary."
            )
        };
        let articles = vec![
            Article::from_text("a", "a.txt", story("£1.5bn"), Format::Text),
            Article::from_text("b", "b.txt", story("1.5 billion pound"), Format::Text),
        ];
        let c = compare(articles, &Options::default());
        assert_eq!(c.links.len(), 1, "the two sentences are linked");
        assert!(c.substitutions.is_empty(), "{:?}", c.substitutions);
    }

    #[test]
    fn a_rewritten_passage_is_judged_as_content_whatever_its_words() {
        // Names on both sides make no agent swap of a passage.
        assert_eq!(
            kind(
                "riding a Danish Viking ferry into the grey fog",
                "carried by a Norwegian Sea ferry over the cold bay"
            ),
            Some(SubstitutionKind::Content)
        );
        // A clock time against a clause is a loose pairing, as it is against content words.
        assert_eq!(
            kind(
                "at 1220 GMT on Saturday",
                "riding a Danish Viking ferry into the grey fog"
            ),
            Some(SubstitutionKind::Pairing)
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
        // Swapped for function words: grammar, unless the other side is a passage.
        assert_eq!(kind("in", "on"), Some(SubstitutionKind::Function));
        assert_eq!(kind("provided", "into"), Some(SubstitutionKind::Function));
        assert_eq!(
            kind("A", "Two boats sank and a third ran aground"),
            Some(SubstitutionKind::Pairing)
        );
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
