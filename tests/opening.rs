//! Opening what people have, through the binary: folders, Word and OpenDocument files, PDFs made
//! by LibreOffice and Chromium (two columns, running headers, page numbers, a scan, Cyrillic),
//! and web addresses served by a local HTTP server on 127.0.0.1 (never the internet).
//!
//! The fixtures in `tests/fixtures/documents/` were made from our own text by pandoc, LibreOffice
//! and Chromium (see the README there).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        // The test server is local: a proxy set in the environment must not be asked for it.
        .env("NO_PROXY", "127.0.0.1")
        .env("no_proxy", "127.0.0.1")
        .output()
        .expect("the binary runs")
}

fn fixture(folder: &str, name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder)
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn document(name: &str) -> String {
    fixture("documents", name)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The JSON report of comparing `inputs`.
fn report(inputs: &[&str]) -> serde_json::Value {
    let mut args = vec!["compare", "--format", "json"];
    args.extend_from_slice(inputs);
    let out = parallax(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

/// The articles' `(label, title, text)` in a report.
fn articles(report: &serde_json::Value) -> Vec<(String, Option<String>, String)> {
    report["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| {
            (
                a["label"].as_str().unwrap_or_default().to_owned(),
                a["title"].as_str().map(str::to_owned),
                a["text"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

// ---- Folders ----

fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, source) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("subfolder");
        std::fs::copy(source, &path).expect("copy a fixture");
    }
    dir
}

#[test]
fn a_folder_opens_its_articles_in_name_order_and_lists_what_it_skips() {
    let wire = fixture("harbor-fire", "wire.txt");
    let outlet = fixture("harbor-fire", "outlet-a.txt");
    let dir = folder_with(&[
        ("2-outlet.txt", &outlet),
        ("1-wire.txt", &wire),
        ("photo.png", &fixture("documents", "scanned.pdf")),
        ("more/3-again.txt", &outlet),
    ]);
    let folder = dir.path().to_string_lossy().into_owned();
    let out = parallax(&["compare", "--format", "json", &folder]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let labels: Vec<String> = articles(&json).into_iter().map(|a| a.0).collect();
    assert_eq!(labels, ["1-wire", "2-outlet"]);
    let messages = stderr(&out);
    assert!(
        messages.contains("photo.png: skipped (not a kind of file Parallax opens)"),
        "{messages}"
    );
    assert!(
        messages.contains("more: skipped (a subfolder; open it with --recursive)"),
        "{messages}"
    );

    let recursive = report(&["--recursive", &folder]);
    let labels: Vec<String> = articles(&recursive).into_iter().map(|a| a.0).collect();
    assert_eq!(labels, ["1-wire", "2-outlet", "3-again"]);
}

#[test]
fn an_unreadable_file_in_a_folder_is_skipped_but_a_named_one_fails() {
    let wire = fixture("harbor-fire", "wire.txt");
    let outlet = fixture("harbor-fire", "outlet-a.txt");
    let scan = document("scanned.pdf");
    let dir = folder_with(&[("a.txt", &wire), ("b.txt", &outlet), ("c.pdf", &scan)]);
    let folder = dir.path().to_string_lossy().into_owned();
    let out = parallax(&["compare", &folder]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("c.pdf: no text layer: this PDF is an image"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("(skipped)"), "{}", stderr(&out));

    let named = parallax(&["compare", &wire, &scan]);
    assert_eq!(named.status.code(), Some(2));
    assert!(
        stderr(&named).contains("scanned.pdf: no text layer: this PDF is an image"),
        "{}",
        stderr(&named)
    );
}

// ---- Word and OpenDocument ----

#[test]
fn word_and_opendocument_files_from_pandoc_and_libreoffice_read_alike() {
    let json = report(&[
        &document("story.docx"),
        &document("story.odt"),
        &document("story-libreoffice.docx"),
    ]);
    let read = articles(&json);
    assert_eq!(read.len(), 3);
    for (label, title, text) in &read {
        assert_eq!(
            title.as_deref(),
            Some("Night ferry returns to Wexmoor"),
            "{label}"
        );
        let lines: Vec<&str> = text.split("\n\n").collect();
        assert!(lines.contains(&"What changes"), "{label}: {text}");
        assert!(
            lines.contains(&"• a first departure at 21:15,"),
            "{label}: {text}"
        );
        assert!(
            lines.contains(
                &"About 240 passengers made the first crossing, the harbour office said. \
                  \u{201c}We waited a long time for this evening,\u{201d} said Ilse Marrow, \
                  who runs the bakery by the pier."
            ) || lines.contains(
                &"About 240 passengers made the first crossing, the harbour office said. \
                  \"We waited a long time for this evening,\" said Ilse Marrow, who runs the \
                  bakery by the pier."
            ),
            "{label}: {text}"
        );
    }
    assert!(
        read.iter().all(|a| a.2 == read[0].2),
        "the three readings differ: {read:#?}"
    );
}

#[test]
fn a_zip_bomb_is_refused() {
    use zip::write::SimpleFileOptions;
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bomb.docx");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    writer
        .start_file("word/document.xml", options)
        .expect("entry");
    let block = vec![b' '; 1 << 20];
    for _ in 0..65 {
        writer.write_all(&block).expect("write");
    }
    writer.finish().expect("finish");
    assert!(std::fs::metadata(&path).expect("size").len() < 1 << 20);
    let bomb = path.to_string_lossy().into_owned();
    let out = parallax(&["compare", &bomb, &document("story.odt")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("bomb.docx: word/document.xml unpacks to more than 64 MiB"),
        "{}",
        stderr(&out)
    );
}

// ---- PDF ----

#[test]
fn a_libreoffice_pdf_reads_like_the_document_it_came_from() {
    let json = report(&[&document("story.pdf"), &document("story.odt")]);
    let read = articles(&json);
    let (_, title, text) = &read[0];
    assert_eq!(title.as_deref(), Some("Night ferry returns to Wexmoor"));
    let lines: Vec<&str> = text.split("\n\n").collect();
    assert!(
        lines.contains(
            &"Engineers rebuilt the landing stage with steel piles driven nine metres into the \
              river bed. The council paid 3.1 million pounds of the cost; the rest came from a \
              regional fund."
        ),
        "{text}"
    );
    assert!(lines.contains(&"What changes"), "{text}");
    let shares = &json["stats"]["articles"][0];
    assert!(
        shares["identical"].as_f64().unwrap_or_default() > 0.9,
        "{shares}"
    );
}

/// The paragraphs of `columns.html`, as the page has them.
fn column_paragraphs() -> Vec<String> {
    let html = std::fs::read_to_string(document("columns.html")).expect("source page");
    html.split("<p>")
        .skip(1)
        .map(|p| p.split("</p>").next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_two_column_chromium_pdf_reads_in_order_without_headers_or_page_numbers() {
    let json = report(&[&document("columns.pdf"), &document("story.pdf")]);
    let (_, title, text) = &articles(&json)[0];
    assert_eq!(
        title.as_deref(),
        Some("Orchard towns count the cost of the late frost")
    );
    let lines: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(lines[0], "Orchard towns count the cost of the late frost");
    let expected = column_paragraphs();
    assert_eq!(
        lines[1..],
        expected.iter().map(String::as_str).collect::<Vec<_>>()[..],
        "{text}"
    );
}

#[test]
fn a_scan_and_a_cyrillic_pdf() {
    let out = parallax(&["compare", &document("scanned.pdf"), &document("story.pdf")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("scanned.pdf: no text layer: this PDF is an image"),
        "{}",
        stderr(&out)
    );

    let json = report(&[&document("cyrillic.pdf"), &document("story.pdf")]);
    let (_, title, text) = &articles(&json)[0];
    assert_eq!(title.as_deref(), Some("Паром снова ходит на остров"));
    assert!(
        text.contains(
            "Первым рейсом воспользовались около двухсот сорока пассажиров. «Мы долго ждали \
             этого вечера», — сказала Ильза Марроу, хозяйка пекарни у пристани."
        ),
        "{text}"
    );
}

#[test]
fn a_damaged_pdf_is_named() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("broken.pdf");
    std::fs::write(
        &path,
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
    )
    .expect("write");
    let out = parallax(&["compare", &path.to_string_lossy(), &document("story.pdf")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("broken.pdf: "), "{}", stderr(&out));
}

// ---- Web addresses ----

/// A canned HTTP response.
struct Reply {
    status: &'static str,
    headers: Vec<String>,
    body: Vec<u8>,
}

/// Serves `replies` by request path on 127.0.0.1 (any other path: 404) until the test ends;
/// returns the server's base address.
fn serve(replies: Vec<(&'static str, Reply)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("/");
            let reply = replies.iter().find(|(p, _)| *p == path).map(|(_, r)| r);
            let (status, headers, body) = match reply {
                Some(r) => (r.status, r.headers.join("\r\n"), r.body.as_slice()),
                None => (
                    "404 Not Found",
                    "Content-Type: text/html".into(),
                    &b"gone"[..],
                ),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\n{headers}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
            let _ = stream.flush();
            let mut rest = Vec::new();
            let _ = reader.read_to_end(&mut rest);
        }
    });
    base
}

fn html_reply(content_type: &str, body: Vec<u8>) -> Reply {
    Reply {
        status: "200 OK",
        headers: vec![format!("Content-Type: {content_type}")],
        body,
    }
}

/// "Ferry sails again" in Russian, our own words, as Windows-1251.
fn cyrillic_page_1251() -> Vec<u8> {
    let page = "<html><head><title>Паром снова в пути</title></head><body><article>\
        <p>Ночной паром снова вышел в рейс во вторник после долгого ремонта причала.</p>\
        <p>Перевозчик обещает три рейса за ночь до конца сезона.</p></article></body></html>";
    encoding_rs::WINDOWS_1251.encode(page).0.into_owned()
}

#[test]
fn web_addresses_are_fetched_and_read_as_pages() {
    let story = std::fs::read(fixture("harbor-fire", "outlet-a.txt")).expect("fixture");
    let base = serve(vec![
        (
            "/story",
            html_reply("text/html; charset=windows-1251", cyrillic_page_1251()),
        ),
        ("/plain", html_reply("text/plain; charset=utf-8", story)),
        (
            "/moved",
            Reply {
                status: "301 Moved Permanently",
                headers: vec!["Location: /story".into()],
                body: Vec::new(),
            },
        ),
    ]);
    let json = report(&[&format!("{base}/moved"), &format!("{base}/plain")]);
    let read = articles(&json);
    let (label, title, text) = &read[0];
    assert_eq!(label, "127.0.0.1");
    assert_eq!(title.as_deref(), Some("Паром снова в пути"));
    assert!(text.contains("Ночной паром снова вышел в рейс"), "{text}");
    assert_eq!(json["articles"][0]["format"], "html");
    assert_eq!(json["articles"][1]["format"], "text");
    assert_eq!(json["articles"][0]["source"], format!("{base}/moved"));
}

#[test]
fn fetch_failures_say_what_went_wrong() {
    let loop_replies: Vec<(&'static str, Reply)> =
        ["/r0", "/r1", "/r2", "/r3", "/r4", "/r5", "/r6"]
            .iter()
            .zip(["/r1", "/r2", "/r3", "/r4", "/r5", "/r6", "/r0"])
            .map(|(from, to)| {
                (
                    *from,
                    Reply {
                        status: "302 Found",
                        headers: vec![format!("Location: {to}")],
                        body: Vec::new(),
                    },
                )
            })
            .collect();
    let mut replies = loop_replies;
    replies.push((
        "/file.pdf",
        html_reply("application/pdf", b"%PDF-1.4".to_vec()),
    ));
    replies.push(("/huge", html_reply("text/html", vec![b'a'; (20 << 20) + 1])));
    let base = serve(replies);
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let address = listener.local_addr().expect("address");
        drop(listener);
        format!("http://{address}/story")
    };
    let cases = [
        (
            format!("{base}/missing"),
            "the server answered 404 (page not found)",
        ),
        (
            format!("{base}/file.pdf"),
            "not a web page (the server sent application/pdf)",
        ),
        (format!("{base}/huge"), "the page is larger than 20 MiB"),
        (format!("{base}/r0"), "more than 5 redirects"),
        (
            closed,
            "could not connect (offline, or the server is down?)",
        ),
    ];
    for (address, message) in cases {
        let out = parallax(&["compare", &address, &fixture("harbor-fire", "wire.txt")]);
        assert_eq!(out.status.code(), Some(2), "{address}");
        assert!(
            stderr(&out).contains(&format!("{address}: {message}")),
            "{address}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_fetched_page_reopens_from_its_session_offline() {
    let base = serve(vec![(
        "/story",
        html_reply("text/html; charset=windows-1251", cyrillic_page_1251()),
    )]);
    let address = PathBuf::from(format!("{base}/story"));
    let fetched = parallax::article::load_file(&address).expect("fetched");
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("web.parallax.json");
    parallax::session::Session::new(std::slice::from_ref(&fetched), Default::default())
        .save(&path, &[])
        .expect("saved");
    // The session holds the page's text: reopening it fetches nothing.
    let reopened = parallax::session::Session::open(&path)
        .expect("opens")
        .articles();
    assert_eq!(reopened[0].text, fetched.text);
    assert_eq!(reopened[0].sentences, fetched.sentences);
    assert_eq!(reopened[0].title, fetched.title);
}
