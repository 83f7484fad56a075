//! Exports in the formats analysts' tools read, from fused incidents and what surrounds them.
//!
//! Everything here is pure: the caller loads an [`ExportSet`] from the store and writes the
//! strings these functions return. One module per format:
//! - [`tables`]: ACLED-style and GTD-style CSV, with their column sets documented;
//! - [`geo`]: a GeoJSON FeatureCollection (unlocated incidents keep a null geometry and are
//!   listed);
//! - [`stix`]: a STIX 2.1 bundle with deterministic ids;
//! - [`brief`]: a briefing in Markdown and HTML with an SVG map, every statement footnoted.

pub mod brief;
pub mod geo;
pub mod import;
pub mod stix;
pub mod tables;

use chrono::NaiveDate;
use serde::Serialize;
use vigil_fusion::FusedIncident;

/// What a document contributes to an export: its metadata, for citations and reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    /// Id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Where it was read from (URL or file).
    pub origin: String,
    /// Its source's reliability grade letter.
    pub reliability: String,
}

/// What an actor is, for exports that type actors (STIX threat actors, identities).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorInfo {
    /// Canonical name.
    pub name: String,
    /// Codebook kind (`armed_group`, `state`, ...), when known.
    pub kind: Option<vigil_domain::ActorKind>,
    /// Aliases.
    pub aliases: Vec<String>,
    /// ISO country code.
    pub country: Option<String>,
}

/// Everything an export is made from.
#[derive(Debug, Clone, Default)]
pub struct ExportSet {
    /// The fused incidents, in the order they should appear.
    pub incidents: Vec<FusedIncident>,
    /// The documents they cite.
    pub documents: Vec<DocumentInfo>,
    /// The actors they name.
    pub actors: Vec<ActorInfo>,
    /// Boards to include (STIX groupings, briefing standing).
    pub boards: Vec<(i64, vigil_board::Board)>,
}

impl ExportSet {
    /// A document by id.
    pub fn document(&self, id: &str) -> Option<&DocumentInfo> {
        self.documents.iter().find(|document| document.id == id)
    }

    /// An actor by name.
    pub fn actor(&self, name: &str) -> Option<&ActorInfo> {
        self.actors.iter().find(|actor| actor.name == name)
    }
}

/// A value's snake_case JSON spelling (`armed_assault`).
pub(crate) fn snake<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// `text` with its first letter in capitals.
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |first| first.to_uppercase().collect::<String>() + chars.as_str())
}

/// The perpetrators of an incident, most firmly linked first: claimed, reported, accused by
/// authorities, suspected, possible (denied links are not perpetrators).
pub(crate) fn perpetrators(incident: &FusedIncident) -> Vec<(String, vigil_domain::Confidence)> {
    use vigil_domain::Confidence as C;
    let rank = |confidence: C| match confidence {
        C::Claimed => 0,
        C::Reported => 1,
        C::AccusedByAuthorities => 2,
        C::Suspected => 3,
        C::Possible => 4,
        C::Denied => 5,
    };
    let mut best: Vec<(String, C)> = Vec::new();
    for link in incident.attribution.iter().filter(|link| link.confidence != C::Denied) {
        match best.iter_mut().find(|(actor, _)| *actor == link.actor) {
            Some(entry) if rank(link.confidence) < rank(entry.1) => entry.1 = link.confidence,
            Some(_) => {}
            None => best.push((link.actor.clone(), link.confidence)),
        }
    }
    best.sort_by_key(|(actor, confidence)| (rank(*confidence), actor.clone()));
    best
}
