-- 0001: the initial schema of Vigil's PostgreSQL store, the same tables as the SQLite store's
-- 0001 so that both backends keep the same facts in the same shape.
--
-- Publication dates are DATE. Timestamps are RFC 3339 UTC text with nine fraction digits, as in
-- SQLite: timestamptz keeps only microseconds, and the Store contract round-trips what it was
-- given exactly; fixed-width text sorts in time order all the same. JSON columns hold the domain
-- types' serde form as text, read back by serde, never queried inside.

-- Full-text search configuration: the English Snowball stemmer (the same Porter family as the
-- SQLite store's `porter` tokenizer) on every kind of word, without a stop-word list, because
-- FTS5 drops no words either and a search for "the attack on Crocus" must keep its words.
CREATE TEXT SEARCH DICTIONARY vigil_english_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION vigil_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION vigil_english
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH vigil_english_stem;

-- Publishers and their Admiralty reliability grade; F (cannot be judged) until an analyst sets it.
CREATE TABLE sources (
    name        TEXT PRIMARY KEY,
    reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F'))
);

-- One row per distinct document. `seq` (insertion order) keys the tables below, so their rows
-- are appended in order rather than scattered by random hash ids.
CREATE TABLE documents (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    origin       TEXT NOT NULL,
    source       TEXT REFERENCES sources (name),
    url          TEXT,
    title        TEXT,
    author       TEXT,
    published    DATE,
    language     TEXT,
    media_type   TEXT NOT NULL,
    text         TEXT NOT NULL,
    raw          BYTEA NOT NULL,
    offsets      TEXT NOT NULL,
    warnings     TEXT NOT NULL,
    -- Deferred so that a near-copy may come before its original within one batch; a link to a
    -- document that is in neither the store nor the batch fails the batch at commit.
    duplicate_of TEXT REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
    similarity   DOUBLE PRECISION,
    ingested_at  TEXT NOT NULL,
    -- The search vector, kept by PostgreSQL itself: a title word weighs A, a text word B, so
    -- ts_rank scores a title match well above one in the text (SQLite: bm25(5.0, 1.0)).
    search       TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('vigil_english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('vigil_english', text), 'B')
    ) STORED,
    CHECK ((duplicate_of IS NULL) = (similarity IS NULL))
);

CREATE INDEX documents_by_published ON documents (published DESC NULLS LAST, id);
CREATE INDEX documents_by_source ON documents (source);
CREATE INDEX documents_by_duplicate_of ON documents (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX documents_search ON documents USING GIN (search);

-- Every place a document was read from; `n` keeps first-seen order, even within one batch.
CREATE TABLE document_origins (
    n            BIGINT GENERATED ALWAYS AS IDENTITY,
    document_seq BIGINT NOT NULL REFERENCES documents (seq),
    origin       TEXT NOT NULL,
    seen_at      TEXT NOT NULL,
    PRIMARY KEY (document_seq, origin)
);

-- MinHash signatures: u32 values, little-endian, concatenated.
CREATE TABLE minhash (
    document_seq BIGINT PRIMARY KEY REFERENCES documents (seq),
    signature    BYTEA NOT NULL
);

-- LSH band keys (u64 stored as the i64 with the same bits). Only originals have rows here, so a
-- near-copy is never offered as a candidate original.
CREATE TABLE lsh_bands (
    band_key     BIGINT NOT NULL,
    document_seq BIGINT NOT NULL REFERENCES documents (seq),
    PRIMARY KEY (band_key, document_seq)
);

-- The extractor's output per document, with provenance.
CREATE TABLE extractions (
    document_seq      BIGINT PRIMARY KEY REFERENCES documents (seq),
    extraction        TEXT NOT NULL,
    extractor_name    TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    extracted_at      TEXT NOT NULL
);
