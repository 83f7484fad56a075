//! From the reader's codebook output to MUC-4 templates.
//!
//! One template per violent incident the reader found (accomplished, attempted, or planned:
//! MUC-4 keys hold threatened incidents too), plus one at the first word of each MUC-4 type the
//! message names but no template has ([`TRIGGERS`]); a learned gate may drop some
//! ([`super::gate`]) and a learned merge may join two that stand for one incident
//! ([`super::merge`]). The mapping:
//!
//! - type: bombing -> `bombing`, hostage taking -> `kidnapping`, arson -> `arson`, every other
//!   violent type -> `attack` (MUC-4 has no assassination or armed-assault type: its key codes a
//!   murder as an attack);
//! - PerpInd, Target, Victim: the reader's text fills, one entity each, as written;
//! - PerpOrg: each organisation tied to the incident (denials excepted), named by its first
//!   mention in the text, since MUC-4 scores mentions as written, not canonical names; its
//!   confidence maps codebook section 3 onto slot 11 one to one;
//! - Weapon: weapon words found in the incident's evidence, longest first
//!   ([`super::weapons::WEAPON_WORDS`]);
//! - date: the incident's day when known to the day; location: `Country: place`.

use chrono::NaiveDate;
use vigil_domain::{Evidence, Extraction, Incident, IncidentType};

use super::confidence::{confidence_cue, muc4_confidence};
use super::gate::{self, TemplateGate};
use super::lexicon::{Hit, Lexicon};
use super::merge::MergeModel;
use super::roles::RoleModel;
use super::score::normalise;
use super::weapons::weapon_mentions;
use super::{Entity, Role, Template};

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

/// What the adapter reads besides the reader's output.
pub struct Adapter<'a> {
    /// Turns an ISO code into a country's name.
    pub country_name: &'a (dyn Fn(&str) -> Option<String> + Sync),
    /// Role phrases learned from a training split, when one is given.
    pub lexicon: Option<&'a Lexicon>,
    /// The role classifier learned from a training split, when one is given.
    pub roles: Option<&'a RoleModel>,
    /// The template gate learned from a training split, when one is given.
    pub gate: Option<&'a TemplateGate>,
    /// The pairwise template merge learned from a training split, when one is given.
    pub merge: Option<&'a MergeModel>,
    /// When the reader finds no violent incident, open one template at the text's first
    /// violent word ([`TRIGGERS`]): wire copy often reports an attack in words the reader's
    /// clause rules do not take as an incident of their own.
    pub fallback: bool,
    /// The dateline's day and country: an incident with no date of its own is dated on or
    /// before the dateline and placed in its country, as MUC-4's keys do ("- 03 FEB 90").
    pub dateline: Option<(NaiveDate, Option<String>)>,
}

/// Words that report a MUC-4 incident, with its type, for [`Adapter::fallback`]. Stems match
/// word starts.
pub const TRIGGERS: &[(&str, &str)] = &[
    ("kidnap", "kidnapping"),
    ("abduct", "kidnapping"),
    ("bomb", "bombing"),
    ("dynamit", "bombing"),
    ("explosi", "bombing"),
    ("arson", "arson"),
    ("set fire", "arson"),
    ("burned", "arson"),
    ("murder", "attack"),
    ("assassinat", "attack"),
    ("massacre", "attack"),
    ("ambush", "attack"),
    ("killed", "attack"),
    ("attack", "attack"),
    ("machinegunned", "attack"),
    ("shot", "attack"),
];

/// Where `stem` first starts a word of `lower` (a lower-case text).
pub fn first_word_start(lower: &str, stem: &str) -> Option<usize> {
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(found) = lower[from..].find(stem) {
        let at = from + found;
        if at == 0 || !bytes[at - 1].is_ascii_alphanumeric() {
            return Some(at);
        }
        from = at + stem.len();
    }
    None
}

/// The first trigger word of a text (of one type, when given), with its type and its sentence.
fn first_trigger(text: &str, only: Option<&str>) -> Option<(&'static str, Evidence)> {
    let lower = text.to_ascii_lowercase();
    TRIGGERS
        .iter()
        .filter(|(_, kind)| only.is_none_or(|only| only == *kind))
        .filter_map(|(stem, kind)| Some((first_word_start(&lower, stem)?, *kind)))
        .min_by_key(|(at, _)| *at)
        .map(|(at, kind)| {
            let sentence = sentence_around(text, at);
            let start = sentence.as_ptr() as usize - text.as_ptr() as usize;
            (kind, Evidence { start, end: start + sentence.len() })
        })
}

/// A template the adapter opened, before the gate and the dateline's defaults.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Where in the text its incident was read.
    pub evidence: Vec<Evidence>,
    /// Opened at a violent word, not from one of the reader's incidents ([`Adapter::fallback`]).
    pub fallback: bool,
    /// The template.
    pub template: Template,
}

impl Candidate {
    /// What the gate reads about it, in a message with `count` candidates.
    pub fn context<'a>(
        &'a self,
        text: &'a str,
        dateline: Option<NaiveDate>,
        count: usize,
    ) -> gate::Context<'a> {
        let mut sentences: Vec<&str> = Vec::new();
        for span in &self.evidence {
            let sentence = sentence_around(text, span.start.min(text.len()));
            if !sentences.contains(&sentence) {
                sentences.push(sentence);
            }
        }
        gate::Context {
            template: &self.template,
            sentences,
            start: self.evidence.iter().map(|span| span.start).min().unwrap_or(0),
            text,
            dateline,
            fallback: self.fallback,
            count,
        }
    }
}

/// Templates for one document: the candidates the gate keeps, those the merge finds to be one
/// incident joined, dated and placed by the dateline where the reader found no date or place
/// of their own.
pub fn templates(extraction: &Extraction, text: &str, adapter: &Adapter<'_>) -> Vec<Template> {
    let candidates = candidates(extraction, text, adapter);
    let dateline = adapter.dateline.as_ref().map(|(day, _)| *day);
    let opened = candidates.len();
    let support = |c: &Candidate| {
        adapter.gate.map(|g| g.probability(&gate::features(&c.context(text, dateline, opened))))
    };
    let mut kept: Vec<Candidate> = candidates
        .into_iter()
        .filter(|c| adapter.gate.is_none_or(|g| g.keeps(&c.context(text, dateline, opened))))
        .collect();
    // Merged after the gate: merged before it, the gate judged the joined sentences anew and
    // kept templates it had dropped (dev template F1 40.3, but train, in sample, 52.5 -> 50.9;
    // after it: dev 40.2, train 52.5).
    if let Some(merge) = adapter.merge {
        kept = merge.merge_all(kept, text, &support);
    }
    let count = kept.len();
    let mut out = Vec::new();
    for candidate in &kept {
        let mut template = candidate.template.clone();
        if let Some((day, country)) = &adapter.dateline {
            // "Yesterday" in the incident's own sentences, which the reader left undated.
            let yesterday = candidate.context(text, None, count).sentences.iter().any(|s| {
                let lower = s.to_ascii_lowercase();
                lower.contains("yesterday") || lower.contains("last night")
            });
            let default = if yesterday { day.pred_opt().unwrap_or(*day) } else { *day };
            template.date = template.date.or(Some(default));
            if template.location.is_none() {
                template.location.clone_from(country);
            }
        }
        out.push(template);
    }
    out
}

/// The templates opened for one document, with their evidence, before the gate.
pub fn candidates(extraction: &Extraction, text: &str, adapter: &Adapter<'_>) -> Vec<Candidate> {
    let mut kept: Vec<(Vec<Evidence>, Template)> = extraction
        .incidents
        .iter()
        .filter_map(|incident| {
            template(extraction, incident, text, adapter).map(|t| (incident.evidence.clone(), t))
        })
        .collect();
    let from_reader = kept.len();
    if kept.is_empty()
        && adapter.fallback
        && let Some((kind, span)) = first_trigger(text, None)
    {
        kept.push((vec![span], Template { incident_type: kind.into(), ..Template::default() }));
    }
    // A message with an incident that also reports another type of deed in words the reader
    // did not take as an incident of its own gets one template of that type at its first word:
    // multi-incident messages (a kidnapping and a murder) lost most of their second templates
    // (dev template F1 35.7 without, 37.2 with empty ones of every type, 36.9 without attack).
    if adapter.fallback && !kept.is_empty() {
        for kind in ["kidnapping", "bombing", "arson", "attack"] {
            if kept.iter().all(|(_, t)| t.incident_type != kind)
                && let Some((kind, span)) = first_trigger(text, Some(kind))
            {
                let template = Template { incident_type: kind.into(), ..Template::default() };
                kept.push((vec![span], template));
            }
        }
    }
    if let Some(lexicon) = adapter.lexicon
        && !kept.is_empty()
    {
        // The classifier reads who and what was hit from the words around a phrase, which
        // the lexicon cannot; for perpetrators and weapons the lexicon was as good and more
        // precise on dev (template F1 35.7 this way, 34.7 with the classifier for all roles).
        let mut hits: Vec<Hit> = adapter
            .roles
            .map(|model| model.find(text))
            .unwrap_or_default()
            .into_iter()
            .filter(|hit| matches!(hit.role, Role::Target | Role::Victim))
            .collect();
        let known = hits.clone();
        hits.extend(
            lexicon
                .find(text)
                .into_iter()
                .filter(|hit| !known.iter().any(|k| k.start < hit.end && hit.start < k.end)),
        );
        for hit in hits {
            let nearest = kept
                .iter()
                .enumerate()
                .min_by_key(|(_, (evidence, _))| distance(evidence, hit.start))
                .map(|(index, _)| index)
                .unwrap_or(0);
            let template = &mut kept[nearest].1;
            let written = squeeze(&text[hit.start..hit.end])
                .trim_matches(|c: char| c.is_ascii_punctuation() && c != '"')
                .to_string();
            let written_key = normalise(&written);
            let same_entity = |entity: &Entity| {
                entity.iter().any(|m| {
                    let key = normalise(m);
                    key == hit.entity
                        || lexicon.entries.get(&key).is_some_and(|e| e.entity == hit.entity)
                        || nested(&key, &written_key)
                })
            };
            let entities = template.roles.get_mut(hit.role);
            if entities.iter().any(same_entity) {
                continue;
            }
            entities.push(vec![written.clone()]);
            if hit.role == Role::PerpOrg {
                template
                    .confidence
                    .push((written, confidence_cue(sentence_around(text, hit.start))));
            }
        }
    }
    kept.into_iter()
        .enumerate()
        .map(|(index, (evidence, template))| Candidate {
            evidence,
            fallback: index >= from_reader,
            template,
        })
        .collect()
}

/// Bytes from a position to the nearest of an incident's evidence spans (0 inside one).
fn distance(evidence: &[Evidence], at: usize) -> usize {
    evidence
        .iter()
        .map(|span| if at < span.start { span.start - at } else { at.saturating_sub(span.end) })
        .min()
        .unwrap_or(usize::MAX)
}

/// The sentence holding a position (bounded by full stops).
fn sentence_around(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('.').map_or(0, |i| i + 1);
    let end = text[at..].find('.').map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// Whether a reader's text fill has the shape of a MUC-4 fill. The codebook's fills carry
/// counts and quantifiers ("more than 100,000 persons", "and another policeman") that MUC-4
/// keys leave out, and such a fill can never match; on the training split dropping them raised
/// precision without costing a match.
fn plain_fill(fill: &str) -> bool {
    const QUANTIFIERS: &[&str] = &[
        "and",
        "more",
        "many",
        "several",
        "some",
        "about",
        "at",
        "during",
        "over",
        "nearly",
        "almost",
        "dozens",
        "hundreds",
        "thousands",
        "all",
    ];
    let words: Vec<String> = fill.split_whitespace().map(|w| w.to_ascii_lowercase()).collect();
    let numeric = fill.chars().any(|c| c.is_ascii_digit());
    !words.is_empty() && words.len() <= 5 && !numeric && !QUANTIFIERS.contains(&words[0].as_str())
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn template(
    extraction: &Extraction,
    incident: &Incident,
    text: &str,
    adapter: &Adapter<'_>,
) -> Option<Template> {
    let country_name = adapter.country_name;
    let kind = muc4_type(incident.incident_type)?;
    let mut template = Template { incident_type: kind.to_string(), ..Template::default() };
    // With a lexicon, the people and things come from it alone: the codebook's fills carry
    // counts and whole clauses MUC-4 keys leave out, and on the training split keeping them
    // cost precision (template F1 34.9 without them, 33.6 with those of a plain shape).
    let fills = [
        (Role::PerpInd, &incident.perpetrator_individuals),
        (Role::Target, &incident.targets),
        (Role::Victim, &incident.victims),
    ];
    for (role, fills) in fills.into_iter().filter(|_| adapter.lexicon.is_none()) {
        let clean: Vec<String> = fills.iter().filter(|fill| plain_fill(fill)).cloned().collect();
        push_all(template.roles.get_mut(role), &clean);
    }
    for attribution in &incident.attribution {
        let Some(level) = muc4_confidence(attribution.confidence) else { continue };
        let Some(mention) = first_mention(extraction, &attribution.actor, text) else { continue };
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
    // With a lexicon, weapons come from it: the word list alone found "bomb" wherever a bomb
    // was mentioned (dev template F1 35.3 with it, 35.7 without).
    if adapter.lexicon.is_none() {
        push_all(template.roles.get_mut(Role::Weapon), &weapons);
    }
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

/// Whether one phrase's words all occur (singular or plural) in the other: "farm" and
/// "presidential farm", "guerrillas" and "guerrilla column" name one thing twice in a
/// message, and a key lists them as mentions of one entity.
fn nested(a: &str, b: &str) -> bool {
    let stem = |w: &str| w.strip_suffix('s').filter(|s| s.len() > 2).unwrap_or(w).to_string();
    let words = |p: &str| p.split(' ').map(stem).collect::<Vec<_>>();
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.iter().all(|w| long.contains(w))
}

/// An actor's first mention as written (a span whose words are its name or an alias seen),
/// or its canonical name when the text never names it. States are not MUC-4 perpetrator
/// organisations (its keys name the army or the government), so they give `None`.
fn first_mention(extraction: &Extraction, actor: &str, text: &str) -> Option<String> {
    let Some(mention) = extraction.actors.iter().find(|mention| mention.name == actor) else {
        return Some(actor.to_string());
    };
    if mention.kind == vigil_domain::ActorKind::State {
        return None;
    }
    let names: Vec<String> = std::iter::once(&mention.name)
        .chain(&mention.aliases_seen)
        .map(|name| normalise(name))
        .collect();
    let mut spans: Vec<_> = mention.evidence.iter().collect();
    spans.sort_by_key(|span| span.start);
    spans
        .into_iter()
        .filter_map(|span| text.get(span.start..span.end))
        .find(|written| names.contains(&normalise(written)))
        .map(squeeze)
        .or_else(|| mention.aliases_seen.first().cloned())
        .or_else(|| Some(actor.to_string()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_map() {
        assert_eq!(muc4_type(IncidentType::Assassination), Some("attack"));
        assert_eq!(muc4_type(IncidentType::HostageTaking), Some("kidnapping"));
        assert_eq!(muc4_type(IncidentType::Arrest), None);
    }
}
