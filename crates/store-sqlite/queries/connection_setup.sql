-- Run on every connection before migrations. WAL lets readers work while a batch is written;
-- synchronous = NORMAL is durable across application crashes in WAL mode and much faster than
-- FULL; foreign keys are off by default in SQLite and the schema relies on them.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
PRAGMA temp_store = MEMORY;
