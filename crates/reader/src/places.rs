//! Place mentions: gazetteer names found in the text and resolved with the document's context.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
// Keys are short words hashed once per word of every text read: a fast non-keyed hash fits.
use rustc_hash::{FxHashMap, FxHashSet};
use vigil_domain::{Location, LocationPrecision};
use vigil_extract::kb::opening_word;
use vigil_gazetteer::{Context, Gazetteer, Place, PlaceKind};

use super::analysis::ActorHit;

/// A place named in the text.
#[derive(Debug, Clone)]
pub(crate) struct PlaceHit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) location: Location,
    /// The word before the name, lower case ("in", "near", "of").
    pub(crate) before: String,
}

/// Words that never start a place name in news text, skipped before the automaton is asked.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "by", "for", "from", "with",
    "that", "this", "these", "those", "was", "were", "is", "are", "be", "been", "has", "have",
    "had", "it", "its", "he", "she", "they", "his", "her", "their", "who", "which", "said", "not",
    "as", "but", "also", "after", "before", "into", "than", "will", "would", "there",
];

/// Finds gazetteer names in text. Built once per gazetteer: the automaton is the costly part.
pub(crate) struct PlaceFinder {
    gazetteer: &'static Gazetteer,
    automaton: Option<AhoCorasick>,
    names: Vec<String>,
    /// The opening word ([`opening_word`]: word characters, ASCII-lower-cased) of every name: a
    /// word whose own opening word is not here starts no name, so the automaton
    /// is not asked. One hash probe per word is cheaper than a walk through 200k names.
    opening_words: FxHashSet<String>,
}

impl std::fmt::Debug for PlaceFinder {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_struct("PlaceFinder").field("names", &self.names.len()).finish()
    }
}

/// Words that are place names somewhere but mostly mean something else in news text.
const NOT_PLACES: &[&str] = &[
    "of",
    "the",
    "and",
    "police",
    "march",
    "may",
    "june",
    "july",
    "union",
    "victoria",
    "mobile",
    "reading",
    "nice",
    "split",
    "bar",
    "hall",
    "city",
    "state",
    "central",
    "north",
    "south",
    "east",
    "west",
    "president",
    "general",
    "western",
    "eastern",
    "islamic",
    "media",
    "mission",
    "regardless",
    "rather",
    "indeed",
    "moreover",
    "however",
    "examples",
    "videos",
    "parents",
    "soldiers",
    "university",
    "home",
    "independence",
    "liberty",
    "concord",
    "friendship",
    "progress",
    "hope",
    "victory",
    "freedom",
    "paradise",
    "justice",
    "republic",
    "district",
];

impl PlaceFinder {
    /// A finder over a gazetteer's names.
    pub(crate) fn new(gazetteer: &'static Gazetteer) -> PlaceFinder {
        let mut names: Vec<String> = gazetteer
            .names()
            .filter(|name| name.chars().count() >= 3 && name.chars().any(char::is_alphabetic))
            .filter(|name| !NOT_PLACES.contains(&name.to_lowercase().as_str()))
            .map(str::to_string)
            .collect();
        names.sort_unstable();
        names.dedup();
        let opening_words =
            names.iter().map(|name| opening_word(name, &mut String::new()).to_string()).collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Anchored)
            .build(&names)
            .ok();
        PlaceFinder { gazetteer, automaton, names, opening_words }
    }

    /// Place mentions in `text`, resolved with the countries the text is about.
    pub(crate) fn find(
        &self,
        text: &str,
        all_caps: bool,
        context_countries: &[String],
        actors: &[ActorHit],
        words: &[super::analysis::Word],
    ) -> Vec<PlaceHit> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let context = Context { countries: context_countries.to_vec(), admin1: Vec::new() };
        let mut hits = Vec::new();
        // Names start at words, and in ordinary text at capitalised ones: an anchored search
        // from each such start reads a few bytes instead of scanning every byte of the text.
        let mut covered_to = 0;
        let mut segment = String::new();
        // A name is usually repeated in a report; the context is fixed for the whole text, so
        // one resolution per spelling serves every repetition.
        let mut resolved_names: FxHashMap<&str, Option<&'static Place>> = FxHashMap::default();
        for word in words {
            let start = word.start;
            if start < covered_to {
                continue;
            }
            // Function words open no place name worth the search ("THE HAGUE" aside, which
            // the gazetteer also knows as "Hague").
            if FUNCTION_WORDS.contains(&word.lower.as_str()) {
                continue;
            }
            let capitalised = text[start..].chars().next().is_some_and(char::is_uppercase);
            if !all_caps && !capitalised {
                continue;
            }
            if !self.opening_words.contains(opening_word(&text[start..], &mut segment)) {
                continue;
            }
            let input = Input::new(text).span(start..text.len()).anchored(Anchored::Yes);
            let Ok(Some(found)) = automaton.try_find(input) else { continue };
            let end = found.end();
            covered_to = end;
            if !is_word_boundary(text, start, end) {
                continue;
            }
            let written = &text[start..end];
            // In ordinary text, places are proper nouns; in all-caps wire copy case says nothing.
            if !all_caps && !written.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            // A name inside an organisation's name ("Islamic State") is not a place.
            if actors.iter().any(|actor| {
                !actor.metonym
                    && actor.start <= start
                    && end <= actor.end
                    && (actor.end - actor.start) > (end - start)
            }) {
                continue;
            }
            let gazetteer = self.gazetteer;
            let resolved = *resolved_names.entry(written).or_insert_with(|| {
                gazetteer.resolve(written, &context).map(|resolved| resolved.place)
            });
            let Some(place) = resolved else { continue };
            let precision = match place.kind {
                PlaceKind::Country => LocationPrecision::Country,
                PlaceKind::Admin1 => LocationPrecision::Admin1,
                PlaceKind::City => LocationPrecision::City,
            };
            hits.push(PlaceHit {
                start,
                end,
                location: Location {
                    name: place.name.clone(),
                    admin1: place.admin1.clone(),
                    country: Some(place.country.clone()),
                    lat: Some(place.lat),
                    lon: Some(place.lon),
                    precision,
                },
                before: word_before(text, start),
            });
        }
        hits
    }
}

/// Whether `start..end` is a whole word (or words) of `text`.
pub(crate) fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|character| character.is_alphanumeric() || character == '-')
        && !after.is_some_and(|character| character.is_alphanumeric())
}

/// The lower-case word just before `start`, skipping an article.
pub(crate) fn word_before(text: &str, start: usize) -> String {
    let head = &text[..start];
    let mut words = head
        .rsplit(|character: char| !character.is_alphanumeric() && character != '-')
        .filter(|word| !word.is_empty());
    let mut word = words.next().unwrap_or("").to_lowercase();
    if word == "the" {
        word = words.next().unwrap_or("").to_lowercase();
    }
    word
}
