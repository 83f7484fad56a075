//! The one table of error codes: each with its HTTP status and type, stable across releases
//! (clients match on `code`, never on `message`).
//!
//! A response body is `{"code": "incident_not_found", "message": "...", "type":
//! "invalid_request"}`, as Meilisearch does it.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Every error the API returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// No document has this id or prefix.
    DocumentNotFound,
    /// No fused incident has this id or prefix.
    IncidentNotFound,
    /// An id prefix matches more than one thing.
    AmbiguousId,
    /// Neither the knowledge base nor the store knows this actor.
    ActorNotFound,
    /// No board has this id.
    BoardNotFound,
    /// The board has no such evidence item or hypothesis.
    BoardItemNotFound,
    /// A query parameter is missing or malformed.
    InvalidQuery,
    /// A grade is not A-F (sources) or 1-6 (claims).
    InvalidGrade,
    /// A rating is not CC, C, N, I, II or NA.
    InvalidRating,
    /// The request body is not the JSON (or form) expected.
    MalformedBody,
    /// The request body is larger than the limit.
    PayloadTooLarge,
    /// A change was asked without `Authorization: Bearer <token>`.
    MissingToken,
    /// The token is unknown.
    InvalidToken,
    /// The token's role may not make changes.
    ForbiddenRole,
    /// No route has this path.
    RouteNotFound,
    /// The store failed.
    StoreFailure,
}

/// Every code, in the order of the table (the OpenAPI document lists the same).
pub const ERROR_CODES: &[ErrorCode] = &[
    ErrorCode::DocumentNotFound,
    ErrorCode::IncidentNotFound,
    ErrorCode::AmbiguousId,
    ErrorCode::ActorNotFound,
    ErrorCode::BoardNotFound,
    ErrorCode::BoardItemNotFound,
    ErrorCode::InvalidQuery,
    ErrorCode::InvalidGrade,
    ErrorCode::InvalidRating,
    ErrorCode::MalformedBody,
    ErrorCode::PayloadTooLarge,
    ErrorCode::MissingToken,
    ErrorCode::InvalidToken,
    ErrorCode::ForbiddenRole,
    ErrorCode::RouteNotFound,
    ErrorCode::StoreFailure,
];

impl ErrorCode {
    /// The code, its HTTP status and its type.
    pub fn describe(self) -> (&'static str, StatusCode, &'static str) {
        use ErrorCode as E;
        const INVALID: &str = "invalid_request";
        const AUTH: &str = "auth";
        const INTERNAL: &str = "internal";
        match self {
            E::DocumentNotFound => ("document_not_found", StatusCode::NOT_FOUND, INVALID),
            E::IncidentNotFound => ("incident_not_found", StatusCode::NOT_FOUND, INVALID),
            E::AmbiguousId => ("ambiguous_id", StatusCode::BAD_REQUEST, INVALID),
            E::ActorNotFound => ("actor_not_found", StatusCode::NOT_FOUND, INVALID),
            E::BoardNotFound => ("board_not_found", StatusCode::NOT_FOUND, INVALID),
            E::BoardItemNotFound => ("board_item_not_found", StatusCode::NOT_FOUND, INVALID),
            E::InvalidQuery => ("invalid_query", StatusCode::BAD_REQUEST, INVALID),
            E::InvalidGrade => ("invalid_grade", StatusCode::BAD_REQUEST, INVALID),
            E::InvalidRating => ("invalid_rating", StatusCode::BAD_REQUEST, INVALID),
            E::MalformedBody => ("malformed_body", StatusCode::BAD_REQUEST, INVALID),
            E::PayloadTooLarge => ("payload_too_large", StatusCode::PAYLOAD_TOO_LARGE, INVALID),
            E::MissingToken => ("missing_token", StatusCode::UNAUTHORIZED, AUTH),
            E::InvalidToken => ("invalid_token", StatusCode::UNAUTHORIZED, AUTH),
            E::ForbiddenRole => ("forbidden_role", StatusCode::FORBIDDEN, AUTH),
            E::RouteNotFound => ("route_not_found", StatusCode::NOT_FOUND, INVALID),
            E::StoreFailure => ("store_failure", StatusCode::INTERNAL_SERVER_ERROR, INTERNAL),
        }
    }

    /// The stable code, e.g. `incident_not_found`.
    pub fn as_str(self) -> &'static str {
        self.describe().0
    }
}

/// An error with its code and a message for people.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    /// Its code.
    pub code: ErrorCode,
    /// What went wrong (lowercase, no final period).
    pub message: String,
}

impl ApiError {
    /// An error of `code` saying `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError { code, message: message.into() }
    }
}

#[derive(Serialize)]
struct Body<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (code, status, kind) = self.code.describe();
        (status, Json(Body { code, message: &self.message, kind })).into_response()
    }
}

impl From<vigil_store::StoreError> for ApiError {
    fn from(error: vigil_store::StoreError) -> ApiError {
        use vigil_store::StoreError as S;
        let code = match &error {
            S::NotFound(_) => ErrorCode::DocumentNotFound,
            S::Ambiguous { .. } => ErrorCode::AmbiguousId,
            S::InvalidQuery(_) => ErrorCode::InvalidQuery,
            _ => ErrorCode::StoreFailure,
        };
        ApiError::new(code, error.to_string())
    }
}

impl From<vigil_query::QueryError> for ApiError {
    fn from(error: vigil_query::QueryError) -> ApiError {
        use vigil_query::QueryError as Q;
        match error {
            Q::Store(error) => error.into(),
            Q::NotFound(message) => ApiError::new(ErrorCode::IncidentNotFound, message),
            Q::Ambiguous(message) => ApiError::new(ErrorCode::AmbiguousId, message),
            other => ApiError::new(ErrorCode::StoreFailure, other.to_string()),
        }
    }
}

/// The fallback: no route has this path.
pub(crate) async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::new(ErrorCode::RouteNotFound, format!("no route for {}", uri.path()))
}
