-- Fusion steps of concurrent writers (workers) run one at a time per schema. Session level, not
-- transaction level: a fusion run spans many transactions (one per mention), and the server
-- releases the lock itself when the session ends, however it ends.
SELECT pg_advisory_lock(730607, hashtext(current_schema()))
