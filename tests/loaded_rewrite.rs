//! End-to-end findings on an invented loaded rewrite of the harbour-fire wire story
//! (`tests/fixtures/harbor-fire/loaded-rewrite/herald.txt`): swapped framing words, a
//! tense-changed quote, a changed figure in another currency notation with a bracketed
//! conversion, a cut attribution, and mechanical variants that must not be reported. The expected
//! findings were written down by hand (`expected.md` beside the file) before the tool was run.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbor-fire");
    vec![dir.join("wire.txt"), dir.join("loaded-rewrite/herald.txt")]
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .args(files())
        .output()
        .expect("the binary runs")
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
