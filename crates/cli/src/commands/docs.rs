//! `vigil docs`: list stored documents.

use std::process::ExitCode;

use chrono::NaiveDate;
use vigil_store::{DocumentQuery, Store};

use crate::Global;
use crate::output::{or_dash, truncate};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Only documents from this publisher.
    #[arg(long)]
    source: Option<String>,
    /// Only documents published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<NaiveDate>,
    /// Only documents published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Leave out near-duplicates.
    #[arg(long)]
    originals: bool,
    /// At most this many.
    #[arg(long, default_value_t = 100)]
    limit: usize,
    /// Skip this many.
    #[arg(long, default_value_t = 0)]
    offset: usize,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(global)?;
    let query = DocumentQuery {
        source: args.source,
        from: args.from,
        to: args.to,
        originals_only: args.originals,
        limit: Some(args.limit),
        offset: args.offset,
    };
    let documents = store.documents(&query)?;
    if global.json {
        crate::output::print_json(&documents)?;
        return Ok(ExitCode::SUCCESS);
    }
    for document in &documents {
        let published = document.published.map(|date| date.to_string());
        let copy = match &document.duplicate_of {
            Some(original) => format!("  (near-copy of {original})"),
            None => String::new(),
        };
        crate::outln!(
            "{}  {:<10}  {:<2}  {:<24}  {}{copy}",
            document.id,
            or_dash(published.as_deref()),
            or_dash(document.language.as_deref()),
            truncate(or_dash(document.source.as_deref()), 24),
            truncate(document.title.as_deref().unwrap_or(&document.origin), 70),
        );
    }
    if documents.is_empty() && !global.quiet {
        eprintln!("no documents");
    }
    Ok(ExitCode::SUCCESS)
}
