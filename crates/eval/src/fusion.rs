//! Scoring fusion against a fusion key: which reports describe which incident, B-cubed.
//!
//! A key (`demo/fusion-key.json`) lists incidents, each with the documents that report it
//! (`text/a.txt`, `feeds/b.xml#item=2`). The items scored are the (report, incident) pairs of
//! the key. Each is aligned to one incident the system read in that report: same family of
//! event (violent acts, operations, arrests, warnings), a plot to a plot and an act to an act,
//! then the closest date, then the same country, then a place the key names; one system
//! incident per key incident per report. An item's predicted cluster is
//! the fused incident of its aligned mention; an item with none is a cluster of its own.
//!
//! B-cubed (Bagga and Baldwin 1998): per item, precision is the share of its predicted cluster
//! that shares its key incident, recall the share of its key incident that shares its predicted
//! cluster; both are averaged over items. Two figures are given: over aligned items only (how
//! well fusion joined what the reader found) and over every item (misses count as singletons).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use vigil_domain::{Incident, IncidentFamily, IncidentType, Stage};

/// A fusion key.
#[derive(Debug, Clone, Deserialize)]
pub struct FusionKey {
    /// The key's incidents.
    pub incidents: Vec<KeyIncident>,
}

/// One incident of a fusion key.
#[derive(Debug, Clone, Deserialize)]
pub struct KeyIncident {
    /// Its name.
    pub key: String,
    /// Codebook type.
    #[serde(rename = "type")]
    pub incident_type: IncidentType,
    /// How far it got; a plot is aligned to a plot, an act to an act.
    #[serde(default)]
    pub stage: Option<Stage>,
    /// Day, when known.
    pub date: Option<NaiveDate>,
    /// Where, in words ("Crocus City Hall, Krasnogorsk, Moscow region").
    #[serde(default)]
    pub place: Option<String>,
    /// Country code, when known.
    pub country: Option<String>,
    /// Incidents only mentioned in passing are not scored.
    #[serde(default)]
    pub background: bool,
    /// Paths (relative to the corpus root) of the documents that report it.
    pub reports: Vec<String>,
}

/// A fused mention as the system stored it.
#[derive(Debug, Clone)]
pub struct SystemMention<'a> {
    /// Where the reporting document was read from (ends with the key's path).
    pub origin: &'a str,
    /// The incident as that document tells it.
    pub incident: &'a Incident,
    /// The fused incident it was placed in.
    pub fused_id: &'a str,
    /// The mention's key (`<document>/<incident>`), to name it in the item listing.
    pub key: &'a str,
}

/// One scored (report, key incident) item and where fusion put it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FusionItem {
    /// The key incident.
    pub incident: String,
    /// The reporting document's path in the key.
    pub report: String,
    /// The system mention aligned to it, if the reader found one.
    pub mention: Option<String>,
    /// The fused incident that mention was placed in.
    pub fused_id: Option<String>,
}

/// B-cubed precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct BCubed {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Items scored.
    pub items: usize,
}

/// The fusion score.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FusionScore {
    /// Over items aligned to a system mention.
    pub aligned: BCubed,
    /// Over every item of the key.
    pub all: BCubed,
    /// Every item, in key-report order: which mention it was aligned to and where it went.
    pub items: Vec<FusionItem>,
}

/// B-cubed over items labelled `(key cluster, predicted cluster)`.
pub fn bcubed<K: Ord, P: Ord>(items: &[(K, P)]) -> BCubed {
    if items.is_empty() {
        return BCubed::default();
    }
    let mut key_size: BTreeMap<&K, usize> = BTreeMap::new();
    let mut predicted_size: BTreeMap<&P, usize> = BTreeMap::new();
    let mut both: BTreeMap<(&K, &P), usize> = BTreeMap::new();
    for (key, predicted) in items {
        *key_size.entry(key).or_default() += 1;
        *predicted_size.entry(predicted).or_default() += 1;
        *both.entry((key, predicted)).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (key, predicted) in items {
        let shared = both[&(key, predicted)] as f64;
        precision += shared / predicted_size[predicted] as f64;
        recall += shared / key_size[key] as f64;
    }
    let n = items.len() as f64;
    let (precision, recall) = (precision / n, recall / n);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    BCubed { precision, recall, f1, items: items.len() }
}

/// Scores the system's fused mentions against `key`.
pub fn score_fusion(key: &FusionKey, mentions: &[SystemMention<'_>]) -> FusionScore {
    let mut aligned: Vec<(String, String)> = Vec::new();
    let mut all: Vec<(String, String)> = Vec::new();
    let mut listed: Vec<FusionItem> = Vec::new();
    let mut reports: BTreeMap<&str, Vec<&KeyIncident>> = BTreeMap::new();
    for incident in key.incidents.iter().filter(|incident| !incident.background) {
        for report in &incident.reports {
            reports.entry(report.as_str()).or_default().push(incident);
        }
    }
    for (report, incidents) in reports {
        let theirs: Vec<&SystemMention<'_>> =
            mentions.iter().filter(|mention| origin_is(mention.origin, report)).collect();
        let mut taken = vec![false; theirs.len()];
        // Best pairs first, so a precise match is not spent on a vaguer key incident.
        let mut pairs: Vec<(u32, usize, usize)> = Vec::new();
        for (k, incident) in incidents.iter().enumerate() {
            for (m, mention) in theirs.iter().enumerate() {
                if let Some(cost) = cost(incident, mention.incident) {
                    pairs.push((cost, k, m));
                }
            }
        }
        pairs.sort_unstable();
        let mut matched: Vec<Option<usize>> = vec![None; incidents.len()];
        for (_, k, m) in pairs {
            if matched[k].is_none() && !taken[m] {
                matched[k] = Some(m);
                taken[m] = true;
            }
        }
        for (k, incident) in incidents.iter().enumerate() {
            listed.push(FusionItem {
                incident: incident.key.clone(),
                report: report.to_string(),
                mention: matched[k].map(|m| theirs[m].key.to_string()),
                fused_id: matched[k].map(|m| theirs[m].fused_id.to_string()),
            });
            match matched[k] {
                Some(m) => {
                    let item = (incident.key.clone(), theirs[m].fused_id.to_string());
                    aligned.push(item.clone());
                    all.push(item);
                }
                None => {
                    all.push((incident.key.clone(), format!("missed:{report}:{}", incident.key)))
                }
            }
        }
    }
    FusionScore { aligned: bcubed(&aligned), all: bcubed(&all), items: listed }
}

/// Whether a stored origin is the key's path (origins carry the corpus folder in front).
fn origin_is(origin: &str, report: &str) -> bool {
    origin == report
        || origin
            .strip_suffix(report)
            .is_some_and(|head| head.ends_with('/') || head.ends_with('\\'))
}

/// How well a system incident fits a key incident; `None` when it cannot be it.
fn cost(key: &KeyIncident, incident: &Incident) -> Option<u32> {
    if key.incident_type.family() != incident.incident_type.family() {
        return None;
    }
    let days = match (key.date, incident.date) {
        // Inside the span: the vaguer the span, the worse the fit.
        (Some(day), Some(span)) if day >= span.start && day <= span.end => {
            u32::try_from((span.end - span.start).num_days() / 2).unwrap_or(0).min(60)
        }
        (Some(day), Some(span)) => {
            let distance =
                (day - span.start).num_days().abs().min((day - span.end).num_days().abs());
            u32::try_from(distance).unwrap_or(u32::MAX / 4).min(1000)
        }
        // No date: better than a date weeks off, worse than a close one.
        _ => 20,
    };
    let country = incident.location.as_ref().and_then(|place| place.country.as_deref());
    let place = match (key.country.as_deref(), country) {
        (Some(a), Some(b)) if a == b => 0,
        (Some(_), Some(_)) => 2000,
        _ => 100,
    };
    let kind = u32::from(key.incident_type != incident.incident_type);
    // Warnings have no plot stage worth the name; for the rest, a reader's plot is not the act.
    let planned = |stage: Stage| stage == Stage::Planned;
    let stage = match key.stage {
        Some(stage) if key.incident_type.family() != IncidentFamily::Warning => {
            if planned(stage) == planned(incident.stage) { 0 } else { 5000 }
        }
        _ => 0,
    };
    // The key's place in words names the town or region the reader should have found; a
    // mention placed elsewhere is another incident more surely than one dated a month off.
    let named = match (&key.place, &incident.location) {
        (Some(words), Some(found)) if words.to_lowercase().contains(&found.name.to_lowercase()) => {
            0
        }
        (Some(_), Some(_)) => 300,
        _ => 25,
    };
    Some(days * 10 + place + kind + stage + named)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bcubed_matches_a_hand_computed_example() {
        // Key: {a1 a2 a3} {b1}; system: {a1 a2} {a3 b1}.
        let items = [("a", 1), ("a", 1), ("a", 2), ("b", 2)];
        let score = bcubed(&items);
        // Precision: a1 1, a2 1, a3 1/2, b1 1/2 -> 0.75. Recall: a1 2/3, a2 2/3, a3 1/3, b1 1.
        assert!((score.precision - 0.75).abs() < 1e-9);
        assert!((score.recall - (2.0 / 3.0 + 2.0 / 3.0 + 1.0 / 3.0 + 1.0) / 4.0).abs() < 1e-9);
    }

    #[test]
    fn perfect_and_all_singletons() {
        assert!((bcubed(&[("a", 1), ("a", 1), ("b", 2)]).f1 - 1.0).abs() < 1e-9);
        let singletons = bcubed(&[("a", 1), ("a", 2), ("a", 3)]);
        assert!((singletons.precision - 1.0).abs() < 1e-9);
        assert!((singletons.recall - 1.0 / 3.0).abs() < 1e-9);
    }
}
