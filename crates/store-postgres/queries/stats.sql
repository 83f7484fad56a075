SELECT
    (SELECT count(*) FROM documents),
    (SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL),
    (SELECT count(*) FROM extractions),
    (SELECT count(*) FROM sources)
