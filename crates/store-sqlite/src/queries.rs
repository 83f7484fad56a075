//! Every SQL statement the store runs, each kept in its own `queries/*.sql` file so SQL is
//! reviewed as SQL; values always go in as bound parameters, never by formatting.

/// Connection pragmas: WAL, `synchronous = NORMAL`, foreign keys.
pub(crate) const CONNECTION_SETUP: &str = include_str!("../queries/connection_setup.sql");

/// Adds a source with the default grade unless it is known.
pub(crate) const INSERT_SOURCE: &str = include_str!("../queries/insert_source.sql");
/// Adds a document unless its id is stored, returning its seq.
pub(crate) const INSERT_DOCUMENT: &str = include_str!("../queries/insert_document.sql");
/// Indexes a batch's new documents for full-text search.
pub(crate) const INSERT_FTS: &str = include_str!("../queries/insert_fts.sql");
/// Records an origin of a document.
pub(crate) const INSERT_ORIGIN: &str = include_str!("../queries/insert_origin.sql");
/// Stores a MinHash signature.
pub(crate) const INSERT_MINHASH: &str = include_str!("../queries/insert_minhash.sql");
/// Stores one LSH band key of an original.
pub(crate) const INSERT_BAND: &str = include_str!("../queries/insert_band.sql");
/// Stores or replaces an extraction of a stored document.
pub(crate) const UPSERT_EXTRACTION: &str = include_str!("../queries/upsert_extraction.sql");
/// Sets a source's grade, creating the source if needed.
pub(crate) const UPSERT_SOURCE_RELIABILITY: &str =
    include_str!("../queries/upsert_source_reliability.sql");

/// The seq of a stored id, which the other tables are keyed by.
pub(crate) const DOCUMENT_SEQ: &str = include_str!("../queries/document_seq.sql");
/// Whether an id is stored.
pub(crate) const CONTAINS_DOCUMENT: &str = include_str!("../queries/contains_document.sql");
/// A whole document by id.
pub(crate) const SELECT_DOCUMENT: &str = include_str!("../queries/select_document.sql");
/// A document's origins, first first.
pub(crate) const SELECT_ORIGINS: &str = include_str!("../queries/select_origins.sql");
/// How many ids start with a prefix, and the least of them.
pub(crate) const RESOLVE_ID: &str = include_str!("../queries/resolve_id.sql");
/// The filtered, ordered document listing.
pub(crate) const LIST_DOCUMENTS: &str = include_str!("../queries/list_documents.sql");
/// Full-text search with BM25 ranking and snippets.
pub(crate) const SEARCH: &str = include_str!("../queries/search.sql");
/// Originals sharing a band key, with their signatures.
pub(crate) const NEAR_DUPLICATE_CANDIDATES: &str =
    include_str!("../queries/near_duplicate_candidates.sql");
/// A document's extraction.
pub(crate) const SELECT_EXTRACTION: &str = include_str!("../queries/select_extraction.sql");
/// A source by name.
pub(crate) const SELECT_SOURCE: &str = include_str!("../queries/select_source.sql");
/// Counts of what is stored.
pub(crate) const STATS: &str = include_str!("../queries/stats.sql");

/// Every stored extraction of an original document, oldest published first.
pub(crate) const LIST_EXTRACTIONS: &str = include_str!("../queries/list_extractions.sql");
