//! The worker loop: claim a job, ingest it through the pipeline, mark it done; also poll the
//! feeds that are due. `concurrency` threads per process, each with its own store and queue
//! connections, and one heartbeat thread extending the leases of every job the process holds.
//!
//! Order of effects per job: documents stored (one transaction) → fused (under the store's
//! fusion lock) → job done. A process killed between any two leaves a job whose lease expires
//! and which the next claim redoes; redoing stores nothing twice (see the crate docs).
//!
//! A graceful stop (the caller's `shutdown` flag, which `vigil worker` raises on SIGTERM or
//! SIGINT) claims nothing more: each thread finishes the job in hand and returns, and the
//! heartbeat keeps those jobs' leases until then, so a stop leaves no job running and none
//! for another worker to wait a lease out on.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use vigil_extract::Extractor;
use vigil_ingest::{Input, Poll, ReadOptions, Validators};
use vigil_pipeline::{Batcher, Failure, IngestConfig, IngestReport, PipelineError};
use vigil_store::{Store, StoreError};

use crate::{Job, JobKind, JobQueue, JobState, QueueError};

/// The shortest sleep of an idle worker; it doubles up to [`WorkerConfig::idle_max`].
const IDLE_MIN: Duration = Duration::from_millis(50);

/// How often a worker thread looks for due feeds: a feed's period is minutes, and looking once
/// per job would cost a statement per document.
const FEED_CHECK: Duration = Duration::from_secs(1);

/// How a worker process runs.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// This process's name in the `worker` column (threads append `/N`): host and process id,
    /// so leases held by a process are recognised by their prefix.
    pub name: String,
    /// Worker threads.
    pub concurrency: usize,
    /// How long a claim holds a job before another worker may take it; the heartbeat renews it
    /// every third of it while the process lives.
    pub lease: Duration,
    /// Stop when no job is queued or running, instead of waiting for more.
    pub drain: bool,
    /// The longest sleep between claims when there is nothing to do.
    pub idle_max: Duration,
    /// Attempts allowed to a feed poll job.
    pub feed_attempts: u32,
    /// How inputs are read.
    pub read: ReadOptions,
}

/// What a worker tells its display.
#[derive(Debug)]
pub enum Event<'a> {
    /// A worker thread took a job.
    Claimed {
        /// The thread's worker id.
        worker: &'a str,
        /// The job.
        job: &'a Job,
    },
    /// A job ended, one way or another.
    Finished {
        /// The job.
        job: &'a Job,
        /// How.
        outcome: &'a Outcome,
    },
}

/// How one attempt at a job ended.
#[derive(Debug)]
pub enum Outcome {
    /// Done: what ingesting it did.
    Done(Box<IngestReport>),
    /// Failed; queued again for another attempt.
    Retry(String),
    /// Failed on its last attempt: given up.
    Failed(String),
    /// The lease had expired and another worker took the job over; nothing recorded here.
    Lost,
}

/// What a worker process did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkerSummary {
    /// Jobs done.
    pub done: u64,
    /// Failed attempts queued again.
    pub retried: u64,
    /// Jobs given up.
    pub failed: u64,
    /// New documents stored (originals and near-copies).
    pub documents: u64,
}

impl WorkerSummary {
    fn add(&mut self, other: WorkerSummary) {
        self.done += other.done;
        self.retried += other.retried;
        self.failed += other.failed;
        self.documents += other.documents;
    }
}

/// What stops a worker: its queue or store failed (a bad input only fails its job).
#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    /// The queue failed.
    #[error("queue failed: {0}")]
    Queue(#[from] QueueError),
    /// The store failed.
    #[error("store failed: {0}")]
    Store(#[from] StoreError),
    /// Ingest failed in a way that is not the input's fault.
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
}

/// Opens a store connection for one worker thread.
pub type OpenStore<'a> = &'a (dyn Fn() -> Result<Box<dyn Store>, StoreError> + Sync);
/// Opens a queue connection for one worker thread (or the heartbeat).
pub type OpenQueue<'a> = &'a (dyn Fn() -> Result<Box<dyn JobQueue>, QueueError> + Sync);

/// Runs `config.concurrency` worker threads until the queue drains (`drain`), `shutdown` is
/// raised (each thread finishes its job in hand first), or for ever; returns what they did, or
/// the first error that stopped one (the others stop too).
pub fn run(
    config: &WorkerConfig,
    open_store: OpenStore<'_>,
    open_queue: OpenQueue<'_>,
    extractor: &dyn Extractor,
    events: &(dyn Fn(Event<'_>) + Sync),
    shutdown: &AtomicBool,
) -> Result<WorkerSummary, WorkerError> {
    let stop = AtomicBool::new(false);
    let finished = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..config.concurrency.max(1))
            .map(|index| {
                let stop = &stop;
                scope.spawn(move || {
                    let worker = format!("{}/{index}", config.name);
                    let halt = Halt { error: stop, shutdown };
                    let result =
                        work(&worker, config, open_store, open_queue, extractor, events, halt);
                    if result.is_err() {
                        stop.store(true, Ordering::SeqCst);
                    }
                    result
                })
            })
            .collect();
        let heartbeat = scope.spawn(|| heartbeat(config, open_queue, &finished, &stop));
        let mut summary = WorkerSummary::default();
        let mut first_error = None;
        for handle in workers {
            match handle.join() {
                Ok(Ok(done)) => summary.add(done),
                Ok(Err(error)) => first_error = first_error.or(Some(error)),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        finished.store(true, Ordering::SeqCst);
        match heartbeat.join() {
            Ok(Err(error)) => first_error = first_error.or(Some(error)),
            Ok(Ok(())) => {}
            Err(panic) => std::panic::resume_unwind(panic),
        }
        first_error.map_or(Ok(summary), Err)
    })
}

/// Renews the leases of this process's jobs every third of a lease until the workers finish.
fn heartbeat(
    config: &WorkerConfig,
    open_queue: OpenQueue<'_>,
    finished: &AtomicBool,
    stop: &AtomicBool,
) -> Result<(), WorkerError> {
    let mut queue = open_queue()?;
    let prefix = format!("{}/", config.name);
    let period = config.lease / 3;
    let mut last = Instant::now();
    while !finished.load(Ordering::SeqCst) && !stop.load(Ordering::SeqCst) {
        std::thread::sleep(period.min(Duration::from_millis(50)));
        if last.elapsed() >= period {
            queue.extend_leases(&prefix, config.lease)?;
            last = Instant::now();
        }
    }
    Ok(())
}

/// Why a worker thread stops claiming: another thread's error, or the caller's shutdown.
#[derive(Clone, Copy)]
struct Halt<'a> {
    error: &'a AtomicBool,
    shutdown: &'a AtomicBool,
}

impl Halt<'_> {
    fn raised(&self) -> bool {
        self.error.load(Ordering::SeqCst) || self.shutdown.load(Ordering::SeqCst)
    }

    /// Sleeps `duration` in short naps, waking early when halted, so that an idle worker
    /// answers a stop at once rather than after its longest idle wait.
    fn sleep(&self, duration: Duration) {
        let until = Instant::now() + duration;
        while !self.raised() {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            std::thread::sleep(left.min(IDLE_MIN));
        }
    }
}

/// One worker thread's loop.
fn work(
    worker: &str,
    config: &WorkerConfig,
    open_store: OpenStore<'_>,
    open_queue: OpenQueue<'_>,
    extractor: &dyn Extractor,
    events: &(dyn Fn(Event<'_>) + Sync),
    halt: Halt<'_>,
) -> Result<WorkerSummary, WorkerError> {
    let mut store = open_store()?;
    let mut queue = open_queue()?;
    let mut summary = WorkerSummary::default();
    let mut idle = IDLE_MIN;
    let mut feeds_checked: Option<Instant> = None;
    while !halt.raised() {
        if feeds_checked.is_none_or(|at| at.elapsed() >= FEED_CHECK) {
            queue.enqueue_due_feeds(config.feed_attempts)?;
            feeds_checked = Some(Instant::now());
        }
        let Some(job) = queue.claim(worker, config.lease)? else {
            if config.drain && queue.open_jobs()? == 0 {
                break;
            }
            halt.sleep(idle);
            idle = (idle * 2).min(config.idle_max.max(IDLE_MIN));
            continue;
        };
        idle = IDLE_MIN;
        events(Event::Claimed { worker, job: &job });
        // A panic in a reader is the input's fault: the job fails, the worker goes on.
        let attempt = catch_unwind(AssertUnwindSafe(|| {
            process(&job, store.as_mut(), queue.as_mut(), extractor, &config.read)
        }))
        .unwrap_or_else(|panic| {
            Err(Attempt::Input(format!("reader panicked: {}", message(&panic))))
        });
        let (outcome, fatal) = match attempt {
            Ok(report) if queue.complete(job.id, worker)? => {
                summary.done += 1;
                summary.documents += report.new + report.near_duplicate;
                (Outcome::Done(Box::new(report)), None)
            }
            Ok(_) => (Outcome::Lost, None),
            Err(failure) => {
                let (reason, fatal) = match failure {
                    Attempt::Input(reason) => (reason, None),
                    Attempt::Fatal(error) => (error.to_string(), Some(error)),
                };
                let outcome = match queue.fail(job.id, worker, &reason)? {
                    Some(JobState::Failed) => {
                        summary.failed += 1;
                        Outcome::Failed(reason)
                    }
                    Some(_) => {
                        summary.retried += 1;
                        Outcome::Retry(reason)
                    }
                    None => Outcome::Lost,
                };
                (outcome, fatal)
            }
        };
        events(Event::Finished { job: &job, outcome: &outcome });
        if let Some(error) = fatal {
            return Err(error);
        }
    }
    Ok(summary)
}

/// Why an attempt failed: its input (the job is retried, then failed), or the store or queue
/// (the worker stops as well: the next job would fail the same way).
enum Attempt {
    Input(String),
    Fatal(WorkerError),
}

impl From<PipelineError> for Attempt {
    fn from(error: PipelineError) -> Attempt {
        Attempt::Fatal(error.into())
    }
}

impl From<QueueError> for Attempt {
    fn from(error: QueueError) -> Attempt {
        Attempt::Fatal(error.into())
    }
}

fn message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|text| (*text).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// One attempt at one job.
fn process(
    job: &Job,
    store: &mut dyn Store,
    queue: &mut dyn JobQueue,
    extractor: &dyn Extractor,
    read: &ReadOptions,
) -> Result<IngestReport, Attempt> {
    let input = match job.kind {
        JobKind::Path => Input::Path(PathBuf::from(&job.payload)),
        JobKind::Url => Input::Url(job.payload.clone()),
        JobKind::Feed => return poll_feed(&job.payload, store, queue, extractor, read),
    };
    let config = IngestConfig { read: read.clone(), ..IngestConfig::default() };
    let report = vigil_pipeline::ingest(store, &[input], &config, extractor, &mut |_| {})?;
    if report.failed.is_empty() { Ok(report) } else { Err(Attempt::Input(reasons(&report.failed))) }
}

fn reasons(failures: &[Failure]) -> String {
    let reasons: Vec<String> =
        failures.iter().map(|failure| format!("{}: {}", failure.origin, failure.reason)).collect();
    reasons.join("; ")
}

/// Polls a followed feed with a conditional GET and ingests what it holds when it changed. A
/// broken item is recorded in the feed's outcome, not retried: the next poll reads it again.
fn poll_feed(
    url: &str,
    store: &mut dyn Store,
    queue: &mut dyn JobQueue,
    extractor: &dyn Extractor,
    read: &ReadOptions,
) -> Result<IngestReport, Attempt> {
    let mut report = IngestReport::default();
    let Some(feed) = queue.feed(url)? else {
        // Unfollowed since the job was made: nothing to do.
        return Ok(report);
    };
    let validators = Validators { etag: feed.etag, last_modified: feed.last_modified };
    let (etag, last_modified) = (validators.etag.as_deref(), validators.last_modified.as_deref());
    match vigil_ingest::poll(url, &validators, read) {
        Err(error) => {
            let reason = format!("{}: {}", error.origin, error.problem);
            queue.feed_polled(url, etag, last_modified, &reason)?;
            Err(Attempt::Input(reason))
        }
        Ok(Poll::NotModified) => {
            queue.feed_polled(url, etag, last_modified, "not modified")?;
            Ok(report)
        }
        Ok(Poll::Changed { output, validators: fresh }) => {
            report.inputs = 1;
            report.failed.extend(output.failures.iter().map(Failure::from));
            let total = output.documents.len();
            let mut batcher = Batcher::new(IngestConfig::default().batch_size);
            for document in output.documents {
                if batcher.push(document) {
                    batcher.flush(store, extractor, &mut report)?;
                }
            }
            batcher.flush(store, extractor, &mut report)?;
            let mut outcome = format!("{total} documents, {} new", report.new);
            if !report.failed.is_empty() {
                outcome.push_str(&format!("; failed items: {}", reasons(&report.failed)));
            }
            let (etag, last_modified) = (fresh.etag.as_deref(), fresh.last_modified.as_deref());
            queue.feed_polled(url, etag, last_modified, &outcome)?;
            Ok(report)
        }
    }
}
