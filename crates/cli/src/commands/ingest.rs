//! `vigil ingest`: read inputs into the store, with progress and a summary.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use vigil_ingest::{FieldMap, Format, Input, Overrides, ReadOptions};
use vigil_pipeline::{IngestConfig, IngestReport, ProgressEvent};

use crate::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files, folders (read recursively), http(s) URLs, or `-` for standard input.
    #[arg(required = true, value_name = "PATH|URL|-")]
    inputs: Vec<String>,
    /// Read every input as this format instead of guessing from its name and content.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// JSONL/CSV: the field holding the text (default: text, body or content).
    #[arg(long)]
    text_field: Option<String>,
    /// JSONL/CSV: the field holding the headline (default: title or headline).
    #[arg(long)]
    title_field: Option<String>,
    /// JSONL/CSV: the field holding the publication date (default: date, published or pubDate).
    #[arg(long)]
    date_field: Option<String>,
    /// JSONL/CSV: the field holding the URL (default: url or link).
    #[arg(long)]
    url_field: Option<String>,
    /// JSONL/CSV: the field holding the publisher (default: source or publisher).
    #[arg(long)]
    source_field: Option<String>,
    /// The publisher of these inputs (overrides what the page says).
    #[arg(long)]
    source: Option<String>,
    /// The publication date, YYYY-MM-DD (overrides what the page says).
    #[arg(long, value_parser = parse_date)]
    published: Option<NaiveDate>,
    /// The headline (overrides what the page says).
    #[arg(long)]
    title: Option<String>,
    /// Documents per store transaction.
    #[arg(long, default_value_t = 500)]
    batch_size: usize,
    /// Seconds to wait for a URL before giving up.
    #[arg(long, default_value_t = 20)]
    timeout: u64,
    /// A knowledge-base file (TOML) merged over the built-in one.
    #[arg(long)]
    kb: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Text,
    Markdown,
    Html,
    Feed,
    Jsonl,
    Csv,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|error| format!("{error}: expected YYYY-MM-DD"))
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let inputs: Vec<Input> = args.inputs.iter().map(|arg| Input::parse(arg)).collect();
    let read = ReadOptions {
        fields: FieldMap {
            text: args.text_field,
            title: args.title_field,
            date: args.date_field,
            url: args.url_field,
            source: args.source_field,
        },
        overrides: Overrides { source: args.source, published: args.published, title: args.title },
        format: args.format.map(|format| match format {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Feed => Format::Feed,
            FormatArg::Jsonl => Format::JsonLines,
            FormatArg::Csv => Format::Csv,
        }),
        http_timeout: Duration::from_secs(args.timeout),
        ..ReadOptions::default()
    };
    let config = IngestConfig { read, batch_size: args.batch_size };
    let reader = super::reader(global, args.kb.as_deref())?;
    let mut store = super::open_store(global)?;
    let bar = progress_bar(global.quiet);
    let started = Instant::now();
    let report =
        vigil_pipeline::ingest(&mut store, &inputs, &config, &reader, &mut |event| match event {
            ProgressEvent::Reading(origin) => {
                bar.inc(1);
                bar.set_message(crate::output::truncate(origin, 60));
            }
            ProgressEvent::Stored { documents, failures } => {
                bar.set_prefix(format!("{documents} documents, {failures} failed"));
            }
        })
        .context("ingest stopped")?;
    bar.finish_and_clear();
    print_report(global, &report, started.elapsed())?;
    Ok(if report.all_ok() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style =
        ProgressStyle::with_template("{spinner} {pos} inputs · {prefix} · {per_sec} · {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn print_report(global: &Global, report: &IngestReport, elapsed: Duration) -> anyhow::Result<()> {
    if global.json {
        return crate::output::print_json(report);
    }
    // Failures are errors: they are printed even with --quiet.
    for failure in &report.failed {
        eprintln!("failed: {}: {}", failure.origin, failure.reason);
    }
    if global.quiet {
        return Ok(());
    }
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    crate::outln!(
        "{} inputs in {:.1}s: {} new, {} duplicate, {} near-duplicate, {} failed",
        report.inputs,
        elapsed.as_secs_f64(),
        report.new,
        report.duplicate,
        report.near_duplicate,
        report.failed.len()
    );
    crate::outln!(
        "read {} incidents and {} claims from the new documents",
        report.incidents,
        report.claims
    );
    crate::outln!(
        "fused {} reports of incidents: {} joined an incident already reported",
        report.fusion.mentions,
        report.fusion.joined
    );
    if report.not_english > 0 {
        crate::outln!(
            "{} new documents are not in English: stored, not extracted",
            report.not_english
        );
    }
    Ok(())
}
