//! `vigil search`: ranked full-text search with snippets.

use std::process::ExitCode;

use vigil_store::Store;

use crate::Global;
use crate::output::or_dash;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Words that must all occur, or a "quoted phrase".
    #[arg(required = true)]
    query: Vec<String>,
    /// At most this many hits.
    #[arg(long, default_value_t = 20)]
    limit: usize,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(global)?;
    let hits = store.search(&args.query.join(" "), args.limit)?;
    if global.json {
        crate::output::print_json(&hits)?;
        return Ok(ExitCode::SUCCESS);
    }
    for hit in &hits {
        let published = hit.published.map(|date| date.to_string());
        crate::outln!(
            "{}  {:>6.2}  {}  {}  {}",
            hit.id,
            hit.score,
            or_dash(published.as_deref()),
            or_dash(hit.source.as_deref()),
            or_dash(hit.title.as_deref())
        );
        crate::outln!("    {}", hit.snippet.replace('\n', " "));
    }
    if hits.is_empty() && !global.quiet {
        eprintln!("no matches");
    }
    Ok(ExitCode::SUCCESS)
}
