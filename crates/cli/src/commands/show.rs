//! `vigil show`: one document's metadata and cleaned text.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use vigil_store::Store;

use crate::Global;
use crate::output::or_dash;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The document's id, or a unique prefix of it (at least 4 characters).
    #[arg(value_name = "DOC")]
    id: String,
    /// Print the raw bytes as ingested instead of the cleaned text.
    #[arg(long)]
    raw: bool,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(global)?;
    let id = store.resolve_id(&args.id)?;
    let document = store.document(&id)?.with_context(|| format!("document {id} vanished"))?;
    if args.raw {
        if let Err(error) = std::io::stdout().write_all(&document.raw) {
            // A closed pipe (`vigil show --raw ID | head`) is the reader's choice, not a failure.
            if error.kind() != std::io::ErrorKind::BrokenPipe {
                return Err(error).context("cannot write to standard output");
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let origins = store.origins(&id)?;
    if global.json {
        let mut value = serde_json::to_value(&document)?;
        value["origins"] = serde_json::to_value(&origins)?;
        crate::output::print_json(&value)?;
        return Ok(ExitCode::SUCCESS);
    }
    let published = document.published.map(|date| date.to_string());
    crate::outln!("id:         {}", document.id);
    crate::outln!("title:      {}", or_dash(document.title.as_deref()));
    crate::outln!("source:     {}", or_dash(document.source.as_deref()));
    crate::outln!("published:  {}", or_dash(published.as_deref()));
    crate::outln!("author:     {}", or_dash(document.author.as_deref()));
    crate::outln!("url:        {}", or_dash(document.url.as_deref()));
    crate::outln!("language:   {}", or_dash(document.language.as_deref()));
    crate::outln!("read from:  {}", origins.join(", "));
    if let Some(link) = &document.duplicate_of {
        crate::outln!("near-copy:  of {} (similarity {:.2})", link.original, link.similarity);
    }
    for warning in &document.warnings {
        crate::outln!("warning:    {warning}");
    }
    crate::outln!();
    crate::outln!("{}", document.text);
    Ok(ExitCode::SUCCESS)
}
