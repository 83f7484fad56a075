//! Throughput of `SqliteStore::put_records`: batches of 1,000 generated ~2 KB documents into a
//! store file on disk (WAL, `synchronous = NORMAL`, as Vigil runs it).
//!
//! Run with `cargo bench -p vigil-store-sqlite`; divan reports items (documents) per second.
//! The ingest pipeline's target is above 2,000 documents/s on one core, so one batch must take
//! well under 0.25 s.

#![allow(clippy::unwrap_used, reason = "benchmark setup")]

use chrono::NaiveDate;
use divan::Bencher;
use divan::counter::ItemsCount;
use vigil_domain::{Document, DocumentId, DuplicateLink, MediaType, OffsetMap, OffsetSegment};
use vigil_store::{Fingerprint, Record, Store};
use vigil_store_sqlite::SqliteStore;

const BATCH: usize = 1_000;
const TEXT_BYTES: usize = 2_000;
/// One document in this many is a near-duplicate of the one before it, as in a news feed.
const DUPLICATE_EVERY: usize = 20;

fn main() {
    divan::main();
}

/// Batches of plain records (no extraction), the dedup-and-store path.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn put_records(bencher: Bencher) {
    bench_batches(bencher, false);
}

/// Batches whose records all carry an extraction, the full ingest-and-extract path.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn put_records_with_extractions(bencher: Bencher) {
    bench_batches(bencher, true);
}

fn bench_batches(bencher: Bencher, with_extractions: bool) {
    let directory = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&directory.path().join("bench.db")).unwrap();
    // Each batch is new text, so every record takes the insert path, into a growing store.
    let mut generator = Generator { state: 0x9e37_79b9_7f4a_7c15, batches: 0 };
    bencher
        .counter(ItemsCount::new(BATCH))
        .with_inputs(|| generator.batch(with_extractions))
        .bench_local_values(|batch| store.put_records(&batch).unwrap());
}

/// Deterministic pseudo-random records (xorshift64*), so runs are comparable.
struct Generator {
    state: u64,
    batches: usize,
}

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "said",
    "on",
    "for",
    "was",
    "were",
    "at",
    "by",
    "with",
    "police",
    "militants",
    "attack",
    "attacked",
    "gunmen",
    "bomb",
    "exploded",
    "killed",
    "injured",
    "wounded",
    "officials",
    "ministry",
    "interior",
    "security",
    "forces",
    "operation",
    "arrested",
    "suspects",
    "claimed",
    "responsibility",
    "group",
    "statement",
    "province",
    "district",
    "village",
    "checkpoint",
    "convoy",
    "border",
    "capital",
    "market",
    "station",
    "mosque",
    "church",
    "school",
    "hospital",
    "concert",
    "hall",
    "government",
    "army",
    "soldiers",
    "civilians",
    "witnesses",
    "reported",
    "according",
    "sources",
    "agency",
    "channel",
    "video",
    "warning",
    "threat",
    "embassy",
    "sanctions",
    "trial",
    "court",
    "sentenced",
    "accused",
    "denied",
    "involvement",
    "investigation",
    "investigators",
    "evidence",
    "explosives",
    "weapons",
    "rifles",
    "vehicle",
    "drone",
    "strike",
    "raid",
    "overnight",
    "morning",
    "evening",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "March",
    "April",
    "Moscow",
    "Dushanbe",
    "Kabul",
    "Lagos",
    "Mogadishu",
    "Damascus",
    "Baghdad",
];

impl Generator {
    fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn text(&mut self) -> String {
        let mut text = String::with_capacity(TEXT_BYTES + 16);
        while text.len() < TEXT_BYTES {
            for _ in 0..12 {
                text.push_str(self.pick(WORDS));
                text.push(' ');
            }
            text.pop();
            text.push_str(". ");
        }
        text.truncate(text.trim_end().len());
        text
    }

    fn fingerprint(&mut self) -> Fingerprint {
        Fingerprint {
            minhash: (0..128).map(|_| self.next() as u32).collect(),
            bands: (0..32).map(|_| self.next()).collect(),
        }
    }

    fn batch(&mut self, with_extractions: bool) -> Vec<Record> {
        self.batches += 1;
        let mut records: Vec<Record> = Vec::with_capacity(BATCH);
        for index in 0..BATCH {
            let text = self.text();
            let id = DocumentId::from_text(&text);
            let duplicate_of = (index % DUPLICATE_EVERY == DUPLICATE_EVERY - 1).then(|| {
                DuplicateLink { original: records[index - 1].document.id.clone(), similarity: 0.9 }
            });
            let title: Vec<&str> = (0..8).map(|_| self.pick(WORDS)).collect();
            let day = u32::try_from(self.next() % 28).unwrap() + 1;
            let document = Document {
                id,
                origin: format!("feeds/batch-{}.xml#item={index}", self.batches),
                source: Some(format!("Source {}", self.next() % 50)),
                url: Some(format!("https://example.invalid/{}/{index}", self.batches)),
                title: Some(title.join(" ")),
                author: None,
                published: NaiveDate::from_ymd_opt(2024, 3, day),
                language: Some("en".to_string()),
                media_type: MediaType::FeedItem,
                raw: text.as_bytes().to_vec(),
                offsets: OffsetMap(vec![OffsetSegment {
                    clean_start: 0,
                    clean_end: text.len(),
                    raw_start: 0,
                    raw_end: text.len(),
                    exact: true,
                }]),
                text,
                warnings: Vec::new(),
                duplicate_of,
                ingested_at: None,
            };
            let extraction = with_extractions.then(|| {
                (
                    vigil_store::conformance::sample_extraction(&document),
                    vigil_store::conformance::extractor("bench"),
                )
            });
            records.push(Record { document, fingerprint: self.fingerprint(), extraction });
        }
        records
    }
}
