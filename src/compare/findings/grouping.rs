//! Substitutions grouped by wording across article pairs, for every list that shows them (the
//! app's table, the text, HTML and Markdown reports): computed here once, in rank order.
//!
//! A wording change is one row however many article pairs make it; house-style spellings of a
//! name are collapsed into one row whichever way round they were swapped.

use std::collections::HashMap;

use crate::compare::{SentenceRef, Substitution, SubstitutionKind};

/// One wording change across all article pairs that make it.
#[derive(Debug, Clone, PartialEq)]
pub struct SubstitutionGroup {
    /// The wording replaced (empty: words were added).
    pub from: String,
    /// The wording used instead (empty: words were cut).
    pub to: String,
    /// Why it matters.
    pub kind: SubstitutionKind,
    /// Whether either side carries a judgement.
    pub loaded: bool,
    /// Occurrences over all pairs.
    pub count: usize,
    /// `(a, b, count)` per article pair, in rank order.
    pub pairs: Vec<(usize, usize, usize)>,
    /// Where it first occurs.
    pub first: Option<SentenceRef>,
    /// Whether every pair's direction is known (original → copy); else the wordings only differ.
    pub directed: bool,
}

impl SubstitutionGroup {
    /// Whether the group belongs in the main list (not an addition, cut or house-style row).
    pub fn is_swap(&self) -> bool {
        !matches!(
            self.kind,
            SubstitutionKind::Addition | SubstitutionKind::Cut | SubstitutionKind::HouseStyle
        )
    }
}

/// `substitutions` (ranked, as a comparison stores them) grouped by wording, case aside, in the
/// order of each group's best-ranked member.
pub fn group_substitutions(substitutions: &[Substitution]) -> Vec<SubstitutionGroup> {
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut groups: Vec<SubstitutionGroup> = Vec::new();
    for s in substitutions {
        let row = *index.entry(wording_key(s)).or_insert_with(|| {
            groups.push(SubstitutionGroup {
                from: s.from.clone(),
                to: s.to.clone(),
                kind: s.kind,
                loaded: s.loaded,
                count: 0,
                pairs: Vec::new(),
                first: s.occurrences.first().map(|(a, _)| *a),
                directed: true,
            });
            groups.len() - 1
        });
        let group = &mut groups[row];
        group.count += s.count;
        group.directed &= s.directed;
        group.pairs.push((s.a, s.b, s.count));
    }
    groups
}

/// The wording a substitution is grouped by: as written (lower case), except that house-style
/// spellings group whichever way round they were swapped.
fn wording_key(s: &Substitution) -> (String, String) {
    let (from, to) = (s.from.to_lowercase(), s.to.to_lowercase());
    if s.kind == SubstitutionKind::HouseStyle && to < from {
        (to, from)
    } else {
        (from, to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn substitution(
        from: &str,
        to: &str,
        pair: (usize, usize),
        kind: SubstitutionKind,
    ) -> Substitution {
        Substitution {
            a: pair.0,
            b: pair.1,
            from: from.to_owned(),
            to: to.to_owned(),
            count: 1,
            kind,
            loaded: false,
            spread: 1,
            occurrences: Vec::new(),
            directed: false,
        }
    }

    #[test]
    fn groups_across_pairs_and_collapses_house_style_both_ways() {
        let list = [
            substitution("said", "claimed", (0, 1), SubstitutionKind::Attribution),
            substitution("Said", "claimed", (0, 2), SubstitutionKind::Attribution),
            substitution(
                "Mideast",
                "Middle East",
                (0, 1),
                SubstitutionKind::HouseStyle,
            ),
            substitution(
                "Middle East",
                "Mideast",
                (1, 2),
                SubstitutionKind::HouseStyle,
            ),
        ];
        let groups = group_substitutions(&list);
        assert_eq!(groups.len(), 2);
        assert_eq!((groups[0].count, groups[0].pairs.len()), (2, 2));
        assert!(groups[0].is_swap());
        assert_eq!(groups[1].pairs, [(0, 1, 1), (1, 2, 1)]);
        assert!(!groups[1].is_swap());
    }
}
