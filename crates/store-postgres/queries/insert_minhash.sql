INSERT INTO minhash (document_seq, signature) VALUES ($1, $2)
