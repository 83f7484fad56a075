//! Turning rusqlite errors into [`StoreError`]s that say what the store was doing.
//!
//! The trait exposes no rusqlite types, so every backend failure becomes
//! [`StoreError::Backend`] with a lowercase context in front of SQLite's own message.

use vigil_store::StoreError;

/// Adds context to a rusqlite result, turning its error into [`StoreError::Backend`].
pub(crate) trait Context<T> {
    /// Prefixes the error with `what` (lowercase, no final period).
    fn context(self, what: &str) -> Result<T, StoreError>;

    /// Like [`Context::context`], building the message only on failure.
    fn with_context(self, what: impl FnOnce() -> String) -> Result<T, StoreError>;
}

impl<T> Context<T> for rusqlite::Result<T> {
    fn context(self, what: &str) -> Result<T, StoreError> {
        self.map_err(|error| backend(what, &error))
    }

    fn with_context(self, what: impl FnOnce() -> String) -> Result<T, StoreError> {
        self.map_err(|error| backend(&what(), &error))
    }
}

/// A backend error: `what` failed because of `error`.
pub(crate) fn backend(what: &str, error: &dyn std::fmt::Display) -> StoreError {
    StoreError::Backend(format!("{what}: {error}"))
}
