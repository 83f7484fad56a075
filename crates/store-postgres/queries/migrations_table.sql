-- The migrations applied to this schema, one row each: version, file, when.
CREATE TABLE IF NOT EXISTS vigil_migrations (
    version    BIGINT PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
