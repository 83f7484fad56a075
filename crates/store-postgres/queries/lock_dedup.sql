-- Deduplication's check-and-store steps of concurrent writers (workers) run one at a time per
-- schema, so a report's near-copy stored by another worker a moment before is seen. Session
-- level, as the fusion lock: the check reads before the storing transaction begins.
SELECT pg_advisory_lock(730608, hashtext(current_schema()))
