//! What fusion knows of one report of one incident, and the block it is looked for in.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use vigil_domain::{Claim, DateSpan, Incident, Location, Reliability};

/// How many days before its report an undated incident is looked for: reports of an incident
/// without a date of its own mostly follow it within two weeks.
pub const UNDATED_WINDOW_DAYS: i64 = 14;

/// One incident as one document tells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// `<document id>/<incident id>`: unique, and the order fused ids follow.
    pub key: String,
    /// The reporting document.
    pub document: String,
    /// Its publication date.
    pub published: Option<NaiveDate>,
    /// Its publisher.
    pub source: Option<String>,
    /// The publisher's Admiralty reliability grade when the mention was fused.
    pub reliability: Reliability,
    /// The incident as the document tells it (its ids are the document's own).
    pub incident: Incident,
    /// The document's claims about this incident.
    pub claims: Vec<Claim>,
    /// Distinctive names (capitalised words, lower-cased) of the sentences that tell it, for
    /// the shared-names tie ([`salient_names`]).
    #[serde(default)]
    pub names: Vec<String>,
    /// The actors the report links to it that tell it apart, with their parents ("Islamic
    /// State" for IS-Khorasan), sorted: two reports blaming IS-K and IS share an actor. The
    /// caller chooses (the pipeline leaves out denials, and states acting in their own
    /// country); empty, the mention has no actor to tie on.
    #[serde(default)]
    pub actors: Vec<String>,
    /// For an arrest or a raid, the attack its report is about (the report's first act of
    /// violence): arrests told in the wake of one attack are that attack's arrests, which
    /// ties two reports that give the arrests no date or place of their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aftermath: Option<Aftermath>,
}

/// The attack a report of arrests or raids is about, as that report tells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Aftermath {
    /// When the attack happened, if the report says.
    pub date: Option<DateSpan>,
    /// Where.
    pub location: Option<Location>,
    /// The place attacked, as written.
    pub site: Option<String>,
}

/// Words that are capitalised without naming anything in particular.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "after",
    "before",
    "he",
    "she",
    "they",
    "it",
    "his",
    "her",
    "their",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "for",
    "with",
    "from",
    "mr",
    "mrs",
    "ms",
    "dr",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "we",
    "our",
    "its",
    "there",
    "some",
    "one",
    "two",
];

/// The distinctive names of `texts`: capitalised words of three letters or more that are not
/// function words, days or months, lower-cased, sorted, each once. In text written all in
/// capitals every word looks like a name, so such text gives none.
pub fn salient_names<'t>(texts: impl IntoIterator<Item = &'t str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for text in texts {
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = text.chars().filter(|c| c.is_uppercase()).count();
        if letters == 0 || capitals * 2 > letters {
            continue;
        }
        for word in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
            let word = word.trim_matches('-');
            if word.chars().count() < 3 || !word.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let lower = word.to_lowercase();
            if !NOT_NAMES.contains(&lower.as_str()) {
                names.push(lower);
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

/// The key of an incident of a document.
pub fn mention_key(document: &str, incident: &str) -> String {
    format!("{document}/{incident}")
}

/// The id of the fused incident whose smallest mention key is `anchor`: `inc-` and ten hex
/// digits of its SHA-256, so ids are short, stable and the same for the same reports.
pub fn fused_id(anchor: &str) -> String {
    let digest = Sha256::digest(anchor.as_bytes());
    format!("inc-{}", &hex::encode(digest)[..10])
}

/// Where a mention's matches can be: its country (unknown matches any) and a window of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block<'m> {
    /// ISO 3166 alpha-2 code, when the place is known.
    pub country: Option<&'m str>,
    /// First day (days from 0001-01-01, as `chrono` counts them).
    pub first_day: i64,
    /// Last day, inclusive.
    pub last_day: i64,
}

impl Mention {
    /// The days the incident may have happened on: its date, else the two weeks up to its
    /// report; `None` when neither is known (such a mention is never fused automatically).
    pub fn days(&self) -> Option<(i64, i64)> {
        if let Some(date) = self.incident.date {
            return Some((day_number(date.start), day_number(date.end)));
        }
        let published = day_number(self.published?);
        Some((published - UNDATED_WINDOW_DAYS, published))
    }

    /// The block to look for matches in, or `None` for a mention with no time at all.
    pub fn block(&self) -> Option<Block<'_>> {
        let (first_day, last_day) = self.days()?;
        let country = self.incident.location.as_ref().and_then(|place| place.country.as_deref());
        Some(Block { country, first_day: first_day - 1, last_day: last_day + 1 })
    }
}

/// Days from 0001-01-01 (day 1).
pub fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// An analyst's change to fusion, recorded with who made it, when and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Edit {
    /// These two mentions are of one incident (and so are their incidents).
    Merge {
        /// A mention of the first incident.
        left: String,
        /// A mention of the second.
        right: String,
    },
    /// These mentions are not of the incident of those.
    Split {
        /// Mentions taken out.
        out: Vec<String>,
        /// Mentions left.
        rest: Vec<String>,
    },
    /// A slot of the incident holding `anchor` has this value, whatever the sources say.
    Set {
        /// A mention of the incident.
        anchor: String,
        /// Slot name (`killed`, `injured`, `arrested`, `type`, `date`, `site`).
        slot: String,
        /// The value, as text.
        value: String,
    },
}
