//! The reader on hostile input: any text gives no panic, spans stay inside the text, and
//! pathological input finishes.

#![allow(clippy::unwrap_used, reason = "tests stop on setup errors")]

use proptest::prelude::*;
use vigil_domain::{Document, DocumentId, MediaType, OffsetMap};
use vigil_extract::Extractor;
use vigil_reader::Reader;

fn document(text: String) -> Document {
    Document {
        id: DocumentId::from_text(&text),
        origin: "test".into(),
        source: Some("Test Wire".into()),
        url: None,
        title: None,
        author: None,
        published: chrono::NaiveDate::from_ymd_opt(2024, 3, 29),
        language: Some("en".into()),
        media_type: MediaType::Text,
        text,
        raw: Vec::new(),
        offsets: OffsetMap::default(),
        warnings: Vec::new(),
        duplicate_of: None,
        ingested_at: None,
    }
}

fn check(text: String) {
    let length = text.len();
    let extraction = Reader::default().extract(&document(text));
    let spans = extraction
        .incidents
        .iter()
        .flat_map(|incident| incident.evidence.iter())
        .chain(extraction.claims.iter().flat_map(|claim| claim.evidence.iter()))
        .chain(extraction.actors.iter().flat_map(|actor| actor.evidence.iter()));
    for span in spans {
        assert!(span.start <= span.end && span.end <= length, "span {span:?} outside {length}");
    }
}

const WORDS: &[&str] = &[
    "the",
    "attack",
    "killed",
    "at least 40",
    "people",
    "in",
    "Moscow",
    "on March 22",
    "Islamic",
    "State",
    "claimed",
    "responsibility",
    "denied",
    "by Kyiv",
    "FSB",
    "arrested",
    "plotting",
    ".",
    ",",
    "\n\n",
    "IS",
    "Kaluga",
    "synagogue",
    "warned",
    "likely",
    "the same day",
    "they",
    "–",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_text_reads_without_panic(text in "\\PC{0,400}") {
        check(text);
    }

    #[test]
    fn news_like_word_salad_reads_without_panic(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..120)) {
        check(words.join(" "));
    }
}

#[test]
fn one_long_sentence_finishes() {
    let text = "gunmen attacked the hall and killed six people in Moscow ".repeat(20_000);
    check(text);
}

#[test]
fn repeated_tokens_finish() {
    check("attack ".repeat(100_000));
    check("IS ".repeat(100_000));
}

#[test]
fn deep_nesting_finishes() {
    check(format!(
        "{}Gunmen attacked a hotel in Kabul.{}",
        "(\"[".repeat(20_000),
        "]\")".repeat(20_000)
    ));
}

#[test]
fn empty_and_whitespace_texts_give_nothing() {
    for text in ["", " ", "\n\n\n", "..."] {
        let extraction = Reader::default().extract(&document(text.to_string()));
        assert!(extraction.incidents.is_empty() && extraction.claims.is_empty());
    }
}
