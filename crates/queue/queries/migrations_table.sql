-- The queue's schema versions, kept apart from the store's so that each crate numbers its own.
CREATE TABLE IF NOT EXISTS vigil_queue_migrations (
    version    BIGINT PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)
