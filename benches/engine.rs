//! Engine speed: two long articles (one a rewrite of the other), twenty articles of a few thousand
//! words, and sentence segmentation, on synthetic news prose (`benches/support/synthetic.rs`).
//! The README's speed table comes from these and from whole-process timings of the same texts.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::hint::black_box;

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

criterion_group!(benches, two_long_articles, twenty_articles, segmentation);
criterion_main!(benches);
