//! `vigil backtest --muc4`: the forecast backtest on weekly series of the incidents in MUC-4's
//! answer keys (nine Latin-American countries, 1988-90), read from the shared data in place.

use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::{Duration, NaiveDate};
use vigil_eval::muc4::incidents::{KeyIncident, key_incidents, weekly_counts};
use vigil_watch::backtest::{ForecastReport, Scored, forecast};

use crate::Global;

/// Countries with fewer incidents than this in the window get no series of their own (they
/// are counted in none: a series of zeros scores every forecaster near zero and flatters none).
const MIN_INCIDENTS: usize = 20;
/// Weeks each series is read before its first forecast.
const WARMUP: usize = 4;

/// One country's series and scores.
#[derive(Debug, serde::Serialize)]
struct CountrySeries {
    country: String,
    incidents: usize,
    weekly_counts: Vec<u32>,
    forecasts: ForecastReport,
}

pub(crate) fn run(global: &Global, data: &Path) -> anyhow::Result<()> {
    let mut templates = Vec::new();
    let corpora = data.join("raw/CORPORA");
    let folders = std::fs::read_dir(&corpora)
        .with_context(|| format!("cannot read {} (MUC-4 raw keys)", corpora.display()))?;
    let mut files: Vec<PathBuf> = folders
        .flatten()
        .filter(|entry| entry.path().is_dir())
        .flat_map(|dir| std::fs::read_dir(dir.path()).into_iter().flatten().flatten())
        .map(|entry| entry.path())
        .filter(|path| path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("key-")))
        .collect();
    files.sort();
    for file in &files {
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        templates.extend(vigil_eval::muc4::keys::parse_keys(&String::from_utf8_lossy(&bytes)));
    }
    anyhow::ensure!(!templates.is_empty(), "no MUC-4 keys (key-*) under {}", corpora.display());
    let incidents = key_incidents(&templates);
    let (from, to) = window(&incidents).context("no dated incidents in the keys")?;
    let weeks = ((to - from).num_days() / 7 + 1) as usize;
    let mut countries: Vec<String> = incidents.iter().map(|i| i.country.clone()).collect();
    countries.sort();
    countries.dedup();
    let mut rows = Vec::new();
    for country in countries {
        let counts = weekly_counts(&incidents, &country, from, weeks);
        let total: u32 = counts.iter().sum();
        if (total as usize) < MIN_INCIDENTS {
            continue;
        }
        let forecasts = forecast(&counts, WARMUP);
        rows.push(CountrySeries {
            country,
            incidents: total as usize,
            weekly_counts: counts,
            forecasts,
        });
    }
    let pooled = pool(rows.iter().map(|row| &row.forecasts));
    if global.json {
        crate::output::print_json(&serde_json::json!({
            "templates": templates.iter().filter(|t| t.is_relevant()).count(),
            "incidents": incidents.len(),
            "first_week_end": from, "last_week_end": to, "weeks": weeks,
            "countries": rows, "pooled": pooled,
        }))?;
        return Ok(());
    }
    crate::outln!(
        "{} keyed templates -> {} incidents; weeks ending {from} to {to} ({weeks}); CRPS (lower is better)",
        templates.iter().filter(|t| t.is_relevant()).count(),
        incidents.len()
    );
    crate::outln!(
        "{:<14} {:>9} {:>7} {:>9} {:>10} {:>11}",
        "country",
        "incidents",
        "weeks",
        "model",
        "no change",
        "last count"
    );
    for row in &rows {
        crate::outln!(
            "{:<14} {:>9} {:>7} {:>9.3} {:>10.3} {:>11.3}",
            row.country.to_lowercase(),
            row.incidents,
            row.forecasts.weeks,
            row.forecasts.model.crps,
            row.forecasts.no_change.crps,
            row.forecasts.last_count.crps
        );
    }
    crate::outln!(
        "{:<14} {:>9} {:>7} {:>9.3} {:>10.3} {:>11.3}",
        "pooled",
        rows.iter().map(|r| r.incidents).sum::<usize>(),
        pooled.weeks,
        pooled.model.crps,
        pooled.no_change.crps,
        pooled.last_count.crps
    );
    crate::outln!(
        "model CRPS {:.1}% below no change and {:.1}% below last count; ignorance {:.2} bits vs {:.2} and {:.2}",
        100.0 * (1.0 - pooled.model.crps / pooled.no_change.crps),
        100.0 * (1.0 - pooled.model.crps / pooled.last_count.crps),
        pooled.model.ignorance,
        pooled.no_change.ignorance,
        pooled.last_count.ignorance
    );
    Ok(())
}

/// Week ends spanning the middle 95% of incident days: the keys also date a few incidents
/// years before the messages (a 1980 massacre recalled in 1989), which would pad every series
/// with empty weeks.
fn window(incidents: &[KeyIncident]) -> Option<(NaiveDate, NaiveDate)> {
    let mut days: Vec<NaiveDate> = incidents.iter().map(|i| i.last).collect();
    days.sort();
    let low = *days.get(days.len() * 25 / 1000)?;
    let high = *days.get((days.len() * 975 / 1000).min(days.len().saturating_sub(1)))?;
    // Weeks end on Sundays.
    let to_sunday = |day: NaiveDate| {
        use chrono::Datelike;
        day + Duration::days(i64::from(6 - day.weekday().num_days_from_monday()))
    };
    Some((to_sunday(low), to_sunday(high)))
}

/// Scores over all series, weighted by weeks forecast.
fn pool<'a>(reports: impl Iterator<Item = &'a ForecastReport>) -> ForecastReport {
    let mut pooled = ForecastReport::default();
    for report in reports {
        let w = report.weeks as f64;
        for (total, part) in [
            (&mut pooled.model, &report.model),
            (&mut pooled.no_change, &report.no_change),
            (&mut pooled.last_count, &report.last_count),
        ] {
            total.crps += part.crps * w;
            total.ignorance += part.ignorance * w;
        }
        pooled.weeks += report.weeks;
    }
    let n = pooled.weeks.max(1) as f64;
    for scored in [&mut pooled.model, &mut pooled.no_change, &mut pooled.last_count] {
        *scored = Scored { crps: scored.crps / n, ignorance: scored.ignorance / n };
    }
    pooled
}
