//! Throughput of the text base (sentences, tokens, dates, counts) on generated news text, in
//! mixed case and in MUC-4-style capitals. Divan reports bytes per second per benchmark; the
//! target is 30 MB/s for the four readers together.
//!
//! Run with `cargo bench -p vigil-extract --bench text_base`.

#![allow(missing_docs, reason = "benchmarks")]

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use vigil_extract::text::TextIndex;
use vigil_extract::{counts, dates, text};

/// About one megabyte: large enough to amortise setup, small enough to stay in cache-ish.
const CORPUS_BYTES: usize = 1 << 20;

fn main() {
    divan::main();
}

/// Sentences in the style of wire copy, with dates, counts and abbreviations in them.
const TEMPLATES: [&str; 8] = [
    "Gunmen killed at least {n} people and wounded about {m} others in an attack on {d}, officials said.",
    "Gen. A. B. Ivers told the U.S. Embassy that {n} suspects were detained two days later.",
    "Police said on {w} that dozens of officers had raided a flat where six IS members were hiding.",
    "Since {d}, security services have arrested more than {m} people in {y}.",
    "The attack on {d} was the deadliest since {y}, when some {n} civilians died.",
    "Officials said the same day that several attacks had been foiled, and nobody was hurt.",
    "Witnesses reported between {n} and {m} shots fired at about 10 p.m. last night.",
    "The minister said in a statement that the group had been weakened over the past two years.",
];
const MONTHS: [&str; 6] =
    ["March 3", "22 January 2024", "December 2023", "May 5", "June", "4 FEB 90"];
const WEEKDAYS: [&str; 3] = ["Friday", "Monday night", "Tuesday"];

/// A deterministic pseudo-random news text of about `bytes` bytes, in capitals when `caps`.
fn corpus(bytes: usize, caps: bool) -> String {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |bound: usize| {
        // xorshift64: reproducible without a random-number crate.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % bound as u64).unwrap_or(0)
    };
    let mut text = String::with_capacity(bytes + 256);
    while text.len() < bytes {
        if next(6) == 0 {
            text.push_str("Gunmen storm theatre in Northport\n\n");
        }
        for _ in 0..1 + next(5) {
            let sentence = TEMPLATES[next(TEMPLATES.len())]
                .replace("{n}", &(1 + next(300)).to_string())
                .replace("{m}", &(1 + next(2000)).to_string())
                .replace("{d}", MONTHS[next(MONTHS.len())])
                .replace("{w}", WEEKDAYS[next(WEEKDAYS.len())])
                .replace("{y}", &(1990 + next(34)).to_string());
            text.push_str(&sentence);
            text.push(' ');
        }
        text.push_str("\n\n");
    }
    if caps { text.to_uppercase() } else { text }
}

fn published() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2024, 3, 29)
}

/// The four public readers, each called as a caller would: the figure the target is about.
#[divan::bench(args = [false, true])]
fn all_readers(bencher: Bencher<'_, '_>, caps: bool) {
    let text = corpus(CORPUS_BYTES, caps);
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        let text = black_box(text.as_str());
        text::sentences(text).len()
            + text::tokens(text, 0..text.len()).len()
            + dates::find_dates(text, published()).len()
            + counts::find_counts(text).len()
    });
}

/// The same work with one shared [`TextIndex`] for dates and counts.
#[divan::bench(args = [false, true])]
fn all_readers_shared_index(bencher: Bencher<'_, '_>, caps: bool) {
    let text = corpus(CORPUS_BYTES, caps);
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        let text = black_box(text.as_str());
        let index = TextIndex::new(text);
        text::sentences(text).len()
            + index.tokens().len()
            + dates::find_dates_in(&index, published()).len()
            + counts::find_counts_in(&index).len()
    });
}

#[divan::bench]
fn sentences(bencher: Bencher<'_, '_>) {
    let text = corpus(CORPUS_BYTES, false);
    bencher.counter(BytesCount::of_str(&text)).bench(|| text::sentences(black_box(&text)).len());
}

#[divan::bench]
fn tokens(bencher: Bencher<'_, '_>) {
    let text = corpus(CORPUS_BYTES, false);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| text::tokens(black_box(&text), 0..text.len()).len());
}

#[divan::bench]
fn find_dates(bencher: Bencher<'_, '_>) {
    let text = corpus(CORPUS_BYTES, false);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| dates::find_dates(black_box(&text), published()).len());
}

#[divan::bench]
fn find_counts(bencher: Bencher<'_, '_>) {
    let text = corpus(CORPUS_BYTES, false);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| counts::find_counts(black_box(&text)).len());
}
