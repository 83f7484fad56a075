//! The store's cross-process locks held around a piece of work, released whatever happened.

use vigil_store::Store;

use crate::PipelineError;

/// Which of the store's locks.
#[derive(Debug, Clone, Copy)]
pub(crate) enum StoreLock {
    /// [`Store::lock_fusion`]: steps that write fused incidents.
    Fusion,
    /// [`Store::lock_dedup`]: the look for near-copies and the storing of a batch.
    Dedup,
}

/// Runs `work` holding `lock`, released whatever happened; an error from `work` is the one
/// worth reporting. PostgreSQL's advisory locks are re-entrant within a connection, so work
/// under a lock may call other work that takes it again.
pub(crate) fn holding<T>(
    store: &mut dyn Store,
    lock: StoreLock,
    work: impl FnOnce(&mut dyn Store) -> Result<T, PipelineError>,
) -> Result<T, PipelineError> {
    match lock {
        StoreLock::Fusion => store.lock_fusion()?,
        StoreLock::Dedup => store.lock_dedup()?,
    }
    let done = work(store);
    let released = match lock {
        StoreLock::Fusion => store.unlock_fusion(),
        StoreLock::Dedup => store.unlock_dedup(),
    };
    let value = done?;
    released?;
    Ok(value)
}
