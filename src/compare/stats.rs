//! Statistics: per-article shares of identical, reworded and unique text (by characters), the
//! N×N overlap matrix. (Which article is derived from which is the lineage's, see
//! [`super::direction`].)

use super::{ArticleStats, Link, SentenceInfo, Stats, Status};
use crate::article::Article;

/// Statistics over `articles` given their links and sentence facts.
pub fn compute(articles: &[Article], links: &[Link], info: &[Vec<SentenceInfo>]) -> Stats {
    let chars: Vec<Vec<usize>> = articles
        .iter()
        .map(|a| {
            a.sentences
                .iter()
                .map(|s| a.text[s.range()].chars().count())
                .collect()
        })
        .collect();
    let per_article = articles
        .iter()
        .enumerate()
        .map(|(i, _)| article_stats(&chars[i], &info[i]))
        .collect();
    let overlap = overlap_matrix(articles.len(), links, &chars);
    Stats {
        articles: per_article,
        overlap,
        derivations: Vec::new(),
    }
}

fn article_stats(chars: &[usize], info: &[SentenceInfo]) -> ArticleStats {
    let total: usize = chars.iter().sum();
    let share = |status: Status| {
        let n: usize = chars
            .iter()
            .zip(info)
            .filter(|(_, i)| i.status == status)
            .map(|(c, _)| c)
            .sum();
        if total == 0 {
            0.0
        } else {
            n as f32 / total as f32
        }
    };
    ArticleStats {
        chars: total,
        identical: share(Status::Identical),
        reworded: share(Status::Reworded),
        unique: share(Status::Unique),
    }
}

/// `m[i][j]`: share of article `i`'s characters in sentences linked to article `j`.
fn overlap_matrix(n: usize, links: &[Link], chars: &[Vec<usize>]) -> Vec<Vec<f32>> {
    // linked[i][j] lists the sentences of i linked to j (deduplicated below).
    let mut linked: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); n]; n];
    for link in links {
        linked[link.a.article][link.b.article].push(link.a.sentence);
        linked[link.b.article][link.a.article].push(link.b.sentence);
    }
    (0..n)
        .map(|i| {
            let total: usize = chars[i].iter().sum();
            (0..n)
                .map(|j| {
                    if i == j {
                        return 1.0;
                    }
                    let sentences = &mut linked[i][j];
                    sentences.sort_unstable();
                    sentences.dedup();
                    let covered: usize = sentences.iter().map(|&s| chars[i][s]).sum();
                    if total == 0 {
                        0.0
                    } else {
                        covered as f32 / total as f32
                    }
                })
                .collect()
        })
        .collect()
}
