SELECT id, name, body, decisions, created_at, updated_at FROM boards WHERE id = $1
