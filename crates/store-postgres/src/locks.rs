//! The schema's advisory locks: fusion's and deduplication's. Session level, not transaction
//! level (the steps they guard span several transactions), so the server drops one when a
//! worker dies holding it; keyed by the schema, so that stores in other schemas of the database
//! (tests' scratch schemas) do not wait on each other. PostgreSQL counts a session's takes, so
//! a holder may take one again and must release it as often.

use postgres::Client;
use vigil_store::StoreResult;

use crate::error::Context;
use crate::queries;

/// Which lock.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Lock {
    /// Fusion steps ([`vigil_store::Store::lock_fusion`]).
    Fusion,
    /// Deduplication's check-and-store steps ([`vigil_store::Store::lock_dedup`]).
    Dedup,
}

/// Waits for and takes a lock.
pub(crate) fn take(client: &mut Client, lock: Lock) -> StoreResult<()> {
    let (statement, what) = match lock {
        Lock::Fusion => (queries::LOCK_FUSION, "cannot take the fusion lock"),
        Lock::Dedup => (queries::LOCK_DEDUP, "cannot take the deduplication lock"),
    };
    client.execute(statement, &[]).context(what)?;
    Ok(())
}

/// Releases a lock taken with [`take`].
pub(crate) fn release(client: &mut Client, lock: Lock) -> StoreResult<()> {
    let (statement, what) = match lock {
        Lock::Fusion => (queries::UNLOCK_FUSION, "cannot release the fusion lock"),
        Lock::Dedup => (queries::UNLOCK_DEDUP, "cannot release the deduplication lock"),
    };
    client.execute(statement, &[]).context(what)?;
    Ok(())
}
