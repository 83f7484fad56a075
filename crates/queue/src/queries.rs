//! Every SQL statement of the queue, each in its own `queries/*.sql` file; values always go in
//! as bound parameters.

macro_rules! query {
    ($(#[$doc:meta] $name:ident = $file:literal;)*) => {
        $(#[$doc] pub(crate) const $name: &str = include_str!(concat!("../queries/", $file));)*
    };
}

query! {
    /// Creates the queue's migrations table when missing.
    MIGRATIONS_TABLE = "migrations_table.sql";
    /// The store's migration lock, until the transaction ends.
    MIGRATION_LOCK = "migration_lock.sql";
    /// The highest queue migration applied.
    SCHEMA_VERSION = "schema_version.sql";
    /// Records an applied migration.
    RECORD_MIGRATION = "record_migration.sql";
    /// Adds a job unless the same work is open.
    ENQUEUE = "enqueue.sql";
    /// Fails for good the expired jobs on their last attempt.
    GIVE_UP_EXPIRED = "give_up_expired.sql";
    /// Claims the oldest claimable job.
    CLAIM = "claim.sql";
    /// Extends the leases of a worker process's jobs.
    EXTEND_LEASES = "extend_leases.sql";
    /// Marks a job done.
    COMPLETE = "complete.sql";
    /// Records a failed attempt.
    FAIL = "fail.sql";
    /// Counts queued and running jobs.
    OPEN_JOBS = "open_jobs.sql";
    /// Counts jobs by state.
    COUNTS = "counts.sql";
    /// The failed jobs, oldest first.
    FAILED_JOBS = "failed_jobs.sql";
    /// Follows a feed.
    ADD_FEED = "add_feed.sql";
    /// Every followed feed.
    LIST_FEEDS = "list_feeds.sql";
    /// One followed feed.
    SELECT_FEED = "select_feed.sql";
    /// Poll jobs for the due feeds.
    ENQUEUE_DUE_FEEDS = "enqueue_due_feeds.sql";
    /// Records a feed's poll.
    FEED_POLLED = "feed_polled.sql";
}
