//! `vigil extract`: read one document (a file, or a stored document's id) and print the
//! codebook JSON, without storing anything.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use vigil_domain::Document;
use vigil_extract::Extractor;
use vigil_ingest::{Input, ReadOptions};
use vigil_store::Store;

use crate::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A file to read, or the id (or unique prefix) of a stored document.
    #[arg(value_name = "FILE|DOC-ID")]
    target: String,
    /// The publication date relative dates resolve against (overrides what the file says).
    #[arg(long)]
    published: Option<NaiveDate>,
    /// A knowledge-base file (TOML) merged over the built-in one.
    #[arg(long)]
    kb: Option<std::path::PathBuf>,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let mut document = load(global, &args.target)?;
    if let Some(date) = args.published {
        document.published = Some(date);
    }
    let reader = super::reader(global, args.kb.as_deref())?;
    let extraction = reader.extract(&document);
    if global.json {
        crate::outln!("{}", serde_json::to_string(&extraction)?);
    } else {
        crate::output::print_json(&extraction)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A document from a file (read as `vigil ingest` would) or from the store.
pub(crate) fn load(global: &Global, target: &str) -> anyhow::Result<Document> {
    let path = Path::new(target);
    if path.is_file() || target == "-" {
        let inputs = [Input::parse(target)];
        let mut documents = Vec::new();
        for unit in vigil_ingest::expand(&inputs) {
            let unit = unit.map_err(|error| anyhow::anyhow!("{error}"))?;
            let output = vigil_ingest::read(&unit, &ReadOptions::default());
            if let Some(failure) = output.failures.first()
                && output.documents.is_empty()
            {
                bail!("{failure}");
            }
            documents.extend(output.documents);
        }
        return documents
            .into_iter()
            .next()
            .with_context(|| format!("{target}: no document in it"));
    }
    let store = super::open_store(global)?;
    let id = store
        .resolve_id(target)
        .with_context(|| format!("{target} is neither a file nor a stored document"))?;
    store.document(&id)?.with_context(|| format!("document {id} vanished"))
}
