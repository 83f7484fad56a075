//! Spot checks on the project's demo corpus (written by the project, so no shared data needed):
//! reports of known incidents yield them, and reports with no incident yield none.

#![allow(clippy::unwrap_used, reason = "tests stop on setup errors")]

use std::path::Path;

use vigil_domain::{Confidence, IncidentType};
use vigil_extract::Extractor;
use vigil_reader::Reader;

fn read(relative: &str) -> vigil_domain::Extraction {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/corpus").join(relative);
    let bytes = std::fs::read(&path).unwrap();
    let output = vigil_ingest::parse(
        &path.display().to_string(),
        &bytes,
        vigil_ingest::FormatHint::from_path(&path),
        &vigil_ingest::ReadOptions::default(),
    );
    let document = output.documents.into_iter().next().unwrap();
    Reader::default().extract(&document)
}

fn demo_files(folder: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/corpus").join(folder);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| format!("{folder}/{}", entry.unwrap().file_name().to_string_lossy()))
        .collect();
    names.sort();
    names
}

#[test]
fn every_demo_report_reads_without_panic_and_with_sources_in_range() {
    for name in demo_files("html").into_iter().chain(demo_files("text")) {
        let extraction = read(&name);
        for claim in &extraction.claims {
            if let Some(subject) = &claim.subject {
                assert!(
                    extraction.incidents.iter().any(|incident| &incident.id == subject),
                    "{name}: claim names a missing incident"
                );
            }
        }
    }
}

#[test]
fn crocus_first_night_report_reads_an_armed_assault_near_moscow() {
    let names = demo_files("text");
    let name = names.iter().find(|name| name.contains("2024-03-22")).unwrap();
    let extraction = read(name);
    let first =
        extraction.incidents.iter().find(|incident| incident.incident_type.is_violent()).unwrap();
    assert!(
        matches!(
            first.incident_type,
            IncidentType::ArmedAssault | IncidentType::Attack | IncidentType::Arson
        ),
        "{first:?}"
    );
    assert!(first.killed.is_some(), "a toll is reported: {first:?}");
}

#[test]
fn a_claim_of_responsibility_becomes_a_claimed_attribution() {
    let mut found = false;
    for name in demo_files("html").into_iter().chain(demo_files("text")) {
        let extraction = read(&name);
        found |= extraction.incidents.iter().any(|incident| {
            incident.attribution.iter().any(|link| link.confidence == Confidence::Claimed)
        });
    }
    assert!(found, "the demo corpus has claims of responsibility");
}

#[test]
fn denials_are_read_as_denials() {
    let mut found = false;
    for name in demo_files("html").into_iter().chain(demo_files("text")) {
        found |=
            read(&name).claims.iter().any(|claim| claim.kind == vigil_domain::ClaimKind::Denial);
    }
    assert!(found, "the demo corpus has Kyiv's denial");
}

/// Regression: "the funerals on Friday of those killed in Wednesday's twin bombings" dated the
/// bombings to the Friday of the funerals; the possessive day is the act's.
#[test]
fn a_possessive_weekday_dates_the_act_not_the_clause_around_it() {
    let extraction = read("html/meridian-post-2024-01-05-kerman-funerals-iran-vows-response.html");
    let bombing = extraction
        .incidents
        .iter()
        .find(|incident| incident.incident_type == IncidentType::Bombing)
        .unwrap();
    let date = bombing.date.unwrap();
    assert_eq!(date.start.to_string(), "2024-01-03", "{date:?}");
}
