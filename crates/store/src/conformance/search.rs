//! Checks of full-text search: ranking, every-word matching, phrases, snippets, and queries full
//! of punctuation that must never fail.

use vigil_domain::DocumentId;

use super::fixtures::sample_record;
use crate::{Record, SearchHit, Store};

/// Three documents: one about the Crocus attack in its title, one mentioning Crocus once deep in
/// a long text, one with "city" and "hall" apart.
fn search_records() -> Vec<Record> {
    let mut headline = sample_record("Gunmen opened fire on concert-goers at a venue near Moscow.");
    headline.document.title = Some("Crocus City Hall attack".to_string());
    let mut roundup = sample_record(
        "The weekly roundup covers arrests in Dushanbe, a warning issued by the embassy, new \
         sanctions on financiers, the trial of four suspects in the attack on Crocus, and a \
         militant statement released through the usual channels late on Sunday evening. \
         Regional officials also reported two minor incidents on the border.",
    );
    roundup.document.title = Some("Weekly security roundup".to_string());
    let mut council = sample_record("The hall where the council of the city meets was closed.");
    council.document.title = Some("Council meeting postponed".to_string());
    vec![headline, roundup, council]
}

fn put_search_records(store: &mut impl Store) -> Vec<DocumentId> {
    let records = search_records();
    store.put_records(&records).expect("put succeeds");
    records.into_iter().map(|record| record.document.id).collect()
}

fn hit_ids(hits: &[SearchHit]) -> Vec<DocumentId> {
    hits.iter().map(|hit| hit.id.clone()).collect()
}

fn search(store: &impl Store, query: &str) -> Vec<SearchHit> {
    store.search(query, 10).unwrap_or_else(|error| panic!("search {query:?} fails: {error}"))
}

/// A document with the terms in its title ranks above one with them once in a long text.
pub fn search_ranks_title_matches_first(mut store: impl Store) {
    let ids = put_search_records(&mut store);
    let hits = search(&store, "crocus");
    assert_eq!(hit_ids(&hits), [ids[0].clone(), ids[1].clone()]);
    assert!(hits[0].score > hits[1].score, "higher score is better: {hits:?}");
    assert_eq!(hits[0].title.as_deref(), Some("Crocus City Hall attack"));
    let document = store.document(&ids[0]).expect("get").expect("stored");
    assert_eq!((&hits[0].source, hits[0].published), (&document.source, document.published));
}

/// Every word must occur; case does not matter.
pub fn search_requires_every_word(mut store: impl Store) {
    let ids = put_search_records(&mut store);
    assert_eq!(hit_ids(&search(&store, "CROCUS moscow")), [ids[0].clone()]);
    assert_eq!(hit_ids(&search(&store, "crocus dushanbe")), [ids[1].clone()]);
    assert_eq!(hit_ids(&search(&store, "crocus zanzibar")), []);
}

/// A quoted phrase matches only the words in that order.
pub fn search_keeps_quoted_phrases(mut store: impl Store) {
    let ids = put_search_records(&mut store);
    let mut loose = hit_ids(&search(&store, "city hall"));
    loose.sort();
    let mut expected = vec![ids[0].clone(), ids[2].clone()];
    expected.sort();
    assert_eq!(loose, expected);
    assert_eq!(hit_ids(&search(&store, "\"city hall\"")), [ids[0].clone()]);
    assert_eq!(hit_ids(&search(&store, "\"hall city\"")), []);
}

/// Snippets show the matched terms wrapped in `[` and `]`.
pub fn search_snippet_marks_matched_terms(mut store: impl Store) {
    let ids = put_search_records(&mut store);
    let hits = search(&store, "dushanbe");
    assert_eq!(hit_ids(&hits), [ids[1].clone()]);
    assert!(hits[0].snippet.contains("[Dushanbe]"), "{:?}", hits[0].snippet);
    let hits = search(&store, "embassy");
    assert!(hits[0].snippet.contains("[embassy]"), "{:?}", hits[0].snippet);
    assert!(
        hits[0].snippet.len() < 400,
        "a snippet is a passage, not the text: {:?}",
        hits[0].snippet
    );
}

/// Queries full of punctuation and query-language words never fail.
pub fn search_survives_punctuation(mut store: impl Store) {
    put_search_records(&mut store);
    let queries = [
        "IS-K \"",
        "\"",
        "\"\"",
        "\"\"\"\"",
        "AND(",
        "OR",
        "NOT",
        "AND",
        "NEAR(crocus hall)",
        "crocus:",
        "title:crocus",
        "^crocus",
        "*",
        "crocus*",
        "(",
        ")",
        "-crocus",
        "+crocus",
        "'",
        "'; DROP TABLE documents; --",
        "\\",
        "{crocus}",
        "[crocus]",
        "crocus OR",
        "a AND(b",
        "",
        "   ",
        "…",
        "🙂",
        "%",
        "_",
        "crocus NOT hall",
        "\u{0}",
    ];
    for query in queries {
        let result = store.search(query, 10);
        assert!(result.is_ok(), "search {query:?} fails: {result:?}");
    }
    assert_eq!(store.stats().expect("stats").documents, 3);
}

/// Words joined by punctuation in the query find the same words in the text.
pub fn search_finds_words_split_by_punctuation(mut store: impl Store) {
    let mut record = sample_record("IS-K claimed the attack through its Amaq channel.");
    record.document.title = Some("Claim of responsibility".to_string());
    store.put_records(std::slice::from_ref(&record)).expect("put succeeds");
    for query in ["IS-K", "is-k", "IS-K claimed", "\"IS-K claimed\"", "amaq."] {
        assert_eq!(hit_ids(&search(&store, query)), [record.document.id.clone()], "{query:?}");
    }
}

/// At most `limit` hits, the best ones.
pub fn search_respects_limit(mut store: impl Store) {
    let ids = put_search_records(&mut store);
    let hits = store.search("crocus", 1).expect("search succeeds");
    assert_eq!(hit_ids(&hits), [ids[0].clone()]);
    assert_eq!(store.search("crocus", 0).expect("search succeeds"), []);
}
