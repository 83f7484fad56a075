SELECT coalesce(max(version), 0) FROM vigil_migrations
