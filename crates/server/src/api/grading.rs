//! `/api/sources/{name}/grades` and `/api/claims/{document}/{claim}/grades`: a grade with its
//! history, and grading (analysts only; the token's name is recorded as the author).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use serde::{Deserialize, Serialize};
use vigil_domain::Reliability;
use vigil_store::{GradeChange, GradeNote, GradeTarget};

use super::ApiJson;
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// A grade and how it came to be.
#[derive(Debug, Serialize)]
pub(crate) struct GradeView {
    target: String,
    /// `A`-`F` for a source, `1`-`6` for a claim; null when never graded.
    grade: Option<String>,
    history: Vec<GradeChange>,
}

/// A new grade and the reason for it.
#[derive(Debug, Deserialize)]
pub(crate) struct NewGrade {
    grade: String,
    why: String,
}

pub(crate) async fn source_history(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<GradeView>, ApiError> {
    let view = state.with_store(move |store| source_view(store, &name)).await?;
    Ok(Json(view))
}

fn source_view(store: &dyn vigil_store::Store, name: &str) -> Result<GradeView, ApiError> {
    let grade = store.source(name)?.map(|source| source.reliability.as_str().to_string());
    let history = store.grade_history(GradeTarget::Source, name)?;
    Ok(GradeView { target: name.to_string(), grade, history })
}

pub(crate) async fn grade_source(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewGrade>,
) -> Result<Json<GradeView>, ApiError> {
    let token = crate::auth::bearer(&headers);
    let view = state
        .with_store(move |store| {
            let author = crate::auth::require_analyst(store, token.as_deref())?;
            let reliability = Reliability::parse(&body.grade).ok_or_else(|| {
                ApiError::new(ErrorCode::InvalidGrade, format!("{:?} is not A to F", body.grade))
            })?;
            store.grade_source(&name, reliability, &note(author.name, body.why))?;
            source_view(store, &name)
        })
        .await?;
    state.invalidate().await;
    Ok(Json(view))
}

fn note(author: String, why: String) -> GradeNote {
    GradeNote { author, at: chrono::Utc::now(), why }
}

pub(crate) async fn claim_history(
    State(state): State<AppState>,
    Path((document, claim)): Path<(String, String)>,
) -> Result<Json<GradeView>, ApiError> {
    let view = state.with_store(move |store| claim_view(store, &document, &claim)).await?;
    Ok(Json(view))
}

fn claim_view(
    store: &dyn vigil_store::Store,
    document: &str,
    claim: &str,
) -> Result<GradeView, ApiError> {
    let key = claim_key(store, document, claim)?;
    let grade = store.claim_credibility(&key)?.map(|grade| grade.to_string());
    let history = store.grade_history(GradeTarget::Claim, &key)?;
    Ok(GradeView { target: key, grade, history })
}

/// `<document id>/<claim id>` from a document id prefix, checked against the extraction.
fn claim_key(
    store: &dyn vigil_store::Store,
    document: &str,
    claim: &str,
) -> Result<String, ApiError> {
    let (document, _, extraction) = super::documents::read(store, document)?;
    let known = extraction
        .is_some_and(|stored| stored.extraction.claims.iter().any(|found| found.id == claim));
    if !known {
        return Err(ApiError::new(
            ErrorCode::DocumentNotFound,
            format!("document {} has no claim {claim:?}", document.id),
        ));
    }
    Ok(format!("{}/{claim}", document.id))
}

pub(crate) async fn grade_claim(
    State(state): State<AppState>,
    Path((document, claim)): Path<(String, String)>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewGrade>,
) -> Result<Json<GradeView>, ApiError> {
    let token = crate::auth::bearer(&headers);
    let view = state
        .with_store(move |store| {
            let author = crate::auth::require_analyst(store, token.as_deref())?;
            let key = claim_key(store, &document, &claim)?;
            let credibility =
                body.grade.parse::<u8>().ok().filter(|grade| (1..=6).contains(grade)).ok_or_else(
                    || {
                        ApiError::new(
                            ErrorCode::InvalidGrade,
                            format!("{:?} is not 1 to 6", body.grade),
                        )
                    },
                )?;
            store.grade_claim(&key, credibility, &note(author.name, body.why))?;
            claim_view(store, &document, &claim)
        })
        .await?;
    state.invalidate().await;
    Ok(Json(view))
}
