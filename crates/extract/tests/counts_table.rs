//! Counts and their qualifiers, as tables of (text, expected mentions), plus number words.

use vigil_domain::CountQualifier::{self, Approximately, AtLeast, AtMost, Dozens, Exact, Several};
use vigil_extract::counts::{find_counts, parse_number_words};

/// One expected mention: its text, best, min, max, qualifier and noun text.
type Expected<'a> = (&'a str, u32, Option<u32>, Option<u32>, CountQualifier, Option<&'a str>);

/// Finds the counts in `input` and compares them with `expected`.
fn check(input: &str, expected: &[Expected<'_>]) {
    let got: Vec<Expected<'_>> = find_counts(input)
        .iter()
        .map(|m| {
            let noun = m.noun.map(|(start, end)| &input[start..end]);
            (
                &input[m.start..m.end],
                m.count.best,
                m.count.min,
                m.count.max,
                m.count.qualifier,
                noun,
            )
        })
        .collect();
    assert_eq!(got, expected, "input: {input:?}");
}

#[test]
fn qualifiers() {
    let cases: &[(&str, &[Expected<'_>])] = &[
        (
            "the bodies of some 140 civilian victims and",
            &[("some 140", 140, None, None, Approximately, Some("civilian victims"))],
        ),
        (
            "injured about 150 other people, was",
            &[("about 150", 150, None, None, Approximately, Some("people"))],
        ),
        (
            "killed at least 133 people",
            &[("at least 133", 133, Some(133), None, AtLeast, Some("people"))],
        ),
        ("more than 100 were hurt", &[("more than 100", 100, Some(100), None, AtLeast, None)]),
        ("over 180 people", &[("over 180", 180, Some(180), None, AtLeast, Some("people"))]),
        ("up to 20 gunmen", &[("up to 20", 20, None, Some(20), AtMost, Some("gunmen"))]),
        (
            "as many as 30 suspects",
            &[("as many as 30", 30, None, Some(30), AtMost, Some("suspects"))],
        ),
        (
            "an estimated 300 people",
            &[("an estimated 300", 300, None, None, Approximately, Some("people"))],
        ),
        ("nearly 40 hostages", &[("nearly 40", 40, None, None, Approximately, Some("hostages"))]),
        (
            "ABOUT 50 PEASANTS OF VARIOUS AGES",
            &[("ABOUT 50", 50, None, None, Approximately, Some("PEASANTS"))],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn vague_quantities_and_ranges() {
    let cases: &[(&str, &[Expected<'_>])] = &[
        (
            "dozens of suspected operatives from the group",
            &[("dozens", 24, Some(24), None, Dozens, Some("suspected operatives"))],
        ),
        ("scores of people", &[("scores", 40, Some(40), None, AtLeast, Some("people"))]),
        (
            "several operations against the police",
            &[("several", 3, Some(3), None, Several, Some("operations"))],
        ),
        ("a few men", &[("a few", 3, Some(2), None, Several, Some("men"))]),
        ("a dozen soldiers", &[("a dozen", 12, None, None, Exact, Some("soldiers"))]),
        (
            "hundreds of protesters",
            &[("hundreds", 200, Some(200), None, AtLeast, Some("protesters"))],
        ),
        (
            "tens of thousands of people",
            &[("tens of thousands", 20_000, Some(20_000), None, AtLeast, Some("people"))],
        ),
        (
            "133 to 137 people",
            &[("133 to 137", 133, Some(133), Some(137), Approximately, Some("people"))],
        ),
        (
            "133-137 people",
            &[("133-137", 133, Some(133), Some(137), Approximately, Some("people"))],
        ),
        (
            "between 40 and 60 people",
            &[("between 40 and 60", 40, Some(40), Some(60), Approximately, Some("people"))],
        ),
        (
            "two or three gunmen",
            &[("two or three", 2, Some(2), Some(3), Approximately, Some("gunmen"))],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn exact_numbers_in_words_digits_and_capitals() {
    let cases: &[(&str, &[Expected<'_>])] = &[
        (
            "the killing of six IS members who were",
            &[("six", 6, None, None, Exact, Some("IS members"))],
        ),
        (
            "killed three IS members as it tried",
            &[("three", 3, None, None, Exact, Some("IS members"))],
        ),
        ("6 people died", &[("6", 6, None, None, Exact, Some("people"))]),
        ("SIX PEASANTS WERE KILLED", &[("SIX", 6, None, None, Exact, Some("PEASANTS"))]),
        (
            "ONE EXTREMIST WAS KILLED AND FIVE OTHERS WERE WOUNDED",
            &[
                ("ONE", 1, None, None, Exact, Some("EXTREMIST")),
                ("FIVE", 5, None, None, Exact, Some("OTHERS")),
            ],
        ),
        (
            "one hundred and forty people",
            &[("one hundred and forty", 140, None, None, Exact, Some("people"))],
        ),
        ("twenty-three hostages", &[("twenty-three", 23, None, None, Exact, Some("hostages"))]),
        (
            "Seven thousand soldiers",
            &[("Seven thousand", 7000, None, None, Exact, Some("soldiers"))],
        ),
        ("1,200 troops", &[("1,200", 1200, None, None, Exact, Some("troops"))]),
        ("1.5 million people", &[("1.5 million", 1_500_000, None, None, Exact, Some("people"))]),
        (
            "four highly trained armed men, all",
            &[("four", 4, None, None, Exact, Some("highly trained armed men"))],
        ),
        ("3 people killed", &[("3", 3, None, None, Exact, Some("people"))]),
        (
            "TWO HELICOPTER GUNSHIPS OPENED FIRE",
            &[("TWO", 2, None, None, Exact, Some("HELICOPTER GUNSHIPS"))],
        ),
        ("2000 soldiers", &[("2000", 2000, None, None, Exact, Some("soldiers"))]),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn not_counts() {
    for input in [
        "in 1988 the war",
        "© 2024 Dimensions",
        "The March 22 operation",
        "SAN SALVADOR, 12 JAN 90 (RADIO)",
        "on 22/03/2024",
        "at 10:30",
        "AT 2330 (0530 GMT)",
        "at 10 p.m.",
        "rose 10% and 5 percent",
        "cost $5 million and 20 dollars",
        "millions of dollars and 20,000 Colombian pesos",
        "the third attack",
        "under Section 8 and No. 4",
        "DETACHMENT NO.4 REPORTED",
        "a second man, aged 17, was",
        "a 20-year-old man",
        "a rate of 3.5",
        "one of the attackers",
        "no one was hurt",
        "a gray Mazda 626 vehicle",
        "LAW 18314",
        "(INRAVISION TELEVISION CADENA 1)",
        "in 1988-1990",
    ] {
        check(input, &[]);
    }
}

#[test]
fn number_words() {
    let cases = [
        ("six", Some(6)),
        ("twenty-three", Some(23)),
        ("Twenty Three", Some(23)),
        ("one hundred and forty", Some(140)),
        ("a dozen", Some(12)),
        ("1,200", Some(1200)),
        ("three hundred", Some(300)),
        ("SEVEN THOUSAND", Some(7000)),
        ("two thousand five hundred and one", Some(2501)),
        ("dozens", None),
        ("third", None),
        ("six people", None),
        ("", None),
    ];
    for (input, expected) in cases {
        assert_eq!(parse_number_words(input), expected, "input: {input:?}");
    }
}
