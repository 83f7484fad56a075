//! `vigil ingest` of the demo corpus: the summary line, the `--json` report, idempotence and the
//! one syndicated near-copy pair.

use super::support::{Sandbox, count_files, demo, demo_corpus, demo_store, id, origin, uint};

const ORIGINAL: &str = "text/northwire-2024-03-23-crocus-toll-133-eleven-detained.txt";
const SYNDICATED: &str = "text/northwire-2024-03-23-crocus-toll-133-eleven-detained-syndicated.txt";

#[test]
fn the_demo_corpus_ingests_with_one_near_duplicate() {
    let run = &demo_store().run;
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let summary = run.summary();
    assert_eq!(summary.inputs, count_files(&demo_corpus()), "one input per file: {summary:?}");
    assert!(summary.new >= 30, "{summary:?}");
    assert_eq!(summary.duplicate, 0, "{summary:?}");
    assert_eq!(summary.near_duplicate, 1, "{summary:?}");
    assert_eq!(summary.failed, 0, "{summary:?}");
    assert!(run.failures().is_empty(), "{}", run.stderr);
    // Every new document and the near-copy are stored.
    let sandbox = Sandbox::with_demo();
    assert_eq!(sandbox.docs().len() as u64, summary.new + summary.near_duplicate);
}

#[test]
fn the_json_report_has_the_summary_counts() {
    let summary = demo_store().run.summary();
    let sandbox = Sandbox::new();
    let report = sandbox.json(&[&"ingest", &demo_corpus()]);
    let object = report.as_object().unwrap_or_else(|| panic!("not an object: {report}"));
    for key in ["inputs", "new", "duplicate", "near_duplicate", "failed", "warnings"] {
        assert!(object.contains_key(key), "no {key:?} in {report:#}");
    }
    assert_eq!(uint(&report["inputs"]), summary.inputs);
    assert_eq!(uint(&report["new"]), summary.new);
    assert_eq!(uint(&report["duplicate"]), 0);
    assert_eq!(uint(&report["near_duplicate"]), 1);
    assert_eq!(report["failed"].as_array().map(Vec::len), Some(0), "{report:#}");
    assert!(report["warnings"].is_array(), "{report:#}");
    assert_eq!(sandbox.docs().len() as u64, summary.new + summary.near_duplicate);
}

#[test]
fn ingesting_twice_stores_nothing_new() {
    let first = demo_store().run.summary();
    let sandbox = Sandbox::with_demo();
    let mut before: Vec<String> = sandbox.docs().iter().map(|doc| id(doc).to_string()).collect();

    let second = sandbox.run(&[&"ingest", &demo_corpus()]).success().summary();
    assert_eq!(second.inputs, first.inputs, "{second:?}");
    assert_eq!(second.new, 0, "{second:?}");
    assert_eq!(second.near_duplicate, 0, "{second:?}");
    assert_eq!(second.duplicate, first.new + first.near_duplicate, "{second:?}");
    assert_eq!(second.failed, 0, "{second:?}");

    let mut after: Vec<String> = sandbox.docs().iter().map(|doc| id(doc).to_string()).collect();
    before.sort();
    after.sort();
    assert_eq!(before, after);
}

#[test]
fn the_syndicated_copy_is_linked_to_its_original() {
    let sandbox = Sandbox::with_demo();
    let docs = sandbox.docs();
    let copies: Vec<_> = docs.iter().filter(|doc| !doc["duplicate_of"].is_null()).collect();
    assert_eq!(copies.len(), 1, "{copies:#?}");
    let original = sandbox.doc_from(ORIGINAL);
    let copy = sandbox.doc_from(SYNDICATED);
    assert!(original["duplicate_of"].is_null(), "the original is linked: {original:#}");
    assert_eq!(copy["duplicate_of"].as_str(), Some(id(&original)), "{copy:#}");

    let prefix = &id(&copy)[..6];
    let shown = sandbox.run(&[&"show", &prefix]).success();
    assert!(shown.stdout.contains("near-copy:"), "{}", shown.stdout);
    assert!(shown.stdout.contains(id(&original)), "{}", shown.stdout);
}

#[test]
fn a_near_copy_read_after_its_original_is_linked_to_it() {
    let sandbox = Sandbox::new();
    let first = sandbox.run(&[&"ingest", &demo(ORIGINAL)]).success().summary();
    assert_eq!((first.new, first.near_duplicate), (1, 0), "{first:?}");
    let second = sandbox.run(&[&"ingest", &demo(SYNDICATED)]).success().summary();
    assert_eq!((second.new, second.duplicate, second.near_duplicate), (0, 0, 1), "{second:?}");

    let original = sandbox.doc_from(ORIGINAL);
    let copy = sandbox.doc_from(SYNDICATED);
    assert!(original["duplicate_of"].is_null(), "{original:#}");
    assert_eq!(copy["duplicate_of"].as_str(), Some(id(&original)), "{copy:#}");

    let copy_prefix = &id(&copy)[..6];
    let shown = sandbox.run(&[&"show", &copy_prefix]).success();
    let line = shown.stdout.lines().find(|line| line.starts_with("near-copy:"));
    let line = line.unwrap_or_else(|| panic!("no near-copy line:\n{}", shown.stdout));
    assert!(line.contains(id(&original)), "{line}");
    let original_prefix = &id(&original)[..6];
    let not_a_copy = sandbox.run(&[&"show", &original_prefix]).success();
    assert!(!not_a_copy.stdout.contains("near-copy:"), "{}", not_a_copy.stdout);

    // --originals leaves the copy out.
    let originals = sandbox.json(&[&"docs", &"--originals"]);
    let listed: Vec<&str> = originals.as_array().unwrap().iter().map(origin).collect();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(listed[0].ends_with(ORIGINAL), "{listed:?}");
}
