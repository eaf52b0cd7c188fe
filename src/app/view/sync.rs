//! Locked scrolling: a monotone mapping between the vertical positions of two columns, built from
//! the sentences they share, so that scrolling one column brings the other's counterpart content
//! level with it. Paragraphs an outlet moved elsewhere are left out of the mapping (it keeps the
//! longest run of links that go down both columns together) and the gaps are interpolated.

/// Anchor points `(y in column A, y in column B)`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mapping {
    anchors: Vec<(f32, f32)>,
}

impl Mapping {
    /// A mapping through `pairs` of positions of linked content, for columns of heights
    /// `height_a` and `height_b`.
    pub fn new(mut pairs: Vec<(f32, f32)>, height_a: f32, height_b: f32) -> Self {
        // Equal first coordinates sorted by descending second one, so at most one of them is kept.
        pairs.sort_by(|x, y| x.0.total_cmp(&y.0).then(y.1.total_cmp(&x.1)));
        let mut anchors = vec![(0.0, 0.0)];
        anchors.extend(longest_increasing(&pairs));
        anchors.push((height_a.max(0.0), height_b.max(0.0)));
        anchors.dedup_by(|x, y| x.0 <= y.0 || x.1 <= y.1);
        Mapping { anchors }
    }

    /// The position in column B level with `y` in column A.
    pub fn map(&self, y: f32) -> f32 {
        let i = self.anchors.partition_point(|a| a.0 <= y);
        match (
            i.checked_sub(1).and_then(|k| self.anchors.get(k)),
            self.anchors.get(i),
        ) {
            (Some(&(a0, b0)), Some(&(a1, b1))) if a1 > a0 => b0 + (y - a0) * (b1 - b0) / (a1 - a0),
            (Some(&(a0, b0)), _) => b0 + (y - a0),
            (None, Some(&(a1, b1))) => b1 - (a1 - y),
            (None, None) => y,
        }
    }
}

/// The longest subsequence of `pairs` (sorted by first coordinate, ties by descending second)
/// whose second coordinate strictly increases.
fn longest_increasing(pairs: &[(f32, f32)]) -> Vec<(f32, f32)> {
    // Patience sorting with back-pointers: O(n log n).
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (i, &(_, b)) in pairs.iter().enumerate() {
        let position = tails.partition_point(|&t| pairs[t].1 < b);
        previous[i] = position.checked_sub(1).map(|p| tails[p]);
        if position == tails.len() {
            tails.push(i);
        } else {
            tails[position] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cursor = tails.last().copied();
    while let Some(i) = cursor {
        out.push(pairs[i]);
        cursor = previous[i];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_through_shared_content_and_interpolates() {
        let m = Mapping::new(vec![(100.0, 300.0), (200.0, 400.0)], 1000.0, 1200.0);
        assert_eq!(m.map(100.0), 300.0);
        assert_eq!(m.map(150.0), 350.0);
        assert_eq!(m.map(0.0), 0.0);
        assert_eq!(m.map(50.0), 150.0);
    }

    #[test]
    fn moved_paragraphs_do_not_fold_the_mapping() {
        // The third pair goes backwards in B (a moved paragraph): it is left out.
        let m = Mapping::new(
            vec![
                (100.0, 100.0),
                (200.0, 200.0),
                (300.0, 50.0),
                (400.0, 400.0),
            ],
            500.0,
            500.0,
        );
        assert!(m.map(300.0) > m.map(200.0));
        assert_eq!(m.map(300.0), 300.0);
    }

    #[test]
    fn beyond_the_last_anchor_moves_one_for_one() {
        let m = Mapping::new(vec![], 100.0, 100.0);
        assert_eq!(m.map(150.0), 150.0);
    }
}
