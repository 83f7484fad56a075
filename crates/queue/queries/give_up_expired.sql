-- A job whose lease expired on its last allowed attempt is not tried again: its worker died or
-- hung on it that many times, which is what a poison input looks like.
UPDATE jobs
SET state = 'failed',
    lease_until = NULL,
    updated_at = now(),
    last_error = 'gave up after ' || attempts || ' attempts: the last worker (' || worker
        || ') stopped before finishing' || COALESCE('; before that: ' || last_error, '')
WHERE state = 'running' AND lease_until < now() AND attempts >= max_attempts
