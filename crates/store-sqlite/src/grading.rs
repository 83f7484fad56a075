//! Grades with their history, and boards.

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};
use vigil_domain::Reliability;
use vigil_store::{GradeChange, GradeNote, GradeTarget, StoreError, StoreResult, StoredBoard};

use crate::error::Context;
use crate::queries;
use crate::rows::{timestamp_from_sql, timestamp_to_sql};

/// Sets a source's grade and records the change, in one transaction.
pub(crate) fn grade_source(
    connection: &mut Connection,
    name: &str,
    reliability: Reliability,
    note: &GradeNote,
) -> StoreResult<()> {
    let transaction = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .context("cannot begin grading")?;
    let old: Option<String> = transaction
        .query_row(queries::SELECT_SOURCE, [name], |row| row.get(1))
        .optional()
        .with_context(|| format!("cannot read the grade of source {name:?}"))?;
    transaction
        .execute(queries::UPSERT_SOURCE_RELIABILITY, params![name, reliability.as_str()])
        .with_context(|| format!("cannot grade source {name:?}"))?;
    record(&transaction, GradeTarget::Source, name, old, reliability.as_str(), note)?;
    transaction.commit().context("cannot commit grading")
}

/// Sets a claim's credibility and records the change, in one transaction.
pub(crate) fn grade_claim(
    connection: &mut Connection,
    claim: &str,
    credibility: u8,
    note: &GradeNote,
) -> StoreResult<()> {
    if !(1..=6).contains(&credibility) {
        return Err(StoreError::InvalidQuery(format!("credibility {credibility} is not 1 to 6")));
    }
    let transaction = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .context("cannot begin grading")?;
    let old: Option<i64> = transaction
        .query_row(queries::SELECT_CLAIM_GRADE, [claim], |row| row.get(0))
        .optional()
        .with_context(|| format!("cannot read the grade of claim {claim}"))?;
    transaction
        .execute(queries::UPSERT_CLAIM_GRADE, params![claim, credibility])
        .with_context(|| format!("cannot grade claim {claim}"))?;
    let new = credibility.to_string();
    record(&transaction, GradeTarget::Claim, claim, old.map(|v| v.to_string()), &new, note)?;
    transaction.commit().context("cannot commit grading")
}

fn record(
    connection: &Connection,
    kind: GradeTarget,
    target: &str,
    old: Option<String>,
    new: &str,
    note: &GradeNote,
) -> StoreResult<()> {
    connection
        .execute(
            queries::INSERT_GRADE_HISTORY,
            params![
                kind.as_str(),
                target,
                old,
                new,
                note.author,
                timestamp_to_sql(note.at),
                note.why
            ],
        )
        .with_context(|| format!("cannot record the grading of {target}"))?;
    Ok(())
}

/// A claim's credibility.
pub(crate) fn claim_credibility(connection: &Connection, claim: &str) -> StoreResult<Option<u8>> {
    let value: Option<i64> = connection
        .query_row(queries::SELECT_CLAIM_GRADE, [claim], |row| row.get(0))
        .optional()
        .with_context(|| format!("cannot read the grade of claim {claim}"))?;
    Ok(value.and_then(|v| u8::try_from(v).ok()))
}

/// One target's history.
pub(crate) fn grade_history(
    connection: &Connection,
    kind: GradeTarget,
    target: &str,
) -> StoreResult<Vec<GradeChange>> {
    let mut statement =
        connection.prepare_cached(queries::LIST_GRADE_HISTORY).context("cannot prepare history")?;
    let rows: Vec<(String, Option<String>, String, String, String, String)> = statement
        .query_map(params![kind.as_str(), target], |row| {
            Ok((row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?))
        })
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .with_context(|| format!("cannot read the grading history of {target}"))?;
    rows.into_iter()
        .map(|(target, old, new, author, at, why)| {
            let at = timestamp_from_sql(&at, &format!("the grading history of {target}"))?;
            Ok(GradeChange {
                target_kind: kind,
                target,
                old,
                new,
                note: GradeNote { author, at, why },
            })
        })
        .collect()
}

/// Stores or replaces a board.
pub(crate) fn put_board(
    connection: &Connection,
    id: Option<i64>,
    name: &str,
    body: &str,
    decisions: &str,
) -> StoreResult<i64> {
    let now = timestamp_to_sql(Utc::now());
    match id {
        None => {
            connection
                .execute(queries::INSERT_BOARD, params![name, body, decisions, now])
                .context("cannot store the board")?;
            Ok(connection.last_insert_rowid())
        }
        Some(id) => {
            let changed = connection
                .execute(queries::UPDATE_BOARD, params![id, name, body, decisions, now])
                .with_context(|| format!("cannot update board {id}"))?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!("board {id}")));
            }
            Ok(id)
        }
    }
}

/// A board by id.
pub(crate) fn board(connection: &Connection, id: i64) -> StoreResult<Option<StoredBoard>> {
    let row = connection
        .query_row(queries::SELECT_BOARD, [id], BoardRow::read)
        .optional()
        .with_context(|| format!("cannot read board {id}"))?;
    row.map(BoardRow::into_board).transpose()
}

/// Every board.
pub(crate) fn boards(connection: &Connection) -> StoreResult<Vec<StoredBoard>> {
    let mut statement =
        connection.prepare_cached(queries::LIST_BOARDS).context("cannot prepare boards")?;
    let rows = statement
        .query_map([], BoardRow::read)
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .context("cannot list boards")?;
    rows.into_iter().map(BoardRow::into_board).collect()
}

struct BoardRow(i64, String, String, String, String, String);

impl BoardRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<BoardRow> {
        Ok(BoardRow(row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?))
    }

    fn into_board(self) -> StoreResult<StoredBoard> {
        let owner = format!("board {}", self.0);
        Ok(StoredBoard {
            id: self.0,
            name: self.1,
            body: self.2,
            decisions: self.3,
            created_at: timestamp_from_sql(&self.4, &owner)?,
            updated_at: timestamp_from_sql(&self.5, &owner)?,
        })
    }
}
