INSERT INTO document_origins (document_seq, origin, seen_at) VALUES ($1, $2, $3)
ON CONFLICT (document_seq, origin) DO NOTHING
