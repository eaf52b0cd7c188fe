//! Word-level edits between two linked sentences, computed with `similar` on normalised keys and
//! mapped back to byte ranges of the original texts.
//!
//! After the diff, a short run of function words left "equal" between two changes ("the" inside
//! a rewritten clause) is folded into one replacement, so a reader sees "Local authorities said
//! that" → "local officials said" rather than four scattered fragments.
//!
//! Copies of one story repeat sentences word for word, so many links join the same two
//! wordings: [`word_edits_of_pairs`] diffs each pair of wordings once and places the runs found
//! in every link's own text.

use std::ops::Range;

use rayon::prelude::*;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::normalize::TokenClass;
use super::prepare::{Prepared, WordingPairs};
use super::{Edit, EditOp};

/// Longest run of equal function words that is absorbed between two changes.
const MAX_ABSORBED_RUN: usize = 2;

/// One run of the diff, as ranges of compared-word indices.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    op: EditOp,
    a: Range<usize>,
    b: Range<usize>,
}

/// The word edits turning sentence `x` (of article a) into sentence `y` (of article b).
#[cfg(test)]
fn word_edits(x: &Prepared, y: &Prepared) -> Vec<Edit> {
    placed(&runs(x, y), x, y)
}

/// The word edits of each pair `(x, y)` of `pairs`, as [`word_edits`] finds them: the runs are
/// found once per group of pairs with the same wording ([`WordingPairs`]) and placed in each
/// pair's own text.
pub fn word_edits_of_pairs(pairs: &[(&Prepared, &Prepared)]) -> Vec<Vec<Edit>> {
    let wordings = WordingPairs::of(pairs);
    let runs_of_group: Vec<Vec<Run>> = wordings
        .first_of_group
        .par_iter()
        .map(|&i| runs(pairs[i].0, pairs[i].1))
        .collect();
    pairs
        .par_iter()
        .zip(&wordings.group_of)
        .map(|(&(x, y), &group)| placed(&runs_of_group[group], x, y))
        .collect()
}

/// The runs of compared words turning `x` into `y`, short equal runs absorbed.
fn runs(x: &Prepared, y: &Prepared) -> Vec<Run> {
    absorb_short_equal_runs(raw_runs(x, y), x)
}

/// `runs` placed in the texts of `x` and `y`, as byte spans.
fn placed(runs: &[Run], x: &Prepared, y: &Prepared) -> Vec<Edit> {
    runs.iter()
        .map(|run| Edit {
            op: run.op,
            a: byte_span(x, &run.a),
            b: byte_span(y, &run.b),
        })
        .collect()
}

fn raw_runs(x: &Prepared, y: &Prepared) -> Vec<Run> {
    // The words both sentences start and end with are equal runs; only what lies between them
    // is diffed (a reworded sentence mostly changes a few words in its middle, and identical
    // wording, most links of reused copy, leaves nothing to diff).
    let (xk, yk) = (&x.keys, &y.keys);
    let prefix = xk.iter().zip(yk).take_while(|(a, b)| a == b).count();
    let suffix = xk[prefix..]
        .iter()
        .rev()
        .zip(yk[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (x_end, y_end) = (xk.len() - suffix, yk.len() - suffix);
    let mut runs = Vec::new();
    if prefix > 0 {
        runs.push(equal_run(0..prefix, 0..prefix));
    }
    let (x_middle, y_middle) = (&xk[prefix..x_end], &yk[prefix..y_end]);
    let middle = if x_middle.is_empty() && y_middle.is_empty() {
        Vec::new()
    } else {
        capture_diff_slices(Algorithm::Patience, x_middle, y_middle)
    };
    runs.extend(middle.into_iter().map(|op| {
        let (tag, a, b) = op.as_tag_tuple();
        let op = match tag {
            DiffTag::Equal => EditOp::Equal,
            DiffTag::Delete => EditOp::Delete,
            DiffTag::Insert => EditOp::Insert,
            DiffTag::Replace => EditOp::Replace,
        };
        Run {
            op,
            a: a.start + prefix..a.end + prefix,
            b: b.start + prefix..b.end + prefix,
        }
    }));
    if suffix > 0 {
        runs.push(equal_run(x_end..xk.len(), y_end..yk.len()));
    }
    merge_equal_neighbours(runs)
}

fn equal_run(a: Range<usize>, b: Range<usize>) -> Run {
    Run {
        op: EditOp::Equal,
        a,
        b,
    }
}

/// Joins adjacent equal runs (the trimmed ends next to an equal run of the middle).
fn merge_equal_neighbours(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        match out.last_mut() {
            Some(last) if last.op == EditOp::Equal && run.op == EditOp::Equal => {
                last.a.end = run.a.end;
                last.b.end = run.b.end;
            }
            _ => out.push(run),
        }
    }
    out
}

/// Folds "change, short equal run of function words, change" into one replacement.
fn absorb_short_equal_runs(runs: Vec<Run>, x: &Prepared) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    let mut iter = runs.into_iter().peekable();
    while let Some(run) = iter.next() {
        let absorbable = run.op == EditOp::Equal
            && run.a.len() <= MAX_ABSORBED_RUN
            && only_function_words(x, &run.a)
            && out.last().is_some_and(|prev| prev.op != EditOp::Equal)
            && iter.peek().is_some_and(|next| next.op != EditOp::Equal);
        if absorbable && let (Some(prev), Some(next)) = (out.last_mut(), iter.next()) {
            prev.a.end = next.a.end;
            prev.b.end = next.b.end;
            prev.op = EditOp::Replace;
            continue;
        }
        match out.last_mut() {
            Some(prev) if prev.op != EditOp::Equal && run.op != EditOp::Equal => {
                prev.a.end = run.a.end;
                prev.b.end = run.b.end;
                prev.op = EditOp::Replace;
            }
            _ => out.push(run),
        }
    }
    out
}

fn only_function_words(x: &Prepared, range: &Range<usize>) -> bool {
    x.key_tokens[range.clone()]
        .iter()
        .all(|&t| matches!(x.tokens[t].class, TokenClass::Function | TokenClass::Punct))
}

/// Byte span of compared words `range` in a sentence; an empty range sits where the words
/// would go.
fn byte_span(p: &Prepared, range: &Range<usize>) -> (usize, usize) {
    let token_at = |i: usize| p.key_tokens.get(i).and_then(|&t| p.tokens.get(t));
    if range.is_empty() {
        let at = token_at(range.start)
            .map(|t| t.start)
            .or_else(|| range.start.checked_sub(1).and_then(token_at).map(|t| t.end))
            .unwrap_or(0);
        return (at, at);
    }
    let start = token_at(range.start).map_or(0, |t| t.start);
    let end = token_at(range.end - 1).map_or(start, |t| t.end);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::prepare::PreparedSet;

    fn prepared(texts: [&str; 2]) -> PreparedSet {
        PreparedSet::from_texts(&texts)
    }

    #[test]
    fn identical_wording_gives_the_diffs_result() {
        for text in [
            "The toll rose to 1,200 on Monday, officials said.",
            "“We are ready,” she said.",
            "Floods.",
        ] {
            let set = prepared([text, &text.to_uppercase()]);
            let (x, y) = (set.get(0, 0), set.get(1, 0));
            assert_eq!(x.keys, y.keys);
            let diffed: Vec<Run> = capture_diff_slices(Algorithm::Patience, &x.keys, &y.keys)
                .into_iter()
                .map(|op| {
                    let (_, a, b) = op.as_tag_tuple();
                    Run {
                        op: EditOp::Equal,
                        a,
                        b,
                    }
                })
                .collect();
            assert_eq!(raw_runs(x, y), diffed, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_cover_both_sentences_and_equal_runs_are_equal(
            x in proptest::collection::vec(0usize..6, 3..14),
            y in proptest::collection::vec(0usize..6, 3..14),
        ) {
            const WORDS: [&str; 6] = ["the", "port", "fire", "crews", "said", "burned"];
            let sentence = |ids: &[usize]| {
                let words: Vec<&str> = ids.iter().map(|&i| WORDS[i]).collect();
                format!("{}.", words.join(" "))
            };
            let set = prepared([&sentence(&x), &sentence(&y)]);
            let (px, py) = (set.get(0, 0), set.get(1, 0));
            let runs = raw_runs(px, py);
            let (mut at_x, mut at_y) = (0, 0);
            for (i, run) in runs.iter().enumerate() {
                proptest::prop_assert_eq!((run.a.start, run.b.start), (at_x, at_y));
                (at_x, at_y) = (run.a.end, run.b.end);
                if run.op == EditOp::Equal {
                    proptest::prop_assert_eq!(&px.keys[run.a.clone()], &py.keys[run.b.clone()]);
                    let next_is_equal = runs.get(i + 1).is_some_and(|r| r.op == EditOp::Equal);
                    proptest::prop_assert!(!next_is_equal, "adjacent equal runs");
                }
            }
            proptest::prop_assert_eq!((at_x, at_y), (px.keys.len(), py.keys.len()));
        }
    }

    #[test]
    fn edits_of_pairs_found_once_per_wording_are_each_pairs_own() {
        // Three copies of one rewrite, written differently (case, spacing, punctuation), and
        // another rewrite: the runs are shared, the byte spans are each sentence's own.
        let set = PreparedSet::from_texts(&[
            "Crews said the fire burned for hours near the port.",
            "Crews said the blaze burned for hours near the port.",
            "CREWS SAID  THE BLAZE BURNED FOR HOURS NEAR THE PORT!",
            "crews said, the blaze burned for hours near the port",
            "Crews said the fire raged for hours near the old port.",
        ]);
        let original = set.get(0, 0);
        let copies: Vec<&Prepared> = (1..5).map(|i| set.get(i, 0)).collect();
        let pairs: Vec<(&Prepared, &Prepared)> = copies.iter().map(|&c| (original, c)).collect();
        let together = word_edits_of_pairs(&pairs);
        for (i, &(x, y)) in pairs.iter().enumerate() {
            assert_eq!(together[i], word_edits(x, y), "pair {i}");
        }
        assert_ne!(
            together[0], together[1],
            "spans of the upper-case copy are its own"
        );
    }

    #[test]
    fn a_change_in_the_middle_keeps_both_ends_equal() {
        let set = prepared([
            "Crews said the fire burned for hours near the port.",
            "Crews said the blaze burned for hours near the port.",
        ]);
        let edits = word_edits(set.get(0, 0), set.get(1, 0));
        let ops: Vec<EditOp> = edits.iter().map(|e| e.op).collect();
        assert_eq!(ops, [EditOp::Equal, EditOp::Replace, EditOp::Equal]);
        assert_eq!(edits[1].a, (15, 19));
        assert_eq!(edits[1].b, (15, 20));
    }

    #[test]
    fn changed_wording_is_diffed() {
        let set = prepared([
            "Protesters gathered outside the ministry on Monday.",
            "Rioters gathered outside the ministry on Monday.",
        ]);
        let edits = word_edits(set.get(0, 0), set.get(1, 0));
        assert_eq!(edits[0].op, EditOp::Replace);
        assert_eq!(edits[0].a, (0, 10));
        assert_eq!(edits[0].b, (0, 7));
        assert!(edits[1..].iter().all(|e| e.op == EditOp::Equal));
    }
}
