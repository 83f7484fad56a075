//! Vigil's work queue: ingest spread over any number of workers on any number of machines.
//!
//! ```text
//! vigil enqueue PATH|URL ─▶ jobs (one per file; folders expanded here) ◀── due feeds (feeds)
//!                              │ claim: FOR UPDATE SKIP LOCKED, a lease; heartbeat extends it
//!                              ▼
//! vigil worker × N ── read → dedup → extract → Store::put_records (one transaction)
//!                              → fuse_pending (under the store's fusion lock) → job done
//! ```
//!
//! - [`JobQueue`]: the trait the workers use; [`PostgresQueue`] implements it on the same
//!   PostgreSQL database as the store, with its own tables and migrations (`migrations/`,
//!   recorded in `vigil_queue_migrations`, under the store's migration lock).
//! - [`worker`]: the loop a `vigil worker` process runs, with a heartbeat thread.
//!
//! **Exactly once in effect:** a job is marked done only after its documents are stored and
//! fused. A worker killed before that leaves the job running with a lease that expires; the next
//! claim takes it again and re-ingests, which stores nothing new (document ids are content hashes,
//! origins are unique per document) and fuses only what is not fused yet. A job that fails, or
//! whose worker dies, `max_attempts` times is failed for good with the reason.

mod migrate;
mod postgres;
mod queries;
pub mod worker;

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;

pub use migrate::QUEUE_SCHEMA_VERSION;
pub use postgres::PostgresQueue;

/// What a job asks a worker to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JobKind {
    /// Ingest one file (folders are expanded into files when enqueued).
    Path,
    /// Fetch and ingest one URL.
    Url,
    /// Poll one followed feed (conditional GET) and ingest its new items.
    Feed,
}

impl JobKind {
    /// The name stored in the `kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Path => "path",
            JobKind::Url => "url",
            JobKind::Feed => "feed",
        }
    }

    fn parse(name: &str) -> Option<JobKind> {
        match name {
            "path" => Some(JobKind::Path),
            "url" => Some(JobKind::Url),
            "feed" => Some(JobKind::Feed),
            _ => None,
        }
    }
}

/// Where a job is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    /// Waiting for a worker (new, or to be tried again).
    Queued,
    /// Held by a worker until its lease expires.
    Running,
    /// Finished: its documents are stored and fused.
    Done,
    /// Given up after its last attempt; `last_error` says why.
    Failed,
}

impl JobState {
    fn parse(name: &str) -> Option<JobState> {
        match name {
            "queued" => Some(JobState::Queued),
            "running" => Some(JobState::Running),
            "done" => Some(JobState::Done),
            "failed" => Some(JobState::Failed),
            _ => None,
        }
    }
}

/// A job to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewJob {
    /// What to do.
    pub kind: JobKind,
    /// The absolute path, the URL, or the feed's URL.
    pub payload: String,
    /// Attempts before the job is failed for good (at least 1).
    pub max_attempts: u32,
}

/// A job a worker claimed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Its id (jobs are claimed oldest first).
    pub id: i64,
    /// What to do.
    pub kind: JobKind,
    /// The path or URL.
    pub payload: String,
    /// This attempt's number, from 1.
    pub attempt: u32,
    /// The last attempt allowed.
    pub max_attempts: u32,
}

/// A job failed for good, for `vigil queue status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedJob {
    /// Its id.
    pub id: i64,
    /// What it was.
    pub kind: JobKind,
    /// The path or URL.
    pub payload: String,
    /// Attempts made.
    pub attempts: u32,
    /// Why the last one failed.
    pub reason: String,
    /// When it was given up.
    pub failed_at: DateTime<Utc>,
}

/// Counts of jobs by state, and the failures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct QueueStatus {
    /// Waiting for a worker.
    pub queued: u64,
    /// Held by a worker.
    pub running: u64,
    /// Finished.
    pub done: u64,
    /// Failed for good.
    pub failed: u64,
    /// The failed jobs, oldest first (at most the number asked for).
    pub failures: Vec<FailedJob>,
}

/// A feed the workers follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feed {
    /// Its URL.
    pub url: String,
    /// How often it is polled, in seconds.
    pub every_seconds: u64,
    /// When it is next due.
    pub next_poll_at: DateTime<Utc>,
    /// The `ETag` of the last answer with a body, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` of that answer, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
    /// When it was last polled.
    pub last_polled_at: Option<DateTime<Utc>>,
    /// What the last poll found ("not modified", "12 documents, 3 new", or the error).
    pub last_outcome: Option<String>,
}

/// What went wrong with the queue.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueueError {
    /// The database could not be reached.
    #[error(transparent)]
    Connect(#[from] vigil_store_postgres::PostgresError),
    /// A statement failed.
    #[error("{what}: {source}")]
    Query {
        /// What the queue was doing (lowercase, no final period).
        what: String,
        /// PostgreSQL's error.
        source: ::postgres::Error,
    },
    /// The queue's tables were made by a newer Vigil.
    #[error("queue schema version {found} is newer than this vigil supports ({supported})")]
    SchemaTooNew {
        /// The version found.
        found: i64,
        /// The newest this build knows.
        supported: i64,
    },
    /// A row holds a value this build does not know.
    #[error("corrupt queue row: {0}")]
    Corrupt(String),
}

/// Results of queue operations.
pub type QueueResult<T> = Result<T, QueueError>;

/// A shared queue of ingest work, and the feeds it follows.
pub trait JobQueue {
    /// Adds jobs, skipping any whose same work is already queued or running; returns how many
    /// were added.
    fn enqueue(&mut self, jobs: &[NewJob]) -> QueueResult<u64>;

    /// Takes the oldest claimable job (queued, or running with an expired lease) for `worker`,
    /// leased for `lease`; first fails for good the expired jobs on their last attempt.
    fn claim(&mut self, worker: &str, lease: Duration) -> QueueResult<Option<Job>>;

    /// Extends by `lease` the leases of every job held by a worker whose id starts with
    /// `prefix`; returns how many.
    fn extend_leases(&mut self, prefix: &str, lease: Duration) -> QueueResult<u64>;

    /// Marks a job done; false when `worker` no longer held it (its lease was taken over).
    fn complete(&mut self, job: i64, worker: &str) -> QueueResult<bool>;

    /// Records a failed attempt: the job is queued again, or failed for good after its last
    /// attempt. Returns the state it is left in (`None` when `worker` no longer held it).
    fn fail(&mut self, job: i64, worker: &str, reason: &str) -> QueueResult<Option<JobState>>;

    /// Jobs queued or running: zero when a draining worker may stop.
    fn open_jobs(&mut self) -> QueueResult<u64>;

    /// Counts by state and up to `failures` failed jobs.
    fn status(&mut self, failures: usize) -> QueueResult<QueueStatus>;

    /// Follows a feed every `every` (or changes the period of one followed already).
    fn add_feed(&mut self, url: &str, every: Duration) -> QueueResult<()>;

    /// Every followed feed, by URL.
    fn feeds(&mut self) -> QueueResult<Vec<Feed>>;

    /// One followed feed.
    fn feed(&mut self, url: &str) -> QueueResult<Option<Feed>>;

    /// Adds a poll job for every due feed and moves its next poll on; returns how many.
    fn enqueue_due_feeds(&mut self, max_attempts: u32) -> QueueResult<u64>;

    /// Records a poll: the validators to send next time and what it found.
    fn feed_polled(
        &mut self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
        outcome: &str,
    ) -> QueueResult<()>;
}
