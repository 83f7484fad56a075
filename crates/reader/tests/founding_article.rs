//! The founding article read against its gold key: the targets, and a snapshot of the
//! whole reading so any change to it is reviewed.
//!
//! Needs the shared folder (`VIGIL_SHARED`); without it the tests say they are skipped.

#![allow(clippy::unwrap_used, reason = "tests stop on setup errors")]

use std::path::PathBuf;

use chrono::NaiveDate;
use vigil_domain::{Document, DocumentId, MediaType, OffsetMap};
use vigil_extract::Extractor;
use vigil_extract::kb::Kb;
use vigil_reader::Reader;

fn shared() -> Option<PathBuf> {
    let path = std::env::var_os("VIGIL_SHARED").map(PathBuf::from);
    if path.is_none() {
        println!("skipped: VIGIL_SHARED unset");
    }
    path
}

/// A document as `vigil ingest` makes it from a plain-text file.
fn document(path: &std::path::Path, published: NaiveDate, source: Option<&str>) -> Document {
    let bytes = std::fs::read(path).unwrap();
    let unit = vigil_ingest::parse(
        &path.display().to_string(),
        &bytes,
        vigil_ingest::FormatHint::from_path(path),
        &vigil_ingest::ReadOptions::default(),
    );
    let mut document = unit.documents.into_iter().next().unwrap_or_else(|| Document {
        id: DocumentId::from_text(""),
        origin: String::new(),
        source: None,
        url: None,
        title: None,
        author: None,
        published: None,
        language: None,
        media_type: MediaType::Text,
        text: String::new(),
        raw: Vec::new(),
        offsets: OffsetMap::default(),
        warnings: Vec::new(),
        duplicate_of: None,
        ingested_at: None,
    });
    document.published = Some(published);
    document.source = source.map(str::to_string);
    document
}

fn canonical(name: &str) -> String {
    Kb::builtin().canonical(name).unwrap_or(name).trim().to_lowercase()
}

fn score(shared: &std::path::Path, text: &str, gold: &str) -> vigil_eval::Scorecard {
    let gold_text = std::fs::read_to_string(shared.join(gold)).unwrap();
    let gold = vigil_eval::parse_gold(&gold_text).unwrap();
    let published = gold.document.published.unwrap();
    let document = document(&shared.join(text), published, gold.document.source.as_deref());
    let extraction = Reader::default().extract(&document);
    vigil_eval::score(&gold, &extraction, &vigil_eval::ScoreOptions { canonical: &canonical })
}

#[test]
fn founding_article_meets_the_reader_targets() {
    let Some(shared) = shared() else { return };
    let card = score(
        &shared,
        "corpus/dss-2024-03-29-moscow-attack.txt",
        "gold/dss-2024-03-29-moscow-attack.gold.json",
    );
    println!("{}", card.render_table());
    for error in &card.errors {
        println!("  {error}");
    }
    assert!(card.incidents.f1() >= 0.90, "incident F1 {:.3}", card.incidents.f1());
    assert!(card.slot_micro.f1() >= 0.80, "slot F1 {:.3}", card.slot_micro.f1());
    assert!(card.claims.f1() >= 0.80, "claim F1 {:.3}", card.claims.f1());
}

#[test]
fn founding_article_reading_snapshot() {
    let Some(shared) = shared() else { return };
    let path = shared.join("corpus/dss-2024-03-29-moscow-attack.txt");
    let document = document(
        &path,
        NaiveDate::from_ymd_opt(2024, 3, 29).unwrap(),
        Some("Dimensions for Strategic Studies"),
    );
    let extraction = Reader::default().extract(&document);
    // Evidence spans index the cleaned text; they are checked to be in range, not snapshotted.
    for incident in &extraction.incidents {
        for span in &incident.evidence {
            assert!(span.start <= span.end && span.end <= document.text.len());
        }
    }
    insta::assert_json_snapshot!(extraction, {
        ".document.id" => "[id]",
        ".**.evidence" => "[spans]",
    });
}

#[test]
fn footer_yields_nothing() {
    let Some(shared) = shared() else { return };
    let path = shared.join("corpus/dss-2024-03-29-moscow-attack.txt");
    let document = document(&path, NaiveDate::from_ymd_opt(2024, 3, 29).unwrap(), None);
    let footer_at = document.text.find("00442036758971");
    assert_eq!(footer_at, None, "the footer must be cleaned away before reading");
    let extraction = Reader::default().extract(&document);
    let json = serde_json::to_string(&extraction).unwrap();
    for leak in ["Brentford", "dimensionscenter", "All Rights Reserved"] {
        assert!(!json.contains(leak), "{leak} leaked into the extraction");
    }
}
