SELECT
    id, origin, source, url, title, author, published, language, media_type, text, raw,
    offsets, warnings, duplicate_of, similarity, ingested_at
FROM documents
WHERE id = $1
