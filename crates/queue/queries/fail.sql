-- Back in the queue while attempts remain, failed for good after the last one; the reason is
-- kept either way.
UPDATE jobs
SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
    lease_until = NULL,
    last_error = $3,
    updated_at = now()
WHERE id = $1 AND worker = $2 AND state = 'running'
RETURNING state
