//! `vigil incident`: one fused incident shown whole, and the analyst's merge, split and edit.
//!
//! Every change is recorded (who: `$VIGIL_USER`, else `$USER`; when; why) before it is applied,
//! and later automatic fusion respects it: merged incidents stay merged, split-off reports are
//! never linked back, and a value set by hand overrides the sources' consensus (which stays
//! visible beside it).

use std::process::ExitCode;

use anyhow::{Context, bail};
use vigil_fusion::{Edit, FusedIncident};
use vigil_store::Store;

use super::listing::serde_value;
use crate::Global;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Show one fused incident: every source's value of every slot, and the consensus.
    Show {
        /// Incident id (or a unique prefix; `inc-` may be left out).
        id: String,
    },
    /// Say why the reports of two incidents were or were not fused, pair by pair.
    Compare {
        /// The first incident.
        first: String,
        /// The second incident.
        second: String,
    },
    /// Join two incidents the automatic fusion kept apart.
    Merge {
        /// The first incident.
        first: String,
        /// The second incident.
        second: String,
        /// Why (recorded with the change).
        #[arg(long)]
        why: String,
    },
    /// Take some reports out of an incident into a new one.
    Split {
        /// The incident.
        id: String,
        /// Documents (ids or unique prefixes) whose reports leave it.
        #[arg(long, num_args = 1.., value_delimiter = ',', required = true)]
        docs: Vec<String>,
        /// Why.
        #[arg(long)]
        why: String,
    },
    /// Set slot values by hand (`killed=145`, `injured=`, `arrested=`, `type=bombing`,
    /// `date=2024-03-22`, `site=...`).
    Edit {
        /// The incident.
        id: String,
        /// `slot=value`, repeatable.
        #[arg(long = "set", required = true)]
        set: Vec<String>,
        /// Why.
        #[arg(long)]
        why: String,
    },
}

pub(crate) fn run(global: &Global, command: Command) -> anyhow::Result<ExitCode> {
    let mut store = super::open_store(global)?;
    let incidents = super::fused::load(&store)?;
    match command {
        Command::Show { id } => {
            let incident = super::fused::find(&incidents, &id)?;
            if global.json {
                crate::output::print_json(incident)?;
            } else {
                show(incident);
            }
        }
        Command::Compare { first, second } => {
            let (a, b) =
                (super::fused::find(&incidents, &first)?, super::fused::find(&incidents, &second)?);
            compare(global, &store, &a.id, &b.id)?;
        }
        Command::Merge { first, second, why } => {
            let (a, b) =
                (super::fused::find(&incidents, &first)?, super::fused::find(&incidents, &second)?);
            if a.id == b.id {
                bail!("{} and {} are the same incident", first, second);
            }
            let edit = Edit::Merge { left: a.mentions[0].clone(), right: b.mentions[0].clone() };
            record(&mut store, &edit, &why)?;
            report(global, &format!("merged {} and {}", a.id, b.id));
        }
        Command::Split { id, docs, why } => {
            let incident = super::fused::find(&incidents, &id)?;
            let mut documents = Vec::new();
            for prefix in &docs {
                documents.push(store.resolve_id(prefix)?.to_string());
            }
            let (out, rest): (Vec<String>, Vec<String>) =
                incident.mentions.iter().cloned().partition(|key| {
                    documents.iter().any(|doc| key.starts_with(&format!("{doc}/")))
                });
            if out.is_empty() {
                bail!("none of those documents reports {}", incident.id);
            }
            if rest.is_empty() {
                bail!("every report of {} would leave it; nothing to split from", incident.id);
            }
            let moved = out.len();
            record(&mut store, &Edit::Split { out, rest }, &why)?;
            report(global, &format!("split {moved} reports out of {}", incident.id));
        }
        Command::Edit { id, set, why } => {
            let incident = super::fused::find(&incidents, &id)?;
            for assignment in &set {
                let (slot, value) = assignment
                    .split_once('=')
                    .with_context(|| format!("{assignment:?} is not slot=value"))?;
                check_value(slot, value)?;
                let edit = Edit::Set {
                    anchor: incident.mentions[0].clone(),
                    slot: slot.to_string(),
                    value: value.to_string(),
                };
                record(&mut store, &edit, &why)?;
            }
            report(global, &format!("set {} values on {}", set.len(), incident.id));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn report(global: &Global, message: &str) {
    if !global.quiet {
        crate::outln!("{message}");
    }
}

/// Records the edit, then applies it.
fn record(store: &mut dyn Store, edit: &Edit, why: &str) -> anyhow::Result<()> {
    if why.trim().is_empty() {
        bail!("say why with --why");
    }
    vigil_pipeline::record_edit(store, edit, &super::analyst(), why)?;
    Ok(())
}

fn check_value(slot: &str, value: &str) -> anyhow::Result<()> {
    let ok = match slot {
        "killed" | "injured" | "arrested" => value.trim().parse::<u32>().is_ok(),
        "date" => value.parse::<chrono::NaiveDate>().is_ok(),
        "type" => serde_json::from_value::<vigil_domain::IncidentType>(serde_json::Value::String(
            value.to_string(),
        ))
        .is_ok(),
        "site" => !value.trim().is_empty(),
        _ => bail!("unknown slot {slot:?}: killed, injured, arrested, type, date or site"),
    };
    if !ok {
        bail!("{value:?} is not a value for {slot}");
    }
    Ok(())
}

fn show(incident: &FusedIncident) {
    crate::outln!("{}", super::incidents::line(incident));
    crate::outln!("reported by {} documents:", incident.documents.len());
    for document in &incident.documents {
        crate::outln!("  {document}");
    }
    slot("type", &incident.incident_type, serde_value);
    slot("date", &incident.date, |v| format!("{} ({})", v.start, serde_value(&v.precision)));
    slot("place", &incident.location, |v| {
        format!("{} {} ({})", v.name, v.country.as_deref().unwrap_or(""), serde_value(&v.precision))
    });
    slot("site", &incident.site, Clone::clone);
    slot("killed", &incident.killed, |v| v.best.to_string());
    slot("injured", &incident.injured, |v| v.best.to_string());
    slot("arrested", &incident.arrested, |v| v.best.to_string());
    if !incident.attribution.is_empty() {
        crate::outln!("attribution:");
        for link in &incident.attribution {
            crate::outln!(
                "  {} {}{} per {} ({})",
                link.actor,
                serde_value(&link.confidence),
                link.claimant.as_ref().map_or(String::new(), |who| format!(", claim by {who}")),
                link.source.as_deref().unwrap_or("unknown source"),
                link.document
            );
        }
    }
    if !incident.claims.is_empty() {
        crate::outln!("claims:");
        for claim in &incident.claims {
            crate::outln!(
                "  {} by {} ({}) per {} ({})",
                serde_value(&claim.claim.kind),
                claim.claim.claimant.as_deref().unwrap_or("unnamed"),
                serde_value(&claim.claim.modality),
                claim.source.as_deref().unwrap_or("unknown source"),
                claim.document
            );
        }
    }
    for edit in &incident.overrides {
        crate::outln!(
            "set by hand: {}={} by {} on {}: {}",
            edit.slot,
            edit.value,
            edit.author,
            edit.at,
            edit.why
        );
    }
}

fn slot<T>(name: &str, consensus: &vigil_fusion::Consensus<T>, show: impl Fn(&T) -> String) {
    let Some(value) = &consensus.value else { return };
    crate::outln!("{name}: {} [{}]", show(value), consensus.rule);
    if consensus.values.len() > 1 {
        for sourced in &consensus.values {
            crate::outln!(
                "    {} per {} ({}, {})",
                show(&sourced.value),
                sourced.source.as_deref().unwrap_or("unknown source"),
                sourced.reliability.as_str(),
                sourced.published.map_or("undated".to_string(), |day| day.to_string())
            );
        }
    }
}

/// Every pair of reports of two incidents, with the link rule's verdict.
fn compare(global: &Global, store: &dyn Store, first: &str, second: &str) -> anyhow::Result<()> {
    let parse = |id: &str| -> anyhow::Result<Vec<vigil_fusion::Mention>> {
        store
            .mentions_of(&[id.to_string()])?
            .iter()
            .map(|record| {
                serde_json::from_str(&record.data)
                    .with_context(|| format!("stored mention {} does not parse", record.key))
            })
            .collect()
    };
    let (left, right) = (parse(first)?, parse(second)?);
    let mut rows = Vec::new();
    for a in &left {
        for b in &right {
            let (linked, why) = match vigil_fusion::explain(a, b) {
                Ok(link) => (true, link.reasons.join(", ")),
                Err(reason) => (false, reason),
            };
            rows.push(
                serde_json::json!({"left": a.key, "right": b.key, "linked": linked, "why": why}),
            );
        }
    }
    if global.json {
        crate::output::print_json(&rows)?;
        return Ok(());
    }
    for row in &rows {
        crate::outln!(
            "{} {} {}: {}",
            row["left"].as_str().unwrap_or_default(),
            if row["linked"] == true { "==" } else { "!=" },
            row["right"].as_str().unwrap_or_default(),
            row["why"].as_str().unwrap_or_default()
        );
    }
    Ok(())
}
