//! Incidents: one draft per trigger clause, its slots filled from the clause, then merged.

use std::collections::BTreeSet;

use vigil_domain::{
    ActorKind, Attribution, Confidence, Count, DateSpan, Evidence, IncidentType, Location,
    LocationPrecision, Stage, TargetType, Weapon,
};

use super::Resolver;
use super::analysis::{Analysis, Word};
use super::lexicon::{self, REPORTING};
use super::phrases::{self, Phrase};
use super::triggers::{self, EventKind, Trigger};

/// An incident being assembled.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub(crate) kind: EventKind,
    pub(crate) stage: Stage,
    pub(crate) sentence: usize,
    pub(crate) segment: (usize, usize),
    pub(crate) definite: bool,
    pub(crate) date: Option<DateSpan>,
    pub(crate) location: Option<Location>,
    pub(crate) site: Option<Phrase>,
    pub(crate) targets: Vec<Phrase>,
    pub(crate) target_types: BTreeSet<TargetType>,
    pub(crate) victims: Vec<Phrase>,
    pub(crate) perpetrators: Vec<Phrase>,
    pub(crate) perpetrator_count: Option<u32>,
    pub(crate) nationalities: BTreeSet<String>,
    pub(crate) attribution: Vec<Attribution>,
    pub(crate) weapons: BTreeSet<Weapon>,
    pub(crate) suicide: bool,
    pub(crate) killed: Option<Count>,
    pub(crate) injured: Option<Count>,
    pub(crate) arrested: Option<Count>,
    pub(crate) evidence: Vec<Evidence>,
    /// Mentions merged into this draft.
    pub(crate) mentions: usize,
    /// The sentence of its latest mention, for continuity.
    pub(crate) last_sentence: usize,
    /// Byte span from the noun phrase's start to the end of the trigger word.
    pub(crate) name_span: (usize, usize),
}

impl Draft {
    /// Whether the clause gave this draft anything of its own to stand on.
    pub(crate) fn is_anchored(&self) -> bool {
        self.date.is_some()
            || self.location.is_some()
            || self.site.is_some()
            || !self.victims.is_empty()
            || self.killed.is_some()
            || self.injured.is_some()
            || self.stage == Stage::Planned
    }

    pub(crate) fn is_violent(&self) -> bool {
        matches!(self.kind, EventKind::Violent(_))
    }
}

/// Words of one sentence the incident rules look at.
const MAX_SENTENCE_WORDS: usize = 400;
/// Triggers of one sentence the incident rules look at.
const MAX_TRIGGERS: usize = 24;

/// Drafts of every incident mention in the document, in text order.
pub(crate) fn drafts(analysis: &Analysis<'_>, resolver: &Resolver<'_>) -> Vec<Draft> {
    let mut drafts = Vec::new();
    for sentence in 0..analysis.sentences.len() {
        // Real sentences are short; a pathological one (megabytes without a full stop) is read
        // only as far as its first few hundred words, so time stays linear in the text.
        let words = analysis.words_of(sentence);
        let words = &words[..words.len().min(MAX_SENTENCE_WORDS)];
        let mut found = triggers::find(words, analysis.text);
        found.truncate(MAX_TRIGGERS);
        let groups = group(words, &found);
        for (position, members) in groups.iter().enumerate() {
            let first = &found[members[0]];
            if first.negated {
                continue;
            }
            let start_word = if position == 0 { 0 } else { first.clause_start };
            let end_word = groups
                .get(position + 1)
                .map_or(words.len(), |next| found[next[0]].clause_start.max(start_word + 1));
            let Some(segment) = span(words, start_word, end_word) else { continue };
            let kind = strongest(members.iter().map(|&member| found[member].kind));
            let stage = if members.iter().any(|&member| found[member].stage == Stage::Planned) {
                Stage::Planned
            } else {
                Stage::Accomplished
            };
            let mut draft = Draft {
                kind,
                stage,
                sentence,
                segment,
                definite: first.definite,
                date: None,
                location: None,
                site: None,
                targets: Vec::new(),
                target_types: BTreeSet::new(),
                victims: Vec::new(),
                perpetrators: Vec::new(),
                perpetrator_count: None,
                nationalities: BTreeSet::new(),
                attribution: Vec::new(),
                weapons: BTreeSet::new(),
                suicide: members.iter().any(|&member| found[member].suicide),
                killed: None,
                injured: None,
                arrested: None,
                evidence: vec![Evidence {
                    start: analysis.sentences[sentence].start,
                    end: analysis.sentences[sentence].end,
                }],
                mentions: 1,
                last_sentence: sentence,
                name_span: (words[first.clause_start.max(start_word)].start, words[first.word].end),
            };
            fill(analysis, resolver, words, start_word..end_word, &found, members, &mut draft);
            drafts.push(draft);
        }
    }
    drafts
}

/// Groups a sentence's triggers into incidents: a trigger starts a new incident when it opens a
/// clause of its own (after a coordinator) with a different kind, or the same violent kind after
/// a coordinator ("the bombing in Kabul and the attack on a hotel").
fn group(words: &[Word], found: &[Trigger]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (index, trigger) in found.iter().enumerate() {
        let Some(current) = groups.last() else {
            groups.push(vec![index]);
            continue;
        };
        let last = &found[*current.last().unwrap_or(&0)];
        let between: Vec<&str> =
            words[last.word + 1..trigger.word].iter().map(|word| word.lower.as_str()).collect();
        let elaboration = between
            .iter()
            .any(|word| matches!(*word, "notably" | "including" | "especially" | "namely"));
        let coordinated = between.iter().any(|word| {
            matches!(*word, "and" | "as" | "while" | "after" | "before" | "when" | "who" | "which")
        });
        let same_family = same_family(last.kind, trigger.kind);
        let new_incident = if trigger.negated || last.negated {
            true
        } else if (trigger.toll || elaboration) && same_family {
            false
        } else if !same_family {
            // An arrest of the attackers, or the killing of plotters, is its own incident; but
            // "killed" after "attack" is the attack's toll.
            true
        } else {
            coordinated && trigger.word > last.word + 2 && last.stage == trigger.stage
                || last.stage != trigger.stage
        };
        if new_incident {
            groups.push(vec![index]);
        } else if let Some(current) = groups.last_mut() {
            current.push(index);
        }
    }
    groups
}

fn same_family(left: EventKind, right: EventKind) -> bool {
    matches!((left, right), (EventKind::Violent(_), EventKind::Violent(_))) || left == right
}

/// The most specific kind among a group's triggers.
fn strongest(kinds: impl Iterator<Item = EventKind>) -> EventKind {
    let rank = |kind: &EventKind| match kind {
        EventKind::Violent(IncidentType::Assassination) => 9,
        EventKind::Violent(IncidentType::Hijacking) => 8,
        EventKind::Violent(IncidentType::HostageTaking) => 7,
        EventKind::Violent(IncidentType::Bombing) => 6,
        EventKind::Violent(IncidentType::ArmedAssault) => 5,
        EventKind::Violent(IncidentType::Arson) => 4,
        EventKind::Violent(_) => 3,
        EventKind::SecurityOperation => 2,
        EventKind::Arrest => 1,
        EventKind::Warning => 0,
    };
    kinds.max_by_key(rank).unwrap_or(EventKind::Violent(IncidentType::Attack))
}

fn span(words: &[Word], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = words.get(start)?;
    let last = words.get(end.checked_sub(1)?)?;
    Some((first.start, last.end))
}

/// Fills a draft's slots from its clause.
fn fill(
    analysis: &Analysis<'_>,
    resolver: &Resolver<'_>,
    words: &[Word],
    range: std::ops::Range<usize>,
    found: &[Trigger],
    members: &[usize],
    draft: &mut Draft,
) {
    let (start, end) = draft.segment;
    let clause = &words[range.clone()];
    let lowers: Vec<&str> = clause.iter().map(|word| word.lower.as_str()).collect();
    // Date: the first date in the clause; a definite mention ("the March 22 operation") only
    // takes a date from its own noun phrase or right after it, since it may be a reference.
    let first_trigger = &found[members[0]];
    let date_range = if draft.definite {
        words[first_trigger.clause_start.max(range.start)].start..end
    } else {
        start..end
    };
    // A wire dateline's date ("KANO, March 14 (Testwire) -") is when the story was filed, not
    // when the act happened.
    let filed_before = dateline_end(analysis, draft.sentence).unwrap_or(0);
    // A day named in the possessive before the act ("Wednesday's twin bombings") is its date,
    // whatever else the clause dates ("the funerals on Friday of those killed in ...").
    let possessive = analysis.dates_in(start..end).find(|mention| {
        let written = analysis.slice(mention.start, mention.end);
        let owns = written.ends_with("'s") || written.ends_with("\u{2019}s");
        owns && members.iter().any(|&member| {
            let at = words[found[member].word].start;
            at > mention.end && at <= mention.end + 40
        })
    });
    draft.date = possessive
        .or_else(|| analysis.dates_in(date_range).find(|mention| mention.start >= filed_before))
        .map(|mention| mention.span);
    // Place: the first place introduced by a locative preposition; a definite mention ("the
    // attack") takes only a place in its own name or right after it ("the attack in Moscow").
    draft.location = if draft.definite {
        let (name_start, name_end) = draft.name_span;
        let clause_rest = analysis.slice(name_end, end);
        let after = clause_rest.find([',', ';']).map_or(end, |at| name_end + at);
        location(analysis, resolver, name_start, after.max(name_end))
    } else {
        location(analysis, resolver, start, end)
    };
    // Weapons and suicide.
    for (index, lower) in lowers.iter().enumerate() {
        if let Some(weapon) = lexicon::weapon(lower) {
            let opened_fire = *lower == "fire" && index > 0 && lowers[index - 1] == "opened";
            let weapon = if opened_fire { Weapon::Firearms } else { weapon };
            if draft.is_violent() {
                draft.weapons.insert(weapon);
            }
        }
        if *lower == "suicide" {
            draft.suicide = true;
        }
    }
    let violent_or_plot = draft.is_violent();
    // Sites and targets.
    if violent_or_plot || draft.kind == EventKind::SecurityOperation {
        for (offset, word) in clause.iter().enumerate() {
            let Some(target_type) = lexicon::facility(&word.lower) else { continue };
            // "concert" in "concert hall" is part of the head that follows.
            if clause.get(offset + 1).is_some_and(|next| lexicon::facility(&next.lower).is_some()) {
                continue;
            }
            let Some((site, target)) =
                phrases::facility_phrase(analysis, words, range.start + offset)
            else {
                continue;
            };
            // A site is where the act struck: after a preposition of place or a violent verb,
            // never a subject ("Foreign Ministry spokeswoman").
            let before = super::places::word_before(analysis.text, site.start);
            let struck = matches!(
                before.as_str(),
                "at" | "in"
                    | "on"
                    | "into"
                    | "against"
                    | "near"
                    | "outside"
                    | "inside"
                    | "targeting"
                    | "stormed"
                    | "attacked"
                    | "bombed"
                    | "hit"
                    | "struck"
                    | "raided"
                    | "of"
                    | "torched"
                    | "from"
                    | "through"
                    | "storm"
                    | "attack"
                    | "targeted"
            );
            if !struck {
                continue;
            }
            draft.target_types.insert(target_type);
            if draft.site.is_none() {
                if draft.location.is_none() {
                    // "the Crocus City concert hall in Moscow": the site places the act.
                    draft.location = location(analysis, resolver, site.start, site.end);
                }
                draft.site = Some(site);
            }
            if !draft.targets.iter().any(|known| known.text == target.text) {
                draft.targets.push(target);
            }
        }
    }
    // Counts: killed, injured, arrested, and the people they count.
    for mention in analysis.counts_in(start..end) {
        let before = analysis.slice(start, mention.start).to_lowercase();
        let after_end = mention.noun.map_or(mention.end, |(_, noun_end)| noun_end);
        let after = analysis.slice(after_end, (after_end + 60).min(end)).to_lowercase();
        let near_before: String =
            before.chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
        let people = phrases::counted_people(analysis, mention.start, mention.noun.map(|(_, e)| e));
        let trigger_start = words[first_trigger.word].start;
        let sentence_start = analysis.sentences[draft.sentence].start;
        let opens_sentence =
            analysis.slice(sentence_start, mention.start).split_whitespace().count() <= 1;
        // "Twenty-two people were killed": the subject of a passive verb is its victim.
        let passive = analysis
            .slice(mention.start, trigger_start)
            .split_whitespace()
            .next_back()
            .is_some_and(|word| {
                matches!(
                    word.to_lowercase().as_str(),
                    "was" | "were" | "been" | "being" | "is" | "are"
                )
            });
        let subject_of_act =
            opens_sentence && mention.start < trigger_start && draft.is_violent() && !passive;
        let is_perpetrator =
            near_before.contains(" by") || near_before.ends_with("by ") || subject_of_act;
        if is_perpetrator {
            if let Some(phrase) = people {
                draft.perpetrator_count = Some(mention.count.best);
                draft.perpetrators.push(phrase);
            }
            continue;
        }
        let killed_cue = ["killed", "killing", "bodies of", "dead", "death toll", "died", "deaths"];
        let injured_cue = ["injured", "wounded", "hurt", "hospital", "injuries"];
        let arrested_cue = ["arrested", "detained", "apprehended", "held", "custody", "rounded up"];
        let cue = |list: &[&str]| {
            list.iter().any(|cue| near_before.contains(cue))
                || list.iter().any(|cue| {
                    after.split(['.', ';']).next().is_some_and(|head| head.contains(cue))
                })
        };
        let adjacent_cue = near_before.split_whitespace().last().is_some_and(|word| {
            matches!(
                word,
                "killed" | "killing" | "injured" | "wounded" | "injuring" | "wounding" | "of"
            )
        });
        if people.is_none() && !adjacent_cue {
            continue;
        }
        if cue(&arrested_cue) && draft.kind == EventKind::Arrest {
            draft.arrested.get_or_insert(mention.count);
        } else if cue(&injured_cue) && !near_before.contains("killed") {
            draft.injured.get_or_insert(mention.count);
        } else if cue(&killed_cue) {
            draft.killed.get_or_insert(mention.count);
        }
        // The dead and the detained are the incident's victims; the injured are counted only.
        let counted_as_victims = draft.kind != EventKind::Warning
            && (!cue(&injured_cue) || near_before.contains("killed"));
        if let (Some(phrase), true) = (people, counted_as_victims)
            && !draft.victims.iter().any(|known| known.text == phrase.text)
        {
            draft.victims.push(phrase);
        }
    }
    // Victims without a count: "had killed traffic police officers", "arrested three more men".
    for &member in members {
        let trigger = &found[member];
        let object_start = trigger.word + 1;
        let trigger_word = words[trigger.word].lower.as_str();
        let of_object = words.get(object_start).is_some_and(|word| word.lower == "of");
        let takes_object =
            trigger_word.ends_with("ed") || (trigger_word.ends_with("ing") && of_object);
        let skip = usize::from(of_object);
        let object = if takes_object {
            phrases::person_phrase_from(analysis, words, object_start + skip)
        } else {
            None
        };
        if let Some(phrase) = object
            && !draft
                .victims
                .iter()
                .any(|known| known.start <= phrase.start && phrase.end <= known.end)
            && !is_actor_only(analysis, &phrase)
        {
            if draft.kind == EventKind::Arrest && draft.arrested.is_none() {
                draft.arrested = phrases::phrase_size(analysis, &phrase).map(exact);
            }
            draft.victims.push(phrase);
        }
        // Passive arrests: "He was arrested", "dozens of suspects have been arrested".
        if draft.kind == EventKind::Arrest && draft.victims.is_empty() {
            if let Some(phrase) = phrases::person_phrase_before(analysis, words, trigger.word) {
                if draft.arrested.is_none() {
                    draft.arrested = phrases::phrase_size(analysis, &phrase).map(exact);
                }
                draft.victims.push(phrase);
            } else if let Some(subject) = pronoun_subject(words, trigger.word) {
                let word = &words[subject];
                // "they" stands for the last people named before it in the sentence.
                let antecedent = (0..subject).rev().find_map(|at| {
                    lexicon::is_person_noun(&words[at].lower)
                        .then(|| phrases::person_phrase_before(analysis, words, at + 1))
                        .flatten()
                });
                let phrase = antecedent.unwrap_or_else(|| Phrase {
                    start: word.start,
                    end: word.end,
                    text: analysis.slice(word.start, word.end).to_string(),
                });
                draft.victims.push(phrase);
                if matches!(word.lower.as_str(), "he" | "she") {
                    draft.arrested.get_or_insert(exact(1));
                }
            }
        }
    }
    for victim in &draft.victims {
        let head = victim.text.rsplit(' ').next().unwrap_or("").to_lowercase();
        if draft.kind == EventKind::SecurityOperation && lexicon::is_militant_noun(&head) {
            draft.target_types.insert(TargetType::Terrorists);
        } else if draft.is_violent() {
            if let Some(target_type) = lexicon::victim_target_type(&head) {
                draft.target_types.insert(target_type);
            }
            if victim.text.to_lowercase().contains("police") {
                draft.target_types.insert(TargetType::Police);
            }
        }
    }
    if draft.kind == EventKind::Warning {
        draft.victims.clear();
        draft.killed = None;
        draft.injured = None;
    }
    if draft.kind == EventKind::SecurityOperation {
        draft.target_types.retain(|target| *target == TargetType::Terrorists);
        draft.site = None;
        draft.targets.clear();
    }
    // Perpetrators: "carried out by X", a subject before a violent verb.
    if draft.is_violent() && draft.perpetrators.is_empty() {
        perpetrators(analysis, words, &range, found, members, draft);
    }
    // Nationalities: "all from Tajikistan", a demonym in the perpetrators' phrase.
    let text = analysis.slice(start, end);
    if let Some(from_at) = text.find(" from ").or_else(|| text.find(" citizen")) {
        let after = start + from_at;
        if let Some(place) = analysis.places_in(after..end).next()
            && place.location.precision == LocationPrecision::Country
            && !draft.perpetrators.is_empty()
            && let Some(code) = &place.location.country
        {
            draft.nationalities.insert(code.clone());
        }
    }
    for perpetrator in &draft.perpetrators {
        for code in analysis.demonyms_in(perpetrator.start..perpetrator.end + 40) {
            draft.nationalities.insert(code.to_string());
        }
    }
    // Attribution from groups named in the clause.
    attribute(analysis, resolver, draft, &lowers, trigger_start_of(words, found, members));
}

/// The end of a wire dateline opening sentence `index` ("MOSCOW, March 24 (Wire) -"): a
/// capitalised place, then a dash within the first 120 bytes.
pub(crate) fn dateline_end(analysis: &Analysis<'_>, index: usize) -> Option<usize> {
    let sentence = analysis.sentences.get(index)?;
    let head = analysis.slice(sentence.start, (sentence.start + 120).min(sentence.end));
    let dash = [" -- ", " - ", " – ", " — "].iter().filter_map(|dash| head.find(dash)).min()?;
    let first_word = head.split([',', ' ']).next()?;
    let capitals =
        first_word.len() >= 3 && first_word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
    capitals.then_some(sentence.start + dash)
}

fn trigger_start_of(words: &[Word], found: &[Trigger], members: &[usize]) -> usize {
    words[found[members[0]].word].start
}

fn exact(best: u32) -> Count {
    Count { best, min: None, max: None, qualifier: vigil_domain::CountQualifier::Exact }
}

fn is_actor_only(analysis: &Analysis<'_>, phrase: &Phrase) -> bool {
    analysis
        .actors_in(phrase.start..phrase.end)
        .any(|actor| actor.start == phrase.start && actor.end == phrase.end)
}

fn pronoun_subject(words: &[Word], trigger: usize) -> Option<usize> {
    let floor = trigger.saturating_sub(4);
    (floor..trigger).rev().find(|&at| matches!(words[at].lower.as_str(), "he" | "she" | "they"))
}

/// The location of a clause: the first place after a locative preposition, preferring a city.
fn location(
    analysis: &Analysis<'_>,
    resolver: &Resolver<'_>,
    start: usize,
    end: usize,
) -> Option<Location> {
    let mut candidates: Vec<&Location> = Vec::new();
    let mut previous_end: Option<usize> = None;
    for place in analysis.places_in(start..end) {
        // "the city of Kaluga", not "the bombing of the Nord Stream pipeline".
        let of_place = place.before == "of" && {
            let lead = analysis
                .slice(start.max(place.start.saturating_sub(30)), place.start)
                .to_lowercase();
            [
                "city of",
                "town of",
                "region of",
                "province of",
                "republic of",
                "district of",
                "state of",
                "village of",
                "capital of",
            ]
            .iter()
            .any(|cue| lead.contains(cue))
        };
        // A list continues what its first member was: "in Germany, France and Italy".
        let listed = previous_end.is_some_and(|previous| {
            let gap = analysis.slice(previous, place.start).trim();
            previous <= place.start
                && matches!(gap, "," | "and" | ", and" | ", the" | "and the" | ", and the" | "or")
        });
        let locative = listed
            || of_place
            || matches!(
                place.before.as_str(),
                "in" | "at" | "inside" | "across" | "outside" | "into" | "near"
            );
        let bearing =
            analysis.slice(start.max(place.start.saturating_sub(24)), place.start).to_lowercase();
        let is_bearing = [
            "north of",
            "south of",
            "east of",
            "west of",
            "southwest of",
            "southeast of",
            "northwest of",
            "northeast of",
            "border",
        ]
        .iter()
        .any(|cue| bearing.contains(cue));
        if locative && !is_bearing {
            candidates.push(&place.location);
            previous_end = Some(place.end);
        }
    }
    // "in the Russian capital"
    if candidates.is_empty() {
        let text = analysis.slice(start, end).to_lowercase();
        if let Some(at) = text.find(" capital") {
            let before = analysis.slice(start, start + at);
            if let Some(code) =
                analysis.demonyms_in(start..start + at + 1).last().map(str::to_string)
            {
                let _ = before;
                return resolver.capital(&code);
            }
        }
    }
    let countries: BTreeSet<&str> =
        candidates.iter().filter_map(|place| place.country.as_deref()).collect();
    if countries.len() >= 3 {
        return Some(Location {
            name: "multiple countries".into(),
            admin1: None,
            country: None,
            lat: None,
            lon: None,
            precision: LocationPrecision::Region,
        });
    }
    candidates
        .iter()
        .min_by_key(|place| match place.precision {
            LocationPrecision::Site | LocationPrecision::City => 0,
            LocationPrecision::Admin1 => 1,
            LocationPrecision::Country => 2,
            LocationPrecision::Region => 3,
        })
        .map(|place| (*place).clone())
}

fn perpetrators(
    analysis: &Analysis<'_>,
    words: &[Word],
    range: &std::ops::Range<usize>,
    found: &[Trigger],
    members: &[usize],
    draft: &mut Draft,
) {
    // "carried out by four ... men"
    for at in range.clone() {
        if words[at].lower == "by"
            && at > 0
            && matches!(
                words[at - 1].lower.as_str(),
                "out" | "committed" | "perpetrated" | "attacked" | "killed"
            )
            && let Some(phrase) = phrases::person_phrase_from(analysis, words, at + 1)
        {
            draft.perpetrator_count = phrases::phrase_size(analysis, &phrase);
            draft.perpetrators.push(phrase);
            return;
        }
    }
    for &member in members {
        let trigger = &found[member];
        let word = &words[trigger.word];
        if matches!(word.lower.as_str(), "gunmen" | "attackers" | "assailants") {
            let start = trigger.clause_start.max(range.start);
            let first = (start..trigger.word)
                .find(|&at| {
                    !matches!(words[at].lower.as_str(), "and" | "as" | "while" | "in" | "a" | "the")
                })
                .unwrap_or(trigger.word);
            let first = if first < trigger.word
                && words[first..trigger.word].iter().any(|w| {
                    w.lower == "suspected" || analysis.actors.iter().any(|a| a.start == w.start)
                }) {
                first
            } else {
                trigger.word
            };
            let phrase = Phrase {
                start: words[first].start,
                end: word.end,
                text: analysis.slice(words[first].start, word.end).to_string(),
            };
            draft.perpetrators.push(phrase);
            return;
        }
        // "Twenty-two people were killed": before a passive verb stand its victims.
        let passive = trigger.word > 0
            && matches!(
                words[trigger.word - 1].lower.as_str(),
                "was" | "were" | "been" | "being" | "is" | "are"
            );
        if !passive
            && let Some(phrase) = phrases::person_phrase_before(analysis, words, trigger.word)
            && (phrase.start >= words[range.start].start || range.start == 0)
        {
            let head = phrase.text.rsplit(' ').next().unwrap_or("").to_lowercase();
            if !lexicon::victim_target_type(&head)
                .is_some_and(|t| t == TargetType::Police || t == TargetType::Military)
                || head == "members"
            {
                draft.perpetrator_count = phrases::phrase_size(analysis, &phrase);
                draft.perpetrators.push(phrase);
                return;
            }
        }
    }
}

/// Organisations named in the clause as doers: armed groups near the trigger for violent acts,
/// the state or agency acting for operations, arrests and warnings.
fn attribute(
    analysis: &Analysis<'_>,
    resolver: &Resolver<'_>,
    draft: &mut Draft,
    lowers: &[&str],
    trigger_start: usize,
) {
    let (start, end) = draft.segment;
    let sentence = &analysis.sentences[draft.sentence];
    let sentence_lower = analysis.lower_sentence(draft.sentence);
    let reported = lowers.iter().any(|word| REPORTING.contains(word) || *word == "suspected")
        || sentence_lower.contains("reports of");
    let official_nouns = [
        "investigators said",
        "prosecutors said",
        "police said",
        "officials said",
        "authorities said",
        "police say",
        "officials say",
        "prosecutors say",
        "according to prosecutors",
        "according to police",
        "according to officials",
    ];
    let generic_authority = official_nouns.iter().any(|cue| sentence_lower.contains(cue));
    let authority_speech = generic_authority
        || analysis.actors_in(sentence.start..sentence.end).any(|actor| {
            let next = analysis.slice(actor.end, (actor.end + 40).min(sentence.end)).to_lowercase();
            let speaks = [
                "said",
                "announced",
                "says",
                "stated",
                "told",
                "had announced",
                "has said",
                "had also announced",
            ]
            .iter()
            .any(|verb| next.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(verb));
            let said_by = analysis
                .slice(sentence.start.max(actor.start.saturating_sub(12)), actor.start)
                .contains("said");
            matches!(actor.kind, ActorKind::State | ActorKind::StateAgency | ActorKind::Person)
                && (speaks || said_by)
        });
    if draft.is_violent() {
        let confidence = if reported {
            Confidence::Suspected
        } else if authority_speech {
            Confidence::AccusedByAuthorities
        } else {
            Confidence::Reported
        };
        let (name_start, name_end) = draft.name_span;
        let groups: Vec<&str> = analysis
            .actors_in(start..end)
            .filter(|actor| actor.kind == ActorKind::ArmedGroup)
            .filter(|actor| {
                let lead = analysis
                    .slice(start.max(actor.start.saturating_sub(24)), actor.start)
                    .to_lowercase();
                !["war", "between", "conflict", "against", "fight", "versus", "rival"]
                    .iter()
                    .any(|cue| lead.contains(cue))
            })
            .filter(|actor| {
                // A definite mention ("the attack") may be a reference: only its own doer counts
                // ("the IS attack", "the attack by IS").
                !draft.definite
                    || (actor.start >= name_start && actor.end <= name_end)
                    || analysis.slice(name_end, actor.start).trim() == "by"
            })
            .map(|actor| actor.name.as_str())
            .collect();
        // Pledges of allegiance tie the doer to a group anywhere in the sentence.
        let pledged: Vec<&str> = if sentence_lower.contains("allegiance") {
            analysis
                .actors_in(sentence.start..sentence.end)
                .filter(|actor| actor.kind == ActorKind::ArmedGroup)
                .map(|actor| actor.name.as_str())
                .collect()
        } else {
            Vec::new()
        };
        let found_doer = !groups.is_empty() || !pledged.is_empty();
        for name in groups.into_iter().chain(pledged) {
            push_attribution(&mut draft.attribution, name, confidence);
        }
        // A plot's planners are often named before the clause that tells the plan: "thwarted a
        // plan by members of Islamic State's Afghan branch to attack worshippers".
        if !found_doer && draft.stage == Stage::Planned {
            let planners: Vec<&str> = analysis
                .actors_in(sentence.start..trigger_start)
                .filter(|actor| actor.kind == ActorKind::ArmedGroup)
                .filter(|actor| {
                    let lead = analysis
                        .slice(sentence.start.max(actor.start.saturating_sub(30)), actor.start)
                        .to_lowercase();
                    [" by ", "members of", "cell of", "militants of", "plot by", "plan by"]
                        .iter()
                        .any(|cue| lead.contains(cue))
                })
                .map(|actor| actor.name.as_str())
                .collect();
            for name in planners {
                push_attribution(&mut draft.attribution, name, confidence);
            }
        }
        // Demonym doers: "Ukrainian intelligence officers carrying out ..." in reports.
        if reported && sentence_lower.contains("carrying out") {
            let doers = analysis.demonyms.iter().filter(|(demonym_start, demonym_end, _)| {
                *demonym_start >= sentence.start
                    && *demonym_end <= end
                    && [
                        "intelligence",
                        "officers",
                        "agents",
                        "forces",
                        "operatives",
                        "services",
                        "militants",
                        "special",
                    ]
                    .iter()
                    .any(|word| {
                        analysis
                            .slice(*demonym_end, (*demonym_end + 25).min(end))
                            .to_lowercase()
                            .trim_start()
                            .starts_with(word)
                    })
            });
            for code in doers.map(|(_, _, code)| code.as_str()) {
                if let Some(state) = resolver.state(code) {
                    push_attribution(&mut draft.attribution, &state, Confidence::Suspected);
                }
            }
        }
        return;
    }
    // Operations, arrests and warnings: the acting state or agency.
    let trigger_at = trigger_start;
    let agents: Vec<String> = analysis
        .actors_in(start..trigger_at)
        .filter(|actor| matches!(actor.kind, ActorKind::State | ActorKind::StateAgency))
        .filter(|actor| {
            let before = super::places::word_before(analysis.text, actor.start);
            !matches!(
                before.as_str(),
                "in" | "from"
                    | "to"
                    | "across"
                    | "inside"
                    | "into"
                    | "against"
                    | "of"
                    | "near"
                    | "with"
            )
        })
        .filter(|actor| {
            !analysis
                .slice(actor.end, (actor.end + 30).min(analysis.text.len()))
                .to_lowercase()
                .trim_start()
                .starts_with("border")
        })
        .map(|actor| actor.name.clone())
        .collect();
    if let Some(agent) = agents.first() {
        push_attribution(&mut draft.attribution, agent, Confidence::Reported);
        return;
    }
    let agent_words = [
        "police",
        "authorities",
        "forces",
        "sources",
        "embassy",
        "government",
        "services",
        "troops",
        "officials",
        "army",
    ];
    let demonym_agent = analysis.demonyms.iter().find(|(demonym_start, demonym_end, _)| {
        *demonym_start >= sentence.start
            && *demonym_end <= trigger_at
            && agent_words.iter().any(|word| {
                analysis
                    .slice(*demonym_end, (*demonym_end + 40).min(analysis.text.len()))
                    .to_lowercase()
                    .contains(word)
            })
    });
    if let Some((_, _, code)) = demonym_agent
        && let Some(state) = resolver.state(code)
    {
        push_attribution(&mut draft.attribution, &state, Confidence::Reported);
        return;
    }
    let bare_agent = agent_words.iter().any(|word| sentence_lower.contains(word));
    if (bare_agent || draft.kind == EventKind::Arrest)
        && let Some(code) = draft.location.as_ref().and_then(|place| place.country.clone())
        && let Some(state) = resolver.state(&code)
    {
        push_attribution(&mut draft.attribution, &state, Confidence::Reported);
    }
}

pub(crate) fn push_attribution(list: &mut Vec<Attribution>, actor: &str, confidence: Confidence) {
    if !list.iter().any(|known| known.actor == actor && known.confidence == confidence) {
        list.push(Attribution { actor: actor.to_string(), confidence, claim: None });
    }
}
