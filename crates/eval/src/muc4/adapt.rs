//! From the reader's codebook output to MUC-4 templates.
//!
//! One template per violent incident the reader found (accomplished, attempted, or planned:
//! MUC-4 keys hold threatened incidents too). The mapping:
//!
//! - type: bombing -> `bombing`, hostage taking -> `kidnapping`, arson -> `arson`, every other
//!   violent type -> `attack` (MUC-4 has no assassination or armed-assault type: its key codes a
//!   murder as an attack);
//! - PerpInd, Target, Victim: the reader's text fills, one entity each, as written;
//! - PerpOrg: each organisation tied to the incident (denials excepted), named by its first
//!   mention in the text, since MUC-4 scores mentions as written, not canonical names; its
//!   confidence maps codebook section 3 onto slot 11 one to one;
//! - Weapon: weapon words found in the incident's evidence, longest first ([`WEAPON_WORDS`]);
//! - date: the incident's day when known to the day; location: `Country: place`.

use vigil_domain::{Confidence, Extraction, Incident, IncidentType};

use super::score::normalise;
use super::{Entity, Muc4Confidence, Role, Template};

/// Weapon words as MUC-4 keys write them, multi-word ones first so that "car bomb" wins over
/// "bomb". Matched on word boundaries, any case, plurals included.
pub const WEAPON_WORDS: &[&str] = &[
    "car bomb",
    "car-bomb",
    "molotov cocktail",
    "explosive device",
    "explosive charge",
    "incendiary bomb",
    "dynamite charge",
    "dynamite stick",
    "sticks of dynamite",
    "machinegun",
    "machine gun",
    "submachinegun",
    "submachine gun",
    "rifle",
    "pistol",
    "revolver",
    "grenade",
    "mortar",
    "rocket",
    "bazooka",
    "dynamite",
    "explosive",
    "explosives",
    "bomb",
    "mine",
    "firearm",
    "gun",
    "shotgun",
    "machete",
    "knife",
    "ak-47",
    "m-16",
    "fal rifle",
    "galil rifle",
    "uzi",
];

/// The MUC-4 type of a codebook incident, or `None` when MUC-4 has no template for it.
pub fn muc4_type(kind: IncidentType) -> Option<&'static str> {
    match kind {
        IncidentType::Bombing => Some("bombing"),
        IncidentType::HostageTaking => Some("kidnapping"),
        IncidentType::Arson => Some("arson"),
        IncidentType::Assassination
        | IncidentType::ArmedAssault
        | IncidentType::Hijacking
        | IncidentType::UnarmedAssault
        | IncidentType::Attack => Some("attack"),
        IncidentType::SecurityOperation
        | IncidentType::Arrest
        | IncidentType::Warning
        | IncidentType::Threat => None,
    }
}

/// Slot 11's level for a codebook confidence (a denial ties no one to the deed).
pub fn muc4_confidence(confidence: Confidence) -> Option<Muc4Confidence> {
    match confidence {
        Confidence::Reported => Some(Muc4Confidence::ReportedAsFact),
        Confidence::Claimed => Some(Muc4Confidence::ClaimedOrAdmitted),
        Confidence::AccusedByAuthorities => Some(Muc4Confidence::SuspectedOrAccusedByAuthorities),
        Confidence::Suspected => Some(Muc4Confidence::SuspectedOrAccused),
        Confidence::Possible => Some(Muc4Confidence::Possible),
        Confidence::Denied => None,
    }
}

/// Templates for one document. `country_name` turns an ISO code into a country's name.
pub fn templates(
    extraction: &Extraction,
    text: &str,
    country_name: &dyn Fn(&str) -> Option<String>,
) -> Vec<Template> {
    extraction
        .incidents
        .iter()
        .filter_map(|incident| template(extraction, incident, text, country_name))
        .collect()
}

fn template(
    extraction: &Extraction,
    incident: &Incident,
    text: &str,
    country_name: &dyn Fn(&str) -> Option<String>,
) -> Option<Template> {
    let kind = muc4_type(incident.incident_type)?;
    let mut template = Template { incident_type: kind.to_string(), ..Template::default() };
    push_all(template.roles.get_mut(Role::PerpInd), &incident.perpetrator_individuals);
    push_all(template.roles.get_mut(Role::Target), &incident.targets);
    push_all(template.roles.get_mut(Role::Victim), &incident.victims);
    for attribution in &incident.attribution {
        let Some(level) = muc4_confidence(attribution.confidence) else { continue };
        let mention = first_mention(extraction, &attribution.actor, text);
        push(template.roles.get_mut(Role::PerpOrg), &mention);
        if !template.confidence.iter().any(|(m, _)| normalise(m) == normalise(&mention)) {
            template.confidence.push((mention, level));
        }
    }
    let weapons: Vec<String> = incident
        .evidence
        .iter()
        .filter_map(|span| text.get(span.start..span.end))
        .flat_map(weapon_mentions)
        .collect();
    push_all(template.roles.get_mut(Role::Weapon), &weapons);
    template.date = incident
        .date
        .filter(|span| span.precision == vigil_domain::DatePrecision::Day)
        .map(|span| span.start);
    template.location = incident.location.as_ref().map(|location| {
        let country = location.country.as_deref().and_then(country_name);
        match country {
            Some(country) if !country.eq_ignore_ascii_case(&location.name) => {
                format!("{country}: {}", location.name)
            }
            Some(country) => country,
            None => location.name.clone(),
        }
    });
    Some(template)
}

/// An actor's first mention as written, or its canonical name when the text never names it.
fn first_mention(extraction: &Extraction, actor: &str, text: &str) -> String {
    extraction
        .actors
        .iter()
        .find(|mention| mention.name == actor)
        .and_then(|mention| mention.evidence.iter().min_by_key(|span| span.start))
        .and_then(|span| text.get(span.start..span.end))
        .map_or_else(
            || actor.to_string(),
            |written| written.split_whitespace().collect::<Vec<_>>().join(" "),
        )
}

fn push_all(entities: &mut Vec<Entity>, mentions: &[String]) {
    for mention in mentions {
        push(entities, mention);
    }
}

/// Adds a one-mention entity unless an entity with the same normalised mention is there.
fn push(entities: &mut Vec<Entity>, mention: &str) {
    let key = normalise(mention);
    if key.is_empty() || entities.iter().any(|e| e.iter().any(|m| normalise(m) == key)) {
        return;
    }
    entities.push(vec![mention.split_whitespace().collect::<Vec<_>>().join(" ")]);
}

/// Weapon words in a passage, as written, longest match first at each position.
pub fn weapon_mentions(passage: &str) -> Vec<String> {
    let lower = passage.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out: Vec<String> = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        let at_word_start = index == 0 || !bytes[index - 1].is_ascii_alphanumeric();
        let found = at_word_start
            .then(|| {
                WEAPON_WORDS
                    .iter()
                    .filter_map(|word| {
                        let rest = &lower[index..];
                        let end = matched_length(rest, word)?;
                        Some(end)
                    })
                    .max()
            })
            .flatten();
        match found {
            Some(length) => {
                let written =
                    passage[index..index + length].split_whitespace().collect::<Vec<_>>().join(" ");
                if !out.iter().any(|w| normalise(w) == normalise(&written)) {
                    out.push(written);
                }
                index += length;
            }
            None => index += 1,
        }
    }
    out
}

/// Length of `word` (or its plural) at the start of `rest`, ending on a word boundary.
fn matched_length(rest: &str, word: &str) -> Option<usize> {
    let boundary = |length: usize| {
        rest.as_bytes().get(length).is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'-')
    };
    if !rest.starts_with(word) {
        return None;
    }
    let mut length = word.len();
    if rest[length..].starts_with("es") && boundary(length + 2) && word.ends_with(['h', 's', 'x']) {
        length += 2;
    } else if rest[length..].starts_with('s') && boundary(length + 1) {
        length += 1;
    }
    boundary(length).then_some(length)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weapons_longest_first_plurals_and_boundaries() {
        let found = weapon_mentions("THE CAR BOMB AND TWO GRENADES, BUT NO BOMBERS OR MINES-FIELD");
        assert_eq!(found, ["CAR BOMB", "GRENADES"]);
        assert_eq!(
            weapon_mentions("with dynamite and M-16 rifles"),
            ["dynamite", "M-16", "rifles"]
        );
    }

    #[test]
    fn types_and_confidence_map() {
        assert_eq!(muc4_type(IncidentType::Assassination), Some("attack"));
        assert_eq!(muc4_type(IncidentType::HostageTaking), Some("kidnapping"));
        assert_eq!(muc4_type(IncidentType::Arrest), None);
        assert_eq!(muc4_confidence(Confidence::Denied), None);
        assert_eq!(
            muc4_confidence(Confidence::AccusedByAuthorities),
            Some(Muc4Confidence::SuspectedOrAccusedByAuthorities)
        );
    }
}
