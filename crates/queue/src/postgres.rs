//! [`PostgresQueue`]: the [`JobQueue`] on PostgreSQL, in the store's database (its own tables).
//!
//! Claims use `FOR UPDATE SKIP LOCKED`, so workers never block on each other's rows; leases and
//! due times are reckoned by the server's clock, the one clock every machine shares.

use std::time::Duration;

use chrono::{DateTime, Utc};
use postgres::{Client, Row};

use crate::{
    FailedJob, Feed, Job, JobKind, JobQueue, JobState, NewJob, QueueError, QueueResult,
    QueueStatus, migrate, queries,
};

/// The work queue on one PostgreSQL database (or one schema of it, through the URL's
/// `search_path`); one connection, used from one thread.
pub struct PostgresQueue {
    client: Client,
}

impl std::fmt::Debug for PostgresQueue {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_struct("PostgresQueue").finish_non_exhaustive()
    }
}

impl PostgresQueue {
    /// Connects to the database at `url` and brings the queue's tables up to date.
    pub fn open(url: &str) -> QueueResult<PostgresQueue> {
        let mut client = vigil_store_postgres::connect(url)?;
        migrate::migrate(&mut client)?;
        Ok(PostgresQueue { client })
    }

    /// Applies any queue migration the database lacks (opening did already) and returns the
    /// queue's schema version, for `vigil migrate`.
    pub fn migrate(&mut self) -> QueueResult<i64> {
        migrate::migrate(&mut self.client)
    }
}

/// Adds what the queue was doing to a `postgres` error.
pub(crate) trait Context<T> {
    fn context(self, what: &str) -> QueueResult<T>;
    fn with_context(self, what: impl FnOnce() -> String) -> QueueResult<T>;
}

impl<T> Context<T> for Result<T, postgres::Error> {
    fn context(self, what: &str) -> QueueResult<T> {
        self.map_err(|source| QueueError::Query { what: what.to_string(), source })
    }

    fn with_context(self, what: impl FnOnce() -> String) -> QueueResult<T> {
        self.map_err(|source| QueueError::Query { what: what(), source })
    }
}

fn seconds(duration: Duration) -> f64 {
    duration.as_secs_f64()
}

fn count(value: i32) -> u32 {
    u32::try_from(value).unwrap_or_default()
}

fn kind_of(row: &Row, index: usize) -> QueueResult<JobKind> {
    let name: String = row.try_get(index).context("cannot read job kind")?;
    JobKind::parse(&name).ok_or_else(|| QueueError::Corrupt(format!("unknown job kind {name:?}")))
}

fn feed_of(row: &Row) -> QueueResult<Feed> {
    let read = || -> Result<Feed, postgres::Error> {
        Ok(Feed {
            url: row.try_get(0)?,
            every_seconds: u64::try_from(row.try_get::<_, i64>(1)?).unwrap_or_default(),
            next_poll_at: row.try_get(2)?,
            etag: row.try_get(3)?,
            last_modified: row.try_get(4)?,
            last_polled_at: row.try_get(5)?,
            last_outcome: row.try_get(6)?,
        })
    };
    read().context("cannot read feed")
}

impl JobQueue for PostgresQueue {
    fn enqueue(&mut self, jobs: &[NewJob]) -> QueueResult<u64> {
        let mut transaction = self.client.transaction().context("cannot begin enqueue")?;
        let statement = transaction.prepare(queries::ENQUEUE).context("cannot prepare enqueue")?;
        let mut added = 0;
        for job in jobs {
            let max_attempts = i32::try_from(job.max_attempts.max(1)).unwrap_or(i32::MAX);
            let rows = transaction
                .query(&statement, &[&job.kind.as_str(), &job.payload, &max_attempts])
                .with_context(|| format!("cannot enqueue {}", job.payload))?;
            added += rows.len() as u64;
        }
        transaction.commit().context("cannot commit enqueue")?;
        Ok(added)
    }

    fn claim(&mut self, worker: &str, lease: Duration) -> QueueResult<Option<Job>> {
        self.client.execute(queries::GIVE_UP_EXPIRED, &[]).context("cannot expire jobs")?;
        let Some(row) = self
            .client
            .query_opt(queries::CLAIM, &[&worker, &seconds(lease)])
            .context("cannot claim a job")?
        else {
            return Ok(None);
        };
        let read = || -> Result<(i64, String, i32, i32), postgres::Error> {
            Ok((row.try_get(0)?, row.try_get(2)?, row.try_get(3)?, row.try_get(4)?))
        };
        let (id, payload, attempt, max_attempts) = read().context("cannot read claimed job")?;
        Ok(Some(Job {
            id,
            kind: kind_of(&row, 1)?,
            payload,
            attempt: count(attempt),
            max_attempts: count(max_attempts),
        }))
    }

    fn extend_leases(&mut self, prefix: &str, lease: Duration) -> QueueResult<u64> {
        self.client
            .execute(queries::EXTEND_LEASES, &[&prefix, &seconds(lease)])
            .context("cannot extend leases")
    }

    fn complete(&mut self, job: i64, worker: &str) -> QueueResult<bool> {
        let changed = self
            .client
            .execute(queries::COMPLETE, &[&job, &worker])
            .with_context(|| format!("cannot mark job {job} done"))?;
        Ok(changed == 1)
    }

    fn fail(&mut self, job: i64, worker: &str, reason: &str) -> QueueResult<Option<JobState>> {
        let row = self
            .client
            .query_opt(queries::FAIL, &[&job, &worker, &reason])
            .with_context(|| format!("cannot record the failure of job {job}"))?;
        let Some(row) = row else { return Ok(None) };
        let state: String = row.try_get(0).context("cannot read job state")?;
        JobState::parse(&state)
            .map(Some)
            .ok_or_else(|| QueueError::Corrupt(format!("unknown job state {state:?}")))
    }

    fn open_jobs(&mut self) -> QueueResult<u64> {
        let open: i64 = self
            .client
            .query_one(queries::OPEN_JOBS, &[])
            .and_then(|row| row.try_get(0))
            .context("cannot count open jobs")?;
        Ok(u64::try_from(open).unwrap_or_default())
    }

    fn status(&mut self, failures: usize) -> QueueResult<QueueStatus> {
        let mut status = QueueStatus::default();
        for row in self.client.query(queries::COUNTS, &[]).context("cannot count jobs")? {
            let state: String = row.try_get(0).context("cannot read job state")?;
            let number: i64 = row.try_get(1).context("cannot read job count")?;
            let number = u64::try_from(number).unwrap_or_default();
            match JobState::parse(&state) {
                Some(JobState::Queued) => status.queued = number,
                Some(JobState::Running) => status.running = number,
                Some(JobState::Done) => status.done = number,
                Some(JobState::Failed) => status.failed = number,
                None => return Err(QueueError::Corrupt(format!("unknown job state {state:?}"))),
            }
        }
        let limit = i64::try_from(failures).unwrap_or(i64::MAX);
        let rows =
            self.client.query(queries::FAILED_JOBS, &[&limit]).context("cannot list failures")?;
        for row in rows {
            let read = || -> Result<(i64, String, i32, String, DateTime<Utc>), postgres::Error> {
                Ok((
                    row.try_get(0)?,
                    row.try_get(2)?,
                    row.try_get(3)?,
                    row.try_get(4)?,
                    row.try_get(5)?,
                ))
            };
            let (id, payload, attempts, reason, failed_at) =
                read().context("cannot read failed job")?;
            status.failures.push(FailedJob {
                id,
                kind: kind_of(&row, 1)?,
                payload,
                attempts: count(attempts),
                reason,
                failed_at,
            });
        }
        Ok(status)
    }

    fn add_feed(&mut self, url: &str, every: Duration) -> QueueResult<()> {
        let every = i64::try_from(every.as_secs().max(1)).unwrap_or(i64::MAX);
        self.client
            .execute(queries::ADD_FEED, &[&url, &every])
            .with_context(|| format!("cannot follow feed {url}"))?;
        Ok(())
    }

    fn feeds(&mut self) -> QueueResult<Vec<Feed>> {
        let rows = self.client.query(queries::LIST_FEEDS, &[]).context("cannot list feeds")?;
        rows.iter().map(feed_of).collect()
    }

    fn feed(&mut self, url: &str) -> QueueResult<Option<Feed>> {
        let row = self
            .client
            .query_opt(queries::SELECT_FEED, &[&url])
            .with_context(|| format!("cannot read feed {url}"))?;
        row.as_ref().map(feed_of).transpose()
    }

    fn enqueue_due_feeds(&mut self, max_attempts: u32) -> QueueResult<u64> {
        let max_attempts = i32::try_from(max_attempts.max(1)).unwrap_or(i32::MAX);
        self.client
            .execute(queries::ENQUEUE_DUE_FEEDS, &[&max_attempts])
            .context("cannot enqueue due feeds")
    }

    fn feed_polled(
        &mut self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
        outcome: &str,
    ) -> QueueResult<()> {
        self.client
            .execute(queries::FEED_POLLED, &[&url, &etag, &last_modified, &outcome])
            .with_context(|| format!("cannot record the poll of feed {url}"))?;
        Ok(())
    }
}
