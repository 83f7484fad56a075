-- 0004: API tokens for `vigil serve`. Only a SHA-256 digest of each token is kept, so a copy
-- of the store does not hand out working tokens.
CREATE TABLE api_tokens (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL CHECK (role IN ('analyst', 'viewer')),
    digest     TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
