//! A learned pairwise merge of the templates the adapter opens in one message: do two of them
//! stand for the same incident of the key?
//!
//! On dev, 20 messages keyed with one template got two, and a template split in two loses the
//! fillers of the half the scorer leaves unaligned and counts its type slot as spurious. Merging
//! every pair of one type by rule lost (33.9); this model judges each pair by its types, where
//! the reader or a trigger word opened each, how far apart in the text they were read, the
//! fillers they share, whether their dates and countries agree and how sure the gate is of each.
//!
//! - **Examples.** Every pair of templates the adapter opens in a message of the training split
//!   (the reader with the lexicon and role classifier of the same split), labelled by
//!   [`same_incident`].
//! - **Model.** Logistic regression over named binary features ([`super::gate::logistic`]):
//!   deterministic.
//! - **Reading.** Among the templates the gate keeps, the most probable pair above the
//!   threshold is merged ([`merge`]), and again until no pair is (tuned on dev).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::adapt::Candidate;
use super::gate::{logistic, sigmoid};
use super::score::{normalise, shared_fillers};
use super::{GoldTemplate, Role, Template};

/// The trained merge.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MergeModel {
    /// Weight per feature (features never seen in training weigh nothing).
    pub weights: BTreeMap<String, f32>,
    /// Least probability for a pair to be merged.
    pub threshold: f32,
}

impl MergeModel {
    /// Trains on `(pair features, same incident)` examples, in the order given.
    pub fn train(examples: &[(Vec<String>, bool)], threshold: f32) -> MergeModel {
        MergeModel { weights: logistic(examples), threshold }
    }

    /// The probability that a pair with these features is one incident.
    pub fn probability(&self, features: &[String]) -> f32 {
        sigmoid(features.iter().filter_map(|f| self.weights.get(f)).sum())
    }

    /// Merges the most probable pair above the threshold until none is left; `support` is the
    /// gate's probability of a candidate, when there is a gate.
    pub fn merge_all(
        &self,
        mut candidates: Vec<Candidate>,
        text: &str,
        support: &dyn Fn(&Candidate) -> Option<f32>,
    ) -> Vec<Candidate> {
        // Each candidate's support is read once; after a merge only the joined one's changes.
        let mut supports: Vec<Option<f32>> = candidates.iter().map(support).collect();
        loop {
            let count = candidates.len();
            let mut best: Option<(f32, usize, usize)> = None;
            for i in 0..count {
                for j in i + 1..count {
                    let pair = supports[i].zip(supports[j]).map(|(x, y)| [x, y]);
                    let features = features(&candidates[i], &candidates[j], text, count, pair);
                    let p = self.probability(&features);
                    if p >= self.threshold && best.is_none_or(|(q, _, _)| p > q) {
                        best = Some((p, i, j));
                    }
                }
            }
            let Some((_, i, j)) = best else { return candidates };
            let second = candidates.remove(j);
            supports.remove(j);
            candidates[i] = merge(&candidates[i], &second);
            supports[i] = support(&candidates[i]);
        }
    }
}

/// Whether two candidates of one message stand for one incident of its key: the gold template
/// each would earn fillers in (the one the scorer aligns it with, else the one sharing most of
/// its fillers) is the same one, so one template holding both loses no match.
pub fn same_incident(
    a: &Template,
    b: &Template,
    aligned: (Option<usize>, Option<usize>),
    golds: &[GoldTemplate],
) -> bool {
    let home = |template: &Template, aligned: Option<usize>| {
        aligned.or_else(|| {
            golds
                .iter()
                .enumerate()
                .map(|(index, gold)| (shared_fillers(template, gold), index))
                .filter(|(shared, _)| *shared > 0)
                .max_by_key(|(shared, index)| (*shared, std::cmp::Reverse(*index)))
                .map(|(_, index)| index)
        })
    };
    let (a, b) = (home(a, aligned.0), home(b, aligned.1));
    a.is_some() && a == b
}

/// Sentences (full stops) between two byte positions of a text.
fn sentences_between(text: &str, a: usize, b: usize) -> usize {
    let (from, to) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
    text.get(from..to).map_or(0, |between| between.matches(". ").count())
}

/// The normalised mentions of a template's fillers, per role.
fn mentions(template: &Template, role: Role) -> Vec<String> {
    template.roles.get(role).iter().flatten().map(|m| normalise(m)).collect()
}

fn country(template: &Template) -> Option<String> {
    template.location.as_deref().map(|l| normalise(l.split(':').next().unwrap_or_default()))
}

/// The features of a pair of candidates in a message with `count` of them, with the gate's
/// probability of each when there is a gate (symmetric: the pair's order does not change them).
pub fn features(
    a: &Candidate,
    b: &Candidate,
    text: &str,
    count: usize,
    support: Option<[f32; 2]>,
) -> Vec<String> {
    let (ta, tb) = (&a.template, &b.template);
    let mut out = vec!["bias".to_string(), format!("count={}", count.min(4))];
    // How sure the gate is of each: a template it doubts is often the stray half of an
    // incident the other holds (without these features the model merged nothing that helped:
    // dev template F1 39.1 to 39.6 at every threshold).
    if let Some(support) = support {
        let mut buckets = support.map(|p| match p {
            p if p < 0.05 => "a",
            p if p < 0.2 => "b",
            p if p < 0.5 => "c",
            _ => "d",
        });
        buckets.sort_unstable();
        out.push(format!("gate={}+{}", buckets[0], buckets[1]));
    }
    let mut types = [ta.incident_type.as_str(), tb.incident_type.as_str()];
    types.sort_unstable();
    let same = types[0] == types[1];
    out.push(format!("types={}+{}", types[0], types[1]));
    let mut sources = [a.fallback, b.fallback].map(|f| if f { "trigger" } else { "reader" });
    sources.sort_unstable();
    out.push(format!("sources={}+{}", sources[0], sources[1]));
    out.push(format!("sources={}+{} same={same}", sources[0], sources[1]));
    let start = |c: &Candidate| c.evidence.iter().map(|span| span.start).min().unwrap_or(0);
    let distance = match sentences_between(text, start(a), start(b)) {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        _ => "6+",
    };
    out.push(format!("distance={distance}"));
    out.push(format!("distance={distance} same={same}"));
    let mut shared = 0;
    let mut filled = [0, 0];
    for role in Role::ALL {
        let (ma, mb) = (mentions(ta, role), mentions(tb, role));
        filled[0] += ma.len();
        filled[1] += mb.len();
        let common = ma.iter().filter(|m| mb.contains(m)).count();
        shared += common;
        if common > 0 {
            out.push(format!("shared={}", role.key()));
        } else if !ma.is_empty() && !mb.is_empty() {
            out.push(format!("differ={}", role.key()));
        }
    }
    out.push(format!("shared={}", shared.min(2)));
    let mut filled = filled.map(|n| n.min(2));
    filled.sort_unstable();
    out.push(format!("filled={}+{}", filled[0], filled[1]));
    out.push(match (ta.date, tb.date) {
        (Some(x), Some(y)) if x == y => "date=same".into(),
        (Some(_), Some(_)) => "date=differ".into(),
        (None, None) => "date=none".into(),
        _ => "date=one".into(),
    });
    out.push(match (country(ta), country(tb)) {
        (Some(x), Some(y)) if x == y => "country=same".into(),
        (Some(_), Some(_)) => "country=differ".into(),
        (None, None) => "country=none".into(),
        _ => "country=one".into(),
    });
    out
}

/// One candidate holding both: the type of the better supported (the reader's over a trigger
/// word's, then the one with more fillers, then the first), every entity of either
/// (deduplicated by normalised mention), their confidence pairs, the first's date and place
/// (the second's where the first has none) and both evidences.
pub fn merge(first: &Candidate, second: &Candidate) -> Candidate {
    let fillers =
        |c: &Candidate| -> usize { Role::ALL.iter().map(|&r| c.template.roles.get(r).len()).sum() };
    let support = |c: &Candidate| (!c.fallback, fillers(c));
    let kind = if support(second) > support(first) { second } else { first };
    let mut template = Template {
        incident_type: kind.template.incident_type.clone(),
        date: first.template.date.or(second.template.date),
        location: first.template.location.clone().or_else(|| second.template.location.clone()),
        ..first.template.clone()
    };
    for role in Role::ALL {
        let entities = template.roles.get_mut(role);
        for entity in second.template.roles.get(role) {
            let keys: Vec<String> = entity.iter().map(|m| normalise(m)).collect();
            if !entities.iter().flatten().any(|m| keys.contains(&normalise(m))) {
                entities.push(entity.clone());
            }
        }
    }
    for (organisation, level) in &second.template.confidence {
        let key = normalise(organisation);
        if !template.confidence.iter().any(|(o, _)| normalise(o) == key) {
            template.confidence.push((organisation.clone(), *level));
        }
    }
    let mut evidence = first.evidence.clone();
    evidence.extend(second.evidence.iter().filter(|span| !first.evidence.contains(span)));
    Candidate { evidence, fallback: first.fallback && second.fallback, template }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
