-- Ids are lowercase hex, so every id starting with $1 sorts in [$1, $1 || 'g') under byte
-- order (COLLATE "C"), a range the unique index on id answers when the database's collation
-- is C, and a correct filter under any collation.
SELECT count(*), min(id) FROM documents
WHERE id COLLATE "C" >= $1 AND id COLLATE "C" < $1 || 'g' AND starts_with(id, $1)
