//! Bad inputs: one failure per bad file on standard error (naming it), exit code 1, the good
//! documents stored anyway, a second run adding nothing, and `--quiet` keeping standard output
//! empty.

use std::path::PathBuf;

use super::support::{Run, Sandbox, data, id, origin, uint};

/// PNG signature and the start of an IHDR chunk.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";

/// A report in Windows-1252: `\xe9` and `\x92` are not UTF-8.
const LATIN1: &[u8] =
    b"Grenade thrown into cafe in Epsilon\n\nA grenade was thrown into the Caf\xe9 \
    Central in Epsilon on Saturday night, injuring nine people, the city\x92s police chief said. \
    The attacker escaped on foot.\n";

/// One bad input: what its `failed:` line must name.
struct Bad {
    /// The origin printed: the path, with `#line=N` for a line of a dump.
    origin: String,
    /// A word of the reason, lowercase; empty when the reason is not pinned.
    reason: &'static str,
}

/// The batch: good and bad inputs mixed, each path once (the JSONL file is both).
struct Batch {
    paths: Vec<PathBuf>,
    bad: Vec<Bad>,
    latin1: PathBuf,
}

fn batch(sandbox: &Sandbox) -> Batch {
    let empty = sandbox.write("empty.txt", b"");
    let image = sandbox.write("image.png", PNG);
    let latin1 = sandbox.write("latin1.txt", LATIN1);
    let missing = sandbox.path("missing.txt");
    let jsonl = data("mixed.jsonl");
    let rss = data("truncated.rss");
    let paths = vec![
        empty.clone(),
        data("market-attack.txt"),
        image.clone(),
        latin1.clone(),
        jsonl.clone(),
        rss.clone(),
        missing.clone(),
    ];
    let named = |path: &PathBuf| path.display().to_string();
    let bad = vec![
        Bad { origin: named(&empty), reason: "empty" },
        Bad { origin: named(&image), reason: "binary" },
        Bad { origin: format!("{}#line=3", named(&jsonl)), reason: "json" },
        Bad { origin: named(&rss), reason: "feed" },
        Bad { origin: named(&missing), reason: "not found" },
    ];
    Batch { paths, bad, latin1 }
}

/// Documents the good inputs hold: the news text, the Windows-1252 text, three JSONL lines.
const GOOD_DOCUMENTS: usize = 5;

fn ingest_args(paths: &[PathBuf]) -> Vec<&dyn AsRef<std::ffi::OsStr>> {
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"ingest"];
    args.extend(paths.iter().map(|path| path as &dyn AsRef<std::ffi::OsStr>));
    args
}

#[test]
fn bad_inputs_fail_alone_and_name_themselves() {
    let sandbox = Sandbox::new();
    let Batch { paths, bad, latin1 } = batch(&sandbox);
    let run = sandbox.run(&ingest_args(&paths)).code(1);

    let failures = run.failures();
    for bad in &bad {
        let prefix = format!("failed: {}: ", bad.origin);
        let line = failures.iter().find(|line| line.starts_with(&prefix));
        let line = line.unwrap_or_else(|| panic!("no {prefix:?} line in:\n{}", run.stderr));
        assert!(line.to_lowercase().contains(bad.reason), "reason of {line:?}");
    }
    // Nothing fails that was good.
    for line in &failures {
        assert!(
            bad.iter().any(|bad| line.starts_with(&format!("failed: {}", bad.origin))),
            "unexpected failure {line:?}"
        );
    }
    let summary = run.summary();
    assert_eq!(summary.new as usize, GOOD_DOCUMENTS, "{summary:?}");
    assert_eq!(summary.failed as usize, failures.len(), "{summary:?}");

    // The good documents are stored, the bad ones not.
    let docs = sandbox.docs();
    assert_eq!(docs.len(), GOOD_DOCUMENTS, "{docs:#?}");
    let from_jsonl: Vec<&str> =
        docs.iter().map(origin).filter(|origin| origin.contains("mixed.jsonl")).collect();
    assert_eq!(from_jsonl.len(), 3, "{from_jsonl:?}");
    for doc in &docs {
        let origin = origin(doc);
        assert!(!bad.iter().any(|bad| bad.origin == origin), "a bad input was stored: {doc:#}");
    }

    // The Windows-1252 file is stored, decoded, with a warning.
    let latin1 = latin1.display().to_string();
    assert!(
        run.stderr.lines().any(|line| line.starts_with(&format!("warning: {latin1}: "))),
        "no warning for {latin1} in:\n{}",
        run.stderr
    );
    let doc = sandbox.doc_from("latin1.txt");
    let shown = sandbox.json(&[&"show", &id(&doc)]);
    let warnings = shown["warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|warning| warning.as_str().unwrap().to_lowercase().contains("utf-8")),
        "{shown:#}"
    );
    let text = shown["text"].as_str().unwrap();
    assert!(text.contains("grenade was thrown into the Caf"), "{text}");
    assert!(text.contains("injuring nine people"), "{text}");

    // Running the same batch again stores nothing and fails the same way; the report in
    // JSON lists the same failures, each with a reason.
    let mut command = sandbox.vigil();
    command.arg("--json").arg("ingest").args(&paths);
    let again = Run::of(&mut command).code(1).json();
    assert_eq!(uint(&again["new"]), 0, "{again:#}");
    assert_eq!(uint(&again["near_duplicate"]), 0, "{again:#}");
    assert_eq!(uint(&again["duplicate"]) as usize, GOOD_DOCUMENTS, "{again:#}");
    let failed = again["failed"].as_array().unwrap();
    let mut listed: Vec<String> = failed
        .iter()
        .map(|failure| {
            let reason = failure["reason"].as_str().unwrap();
            assert!(!reason.is_empty(), "{failure}");
            format!("failed: {}: {reason}", failure["origin"].as_str().unwrap())
        })
        .collect();
    let mut printed: Vec<String> = failures.iter().map(ToString::to_string).collect();
    listed.sort();
    printed.sort();
    assert_eq!(listed, printed, "the same failures again");
    assert_eq!(sandbox.docs(), docs);
}

#[test]
fn quiet_prints_nothing_on_stdout_but_failures_on_stderr() {
    let sandbox = Sandbox::new();
    let empty = sandbox.write("empty.txt", b"");
    let report = data("market-attack.txt");
    let run = sandbox.run(&[&"--quiet", &"ingest", &report, &empty]).code(1);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let failures = run.failures();
    assert_eq!(failures.len(), 1, "{}", run.stderr);
    assert!(failures[0].starts_with(&format!("failed: {}: ", empty.display())), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "only the failure: {}", run.stderr);
    assert_eq!(sandbox.docs().len(), 1, "the good input is stored");
}
