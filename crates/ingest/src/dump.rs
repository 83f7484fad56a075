//! Dumps: JSON Lines (or a JSON array of objects) and CSV/TSV, one document per line or row with
//! fields picked by the [`FieldMap`]. Bad lines and rows are failures; the others go on.

use serde_json::{Map, Value};
use vigil_domain::{Document, MediaType};

use crate::decode::Decoded;
use crate::draft::{Draft, squash};
use crate::error::{IngestError, Problem};
use crate::{FieldMap, ReadOptions, UnitOutput, dates, html, meta, offsets, text};

const TEXT: [&str; 3] = ["text", "body", "content"];
const TITLE: [&str; 2] = ["title", "headline"];
const DATE: [&str; 3] = ["date", "published", "pubDate"];
const URL: [&str; 2] = ["url", "link"];
const SOURCE: [&str; 2] = ["source", "publisher"];
/// Authors are not in the [`FieldMap`]: these names are always tried.
const AUTHOR: [&str; 3] = ["author", "byline", "creator"];

/// The field names to try: the one the caller named, else the defaults.
fn names<'a>(chosen: &'a Option<String>, defaults: &'a [&'a str]) -> Vec<&'a str> {
    match chosen {
        Some(name) => vec![name.as_str()],
        None => defaults.to_vec(),
    }
}

/// The values taken out of one line or row.
#[derive(Debug, Default)]
struct Fields {
    text: Option<String>,
    title: Option<String>,
    published: Option<chrono::NaiveDate>,
    url: Option<String>,
    source: Option<String>,
    author: Option<String>,
}

/// One record of a dump, ready to become a document.
struct Record<'a> {
    origin: String,
    media_type: MediaType,
    raw: Vec<u8>,
    /// The record's decoded text, where its paragraphs are looked for.
    haystack: &'a str,
    to_raw: &'a dyn Fn(usize) -> usize,
}

impl Record<'_> {
    fn document(self, fields: Fields, options: &ReadOptions) -> Result<Document, IngestError> {
        let tried = names(&options.fields.text, &TEXT).join(", ");
        let Some(body) = fields.text else {
            return Err(IngestError::new(self.origin, Problem::MissingField { tried }));
        };
        let plain = if html::looks_like_html(&body) { html::fragment_to_text(&body) } else { body };
        let cleaned = text::clean(&plain, false);
        if cleaned.text.trim().is_empty() {
            return Err(IngestError::new(self.origin, Problem::ItemNoText));
        }
        let mut draft = Draft::new(self.origin, self.media_type);
        draft.offsets = offsets::locate(&cleaned.text, self.haystack, 0, self.to_raw, &self.raw);
        draft.text = cleaned.text;
        draft.raw = self.raw;
        draft.title = fields.title.map(|title| squash(&title));
        draft.published = fields.published.or(cleaned.published);
        draft.url = fields.url;
        draft.source = fields.source;
        draft.author = fields.author.or(cleaned.author);
        draft.default_from(&options.overrides);
        Ok(draft.finish())
    }
}

/// Reads JSON Lines (`#line=N`, blank lines skipped but counted) or a JSON array (`#item=N`).
pub(crate) fn read_json(
    origin: &str,
    raw: &[u8],
    decoded: &Decoded<'_>,
    options: &ReadOptions,
) -> UnitOutput {
    let text = decoded.text.as_ref();
    if text.trim_start().starts_with('[') {
        return read_json_array(origin, text, options);
    }
    // One pretty-printed object rather than one object per line: read it as a single record.
    let first_line = text.lines().find(|line| !line.trim().is_empty()).unwrap_or_default();
    if serde_json::from_str::<Value>(first_line).is_err()
        && let Ok(Value::Object(object)) = serde_json::from_str::<Value>(text)
    {
        let record = Record {
            origin: format!("{origin}#item=1"),
            media_type: MediaType::JsonLine,
            raw: raw.to_vec(),
            haystack: text,
            to_raw: &|pos| decoded.to_raw(pos, raw.len()),
        };
        return UnitOutput::from_iter([
            record.document(json_fields(&object, &options.fields), options)
        ]);
    }
    let mut output = UnitOutput::default();
    let mut position = 0;
    for (index, line) in text.split('\n').enumerate() {
        let start = position;
        position += line.len() + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let item_origin = format!("{origin}#line={}", index + 1);
        let object = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => object,
            Ok(_) => {
                output.failures.push(malformed(item_origin, "json", "not an object".into()));
                continue;
            }
            Err(error) => {
                output.failures.push(malformed(item_origin, "json", error.to_string()));
                continue;
            }
        };
        let raw_start = decoded.to_raw(start, raw.len());
        let raw_end = decoded.to_raw(start + line.len(), raw.len()).max(raw_start);
        let to_raw = |pos: usize| decoded.to_raw(start + pos, raw.len()).saturating_sub(raw_start);
        let record = Record {
            origin: item_origin,
            media_type: MediaType::JsonLine,
            raw: raw[raw_start..raw_end].to_vec(),
            haystack: line,
            to_raw: &to_raw,
        };
        output.push(record.document(json_fields(&object, &options.fields), options));
    }
    output
}

/// A JSON array of objects: each element's raw bytes are its serialized JSON.
fn read_json_array(origin: &str, text: &str, options: &ReadOptions) -> UnitOutput {
    let items = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items,
        Ok(_) => {
            return UnitOutput::failure(malformed(origin.into(), "json", "not an array".into()));
        }
        Err(error) => {
            return UnitOutput::failure(malformed(origin.into(), "json", error.to_string()));
        }
    };
    let mut output = UnitOutput::default();
    for (index, item) in items.iter().enumerate() {
        let item_origin = format!("{origin}#item={}", index + 1);
        let Value::Object(object) = item else {
            output.failures.push(malformed(item_origin, "json", "not an object".into()));
            continue;
        };
        let serialized = serde_json::to_string(item).unwrap_or_default();
        let record = Record {
            origin: item_origin,
            media_type: MediaType::JsonLine,
            raw: serialized.clone().into_bytes(),
            haystack: &serialized,
            to_raw: &|pos| pos,
        };
        output.push(record.document(json_fields(object, &options.fields), options));
    }
    output
}

fn malformed(origin: String, format: &str, detail: String) -> IngestError {
    IngestError::new(origin, Problem::Malformed { format: format.into(), detail })
}

/// The fields of a JSON object.
fn json_fields(object: &Map<String, Value>, map: &FieldMap) -> Fields {
    let get = |names: Vec<&str>| names.into_iter().find_map(|name| json_lookup(object, name));
    Fields {
        text: get(names(&map.text, &TEXT)).and_then(json_text),
        title: get(names(&map.title, &TITLE)).and_then(json_text),
        published: get(names(&map.date, &DATE)).and_then(|value| match value {
            Value::String(text) => dates::parse_date(text),
            Value::Number(number) => number.as_i64().and_then(dates::from_timestamp),
            _ => None,
        }),
        url: get(names(&map.url, &URL)).and_then(json_text),
        source: get(names(&map.source, &SOURCE)).and_then(|value| meta::names(Some(value))),
        author: get(AUTHOR.to_vec()).and_then(|value| meta::names(Some(value))),
    }
}

/// `name` in `object`: exact key, then a dotted path (`meta.title`), then any key equal ignoring
/// ASCII case.
fn json_lookup<'v>(object: &'v Map<String, Value>, name: &str) -> Option<&'v Value> {
    if let Some(value) = object.get(name) {
        return Some(value).filter(|value| !value.is_null());
    }
    if name.contains('.') {
        let mut parts = name.split('.');
        let mut value = object.get(parts.next()?)?;
        for part in parts {
            value = value.get(part)?;
        }
        return Some(value).filter(|value| !value.is_null());
    }
    object
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value)
        .filter(|value| !value.is_null())
}

/// A JSON value as text: a string, a number, or a list of strings (one paragraph each).
fn json_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Array(items) => {
            let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    }
}

/// Reads CSV (or TSV): a header row, then one document per row (`#row=N`, N counting data rows
/// from 1). A row with the wrong number of fields is a failure.
pub(crate) fn read_csv(
    origin: &str,
    raw: &[u8],
    decoded: &Decoded<'_>,
    tab: bool,
    options: &ReadOptions,
) -> UnitOutput {
    let text = decoded.text.as_ref();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tab { b'\t' } else { b',' })
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.byte_headers() {
        Ok(headers) => {
            headers.iter().map(|name| String::from_utf8_lossy(name).trim().to_string()).collect()
        }
        Err(error) => {
            return UnitOutput::failure(malformed(origin.into(), "csv", error.to_string()));
        }
    };
    let column = |chosen: &Option<String>, defaults: &[&str]| {
        names(chosen, defaults)
            .into_iter()
            .find_map(|name| headers.iter().position(|header| header.eq_ignore_ascii_case(name)))
    };
    let fields = &options.fields;
    let Some(text_column) = column(&fields.text, &TEXT) else {
        let tried = names(&fields.text, &TEXT).join(", ");
        return UnitOutput::failure(IngestError::new(origin, Problem::MissingField { tried }));
    };
    let columns = [
        column(&fields.title, &TITLE),
        column(&fields.date, &DATE),
        column(&fields.url, &URL),
        column(&fields.source, &SOURCE),
        column(&None, &AUTHOR),
    ];
    let mut output = UnitOutput::default();
    let mut record = csv::ByteRecord::new();
    let mut row = 0;
    loop {
        let before = reader.position().byte();
        let result = reader.read_byte_record(&mut record);
        let after = reader.position().byte();
        match result {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                row += 1;
                output.failures.push(malformed(
                    format!("{origin}#row={row}"),
                    "csv",
                    error.to_string(),
                ));
                if after <= before {
                    break;
                }
                continue;
            }
        }
        row += 1;
        let item_origin = format!("{origin}#row={row}");
        if record.len() != headers.len() {
            let detail = format!("expected {} fields, found {}", headers.len(), record.len());
            output.failures.push(malformed(item_origin, "csv", detail));
            continue;
        }
        let start = record.position().map_or(before, csv::Position::byte);
        let start = usize::try_from(start).unwrap_or(text.len()).min(text.len());
        let end = usize::try_from(after).unwrap_or(text.len()).clamp(start, text.len());
        let line = text[start..end].trim_end_matches(['\r', '\n']);
        let raw_start = decoded.to_raw(start, raw.len());
        let raw_end = decoded.to_raw(start + line.len(), raw.len()).max(raw_start);
        let to_raw = |pos: usize| decoded.to_raw(start + pos, raw.len()).saturating_sub(raw_start);
        let cell = |index: Option<usize>| {
            let value = String::from_utf8_lossy(record.get(index?)?).trim().to_string();
            (!value.is_empty()).then_some(value)
        };
        let [title, date, url, source, author] = columns;
        let row_fields = Fields {
            // An empty text cell is an item without text, not a missing field.
            text: record.get(text_column).map(|value| String::from_utf8_lossy(value).into_owned()),
            title: cell(title),
            published: cell(date).as_deref().and_then(dates::parse_date),
            url: cell(url),
            source: cell(source),
            author: cell(author),
        };
        let item = Record {
            origin: item_origin,
            media_type: MediaType::CsvRow,
            raw: raw[raw_start..raw_end].to_vec(),
            haystack: line,
            to_raw: &to_raw,
        };
        output.push(item.document(row_fields, options));
    }
    output
}
