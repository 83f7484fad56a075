//! Stored boards parsed, and a board's JSON with its scores beside its ratings.

use std::collections::BTreeMap;

use vigil_board::Board;
use vigil_store::Store;

use crate::{QueryError, QueryResult};

/// A stored board, parsed, with its decisions on suggestions.
pub fn load(store: &dyn Store, id: i64) -> QueryResult<(Board, BTreeMap<String, String>)> {
    let stored = store.board(id)?.ok_or_else(|| QueryError::NotFound(format!("no board {id}")))?;
    let board: Board = serde_json::from_str(&stored.body)
        .map_err(|source| QueryError::Corrupt { what: format!("board {id}"), source })?;
    let decisions = serde_json::from_str(&stored.decisions).unwrap_or_default();
    Ok((board, decisions))
}

/// Checks and stores a board.
pub fn save(
    store: &mut dyn Store,
    id: i64,
    board: &Board,
    decisions: &BTreeMap<String, String>,
) -> QueryResult<()> {
    if !board.hypotheses.is_empty() {
        board.check()?;
    }
    let body = serde_json::to_string(board)
        .map_err(|source| QueryError::Corrupt { what: format!("board {id}"), source })?;
    let decisions = serde_json::to_string(decisions)
        .map_err(|source| QueryError::Corrupt { what: format!("board {id}"), source })?;
    store.put_board(Some(id), &board.name, &body, &decisions)?;
    Ok(())
}

/// The board as JSON with its scores: per hypothesis `inconsistency`, `weighted_inconsistency`,
/// `prior_used` and `posterior`; per item `diagnosticity` and `diagnostic`; `leaders`,
/// `sensitivity`, and (when `explain`) the arithmetic.
pub fn scored(board: &Board, id: i64, explain: bool) -> serde_json::Value {
    let scores = vigil_board::score(board);
    let sensitivity = vigil_board::sensitivity(board);
    let mut value = serde_json::to_value(board).unwrap_or_default();
    value["id"] = serde_json::json!(id);
    for (hypothesis, score) in
        value["hypotheses"].as_array_mut().into_iter().flatten().zip(&scores.hypotheses)
    {
        hypothesis["inconsistency"] = serde_json::json!(score.inconsistency);
        hypothesis["weighted_inconsistency"] = serde_json::json!(score.weighted_inconsistency);
        hypothesis["prior_used"] = serde_json::json!(score.prior);
        hypothesis["posterior"] = serde_json::json!(score.posterior);
    }
    for (item, score) in
        value["evidence"].as_array_mut().into_iter().flatten().zip(&scores.evidence)
    {
        item["diagnosticity"] = serde_json::json!(score.diagnosticity);
        item["diagnostic"] = serde_json::json!(score.diagnostic);
    }
    value["leaders"] = serde_json::to_value(&scores.leaders).unwrap_or_default();
    value["sensitivity"] = serde_json::to_value(&sensitivity).unwrap_or_default();
    if explain {
        value["explain"] = serde_json::to_value(scores.explain()).unwrap_or_default();
    }
    value
}
