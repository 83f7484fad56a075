//! Series of fused incidents, with date precision respected.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use vigil_domain::{Confidence, DatePrecision, IncidentType, Stage};
use vigil_fusion::FusedIncident;

/// Bucket width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    /// One day.
    Day,
    /// Seven days, counted back from the series' last day.
    Week,
    /// A calendar month.
    Month,
}

/// Which incidents a series counts.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only incidents linked (not denied) to one of these actors.
    pub actors: Vec<String>,
    /// Only incidents in this country.
    pub country: Option<String>,
    /// Only this type.
    pub incident_type: Option<IncidentType>,
    /// Only precursors (plots, operations, arrests, warnings, threats), or only acts.
    pub precursors: Option<bool>,
}

/// One bucket of a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Incidents (fractional where a vague date is spread).
    pub incidents: f64,
    /// Killed (the consensus tolls, spread like the incidents).
    pub fatalities: f64,
}

/// Early signals: foiled or planned plots, security operations, arrests, warnings, threats.
pub fn is_precursor(incident: &FusedIncident) -> bool {
    incident.stage.value == Some(Stage::Planned)
        || incident.incident_type.value.is_some_and(|kind| !kind.is_violent())
}

impl Selection {
    /// Whether an incident is selected.
    pub fn takes(&self, incident: &FusedIncident) -> bool {
        let actor_ok = self.actors.is_empty()
            || incident.attribution.iter().any(|link| {
                link.confidence != Confidence::Denied && self.actors.contains(&link.actor)
            });
        let country_ok = self.country.as_deref().is_none_or(|code| {
            incident.location.value.as_ref().and_then(|p| p.country.as_deref()) == Some(code)
        });
        let type_ok =
            self.incident_type.is_none_or(|kind| incident.incident_type.value == Some(kind));
        let precursor_ok = self.precursors.is_none_or(|wanted| is_precursor(incident) == wanted);
        actor_ok && country_ok && type_ok && precursor_ok
    }
}

/// How much of an incident falls on the days `first..=last`: 1 for a day- or week-precise date
/// whose first day is inside; for vaguer dates, the share of its days inside.
pub fn weight_on(incident: &FusedIncident, first: NaiveDate, last: NaiveDate) -> f64 {
    let Some(date) = incident.date.value else { return 0.0 };
    if matches!(date.precision, DatePrecision::Day | DatePrecision::Week) {
        return if date.start >= first && date.start <= last { 1.0 } else { 0.0 };
    }
    let days = (date.end - date.start).num_days() + 1;
    let from = date.start.max(first);
    let to = date.end.min(last);
    if to < from {
        return 0.0;
    }
    ((to - from).num_days() + 1) as f64 / days as f64
}

/// The series of selected incidents from `from` to `to`, in buckets; and the selected incidents
/// with no date (not counted).
pub fn series<'f>(
    incidents: &'f [FusedIncident],
    selection: &Selection,
    bucket: Bucket,
    from: NaiveDate,
    to: NaiveDate,
) -> (Vec<Point>, Vec<&'f FusedIncident>) {
    let chosen: Vec<&FusedIncident> = incidents.iter().filter(|i| selection.takes(i)).collect();
    let undated = chosen.iter().filter(|i| i.date.value.is_none()).copied().collect();
    let mut points = Vec::new();
    for (start, end) in buckets(bucket, from, to) {
        let mut point = Point { start, end, incidents: 0.0, fatalities: 0.0 };
        for incident in &chosen {
            let weight = weight_on(incident, start, end);
            point.incidents += weight;
            point.fatalities += weight * f64::from(incident.killed.value.map_or(0, |c| c.best));
        }
        points.push(point);
    }
    (points, undated)
}

fn buckets(bucket: Bucket, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    match bucket {
        Bucket::Day => {
            let mut day = from;
            while day <= to {
                out.push((day, day));
                day += Duration::days(1);
            }
        }
        Bucket::Week => {
            // Weeks end on `to`, so the last bucket is the latest full week.
            let mut end = to;
            while end >= from {
                out.push(((end - Duration::days(6)).max(from), end));
                end -= Duration::days(7);
            }
            out.reverse();
        }
        Bucket::Month => {
            let mut start = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
            while start <= to {
                let next = if start.month() == 12 {
                    NaiveDate::from_ymd_opt(start.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(start.year(), start.month() + 1, 1)
                };
                let Some(next) = next else { break };
                out.push((start.max(from), (next - Duration::days(1)).min(to)));
                start = next;
            }
        }
    }
    out
}
