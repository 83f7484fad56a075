UPDATE extractions SET fused = TRUE WHERE document_seq = (SELECT seq FROM documents WHERE id = $1)
