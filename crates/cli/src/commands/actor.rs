//! `vigil actor NAME`: one actor's profile: who it is, what it is linked to and by whom, what
//! it said and what was said of it, and who it appears with.

use std::collections::BTreeMap;
use std::process::ExitCode;

use anyhow::bail;
use serde::Serialize;

use super::listing::serde_value;
use crate::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The actor: any alias the knowledge base knows, or a name as stored.
    name: String,
}

#[derive(Debug, Serialize)]
struct Profile {
    name: String,
    kind: Option<String>,
    country: Option<String>,
    parent: Option<String>,
    children: Vec<String>,
    aliases: Vec<String>,
    /// Fused incidents attributed to it, by confidence (`claimed`, `accused_by_authorities`...).
    incidents: BTreeMap<String, Vec<IncidentRef>>,
    /// Claims it made.
    claims_made: Vec<ClaimRef>,
    /// Claims naming it as accused (accusations, denials, assessments).
    claims_about: Vec<ClaimRef>,
    /// Other actors in the same documents, most often first.
    co_occurring: Vec<(String, usize)>,
}

#[derive(Debug, Serialize)]
struct IncidentRef {
    id: String,
    #[serde(rename = "type")]
    incident_type: Option<String>,
    date: Option<chrono::NaiveDate>,
    sources: usize,
}

#[derive(Debug, Serialize)]
struct ClaimRef {
    kind: String,
    claimant: Option<String>,
    accused: Vec<String>,
    modality: String,
    incident: Option<String>,
    document: String,
    source: Option<String>,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let kb = vigil_extract::kb::Kb::builtin();
    let entry = kb.entry(&args.name);
    let name = entry.map_or_else(|| args.name.clone(), |entry| entry.name.clone());
    let store = super::open_store(global)?;
    let incidents = super::fused::load(&store)?;
    let extractions = super::listing::extractions(global)?;
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
    };
    for incident in &incidents {
        let mut confidences: Vec<String> = incident
            .attribution
            .iter()
            .filter(|link| link.actor == name)
            .map(|link| serde_value(&link.confidence))
            .collect();
        confidences.sort();
        confidences.dedup();
        for confidence in confidences {
            profile.incidents.entry(confidence).or_default().push(IncidentRef {
                id: incident.id.clone(),
                incident_type: incident.incident_type.value.map(|kind| serde_value(&kind)),
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
    let mut seen_in = 0;
    for (id, extraction) in &extractions {
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
            seen_in += 1;
            for actor in extraction.actors.iter().filter(|actor| actor.name != name) {
                *together.entry(actor.name.clone()).or_default() += 1;
            }
        }
    }
    let mut co_occurring: Vec<(String, usize)> = together.into_iter().collect();
    co_occurring.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    profile.co_occurring = co_occurring;
    if entry.is_none() && seen_in == 0 && profile.incidents.is_empty() {
        bail!("no actor named {:?} in the knowledge base or the store", args.name);
    }
    if global.json {
        crate::output::print_json(&profile)?;
    } else {
        print(&profile, seen_in);
    }
    Ok(ExitCode::SUCCESS)
}

fn print(profile: &Profile, seen_in: usize) {
    crate::outln!(
        "{} ({}{})",
        profile.name,
        profile.kind.as_deref().unwrap_or("not in the knowledge base"),
        profile.country.as_deref().map_or(String::new(), |code| format!(", {code}"))
    );
    if let Some(parent) = &profile.parent {
        crate::outln!("part of: {parent}");
    }
    if !profile.children.is_empty() {
        crate::outln!("branches: {}", profile.children.join(", "));
    }
    if !profile.aliases.is_empty() {
        crate::outln!("also: {}", profile.aliases.join(", "));
    }
    crate::outln!("named in {seen_in} documents");
    for (confidence, incidents) in &profile.incidents {
        crate::outln!("incidents, {confidence}: {}", incidents.len());
        for incident in incidents {
            crate::outln!(
                "  {} {} {} ({} reports)",
                incident.id,
                incident.incident_type.as_deref().unwrap_or("-"),
                incident.date.map_or("undated".to_string(), |date| date.to_string()),
                incident.sources
            );
        }
    }
    for (title, claims) in
        [("claims made", &profile.claims_made), ("claims about it", &profile.claims_about)]
    {
        if claims.is_empty() {
            continue;
        }
        crate::outln!("{title}: {}", claims.len());
        for claim in claims {
            crate::outln!(
                "  {} by {} ({}){} per {}",
                claim.kind,
                claim.claimant.as_deref().unwrap_or("unnamed"),
                claim.modality,
                claim.incident.as_deref().map_or(String::new(), |id| format!(" about {id}")),
                claim.source.as_deref().unwrap_or(&claim.document)
            );
        }
    }
    if !profile.co_occurring.is_empty() {
        let top: Vec<String> = profile
            .co_occurring
            .iter()
            .take(10)
            .map(|(name, count)| format!("{name} ({count})"))
            .collect();
        crate::outln!("appears with: {}", top.join(", "));
    }
}
