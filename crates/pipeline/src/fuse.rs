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
use vigil_domain::{ActorKind, Confidence, Reliability};
use vigil_fusion::{
    Aftermath, Edit, Mention, Pins, carve, fused_id, link, mention_key, salient_names,
};
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
    let report_country = report_country(&document.extraction.incidents);
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
            aftermath: aftermath_of(incident, &document.extraction.incidents, report_country).map(
                |attack| Aftermath {
                    date: attack.date,
                    location: attack.location.clone(),
                    site: attack.site.clone(),
                },
            ),
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

/// Bytes between an arrest's words and an attack's for the arrest to be told as its sequel:
/// the same or the next paragraph, not a roundup's item three paragraphs on.
const AFTERMATH_BYTES: usize = 400;

/// The attack (an act of violence, plots aside) a report tells an arrest or raid beside: the
/// one whose words lie nearest, within [`AFTERMATH_BYTES`].
fn aftermath_of<'i>(
    incident: &vigil_domain::Incident,
    incidents: &'i [vigil_domain::Incident],
    report_country: Option<&str>,
) -> Option<&'i vigil_domain::Incident> {
    if incident.incident_type.is_violent() {
        return None;
    }
    let country = |incident: &vigil_domain::Incident| {
        incident.location.as_ref().and_then(|place| place.country.clone())
    };
    // Arrests abroad after an attack are another operation, whatever the report ties them to;
    // an arrest placed in a country is the sequel only of an attack known to be there (an
    // attack the report places nowhere is taken to be in the report's own country).
    let abroad = |attack: &vigil_domain::Incident| match (
        country(incident),
        country(attack).or_else(|| report_country.map(str::to_string)),
    ) {
        (Some(here), Some(there)) => here != there,
        (Some(_), None) => true,
        _ => false,
    };
    let gap = |attack: &vigil_domain::Incident| -> usize {
        let mut best = usize::MAX;
        for a in &incident.evidence {
            for b in &attack.evidence {
                // Zero when the spans overlap.
                let apart = b.start.saturating_sub(a.end).max(a.start.saturating_sub(b.end));
                best = best.min(apart);
            }
        }
        best
    };
    incidents
        .iter()
        .filter(|attack| {
            attack.incident_type.is_violent()
                && attack.stage != vigil_domain::Stage::Planned
                && !abroad(attack)
        })
        .map(|attack| (gap(attack), attack))
        .filter(|(gap, _)| *gap <= AFTERMATH_BYTES)
        .min_by_key(|(gap, attack)| (*gap, attack.id.clone()))
        .map(|(_, attack)| attack)
}

/// The country most of a report's placed incidents are in (none on a tie): where a report
/// datelined nowhere is about.
fn report_country(incidents: &[vigil_domain::Incident]) -> Option<&str> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for incident in incidents {
        if let Some(country) = incident.location.as_ref().and_then(|place| place.country.as_deref())
        {
            *counts.entry(country).or_default() += 1;
        }
    }
    let top = counts.values().copied().max()?;
    let mut leaders = counts.into_iter().filter(|(_, count)| *count == top);
    match (leaders.next(), leaders.next()) {
        (Some((country, _)), None) => Some(country),
        _ => None,
    }
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
    let stored: Vec<MentionRecord> = store
        .mentions_in_chains(&chains)?
        .into_iter()
        .filter(|record| record.key != mention.key)
        .collect();
    let mut records = stored.clone();
    records.push(record(mention, "", "")?);
    let (changed, fused) = recut(records, constraints)?;
    report.mentions += 1;
    // The incidents the newcomer's incident took mentions from (by their ids before the cut).
    let now_in = |record: &MentionRecord| -> String {
        changed
            .iter()
            .find(|new| new.key == record.key)
            .map_or_else(|| record.fused_id.clone(), |new| new.fused_id.clone())
    };
    let joined: BTreeSet<&str> = stored
        .iter()
        .filter(|record| now_in(record) == fused)
        .map(|record| record.fused_id.as_str())
        .collect();
    if !joined.is_empty() {
        report.joined += 1;
    }
    report.incidents_joined += joined.len().saturating_sub(1) as u64;
    Ok(FusionChange { mentions: changed, renames: Vec::new(), fused_documents: Vec::new() })
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
    store.put_fusion_edit(&entry)?;
    apply_edit(store, edit)
}

/// Applies an analyst's merge or split to the stored incidents now: the chains it touches are
/// cut again under every recorded edit and this one (a `Set` changes no membership: it is read
/// when the incident is shown).
pub fn apply_edit(store: &mut dyn Store, edit: &Edit) -> Result<(), PipelineError> {
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
    store.apply_fusion(&FusionChange {
        mentions,
        renames: Vec::new(),
        fused_documents: Vec::new(),
    })?;
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
