//! A role lexicon learned from a MUC-4 training split: which phrases fill which role, and how
//! often a phrase that appears in a message fills that role there.
//!
//! Training counts, per normalised phrase (at most [`MAX_WORDS`] words): the messages whose key
//! lists it as a mention of some role's entity, per role, and the messages whose text holds it.
//! A phrase's role is its most frequent one; its *precision* is the share of the messages holding
//! it in which it filled that role. Reading a message, the lexicon finds its phrases (longest
//! first, on word boundaries, articles skipped as the scorer skips them) and keeps those whose
//! precision and support clear the thresholds; the adapter hangs each on the nearest incident.
//!
//! Mentions the key lists for one entity ("FMLN", "Farabundo Marti National Liberation Front")
//! are tied, so that a message naming both yields one entity, not two.
//!
//! It is a model, not data: a few thousand counts, rebuilt from the training split in about a
//! second by `vigil train muc4`, and never built from the split it is scored on.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::score::normalise;
use super::{GoldDocument, Role};

/// Longest phrase the lexicon holds, in words.
pub const MAX_WORDS: usize = 6;

/// Counts for one phrase.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Messages in which it filled each role, in [`Role::ALL`] order.
    pub filled: [u32; 5],
    /// Messages whose text holds it.
    pub appears: u32,
    /// The phrase its entity is named by most often (itself unless tied to a better-known one).
    pub entity: String,
}

impl Entry {
    /// The phrase's most frequent role, with the messages it filled it in.
    pub fn role(&self) -> (Role, u32) {
        Role::ALL
            .into_iter()
            .map(|role| (role, self.filled[role as usize]))
            .max_by_key(|&(role, count)| (count, std::cmp::Reverse(role)))
            .unwrap_or((Role::PerpInd, 0))
    }

    /// Share of the messages holding the phrase in which it filled its role.
    pub fn precision(&self) -> f64 {
        f64::from(self.role().1) / f64::from(self.appears.max(1))
    }
}

/// The lexicon, with the thresholds it reads with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Lexicon {
    /// Messages it was trained on.
    pub messages: usize,
    /// Phrases kept only when they filled their role in at least this many messages.
    pub min_support: u32,
    /// Phrases kept only when at least this share of the messages holding them were filled.
    pub min_precision: f64,
    /// Normalised phrase to counts.
    pub entries: BTreeMap<String, Entry>,
}

/// One phrase found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Byte range in the text.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Its role.
    pub role: Role,
    /// The name of its entity, normalised (hits with one entity name are one entity).
    pub entity: String,
}

/// Words of a text with their byte ranges, normalised as the scorer normalises, articles and
/// punctuation-only words dropped.
pub fn words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (index, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(index),
            (true, Some(from)) => {
                let word = normalise(&text[from..index]);
                if !word.is_empty() {
                    out.push((word, from, index));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

impl Lexicon {
    /// Counts phrases over training messages: `(key, text)` pairs.
    pub fn train(
        messages: &[(&GoldDocument, &str)],
        min_support: u32,
        min_precision: f64,
    ) -> Lexicon {
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        // Ties between mentions of one entity, counted over entities.
        let mut ties: HashMap<String, HashMap<String, u32>> = HashMap::new();
        for (gold, _) in messages {
            let mut filled: HashSet<(String, Role)> = HashSet::new();
            for template in &gold.templates {
                for role in Role::ALL {
                    for entity in template.roles.get(role) {
                        let names: Vec<String> = entity
                            .iter()
                            .map(|m| normalise(m))
                            .filter(|m| !m.is_empty() && m.split(' ').count() <= MAX_WORDS)
                            .collect();
                        for name in &names {
                            filled.insert((name.clone(), role));
                            for other in &names {
                                *ties
                                    .entry(name.clone())
                                    .or_default()
                                    .entry(other.clone())
                                    .or_default() += 1;
                            }
                        }
                    }
                }
            }
            for (name, role) in filled {
                entries.entry(name).or_default().filled[role as usize] += 1;
            }
        }
        // How often each known phrase appears in the text of a message with an incident: the
        // lexicon is read only where the reader found one, so that is the base rate to beat.
        for (_, text) in messages.iter().filter(|(gold, _)| !gold.templates.is_empty()) {
            let tokens: Vec<String> = words(text).into_iter().map(|(w, _, _)| w).collect();
            let mut seen: HashSet<String> = HashSet::new();
            for start in 0..tokens.len() {
                let mut phrase = String::new();
                for token in tokens.iter().skip(start).take(MAX_WORDS) {
                    if !phrase.is_empty() {
                        phrase.push(' ');
                    }
                    phrase.push_str(token);
                    if entries.contains_key(&phrase) {
                        seen.insert(phrase.clone());
                    }
                }
            }
            for phrase in seen {
                if let Some(entry) = entries.get_mut(&phrase) {
                    entry.appears += 1;
                }
            }
        }
        // A phrase's entity: the tied phrase filled most often (ties broken by name).
        let support: HashMap<String, u32> =
            entries.iter().map(|(name, entry)| (name.clone(), entry.role().1)).collect();
        for (name, entry) in entries.iter_mut() {
            entry.entity = ties
                .get(name)
                .into_iter()
                .flatten()
                .map(|(other, _)| other)
                .max_by_key(|other| {
                    (support.get(*other).copied().unwrap_or(0), std::cmp::Reverse((*other).clone()))
                })
                .cloned()
                .unwrap_or_else(|| name.clone());
        }
        entries
            .retain(|_, entry| entry.role().1 >= min_support && entry.precision() >= min_precision);
        Lexicon { messages: messages.len(), min_support, min_precision, entries }
    }

    /// The lexicon's phrases in a text, longest first and not overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let tokens = words(text);
        let mut hits = Vec::new();
        let mut index = 0;
        while index < tokens.len() {
            let mut best: Option<(usize, &Entry)> = None;
            let mut phrase = String::new();
            for (length, (token, _, _)) in tokens[index..].iter().take(MAX_WORDS).enumerate() {
                if !phrase.is_empty() {
                    phrase.push(' ');
                }
                phrase.push_str(token);
                if let Some(entry) = self.entries.get(&phrase) {
                    best = Some((length + 1, entry));
                }
            }
            match best {
                Some((length, entry)) => {
                    hits.push(Hit {
                        start: tokens[index].1,
                        end: tokens[index + length - 1].2,
                        role: entry.role().0,
                        entity: entry.entity.clone(),
                    });
                    index += length;
                }
                None => index += 1,
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::muc4::{GoldTemplate, Roles};

    fn key(fills: &[(Role, &[&str])]) -> GoldDocument {
        let mut roles = Roles::default();
        for (role, mentions) in fills {
            roles.get_mut(*role).push(mentions.iter().map(|m| m.to_string()).collect());
        }
        GoldDocument {
            docid: "x".into(),
            templates: vec![GoldTemplate {
                incident_types: vec!["attack".into()],
                roles,
                ..Default::default()
            }],
        }
    }

    #[test]
    fn learns_roles_precision_and_ties() {
        let a = key(&[
            (Role::PerpOrg, &["FMLN", "Farabundo Marti National Liberation Front"]),
            (Role::Weapon, &["bomb"]),
        ]);
        let b = key(&[(Role::PerpOrg, &["FMLN"])]);
        let c = key(&[]);
        let messages = [
            (&a, "THE FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) PLANTED A BOMB."),
            (&b, "THE FMLN ATTACKED."),
            (&c, "A BOMB WAS FOUND AND DEFUSED BY THE FMLN."),
        ];
        let lexicon = Lexicon::train(&messages, 1, 0.5);
        let fmln = &lexicon.entries["fmln"];
        assert_eq!((fmln.role(), fmln.appears), ((Role::PerpOrg, 2), 3));
        assert_eq!(lexicon.entries["farabundo marti national liberation front"].entity, "fmln");
        // "bomb" filled one of the two messages holding it: precision 0.5, kept.
        assert!(lexicon.entries.contains_key("bomb"));
        let strict = Lexicon::train(&messages, 1, 0.6);
        assert!(!strict.entries.contains_key("bomb"));
        let hits = lexicon.find("GUERRILLAS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT");
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].role, hits[0].entity.as_str()), (Role::PerpOrg, "fmln"));
        assert_eq!(
            &"GUERRILLAS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT"
                [hits[0].start..hits[0].end],
            "FARABUNDO MARTI NATIONAL LIBERATION FRONT"
        );
    }
}
