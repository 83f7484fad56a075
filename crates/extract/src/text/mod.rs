//! The text base: sentences and tokens with byte offsets, shared by every reader module.
//!
//! This module owns how the reader sees raw text: where sentences start and end
//! ([`sentences()`]), what the words, numbers and punctuation are ([`tokens()`]), whether a document
//! is written in capitals like the MUC-4 wire copy ([`is_all_caps`]), and the small closed-class
//! lexicons (months, weekdays, number words, function words) that the date and count readers
//! share, so that every module agrees on what "March" or "dozens" is. A [`TextIndex`] holds a
//! text's tokens with their lexicon classes, so that callers running several readers tokenize
//! once.
//!
//! Everything here is pure, never panics on any `&str`, and runs in time linear in the input:
//! scanners look at each byte a bounded number of times and never compile anything per call.
//! All offsets are byte offsets into the text given, on `char` boundaries, end exclusive.

mod abbrev;
pub(crate) mod lexicon;
pub(crate) mod numbers;
mod sentences;
mod tokens;
pub(crate) mod view;
mod words;

use serde::Serialize;

pub use sentences::sentences;
pub use tokens::tokens;
pub use view::TextIndex;

/// One sentence: a byte span into the text, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character (exclusive).
    pub end: usize,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters and digits with internal hyphens or apostrophes: "IS-Khorasan", "Russia's", "M-16".
    Word,
    /// Digits only, with digit-group commas and a decimal point: "140", "1,200", "3.5".
    Number,
    /// One character of anything else: ".", "(", "-", "“".
    Punct,
}

/// One token: a byte span and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character (exclusive).
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

/// Whether the text is written mostly in capitals, like the 1989-90 MUC-4 wire copy.
///
/// True when at least 80% of the cased letters are upper case (and there is at least one).
/// Readers use it to stop trusting capitalisation as a cue for sentence starts or proper names.
pub fn is_all_caps(text: &str) -> bool {
    case_mode(text) == CaseMode::Upper
}

/// How the document uses letter case, which decides how much capitals can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseMode {
    /// Ordinary mixed case: a capital after a period starts a sentence, "march" is a verb.
    Mixed,
    /// Mostly capitals (MUC-4): capitals carry no information.
    Upper,
    /// Almost no capitals (chat, lower-cased corpora): capitals carry no information either.
    Lower,
}

/// Counts cased letters once over the whole text.
pub(crate) fn case_mode(text: &str) -> CaseMode {
    // Only ASCII letters are counted: two simple counting passes vectorise to a fraction of a
    // nanosecond per byte, and the cues that depend on case (English abbreviations, month
    // names) are ASCII anyway.
    let bytes = text.as_bytes();
    let upper = bytes.iter().filter(|byte| byte.is_ascii_uppercase()).count();
    let lower = bytes.iter().filter(|byte| byte.is_ascii_lowercase()).count();
    let total = upper + lower;
    if total == 0 {
        CaseMode::Mixed
    } else if upper * 5 >= total * 4 {
        CaseMode::Upper
    } else if total >= 20 && upper * 100 <= total {
        CaseMode::Lower
    } else {
        CaseMode::Mixed
    }
}

/// The largest char boundary at or below `index` (clamped to the text length).
pub(crate) fn floor_boundary(text: &str, index: usize) -> usize {
    text.floor_char_boundary(index.min(text.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_modes() {
        assert_eq!(case_mode("SIX PEASANTS WERE KILLED IN SAN SALVADOR."), CaseMode::Upper);
        assert_eq!(case_mode("Six peasants were killed."), CaseMode::Mixed);
        assert_eq!(case_mode("six peasants were killed in san salvador today."), CaseMode::Lower);
        assert_eq!(case_mode(""), CaseMode::Mixed);
        assert!(is_all_caps("THE U.S. EMBASSY"));
        assert!(!is_all_caps("1234"));
    }
}
