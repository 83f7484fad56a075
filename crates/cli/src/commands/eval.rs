//! `vigil eval codebook`: score the reader's output on a document against a gold key.

use std::process::ExitCode;

use anyhow::Context;
use vigil_extract::Extractor;

use crate::Global;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Score against keys in the codebook's format (section 7 of CODEBOOK.md).
    Codebook(CodebookArgs),
}

#[derive(Debug, clap::Args)]
pub(crate) struct CodebookArgs {
    /// The gold key (JSON, codebook format). Repeat with one DOC each to score several.
    #[arg(long = "gold", required = true, value_name = "GOLD.json")]
    gold: Vec<std::path::PathBuf>,
    /// The documents, files or stored ids, in the order of the keys.
    #[arg(required = true, value_name = "DOC")]
    documents: Vec<String>,
    /// Print each miss and spurious fill.
    #[arg(long)]
    errors: bool,
}

pub(crate) fn run(global: &Global, command: Command) -> anyhow::Result<ExitCode> {
    let Command::Codebook(args) = command;
    anyhow::ensure!(
        args.gold.len() == args.documents.len(),
        "give one --gold key per document ({} keys, {} documents)",
        args.gold.len(),
        args.documents.len()
    );
    let reader = super::reader(global, None)?;
    let kb = vigil_extract::kb::Kb::builtin();
    let canonical =
        |name: &str| -> String { kb.canonical(name).unwrap_or(name).trim().to_lowercase() };
    let options = vigil_eval::ScoreOptions { canonical: &canonical };
    let mut total: Option<vigil_eval::Scorecard> = None;
    for (gold_path, target) in args.gold.iter().zip(&args.documents) {
        let text = std::fs::read_to_string(gold_path)
            .with_context(|| format!("cannot read {}", gold_path.display()))?;
        let gold = vigil_eval::parse_gold(&text)
            .with_context(|| format!("{}: not a gold key", gold_path.display()))?;
        let mut document = super::extract::load(global, target)?;
        if let Some(published) = gold.document.published {
            document.published = Some(published);
        }
        if document.source.is_none() {
            document.source.clone_from(&gold.document.source);
        }
        let extraction = reader.extract(&document);
        let card = vigil_eval::score(&gold, &extraction, &options).with_document(target);
        match &mut total {
            Some(sum) => sum.merge(&card),
            None => total = Some(card),
        }
    }
    let Some(card) = total else { return Ok(ExitCode::SUCCESS) };
    if global.json {
        crate::output::print_json(&card)?;
    } else {
        crate::outln!("{}", card.render_table().trim_end());
        if args.errors {
            for error in &card.errors {
                crate::outln!("  {error}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
