-- $1 a tsquery in to_tsquery syntax (built by search.rs: quoted terms ANDed), $2 the limit.
-- ts_rank weighs a title (A) match 1.0 and a text (B) match 0.4. The LIMIT applies in the inner
-- query so that ts_headline, which re-parses the document, runs only for the hits returned.
-- The snippet comes from the text, or from the title when only the title matches.
SELECT
    hit.id, hit.title, hit.source, hit.published, hit.score::DOUBLE PRECISION AS score,
    ts_headline(
        'vigil_english',
        CASE WHEN to_tsvector('vigil_english', hit.text) @@ hit.query THEN hit.text
             ELSE coalesce(hit.title, '') END,
        hit.query,
        'StartSel=[, StopSel=], MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, '
        || 'FragmentDelimiter=" … "'
    ) AS snippet
FROM (
    SELECT d.id, d.title, d.source, d.published, d.text, q.query,
        ts_rank(d.search, q.query) AS score
    FROM documents AS d, to_tsquery('vigil_english', $1) AS q (query)
    WHERE d.search @@ q.query
    ORDER BY score DESC, d.id
    LIMIT $2
) AS hit
ORDER BY hit.score DESC, hit.id
