//! Temporary.
use super::kb;
use crate::kb::MatchOptions;
#[test]
#[ignore = "scratch"]
fn scratch() {
    let kb = kb();
    for line in std::fs::read_to_string("/work/shared/data/wikievents/dev.jsonl").unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap();
        for m in kb.find_actors(text, MatchOptions::for_text(text)) {
            println!("{} | {} | {}", m.alias, kb.entries()[m.entry].name, m.metonym);
        }
    }
}
