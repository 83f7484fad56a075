//! `vigil actors`: actors named in stored documents, with how often and where.

use std::collections::BTreeMap;
use std::process::ExitCode;

use serde::Serialize;

use super::listing::{Filters, serde_value};
use crate::Global;
use crate::output::or_dash;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    filters: Filters,
}

#[derive(Debug, Serialize)]
struct Row {
    name: String,
    kind: String,
    country: Option<String>,
    parent: Option<String>,
    aliases_seen: Vec<String>,
    documents: Vec<String>,
    mentions: usize,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let extractions = super::listing::extractions(global)?;
    let actor = args.filters.actor_name();
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    for (id, extraction) in &extractions {
        let published = extraction.document.published;
        if !args.filters.dates_pass(published, published) {
            continue;
        }
        for mention in &extraction.actors {
            let kind = serde_value(&mention.kind);
            let kind_ok = args.filters.kind.as_deref().is_none_or(|wanted| wanted == kind);
            let actor_ok = actor
                .as_deref()
                .is_none_or(|name| mention.name == name || mention.parent.as_deref() == Some(name));
            let country_ok = args.filters.country.as_deref().is_none_or(|code| {
                mention.country.as_deref().is_some_and(|found| found.eq_ignore_ascii_case(code))
            });
            if !(kind_ok && actor_ok && country_ok) {
                continue;
            }
            let row = rows.entry(mention.name.clone()).or_insert_with(|| Row {
                name: mention.name.clone(),
                kind,
                country: mention.country.clone(),
                parent: mention.parent.clone(),
                aliases_seen: Vec::new(),
                documents: Vec::new(),
                mentions: 0,
            });
            for alias in &mention.aliases_seen {
                if !row.aliases_seen.contains(alias) {
                    row.aliases_seen.push(alias.clone());
                }
            }
            row.documents.push(id.to_string());
            row.mentions += mention.evidence.len().max(1);
        }
    }
    let mut rows: Vec<Row> = rows.into_values().collect();
    rows.sort_by(|left, right| {
        right.documents.len().cmp(&left.documents.len()).then(left.name.cmp(&right.name))
    });
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
