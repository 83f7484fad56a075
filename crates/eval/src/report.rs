//! The scorecard: every figure of one document (or several, merged), as JSON or as a table.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::claims::CLAIM_SLOTS;
use crate::prf::Prf;
use crate::slots::INCIDENT_SLOTS;

/// Scores of an extraction against a gold key.
///
/// Every figure keeps its counts, so that [`Scorecard::merge`] micro-averages across documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// Incident level: an aligned pair is a correct incident.
    pub incidents: Prf,
    /// Per incident slot, keyed by the names in [`INCIDENT_SLOTS`].
    pub slots: BTreeMap<String, Prf>,
    /// All incident slots together (`type` included), micro-averaged.
    pub slot_micro: Prf,
    /// Claim level: a matched pair is a correct claim.
    pub claims: Prf,
    /// Secondary slots on matched claims, keyed by the names in [`CLAIM_SLOTS`].
    pub claim_slots: BTreeMap<String, Prf>,
    /// Distinct actors, by resolved name.
    pub actors: Prf,
    /// Each gold incident id with the output incident id aligned to it, in the key's order.
    pub alignment: Vec<(String, Option<String>)>,
    /// Misses, spurious items and disagreements, one line each, for debugging a reader.
    pub errors: Vec<String>,
}

impl Scorecard {
    /// Adds another scorecard's counts to this one (micro-average across documents); alignments
    /// and errors are appended. Label each with [`Scorecard::with_document`] first to keep
    /// documents apart.
    pub fn merge(&mut self, other: &Scorecard) {
        self.incidents.add(&other.incidents);
        for (slot, prf) in &other.slots {
            self.slots.entry(slot.clone()).or_default().add(prf);
        }
        self.slot_micro.add(&other.slot_micro);
        self.claims.add(&other.claims);
        for (slot, prf) in &other.claim_slots {
            self.claim_slots.entry(slot.clone()).or_default().add(prf);
        }
        self.actors.add(&other.actors);
        self.alignment.extend(other.alignment.iter().cloned());
        self.errors.extend(other.errors.iter().cloned());
    }

    /// This scorecard with alignment ids and error lines prefixed by a document name.
    pub fn with_document(mut self, document: &str) -> Scorecard {
        for (gold, output) in &mut self.alignment {
            *gold = format!("{document}/{gold}");
            if let Some(output) = output {
                *output = format!("{document}/{output}");
            }
        }
        for error in &mut self.errors {
            *error = format!("{document}: {error}");
        }
        self
    }

    /// A plain-text table of every figure: counts, precision, recall and F1.
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        row(&mut out, "", None);
        row(&mut out, "incidents", Some(&self.incidents));
        row(&mut out, "incident slots (micro)", Some(&self.slot_micro));
        for slot in ordered(&self.slots, &INCIDENT_SLOTS) {
            row(&mut out, &format!("  {slot}"), self.slots.get(slot));
        }
        row(&mut out, "claims", Some(&self.claims));
        for slot in ordered(&self.claim_slots, &CLAIM_SLOTS) {
            row(&mut out, &format!("  {slot}"), self.claim_slots.get(slot));
        }
        row(&mut out, "actors", Some(&self.actors));
        out
    }
}

/// Known slots in codebook order, then any others alphabetically.
fn ordered<'a>(slots: &'a BTreeMap<String, Prf>, known: &[&'a str]) -> Vec<&'a str> {
    let mut names: Vec<&str> = known.iter().copied().filter(|k| slots.contains_key(*k)).collect();
    names.extend(slots.keys().map(String::as_str).filter(|k| !known.contains(k)));
    names
}

/// One line of the table; `None` writes the header.
fn row(out: &mut String, label: &str, prf: Option<&Prf>) {
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = match prf {
        None => writeln!(
            out,
            "{:<28}{:>8}{:>10}{:>7}{:>7}{:>7}{:>7}",
            "", "correct", "predicted", "gold", "P", "R", "F1"
        ),
        Some(p) => writeln!(
            out,
            "{label:<28}{:>8}{:>10}{:>7}{:>7.3}{:>7.3}{:>7.3}",
            number(p.correct),
            number(p.predicted),
            number(p.gold),
            p.precision(),
            p.recall(),
            p.f1()
        ),
    };
}

/// Counts are whole numbers in practice; print them without a fraction when they are.
fn number(value: f64) -> String {
    if value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value:.1}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_micro_averages_and_labels_keep_documents_apart() {
        let one = Scorecard {
            incidents: Prf::new(1.0, 1.0, 2.0),
            slots: BTreeMap::from([("type".to_string(), Prf::new(1.0, 1.0, 1.0))]),
            alignment: vec![("a".into(), Some("i1".into()))],
            errors: vec!["x".into()],
            ..Scorecard::default()
        };
        let two = Scorecard {
            incidents: Prf::new(0.0, 3.0, 0.0),
            slots: BTreeMap::from([("site".to_string(), Prf::new(0.0, 1.0, 0.0))]),
            ..Scorecard::default()
        };
        let mut total = one.with_document("d1");
        total.merge(&two.with_document("d2"));
        assert_eq!(total.incidents, Prf::new(1.0, 4.0, 2.0));
        assert_eq!(total.slots.len(), 2);
        assert_eq!(total.alignment, vec![("d1/a".to_string(), Some("d1/i1".to_string()))]);
        assert_eq!(total.errors, vec!["d1: x".to_string()]);
        assert_eq!(number(2.0), "2");
        assert_eq!(number(2.5), "2.5");
    }
}
