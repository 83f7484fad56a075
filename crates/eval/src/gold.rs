//! The gold-key format: what a hand-made key looks like, and parsing it.
//!
//! A key is the codebook's output format (sections 1-5) plus what only a key needs: the document's
//! `file`, free `note`s, `alternatives` (other acceptable values per incident slot), `also_accept`
//! on attributions and actors, and `also_accept_claimant` on claims. Parsing is tolerant where a
//! hand-written key is: missing keys default to `null`/`[]` (a missing `stage` is `accomplished`
//! and a missing `modality` is `asserted`, the codebook's ordinary cases), and keys this crate does
//! not know are ignored. It is strict where a typo would silently change scores: enum values must
//! be the codebook's spellings, incident ids must be unique, claim subjects must name an incident
//! of the key, and a date may not end before it starts.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use vigil_domain::{
    ActorKind, ClaimKind, Confidence, CountQualifier, DatePrecision, DateSpan, IncidentType,
    LocationPrecision, Modality, Probability, Stage, TargetType, Weapon,
};

use crate::EvalError;

/// A gold key for one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldDocument {
    /// Which document the key is for.
    #[serde(default)]
    pub document: GoldHeader,
    /// Incidents the text reports.
    #[serde(default)]
    pub incidents: Vec<GoldIncident>,
    /// Claims the text reports.
    #[serde(default)]
    pub claims: Vec<GoldClaim>,
    /// Actors the text mentions.
    #[serde(default)]
    pub actors: Vec<GoldActor>,
    /// The key writer's notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// The document a key is for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldHeader {
    /// Document id, when the key gives one.
    #[serde(default)]
    pub id: Option<String>,
    /// Path of the text, relative to the shared directory (`corpus/dev/arras-2023-10-14.txt`).
    #[serde(default)]
    pub file: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// Publisher.
    #[serde(default)]
    pub source: Option<String>,
}

/// A date in a key: `end` defaults to `start`, `precision` to `day` for one day, else `range`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldDate {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    #[serde(default)]
    pub end: Option<NaiveDate>,
    /// How precise.
    #[serde(default)]
    pub precision: Option<DatePrecision>,
}

impl GoldDate {
    /// The codebook's form of this date.
    pub fn span(&self) -> DateSpan {
        let end = self.end.unwrap_or(self.start);
        let precision = self.precision.unwrap_or(if end == self.start {
            DatePrecision::Day
        } else {
            DatePrecision::Range
        });
        DateSpan { start: self.start, end, precision }
    }
}

/// A place in a key; every key may be missing (`"country": null` for "Europe").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldLocation {
    /// The place's name.
    #[serde(default)]
    pub name: Option<String>,
    /// First-level region.
    #[serde(default)]
    pub admin1: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default)]
    pub country: Option<String>,
    /// How precise.
    #[serde(default)]
    pub precision: Option<LocationPrecision>,
}

/// A count in a key (killed, injured, arrested); only `best` is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldCount {
    /// The best single figure.
    pub best: u32,
    /// Lower bound.
    #[serde(default)]
    pub min: Option<u32>,
    /// Upper bound.
    #[serde(default)]
    pub max: Option<u32>,
    /// How the text qualified it.
    #[serde(default)]
    pub qualifier: Option<CountQualifier>,
}

/// An attribution in a key; `also_accept` lists other actor names that earn the same credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldAttribution {
    /// Canonical actor name.
    pub actor: String,
    /// How firmly; when missing, any confidence is accepted.
    #[serde(default)]
    pub confidence: Option<Confidence>,
    /// Gold claim id the link rests on (not scored).
    #[serde(default)]
    pub claim: Option<String>,
    /// Other acceptable actor names.
    #[serde(default)]
    pub also_accept: Vec<String>,
}

/// Other acceptable values per incident slot, each in the slot's own format.
///
/// For a single-valued slot an output value equal to any alternative is correct. For a list slot
/// an alternative is an acceptable extra item: an output item matching one is neither credited
/// nor counted against precision (MUC-4's optional fills), since it is not known which gold item
/// it would stand for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Alternatives {
    /// Other acceptable incident types; also widen which output incidents may match.
    #[serde(rename = "type", default)]
    pub incident_type: Vec<IncidentType>,
    /// Other acceptable stages.
    #[serde(default)]
    pub stage: Vec<Stage>,
    /// Other acceptable dates; also widen which output incidents may match.
    #[serde(default)]
    pub date: Vec<GoldDate>,
    /// Other acceptable places; their countries also widen which output incidents may match.
    #[serde(default)]
    pub location: Vec<GoldLocation>,
    /// Other acceptable site fills.
    #[serde(default)]
    pub site: Vec<String>,
    /// Optional perpetrator fills.
    #[serde(default)]
    pub perpetrator_individuals: Vec<String>,
    /// Other acceptable perpetrator counts.
    #[serde(default)]
    pub perpetrator_count: Vec<u32>,
    /// Optional nationalities.
    #[serde(default)]
    pub perpetrator_nationalities: Vec<String>,
    /// Optional attributions.
    #[serde(default)]
    pub attribution: Vec<GoldAttribution>,
    /// Optional target fills.
    #[serde(default)]
    pub targets: Vec<String>,
    /// Optional target types.
    #[serde(default)]
    pub target_types: Vec<TargetType>,
    /// Optional victim fills.
    #[serde(default)]
    pub victims: Vec<String>,
    /// Optional weapons.
    #[serde(default)]
    pub weapons: Vec<Weapon>,
    /// Other acceptable death tolls.
    #[serde(default)]
    pub killed: Vec<GoldCount>,
    /// Other acceptable injury counts.
    #[serde(default)]
    pub injured: Vec<GoldCount>,
    /// Other acceptable arrest counts.
    #[serde(default)]
    pub arrested: Vec<GoldCount>,
}

fn accomplished() -> Stage {
    Stage::Accomplished
}

fn asserted() -> Modality {
    Modality::Asserted
}

/// An incident in a key (codebook section 2 plus `alternatives` and `note`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldIncident {
    /// The key's own id (`crocus`), unrelated to output ids.
    pub id: String,
    /// Incident type.
    #[serde(rename = "type")]
    pub incident_type: IncidentType,
    /// Other acceptable values per slot.
    #[serde(default)]
    pub alternatives: Alternatives,
    /// Stage; `accomplished` when missing.
    #[serde(default = "accomplished")]
    pub stage: Stage,
    /// When; `null` when the text gives no date.
    #[serde(default)]
    pub date: Option<GoldDate>,
    /// Where; `null` when the text gives no place.
    #[serde(default)]
    pub location: Option<GoldLocation>,
    /// The named place attacked, as written.
    #[serde(default)]
    pub site: Option<String>,
    /// Text fills naming the people who did it.
    #[serde(default)]
    pub perpetrator_individuals: Vec<String>,
    /// How many perpetrators.
    #[serde(default)]
    pub perpetrator_count: Option<u32>,
    /// ISO alpha-2 nationalities of the perpetrators.
    #[serde(default)]
    pub perpetrator_nationalities: Vec<String>,
    /// Organisations and states linked to the deed.
    #[serde(default)]
    pub attribution: Vec<GoldAttribution>,
    /// Physical targets as written.
    #[serde(default)]
    pub targets: Vec<String>,
    /// GTD-style target types.
    #[serde(default)]
    pub target_types: Vec<TargetType>,
    /// Human targets as written.
    #[serde(default)]
    pub victims: Vec<String>,
    /// Weapon types.
    #[serde(default)]
    pub weapons: Vec<Weapon>,
    /// Whether the text says it was a suicide attack.
    #[serde(default)]
    pub suicide: bool,
    /// People killed.
    #[serde(default)]
    pub killed: Option<GoldCount>,
    /// People injured.
    #[serde(default)]
    pub injured: Option<GoldCount>,
    /// People arrested.
    #[serde(default)]
    pub arrested: Option<GoldCount>,
    /// The key writer's note.
    #[serde(default)]
    pub note: Option<String>,
}

/// A claim in a key (codebook section 4 plus `also_accept_claimant` and `note`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldClaim {
    /// The key's own id.
    pub id: String,
    /// Kind.
    pub kind: ClaimKind,
    /// Canonical name of who says it; `null` for unnamed sources.
    #[serde(default)]
    pub claimant: Option<String>,
    /// Other acceptable claimant names.
    #[serde(default)]
    pub also_accept_claimant: Vec<String>,
    /// Gold incident id it concerns, or `null`.
    #[serde(default)]
    pub subject: Option<String>,
    /// Actors blamed.
    #[serde(default)]
    pub accused: Vec<String>,
    /// How it is voiced; `asserted` when missing.
    #[serde(default = "asserted")]
    pub modality: Modality,
    /// The medium, when named (not scored).
    #[serde(default)]
    pub channel: Option<String>,
    /// ICD 203 band.
    #[serde(default)]
    pub probability: Option<Probability>,
    /// When it was made (not scored).
    #[serde(default)]
    pub date: Option<GoldDate>,
    /// The key writer's note.
    #[serde(default)]
    pub note: Option<String>,
}

/// An actor in a key (codebook section 5 plus `also_accept`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldActor {
    /// Canonical name.
    pub name: String,
    /// Kind (not scored).
    #[serde(default)]
    pub kind: Option<ActorKind>,
    /// ISO alpha-2 country (not scored).
    #[serde(default)]
    pub country: Option<String>,
    /// Names it goes by in the text; output names equal to one resolve to this actor.
    #[serde(default)]
    pub aliases_seen: Vec<String>,
    /// Other acceptable names, resolved like aliases.
    #[serde(default)]
    pub also_accept: Vec<String>,
    /// Canonical name of its parent (not scored).
    #[serde(default)]
    pub parent: Option<String>,
}

/// Parses and checks a gold key (see the module docs for what is tolerated and what is not).
pub fn parse_gold(json: &str) -> Result<GoldDocument, EvalError> {
    let gold: GoldDocument = serde_json::from_str(json)?;
    validate(&gold)?;
    Ok(gold)
}

fn validate(gold: &GoldDocument) -> Result<(), EvalError> {
    let mut ids = BTreeSet::new();
    for incident in &gold.incidents {
        if !ids.insert(incident.id.as_str()) {
            return Err(EvalError::DuplicateIncident(incident.id.clone()));
        }
        let dates = incident.date.iter().chain(&incident.alternatives.date);
        if let Some(bad) = dates.into_iter().find(|d| d.end.is_some_and(|end| end < d.start)) {
            return Err(EvalError::BackwardDate { id: incident.id.clone(), start: bad.start });
        }
    }
    for claim in &gold.claims {
        if let Some(subject) = &claim.subject
            && !ids.contains(subject.as_str())
        {
            return Err(EvalError::UnknownSubject {
                claim: claim.id.clone(),
                subject: subject.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;

    #[test]
    fn tolerates_missing_and_extra_keys() {
        let gold = parse_gold(
            r#"{"document": {"file": "x.txt", "extra": 1},
                "incidents": [{"id": "a", "type": "attack", "mystery": true,
                               "alternatives": {"type": ["bombing"], "unknown_slot": [1]}}],
                "claims": [{"id": "c", "kind": "threat", "subject": "a"}]}"#,
        )
        .unwrap();
        let incident = &gold.incidents[0];
        assert_eq!(incident.stage, Stage::Accomplished);
        assert_eq!(incident.alternatives.incident_type, vec![IncidentType::Bombing]);
        assert!(incident.date.is_none() && incident.attribution.is_empty());
        assert_eq!(gold.claims[0].modality, Modality::Asserted);
        assert!(gold.actors.is_empty());
    }

    #[test]
    fn rejects_what_would_silently_change_scores() {
        let typo = r#"{"incidents": [{"id": "a", "type": "atack"}]}"#;
        assert!(matches!(parse_gold(typo), Err(EvalError::Json(_))));
        let twice =
            r#"{"incidents": [{"id": "a", "type": "attack"}, {"id": "a", "type": "arson"}]}"#;
        assert!(matches!(parse_gold(twice), Err(EvalError::DuplicateIncident(_))));
        let dangling = r#"{"claims": [{"id": "c", "kind": "threat", "subject": "nowhere"}]}"#;
        assert!(matches!(parse_gold(dangling), Err(EvalError::UnknownSubject { .. })));
        let backward = r#"{"incidents": [{"id": "a", "type": "attack",
            "date": {"start": "2024-03-02", "end": "2024-03-01"}}]}"#;
        assert!(matches!(parse_gold(backward), Err(EvalError::BackwardDate { .. })));
    }

    #[test]
    fn date_defaults() {
        let day = GoldDate { start: NaiveDate::MIN, end: None, precision: None };
        assert_eq!(day.span().precision, DatePrecision::Day);
        let range = GoldDate { end: NaiveDate::MIN.succ_opt(), ..day };
        assert_eq!(range.span().precision, DatePrecision::Range);
    }
}
