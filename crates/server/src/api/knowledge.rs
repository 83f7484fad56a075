//! `/api/claims`, `/api/actors`, `/api/actors/{name}` (a profile) and `/api/alerts`.

use std::sync::Arc;

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use chrono::NaiveDate;
use serde::Deserialize;
use vigil_query::Filters;
use vigil_query::listings::ActorRow;
use vigil_query::profile::Profile;
use vigil_watch::Alert;

use super::{ApiQuery, Page, Paging};
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

pub(crate) async fn claims(
    State(state): State<AppState>,
    ApiQuery(filters): ApiQuery<Filters>,
    ApiQuery(paging): ApiQuery<Paging>,
    uri: OriginalUri,
) -> Result<Json<serde_json::Value>, ApiError> {
    let snapshot = state.snapshot().await?;
    let rows = vigil_query::listings::claims(&snapshot.extractions, &filters);
    let page = Page::of(rows, paging, &uri)?;
    Ok(Json(serde_json::to_value(page).unwrap_or_default()))
}

pub(crate) async fn actors(
    State(state): State<AppState>,
    ApiQuery(filters): ApiQuery<Filters>,
    ApiQuery(paging): ApiQuery<Paging>,
    uri: OriginalUri,
) -> Result<Json<Page<ActorRow>>, ApiError> {
    let snapshot = state.snapshot().await?;
    let rows = vigil_query::listings::actors(&snapshot.extractions, &filters);
    Ok(Json(Page::of(rows, paging, &uri)?))
}

/// An actor's profile from the snapshot.
/// An actor's profile from the snapshot: built on the first request for the actor (it reads
/// every incident and report) and kept with the snapshot, which a change replaces.
pub(crate) fn profile(
    snapshot: &crate::state::Snapshot,
    name: &str,
) -> Result<Arc<Profile>, ApiError> {
    let mut profiles = snapshot.profiles.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(found) = profiles.get(name) {
        return Ok(found.clone());
    }
    let canonical = vigil_query::profile::canonical(name);
    let naming = snapshot.by_actor.get(&canonical).map(Vec::as_slice).unwrap_or_default();
    let incidents = naming.iter().filter_map(|index| snapshot.incidents.get(*index));
    let built =
        vigil_query::profile::profile(name, incidents, &snapshot.extractions).ok_or_else(|| {
            ApiError::new(
                ErrorCode::ActorNotFound,
                format!("no actor named {name:?} in the knowledge base or the store"),
            )
        })?;
    // Names are the client's to choose: keep the memo bounded.
    if profiles.len() >= MAX_PROFILES {
        profiles.clear();
    }
    let built = Arc::new(built);
    profiles.insert(name.to_string(), built.clone());
    Ok(built)
}

/// Most profiles kept with one snapshot.
const MAX_PROFILES: usize = 256;

pub(crate) async fn actor(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse as _;
    let snapshot = state.snapshot().await?;
    let profile = profile(&snapshot, &name)?;
    Ok(Json(profile.as_ref()).into_response())
}

/// The day alerts are judged on.
#[derive(Debug, Deserialize)]
pub(crate) struct AlertQuery {
    as_of: Option<NaiveDate>,
}

/// Alerts as of `as_of` (reports published after it are not read); without it, as of the
/// newest report in the store.
pub(crate) async fn alerts(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<AlertQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let snapshot = state.snapshot().await?;
    let (as_of, alerts): (Option<NaiveDate>, Vec<Alert>) = match query.as_of {
        None => (snapshot.latest, snapshot.alerts.clone()),
        Some(day) => {
            let incidents = state
                .with_store(move |store| Ok(vigil_query::fused::load_as_of(store, Some(day))?))
                .await?;
            (Some(day), vigil_query::alerts::alerts(&incidents, day))
        }
    };
    Ok(Json(serde_json::json!({ "as_of": as_of, "items": alerts })))
}
