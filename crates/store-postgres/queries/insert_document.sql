-- ON CONFLICT (id): only an id already stored (perhaps by a concurrent batch) is skipped; any
-- other constraint violation fails the batch. RETURNING gives the new row's seq, and no row when
-- the id was stored.
INSERT INTO documents (
    id, origin, source, url, title, author, published, language, media_type, text, raw,
    offsets, warnings, duplicate_of, similarity, ingested_at
)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
ON CONFLICT (id) DO NOTHING
RETURNING seq
