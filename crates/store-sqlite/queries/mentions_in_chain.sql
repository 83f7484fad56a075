-- The mentions of one chain ?1 (named by its smallest mention key).
SELECT m.key, d.id, m.fused_id, m.chain, m.country, m.first_day, m.last_day, m.data
FROM mentions AS m JOIN documents AS d ON d.seq = m.document_seq
WHERE m.chain = ?1
ORDER BY m.key
