DELETE FROM mentions WHERE document_seq = (SELECT seq FROM documents WHERE id = $1)
