//! `vigil timeline`: fused incidents in date order, with date precision and source counts.

use std::process::ExitCode;

use serde::Serialize;
use vigil_fusion::FusedIncident;

use super::listing::{Filters, serde_value};
use crate::Global;
use crate::output::truncate;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    filters: Filters,
}

/// One line of the timeline.
#[derive(Debug, Serialize)]
struct Entry<'f> {
    id: &'f str,
    date: Option<vigil_domain::DateSpan>,
    #[serde(rename = "type")]
    incident_type: Option<vigil_domain::IncidentType>,
    stage: Option<vigil_domain::Stage>,
    place: Option<&'f vigil_domain::Location>,
    sources: usize,
    documents: &'f [String],
    killed: Option<u32>,
    attribution: String,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(global)?;
    let mut incidents: Vec<FusedIncident> = super::fused::load(&store)?
        .into_iter()
        .filter(|incident| super::incidents::passes(&args.filters, incident))
        .collect();
    super::incidents::sort_by_date(&mut incidents);
    let entries: Vec<Entry<'_>> = incidents
        .iter()
        .map(|incident| Entry {
            id: &incident.id,
            date: incident.date.value,
            incident_type: incident.incident_type.value,
            stage: incident.stage.value,
            place: incident.location.value.as_ref(),
            sources: distinct_sources(incident),
            documents: &incident.documents,
            killed: incident.killed.value.map(|count| count.best),
            attribution: super::fused::attribution_summary(incident),
        })
        .collect();
    if global.json {
        crate::output::print_json(&entries)?;
        return Ok(ExitCode::SUCCESS);
    }
    for entry in &entries {
        let when = entry.date.map_or_else(
            || "undated".to_string(),
            |date| match date.precision {
                vigil_domain::DatePrecision::Day => date.start.to_string(),
                vigil_domain::DatePrecision::Month => date.start.format("%Y-%m").to_string(),
                vigil_domain::DatePrecision::Year => date.start.format("%Y").to_string(),
                _ => format!("{}..{}", date.start, date.end),
            },
        );
        let place = entry.place.map_or("-".to_string(), |place| {
            format!("{}, {}", place.name, place.country.as_deref().unwrap_or("?"))
        });
        crate::outln!(
            "{:<22} {:<18} {:<12} {:<24} {:>2} sources{}  {}  {}",
            when,
            entry.incident_type.map(|kind| serde_value(&kind)).unwrap_or_default(),
            entry.stage.map(|stage| serde_value(&stage)).unwrap_or_default(),
            truncate(&place, 24),
            entry.sources,
            entry.killed.map_or(String::new(), |killed| format!(", {killed} killed")),
            entry.id,
            truncate(&entry.attribution, 60)
        );
    }
    if entries.is_empty() && !global.quiet {
        eprintln!("no incidents");
    }
    Ok(ExitCode::SUCCESS)
}

/// How many publishers report it (documents of unknown source count one each).
fn distinct_sources(incident: &FusedIncident) -> usize {
    let mut named: Vec<&str> = Vec::new();
    let mut unnamed = 0;
    for value in &incident.incident_type.values {
        match value.source.as_deref() {
            Some(source) if !named.contains(&source) => named.push(source),
            Some(_) => {}
            None => unnamed += 1,
        }
    }
    named.len() + unnamed
}
