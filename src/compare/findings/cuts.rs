//! Cuts and additions: what each copy cut from its original and what it added, along the
//! version tree — whole sentences with no counterpart in the other version, and clauses of
//! sentences both carry — with whether the words name a claim's source. A cut is a passage of
//! the original the copy lacks; an addition is the same reading the other way round, a passage
//! of the copy the original lacks. Only edges whose direction is known are read (an undetermined
//! edge has no "cut" or "addition", only a difference).

use super::figures::is_bracketed_conversion;
use super::is_story_text;
use super::wording::Reader;
use crate::article::{Article, collapse_whitespace};
use crate::compare::align;
use crate::compare::{Addition, Cut, Descent, EditOp, FastSet, Link, PassageKind, SentenceRef};

/// Least share of a sentence's content words that a clause its neighbour lacks must account
/// for, for the sentence to be that clause made a sentence of its own (a few words in common,
/// "12 people", are not).
const MIN_SHARE_SPLIT_OFF: f32 = 1.0 / 3.0;
/// Fewest words a clause cut from a kept sentence (or added to one) has (fewer is an edit,
/// listed with the substitutions).
const MIN_CLAUSE_WORDS: usize = 3;

/// A passage of one version that another version of it lacks.
struct Lacked {
    /// The sentence the passage stands in.
    at: SentenceRef,
    /// The version that lacks it.
    lacking: usize,
    /// For a clause, the sentence of the version lacking it that carries the rest.
    rest_in: Option<SentenceRef>,
    kind: PassageKind,
    text: String,
    attribution: bool,
}

/// The cuts and the additions along every directed edge of `lineage`, from the links
/// (`closest` marks each link's closeness). Each list is in reading order: whole sentences
/// before clauses, those naming a source first, then by copy and by position. Words a copy of
/// several originals adds are listed once, against the original first in content order (`rank`).
pub fn find(
    articles: &[Article],
    links: &[Link],
    closest: &[bool],
    lineage: &[Descent],
    rank: &[usize],
) -> (Vec<Cut>, Vec<Addition>) {
    let mut reader = Reader::default();
    let mut cuts = Vec::new();
    let mut additions = Vec::new();
    let linked = Linked {
        articles,
        links,
        closest,
    };
    let known: Vec<&Descent> = lineage.iter().filter(|d| d.known).collect();
    for descent in &known {
        cuts.extend(
            linked
                .lacked(descent.original, descent.copy, &mut reader)
                .into_iter()
                .map(|x| Cut {
                    original: x.at,
                    copy: x.lacking,
                    kept_in: x.rest_in,
                    kind: x.kind,
                    text: x.text,
                    attribution: x.attribution,
                }),
        );
    }
    let mut copies: Vec<usize> = known.iter().map(|d| d.copy).collect();
    copies.sort_unstable();
    copies.dedup();
    for copy in copies {
        // What the copy has that each of its originals lacks, read once per original.
        let lacked_by: Vec<Vec<Lacked>> = known
            .iter()
            .filter(|d| d.copy == copy)
            .map(|d| linked.lacked(copy, d.original, &mut reader))
            .collect();
        // A copy of two originals took from each: what it adds, neither carries.
        let lacked_by_all = |x: &Lacked| {
            lacked_by.iter().all(|lacked| {
                lacked
                    .iter()
                    .any(|y| y.at == x.at && y.text.contains(x.text.as_str()))
            })
        };
        let added = lacked_by.iter().flatten().filter(|x| lacked_by_all(x));
        additions.extend(added.map(|x| Addition {
            copy: x.at,
            original: x.lacking,
            added_to: x.rest_in,
            kind: x.kind,
            text: x.text.clone(),
            attribution: x.attribution,
        }));
    }
    cuts.sort_by(|x, y| (x.copy, x.original, &x.text).cmp(&(y.copy, y.original, &y.text)));
    // A copy repeating a sentence links it twice to the original's: one cut, listed once.
    cuts.dedup_by(|x, y| (x.copy, x.original, &x.text) == (y.copy, y.original, &y.text));
    // In reading order, the one every view and report shows: whole sentences before clauses,
    // those naming a claim's source first (the sort is stable: by copy, then position, within).
    cuts.sort_by_key(|cut| (cut.kind, !cut.attribution));
    // Once per copy, however often it repeats the words or however many originals lack them.
    additions.sort_by(|x, y| {
        (x.copy.article, &x.text, x.copy.sentence, rank[x.original]).cmp(&(
            y.copy.article,
            &y.text,
            y.copy.sentence,
            rank[y.original],
        ))
    });
    additions.dedup_by(|x, y| (x.copy.article, &x.text) == (y.copy.article, &y.text));
    additions.sort_by(|x, y| {
        let key = |a: &Addition| (a.kind, !a.attribution, a.copy, a.original);
        key(x).cmp(&key(y)).then_with(|| x.text.cmp(&y.text))
    });
    (cuts, additions)
}

/// The articles and their links, read one edge of the tree at a time.
struct Linked<'c> {
    articles: &'c [Article],
    links: &'c [Link],
    closest: &'c [bool],
}

impl Linked<'_> {
    /// The passages of `here` that `there` lacks: its sentences with no counterpart there, and
    /// the clauses of linked sentences that the counterpart lacks.
    fn lacked(&self, here: usize, there: usize, reader: &mut Reader) -> Vec<Lacked> {
        let articles = self.articles;
        let between = |l: &&Link| {
            (l.a.article, l.b.article) == (here, there)
                || (l.a.article, l.b.article) == (there, here)
        };
        // The links of each of `here`'s sentences to `there`'s: a sentence split in two carries
        // in one part the clause the other lacks.
        let mut links_of: Vec<Vec<&Link>> = vec![Vec::new(); articles[here].sentences.len()];
        for link in self.links.iter().filter(between) {
            links_of[seen_from(link, here).0.sentence].push(link);
        }
        let mut out = Vec::new();
        let mut their_wordings: Option<FastSet<String>> = None;
        for s in (0..links_of.len()).filter(|&s| links_of[s].is_empty()) {
            if !is_story_text(articles, SentenceRef::new(here, s)) {
                continue;
            }
            let text = collapse_whitespace(articles[here].sentence_text(s));
            // A sentence too short to be linked ("Guyana abstained.") is carried when the other
            // version has the same words.
            let words = reader.words(&text);
            if !align::long_enough_words(words.len()) {
                let wordings =
                    their_wordings.get_or_insert_with(|| wordings_of(&articles[there], reader));
                if wordings.contains(words.squashed()) {
                    continue;
                }
            }
            let neighbours = [s.checked_sub(1), Some(s + 1)]
                .into_iter()
                .flatten()
                .filter_map(|n| links_of.get(n))
                .flatten();
            if split_from_a_neighbour(
                articles,
                (here, &text),
                neighbours,
                &words.content_keys(),
                reader,
            ) {
                continue;
            }
            out.push(Lacked {
                at: SentenceRef::new(here, s),
                lacking: there,
                rest_in: None,
                kind: PassageKind::Sentence,
                attribution: words.names_a_source(),
                text,
            });
        }
        let closest_between = self
            .links
            .iter()
            .zip(self.closest)
            .filter(|(l, c)| **c && between(l));
        for (link, _) in closest_between {
            out.extend(clauses_lacked(articles, link, here, &links_of, reader));
        }
        out
    }
}

/// Whether `sentence` of article `here`, with content words `content`, was split from a sentence
/// next to it, whose `links` (to the other version) show it: the other version's sentence holds
/// most of its words ("…for 30 hours before bringing it under control" → "…for 30 hours. They
/// brought it under control"), or it holds most of a clause the link shows the neighbour lacks
/// ("…for 30 hours. The blaze was finally brought under control on Monday morning, he said").
/// Nothing was cut or added: the words moved.
fn split_from_a_neighbour<'l>(
    articles: &[Article],
    (here, sentence): (usize, &str),
    links: impl Iterator<Item = &'l &'l Link>,
    content: &[&str],
    reader: &mut Reader,
) -> bool {
    links.into_iter().any(|link| {
        let theirs = seen_from(link, here).1;
        let only_theirs = if theirs == link.b {
            EditOp::Insert
        } else {
            EditOp::Delete
        };
        let other = &articles[theirs.article];
        reader.holds_most_of(content, other.sentence_text(theirs.sentence))
            || link.edits.iter().filter(|e| e.op == only_theirs).any(|e| {
                let span = if theirs == link.a { e.a } else { e.b };
                let clause = reader.words(&other.text[span.0..span.1]);
                let keys = clause.content_keys();
                let shared = keys.iter().filter(|k| content.contains(k)).count();
                clause.len() >= MIN_CLAUSE_WORDS
                    && shared as f32 >= MIN_SHARE_SPLIT_OFF * content.len() as f32
                    && reader.holds_most_of(&keys, sentence)
            })
    })
}

/// The ends of `link`, one of them in article `here`: that one, then the other.
fn seen_from(link: &Link, here: usize) -> (SentenceRef, SentenceRef) {
    if link.a.article == here {
        (link.a, link.b)
    } else {
        (link.b, link.a)
    }
}

/// Most words (as written, spaces apart) a sentence of the other version may have to be checked
/// against a sentence too short to link: the same words squashed differ by a space or hyphen at
/// most.
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

/// The clauses of `here`'s sentence of `link` that the other end lacks (`links_of`: per
/// sentence of `here`, its links to the other version), save those its sentence carries
/// elsewhere (moved within it) or words its own way, another part of the sentence there
/// carries, or a sentence next to it. None in a headline, byline or caption: outlets write their
/// own, and words one lacks are not cut from the story (nor added to it).
fn clauses_lacked(
    articles: &[Article],
    link: &Link,
    here: usize,
    links_of: &[Vec<&Link>],
    reader: &mut Reader,
) -> Vec<Lacked> {
    let here_is_a = link.a.article == here;
    let (mine, theirs) = seen_from(link, here);
    if !is_story_text(articles, mine) {
        return Vec::new();
    }
    let text = &articles[here].text;
    let (only_here, only_there) = if here_is_a {
        (EditOp::Delete, EditOp::Insert)
    } else {
        (EditOp::Insert, EditOp::Delete)
    };
    let texts = (
        articles[link.a.article].text.as_str(),
        articles[link.b.article].text.as_str(),
    );
    super::conversions_split_off(texts, &link.edits)
        .iter()
        .filter(|e| e.op == only_here)
        .filter_map(|e| {
            let span = if here_is_a { e.a } else { e.b };
            let words_text = super::edit_words(text, span, &[]);
            let words = reader.words(&words_text);
            // Words ending on a function word ("It is intended as a") are a piece of a
            // rewording the word diff paired up, not a clause, unless they name a source (the
            // run of an attribution takes the word after it: "…told reporters that").
            let piece = words.ends_on_a_function_word() && !words.names_a_source();
            if words.len() < MIN_CLAUSE_WORDS
                || words.is_function_only()
                || piece
                || is_bracketed_conversion(text, span)
            {
                return None;
            }
            let other = &articles[theirs.article];
            let content = words.content_keys();
            // The other version's sentence (the clause moved within it) and its other parts of
            // the sentence, and the sentences either side of its one (a clause moved into a
            // sentence of its own).
            let carried_elsewhere = links_of[mine.sentence]
                .iter()
                .map(|part| seen_from(part, here).1.sentence)
                .any(|part| reader.holds_most_of(&content, other.sentence_text(part)))
                || reader.held_next_door(&content, other, theirs.sentence);
            // Words the other version wrote in its own way elsewhere in the sentence (a run
            // only it has holds most of them): a rewording, not a cut or an addition.
            let mut reworded = || {
                link.edits.iter().filter(|o| o.op == only_there).any(|o| {
                    let span = if here_is_a { o.b } else { o.a };
                    words.reworded_as(&reader.words(&other.text[span.0..span.1]))
                })
            };
            (!carried_elsewhere && !reworded()).then(|| Lacked {
                at: mine,
                lacking: theirs.article,
                rest_in: Some(theirs),
                kind: PassageKind::Clause,
                attribution: words.names_a_source(),
                text: words_text,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Format};
    use crate::compare::PassageKind;
    use crate::compare::findings::testing::original_and_copy;
    use crate::compare::{Options, compare};

    /// The cuts of `kind` from `original` (which carries an agency dateline, so the direction is
    /// known) by `copy`.
    fn cut(original: &str, copy: &str, kind: crate::compare::PassageKind) -> Vec<String> {
        original_and_copy(original, copy)
            .cuts
            .iter()
            .filter(|cut| cut.kind == kind)
            .map(|cut| cut.text.clone())
            .collect()
    }

    /// The additions of `kind` by `copy` to `original` (dated by an agency, so first).
    fn added(original: &str, copy: &str, kind: crate::compare::PassageKind) -> Vec<String> {
        original_and_copy(original, copy)
            .additions
            .iter()
            .filter(|addition| addition.kind == kind)
            .map(|addition| addition.text.clone())
            .collect()
    }

    fn sentences_cut(original: &str, copy: &str) -> Vec<String> {
        cut(original, copy, crate::compare::PassageKind::Sentence)
    }

    fn clauses_cut(original: &str, copy: &str) -> Vec<String> {
        cut(original, copy, crate::compare::PassageKind::Clause)
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
        let split = original_and_copy(&original, &moved);
        assert!(split.additions.is_empty(), "{:?}", split.additions);
        let dropped =
            format!("{BEFORE}The council asked for bids from three builders in the town. {AFTER}");
        assert_eq!(
            clauses_cut(&original, &dropped),
            ["citing the rising cost of steel and timber this winter"]
        );
    }

    #[test]
    fn a_sentence_and_a_clause_a_copy_adds_are_listed_as_added_not_cut() {
        let original = format!(
            "{BEFORE}The council asked for bids from three builders in the town this winter. \
             {AFTER}"
        );
        let copy = format!(
            "{BEFORE}The council asked for bids from three builders in the town this winter, \
             despite fierce objections from the fishermen's union. Critics called the plan a \
             reckless waste of public money, a union official said. {AFTER}"
        );
        let c = original_and_copy(&original, &copy);
        assert!(c.cuts.is_empty(), "{:?}", c.cuts);
        let sentences: Vec<(&str, bool)> = c
            .additions
            .iter()
            .filter(|x| x.kind == PassageKind::Sentence)
            .map(|x| (x.text.as_str(), x.attribution))
            .collect();
        assert_eq!(
            sentences,
            [(
                "Critics called the plan a reckless waste of public money, a union official said.",
                true
            )]
        );
        assert_eq!(
            added(&original, &copy, PassageKind::Clause),
            ["despite fierce objections from the fishermen's union"]
        );
        // The other way round, the same passages are what the copy cut.
        assert_eq!(
            clauses_cut(&copy, &original),
            ["despite fierce objections from the fishermen's union"]
        );
    }

    #[test]
    fn a_clause_moved_within_its_sentence_is_neither_cut_nor_added() {
        let original = format!(
            "{BEFORE}In a narrow vote on Monday evening, the council asked for bids from three \
             builders in the town. {AFTER}"
        );
        let moved = format!(
            "{BEFORE}The council asked for bids from three builders in the town in a narrow vote \
             on Monday evening. {AFTER}"
        );
        let c = original_and_copy(&original, &moved);
        assert!(c.cuts.is_empty(), "{:?}", c.cuts);
        assert!(c.additions.is_empty(), "{:?}", c.additions);
    }

    #[test]
    fn words_ending_on_a_function_word_are_a_piece_of_a_rewording_not_a_clause() {
        let original = format!(
            "{BEFORE}It is intended as a replacement for the crumbling pier built in 1890. {AFTER}"
        );
        let reworded = format!(
            "{BEFORE}A replacement for the crumbling pier built in 1890 is planned. {AFTER}"
        );
        assert_eq!(clauses_cut(&original, &reworded), Vec::<String>::new());
    }

    #[test]
    fn words_a_copy_of_two_originals_took_from_either_are_not_added() {
        let first = format!("{BEFORE}{AFTER}");
        let second = format!(
            "{BEFORE}Fishermen said the pier had been unsafe for years and should have been shut \
             long ago. {AFTER}"
        );
        let copy = format!(
            "{BEFORE}Fishermen said the pier had been unsafe for years and should have been shut \
             long ago. Critics called the plan a reckless waste of public money. {AFTER}"
        );
        let articles: Vec<Article> = [first, second, copy]
            .into_iter()
            .enumerate()
            .map(|(i, text)| Article::from_text(i.to_string(), "x.txt", text, Format::Text))
            .collect();
        let c = compare(articles.clone(), &Options::default());
        let closest = crate::compare::findings::counterparts::closest_of_either_end(&c.links);
        let descent = |original| crate::compare::Descent {
            original,
            copy: 2,
            known: true,
            confidence: 1.0,
            shared: 1.0,
            clues: Vec::new(),
        };
        let lineage = [descent(0), descent(1)];
        let (_, additions) = super::find(&articles, &c.links, &closest, &lineage, &[0, 1, 2]);
        let added: Vec<(&str, usize)> = additions
            .iter()
            .map(|x| (x.text.as_str(), x.original))
            .collect();
        assert_eq!(
            added,
            [(
                "Critics called the plan a reckless waste of public money.",
                0
            )],
            "listed once, and the fishermen's words came from the second original"
        );
    }

    #[test]
    fn a_clause_a_copy_made_a_sentence_of_its_own_is_neither_cut_nor_added() {
        let original = format!(
            "{BEFORE}Crews fought the blaze at the boatyard for some 30 hours before bringing it \
             under control on Monday morning. {AFTER}"
        );
        let split = format!(
            "{BEFORE}Crews fought the blaze at the boatyard for some 30 hours. The fire was \
             finally brought under control on Monday morning, a spokesman said. {AFTER}"
        );
        let c = original_and_copy(&original, &split);
        assert!(c.additions.is_empty(), "{:?}", c.additions);
        assert!(c.cuts.is_empty(), "{:?}", c.cuts);
        let merged = original_and_copy(&split, &original);
        assert!(merged.cuts.is_empty(), "{:?}", merged.cuts);
    }

    #[test]
    fn a_clause_reworded_and_moved_within_its_sentence_is_neither_cut_nor_added() {
        let original = format!(
            "{BEFORE}Four volunteers were hurt on Sunday while they had been helping to dig out a \
             tractor buried by the mudslide near the quay, the harbour master said. {AFTER}"
        );
        let reworded = format!(
            "{BEFORE}Four volunteers who helped dig out a mudslide-buried tractor were hurt on \
             Sunday near the quay, the harbour master said. {AFTER}"
        );
        let c = original_and_copy(&original, &reworded);
        assert!(c.cuts.is_empty(), "{:?}", c.cuts);
        assert!(c.additions.is_empty(), "{:?}", c.additions);
    }
}
