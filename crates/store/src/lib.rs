//! The `Store` trait: everything Vigil keeps, behind one interface that names no database.
//!
//! SQLite (`vigil-store-sqlite`) is the embedded default; a PostgreSQL backend implements the same
//! trait later and must pass the same conformance suite ([`store_conformance_suite!`], behind the
//! `test-suite` feature). The trait exposes only domain types and the plain query types below, so a
//! caller can never reach a backend's own types.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use vigil_domain::{Document, DocumentId, Extraction, MediaType, Reliability, Source};

mod boxed;
pub mod columns;
#[cfg(feature = "test-suite")]
pub mod conformance;
mod fusion;
mod grading;
mod query;
mod tokens;

pub use fusion::{FusionChange, FusionEditRecord, MentionRecord, UnfusedDocument};
pub use grading::{GradeChange, GradeNote, GradeTarget, StoredBoard};
pub use query::{SearchTerm, search_terms};
pub use tokens::{ApiToken, TokenRole};

/// Errors a store returns. Callers match on the kind; the message says what went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Nothing matched the id or prefix.
    #[error("no document matches {0:?}")]
    NotFound(String),
    /// A prefix matched more than one document.
    #[error("{prefix:?} matches {count} documents; give more of the id")]
    Ambiguous {
        /// The prefix asked for.
        prefix: String,
        /// How many matched.
        count: usize,
    },
    /// The query could not be understood (a full-text query with a syntax error, say).
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    /// The store was written by a newer Vigil.
    #[error("store schema version {found} is newer than this vigil supports ({supported})")]
    SchemaTooNew {
        /// Version found in the store.
        found: i64,
        /// Highest version this build knows.
        supported: i64,
    },
    /// Something with this name is stored already.
    #[error("{0} exists already")]
    AlreadyExists(String),
    /// A failure of the backend (I/O, corruption, constraint).
    #[error("{0}")]
    Backend(String),
}

/// Result alias for store calls.
pub type StoreResult<T> = Result<T, StoreError>;

/// The near-duplicate fingerprint of a document: its MinHash signature and the LSH band keys
/// derived from it. The store keeps both; it does not interpret them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// MinHash signature.
    pub minhash: Vec<u32>,
    /// One key per LSH band; two documents sharing any key are near-duplicate candidates.
    pub bands: Vec<u64>,
}

/// Which extractor produced an extraction (provenance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtractorInfo {
    /// Extractor name.
    pub name: String,
    /// Extractor version.
    pub version: String,
}

/// One document to store, with what was derived from it.
#[derive(Debug, Clone)]
pub struct Record {
    /// The document (`duplicate_of` set for near-copies).
    pub document: Document,
    /// Its near-duplicate fingerprint.
    pub fingerprint: Fingerprint,
    /// Its extraction, when it was read.
    pub extraction: Option<(Extraction, ExtractorInfo)>,
}

/// What storing one record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PutOutcome {
    /// A new document was stored.
    Inserted,
    /// A document with this id was already stored; only its new origin (if any) was recorded.
    AlreadyStored,
}

/// A line of a document listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// Id.
    pub id: DocumentId,
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Language code.
    pub language: Option<String>,
    /// Input kind.
    pub media_type: MediaType,
    /// Where it was first read from.
    pub origin: String,
    /// Length of the cleaned text in bytes.
    pub text_bytes: usize,
    /// The document it copies, for near-duplicates.
    pub duplicate_of: Option<DocumentId>,
    /// When it was stored.
    pub ingested_at: DateTime<Utc>,
}

/// Filters for [`Store::documents`].
#[derive(Debug, Clone, Default)]
pub struct DocumentQuery {
    /// Only this publisher.
    pub source: Option<String>,
    /// Published on or after.
    pub from: Option<NaiveDate>,
    /// Published on or before.
    pub to: Option<NaiveDate>,
    /// Leave out near-duplicates.
    pub originals_only: bool,
    /// At most this many (newest published first); `None` for all.
    pub limit: Option<usize>,
    /// Skip this many.
    pub offset: usize,
}

/// One full-text search hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Document id.
    pub id: DocumentId,
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Relevance: higher is better (the negated BM25 score for SQLite).
    pub score: f64,
    /// A passage around the matches, the matched terms wrapped in `[` and `]`.
    pub snippet: String,
}

/// Counts of what a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreStats {
    /// Documents stored.
    pub documents: u64,
    /// Of which near-duplicates.
    pub near_duplicates: u64,
    /// Documents with a stored extraction.
    pub extractions: u64,
    /// Sources known.
    pub sources: u64,
}

/// A stored extraction with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredExtraction {
    /// The extraction.
    pub extraction: Extraction,
    /// Who made it.
    pub extractor: ExtractorInfo,
    /// When.
    pub extracted_at: DateTime<Utc>,
}

/// Everything Vigil keeps.
///
/// Implementations must make [`Store::put_records`] atomic (all of a batch or none of it) and
/// idempotent (putting the same records again changes nothing but origins).
pub trait Store {
    /// Stores a batch of records in one transaction; one outcome per record, in order.
    ///
    /// A record whose document id is stored already is not stored again: its origin is added to the
    /// document's origins, so a second file carrying the same text is remembered, not lost.
    ///
    /// A near-duplicate's `duplicate_of` must name a document that is stored already or comes in
    /// the same batch; otherwise the whole batch fails and nothing of it is stored.
    fn put_records(&mut self, records: &[Record]) -> StoreResult<Vec<PutOutcome>>;

    /// Whether a document with this id is stored.
    fn contains(&self, id: &DocumentId) -> StoreResult<bool>;

    /// A stored document, raw bytes included.
    fn document(&self, id: &DocumentId) -> StoreResult<Option<Document>>;

    /// Every origin a document was read from, first first.
    fn origins(&self, id: &DocumentId) -> StoreResult<Vec<String>>;

    /// The one stored id that starts with `prefix` (at least 4 hex digits).
    fn resolve_id(&self, prefix: &str) -> StoreResult<DocumentId>;

    /// Documents, newest published first (undated last), then by id.
    fn documents(&self, query: &DocumentQuery) -> StoreResult<Vec<DocumentSummary>>;

    /// Full-text search over titles and cleaned text, best first, at most `limit` hits.
    ///
    /// `query` is plain words (all must occur) or a quoted phrase; backends must not fail on
    /// punctuation in it.
    fn search(&self, query: &str, limit: usize) -> StoreResult<Vec<SearchHit>>;

    /// Stored documents sharing at least one band key with `bands`, with their MinHash
    /// signatures, at most `limit` of them. Near-duplicates are not returned (only originals).
    fn near_duplicate_candidates(
        &self,
        bands: &[u64],
        limit: usize,
    ) -> StoreResult<Vec<(DocumentId, Vec<u32>)>>;

    /// The stored extraction of a document.
    fn extraction(&self, id: &DocumentId) -> StoreResult<Option<StoredExtraction>>;

    /// Every stored extraction of an original document (near-copies left out), oldest
    /// published first, undated last.
    fn extractions(&self) -> StoreResult<Vec<(DocumentId, StoredExtraction)>>;

    /// Stores (or replaces) the extraction of a stored document.
    fn put_extraction(
        &mut self,
        id: &DocumentId,
        extraction: &Extraction,
        extractor: &ExtractorInfo,
    ) -> StoreResult<()>;

    /// A source by name.
    fn source(&self, name: &str) -> StoreResult<Option<Source>>;

    /// Sets a source's reliability grade (creating the source if needed).
    fn set_source_reliability(&mut self, name: &str, reliability: Reliability) -> StoreResult<()>;

    /// Counts of what is stored.
    fn stats(&self) -> StoreResult<StoreStats>;

    /// Up to `limit` original documents whose extraction is not fused yet, in store order.
    /// Storing or replacing an extraction makes its document unfused again (and drops its
    /// mentions).
    fn unfused_documents(&self, limit: usize) -> StoreResult<Vec<UnfusedDocument>>;

    /// Stored mentions a mention with this block may match: of `country` or of no known
    /// country (any country when `country` is `None`), whose days overlap `first_day..=last_day`.
    fn mention_candidates(
        &self,
        country: Option<&str>,
        first_day: i64,
        last_day: i64,
    ) -> StoreResult<Vec<MentionRecord>>;

    /// The mentions of these fused incidents, by key.
    fn mentions_of(&self, fused_ids: &[String]) -> StoreResult<Vec<MentionRecord>>;

    /// The mentions of these chains (named by their smallest mention key), by key.
    fn mentions_in_chains(&self, chains: &[String]) -> StoreResult<Vec<MentionRecord>>;

    /// Every stored mention, by key.
    fn mentions(&self) -> StoreResult<Vec<MentionRecord>>;

    /// Applies a fusion step atomically: the mentions, then the marks.
    fn apply_fusion(&mut self, change: &FusionChange) -> StoreResult<()>;

    /// Forgets every mention and marks every extraction unfused (edits are kept), so fusion
    /// can be run again from scratch.
    fn reset_fusion(&mut self) -> StoreResult<()>;

    /// Holds fusion for this caller until [`Store::unlock_fusion`], waiting for any other
    /// holder. A store written by several processes at once (PostgreSQL under `vigil worker`)
    /// needs it: a fusion step reads its block, then writes, and two steps interleaved could
    /// each miss the other's mention. The default does nothing, for stores with one writer.
    fn lock_fusion(&mut self) -> StoreResult<()> {
        Ok(())
    }

    /// Releases what [`Store::lock_fusion`] took (also released if the process dies).
    fn unlock_fusion(&mut self) -> StoreResult<()> {
        Ok(())
    }

    /// Holds deduplication's check-and-store step for this caller until
    /// [`Store::unlock_dedup`], waiting for any other holder. Two writers that each looked for
    /// near-copies of their report before either stored it would both keep theirs as an
    /// original; under this lock the second sees the first. The default does nothing, for
    /// stores with one writer.
    fn lock_dedup(&mut self) -> StoreResult<()> {
        Ok(())
    }

    /// Releases what [`Store::lock_dedup`] took (also released if the process dies).
    fn unlock_dedup(&mut self) -> StoreResult<()> {
        Ok(())
    }

    /// Records an analyst's edit; returns its seq.
    fn put_fusion_edit(&mut self, edit: &FusionEditRecord) -> StoreResult<i64>;

    /// Every recorded edit, oldest first.
    fn fusion_edits(&self) -> StoreResult<Vec<FusionEditRecord>>;

    /// Sets a source's reliability and records the change (old and new grade, who, when, why)
    /// in one transaction.
    fn grade_source(
        &mut self,
        name: &str,
        reliability: Reliability,
        note: &GradeNote,
    ) -> StoreResult<()>;

    /// Sets a claim's credibility (1-6; `claim` is `<document id>/<claim id>`) and records the
    /// change in one transaction.
    fn grade_claim(&mut self, claim: &str, credibility: u8, note: &GradeNote) -> StoreResult<()>;

    /// A claim's credibility, when graded (ungraded claims are 6, cannot be judged).
    fn claim_credibility(&self, claim: &str) -> StoreResult<Option<u8>>;

    /// Every change of one target's grade, oldest first.
    fn grade_history(&self, kind: GradeTarget, target: &str) -> StoreResult<Vec<GradeChange>>;

    /// Stores a new board (`id` `None`; returns its id) or replaces one.
    fn put_board(
        &mut self,
        id: Option<i64>,
        name: &str,
        body: &str,
        decisions: &str,
    ) -> StoreResult<i64>;

    /// A board by id.
    fn board(&self, id: i64) -> StoreResult<Option<StoredBoard>>;

    /// Every board, oldest first.
    fn boards(&self) -> StoreResult<Vec<StoredBoard>>;

    /// Stores a new API token's digest (the caller hashes; the token itself is never stored).
    /// A name in use fails with [`StoreError::AlreadyExists`].
    fn put_token(&mut self, name: &str, role: TokenRole, digest: &str) -> StoreResult<()>;

    /// The token with this digest.
    fn token_by_digest(&self, digest: &str) -> StoreResult<Option<ApiToken>>;

    /// Every token, oldest first.
    fn tokens(&self) -> StoreResult<Vec<ApiToken>>;
}
