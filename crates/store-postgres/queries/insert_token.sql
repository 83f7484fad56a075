-- Stores a token's digest under a new name; a taken name or digest fails (UNIQUE).
INSERT INTO api_tokens (name, role, digest, created_at) VALUES ($1, $2, $3, $4)
