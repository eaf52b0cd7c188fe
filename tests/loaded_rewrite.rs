//! End-to-end findings on an invented loaded rewrite of the harbour-fire wire story
//! (`tests/fixtures/harbor-fire/loaded-rewrite/herald.txt`): swapped framing words, a
//! tense-changed quote, a changed figure in another currency notation with a bracketed
//! conversion, a cut attribution, and mechanical variants that must not be reported. The expected
//! findings were written down by hand (`expected.md` beside the file) before the tool was run.
//! The herald is the copy (it dropped the wire's agency credit): every change reads wire →
//! herald, whichever file is given first. A second rewrite (`bulletin.txt`, expected findings
//! in the same file) changes figures written out in words and a day, and moves a clause into a
//! sentence of its own.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbor-fire");
    vec![dir.join("wire.txt"), dir.join("loaded-rewrite/herald.txt")]
}

fn run(args: &[&str]) -> std::process::Output {
    run_on(args, &files())
}

fn run_on(args: &[&str], files: &[PathBuf]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .args(files)
        .output()
        .expect("the binary runs")
}

/// The files in both orders: wire first, then herald first.
fn both_orders() -> [Vec<PathBuf>; 2] {
    let files = files();
    let reversed: Vec<PathBuf> = files.iter().rev().cloned().collect();
    [files, reversed]
}

fn report() -> Value {
    let out = run(&["compare", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_lowercase()
}

/// The substitution from `from` to `to` (wire first, herald second), if reported.
fn substitution<'r>(report: &'r Value, from: &str, to: &str) -> Option<&'r Value> {
    report["substitutions"]
        .as_array()
        .expect("substitutions")
        .iter()
        .find(|s| text(&s["from"]) == from && text(&s["to"]) == to)
}

#[test]
fn framing_swaps_are_found_with_their_kinds() {
    let report = report();
    for (from, to, kind) in [
        ("said", "claimed", "attribution"),
        ("disaster", "catastrophe", "framing"),
        ("protesters", "rioters", "framing"),
        ("", "embattled", "addition"),
        ("according to the regional fire service", "", "cut"),
    ] {
        let found = substitution(&report, from, to).unwrap_or_else(|| {
            panic!("{from:?} → {to:?} not found: {:#}", report["substitutions"])
        });
        assert_eq!(found["kind"], kind, "{from} → {to}");
    }
    let embattled = substitution(&report, "", "embattled").expect("embattled");
    assert_eq!(embattled["loaded"], true);
    let house_style = report["substitutions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "house_style")
        .count();
    assert_eq!(house_style, 1, "{:#}", report["substitutions"]);
}

#[test]
fn framing_swaps_rank_first_and_mechanical_variants_are_never_listed() {
    let report = report();
    let subs = report["substitutions"].as_array().unwrap();
    let top: Vec<String> = subs.iter().take(3).map(|s| text(&s["to"])).collect();
    assert_eq!(top, ["claimed", "catastrophe", "rioters"]);
    for (from, to) in [
        ("oct", "october"),
        ("neighborhood", "neighbourhood"),
        ("organized", "organised"),
        ("neighbors", "neighbours"),
        ("u.s", "us"),
    ] {
        assert!(
            !subs
                .iter()
                .any(|s| text(&s["from"]).contains(from) && text(&s["to"]).contains(to)),
            "mechanical variant listed: {from} → {to}"
        );
    }
}

#[test]
fn the_tense_changed_quote_is_the_only_quote_change() {
    let report = report();
    let changes = report["quote_changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let change = &changes[0];
    assert_eq!(change["kind"], "tense");
    let edits = change["edits"].as_array().unwrap();
    assert!(!edits.is_empty());
    for edit in edits {
        assert_eq!(
            (text(&edit["a"]), text(&edit["b"])),
            ("will".into(), "would".into())
        );
    }
}

#[test]
fn the_damage_figure_conflicts_in_dollars_and_its_conversion_is_no_figure() {
    let report = report();
    let facts = report["numbers"].as_array().unwrap();
    let conflicts: Vec<&Value> = facts.iter().filter(|f| f["kind"] == "conflict").collect();
    assert_eq!(conflicts.len(), 1, "{facts:#?}");
    let mentions = conflicts[0]["mentions"].as_array().unwrap();
    let values: Vec<(f64, &str)> = mentions
        .iter()
        .map(|m| {
            (
                m["value"].as_f64().unwrap(),
                m["unit"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(values, [(240e6, "USD"), (310e6, "USD")]);
    let label = conflicts[0]["fact"].as_str().unwrap();
    assert!(
        !["$", "usd", "dollars"].contains(&label),
        "bare unit as label"
    );
    assert!(
        !facts
            .iter()
            .flat_map(|f| f["mentions"].as_array().unwrap())
            .any(|m| m["value"].as_f64() == Some(285e6)),
        "the bracketed conversion was read as a figure"
    );
}

#[test]
fn every_report_format_shows_the_kinds() {
    let dir = tempfile::tempdir().unwrap();
    for (format, ext) in [("text", "txt"), ("html", "html"), ("md", "md")] {
        let path = dir.path().join(format!("report.{ext}"));
        let out = run(&["compare", "--format", format, "-o", path.to_str().unwrap()]);
        assert!(out.status.success(), "{format}");
        let written = std::fs::read_to_string(&path).unwrap();
        for needle in ["claimed", "attribution", "tense changed", "will → would"] {
            assert!(written.contains(needle), "{format} report lacks {needle:?}");
        }
    }
}

/// The index of the article read from the file named `name`.
fn article_named(report: &Value, name: &str) -> usize {
    report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["source"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("{name} not among the articles"))
}

#[test]
fn every_change_reads_wire_to_herald_whatever_the_file_order() {
    for files in both_orders() {
        let out = run_on(&["compare", "--format", "json"], &files);
        assert!(out.status.success());
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let (wire, herald) = (
            article_named(&report, "wire.txt"),
            article_named(&report, "herald.txt"),
        );
        let lineage = report["lineage"].as_array().unwrap();
        assert_eq!(lineage.len(), 1, "{lineage:#?}");
        assert_eq!(lineage[0]["known"], true);
        assert_eq!(
            (lineage[0]["original"].as_u64(), lineage[0]["copy"].as_u64()),
            (Some(wire as u64), Some(herald as u64))
        );
        for list in ["substitutions", "quote_changes", "attribution_changes"] {
            for finding in report[list].as_array().unwrap() {
                assert_eq!(
                    finding["direction"], "original_to_copy",
                    "{list}: {finding}"
                );
                let side = |key: &str| finding[key].as_u64().or_else(|| finding[key][0].as_u64());
                assert_eq!(side("original"), Some(wire as u64), "{list}: {finding}");
                assert_eq!(side("copy"), Some(herald as u64), "{list}: {finding}");
            }
        }
        let said = substitution(&report, "said", "claimed").expect("said → claimed");
        assert_eq!(said["original"], wire);
        let quote = &report["quote_changes"][0];
        assert!(
            quote["original_quote"]
                .as_str()
                .unwrap()
                .contains("We will rebuild")
        );
        assert!(
            quote["copy_quote"]
                .as_str()
                .unwrap()
                .contains("We would rebuild")
        );
    }
}

#[test]
fn the_cut_attribution_is_an_attribution_change_and_a_key_change() {
    let report = report();
    let changes = report["attribution_changes"].as_array().unwrap();
    let kinds: Vec<(String, String, String)> = changes
        .iter()
        .map(|c| (text(&c["kind"]), text(&c["from"]), text(&c["to"])))
        .collect();
    for expected in [
        ("dropped", "according to the regional fire service", ""),
        ("verb", "said", "claimed"),
    ] {
        assert!(
            kinds.contains(&(expected.0.into(), expected.1.into(), expected.2.into())),
            "{expected:?} not in {kinds:?}"
        );
    }
    let key = &report["key_changes"].as_array().unwrap()[0];
    let ranked: Vec<String> = key["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| text(&c["kind"]))
        .collect();
    // The altered quote first, then the changed figure, then the attributions, then framing.
    assert_eq!(
        &ranked[..4],
        ["quote", "figure", "attribution", "attribution"],
        "{ranked:?}"
    );
    assert!(ranked.contains(&"framing".to_owned()), "{ranked:?}");
}

#[test]
fn text_and_markdown_show_the_tree_and_the_key_changes_the_same_whatever_the_order() {
    for (format, summary) in [("text", "2 articles,"), ("md", "## Articles")] {
        let outputs: Vec<String> = both_orders()
            .iter()
            .map(|files| {
                let out = run_on(&["compare", "--format", format], files);
                assert!(out.status.success());
                String::from_utf8(out.stdout).unwrap()
            })
            .collect();
        for written in &outputs {
            let key = written.find("Key changes").expect("key changes");
            let articles = written.find(summary).expect("the summary");
            assert!(key < articles, "{format}: key changes are not first");
            assert!(
                written.contains("herald** copied from **wire")
                    || written.contains("herald copied from wire"),
                "{format}: no tree edge in {written}"
            );
            assert!(written.contains("wire → herald"), "{format}");
            assert!(
                !written.contains("herald → wire"),
                "{format}: an arrow points back"
            );
            assert!(!written.contains("(differs)"), "{format}");
            assert!(written.contains("source dropped"), "{format}");
        }
    }
}

/// The bulletin's report (wire first, then bulletin first).
fn bulletin_reports() -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbor-fire");
    let files = [
        dir.join("wire.txt"),
        dir.join("loaded-rewrite/bulletin.txt"),
    ];
    let reversed = [files[1].clone(), files[0].clone()];
    [files, reversed]
        .iter()
        .map(|files| {
            let out = run_on(&["compare", "--format", "json"], files);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            serde_json::from_slice(&out.stdout).expect("JSON report")
        })
        .collect()
}

#[test]
fn the_bulletin_changes_a_spelled_out_count_a_duration_and_a_day() {
    for report in bulletin_reports() {
        let wire = article_named(&report, "wire.txt");
        let facts: Vec<(String, Vec<String>)> = report["numbers"]
            .as_array()
            .expect("numbers")
            .iter()
            .map(|fact| {
                assert_eq!(fact["kind"], "conflict", "{fact}");
                let mut mentions: Vec<&Value> =
                    fact["mentions"].as_array().unwrap().iter().collect();
                // The wire's mention first, whatever the file order.
                mentions.sort_by_key(|m| m["article"].as_u64() != Some(wire as u64));
                let texts = mentions.iter().map(|m| text(&m["text"])).collect();
                (text(&fact["fact"]), texts)
            })
            .collect();
        let has = |wire_text: &str, bulletin_text: &str| {
            facts
                .iter()
                .any(|(_, texts)| texts == &[wire_text.to_owned(), bulletin_text.to_owned()])
        };
        assert_eq!(facts.len(), 3, "{facts:?}");
        assert!(has("two u.s. sailors", "three u.s. sailors"), "{facts:?}");
        // What the days count is what they are labelled by.
        assert!(
            has(
                "three days of national mourning",
                "two days of national mourning"
            ),
            "{facts:?}"
        );
        assert!(
            facts.iter().any(|(fact, _)| fact == "national mourning"),
            "{facts:?}"
        );
        assert!(has("thursday", "friday"), "{facts:?}");
        let sailors = facts
            .iter()
            .find(|(_, t)| t[0] == "two u.s. sailors")
            .unwrap();
        assert!(sailors.0.contains("sailors"), "{facts:?}");
    }
}

#[test]
fn the_bulletin_s_other_notation_and_moved_clause_are_no_findings() {
    for report in bulletin_reports() {
        let substitutions = report["substitutions"].as_array().expect("substitutions");
        assert!(
            substitutions
                .iter()
                .all(|s| !text(&s["to"]).contains("240m")),
            "{substitutions:?}"
        );
        let cuts = report["cuts"].as_array().expect("cuts");
        assert!(
            cuts.iter()
                .all(|c| !text(&c["text"]).contains("under control")),
            "{cuts:?}"
        );
    }
}
