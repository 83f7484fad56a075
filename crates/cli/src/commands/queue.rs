//! `vigil enqueue` and `vigil queue status`: work added to the PostgreSQL queue, and its state.
//! Also what the other queue commands share: opening the queue and reading durations.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use vigil_ingest::Input;
use vigil_queue::{JobKind, JobQueue, NewJob, PostgresQueue};

use super::Backend;
use crate::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct EnqueueArgs {
    /// Files, folders (one job per file inside), or http(s) URLs of pages or feeds.
    #[arg(required = true, value_name = "PATH|URL|FEED")]
    inputs: Vec<String>,
    /// Attempts before a job is failed for good (a failure, or its worker dying, uses one).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
    max_attempts: u32,
}

#[derive(Debug, clap::Subcommand)]
pub(crate) enum QueueCommand {
    /// Jobs by state, and the failed ones with their reasons.
    Status {
        /// Failed jobs listed at most.
        #[arg(long, default_value_t = 50)]
        failures: usize,
    },
}

/// The queue of the PostgreSQL store `--db` names; a SQLite file has none.
pub(crate) fn open_queue(global: &Global) -> anyhow::Result<PostgresQueue> {
    match super::backend(global) {
        Backend::Postgres(url) => PostgresQueue::open(url)
            .with_context(|| format!("cannot open the queue of {}", super::store_label(global))),
        Backend::Sqlite(path) => anyhow::bail!(
            "the work queue needs a postgresql store (--db postgres://...), not the sqlite file {}",
            path.display()
        ),
    }
}

/// `90s`, `15m`, `2h`, `1d`, or plain seconds; fractions allowed (`0.5s`).
pub(crate) fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 =
        number.parse().map_err(|_| format!("{text:?} is not a duration such as 90s, 15m or 2h"))?;
    let scale = match unit.trim() {
        "" | "s" => 1.0,
        "ms" => 0.001,
        "m" => 60.0,
        "h" => 3600.0,
        "d" => 86_400.0,
        other => return Err(format!("unknown unit {other:?} (expected ms, s, m, h or d)")),
    };
    Duration::try_from_secs_f64(number * scale)
        .ok()
        .filter(|duration| !duration.is_zero())
        .ok_or_else(|| format!("{text:?} is not a positive duration"))
}

pub(crate) fn enqueue(global: &Global, args: EnqueueArgs) -> anyhow::Result<ExitCode> {
    let mut queue = open_queue(global)?;
    let mut jobs = Vec::new();
    let mut failed = 0;
    let job = |kind, payload| NewJob { kind, payload, max_attempts: args.max_attempts };
    for arg in &args.inputs {
        match Input::parse(arg) {
            Input::Stdin => {
                anyhow::bail!("standard input cannot be queued: workers read files and urls")
            }
            Input::Url(url) => jobs.push(job(JobKind::Url, url)),
            // Folders become one job per file here, so the work spreads over the workers.
            // Paths are made absolute: workers need not share this working directory.
            input @ Input::Path(_) => {
                for unit in vigil_ingest::expand(std::slice::from_ref(&input)) {
                    match unit {
                        Ok(unit) => {
                            let path = std::path::absolute(&unit.origin)
                                .with_context(|| format!("cannot resolve {}", unit.origin))?;
                            jobs.push(job(JobKind::Path, path.display().to_string()));
                        }
                        Err(error) => {
                            eprintln!("failed: {}: {}", error.origin, error.problem);
                            failed += 1;
                        }
                    }
                }
            }
        }
    }
    let added = queue.enqueue(&jobs).context("cannot enqueue")?;
    if global.json {
        crate::output::print_json(&serde_json::json!({
            "inputs": jobs.len(), "enqueued": added, "failed": failed
        }))?;
    } else if !global.quiet {
        let skipped = jobs.len() as u64 - added;
        crate::outln!("enqueued {added} jobs ({skipped} already queued or running)");
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

pub(crate) fn run(global: &Global, command: QueueCommand) -> anyhow::Result<ExitCode> {
    let QueueCommand::Status { failures } = command;
    let status = open_queue(global)?.status(failures)?;
    if global.json {
        crate::output::print_json(&status)?;
        return Ok(ExitCode::SUCCESS);
    }
    crate::outln!(
        "{} queued, {} running, {} done, {} failed",
        status.queued,
        status.running,
        status.done,
        status.failed
    );
    for failure in &status.failures {
        crate::outln!(
            "failed job {} ({} {}, {} attempts): {}",
            failure.id,
            failure.kind.as_str(),
            failure.payload,
            failure.attempts,
            failure.reason
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse() {
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_duration("2s"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("0.5s"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1d"), Ok(Duration::from_secs(86_400)));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("5 fortnights").is_err());
        assert!(parse_duration("m").is_err());
    }
}
