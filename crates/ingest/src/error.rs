//! Ingest failures: which input (or item of an input) could not be read, and why.

/// One input, or one item of an input, that produced no document.
///
/// Its `Display` is `"{origin}: {problem}"`, e.g. `feeds/broken.xml#item=3: item has no text`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {problem}")]
pub struct IngestError {
    /// The path, URL or `-` it came from, with `#item=N`, `#line=N` or `#row=N` for one item.
    pub origin: String,
    /// What went wrong.
    pub problem: Problem,
}

impl IngestError {
    /// An error for `origin`.
    pub fn new(origin: impl Into<String>, problem: Problem) -> IngestError {
        IngestError { origin: origin.into(), problem }
    }
}

/// Why an input or item produced no document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The path does not exist.
    #[error("not found")]
    NotFound,
    /// The file, folder or stream could not be read.
    #[error("cannot read: {0}")]
    Io(String),
    /// The input has no bytes at all.
    #[error("empty file")]
    Empty,
    /// The input is not text (NUL bytes, control characters or a known binary signature).
    #[error("binary content, not text")]
    Binary,
    /// The input is larger than [`crate::ReadOptions::max_bytes`]. For a stream whose size is not
    /// announced, `bytes` is the count read before stopping (`limit + 1`).
    #[error("too large: {bytes} bytes, the limit is {limit}")]
    TooLarge {
        /// The size found (or read before stopping).
        bytes: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The server answered with a status other than 2xx.
    #[error("http status {status}")]
    Http {
        /// The status code.
        status: u16,
    },
    /// The server did not answer within [`crate::ReadOptions::http_timeout`].
    #[error("timed out")]
    Timeout,
    /// The request failed before any status (refused connection, DNS, TLS, bad URL).
    #[error("request failed: {0}")]
    Network(String),
    /// The input (or item) is not valid in its format.
    #[error("malformed {format}: {detail}")]
    Malformed {
        /// The format that was expected (`feed`, `json`, `csv`, ...).
        format: String,
        /// What is wrong with it.
        detail: String,
    },
    /// A dump line or row has none of the fields that may hold the text.
    #[error("no text field (tried {tried})")]
    MissingField {
        /// The field names that were tried, comma-separated.
        tried: String,
    },
    /// A whole input yielded no text once cleaned.
    #[error("no text found")]
    NoText,
    /// One item of a feed or dump yielded no text once cleaned.
    #[error("item has no text")]
    ItemNoText,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_lowercase_and_name_the_origin() {
        let error = IngestError::new("feeds/broken.xml#item=3", Problem::ItemNoText);
        assert_eq!(error.to_string(), "feeds/broken.xml#item=3: item has no text");
        let error = IngestError::new("a.bin", Problem::Binary);
        assert_eq!(error.to_string(), "a.bin: binary content, not text");
        let error = IngestError::new("big.txt", Problem::TooLarge { bytes: 10, limit: 5 });
        assert_eq!(error.to_string(), "big.txt: too large: 10 bytes, the limit is 5");
    }
}
