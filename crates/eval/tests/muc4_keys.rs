//! The MUC-4 dev and train keys from the shared data: every message's raw key lines up with its
//! processed-GTT line, and the keys scored against themselves earn 100 on every figure. Skipped
//! when `VIGIL_SHARED` is unset.

use std::path::PathBuf;

use vigil_eval::muc4::{self, GoldTemplate, Muc4Score, Template};

fn shared() -> Option<PathBuf> {
    std::env::var_os("VIGIL_SHARED").map(PathBuf::from)
}

fn load(split: &str, folders: &[&str]) -> Vec<muc4::GoldDocument> {
    let Some(shared) = shared() else { return Vec::new() };
    let data = shared.join("data/muc4");
    let json = std::fs::read_to_string(data.join("processed-gtt").join(format!("{split}.json")))
        .unwrap_or_default();
    let mut gold = muc4::corpus::parse_processed(&json).unwrap_or_default();
    let mut keys = Vec::new();
    for folder in folders {
        let dir = data.join("raw/CORPORA").join(folder);
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if name.starts_with("key-") {
                let bytes = std::fs::read(entry.path()).unwrap_or_default();
                keys.extend(muc4::keys::parse_keys(&String::from_utf8_lossy(&bytes)));
            }
        }
    }
    let mismatched = muc4::corpus::attach_keys(&mut gold, &keys);
    assert!(mismatched.is_empty(), "{split}: keys out of line for {mismatched:?}");
    gold
}

#[test]
fn muc4_keys_against_themselves_score_100() {
    if shared().is_none() {
        println!("skipped: VIGIL_SHARED unset");
        return;
    }
    for (split, folders) in [("dev", &["tst1", "tst2"][..]), ("train", &["dev"][..])] {
        let gold = load(split, folders);
        assert!(gold.len() >= 200, "{split}: {} documents", gold.len());
        let mut total = Muc4Score::default();
        for document in &gold {
            let output: Vec<Template> =
                document.templates.iter().map(GoldTemplate::as_prediction).collect();
            total.add(&muc4::score::score_document(&output, document));
        }
        for (name, prf) in [
            ("templates", total.templates),
            ("fillers", total.fillers),
            ("confidence", total.confidence),
            ("date", total.date),
            ("country", total.country),
        ] {
            assert!(prf.gold > 50.0, "{split} {name}: only {} gold units", prf.gold);
            assert_eq!(prf.f1(), 1.0, "{split} {name}: {prf:?}");
        }
    }
}
