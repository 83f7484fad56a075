-- A job unless the same work is already waiting or running: enqueuing a folder twice does not
-- double the work (re-ingesting would store nothing new anyway). Returns the new id, or no row.
INSERT INTO jobs (kind, payload, max_attempts)
SELECT $1::TEXT, $2::TEXT, $3::INTEGER
WHERE NOT EXISTS (
    SELECT 1 FROM jobs WHERE kind = $1 AND payload = $2 AND state IN ('queued', 'running')
)
RETURNING id
