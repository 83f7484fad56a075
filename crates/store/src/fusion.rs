//! What the store keeps for fusion: mentions with their fused incident, and analysts' edits.
//!
//! The store does not interpret a mention (its `data` is the fusion crate's JSON); it indexes
//! the block fields so that [`Store::mention_candidates`](crate::Store::mention_candidates)
//! can return a new mention's possible matches without reading the others.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use vigil_domain::{DocumentId, Extraction};

/// One incident as one document tells it, placed in a fused incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// `<document id>/<incident id>`.
    pub key: String,
    /// The reporting document.
    pub document: DocumentId,
    /// The fused incident it belongs to.
    pub fused_id: String,
    /// Its chain, named by the chain's smallest mention key: the mentions linked to it
    /// directly or through others. Fused incidents are carved out of chains, so a chain is
    /// what fusion looks at again when a new mention links to it.
    pub chain: String,
    /// ISO country code of its place, when known.
    pub country: Option<String>,
    /// First and last day it may have happened on (days from 0001-01-01), when known.
    pub days: Option<(i64, i64)>,
    /// The mention itself, as the fusion crate serialises it.
    pub data: String,
}

/// A document whose extraction has not been fused yet, with what fusion needs of it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnfusedDocument {
    /// Id.
    pub id: DocumentId,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Publisher.
    pub source: Option<String>,
    /// Cleaned text (the extraction's evidence spans point into it).
    pub text: String,
    /// The extraction.
    pub extraction: Extraction,
}

/// What fusing one mention changes, applied in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FusionChange {
    /// Mentions to store (replacing any with the same key).
    pub mentions: Vec<MentionRecord>,
    /// Documents now fully fused.
    pub fused_documents: Vec<DocumentId>,
}

/// An analyst's recorded change to fusion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FusionEditRecord {
    /// Order of recording (assigned by the store).
    pub seq: i64,
    /// The edit, as the fusion crate serialises it.
    pub edit: String,
    /// Who made it.
    pub author: String,
    /// When.
    pub at: DateTime<Utc>,
    /// Why.
    pub why: String,
}
