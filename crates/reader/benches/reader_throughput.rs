//! Reader throughput in bytes of text per second: the demo corpus always, and the MUC-4 train
//! texts (`../shared/data/muc4/flat/doc_train`, JSON lines with a `text` field) when
//! `VIGIL_SHARED` is set. Run with `cargo bench -p vigil-reader --bench reader_throughput`.

#![allow(clippy::unwrap_used, reason = "a benchmark may stop on setup errors")]

use std::path::Path;

use divan::counter::BytesCount;
use vigil_domain::Document;
use vigil_extract::Extractor;
use vigil_reader::Reader;

fn main() {
    // Build the knowledge base and gazetteer once, outside the timed loops.
    let _ = Reader::default();
    divan::main();
}

fn demo_documents() -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/corpus");
    let inputs = [vigil_ingest::Input::Path(root)];
    let mut documents = Vec::new();
    for unit in vigil_ingest::expand(&inputs) {
        documents.extend(
            vigil_ingest::read(&unit.unwrap(), &vigil_ingest::ReadOptions::default()).documents,
        );
    }
    documents
}

fn muc4_documents() -> Vec<Document> {
    let Some(shared) = std::env::var_os("VIGIL_SHARED") else { return Vec::new() };
    let path = Path::new(&shared).join("data/muc4/flat/doc_train");
    let Ok(bytes) = std::fs::read(&path) else { return Vec::new() };
    let options = vigil_ingest::ReadOptions::default();
    vigil_ingest::parse(
        "doc_train.jsonl",
        &bytes,
        vigil_ingest::FormatHint::from_path(Path::new("doc_train.jsonl")),
        &options,
    )
    .documents
}

fn run(bencher: divan::Bencher<'_, '_>, documents: &[Document]) {
    let reader = Reader::default();
    let bytes: usize = documents.iter().map(|document| document.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut incidents = 0;
        for document in documents {
            incidents += reader.extract(document).incidents.len();
        }
        divan::black_box(incidents)
    });
}

#[divan::bench(sample_count = 40)]
fn demo_corpus(bencher: divan::Bencher<'_, '_>) {
    run(bencher, &demo_documents());
}

#[divan::bench(sample_count = 10)]
fn muc4_train(bencher: divan::Bencher<'_, '_>) {
    run(bencher, &muc4_documents());
}
