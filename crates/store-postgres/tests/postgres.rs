//! PostgreSQL-specific behaviour the shared suite cannot see: reopening a schema, migrations run
//! twice, a schema from a newer Vigil, stemming, a bad URL, and the fusion lock. Skipped without
//! `VIGIL_TEST_POSTGRES_URL`.

#![allow(clippy::unwrap_used, reason = "tests")]

mod common;

use vigil_store::conformance::sample_record;
use vigil_store::{Store, StoreError, StoreResult};
use vigil_store_postgres::{PostgresStore, SCHEMA_VERSION, is_postgres_url};

/// The URL of the scratch store's schema, for a second connection to it.
fn url_of_schema(url: &str, schema: &str) -> String {
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}options=-csearch_path%3D{schema}")
}

#[test]
fn reopening_keeps_data_and_migrating_again_changes_nothing() {
    let Some(url) = common::test_url() else { return };
    let mut store = PostgresStore::open_scratch(&url).unwrap();
    let record = sample_record("Militants attacked a checkpoint near the border.");
    store.put_records(std::slice::from_ref(&record)).unwrap();
    assert_eq!(store.migrate().unwrap(), SCHEMA_VERSION);
    let schema = store.scratch_schema().unwrap().to_string();
    let mut again = PostgresStore::open(&url_of_schema(&url, &schema)).unwrap();
    assert_eq!(again.migrate().unwrap(), SCHEMA_VERSION);
    assert!(again.contains(&record.document.id).unwrap());
    assert_eq!(again.stats().unwrap().documents, 1);
}

#[test]
fn a_newer_schema_is_refused() {
    let Some(url) = common::test_url() else { return };
    let store = PostgresStore::open_scratch(&url).unwrap();
    let schema = store.scratch_schema().unwrap().to_string();
    let mut client =
        postgres::Client::connect(&url_of_schema(&url, &schema), postgres::NoTls).unwrap();
    client
        .execute(
            "INSERT INTO vigil_migrations (version, name, applied_at) VALUES ($1, 'future', 'now')",
            &[&(SCHEMA_VERSION + 1)],
        )
        .unwrap();
    match PostgresStore::open(&url_of_schema(&url, &schema)) {
        Err(StoreError::SchemaTooNew { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
    drop(client);
    drop(store);
}

#[test]
fn search_stems_english_words() {
    let Some(url) = common::test_url() else { return };
    let mut store = PostgresStore::open_scratch(&url).unwrap();
    let record = sample_record("Gunmen attacked the concert hall; officials are investigating.");
    store.put_records(std::slice::from_ref(&record)).unwrap();
    for query in ["attack", "attacks", "investigated", "the concert", "\"concert hall\"", "offic*"]
    {
        let hits = store.search(query, 10).unwrap();
        assert_eq!(hits.len(), 1, "{query:?}");
    }
}

#[test]
fn bad_urls_fail_with_a_message_and_no_password() {
    assert!(is_postgres_url("postgres://host/db") && is_postgres_url("postgresql://host/db"));
    assert!(!is_postgres_url("vigil.db"));
    let error = PostgresStore::open("postgres://vigil:secret@127.0.0.1:1/nothing").unwrap_err();
    let message = error.to_string();
    assert!(message.starts_with("cannot connect to"), "{message}");
    assert!(!message.contains("secret"), "{message}");
}

#[test]
fn processes_opening_one_new_schema_at_once_migrate_it_once() {
    let Some(url) = common::test_url() else { return };
    let store = PostgresStore::open_scratch(&url).unwrap();
    let schema = store.scratch_schema().unwrap().to_string();
    // An empty schema of its own, which the threads below all find new at once.
    let fresh = format!("{schema}_fresh");
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client.batch_execute(&format!("CREATE SCHEMA \"{fresh}\"")).unwrap();
    let fresh_url = url_of_schema(&url, &fresh);
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let fresh_url = fresh_url.clone();
            std::thread::spawn(move || PostgresStore::open(&fresh_url).map(|_| ()))
        })
        .collect();
    for thread in threads {
        thread.join().unwrap().unwrap();
    }
    let mut reopened = PostgresStore::open(&fresh_url).unwrap();
    assert_eq!(reopened.migrate().unwrap(), SCHEMA_VERSION);
    drop(reopened);
    client.batch_execute(&format!("DROP SCHEMA \"{fresh}\" CASCADE")).unwrap();
}

/// A store lock's take and release, by name.
type LockCalls =
    (fn(&mut PostgresStore) -> StoreResult<()>, fn(&mut PostgresStore) -> StoreResult<()>);

fn holds_other_connections_until_released(name: &str, (take, release): LockCalls) {
    let Some(url) = common::test_url() else { return };
    let mut store = PostgresStore::open_scratch(&url).unwrap();
    let schema_url = url_of_schema(&url, store.scratch_schema().unwrap());
    take(&mut store).unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let mut other = PostgresStore::open(&schema_url).unwrap();
        take(&mut other).unwrap();
        sender.send(()).unwrap();
        release(&mut other).unwrap();
    });
    let timeout = std::time::Duration::from_millis(300);
    assert!(receiver.recv_timeout(timeout).is_err(), "{name} lock taken while held");
    release(&mut store).unwrap();
    receiver.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
    waiter.join().unwrap();
}

#[test]
fn the_fusion_lock_holds_other_connections_until_released() {
    holds_other_connections_until_released("fusion", (|s| s.lock_fusion(), |s| s.unlock_fusion()));
}

#[test]
fn the_dedup_lock_holds_other_connections_until_released() {
    holds_other_connections_until_released("dedup", (|s| s.lock_dedup(), |s| s.unlock_dedup()));
}
