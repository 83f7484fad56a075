//! The test database: `VIGIL_TEST_POSTGRES_URL`, or a skip when it is unset.

#![allow(dead_code, reason = "each test crate uses a part of it")]

use vigil_store_postgres::PostgresStore;

/// The test database's URL, or `None` after saying the test is skipped.
pub(crate) fn test_url() -> Option<String> {
    match std::env::var("VIGIL_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!("skipped: VIGIL_TEST_POSTGRES_URL unset");
            None
        }
    }
}

/// A fresh store in a scratch schema, or `None` when there is no test database.
pub(crate) fn scratch_store() -> Option<PostgresStore> {
    let url = test_url()?;
    Some(PostgresStore::open_scratch(&url).expect("scratch store opens"))
}
