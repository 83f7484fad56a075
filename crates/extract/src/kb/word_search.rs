//! Searching an automaton of names only where a name can begin: at word starts whose first
//! word is the first word of some name.
//!
//! Both knowledge-base matchers accept a hit only when it is not glued to a word on either
//! side ([`bounded`](super::variants::bounded)), so a name that opens with a word character
//! can only start where a word starts, and only where that word (up to its first non-word
//! character) is the opening word of some name, up to ASCII case. One hash probe per word
//! rules out nearly every start; the automaton is walked, anchored, from the rest. Scanning
//! every byte of the text through an automaton of thousands of names cost more than all the
//! other rules of the reader put together.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
// Keys are short words hashed once per word of every text read: a fast non-keyed hash fits.
use rustc_hash::FxHashSet;

use super::variants::is_word;

/// An anchored, leftmost-longest automaton over names, with the opening words of the names.
#[derive(Debug, Clone)]
pub(crate) struct WordSearch {
    /// The names that open with a word character, by their index in `names`.
    words: Named,
    /// [`opening_word`] of every name in `words`.
    opening_words: FxHashSet<String>,
    /// The few names that open otherwise ("'Amaq"), scanned for at every byte.
    others: Option<Named>,
}

/// An automaton and, per its pattern, the index of the name in the caller's list.
#[derive(Debug, Clone)]
struct Named {
    automaton: AhoCorasick,
    index: Vec<usize>,
}

impl WordSearch {
    /// Compiles `names`, matched ASCII-case-insensitively.
    pub(crate) fn build(names: &[String]) -> Result<Self, aho_corasick::BuildError> {
        let (mut words, mut others) = (Vec::new(), Vec::new());
        for (index, name) in names.iter().enumerate() {
            if name.chars().next().is_some_and(is_word) {
                words.push(index);
            } else {
                others.push(index);
            }
        }
        let words = Named {
            automaton: AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(words.iter().map(|&index| &names[index]))?,
            index: words,
        };
        let others = if others.is_empty() {
            None
        } else {
            Some(Named {
                automaton: AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(others.iter().map(|&index| &names[index]))?,
                index: others,
            })
        };
        let mut buffer = String::new();
        let opening_words = words
            .index
            .iter()
            .map(|&index| opening_word(&names[index], &mut buffer).to_string())
            .collect();
        Ok(Self { words, opening_words, others })
    }

    /// Every name starting at a word start of `haystack` (which is `text` with the same
    /// offsets): `(start, end, name index)`, by start, longest first at each start. With
    /// `all_lengths`, every name matching at a start is reported, else only the longest.
    /// Names opening with punctuation are reported wherever they occur, overlapping or not.
    pub(crate) fn find(
        &self,
        text: &str,
        haystack: &[u8],
        all_lengths: bool,
    ) -> Vec<(usize, usize, usize)> {
        let mut hits = Vec::new();
        let mut buffer = String::new();
        let mut previous_is_word = false;
        for (start, character) in text.char_indices() {
            let starts_word = is_word(character) && !previous_is_word;
            previous_is_word = is_word(character);
            if !starts_word
                || !self.opening_words.contains(opening_word(&text[start..], &mut buffer))
            {
                continue;
            }
            let mut end = haystack.len();
            loop {
                let input = Input::new(haystack).span(start..end).anchored(Anchored::Yes);
                let Ok(Some(hit)) = self.words.automaton.try_find(input) else { break };
                hits.push((start, hit.end(), self.words.index[hit.pattern().as_usize()]));
                // Names are distinct, so a shorter one ends earlier: search again before it.
                if !all_lengths || hit.end() <= start + 1 {
                    break;
                }
                end = hit.end() - 1;
            }
        }
        if let Some(others) = &self.others {
            let before = hits.len();
            hits.extend(
                others
                    .automaton
                    .find_overlapping_iter(haystack)
                    .map(|hit| (hit.start(), hit.end(), others.index[hit.pattern().as_usize()])),
            );
            if hits.len() > before {
                hits.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
            }
        }
        hits
    }
}

/// The word characters `text` opens with, ASCII-lower-cased into `buffer` (emptied first).
///
/// Two spellings equal up to ASCII case (what an ASCII-case-insensitive automaton matches) have
/// equal opening words, and a bounded hit's opening word is the text's, so a prefilter on
/// opening words drops no hit. The reader's place finder uses it the same way.
pub fn opening_word<'b>(text: &str, buffer: &'b mut String) -> &'b str {
    buffer.clear();
    buffer.extend(
        text.chars()
            .take_while(|&character| is_word(character))
            .map(|character| character.to_ascii_lowercase()),
    );
    buffer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|name| (*name).to_string()).collect()
    }

    #[test]
    fn finds_every_length_at_a_word_start_and_nothing_inside_words() {
        let search = WordSearch::build(&names(&["Islamic State", "Islamic State Khorasan", "IS"]))
            .expect("names compile");
        let text = "This Islamic State Khorasan cell; islamic state";
        let found = search.find(text, text.as_bytes(), true);
        // "Is" opening "Islamic" is found too: the callers' boundary check drops it.
        assert_eq!(found, vec![(5, 27, 1), (5, 18, 0), (5, 7, 2), (34, 47, 0), (34, 36, 2)]);
        assert_eq!(search.find(text, text.as_bytes(), false), vec![(5, 27, 1), (34, 47, 0)]);
    }

    #[test]
    fn a_name_opening_with_punctuation_is_found_anywhere() {
        let search = WordSearch::build(&names(&["Amaq", "'Amaq"])).expect("names compile");
        let text = "via 'Amaq and Amaq";
        assert_eq!(
            search.find(text, text.as_bytes(), true),
            vec![(4, 9, 1), (5, 9, 0), (14, 18, 0)]
        );
    }
}
