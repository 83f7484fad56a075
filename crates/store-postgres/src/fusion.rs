//! Fusion's tables: mentions placed in fused incidents, the unfused queue, analysts' edits.

use postgres::Client;
use vigil_store::{
    FusionChange, FusionEditRecord, MentionRecord, StoreError, StoreResult, UnfusedDocument,
};

use crate::error::Context;
use crate::queries;
use crate::rows::{
    from_json, get, id_from_sql, mention_from_row, timestamp_from_sql, timestamp_to_sql, to_bigint,
};
use crate::statements::Statements;

/// Documents whose extraction is not fused yet.
pub(crate) fn unfused_documents(
    client: &mut Client,
    statements: &mut Statements,
    limit: usize,
) -> StoreResult<Vec<UnfusedDocument>> {
    let statement = statements.get(client, queries::UNFUSED_DOCUMENTS)?;
    let rows =
        client.query(&statement, &[&to_bigint(limit)]).context("cannot list unfused documents")?;
    rows.iter()
        .map(|row| {
            let id: String = get(row, 0)?;
            let extraction: String = get(row, 4)?;
            let owner = format!("the extraction of document {id}");
            Ok(UnfusedDocument {
                id: id_from_sql(&id)?,
                published: get(row, 1)?,
                source: get(row, 2)?,
                text: get(row, 3)?,
                extraction: from_json(&extraction, "json", &owner)?,
            })
        })
        .collect()
}

/// Mentions in a block.
pub(crate) fn mention_candidates(
    client: &mut Client,
    statements: &mut Statements,
    country: Option<&str>,
    first_day: i64,
    last_day: i64,
) -> StoreResult<Vec<MentionRecord>> {
    let statement = statements.get(client, queries::MENTION_CANDIDATES)?;
    let rows = client
        .query(&statement, &[&country, &first_day, &last_day])
        .context("cannot read fusion candidates")?;
    rows.iter().map(mention_from_row).collect()
}

/// The mentions of some fused incidents, by key, each once.
pub(crate) fn mentions_of(
    client: &mut Client,
    statements: &mut Statements,
    fused_ids: &[String],
) -> StoreResult<Vec<MentionRecord>> {
    mentions_by(client, statements, queries::MENTIONS_OF_FUSED, fused_ids)
}

/// The mentions of some chains, by key, each once.
pub(crate) fn mentions_in_chains(
    client: &mut Client,
    statements: &mut Statements,
    chains: &[String],
) -> StoreResult<Vec<MentionRecord>> {
    mentions_by(client, statements, queries::MENTIONS_IN_CHAIN, chains)
}

/// The mentions `sql` selects for the array `names` (fused ids or chains).
fn mentions_by(
    client: &mut Client,
    statements: &mut Statements,
    sql: &'static str,
    names: &[String],
) -> StoreResult<Vec<MentionRecord>> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let statement = statements.get(client, sql)?;
    let rows = client.query(&statement, &[&names]).context("cannot read mentions")?;
    rows.iter().map(mention_from_row).collect()
}

/// Every mention.
pub(crate) fn mentions(client: &mut Client) -> StoreResult<Vec<MentionRecord>> {
    let rows = client.query(queries::LIST_MENTIONS, &[]).context("cannot list mentions")?;
    rows.iter().map(mention_from_row).collect()
}

/// One fusion step in one transaction: mentions, then marks.
pub(crate) fn apply_fusion(
    client: &mut Client,
    statements: &mut Statements,
    change: &FusionChange,
) -> StoreResult<()> {
    let mut transaction = client.transaction().context("cannot begin fusion step")?;
    let upsert = statements.get(&mut transaction, queries::UPSERT_MENTION)?;
    for mention in &change.mentions {
        let (first, last) = mention.days.unzip();
        let changed = transaction
            .execute(
                &upsert,
                &[
                    &mention.key,
                    &mention.document.as_str(),
                    &mention.fused_id,
                    &mention.chain,
                    &mention.country,
                    &first,
                    &last,
                    &mention.data,
                ],
            )
            .with_context(|| format!("cannot store mention {}", mention.key))?;
        if changed == 0 {
            return Err(StoreError::NotFound(mention.document.to_string()));
        }
    }
    let mark = statements.get(&mut transaction, queries::MARK_FUSED)?;
    for document in &change.fused_documents {
        transaction
            .execute(&mark, &[&document.as_str()])
            .with_context(|| format!("cannot mark {document} fused"))?;
    }
    transaction.commit().context("cannot commit fusion step")
}

/// Forgets all mentions and marks every extraction unfused, in one transaction.
pub(crate) fn reset_fusion(client: &mut Client) -> StoreResult<()> {
    let mut transaction = client.transaction().context("cannot begin fusion reset")?;
    transaction.batch_execute(queries::RESET_FUSION).context("cannot reset fusion")?;
    transaction.commit().context("cannot commit fusion reset")
}

/// Records an edit; returns its seq.
pub(crate) fn put_fusion_edit(client: &mut Client, edit: &FusionEditRecord) -> StoreResult<i64> {
    let row = client
        .query_one(
            queries::INSERT_FUSION_EDIT,
            &[&edit.edit, &edit.author, &timestamp_to_sql(edit.at), &edit.why],
        )
        .context("cannot record the fusion edit")?;
    get(&row, 0)
}

/// Every edit, oldest first.
pub(crate) fn fusion_edits(client: &mut Client) -> StoreResult<Vec<FusionEditRecord>> {
    let rows = client.query(queries::LIST_FUSION_EDITS, &[]).context("cannot list fusion edits")?;
    rows.iter()
        .map(|row| {
            let seq: i64 = get(row, 0)?;
            let at: String = get(row, 3)?;
            Ok(FusionEditRecord {
                seq,
                edit: get(row, 1)?,
                author: get(row, 2)?,
                at: timestamp_from_sql(&at, &format!("fusion edit {seq}"))?,
                why: get(row, 4)?,
            })
        })
        .collect()
}
