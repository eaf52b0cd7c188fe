//! Greedy string tiling: how much of two sentences is covered by runs of words they share, each
//! run at least a few words long, wherever the runs sit (clauses may be moved around).
//!
//! Reused text keeps runs of several words; two outlets writing the same facts independently share
//! names and figures but rarely whole runs. That difference is what separates a rewording from
//! a sentence that merely has the same topic.

/// Shortest run of shared words that counts as evidence of reuse.
pub const MIN_TILE: usize = 3;

/// The number of positions of `a` (and as many of `b`) covered by maximal shared runs of at
/// least `min_tile` words, found greedily longest first.
pub fn tiled(a: &[u32], b: &[u32], min_tile: usize) -> usize {
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut covered = 0;
    // Dynamic programming row of common-suffix lengths over unused positions.
    let mut row = vec![0usize; b.len() + 1];
    loop {
        let mut best = (0, 0, 0); // (length, end in a, end in b)
        row.iter_mut().for_each(|v| *v = 0);
        for i in 0..a.len() {
            let mut previous_diagonal = 0;
            for j in 0..b.len() {
                let above = row[j + 1];
                row[j + 1] = if a[i] == b[j] && !used_a[i] && !used_b[j] {
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
            return covered;
        }
        for k in 0..length {
            used_a[end_a - 1 - k] = true;
            used_b[end_b - 1 - k] = true;
        }
        covered += length;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
