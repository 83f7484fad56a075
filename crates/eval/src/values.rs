//! How single values compare and show: places, counts, enum spellings, dates.
//!
//! Kept apart from [`crate::slots`], which decides what a unit is; here is only whether two values
//! agree and how a disagreement is written in the error list.

use serde::Serialize;
use vigil_domain::{DateSpan, Location, LocationPrecision};

use crate::gold::GoldLocation;
use crate::text::place_key;

/// Whether `output` is within 10% of `gold` (exactly equal for a gold 0).
pub(crate) fn within_tenth(output: u32, gold: u32) -> bool {
    u64::from(output.abs_diff(gold)) * 10 <= u64::from(gold)
}

/// The location rule. Countries must agree where both are given; then the output is correct when
/// it names the gold place (as its name, or as the region its named place lies in: output
/// Karabulak, Ingushetia for gold Ingushetia), or names the gold place's region (output Ingushetia
/// for gold Karabulak, Ingushetia: coarser but true), or, when the gold place is a country (or has
/// no name), gives that country's code. Names compare case-insensitively, without a leading "the".
pub(crate) fn location_matches(output: &Location, gold: &GoldLocation) -> bool {
    let countries = match (output.country.as_deref(), gold.country.as_deref()) {
        (Some(o), Some(g)) => Some(o.trim().eq_ignore_ascii_case(g.trim())),
        _ => None,
    };
    if countries == Some(false) {
        return false;
    }
    let name = place_key(&output.name);
    let region = output.admin1.as_deref().map(place_key);
    let names = gold
        .name
        .as_deref()
        .map(place_key)
        .is_some_and(|g| g == name || region.as_ref() == Some(&g))
        || gold.admin1.as_deref().map(place_key).is_some_and(|g| g == name);
    let country_level = gold.precision == Some(LocationPrecision::Country) || gold.name.is_none();
    names || (country_level && countries == Some(true))
}

/// A value by its codebook spelling (`armed_assault`), for notes.
pub(crate) fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => "?".to_string(),
    }
}

/// A date as `start` or `start..end`.
pub(crate) fn show_span(span: &DateSpan) -> String {
    if span.start == span.end {
        span.start.to_string()
    } else {
        format!("{}..{}", span.start, span.end)
    }
}

/// An output place with its country, for notes.
pub(crate) fn show_location(l: &Location) -> String {
    format!("{:?} ({})", l.name, l.country.as_deref().unwrap_or("no country"))
}

/// A gold place with its country, for notes.
pub(crate) fn show_gold_location(l: &GoldLocation) -> String {
    format!(
        "{:?} ({})",
        l.name.as_deref().unwrap_or("unnamed"),
        l.country.as_deref().unwrap_or("no country")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold_place(name: &str, admin1: Option<&str>, country: Option<&str>) -> GoldLocation {
        GoldLocation {
            name: Some(name.into()),
            admin1: admin1.map(Into::into),
            country: country.map(Into::into),
            precision: Some(LocationPrecision::City),
        }
    }

    fn place(name: &str, admin1: Option<&str>, country: Option<&str>) -> Location {
        Location {
            name: name.into(),
            admin1: admin1.map(Into::into),
            country: country.map(Into::into),
            lat: None,
            lon: None,
            precision: LocationPrecision::City,
        }
    }

    #[test]
    fn location_rule() {
        let karabulak = gold_place("Karabulak", Some("Ingushetia"), Some("RU"));
        assert!(location_matches(&place("karabulak", None, None), &karabulak));
        assert!(location_matches(&place("Ingushetia", None, Some("RU")), &karabulak));
        assert!(!location_matches(&place("Karabulak", None, Some("UA")), &karabulak));
        assert!(!location_matches(&place("Nazran", Some("Ingushetia"), Some("RU")), &karabulak));
        let ingushetia = gold_place("Ingushetia", None, Some("RU"));
        assert!(location_matches(&place("Karabulak", Some("Ingushetia"), Some("RU")), &ingushetia));
        let iran = GoldLocation {
            precision: Some(LocationPrecision::Country),
            ..gold_place("Iran", None, Some("IR"))
        };
        assert!(location_matches(&place("Kerman", None, Some("ir")), &iran));
        assert!(!location_matches(&place("Kerman", None, None), &iran));
        let europe = gold_place("Europe", None, None);
        assert!(location_matches(&place("the Europe", None, Some("DE")), &europe));
    }

    #[test]
    fn counts_within_a_tenth() {
        assert!(within_tenth(137, 140) && within_tenth(154, 140) && !within_tenth(155, 140));
        assert!(within_tenth(0, 0) && !within_tenth(1, 0));
    }
}
