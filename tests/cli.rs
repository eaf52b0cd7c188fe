//! The command line as users run it: help and version, output formats and where they go,
//! labels, and exit codes for bad usage.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/harbor-fire")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn help_and_version() {
    let help = parallax(&["--help"]);
    assert!(help.status.success());
    assert!(stdout(&help).contains("compare"), "{}", stdout(&help));
    let compare_help = parallax(&["compare", "--help"]);
    for flag in ["--format", "--output", "--label", "--threshold"] {
        assert!(
            stdout(&compare_help).contains(flag),
            "compare --help lacks {flag}"
        );
    }
    let version = parallax(&["--version"]);
    assert!(version.status.success());
    assert_eq!(
        stdout(&version).trim(),
        format!("parallax {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn text_summary_goes_to_standard_output_by_default() {
    let out = parallax(&["compare", &fixture("wire.txt"), &fixture("outlet-a.txt")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // Each copy's key changes come first, then the summary.
    assert!(
        text.starts_with("Key changes") && text.contains("\n2 articles,"),
        "{text}"
    );
    assert!(text.contains("wire") && text.contains("outlet-a"));
    let dash = parallax(&[
        "compare",
        "-o",
        "-",
        &fixture("wire.txt"),
        &fixture("outlet-a.txt"),
    ]);
    assert_eq!(stdout(&dash), text);
}

#[test]
fn pdf_reports_are_written_by_extension_or_format_on_either_paper() {
    let dir = tempfile::tempdir().unwrap();
    let by_extension = dir.path().join("r.pdf");
    let forced = dir.path().join("letter.out");
    let (wire, outlet) = (fixture("wire.txt"), fixture("outlet-b.txt"));
    for args in [
        vec!["compare", "-o", by_extension.to_str().unwrap()],
        vec![
            "compare",
            "--format",
            "pdf",
            "--paper",
            "letter",
            "-o",
            forced.to_str().unwrap(),
        ],
    ] {
        let mut args = args;
        args.extend([wire.as_str(), outlet.as_str()]);
        let out = parallax(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    let read = |path: &PathBuf| std::fs::read(path).unwrap();
    assert!(read(&by_extension).starts_with(b"%PDF-"));
    assert!(read(&forced).starts_with(b"%PDF-"));
    let letter = String::from_utf8_lossy(&read(&forced)).into_owned();
    assert!(letter.contains("/MediaBox[0 0 612 792]"), "Letter pages");
}

#[test]
fn the_output_extension_chooses_the_format_unless_format_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| -> PathBuf { dir.path().join(name) };
    for (name, marker) in [
        ("r.html", "<!doctype html>"),
        ("r.md", "# "),
        ("r.json", "\"schema\": \"parallax-report/2\""),
        ("r.txt", "2 articles"),
    ] {
        let target = path(name);
        let out = parallax(&[
            "compare",
            "-o",
            target.to_str().unwrap(),
            &fixture("wire.txt"),
            &fixture("outlet-b.txt"),
        ]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let written = std::fs::read_to_string(&target).unwrap();
        assert!(
            written.to_lowercase().contains(&marker.to_lowercase()),
            "{name} lacks {marker}"
        );
    }
    let forced = path("forced.html");
    let out = parallax(&[
        "compare",
        "--format",
        "json",
        "-o",
        forced.to_str().unwrap(),
        &fixture("wire.txt"),
        &fixture("outlet-b.txt"),
    ]);
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(&forced)
            .unwrap()
            .trim_start()
            .starts_with('{')
    );
}

#[test]
fn a_json_report_written_in_parts_reads_whole_on_standard_output_and_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("r.json");
    let files = [
        fixture("wire.txt"),
        fixture("outlet-a.txt"),
        fixture("outlet-b.txt"),
    ];
    let mut args = vec!["compare", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let printed = parallax(&args);
    assert!(printed.status.success(), "{}", stderr(&printed));
    args.extend(["-o", target.to_str().unwrap()]);
    let written = parallax(&args);
    assert!(written.status.success(), "{}", stderr(&written));
    let written = std::fs::read(&target).unwrap();
    assert_eq!(written, printed.stdout);
    let report: serde_json::Value = serde_json::from_slice(&written).unwrap();
    // Each long list is rendered apart from the members around it; all are there, in order.
    let text = String::from_utf8(written).unwrap();
    let at = |member: &str| text.find(&format!("\n  \"{member}\": ")).unwrap();
    let members = [
        "schema", "options", "articles", "versions", "links", "groups", "stats",
    ];
    assert!(members.windows(2).all(|m| at(m[0]) < at(m[1])), "{text}");
    assert_eq!(report["articles"].as_array().unwrap().len(), 3);
    assert!(!report["links"].as_array().unwrap().is_empty());
}

#[test]
fn formats_take_the_names_their_file_extensions_take() {
    let cases = [
        ("markdown", "# "),
        ("md", "# "),
        ("txt", "Key changes"),
        ("htm", "<!DOCTYPE html>"),
    ];
    for (format, opening) in cases {
        let out = parallax(&[
            "compare",
            "--format",
            format,
            &fixture("wire.txt"),
            &fixture("outlet-a.txt"),
        ]);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert!(
            stdout(&out).starts_with(opening),
            "{format}: {}",
            stdout(&out)
        );
    }
}

#[test]
fn labels_name_the_outlets_in_order() {
    let out = parallax(&[
        "compare",
        "--format",
        "json",
        "--label",
        "Meridian",
        "--label",
        "Ledger",
        &fixture("wire.txt"),
        &fixture("outlet-a.txt"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["articles"][0]["label"], "Meridian");
    assert_eq!(report["articles"][1]["label"], "Ledger");
}

#[test]
fn bad_usage_exits_with_2_and_says_why() {
    let cases: [(&[&str], &str); 4] = [
        (&["compare"], "FILE"),
        (&["compare", "--format", "docx", "a.txt", "b.txt"], "docx"),
        (
            &["compare", "--threshold", "1.5", "a.txt", "b.txt"],
            "outside 0..1",
        ),
        (
            &[
                "compare", "--label", "A", "--label", "B", "--label", "C", "x.txt", "y.txt",
            ],
            "3 labels given for 2 files",
        ),
    ];
    for (args, reason) in cases {
        let out = parallax(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(reason), "{args:?}: {}", stderr(&out));
    }
}
