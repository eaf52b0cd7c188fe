//! Many copies of one story: above 50 articles each version is aligned with its closest versions
//! only (the version tree), so the cost grows about linearly; what a reader is told stays true.

use parallax::article::{Article, Format};
use parallax::compare::{ALL_PAIRS_UP_TO, Comparison, Options, compare};

const STORY: [&str; 6] = [
    "The harbour council voted on Tuesday to close the old ferry pier for repairs.",
    "Engineers found that the wooden supports had rotted through in several places.",
    "Ferries will use the fishing dock at the northern end of the bay until the work is done.",
    "The crossing to the island will take about ten minutes longer during that time.",
    "Shop owners near the pier said they feared a quiet summer.",
    "Work is expected to start in March and to last until the autumn.",
];
const STRANGER: &str = "A choir from the island sang at the opening of the new library. \
    The mayor thanked the volunteers who had raised the money over three winters. \
    Children read poems they had written about the sea.";

/// `count` copies of the story, each with one word of one sentence changed (copy `i` changes
/// sentence `i % 6`), and an unrelated article last.
fn copies_and_a_stranger(count: usize) -> Vec<Article> {
    let mut articles: Vec<Article> = (0..count)
        .map(|i| {
            let sentences: Vec<String> = STORY
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    if k == i % STORY.len() {
                        s.replacen("the", &format!("copy{i}'s"), 1)
                    } else {
                        (*s).to_owned()
                    }
                })
                .collect();
            let label = format!("outlet-{i:03}");
            Article::from_text(
                &label,
                format!("{label}.txt"),
                sentences.join(" "),
                Format::Text,
            )
        })
        .collect();
    articles.push(Article::from_text(
        "stranger",
        "stranger.txt",
        STRANGER,
        Format::Text,
    ));
    articles
}

fn tree_neighbours(c: &Comparison, a: usize, b: usize) -> bool {
    c.versions[a].closest == Some(b) || c.versions[b].closest == Some(a)
}

#[test]
fn above_fifty_articles_links_follow_the_version_tree() {
    let count = ALL_PAIRS_UP_TO + 10;
    let comparison = compare(copies_and_a_stranger(count), &Options::default());
    let stranger = count;

    // One story: every copy is in it, joined to a closest version; the stranger is alone.
    let story = comparison.versions[0].story;
    assert!(
        comparison.versions[..count]
            .iter()
            .all(|v| v.story == story)
    );
    let roots = comparison.versions[..count]
        .iter()
        .filter(|v| v.closest.is_none())
        .count();
    assert_eq!(roots, 1);
    assert_eq!(comparison.versions[stranger].closest, None);
    assert_ne!(comparison.versions[stranger].story, story);

    // Links only between neighbours in the tree, and each copy linked to its neighbour.
    assert!(!comparison.links.is_empty());
    for link in &comparison.links {
        assert!(
            tree_neighbours(&comparison, link.a.article, link.b.article),
            "{link:?}"
        );
    }
    assert!(comparison.links.len() <= (count - 1) * STORY.len());

    // A sentence every copy carries is "in all of them", although linked to few directly.
    let last = STORY.len() - 1;
    let carried_by = comparison.info((0, last).into()).shared_by;
    assert_eq!(carried_by, count);
    assert_eq!(comparison.info((stranger, 0).into()).shared_by, 1);
}

#[test]
fn all_pairs_aligns_every_pair_even_above_fifty() {
    let count = ALL_PAIRS_UP_TO + 2;
    let options = Options {
        all_pairs: true,
        ..Options::default()
    };
    let comparison = compare(copies_and_a_stranger(count), &options);
    let linked_to_first: std::collections::BTreeSet<usize> = comparison
        .links
        .iter()
        .filter(|l| l.a.article == 0)
        .map(|l| l.b.article)
        .collect();
    assert_eq!(linked_to_first.len(), count - 1);
}

#[test]
fn above_fifty_an_independent_report_sharing_the_opening_fact_gets_no_parent() {
    let count = ALL_PAIRS_UP_TO + 4;
    let mut articles = copies_and_a_stranger(count);
    // Opens on the story's main fact in much the same words, then tells its own story: its
    // wording samples look like a copy's, but it carries nothing past the opening.
    articles.push(Article::from_text(
        "independent",
        "independent.txt",
        "The harbour council voted on Tuesday to close the old ferry pier for repairs, a \
         spokesman for the ferry company said. Its captains have asked for a second landing \
         on the island for years. A petition with four hundred names went to the ministry.",
        Format::Text,
    ));
    let comparison = compare(articles, &Options::default());
    let independent = count + 1;
    let version = &comparison.versions[independent];
    assert_eq!(version.closest, None, "{version:?}");
    assert!(
        comparison
            .versions
            .iter()
            .all(|v| v.closest != Some(independent)),
        "nobody descends from it"
    );
    assert_ne!(version.story, comparison.versions[0].story);
    // Its one fact in common is still linked to the copy its wording looked like.
    assert!(
        comparison
            .links
            .iter()
            .any(|l| l.a.article == independent || l.b.article == independent),
        "its direct link is kept"
    );
}
