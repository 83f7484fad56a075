//! `vigil watch`: escalation alerts with their reasons; `vigil series`: the counts behind them.
//! Both read only reports published on or before `--as-of`, so a past day can be replayed
//! without look-ahead.

use std::process::ExitCode;

use chrono::{Duration, NaiveDate};
use vigil_watch::{Bucket, Selection};

use crate::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct WatchArgs {
    /// The day to judge (default: today); only reports published by then are read.
    #[arg(long)]
    as_of: Option<NaiveDate>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct SeriesArgs {
    /// Only incidents linked to this actor (its branches included).
    #[arg(long)]
    actor: Option<String>,
    /// Only incidents in this country (ISO code).
    #[arg(long)]
    country: Option<String>,
    /// Only this incident type.
    #[arg(long = "type")]
    kind: Option<String>,
    /// Only precursors (plots, operations, arrests, warnings, threats).
    #[arg(long, conflicts_with = "acts")]
    precursors: bool,
    /// Only acts (violent incidents that happened or were attempted).
    #[arg(long)]
    acts: bool,
    /// `day`, `week` or `month`.
    #[arg(long, default_value = "week", value_parser = ["day", "week", "month"])]
    bucket: String,
    /// First day (default: a year before the last).
    #[arg(long)]
    from: Option<NaiveDate>,
    /// Last day (default: --as-of, else today).
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Only reports published by this day.
    #[arg(long)]
    as_of: Option<NaiveDate>,
    /// Print CSV instead of a table.
    #[arg(long)]
    csv: bool,
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

pub(crate) fn watch(global: &Global, args: WatchArgs) -> anyhow::Result<ExitCode> {
    let store = super::open_store(global)?;
    let as_of = args.as_of.unwrap_or_else(today);
    let incidents = super::fused::load_as_of(&store, Some(as_of))?;
    let kb = vigil_extract::kb::Kb::builtin();
    // Watch armed groups and names the knowledge base does not know; states act at home.
    let watched = |name: &str| {
        kb.entry(name).is_none_or(|entry| entry.kind == vigil_domain::ActorKind::ArmedGroup)
    };
    let alerts = vigil_watch::watch(&incidents, as_of, &watched);
    if global.json {
        crate::output::print_json(&alerts)?;
        return Ok(ExitCode::SUCCESS);
    }
    for alert in &alerts {
        crate::outln!(
            "{} [{}] {}",
            super::listing::serde_value(&alert.rule),
            alert.level,
            alert.reason
        );
        crate::outln!("    incidents: {}", alert.incidents.join(", "));
    }
    if alerts.is_empty() && !global.quiet {
        eprintln!("no alerts as of {as_of}");
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn series(global: &Global, args: SeriesArgs) -> anyhow::Result<ExitCode> {
    let store = super::open_store(global)?;
    let to = args.to.or(args.as_of).unwrap_or_else(today);
    let from = args.from.unwrap_or(to - Duration::days(364));
    let incidents = super::fused::load_as_of(&store, args.as_of)?;
    let incident_type = match &args.kind {
        Some(kind) => Some(
            serde_json::from_value(serde_json::Value::String(kind.clone()))
                .map_err(|_| anyhow::anyhow!("unknown incident type {kind:?}"))?,
        ),
        None => None,
    };
    let selection = Selection {
        actors: args.actor.as_deref().map(super::export::actor_names).unwrap_or_default(),
        country: args.country.map(|c| c.to_ascii_uppercase()),
        incident_type,
        precursors: if args.precursors {
            Some(true)
        } else if args.acts {
            Some(false)
        } else {
            None
        },
    };
    let bucket = match args.bucket.as_str() {
        "day" => Bucket::Day,
        "month" => Bucket::Month,
        _ => Bucket::Week,
    };
    let (points, undated) = vigil_watch::series(&incidents, &selection, bucket, from, to);
    if global.json {
        crate::output::print_json(
            &serde_json::json!({"points": points, "undated": undated.iter().map(|i| &i.id).collect::<Vec<_>>()}),
        )?;
    } else if args.csv {
        crate::outln!("start,end,incidents,fatalities");
        for point in &points {
            crate::outln!(
                "{},{},{:.3},{:.3}",
                point.start,
                point.end,
                point.incidents,
                point.fatalities
            );
        }
    } else {
        for point in points.iter().filter(|p| p.incidents > 0.0) {
            crate::outln!(
                "{}..{}  {:>7.2} incidents  {:>8.1} killed",
                point.start,
                point.end,
                point.incidents,
                point.fatalities
            );
        }
        if !undated.is_empty() && !global.quiet {
            eprintln!("{} selected incidents have no date and are not counted", undated.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
