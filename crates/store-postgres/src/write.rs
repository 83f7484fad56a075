//! The write path: batches of records in one transaction, extractions and source grades.
//!
//! A batch is all or nothing: every statement runs inside one transaction, and any error drops
//! it, which rolls it back. The per-record statements are prepared once per batch, so each
//! document costs executions only, not parses. A concurrent batch storing the same id is
//! harmless: `ON CONFLICT (id) DO NOTHING` waits for it and then reports the id as stored.
//!
//! Band keys are deferred to the end of the batch and written in one statement, sorted, so two
//! concurrent batches lock index entries in the same order. Full-text indexing needs no step:
//! the search vector is a generated column.

use chrono::{DateTime, Utc};
use postgres::error::SqlState;
use postgres::{Client, GenericClient, Statement, Transaction};
use vigil_domain::{DocumentId, Extraction, Reliability};
use vigil_store::{ExtractorInfo, PutOutcome, Record, StoreError, StoreResult};

use crate::error::{Context, PostgresError};
use crate::queries;
use crate::rows::{band_key_to_sql, signature_to_blob, timestamp_to_sql, to_json};

/// Stores `records` in one transaction; see [`vigil_store::Store::put_records`].
pub(crate) fn put_records(client: &mut Client, records: &[Record]) -> StoreResult<Vec<PutOutcome>> {
    // One clock reading per batch: the batch is one event, and its rows say so.
    let now = Utc::now();
    let mut transaction = client.transaction().context("cannot begin batch")?;
    let mut writer = BatchWriter::prepare(&mut transaction, now)?;
    let outcomes = records
        .iter()
        .map(|record| writer.put(&mut transaction, record))
        .collect::<StoreResult<Vec<_>>>()?;
    writer.finish(&mut transaction)?;
    transaction.commit().map_err(|error| commit_error(error, records.len()))?;
    Ok(outcomes)
}

/// Stores or replaces the extraction of a stored document, dropping its now stale mentions in
/// the same transaction.
pub(crate) fn put_extraction(
    client: &mut Client,
    id: &DocumentId,
    extraction: &Extraction,
    extractor: &ExtractorInfo,
) -> StoreResult<()> {
    let mut transaction = client.transaction().context("cannot begin extraction")?;
    let changed = upsert_extraction(
        &mut transaction,
        queries::UPSERT_EXTRACTION,
        id,
        extraction,
        extractor,
        Utc::now(),
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound(id.to_string()));
    }
    transaction
        .execute(queries::DELETE_DOCUMENT_MENTIONS, &[&id.as_str()])
        .with_context(|| format!("cannot drop the mentions of {id}"))?;
    transaction.commit().context("cannot commit extraction")
}

/// Sets a source's grade, creating the source if needed.
pub(crate) fn set_source_reliability(
    client: &mut Client,
    name: &str,
    reliability: Reliability,
) -> StoreResult<()> {
    client
        .execute(queries::UPSERT_SOURCE_RELIABILITY, &[&name, &reliability.as_str()])
        .with_context(|| format!("cannot set reliability of source {name:?}"))?;
    Ok(())
}

/// One batch in progress: its prepared statements and the band keys deferred to its end.
struct BatchWriter {
    document_seq: Statement,
    insert_source: Statement,
    insert_document: Statement,
    insert_origin: Statement,
    insert_minhash: Statement,
    upsert_extraction: Statement,
    now: DateTime<Utc>,
    now_sql: String,
    /// Band keys of the batch's new originals, with their documents' seqs.
    bands: Vec<(i64, i64)>,
}

impl BatchWriter {
    fn prepare(transaction: &mut Transaction<'_>, now: DateTime<Utc>) -> StoreResult<BatchWriter> {
        let mut prepare = |sql: &str| transaction.prepare(sql).context("cannot prepare batch");
        Ok(BatchWriter {
            document_seq: prepare(queries::DOCUMENT_SEQ)?,
            insert_source: prepare(queries::INSERT_SOURCE)?,
            insert_document: prepare(queries::INSERT_DOCUMENT)?,
            insert_origin: prepare(queries::INSERT_ORIGIN)?,
            insert_minhash: prepare(queries::INSERT_MINHASH)?,
            upsert_extraction: prepare(queries::UPSERT_EXTRACTION)?,
            now,
            now_sql: timestamp_to_sql(now),
            bands: Vec::new(),
        })
    }

    /// Stores one record, or only its origin when its id is stored already.
    fn put(
        &mut self,
        transaction: &mut Transaction<'_>,
        record: &Record,
    ) -> StoreResult<PutOutcome> {
        let document = &record.document;
        let id = document.id.as_str();
        let context = || format!("cannot store document {id}");
        let stored = transaction.query_opt(&self.document_seq, &[&id]).with_context(context)?;
        if let Some(row) = stored {
            let seq: i64 = row.try_get(0).with_context(context)?;
            self.add_origin(transaction, seq, &document.origin)?;
            return Ok(PutOutcome::AlreadyStored);
        }
        // The source row goes first (documents.source references it), and only for a new
        // document, so a re-put batch creates nothing.
        if let Some(source) = &document.source {
            transaction.execute(&self.insert_source, &[source]).with_context(context)?;
        }
        let (duplicate_of, similarity) = match &document.duplicate_of {
            Some(link) => (Some(link.original.as_str()), Some(link.similarity)),
            None => (None, None),
        };
        let ingested_at = document.ingested_at.map(timestamp_to_sql);
        let offsets = to_json(&document.offsets, "offsets")?;
        let warnings = to_json(&document.warnings, "warnings")?;
        let inserted = transaction
            .query_opt(
                &self.insert_document,
                &[
                    &id,
                    &document.origin,
                    &document.source,
                    &document.url,
                    &document.title,
                    &document.author,
                    &document.published,
                    &document.language,
                    &document.media_type.as_str(),
                    &document.text,
                    &document.raw,
                    &offsets,
                    &warnings,
                    &duplicate_of,
                    &similarity,
                    &ingested_at.as_deref().unwrap_or(&self.now_sql),
                ],
            )
            .with_context(context)?;
        let Some(row) = inserted else {
            // A concurrent batch stored this id between our look-up and our insert.
            let row = transaction.query_one(&self.document_seq, &[&id]).with_context(context)?;
            let seq: i64 = row.try_get(0).with_context(context)?;
            self.add_origin(transaction, seq, &document.origin)?;
            return Ok(PutOutcome::AlreadyStored);
        };
        let seq: i64 = row.try_get(0).with_context(context)?;
        self.add_origin(transaction, seq, &document.origin)?;
        transaction
            .execute(&self.insert_minhash, &[&seq, &signature_to_blob(&record.fingerprint.minhash)])
            .with_context(context)?;
        // Near-copies get no band rows: they are never offered as candidate originals.
        if document.duplicate_of.is_none() {
            let bands = record.fingerprint.bands.iter().map(|band| (band_key_to_sql(*band), seq));
            self.bands.extend(bands);
        }
        if let Some((extraction, extractor)) = &record.extraction {
            upsert_extraction(
                transaction,
                &self.upsert_extraction,
                &document.id,
                extraction,
                extractor,
                self.now,
            )?;
        }
        Ok(PutOutcome::Inserted)
    }

    fn add_origin(
        &self,
        transaction: &mut Transaction<'_>,
        seq: i64,
        origin: &str,
    ) -> StoreResult<()> {
        transaction
            .execute(&self.insert_origin, &[&seq, &origin, &self.now_sql])
            .with_context(|| format!("cannot record origin {origin:?}"))?;
        Ok(())
    }

    /// Writes the deferred band keys, in key order, in one statement.
    fn finish(mut self, transaction: &mut Transaction<'_>) -> StoreResult<()> {
        if self.bands.is_empty() {
            return Ok(());
        }
        self.bands.sort_unstable();
        let (keys, seqs): (Vec<i64>, Vec<i64>) = self.bands.into_iter().unzip();
        transaction
            .execute(queries::INSERT_BANDS, &[&keys, &seqs])
            .context("cannot store band keys")?;
        Ok(())
    }
}

/// Runs `upsert_extraction.sql`; the number of rows changed is 0 when the document is not stored.
fn upsert_extraction<S: postgres::ToStatement + ?Sized>(
    client: &mut impl GenericClient,
    statement: &S,
    id: &DocumentId,
    extraction: &Extraction,
    extractor: &ExtractorInfo,
    extracted_at: DateTime<Utc>,
) -> StoreResult<u64> {
    let json = to_json(extraction, "extraction")?;
    client
        .execute(
            statement,
            &[
                &id.as_str(),
                &json,
                &extractor.name,
                &extractor.version,
                &timestamp_to_sql(extracted_at),
            ],
        )
        .with_context(|| format!("cannot store extraction of document {id}"))
}

/// The error of a failed commit. Deferred foreign keys are checked only at commit, and the only
/// deferred one is a near-copy's link to its original, so say so.
fn commit_error(error: postgres::Error, n_records: usize) -> StoreError {
    let what = if error.code() == Some(&SqlState::FOREIGN_KEY_VIOLATION) {
        format!(
            "cannot commit batch of {n_records} records (a near-duplicate's original is neither \
             stored nor in the batch)"
        )
    } else {
        format!("cannot commit batch of {n_records} records")
    };
    PostgresError::Query { what, source: error }.into()
}
