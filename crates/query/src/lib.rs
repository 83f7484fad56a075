//! What Vigil's readers ask of a store, answered once for every front end: the `vigil` command
//! and the HTTP server call the same functions, so a listing means the same in both.
//!
//! - [`fused`]: fused incidents rebuilt from stored mentions with analysts' values applied
//!   ([`fused::Stored`], [`fused::load`], [`fused::find`]);
//! - [`filters`]: the filters every listing takes ([`Filters`]) and incident ordering;
//! - [`listings`]: claims, actors and timeline entries with their filters;
//! - [`profile`]: one actor's profile;
//! - [`alerts`]: escalation alerts as of a day;
//! - [`boards`]: a stored board parsed, and its scores laid beside it.
//!
//! ```
//! use vigil_store_sqlite::SqliteStore;
//!
//! let store = SqliteStore::open_in_memory()?;
//! let incidents = vigil_query::fused::load(&store)?;
//! assert!(incidents.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod alerts;
pub mod boards;
pub mod filters;
pub mod fused;
pub mod listings;
pub mod profile;

pub use filters::{Filters, serde_value};

/// Errors of a query: the store failed, something stored does not parse, or an id names
/// nothing (or too much).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] vigil_store::StoreError),
    /// A stored value does not parse.
    #[error("{what} does not parse")]
    Corrupt {
        /// What was read.
        what: String,
        /// Why it does not parse.
        #[source]
        source: serde_json::Error,
    },
    /// Nothing matches.
    #[error("{0}")]
    NotFound(String),
    /// More than one thing matches.
    #[error("{0}")]
    Ambiguous(String),
    /// A stored board breaks the board file's rules.
    #[error(transparent)]
    Board(#[from] vigil_board::BoardError),
}

/// Result alias for queries.
pub type QueryResult<T> = Result<T, QueryError>;
