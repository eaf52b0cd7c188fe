//! Text with flaws, declared charsets, invisible characters and Unicode forms, Markdown and
//! scripts without spaces (Thai), end to end: files written at test time (all text invented) are
//! compared by the `parallax` binary and its JSON report is checked.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "support/cli.rs"]
mod cli;
use cli::compare_cli;
use serde_json::Value;
use tempfile::TempDir;

/// An invented story: a headline and four sentences with curly quotes and an apostrophe.
const STORY: &str = "Ferry service returns to Gull Point\n\n\
    The ferry to Gull Point will sail again from the first week of May, the harbour board said \
    on Tuesday. Repairs to the old landing stage took eleven months and cost the town more than \
    two million pounds. \u{201c}We never wanted the island cut off,\u{201d} said board chair Ada \
    Lorne. The first crossing leaves at seven o\u{2019}clock in the morning.\n";

/// The JSON report of `files`, and what the run printed on standard error.
fn json_report(files: &[&Path]) -> (Value, String) {
    let mut args: Vec<&OsStr> = vec!["--format".as_ref(), "json".as_ref()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let run = compare_cli(args);
    assert_eq!(run.code, Some(0), "stderr:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let report = serde_json::from_str(&run.stdout).expect("a JSON report");
    (report, run.stderr)
}

/// Writes `bytes` to `name` in `dir` and returns the path.
fn write(dir: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, bytes).expect("write test file");
    path
}

/// The kinds of all links of the report.
fn link_kinds(report: &Value) -> Vec<String> {
    report["links"]
        .as_array()
        .expect("links")
        .iter()
        .map(|l| l["kind"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// The number of sentences of article `i`.
fn sentence_count(report: &Value, i: usize) -> usize {
    report["articles"][i]["sentences"]
        .as_array()
        .expect("sentences")
        .len()
}

/// Asserts that the two articles of `report` are identical sentence for sentence.
fn assert_identical_copies(report: &Value) {
    let count = sentence_count(report, 0);
    assert!(count > 1);
    assert_eq!(sentence_count(report, 1), count);
    assert_eq!(link_kinds(report), vec!["identical"; count], "{report:#}");
    assert_eq!(report["substitutions"], Value::Array(Vec::new()));
}

#[test]
fn stray_control_characters_are_kept_counted_and_ignored() {
    let dir = TempDir::new().unwrap();
    // An old e-text: 0x19 for the apostrophe, and a NUL after the first 8 KB.
    let padding = "The ferry to Gull Point will sail again from May. ".repeat(180);
    let clean = format!("{STORY}\n{padding}\nIt\u{2019}s the island\u{2019}s only link.\n");
    let flawed = clean
        .replace('\u{2019}', "\u{19}")
        .replace("only link.", "only\u{0} link.");
    assert!(flawed.find('\u{0}').is_some_and(|at| at > 8 * 1024));
    let flawed_path = write(&dir, "etext.txt", &flawed);
    let clean_path = write(&dir, "clean.txt", &clean);
    let (report, stderr) = json_report(&[&flawed_path, &clean_path]);

    assert_eq!(
        report["articles"][0]["text"], flawed,
        "the file's characters"
    );
    let warning = "the text holds 4 control characters (not shown, ignored when comparing)";
    assert_eq!(report["articles"][0]["warnings"][0], warning);
    assert!(
        stderr.contains(&format!("{}: {warning}", flawed_path.display())),
        "{stderr}"
    );
    assert!(report["articles"][1].get("warnings").is_none());
    assert!(link_kinds(&report).iter().all(|k| k == "identical"));
    assert_eq!(report["substitutions"], Value::Array(Vec::new()));
}

#[test]
fn a_nul_in_the_first_8_kilobytes_is_still_binary() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "blob.txt", format!("{STORY}\0{STORY}"));
    let other = write(&dir, "story.txt", STORY);
    let run = compare_cli([&path, &other]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains(&format!(
            "{}: not a text file (binary content)",
            path.display()
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn one_invalid_byte_keeps_the_rest_utf8() {
    let dir = TempDir::new().unwrap();
    let mut flawed = STORY.as_bytes().to_vec();
    let at = STORY.find("eleven").expect("word");
    flawed.insert(at, 0xE9);
    let flawed_path = write(&dir, "flawed.txt", &flawed);
    let clean_path = write(&dir, "clean.txt", STORY);
    let (report, stderr) = json_report(&[&flawed_path, &clean_path]);

    let text = report["articles"][0]["text"].as_str().expect("text");
    assert_eq!(text, STORY.replace("eleven", "\u{FFFD}eleven"));
    let warning = "the file is not valid UTF-8: 1 unreadable byte sequence replaced with \u{FFFD}";
    assert_eq!(report["articles"][0]["warnings"][0], warning);
    assert!(stderr.contains(warning), "{stderr}");
    // The curly quotes survive, and the replacement character, a symbol, is not a word.
    assert_identical_copies(&report);
}

#[test]
fn a_declared_charset_is_honoured() {
    let dir = TempDir::new().unwrap();
    let title = "\u{411}\u{438}\u{431}\u{43b}\u{438}\u{43e}\u{442}\u{435}\u{43a}\u{430} \u{43d}\u{430} \u{43f}\u{440}\u{438}\u{441}\u{442}\u{430}\u{43d}\u{438}";
    let body = "\u{41f}\u{430}\u{440}\u{43e}\u{43c} \u{43f}\u{440}\u{438}\u{448}\u{451}\u{43b} \u{432} \u{43f}\u{43e}\u{440}\u{442} \u{43d}\u{43e}\u{447}\u{44c}\u{44e}, \u{438} \u{43b}\u{44e}\u{434}\u{438} \u{436}\u{434}\u{430}\u{43b}\u{438} \u{43d}\u{430} \u{43f}\u{440}\u{438}\u{441}\u{442}\u{430}\u{43d}\u{438} \u{434}\u{43e} \u{443}\u{442}\u{440}\u{430}.";
    let cases = [
        ("meta.html", "<meta charset=\"windows-1251\">"),
        (
            "equiv.html",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
        ),
    ];
    let mut paths = Vec::new();
    for (name, declaration) in cases {
        let page = format!(
            "<!doctype html><html><head>{declaration}<title>{title}</title></head>\
             <body><article><p>{body}</p></article></body></html>"
        );
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(&page);
        assert!(!unmappable);
        paths.push(write(&dir, name, bytes.as_ref()));
    }
    let (report, stderr) = json_report(&[&paths[0], &paths[1]]);
    for i in 0..2 {
        let article = &report["articles"][i];
        assert_eq!(article["title"], title, "{stderr}");
        assert!(article["text"].as_str().unwrap().contains(body));
        assert!(article.get("warnings").is_none());
    }
}

#[test]
fn invisible_characters_never_make_copies_differ() {
    let dir = TempDir::new().unwrap();
    let soft_hyphens = STORY.replace('e', "e\u{AD}");
    let zero_width = STORY
        .replace("ferry", "fer\u{200B}ry")
        .replace("board", "bo\u{200D}ard")
        .replace("Lorne", "\u{2066}Lorne\u{2069}")
        .replace("island", "is\u{200C}land\u{200E}");
    let clean = write(&dir, "clean.txt", STORY);
    for (name, text) in [("shy.txt", soft_hyphens), ("zw.txt", zero_width)] {
        let copy = write(&dir, name, &text);
        let (report, _) = json_report(&[&clean, &copy]);
        assert_eq!(report["articles"][1]["text"], text, "kept as written");
        assert_identical_copies(&report);
    }
}

#[test]
fn nfd_and_nfc_compare_alike_and_edits_keep_whole_characters() {
    let dir = TempDir::new().unwrap();
    let nfc = "Talks at the \u{c9}lys\u{e9}e\n\nThe pr\u{e9}sident met the d\u{e9}l\u{e9}gu\u{e9}s at the \u{c9}lys\u{e9}e on Monday. \
        They spoke for an hour about the caf\u{e9} tax and the na\u{ef}ve plan.\n";
    let nfd = "Talks at the E\u{301}lyse\u{301}e\n\nThe pre\u{301}sident met the de\u{301}le\u{301}gue\u{301}s at the E\u{301}lyse\u{301}e on Monday. \
        They spoke for an hour about the cafe\u{301} tax and the nai\u{308}ve plan.\n";
    let a = write(&dir, "nfc.txt", nfc);
    let b = write(&dir, "nfd.txt", nfd);
    let (report, _) = json_report(&[&a, &b]);
    assert_identical_copies(&report);

    // A real change next to a decomposed accent: the edit covers the whole "É".
    let changed = nfd.replace("Monday", "Friday");
    let c = write(&dir, "changed.txt", &changed);
    let (report, _) = json_report(&[&a, &c]);
    for link in report["links"].as_array().unwrap() {
        for edit in link["edits"].as_array().unwrap() {
            let b_range = edit["b"].as_array().unwrap();
            let (start, end) = (
                b_range[0].as_u64().unwrap() as usize,
                b_range[1].as_u64().unwrap() as usize,
            );
            let piece = &changed[start..end];
            assert!(
                !piece.starts_with('\u{301}') && !changed[end..].starts_with('\u{301}'),
                "an edit cuts a character in two: {piece:?}"
            );
        }
    }
}

#[test]
fn markdown_compares_by_its_rendered_text() {
    let dir = TempDir::new().unwrap();
    let first = "# Ferry returns to Gull Point\n\nThe ferry will sail again from May, \
        [the harbour board](https://example.org/board) said on *Tuesday*.\n\n\
        - Repairs took **eleven months**.\n- The first crossing leaves at seven.\n";
    let second = first.replace("https://example.org/board", "https://example.net/news/42");
    let a = write(&dir, "first.md", first);
    let b = write(&dir, "second.md", &second);
    let (report, _) = json_report(&[&a, &b]);
    assert_identical_copies(&report);
    let text = report["articles"][0]["text"].as_str().unwrap();
    assert_eq!(
        text,
        "# Ferry returns to Gull Point\n\nThe ferry will sail again from May, the harbour board \
         said on Tuesday.\n\n- Repairs took eleven months.\n\n- The first crossing leaves at seven."
    );
    for sentence in report["articles"][0]["sentences"].as_array().unwrap() {
        let s = sentence["text"].as_str().unwrap();
        assert!(!s.contains(['#', '*', '[', ']']), "{s:?}");
    }
}

#[test]
fn thai_splits_into_sentences_and_edits_into_whole_words() {
    let dir = TempDir::new().unwrap();
    // A headline ("The boat is back"), then "The boat leaves the pier in the morning" /
    // "Tickets go on sale today" / "The harbour is open every day", written without spaces
    // between words, a space between sentences.
    let thai = "\u{e40}\u{e23}\u{e37}\u{e2d}\u{e01}\u{e25}\u{e31}\u{e1a}\u{e21}\u{e32}\u{e41}\u{e25}\u{e49}\u{e27}\n\n\u{e40}\u{e23}\u{e37}\u{e2d}\u{e2d}\u{e2d}\u{e01}\u{e08}\u{e32}\u{e01}\u{e17}\u{e48}\u{e32}\u{e15}\u{e2d}\u{e19}\u{e40}\u{e0a}\u{e49}\u{e32} \
        \u{e15}\u{e31}\u{e4b}\u{e27}\u{e40}\u{e23}\u{e34}\u{e48}\u{e21}\u{e02}\u{e32}\u{e22}\u{e27}\u{e31}\u{e19}\u{e19}\u{e35}\u{e49} \
        \u{e17}\u{e48}\u{e32}\u{e40}\u{e23}\u{e37}\u{e2d}\u{e40}\u{e1b}\u{e34}\u{e14}\u{e17}\u{e38}\u{e01}\u{e27}\u{e31}\u{e19}\n";
    // The second version sails in the evening ("เย็น" for "เช้า").
    let evening = thai.replace(
        "\u{e40}\u{e0a}\u{e49}\u{e32}",
        "\u{e40}\u{e22}\u{e47}\u{e19}",
    );
    let a = write(&dir, "morning.txt", thai);
    let b = write(&dir, "evening.txt", &evening);
    let (report, _) = json_report(&[&a, &b]);
    assert_eq!(sentence_count(&report, 0), 4, "{:#}", report["articles"][0]);
    let kinds = link_kinds(&report);
    assert_eq!(kinds.iter().filter(|k| *k == "identical").count(), 3);
    let changes: Vec<(String, String)> = report["links"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|link| link["edits"].as_array().unwrap().iter())
        .filter(|edit| edit["op"] != "equal")
        .map(|edit| {
            let side = |key: &str| edit[key].as_str().unwrap_or_default().to_owned();
            (side("a_text"), side("b_text"))
        })
        .collect();
    assert_eq!(
        changes,
        [(
            "\u{e40}\u{e0a}\u{e49}\u{e32}".to_owned(),
            "\u{e40}\u{e22}\u{e47}\u{e19}".to_owned()
        )],
        "one whole word for another"
    );
}
