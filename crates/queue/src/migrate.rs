//! The queue's versioned schema: `migrations/NNNN_name.sql`, recorded in
//! `vigil_queue_migrations`, each applied in one transaction under the store's migration lock
//! (so `vigil migrate` and processes opening the database at once never apply one twice).

use postgres::Client;

use crate::postgres::Context;
use crate::{QueueError, QueueResult, queries};

/// Every queue migration, oldest first; versions count up from 1.
const MIGRATIONS: &[(i64, &str, &str)] =
    &[(1, "0001_queue.sql", include_str!("../migrations/0001_queue.sql"))];

/// The queue schema version this build writes.
pub const QUEUE_SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// Applies what the database lacks; returns the queue schema version.
pub(crate) fn migrate(client: &mut Client) -> QueueResult<i64> {
    let mut version = 0;
    for &(number, name, sql) in MIGRATIONS {
        let mut transaction = client.transaction().context("cannot begin queue migration")?;
        transaction.execute(queries::MIGRATION_LOCK, &[]).context("cannot lock migrations")?;
        transaction
            .batch_execute(queries::MIGRATIONS_TABLE)
            .context("cannot create queue migrations table")?;
        let found: i64 = transaction
            .query_one(queries::SCHEMA_VERSION, &[])
            .and_then(|row| row.try_get(0))
            .context("cannot read queue schema version")?;
        if found > QUEUE_SCHEMA_VERSION {
            return Err(QueueError::SchemaTooNew { found, supported: QUEUE_SCHEMA_VERSION });
        }
        version = found;
        if found >= number {
            continue;
        }
        transaction.batch_execute(sql).with_context(|| format!("cannot apply {name}"))?;
        transaction
            .execute(queries::RECORD_MIGRATION, &[&number, &name])
            .with_context(|| format!("cannot record {name}"))?;
        transaction.commit().with_context(|| format!("cannot commit {name}"))?;
        version = number;
    }
    Ok(version)
}
