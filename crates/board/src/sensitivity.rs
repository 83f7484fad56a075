//! Sensitivity: the items whose removal, or a one-step change of one rating, would change the
//! leading hypothesis by some score. Heuer's step 6: how much does the conclusion hinge on a
//! few items that may be deceptive or misread?

use serde::Serialize;

use crate::model::Board;
use crate::scores::{Leaders, score};

/// One change that would move the lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The item.
    pub evidence: String,
    /// `removed`, or `h2: C -> N`.
    pub change: String,
    /// The score whose leader changes (`inconsistency`, `weighted_inconsistency`, `posterior`).
    pub score: String,
    /// The leader before.
    pub from: Vec<String>,
    /// The leader after.
    pub to: Vec<String>,
}

/// Every single change that moves a lead, item by item.
pub fn sensitivity(board: &Board) -> Vec<Change> {
    let before = score(board).leaders;
    let mut changes = Vec::new();
    for (index, item) in board.evidence.iter().enumerate() {
        let mut without = board.clone();
        without.evidence.remove(index);
        compare(&before, &score(&without).leaders, &item.id, "removed", &mut changes);
        for hypothesis in &board.hypotheses {
            let rating = Board::rating(item, &hypothesis.id);
            for next in [rating.up(), rating.down()].into_iter().flatten() {
                let mut changed = board.clone();
                changed.evidence[index].ratings.insert(hypothesis.id.clone(), next);
                let what = format!("{}: {} -> {}", hypothesis.id, rating.as_str(), next.as_str());
                compare(&before, &score(&changed).leaders, &item.id, &what, &mut changes);
            }
        }
    }
    changes
}

fn compare(before: &Leaders, after: &Leaders, item: &str, what: &str, out: &mut Vec<Change>) {
    for (name, from, to) in [
        ("inconsistency", &before.inconsistency, &after.inconsistency),
        ("weighted_inconsistency", &before.weighted_inconsistency, &after.weighted_inconsistency),
        ("posterior", &before.posterior, &after.posterior),
    ] {
        if from != to {
            out.push(Change {
                evidence: item.to_string(),
                change: what.to_string(),
                score: name.to_string(),
                from: from.clone(),
                to: to.clone(),
            });
        }
    }
}
