SELECT m.key, d.id, m.fused_id, m.chain, m.country, m.first_day, m.last_day, m.data
FROM mentions AS m JOIN documents AS d ON d.seq = m.document_seq
ORDER BY m.key
