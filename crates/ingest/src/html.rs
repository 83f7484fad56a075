//! HTML pages: the article text through readability (dom_smoothie), metadata from `<meta>`, JSON-LD
//! and `<title>` (scraper), a plain rendering when readability finds no article, and paragraph
//! offsets located in the raw markup.

use dom_smoothie::{Config, Readability, TextMode};
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};
use vigil_domain::MediaType;

use crate::dates;
use crate::decode::Decoded;
use crate::draft::{Draft, squash};
use crate::error::Problem;
use crate::meta::{fill, page_meta};
use crate::offsets;
use crate::text;

/// Elements whose content is never article text.
const SKIPPED: [&str; 21] = [
    "script", "style", "noscript", "nav", "footer", "header", "aside", "form", "template", "svg",
    "iframe", "button", "select", "input", "textarea", "object", "embed", "canvas", "head", "menu",
    "dialog",
];

/// Elements that start a new paragraph in the plain rendering.
const BLOCKS: [&str; 30] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "dd",
    "dt",
    "dl",
    "figcaption",
    "figure",
    "address",
    "hr",
    "body",
    "center",
    "details",
    "summary",
    "caption",
];

/// `class` or `id` words of widgets that the plain rendering skips.
const WIDGET_CLASSES: [&str; 18] = [
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "breadcrumb",
    "breadcrumbs",
    "advert",
    "advertisement",
    "promo",
    "sidebar",
    "navbar",
    "popup",
    "modal",
];

/// Reads a whole HTML page into one document (without its raw bytes, which the caller adds).
pub(crate) fn read(origin: &str, raw: &[u8], decoded: &Decoded<'_>) -> Result<Draft, Problem> {
    let html = decoded.text.as_ref();
    let page = Html::parse_document(html);
    let mut meta = page_meta(&page);
    let mut warnings = Vec::new();

    let base_url =
        (origin.starts_with("http://") || origin.starts_with("https://")).then_some(origin);
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let article = Readability::new(html, base_url, Some(config))
        .ok()
        .and_then(|mut reader| reader.parse().ok());
    let mut body =
        article.as_ref().map(|article| article.text_content.to_string()).unwrap_or_default();
    if let Some(article) = &article {
        fill(&mut meta.title, Some(article.title.as_str()));
        fill(&mut meta.author, article.byline.as_deref());
        fill(&mut meta.site_name, article.site_name.as_deref());
        fill(&mut meta.published, article.published_time.as_deref());
    }
    if body.trim().is_empty() {
        body = render(&page);
        if !body.trim().is_empty() {
            warnings.push("readability found no article; used a plain rendering".to_string());
        }
    }
    if body.trim().is_empty()
        && let Some(description) = meta.description.take()
    {
        body = description;
        warnings.push("no body text; used the page description".to_string());
    }
    let cleaned = text::clean(&body, false);
    if cleaned.text.trim().is_empty() {
        return Err(Problem::NoText);
    }

    let mut draft = Draft::new(origin.to_string(), MediaType::Html);
    let body_at = find_ascii_case_insensitive(html, "<body").unwrap_or(0);
    draft.offsets =
        offsets::locate(&cleaned.text, html, body_at, &|pos| decoded.to_raw(pos, raw.len()), raw);
    draft.text = cleaned.text;
    draft.title = meta.title.map(|title| squash(&title));
    draft.source = meta.site_name.map(|name| squash(&name));
    draft.url = meta.url.or_else(|| base_url.map(str::to_string));
    draft.author = meta.author.map(|author| squash(&author)).or(cleaned.author);
    draft.published = meta.published.as_deref().and_then(dates::parse_date).or(cleaned.published);
    draft.warnings = decoded.warnings.clone();
    draft.warnings.extend(warnings);
    Ok(draft)
}

/// Plain text of an HTML fragment (a feed item's or a dump row's HTML content).
pub(crate) fn fragment_to_text(fragment: &str) -> String {
    render(&Html::parse_fragment(fragment))
}

/// Whether `text` carries HTML markup (rather than being plain text with a stray `<`).
pub(crate) fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .windows(2)
        .any(|pair| pair[0] == b'<' && (pair[1].is_ascii_alphabetic() || pair[1] == b'/'))
        && (text.contains('>'))
}

/// A plain rendering: text of the page outside skipped elements and widgets, blank lines between
/// blocks. Walks the tree iteratively, so deep nesting cannot exhaust the stack.
fn render(page: &Html) -> String {
    let mut out = String::new();
    let mut skipping = None;
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(element) => {
                        if is_skipped(element) {
                            skipping = Some(node.id());
                        } else if element.name() == "br" {
                            trim_trailing_space(&mut out);
                            out.push('\n');
                        } else if BLOCKS.contains(&element.name()) {
                            paragraph_break(&mut out);
                        } else if matches!(element.name(), "td" | "th") {
                            out.push(' ');
                        }
                    }
                    Node::Text(text) => push_words(&mut out, text),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && let Node::Element(element) = node.value()
                    && BLOCKS.contains(&element.name())
                {
                    paragraph_break(&mut out);
                }
            }
        }
    }
    out.trim().to_string()
}

fn is_skipped(element: &Element) -> bool {
    if SKIPPED.contains(&element.name()) || element.attr("hidden").is_some() {
        return true;
    }
    if element.attr("aria-hidden").is_some_and(|value| value == "true") {
        return true;
    }
    let marks = [element.attr("class"), element.attr("id"), element.attr("role")];
    marks.into_iter().flatten().any(|mark| {
        mark.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| WIDGET_CLASSES.contains(&word.to_ascii_lowercase().as_str()))
    }) || element
        .attr("role")
        .is_some_and(|role| matches!(role, "navigation" | "banner" | "contentinfo"))
}

/// Appends `text` with white space folded, keeping one space between words.
fn push_words(out: &mut String, text: &str) {
    if text.starts_with(char::is_whitespace) && !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
    let mut first = true;
    for word in text.split_whitespace() {
        if !first {
            out.push(' ');
        }
        out.push_str(word);
        first = false;
    }
    if !first && text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

fn trim_trailing_space(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

fn paragraph_break(out: &mut String) {
    trim_trailing_space(out);
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
}

/// The first position of ASCII `needle` in `haystack`, ignoring ASCII case.
fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack.as_bytes().windows(needle.len()).position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_rendering_skips_chrome_and_keeps_blocks() {
        let page = Html::parse_document(
            "<html><head><title>T</title><style>p{}</style></head><body><nav>Home | News</nav>\
             <div class=\"cookie-banner\">We use cookies</div><h1>Storm  hits</h1><p>First <b>para</b>.</p>\
             <p>Second<br>line.</p><ul class=\"social-share\"><li>Share</li></ul><footer>© 2024</footer></body></html>",
        );
        assert_eq!(render(&page), "Storm hits\n\nFirst para.\n\nSecond\nline.");
    }

    #[test]
    fn the_plain_rendering_also_drops_the_demo_pages_chrome() {
        let folder =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/corpus/html");
        let Ok(entries) = std::fs::read_dir(folder) else { return };
        for entry in entries.flatten() {
            let html = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let text = text::clean(&render(&Html::parse_document(&html)), false).text;
            assert!(text.split("\n\n").count() >= 4, "{:?}", entry.path());
            for chrome in
                ["cookies", "Share on", "Related stories", "©", "@", "Advertisement", "Topics:"]
            {
                assert!(!text.contains(chrome), "{chrome:?} in {:?}:\n{text}", entry.path());
            }
        }
    }

    #[test]
    fn html_is_told_from_text() {
        assert!(looks_like_html("<p>Hello</p>"));
        assert!(!looks_like_html("x < y and y > z"));
        assert!(!looks_like_html("plain"));
    }
}
