INSERT INTO claim_grades (claim, credibility) VALUES ($1, $2)
ON CONFLICT (claim) DO UPDATE SET credibility = excluded.credibility
