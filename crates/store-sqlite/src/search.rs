//! Full-text search: turning what a user types into an FTS5 query that cannot fail to parse,
//! and running it with BM25 ranking and snippets.
//!
//! FTS5's query language gives meaning to `-`, `:`, `^`, `*`, `(`, `"`, `AND`, `OR`, `NOT` and
//! `NEAR`; a user searching for `IS-K` wants none of that. So every word becomes a quoted FTS5
//! string (inner quotes cannot occur: they delimit phrases), which the tokenizer then splits
//! exactly as it split the indexed text. Words are implicitly ANDed; `"…"` keeps a phrase; a
//! trailing `*` on a word asks for a prefix match (the tokenizer does no stemming for languages
//! other than English, so `красногорск*` is how to find inflected Russian forms).

use rusqlite::{Connection, params};
use vigil_store::{SearchHit, StoreError, StoreResult, search_terms};

use crate::queries;
use crate::rows::{date_from_sql, id_from_sql};

/// Runs a full-text search, best first.
pub(crate) fn search(
    connection: &Connection,
    query: &str,
    limit: usize,
) -> StoreResult<Vec<SearchHit>> {
    // A query with nothing searchable in it (only punctuation) matches nothing rather than failing.
    let Some(fts_query) = fts_query(query) else {
        return Ok(Vec::new());
    };
    if limit == 0 {
        return Ok(Vec::new());
    }
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    type Row = (String, Option<String>, Option<String>, Option<String>, f64, String);
    let rows: Vec<Row> = connection
        .prepare_cached(queries::SEARCH)
        .and_then(|mut statement| {
            statement
                .query_map(params![fts_query, limit], |row| {
                    Ok((
                        row.get("id")?,
                        row.get("title")?,
                        row.get("source")?,
                        row.get("published")?,
                        row.get("score")?,
                        row.get("snippet")?,
                    ))
                })?
                .collect()
        })
        .map_err(|error| search_error(query, &error))?;
    rows.into_iter()
        .map(|(id, title, source, published, score, snippet)| {
            let published = published
                .map(|date| date_from_sql(&date, &format!("document {id}")))
                .transpose()?;
            Ok(SearchHit { id: id_from_sql(&id)?, title, source, published, score, snippet })
        })
        .collect()
}

/// The FTS5 query for what the user typed, or `None` when it has no word to search for.
pub(crate) fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = search_terms(input)
        .into_iter()
        .map(|term| {
            // A term never contains a double quote (quotes delimit phrases), so quoting it is
            // enough; the tokenizer then splits it exactly as it split the indexed text.
            let star = if term.prefix { "*" } else { "" };
            format!("\"{}\"{star}", term.text)
        })
        .collect();
    if terms.is_empty() { None } else { Some(terms.join(" ")) }
}

/// FTS5 reports query syntax problems as ordinary SQLite errors; those are the caller's query,
/// not a broken store.
fn search_error(query: &str, error: &rusqlite::Error) -> StoreError {
    let message = error.to_string();
    if message.contains("fts5") {
        StoreError::InvalidQuery(format!("{query:?}: {message}"))
    } else {
        crate::error::backend("cannot search", error)
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[track_caller]
    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(fts_query(input).as_deref(), expected, "input: {input:?}");
    }

    #[test]
    fn words_are_quoted_and_anded() {
        check("crocus  city", Some(r#""crocus" "city""#));
        check("IS-K", Some(r#""IS-K""#));
        check("AND( OR NOT", Some(r#""AND(" "OR" "NOT""#));
        check("col:umn ^start NEAR(a b)", Some(r#""col:umn" "^start" "NEAR(a" "b)""#));
    }

    #[test]
    fn quotes_keep_phrases() {
        check(r#""city hall" attack"#, Some(r#""city hall" "attack""#));
        check(r#"attack"city hall""#, Some(r#""attack" "city hall""#));
        check(r#"IS-K ""#, Some(r#""IS-K""#));
        check(r#""open phrase"#, Some(r#""open phrase""#));
    }

    #[test]
    fn trailing_star_asks_for_a_prefix() {
        check("красногорск*", Some(r#""красногорск"*"#));
        check("a*b", Some(r#""a*b""#));
    }

    #[test]
    fn nothing_searchable_is_none() {
        check("", None);
        check("   ", None);
        check(r#"" - * ( ) """#, None);
        check("***", None);
    }
}
