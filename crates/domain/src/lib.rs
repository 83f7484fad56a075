//! Vigil's domain types: what a document, a source and an extraction are.
//!
//! This crate is the shared vocabulary of every other crate. It does no I/O and has no async:
//! types, their JSON form (exactly as `CODEBOOK.md` writes it) and small pure helpers.
//!
//! - [`document`]: an ingested report ([`Document`]) with its cleaned text, raw bytes and the map
//!   between the two;
//! - [`source`]: publishers and their Admiralty reliability grade;
//! - [`codebook`]: the extractor's output ([`Extraction`]): incidents, claims and actors, every
//!   fact tied to [`Evidence`] spans of the cleaned text.

pub mod codebook;
pub mod document;
pub mod source;

pub use codebook::{
    ActorKind, ActorMention, Attribution, Claim, ClaimKind, Confidence, Count, CountQualifier,
    DatePrecision, DateSpan, DocumentRef, Evidence, Extraction, Incident, IncidentFamily,
    IncidentType, Location, LocationPrecision, Modality, Probability, Stage, TargetType, Weapon,
};
pub use document::{
    Document, DocumentId, DuplicateLink, MediaType, OffsetMap, OffsetSegment, ParseIdError,
};
pub use source::{Reliability, Source};
