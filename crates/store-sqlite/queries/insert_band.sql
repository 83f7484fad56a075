-- A signature may repeat a band key (a hash collision); one row is enough.
INSERT INTO lsh_bands (band_key, document_seq) VALUES (?1, ?2)
ON CONFLICT (band_key, document_seq) DO NOTHING
