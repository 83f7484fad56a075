-- Each due feed gets one poll job and its next due time in one statement: the row lock makes a
-- second worker running this at the same moment find the feed no longer due.
WITH due AS (
    UPDATE feeds
    SET next_poll_at = now() + make_interval(secs => every_seconds::DOUBLE PRECISION)
    WHERE next_poll_at <= now()
    RETURNING url
)
INSERT INTO jobs (kind, payload, max_attempts)
SELECT 'feed', url, $1::INTEGER FROM due
