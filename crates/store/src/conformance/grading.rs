//! Checks of grading (two separate axes, each with its history) and boards.

use chrono::{TimeZone, Utc};
use vigil_domain::Reliability;

use crate::{GradeNote, GradeTarget, Store, StoreError};

fn note(why: &str, minute: u32) -> GradeNote {
    GradeNote {
        author: "analyst".to_string(),
        at: Utc.with_ymd_and_hms(2024, 3, 30, 12, minute, 0).single().expect("valid time"),
        why: why.to_string(),
    }
}

/// Grading a source sets its reliability and records old and new grade, who, when and why.
pub fn source_grades_keep_their_history(mut store: impl Store) {
    store.grade_source("Caspian Monitor", Reliability::B, &note("long record", 1)).expect("grade");
    store
        .grade_source("Caspian Monitor", Reliability::C, &note("one retraction", 2))
        .expect("grade");
    let source = store.source("Caspian Monitor").expect("source").expect("stored");
    assert_eq!(source.reliability, Reliability::C);
    let history = store.grade_history(GradeTarget::Source, "Caspian Monitor").expect("history");
    let steps: Vec<(Option<&str>, &str, &str)> = history
        .iter()
        .map(|change| (change.old.as_deref(), change.new.as_str(), change.note.why.as_str()))
        .collect();
    assert_eq!(steps, [(None, "B", "long record"), (Some("B"), "C", "one retraction")]);
    assert_eq!(history[1].note, note("one retraction", 2));
    assert!(
        store.grade_history(GradeTarget::Claim, "Caspian Monitor").expect("history").is_empty()
    );
}

/// A claim's credibility is its own axis: grading it changes no source, and 7 is refused.
pub fn claim_grades_are_a_separate_axis(mut store: impl Store) {
    let claim = "0123456789abcdef/c2";
    assert_eq!(store.claim_credibility(claim).expect("read"), None);
    store.grade_claim(claim, 2, &note("confirmed by video", 3)).expect("grade");
    store.grade_claim(claim, 3, &note("video edited", 4)).expect("grade");
    assert_eq!(store.claim_credibility(claim).expect("read"), Some(3));
    let history = store.grade_history(GradeTarget::Claim, claim).expect("history");
    assert_eq!(history.len(), 2);
    assert_eq!((history[1].old.as_deref(), history[1].new.as_str()), (Some("2"), "3"));
    assert!(store.grade_claim(claim, 7, &note("no such grade", 5)).is_err());
    assert_eq!(store.claim_credibility(claim).expect("read"), Some(3));
    assert_eq!(store.stats().expect("stats").sources, 0);
}

/// Boards are stored, replaced and listed; an unknown board is not found.
pub fn boards_round_trip(mut store: impl Store) {
    let first = store.put_board(None, "Crocus", "{\"name\":\"Crocus\"}", "{}").expect("put");
    let second = store.put_board(None, "Kerman", "{\"name\":\"Kerman\"}", "{}").expect("put");
    assert_ne!(first, second);
    store
        .put_board(
            Some(first),
            "Crocus: who",
            "{\"name\":\"Crocus: who\"}",
            "{\"a/c1\":\"accepted\"}",
        )
        .expect("replace");
    let board = store.board(first).expect("read").expect("stored");
    assert_eq!(board.name, "Crocus: who");
    assert_eq!(board.decisions, "{\"a/c1\":\"accepted\"}");
    assert!(board.updated_at >= board.created_at);
    let names: Vec<String> = store.boards().expect("list").into_iter().map(|b| b.name).collect();
    assert_eq!(names, ["Crocus: who", "Kerman"]);
    assert_eq!(store.board(second + 100).expect("read"), None);
    assert!(matches!(
        store.put_board(Some(second + 100), "x", "{}", "{}"),
        Err(StoreError::NotFound(_))
    ));
}
