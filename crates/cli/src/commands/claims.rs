//! `vigil claims`: claims read from stored documents, with filters.

use std::process::ExitCode;

use super::listing::{Filters, serde_value};
use crate::Global;
use crate::output::{or_dash, truncate};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    filters: Filters,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let extractions = super::listing::extractions(global)?;
    let rows = vigil_query::listings::claims(&extractions, &args.filters.query());
    if global.json {
        crate::output::print_json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    for row in &rows {
        let claim = row.claim;
        let accused = if claim.accused.is_empty() {
            String::new()
        } else {
            format!(" → {}", claim.accused.join(", "))
        };
        let band =
            claim.probability.map_or(String::new(), |band| format!(" [{}]", serde_value(&band)));
        crate::outln!(
            "{} {:<4} {:<14} {:<9} {:<28} about {:<4}{}{}",
            row.document,
            claim.id,
            serde_value(&claim.kind),
            serde_value(&claim.modality),
            truncate(or_dash(claim.claimant.as_deref()), 28),
            or_dash(claim.subject.as_deref()),
            accused,
            band
        );
    }
    if rows.is_empty() && !global.quiet {
        eprintln!("no claims");
    }
    Ok(ExitCode::SUCCESS)
}
