//! Server time per page with 100,000 fused incidents in the store (target: under 50 ms).
//!
//! Setup (once, not timed by divan, printed): a temporary SQLite file with
//! `VIGIL_BENCH_INCIDENTS` (default 100,000) incidents as the mentions of 20,000 reports over
//! five years, placed in 40 real cities, each report also stored with its extraction; then the
//! server's snapshot is built (the cold cost a request pays after a change). Each benchmark is
//! one request through the whole router (handler, store reads, rendering, headers), as a
//! browser would send it. Run with `cargo bench -p vigil-server --bench render`
//! (`VIGIL_BENCH_DB=/tmp/100k.db` keeps the store for a load run).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a benchmark may stop on setup errors")]

use std::sync::{Arc, OnceLock};
use std::time::Instant;

use axum::body::Body;
use axum::http::Request;
use serde_json::json;
use tower::ServiceExt as _;
use vigil_domain::{DocumentId, Extraction, Incident};
use vigil_fusion::{Mention, fused_id, mention_key};
use vigil_store::{ExtractorInfo, Fingerprint, FusionChange, Record, Store};
use vigil_store_sqlite::SqliteStore;

/// Cities the incidents happen in: name, country, latitude, longitude.
const CITIES: &[(&str, &str, f64, f64)] = &[
    ("Kabul", "AF", 34.53, 69.17),
    ("Kandahar", "AF", 31.61, 65.71),
    ("Baghdad", "IQ", 33.31, 44.36),
    ("Mosul", "IQ", 36.34, 43.13),
    ("Damascus", "SY", 33.51, 36.29),
    ("Raqqa", "SY", 35.95, 39.01),
    ("Mogadishu", "SO", 2.04, 45.34),
    ("Maiduguri", "NG", 11.85, 13.16),
    ("Lagos", "NG", 6.52, 3.38),
    ("Bamako", "ML", 12.64, -8.0),
    ("Niamey", "NE", 13.51, 2.11),
    ("Ouagadougou", "BF", 12.37, -1.52),
    ("Moscow", "RU", 55.76, 37.62),
    ("Makhachkala", "RU", 42.98, 47.5),
    ("Kerman", "IR", 30.28, 57.08),
    ("Peshawar", "PK", 34.01, 71.58),
    ("Quetta", "PK", 30.18, 66.98),
    ("Karachi", "PK", 24.86, 67.0),
    ("Paris", "FR", 48.86, 2.35),
    ("Berlin", "DE", 52.52, 13.4),
    ("Brussels", "BE", 50.85, 4.35),
    ("Istanbul", "TR", 41.01, 28.98),
    ("Cairo", "EG", 30.04, 31.24),
    ("Sinai", "EG", 30.6, 33.6),
    ("Tripoli", "LY", 32.89, 13.19),
    ("Sanaa", "YE", 15.37, 44.19),
    ("Aden", "YE", 12.79, 45.04),
    ("Manila", "PH", 14.6, 120.98),
    ("Marawi", "PH", 8.0, 124.29),
    ("Jakarta", "ID", -6.2, 106.85),
    ("Dhaka", "BD", 23.81, 90.41),
    ("Colombo", "LK", 6.93, 79.85),
    ("Srinagar", "IN", 34.08, 74.8),
    ("Nairobi", "KE", -1.29, 36.82),
    ("Garissa", "KE", -0.45, 39.65),
    ("Maputo", "MZ", -25.97, 32.57),
    ("Pemba", "MZ", -12.97, 40.52),
    ("Bogota", "CO", 4.71, -74.07),
    ("Goma", "CD", -1.68, 29.22),
    ("Beni", "CD", 0.49, 29.47),
];
const GROUPS: &[&str] = &["Islamic State", "al-Shabaab", "Boko Haram", "Taliban", "ISKP", "JNIM"];
const KINDS: &[&str] = &["bombing", "armed_assault", "arson", "hostage_taking", "attack"];

/// Spreads numbers deterministically (they need to be spread, not random).
fn spread(seed: u64) -> u64 {
    seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407) >> 33
}

/// The `n`th incident, built from the codebook's JSON.
fn incident(n: u64, id: &str) -> Incident {
    let (city, country, lat, lon) = CITIES[(spread(n) % CITIES.len() as u64) as usize];
    let day = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
        + chrono::Duration::days((spread(n + 1) % 1826) as i64);
    serde_json::from_value(json!({
        "id": id,
        "type": KINDS[(spread(n + 2) % KINDS.len() as u64) as usize],
        "stage": "accomplished",
        "date": {"start": day, "end": day, "precision": "day"},
        "location": {"name": city, "country": country, "lat": lat, "lon": lon, "precision": "city"},
        "attribution": [{"actor": GROUPS[(spread(n + 3) % GROUPS.len() as u64) as usize], "confidence": "suspected"}],
        "killed": {"best": 1 + spread(n + 4) % 40, "qualifier": "exact"},
    }))
    .expect("a codebook incident")
}

struct Fixture {
    _folder: tempfile::TempDir,
    router: axum::Router,
    runtime: tokio::runtime::Runtime,
    incident: String,
    document: String,
    snapshot: Arc<vigil_server::state::Snapshot>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(build)
}

fn build() -> Fixture {
    let incidents: u64 =
        std::env::var("VIGIL_BENCH_INCIDENTS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let folder = tempfile::tempdir().unwrap();
    // VIGIL_BENCH_DB keeps the store (for a load run with `vigil serve`); it must not exist.
    let path = std::env::var_os("VIGIL_BENCH_DB")
        .map_or_else(|| folder.path().join("render.db"), std::path::PathBuf::from);
    let mut store = SqliteStore::open(&path).unwrap();
    let started = Instant::now();
    let per_report = 5;
    let extractor = ExtractorInfo { name: "bench".to_string(), version: "1".to_string() };
    let mut first_document = String::new();
    for batch in 0..incidents.div_ceil(per_report * 1000) {
        let mut records = Vec::new();
        let mut change = FusionChange::default();
        for r in 0..1000 {
            let report = batch * 1000 + r;
            if report * per_report >= incidents {
                break;
            }
            let text = format!("Report {report}: attacks in several cities, officials said.");
            let id = DocumentId::from_text(&text);
            let published = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
            let found: Vec<Incident> = (1..=per_report)
                .map(|k| incident(report * per_report + k, &format!("i{k}")))
                .collect();
            let mut extraction: Extraction = serde_json::from_value(json!({
                "document": {"id": id.as_str(), "published": published, "source": "Bench Wire"},
                "actors": [{"name": "Islamic State", "kind": "armed_group"}, {"name": "Taliban", "kind": "armed_group"}],
            }))
            .expect("a codebook extraction");
            extraction.incidents = found.clone();
            for incident in found {
                let key = mention_key(id.as_str(), &incident.id);
                let mention = Mention {
                    key: key.clone(),
                    document: id.to_string(),
                    published: Some(published),
                    source: Some("Bench Wire".to_string()),
                    reliability: vigil_domain::Reliability::F,
                    incident,
                    claims: Vec::new(),
                    names: Vec::new(),
                    actors: Vec::new(),
                    aftermath: None,
                };
                change
                    .mentions
                    .push(vigil_pipeline::record(&mention, &fused_id(&key), &key).unwrap());
            }
            change.fused_documents.push(id.clone());
            if first_document.is_empty() {
                first_document = id.to_string();
            }
            let document = vigil_domain::Document {
                source: Some("Bench Wire".to_string()),
                title: Some(format!("Report {report}")),
                published: Some(published),
                ..vigil_domain::Document::english_text(format!("bench/{id}"), text)
            };
            records.push(Record {
                document,
                fingerprint: Fingerprint::default(),
                extraction: Some((extraction, extractor.clone())),
            });
        }
        store.put_records(&records).unwrap();
        store.apply_fusion(&change).unwrap();
    }
    store.put_board(None, "Bench board", r#"{"name":"Bench board","hypotheses":[{"id":"h1","text":"one"},{"id":"h2","text":"two"}],"evidence":[{"id":"e1","text":"x","source":{"assumption":true},"ratings":{"h1":"C","h2":"I"}}]}"#, "{}").unwrap();
    eprintln!(
        "filled the store with {incidents} incidents in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    drop(store);
    let opener: vigil_server::state::StoreOpener = Arc::new(move || {
        SqliteStore::open(&path).map(|store| Box::new(store) as vigil_server::BoxedStore)
    });
    let config = vigil_server::Config {
        refresh: std::time::Duration::from_secs(3600),
        ..Default::default()
    };
    let state = vigil_server::state::AppState::new(opener, config);
    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let started = Instant::now();
    let snapshot = runtime.block_on(state.snapshot()).expect("snapshot");
    eprintln!(
        "built the snapshot ({} fused incidents) in {:.2}s",
        snapshot.incidents.len(),
        started.elapsed().as_secs_f64()
    );
    vigil_server::warm();
    let incident = snapshot.incidents[0].id.clone();
    Fixture {
        _folder: folder,
        router: vigil_server::router(state),
        runtime,
        incident,
        document: first_document,
        snapshot,
    }
}

/// One GET through the router; panics unless it is 200.
fn get(path: &str) -> usize {
    let fixture = fixture();
    let request = Request::get(path).body(Body::empty()).unwrap();
    let response = fixture.runtime.block_on(fixture.router.clone().oneshot(request)).unwrap();
    assert_eq!(response.status(), 200, "{path}");
    let body =
        fixture.runtime.block_on(axum::body::to_bytes(response.into_body(), usize::MAX)).unwrap();
    body.len()
}

fn main() {
    fixture();
    divan::main();
}

#[divan::bench(sample_count = 20)]
fn overview() -> usize {
    get("/")
}

#[divan::bench(sample_count = 20)]
fn incident_page() -> usize {
    get(&format!("/incidents/{}", fixture().incident))
}

#[divan::bench(sample_count = 20)]
fn document_page() -> usize {
    get(&format!("/documents/{}", fixture().document))
}

#[divan::bench(sample_count = 20)]
fn actor_page() -> usize {
    get("/actors/Taliban")
}

#[divan::bench(sample_count = 20)]
fn board_page() -> usize {
    get("/boards/1")
}

#[divan::bench(sample_count = 20)]
fn search_page() -> usize {
    get("/search?q=Report%204242")
}

/// The worst case: a word every one of the 20,000 reports holds, all ranked for the top 50.
#[divan::bench(sample_count = 20)]
fn search_page_every_report() -> usize {
    get("/search?q=officials")
}

#[divan::bench(sample_count = 20)]
fn api_incidents_page() -> usize {
    get("/api/incidents?limit=50&offset=5000")
}

/// An actor's profile over every incident and report, as the CLI builds it (the server reads
/// only the incidents naming the actor, through the snapshot's index).
#[divan::bench(sample_count = 20)]
fn actor_profile_only() -> usize {
    let snapshot = &fixture().snapshot;
    vigil_query::profile::profile("Taliban", &snapshot.incidents, &snapshot.extractions)
        .map_or(0, |profile| profile.incidents.len())
}
