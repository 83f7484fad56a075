//! Merging drafts that name the same incident, and the links between incidents of one story.
//!
//! Rules, in order: a definite mention with nothing of its own ("the attack", "the Moscow
//! operation") joins the incident whose site or place its modifiers name, else the story's main
//! incident; any two drafts of one family and stage join when something positive ties them (same
//! day, same place, same site) and nothing conflicts; a foiled plot and the operation that foiled
//! it share what each lacks; an anaphoric clause ("members of that cell") inherits the place and
//! group of the incident before it.

use vigil_domain::{Confidence, DatePrecision, LocationPrecision, Stage};

use super::analysis::Analysis;
use super::incidents::{Draft, push_attribution};
use super::triggers::EventKind;

/// Merges mention drafts into incidents.
pub(crate) fn merge(analysis: &Analysis<'_>, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut incidents: Vec<Draft> = Vec::new();
    for draft in drafts {
        match antecedent(analysis, &incidents, &draft) {
            Some(index) => absorb(&mut incidents[index], draft),
            None => incidents.push(draft),
        }
    }
    incidents
}

fn antecedent(analysis: &Analysis<'_>, incidents: &[Draft], draft: &Draft) -> Option<usize> {
    let compatible = |other: &Draft| {
        family(other.kind) == family(draft.kind)
            && other.stage == draft.stage
            && !conflicts(other, draft)
    };
    if draft.is_violent() && draft.definite && !anchored_on_own(draft) {
        // Modifiers that name the incident: "the Crocus City attack", "the Moscow operation".
        let words = modifiers(analysis, draft);
        if !words.is_empty()
            && let Some(index) =
                incidents.iter().position(|other| compatible(other) && names_match(other, &words))
        {
            return Some(index);
        }
        return main(incidents).filter(|&index| compatible(&incidents[index]));
    }
    if draft.is_violent() && draft.definite {
        // A definite mention that continues the story of the sentence before.
        if let Some(index) = incidents
            .iter()
            .rposition(|other| other.is_violent() && other.stage == Stage::Accomplished)
        {
            let other = &incidents[index];
            if compatible(other)
                && draft.sentence <= other.last_sentence + 1
                && other.date.is_none() | draft.date.is_none()
            {
                return Some(index);
            }
        }
    }
    if let Some(index) =
        incidents.iter().rposition(|other| compatible(other) && positive(other, draft))
    {
        return Some(index);
    }
    // A violent act told with no time or place of its own, in a story about one, is that one
    // ("men with rifles walking through the lobby and shooting people") unless the text says
    // it is another.
    let sentence = &analysis.sentences[draft.sentence];
    let lead = analysis.slice(sentence.start, draft.name_span.1).to_lowercase();
    let other_act = ["separate", "another", "earlier", "previous", "similar", "second", "first"]
        .iter()
        .any(|cue| lead.contains(cue));
    if draft.is_violent()
        && draft.stage == Stage::Accomplished
        && draft.date.is_none()
        && draft.location.is_none()
        && !other_act
        && let Some(index) = main(incidents).filter(|&index| compatible(&incidents[index]))
    {
        return Some(index);
    }
    // A bare mention (a headline's "Arrests in Europe") is told in full just after it; a
    // headline's may already name who claimed it ("as Islamic State claims arena attack").
    incidents.iter().rposition(|other| {
        compatible(other)
            && !other.is_anchored()
            && (other.attribution.is_empty() || other.sentence == 0)
            && draft.sentence <= other.last_sentence + 2
    })
}

/// The story's main incident: the accomplished violent one mentioned most, the first on ties.
pub(crate) fn main(incidents: &[Draft]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (index, incident) in incidents.iter().enumerate() {
        if !incident.is_violent() || incident.stage != Stage::Accomplished {
            continue;
        }
        if best.is_none_or(|(_, mentions)| incident.mentions > mentions) {
            best = Some((index, incident.mentions));
        }
    }
    best.map(|(index, _)| index)
}

fn family(kind: EventKind) -> u8 {
    match kind {
        EventKind::Violent(_) => 0,
        EventKind::SecurityOperation => 1,
        EventKind::Arrest => 2,
        EventKind::Warning => 3,
    }
}

fn anchored_on_own(draft: &Draft) -> bool {
    draft.date.is_some()
        || draft.location.is_some()
        || draft.site.is_some()
        || draft.killed.is_some()
}

fn conflicts(left: &Draft, right: &Draft) -> bool {
    if let (Some(one), Some(two)) = (&left.date, &right.date)
        && !one.overlaps(two)
    {
        return true;
    }
    if let (Some(one), Some(two)) = (&left.location, &right.location) {
        if one.country != two.country {
            return true;
        }
        let both_cities =
            one.precision == LocationPrecision::City && two.precision == LocationPrecision::City;
        if both_cities && one.name != two.name {
            return true;
        }
    }
    if let (Some(one), Some(two)) = (&left.site, &right.site)
        && !share_a_name(&one.text, &two.text)
    {
        return true;
    }
    false
}

/// Whether two site phrases share a content word ("concert hall", "Crocus City Hall venue").
fn share_a_name(left: &str, right: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| word.len() > 3)
            .map(str::to_lowercase)
            .filter(|word| !matches!(word.as_str(), "the" | "near" | "outside" | "with"))
            .collect()
    };
    let right_words = words(right);
    words(left).iter().any(|word| right_words.contains(word))
}

fn positive(left: &Draft, right: &Draft) -> bool {
    let same_day = matches!((&left.date, &right.date), (Some(one), Some(two)) if one == two && one.precision == DatePrecision::Day);
    let same_place = matches!((&left.location, &right.location), (Some(one), Some(two)) if one.name == two.name && one.precision != LocationPrecision::Country);
    let same_site = matches!((&left.site, &right.site), (Some(one), Some(two)) if share_a_name(&one.text, &two.text));
    let same_agent = !left.is_violent()
        && left
            .attribution
            .iter()
            .any(|one| right.attribution.iter().any(|two| one.actor == two.actor));
    same_day || same_place || same_site || same_agent
}

/// Capitalised words just before the trigger clause's head: the incident's name, if any.
fn modifiers(analysis: &Analysis<'_>, draft: &Draft) -> Vec<String> {
    let (start, end) = draft.name_span;
    analysis
        .slice(start, end)
        .split(|character: char| !character.is_alphanumeric() && character != '-')
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase) && word.len() > 2)
        .filter(|word| !matches!(*word, "The" | "This" | "That" | "While" | "Putin" | "President"))
        .map(str::to_lowercase)
        .collect()
}

fn names_match(incident: &Draft, words: &[String]) -> bool {
    let mut names = String::new();
    if let Some(site) = &incident.site {
        names.push_str(&site.text.to_lowercase());
    }
    if let Some(place) = &incident.location {
        names.push(' ');
        names.push_str(&place.name.to_lowercase());
    }
    words.iter().any(|word| {
        names.split(|c: char| !c.is_alphanumeric() && c != '-').any(|name| name == word)
    })
}

fn absorb(target: &mut Draft, draft: Draft) {
    if target.kind == EventKind::Violent(vigil_domain::IncidentType::Attack) {
        target.kind = draft.kind;
    }
    target.date = target.date.or(draft.date);
    if target.location.is_none() {
        target.location = draft.location;
    }
    if target.site.is_none() {
        target.site = draft.site;
    }
    for target_phrase in draft.targets {
        if !target.targets.iter().any(|known| known.text == target_phrase.text) {
            target.targets.push(target_phrase);
        }
    }
    target.target_types.extend(draft.target_types);
    for victim in draft.victims {
        if !target.victims.iter().any(|known| known.text == victim.text) {
            target.victims.push(victim);
        }
    }
    if target.perpetrators.is_empty() {
        target.perpetrators = draft.perpetrators;
        target.perpetrator_count = draft.perpetrator_count;
    }
    target.nationalities.extend(draft.nationalities);
    for attribution in draft.attribution {
        push_attribution(&mut target.attribution, &attribution.actor, attribution.confidence);
    }
    target.weapons.extend(draft.weapons);
    target.suicide |= draft.suicide;
    target.killed = target.killed.or(draft.killed);
    target.injured = target.injured.or(draft.injured);
    target.arrested = target.arrested.or(draft.arrested);
    target.evidence.extend(draft.evidence);
    target.mentions += draft.mentions;
    target.last_sentence = target.last_sentence.max(draft.last_sentence);
}

/// Links between incidents of one story: foiled plots and their operations, anaphoric clauses.
pub(crate) fn link(analysis: &Analysis<'_>, incidents: &mut [Draft]) {
    for index in 0..incidents.len() {
        let (before, rest) = incidents.split_at_mut(index);
        let Some((current, _)) = rest.split_first_mut() else { continue };
        let Some(previous) = before.last_mut() else { continue };
        let adjacent = current.sentence <= previous.sentence + 1;
        if !adjacent {
            continue;
        }
        let plot_and_operation = (current.stage == Stage::Planned
            && matches!(previous.kind, EventKind::SecurityOperation | EventKind::Arrest))
            || (previous.stage == Stage::Planned
                && matches!(current.kind, EventKind::SecurityOperation | EventKind::Arrest));
        if plot_and_operation {
            let (plot, operation) = if current.stage == Stage::Planned {
                (&mut *current, &mut *previous)
            } else {
                (&mut *previous, &mut *current)
            };
            if operation.location.is_none() {
                operation.location = plot.location.clone();
            }
            if plot.location.is_none() {
                plot.location = operation.location.clone();
            }
            if plot.perpetrators.is_empty() && !operation.victims.is_empty() {
                plot.perpetrator_count = operation
                    .victims
                    .first()
                    .and_then(|phrase| super::phrases::phrase_size(analysis, phrase));
                // Across sentences the plotters are a pronoun ("They had been planning"); the
                // operation's phrase names them only when both are in one sentence.
                if plot.sentence == operation.sentence {
                    plot.perpetrators = operation.victims.clone();
                }
            }
            if plot.attribution.is_empty() {
                let operation_sentence = &analysis.sentences[operation.sentence];
                let spoken = analysis
                    .slice(operation_sentence.start, operation_sentence.end)
                    .contains(" announced")
                    && analysis.actors_in(operation_sentence.start..operation_sentence.end).any(
                        |actor| {
                            matches!(
                                actor.kind,
                                vigil_domain::ActorKind::State
                                    | vigil_domain::ActorKind::StateAgency
                            )
                        },
                    );
                // In one sentence the plot is told in the text's own clause; a later sentence
                // ("They had been planning ...") carries on the authority's account.
                let confidence = if spoken && plot.sentence != operation.sentence {
                    Confidence::AccusedByAuthorities
                } else {
                    Confidence::Reported
                };
                for victim in &operation.victims {
                    for actor in analysis.actors_in(victim.start..victim.end) {
                        if actor.kind == vigil_domain::ActorKind::ArmedGroup {
                            push_attribution(&mut plot.attribution, &actor.name, confidence);
                        }
                    }
                }
            }
            continue;
        }
        // "Three members of that cell ... had killed": the clause points back.
        let lower = analysis.lower_sentence(current.sentence);
        let anaphoric =
            ["that cell", "the cell", "the men", "these men", "those men", "the same cell"]
                .iter()
                .any(|cue| lower.contains(cue));
        let near = current.sentence <= previous.last_sentence + 2
            && analysis.paragraph_of.get(current.sentence)
                == analysis.paragraph_of.get(previous.last_sentence);
        if anaphoric && near {
            if current.location.is_none() {
                current.location = previous.location.clone();
            }
            if current.attribution.is_empty() {
                let confidence = if lower.contains("reportedly") || lower.contains("suspected") {
                    Confidence::Suspected
                } else {
                    Confidence::Reported
                };
                let names: Vec<String> = previous
                    .attribution
                    .iter()
                    .map(|attribution| attribution.actor.clone())
                    .collect();
                for name in names {
                    push_attribution(&mut current.attribution, &name, confidence);
                }
            }
        }
    }
}
