//! End-to-end ingest throughput: a generated corpus of ~2 KB text files into a fresh SQLite file.
//!
//! Not a micro-benchmark, so it runs once rather than under divan's repetition: it writes
//! `VIGIL_BENCH_DOCS` (default 100,000) files into a temporary folder, ingests them with the real
//! pipeline (read, clean, language, dedup, extract, store), and prints docs/s and the peak
//! resident memory after each tenth, so that flat memory is visible. Run with
//! `cargo bench -p vigil-pipeline --bench ingest_throughput`.

use std::io::Write;
use std::time::Instant;

use vigil_extract::NullExtractor;
use vigil_ingest::Input;
use vigil_pipeline::{IngestConfig, ProgressEvent};
use vigil_store_sqlite::SqliteStore;

const WORDS: &[&str] = &[
    "officials",
    "said",
    "the",
    "attack",
    "on",
    "a",
    "market",
    "in",
    "province",
    "killed",
    "at",
    "least",
    "people",
    "and",
    "wounded",
    "dozens",
    "more",
    "police",
    "reported",
    "that",
    "gunmen",
    "arrived",
    "on",
    "motorcycles",
    "before",
    "opening",
    "fire",
    "witnesses",
    "told",
    "reporters",
    "security",
    "forces",
    "later",
    "arrested",
    "several",
    "suspects",
    "while",
    "no",
    "group",
    "immediately",
    "claimed",
    "responsibility",
    "for",
    "the",
    "bombing",
    "which",
    "came",
    "days",
    "after",
    "a",
    "warning",
    "from",
    "the",
    "embassy",
    "about",
    "threats",
    "against",
    "public",
    "gatherings",
    "analysts",
    "noted",
    "rising",
    "activity",
    "by",
    "militants",
    "across",
    "region",
    "government",
    "denied",
    "involvement",
    "convoy",
    "village",
];

/// A deterministic pseudo-random report of about 2 KB; no two are near-copies.
fn report(seed: u64) -> String {
    let mut state =
        seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
    let mut text = format!("Report number {seed}\n\n");
    while text.len() < 2_000 {
        for _ in 0..18 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(WORDS[(state >> 33) as usize % WORDS.len()]);
            text.push(' ');
        }
        text.push_str(&format!("{}.\n", state % 1000));
    }
    text
}

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0)
}

#[allow(clippy::unwrap_used, reason = "a benchmark may stop on setup errors")]
fn main() {
    let total: u64 = std::env::var("VIGIL_BENCH_DOCS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let tenth = (total / 10).max(1);
    for chunk in 0..total.div_ceil(tenth) {
        let folder = corpus.join(format!("{chunk:02}"));
        std::fs::create_dir_all(&folder).unwrap();
        for index in chunk * tenth..((chunk + 1) * tenth).min(total) {
            let mut file = std::fs::File::create(folder.join(format!("{index:07}.txt"))).unwrap();
            file.write_all(report(index).as_bytes()).unwrap();
        }
    }
    let mut store = SqliteStore::open(&dir.path().join("bench.db")).unwrap();
    let config = IngestConfig::default();
    println!("documents  elapsed_s  docs_per_s  peak_rss_mib");
    let started = Instant::now();
    let mut next_mark = tenth;
    let report = vigil_pipeline::ingest(
        &mut store,
        &[Input::Path(corpus)],
        &config,
        &NullExtractor,
        &mut |event| {
            if let ProgressEvent::Stored { documents, .. } = event
                && documents >= next_mark
            {
                let elapsed = started.elapsed().as_secs_f64();
                println!(
                    "{documents:>9}  {elapsed:>9.1}  {:>10.0}  {:>12.1}",
                    documents as f64 / elapsed,
                    peak_rss_mib()
                );
                next_mark += tenth;
            }
        },
    )
    .unwrap();
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "total: {} new, {} duplicate, {} near-duplicate, {} failed in {elapsed:.1}s = {:.0} docs/s, peak rss {:.1} MiB",
        report.new,
        report.duplicate,
        report.near_duplicate,
        report.failed.len(),
        (report.new + report.near_duplicate + report.duplicate) as f64 / elapsed,
        peak_rss_mib()
    );
}
