//! The PDF report read back: its text layer (read with `pdf-extract`, as Parallax reads PDF
//! articles) holds every word of the story, Cyrillic, Chinese, Korean and Arabic included, on A4
//! and Letter pages.

use parallax::article::{Article, Format};
use parallax::compare::{Comparison, Options, compare};
use parallax::report::ReportOptions;
use parallax::report::pdf::{Paper, render};

const CYRILLIC: &str = "Пожар в порту Порт-Алден уничтожил склад удобрений в понедельник.";
const CYRILLIC_EDITED: &str =
    "Пожар в порту Порт-Алден уничтожил большой склад удобрений в понедельник.";
const CREWS: &str = "Пожарные боролись с огнём тридцать часов, сообщили власти.";
const CHINESE: &str = "港口仓库发生大火，十二人死亡。";
const KOREAN: &str = "항구 창고에서 큰 불이 나서 열두 명이 숨졌다.";
const ARABIC: &str = "حريق كبير في الميناء دمر المستودع";

fn article(label: &str, paragraphs: &[&str]) -> Article {
    Article::from_text(
        label,
        format!("{label}.txt"),
        paragraphs.join("\n\n"),
        Format::Text,
    )
}

fn story() -> Comparison {
    compare(
        vec![
            article("wire", &[CYRILLIC, CREWS, CHINESE, KOREAN, ARABIC]),
            article("copy", &[CYRILLIC_EDITED, CREWS, CHINESE, KOREAN, ARABIC]),
        ],
        &Options::default(),
    )
}

/// The words of `text`, whitespace aside.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

fn text_layer(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text reads back")
}

#[test]
fn every_script_reads_back_from_the_pdf() {
    let c = story();
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = render(&c, &ReportOptions::default(), paper).expect("a PDF");
        assert!(pdf.starts_with(b"%PDF-"));
        let text = text_layer(&pdf);
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for sentence in [CYRILLIC_EDITED, CREWS, CHINESE, KOREAN] {
            assert!(flat.contains(sentence), "{sentence} not in {flat}");
        }
        // Right-to-left text is stored in the order it is drawn; `pdf-extract` gives that order
        // (`pdftotext` puts it back in reading order), so either reading is the word.
        for word in words(ARABIC) {
            let drawn: String = word.chars().rev().collect();
            assert!(
                flat.contains(&word) || flat.contains(&drawn),
                "{word} not in {flat}"
            );
        }
    }
}

#[test]
fn the_version_tree_names_the_articles_that_are_versions_of_none() {
    let mut articles = vec![
        article("wire", &[CYRILLIC, CREWS, CHINESE, KOREAN, ARABIC]),
        article("copy", &[CYRILLIC_EDITED, CREWS, CHINESE, KOREAN, ARABIC]),
    ];
    articles.push(article(
        "column",
        &["A columnist wrote about the weather in the hills and nothing else at all."],
    ));
    let c = compare(articles, &Options::default());
    assert!(!c.lineage.is_empty());
    let pdf = render(&c, &ReportOptions::default(), Paper::A4).expect("a PDF");
    let flat: String = text_layer(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains("Not a version of another: column"), "{flat}");
}

#[test]
fn pages_have_the_size_asked_for() {
    let c = story();
    let media_box = |paper| {
        let pdf = render(&c, &ReportOptions::default(), paper).expect("a PDF");
        let text = String::from_utf8_lossy(&pdf).into_owned();
        let at = text.find("/MediaBox").expect("a media box");
        text[at..at + 40].to_owned()
    };
    assert!(
        media_box(Paper::A4).contains("595.28"),
        "{}",
        media_box(Paper::A4)
    );
    assert!(
        media_box(Paper::Letter).contains("612"),
        "{}",
        media_box(Paper::Letter)
    );
}
