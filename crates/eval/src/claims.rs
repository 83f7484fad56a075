//! Claims: one-to-one matching on kind, claimant and subject, and the secondary claim slots.
//!
//! An output claim may stand for a gold claim when the kinds are equal, the claimants agree (both
//! `null`, or the output claimant resolves to the gold claimant or one of its
//! `also_accept_claimant` names) and the subjects agree through the incident alignment: the
//! output subject `i3` must be the output incident aligned with the gold claim's subject incident,
//! and a `null` subject matches only `null`. A `null` gold claimant ("according to reports")
//! matches only a `null` output claimant: naming a source the text leaves unnamed is a different
//! claim. Matching is one-to-one and takes as many claims as possible, then the pairing agreeing
//! most on the secondary slots (two accusations by the same claimant about the same incident are
//! told apart by whom they accuse and how).
//!
//! Claim P/R/F1 counts matched claims. The secondary slots [`CLAIM_SLOTS`] are scored on matched
//! pairs only, with the incident slots' unit rule: `accused` is a list of actors (resolved like
//! every actor name), `modality` always one unit, `probability` one unit when non-null.

use std::collections::BTreeMap;

use vigil_domain::Claim;

use crate::actors::{Resolver, count};
use crate::align::assign;
use crate::gold::GoldClaim;
use crate::prf::Tally;
use crate::slots::Scoring;
use crate::values::name;

/// Secondary claim slots, as they are named in [`crate::Scorecard::claim_slots`].
pub const CLAIM_SLOTS: [&str; 3] = ["accused", "modality", "probability"];

/// Claim-level tally and the secondary slots' tallies, in [`CLAIM_SLOTS`] order.
pub(crate) struct ClaimScore {
    pub(crate) claims: Tally,
    pub(crate) slots: [Tally; CLAIM_SLOTS.len()],
}

/// Scores claims; `aligned` maps output incident ids to the gold incident ids they stand for.
pub(crate) fn score_claims(
    gold: &[GoldClaim],
    output: &[Claim],
    aligned: &BTreeMap<&str, &str>,
    resolver: &Resolver<'_>,
    errors: &mut Vec<String>,
) -> ClaimScore {
    let weights: Vec<Vec<Option<i64>>> = gold
        .iter()
        .map(|g| {
            output
                .iter()
                .map(|o| {
                    may_match(o, g, aligned, resolver).then(|| {
                        secondary(o, g, resolver).tallies.iter().map(|t| i64::from(t.correct)).sum()
                    })
                })
                .collect()
        })
        .collect();
    let pairs = assign(&weights, output.len());
    let mut slots = [Tally::default(); CLAIM_SLOTS.len()];
    let mut used = vec![false; output.len()];
    for (g, pair) in gold.iter().zip(&pairs) {
        let Some(o) = pair.and_then(|col| output.get(col)) else {
            errors.push(format!("claim {} ({}): missed", g.id, describe_gold(g)));
            continue;
        };
        if let Some(flag) = pair.and_then(|col| used.get_mut(col)) {
            *flag = true;
        }
        let scoring = secondary(o, g, resolver);
        for (total, tally) in slots.iter_mut().zip(scoring.tallies) {
            total.add(tally);
        }
        errors.extend(
            scoring.notes.into_iter().map(|note| format!("claim {} ~ {} {note}", g.id, o.id)),
        );
    }
    for (o, _) in output.iter().zip(&used).filter(|(_, used)| !**used) {
        errors.push(format!("output claim {} ({}): spurious", o.id, describe_output(o, aligned)));
    }
    let claims = Tally {
        correct: count(pairs.iter().flatten().count()),
        predicted: count(output.len()),
        gold: count(gold.len()),
    };
    ClaimScore { claims, slots }
}

fn may_match(
    o: &Claim,
    g: &GoldClaim,
    aligned: &BTreeMap<&str, &str>,
    resolver: &Resolver<'_>,
) -> bool {
    let claimant = match (&o.claimant, &g.claimant) {
        (None, None) => true,
        (Some(output), Some(gold)) => resolver.matches(output, gold, &g.also_accept_claimant),
        _ => false,
    };
    let subject = match (&o.subject, &g.subject) {
        (None, None) => true,
        (Some(output), Some(gold)) => aligned.get(output.as_str()) == Some(&gold.as_str()),
        _ => false,
    };
    o.kind == g.kind && claimant && subject
}

fn secondary(o: &Claim, g: &GoldClaim, resolver: &Resolver<'_>) -> Scoring {
    let mut s = Scoring::default();
    let actor = |a: &String| format!("{a:?}");
    s.list(
        "accused",
        &o.accused,
        &g.accused,
        &[],
        |a, b| resolver.matches(a, b, &[]),
        (actor, actor),
    );
    s.single("modality", (Some(&o.modality), Some(&g.modality)), &[], |a, b| a == b, (name, name));
    s.single(
        "probability",
        (o.probability.as_ref(), g.probability.as_ref()),
        &[],
        |a, b| a == b,
        (name, name),
    );
    s
}

fn describe_gold(g: &GoldClaim) -> String {
    let claimant =
        g.claimant.as_deref().map_or_else(|| "unnamed".to_string(), |c| format!("{c:?}"));
    let subject = g.subject.as_deref().unwrap_or("no incident");
    format!("{} by {claimant} about {subject}", name(&g.kind))
}

fn describe_output(o: &Claim, aligned: &BTreeMap<&str, &str>) -> String {
    let claimant =
        o.claimant.as_deref().map_or_else(|| "unnamed".to_string(), |c| format!("{c:?}"));
    let subject = match o.subject.as_deref() {
        None => "no incident".to_string(),
        Some(id) => match aligned.get(id) {
            Some(gold) => format!("{id} = {gold}"),
            None => format!("{id}, not aligned"),
        },
    };
    format!("{} by {claimant} about {subject}", name(&o.kind))
}
