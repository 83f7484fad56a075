//! What a user typed into a search, split into terms every backend quotes its own way.
//!
//! The query language is one for all backends, so users see one behaviour: words are ANDed,
//! `"…"` keeps a phrase (to the next quote, or the end when left open), and a trailing `*` on a
//! word asks for a prefix match. A term with nothing a tokenizer would index (only punctuation)
//! is dropped, so a backend never has to parse an empty operand.

/// One word or phrase of a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchTerm<'a> {
    /// The word, or the phrase's words; never contains a double quote.
    pub text: &'a str,
    /// Whether a trailing `*` asked for a prefix match (the `*` is not in `text`).
    pub prefix: bool,
}

/// The terms of `input`, in order; empty when it holds nothing to search for.
pub fn search_terms(input: &str) -> Vec<SearchTerm<'_>> {
    let mut terms = Vec::new();
    let mut rest = input;
    while let Some(start) = rest.find(|character: char| !character.is_whitespace()) {
        rest = &rest[start..];
        let (text, prefix) = if let Some(phrase) = rest.strip_prefix('"') {
            let end = phrase.find('"').unwrap_or(phrase.len());
            rest = phrase.get(end + 1..).unwrap_or("");
            (&phrase[..end], false)
        } else {
            let end = rest
                .find(|character: char| character.is_whitespace() || character == '"')
                .unwrap_or(rest.len());
            let word = &rest[..end];
            rest = &rest[end..];
            (word.trim_end_matches('*'), word.ends_with('*'))
        };
        if text.chars().any(char::is_alphanumeric) {
            terms.push(SearchTerm { text, prefix });
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::{SearchTerm, search_terms};

    fn terms(input: &str) -> Vec<(&str, bool)> {
        search_terms(input).into_iter().map(|SearchTerm { text, prefix }| (text, prefix)).collect()
    }

    #[test]
    fn words_phrases_and_prefixes() {
        assert_eq!(terms("crocus  city"), [("crocus", false), ("city", false)]);
        assert_eq!(terms(r#"attack"city hall""#), [("attack", false), ("city hall", false)]);
        assert_eq!(terms(r#""open phrase"#), [("open phrase", false)]);
        assert_eq!(terms("красногорск* a*b"), [("красногорск", true), ("a*b", false)]);
        assert!(terms(r#"" - * ( ) """#).is_empty());
    }
}
