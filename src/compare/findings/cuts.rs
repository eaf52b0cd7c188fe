//! Cuts: what each copy cut from its original, along the version tree — whole sentences of the
//! original with no counterpart in the copy, and clauses cut from sentences the copy kept —
//! with whether the words cut named a claim's source. Only edges whose direction is known are
//! read (an undetermined edge has no "cut", only a difference).

use super::figures::is_bracketed_conversion;
use super::is_story_text;
use super::wording::Reader;
use crate::article::{Article, collapse_whitespace};
use crate::compare::align;
use crate::compare::{Cut, CutKind, Descent, EditOp, FastSet, Link, SentenceRef};

/// Fewest words a clause cut from a kept sentence has (fewer is an edit, listed with the
/// substitutions).
const MIN_CLAUSE_WORDS: usize = 3;

/// The cuts along every directed edge of `lineage`, from the links (`closest` marks each link's
/// closeness): whole sentences before clauses, those naming a source first, then by copy and by
/// the original's sentence.
pub fn find(
    articles: &[Article],
    links: &[Link],
    closest: &[bool],
    lineage: &[Descent],
) -> Vec<Cut> {
    let mut reader = Reader::default();
    let mut out = Vec::new();
    for descent in lineage.iter().filter(|d| d.known) {
        let (original, copy) = (descent.original, descent.copy);
        let between = |l: &&Link| {
            (l.a.article, l.b.article) == (original, copy)
                || (l.a.article, l.b.article) == (copy, original)
        };
        let mut kept = vec![false; articles[original].sentences.len()];
        for link in links.iter().filter(between) {
            let here = if link.a.article == original {
                link.a
            } else {
                link.b
            };
            kept[here.sentence] = true;
        }
        let mut copy_wordings: Option<FastSet<String>> = None;
        for (s, _) in kept.iter().enumerate().filter(|(_, kept)| !**kept) {
            if !is_story_text(articles, SentenceRef::new(original, s)) {
                continue;
            }
            let text = collapse_whitespace(articles[original].sentence_text(s));
            // A sentence too short to be linked ("Guyana abstained.") is kept if the copy has
            // the same words.
            let words = reader.words(&text);
            if !align::long_enough_words(words.len()) {
                let wordings =
                    copy_wordings.get_or_insert_with(|| wordings_of(&articles[copy], &mut reader));
                if wordings.contains(words.squashed()) {
                    continue;
                }
            }
            out.push(Cut {
                original: SentenceRef::new(original, s),
                copy,
                kept_in: None,
                kind: CutKind::Sentence,
                attribution: words.names_a_source(),
                text,
            });
        }
        // The copy's sentences linked to each of the original's: a sentence the copy split in
        // two keeps in one part the clause the other lacks.
        let mut parts: Vec<Vec<usize>> = vec![Vec::new(); articles[original].sentences.len()];
        for link in links.iter().filter(between) {
            let (here, there) = if link.a.article == original {
                (link.a, link.b)
            } else {
                (link.b, link.a)
            };
            parts[here.sentence].push(there.sentence);
        }
        for (link, _) in links.iter().zip(closest).filter(|(l, c)| **c && between(l)) {
            out.extend(clauses_cut(articles, link, original, &parts, &mut reader));
        }
    }
    out.sort_by(|x, y| (x.copy, x.original, &x.text).cmp(&(y.copy, y.original, &y.text)));
    // A copy repeating a sentence links it twice to the original's: one cut, listed once.
    out.dedup_by(|x, y| (x.copy, x.original, &x.text) == (y.copy, y.original, &y.text));
    // In reading order, the one every view and report shows: whole sentences before clauses,
    // those naming a claim's source first (the sort is stable: by copy, then position, within).
    out.sort_by_key(|cut| (cut.kind, !cut.attribution));
    out
}

/// Most words (as written, spaces apart) a sentence of a copy may have to be checked against a
/// sentence too short to link: the same words squashed differ by a space or hyphen at most.
const MAX_SHORT_WORDS: usize = 6;

/// The squashed words of each short sentence of `article` (see
/// [`super::wording::Words::squashed`]).
fn wordings_of(article: &Article, reader: &mut Reader) -> FastSet<String> {
    (0..article.sentences.len())
        .map(|s| article.sentence_text(s))
        .filter(|text| text.split_whitespace().count() <= MAX_SHORT_WORDS)
        .map(|text| reader.squashed(&collapse_whitespace(text)))
        .collect()
}

/// The clauses the copy's sentence of `link` cut from the original's (`original` names the
/// original article), save those another part of the sentence in the copy carries (`parts`:
/// per sentence of the original, the copy's sentences linked to it) or a sentence next to it.
/// None from a headline, byline or caption: outlets write their own, and words one lacks are not
/// cut from the story.
fn clauses_cut(
    articles: &[Article],
    link: &Link,
    original: usize,
    parts: &[Vec<usize>],
    reader: &mut Reader,
) -> Vec<Cut> {
    let original_is_a = link.a.article == original;
    let (here, there) = if original_is_a {
        (link.a, link.b)
    } else {
        (link.b, link.a)
    };
    if !is_story_text(articles, here) {
        return Vec::new();
    }
    let text = &articles[original].text;
    link.edits
        .iter()
        .filter(|e| {
            let only_here = if original_is_a {
                EditOp::Delete
            } else {
                EditOp::Insert
            };
            e.op == only_here
        })
        .filter_map(|e| {
            let span = if original_is_a { e.a } else { e.b };
            let words_text = collapse_whitespace(
                text[span.0..span.1].trim_matches(|c: char| !c.is_alphanumeric()),
            );
            let words = reader.words(&words_text);
            if words.len() < MIN_CLAUSE_WORDS
                || words.is_function_only()
                || is_bracketed_conversion(text, span)
            {
                return None;
            }
            let copy = &articles[there.article];
            let content = words.content_keys();
            // The copy's other parts of the sentence, and the sentences either side of this one
            // (a clause moved into a sentence of its own).
            let carried_elsewhere = parts[here.sentence]
                .iter()
                .filter(|&&part| part != there.sentence)
                .any(|&part| reader.holds_most_of(&content, copy.sentence_text(part)))
                || reader.held_next_door(&content, copy, there.sentence);
            (!carried_elsewhere).then(|| Cut {
                original: here,
                copy: there.article,
                kept_in: Some(there),
                kind: CutKind::Clause,
                attribution: words.names_a_source(),
                text: words_text,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Format};
    use crate::compare::findings::testing::original_and_copy;
    use crate::compare::{Options, compare};

    /// The cuts of `kind` from `original` (which carries an agency dateline, so the direction is
    /// known) by `copy`.
    fn cut(original: &str, copy: &str, kind: crate::compare::CutKind) -> Vec<String> {
        original_and_copy(original, copy)
            .cuts
            .iter()
            .filter(|cut| cut.kind == kind)
            .map(|cut| cut.text.clone())
            .collect()
    }

    fn sentences_cut(original: &str, copy: &str) -> Vec<String> {
        cut(original, copy, crate::compare::CutKind::Sentence)
    }

    fn clauses_cut(original: &str, copy: &str) -> Vec<String> {
        cut(original, copy, crate::compare::CutKind::Clause)
    }

    const BEFORE: &str = "The harbour board voted on Monday to close the old ferry pier for \
        repairs. Eight members backed the plan and two opposed it. ";
    const AFTER: &str = "Work on the pier is due to start in the spring and last four months. \
        Ferries will use the north quay until then.";

    #[test]
    fn words_a_copy_leaves_out_of_its_own_headline_are_not_cut() {
        let original = format!(
            "Board shuts the old ferry pier amid angry protests by fishermen\n\n\
             WESTPORT (AP) — {BEFORE}{AFTER}"
        );
        let copy = format!("Board shuts the old ferry pier\n\n{BEFORE}{AFTER}");
        let c = compare(
            vec![
                Article::from_text("o", "o.txt", original, Format::Text),
                Article::from_text("c", "c.txt", copy, Format::Text),
            ],
            &Options::default(),
        );
        assert!(c.lineage.iter().all(|d| d.known), "{:?}", c.lineage);
        assert!(c.cuts.is_empty(), "{:?}", c.cuts);
    }

    #[test]
    fn a_sentence_too_short_to_link_is_cut_only_when_the_copy_lacks_its_words() {
        let original = format!("{BEFORE}Nobody abstained. {AFTER}");
        let kept = sentences_cut(&original, &format!("{BEFORE}Nobody abstained. {AFTER}"));
        assert_eq!(kept, Vec::<String>::new());
        let cut = sentences_cut(&original, &format!("{BEFORE}{AFTER}"));
        assert_eq!(cut, ["Nobody abstained."]);
    }

    #[test]
    fn a_conversion_in_brackets_left_out_is_no_cut() {
        let sentence = |figure: &str| {
            format!(
                "{BEFORE}The board said the repairs would cost {figure} over two years. {AFTER}"
            )
        };
        let original = sentence("£12m (US$15m)");
        assert_eq!(
            clauses_cut(&original, &sentence("£12m")),
            Vec::<String>::new()
        );
        let c = original_and_copy(&original, &sentence("£12m"));
        assert!(c.substitutions.is_empty(), "{:?}", c.substitutions);
    }

    #[test]
    fn a_clause_moved_into_a_sentence_of_its_own_is_not_cut() {
        let original = format!(
            "{BEFORE}The council asked for bids from three builders in the town, citing the \
             rising cost of steel and timber this winter. {AFTER}"
        );
        let moved = format!(
            "{BEFORE}The council asked for bids from three builders in the town. It cited the \
             rising cost of steel and timber this winter. {AFTER}"
        );
        assert_eq!(clauses_cut(&original, &moved), Vec::<String>::new());
        let dropped =
            format!("{BEFORE}The council asked for bids from three builders in the town. {AFTER}");
        assert_eq!(
            clauses_cut(&original, &dropped),
            ["citing the rising cost of steel and timber this winter"]
        );
    }
}
