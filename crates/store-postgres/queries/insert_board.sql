INSERT INTO boards (name, body, decisions, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
RETURNING id
