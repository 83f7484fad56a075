//! The workbench: server-rendered pages, one module per page, readable without JavaScript
//! (`static/app.js` only adds highlighting of evidence on click).
//!
//! Every page is a maud template: each interpolation is HTML-escaped, so ingested text cannot
//! inject markup; URLs from documents become links only when they are `http(s)`.

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use maud::{DOCTYPE, Markup, html};

use crate::error::ApiError;
use crate::state::AppState;

mod actor;
mod board;
pub(crate) mod chart;
mod document;
mod incident;
pub(crate) mod map;
mod overview;
mod search;
mod show;

pub use overview::render as render_overview;

/// The pages' routes and static files.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(overview::page))
        .route("/documents/{id}", get(document::page))
        .route("/incidents/{id}", get(incident::page))
        .route("/actors/{name}", get(actor::page))
        .route("/boards/{id}", get(board::page))
        .route("/boards/{id}/rate", post(board::rate))
        .route("/search", get(search::page))
        .route("/static/app.js", get(script))
        .route("/static/style.css", get(style))
        .route("/static/world.svg", get(world))
}

async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/app.js"),
    )
}

async fn style() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/style.css"),
    )
}

async fn world() -> impl IntoResponse {
    let world = tokio::task::spawn_blocking(map::world).await.unwrap_or_default();
    (
        [(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")],
        world,
    )
}

/// A whole page around `body`.
pub(crate) fn layout(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Vigil" }
                link rel="stylesheet" href="/static/style.css";
                script src="/static/app.js" defer {}
            }
            body {
                header {
                    a.brand href="/" { "Vigil" }
                    form action="/search" method="get" {
                        input type="search" name="q" placeholder="search reports" aria-label="search reports";
                        button type="submit" { "Search" }
                    }
                }
                main { (body) }
            }
        }
    }
}

/// A page's error: the API's error shown as a page with the same status.
pub(crate) struct PageError(pub(crate) ApiError);

impl From<ApiError> for PageError {
    fn from(error: ApiError) -> PageError {
        PageError(error)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (code, status, _) = self.0.code.describe();
        let body = layout(
            "error",
            html! { h1 { "Not here" } p.error { (self.0.message) } p { "code: " code { (code) } } },
        );
        (status, Html(body.into_string())).into_response()
    }
}

/// A rendered page, or its error.
pub(crate) type PageResult = Result<Html<String>, PageError>;

/// Serves a rendered page.
pub(crate) fn ok(markup: Markup) -> PageResult {
    Ok(Html(markup.into_string()))
}

/// A path segment with everything but unreserved characters percent-encoded.
pub(crate) fn segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Link to an incident's page.
pub(crate) fn incident_href(id: &str) -> String {
    format!("/incidents/{}", segment(id))
}

/// Link to an actor's page.
pub(crate) fn actor_href(name: &str) -> String {
    format!("/actors/{}", segment(name))
}

/// Link to a document's page (a short prefix reads better and is unique enough to resolve).
pub(crate) fn document_href(id: &str) -> String {
    format!("/documents/{}", segment(id))
}

/// 303 to `location`, after a form post.
pub(crate) fn see_other(location: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, location.to_string())]).into_response()
}
