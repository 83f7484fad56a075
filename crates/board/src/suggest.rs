//! Suggested evidence: a board's hypotheses read against the claims about its subject.
//!
//! Only structured hypotheses ("ACTOR responsible", "ACTOR alone", a state's rung on the
//! responsibility scale) can be rated by rule; a free-text hypothesis gets no proposed rating
//! (a missing rating is `N`) and the reason says to rate it by hand. The rules, each stated in
//! the reason it gives:
//! - a claim of responsibility by X is consistent (C) with X, or a branch or parent of X, being
//!   responsible; inconsistent (I) with anyone else having acted alone; neutral otherwise;
//! - an accusation of Y is consistent with Y's part and inconsistent with anyone else having
//!   acted alone; hedged, it is of low relevance;
//! - a denial by Y is weakly inconsistent with Y's part: Y would deny whether or not it took
//!   part, so its relevance is low;
//! - credibility follows the claim's grade (1-2 high, 3 medium, 4-5 low, 6 or ungraded
//!   medium).
//!
//! The analyst accepts, edits or rejects each proposal; the caller keeps the decision.

use std::collections::BTreeMap;

use serde::Serialize;
use vigil_domain::{ClaimKind, Modality};

use crate::model::{Hypothesis, Rating, Weight};

/// A claim as suggestions need it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimEvidence {
    /// `<document id>/<claim id>`.
    pub key: String,
    /// Kind.
    pub kind: ClaimKind,
    /// Who made it.
    pub claimant: Option<String>,
    /// Whom it accuses.
    pub accused: Vec<String>,
    /// How firmly.
    pub modality: Modality,
    /// Information credibility 1-6, when graded.
    pub credibility: Option<u8>,
    /// A line saying what it is ("Ukraine denies any role, per Meridian Post").
    pub summary: String,
}

/// One proposed evidence item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// The claim it comes from.
    pub claim: String,
    /// Its text.
    pub text: String,
    /// Proposed rating per hypothesis (hypotheses left out are `N`).
    pub ratings: BTreeMap<String, Rating>,
    /// Proposed credibility.
    pub credibility: Weight,
    /// Proposed relevance.
    pub relevance: Weight,
    /// Why, one clause per rating.
    pub reason: String,
}

/// Proposals for every claim of a kind the rules read. `related(a, b)` says whether two actor
/// names are one actor, or one is a branch of the other.
pub fn suggest(
    hypotheses: &[Hypothesis],
    claims: &[ClaimEvidence],
    related: &dyn Fn(&str, &str) -> bool,
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for claim in claims {
        let mut ratings = BTreeMap::new();
        let mut reasons = Vec::new();
        let mut relevance = Weight::Medium;
        let names: Vec<&str> = match claim.kind {
            ClaimKind::Responsibility => claim.claimant.as_deref().into_iter().collect(),
            ClaimKind::Accusation | ClaimKind::Assessment => {
                claim.accused.iter().map(String::as_str).collect()
            }
            ClaimKind::Denial => claim
                .claimant
                .as_deref()
                .into_iter()
                .chain(claim.accused.iter().map(String::as_str))
                .collect(),
            _ => continue,
        };
        let mut names = names;
        names.sort_unstable();
        names.dedup();
        if names.is_empty() {
            continue;
        }
        let who = names.join(", ");
        for hypothesis in hypotheses {
            let Some(target) = &hypothesis.target else {
                reasons.push(format!("{}: free text, rate by hand", hypothesis.id));
                continue;
            };
            let named = names.iter().any(|name| related(name, &target.actor));
            let rating = match (claim.kind, named) {
                (ClaimKind::Denial, true) => {
                    relevance = Weight::Low;
                    reasons.push(format!(
                        "{}: {who} denies a part it would deny either way (I, low relevance)",
                        hypothesis.id
                    ));
                    Rating::I
                }
                (ClaimKind::Denial, false) => continue,
                (_, true) => {
                    reasons.push(format!("{}: names {} (C)", hypothesis.id, target.actor));
                    Rating::C
                }
                (_, false) if target.alone => {
                    reasons.push(format!(
                        "{}: {who} taking part contradicts {} acting alone (I)",
                        hypothesis.id, target.actor
                    ));
                    Rating::I
                }
                (_, false) => continue,
            };
            ratings.insert(hypothesis.id.clone(), rating);
        }
        if matches!(claim.kind, ClaimKind::Accusation | ClaimKind::Assessment)
            && matches!(claim.modality, Modality::Hedged | Modality::Reported)
        {
            relevance = Weight::Low;
            reasons.push("hedged or second-hand: low relevance".to_string());
        }
        let credibility = Weight::from_credibility(claim.credibility);
        out.push(Suggestion {
            claim: claim.key.clone(),
            text: claim.summary.clone(),
            ratings,
            credibility,
            relevance,
            reason: reasons.join("; "),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::HypothesisTarget;

    fn hypothesis(id: &str, actor: &str, alone: bool) -> Hypothesis {
        Hypothesis {
            id: id.to_string(),
            text: format!("{actor} responsible"),
            prior: None,
            target: Some(HypothesisTarget { actor: actor.to_string(), alone, state_role: None }),
        }
    }

    fn claim(
        kind: ClaimKind,
        claimant: &str,
        accused: &[&str],
        modality: Modality,
    ) -> ClaimEvidence {
        ClaimEvidence {
            key: "doc/c1".to_string(),
            kind,
            claimant: Some(claimant.to_string()),
            accused: accused.iter().map(|name| (*name).to_string()).collect(),
            modality,
            credibility: None,
            summary: "a claim".to_string(),
        }
    }

    #[test]
    fn claims_accusations_and_denials_are_rated_by_their_rules() {
        let hypotheses = [
            hypothesis("h1", "Islamic State Khorasan Province", true),
            hypothesis("h2", "Ukraine", false),
        ];
        let related = |a: &str, b: &str| {
            a == b || (a == "Islamic State" && b == "Islamic State Khorasan Province")
        };
        let claims = [
            claim(ClaimKind::Responsibility, "Islamic State", &[], Modality::Asserted),
            claim(ClaimKind::Accusation, "Russia", &["Ukraine"], Modality::Hedged),
            claim(ClaimKind::Denial, "Ukraine", &["Ukraine"], Modality::Asserted),
        ];
        let found = suggest(&hypotheses, &claims, &related);
        let ratings: Vec<Vec<(&str, Rating)>> = found
            .iter()
            .map(|s| s.ratings.iter().map(|(h, r)| (h.as_str(), *r)).collect())
            .collect();
        assert_eq!(ratings[0], [("h1", Rating::C)]);
        assert_eq!(ratings[1], [("h1", Rating::I), ("h2", Rating::C)]);
        assert_eq!(found[1].relevance, Weight::Low);
        assert_eq!(ratings[2], [("h2", Rating::I)]);
        assert_eq!(found[2].relevance, Weight::Low);
        assert!(found[2].reason.contains("would deny either way"));
    }
}
