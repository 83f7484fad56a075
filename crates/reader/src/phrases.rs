//! Noun phrases around a trigger: sites, victims, perpetrators, and what a count counts.

use super::analysis::{Analysis, Word};
use super::lexicon;

/// A phrase of the text with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: String,
}

const STOP_LEFT: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "by",
    "for",
    "from",
    "with",
    "and",
    "or",
    "against",
    "into",
    "near",
    "inside",
    "outside",
    "that",
    "which",
    "who",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "have",
    "been",
    "be",
    "its",
    "their",
    "his",
    "her",
    "attack",
    "attacks",
    "bombing",
    "targeting",
    "include",
    "includes",
    "also",
    "most",
    "notably",
];

/// The site phrase around a facility noun at `index` in `words`: determiner, modifiers and
/// proper nouns before it, and an "of ..." complement after it ("the tomb of ... Soleimani"),
/// then "in PLACE" when it follows directly. Returns (site, target) where the target drops the
/// determiner and the place.
pub(crate) fn facility_phrase(
    analysis: &Analysis<'_>,
    words: &[Word],
    index: usize,
) -> Option<(Phrase, Phrase)> {
    // The head is the last facility word of a run ("concert hall").
    let mut head = index;
    while words.get(head + 1).is_some_and(|word| lexicon::facility(&word.lower).is_some()) {
        head += 1;
    }
    let mut first = head;
    while first > 0 && head - first < 5 {
        let candidate = &words[first - 1];
        if STOP_LEFT.contains(&candidate.lower.as_str())
            || candidate.lower.chars().all(char::is_numeric)
        {
            break;
        }
        let gap = analysis.slice(candidate.end, words[first].start);
        if gap.contains(',') || gap.contains('.') || gap.contains(';') || gap.contains(':') {
            break;
        }
        // Names ("Crocus City"), compounds ("Chinese-run") and a few plain modifiers belong to
        // the site; any other lower-case word is the sentence around it.
        let written = analysis.slice(candidate.start, candidate.end);
        let proper = written.chars().next().is_some_and(char::is_uppercase);
        let modifier = candidate.lower.contains('-')
            || lexicon::facility(&candidate.lower).is_some()
            || matches!(
                candidate.lower.as_str(),
                "secondary"
                    | "primary"
                    | "high"
                    | "local"
                    | "main"
                    | "central"
                    | "public"
                    | "private"
                    | "military"
                    | "police"
                    | "religious"
                    | "boarding"
                    | "busy"
                    | "crowded"
                    | "popular"
                    | "jewish"
                    | "shia"
                    | "sufi"
                    | "christian"
                    | "catholic"
                    | "orthodox"
                    | "national"
                    | "state"
                    | "city"
                    | "gas"
                    | "oil"
                    | "power"
                    | "train"
                    | "bus"
                    | "girls"
                    | "boys"
            );
        if !proper && !modifier {
            break;
        }
        if lexicon::trigger(&candidate.lower).is_some() {
            break;
        }
        first -= 1;
    }
    let determiner = first
        .checked_sub(1)
        .and_then(|at| words.get(at))
        .filter(|word| matches!(word.lower.as_str(), "the" | "a" | "an"));
    let mut end_word = head;
    // "the tomb of assassinated senior Iranian commander Qasem Soleimani"
    if words.get(head + 1).is_some_and(|word| word.lower == "of")
        && matches!(
            words[head].lower.as_str(),
            "tomb" | "shrine" | "foyer" | "mausoleum" | "offices" | "headquarters"
        )
    {
        let mut at = head + 2;
        while at < words.len() && at < head + 10 {
            let gap = analysis.slice(words[at - 1].end, words[at].start);
            if gap.contains(',') || gap.contains('.') || gap.contains(';') {
                break;
            }
            if matches!(
                words[at].lower.as_str(),
                "in" | "on" | "at" | "and" | "by" | "which" | "who"
            ) {
                break;
            }
            end_word = at;
            at += 1;
        }
    }
    let target_start = words[first].start;
    let target_end = words[end_word].end;
    let target = Phrase {
        start: target_start,
        end: target_end,
        text: analysis.slice(target_start, target_end).to_string(),
    };
    let mut site_end = target_end;
    if words.get(end_word + 1).is_some_and(|word| word.lower == "in")
        && let Some(place_word) = words.get(end_word + 2)
    {
        let is_place = analysis.places.iter().any(|place| place.start == place_word.start);
        if is_place {
            let place_end = analysis
                .places
                .iter()
                .find(|place| place.start == place_word.start)
                .map_or(place_word.end, |place| place.end);
            site_end = place_end;
        }
    }
    let site_start = determiner.map_or(target_start, |word| word.start);
    let site = Phrase {
        start: site_start,
        end: site_end,
        text: analysis.slice(site_start, site_end).to_string(),
    };
    Some((site, target))
}

/// The noun phrase a count begins: from the count to the person noun that ends it, if any
/// ("some 140 civilian victims", "six IS members"). Counts of things are not people.
pub(crate) fn counted_people(
    analysis: &Analysis<'_>,
    start: usize,
    noun_end: Option<usize>,
) -> Option<Phrase> {
    let end = noun_end?;
    let text = analysis.slice(start, end);
    let last = text
        .rsplit(|character: char| !character.is_alphanumeric() && character != '-')
        .find(|word| !word.is_empty())?;
    let last = last.to_lowercase();
    if !lexicon::is_person_noun(&last) {
        return None;
    }
    Some(Phrase { start, end, text: text.to_string() })
}

/// The person noun phrase that starts at word `index` and runs to its head noun (at most six
/// words): "traffic police officers", "three more men", "the perpetrators".
pub(crate) fn person_phrase_from(
    analysis: &Analysis<'_>,
    words: &[Word],
    index: usize,
) -> Option<Phrase> {
    for end in index..words.len().min(index + 6) {
        let word = &words[end];
        if end > index {
            let gap = analysis.slice(words[end - 1].end, word.start);
            if gap.contains(',') || gap.contains('.') || gap.contains(';') || gap.contains('(') {
                return None;
            }
        }
        if matches!(word.lower.as_str(), "who" | "that" | "which" | "in" | "at" | "on" | "when") {
            return None;
        }
        if lexicon::is_person_noun(&word.lower) {
            // Run on through a compound: "traffic police officers".
            let mut last = end;
            while words.get(last + 1).is_some_and(|next| lexicon::is_person_noun(&next.lower))
                && !analysis.slice(words[last].end, words[last + 1].start).contains(',')
            {
                last += 1;
            }
            let start = words[index].start;
            let stop = words[last].end;
            return Some(Phrase {
                start,
                end: stop,
                text: analysis.slice(start, stop).to_string(),
            });
        }
    }
    None
}

/// The person noun phrase that ends just before word `index` (a subject: "a former pupil
/// stabbed", "Three members of that cell were").
pub(crate) fn person_phrase_before(
    analysis: &Analysis<'_>,
    words: &[Word],
    index: usize,
) -> Option<Phrase> {
    let floor = index.saturating_sub(7);
    for head in (floor..index).rev() {
        let word = &words[head];
        if matches!(
            word.lower.as_str(),
            "were"
                | "was"
                | "had"
                | "have"
                | "has"
                | "been"
                | "also"
                | "reportedly"
                | "then"
                | "later"
        ) {
            continue;
        }
        if !lexicon::is_person_noun(&word.lower) && !is_capitalised_name(analysis, word) {
            // "members of that cell": a head followed by an of-complement.
            if !(word.lower == "cell" || word.lower == "group") {
                return None;
            }
        }
        // Walk left to the start of the phrase.
        let mut first = head;
        while first > floor {
            let candidate = &words[first - 1];
            let gap = analysis.slice(candidate.end, words[first].start);
            if gap.contains(',') || gap.contains('.') || gap.contains(';') {
                break;
            }
            if matches!(
                candidate.lower.as_str(),
                "by" | "that" | "which" | "and" | "when" | "while" | "after" | "said" | "says"
            ) {
                break;
            }
            first -= 1;
            if matches!(words[first].lower.as_str(), "the" | "a" | "an") {
                break;
            }
        }
        let start = words[first].start;
        return Some(Phrase {
            start,
            end: word.end,
            text: analysis.slice(start, word.end).to_string(),
        });
    }
    None
}

fn is_capitalised_name(analysis: &Analysis<'_>, word: &Word) -> bool {
    analysis.slice(word.start, word.end).chars().next().is_some_and(char::is_uppercase)
        && analysis.actors.iter().any(|actor| {
            actor.start <= word.start
                && word.end <= actor.end
                && actor.kind == vigil_domain::ActorKind::Person
        })
}

/// The number a person phrase states: its count ("four ... men" → 4), or 1 for a singular
/// indefinite ("a former pupil", "the man").
pub(crate) fn phrase_size(analysis: &Analysis<'_>, phrase: &Phrase) -> Option<u32> {
    if let Some(count) = analysis.counts_in(phrase.start..phrase.end).next() {
        return Some(count.count.best);
    }
    let lower = phrase.text.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    let last = lower.split_whitespace().last().unwrap_or("");
    let singular = !last.ends_with('s') || matches!(last, "boss");
    if singular
        && matches!(first, "a" | "an" | "the")
        && lexicon::is_person_noun(last)
        && last != "people"
        && last != "police"
    {
        return Some(1);
    }
    None
}
