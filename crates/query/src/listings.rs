//! Listings over stored extractions and fused incidents: claims, actors, timeline entries.

use std::collections::BTreeMap;

use serde::Serialize;
use vigil_domain::{Claim, DocumentId, Extraction};
use vigil_fusion::FusedIncident;

use crate::{Filters, serde_value};

/// Every stored extraction with its document id.
pub fn extractions(
    store: &dyn vigil_store::Store,
) -> crate::QueryResult<Vec<(DocumentId, Extraction)>> {
    Ok(store.extractions()?.into_iter().map(|(id, stored)| (id, stored.extraction)).collect())
}

/// One claim of a listing, with the document it was read from.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimRow<'a> {
    /// The document's id.
    pub document: String,
    /// The claim.
    #[serde(flatten)]
    pub claim: &'a Claim,
}

/// Claims passing the filters: kind, claimant or accused, the country of the incident it is
/// about, its date (or its incident's).
pub fn claims<'a>(
    extractions: &'a [(DocumentId, Extraction)],
    filters: &Filters,
) -> Vec<ClaimRow<'a>> {
    let actor = filters.actor_name();
    let mut rows = Vec::new();
    for (id, extraction) in extractions {
        for claim in &extraction.claims {
            let kind_ok =
                filters.kind.as_deref().is_none_or(|kind| serde_value(&claim.kind) == kind);
            let actor_ok = actor.as_deref().is_none_or(|name| {
                claim.claimant.as_deref() == Some(name)
                    || claim.accused.iter().any(|accused| accused == name)
            });
            let subject = claim.subject.as_deref().and_then(|subject| {
                extraction.incidents.iter().find(|incident| incident.id == subject)
            });
            let country_ok = filters.country.as_deref().is_none_or(|code| {
                subject
                    .and_then(|incident| incident.location.as_ref())
                    .and_then(|place| place.country.as_deref())
                    .is_some_and(|found| found.eq_ignore_ascii_case(code))
            });
            let date = claim.date.or_else(|| subject.and_then(|incident| incident.date));
            let dates_ok =
                filters.dates_pass(date.map(|date| date.start), date.map(|date| date.end));
            if kind_ok && actor_ok && country_ok && dates_ok {
                rows.push(ClaimRow { document: id.to_string(), claim });
            }
        }
    }
    rows
}

/// One actor of a listing: who, and where it is named.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRow {
    /// Canonical name.
    pub name: String,
    /// Kind (armed_group, state, ...).
    pub kind: String,
    /// Country, when known.
    pub country: Option<String>,
    /// Parent organisation, when known.
    pub parent: Option<String>,
    /// The aliases the texts used.
    pub aliases_seen: Vec<String>,
    /// Documents naming it.
    pub documents: Vec<String>,
    /// How many times it is named.
    pub mentions: usize,
}

/// Actors passing the filters, most documents first, then by name.
pub fn actors(extractions: &[(DocumentId, Extraction)], filters: &Filters) -> Vec<ActorRow> {
    let actor = filters.actor_name();
    let mut rows: BTreeMap<String, ActorRow> = BTreeMap::new();
    for (id, extraction) in extractions {
        let published = extraction.document.published;
        if !filters.dates_pass(published, published) {
            continue;
        }
        for mention in &extraction.actors {
            let kind = serde_value(&mention.kind);
            let kind_ok = filters.kind.as_deref().is_none_or(|wanted| wanted == kind);
            let actor_ok = actor
                .as_deref()
                .is_none_or(|name| mention.name == name || mention.parent.as_deref() == Some(name));
            let country_ok = filters.country.as_deref().is_none_or(|code| {
                mention.country.as_deref().is_some_and(|found| found.eq_ignore_ascii_case(code))
            });
            if !(kind_ok && actor_ok && country_ok) {
                continue;
            }
            let row = rows.entry(mention.name.clone()).or_insert_with(|| ActorRow {
                name: mention.name.clone(),
                kind,
                country: mention.country.clone(),
                parent: mention.parent.clone(),
                aliases_seen: Vec::new(),
                documents: Vec::new(),
                mentions: 0,
            });
            for alias in &mention.aliases_seen {
                if !row.aliases_seen.contains(alias) {
                    row.aliases_seen.push(alias.clone());
                }
            }
            row.documents.push(id.to_string());
            row.mentions += mention.evidence.len().max(1);
        }
    }
    let mut rows: Vec<ActorRow> = rows.into_values().collect();
    rows.sort_by(|left, right| {
        right.documents.len().cmp(&left.documents.len()).then(left.name.cmp(&right.name))
    });
    rows
}

/// One line of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry<'f> {
    /// Fused incident id.
    pub id: &'f str,
    /// Consensus date.
    pub date: Option<vigil_domain::DateSpan>,
    /// Consensus type.
    #[serde(rename = "type")]
    pub incident_type: Option<vigil_domain::IncidentType>,
    /// Consensus stage.
    pub stage: Option<vigil_domain::Stage>,
    /// Consensus place.
    pub place: Option<&'f vigil_domain::Location>,
    /// Distinct publishers.
    pub sources: usize,
    /// Reporting documents.
    pub documents: &'f [String],
    /// Consensus toll.
    pub killed: Option<u32>,
    /// Who it is attributed to, in one line.
    pub attribution: String,
}

/// Timeline entries of incidents (already filtered and ordered).
pub fn timeline(incidents: &[FusedIncident]) -> Vec<TimelineEntry<'_>> {
    incidents.iter().map(timeline_entry).collect()
}

/// One incident's line of the timeline.
pub fn timeline_entry(incident: &FusedIncident) -> TimelineEntry<'_> {
    TimelineEntry {
        id: &incident.id,
        date: incident.date.value,
        incident_type: incident.incident_type.value,
        stage: incident.stage.value,
        place: incident.location.value.as_ref(),
        sources: crate::fused::distinct_sources(incident),
        documents: &incident.documents,
        killed: incident.killed.value.map(|count| count.best),
        attribution: crate::fused::attribution_summary(incident),
    }
}
