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

/// Documents whose extraction is not fused yet.
pub(crate) const UNFUSED_DOCUMENTS: &str = include_str!("../queries/unfused_documents.sql");
/// Mentions in a block of any country.
pub(crate) const MENTION_CANDIDATES: &str = include_str!("../queries/mention_candidates.sql");
/// Mentions in a block of a known country.
pub(crate) const MENTION_CANDIDATES_IN_COUNTRY: &str =
    include_str!("../queries/mention_candidates_in_country.sql");
/// The mentions of one fused incident.
pub(crate) const MENTIONS_OF_FUSED: &str = include_str!("../queries/mentions_of_fused.sql");
pub(crate) const MENTIONS_IN_CHAIN: &str = include_str!("../queries/mentions_in_chain.sql");
/// Every mention.
pub(crate) const LIST_MENTIONS: &str = include_str!("../queries/list_mentions.sql");
/// Joins one fused incident into another.
/// Stores or replaces a mention.
pub(crate) const UPSERT_MENTION: &str = include_str!("../queries/upsert_mention.sql");
/// Marks a document's extraction fused.
pub(crate) const MARK_FUSED: &str = include_str!("../queries/mark_fused.sql");
/// Forgets every mention.
pub(crate) const RESET_FUSION: &str = include_str!("../queries/reset_fusion.sql");
/// Drops a document's mentions (its extraction changed).
pub(crate) const DELETE_DOCUMENT_MENTIONS: &str =
    include_str!("../queries/delete_document_mentions.sql");
/// Records an analyst's edit.
pub(crate) const INSERT_FUSION_EDIT: &str = include_str!("../queries/insert_fusion_edit.sql");
/// Every edit, oldest first.
pub(crate) const LIST_FUSION_EDITS: &str = include_str!("../queries/list_fusion_edits.sql");

/// A claim's credibility.
pub(crate) const SELECT_CLAIM_GRADE: &str = include_str!("../queries/select_claim_grade.sql");
/// Sets a claim's credibility.
pub(crate) const UPSERT_CLAIM_GRADE: &str = include_str!("../queries/upsert_claim_grade.sql");
/// Records a change of grade.
pub(crate) const INSERT_GRADE_HISTORY: &str = include_str!("../queries/insert_grade_history.sql");
/// One target's changes of grade, oldest first.
pub(crate) const LIST_GRADE_HISTORY: &str = include_str!("../queries/list_grade_history.sql");
/// Stores a new board.
pub(crate) const INSERT_BOARD: &str = include_str!("../queries/insert_board.sql");
/// Replaces a board.
pub(crate) const UPDATE_BOARD: &str = include_str!("../queries/update_board.sql");
/// A board by id.
pub(crate) const SELECT_BOARD: &str = include_str!("../queries/select_board.sql");
/// Every board.
pub(crate) const LIST_BOARDS: &str = include_str!("../queries/list_boards.sql");

/// Stores a token's digest.
pub(crate) const INSERT_TOKEN: &str = include_str!("../queries/insert_token.sql");
/// The token with a digest.
pub(crate) const SELECT_TOKEN_BY_DIGEST: &str =
    include_str!("../queries/select_token_by_digest.sql");
/// Every token.
pub(crate) const LIST_TOKENS: &str = include_str!("../queries/list_tokens.sql");
