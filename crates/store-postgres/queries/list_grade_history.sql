SELECT target, old_value, new_value, author, at, why
FROM grade_history
WHERE target_kind = $1 AND target = $2
ORDER BY seq
