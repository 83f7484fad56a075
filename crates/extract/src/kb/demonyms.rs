//! Demonyms and nationality words: "Tajik", "Tajikistani", "Afghans", "Chechen" to ISO codes.
//!
//! Each word also matches with a plural "s" and a possessive. In text with case information
//! a demonym must start with a capital ("Polish" the nationality, not "polish" the verb).
//! Phrases listed as `not_demonyms` ("Latin American") swallow the words inside them.

use std::collections::HashMap;

use super::KbError;
use super::data::key;
use super::variants::{bounded, is_caseless, spaced, variants};
use super::word_search::WordSearch;

/// The compiled demonym table of one knowledge base.
#[derive(Debug, Clone)]
pub(crate) struct Demonyms {
    /// `None` when there is nothing to look for.
    search: Option<WordSearch>,
    /// Per pattern, the ISO2 code it names; `None` for phrases that are never demonyms.
    codes: Vec<Option<String>>,
    /// Lookup key of each word (and its plural) to its ISO2 code; the first declaration wins.
    lookup: HashMap<String, String>,
}

impl Demonyms {
    /// Compiles `words` (word, ISO2) and the phrases of `not_demonyms`.
    pub(crate) fn build(
        words: &[(String, String)],
        not_demonyms: &[String],
    ) -> Result<Self, KbError> {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut texts: Vec<String> = Vec::new();
        let mut codes: Vec<Option<String>> = Vec::new();
        let mut lookup = HashMap::new();
        let mut add = |spelling: String, code: Option<&String>| {
            ids.entry(spelling.to_ascii_lowercase()).or_insert_with(|| {
                texts.push(spelling);
                codes.push(code.cloned());
                codes.len() - 1
            });
        };
        for (word, code) in words {
            lookup.entry(key(word)).or_insert_with(|| code.clone());
            for spelling in variants(word) {
                if !spelling.ends_with(['s', 'S']) {
                    add(format!("{spelling}s"), Some(code));
                }
                add(spelling, Some(code));
            }
        }
        for phrase in not_demonyms {
            for spelling in variants(phrase) {
                add(spelling, None);
            }
        }
        if texts.is_empty() {
            return Ok(Self::empty());
        }
        let search = WordSearch::build(&texts).map_err(|e| KbError::Matcher(e.to_string()))?;
        Ok(Self { search: Some(search), codes, lookup })
    }

    /// A table that knows no demonyms.
    pub(crate) fn empty() -> Self {
        Self { search: None, codes: Vec::new(), lookup: HashMap::new() }
    }

    /// The ISO2 code a single word names ("Tajiks" -> "TJ"), case-insensitively.
    pub(crate) fn code(&self, word: &str) -> Option<&str> {
        let mut word = key(word);
        for suffix in ["'s", "'"] {
            if let Some(stripped) = word.strip_suffix(suffix) {
                word = stripped.to_string();
                break;
            }
        }
        if let Some(code) = self.lookup.get(&word) {
            return Some(code);
        }
        word.strip_suffix('s').and_then(|singular| self.lookup.get(singular)).map(String::as_str)
    }

    /// Every demonym in `text`: (start, end, ISO2), sorted by start, non-overlapping.
    pub(crate) fn find(&self, text: &str) -> Vec<(usize, usize, String)> {
        let Some(search) = &self.search else { return Vec::new() };
        let caseless = is_caseless(text);
        let haystack = spaced(text);
        let mut out = Vec::new();
        let mut taken_to = 0;
        for (start, end, pattern) in search.find(text, &haystack, false) {
            if start < taken_to
                || !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
                || !bounded(text, start, end)
            {
                continue;
            }
            taken_to = end;
            let Some(code) = &self.codes[pattern] else { continue };
            if caseless || text[start..end].chars().next().is_some_and(char::is_uppercase) {
                out.push((start, end, code.clone()));
            }
        }
        out
    }
}
