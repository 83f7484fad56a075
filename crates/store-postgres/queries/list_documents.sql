-- A NULL filter parameter means "no filter"; a NULL limit means all. Undated documents last.
SELECT
    id, title, source, published, language, media_type, origin,
    octet_length(text)::BIGINT AS text_bytes, duplicate_of, ingested_at
FROM documents
WHERE ($1::TEXT IS NULL OR source = $1)
  AND ($2::DATE IS NULL OR published >= $2)
  AND ($3::DATE IS NULL OR published <= $3)
  AND (NOT $4::BOOLEAN OR duplicate_of IS NULL)
ORDER BY published DESC NULLS LAST, id
LIMIT $5 OFFSET $6
