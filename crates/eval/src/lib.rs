//! Scoring an extraction against a hand-made gold key, as `CODEBOOK.md` section 7 says.
//!
//! Pure: it parses strings it is given and compares values; reading keys and running the reader
//! are the caller's business. [`parse_gold`] reads a key ([`gold`] owns the format),
//! [`score`] compares an [`Extraction`] with it and returns a [`Scorecard`] of counts, P/R/F1 and
//! an error list, and [`gold_to_extraction`] turns a key into a perfect reader's output.
//!
//! How a document is scored:
//!
//! 1. Incidents are aligned one-to-one ([`align`]): a pair is allowed when types agree (or the
//!    output type is one of the key's alternatives, or both are violent and one is `attack`),
//!    dates overlap where both are given and countries agree where both are given; the Hungarian
//!    algorithm then matches as many incidents as possible and, among those assignments, the one
//!    agreeing on most slot units.
//! 2. Every incident slot is counted in units ([`slots`]): each list item (paired one-to-one
//!    with the other side's items) or non-null value is one unit; units of aligned pairs are
//!    correct when they agree, those of unaligned output incidents count against precision, those
//!    of unaligned gold incidents against recall. Text fills follow the MUC-4 head-noun rule
//!    ([`text`]), actors resolve through the canonicalizer, the key's aliases and `also_accept`
//!    ([`actors`]), counts agree within 10%, dates when they overlap, places by the rule in
//!    [`values`]. `slot_micro` adds all seventeen slots, `type` included: getting the kind of
//!    event right is part of reading it.
//! 3. Incidents: an aligned pair is one correct incident.
//! 4. Claims are matched one-to-one on kind, claimant and subject through the incident alignment
//!    ([`claims`]); `accused`, `modality` and `probability` are scored on matched claims.
//! 5. Actors are compared as sets of resolved names.
//!
//! Empty sides follow [`prf`]: nothing expected and nothing found is 1.0; an empty output scores
//! precision 0 and F1 0.

pub mod actors;
pub mod align;
pub mod claims;
pub mod convert;
pub mod fusion;
pub mod gold;
pub mod muc4;
pub mod prf;
pub mod report;
pub mod slots;
pub mod text;
pub mod values;

use std::collections::BTreeMap;

use vigil_domain::{Extraction, Incident};

pub use claims::CLAIM_SLOTS;
pub use convert::gold_to_extraction;
pub use fusion::{
    BCubed, FusionItem, FusionKey, FusionScore, KeyIncident, SystemMention, bcubed, score_fusion,
};
pub use gold::{
    Alternatives, GoldActor, GoldAttribution, GoldClaim, GoldCount, GoldDate, GoldDocument,
    GoldHeader, GoldIncident, GoldLocation, parse_gold,
};
pub use prf::Prf;
pub use report::Scorecard;
pub use slots::INCIDENT_SLOTS;

use crate::actors::{Resolver, score_actors};
use crate::align::{assign, compatible};
use crate::claims::score_claims;
use crate::prf::Tally;
use crate::slots::{PairScore, SlotTallies, gold_units, output_units, score_pair};
use crate::values::name;

/// Why a gold key could not be used.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// Not JSON, or not the key format (an unknown enum value, a missing `id`).
    #[error("gold key does not parse: {0}")]
    Json(#[from] serde_json::Error),
    /// Two incidents share an id, so claims could not say which they concern.
    #[error("gold key has two incidents with id {0:?}")]
    DuplicateIncident(String),
    /// A claim's subject is no incident of the key.
    #[error("gold claim {claim:?} concerns {subject:?}, which is no incident of the key")]
    UnknownSubject {
        /// The claim's id.
        claim: String,
        /// The subject it names.
        subject: String,
    },
    /// A date whose end comes before its start.
    #[error("gold incident {id:?} has a date ending before its start {start}")]
    BackwardDate {
        /// The incident's id.
        id: String,
        /// The date's start.
        start: chrono::NaiveDate,
    },
}

/// How names are compared.
#[derive(Clone, Copy)]
pub struct ScoreOptions<'a> {
    /// Maps an actor name to its canonical key. The project's alias tables belong here; the key's
    /// own aliases are applied after it.
    pub canonical: &'a dyn Fn(&str) -> String,
}

impl Default for ScoreOptions<'static> {
    fn default() -> Self {
        ScoreOptions { canonical: &default_canonical }
    }
}

/// The default canonicalizer: lowercase, trimmed, inner whitespace collapsed to one space.
pub fn default_canonical(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Scores an extraction against a gold key (see the crate docs for the rules).
pub fn score(gold: &GoldDocument, output: &Extraction, options: &ScoreOptions<'_>) -> Scorecard {
    let resolver = Resolver::new(options.canonical, &gold.actors);
    let mut errors = Vec::new();

    let pairs: Vec<Vec<Option<PairScore>>> = gold
        .incidents
        .iter()
        .map(|g| {
            let row = output.incidents.iter();
            row.map(|o| compatible(o, g).then(|| score_pair(o, g, &resolver))).collect()
        })
        .collect();
    let weights: Vec<Vec<Option<i64>>> = pairs
        .iter()
        .map(|row| row.iter().map(|pair| pair.as_ref().map(PairScore::agreement)).collect())
        .collect();
    let assignment = assign(&weights, output.incidents.len());

    let mut slots = SlotTallies::default();
    let mut aligned: BTreeMap<&str, &str> = BTreeMap::new();
    let mut alignment = Vec::new();
    let mut used = vec![false; output.incidents.len()];
    for ((g, row), col) in gold.incidents.iter().zip(&pairs).zip(&assignment) {
        let matched = col.and_then(|c| Some((output.incidents.get(c)?, row.get(c)?.as_ref()?)));
        alignment.push((g.id.clone(), matched.map(|(o, _)| o.id.clone())));
        let Some((o, pair)) = matched else {
            add(&mut slots, &gold_units(g));
            errors.push(format!("incident {} ({}): missed", g.id, describe_gold(g)));
            continue;
        };
        if let Some(flag) = col.and_then(|c| used.get_mut(c)) {
            *flag = true;
        }
        aligned.insert(o.id.as_str(), g.id.as_str());
        add(&mut slots, &pair.tallies);
        errors.extend(pair.notes.iter().map(|note| format!("incident {} ~ {} {note}", g.id, o.id)));
    }
    for (o, _) in output.incidents.iter().zip(&used).filter(|(_, used)| !**used) {
        add(&mut slots, &output_units(o));
        errors.push(format!("output incident {} ({}): spurious", o.id, describe_output(o)));
    }
    let incidents = Tally {
        correct: actors::count(aligned.len()),
        predicted: actors::count(output.incidents.len()),
        gold: actors::count(gold.incidents.len()),
    };

    let claim_score = score_claims(&gold.claims, &output.claims, &aligned, &resolver, &mut errors);
    let actor_tally = score_actors(&resolver, &gold.actors, &output.actors, &mut errors);

    let mut micro = Tally::default();
    for tally in &slots {
        micro.add(*tally);
    }
    Scorecard {
        incidents: incidents.prf(),
        slots: named(&INCIDENT_SLOTS, &slots),
        slot_micro: micro.prf(),
        claims: claim_score.claims.prf(),
        claim_slots: named(&CLAIM_SLOTS, &claim_score.slots),
        actors: actor_tally.prf(),
        alignment,
        errors,
    }
}

fn add(total: &mut SlotTallies, more: &SlotTallies) {
    for (t, m) in total.iter_mut().zip(more) {
        t.add(*m);
    }
}

fn named(names: &[&str], tallies: &[Tally]) -> BTreeMap<String, Prf> {
    names.iter().zip(tallies).map(|(n, t)| ((*n).to_string(), t.prf())).collect()
}

fn describe_gold(g: &GoldIncident) -> String {
    let date = g.date.map_or_else(|| "no date".to_string(), |d| d.span().start.to_string());
    let place =
        g.location.as_ref().and_then(|l| l.name.clone()).unwrap_or_else(|| "no place".into());
    format!("{}, {date}, {place}", name(&g.incident_type))
}

fn describe_output(o: &Incident) -> String {
    let date = o.date.map_or_else(|| "no date".to_string(), |d| d.start.to_string());
    let place = o.location.as_ref().map_or_else(|| "no place".to_string(), |l| l.name.clone());
    format!("{}, {date}, {place}", name(&o.incident_type))
}
