//! The knowledge base the reader uses: actors, states and their metonyms, agencies, demonyms.
//!
//! This module owns who the reader can recognise and under which names: armed groups, states
//! (with capitals and seats of government as metonyms), state agencies and forces, people,
//! organisations and population groups, each with a canonical name (the one gold keys use),
//! aliases, a parent and a country; and the demonyms that map nationality words to ISO codes.
//! The data lives in TOML files under `crates/extract/data/`, compiled in and parsed once
//! ([`Kb::builtin`]); a user file can extend it ([`Kb::merged_with`]). Matching is one
//! Aho-Corasick pass per text ([`Kb::find_actors`], [`Kb::find_demonyms`]).

mod data;
mod demonyms;
mod error;
mod matcher;
mod variants;
mod word_search;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;
use vigil_domain::ActorKind;

pub use error::KbError;
pub use matcher::{ActorMatch, MatchOptions};
pub use word_search::opening_word;

use data::{BUILTIN_FILES, KbData, key};
use demonyms::Demonyms;
use matcher::Matcher;

/// Whether a case-sensitive alias may match in text without case information (all capitals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapsRule {
    /// Always: the spelling is not an ordinary word ("FMLN").
    #[default]
    Always,
    /// Only when the same text also names the entry another way ("SL" beside "SHINING PATH").
    Context,
    /// Never: in capitals it is an ordinary word ("IS", "US").
    Never,
}

/// A name an entry goes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The name as listed.
    pub text: String,
    /// Must be written with this case (a lower-case first letter may be capitalised).
    pub case_sensitive: bool,
    /// A capital or seat of government standing for the state ("Moscow", "the Kremlin"), or a
    /// region standing for a group ("Khorasan"): the reader decides by context.
    pub metonym: bool,
    /// What to do in text without case information.
    pub caps: CapsRule,
    /// The alias may also name another entry (the matcher then picks by context).
    pub shared: bool,
}

impl Alias {
    /// A case-insensitive, literal alias.
    pub fn plain(text: &str) -> Self {
        Self {
            text: text.to_string(),
            case_sensitive: false,
            metonym: false,
            caps: CapsRule::Always,
            shared: false,
        }
    }
}

/// One actor the reader knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Canonical name, as the codebook and gold keys spell it.
    pub name: String,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-2 code of its country or main area of operation, if it has one.
    pub country: Option<String>,
    /// Canonical name of the organisation or state it belongs to.
    pub parent: Option<String>,
    /// Every name it goes by, the canonical name first.
    pub aliases: Vec<Alias>,
    /// For people: the canonical organisation or state they act for.
    pub affiliation: Option<String>,
}

/// The knowledge base: entries, their name index, and the compiled matchers.
#[derive(Debug, Clone)]
pub struct Kb {
    data: KbData,
    by_name: HashMap<String, usize>,
    matcher: Matcher,
    demonyms: Demonyms,
}

impl Kb {
    /// The built-in knowledge base, parsed on first use.
    ///
    /// The built-in data is checked by the test suite; should it ever fail to load, this
    /// returns an empty knowledge base rather than panic.
    pub fn builtin() -> &'static Kb {
        static BUILTIN: OnceLock<Kb> = OnceLock::new();
        BUILTIN.get_or_init(|| Self::try_builtin().unwrap_or_else(|_| Self::empty()))
    }

    /// Loads the built-in data files, reporting the first problem.
    pub fn try_builtin() -> Result<Kb, KbError> {
        let mut data = KbData::default();
        for (origin, text) in BUILTIN_FILES {
            data.apply(origin, text)?;
        }
        Self::from_data(data)
    }

    /// A knowledge base with the entries of this one plus those of a user TOML file (same
    /// schema as the built-in files): entries with a new name are added; entries with an
    /// existing canonical name gain its aliases and take its fields.
    pub fn merged_with(&self, toml_text: &str) -> Result<Kb, KbError> {
        let mut data = self.data.clone();
        data.apply("user file", toml_text)?;
        Self::from_data(data)
    }

    fn empty() -> Kb {
        let data = KbData::default();
        Kb { by_name: HashMap::new(), matcher: Matcher::empty(), demonyms: Demonyms::empty(), data }
    }

    fn from_data(mut data: KbData) -> Result<Kb, KbError> {
        data.resolve_references()?;
        let mut by_name = HashMap::new();
        for (i, entry) in data.entries.iter().enumerate() {
            by_name.entry(key(&entry.name)).or_insert(i);
        }
        for (i, entry) in data.entries.iter().enumerate() {
            for alias in &entry.aliases {
                by_name.entry(key(&alias.text)).or_insert(i);
            }
        }
        let matcher = Matcher::build(&data.entries, &data.not_actors)?;
        let demonyms = Demonyms::build(&data.demonyms, &data.not_demonyms)?;
        Ok(Kb { data, by_name, matcher, demonyms })
    }

    /// Every entry, in declaration order ([`ActorMatch::entry`] indexes this slice).
    pub fn entries(&self) -> &[Entry] {
        &self.data.entries
    }

    /// The index of the entry a canonical name or alias names, case-insensitively.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.by_name.get(&key(name)).copied()
    }

    /// The entry a canonical name or alias names, case-insensitively.
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.index(name).map(|i| &self.data.entries[i])
    }

    /// The canonical name for a canonical name or alias ("ISIS-K" -> "Islamic State Khorasan
    /// Province").
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.entry(name).map(|e| e.name.as_str())
    }

    /// Actor aliases in `text`: leftmost-longest, non-overlapping, respecting word boundaries,
    /// sorted by start. Pass whole documents: in caseless text some short aliases only count
    /// when the same text names their entry another way.
    pub fn find_actors(&self, text: &str, options: MatchOptions) -> Vec<ActorMatch> {
        self.matcher.find(&self.data.entries, text, options)
    }

    /// The ISO2 code a nationality word names ("Tajik", "Tajiks" -> "TJ").
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonyms.code(word)
    }

    /// Every nationality word in `text`: (start, end, ISO2), sorted by start.
    pub fn find_demonyms(&self, text: &str) -> Vec<(usize, usize, String)> {
        self.demonyms.find(text)
    }

    /// The canonical names of the parent, its parent and so on ("ISIS-K" -> ["Islamic State"]).
    pub fn ancestors(&self, name: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let mut current = self.entry(name);
        while let Some(parent) = current.and_then(|e| e.parent.as_deref()) {
            let Some(next) = self.entry(parent) else { break };
            if out.contains(&next.name.as_str()) || out.len() > self.data.entries.len() {
                break;
            }
            out.push(&next.name);
            current = Some(next);
        }
        out
    }
}
