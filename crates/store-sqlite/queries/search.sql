-- `rank` is bm25(5.0, 1.0) (set in 0001_initial.sql): a title match counts five times one in the
-- text. BM25 is lower for better matches, so the score is its negation. FTS5 hands rows out in
-- rank order itself (no sorter), so snippet() (best column, matches in [ ], about 16 tokens)
-- runs only for the rows within the LIMIT.
SELECT
    d.id,
    d.title,
    d.source,
    d.published,
    -documents_fts.rank AS score,
    snippet(documents_fts, -1, '[', ']', '…', 16) AS snippet
FROM documents_fts
JOIN documents AS d ON d.seq = documents_fts.rowid
WHERE documents_fts MATCH ?1
ORDER BY documents_fts.rank
LIMIT ?2
