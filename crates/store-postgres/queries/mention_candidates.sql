-- $1 country (NULL: any), $2 first day, $3 last day. Short mentions come from the day window
-- (a mention of at most 31 days starts at most 31 days before $2), long ones through the
-- partial index mentions_long. Mentions of no known country match every country.
SELECT key, document_id, fused_id, chain, country, first_day, last_day, data FROM (
    SELECT m.key, d.id AS document_id, m.fused_id, m.chain, m.country, m.first_day, m.last_day,
        m.data
    FROM mentions AS m JOIN documents AS d ON d.seq = m.document_seq
    WHERE m.first_day BETWEEN $2::BIGINT - 31 AND $3::BIGINT
      AND m.last_day >= $2::BIGINT
      AND ($1::TEXT IS NULL OR m.country = $1 OR m.country IS NULL)
    UNION
    SELECT m.key, d.id, m.fused_id, m.chain, m.country, m.first_day, m.last_day, m.data
    FROM mentions AS m JOIN documents AS d ON d.seq = m.document_seq
    WHERE m.last_day - m.first_day > 31
      AND m.first_day <= $3::BIGINT
      AND m.last_day >= $2::BIGINT
      AND ($1::TEXT IS NULL OR m.country = $1 OR m.country IS NULL)
) AS candidates
ORDER BY key
