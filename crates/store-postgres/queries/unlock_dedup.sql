-- Releases what lock_dedup.sql took.
SELECT pg_advisory_unlock(730608, hashtext(current_schema()))
