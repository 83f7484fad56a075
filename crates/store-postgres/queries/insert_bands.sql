-- A batch's band keys in one statement: $1 keys, $2 the seqs of their documents, sorted by key
-- by the caller, so concurrent batches take the index's row locks in one order. A signature may
-- repeat a band key (a hash collision); one row is enough.
INSERT INTO lsh_bands (band_key, document_seq)
SELECT * FROM unnest($1::BIGINT[], $2::BIGINT[])
ON CONFLICT (band_key, document_seq) DO NOTHING
