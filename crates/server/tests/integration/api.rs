//! The JSON API: listings, pagination, one of each, errors, tokens, the OpenAPI document.

use insta::assert_json_snapshot;

use crate::support::{ANALYST, VIEWER, ingest, start, start_with};

/// One server for the read-only checks (ingesting the corpus is the slow part).
#[test]
fn api_reads_the_demo_corpus() {
    let server = start(&[]);

    // Incidents: a page with a link to the next, each fused incident with its documents.
    let page = server.get("/api/incidents?limit=2").json();
    assert_eq!(page["limit"], 2);
    assert!(page["total"].as_u64().expect("total") > 2, "{page}");
    assert_eq!(page["next"], "/api/incidents?limit=2&offset=2");
    let first_id = page["items"][0]["id"].as_str().expect("id").to_string();
    let one = server.get(&format!("/api/incidents/{first_id}")).json();
    assert_eq!(one["id"], first_id.as_str());
    let last = server.get("/api/incidents?limit=500").json();
    assert_eq!(last["next"], serde_json::Value::Null);
    // The wire shape (keys, not the reader's values, which change as the reader improves).
    let keys = |value: &serde_json::Value| -> Vec<String> {
        value.as_object().map(|object| object.keys().cloned().collect()).unwrap_or_default()
    };
    let shape = serde_json::json!({
        "page": keys(&page),
        "incident": keys(&page["items"][0]),
        "slot": keys(&page["items"][0]["incident_type"]),
        "sourced_value": keys(&page["items"][0]["incident_type"]["values"][0]),
    });
    assert_json_snapshot!("incident_page_shape", shape);

    // Filters pass through to the next link.
    let filtered = server.get("/api/incidents?country=RU&limit=1").json();
    for item in filtered["items"].as_array().expect("items") {
        assert_eq!(item["location"]["value"]["country"], "RU");
    }
    if !filtered["next"].is_null() {
        assert_eq!(filtered["next"], "/api/incidents?country=RU&limit=1&offset=1");
    }

    // Documents: a listing, then one with its text and extraction.
    let documents = server.get("/api/documents?limit=3").json();
    assert_eq!(documents["items"].as_array().map(Vec::len), Some(3));
    let id = documents["items"][0]["id"].as_str().expect("id").to_string();
    let document = server.get(&format!("/api/documents/{}", &id[..8])).json();
    assert_eq!(document["document"]["id"], id.as_str());
    assert!(document["document"]["text"].as_str().is_some_and(|text| !text.is_empty()));
    assert!(document["extraction"]["extraction"]["incidents"].is_array());

    // Search, claims, actors, an actor's profile, the timeline, alerts, boards.
    let hits = server.get("/api/search?q=Kaluga").json();
    assert!(hits["items"].as_array().is_some_and(|hits| !hits.is_empty()), "{hits}");
    let claims = server.get("/api/claims?type=denial").json();
    for claim in claims["items"].as_array().expect("items") {
        assert_eq!(claim["kind"], "denial");
    }
    let actors = server.get("/api/actors?limit=5").json();
    let name = actors["items"][0]["name"].as_str().expect("an actor").to_string();
    let profile = server.get(&format!("/api/actors/{}", name.replace(' ', "%20"))).json();
    assert_eq!(profile["name"], name.as_str());
    // The server reads only the incidents naming the actor; the profile is the one the CLI
    // builds from every incident.
    let store = vigil_store_sqlite::SqliteStore::open(&server.db).expect("store opens");
    let mut incidents = vigil_query::fused::load(&store).expect("incidents");
    // The server lists incidents newest first (undated last), and profiles follow that order.
    incidents.sort_by_key(|incident| {
        let day = incident.date.value.map(|date| date.start);
        (day.is_none(), std::cmp::Reverse(day), incident.id.clone())
    });
    let extractions = vigil_query::listings::extractions(&store).expect("extractions");
    for actor in ["ISKP", name.as_str()] {
        let everything = vigil_query::profile::profile(actor, &incidents, &extractions);
        let served = server.get(&format!("/api/actors/{}", actor.replace(' ', "%20"))).json();
        assert_eq!(serde_json::to_value(everything).expect("json"), served, "{actor}");
    }
    let timeline = server.get("/api/timeline?limit=3").json();
    assert_eq!(timeline["items"].as_array().map(Vec::len), Some(3));
    let alerts = server.get("/api/alerts").json();
    assert!(alerts["items"].is_array() && alerts["as_of"].is_string(), "{alerts}");
    let boards = server.get("/api/boards").json();
    assert_eq!(boards["items"][0]["name"], "Who attacked");
    let board = server.get("/api/boards/1").json();
    assert_json_snapshot!("board_scores", board["hypotheses"]);

    // Errors come from the table, with stable codes.
    let errors: Vec<serde_json::Value> = [
        "/api/incidents/inc-ffffffffffff",
        "/api/documents/ffffffffffff",
        "/api/actors/Nobody%20At%20All%20Group",
        "/api/boards/99",
        "/api/search",
        "/api/incidents?limit=0",
        "/api/incidents?from=yesterday",
        "/api/nothing",
    ]
    .iter()
    .map(|path| {
        let reply = server.get(path);
        let body = reply.json();
        serde_json::json!({"path": path, "status": reply.status, "code": body["code"], "type": body["type"]})
    })
    .collect();
    assert_json_snapshot!("errors", errors);
}

#[test]
fn changes_need_an_analyst_token() {
    let server = start(&[]);
    let grade = r#"{"grade": "B", "why": "long record"}"#;
    let path = "/api/sources/Caspian%20Monitor/grades";
    let statuses: Vec<(u16, String)> = [None, Some("wrong"), Some(VIEWER)]
        .iter()
        .map(|token| {
            let reply = server.post_json(path, *token, grade);
            (reply.status, reply.json()["code"].as_str().unwrap_or_default().to_string())
        })
        .collect();
    assert_eq!(
        statuses,
        [
            (401, "missing_token".to_string()),
            (401, "invalid_token".to_string()),
            (403, "forbidden_role".to_string())
        ]
    );
    let graded = server.post_json(path, Some(ANALYST), grade);
    assert_eq!(graded.status, 200, "{}", graded.body);
    let history = server.get(path).json();
    assert_json_snapshot!("source_grade_history", history, {".history[].at" => "[when]"});
    let bad = server.post_json(path, Some(ANALYST), r#"{"grade": "Z", "why": "no"}"#);
    assert_eq!((bad.status, bad.json()["code"].clone()), (400, "invalid_grade".into()));

    // A rating on a board changes its scores.
    let rated = server.post_json(
        "/api/boards/1/ratings",
        Some(ANALYST),
        r#"{"evidence": "e2", "hypothesis": "h1", "rating": "II"}"#,
    );
    assert_eq!(rated.status, 200, "{}", rated.body);
    assert_eq!(rated.json()["evidence"][1]["ratings"]["h1"], "II");
    let unknown = server.post_json(
        "/api/boards/1/ratings",
        Some(ANALYST),
        r#"{"evidence": "e9", "hypothesis": "h1", "rating": "C"}"#,
    );
    assert_eq!(unknown.json()["code"], "board_item_not_found");

    // Two incidents merged by an analyst are one afterwards, with the reports of both.
    let two = server.get("/api/incidents?limit=2").json();
    let (a, b) = (two["items"][0].clone(), two["items"][1].clone());
    let merge = format!(r#"{{"with": {}, "why": "same night"}}"#, b["id"]);
    let path = format!("/api/incidents/{}/merge", a["id"].as_str().expect("id"));
    assert_eq!(server.post_json(&path, Some(VIEWER), &merge).status, 403);
    let merged = server.post_json(&path, Some(ANALYST), &merge);
    assert_eq!(merged.status, 200, "{}", merged.body);
    let reports =
        |incident: &serde_json::Value| incident["documents"].as_array().map_or(0, Vec::len);
    assert!(reports(&merged.json()) >= reports(&a).max(reports(&b)), "{}", merged.body);
    let after = server.get("/api/incidents?limit=500").json();
    assert_eq!(after["total"].as_u64(), two["total"].as_u64().map(|total| total - 1));

    // A claim grade: the first claim of the first document with one.
    let claims = server.get("/api/claims?limit=1").json();
    let document = claims["items"][0]["document"].as_str().expect("a claim").to_string();
    let claim = claims["items"][0]["id"].as_str().expect("claim id").to_string();
    let path = format!("/api/claims/{document}/{claim}/grades");
    let graded = server.post_json(&path, Some(ANALYST), r#"{"grade": "2", "why": "video"}"#);
    assert_eq!(graded.status, 200, "{}", graded.body);
    assert_eq!(server.get(&path).json()["grade"], "2");

    // Bodies too large or malformed are refused with their codes.
    let huge = format!(r#"{{"grade": "B", "why": "{}"}}"#, "x".repeat(100_000));
    let refused = server.post_json("/api/sources/X/grades", Some(ANALYST), &huge);
    assert_eq!((refused.status, refused.json()["code"].clone()), (413, "payload_too_large".into()));
    let malformed = server.post_json("/api/sources/X/grades", Some(ANALYST), "{");
    assert_eq!(malformed.json()["code"], "malformed_body");
}

#[test]
fn openapi_document_is_served_and_matches_the_routes_and_error_table() {
    let file = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json"))
        .expect("openapi.json in the crate");
    assert_eq!(file, vigil_server::OPENAPI, "the served document is the file");
    let document: serde_json::Value = serde_json::from_str(&file).expect("openapi.json parses");
    assert_eq!(document["openapi"], "3.1.0");
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            documented.push((method.clone(), path.clone()));
        }
    }
    let mut routes: Vec<(String, String)> = vigil_server::API_ROUTES
        .iter()
        .map(|(method, path)| (method.to_string(), path.to_string()))
        .collect();
    documented.sort();
    routes.sort();
    assert_eq!(documented, routes, "every route documented, and only routes");
    let codes: Vec<&str> = document["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .expect("error codes")
        .iter()
        .filter_map(|code| code.as_str())
        .collect();
    let table: Vec<&str> =
        vigil_server::error::ERROR_CODES.iter().map(|code| code.as_str()).collect();
    assert_eq!(codes, table, "the document lists the error table");
    let mut unique = table.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), table.len(), "codes are unique");
}

/// What another process ingests shows once the snapshot is refreshed in the background; the
/// stale snapshot is served meanwhile.
#[test]
fn reports_ingested_elsewhere_show_after_a_refresh() {
    let config = vigil_server::Config {
        refresh: std::time::Duration::from_millis(200),
        ..vigil_server::Config::default()
    };
    let server = start_with(&[], config);
    let before = server.get("/api/incidents?limit=1").json()["total"].as_u64();
    let hostile = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile.txt");
    ingest(&server.db, &[hostile.as_path()]);
    let started = std::time::Instant::now();
    loop {
        let now = server.get("/api/incidents?limit=1").json()["total"].as_u64();
        if now != before {
            break;
        }
        assert!(started.elapsed().as_secs() < 20, "the new report never showed");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let hits = server.get("/api/search?q=Kabul%20market").json();
    assert!(hits["items"].as_array().is_some_and(|items| !items.is_empty()));
}
