//! Greedy string tiling: how much of two sentences is covered by runs of words they share, each
//! run at least a few words long, wherever the runs sit (clauses may be moved around).
//!
//! Reused text keeps runs of several words; two outlets writing the same facts independently share
//! names and figures but rarely whole runs. That difference is what separates a rewording from
//! a sentence that merely has the same topic.

/// Shortest run of shared words that counts as evidence of reuse.
pub const MIN_TILE: usize = 3;

/// The number of positions of `a` (and as many of `b`) covered by maximal shared runs of at
/// least `min_tile` words, found greedily longest first, or the cover found so far once `enough`
/// says it is (it only grows, so a caller testing a bar need not find the rest).
pub fn tiled_until(a: &[u32], b: &[u32], min_tile: usize, enough: impl Fn(usize) -> bool) -> usize {
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    // A word of `a` found nowhere in `b` starts and continues no run: its row is all zeros.
    let in_b: Vec<bool> = a.iter().map(|word| b.contains(word)).collect();
    let mut covered = 0;
    // Dynamic programming row of common-suffix lengths over unused positions.
    let mut row = vec![0usize; b.len() + 1];
    while !enough(covered) {
        let mut best = (0, 0, 0); // (length, end in a, end in b)
        row.iter_mut().for_each(|v| *v = 0);
        for i in 0..a.len() {
            if used_a[i] || !in_b[i] {
                row.iter_mut().for_each(|v| *v = 0);
                continue;
            }
            let mut previous_diagonal = 0;
            for j in 0..b.len() {
                let above = row[j + 1];
                row[j + 1] = if a[i] == b[j] && !used_b[j] {
                    previous_diagonal + 1
                } else {
                    0
                };
                if row[j + 1] > best.0 {
                    best = (row[j + 1], i + 1, j + 1);
                }
                previous_diagonal = above;
            }
        }
        let (length, end_a, end_b) = best;
        if length < min_tile {
            break;
        }
        for k in 0..length {
            used_a[end_a - 1 - k] = true;
            used_b[end_b - 1 - k] = true;
        }
        covered += length;
    }
    covered
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiled(a: &[u32], b: &[u32], min_tile: usize) -> usize {
        tiled_until(a, b, min_tile, |_| false)
    }

    #[test]
    fn covers_moved_clauses_and_ignores_short_runs() {
        // "a b c d" moved after "x y z" in the second sentence.
        assert_eq!(
            tiled(&[1, 2, 3, 4, 9, 5, 6, 7], &[5, 6, 7, 8, 1, 2, 3, 4], 3),
            7
        );
        assert_eq!(tiled(&[1, 2, 9, 3, 4], &[1, 2, 8, 3, 4], 3), 0);
        assert_eq!(tiled(&[1, 2, 3], &[1, 2, 3], 3), 3);
        assert_eq!(tiled(&[], &[1, 2, 3], 3), 0);
    }

    #[test]
    fn a_word_used_once_is_not_matched_again() {
        // The first tile takes "1 2 3"; the second "1 2 3" of `a` has no partner left.
        assert_eq!(tiled(&[1, 2, 3, 1, 2, 3], &[1, 2, 3, 7, 7, 7], 3), 3);
        // Two tiles, the longer first: "4 5 6 7" then "1 2 3" (the "1 2" inside it unused).
        assert_eq!(
            tiled(&[1, 2, 3, 9, 4, 5, 6, 7], &[4, 5, 6, 7, 8, 1, 2, 3], 2),
            7
        );
    }

    #[test]
    fn stops_once_the_cover_is_enough() {
        let (a, b) = ([1, 2, 3, 4, 9, 5, 6, 7], [5, 6, 7, 8, 1, 2, 3, 4]);
        // The longest tile ("1 2 3 4") alone is enough; without a bar both tiles are found.
        assert_eq!(tiled_until(&a, &b, 3, |covered| covered >= 4), 4);
        assert_eq!(tiled_until(&a, &b, 3, |covered| covered >= 6), 7);
    }
}
