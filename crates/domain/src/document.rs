//! Documents: one ingested report, its cleaned text, its raw bytes and the map between them.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A document's id: the first 16 hex digits of the SHA-256 of its cleaned text with white space
/// folded, so the same report read twice (or from two files) gets the same id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentId(String);

/// The length of a document id in hex digits.
pub const DOCUMENT_ID_LEN: usize = 16;

impl DocumentId {
    /// The id of a document whose cleaned text is `text`.
    pub fn from_text(text: &str) -> DocumentId {
        let mut hasher = Sha256::new();
        let mut first = true;
        // Fold runs of white space so that re-wrapped copies of one text hash alike.
        for word in text.split_whitespace() {
            if !first {
                hasher.update(b" ");
            }
            hasher.update(word.as_bytes());
            first = false;
        }
        let digest = hasher.finalize();
        DocumentId(hex::encode(&digest[..DOCUMENT_ID_LEN / 2]))
    }

    /// The id as its hex string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

/// The error of parsing a [`DocumentId`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a document id: {0:?} (expected {DOCUMENT_ID_LEN} hex digits)")]
pub struct ParseIdError(String);

impl FromStr for DocumentId {
    type Err = ParseIdError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.len() == DOCUMENT_ID_LEN && text.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            Ok(DocumentId(text.to_ascii_lowercase()))
        } else {
            Err(ParseIdError(text.to_string()))
        }
    }
}

/// What kind of input a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaType {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML page.
    Html,
    /// One item of an RSS, Atom or JSON feed.
    FeedItem,
    /// One line of a JSON Lines dump.
    JsonLine,
    /// One row of a CSV dump.
    CsvRow,
}

impl MediaType {
    /// The snake_case name used in JSON and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Text => "text",
            MediaType::Markdown => "markdown",
            MediaType::Html => "html",
            MediaType::FeedItem => "feed_item",
            MediaType::JsonLine => "json_line",
            MediaType::CsvRow => "csv_row",
        }
    }

    /// The inverse of [`MediaType::as_str`].
    pub fn parse(text: &str) -> Option<MediaType> {
        Some(match text {
            "text" => MediaType::Text,
            "markdown" => MediaType::Markdown,
            "html" => MediaType::Html,
            "feed_item" => MediaType::FeedItem,
            "json_line" => MediaType::JsonLine,
            "csv_row" => MediaType::CsvRow,
            _ => return None,
        })
    }
}

/// One stretch of cleaned text that came from one stretch of the raw bytes.
///
/// `exact` is true when the cleaned bytes are the raw bytes unchanged (plain text); false when the
/// stretch was decoded or re-flowed (HTML, feeds), where the raw range is the element it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetSegment {
    /// Start of the stretch in the cleaned text (bytes).
    pub clean_start: usize,
    /// End of the stretch in the cleaned text (bytes, exclusive).
    pub clean_end: usize,
    /// Start of its source in the raw bytes.
    pub raw_start: usize,
    /// End of its source in the raw bytes (exclusive).
    pub raw_end: usize,
    /// Whether the two stretches are byte-for-byte the same.
    pub exact: bool,
}

/// The map from cleaned text back to raw bytes, so evidence can be shown in the original.
///
/// Segments are sorted by `clean_start` and do not overlap.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OffsetMap(pub Vec<OffsetSegment>);

impl OffsetMap {
    /// The raw byte range that the cleaned range `start..end` came from, if the map covers it.
    ///
    /// Inside an exact segment the answer is byte-precise; otherwise it is the whole raw range of
    /// every segment the cleaned range touches.
    pub fn raw_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let touched: Vec<&OffsetSegment> = self
            .0
            .iter()
            .filter(|segment| segment.clean_start < end.max(start + 1) && start < segment.clean_end)
            .collect();
        let first = touched.first()?;
        let last = touched.last()?;
        let raw_start = if first.exact {
            first.raw_start + start.saturating_sub(first.clean_start)
        } else {
            first.raw_start
        };
        let raw_end = if last.exact {
            last.raw_start + end.min(last.clean_end).saturating_sub(last.clean_start)
        } else {
            last.raw_end
        };
        Some((raw_start, raw_end.max(raw_start)))
    }
}

/// A near-duplicate's link to the document it copies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicateLink {
    /// The document this one copies (the first of the pair to be stored).
    pub original: DocumentId,
    /// Estimated Jaccard similarity of the two texts' word shingles, 0..1.
    pub similarity: f64,
}

/// One ingested report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Content-hash id, see [`DocumentId::from_text`].
    pub id: DocumentId,
    /// Where it was read from: a path, a URL, `-` for standard input, with `#item=N` or `#row=N`
    /// for an item of a feed or dump.
    pub origin: String,
    /// The publisher, when known.
    pub source: Option<String>,
    /// The canonical URL, when known.
    pub url: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The author or byline.
    pub author: Option<String>,
    /// The publication date, when known; relative dates in the text resolve against it.
    pub published: Option<NaiveDate>,
    /// ISO 639-1 code of the detected language (`en`), or `None` when it could not be told.
    pub language: Option<String>,
    /// What kind of input it was.
    pub media_type: MediaType,
    /// The cleaned text: boilerplate removed, the text extraction reads.
    pub text: String,
    /// The bytes as read, kept so nothing is lost and evidence can be shown in the original.
    #[serde(skip)]
    pub raw: Vec<u8>,
    /// Map from `text` back to `raw`.
    pub offsets: OffsetMap,
    /// Problems met while reading it that did not stop it ("invalid utf-8 replaced").
    pub warnings: Vec<String>,
    /// Set when this document is a near-copy of one already stored.
    pub duplicate_of: Option<DuplicateLink>,
    /// When it was first stored; `None` before it is.
    pub ingested_at: Option<DateTime<Utc>>,
}

impl Document {
    /// An English plain-text document read from `origin`, its raw bytes the text itself, with
    /// no metadata: the caller sets what it knows (`published`, `source`, ...) with struct
    /// update syntax. For texts that do not come through ingest (benchmarks, evaluation corpora).
    pub fn english_text(origin: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        Document {
            id: DocumentId::from_text(&text),
            origin: origin.into(),
            source: None,
            url: None,
            title: None,
            author: None,
            published: None,
            language: Some("en".to_string()),
            media_type: MediaType::Text,
            raw: text.clone().into_bytes(),
            text,
            offsets: OffsetMap::default(),
            warnings: Vec::new(),
            duplicate_of: None,
            ingested_at: None,
        }
    }

    /// Whether the extractor reads this document: English (or undetected but mostly ASCII
    /// Latin text) and not a near-copy of another.
    pub fn is_extractable(&self) -> bool {
        self.duplicate_of.is_none() && self.language.as_deref().is_none_or(|code| code == "en")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_ignores_white_space_layout() {
        let one = DocumentId::from_text("Gunmen attacked\n\nthe hall.");
        let two = DocumentId::from_text("  Gunmen   attacked the hall. ");
        assert_eq!(one, two);
        assert_ne!(one, DocumentId::from_text("Gunmen attacked the hall!"));
        assert_eq!(one.as_str().len(), DOCUMENT_ID_LEN);
    }

    #[test]
    fn id_parses_only_hex_of_the_right_length() {
        assert!("0123456789abcdef".parse::<DocumentId>().is_ok());
        assert!("0123456789ABCDEF".parse::<DocumentId>().is_ok());
        assert!("0123".parse::<DocumentId>().is_err());
        assert!("0123456789abcdeg".parse::<DocumentId>().is_err());
    }

    #[test]
    fn raw_range_is_precise_inside_exact_segments() {
        let map = OffsetMap(vec![
            OffsetSegment { clean_start: 0, clean_end: 10, raw_start: 5, raw_end: 15, exact: true },
            OffsetSegment {
                clean_start: 11,
                clean_end: 20,
                raw_start: 40,
                raw_end: 80,
                exact: false,
            },
        ]);
        assert_eq!(map.raw_range(2, 6), Some((7, 11)));
        assert_eq!(map.raw_range(12, 14), Some((40, 80)));
        assert_eq!(map.raw_range(8, 14), Some((13, 80)));
        assert_eq!(map.raw_range(30, 40), None);
    }
}
