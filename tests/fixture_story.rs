//! End-to-end tests on our invented story (`tests/fixtures/harbor-fire`): a wire story, three
//! outlets' rewrites and an independent article, with the expected links written down by hand in
//! `expected.json`. Runs the real binary and checks alignment, findings and every report format.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Linked sentence pairs, each as `((article, sentence), (article, sentence))`, smaller end first.
type LinkSet = HashSet<((usize, usize), (usize, usize))>;

const DOCS: [&str; 5] = ["independent", "outlet-a", "outlet-b", "outlet-c", "wire"];

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbor-fire")
}

fn files() -> Vec<PathBuf> {
    DOCS.iter()
        .map(|d| fixture_dir().join(format!("{d}.txt")))
        .collect()
}

fn expected() -> Value {
    let text = std::fs::read_to_string(fixture_dir().join("expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("valid expected.json")
}

fn run(args: &[&str], files: &[PathBuf]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .args(files)
        .output()
        .expect("the binary runs")
}

fn report() -> Value {
    let out = run(&["compare", "--format", "json"], &files());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn doc_index(id: &str) -> usize {
    DOCS.iter().position(|d| *d == id).expect("known doc")
}

/// The sentences of `article` that overlap the first occurrence of `text` in its file.
fn sentences_covering(report: &Value, article: usize, text: &str) -> Vec<usize> {
    let body = report["articles"][article]["text"].as_str().expect("text");
    let start = body
        .find(text)
        .unwrap_or_else(|| panic!("{text:?} not in article {article}"));
    let end = start + text.len();
    report["articles"][article]["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            let (s0, s1) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            s0 < end && start < s1
        })
        .map(|(i, _)| i)
        .collect()
}

fn linked_pairs(report: &Value) -> LinkSet {
    report["links"]
        .as_array()
        .expect("links")
        .iter()
        .map(|l| {
            let end = |v: &Value| {
                (
                    v[0].as_u64().unwrap() as usize,
                    v[1].as_u64().unwrap() as usize,
                )
            };
            let (a, b) = (end(&l["a"]), end(&l["b"]));
            if a < b { (a, b) } else { (b, a) }
        })
        .collect()
}

/// Whether some sentence covering `a_text` is linked to some sentence covering `b_text`.
fn is_linked(report: &Value, pairs: &LinkSet, entry: &Value) -> bool {
    let (a, b) = (
        doc_index(entry["a"].as_str().unwrap()),
        doc_index(entry["b"].as_str().unwrap()),
    );
    let sa = sentences_covering(report, a, entry["a_text"].as_str().unwrap());
    let sb = sentences_covering(report, b, entry["b_text"].as_str().unwrap());
    sa.iter().any(|&x| {
        sb.iter().any(|&y| {
            let (p, q) = ((a, x), (b, y));
            pairs.contains(&if p < q { (p, q) } else { (q, p) })
        })
    })
}

#[test]
fn finds_the_hand_made_links() {
    let report = report();
    let pairs = linked_pairs(&report);
    let expected = expected();
    let links = expected["links"].as_array().unwrap();
    let missed: Vec<&Value> = links
        .iter()
        .filter(|l| !is_linked(&report, &pairs, l))
        .collect();
    let recall = 1.0 - missed.len() as f64 / links.len() as f64;
    assert!(
        recall >= 0.9,
        "link recall {recall:.2}; missed: {missed:#?}"
    );
}

#[test]
fn identical_links_are_classified_identical() {
    let report = report();
    let expected = expected();
    for entry in expected["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["kind"] == "identical")
    {
        let (a, b) = (
            doc_index(entry["a"].as_str().unwrap()),
            doc_index(entry["b"].as_str().unwrap()),
        );
        let sa = sentences_covering(&report, a, entry["a_text"].as_str().unwrap());
        let sb = sentences_covering(&report, b, entry["b_text"].as_str().unwrap());
        let kinds: Vec<&str> = report["links"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| {
                let ends = [
                    (
                        l["a"][0].as_u64().unwrap() as usize,
                        l["a"][1].as_u64().unwrap() as usize,
                    ),
                    (
                        l["b"][0].as_u64().unwrap() as usize,
                        l["b"][1].as_u64().unwrap() as usize,
                    ),
                ];
                ends.iter().any(|e| e.0 == a && sa.contains(&e.1))
                    && ends.iter().any(|e| e.0 == b && sb.contains(&e.1))
            })
            .map(|l| l["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["identical"], "{entry}");
    }
}

#[test]
fn never_links_independent_wording() {
    let report = report();
    let pairs = linked_pairs(&report);
    let independent = doc_index("independent");
    let with_independent: Vec<_> = pairs
        .iter()
        .filter(|(a, b)| a.0 == independent || b.0 == independent)
        .collect();
    assert!(
        with_independent.is_empty(),
        "links to the independent article: {with_independent:?}"
    );
    for entry in expected()["not_links"].as_array().unwrap() {
        assert!(!is_linked(&report, &pairs, entry), "must not link: {entry}");
    }
}

#[test]
fn finds_planted_substitutions_and_no_spelling_variants() {
    let report = report();
    let subs = report["substitutions"].as_array().unwrap();
    let has = |a: &str, b: &str, from: &str, to: &str| {
        subs.iter().any(|s| {
            s["a"] == doc_index(a)
                && s["b"] == doc_index(b)
                && s["from"].as_str().unwrap().eq_ignore_ascii_case(from)
                && s["to"].as_str().unwrap().eq_ignore_ascii_case(to)
        })
    };
    // Along the version tree, from the wire (the original) to outlet A (its copy).
    assert!(
        has("wire", "outlet-a", "said", "claimed"),
        "said → claimed not found"
    );
    assert!(
        has("wire", "outlet-a", "", "embattled"),
        "added 'embattled' not found"
    );
    for variant in expected()["spelling_variants"].as_array().unwrap() {
        let (from, to) = (
            variant["from"].as_str().unwrap(),
            variant["to"].as_str().unwrap(),
        );
        assert!(
            !subs.iter().any(|s| {
                let (f, t) = (s["from"].as_str().unwrap(), s["to"].as_str().unwrap());
                (f.eq_ignore_ascii_case(from) && t.eq_ignore_ascii_case(to))
                    || (f.eq_ignore_ascii_case(to) && t.eq_ignore_ascii_case(from))
            }),
            "spelling variant reported as a substitution: {from} → {to}"
        );
    }
}

#[test]
fn finds_the_altered_quote() {
    let report = report();
    let changes = report["quote_changes"].as_array().unwrap();
    // Outlet B rewrites the wire (it keeps the wire's spelling and verbs where outlet A, a
    // near-verbatim copy, changed them); either may be its closest version in the tree, and the
    // quote is compared along that edge.
    let originals = [doc_index("wire"), doc_index("outlet-a")];
    let outlet_b = doc_index("outlet-b");
    let found = changes.iter().any(|q| {
        let ends = [
            q["a"][0].as_u64().unwrap() as usize,
            q["b"][0].as_u64().unwrap() as usize,
        ];
        originals.contains(&ends[0])
            && ends[1] == outlet_b
            && [
                q["a_quote"].as_str().unwrap(),
                q["b_quote"].as_str().unwrap(),
            ]
            .iter()
            .any(|t| t.contains("that was lost"))
    });
    assert!(
        found,
        "quote change wire → outlet-b not found: {changes:#?}"
    );
}

#[test]
fn finds_the_conflicting_figure_in_three_outlets() {
    let report = report();
    let facts = report["numbers"].as_array().unwrap();
    let found = facts.iter().any(|f| {
        let values: HashSet<u64> = f["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["value"].as_f64())
            .map(|v| v as u64)
            .collect();
        [4000, 5000, 6000].iter().all(|v| values.contains(v))
    });
    assert!(
        found,
        "4,000 / 5,000 / 6,000 not reported as one fact: {facts:#?}"
    );
}

#[test]
fn reports_omissions_of_the_condensed_version() {
    let report = report();
    let outlet_c = doc_index("outlet-c") as u64;
    let omissions = report["omissions"].as_array().unwrap();
    let expected = expected();
    let expected_for_c: Vec<&str> = expected["omissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["missing_from"] == "outlet-c")
        .map(|o| o["text"].as_str().unwrap())
        .collect();
    let reported_for_c = omissions
        .iter()
        .filter(|o| o["article"] == outlet_c)
        .count();
    assert!(
        reported_for_c * 10 >= expected_for_c.len() * 7,
        "{reported_for_c} of {} omissions",
        expected_for_c.len()
    );
}

#[test]
fn every_report_format_runs_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    for (format, ext, marker) in [
        ("text", "txt", "articles"),
        ("json", "json", "parallax-report/2"),
        ("html", "html", "<html"),
        ("md", "md", "#"),
    ] {
        let path = dir.path().join(format!("report.{ext}"));
        let out = run(
            &["compare", "--format", format, "-o", path.to_str().unwrap()],
            &files(),
        );
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.contains(marker), "{format} report lacks {marker:?}");
        for label in ["outlet-a", "outlet-b", "wire"] {
            assert!(written.contains(label), "{format} report lacks {label}");
        }
    }
}
