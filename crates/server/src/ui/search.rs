//! The search page: full-text search over reports, with snippets.

use axum::extract::State;
use maud::{Markup, html};
use serde::Deserialize;

use super::{PageResult, layout, ok};
use crate::api::ApiQuery;
use crate::state::AppState;

/// The query.
#[derive(Debug, Deserialize)]
pub(crate) struct SearchQuery {
    q: Option<String>,
}

pub(crate) async fn page(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<SearchQuery>,
) -> PageResult {
    let q = query.q.unwrap_or_default();
    let hits = if q.trim().is_empty() {
        Vec::new()
    } else {
        let words = q.clone();
        state.with_store(move |store| crate::api::hits(store, &words, 0, 50)).await?
    };
    ok(layout(
        "Search",
        html! {
            h1 { "Search" }
            form.search action="/search" method="get" {
                input type="search" name="q" value=(q) aria-label="search words";
                button type="submit" { "Search" }
            }
            @if !q.trim().is_empty() {
                p.muted { (hits.len()) " reports match " q { (q) } }
            }
            ol.hits {
                @for hit in &hits {
                    li {
                        a href=(super::document_href(hit.id.as_str())) { (hit.title.as_deref().unwrap_or("untitled")) }
                        " — " (hit.source.as_deref().unwrap_or("unknown source"))
                        @if let Some(day) = hit.published { ", " (day) }
                        p.snippet { (snippet(&hit.snippet)) }
                    }
                }
            }
        },
    ))
}

/// The store's snippet, its `[matched]` terms in bold; everything escaped.
fn snippet(text: &str) -> Markup {
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else { break };
        parts.push((false, &rest[..open]));
        parts.push((true, &rest[open + 1..open + close]));
        rest = &rest[open + close + 1..];
    }
    parts.push((false, rest));
    html! { @for (matched, part) in parts { @if matched { b { (part) } } @else { (part) } } }
}
