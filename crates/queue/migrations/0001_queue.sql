-- 0001: the work queue and the feeds workers follow. Times are the server's (now()), so every
-- worker on every machine judges leases and due feeds by one clock.

CREATE TABLE jobs (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('path', 'url', 'feed')),
    payload      TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'queued'
                 CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
    lease_until  TIMESTAMPTZ,
    worker       TEXT,
    last_error   TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (state <> 'running' OR lease_until IS NOT NULL)
);

-- Claims look only at unfinished jobs, oldest first; done jobs pile up outside this index.
CREATE INDEX jobs_open ON jobs (id) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_failed ON jobs (id) WHERE state = 'failed';

CREATE TABLE feeds (
    url            TEXT PRIMARY KEY,
    every_seconds  BIGINT NOT NULL CHECK (every_seconds > 0),
    next_poll_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    etag           TEXT,
    last_modified  TEXT,
    last_polled_at TIMESTAMPTZ,
    last_outcome   TEXT,
    added_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
