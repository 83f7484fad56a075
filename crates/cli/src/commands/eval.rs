//! `vigil eval codebook`: score the reader's output on a document against a gold key;
//! `vigil eval fusion`: score the store's fused incidents against a fusion key (B-cubed);
//! `vigil eval muc4` lives in `muc4.rs`.

use std::process::ExitCode;

use anyhow::Context;
use vigil_extract::Extractor;
use vigil_store::Store;

use crate::Global;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Score against keys in the codebook's format (section 7 of CODEBOOK.md).
    Codebook(CodebookArgs),
    /// Score the store's fused incidents against a fusion key (B-cubed over reports).
    Fusion(FusionArgs),
    /// Run the reader on a MUC-4 split and score its templates (GTT's metric, plus
    /// perpetrator confidence, date and country from the raw keys).
    Muc4(super::muc4::Args),
}

#[derive(Debug, clap::Args)]
pub(crate) struct FusionArgs {
    /// The fusion key (JSON: incidents, each with the paths of the reports that tell it).
    #[arg(long, value_name = "KEY.json", default_value = "demo/fusion-key.json")]
    key: std::path::PathBuf,
    /// List every scored item: the key incident, the report, and the fused incident its
    /// mention went to (`-` when the reader found none).
    #[arg(long)]
    items: bool,
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
    let args = match command {
        Command::Codebook(args) => args,
        Command::Fusion(args) => return fusion(global, &args),
        Command::Muc4(args) => return super::muc4::run(global, &args),
    };
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

fn fusion(global: &Global, args: &FusionArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.key)
        .with_context(|| format!("cannot read {}", args.key.display()))?;
    let key: vigil_eval::FusionKey = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a fusion key", args.key.display()))?;
    let store = super::open_store(global)?;
    let records = store.mentions()?;
    // A near-copy is fused as its original (it is not an independent report): it reports
    // what its original does.
    let mut copies: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for summary in store.documents(&vigil_store::DocumentQuery::default())? {
        if let Some(original) = summary.duplicate_of {
            copies.entry(original.to_string()).or_default().push(summary.origin);
        }
    }
    let mut origins_of: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut parsed = Vec::with_capacity(records.len());
    for record in &records {
        let mention: vigil_fusion::Mention = serde_json::from_str(&record.data)
            .with_context(|| format!("stored mention {} does not parse", record.key))?;
        // A document read from several places counts under each of them.
        // A document's origins, read once however many incidents it reports.
        let origins = match origins_of.get(record.document.as_str()) {
            Some(known) => known,
            None => {
                let mut found = store.origins(&record.document)?;
                found.extend(copies.get(record.document.as_str()).into_iter().flatten().cloned());
                origins_of.entry(record.document.to_string()).or_insert(found)
            }
        };
        for origin in origins.clone() {
            parsed.push((
                origin,
                mention.incident.clone(),
                record.fused_id.clone(),
                record.key.clone(),
            ));
        }
    }
    let mentions: Vec<vigil_eval::SystemMention<'_>> = parsed
        .iter()
        .map(|(origin, incident, fused_id, key)| vigil_eval::SystemMention {
            origin,
            incident,
            fused_id,
            key,
        })
        .collect();
    let score = vigil_eval::score_fusion(&key, &mentions);
    if global.json {
        crate::output::print_json(&score)?;
        return Ok(ExitCode::SUCCESS);
    }
    crate::outln!(
        "{:<38} {:>6} {:>7} {:>7} {:>7}",
        "B-cubed over (report, incident) items",
        "items",
        "P",
        "R",
        "F1"
    );
    for (name, figures) in
        [("aligned to a read incident", score.aligned), ("every item of the key", score.all)]
    {
        crate::outln!(
            "{:<38} {:>6} {:>7.3} {:>7.3} {:>7.3}",
            name,
            figures.items,
            figures.precision,
            figures.recall,
            figures.f1
        );
    }
    if args.items {
        crate::outln!();
        crate::outln!("{:<24} {:<16} {:<28} report", "key incident", "fused", "mention");
        for item in &score.items {
            crate::outln!(
                "{:<24} {:<16} {:<28} {}",
                item.incident,
                item.fused_id.as_deref().unwrap_or("-"),
                item.mention.as_deref().unwrap_or("-"),
                item.report
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
