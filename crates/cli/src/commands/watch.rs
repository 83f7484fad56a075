//! `vigil watch`: escalation alerts with their reasons; `vigil series`: the counts behind them.
//! Both read only reports published on or before `--as-of`, so a past day can be replayed
//! without look-ahead.

use std::path::PathBuf;
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
    let alerts = vigil_query::alerts::alerts(&incidents, as_of);
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

#[derive(Debug, clap::Args)]
pub(crate) struct BacktestArgs {
    /// First week's last day (default: 26 weeks before --to).
    #[arg(long)]
    from: Option<NaiveDate>,
    /// Last week's last day (default: the latest publication date in the store).
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Also score the alert detectors on generated series with known escalations.
    #[arg(long)]
    generated: bool,
    /// Backtest on the incidents of MUC-4's answer keys instead of the store.
    #[arg(long)]
    muc4: bool,
    /// The MUC-4 data folder for `--muc4` (default `$VIGIL_SHARED/data/muc4`, else
    /// `../shared/data/muc4`).
    #[arg(long, value_name = "DIR", requires = "muc4")]
    data: Option<PathBuf>,
}

/// Replays the store week by week with no look-ahead (each week's count is read from the
/// reports published by its last day), scores next-week forecasts against the naive baselines,
/// and optionally the detectors on generated series.
pub(crate) fn backtest(global: &Global, args: BacktestArgs) -> anyhow::Result<ExitCode> {
    use vigil_store::Store as _;
    if args.muc4 {
        let dir = args.data.clone().unwrap_or_else(super::muc4::default_data);
        super::backtest_muc4::run(global, &dir)?;
        return Ok(ExitCode::SUCCESS);
    }
    let store = super::open_store(global)?;
    let latest = store
        .documents(&vigil_store::DocumentQuery { limit: Some(1), ..Default::default() })?
        .first()
        .and_then(|summary| summary.published)
        .unwrap_or_else(today);
    let to = args.to.unwrap_or(latest);
    let from = args.from.unwrap_or(to - Duration::days(7 * 26));
    let stored = super::fused::Stored::read(&store)?;
    let mut counts = Vec::new();
    let mut end = from;
    while end <= to {
        let known = stored.as_of(Some(end));
        let start = end - Duration::days(6);
        let count: f64 =
            known.iter().map(|incident| vigil_watch::weight_on(incident, start, end)).sum();
        counts.push(count.round() as u32);
        end += Duration::days(7);
    }
    let forecasts = vigil_watch::backtest::forecast(&counts, 4);
    let detectors = if args.generated {
        let series = vigil_watch::backtest::generated(60, 104, 99);
        [
            vigil_watch::backtest::Detector::Surge,
            vigil_watch::backtest::Detector::Poisson,
            vigil_watch::backtest::Detector::Cusum,
        ]
        .into_iter()
        .map(|detector| (detector, vigil_watch::backtest::score_alerts(&series, detector)))
        .collect()
    } else {
        Vec::new()
    };
    if global.json {
        crate::output::print_json(&serde_json::json!({
            "from": from, "to": to, "weekly_counts": counts, "forecasts": forecasts,
            "generated_alerts": detectors.iter().map(|(d, r)| serde_json::json!({"detector": d, "report": r})).collect::<Vec<_>>(),
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    crate::outln!("{} weeks from {from} to {to}, {} forecast", counts.len(), forecasts.weeks);
    crate::outln!("{:<28} {:>8} {:>10}", "forecaster", "CRPS", "ignorance");
    for (name, scored) in [
        ("model (EWMA Poisson)", forecasts.model),
        ("no change", forecasts.no_change),
        ("last count (Poisson)", forecasts.last_count),
    ] {
        crate::outln!("{:<28} {:>8.3} {:>10.3}", name, scored.crps, scored.ignorance);
    }
    for (detector, report) in &detectors {
        crate::outln!(
            "generated, {:?}: precision {:.3}, recall {:.3}, mean lead {:.2} weeks ({} escalations)",
            detector,
            report.precision,
            report.recall,
            report.mean_lead_weeks,
            report.escalations
        );
    }
    Ok(ExitCode::SUCCESS)
}
