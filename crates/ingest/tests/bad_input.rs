//! Inputs that are not what they claim: empty, binary, broken UTF-8, legacy charsets, huge.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

mod common;

use common::{check_offsets, failures};
use vigil_ingest::{Format, FormatHint, Problem, ReadOptions, parse};

fn parse_default(origin: &str, bytes: &[u8]) -> vigil_ingest::UnitOutput {
    parse(origin, bytes, FormatHint::from_path(origin), &ReadOptions::default())
}

#[test]
fn an_empty_file_is_a_failure() {
    let output = parse_default("empty.txt", b"");
    assert!(output.documents.is_empty());
    assert_eq!(failures(&output), vec!["empty.txt: empty file"]);
}

#[test]
fn white_space_only_has_no_text() {
    let output = parse_default("blank.txt", b"  \n\n\t \n");
    assert_eq!(failures(&output), vec!["blank.txt: no text found"]);
}

#[test]
fn binary_content_is_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
    assert_eq!(
        failures(&parse_default("image.txt", png)),
        vec!["image.txt: binary content, not text"]
    );
    let controls: Vec<u8> = (0..400u32).map(|i| u8::try_from(i % 32).unwrap()).collect();
    assert_eq!(parse_default("noise.bin", &controls).failures[0].problem, Problem::Binary);
    let nul = b"looks like text\0but has a nul";
    assert_eq!(parse_default("nul.md", nul).failures[0].problem, Problem::Binary);
}

#[test]
fn invalid_utf8_is_repaired_with_a_warning() {
    let mut bytes = "Gunmen opened fire on the hall ".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xFF\xFE");
    bytes.extend_from_slice(
        "on Friday, and the café roof collapsed after the fire spread.".as_bytes(),
    );
    let output = parse_default("broken.txt", &bytes);
    assert!(output.failures.is_empty(), "{:?}", failures(&output));
    let document = &output.documents[0];
    check_offsets(document);
    assert!(document.text.contains('\u{FFFD}'), "{}", document.text);
    assert!(document.text.ends_with("the café roof collapsed after the fire spread."));
    assert_eq!(document.warnings, vec!["invalid utf-8 replaced (2 bytes)"]);
    // The stretch after the bad bytes still maps exactly.
    let at = document.text.find("on Friday").unwrap();
    let (start, end) = document.offsets.raw_range(at, at + 9).unwrap();
    assert_eq!(&document.raw[start..end], b"on Friday");
}

#[test]
fn a_legacy_charset_is_detected_and_noted() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1251
        .encode("Взрыв на складе\n\nВзрыв произошёл на складе топлива в порту в понедельник вечером, сообщили спасатели.");
    let output = parse_default("cp1251.txt", &bytes);
    let document = &output.documents[0];
    check_offsets(document);
    assert!(document.text.starts_with("Взрыв на складе\n\n"), "{}", document.text);
    assert_eq!(document.title.as_deref(), Some("Взрыв на складе"));
    assert_eq!(document.language.as_deref(), Some("ru"));
    assert_eq!(document.warnings, vec!["not valid utf-8; decoded as windows-1251"]);
    assert!(document.offsets.0.iter().all(|segment| !segment.exact));
}

#[test]
fn a_utf16_file_with_a_bom_is_read() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Curfew lifted in the old town after two quiet nights.".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let output = parse_default("utf16.txt", &bytes);
    assert_eq!(output.documents[0].text, "Curfew lifted in the old town after two quiet nights.");
}

#[test]
fn bytes_over_the_limit_are_refused() {
    let options = ReadOptions { max_bytes: 10, ..ReadOptions::default() };
    let output = parse("big.txt", b"more than ten bytes", FormatHint::none(), &options);
    assert_eq!(failures(&output), vec!["big.txt: too large: 19 bytes, the limit is 10"]);
}

#[test]
fn malformed_html_is_read_anyway() {
    let html = b"<html><body><div><p>Police cordoned off <b>the square <i>after the blast</p></div><p>Second";
    let output = parse_default("bad.html", html);
    assert!(output.failures.is_empty(), "{:?}", failures(&output));
    assert!(output.documents[0].text.contains("Police cordoned off the square after the blast"));
}

#[test]
fn html_without_any_text_is_a_failure() {
    let output = parse_default(
        "empty.html",
        b"<html><head><script>var a = 1;</script></head><body></body></html>",
    );
    assert_eq!(failures(&output), vec!["empty.html: no text found"]);
}

#[test]
fn every_format_survives_garbage() {
    let garbage = b"\xC3\x28<<<{{{,,,\"\"\n\n]]]>>>&#;&amp";
    for format in
        [Format::Text, Format::Markdown, Format::Html, Format::Feed, Format::JsonLines, Format::Csv]
    {
        let options = ReadOptions { format: Some(format), ..ReadOptions::default() };
        let output = parse("garbage", garbage, FormatHint::none(), &options);
        output.documents.iter().for_each(check_offsets);
        assert!(output.documents.len() + output.failures.len() >= 1, "{format:?}");
    }
}
