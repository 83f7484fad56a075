INSERT INTO grade_history (target_kind, target, old_value, new_value, author, at, why)
VALUES ($1, $2, $3, $4, $5, $6, $7)
