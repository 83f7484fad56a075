-- `n` grows with each insert, so it is first-seen order even within one batch, where every
-- origin shares one timestamp.
SELECT o.origin
FROM document_origins AS o
JOIN documents AS d ON d.seq = o.document_seq
WHERE d.id = $1
ORDER BY o.n
