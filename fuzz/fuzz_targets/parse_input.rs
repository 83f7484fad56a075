//! Fuzz target: any bytes through every reader of `vigil-ingest` (text, HTML, feeds, dumps).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for extension in ["txt", "md", "html", "xml", "jsonl", "csv"] {
        let hint = vigil_ingest::FormatHint { extension: Some(extension.to_string()), content_type: None };
        let _ = vigil_ingest::parse("fuzz", data, hint, &vigil_ingest::ReadOptions::default());
    }
});
