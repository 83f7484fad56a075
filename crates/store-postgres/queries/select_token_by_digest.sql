-- The token with this digest.
SELECT name, role, created_at FROM api_tokens WHERE digest = $1
