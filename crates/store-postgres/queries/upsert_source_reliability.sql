INSERT INTO sources (name, reliability) VALUES ($1, $2)
ON CONFLICT (name) DO UPDATE SET reliability = excluded.reliability
