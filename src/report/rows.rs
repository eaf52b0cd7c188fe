//! The row alignment of the report's side-by-side views: some articles' sentences in rows, so
//! that corresponding sentences share a row and each column keeps its article's own order.
//!
//! Articles are added one at a time, in order. Each article is cut into runs (consecutive
//! sentences of one group, or a single unique sentence); its runs are matched to the rows built
//! so far by a longest common subsequence on group ids, which keeps both the rows' order and the
//! article's order. Matched runs join their row; the others become new rows, placed after the
//! unmatched rows already between the same two matches. Finally, consecutive rows holding a
//! single article each (unique text, or content the others carry elsewhere) are zipped together
//! so that different articles' extra material sits side by side instead of in a staircase.

use std::ops::Range;

use crate::compare::{Comparison, SentenceRef};

/// Per column, the sentences shown in one cell of a row (`None`: the cell is empty).
pub type Cells = Vec<Option<Range<usize>>>;

/// Consecutive sentences of one article that share a group, or a single unique sentence.
struct Run {
    sentences: Range<usize>,
    group: Option<usize>,
}

/// A row while the rows are built: the group it stands for and its cells.
struct Row {
    group: Option<usize>,
    cells: Cells,
}

/// Rows of some articles' sentences side by side: `rows[r][k]` is the cell of the `k`-th article
/// shown, and each shown sentence's row is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows {
    /// The articles shown, one column each, in order.
    pub articles: Vec<usize>,
    /// The rows, top to bottom.
    pub rows: Vec<Cells>,
    /// Per article of the comparison, per sentence, its row (`None` for articles not shown).
    row_of: Vec<Option<Vec<usize>>>,
}

impl Rows {
    /// The rows of `articles` (indices into the comparison), one column each in that order.
    pub fn build(c: &Comparison, articles: &[usize]) -> Rows {
        let n = articles.len();
        let mut rows: Vec<Row> = Vec::new();
        for (column, &article) in articles.iter().enumerate() {
            let runs = runs_of(c, article);
            let matches = match_runs(&runs, &rows);
            rows = merge_runs(rows, runs, &matches, column, n);
        }
        let rows = zip_single_article_rows(rows.into_iter().map(|r| r.cells).collect());
        let mut row_of: Vec<Option<Vec<usize>>> = vec![None; c.articles.len()];
        for &article in articles {
            row_of[article] = Some(vec![0; c.articles[article].sentences.len()]);
        }
        for (index, cells) in rows.iter().enumerate() {
            for (column, cell) in cells.iter().enumerate() {
                let Some(rows_of_article) = row_of[articles[column]].as_mut() else {
                    continue;
                };
                for sentence in cell.clone().into_iter().flatten() {
                    rows_of_article[sentence] = index;
                }
            }
        }
        Rows {
            articles: articles.to_vec(),
            rows,
            row_of,
        }
    }

    /// The row holding sentence `r`, when its article is shown.
    pub fn row(&self, r: SentenceRef) -> Option<usize> {
        self.row_of
            .get(r.article)?
            .as_ref()?
            .get(r.sentence)
            .copied()
    }
}

fn runs_of(c: &Comparison, article: usize) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (sentence, info) in c.sentences[article].iter().enumerate() {
        match runs.last_mut() {
            Some(last) if info.group.is_some() && last.group == info.group => {
                last.sentences.end = sentence + 1
            }
            _ => runs.push(Run {
                sentences: sentence..sentence + 1,
                group: info.group,
            }),
        }
    }
    runs
}

/// For each run, the row it joins: a longest common subsequence of the runs' and rows' groups.
/// Only rows whose group occurs among the runs take part, which keeps the table small.
fn match_runs(runs: &[Run], rows: &[Row]) -> Vec<Option<usize>> {
    let wanted: std::collections::HashSet<usize> = runs.iter().filter_map(|r| r.group).collect();
    let candidates: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].group.is_some_and(|g| wanted.contains(&g)))
        .collect();
    let (n, m) = (runs.len(), candidates.len());
    let same =
        |i: usize, j: usize| runs[i].group.is_some() && runs[i].group == rows[candidates[j]].group;
    let width = m + 1;
    // lcs[i * width + j]: length of the common subsequence of runs[i..] and candidates[j..].
    let mut lcs = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * width + j] = if same(i, j) {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let mut matches = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same(i, j) {
            matches[i] = Some(candidates[j]);
            i += 1;
            j += 1;
        } else if lcs[i * width + j + 1] >= lcs[(i + 1) * width + j] {
            // On a tie, pass over the row rather than the run: the run may still find its row.
            j += 1;
        } else {
            i += 1;
        }
    }
    matches
}

/// The rows with the runs of the article in `column` added: matched runs fill their row's cell,
/// unmatched runs get a row of their own after the unmatched rows that precede the next match.
fn merge_runs(
    old: Vec<Row>,
    runs: Vec<Run>,
    matches: &[Option<usize>],
    column: usize,
    n: usize,
) -> Vec<Row> {
    let mut merged = Vec::with_capacity(old.len() + runs.len());
    let mut pending: Vec<Row> = Vec::new();
    let mut old = old.into_iter().enumerate().peekable();
    for (run, matched) in runs.into_iter().zip(matches) {
        let Some(target) = *matched else {
            let mut cells = vec![None; n];
            cells[column] = Some(run.sentences);
            pending.push(Row {
                group: run.group,
                cells,
            });
            continue;
        };
        while let Some((_, row)) = old.next_if(|(i, _)| *i < target) {
            merged.push(row);
        }
        merged.append(&mut pending);
        if let Some((_, mut row)) = old.next() {
            row.cells[column] = Some(run.sentences);
            merged.push(row);
        }
    }
    merged.extend(old.map(|(_, row)| row));
    merged.append(&mut pending);
    merged
}

/// Zips each stretch of consecutive rows that hold one article each: the stretch's k-th row gets
/// every article's k-th cell of the stretch. Every column keeps its order.
fn zip_single_article_rows(rows: Vec<Cells>) -> Vec<Cells> {
    let mut out = Vec::with_capacity(rows.len());
    let mut stretch: Vec<Cells> = Vec::new();
    for row in rows {
        if row.iter().flatten().count() == 1 {
            stretch.push(row);
        } else {
            out.extend(zip_stretch(std::mem::take(&mut stretch)));
            out.push(row);
        }
    }
    out.extend(zip_stretch(stretch));
    out
}

fn zip_stretch(stretch: Vec<Cells>) -> Vec<Cells> {
    let n = stretch.first().map_or(0, Vec::len);
    let mut columns: Vec<Vec<Range<usize>>> = vec![Vec::new(); n];
    for row in stretch {
        for (article, cell) in row.into_iter().enumerate() {
            columns[article].extend(cell);
        }
    }
    let height = columns.iter().map(Vec::len).max().unwrap_or(0);
    (0..height)
        .map(|k| {
            columns
                .iter()
                .map(|column| column.get(k).cloned())
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format};
    use crate::compare::{Options, compare};

    #[test]
    fn zipping_keeps_each_column_in_order() {
        let rows = vec![
            vec![Some(0..1), Some(0..1)],
            vec![Some(1..2), None],
            vec![Some(2..3), None],
            vec![None, Some(1..2)],
            vec![Some(3..4), Some(2..3)],
        ];
        let zipped = zip_single_article_rows(rows);
        assert_eq!(
            zipped,
            vec![
                vec![Some(0..1), Some(0..1)],
                vec![Some(1..2), Some(1..2)],
                vec![Some(2..3), None],
                vec![Some(3..4), Some(2..3)],
            ]
        );
    }

    fn story(label: &str, paragraphs: &[&str]) -> Article {
        Article::from_text(
            label,
            format!("{label}.txt"),
            paragraphs.join("\n\n"),
            Format::Text,
        )
    }

    const FIRE: &str = "A fire destroyed the old grain store on the quay late on Sunday night.";
    const CREWS: &str = "Forty firefighters fought the flames for six hours before dawn broke.";
    const OWNER: &str = "The owner said the building had been empty since the spring floods.";
    const EXTRA: &str = "Residents of the lanes nearby were told to keep their windows closed.";

    #[test]
    fn moved_sentences_keep_their_columns_in_order() {
        let c = compare(
            vec![
                story("first", &[FIRE, CREWS, OWNER]),
                story("second", &[FIRE, OWNER, CREWS, EXTRA]),
            ],
            &Options::default(),
        );
        let rows = Rows::build(&c, &[0, 1]);
        for (column, &article) in rows.articles.iter().enumerate() {
            let order: Vec<usize> = rows
                .rows
                .iter()
                .filter_map(|cells| cells[column].clone())
                .flatten()
                .collect();
            let all: Vec<usize> = (0..c.articles[article].sentences.len()).collect();
            assert_eq!(order, all, "column {column}");
        }
        let fire = (SentenceRef::new(0, 0), SentenceRef::new(1, 0));
        assert_eq!(rows.row(fire.0), rows.row(fire.1));
    }

    #[test]
    fn a_subset_shows_only_its_articles() {
        let c = compare(
            vec![
                story("first", &[FIRE, CREWS]),
                story("second", &[FIRE, CREWS]),
                story("third", &[FIRE, EXTRA]),
            ],
            &Options::default(),
        );
        let rows = Rows::build(&c, &[2, 0]);
        assert!(rows.rows.iter().all(|cells| cells.len() == 2));
        assert_eq!(rows.row(SentenceRef::new(1, 0)), None);
        assert_eq!(
            rows.row(SentenceRef::new(2, 0)),
            rows.row(SentenceRef::new(0, 0))
        );
    }
}
