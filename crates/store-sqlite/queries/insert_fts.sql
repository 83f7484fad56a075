-- Indexes the documents a batch added (their seqs are consecutive from ?1, since the batch holds
-- the write lock and new rows get seq = max + 1) in one statement at the end of the batch; the
-- seq is the FTS row's rowid (external content).
INSERT INTO documents_fts (rowid, title, text)
SELECT seq, title, text FROM documents WHERE seq >= ?1 ORDER BY seq
