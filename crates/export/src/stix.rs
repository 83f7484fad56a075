//! STIX 2.1: a bundle of what the store knows about some incidents, with deterministic ids.
//!
//! | Vigil | STIX |
//! | --- | --- |
//! | fused incident | `incident`, with the Incident Core Extension (determination, killed) |
//! | armed group | `threat-actor` (`terrorist`), with its aliases |
//! | state, agency, person, organisation, publisher, claimant | `identity` |
//! | place | `location`, and `located-at` from the incident |
//! | target type | `identity` of class `class` ("Private citizens"), and `targets` from the incident |
//! | attribution | `attributed-to`, one per incident and actor, with `confidence` mapped from the codebook: reported 85, claimed 70, accused by authorities 50, suspected 30, possible 15, denied only 0 |
//! | claim of responsibility, accusation, denial | `opinion` on that relationship (strongly-agree, agree, strongly-disagree), by the claimant's identity |
//! | other claims (confirmation, assessment, warning, threat) | `note` on the incident, by the claimant's identity |
//! | document | `report` (`published`, by its publisher's identity) referring to what it supports |
//! | board | `grouping` of one `note` per hypothesis with its scores |
//!
//! Ids hash a fixed namespace and the object's key (an incident's id, an actor's name, a
//! document's id) as UUIDv5 does, stamped as version 4 (which STIX asks of domain objects), and
//! timestamps come from the documents' dates, so the same store exports the same bundle.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{Value, json};
use uuid::Uuid;
use vigil_domain::{ActorKind, ClaimKind, Confidence, Stage};
use vigil_fusion::FusedIncident;

use crate::{ExportSet, snake, tables};

/// The namespace of Vigil's STIX ids.
const NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_2b8e_4d3a_5c7f_9e0b_1a2d_3c4e_5f60);

/// The OASIS Incident Core Extension (draft 2023-03-26).
const INCIDENT_CORE: &str = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";

/// A STIX id of `kind` for `key`: the UUIDv5 hash of the key, stamped as version 4, since STIX
/// wants random-looking (v4) ids on domain objects but the same store must give the same ids.
pub fn stix_id(kind: &str, key: &str) -> String {
    let hashed = Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes()).into_bytes();
    format!("{kind}--{}", uuid::Builder::from_random_bytes(hashed).into_uuid())
}

/// STIX confidence for a codebook attribution confidence.
pub fn confidence(confidence: Confidence) -> u8 {
    match confidence {
        Confidence::Reported => 85,
        Confidence::Claimed => 70,
        Confidence::AccusedByAuthorities => 50,
        Confidence::Suspected => 30,
        Confidence::Possible => 15,
        Confidence::Denied => 0,
    }
}

fn timestamp(date: NaiveDate) -> String {
    format!("{}T00:00:00.000Z", date.format("%Y-%m-%d"))
}

/// Builds a bundle.
struct Builder<'s> {
    set: &'s ExportSet,
    epoch: String,
    objects: BTreeMap<String, Value>,
}

impl<'s> Builder<'s> {
    fn add(&mut self, mut object: Value, created: &str) -> String {
        let id = object["id"].as_str().unwrap_or_default().to_string();
        object["spec_version"] = json!("2.1");
        object["created"] = json!(created);
        object["modified"] = json!(created);
        self.objects.entry(id.clone()).or_insert(object);
        id
    }

    /// The identity of a named actor or publisher.
    fn identity(&mut self, name: &str) -> String {
        let kind = self.set.actor(name).and_then(|actor| actor.kind);
        let class = match kind {
            Some(ActorKind::Person) => "individual",
            Some(ActorKind::ArmedGroup | ActorKind::Population) => "group",
            _ => "organization",
        };
        let mut object = json!({"type": "identity", "id": stix_id("identity", name), "name": name, "identity_class": class});
        if matches!(kind, Some(ActorKind::State | ActorKind::StateAgency)) {
            object["sectors"] = json!(["government-national"]);
        }
        let epoch = self.epoch.clone();
        self.add(object, &epoch)
    }

    /// The object an attribution points at: a threat actor for armed groups, else an identity.
    fn actor(&mut self, name: &str) -> String {
        let info = self.set.actor(name);
        if info.and_then(|actor| actor.kind) == Some(ActorKind::ArmedGroup) {
            let mut object = json!({
                "type": "threat-actor",
                "id": stix_id("threat-actor", name),
                "name": name,
                "threat_actor_types": ["terrorist"],
            });
            let aliases: Vec<&String> = info
                .map(|a| a.aliases.iter().filter(|alias| *alias != name).collect())
                .unwrap_or_default();
            if !aliases.is_empty() {
                object["aliases"] = json!(aliases);
            }
            let epoch = self.epoch.clone();
            return self.add(object, &epoch);
        }
        self.identity(name)
    }

    fn incident(&mut self, incident: &FusedIncident) -> Vec<String> {
        let created = incident
            .documents
            .iter()
            .filter_map(|id| self.set.document(id)?.published)
            .min()
            .map_or_else(|| self.epoch.clone(), timestamp);
        let name = format!(
            "{} {}{}",
            incident
                .incident_type
                .value
                .map(|k| snake(&k).replace('_', " "))
                .unwrap_or_else(|| "incident".to_string()),
            incident.location.value.as_ref().map_or(String::new(), |p| format!("in {} ", p.name)),
            incident.date.value.map_or(String::new(), |d| format!("on {}", d.start))
        );
        let determination = match incident.stage.value {
            Some(Stage::Accomplished) => "successful-attempt",
            Some(Stage::Attempted) => "failed-attempt",
            _ => "blocked",
        };
        let mut extension = json!({"extension_type": "property-extension", "determination": determination, "investigation_status": "open"});
        if let Some(killed) = incident.killed.value {
            extension["impacted_entity_counts"] = json!({"individual": killed.best});
        }
        let incident_id = stix_id("incident", &incident.id);
        self.add(
            json!({
                "type": "incident",
                "id": incident_id,
                "name": name.trim(),
                "description": tables::notes(incident),
                "external_references": [{"source_name": "vigil", "external_id": incident.id}],
                "extensions": {INCIDENT_CORE: extension},
            }),
            &created,
        );
        let mut supporting: Vec<String> = vec![incident_id.clone()];
        if let Some(place) = &incident.location.value {
            let key = format!(
                "{}|{}|{:?}|{:?}",
                place.name,
                place.country.as_deref().unwrap_or(""),
                place.lat,
                place.lon
            );
            let mut object =
                json!({"type": "location", "id": stix_id("location", &key), "name": place.name});
            if let (Some(lat), Some(lon)) = (place.lat, place.lon) {
                object["latitude"] = json!(lat);
                object["longitude"] = json!(lon);
            }
            if let Some(country) = &place.country {
                object["country"] = json!(country);
            }
            if let Some(admin1) = &place.admin1 {
                object["administrative_area"] = json!(admin1);
            }
            if object.get("country").is_some() || object.get("latitude").is_some() {
                let epoch = self.epoch.clone();
                let location = self.add(object, &epoch);
                supporting.push(self.relationship(
                    &incident_id,
                    "located-at",
                    &location,
                    None,
                    &created,
                ));
            }
        }
        // What was attacked: one identity per kind of target (a class of people or things).
        for target in &incident.target_types {
            let name = crate::capitalised(&snake(target).replace('_', " "));
            let epoch = self.epoch.clone();
            let identity = self.add(
                json!({"type": "identity", "id": stix_id("identity", &format!("target {name}")), "name": name, "identity_class": "class"}),
                &epoch,
            );
            supporting.push(self.relationship(&incident_id, "targets", &identity, None, &created));
        }
        // One attributed-to per actor, at the firmest confidence any source gives.
        let mut best: BTreeMap<String, Confidence> = BTreeMap::new();
        for link in &incident.attribution {
            let entry = best.entry(link.actor.clone()).or_insert(link.confidence);
            if confidence(link.confidence) > confidence(*entry) {
                *entry = link.confidence;
            }
        }
        let mut relationships: BTreeMap<String, String> = BTreeMap::new();
        for (actor, level) in &best {
            let target = self.actor(actor);
            let id = self.relationship(
                &incident_id,
                "attributed-to",
                &target,
                Some(confidence(*level)),
                &created,
            );
            relationships.insert(actor.clone(), id);
        }
        for fused in &incident.claims {
            let claim = &fused.claim;
            let Some(claimant) = claim.claimant.as_deref() else { continue };
            let author = self.identity(claimant);
            let when = fused.published.map_or_else(|| created.clone(), timestamp);
            let key = format!("{}/{}", fused.document, claim.id);
            let (opinion, refs) = match claim.kind {
                ClaimKind::Responsibility => (
                    "strongly-agree",
                    relationships.get(claimant).cloned().into_iter().collect::<Vec<_>>(),
                ),
                ClaimKind::Accusation => (
                    "agree",
                    claim.accused.iter().filter_map(|a| relationships.get(a).cloned()).collect(),
                ),
                ClaimKind::Denial => (
                    "strongly-disagree",
                    claim.accused.iter().filter_map(|a| relationships.get(a).cloned()).collect(),
                ),
                _ => ("", Vec::new()),
            };
            let explanation = format!(
                "{} by {claimant} ({}), per {}",
                snake(&claim.kind),
                snake(&claim.modality),
                fused.source.as_deref().unwrap_or(&fused.document)
            );
            let id = if refs.is_empty() {
                self.add(
                    json!({
                        "type": "note",
                        "id": stix_id("note", &key),
                        "content": explanation,
                        "authors": [claimant],
                        "object_refs": [incident_id],
                        "created_by_ref": author,
                    }),
                    &when,
                )
            } else {
                self.add(
                    json!({
                        "type": "opinion",
                        "id": stix_id("opinion", &key),
                        "opinion": opinion,
                        "explanation": explanation,
                        "authors": [claimant],
                        "object_refs": refs,
                        "created_by_ref": author,
                    }),
                    &when,
                )
            };
            supporting.push(id);
        }
        supporting.extend(relationships.into_values());
        supporting
    }

    fn relationship(
        &mut self,
        source: &str,
        kind: &str,
        target: &str,
        confidence: Option<u8>,
        created: &str,
    ) -> String {
        let mut object = json!({
            "type": "relationship",
            "id": stix_id("relationship", &format!("{source}|{kind}|{target}")),
            "relationship_type": kind,
            "source_ref": source,
            "target_ref": target,
        });
        if let Some(value) = confidence {
            object["confidence"] = json!(value);
        }
        self.add(object, created)
    }
}

/// The bundle for the set: its incidents, every object they refer to, a report per document and
/// a grouping per board.
pub fn bundle(set: &ExportSet) -> Value {
    let epoch = set
        .documents
        .iter()
        .filter_map(|d| d.published)
        .min()
        .map_or_else(|| "2000-01-01T00:00:00.000Z".to_string(), timestamp);
    let mut builder = Builder { set, epoch, objects: BTreeMap::new() };
    let mut by_document: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for incident in &set.incidents {
        let supporting = builder.incident(incident);
        for document in &incident.documents {
            by_document.entry(document.clone()).or_default().extend(supporting.iter().cloned());
        }
    }
    for (document, mut refs) in by_document {
        refs.sort();
        refs.dedup();
        let info = set.document(&document);
        let published =
            info.and_then(|d| d.published).map_or_else(|| builder.epoch.clone(), timestamp);
        let mut object = json!({
            "type": "report",
            "id": stix_id("report", &document),
            "name": info.and_then(|d| d.title.clone()).unwrap_or_else(|| format!("document {document}")),
            "report_types": ["threat-report"],
            "published": published,
            "object_refs": refs,
            "external_references": [{"source_name": "vigil", "external_id": document}],
        });
        if let Some(source) = info.and_then(|d| d.source.clone()) {
            object["created_by_ref"] = json!(builder.identity(&source));
        }
        builder.add(object, &published);
    }
    for (id, board) in &set.boards {
        let incident = board
            .subject
            .incident
            .as_deref()
            .filter(|i| set.incidents.iter().any(|x| &x.id == i))
            .map(|i| stix_id("incident", i));
        let Some(incident) = incident else { continue };
        let scores = vigil_board::score(board);
        let mut notes = Vec::new();
        for (hypothesis, score) in board.hypotheses.iter().zip(&scores.hypotheses) {
            let epoch = builder.epoch.clone();
            notes.push(builder.add(json!({
                "type": "note",
                "id": stix_id("note", &format!("board {id} {}", hypothesis.id)),
                "abstract": format!("Hypothesis {}", hypothesis.id),
                "content": format!("{} (inconsistency {}, weighted inconsistency {:.3}, posterior {:.3})", hypothesis.text, score.inconsistency, score.weighted_inconsistency, score.posterior),
                "object_refs": [incident],
            }), &epoch));
        }
        notes.push(incident);
        let epoch = builder.epoch.clone();
        builder.add(
            json!({
                "type": "grouping",
                "id": stix_id("grouping", &format!("board {id}")),
                "name": board.name,
                "context": "unspecified",
                "object_refs": notes,
            }),
            &epoch,
        );
    }
    let objects: Vec<Value> = builder.objects.into_values().collect();
    let key: Vec<&str> = objects.iter().filter_map(|o| o["id"].as_str()).collect();
    json!({"type": "bundle", "id": stix_id("bundle", &key.join(",")), "objects": objects})
}
