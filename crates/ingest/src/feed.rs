//! Feeds: RSS (0.9x, 1.0, 2.0), Atom and JSON Feed through feed-rs, one document per item, each
//! with its own bytes. A feed that feed-rs rejects as a whole is salvaged item by item.

use std::ops::Range;

use feed_rs::model::{Entry, Feed};
use serde_json::Value;
use vigil_domain::{Document, MediaType};

use crate::decode::Decoded;
use crate::draft::{Draft, squash};
use crate::error::{IngestError, Problem};
use crate::{ReadOptions, UnitOutput, html, offsets, text};

/// One `<item>` or `<entry>` element found by scanning the markup.
#[derive(Debug, Clone)]
struct Chunk {
    range: Range<usize>,
    /// Whether its end tag was found (a truncated feed leaves the last one open).
    complete: bool,
}

/// Reads every item of a feed.
pub(crate) fn read(
    origin: &str,
    raw: &[u8],
    decoded: &Decoded<'_>,
    options: &ReadOptions,
) -> UnitOutput {
    let text = decoded.text.as_ref();
    if text.trim_start().starts_with('{') {
        return read_json(origin, text, options);
    }
    let chunks = item_chunks(text);
    let body = skip_declaration(text);
    match feed_rs::parser::parse(body.as_bytes()) {
        Ok(feed) => {
            let source = feed.title.as_ref().map(|title| squash(&title.content));
            let paired = chunks.len() == feed.entries.len();
            let mut output = UnitOutput::default();
            for (index, entry) in feed.entries.iter().enumerate() {
                let chunk = paired.then(|| chunks[index].range.clone());
                let item = Item { origin, index, source: source.as_deref(), options };
                output.push(item.xml_document(entry, text, chunk, decoded, raw));
            }
            output
        }
        Err(error) => salvage(origin, text, &chunks, decoded, raw, &error.to_string(), options),
    }
}

/// What every item of one feed shares.
struct Item<'a> {
    origin: &'a str,
    index: usize,
    source: Option<&'a str>,
    options: &'a ReadOptions,
}

impl Item<'_> {
    fn origin(&self) -> String {
        format!("{}#item={}", self.origin, self.index + 1)
    }

    /// An item of an XML feed: its raw bytes are its element's bytes in the file.
    fn xml_document(
        &self,
        entry: &Entry,
        text: &str,
        chunk: Option<Range<usize>>,
        decoded: &Decoded<'_>,
        raw: &[u8],
    ) -> Result<Document, IngestError> {
        match chunk {
            Some(chunk) => {
                let raw_start = decoded.to_raw(chunk.start, raw.len());
                let raw_end = decoded.to_raw(chunk.end, raw.len()).max(raw_start);
                let item_raw = raw[raw_start..raw_end].to_vec();
                let haystack = &text[chunk.clone()];
                let to_raw = |pos: usize| {
                    decoded.to_raw(chunk.start + pos, raw.len()).saturating_sub(raw_start)
                };
                self.document(entry, item_raw, haystack, &to_raw, Vec::new())
            }
            None => {
                // feed-rs found items that the scan did not: keep the item's own content as raw.
                let own = entry_body(entry).unwrap_or_default();
                let warning =
                    "item bytes not located in the feed; raw holds its content".to_string();
                self.document(entry, own.as_bytes().to_vec(), &own, &|pos| pos, vec![warning])
            }
        }
    }

    /// Builds the document of `entry`, whose bytes are `item_raw` (`haystack` decoded).
    fn document(
        &self,
        entry: &Entry,
        item_raw: Vec<u8>,
        haystack: &str,
        to_raw: &dyn Fn(usize) -> usize,
        warnings: Vec<String>,
    ) -> Result<Document, IngestError> {
        let fail = |problem| IngestError::new(self.origin(), problem);
        let body = entry_body(entry).ok_or_else(|| fail(Problem::ItemNoText))?;
        let plain = if html::looks_like_html(&body) { html::fragment_to_text(&body) } else { body };
        let cleaned = text::clean(&plain, false);
        if cleaned.text.trim().is_empty() {
            return Err(fail(Problem::ItemNoText));
        }
        let mut draft = Draft::new(self.origin(), MediaType::FeedItem);
        draft.offsets = offsets::locate(&cleaned.text, haystack, 0, to_raw, &item_raw);
        draft.text = cleaned.text;
        draft.raw = item_raw;
        draft.title = entry.title.as_ref().map(|title| {
            let title = &title.content;
            squash(&if html::looks_like_html(title) {
                html::fragment_to_text(title)
            } else {
                title.clone()
            })
        });
        draft.url = entry_link(entry);
        draft.published =
            entry.published.or(entry.updated).map(|stamp| stamp.date_naive()).or(cleaned.published);
        draft.author =
            entry.authors.iter().find_map(|person| person.name.clone()).or(cleaned.author);
        draft.source = self.source.map(str::to_string);
        draft.warnings = warnings;
        draft.default_from(&self.options.overrides);
        Ok(draft.finish())
    }
}

/// The item's text: its full content when there is some, else its summary.
fn entry_body(entry: &Entry) -> Option<String> {
    let content = entry.content.as_ref().and_then(|content| content.body.clone());
    let summary = entry.summary.as_ref().map(|summary| summary.content.clone());
    content
        .filter(|body| !body.trim().is_empty())
        .or(summary)
        .filter(|body| !body.trim().is_empty())
}

/// The item's link: the `alternate` one when marked, else the first.
fn entry_link(entry: &Entry) -> Option<String> {
    let alternate =
        entry.links.iter().find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"));
    alternate.or(entry.links.first()).map(|link| link.href.clone())
}

/// Reads a JSON Feed item by item, so one bad item does not lose the others; each item's raw
/// bytes are its own JSON, serialized.
fn read_json(origin: &str, text: &str, options: &ReadOptions) -> UnitOutput {
    let malformed = |detail: String| {
        UnitOutput::failure(IngestError::new(
            origin,
            Problem::Malformed { format: "feed".into(), detail },
        ))
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => return malformed(format!("invalid json: {error}")),
    };
    let Some(items) = value.get("items").and_then(Value::as_array) else {
        return malformed("json feed has no items array".to_string());
    };
    let version = value.get("version").cloned().unwrap_or(Value::Null);
    let title = value.get("title").cloned().unwrap_or(Value::Null);
    let source = title.as_str().map(squash);
    let mut output = UnitOutput::default();
    for (index, item_value) in items.iter().enumerate() {
        let item = Item { origin, index, source: source.as_deref(), options };
        let single =
            serde_json::json!({ "version": version, "title": title, "items": [item_value] });
        let item_json = serde_json::to_string(item_value).unwrap_or_default();
        let parsed =
            serde_json::to_vec(&single).map_err(|error| error.to_string()).and_then(|bytes| {
                feed_rs::parser::parse(bytes.as_slice()).map_err(|error| error.to_string())
            });
        output.push(match parsed {
            Ok(feed) => match feed.entries.first() {
                Some(entry) => item.document(
                    entry,
                    item_json.clone().into_bytes(),
                    &item_json,
                    &|pos| pos,
                    Vec::new(),
                ),
                None => Err(IngestError::new(item.origin(), Problem::ItemNoText)),
            },
            Err(detail) => Err(malformed_item(&item, detail)),
        });
    }
    output
}

fn malformed_item(item: &Item<'_>, detail: String) -> IngestError {
    IngestError::new(item.origin(), Problem::Malformed { format: "feed item".into(), detail })
}

/// After feed-rs rejected the whole feed: parses each `<item>`/`<entry>` inside a copy of the
/// feed's root element, reports the ones that still fail, and one failure for the feed itself.
fn salvage(
    origin: &str,
    text: &str,
    chunks: &[Chunk],
    decoded: &Decoded<'_>,
    raw: &[u8],
    error: &str,
    options: &ReadOptions,
) -> UnitOutput {
    let mut output = UnitOutput::default();
    let root = root_tag(text);
    let (Some((root_range, root_name)), Some(first)) = (root, chunks.first()) else {
        output.failures.push(IngestError::new(
            origin,
            Problem::Malformed { format: "feed".into(), detail: error.to_string() },
        ));
        return output;
    };
    let root_open = &text[root_range.clone()];
    let local = root_name.rsplit(':').next().unwrap_or(&root_name).to_ascii_lowercase();
    let (open, close) = match local.as_str() {
        "rss" => (format!("{root_open}<channel>"), format!("</channel></{root_name}>")),
        _ => (root_open.to_string(), format!("</{root_name}>")),
    };
    // The feed's title, from the part before the first item.
    let header = &text[root_range.start..first.range.start.max(root_range.end)];
    let header_close = if header.contains("<channel") && !header.contains("</channel>") {
        format!("</channel></{root_name}>")
    } else {
        format!("</{root_name}>")
    };
    let source = feed_rs::parser::parse(format!("{header}{header_close}").as_bytes())
        .ok()
        .and_then(|feed: Feed| feed.title.map(|title| squash(&title.content)));

    let mut salvaged = 0;
    for (index, chunk) in chunks.iter().enumerate() {
        let item = Item { origin, index, source: source.as_deref(), options };
        if !chunk.complete {
            output.failures.push(malformed_item(&item, "truncated item".to_string()));
            continue;
        }
        let wrapped = format!("{open}{}{close}", &text[chunk.range.clone()]);
        match feed_rs::parser::parse(wrapped.as_bytes()) {
            Ok(feed) => match feed.entries.first() {
                Some(entry) => {
                    let result =
                        item.xml_document(entry, text, Some(chunk.range.clone()), decoded, raw);
                    salvaged += usize::from(result.is_ok());
                    output.push(result);
                }
                None => output.failures.push(malformed_item(&item, "no item found".to_string())),
            },
            Err(error) => output.failures.push(malformed_item(&item, error.to_string())),
        }
    }
    let detail = format!("{error} (salvaged {salvaged} of {} items)", chunks.len());
    output
        .failures
        .insert(0, IngestError::new(origin, Problem::Malformed { format: "feed".into(), detail }));
    output
}

/// The text after an `<?xml ...?>` declaration: the text is already decoded to UTF-8, so a
/// declared legacy encoding must not make the XML parser decode it again.
fn skip_declaration(text: &str) -> &str {
    let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if trimmed.starts_with("<?xml")
        && let Some(end) = trimmed.find("?>")
    {
        return &trimmed[end + 2..];
    }
    trimmed
}

/// The root element's start tag (range) and name: the first tag that is not `<?...>` or `<!...>`.
fn root_tag(text: &str) -> Option<(Range<usize>, String)> {
    let mut from = 0;
    while let Some(at) = text[from..].find('<').map(|at| from + at) {
        let next = text.as_bytes().get(at + 1).copied();
        if matches!(next, Some(b'?' | b'!')) {
            from = at + 1;
            continue;
        }
        let end = at + text[at..].find('>')? + 1;
        let name: String = text[at + 1..end]
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '-' | '_' | '.'))
            .collect();
        return (!name.is_empty()).then_some((at..end, name));
    }
    None
}

/// The `<item>` and `<entry>` elements of the markup, skipping CDATA sections and comments.
/// Linear: one pass over the text.
fn item_chunks(text: &str) -> Vec<Chunk> {
    let bytes = text.as_bytes();
    let mut chunks = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut at = 0;
    while let Some(found) = text[at..].find('<').map(|found| at + found) {
        let rest = &text[found..];
        if rest.starts_with("<![CDATA[") {
            at = rest.find("]]>").map_or(text.len(), |end| found + end + 3);
            continue;
        }
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(text.len(), |end| found + end + 3);
            continue;
        }
        let boundary = |offset: usize| {
            bytes
                .get(found + offset)
                .is_none_or(|b| matches!(b, b' ' | b'>' | b'/' | b'\t' | b'\n' | b'\r'))
        };
        match open {
            None => {
                for tag in ["item", "entry"] {
                    if rest[1..].starts_with(tag) && boundary(1 + tag.len()) {
                        open = Some((found, tag));
                    }
                }
            }
            Some((start, tag)) => {
                if rest[1..].starts_with('/')
                    && rest[2..].starts_with(tag)
                    && boundary(2 + tag.len())
                {
                    let end = rest.find('>').map_or(text.len(), |close| found + close + 1);
                    chunks.push(Chunk { range: start..end, complete: true });
                    open = None;
                    at = end;
                    continue;
                }
            }
        }
        at = found + 1;
    }
    if let Some((start, _)) = open {
        chunks.push(Chunk { range: start..text.len(), complete: false });
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_skip_cdata_and_comments() {
        let text = "<rss><channel><items/><item><description><![CDATA[<item>not one</item>]]></description>\
                    </item><!-- <item> --><item attr=\"1\">two</item><item>open";
        let chunks = item_chunks(text);
        let ranges: Vec<&str> = chunks.iter().map(|chunk| &text[chunk.range.clone()]).collect();
        assert_eq!(ranges.len(), 3);
        assert!(ranges[0].starts_with("<item><description>") && ranges[0].ends_with("</item>"));
        assert_eq!(ranges[1], "<item attr=\"1\">two</item>");
        assert_eq!(ranges[2], "<item>open");
        assert!(!chunks[2].complete);
    }

    #[test]
    fn root_tag_skips_declarations() {
        let text = "<?xml version=\"1.0\"?><!-- c --><rss version=\"2.0\" xmlns:dc=\"x\"><channel>";
        let (range, name) = root_tag(text).unwrap_or((0..0, String::new()));
        assert_eq!(name, "rss");
        assert_eq!(&text[range], "<rss version=\"2.0\" xmlns:dc=\"x\">");
    }
}
