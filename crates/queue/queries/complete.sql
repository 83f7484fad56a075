-- Only the worker holding the job finishes it; one whose lease was taken over finishes nothing.
UPDATE jobs
SET state = 'done', lease_until = NULL, last_error = NULL, updated_at = now()
WHERE id = $1 AND worker = $2 AND state = 'running'
