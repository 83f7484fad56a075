SELECT d.id, d.published, d.source, d.text, e.extraction
FROM extractions AS e
JOIN documents AS d ON d.seq = e.document_seq
WHERE NOT e.fused AND d.duplicate_of IS NULL
ORDER BY e.document_seq
LIMIT $1
