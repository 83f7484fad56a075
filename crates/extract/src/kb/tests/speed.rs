//! Speed: matching a megabyte of news text.

use std::time::Instant;

use super::{MatchOptions, kb};

/// About 1 MB of text in the founding article's style.
fn megabyte() -> String {
    let paragraph = "No sooner had Moscow's rescue services retrieved the bodies of some 140 civilian \
        victims than the Islamic State group announced, through its Khorasan branch, that it was \
        responsible. This is a crisis: IS-Khorasan and ISIS-K have waged a war against the Taliban, \
        while the FSB and the Kremlin hinted that Kyiv and the West had a hand in it. Tajik, Afghan \
        and Uzbek nationals were arrested in Germany, France and Turkey. THE FARABUNDO MARTI \
        NATIONAL LIBERATION FRONT (FMLN) ATTACKED THE ATLACATL BATTALION. ";
    let mut text = String::with_capacity(1_100_000);
    while text.len() < 1_000_000 {
        text.push_str(paragraph);
    }
    text
}

#[test]
fn a_megabyte_is_matched_quickly() {
    let kb = kb();
    let text = megabyte();
    let start = Instant::now();
    let actors = kb.find_actors(&text, MatchOptions::default());
    let demonyms = kb.find_demonyms(&text);
    let elapsed = start.elapsed();
    assert!(actors.len() > 10_000, "found {}", actors.len());
    assert!(demonyms.len() > 5_000, "found {}", demonyms.len());
    // Generous bound so debug builds pass; release timings are reported by the
    // `--release ... -- --ignored --nocapture` run of `report_speed`.
    assert!(elapsed.as_secs() < 20, "took {elapsed:?}");
}

#[test]
#[ignore = "timing report; run with --release -- --ignored --nocapture"]
fn report_speed() {
    let kb = kb();
    let text = megabyte();
    let mut best = f64::MAX;
    for _ in 0..10 {
        let start = Instant::now();
        let actors = kb.find_actors(&text, MatchOptions::default());
        let ms = start.elapsed().as_secs_f64() * 1e3;
        best = best.min(ms);
        assert!(!actors.is_empty());
    }
    let caps = text.to_uppercase();
    let start = Instant::now();
    let upper = kb.find_actors(&caps, MatchOptions { text_is_all_caps: true });
    let caps_ms = start.elapsed().as_secs_f64() * 1e3;
    let start = Instant::now();
    let demonyms = kb.find_demonyms(&text);
    let dem_ms = start.elapsed().as_secs_f64() * 1e3;
    let start = Instant::now();
    let fresh = crate::kb::Kb::try_builtin().unwrap();
    println!(
        "building the built-in kb: {:.1} ms, {} entries",
        start.elapsed().as_secs_f64() * 1e3,
        fresh.entries().len()
    );
    let muc = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/muc4/processed-gtt/train.json");
    if let Ok(raw) = std::fs::read_to_string(muc) {
        let caps = raw.to_uppercase();
        let start = Instant::now();
        let n = kb.find_actors(&caps, MatchOptions { text_is_all_caps: true }).len();
        let ms = start.elapsed().as_secs_f64() * 1e3;
        println!("MUC-4 train in capitals, {} bytes: {ms:.1} ms, {n} matches", caps.len());
    }
    println!(
        "find_actors over {} bytes: best {best:.1} ms (mixed case), {caps_ms:.1} ms (all caps, {} matches); find_demonyms {dem_ms:.1} ms ({} matches)",
        text.len(),
        upper.len(),
        demonyms.len()
    );
}
