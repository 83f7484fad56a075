-- Every token, oldest first (digests are not returned).
SELECT name, role, created_at FROM api_tokens ORDER BY id
