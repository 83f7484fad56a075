//! The errors of the PostgreSQL store, turned into [`StoreError`]s at the trait boundary.
//!
//! The trait exposes no `postgres` types, so every failure becomes a [`StoreError`] whose message
//! says what the store was doing, then what PostgreSQL said.

use vigil_store::StoreError;

/// What went wrong in the PostgreSQL store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PostgresError {
    /// The connection string does not parse.
    #[error("invalid postgres url {url}: {source}")]
    InvalidUrl {
        /// The URL, without its password.
        url: String,
        /// Why it does not parse.
        source: postgres::Error,
    },
    /// The server could not be reached or refused the login.
    #[error("cannot connect to {url}: {source}")]
    Connect {
        /// The URL, without its password.
        url: String,
        /// Why.
        source: postgres::Error,
    },
    /// A statement failed.
    #[error("{what}: {source}")]
    Query {
        /// What the store was doing (lowercase, no final period).
        what: String,
        /// PostgreSQL's error.
        source: postgres::Error,
    },
}

impl From<PostgresError> for StoreError {
    fn from(error: PostgresError) -> StoreError {
        StoreError::Backend(error.to_string())
    }
}

/// Adds context to a `postgres` result, turning its error into a [`StoreError`].
pub(crate) trait Context<T> {
    /// Prefixes the error with `what` (lowercase, no final period).
    fn context(self, what: &str) -> Result<T, StoreError>;

    /// Like [`Context::context`], building the message only on failure.
    fn with_context(self, what: impl FnOnce() -> String) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, postgres::Error> {
    fn context(self, what: &str) -> Result<T, StoreError> {
        self.map_err(|source| PostgresError::Query { what: what.to_string(), source }.into())
    }

    fn with_context(self, what: impl FnOnce() -> String) -> Result<T, StoreError> {
        self.map_err(|source| PostgresError::Query { what: what(), source }.into())
    }
}

/// The URL with any password replaced by `***`, for messages.
pub(crate) fn redact(url: &str) -> String {
    // postgres://user:password@host/...: the password sits between the first ':' after the
    // scheme and the '@' that ends the user part.
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((user_part, host_part)) = rest.split_once('@') else {
        return url.to_string();
    };
    match user_part.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host_part}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://vigil:secret@host:5432/db"),
            "postgres://vigil:***@host:5432/db"
        );
        assert_eq!(redact("postgres://vigil@host/db"), "postgres://vigil@host/db");
        assert_eq!(redact("postgresql://host/db"), "postgresql://host/db");
    }
}
