-- A NULL filter parameter means "no filter". SQLite sorts NULL lowest, so `published DESC` puts
-- undated documents last (and matches the documents_by_published index).
SELECT
    id, title, source, published, language, media_type, origin, octet_length(text) AS text_bytes,
    duplicate_of, ingested_at
FROM documents
WHERE (?1 IS NULL OR source = ?1)
  AND (?2 IS NULL OR published >= ?2)
  AND (?3 IS NULL OR published <= ?3)
  AND (?4 = 0 OR duplicate_of IS NULL)
ORDER BY published DESC, id
LIMIT ?5 OFFSET ?6
