//! Date finding and resolution, as tables of (text, publication date, expected mentions).

use chrono::NaiveDate;
use vigil_domain::DatePrecision;
use vigil_extract::dates::{DateKind, dateline_date, find_dates};

/// 2024-03-29, a Friday: the founding article's publication date.
const FRIDAY: &str = "2024-03-29";

/// One expected mention: its text, first and last day, precision and kind.
type Expected<'a> = (&'a str, &'a str, &'a str, DatePrecision, DateKind);

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap_or_else(|_| panic!("bad test date {text}"))
}

/// Finds the dates in `input` and compares them with `expected`.
fn check(input: &str, published: Option<&str>, expected: &[Expected<'_>]) {
    let mentions = find_dates(input, published.map(date));
    let got: Vec<_> = mentions
        .iter()
        .map(|m| (&input[m.start..m.end], m.span.start, m.span.end, m.span.precision, m.kind))
        .collect();
    let want: Vec<_> = expected
        .iter()
        .map(|&(text, start, end, precision, kind)| (text, date(start), date(end), precision, kind))
        .collect();
    assert_eq!(got, want, "input: {input:?}, published {published:?}");
}

use DateKind::{Absolute as Abs, Anaphoric as Ana, Relative as Rel, Since};
use DatePrecision::{Day, Month, Range, Week, Year};

#[test]
fn calendar_dates_with_and_without_years() {
    let p = Some(FRIDAY);
    let cases: &[(&str, Option<&str>, &[Expected<'_>])] = &[
        (
            "weeks earlier on March 3, sources said",
            p,
            &[("March 3", "2024-03-03", "2024-03-03", Day, Abs)],
        ),
        ("announced on March 7 that", p, &[("March 7", "2024-03-07", "2024-03-07", Day, Abs)]),
        ("The March 22 operation", p, &[("March 22", "2024-03-22", "2024-03-22", Day, Abs)]),
        (
            "killed officers in March 2023.",
            p,
            &[("March 2023", "2023-03-01", "2023-03-31", Month, Abs)],
        ),
        (
            "a bombing in August 2022 and",
            p,
            &[("August 2022", "2022-08-01", "2022-08-31", Month, Abs)],
        ),
        ("in 2022 the group", p, &[("2022", "2022-01-01", "2022-12-31", Year, Abs)]),
        ("in 1988-90 the war", p, &[("1988-90", "1988-01-01", "1990-12-31", Range, Abs)]),
        ("on 2024-03-22 at", p, &[("2024-03-22", "2024-03-22", "2024-03-22", Day, Abs)]),
        ("on 22 March 2024.", None, &[("22 March 2024", "2024-03-22", "2024-03-22", Day, Abs)]),
        ("on March 22, 2024.", None, &[("March 22, 2024", "2024-03-22", "2024-03-22", Day, Abs)]),
        (
            "on 22/03/2024 and 03/22/2024",
            None,
            &[
                ("22/03/2024", "2024-03-22", "2024-03-22", Day, Abs),
                ("03/22/2024", "2024-03-22", "2024-03-22", Day, Abs),
            ],
        ),
        ("on 05/04/2024", None, &[]),
        (
            "SAN SALVADOR, 12 JAN 90 (RADIO)",
            None,
            &[("12 JAN 90", "1990-01-12", "1990-01-12", Day, Abs)],
        ),
        (
            "KILLED ON 12 JANUARY.",
            Some("1990-01-20"),
            &[("12 JANUARY", "1990-01-12", "1990-01-12", Day, Abs)],
        ),
        (
            "ON 30 DECEMBER IN",
            Some("1990-01-03"),
            &[("30 DECEMBER", "1989-12-30", "1989-12-30", Day, Abs)],
        ),
        (
            "JANUARY 12 WAS",
            Some("1990-01-20"),
            &[("JANUARY 12", "1990-01-12", "1990-01-12", Day, Abs)],
        ),
        ("the summit on April 2", p, &[("April 2", "2024-04-02", "2024-04-02", Day, Abs)]),
        ("the attack on April 10", p, &[("April 10", "2023-04-10", "2023-04-10", Day, Abs)]),
        ("on the 3rd of March", p, &[("3rd of March", "2024-03-03", "2024-03-03", Day, Abs)]),
        ("on March 22-23", p, &[("March 22-23", "2024-03-22", "2024-03-23", Range, Abs)]),
        ("in January", p, &[("January", "2024-01-01", "2024-01-31", Month, Abs)]),
        ("in May", p, &[("May", "2023-05-01", "2023-05-31", Month, Abs)]),
        (
            "Friday, March 22, 2024",
            None,
            &[("Friday, March 22, 2024", "2024-03-22", "2024-03-22", Day, Abs)],
        ),
    ];
    for (input, published, expected) in cases {
        check(input, *published, expected);
    }
}

#[test]
fn ranges_parts_and_since() {
    let p = Some(FRIDAY);
    let cases: &[(&str, Option<&str>, &[Expected<'_>])] = &[
        (
            "Since December 2023, dozens",
            p,
            &[("Since December 2023", "2023-12-01", "2024-03-29", Range, Since)],
        ),
        ("since 2003", p, &[("since 2003", "2003-01-01", "2024-03-29", Range, Since)]),
        (
            "since October",
            Some("2024-08-08"),
            &[("since October", "2023-10-01", "2024-08-08", Range, Since)],
        ),
        (
            "STAYING SINCE 2 FEBRUARY.",
            Some("1990-02-04"),
            &[("SINCE 2 FEBRUARY", "1990-02-02", "1990-02-04", Range, Since)],
        ),
        (
            "since December 2023",
            None,
            &[("since December 2023", "2023-12-01", "2023-12-31", Month, Since)],
        ),
        (
            "over the past two years",
            p,
            &[("past two years", "2022-03-29", "2024-03-29", Range, Since)],
        ),
        (
            "between March 3 and 7",
            p,
            &[("between March 3 and 7", "2024-03-03", "2024-03-07", Range, Abs)],
        ),
        (
            "between 3 and 7 March",
            p,
            &[("between 3 and 7 March", "2024-03-03", "2024-03-07", Range, Abs)],
        ),
        ("from 1988 to 1990", p, &[("from 1988 to 1990", "1988-01-01", "1990-12-31", Range, Abs)]),
        ("by early March it", p, &[("early March", "2024-03-01", "2024-03-10", Range, Abs)]),
        ("in mid-March", p, &[("mid-March", "2024-03-11", "2024-03-20", Range, Abs)]),
        ("in late 2023", p, &[("late 2023", "2023-09-01", "2023-12-31", Range, Abs)]),
        (
            "at the end of February",
            p,
            &[("end of February", "2024-02-21", "2024-02-29", Range, Abs)],
        ),
    ];
    for (input, published, expected) in cases {
        check(input, *published, expected);
    }
}

#[test]
fn relative_to_publication() {
    let p = Some(FRIDAY);
    let saturday = Some("2024-03-30");
    let cases: &[(&str, Option<&str>, &[Expected<'_>])] = &[
        (
            "alert on Friday evening",
            saturday,
            &[("Friday evening", "2024-03-29", "2024-03-29", Day, Rel)],
        ),
        ("said on Friday", p, &[("Friday", "2024-03-29", "2024-03-29", Day, Rel)]),
        ("arrested on Wednesday", p, &[("Wednesday", "2024-03-27", "2024-03-27", Day, Rel)]),
        ("last Friday", p, &[("last Friday", "2024-03-22", "2024-03-22", Day, Rel)]),
        ("they will meet on Monday", p, &[("Monday", "2024-04-01", "2024-04-01", Day, Rel)]),
        (
            "are to be deployed by Monday evening",
            p,
            &[("Monday evening", "2024-04-01", "2024-04-01", Day, Rel)],
        ),
        ("yesterday", p, &[("yesterday", "2024-03-28", "2024-03-28", Day, Rel)]),
        (
            "today and tonight",
            p,
            &[
                ("today", "2024-03-29", "2024-03-29", Day, Rel),
                ("tonight", "2024-03-29", "2024-03-29", Day, Rel),
            ],
        ),
        ("last night", p, &[("last night", "2024-03-28", "2024-03-28", Day, Rel)]),
        ("last week", p, &[("last week", "2024-03-18", "2024-03-24", Week, Rel)]),
        ("last month", p, &[("last month", "2024-02-01", "2024-02-29", Month, Rel)]),
        (
            "earlier this month",
            p,
            &[("earlier this month", "2024-03-01", "2024-03-29", Range, Rel)],
        ),
        ("this year", p, &[("this year", "2024-01-01", "2024-12-31", Year, Rel)]),
        ("two days ago", p, &[("two days ago", "2024-03-27", "2024-03-27", Day, Rel)]),
        ("3 WEEKS AGO", p, &[("3 WEEKS AGO", "2024-03-04", "2024-03-10", Week, Rel)]),
        ("last March", p, &[("last March", "2023-03-01", "2023-03-31", Month, Rel)]),
        ("last weekend", p, &[("last weekend", "2024-03-23", "2024-03-24", Range, Rel)]),
        ("yesterday", None, &[]),
        ("on Friday", None, &[]),
        ("on March 3", None, &[]),
    ];
    for (input, published, expected) in cases {
        check(input, *published, expected);
    }
}

#[test]
fn anaphora_follows_the_latest_day() {
    let p = Some(FRIDAY);
    let cases: &[(&str, Option<&str>, &[Expected<'_>])] = &[
        (
            "on March 7 it acted. The embassy, on the same day, warned.",
            p,
            &[
                ("March 7", "2024-03-07", "2024-03-07", Day, Abs),
                ("the same day", "2024-03-07", "2024-03-07", Day, Ana),
            ],
        ),
        (
            "on March 7 it acted. Two days later it fled.",
            p,
            &[
                ("March 7", "2024-03-07", "2024-03-07", Day, Abs),
                ("Two days later", "2024-03-09", "2024-03-09", Day, Ana),
            ],
        ),
        (
            "on Wednesday it acted and the next day it fled; later that day",
            p,
            &[
                ("Wednesday", "2024-03-27", "2024-03-27", Day, Rel),
                ("the next day", "2024-03-28", "2024-03-28", Day, Ana),
                ("later that day", "2024-03-28", "2024-03-28", Day, Ana),
            ],
        ),
        (
            "on March 7. Two weeks earlier on March 3, it",
            p,
            &[
                ("March 7", "2024-03-07", "2024-03-07", Day, Abs),
                ("March 3", "2024-03-03", "2024-03-03", Day, Abs),
            ],
        ),
        ("the same day, two days later", p, &[]),
    ];
    for (input, published, expected) in cases {
        check(input, *published, expected);
    }
}

#[test]
fn false_positives_are_avoided() {
    let p = Some(FRIDAY);
    for input in [
        "protesters march through the city",
        "they may have had a hand",
        "1,200 people were evacuated",
        "under Section 8 of the law",
        "2000 soldiers were deployed",
        "in 2000 cases the court agreed",
        "the Sun reported",
        "on Bloody Sunday the troops",
        "the third attack",
        "a 20-year-old man",
        "between 40 and 60 people",
        "at 10:30",
    ] {
        check(input, p, &[]);
    }
}

#[test]
fn datelines() {
    let cases = [
        ("SAN SALVADOR, 12 JAN 90 (RADIO CADENA) -- [TEXT] THE ARMY", Some("1990-01-12")),
        ("DEV-MUC3-0001 (NOSC)\n\n   SAN SALVADOR, 3 JAN 90 -- [REPORT]", Some("1990-01-03")),
        ("MOSCOW, March 24, 2024 (Reuters) - Gunmen", Some("2024-03-24")),
        ("MOSCOW, March 24 (Northwire) - Gunmen", None),
        ("Headline\n14 October 2023 - Paris bureau\n\nPARIS - ", Some("2023-10-14")),
        ("No date here at all.", None),
    ];
    for (input, expected) in cases {
        assert_eq!(dateline_date(input), expected.map(date), "input: {input:?}");
    }
    // Only the first 300 bytes are read.
    let late = format!("{} 12 JAN 90", "x ".repeat(200));
    assert_eq!(dateline_date(&late), None);
}
