-- Inserts nothing when the document is not stored, so the caller can tell NotFound apart.
INSERT INTO extractions (document_seq, extraction, extractor_name, extractor_version, extracted_at)
SELECT seq, $2, $3, $4, $5 FROM documents WHERE id = $1
ON CONFLICT (document_seq) DO UPDATE SET
    extraction = excluded.extraction,
    extractor_name = excluded.extractor_name,
    extractor_version = excluded.extractor_version,
    extracted_at = excluded.extracted_at,
    fused = FALSE
