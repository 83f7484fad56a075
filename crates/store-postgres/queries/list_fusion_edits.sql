SELECT seq, edit, author, at, why FROM fusion_edits ORDER BY seq
