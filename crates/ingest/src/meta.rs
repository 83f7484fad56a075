//! HTML page metadata: `<meta>` (Open Graph, article, Dublin Core), JSON-LD `NewsArticle`,
//! `<link rel=canonical>`, `<time>`, `<title>` and the first `<h1>`.

use scraper::Html;

/// Metadata found in the page.
#[derive(Debug, Default)]
pub(crate) struct PageMeta {
    pub(crate) title: Option<String>,
    pub(crate) site_name: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) description: Option<String>,
}

/// Sets `slot` from `value` when it is empty.
pub(crate) fn fill(slot: &mut Option<String>, value: Option<&str>) {
    if slot.is_none() {
        *slot = value.map(str::trim).filter(|value| !value.is_empty()).map(str::to_string);
    }
}

/// Metadata from `<meta>`, JSON-LD, `<link rel=canonical>`, `<time>`, `<title>` and `<h1>`.
pub(crate) fn page_meta(page: &Html) -> PageMeta {
    let mut found = PageMeta::default();
    let mut named: Vec<(String, String)> = Vec::new();
    let mut title_tag = None;
    let mut first_h1 = None;
    let mut time = None;
    let mut canonical = None;
    for element in page.root_element().descendent_elements() {
        let value = element.value();
        match value.name() {
            "meta" => {
                let key = value
                    .attr("property")
                    .or_else(|| value.attr("name"))
                    .or_else(|| value.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, value.attr("content")) {
                    named.push((key.trim().to_ascii_lowercase(), content.trim().to_string()));
                }
            }
            "title" if title_tag.is_none() => title_tag = Some(element.text().collect::<String>()),
            "h1" if first_h1.is_none() => first_h1 = Some(element.text().collect::<String>()),
            "time" if time.is_none() => time = value.attr("datetime").map(str::to_string),
            "link"
                if canonical.is_none()
                    && value
                        .attr("rel")
                        .is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")) =>
            {
                canonical = value.attr("href").map(str::to_string);
            }
            "script"
                if value.attr("type").is_some_and(|kind| {
                    kind.trim().eq_ignore_ascii_case("application/ld+json")
                }) =>
            {
                let json: String = element.text().collect();
                if let Ok(parsed) = serde_json::from_str::<serde_json::Value>(&json) {
                    json_ld(&parsed, &mut found, 0);
                }
            }
            _ => {}
        }
    }
    let meta = |keys: &[&str]| {
        keys.iter()
            .find_map(|key| named.iter().find(|(name, content)| name == key && !content.is_empty()))
            .map(|(_, content)| content.clone())
    };
    // <meta> first (the publisher chose it for sharing), then JSON-LD, then the page itself.
    let meta_first = |slot: &mut Option<String>, keys: &[&str]| {
        if let Some(value) = meta(keys) {
            *slot = Some(value);
        }
    };
    meta_first(&mut found.title, &["og:title", "twitter:title"]);
    meta_first(&mut found.site_name, &["og:site_name", "application-name"]);
    meta_first(&mut found.url, &["og:url"]);
    meta_first(
        &mut found.published,
        &[
            "article:published_time",
            "datepublished",
            "date",
            "pubdate",
            "publishdate",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "parsely-pub-date",
            "sailthru.date",
            "citation_publication_date",
        ],
    );
    meta_first(&mut found.description, &["description", "og:description"]);
    let author = meta(&["author", "article:author", "dc.creator", "byl"])
        .filter(|author| !author.starts_with("http"));
    if author.is_some() {
        found.author = author;
    }
    fill(&mut found.url, canonical.as_deref());
    fill(&mut found.published, time.as_deref());
    fill(&mut found.title, title_tag.as_deref());
    fill(&mut found.title, first_h1.as_deref());
    found
}

/// Reads a JSON-LD value: `NewsArticle` (and kin) headline, date, author and publisher.
fn json_ld(value: &serde_json::Value, found: &mut PageMeta, depth: usize) {
    const ARTICLES: [&str; 9] = [
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BlogPosting",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "Report",
        "LiveBlogPosting",
    ];
    if depth > 4 {
        return;
    }
    match value {
        serde_json::Value::Array(items) => {
            items.iter().for_each(|item| json_ld(item, found, depth + 1))
        }
        serde_json::Value::Object(object) => {
            if let Some(graph) = object.get("@graph") {
                json_ld(graph, found, depth + 1);
            }
            let is_article = match object.get("@type") {
                Some(serde_json::Value::String(kind)) => ARTICLES.contains(&kind.as_str()),
                Some(serde_json::Value::Array(kinds)) => kinds
                    .iter()
                    .any(|kind| kind.as_str().is_some_and(|kind| ARTICLES.contains(&kind))),
                _ => false,
            };
            if !is_article {
                return;
            }
            fill(&mut found.title, object.get("headline").and_then(|v| v.as_str()));
            fill(&mut found.published, object.get("datePublished").and_then(|v| v.as_str()));
            fill(&mut found.url, object.get("url").and_then(|v| v.as_str()));
            fill(&mut found.author, names(object.get("author")).as_deref());
            fill(&mut found.site_name, names(object.get("publisher")).as_deref());
        }
        _ => {}
    }
}

/// A person or organisation's name from JSON-LD: a string, `{"name": ...}` or a list of them.
pub(crate) fn names(value: Option<&serde_json::Value>) -> Option<String> {
    let value = value?;
    let list: Vec<String> = match value {
        serde_json::Value::String(name) => vec![name.clone()],
        serde_json::Value::Object(object) => object
            .get("name")
            .and_then(|name| name.as_str())
            .map(str::to_string)
            .into_iter()
            .collect(),
        serde_json::Value::Array(items) => {
            items.iter().filter_map(|item| names(Some(item))).collect()
        }
        _ => Vec::new(),
    };
    let joined = list
        .iter()
        .map(|name| name.trim())
        .filter(|name| !name.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    (!joined.is_empty()).then_some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_names() {
        let value = serde_json::json!([{"name": "A"}, "B", {"x": 1}]);
        assert_eq!(names(Some(&value)).as_deref(), Some("A, B"));
    }

    #[test]
    fn json_ld_in_a_graph_fills_what_meta_lacks() {
        let page = Html::parse_document(
            r#"<html><head><title>Page title | Site</title>
            <meta property="og:title" content="Meta title">
            <script type="application/ld+json">{"@graph": [{"@type": "WebPage"},
              {"@type": ["NewsArticle"], "headline": "LD headline", "datePublished": "2024-02-01",
               "author": [{"name": "A. Writer"}, {"name": "B. Writer"}],
               "publisher": {"@type": "Organization", "name": "LD Publisher"}}]}</script>
            </head><body><time datetime="2024-01-01">x</time></body></html>"#,
        );
        let meta = page_meta(&page);
        assert_eq!(meta.title.as_deref(), Some("Meta title"));
        assert_eq!(meta.published.as_deref(), Some("2024-02-01"));
        assert_eq!(meta.author.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(meta.site_name.as_deref(), Some("LD Publisher"));
    }

    #[test]
    fn the_page_itself_is_the_last_resort() {
        let page = Html::parse_document(
            "<html><head><title>Only a title</title><link rel=\"canonical\" href=\"https://x.example/a\">\
             </head><body><time datetime=\"2024-01-01T10:00:00Z\">Jan 1</time></body></html>",
        );
        let meta = page_meta(&page);
        assert_eq!(meta.title.as_deref(), Some("Only a title"));
        assert_eq!(meta.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(meta.published.as_deref(), Some("2024-01-01T10:00:00Z"));
    }
}
