//! A document under construction, and how every reader finishes one: id, language, overrides.

use chrono::NaiveDate;
use vigil_domain::{Document, DocumentId, MediaType, OffsetMap};

use crate::Overrides;
use crate::language;

/// The fields a reader fills in before [`Draft::finish`] adds the id and the language.
#[derive(Debug)]
pub(crate) struct Draft {
    pub(crate) origin: String,
    pub(crate) media_type: MediaType,
    pub(crate) text: String,
    pub(crate) offsets: OffsetMap,
    pub(crate) raw: Vec<u8>,
    pub(crate) title: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) warnings: Vec<String>,
}

impl Draft {
    /// An empty draft for `origin`.
    pub(crate) fn new(origin: String, media_type: MediaType) -> Draft {
        Draft {
            origin,
            media_type,
            text: String::new(),
            offsets: OffsetMap::default(),
            raw: Vec::new(),
            title: None,
            source: None,
            url: None,
            author: None,
            published: None,
            warnings: Vec::new(),
        }
    }

    /// For a whole input (text, Markdown, HTML): what the caller set wins over what was found.
    pub(crate) fn override_with(&mut self, overrides: &Overrides) {
        if let Some(source) = &overrides.source {
            self.source = Some(source.clone());
        }
        if let Some(title) = &overrides.title {
            self.title = Some(title.clone());
        }
        if overrides.published.is_some() {
            self.published = overrides.published;
        }
    }

    /// For an item of a feed or dump: what the caller set fills only what the item lacks.
    pub(crate) fn default_from(&mut self, overrides: &Overrides) {
        if self.source.is_none() {
            self.source.clone_from(&overrides.source);
        }
        if self.title.is_none() {
            self.title.clone_from(&overrides.title);
        }
        if self.published.is_none() {
            self.published = overrides.published;
        }
    }

    /// The document: id from the text, language detected on its start.
    pub(crate) fn finish(self) -> Document {
        Document {
            id: DocumentId::from_text(&self.text),
            language: language::detect(&self.text),
            origin: self.origin,
            source: self.source.filter(|value| !value.trim().is_empty()),
            url: self.url.filter(|value| !value.trim().is_empty()),
            title: self.title.filter(|value| !value.trim().is_empty()),
            author: self.author.filter(|value| !value.trim().is_empty()),
            published: self.published,
            media_type: self.media_type,
            text: self.text,
            raw: self.raw,
            offsets: self.offsets,
            warnings: self.warnings,
            duplicate_of: None,
            ingested_at: None,
        }
    }
}

/// `text` with runs of white space folded to one space and trimmed (for titles and names).
pub(crate) fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
