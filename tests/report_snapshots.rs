//! Snapshots (`insta`) of the HTML and Markdown reports of our invented story
//! (`tests/fixtures/harbor-fire`): any change to what a reader gets shows up as a diff to review.
//! The HTML is cut at each tag for the diff, and files are named without their folders, so the
//! snapshots are the same on every machine.

use std::path::Path;

use parallax::article::load::load_file;
use parallax::compare::{Comparison, Options, compare};
use parallax::report::{ReportFormat, ReportOptions, render, render_with};

const DOCS: [&str; 5] = ["wire", "outlet-a", "outlet-b", "outlet-c", "independent"];

fn story() -> Comparison {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbor-fire");
    let articles = DOCS
        .iter()
        .map(|d| load_file(&dir.join(format!("{d}.txt"))).expect("the fixture loads"))
        .collect();
    compare(articles, &Options::default())
}

/// The page with a line break before each tag, for readable diffs.
fn tag_per_line(html: &str) -> String {
    html.replace('<', "\n<")
}

#[test]
fn html_report_of_the_fixture_story() {
    let html = render(&story(), ReportFormat::Html);
    insta::assert_snapshot!("harbor_fire_html", tag_per_line(&html));
}

#[test]
fn html_changes_only_report_of_the_fixture_story() {
    let options = ReportOptions { changes_only: true };
    let html = render_with(&story(), ReportFormat::Html, &options);
    insta::assert_snapshot!("harbor_fire_html_changes_only", tag_per_line(&html));
}

#[test]
fn markdown_report_of_the_fixture_story() {
    insta::assert_snapshot!(
        "harbor_fire_markdown",
        render(&story(), ReportFormat::Markdown)
    );
}
