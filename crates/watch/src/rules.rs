//! The alert rules, each stated as it is applied.
//!
//! Counts are of fused incidents (acts: violent incidents that happened or were attempted;
//! precursors: see [`is_precursor`]) per actor and country, and per country, in the 7-day weeks
//! ending on the as-of day. Only incidents dated on or before the as-of day count. An incident
//! the reporting does not date counts on the day it was first reported: it had happened by
//! then, and that is when it became known (a foiled plot is usually disclosed undated).
//!
//! - **Surge** (ACLED): the last week has at least twice the weekly average of the four weeks
//!   before it, and that average is at least 1.
//! - **Change** (ACLED's levels): the last week against the weekly average of the 4 and of the
//!   52 weeks before it: above +25% is a large increase, +10% to +25% a moderate one; a norm
//!   below 1 incident a week is too low to judge and raises nothing.
//! - **Poisson**: the last week's count is improbable under a Poisson model whose mean is the
//!   weekly average of the 12 weeks before it (at least 0.1): P(X ≥ count) < 0.01, and at least
//!   two incidents.
//! - **Precursors**: plots, security operations, arrests linked to the actor in the country in
//!   the last four weeks, with the warnings, threats and raids in that country (a warning names
//!   a place, not a group, and a raid's target group is rarely named as a perpetrator is),
//!   number at least 3, at least one of them linked to the actor, and at least twice their
//!   four-week norm over the 48 weeks before.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use vigil_domain::{Confidence, IncidentType, Stage};
use vigil_fusion::FusedIncident;

use crate::series::{is_precursor, weight_on};

/// Which rule raised an alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// ACLED surge.
    Surge,
    /// ACLED change level against the 4-week norm.
    Change4,
    /// ACLED change level against the 52-week norm.
    Change52,
    /// Poisson tail.
    Poisson,
    /// Rising precursors.
    Precursors,
}

/// An alert and why it was raised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    /// The rule.
    pub rule: Rule,
    /// The actor watched (`None`: the whole country).
    pub actor: Option<String>,
    /// The country (ISO code).
    pub country: String,
    /// First and last day of the window judged.
    pub window: (NaiveDate, NaiveDate),
    /// What was counted in it.
    pub observed: f64,
    /// The norm it was compared with.
    pub baseline: f64,
    /// The level that raised the alert.
    pub threshold: f64,
    /// "large increase", "moderate increase", "surge", ...
    pub level: String,
    /// For the Poisson rule, P(X >= observed).
    pub p_value: Option<f64>,
    /// The incidents that drove it.
    pub incidents: Vec<String>,
    /// Precursors in the window by kind (`foiled or planned plot`, `security operation`, ...).
    pub precursors: BTreeMap<String, f64>,
    /// One sentence saying why.
    pub reason: String,
}

/// Alerts as of a day. `watched(actor)` says which actors to watch (non-state actors, say).
pub fn watch(
    incidents: &[FusedIncident],
    as_of: NaiveDate,
    watched: &dyn Fn(&str) -> bool,
) -> Vec<Alert> {
    let dated: Vec<FusedIncident> = incidents.iter().filter_map(dated_by_report).collect();
    let known: Vec<&FusedIncident> =
        dated.iter().filter(|i| i.date.value.is_some_and(|d| d.start <= as_of)).collect();
    let mut keys: BTreeSet<(Option<String>, String)> = BTreeSet::new();
    for incident in &known {
        let Some(country) = country(incident) else { continue };
        keys.insert((None, country.clone()));
        for actor in actors(incident).into_iter().filter(|a| watched(a)) {
            keys.insert((Some(actor), country.clone()));
        }
    }
    let mut alerts = Vec::new();
    for (actor, country) in keys {
        let linked = |i: &FusedIncident| {
            country_of(i) == Some(country.as_str())
                && actor.as_ref().is_none_or(|a| actors(i).contains(a))
        };
        let acts: Vec<&FusedIncident> =
            known.iter().copied().filter(|i| linked(i) && !is_precursor(i)).collect();
        acts_rules(&acts, as_of, actor.as_deref(), &country, &mut alerts);
        if actor.is_some() {
            let precursors: Vec<&FusedIncident> = known
                .iter()
                .copied()
                .filter(|i| {
                    is_precursor(i)
                        && (linked(i) || (country_of(i) == Some(country.as_str()) && signal(i)))
                })
                .collect();
            precursor_rule(&precursors, as_of, actor.as_deref(), &country, &mut alerts);
        }
    }
    alerts
}

/// The incident with a date to count it by: its own, else the day of its first report.
fn dated_by_report(incident: &FusedIncident) -> Option<FusedIncident> {
    if incident.date.value.is_some() {
        return Some(incident.clone());
    }
    let first = incident.incident_type.values.iter().filter_map(|v| v.published).min()?;
    let mut copy = incident.clone();
    copy.date.value = Some(vigil_domain::DateSpan::day(first));
    Some(copy)
}

fn country(incident: &FusedIncident) -> Option<String> {
    country_of(incident).map(str::to_string)
}

fn country_of(incident: &FusedIncident) -> Option<&str> {
    incident.location.value.as_ref()?.country.as_deref()
}

fn actors(incident: &FusedIncident) -> Vec<String> {
    let mut names: Vec<String> = incident
        .attribution
        .iter()
        .filter(|l| l.confidence != Confidence::Denied)
        .map(|l| l.actor.clone())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Warnings, threats and raids: about a place, whoever issued or carried them out. The
/// reporting names a raid's target group far less often than an attack's perpetrator.
fn signal(incident: &FusedIncident) -> bool {
    matches!(
        incident.incident_type.value,
        Some(IncidentType::Warning | IncidentType::Threat | IncidentType::SecurityOperation)
    )
}

/// The 7-day week ending `weeks_back` weeks before `as_of` (0: the week ending on it).
fn week(as_of: NaiveDate, weeks_back: i64) -> (NaiveDate, NaiveDate) {
    let end = as_of - Duration::days(7 * weeks_back);
    (end - Duration::days(6), end)
}

fn count(incidents: &[&FusedIncident], (first, last): (NaiveDate, NaiveDate)) -> f64 {
    incidents.iter().map(|i| weight_on(i, first, last)).sum()
}

fn mean_of_weeks(
    incidents: &[&FusedIncident],
    as_of: NaiveDate,
    weeks: std::ops::RangeInclusive<i64>,
) -> f64 {
    let n = (weeks.end() - weeks.start() + 1) as f64;
    weeks.map(|back| count(incidents, week(as_of, back))).sum::<f64>() / n
}

fn ids_in(incidents: &[&FusedIncident], (first, last): (NaiveDate, NaiveDate)) -> Vec<String> {
    incidents.iter().filter(|i| weight_on(i, first, last) > 0.0).map(|i| i.id.clone()).collect()
}

fn who(actor: Option<&str>, country: &str) -> String {
    actor.map_or_else(|| format!("in {country}"), |a| format!("by {a} in {country}"))
}

fn acts_rules(
    acts: &[&FusedIncident],
    as_of: NaiveDate,
    actor: Option<&str>,
    country: &str,
    out: &mut Vec<Alert>,
) {
    let last = week(as_of, 0);
    let observed = count(acts, last);
    if observed <= 0.0 {
        return;
    }
    let alert = |rule, baseline: f64, threshold: f64, level: &str, p_value, reason: String| Alert {
        rule,
        actor: actor.map(str::to_string),
        country: country.to_string(),
        window: last,
        observed,
        baseline,
        threshold,
        level: level.to_string(),
        p_value,
        incidents: ids_in(acts, last),
        precursors: BTreeMap::new(),
        reason,
    };
    let four = mean_of_weeks(acts, as_of, 1..=4);
    if four >= 1.0 && observed >= 2.0 * four {
        out.push(alert(Rule::Surge, four, 2.0 * four, "surge", None, format!(
            "{observed:.1} incidents {} in the week to {as_of}, at least twice the weekly average of the four weeks before ({four:.2})", who(actor, country))));
    }
    for (rule, weeks, name) in [(Rule::Change4, 4, "4-week"), (Rule::Change52, 52, "52-week")] {
        let norm = mean_of_weeks(acts, as_of, 1..=weeks);
        if norm < 1.0 {
            continue;
        }
        let change = observed / norm - 1.0;
        let level = if change > 0.25 {
            "large increase"
        } else if change >= 0.10 {
            "moderate increase"
        } else {
            continue;
        };
        out.push(alert(rule, norm, norm * if change > 0.25 { 1.25 } else { 1.10 }, level, None, format!(
            "{level} {}: {observed:.1} in the week to {as_of} against a {name} norm of {norm:.2} a week ({:+.0}%)", who(actor, country), change * 100.0)));
    }
    let lambda = mean_of_weeks(acts, as_of, 1..=12).max(0.1);
    let k = observed.floor() as u32;
    let p = poisson_tail(lambda, k);
    if k >= 2 && p < 0.01 {
        out.push(alert(Rule::Poisson, lambda, 0.01, "improbable under the norm", Some(p), format!(
            "{k} incidents {} in the week to {as_of}: P(X >= {k}) = {p:.4} for a Poisson mean of {lambda:.2} a week (the 12 weeks before)", who(actor, country))));
    }
}

/// P(X ≥ k) for X ~ Poisson(λ).
pub fn poisson_tail(lambda: f64, k: u32) -> f64 {
    let mut term = (-lambda).exp();
    let mut below = 0.0;
    for i in 0..k {
        below += term;
        term *= lambda / f64::from(i + 1);
    }
    (1.0 - below).max(0.0)
}

fn precursor_kind(incident: &FusedIncident) -> &'static str {
    if incident.stage.value == Some(Stage::Planned) {
        return "foiled or planned plot";
    }
    match incident.incident_type.value {
        Some(IncidentType::SecurityOperation) => "security operation",
        Some(IncidentType::Arrest) => "arrest",
        Some(IncidentType::Warning) => "warning",
        Some(IncidentType::Threat) => "threat",
        _ => "other",
    }
}

fn precursor_rule(
    precursors: &[&FusedIncident],
    as_of: NaiveDate,
    actor: Option<&str>,
    country: &str,
    out: &mut Vec<Alert>,
) {
    let window = (as_of - Duration::days(27), as_of);
    let observed = count(precursors, window);
    let linked = precursors.iter().any(|i| {
        actor.is_some_and(|a| actors(i).iter().any(|x| x == a))
            && weight_on(i, window.0, window.1) > 0.0
    });
    // The four-week norm over the 48 weeks before the window.
    let norm = (1..=12)
        .map(|block| {
            let end = as_of - Duration::days(28 * block);
            count(precursors, (end - Duration::days(27), end))
        })
        .sum::<f64>()
        / 12.0;
    if observed < 3.0 || !linked || observed < 2.0 * norm {
        return;
    }
    let mut by_kind: BTreeMap<String, f64> = BTreeMap::new();
    for incident in precursors {
        let weight = weight_on(incident, window.0, window.1);
        if weight > 0.0 {
            *by_kind.entry(precursor_kind(incident).to_string()).or_default() += weight;
        }
    }
    let listed: Vec<String> = by_kind.iter().map(|(kind, n)| format!("{n:.0} {kind}")).collect();
    out.push(Alert {
        rule: Rule::Precursors,
        actor: actor.map(str::to_string),
        country: country.to_string(),
        window,
        observed,
        baseline: norm,
        threshold: (2.0 * norm).max(3.0),
        level: "rising precursors".to_string(),
        p_value: None,
        incidents: ids_in(precursors, window),
        precursors: by_kind,
        reason: format!(
            "precursors {} in the four weeks to {as_of}: {} ({observed:.1} against a four-week norm of {norm:.2})",
            who(actor, country),
            listed.join(", ")
        ),
    });
}
