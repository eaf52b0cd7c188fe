//! The result of a comparison: the data every view and report is drawn from.
//!
//! Everything here is plain data (serialisable, no behaviour beyond small accessors), computed
//! once by [`crate::compare::compare`] so that no view ever recomputes it.

use serde::{Deserialize, Serialize};

use crate::article::Article;

/// A sentence of one article: `(article index, sentence index)`, serialised as `[a, s]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct SentenceRef {
    /// Index of the article in [`Comparison::articles`].
    pub article: usize,
    /// Index of the sentence in that article's [`Article::sentences`].
    pub sentence: usize,
}

impl SentenceRef {
    /// A reference to sentence `sentence` of article `article`.
    pub const fn new(article: usize, sentence: usize) -> Self {
        SentenceRef { article, sentence }
    }
}

impl From<(usize, usize)> for SentenceRef {
    fn from((article, sentence): (usize, usize)) -> Self {
        SentenceRef { article, sentence }
    }
}

impl From<SentenceRef> for (usize, usize) {
    fn from(r: SentenceRef) -> Self {
        (r.article, r.sentence)
    }
}

/// How two linked sentences relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// The same words once normalised (case, quotes, dashes, punctuation, spelling variants).
    Identical,
    /// The same sentence reused with words swapped, added or cut.
    Reworded,
}

/// One run of a word-level diff between two linked sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EditOp {
    /// The same words on both sides.
    Equal,
    /// Words only in `a` (cut in `b`).
    Delete,
    /// Words only in `b` (added in `b`).
    Insert,
    /// Words in `a` replaced by other words in `b`.
    Replace,
}

/// A run of the word diff: byte ranges into the texts of the link's two articles.
///
/// A `Delete` has an empty `b` range at the place the words would be, an `Insert` an empty `a`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edit {
    /// What happened to this run.
    pub op: EditOp,
    /// `[start, end)` in article `a`'s text.
    pub a: (usize, usize),
    /// `[start, end)` in article `b`'s text.
    pub b: (usize, usize),
}

/// A correspondence between two sentences of different articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The sentence in the article with the lower index.
    pub a: SentenceRef,
    /// The sentence in the article with the higher index.
    pub b: SentenceRef,
    /// Identical or reworded.
    pub kind: LinkKind,
    /// How much of the two sentences' wording is shared, from 0 to 1.
    pub similarity: f32,
    /// The word-level diff from `a` to `b`, covering both sentences completely.
    pub edits: Vec<Edit>,
}

impl Link {
    /// The other end of the link, seen from `from` (which must be one of its ends).
    pub fn other(&self, from: SentenceRef) -> SentenceRef {
        if self.a == from { self.b } else { self.a }
    }
}

/// What a sentence is, seen across all articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Carried word for word (once normalised) by at least one other article.
    Identical,
    /// Carried by other articles, but only with changed wording.
    Reworded,
    /// Found in no other article.
    Unique,
}

/// A cluster of sentences linked (directly or through each other) across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The sentences of the cluster, ordered by article then sentence.
    pub members: Vec<SentenceRef>,
    /// `identical` when every link inside the group is identical, else `reworded`.
    pub kind: LinkKind,
    /// In how many distinct articles the group has a sentence.
    pub articles: usize,
}

/// Per-sentence facts, indexed like the articles' sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceInfo {
    /// Identical, reworded or unique.
    pub status: Status,
    /// The group the sentence belongs to, if it is linked at all.
    pub group: Option<usize>,
    /// Indices into [`Comparison::links`] of the links that touch this sentence.
    pub links: Vec<usize>,
    /// In how many of the articles this sentence appears: itself and the articles it has a
    /// direct link to (1 for unique sentences).
    pub shared_by: usize,
}

/// Why a substitution matters, from most to least consequential (the order they are ranked in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubstitutionKind {
    /// A different verb of saying ("said" → "claimed"): how far the source is believed.
    Attribution,
    /// A loaded word swapped ("protesters" → "rioters").
    Framing,
    /// A different speaker or actor ("police" → "officials").
    Agent,
    /// Other words of substance.
    Content,
    /// Only function words or inflections (tense, articles, prepositions).
    Function,
    /// A figure or unit written differently ("26" → "33", "miles" → "kilometres"): reported as a
    /// figure, listed here below the word swaps.
    Figure,
    /// Words the word diff paired that play different roles (a figure against a verb, a phrase
    /// against another phrase moved from elsewhere in the sentence): probably not a swap.
    Pairing,
    /// Words added where the other article has none.
    Addition,
    /// Words cut that the other article has.
    Cut,
    /// One name written two ways by house style ("Mideast" → "Middle East").
    HouseStyle,
}

impl SubstitutionKind {
    /// A short name for lists and reports.
    pub fn label(self) -> &'static str {
        match self {
            SubstitutionKind::Attribution => "attribution",
            SubstitutionKind::Framing => "framing",
            SubstitutionKind::Agent => "agent",
            SubstitutionKind::Content => "content",
            SubstitutionKind::Function => "grammar",
            SubstitutionKind::Figure => "figure",
            SubstitutionKind::Pairing => "loose pairing",
            SubstitutionKind::Addition => "added",
            SubstitutionKind::Cut => "cut",
            SubstitutionKind::HouseStyle => "house style",
        }
    }
}

/// A word or phrase one article uses where another has different words, aggregated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Substitution {
    /// Article whose wording is `from`.
    pub a: usize,
    /// Article whose wording is `to`.
    pub b: usize,
    /// The wording in `a` (empty when `b` added words).
    pub from: String,
    /// The wording in `b` (empty when `b` cut words).
    pub to: String,
    /// How many times the change occurs between these two articles.
    pub count: usize,
    /// Why it matters (substitutions are ranked by kind first).
    pub kind: SubstitutionKind,
    /// Whether a word on either side carries a judgement ("embattled", "regime").
    pub loaded: bool,
    /// How many article pairs make the same change (either way round): a swap several outlets
    /// make ranks above a one-off.
    pub spread: usize,
    /// Where it occurs: the linked sentence pairs.
    pub occurrences: Vec<(SentenceRef, SentenceRef)>,
    /// Whether `a` is known to be the original and `b` its copy (see [`Comparison::lineage`]);
    /// when not, the two only differ, and `a` is the one first in content order.
    #[serde(default)]
    pub directed: bool,
}

impl Substitution {
    /// The same change seen from the other side: `a` and `b`, `from` and `to` swapped, words
    /// added becoming words cut.
    pub fn swap_sides(&mut self) {
        std::mem::swap(&mut self.a, &mut self.b);
        std::mem::swap(&mut self.from, &mut self.to);
        for (x, y) in &mut self.occurrences {
            std::mem::swap(x, y);
        }
        self.kind = match self.kind {
            SubstitutionKind::Addition => SubstitutionKind::Cut,
            SubstitutionKind::Cut => SubstitutionKind::Addition,
            other => other,
        };
    }
}

/// How a quotation was altered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteChangeKind {
    /// Words inserted in square brackets ("[the army] will stay").
    Bracketed,
    /// Words of substance replaced (or replaced and cut or added).
    Reworded,
    /// Only the tense or another inflection changed ("will" → "would", "is" → "was").
    Tense,
    /// Words cut where the other quotation marks the cut with an ellipsis ("rely on ...
    /// without"), nothing else: an elision the copy owns up to.
    Elided,
    /// Words cut from the quotation, nothing else.
    Cut,
    /// Words added to the quotation, nothing else.
    Added,
}

impl QuoteChangeKind {
    /// A short name for lists and reports.
    pub fn label(self) -> &'static str {
        match self {
            QuoteChangeKind::Bracketed => "words inserted in brackets",
            QuoteChangeKind::Reworded => "words changed",
            QuoteChangeKind::Tense => "tense changed",
            QuoteChangeKind::Elided => "words cut, marked …",
            QuoteChangeKind::Cut => "words cut",
            QuoteChangeKind::Added => "words added",
        }
    }
}

/// One run of words that differs between two quotations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteEdit {
    /// The words in the quotation of `a` (empty: added in `b`).
    pub a: String,
    /// The words in the quotation of `b` (empty: cut in `b`).
    pub b: String,
}

impl QuoteEdit {
    /// The run as "old → new", "(nothing)" standing for an empty side.
    pub fn describe(&self) -> String {
        let side = |w: &str| {
            if w.is_empty() {
                "(nothing)".to_owned()
            } else {
                w.to_owned()
            }
        };
        format!("{} → {}", side(&self.a), side(&self.b))
    }
}

/// Quoted words that differ between two linked sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteChange {
    /// The sentence quoting in one way.
    pub a: SentenceRef,
    /// The linked sentence quoting differently.
    pub b: SentenceRef,
    /// The quoted words in `a`.
    pub a_quote: String,
    /// The quoted words in `b`.
    pub b_quote: String,
    /// What was done to the quotation.
    pub kind: QuoteChangeKind,
    /// The words that differ, run by run (spelling, hyphenation and punctuation never do).
    pub edits: Vec<QuoteEdit>,
    /// Whether `a` is known to be in the original and `b` in its copy; when not, the two quotes
    /// only differ.
    #[serde(default)]
    pub directed: bool,
}

impl QuoteChange {
    /// The same change seen from the other side: `a` and `b` swapped, words cut becoming words
    /// added.
    pub fn swap_sides(&mut self) {
        std::mem::swap(&mut self.a, &mut self.b);
        std::mem::swap(&mut self.a_quote, &mut self.b_quote);
        for edit in &mut self.edits {
            std::mem::swap(&mut edit.a, &mut edit.b);
        }
        self.kind = match self.kind {
            QuoteChangeKind::Cut => QuoteChangeKind::Added,
            QuoteChangeKind::Added => QuoteChangeKind::Cut,
            other => other,
        };
    }
}

/// One article's wording of a figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// The article.
    pub article: usize,
    /// The sentence the figure is in.
    pub sentence: usize,
    /// The figure with the words around it, as written ("more than 40,000 people").
    pub text: String,
    /// The figure's value, when it could be read as a number (scale words applied: "$2bn" is
    /// 2e9).
    pub value: Option<f64>,
    /// The second number of a score or range written with a dash ("6-3", "10-15"), which
    /// `value` begins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second: Option<f64>,
    /// What the figure is measured in, when it says: a currency code ("USD", "CHF"), "percent"
    /// or a unit ("km", "years"). Figures in different units are never compared, spans of
    /// time aside (compared in days).
    pub unit: Option<String>,
    /// How the figure is qualified ("more than 40,000" is a lower bound).
    pub bound: Bound,
}

impl NumberMention {
    /// The figure's value as a reader sees it: "2000000000", or "6–3" for a score or range.
    pub fn value_text(&self) -> Option<String> {
        let value = self.value?;
        Some(match self.second {
            Some(second) => format!("{value}–{second}"),
            None => value.to_string(),
        })
    }
}

/// How a figure is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// As written ("23 people").
    #[default]
    Exact,
    /// Approximate ("about", "some").
    About,
    /// Approximate and just under ("nearly", "almost").
    Nearly,
    /// A lower bound ("at least", "more than", "over").
    AtLeast,
    /// An upper bound ("up to", "less than", "under").
    AtMost,
}

/// Whether the figures of a fact contradict each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// Figures that cannot all be true ("12 rescue workers" and "23 rescue workers").
    Conflict,
    /// Figures that agree but are given with different precision ("more than one million" and
    /// "more than 1.3 million").
    Precision,
}

/// Where the figures of a fact were found to be one quantity.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FactBasis {
    /// In linked sentences (or nearly identical ones): one version's wording of another's
    /// figure, so a difference is a changed figure.
    #[default]
    Linked,
    /// Only in sentences that are not linked but count the same thing about the same subject:
    /// what separate reports say, with no direction between them.
    Unlinked,
}

/// A quantity that articles report with different figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberFact {
    /// A short description of what is counted, taken from the shared wording.
    pub fact: String,
    /// A conflict, or figures that only differ in precision (ranked after conflicts).
    pub kind: FactKind,
    /// Whether the figures were matched through linked sentences or across unlinked ones.
    #[serde(default)]
    pub basis: FactBasis,
    /// Every article's mention of it.
    pub mentions: Vec<NumberMention>,
}

impl NumberFact {
    /// What the reports say beside the fact's label, if anything: "agree, with different
    /// precision", and for figures matched across unlinked sentences, that they are separate
    /// reports (no version changed the other's figure, so no direction is given).
    pub fn note(&self) -> Option<&'static str> {
        match (self.basis, self.kind) {
            (FactBasis::Linked, FactKind::Conflict) => None,
            (FactBasis::Linked, FactKind::Precision) => Some("agree, with different precision"),
            (FactBasis::Unlinked, FactKind::Conflict) => {
                Some("separate reports give different figures")
            }
            (FactBasis::Unlinked, FactKind::Precision) => {
                Some("separate reports agree, with different precision")
            }
        }
    }
}

/// Content most articles carry that one article lacks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Omission {
    /// The article that lacks the content.
    pub article: usize,
    /// The group of sentences the others share.
    pub group: usize,
    /// The articles that carry it.
    pub present_in: Vec<usize>,
    /// A representative wording of the content.
    pub text: String,
}

/// What a copy cut from its original, or added to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PassageKind {
    /// A whole sentence with no counterpart in the other version.
    Sentence,
    /// A clause (several words) of a sentence both versions carry.
    Clause,
}

impl PassageKind {
    /// What the passage is, for lists and reports: "sentence" or "clause", and whether it
    /// names a claim's source ("sentence, names a source").
    pub fn describe(self, names_a_source: bool) -> &'static str {
        match (self, names_a_source) {
            (PassageKind::Sentence, false) => "sentence",
            (PassageKind::Sentence, true) => "sentence, names a source",
            (PassageKind::Clause, false) => "clause",
            (PassageKind::Clause, true) => "clause, names a source",
        }
    }
}

/// Something a copy cut from its original, along the version tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cut {
    /// The original's sentence the words were cut from.
    pub original: SentenceRef,
    /// The copy that lacks them.
    pub copy: usize,
    /// The copy's sentence that kept the rest (for a cut clause).
    pub kept_in: Option<SentenceRef>,
    /// A whole sentence or a clause.
    pub kind: PassageKind,
    /// The words cut.
    pub text: String,
    /// Whether the words cut say who a claim comes from ("the interior ministry said").
    pub attribution: bool,
}

impl Cut {
    /// What was cut, for lists and reports (see [`PassageKind::describe`]).
    pub fn describe(&self) -> &'static str {
        self.kind.describe(self.attribution)
    }
}

/// Something a copy added to what it took from its original, along the version tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Addition {
    /// The copy's sentence the words were added in.
    pub copy: SentenceRef,
    /// The original that lacks them.
    pub original: usize,
    /// The original's sentence the copy's is a version of (for an added clause).
    pub added_to: Option<SentenceRef>,
    /// A whole sentence or a clause.
    pub kind: PassageKind,
    /// The words added.
    pub text: String,
    /// Whether they name a claim's source ("the interior ministry said").
    pub attribution: bool,
}

impl Addition {
    /// What was added, for lists and reports (see [`PassageKind::describe`]).
    pub fn describe(&self) -> &'static str {
        self.kind.describe(self.attribution)
    }
}

/// How the source of a claim was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionChangeKind {
    /// The source was cut: the claim now stands as fact ("officials said 1,200 were killed" →
    /// "1,200 were killed").
    Dropped,
    /// A different source is named ("the ministry said" → "the army said").
    Source,
    /// A different verb of saying ("said" → "claimed").
    Verb,
    /// A passive sentence made active with an agent the original did not name ("1,200 were
    /// killed" → "troops killed 1,200").
    NewAgent,
    /// An active sentence made passive without its agent ("police shot a man" → "a man was
    /// shot"): who did it is no longer said.
    AgentCut,
}

impl AttributionChangeKind {
    /// A short name for lists and reports.
    pub fn label(self) -> &'static str {
        match self {
            AttributionChangeKind::Dropped => "source dropped",
            AttributionChangeKind::Source => "source changed",
            AttributionChangeKind::Verb => "verb of saying changed",
            AttributionChangeKind::NewAgent => "agent added",
            AttributionChangeKind::AgentCut => "agent cut",
        }
    }
}

/// A claim whose attribution differs between linked sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionChange {
    /// The sentence with the attribution as first written (the original's, when directed).
    pub a: SentenceRef,
    /// The linked sentence with it changed.
    pub b: SentenceRef,
    /// What was done to the attribution.
    pub kind: AttributionChangeKind,
    /// The attribution in `a` (empty: none).
    pub from: String,
    /// The attribution in `b` (empty: dropped).
    pub to: String,
    /// Whether `a` is known to be the original and `b` its copy.
    pub directed: bool,
}

impl AttributionChange {
    /// A short name for lists and reports: the kind's, except that where which came first is
    /// undetermined a source or an agent one side names and the other lacks was not "dropped"
    /// or "cut" by anyone.
    pub fn label(&self) -> &'static str {
        match (self.kind, self.directed) {
            (AttributionChangeKind::Dropped, false) => "source in one version only",
            (AttributionChangeKind::AgentCut, false) => "agent in one version only",
            (kind, _) => kind.label(),
        }
    }
}

/// What kind of change a key change is, from most to least consequential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyChangeKind {
    /// Words of a quotation changed.
    Quote,
    /// A figure changed.
    Figure,
    /// A claim's source dropped or changed.
    Attribution,
    /// A framing, attribution or agent word swapped.
    Framing,
    /// A sentence cut.
    Cut,
    /// A sentence added.
    Addition,
}

impl KeyChangeKind {
    /// A short name for lists and reports.
    pub fn label(self) -> &'static str {
        match self {
            KeyChangeKind::Quote => "quote altered",
            KeyChangeKind::Figure => "figure changed",
            KeyChangeKind::Attribution => "attribution",
            KeyChangeKind::Framing => "framing",
            KeyChangeKind::Cut => "sentence cut",
            KeyChangeKind::Addition => "sentence added",
        }
    }
}

/// One of a copy's most consequential changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyChange {
    /// What kind of change.
    pub kind: KeyChangeKind,
    /// The change in a few words ("said → claimed", "240 million → 310 million").
    pub summary: String,
    /// The sentences it is about: the original's first, then the copy's.
    pub at: Vec<SentenceRef>,
}

/// A copy's most consequential changes against its original, most consequential first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyChanges {
    /// The copy.
    pub copy: usize,
    /// Its original along the version tree.
    pub original: usize,
    /// Whether the direction is known (else the two only differ).
    pub directed: bool,
    /// At most a handful, ranked.
    pub changes: Vec<KeyChange>,
}

/// A kind of evidence on which version of a tree edge is the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Clue {
    /// The original was published earlier (page metadata).
    Published,
    /// The original carries an agency credit or dateline ("(AP) —", "— Reuters") the copy lacks.
    AgencyCredit,
    /// The original opens with a wire dateline ("ANKARA, Turkey —") the copy dropped.
    Dateline,
    /// The copy gives a higher count of the dead or hurt: a later update of the story.
    RisingToll,
    /// The copy expands the original's sentences and adds material among them (a write-through
    /// of a first take).
    Expanded,
    /// The copy is a trimmed version of the original (mostly contained in it).
    Trimmed,
    /// The copy adds passages found in no other version, while the original's text is carried
    /// on by other copies.
    AddsMaterial,
    /// Where the two differ, other versions carry the original's wording word for word.
    SharedWording,
    /// The original is known to be the copy of a third version, and a version has one original
    /// (weighed only with other evidence leaning the same way).
    CopyElsewhere,
}

impl Clue {
    /// A short name for lists and reports.
    pub fn label(self) -> &'static str {
        match self {
            Clue::Published => "published earlier",
            Clue::AgencyCredit => "agency credit",
            Clue::Dateline => "wire dateline",
            Clue::RisingToll => "copy has the later, higher toll",
            Clue::Expanded => "expanded",
            Clue::Trimmed => "trimmed",
            Clue::AddsMaterial => "copy adds its own material",
            Clue::SharedWording => "other versions keep its wording",
            Clue::CopyElsewhere => "it copies a third version",
        }
    }
}

/// One edge of the version tree with its direction: `copy` descends from `original`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Descent {
    /// The version the other was made from (when `known`).
    pub original: usize,
    /// The version made from it (when `known`).
    pub copy: usize,
    /// Whether the direction is known. When not, `original` and `copy` only name the edge's two
    /// ends (the first in content order first) and the changes along it "differ".
    pub known: bool,
    /// How sure the direction is, 0–1 (below the bar it is not `known`).
    pub confidence: f32,
    /// How much of the smaller version's text the two share (0–1).
    pub shared: f32,
    /// What pointed the way (for a known direction).
    pub clues: Vec<Clue>,
}

impl Descent {
    /// The edge's end that is not `article` (`article` is one of its ends).
    pub fn other_end(&self, article: usize) -> usize {
        if self.original == article {
            self.copy
        } else {
            self.original
        }
    }
}

/// Shares of one article's text (by characters) that are identical, reworded and unique.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct ArticleStats {
    /// Characters in the article's sentences.
    pub chars: usize,
    /// Share (0–1) of the characters in sentences identical to another article's.
    pub identical: f32,
    /// Share (0–1) of the characters in reworded sentences.
    pub reworded: f32,
    /// Share (0–1) of the characters in sentences found nowhere else.
    pub unique: f32,
}

/// "Article `derived` looks derived from article `source`": an edge of the lineage whose
/// direction is known.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Derivation {
    /// The copy.
    pub derived: usize,
    /// Its original.
    pub source: usize,
    /// Share of `derived`'s characters that are linked to `source`.
    pub containment: f32,
}

/// Where an article sits in the version tree (see [`Comparison::versions`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// The version this article is closest to, on the way to its tree's root; `None` for a
    /// root (the most central version of a story, or the original it was known to be copied
    /// from) or an article that is no version of another.
    pub closest: Option<usize>,
    /// How sure the tree is of that edge: the share (0–1) of the smaller article's text the two
    /// have in common (0 for a root).
    pub shared: f32,
    /// Which story the article belongs to: articles with the same number are versions of one
    /// story (numbered in order of their first article).
    pub story: usize,
}

/// Whole-comparison statistics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Stats {
    /// Per article, in article order.
    pub articles: Vec<ArticleStats>,
    /// `overlap[i][j]`: share of article `i`'s characters in sentences linked to article `j`
    /// (1 on the diagonal).
    pub overlap: Vec<Vec<f32>>,
    /// The known directions of [`Comparison::lineage`], as "derived from" pairs.
    pub derivations: Vec<Derivation>,
}

/// Everything Parallax knows about a set of articles once they are compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The articles, in the order they were given.
    pub articles: Vec<Article>,
    /// The settings the comparison ran with.
    pub options: super::Options,
    /// Per article, its place in the version tree: which versions of one story each is closest
    /// to. Above 50 articles (without `all_pairs`) links are found along this tree only.
    pub versions: Vec<Version>,
    /// Sentence correspondences between articles, ordered by `(a, b)`.
    pub links: Vec<Link>,
    /// Clusters of linked sentences.
    pub groups: Vec<Group>,
    /// Per article, per sentence: status, group and links.
    pub sentences: Vec<Vec<SentenceInfo>>,
    /// Replaced words and phrases between linked sentences, aggregated per article pair.
    pub substitutions: Vec<Substitution>,
    /// Quotations whose words differ between linked sentences.
    pub quote_changes: Vec<QuoteChange>,
    /// Quantities reported with different figures.
    pub numbers: Vec<NumberFact>,
    /// Content most articles share that one lacks.
    pub omissions: Vec<Omission>,
    /// Shares, overlap matrix and derivations.
    pub stats: Stats,
    /// The version tree's edges with their direction: who copied whom.
    pub lineage: Vec<Descent>,
    /// What each copy cut from its original, along the tree.
    pub cuts: Vec<Cut>,
    /// What each copy added to what it took from its original, along the tree.
    #[serde(default)]
    pub additions: Vec<Addition>,
    /// Claims whose source was dropped or changed between linked sentences.
    pub attribution_changes: Vec<AttributionChange>,
    /// Per copy, its most consequential changes against its original, ranked.
    pub key_changes: Vec<KeyChanges>,
}

impl Comparison {
    /// The per-sentence facts for `r`.
    pub fn info(&self, r: SentenceRef) -> &SentenceInfo {
        &self.sentences[r.article][r.sentence]
    }

    /// The text of sentence `r`.
    pub fn sentence_text(&self, r: SentenceRef) -> &str {
        self.articles[r.article].sentence_text(r.sentence)
    }

    /// The links touching sentence `r`.
    pub fn links_of(&self, r: SentenceRef) -> impl Iterator<Item = &Link> {
        self.info(r).links.iter().map(|&i| &self.links[i])
    }

    /// Whether `copy` was made from `original`, directly or through other copies, along the
    /// known directions of the lineage: a change between them is then read from the original,
    /// whichever side is looked at.
    pub fn descends_from(&self, copy: usize, original: usize) -> bool {
        let mut current = copy;
        // A tree has fewer edges than versions, so a walk up it is at most that long.
        for _ in 0..self.lineage.len() {
            let Some(parent) = self
                .lineage
                .iter()
                .find(|d| d.known && d.copy == current)
                .map(|d| d.original)
            else {
                return false;
            };
            if parent == original {
                return true;
            }
            current = parent;
        }
        false
    }
}
