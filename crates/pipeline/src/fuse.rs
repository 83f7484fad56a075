//! Fusion on ingest: each new document's incidents linked into the stored fused incidents.
//!
//! One mention at a time, one transaction each: its block's stored mentions are fetched, the
//! [`link`] rule picks the ones it tells the same incident as, their chains are read back whole
//! and joined with it, and [`carve`] cuts the joined chain into fused incidents again. Nothing
//! else is read, so fusing stays incremental however large the store. A document is marked
//! fused with its last mention; a run cut short re-fuses that document's mentions, which
//! replace themselves by key.
//!
//! Analysts' edits ([`Constraints`]): a merge joins two chains and keeps the two incidents
//! together in every later cut; a split forbids the cut to put its two sides together again.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use vigil_domain::Reliability;
use vigil_fusion::{Edit, Mention, Pins, carve, fused_id, link};
use vigil_store::{FusionChange, MentionRecord, Store, UnfusedDocument};

use crate::PipelineError;
use crate::locks::{StoreLock, holding};
use crate::mentions::mentions_of;

/// Documents fetched from the unfused queue at a time.
const QUEUE_BATCH: usize = 128;

/// What a fusion run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FuseReport {
    /// Documents fused.
    pub documents: u64,
    /// Mentions placed.
    pub mentions: u64,
    /// Mentions that joined an incident reported before.
    pub joined: u64,
    /// Fused incidents joined into another because a mention tied them.
    pub incidents_joined: u64,
}

/// Pairs of mentions analysts split apart (never in one incident again) or merged (always in
/// one incident).
#[derive(Debug, Clone, Default)]
pub struct Constraints {
    apart: BTreeSet<(String, String)>,
    together: BTreeSet<(String, String)>,
}

impl Constraints {
    /// The constraints the recorded edits impose.
    pub fn from_edits<'e>(edits: impl IntoIterator<Item = &'e Edit>) -> Constraints {
        let mut constraints = Constraints::default();
        for edit in edits {
            match edit {
                // A later edit overrides an earlier one about the same pair.
                Edit::Split { out, rest } => {
                    for a in out {
                        for b in rest {
                            constraints.together.remove(&ordered(a, b));
                            constraints.apart.insert(ordered(a, b));
                        }
                    }
                }
                Edit::Merge { left, right } => {
                    constraints.apart.remove(&ordered(left, right));
                    constraints.together.insert(ordered(left, right));
                }
                Edit::Set { .. } => {}
            }
        }
        constraints
    }

    /// Whether an analyst said these two mentions are of different incidents.
    pub fn forbids(&self, a: &str, b: &str) -> bool {
        !self.apart.is_empty() && self.apart.contains(&ordered(a, b))
    }
}

impl Pins for Constraints {
    fn joined(&self, a: &str, b: &str) -> bool {
        !self.together.is_empty() && self.together.contains(&ordered(a, b))
    }

    fn split(&self, a: &str, b: &str) -> bool {
        self.forbids(a, b)
    }
}

fn ordered(a: &str, b: &str) -> (String, String) {
    if a <= b { (a.to_string(), b.to_string()) } else { (b.to_string(), a.to_string()) }
}

/// The recorded edits, parsed; an edit that does not parse is skipped (it was written by a
/// newer Vigil).
pub fn recorded_edits(store: &dyn Store) -> Result<Vec<Edit>, PipelineError> {
    Ok(store
        .fusion_edits()?
        .iter()
        .filter_map(|record| serde_json::from_str(&record.edit).ok())
        .collect())
}

/// Fuses every stored extraction not fused yet, holding the store's fusion lock so that
/// concurrent writers (workers) fuse one at a time, each seeing the others' mentions.
pub fn fuse_pending(store: &mut dyn Store) -> Result<FuseReport, PipelineError> {
    holding(store, StoreLock::Fusion, fuse_pending_locked)
}

fn fuse_pending_locked(store: &mut dyn Store) -> Result<FuseReport, PipelineError> {
    let constraints = Constraints::from_edits(&recorded_edits(store)?);
    let mut report = FuseReport::default();
    loop {
        let queue = store.unfused_documents(QUEUE_BATCH)?;
        if queue.is_empty() {
            return Ok(report);
        }
        for document in queue {
            fuse_document(store, &document, &constraints, &mut report)?;
        }
    }
}

fn fuse_document(
    store: &mut dyn Store,
    document: &UnfusedDocument,
    constraints: &Constraints,
    report: &mut FuseReport,
) -> Result<(), PipelineError> {
    let reliability = match &document.source {
        Some(name) => store.source(name)?.map(|source| source.reliability).unwrap_or_default(),
        None => Reliability::F,
    };
    let mentions = mentions_of(document, reliability);
    if mentions.is_empty() {
        let change =
            FusionChange { fused_documents: vec![document.id.clone()], ..FusionChange::default() };
        store.apply_fusion(&change)?;
    }
    let last = mentions.len().saturating_sub(1);
    for (index, mention) in mentions.iter().enumerate() {
        let mut change = place(store, mention, constraints, report)?;
        if index == last {
            change.fused_documents.push(document.id.clone());
        }
        store.apply_fusion(&change)?;
    }
    report.documents += 1;
    Ok(())
}

/// Where one mention goes: the chains it links to are read back, joined with it under the
/// smallest key, and cut into fused incidents again; the change rewrites every mention whose
/// incident or chain moved.
pub fn place(
    store: &dyn Store,
    mention: &Mention,
    constraints: &Constraints,
    report: &mut FuseReport,
) -> Result<FusionChange, PipelineError> {
    let mut chains: BTreeSet<String> = BTreeSet::new();
    if let Some(block) = mention.block() {
        for candidate in store.mention_candidates(block.country, block.first_day, block.last_day)? {
            if candidate.key == mention.key || chains.contains(&candidate.chain) {
                continue;
            }
            let Ok(other) = serde_json::from_str::<Mention>(&candidate.data) else { continue };
            if link(mention, &other).is_some() {
                chains.insert(candidate.chain);
            }
        }
    }
    let chains: Vec<String> = chains.into_iter().collect();
    let mut records: Vec<MentionRecord> = store
        .mentions_in_chains(&chains)?
        .into_iter()
        .filter(|record| record.key != mention.key)
        .collect();
    // Each stored mention's incident before the cut, to tell which the newcomer joined.
    let before: BTreeMap<String, String> =
        records.iter().map(|record| (record.key.clone(), record.fused_id.clone())).collect();
    records.push(record(mention, "", "")?);
    let (changed, fused) = recut(records, constraints)?;
    report.mentions += 1;
    let moved: BTreeMap<&str, &str> =
        changed.iter().map(|new| (new.key.as_str(), new.fused_id.as_str())).collect();
    let joined: BTreeSet<&str> = before
        .iter()
        .filter(|(key, old)| moved.get(key.as_str()).copied().unwrap_or(old.as_str()) == fused)
        .map(|(_, old)| old.as_str())
        .collect();
    if !joined.is_empty() {
        report.joined += 1;
    }
    report.incidents_joined += joined.len().saturating_sub(1) as u64;
    Ok(FusionChange { mentions: changed, fused_documents: Vec::new() })
}

/// Cuts one chain (every record of it) into fused incidents: the records whose incident or
/// chain changed, and the incident the last record (the newcomer) went to.
fn recut(
    mut records: Vec<MentionRecord>,
    constraints: &Constraints,
) -> Result<(Vec<MentionRecord>, String), PipelineError> {
    records.sort_by(|a, b| a.key.cmp(&b.key));
    let newcomer = records.iter().position(|record| record.fused_id.is_empty());
    let mentions = records
        .iter()
        .map(|record| {
            serde_json::from_str::<Mention>(&record.data).map_err(|error| {
                PipelineError::Fusion(format!("stored mention {}: {error}", record.key))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let chain = records.first().map(|record| record.key.clone()).unwrap_or_default();
    let mut changed = Vec::new();
    let mut newcomer_fused = String::new();
    for group in carve(&mentions, constraints) {
        // Groups are sorted, so the first member holds the smallest key: the incident's anchor.
        let id = fused_id(&records[group[0]].key);
        for index in group {
            if Some(index) == newcomer {
                newcomer_fused.clone_from(&id);
            }
            let record = &records[index];
            if record.fused_id != id || record.chain != chain {
                changed.push(MentionRecord {
                    fused_id: id.clone(),
                    chain: chain.clone(),
                    ..record.clone()
                });
            }
        }
    }
    Ok((changed, newcomer_fused))
}

/// A mention as the store keeps it.
pub fn record(mention: &Mention, fused: &str, chain: &str) -> Result<MentionRecord, PipelineError> {
    let document = mention
        .document
        .parse()
        .map_err(|error| PipelineError::Fusion(format!("mention {}: {error}", mention.key)))?;
    Ok(MentionRecord {
        key: mention.key.clone(),
        document,
        fused_id: fused.to_string(),
        chain: chain.to_string(),
        country: mention.incident.location.as_ref().and_then(|place| place.country.clone()),
        days: mention.days(),
        data: serde_json::to_string(mention)
            .map_err(|error| PipelineError::Fusion(format!("mention {}: {error}", mention.key)))?,
    })
}

/// Records an analyst's edit (who, when, why) and applies it, so later fusion keeps to it.
pub fn record_edit(
    store: &mut dyn Store,
    edit: &Edit,
    author: &str,
    why: &str,
) -> Result<(), PipelineError> {
    let entry = vigil_store::FusionEditRecord {
        seq: 0,
        edit: serde_json::to_string(edit)
            .map_err(|error| PipelineError::Fusion(format!("edit does not serialise: {error}")))?,
        author: author.to_string(),
        at: chrono::Utc::now(),
        why: why.to_string(),
    };
    holding(store, StoreLock::Fusion, |store| {
        store.put_fusion_edit(&entry)?;
        apply_edit_locked(store, edit)
    })
}

/// Applies an analyst's merge or split to the stored incidents now: the chains it touches are
/// cut again under every recorded edit and this one (a `Set` changes no membership: it is read
/// when the incident is shown). Holds the fusion lock.
pub fn apply_edit(store: &mut dyn Store, edit: &Edit) -> Result<(), PipelineError> {
    holding(store, StoreLock::Fusion, |store| apply_edit_locked(store, edit))
}

fn apply_edit_locked(store: &mut dyn Store, edit: &Edit) -> Result<(), PipelineError> {
    let all = store.mentions()?;
    let find = |key: &str| -> Result<&MentionRecord, PipelineError> {
        all.iter()
            .find(|record| record.key == key)
            .ok_or_else(|| PipelineError::Fusion(format!("no mention {key}")))
    };
    let chains: BTreeSet<String> = match edit {
        Edit::Merge { left, right } => {
            [find(left)?.chain.clone(), find(right)?.chain.clone()].into()
        }
        Edit::Split { out, rest } => out
            .iter()
            .chain(rest)
            .map(|key| Ok(find(key)?.chain.clone()))
            .collect::<Result<_, PipelineError>>()?,
        Edit::Set { anchor, .. } => {
            find(anchor)?;
            return Ok(());
        }
    };
    let mut edits = recorded_edits(store)?;
    edits.push(edit.clone());
    let constraints = Constraints::from_edits(&edits);
    let records: Vec<MentionRecord> =
        all.iter().filter(|record| chains.contains(&record.chain)).cloned().collect();
    let (mentions, _) = recut(records, &constraints)?;
    store.apply_fusion(&FusionChange { mentions, fused_documents: Vec::new() })?;
    Ok(())
}

/// Fuses everything again from scratch (same reports, same incidents), then replays the
/// analysts' merges and splits in the order they were made; all under the fusion lock, so no
/// worker fuses into the half-rebuilt incidents and no edit lands between reset and replay.
pub fn rebuild(store: &mut dyn Store) -> Result<FuseReport, PipelineError> {
    holding(store, StoreLock::Fusion, |store| {
        store.reset_fusion()?;
        let report = fuse_pending_locked(store)?;
        for edit in recorded_edits(store)? {
            apply_edit_locked(store, &edit)?;
        }
        Ok(report)
    })
}
