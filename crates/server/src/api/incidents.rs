//! `/api/incidents` (fused incidents, newest first, filtered), one incident, and
//! `/api/timeline` (the same incidents oldest first, one line each).
//!
//! Listings page over references into the snapshot: only the page's items are serialised,
//! never the whole store's incidents.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use vigil_fusion::FusedIncident;
use vigil_query::Filters;

use super::{ApiJson, ApiQuery, Page, Paging};
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

pub(crate) async fn list(
    State(state): State<AppState>,
    ApiQuery(filters): ApiQuery<Filters>,
    ApiQuery(paging): ApiQuery<Paging>,
    uri: OriginalUri,
) -> Result<Response, ApiError> {
    let snapshot = state.snapshot().await?;
    let actor = filters.actor_name();
    let selected = snapshot
        .incidents
        .iter()
        .filter(|incident| filters.pass_incident_as(actor.as_deref(), incident));
    Ok(Json(Page::of(selected, paging, &uri)?).into_response())
}

pub(crate) async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let snapshot = state.snapshot().await?;
    Ok(Json(snapshot.incident(&id)?).into_response())
}

pub(crate) async fn timeline(
    State(state): State<AppState>,
    ApiQuery(filters): ApiQuery<Filters>,
    ApiQuery(paging): ApiQuery<Paging>,
    uri: OriginalUri,
) -> Result<Response, ApiError> {
    let snapshot = state.snapshot().await?;
    let actor = filters.actor_name();
    let mut selected: Vec<&FusedIncident> = snapshot
        .incidents
        .iter()
        .filter(|incident| filters.pass_incident_as(actor.as_deref(), incident))
        .collect();
    selected.sort_by(|a, b| vigil_query::filters::date_order(a, b));
    let page = Page::of_with(selected, paging, &uri, vigil_query::listings::timeline_entry)?;
    Ok(Json(page).into_response())
}

/// An analyst's merge: the incident in the path and `with` are one incident.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct Merge {
    with: String,
    why: String,
}

/// Merges two fused incidents (analyst token; recorded with the token's name, when and why,
/// and kept by later fusion), answering the merged incident.
pub(crate) async fn merge(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(merge): ApiJson<Merge>,
) -> Result<Response, ApiError> {
    let snapshot = state.snapshot().await?;
    let (left, right) = (snapshot.incident(&id)?, snapshot.incident(&merge.with)?);
    if left.id == right.id {
        return Err(ApiError::new(
            ErrorCode::InvalidQuery,
            format!("{} and {} are the same incident", id, merge.with),
        ));
    }
    if merge.why.trim().is_empty() {
        return Err(ApiError::new(ErrorCode::InvalidQuery, "say why the incidents are one"));
    }
    let anchor = left.mentions[0].clone();
    let edit = vigil_fusion::Edit::Merge { left: anchor.clone(), right: right.mentions[0].clone() };
    let token = crate::auth::bearer(&headers);
    state
        .with_store(move |store| {
            let author = crate::auth::require_analyst(store, token.as_deref())?;
            vigil_pipeline::record_edit(store, &edit, &author.name, &merge.why)
                .map_err(|error| ApiError::new(ErrorCode::StoreFailure, error.to_string()))
        })
        .await?;
    state.invalidate().await;
    let snapshot = state.snapshot().await?;
    let merged = snapshot.incidents.iter().find(|incident| incident.mentions.contains(&anchor));
    Ok(Json(merged).into_response())
}
