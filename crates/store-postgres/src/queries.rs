//! Every SQL statement the store runs, each kept in its own `queries/*.sql` file so SQL is
//! reviewed as SQL; values always go in as bound parameters, never by formatting.

/// Creates the migrations table when missing.
pub(crate) const MIGRATIONS_TABLE: &str = include_str!("../queries/migrations_table.sql");
/// Serialises migrations across processes until the transaction ends.
pub(crate) const MIGRATION_LOCK: &str = include_str!("../queries/migration_lock.sql");
/// The highest migration applied (0 for a new schema).
pub(crate) const SCHEMA_VERSION: &str = include_str!("../queries/schema_version.sql");
/// Records an applied migration.
pub(crate) const RECORD_MIGRATION: &str = include_str!("../queries/record_migration.sql");
/// Adds a source with the default grade unless it is known.
pub(crate) const INSERT_SOURCE: &str = include_str!("../queries/insert_source.sql");
/// Adds a document unless its id is stored, returning its seq.
pub(crate) const INSERT_DOCUMENT: &str = include_str!("../queries/insert_document.sql");
/// Records an origin of a document.
pub(crate) const INSERT_ORIGIN: &str = include_str!("../queries/insert_origin.sql");
/// Stores a MinHash signature.
pub(crate) const INSERT_MINHASH: &str = include_str!("../queries/insert_minhash.sql");
/// Stores a batch's LSH band keys, in one statement.
pub(crate) const INSERT_BANDS: &str = include_str!("../queries/insert_bands.sql");
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
/// Full-text search with ts_rank ranking and ts_headline snippets.
pub(crate) const SEARCH: &str = include_str!("../queries/search.sql");
/// Originals sharing a band key, with their signatures.
pub(crate) const NEAR_DUPLICATE_CANDIDATES: &str =
    include_str!("../queries/near_duplicate_candidates.sql");
/// A document's extraction.
pub(crate) const SELECT_EXTRACTION: &str = include_str!("../queries/select_extraction.sql");
/// A source by name.
pub(crate) const SELECT_SOURCE: &str = include_str!("../queries/select_source.sql");
/// A source's grade, locked for a change.
pub(crate) const LOCK_SOURCE: &str = include_str!("../queries/lock_source.sql");
/// Counts of what is stored.
pub(crate) const STATS: &str = include_str!("../queries/stats.sql");
/// Every stored extraction of an original document, oldest published first.
pub(crate) const LIST_EXTRACTIONS: &str = include_str!("../queries/list_extractions.sql");
/// Documents whose extraction is not fused yet.
pub(crate) const UNFUSED_DOCUMENTS: &str = include_str!("../queries/unfused_documents.sql");
/// Mentions in a block.
pub(crate) const MENTION_CANDIDATES: &str = include_str!("../queries/mention_candidates.sql");
/// The mentions of some fused incidents.
pub(crate) const MENTIONS_OF_FUSED: &str = include_str!("../queries/mentions_of_fused.sql");
pub(crate) const MENTIONS_IN_CHAIN: &str = include_str!("../queries/mentions_in_chain.sql");
/// Every mention.
pub(crate) const LIST_MENTIONS: &str = include_str!("../queries/list_mentions.sql");
/// Joins one fused incident into another.
/// Stores or replaces a mention.
pub(crate) const UPSERT_MENTION: &str = include_str!("../queries/upsert_mention.sql");
/// Marks a document's extraction fused.
pub(crate) const MARK_FUSED: &str = include_str!("../queries/mark_fused.sql");
/// Waits for and takes the schema's fusion lock (session level).
pub(crate) const LOCK_FUSION: &str = include_str!("../queries/lock_fusion.sql");
/// Releases the schema's fusion lock.
pub(crate) const UNLOCK_FUSION: &str = include_str!("../queries/unlock_fusion.sql");
/// Waits for and takes the schema's deduplication lock (session level).
pub(crate) const LOCK_DEDUP: &str = include_str!("../queries/lock_dedup.sql");
/// Releases the schema's deduplication lock.
pub(crate) const UNLOCK_DEDUP: &str = include_str!("../queries/unlock_dedup.sql");
/// Forgets every mention and marks every extraction unfused.
pub(crate) const RESET_FUSION: &str = include_str!("../queries/reset_fusion.sql");
/// Drops a document's mentions (its extraction changed).
pub(crate) const DELETE_DOCUMENT_MENTIONS: &str =
    include_str!("../queries/delete_document_mentions.sql");
/// Records an analyst's edit, returning its seq.
pub(crate) const INSERT_FUSION_EDIT: &str = include_str!("../queries/insert_fusion_edit.sql");
/// Every edit, oldest first.
pub(crate) const LIST_FUSION_EDITS: &str = include_str!("../queries/list_fusion_edits.sql");
/// A claim's credibility.
pub(crate) const SELECT_CLAIM_GRADE: &str = include_str!("../queries/select_claim_grade.sql");
/// A claim's credibility, locked for a change.
pub(crate) const LOCK_CLAIM_GRADE: &str = include_str!("../queries/lock_claim_grade.sql");
/// Sets a claim's credibility.
pub(crate) const UPSERT_CLAIM_GRADE: &str = include_str!("../queries/upsert_claim_grade.sql");
/// Records a change of grade.
pub(crate) const INSERT_GRADE_HISTORY: &str = include_str!("../queries/insert_grade_history.sql");
/// One target's changes of grade, oldest first.
pub(crate) const LIST_GRADE_HISTORY: &str = include_str!("../queries/list_grade_history.sql");
/// Stores a new board, returning its id.
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
