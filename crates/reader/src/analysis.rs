//! One pass over a document: sentences, words, and every actor, place, date and count mention.
//!
//! The incident and claim rules read this instead of the raw text, so each kind of mention is
//! found once per document, with byte offsets into the cleaned text.

use std::ops::Range;

use chrono::NaiveDate;
use vigil_domain::ActorKind;

use super::places::{PlaceFinder, PlaceHit};
use vigil_extract::counts::{CountMention, find_counts_in};
use vigil_extract::dates::{DateMention, find_dates_in};
use vigil_extract::kb::{Kb, MatchOptions};
use vigil_extract::text::{Sentence, TextIndex, TokenKind, is_all_caps, sentences, tokens};

/// A word with its offsets and lower-case form.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) lower: String,
}

/// An actor named in the text, resolved to the knowledge base.
#[derive(Debug, Clone)]
pub(crate) struct ActorHit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) name: String,
    pub(crate) kind: ActorKind,
    pub(crate) country: Option<String>,
    pub(crate) parent: Option<String>,
    /// For a person, the organisation or state they belong to ("Boko Haram" for Shekau).
    pub(crate) affiliation: Option<String>,
    /// An armed group, or a person who belongs to one: what they say of an attack their side
    /// carried out is a claim of responsibility.
    pub(crate) speaks_for_group: bool,
    pub(crate) alias: String,
    /// A capital or seat of government standing for its state ("Moscow", "the Kremlin").
    pub(crate) metonym: bool,
}

/// Everything the rules need to know about one document.
#[derive(Debug)]
pub(crate) struct Analysis<'t> {
    pub(crate) text: &'t str,
    pub(crate) sentences: Vec<Sentence>,
    /// Paragraph index of each sentence.
    pub(crate) paragraph_of: Vec<usize>,
    pub(crate) words: Vec<Word>,
    /// Word index range of each sentence.
    pub(crate) sentence_words: Vec<Range<usize>>,
    /// Each sentence lower-cased once, for the rules' phrase tests.
    sentence_lower: Vec<String>,
    pub(crate) actors: Vec<ActorHit>,
    pub(crate) places: Vec<PlaceHit>,
    pub(crate) dates: Vec<DateMention>,
    pub(crate) counts: Vec<CountMention>,
    pub(crate) demonyms: Vec<(usize, usize, String)>,
}

impl<'t> Analysis<'t> {
    /// Reads the document once.
    pub(crate) fn new(
        text: &'t str,
        published: Option<NaiveDate>,
        kb: &Kb,
        places: &PlaceFinder,
    ) -> Analysis<'t> {
        let caps = is_all_caps(text);
        let sentences = sentences(text);
        let mut paragraph_of = Vec::with_capacity(sentences.len());
        let mut paragraph = 0;
        let mut previous_end = 0;
        for sentence in &sentences {
            if text.get(previous_end..sentence.start).is_some_and(|gap| gap.contains("\n\n")) {
                paragraph += 1;
            }
            paragraph_of.push(paragraph);
            previous_end = sentence.end;
        }
        let mut words = Vec::new();
        let mut sentence_words = Vec::with_capacity(sentences.len());
        for sentence in &sentences {
            let first = words.len();
            for token in tokens(text, sentence.start..sentence.end) {
                if token.kind == TokenKind::Punct {
                    continue;
                }
                let raw = &text[token.start..token.end];
                let lower = raw.replace('’', "'").to_lowercase();
                // Possessives are read as their noun: "Russia's" counts as "russia".
                let lower = lower.strip_suffix("'s").map(str::to_string).unwrap_or(lower);
                words.push(Word { start: token.start, end: token.end, lower });
            }
            sentence_words.push(first..words.len());
        }
        let sentence_lower = sentences
            .iter()
            .map(|sentence| text.get(sentence.start..sentence.end).unwrap_or("").to_lowercase())
            .collect();
        let actors = kb
            .find_actors(text, MatchOptions { text_is_all_caps: caps })
            .into_iter()
            .filter_map(|found| {
                let entry = kb.entries().get(found.entry)?;
                let speaks_for_group = entry.kind == ActorKind::ArmedGroup
                    || entry
                        .affiliation
                        .as_deref()
                        .and_then(|name| kb.entry(name))
                        .is_some_and(|affiliation| affiliation.kind == ActorKind::ArmedGroup);
                Some(ActorHit {
                    start: found.start,
                    end: found.end,
                    name: entry.name.clone(),
                    kind: entry.kind,
                    country: entry.country.clone(),
                    parent: entry.parent.clone(),
                    affiliation: entry.affiliation.clone(),
                    speaks_for_group,
                    alias: found.alias,
                    metonym: found.metonym,
                })
            })
            .collect::<Vec<_>>();
        let demonyms = kb.find_demonyms(text);
        let mut actors = actors;
        add_demonym_agents(text, kb, &demonyms, &mut actors);
        let context = context_countries(&actors, &demonyms);
        let places = places.find(text, caps, &context, &actors, &words);
        // One token index serves both the date and the count readers.
        let index = TextIndex::new(text);
        let dates = find_dates_in(&index, published);
        let counts = find_counts_in(&index);
        Analysis {
            text,
            sentences,
            paragraph_of,
            words,
            sentence_words,
            sentence_lower,
            actors,
            places,
            dates,
            counts,
            demonyms,
        }
    }

    /// The words of sentence `index`.
    pub(crate) fn words_of(&self, index: usize) -> &[Word] {
        self.sentence_words
            .get(index)
            .and_then(|range| self.words.get(range.clone()))
            .unwrap_or(&[])
    }

    /// Sentence `index`, lower-cased (empty when out of range).
    pub(crate) fn lower_sentence(&self, index: usize) -> &str {
        self.sentence_lower.get(index).map_or("", String::as_str)
    }

    /// Text of a byte range (empty when out of range).
    pub(crate) fn slice(&self, start: usize, end: usize) -> &'t str {
        self.text.get(start..end).unwrap_or("")
    }

    /// Actors inside a byte range (binary search: mentions are sorted by start).
    pub(crate) fn actors_in(&self, range: Range<usize>) -> impl Iterator<Item = &ActorHit> {
        let first = self.actors.partition_point(|hit| hit.start < range.start);
        self.actors[first..]
            .iter()
            .take_while(move |hit| hit.start < range.end)
            .filter(move |hit| hit.end <= range.end)
    }

    /// Places inside a byte range.
    pub(crate) fn places_in(&self, range: Range<usize>) -> impl Iterator<Item = &PlaceHit> {
        let first = self.places.partition_point(|hit| hit.start < range.start);
        self.places[first..]
            .iter()
            .take_while(move |hit| hit.start < range.end)
            .filter(move |hit| hit.end <= range.end)
    }

    /// Dates inside a byte range.
    pub(crate) fn dates_in(&self, range: Range<usize>) -> impl Iterator<Item = &DateMention> {
        let first = self.dates.partition_point(|hit| hit.start < range.start);
        self.dates[first..]
            .iter()
            .take_while(move |hit| hit.start < range.end)
            .filter(move |hit| hit.end <= range.end)
    }

    /// Counts inside a byte range.
    pub(crate) fn counts_in(&self, range: Range<usize>) -> impl Iterator<Item = &CountMention> {
        let first = self.counts.partition_point(|hit| hit.start < range.start);
        self.counts[first..]
            .iter()
            .take_while(move |hit| hit.start < range.end)
            .filter(move |hit| hit.end <= range.end)
    }

    /// Demonym country codes inside a byte range.
    pub(crate) fn demonyms_in(&self, range: Range<usize>) -> impl Iterator<Item = &str> {
        let first = self.demonyms.partition_point(|(start, _, _)| *start < range.start);
        self.demonyms[first..]
            .iter()
            .take_while(move |(start, _, _)| *start < range.end)
            .filter(move |(_, end, _)| *end <= range.end)
            .map(|(_, _, code)| code.as_str())
    }
}

/// Nouns that, after a demonym, name a state's organs: "Russian counter-terrorism sources",
/// "the American Embassy", "Austrian police".
const AGENT_NOUNS: &[&str] = &[
    "sources",
    "officials",
    "authorities",
    "police",
    "forces",
    "embassy",
    "intelligence",
    "services",
    "government",
    "troops",
    "army",
    "prosecutors",
    "investigators",
    "security",
    "military",
    "diplomats",
    "ministry",
    "consulate",
    "soldiers",
    "navy",
    "air",
];

/// Demonym phrases that act for their state become actor mentions of that state.
fn add_demonym_agents(
    text: &str,
    kb: &Kb,
    demonyms: &[(usize, usize, String)],
    actors: &mut Vec<ActorHit>,
) {
    for (start, end, code) in demonyms {
        if actors.iter().any(|actor| actor.start <= *start && *start < actor.end) {
            continue;
        }
        let tail = text.get(*end..(*end + 48).min(text.len())).unwrap_or("");
        let mut agent_end = None;
        let mut offset = 0;
        for word in tail.split(' ').take(4) {
            let clean =
                word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase();
            offset += word.len() + 1;
            if AGENT_NOUNS.contains(&clean.as_str()) {
                agent_end = Some(
                    *end + offset
                        - 1
                        - (word.len()
                            - word.trim_end_matches(|c: char| !c.is_alphanumeric()).len()),
                );
                break;
            }
            if word.ends_with(',') || word.ends_with('.') {
                break;
            }
        }
        let Some(agent_end) = agent_end else { continue };
        let Some(state) = kb.entries().iter().find(|entry| {
            entry.kind == ActorKind::State && entry.country.as_deref() == Some(code.as_str())
        }) else {
            continue;
        };
        let agent_end = agent_end.min(text.len());
        if !text.is_char_boundary(agent_end) {
            continue;
        }
        actors.push(ActorHit {
            start: *start,
            end: agent_end,
            name: state.name.clone(),
            kind: ActorKind::State,
            country: state.country.clone(),
            parent: None,
            affiliation: None,
            speaks_for_group: false,
            alias: text[*start..agent_end].to_string(),
            metonym: false,
        });
    }
    actors.sort_by_key(|actor| actor.start);
}

/// Countries the document is about, most mentioned first: states, their agencies and demonyms.
fn context_countries(actors: &[ActorHit], demonyms: &[(usize, usize, String)]) -> Vec<String> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    let mentions = actors
        .iter()
        .filter(|hit| matches!(hit.kind, ActorKind::State | ActorKind::StateAgency))
        .filter_map(|hit| hit.country.as_deref().map(|code| (hit.start, code)))
        .chain(demonyms.iter().map(|(start, _, code)| (*start, code.as_str())));
    for (start, code) in mentions {
        match counts.iter_mut().find(|(known, _, _)| known == code) {
            Some(entry) => entry.1 += 1,
            None => counts.push((code.to_string(), 1, start)),
        }
    }
    counts.sort_by(|left, right| right.1.cmp(&left.1).then(left.2.cmp(&right.2)));
    counts.into_iter().map(|(code, _, _)| code).collect()
}
