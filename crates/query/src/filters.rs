//! The filters every listing takes, and the order incidents are listed in.

use chrono::NaiveDate;
use serde::Deserialize;
use vigil_fusion::FusedIncident;

/// Filters of a listing: type or kind, actor, country, dates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Filters {
    /// Only this type or kind (e.g. bombing, arrest; responsibility, denial; armed_group, state).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Only items naming this actor (any alias; the knowledge base resolves it).
    pub actor: Option<String>,
    /// Only items in or about this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Only items dated on or after this day.
    pub from: Option<NaiveDate>,
    /// Only items dated on or before this day.
    pub to: Option<NaiveDate>,
}

impl Filters {
    /// The canonical name of the actor filter, resolved through the knowledge base.
    pub fn actor_name(&self) -> Option<String> {
        let actor = self.actor.as_deref()?;
        let kb = vigil_extract::kb::Kb::builtin();
        Some(kb.canonical(actor).unwrap_or(actor).to_string())
    }

    /// Whether a span of days passes `from` and `to` (undated items pass only when neither
    /// is given).
    pub fn dates_pass(&self, start: Option<NaiveDate>, end: Option<NaiveDate>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let (Some(start), Some(end)) = (start, end) else { return false };
        self.from.is_none_or(|from| end >= from) && self.to.is_none_or(|to| start <= to)
    }

    /// Whether a fused incident passes: its consensus type, any source's attribution, its
    /// consensus place and date.
    pub fn pass_incident(&self, incident: &FusedIncident) -> bool {
        self.pass_incident_as(self.actor_name().as_deref(), incident)
    }

    /// [`Filters::pass_incident`] with the actor's canonical name resolved once by the caller
    /// (a listing tests many incidents).
    pub fn pass_incident_as(&self, actor: Option<&str>, incident: &FusedIncident) -> bool {
        let kind_ok = self.kind.as_deref().is_none_or(|kind| {
            incident.incident_type.value.is_some_and(|value| serde_value(&value) == kind)
        });
        let actor_ok =
            actor.is_none_or(|name| incident.attribution.iter().any(|link| link.actor == name));
        let country_ok = self.country.as_deref().is_none_or(|code| {
            incident
                .location
                .value
                .as_ref()
                .and_then(|place| place.country.as_deref())
                .is_some_and(|found| found.eq_ignore_ascii_case(code))
        });
        let date = incident.date.value;
        let dates_ok = self.dates_pass(date.map(|d| d.start), date.map(|d| d.end));
        kind_ok && actor_ok && country_ok && dates_ok
    }
}

/// Oldest first, undated last, then by id.
pub fn sort_by_date(incidents: &mut [FusedIncident]) {
    incidents.sort_by(date_order);
}

/// The order of [`sort_by_date`]: oldest first, undated last, then by id.
pub fn date_order(a: &FusedIncident, b: &FusedIncident) -> std::cmp::Ordering {
    let key = |incident: &FusedIncident| incident.date.value.map(|date| date.start);
    (key(a).is_none(), key(a), &a.id).cmp(&(key(b).is_none(), key(b), &b.id))
}

/// A value's snake_case JSON spelling.
pub fn serde_value<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_string))
        .unwrap_or_default()
}
