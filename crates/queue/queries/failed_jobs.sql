SELECT id, kind, payload, attempts, COALESCE(last_error, ''), updated_at
FROM jobs
WHERE state = 'failed'
ORDER BY id
LIMIT $1
