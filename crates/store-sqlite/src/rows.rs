//! How domain values are spelled in SQL columns, and rows read back into domain types.
//!
//! Dates are ISO 8601 text; the spellings every backend shares (timestamps, JSON, MinHash
//! signatures, band keys) are `vigil_store::columns`'. Rows are read into plain structs first and
//! converted afterwards, so a corrupt value becomes a `StoreError` naming the field instead of a
//! rusqlite conversion error.

use chrono::NaiveDate;
use rusqlite::Row;
use vigil_domain::{Document, DuplicateLink};
use vigil_store::{DocumentSummary, StoreResult};

// The spellings both backends share.
use vigil_store::columns::media_type_from_sql;
pub(crate) use vigil_store::columns::{
    band_key_to_sql, corrupt, count_from_sql, from_json, id_from_sql, reliability_from_sql,
    signature_from_blob, signature_to_blob, timestamp_from_sql, timestamp_to_sql, to_json,
};

/// A date as stored: `YYYY-MM-DD`.
pub(crate) fn date_to_sql(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A stored date.
pub(crate) fn date_from_sql(text: &str, owner: &str) -> StoreResult<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|error| corrupt("date", owner, error))
}

fn optional_date(text: Option<&str>, owner: &str) -> StoreResult<Option<NaiveDate>> {
    text.map(|text| date_from_sql(text, owner)).transpose()
}

/// A `documents` row as stored (`select_document.sql`).
pub(crate) struct DocumentRow {
    id: String,
    origin: String,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
    author: Option<String>,
    published: Option<String>,
    language: Option<String>,
    media_type: String,
    text: String,
    raw: Vec<u8>,
    offsets: String,
    warnings: String,
    duplicate_of: Option<String>,
    similarity: Option<f64>,
    ingested_at: String,
}

impl DocumentRow {
    /// Reads the row's columns by name.
    pub(crate) fn read(row: &Row<'_>) -> rusqlite::Result<DocumentRow> {
        Ok(DocumentRow {
            id: row.get("id")?,
            origin: row.get("origin")?,
            source: row.get("source")?,
            url: row.get("url")?,
            title: row.get("title")?,
            author: row.get("author")?,
            published: row.get("published")?,
            language: row.get("language")?,
            media_type: row.get("media_type")?,
            text: row.get("text")?,
            raw: row.get("raw")?,
            offsets: row.get("offsets")?,
            warnings: row.get("warnings")?,
            duplicate_of: row.get("duplicate_of")?,
            similarity: row.get("similarity")?,
            ingested_at: row.get("ingested_at")?,
        })
    }

    /// The domain document.
    pub(crate) fn into_document(self) -> StoreResult<Document> {
        let owner = format!("document {}", self.id);
        let duplicate_of = match (self.duplicate_of, self.similarity) {
            (Some(original), Some(similarity)) => {
                Some(DuplicateLink { original: id_from_sql(&original)?, similarity })
            }
            (None, None) => None,
            _ => return Err(corrupt("duplicate link", &owner, "similarity without original")),
        };
        Ok(Document {
            id: id_from_sql(&self.id)?,
            origin: self.origin,
            source: self.source,
            url: self.url,
            title: self.title,
            author: self.author,
            published: optional_date(self.published.as_deref(), &owner)?,
            language: self.language,
            media_type: media_type_from_sql(&self.media_type, &owner)?,
            text: self.text,
            raw: self.raw,
            offsets: from_json(&self.offsets, "offsets", &owner)?,
            warnings: from_json(&self.warnings, "warnings", &owner)?,
            duplicate_of,
            ingested_at: Some(timestamp_from_sql(&self.ingested_at, &owner)?),
        })
    }
}

/// A line of the listing as stored (`list_documents.sql`).
pub(crate) struct SummaryRow {
    id: String,
    title: Option<String>,
    source: Option<String>,
    published: Option<String>,
    language: Option<String>,
    media_type: String,
    origin: String,
    text_bytes: i64,
    duplicate_of: Option<String>,
    ingested_at: String,
}

impl SummaryRow {
    /// Reads the row's columns by name.
    pub(crate) fn read(row: &Row<'_>) -> rusqlite::Result<SummaryRow> {
        Ok(SummaryRow {
            id: row.get("id")?,
            title: row.get("title")?,
            source: row.get("source")?,
            published: row.get("published")?,
            language: row.get("language")?,
            media_type: row.get("media_type")?,
            origin: row.get("origin")?,
            text_bytes: row.get("text_bytes")?,
            duplicate_of: row.get("duplicate_of")?,
            ingested_at: row.get("ingested_at")?,
        })
    }

    /// The domain summary.
    pub(crate) fn into_summary(self) -> StoreResult<DocumentSummary> {
        let owner = format!("document {}", self.id);
        Ok(DocumentSummary {
            id: id_from_sql(&self.id)?,
            title: self.title,
            source: self.source,
            published: optional_date(self.published.as_deref(), &owner)?,
            language: self.language,
            media_type: media_type_from_sql(&self.media_type, &owner)?,
            origin: self.origin,
            text_bytes: usize::try_from(self.text_bytes).unwrap_or_default(),
            duplicate_of: self.duplicate_of.as_deref().map(id_from_sql).transpose()?,
            ingested_at: timestamp_from_sql(&self.ingested_at, &owner)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;

    #[test]
    fn band_keys_keep_every_bit() {
        for key in [0, 1, u64::MAX, 1 << 63, 0x0123_4567_89ab_cdef] {
            let stored = band_key_to_sql(key);
            assert_eq!(u64::from_ne_bytes(stored.to_ne_bytes()), key);
        }
        assert_eq!(band_key_to_sql(u64::MAX), -1);
    }

    #[test]
    fn signatures_round_trip_little_endian() {
        let signature = vec![0, 1, u32::MAX, 0xdead_beef];
        let blob = signature_to_blob(&signature);
        assert_eq!(&blob[12..], &[0xef, 0xbe, 0xad, 0xde]);
        assert_eq!(signature_from_blob(&blob, "test").ok(), Some(signature));
        assert!(signature_from_blob(&[1, 2, 3], "test").is_err());
    }

    #[test]
    fn timestamps_round_trip_exactly_and_sort_as_text() {
        let whole = DateTime::parse_from_rfc3339("2024-03-22T19:58:00Z")
            .map(|timestamp| timestamp.with_timezone(&Utc))
            .ok();
        let precise = DateTime::parse_from_rfc3339("2024-03-22T19:58:00.123456789Z")
            .map(|timestamp| timestamp.with_timezone(&Utc))
            .ok();
        let mut texts = Vec::new();
        for timestamp in [whole, precise].into_iter().flatten() {
            let text = timestamp_to_sql(timestamp);
            assert!(text.ends_with('Z'), "{text}");
            assert_eq!(timestamp_from_sql(&text, "test").ok(), Some(timestamp));
            texts.push(text);
        }
        assert_eq!(texts.len(), 2);
        assert!(texts[0] < texts[1], "{texts:?}");
    }

    #[test]
    fn dates_are_iso() {
        let date = NaiveDate::from_ymd_opt(2024, 3, 5);
        assert_eq!(date.map(date_to_sql).as_deref(), Some("2024-03-05"));
        assert_eq!(date_from_sql("2024-03-05", "test").ok(), date);
        assert!(date_from_sql("5 March 2024", "test").is_err());
    }
}
