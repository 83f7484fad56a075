INSERT INTO minhash (document_id, signature) VALUES (?1, ?2)
