//! Links are local: whether two sentences are linked depends on them (and their surroundings),
//! never on how much unrelated text is compared alongside. Appending unrelated sentences to an
//! article, or adding an unrelated article, never removes a link.
//!
//! The texts are long and share a topic vocabulary, as real stories do: every sentence, related
//! or not, uses the story's few topic words, so those words occur in hundreds of sentences.

use std::collections::BTreeSet;

use parallax::article::{Article, Format};
use parallax::compare::{Comparison, Options, compare};
use proptest::prelude::*;

/// The story's topic words: each sentence of every text uses several of them.
const TOPIC: &[&str] = &[
    "harbour",
    "ferry",
    "council",
    "tolls",
    "crossing",
    "pier",
    "vote",
    "budget",
    "mayor",
    "strike",
    "captain",
    "island",
    "timetable",
    "fares",
    "dock",
    "winter",
];
/// Function words sprinkled between the others.
const FUNCTION: &[&str] = &["the", "of", "and", "to", "in"];
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ter", "vun", "so", "pra", "del", "ni", "zu", "bor", "quen", "fa", "ril",
];

/// A small deterministic generator, so each case is reproducible from its seed.
struct Words(u64);

impl Words {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below as u64) as usize
    }

    /// An invented word, rare in any text (three or four syllables).
    fn rare(&mut self) -> String {
        let syllables = 3 + self.next(2);
        (0..syllables)
            .map(|_| SYLLABLES[self.next(SYLLABLES.len())])
            .collect()
    }

    /// A sentence of `topic` topic words (in a shuffled order), `rare` invented words and a few
    /// function words.
    fn sentence(&mut self, topic: usize, rare: &[String]) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        let mut pool: Vec<&str> = TOPIC.to_vec();
        for _ in 0..topic {
            let k = self.next(pool.len());
            words.push(pool.remove(k).to_string());
            if self.next(3) == 0 {
                words.push(FUNCTION[self.next(FUNCTION.len())].to_string());
            }
        }
        for word in rare {
            let at = self.next(words.len() + 1);
            words.insert(at, word.clone());
        }
        words
    }
}

fn sentence_text(words: &[String]) -> String {
    let mut text = words.join(" ");
    if let Some(first) = text.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    text + "."
}

fn article(label: &str, sentences: &[Vec<String>]) -> Article {
    let text: Vec<String> = sentences.iter().map(|s| sentence_text(s)).collect();
    Article::from_text(label, format!("{label}.txt"), text.join(" "), Format::Text)
}

/// A story and its reworded copy: each sentence of the copy keeps the topic words and one of
/// the sentence's four rare words, and swaps the other three for words of its own.
fn story_and_copy(words: &mut Words, length: usize) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let mut story = Vec::new();
    let mut copy = Vec::new();
    for _ in 0..length {
        let rare: Vec<String> = (0..4).map(|_| words.rare()).collect();
        let original = words.sentence(5, &rare);
        let replaced: Vec<String> = (0..3).map(|_| words.rare()).collect();
        let reworded = original
            .iter()
            .map(|w| match rare.iter().position(|r| r == w) {
                Some(k) if k < 3 => replaced[k].clone(),
                _ => w.clone(),
            })
            .collect();
        story.push(original);
        copy.push(reworded);
    }
    (story, copy)
}

/// Sentences about the same topic that repeat no one's wording: four topic words each, among
/// words of their own.
fn unrelated(words: &mut Words, count: usize) -> Vec<Vec<String>> {
    (0..count)
        .map(|_| {
            let rare: Vec<String> = (0..7).map(|_| words.rare()).collect();
            words.sentence(4, &rare)
        })
        .collect()
}

/// The links between the first two articles, as sentence positions.
fn links_between_first_two(c: &Comparison) -> BTreeSet<(usize, usize)> {
    c.links
        .iter()
        .filter(|l| l.a.article == 0 && l.b.article == 1)
        .map(|l| (l.a.sentence, l.b.sentence))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn unrelated_text_never_removes_a_link(seed in any::<u64>()) {
        let mut words = Words(seed);
        let (story, copy) = story_and_copy(&mut words, 12);
        let extra = unrelated(&mut words, 320);
        let options = Options::default();

        let alone = compare(vec![article("story", &story), article("copy", &copy)], &options);
        let base = links_between_first_two(&alone);
        // The copy keeps most of every sentence: each one is linked to its counterpart.
        for i in 0..story.len() {
            prop_assert!(base.contains(&(i, i)), "sentence {} is not linked: {:?}", i, base);
        }

        let mut longer_story = story.clone();
        longer_story.extend(extra.iter().cloned());
        let appended = compare(
            vec![article("story", &longer_story), article("copy", &copy)],
            &options,
        );
        let after_appending = links_between_first_two(&appended);
        prop_assert!(base.is_subset(&after_appending), "appending lost {:?}", base.difference(&after_appending).collect::<Vec<_>>());

        let with_third = compare(
            vec![article("story", &story), article("copy", &copy), article("other", &extra)],
            &options,
        );
        let after_adding = links_between_first_two(&with_third);
        prop_assert!(base.is_subset(&after_adding), "adding an article lost {:?}", base.difference(&after_adding).collect::<Vec<_>>());
    }
}
