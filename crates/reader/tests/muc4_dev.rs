//! Spot checks on MUC-4 dev texts (FBIS wire copy in capitals, 1988-90) from the shared data:
//! the reader finds violent incidents in the texts whose key has templates, and rarely in the
//! texts whose key has none. Skipped when `VIGIL_SHARED` is unset.

#![allow(clippy::unwrap_used, reason = "tests stop on setup errors")]

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use vigil_extract::Extractor;
use vigil_reader::Reader;

#[test]
fn muc4_dev_incidents_follow_the_keys() {
    let Some(shared) = std::env::var_os("VIGIL_SHARED").map(PathBuf::from) else {
        println!("skipped: VIGIL_SHARED unset");
        return;
    };
    let muc4 = shared.join("data/muc4/processed-gtt/dev.json");
    let keyed: HashSet<String> = std::fs::read_to_string(&muc4)
        .unwrap()
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|doc| doc["templates"].as_array().is_some_and(|templates| !templates.is_empty()))
        .filter_map(|doc| doc["docid"].as_str().map(str::to_string))
        .collect();
    let dump = shared.join("data/muc4/flat/doc_dev");
    let bytes = std::fs::read(&dump).unwrap();
    let options = vigil_ingest::ReadOptions::default();
    let output = vigil_ingest::parse(
        "doc_dev.jsonl",
        &bytes,
        vigil_ingest::FormatHint::from_path(Path::new("doc_dev.jsonl")),
        &options,
    );
    assert!(output.documents.len() >= 150, "{} documents", output.documents.len());
    let reader = Reader::default();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect();
    let (mut keyed_hit, mut keyed_total, mut unkeyed_hit, mut unkeyed_total) = (0, 0, 0, 0);
    for (document, line) in output.documents.iter().zip(&lines) {
        let mut document = document.clone();
        document.published = vigil_extract::dates::dateline_date(&document.text);
        let extraction = reader.extract(&document);
        let violent =
            extraction.incidents.iter().any(|incident| incident.incident_type.is_violent());
        let id = line["docid"].as_str().unwrap_or_default();
        if keyed.contains(id) {
            keyed_total += 1;
            keyed_hit += usize::from(violent);
        } else {
            unkeyed_total += 1;
            unkeyed_hit += usize::from(violent);
        }
    }
    let keyed_rate = keyed_hit as f64 / keyed_total.max(1) as f64;
    let unkeyed_rate = unkeyed_hit as f64 / unkeyed_total.max(1) as f64;
    println!(
        "violent incident found in {keyed_hit}/{keyed_total} keyed and {unkeyed_hit}/{unkeyed_total} unkeyed texts"
    );
    assert!(keyed_rate >= 0.5, "keyed texts with an incident: {keyed_rate:.2}");
    assert!(keyed_rate > 1.5 * unkeyed_rate, "keyed {keyed_rate:.2} vs unkeyed {unkeyed_rate:.2}");
}
