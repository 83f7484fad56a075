SELECT d.id, e.extraction, e.extractor_name, e.extractor_version, e.extracted_at
FROM extractions AS e
JOIN documents AS d ON d.seq = e.document_seq
WHERE d.duplicate_of IS NULL
ORDER BY d.published ASC NULLS LAST, d.id
