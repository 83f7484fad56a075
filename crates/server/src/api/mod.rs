//! The JSON API under `/api/`: one module per resource, pagination shared here.
//!
//! Every listing takes `limit` (default 50, at most 500) and `offset`, and answers
//! `{"items": [...], "total": N, "limit": L, "offset": O, "next": "/api/...?offset=..."}`, with
//! `next` null on the last page. Wire types are the domain's own serialisations (the codebook's
//! JSON) or small structs in the resource's module.

use axum::Router;
use axum::extract::rejection::{FormRejection, JsonRejection};
use axum::extract::{FromRequest, OriginalUri, Request};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

mod boards;
mod documents;
pub(crate) use boards::{RatingChange, load as load_board, rate_board};
pub(crate) use documents::{hits, read as read_document};
pub(crate) use knowledge::profile as actor_profile;
mod grading;
mod incidents;
mod knowledge;

/// Every API route as `(method, path)`, path in OpenAPI's template syntax; a test holds the
/// OpenAPI document to exactly this list.
pub const API_ROUTES: &[(&str, &str)] = &[
    ("get", "/api/openapi.json"),
    ("get", "/api/documents"),
    ("get", "/api/documents/{id}"),
    ("get", "/api/search"),
    ("get", "/api/incidents"),
    ("get", "/api/incidents/{id}"),
    ("post", "/api/incidents/{id}/merge"),
    ("get", "/api/timeline"),
    ("get", "/api/claims"),
    ("get", "/api/actors"),
    ("get", "/api/actors/{name}"),
    ("get", "/api/alerts"),
    ("get", "/api/boards"),
    ("get", "/api/boards/{id}"),
    ("post", "/api/boards/{id}/ratings"),
    ("get", "/api/sources/{name}/grades"),
    ("post", "/api/sources/{name}/grades"),
    ("get", "/api/claims/{document}/{claim}/grades"),
    ("post", "/api/claims/{document}/{claim}/grades"),
];

/// The API's routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/documents", get(documents::list))
        .route("/api/documents/{id}", get(documents::one))
        .route("/api/search", get(documents::search))
        .route("/api/incidents", get(incidents::list))
        .route("/api/incidents/{id}", get(incidents::one))
        .route("/api/incidents/{id}/merge", post(incidents::merge))
        .route("/api/timeline", get(incidents::timeline))
        .route("/api/claims", get(knowledge::claims))
        .route("/api/actors", get(knowledge::actors))
        .route("/api/actors/{name}", get(knowledge::actor))
        .route("/api/alerts", get(knowledge::alerts))
        .route("/api/boards", get(boards::list))
        .route("/api/boards/{id}", get(boards::one))
        .route("/api/boards/{id}/ratings", post(boards::rate_handler))
        .route(
            "/api/sources/{name}/grades",
            get(grading::source_history).post(grading::grade_source),
        )
        .route(
            "/api/claims/{document}/{claim}/grades",
            get(grading::claim_history).post(grading::grade_claim),
        )
}

async fn openapi() -> impl IntoResponse {
    ([(axum::http::header::CONTENT_TYPE, "application/json")], crate::OPENAPI)
}

/// Default and largest page size.
const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 500;

/// `limit` and `offset` of a listing.
#[derive(Debug, Clone, Copy, Deserialize)]
pub(crate) struct Paging {
    limit: Option<usize>,
    #[serde(default)]
    offset: usize,
}

impl Paging {
    /// The page size asked for, checked.
    pub(crate) fn limit(&self) -> Result<usize, ApiError> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(limit) if (1..=MAX_LIMIT).contains(&limit) => Ok(limit),
            Some(limit) => Err(ApiError::new(
                ErrorCode::InvalidQuery,
                format!("limit {limit} is not 1 to {MAX_LIMIT}"),
            )),
        }
    }
}

/// One page of a listing.
#[derive(Debug, Serialize)]
pub(crate) struct Page<T> {
    items: Vec<T>,
    /// How many there are in all, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<usize>,
    limit: usize,
    offset: usize,
    /// The next page's path and query, or null on the last page.
    next: Option<String>,
}

impl<T> Page<T> {
    /// The page of `all` that `paging` asks for; `uri` gives the next page's link.
    pub(crate) fn of(
        all: impl IntoIterator<Item = T>,
        paging: Paging,
        uri: &OriginalUri,
    ) -> Result<Page<T>, ApiError> {
        Page::of_with(all, paging, uri, |item| item)
    }

    /// Like [`Page::of`], turning only the page's items into wire items (the rest are only
    /// counted).
    pub(crate) fn of_with<U>(
        all: impl IntoIterator<Item = U>,
        paging: Paging,
        uri: &OriginalUri,
        wire: impl Fn(U) -> T,
    ) -> Result<Page<T>, ApiError> {
        let limit = paging.limit()?;
        let mut total = 0;
        let mut items = Vec::new();
        for (index, item) in all.into_iter().enumerate() {
            total = index + 1;
            if index >= paging.offset && items.len() < limit {
                items.push(wire(item));
            }
        }
        let more = paging.offset + items.len() < total;
        Ok(Page {
            items,
            total: Some(total),
            limit,
            offset: paging.offset,
            next: more.then(|| next_link(uri, paging.offset + limit, limit)),
        })
    }

    /// A page read with one more item than asked, to know whether another follows.
    pub(crate) fn probed(
        mut items: Vec<T>,
        paging: Paging,
        uri: &OriginalUri,
    ) -> Result<Page<T>, ApiError> {
        let limit = paging.limit()?;
        let more = items.len() > limit;
        items.truncate(limit);
        Ok(Page {
            items,
            total: None,
            limit,
            offset: paging.offset,
            next: more.then(|| next_link(uri, paging.offset + limit, limit)),
        })
    }
}

/// The request's path and query with `offset` and `limit` replaced.
fn next_link(uri: &OriginalUri, offset: usize, limit: usize) -> String {
    let mut pairs: Vec<String> = uri
        .query()
        .unwrap_or_default()
        .split('&')
        .filter(|pair| {
            !pair.is_empty() && !pair.starts_with("offset=") && !pair.starts_with("limit=")
        })
        .map(str::to_string)
        .collect();
    pairs.push(format!("limit={limit}"));
    pairs.push(format!("offset={offset}"));
    format!("{}?{}", uri.path(), pairs.join("&"))
}

/// A JSON body whose rejections are the API's errors.
pub(crate) struct ApiJson<T>(pub(crate) T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<ApiJson<T>, ApiError> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

fn json_rejection(rejection: &JsonRejection) -> ApiError {
    body_rejection(rejection.status(), rejection.body_text())
}

/// A rejected form body as the API's error.
pub(crate) fn form_rejection(rejection: &FormRejection) -> ApiError {
    body_rejection(rejection.status(), rejection.body_text())
}

fn body_rejection(status: StatusCode, text: String) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(ErrorCode::PayloadTooLarge, "the request body is too large")
    } else {
        ApiError::new(ErrorCode::MalformedBody, text.to_lowercase())
    }
}

/// Query parameters, with their rejections as the API's errors.
pub(crate) struct ApiQuery<T>(pub(crate) T);

impl<S: Send + Sync, T: DeserializeOwned> axum::extract::FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<ApiQuery<T>, ApiError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(ApiQuery(value)),
            Err(rejection) => {
                Err(ApiError::new(ErrorCode::InvalidQuery, rejection.body_text().to_lowercase()))
            }
        }
    }
}
