//! The write path: batches of records in one transaction, extractions and source grades.
//!
//! A batch is all or nothing: every statement runs inside one IMMEDIATE transaction (the write
//! lock is taken up front, so a concurrent writer makes us wait instead of failing midway), and
//! any error drops the transaction, which rolls it back. The per-record statements are prepared
//! once per batch from the connection's statement cache.
//!
//! Two kinds of rows are deferred to the end of the batch. LSH band keys are hashes, so they are
//! inserted sorted: consecutive inserts then land on the same B-tree pages. Full-text indexing
//! runs as one statement after everything else, because FTS5 flushes its pending terms to a new
//! segment whenever a later statement opens a savepoint (see the note in `0001_initial.sql`).

use chrono::{DateTime, Utc};
use rusqlite::{
    CachedStatement, Connection, ErrorCode, OptionalExtension, TransactionBehavior, params,
};
use vigil_domain::{DocumentId, Extraction, Reliability};
use vigil_store::{ExtractorInfo, PutOutcome, Record, StoreError, StoreResult};

use crate::error::{Context, backend};
use crate::queries;
use crate::rows::{band_key_to_sql, date_to_sql, signature_to_blob, timestamp_to_sql, to_json};

/// Stores `records` in one transaction; see [`vigil_store::Store::put_records`].
pub(crate) fn put_records(
    connection: &mut Connection,
    records: &[Record],
) -> StoreResult<Vec<PutOutcome>> {
    // One clock reading per batch: the batch is one event, and its rows say so.
    let now = Utc::now();
    let transaction = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .context("cannot begin batch")?;
    let mut writer = BatchWriter::prepare(&transaction, now)?;
    let outcomes =
        records.iter().map(|record| writer.put(record)).collect::<StoreResult<Vec<_>>>()?;
    writer.finish()?;
    transaction.commit().map_err(|error| commit_error(&error, records.len()))?;
    Ok(outcomes)
}

/// Stores or replaces the extraction of a stored document.
pub(crate) fn put_extraction(
    connection: &Connection,
    id: &DocumentId,
    extraction: &Extraction,
    extractor: &ExtractorInfo,
) -> StoreResult<()> {
    // A new extraction makes the document's mentions stale: they go in the same transaction.
    let transaction = connection.unchecked_transaction().context("cannot begin extraction")?;
    {
        let mut statement = transaction
            .prepare_cached(queries::UPSERT_EXTRACTION)
            .context("cannot prepare extraction")?;
        let changed = upsert_extraction(&mut statement, id, extraction, extractor, Utc::now())?;
        if changed == 0 {
            return Err(StoreError::NotFound(id.to_string()));
        }
        transaction
            .execute(queries::DELETE_DOCUMENT_MENTIONS, [id.to_string()])
            .with_context(|| format!("cannot drop the mentions of {id}"))?;
    }
    transaction.commit().context("cannot commit extraction")
}

/// Sets a source's grade, creating the source if needed.
pub(crate) fn set_source_reliability(
    connection: &Connection,
    name: &str,
    reliability: Reliability,
) -> StoreResult<()> {
    connection
        .prepare_cached(queries::UPSERT_SOURCE_RELIABILITY)
        .and_then(|mut statement| statement.execute(params![name, reliability.as_str()]))
        .with_context(|| format!("cannot set reliability of source {name:?}"))?;
    Ok(())
}

/// One batch in progress: its prepared statements and the rows deferred to its end.
struct BatchWriter<'connection> {
    document_seq: CachedStatement<'connection>,
    insert_source: CachedStatement<'connection>,
    insert_document: CachedStatement<'connection>,
    insert_origin: CachedStatement<'connection>,
    insert_minhash: CachedStatement<'connection>,
    insert_band: CachedStatement<'connection>,
    upsert_extraction: CachedStatement<'connection>,
    index_documents: CachedStatement<'connection>,
    now: DateTime<Utc>,
    now_sql: String,
    /// The seq of the batch's first new document; its new documents are that one and all after
    /// it (new rows get seq = max + 1, and the batch holds the write lock).
    first_new_seq: Option<i64>,
    /// Band keys of the batch's new originals, with their documents' seqs.
    bands: Vec<(i64, i64)>,
}

impl<'connection> BatchWriter<'connection> {
    fn prepare(
        connection: &'connection Connection,
        now: DateTime<Utc>,
    ) -> StoreResult<BatchWriter<'connection>> {
        let prepare = |sql: &str| connection.prepare_cached(sql).context("cannot prepare batch");
        Ok(BatchWriter {
            document_seq: prepare(queries::DOCUMENT_SEQ)?,
            insert_source: prepare(queries::INSERT_SOURCE)?,
            insert_document: prepare(queries::INSERT_DOCUMENT)?,
            insert_origin: prepare(queries::INSERT_ORIGIN)?,
            insert_minhash: prepare(queries::INSERT_MINHASH)?,
            insert_band: prepare(queries::INSERT_BAND)?,
            upsert_extraction: prepare(queries::UPSERT_EXTRACTION)?,
            index_documents: prepare(queries::INSERT_FTS)?,
            now,
            now_sql: timestamp_to_sql(now),
            first_new_seq: None,
            bands: Vec::new(),
        })
    }

    /// Stores one record, or only its origin when its id is stored already.
    fn put(&mut self, record: &Record) -> StoreResult<PutOutcome> {
        let document = &record.document;
        let id = document.id.as_str();
        let context = || format!("cannot store document {id}");
        let stored: Option<i64> =
            self.document_seq.query_row([id], |row| row.get(0)).optional().with_context(context)?;
        if let Some(seq) = stored {
            self.add_origin(seq, &document.origin)?;
            return Ok(PutOutcome::AlreadyStored);
        }
        // The source row goes first (documents.source references it), and only for a new
        // document, so a re-put batch creates nothing.
        if let Some(source) = &document.source {
            self.insert_source.execute([source]).with_context(context)?;
        }
        let (duplicate_of, similarity) = match &document.duplicate_of {
            Some(link) => (Some(link.original.as_str()), Some(link.similarity)),
            None => (None, None),
        };
        let ingested_at = document.ingested_at.map(timestamp_to_sql);
        let seq: i64 = self
            .insert_document
            .query_row(
                params![
                    id,
                    document.origin,
                    document.source,
                    document.url,
                    document.title,
                    document.author,
                    document.published.map(date_to_sql),
                    document.language,
                    document.media_type.as_str(),
                    document.text,
                    document.raw,
                    to_json(&document.offsets, "offsets")?,
                    to_json(&document.warnings, "warnings")?,
                    duplicate_of,
                    similarity,
                    ingested_at.as_deref().unwrap_or(&self.now_sql),
                ],
                |row| row.get(0),
            )
            .with_context(context)?;
        self.first_new_seq.get_or_insert(seq);
        self.add_origin(seq, &document.origin)?;
        self.insert_minhash
            .execute(params![seq, signature_to_blob(&record.fingerprint.minhash)])
            .with_context(context)?;
        // Near-copies get no band rows: they are never offered as candidate originals.
        if document.duplicate_of.is_none() {
            let bands = record.fingerprint.bands.iter().map(|band| (band_key_to_sql(*band), seq));
            self.bands.extend(bands);
        }
        if let Some((extraction, extractor)) = &record.extraction {
            upsert_extraction(
                &mut self.upsert_extraction,
                &document.id,
                extraction,
                extractor,
                self.now,
            )?;
        }
        Ok(PutOutcome::Inserted)
    }

    fn add_origin(&mut self, seq: i64, origin: &str) -> StoreResult<()> {
        self.insert_origin
            .execute(params![seq, origin, self.now_sql])
            .with_context(|| format!("cannot record origin {origin:?}"))?;
        Ok(())
    }

    /// Writes the deferred rows: band keys in key order, then the full-text index.
    fn finish(mut self) -> StoreResult<()> {
        self.bands.sort_unstable();
        for (band, seq) in &self.bands {
            self.insert_band.execute(params![band, seq]).context("cannot store band keys")?;
        }
        if let Some(first_new_seq) = self.first_new_seq {
            self.index_documents
                .execute([first_new_seq])
                .context("cannot index batch for search")?;
        }
        Ok(())
    }
}

/// Runs `upsert_extraction.sql`; the number of rows changed is 0 when the document is not stored.
fn upsert_extraction(
    statement: &mut CachedStatement<'_>,
    id: &DocumentId,
    extraction: &Extraction,
    extractor: &ExtractorInfo,
    extracted_at: DateTime<Utc>,
) -> StoreResult<usize> {
    statement
        .execute(params![
            id.as_str(),
            to_json(extraction, "extraction")?,
            extractor.name,
            extractor.version,
            timestamp_to_sql(extracted_at),
        ])
        .with_context(|| format!("cannot store extraction of document {id}"))
}

/// The error of a failed commit. Deferred foreign keys are checked only at commit, and the only
/// deferred one is a near-copy's link to its original, so say so.
fn commit_error(error: &rusqlite::Error, n_records: usize) -> StoreError {
    let what = if error.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) {
        format!(
            "cannot commit batch of {n_records} records (a near-duplicate's original is neither \
             stored nor in the batch)"
        )
    } else {
        format!("cannot commit batch of {n_records} records")
    };
    backend(&what, error)
}
