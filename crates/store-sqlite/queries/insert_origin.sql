INSERT INTO document_origins (document_id, origin, seen_at) VALUES (?1, ?2, ?3)
ON CONFLICT (document_id, origin) DO NOTHING
