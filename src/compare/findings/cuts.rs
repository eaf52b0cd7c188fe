//! Cuts: what each copy cut from its original, along the version tree — whole sentences of the
//! original with no counterpart in the copy, and clauses cut from sentences the copy kept —
//! with whether the words cut named a claim's source. Only edges whose direction is known are
//! read (an undetermined edge has no "cut", only a difference).

use super::wording::Reader;
use crate::article::{Article, Role, collapse_whitespace};
use crate::compare::{Cut, CutKind, Descent, EditOp, Link, SentenceRef};

/// Fewest words a clause cut from a kept sentence has (fewer is an edit, listed with the
/// substitutions).
const MIN_CLAUSE_WORDS: usize = 3;

/// The cuts along every directed edge of `lineage`, from the links (`closest` marks each link's
/// closeness), ordered by copy, then by the original's sentence.
pub fn find(
    articles: &[Article],
    links: &[Link],
    closest: &[bool],
    lineage: &[Descent],
) -> Vec<Cut> {
    let mut reader = Reader::default();
    let mut out = Vec::new();
    for descent in lineage.iter().filter(|d| d.known) {
        let (original, copy) = (descent.original, descent.copy);
        let between = |l: &&Link| {
            (l.a.article, l.b.article) == (original, copy)
                || (l.a.article, l.b.article) == (copy, original)
        };
        let mut kept = vec![false; articles[original].sentences.len()];
        for link in links.iter().filter(between) {
            let here = if link.a.article == original {
                link.a
            } else {
                link.b
            };
            kept[here.sentence] = true;
        }
        for (s, sentence) in articles[original].sentences.iter().enumerate() {
            if kept[s] || !matches!(sentence.role, Role::Body | Role::ListItem) {
                continue;
            }
            let text = collapse_whitespace(articles[original].sentence_text(s));
            out.push(Cut {
                original: SentenceRef::new(original, s),
                copy,
                kept_in: None,
                kind: CutKind::Sentence,
                attribution: reader.words(&text).names_a_source(),
                text,
            });
        }
        for (link, _) in links.iter().zip(closest).filter(|(l, c)| **c && between(l)) {
            out.extend(clauses_cut(articles, link, original, &mut reader));
        }
    }
    out.sort_by(|x, y| (x.copy, x.original, &x.text).cmp(&(y.copy, y.original, &y.text)));
    out
}

/// The clauses the copy's sentence of `link` cut from the original's (`original` names the
/// original article).
fn clauses_cut(
    articles: &[Article],
    link: &Link,
    original: usize,
    reader: &mut Reader,
) -> Vec<Cut> {
    let original_is_a = link.a.article == original;
    let (here, there) = if original_is_a {
        (link.a, link.b)
    } else {
        (link.b, link.a)
    };
    let text = &articles[original].text;
    link.edits
        .iter()
        .filter(|e| {
            let only_here = if original_is_a {
                EditOp::Delete
            } else {
                EditOp::Insert
            };
            e.op == only_here
        })
        .filter_map(|e| {
            let span = if original_is_a { e.a } else { e.b };
            let words_text = collapse_whitespace(
                text[span.0..span.1].trim_matches(|c: char| !c.is_alphanumeric()),
            );
            let words = reader.words(&words_text);
            (words.len() >= MIN_CLAUSE_WORDS && !words.is_function_only()).then(|| Cut {
                original: here,
                copy: there.article,
                kept_in: Some(there),
                kind: CutKind::Clause,
                attribution: words.names_a_source(),
                text: words_text,
            })
        })
        .collect()
}
