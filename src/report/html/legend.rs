//! The legend: every mark the report uses, as an enum, with what it means and a sample of it.

use maud::{Markup, html};

/// Most swatches shown for the "shared by k of N" heat scale.
const MAX_SWATCHES: usize = 6;

/// A mark the report uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legend {
    /// Sentences carried word for word by other articles (tinted by how many).
    Shared,
    /// Sentences carried by others with other wording.
    Reworded,
    /// Sentences no other article carries.
    Unique,
    /// A copy's words its original had and it cut or replaced.
    Removed,
    /// A copy's words its original lacks.
    Added,
    /// Words that differ where it is not known which version changed them.
    Differs,
}

impl Legend {
    /// Every entry, in the order shown.
    pub const ALL: [Legend; 6] = [
        Legend::Shared,
        Legend::Reworded,
        Legend::Unique,
        Legend::Removed,
        Legend::Added,
        Legend::Differs,
    ];

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Legend::Shared => "Shared",
            Legend::Reworded => "Reworded",
            Legend::Unique => "Unique",
            Legend::Removed => "Removed",
            Legend::Added => "Added",
            Legend::Differs => "Differs",
        }
    }

    /// What it means.
    pub fn meaning(self) -> &'static str {
        match self {
            Legend::Shared => {
                "The same sentence in other articles; the darker the blue, the more articles carry it."
            }
            Legend::Reworded => "The same sentence reused with words swapped, added or cut.",
            Legend::Unique => "Found in no other article (beside a version: not in that version).",
            Legend::Removed => {
                "Words of the original that the copy cut or replaced (struck through)."
            }
            Legend::Added => "Words the copy added or put instead (underlined).",
            Legend::Differs => {
                "Words that differ between two versions when it is not known which one changed them \
                 (dotted, on both sides)."
            }
        }
    }

    /// A sample of the mark, for `n` articles.
    pub fn sample(self, n: usize) -> Markup {
        match self {
            Legend::Shared => html! {
                @for k in levels(n) {
                    span.sw.{"k" (k)} title={"shared by " (k) " of " (n)} { (k) }
                }
                span.muted { " by " (if n > 2 { format!("2 … {n}") } else { n.to_string() }) " of " (n) }
            },
            Legend::Reworded => html! { span.sw.rw { "reworded" } },
            Legend::Unique => html! { span.sw.un { "unique" } },
            Legend::Removed => html! { del { "removed" } },
            Legend::Added => html! { ins { "added" } },
            Legend::Differs => html! { mark.d { "differs" } },
        }
    }
}

/// The legend as a list.
pub fn legend(n: usize) -> Markup {
    html! {
        ul.legend {
            @for entry in Legend::ALL {
                li { strong { (entry.name()) } " " (entry.sample(n)) " — " (entry.meaning()) }
            }
        }
    }
}

/// The "shared by k of N" values shown: at most a handful, spread from 2 to N.
fn levels(n: usize) -> Vec<usize> {
    if n < 2 {
        return Vec::new();
    }
    let steps = (n - 1).min(MAX_SWATCHES);
    let mut levels: Vec<usize> = (0..steps)
        .map(|i| 2 + i * (n - 2) / (steps - 1).max(1))
        .collect();
    levels.dedup();
    levels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_span_the_scale() {
        assert_eq!(levels(2), vec![2]);
        assert_eq!(levels(4), vec![2, 3, 4]);
        let many = levels(50);
        assert_eq!(
            (many.first(), many.last(), many.len()),
            (Some(&2), Some(&50), MAX_SWATCHES)
        );
    }

    #[test]
    fn every_entry_has_a_sample() {
        for entry in Legend::ALL {
            assert!(!entry.sample(4).into_string().is_empty(), "{entry:?}");
        }
    }
}
