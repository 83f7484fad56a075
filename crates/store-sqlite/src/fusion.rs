//! Fusion's tables: mentions placed in fused incidents, the unfused queue, analysts' edits.

use rusqlite::{Connection, Row, TransactionBehavior, params};
use vigil_store::{
    FusionChange, FusionEditRecord, MentionRecord, StoreError, StoreResult, UnfusedDocument,
};

use crate::error::Context;
use crate::queries;
use crate::rows::{date_from_sql, from_json, id_from_sql, timestamp_from_sql, timestamp_to_sql};

/// Id, published, source, text and extraction JSON of an unfused document.
type UnfusedRow = (String, Option<String>, Option<String>, String, String);

/// Documents whose extraction is not fused yet.
pub(crate) fn unfused_documents(
    connection: &Connection,
    limit: usize,
) -> StoreResult<Vec<UnfusedDocument>> {
    let mut statement =
        connection.prepare_cached(queries::UNFUSED_DOCUMENTS).context("cannot list unfused")?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows: Vec<UnfusedRow> = statement
        .query_map([limit], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
        })
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .context("cannot list unfused documents")?;
    rows.into_iter()
        .map(|(id, published, source, text, extraction)| {
            let owner = format!("the extraction of document {id}");
            Ok(UnfusedDocument {
                id: id_from_sql(&id)?,
                published: published.map(|date| date_from_sql(&date, &owner)).transpose()?,
                source,
                text,
                extraction: from_json(&extraction, "json", &owner)?,
            })
        })
        .collect()
}

/// Mentions in a block.
pub(crate) fn mention_candidates(
    connection: &Connection,
    country: Option<&str>,
    first_day: i64,
    last_day: i64,
) -> StoreResult<Vec<MentionRecord>> {
    let sql = if country.is_some() {
        queries::MENTION_CANDIDATES_IN_COUNTRY
    } else {
        queries::MENTION_CANDIDATES
    };
    let mut statement = connection.prepare_cached(sql).context("cannot prepare candidates")?;
    let rows = statement
        .query_map(params![country, first_day, last_day], MentionRow::read)
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .context("cannot read fusion candidates")?;
    rows.into_iter().map(MentionRow::into_record).collect()
}

/// The mentions of some fused incidents.
pub(crate) fn mentions_of(
    connection: &Connection,
    fused_ids: &[String],
) -> StoreResult<Vec<MentionRecord>> {
    mentions_by(connection, queries::MENTIONS_OF_FUSED, fused_ids)
}

/// The mentions of some chains.
pub(crate) fn mentions_in_chains(
    connection: &Connection,
    chains: &[String],
) -> StoreResult<Vec<MentionRecord>> {
    mentions_by(connection, queries::MENTIONS_IN_CHAIN, chains)
}

/// The mentions `sql` selects for each of `names` (a fused id or a chain), by key, each once.
fn mentions_by(
    connection: &Connection,
    sql: &str,
    names: &[String],
) -> StoreResult<Vec<MentionRecord>> {
    let mut statement = connection.prepare_cached(sql).context("cannot prepare mentions")?;
    let mut out = Vec::new();
    for name in names {
        let rows = statement
            .query_map([name], MentionRow::read)
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .with_context(|| format!("cannot read the mentions of {name}"))?;
        for row in rows {
            out.push(row.into_record()?);
        }
    }
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out.dedup_by(|a, b| a.key == b.key);
    Ok(out)
}

/// Every mention.
pub(crate) fn mentions(connection: &Connection) -> StoreResult<Vec<MentionRecord>> {
    let mut statement =
        connection.prepare_cached(queries::LIST_MENTIONS).context("cannot prepare mentions")?;
    let rows = statement
        .query_map([], MentionRow::read)
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .context("cannot list mentions")?;
    rows.into_iter().map(MentionRow::into_record).collect()
}

/// One fusion step in one transaction.
pub(crate) fn apply_fusion(connection: &mut Connection, change: &FusionChange) -> StoreResult<()> {
    let transaction = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .context("cannot begin fusion step")?;
    {
        let mut upsert = transaction
            .prepare_cached(queries::UPSERT_MENTION)
            .context("cannot prepare mention")?;
        for mention in &change.mentions {
            let (first, last) = mention.days.unzip();
            let changed = upsert
                .execute(params![
                    mention.key,
                    mention.document.to_string(),
                    mention.fused_id,
                    mention.chain,
                    mention.country,
                    first,
                    last,
                    mention.data,
                ])
                .with_context(|| format!("cannot store mention {}", mention.key))?;
            if changed == 0 {
                return Err(StoreError::NotFound(mention.document.to_string()));
            }
        }
        let mut mark =
            transaction.prepare_cached(queries::MARK_FUSED).context("cannot prepare mark")?;
        for document in &change.fused_documents {
            mark.execute([document.to_string()])
                .with_context(|| format!("cannot mark {document} fused"))?;
        }
    }
    transaction.commit().context("cannot commit fusion step")
}

/// Forgets all mentions and marks every extraction unfused.
pub(crate) fn reset_fusion(connection: &mut Connection) -> StoreResult<()> {
    let transaction = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .context("cannot begin fusion reset")?;
    transaction.execute_batch(queries::RESET_FUSION).context("cannot reset fusion")?;
    transaction.commit().context("cannot commit fusion reset")
}

/// Records an edit.
pub(crate) fn put_fusion_edit(
    connection: &Connection,
    edit: &FusionEditRecord,
) -> StoreResult<i64> {
    connection
        .prepare_cached(queries::INSERT_FUSION_EDIT)
        .and_then(|mut statement| {
            statement.execute(params![edit.edit, edit.author, timestamp_to_sql(edit.at), edit.why])
        })
        .context("cannot record the fusion edit")?;
    Ok(connection.last_insert_rowid())
}

/// Every edit, oldest first.
pub(crate) fn fusion_edits(connection: &Connection) -> StoreResult<Vec<FusionEditRecord>> {
    let mut statement =
        connection.prepare_cached(queries::LIST_FUSION_EDITS).context("cannot prepare edits")?;
    let rows: Vec<(i64, String, String, String, String)> = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)))
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .context("cannot list fusion edits")?;
    rows.into_iter()
        .map(|(seq, edit, author, at, why)| {
            Ok(FusionEditRecord {
                seq,
                edit,
                author,
                at: timestamp_from_sql(&at, &format!("fusion edit {seq}"))?,
                why,
            })
        })
        .collect()
}

/// A mention row as SQLite returns it.
struct MentionRow {
    key: String,
    document: String,
    fused_id: String,
    chain: String,
    country: Option<String>,
    first_day: Option<i64>,
    last_day: Option<i64>,
    data: String,
}

impl MentionRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<MentionRow> {
        Ok(MentionRow {
            key: row.get(0)?,
            document: row.get(1)?,
            fused_id: row.get(2)?,
            chain: row.get(3)?,
            country: row.get(4)?,
            first_day: row.get(5)?,
            last_day: row.get(6)?,
            data: row.get(7)?,
        })
    }

    fn into_record(self) -> StoreResult<MentionRecord> {
        Ok(MentionRecord {
            key: self.key,
            document: id_from_sql(&self.document)?,
            fused_id: self.fused_id,
            chain: self.chain,
            country: self.country,
            days: self.first_day.zip(self.last_day),
            data: self.data,
        })
    }
}
