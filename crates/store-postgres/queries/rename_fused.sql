UPDATE mentions SET fused_id = $2, chain = $3 WHERE fused_id = $1
