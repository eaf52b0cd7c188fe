//! Engine speed: two long articles (one a rewrite of the other), twenty articles of a few thousand
//! words, and sentence segmentation, on synthetic news prose (`benches/support/synthetic.rs`: a
//! smoke test, its vocabulary small and regular); and, given real texts, the same shapes made
//! from real prose and a real pair as it is (the figures that count):
//!
//! ```sh
//! PARALLAX_BENCH_TEXT=web.txt PARALLAX_BENCH_PAIR=kjv.txt:web.txt cargo bench --bench engine
//! ```
//!
//! (`../shared/tools/bible-pair DIR` writes both Bible texts.) The README's speed table comes from
//! these and from whole-process timings of the same texts.

#[path = "support/real.rs"]
mod real;
#[path = "support/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::article::{Article, Format, segment::segment};
use parallax::compare::{Options, compare};

fn article(label: &str, text: String) -> Article {
    Article::from_text(label, format!("{label}.txt"), text, Format::Text)
}

fn two_long_articles(c: &mut Criterion) {
    let original = synthetic::article(1, 100_000);
    let rewrite = synthetic::rewrite(&original, 2);
    let articles = vec![article("original", original), article("rewrite", rewrite)];
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.bench_function("two articles of 100,000 words", |b| {
        b.iter(|| compare(black_box(articles.clone()), &Options::default()))
    });
    group.finish();
}

fn twenty_articles(c: &mut Criterion) {
    let articles: Vec<Article> = synthetic::outlets(20, 3_000)
        .into_iter()
        .map(|(label, text)| article(&label, text))
        .collect();
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.bench_function("twenty articles of 3,000 words", |b| {
        b.iter(|| compare(black_box(articles.clone()), &Options::default()))
    });
    group.finish();
}

fn segmentation(c: &mut Criterion) {
    let text = synthetic::article(4, 200_000);
    let mut group = c.benchmark_group("segment");
    group.throughput(criterion::Throughput::Bytes(text.len() as u64));
    group.bench_function("200,000 words of prose", |b| {
        b.iter(|| segment(black_box(&text), Format::Text))
    });
    group.finish();
}

/// The texts an environment variable names (paths separated as in `PATH`), or none when it is
/// unset or a text cannot be read (said on standard error, so the other benchmarks still run).
fn given_texts(variable: &str) -> Option<Vec<(String, String)>> {
    let Some(paths) = std::env::var_os(variable) else {
        eprintln!("{variable} is not set: its real-text benchmarks are left out");
        return None;
    };
    let read = |path: PathBuf| match std::fs::read_to_string(&path) {
        Ok(text) => {
            let label = path.file_stem()?.to_string_lossy().into_owned();
            Some((label, text))
        }
        Err(e) => {
            eprintln!("{variable}: {}: {e}", path.display());
            None
        }
    };
    std::env::split_paths(&paths).map(read).collect()
}

fn compare_group(c: &mut Criterion, name: &str, texts: Vec<(String, String)>) {
    let articles: Vec<Article> = texts
        .into_iter()
        .map(|(label, text)| article(&label, text))
        .collect();
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.bench_function(name, |b| {
        b.iter(|| compare(black_box(articles.clone()), &Options::default()))
    });
    group.finish();
}

fn real_prose(c: &mut Criterion) {
    let Some(text) = given_texts("PARALLAX_BENCH_TEXT").and_then(|texts| texts.into_iter().next())
    else {
        return;
    };
    let (original, rewrite) = real::rewrite_pair(&text.1);
    let pair = vec![
        ("original".to_owned(), original),
        ("rewrite".to_owned(), rewrite),
    ];
    compare_group(c, "real prose: a 100,000-word text and its rewrite", pair);
    compare_group(
        c,
        "real prose: twenty outlets of 3,000 words",
        real::outlets(&text.1),
    );
}

fn real_pair(c: &mut Criterion) {
    if let Some(texts) = given_texts("PARALLAX_BENCH_PAIR") {
        compare_group(c, "real pair as given", texts);
    }
}

criterion_group!(
    benches,
    two_long_articles,
    twenty_articles,
    segmentation,
    real_prose,
    real_pair
);
criterion_main!(benches);
