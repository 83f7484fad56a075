-- Adding a followed feed again changes its period only; what was learnt polling it stays.
INSERT INTO feeds (url, every_seconds) VALUES ($1, $2)
ON CONFLICT (url) DO UPDATE SET every_seconds = EXCLUDED.every_seconds
