//! Choosing the reader: a forced [`Format`], else the HTTP `Content-Type`, else the file
//! extension, else the first bytes of the content.

use std::path::Path;

use crate::Format;

/// What is known about an input's format before reading it: its file extension and/or the
/// `Content-Type` it was served with. Both may be absent (stdin), and the content decides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormatHint {
    /// The file extension, lowercase, without the dot (`html`).
    pub extension: Option<String>,
    /// The `Content-Type` header value, parameters included (`text/html; charset=utf-8`).
    pub content_type: Option<String>,
}

impl FormatHint {
    /// No hint: the content decides.
    pub fn none() -> FormatHint {
        FormatHint::default()
    }

    /// The extension of `path` (of a file, or of a URL's path).
    pub fn from_path(path: impl AsRef<Path>) -> FormatHint {
        let extension =
            path.as_ref().extension().and_then(|ext| ext.to_str()).map(str::to_ascii_lowercase);
        FormatHint { extension, content_type: None }
    }

    /// An HTTP `Content-Type` value.
    pub fn from_content_type(value: &str) -> FormatHint {
        FormatHint { extension: None, content_type: Some(value.to_string()) }
    }

    /// The media type without parameters, lowercase (`text/html`).
    fn mime(&self) -> Option<String> {
        let value = self.content_type.as_deref()?;
        let essence = value.split(';').next()?.trim().to_ascii_lowercase();
        (!essence.is_empty()).then_some(essence)
    }

    /// The `charset` parameter of the content type.
    pub(crate) fn charset(&self) -> Option<String> {
        let value = self.content_type.as_deref()?;
        value.split(';').skip(1).find_map(|parameter| {
            let (name, value) = parameter.split_once('=')?;
            name.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| value.trim().trim_matches('"').to_string())
        })
    }
}

/// The reader chosen for an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detected {
    Text,
    Markdown,
    Html,
    Feed,
    JsonLines,
    /// CSV, or TSV when `tab` is set.
    Csv {
        tab: bool,
    },
}

/// Picks the reader for `text` (the decoded input).
pub(crate) fn detect(forced: Option<Format>, hint: &FormatHint, text: &str) -> Detected {
    let mime = hint.mime();
    let extension = hint.extension.as_deref();
    let tab = extension == Some("tsv")
        || extension == Some("tab")
        || mime.as_deref() == Some("text/tab-separated-values");
    if let Some(format) = forced {
        return match format {
            Format::Text => Detected::Text,
            Format::Markdown => Detected::Markdown,
            Format::Html => Detected::Html,
            Format::Feed => Detected::Feed,
            Format::JsonLines => Detected::JsonLines,
            Format::Csv => Detected::Csv { tab: tab || first_line_is_tabbed(text) },
        };
    }
    if let Some(mime) = mime.as_deref() {
        let by_type = match mime {
            "text/html" | "application/xhtml+xml" => Some(Detected::Html),
            "application/rss+xml"
            | "application/atom+xml"
            | "application/rdf+xml"
            | "application/feed+json" => Some(Detected::Feed),
            "application/x-ndjson"
            | "application/ndjson"
            | "application/jsonl"
            | "application/x-jsonlines"
            | "application/jsonlines" => Some(Detected::JsonLines),
            "text/csv" | "application/csv" => Some(Detected::Csv { tab: false }),
            "text/tab-separated-values" => Some(Detected::Csv { tab: true }),
            "text/markdown" | "text/x-markdown" => Some(Detected::Markdown),
            _ => None,
        };
        if let Some(detected) = by_type {
            return detected;
        }
    }
    if let Some(extension) = extension {
        let by_extension = match extension {
            "txt" | "text" => Some(Detected::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(Detected::Markdown),
            "html" | "htm" | "xhtml" | "shtml" => Some(Detected::Html),
            "jsonl" | "ndjson" => Some(Detected::JsonLines),
            "csv" => Some(Detected::Csv { tab: false }),
            "tsv" | "tab" => Some(Detected::Csv { tab: true }),
            _ => None,
        };
        if let Some(detected) = by_extension {
            return detected;
        }
    }
    sniff_content(text)
}

/// Decides from the first bytes: markup, JSON, Markdown or plain text.
fn sniff_content(text: &str) -> Detected {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let head = &start[..crate::boilerplate::floor_boundary(start, 2048)];
    let lower = head.to_ascii_lowercase();
    if lower.starts_with('<') {
        if lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") {
            return Detected::Feed;
        }
        let html = ["<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<article"];
        if html.iter().any(|tag| lower.contains(tag)) {
            return Detected::Html;
        }
        return Detected::Text;
    }
    if lower.starts_with('{') {
        if lower.contains("jsonfeed.org/version") {
            return Detected::Feed;
        }
        return Detected::JsonLines;
    }
    if lower.starts_with('[') && start.trim_end().ends_with(']') {
        return Detected::JsonLines;
    }
    let first_line = start.lines().next().unwrap_or_default();
    if first_line.starts_with("# ") || (first_line == "---" && lower.contains("\n---")) {
        return Detected::Markdown;
    }
    Detected::Text
}

fn first_line_is_tabbed(text: &str) -> bool {
    let line = text.lines().next().unwrap_or_default();
    line.contains('\t') && !line.contains(',')
}

/// A charset declared in the first bytes (`<meta charset=...>`, `<?xml encoding=...?>`).
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    ["charset=", "encoding="].iter().find_map(|key| {
        let at = lower.windows(key.len()).position(|window| window == key.as_bytes())? + key.len();
        let value: String = lower[at..]
            .iter()
            .skip_while(|&&byte| byte == b'"' || byte == b'\'')
            .take_while(|&&byte| {
                byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b':')
            })
            .map(|&byte| char::from(byte))
            .collect();
        (!value.is_empty()).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniff(text: &str) -> Detected {
        detect(None, &FormatHint::none(), text)
    }

    #[test]
    fn content_decides_without_hints() {
        assert_eq!(sniff("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"), Detected::Feed);
        assert_eq!(sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), Detected::Feed);
        assert_eq!(sniff("  <!DOCTYPE html><html><body>x"), Detected::Html);
        assert_eq!(sniff("{\"version\": \"https://jsonfeed.org/version/1.1\"}"), Detected::Feed);
        assert_eq!(sniff("{\"text\": \"a\"}\n{\"text\": \"b\"}"), Detected::JsonLines);
        assert_eq!(sniff("# Heading\n\nBody"), Detected::Markdown);
        assert_eq!(sniff("Just words."), Detected::Text);
    }

    #[test]
    fn content_type_beats_extension_and_forced_beats_both() {
        let hint = FormatHint {
            extension: Some("txt".into()),
            content_type: Some("text/html; charset=UTF-8".into()),
        };
        assert_eq!(detect(None, &hint, "plain"), Detected::Html);
        assert_eq!(hint.charset().as_deref(), Some("UTF-8"));
        assert_eq!(detect(Some(Format::Text), &hint, "<html>"), Detected::Text);
        assert_eq!(
            detect(None, &FormatHint::from_path("a/b.TSV"), "a\tb"),
            Detected::Csv { tab: true }
        );
        assert_eq!(
            detect(Some(Format::Csv), &FormatHint::none(), "a\tb\n1\t2"),
            Detected::Csv { tab: true }
        );
    }

    #[test]
    fn declared_charsets() {
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1251\">").as_deref(),
            Some("windows-1251")
        );
        assert_eq!(
            declared_charset(b"<?xml version='1.0' encoding='ISO-8859-1'?>").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(declared_charset(b"no declaration"), None);
    }
}
