//! A snapshot of sentences, dates and counts over one fixture paragraph written for this test.
//!
//! Review changes with `cargo insta review`; a changed snapshot means the reader's output
//! changed, which must be deliberate.

use serde::Serialize;
use vigil_extract::{counts, dates, text};

/// A made-up wire story exercising headlines, datelines, abbreviations, dates and counts.
const FIXTURE: &str = "\
Gunmen storm theatre in Northport

NORTHPORT, March 24, 2024 (Northwire) - Gunmen killed at least 62 people and wounded
about 140 others at the Lantern Theatre on Friday night, Gen. A. B. Ivers said. The U.S.
Embassy had warned of an attack on March 7, and the same day police detained three
suspects. Two days later, dozens of officers raided a flat on Elm St. where six IS members
were hiding.

Since December 2023, security services have arrested more than 100 people... The group
was founded in 2015 and has carried out several attacks in 1988-90 style. \"We will
respond,\" the minister said yesterday.
";

/// One line of the snapshot per mention, with the text it covers.
#[derive(Serialize)]
struct Reading<'a> {
    sentences: Vec<&'a str>,
    dates: Vec<String>,
    counts: Vec<String>,
}

#[test]
fn fixture_paragraph() {
    let published = "2024-03-24".parse().ok();
    let reading = Reading {
        sentences: text::sentences(FIXTURE).iter().map(|s| &FIXTURE[s.start..s.end]).collect(),
        dates: dates::find_dates(FIXTURE, published)
            .iter()
            .map(|d| {
                let (start, end) = (d.span.start, d.span.end);
                let said = &FIXTURE[d.start..d.end];
                format!("{said:?} -> {start}..{end} {:?} {:?}", d.span.precision, d.kind)
            })
            .collect(),
        counts: counts::find_counts(FIXTURE)
            .iter()
            .map(|c| {
                let noun = c.noun.map_or("-", |(start, end)| &FIXTURE[start..end]);
                let said = &FIXTURE[c.start..c.end];
                let count = c.count;
                format!(
                    "{said:?} -> best {} min {:?} max {:?} {:?}, noun {noun:?}",
                    count.best, count.min, count.max, count.qualifier
                )
            })
            .collect(),
    };
    insta::assert_json_snapshot!(reading);
}
