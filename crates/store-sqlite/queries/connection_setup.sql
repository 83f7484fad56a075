-- Run on every connection before migrations.
--
-- WAL lets readers work while a batch is written. synchronous = NORMAL is durable across
-- application crashes in WAL mode (a power cut may lose the last commits, never corrupt) and
-- skips the fsync per commit that FULL costs. Foreign keys are off by default in SQLite and the
-- schema relies on them.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
PRAGMA temp_store = MEMORY;
-- A 64 MiB page cache keeps the indexes a batch updates (the id index, LSH bands, FTS segments)
-- in memory instead of re-reading them for every batch.
PRAGMA cache_size = -65536;
-- A batch of 1,000 documents writes tens of MiB of pages; checkpointing every 64 MiB of WAL
-- instead of every 4 MiB (the default) copies a page touched by several batches back once.
-- The WAL file is truncated back to that size after a checkpoint.
PRAGMA wal_autocheckpoint = 16384;
PRAGMA journal_size_limit = 67108864;
