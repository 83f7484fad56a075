//! What a claim is about when its own sentence does not say, and one claim told twice.
//!
//! A report tells its main incident first and then what was said about it, often in sentences
//! that name no incident at all: "Islamic State said on Tuesday through its Amaq news agency
//! that ...", "Macron called it barbaric". A headline and the body then repeat the same claim of
//! responsibility. These passes run on the claims of a whole document, after its incidents are
//! merged.

use vigil_domain::ClaimKind;

use super::analysis::Analysis;
use super::claims::{ClaimDraft, future};
use super::incidents::Draft;

/// Gives a claim without a subject the document's main incident, where nothing else is likely:
/// claims of responsibility, confirmations, accusations and denials always are about an
/// incident; an assessment only when it points back at the main one (names one of its
/// perpetrators, or says "it" or "the attack") and does not look ahead ("will", "would").
pub(crate) fn link_to_main(
    analysis: &Analysis<'_>,
    incidents: &[Draft],
    main: Option<usize>,
    claims: &mut [ClaimDraft],
) {
    let Some(main) = main else { return };
    let Some(incident) = incidents.get(main) else { return };
    let names: Vec<&str> = incident
        .perpetrators
        .iter()
        .flat_map(|phrase| phrase.text.split_whitespace())
        .filter(|word| word.len() > 2 && word.chars().next().is_some_and(char::is_uppercase))
        .collect();
    for claim in claims.iter_mut().filter(|claim| claim.subject.is_none()) {
        let linked = match claim.kind {
            ClaimKind::Responsibility
            | ClaimKind::Confirmation
            | ClaimKind::Accusation
            | ClaimKind::Denial => true,
            ClaimKind::Assessment => {
                let lower = analysis.lower_sentence(claim.sentence);
                let sentence = analysis.slice(claim.evidence.start, claim.evidence.end);
                !future(lower)
                    && (names.iter().any(|name| sentence.contains(name))
                        || lower.contains(" it ")
                        || lower.contains("the attack"))
            }
            ClaimKind::Warning | ClaimKind::Threat => false,
        };
        if linked {
            claim.subject = Some(main);
        }
    }
}

/// Keeps one claim of responsibility per incident and side: a headline and the body, or a
/// group and its leader, reporting the same claim. The kept claim is the most specific one
/// (a named person over the group), else the first with a channel, else the first; it takes
/// the others' channel and date when it has none.
pub(crate) fn merge_repeated_responsibility(claims: &mut Vec<ClaimDraft>) {
    let mut index = 0;
    while index < claims.len() {
        let same: Vec<usize> = (0..claims.len())
            .filter(|&other| other != index && same_responsibility(&claims[index], &claims[other]))
            .collect();
        if same.is_empty() {
            index += 1;
            continue;
        }
        let mut group = same;
        group.push(index);
        group.sort_unstable();
        let keep = *group
            .iter()
            .max_by_key(|&&at| {
                let claim = &claims[at];
                let person = claim
                    .claimant
                    .as_ref()
                    .is_some_and(|hit| hit.kind == vigil_domain::ActorKind::Person);
                (person, claim.channel.is_some(), std::cmp::Reverse(at))
            })
            .unwrap_or(&index);
        for &at in &group {
            if at == keep {
                continue;
            }
            let (channel, date) = (claims[at].channel.clone(), claims[at].date);
            let kept = &mut claims[keep];
            kept.channel = kept.channel.take().or(channel);
            kept.date = kept.date.or(date);
        }
        let mut position = 0;
        claims.retain(|_| {
            let remove = position != keep && group.contains(&position);
            position += 1;
            !remove
        });
        index = 0;
    }
}

fn same_responsibility(one: &ClaimDraft, other: &ClaimDraft) -> bool {
    if one.kind != ClaimKind::Responsibility
        || other.kind != ClaimKind::Responsibility
        || one.subject.is_none()
        || one.subject != other.subject
    {
        return false;
    }
    let (Some(a), Some(b)) = (&one.claimant, &other.claimant) else { return false };
    let side = |hit: &super::analysis::ActorHit| {
        hit.affiliation.clone().filter(|_| hit.speaks_for_group).unwrap_or_else(|| hit.name.clone())
    };
    a.name == b.name || side(a) == side(b)
}
