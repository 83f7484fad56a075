//! Event triggers in a sentence: which words announce an incident, and of what kind and stage.

use vigil_domain::{IncidentType, Stage};

use super::analysis::Word;
use super::lexicon::{self, IRREALIS, NEGATORS, TriggerClass};

/// What a trigger says about its incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EventKind {
    /// A violent act.
    Violent(IncidentType),
    /// A security operation.
    SecurityOperation,
    /// An arrest.
    Arrest,
    /// A public warning.
    Warning,
}

/// One trigger found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    /// Index of the trigger word in the sentence's words.
    pub(crate) word: usize,
    pub(crate) kind: EventKind,
    pub(crate) stage: Stage,
    /// The trigger is a definite noun phrase ("the attack") that may name an incident already
    /// met, rather than a new one.
    pub(crate) definite: bool,
    /// The trigger itself says suicide ("blew himself up", "suicide bombing").
    pub(crate) suicide: bool,
    /// Index of the word where this trigger's clause begins (a coordinator or determiner).
    pub(crate) clause_start: usize,
    /// A negated mention ("not the first attack"): it names no incident, but its clause is
    /// cut from the clause before it.
    pub(crate) negated: bool,
    /// A killing verb read as the toll of an act already named in the sentence.
    pub(crate) toll: bool,
}

const DETERMINERS: &[&str] =
    &["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"];
const DEFINITE: &[&str] = &["the", "this", "that", "these", "those", "its", "their"];
const COORDINATORS: &[&str] = &["and", "or", "as", "while", "but", "including", "after", "before"];

/// Finds the triggers of one sentence.
pub(crate) fn find(words: &[Word], text: &str) -> Vec<Trigger> {
    let mut found: Vec<Trigger> = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let lower = word.lower.as_str();
        let next = words.get(index + 1).map(|word| word.lower.as_str()).unwrap_or("");
        let previous = |back: usize| -> &str {
            index.checked_sub(back).and_then(|at| words.get(at)).map_or("", |word| &word.lower)
        };
        let mut suicide = previous(1) == "suicide";
        let class = match (lower, next) {
            ("blew", "himself" | "herself" | "themselves") => {
                suicide = true;
                Some(TriggerClass::Violent(IncidentType::Bombing))
            }
            ("opened", "fire") => Some(TriggerClass::Violent(IncidentType::ArmedAssault)),
            ("set", "fire" | "ablaze") => Some(TriggerClass::Violent(IncidentType::Arson)),
            ("threat", "level" | "levels") => Some(TriggerClass::Warning),
            ("into", "custody") => Some(TriggerClass::Arrest),
            ("custody", _) => None,
            _ => lexicon::trigger(lower),
        };
        let Some(class) = class else { continue };
        let window: Vec<&str> = (1..=3).map(previous).collect();
        let negated = window.iter().take(3).any(|word| NEGATORS.contains(word));
        let plot_word = |word: &str| matches!(lexicon::trigger(word), Some(TriggerClass::Plot));
        // "a plot to bomb", or, with the planners named between, "a plan by members of
        // Islamic State's Afghan branch to attack": the infinitive ties the act to the plan.
        let plotted = (1..=4).map(previous).any(plot_word)
            || (previous(1) == "to"
                && (2..=12)
                    .map(previous)
                    .any(|word| plot_word(word) || matches!(word, "plan" | "plans")));
        let irrealis = window.iter().take(2).any(|word| IRREALIS.contains(word));
        let definite = is_definite(words, index);
        let stage = if plotted { Stage::Planned } else { Stage::Accomplished };
        let mut toll = false;
        let kind = match class {
            TriggerClass::Violent(incident_type) => {
                if negated {
                    found.push(Trigger {
                        word: index,
                        kind: EventKind::Violent(incident_type),
                        stage: Stage::Accomplished,
                        definite: false,
                        suicide: false,
                        clause_start: clause_start(words, index),
                        negated: true,
                        toll: false,
                    });
                    continue;
                }
                if negated || (irrealis && !plotted) || is_adjectival(words, index, text) {
                    continue;
                }
                EventKind::Violent(incident_type)
            }
            TriggerClass::Vague => {
                if negated || (irrealis && !plotted) {
                    continue;
                }
                let modifier = previous(1);
                if matches!(
                    modifier,
                    "security"
                        | "special"
                        | "counter-terrorism"
                        | "counterterrorism"
                        | "military"
                        | "police"
                        | "anti-terrorist"
                        | "anti-terror"
                        | "rescue"
                ) {
                    if modifier == "rescue" {
                        continue;
                    }
                    EventKind::SecurityOperation
                } else if plotted
                    || definite
                    || matches!(modifier, "deadly" | "bloody" | "suicide" | "armed")
                    || next == "against"
                {
                    if matches!(modifier, "secret" | "intelligence" | "covert" | "military") {
                        continue;
                    }
                    EventKind::Violent(IncidentType::Attack)
                } else {
                    continue;
                }
            }
            TriggerClass::Killing => {
                if negated || irrealis {
                    continue;
                }
                // "Twenty-two people were killed": a toll told in the passive, for the incident
                // the story is about.
                if matches!(previous(1), "were" | "was" | "been") {
                    found.push(Trigger {
                        word: index,
                        kind: EventKind::Violent(IncidentType::Attack),
                        stage: Stage::Accomplished,
                        definite: true,
                        suicide: false,
                        clause_start: clause_start(words, index),
                        negated: false,
                        toll: true,
                    });
                    continue;
                }
                // "the killing of six militants" is an operation against them; "killed
                // civilians" is an attack's toll, left to the attack's own trigger.
                let object: Vec<&str> =
                    words.iter().skip(index + 1).take(5).map(|word| word.lower.as_str()).collect();
                let militants = object.iter().any(|word| lexicon::is_militant_noun(word));
                if militants {
                    EventKind::SecurityOperation
                } else if object.iter().any(|word| lexicon::is_person_noun(word)) {
                    toll = true;
                    EventKind::Violent(IncidentType::Attack)
                } else {
                    continue;
                }
            }
            TriggerClass::SecurityOperation => {
                if negated || irrealis {
                    continue;
                }
                EventKind::SecurityOperation
            }
            TriggerClass::Arrest => {
                if negated || irrealis || matches!(previous(1), "those" | "tried" | "attempt") {
                    continue;
                }
                if matches!(lower, "arrest" | "detention") && !definite {
                    continue;
                }
                EventKind::Arrest
            }
            TriggerClass::Warning => {
                if negated {
                    continue;
                }
                EventKind::Warning
            }
            // Threats are read as claims (an actor voicing them), plots as the stage of the act
            // they govern.
            TriggerClass::Threat => continue,
            TriggerClass::Plot => {
                if lower == "plot" || lower == "plots" || lower == "plotted" {
                    if negated {
                        continue;
                    }
                    let next_is_violent = words.iter().skip(index + 1).take(3).any(|word| {
                        matches!(
                            lexicon::trigger(&word.lower),
                            Some(TriggerClass::Violent(_) | TriggerClass::Vague)
                        )
                    });
                    if next_is_violent {
                        continue;
                    }
                    found.push(Trigger {
                        word: index,
                        kind: EventKind::Violent(IncidentType::Attack),
                        stage: Stage::Planned,
                        definite,
                        suicide: false,
                        clause_start: clause_start(words, index),
                        negated: false,
                        toll: false,
                    });
                }
                continue;
            }
        };
        found.push(Trigger {
            word: index,
            kind,
            stage,
            definite,
            suicide,
            clause_start: clause_start(words, index),
            negated: false,
            toll,
        });
    }
    found
}

/// Whether the noun at `index` opens with a definite determiner, modifiers allowed between:
/// "the attack", "The March 22 operation", "the Crocus City attack".
fn is_definite(words: &[Word], index: usize) -> bool {
    // Verbs ("were arrested") are not noun phrases.
    if words[index].lower.ends_with("ed") {
        return false;
    }
    let floor = index.saturating_sub(4);
    for at in (floor..index).rev() {
        let word = words[at].lower.as_str();
        if DEFINITE.contains(&word) {
            return true;
        }
        if matches!(
            word,
            "a" | "an"
                | "of"
                | "in"
                | "on"
                | "by"
                | "for"
                | "to"
                | "with"
                | "at"
                | "was"
                | "were"
                | "is"
                | "are"
                | "had"
                | "has"
                | "have"
                | "been"
                | "be"
                | "being"
                | "and"
                | "or"
                | "that"
                | "which"
                | "who"
        ) {
            return false;
        }
    }
    false
}

/// "assassinated senior commander": a participle before a noun describes a person, it does not
/// report an event.
fn is_adjectival(words: &[Word], index: usize, text: &str) -> bool {
    let lower = words[index].lower.as_str();
    if !lower.ends_with("ed") {
        return false;
    }
    let Some(next) = words.get(index + 1) else { return false };
    let previous = index.checked_sub(1).map_or("", |at| words[at].lower.as_str());
    let next_text = &text[next.start..next.end];
    let article_before = matches!(previous, "of" | "the" | "a" | "an" | "slain" | "late");
    let next_is_title = matches!(
        next.lower.as_str(),
        "senior" | "commander" | "leader" | "general" | "president" | "minister" | "former"
    );
    article_before || next_is_title || next_text.chars().next().is_some_and(char::is_uppercase)
}

/// Where the clause of the trigger at `index` starts: the nearest coordinator or determiner
/// before it, so "the bombing in Kabul and the attack on a hotel" splits at "and".
fn clause_start(words: &[Word], index: usize) -> usize {
    let floor = index.saturating_sub(8);
    for at in (floor..index).rev() {
        let word = words[at].lower.as_str();
        if COORDINATORS.contains(&word) {
            return at;
        }
    }
    for at in (floor..index).rev() {
        if DETERMINERS.contains(&words[at].lower.as_str()) {
            return at;
        }
    }
    index
}
