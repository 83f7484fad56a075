//! Fusion, data-driven: each `tests/fusion/*.json` fixture lists reports (each a document with
//! its extraction) and the incidents they should fuse into. Every fixture is fused in every
//! order its reports can arrive in, one report at a time, and must give the same incidents.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests stop on setup errors")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use vigil_domain::{
    Claim, Confidence, Document, DocumentId, DocumentRef, Extraction, Incident, Reliability,
};
use vigil_fusion::{Edit, Mention};
use vigil_store::{ExtractorInfo, Fingerprint, FusionEditRecord, Record, Store};
use vigil_store_sqlite::SqliteStore;

#[derive(Deserialize)]
struct Fixture {
    reports: Vec<Report>,
    expect: Vec<Vec<String>>,
}

#[derive(Deserialize, Clone)]
struct Report {
    name: String,
    source: String,
    #[serde(default)]
    reliability: Option<Reliability>,
    published: NaiveDate,
    incidents: Vec<Incident>,
    #[serde(default)]
    claims: Vec<Claim>,
}

fn fixtures() -> Vec<(String, Fixture)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fusion");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let fixture: Fixture = serde_json::from_str(&text)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            out.push((path.file_stem().unwrap().to_string_lossy().into_owned(), fixture));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 4, "fixtures missing from {}", folder.display());
    out
}

fn text_of(report: &Report) -> String {
    format!("report {} of a fusion fixture", report.name)
}

fn record(report: &Report) -> Record {
    let text = text_of(report);
    let id = DocumentId::from_text(&text);
    let document = Document {
        source: Some(report.source.clone()),
        published: Some(report.published),
        ..Document::english_text(format!("fixture/{}.txt", report.name), text)
    };
    let extraction = Extraction {
        document: DocumentRef {
            id: id.to_string(),
            title: None,
            published: Some(report.published),
            source: Some(report.source.clone()),
        },
        incidents: report.incidents.clone(),
        claims: report.claims.clone(),
        actors: Vec::new(),
    };
    let extractor = ExtractorInfo { name: "fixture".to_string(), version: "1".to_string() };
    Record {
        document,
        fingerprint: Fingerprint::default(),
        extraction: Some((extraction, extractor)),
    }
}

/// Stores and fuses the reports one at a time, in this order.
fn fuse_in_order(reports: &[&Report]) -> SqliteStore {
    let mut store = SqliteStore::open_in_memory().unwrap();
    for report in reports {
        if let Some(grade) = report.reliability {
            store.set_source_reliability(&report.source, grade).unwrap();
        }
        store.put_records(&[record(report)]).unwrap();
        vigil_pipeline::fuse_pending(&mut store).unwrap();
    }
    store
}

/// The incidents of a store as sets of report names (`name/i2` for the incidents of a report
/// that tells several).
fn clusters(store: &SqliteStore, reports: &[Report]) -> BTreeSet<BTreeSet<String>> {
    let report_of: BTreeMap<String, &Report> = reports
        .iter()
        .map(|report| (DocumentId::from_text(&text_of(report)).to_string(), report))
        .collect();
    let mut by_incident: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for mention in store.mentions().unwrap() {
        let report = report_of[mention.document.as_str()];
        let name = match report.incidents.len() {
            1 => report.name.clone(),
            _ => format!("{}/{}", report.name, mention.key.rsplit('/').next().unwrap()),
        };
        by_incident.entry(mention.fused_id).or_default().insert(name);
    }
    by_incident.into_values().collect()
}

fn permutations<T: Clone>(items: &[T]) -> Vec<Vec<T>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut out = Vec::new();
    for index in 0..items.len() {
        let mut rest = items.to_vec();
        let first = rest.remove(index);
        for mut tail in permutations(&rest) {
            tail.insert(0, first.clone());
            out.push(tail);
        }
    }
    out
}

#[test]
fn fixtures_fuse_as_expected_in_every_order() {
    for (name, fixture) in fixtures() {
        let expected: BTreeSet<BTreeSet<String>> =
            fixture.expect.iter().map(|group| group.iter().cloned().collect()).collect();
        let reports: Vec<&Report> = fixture.reports.iter().collect();
        let mut ids: Option<BTreeSet<String>> = None;
        for order in permutations(&reports) {
            let store = fuse_in_order(&order);
            let found = clusters(&store, &fixture.reports);
            let names: Vec<&str> = order.iter().map(|report| report.name.as_str()).collect();
            assert_eq!(found, expected, "{name}: reports in the order {names:?}");
            // The ids too are the same whatever the order.
            let these: BTreeSet<String> =
                store.mentions().unwrap().into_iter().map(|mention| mention.fused_id).collect();
            assert_eq!(ids.get_or_insert_with(|| these.clone()), &these, "{name}: {names:?}");
        }
    }
}

fn crocus() -> Fixture {
    fixtures().into_iter().find(|(name, _)| name == "crocus_reports_and_a_foiled_plot").unwrap().1
}

#[test]
fn contested_facts_keep_every_source_and_a_denial_never_erases_a_claim() {
    let fixture = crocus();
    let reports: Vec<&Report> = fixture.reports.iter().collect();
    let store = fuse_in_order(&reports);
    let mentions: Vec<Mention> = store
        .mentions()
        .unwrap()
        .iter()
        .map(|record| serde_json::from_str(&record.data).unwrap())
        .collect();
    let attack: Vec<Mention> = mentions
        .into_iter()
        .filter(|mention| mention.incident.stage != vigil_domain::Stage::Planned)
        .collect();
    let fused = vigil_fusion::consensus(&attack, &[]).unwrap();
    assert_eq!(fused.documents.len(), 3);
    // Every source's toll, with its source; the consensus is the latest figure of the most
    // reliable source (Caspian Monitor is graded B, the others F), the range beside it.
    let tolls: Vec<(u32, Option<&str>)> = fused
        .killed
        .values
        .iter()
        .map(|value| (value.value.best, value.source.as_deref()))
        .collect();
    assert_eq!(
        tolls,
        [(40, Some("Northwire")), (133, Some("Caspian Monitor")), (137, Some("Meridian Post"))]
    );
    assert_eq!(fused.killed.value.map(|count| count.best), Some(133));
    assert_eq!(fused.killed.range, Some((40, 137)));
    // The claim, the accusation and the denial are all there, each with its source.
    let links: BTreeSet<(String, Confidence, Option<String>, Option<String>)> = fused
        .attribution
        .iter()
        .map(|link| {
            (link.actor.clone(), link.confidence, link.claimant.clone(), link.source.clone())
        })
        .collect();
    let expected: BTreeSet<(String, Confidence, Option<String>, Option<String>)> = [
        (
            "Islamic State Khorasan Province",
            Confidence::Claimed,
            Some("Islamic State Khorasan Province"),
            "Caspian Monitor",
        ),
        ("Ukraine", Confidence::AccusedByAuthorities, Some("Russia"), "Meridian Post"),
        ("Ukraine", Confidence::Denied, Some("Ukraine"), "Meridian Post"),
    ]
    .into_iter()
    .map(|(actor, confidence, claimant, source)| {
        (actor.to_string(), confidence, claimant.map(str::to_string), Some(source.to_string()))
    })
    .collect();
    assert_eq!(links, expected);
    assert_eq!(fused.claims.len(), 3);
    // Two reports say armed assault, one the generic attack.
    assert_eq!(fused.incident_type.value, Some(vigil_domain::IncidentType::ArmedAssault));
}

fn edit(store: &mut SqliteStore, edit: &Edit) {
    let record = FusionEditRecord {
        seq: 0,
        edit: serde_json::to_string(edit).unwrap(),
        author: "tester".to_string(),
        at: chrono::Utc::now(),
        why: "fixture".to_string(),
    };
    store.put_fusion_edit(&record).unwrap();
    vigil_pipeline::apply_edit(store, edit).unwrap();
}

fn key(report: &Report) -> String {
    format!("{}/i1", DocumentId::from_text(&text_of(report)))
}

#[test]
fn a_split_holds_against_later_reports_and_a_rebuild() {
    let fixture = crocus();
    let [northwire, caspian, meridian, _plot] = [0, 1, 2, 3].map(|at| &fixture.reports[at]);
    let mut store = fuse_in_order(&[northwire, caspian]);
    edit(&mut store, &Edit::Split { out: vec![key(caspian)], rest: vec![key(northwire)] });
    let names = |store: &SqliteStore| clusters(store, &fixture.reports);
    let apart: BTreeSet<BTreeSet<String>> = [["northwire"].as_slice(), ["caspian"].as_slice()]
        .iter()
        .map(|group| group.iter().map(|s| s.to_string()).collect())
        .collect();
    assert_eq!(names(&store), apart);
    // A report tying both sides joins one of them, never both.
    store.put_records(&[record(meridian)]).unwrap();
    vigil_pipeline::fuse_pending(&mut store).unwrap();
    let after = names(&store);
    assert_eq!(after.len(), 2, "{after:?}");
    assert!(!after.iter().any(|group| group.contains("northwire") && group.contains("caspian")));
    vigil_pipeline::rebuild(&mut store).unwrap();
    assert!(
        !names(&store).iter().any(|group| group.contains("northwire") && group.contains("caspian"))
    );
}

#[test]
fn a_merge_survives_a_rebuild_and_reruns_change_nothing() {
    let fixture = crocus();
    let reports: Vec<&Report> = fixture.reports.iter().collect();
    let mut store = fuse_in_order(&reports);
    let plot = &fixture.reports[3];
    edit(&mut store, &Edit::Merge { left: key(plot), right: key(&fixture.reports[0]) });
    assert_eq!(clusters(&store, &fixture.reports).len(), 1);
    let before = store.mentions().unwrap();
    let report = vigil_pipeline::fuse_pending(&mut store).unwrap();
    assert_eq!(report.mentions, 0);
    assert_eq!(store.mentions().unwrap(), before);
    vigil_pipeline::rebuild(&mut store).unwrap();
    assert_eq!(clusters(&store, &fixture.reports).len(), 1);
}
