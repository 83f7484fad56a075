//! Precision, recall and F1 from three counts, and the rule for empty sides.
//!
//! Counts are kept rather than ratios so that scores of several documents add up (micro-average):
//! the ratio of sums, not the mean of ratios, which would let a one-incident document weigh as
//! much as a thirteen-incident one.
//!
//! Empty sides: when nothing was to be found and nothing was found (`predicted == gold == 0`), the
//! score is a vacuous 1.0 everywhere, so that a perfect reader scores 1.0 on a document without,
//! say, arrests. Otherwise an empty side scores 0: an empty output has precision 0 (not an
//! undefined 0/0 and not a flattering 1), and output on a document whose key is empty has recall 0.
//! F1 is 0 whenever precision and recall are both 0.

use serde::{Deserialize, Serialize};

/// Counts behind one precision/recall/F1 figure.
///
/// Serialises with the derived ratios as well (`precision`, `recall`, `f1`), so that JSON readers
/// need not recompute them; deserialising reads the counts and ignores the ratios.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "PrfView")]
pub struct Prf {
    /// Units in both the output and the gold key.
    pub correct: f64,
    /// Units in the output.
    pub predicted: f64,
    /// Units in the gold key.
    pub gold: f64,
}

impl Prf {
    /// A figure from its counts.
    pub fn new(correct: f64, predicted: f64, gold: f64) -> Prf {
        Prf { correct, predicted, gold }
    }

    /// Correct over predicted; see the module docs for empty sides.
    pub fn precision(&self) -> f64 {
        if self.predicted > 0.0 {
            self.correct / self.predicted
        } else if self.gold > 0.0 {
            0.0
        } else {
            1.0
        }
    }

    /// Correct over gold; see the module docs for empty sides.
    pub fn recall(&self) -> f64 {
        if self.gold > 0.0 {
            self.correct / self.gold
        } else if self.predicted > 0.0 {
            0.0
        } else {
            1.0
        }
    }

    /// Harmonic mean of precision and recall, 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
    }

    /// Adds another figure's counts to this one (micro-averaging).
    pub fn add(&mut self, other: &Prf) {
        self.correct += other.correct;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

/// The JSON form of a [`Prf`]: counts plus ratios.
#[derive(Serialize)]
struct PrfView {
    correct: f64,
    predicted: f64,
    gold: f64,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl From<Prf> for PrfView {
    fn from(prf: Prf) -> PrfView {
        PrfView {
            correct: prf.correct,
            predicted: prf.predicted,
            gold: prf.gold,
            precision: prf.precision(),
            recall: prf.recall(),
            f1: prf.f1(),
        }
    }
}

/// Integer counts while scoring one document; [`Prf`] is their public, addable form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) correct: u32,
    pub(crate) predicted: u32,
    pub(crate) gold: u32,
}

impl Tally {
    pub(crate) fn add(&mut self, other: Tally) {
        self.correct += other.correct;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }

    pub(crate) fn prf(self) -> Prf {
        Prf::new(f64::from(self.correct), f64::from(self.predicted), f64::from(self.gold))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios() {
        let prf = Prf::new(3.0, 4.0, 6.0);
        assert_eq!(prf.precision(), 0.75);
        assert_eq!(prf.recall(), 0.5);
        assert!((prf.f1() - 0.6).abs() < 1e-12);
    }

    #[test]
    fn empty_sides() {
        // Nothing to find, nothing found: vacuously perfect.
        assert_eq!(Prf::new(0.0, 0.0, 0.0).f1(), 1.0);
        // Empty output: precision 0, not undefined.
        let empty = Prf::new(0.0, 0.0, 5.0);
        assert_eq!((empty.precision(), empty.recall(), empty.f1()), (0.0, 0.0, 0.0));
        // False alarms on an empty key.
        let alarms = Prf::new(0.0, 2.0, 0.0);
        assert_eq!((alarms.precision(), alarms.recall(), alarms.f1()), (0.0, 0.0, 0.0));
    }

    #[test]
    fn json_carries_ratios_and_reads_back() {
        let prf = Prf::new(1.0, 2.0, 4.0);
        let json = serde_json::to_value(prf).unwrap_or_default();
        assert_eq!(json["precision"], 0.5);
        assert_eq!(json["recall"], 0.25);
        let back: Prf = serde_json::from_value(json).unwrap_or_default();
        assert_eq!(back, prf);
    }
}
