//! The board page: the ACH matrix (evidence down, hypotheses across, a rating per cell) with
//! the three scores, each item's diagnosticity, the sensitivity of the lead, and a form to
//! change a rating (an analyst's token is asked for, since a form cannot send a header).

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;
use vigil_board::Board;

use super::{PageError, PageResult, layout, ok};
use crate::state::AppState;

/// Ratings offered in the form.
const RATINGS: &[&str] = &["CC", "C", "N", "I", "II", "NA"];

pub(crate) async fn page(State(state): State<AppState>, Path(id): Path<i64>) -> PageResult {
    let (board, _) = state.with_store(move |store| crate::api::load_board(store, id)).await?;
    ok(render(&board, id))
}

/// The board page.
pub(crate) fn render(board: &Board, id: i64) -> Markup {
    let scores = vigil_board::score(board);
    let sensitivity = vigil_board::sensitivity(board);
    let body = html! {
        h1 { (board.name) }
        @if board.hypotheses.is_empty() {
            p.muted { "No hypotheses yet (vigil board hypothesis " (id) " TEXT)." }
        } @else {
            table.matrix {
                thead {
                    tr {
                        th { "Evidence" } th { "Cred." } th { "Rel." } th { "Diagnosticity" }
                        @for hypothesis in &board.hypotheses { th title=(hypothesis.text) { (hypothesis.id) ": " (hypothesis.text) } }
                    }
                }
                tbody {
                    @for (item, score) in board.evidence.iter().zip(&scores.evidence) {
                        tr {
                            td { strong { (item.id) } " " (item.text) }
                            td { (item.credibility.as_str()) }
                            td { (item.relevance.as_str()) }
                            td { (format!("{:.3}", score.diagnosticity)) @if !score.diagnostic { " (non-diagnostic)" } }
                            @for hypothesis in &board.hypotheses {
                                @let rating = Board::rating(item, &hypothesis.id).as_str();
                                td class={ "rating r-" (rating) } { (rating) }
                            }
                        }
                    }
                }
                tfoot {
                    tr { th colspan="4" { "Inconsistency (Heuer; lowest leads)" } @for s in &scores.hypotheses { td { (s.inconsistency) } } }
                    tr { th colspan="4" { "Weighted inconsistency (closest to 0 leads)" } @for s in &scores.hypotheses { td { (format!("{:.3}", s.weighted_inconsistency)) } } }
                    tr { th colspan="4" { "Posterior" } @for s in &scores.hypotheses { td { (format!("{:.3}", s.posterior)) } } }
                }
            }
            p {
                "Leading: " (scores.leaders.inconsistency.join("=")) " by inconsistency, "
                (scores.leaders.weighted_inconsistency.join("=")) " by weighted inconsistency, "
                (scores.leaders.posterior.join("=")) " by posterior."
            }
            section #sensitivity {
                h2 { "Sensitivity" }
                @if sensitivity.is_empty() {
                    p { "No single item, removed or re-rated by one step, changes a lead." }
                } @else {
                    ul { @for change in &sensitivity {
                        li { (change.evidence) " " (change.change) ": " (change.score) " leader " (change.from.join("=")) " → " (change.to.join("=")) }
                    } }
                }
            }
            section #rate {
                h2 { "Change a rating" }
                form method="post" action={ "/boards/" (id) "/rate" } {
                    label { "Evidence " select name="evidence" { @for item in &board.evidence { option value=(item.id) { (item.id) } } } }
                    " "
                    label { "Hypothesis " select name="hypothesis" { @for h in &board.hypotheses { option value=(h.id) { (h.id) } } } }
                    " "
                    label { "Rating " select name="rating" { @for rating in RATINGS { option value=(rating) { (rating) } } } }
                    " "
                    label { "Analyst token " input type="password" name="token" autocomplete="off" required; }
                    " "
                    button type="submit" { "Save rating" }
                }
            }
            p.muted { "ACH structures and records an argument; controlled studies have not shown it makes analysts more accurate." }
        }
    };
    layout(&board.name, body)
}

/// The rating form's fields.
#[derive(Debug, Deserialize)]
pub(crate) struct RateForm {
    evidence: String,
    hypothesis: String,
    rating: String,
    #[serde(default)]
    token: String,
}

pub(crate) async fn rate(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: Result<Form<RateForm>, FormRejection>,
) -> Response {
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) => return PageError(crate::api::form_rejection(&rejection)).into_response(),
    };
    let change = crate::api::RatingChange {
        evidence: form.evidence,
        hypothesis: form.hypothesis,
        rating: form.rating,
    };
    match crate::api::rate_board(&state, Some(form.token), id, change).await {
        Ok(()) => super::see_other(&format!("/boards/{id}")),
        Err(error) => PageError(error).into_response(),
    }
}
