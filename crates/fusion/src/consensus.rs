//! A fused incident: every source's value of every slot, and a consensus with its rule.
//!
//! The rules, one per kind of slot, are chosen to be explainable to an analyst in one line:
//! - counts (killed, injured, arrested): the latest figure from the most reliable source
//!   (Admiralty A before F, then the latest report, then the larger figure), with the range of
//!   all sources' figures beside it: tolls rise as the dead are counted, and a graded source
//!   outranks an ungraded one;
//! - type and stage: the value most reports give, a specific type before the generic `attack`;
//! - date and place: the most precise value, then the one most reports give;
//! - site: the one most reports give, the earliest report on a tie.
//!
//! Attributions and claims are never reduced: every source's link to every actor stays, with
//! its confidence, claimant and document, so a denial sits beside the claim it denies.
//! An analyst's [`Override`] replaces a consensus value and says who, when and why.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use vigil_domain::{
    Claim, ClaimKind, Confidence, Count, DateSpan, IncidentType, Location, Reliability, Stage,
    TargetType, Weapon,
};

use crate::mention::{Mention, fused_id};

/// One source's value of a slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourcedValue<T> {
    /// The value as the report gives it.
    pub value: T,
    /// The reporting document.
    pub document: String,
    /// Its publisher.
    pub source: Option<String>,
    /// The publisher's reliability grade.
    pub reliability: Reliability,
    /// The report's date.
    pub published: Option<NaiveDate>,
}

/// A slot of a fused incident: the consensus, the rule that chose it, every source's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consensus<T> {
    /// The value shown.
    pub value: Option<T>,
    /// How it was chosen.
    pub rule: String,
    /// Smallest and largest figure given, for counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<(u32, u32)>,
    /// Every source's value, in report order.
    pub values: Vec<SourcedValue<T>>,
}

/// An actor linked to the incident by one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FusedAttribution {
    /// Canonical actor name.
    pub actor: String,
    /// How firmly the source links it.
    pub confidence: Confidence,
    /// Who made the claim behind the link, if one did.
    pub claimant: Option<String>,
    /// The kind of that claim.
    pub claim_kind: Option<ClaimKind>,
    /// The reporting document.
    pub document: String,
    /// Its publisher.
    pub source: Option<String>,
}

/// A claim about the incident, with the report it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FusedClaim {
    /// The reporting document.
    pub document: String,
    /// Its publisher.
    pub source: Option<String>,
    /// The report's date.
    pub published: Option<NaiveDate>,
    /// The claim (its ids are the document's own).
    pub claim: Claim,
}

/// An analyst's value for a slot, applied over the sources'.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Override {
    /// Slot name.
    pub slot: String,
    /// Value, as text.
    pub value: String,
    /// Who.
    pub author: String,
    /// When (RFC 3339).
    pub at: String,
    /// Why.
    pub why: String,
}

/// Every report of one incident, fused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FusedIncident {
    /// `inc-` and ten hex digits, from the smallest mention key.
    pub id: String,
    /// Mention keys, smallest first.
    pub mentions: Vec<String>,
    /// The reporting documents, in report order.
    pub documents: Vec<String>,
    /// Type.
    pub incident_type: Consensus<IncidentType>,
    /// Stage.
    pub stage: Consensus<Stage>,
    /// Date.
    pub date: Consensus<DateSpan>,
    /// Place.
    pub location: Consensus<Location>,
    /// Site.
    pub site: Consensus<String>,
    /// Killed.
    pub killed: Consensus<Count>,
    /// Injured.
    pub injured: Consensus<Count>,
    /// Arrested.
    pub arrested: Consensus<Count>,
    /// Every source's attributions.
    pub attribution: Vec<FusedAttribution>,
    /// Every source's claims about it.
    pub claims: Vec<FusedClaim>,
    /// Weapons any source names.
    pub weapons: BTreeSet<Weapon>,
    /// Target types any source names.
    pub target_types: BTreeSet<TargetType>,
    /// Perpetrators' nationalities any source names.
    pub perpetrator_nationalities: BTreeSet<String>,
    /// Whether any source says the attackers meant to die.
    #[serde(default)]
    pub suicide: bool,
    /// Analysts' values applied over the consensus.
    pub overrides: Vec<Override>,
}

/// Fuses the mentions of one incident (at least one) into what the workbench shows.
pub fn consensus(mentions: &[Mention], overrides: &[Override]) -> Option<FusedIncident> {
    let mut mentions: Vec<&Mention> = mentions.iter().collect();
    // Report order: published date (undated last), then key, so output never depends on input order.
    mentions.sort_by(|a, b| {
        (a.published.is_none(), a.published, &a.key).cmp(&(
            b.published.is_none(),
            b.published,
            &b.key,
        ))
    });
    let anchor = mentions.iter().map(|mention| mention.key.as_str()).min()?.to_string();
    let sourced = |mention: &Mention| SourcedValue {
        value: (),
        document: mention.document.clone(),
        source: mention.source.clone(),
        reliability: mention.reliability,
        published: mention.published,
    };
    let values = |pick: &dyn Fn(&Mention) -> Option<Value>| -> Vec<(Value, SourcedValue<()>)> {
        mentions.iter().filter_map(|m| pick(m).map(|value| (value, sourced(m)))).collect()
    };
    let mut documents: Vec<String> = Vec::new();
    for mention in &mentions {
        if !documents.contains(&mention.document) {
            documents.push(mention.document.clone());
        }
    }
    let mut keys: Vec<String> = mentions.iter().map(|mention| mention.key.clone()).collect();
    keys.sort();
    let mut fused = FusedIncident {
        id: fused_id(&anchor),
        mentions: keys,
        documents,
        incident_type: by_votes(
            unwrap(values(&|m| Some(Value::Type(m.incident.incident_type)))),
            |kind: &IncidentType| *kind != IncidentType::Attack,
            "most reports; a specific type before the generic attack",
        ),
        stage: by_votes(
            unwrap(values(&|m| Some(Value::Stage(m.incident.stage)))),
            |_| true,
            "most reports",
        ),
        date: most_precise(
            unwrap(values(&|m| m.incident.date.map(Value::Date))),
            |date: &DateSpan| date_rank(date.precision),
        ),
        location: most_precise(
            unwrap(values(&|m| m.incident.location.clone().map(Value::Place))),
            |place: &Location| place_rank(place.precision),
        ),
        site: by_votes(
            unwrap(values(&|m| m.incident.site.clone().map(Value::Text))),
            |_| true,
            "most reports; the earliest on a tie",
        ),
        killed: count(unwrap(values(&|m| m.incident.killed.map(Value::Count)))),
        injured: count(unwrap(values(&|m| m.incident.injured.map(Value::Count)))),
        arrested: count(unwrap(values(&|m| m.incident.arrested.map(Value::Count)))),
        attribution: Vec::new(),
        claims: Vec::new(),
        weapons: BTreeSet::new(),
        target_types: BTreeSet::new(),
        perpetrator_nationalities: BTreeSet::new(),
        suicide: false,
        overrides: Vec::new(),
    };
    for mention in &mentions {
        let incident = &mention.incident;
        fused.weapons.extend(incident.weapons.iter().copied());
        fused.suicide |= incident.suicide;
        fused.target_types.extend(incident.target_types.iter().copied());
        fused.perpetrator_nationalities.extend(incident.perpetrator_nationalities.iter().cloned());
        for link in &incident.attribution {
            let claim = link
                .claim
                .as_ref()
                .and_then(|id| mention.claims.iter().find(|claim| &claim.id == id));
            fused.attribution.push(FusedAttribution {
                actor: link.actor.clone(),
                confidence: link.confidence,
                claimant: claim.and_then(|claim| claim.claimant.clone()),
                claim_kind: claim.map(|claim| claim.kind),
                document: mention.document.clone(),
                source: mention.source.clone(),
            });
        }
        for claim in &mention.claims {
            fused.claims.push(FusedClaim {
                document: mention.document.clone(),
                source: mention.source.clone(),
                published: mention.published,
                claim: claim.clone(),
            });
        }
    }
    for edit in overrides {
        apply(&mut fused, edit);
    }
    Some(fused)
}

/// Values of any slot, so one collector serves them all.
#[derive(Debug, Clone)]
enum Value {
    Type(IncidentType),
    Stage(Stage),
    Date(DateSpan),
    Place(Location),
    Text(String),
    Count(Count),
}

trait FromValue: Sized {
    fn from_value(value: Value) -> Option<Self>;
}

macro_rules! from_value {
    ($($variant:ident => $type:ty),*) => {$(
        impl FromValue for $type {
            fn from_value(value: Value) -> Option<Self> {
                if let Value::$variant(inner) = value { Some(inner) } else { None }
            }
        }
    )*};
}
from_value!(Type => IncidentType, Stage => Stage, Date => DateSpan, Place => Location, Text => String, Count => Count);

fn unwrap<T: FromValue>(values: Vec<(Value, SourcedValue<()>)>) -> Vec<SourcedValue<T>> {
    values
        .into_iter()
        .filter_map(|(value, sourced)| {
            Some(SourcedValue {
                value: T::from_value(value)?,
                document: sourced.document,
                source: sourced.source,
                reliability: sourced.reliability,
                published: sourced.published,
            })
        })
        .collect()
}

/// The value most sources give; `preferred` values first on a tie, then the earliest.
fn by_votes<T: Clone + PartialEq>(
    values: Vec<SourcedValue<T>>,
    preferred: impl Fn(&T) -> bool,
    rule: &str,
) -> Consensus<T> {
    let mut best: Option<(usize, bool, usize)> = None;
    for (index, candidate) in values.iter().enumerate() {
        let votes = values.iter().filter(|other| other.value == candidate.value).count();
        let key = (votes, preferred(&candidate.value));
        if best.is_none_or(|(v, p, _)| key > (v, p)) {
            best = Some((votes, key.1, index));
        }
    }
    Consensus {
        value: best.map(|(_, _, index)| values[index].value.clone()),
        rule: rule.to_string(),
        range: None,
        values,
    }
}

/// The most precise value (lowest rank), then the most given.
fn most_precise<T: Clone + PartialEq>(
    values: Vec<SourcedValue<T>>,
    rank: impl Fn(&T) -> u8,
) -> Consensus<T> {
    let finest = values.iter().map(|value| rank(&value.value)).min();
    let chosen = by_votes(
        values.iter().filter(|value| Some(rank(&value.value)) == finest).cloned().collect(),
        |_| true,
        "",
    )
    .value;
    Consensus {
        value: chosen,
        rule: "most precise, then most reports".to_string(),
        range: None,
        values,
    }
}

/// The latest figure from the most reliable source, with the range.
fn count(values: Vec<SourcedValue<Count>>) -> Consensus<Count> {
    let chosen = values
        .iter()
        .min_by(|a, b| {
            a.reliability
                .cmp(&b.reliability)
                .then(b.published.cmp(&a.published))
                .then(b.value.best.cmp(&a.value.best))
        })
        .map(|value| value.value);
    let range = values.iter().map(|value| value.value.best).fold(
        None,
        |range: Option<(u32, u32)>, best| {
            Some(range.map_or((best, best), |(low, high)| (low.min(best), high.max(best))))
        },
    );
    Consensus {
        value: chosen,
        rule: "latest figure from the most reliable source".to_string(),
        range,
        values,
    }
}

fn date_rank(precision: vigil_domain::DatePrecision) -> u8 {
    use vigil_domain::DatePrecision as P;
    match precision {
        P::Day => 0,
        P::Week => 1,
        P::Month => 2,
        P::Year => 3,
        P::Range => 4,
    }
}

fn place_rank(precision: vigil_domain::LocationPrecision) -> u8 {
    use vigil_domain::LocationPrecision as P;
    match precision {
        P::Site => 0,
        P::City => 1,
        P::Admin1 => 2,
        P::Country => 3,
        P::Region => 4,
    }
}

/// Applies an analyst's value; a value that does not parse is kept in the record but not shown.
fn apply(fused: &mut FusedIncident, edit: &Override) {
    let rule = format!("set by {} on {}: {}", edit.author, edit.at, edit.why);
    let count = edit.value.trim().parse::<u32>().ok().map(|best| Count {
        best,
        min: None,
        max: None,
        qualifier: vigil_domain::CountQualifier::Exact,
    });
    match edit.slot.as_str() {
        "killed" if count.is_some() => (fused.killed.value, fused.killed.rule) = (count, rule),
        "injured" if count.is_some() => (fused.injured.value, fused.injured.rule) = (count, rule),
        "arrested" if count.is_some() => {
            (fused.arrested.value, fused.arrested.rule) = (count, rule)
        }
        "site" => (fused.site.value, fused.site.rule) = (Some(edit.value.clone()), rule),
        "type" => {
            if let Ok(kind) = serde_json::from_value(serde_json::Value::String(edit.value.clone()))
            {
                (fused.incident_type.value, fused.incident_type.rule) = (Some(kind), rule);
            }
        }
        "date" => {
            if let Ok(day) = edit.value.parse::<NaiveDate>() {
                let span =
                    DateSpan { start: day, end: day, precision: vigil_domain::DatePrecision::Day };
                (fused.date.value, fused.date.rule) = (Some(span), rule);
            }
        }
        _ => {}
    }
    fused.overrides.push(edit.clone());
}
