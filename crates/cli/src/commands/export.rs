//! `vigil export`: fused incidents in the formats analysts' tools read (STIX 2.1, ACLED- and
//! GTD-style CSV, GeoJSON, JSON lines), to `-o FILE` or standard output; and the export set the
//! briefing shares.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use vigil_export::{ActorInfo, DocumentInfo, ExportSet};
use vigil_fusion::FusedIncident;
use vigil_store::{DocumentQuery, Store};

use super::listing::Filters;
use crate::Global;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// A STIX 2.1 bundle.
    Stix {
        /// One fused incident.
        #[arg(long, group = "what")]
        incident: Option<String>,
        /// The incidents attributed to one actor (its branches included).
        #[arg(long, group = "what")]
        actor: Option<String>,
        /// One board: its incident and a grouping of its hypotheses.
        #[arg(long, group = "what")]
        board: Option<i64>,
        /// Everything (the default).
        #[arg(long, group = "what")]
        all: bool,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// A table in the style of ACLED or GTD (columns documented in docs/exports.md).
    Csv {
        /// `acled` or `gtd`.
        #[arg(long, value_parser = ["acled", "gtd"])]
        style: String,
        #[command(flatten)]
        filters: Filters,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// A GeoJSON FeatureCollection (unlocated incidents keep a null geometry and are listed).
    Geojson {
        #[command(flatten)]
        filters: Filters,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// One fused incident per line, as `vigil incidents --json` gives them.
    Jsonl {
        #[command(flatten)]
        filters: Filters,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

pub(crate) fn run(global: &Global, command: Command) -> anyhow::Result<ExitCode> {
    let store = super::open_store(global)?;
    let all = super::fused::load(&store)?;
    let (text, output) = match command {
        Command::Stix { incident, actor, board, all: _, output } => {
            let mut boards = Vec::new();
            let incidents: Vec<FusedIncident> = if let Some(id) = incident {
                vec![super::fused::find(&all, &id)?.clone()]
            } else if let Some(name) = actor {
                let names = actor_names(&name);
                all.iter()
                    .filter(|i| i.attribution.iter().any(|l| names.contains(&l.actor)))
                    .cloned()
                    .collect()
            } else if let Some(id) = board {
                let (board, _) = super::board::load(&store, id)?;
                let incident = board.subject.incident.clone();
                boards.push((id, board));
                match incident {
                    Some(incident) => vec![super::fused::find(&all, &incident)?.clone()],
                    None => {
                        bail!("board {id} is about no incident; export its actors with --actor")
                    }
                }
            } else {
                for stored in store.boards()? {
                    if let Ok(board) = serde_json::from_str(&stored.body) {
                        boards.push((stored.id, board));
                    }
                }
                all
            };
            let set = export_set(&store, incidents, boards)?;
            (serde_json::to_string_pretty(&vigil_export::stix::bundle(&set))? + "\n", output)
        }
        Command::Csv { style, filters, output } => {
            let set = export_set(&store, filtered(all, &filters), Vec::new())?;
            let table = if style == "gtd" {
                vigil_export::tables::gtd(&set)
            } else {
                vigil_export::tables::acled(&set)
            };
            (table.context("cannot write the table")?, output)
        }
        Command::Geojson { filters, output } => {
            let set = export_set(&store, filtered(all, &filters), Vec::new())?;
            (
                serde_json::to_string_pretty(&vigil_export::geo::feature_collection(&set))? + "\n",
                output,
            )
        }
        Command::Jsonl { filters, output } => {
            let mut text = String::new();
            for incident in filtered(all, &filters) {
                text.push_str(&serde_json::to_string(&incident)?);
                text.push('\n');
            }
            (text, output)
        }
    };
    write_out(global, &text, output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

/// Writes to the file, or to standard output.
pub(crate) fn write_out(
    global: &Global,
    text: &str,
    output: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            std::fs::write(path, text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            if !global.quiet {
                eprintln!("wrote {} ({} bytes)", path.display(), text.len());
            }
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            if let Err(error) = stdout.write_all(text.as_bytes())
                && error.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(error).context("cannot write to standard output");
            }
        }
    }
    Ok(())
}

fn filtered(all: Vec<FusedIncident>, filters: &Filters) -> Vec<FusedIncident> {
    let mut incidents: Vec<FusedIncident> =
        all.into_iter().filter(|i| super::incidents::passes(filters, i)).collect();
    super::incidents::sort_by_date(&mut incidents);
    incidents
}

/// An actor's canonical name and its branches' (a brief or export "for IS" includes IS-K's).
pub(crate) fn actor_names(name: &str) -> Vec<String> {
    let kb = vigil_extract::kb::Kb::builtin();
    let canonical = kb.canonical(name).unwrap_or(name).to_string();
    let mut names = vec![canonical.clone()];
    for entry in kb.entries() {
        if kb.ancestors(&entry.name).contains(&canonical.as_str()) {
            names.push(entry.name.clone());
        }
    }
    names
}

/// The incidents with the documents they cite and the actors they name.
pub(crate) fn export_set(
    store: &dyn Store,
    incidents: Vec<FusedIncident>,
    boards: Vec<(i64, vigil_board::Board)>,
) -> anyhow::Result<ExportSet> {
    let mut documents = Vec::new();
    for summary in store.documents(&DocumentQuery::default())? {
        if !incidents.iter().any(|i| i.documents.iter().any(|d| d == summary.id.as_str())) {
            continue;
        }
        let reliability = match &summary.source {
            Some(name) => store.source(name)?.map(|s| s.reliability).unwrap_or_default(),
            None => vigil_domain::Reliability::F,
        };
        documents.push(DocumentInfo {
            id: summary.id.to_string(),
            title: summary.title,
            source: summary.source,
            published: summary.published,
            origin: summary.origin,
            reliability: reliability.as_str().to_string(),
        });
    }
    let kb = vigil_extract::kb::Kb::builtin();
    let mut actors: Vec<ActorInfo> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for incident in &incidents {
        names.extend(incident.attribution.iter().map(|l| l.actor.clone()));
        names.extend(incident.attribution.iter().filter_map(|l| l.claimant.clone()));
        names.extend(incident.claims.iter().filter_map(|c| c.claim.claimant.clone()));
    }
    names.sort();
    names.dedup();
    for name in names {
        let entry = kb.entry(&name);
        actors.push(ActorInfo {
            kind: entry.map(|e| e.kind),
            aliases: entry
                .map(|e| e.aliases.iter().map(|a| a.text.clone()).collect())
                .unwrap_or_default(),
            country: entry.and_then(|e| e.country.clone()),
            name,
        });
    }
    Ok(ExportSet { incidents, documents, actors, boards })
}
