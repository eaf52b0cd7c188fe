//! Next / previous difference across every column: the starts of the reworded and unique runs
//! (a run is consecutive sentences of one paragraph with the same status), column by column from
//! left to right and top to bottom in each, wrapping around at either end.

use super::super::command::SentenceKey;
use super::super::state::Filter;
use super::super::workspace::Column;
use super::is_difference;
use crate::compare::Comparison;

/// Where a step landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The first sentence of the difference reached.
    pub key: SentenceKey,
    /// Its number among all differences (from 1).
    pub number: usize,
    /// How many differences there are.
    pub total: usize,
    /// Whether the walk went past the last (or, backwards, the first) difference to get here.
    pub wrapped: bool,
}

/// A run of difference: consecutive sentences of one paragraph with the same status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// Its first sentence.
    pub start: SentenceKey,
    /// Its last sentence (in the same article).
    pub last: usize,
    /// The position of its column.
    pub column: usize,
}

/// Every difference run, in reading order: column by column, top to bottom.
pub fn difference_runs(c: &Comparison, columns: &[Column], filter: Filter) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (position, column) in columns.iter().enumerate() {
        let sentences = &c.articles[column.index].sentences;
        let infos = &c.sentences[column.index];
        let target = |s: usize| is_difference(infos[s].status, filter);
        for s in (0..sentences.len()).filter(|&s| target(s)) {
            let continues_run = s > 0
                && target(s - 1)
                && sentences[s - 1].paragraph == sentences[s].paragraph
                && infos[s - 1].status == infos[s].status;
            match runs.last_mut() {
                Some(run) if continues_run => run.last = s,
                _ => runs.push(Run {
                    start: SentenceKey {
                        article: column.id,
                        sentence: s,
                    },
                    last: s,
                    column: position,
                }),
            }
        }
    }
    runs
}

/// The run after (or before) `current` — a column position and sentence — wrapping at the ends.
/// From inside a run, backwards goes to the run before it.
pub fn step(runs: &[Run], current: Option<(usize, usize)>, forward: bool) -> Option<Step> {
    if runs.is_empty() {
        return None;
    }
    let total = runs.len();
    let (index, wrapped) = match (current, forward) {
        (None, true) => (0, false),
        (None, false) => (total - 1, false),
        (Some(at), true) => runs
            .iter()
            .position(|r| (r.column, r.start.sentence) > at)
            .map_or((0, true), |i| (i, false)),
        (Some(at), false) => runs
            .iter()
            .rposition(|r| (r.column, r.last) < at)
            .map_or((total - 1, true), |i| (i, false)),
    };
    Some(Step {
        key: runs[index].start,
        number: index + 1,
        total,
        wrapped,
    })
}

/// What the status bar says after a step.
pub fn describe(step: &Step, forward: bool) -> String {
    let place = format!("Difference {} of {}", step.number, step.total);
    match (step.wrapped, forward) {
        (false, _) => place,
        (true, true) => format!("{place} · past the last one, back to the first"),
        (true, false) => format!("{place} · past the first one, on to the last"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::workspace::ArticleId;

    fn run(column: usize, start: usize, last: usize) -> Run {
        Run {
            start: SentenceKey {
                article: ArticleId(column as u64),
                sentence: start,
            },
            last,
            column,
        }
    }

    #[test]
    fn steps_through_every_column_in_reading_order_and_wraps() {
        let runs = [run(0, 2, 3), run(0, 7, 7), run(1, 0, 1), run(2, 5, 5)];
        let next = |at| step(&runs, at, true).unwrap();
        let previous = |at| step(&runs, at, false).unwrap();
        assert_eq!(next(None).key, runs[0].start);
        assert_eq!(next(Some((0, 2))).key, runs[1].start);
        assert_eq!(
            next(Some((0, 7))).key,
            runs[2].start,
            "on to the next column"
        );
        let last = next(Some((1, 0)));
        assert_eq!(
            (last.key, last.number, last.total, last.wrapped),
            (runs[3].start, 4, 4, false)
        );
        let wrapped = next(Some((2, 5)));
        assert_eq!((wrapped.key, wrapped.wrapped), (runs[0].start, true));
        // Backwards: from inside a run to the run before; from an unmarked sentence to the last
        // run above it; past the first to the last.
        assert_eq!(previous(Some((0, 7))).key, runs[0].start);
        assert!(previous(Some((0, 3))).wrapped, "inside the first run");
        assert_eq!(previous(Some((1, 1))).key, runs[1].start);
        assert_eq!(previous(Some((0, 5))).key, runs[0].start);
        let back = previous(Some((0, 2)));
        assert_eq!((back.key, back.wrapped), (runs[3].start, true));
        assert!(step(&[], None, true).is_none());
    }
}
