//! Fused incidents as every reader sees them: stored mentions grouped, analysts' values applied.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use vigil_fusion::{Edit, FusedIncident, Mention, Override};
use vigil_store::Store;

use crate::{QueryError, QueryResult};

/// Every fused incident in the store, by id.
pub fn load(store: &dyn Store) -> QueryResult<Vec<FusedIncident>> {
    load_as_of(store, None)
}

/// The fused incidents as the reports published on or before `as_of` tell them (no look-ahead:
/// later reports, and undated ones, are left out).
pub fn load_as_of(store: &dyn Store, as_of: Option<NaiveDate>) -> QueryResult<Vec<FusedIncident>> {
    Ok(Stored::read(store)?.as_of(as_of))
}

/// The store's mentions and analysts' values, read and parsed once, from which fused incidents
/// can be rebuilt as of any day (a backtest replays many days).
#[derive(Debug, Clone)]
pub struct Stored {
    mentions: Vec<(String, Mention)>,
    overrides: Vec<(String, Override)>,
}

impl Stored {
    /// Reads every mention and edit.
    pub fn read(store: &dyn Store) -> QueryResult<Stored> {
        let mut mentions = Vec::new();
        for record in store.mentions()? {
            let mention: Mention = serde_json::from_str(&record.data).map_err(|source| {
                QueryError::Corrupt { what: format!("stored mention {}", record.key), source }
            })?;
            mentions.push((record.fused_id, mention));
        }
        Ok(Stored { mentions, overrides: overrides(store)? })
    }

    /// The fused incidents as the reports published by `as_of` (all, for `None`) tell them.
    pub fn as_of(&self, as_of: Option<NaiveDate>) -> Vec<FusedIncident> {
        let mut groups: BTreeMap<&str, Vec<Mention>> = BTreeMap::new();
        for (fused_id, mention) in &self.mentions {
            if as_of.is_some_and(|day| mention.published.is_none_or(|published| published > day)) {
                continue;
            }
            groups.entry(fused_id).or_default().push(mention.clone());
        }
        groups
            .into_values()
            .filter_map(|mentions| {
                let applied: Vec<Override> = self
                    .overrides
                    .iter()
                    .filter(|(anchor, _)| mentions.iter().any(|mention| &mention.key == anchor))
                    .map(|(_, value)| value.clone())
                    .collect();
                vigil_fusion::consensus(&mentions, &applied)
            })
            .collect()
    }
}

/// Analysts' slot values, with the mention they were set on.
fn overrides(store: &dyn Store) -> QueryResult<Vec<(String, Override)>> {
    let mut out = Vec::new();
    for record in store.fusion_edits()? {
        if let Ok(Edit::Set { anchor, slot, value }) = serde_json::from_str(&record.edit) {
            out.push((
                anchor,
                Override {
                    slot,
                    value,
                    author: record.author,
                    at: record.at.to_rfc3339(),
                    why: record.why,
                },
            ));
        }
    }
    Ok(out)
}

/// The one fused incident whose id starts with `prefix` (`inc-` may be left out).
pub fn find<'f>(incidents: &'f [FusedIncident], prefix: &str) -> QueryResult<&'f FusedIncident> {
    let prefix =
        if prefix.starts_with("inc-") { prefix.to_string() } else { format!("inc-{prefix}") };
    let found: Vec<&FusedIncident> =
        incidents.iter().filter(|incident| incident.id.starts_with(&prefix)).collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(QueryError::NotFound(format!("no incident matches {prefix:?}"))),
        many => Err(QueryError::Ambiguous(format!(
            "{prefix:?} matches {} incidents; give more of the id",
            many.len()
        ))),
    }
}

/// A short line about who a fused incident is attributed to: each actor once, with the
/// confidences sources give it and how many sources.
pub fn attribution_summary(incident: &FusedIncident) -> String {
    let mut by_actor: BTreeMap<&str, (Vec<String>, usize)> = BTreeMap::new();
    for link in &incident.attribution {
        let entry = by_actor.entry(link.actor.as_str()).or_default();
        let confidence = crate::serde_value(&link.confidence);
        if !entry.0.contains(&confidence) {
            entry.0.push(confidence);
        }
        entry.1 += 1;
    }
    by_actor
        .into_iter()
        .map(|(actor, (confidences, sources))| {
            format!("{actor} ({}; {sources})", confidences.join("/"))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many publishers report it (documents of unknown source count one each).
pub fn distinct_sources(incident: &FusedIncident) -> usize {
    let mut named: Vec<&str> = Vec::new();
    let mut unnamed = 0;
    for value in &incident.incident_type.values {
        match value.source.as_deref() {
            Some(source) if !named.contains(&source) => named.push(source),
            Some(_) => {}
            None => unnamed += 1,
        }
    }
    named.len() + unnamed
}
