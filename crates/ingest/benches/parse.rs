//! Parse speed: a 2 KB news text, an HTML page, and a feed.

#![allow(missing_docs, reason = "benchmarks")]

use vigil_ingest::{FormatHint, ReadOptions, parse};

fn main() {
    divan::main();
}

fn article() -> String {
    let paragraph = "Security forces said on Tuesday that gunmen had attacked a checkpoint near the \
                     northern border overnight, killing two soldiers and wounding three others, before \
                     fleeing towards the hills.\n\n";
    let mut text = String::from("Gunmen attack border checkpoint\nMarch 12, 2024\n\n");
    while text.len() < 2048 {
        text.push_str(paragraph);
    }
    text.push_str("© 2024 Example News\n");
    text
}

#[divan::bench]
fn text_2kb(bencher: divan::Bencher<'_, '_>) {
    let text = article();
    let options = ReadOptions::default();
    bencher.bench(|| {
        parse("a.txt", divan::black_box(text.as_bytes()), FormatHint::from_path("a.txt"), &options)
    });
}

#[divan::bench]
fn html_page(bencher: divan::Bencher<'_, '_>) {
    let html = include_bytes!("../tests/data/bridge-attack.html");
    let options = ReadOptions::default();
    bencher.bench(|| {
        parse("a.html", divan::black_box(html), FormatHint::from_path("a.html"), &options)
    });
}

#[divan::bench]
fn rss_feed(bencher: divan::Bencher<'_, '_>) {
    let feed = include_bytes!("../tests/data/wire.rss");
    let options = ReadOptions::default();
    bencher
        .bench(|| parse("a.rss", divan::black_box(feed), FormatHint::from_path("a.rss"), &options));
}
