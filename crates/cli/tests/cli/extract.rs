//! `vigil extract`: the codebook JSON for a file or a stored document, without storing it.

use serde_json::Value;

use super::support::{Run, Sandbox, data, id};

/// Incident types that are violent acts (codebook: GTD attack types).
const VIOLENT: [&str; 8] = [
    "assassination",
    "armed_assault",
    "bombing",
    "hijacking",
    "hostage_taking",
    "arson",
    "unarmed_assault",
    "attack",
];

fn assert_codebook(extraction: &Value) {
    let object = extraction.as_object().unwrap_or_else(|| panic!("not an object: {extraction}"));
    for key in ["document", "incidents", "claims", "actors"] {
        assert!(object.contains_key(key), "no {key:?} in {extraction:#}");
    }
    for key in ["incidents", "claims", "actors"] {
        assert!(extraction[key].is_array(), "{key} is not a list: {extraction:#}");
    }
}

#[test]
fn a_news_file_yields_a_violent_incident() {
    let sandbox = Sandbox::new();
    let report = data("market-attack.txt");
    let run = sandbox.run(&[&"extract", &report]).success();
    let extraction = run.json();
    assert_codebook(&extraction);
    assert_eq!(
        extraction["document"]["title"],
        "Gunmen kill 12 in attack on market in northern Nigerian town",
        "{extraction:#}"
    );
    assert_eq!(extraction["document"]["published"], "2024-03-14", "{extraction:#}");
    let incidents = extraction["incidents"].as_array().unwrap();
    let violent: Vec<&Value> = incidents
        .iter()
        .filter(|incident| incident["type"].as_str().is_some_and(|kind| VIOLENT.contains(&kind)))
        .collect();
    assert!(!violent.is_empty(), "no violent incident in {extraction:#}");
    // "on Wednesday" in a report of Thursday, March 14.
    assert!(
        violent.iter().any(|incident| incident["date"]["start"] == "2024-03-13"),
        "{extraction:#}"
    );
    // Nothing was stored.
    assert!(sandbox.docs().is_empty());
}

#[test]
fn json_flag_prints_one_line_and_published_overrides() {
    let sandbox = Sandbox::new();
    let report = data("market-attack.txt");
    let run = sandbox.run(&[&"--json", &"extract", &report, &"--published", &"2024-03-20"]);
    let run = run.success();
    assert_eq!(run.stdout.trim_end().lines().count(), 1, "{}", run.stdout);
    let extraction = run.json();
    assert_codebook(&extraction);
    assert_eq!(extraction["document"]["published"], "2024-03-20", "{extraction:#}");
}

#[test]
fn a_stored_document_by_id_prefix() {
    let sandbox = Sandbox::new();
    let report = data("market-attack.txt");
    sandbox.run(&[&"ingest", &report]).success();
    let docs = sandbox.docs();
    let stored = id(&docs[0]);
    let from_store = sandbox.run(&[&"extract", &&stored[..6]]).success().json();
    let from_file = sandbox.run(&[&"extract", &report]).success().json();
    assert_eq!(from_store["document"]["id"], stored);
    assert_eq!(from_store, from_file, "the stored document reads as the file does");
}

#[test]
fn an_unknown_target_fails() {
    let sandbox = Sandbox::new();
    let mut command = sandbox.vigil();
    command.args(["extract", "no-such-file-or-id"]);
    let run = Run::of(&mut command).code(1);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("no-such-file-or-id"), "{}", run.stderr);
}
