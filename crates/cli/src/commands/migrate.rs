//! `vigil migrate`: bring the store's schema up to date and say which version it is at.
//!
//! Opening a store migrates it already; this command exists so an operator can upgrade a shared
//! PostgreSQL database once, deliberately, before the workers that use it are restarted.

use std::process::ExitCode;

use anyhow::Context;
use vigil_store_postgres::PostgresStore;
use vigil_store_sqlite::SqliteStore;

use super::Backend;
use crate::Global;

pub(crate) fn run(global: &Global) -> anyhow::Result<ExitCode> {
    let label = super::store_label(global);
    let version = match super::backend(global) {
        Backend::Sqlite(path) => {
            // SQLite migrates on open, to the version this build writes.
            SqliteStore::open(path).with_context(|| format!("cannot migrate store {label}"))?;
            vigil_store_sqlite::SCHEMA_VERSION
        }
        Backend::Postgres(url) => PostgresStore::open(url)
            .and_then(|mut store| store.migrate())
            .with_context(|| format!("cannot migrate store {label}"))?,
    };
    // The work queue's tables live beside the store's in a PostgreSQL database.
    let queue_version = match super::backend(global) {
        Backend::Sqlite(_) => None,
        Backend::Postgres(_) => Some(super::queue::open_queue(global)?.migrate()?),
    };
    if global.json {
        crate::output::print_json(&serde_json::json!({
            "db": label, "schema_version": version, "queue_schema_version": queue_version
        }))?;
    } else if let Some(queue_version) = queue_version {
        crate::outln!("{label}: schema version {version}, queue schema version {queue_version}");
    } else {
        crate::outln!("{label}: schema version {version}");
    }
    Ok(ExitCode::SUCCESS)
}
