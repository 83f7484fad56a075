-- Inserts nothing when the document is not stored, so the caller can tell NotFound apart.
INSERT INTO mentions (key, document_seq, fused_id, chain, country, first_day, last_day, data)
SELECT $1, seq, $3, $4, $5, $6, $7, $8 FROM documents WHERE id = $2
ON CONFLICT (key) DO UPDATE SET
    document_seq = excluded.document_seq,
    fused_id = excluded.fused_id,
    chain = excluded.chain,
    country = excluded.country,
    first_day = excluded.first_day,
    last_day = excluded.last_day,
    data = excluded.data
