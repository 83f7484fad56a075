//! Hand-written fixtures, one rule each: `tests/fixtures/*.json` hold a gold key, an output and
//! the figures the rule implies.
//!
//! A fixture's `expect` maps a figure (`incidents`, `slot_micro`, `claims`, `actors`,
//! `slots.NAME`, `claim_slots.NAME`) to its `[correct, predicted, gold]` counts, plus `alignment`
//! as `[gold id, output id or null]` pairs; `precision`, `recall` and `f1` map figures to ratios;
//! `errors_contain` lists lines the error list must hold. Every mismatch of every fixture is
//! reported at once.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

use std::path::Path;

use serde_json::Value;
use vigil_domain::Extraction;
use vigil_eval::{Prf, ScoreOptions, Scorecard, parse_gold, score};

fn figure(card: &Scorecard, name: &str) -> Option<Prf> {
    match name.split_once('.') {
        Some(("slots", slot)) => card.slots.get(slot).copied(),
        Some(("claim_slots", slot)) => card.claim_slots.get(slot).copied(),
        _ => match name {
            "incidents" => Some(card.incidents),
            "slot_micro" => Some(card.slot_micro),
            "claims" => Some(card.claims),
            "actors" => Some(card.actors),
            _ => None,
        },
    }
}

fn check(name: &str, fixture: &Value, failures: &mut Vec<String>) -> Scorecard {
    let gold = parse_gold(&fixture["gold"].to_string()).expect("fixture gold parses");
    let output: Extraction =
        serde_json::from_value(fixture["output"].clone()).expect("fixture output parses");
    let card = score(&gold, &output, &ScoreOptions::default());
    let mut fail = |what: String| failures.push(format!("{name}: {what}"));
    let empty = serde_json::Map::new();
    for (key, want) in fixture["expect"].as_object().unwrap_or(&empty) {
        if key == "alignment" {
            let got = serde_json::to_value(&card.alignment).expect("serialises");
            if &got != want {
                fail(format!("alignment {got} != {want}"));
            }
            continue;
        }
        let Some(prf) = figure(&card, key) else {
            fail(format!("no figure {key}"));
            continue;
        };
        let got = serde_json::json!([prf.correct, prf.predicted, prf.gold]);
        let want_f: Vec<f64> =
            want.as_array().expect("counts").iter().filter_map(Value::as_f64).collect();
        if got != serde_json::json!(want_f) {
            fail(format!("{key} {got} != {want}"));
        }
    }
    for (ratio, pick) in
        [("precision", Prf::precision as fn(&Prf) -> f64), ("recall", Prf::recall), ("f1", Prf::f1)]
    {
        for (key, want) in fixture[ratio].as_object().unwrap_or(&empty) {
            let got = figure(&card, key).map(|prf| pick(&prf));
            let want = want.as_f64();
            if !matches!((got, want), (Some(g), Some(w)) if (g - w).abs() < 1e-9) {
                fail(format!("{ratio} of {key}: {got:?} != {want:?}"));
            }
        }
    }
    for line in fixture["errors_contain"].as_array().into_iter().flatten() {
        let line = line.as_str().unwrap_or_default();
        if !card.errors.iter().any(|e| e == line) {
            fail(format!("no error line {line:?} in {:#?}", card.errors));
        }
    }
    card
}

#[test]
fn every_fixture_scores_as_its_rule_says() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 12, "fixtures missing from {}", dir.display());
    let mut failures = Vec::new();
    let mut cards = Vec::new();
    for path in &paths {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).expect("fixture reads");
        let fixture: Value = serde_json::from_str(&text).expect("fixture is json");
        assert!(fixture["why"].is_string(), "{name}: say why");
        let card = check(&name, &fixture, &mut failures);
        cards.push((name, card));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Whole tables are pinned too, so that a change to any figure is reviewed.
    for (name, card) in cards {
        insta::assert_snapshot!(name, card.render_table());
    }
}

#[test]
fn scorecard_json_carries_counts_ratios_alignment_and_errors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/claim-subject.json");
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let card = check("claim-subject", &fixture, &mut Vec::new());
    insta::assert_json_snapshot!("claim-subject-json", card);
    let back: Scorecard = serde_json::from_value(serde_json::to_value(&card).unwrap()).unwrap();
    assert_eq!(back, card, "a scorecard reads back from its JSON");
}

#[test]
fn the_callers_canonicalizer_decides_which_names_are_one_actor() {
    let gold = parse_gold(
        r#"{"incidents": [{"id": "hall", "type": "armed_assault",
              "attribution": [{"actor": "Islamic State Khorasan Province", "confidence": "claimed"}]}],
            "actors": [{"name": "Islamic State Khorasan Province"}]}"#,
    )
    .unwrap();
    let output: Extraction = serde_json::from_str(
        r#"{"document": {"id": "d"},
            "incidents": [{"id": "i1", "type": "armed_assault", "stage": "accomplished",
              "attribution": [{"actor": "ISKP", "confidence": "claimed"}]}],
            "actors": [{"name": "ISIS-K", "kind": "armed_group"}]}"#,
    )
    .unwrap();
    let plain = score(&gold, &output, &ScoreOptions::default());
    assert_eq!(plain.slots["attribution"].correct, 0.0);
    assert_eq!(plain.actors.correct, 0.0);
    let aliases = |name: &str| match name.trim().to_lowercase().as_str() {
        "iskp" | "isis-k" => "islamic state khorasan province".to_string(),
        other => other.to_string(),
    };
    let card = score(&gold, &output, &ScoreOptions { canonical: &aliases });
    assert_eq!(card.slots["attribution"], Prf::new(1.0, 1.0, 1.0));
    assert_eq!(card.actors, Prf::new(1.0, 1.0, 1.0));
}
