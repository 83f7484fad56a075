-- The grade before a change, its row locked until the change commits.
SELECT reliability FROM sources WHERE name = $1 FOR UPDATE
