//! Full-text search: turning what a user types into a tsquery that cannot fail to parse, and
//! running it against the generated `search` vector with ts_rank and ts_headline.
//!
//! The query language is the SQLite store's, so users see one behaviour: words are ANDed, `"…"`
//! keeps a phrase, a trailing `*` asks for a prefix match. Each word or phrase becomes one quoted
//! `to_tsquery` operand (quotes doubled, backslashes escaped), which PostgreSQL then splits with
//! the same parser and stemmer it used on the text; a quoted operand of several words becomes a
//! phrase (`<->`). Nothing the user types reaches the tsquery syntax unquoted, so `IS-K`, `!`,
//! `&`, `|`, `:` or `(` are words to look for, never operators.

use postgres::Client;
use vigil_store::{SearchHit, SearchTerm, StoreResult, search_terms};

use crate::error::Context;
use crate::queries;
use crate::rows::{get, id_from_sql, to_bigint};

/// Runs a full-text search, best first.
pub(crate) fn search(
    client: &mut Client,
    query: &str,
    limit: usize,
) -> StoreResult<Vec<SearchHit>> {
    // A query with nothing searchable in it (only punctuation) matches nothing rather than failing.
    let Some(ts_query) = ts_query(query) else {
        return Ok(Vec::new());
    };
    if limit == 0 {
        return Ok(Vec::new());
    }
    let rows = client
        .query(queries::SEARCH, &[&ts_query, &to_bigint(limit)])
        .with_context(|| format!("cannot search for {query:?}"))?;
    rows.iter()
        .map(|row| {
            let id: String = get(row, 0)?;
            Ok(SearchHit {
                id: id_from_sql(&id)?,
                title: get(row, 1)?,
                source: get(row, 2)?,
                published: get(row, 3)?,
                score: get(row, 4)?,
                snippet: get(row, 5)?,
            })
        })
        .collect()
}

/// The `to_tsquery` input for what the user typed, or `None` when it has no word to search for.
pub(crate) fn ts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = search_terms(input).into_iter().map(quote).collect();
    if terms.is_empty() { None } else { Some(terms.join(" & ")) }
}

/// One term as a quoted tsquery operand, `:*` after it for a prefix.
fn quote(term: SearchTerm<'_>) -> String {
    // PostgreSQL text cannot hold NUL; inside a quoted operand, `'` and `\` are the only
    // characters with a meaning, and doubling or escaping them makes them plain.
    let mut quoted = String::with_capacity(term.text.len() + 4);
    quoted.push('\'');
    for character in term.text.chars() {
        match character {
            '\0' => quoted.push(' '),
            '\'' => quoted.push_str("''"),
            '\\' => quoted.push_str("\\\\"),
            other => quoted.push(other),
        }
    }
    quoted.push('\'');
    if term.prefix {
        quoted.push_str(":*");
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::ts_query;

    #[track_caller]
    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(ts_query(input).as_deref(), expected, "input: {input:?}");
    }

    #[test]
    fn words_are_quoted_and_anded() {
        check("crocus  city", Some("'crocus' & 'city'"));
        check("IS-K", Some("'IS-K'"));
        check("a&b | !c", Some("'a&b' & '!c'"));
        check("o'brien back\\slash", Some("'o''brien' & 'back\\\\slash'"));
    }

    #[test]
    fn quotes_keep_phrases_and_stars_ask_for_prefixes() {
        check(r#""city hall" attack"#, Some("'city hall' & 'attack'"));
        check(r#""open phrase"#, Some("'open phrase'"));
        check("красногорск*", Some("'красногорск':*"));
    }

    #[test]
    fn nothing_searchable_is_none() {
        check("", None);
        check(r#"" - * ( ) """#, None);
        check("\u{0}", None);
    }
}
