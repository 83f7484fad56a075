-- Releases what lock_fusion.sql took.
SELECT pg_advisory_unlock(730607, hashtext(current_schema()))
