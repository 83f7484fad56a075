//! `vigil actors`: actors named in stored documents, with how often and where.

use std::process::ExitCode;

use super::listing::Filters;
use crate::Global;
use crate::output::or_dash;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    filters: Filters,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let extractions = super::listing::extractions(global)?;
    let rows = vigil_query::listings::actors(&extractions, &args.filters.query());
    if global.json {
        crate::output::print_json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    for row in &rows {
        crate::outln!(
            "{:<40} {:<13} {:<3} {:>3} docs {:>4} mentions  parent {}",
            row.name,
            row.kind,
            or_dash(row.country.as_deref()),
            row.documents.len(),
            row.mentions,
            or_dash(row.parent.as_deref())
        );
    }
    if rows.is_empty() && !global.quiet {
        eprintln!("no actors");
    }
    Ok(ExitCode::SUCCESS)
}
