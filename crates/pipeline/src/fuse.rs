//! Fusion on ingest: each new document's incidents linked into the stored fused incidents.
//!
//! One mention at a time, one transaction each: its block's stored mentions are fetched, the
//! [`link`] rule picks the ones it tells the same incident as, and their fused incidents are
//! joined under the smallest anchor. Nothing else is read, so fusing stays incremental however
//! large the store. A document is marked fused with its last mention; a run cut short re-fuses
//! that document's mentions, which replace themselves by key.
//!
//! Analysts' edits: a merge joins two fused incidents now and stays joined (fusion only ever
//! joins); a split moves mentions out now and forbids links across it from then on, which
//! [`Constraints`] enforces for every later mention.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use vigil_domain::{ActorKind, Confidence, Reliability};
use vigil_fusion::{Edit, Mention, fused_id, link, mention_key, salient_names};
use vigil_store::{FusionChange, MentionRecord, Store, UnfusedDocument};

use crate::PipelineError;

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

/// Pairs of mentions an analyst split apart: never linked again.
#[derive(Debug, Clone, Default)]
pub struct Constraints {
    apart: BTreeSet<(String, String)>,
}

impl Constraints {
    /// The constraints the recorded edits impose.
    pub fn from_edits<'e>(edits: impl IntoIterator<Item = &'e Edit>) -> Constraints {
        let mut apart = BTreeSet::new();
        for edit in edits {
            if let Edit::Split { out, rest } = edit {
                for a in out {
                    for b in rest {
                        apart.insert(ordered(a, b));
                    }
                }
            }
        }
        Constraints { apart }
    }

    /// Whether an analyst said these two mentions are of different incidents.
    pub fn forbids(&self, a: &str, b: &str) -> bool {
        !self.apart.is_empty() && self.apart.contains(&ordered(a, b))
    }

    fn is_empty(&self) -> bool {
        self.apart.is_empty()
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
    store.lock_fusion()?;
    let fused = fuse_pending_locked(store);
    // Released whatever happened; an error while fusing is the one worth reporting.
    let released = store.unlock_fusion();
    let report = fused?;
    released?;
    Ok(report)
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

/// The mentions of one document: one per incident, with the claims about it.
pub fn mentions_of(document: &UnfusedDocument, reliability: Reliability) -> Vec<Mention> {
    let id = document.id.to_string();
    let lead_end = lead_end(&document.text);
    document
        .extraction
        .incidents
        .iter()
        .map(|incident| Mention {
            key: mention_key(&id, &incident.id),
            document: id.clone(),
            published: document.published,
            source: document.source.clone(),
            reliability,
            incident: incident.clone(),
            claims: document
                .extraction
                .claims
                .iter()
                .filter(|claim| claim.subject.as_deref() == Some(incident.id.as_str()))
                .cloned()
                .collect(),
            actors: actor_family(incident),
            names: salient_names(
                incident
                    .evidence
                    .iter()
                    .filter_map(|span| paragraph(&document.text, span.start, span.end))
                    .chain(
                        // A report's opening tells its main story: an incident told there
                        // shares the headline's and the lead's names.
                        incident
                            .evidence
                            .iter()
                            .any(|span| span.start < lead_end)
                            .then(|| document.text.get(..lead_end))
                            .flatten(),
                    ),
            ),
        })
        .collect()
}

/// The actors a report links to an incident (denials aside) and their parents, from the
/// built-in knowledge base.
fn actor_family(incident: &vigil_domain::Incident) -> Vec<String> {
    let kb = vigil_extract::kb::Kb::builtin();
    // The state that raids, arrests or warns is implied by the country: only a violent act's
    // attribution, or a non-state actor, tells one incident from another.
    let violent = incident.incident_type.is_violent();
    let telling = |name: &str| {
        violent
            || kb.entry(name).is_none_or(|entry| {
                !matches!(entry.kind, ActorKind::State | ActorKind::StateAgency)
            })
    };
    let mut actors: Vec<String> = Vec::new();
    for link in incident
        .attribution
        .iter()
        .filter(|link| link.confidence != Confidence::Denied && telling(&link.actor))
    {
        actors.push(link.actor.clone());
        actors.extend(kb.ancestors(&link.actor).into_iter().map(str::to_string));
    }
    actors.sort();
    actors.dedup();
    actors
}

/// The paragraph (text between blank lines) holding `start..end`: the sentence that tells an
/// incident often names it less fully than the sentences around it.
fn paragraph(text: &str, start: usize, end: usize) -> Option<&str> {
    let head = text.get(..start)?;
    let from = head.rfind("\n\n").map_or(0, |at| at + 2);
    let to = text.get(end..)?.find("\n\n").map_or(text.len(), |at| end + at);
    text.get(from..to)
}

/// Where the headline and the lead paragraph end: after the second blank line, but at most
/// 600 bytes in (wire copy without paragraphs).
fn lead_end(text: &str) -> usize {
    let mut end = 0;
    for _ in 0..2 {
        match text[end..].find("\n\n") {
            Some(at) => end += at + 2,
            None => break,
        }
    }
    let mut end = if end == 0 { text.len() } else { end }.min(600);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
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

/// Where one mention goes: the fused incidents it ties, joined under the smallest anchor.
pub fn place(
    store: &dyn Store,
    mention: &Mention,
    constraints: &Constraints,
    report: &mut FuseReport,
) -> Result<FusionChange, PipelineError> {
    // Fused id -> anchor of every incident the mention ties.
    let mut tied: BTreeMap<String, String> = BTreeMap::new();
    if let Some(block) = mention.block() {
        for candidate in store.mention_candidates(block.country, block.first_day, block.last_day)? {
            if candidate.key == mention.key || constraints.forbids(&mention.key, &candidate.key) {
                continue;
            }
            let Ok(other) = serde_json::from_str::<Mention>(&candidate.data) else { continue };
            if link(mention, &other).is_some() {
                tied.insert(candidate.fused_id, candidate.anchor);
            }
        }
    }
    if !constraints.is_empty() && !tied.is_empty() {
        tied = respect_splits(store, mention, tied, constraints)?;
    }
    let anchor = tied
        .values()
        .map(String::as_str)
        .chain(std::iter::once(mention.key.as_str()))
        .min()
        .unwrap_or(mention.key.as_str())
        .to_string();
    let id = fused_id(&anchor);
    report.mentions += 1;
    if !tied.is_empty() {
        report.joined += 1;
    }
    let renames: Vec<(String, String, String)> = tied
        .keys()
        .filter(|from| **from != id)
        .map(|from| (from.clone(), id.clone(), anchor.clone()))
        .collect();
    report.incidents_joined += renames.len().saturating_sub(1) as u64;
    let record = record(mention, &id, &anchor)?;
    Ok(FusionChange { mentions: vec![record], renames, fused_documents: Vec::new() })
}

/// Drops tied incidents a split forbids: any holding a mention split from this one, then, of
/// two holding mentions split from each other, the one with the larger anchor.
fn respect_splits(
    store: &dyn Store,
    mention: &Mention,
    tied: BTreeMap<String, String>,
    constraints: &Constraints,
) -> Result<BTreeMap<String, String>, PipelineError> {
    let ids: Vec<String> = tied.keys().cloned().collect();
    let members = store.mentions_of(&ids)?;
    let mut by_incident: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for member in &members {
        by_incident.entry(member.fused_id.as_str()).or_default().push(member.key.as_str());
    }
    let mut order: Vec<(&String, &String)> = tied.iter().collect();
    order.sort_by(|a, b| a.1.cmp(b.1));
    let mut kept: BTreeMap<String, String> = BTreeMap::new();
    let mut kept_keys: Vec<&str> = Vec::new();
    for (id, anchor) in order {
        let keys = by_incident.get(id.as_str()).cloned().unwrap_or_default();
        let clash = keys.iter().any(|key| {
            constraints.forbids(&mention.key, key)
                || kept_keys.iter().any(|other| constraints.forbids(key, other))
        });
        if !clash {
            kept_keys.extend(keys);
            kept.insert(id.clone(), anchor.clone());
        }
    }
    Ok(kept)
}

/// A mention as the store keeps it.
pub fn record(
    mention: &Mention,
    fused: &str,
    anchor: &str,
) -> Result<MentionRecord, PipelineError> {
    let document = mention
        .document
        .parse()
        .map_err(|error| PipelineError::Fusion(format!("mention {}: {error}", mention.key)))?;
    Ok(MentionRecord {
        key: mention.key.clone(),
        document,
        fused_id: fused.to_string(),
        anchor: anchor.to_string(),
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
    store.put_fusion_edit(&entry)?;
    apply_edit(store, edit)
}

/// Applies an analyst's merge or split to the stored incidents now (a `Set` changes no
/// membership: it is read when the incident is shown).
pub fn apply_edit(store: &mut dyn Store, edit: &Edit) -> Result<(), PipelineError> {
    let all = store.mentions()?;
    let find = |key: &str| -> Result<&MentionRecord, PipelineError> {
        all.iter()
            .find(|record| record.key == key)
            .ok_or_else(|| PipelineError::Fusion(format!("no mention {key}")))
    };
    let change = match edit {
        Edit::Merge { left, right } => {
            let (left, right) = (find(left)?, find(right)?);
            let anchor = left.anchor.as_str().min(right.anchor.as_str()).to_string();
            let id = fused_id(&anchor);
            let renames = [&left.fused_id, &right.fused_id]
                .into_iter()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .filter(|from| **from != id)
                .map(|from| (from.clone(), id.clone(), anchor.clone()))
                .collect();
            FusionChange { mentions: Vec::new(), renames, fused_documents: Vec::new() }
        }
        Edit::Split { out, .. } => {
            let Some(first) = out.first() else { return Ok(()) };
            let incident = find(first)?.fused_id.clone();
            let members: Vec<&MentionRecord> =
                all.iter().filter(|record| record.fused_id == incident).collect();
            let (moved, kept): (Vec<&MentionRecord>, Vec<&MentionRecord>) =
                members.into_iter().partition(|record| out.contains(&record.key));
            let mut mentions = Vec::new();
            for group in [moved, kept] {
                let Some(anchor) = group.iter().map(|record| record.key.as_str()).min() else {
                    continue;
                };
                let (anchor, id) = (anchor.to_string(), fused_id(anchor));
                mentions.extend(group.into_iter().map(|record| MentionRecord {
                    fused_id: id.clone(),
                    anchor: anchor.clone(),
                    ..record.clone()
                }));
            }
            FusionChange { mentions, renames: Vec::new(), fused_documents: Vec::new() }
        }
        Edit::Set { anchor, .. } => {
            find(anchor)?;
            return Ok(());
        }
    };
    store.apply_fusion(&change)?;
    Ok(())
}

/// Fuses everything again from scratch (same reports, same incidents), then replays the
/// analysts' merges and splits in the order they were made.
pub fn rebuild(store: &mut dyn Store) -> Result<FuseReport, PipelineError> {
    store.reset_fusion()?;
    let report = fuse_pending(store)?;
    for edit in recorded_edits(store)? {
        apply_edit(store, &edit)?;
    }
    Ok(report)
}
