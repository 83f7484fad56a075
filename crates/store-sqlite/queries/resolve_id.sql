-- Ids are lowercase hex, so every id starting with ?1 sorts in [?1, ?1 || 'g'): a range the
-- unique index on id answers without a scan.
SELECT count(*), min(id) FROM documents WHERE id >= ?1 AND id < ?1 || 'g'
