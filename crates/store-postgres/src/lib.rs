//! Vigil's shared store: [`PostgresStore`], the [`Store`] trait on one PostgreSQL database.
//!
//! Where the SQLite store is one file for one analyst, this one is a server several processes
//! (and later the ingest workers) share. It keeps the same facts in the same shape, passes the
//! same conformance suite, and speaks to the server through the sync `postgres` client (pure
//! Rust, no libpq; no TLS, meant for loopback or a trusted network). The modules mirror the
//! SQLite crate's:
//!
//! - `migrate`: the versioned schema (`migrations/*.sql`), tracked in `vigil_migrations`;
//! - `queries`: every SQL statement, one `queries/*.sql` file each;
//! - `rows`: the mapping between SQL values and domain types;
//! - `write`, `read`, `search`, `fusion`, `grading`: the trait's methods, by what they touch;
//! - `statements`: statements prepared once per connection for the per-document calls;
//! - `error`: [`PostgresError`], turned into [`StoreError`](vigil_store::StoreError) at the
//!   trait boundary.
//!
//! Full-text search is PostgreSQL's own: a generated `tsvector` column (title weighted above
//! text) under a GIN index, ranked by `ts_rank`, with `ts_headline` snippets.

use std::cell::RefCell;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};

use postgres::{Client, NoTls};
use vigil_domain::{Document, DocumentId, Extraction, Reliability, Source};
use vigil_store::{
    ApiToken, DocumentQuery, DocumentSummary, ExtractorInfo, FusionChange, FusionEditRecord,
    GradeChange, GradeNote, GradeTarget, MentionRecord, PutOutcome, Record, SearchHit, Store,
    StoreResult, StoreStats, StoredBoard, StoredExtraction, TokenRole, UnfusedDocument,
};

mod error;
mod fusion;
mod grading;
mod locks;
mod migrate;
mod queries;
mod read;
mod rows;
mod search;
mod statements;
mod tokens;
mod write;

pub use error::PostgresError;
use error::{Context, redact};
pub use migrate::SCHEMA_VERSION;
use statements::Statements;

/// Whether `db` names a PostgreSQL database (`postgres://` or `postgresql://`) rather than a
/// file.
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// A [`Store`] on one PostgreSQL database (or one schema of it).
///
/// The trait reads through `&self` while the sync client needs `&mut` for every statement, so
/// the connection sits in a `RefCell`: a store is used from one thread at a time, like the
/// SQLite store's connection.
pub struct PostgresStore {
    client: RefCell<Client>,
    /// Statements prepared on `client`, for the calls made per document or per fusion step.
    statements: RefCell<Statements>,
    /// The schema this store created and drops when it is dropped ([`PostgresStore::open_scratch`]).
    scratch_schema: Option<String>,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("PostgresStore")
            .field("scratch_schema", &self.scratch_schema)
            .finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/database`) and
    /// brings its schema up to date. Tables go in the connection's `search_path` (`public`
    /// unless the URL sets `options=-csearch_path%3D...`).
    ///
    /// Fails with [`StoreError::SchemaTooNew`](vigil_store::StoreError::SchemaTooNew) when a
    /// newer Vigil wrote the database.
    pub fn open(url: &str) -> StoreResult<PostgresStore> {
        let mut client = connect(url)?;
        migrate::migrate(&mut client)?;
        Ok(PostgresStore {
            client: RefCell::new(client),
            statements: RefCell::default(),
            scratch_schema: None,
        })
    }

    /// A fresh store in a new schema of its own in the database at `url`, dropped with
    /// everything in it when the store is dropped: for tests, which then run in parallel on one
    /// database without seeing each other.
    pub fn open_scratch(url: &str) -> StoreResult<PostgresStore> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.subsec_nanos())
            .unwrap_or_default();
        let schema = format!(
            "vigil_scratch_{}_{}_{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let mut client = connect(url)?;
        // The name is made above from digits and underscores only, so it needs no quoting
        // beyond the double quotes; identifiers cannot be bound parameters.
        client
            .batch_execute(&format!("CREATE SCHEMA \"{schema}\"; SET search_path TO \"{schema}\""))
            .with_context(|| format!("cannot create scratch schema {schema}"))?;
        let mut store = PostgresStore {
            client: RefCell::new(client),
            statements: RefCell::default(),
            scratch_schema: Some(schema),
        };
        // On failure the store is dropped here, which drops the schema too.
        migrate::migrate(store.client.get_mut())?;
        Ok(store)
    }

    /// Applies any migration the database lacks (opening did already) and returns the schema
    /// version: what `vigil migrate` reports.
    pub fn migrate(&mut self) -> StoreResult<i64> {
        migrate::migrate(self.client.get_mut())
    }

    /// The scratch schema's name, for a store made by [`PostgresStore::open_scratch`].
    pub fn scratch_schema(&self) -> Option<&str> {
        self.scratch_schema.as_deref()
    }

    fn client(&self) -> std::cell::RefMut<'_, Client> {
        self.client.borrow_mut()
    }
}

impl Drop for PostgresStore {
    fn drop(&mut self) {
        if let Some(schema) = &self.scratch_schema {
            // Best effort: a test database left with a stray schema is harmless, and a panic in
            // drop would hide the test's own failure.
            let _ =
                self.client.get_mut().batch_execute(&format!("DROP SCHEMA \"{schema}\" CASCADE"));
        }
    }
}

/// Connects without TLS, naming the server in errors but never the password. Public for the
/// other crates that keep tables beside the store's (the work queue), so that every connection
/// Vigil opens is made, named and reported alike.
pub fn connect(url: &str) -> Result<Client, PostgresError> {
    let mut config = postgres::Config::from_str(url)
        .map_err(|source| PostgresError::InvalidUrl { url: redact(url), source })?;
    if config.get_application_name().is_none() {
        config.application_name("vigil");
    }
    let client = config
        .connect(NoTls)
        .map_err(|source| PostgresError::Connect { url: redact(url), source })?;
    Ok(client)
}

impl Store for PostgresStore {
    fn put_records(&mut self, records: &[Record]) -> StoreResult<Vec<PutOutcome>> {
        write::put_records(self.client.get_mut(), records)
    }

    fn contains(&self, id: &DocumentId) -> StoreResult<bool> {
        read::contains(&mut self.client(), &mut self.statements.borrow_mut(), id)
    }

    fn document(&self, id: &DocumentId) -> StoreResult<Option<Document>> {
        read::document(&mut self.client(), id)
    }

    fn origins(&self, id: &DocumentId) -> StoreResult<Vec<String>> {
        read::origins(&mut self.client(), id)
    }

    fn resolve_id(&self, prefix: &str) -> StoreResult<DocumentId> {
        read::resolve_id(&mut self.client(), prefix)
    }

    fn documents(&self, query: &DocumentQuery) -> StoreResult<Vec<DocumentSummary>> {
        read::documents(&mut self.client(), query)
    }

    fn search(&self, query: &str, limit: usize) -> StoreResult<Vec<SearchHit>> {
        search::search(&mut self.client(), query, limit)
    }

    fn near_duplicate_candidates(
        &self,
        bands: &[u64],
        limit: usize,
    ) -> StoreResult<Vec<(DocumentId, Vec<u32>)>> {
        read::near_duplicate_candidates(
            &mut self.client(),
            &mut self.statements.borrow_mut(),
            bands,
            limit,
        )
    }

    fn extraction(&self, id: &DocumentId) -> StoreResult<Option<StoredExtraction>> {
        read::extraction(&mut self.client(), id)
    }

    fn extractions(&self) -> StoreResult<Vec<(DocumentId, StoredExtraction)>> {
        read::extractions(&mut self.client())
    }

    fn put_extraction(
        &mut self,
        id: &DocumentId,
        extraction: &Extraction,
        extractor: &ExtractorInfo,
    ) -> StoreResult<()> {
        write::put_extraction(self.client.get_mut(), id, extraction, extractor)
    }

    fn source(&self, name: &str) -> StoreResult<Option<Source>> {
        read::source(&mut self.client(), name)
    }

    fn set_source_reliability(&mut self, name: &str, reliability: Reliability) -> StoreResult<()> {
        write::set_source_reliability(self.client.get_mut(), name, reliability)
    }

    fn stats(&self) -> StoreResult<StoreStats> {
        read::stats(&mut self.client())
    }

    fn unfused_documents(&self, limit: usize) -> StoreResult<Vec<UnfusedDocument>> {
        fusion::unfused_documents(&mut self.client(), &mut self.statements.borrow_mut(), limit)
    }

    fn mention_candidates(
        &self,
        country: Option<&str>,
        first_day: i64,
        last_day: i64,
    ) -> StoreResult<Vec<MentionRecord>> {
        fusion::mention_candidates(
            &mut self.client(),
            &mut self.statements.borrow_mut(),
            country,
            first_day,
            last_day,
        )
    }

    fn mentions_of(&self, fused_ids: &[String]) -> StoreResult<Vec<MentionRecord>> {
        fusion::mentions_of(&mut self.client(), &mut self.statements.borrow_mut(), fused_ids)
    }

    fn mentions_in_chains(&self, chains: &[String]) -> StoreResult<Vec<MentionRecord>> {
        fusion::mentions_in_chains(&mut self.client(), &mut self.statements.borrow_mut(), chains)
    }

    fn mentions(&self) -> StoreResult<Vec<MentionRecord>> {
        fusion::mentions(&mut self.client())
    }

    fn apply_fusion(&mut self, change: &FusionChange) -> StoreResult<()> {
        fusion::apply_fusion(self.client.get_mut(), self.statements.get_mut(), change)
    }

    fn reset_fusion(&mut self) -> StoreResult<()> {
        fusion::reset_fusion(self.client.get_mut())
    }

    fn lock_fusion(&mut self) -> StoreResult<()> {
        locks::take(self.client.get_mut(), locks::Lock::Fusion)
    }

    fn unlock_fusion(&mut self) -> StoreResult<()> {
        locks::release(self.client.get_mut(), locks::Lock::Fusion)
    }

    fn lock_dedup(&mut self) -> StoreResult<()> {
        locks::take(self.client.get_mut(), locks::Lock::Dedup)
    }

    fn unlock_dedup(&mut self) -> StoreResult<()> {
        locks::release(self.client.get_mut(), locks::Lock::Dedup)
    }

    fn put_fusion_edit(&mut self, edit: &FusionEditRecord) -> StoreResult<i64> {
        fusion::put_fusion_edit(self.client.get_mut(), edit)
    }

    fn fusion_edits(&self) -> StoreResult<Vec<FusionEditRecord>> {
        fusion::fusion_edits(&mut self.client())
    }

    fn grade_source(
        &mut self,
        name: &str,
        reliability: Reliability,
        note: &GradeNote,
    ) -> StoreResult<()> {
        grading::grade_source(self.client.get_mut(), name, reliability, note)
    }

    fn grade_claim(&mut self, claim: &str, credibility: u8, note: &GradeNote) -> StoreResult<()> {
        grading::grade_claim(self.client.get_mut(), claim, credibility, note)
    }

    fn claim_credibility(&self, claim: &str) -> StoreResult<Option<u8>> {
        grading::claim_credibility(&mut self.client(), claim)
    }

    fn grade_history(&self, kind: GradeTarget, target: &str) -> StoreResult<Vec<GradeChange>> {
        grading::grade_history(&mut self.client(), kind, target)
    }

    fn put_board(
        &mut self,
        id: Option<i64>,
        name: &str,
        body: &str,
        decisions: &str,
    ) -> StoreResult<i64> {
        grading::put_board(self.client.get_mut(), id, name, body, decisions)
    }

    fn board(&self, id: i64) -> StoreResult<Option<StoredBoard>> {
        grading::board(&mut self.client(), id)
    }

    fn boards(&self) -> StoreResult<Vec<StoredBoard>> {
        grading::boards(&mut self.client())
    }

    fn put_token(&mut self, name: &str, role: TokenRole, digest: &str) -> StoreResult<()> {
        tokens::put_token(&mut self.client(), name, role, digest)
    }

    fn token_by_digest(&self, digest: &str) -> StoreResult<Option<ApiToken>> {
        tokens::token_by_digest(&mut self.client(), digest)
    }

    fn tokens(&self) -> StoreResult<Vec<ApiToken>> {
        tokens::tokens(&mut self.client())
    }
}
