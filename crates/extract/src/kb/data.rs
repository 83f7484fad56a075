//! The knowledge base's data files: their TOML schema, the built-in files, and merging.
//!
//! Every file has the same shape, so a user file can add to any category:
//!
//! ```toml
//! kind = "armed_group"            # default kind for this file's new entries (optional)
//! not_actors = ["Latin America"]  # phrases that must never be read as an actor
//! not_demonyms = ["Latin American"]
//!
//! [[entry]]
//! name = "Islamic State Khorasan Province"   # canonical name
//! parent = "Islamic State"                   # canonical name of the parent
//! country = "AF"                             # ISO 3166-1 alpha-2, optional
//! affiliation = "..."                        # people: canonical org or state, optional
//! aliases = ["ISKP", { text = "IS-K", case_sensitive = true }]
//! metonyms = ["Khorasan"]                    # aliases with metonym = true
//!
//! [[demonym]]
//! country = "TJ"
//! words = ["Tajik", "Tajikistani"]
//! ```
//!
//! An alias table takes `text`, `case_sensitive`, `metonym`, `caps` (`always`, `context` or
//! `never`: whether it may match in text without case information) and `shared` (the alias
//! may also name another entry). An entry whose name is already known (case-insensitively)
//! extends that entry: its aliases are added (or re-flagged) and its fields override.

use std::collections::HashMap;

use serde::Deserialize;
use vigil_domain::ActorKind;

use super::{Alias, CapsRule, Entry, KbError};

/// The data files compiled into the binary, in load order (earlier entries win ties).
pub(crate) const BUILTIN_FILES: &[(&str, &str)] = &[
    ("states.toml", include_str!("../../data/states.toml")),
    ("armed_groups.toml", include_str!("../../data/armed_groups.toml")),
    ("agencies.toml", include_str!("../../data/agencies.toml")),
    ("organizations.toml", include_str!("../../data/organizations.toml")),
    ("people.toml", include_str!("../../data/people.toml")),
    ("populations.toml", include_str!("../../data/populations.toml")),
    ("demonyms.toml", include_str!("../../data/demonyms.toml")),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    kind: Option<ActorKind>,
    #[serde(default)]
    entry: Vec<RawEntry>,
    #[serde(default)]
    demonym: Vec<RawDemonym>,
    #[serde(default)]
    not_actors: Vec<String>,
    #[serde(default)]
    not_demonyms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: String,
    kind: Option<ActorKind>,
    country: Option<String>,
    parent: Option<String>,
    affiliation: Option<String>,
    #[serde(default)]
    aliases: Vec<RawAlias>,
    #[serde(default)]
    metonyms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawAlias {
    Text(String),
    Full(FullAlias),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FullAlias {
    text: String,
    #[serde(default)]
    case_sensitive: bool,
    #[serde(default)]
    metonym: bool,
    caps: Option<CapsRule>,
    #[serde(default)]
    shared: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDemonym {
    country: String,
    words: Vec<String>,
}

/// Everything the data files say, merged in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct KbData {
    /// Actors, in declaration order.
    pub(crate) entries: Vec<Entry>,
    /// Demonym words and the ISO2 code they name, in declaration order.
    pub(crate) demonyms: Vec<(String, String)>,
    /// Phrases never read as actors.
    pub(crate) not_actors: Vec<String>,
    /// Phrases never read as demonyms.
    pub(crate) not_demonyms: Vec<String>,
}

/// The lookup key for names: trimmed, straight apostrophes, lower case, single spaces.
pub(crate) fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }));
    }
    out.to_lowercase()
}

fn check_country(name: &str, country: &str) -> Result<(), KbError> {
    if country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(KbError::BadCountry { name: name.to_string(), country: country.to_string() })
    }
}

fn alias_from_raw(raw: RawAlias, origin: &str, near: &str) -> Result<Alias, KbError> {
    let alias = match raw {
        RawAlias::Text(text) => Alias::plain(text.trim()),
        RawAlias::Full(full) => {
            let caps = full.caps.unwrap_or(if full.case_sensitive {
                CapsRule::Context
            } else {
                CapsRule::Always
            });
            Alias {
                text: full.text.trim().to_string(),
                case_sensitive: full.case_sensitive,
                metonym: full.metonym,
                caps,
                shared: full.shared,
            }
        }
    };
    if alias.text.is_empty() {
        return Err(KbError::Empty { origin: origin.to_string(), near: near.to_string() });
    }
    Ok(alias)
}

/// Adds `alias` to `aliases`, replacing the flags of an alias with the same text.
fn add_alias(aliases: &mut Vec<Alias>, alias: Alias) {
    match aliases.iter_mut().find(|a| a.text == alias.text) {
        Some(existing) => *existing = alias,
        None => aliases.push(alias),
    }
}

impl KbData {
    /// Reads one TOML file and merges it into what is already loaded.
    pub(crate) fn apply(&mut self, origin: &str, text: &str) -> Result<(), KbError> {
        let file: RawFile = toml::from_str(text)
            .map_err(|source| KbError::Parse { origin: origin.to_string(), source })?;
        let mut index: HashMap<String, usize> =
            self.entries.iter().enumerate().map(|(i, e)| (key(&e.name), i)).collect();
        for raw in file.entry {
            let name = raw.name.trim().to_string();
            if name.is_empty() {
                let near = self.entries.last().map(|e| e.name.clone()).unwrap_or_default();
                return Err(KbError::Empty { origin: origin.to_string(), near });
            }
            if let Some(country) = &raw.country {
                check_country(&name, country)?;
            }
            let mut aliases = Vec::with_capacity(raw.aliases.len() + raw.metonyms.len());
            for alias in raw.aliases {
                aliases.push(alias_from_raw(alias, origin, &name)?);
            }
            for metonym in raw.metonyms {
                let mut alias = alias_from_raw(RawAlias::Text(metonym), origin, &name)?;
                alias.metonym = true;
                aliases.push(alias);
            }
            match index.get(&key(&name)) {
                Some(&i) => {
                    let entry = &mut self.entries[i];
                    if let Some(kind) = raw.kind {
                        entry.kind = kind;
                    }
                    entry.country = raw.country.or(entry.country.take());
                    entry.parent = raw.parent.or(entry.parent.take());
                    entry.affiliation = raw.affiliation.or(entry.affiliation.take());
                    for alias in aliases {
                        add_alias(&mut entry.aliases, alias);
                    }
                }
                None => {
                    let Some(kind) = raw.kind.or(file.kind) else {
                        return Err(KbError::MissingKind { origin: origin.to_string(), name });
                    };
                    let mut all = Vec::with_capacity(aliases.len() + 1);
                    if !aliases.iter().any(|a| key(&a.text) == key(&name)) {
                        all.push(Alias::plain(&name));
                    }
                    for alias in aliases {
                        add_alias(&mut all, alias);
                    }
                    index.insert(key(&name), self.entries.len());
                    self.entries.push(Entry {
                        name,
                        kind,
                        country: raw.country,
                        parent: raw.parent,
                        aliases: all,
                        affiliation: raw.affiliation,
                    });
                }
            }
        }
        for demonym in file.demonym {
            for word in demonym.words {
                let word = word.trim().to_string();
                check_country(&word, &demonym.country)?;
                if word.is_empty() {
                    return Err(KbError::Empty {
                        origin: origin.to_string(),
                        near: demonym.country.clone(),
                    });
                }
                self.demonyms.push((word, demonym.country.clone()));
            }
        }
        self.not_actors.extend(file.not_actors.into_iter().map(|s| s.trim().to_string()));
        self.not_demonyms.extend(file.not_demonyms.into_iter().map(|s| s.trim().to_string()));
        Ok(())
    }

    /// Checks that every parent and affiliation names an entry, and rewrites them to that
    /// entry's canonical spelling.
    pub(crate) fn resolve_references(&mut self) -> Result<(), KbError> {
        let names: HashMap<String, String> =
            self.entries.iter().map(|e| (key(&e.name), e.name.clone())).collect();
        for entry in &mut self.entries {
            for (field, target) in
                [("parent", &mut entry.parent), ("affiliation", &mut entry.affiliation)]
            {
                if let Some(written) = target.as_mut() {
                    match names.get(&key(written)) {
                        Some(canonical) => canonical.clone_into(written),
                        None => {
                            return Err(KbError::UnknownReference {
                                name: entry.name.clone(),
                                field,
                                target: written.clone(),
                            });
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
