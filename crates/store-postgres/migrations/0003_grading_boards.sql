-- 0003: grading and hypothesis boards. Reliability stays on sources (0001); credibility is a
-- separate axis, on claims, in its own table: the two are never stored as one number.

-- Information credibility 1-6 per claim (`<document id>/<claim id>`); an ungraded claim is 6.
CREATE TABLE claim_grades (
    claim       TEXT PRIMARY KEY,
    credibility SMALLINT NOT NULL CHECK (credibility BETWEEN 1 AND 6)
);

-- Every change of a grade: what, old and new value, who, when, why.
CREATE TABLE grade_history (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('source', 'claim')),
    target      TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT NOT NULL,
    author      TEXT NOT NULL,
    at          TEXT NOT NULL,
    why         TEXT NOT NULL
);
CREATE INDEX grade_history_by_target ON grade_history (target_kind, target, seq);

-- Boards: the board file (CODEBOOK.md section 8) as JSON, and decisions on suggested evidence.
CREATE TABLE boards (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT NOT NULL,
    body       TEXT NOT NULL,
    decisions  TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
