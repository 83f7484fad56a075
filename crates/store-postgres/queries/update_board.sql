UPDATE boards SET name = $2, body = $3, decisions = $4, updated_at = $5 WHERE id = $1
