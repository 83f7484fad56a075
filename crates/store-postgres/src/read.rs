//! The read side: single documents, listings, id prefixes, near-duplicate candidates,
//! extractions, sources and counts.

use postgres::Client;
use vigil_domain::{Document, DocumentId, Source};
use vigil_store::{
    DocumentQuery, DocumentSummary, ExtractorInfo, StoreError, StoreResult, StoreStats,
    StoredExtraction,
};

use crate::error::Context;
use crate::queries;
use crate::rows::{
    band_key_to_sql, count_from_sql, document_from_row, from_json, get, id_from_sql,
    reliability_from_sql, signature_from_blob, summary_from_row, timestamp_from_sql, to_bigint,
};
use crate::statements::Statements;

/// The fewest hex digits [`resolve_id`] accepts: fewer would match too much to be useful.
const MIN_PREFIX_LEN: usize = 4;

/// Whether a document is stored.
pub(crate) fn contains(
    client: &mut Client,
    statements: &mut Statements,
    id: &DocumentId,
) -> StoreResult<bool> {
    let statement = statements.get(client, queries::CONTAINS_DOCUMENT)?;
    let row = client
        .query_one(&statement, &[&id.as_str()])
        .with_context(|| format!("cannot look up document {id}"))?;
    get(&row, 0)
}

/// A whole stored document.
pub(crate) fn document(client: &mut Client, id: &DocumentId) -> StoreResult<Option<Document>> {
    let row = client
        .query_opt(queries::SELECT_DOCUMENT, &[&id.as_str()])
        .with_context(|| format!("cannot read document {id}"))?;
    row.as_ref().map(document_from_row).transpose()
}

/// A document's origins, first first.
pub(crate) fn origins(client: &mut Client, id: &DocumentId) -> StoreResult<Vec<String>> {
    let rows = client
        .query(queries::SELECT_ORIGINS, &[&id.as_str()])
        .with_context(|| format!("cannot read origins of document {id}"))?;
    rows.iter().map(|row| get(row, 0)).collect()
}

/// The one stored id starting with `prefix`.
pub(crate) fn resolve_id(client: &mut Client, prefix: &str) -> StoreResult<DocumentId> {
    let prefix = prefix.trim().to_ascii_lowercase();
    if prefix.len() < MIN_PREFIX_LEN || !prefix.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        return Err(StoreError::InvalidQuery(format!(
            "{prefix:?} is not an id prefix (give at least {MIN_PREFIX_LEN} hex digits)"
        )));
    }
    let row = client
        .query_one(queries::RESOLVE_ID, &[&prefix])
        .with_context(|| format!("cannot resolve id prefix {prefix:?}"))?;
    let count: i64 = get(&row, 0)?;
    let first: Option<String> = get(&row, 1)?;
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
    client: &mut Client,
    query: &DocumentQuery,
) -> StoreResult<Vec<DocumentSummary>> {
    // A NULL limit is no limit in PostgreSQL.
    let limit: Option<i64> = query.limit.map(to_bigint);
    let offset = to_bigint(query.offset);
    let rows = client
        .query(
            queries::LIST_DOCUMENTS,
            &[&query.source, &query.from, &query.to, &query.originals_only, &limit, &offset],
        )
        .context("cannot list documents")?;
    rows.iter().map(summary_from_row).collect()
}

/// Originals sharing a band key with `bands`, most shared bands first.
pub(crate) fn near_duplicate_candidates(
    client: &mut Client,
    statements: &mut Statements,
    bands: &[u64],
    limit: usize,
) -> StoreResult<Vec<(DocumentId, Vec<u32>)>> {
    if bands.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let keys: Vec<i64> = bands.iter().map(|band| band_key_to_sql(*band)).collect();
    let statement = statements.get(client, queries::NEAR_DUPLICATE_CANDIDATES)?;
    let rows = client
        .query(&statement, &[&keys, &to_bigint(limit)])
        .context("cannot find near-duplicate candidates")?;
    rows.iter()
        .map(|row| {
            let id: String = get(row, 0)?;
            let signature: Vec<u8> = get(row, 1)?;
            let signature = signature_from_blob(&signature, &format!("document {id}"))?;
            Ok((id_from_sql(&id)?, signature))
        })
        .collect()
}

/// A document's stored extraction.
pub(crate) fn extraction(
    client: &mut Client,
    id: &DocumentId,
) -> StoreResult<Option<StoredExtraction>> {
    let row = client
        .query_opt(queries::SELECT_EXTRACTION, &[&id.as_str()])
        .with_context(|| format!("cannot read extraction of document {id}"))?;
    let Some(row) = row else {
        return Ok(None);
    };
    stored_extraction(&row, 0, &format!("the extraction of document {id}")).map(Some)
}

/// Every stored extraction of an original document, oldest published first.
pub(crate) fn extractions(client: &mut Client) -> StoreResult<Vec<(DocumentId, StoredExtraction)>> {
    let rows = client.query(queries::LIST_EXTRACTIONS, &[]).context("cannot list extractions")?;
    rows.iter()
        .map(|row| {
            let id: String = get(row, 0)?;
            let owner = format!("the extraction of document {id}");
            Ok((id_from_sql(&id)?, stored_extraction(row, 1, &owner)?))
        })
        .collect()
}

/// Extraction JSON, extractor name, version and time, from column `first` on.
fn stored_extraction(
    row: &postgres::Row,
    first: usize,
    owner: &str,
) -> StoreResult<StoredExtraction> {
    let extraction: String = get(row, first)?;
    let extracted_at: String = get(row, first + 3)?;
    Ok(StoredExtraction {
        extraction: from_json(&extraction, "json", owner)?,
        extractor: ExtractorInfo { name: get(row, first + 1)?, version: get(row, first + 2)? },
        extracted_at: timestamp_from_sql(&extracted_at, owner)?,
    })
}

/// A source by name.
pub(crate) fn source(client: &mut Client, name: &str) -> StoreResult<Option<Source>> {
    let row = client
        .query_opt(queries::SELECT_SOURCE, &[&name])
        .with_context(|| format!("cannot read source {name:?}"))?;
    let Some(row) = row else {
        return Ok(None);
    };
    let name: String = get(&row, 0)?;
    let reliability: String = get(&row, 1)?;
    let reliability = reliability_from_sql(&reliability, &format!("source {name:?}"))?;
    Ok(Some(Source { name, reliability }))
}

/// Counts of what is stored.
pub(crate) fn stats(client: &mut Client) -> StoreResult<StoreStats> {
    let row = client.query_one(queries::STATS, &[]).context("cannot count stored documents")?;
    Ok(StoreStats {
        documents: count_from_sql(get(&row, 0)?),
        near_duplicates: count_from_sql(get(&row, 1)?),
        extractions: count_from_sql(get(&row, 2)?),
        sources: count_from_sql(get(&row, 3)?),
    })
}
