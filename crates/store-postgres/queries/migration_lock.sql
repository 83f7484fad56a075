-- Serialises migrations across processes for the rest of the transaction, so two processes
-- opening a new database at once cannot both apply the same migration.
SELECT pg_advisory_xact_lock(7306071611108501)
