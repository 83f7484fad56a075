//! Per-slot comparison of an aligned incident pair, and the units an unaligned incident holds.
//!
//! Units (the counting rule): in a list slot every gold item is a recall unit and every output
//! item a precision unit, items paired one-to-one (a duplicate output item is spurious); in a
//! single-valued slot a non-null value is one unit; `type` and `stage` always hold one unit;
//! `suicide` holds one only when `true`. Items and values of an unaligned output incident all
//! count against precision, those of an unaligned gold incident against recall.
//!
//! Equality per slot: `type` and `stage` exactly (or an `alternatives` value); `date` when the
//! spans share a day (overlap is enough: a month-precision output date containing the gold day is
//! correct); `location` by the location rule in [`crate::values`]; text fills (`site`, `perpetrator_individuals`,
//! `targets`, `victims`) by the MUC-4 head-noun rule (see [`crate::text`]); nationalities by
//! code, case-insensitively; `attribution` when the actor resolves to the gold actor or one of its
//! `also_accept` names and the confidence is the same (a gold attribution without confidence
//! accepts any); counts (`perpetrator_count`, `killed`, `injured`, `arrested`) when `best` is
//! within 10% of the gold's. Alternatives follow [`crate::gold::Alternatives`]; an output value
//! equal to an alternative of a slot the key leaves null is neither credited nor penalised.

use vigil_domain::{Count, Incident};

use crate::actors::{Resolver, count};
use crate::align::assign;
use crate::gold::{GoldCount, GoldDate, GoldIncident};
use crate::prf::Tally;
use crate::text::{fill_matches, head_noun};
use crate::values::{
    location_matches, name, show_gold_location, show_location, show_span, within_tenth,
};

/// Incident slots in codebook order, as they are named in a [`crate::Scorecard`].
pub const INCIDENT_SLOTS: [&str; 17] = [
    "type",
    "stage",
    "date",
    "location",
    "site",
    "perpetrator_individuals",
    "perpetrator_count",
    "perpetrator_nationalities",
    "attribution",
    "targets",
    "target_types",
    "victims",
    "weapons",
    "suicide",
    "killed",
    "injured",
    "arrested",
];

/// Tallies per slot, in [`INCIDENT_SLOTS`] order.
pub(crate) type SlotTallies = [Tally; INCIDENT_SLOTS.len()];

/// An aligned pair's tallies, with a line per disagreement.
pub(crate) struct PairScore {
    pub(crate) tallies: SlotTallies,
    pub(crate) notes: Vec<String>,
}

impl PairScore {
    /// Units the pair agrees on: the alignment's weight.
    pub(crate) fn agreement(&self) -> i64 {
        self.tallies.iter().map(|t| i64::from(t.correct)).sum()
    }
}

/// Collects tallies and notes slot by slot (incident slots here, claim slots in [`crate::claims`]).
#[derive(Default)]
pub(crate) struct Scoring {
    pub(crate) tallies: Vec<Tally>,
    pub(crate) notes: Vec<String>,
}

impl Scoring {
    /// A single-valued slot: a non-null value is one unit.
    pub(crate) fn single<O, G>(
        &mut self,
        slot: &str,
        pair: (Option<&O>, Option<&G>),
        alternatives: &[G],
        same: impl Fn(&O, &G) -> bool,
        show: (impl Fn(&O) -> String, impl Fn(&G) -> String),
    ) {
        let (output, gold) = pair;
        let acceptable = |o: &O| alternatives.iter().any(|a| same(o, a));
        let tally = match (output, gold) {
            (Some(o), Some(g)) => {
                Tally { correct: u32::from(same(o, g) || acceptable(o)), predicted: 1, gold: 1 }
            }
            (Some(o), None) if acceptable(o) => Tally::default(),
            (o, g) => Tally {
                correct: 0,
                predicted: u32::from(o.is_some()),
                gold: u32::from(g.is_some()),
            },
        };
        if tally.correct < tally.predicted.max(tally.gold) {
            let o = output.map_or_else(|| "null".to_string(), &show.0);
            let g = gold.map_or_else(|| "null".to_string(), &show.1);
            self.notes.push(format!("{slot}: gold {g}, output {o}"));
        }
        self.tallies.push(tally);
    }

    /// A list slot: items paired one-to-one, each item one unit.
    pub(crate) fn list<O, G>(
        &mut self,
        slot: &str,
        output: &[O],
        gold: &[G],
        optional: &[G],
        same: impl Fn(&O, &G) -> bool,
        show: (impl Fn(&O) -> String, impl Fn(&G) -> String),
    ) {
        let weights: Vec<Vec<Option<i64>>> =
            gold.iter().map(|g| output.iter().map(|o| same(o, g).then_some(0)).collect()).collect();
        let pairs = assign(&weights, output.len());
        let mut used = vec![false; output.len()];
        for col in pairs.iter().flatten() {
            used[*col] = true;
        }
        let mut tally =
            Tally { correct: 0, predicted: count(output.len()), gold: count(gold.len()) };
        tally.correct = count(pairs.iter().flatten().count());
        for (g, pair) in gold.iter().zip(&pairs) {
            if pair.is_none() {
                self.notes.push(format!("{slot}: missed {}", show.1(g)));
            }
        }
        for (o, _) in output.iter().zip(&used).filter(|(_, used)| !**used) {
            if optional.iter().any(|a| same(o, a)) {
                tally.predicted -= 1;
            } else {
                self.notes.push(format!("{slot}: spurious {}", show.0(o)));
            }
        }
        self.tallies.push(tally);
    }
}

/// Scores an aligned pair slot by slot.
pub(crate) fn score_pair(o: &Incident, g: &GoldIncident, resolver: &Resolver<'_>) -> PairScore {
    let alt = &g.alternatives;
    let mut s = Scoring::default();
    let fill = |f: &String| format!("{f:?}");
    let gold_fill = |f: &String| match head_noun(f) {
        Some(head) => format!("{f:?} (head {head:?})"),
        None => format!("{f:?}"),
    };
    s.single(
        "type",
        (Some(&o.incident_type), Some(&g.incident_type)),
        &alt.incident_type,
        |a, b| a == b,
        (name, name),
    );
    s.single("stage", (Some(&o.stage), Some(&g.stage)), &alt.stage, |a, b| a == b, (name, name));
    s.single(
        "date",
        (o.date.as_ref(), g.date.as_ref()),
        &alt.date,
        |a, b| b.span().overlaps(a),
        (show_span, |d: &GoldDate| show_span(&d.span())),
    );
    s.single(
        "location",
        (o.location.as_ref(), g.location.as_ref()),
        &alt.location,
        location_matches,
        (show_location, show_gold_location),
    );
    s.single(
        "site",
        (o.site.as_ref(), g.site.as_ref()),
        &alt.site,
        |a, b| fill_matches(b, a),
        (fill, gold_fill),
    );
    s.list(
        "perpetrator_individuals",
        &o.perpetrator_individuals,
        &g.perpetrator_individuals,
        &alt.perpetrator_individuals,
        |a, b| fill_matches(b, a),
        (fill, gold_fill),
    );
    s.single(
        "perpetrator_count",
        (o.perpetrator_count.as_ref(), g.perpetrator_count.as_ref()),
        &alt.perpetrator_count,
        |a, b| within_tenth(*a, *b),
        (u32::to_string, u32::to_string),
    );
    s.list(
        "perpetrator_nationalities",
        &o.perpetrator_nationalities,
        &g.perpetrator_nationalities,
        &alt.perpetrator_nationalities,
        |a, b| a.trim().eq_ignore_ascii_case(b.trim()),
        (fill, fill),
    );
    s.list(
        "attribution",
        &o.attribution,
        &g.attribution,
        &alt.attribution,
        |a, b| {
            resolver.matches(&a.actor, &b.actor, &b.also_accept)
                && b.confidence.is_none_or(|c| c == a.confidence)
        },
        (
            |a| format!("{:?}/{}", a.actor, name(&a.confidence)),
            |b| {
                format!(
                    "{:?}/{}",
                    b.actor,
                    b.confidence.map_or_else(|| "any".to_string(), |c| name(&c))
                )
            },
        ),
    );
    s.list(
        "targets",
        &o.targets,
        &g.targets,
        &alt.targets,
        |a, b| fill_matches(b, a),
        (fill, gold_fill),
    );
    s.list(
        "target_types",
        &o.target_types,
        &g.target_types,
        &alt.target_types,
        |a, b| a == b,
        (name, name),
    );
    s.list(
        "victims",
        &o.victims,
        &g.victims,
        &alt.victims,
        |a, b| fill_matches(b, a),
        (fill, gold_fill),
    );
    s.list("weapons", &o.weapons, &g.weapons, &alt.weapons, |a, b| a == b, (name, name));
    s.single(
        "suicide",
        (o.suicide.then_some(&true), g.suicide.then_some(&true)),
        &[],
        |a, b| a == b,
        (bool::to_string, bool::to_string),
    );
    let best = |c: &Count| c.best.to_string();
    let gold_best = |c: &GoldCount| c.best.to_string();
    let same_count = |a: &Count, b: &GoldCount| within_tenth(a.best, b.best);
    s.single(
        "killed",
        (o.killed.as_ref(), g.killed.as_ref()),
        &alt.killed,
        same_count,
        (best, gold_best),
    );
    s.single(
        "injured",
        (o.injured.as_ref(), g.injured.as_ref()),
        &alt.injured,
        same_count,
        (best, gold_best),
    );
    s.single(
        "arrested",
        (o.arrested.as_ref(), g.arrested.as_ref()),
        &alt.arrested,
        same_count,
        (best, gold_best),
    );
    let mut tallies = SlotTallies::default();
    for (slot, tally) in tallies.iter_mut().zip(s.tallies) {
        *slot = tally;
    }
    PairScore { tallies, notes: s.notes }
}

/// Units an unaligned output incident holds; all count against precision.
pub(crate) fn output_units(o: &Incident) -> SlotTallies {
    let units = [
        1,
        1,
        usize::from(o.date.is_some()),
        usize::from(o.location.is_some()),
        usize::from(o.site.is_some()),
        o.perpetrator_individuals.len(),
        usize::from(o.perpetrator_count.is_some()),
        o.perpetrator_nationalities.len(),
        o.attribution.len(),
        o.targets.len(),
        o.target_types.len(),
        o.victims.len(),
        o.weapons.len(),
        usize::from(o.suicide),
        usize::from(o.killed.is_some()),
        usize::from(o.injured.is_some()),
        usize::from(o.arrested.is_some()),
    ];
    units.map(|n| Tally { correct: 0, predicted: count(n), gold: 0 })
}

/// Units an unaligned gold incident holds; all count against recall.
pub(crate) fn gold_units(g: &GoldIncident) -> SlotTallies {
    let units = [
        1,
        1,
        usize::from(g.date.is_some()),
        usize::from(g.location.is_some()),
        usize::from(g.site.is_some()),
        g.perpetrator_individuals.len(),
        usize::from(g.perpetrator_count.is_some()),
        g.perpetrator_nationalities.len(),
        g.attribution.len(),
        g.targets.len(),
        g.target_types.len(),
        g.victims.len(),
        g.weapons.len(),
        usize::from(g.suicide),
        usize::from(g.killed.is_some()),
        usize::from(g.injured.is_some()),
        usize::from(g.arrested.is_some()),
    ];
    units.map(|n| Tally { correct: 0, predicted: 0, gold: count(n) })
}
