//! `--db postgres://...`: `vigil migrate`, then the demo corpus ingested into PostgreSQL and
//! searched, read back the same as from SQLite. Runs when `VIGIL_TEST_POSTGRES_URL` names a test
//! database (each run in a scratch schema of its own, dropped at the end); skipped otherwise.

use std::ffi::OsStr;

use assert_cmd::Command;
use serde_json::Value;
use vigil_store_postgres::PostgresStore;

use super::support::{Run, Sandbox, demo_corpus, demo_store};

/// `vigil --db URL ARGS...` in the sandbox.
fn run(sandbox: &Sandbox, url: &str, args: &[&dyn AsRef<OsStr>]) -> Run {
    let mut command = Command::cargo_bin("vigil").unwrap();
    command
        .current_dir(sandbox.path("."))
        .env_remove("VIGIL_DB")
        .arg("--db")
        .arg(url)
        .args(args.iter().map(|arg| arg.as_ref()));
    Run::of(&mut command)
}

fn ids(listing: &Value) -> Vec<String> {
    let mut ids: Vec<String> = listing
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {listing}"))
        .iter()
        .map(|item| item["id"].as_str().unwrap_or_default().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_demo_corpus_ingests_into_postgres_and_searches_as_in_sqlite() {
    let Some(base) = super::support::postgres_url() else { return };
    // The scratch store owns the schema (dropped with it); vigil reaches the schema through the
    // URL's search_path option.
    let scratch = PostgresStore::open_scratch(&base).unwrap();
    let schema = scratch.scratch_schema().unwrap();
    let separator = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{separator}options=-csearch_path%3D{schema}");
    let sandbox = Sandbox::new();

    let migrated = run(&sandbox, &url, &[&"migrate"]).success();
    assert!(migrated.stdout.contains("schema version 5"), "{}", migrated.stdout);
    assert!(!migrated.stdout.contains(":vigil@") || !base.contains(":vigil@"), "password shown");

    let ingested = run(&sandbox, &url, &[&"ingest", &demo_corpus()]).success().summary();
    let sqlite = demo_store().run.summary();
    assert_eq!(
        (ingested.inputs, ingested.new, ingested.near_duplicate, ingested.failed),
        (sqlite.inputs, sqlite.new, sqlite.near_duplicate, sqlite.failed)
    );

    let hits = run(&sandbox, &url, &[&"--json", &"search", &"Kaluga synagogue"]).success().json();
    let hits = hits.as_array().unwrap().clone();
    assert!(!hits.is_empty(), "no hits");
    for hit in &hits {
        let snippet = hit["snippet"].as_str().unwrap().to_lowercase();
        assert!(snippet.contains("[kaluga]") || snippet.contains("[synagogue]"), "{hit:#}");
    }

    // The same documents and the same fused incidents as the SQLite store of the same corpus.
    let demo = Sandbox::with_demo();
    let docs = [&"--json" as &dyn AsRef<OsStr>, &"docs", &"--limit", &"100000"];
    assert_eq!(ids(&run(&sandbox, &url, &docs).success().json()), ids(&demo.json(&docs[1..])));
    let incidents = [&"--json" as &dyn AsRef<OsStr>, &"incidents"];
    assert_eq!(
        ids(&run(&sandbox, &url, &incidents).success().json()),
        ids(&demo.json(&incidents[1..]))
    );
    drop(scratch);
}
