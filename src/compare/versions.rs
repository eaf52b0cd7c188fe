//! The version tree: which articles are versions of one story, and for each version the version
//! it is closest to.
//!
//! Two articles are versions of each other when one carries a good part of the other's text,
//! some of it nearly as it was and beyond their openings (see [`version_shares`]).
//! Among versions, a maximum spanning forest over how much text each pair shares joins every
//! version to its closest one, as progressive multiple aligners build their guide trees; each
//! tree is rooted at its most central version, then moved up to that version's original where
//! the direction of an edge is known (see [`rooted_at_originals`]). Articles that are versions
//! of no other (independent reports sharing a quote) stay alone: nobody is given an invented
//! parent.
//!
//! Up to [`ALL_PAIRS_UP_TO`] articles every pair is aligned and the tree is read off the links.
//! Above that, how much each pair shares is estimated from sketches of the articles' wording
//! (bottom-k samples of word-triple hashes), and only the tree's pairs are aligned, so hundreds
//! of copies of one story cost about linearly; the tree is then read off those links as below
//! 50, which drops the estimated edges between articles that are no versions.

use std::collections::BTreeMap;
use std::hash::BuildHasher;

use rayon::prelude::*;

use super::prepare::PreparedSet;
use super::{Descent, SentenceRef, Version};
use crate::article::{Article, Role};

/// Up to this many articles, every pair of articles is aligned.
pub const ALL_PAIRS_UP_TO: usize = 50;
/// Share of the smaller article's text two articles must have in common to be versions.
const VERSION_MIN_SHARE: f32 = 0.3;
/// Similarity from which a link reads as kept text rather than the same fact in other words.
const CLOSE_LINK: f32 = 0.6;
/// Share of either article's text in close links that two versions have at least.
const VERSION_MIN_CLOSE_SHARE: f32 = 0.1;
/// Similarity from which a link keeps a sentence word for word (spelling and small edits aside).
const KEPT_WORD_FOR_WORD: f32 = 0.9;
/// Word-triple hashes kept per article sketch.
const SKETCH_SIZE: usize = 256;

/// Whether a comparison of `articles` articles aligns along the version tree only.
pub fn along_tree(articles: usize, all_pairs: bool) -> bool {
    !all_pairs && articles > ALL_PAIRS_UP_TO
}

/// `share[i][j]` of [`linked_shares`] over all links, counting linked sentences whole (the
/// measure the tree is built on), kept only for pairs that are versions of each other, and zero
/// elsewhere. Two articles are versions when all three hold:
/// - either has at least [`VERSION_MIN_SHARE`] of its text in common with the other, counted as
///   [`Counting::CommonText`] says;
/// - either has at least [`VERSION_MIN_CLOSE_SHARE`] of its text in close links (similarity at
///   least [`CLOSE_LINK`]), sentences counted whole: independent reports of one event link many
///   sentences that give the same facts in their own words; a copy, even a rewrite, keeps some
///   sentences nearly as they were;
/// - they share a sentence past their openings (see [`copies_past_opening`]): every report of an
///   event opens on the same main fact, often in much the same words, so a likeness confined to
///   the headline and the first sentence is what independent reports have in common; a copy
///   carries its original on beyond them.
///
/// Among versions, the closest is ranked on the sentences carried whole: a copy that trimmed
/// clauses from its original's sentences still carries those sentences.
pub fn version_shares(
    articles: &[&Article],
    links: &[(SentenceRef, SentenceRef, f32)],
) -> Vec<Vec<f32>> {
    let all = || links.iter().map(|&(a, b, _)| (a, b));
    let mut shares = linked_shares(articles, all(), Counting::WholeSentences);
    let common = linked_shares(articles, all(), Counting::CommonText);
    let close = linked_shares(
        articles,
        links
            .iter()
            .filter(|link| link.2 >= CLOSE_LINK)
            .map(|&(a, b, _)| (a, b)),
        Counting::WholeSentences,
    );
    let past_opening = copies_past_opening(articles, links);
    for (i, row) in shares.iter_mut().enumerate() {
        for (j, share) in row.iter_mut().enumerate() {
            let enough = common[i][j].max(common[j][i]) >= VERSION_MIN_SHARE;
            let kept_closely = close[i][j].max(close[j][i]) >= VERSION_MIN_CLOSE_SHARE;
            if !(enough && kept_closely && past_opening[i][j]) {
                *share = 0.0;
            }
        }
    }
    shares
}

/// `past[i][j]`: whether articles `i` and `j` have a link that is more than their openings
/// alike: one between two sentences that both follow their article's opening (its headline and
/// lead, see [`opening_ends`]), or one that keeps a lead nearly word for word (similarity at
/// least [`KEPT_WORD_FOR_WORD`]; headlines excepted, they are short and alike in any report).
/// Where either article is nothing but an opening (an alert, a quote or a sentence compared on
/// its own), there is nothing to carry on, and the pair passes.
fn copies_past_opening(
    articles: &[&Article],
    links: &[(SentenceRef, SentenceRef, f32)],
) -> Vec<Vec<bool>> {
    let n = articles.len();
    let ends: Vec<usize> = articles.iter().map(|a| opening_ends(a)).collect();
    let is_headline =
        |r: SentenceRef| articles[r.article].sentences[r.sentence].role == Role::Headline;
    let all_opening: Vec<bool> = articles
        .iter()
        .zip(&ends)
        .map(|(article, &end)| end >= article.sentences.len())
        .collect();
    let mut past: Vec<Vec<bool>> = (0..n)
        .map(|i| (0..n).map(|j| all_opening[i] || all_opening[j]).collect())
        .collect();
    for &(a, b, similarity) in links {
        let after_openings = a.sentence >= ends[a.article] && b.sentence >= ends[b.article];
        let lead_kept = similarity >= KEPT_WORD_FOR_WORD && !is_headline(a) && !is_headline(b);
        if after_openings || lead_kept {
            past[a.article][b.article] = true;
            past[b.article][a.article] = true;
        }
    }
    past
}

/// Where an article's opening ends: the index of the first sentence after its lead (the first
/// sentence of running prose), so that the headline, byline and dateline before the lead are
/// part of the opening too. An article without running prose is all opening.
fn opening_ends(article: &Article) -> usize {
    article
        .sentences
        .iter()
        .position(|s| s.role == Role::Body)
        .map_or(article.sentences.len(), |lead| lead + 1)
}

/// How a link counts towards the text two articles share.
#[derive(Clone, Copy, PartialEq)]
enum Counting {
    /// Each linked sentence counts whole.
    WholeSentences,
    /// A link holds as much text as the shorter of its two sentences: when a long sentence
    /// carries a short one of the other article and adds clauses of its own, only the short
    /// sentence's length of it is in common. Counted whole, one fact shared inside a long
    /// sentence looked like a third of a short article.
    CommonText,
}

/// `share[i][j]`: the share of article `i`'s text (bytes of its sentences) linked to article
/// `j`, from the linked sentence pairs, counted as `counting` says. A sentence never counts for
/// more than its own length.
fn linked_shares(
    articles: &[&Article],
    linked: impl Iterator<Item = (SentenceRef, SentenceRef)>,
    counting: Counting,
) -> Vec<Vec<f32>> {
    let n = articles.len();
    let lengths: Vec<Vec<usize>> = articles
        .iter()
        .map(|a| a.sentences.iter().map(|s| s.range().len()).collect())
        .collect();
    // Bytes covered in each sentence of an article by links to another, for the pairs of
    // articles that have links (along the version tree, few of all pairs).
    let mut covered: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    let mut cover = |at: SentenceRef, other: usize, adds: usize| {
        let sentences = covered
            .entry((at.article, other))
            .or_insert_with(|| vec![0; lengths[at.article].len()]);
        let length = lengths[at.article][at.sentence];
        sentences[at.sentence] = (sentences[at.sentence] + adds).min(length);
    };
    for (x, y) in linked {
        let (x_len, y_len) = (
            lengths[x.article][x.sentence],
            lengths[y.article][y.sentence],
        );
        let (x_adds, y_adds) = match counting {
            Counting::WholeSentences => (x_len, y_len),
            Counting::CommonText => (x_len.min(y_len), x_len.min(y_len)),
        };
        cover(x, y.article, x_adds);
        cover(y, x.article, y_adds);
    }
    let mut shares = vec![vec![0.0; n]; n];
    for ((article, other), bytes) in covered {
        let total = lengths[article].iter().sum::<usize>().max(1) as f32;
        shares[article][other] = bytes.iter().sum::<usize>() as f32 / total;
    }
    shares
}

/// `share[i][j]`, estimated without aligning: the share of article `i`'s word triples also
/// found in `j`, from bottom-k sketches.
pub fn estimated_shares(set: &PreparedSet) -> Vec<Vec<f32>> {
    let sketches: Vec<Sketch> = set.sentences.par_iter().map(|s| Sketch::new(s)).collect();
    sketches
        .par_iter()
        .map(|x| sketches.iter().map(|y| x.share_with(y)).collect())
        .collect()
}

/// A sample of an article's word triples: the smallest hashes, and how many distinct ones
/// there are.
struct Sketch {
    smallest: Vec<u64>,
    distinct: usize,
}

impl Sketch {
    fn new(sentences: &[super::prepare::Prepared]) -> Self {
        let hasher = foldhash::fast::FixedState::default();
        let mut hashes: Vec<u64> = sentences
            .iter()
            .flat_map(|p| p.keys.windows(3).map(|w| hasher.hash_one(w)))
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        let distinct = hashes.len();
        hashes.truncate(SKETCH_SIZE);
        Sketch {
            smallest: hashes,
            distinct,
        }
    }

    /// Estimated share of this article's triples found in the other: the Jaccard index from the
    /// smallest hashes of the union, turned into an intersection size.
    fn share_with(&self, other: &Sketch) -> f32 {
        let (mut i, mut j, mut taken, mut both) = (0, 0, 0, 0);
        while taken < SKETCH_SIZE && (i < self.smallest.len() || j < other.smallest.len()) {
            let (a, b) = (self.smallest.get(i), other.smallest.get(j));
            match (a, b) {
                (Some(a), Some(b)) if a == b => {
                    both += 1;
                    i += 1;
                    j += 1;
                }
                (Some(a), Some(b)) if a < b => i += 1,
                (Some(_), None) => i += 1,
                _ => j += 1,
            }
            taken += 1;
        }
        if taken == 0 || self.distinct == 0 {
            return 0.0;
        }
        let jaccard = both as f32 / taken as f32;
        let common = jaccard * (self.distinct + other.distinct) as f32 / (1.0 + jaccard);
        (common / self.distinct as f32).min(1.0)
    }
}

/// The version forest over `share`, with ties broken by `rank` (each article's canonical
/// position), so the tree never depends on the order the articles were given in.
///
/// Two articles are versions when either carries enough of the other (`max(share[i][j],
/// share[j][i])`), but the closest version is the one that shares the most of *both* texts
/// (the smaller of the two shares first): a short first take or brief is contained in every
/// later version, and joining each of them to it would compare every copy with the brief
/// instead of with the full text it was edited from.
pub fn forest(share: &[Vec<f32>], rank: &[usize]) -> Vec<Version> {
    let n = share.len();
    let mut edges: Vec<(f32, f32, usize, usize)> = (0..n)
        .flat_map(|i| ((i + 1)..n).map(move |j| (i, j)))
        .map(|(i, j)| {
            let (both, either) = (share[i][j].min(share[j][i]), share[i][j].max(share[j][i]));
            (both, either, i, j)
        })
        .filter(|&(_, either, _, _)| either >= VERSION_MIN_SHARE)
        .collect();
    let key = |&(both, either, i, j): &(f32, f32, usize, usize)| {
        let (low, high) = (rank[i].min(rank[j]), rank[i].max(rank[j]));
        (
            std::cmp::Reverse(ordered(both)),
            std::cmp::Reverse(ordered(either)),
            low,
            high,
        )
    };
    edges.sort_unstable_by_key(key);
    let mut component: Vec<usize> = (0..n).collect();
    let mut neighbours: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
    for (_, s, i, j) in edges {
        let (ci, cj) = (find(&mut component, i), find(&mut component, j));
        if ci != cj {
            component[ci.max(cj)] = ci.min(cj);
            neighbours[i].push((j, s));
            neighbours[j].push((i, s));
        }
    }
    root_each_tree(share, rank, &mut component, &neighbours)
}

/// A float's total order as an integer key (shares are never negative).
fn ordered(x: f32) -> u32 {
    x.to_bits()
}

fn find(component: &mut [usize], mut x: usize) -> usize {
    while component[x] != x {
        component[x] = component[component[x]];
        x = component[x];
    }
    x
}

/// Roots each tree of the forest at its most central version (the largest sum of shares with
/// the other members, counting for each pair the smaller share, as the edges do) and points
/// every other version at its neighbour towards the root.
fn root_each_tree(
    share: &[Vec<f32>],
    rank: &[usize],
    component: &mut [usize],
    neighbours: &[Vec<(usize, f32)>],
) -> Vec<Version> {
    let n = share.len();
    let roots: Vec<usize> = (0..n).map(|i| find(component, i)).collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, &r) in roots.iter().enumerate() {
        members[r].push(i);
    }
    let mut versions = vec![
        Version {
            closest: None,
            shared: 0.0,
            story: 0,
        };
        n
    ];
    let mut stories: Vec<&Vec<usize>> = members.iter().filter(|m| !m.is_empty()).collect();
    stories.sort_by_key(|m| m.iter().copied().min());
    for (story, members) in stories.into_iter().enumerate() {
        let centrality =
            |&i: &usize| -> f32 { members.iter().map(|&j| share[i][j].min(share[j][i])).sum() };
        let root = members
            .iter()
            .copied()
            .max_by(|x, y| {
                centrality(x)
                    .total_cmp(&centrality(y))
                    .then(rank[*y].cmp(&rank[*x]))
            })
            .unwrap_or(members[0]);
        let mut queue = std::collections::VecDeque::from([root]);
        let mut seen = vec![false; n];
        seen[root] = true;
        versions[root].story = story;
        while let Some(v) = queue.pop_front() {
            for &(w, s) in &neighbours[v] {
                if !seen[w] {
                    seen[w] = true;
                    versions[w] = Version {
                        closest: Some(v),
                        shared: s,
                        story,
                    };
                    queue.push_back(w);
                }
            }
        }
    }
    versions
}

/// `versions` with each tree's root moved, edge by edge, from a known copy to its original
/// (`lineage`'s known directions; of two originals, the first in content order, `rank`), so that
/// no tree hangs an original under its copy: the most central version of a story may be a copy
/// that carries all of its original. The edges stay; only the way each points changes.
pub fn rooted_at_originals(versions: &mut [Version], lineage: &[Descent], rank: &[usize]) {
    for root in 0..versions.len() {
        if versions[root].closest.is_some() {
            continue;
        }
        let mut root = root;
        // Each step crosses an edge from its copy to its original, never back: it ends.
        while let Some(original) = lineage
            .iter()
            .filter(|d| d.known && d.copy == root && versions[d.original].closest == Some(root))
            .map(|d| d.original)
            .min_by_key(|&original| rank[original])
        {
            versions[root].closest = Some(original);
            versions[root].shared = versions[original].shared;
            versions[original].closest = None;
            versions[original].shared = 0.0;
            root = original;
        }
    }
}

/// Whether articles `a` and `b` are neighbours in the tree.
pub fn are_neighbours(versions: &[Version], a: usize, b: usize) -> bool {
    versions[a].closest == Some(b) || versions[b].closest == Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_is_rooted_at_the_original_whatever_the_file_order() {
        use crate::article::Format;
        use crate::compare::{Options, compare};
        let original = "WESTPORT (AP) — The ferry line will close the old quay in May, its owners \
            said on Monday. Its four boats will move to the new pier, which opened last year. \
            Fares will not change, the owners said.";
        let copy = "The ferry line will close the old quay in May. Its four boats will move to the \
            new pier, which opened last year. Fares will not change, the owners said.";
        for copy_first in [false, true] {
            let mut articles = vec![
                Article::from_text("original", "o.txt", original, Format::Text),
                Article::from_text("copy", "c.txt", copy, Format::Text),
            ];
            if copy_first {
                articles.reverse();
            }
            let c = compare(articles, &Options::default());
            let at = |label: &str| c.articles.iter().position(|a| a.label == label);
            let (o, k) = (at("original"), at("copy"));
            assert!(c.lineage.iter().any(|d| d.known && Some(d.original) == o));
            assert_eq!(
                o.and_then(|o| c.versions[o].closest),
                None,
                "copy first: {copy_first}"
            );
            assert_eq!(
                k.and_then(|k| c.versions[k].closest),
                o,
                "copy first: {copy_first}"
            );
        }
    }

    #[test]
    fn each_version_joins_its_closest_and_strangers_stay_alone() {
        // 0 and 1 are close copies, 2 is a looser copy of 1, 3 shares a quote with 0 only.
        let share = vec![
            vec![1.0, 0.9, 0.5, 0.1],
            vec![0.9, 1.0, 0.7, 0.0],
            vec![0.4, 0.6, 1.0, 0.0],
            vec![0.2, 0.0, 0.0, 1.0],
        ];
        let versions = forest(&share, &[0, 1, 2, 3]);
        // 1 is the most central version: the root; 0 and 2 hang from it.
        assert_eq!(versions[1].closest, None);
        assert_eq!(versions[0].closest, Some(1));
        assert_eq!(versions[2].closest, Some(1));
        assert_eq!(versions[3].closest, None);
        assert_eq!(versions[0].story, versions[2].story);
        assert_ne!(versions[3].story, versions[0].story);
    }

    #[test]
    fn a_brief_contained_in_every_version_is_not_their_hub() {
        // 0 is a short brief, wholly contained in the full story 1, its edit 2 and its rewrite 3;
        // each of them carries only a fifth of its text in the brief.
        let share = vec![
            vec![1.0, 1.0, 1.0, 0.9],
            vec![0.2, 1.0, 0.8, 0.6],
            vec![0.2, 0.8, 1.0, 0.5],
            vec![0.2, 0.5, 0.4, 1.0],
        ];
        let versions = forest(&share, &[0, 1, 2, 3]);
        // The full story is the root; its edit and its rewrite join it, and so does the brief.
        assert_eq!(versions[1].closest, None);
        assert_eq!(versions[2].closest, Some(1));
        assert_eq!(versions[3].closest, Some(1));
        assert_eq!(versions[0].closest, Some(1));
    }

    #[test]
    fn independent_reports_of_one_event_are_not_versions() {
        let text = "One. Two. Three. Four.";
        let first = Article::from_text("first", "f.txt", text, crate::article::Format::Text);
        let second = Article::from_text("second", "s.txt", text, crate::article::Format::Text);
        let at = |article, sentence| SentenceRef::new(article, sentence);
        // Three of four sentences give the same facts in other words: linked, none closely.
        let own_words: Vec<_> = (0..3).map(|s| (at(0, s), at(1, s), 0.5)).collect();
        let shares = version_shares(&[&first, &second], &own_words);
        assert_eq!(shares[0][1].max(shares[1][0]), 0.0);
        // A rewrite that keeps one sentence nearly as it was is a version.
        let mut rewrite = own_words;
        rewrite[0].2 = 0.9;
        let shares = version_shares(&[&first, &second], &rewrite);
        assert!(shares[0][1] > VERSION_MIN_SHARE, "{shares:?}");
    }

    fn article(label: &str, text: &str) -> Article {
        Article::from_text(label, "a.txt", text, crate::article::Format::Text)
    }

    fn at(article: usize, sentence: usize) -> SentenceRef {
        SentenceRef::new(article, sentence)
    }

    /// Whether `forest` over the version shares of `links` joins the two articles.
    fn joined(articles: &[&Article], links: &[(SentenceRef, SentenceRef, f32)]) -> bool {
        let shares = version_shares(articles, links);
        let versions = forest(&shares, &[0, 1]);
        are_neighbours(&versions, 0, 1)
    }

    #[test]
    fn a_fact_inside_a_long_sentence_of_a_short_copy_does_not_make_a_version() {
        // A four-paragraph digest of an agency story; its third sentence runs on past a record
        // that the club's own long report also states, in one sentence of its own.
        let digest = article(
            "digest",
            "Harbour rowers win the cup\n\n\
             The harbour club's eight won the national cup on Sunday after a late surge.\n\n\
             Their stroke, a schoolteacher who took up rowing at forty, said the crew had trained \
             at dawn all winter.\n\n\
             They beat six crews over two days on the river, winning both heats by a length, and \
             are the first club from the coast to win the cup since the fishermen of Porthleven in \
             1958.\n\n\
             The mayor will host the crew on Friday.",
        );
        let report = article(
            "report",
            "A day to remember on the river\n\n\
             The sun came out just as the final began. The banks were packed three deep. \
             Families had travelled from every village along the estuary. \
             The harbour eight started slowly and sat third at halfway. \
             Then the crew lifted the rate and passed the leaders in the last minute. \
             They are the first club from the coast to win the cup since Porthleven in 1958. \
             The coach thanked the volunteers who mended the old boat. \
             A new boat will be bought with the prize money. \
             The club hopes to enter the autumn head race. \
             Membership has doubled since the spring.",
        );
        let (digest_fact, report_fact) = (3, 6);
        assert!(
            digest.sentences[digest_fact].range().len()
                > 2 * report.sentences[report_fact].range().len()
        );
        let links = [(at(0, digest_fact), at(1, report_fact), 0.7)];
        // The text in common is the report's short sentence, not the digest's long one: too
        // little of either article to make them versions.
        let shares = version_shares(&[&digest, &report], &links);
        assert_eq!(shares[0][1].max(shares[1][0]), 0.0, "{shares:?}");
        assert!(!joined(&[&digest, &report], &links));
    }

    #[test]
    fn openings_alike_do_not_make_a_version_but_a_text_carried_on_does() {
        let first = article(
            "first",
            "Bridge reopens after repairs\n\n\
             The old toll bridge reopened to traffic on Monday after eight months of repairs.\n\n\
             Engineers replaced the rusted cables and relaid the deck.\n\n\
             Tolls will stay at two pounds until the end of the year.",
        );
        let second = article(
            "second",
            "Toll bridge open again after repair work\n\n\
             Traffic was back on the old toll bridge on Monday, eight months after repairs began.\n\n\
             The cables, badly rusted, were replaced and the deck laid again.\n\n\
             Drivers were pleased to avoid the long detour through the hills.",
        );
        let (headline, lead, third) = (0, 1, 2);
        let openings = vec![
            (at(0, headline), at(1, headline), 0.65),
            (at(0, lead), at(1, lead), 0.65),
        ];
        // Headline and lead give the same news in much the same words: what any two reports of
        // the reopening would have in common.
        assert!(!joined(&[&first, &second], &openings));
        // The same likeness, and the sentence after the lead carried on in other words: a rewrite.
        let mut carried_on = openings.clone();
        carried_on.push((at(0, third), at(1, third), 0.5));
        assert!(joined(&[&first, &second], &carried_on));
        // A lead kept word for word is a copy's, even with nothing after it.
        let mut lead_kept = openings;
        lead_kept[1].2 = 0.95;
        assert!(joined(&[&first, &second], &lead_kept));
    }

    #[test]
    fn a_text_that_is_all_opening_is_judged_on_what_it_shares() {
        // A one-sentence alert has nothing past its opening to carry on: the likeness of its
        // one sentence decides.
        let alert = article(
            "alert",
            "The old toll bridge reopened to traffic on Monday after eight months of repairs.",
        );
        let story = article(
            "story",
            "Bridge reopens after repairs\n\n\
             The old toll bridge reopened to cars on Monday after eight months of repairs.\n\n\
             Engineers replaced the rusted cables and relaid the deck.",
        );
        let (alert_lead, story_lead) = (alert.sentences.len() - 1, 1);
        assert_eq!(alert_lead, 0, "the alert is one sentence");
        let links = [(at(0, alert_lead), at(1, story_lead), 0.8)];
        assert!(joined(&[&alert, &story], &links));
    }

    #[test]
    fn sketches_tell_copies_from_strangers() {
        let base = "The harbour council voted to close the old ferry pier on Tuesday. \
            Engineers found that the wooden supports had rotted through. \
            Repairs will start in March and last until the autumn.";
        let copy = base.replace("Tuesday", "Monday");
        let other = "A choir from the island sang at the opening of the new library. \
            The mayor thanked the volunteers who raised the money.";
        let set = PreparedSet::from_texts(&[base, &copy, other]);
        let share = estimated_shares(&set);
        assert!(share[0][1] > 0.7, "{share:?}");
        assert!(share[0][2] < 0.1, "{share:?}");
    }
}
