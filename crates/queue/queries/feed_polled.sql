UPDATE feeds
SET etag = $2, last_modified = $3, last_outcome = $4, last_polled_at = now()
WHERE url = $1
