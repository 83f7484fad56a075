//! Errors raised while loading or merging knowledge-base data.

use thiserror::Error;

/// Why a knowledge-base file could not be loaded or merged.
#[derive(Debug, Error)]
pub enum KbError {
    /// The TOML text did not parse or did not fit the schema.
    #[error("cannot parse {origin}: {source}")]
    Parse {
        /// Which file or input it was.
        origin: String,
        /// The parser's error.
        #[source]
        source: toml::de::Error,
    },
    /// An entry or alias name was empty.
    #[error("{origin}: an entry or alias is empty (near {near:?})")]
    Empty {
        /// Which file or input it was.
        origin: String,
        /// The entry it belongs to, or the last entry read.
        near: String,
    },
    /// A new entry gave no kind and its file set no default kind.
    #[error("{origin}: entry {name:?} has no kind")]
    MissingKind {
        /// Which file or input it was.
        origin: String,
        /// The entry's canonical name.
        name: String,
    },
    /// A country code was not two capital ASCII letters.
    #[error("entry {name:?} has country {country:?}, which is not an iso 3166-1 alpha-2 code")]
    BadCountry {
        /// The entry (or demonym word) it was found on.
        name: String,
        /// The offending value.
        country: String,
    },
    /// A parent or affiliation names no entry.
    #[error("entry {name:?} refers to {target:?} as its {field}, but no entry has that name")]
    UnknownReference {
        /// The entry that refers.
        name: String,
        /// `parent` or `affiliation`.
        field: &'static str,
        /// The name it refers to.
        target: String,
    },
    /// The pattern automaton could not be built.
    #[error("cannot build the alias matcher: {0}")]
    Matcher(String),
}
