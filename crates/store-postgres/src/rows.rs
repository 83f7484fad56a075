//! How domain values are spelled in PostgreSQL columns, and rows read back into domain types.
//!
//! Publication dates are `DATE`; timestamps RFC 3339 UTC text with all nine fraction digits (see
//! `0001_initial.sql` for why not `timestamptz`); structured fields serde JSON text; MinHash
//! signatures little-endian `u32`s in `BYTEA`; band keys the `BIGINT` with the same bits as the
//! `u64`. Rows are read into plain values first and converted afterwards, so a corrupt value
//! becomes a [`StoreError`] naming the field.

use chrono::NaiveDate;
use postgres::Row;
use vigil_domain::{Document, DuplicateLink};
use vigil_store::{DocumentSummary, MentionRecord, StoreError, StoreResult};

// The spellings both backends share.
use vigil_store::columns::media_type_from_sql;
pub(crate) use vigil_store::columns::{
    band_key_to_sql, corrupt, count_from_sql, from_json, id_from_sql, reliability_from_sql,
    signature_from_blob, signature_to_blob, timestamp_from_sql, timestamp_to_sql, to_json,
};

/// A count or limit as a `BIGINT` parameter.
pub(crate) fn to_bigint(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// Reads column `index` of `row`, naming the column when its type is not what the schema says.
pub(crate) fn get<'a, T: postgres::types::FromSql<'a>>(
    row: &'a Row,
    index: usize,
) -> StoreResult<T> {
    row.try_get(index)
        .map_err(|error| StoreError::Backend(format!("cannot read column {index}: {error}")))
}

/// A `documents` row (`select_document.sql`) as a domain document.
pub(crate) fn document_from_row(row: &Row) -> StoreResult<Document> {
    let id: String = get(row, 0)?;
    let owner = format!("document {id}");
    let duplicate_of = match (get::<Option<String>>(row, 13)?, get::<Option<f64>>(row, 14)?) {
        (Some(original), Some(similarity)) => {
            Some(DuplicateLink { original: id_from_sql(&original)?, similarity })
        }
        (None, None) => None,
        _ => return Err(corrupt("duplicate link", &owner, "similarity without original")),
    };
    let media_type: String = get(row, 8)?;
    let offsets: String = get(row, 11)?;
    let warnings: String = get(row, 12)?;
    let ingested_at: String = get(row, 15)?;
    Ok(Document {
        id: id_from_sql(&id)?,
        origin: get(row, 1)?,
        source: get(row, 2)?,
        url: get(row, 3)?,
        title: get(row, 4)?,
        author: get(row, 5)?,
        published: get::<Option<NaiveDate>>(row, 6)?,
        language: get(row, 7)?,
        media_type: media_type_from_sql(&media_type, &owner)?,
        text: get(row, 9)?,
        raw: get(row, 10)?,
        offsets: from_json(&offsets, "offsets", &owner)?,
        warnings: from_json(&warnings, "warnings", &owner)?,
        duplicate_of,
        ingested_at: Some(timestamp_from_sql(&ingested_at, &owner)?),
    })
}

/// A line of the listing (`list_documents.sql`) as a domain summary.
pub(crate) fn summary_from_row(row: &Row) -> StoreResult<DocumentSummary> {
    let id: String = get(row, 0)?;
    let owner = format!("document {id}");
    let media_type: String = get(row, 5)?;
    let text_bytes: i64 = get(row, 7)?;
    let duplicate_of: Option<String> = get(row, 8)?;
    let ingested_at: String = get(row, 9)?;
    Ok(DocumentSummary {
        id: id_from_sql(&id)?,
        title: get(row, 1)?,
        source: get(row, 2)?,
        published: get(row, 3)?,
        language: get(row, 4)?,
        media_type: media_type_from_sql(&media_type, &owner)?,
        origin: get(row, 6)?,
        text_bytes: usize::try_from(text_bytes).unwrap_or_default(),
        duplicate_of: duplicate_of.as_deref().map(id_from_sql).transpose()?,
        ingested_at: timestamp_from_sql(&ingested_at, &owner)?,
    })
}

/// A mention row (key, document id, fused id, anchor, country, first day, last day, data).
pub(crate) fn mention_from_row(row: &Row) -> StoreResult<MentionRecord> {
    let document: String = get(row, 1)?;
    let first_day: Option<i64> = get(row, 5)?;
    let last_day: Option<i64> = get(row, 6)?;
    Ok(MentionRecord {
        key: get(row, 0)?,
        document: id_from_sql(&document)?,
        fused_id: get(row, 2)?,
        chain: get(row, 3)?,
        country: get(row, 4)?,
        days: first_day.zip(last_day),
        data: get(row, 7)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_keys_keep_every_bit() {
        for key in [0, 1, u64::MAX, 1 << 63, 0x0123_4567_89ab_cdef] {
            let stored = band_key_to_sql(key);
            assert_eq!(u64::from_ne_bytes(stored.to_ne_bytes()), key);
        }
    }

    #[test]
    fn signatures_round_trip_little_endian() {
        let signature = vec![0, 1, u32::MAX, 0xdead_beef];
        let blob = signature_to_blob(&signature);
        assert_eq!(signature_from_blob(&blob, "test").ok(), Some(signature));
        assert!(signature_from_blob(&[1, 2, 3], "test").is_err());
    }
}
