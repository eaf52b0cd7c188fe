//! Attribution changes: a claim's source dropped ("health officials said 1,200 were killed" →
//! "1,200 were killed"), replaced ("the ministry said" → "the army said"), its verb of saying
//! swapped ("said" → "claimed"), or a passive sentence made active with an agent the original
//! did not name ("1,200 were killed" → "troops killed 1,200"). Read from the word edits of
//! linked sentences, oriented along the version tree; where which came first is undetermined, a
//! source either side states and the other lacks is read from the side that states it.

use std::ops::Range;
use std::rc::Rc;

use rayon::prelude::*;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::quotes::quoted_in;
use super::wording::{
    PASSIVE_AUXILIARIES, PREPOSITIONS, Reader, Words, according_to_names_no_source, is_determiner,
    is_speaking, may_hold_saying, neighbours,
};
use crate::article::Article;
use crate::compare::direction::Orientation;
use crate::compare::{
    AttributionChange, AttributionChangeKind, Edit, EditOp, FastMap, Link, SentenceRef,
};

/// Sentences between two parts of a split sentence, at most, plus one.
const SPLIT_REACH: usize = 2;
/// Longest swap (in words) read as a changed verb of saying ("reported that" → "said"); longer
/// ones change who is speaking.
const MAX_VERB_WORDS: usize = 3;
/// Longest wording (in words) read as an attribution rather than a rewritten passage.
const MAX_ATTRIBUTION_WORDS: usize = 8;
/// Words a figure beside an attribution may take ("more than 1.3 million").
const MAX_FIGURE_WORDS: usize = 4;
/// Words from the end of a long passage cut outright within which its verb of saying must
/// stand for the cut to drop a source (", an official said Wednesday", "said the").
const SAYING_AT_END: usize = 3;
/// Kept words before a dropped verb of saying within which a verb of speech keeps its speaker
/// ("answered one of them, and said").
const SPEAKER_REACH: usize = 4;
/// Kept words after a comma that may open an apposition naming a speaker ("Ali Demir, the").
const APPOSITION_OPENING: usize = 2;
/// Most words read as the new agent of a passive made active ("the regional flood office").
const MAX_AGENT_WORDS: usize = 4;
/// Words after a verb made active within which the passive's subject must stand as its object.
const OBJECT_REACH: usize = 5;
/// Adverbs that stand between an auxiliary and its participle ("is often used", "were also
/// killed"), besides those ending in "-ly".
const ADVERBS: &[&str] = &[
    "often",
    "also",
    "still",
    "never",
    "not",
    "already",
    "just",
    "now",
    "then",
    "soon",
    "ever",
    "since",
    "always",
    "even",
    "only",
    "once",
    "later",
    "again",
    "sometimes",
    "seldom",
    "yet",
    "first",
    "further",
    "thus",
];

/// The attribution changes of the closest reworded links (`closest`), each seen from the side
/// `orientation` puts first, ordered by sentence pair.
pub fn find(
    articles: &[Article],
    links: &[Link],
    closest: &[bool],
    orientation: &Orientation,
) -> Vec<AttributionChange> {
    let rewordings: Vec<&Link> = super::body_rewordings(articles, links, closest)
        .filter(|l| orientation.sides(l.a.article, l.b.article).is_some())
        .collect();
    let splits = Splits::of(links);
    // Links are read in parallel, one reader per share of them: a reader only saves reading the
    // same wording twice, so what a link yields does not depend on the share it fell in.
    let per_link: Vec<Vec<AttributionChange>> = rewordings
        .par_iter()
        .with_min_len(super::per_thread(rewordings.len()))
        .map_init(Reader::default, |reader, link| {
            changes_of(articles, &splits, link, orientation, reader)
        })
        .collect();
    let mut out: Vec<AttributionChange> = per_link.into_iter().flatten().collect();
    out.sort_by(|x, y| (x.a, x.b, x.kind, &x.from).cmp(&(y.a, y.b, y.kind, &y.from)));
    out
}

/// The attribution changes of one link, seen from the side `orientation` puts first.
fn changes_of(
    articles: &[Article],
    splits: &Splits,
    link: &Link,
    orientation: &Orientation,
    reader: &mut Reader,
) -> Vec<AttributionChange> {
    let Some((first, second, directed)) = orientation.sides(link.a.article, link.b.article) else {
        return Vec::new();
    };
    let read = |first, reading, reader: &mut Reader| {
        let seen = Seen::new(articles, splits, link, first);
        changes_seen_from(&seen, directed, reading, reader)
    };
    let mut changes = read(first, Reading::All, reader);
    if !directed {
        // Which came first is undetermined: a source or an agent either side names and the
        // other does not is told alike, read from the side that names it.
        changes.retain(|c| c.kind != AttributionChangeKind::NewAgent);
        changes.extend(read(second, Reading::DroppedOnly, reader));
    }
    changes
}

/// Which attribution changes a reading of a link looks for.
#[derive(Clone, Copy, PartialEq)]
enum Reading {
    /// Every kind of change.
    All,
    /// Only dropped sources and agents (the reverse reading of a link whose direction is
    /// undetermined).
    DroppedOnly,
}

/// The attribution changes of a link as `seen` from one side.
fn changes_seen_from(
    seen: &Seen,
    directed: bool,
    reading: Reading,
    reader: &mut Reader,
) -> Vec<AttributionChange> {
    seen.changes(reading, reader)
        .into_iter()
        .map(|(kind, from, to)| AttributionChange {
            a: seen.a,
            b: seen.b,
            kind,
            from,
            to,
            directed,
        })
        .collect()
}

/// For each sentence and another article, the sentences of that article linked to it: more than
/// one beside each other where that article split the sentence.
struct Splits(FastMap<(SentenceRef, usize), Vec<usize>>);

impl Splits {
    fn of(links: &[Link]) -> Self {
        let mut linked: FastMap<(SentenceRef, usize), Vec<usize>> = FastMap::default();
        for link in links {
            for (from, to) in [(link.a, link.b), (link.b, link.a)] {
                linked
                    .entry((from, to.article))
                    .or_default()
                    .push(to.sentence);
            }
        }
        Splits(linked)
    }

    /// The other parts of `sentence` in `article` where that article split it: the sentences
    /// linked to it within [`SPLIT_REACH`] of `part`, one part it is linked to. (A sentence
    /// linked to one further away is a passage repeated elsewhere.)
    fn other_parts(&self, sentence: SentenceRef, article: usize, part: usize) -> Vec<usize> {
        let near = |p: usize| p != part && p.abs_diff(part) <= SPLIT_REACH;
        self.0
            .get(&(sentence, article))
            .map_or_else(Vec::new, |parts| {
                parts.iter().copied().filter(|&p| near(p)).collect()
            })
    }
}

/// A link seen from one side: `a` first, its edits oriented from `a` to `b`.
struct Seen<'t> {
    a: SentenceRef,
    b: SentenceRef,
    a_text: &'t str,
    b_text: &'t str,
    edits: Vec<Edit>,
    /// `a`'s article.
    a_article: &'t Article,
    /// `b`'s article (a copy may move an attribution into the sentence before or after `b`,
    /// splitting a quotation).
    b_article: &'t Article,
    /// The quoted words of `a`'s sentence and of `b`'s (see [`quoted_in`]).
    quoted: (Vec<Range<usize>>, Vec<Range<usize>>),
    /// The text of the other sentences of `b`'s article linked to `a`'s: the other parts of
    /// `a`'s sentence where the copy split it.
    other_parts: Vec<&'t str>,
}

/// The span from the first start to the last end of `spans` (empty at 0 when there are none).
fn span_of(spans: impl Iterator<Item = (usize, usize)> + Clone) -> (usize, usize) {
    let start = spans.clone().map(|s| s.0).min().unwrap_or(0);
    let end = spans.map(|s| s.1).max().unwrap_or(0);
    (start, end)
}

impl<'t> Seen<'t> {
    fn new(articles: &'t [Article], splits: &Splits, link: &Link, first: usize) -> Self {
        let flip = link.a.article != first;
        let (a, b) = if flip {
            (link.b, link.a)
        } else {
            (link.a, link.b)
        };
        let texts = (
            articles[link.a.article].text.as_str(),
            articles[link.b.article].text.as_str(),
        );
        let edits = super::conversions_split_off(texts, &link.edits)
            .iter()
            .map(|&e| if flip { super::super::flip(e) } else { e })
            .collect();
        let quoted = |at: SentenceRef| {
            let article = &articles[at.article];
            quoted_in(&article.text, article.sentences[at.sentence].range())
        };
        Seen {
            a,
            b,
            a_text: &articles[a.article].text,
            b_text: &articles[b.article].text,
            edits,
            a_article: &articles[a.article],
            b_article: &articles[b.article],
            quoted: (quoted(a), quoted(b)),
            other_parts: splits
                .other_parts(a, b.article, b.sentence)
                .into_iter()
                .map(|s| articles[b.article].sentence_text(s))
                .collect(),
        }
    }

    /// Whether either side of `edit` has words and lies inside a quotation: a verb of saying
    /// there is the speaker's own ("I know not what thou sayest" → "“I don’t know what you are
    /// talking about”"), no attribution of the article's.
    fn is_quoted(&self, edit: &Edit) -> bool {
        let inside = |(start, end): (usize, usize), quoted: &[Range<usize>]| {
            start < end && quoted.iter().any(|q| q.start <= start && end <= q.end)
        };
        inside(edit.a, &self.quoted.0) || inside(edit.b, &self.quoted.1)
    }

    /// The changes `reading` looks for: (kind, wording in `a`, wording in `b`).
    fn changes(
        &self,
        reading: Reading,
        reader: &mut Reader,
    ) -> Vec<(AttributionChangeKind, String, String)> {
        let mut out = Vec::new();
        let (a_span, b_span) = (self.sentence_span(true), self.sentence_span(false));
        let a_sentence = &self.a_text[a_span.0..a_span.1];
        let b_sentence = &self.b_text[b_span.0..b_span.1];
        // How many verbs of saying each sentence holds, counted only if a change drops one.
        let mut says: Option<(usize, usize)> = None;
        for (i, edit) in self.edits.iter().enumerate() {
            if edit.op == EditOp::Equal || self.is_quoted(edit) {
                continue;
            }
            let from = phrase(self.a_text, edit.a);
            let to = phrase(self.b_text, edit.b);
            // A source is dropped only with its verb of saying.
            if reading == Reading::DroppedOnly && !may_hold_saying(&from) {
                continue;
            }
            // Without a verb of saying on either side, only a source named before a kept one can
            // have changed.
            if !may_hold_saying(&from) && !may_hold_saying(&to) && !self.names_the_source(i, reader)
            {
                continue;
            }
            let has_figure = |t: &str| t.chars().any(|c| c.is_ascii_digit());
            // A changed figure next to a verb of saying is a figure, not a source; the verb can
            // still be dropped with it, the figure's words besides ("officials said on Friday
            // that at least 1,200" → "more than 1,300").
            let figure = has_figure(&from) || has_figure(&to);
            let (wa, wb) = (reader.words(&from), reader.words(&to));
            let longest = if figure {
                MAX_ATTRIBUTION_WORDS + MAX_FIGURE_WORDS
            } else {
                MAX_ATTRIBUTION_WORDS
            };
            // A long change pairs words loosely, but a passage cut outright pairs nothing: a
            // verb of saying at its end (what was said stands after it, kept: "the engineer,
            // who asked not to be named, said the") is read as any dropped one is; one inside
            // it went with what it said ("and the board has declared three days of mourning"),
            // a cut listed with the cuts.
            let long = wa.len().max(wb.len()) > longest;
            if long {
                if !wb.is_empty() {
                    if reading == Reading::All {
                        for (from, to) in self.swapped_verbs(edit, reader) {
                            out.push((AttributionChangeKind::Verb, from, to));
                        }
                    }
                    continue;
                }
                if !wa.says_near_end(SAYING_AT_END) && !names_a_source_by_according(&from) {
                    continue;
                }
            }
            let (sa, sb) = (wa.saying_verbs(), wb.saying_verbs());
            let mut fewer_sayings = || {
                let (a_says, b_says) = *says.get_or_insert_with(|| {
                    (
                        reader.saying_count(a_sentence),
                        reader.saying_count(b_sentence),
                    )
                });
                b_says < a_says
            };
            // Where the verb alone was replaced, whoever it named is still there ("according
            // to the rules" → "under the rules"), and so it is where the replacing words name it
            // again ("according to plan" → "as planned"): a source is dropped with its words, or
            // cut.
            let source_gone = wb.is_empty() || wa.has_content_besides_saying() && !wa.named_in(&wb);
            // Cut with what it said, a source leaves no claim standing without one.
            let claim_cut = wb.is_empty() && wa.holds_the_claim();
            if !sa.is_empty()
                && sb.is_empty()
                && source_gone
                && !claim_cut
                && fewer_sayings()
                && !self.moved(&wa, reader)
                && !self.speaker_kept(i, &wa, &wb)
                && !self.source_kept_after_according(i, &from, &wb)
            {
                let from = if long {
                    attribution_at_end(&from).to_owned()
                } else {
                    from
                };
                out.push((AttributionChangeKind::Dropped, from, to));
            } else if figure || reading == Reading::DroppedOnly {
                continue;
            } else if !sa.is_empty() && !sb.is_empty() && sa != sb {
                let kind = if wa.len().max(wb.len()) <= MAX_VERB_WORDS {
                    AttributionChangeKind::Verb
                } else {
                    AttributionChangeKind::Source
                };
                out.push((kind, from, to));
            } else if sa.is_empty()
                && sb.is_empty()
                && !wa.is_empty()
                && !wb.is_empty()
                && !wa.is_function_only()
                && !wb.is_function_only()
                && wa.squashed() != wb.squashed()
                && !wa.same_content_stems(&wb)
                && self.names_the_source(i, reader)
            {
                out.push((AttributionChangeKind::Source, from, to));
            }
        }
        if reading == Reading::All {
            let verb_changed = out.iter().any(|c| c.0 == AttributionChangeKind::Verb);
            if !verb_changed && let Some((from, to)) = self.verb_swapped_round_the_source(reader) {
                out.push((AttributionChangeKind::Verb, from, to));
            }
            if let Some((from, to)) = self.new_agent(reader) {
                out.push((AttributionChangeKind::NewAgent, from, to));
            }
        }
        if let Some((from, to)) = self.agent_cut(reader) {
            out.push((AttributionChangeKind::AgentCut, from, to));
        }
        out
    }

    /// A verb of saying cut on one side of a kept source and another put on its other side
    /// ("according to police" → "police claimed"): the word diff sees a cut and an addition, the
    /// reader a changed verb. Only where the link cuts one verb alone and adds one alone.
    fn verb_swapped_round_the_source(&self, reader: &mut Reader) -> Option<(String, String)> {
        let mut verb_only = |text: &str, span: (usize, usize)| -> Option<(String, Rc<Words>)> {
            let raw = &text[span.0..span.1];
            if !may_hold_saying(raw) {
                return None;
            }
            let wording = phrase(text, span);
            let words = reader.words(&wording);
            let alone = words.names_a_source()
                && !words.has_content_besides_saying()
                && words.len() <= MAX_VERB_WORDS;
            alone.then_some((wording, words))
        };
        let (mut cut, mut added) = (Vec::new(), Vec::new());
        for edit in self.edits.iter().filter(|e| !self.is_quoted(e)) {
            match edit.op {
                EditOp::Delete => cut.extend(verb_only(self.a_text, edit.a)),
                EditOp::Insert => added.extend(verb_only(self.b_text, edit.b)),
                _ => {}
            }
        }
        let ([from], [to]) = (cut.as_slice(), added.as_slice()) else {
            return None;
        };
        is_swapped_verb(&from.1, &to.1).then(|| (from.0.clone(), to.0.clone()))
    }

    /// The verbs of saying swapped inside `edit`, a change too long to read as one attribution:
    /// the word diff folds a swapped verb into the rewording around it ("is so great,” said" →
    /// "is so bright,” claimed", or a cut passage just before it). Its tokens are diffed again
    /// one by one, and each change found is read as a swapped verb if it is one, else its first
    /// words and its last words are (a verb kept at the same end of the change). Only a swapped
    /// verb is read this way: in a passage rewritten at length words pair loosely, which a verb
    /// swapped for a verb survives but a dropped or renamed source does not.
    fn swapped_verbs(&self, edit: &Edit, reader: &mut Reader) -> Vec<(String, String)> {
        let (a_tokens, b_tokens) = (
            reader.tokens(self.a_text, edit.a),
            reader.tokens(self.b_text, edit.b),
        );
        let keys = |tokens: &[((usize, usize), String)]| -> Vec<String> {
            tokens.iter().map(|(_, key)| key.clone()).collect()
        };
        let (a_keys, b_keys) = (keys(&a_tokens), keys(&b_tokens));
        let mut out = Vec::new();
        for op in capture_diff_slices(Algorithm::Myers, &a_keys, &b_keys) {
            let (tag, a, b) = op.as_tag_tuple();
            if tag != DiffTag::Replace {
                continue;
            }
            let ends = [
                (a.clone(), b.clone()),
                (a.start..a.start + 1, b.start..b.start + 1),
                (a.end - 1..a.end, b.end - 1..b.end),
            ];
            let swap = ends.into_iter().find_map(|(a, b)| {
                let from = phrase(self.a_text, spanning(&a_tokens, a));
                let to = phrase(self.b_text, spanning(&b_tokens, b));
                let figure = from.chars().chain(to.chars()).any(|c| c.is_ascii_digit());
                let swapped = !figure && is_swapped_verb(&reader.words(&from), &reader.words(&to));
                swapped.then_some((from, to))
            });
            out.extend(swap);
        }
        out
    }

    /// The text of the sentence on one side, from its edits.
    fn sentence_words(&self, a_side: bool) -> &'t str {
        let (start, end) = self.sentence_span(a_side);
        let text = if a_side { self.a_text } else { self.b_text };
        &text[start..end]
    }

    /// Where the sentence on one side lies in its article's text: from its first edit's start
    /// to its last edit's end.
    fn sentence_span(&self, a_side: bool) -> (usize, usize) {
        span_of(self.edits.iter().map(|e| if a_side { e.a } else { e.b }))
    }

    /// Whether the copy moved the attribution `words` into a sentence next to `b`, where it was
    /// not next to `a` already ("The news agency said …. He told the agency …" → "The news
    /// agency said …. He …" moved nothing). Moved means each of its content words is there (each
    /// of its words when it has none: "he said"), or its speaker speaks there: a copy that
    /// splits a sentence keeps the attribution with the first part, in its own words ("Pilate
    /// said unto them, Ye have a watch: go …" → "Pilate said to them, “You have a guard.” …
    /// “Go …”"). In another part of the split sentence (see [`Splits`]) the attribution is
    /// moved whether or not it stood next to `a`: that part is `a`'s own text.
    fn moved(&self, words: &super::wording::Words, reader: &mut Reader) -> bool {
        let keys = words.telling_keys();
        let speaker = words.speaker(is_linking);
        // Whether the two texts hold the attribution between them, or its speaker speaks in one.
        let carry = |texts: [&str; 2], reader: &mut Reader| {
            reader.all_keys_in(&keys, texts)
                || speaker.is_some_and(|speaker| {
                    texts.iter().any(|text| reader.speaks_with(speaker, text))
                })
        };
        let next_to = |article: &Article, sentence: usize, reader: &mut Reader| {
            let (before, after) = neighbours(article, sentence);
            carry([before, after], reader)
        };
        next_to(self.b_article, self.b.sentence, reader)
            && !next_to(self.a_article, self.a.sentence, reader)
            || self
                .other_parts
                .iter()
                .any(|part| carry([part, ""], reader))
    }

    /// Whether the speaker of a verb of saying dropped at edit `i` (`replaced` → `replacing`)
    /// is still named as one: the edit put another verb of speech in its place ("answering said"
    /// → "answered", "and said" → "and asked", "said this" → "thus spoken"), or the dropped
    /// words open with their verb and a kept verb of speech stands a few words before it, the
    /// dropped one a second verb of the same speaker ("Jesus answered [and said unto] him", "he
    /// answered one of them, [and said,]").
    fn speaker_kept(&self, i: usize, replaced: &Words, replacing: &Words) -> bool {
        if replacing.has_speaking() {
            return true;
        }
        if !replaced.opens_with_bare_saying() {
            return false;
        }
        self.kept_before(i)
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev()
            .take(SPEAKER_REACH)
            .any(|w| is_speaking(&w.to_lowercase()))
    }

    /// Whether `replaced`, the words of edit `i`, end with "according to" (and perhaps a
    /// determiner, or with "according" before a kept "to"), other words replace them and the
    /// words after them are kept: whatever it named is still there, introduced in other words
    /// ("those who live according to the flesh" → "they that are after the flesh"), and no
    /// source is dropped.
    fn source_kept_after_according(&self, i: usize, replaced: &str, replacing: &Words) -> bool {
        let Some(kept) = self.kept_after(i).filter(|_| !replacing.is_empty()) else {
            return false;
        };
        let mut words = lower_words(replaced);
        if words.last().is_some_and(|w| is_determiner(w)) {
            words.pop();
        }
        match words.as_slice() {
            [.., according, to] if according == "according" && to == "to" => true,
            [.., according] if according == "according" => {
                lower_words(kept).first().is_some_and(|w| w == "to")
            }
            _ => false,
        }
    }

    /// Whether the words replaced at edit `i` name the source of a claim: a verb of saying both
    /// sides keep follows them ("the ministry said" → "the army said"), or "according to"
    /// precedes them and neither side is a rule or a clause ("according to what you have";
    /// "according to" after them names the source after it: "the fruit of his body, according
    /// to the flesh").
    fn names_the_source(&self, i: usize, reader: &mut Reader) -> bool {
        let verb_after = self
            .kept_after(i)
            .and_then(|t| t.split_whitespace().next())
            .is_some_and(|w| {
                reader.words(w).names_a_source() && !w.eq_ignore_ascii_case("according")
            })
            && !self.set_off_from_the_verb(i);
        let edit = &self.edits[i];
        let named_after_according =
            |text: &str, span: (usize, usize)| !according_to_names_no_source(&text[span.0..span.1]);
        let according_before = self
            .kept_before(i)
            .is_some_and(|t| t.trim_end().to_lowercase().ends_with("according to"))
            && named_after_according(self.a_text, edit.a)
            && named_after_according(self.b_text, edit.b);
        verb_after || according_before || self.named_after_the_verb(i, reader)
    }

    /// Whether the words replaced at edit `i` name the speaker after a kept verb of saying that
    /// follows what was said ("…three years,” said union representative Grace Adeyemi." →
    /// "…said Health Secretary Tom Blake."), and end the clause: a verb of saying with the
    /// claim after it ("officials said 2,300 operations…") is followed by the claim, not by
    /// who made it.
    fn named_after_the_verb(&self, i: usize, reader: &mut Reader) -> bool {
        let Some(kept) = self.kept_before(i).map(str::trim_end) else {
            return false;
        };
        let Some((before, verb)) = kept.rsplit_once(char::is_whitespace) else {
            return false;
        };
        let after_what_was_said = before
            .trim_end()
            .ends_with([',', '"', '\u{201d}', '\u{2019}', '\'']);
        let ends_clause = |text: &str, end: usize| {
            text[end..]
                .trim_start()
                .chars()
                .next()
                .is_none_or(|c| matches!(c, '.' | ',' | ';' | '!' | '?'))
        };
        // "said to the paralytic": whom it was said to, not who said it.
        let names_a_speaker = |text: &str, span: (usize, usize)| {
            text[span.0..span.1]
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    let w = w.to_lowercase();
                    !PREPOSITIONS.contains(&w.as_str()) && w != "unto"
                })
        };
        let edit = &self.edits[i];
        after_what_was_said
            && names_a_speaker(self.a_text, edit.a)
            && names_a_speaker(self.b_text, edit.b)
            && !verb.eq_ignore_ascii_case("according")
            && reader.words(verb).names_a_source()
            && ends_clause(self.a_text, edit.a.1)
            && ends_clause(self.b_text, edit.b.1)
    }

    /// Whether the words of edit `i` are set off by a comma from the verb after them, and so are
    /// not its subject: the end of a clause ("who, seeing he had faith to be made whole, said"),
    /// unless they are an apposition opening a few words after a comma ("Ali Demir, the harbour
    /// master, said").
    fn set_off_from_the_verb(&self, i: usize) -> bool {
        let edit = &self.edits[i];
        let text = |from: usize, to: usize| self.a_text.get(from.min(to)..to).unwrap_or("");
        let comma_after = text(edit.a.0, edit.a.1).trim_end().ends_with(',')
            || self
                .edits
                .get(i + 1)
                .is_some_and(|next| text(edit.a.1, next.a.0).contains(','));
        let apposition = i
            .checked_sub(1)
            .and_then(|before| self.edits.get(before))
            .and_then(|before| text(before.a.0, edit.a.0).rsplit_once(','))
            .is_some_and(|(_, after)| after.split_whitespace().count() <= APPOSITION_OPENING);
        comma_after && !apposition
    }

    /// The words both sides keep just before edit `i` (in `a`), if the edit before it is kept.
    fn kept_before(&self, i: usize) -> Option<&'t str> {
        self.kept_at(i.checked_sub(1)?)
    }

    /// The words both sides keep just after edit `i` (in `a`), if the edit after it is kept.
    fn kept_after(&self, i: usize) -> Option<&'t str> {
        self.kept_at(i + 1)
    }

    /// The text (in `a`) of edit `at`, if it keeps its words.
    fn kept_at(&self, at: usize) -> Option<&'t str> {
        self.edits
            .get(at)
            .filter(|e| e.op == EditOp::Equal)
            .map(|e| &self.a_text[e.a.0..e.a.1])
    }

    /// A passive without an agent in `a` ("were killed") made active in `b` with an agent the
    /// original does not have ("floodwaters killed"): the wordings of both.
    fn new_agent(&self, reader: &mut Reader) -> Option<(String, String)> {
        if !self.changes_an_auxiliary(true) {
            return None;
        }
        agent_named_in_active(
            self.sentence_words(true),
            self.sentence_words(false),
            reader,
        )
    }

    /// A sentence in `a` whose agent acts ("Police shot a man") made passive in `b` without it
    /// ("A man was shot"): who did it is no longer said. The wordings of both.
    fn agent_cut(&self, reader: &mut Reader) -> Option<(String, String)> {
        if !self.changes_an_auxiliary(false) {
            return None;
        }
        let (passive, active) = agent_named_in_active(
            self.sentence_words(false),
            self.sentence_words(true),
            reader,
        )?;
        Some((active, passive))
    }

    /// Whether a changed run of side `a` (or `b`) holds a passive's auxiliary: a passive the
    /// other side does not write so ("were" of "were killed" against "floodwaters killed") is
    /// one. Most links change none, and are not read for agents.
    fn changes_an_auxiliary(&self, on_a: bool) -> bool {
        let text = if on_a { self.a_text } else { self.b_text };
        self.edits
            .iter()
            .filter(|e| e.op != EditOp::Equal)
            .map(|e| if on_a { e.a } else { e.b })
            .any(|(start, end)| {
                text[start..end]
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| {
                        PASSIVE_AUXILIARIES
                            .iter()
                            .any(|x| x.eq_ignore_ascii_case(w))
                    })
            })
    }
}

/// Where the sentence `passive` holds a passive without an agent ("two farm workers were
/// killed") that the sentence `active` says actively with an agent `passive` lacks ("floodwaters
/// killed two farm workers"): the passive's auxiliary and participle, and the agent and the
/// verb. The active sentence is read only when the passive is found.
fn agent_named_in_active(
    passive: &str,
    active: &str,
    reader: &mut Reader,
) -> Option<(String, String)> {
    let passive_words = lower_words(passive);
    let (passive_at, auxiliary, participle) =
        passive_words.windows(3).enumerate().find_map(|(i, w)| {
            let passive = PASSIVE_AUXILIARIES.contains(&w[0].as_str())
                && is_participle(&w[1])
                && !is_adverb(&w[1])
                && !NAMING_VERBS.contains(&w[1].as_str())
                && w[2] != "by";
            passive.then(|| (i, w[0].clone(), w[1].clone()))
        })?;
    let active_words = lower_words(active);
    let at = active_words.iter().position(|w| *w == participle)?;
    // Made active, the passive's subject (its last content word) follows the verb as its object
    // ("two farm workers were killed" → "floodwaters killed two farm workers"); otherwise the
    // participle is read another way ("is called" → "the hill called").
    let subject = passive_words[..passive_at]
        .iter()
        .rev()
        .find(|w| !reader.words(w).is_function_only())?;
    if !active_words[at + 1..]
        .iter()
        .take(OBJECT_REACH)
        .any(|w| w == subject)
    {
        return None;
    }
    let before = &active_words[..at];
    let adverbs = before.iter().rev().take_while(|w| is_adverb(w)).count();
    let before = &before[..before.len() - adverbs];
    // After an auxiliary the participle is no verb with an agent: a passive ("was killed") or
    // a perfect ("hadn't entered", read "hadn t").
    if before.last().is_some_and(|w| {
        PASSIVE_AUXILIARIES.contains(&w.as_str()) || PERFECT_AUXILIARIES.contains(&w.as_str())
    }) {
        return None;
    }
    let new_words = before
        .iter()
        .rev()
        .take_while(|w| !passive_words.contains(w))
        .count();
    // An agent is a name or a short noun phrase; more new words are a rewritten clause.
    if new_words > MAX_AGENT_WORDS {
        return None;
    }
    let agent = before[before.len() - new_words..].join(" ");
    let agent_words = reader.words(&agent);
    if agent_words.is_empty() || agent_words.is_function_only() {
        return None;
    }
    Some((
        format!("{auxiliary} {participle}"),
        format!("{agent} {participle}"),
    ))
}

/// Participles that name rather than do ("the city was called Caesarea"): no deed, no agent.
const NAMING_VERBS: &[&str] = &["called", "dubbed", "named", "termed"];

/// Auxiliaries of the perfect, and what is left of one contracted ("hadn't" read "hadn t",
/// "they've" read "they ve").
const PERFECT_AUXILIARIES: &[&str] = &["d", "had", "has", "hath", "have", "t", "ve"];

/// Past participles that end in neither "-ed" nor "-en" and are common in reports of what was
/// done to someone ("was shot", "were hit").
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "beat", "brought", "caught", "cut", "held", "hit", "hurt", "kept", "led", "left", "lost",
    "put", "sent", "set", "shot", "sold", "struck", "swept", "thrown", "told", "won",
];

/// Whether a lower-case word reads as a past participle ("killed", "taken", "shot").
fn is_participle(word: &str) -> bool {
    word.ends_with("ed") || word.ends_with("en") || IRREGULAR_PARTICIPLES.contains(&word)
}

/// Words between a speaker and the verb of saying, or before a verb with its speaker after it:
/// conjunctions and auxiliaries ("and said", "I have told", "he hath said").
const LINKING: &[&str] = &[
    "and", "but", "could", "did", "do", "does", "had", "has", "hath", "have", "may", "might",
    "must", "or", "shall", "should", "so", "will", "would",
];

/// Whether a lower-case word stands between a speaker and its verb of saying (see [`LINKING`]),
/// an adverb included ("also said", "then said").
fn is_linking(word: &str) -> bool {
    LINKING.contains(&word) || is_adverb(word)
}

/// Whether a lower-case word is an adverb that may stand before a participle.
fn is_adverb(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ly")) || ADVERBS.contains(&word)
}

/// Whether `from` → `to` swaps one verb of saying for another in a few words.
fn is_swapped_verb(from: &Words, to: &Words) -> bool {
    let (sa, sb) = (from.saying_verbs(), to.saying_verbs());
    !sa.is_empty() && !sb.is_empty() && sa != sb && from.len().max(to.len()) <= MAX_VERB_WORDS
}

/// The byte range from the start of token `range.start` to the end of the token before
/// `range.end` (`range` is not empty).
fn spanning(tokens: &[((usize, usize), String)], range: Range<usize>) -> (usize, usize) {
    (tokens[range.start].0.0, tokens[range.end - 1].0.1)
}

/// The lower-case words of `text`, punctuation aside.
fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != ',')
        .map(|w| w.trim_matches(','))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The attribution ending a long passage cut outright: from the clause that holds its verb of
/// saying, when that clause names the speaker before the verb ("…the missing climbers, state
/// radio reported, adding that" → "state radio reported, adding that"); else the whole passage
/// ("the engineer, who asked not to be named, said the").
fn attribution_at_end(passage: &str) -> &str {
    let mut end = passage.len();
    while end > 0 {
        let start = passage[..end].rfind(',').map_or(0, |comma| comma + 1);
        let words: Vec<&str> = passage[start..end]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if let Some(at) = words.iter().position(|w| may_hold_saying(w)) {
            return if at > 0 {
                passage[start..].trim_start()
            } else {
                passage
            };
        }
        end = start.saturating_sub(1);
    }
    passage
}

/// Whether `passage` is a source named after "according to" ("according to a survey by the
/// local traders' association"), however long: cut, it drops that source.
fn names_a_source_by_according(passage: &str) -> bool {
    let passage = passage.trim_start();
    passage
        .get(..ACCORDING_TO.len())
        .is_some_and(|opening| opening.eq_ignore_ascii_case(ACCORDING_TO))
        && !according_to_names_no_source(&passage[ACCORDING_TO.len()..])
}

/// The words that name a source after them.
const ACCORDING_TO: &str = "according to ";

/// The words of `text` within `span` (an edit side) as shown (see [`super::edit_words`]).
fn phrase(text: &str, span: (usize, usize)) -> String {
    super::edit_words(text, span, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;
    use crate::compare::findings::testing::original_and_copy;
    use crate::compare::{Options, compare};

    /// The changes from `original` to `copy`; the original carries an agency dateline, so the
    /// direction is known.
    fn changes(original: &str, copy: &str) -> Vec<(AttributionChangeKind, String, String)> {
        let c = original_and_copy(original, copy);
        assert!(c.attribution_changes.iter().all(|x| x.directed));
        c.attribution_changes
            .iter()
            .map(|x| (x.kind, x.from.to_lowercase(), x.to.to_lowercase()))
            .collect()
    }

    #[test]
    fn a_speaker_named_after_the_verb_changed_is_a_changed_source() {
        let story = |end: &str| {
            format!(
                "{STORY}\"We cannot keep working double shifts for this pay,\" said {end} \
                 Talks will resume on Friday."
            )
        };
        let found = changes(
            &story("union representative Grace Adeyemi."),
            &story("Health Secretary Tom Blake."),
        );
        assert_eq!(
            found,
            [(
                AttributionChangeKind::Source,
                "union representative grace adeyemi".to_owned(),
                "health secretary tom blake".to_owned()
            )]
        );
        // Whom it was said to is no source, nor the claim after a verb before it.
        let to_whom = |whom: &str| {
            format!("{STORY}The nurse, seeing the queue, said to {whom}, \"Wait here.\"")
        };
        assert_eq!(
            changes(&to_whom("the porter"), &to_whom("the patients")),
            []
        );
        let claim =
            |figure: &str| format!("{STORY}Officials, asked on Monday, said {figure} operations.");
        assert!(
            changes(&claim("2,300"), &claim("2,400"))
                .iter()
                .all(|c| c.0 != AttributionChangeKind::Source)
        );
    }

    #[test]
    fn an_attribution_moved_into_the_next_sentence_is_not_dropped() {
        let found = changes(
            &format!("{STORY}\"We will be back next year,\" the coach said after the game."),
            &format!(
                "{STORY}\"We will be back next year. Next year.\" the coach said after the game."
            ),
        );
        assert!(
            found.iter().all(|c| c.0 != AttributionChangeKind::Dropped),
            "{found:?}"
        );
    }

    #[test]
    fn an_attribution_kept_in_its_own_words_with_the_first_part_of_a_split_sentence_is_not_dropped()
    {
        // The copy splits the sentence and keeps the mayor, telling in other words, with its
        // first part.
        let found = changes(
            &format!(
                "{STORY}Mayor Ito said the bridge is unsafe and the old crossing will close to \
                 lorries from Monday."
            ),
            &format!(
                "{STORY}Mayor Ito told reporters the span was dangerous. The old crossing will \
                 close to lorries from Monday."
            ),
        );
        assert!(
            found.iter().all(|c| c.0 != AttributionChangeKind::Dropped),
            "{found:?}"
        );
    }

    #[test]
    fn a_source_dropped_beside_another_speaker_is_dropped() {
        // The copy names a source in the sentence before, but not the mayor.
        let found = changes(
            &format!(
                "{STORY}The harvest was lost. Mayor Ito said the old crossing will close to \
                 lorries from Monday."
            ),
            &format!(
                "{STORY}The farmers' union said the harvest was lost. The old crossing will \
                 close to lorries from Monday."
            ),
        );
        assert!(
            found.iter().any(|c| c.0 == AttributionChangeKind::Dropped),
            "{found:?}"
        );
    }

    #[test]
    fn words_named_again_in_the_replacing_words_drop_no_source() {
        let found = changes(
            &format!("{STORY}The new bridge opened on Friday, according to plan, to lorries."),
            &format!("{STORY}The new bridge opened on Friday, as planned, to lorries."),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_source_named_in_the_same_words_is_no_change() {
        let found = changes(
            &format!("{STORY}Rescue crews said the water was falling."),
            &format!("{STORY}And the rescue crew said the water was falling."),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_verb_of_saying_changed_inside_a_quotation_is_the_speaker_s_not_an_attribution() {
        let found = changes(
            &format!("{STORY}\"We told the crews to leave the farms,\" the mayor said."),
            &format!("{STORY}\"We warned the crews to leave the farms,\" the mayor said."),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_said_names_no_source() {
        let found = changes(
            &format!("{STORY}The daughter of the said farmer came in and thanked the crews."),
            &format!("{STORY}The daughter of the farmer came in and thanked the crews."),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    const STORY: &str = "The river burst its banks on Monday night after a week of rain. \
        Rescue boats reached the last stranded farms by Tuesday evening. ";

    #[test]
    fn a_source_dropped_beside_a_sentence_naming_it_already_is_dropped() {
        // The sentence before names the agency in both versions: nothing moved there.
        let before = "The news agency said the driver was trapped for an hour.";
        let found = changes(
            &format!(
                "{STORY}{before} He told the agency he walked to a farm before a tractor \
                 picked him up."
            ),
            &format!("{STORY}{before} He walked to a farm before a tractor picked him up."),
        );
        assert!(
            found.iter().any(|c| c.0 == AttributionChangeKind::Dropped),
            "{found:?}"
        );
    }

    #[test]
    fn a_source_cut_with_what_it_said_drops_no_source() {
        let found = changes(
            &format!(
                "{STORY}The union leader welcomed the plan but warned that the jobs must be \
                 secure."
            ),
            &format!("{STORY}The union leader welcomed the plan."),
        );
        assert!(
            found.iter().all(|c| c.0 != AttributionChangeKind::Dropped),
            "{found:?}"
        );
    }

    #[test]
    fn a_verb_of_saying_moved_round_its_source_and_swapped_is_a_changed_verb() {
        let found = changes(
            &format!("{STORY}A lorry struck the bus shelter at speed, according to police."),
            &format!("{STORY}A lorry struck the bus shelter at speed, police claimed."),
        );
        assert_eq!(
            found,
            [(
                AttributionChangeKind::Verb,
                "according to".to_owned(),
                "claimed".to_owned()
            )]
        );
    }

    #[test]
    fn a_boast_is_a_verb_of_saying() {
        let found = changes(
            &format!("{STORY}\"We will hire 400 people,\" the chief executive told reporters."),
            &format!("{STORY}\"We will hire 400 people,\" the chief executive boasted."),
        );
        assert_eq!(
            found,
            [(
                AttributionChangeKind::Verb,
                "told reporters".to_owned(),
                "boasted".to_owned()
            )]
        );
    }

    #[test]
    fn a_pronoun_and_its_verb_dropped_are_a_dropped_source() {
        // Only "he said" goes; the next sentence keeps its own "he added", which is no
        // attribution moved there.
        let found = changes(
            &format!(
                "{STORY}The old bridge has largely been washed away, he said. The road will stay \
                 shut for a month, he added."
            ),
            &format!(
                "{STORY}The old bridge has largely been washed away. The road will stay shut for \
                 a month, he added."
            ),
        );
        assert_eq!(
            found,
            [(
                AttributionChangeKind::Dropped,
                "he said".to_owned(),
                String::new()
            )]
        );
    }

    #[test]
    fn where_which_came_first_is_undetermined_a_source_one_side_lacks_is_found_either_way() {
        let with = format!("{STORY}At least 1,200 homes were flooded, health officials said.");
        let without = format!("{STORY}At least 1,200 homes were flooded.");
        for flip in [false, true] {
            let mut articles = vec![
                Article::from_text("with", "w.txt", with.as_str(), Format::Text),
                Article::from_text("without", "o.txt", without.as_str(), Format::Text),
            ];
            if flip {
                articles.reverse();
            }
            let c = compare(articles, &Options::default());
            assert!(
                c.lineage.iter().all(|d| !d.known),
                "no clue says which came first"
            );
            let stating = usize::from(flip);
            let found: Vec<_> = c
                .attribution_changes
                .iter()
                .map(|x| (x.a.article, x.label(), x.from.as_str(), x.to.as_str()))
                .collect();
            assert_eq!(
                found,
                [(
                    stating,
                    "source in one version only",
                    "health officials said",
                    ""
                )]
            );
            // Listed under the edge in content order, the key change names the version stating
            // the source.
            let summaries: Vec<&str> = c
                .key_changes
                .iter()
                .flat_map(|k| &k.changes)
                .map(|k| k.summary.as_str())
                .collect();
            assert_eq!(summaries, ["source in with only: health officials said"]);
        }
    }

    #[test]
    fn a_second_verb_of_the_same_speaker_dropped_drops_no_source() {
        // The speaker answers in both versions: only the doubled verb, or the pair made one
        // verb, goes.
        for (original, copy) in [
            (
                "The harbour master answered and said to the crews, the storm has passed.",
                "The harbour master answered the crews, the storm has passed.",
            ),
            (
                "The harbour master answering said to the crews, the storm has passed.",
                "The harbour master answered the crews, the storm has passed.",
            ),
        ] {
            let found = changes(&format!("{STORY}{original}"), &format!("{STORY}{copy}"));
            assert!(
                found.iter().all(|c| c.0 != AttributionChangeKind::Dropped),
                "{original:?}: {found:?}"
            );
        }
        // A source of its own after a verb of speech, or a verb of saying after a verb that is
        // not one, was the only attribution.
        let found = changes(
            &format!(
                "{STORY}Ferry crews have already asked for berths, according to a person \
                 familiar with the plans."
            ),
            &format!("{STORY}Ferry crews have already asked for berths."),
        );
        assert!(
            found.iter().any(|c| c.0 == AttributionChangeKind::Dropped),
            "{found:?}"
        );
        let found = changes(
            &format!("{STORY}The harbour master toured the quay and said the storm had passed."),
            &format!("{STORY}The harbour master toured the quay and the storm had passed."),
        );
        assert!(
            found.iter().any(|c| c.0 == AttributionChangeKind::Dropped),
            "{found:?}"
        );
    }

    #[test]
    fn a_source_quoted_as_saying_is_not_dropped() {
        let found = changes(
            &format!("{STORY}He told the radio he swam to the bank before a boat picked him up."),
            &format!(
                "{STORY}The radio quoted him as saying that he swam to the bank before he was \
                 picked up by a boat."
            ),
        );
        assert!(
            found.iter().all(|c| c.0 != AttributionChangeKind::Dropped),
            "{found:?}"
        );
    }

    #[test]
    fn a_long_cut_passage_names_only_its_attribution() {
        assert_eq!(
            attribution_at_end(
                "The second slide came at dawn as crews searched for the missing climbers, state \
                 radio reported, adding that"
            ),
            "state radio reported, adding that"
        );
        let unnamed = "the engineer, who asked not to be named, said the";
        assert_eq!(attribution_at_end(unnamed), unnamed);
    }

    #[test]
    fn a_verb_of_saying_swapped_in_a_bulleted_paragraph_is_found() {
        let bullets = |verb: &str| {
            format!(
                "{STORY}\n\n• The mayor {verb} the old pier will reopen to ferries in May.\n\
                 • Crews will start on the new pilings next week."
            )
        };
        let c = original_and_copy(&bullets("said"), &bullets("claimed"));
        let article = &c.articles[0];
        assert!(
            article
                .sentences
                .iter()
                .any(|s| s.role == crate::article::Role::ListItem),
            "the bullets are list items"
        );
        let found: Vec<_> = c
            .attribution_changes
            .iter()
            .map(|x| (x.kind, x.from.as_str(), x.to.as_str()))
            .collect();
        assert_eq!(found, [(AttributionChangeKind::Verb, "said", "claimed")]);
    }

    #[test]
    fn a_dropped_source_is_found() {
        let found = changes(
            &format!("{STORY}At least 1,200 homes were flooded, health officials said."),
            &format!("{STORY}At least 1,200 homes were flooded."),
        );
        assert_eq!(
            found,
            [(
                AttributionChangeKind::Dropped,
                "health officials said".to_owned(),
                String::new()
            )]
        );
    }

    #[test]
    fn a_long_source_named_after_according_to_and_cut_is_dropped() {
        let said = "Ferry fares will rise by a fifth next year, according to a briefing paper \
                    drawn up by the island council's transport committee.";
        let found = changes(
            &format!("{STORY}{said}"),
            &format!("{STORY}Ferry fares will rise by a fifth next year."),
        );
        assert_eq!(
            found,
            [(
                AttributionChangeKind::Dropped,
                "according to a briefing paper drawn up by the island council's transport \
                 committee"
                    .to_owned(),
                String::new()
            )]
        );
        // A rule after "according to" names no source.
        let ruled = "Ferry fares will rise by a fifth next year, according to the rules set out \
                     in the island council's transport charter.";
        let found = changes(
            &format!("{STORY}{ruled}"),
            &format!("{STORY}Ferry fares will rise by a fifth next year."),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_source_dropped_with_a_changed_figure_is_found() {
        let found = changes(
            &format!(
                "{STORY}County health officials said on Tuesday that at least 1,240 homes along \
                 the lower valley were flooded, most of them for the second time in a decade."
            ),
            &format!(
                "{STORY}More than 1,300 homes along the lower valley were flooded, most of them \
                 for the second time in a decade."
            ),
        );
        assert_eq!(
            found,
            [(
                AttributionChangeKind::Dropped,
                "county health officials said on tuesday that at least 1,240".to_owned(),
                "more than 1,300".to_owned()
            )]
        );
    }

    #[test]
    fn a_changed_verb_of_saying_and_a_changed_source_are_found() {
        let verb = changes(
            &format!("{STORY}The dam was safe, the water board said on Tuesday."),
            &format!("{STORY}The dam was safe, the water board claimed on Tuesday."),
        );
        assert_eq!(
            verb,
            [(
                AttributionChangeKind::Verb,
                "said".to_owned(),
                "claimed".to_owned()
            )]
        );
        let source = changes(
            &format!("{STORY}The dam was safe, the water board said on Tuesday."),
            &format!("{STORY}The dam was safe, the regional governor said on Tuesday."),
        );
        assert_eq!(source.len(), 1, "{source:?}");
        assert_eq!(source[0].0, AttributionChangeKind::Source);
    }

    #[test]
    fn a_verb_of_saying_swapped_inside_a_longer_rewording_is_found() {
        let cases = [
            // Beside a passage cut from the quote.
            (
                "“The levee will hold through the weekend, and the worst of the flooding is \
                 behind us now,” said the mayor of the town.",
                "“The levee will hold,” claimed the mayor of the town.",
            ),
            // After a quote reworded around a word both keep.
            (
                "“The future of the valley, and just the strength of the people here right now, \
                 is so great,” said the 60-year-old mayor.",
                "“The future of the valley is so bright,” claimed the 60-year-old mayor.",
            ),
        ];
        for (original, copy) in cases {
            let found = changes(&format!("{STORY}{original}"), &format!("{STORY}{copy}"));
            let verb = (
                AttributionChangeKind::Verb,
                "said".to_owned(),
                "claimed".to_owned(),
            );
            assert_eq!(found, [verb], "{copy}");
        }
    }

    #[test]
    fn a_passive_made_active_with_a_new_agent_is_found() {
        let found = changes(
            &format!("{STORY}Two farm workers were killed near the old mill on Monday."),
            &format!("{STORY}Floodwaters killed two farm workers near the old mill on Monday."),
        );
        assert!(
            found.contains(&(
                AttributionChangeKind::NewAgent,
                "were killed".to_owned(),
                "floodwaters killed".to_owned()
            )),
            "{found:?}"
        );
    }

    #[test]
    fn an_active_sentence_made_passive_without_its_agent_is_an_agent_cut() {
        for (original, copy, cut) in [
            (
                "Police shot a man near the old mill on Monday.",
                "A man was shot near the old mill on Monday.",
                ("police shot", "was shot"),
            ),
            (
                "Officers fired rubber bullets at the crowd outside the mill.",
                "Rubber bullets were fired at the crowd outside the mill.",
                ("officers fired", "were fired"),
            ),
        ] {
            let found = changes(&format!("{STORY}{original}"), &format!("{STORY}{copy}"));
            let cut = (
                AttributionChangeKind::AgentCut,
                cut.0.to_owned(),
                cut.1.to_owned(),
            );
            assert_eq!(found, [cut], "{copy}");
        }
        // A perfect is no agent acting.
        let found = changes(
            &format!("{STORY}They hadn’t entered the old mill on Monday."),
            &format!("{STORY}The old mill was entered on Monday."),
        );
        assert_eq!(found, [], "{found:?}");
        // The agent kept after "by" is no cut.
        let found = changes(
            &format!("{STORY}Police shot a man near the old mill on Monday."),
            &format!("{STORY}A man was shot by police near the old mill on Monday."),
        );
        assert_eq!(found, [], "{found:?}");
    }

    #[test]
    fn an_agent_in_one_version_only_is_told_alike_in_either_order() {
        use crate::article::Format;
        use crate::compare::{Options, compare};
        let active = format!("{STORY}Police shot a man near the old mill on Monday.");
        let passive = format!("{STORY}A man was shot near the old mill on Monday.");
        for order in [[&active, &passive], [&passive, &active]] {
            let articles = order
                .iter()
                .enumerate()
                .map(|(i, text)| Article::from_text(format!("v{i}"), "v.txt", *text, Format::Text))
                .collect();
            let found = compare(articles, &Options::default()).attribution_changes;
            let told: Vec<(&str, &str, &str)> = found
                .iter()
                .map(|x| (x.label(), x.from.as_str(), x.to.as_str()))
                .collect();
            assert_eq!(
                told,
                [("agent in one version only", "police shot", "was shot")]
            );
        }
    }

    #[test]
    fn a_participle_read_another_way_has_no_new_agent() {
        for (a, b) in [
            // An adverb between auxiliary and participle: still a passive.
            (
                "The new method can be used to measure the depth of the lake.",
                "The new method is often used to measure the depth of the lake.",
            ),
            (
                "The old rules, which are referred to as the harbour code, still apply.",
                "The old rules, usually referred to as the harbour code, still apply.",
            ),
            // A participle describing a noun: the passive's subject is not its object.
            (
                "The crews climbed the hill, which is called the Lookout, at dawn.",
                "The crews climbed at dawn to a summit called the Lookout.",
            ),
            // A clause written before a kept participle: no short agent.
            (
                "The old harbour is divided into two basins by a stone wall built in 1890.",
                "Engineers who surveyed it last winter found everything divided into two basins \
                 by a stone wall built in 1890.",
            ),
        ] {
            let found = changes(&format!("{STORY}{a}"), &format!("{STORY}{b}"));
            assert!(
                !found
                    .iter()
                    .any(|(kind, ..)| *kind == AttributionChangeKind::NewAgent),
                "{b}: {found:?}"
            );
        }
    }

    #[test]
    fn a_long_attribution_cut_outright_is_a_dropped_source() {
        let found = changes(
            &format!(
                "{STORY}The engineer, who asked not to be named because the survey is not yet \
                 public, said the harbour would reopen in May."
            ),
            &format!("{STORY}The harbour would reopen in May."),
        );
        assert!(
            found
                .iter()
                .any(|(kind, from, _)| *kind == AttributionChangeKind::Dropped
                    && from.contains("said")),
            "{found:?}"
        );
    }

    #[test]
    fn a_long_passage_cut_with_what_its_verb_said_drops_no_source() {
        let found = changes(
            &format!(
                "{STORY}The pier burned for hours, and the harbour board has declared three days \
                 of mourning for the town."
            ),
            &format!("{STORY}The pier burned for hours."),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_verb_replaced_beside_a_kept_source_drops_no_source() {
        let found = changes(
            &format!("{STORY}The gates were shut according to the harbour rules."),
            &format!("{STORY}The gates were shut under the harbour rules."),
        );
        assert!(found.is_empty(), "{found:?}");
        let found = changes(
            &format!("{STORY}The gates were shut, according to the harbour master."),
            &format!("{STORY}The gates were shut."),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, AttributionChangeKind::Dropped);
    }

    #[test]
    fn a_verb_of_saying_in_another_tense_or_form_is_no_change() {
        for verb in ["says", "saith"] {
            let found = changes(
                &format!("{STORY}The dam was safe, the water board said on Tuesday."),
                &format!("{STORY}The dam was safe, the water board {verb} on Tuesday."),
            );
            assert!(found.is_empty(), "{verb}: {found:?}");
        }
    }

    #[test]
    fn words_ending_a_clause_before_the_verb_name_no_source_but_an_apposition_does() {
        let found = changes(
            &format!(
                "{STORY}The guard, who waved to the crowd to be quiet, said the gates would open."
            ),
            &format!(
                "{STORY}The guard, who waved to the crowd to keep still, said the gates would open."
            ),
        );
        assert!(found.is_empty(), "{found:?}");
        let found = changes(
            &format!("{STORY}Ali Demir, the harbour master, said the gates would open."),
            &format!("{STORY}Ali Demir, the port captain, said the gates would open."),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, AttributionChangeKind::Source);
    }

    #[test]
    fn writing_in_another_tense_keeps_the_writer() {
        let found = changes(
            &format!("{STORY}The clerk wrote these careful minutes for the volunteers."),
            &format!("{STORY}The clerk writes minutes for the volunteers."),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn according_to_a_clause_names_no_source() {
        let found = changes(
            &format!("{STORY}Each family pays according to what the fields yield each year."),
            &format!("{STORY}Each family pays according to how large the harvest is each year."),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn telling_is_saying() {
        let found = changes(
            &format!("{STORY}The dam was safe, the water board said on Tuesday."),
            &format!("{STORY}The dam was safe, the water board told reporters on Tuesday."),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_source_that_says_in_the_present_is_dropped_with_its_verb() {
        let found = changes(
            &format!("{STORY}Police say twelve people were killed in the village of Arden."),
            &format!("{STORY}Twelve people were killed in the village of Arden."),
        );
        assert_eq!(
            found,
            [(
                AttributionChangeKind::Dropped,
                "police say".to_owned(),
                String::new()
            )]
        );
    }

    #[test]
    fn a_verb_of_speech_in_the_replacing_words_keeps_the_speaker() {
        let found = changes(
            &format!(
                "{STORY}The harbour master spun about on the quay and said, \"Who moved the \
                 boats?\""
            ),
            &format!(
                "{STORY}The harbour master turned round in the crowd and asked, \"Who moved the \
                 boats?\""
            ),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn added_to_and_a_bare_passive_name_no_source() {
        for (original, copy) in [
            (
                "Prices rose at the market and the frost added to losses.",
                "Prices rose at the market.",
            ),
            (
                "The council met at the mill, and the plan was revealed.",
                "The council met at the mill.",
            ),
        ] {
            let found = changes(&format!("{STORY}{original}"), &format!("{STORY}{copy}"));
            assert!(found.is_empty(), "{original}: {found:?}");
        }
    }

    #[test]
    fn an_attribution_kept_with_another_part_of_a_split_sentence_is_not_dropped() {
        let original = format!(
            "{STORY}Police said the road was closed at noon. Police said the driver had been \
            trapped in the cab for more than an hour, and firefighters cut him free with \
            hydraulic shears."
        );
        let split = |speaker: &str| {
            format!(
                "{STORY}Police said the road was closed at noon. The driver had been trapped in \
                the cab for more than an hour. Firefighters cut him free with hydraulic shears, \
                {speaker} said."
            )
        };
        let found = changes(&original, &split("police"));
        assert!(found.is_empty(), "{found:?}");
        // Another speaker in the other part: the police's attribution is gone.
        let found = changes(&original, &split("the mayor"));
        assert!(
            found
                .iter()
                .any(|c| c.0 == AttributionChangeKind::Dropped && c.1 == "police said"),
            "{found:?}"
        );
    }

    #[test]
    fn according_to_a_rule_or_according_as_names_no_source() {
        for (original, copy) in [
            (
                "The ferry left the harbour at noon according to the schedule.",
                "The ferry left the harbour at noon.",
            ),
            (
                "Each farm pays for the new dyke according as it earns.",
                "Each farm pays for the new dyke as it earns.",
            ),
        ] {
            let found = changes(&format!("{STORY}{original}"), &format!("{STORY}{copy}"));
            assert!(found.is_empty(), "{original}: {found:?}");
        }
        let found = changes(
            &format!("{STORY}The ferry left the harbour at noon according to the harbour master."),
            &format!("{STORY}The ferry left the harbour at noon."),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, AttributionChangeKind::Dropped);
    }

    #[test]
    fn words_before_a_kept_source_reworded_round_according_to_drop_no_source() {
        let found = changes(
            &format!("{STORY}The boats that sail according to the tide tables came in late."),
            &format!("{STORY}The boats that keep to the tide tables came in late."),
        );
        assert!(found.is_empty(), "{found:?}");
        // What it named replaced too is a change of source.
        let found = changes(
            &format!("{STORY}The ferry came in late, according to the harbour master."),
            &format!("{STORY}The ferry came in late, the crew admitted."),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, AttributionChangeKind::Source);
    }

    #[test]
    fn words_before_according_to_are_not_its_source() {
        let found = changes(
            &format!("{STORY}Rents are shared by each tenant according to the lease."),
            &format!("{STORY}Rents are shared by every family according to the lease."),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn an_unchanged_attribution_is_no_change() {
        let found = changes(
            &format!("{STORY}Officials said 40 roads were closed."),
            &format!("{STORY}Officials said 40 roads were shut."),
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
