//! SQLite-specific behaviour the shared suite cannot see: files, migrations, pragmas, rollback
//! of a batch failing midway, the FTS5 tokenizer's stemming and folding, and index integrity.

#![allow(clippy::unwrap_used, reason = "tests")]

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use vigil_domain::{DocumentId, DuplicateLink};
use vigil_store::conformance::{sample_record, texts_with_shared_id_prefix};
use vigil_store::{PutOutcome, Record, Store, StoreError, StoreStats};
use vigil_store_sqlite::{SCHEMA_VERSION, SqliteStore};

fn store_path(directory: &tempfile::TempDir) -> PathBuf {
    directory.path().join("vigil.db")
}

/// A plain connection to the store file, to look under the trait.
fn raw_connection(path: &Path) -> Connection {
    Connection::open(path).unwrap()
}

fn records(count: usize) -> Vec<Record> {
    (0..count)
        .map(|index| sample_record(&format!("Report {index}: militants attacked a checkpoint.")))
        .collect()
}

#[test]
fn file_store_reopens_with_data_intact() {
    let directory = tempfile::tempdir().unwrap();
    let path = store_path(&directory);
    let batch = records(3);
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.put_records(&batch).unwrap();
        store.set_source_reliability("Amaq", vigil_domain::Reliability::E).unwrap();
    }
    let mut store = SqliteStore::open(&path).unwrap();
    for record in &batch {
        let stored = store.document(&record.document.id).unwrap().unwrap();
        let mut expected = record.document.clone();
        expected.ingested_at = stored.ingested_at;
        assert_eq!(stored, expected);
    }
    assert_eq!(store.search("checkpoint", 10).unwrap().len(), 3);
    assert_eq!(
        store.stats().unwrap(),
        StoreStats { documents: 3, near_duplicates: 0, extractions: 0, sources: 2 }
    );
    assert_eq!(store.put_records(&batch).unwrap(), [PutOutcome::AlreadyStored; 3]);
}

#[test]
fn grading_history_survives_a_restart() {
    let directory = tempfile::tempdir().unwrap();
    let path = store_path(&directory);
    let note = vigil_store::GradeNote {
        author: "analyst".to_string(),
        at: chrono::Utc::now(),
        why: "state outlet".to_string(),
    };
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.grade_source("Amaq", vigil_domain::Reliability::E, &note).unwrap();
        store.grade_claim("0123456789abcdef/c1", 5, &note).unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    let history = store.grade_history(vigil_store::GradeTarget::Source, "Amaq").unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].new, "E");
    assert_eq!(store.claim_credibility("0123456789abcdef/c1").unwrap(), Some(5));
}

#[test]
fn migrations_run_once_and_record_the_version() {
    let directory = tempfile::tempdir().unwrap();
    let path = store_path(&directory);
    drop(SqliteStore::open(&path).unwrap());
    let objects = |connection: &Connection| -> i64 {
        connection.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0)).unwrap()
    };
    let before = objects(&raw_connection(&path));
    // Reopening must not re-run a migration (its CREATE TABLEs would fail) nor add anything.
    drop(SqliteStore::open(&path).unwrap());
    drop(SqliteStore::open(&path).unwrap());
    let connection = raw_connection(&path);
    assert_eq!(objects(&connection), before);
    let version: i64 =
        connection.pragma_query_value(None, "user_version", |row| row.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn store_written_by_a_newer_vigil_is_refused() {
    let directory = tempfile::tempdir().unwrap();
    let path = store_path(&directory);
    drop(SqliteStore::open(&path).unwrap());
    raw_connection(&path).pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    match SqliteStore::open(&path) {
        Err(StoreError::SchemaTooNew { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected schema too new, got {other:?}"),
    }
}

#[test]
fn file_store_uses_wal() {
    let directory = tempfile::tempdir().unwrap();
    let path = store_path(&directory);
    let _store = SqliteStore::open(&path).unwrap();
    // journal_mode = WAL is persistent in the file, so a fresh connection sees it.
    let mode: String =
        raw_connection(&path).pragma_query_value(None, "journal_mode", |row| row.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn two_handles_on_one_file_see_each_other() {
    let directory = tempfile::tempdir().unwrap();
    let path = store_path(&directory);
    let mut writer = SqliteStore::open(&path).unwrap();
    let reader = SqliteStore::open(&path).unwrap();
    let batch = records(2);
    writer.put_records(&batch).unwrap();
    assert!(reader.contains(&batch[1].document.id).unwrap());
}

#[test]
fn batch_failing_midway_rolls_back_everything() {
    let directory = tempfile::tempdir().unwrap();
    let path = store_path(&directory);
    drop(SqliteStore::open(&path).unwrap());
    // A trigger makes the third record of the batch fail after two were written.
    raw_connection(&path)
        .execute_batch(
            "CREATE TRIGGER poison BEFORE INSERT ON documents WHEN new.title = 'poison'
             BEGIN SELECT RAISE(ABORT, 'poisoned record'); END;",
        )
        .unwrap();
    let mut store = SqliteStore::open(&path).unwrap();
    let mut batch = records(4);
    batch[2].document.title = Some("poison".to_string());
    batch[0].extraction = Some((
        vigil_store::conformance::sample_extraction(&batch[0].document),
        vigil_store::conformance::extractor("1"),
    ));
    let error = store.put_records(&batch).unwrap_err();
    assert!(
        matches!(&error, StoreError::Backend(message) if message.contains("poisoned")),
        "{error}"
    );
    assert_eq!(store.stats().unwrap(), StoreStats::default());
    let connection = raw_connection(&path);
    for table in ["documents", "document_origins", "minhash", "lsh_bands", "extractions", "sources"]
    {
        let rows: i64 = connection
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| row.get(0))
            .unwrap();
        assert_eq!(rows, 0, "{table}");
    }
    assert!(store.search("checkpoint", 10).unwrap().is_empty());
}

#[test]
fn dangling_duplicate_link_names_the_cause() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut record = sample_record("A bomb exploded at the railway station.");
    record.document.duplicate_of =
        Some(DuplicateLink { original: DocumentId::from_text("never stored"), similarity: 0.9 });
    let error = store.put_records(&[record]).unwrap_err().to_string();
    assert!(error.contains("near-duplicate's original"), "{error}");
}

#[test]
fn near_duplicate_may_come_before_its_original_in_a_batch() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let original = sample_record("Gunmen opened fire at the concert hall.");
    let mut copy = sample_record("Gunmen opened fire at the concert hall, police said.");
    copy.document.duplicate_of =
        Some(DuplicateLink { original: original.document.id.clone(), similarity: 0.8 });
    store.put_records(&[copy, original]).unwrap();
    assert_eq!(store.stats().unwrap().near_duplicates, 1);
}

#[test]
fn fts_index_stays_consistent_with_documents() {
    let directory = tempfile::tempdir().unwrap();
    let path = store_path(&directory);
    let mut store = SqliteStore::open(&path).unwrap();
    let batch = records(20);
    store.put_records(&batch[..10]).unwrap();
    // Stored and new documents interleaved: only the new ones may be indexed, each once.
    let mixed: Vec<Record> = batch.iter().rev().cloned().collect();
    let outcomes = store.put_records(&mixed).unwrap();
    assert_eq!(outcomes.iter().filter(|outcome| **outcome == PutOutcome::Inserted).count(), 10);
    let (first, second) = texts_with_shared_id_prefix(4);
    store.put_records(&[sample_record(&first), sample_record(&second)]).unwrap();
    assert_eq!(store.search("militants", 100).unwrap().len(), 20);
    assert_eq!(store.search("situation report", 100).unwrap().len(), 2);
    // FTS5's own check that the index matches the external content table.
    raw_connection(&path)
        .execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')", [])
        .unwrap();
}

fn store_with(texts: &[&str]) -> (SqliteStore, Vec<DocumentId>) {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let batch: Vec<Record> = texts.iter().map(|text| sample_record(text)).collect();
    store.put_records(&batch).unwrap();
    (store, batch.into_iter().map(|record| record.document.id).collect())
}

fn hits(store: &SqliteStore, query: &str) -> Vec<DocumentId> {
    store.search(query, 10).unwrap().into_iter().map(|hit| hit.id).collect()
}

#[test]
fn search_stems_english_words() {
    let (store, ids) = store_with(&["Militants attacked the convoy twice before dawn."]);
    assert_eq!(hits(&store, "attacks"), ids);
    assert_eq!(hits(&store, "attacking convoys"), ids);
}

#[test]
fn search_folds_case_and_diacritics() {
    let (store, ids) = store_with(&["Protests spread through São Paulo and Zürich on Monday."]);
    assert_eq!(hits(&store, "sao paulo"), ids);
    assert_eq!(hits(&store, "ZURICH"), ids);
}

#[test]
fn search_prefix_finds_inflected_russian() {
    let (store, ids) = store_with(&["Стрельба в Красногорске: погибли люди."]);
    assert_eq!(hits(&store, "красногорск"), []);
    assert_eq!(hits(&store, "красногорск*"), ids);
}

#[test]
fn snippet_of_a_long_text_is_a_passage_with_ellipses() {
    let filler = "Officials gave no further details about the situation in the region. ".repeat(8);
    let text = format!("{filler}Witnesses described the gunmen as wearing camouflage. {filler}");
    let (store, _) = store_with(&[&text]);
    let hit = &store.search("camouflage", 1).unwrap()[0];
    assert!(hit.snippet.contains("[camouflage]"), "{:?}", hit.snippet);
    assert!(hit.snippet.starts_with('…') && hit.snippet.ends_with('…'), "{:?}", hit.snippet);
    assert!(hit.snippet.split_whitespace().count() <= 20, "{:?}", hit.snippet);
}
