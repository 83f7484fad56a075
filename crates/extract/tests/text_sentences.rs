//! Sentence splitting, tokenization and case detection, as tables of input and expected output.

use vigil_extract::text::{TokenKind, is_all_caps, sentences, tokens};

/// Splits `input` and compares the sentence texts with `expected`.
fn check(input: &str, expected: &[&str]) {
    let got: Vec<&str> = sentences(input).iter().map(|s| &input[s.start..s.end]).collect();
    assert_eq!(got, expected, "input: {input:?}");
}

#[test]
fn abbreviations_titles_and_initials() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Mr. Smith went to Washington. He arrived on Jan. 5 with Dr. Jones.",
            &["Mr. Smith went to Washington.", "He arrived on Jan. 5 with Dr. Jones."],
        ),
        (
            "Lt. Col. John Smith met Sgt. Jones and Gen. Petrov. They talked.",
            &["Lt. Col. John Smith met Sgt. Jones and Gen. Petrov.", "They talked."],
        ),
        (
            "The U.S. Embassy warned citizens. The U.N. agreed.",
            &["The U.S. Embassy warned citizens.", "The U.N. agreed."],
        ),
        (
            "It moved to the U.S. The next day it left.",
            &["It moved to the U.S.", "The next day it left."],
        ),
        (
            "J. Smith and A. B. Jones arrived. They left.",
            &["J. Smith and A. B. Jones arrived.", "They left."],
        ),
        (
            "Some groups, e.g. IS, claimed it, i.e. publicly. Others did not.",
            &["Some groups, e.g. IS, claimed it, i.e. publicly.", "Others did not."],
        ),
        (
            "No. 4 was hit. St. Petersburg and Mt. Elbrus too.",
            &["No. 4 was hit.", "St. Petersburg and Mt. Elbrus too."],
        ),
        (
            "The Sept. 11 attacks changed everything. Mar. 22 did too.",
            &["The Sept. 11 attacks changed everything.", "Mar. 22 did too."],
        ),
        (
            "It happened at 10 a.m. The police came at 2 p.m. Friday.",
            &["It happened at 10 a.m.", "The police came at 2 p.m. Friday."],
        ),
        ("1. The first point. 2. The second.", &["1. The first point.", "2. The second."]),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn numbers_quotes_ellipses_and_marks() {
    let cases: &[(&str, &[&str])] = &[
        (
            "The rate was 3.5 percent. It rose to 1,200.",
            &["The rate was 3.5 percent.", "It rose to 1,200."],
        ),
        ("\"We will win.\" The crowd cheered.", &["\"We will win.\"", "The crowd cheered."]),
        ("\"Stop!\" he shouted. Then he ran.", &["\"Stop!\" he shouted.", "Then he ran."]),
        ("He said “it is over.” Then he left.", &["He said “it is over.”", "Then he left."]),
        ("He paused... Then he spoke.", &["He paused...", "Then he spoke."]),
        ("He waited… and waited.", &["He waited… and waited."]),
        ("Did IS act alone? Analysts doubt it!", &["Did IS act alone?", "Analysts doubt it!"]),
        ("It was (very) late.) Next.", &["It was (very) late.)", "Next."]),
        ("", &[]),
        ("  \n\n \t ", &[]),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn layout_headlines_datelines_and_paragraphs() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Gunmen attack concert hall\n\nGunmen opened fire on Friday.",
            &["Gunmen attack concert hall", "Gunmen opened fire on Friday."],
        ),
        (
            "MOSCOW, March 24 (Northwire) - Gunmen opened fire. Dozens died.",
            &["MOSCOW, March 24 (Northwire) - Gunmen opened fire.", "Dozens died."],
        ),
        (
            "Headline about an attack\n14 October 2023 - Paris bureau\n\nPARIS - Body text here.",
            &[
                "Headline about an attack",
                "14 October 2023 - Paris bureau",
                "PARIS - Body text here.",
            ],
        ),
        (
            "A wrapped headline about the\nattack on the hall\n\nBody.",
            &["A wrapped headline about the\nattack on the hall", "Body."],
        ),
        ("• 0044 2036\n• info@example.net", &["• 0044 2036", "• info@example.net"]),
        (
            "First paragraph without a stop\n\nSecond paragraph",
            &["First paragraph without a stop", "Second paragraph"],
        ),
        ("Windows\r\n\r\nline endings.\r\n", &["Windows", "line endings."]),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn all_caps_and_lower_case_wire_copy() {
    let cases: &[(&str, &[&str])] = &[
        (
            "SAN SALVADOR, 12 JAN 90 (RADIO CADENA) -- [TEXT] THE ARMY REPORTED THAT THE\nGUERRILLAS ATTACKED. IT WAS LATE.",
            &[
                "SAN SALVADOR, 12 JAN 90 (RADIO CADENA) -- [TEXT] THE ARMY REPORTED THAT THE\nGUERRILLAS ATTACKED.",
                "IT WAS LATE.",
            ],
        ),
        (
            "THE U.S. EMBASSY WAS ATTACKED. GEN. SMITH SAID SIX PEASANTS DIED.",
            &["THE U.S. EMBASSY WAS ATTACKED.", "GEN. SMITH SAID SIX PEASANTS DIED."],
        ),
        (
            "MILITARY DETACHMENT NO. 4 REPORTED A CLASH. COL. ISAACS CONFIRMED IT.",
            &["MILITARY DETACHMENT NO. 4 REPORTED A CLASH.", "COL. ISAACS CONFIRMED IT."],
        ),
        (
            "mr. smith arrived in the u.s. yesterday. he left at 5 p.m. on friday.",
            &["mr. smith arrived in the u.s. yesterday.", "he left at 5 p.m. on friday."],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn tokens_words_numbers_punctuation() {
    let text = "IS-Khorasan's 1,200 men, Kyiv’s 3.5 -- [TEXT] 20-year-old e\u{301}te.";
    let got: Vec<(&str, TokenKind)> =
        tokens(text, 0..text.len()).iter().map(|t| (&text[t.start..t.end], t.kind)).collect();
    use TokenKind::{Number as N, Punct as P, Word as W};
    let expected = vec![
        ("IS-Khorasan's", W),
        ("1,200", N),
        ("men", W),
        (",", P),
        ("Kyiv’s", W),
        ("3.5", N),
        ("-", P),
        ("-", P),
        ("[", P),
        ("TEXT", W),
        ("]", P),
        ("20-year-old", W),
        ("e\u{301}te", W),
        (".", P),
    ];
    assert_eq!(got, expected);
    // A sub-range keeps offsets into the whole text, and odd ranges are clamped.
    let men = text.find("men").unwrap_or(0);
    let sub = tokens(text, men..men + 3);
    assert_eq!(sub.len(), 1);
    assert_eq!(sub[0].start, men);
    let backwards = std::ops::Range { start: 3, end: 1 };
    assert!(tokens(text, backwards).is_empty());
    assert!(tokens(text, 0..usize::MAX).len() == expected.len());
}

#[test]
fn all_caps_detection() {
    assert!(is_all_caps("SIX PEASANTS WERE KILLED IN SAN SALVADOR."));
    assert!(is_all_caps("THE U.S. EMBASSY IN MOSCOW WAS ATTACKED (Reuters)"));
    assert!(!is_all_caps("Six peasants were killed."));
    assert!(!is_all_caps("six peasants were killed."));
    assert!(!is_all_caps("1990 -- 12"));
}
