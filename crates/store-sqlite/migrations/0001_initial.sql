-- 0001: the initial schema of Vigil's SQLite store.
--
-- Dates are ISO 8601 text (`published` YYYY-MM-DD, timestamps RFC 3339 UTC) so that text order is
-- time order and the file stays readable with the sqlite3 shell. JSON columns hold the domain
-- types' serde form.

-- Publishers and their Admiralty reliability grade; F (cannot be judged) until an analyst sets it.
CREATE TABLE sources (
    name        TEXT PRIMARY KEY NOT NULL,
    reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F'))
);

-- One row per distinct document. `seq` is the insertion order: the external-content FTS index
-- refers to rows by integer rowid (an implicit rowid may be renumbered by VACUUM), and the
-- tables below are keyed by it rather than by the hash id. A batch's seqs are consecutive, so
-- its rows are appended at the end of each of those B-trees instead of scattered through them
-- by random hash keys, which keeps the pages a batch dirties (and writes to the WAL) few.
CREATE TABLE documents (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    origin       TEXT NOT NULL,
    source       TEXT REFERENCES sources (name),
    url          TEXT,
    title        TEXT,
    author       TEXT,
    published    TEXT,
    language     TEXT,
    media_type   TEXT NOT NULL,
    text         TEXT NOT NULL,
    raw          BLOB NOT NULL,
    offsets      TEXT NOT NULL,
    warnings     TEXT NOT NULL,
    -- Deferred so that a near-copy may come before its original within one batch; a link to a
    -- document that is in neither the store nor the batch fails the batch at commit.
    duplicate_of TEXT REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
    similarity   REAL,
    ingested_at  TEXT NOT NULL,
    CHECK ((duplicate_of IS NULL) = (similarity IS NULL))
);

-- The listing's order: SQLite sorts NULL lowest, so `published DESC` puts undated documents last.
CREATE INDEX documents_by_published ON documents (published DESC, id);
-- The listing's source filter. Without more columns, a source's entries are ordered by seq, so
-- new documents append to each source's run.
CREATE INDEX documents_by_source ON documents (source);
-- Near-copies only: serves the near-duplicate count and the deferred foreign-key check, which
-- looks up children by `duplicate_of` when an original arrives after its copy.
CREATE INDEX documents_by_duplicate_of ON documents (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Every place a document was read from; the rowid keeps first-seen order.
CREATE TABLE document_origins (
    document_seq INTEGER NOT NULL REFERENCES documents (seq),
    origin       TEXT NOT NULL,
    seen_at      TEXT NOT NULL,
    PRIMARY KEY (document_seq, origin)
);

-- MinHash signatures: u32 values, little-endian, concatenated.
CREATE TABLE minhash (
    document_seq INTEGER PRIMARY KEY REFERENCES documents (seq),
    signature    BLOB NOT NULL
);

-- LSH band keys (u64 stored as the i64 with the same bits). Only originals have rows here, so a
-- near-copy is never offered as a candidate original. The keys are hashes, so unlike the other
-- tables this one takes its inserts all over the B-tree; integer columns keep its rows small.
CREATE TABLE lsh_bands (
    band_key     INTEGER NOT NULL,
    document_seq INTEGER NOT NULL REFERENCES documents (seq),
    PRIMARY KEY (band_key, document_seq)
) WITHOUT ROWID;

-- The extractor's output per document, with provenance.
CREATE TABLE extractions (
    document_seq      INTEGER PRIMARY KEY REFERENCES documents (seq),
    extraction        TEXT NOT NULL,
    extractor_name    TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    extracted_at      TEXT NOT NULL
);

-- Full-text index over titles and cleaned text. External content: the text lives once, in
-- `documents`, and snippet() reads it from there.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title,
    text,
    content = 'documents',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The rank column is BM25 with a match in the title weighted five times one in the text. Asking
-- for `ORDER BY rank` (rather than ORDER BY bm25(...)) lets FTS5 hand rows out already sorted,
-- so snippet() runs only for the rows a search actually reads.
INSERT INTO documents_fts (documents_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');

-- The write path indexes a batch's new documents itself, in one statement after all its other
-- writes (`insert_fts.sql`), not through an AFTER INSERT trigger. Once an FTS5 table has joined
-- a transaction, every later statement that opens a statement savepoint (a trigger does) makes
-- FTS5 flush its pending terms to a new segment; a trigger turned each document into its own
-- tiny segment and each batch into a merge storm. Deletes and updates, which Vigil does not do
-- today, are kept in step by triggers.
CREATE TRIGGER documents_fts_after_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER documents_fts_after_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
