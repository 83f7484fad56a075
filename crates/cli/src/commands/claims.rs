//! `vigil claims`: claims read from stored documents, with filters.

use std::process::ExitCode;

use serde::Serialize;
use vigil_domain::Claim;

use super::listing::{Filters, serde_value};
use crate::Global;
use crate::output::{or_dash, truncate};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    filters: Filters,
}

#[derive(Serialize)]
struct Row<'a> {
    document: String,
    #[serde(flatten)]
    claim: &'a Claim,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let extractions = super::listing::extractions(global)?;
    let actor = args.filters.actor_name();
    let mut rows: Vec<Row<'_>> = Vec::new();
    for (id, extraction) in &extractions {
        for claim in &extraction.claims {
            let kind_ok =
                args.filters.kind.as_deref().is_none_or(|kind| serde_value(&claim.kind) == kind);
            let actor_ok = actor.as_deref().is_none_or(|name| {
                claim.claimant.as_deref() == Some(name)
                    || claim.accused.iter().any(|accused| accused == name)
            });
            let subject = claim.subject.as_deref().and_then(|subject| {
                extraction.incidents.iter().find(|incident| incident.id == subject)
            });
            let country_ok = args.filters.country.as_deref().is_none_or(|code| {
                subject
                    .and_then(|incident| incident.location.as_ref())
                    .and_then(|place| place.country.as_deref())
                    .is_some_and(|found| found.eq_ignore_ascii_case(code))
            });
            let date = claim.date.or_else(|| subject.and_then(|incident| incident.date));
            let dates_ok =
                args.filters.dates_pass(date.map(|date| date.start), date.map(|date| date.end));
            if kind_ok && actor_ok && country_ok && dates_ok {
                rows.push(Row { document: id.to_string(), claim });
            }
        }
    }
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
