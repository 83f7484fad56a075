//! Helpers shared by the integration tests: fixture loading, offset checks and a readable
//! rendering of a unit's output for snapshots.

#![allow(dead_code, reason = "each test binary uses a different subset")]
#![allow(clippy::unwrap_used, reason = "tests fail loudly on broken fixtures")]

use std::fmt::Write as _;
use std::path::PathBuf;

use vigil_domain::Document;
use vigil_ingest::{FormatHint, ReadOptions, UnitOutput, parse};

/// The path of a fixture under `tests/data`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

/// Parses a fixture with default options; the origin is its bare file name.
pub(crate) fn parse_fixture(name: &str) -> UnitOutput {
    parse_fixture_with(name, &ReadOptions::default())
}

/// Parses a fixture with `options`; the origin is its bare file name.
pub(crate) fn parse_fixture_with(name: &str, options: &ReadOptions) -> UnitOutput {
    let bytes = std::fs::read(fixture(name)).unwrap();
    let output = parse(name, &bytes, FormatHint::from_path(name), options);
    output.documents.iter().for_each(check_offsets);
    output
}

/// The offset map's invariants: in bounds, sorted, not overlapping, and exact segments are
/// byte-for-byte copies of the raw bytes.
pub(crate) fn check_offsets(document: &Document) {
    let mut last_end = 0;
    for segment in &document.offsets.0 {
        assert!(segment.clean_start <= segment.clean_end, "{segment:?}");
        assert!(segment.clean_start >= last_end, "overlap at {segment:?}");
        assert!(segment.clean_end <= document.text.len(), "{segment:?}");
        assert!(
            segment.raw_start <= segment.raw_end && segment.raw_end <= document.raw.len(),
            "{segment:?}"
        );
        if segment.exact {
            assert_eq!(
                &document.raw[segment.raw_start..segment.raw_end],
                &document.text.as_bytes()[segment.clean_start..segment.clean_end],
                "exact segment differs: {segment:?}"
            );
        }
        last_end = segment.clean_end;
    }
}

/// A stable, readable rendering of a unit's output.
pub(crate) fn render(output: &UnitOutput) -> String {
    let mut out = String::new();
    for document in &output.documents {
        let exact = document.offsets.0.iter().filter(|segment| segment.exact).count();
        writeln!(out, "== {} ({})", document.origin, document.media_type.as_str()).unwrap();
        writeln!(out, "id: {}", document.id).unwrap();
        writeln!(out, "title: {:?}", document.title).unwrap();
        writeln!(out, "source: {:?}", document.source).unwrap();
        writeln!(out, "url: {:?}", document.url).unwrap();
        writeln!(out, "author: {:?}", document.author).unwrap();
        writeln!(out, "published: {:?}", document.published.map(|date| date.to_string())).unwrap();
        writeln!(out, "language: {:?}", document.language).unwrap();
        writeln!(out, "warnings: {:?}", document.warnings).unwrap();
        writeln!(
            out,
            "raw: {} bytes; segments: {} ({exact} exact)",
            document.raw.len(),
            document.offsets.0.len()
        )
        .unwrap();
        writeln!(out, "---\n{}\n---", document.text).unwrap();
    }
    for failure in &output.failures {
        writeln!(out, "!! {failure}").unwrap();
    }
    out
}

/// The failures of an output, as strings.
pub(crate) fn failures(output: &UnitOutput) -> Vec<String> {
    output.failures.iter().map(ToString::to_string).collect()
}
