-- $1 is the array of band keys (i64 bit-casts of u64). Documents sharing more bands are likelier
-- copies, so they come first. Only originals have band rows.
SELECT d.id, m.signature, count(*) AS shared_bands
FROM lsh_bands AS b
JOIN minhash AS m ON m.document_seq = b.document_seq
JOIN documents AS d ON d.seq = b.document_seq
WHERE b.band_key = ANY($1::BIGINT[])
GROUP BY d.id, m.signature
ORDER BY shared_bands DESC, d.id
LIMIT $2
