-- The store's migration lock (store-postgres queries/migration_lock.sql): one key, so store and
-- queue migrations of processes starting at once never interleave.
SELECT pg_advisory_xact_lock(7306071611108501)
