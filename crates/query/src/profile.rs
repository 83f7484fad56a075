//! One actor's profile: who it is, what it is linked to and by whom, what it said and what was
//! said of it, and who it appears with.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use vigil_domain::{Confidence, DocumentId, Extraction, IncidentType};
use vigil_fusion::FusedIncident;

use crate::serde_value;

/// An actor's profile.
#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    /// Canonical name.
    pub name: String,
    /// Kind, when the knowledge base knows it.
    pub kind: Option<String>,
    /// Country, when known.
    pub country: Option<String>,
    /// Parent organisation.
    pub parent: Option<String>,
    /// Its branches.
    pub children: Vec<String>,
    /// Names it goes by.
    pub aliases: Vec<String>,
    /// Fused incidents attributed to it, by confidence (`claimed`, `accused_by_authorities`...).
    pub incidents: BTreeMap<String, Vec<IncidentRef>>,
    /// Claims it made.
    pub claims_made: Vec<ClaimRef>,
    /// Claims naming it as accused (accusations, denials, assessments).
    pub claims_about: Vec<ClaimRef>,
    /// Other actors in the same documents, most often first.
    pub co_occurring: Vec<(String, usize)>,
    /// How many documents name it.
    #[serde(skip)]
    pub documents_named: usize,
}

/// A fused incident in a profile.
#[derive(Debug, Clone, Serialize)]
pub struct IncidentRef {
    /// Its id.
    pub id: String,
    /// Consensus type.
    #[serde(rename = "type")]
    pub incident_type: Option<String>,
    /// First day of its consensus date.
    pub date: Option<chrono::NaiveDate>,
    /// Reporting documents.
    pub sources: usize,
}

/// A claim in a profile.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimRef {
    /// Kind (responsibility, denial...).
    pub kind: String,
    /// Who makes it.
    pub claimant: Option<String>,
    /// Whom it accuses.
    pub accused: Vec<String>,
    /// How firmly.
    pub modality: String,
    /// The fused incident it is about.
    pub incident: Option<String>,
    /// The document it was read from.
    pub document: String,
    /// That document's publisher.
    pub source: Option<String>,
}

/// The profile of the actor `name` (any alias the knowledge base knows, or a name as stored),
/// or `None` when neither the knowledge base nor the store knows it.
///
/// `incidents` may be all fused incidents or only those that [`names_in`] finds the actor's
/// [`canonical`] name in (a large store's caller keeps that index): no other incident adds to
/// the profile.
pub fn profile<'i>(
    name: &str,
    incidents: impl IntoIterator<Item = &'i FusedIncident>,
    extractions: &[(DocumentId, Extraction)],
) -> Option<Profile> {
    let kb = vigil_extract::kb::Kb::builtin();
    let entry = kb.entry(name);
    let name = canonical(name);
    let mut profile = Profile {
        name: name.clone(),
        kind: entry.map(|entry| serde_value(&entry.kind)),
        country: entry.and_then(|entry| entry.country.clone()),
        parent: entry.and_then(|entry| entry.parent.clone()),
        children: kb
            .entries()
            .iter()
            .filter(|other| other.parent.as_deref() == Some(name.as_str()))
            .map(|other| other.name.clone())
            .collect(),
        aliases: entry.map_or_else(Vec::new, |entry| {
            entry.aliases.iter().map(|alias| alias.text.clone()).collect()
        }),
        incidents: BTreeMap::new(),
        claims_made: Vec::new(),
        claims_about: Vec::new(),
        co_occurring: Vec::new(),
        documents_named: 0,
    };
    // Spellings of the few enum values, made once: an actor of a large store is linked to
    // tens of thousands of incidents.
    let mut confidence_names: HashMap<Confidence, String> = HashMap::new();
    let mut type_names: HashMap<IncidentType, String> = HashMap::new();
    for incident in incidents {
        let mut confidences: Vec<String> = incident
            .attribution
            .iter()
            .filter(|link| link.actor == name)
            .map(|link| {
                confidence_names
                    .entry(link.confidence)
                    .or_insert_with(|| serde_value(&link.confidence))
                    .clone()
            })
            .collect();
        confidences.sort();
        confidences.dedup();
        let incident_type = incident
            .incident_type
            .value
            .map(|kind| type_names.entry(kind).or_insert_with(|| serde_value(&kind)).clone());
        for confidence in confidences {
            profile.incidents.entry(confidence).or_default().push(IncidentRef {
                id: incident.id.clone(),
                incident_type: incident_type.clone(),
                date: incident.date.value.map(|date| date.start),
                sources: incident.documents.len(),
            });
        }
        for fused in &incident.claims {
            let claim = &fused.claim;
            let reference = || ClaimRef {
                kind: serde_value(&claim.kind),
                claimant: claim.claimant.clone(),
                accused: claim.accused.clone(),
                modality: serde_value(&claim.modality),
                incident: Some(incident.id.clone()),
                document: fused.document.clone(),
                source: fused.source.clone(),
            };
            if claim.claimant.as_deref() == Some(name.as_str()) {
                profile.claims_made.push(reference());
            }
            if claim.accused.iter().any(|accused| accused == &name) {
                profile.claims_about.push(reference());
            }
        }
    }
    // Claims about no incident (assessments, general warnings) are still the actor's words.
    let mut together: BTreeMap<String, usize> = BTreeMap::new();
    for (id, extraction) in extractions {
        for claim in extraction.claims.iter().filter(|claim| claim.subject.is_none()) {
            let reference = || ClaimRef {
                kind: serde_value(&claim.kind),
                claimant: claim.claimant.clone(),
                accused: claim.accused.clone(),
                modality: serde_value(&claim.modality),
                incident: None,
                document: id.to_string(),
                source: extraction.document.source.clone(),
            };
            if claim.claimant.as_deref() == Some(name.as_str()) {
                profile.claims_made.push(reference());
            }
            if claim.accused.iter().any(|accused| accused == &name) {
                profile.claims_about.push(reference());
            }
        }
        if extraction.actors.iter().any(|actor| actor.name == name) {
            profile.documents_named += 1;
            for actor in extraction.actors.iter().filter(|actor| actor.name != name) {
                *together.entry(actor.name.clone()).or_default() += 1;
            }
        }
    }
    let mut co_occurring: Vec<(String, usize)> = together.into_iter().collect();
    co_occurring.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    profile.co_occurring = co_occurring;
    if entry.is_none() && profile.documents_named == 0 && profile.incidents.is_empty() {
        return None;
    }
    Some(profile)
}

/// The name a profile is kept under: the knowledge base's canonical name for an alias, else
/// the name as given.
pub fn canonical(name: &str) -> String {
    let kb = vigil_extract::kb::Kb::builtin();
    kb.entry(name).map_or_else(|| name.to_string(), |entry| entry.name.clone())
}

/// Every actor name an incident's profile entries read: attributed actors, claimants and the
/// accused (an incident outside these names' profiles adds nothing to them).
pub fn names_in(incident: &FusedIncident) -> impl Iterator<Item = &str> {
    let attributed = incident.attribution.iter().map(|link| link.actor.as_str());
    let claims = incident.claims.iter().flat_map(|fused| {
        fused
            .claim
            .claimant
            .as_deref()
            .into_iter()
            .chain(fused.claim.accused.iter().map(String::as_str))
    });
    attributed.chain(claims)
}
