-- bm25() weights: a match in the title counts five times one in the text. bm25() is lower for
-- better matches, so the score is its negation. snippet() picks the best column (-1), wraps
-- matches in [ ] and keeps about 16 tokens.
SELECT
    d.id,
    d.title,
    d.source,
    d.published,
    -bm25(documents_fts, 5.0, 1.0) AS score,
    snippet(documents_fts, -1, '[', ']', '…', 16) AS snippet
FROM documents_fts
JOIN documents AS d ON d.seq = documents_fts.rowid
WHERE documents_fts MATCH ?1
ORDER BY bm25(documents_fts, 5.0, 1.0), d.id
LIMIT ?2
