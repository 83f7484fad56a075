//! `/api/incidents` (fused incidents, newest first, filtered), one incident, and
//! `/api/timeline` (the same incidents oldest first, one line each).

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use vigil_fusion::FusedIncident;
use vigil_query::Filters;
use vigil_query::listings::TimelineEntry;

use super::{ApiQuery, Page, Paging};
use crate::error::ApiError;
use crate::state::AppState;

pub(crate) async fn list(
    State(state): State<AppState>,
    ApiQuery(filters): ApiQuery<Filters>,
    ApiQuery(paging): ApiQuery<Paging>,
    uri: OriginalUri,
) -> Result<Json<Page<FusedIncident>>, ApiError> {
    let snapshot = state.snapshot().await?;
    let actor = filters.actor_name();
    let selected = snapshot
        .incidents
        .iter()
        .filter(|incident| filters.pass_incident_as(actor.as_deref(), incident))
        .cloned();
    Ok(Json(Page::of(selected, paging, &uri)?))
}

pub(crate) async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<FusedIncident>, ApiError> {
    let snapshot = state.snapshot().await?;
    Ok(Json(snapshot.incident(&id)?.clone()))
}

pub(crate) async fn timeline(
    State(state): State<AppState>,
    ApiQuery(filters): ApiQuery<Filters>,
    ApiQuery(paging): ApiQuery<Paging>,
    uri: OriginalUri,
) -> Result<Json<serde_json::Value>, ApiError> {
    let snapshot = state.snapshot().await?;
    let actor = filters.actor_name();
    let mut selected: Vec<FusedIncident> = snapshot
        .incidents
        .iter()
        .filter(|incident| filters.pass_incident_as(actor.as_deref(), incident))
        .cloned()
        .collect();
    vigil_query::filters::sort_by_date(&mut selected);
    let entries: Vec<TimelineEntry<'_>> = vigil_query::listings::timeline(&selected);
    let page = Page::of(entries, paging, &uri)?;
    Ok(Json(serde_json::to_value(page).unwrap_or_default()))
}
