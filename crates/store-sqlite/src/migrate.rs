//! The versioned schema: `migrations/NNNN_name.sql`, applied in order, tracked in
//! `PRAGMA user_version`.
//!
//! `user_version` lives in the database header and changes inside the same transaction as the
//! migration, so a migration is either fully applied and counted or not at all. A store whose
//! version is above [`SCHEMA_VERSION`] was written by a newer Vigil and is refused rather than
//! half-understood.

use rusqlite::{Connection, TransactionBehavior};
use vigil_store::{StoreError, StoreResult};

use crate::error::Context;

/// One schema change.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Migration {
    /// Its version: the store's `user_version` once it is applied.
    pub(crate) version: i64,
    /// Its file name, for error messages.
    pub(crate) name: &'static str,
    /// The statements.
    pub(crate) sql: &'static str,
}

/// Every migration, oldest first; versions count up from 1 without gaps.
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

/// The schema version of the store on `connection` (0 for a new, empty one).
pub(crate) fn schema_version(connection: &Connection) -> StoreResult<i64> {
    connection
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .context("cannot read schema version")
}

/// Applies every migration the store lacks, each in its own transaction.
pub(crate) fn migrate(connection: &mut Connection) -> StoreResult<()> {
    for migration in MIGRATIONS {
        // IMMEDIATE takes the write lock before reading the version, so two processes opening a
        // new file at once cannot both apply the same migration.
        let transaction = connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context("cannot begin migration")?;
        let found = schema_version(&transaction)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew { found, supported: SCHEMA_VERSION });
        }
        if found >= migration.version {
            continue;
        }
        transaction
            .execute_batch(migration.sql)
            .with_context(|| format!("cannot apply migration {}", migration.name))?;
        transaction
            .pragma_update(None, "user_version", migration.version)
            .with_context(|| format!("cannot record migration {}", migration.name))?;
        transaction
            .commit()
            .with_context(|| format!("cannot commit migration {}", migration.name))?;
    }
    Ok(())
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
