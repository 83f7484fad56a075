INSERT INTO vigil_queue_migrations (version, name) VALUES ($1, $2)
