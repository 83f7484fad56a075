-- The insertion sequence number of a stored document, which the other tables are keyed by.
SELECT seq FROM documents WHERE id = $1
