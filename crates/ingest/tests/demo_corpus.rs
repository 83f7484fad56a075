//! The demo corpus in the repository (`demo/corpus`): every report reads with the publisher and
//! date that the corpus README's table gives, and no page chrome reaches the text.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use vigil_domain::Document;
use vigil_ingest::{Input, ReadOptions, expand, read};

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../demo/corpus")
}

/// The README's "Files" table: file (with `#item=N`) → (publisher, published).
fn expected() -> BTreeMap<String, (String, String)> {
    let readme = std::fs::read_to_string(corpus().join("../README.md")).unwrap();
    readme
        .lines()
        .filter(|line| {
            line.starts_with("| `")
                && line.contains(".html`") | line.contains(".txt`") | line.contains("#item=")
        })
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            (cells[1].trim_matches('`').to_string(), (cells[3].to_string(), cells[4].to_string()))
        })
        .collect()
}

fn documents() -> Vec<Document> {
    let inputs: Vec<Input> =
        ["feeds", "html", "text"].iter().map(|dir| Input::Path(corpus().join(dir))).collect();
    let mut documents = Vec::new();
    for unit in expand(&inputs) {
        let output = read(&unit.unwrap(), &ReadOptions::default());
        assert!(output.failures.is_empty(), "{:?}", output.failures);
        output.documents.iter().for_each(common::check_offsets);
        documents.extend(output.documents);
    }
    documents
}

#[test]
fn every_report_reads_with_its_publisher_and_date() {
    let expected = expected();
    assert_eq!(expected.len(), 36);
    let documents = documents();
    assert_eq!(documents.len(), 36);
    for document in &documents {
        let key = document.origin.split("corpus/").nth(1).unwrap();
        let (publisher, published) = &expected[key];
        // The syndicated copy is "Northwire (subscriber copy)" in the table.
        assert!(
            publisher.starts_with(document.source.as_deref().unwrap_or("?")),
            "{key}: {:?}",
            document.source
        );
        assert_eq!(
            document.published.map(|date| date.to_string()).as_ref(),
            Some(published),
            "{key}"
        );
        assert_eq!(document.language.as_deref(), Some("en"), "{key}");
        assert!(document.title.is_some(), "{key}");
        assert!(document.warnings.is_empty(), "{key}: {:?}", document.warnings);
    }
}

#[test]
fn no_page_chrome_reaches_the_text() {
    let chrome = [
        "cookies",
        "Share on",
        "Copy link",
        "Advertisement",
        "Related stories",
        "Newsletter",
        "Subscribe",
        "Privacy policy",
        "©",
        "@",
        "All rights reserved",
        "+44",
        "(Reporting by",
        "Topics:",
        "Search",
    ];
    for document in documents() {
        for piece in chrome {
            assert!(!document.text.contains(piece), "{}: {piece:?} in the text", document.origin);
        }
        assert!(document.text.split("\n\n").count() >= 4, "{}: paragraphs lost", document.origin);
    }
}

#[test]
fn wire_copy_keeps_headline_and_dateline() {
    let path = corpus().join("text/northwire-2024-03-22-crocus-concert-hall-shooting.txt");
    let unit = expand(&[Input::Path(path)]).next().unwrap().unwrap();
    let document = read(&unit, &ReadOptions::default()).documents.remove(0);
    let mut paragraphs = document.text.split("\n\n");
    assert_eq!(paragraphs.next(), document.title.as_deref());
    assert!(paragraphs.next().unwrap().contains("(Northwire) - "));
    assert_eq!(document.source.as_deref(), Some("Northwire"));
}
