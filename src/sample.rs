//! The bundled sample comparison: an invented story (a wire report and three outlets' versions)
//! compiled into the binary, so "Open the sample" works from any install location.

use std::collections::HashMap;

use crate::article::{Article, Format, make_labels_unique};

/// The sample's files: (file stem, text), in the order they open.
const FILES: &[(&str, &str)] = &[
    ("wire", include_str!("../assets/samples/wire.txt")),
    (
        "the-courier",
        include_str!("../assets/samples/the-courier.txt"),
    ),
    (
        "daily-ledger",
        include_str!("../assets/samples/daily-ledger.txt"),
    ),
    (
        "northern-post",
        include_str!("../assets/samples/northern-post.txt"),
    ),
];

/// File stem → outlet name shown in the app.
const LABELS: &str = include_str!("../assets/samples/labels.json");

/// The sample's articles, ready to compare.
pub fn articles() -> Vec<Article> {
    let labels: HashMap<String, String> = serde_json::from_str(LABELS).unwrap_or_default();
    let mut articles: Vec<Article> = FILES
        .iter()
        .map(|(stem, text)| {
            let label = labels
                .get(*stem)
                .cloned()
                .unwrap_or_else(|| (*stem).to_owned());
            Article::from_text(label, format!("sample: {stem}.txt"), *text, Format::Text)
        })
        .collect();
    make_labels_unique(&mut articles);
    articles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{Options, compare};

    #[test]
    fn sample_has_named_outlets_and_every_pattern() {
        let articles = articles();
        let labels: Vec<&str> = articles.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Continental Press Agency",
                "The Courier",
                "Daily Ledger",
                "Northern Post"
            ]
        );
        let c = compare(articles, &Options::default());
        assert!(
            c.groups.iter().any(|g| g.articles == 4),
            "something shared by all four"
        );
        assert!(
            c.substitutions
                .iter()
                .any(|s| s.from.eq_ignore_ascii_case("protesters")
                    && s.to.eq_ignore_ascii_case("rioters"))
        );
        assert!(!c.quote_changes.is_empty(), "an altered quote");
        assert!(!c.numbers.is_empty(), "conflicting figures");
        assert!(!c.omissions.is_empty(), "omissions");
        assert!(
            c.stats.articles[1..].iter().all(|s| s.unique > 0.0),
            "unique paragraphs in every outlet"
        );
    }
}
