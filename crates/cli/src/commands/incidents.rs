//! `vigil incidents`: incidents read from stored documents, with filters.

use std::process::ExitCode;

use serde::Serialize;
use vigil_domain::Incident;

use super::listing::{Filters, serde_value};
use crate::Global;
use crate::output::truncate;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    filters: Filters,
}

#[derive(Serialize)]
struct Row<'a> {
    document: String,
    #[serde(flatten)]
    incident: &'a Incident,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let extractions = super::listing::extractions(global)?;
    let rows: Vec<Row<'_>> = extractions
        .iter()
        .flat_map(|(id, extraction)| {
            extraction.incidents.iter().map(move |incident| (id, incident))
        })
        .filter(|(_, incident)| args.filters.incident_passes(incident))
        .map(|(id, incident)| Row { document: id.to_string(), incident })
        .collect();
    if global.json {
        crate::output::print_json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    for row in &rows {
        let incident = row.incident;
        let date = incident.date.map_or_else(|| "-".to_string(), |date| date.start.to_string());
        let place = incident.location.as_ref().map_or("-".to_string(), |place| {
            format!("{} {}", place.name, place.country.as_deref().unwrap_or(""))
        });
        let who: Vec<String> = incident
            .attribution
            .iter()
            .map(|link| format!("{} ({})", link.actor, serde_value(&link.confidence)))
            .collect();
        let killed =
            incident.killed.map_or(String::new(), |count| format!(" killed {}", count.best));
        crate::outln!(
            "{} {:<4} {:<18} {:<10} {:<10} {:<20}{} {}",
            row.document,
            incident.id,
            serde_value(&incident.incident_type),
            serde_value(&incident.stage),
            date,
            truncate(&place, 20),
            killed,
            truncate(&who.join(", "), 60)
        );
    }
    if rows.is_empty() && !global.quiet {
        eprintln!("no incidents");
    }
    Ok(ExitCode::SUCCESS)
}
