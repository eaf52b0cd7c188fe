//! Loading files into articles, end to end: every file is written into a temporary directory at
//! test time (except the saved web page in `tests/fixtures/loading/`). All text is invented.

use std::fs;
use std::path::{Path, PathBuf};

use parallax::article::decode::BinaryKind;
use parallax::article::{Article, Format, LoadError, load_bytes, load_file};
use proptest::prelude::*;
use tempfile::TempDir;

#[path = "support/utf16.rs"]
mod support;
use support::utf16;

const STORY: &str = "Gull Point ferry returns\n\nThe ferry to Gull Point will sail again from May.\nTickets go on sale next week.\n";

/// Writes `bytes` to `name` inside `dir` and returns the path.
fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, bytes).expect("write test file");
    path
}

/// Loads `bytes` written to a file called `name`.
fn load_written(name: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    let dir = TempDir::new().expect("temp dir");
    load_file(&write(&dir, name, bytes))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/loading")
        .join(name)
}

/// Asserts that `result` failed and that its message is `"<path>: <reason>"`.
fn assert_refused(result: Result<Article, LoadError>, path: &Path, reason: &str) -> LoadError {
    let error = result.expect_err("the file should be refused");
    assert_eq!(error.path(), path);
    assert_eq!(error.to_string(), format!("{}: {reason}", path.display()));
    error
}

#[test]
fn utf8_text_loads_as_is() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "reuters_cbc.txt", STORY.as_bytes());
    let article = load_file(&path).unwrap();
    assert_eq!(article.text, STORY);
    assert_eq!(article.label, "reuters_cbc");
    assert_eq!(article.source, path.to_string_lossy());
    assert_eq!(article.format, Format::Text);
    assert!(article.warnings.is_empty());
    assert!(!article.sentences.is_empty());
    let derived = Article::from_text("x", "y", STORY, Format::Text).title;
    assert_eq!(article.title, derived);
}

#[test]
fn crlf_is_kept_so_offsets_match_the_file() {
    let text = STORY.replace('\n', "\r\n");
    let article = load_written("crlf.txt", text.as_bytes()).unwrap();
    assert_eq!(article.text, text);
    for sentence in &article.sentences {
        assert!(article.text.is_char_boundary(sentence.start));
        assert!(sentence.end <= article.text.len());
    }
}

#[test]
fn utf8_bom_is_dropped() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice("Caf\u{e9} on the quay\r\n".as_bytes());
    let article = load_written("bom.txt", &bytes).unwrap();
    assert_eq!(article.text, "Caf\u{e9} on the quay\r\n");
    assert!(article.warnings.is_empty());
}

#[test]
fn windows_1252_is_decoded_with_a_warning() {
    let article = load_written("legacy.txt", b"caf\xe9 \x93quoted\x94\r\n").unwrap();
    assert_eq!(article.text, "caf\u{e9} \u{201c}quoted\u{201d}\r\n");
    assert_eq!(article.warnings.len(), 1);
    assert!(article.warnings[0].contains("decoded as Windows-1252"));
}

#[test]
fn utf16_with_bom_is_decoded() {
    let text = "Zo\u{eb}'s caf\u{e9} \u{201c}reopens\u{201d}\r\nOn Friday.";
    for (name, big_endian) in [("le.txt", false), ("be.txt", true)] {
        let article = load_written(name, &utf16(text, big_endian)).unwrap();
        assert_eq!(article.text, text, "{name}");
        assert!(article.warnings.is_empty(), "{name}");
    }
}

#[test]
fn utf16_html_is_sniffed_and_extracted() {
    let page = "<!DOCTYPE html><html><body><p>Sixteen-bit page text.</p></body></html>";
    let article = load_written("saved_page", &utf16(page, false)).unwrap();
    assert_eq!(article.format, Format::Html);
    assert_eq!(article.text, "Sixteen-bit page text.");
}

#[test]
fn format_follows_the_extension_then_the_content() {
    let html = b"  \n<!doctype html><html><body><p>Sniffed page.</p></body></html>";
    let cases: [(&str, &[u8], Format); 6] = [
        ("notes.md", b"# Heading\n\nText.", Format::Markdown),
        ("notes.markdown", b"# Heading\n\nText.", Format::Markdown),
        ("raw.txt", html, Format::Text),
        ("download", html, Format::Html),
        (
            "download.php",
            b"<HTML><body>Upper case tag.</body></HTML>",
            Format::Html,
        ),
        ("notes.log", b"<b>not a page</b>", Format::Text),
    ];
    for (name, bytes, format) in cases {
        assert_eq!(load_written(name, bytes).unwrap().format, format, "{name}");
    }
}

#[test]
fn empty_and_whitespace_only_files_are_refused() {
    let dir = TempDir::new().unwrap();
    let empty = write(&dir, "a.txt", b"");
    let error = assert_refused(load_file(&empty), &empty, "the file is empty");
    assert!(matches!(error, LoadError::Empty { .. }));
    let bom_only = write(&dir, "bom.txt", b"\xef\xbb\xbf");
    assert_refused(load_file(&bom_only), &bom_only, "the file is empty");
    let blank = write(&dir, "blank.md", b" \r\n\t \n");
    let error = assert_refused(
        load_file(&blank),
        &blank,
        "the file contains only whitespace",
    );
    assert!(matches!(error, LoadError::Blank { .. }));
}

#[test]
fn binary_files_are_refused() {
    let cases: [(&str, &[u8], BinaryKind, &str); 8] = [
        (
            "nul.txt",
            b"looks like text\0\0\x01\x02",
            BinaryKind::NulBytes,
            "binary content",
        ),
        (
            "x.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            BinaryKind::Png,
            "a PNG image",
        ),
        (
            "photo.txt",
            b"\xff\xd8\xff\xe0\0\x10JFIF\0",
            BinaryKind::Jpeg,
            "a JPEG image",
        ),
        (
            "anim.gif",
            b"GIF89a\x10\0\x10\0",
            BinaryKind::Gif,
            "a GIF image",
        ),
        (
            "report.txt",
            b"%PDF-1.7\n1 0 obj\n",
            BinaryKind::Pdf,
            "a PDF document",
        ),
        (
            // (A .docx is read as a Word file since issue 13; any other ZIP is refused.)
            "story.zip",
            b"PK\x03\x04\x14\0\x06\0",
            BinaryKind::Zip,
            "a ZIP archive or office document",
        ),
        (
            "dump.html.gz",
            b"\x1f\x8b\x08\0\0\0\0\0",
            BinaryKind::Gzip,
            "a gzip archive",
        ),
        (
            "ctl.txt",
            b"\x01\x02\x03\x04\x05 some \x06\x07\x08 text",
            BinaryKind::ControlCharacters,
            "binary content",
        ),
    ];
    let dir = TempDir::new().unwrap();
    for (name, bytes, kind, what) in cases {
        let path = write(&dir, name, bytes);
        let error = assert_refused(
            load_file(&path),
            &path,
            &format!("not a text file ({what})"),
        );
        assert!(
            matches!(error, LoadError::Binary { kind: k, .. } if k == kind),
            "{name}: {error:?}"
        );
    }
}

#[test]
fn a_directory_is_refused() {
    let dir = TempDir::new().unwrap();
    let notes = dir.path().join("notes");
    fs::create_dir(&notes).unwrap();
    let error = assert_refused(load_file(&notes), &notes, "is a directory, not a file");
    assert!(matches!(error, LoadError::IsDirectory { .. }));
}

#[test]
fn a_missing_file_is_refused() {
    let dir = TempDir::new().unwrap();
    let gone = dir.path().join("gone.txt");
    let error = assert_refused(load_file(&gone), &gone, "no such file");
    assert!(matches!(error, LoadError::NotFound { .. }));
}

#[cfg(unix)]
#[test]
fn a_device_is_refused() {
    let null = Path::new("/dev/null");
    assert_refused(
        load_file(null),
        null,
        "not a regular file (a device, pipe or socket)",
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let secret = write(&dir, "secret.txt", STORY.as_bytes());
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&secret).is_ok() {
        // Running as root (or with CAP_DAC_OVERRIDE): the file is still readable after
        // `chmod 000`, so there is no permission error to observe. Nothing is asserted here.
        return;
    }
    let error = assert_refused(load_file(&secret), &secret, "permission denied");
    assert!(matches!(error, LoadError::PermissionDenied { .. }));
}

#[test]
fn a_saved_news_page_yields_its_article() {
    let path = fixture("harbour_lantern.html");
    let article = load_file(&path).unwrap();
    assert_eq!(article.format, Format::Html);
    assert_eq!(article.label, "The Harbour Lantern");
    assert_eq!(article.source, path.to_string_lossy());
    assert_eq!(
        article.title.as_deref(),
        Some("Port Averly votes to bring back the lighthouse ferry")
    );
    let paragraphs: Vec<&str> = article.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 4, "{}", article.text);
    assert_eq!(
        paragraphs[0],
        "Port Averly votes to bring back the lighthouse ferry"
    );
    assert!(paragraphs[1].starts_with("PORT AVERLY \u{2014} The town council voted seven to two"));
    assert!(paragraphs[2].starts_with("Council members said the service would run"));
    assert!(paragraphs[3].ends_with("before the first sailing in June."));
    for paragraph in &paragraphs {
        assert!(
            !paragraph.contains('\n') && !paragraph.contains("  "),
            "{paragraph}"
        );
    }
    for furniture in [
        "Subscribe",
        "Tides",
        "Advertisement",
        "Share on",
        "Copy link",
        "renderInlinePoll",
        "trackingQueue",
        "Comments",
        "grandmother",
        "Related stories",
        "Saltmere boat cooperative expands",
        "All rights reserved",
        "Privacy",
    ] {
        assert!(!article.text.contains(furniture), "{furniture} leaked in");
    }
}

#[test]
fn a_page_without_site_name_is_labelled_by_its_file_name() {
    let page = "<html><head><title>Lantern festival draws crowds</title></head><body>\
        <p>Thousands of paper lanterns drifted over the Averly estuary on Saturday night.</p>\
        </body></html>";
    let article = load_written("gull_gazette.htm", page.as_bytes()).unwrap();
    assert_eq!(article.label, "gull_gazette");
    assert_eq!(
        article.title.as_deref(),
        Some("Lantern festival draws crowds")
    );
    assert_eq!(
        article.text,
        "Lantern festival draws crowds\n\n\
         Thousands of paper lanterns drifted over the Averly estuary on Saturday night."
    );
}

#[test]
fn a_page_without_text_is_refused() {
    let page = "<!doctype html><html><head><title>Loading\u{2026}</title>\
        <script src=\"app.js\"></script></head><body><div id=\"root\"></div>\
        <noscript>Please enable JavaScript.</noscript></body></html>";
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "page.html", page.as_bytes());
    let error = assert_refused(load_file(&path), &path, "no article text found in the page");
    assert!(matches!(error, LoadError::NoArticleText { .. }));
}

#[test]
fn a_page_full_of_scripts_and_iframes_keeps_only_text() {
    let mut page = String::from("<html><head><title>Busy page</title></head><body>");
    for i in 0..300 {
        page.push_str(&format!(
            "<script>var slot{i} = \"<p>fake paragraph {i}</p>\";</script>\
             <iframe src=\"https://ads.invalid/{i}\"><p>frame {i}</p></iframe>"
        ));
    }
    page.push_str(
        "<p>The only real sentence on this page is about the tide at Gull Point.</p></body></html>",
    );
    let article = load_written("busy.html", page.as_bytes()).unwrap();
    assert_eq!(
        article.text,
        "Busy page\n\nThe only real sentence on this page is about the tide at Gull Point."
    );
}

#[test]
fn malformed_html_loads() {
    let page = "<html><body><div><p>First <b>bold <i>mixed</b> up</i> paragraph.<p>Second\
        </span></div></div></table><li>stray item<td>stray cell</body></html><p>after the end";
    let article = load_written("broken.html", page.as_bytes()).unwrap();
    assert!(
        article.text.contains("First bold mixed up paragraph."),
        "{}",
        article.text
    );
    assert!(article.text.contains("\n\nSecond"), "{}", article.text);
}

#[test]
fn html_nested_ten_thousand_deep_loads() {
    for tag in ["div", "span", "blockquote", "table"] {
        let page = format!(
            "<!doctype html><html><head><title>The deep well</title></head><body>{}\
             <p>At the bottom of the well there is a single sentence.</p>{}</body></html>",
            format!("<{tag}>").repeat(10_000),
            format!("</{tag}>").repeat(10_000)
        );
        let article = load_written("deep.html", page.as_bytes()).unwrap();
        assert_eq!(
            article.text, "The deep well\n\nAt the bottom of the well there is a single sentence.",
            "{tag}"
        );
        assert_eq!(article.title.as_deref(), Some("The deep well"));
    }
}

#[test]
fn a_five_megabyte_line_loads() {
    let line = "Gulls circle the quay while the ferry waits. ".repeat(120_000);
    assert!(line.len() > 5_000_000);
    let article = load_written("long_line.txt", line.as_bytes()).unwrap();
    assert_eq!(article.text.len(), line.len());
    let page = format!("<html><body><p>{line}</p></body></html>");
    let article = load_written("long_line.html", page.as_bytes()).unwrap();
    assert_eq!(article.text, line.trim_end());
}

#[test]
fn a_fifty_megabyte_text_file_loads() {
    let paragraph = "The harbour master logged forty-one boats on Sunday, a record for April. \
        Most came from Saltmere, some from as far as Kestrel Bay.\r\n\r\n";
    let text = paragraph.repeat(50 * 1024 * 1024 / paragraph.len() + 1);
    let article = load_written("big.txt", text.as_bytes()).unwrap();
    assert_eq!(article.text.len(), text.len());
    assert!(
        article.sentences.len() > 500_000,
        "{} sentences",
        article.sentences.len()
    );
}

#[test]
fn dropped_bytes_are_named_by_the_caller() {
    let article = load_bytes("Dropped Story.txt", STORY.as_bytes()).unwrap();
    assert_eq!(article.label, "Dropped Story");
    assert_eq!(article.source, "Dropped Story.txt");
    let error = load_bytes("sample/empty.txt", b"").unwrap_err();
    assert_eq!(error.path(), Path::new("sample/empty.txt"));
    assert_eq!(error.to_string(), "sample/empty.txt: the file is empty");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for name in ["any.txt", "any.html", "any"] {
            let _ = load_bytes(name, &bytes);
        }
    }

    #[test]
    fn arbitrary_markup_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<div>"), Just("</div>"), Just("<p>"), Just("</p>"), Just("<script>"),
                Just("</script>"), Just("<nav>"), Just("</nav>"), Just("<table><td>"),
                Just("<!--"), Just("-->"), Just("<br/>"), Just("&amp;"), Just("&#xZZ;"),
                Just("<title>"), Just("</title>"), Just("<a href='"), Just("'>"),
                Just("words here. "), Just("\u{e9}t\u{e9} "), Just("<svg><path/>"), Just("</svg>"),
            ],
            0..200,
        )
    ) {
        let page = format!("<!doctype html>{}", parts.concat());
        match load_bytes("fuzz.html", page.as_bytes()) {
            Ok(article) => prop_assert!(!article.text.trim().is_empty()),
            Err(error) => prop_assert!(
                matches!(error, LoadError::NoArticleText { .. }),
                "unexpected error: {}",
                error
            ),
        }
    }
}
