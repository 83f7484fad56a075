//! `/api/documents` (listing, one document with its text and extraction) and `/api/search`.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use vigil_domain::Document;
use vigil_store::{DocumentQuery, DocumentSummary, SearchHit, StoredExtraction};

use super::{ApiQuery, Page, Paging};
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// Filters of the document listing.
#[derive(Debug, Deserialize)]
pub(crate) struct DocumentFilters {
    source: Option<String>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    #[serde(default)]
    originals: bool,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    ApiQuery(filters): ApiQuery<DocumentFilters>,
    ApiQuery(paging): ApiQuery<Paging>,
    uri: OriginalUri,
) -> Result<Json<Page<DocumentSummary>>, ApiError> {
    let limit = paging.limit()?;
    let query = DocumentQuery {
        source: filters.source,
        from: filters.from,
        to: filters.to,
        originals_only: filters.originals,
        limit: Some(limit + 1),
        offset: paging.offset,
    };
    let items = state.with_store(move |store| Ok(store.documents(&query)?)).await?;
    Ok(Json(Page::probed(items, paging, &uri)?))
}

/// One document: its metadata and cleaned text (not the raw bytes), its origins, and its
/// extraction.
#[derive(Debug, Serialize)]
pub(crate) struct DocumentView {
    document: DocumentBody,
    origins: Vec<String>,
    extraction: Option<StoredExtraction>,
}

#[derive(Debug, Serialize)]
struct DocumentBody {
    id: String,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    author: Option<String>,
    published: Option<NaiveDate>,
    language: Option<String>,
    media_type: vigil_domain::MediaType,
    duplicate_of: Option<String>,
    warnings: Vec<String>,
    text: String,
}

/// Reads a document (any unique id prefix) with its origins and extraction.
pub(crate) fn read(
    store: &dyn vigil_store::Store,
    id: &str,
) -> Result<(Document, Vec<String>, Option<StoredExtraction>), ApiError> {
    let not_found =
        || ApiError::new(ErrorCode::DocumentNotFound, format!("no document matches {id:?}"));
    let id = match store.resolve_id(id) {
        Ok(id) => id,
        Err(vigil_store::StoreError::InvalidQuery(_)) => return Err(not_found()),
        Err(error) => return Err(error.into()),
    };
    let document = store.document(&id)?.ok_or_else(not_found)?;
    let origins = store.origins(&id)?;
    let extraction = store.extraction(&id)?;
    Ok((document, origins, extraction))
}

pub(crate) async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DocumentView>, ApiError> {
    let (document, origins, extraction) = state.with_store(move |store| read(store, &id)).await?;
    Ok(Json(DocumentView {
        document: DocumentBody {
            id: document.id.to_string(),
            title: document.title,
            source: document.source,
            url: document.url,
            author: document.author,
            published: document.published,
            language: document.language,
            media_type: document.media_type,
            duplicate_of: document.duplicate_of.map(|link| link.original.to_string()),
            warnings: document.warnings,
            text: document.text,
        },
        origins,
        extraction,
    }))
}

/// The search query.
#[derive(Debug, Deserialize)]
pub(crate) struct SearchQuery {
    q: Option<String>,
}

/// Hits for `q`, best first: `offset + limit + 1` are read so the page knows whether more
/// follow.
pub(crate) fn hits(
    store: &dyn vigil_store::Store,
    q: &str,
    offset: usize,
    limit: usize,
) -> Result<Vec<SearchHit>, ApiError> {
    let mut hits = store.search(q, offset + limit + 1)?;
    Ok(hits.split_off(offset.min(hits.len())))
}

pub(crate) async fn search(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<SearchQuery>,
    ApiQuery(paging): ApiQuery<Paging>,
    uri: OriginalUri,
) -> Result<Json<Page<SearchHit>>, ApiError> {
    let Some(q) = query.q.filter(|q| !q.trim().is_empty()) else {
        return Err(ApiError::new(ErrorCode::InvalidQuery, "search needs a query: ?q=words"));
    };
    let limit = paging.limit()?;
    let offset = paging.offset;
    let found = state.with_store(move |store| hits(store, &q, offset, limit)).await?;
    Ok(Json(Page::probed(found, paging, &uri)?))
}
