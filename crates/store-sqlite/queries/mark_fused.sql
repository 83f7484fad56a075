UPDATE extractions SET fused = 1 WHERE document_seq = (SELECT seq FROM documents WHERE id = ?1)
