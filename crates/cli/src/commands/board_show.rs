//! `vigil board show`, `suggest`, `accept`, `reject`: a board with its three scores side by
//! side (and their arithmetic under `--explain`), and evidence proposed from the store.

use std::collections::BTreeMap;

use anyhow::Context;
use vigil_board::{Board, ClaimEvidence, EvidenceItem, EvidenceSource, Suggestion};
use vigil_store::Store;

use super::board::{load, report, save};
use super::listing::serde_value;
use crate::Global;

/// Prints a board with its scores: per hypothesis, `inconsistency`, `weighted_inconsistency`
/// and `posterior` added; per item, `diagnosticity`; a `sensitivity` list; `explain` lines.
pub(crate) fn show(
    global: &Global,
    store: &dyn Store,
    id: i64,
    explain: bool,
) -> anyhow::Result<()> {
    let (board, _) = load(store, id)?;
    let scores = vigil_board::score(&board);
    let sensitivity = vigil_board::sensitivity(&board);
    if global.json {
        return crate::output::print_json(&vigil_query::boards::scored(&board, id, explain));
    }
    crate::outln!("board {id}: {}", board.name);
    if board.hypotheses.is_empty() {
        crate::outln!("no hypotheses yet: add some with `vigil board hypothesis {id} TEXT`");
        return Ok(());
    }
    crate::outln!(
        "{:<5} {:>13} {:>9} {:>9}  hypothesis",
        "",
        "inconsistency",
        "weighted",
        "posterior"
    );
    for (hypothesis, score) in board.hypotheses.iter().zip(&scores.hypotheses) {
        crate::outln!(
            "{:<5} {:>13} {:>9.3} {:>9.3}  {}",
            hypothesis.id,
            score.inconsistency,
            score.weighted_inconsistency,
            score.posterior,
            crate::output::truncate(&hypothesis.text, 70)
        );
    }
    crate::outln!(
        "leading: {} by inconsistency, {} by weighted inconsistency, {} by posterior",
        scores.leaders.inconsistency.join("="),
        scores.leaders.weighted_inconsistency.join("="),
        scores.leaders.posterior.join("=")
    );
    crate::outln!("evidence:");
    for (item, score) in board.evidence.iter().zip(&scores.evidence) {
        let ratings: Vec<String> = board
            .hypotheses
            .iter()
            .map(|h| format!("{}:{}", h.id, Board::rating(item, &h.id).as_str()))
            .collect();
        crate::outln!(
            "  {:<4} cred {:<6} rel {:<6} diag {:.3}{}  {}  {}",
            item.id,
            item.credibility.as_str(),
            item.relevance.as_str(),
            score.diagnosticity,
            if score.diagnostic { "" } else { " (non-diagnostic)" },
            ratings.join(" "),
            crate::output::truncate(&item.text, 60)
        );
    }
    if sensitivity.is_empty() {
        crate::outln!(
            "sensitivity: no single item, removed or re-rated by one step, changes a lead"
        );
    } else {
        crate::outln!("sensitivity: these single changes would move a lead");
        for change in &sensitivity {
            crate::outln!(
                "  {} {}: {} leader {} -> {}",
                change.evidence,
                change.change,
                change.score,
                change.from.join("="),
                change.to.join("=")
            );
        }
    }
    if explain {
        crate::outln!("arithmetic:");
        for line in scores.explain() {
            crate::outln!("  {line}");
        }
    }
    crate::outln!(
        "(ACH structures and records an argument; controlled studies have not shown it makes analysts more accurate)"
    );
    Ok(())
}

/// Proposals for a board not yet decided.
fn proposals(
    store: &dyn Store,
    board: &Board,
    decisions: &BTreeMap<String, String>,
) -> anyhow::Result<Vec<Suggestion>> {
    let kb = vigil_extract::kb::Kb::builtin();
    let related = |a: &str, b: &str| {
        let (a, b) = (kb.canonical(a).unwrap_or(a), kb.canonical(b).unwrap_or(b));
        a == b || kb.ancestors(a).contains(&b) || kb.ancestors(b).contains(&a)
    };
    // Claims about the board's incident, or else claims by or about its actors.
    let mut found: BTreeMap<String, ClaimEvidence> = BTreeMap::new();
    let mut add = |key: String,
                   claim: &vigil_domain::Claim,
                   source: Option<&str>,
                   text: &str,
                   store: &dyn Store|
     -> anyhow::Result<()> {
        if decisions.contains_key(&key) || found.contains_key(&key) {
            return Ok(());
        }
        let summary = format!(
            "{} by {}{}: \"{}\" per {}",
            serde_value(&claim.kind),
            claim.claimant.as_deref().unwrap_or("unnamed"),
            if claim.accused.is_empty() {
                String::new()
            } else {
                format!(" accusing {}", claim.accused.join(", "))
            },
            crate::output::truncate(text, 160),
            source.unwrap_or("unknown source")
        );
        found.insert(
            key.clone(),
            ClaimEvidence {
                credibility: store.claim_credibility(&key)?,
                key,
                kind: claim.kind,
                claimant: claim.claimant.clone(),
                accused: claim.accused.clone(),
                modality: claim.modality,
                summary,
            },
        );
        Ok(())
    };
    let incidents = super::fused::load(store)?;
    let incident =
        board.subject.incident.as_deref().and_then(|id| super::fused::find(&incidents, id).ok());
    for (id, stored) in store.extractions()? {
        // The document's text is read only when one of its claims is about the board.
        let mut text: Option<String> = None;
        for claim in &stored.extraction.claims {
            let about_incident = incident.is_some_and(|incident| {
                incident.claims.iter().any(|c| c.document == id.as_str() && c.claim.id == claim.id)
            });
            // A board about an incident weighs the claims about that incident; one about
            // actors only, the claims by or about them anywhere.
            let about_actors = incident.is_none()
                && board.subject.actors.iter().any(|actor| {
                    claim.claimant.as_deref().is_some_and(|c| related(c, actor))
                        || claim.accused.iter().any(|a| related(a, actor))
                });
            if !(about_incident || about_actors) {
                continue;
            }
            if text.is_none() {
                text = Some(store.document(&id)?.map(|d| d.text).unwrap_or_default());
            }
            let text = text.as_deref().unwrap_or_default();
            let evidence: Vec<&str> =
                claim.evidence.iter().filter_map(|s| text.get(s.start..s.end)).collect();
            add(
                format!("{id}/{}", claim.id),
                claim,
                stored.extraction.document.source.as_deref(),
                &evidence.join(" "),
                store,
            )?;
        }
    }
    let claims: Vec<ClaimEvidence> = found.into_values().collect();
    Ok(vigil_board::suggest(&board.hypotheses, &claims, &related))
}

/// Lists proposals.
pub(crate) fn suggestions(global: &Global, store: &dyn Store, id: i64) -> anyhow::Result<()> {
    let (board, decisions) = load(store, id)?;
    let proposals = proposals(store, &board, &decisions)?;
    if global.json {
        return crate::output::print_json(&proposals);
    }
    for proposal in &proposals {
        let ratings: Vec<String> =
            proposal.ratings.iter().map(|(h, r)| format!("{h}:{}", r.as_str())).collect();
        crate::outln!(
            "{}  [{}] cred {} rel {}",
            proposal.claim,
            ratings.join(" "),
            proposal.credibility.as_str(),
            proposal.relevance.as_str()
        );
        crate::outln!("    {}", proposal.text);
        crate::outln!("    why: {}", proposal.reason);
    }
    if proposals.is_empty() && !global.quiet {
        eprintln!("nothing to suggest: no undecided claims about the board's incident or actors");
    }
    Ok(())
}

/// Accepts (as evidence) or rejects proposals, keeping the decision.
pub(crate) fn decide(
    global: &Global,
    store: &mut dyn Store,
    id: i64,
    claims: &[String],
    accept: bool,
) -> anyhow::Result<()> {
    let (mut board, mut decisions) = load(store, id)?;
    let proposals = proposals(store, &board, &decisions)?;
    let all = claims.iter().any(|claim| claim == "all");
    let mut keys = Vec::new();
    for claim in claims.iter().filter(|claim| *claim != "all") {
        keys.push(super::claim_key(store, claim)?);
    }
    let chosen: Vec<&Suggestion> =
        proposals.iter().filter(|p| all || keys.contains(&p.claim)).collect();
    for key in &keys {
        if !proposals.iter().any(|p| &p.claim == key) {
            anyhow::bail!("{key} is not among the board's undecided suggestions");
        }
    }
    for proposal in &chosen {
        if accept {
            let item_id = board.next_id("e");
            board.evidence.push(EvidenceItem {
                id: item_id,
                text: proposal.text.clone(),
                source: EvidenceSource::Claim { claim: proposal.claim.clone() },
                credibility: proposal.credibility,
                relevance: proposal.relevance,
                ratings: proposal.ratings.clone(),
            });
        }
        decisions.insert(
            proposal.claim.clone(),
            if accept { "accepted" } else { "rejected" }.to_string(),
        );
    }
    save(store, id, &board, &decisions).context("cannot save the board")?;
    report(
        global,
        &format!("{} {} suggestions", if accept { "accepted" } else { "rejected" }, chosen.len()),
    );
    Ok(())
}
