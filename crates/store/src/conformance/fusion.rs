//! Checks of fusion's tables: the unfused queue, block lookups, chains, resets and edits.

use chrono::{TimeZone, Utc};

use super::fixtures::{extractor, sample_extraction, sample_record};
use crate::{FusionChange, FusionEditRecord, MentionRecord, Record, Store, StoreError};

fn stored_with_extraction(store: &mut impl Store, text: &str) -> Record {
    let mut record = sample_record(text);
    record.extraction = Some((sample_extraction(&record.document), extractor("1")));
    store.put_records(std::slice::from_ref(&record)).expect("put succeeds");
    record
}

fn mention(
    record: &Record,
    incident: &str,
    fused: &str,
    country: Option<&str>,
    days: Option<(i64, i64)>,
) -> MentionRecord {
    let key = format!("{}/{incident}", record.document.id);
    MentionRecord {
        key: key.clone(),
        document: record.document.id.clone(),
        fused_id: fused.to_string(),
        chain: key,
        country: country.map(str::to_string),
        days,
        data: format!("{{\"incident\":\"{incident}\"}}"),
    }
}

/// A stored extraction waits in the unfused queue until a fusion step marks it; a new
/// extraction puts it back and drops its mentions.
pub fn unfused_queue_follows_extractions(mut store: impl Store) {
    let record =
        stored_with_extraction(&mut store, "Gunmen attacked a concert hall near the capital.");
    let unfused = store.unfused_documents(10).expect("unfused");
    assert_eq!(unfused.len(), 1);
    assert_eq!(unfused[0].id, record.document.id);
    assert_eq!(unfused[0].extraction.incidents.len(), 1);
    let change = FusionChange {
        mentions: vec![mention(&record, "i1", "inc-a", Some("RU"), Some((100, 100)))],
        fused_documents: vec![record.document.id.clone()],
    };
    store.apply_fusion(&change).expect("fusion step");
    assert!(store.unfused_documents(10).expect("unfused").is_empty());
    assert_eq!(store.mentions().expect("mentions").len(), 1);
    let extraction = sample_extraction(&record.document);
    store.put_extraction(&record.document.id, &extraction, &extractor("2")).expect("replace");
    assert_eq!(store.unfused_documents(10).expect("unfused").len(), 1);
    assert!(store.mentions().expect("mentions").is_empty());
}

/// Candidates are the mentions of the country (or of none) whose days overlap the block.
pub fn mention_candidates_respect_country_and_days(mut store: impl Store) {
    let record = stored_with_extraction(&mut store, "A bomb went off at a market in the north.");
    let mentions = vec![
        mention(&record, "i1", "inc-1", Some("RU"), Some((100, 100))),
        mention(&record, "i2", "inc-2", Some("FR"), Some((100, 100))),
        mention(&record, "i3", "inc-3", None, Some((99, 101))),
        mention(&record, "i4", "inc-4", Some("RU"), Some((150, 150))),
        mention(&record, "i5", "inc-5", Some("RU"), Some((1, 365))),
        mention(&record, "i6", "inc-6", Some("RU"), None),
    ];
    let change = FusionChange { mentions, fused_documents: Vec::new() };
    store.apply_fusion(&change).expect("fusion step");
    let keys = |found: Vec<MentionRecord>| -> Vec<String> {
        found.into_iter().map(|m| m.key.rsplit('/').next().unwrap_or("").to_string()).collect()
    };
    assert_eq!(
        keys(store.mention_candidates(Some("RU"), 100, 100).expect("block")),
        ["i1", "i3", "i5"]
    );
    assert_eq!(
        keys(store.mention_candidates(None, 100, 100).expect("block")),
        ["i1", "i2", "i3", "i5"]
    );
    assert_eq!(keys(store.mention_candidates(Some("RU"), 140, 160).expect("block")), ["i4", "i5"]);
}

/// A chain's mentions are found by its name whatever fused incidents they sit in, and only
/// those: fusion reads a chain back whole when a new mention links to it.
pub fn mentions_in_chains_finds_every_member(mut store: impl Store) {
    let record = stored_with_extraction(&mut store, "Two blasts hit the old city within an hour.");
    let in_chain = |incident: &str, fused: &str, chain: &str| MentionRecord {
        chain: format!("{}/{chain}", record.document.id),
        ..mention(&record, incident, fused, Some("RU"), Some((7, 7)))
    };
    let change = FusionChange {
        mentions: vec![
            in_chain("i1", "inc-1", "i1"),
            in_chain("i2", "inc-2", "i1"),
            in_chain("i3", "inc-3", "i3"),
            in_chain("i4", "inc-4", "i4"),
        ],
        fused_documents: Vec::new(),
    };
    store.apply_fusion(&change).expect("fusion step");
    let chain = |incident: &str| format!("{}/{incident}", record.document.id);
    let keys = |found: Vec<MentionRecord>| -> Vec<String> {
        found.into_iter().map(|m| m.key.rsplit('/').next().unwrap_or("").to_string()).collect()
    };
    assert_eq!(keys(store.mentions_in_chains(&[chain("i1")]).expect("chain")), ["i1", "i2"]);
    assert_eq!(
        keys(store.mentions_in_chains(&[chain("i3"), chain("i1")]).expect("chains")),
        ["i1", "i2", "i3"]
    );
    assert!(store.mentions_in_chains(&[]).expect("no chains").is_empty());
}

/// A mention of a document that is not stored fails the step, and nothing of it is kept.
pub fn fusion_step_is_atomic(mut store: impl Store) {
    let record = stored_with_extraction(&mut store, "Troops raided a house on the edge of town.");
    let stranger = sample_record("This document was never stored anywhere at all.");
    let change = FusionChange {
        mentions: vec![
            mention(&record, "i1", "inc-1", None, None),
            mention(&stranger, "i1", "inc-9", None, None),
        ],
        fused_documents: vec![record.document.id.clone()],
    };
    assert!(matches!(store.apply_fusion(&change), Err(StoreError::NotFound(_))));
    assert!(store.mentions().expect("mentions").is_empty());
    assert_eq!(store.unfused_documents(10).expect("unfused").len(), 1);
}

/// A reset forgets mentions and queues every extraction again; edits survive it, in order.
pub fn reset_keeps_edits(mut store: impl Store) {
    let record = stored_with_extraction(&mut store, "An explosion hit a bus station at dawn.");
    let change = FusionChange {
        mentions: vec![mention(&record, "i1", "inc-1", None, Some((3, 3)))],
        fused_documents: vec![record.document.id.clone()],
    };
    store.apply_fusion(&change).expect("fusion step");
    let at = Utc.with_ymd_and_hms(2024, 3, 30, 12, 0, 0).single().expect("valid time");
    for why in ["same venue", "two toll figures"] {
        let edit = FusionEditRecord {
            seq: 0,
            edit: "{\"kind\":\"merge\"}".to_string(),
            author: "analyst".to_string(),
            at,
            why: why.to_string(),
        };
        store.put_fusion_edit(&edit).expect("edit");
    }
    store.reset_fusion().expect("reset");
    assert!(store.mentions().expect("mentions").is_empty());
    assert_eq!(store.unfused_documents(10).expect("unfused").len(), 1);
    let edits = store.fusion_edits().expect("edits");
    assert_eq!(
        edits.iter().map(|e| e.why.as_str()).collect::<Vec<_>>(),
        ["same venue", "two toll figures"]
    );
    assert!(edits[0].seq < edits[1].seq);
    assert_eq!(edits[0].at, at);
}
