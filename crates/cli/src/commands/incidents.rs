//! `vigil incidents`: fused incidents, each with the reports behind it and its consensus slots.

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
        .filter(|incident| passes(&args.filters, incident))
        .collect();
    sort_by_date(&mut incidents);
    if global.json {
        crate::output::print_json(&incidents)?;
        return Ok(ExitCode::SUCCESS);
    }
    for incident in &incidents {
        crate::outln!("{}", line(incident));
    }
    if incidents.is_empty() && !global.quiet {
        eprintln!("no incidents");
    }
    Ok(ExitCode::SUCCESS)
}

/// Oldest first, undated last, then by id.
pub(crate) fn sort_by_date(incidents: &mut [FusedIncident]) {
    vigil_query::filters::sort_by_date(incidents);
}

/// Whether a fused incident passes the filters: its consensus type, any source's attribution,
/// its consensus place and date.
pub(crate) fn passes(filters: &Filters, incident: &FusedIncident) -> bool {
    filters.query().pass_incident(incident)
}

/// One line: id, type, stage, date and precision, place, reports, toll, attribution.
pub(crate) fn line(incident: &FusedIncident) -> String {
    let date = incident.date.value.map_or_else(
        || "-".to_string(),
        |date| format!("{} ({})", date.start, serde_value(&date.precision)),
    );
    let place = incident.location.value.as_ref().map_or("-".to_string(), |place| {
        format!("{} {}", place.name, place.country.as_deref().unwrap_or(""))
    });
    let killed = incident.killed.value.map_or(String::new(), |count| match incident.killed.range {
        Some((low, high)) if low != high => format!(" killed {} ({low}-{high})", count.best),
        _ => format!(" killed {}", count.best),
    });
    format!(
        "{} {:<18} {:<12} {:<18} {:<22} {} reports{} {}",
        incident.id,
        incident.incident_type.value.map(|kind| serde_value(&kind)).unwrap_or_default(),
        incident.stage.value.map(|stage| serde_value(&stage)).unwrap_or_default(),
        date,
        truncate(&place, 22),
        incident.documents.len(),
        killed,
        truncate(&super::fused::attribution_summary(incident), 70)
    )
}
