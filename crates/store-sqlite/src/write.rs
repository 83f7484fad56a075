//! The write path: batches of records in one transaction, extractions and source grades.
//!
//! A batch is all or nothing: every statement runs inside one IMMEDIATE transaction (the write
//! lock is taken up front, so a concurrent writer makes us wait instead of failing midway), and
//! any error drops the transaction, which rolls it back. The per-record statements are prepared
//! once per batch from the connection's statement cache.

use chrono::{DateTime, Utc};
use rusqlite::{CachedStatement, Connection, ErrorCode, TransactionBehavior, params};
use vigil_domain::{DocumentId, Extraction, Reliability};
use vigil_store::{ExtractorInfo, PutOutcome, Record, StoreError, StoreResult};

use crate::error::Context;
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
    let mut outcomes = Vec::with_capacity(records.len());
    {
        let mut writer = BatchWriter::prepare(&transaction, now)?;
        for record in records {
            outcomes.push(writer.put(record)?);
        }
    }
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
    let mut statement =
        connection.prepare_cached(queries::UPSERT_EXTRACTION).context("cannot prepare extraction")?;
    let changed = upsert_extraction(&mut statement, id, extraction, extractor, Utc::now())?;
    if changed == 0 {
        return Err(StoreError::NotFound(id.to_string()));
    }
    Ok(())
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

/// The statements a batch runs for each record, prepared once.
struct BatchWriter<'connection> {
    contains: CachedStatement<'connection>,
    insert_source: CachedStatement<'connection>,
    insert_document: CachedStatement<'connection>,
    insert_origin: CachedStatement<'connection>,
    insert_minhash: CachedStatement<'connection>,
    insert_band: CachedStatement<'connection>,
    upsert_extraction: CachedStatement<'connection>,
    now: DateTime<Utc>,
    now_sql: String,
}

impl<'connection> BatchWriter<'connection> {
    fn prepare(
        connection: &'connection Connection,
        now: DateTime<Utc>,
    ) -> StoreResult<BatchWriter<'connection>> {
        let prepare = |sql: &str| connection.prepare_cached(sql).context("cannot prepare batch");
        Ok(BatchWriter {
            contains: prepare(queries::CONTAINS_DOCUMENT)?,
            insert_source: prepare(queries::INSERT_SOURCE)?,
            insert_document: prepare(queries::INSERT_DOCUMENT)?,
            insert_origin: prepare(queries::INSERT_ORIGIN)?,
            insert_minhash: prepare(queries::INSERT_MINHASH)?,
            insert_band: prepare(queries::INSERT_BAND)?,
            upsert_extraction: prepare(queries::UPSERT_EXTRACTION)?,
            now,
            now_sql: timestamp_to_sql(now),
        })
    }

    fn put(&mut self, record: &Record) -> StoreResult<PutOutcome> {
        let document = &record.document;
        let id = document.id.as_str();
        let context = || format!("cannot store document {id}");
        let stored: bool =
            self.contains.query_row([id], |row| row.get(0)).with_context(context)?;
        if stored {
            self.add_origin(id, &document.origin)?;
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
        let inserted = self
            .insert_document
            .execute(params![
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
            ])
            .with_context(context)?;
        self.add_origin(id, &document.origin)?;
        if inserted == 0 {
            return Ok(PutOutcome::AlreadyStored);
        }
        self.insert_minhash
            .execute(params![id, signature_to_blob(&record.fingerprint.minhash)])
            .with_context(context)?;
        // Near-copies get no band rows: they are never offered as candidate originals.
        if document.duplicate_of.is_none() {
            for band in &record.fingerprint.bands {
                self.insert_band.execute(params![band_key_to_sql(*band), id]).with_context(context)?;
            }
        }
        if let Some((extraction, extractor)) = &record.extraction {
            upsert_extraction(&mut self.upsert_extraction, &document.id, extraction, extractor, self.now)?;
        }
        Ok(PutOutcome::Inserted)
    }

    fn add_origin(&mut self, id: &str, origin: &str) -> StoreResult<()> {
        self.insert_origin
            .execute(params![id, origin, self.now_sql])
            .with_context(|| format!("cannot record origin of document {id}"))?;
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
    crate::error::backend(&what, error)
}
