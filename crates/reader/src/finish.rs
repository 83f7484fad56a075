//! Assembling the extraction: incidents merged and linked, claims attached, ids given.

use vigil_domain::{
    ActorKind, Attribution, Claim, ClaimKind, Confidence, Document, Evidence, Extraction, Incident,
    IncidentType, Stage,
};

use super::Resolver;
use super::analysis::{ActorHit, Analysis};
use super::claim_links;
use super::claims::{self, ClaimDraft};
use super::coref;
use super::incidents::{self, Draft, push_attribution};
use super::triggers::EventKind;

/// The whole reading of one document.
pub(crate) fn extraction(
    document: &Document,
    analysis: &Analysis<'_>,
    resolver: &Resolver<'_>,
) -> Extraction {
    let drafts = incidents::drafts(analysis, resolver);
    let mut incidents = coref::merge(analysis, drafts);
    coref::link(analysis, &mut incidents);
    let main = coref::main(&incidents);
    inherit_from_story(analysis, resolver, &mut incidents, main);
    incidents.retain(|draft| {
        draft.is_anchored()
            || !draft.attribution.is_empty()
            || (draft.kind == EventKind::Arrest
                && (draft.arrested.is_some() || !draft.victims.is_empty()))
    });
    let main = coref::main(&incidents);
    // Claims, sentence by sentence.
    let author = author(document, analysis);
    let incident_at = |sentence: usize| -> Option<usize> {
        let bounds = &analysis.sentences[sentence];
        let here: Vec<usize> = incidents
            .iter()
            .enumerate()
            .filter(|(_, draft)| draft.evidence.iter().any(|span| span.start == bounds.start))
            .map(|(index, _)| index)
            .collect();
        here.iter().copied().find(|&index| Some(index) == main).or_else(|| here.first().copied())
    };
    let mut claim_drafts: Vec<ClaimDraft> = Vec::new();
    for sentence in 0..analysis.sentences.len() {
        claim_drafts.extend(claims::find(analysis, sentence, &incident_at, author.as_ref()));
    }
    // Every public warning is also a warning claim by whoever issued it.
    for (index, draft) in incidents.iter().enumerate() {
        if draft.kind != EventKind::Warning
            || claim_drafts
                .iter()
                .any(|claim| claim.kind == ClaimKind::Warning && claim.subject == Some(index))
        {
            continue;
        }
        let Some(issuer) = draft.attribution.first() else { continue };
        let bounds = &analysis.sentences[draft.sentence];
        claim_drafts.push(ClaimDraft {
            kind: ClaimKind::Warning,
            claimant: Some(synthetic(&issuer.actor, ActorKind::State)),
            subject: Some(index),
            accused: Vec::new(),
            modality: vigil_domain::Modality::Asserted,
            channel: None,
            probability: None,
            date: draft.date,
            sentence: draft.sentence,
            evidence: Evidence { start: bounds.start, end: bounds.end },
        });
    }
    claim_drafts.sort_by_key(|claim| claim.evidence.start);
    // An assessment that goes on in the next sentence by the same voice is one judgement.
    let mut kept: Vec<ClaimDraft> = Vec::new();
    for claim in claim_drafts {
        let continues = kept.last().is_some_and(|last| {
            last.kind == ClaimKind::Assessment
                && claim.kind == ClaimKind::Assessment
                && claim.sentence == last.sentence + 1
                && last.claimant.as_ref().map(|hit| &hit.name)
                    == claim.claimant.as_ref().map(|hit| &hit.name)
        });
        if !continues {
            kept.push(claim);
        }
    }
    let mut claim_drafts = kept;
    // Warning claims name the warning incident of their sentence, not the story's main one.
    for claim in &mut claim_drafts {
        if claim.kind == ClaimKind::Warning
            && let Some(index) = incidents.iter().position(|draft| {
                draft.kind == EventKind::Warning
                    && draft.evidence.iter().any(|span| {
                        span.start <= claim.evidence.start && claim.evidence.start < span.end
                    })
            })
        {
            claim.subject = Some(index);
        }
    }
    claim_links::link_to_main(analysis, &incidents, main, &mut claim_drafts);
    claim_links::merge_repeated_responsibility(&mut claim_drafts);
    // Attributions from claims.
    for (claim_index, claim) in claim_drafts.iter().enumerate() {
        let Some(subject) = claim.subject else { continue };
        let Some(incident) = incidents.get_mut(subject) else { continue };
        let claim_id = format!("c{}", claim_index + 1);
        match claim.kind {
            ClaimKind::Responsibility => {
                if let Some(claimant) = &claim.claimant {
                    let name = most_specific(analysis, claim, claimant);
                    incident.attribution.push(Attribution {
                        actor: name,
                        confidence: Confidence::Claimed,
                        claim: Some(claim_id),
                    });
                }
            }
            ClaimKind::Accusation => {
                let authority = claim.claimant.as_ref().is_some_and(|hit| {
                    matches!(
                        hit.kind,
                        ActorKind::State | ActorKind::StateAgency | ActorKind::Person
                    )
                });
                let confidence = if authority {
                    Confidence::AccusedByAuthorities
                } else {
                    Confidence::Suspected
                };
                for accused in claim.accused.iter().filter(|name| !name.starts_with("the ")) {
                    if !incident
                        .attribution
                        .iter()
                        .any(|known| &known.actor == accused && known.confidence == confidence)
                    {
                        incident.attribution.push(Attribution {
                            actor: accused.clone(),
                            confidence,
                            claim: Some(claim_id.clone()),
                        });
                    }
                }
            }
            ClaimKind::Denial => {
                for accused in &claim.accused {
                    if !incident.attribution.iter().any(|known| {
                        &known.actor == accused && known.confidence == Confidence::Denied
                    }) {
                        incident.attribution.push(Attribution {
                            actor: accused.clone(),
                            confidence: Confidence::Denied,
                            claim: Some(claim_id.clone()),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    for incident in &mut incidents {
        drop_reported_when_claimed(resolver, &mut incident.attribution);
    }
    // Ids in text order.
    let mut order: Vec<usize> = (0..incidents.len()).collect();
    order.sort_by_key(|&index| {
        incidents[index].evidence.iter().map(|span| span.start).min().unwrap_or(0)
    });
    let mut id_of = vec![String::new(); incidents.len()];
    for (position, &index) in order.iter().enumerate() {
        id_of[index] = format!("i{}", position + 1);
    }
    let incidents_out: Vec<Incident> =
        order.iter().map(|&index| to_incident(&incidents[index], &id_of[index])).collect();
    let claims_out: Vec<Claim> = claim_drafts
        .iter()
        .enumerate()
        .map(|(position, claim)| Claim {
            id: format!("c{}", position + 1),
            kind: claim.kind,
            claimant: claim.claimant.as_ref().map(|hit| hit.name.clone()),
            subject: claim.subject.map(|index| id_of[index].clone()),
            accused: claim.accused.clone(),
            modality: claim.modality,
            channel: claim.channel.clone(),
            probability: claim.probability,
            date: claim.date,
            evidence: vec![claim.evidence],
        })
        .collect();
    let author_claims = author.as_ref().filter(|author| {
        claims_out.iter().any(|claim| claim.claimant.as_deref() == Some(author.name.as_str()))
    });
    Extraction {
        document: vigil_extract::document_ref(document),
        incidents: incidents_out,
        actors: super::actors::mentions(analysis, author_claims),
        claims: claims_out,
    }
}

/// What a story tells about incidents that do not say it themselves: examples inherit the
/// paragraph's group, arrests of "the perpetrators" the main incident's state, arrests "at the
/// scene" its time and place.
fn inherit_from_story(
    analysis: &Analysis<'_>,
    resolver: &Resolver<'_>,
    incidents: &mut [Draft],
    main: Option<usize>,
) {
    // Acts told in one sentence happened on the same day unless one is a plot ("France raised
    // its alert on Friday after a pupil stabbed a teacher").
    let dated: Vec<(usize, vigil_domain::DateSpan)> = incidents
        .iter()
        .filter(|draft| draft.stage == Stage::Accomplished)
        .filter_map(|draft| {
            draft
                .date
                .filter(|date| date.precision == vigil_domain::DatePrecision::Day)
                .map(|date| (draft.sentence, date))
        })
        .collect();
    for draft in incidents.iter_mut() {
        if draft.date.is_none() && draft.stage == Stage::Accomplished {
            draft.date = dated
                .iter()
                .find(|(sentence, _)| *sentence == draft.sentence)
                .map(|(_, date)| *date);
        }
    }
    // A wire dateline ("KRASNOGORSK, Russia, March 22 (Northwire) -") places the acts of its
    // first paragraph that name no place of their own.
    if let Some(place) = dateline_place(analysis) {
        let first_paragraph = analysis
            .paragraph_of
            .iter()
            .position(|_| true)
            .map_or(0, |_| dateline_paragraph(analysis));
        for draft in incidents.iter_mut() {
            if draft.location.is_none()
                && analysis.paragraph_of.get(draft.sentence) == Some(&first_paragraph)
            {
                draft.location = Some(place.clone());
            }
        }
    }
    let main_snapshot =
        main.map(|index| (incidents[index].date, incidents[index].location.clone()));
    for incident in incidents.iter_mut() {
        let lower = analysis.lower_sentence(incident.sentence);
        if incident.is_violent() && incident.attribution.is_empty() {
            let example =
                ["examples include", "for example", "for instance", "such as", "including"]
                    .iter()
                    .any(|cue| lower.contains(cue));
            if example && let Some(group) = paragraph_topic(analysis, incident.sentence) {
                push_attribution(&mut incident.attribution, &group, Confidence::Reported);
            }
        }
        if incident.kind == EventKind::Arrest {
            if lower.contains("at the scene")
                && let Some((date, location)) = &main_snapshot
            {
                incident.date = incident.date.or(*date);
                if incident.location.is_none() {
                    incident.location.clone_from(location);
                }
            }
            if incident.attribution.is_empty()
                && incident.location.is_none()
                && let Some(code) = main_snapshot
                    .as_ref()
                    .and_then(|(_, location)| location.as_ref())
                    .and_then(|location| location.country.clone())
                && let Some(state) = resolver.state(&code)
            {
                push_attribution(&mut incident.attribution, &state, Confidence::Reported);
            }
        }
    }
}

/// The place of a wire dateline: a place at the very start of a paragraph, in capitals, before
/// a comma or dash.
fn dateline_place(analysis: &Analysis<'_>) -> Option<vigil_domain::Location> {
    let paragraph = dateline_paragraph(analysis);
    let sentence = analysis.paragraph_of.iter().position(|&index| index == paragraph)?;
    let start = analysis.sentences.get(sentence)?.start;
    let place = analysis.places.iter().find(|place| place.start == start)?;
    let written = analysis.slice(place.start, place.end);
    let after = analysis.slice(place.end, (place.end + 3).min(analysis.text.len()));
    let capitals = written.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    (capitals
        && (after.starts_with(',')
            || after.trim_start().starts_with('-')
            || after.trim_start().starts_with('–')))
    .then(|| place.location.clone())
}

/// The paragraph a dateline would open: the first one of more than one sentence, or the second
/// paragraph when the first is a headline.
fn dateline_paragraph(analysis: &Analysis<'_>) -> usize {
    let mut first_multi = None;
    for (sentence, paragraph) in analysis.paragraph_of.iter().enumerate() {
        let words = analysis.words_of(sentence);
        if words.len() > 12 {
            first_multi = Some(*paragraph);
            break;
        }
    }
    first_multi.unwrap_or(0)
}

/// The armed group a paragraph is about: the first one that opens a sentence of it.
fn paragraph_topic(analysis: &Analysis<'_>, sentence: usize) -> Option<String> {
    let paragraph = *analysis.paragraph_of.get(sentence)?;
    let mut candidates =
        (0..=sentence).filter(|&index| analysis.paragraph_of.get(index) == Some(&paragraph));
    candidates.find_map(|index| {
        let words = analysis.words_of(index);
        let opening = words.get(..3.min(words.len()))?;
        let (start, end) = (opening.first()?.start, opening.last()?.end);
        analysis
            .actors_in(start..end)
            .find(|actor| actor.kind == ActorKind::ArmedGroup)
            .map(|actor| actor.name.clone())
    })
}

/// The claimant a responsibility claim names most precisely: a province named in the same
/// sentence ("through its Khorasan branch") rather than its parent.
fn most_specific(analysis: &Analysis<'_>, claim: &ClaimDraft, claimant: &ActorHit) -> String {
    let bounds = &analysis.sentences[claim.sentence];
    analysis
        .actors_in(bounds.start..bounds.end)
        .find(|actor| {
            // Its news agency ("through its Amaq news agency") is a channel, not a branch.
            actor.kind == ActorKind::ArmedGroup
                && actor.parent.as_deref() == Some(claimant.name.as_str())
        })
        .map_or_else(|| claimant.name.clone(), |child| child.name.clone())
}

/// A group that claimed an act is not also "reported" as its doer, nor are its parent and
/// provinces: the claim is the stronger, sourced link.
fn drop_reported_when_claimed(resolver: &Resolver<'_>, attribution: &mut Vec<Attribution>) {
    let claimed: Vec<String> = attribution
        .iter()
        .filter(|link| link.confidence == Confidence::Claimed)
        .map(|link| link.actor.clone())
        .collect();
    if claimed.is_empty() {
        return;
    }
    attribution.retain(|link| {
        link.confidence != Confidence::Reported
            || !claimed.iter().any(|name| related(resolver, name, &link.actor))
    });
}

fn related(resolver: &Resolver<'_>, left: &str, right: &str) -> bool {
    left == right
        || resolver.kb.ancestors(left).contains(&right)
        || resolver.kb.ancestors(right).contains(&left)
}

fn author(document: &Document, analysis: &Analysis<'_>) -> Option<ActorHit> {
    let source = document.source.as_deref()?;
    analysis
        .actors
        .iter()
        .find(|actor| {
            actor.name.eq_ignore_ascii_case(source) || actor.alias.eq_ignore_ascii_case(source)
        })
        .cloned()
        .or_else(|| Some(synthetic(source, ActorKind::Organization)))
}

fn synthetic(name: &str, kind: ActorKind) -> ActorHit {
    ActorHit {
        start: 0,
        end: 0,
        name: name.to_string(),
        kind,
        country: None,
        parent: None,
        affiliation: None,
        speaks_for_group: kind == ActorKind::ArmedGroup,
        alias: name.to_string(),
        metonym: false,
    }
}

fn to_incident(draft: &Draft, id: &str) -> Incident {
    let incident_type = match draft.kind {
        EventKind::Violent(IncidentType::Attack) => {
            if draft.weapons.contains(&vigil_domain::Weapon::Explosives)
                && draft.stage == Stage::Accomplished
            {
                IncidentType::Bombing
            } else if draft.weapons.contains(&vigil_domain::Weapon::Firearms)
                || draft.weapons.contains(&vigil_domain::Weapon::Melee)
            {
                if draft.stage == Stage::Planned {
                    IncidentType::Attack
                } else {
                    IncidentType::ArmedAssault
                }
            } else {
                IncidentType::Attack
            }
        }
        EventKind::Violent(other) => other,
        EventKind::SecurityOperation => IncidentType::SecurityOperation,
        EventKind::Arrest => IncidentType::Arrest,
        EventKind::Warning => IncidentType::Warning,
    };
    let mut evidence = draft.evidence.clone();
    evidence.sort();
    evidence.dedup();
    Incident {
        id: id.to_string(),
        incident_type,
        stage: draft.stage,
        date: draft.date,
        location: draft.location.clone(),
        site: draft.site.as_ref().map(|phrase| phrase.text.clone()),
        perpetrator_individuals: draft
            .perpetrators
            .iter()
            .map(|phrase| phrase.text.clone())
            .collect(),
        perpetrator_count: draft.perpetrator_count,
        perpetrator_nationalities: draft.nationalities.iter().cloned().collect(),
        attribution: draft.attribution.clone(),
        targets: draft.targets.iter().map(|phrase| phrase.text.clone()).collect(),
        target_types: draft.target_types.iter().copied().collect(),
        victims: draft.victims.iter().map(|phrase| phrase.text.clone()).collect(),
        weapons: draft.weapons.iter().copied().collect(),
        suicide: draft.suicide,
        killed: draft.killed,
        injured: draft.injured,
        arrested: draft.arrested,
        evidence,
    }
}
