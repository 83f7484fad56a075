//! Reading the store back: `vigil search` (ranking, snippets, punctuation), `vigil show` and
//! `vigil docs` filters, over the demo corpus.

use serde_json::Value;

use super::support::{Sandbox, id};

fn hits(sandbox: &Sandbox, query: &str) -> Vec<Value> {
    let hits = sandbox.json(&[&"search", &query]);
    hits.as_array().unwrap_or_else(|| panic!("search --json is not an array: {hits}")).clone()
}

#[test]
fn search_finds_the_kaluga_plot_with_marked_snippets() {
    let sandbox = Sandbox::with_demo();
    let hits = hits(&sandbox, "Kaluga synagogue");
    assert!(!hits.is_empty(), "no hits");
    for hit in &hits {
        let snippet = hit["snippet"].as_str().unwrap().to_lowercase();
        assert!(
            snippet.contains("[kaluga]") || snippet.contains("[synagogue]"),
            "snippet without a marked term: {hit:#}"
        );
    }
    let scores: Vec<f64> = hits.iter().map(|hit| hit["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|pair| pair[0] >= pair[1]), "not best first: {scores:?}");

    // The text form shows the same hits, in the same order, with their snippets.
    let text = sandbox.run(&[&"search", &"Kaluga", &"synagogue"]).success();
    let ids: Vec<&str> = text.stdout.lines().filter(|line| !line.starts_with(' ')).collect();
    assert_eq!(ids.len(), hits.len(), "{}", text.stdout);
    for (line, hit) in ids.iter().zip(&hits) {
        assert!(line.starts_with(id(hit)), "{line:?} vs {hit}");
    }
}

#[test]
fn search_does_not_fail_on_punctuation() {
    let sandbox = Sandbox::with_demo();
    let stored = sandbox.docs().len();
    let queries = [
        "IS-K \"",
        "\"",
        "\"death toll",
        "'",
        "*",
        "(",
        ")",
        "-",
        "Crocus OR",
        "NEAR(",
        "AND",
        "^Kerman",
        "col:umn",
        "Moscow; DROP TABLE documents; --",
        "Crocus \u{2019}s",
    ];
    for query in queries {
        let hits = sandbox.run(&[&"--json", &"search", &query]);
        assert_eq!(hits.code, Some(0), "search {query:?} failed: {}", hits.stderr);
        assert!(hits.json().is_array(), "search {query:?}: {}", hits.stdout);
    }
    // The punctuation does not stop the words around it from matching.
    assert!(!hits(&sandbox, "IS-K \"").is_empty(), "IS-K occurs in the corpus");
    assert!(!hits(&sandbox, "\"death toll").is_empty(), "death toll occurs in the corpus");
    // The store is intact after the attempted injection.
    assert_eq!(sandbox.docs().len(), stored);
}

#[test]
fn a_word_not_in_the_corpus_finds_nothing() {
    let sandbox = Sandbox::with_demo();
    assert!(hits(&sandbox, "Zanzibarquux").is_empty());
    let text = sandbox.run(&[&"search", &"Zanzibarquux"]).success();
    assert!(text.stdout.is_empty(), "{}", text.stdout);
    assert!(text.stderr.contains("no matches"), "{}", text.stderr);
}

#[test]
fn docs_filters_by_source_and_date() {
    let sandbox = Sandbox::with_demo();
    let all = sandbox.docs();
    let listed = sandbox.json(&[&"docs", &"--source", &"Northwire"]);
    let northwire = listed.as_array().unwrap();
    let expected = all.iter().filter(|doc| doc["source"] == "Northwire").count();
    assert!(expected > 0);
    assert_eq!(northwire.len(), expected);

    let listed = sandbox.json(&[&"docs", &"--from", &"2024-03-22", &"--to", &"2024-03-23"]);
    let window = listed.as_array().unwrap();
    assert!(!window.is_empty());
    for doc in window {
        let date = doc["published"].as_str().unwrap();
        assert!(("2024-03-22"..="2024-03-23").contains(&date), "{doc:#}");
    }
    let expected = all
        .iter()
        .filter(|doc| {
            doc["published"].as_str().is_some_and(|d| ("2024-03-22"..="2024-03-23").contains(&d))
        })
        .count();
    assert_eq!(window.len(), expected);
}

#[test]
fn show_resolves_prefixes_and_rejects_unknown_ids() {
    let sandbox = Sandbox::with_demo();
    let docs = sandbox.docs();
    let doc = &docs[0];
    let prefix = &id(doc)[..5];
    let shown = sandbox.json(&[&"show", &prefix]);
    assert_eq!(shown["id"], doc["id"]);
    assert_eq!(shown["title"], doc["title"]);
    assert!(shown["origins"].as_array().is_some_and(|origins| !origins.is_empty()), "{shown:#}");

    let text = sandbox.run(&[&"show", &prefix]).success();
    assert!(text.stdout.starts_with(&format!("id:         {}\n", id(doc))), "{}", text.stdout);
    assert!(text.stdout.contains(shown["text"].as_str().unwrap()), "{}", text.stdout);

    let unknown = sandbox.run(&[&"show", &"zzzzzzzz"]).code(1);
    assert!(unknown.stdout.is_empty(), "{}", unknown.stdout);
    assert!(unknown.stderr.starts_with("vigil: "), "{}", unknown.stderr);
}
