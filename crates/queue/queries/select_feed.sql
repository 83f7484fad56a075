SELECT url, every_seconds, next_poll_at, etag, last_modified, last_polled_at, last_outcome
FROM feeds
WHERE url = $1
