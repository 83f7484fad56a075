//! What fusion knows of a document's incidents: one `Mention` each, with the report's date,
//! source grade, claims, the names of its sentences, its actors and, for an arrest or a raid,
//! the attack it is told beside.

use std::collections::BTreeMap;

use vigil_domain::{ActorKind, Confidence, Reliability};
use vigil_fusion::{Aftermath, Mention, mention_key, salient_names};
use vigil_store::UnfusedDocument;

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
