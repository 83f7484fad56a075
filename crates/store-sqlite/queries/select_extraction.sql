SELECT extraction, extractor_name, extractor_version, extracted_at
FROM extractions
WHERE document_id = ?1
