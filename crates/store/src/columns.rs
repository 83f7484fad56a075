//! How every backend spells domain values in its columns, so a store written by one reads like
//! a store written by another: timestamps as RFC 3339 UTC text with all nine fraction digits
//! (exact round trips, and fixed width so they sort as text in time order), structured fields
//! as serde JSON, MinHash signatures as little-endian `u32`s, band keys as the `i64` with the
//! same 64 bits. A value that does not decode becomes a [`StoreError`] naming the field.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use vigil_domain::{DocumentId, MediaType, Reliability};

use crate::{StoreError, StoreResult};

/// A timestamp as stored: RFC 3339 in UTC (`Z`) with nanoseconds.
pub fn timestamp_to_sql(timestamp: DateTime<Utc>) -> String {
    timestamp.to_rfc3339_opts(SecondsFormat::Nanos, true)
}

/// A stored timestamp.
pub fn timestamp_from_sql(text: &str, owner: &str) -> StoreResult<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|timestamp| timestamp.with_timezone(&Utc))
        .map_err(|error| corrupt("timestamp", owner, error))
}

/// A MinHash signature as stored: each value little-endian, concatenated.
pub fn signature_to_blob(signature: &[u32]) -> Vec<u8> {
    signature.iter().flat_map(|value| value.to_le_bytes()).collect()
}

/// A stored MinHash signature.
pub fn signature_from_blob(blob: &[u8], owner: &str) -> StoreResult<Vec<u32>> {
    let chunks = blob.chunks_exact(4);
    if !chunks.remainder().is_empty() {
        return Err(corrupt("minhash signature", owner, "length is not a multiple of 4"));
    }
    Ok(chunks.map(|chunk| u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]])).collect())
}

/// A band key as stored: the `i64` with the same 64 bits (SQL integers are signed).
pub fn band_key_to_sql(key: u64) -> i64 {
    i64::from_ne_bytes(key.to_ne_bytes())
}

/// A value as stored JSON.
pub fn to_json<T: Serialize + ?Sized>(value: &T, what: &str) -> StoreResult<String> {
    serde_json::to_string(value)
        .map_err(|error| StoreError::Backend(format!("cannot encode {what}: {error}")))
}

/// A stored JSON value.
pub fn from_json<T: DeserializeOwned>(text: &str, what: &str, owner: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|error| corrupt(what, owner, error))
}

/// A count as returned by SQL, never negative.
pub fn count_from_sql(count: i64) -> u64 {
    u64::try_from(count).unwrap_or_default()
}

/// The error for a stored value that does not decode.
pub fn corrupt(what: &str, owner: &str, error: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(format!("stored {what} of {owner} is corrupt: {error}"))
}

/// A stored document id.
pub fn id_from_sql(text: &str) -> StoreResult<DocumentId> {
    text.parse().map_err(|error| corrupt("id", "a document", error))
}

/// A stored reliability grade.
pub fn reliability_from_sql(text: &str, owner: &str) -> StoreResult<Reliability> {
    Reliability::parse(text).ok_or_else(|| corrupt("reliability", owner, text))
}

/// A stored media type.
pub fn media_type_from_sql(text: &str, owner: &str) -> StoreResult<MediaType> {
    MediaType::parse(text).ok_or_else(|| corrupt("media type", owner, text))
}
