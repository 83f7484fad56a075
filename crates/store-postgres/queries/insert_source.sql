-- A source seen for the first time gets the default grade; a known one keeps its grade.
INSERT INTO sources (name) VALUES ($1)
ON CONFLICT (name) DO NOTHING
