//! Hardening: bad, hostile and huge input, and never losing a file.
//!
//! Most tests run the real binary (`parallax compare`) on files written into a temporary folder
//! and check what a user sees: exit code 2 for bad usage or an article that cannot be read (the
//! message names the file and says why, and names only the files that failed), exit code 1 for a
//! report that cannot be written, never a panic. Then: article text is data (the HTML report
//! escapes it and forbids scripts and remote loads; an HTML article's images, frames and styles
//! are never fetched); reports and sessions are written atomically; a panic in the app's
//! comparison thread is caught.
//!
//! Running as root (as CI containers often do) makes file permissions ineffective; the tests that
//! rely on them detect this and use failures that even root cannot bypass instead.
//!
//! All article text here is invented for these tests.

use std::ffi::OsStr;
use std::fs;
use std::io::ErrorKind;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use parallax::article::decode::WINDOWS_1252_WARNING;
use parallax::article::{Article, Format, load_file};
use parallax::compare::Options;
use parallax::session::{Session, SessionError};
use serde_json::Value;
use tempfile::TempDir;

#[path = "support/utf16.rs"]
mod support;
use support::utf16;
#[path = "support/cli.rs"]
mod cli;
use cli::{Run, compare_cli};

/// A short invented news story (headline and three sentences).
const STORY: &str = "Orvel library reopens after the flood\n\n\
    The Orvel town library reopened on Thursday, three weeks after a burst water main flooded its \
    basement. Volunteers dried more than two thousand books in the school gym across the road. \
    Head librarian Mara Quint said the children's room would return in May.\n";

/// Another outlet's version of [`STORY`]: reworded, one figure and one month changed.
const REWRITE: &str = "Flooded Orvel library opens its doors again\n\n\
    The town library in Orvel opened again on Thursday, three weeks after a burst water main \
    flooded the basement. Volunteers dried about two thousand books in the school gym across the \
    road. Librarian Mara Quint said the children's room would be back in June.\n";

// ---------------------------------------------------------------------------------------------
// Helpers

/// Runs `parallax compare --format json` on `files` and parses the report.
fn json_report(files: &[&Path]) -> Value {
    let mut args: Vec<&OsStr> = vec!["--format".as_ref(), "json".as_ref()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let run = compare_cli(args);
    assert_succeeded(&run);
    serde_json::from_str(&run.stdout).expect("a JSON report")
}

/// Writes `bytes` to `name` in `dir` (creating folders on the way) and returns the path.
fn write(dir: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create folders");
    }
    fs::write(&path, bytes).expect("write test file");
    path
}

fn assert_no_panic(run: &Run) {
    assert!(
        !run.stderr.contains("panicked"),
        "the binary panicked:\n{}",
        run.stderr
    );
}

fn assert_succeeded(run: &Run) {
    assert_eq!(run.code, Some(0), "stderr:\n{}", run.stderr);
    assert_no_panic(run);
}

/// Asserts that the run was refused with exit code 2, no report, a message `"<path>: <reason>"`
/// for each of `bad`, and no mention of any of `good`.
fn assert_refused(run: &Run, bad: &[(&Path, &str)], good: &[&Path]) {
    assert_eq!(run.code, Some(2), "stderr:\n{}", run.stderr);
    assert_no_panic(run);
    assert!(
        run.stdout.is_empty(),
        "a report was printed: {}",
        run.stdout
    );
    for (path, reason) in bad {
        let message = format!("{}: {reason}", path.display());
        assert!(
            run.stderr.contains(&message),
            "expected {message:?} in:\n{}",
            run.stderr
        );
    }
    for path in good {
        assert!(
            !run.stderr.contains(&path.display().to_string()),
            "{} was named although it loads:\n{}",
            path.display(),
            run.stderr
        );
    }
}

/// Runs the binary on `bad` next to a good article and asserts that only `bad` is named.
fn assert_file_refused(dir: &TempDir, bad: &Path, reason: &str) {
    let good = write(dir, "good-story.txt", STORY);
    let run = compare_cli([bad, good.as_path()]);
    assert_refused(&run, &[(bad, reason)], &[&good]);
}

/// The labels of a JSON report's articles.
fn labels(report: &Value) -> Vec<String> {
    report["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["label"].as_str().expect("label").to_owned())
        .collect()
}

/// Whether a new file can be created in `folder` (false when permissions apply and forbid it;
/// true for root, whom `chmod` does not stop).
fn can_create_in(folder: &Path) -> bool {
    let probe = folder.join(".probe");
    let created = fs::write(&probe, b"x").is_ok();
    let _ = fs::remove_file(&probe);
    created
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

/// The names in `folder` that look like the writer's temporary files.
fn leftover_temporaries(folder: &Path) -> Vec<String> {
    fs::read_dir(folder)
        .expect("list folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".parallax-"))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 1. Bad input

#[test]
fn an_empty_file_is_refused() {
    let dir = TempDir::new().unwrap();
    let empty = write(&dir, "empty.txt", b"");
    assert_file_refused(&dir, &empty, "the file is empty");
}

#[test]
fn a_whitespace_only_file_is_refused() {
    let dir = TempDir::new().unwrap();
    let blank = write(&dir, "blank.txt", " \t\r\n\n   \u{a0}\u{3000}\n");
    assert_file_refused(&dir, &blank, "the file contains only whitespace");
}

#[test]
fn binary_files_are_refused_with_what_they_are() {
    let dir = TempDir::new().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66",
            "not a text file (a PNG image)",
        ),
        (
            "paper.txt",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            "not a text file (a PDF document)",
        ),
        (
            "draft.md",
            b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0word/document.xml\xec\x9d\x5b",
            "not a text file (a ZIP archive or office document)",
        ),
        (
            "dump.html",
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0",
            "not a text file (binary content)",
        ),
    ];
    for (name, bytes, reason) in cases {
        let path = write(&dir, name, bytes);
        assert_file_refused(&dir, &path, reason);
    }
}

#[test]
fn every_bad_file_is_named_and_no_good_one() {
    let dir = TempDir::new().unwrap();
    let empty = write(&dir, "a-empty.txt", b"");
    let good_one = write(&dir, "b-good.txt", STORY);
    let png = write(&dir, "c-image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let missing = dir.path().join("d-missing.txt");
    let good_two = write(&dir, "e-good.txt", REWRITE);
    let run = compare_cli([&empty, &good_one, &png, &missing, &good_two]);
    assert_refused(
        &run,
        &[
            (&empty, "the file is empty"),
            (&png, "not a text file (a PNG image)"),
            (&missing, "no such file"),
        ],
        &[&good_one, &good_two],
    );
    assert_eq!(
        run.stderr.lines().count(),
        3,
        "one line per bad file:\n{}",
        run.stderr
    );
}

#[test]
fn windows_1252_and_latin_1_load_with_a_warning() {
    let dir = TempDir::new().unwrap();
    let cases: [(&str, &[u8], &str); 2] = [
        (
            "cp1252.txt",
            b"Caf\xe9 owner \x93Nell\x94 Br\xfbne paid \x8020 for the sign \x96 and the frame \x97 on Monday.",
            "Caf\u{e9} owner \u{201c}Nell\u{201d} Br\u{fb}ne paid \u{20ac}20 for the sign \u{2013} \
             and the frame \u{2014} on Monday.",
        ),
        (
            "latin1.txt",
            b"Gr\xfc\xdfe aus M\xfcnchen: \xabDie Br\xfccke ist zu\xbb, sagte Zo\xeb am Kai. \xa9 Orvel Post",
            "Gr\u{fc}\u{df}e aus M\u{fc}nchen: \u{ab}Die Br\u{fc}cke ist zu\u{bb}, sagte Zo\u{eb} am \
             Kai. \u{a9} Orvel Post",
        ),
    ];
    for (name, bytes, expected) in cases {
        let article = load_file(&write(&dir, name, bytes)).expect("loads");
        assert_eq!(article.text, expected, "{name}");
        assert_eq!(article.warnings, [WINDOWS_1252_WARNING], "{name}");
        assert!(!article.sentences.is_empty(), "{name}");
    }
}

#[test]
fn utf16_with_a_byte_order_mark_loads_without_warnings() {
    let text = "Zo\u{eb} paid \u{20ac}12 at the \u{65e5}\u{672c} stall.\r\nThe clef \u{1d11e} was \
        painted on the Orvel bandstand by na\u{ef}ve artists.\r\n";
    let dir = TempDir::new().unwrap();
    for big_endian in [false, true] {
        let name = if big_endian { "be.txt" } else { "le.txt" };
        let article = load_file(&write(&dir, name, utf16(text, big_endian))).expect("loads");
        assert_eq!(article.text, text, "{name}");
        assert!(
            article.warnings.is_empty(),
            "{name}: {:?}",
            article.warnings
        );
        assert_eq!(article.sentences.len(), 2, "{name}");
    }
}

#[test]
fn legacy_encodings_compare_like_utf8() {
    let dir = TempDir::new().unwrap();
    let text = "Caf\u{e9} owners in Orvel paid \u{20ac}20 for new signs on Monday.\n\n\
        \u{201c}We will not close again,\u{201d} said the owner of the Br\u{fb}ne bakery.\n";
    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    let legacy = write(&dir, "legacy.txt", cp1252.as_ref());
    let wide = write(&dir, "wide.txt", utf16(text, false));
    let report = json_report(&[&legacy, &wide]);
    let articles = report["articles"].as_array().unwrap();
    for article in articles {
        assert_eq!(article["text"], text);
    }
    assert_eq!(articles[0]["warnings"][0], WINDOWS_1252_WARNING);
    assert!(articles[1].get("warnings").is_none());
    let links = report["links"].as_array().unwrap();
    assert_eq!(links.len(), 2, "{links:?}");
    assert!(links.iter().all(|l| l["kind"] == "identical"));

    let run = compare_cli([&legacy, &wide]);
    assert_succeeded(&run);
    let warning = format!("{}: {WINDOWS_1252_WARNING}", legacy.display());
    assert!(run.stderr.contains(&warning), "{}", run.stderr);
    assert!(!run.stderr.contains(&wide.display().to_string()));
}

#[test]
fn a_fifty_megabyte_article_compares_with_a_small_one() {
    // 50 MiB of numbered log entries, ending with a sentence the small article rewords: the link
    // must be found at the very end of the big file. (Comparing two such files is left to the
    // benches: in a debug build it would take minutes.)
    let closing = "Late on the last evening the harbour clerk closed the ferry ledger and locked \
        the office with the brass key.";
    let mut big = String::with_capacity(50 << 20);
    let mut entry = 0usize;
    while big.len() < (50 << 20) - closing.len() {
        big.push_str(&format!(
            "Ferry log entry {entry}: the boat left Orvel pier with {} passengers aboard. \
             The clerk noted calm water and a light westerly wind.\n\n",
            entry % 97
        ));
        entry += 1;
    }
    big.push_str(closing);
    let dir = TempDir::new().unwrap();
    let big_path = write(&dir, "ferry-log.txt", &big);
    assert!(fs::metadata(&big_path).unwrap().len() >= 50 << 20);
    let small = write(
        &dir,
        "clerk.txt",
        "Orvel ferry office\n\nLate on the last evening the harbour clerk closed the ferry \
         ledger and locked the office with the iron key.\n",
    );
    let run = compare_cli([&big_path, &small]);
    assert_succeeded(&run);
    assert!(
        run.stdout
            .starts_with("2 articles, 1 links, 1 shared passages"),
        "{}",
        &run.stdout[..run.stdout.len().min(400)]
    );
    let row = run
        .stdout
        .lines()
        .find(|l| l.trim_end().ends_with("ferry-log"))
        .expect("a row for the big article");
    let sentences = 2 * entry + 1;
    assert!(
        row.split_whitespace()
            .any(|cell| cell == sentences.to_string()),
        "expected {sentences} sentences: {row}"
    );
    assert!(
        run.stdout.contains("\"brass\" \u{2192} \"iron\""),
        "{}",
        run.stdout
    );
}

#[test]
fn a_five_megabyte_line_without_punctuation_is_one_unit() {
    let words = [
        "gulls", "circle", "over", "the", "quay", "while", "ferry", "waits", "for", "tide", "and",
        "clerk", "counts", "boats", "from", "orvel", "pier",
    ];
    let mut line = String::with_capacity(5 << 20);
    let mut state: u32 = 7;
    while line.len() < 5 << 20 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        line.push_str(words[(state >> 16) as usize % words.len()]);
        line.push(' ');
    }
    let line = line.trim_end().to_owned();
    let dir = TempDir::new().unwrap();
    let long = write(&dir, "long-line.txt", &line);
    let story = write(&dir, "story.txt", STORY);
    let report = json_report(&[&long, &story]);
    let sentences = report["articles"][0]["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 1);
    assert_eq!(sentences[0]["start"], 0);
    assert_eq!(sentences[0]["end"], line.len());
    assert_eq!(report["links"].as_array().unwrap().len(), 0);
}

#[test]
fn two_long_lines_without_punctuation_compare() {
    // Scoring two long units against each other takes time growing with the square of their
    // length or faster: before units this long were limited to identical links, two 50,000-word
    // lines took ~45 s of CPU in a debug build, so these 250,000-word ones (1.4 MB each) would
    // have taken most of an hour. No time is measured; the test has to finish, that is all.
    let words = [
        "tide", "gull", "quay", "ferry", "clerk", "boat", "pier", "rope", "net", "sail", "mast",
    ];
    let line = |seed: u32| {
        let mut state = seed;
        (0..250_000)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                words[(state >> 16) as usize % words.len()]
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let dir = TempDir::new().unwrap();
    let first = write(&dir, "first.txt", line(1));
    let second = write(&dir, "second.txt", line(2));
    let copy = write(&dir, "copy.txt", line(1));
    let report = json_report(&[&first, &second, &copy]);
    let links = report["links"].as_array().unwrap();
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(links[0]["a"], serde_json::json!([0, 0]));
    assert_eq!(links[0]["b"], serde_json::json!([2, 0]));
    assert_eq!(links[0]["kind"], "identical");
}

/// Compares the web page `page` (saved as `name`) with [`STORY`] and returns the page's article
/// as reported.
fn compare_page(name: &str, page: &str) -> Value {
    let dir = TempDir::new().unwrap();
    let html = write(&dir, name, page);
    let story = write(&dir, "story.txt", STORY);
    let report = json_report(&[&html, &story]);
    report["articles"][0].clone()
}

#[test]
fn malformed_html_loads_and_compares() {
    let page = "<html><body><div><p>The Orvel town library reopened on Thursday, three weeks \
        after a burst water main <b>flooded <i>its basement.</b></i><p>Volunteers dried more \
        than two thousand books</span></div></div></table><li>in the school gym<td>across the \
        road</body></html><p>Head librarian Mara Quint said the children's room would return \
        in May.</p></p></html><!-- unterminated comment";
    let article = compare_page("broken.html", page);
    let text = article["text"].as_str().unwrap();
    // What Readability keeps of the stray fragments after the broken structure is its call; the
    // paragraphs it does keep must come out whole, as text, and compare.
    assert!(
        text.starts_with(
            "The Orvel town library reopened on Thursday, three weeks after a burst water main \
             flooded its basement.\n\nVolunteers dried more than two thousand books"
        ),
        "{text}"
    );
    assert!(
        !text.contains('<') && !text.contains("unterminated"),
        "{text}"
    );
    assert_eq!(article["sentences"][0]["status"], "identical");
}

#[test]
fn html_nested_ten_thousand_levels_deep_compares() {
    let paragraph = "<p>The Orvel town library reopened on Thursday, three weeks after a burst \
        water main flooded its basement.</p>";
    for tag in ["div", "section", "span", "table", "ul"] {
        let page = format!(
            "<!doctype html><html><head><title>The deep library</title></head><body>{}{paragraph}{}</body></html>",
            format!("<{tag}>").repeat(10_000),
            format!("</{tag}>").repeat(10_000)
        );
        let article = compare_page("deep.html", &page);
        assert_eq!(
            article["text"],
            "The deep library\n\nThe Orvel town library reopened on Thursday, three weeks after \
             a burst water main flooded its basement.",
            "{tag}"
        );
        assert_eq!(article["sentences"][1]["status"], "identical", "{tag}");
    }
}

#[test]
fn html_full_of_scripts_and_iframes_keeps_only_the_text() {
    let mut page = String::from(
        "<html><head><title>Library reopens</title><style>p::before{content:'style text'}</style>\
         <script>document.write('<p>written by a script</p>')</script></head><body>",
    );
    for i in 0..400 {
        page.push_str(&format!(
            "<script type=\"text/javascript\">var slot{i} = \"<p>fake paragraph {i}</p>\";</script>\
             <iframe src=\"about:blank#{i}\"><p>frame text {i}</p></iframe>\
             <noscript><p>enable scripts {i}</p></noscript>"
        ));
    }
    page.push_str(
        "<p>Volunteers dried more than two thousand books in the school gym across the road.</p>\
         <script>/* </p><p>inside a comment in a script */</script></body></html>",
    );
    let article = compare_page("busy.html", &page);
    assert_eq!(
        article["text"],
        "Library reopens\n\nVolunteers dried more than two thousand books in the school gym \
         across the road."
    );
    assert_eq!(article["sentences"][1]["status"], "identical");
}

#[test]
fn a_folder_without_articles_is_refused() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("articles.txt");
    fs::create_dir(&folder).unwrap();
    // A folder opens the articles in it (issue 13); one without any is refused.
    assert_file_refused(&dir, &folder, "the folder holds no article Parallax opens");
}

#[test]
fn a_missing_file_is_refused() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("never-written.txt");
    assert_file_refused(&dir, &missing, "no such file");
    let below_a_file = write(&dir, "plain.txt", STORY).join("inside.txt");
    let run = compare_cli([&below_a_file, &dir.path().join("plain.txt")]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("{}: ", below_a_file.display())),
        "{}",
        run.stderr
    );
    assert_no_panic(&run);
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_refused_unless_permissions_do_not_apply() {
    let dir = TempDir::new().unwrap();
    let secret = write(&dir, "secret.txt", STORY);
    let other = write(&dir, "other.txt", REWRITE);
    set_mode(&secret, 0o000);
    let run = compare_cli([&secret, &other]);
    if fs::read(&secret).is_ok() {
        // Root (or CAP_DAC_OVERRIDE) reads the file despite `chmod 000`: it must then load.
        assert_succeeded(&run);
        assert!(run.stdout.contains("2 articles,"), "{}", run.stdout);
    } else {
        assert_refused(&run, &[(&secret, "permission denied")], &[&other]);
    }
    set_mode(&secret, 0o644);
}

#[test]
fn the_same_file_twice_is_linked_as_identical() {
    let dir = TempDir::new().unwrap();
    let story = write(&dir, "library.txt", STORY);
    let report = json_report(&[&story, &story]);
    assert_eq!(labels(&report), ["library", "library (2)"]);
    let sentences = report["articles"][0]["sentences"].as_array().unwrap().len();
    assert_eq!(sentences, 4);
    let links = report["links"].as_array().unwrap();
    assert_eq!(links.len(), sentences);
    for (i, link) in links.iter().enumerate() {
        assert_eq!(link["a"], serde_json::json!([0, i]));
        assert_eq!(link["b"], serde_json::json!([1, i]));
        assert_eq!(link["kind"], "identical");
    }
    for article in report["articles"].as_array().unwrap() {
        for sentence in article["sentences"].as_array().unwrap() {
            assert_eq!(sentence["status"], "identical");
        }
    }
}

#[test]
fn labels_stay_unique_when_a_file_is_named_like_a_numbered_label() {
    let dir = TempDir::new().unwrap();
    let first = write(&dir, "post.txt", STORY);
    let second = write(&dir, "copy/post.txt", REWRITE);
    let third = write(&dir, "post (2).txt", STORY);
    let report = json_report(&[&first, &second, &third]);
    let labels = labels(&report);
    assert_eq!(labels, ["post", "post (3)", "post (2)"]);
}

#[test]
fn one_article_is_not_enough() {
    let dir = TempDir::new().unwrap();
    let story = write(&dir, "story.txt", STORY);
    let run = compare_cli([&story]);
    assert_eq!(run.code, Some(2));
    assert_no_panic(&run);
    assert!(
        run.stderr.contains("need at least two articles"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn no_article_at_all_is_bad_usage() {
    let run = compare_cli::<[&str; 0], &str>([]);
    assert_eq!(run.code, Some(2));
    assert_no_panic(&run);
    assert!(run.stderr.contains("FILE"), "{}", run.stderr);
}

#[test]
fn a_hundred_articles_compare_into_a_report() {
    let pool = [
        "The Orvel library reopened on Thursday after the flood.",
        "Volunteers dried more than two thousand books in the school gym.",
        "The head librarian said the children's room would return in May.",
        "A burst water main flooded the basement three weeks ago.",
        "Insurance will cover most of the repairs, the council said.",
        "Readers queued outside before the doors opened at nine.",
        "The collection of old harbour maps could not be saved.",
        "A bake sale on Saturday raised money for new shelves.",
    ];
    let dir = TempDir::new().unwrap();
    let files: Vec<PathBuf> = (0..100)
        .map(|i| {
            let body: Vec<&str> = (1..=4)
                .map(|j| pool[(i * j + i / 7) % pool.len()])
                .collect();
            let text = format!(
                "Library story number {i}\n\n{} Reporter {i} filed this from desk {}.\n",
                body.join(" "),
                i % 9
            );
            // Every file has the same name, in its own folder: the labels must still differ.
            write(&dir, &format!("desk-{i:03}/story.txt"), text)
        })
        .collect();
    let report_path = dir.path().join("report.html");
    let mut args: Vec<&OsStr> = vec![
        "--format".as_ref(),
        "html".as_ref(),
        "-o".as_ref(),
        report_path.as_os_str(),
    ];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let run = compare_cli(args);
    assert_succeeded(&run);
    let html = fs::read_to_string(&report_path).expect("the report was written");
    assert!(html.contains("100 articles"), "no article count");
    assert!(html.contains("story (100)"));

    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let report = json_report(&paths);
    let labels = labels(&report);
    assert_eq!(labels.len(), 100);
    let distinct: std::collections::BTreeSet<&String> = labels.iter().collect();
    assert_eq!(distinct.len(), 100, "labels repeat: {labels:?}");
    assert!(!report["links"].as_array().unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// 2. Hostile input

/// Text that would be markup if it were not escaped.
const PAYLOADS: [&str; 7] = [
    "<script>alert('the clerk')</script>",
    "\"><img src=x onerror=alert(1)>",
    "</style><style>body{display:none}</style>",
    "<a href=\"javascript:alert(document.cookie)\">prize</a>",
    "javascript:alert(2)",
    "<iframe src=\"https://example.invalid/\"></iframe>",
    "' onmouseover='alert(3)",
];

/// Two articles (one plain text, one Markdown with links and raw HTML) carrying every payload in
/// shared, reworded and unique sentences, and labels that are payloads too.
fn hostile_run(dir: &TempDir, format: &str) -> String {
    let sentences = |verb: &str| {
        PAYLOADS
            .iter()
            .enumerate()
            .map(|(i, p)| {
                format!(
                    "Notice {i} on the Orvel depot door {verb} {p} in red paint near the ferry gate."
                )
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let plain = write(
        dir,
        "plain.txt",
        format!("Hostile notices at the depot\n\n{}\n", sentences("read")),
    );
    let markdown = write(
        dir,
        "marked.md",
        format!(
            "# Hostile notices at the depot\n\n{}\n\nSee [the prize](javascript:alert(4)) and \
             <img src=\"https://example.invalid/pixel.gif\"> for details.\n",
            sentences("said")
        ),
    );
    let out = dir.path().join(format!("report.{format}"));
    let run = compare_cli([
        "--format".as_ref(),
        format.as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
        "-l".as_ref(),
        PAYLOADS[0].as_ref(),
        "-l".as_ref(),
        PAYLOADS[1].as_ref(),
        plain.as_os_str(),
        markdown.as_os_str(),
    ]);
    assert_succeeded(&run);
    fs::read_to_string(&out).expect("the report was written")
}

/// A start tag: its name and its attributes (name, value), in order.
type Tag = (String, Vec<(String, String)>);

/// What an HTML document is made of, as a browser's tokenizer sees it.
#[derive(Default)]
struct Tokens {
    /// Start tags, in order.
    tags: Vec<Tag>,
    /// The text outside tags (entities decoded), and the content of `<style>`.
    text: String,
}

/// Tokenizes `html` with html5ever, as a browser would.
fn tokenize(html: &str) -> Tokens {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::states::RawKind;
    use html5ever::tokenizer::{
        BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    };
    use std::cell::RefCell;

    struct Sink(RefCell<Tokens>);
    impl TokenSink for Sink {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let mut tokens = self.0.borrow_mut();
            match token {
                Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                    let name = tag.name.to_string();
                    let attrs = tag
                        .attrs
                        .iter()
                        .map(|a| (a.name.local.to_string(), a.value.to_string()))
                        .collect();
                    tokens.tags.push((name.clone(), attrs));
                    return match name.as_str() {
                        "style" | "iframe" | "noscript" | "xmp" => {
                            TokenSinkResult::RawData(RawKind::Rawtext)
                        }
                        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                        _ => TokenSinkResult::Continue,
                    };
                }
                Token::CharacterTokens(text) => tokens.text.push_str(&text),
                _ => {}
            }
            TokenSinkResult::Continue
        }
    }

    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(
        Sink(RefCell::new(Tokens::default())),
        TokenizerOpts::default(),
    );
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}

#[test]
fn the_html_report_escapes_hostile_article_text() {
    let dir = TempDir::new().unwrap();
    let html = hostile_run(&dir, "html");
    let tokens = tokenize(&html);
    let forbidden_tags = [
        "script", "img", "iframe", "frame", "object", "embed", "link", "base", "form", "input",
        "button", "svg", "math", "video", "audio", "source", "noscript", "template", "portal",
    ];
    for (name, attrs) in &tokens.tags {
        assert!(!forbidden_tags.contains(&name.as_str()), "a <{name}> tag");
        for (attr, value) in attrs {
            assert!(!attr.starts_with("on"), "<{name} {attr}={value:?}>");
            assert!(
                ![
                    "src",
                    "srcset",
                    "action",
                    "formaction",
                    "data",
                    "poster",
                    "style"
                ]
                .contains(&attr.as_str()),
                "<{name} {attr}={value:?}>"
            );
            if attr == "href" {
                assert!(value.starts_with('#'), "<{name} href={value:?}>");
            }
            if name == "meta" && attr == "http-equiv" {
                assert_eq!(value, "Content-Security-Policy");
            }
        }
    }
    let styles = tokens.tags.iter().filter(|(n, _)| n == "style").count();
    assert_eq!(styles, 1, "one style block");
    for payload in PAYLOADS {
        assert!(
            tokens.text.contains(payload),
            "{payload:?} is not shown as text"
        );
    }
    // Markdown is rendered: the link shows its text, and its target is not kept at all.
    assert!(tokens.text.contains("See the prize and"));
    assert!(!tokens.text.contains("alert(4)"));
}

#[test]
fn the_html_report_forbids_scripts_and_remote_loads() {
    let dir = TempDir::new().unwrap();
    let html = hostile_run(&dir, "html");
    let tokens = tokenize(&html);
    let position = |wanted: &dyn Fn(&Tag) -> bool| tokens.tags.iter().position(wanted);
    let csp_at = position(&|(name, attrs)| {
        name == "meta"
            && attrs.iter().any(|(a, v)| {
                a == "http-equiv" && v.eq_ignore_ascii_case("content-security-policy")
            })
    })
    .expect("a Content-Security-Policy meta tag");
    let style_at = position(&|(name, _)| name == "style").expect("a style block");
    assert!(csp_at < style_at, "the policy must come before the style");
    let policy = tokens.tags[csp_at]
        .1
        .iter()
        .find(|(a, _)| a == "content")
        .map(|(_, v)| v.clone())
        .expect("the policy");
    let directives: Vec<(&str, Vec<&str>)> = policy
        .split(';')
        .map(str::split_whitespace)
        .filter_map(|mut parts| Some((parts.next()?, parts.collect())))
        .collect();
    let sources = |name: &str| {
        directives
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s.clone())
    };
    assert_eq!(sources("default-src"), Some(vec!["'none'"]), "{policy}");
    assert_eq!(sources("base-uri"), Some(vec!["'none'"]), "{policy}");
    assert_eq!(sources("form-action"), Some(vec!["'none'"]), "{policy}");
    let style = sources("style-src").expect("style-src");
    assert_eq!(style.len(), 1, "{policy}");
    let hash = style[0]
        .strip_prefix("'sha256-")
        .and_then(|h| h.strip_suffix('\''))
        .expect("a hash source");
    assert_eq!(hash.len(), 44, "{hash}");
    for (name, sources) in &directives {
        assert!(
            *name == "style-src" || sources == &vec!["'none'"],
            "{name} allows {sources:?}"
        );
    }
}

#[test]
fn the_markdown_report_escapes_hostile_article_text() {
    let dir = TempDir::new().unwrap();
    let markdown = hostile_run(&dir, "md");
    for (at, _) in markdown.match_indices('<') {
        let rest = &markdown[at..];
        assert!(
            is_escaped(&markdown, at)
                || ["<del>", "</del>", "<ins>", "</ins>"]
                    .iter()
                    .any(|t| rest.starts_with(t)),
            "raw markup: {:?}",
            &rest[..rest.len().min(50)]
        );
    }
    for (at, _) in markdown.match_indices("](") {
        assert!(
            is_escaped(&markdown, at),
            "a live link: {:?}",
            &markdown[at..markdown.len().min(at + 50)]
        );
    }
}

/// Whether the character at byte `at` of Markdown `text` is escaped (an odd run of backslashes
/// before it).
fn is_escaped(text: &str, at: usize) -> bool {
    let backslashes = text[..at].bytes().rev().take_while(|&b| b == b'\\').count();
    backslashes % 2 == 1
}

#[test]
fn an_html_article_never_fetches_what_it_points_to() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let page = format!(
        "<!doctype html><html><head><base href=\"{url}/base/\">\
         <link rel=\"stylesheet\" href=\"{url}/style.css\"><link rel=\"icon\" href=\"{url}/icon.ico\">\
         <link rel=\"preload\" as=\"image\" href=\"{url}/hero.jpg\">\
         <meta http-equiv=\"refresh\" content=\"0; url={url}/refresh\">\
         <meta property=\"og:image\" content=\"{url}/og.jpg\">\
         <script src=\"{url}/app.js\"></script>\
         <style>@import url(\"{url}/import.css\"); body {{ background: url({url}/bg.png) }}</style>\
         <title>Orvel library reopens</title></head><body background=\"{url}/body.png\"><article>\
         <h1>Orvel library reopens</h1>\
         <p>The Orvel town library reopened on Thursday, three weeks after a burst water main \
         flooded its basement. <img src=\"{url}/photo.jpg\" srcset=\"{url}/photo-2x.jpg 2x\"></p>\
         <iframe src=\"{url}/frame.html\"></iframe><video poster=\"{url}/poster.jpg\" \
         src=\"{url}/clip.mp4\"></video><object data=\"{url}/old.swf\"></object>\
         <embed src=\"{url}/embed.swf\"><picture><source srcset=\"{url}/pic.webp\"></picture>\
         <p>Volunteers dried more than two thousand books in the school gym across the road. \
         <a href=\"{url}/more\">More</a></p><form action=\"{url}/submit\"></form></article>\
         </body></html>"
    );
    let dir = TempDir::new().unwrap();
    let html = write(&dir, "page.html", &page);
    let story = write(&dir, "story.txt", STORY);
    let report = dir.path().join("report.html");
    let run = compare_cli([
        "--format".as_ref(),
        "html".as_ref(),
        "-o".as_ref(),
        report.as_os_str(),
        html.as_os_str(),
        story.as_os_str(),
    ]);
    assert_succeeded(&run);
    // A connection the process made would wait in the listener's queue even though nothing
    // accepted it; the process has exited, so an empty queue means nothing was fetched.
    match listener.accept() {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        Ok((_, peer)) => panic!("the page was fetched from: a connection from {peer}"),
        Err(e) => panic!("accept failed: {e}"),
    }
    let written = fs::read_to_string(&report).unwrap();
    assert!(written.contains("three weeks after a burst water main"));
    assert!(
        !written.contains(&url),
        "the report carries the page's URLs"
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Nothing lost

/// Writes a JSON report of two articles in `dir` to `output` and returns the run.
fn write_report(dir: &TempDir, output: &Path) -> Run {
    let a = write(dir, "a.txt", STORY);
    let b = write(dir, "b.txt", REWRITE);
    compare_cli([
        "--format".as_ref(),
        "json".as_ref(),
        "-o".as_ref(),
        output.as_os_str(),
        a.as_os_str(),
        b.as_os_str(),
    ])
}

#[test]
fn a_report_replaces_the_previous_one_completely() {
    let dir = TempDir::new().unwrap();
    let output = write(
        &dir,
        "out/report.json",
        "a previous report, much longer ".repeat(10_000),
    );
    let run = write_report(&dir, &output);
    assert_succeeded(&run);
    let written = fs::read_to_string(&output).unwrap();
    let report: Value = serde_json::from_str(&written).expect("only the new report");
    assert_eq!(report["schema"], "parallax-report/2");
    assert!(leftover_temporaries(output.parent().unwrap()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_report_gets_ordinary_permissions_or_keeps_the_previous_ones() {
    let dir = TempDir::new().unwrap();
    let fresh = dir.path().join("fresh.json");
    assert_succeeded(&write_report(&dir, &fresh));
    let ordinary = write(&dir, "ordinary.txt", "x");
    assert_eq!(
        mode(&fresh),
        mode(&ordinary),
        "a new report gets the mode of any new file"
    );
    let kept = write(&dir, "kept.json", "old");
    set_mode(&kept, 0o640);
    assert_succeeded(&write_report(&dir, &kept));
    assert_eq!(mode(&kept), 0o640);
}

#[cfg(unix)]
#[test]
fn a_report_through_a_symbolic_link_replaces_the_file_and_keeps_the_link() {
    let dir = TempDir::new().unwrap();
    let real = write(&dir, "reports/real.json", "the previous report");
    let link = dir.path().join("latest.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert_succeeded(&write_report(&dir, &link));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let report: Value = serde_json::from_str(&fs::read_to_string(&real).unwrap()).unwrap();
    assert_eq!(report["schema"], "parallax-report/2");
    assert!(leftover_temporaries(real.parent().unwrap()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_report_into_a_pipe_is_written_into_it_and_the_pipe_stays() {
    use std::os::unix::fs::FileTypeExt;
    let dir = TempDir::new().unwrap();
    let pipe = dir.path().join("report.pipe");
    let made = Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || fs::read_to_string(pipe).expect("read the pipe"))
    };
    let run = write_report(&dir, &pipe);
    assert_succeeded(&run);
    // Checked before waiting for the reader, which would wait forever had the pipe been replaced.
    assert!(fs::metadata(&pipe).unwrap().file_type().is_fifo());
    let received = reader.join().unwrap();
    let report: Value = serde_json::from_str(&received).expect("the report came through");
    assert_eq!(report["schema"], "parallax-report/2");
    assert!(leftover_temporaries(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_failed_write_keeps_the_previous_report_and_says_why() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("locked");
    let previous = write(&dir, "locked/report.json", "the previous report");
    set_mode(&folder, 0o555);
    let permissions_apply = !can_create_in(&folder);
    // Root creates files in a read-only folder anyway; /proc refuses new files even to root,
    // and /proc/version is a file that exists there.
    let (target, reason) = if permissions_apply {
        (previous.clone(), Some("permission denied"))
    } else {
        (PathBuf::from("/proc/version"), None)
    };
    let before = fs::read(&target).expect("the previous file");
    let run = write_report(&dir, &target);
    set_mode(&folder, 0o755);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_no_panic(&run);
    let message = format!("{}: could not write the file: ", target.display());
    assert!(run.stderr.contains(&message), "{}", run.stderr);
    if let Some(reason) = reason {
        assert!(run.stderr.contains(reason), "{}", run.stderr);
    }
    assert!(!run.stderr.contains(".parallax-"), "{}", run.stderr);
    assert_eq!(
        fs::read(&target).unwrap(),
        before,
        "the previous file changed"
    );
    assert!(leftover_temporaries(&folder).is_empty());
}

#[test]
fn a_report_below_a_plain_file_fails_with_a_reason() {
    let dir = TempDir::new().unwrap();
    let plain = write(&dir, "notes.txt", "my notes");
    let target = plain.join("report.json");
    let run = write_report(&dir, &target);
    assert_eq!(run.code, Some(1));
    assert_no_panic(&run);
    assert!(
        run.stderr.contains(&format!(
            "{}: could not write the file: a part of the path is not a folder",
            target.display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(&plain).unwrap(), "my notes");
}

#[test]
fn a_folder_in_the_way_is_left_alone() {
    let dir = TempDir::new().unwrap();
    let inside = write(&dir, "reports/keep.txt", "kept");
    let folder = inside.parent().unwrap().to_path_buf();
    let run = write_report(&dir, &folder);
    assert_eq!(run.code, Some(1));
    assert_no_panic(&run);
    assert!(
        run.stderr.contains(&format!(
            "{}: could not write the file: a folder of that name is in the way",
            folder.display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(&inside).unwrap(), "kept");
    assert!(leftover_temporaries(dir.path()).is_empty());
}

#[test]
fn the_report_may_not_overwrite_an_input_article() {
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt", STORY);
    let b = write(&dir, "b.txt", REWRITE);
    let mut spellings = vec![a.clone(), dir.path().join("sub/../a.txt")];
    fs::create_dir(dir.path().join("sub")).unwrap();
    #[cfg(unix)]
    {
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&a, &link).unwrap();
        spellings.push(link);
    }
    for target in spellings {
        let run = compare_cli([
            "--format".as_ref(),
            "json".as_ref(),
            "-o".as_ref(),
            target.as_os_str(),
            a.as_os_str(),
            b.as_os_str(),
        ]);
        assert_ne!(run.code, Some(0), "{}", target.display());
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        assert_no_panic(&run);
        assert!(
            run.stderr
                .contains("refusing to overwrite an article that is being compared"),
            "{}",
            run.stderr
        );
        assert_eq!(
            fs::read_to_string(&a).unwrap(),
            STORY,
            "{}",
            target.display()
        );
    }
}

/// A session of the two stories saved in `dir` and its path.
fn saved_session(dir: &TempDir) -> (Session, PathBuf) {
    let articles = [
        Article::from_text("Post", "a.txt", STORY, Format::Text),
        Article::from_text("Ledger", "b.txt", REWRITE, Format::Text),
    ];
    let session = Session::new(&articles, Options::default());
    let path = dir.path().join("library.parallax.json");
    session.save(&path, &[]).expect("saved");
    (session, path)
}

#[test]
fn a_session_from_a_newer_version_is_refused_clearly() {
    let dir = TempDir::new().unwrap();
    let (_, path) = saved_session(&dir);
    let text = fs::read_to_string(&path).unwrap();
    let (current, next) = (parallax::session::VERSION, parallax::session::VERSION + 1);
    let newer = text.replacen(
        &format!("\"version\": {current}"),
        &format!("\"version\": {next}"),
        1,
    );
    assert_ne!(newer, text);
    fs::write(&path, newer).unwrap();
    let error = Session::open(&path).unwrap_err();
    assert!(
        matches!(error, SessionError::TooNew { found, .. } if found == next),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        format!(
            "{}: written by a newer Parallax (session version {next}; this version reads up to \
             {current})",
            path.display()
        )
    );
}

#[test]
fn a_damaged_session_is_refused_clearly() {
    let dir = TempDir::new().unwrap();
    let (_, path) = saved_session(&dir);
    let whole = fs::read(&path).unwrap();
    let damaged: [(&str, Vec<u8>); 6] = [
        ("truncated", whole[..whole.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("binary", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe".to_vec()),
        (
            "a report",
            br#"{"schema":"parallax-report/1","articles":[]}"#.to_vec(),
        ),
        (
            "another format",
            br#"{"format":"other-tool","version":1,"articles":[]}"#.to_vec(),
        ),
        (
            "articles without text",
            br#"{"format":"parallax-session","version":1,"articles":[{"label":"x","source":"y"}]}"#
                .to_vec(),
        ),
    ];
    for (what, bytes) in damaged {
        fs::write(&path, &bytes).unwrap();
        let error = Session::open(&path).unwrap_err();
        assert!(
            matches!(error, SessionError::Damaged { .. }),
            "{what}: {error}"
        );
        let message = error.to_string();
        assert!(
            message.starts_with(&format!(
                "{}: not a Parallax session or damaged (",
                path.display()
            )),
            "{what}: {message}"
        );
    }
}

#[test]
fn a_missing_session_names_the_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("gone.parallax.json");
    let error = Session::open(&path).unwrap_err();
    assert!(matches!(error, SessionError::Read { .. }));
    assert!(
        error
            .to_string()
            .starts_with(&format!("{}: could not read the session: ", path.display()))
    );
}

#[test]
fn a_session_save_replaces_the_file_or_leaves_it_intact() {
    let dir = TempDir::new().unwrap();
    let (session, path) = saved_session(&dir);
    let mut renamed = session.clone();
    renamed.articles[0].label = "Evening Post".into();
    renamed.save(&path, &[]).unwrap();
    assert_eq!(Session::open(&path).unwrap(), renamed);
    assert!(leftover_temporaries(dir.path()).is_empty());

    // Saving over an input article is refused and leaves it as it was.
    let input = write(&dir, "a.txt", STORY);
    let error = session
        .save(&input, std::slice::from_ref(&input))
        .unwrap_err();
    assert!(
        error.to_string().contains("refusing to overwrite"),
        "{error}"
    );
    assert_eq!(fs::read_to_string(&input).unwrap(), STORY);

    // A save that cannot happen (below a plain file) reports why and changes nothing.
    let below = input.join("x.parallax.json");
    let error = session.save(&below, &[]).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with(&format!("{}: could not write", below.display())),
        "{error}"
    );
    assert_eq!(Session::open(&path).unwrap(), renamed);
}

/// A panic inside the comparison is caught by the app's job runner and reported as a crash, and
/// the next comparison still works. The panic is provoked with an article whose sentence span
/// lies outside its text, which no loader produces.
#[cfg(feature = "app")]
#[test]
fn a_panic_in_the_comparison_thread_is_caught_and_reported() {
    use parallax::app::jobs::{JobFailure, Jobs, Message};

    let good = || {
        vec![
            Article::from_text("Post", "a.txt", STORY, Format::Text),
            Article::from_text("Ledger", "b.txt", REWRITE, Format::Text),
        ]
    };
    let mut broken = good();
    broken[0].sentences[1].end = broken[0].text.len() + 100;

    let mut jobs = Jobs::new(egui::Context::default());
    let mut outcome_of = |generation: u64, articles: Vec<Article>| {
        jobs.compare(generation, Vec::new(), articles, Options::default());
        // Wait for the answer; the bound only keeps a hung thread from hanging the test suite.
        for _ in 0..6_000 {
            for message in jobs.poll() {
                if let Message::Compared {
                    generation: g,
                    outcome,
                    ..
                } = message
                    && g == generation
                {
                    return outcome;
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the comparison thread never answered");
    };
    match outcome_of(1, broken) {
        Err(JobFailure::Crashed(message)) => assert!(!message.is_empty()),
        other => panic!("expected a caught crash, got {other:?}"),
    }
    let comparison = outcome_of(2, good()).expect("the next comparison succeeds");
    assert!(!comparison.links.is_empty());
}

// ---------------------------------------------------------------------------------------------
// 5. Nothing injected, nothing lost (second round)

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::process::Stdio;
    let dir = TempDir::new().unwrap();
    // A JSON report of these is far larger than a pipe's buffer, so writing it must block and
    // then meet the closed pipe.
    let a = write(&dir, "a.txt", STORY.repeat(300));
    let b = write(&dir, "b.txt", REWRITE.repeat(300));
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["compare", "--format", "json"])
        .arg(&a)
        .arg(&b)
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("the binary ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "stderr:\n{stderr}");
    assert!(stderr.is_empty(), "a quiet exit, not:\n{stderr}");
}

/// Whether `text` holds a character a terminal would act on rather than show (a line break
/// aside).
fn has_terminal_controls(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\n')
}

#[cfg(unix)]
#[test]
fn the_text_report_prints_no_terminal_escape_sequences() {
    let dir = TempDir::new().unwrap();
    // Clear the screen, set the window title, write the clipboard (OSC 52), ring the bell.
    let clear = "\u{1b}[2J\u{1b}[H";
    let title = "\u{1b}]0;owned\u{7}";
    let clipboard = "\u{1b}]52;c;cm0gLXJmIH4=\u{7}";
    let page = format!(
        "<html><head><meta property=\"og:site_name\" content=\"Gazette{clear}{title}\"></head>\
         <body><p>{}</p></body></html>",
        STORY.replace("Head librarian", &format!("Head{clipboard} librarian"))
    );
    let html = write(&dir, "page.html", page);
    let named = write(&dir, &format!("wire{title}.txt"), REWRITE);
    let quoted = write(
        &dir,
        "quoted.txt",
        STORY.replace("three weeks", &format!("three{clear} weeks")),
    );
    let run = compare_cli([html.as_path(), named.as_path(), quoted.as_path()]);
    assert_succeeded(&run);
    assert!(
        !has_terminal_controls(&run.stdout),
        "raw control characters in:\n{:?}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Gazette\\u{1b}[2J"),
        "the site name is shown, escaped:\n{}",
        run.stdout
    );
    assert!(run.stdout.contains("wire\\u{1b}]0;owned\\u{7}"));

    // Error messages naming such a file are escaped too.
    let missing = dir.path().join(format!("gone{clear}.txt"));
    let run = compare_cli([missing.as_path(), html.as_path()]);
    assert_eq!(run.code, Some(2));
    assert!(
        !has_terminal_controls(&run.stderr),
        "raw control characters in:\n{:?}",
        run.stderr
    );
    assert!(run.stderr.contains("gone\\u{1b}[2J"), "{}", run.stderr);
}

/// Runs `parallax compare` with `args`, killing it if it is still running after a generous
/// watchdog period (far beyond what the input should take; it guards against a hang, it does
/// not measure speed).
fn compare_cli_with_watchdog(args: &[&OsStr]) -> Run {
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    const WATCHDOG: Duration = Duration::from_secs(300);
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("compare")
        .args(args)
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    while child
        .try_wait()
        .expect("the binary is waited for")
        .is_none()
    {
        if started.elapsed() > WATCHDOG {
            let _ = child.kill();
            panic!("still running after {WATCHDOG:?}: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("the binary ends");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A page of [`STORY`] with `inside` placed before the story's paragraphs.
fn page_with(inside: &str) -> String {
    let paragraphs: String = STORY.split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!doctype html><html><head><title>Library</title></head><body>{inside}{paragraphs}</body></html>"
    )
}

#[test]
fn an_element_with_a_million_attributes_loads() {
    let dir = TempDir::new().unwrap();
    let many: String = (0..1_000_000).map(|i| format!(" a{i}=\"\"")).collect();
    let page = write(
        &dir,
        "attributes.html",
        page_with(&format!("<div{many}></div>")),
    );
    let other = write(&dir, "b.txt", REWRITE);
    let run = compare_cli_with_watchdog(&[
        "--format".as_ref(),
        "json".as_ref(),
        page.as_os_str(),
        other.as_os_str(),
    ]);
    assert_succeeded(&run);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let text = report["articles"][0]["text"].as_str().unwrap();
    assert!(
        text.contains("Volunteers dried more than two thousand books"),
        "{text}"
    );
    assert!(
        run.stderr.contains("attributes beyond"),
        "a warning says what was left out:\n{}",
        run.stderr
    );
}

#[test]
fn list_items_nested_through_implied_end_tags_load() {
    let dir = TempDir::new().unwrap();
    let other = write(&dir, "b.txt", REWRITE);
    for (name, unit) in [
        ("li-dd", "<li><dd>"),
        ("dt-li", "<dt><li>"),
        ("optgroup", "<optgroup><option>"),
    ] {
        let page = write(
            &dir,
            &format!("{name}.html"),
            page_with(&unit.repeat(99_000)),
        );
        let run = compare_cli_with_watchdog(&[
            "--format".as_ref(),
            "json".as_ref(),
            page.as_os_str(),
            other.as_os_str(),
        ]);
        assert_succeeded(&run);
        assert!(
            run.stderr.contains("deep (the limit is"),
            "{name}: the depth limit applies:\n{}",
            run.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn a_report_to_a_dangling_symbolic_link_creates_its_target_and_keeps_the_link() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("reports")).unwrap();
    let link = dir.path().join("latest.json");
    std::os::unix::fs::symlink("reports/today.json", &link).unwrap();
    let run = write_report(&dir, &link);
    assert_succeeded(&run);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced by a plain file"
    );
    let written = fs::read_to_string(dir.path().join("reports/today.json")).unwrap();
    assert!(written.contains("parallax-report/2"));

    // A link into a folder that does not exist is refused, naming the link.
    let nowhere = dir.path().join("nowhere.json");
    std::os::unix::fs::symlink("missing-folder/x.json", &nowhere).unwrap();
    let run = write_report(&dir, &nowhere);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{}: could not write the file: the folder does not exist",
            nowhere.display()
        )),
        "{}",
        run.stderr
    );
    assert!(
        fs::symlink_metadata(&nowhere)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn a_terminated_report_write_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let dir = TempDir::new().unwrap();
    // Two long, nearly identical articles: a JSON report of them is large enough to take a
    // while to write and sync.
    let a = write(&dir, "a.txt", STORY.repeat(6_000));
    let b = write(&dir, "b.txt", REWRITE.repeat(6_000));
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let report = out.join("report.json");
    let mut interrupted = 0;
    for signal in ["TERM", "INT", "TERM", "INT", "TERM", "INT"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["compare", "-o"])
            .arg(&report)
            .arg(&a)
            .arg(&b)
            .env_remove("RUST_LOG")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary runs");
        // Watch for the temporary file, then signal the process while it writes.
        let started = Instant::now();
        loop {
            if !leftover_temporaries(&out).is_empty() {
                let killed = Command::new("kill")
                    .arg(format!("-{signal}"))
                    .arg(child.id().to_string())
                    .status()
                    .expect("kill runs");
                assert!(killed.success());
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(300),
                "watchdog: still running"
            );
            std::thread::sleep(Duration::from_micros(200));
        }
        let status = child.wait().unwrap();
        if status.signal().is_some() {
            interrupted += 1;
        }
        assert!(
            leftover_temporaries(&out).is_empty(),
            "left behind after SIG{signal}: {:?}",
            leftover_temporaries(&out)
        );
        let _ = fs::remove_file(&report);
    }
    assert!(
        interrupted > 0,
        "no run was caught mid-write: the test proved nothing"
    );
}
