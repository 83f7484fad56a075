-- The mentions of every chain in $1 (a chain is named by its smallest mention key), once each.
SELECT m.key, d.id, m.fused_id, m.chain, m.country, m.first_day, m.last_day, m.data
FROM mentions AS m JOIN documents AS d ON d.seq = m.document_seq
WHERE m.chain = ANY($1::TEXT[])
ORDER BY m.key
