//! Fusion throughput: new reports fused into a store that already holds many incidents.
//!
//! Not a micro-benchmark, so it runs once: it fills a temporary SQLite file with
//! `VIGIL_BENCH_INCIDENTS` (default 100,000) incidents spread over five years, 60 countries and
//! 600 cities, as mentions of 20,000 documents; then it stores 2,000 new reports (one incident
//! each, a third of them of incidents already in the store) and times `fuse_pending` over them,
//! printing milliseconds per new incident. Run with
//! `cargo bench -p vigil-pipeline --bench fusion_throughput`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a benchmark may stop on setup errors")]

use std::time::Instant;

use chrono::{Duration, NaiveDate};
use vigil_domain::{
    Attribution, Confidence, Count, CountQualifier, DateSpan, Document, DocumentId, DocumentRef,
    Extraction, Incident, IncidentType, Location, LocationPrecision, Stage,
};
use vigil_fusion::{Mention, fused_id, mention_key};
use vigil_store::{ExtractorInfo, Fingerprint, FusionChange, Record, Store};
use vigil_store_sqlite::SqliteStore;

const GROUPS: &[&str] =
    &["Islamic State", "al-Shabaab", "Boko Haram", "Taliban", "Hezbollah", "Hamas", "PKK"];
const TYPES: &[IncidentType] = &[
    IncidentType::Bombing,
    IncidentType::ArmedAssault,
    IncidentType::Arson,
    IncidentType::HostageTaking,
    IncidentType::Attack,
];

/// A small deterministic generator (the numbers only need to be spread, not random).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

fn incident(random: &mut Lcg, id: &str) -> Incident {
    let city = random.next(600);
    let country = format!(
        "{}{}",
        char::from(b'A' + (city % 60 / 26) as u8),
        char::from(b'A' + (city % 26) as u8)
    );
    let day =
        NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + Duration::days(random.next(1826) as i64);
    Incident {
        id: id.to_string(),
        incident_type: TYPES[random.next(TYPES.len() as u64) as usize],
        stage: Stage::Accomplished,
        date: Some(DateSpan::day(day)),
        location: Some(Location {
            name: format!("City {city}"),
            admin1: None,
            country: Some(country),
            lat: Some(-40.0 + (city as f64) * 0.13),
            lon: Some(-120.0 + (city as f64) * 0.4),
            precision: LocationPrecision::City,
        }),
        site: None,
        perpetrator_individuals: Vec::new(),
        perpetrator_count: None,
        perpetrator_nationalities: Vec::new(),
        attribution: vec![Attribution {
            actor: GROUPS[random.next(GROUPS.len() as u64) as usize].to_string(),
            confidence: Confidence::Suspected,
            claim: None,
        }],
        targets: Vec::new(),
        target_types: Vec::new(),
        victims: Vec::new(),
        weapons: Vec::new(),
        suicide: false,
        killed: Some(Count {
            best: 1 + random.next(50) as u32,
            min: None,
            max: None,
            qualifier: CountQualifier::Exact,
        }),
        injured: None,
        arrested: None,
        evidence: Vec::new(),
    }
}

fn document(text: String, published: NaiveDate) -> Document {
    Document {
        source: Some("Bench Wire".to_string()),
        published: Some(published),
        ..Document::english_text(format!("bench/{}", DocumentId::from_text(&text)), text)
    }
}

fn main() {
    let incidents: usize =
        std::env::var("VIGIL_BENCH_INCIDENTS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let folder = tempfile::tempdir().unwrap();
    // VIGIL_BENCH_DB keeps the store for inspection (query plans, sizes).
    let path = std::env::var_os("VIGIL_BENCH_DB")
        .map_or_else(|| folder.path().join("fusion.db"), std::path::PathBuf::from);
    let mut store = SqliteStore::open(&path).unwrap();
    let mut random = Lcg(7);
    let published = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let started = Instant::now();
    // The existing incidents: 5 per document, stored as already fused mentions.
    let per_document = 5;
    let mut stored: Vec<Incident> = Vec::with_capacity(incidents);
    for chunk in 0..incidents.div_ceil(per_document * 1000) {
        let mut records = Vec::new();
        let mut change = FusionChange::default();
        for n in 0..1000 {
            let index = chunk * 1000 + n;
            if index * per_document >= incidents {
                break;
            }
            let document = document(format!("stored report {index}"), published);
            let id = document.id.to_string();
            for k in 1..=per_document {
                let incident = incident(&mut random, &format!("i{k}"));
                let key = mention_key(&id, &incident.id);
                let mention = Mention {
                    key: key.clone(),
                    document: id.clone(),
                    published: Some(published),
                    source: document.source.clone(),
                    reliability: vigil_domain::Reliability::F,
                    incident: incident.clone(),
                    claims: Vec::new(),
                    names: Vec::new(),
                    actors: Vec::new(),
                    aftermath: None,
                };
                change
                    .mentions
                    .push(vigil_pipeline::record(&mention, &fused_id(&key), &key).unwrap());
                stored.push(incident);
            }
            records.push(Record {
                document,
                fingerprint: Fingerprint::default(),
                extraction: None,
            });
        }
        store.put_records(&records).unwrap();
        store.apply_fusion(&change).unwrap();
    }
    println!(
        "filled the store with {} incidents in {:.1}s",
        stored.len(),
        started.elapsed().as_secs_f64()
    );
    // New reports: a third retell a stored incident (same day, place and group), the rest are new.
    let new_reports = 2000;
    let mut records = Vec::new();
    for n in 0..new_reports {
        let mut incident = if n % 3 == 0 {
            let mut copy = stored[random.next(stored.len() as u64) as usize].clone();
            copy.id = "i1".to_string();
            copy
        } else {
            incident(&mut random, "i1")
        };
        incident.killed = incident.killed.map(|count| Count { best: count.best + 1, ..count });
        let document = document(format!("new report {n}"), published);
        let extraction = Extraction {
            document: DocumentRef {
                id: document.id.to_string(),
                title: None,
                published: Some(published),
                source: None,
            },
            incidents: vec![incident],
            claims: Vec::new(),
            actors: Vec::new(),
        };
        let extractor = ExtractorInfo { name: "bench".to_string(), version: "1".to_string() };
        records.push(Record {
            document,
            fingerprint: Fingerprint::default(),
            extraction: Some((extraction, extractor)),
        });
    }
    store.put_records(&records).unwrap();
    let started = Instant::now();
    let report = vigil_pipeline::fuse_pending(&mut store).unwrap();
    let elapsed = started.elapsed();
    println!(
        "fused {} new incidents into {} in {:.2}s: {:.3} ms per incident ({} joined a stored one)",
        report.mentions,
        stored.len(),
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / report.mentions.max(1) as f64,
        report.joined
    );
}
