-- The oldest waiting job, or a running one whose lease expired (its worker died): locked rows
-- are skipped, so concurrent workers never wait on each other nor take the same job.
UPDATE jobs
SET state = 'running',
    attempts = attempts + 1,
    worker = $1,
    lease_until = now() + make_interval(secs => $2),
    updated_at = now()
WHERE id = (
    SELECT id FROM jobs
    WHERE state = 'queued' OR (state = 'running' AND lease_until < now())
    ORDER BY id
    FOR UPDATE SKIP LOCKED
    LIMIT 1
)
RETURNING id, kind, payload, attempts, max_attempts
