//! The versioned schema: `migrations/NNNN_name.sql`, applied in order, each recorded in the
//! `vigil_migrations` table.
//!
//! PostgreSQL's DDL is transactional, so a migration and its record commit together or not at
//! all; an advisory lock taken in each migration's transaction keeps two processes from applying
//! the same one. A schema whose version is above [`SCHEMA_VERSION`] was written by a newer Vigil
//! and is refused rather than half-understood. Running the migrations again changes nothing.

use chrono::Utc;
use postgres::Client;
use vigil_store::{StoreError, StoreResult};

use crate::error::Context;
use crate::queries;
use crate::rows::timestamp_to_sql;

/// One schema change.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Migration {
    /// Its version, recorded in `vigil_migrations` once it is applied.
    pub(crate) version: i64,
    /// Its file name, for messages and the record.
    pub(crate) name: &'static str,
    /// The statements.
    pub(crate) sql: &'static str,
}

/// Every migration, oldest first; versions count up from 1 without gaps and match the SQLite
/// store's, so one number names one schema on both backends.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_initial.sql",
        sql: include_str!("../migrations/0001_initial.sql"),
    },
    Migration {
        version: 2,
        name: "0002_fusion.sql",
        sql: include_str!("../migrations/0002_fusion.sql"),
    },
    Migration {
        version: 3,
        name: "0003_grading_boards.sql",
        sql: include_str!("../migrations/0003_grading_boards.sql"),
    },
    Migration {
        version: 4,
        name: "0004_tokens.sql",
        sql: include_str!("../migrations/0004_tokens.sql"),
    },
    Migration {
        version: 5,
        name: "0005_mention_chains.sql",
        sql: include_str!("../migrations/0005_mention_chains.sql"),
    },
];

/// The schema version this build writes: the version of the last migration.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// Applies every migration the schema lacks, each in its own transaction; returns the schema
/// version afterwards.
pub(crate) fn migrate(client: &mut Client) -> StoreResult<i64> {
    let mut version = 0;
    for migration in MIGRATIONS {
        let mut transaction = client.transaction().context("cannot begin migration")?;
        transaction.execute(queries::MIGRATION_LOCK, &[]).context("cannot lock migrations")?;
        // Under the lock: two processes creating the table at once would otherwise race on the
        // catalog's unique index even with IF NOT EXISTS.
        transaction
            .batch_execute(queries::MIGRATIONS_TABLE)
            .context("cannot create migrations table")?;
        let found: i64 = transaction
            .query_one(queries::SCHEMA_VERSION, &[])
            .and_then(|row| row.try_get(0))
            .context("cannot read schema version")?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew { found, supported: SCHEMA_VERSION });
        }
        version = found;
        if found >= migration.version {
            continue;
        }
        transaction
            .batch_execute(migration.sql)
            .with_context(|| format!("cannot apply migration {}", migration.name))?;
        transaction
            .execute(
                queries::RECORD_MIGRATION,
                &[&migration.version, &migration.name, &timestamp_to_sql(Utc::now())],
            )
            .with_context(|| format!("cannot record migration {}", migration.name))?;
        transaction
            .commit()
            .with_context(|| format!("cannot commit migration {}", migration.name))?;
        version = migration.version;
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_count_up_from_one() {
        for (index, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(migration.version, index as i64 + 1, "{}", migration.name);
            assert!(migration.name.starts_with(&format!("{:04}_", migration.version)));
        }
    }
}
