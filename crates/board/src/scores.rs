//! The three scores, per-item diagnosticity, and the arithmetic behind each.
//!
//! **Bayesian reading.** Each rating stands for a likelihood of seeing the item were the
//! hypothesis true: CC 0.9, C 0.7, N 0.5, I 0.3, II 0.1 ([`likelihood`]); `NA` says nothing and
//! is left out. An item's credibility and relevance temper it: its log-likelihood is
//! credibility × relevance × ln L (low, medium, high = 1/√2, 1, √2, as in PARC's weighting), so a
//! low-credibility item moves the odds less. Items are taken as independent given the hypothesis
//! (naive Bayes), which real evidence rarely is: two reports of one claim are one piece of
//! evidence, and the board should hold it once. Priors: those given are used; hypotheses without
//! one share what the given ones leave (uniform when none is given); all are then normalised.
//! The posterior is prior × Π likelihoods, normalised to sum to 1 over the board's hypotheses,
//! which are taken to be exhaustive and exclusive (they rarely are: read it as relative).
//!
//! **Diagnosticity** of an item is the spread of its weighted log-likelihoods across the
//! hypotheses it is rated for (largest minus smallest): the log of the largest likelihood ratio
//! it implies between two hypotheses. Zero means it rates alike everywhere and cannot help
//! choose; such items are flagged.

use serde::Serialize;

use crate::model::{Board, Rating};

/// Likelihood a rating stands for in the Bayesian reading; `None` for `NA`.
pub fn likelihood(rating: Rating) -> Option<f64> {
    match rating {
        Rating::CC => Some(0.9),
        Rating::C => Some(0.7),
        Rating::N => Some(0.5),
        Rating::I => Some(0.3),
        Rating::II => Some(0.1),
        Rating::NA => None,
    }
}

/// Heuer's count for a rating: 1 for I, 2 for II.
pub fn heuer(rating: Rating) -> u32 {
    match rating {
        Rating::I => 1,
        Rating::II => 2,
        _ => 0,
    }
}

/// PARC's sign for a rating: −1 for I, −2 for II.
pub fn parc(rating: Rating) -> f64 {
    match rating {
        Rating::I => -1.0,
        Rating::II => -2.0,
        _ => 0.0,
    }
}

/// Scores of one hypothesis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HypothesisScore {
    /// Hypothesis id.
    pub id: String,
    /// Heuer's inconsistency: lowest is least contradicted.
    pub inconsistency: u32,
    /// PARC's weighted inconsistency: closest to zero is least contradicted.
    pub weighted_inconsistency: f64,
    /// The prior used.
    pub prior: f64,
    /// The posterior of the Bayesian reading.
    pub posterior: f64,
}

/// Scores of one evidence item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemScore {
    /// Item id.
    pub id: String,
    /// Spread of its weighted log-likelihoods across hypotheses.
    pub diagnosticity: f64,
    /// False when it rates alike everywhere.
    pub diagnostic: bool,
}

/// The leading hypotheses by each score (several on a tie).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Leaders {
    /// Lowest inconsistency.
    pub inconsistency: Vec<String>,
    /// Weighted inconsistency closest to zero.
    pub weighted_inconsistency: Vec<String>,
    /// Highest posterior.
    pub posterior: Vec<String>,
}

/// Every score of a board.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// Per hypothesis, in board order.
    pub hypotheses: Vec<HypothesisScore>,
    /// Per item, in board order.
    pub evidence: Vec<ItemScore>,
    /// The leaders by each score.
    pub leaders: Leaders,
    /// Lines of arithmetic, one per figure.
    #[serde(skip)]
    explanation: Vec<String>,
}

impl Scores {
    /// The arithmetic behind every figure, one line each.
    pub fn explain(&self) -> &[String] {
        &self.explanation
    }
}

/// Ties within this are ties.
const EPSILON: f64 = 1e-9;

/// The priors used: given ones kept, the others sharing what is left, all normalised.
pub fn priors(board: &Board) -> Vec<f64> {
    let given: f64 = board.hypotheses.iter().filter_map(|h| h.prior).sum();
    let missing = board.hypotheses.iter().filter(|h| h.prior.is_none()).count();
    let share = if given == 0.0 && missing == board.hypotheses.len() {
        1.0 / missing.max(1) as f64
    } else if missing > 0 {
        (1.0 - given).max(0.0) / missing as f64
    } else {
        0.0
    };
    let raw: Vec<f64> = board.hypotheses.iter().map(|h| h.prior.unwrap_or(share)).collect();
    let total: f64 = raw.iter().sum();
    if total > 0.0 {
        raw.iter().map(|p| p / total).collect()
    } else {
        vec![1.0 / raw.len().max(1) as f64; raw.len()]
    }
}

/// Scores a board.
pub fn score(board: &Board) -> Scores {
    let mut explanation = Vec::new();
    let priors = priors(board);
    let mut hypotheses = Vec::with_capacity(board.hypotheses.len());
    let mut log_posteriors = Vec::with_capacity(board.hypotheses.len());
    for (hypothesis, prior) in board.hypotheses.iter().zip(&priors) {
        let id = &hypothesis.id;
        // Heuer.
        let mut terms = Vec::new();
        let mut inconsistency = 0;
        for item in &board.evidence {
            let rating = Board::rating(item, id);
            let count = heuer(rating);
            if count > 0 {
                terms.push(format!("{} {} {count}", item.id, rating.as_str()));
                inconsistency += count;
            }
        }
        explanation.push(format!(
            "inconsistency {id} = {} = {inconsistency}",
            if terms.is_empty() { "no I or II".to_string() } else { terms.join(" + ") }
        ));
        // PARC.
        let mut terms = Vec::new();
        let mut weighted = 0.0;
        for item in &board.evidence {
            let rating = Board::rating(item, id);
            let sign = parc(rating);
            if sign != 0.0 {
                let (c, r) = (item.credibility.factor(), item.relevance.factor());
                let value = c * r * sign;
                terms.push(format!(
                    "{} {}: {c:.4} x {r:.4} x {sign} = {value:.4}",
                    item.id,
                    rating.as_str()
                ));
                weighted += value;
            }
        }
        explanation.push(format!(
            "weighted inconsistency {id} = {} = {weighted:.4}",
            if terms.is_empty() { "no I or II".to_string() } else { terms.join("; ") }
        ));
        // Bayes.
        let mut terms = vec![format!("ln prior {:.4}", prior.ln())];
        let mut log = prior.ln();
        for item in &board.evidence {
            let rating = Board::rating(item, id);
            let Some(l) = likelihood(rating) else { continue };
            let w = item.credibility.factor() * item.relevance.factor();
            let value = w * l.ln();
            terms.push(format!("{} {}: {w:.4} x ln {l} = {value:.4}", item.id, rating.as_str()));
            log += value;
        }
        explanation.push(format!(
            "log posterior {id} (before normalising) = {} = {log:.4}",
            terms.join("; ")
        ));
        log_posteriors.push(log);
        hypotheses.push(HypothesisScore {
            id: id.clone(),
            inconsistency,
            weighted_inconsistency: weighted,
            prior: *prior,
            posterior: 0.0,
        });
    }
    let posteriors = normalise(&log_posteriors);
    for (hypothesis, posterior) in hypotheses.iter_mut().zip(&posteriors) {
        hypothesis.posterior = *posterior;
        explanation.push(format!(
            "posterior {} = exp(log posterior) / sum over hypotheses = {posterior:.4}",
            hypothesis.id
        ));
    }
    let mut evidence = Vec::with_capacity(board.evidence.len());
    for item in &board.evidence {
        let w = item.credibility.factor() * item.relevance.factor();
        let logs: Vec<(String, f64)> = board
            .hypotheses
            .iter()
            .filter_map(|h| {
                likelihood(Board::rating(item, &h.id)).map(|l| (h.id.clone(), w * l.ln()))
            })
            .collect();
        let spread = if logs.len() < 2 {
            0.0
        } else {
            let max = logs.iter().map(|(_, v)| *v).fold(f64::NEG_INFINITY, f64::max);
            let min = logs.iter().map(|(_, v)| *v).fold(f64::INFINITY, f64::min);
            max - min
        };
        let diagnostic = spread > EPSILON;
        explanation.push(format!(
            "diagnosticity {} = largest minus smallest of {} = {spread:.4}{}",
            item.id,
            logs.iter().map(|(h, v)| format!("{h} {v:.4}")).collect::<Vec<_>>().join(", "),
            if diagnostic { "" } else { ": non-diagnostic" }
        ));
        evidence.push(ItemScore { id: item.id.clone(), diagnosticity: spread, diagnostic });
    }
    let leaders = leaders(&hypotheses);
    Scores { hypotheses, evidence, leaders, explanation }
}

/// Softmax of log values; a hypothesis with prior 0 (log −∞) gets 0.
fn normalise(logs: &[f64]) -> Vec<f64> {
    let max = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !max.is_finite() {
        return vec![1.0 / logs.len().max(1) as f64; logs.len()];
    }
    let exps: Vec<f64> = logs.iter().map(|log| (log - max).exp()).collect();
    let total: f64 = exps.iter().sum();
    exps.iter().map(|value| value / total).collect()
}

/// The hypotheses leading by each score.
pub(crate) fn leaders(scores: &[HypothesisScore]) -> Leaders {
    let best = |key: &dyn Fn(&HypothesisScore) -> f64| -> Vec<String> {
        let top = scores.iter().map(key).fold(f64::NEG_INFINITY, f64::max);
        scores.iter().filter(|s| (key(s) - top).abs() <= EPSILON).map(|s| s.id.clone()).collect()
    };
    Leaders {
        inconsistency: best(&|s| -f64::from(s.inconsistency)),
        weighted_inconsistency: best(&|s| s.weighted_inconsistency),
        posterior: best(&|s| s.posterior),
    }
}
