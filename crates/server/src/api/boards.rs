//! `/api/boards`: the boards, one board with its scores, and rating a cell (analysts only).

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::HeaderMap;
use serde::{Deserialize, Serialize};
use vigil_board::Rating;

use super::{ApiJson, ApiQuery, Page, Paging};
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// A line of the board listing.
#[derive(Debug, Serialize)]
pub(crate) struct BoardLine {
    id: i64,
    name: String,
    created_at: chrono::DateTime<chrono::Utc>,
    updated_at: chrono::DateTime<chrono::Utc>,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    ApiQuery(paging): ApiQuery<Paging>,
    uri: OriginalUri,
) -> Result<Json<Page<BoardLine>>, ApiError> {
    let boards = state.with_store(|store| Ok(store.boards()?)).await?;
    let lines = boards.into_iter().map(|board| BoardLine {
        id: board.id,
        name: board.name,
        created_at: board.created_at,
        updated_at: board.updated_at,
    });
    Ok(Json(Page::of(lines, paging, &uri)?))
}

/// A board parsed, or `board_not_found`.
pub(crate) fn load(
    store: &dyn vigil_store::Store,
    id: i64,
) -> Result<(vigil_board::Board, std::collections::BTreeMap<String, String>), ApiError> {
    match vigil_query::boards::load(store, id) {
        Err(vigil_query::QueryError::NotFound(message)) => {
            Err(ApiError::new(ErrorCode::BoardNotFound, message))
        }
        other => Ok(other?),
    }
}

pub(crate) async fn one(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let (board, _) = state.with_store(move |store| load(store, id)).await?;
    Ok(Json(vigil_query::boards::scored(&board, id, true)))
}

/// A new rating of one evidence item against one hypothesis.
#[derive(Debug, Deserialize)]
pub(crate) struct RatingChange {
    pub(crate) evidence: String,
    pub(crate) hypothesis: String,
    pub(crate) rating: String,
}

/// Checks the token and sets the rating; the board is checked before it is stored.
pub(crate) fn apply_rating(
    store: &mut dyn vigil_store::Store,
    token: Option<&str>,
    id: i64,
    change: &RatingChange,
) -> Result<(), ApiError> {
    crate::auth::require_analyst(store, token)?;
    let (mut board, decisions) = load(store, id)?;
    let rating = Rating::parse(&change.rating).ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidRating,
            format!("{:?} is not CC, C, N, I, II or NA", change.rating),
        )
    })?;
    if !board.hypotheses.iter().any(|h| h.id == change.hypothesis) {
        return Err(ApiError::new(
            ErrorCode::BoardItemNotFound,
            format!("board {id} has no hypothesis {}", change.hypothesis),
        ));
    }
    let item =
        board.evidence.iter_mut().find(|item| item.id == change.evidence).ok_or_else(|| {
            ApiError::new(
                ErrorCode::BoardItemNotFound,
                format!("board {id} has no evidence {}", change.evidence),
            )
        })?;
    item.ratings.insert(change.hypothesis.clone(), rating);
    vigil_query::boards::save(store, id, &board, &decisions)
        .map_err(|error| ApiError::new(ErrorCode::InvalidRating, error.to_string()))
}

/// Rates as [`apply_rating`] does, then forgets the snapshot.
pub(crate) async fn rate_board(
    state: &AppState,
    token: Option<String>,
    id: i64,
    change: RatingChange,
) -> Result<(), ApiError> {
    state.with_store(move |store| apply_rating(store, token.as_deref(), id, &change)).await?;
    state.invalidate().await;
    Ok(())
}

pub(crate) async fn rate_handler(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    ApiJson(change): ApiJson<RatingChange>,
) -> Result<Json<serde_json::Value>, ApiError> {
    rate_board(&state, crate::auth::bearer(&headers), id, change).await?;
    let (board, _) = state.with_store(move |store| load(store, id)).await?;
    Ok(Json(vigil_query::boards::scored(&board, id, false)))
}
