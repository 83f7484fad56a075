INSERT INTO fusion_edits (edit, author, at, why) VALUES ($1, $2, $3, $4) RETURNING seq
