DELETE FROM mentions;
UPDATE extractions SET fused = 0;
