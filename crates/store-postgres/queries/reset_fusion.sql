DELETE FROM mentions;
UPDATE extractions SET fused = FALSE;
