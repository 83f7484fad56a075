//! Vigil's embedded store: [`SqliteStore`], the [`Store`] trait on one SQLite file.
//!
//! SQLite is bundled (no system library needed) and the file is the whole store: documents with
//! their raw bytes, origins, MinHash signatures and LSH bands, extractions, sources, and an FTS5
//! index for [`Store::search`]. The modules split the work by responsibility:
//!
//! - `migrate`: the versioned schema (`migrations/*.sql`), tracked with
//!   `PRAGMA user_version`;
//! - `queries`: every SQL statement, one `queries/*.sql` file each;
//! - `rows`: the mapping between SQL values and domain types;
//! - `write`, `read`, `search`: the trait's methods, grouped by what they touch;
//! - `error`: rusqlite errors turned into [`StoreError`](vigil_store::StoreError) with context.
//!
//! ```
//! use vigil_store::Store;
//! use vigil_store_sqlite::SqliteStore;
//!
//! let store = SqliteStore::open_in_memory()?;
//! assert_eq!(store.stats()?.documents, 0);
//! # Ok::<(), vigil_store::StoreError>(())
//! ```

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::config::DbConfig;
use vigil_domain::{Document, DocumentId, Extraction, Reliability, Source};
use vigil_store::{
    ApiToken, DocumentQuery, DocumentSummary, ExtractorInfo, FusionChange, FusionEditRecord,
    GradeChange, GradeNote, GradeTarget, MentionRecord, PutOutcome, Record, SearchHit, Store,
    StoreResult, StoreStats, StoredBoard, StoredExtraction, TokenRole, UnfusedDocument,
};

mod error;
mod fusion;
mod grading;
mod migrate;
mod queries;
mod read;
mod rows;
mod search;
mod tokens;
mod write;

use error::Context;
pub use migrate::SCHEMA_VERSION;

/// How long a connection waits for another writer (another process on the same file) before
/// giving up with "database is locked".
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How many prepared statements each connection keeps; more than the number of queries, so the
/// hot insert statements are never evicted.
const STATEMENT_CACHE_CAPACITY: usize = 64;

/// A [`Store`] on one SQLite database (a file, or memory for tests).
#[derive(Debug)]
pub struct SqliteStore {
    connection: Connection,
}

impl SqliteStore {
    /// Opens the store at `path`, creating the file if needed and bringing its schema up to date.
    ///
    /// Fails with [`StoreError::SchemaTooNew`](vigil_store::StoreError::SchemaTooNew) when a
    /// newer Vigil wrote the file.
    pub fn open(path: &Path) -> StoreResult<SqliteStore> {
        let connection = Connection::open(path)
            .with_context(|| format!("cannot open store {}", path.display()))?;
        SqliteStore::setup(connection)
    }

    /// A fresh store in memory, gone when dropped.
    pub fn open_in_memory() -> StoreResult<SqliteStore> {
        let connection = Connection::open_in_memory().context("cannot open in-memory store")?;
        SqliteStore::setup(connection)
    }

    fn setup(mut connection: Connection) -> StoreResult<SqliteStore> {
        // Set before anything else so migrations also wait for a concurrent writer.
        connection.busy_timeout(BUSY_TIMEOUT).context("cannot set busy timeout")?;
        connection.set_prepared_statement_cache_capacity(STATEMENT_CACHE_CAPACITY);
        // Without the query planner stability guarantee, SQLite re-prepares a statement each
        // time a parameter used as its LIMIT (or, once ANALYZE has run, compared with an indexed
        // column) is rebound, which costs more than the hot per-document queries themselves.
        connection
            .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
            .context("cannot configure query planner")?;
        connection.execute_batch(queries::CONNECTION_SETUP).context("cannot configure store")?;
        migrate::migrate(&mut connection)?;
        Ok(SqliteStore { connection })
    }
}

impl Store for SqliteStore {
    fn put_records(&mut self, records: &[Record]) -> StoreResult<Vec<PutOutcome>> {
        write::put_records(&mut self.connection, records)
    }

    fn contains(&self, id: &DocumentId) -> StoreResult<bool> {
        read::contains(&self.connection, id)
    }

    fn document(&self, id: &DocumentId) -> StoreResult<Option<Document>> {
        read::document(&self.connection, id)
    }

    fn origins(&self, id: &DocumentId) -> StoreResult<Vec<String>> {
        read::origins(&self.connection, id)
    }

    fn resolve_id(&self, prefix: &str) -> StoreResult<DocumentId> {
        read::resolve_id(&self.connection, prefix)
    }

    fn documents(&self, query: &DocumentQuery) -> StoreResult<Vec<DocumentSummary>> {
        read::documents(&self.connection, query)
    }

    fn search(&self, query: &str, limit: usize) -> StoreResult<Vec<SearchHit>> {
        search::search(&self.connection, query, limit)
    }

    fn near_duplicate_candidates(
        &self,
        bands: &[u64],
        limit: usize,
    ) -> StoreResult<Vec<(DocumentId, Vec<u32>)>> {
        read::near_duplicate_candidates(&self.connection, bands, limit)
    }

    fn extraction(&self, id: &DocumentId) -> StoreResult<Option<StoredExtraction>> {
        read::extraction(&self.connection, id)
    }

    fn extractions(&self) -> StoreResult<Vec<(DocumentId, StoredExtraction)>> {
        read::extractions(&self.connection)
    }

    fn put_extraction(
        &mut self,
        id: &DocumentId,
        extraction: &Extraction,
        extractor: &ExtractorInfo,
    ) -> StoreResult<()> {
        write::put_extraction(&self.connection, id, extraction, extractor)
    }

    fn source(&self, name: &str) -> StoreResult<Option<Source>> {
        read::source(&self.connection, name)
    }

    fn set_source_reliability(&mut self, name: &str, reliability: Reliability) -> StoreResult<()> {
        write::set_source_reliability(&self.connection, name, reliability)
    }

    fn stats(&self) -> StoreResult<StoreStats> {
        read::stats(&self.connection)
    }

    fn unfused_documents(&self, limit: usize) -> StoreResult<Vec<UnfusedDocument>> {
        fusion::unfused_documents(&self.connection, limit)
    }

    fn mention_candidates(
        &self,
        country: Option<&str>,
        first_day: i64,
        last_day: i64,
    ) -> StoreResult<Vec<MentionRecord>> {
        fusion::mention_candidates(&self.connection, country, first_day, last_day)
    }

    fn mentions_of(&self, fused_ids: &[String]) -> StoreResult<Vec<MentionRecord>> {
        fusion::mentions_of(&self.connection, fused_ids)
    }

    fn mentions_in_chains(&self, chains: &[String]) -> StoreResult<Vec<MentionRecord>> {
        fusion::mentions_in_chains(&self.connection, chains)
    }

    fn mentions(&self) -> StoreResult<Vec<MentionRecord>> {
        fusion::mentions(&self.connection)
    }

    fn apply_fusion(&mut self, change: &FusionChange) -> StoreResult<()> {
        fusion::apply_fusion(&mut self.connection, change)
    }

    fn reset_fusion(&mut self) -> StoreResult<()> {
        fusion::reset_fusion(&mut self.connection)
    }

    fn put_fusion_edit(&mut self, edit: &FusionEditRecord) -> StoreResult<i64> {
        fusion::put_fusion_edit(&self.connection, edit)
    }

    fn fusion_edits(&self) -> StoreResult<Vec<FusionEditRecord>> {
        fusion::fusion_edits(&self.connection)
    }

    fn grade_source(
        &mut self,
        name: &str,
        reliability: Reliability,
        note: &GradeNote,
    ) -> StoreResult<()> {
        grading::grade_source(&mut self.connection, name, reliability, note)
    }

    fn grade_claim(&mut self, claim: &str, credibility: u8, note: &GradeNote) -> StoreResult<()> {
        grading::grade_claim(&mut self.connection, claim, credibility, note)
    }

    fn claim_credibility(&self, claim: &str) -> StoreResult<Option<u8>> {
        grading::claim_credibility(&self.connection, claim)
    }

    fn grade_history(&self, kind: GradeTarget, target: &str) -> StoreResult<Vec<GradeChange>> {
        grading::grade_history(&self.connection, kind, target)
    }

    fn put_board(
        &mut self,
        id: Option<i64>,
        name: &str,
        body: &str,
        decisions: &str,
    ) -> StoreResult<i64> {
        grading::put_board(&self.connection, id, name, body, decisions)
    }

    fn board(&self, id: i64) -> StoreResult<Option<StoredBoard>> {
        grading::board(&self.connection, id)
    }

    fn boards(&self) -> StoreResult<Vec<StoredBoard>> {
        grading::boards(&self.connection)
    }

    fn put_token(&mut self, name: &str, role: TokenRole, digest: &str) -> StoreResult<()> {
        tokens::put_token(&self.connection, name, role, digest)
    }

    fn token_by_digest(&self, digest: &str) -> StoreResult<Option<ApiToken>> {
        tokens::token_by_digest(&self.connection, digest)
    }

    fn tokens(&self) -> StoreResult<Vec<ApiToken>> {
        tokens::tokens(&self.connection)
    }
}
