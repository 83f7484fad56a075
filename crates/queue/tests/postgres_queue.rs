//! `PostgresQueue` against a real server: claims in order and never twice, leases that expire
//! and are taken over, retries then failure, the heartbeat, due feeds enqueued once. Skipped
//! without `VIGIL_TEST_POSTGRES_URL`.

#![allow(clippy::unwrap_used, reason = "tests")]

use std::time::Duration;

use vigil_queue::{JobKind, JobQueue, JobState, NewJob, PostgresQueue, QUEUE_SCHEMA_VERSION};
use vigil_store_postgres::PostgresStore;

/// A queue in a scratch schema of its own (dropped with the returned store), and its URL.
fn scratch() -> Option<(PostgresStore, String)> {
    let Some(base) = std::env::var("VIGIL_TEST_POSTGRES_URL").ok().filter(|url| !url.is_empty())
    else {
        eprintln!("skipped: VIGIL_TEST_POSTGRES_URL unset");
        return None;
    };
    let store = PostgresStore::open_scratch(&base).unwrap();
    let separator = if base.contains('?') { '&' } else { '?' };
    let url =
        format!("{base}{separator}options=-csearch_path%3D{}", store.scratch_schema().unwrap());
    Some((store, url))
}

fn jobs(payloads: &[&str], max_attempts: u32) -> Vec<NewJob> {
    payloads
        .iter()
        .map(|payload| NewJob { kind: JobKind::Path, payload: payload.to_string(), max_attempts })
        .collect()
}

const LONG: Duration = Duration::from_secs(60);

#[test]
fn claims_go_oldest_first_and_never_twice() {
    let Some((_store, url)) = scratch() else { return };
    let mut one = PostgresQueue::open(&url).unwrap();
    let mut two = PostgresQueue::open(&url).unwrap();
    assert_eq!(one.migrate().unwrap(), QUEUE_SCHEMA_VERSION);
    assert_eq!(one.enqueue(&jobs(&["/a", "/b", "/c"], 3)).unwrap(), 3);
    assert_eq!(one.enqueue(&jobs(&["/a"], 3)).unwrap(), 0, "same work already queued");
    let first = one.claim("w1", LONG).unwrap().unwrap();
    let second = two.claim("w2", LONG).unwrap().unwrap();
    assert_eq!((first.payload.as_str(), second.payload.as_str()), ("/a", "/b"));
    assert_eq!((first.attempt, first.max_attempts), (1, 3));
    assert!(!two.complete(first.id, "w2").unwrap(), "only the holder completes");
    assert!(one.complete(first.id, "w1").unwrap());
    assert_eq!(one.open_jobs().unwrap(), 2);
    let status = one.status(10).unwrap();
    assert_eq!((status.queued, status.running, status.done, status.failed), (1, 1, 1, 0));
    // Done work may be enqueued again.
    assert_eq!(one.enqueue(&jobs(&["/a"], 3)).unwrap(), 1);
}

#[test]
fn failures_are_retried_then_given_up_with_the_reason() {
    let Some((_store, url)) = scratch() else { return };
    let mut queue = PostgresQueue::open(&url).unwrap();
    queue.enqueue(&jobs(&["/poison"], 2)).unwrap();
    let job = queue.claim("w", LONG).unwrap().unwrap();
    assert_eq!(queue.fail(job.id, "w", "/poison: binary").unwrap(), Some(JobState::Queued));
    let job = queue.claim("w", LONG).unwrap().unwrap();
    assert_eq!(job.attempt, 2);
    assert_eq!(queue.fail(job.id, "w", "/poison: binary").unwrap(), Some(JobState::Failed));
    assert!(queue.claim("w", LONG).unwrap().is_none());
    let status = queue.status(10).unwrap();
    assert_eq!(status.failed, 1);
    assert_eq!(status.failures[0].reason, "/poison: binary");
    assert_eq!(status.failures[0].attempts, 2);
}

#[test]
fn expired_leases_are_taken_over_and_renewed_ones_are_not() {
    let Some((_store, url)) = scratch() else { return };
    let mut queue = PostgresQueue::open(&url).unwrap();
    queue.enqueue(&jobs(&["/slow", "/kept"], 2)).unwrap();
    let short = Duration::from_millis(300);
    let slow = queue.claim("host:1/0", short).unwrap().unwrap();
    let kept = queue.claim("host:2/0", short).unwrap().unwrap();
    for _ in 0..4 {
        std::thread::sleep(Duration::from_millis(150));
        // The heartbeat of process host:2 only.
        assert_eq!(queue.extend_leases("host:2/", short).unwrap(), 1);
    }
    let taken = queue.claim("host:3/0", LONG).unwrap().unwrap();
    assert_eq!((taken.id, taken.attempt), (slow.id, 2));
    assert!(queue.claim("host:3/1", LONG).unwrap().is_none(), "{kept:?} was renewed");
    assert!(!queue.complete(slow.id, "host:1/0").unwrap(), "the first holder lost it");
    assert_eq!(queue.fail(slow.id, "host:1/0", "late").unwrap(), None);

    // Dying on the last attempt fails the job for good.
    let mut other = PostgresQueue::open(&url).unwrap();
    other.enqueue(&jobs(&["/deadly"], 1)).unwrap();
    let deadly = other.claim("host:4/0", Duration::from_millis(100)).unwrap().unwrap();
    std::thread::sleep(Duration::from_millis(250));
    assert!(other.claim("host:5/0", LONG).unwrap().is_none());
    let status = other.status(10).unwrap();
    let failure = status.failures.iter().find(|failure| failure.id == deadly.id).unwrap();
    assert!(failure.reason.contains("the last worker (host:4/0) stopped"), "{failure:?}");
}

#[test]
fn due_feeds_get_one_poll_job_per_period() {
    let Some((_store, url)) = scratch() else { return };
    let mut one = PostgresQueue::open(&url).unwrap();
    let mut two = PostgresQueue::open(&url).unwrap();
    one.add_feed("http://127.0.0.1:9/feed.xml", Duration::from_secs(3600)).unwrap();
    assert_eq!(one.enqueue_due_feeds(3).unwrap(), 1);
    assert_eq!(two.enqueue_due_feeds(3).unwrap(), 0, "not due again for an hour");
    let job = two.claim("w", LONG).unwrap().unwrap();
    assert_eq!((job.kind, job.payload.as_str()), (JobKind::Feed, "http://127.0.0.1:9/feed.xml"));
    one.feed_polled(&job.payload, Some("\"e1\""), None, "not modified").unwrap();
    let feed = two.feed(&job.payload).unwrap().unwrap();
    assert_eq!(feed.etag.as_deref(), Some("\"e1\""));
    assert_eq!(feed.last_outcome.as_deref(), Some("not modified"));
    assert_eq!(feed.every_seconds, 3600);
    assert_eq!(one.feeds().unwrap().len(), 1);
}
