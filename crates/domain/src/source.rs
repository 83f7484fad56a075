//! Sources (publishers) and the Admiralty reliability grade they carry.

use serde::{Deserialize, Serialize};

/// A publisher or author that documents come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The publisher's name as ingested ("Dimensions for Strategic Studies").
    pub name: String,
    /// Admiralty reliability grade; `F` (cannot be judged) until an analyst sets it.
    pub reliability: Reliability,
}

impl Source {
    /// A source with the default grade, `F`.
    pub fn new(name: impl Into<String>) -> Self {
        Source { name: name.into(), reliability: Reliability::F }
    }
}

/// Admiralty (NATO AJP-2.1) source reliability, `A` (completely reliable) to `F` (cannot be
/// judged). It grades the source, never the information: credibility is a separate axis.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged (the default).
    #[default]
    F,
}

impl Reliability {
    /// The grade's letter.
    pub fn as_str(self) -> &'static str {
        match self {
            Reliability::A => "A",
            Reliability::B => "B",
            Reliability::C => "C",
            Reliability::D => "D",
            Reliability::E => "E",
            Reliability::F => "F",
        }
    }

    /// Parses a grade letter, case-insensitively.
    pub fn parse(text: &str) -> Option<Reliability> {
        match text.trim().to_ascii_uppercase().as_str() {
            "A" => Some(Reliability::A),
            "B" => Some(Reliability::B),
            "C" => Some(Reliability::C),
            "D" => Some(Reliability::D),
            "E" => Some(Reliability::E),
            "F" => Some(Reliability::F),
            _ => None,
        }
    }
}
