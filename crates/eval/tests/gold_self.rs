//! Every shared gold key, scored against its own conversion to an extraction, scores 1.0
//! everywhere: the upper bound is reachable, the alignment recovers every incident, and no rule
//! of the scorer contradicts the keys the project is measured by.
//!
//! The keys live in the shared directory beside the project (`VIGIL_SHARED`, see `.ci`); they are
//! read in place, never copied. Without the variable the tests report themselves skipped.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

use std::path::{Path, PathBuf};

use vigil_eval::{Prf, ScoreOptions, Scorecard, gold_to_extraction, parse_gold, score};

fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("VIGIL_SHARED").map(PathBuf::from);
    if dir.is_none() {
        println!("skipped: VIGIL_SHARED unset");
    }
    dir
}

/// `*.gold.json` under `dir`, recursively, in a fixed order.
fn gold_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("gold directory reads") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(".gold.json") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn figures(card: &Scorecard) -> Vec<(String, Prf)> {
    let mut all = vec![
        ("incidents".to_string(), card.incidents),
        ("slot_micro".to_string(), card.slot_micro),
        ("claims".to_string(), card.claims),
        ("actors".to_string(), card.actors),
    ];
    all.extend(card.slots.iter().map(|(k, v)| (format!("slots.{k}"), *v)));
    all.extend(card.claim_slots.iter().map(|(k, v)| (format!("claim_slots.{k}"), *v)));
    all
}

#[test]
fn every_gold_key_scores_one_against_itself() {
    let Some(shared) = shared() else { return };
    let files = gold_files(&shared.join("gold"));
    assert!(files.len() >= 6, "expected the founding key and five dev keys, found {files:?}");
    let mut total = Scorecard::default();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let gold = parse_gold(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let output = gold_to_extraction(&gold);
        let card = score(&gold, &output, &ScoreOptions::default());
        for (figure, prf) in figures(&card) {
            assert_eq!(prf.f1(), 1.0, "{name}: {figure} {prf:?}\n{}", card.render_table());
        }
        assert!(card.errors.is_empty(), "{name}: {:#?}", card.errors);
        // The alignment recovers each gold incident as the output incident made from it.
        for (n, (gold_id, output_id)) in card.alignment.iter().enumerate() {
            assert_eq!(output_id.as_deref(), Some(format!("i{}", n + 1).as_str()), "{gold_id}");
        }
        total.merge(&card.with_document(&name));
    }
    for (figure, prf) in figures(&total) {
        assert_eq!(prf.f1(), 1.0, "merged {figure}");
    }
    println!("{}", total.render_table());
}

#[test]
fn dropping_the_founding_keys_claims_costs_exactly_their_recall() {
    let Some(shared) = shared() else { return };
    let path = shared.join("gold/dss-2024-03-29-moscow-attack.gold.json");
    let gold = parse_gold(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut output = gold_to_extraction(&gold);
    let kept = output.claims.len() / 2;
    output.claims.truncate(kept);
    let card = score(&gold, &output, &ScoreOptions::default());
    let claims = gold.claims.len() as f64;
    assert_eq!(card.claims, Prf::new(kept as f64, kept as f64, claims));
    assert_eq!(card.slot_micro.f1(), 1.0, "incidents do not depend on claims");
    assert_eq!(card.errors.len(), gold.claims.len() - kept, "{:#?}", card.errors);
}
