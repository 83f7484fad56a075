//! Claims: who says what about which incident, how firmly, through which channel.
//!
//! A claim starts from a speech verb ("announced", "hinted", "denied", "warned") or an
//! estimative phrase ("likely", "high likelihood"). Its claimant is the actor before the verb
//! (or after "by" in the passive), its kind follows from the verb and what is said, its subject
//! is the incident named in the sentence, and its modality and ICD 203 band from the hedges.

use vigil_domain::{ActorKind, ClaimKind, DateSpan, Evidence, Modality, Probability};

use super::analysis::{ActorHit, Analysis, Word};
use super::lexicon::{self, ESTIMATIVE, HEDGES, NEGATORS, REPORTING, SpeechClass};

/// A claim being assembled; `subject` is an index into the incident list.
#[derive(Debug, Clone)]
pub(crate) struct ClaimDraft {
    pub(crate) kind: ClaimKind,
    pub(crate) claimant: Option<ActorHit>,
    pub(crate) subject: Option<usize>,
    pub(crate) accused: Vec<String>,
    pub(crate) modality: Modality,
    pub(crate) channel: Option<String>,
    pub(crate) probability: Option<Probability>,
    pub(crate) date: Option<DateSpan>,
    pub(crate) sentence: usize,
    pub(crate) evidence: Evidence,
}

const CHANNELS: &[(&str, &str)] = &[
    ("amaq", "Amaq"),
    ("telegram", "Telegram"),
    ("video", "video"),
    ("audio", "audio message"),
    ("statement", "statement"),
    ("website", "website"),
    ("twitter", "X"),
    ("press conference", "press conference"),
    ("communique", "communique"),
    ("broadcast", "broadcast"),
];

/// Claims of one sentence. `incident_at` names the incident a sentence speaks of, if any.
pub(crate) fn find(
    analysis: &Analysis<'_>,
    sentence: usize,
    incident_at: &dyn Fn(usize) -> Option<usize>,
    author: Option<&ActorHit>,
) -> Vec<ClaimDraft> {
    // As for incidents, a pathological sentence is read only as far as its first 400 words.
    let words = analysis.words_of(sentence);
    let words = &words[..words.len().min(400)];
    let bounds = &analysis.sentences[sentence];
    let lower_sentence = analysis.lower_sentence(sentence);
    let reported = words.iter().any(|word| REPORTING.contains(&word.lower.as_str()));
    let mut claims: Vec<ClaimDraft> = Vec::new();
    let base = |kind: ClaimKind, modality: Modality| ClaimDraft {
        kind,
        claimant: None,
        subject: incident_at(sentence),
        accused: Vec::new(),
        modality,
        channel: channel(lower_sentence),
        probability: None,
        date: analysis.dates_in(bounds.start..bounds.end).next().map(|mention| mention.span),
        sentence,
        evidence: Evidence { start: bounds.start, end: bounds.end },
    };
    // Most sentences hold no estimative word; only those are searched for the phrases.
    let estimative = words.iter().any(|word| {
        matches!(
            word.lower.as_str(),
            "likely"
                | "unlikely"
                | "likelihood"
                | "probably"
                | "probable"
                | "improbable"
                | "certain"
                | "certainly"
                | "chance"
                | "remote"
        )
    });
    let probability = if estimative { estimate(lower_sentence) } else { None };
    for (index, word) in words.iter().enumerate() {
        let Some(class) = lexicon::speech(&word.lower) else { continue };
        let previous: Vec<&str> = (1..=3)
            .filter_map(|back| index.checked_sub(back))
            .map(|at| words[at].lower.as_str())
            .collect();
        let negated = previous.iter().take(2).any(|word| NEGATORS.contains(word));
        // A prediction ("will likely ... accuse it") is part of an assessment, not a claim.
        let predicted = words[index.saturating_sub(16)..index].iter().any(|word| {
            matches!(word.lower.as_str(), "will" | "would" | "likely" | "could" | "might")
        });
        let infinitive =
            (previous.contains(&"to") || predicted) && !matches!(class, SpeechClass::Warn);
        if infinitive || (negated && !matches!(class, SpeechClass::Deny)) {
            continue;
        }
        // "Putin hinted ..., and claimed ...": a coordinated verb keeps its subject.
        let coordinated = previous.first().is_some_and(|word| matches!(*word, "and" | "but"));
        let claimant = match claims.last() {
            Some(last) if coordinated && last.claimant.is_some() => last.claimant.clone(),
            _ => claimant(analysis, words, index),
        };
        let content = content_actors(analysis, words, index);
        let mut modality = if reported {
            Modality::Reported
        } else if matches!(class, SpeechClass::Hint)
            || words[index + 1..]
                .iter()
                .any(|word| HEDGES.contains(&word.lower.as_str()) && word.lower != "hinted")
        {
            Modality::Hedged
        } else {
            Modality::Asserted
        };
        let after = analysis.slice(word.end, bounds.end).to_lowercase();
        let claimant_name = claimant.as_ref().map(|hit| hit.name.clone());
        let mut others: Vec<String> = Vec::new();
        for actor in content
            .iter()
            .filter(|actor| Some(&actor.name) != claimant_name.as_ref())
            .filter(|actor| {
                matches!(
                    actor.kind,
                    ActorKind::State | ActorKind::ArmedGroup | ActorKind::StateAgency
                ) || actor.name.starts_with("the ")
            })
        {
            if !others.contains(&actor.name) {
                others.push(actor.name.clone());
            }
        }
        let kind = match class {
            SpeechClass::Deny => {
                let mut claim = base(ClaimKind::Denial, Modality::Asserted);
                let accused = claimant.as_ref().map(|hit| hit.name.clone()).into_iter().collect();
                claim.accused = accused;
                claim.claimant = claimant;
                push(&mut claims, claim);
                continue;
            }
            SpeechClass::Warn => ClaimKind::Warning,
            SpeechClass::Threaten => ClaimKind::Threat,
            SpeechClass::Judge => {
                if after.contains("terror")
                    || after.contains("barbaric")
                    || after.contains("act of")
                {
                    ClaimKind::Assessment
                } else {
                    continue;
                }
            }
            _ if after.contains("responsib")
                || (claimant.as_ref().is_some_and(|hit| hit.speaks_for_group)
                    && violent(&after)) =>
            {
                ClaimKind::Responsibility
            }
            SpeechClass::Accuse => ClaimKind::Accusation,
            SpeechClass::Hint | SpeechClass::Claim
                if !others.is_empty()
                    || has_foreign_demonym(analysis, words, index, claimant.as_ref()) =>
            {
                ClaimKind::Accusation
            }
            _ if probability.is_some() => ClaimKind::Assessment,
            SpeechClass::Confirm | SpeechClass::Say => {
                let factual = violent(&after)
                    || after.contains("arrest")
                    || after.contains("detain")
                    || after.contains("allegiance");
                if !factual || claimant.as_ref().is_none_or(|hit| hit.kind == ActorKind::Population)
                {
                    continue;
                }
                ClaimKind::Confirmation
            }
            _ => continue,
        };
        if kind == ClaimKind::Responsibility {
            modality = if reported { Modality::Reported } else { Modality::Asserted };
        }
        let mut claim = base(kind, modality);
        claim.claimant = claimant;
        if kind == ClaimKind::Accusation {
            claim.accused = if others.is_empty() {
                foreign_demonym_states(analysis, words, index, claim.claimant.as_ref())
            } else {
                others
            };
        }
        if kind == ClaimKind::Assessment {
            claim.probability = probability;
            if probability.is_some() {
                claim.modality = Modality::Hedged;
            }
        }
        push(&mut claims, claim);
    }
    // Estimative language without a speech verb: the author's (or a named subject's) judgement.
    if let Some(probability) = probability
        && !claims.iter().any(|claim| claim.kind == ClaimKind::Assessment)
    {
        let mut claim = base(ClaimKind::Assessment, Modality::Hedged);
        claim.probability = Some(probability);
        let convinced = lower_sentence.contains("convinced")
            || lower_sentence.contains("assessed")
            || lower_sentence.contains("believ");
        claim.claimant = if convinced {
            analysis
                .actors_in(bounds.start..bounds.end)
                .find(|actor| matches!(actor.kind, ActorKind::State | ActorKind::StateAgency))
                .cloned()
        } else if lower_sentence.contains("analysts")
            || lower_sentence.contains("experts")
            || lower_sentence.contains("observers")
        {
            None
        } else {
            author.cloned()
        };
        let accuse_at = lower_sentence.find("accuse");
        if let Some(at) = accuse_at {
            claim.accused = analysis
                .actors_in(bounds.start + at..bounds.end)
                .filter(|actor| {
                    matches!(actor.kind, ActorKind::State | ActorKind::ArmedGroup)
                        || actor.name.starts_with("the ")
                })
                .map(|actor| actor.name.clone())
                .fold(Vec::new(), |mut list, name| {
                    if !list.contains(&name) {
                        list.push(name);
                    }
                    list
                });
        }
        push(&mut claims, claim);
    }
    // Estimates about what will happen have no incident as their subject.
    for claim in &mut claims {
        if claim.kind == ClaimKind::Assessment && future(lower_sentence) {
            claim.subject = None;
        }
    }
    // "There have been reports of X carrying out ...": an accusation nobody in particular makes.
    if lower_sentence.contains("reports of") && lower_sentence.contains("carrying out") {
        let mut accused: Vec<String> = Vec::new();
        let from = bounds.start + lower_sentence.find("reports of").unwrap_or(0);
        let to = bounds.start + lower_sentence.find("carrying out").unwrap_or(0);
        for actor in analysis
            .actors_in(from..to)
            .filter(|actor| matches!(actor.kind, ActorKind::State | ActorKind::ArmedGroup))
        {
            if !accused.contains(&actor.name) {
                accused.push(actor.name.clone());
            }
        }
        if !accused.is_empty() {
            let mut claim = base(ClaimKind::Accusation, Modality::Reported);
            claim.accused = accused;
            push(&mut claims, claim);
        }
    }
    claims
}

fn push(claims: &mut Vec<ClaimDraft>, claim: ClaimDraft) {
    let duplicate = claims.iter().any(|known| {
        known.kind == claim.kind
            && known.modality == claim.modality
            && known.claimant.as_ref().map(|hit| &hit.name)
                == claim.claimant.as_ref().map(|hit| &hit.name)
    });
    if !duplicate {
        claims.push(claim);
    }
}

fn violent(text: &str) -> bool {
    [
        "attack",
        "killed",
        "killing",
        "abducted",
        "bomb",
        "explosives",
        "shot",
        "stormed",
        "carried out",
        "kidnap",
        "planted",
        "operation",
    ]
    .iter()
    .any(|cue| text.contains(cue))
}

pub(crate) fn future(text: &str) -> bool {
    [" will ", " would ", "likely to ", " going to ", " could "]
        .iter()
        .any(|cue| text.contains(cue))
}

fn channel(text: &str) -> Option<String> {
    CHANNELS.iter().find(|(cue, _)| text.contains(cue)).map(|(_, name)| (*name).to_string())
}

fn estimate(text: &str) -> Option<Probability> {
    for (phrase, band) in ESTIMATIVE {
        let mut from = 0;
        while let Some(at) = text[from..].find(phrase) {
            let start = from + at;
            let end = start + phrase.len();
            let before_ok = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after_ok = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                return Some(*band);
            }
            from = end;
        }
    }
    None
}

/// The actor who speaks: the last actor before the verb in its clause, or the one after "by".
fn claimant(analysis: &Analysis<'_>, words: &[Word], verb: usize) -> Option<ActorHit> {
    let verb_word = &words[verb];
    if let Some(by) = words.get(verb + 1).filter(|word| word.lower == "by")
        && let Some(actor) =
            analysis.actors.iter().find(|actor| actor.start >= by.end && actor.start <= by.end + 2)
    {
        return Some(actor.clone());
    }
    let sentence_start = words.first().map_or(0, |word| word.start);
    let before: Vec<&ActorHit> = analysis
        .actors_in(sentence_start..verb_word.start)
        .filter(|actor| actor.kind != ActorKind::Population)
        .collect();
    // Skip actors that are objects of a preposition ("the war in Ukraine") when a subject exists.
    let subject = before.iter().rev().find(|actor| {
        let word = super::places::word_before(analysis.text, actor.start);
        !matches!(word.as_str(), "in" | "of" | "against" | "on" | "to" | "from" | "with" | "behind")
    });
    subject.map(|actor| (*actor).clone())
}

/// Actors in what the verb says: up to the next speech verb or dash of the sentence.
fn content_actors<'a>(
    analysis: &'a Analysis<'_>,
    words: &[Word],
    verb: usize,
) -> Vec<&'a ActorHit> {
    let Some(last) = words.last() else { return Vec::new() };
    let mut end = last.end;
    for at in verb + 1..words.len() {
        let gap = analysis.slice(words[at - 1].end, words[at].start);
        if gap.contains('–')
            || gap.contains('—')
            || gap.contains(" - ")
            || lexicon::speech(&words[at].lower).is_some()
        {
            end = words[at - 1].end;
            break;
        }
    }
    analysis.actors_in(words[verb].end..end).collect()
}

fn has_foreign_demonym(
    analysis: &Analysis<'_>,
    words: &[Word],
    verb: usize,
    claimant: Option<&ActorHit>,
) -> bool {
    !foreign_demonym_states(analysis, words, verb, claimant).is_empty()
}

/// States named by demonyms after the verb that are not the claimant's own ("the Ukrainian
/// border" in a Russian official's claim).
fn foreign_demonym_states(
    analysis: &Analysis<'_>,
    words: &[Word],
    verb: usize,
    claimant: Option<&ActorHit>,
) -> Vec<String> {
    let Some(last) = words.last() else { return Vec::new() };
    let own = claimant.and_then(|hit| hit.country.clone());
    let mut states = Vec::new();
    for (start, _, code) in &analysis.demonyms {
        if *start < words[verb].start || *start > last.end || own.as_deref() == Some(code.as_str())
        {
            continue;
        }
        if let Some(name) = analysis
            .actors
            .iter()
            .find(|actor| {
                actor.kind == ActorKind::State && actor.country.as_deref() == Some(code.as_str())
            })
            .map(|actor| actor.name.clone())
            && !states.contains(&name)
        {
            states.push(name);
        }
    }
    states
}
