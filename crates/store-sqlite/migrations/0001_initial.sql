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

-- One row per distinct document. `seq` is an explicit integer key because the external-content
-- FTS index refers to rows by integer rowid, and an implicit rowid may be renumbered by VACUUM.
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

-- The listing's order (newest published first, then id) and its source filter.
CREATE INDEX documents_by_published ON documents (published DESC, id);
CREATE INDEX documents_by_source ON documents (source, published DESC, id);
-- Near-copies only: serves the near-duplicate count and the deferred foreign-key check, which
-- looks up children by `duplicate_of` when an original arrives after its copy.
CREATE INDEX documents_by_duplicate_of ON documents (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Every place a document was read from; the rowid keeps first-seen order.
CREATE TABLE document_origins (
    document_id TEXT NOT NULL REFERENCES documents (id),
    origin      TEXT NOT NULL,
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (document_id, origin)
);

-- MinHash signatures: u32 values, little-endian, concatenated.
CREATE TABLE minhash (
    document_id TEXT PRIMARY KEY NOT NULL REFERENCES documents (id),
    signature   BLOB NOT NULL
) WITHOUT ROWID;

-- LSH band keys (u64 stored as the i64 with the same bits). Only originals have rows here, so a
-- near-copy is never offered as a candidate original.
CREATE TABLE lsh_bands (
    band_key    INTEGER NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents (id),
    PRIMARY KEY (band_key, document_id)
) WITHOUT ROWID;

-- The extractor's output per document, with provenance.
CREATE TABLE extractions (
    document_id       TEXT PRIMARY KEY NOT NULL REFERENCES documents (id),
    extraction        TEXT NOT NULL,
    extractor_name    TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    extracted_at      TEXT NOT NULL
) WITHOUT ROWID;

-- Full-text index over titles and cleaned text. External content: the text lives once, in
-- `documents`, and snippet() reads it from there.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title,
    text,
    content = 'documents',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Triggers keep the index in step with `documents` whatever path writes it.
CREATE TRIGGER documents_fts_after_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER documents_fts_after_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER documents_fts_after_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
