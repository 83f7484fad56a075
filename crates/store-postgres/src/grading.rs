//! Grades with their history, and boards.
//!
//! A change of grade reads the old grade with `FOR UPDATE` inside the transaction that writes
//! the new one and its history row, so two analysts grading one target at once are serialised
//! and each history row names the grade it replaced.

use chrono::Utc;
use postgres::{Client, GenericClient, Row};
use vigil_domain::Reliability;
use vigil_store::{GradeChange, GradeNote, GradeTarget, StoreError, StoreResult, StoredBoard};

use crate::error::Context;
use crate::queries;
use crate::rows::{get, timestamp_from_sql, timestamp_to_sql};

/// Sets a source's grade and records the change, in one transaction.
pub(crate) fn grade_source(
    client: &mut Client,
    name: &str,
    reliability: Reliability,
    note: &GradeNote,
) -> StoreResult<()> {
    let mut transaction = client.transaction().context("cannot begin grading")?;
    let old = transaction
        .query_opt(queries::LOCK_SOURCE, &[&name])
        .with_context(|| format!("cannot read the grade of source {name:?}"))?;
    let old: Option<String> = old.as_ref().map(|row| get(row, 0)).transpose()?;
    transaction
        .execute(queries::UPSERT_SOURCE_RELIABILITY, &[&name, &reliability.as_str()])
        .with_context(|| format!("cannot grade source {name:?}"))?;
    record(&mut transaction, GradeTarget::Source, name, old, reliability.as_str(), note)?;
    transaction.commit().context("cannot commit grading")
}

/// Sets a claim's credibility and records the change, in one transaction.
pub(crate) fn grade_claim(
    client: &mut Client,
    claim: &str,
    credibility: u8,
    note: &GradeNote,
) -> StoreResult<()> {
    if !(1..=6).contains(&credibility) {
        return Err(StoreError::InvalidQuery(format!("credibility {credibility} is not 1 to 6")));
    }
    let mut transaction = client.transaction().context("cannot begin grading")?;
    let old = transaction
        .query_opt(queries::LOCK_CLAIM_GRADE, &[&claim])
        .with_context(|| format!("cannot read the grade of claim {claim}"))?;
    let old: Option<i64> = old.as_ref().map(|row| get(row, 0)).transpose()?;
    transaction
        .execute(queries::UPSERT_CLAIM_GRADE, &[&claim, &i16::from(credibility)])
        .with_context(|| format!("cannot grade claim {claim}"))?;
    let new = credibility.to_string();
    record(&mut transaction, GradeTarget::Claim, claim, old.map(|v| v.to_string()), &new, note)?;
    transaction.commit().context("cannot commit grading")
}

fn record(
    client: &mut impl GenericClient,
    kind: GradeTarget,
    target: &str,
    old: Option<String>,
    new: &str,
    note: &GradeNote,
) -> StoreResult<()> {
    client
        .execute(
            queries::INSERT_GRADE_HISTORY,
            &[
                &kind.as_str(),
                &target,
                &old,
                &new,
                &note.author,
                &timestamp_to_sql(note.at),
                &note.why,
            ],
        )
        .with_context(|| format!("cannot record the grading of {target}"))?;
    Ok(())
}

/// A claim's credibility.
pub(crate) fn claim_credibility(client: &mut Client, claim: &str) -> StoreResult<Option<u8>> {
    let row = client
        .query_opt(queries::SELECT_CLAIM_GRADE, &[&claim])
        .with_context(|| format!("cannot read the grade of claim {claim}"))?;
    let value: Option<i64> = row.as_ref().map(|row| get(row, 0)).transpose()?;
    Ok(value.and_then(|v| u8::try_from(v).ok()))
}

/// One target's history, oldest first.
pub(crate) fn grade_history(
    client: &mut Client,
    kind: GradeTarget,
    target: &str,
) -> StoreResult<Vec<GradeChange>> {
    let rows = client
        .query(queries::LIST_GRADE_HISTORY, &[&kind.as_str(), &target])
        .with_context(|| format!("cannot read the grading history of {target}"))?;
    rows.iter()
        .map(|row| {
            let target: String = get(row, 0)?;
            let at: String = get(row, 4)?;
            let at = timestamp_from_sql(&at, &format!("the grading history of {target}"))?;
            Ok(GradeChange {
                target_kind: kind,
                old: get(row, 1)?,
                new: get(row, 2)?,
                note: GradeNote { author: get(row, 3)?, at, why: get(row, 5)? },
                target,
            })
        })
        .collect()
}

/// Stores or replaces a board.
pub(crate) fn put_board(
    client: &mut Client,
    id: Option<i64>,
    name: &str,
    body: &str,
    decisions: &str,
) -> StoreResult<i64> {
    let now = timestamp_to_sql(Utc::now());
    match id {
        None => {
            let row = client
                .query_one(queries::INSERT_BOARD, &[&name, &body, &decisions, &now])
                .context("cannot store the board")?;
            get(&row, 0)
        }
        Some(id) => {
            let changed = client
                .execute(queries::UPDATE_BOARD, &[&id, &name, &body, &decisions, &now])
                .with_context(|| format!("cannot update board {id}"))?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!("board {id}")));
            }
            Ok(id)
        }
    }
}

/// A board by id.
pub(crate) fn board(client: &mut Client, id: i64) -> StoreResult<Option<StoredBoard>> {
    let row = client
        .query_opt(queries::SELECT_BOARD, &[&id])
        .with_context(|| format!("cannot read board {id}"))?;
    row.as_ref().map(board_from_row).transpose()
}

/// Every board, oldest first.
pub(crate) fn boards(client: &mut Client) -> StoreResult<Vec<StoredBoard>> {
    let rows = client.query(queries::LIST_BOARDS, &[]).context("cannot list boards")?;
    rows.iter().map(board_from_row).collect()
}

fn board_from_row(row: &Row) -> StoreResult<StoredBoard> {
    let id: i64 = get(row, 0)?;
    let owner = format!("board {id}");
    let created_at: String = get(row, 4)?;
    let updated_at: String = get(row, 5)?;
    Ok(StoredBoard {
        id,
        name: get(row, 1)?,
        body: get(row, 2)?,
        decisions: get(row, 3)?,
        created_at: timestamp_from_sql(&created_at, &owner)?,
        updated_at: timestamp_from_sql(&updated_at, &owner)?,
    })
}
