//! A gold key turned into the extraction a perfect reader would output.
//!
//! Useful as the upper bound of every score (a key scored against its own conversion scores 1.0
//! everywhere, which the tests check for every shared key), as a stand-in output while a reader
//! is being written, and to show the codebook's format for a key. Ids are renumbered the way a
//! reader numbers them (`i1`, `c1`, ... in the key's order) and references follow, so that
//! scoring it exercises the alignment rather than matching ids by name. What only a key has is
//! dropped: `alternatives`, `also_accept`, notes. Values a key may leave out but the output format
//! requires get the codebook's ordinary defaults: a count without qualifier is `exact`, a place
//! without precision is `city`, an actor without kind is an `organization`.

use std::collections::BTreeMap;

use vigil_domain::{
    ActorKind, ActorMention, Attribution, Claim, Confidence, Count, CountQualifier, DocumentRef,
    Extraction, Incident, Location, LocationPrecision,
};

use crate::gold::{GoldCount, GoldDocument, GoldLocation};

/// The extraction a perfect reader would output for a key.
pub fn gold_to_extraction(gold: &GoldDocument) -> Extraction {
    let incident_ids: BTreeMap<&str, String> = gold
        .incidents
        .iter()
        .enumerate()
        .map(|(n, incident)| (incident.id.as_str(), format!("i{}", n + 1)))
        .collect();
    let claim_ids: BTreeMap<&str, String> = gold
        .claims
        .iter()
        .enumerate()
        .map(|(n, claim)| (claim.id.as_str(), format!("c{}", n + 1)))
        .collect();
    let incidents = gold
        .incidents
        .iter()
        .map(|g| Incident {
            id: incident_ids.get(g.id.as_str()).cloned().unwrap_or_else(|| g.id.clone()),
            incident_type: g.incident_type,
            stage: g.stage,
            date: g.date.map(|d| d.span()),
            location: g.location.as_ref().map(location),
            site: g.site.clone(),
            perpetrator_individuals: g.perpetrator_individuals.clone(),
            perpetrator_count: g.perpetrator_count,
            perpetrator_nationalities: g.perpetrator_nationalities.clone(),
            attribution: g
                .attribution
                .iter()
                .map(|a| {
                    // An attribution without confidence accepts any; "reported" stands in.
                    let confidence = a.confidence.unwrap_or(Confidence::Reported);
                    let claim = a.claim.as_deref().and_then(|c| claim_ids.get(c)).cloned();
                    Attribution { actor: a.actor.clone(), confidence, claim }
                })
                .collect(),
            targets: g.targets.clone(),
            target_types: g.target_types.clone(),
            victims: g.victims.clone(),
            weapons: g.weapons.clone(),
            suicide: g.suicide,
            killed: g.killed.map(count),
            injured: g.injured.map(count),
            arrested: g.arrested.map(count),
            evidence: Vec::new(),
        })
        .collect();
    let claims = gold
        .claims
        .iter()
        .map(|g| Claim {
            id: claim_ids.get(g.id.as_str()).cloned().unwrap_or_else(|| g.id.clone()),
            kind: g.kind,
            claimant: g.claimant.clone(),
            subject: g.subject.as_deref().and_then(|s| incident_ids.get(s)).cloned(),
            accused: g.accused.clone(),
            modality: g.modality,
            channel: g.channel.clone(),
            probability: g.probability,
            date: g.date.map(|d| d.span()),
            evidence: Vec::new(),
        })
        .collect();
    let actors = gold
        .actors
        .iter()
        .map(|g| ActorMention {
            name: g.name.clone(),
            kind: g.kind.unwrap_or(ActorKind::Organization),
            country: g.country.clone(),
            aliases_seen: g.aliases_seen.clone(),
            parent: g.parent.clone(),
            evidence: Vec::new(),
        })
        .collect();
    let header = &gold.document;
    let document = DocumentRef {
        id: header.id.clone().or_else(|| header.file.as_deref().map(file_stem)).unwrap_or_default(),
        title: header.title.clone(),
        published: header.published,
        source: header.source.clone(),
    };
    Extraction { document, incidents, claims, actors }
}

fn location(g: &GoldLocation) -> Location {
    Location {
        name: g.name.clone().unwrap_or_default(),
        admin1: g.admin1.clone(),
        country: g.country.clone(),
        lat: None,
        lon: None,
        precision: g.precision.unwrap_or(LocationPrecision::City),
    }
}

fn count(g: GoldCount) -> Count {
    Count {
        best: g.best,
        min: g.min,
        max: g.max,
        qualifier: g.qualifier.unwrap_or(CountQualifier::Exact),
    }
}

/// `corpus/dev/arras-2023-10-14.txt` -> `arras-2023-10-14`.
fn file_stem(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(file_stem("corpus/dev/arras-2023-10-14.txt"), "arras-2023-10-14");
        assert_eq!(file_stem("plain"), "plain");
    }
}
