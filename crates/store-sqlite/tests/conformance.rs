//! The shared `Store` conformance suite, run against an in-memory SQLite store.

vigil_store::store_conformance_suite!(
    vigil_store_sqlite::SqliteStore::open_in_memory().expect("store opens")
);
