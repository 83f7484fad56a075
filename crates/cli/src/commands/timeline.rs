//! `vigil timeline`: fused incidents in date order, with date precision and source counts.

use std::process::ExitCode;

use vigil_fusion::FusedIncident;

use super::listing::{Filters, serde_value};
use crate::Global;
use crate::output::truncate;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    filters: Filters,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(global)?;
    let mut incidents: Vec<FusedIncident> = super::fused::load(&store)?
        .into_iter()
        .filter(|incident| super::incidents::passes(&args.filters, incident))
        .collect();
    super::incidents::sort_by_date(&mut incidents);
    let entries = vigil_query::listings::timeline(&incidents);
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
