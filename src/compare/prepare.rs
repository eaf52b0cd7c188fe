//! Sentences made ready for comparison: tokens, the keys and stems of their words, and weights.

use rayon::prelude::*;

use super::normalize::{Normalization, Token, TokenClass, Tokenizer, Vocabulary};
use super::{FastMap, SentenceRef};
use crate::article::Article;

/// How many function words weigh as much as one content word when measuring shared wording.
pub const FUNCTION_WORDS_PER_CONTENT_WORD: u32 = 5;

/// Weight of a function word relative to a content word.
const FUNCTION_WORD_WEIGHT: f32 = 1.0 / FUNCTION_WORDS_PER_CONTENT_WORD as f32;

/// The weight of a word when measuring shared wording: content words and figures count fully,
/// function words a little.
pub fn weight(is_content: bool) -> f32 {
    if is_content {
        1.0
    } else {
        FUNCTION_WORD_WEIGHT
    }
}

/// One sentence, tokenised.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// Every token, punctuation included, in order.
    pub tokens: Vec<Token>,
    /// Keys of the tokens that take part in word comparison (see [`Token::is_compared`]).
    pub keys: Vec<u32>,
    /// For each entry of `keys`, its index in `tokens`.
    pub key_tokens: Vec<usize>,
    /// Stems of the word tokens (punctuation left out), in order.
    pub stems: Vec<u32>,
    /// Whether each stem is a content word or figure (see [`weight`]).
    pub is_content: Vec<bool>,
    /// The stems sorted (with whether they are content), for fast bag-of-words overlaps.
    pub bag: Vec<(u32, bool)>,
    /// Sum of the stems' weights.
    pub total_weight: f32,
    /// Number of content words and figures.
    pub content_count: usize,
    /// The sentence's wording: sentences of the set with the same keys have the same number.
    pub wording: u32,
}

impl Prepared {
    fn new(tokens: Vec<Token>, normalization: &Normalization) -> Self {
        let n = tokens.len();
        let mut prepared = Prepared {
            keys: Vec::with_capacity(n),
            key_tokens: Vec::with_capacity(n),
            stems: Vec::with_capacity(n),
            is_content: Vec::with_capacity(n),
            ..Prepared::default()
        };
        for (i, token) in tokens.iter().enumerate() {
            if token.is_compared(normalization) {
                prepared.keys.push(token.key);
                prepared.key_tokens.push(i);
            }
            if token.is_word() {
                let content = token.class != TokenClass::Function;
                prepared.stems.push(token.stem);
                prepared.is_content.push(content);
                prepared.total_weight += weight(content);
                prepared.content_count += usize::from(content);
            }
        }
        prepared.bag = prepared
            .stems
            .iter()
            .copied()
            .zip(prepared.is_content.iter().copied())
            .collect();
        // Content words first among equal stems, so overlaps pair content with content.
        prepared
            .bag
            .sort_unstable_by_key(|&(stem, content)| (stem, !content));
        prepared.tokens = tokens;
        prepared
    }

    /// The number of words (punctuation left out).
    pub fn word_count(&self) -> usize {
        self.stems.len()
    }
}

/// Sentence pairs grouped by their wording: two pairs are in one group when their first
/// sentences have the same keys and so do their second ones (the same [`Prepared::wording`]). A
/// word's key decides its stem and its class, so everything read from two sentences' words (a
/// score, a diff) is the same for every pair of a group and is worked out once per group: copies
/// of one story repeat sentences word for word, and most of their links join wordings already
/// met. Sentences from different sets must not be mixed.
pub struct WordingPairs {
    /// The group of each pair, in the order given.
    pub group_of: Vec<usize>,
    /// The index of the first pair of each group.
    pub first_of_group: Vec<usize>,
}

impl WordingPairs {
    pub fn of(pairs: &[(&Prepared, &Prepared)]) -> Self {
        let mut keyed: Vec<(u64, u32)> = pairs
            .par_iter()
            .enumerate()
            .map(|(i, (x, y))| {
                (
                    (u64::from(x.wording) << 32) | u64::from(y.wording),
                    i as u32,
                )
            })
            .collect();
        keyed.par_sort_unstable();
        let mut group_of = vec![0; pairs.len()];
        let mut first_of_group = Vec::new();
        for run in keyed.chunk_by(|p, q| p.0 == q.0) {
            for &(_, i) in run {
                group_of[i as usize] = first_of_group.len();
            }
            first_of_group.push(run[0].1 as usize);
        }
        WordingPairs {
            group_of,
            first_of_group,
        }
    }
}

/// All sentences of all articles, tokenised with one shared vocabulary.
pub struct PreparedSet {
    /// `sentences[article][sentence]`.
    pub sentences: Vec<Vec<Prepared>>,
    /// The interned keys and stems the ids refer to.
    pub vocabulary: Vocabulary,
}

impl PreparedSet {
    /// Tokenises every sentence of `articles`: each article on its own thread with its own
    /// vocabulary, merged afterwards in article order so ids never depend on thread timing.
    pub fn new(articles: &[&Article], normalization: Normalization) -> Self {
        let tokenized: Vec<(Vocabulary, Vec<Vec<Token>>)> = articles
            .par_iter()
            .map(|article| {
                let mut tokenizer = Tokenizer::new(normalization);
                let sentences = article
                    .sentences
                    .iter()
                    .map(|s| tokenizer.tokenize(&article.text, s.range()))
                    .collect();
                (tokenizer.vocabulary, sentences)
            })
            .collect();
        // The first article's vocabulary becomes the shared one (its ids stay as they are); the
        // others' words are added to it in article order.
        let mut tokenized = tokenized.into_iter();
        let (mut vocabulary, first) = tokenized.next().unwrap_or_default();
        let mut remaps = vec![None];
        let mut sentences = vec![first];
        for (local, article) in tokenized {
            remaps.push(Some(local.words().map(|w| vocabulary.intern(w)).collect()));
            sentences.push(article);
        }
        let sentences = sentences
            .into_par_iter()
            .zip(remaps)
            .map(|(sentences, remap): (Vec<Vec<Token>>, Option<Vec<u32>>)| {
                sentences
                    .into_iter()
                    .map(|mut tokens| {
                        if let Some(remap) = &remap {
                            for token in &mut tokens {
                                token.key = remap[token.key as usize];
                                token.stem = remap[token.stem as usize];
                            }
                        }
                        Prepared::new(tokens, &normalization)
                    })
                    .collect()
            })
            .collect();
        let mut set = PreparedSet {
            sentences,
            vocabulary,
        };
        set.number_wordings();
        set
    }

    /// Gives each sentence its wording's number: wordings are numbered in the order their first
    /// sentence comes in the set (article by article).
    fn number_wordings(&mut self) {
        let count = self.sentences.iter().map(Vec::len).sum();
        let mut numbers: FastMap<&[u32], u32> =
            FastMap::with_capacity_and_hasher(count, Default::default());
        let wordings: Vec<u32> = self
            .sentences
            .iter()
            .flatten()
            .map(|p| {
                let next = numbers.len() as u32;
                *numbers.entry(p.keys.as_slice()).or_insert(next)
            })
            .collect();
        for (p, wording) in self.sentences.iter_mut().flatten().zip(wordings) {
            p.wording = wording;
        }
    }

    /// The same set with articles moved from canonical positions to input positions:
    /// `order[c]` is the input index of canonical article `c`.
    pub fn reordered(self, order: &[usize]) -> Self {
        let mut slots: Vec<Vec<Prepared>> = vec![Vec::new(); order.len()];
        for (canonical, sentences) in self.sentences.into_iter().enumerate() {
            slots[order[canonical]] = sentences;
        }
        PreparedSet {
            sentences: slots,
            vocabulary: self.vocabulary,
        }
    }

    /// The prepared sentence `sentence` of `article`.
    pub fn get(&self, article: usize, sentence: usize) -> &Prepared {
        &self.sentences[article][sentence]
    }

    /// The prepared sentence at `at`.
    pub fn at(&self, at: SentenceRef) -> &Prepared {
        self.get(at.article, at.sentence)
    }

    /// The set for plain-text articles `texts`, with the default normalisation (for tests).
    #[cfg(test)]
    pub fn from_texts(texts: &[&str]) -> Self {
        let articles: Vec<Article> = texts
            .iter()
            .map(|t| Article::from_text("x", "x.txt", *t, crate::article::Format::Text))
            .collect();
        let refs: Vec<&Article> = articles.iter().collect();
        PreparedSet::new(&refs, Normalization::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_with_the_same_keys_share_a_wording_and_all_a_score_reads() {
        let set = PreparedSet::from_texts(&[
            "Crews said the fire burned for hours. Rain fell.",
            "CREWS SAID THE FIRE BURNED FOR HOURS! Snow fell.",
            "Crews said the fire burned for days. Rain fell.",
        ]);
        let (x, same, other) = (set.get(0, 0), set.get(1, 0), set.get(2, 0));
        assert_eq!(x.keys, same.keys);
        assert_eq!(x.wording, same.wording);
        assert_ne!(x.wording, other.wording);
        assert_eq!(
            (
                &x.stems,
                &x.is_content,
                &x.bag,
                x.total_weight,
                x.content_count
            ),
            (
                &same.stems,
                &same.is_content,
                &same.bag,
                same.total_weight,
                same.content_count
            )
        );
        assert_eq!(set.get(0, 1).wording, set.get(2, 1).wording);
        assert_ne!(set.get(0, 1).wording, set.get(1, 1).wording);
    }

    #[test]
    fn pairs_are_grouped_by_both_wordings_and_each_group_names_its_first_pair() {
        let set = PreparedSet::from_texts(&[
            "Crews said the fire burned for hours. Rain fell on the town.",
            "Crews said the fire burned for hours. Rain fell on the town.",
            "The fire burned all night, crews said. Snow fell on the town.",
        ]);
        let pairs = [
            (set.get(0, 0), set.get(2, 0)),
            (set.get(0, 1), set.get(2, 1)),
            (set.get(1, 0), set.get(2, 0)),
            (set.get(0, 0), set.get(2, 1)),
            (set.get(1, 1), set.get(2, 1)),
        ];
        let groups = WordingPairs::of(&pairs);
        let g = &groups.group_of;
        assert_eq!((g[0], g[1]), (g[2], g[4]));
        assert!(g[0] != g[1] && g[3] != g[0] && g[3] != g[1]);
        assert_eq!(groups.first_of_group.len(), 3);
        for (i, &group) in g.iter().enumerate() {
            assert!(groups.first_of_group[group] <= i);
            assert_eq!(g[groups.first_of_group[group]], group);
        }
    }
}
