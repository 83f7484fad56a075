//! `vigil worker`: drain the PostgreSQL work queue (and poll due feeds), with progress.
//!
//! SIGTERM or SIGINT stops it gracefully: no new claims, the jobs in hand finished, the summary
//! printed, exit status as usual. A second signal while it stops ends it at once (status 1);
//! the jobs it held then wait out their leases, as after a crash.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use vigil_ingest::ReadOptions;
use vigil_queue::JobQueue;
use vigil_queue::worker::{Event, Outcome, WorkerConfig};
use vigil_store::Store;
use vigil_store_postgres::PostgresStore;

use super::Backend;
use super::queue::{open_queue, parse_duration};
use crate::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Worker threads in this process.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=256))]
    concurrency: u32,
    /// How long a job stays held by a worker that stopped answering (the heartbeat renews it
    /// every third of this while the worker lives): `30s`, `2m`.
    #[arg(long, default_value = "60s", value_parser = parse_duration)]
    lease: Duration,
    /// Stop once no job is queued or running, instead of waiting for more.
    #[arg(long)]
    drain: bool,
    /// The longest wait between looks at an empty queue.
    #[arg(long, default_value = "5s", value_parser = parse_duration)]
    idle: Duration,
    /// Attempts allowed to a feed's poll before it is failed.
    #[arg(long, default_value_t = 3)]
    feed_attempts: u32,
    /// Seconds to wait for a URL before giving up.
    #[arg(long, default_value_t = 20)]
    timeout: u64,
    /// A knowledge-base file (TOML) merged over the built-in one.
    #[arg(long)]
    kb: Option<std::path::PathBuf>,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    // Fails with the queue's message for a SQLite store; also migrates the queue once.
    drop(open_queue(global)?);
    let Backend::Postgres(url) = super::backend(global) else {
        unreachable!("open_queue accepts postgres urls only");
    };
    let label = super::store_label(global);
    let reader = super::reader(global, args.kb.as_deref())?;
    let config = WorkerConfig {
        name: format!("{}:{}", host_name(), std::process::id()),
        concurrency: args.concurrency as usize,
        lease: args.lease,
        drain: args.drain,
        idle_max: args.idle,
        feed_attempts: args.feed_attempts,
        read: ReadOptions { http_timeout: Duration::from_secs(args.timeout), ..Default::default() },
    };
    let open_store = || -> Result<Box<dyn Store>, vigil_store::StoreError> {
        Ok(Box::new(PostgresStore::open(url)?))
    };
    let open_queue = || -> Result<Box<dyn JobQueue>, vigil_queue::QueueError> {
        Ok(Box::new(vigil_queue::PostgresQueue::open(url)?))
    };
    let bar = progress_bar(global.quiet);
    let started = Instant::now();
    let events = |event: Event<'_>| match event {
        Event::Claimed { worker, job } => {
            bar.set_message(format!("{worker}: {}", crate::output::truncate(&job.payload, 60)));
        }
        Event::Finished { job, outcome } => {
            bar.inc(1);
            match outcome {
                Outcome::Retry(reason) => bar.suspend(|| {
                    eprintln!("retrying job {} (attempt {}): {reason}", job.id, job.attempt);
                }),
                Outcome::Failed(reason) => bar.suspend(|| {
                    eprintln!("failed: job {} (attempt {}): {reason}", job.id, job.attempt);
                }),
                Outcome::Done(_) | Outcome::Lost => {}
            }
        }
    };
    let shutdown = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        // In this order: the first signal finds the flag down and raises it; a second finds it
        // raised and exits.
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&shutdown))
            .and_then(|_| signal_hook::flag::register(signal, Arc::clone(&shutdown)))
            .context("cannot install the stop signal handlers")?;
    }
    let summary =
        vigil_queue::worker::run(&config, &open_store, &open_queue, &reader, &events, &shutdown)
            .with_context(|| format!("worker on {label} stopped"))?;
    let signalled = shutdown.load(Ordering::SeqCst);
    bar.finish_and_clear();
    let elapsed = started.elapsed().as_secs_f64();
    if global.json {
        crate::output::print_json(&serde_json::json!({
            "done": summary.done, "retried": summary.retried, "failed": summary.failed,
            "documents": summary.documents, "seconds": elapsed, "signalled": signalled,
        }))?;
    } else if !global.quiet {
        crate::outln!(
            "{} jobs done in {elapsed:.1}s ({:.1} jobs/s): {} new documents, {} retried, {} failed{}",
            summary.done,
            summary.done as f64 / elapsed.max(1e-9),
            summary.documents,
            summary.retried,
            summary.failed,
            if signalled { "; stopped on a signal" } else { "" }
        );
    }
    Ok(if summary.failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// This machine's name, for the worker ids leases are recorded under.
fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "localhost".to_string())
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{spinner} {pos} jobs · {per_sec} · {msg}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
