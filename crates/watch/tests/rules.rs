//! The alert rules on generated histories with a known escalation, and the date-precision rule
//! of the series.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests stop on setup errors")]

use chrono::{Duration, NaiveDate};
use vigil_fusion::{FusedIncident, Mention, consensus};
use vigil_watch::{Bucket, Rule, Selection, series, watch};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// One incident of one report: `kind` on `date` (`None`: undated) in country `country`.
fn incident(
    n: usize,
    kind: &str,
    stage: &str,
    date: Option<(NaiveDate, &str, NaiveDate)>,
    actor: &str,
    published: NaiveDate,
) -> FusedIncident {
    let date = date.map_or("null".to_string(), |(start, precision, end)| {
        format!(r#"{{"start": "{start}", "end": "{end}", "precision": "{precision}"}}"#)
    });
    let attribution = if actor.is_empty() {
        String::new()
    } else {
        format!(r#"{{"actor": "{actor}", "confidence": "reported"}}"#)
    };
    let json = format!(
        r#"{{"key": "{n:016x}/i1", "document": "{n:016x}", "published": "{published}", "source": null, "reliability": "F",
            "incident": {{"id": "i1", "type": "{kind}", "stage": "{stage}", "date": {date},
              "location": {{"name": "Capital", "country": "XX", "lat": 1.0, "lon": 1.0, "precision": "city"}},
              "attribution": [{attribution}], "killed": {{"best": 2, "qualifier": "exact"}}}},
            "claims": []}}"#
    );
    let mention: Mention = serde_json::from_str(&json).expect("fixture mention parses");
    consensus(&[mention], &[]).unwrap()
}

fn on(date: NaiveDate) -> Option<(NaiveDate, &'static str, NaiveDate)> {
    Some((date, "day", date))
}

#[test]
fn a_quiet_history_then_a_burst_raises_surge_change_and_poisson_alerts() {
    let as_of = day("2024-06-30");
    let mut incidents = Vec::new();
    // One attack a week for a year, then five in the last week.
    for week in 1..=52 {
        let date = as_of - Duration::days(7 * week + 3);
        incidents.push(incident(
            incidents.len(),
            "bombing",
            "accomplished",
            on(date),
            "Front",
            date,
        ));
    }
    for back in 0..5 {
        let date = as_of - Duration::days(back);
        incidents.push(incident(
            incidents.len(),
            "bombing",
            "accomplished",
            on(date),
            "Front",
            date,
        ));
    }
    let alerts = watch(&incidents, as_of, &|_| true);
    let rules: Vec<(Rule, Option<&str>)> =
        alerts.iter().map(|a| (a.rule, a.actor.as_deref())).collect();
    for rule in [Rule::Surge, Rule::Change4, Rule::Change52, Rule::Poisson] {
        assert!(rules.contains(&(rule, Some("Front"))), "{rule:?} missing: {rules:?}");
        assert!(rules.contains(&(rule, None)), "{rule:?} for the country missing: {rules:?}");
    }
    let surge = alerts.iter().find(|a| a.rule == Rule::Surge).unwrap();
    assert_eq!((surge.observed, surge.baseline), (5.0, 1.0));
    assert_eq!(surge.incidents.len(), 5);
    let poisson = alerts.iter().find(|a| a.rule == Rule::Poisson).unwrap();
    // P(X >= 5) for a Poisson mean of 1: 1 - e^-1 (1 + 1 + 1/2 + 1/6 + 1/24).
    let expected = 1.0 - (-1.0f64).exp() * (1.0 + 1.0 + 0.5 + 1.0 / 6.0 + 1.0 / 24.0);
    assert!((poisson.p_value.unwrap() - expected).abs() < 1e-12);
    // The same history without the burst raises nothing.
    let quiet: Vec<FusedIncident> = incidents[..52].to_vec();
    assert!(watch(&quiet, as_of, &|_| true).is_empty());
}

#[test]
fn precursors_against_an_actor_and_warnings_about_its_country_raise_an_alert() {
    let as_of = day("2024-03-21");
    let incidents = vec![
        incident(
            1,
            "security_operation",
            "accomplished",
            on(day("2024-03-03")),
            "Front",
            day("2024-03-03"),
        ),
        incident(2, "armed_assault", "planned", None, "Front", day("2024-03-08")),
        incident(3, "warning", "accomplished", on(day("2024-03-07")), "Embassy", day("2024-03-07")),
        incident(4, "arrest", "accomplished", on(day("2023-06-01")), "Front", day("2023-06-01")),
    ];
    let alerts = watch(&incidents, as_of, &|name| name == "Front");
    let alert = alerts.iter().find(|a| a.rule == Rule::Precursors).expect("a precursor alert");
    assert_eq!(alert.actor.as_deref(), Some("Front"));
    let kinds: Vec<&str> = alert.precursors.keys().map(String::as_str).collect();
    assert_eq!(kinds, ["foiled or planned plot", "security operation", "warning"]);
    assert!(alert.reason.contains("1 foiled or planned plot"), "{}", alert.reason);
    // A month earlier, with only the old arrest, nothing.
    assert!(watch(&incidents, day("2024-02-20"), &|name| name == "Front").is_empty());
}

#[test]
fn a_month_dated_incident_is_spread_over_its_month_not_pinned_to_the_first() {
    let march = Some((day("2024-03-01"), "month", day("2024-03-31")));
    let incidents = vec![incident(1, "attack", "accomplished", march, "", day("2024-04-02"))];
    let (points, undated) = series(
        &incidents,
        &Selection::default(),
        Bucket::Day,
        day("2024-03-01"),
        day("2024-03-31"),
    );
    assert!(undated.is_empty());
    assert!(points.iter().all(|p| (p.incidents - 1.0 / 31.0).abs() < 1e-12));
    let (weeks, _) = series(
        &incidents,
        &Selection::default(),
        Bucket::Week,
        day("2024-03-01"),
        day("2024-03-31"),
    );
    let total: f64 = weeks.iter().map(|p| p.incidents).sum();
    assert!((total - 1.0).abs() < 1e-12);
    let (months, _) = series(
        &incidents,
        &Selection::default(),
        Bucket::Month,
        day("2024-01-01"),
        day("2024-04-30"),
    );
    let counts: Vec<f64> = months.iter().map(|p| p.incidents).collect();
    assert_eq!(counts, [0.0, 0.0, 1.0, 0.0]);
}
