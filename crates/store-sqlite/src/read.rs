//! The read side: single documents, listings, id prefixes, near-duplicate candidates,
//! extractions, sources and counts.

use rusqlite::{Connection, OptionalExtension, params};
use vigil_domain::{Document, DocumentId, Source};
use vigil_store::{
    DocumentQuery, DocumentSummary, ExtractorInfo, StoreError, StoreResult, StoreStats,
    StoredExtraction,
};

use crate::error::Context;
use crate::queries;
use crate::rows::{
    DocumentRow, SummaryRow, band_key_to_sql, count_from_sql, date_to_sql, from_json, id_from_sql,
    reliability_from_sql, signature_from_blob, timestamp_from_sql, to_json,
};

/// The fewest hex digits [`resolve_id`] accepts: fewer would match too much to be useful.
const MIN_PREFIX_LEN: usize = 4;

/// Whether a document is stored.
pub(crate) fn contains(connection: &Connection, id: &DocumentId) -> StoreResult<bool> {
    connection
        .prepare_cached(queries::CONTAINS_DOCUMENT)
        .and_then(|mut statement| statement.query_row([id.as_str()], |row| row.get(0)))
        .with_context(|| format!("cannot look up document {id}"))
}

/// A whole stored document.
pub(crate) fn document(connection: &Connection, id: &DocumentId) -> StoreResult<Option<Document>> {
    let row = connection
        .prepare_cached(queries::SELECT_DOCUMENT)
        .and_then(|mut statement| statement.query_row([id.as_str()], DocumentRow::read).optional())
        .with_context(|| format!("cannot read document {id}"))?;
    row.map(DocumentRow::into_document).transpose()
}

/// A document's origins, first first.
pub(crate) fn origins(connection: &Connection, id: &DocumentId) -> StoreResult<Vec<String>> {
    connection
        .prepare_cached(queries::SELECT_ORIGINS)
        .and_then(|mut statement| statement.query_map([id.as_str()], |row| row.get(0))?.collect())
        .with_context(|| format!("cannot read origins of document {id}"))
}

/// The one stored id starting with `prefix`.
pub(crate) fn resolve_id(connection: &Connection, prefix: &str) -> StoreResult<DocumentId> {
    let prefix = prefix.trim().to_ascii_lowercase();
    if prefix.len() < MIN_PREFIX_LEN || !prefix.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        return Err(StoreError::InvalidQuery(format!(
            "{prefix:?} is not an id prefix (give at least {MIN_PREFIX_LEN} hex digits)"
        )));
    }
    let (count, first): (i64, Option<String>) = connection
        .prepare_cached(queries::RESOLVE_ID)
        .and_then(|mut statement| {
            statement.query_row([&prefix], |row| Ok((row.get(0)?, row.get(1)?)))
        })
        .with_context(|| format!("cannot resolve id prefix {prefix:?}"))?;
    match (count, first) {
        (1, Some(id)) => id_from_sql(&id),
        (0, _) | (_, None) => Err(StoreError::NotFound(prefix)),
        (count, Some(_)) => Err(StoreError::Ambiguous {
            prefix,
            count: usize::try_from(count).unwrap_or(usize::MAX),
        }),
    }
}

/// The filtered listing, newest published first.
pub(crate) fn documents(
    connection: &Connection,
    query: &DocumentQuery,
) -> StoreResult<Vec<DocumentSummary>> {
    // SQLite reads a negative LIMIT as "no limit".
    let limit = query.limit.map_or(-1, |limit| i64::try_from(limit).unwrap_or(i64::MAX));
    let offset = i64::try_from(query.offset).unwrap_or(i64::MAX);
    let rows: Vec<SummaryRow> = connection
        .prepare_cached(queries::LIST_DOCUMENTS)
        .and_then(|mut statement| {
            statement
                .query_map(
                    params![
                        query.source,
                        query.from.map(date_to_sql),
                        query.to.map(date_to_sql),
                        query.originals_only,
                        limit,
                        offset,
                    ],
                    SummaryRow::read,
                )?
                .collect()
        })
        .context("cannot list documents")?;
    rows.into_iter().map(SummaryRow::into_summary).collect()
}

/// Originals sharing a band key with `bands`, most shared bands first.
pub(crate) fn near_duplicate_candidates(
    connection: &Connection,
    bands: &[u64],
    limit: usize,
) -> StoreResult<Vec<(DocumentId, Vec<u32>)>> {
    if bands.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    // One JSON array parameter instead of a statement per band count keeps the SQL fixed.
    let keys: Vec<i64> = bands.iter().map(|band| band_key_to_sql(*band)).collect();
    let keys = to_json(&keys, "band keys")?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows: Vec<(String, Vec<u8>)> = connection
        .prepare_cached(queries::NEAR_DUPLICATE_CANDIDATES)
        .and_then(|mut statement| {
            statement
                .query_map(params![keys, limit], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect()
        })
        .context("cannot find near-duplicate candidates")?;
    rows.into_iter()
        .map(|(id, signature)| {
            let signature = signature_from_blob(&signature, &format!("document {id}"))?;
            Ok((id_from_sql(&id)?, signature))
        })
        .collect()
}

/// A document's stored extraction.
pub(crate) fn extraction(
    connection: &Connection,
    id: &DocumentId,
) -> StoreResult<Option<StoredExtraction>> {
    let row: Option<(String, String, String, String)> = connection
        .prepare_cached(queries::SELECT_EXTRACTION)
        .and_then(|mut statement| {
            statement
                .query_row([id.as_str()], |row| {
                    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
                })
                .optional()
        })
        .with_context(|| format!("cannot read extraction of document {id}"))?;
    let Some((extraction, name, version, extracted_at)) = row else {
        return Ok(None);
    };
    let owner = format!("the extraction of document {id}");
    Ok(Some(StoredExtraction {
        extraction: from_json(&extraction, "json", &owner)?,
        extractor: ExtractorInfo { name, version },
        extracted_at: timestamp_from_sql(&extracted_at, &owner)?,
    }))
}

/// Every stored extraction of an original document, oldest published first.
pub(crate) fn extractions(
    connection: &Connection,
) -> StoreResult<Vec<(DocumentId, StoredExtraction)>> {
    let mut statement = connection
        .prepare_cached(queries::LIST_EXTRACTIONS)
        .with_context(|| "cannot list extractions".to_string())?;
    let rows: Vec<(String, String, String, String, String)> = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)))
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .with_context(|| "cannot list extractions".to_string())?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, extraction, name, version, extracted_at) in rows {
        let owner = format!("the extraction of document {id}");
        let id: DocumentId =
            id.parse().map_err(|error| StoreError::Backend(format!("{owner}: {error}")))?;
        out.push((
            id,
            StoredExtraction {
                extraction: from_json(&extraction, "json", &owner)?,
                extractor: ExtractorInfo { name, version },
                extracted_at: timestamp_from_sql(&extracted_at, &owner)?,
            },
        ));
    }
    Ok(out)
}

/// A source by name.
pub(crate) fn source(connection: &Connection, name: &str) -> StoreResult<Option<Source>> {
    let row: Option<(String, String)> = connection
        .prepare_cached(queries::SELECT_SOURCE)
        .and_then(|mut statement| {
            statement.query_row([name], |row| Ok((row.get(0)?, row.get(1)?))).optional()
        })
        .with_context(|| format!("cannot read source {name:?}"))?;
    let Some((name, reliability)) = row else {
        return Ok(None);
    };
    let reliability = reliability_from_sql(&reliability, &format!("source {name:?}"))?;
    Ok(Some(Source { name, reliability }))
}

/// Counts of what is stored.
pub(crate) fn stats(connection: &Connection) -> StoreResult<StoreStats> {
    let counts: [i64; 4] = connection
        .prepare_cached(queries::STATS)
        .and_then(|mut statement| {
            statement.query_row([], |row| Ok([row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?]))
        })
        .context("cannot count stored documents")?;
    Ok(StoreStats {
        documents: count_from_sql(counts[0]),
        near_duplicates: count_from_sql(counts[1]),
        extractions: count_from_sql(counts[2]),
        sources: count_from_sql(counts[3]),
    })
}
