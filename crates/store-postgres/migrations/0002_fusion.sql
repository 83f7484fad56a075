-- 0002: fusion. Each incident a document reports is a mention; mentions of one incident share a
-- fused id. Days are counted from 0001-01-01 so that overlap tests are integer comparisons.

-- Whether a document's extraction has been fused; storing a new extraction resets it.
ALTER TABLE extractions ADD COLUMN fused BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX extractions_unfused ON extractions (document_seq) WHERE NOT fused;

CREATE TABLE mentions (
    key          TEXT PRIMARY KEY,
    document_seq BIGINT NOT NULL REFERENCES documents (seq),
    fused_id     TEXT NOT NULL,
    anchor       TEXT NOT NULL,
    country      TEXT,
    first_day    BIGINT,
    last_day     BIGINT,
    data         TEXT NOT NULL,
    CHECK ((first_day IS NULL) = (last_day IS NULL))
);

-- The block lookup: a country's mentions by first day. A mention whose days span more than a
-- month (a year-precise date) is rare and found through the partial index.
CREATE INDEX mentions_by_block ON mentions (country, first_day);
CREATE INDEX mentions_by_day ON mentions (first_day);
CREATE INDEX mentions_long ON mentions (first_day) WHERE last_day - first_day > 31;
CREATE INDEX mentions_by_fused ON mentions (fused_id);
CREATE INDEX mentions_by_document ON mentions (document_seq);

-- Analysts' merges, splits and values, as the fusion crate serialises them.
CREATE TABLE fusion_edits (
    seq    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edit   TEXT NOT NULL,
    author TEXT NOT NULL,
    at     TEXT NOT NULL,
    why    TEXT NOT NULL
);
