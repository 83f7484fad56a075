UPDATE mentions SET fused_id = $2, anchor = $3 WHERE fused_id = $1
