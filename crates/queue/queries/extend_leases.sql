-- The heartbeat: every job a worker process holds (worker ids start with the process's prefix)
-- keeps its lease while the process lives.
UPDATE jobs
SET lease_until = now() + make_interval(secs => $2)
WHERE state = 'running' AND left(worker, length($1)) = $1
