//! Fuzz target: any bytes, decoded lossily, read by the reader: no panic, spans in range.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use vigil_extract::Extractor;

static READER: OnceLock<vigil_reader::Reader> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let reader = READER.get_or_init(vigil_reader::Reader::default);
    let output = vigil_ingest::parse(
        "fuzz.txt",
        data,
        vigil_ingest::FormatHint::default(),
        &vigil_ingest::ReadOptions::default(),
    );
    for document in &output.documents {
        let extraction = reader.extract(document);
        for incident in &extraction.incidents {
            for span in &incident.evidence {
                assert!(span.start <= span.end && span.end <= document.text.len());
            }
        }
    }
});
