//! Vigil's readers: files, folders, standard input and URLs into cleaned [`Document`]s.
//!
//! The flow is [`expand`] (inputs to units, folders walked lazily) → [`read`] (the I/O of one
//! unit) → [`parse`] (pure: bytes to documents). Each unit gives a [`UnitOutput`]: the documents
//! it held and the failures met on the way, so one bad item never stops the others.
//!
//! | Reader | Module | One document per |
//! |---|---|---|
//! | plain text, Markdown | `text` | file |
//! | HTML (readability) | `html` | page |
//! | RSS, Atom, JSON Feed | `feed` | item (`#item=N`) |
//! | JSON Lines, JSON array, CSV, TSV | `dump` | line (`#line=N`), element (`#item=N`), row (`#row=N`) |
//!
//! **Overrides** ([`Overrides`]): for a whole input (text, Markdown, HTML) a value set by the
//! caller replaces what was found in the input; for an item of a feed or dump it only fills in
//! what the item lacks (its own source, date or title wins).
//!
//! **Boilerplate**: widgets, navigation, copyright and contact lines, and the trailing footer
//! block are removed (see `boilerplate`); a publisher's "about us" paragraph directly above a
//! footer block is removed as well.

mod boilerplate;
mod dates;
mod decode;
mod draft;
mod dump;
mod error;
mod feed;
mod fetch;
mod html;
mod input;
mod language;
mod markdown;
mod meta;
mod offsets;
mod sniff;
mod text;

use std::borrow::Cow;
use std::str::FromStr;
use std::time::Duration;

use chrono::NaiveDate;
use vigil_domain::{Document, MediaType};

pub use error::{IngestError, Problem};
pub use fetch::Validators;
pub use input::{Input, Unit, expand};
pub use sniff::FormatHint;

use input::Source;
use sniff::Detected;

/// Which fields of a JSON Lines or CSV record hold what. `None` tries the defaults: text in
/// `text`, `body` or `content`; title in `title` or `headline`; date in `date`, `published` or
/// `pubDate`; URL in `url` or `link`; source in `source` or `publisher`. Names match exactly,
/// then ignoring ASCII case; JSON names may be dotted paths (`meta.title`). The author is always
/// looked for in `author`, `byline` or `creator`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMap {
    /// The field holding the text.
    pub text: Option<String>,
    /// The field holding the title.
    pub title: Option<String>,
    /// The field holding the publication date.
    pub date: Option<String>,
    /// The field holding the URL.
    pub url: Option<String>,
    /// The field holding the publisher's name.
    pub source: Option<String>,
}

/// Metadata set by the caller. For text, Markdown and HTML inputs it replaces what the input
/// says; for feed items and dump records it fills only what the item lacks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// The publisher.
    pub source: Option<String>,
    /// The publication date.
    pub published: Option<NaiveDate>,
    /// The title.
    pub title: Option<String>,
}

/// A format forced by the caller instead of sniffing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML page.
    Html,
    /// RSS, Atom or JSON Feed.
    Feed,
    /// JSON Lines (or a JSON array of objects).
    JsonLines,
    /// CSV (TSV when the first line has tabs and no commas, or the file ends in `.tsv`).
    Csv,
}

impl Format {
    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Feed => "feed",
            Format::JsonLines => "jsonl",
            Format::Csv => "csv",
        }
    }
}

impl FromStr for Format {
    type Err = String;

    /// Accepts `text`/`txt`, `markdown`/`md`, `html`, `feed`/`rss`/`atom`,
    /// `jsonl`/`ndjson`/`json`, `csv`/`tsv`.
    fn from_str(name: &str) -> Result<Format, String> {
        Ok(match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Format::Text,
            "markdown" | "md" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "feed" | "rss" | "atom" => Format::Feed,
            "jsonl" | "jsonlines" | "ndjson" | "json" => Format::JsonLines,
            "csv" | "tsv" => Format::Csv,
            other => {
                return Err(format!(
                    "unknown format {other:?} (expected text, markdown, html, feed, jsonl or csv)"
                ));
            }
        })
    }
}

/// How to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Field names for JSON Lines and CSV.
    pub fields: FieldMap,
    /// Metadata set by the caller.
    pub overrides: Overrides,
    /// A forced format; `None` sniffs each input.
    pub format: Option<Format>,
    /// Inputs larger than this many bytes are refused (default 64 MiB).
    pub max_bytes: u64,
    /// How long a URL may take, all in (default 20 s).
    pub http_timeout: Duration,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            fields: FieldMap::default(),
            overrides: Overrides::default(),
            format: None,
            max_bytes: 64 * 1024 * 1024,
            http_timeout: Duration::from_secs(20),
        }
    }
}

/// What one unit gave: its documents and the failures met, in input order.
#[derive(Debug, Default)]
pub struct UnitOutput {
    /// The documents read.
    pub documents: Vec<Document>,
    /// The input, or the items of it, that could not be read.
    pub failures: Vec<IngestError>,
}

impl UnitOutput {
    pub(crate) fn failure(error: IngestError) -> UnitOutput {
        UnitOutput { documents: Vec::new(), failures: vec![error] }
    }

    pub(crate) fn document(document: Document) -> UnitOutput {
        UnitOutput { documents: vec![document], failures: Vec::new() }
    }

    pub(crate) fn from_iter(
        results: impl IntoIterator<Item = Result<Document, IngestError>>,
    ) -> UnitOutput {
        let mut output = UnitOutput::default();
        results.into_iter().for_each(|result| output.push(result));
        output
    }

    pub(crate) fn push(&mut self, result: Result<Document, IngestError>) {
        match result {
            Ok(document) => self.documents.push(document),
            Err(error) => self.failures.push(error),
        }
    }
}

/// Reads one unit: the file (size checked first), standard input or the URL, then [`parse`].
/// For a URL, the `Content-Type` picks the reader and the final URL (after redirects) becomes the
/// `url` of a page or text document.
pub fn read(unit: &Unit, options: &ReadOptions) -> UnitOutput {
    let origin = unit.origin.as_str();
    let fail = |problem| UnitOutput::failure(IngestError::new(origin, problem));
    match &unit.source {
        Source::File(path) => match input::read_file(path, options.max_bytes) {
            Ok(bytes) => {
                parse_owned(origin, Cow::Owned(bytes), &FormatHint::from_path(path), options)
            }
            Err(problem) => fail(problem),
        },
        Source::Stdin => match input::read_stream(std::io::stdin().lock(), options.max_bytes, 0) {
            Ok(bytes) => parse_owned(origin, Cow::Owned(bytes), &FormatHint::none(), options),
            Err(problem) => fail(problem),
        },
        Source::Url(url) => match fetch::fetch(url, options.http_timeout, options.max_bytes) {
            Ok(fetched) => parse_fetched(origin, fetched, options),
            Err(problem) => fail(problem),
        },
    }
}

/// What polling a URL found.
#[derive(Debug)]
pub enum Poll {
    /// The server answered `304 Not Modified`: nothing new since the validators were given.
    NotModified,
    /// The resource as read now, and its validators for the next poll.
    Changed {
        /// Its documents and failures, as [`read`] gives them.
        output: UnitOutput,
        /// What to send on the next poll.
        validators: Validators,
    },
}

/// Reads a URL (a feed being followed) only if it changed since the GET that gave
/// `validators`: a conditional GET, where `304 Not Modified` means nothing new. A failed GET is
/// an error naming the URL.
pub fn poll(
    url: &str,
    validators: &Validators,
    options: &ReadOptions,
) -> Result<Poll, IngestError> {
    match fetch::fetch_if_changed(url, validators, options.http_timeout, options.max_bytes) {
        Ok(None) => Ok(Poll::NotModified),
        Ok(Some(fetched)) => {
            let validators = fetched.validators.clone();
            Ok(Poll::Changed { output: parse_fetched(url, fetched, options), validators })
        }
        Err(problem) => Err(IngestError::new(url, problem)),
    }
}

/// The documents of a fetched URL: the `Content-Type` picks the reader, and the final URL
/// (after redirects) becomes the `url` of a page or text document.
fn parse_fetched(origin: &str, fetched: fetch::Fetched, options: &ReadOptions) -> UnitOutput {
    let path = fetched.final_url.split(['?', '#']).next().unwrap_or_default();
    let mut hint = FormatHint::from_path(path.rsplit('/').next().unwrap_or_default());
    hint.content_type = fetched.content_type;
    let mut output = parse_owned(origin, Cow::Owned(fetched.body), &hint, options);
    for document in &mut output.documents {
        if matches!(document.media_type, MediaType::Html | MediaType::Text | MediaType::Markdown) {
            document.url = Some(fetched.final_url.clone());
        }
    }
    output
}

/// Parses the bytes of one input (pure: no I/O). `origin` names it in documents and failures;
/// `hint` carries its extension and/or `Content-Type`; `options.format` forces a reader.
pub fn parse(origin: &str, bytes: &[u8], hint: FormatHint, options: &ReadOptions) -> UnitOutput {
    parse_owned(origin, Cow::Borrowed(bytes), &hint, options)
}

/// [`parse`] over bytes that may be owned, so a whole-input document keeps them without a copy.
fn parse_owned(
    origin: &str,
    raw: Cow<'_, [u8]>,
    hint: &FormatHint,
    options: &ReadOptions,
) -> UnitOutput {
    let fail = |problem| UnitOutput::failure(IngestError::new(origin, problem));
    if u64::try_from(raw.len()).unwrap_or(u64::MAX) > options.max_bytes {
        let bytes = u64::try_from(raw.len()).unwrap_or(u64::MAX);
        return fail(Problem::TooLarge { bytes, limit: options.max_bytes });
    }
    let charset = hint.charset().or_else(|| sniff::declared_charset(&raw));
    let decoded = match decode::decode(&raw, charset.as_deref()) {
        Ok(decoded) => decoded,
        Err(problem) => return fail(problem),
    };
    let single = match sniff::detect(options.format, hint, &decoded.text) {
        Detected::Text => text::read(&raw, &decoded, origin, false),
        Detected::Markdown => text::read(&raw, &decoded, origin, true),
        Detected::Html => html::read(origin, &raw, &decoded),
        Detected::Feed => return feed::read(origin, &raw, &decoded, options),
        Detected::JsonLines => return dump::read_json(origin, &raw, &decoded, options),
        Detected::Csv { tab } => return dump::read_csv(origin, &raw, &decoded, tab, options),
    };
    drop(decoded);
    match single {
        Ok(mut draft) => {
            draft.override_with(&options.overrides);
            draft.raw = raw.into_owned();
            UnitOutput::document(draft.finish())
        }
        Err(problem) => fail(problem),
    }
}
