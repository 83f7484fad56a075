SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')
