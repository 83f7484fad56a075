//! The extractor interface: a pure function from a document to the codebook's output.
//!
//! Extraction does no I/O, never panics on any text, and returns an [`Extraction`] whose every
//! fact carries evidence spans into `document.text`. The reader proper lands with the reader
//! issue; until then [`NullExtractor`] stands in and finds nothing, so the pipeline, the store and
//! the CLI can be built and tested end to end around the real interface.

pub mod counts;
pub mod dates;
pub mod kb;
pub mod text;

use vigil_domain::{Document, DocumentRef, Extraction};

/// Something that reads a document.
pub trait Extractor: Send + Sync {
    /// A short name, stored as provenance with every extraction.
    fn name(&self) -> &str;

    /// A version, stored as provenance; bump it when output changes.
    fn version(&self) -> &str;

    /// Reads one document. Must not panic and must not do I/O.
    fn extract(&self, document: &Document) -> Extraction;
}

/// The header every extraction starts from: the document's id, title, date and source.
pub fn document_ref(document: &Document) -> DocumentRef {
    DocumentRef {
        id: document.id.to_string(),
        title: document.title.clone(),
        published: document.published,
        source: document.source.clone(),
    }
}

/// An extractor that finds nothing: the placeholder until the reader lands.
#[derive(Debug, Clone, Copy, Default)]
pub struct NullExtractor;

impl Extractor for NullExtractor {
    fn name(&self) -> &str {
        "null"
    }

    fn version(&self) -> &str {
        "0"
    }

    fn extract(&self, document: &Document) -> Extraction {
        Extraction { document: document_ref(document), ..Extraction::default() }
    }
}
