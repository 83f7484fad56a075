-- As mention_candidates.sql for a known country ?1, through the (country, first_day) index.
SELECT key, document_id, fused_id, chain, country, first_day, last_day, data FROM (
    SELECT m.key, d.id AS document_id, m.fused_id, m.chain, m.country, m.first_day, m.last_day, m.data
    FROM mentions AS m JOIN documents AS d ON d.seq = m.document_seq
    WHERE m.country = ?1 AND m.first_day BETWEEN ?2 - 31 AND ?3 AND m.last_day >= ?2
    UNION
    SELECT m.key, d.id, m.fused_id, m.chain, m.country, m.first_day, m.last_day, m.data
    FROM mentions AS m JOIN documents AS d ON d.seq = m.document_seq
    WHERE m.country IS NULL AND m.first_day BETWEEN ?2 - 31 AND ?3 AND m.last_day >= ?2
    UNION
    SELECT m.key, d.id, m.fused_id, m.chain, m.country, m.first_day, m.last_day, m.data
    FROM mentions AS m INDEXED BY mentions_long JOIN documents AS d ON d.seq = m.document_seq
    WHERE m.last_day - m.first_day > 31 AND m.first_day <= ?3 AND m.last_day >= ?2
      AND (m.country = ?1 OR m.country IS NULL)
)
ORDER BY key
