-- The rowid grows with each insert, so it is first-seen order even within one batch, where
-- every origin shares one timestamp.
SELECT origin FROM document_origins WHERE document_id = ?1 ORDER BY rowid
