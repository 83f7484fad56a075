//! Incidents from MUC-4's raw keys, for watching: one per incident, not per message.
//!
//! The keys have one template per incident *per message*: the Jesuits' murder of November 1989
//! is keyed in dozens of messages. Templates are merged when they agree on the country and the
//! incident type, their dates overlap, and they share a named perpetrator or target (any string
//! of slots 9, 12, 18 or 19, normalised). Templates without a date or a country are left out:
//! a series needs both.
//!
//! Dates: a closed range spreads the incident over its days; an open one ("- 03 NOV 89", on or
//! before the dateline) is read as its last day, since keys use it for "recently, before the
//! report"; with alternatives, the first is taken.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::keys::RawTemplate;
use super::score::normalise;

/// One incident of the keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyIncident {
    /// Country, upper case as in the key.
    pub country: String,
    /// Incident type, lower case.
    pub incident_type: String,
    /// First possible day.
    pub first: NaiveDate,
    /// Last possible day.
    pub last: NaiveDate,
    /// Messages whose key records it.
    pub messages: BTreeSet<String>,
    /// Normalised names of its perpetrators and targets.
    pub names: BTreeSet<String>,
    /// Days the reports allow (wider than `first..=last` for open ranges).
    #[serde(skip)]
    allowed: (NaiveDate, NaiveDate),
    /// Whether `first..=last` comes from a closed range.
    #[serde(skip)]
    exact: bool,
}

/// How far back an open range ("- 03 NOV 89") may reach when merging reports.
const OPEN_RANGE_DAYS: i64 = 14;

/// The incidents of a set of key templates, merged across messages.
pub fn key_incidents(templates: &[RawTemplate]) -> Vec<KeyIncident> {
    let mut out: Vec<KeyIncident> = Vec::new();
    for template in templates.iter().filter(|t| t.is_relevant()) {
        let (dates, _) = template.dates();
        let (countries, _) = template.countries();
        let (Some(range), Some(country)) = (dates.first(), countries.first()) else { continue };
        let Some(incident_type) = template.incident_types().into_iter().next() else { continue };
        let (first, last) = (range.first.unwrap_or(range.last), range.last);
        let exact = range.first.is_some();
        let allowed = (
            range.first.unwrap_or(range.last - chrono::Duration::days(OPEN_RANGE_DAYS)),
            range.last,
        );
        let names: BTreeSet<String> = [9, 12, 18, 19]
            .into_iter()
            .flat_map(|slot| template.strings(slot))
            .map(|name| normalise(&name))
            .filter(|name| !name.is_empty())
            .collect();
        let same = out.iter_mut().find(|known| {
            known.country == *country
                && known.incident_type == incident_type
                && known.allowed.0 <= allowed.1
                && allowed.0 <= known.allowed.1
                && !known.names.is_disjoint(&names)
        });
        match same {
            Some(known) => {
                known.messages.insert(template.docid.clone());
                known.names.extend(names);
                known.allowed = (known.allowed.0.max(allowed.0), known.allowed.1.min(allowed.1));
                // A closed range tells the days better than an open one; two closed ones,
                // their intersection when they agree at all.
                if exact && !known.exact {
                    (known.first, known.last, known.exact) = (first, last, true);
                } else if exact == known.exact && known.first.max(first) <= known.last.min(last) {
                    known.first = known.first.max(first);
                    known.last = known.last.min(last);
                }
            }
            None => out.push(KeyIncident {
                country: country.clone(),
                incident_type,
                first,
                last,
                messages: BTreeSet::from([template.docid.clone()]),
                names,
                allowed,
                exact,
            }),
        }
    }
    out
}

/// Weekly counts of incidents in one country: `weeks` weeks, the first ending on `first_end`.
/// An incident spread over several days counts in each week in proportion to its days there;
/// weeks are rounded so that their running total stays the rounded running total of the
/// fractions (no incident is lost or doubled by rounding).
pub fn weekly_counts(
    incidents: &[KeyIncident],
    country: &str,
    first_end: NaiveDate,
    weeks: usize,
) -> Vec<u32> {
    let mut counts = vec![0.0_f64; weeks];
    for incident in incidents.iter().filter(|i| i.country == country) {
        let days = (incident.last - incident.first).num_days() + 1;
        for (week, count) in counts.iter_mut().enumerate() {
            let end = first_end + chrono::Duration::days(7 * week as i64);
            let start = end - chrono::Duration::days(6);
            let from = incident.first.max(start);
            let to = incident.last.min(end);
            if from <= to {
                *count += ((to - from).num_days() + 1) as f64 / days as f64;
            }
        }
    }
    let mut running = 0.0;
    let mut rounded = 0_u32;
    counts
        .into_iter()
        .map(|count| {
            running += count;
            let total = running.round() as u32;
            let week = total.saturating_sub(rounded);
            rounded = total.max(rounded);
            week
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::muc4::keys::parse_keys;

    fn template(id: &str, date: &str, country: &str, victim: &str) -> String {
        format!(
            "0.  MESSAGE: ID                     {id}\n1.  MESSAGE: TEMPLATE               1\n2.  INCIDENT: DATE                  {date}\n3.  INCIDENT: LOCATION              {country}: SAN SALVADOR (CITY)\n4.  INCIDENT: TYPE                  ATTACK\n18. HUM TGT: NAME                   \"{victim}\"\n\n"
        )
    }

    #[test]
    fn one_incident_keyed_in_two_messages_counts_once() {
        let text = [
            template("DEV-MUC3-0001", "16 NOV 89", "EL SALVADOR", "IGNACIO ELLACURIA"),
            template("DEV-MUC3-0002", "- 17 NOV 89", "EL SALVADOR", "IGNACIO ELLACURIA"),
            template("DEV-MUC3-0003", "16 NOV 89", "EL SALVADOR", "OTHER VICTIM"),
            template("DEV-MUC3-0004", "15 NOV 89 - 16 NOV 89", "COLOMBIA", "IGNACIO ELLACURIA"),
        ]
        .concat();
        let incidents = key_incidents(&parse_keys(&text));
        assert_eq!(incidents.len(), 3, "{incidents:#?}");
        assert_eq!(incidents[0].messages.len(), 2);
        let day = |d| NaiveDate::from_ymd_opt(1989, 11, d).unwrap_or_default();
        assert_eq!(weekly_counts(&incidents, "EL SALVADOR", day(12), 2), [0, 2]);
        // Two days, one in each week: half and half, rounded.
        assert_eq!(weekly_counts(&incidents, "COLOMBIA", day(15), 2), [1, 0]);
    }
}
