//! Property tests of the engine: sentence offsets give the text back, links are symmetric, and the
//! result does not depend on the order the articles are given in.

use std::collections::BTreeSet;

use parallax::article::{Article, Format};
use parallax::compare::{Comparison, Options, SentenceRef, compare};
use proptest::prelude::*;

/// Sentences an article can be built from: a small pool so generated articles share wording.
const POOL: &[&str] = &[
    "The bridge over the Velna river was closed on Tuesday after inspectors found cracks.",
    "The Velna bridge was shut on Tuesday when inspectors discovered cracks in two pillars.",
    "Mayor Ida Rousk said repairs would take at least six weeks.",
    "Mayor Ida Rousk claimed repairs could take more than eight weeks.",
    "Commuters face a detour of 14 kilometres through the industrial district.",
    "\"We will not take any risks with people's lives,\" Rousk told reporters.",
    "\"We will not take risks,\" Rousk told reporters.",
    "The bridge carries about 32,000 vehicles a day.",
    "The U.S. engineering firm that built it in 1987 did not respond to requests for comment.",
    "Local shops fear a loss of trade.",
    "A ferry service will run every 20 minutes from Wednesday.",
    "Police advised drivers to avoid the old town centre.",
];

fn article_strategy() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0..POOL.len(), 1..8)
}

fn build(index: usize, picks: &[usize]) -> Article {
    let text: Vec<&str> = picks.iter().map(|&i| POOL[i]).collect();
    Article::from_text(
        format!("outlet-{index}"),
        format!("outlet-{index}.txt"),
        text.join("\n\n"),
        Format::Text,
    )
}

/// The links as label-level facts, independent of article indices.
fn canonical_links(c: &Comparison) -> BTreeSet<(String, String, usize, usize, String)> {
    c.links
        .iter()
        .map(|l| {
            let (a, b) = (
                &c.articles[l.a.article].label,
                &c.articles[l.b.article].label,
            );
            let (first, second) = if a < b {
                ((a, l.a), (b, l.b))
            } else {
                ((b, l.b), (a, l.a))
            };
            (
                first.0.clone(),
                second.0.clone(),
                first.1.sentence,
                second.1.sentence,
                format!("{:?}", l.kind),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn offsets_give_the_sentence_text_back(text in "\\PC{0,400}") {
        let article = Article::from_text("x", "x.txt", text.clone(), Format::Text);
        let mut previous_end = 0;
        for s in &article.sentences {
            prop_assert!(s.start >= previous_end && s.start < s.end && s.end <= text.len());
            let piece = text.get(s.start..s.end);
            prop_assert!(piece.is_some(), "span not on char boundaries");
            prop_assert_eq!(piece.unwrap().trim(), piece.unwrap());
            previous_end = s.end;
        }
    }

    #[test]
    fn links_are_symmetric_and_recorded_at_both_ends(articles in prop::collection::vec(article_strategy(), 2..5)) {
        let articles: Vec<Article> = articles.iter().enumerate().map(|(i, p)| build(i, p)).collect();
        let c = compare(articles, &Options::default());
        for (index, link) in c.links.iter().enumerate() {
            prop_assert!(link.a.article < link.b.article);
            prop_assert!(c.info(link.a).links.contains(&index));
            prop_assert!(c.info(link.b).links.contains(&index));
            prop_assert_eq!(link.other(link.a), link.b);
            prop_assert_eq!(link.other(link.b), link.a);
            prop_assert_eq!(c.info(link.a).group, c.info(link.b).group);
        }
        for (a, info) in c.sentences.iter().enumerate() {
            for (s, i) in info.iter().enumerate() {
                let linked = !i.links.is_empty();
                prop_assert_eq!(linked, i.group.is_some(), "sentence {:?}", SentenceRef::new(a, s));
            }
        }
    }

    #[test]
    fn result_is_the_same_for_any_order(
        articles in prop::collection::vec(article_strategy(), 2..5),
        seed in any::<u64>(),
    ) {
        let built: Vec<Article> = articles.iter().enumerate().map(|(i, p)| build(i, p)).collect();
        let mut shuffled = built.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let first = compare(built, &Options::default());
        let second = compare(shuffled, &Options::default());
        prop_assert_eq!(canonical_links(&first), canonical_links(&second));
        prop_assert_eq!(first.substitutions.len(), second.substitutions.len());
        prop_assert_eq!(first.quote_changes.len(), second.quote_changes.len());
        prop_assert_eq!(first.numbers.len(), second.numbers.len());
        prop_assert_eq!(first.omissions.len(), second.omissions.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Reordering a finished comparison gives exactly what comparing the reordered articles gives.
    #[test]
    fn permuting_a_comparison_equals_comparing_permuted_articles(
        articles in prop::collection::vec(article_strategy(), 2..5),
        rotation in 0usize..5,
    ) {
        let built: Vec<Article> = articles.iter().enumerate().map(|(i, p)| build(i, p)).collect();
        let n = built.len();
        let order: Vec<usize> = (0..n).map(|i| (i + rotation) % n).rev().collect();
        let permuted_input: Vec<Article> = order.iter().map(|&i| built[i].clone()).collect();
        let direct = compare(permuted_input, &Options::default());
        let reordered = compare(built, &Options::default()).permuted(&order);
        prop_assert_eq!(direct, reordered);
    }
}

/// Words random sentences are made of: figures, quote marks, verbs of saying and near-synonyms,
/// so that sentences within one text often come out near-identical.
const WORDS: &[&str] = &[
    "the",
    "crowd",
    "group",
    "of",
    "12",
    "40",
    "$2bn",
    "people",
    "said",
    "claimed",
    "\"we",
    "will",
    "stay\"",
    "police",
    "officials",
    "gathered",
    "near",
    "Velna",
    "bridge",
    "on",
    "Tuesday",
];

/// A text of sentences drawn from [`WORDS`].
fn random_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::collection::vec(0..WORDS.len(), 4..12), 1..8).prop_map(
        |sentences| {
            sentences
                .iter()
                .map(|words| {
                    let words: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
                    format!("{}.", words.join(" "))
                })
                .collect::<Vec<_>>()
                .join("\n\n")
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The same text given twice (near-identical sentences within it included) has no
    /// substitutions, quote changes, figure conflicts, attribution changes, cuts or key changes.
    #[test]
    fn identical_texts_have_no_findings(
        picks in article_strategy(),
        random in random_text(),
        use_random in any::<bool>(),
    ) {
        let text = if use_random {
            random
        } else {
            picks.iter().map(|&i| POOL[i]).collect::<Vec<_>>().join("\n\n")
        };
        let copies: Vec<Article> = ["first", "second"]
            .iter()
            .map(|label| Article::from_text(*label, format!("{label}.txt"), text.clone(), Format::Text))
            .collect();
        let c = compare(copies, &Options::default());
        prop_assert!(c.substitutions.is_empty(), "{:?}", c.substitutions);
        prop_assert!(c.quote_changes.is_empty(), "{:?}", c.quote_changes);
        prop_assert!(c.numbers.is_empty(), "{:?}", c.numbers);
        prop_assert!(c.attribution_changes.is_empty(), "{:?}", c.attribution_changes);
        prop_assert!(c.cuts.is_empty(), "{:?}", c.cuts);
        prop_assert!(c.key_changes.is_empty(), "{:?}", c.key_changes);
    }
}
