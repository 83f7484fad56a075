SELECT COALESCE(MAX(version), 0)::BIGINT FROM vigil_queue_migrations
