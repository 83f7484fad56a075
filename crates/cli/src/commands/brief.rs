//! `vigil brief`: a briefing on one incident or one actor, in Markdown or HTML.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use vigil_export::brief::{Scope, briefing};
use vigil_store::Store;

use crate::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// One fused incident.
    #[arg(long, group = "what", required = true)]
    incident: Option<String>,
    /// One actor's incidents (its branches included).
    #[arg(long, group = "what", required = true)]
    actor: Option<String>,
    /// With --actor: incidents on or after this day.
    #[arg(long)]
    from: Option<chrono::NaiveDate>,
    /// With --actor: incidents on or before this day.
    #[arg(long)]
    to: Option<chrono::NaiveDate>,
    /// `md` (default) or `html`.
    #[arg(long, default_value = "md", value_parser = ["md", "html"])]
    format: String,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(global)?;
    let all = super::fused::load(&store)?;
    let (incidents, scope) = if let Some(id) = &args.incident {
        let incident = super::fused::find(&all, id)?.clone();
        let scope = Scope::Incident(incident.id.clone());
        (vec![incident], scope)
    } else {
        let name = args.actor.clone().context("give --incident or --actor")?;
        let names = super::export::actor_names(&name);
        let in_range = |incident: &vigil_fusion::FusedIncident| {
            let date = incident.date.value;
            (args.from.is_none() && args.to.is_none())
                || date.is_some_and(|d| {
                    args.from.is_none_or(|f| d.end >= f) && args.to.is_none_or(|t| d.start <= t)
                })
        };
        let incidents: Vec<_> = all
            .iter()
            .filter(|i| i.attribution.iter().any(|l| names.contains(&l.actor)) && in_range(i))
            .cloned()
            .collect();
        (incidents, Scope::Actor { name: names[0].clone(), names })
    };
    let mut boards = Vec::new();
    for stored in store.boards()? {
        if let Ok(board) = serde_json::from_str::<vigil_board::Board>(&stored.body) {
            boards.push((stored.id, board));
        }
    }
    let set = super::export::export_set(&store, incidents, boards)?;
    let Some(brief) = briefing(&set, &scope) else {
        bail!("nothing to brief: no incident matches")
    };
    let text = if args.format == "html" { brief.html } else { brief.markdown };
    super::export::write_out(global, &text, args.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
